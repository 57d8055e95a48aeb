"""Round 17: readings of layouts and sentence forms that were silent on errors (or spoke on right figures).

- A 自评表 whose weight column is headed 权重（%） and whose 小计 rows sit in the name column (一级 cell blank) is a
  scoring table: its 小计 and 合计 rows are judged, never summed as rows (TBL007).
- A kind's score written after the kind's weight (效益类指标权重30%，得23.50分), and an indicator's score alone in
  the clause after its name (…5条，得8分), are read as such.
- Retirees split by the kind they retired from (原行政 / 事业退休人员) are every retiree.
- A table exported one cell a line with blank lines for empty cells is read; a text figure repeating a table cell
  found mistyped (TBL011) is wrong with it (TXT014).
- A sentence with no subject (比上年B下降R%) after a run of one-item sentences may be the total's: silent when the
  rate fits an earlier figure of the paragraph.
- A rate of change named by a line alone (其他收入下降R%) is judged against that line's two year columns.
- 年初批复预算 is the 年初预算.
- A list of schools naming every stage (幼儿园 … 高中) is the whole of the schools.
The figures are written for these tests, in the voice of a 水务局, a 文旅局 and an 教育局 of other provinces."""
from __future__ import annotations

import pytest

from toolkit import lint


def _errors(tmp_path, text: str, name: str = "report.md") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(f.code, f.message) for f in lint(path).findings if f.severity == "error"]


SCORES = """表2 2024年度部门整体支出绩效自评表

| 一级指标 | 三级指标 | 权重（%） | 目标值 | 完成值 | 得分 |
| --- | --- | --- | --- | --- | --- |
| 决策 | 绩效目标合理性 | 10 | 合理 | 合理 | 10.00 |
| 决策 | 预算编制科学性 | 10 | 科学 | 较科学 | 8.50 |
|  | 决策小计 | 20 |  |  | 18.50 |
| 产出 | 供水管网改造 | 20 | 35公里 | 35公里 | {pipe} |
| 产出 | 水质抽检合格率 | 20 | ≥98% | 98.6% | 20.00 |
|  | 产出小计 | 40 |  |  | {out} |
| 效益 | 农村自来水普及率 | 30 | ≥95% | 96.2% | 28.00 |
| 满意度 | 用水户满意度 | 10 | ≥90% | 91% | 9.00 |
| 合计 |  | 100 |  |  | {total} |

2.产出类指标。全年改造供水管网35公里，得{pipe_text}分；水质抽检合格率98.6%。产出类指标权重40%，得{out}分。
"""


def _scores(**kw) -> str:
    values = dict(pipe="20.00", pipe_text="20", out="40.00", total="95.50")
    values.update(kw)
    return SCORES.format(**values)


def test_a_table_of_weights_in_percent_with_subtotal_rows_is_read_as_a_scoring_table(tmp_path) -> None:
    assert _errors(tmp_path, _scores()) == []


def test_a_wrong_subtotal_of_such_a_table_is_reported_and_not_its_column(tmp_path) -> None:
    found = _errors(tmp_path, _scores(out="39.00"))
    codes = [c for c, _m in found]
    assert "TBL002" in codes and "TBL007" not in codes
    assert any(c == "TXT010" and "39.00" in m and "40" in m for c, m in found)  # the text repeats the subtotal


def test_a_score_above_its_weight_is_reported_in_the_table_and_in_the_text(tmp_path) -> None:
    found = _errors(tmp_path, _scores(pipe="22.00", pipe_text="22", out="42.00", total="97.50"))
    codes = [c for c, _m in found]
    assert "TBL004" in codes and "TXT008" in codes


RETIRED = "另有退休人员{t}人，其中原行政退休人员14人、事业退休人员29人，由局离退休干部科统一服务管理。\n"


@pytest.mark.parametrize("t, wrong", [("43", False), ("45", True)])
def test_retirees_by_the_kind_they_retired_from_are_every_retiree(tmp_path, t: str, wrong: bool) -> None:
    found = _errors(tmp_path, RETIRED.format(t=t), "report.txt")
    assert [c for c, _m in found] == (["TXT001"] if wrong else [])


