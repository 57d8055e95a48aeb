"""The classes of issue 11 left after round 8 (lintC), each with a wrong and a right case, on report files written
here: counts against their classes (in the next sentence, by kind of indicator, by outcome, by a declared number of
classes) and against the 自评表's rows; one budget line under two names or in two money units; a part with slipped
digits under a total the text or its parent code confirms; a 合计 under a share column of its parts; totals left at
0 at the head of their rows or under rows naming what they total."""
from __future__ import annotations

import shutil
import subprocess

import docx
import pytest

from toolkit import lint


def _lint(tmp_path, text: str, name: str = "report.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [f for f in lint(path).findings if f.severity == "error"]


def _codes(findings) -> list[tuple[str, str | None]]:
    return [(f.code, f.expected) for f in findings]


def _tsv(*rows: list[str]) -> str:
    return "\n".join("\t".join(r) for r in rows) + "\n\n"


def _filled(before: str, rows: list[list[str]], x: str) -> str:
    """A line of text and a tab-separated table whose ``{x}`` cell holds ``x``."""
    return before + _tsv(*[[c.replace("{x}", x) for c in r] for r in rows])


# -- counts --------------------------------------------------------------------------------------------------------

def test_a_count_split_into_a_declared_number_of_classes(tmp_path):
    text = "全年实施农业农村项目{n}个，分为三类：农业生产发展类11个、乡村建设类8个、农村改革类3个。\n"
    assert _codes(_lint(tmp_path, text.format(n=23))) == [("TXT020", "22")]
    assert _lint(tmp_path, text.format(n=22)) == []
    # the count ending a paragraph, its classes opening the next
    apart = "全年实施农业农村项目{n}个。\n分为三类：农业生产发展类11个、乡村建设类8个、农村改革类3个。\n"
    assert _codes(_lint(tmp_path, apart.format(n=23))) == [("TXT020", "22")]
    assert _lint(tmp_path, apart.format(n=22)) == []
    # three classes declared, two listed: which is left out cannot be told
    assert _lint(tmp_path, "全年实施项目23个，分为三类：生产类11个、建设类8个。\n") == []


def test_a_count_of_indicators_with_its_kinds_in_the_next_sentence(tmp_path):
    text = "本次自评共设置三级指标{n}个。按一级指标分，预算执行指标1个，产出指标7个，效益指标3个，满意度指标2个。\n"
    assert _codes(_lint(tmp_path, text.format(n=14))) == [("TXT020", "13")]
    assert _lint(tmp_path, text.format(n=13)) == []
    # without 预算执行 and short of the count: 预算执行率 may be in the count
    assert _lint(tmp_path, "共设置三级指标13个。按一级指标分，产出指标7个，效益指标3个，满意度指标2个。\n") == []
    # 不含预算执行率 beside the count: that class is not counted
    assert _lint(tmp_path, "共设置绩效指标12个（不含预算执行率），预算执行指标1个，产出指标7个，效益指标3个，满意度指标2个。\n") == []


def test_the_outcomes_of_the_indicators_add_up_to_their_number(tmp_path):
    text = "从{n}个指标的完成情况看，完全达成31个、部分达成4个、未达成2个。\n"
    assert _codes(_lint(tmp_path, text.format(n=36))) == [("TXT020", "37")]
    assert _lint(tmp_path, text.format(n=37)) == []
    # not all outcomes named: the rest may be elsewhere
    assert _lint(tmp_path, "从36个指标的完成情况看，完全达成31个、部分达成4个。\n") == []


_SCORE_TABLE = _tsv(["一级指标", "二级指标", "三级指标", "分值", "得分"],
                    ["预算执行", "预算执行率", "预算执行率", "10", "9.80"],
                    ["产出指标", "数量指标", "维修养护处数", "40", "40"],
                    ["产出指标", "质量指标", "验收合格率", "20", "20"],
                    ["效益指标", "社会效益指标", "受益人口", "20", "19"],
                    ["满意度指标", "服务对象满意度指标", "群众满意度", "10", "9.50"],
                    ["总分", "", "", "100", "98.30"])


def test_the_stated_number_of_indicators_against_the_rows_of_the_self_evaluation_table(tmp_path):
    text = "本年度共设置三级指标{n}个，各指标得分见下表。\n" + _SCORE_TABLE
    assert _codes(_lint(tmp_path, text.format(n=6))) == [("TXT020", "5")]
    assert _lint(tmp_path, text.format(n=5)) == []
    assert _lint(tmp_path, text.format(n=4)) == []  # the table's rows without 预算执行率
    # kinds that add up to the count, against the table's rows of each kind
    kinds = "共设置三级指标4个（不含预算执行率），其中产出指标{a}个、效益指标{b}个、满意度指标1个。\n" + _SCORE_TABLE
    found = _lint(tmp_path, kinds.format(a=1, b=2))
    assert _codes(found) == [("TXT020", "2")] and "表中产出指标2个、效益指标1个" in found[0].message
    assert _lint(tmp_path, kinds.format(a=2, b=1)) == []
    # counts of other levels or of one category are not the table's rows
    assert _lint(tmp_path, "共设置一级指标3个、二级指标5个、三级指标5个。\n" + _SCORE_TABLE) == []
    assert _lint(tmp_path, "人员类项目设置三级指标1个，为时效指标。\n" + _SCORE_TABLE) == []
    # a kind's count that the table's rows contradict is named in the message
    wrong = ("共设置三级指标5个，其中预算执行指标1个、产出指标2个、效益指标1个、满意度指标2个。\n" + _SCORE_TABLE)
    found = _lint(tmp_path, wrong)
    assert _codes(found) == [("TXT020", "6")] and "自评表中满意度指标1个" in found[0].message


# -- one budget line under two names or units ----------------------------------------------------------------------

def test_a_text_figure_in_wan_yuan_against_its_table_row_in_yuan(tmp_path):
    table = "表1 支出决算表（单位：元）\n" + _tsv(["科目编码", "科目名称", "决算数"], ["210", "卫生健康支出", "296,400.00"],
                                            ["221", "住房保障支出", "402,500.00"], ["", "合计", "698,900.00"])
    wrong = table + "卫生健康支出29.46万元，为行政事业单位医疗缴费。\n"
    found = _lint(tmp_path, wrong)
    assert _codes(found) == [("TXT014", "29.64万元")] and "296,400.00元" in found[0].message
    assert _lint(tmp_path, table + "卫生健康支出29.64万元，为行政事业单位医疗缴费。\n") == []
    # a figure that is no slip of the row's digits may be another scope: not judged
    assert _lint(tmp_path, table + "卫生健康支出31.20万元，为行政事业单位医疗缴费。\n") == []


def test_a_text_name_longer_than_its_coded_row(tmp_path):
    table = "按功能分类的支出明细（单位：万元）\n" + _tsv(
        ["科目编码", "科目名称", "决算数"], ["21303", "水利", "2,567.25"], ["2130301", "行政运行", "612.40"],
        ["2130306", "水利工程运行与维护", "1,108.65"], ["2130314", "防汛", "846.20"])
    assert _codes(_lint(tmp_path, table + "上表中，防汛抗旱支出(864.20万元)用于物资储备。\n")) == [("TXT014", "846.20万元")]
    assert _lint(tmp_path, table + "上表中，防汛抗旱支出(846.20万元)用于物资储备。\n") == []
    # the general class named like the row's 款 (一般公共服务 and 一般公共服务支出) in other words agree
    other = "（单位：万元）\n" + _tsv(["科目编码", "科目名称", "决算数"], ["201", "一般公共服务支出", "531.86"],
                                 ["208", "社会保障和就业支出", "84.23"], ["", "合计", "616.09"])
    assert _lint(tmp_path, other + "一般公共服务531.86万元，主要用于机关运行。\n") == []
    found = _lint(tmp_path, other + "一般公共服务513.86万元，主要用于机关运行。\n")
    assert [(f.code, f.expected.removesuffix("万元")) for f in found] == [("TXT014", "531.86")]


def test_a_text_figure_against_the_total_rows_cell_under_its_name(tmp_path):
    rows = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ["", "合计", "20762.33", "7660.68", "13101.65"],
            ["220", "自然资源海洋气象等支出", "20762.33", "7660.68", "13101.65"]]
    text = "2023年支出合计20,762.33万元。其中基本支出{x}万元，主要用于人员工资福利。\n"
    found = _lint(tmp_path, _filled(text.replace("{x}", "7,750.68"), rows, ""))
    assert [f.code for f in found] == ["TXT014"] and "“合计”行“基本支出”列" in found[0].message
    assert _lint(tmp_path, _filled(text.replace("{x}", "7,660.68"), rows, "")) == []


