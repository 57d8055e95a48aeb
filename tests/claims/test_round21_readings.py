"""Round 21: counts and lists that were silent on wrong figures, or spoke on right ones, in reports not seen before
(hold-outs h48, h51, h52: count-heavy 退役军人, 妇联, 农业农村, 水利, 住建 reports).

- A 其中 with no figure of its own before it, closed by 合计 (走访慰问…，其中A户、B户…，合计T户): the 合计 is their sum.
- 13个绩效指标中，…: a count's noun then 中 opens its parts; 全面完成 is 完成 with a degree word.
- A whole named by the number of its kinds (“两癌”筛查, 三类人员): that many parts, each of the kind, are the whole.
- Parts each named by a level (国家级, 省级, 市级及以下) or a grade (“优”的, “良”的) and more than their total: one
  dimension, so a run of them making the total is no second dimension; 镇（街道）, 村（社区） are levels.
- States of work told at a time (截至年底已完工A个、在建B个、未开工C个) are the states of all the work planned.
- A total with its parts in brackets after it (公务用车6辆（执法执勤用车2辆、…、其他用车1辆）).
- The ordinary ones named last (…、一般农户D户) are the rest of the whole.
- A bare change after ； closing a 其中 list of 、-joined parts is the total's, not the last part's.
- One-cell-a-line tables of whole-number counts (计划个数 | 已完工 | 在建 …), headed 项目类别.
- A figure's name in a list joined by 、 starts after the figure before it (no false 数字颠倒 across two lists).
The figures are written for these tests."""
from __future__ import annotations

from toolkit import lint


def _errors(tmp_path, text: str, name: str = "report.txt") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(f.code, f.message) for f in lint(path).findings if f.severity == "error"]


def _codes(tmp_path, text: str, name: str = "report.txt") -> list[str]:
    return [c for c, _m in _errors(tmp_path, text, name)]


VISITS = ("全年按时足额发放各类优抚资金1120.36万元，惠及优抚对象2648人；春节、八一期间走访慰问重点优抚对象，其中烈属126户、"
          "因公因病牺牲军人遗属52户、伤残军人266户、在乡老复员军人47户，合计{n}户，做到应访尽访。")


def test_a_total_after_a_list_opened_by_a_bare_qizhong(tmp_path) -> None:
    found = _errors(tmp_path, VISITS.format(n="481"))
    assert any(c == "TXT001" and "491" in m for c, m in found), found
    assert _errors(tmp_path, VISITS.format(n="491")) == []


def test_a_total_after_a_semicolon_is_not_the_sum_of_a_bare_qizhong(tmp_path) -> None:
    text = ("上年收入和支出已说明。其中本年收入合计6750.90万元，使用非财政拨款结余0.00万元，年初结转和结余126.83万元；"
            "本年支出合计6788.61万元，比上年增加1053.27万元，增长18.36%，年末结转和结余89.12万元。")
    assert _errors(tmp_path, text) == []


def test_a_counts_noun_then_zhong_opens_its_parts(tmp_path) -> None:
    wrong = "全年预算数1760.00万元。在13个绩效指标中，全面完成3个、未完成9个，未完成的指标主要集中在国民体质监测方面。"
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT001" and "3 + 9 = 12" in m for c, m in found), found
    assert _errors(tmp_path, wrong.replace("未完成9个", "未完成10个")) == []
    # a time's 中 (实施过程中) opens no parts, nor a word ending in 人 before 员中
    assert _errors(tmp_path, "实施项目32个，在实施过程中，完成20个、在建10个。") == []
    assert _errors(tmp_path, "另有退休人员41人。专业技术人员中，公共卫生类29人、检验类11人、临床及其他7人。") == []


def test_a_whole_named_by_the_number_of_its_kinds(tmp_path) -> None:
    wrong = ("全年为6165名城乡适龄妇女开展“两癌”免费筛查，其中宫颈癌筛查3218人、乳腺癌筛查2847人，"
             "对筛查出的12名患病困难妇女发放救助金每人1万元。")
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT001" and "3218 + 2847 = 6065" in m for c, m in found), found
    assert _errors(tmp_path, wrong.replace("6165名", "6065名")) == []
    assert _codes(tmp_path, "培训三类人员500人，其中管理类人员100人、技术类人员200人、工勤类人员150人。") == ["TXT001"]
    # two kinds named, three listed, or kinds not of the named character: the list may be partial
    assert _errors(tmp_path, "培训三类人员500人，其中管理类人员100人、技术类人员200人。") == []
    assert _errors(tmp_path, "全年开展三项活动，共服务500人，其中义诊活动100人、宣讲活动200人、培训活动150人。") == []


