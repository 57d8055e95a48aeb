"""The consistency checks on the example reports: each seed example reports the mistakes of DOMAIN.md section 6
that its YAML holds, at the line of the value; the made-up demo is clean."""
from __future__ import annotations

from pathlib import Path


from toolkit import check, load

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FAMILIES = ("SUM", "BAL", "PCT", "SCR", "DAT", "NAR", "TXT")


def findings(name: str):
    path = EXAMPLES / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return [f for f in check(load(path)).findings if f.code.startswith(FAMILIES)], lines


def assert_reports(name: str, code: str, severity: str, path_end: str, value: str, in_message: str = "") -> None:
    """``code`` is reported at the data path ending in ``path_end``, on the YAML line that holds ``value``."""
    found, lines = findings(name)
    hits = [f for f in found if f.code == code and f.path.endswith(path_end)]
    assert len(hits) == 1, [f.text() for f in found]
    f = hits[0]
    assert f.severity == severity
    assert value in lines[f.line - 1], (f.line, lines[f.line - 1])
    assert in_message in f.message


# seed 002: 益阳市资阳区工业和信息化局 2022
def test_ziyang_basic_expenditure_rounding():
    assert_reports("ziyang-gxj-2022.yaml", "SUM001", "warning", "expenditure.basic.amount", "507.79",
                   "507.80 ≠ 基本支出 507.79（差 0.01，可能为四舍五入误差）")


def test_ziyang_previous_total_of_basic_data_table():
    assert_reports("ziyang-gxj-2022.yaml", "SUM002", "error", "expenditure.previous", "707.74", "642.28")


def test_ziyang_staffing_kinds_and_control_rate():
    assert_reports("ziyang-gxj-2022.yaml", "SUM012", "error", "authorized.total", "33", "21")
    assert_reports("ziyang-gxj-2022.yaml", "PCT005", "error", "staffing.control_rate", "100%", "93.94%")


def test_ziyang_self_evaluation_staffing_rate_differs_from_staffing():
    # 自评表 在职人员控制率 98% while 实有 31 / 编制 33 = 93.94% (and the 基础数据表 says 100%)
    assert_reports("ziyang-gxj-2022.yaml", "PCT007", "error", "indicators[0].actual", "98%", "93.94%")


def test_ziyang_narrative_heading_numbers_mix_styles():
    # 七、存在的问题及原因分析: "（1）" then "（二）"
    assert_reports("ziyang-gxj-2022.yaml", "TXT011", "warning", "narrative.problems", "（二）原因分析", "（1）")


def test_ziyang_self_evaluation_budget_differs_from_expenditure_budget():
    assert_reports("ziyang-gxj-2022.yaml", "BAL003", "error", "execution.initial_budget", "498.36", "2898.19")


# seed 000: 璧山区经济和信息化委员会 2021
def test_bishan_scores_not_proportional():
    assert_reports("bishan-jxw-2021.yaml", "SCR002", "error", "indicators[1].score", "8.95", "9.5")
    assert_reports("bishan-jxw-2021.yaml", "SCR002", "error", "indicators[2].score", "9.69", "9.5")


def test_bishan_balance_counted_inside_expenditure():
    assert_reports("bishan-jxw-2021.yaml", "SUM002", "error", "expenditure.amount", "12829.26", "12805.45")
    assert_reports("bishan-jxw-2021.yaml", "BAL001", "error", "income.amount", "12829.26", "23.81")


def test_bishan_evaluated_in_the_year_evaluated():
    assert_reports("bishan-jxw-2021.yaml", "DAT001", "error", "group_established", "2021-03-13", "2022")


def test_bishan_copied_indicator_texts():
    # 预决算公开率's text is the 项目绩效管理率 text; 预决算执行率's text is about 预决算公开
    assert_reports("bishan-jxw-2021.yaml", "NAR006", "warning", "indicators[6].narrative", "2021年度", "项目绩效管理率")
    assert_reports("bishan-jxw-2021.yaml", "NAR007", "warning", "indicators[7].narrative", "2021年度", "预决算公开率")


def test_bishan_weights_do_not_reach_100():
    found, _ = findings("bishan-jxw-2021.yaml")
    assert [f.found for f in found if f.code == "SUM017"] == ["95"]


# seed 003: 永州市冷水滩区科技和工业信息化局 2021
def test_lengshuitan_no_scoring_table():
    assert_reports("lengshuitan-kgxj-2021.yaml", "SCR009", "error", "indicators.total_score", "85")


def test_lengshuitan_partial_project_list_is_not_an_error():
    found, _ = findings("lengshuitan-kgxj-2021.yaml")
    assert not [f for f in found if f.code == "SUM006"]


def test_demo_is_clean():
    found, _ = findings("demo-2023.yaml")
    assert [f.text() for f in found] == []