def test_retirees_by_another_split_are_not_read_as_kinds(tmp_path) -> None:
    text = "离退休人员46人，其中离休人员3人、退休人员41人，另有遗属2人由局代管。\n"
    assert _errors(tmp_path, text, "report.txt") == []


CODED = """三、2024年度支出决算表（按功能分类）
单位：万元
科目编码
科目名称
合计
基本支出
项目支出

合计
1960.40
702.15
1258.25
208
社会保障和就业支出
80.15
80.15

20805
行政事业单位养老支出
80.15
80.15

213
农林水支出
1880.25
622.00
1258.25
21303
水利
1880.25
622.00
1258.25
2130301
行政运行
622.00
622.00

2130305
水利工程建设
{build}

{build}
2130306
水利工程运行与维护
546.05

546.05

水利支出1880.25万元，其中行政运行622.00万元，水利工程建设{build_text}万元，水利工程运行与维护546.05万元。
"""


def test_a_table_one_cell_a_line_with_blank_cells_is_read(tmp_path) -> None:
    assert _errors(tmp_path, CODED.format(build="712.20", build_text="712.20"), "report.txt") == []


def test_a_text_figure_repeating_a_mistyped_cell_is_wrong_with_it(tmp_path) -> None:
    found = _errors(tmp_path, CODED.format(build="721.20", build_text="721.20"), "report.txt")
    codes = [c for c, _m in found]
    assert "TBL011" in codes
    assert any(c == "TXT014" and "水利工程建设" in m and "712.20" in m for c, m in found)


SHORT = ("“三公”经费支出12.06万元。因公出国（境）费0万元。公务用车运行维护费9.46万元。公务接待费2.60万元。"
         "比上年{base}万元下降{rate}。\n")


def test_a_subjectless_rate_that_fits_the_total_is_not_judged_against_the_last_item(tmp_path) -> None:
    # (12.06 − 13.40) ÷ 13.40 = −10.00%: the total's change, not 公务接待费's
    assert _errors(tmp_path, SHORT.format(base="13.40", rate="10.00%"), "report.txt") == []


def test_a_subjectless_rate_that_fits_no_figure_is_still_judged(tmp_path) -> None:
    found = _errors(tmp_path, SHORT.format(base="2.80", rate="10.00%"), "report.txt")
    assert [c for c, _m in found] == ["TXT004"]


INCOME = """| 收入项目 | 2023年 | 2024年 | 增减额 | 增减率 |
| --- | --- | --- | --- | --- |
| 一般公共预算财政拨款收入 | 1620.00 | 1749.60 | 129.60 | 8.00% |
| 其他收入 | 52.00 | 48.36 | -3.64 | -7.00% |
| 合计 | 1672.00 | 1797.96 | 125.96 | 7.53% |

2024年收入合计1797.96万元，较上年增加125.96万元，增长7.53%。其中一般公共预算财政拨款收入增长{fin}；其他收入下降{other}。
"""


@pytest.mark.parametrize("fin, other, wrong", [("8.00%", "7.00%", []), ("8.00%", "7.53%", ["TXT004"]),
                                               ("7.41%", "7.00%", ["TXT004"])])
def test_a_rate_named_by_its_line_alone_is_that_rows_change(tmp_path, fin: str, other: str, wrong: list) -> None:
    assert [c for c, _m in _errors(tmp_path, INCOME.format(fin=fin, other=other))] == wrong


PASSED = ("年初批复预算2150.00万元，其中基本支出1180.00万元、项目支出970.00万元。年度执行中追加防汛抢险经费，全年预算数达到"
          "2480.00万元。全年实际支出2356.00万元，{what}执行率{rate}。\n")


@pytest.mark.parametrize("what, rate, wrong", [("年初预算", "109.58%", False), ("全年预算", "95.00%", False),
                                               ("年初预算", "95.00%", True)])
def test_a_budget_passed_at_the_start_is_the_initial_budget(tmp_path, what: str, rate: str, wrong: bool) -> None:
    found = _errors(tmp_path, PASSED.format(what=what, rate=rate), "report.txt")
    assert [c for c, _m in found] == (["TXT005"] if wrong else [])


SCHOOLS = "全县共有公办学校{t}所，其中幼儿园41所、小学52所、初中16所、九年一贯制学校4所、普通高中3所、特殊教育学校1所。\n"