def test_parts_named_by_levels_or_grades_are_one_dimension(tmp_path) -> None:
    wrong = ("全年共承办各级各类体育赛事45场次，其中国家级赛事3场次、省级赛事7场次、成都市级赛事12场次、"
             "市级及以下赛事26场次。")
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT001" and "= 48" in m for c, m in found), found
    assert _errors(tmp_path, wrong.replace("26场次", "23场次")) == []
    grades = "本单位组织对{n}个项目开展了绩效自评，其中评价等级为“优”的8个、“良”的3个、“中”的1个，涉及资金638.58万元。"
    found = _errors(tmp_path, grades.format(n=11))
    assert any(c == "TXT001" and "= 12" in m for c, m in found), found
    assert _errors(tmp_path, grades.format(n=12)) == []
    # the same without 其中: the grade counts read in turn
    found = _errors(tmp_path, "对11个项目开展了绩效自评，评价等级为“优”的8个、“良”的3个、“中”的1个。")
    assert any(c == "TXT001" and "8 + 3 + 1 = 12" in m for c, m in found), found
    # parts along two dimensions (新建 / 续建 / 投资过亿元) are still not read as one list
    assert _errors(tmp_path, "全年实施重点项目27个，其中新建项目14个、续建项目13个、投资过亿元项目21个。") == []


def test_levels_named_with_their_twin_in_brackets(tmp_path) -> None:
    wrong = "全市建成各级退役军人服务站335个，其中镇（街道）服务站29个、村（社区）服务站298个。"
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT001" and "29 + 298 = 327" in m for c, m in found), found
    assert _errors(tmp_path, wrong.replace("335个", "327个")) == []


def test_states_of_work_told_at_a_time(tmp_path) -> None:
    wrong = "2023年计划实施水利工程项目71个，截至年底已完工58个、在建10个、未开工5个，项目完工率81.69%。"
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT001" and "58 + 10 + 5 = 73" in m for c, m in found), found
    right = "2023年计划实施水利工程项目73个，截至年底已完工58个、在建10个、未开工5个，项目完工率79.45%。"
    assert _errors(tmp_path, right) == []


def test_a_total_with_its_parts_in_brackets(tmp_path) -> None:
    wrong = "年末实有公务用车6辆（执法执勤用车2辆、应急保障用车2辆、其他用车1辆）。"
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT001" and "2 + 2 + 1 = 5" in m for c, m in found), found
    assert _errors(tmp_path, wrong.replace("6辆（", "5辆（")) == []
    found = _errors(tmp_path, "基本支出100.00万元（人员经费50.00万元、公用经费40.00万元）。")
    assert any(c == "TXT001" and "= 90.00" in m for c, m in found), found
    assert _errors(tmp_path, "基本支出90.00万元（人员经费50.00万元、公用经费40.00万元），占比50%。") == []
    # parts said to be the main ones, or not a complete set by their names: partial
    assert _errors(tmp_path, "支出100.00万元（主要是培训费50.00万元、差旅费40.00万元）。") == []
    assert _errors(tmp_path, "完成投资100.00万元（道路工程50.00万元、桥梁工程40.00万元）。") == []


def test_the_ordinary_ones_named_last_are_the_rest(tmp_path) -> None:
    wrong = "共发放耕地地力保护补贴5424户，其中脱贫户106户、监测户1980户、种粮大户967户、一般农户2271户。"
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT001" and "= 5324" in m for c, m in found), found
    assert _errors(tmp_path, wrong.replace("5424户", "5324户")) == []
    # 一般性 (支出) is a kind of spending, not the ordinary ones: the list may be partial
    assert _errors(tmp_path, "支出300.00万元，其中培训费50.00万元、差旅费10.00万元、一般性支出200.00万元。") == []


