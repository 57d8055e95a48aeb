"""Round 19: readings that were silent on wrong figures, or spoke on right ones, in reports not seen before.

- Vehicles counted by their use (执法执勤用车, 应急保障用车 …) are the whole of their count, with or without 其中.
- Income sources are told apart by their budget too (一般公共预算 / 政府性基金预算财政拨款收入), and an income total,
  a count of vehicles or a 政府采购 smaller than one of its parts is still their total, mistyped.
- A part's own list of its main items (人员经费A万元，主要包括基本工资B万元、津贴补贴C万元等；公用经费D万元) ends at
  its ；: the next figure is the outer list's part, not the inner one's.
- A share of the whole a fixed split names (基本支出 and 项目支出 of 支出合计) is of the figure the split adds up to.
- Parts each opening a paragraph with a bare share (按功能分类逐类一段) are shares of the figure they add up to.
- A 基本支出 table by economic class with no codes nests its 款 under each class.
- Counts said before what their indicators scored (12项指标中7项取得满分) are held against the 自评表.
- A change named by its subject (收入合计比上年增加…) is of that subject's figure in its own paragraph; a clause after ；
  naming its own subject (“三公”经费比上年减少…) is that figure's, not the last item's.
- Text against tables: a list's 合计 row named as the text names it (项目资金合计), a figure named after it (X万元项目资金),
  a year's figure after 对 (对2024年项目支出X万元).
- A one-cell-a-line table whose empty cells are empty lines is still read (a 合计 row with no code; a side-by-side
  收支总表), so its cells are not taken for numbered headings.
The figures are written for these tests, in the voice of a 供销合作社, a 公共资源交易中心 and a 地震局."""
from __future__ import annotations

from toolkit import lint


