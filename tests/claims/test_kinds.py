"""Every kind of issue 11, with a wrong and a right case each: the wrong one gives exactly the expected finding, the
right one gives no error. The cases are written for these tests (not copied from the corpus), in the layouts the
kinds occur in: prose, tab-separated and pipe tables in .txt and .md, Word tables, and 决算 tables."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from toolkit import lint
from toolkit.claims import check_paragraphs
from toolkit.claims.document import read


def errors(*texts: str) -> list[tuple[str, str | None]]:
    """(code, expected) of every error found in the paragraphs."""
    return [(i.code, i.expected) for _k, i in check_paragraphs(list(texts)) if i.severity == "error"]


def lint_text(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return lint(path)


def table_errors(tmp_path: Path, name: str, text: str) -> set[tuple[str, str, str | None, str | None]]:
    return {(f.code, f.where, f.expected, f.found) for f in lint_text(tmp_path, name, text).findings
            if f.severity == "error"}


def tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows) + "\n"


def pipe(rows: list[list[str]]) -> str:
    return "\n".join(["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
                     + ["| " + " | ".join(r) + " |" for r in rows[1:]]) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# Readers: the three text layouts

BUDGET = [["项目", "年初预算数", "全年预算数", "全年执行数"], ["合计", "{total}", "1,260.00", "1,250.40"],
          ["基本支出", "420.00", "436.00", "430.10"], ["项目支出", "800.00", "824.00", "820.30"]]


def _budget(total: str) -> list[list[str]]:
    return [[c.replace("{total}", total) for c in row] for row in BUDGET]


@pytest.mark.parametrize("name,render", [("t.txt", tsv), ("t.md", tsv), ("p.txt", pipe), ("p.md", pipe)])
def test_tables_in_text_layouts(tmp_path, name, render):
    text = "支出情况如下。\n" + render(_budget("1,320.00")) + "\n以上为预算执行情况。\n"
    assert table_errors(tmp_path, name, text) == {("TBL001", "表1 第2行 第2列", "1220.00", "1,320.00")}
    text = "支出情况如下。\n" + render(_budget("1,220.00")) + "\n以上为预算执行情况。\n"
    assert table_errors(tmp_path, name, text) == set()
    doc = read(tmp_path / name)
    assert [p.text for p in doc.paragraphs] == ["支出情况如下。", "以上为预算执行情况。"]
    assert doc.tables[0].rows[1] == ["合计", "1,220.00", "1,260.00", "1,250.40"]


def test_tab_separated_row_with_empty_first_cell_is_not_a_word_export(tmp_path):
    rows = [["科目编码", "科目名称", "合计"], ["", "合计", "10.00"], ["201", "一般公共服务支出", "10.00"]]
    (tmp_path / "r.txt").write_text(tsv(rows), encoding="utf-8")
    assert read(tmp_path / "r.txt").tables[0].rows == rows


# ---------------------------------------------------------------------------------------------------------------
# 决算 tables: 合计 first, code hierarchy, 0 / blank totals in forms

def _ledger(cells: dict[tuple[int, int], str] | None = None) -> list[list[str]]:
    rows = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["", "合计", "900.00", "600.00", "300.00"],
            ["201", "一般公共服务支出", "700.00", "500.00", "200.00"],
            ["20103", "政府办公厅（室）及相关机构事务", "700.00", "500.00", "200.00"],
            ["2010301", "行政运行", "500.00", "500.00", ""],
            ["2010302", "一般行政管理事务", "200.00", "", "200.00"],
            ["221", "住房保障支出", "200.00", "100.00", "100.00"],
            ["22102", "住房改革支出", "200.00", "100.00", "100.00"],
            ["2210201", "住房公积金", "100.00", "100.00", ""],
            ["2210203", "购房补贴", "100.00", "", "100.00"]]
    for (r, c), v in (cells or {}).items():
        rows[r][c] = v
    return rows


def test_total_first_columns(tmp_path):
    # the 合计 column comes first; 购房补贴's 合计 is 10 too many
    got = table_errors(tmp_path, "j.txt", tsv(_ledger({(9, 2): "110.00"})))
    assert got == {("TBL008", "表1 第10行 第3列", "100.00", "110.00")}
    assert table_errors(tmp_path, "j.txt", tsv(_ledger())) == set()


def test_lost_digit_reported_once_at_its_cell(tmp_path):
    # 行政运行's 基本支出 500.00 written 50.00: its row's 合计, its 款 and nothing else breaks -> one finding
    got = table_errors(tmp_path, "j.md", pipe(_ledger({(4, 3): "50.00"})))
    assert got == {("TBL008", "表1 第5行 第4列", "500.00", "50.00")}
    # a 类 cell: its row, the 合计 row and its 款 all point at it
    got = table_errors(tmp_path, "j.md", pipe(_ledger({(2, 3): "50.00"})))
    assert got == {("TBL008", "表1 第3行 第4列", "500.00", "50.00")}


def test_code_hierarchy_without_total_column(tmp_path):
    rows = [["科目编码", "科目名称", "决算数"], ["301", "工资福利支出", "300.00"], ["30101", "基本工资", "120.00"],
            ["30102", "津贴补贴", "80.00"], ["30107", "绩效工资", "90.00"], ["302", "商品和服务支出", "50.00"],
            ["30201", "办公费", "20.00"], ["30211", "差旅费", "30.00"]]
    assert table_errors(tmp_path, "e.txt", tsv(rows)) == {("TBL008", "表1 第2行 第3列", "290.00", "300.00")}
    rows[1][2] = "290.00"
    assert table_errors(tmp_path, "e.txt", tsv(rows)) == set()


FORM = [["项目", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "{a}", "{b}", "1,300.00", "10", "98.48%", "9.85"],
        ["其中：财政拨款", "1,200.00", "1,250.00", "1,230.00", "—", "98.40%", "—"],
        ["其他资金", "60.00", "70.00", "70.00", "—", "100.00%", "—"]]


def _form(a: str, b: str) -> str:
    return tsv([[c.replace("{a}", a).replace("{b}", b) for c in row] for row in FORM])


def test_zero_or_blank_total_above_its_parts(tmp_path):
    got = table_errors(tmp_path, "f.txt", _form("0.00", ""))
    assert got == {("TBL009", "表1 第2行 第2列", "1260.00", "0.00"), ("TBL009", "表1 第2行 第3列", "1320.00", "空白")}
    assert table_errors(tmp_path, "f.txt", _form("1,260.00", "1,320.00")) == set()


def test_form_total_copied_from_a_line_below(tmp_path):
    # 年初预算数 of the total copied from 财政拨款: the 全年 columns add up, so the rows are its parts
    assert table_errors(tmp_path, "f.txt", _form("1,200.00", "1,320.00")) == {
        ("TBL009", "表1 第2行 第2列", "1260.00", "1,200.00")}


# ---------------------------------------------------------------------------------------------------------------
# Sentence forms of 决算 explanations

def test_budget_completion():
    assert errors("年初预算为800.00万元，支出决算为760.00万元，完成年初预算的96.00%。") == [("TXT005", "95.00%")]
    assert errors("年初预算为800.00万元，支出决算为760.00万元，完成年初预算的95.00%。") == []
    # reworded: 为年初预算的, 预算数 / 决算数, the actual first
    assert errors("本年支出决算数为760.00万元，年初预算数为800.00万元，为年初预算的96.00%。") == [("TXT005", "95.00%")]
    assert errors("本年支出决算数为760.00万元，年初预算数为800.00万元，为年初预算的95.00%。") == []


def test_completion_with_the_wrong_denominator():
    wrong = "年初预算为600.00万元，全年预算为800.00万元，支出决算为760.00万元，完成年初预算的95.00%。"
    [(_k, issue)] = check_paragraphs([wrong])
    assert (issue.code, issue.severity, issue.expected) == ("TXT005", "error", "126.67%")
    assert "全年预算" in issue.message and "分母" in issue.message
    assert errors(wrong.replace("完成年初预算", "完成全年预算")) == []


def test_completion_of_zero_while_spent():
    assert errors("年初预算为35.00万元，支出决算为35.00万元，完成年初预算的0%。") == [("TXT005", "100.00%")]
    assert errors("年初预算为35.00万元，支出决算为0万元，完成年初预算的0%。") == []


def test_completion_table_and_text_zero(tmp_path):
    # the text says 0% while the table beside it shows the budget spent
    text = ("项目执行情况如下。\n" + tsv([["项目", "年初预算数", "执行数", "执行率"], ["抚恤补助", "420.00", "420.00", "100.00%"]])
            + "\n抚恤补助年初预算420.00万元，全年执行420.00万元，预算执行率0%。\n")
    got = {(f.code, f.expected) for f in lint_text(tmp_path, "z.txt", text).findings}
    assert got == {("TXT005", "100.00%")}


SANGONG = ("2023年“三公”经费支出{total}万元，其中：因公出国（境）费0万元；公务用车购置及运行维护费5.20万元，其中公务用车"
           "购置费0万元，公务用车运行维护费5.20万元；公务接待费1.30万元。")


def test_three_public_with_a_zero_item():
    assert errors(SANGONG.format(total="6.80")) == [("TXT001", "6.50")]
    assert errors(SANGONG.format(total="6.50")) == []
    bracketed = ("“三公”经费支出{t}万元，其中因公出国（境）费0万元，公务用车购置及运行维护费5.20万元（其中公务用车购置费0万元，"
                 "公务用车运行维护费5.20万元），公务接待费1.30万元。")
    assert errors(bracketed.format(t="6.80")) == [("TXT001", "6.50")]
    assert errors(bracketed.format(t="6.50")) == []


def test_three_public_budget_and_actual_per_item():
    text = ("“三公”经费财政拨款支出预算为9.00万元，支出决算为{a}万元，完成预算的{p}，其中：因公出国（境）费支出预算为0万元，"
            "支出决算为0万元；公务用车购置及运行费支出预算为6.00万元，支出决算为5.40万元，完成预算的90.00%；公务接待费支出预算"
            "为3.00万元，支出决算为2.40万元，完成预算的80.00%。")
    assert errors(text.format(a="8.80", p="97.78%")) == [("TXT001", "7.80")]
    assert errors(text.format(a="7.80", p="86.67%")) == []


def test_nested_of_which():
    # T，其中A（B，C），E: B and C are A's parts, not the total's
    text = "全年支出{t}万元，其中基本支出300.00万元（人员经费250.00万元、公用经费50.00万元），项目支出700.00万元。"
    assert errors(text.format(t="1,000.00")) == []
    assert errors(text.format(t="1,010.00")) == [("TXT001", "1000.00")]
    # and A's own parts are checked against A
    assert errors(text.format(t="1,000.00").replace("公用经费50.00", "公用经费60.00")) == [("TXT001", "310.00")]


def test_share_of_the_named_whole_after_a_list_of_parts():
    first = "2023年本部门支出合计2,000.00万元，其中基本支出800.00万元，项目支出1,200.00万元。"
    wrong = "按经济分类，工资福利支出600.00万元，占本年支出的75.00%，商品和服务支出200.00万元，占本年支出的10.00%。"
    assert errors(first, wrong) == [("TXT002", "30.00%")]
    assert errors(first, wrong.replace("75.00%", "30.00%")) == []


def test_rate_of_counts_under_an_unseen_name():
    assert errors("巡察反馈问题28个，已整改完成25个，整改完成率92.86%。") == [("TXT005", "89.29%")]
    assert errors("巡察反馈问题28个，已整改完成25个，整改完成率89.29%。") == []
    assert errors("受理群众来信412件，按期办结398件，按期办结率97.82%。") == [("TXT005", "96.60%")]
    assert errors("受理群众来信412件，按期办结398件，按期办结率96.60%。") == []


def test_grade_outside_the_band_of_the_score():
    assert [c for c, _e in errors("经自评，本部门自评得分78.5分，等级为“良”。")] == ["TXT009"]
    assert errors("经自评，本部门自评得分78.5分，等级为“中”。") == []


def test_two_shares_both_wrong_adding_to_100():
    text = "本年支出合计1,000.00万元，其中基本支出620.00万元，占{a}；项目支出380.00万元，占{b}。"
    assert errors(text.format(a="60.00%", b="40.00%")) == [("TXT002", "62.00%"), ("TXT002", "38.00%")]
    assert errors(text.format(a="62.00%", b="38.00%")) == []


def test_total_with_three_decimals_against_parts_with_two():
    text = "项目支出{t}万元，其中耕地保护1,200.45万元，地质灾害防治800.30万元，测绘450.38万元。"
    assert errors(text.format(t="2,451.581")) == [("TXT001", "2451.13")]
    assert errors(text.format(t="2,451.13")) == []
    assert errors(text.format(t="2,451.133")) == []  # within the rounding of the parts: a warning at most


def test_change_said_of_the_figure_of_the_sentence_before():
    text = "2023年度收、支总计均为3,000.00万元。与上年相比，收、支总计各增加200.00万元，增长{r}。"
    assert errors(text.format(r="6.67%")) == [("TXT004", "7.14%")]
    assert errors(text.format(r="7.14%")) == []


def test_whole_split_by_one_dimension():
    first = "全年预算数3,400.00万元，全年执行数3,300.00万元。"
    text = "全年执行数按资金来源分：本年财政拨款3,200.00万元，上年结转资金{a}万元，其他资金40.00万元。"
    assert errors(first, text.format(a="70.00")) == [("TXT001", "3310.00")]
    assert errors(first, text.format(a="60.00")) == []


# ---------------------------------------------------------------------------------------------------------------
# The same figure in the narrative and in a table, or in two sections

def test_text_against_table(tmp_path):
    rows = [["项目", "决算数"], ["基本支出", "1,384.37"], ["其中：人员经费", "1,126.58"], ["公用经费", "257.79"]]
    wrong = "2023年基本支出1,384.37万元，其中人员经费1,162.58万元。\n" + tsv(rows)
    got = {(f.code, f.where, f.expected, f.found) for f in lint_text(tmp_path, "v.txt", wrong).findings}
    assert ("TXT014", "第1段", "1,126.58", "1,162.58万元") in got
    right = "2023年基本支出1,384.37万元，其中人员经费1,126.58万元。\n" + tsv(rows)
    assert [f for f in lint_text(tmp_path, "v.txt", right).findings if f.code == "TXT014"] == []


def test_same_achievement_in_two_sections(tmp_path):
    text = ("一、主要成效\n全年完成食品安全监督抽检3,216批次，合格率98.5%。\n二、结论\n"
            "经评价，全年完成食品安全监督抽检{n}批次，食品安全形势稳定。\n")
    got = [(f.code, f.where, f.expected) for f in lint_text(tmp_path, "s.txt", text.format(n="3,126")).findings]
    assert got == [("TXT014", "第4段", "3,216批")]
    assert lint_text(tmp_path, "s.txt", text.format(n="3,216")).findings == []
    # different figures of different things are not compared
    other = text.format(n="3,216").replace("合格率98.5%", "发现问题线索1,263条")
    assert lint_text(tmp_path, "s.txt", other).findings == []


# ---------------------------------------------------------------------------------------------------------------
# .docx tables read by the zip-limited reader

def test_docx_total_first_table(tmp_path):
    d = docx.Document()
    d.add_paragraph("一般公共预算财政拨款支出决算表")
    rows = _ledger({(9, 2): "110.00"})
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.rows[r].cells[c].text = text
    d.save(tmp_path / "j.docx")
    got = {(f.code, f.where, f.expected) for f in lint(tmp_path / "j.docx").findings}
    assert got == {("TBL008", "表1 第10行 第3列", "100.00")}