def test_a_text_figure_of_this_year_that_is_the_tables_last_year_figure(tmp_path):
    table = _tsv(["项目", "2025年预算", "2025年决算", "2024年决算"], ["合计", "12.50", "9.94", "10.90"],
                 ["公务用车运行维护费", "10.50", "9.36", "10.12"], ["公务接待费", "2.00", "0.58", "0.78"])
    text = "“三公”经费决算为预算的79.52%。其中公务用车运行维护费{x}万元，主要保障应急指挥车的日常运行。\n"
    found = _lint(tmp_path, table + text.format(x="10.12"))
    assert _codes(found) == [("TXT014", "9.36")] and "上年数" in found[0].message
    assert _lint(tmp_path, table + text.format(x="9.36")) == []
    # the year of the table's this-year column is this year
    assert _codes(_lint(tmp_path, table + "2025年公务用车运行维护费10.12万元。\n")) == [("TXT014", "9.36")]
    # a clause that says it is last year's figure is right to give it
    assert _lint(tmp_path, table + "2024年公务用车运行维护费10.12万元，本年有所下降。\n") == []


# -- a part with slipped digits -----------------------------------------------------------------------------------

_ECON = [["经济分类", "决算数"], ["工资福利支出", "1,286.40"], ["商品和服务支出", "{x}"], ["对个人和家庭的补助", "88.20"],
         ["合计", "1,620.40"]]