def _findings(tmp_path, text: str, name: str = "report.txt") -> list[tuple[str, str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(f.severity, f.code, f.message) for f in lint(path).findings]


def _errors(tmp_path, text: str, name: str = "report.txt") -> list[tuple[str, str]]:
    return [(c, m) for s, c, m in _findings(tmp_path, text, name) if s == "error"]


# ---------------------------------------------------------------------------------------------------------------
# vehicles by use
# ---------------------------------------------------------------------------------------------------------------

def test_vehicles_listed_by_use_are_the_whole_of_their_count(tmp_path) -> None:
    wrong = "截至2024年12月31日，本社共有车辆6辆，其中执法执勤用车4辆、应急保障用车1辆；单位价值50万元以上通用设备0台（套）。"
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT001" and "4 + 1 = 5" in m for c, m in found), found
    assert _errors(tmp_path, wrong.replace("6辆", "5辆")) == []


def test_vehicles_by_another_dimension_or_by_purchase_are_not_a_split(tmp_path) -> None:
    assert _errors(tmp_path, "本社共有车辆6辆，其中新能源汽车2辆、越野车1辆。") == []
    assert _errors(tmp_path, "本社共有车辆6辆，其中执法执勤用车4辆、新购置执法执勤用车1辆。") == []


def test_vehicles_and_their_uses_inside_a_long_sentence_without_qizhong(tmp_path) -> None:
    wrong = ("公务用车运行维护费预算7.00万元，支出决算6.12万元，完成预算的87.43%，主要用于车辆燃油、维修及保险，"
             "年末实有公务用车4辆，执法执勤用车2辆，特种专业技术用车1辆；公务接待费1.20万元。")
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT001" and "2 + 1 = 3" in m for c, m in found), found
    assert _errors(tmp_path, wrong.replace("公务用车4辆", "公务用车3辆")) == []


# ---------------------------------------------------------------------------------------------------------------
# income sources, a total below one of its parts
# ---------------------------------------------------------------------------------------------------------------

INCOME = ("2024年度收入合计{total}万元，其中：一般公共预算财政拨款收入1200.00万元；政府性基金预算财政拨款收入200.00万元；"
          "上年结转{other}万元。")


def test_income_of_two_budgets_and_another_source_is_the_whole_of_the_total(tmp_path) -> None:
    found = _errors(tmp_path, INCOME.format(total="1500.00", other="90.00"))
    assert any(c == "TXT001" and "1490" in m for c, m in found), found
    assert _errors(tmp_path, INCOME.format(total="1500.00", other="100.00")) == []


def test_an_income_total_below_its_first_source_is_still_their_total(tmp_path) -> None:
    wrong = ("全年部门收入总计980.50万元，其中：一般公共预算财政拨款收入1002.30万元，其他收入12.00万元，"
             "上年结转8.00万元。")
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT001" and "1022.30" in m for c, m in found), found
    assert _errors(tmp_path, wrong.replace("980.50", "1022.30")) == []


def test_procurement_below_one_of_its_objects_is_still_their_total(tmp_path) -> None:
    wrong = "全年政府采购合同金额200.00万元，其中货物类120.00万元、工程类210.00万元、服务类30.00万元，均按规定程序执行。"
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT001" and "360" in m for c, m in found), found
    assert _errors(tmp_path, wrong.replace("200.00万元", "360.00万元")) == []


# ---------------------------------------------------------------------------------------------------------------
# a part's own 主要包括 list
# ---------------------------------------------------------------------------------------------------------------

NESTED = ("2024年度一般公共预算财政拨款基本支出800.00万元，其中：人员经费{p}万元，主要包括基本工资200.00万元、"
          "津贴补贴150.00万元、绩效工资90.00万元等；公用经费150.00万元，主要包括办公费30.00万元、差旅费12.00万元等。")


def test_a_parts_main_items_are_not_parts_of_the_total(tmp_path) -> None:
    assert _errors(tmp_path, NESTED.format(p="650.00")) == []


def test_the_total_over_two_parts_each_with_its_main_items_is_judged(tmp_path) -> None:
    found = _errors(tmp_path, NESTED.format(p="640.00"))
    assert any(c == "TXT001" and "640 + 150 = 790" in m for c, m in found), found


def test_main_items_named_without_figures_do_not_end_the_list(tmp_path) -> None:
    text = ("2024年度一般公共预算财政拨款基本支出800.00万元，其中：人员经费{p}万元，主要包括基本工资、津贴补贴、奖金、"
            "社会保障缴费等；公用经费150.00万元，主要包括办公费、印刷费、水电费等。")
    found = _errors(tmp_path, text.format(p="605.00"))
    assert any(c == "TXT001" and "605 + 150 = 755" in m for c, m in found), found
    assert _errors(tmp_path, text.format(p="650.00")) == []


# ---------------------------------------------------------------------------------------------------------------
# shares
# ---------------------------------------------------------------------------------------------------------------

SPLIT_SHARE = ("2024年度本社支出全年预算数1200.00万元，实际执行1100.00万元。其中基本支出700.00万元，占支出合计的{s}%，"
               "主要用于人员工资和机关运转；项目支出400.00万元，占36.36%，主要用于农村流通网络建设。")


def test_a_share_of_the_whole_a_fixed_split_adds_up_to(tmp_path) -> None:
    found = _errors(tmp_path, SPLIT_SHARE.format(s="58.33"))
    assert any(c == "TXT002" and "63.64%" in m for c, m in found), found
    assert _errors(tmp_path, SPLIT_SHARE.format(s="63.64")) == []


PARAGRAPHS = """四、一般公共预算财政拨款支出决算情况说明

2024年度一般公共预算财政拨款年初预算为1800.00万元，支出决算为2000.00万元，完成年初预算的111.11%。

一般公共服务支出（类）1200.00万元，占{a}%。一般公共服务支出（类）决算1200.00万元，主要是交易平台运行维护。

社会保障和就业支出（类）300.00万元，占15.00%。社会保障和就业支出（类）决算300.00万元，主要是养老保险缴费。

卫生健康支出（类）100.00万元，占5.00%。卫生健康支出（类）决算100.00万元，主要是医疗保险缴费。

住房保障支出（类）{d}万元，占20.00%。住房保障支出（类）决算{d}万元，主要是住房公积金。
"""


def test_shares_of_a_split_written_a_paragraph_a_part(tmp_path) -> None:
    found = _errors(tmp_path, PARAGRAPHS.format(a="62.00", d="400.00"))
    assert [c for c, _m in found] == ["TXT002"] and "60.00%" in found[0][1], found
    assert _errors(tmp_path, PARAGRAPHS.format(a="60.00", d="400.00")) == []


def test_shares_a_paragraph_a_part_whose_sum_no_figure_states_are_not_judged(tmp_path) -> None:
    assert _errors(tmp_path, PARAGRAPHS.format(a="62.00", d="410.00")) == []


# ---------------------------------------------------------------------------------------------------------------
# an economic-class table with no codes
# ---------------------------------------------------------------------------------------------------------------

ECONOMIC = """表4 一般公共预算财政拨款基本支出决算表（单位：万元）

| 经济分类科目 | 决算数 |
| --- | --- |
| 合计 | 1000.00 |
| 工资福利支出 | 800.00 |
| 基本工资 | 300.00 |
| 津贴补贴 | 250.00 |
| 绩效工资 | 250.00 |
| 商品和服务支出 | 120.00 |
| 办公费 | 70.00 |
| 差旅费 | 50.00 |
| 对个人和家庭的补助 | {family} |
| 退休费 | 60.00 |
| 抚恤金 | 20.00 |
"""


def test_a_class_row_against_its_items_in_a_table_with_no_codes(tmp_path) -> None:
    found = _errors(tmp_path, ECONOMIC.format(family="60.00"), "report.md")
    assert any(c == "TBL008" and "对个人和家庭的补助" in m and "80.00" in m for c, m in found), found
    assert _errors(tmp_path, ECONOMIC.format(family="80.00"), "report.md") == []


def test_classes_whose_items_never_add_up_are_not_read_as_nesting(tmp_path) -> None:
    partial = ECONOMIC.replace("| 绩效工资 | 250.00 |\n", "").replace("| 差旅费 | 50.00 |\n", "")
    partial = partial.replace("| 抚恤金 | 20.00 |\n", "")
    assert [c for c, _m in _errors(tmp_path, partial.format(family="80.00"), "report.md") if c == "TBL008"] == []


# ---------------------------------------------------------------------------------------------------------------
# counts said before what their indicators scored
# ---------------------------------------------------------------------------------------------------------------

SCORED = """表3 2024年度部门整体支出绩效自评表

| 一级指标 | 三级指标 | 分值 | 得分 |
| --- | --- | --- | --- |
| 产出指标 | 震情监测台站运行率 | 30 | 30 |
|  | 地震速报平均用时 | 20 | 18 |
| 效益指标 | 防震减灾科普覆盖人次 | 20 | 20 |
|  | 应急演练开展次数 | 10 | 9 |
| 满意度指标 | 社会公众满意度 | 10 | 10 |
| 预算执行 | 预算执行率 | 10 | 9.5 |
| 合计 |  | 100 | 96.5 |

6项指标中{full}项取得满分、3项有所扣分。
"""


def test_counts_written_before_what_their_indicators_scored(tmp_path) -> None:
    assert _errors(tmp_path, SCORED.format(full="3"), "report.md") == []
    found = _errors(tmp_path, SCORED.format(full="4"), "report.md")
    assert any(c == "TXT020" and "得满分的指标" in m and "3项" in m for c, m in found), found


# ---------------------------------------------------------------------------------------------------------------
# changes named by their subject
# ---------------------------------------------------------------------------------------------------------------

OWN_PARAGRAPH = ("2024年度本中心收入合计1322.35万元，其中：一般公共预算财政拨款收入1288.74万元；其他收入2.16万元；"
                 "上年结转31.45万元。收入合计比上年增加90.22万元，增长{r}%，主要是平台运维经费增加。\n\n"
                 "本年收入合计1290.90万元，其中：财政拨款收入1288.74万元，其他收入2.16万元。\n")


def test_a_change_named_by_its_subject_is_of_the_figure_so_named_in_its_paragraph(tmp_path) -> None:
    assert _errors(tmp_path, OWN_PARAGRAPH.format(r="7.32")) == []
    found = _errors(tmp_path, OWN_PARAGRAPH.format(r="6.82"))
    assert any(c == "TXT004" and "1322.35" in m and "7.32%" in m for c, m in found), found


BOTH_SIDES = "2024年度收入总计1100.00万元、支出总计1100.00万元。与上年相比，收入、支出总计各增加100.00万元，增长{r}%。"


def test_a_change_of_both_sides_of_the_total_at_once(tmp_path) -> None:
    assert _errors(tmp_path, BOTH_SIDES.format(r="10.00")) == []
    found = _errors(tmp_path, BOTH_SIDES.format(r="9.09"))
    assert any(c == "TXT004" and "10.00%" in m for c, m in found), found


THREE_PUBLIC = ("2024年“三公”经费支出20.00万元，其中公务接待费2.00万元、公务用车运行维护费18.00万元，因公出国（境）费"
                "和公务用车购置费均为0；“三公”经费比上年减少2.00万元，下降{r}%，主要是压减公务接待。")


def test_a_clause_naming_its_subject_after_a_list_is_that_subjects_change(tmp_path) -> None:
    assert _errors(tmp_path, THREE_PUBLIC.format(r="9.09")) == []
    found = _errors(tmp_path, THREE_PUBLIC.format(r="10.00"))
    assert any(c == "TXT004" and "“三公”经费支出 20.00万元" in m and "9.09%" in m for c, m in found), found


# ---------------------------------------------------------------------------------------------------------------
# text against tables
# ---------------------------------------------------------------------------------------------------------------

PROJECTS = """全年共实施重点项目3个，其中已完成2个、在建1个，项目资金合计{text}万元。

表3 2024年度重点项目情况

| 序号 | 项目名称 | 资金（万元） | 实施状态 |
| --- | --- | --- | --- |
| 1 | 交易系统升级 | 1860.00 | 已完成 |
| 2 | 远程异地评标室建设 | 940.00 | 已完成 |
| 3 | 档案数字化 | 4508.39 | 在建 |
| 合计 |  | 7308.39 | 已完成2个，在建1个 |
"""


def test_a_list_total_named_as_the_text_names_it(tmp_path) -> None:
    assert _errors(tmp_path, PROJECTS.format(text="7308.39"), "report.md") == []
    found = _errors(tmp_path, PROJECTS.format(text="7303.89"), "report.md")
    assert any(c == "TXT014" and "7308.39" in m for c, m in found), found


YEARS = """表1 收入支出决算总表（单位：万元）

| 项目 | 2023年 | 2024年 | 增减额 | 增减率（%） |
| --- | --- | --- | --- | --- |
| 基本支出 | 300.00 | 320.00 | 20.00 | 6.67 |
| 项目支出 | 176.40 | 208.66 | 32.26 | 18.29 |
| 支出合计 | 476.40 | 528.66 | 52.26 | 10.97 |

对2024年项目支出{a}万元涉及的各项目，我们将把自评发现的问题纳入下一年度预算编制。全年{b}万元项目资金均按规定程序拨付使用。
"""


def test_a_years_figure_after_dui_and_a_figure_named_after_it_are_held_against_the_table(tmp_path) -> None:
    assert _errors(tmp_path, YEARS.format(a="208.66", b="208.66"), "report.md") == []
    found = _errors(tmp_path, YEARS.format(a="176.40", b="208.66"), "report.md")
    assert any(c == "TXT014" and "上年数" in m for c, m in found), found
    found = _errors(tmp_path, YEARS.format(a="208.66", b="206.86"), "report.md")
    assert any(c == "TXT014" and "208.66" in m for c, m in found), found


# ---------------------------------------------------------------------------------------------------------------
# one cell a line, an empty cell an empty line
# ---------------------------------------------------------------------------------------------------------------

def _cells(rows: list[list[str]]) -> str:
    return "\n\n".join("\n".join(row) for row in rows) + "\n"


SIDE_BY_SIDE = [["收入项目", "决算数", "支出项目（按功能分类）", "决算数"],
                ["一、一般公共预算财政拨款收入", "798.90", "一、科学技术支出", "729.59"],
                ["二、其他收入", "6.50", "二、社会保障和就业支出", "51.13"],
                ["", "", "三、卫生健康支出", "18.46"],
                ["", "", "四、住房保障支出", "22.93"],
                ["本年收入合计", "805.40", "本年支出合计", "822.11"]]
CODED = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
         ["", "合计", "789.36", "329.36", "460.00"],
         ["206", "科学技术支出", "696.84", "236.84", "460.00"],
         ["20601", "科学技术管理事务", "285.44", "236.84", "48.60"],
         ["20604", "技术研究与开发", "{x}", "0.00", "411.40"],
         ["208", "社会保障和就业支出", "92.52", "92.52", "0.00"]]


