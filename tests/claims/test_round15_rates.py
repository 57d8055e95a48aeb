"""Round lintR (issue 11): rates, changes and text-against-table figures, the classes hold-out h18 missed, each with a
wrong and a right case written in phrasings of their own and linted as a real file; and the readings that must stay
silent where the figures do not single one reading out."""
from __future__ import annotations

import pytest

from .test_reading9 import errors, wrong_then_right

#: a 自评表 in Markdown with the narrative {body} after it
SELF_EVAL = ("# 某县交通运输局2024年度部门整体支出绩效自评报告\n\n一、绩效指标完成情况\n\n"
             "| 一级指标 | 二级指标 | 三级指标 | 分值 | 目标值 | 实际完成值 | 得分 |\n|---|---|---|---|---|---|---|\n"
             "| 产出指标 | 数量指标 | 农村公路养护里程 | 20 | 860公里 | 842公里 | 19.58 |\n"
             "| 产出指标 | 质量指标 | 信访事项按期办结率 | 20 | ≥98% | 96.5% | 19.69 |\n"
             "| 效益指标 | 社会效益指标 | 群众满意度 | 60 | ≥90% | 93% | 60 |\n"
             "| 总分 | | | 100 | | | 99.27 |\n\n二、主要成效\n\n{body}\n")
#: the same with a row of visitors in place of the satisfaction row
VISITORS = SELF_EVAL.replace("| 效益指标 | 社会效益指标 | 群众满意度 | 60 | ≥90% | 93% | 60 |",
                             "| 效益指标 | 社会效益指标 | 全年接待游客人次 | 60 | ≥500万人次 | 521.6万人次 | 60 |")
#: a table of budget stages whose 基本支出 rate is {x}; the text states both lines' rates by their definition
STAGES = ("（三）预算执行情况（单位：万元）\n"
          "项目\t年初预算数\t全年预算数\t实际支出数\t全年预算执行率\n"
          "合计\t2900.00\t3100.00\t3020.40\t97.43%\n"
          "基本支出\t900.00\t960.00\t948.48\t{x}\n"
          "项目支出\t2000.00\t2140.00\t2071.92\t96.82%\n"
          "基本支出全年预算执行率98.80%，项目支出全年预算执行率96.82%。\n")