@pytest.mark.parametrize("t, wrong", [("117", False), ("119", True)])
def test_schools_of_every_stage_are_every_school(tmp_path, t: str, wrong: bool) -> None:
    found = _errors(tmp_path, SCHOOLS.format(t=t), "report.txt")
    assert [c for c, _m in found] == (["TXT001"] if wrong else [])


def test_schools_of_some_stages_may_be_a_partial_list(tmp_path) -> None:
    assert _errors(tmp_path, "全县共有公办学校119所，其中小学52所、初中16所。\n", "report.txt") == []


ARRANGED = ("2024年年初预算安排支出3650.00万元，年中追加高标准农田建设资金后，全年预算数为4418.20万元。本年支出决算4269.13万元，"
            "完成{what}预算的{rate}。\n")


@pytest.mark.parametrize("what, rate, wrong", [("年初", "116.96%", False), ("全年", "96.63%", False),
                                               ("年初", "96.63%", True)])
def test_a_budget_arranged_at_the_start_is_the_initial_budget(tmp_path, what: str, rate: str, wrong: bool) -> None:
    found = _errors(tmp_path, ARRANGED.format(what=what, rate=rate), "report.txt")
    assert [c for c, _m in found] == (["TXT005"] if wrong else [])


@pytest.mark.parametrize("rate, wrong", [("85.71%", False), ("87.5%", True)])
def test_what_is_still_being_done_is_no_numerator(tmp_path, rate: str, wrong: bool) -> None:
    text = f"2024年巡察反馈问题28个，已整改到位24个，正在整改4个，整改率为{rate}。\n"
    assert [c for c, _m in _errors(tmp_path, text, "report.txt")] == (["TXT005"] if wrong else [])


@pytest.mark.parametrize("text, wrong", [
    ("农产品抽检合格率{r}（抽检1250批次，合格1241批次）。\n", "99.5%"),
    ("全年办结率{r}，共受理信访事项214件，办结209件。\n", "98.13%"),
])
def test_a_rate_written_before_its_terms(tmp_path, text: str, wrong: str) -> None:
    right = {"99.5%": "99.28%", "98.13%": "97.66%"}[wrong]
    assert _errors(tmp_path, text.format(r=right), "report.txt") == []
    assert [c for c, _m in _errors(tmp_path, text.format(r=wrong), "report.txt")] == ["TXT005"]


def test_a_money_rate_after_its_terms_is_still_read(tmp_path) -> None:
    text = "上级下达专项资金计划4850.00万元，实际到位4612.30万元，资金到位率{r}。\n"
    assert _errors(tmp_path, text.format(r="95.10%"), "report.txt") == []
    assert [c for c, _m in _errors(tmp_path, text.format(r="97.10%"), "report.txt")] == ["TXT005"]


@pytest.mark.parametrize("n, wrong", [("6", False), ("5", True)])
def test_the_last_two_items_joined_by_he_are_two(tmp_path, n: str, wrong: bool) -> None:
    text = f"本单位设有内设机构{n}个，分别为办公室、财务科、业务一科、业务二科、法规科和后勤服务中心。\n"
    assert [c for c, _m in _errors(tmp_path, text, "report.txt")] == (["TXT006"] if wrong else [])


def test_a_name_with_he_inside_is_one_item(tmp_path) -> None:
    text = "内设机构5个，分别为办公室、财务科、业务科、规划科、政策法规和审批科。\n"
    assert _errors(tmp_path, text, "report.txt") == []


def test_a_total_against_its_kinds_is_said_once(tmp_path) -> None:
    text = ("经综合评价，2024年度部门整体支出绩效自评得分为92.3分，其中预算执行率指标得9.3分，产出指标得分48.5分，"
            "效益指标得分25.5分，满意度指标得分8分。\n")
    found = _errors(tmp_path, text, "report.txt")
    assert len(found) == 1 and "91.3" in found[0][1]


USED_FOR = ("2024年度一般公共预算财政拨款支出5,045.30万元，主要用于以下方面：一般公共服务（类）支出120.50万元，占2.39%；"
            "社会保障和就业（类）支出356.80万元，占7.07%；农林水（类）支出4,398.00万元，占{farm}；住房保障（类）支出170.00万元，"
            "占3.37%。\n")