def test_a_side_by_side_table_with_empty_cells_as_empty_lines_is_a_table(tmp_path) -> None:
    text = "表1 收入支出决算总表（单位：万元）\n\n" + _cells(SIDE_BY_SIDE)
    found = _findings(tmp_path, text)
    assert not any(c == "TXT012" for _s, c, _m in found), found


def test_a_coded_table_with_a_total_row_missing_its_code_cell(tmp_path) -> None:
    rows = [[cell.format(x="401.40") for cell in row] for row in CODED]
    text = "表3 一般公共预算财政拨款支出决算表（单位：万元）\n\n" + _cells(rows)
    found = _errors(tmp_path, text)
    assert any(c == "TBL008" and "技术研究与开发" in m and "411.40" in m for c, m in found), found
    rows = [[cell.format(x="411.40") for cell in row] for row in CODED]
    assert _errors(tmp_path, "表3 一般公共预算财政拨款支出决算表（单位：万元）\n\n" + _cells(rows)) == []


# ---------------------------------------------------------------------------------------------------------------
# guards from the round's read-only review: right figures the first version of these readings called wrong
# ---------------------------------------------------------------------------------------------------------------

def test_a_list_of_uses_said_to_leave_vehicles_out_is_not_their_whole(tmp_path) -> None:
    for text in ("本局共有车辆9辆，其中执法执勤用车4辆、应急保障用车2辆，其余为一般公务用车。",
                 "本局共有车辆9辆，主要包括执法执勤用车4辆、应急保障用车2辆等。",
                 "本局共有车辆9辆，其中执法执勤用车4辆、应急保障用车2辆等。",
                 "本局共有车辆7辆，其中执法执勤用车4辆、应急保障用车2辆，另有1辆已申请报废。",
                 "本局共有车辆7辆，其中执法执勤用车4辆、应急保障用车2辆，均已纳入平台管理；另有待处置车辆1辆。"):
        assert _errors(tmp_path, text) == [], text