def _econ(x: str) -> str:
    return _filled("表2 基本支出决算表（单位：万元）\n", _ECON, x)


def test_a_swapped_part_under_a_total_the_text_confirms_is_reported_at_the_part(tmp_path):
    said = "基本支出1,620.40万元，主要用于人员工资。\n"
    found = _lint(tmp_path, said + _econ("254.80"))
    assert _codes(found) == [("TBL011", "245.80")] and found[0].quote.startswith("商品和服务支出")
    assert _lint(tmp_path, said + _econ("245.80")) == []
    # the total confirmed by nothing: which row is wrong cannot be told, the total's finding stays
    assert [f.code for f in _lint(tmp_path, "本局认真编制决算。\n" + _econ("254.80"))] == ["TBL007"]


def test_two_parts_that_could_both_be_the_slip_leave_the_finding_at_the_total(tmp_path):
    rows = [["经济分类", "决算数"], ["工资福利支出", "1,958.62"], ["商品和服务支出", "1,245.30"],
            ["对个人和家庭的补助", "4,869.14"], ["资本性支出", "115.40"], ["合计", "8,215.46"]]
    text = "2023年度支出合计8,215.46万元。\n（单位：万元）\n" + _tsv(*rows)
    # 1,958.62 → 1,985.62 and 4,869.14 → 4,896.14 both close the gap of 27.00
    assert [f.code for f in _lint(tmp_path, text)] == ["TBL007"]