INCOME = ("2023年度，本单位收入总计4012.60万元，其中一般公共预算财政拨款收入3941.63万元、其他收入8.17万元、"
          "上年结转62.80万元；比上年增加36.66万元，增长{rate}，主要原因是资金增加。")


def test_a_bare_change_after_a_semicolon_is_the_lists_totals(tmp_path) -> None:
    assert _errors(tmp_path, INCOME.format(rate="0.92%")) == []  # 36.66 / (4012.60 − 36.66) = 0.92 %
    found = _errors(tmp_path, INCOME.format(rate="0.95%"))
    assert any(c == "TXT004" and "4012.60" in m and "0.92%" in m for c, m in found), found
    assert not any("62.80" in m for _c, m in found), found


COUNT_TABLE = """表2  2023年度农业农村项目实施情况统计表
单位：个、万元
项目类别
计划个数
已完工
在建
未开工
完成投资

高标准农田建设
9
5
3
1
239.41

农村人居环境整治
11
9
0
2
579.61

产业发展扶持
19
13
5
1
298.63

合计
39
{done}
8
4
1117.65

全年计划实施项目39个，完成投资1117.65万元。
"""


def test_a_one_cell_a_line_table_of_whole_counts(tmp_path) -> None:
    found = _errors(tmp_path, COUNT_TABLE.format(done="30"))
    assert any(c == "TBL007" and "5 + 9 + 13 = 27" in m for c, m in found), found
    assert _errors(tmp_path, COUNT_TABLE.format(done="27")) == []


def test_a_figure_named_in_a_list_is_not_the_twin_of_another_lists_figure(tmp_path) -> None:
    text = ("本单位收入总计9563.53万元，其中一般公共预算财政拨款收入9400.12万元、政府性基金预算财政拨款收入108.68万元、"
            "其他收入1.15万元、上年结转53.58万元。\n\n"
            "本单位政府采购支出总额249.16万元，其中：政府采购货物支出105.63万元、政府采购工程支出104.98万元、"
            "政府采购服务支出38.55万元。\n")
    assert _errors(tmp_path, text) == []
    # the same item written twice with two digits swapped is still said
    slipped = text + "\n全年政府采购服务支出35.58万元，均按规定程序执行。\n"
    assert "TXT014" in _codes(tmp_path, slipped), _errors(tmp_path, slipped)


# ---------------------------------------------------------------------------------------------------------------
# after reading h53 and h55 (决算 explanations repeated, 乡镇 and small units)
# ---------------------------------------------------------------------------------------------------------------

RECEIPTS = ("2023年本年收入合计1090.92万元，其中：一般公共预算财政拨款收入685.27万元，政府性基金预算财政拨款收入85.00万元；"
            "事业收入312.45万元，占{share}，主要为场地租赁收入；其他收入8.20万元，占0.75%。")


def test_a_bare_share_in_a_broken_list_is_of_the_total_its_siblings_bear_out(tmp_path) -> None:
    found = _errors(tmp_path, RECEIPTS.format(share="40.56%"))  # 312.45 / 770.27, the 财政拨款 only
    assert any(c == "TXT002" and "28.64%" in m for c, m in found), found
    assert _errors(tmp_path, RECEIPTS.format(share="28.64%")) == []
    # a sibling share that is not of the total either: no whole is borne out, nothing said
    assert _errors(tmp_path, RECEIPTS.format(share="40.56%").replace("占0.75%", "占1.06%")) == []


def test_a_figure_named_by_the_year_before_is_the_base_of_this_years_change(tmp_path) -> None:
    text = ("2024年度收入总计1685.90万元、支出总计1685.90万元。2023年度收支总计均为1745.73万元，"
            "本年收支总计各比上年减少59.83万元，下降{rate}。")
    assert _errors(tmp_path, text.format(rate="3.43%")) == []  # 59.83 / 1745.73
    found = _errors(tmp_path, text.format(rate="3.53%"))
    assert any(c == "TXT004" and "3.43%" in m for c, m in found), found


def test_a_subtotal_then_its_own_parts_without_qizhong(tmp_path) -> None:
    text = ("2024年本部门支出合计5507.96万元，其中：基本支出4200.47万元，人员经费3413.27万元，占基本支出的81.26%，"
            "公用经费787.20万元，占基本支出的18.74%；项目支出1307.49万元，占支出合计的{share}，主要用于食品安全抽检。")
    assert _errors(tmp_path, text.format(share="23.74%")) == []
    found = _errors(tmp_path, text.format(share="24.74%"))
    assert [c for c, _m in found] == ["TXT002"], found