def test_the_main_items_of_a_total_are_not_all_of_it(tmp_path) -> None:
    for text in ("本次自评共设置绩效指标20个，主要包括产出指标12个、效益指标5个、满意度指标2个，另设预算执行率指标1个。",
                 "2024年度年末结转和结余资金120.00万元，主要包括基本支出结转20.00万元、项目支出结转90.00万元。",
                 "2024年度一般公共预算财政拨款基本支出800.00万元，主要包括人员经费600.00万元、公用经费150.00万元等。"):
        assert _errors(tmp_path, text) == [], text


def test_a_total_whose_parts_have_main_items_of_their_own(tmp_path) -> None:
    text = ("2024年度支出合计1200.00万元，其中：基本支出800.00万元，主要包括工资福利支出600.00万元、商品和服务支出"
            "150.00万元；项目支出400.00万元，主要包括农村流通网络建设120.00万元、农资储备补助100.00万元。")
    assert _errors(tmp_path, text) == []


def test_a_change_named_by_its_subject_is_not_of_its_budget(tmp_path) -> None:
    text = ("2024年度本中心年初预算收入合计1300.00万元，决算收入1322.35万元，其中：一般公共预算财政拨款收入1288.74万元；"
            "其他收入2.16万元；上年结转31.45万元。收入合计比上年增加90.22万元，增长7.32%，主要是平台运维经费增加。")
    assert _errors(tmp_path, text) == []
    text = ("2024年度本中心收入合计1322.35万元，其中：一般公共预算财政拨款收入1288.74万元；其他收入2.16万元；上年结转"
            "31.45万元。本中心全年预算收入合计1300.00万元，决算收入合计1322.35万元。收入合计比上年增加90.22万元，增长{r}%。")
    assert _errors(tmp_path, text.format(r="7.32")) == []
    found = _errors(tmp_path, text.format(r="6.82"))
    assert any(c == "TXT004" and "1322.35" in m for c, m in found), found