#: (what is read, the text with {x}, file name, code, wrong, right, the expected figure the finding gives)
CASES = [
    # --- 1. a rate named by its line is that line's spending over that line's budget ---------------------------
    # 97.12% would be the income over the budget: the rate's subject names spending (执行数 ÷ 全年预算数)
    ("the department's rate from spending in another paragraph",
     "（一）收支情况\n\n本年度收入合计2,525.12万元，支出合计2,480.60万元。\n\n（二）预算执行\n\n经年中追加，本年度全年预算数为"
     "2,600.00万元（年初预算2,300.00万元，追加300.00万元）。全年预算执行率为{x}%，执行进度总体平稳。\n",
     "r.txt", "TXT005", "97.12", "95.41", "95.41%"),
    # 95.41% is the department's rate (2,480.60 ÷ 2,600.00), written again for the project line
    ("a line's rate over that line's budget", "本年度基本支出全年预算为820.00万元，项目支出全年预算为1,780.00万元。"
     "全年共支出2,480.60万元，其中基本支出801.30万元，项目支出1,679.30万元，项目支出预算执行率达到{x}%。\n",
     "r.txt", "TXT005", "95.41", "94.34", "94.34%"),
    # the 合计 row of a table captioned 项目支出预算执行情况表 is the project line's: 756.00 ÷ 800.00 = 94.50%
    ("a table's total row is the line its caption names", "三、项目支出\n表3  2024年项目支出预算执行情况表（万元）\n"
     "项目名称\t全年预算数\t执行数\t执行率\n道路养护\t500.00\t480.00\t96.00%\n桥梁检测\t300.00\t276.00\t92.00%\n"
     "合计\t800.00\t756.00\t94.50%\n\n四、存在的问题\n二是项目支出执行率仅为{x}，部分项目因招标延后而支付滞后。\n",
     "r.txt", "TXT014", "92.00%", "94.50%", "94.50%"),
    # --- 2. points against the rate whose own clause is last year's --------------------------------------------
    ("points against last year's rate in its own clause", "“三公”经费预算执行率为82.40%，上年同期为88.90%，"
     "较上年下降{x}个百分点。\n", "r.txt", "TXT004", "6.05", "6.50", "6.50"),
    # --- 3. a change after last year's figure is measured from it (1.72% would be over another whole) ----------
    ("a change after last year's figure opening its sentence", "基本支出801.30万元，主要用于人员工资和日常运转。"
     "去年758.60万元，增加42.70万元，增长{x}%。\n", "r.txt", "TXT004", "1.72", "5.63", "5.63%"),
    # --- 4. the text's result against the 自评表's 实际完成值 ---------------------------------------------------
    # the row's 信访 is written in the clause before (信访工作方面), the rate's clause adds its verb (交办)
    ("a rate named across its sentence", SELF_EVAL.replace("{body}", "信访工作方面，当年交办事项按期办结率为{x}，"
     "个别事项因涉及多部门协调而延期。"), "r.md", "TXT021", "97.5%", "96.5%", "96.5%"),
    # 860公里 is the row's 目标值: written as the year's result it disagrees with the 实际完成值
    ("the target written as what was done", SELF_EVAL.replace("{body}", "全年完成农村公路养护{x}，重点整治了县道沿线的"
     "坑槽和边沟。"), "r.md", "TXT021", "860公里", "842公里", "842公里"),
    # 全县接待游客 and the row 全年接待游客人次 name one indicator
    ("the whole area and the row's own time frame the name", VISITORS.replace("{body}", "2024年全县接待游客{x}，"
     "旅游综合收入稳步增长。"), "r.md", "TXT021", "498.3万人次", "521.6万人次", "521.6万人次"),
    # --- 5. precision: the figure a change is of; a table's rate read by its definition -------------------------
    # 15.00 is the budget the 83.07% is of; the change belongs to the 决算 12.46: 1.58 ÷ (12.46 + 1.58) = 11.25%
    ("a change after a completion ratio is the spending's", "“三公”经费支出决算12.46万元，完成预算15.00万元的83.07%，"
     "比上年减少1.58万元，下降{x}%。\n", "r.txt", "TXT004", "12.68", "11.25", "11.25%"),
    # 105.39% = 948.48 ÷ 900.00 (the 年初预算): the table is wrong, the text's 98.80% (÷ 960.00) is right
    ("a table's rate over the initial budget is the table's error", STAGES, "r.txt", "TBL005", "105.39%", "98.80%",
     "98.80%"),
    ("a table's rate of no pair is the table's error", STAGES, "r.txt", "TBL005", "101.39%", "98.80%", "98.80%"),
]


@pytest.mark.parametrize("text,name,code,wrong,right,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_wrong_then_right(tmp_path, text, name, code, wrong, right, expected):
    wrong_then_right(tmp_path, text, code, wrong, right, expected=expected, name=name)


#: (what is not judged, the text, file name, the codes that must not be reported)
SILENT = [
    # two different full budgets of the project line: which one the rate is of cannot be told
    ("a line's budget given twice", "项目支出全年预算为1,780.00万元，调整后项目支出全年预算为1,900.00万元。项目支出"
     "1,679.30万元，项目支出预算执行率88.38%。\n", "r.txt", ("TXT005",)),
    # 12.46 ÷ 15.00 is not 80.00%: which figure the change is of cannot be told
    ("a ratio that does not single out its numerator", "“三公”经费支出决算12.46万元，完成预算15.00万元的80.00%，"
     "比上年减少1.58万元，下降9.53%。\n", "r.txt", ("TXT004",)),
    ("a target named as such", SELF_EVAL.replace("{body}", "年初确定的任务是完成农村公路养护860公里，实际完成842公里。"),
     "r.md", ("TXT021",)),
    # the goal stated before its list (目标是：) or in the heading above: 860公里 is the target, said as such
    ("a list of targets opened by 目标是：", SELF_EVAL.replace("{body}", "年度绩效目标是：全面落实养护责任；完成农村公路"
     "养护860公里；信访事项按期办结率98%。"), "r.md", ("TXT021",)),
    ("a list of targets under a heading", SELF_EVAL.replace("{body}", "（一）年度绩效目标\n\n完成农村公路养护860公里；"
     "群众满意度达到90%。"), "r.md", ("TXT021",)),
]


@pytest.mark.parametrize("text,name,codes", [c[1:] for c in SILENT], ids=[c[0] for c in SILENT])
def test_not_judged(tmp_path, text, name, codes):
    assert [c for c, _e in errors(tmp_path, text, name) if c in codes] == []