def test_an_indicator_named_by_a_numbered_title_sentence(tmp_path) -> None:
    text = """（二）产出指标完成情况。（1）食品安全监督抽检批次。年度目标值≥4500批次，实际完成{n}批次，得分12分。

| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
|---|---|---|---|---|---|---|
| 产出指标 | 数量指标 | 食品安全监督抽检批次 | ≥4500批次 | 4860批次 | 12 | 12 |
| 产出指标 | 质量指标 | 抽检不合格产品核查处置率 | 100% | 100% | 10 | 10 |
"""
    found = _errors(tmp_path, text.format(n="4867"), "report.md")
    assert any(c == "TXT021" and "4860" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n="4860"), "report.md") == []


CLASS_HEADS = """表3  基本支出决算表（单位：万元）

| 经济分类科目 | 金额 |
|---|---|
| 人员经费 | {staff} |
| 30101 基本工资 | 1180.50 |
| 30102 津贴补贴 | 642.36 |
| 30103 奖金 | 385.20 |
| 30108 机关事业单位基本养老保险缴费 | 236.48 |
| 30113 住房公积金 | 152.60 |
| 公用经费 | 329.55 |
| 30201 办公费 | 86.25 |
| 30206 电费 | 125.40 |
| 30211 差旅费 | 18.36 |
| 30213 维修（护）费 | 96.58 |
| 30217 公务接待费 | 0.52 |
| 30231 公务用车运行维护费 | 2.44 |
| 合计 | 2926.69 |

2024年度基本支出2926.69万元，其中人员经费2597.14万元，公用经费329.55万元。
"""


def test_classes_heading_their_coded_rows_by_name_alone(tmp_path) -> None:
    found = _errors(tmp_path, CLASS_HEADS.format(staff="2607.14"), "report.md")
    assert any(c == "TBL001" and "2597.14" in m for c, m in found), found
    # the text is right: the table's own sum says so, no second finding against the text
    assert not any(c == "TXT014" for c, _m in found), found
    assert _errors(tmp_path, CLASS_HEADS.format(staff="2597.14"), "report.md") == []


def test_gong_opening_a_list_closed_by_heji(tmp_path) -> None:
    found = _errors(tmp_path, "辖区内共有19个行政村、2个社区，合计22个村（社区）。")
    assert any(c == "TXT001" and "19 + 2 = 21" in m for c, m in found), found
    assert _errors(tmp_path, "辖区内共有19个行政村、2个社区，合计21个村（社区）。") == []


# ---------------------------------------------------------------------------------------------------------------
# after reading h54 (province-level departments)
# ---------------------------------------------------------------------------------------------------------------

WEIGHTED = ("2024年度部门全年预算数637318.83万元，{spent}预算执行率94.39%。其中基本支出全年预算数53402.75万元，执行率98.94%；"
            "项目支出全年预算数583916.08万元，执行率{rate}，未执行部分主要为项目施工进度滞后。")


def test_the_parts_rates_weighted_by_their_budgets_make_the_wholes(tmp_path) -> None:
    for spent in ("全年执行数601547.85万元，", ""):
        found = _errors(tmp_path, WEIGHTED.format(spent=spent, rate="93.79%"))
        assert any(c == "TXT005" and "93.97%" in m for c, m in found), found
        assert _errors(tmp_path, WEIGHTED.format(spent=spent, rate="93.97%")) == []
    # parts that are not budgets (what each spent, a share of the whole): no such identity
    shares = ("2024年度支出637318.83万元，执行率94.39%。其中基本支出53402.75万元，完成率98.94%；"
              "项目支出583916.08万元，完成率93.79%。")
    assert _errors(tmp_path, shares) == []


def test_the_departments_own_level_is_one_unit(tmp_path) -> None:
    text = "纳入本部门2024年度部门决算编制范围的预算单位共{n}个，包括部门本级和8个所属二级单位。"
    found = _errors(tmp_path, text.format(n=10))
    assert any(c == "TXT001" and "9个" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n=9)) == []