def test_a_clause_naming_a_subject_given_as_budget_and_spending(tmp_path) -> None:
    text = ("2024年度“三公”经费预算25.00万元，实际支出20.00万元，其中公务接待费2.00万元、公务用车运行维护费18.00万元，"
            "因公出国（境）费和公务用车购置费均为0；“三公”经费比上年减少2.00万元，下降9.09%，主要是压减公务接待。")
    assert not any("25.00" in m for _c, m in _errors(tmp_path, text))


def test_a_share_of_a_whole_named_elsewhere_is_not_of_the_splits_own_total(tmp_path) -> None:
    text = ("2024年度本社支出合计1250.00万元，其中一般公共预算财政拨款支出1100.00万元，其他资金支出150.00万元。\n\n"
            "一般公共预算财政拨款支出1100.00万元中，基本支出700.00万元，占支出合计的56.00%，主要用于人员工资和机关运转；"
            "项目支出400.00万元，占支出合计的32.00%，主要用于农村流通网络建设。\n")
    assert _errors(tmp_path, text) == []


def test_an_economic_table_of_two_lists_side_by_side_is_not_one_nesting(tmp_path) -> None:
    text = """表5 一般公共预算财政拨款基本支出决算表（单位：万元）

| 人员经费科目名称 | 决算数 | 公用经费科目名称 | 决算数 |
| --- | --- | --- | --- |
| 工资福利支出 | 500.00 | 商品和服务支出 | 100.00 |
| 基本工资 | 200.00 | 办公费 | 40.00 |
| 津贴补贴 | 150.00 | 差旅费 | 30.00 |
| 绩效工资 | 150.00 | 公务接待费 | 30.00 |
| 对个人和家庭的补助 | 60.00 | 其他商品和服务支出 | 0.00 |
| 退休费 | 40.00 | 资本性支出 | 10.00 |
| 生活补助 | 20.00 | 办公设备购置 | 10.00 |
"""
    assert _errors(tmp_path, text, "report.md") == []


