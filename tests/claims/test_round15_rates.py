"""Round lintR (issue 11): rates, changes and text-against-table figures, the classes hold-out h18 missed, each with a
wrong and a right case written in phrasings of their own and linted as a real file."""
from __future__ import annotations

import pytest

from .test_reading9 import errors, wrong_then_right


# --- 1. a rate named by its line is that line's figures over each other, whatever else the document gives -----------

def test_the_departments_rate_is_its_spending_over_its_full_budget_in_other_paragraphs(tmp_path):
    # 97.12% would be the income over the budget: the rate's subject names spending (执行数 ÷ 全年预算数)
    text = ("（一）收支情况\n\n本年度收入合计2,525.12万元，支出合计2,480.60万元。\n\n（二）预算执行\n\n"
            "经年中追加，本年度全年预算数为2,600.00万元（年初预算2,300.00万元，追加300.00万元）。"
            "全年预算执行率为{x}%，执行进度总体平稳。\n")
    wrong_then_right(tmp_path, text, "TXT005", "97.12", "95.41", expected="95.41%")


def test_a_lines_rate_is_that_lines_spending_over_that_lines_budget(tmp_path):
    # 95.41% is the department's rate (2,480.60 ÷ 2,600.00), written again for the project line
    text = ("本年度基本支出全年预算为820.00万元，项目支出全年预算为1,780.00万元。全年共支出2,480.60万元，"
            "其中基本支出801.30万元，项目支出1,679.30万元，项目支出预算执行率达到{x}%。\n")
    wrong_then_right(tmp_path, text, "TXT005", "95.41", "94.34", expected="94.34%")


def test_a_lines_rate_with_two_budgets_of_the_line_is_not_judged(tmp_path):
    # two different full budgets of the project line: which one the rate is of cannot be told
    text = ("项目支出全年预算为1,780.00万元，调整后项目支出全年预算为1,900.00万元。项目支出1,679.30万元，"
            "项目支出预算执行率88.38%。\n")
    assert [c for c, _e in errors(tmp_path, text)] == []


# --- 2. a change in percentage points against the rate whose own clause is last year's ---------------------------

def test_points_against_last_years_rate_written_in_its_own_clause(tmp_path):
    text = "“三公”经费预算执行率为82.40%，上年同期为88.90%，较上年下降{x}个百分点。\n"
    wrong_then_right(tmp_path, text, "TXT004", "6.05", "6.50", expected="6.50")


# --- 3. a change after last year's figure is measured from it, not from another whole -----------------------------

def test_a_change_written_after_last_years_figure_is_measured_from_it(tmp_path):
    # 1.72% would be 42.70 over the department's whole spending of the year before
    text = "基本支出801.30万元，主要用于人员工资和日常运转。去年758.60万元，增加42.70万元，增长{x}%。\n"
    wrong_then_right(tmp_path, text, "TXT004", "1.72", "5.63", expected="5.63%")


# --- 5. precision: the figure a change is of, and a table's rate read by its definition -------------------------

def test_a_change_after_a_completion_ratio_is_the_spendings_not_the_budgets(tmp_path):
    # 15.00 is the budget the 83.07% is of; the change belongs to the 决算 12.46: 1.58 ÷ (12.46 + 1.58) = 11.25%
    text = "“三公”经费支出决算12.46万元，完成预算15.00万元的83.07%，比上年减少1.58万元，下降{x}%。\n"
    wrong_then_right(tmp_path, text, "TXT004", "12.68", "11.25", expected="11.25%")


def test_a_change_after_a_ratio_that_does_not_single_out_its_numerator_is_not_judged(tmp_path):
    # 12.46 ÷ 15.00 is not 80.00%: which figure the change is of cannot be told
    text = "“三公”经费支出决算12.46万元，完成预算15.00万元的80.00%，比上年减少1.58万元，下降9.53%。\n"
    assert [c for c, _e in errors(tmp_path, text) if c == "TXT004"] == []


STAGES = ("（三）预算执行情况（单位：万元）\n"
          "项目\t年初预算数\t全年预算数\t实际支出数\t全年预算执行率\n"
          "合计\t2900.00\t3100.00\t3020.40\t97.43%\n"
          "基本支出\t900.00\t960.00\t948.48\t{x}\n"
          "项目支出\t2000.00\t2140.00\t2071.92\t96.82%\n"
          "基本支出全年预算执行率98.80%，项目支出全年预算执行率96.82%。\n")