# ---------------------------------------------------------------------------------------------------------------
# after reading h56 (a consultancy's reports for a 财政局)
# ---------------------------------------------------------------------------------------------------------------

PROBLEMS = ("评价组在现场核查中共发现问题{n}个，其中预算编制类问题2个、资金管理类问题3个、绩效管理类问题2个。"
            "评价期间已整改5个，整改率{rate}，其余2个问题需在下一预算年度内完成整改。")


def test_a_rate_whose_whole_is_the_counted_total_of_the_sentence_before(tmp_path) -> None:
    found = _errors(tmp_path, PROBLEMS.format(n=7, rate="62.50%"))
    assert any(c == "TXT005" and "71.43%" in m for c, m in found), found
    assert _errors(tmp_path, PROBLEMS.format(n=7, rate="71.43%")) == []


def test_a_rate_of_the_parts_sum_says_the_total_is_the_slip(tmp_path) -> None:
    found = _errors(tmp_path, PROBLEMS.format(n=8, rate="71.43%"))  # 5 ÷ (2 + 3 + 2)
    assert [c for c, _m in found] == ["TXT001"], found
    assert "2 + 3 + 2 = 7" in found[0][1] and "71.43%" in found[0][1], found


def test_a_heji_restating_the_qizhong_lists_sum(tmp_path) -> None:
    text = "全市建成标准化村卫生室326个，其中新建48个、改扩建96个、提质达标182个，三类合计{n}个。"
    found = _errors(tmp_path, text.format(n=328))
    assert any(c == "TXT001" and "48 + 96 + 182 = 326" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n=326)) == []


WORD_ROWS = """表2 2024年度重点项目预算执行情况表

序号
\t项目名称
\t全年预算数（万元）
\t执行数（万元）
\t执行率（%）

1
\t食品安全抽检监测经费
\t260.00
\t248.36
\t95.52

2
\t特种设备安全监察专项
\t118.00
\t112.45
\t95.30

3
\t智慧市场监管平台建设
\t325.00
\t276.20
\t84.98

—
\t合计
\t703.00
\t{total}
\t90.61

以上项目均按进度执行。
"""


def test_word_export_rows_whose_first_cell_has_no_tab(tmp_path) -> None:
    found = _errors(tmp_path, WORD_ROWS.format(total="638.10"))
    # the 合计 is wrong; its 执行率 is right on the rows' sum (637.01 ÷ 703.00), so only the total is said
    assert [c for c, _m in found] == ["TBL007"], found
    assert "637.01" in found[0][1], found
    assert _errors(tmp_path, WORD_ROWS.format(total="637.01")) == []


SANGONG = "2023年度一般公共预算财政拨款“三公”经费支出决算17.23万元，年初预算20.00万元，较上年减少2.07万元，下降{rate}。"


def test_a_change_after_the_budget_of_what_was_spent_is_the_spendings(tmp_path) -> None:
    assert _errors(tmp_path, SANGONG.format(rate="10.73%")) == []  # 2.07 ÷ (17.23 + 2.07)
    found = _errors(tmp_path, SANGONG.format(rate="9.38%"))
    assert any(c == "TXT004" and "17.23" in m and "10.73%" in m for c, m in found), found
    # the change said of the budget stays the budget's
    said = "2023年度“三公”经费支出决算17.23万元，年初预算20.00万元，年初预算较上年减少2.07万元，下降9.38%。"
    assert _errors(tmp_path, said) == []


def test_a_total_of_another_subject_after_the_list_is_no_restatement(tmp_path) -> None:
    right = ("“三公”经费支出9.86万元，其中公务用车运行维护费7.52万元、公务接待费2.34万元，因公出国（境）费0万元；"
             "政府采购总额1126.40万元，均按规定程序执行。")
    assert _errors(tmp_path, right) == []
    right = ("2023年度本部门收入总计2286.98万元，由财政拨款收入2198.38万元和其他收入88.60万元两部分构成，"
             "上年收入总计2399.96万元，本年同比减少112.98万元，下降4.71%。")
    assert _errors(tmp_path, right) == []