def test_part_of_a_figure_named_after_it_is_not_the_figure(tmp_path) -> None:
    text = YEARS.format(a="208.66", b="208.66") + "\n档案数字化项目尚未完成验收，其中20.86万元项目资金已按规定结转下年使用。\n"
    assert _errors(tmp_path, text, "report.md") == []


def test_counts_of_full_marks_not_of_the_tables_indicators(tmp_path) -> None:
    table = SCORED.split("6项指标中")[0]
    for text in ("本局12项考核指标中11项获得满分。", "本年度共对5个专项项目开展绩效自评，其中4个取得满分。",
                 "4个一级指标中，1个取得满分。"):
        assert _errors(tmp_path, table + text + "\n", "report.md") == [], text


def test_a_one_cell_a_line_row_ending_in_empty_cells(tmp_path) -> None:
    rows = [["科目编码", "科目名称", "合计", "财政拨款收入", "事业收入", "其他收入"],
            ["", "合计", "815.40", "798.90", "10.00", "6.50"],
            ["206", "科学技术支出", "706.84", "690.34", "10.00", "6.50"],
            ["20601", "科学技术管理事务", "285.44", "278.94", "", "6.50"],
            ["20602", "基础研究", "210.00", "200.00", "10.00", ""],
            ["20604", "技术研究与开发", "211.40", "211.40", "", ""],
            ["208", "社会保障和就业支出", "108.56", "108.56", "", ""],
            ["20805", "行政事业单位养老支出", "108.56", "108.56", "", ""]]
    assert _errors(tmp_path, "表2 收入决算表（单位：万元）\n\n" + _cells(rows)) == []