def test_a_lost_digit_in_a_coded_row_whose_parent_its_own_parent_confirms(tmp_path):
    rows = [["科目编码", "科目名称", "决算数"], ["213", "农林水支出", "3,612.50"], ["21303", "水利", "3,300.50"],
            ["2130301", "行政运行", "620.40"], ["2130306", "水利工程运行与维护", "1,245.10"], ["2130314", "防汛", "{x}"],
            ["2130399", "其他水利支出", "285.00"], ["21305", "水土保持", "312.00"], ["2130599", "其他水土保持支出", "312.00"]]
    table = lambda x: _filled("表1 支出决算表（单位：万元）\n", rows, x)  # noqa: E731
    found = _lint(tmp_path, table("115.00"))
    assert _codes(found) == [("TBL011", "1150.00")] and "少写一位" in found[0].message
    assert _lint(tmp_path, table("1,150.00")) == []


def test_a_whole_year_budget_that_is_not_its_opening_budget_plus_the_adjustment(tmp_path):
    rows = [["资金类别", "年初预算数", "调整数", "全年预算数", "全年执行数", "执行率"],
            ["基本支出", "1286.40", "38.75", "1325.15", "1319.62", "99.58%"],
            ["项目支出—政府性基金", "600.00", "420.00", "{x}", "958.60", "93.98%"],
            ["项目支出—上级专项", "0.00", "2315.48", "2315.48", "2188.05", "94.50%"],
            ["合计", "1886.40", "2774.23", "4660.63", "4466.27", "95.83%"]]
    found = _lint(tmp_path, _filled("", rows, "1120.00"))
    # the row is reported (its own identity and its column's total point at it), not the 合计, and not the rate that
    # is right against the corrected budget
    assert _codes(found) == [("TBL006", "1020.00")]
    assert _lint(tmp_path, _filled("", rows, "1020.00")) == []
    # a rate against the whole-year budget where the opening budget is 0.00
    wrong = [r[:] for r in rows]
    wrong[3][5] = "91.52%"
    assert _codes(_lint(tmp_path, _filled("", wrong, "1020.00"))) == [("TBL005", "94.50%")]


# -- totals -------------------------------------------------------------------------------------------------------

def test_a_total_at_the_head_of_its_rows_left_at_zero(tmp_path):
    rows = [["经济分类", "决算数"], ["合计", "{x}"], ["人员经费", "512.40"], ["其中：工资福利支出", "468.20"],
            ["对个人和家庭的补助", "44.20"], ["公用经费", "86.60"], ["其中：商品和服务支出", "80.10"], ["资本性支出", "6.50"]]
    table = lambda x: _filled("（单位：万元）\n", rows, x)  # noqa: E731
    assert _codes(_lint(tmp_path, table("0.00"))) == [("TBL001", "599.00")]
    assert _lint(tmp_path, table("599.00")) == []


def test_an_income_total_under_the_income_rows_left_at_zero(tmp_path):
    rows = [["项目", "本年数"], ["一、财政拨款收入", "2,846.30"], ["二、其他收入", "153.70"], ["本年收入合计", "{x}"],
            ["基本支出", "1,620.40"], ["项目支出", "1,302.60"], ["本年支出合计", "2,923.00"], ["年末结转和结余", "77.00"]]
    table = lambda x: _filled("表1 收入支出决算总表（单位：万元）\n", rows, x)  # noqa: E731
    assert _codes(_lint(tmp_path, table("0.00"))) == [("TBL007", "3000.00")]
    assert _lint(tmp_path, table("3,000.00")) == []
    assert _codes(_lint(tmp_path, table("3,100.00"))) == [("TBL007", "3000.00")]


def test_a_total_mistyped_under_a_share_column_of_its_parts(tmp_path):
    rows = [["科目名称", "决算数", "占比（%）"], ["教育支出", "37254.18", "87.29"], ["社会保障和就业支出", "2215.47", "5.19"],
            ["卫生健康支出", "1068.35", "2.50"], ["住房保障支出", "2139.60", "5.01"], ["合计", "{x}", "100.00"]]
    table = lambda x: _filled("", rows, x)  # noqa: E731
    found = _lint(tmp_path, table("42767.60"))
    assert _codes(found) == [("TBL007", "42677.60")]
    assert _lint(tmp_path, table("42677.60")) == []