@pytest.mark.parametrize("wrong", ["105.39%", "101.39%"])
def test_a_tables_rate_against_the_initial_budget_is_the_tables_error_not_the_texts(tmp_path, wrong):
    # 105.39% = 948.48 ÷ 900.00 (the 年初预算): the table is wrong, the text's 98.80% (÷ 960.00) is right
    wrong_then_right(tmp_path, STAGES, "TBL005", wrong, "98.80%", expected="98.80%")


# --- 4. the text's result against the 自评表's 实际完成值 -----------------------------------------------------------

SELF_EVAL = ("# 某县交通运输局2024年度部门整体支出绩效自评报告\n\n一、绩效指标完成情况\n\n"
             "| 一级指标 | 二级指标 | 三级指标 | 分值 | 目标值 | 实际完成值 | 得分 |\n|---|---|---|---|---|---|---|\n"
             "| 产出指标 | 数量指标 | 农村公路养护里程 | 20 | 860公里 | 842公里 | 19.58 |\n"
             "| 产出指标 | 质量指标 | 信访事项按期办结率 | 20 | ≥98% | 96.5% | 19.69 |\n"
             "| 效益指标 | 社会效益指标 | 群众满意度 | 60 | ≥90% | 93% | 60 |\n"
             "| 总分 | | | 100 | | | 99.27 |\n\n二、主要成效\n\n{body}\n")


def test_a_rate_named_across_its_sentence_against_the_tables_actual(tmp_path):
    # the row's 信访 is written in the clause before (信访工作方面), the rate's clause adds its verb (交办)
    text = SELF_EVAL.replace("{body}", "信访工作方面，当年交办事项按期办结率为{x}，个别事项因涉及多部门协调而延期。")
    wrong_then_right(tmp_path, text, "TXT021", "97.5%", "96.5%", expected="96.5%", name="r.md")


def test_the_target_written_as_what_was_done(tmp_path):
    # 860公里 is the row's 目标值: written as the year's result it disagrees with the 实际完成值
    text = SELF_EVAL.replace("{body}", "全年完成农村公路养护{x}，重点整治了县道沿线的坑槽和边沟。")
    wrong_then_right(tmp_path, text, "TXT021", "860公里", "842公里", expected="842公里", name="r.md")


def test_the_target_named_as_such_is_not_compared(tmp_path):
    text = SELF_EVAL.replace("{body}", "年初确定的任务是完成农村公路养护860公里，实际完成842公里。")
    assert errors(tmp_path, text, "r.md") == []


def test_a_tables_total_row_is_the_line_its_caption_names(tmp_path):
    # the 合计 row of a table captioned 项目支出预算执行情况表 is the project line's: 756.00 ÷ 800.00 = 94.50%
    text = ("三、项目支出\n表3  2024年项目支出预算执行情况表（万元）\n"
            "项目名称\t全年预算数\t执行数\t执行率\n道路养护\t500.00\t480.00\t96.00%\n桥梁检测\t300.00\t276.00\t92.00%\n"
            "合计\t800.00\t756.00\t94.50%\n\n四、存在的问题\n二是项目支出执行率仅为{x}，部分项目因招标延后而支付滞后。\n")
    wrong_then_right(tmp_path, text, "TXT014", "92.00%", "94.50%", expected="94.50%")


def test_the_whole_area_and_the_rows_own_time_frame_the_name(tmp_path):
    # 全县接待游客 and the row 全年接待游客人次 name one indicator
    text = SELF_EVAL.replace("| 效益指标 | 社会效益指标 | 群众满意度 | 60 | ≥90% | 93% | 60 |",
                             "| 效益指标 | 社会效益指标 | 全年接待游客人次 | 60 | ≥500万人次 | 521.6万人次 | 60 |")
    text = text.replace("{body}", "2024年全县接待游客{x}，旅游综合收入稳步增长。")
    wrong_then_right(tmp_path, text, "TXT021", "498.3万人次", "521.6万人次", expected="521.6万人次", name="r.md")


@pytest.mark.parametrize("body", ["年度绩效目标是：全面落实养护责任；完成农村公路养护860公里；信访事项按期办结率98%。",
                                  "（一）年度绩效目标\n\n完成农村公路养护860公里；群众满意度达到90%。"])
def test_a_list_of_targets_is_not_read_as_results(tmp_path, body):
    # the goal is stated before its list (目标是：) or in the heading above: 860公里 is the target, said as such
    assert errors(tmp_path, SELF_EVAL.replace("{body}", body), "r.md") == []