def test_a_one_cell_a_line_side_by_side_table_headed_twice_the_same(tmp_path) -> None:
    rows = [["项目", "决算数", "项目", "决算数"],
            ["一、一般公共预算财政拨款收入", "798.90", "一、一般公共服务支出", "600.00"],
            ["二、政府性基金预算财政拨款收入", "", "二、社会保障和就业支出", "120.00"],
            ["三、其他收入", "6.50", "三、卫生健康支出", "40.00"],
            ["", "", "四、住房保障支出", "45.40"],
            ["本年收入合计", "805.40", "本年支出合计", "805.40"]]
    found = _findings(tmp_path, "表1 收入支出决算总表（单位：万元）\n\n" + _cells(rows))
    assert [f for f in found if f[0] == "error" or f[1] == "TXT012"] == [], found


# ---------------------------------------------------------------------------------------------------------------
# late readings (h38, h39)
# ---------------------------------------------------------------------------------------------------------------

def test_work_and_its_states_after_it_without_qizhong(tmp_path) -> None:
    text = "纳入年度计划的标准化台站建设项目{n}个，已竣工交付7个，仍在施工5个，全市台网监测能力不断提高。"
    found = _errors(tmp_path, text.format(n="13"))
    assert any(c == "TXT001" and "7 + 5 = 12" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n="12")) == []
    assert _errors(tmp_path, "全年新开工项目13个，已竣工交付7个，仍在施工5个。") == []  # work begun this year


def test_the_states_of_work_end_their_list(tmp_path) -> None:
    text = "全年共实施重点项目{n}个，其中已完工13个、在建4个，主导产业产值持续增长，新培育家庭农场64家。"
    found = _errors(tmp_path, text.format(n="18"))
    assert any(c == "TXT001" and "13 + 4 = 17" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n="17")) == []