def test_a_text_total_equal_to_the_score_tables_own_total_row_is_judged_against_the_items(tmp_path):
    rows = [["一级指标", "二级指标", "分值", "得分"], ["决策", "目标设定", "30", "28"], ["产出", "产出数量", "40", "38"],
            ["效益", "社会效益", "30", "{x}"], ["合计", "", "100", "91.5"]]
    table = lambda x: _filled("", rows, x)  # noqa: E731
    text = "经综合评价，本部门自评总得分91.5分，评价等级为“优”。\n"
    # the table's items add up to 90.5: the table is reported, and the text that copies its total (round 15: the
    # text's total is judged against the items, not against the row it copied)
    assert sorted(f.code for f in _lint(tmp_path, text + table("24.5"))) == ["TBL002", "TXT010"]
    assert _lint(tmp_path, text + table("25.5")) == []


def test_a_table_exported_one_cell_a_line_without_tabs(tmp_path):
    lines = ["按支出功能分类的支出明细如下（单位：万元）：", "科目编码", "科目名称", "支出数", "207", "文化旅游体育与传媒支出",
             "5,462.80", "20701", "文化和旅游", "3,512.40", "2070101", "行政运行", "806.20", "2070109", "群众文化",
             "1,426.60", "2070111", "文化创作与保护", "{x}", "2070112", "文化和旅游市场管理", "94.60", "2070199",
             "其他文化和旅游支出", "900.00", "20703", "体育", "1,950.40", "2070307", "体育场馆", "1,950.40", "合计",
             "5,462.80"]
    text = lambda x: "\n".join(lines).replace("{x}", x) + "\n"  # noqa: E731
    found = _lint(tmp_path, text("28.50"))
    assert _codes(found) == [("TBL011", "285.00")] and found[0].quote.startswith("2070111")
    assert _lint(tmp_path, text("285.00")) == []
    # short lines of prose are no table
    from toolkit.claims.document import read
    (tmp_path / "p.txt").write_text("一、基本情况\n项目管理\n资金支出\n全年支出1,200.00万元。\n", encoding="utf-8")
    assert read(tmp_path / "p.txt").tables == []


def _unruled_pdf(folder, total: str):
    """A Word table without borders converted to PDF: the PDF has its cells as text with wide gaps, no rules."""
    folder.mkdir()
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    d = docx.Document()
    d.add_paragraph("表1 收入支出决算总表（单位：万元）")
    rows = [["项目", "本年数"], ["一、财政拨款收入", "2,846.30"], ["二、其他收入", "153.70"], ["本年收入合计", total],
            ["基本支出", "1,620.40"], ["项目支出", "1,302.60"], ["本年支出合计", "2,923.00"]]
    t = d.add_table(rows=len(rows), cols=2)  # the default style draws no rules
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.add_paragraph("本年收入3,000.00万元，本年支出2,923.00万元。")
    d.save(folder / "u.docx")
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(folder / "u.docx")], check=True, capture_output=True, timeout=180)
    return folder / "u.pdf"


@pytest.mark.slow
def test_a_pdf_table_laid_out_without_rules_is_a_table(tmp_path):
    from toolkit.claims.document import read

    path = _unruled_pdf(tmp_path / "zero", "0.00")
    [table] = read(path).tables
    assert table.rows[0] == ["项目", "本年数"] and table.rows[3] == ["本年收入合计", "0.00"]
    assert _codes([f for f in lint(path).findings if f.severity == "error"]) == [("TBL007", "3000.00")]
    right = _unruled_pdf(tmp_path / "right", "3,000.00")
    assert [f for f in lint(right).findings if f.severity == "error"] == []