@pytest.mark.parametrize("farm, wrong", [("87.17%", False), ("86.17%", True)])
def test_the_classes_a_spending_is_used_for_are_shares_of_it(tmp_path, farm: str, wrong: bool) -> None:
    found = _errors(tmp_path, USED_FOR.format(farm=farm), "report.txt")
    assert [c for c, _m in found] == (["TXT002"] if wrong else [])


SANGONG_YUAN = """表3  “三公”经费支出情况表
单位：元
项目\t预算数\t决算数\t上年决算数
合计\t150000.00\t128650.00\t142300.00
因公出国（境）费\t0.00\t0.00\t0.00
公务用车购置及运行维护费\t110000.00\t96850.00\t104300.00
其中：公务用车购置费\t0.00\t0.00\t0.00
公务用车运行维护费\t110000.00\t96850.00\t104300.00
公务接待费\t40000.00\t31800.00\t38000.00

2024年“三公”经费支出{total}万元，完成预算的{rate}，比上年减少1.365万元，下降9.59%。其中公务接待费3.18万元，比上年下降{host}。
"""


def test_a_sangong_table_in_yuan_bears_out_the_text(tmp_path) -> None:
    text = SANGONG_YUAN.format(total="12.87", rate="85.77%", host="16.32%")
    assert _errors(tmp_path, text, "report.txt") == []


def test_a_change_against_last_years_column_of_a_table_in_yuan(tmp_path) -> None:
    found = _errors(tmp_path, SANGONG_YUAN.format(total="12.87", rate="85.77%", host="18.42%"), "report.txt")
    assert [c for c, _m in found] == ["TXT004"] and "3.80" in found[0][1]


def test_the_sangong_total_is_the_tables_total_row(tmp_path) -> None:
    found = _errors(tmp_path, SANGONG_YUAN.format(total="12.87", rate="87.57%", host="16.32%"), "report.txt")
    assert [c for c, _m in found] == ["TXT005"]
    found = _errors(tmp_path, SANGONG_YUAN.format(total="12.78", rate="85.77%", host="16.32%"), "report.txt")
    assert [c for c, _m in found] == ["TXT014"]


@pytest.mark.parametrize("text, wrong", [
    ("部门整体支出绩效评价得分{s}分，评价等次为“优”。\n", True),
    ("本次自评总分为{s}分，自评等级为“优”。\n", True),
])
def test_a_grade_said_as_dengci_and_a_total_said_as_pingjia_defen(tmp_path, text: str, wrong: bool) -> None:
    assert [c for c, _m in _errors(tmp_path, text.format(s="89.5"), "report.txt")] == ["TXT009"]
    assert _errors(tmp_path, text.format(s="90.5"), "report.txt") == []


LEVELS = """表2 一般公共预算财政拨款支出决算表（单位：万元）

| 科目名称 | 合计 | 基本支出 | 项目支出 |
|---|---|---|---|
| 合计 | 2,356.40 | 1,180.20 | 1,176.20 |
| 一般公共服务支出（类） | 1,520.60 | 980.40 | 540.20 |
| 　政府办公厅（室）及相关机构事务（款） | 1,520.60 | 980.40 | 540.20 |
| 　　行政运行（项） | 980.40 | 980.40 | |
| 　　一般行政管理事务（项） | {admin} | | {admin} |
| 　　其他政府办公厅（室）及相关机构事务支出（项） | 90.00 | | 90.00 |
| 社会保障和就业支出（类） | 135.60 | 135.60 | |
| 　行政事业单位养老支出（款） | 135.60 | 135.60 | |
| 　　机关事业单位基本养老保险缴费支出（项） | 90.40 | 90.40 | |
| 　　机关事业单位职业年金缴费支出（项） | 45.20 | 45.20 | |
| 城乡社区支出（类） | 700.20 | 64.20 | 636.00 |
| 　城乡社区管理事务（款） | 700.20 | 64.20 | 636.00 |
| 　　城管执法（项） | 700.20 | 64.20 | 636.00 |
"""


def test_a_table_nesting_by_level_marks_is_read_as_by_codes(tmp_path) -> None:
    assert _errors(tmp_path, LEVELS.format(admin="450.20")) == []
    found = _errors(tmp_path, LEVELS.format(admin="405.20"))
    assert [c for c, _m in found] == ["TBL011"] and "450.20" in found[0][1]