def test_a_completion_of_the_budget_written_without_de(tmp_path) -> None:
    text = "公益性岗位补贴（项）年初预算为895.79万元，支出决算849.55万元，完成年初预算{r}%。"
    found = _errors(tmp_path, text.format(r="105.44"))
    assert any(c == "TXT005" and "94.84%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(r="94.84")) == []


ECON_CODED = """表4 基本支出决算表（单位：万元）

| 项目 | 决算数 |
| --- | --- |
| 基本支出合计 | {total} |
| 人员经费合计 | 684.86 |
| 301 工资福利支出 | 658.38 |
| 30101 基本工资 | 400.00 |
| 30102 津贴补贴 | 258.38 |
| 303 对个人和家庭的补助 | 26.48 |
| 30302 退休费 | 26.48 |
| 公用经费合计 | 102.33 |
| 302 商品和服务支出 | 102.33 |
| 30201 办公费 | 60.00 |
| 30211 差旅费 | 42.33 |
"""


def test_a_basic_spending_total_row_over_coded_classes(tmp_path) -> None:
    found = _errors(tmp_path, ECON_CODED.format(total="887.19"), "report.md")
    assert any(c == "TBL008" and "787.19" in m for c, m in found), found
    assert _errors(tmp_path, ECON_CODED.format(total="787.19"), "report.md") == []


DETAIL_AND_SUMMARY = """表2 绩效自评表

| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |
| --- | --- | --- | --- | --- |
| 预算执行 | 预算执行率 | 预算执行率 | 10 | 8.80 |
| 产出指标 | 数量指标 | 台站运行数 | 30 | 28.00 |
|  | 质量指标 | 数据完整率 | 20 | 18.44 |
| 效益指标 | 社会效益指标 | 预警覆盖率 | 15 | 14.00 |
|  | 可持续影响指标 | 台网运维机制 | 15 | 11.55 |
| 满意度指标 | 服务对象满意度指标 | 公众满意度 | 10 | 8.95 |
| 合计 |  |  | 100 | 89.74 |

表3 得分汇总表

| 一级指标 | 分值 | 得分 |
| --- | --- | --- |
| 预算执行 | 10 | 8.80 |
| 产出指标 | 50 | 46.44 |
| 效益指标 | 30 | {benefit} |
| 满意度指标 | 10 | 8.95 |
| 总分 | 100 | 89.74 |
"""


def test_a_summary_of_the_kinds_against_the_detailed_table(tmp_path) -> None:
    assert _errors(tmp_path, DETAIL_AND_SUMMARY.format(benefit="25.55"), "report.md") == []
    found = _errors(tmp_path, DETAIL_AND_SUMMARY.format(benefit="26.55"), "report.md")
    assert [c for c, _m in found] == ["TBL017"] and "14.00 + 11.55 = 25.55" in found[0][1], found


QUANTITY_ROWS = """表3 绩效自评表

| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 |
| --- | --- | --- | --- | --- | --- | --- |
| 产出指标 | 数量指标 | 适应性培训人数 | 10 | 120人 | 107人 | {score} |
| 产出指标 | 时效指标 | 补助按月发放及时率 | 10 | 100% | 96% | 9.60 |
| 产出指标 | 成本指标 | 纪念设施修缮成本控制 | 12 | 180万元 | 176.4万元 | 12.00 |
| 效益指标 | 社会效益 | 退役军人就业率 | 15 | 90% | 86% | 14.33 |
| 满意度指标 | 服务对象满意度 | 优抚对象满意度 | 10 | 95% | 93% | 9.79 |
"""


def test_a_count_short_of_its_bare_target_scored_out_of_proportion(tmp_path) -> None:
    found = _errors(tmp_path, QUANTITY_ROWS.format(score="8.50"), "report.md")
    assert any(c == "TBL013" and "8.92" in m for c, m in found), found
    assert _errors(tmp_path, QUANTITY_ROWS.format(score="8.92"), "report.md") == []


# guards from the second review of the round

def test_states_of_work_left_open_are_not_its_whole(tmp_path) -> None:
    for text in ("2023年共实施重点项目18个，其中已完工13个、在建4个、暂缓实施1个，全年完成投资2.35亿元。",
                 "2023年计划实施农村公路项目15个，已完工8个，在建5个。另有2个项目因用地手续未办结尚未开工。",
                 "全区纳入改造计划的老旧小区56个，已完成改造32个，在建15个。剩余9个小区正在开展居民意见征询。"):
        assert _errors(tmp_path, text) == [], text


def test_a_progress_rate_without_de_in_another_sentence_is_not_the_years(tmp_path) -> None:
    text = ("2023年度全年预算为1250.00万元，支出决算为1200.00万元，预算执行率96.00%。截至9月底，累计支出完成全年预算75%，"
            "达到序时进度要求。")
    assert _errors(tmp_path, text) == []


def test_two_detailed_tables_leave_a_summary_unjudged(tmp_path) -> None:
    project = DETAIL_AND_SUMMARY.split("表3 得分汇总表")[0].replace("表2 绩效自评表", "附件3 专项资金绩效自评表")
    text = DETAIL_AND_SUMMARY.format(benefit="25.55") + "\n" + project.replace("11.55", "12.55").replace("89.74", "90.74")
    assert not any(c == "TBL017" for c, _m in _errors(tmp_path, text, "report.md"))