def test_guards_from_the_review_of_round_21(tmp_path) -> None:
    for right in (
            # a 合计 with its own noun, or more added to it, is no sum of a bare 其中 list
            "其中特困供养人员82.30万元、低保对象156.70万元，连同临时救助等各类救助资金合计315.00万元。",
            "其中城镇失业人员再就业186人、零就业家庭成员就业23人，新增城镇就业合计1860人。",
            # a noun's 中 over two dimensions, over a list, or with what was not done beside what was
            "在参与培训的320名学员中，女性学员186名、35岁以下学员210名。",
            "在13个绩效指标中，完成11个，其中超额完成4个；未完成2个。",
            "在2个街道、6个镇中，已建成养老服务中心6个、在建2个。",
            # a whole named by a number of kinds, partial or more than the kinds
            "招募“三支一扶”人员45人，其中支教18人、支农12人、支医8人。",
            "村“两委”干部126人，其中女性委员38人、35岁以下委员42人。",
            "争取省市县三级资金及社会资本投入1000.00万元，其中省级400.00万元、市级300.00万元、县级200.00万元。",
            "围绕“三农”工作投入资金5600.00万元，其中农业生产2300.00万元、农村建设1800.00万元、农民培训资金300.00万元。",
            # a level split that makes its total, then a level-named subset
            "全县建成服务站335个，其中县级1个、乡镇级28个、村级306个，市级示范服务站12个。",
            "全县共有非遗项目86项，其中国家级2项、省级12项、市级32项、县级40项，新增市级项目5项。",
            # 一般… that is an item of its own, or beside a split of another dimension, or with more said
            "项目支出300.00万元，其中行政运行50.00万元、机关服务20.00万元、一般行政管理事务200.00万元。",
            "全年检查企业560家，其中重点企业120家、规上企业210家、一般企业180家。",
            "受理行政许可事项860件，其中重大事项60件、复杂事项200件、一般事项500件，另有即办件100件。",
            # brackets said to hold some of it
            "支出320.00万元（主要为人员经费200.00万元、其他支出80.00万元）。",
            "支出320.00万元（含人员经费200.00万元、其他支出80.00万元）。",
            # new work is no whole of the work by its state
            "全年新开工项目20个，续建项目15个，截至年底已完工22个、在建13个。",
            # a bare change after ； that is the last part's
            "收入合计3000.00万元，其中财政拨款收入2950.00万元、其他收入50.00万元；比上年减少10.00万元，下降16.67%。",
            # two years' figures under one name
            "2023年收入合计1560.35万元，其中财政拨款收入1548.00万元、其他收入12.35万元。\n\n"
            "2022年收入合计1498.25万元，其中财政拨款收入1485.00万元、其他收入13.25万元。"):
        assert _errors(tmp_path, right) == [], right


def test_whole_numbers_under_heads_of_no_counts_are_not_added(tmp_path) -> None:
    text = "项目类别\n计划个数\n人均支出（元）\n\n甲类\n3\n98000\n\n乙类\n4\n126000\n\n丙类\n5\n62000\n\n合计\n12\n89000\n"
    assert _errors(tmp_path, text) == []


def test_states_told_at_a_dated_time(tmp_path) -> None:
    for wrong in ("全年实施项目36个，截至12月底已完工30个、在建5个。",
                  "全年工作有序推进。2023年计划改造老旧小区项目42个，截至2023年底已完工30个、在建10个、未开工3个。",
                  "在13个绩效指标中，按期完成10个、未按期完成2个。",
                  "全年设定目标任务12项，其中超额完成5项、全面完成6项、未完成2项。"):
        assert "TXT001" in _codes(tmp_path, wrong), wrong


def test_a_state_and_its_negation_written_with_de_and_a_subject_once(tmp_path) -> None:
    wrong = "在32个监测断面中，水质达标的28个、不达标的3个。"
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT001" and "28 + 3 = 31" in m for c, m in found), found
    assert _errors(tmp_path, wrong.replace("28个", "29个")) == []
    found = _errors(tmp_path, "抽检食品320批次，其中合格的312批次、不合格的9批次。")
    assert any(c == "TXT001" and "= 321" in m for c, m in found), found
    assert _errors(tmp_path, "抽检食品320批次，其中合格的312批次、不合格的8批次。") == []
    # two different states, each with its own subject: not one state and its negation
    assert _errors(tmp_path, "在32个监测断面中，水质达标的20个、水量不足的3个。") == []
