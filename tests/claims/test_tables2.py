"""Tables read by meaning (round 10, lintF): one slipped cell blamed at the cell when its row, its parent and its
column disagree (two slips that interact each at its own cell), economic-class rows under 人员经费 / 公用经费, the
三公 table's items whatever their numbering, change-rate columns — each with a wrong and a right case, in the three
text layouts, .docx and .pdf; and the corpus of round 10 (tests/fixtures/claims/corpus7)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from toolkit import lint

ROOT = Path(__file__).resolve().parents[2]
CORPUS7 = [ROOT / "tests" / "fixtures" / "claims" / d for d in ("corpus7", "corpus7b")]


def _errors(tmp_path, text: str, name: str = "report.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [f for f in lint(path).findings if f.severity == "error"]


def _tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows) + "\n"


def _bare(rows: list[list[str]]) -> str:
    """One cell a line without tabs, a blank line after the header (as published 决算 texts are pasted)."""
    out = list(rows[0]) + [""]
    for r in rows[1:]:
        out += [c for c in r if c]
    return "\n".join(out) + "\n"


def _md(rows: list[list[str]]) -> str:
    return "\n".join(["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
                     + ["| " + " | ".join(r) + " |" for r in rows[1:]]) + "\n"


def _export(rows: list[list[str]]) -> str:
    """Word's text export: one cell per tab-led line, rows separated by a blank line."""
    return "\n".join("\n".join("\t" + c for c in r) + "\n" for r in rows)


LAYOUTS = [(_tsv, "report.txt"), (_bare, "report.txt"), (_md, "report.md"), (_export, "report.txt")]


# ---------------------------------------------------------------------------------------------------------------
# 1. Two slips that interact in a ledger: each at its cell, never at the 类 that is right

def _ledger(kuan_basic: str, kuan_total: str, item_total: str) -> list[list[str]]:
    return [["科目编码", "科目名称", "基本支出", "项目支出", "合计"],
            ["224", "灾害防治及应急管理支出", "305.20", "96.40", "401.60"],
            ["22406", "地震事务", kuan_basic, "96.40", kuan_total],
            ["2240601", "行政运行", "305.20", "8.00", item_total],
            ["2240604", "地震监测", "0.00", "52.10", "52.10"],
            ["2240607", "地震应急救援", "0.00", "36.30", "36.30"],
            ["221", "住房保障支出", "24.35", "0.00", "24.35"],
            ["22102", "住房改革支出", "24.35", "0.00", "24.35"],
            ["2210201", "住房公积金", "24.35", "0.00", "24.35"],
            ["", "合计", "329.55", "96.40", "425.95"]]


@pytest.mark.parametrize("layout,name", LAYOUTS)
def test_two_slips_that_interact_are_each_blamed_at_their_cell(tmp_path, layout, name):
    right = _ledger("305.20", "401.60", "313.20")
    assert _errors(tmp_path, "表1 支出决算表（单位：万元）\n" + layout(right), name) == []
    # the 款's 基本支出 and its 合计 slipped together (its row adds up); a 项 row's 合计 slipped on its own
    wrong = _ledger("350.20", "446.60", "331.20")
    found = _errors(tmp_path, "表1 支出决算表（单位：万元）\n" + layout(wrong), name)
    at = {(f.location.row, f.location.col, f.expected) for f in found}
    assert at == {(2, 2, "305.20"), (2, 4, "401.60"), (3, 4, "313.20")}, [f.message for f in found]
    assert not any(f.location.row == 1 for f in found)  # the 类 row is right


def test_a_class_row_slipped_against_its_row_its_items_and_the_total_in_one_cell_a_line(tmp_path):
    rows = [["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
            ["", "合计", "1716.95", "1480.15", "236.80"],
            ["201", "一般公共服务支出", "{x}", "1158.02", "236.80"],
            ["20108", "审计事务", "1394.82", "1158.02", "236.80"],
            ["2010801", "行政运行", "845.62", "845.62", "0.00"],
            ["2010804", "审计业务", "236.80", "0.00", "236.80"],
            ["2010850", "事业运行", "312.40", "312.40", "0.00"],
            ["221", "住房保障支出", "322.13", "322.13", "0.00"],
            ["22102", "住房改革支出", "322.13", "322.13", "0.00"],
            ["2210201", "住房公积金", "322.13", "322.13", "0.00"]]
    text = "表一 支出决算表\n单位：万元\n" + _bare(rows)
    assert _errors(tmp_path, text.replace("{x}", "1394.82")) == []
    found = _errors(tmp_path, text.replace("{x}", "1349.82"))
    assert [(f.location.row, f.expected) for f in found] == [(2, "1394.82")], [f.message for f in found]


# ---------------------------------------------------------------------------------------------------------------
# 2. An economic-class row with a lost or swapped digit, found at the row

def _economic(bonus: str) -> list[list[str]]:
    return [["科目编码", "科目名称", "决算数"],
            ["", "人员经费", "846.48"],
            ["301", "工资福利支出", "827.88"],
            ["30101", "基本工资", "214.36"],
            ["30102", "津贴补贴", "187.52"],
            ["30103", "奖金", bonus],
            ["30108", "机关事业单位基本养老保险缴费", "68.19"],
            ["30113", "住房公积金", "52.33"],
            ["303", "对个人和家庭的补助", "18.60"],
            ["30305", "生活补助", "18.60"],
            ["", "公用经费", "63.35"],
            ["302", "商品和服务支出", "63.35"],
            ["30201", "办公费", "22.46"],
            ["30211", "差旅费", "9.84"],
            ["30299", "其他商品和服务支出", "31.05"]]


@pytest.mark.parametrize("layout,name", LAYOUTS)
@pytest.mark.parametrize("bonus,kind", [("30.48", "少写一位数字"), ("350.48", "相邻两位数字互换")])
def test_a_slipped_economic_class_row_is_found_at_the_row(tmp_path, layout, name, bonus, kind):
    head = "表1 基本支出决算表（单位：万元）\n"
    assert _errors(tmp_path, head + layout(_economic("305.48")), name) == []
    found = _errors(tmp_path, head + layout(_economic(bonus)), name)
    assert [(f.location.row, f.expected) for f in found] == [(5, "305.48")], [f.message for f in found]
    assert kind in found[0].message


def test_a_slipped_economic_row_with_no_confirmed_parent_stays_at_the_parent(tmp_path):
    rows = [r for r in _economic("30.48") if r[1] not in ("人员经费", "公用经费")]
    found = _errors(tmp_path, "表1 基本支出决算表（单位：万元）\n" + _tsv(rows))
    assert [(f.location.row, f.code) for f in found] == [(1, "TBL008")]  # 301: which 款 slipped is not known


# ---------------------------------------------------------------------------------------------------------------
# 3. The 三公 table read by meaning: its items whatever their numbering

def _sangong(total: str, car: str, numbered: str = "1.") -> list[list[str]]:
    n = (lambda k: f"{k}.") if numbered == "1." else (lambda k: "")
    sub = ("（1）", "（2）") if numbered == "1." else ("其中：", "")
    return [["项目", "预算数", "决算数"],
            ["合计", "25.00", total],
            [f"{n(1)}因公出国（境）费", "0.00", "0.00"],
            [f"{n(2)}公务用车购置及运行维护费", "20.00", car],
            [f"{sub[0]}公务用车购置费", "0.00", "0.00"],
            [f"{sub[1]}公务用车运行维护费", "20.00", "18.36"],
            [f"{n(3)}公务接待费", "5.00", "4.27"]]


@pytest.mark.parametrize("layout,name", LAYOUTS)
@pytest.mark.parametrize("numbered", ["1.", ""])
def test_a_three_public_total_left_at_zero_over_its_items(tmp_path, layout, name, numbered):
    head = "表3 “三公”经费支出决算表（单位：万元）\n"
    assert _errors(tmp_path, head + layout(_sangong("22.63", "18.36", numbered)), name) == []
    found = _errors(tmp_path, head + layout(_sangong("0.00", "18.36", numbered)), name)
    assert [(f.location.row, f.location.col, f.expected) for f in found] == [(1, 2, "22.63")], \
        [f.message for f in found]


@pytest.mark.parametrize("layout,name", LAYOUTS)
def test_a_three_public_item_wrong_against_its_parts_and_the_total(tmp_path, layout, name):
    head = "表3 “三公”经费支出决算表（单位：万元）\n"
    found = _errors(tmp_path, head + layout(_sangong("22.63", "18.63")), name)
    assert [(f.location.row, f.location.col, f.expected) for f in found] == [(3, 2, "18.36")], \
        [f.message for f in found]


# ---------------------------------------------------------------------------------------------------------------
# 4. Change columns: 增减率 is 增减额 ÷ 上年数

def _changes(rate: str) -> list[list[str]]:
    return [["项目", "上年数", "本年数", "增减额", "增减率"],
            ["财政拨款收入", "2846.30", "3125.64", "279.34", "9.81%"],
            ["其他收入", "35.12", "41.80", "6.68", rate]]


@pytest.mark.parametrize("layout,name", LAYOUTS)
def test_a_change_rate_column_is_the_change_over_last_year(tmp_path, layout, name):
    head = "表1 收入变动情况表（单位：万元）\n"
    assert _errors(tmp_path, head + layout(_changes("19.02%")), name) == []
    found = _errors(tmp_path, head + layout(_changes("9.02%")), name)
    assert [(f.location.row, f.location.col, f.expected) for f in found] == [(2, 4, "19.02%")], \
        [f.message for f in found]


# ---------------------------------------------------------------------------------------------------------------
# 5. A share column whose total is written with its sign is read, not refused

def test_a_share_column_missing_its_hundred_is_read_without_a_traceback(tmp_path):
    rows = [["经济分类", "金额", "占比"], ["工资福利支出", "1086.42", "33.29%"], ["商品和服务支出", "312.86", "9.59%"],
            ["对个人和家庭的补助", "1524.37", "{x}"], ["资本性支出", "339.94", "10.42%"], ["合计", "3263.59", "100.00%"]]
    text = "表2 支出按经济分类构成表（单位：万元）\n" + _md(rows)
    assert _errors(tmp_path, text.replace("{x}", "46.71%"), "r.md") == []
    found = _errors(tmp_path, text.replace("{x}", "45.27%"), "r.md")
    assert [(f.location.row, f.expected) for f in found] == [(3, "46.71%")], [f.message for f in found]


# ---------------------------------------------------------------------------------------------------------------
# 6. The corpus of round 10: every planted error found, no true statement flagged

@pytest.mark.parametrize("corpus", CORPUS7, ids=lambda p: p.name)
def test_corpus7_every_planted_error_found_and_no_true_statement_flagged(corpus):
    spec = importlib.util.spec_from_file_location("measure_holdouts", ROOT / "bench" / "measure_holdouts.py")
    measure = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(measure)
    names, overlaps = measure.names, measure.overlaps

    for side in sorted(corpus.glob("*.truth.json")):
        stem = side.name[:-len(".truth.json")]
        report = next(p for p in corpus.iterdir() if p.name.startswith(stem + ".")
                      and p.suffix in (".txt", ".md", ".docx", ".pdf") and ".source." not in p.name)
        truth = json.loads(side.read_text(encoding="utf-8"))
        errs = [f for f in lint(report).findings if f.severity == "error"]
        used = set()
        for e in truth["errors"]:
            hit = [f for f in errs if overlaps(f.quote, e["quote"]) and names(f, e["quote"])]
            assert hit, (report.name, e["quote"], [f.message for f in errs])
            used.update(map(id, hit))
        for t in truth["true_claims"]:
            hit = [f for f in errs if id(f) not in used and overlaps(f.quote, t["quote"]) and names(f, t["quote"])]
            assert not hit, (report.name, t["quote"], hit[0].message)


# ---------------------------------------------------------------------------------------------------------------
# 7. Text against table: a figure the table and another sentence both give otherwise

@pytest.mark.parametrize("layout,name", LAYOUTS)
def test_a_text_figure_against_its_table_row_and_its_own_other_mention(tmp_path, layout, name):
    rows = [["项目", "决算数"], ["人员经费", "1568.77"], ["公用经费", "115.49"], ["合计", "1684.26"]]
    text = ("2024年度基本支出1684.26万元，其中人员经费1568.77万元，公用经费115.49万元。\n\n"
            "表1 基本支出决算表（单位：万元）\n" + layout(rows) + "\n（二）公用经费{x}万元，主要用于办公费、差旅费和公务用车运行维护。\n")
    assert _errors(tmp_path, text.replace("{x}", "115.49"), name) == []
    found = _errors(tmp_path, text.replace("{x}", "125.49"), name)
    assert [(f.code, f.expected) for f in found] == [("TXT014", "115.49万元")], [f.message for f in found]


# ---------------------------------------------------------------------------------------------------------------
# 8. A 自评表 score whose digits slipped under a 总分 the text confirms

def _scores(execution: str, total_text: str) -> str:
    rows = [["一级指标", "二级指标", "分值", "得分"], ["预算执行", "预算执行率", "10", execution],
            ["产出指标", "数量指标", "30", "28.6"], ["产出指标", "质量指标", "20", "19.2"],
            ["效益指标", "社会效益", "30", "27.5"], ["满意度指标", "服务对象满意度", "10", "9.4"],
            ["总分", "", "100", "94.48"]]
    return (f"经自评，本部门2024年度整体支出绩效自评得分{total_text}分，等级为优。\n\n表2 自评表\n" + _tsv(rows))


def test_a_slipped_score_under_a_total_the_text_confirms_is_found_at_its_row(tmp_path):
    assert _errors(tmp_path, _scores("9.78", "94.48")) == []
    found = _errors(tmp_path, _scores("9.87", "94.48"))
    assert [(f.code, f.location.row, f.expected) for f in found] == [("TBL011", 1, "9.78")], \
        [f.message for f in found]
    # the text does not confirm the 总分: the total row is reported, as before
    found = _errors(tmp_path, _scores("9.87", "94.57").replace("得分94.57分，", "得分如下表，"))
    assert [(f.code, f.location.row) for f in found] == [("TBL002", 6)], [f.message for f in found]


# ---------------------------------------------------------------------------------------------------------------
# 9. Text against table: a rate or a share in the text against the table's rate or share column

def _rate_report(text_rate: str, layout=_tsv) -> str:
    rows = [["项目", "全年预算数", "决算数", "执行率"], ["基本支出", "1712.00", "1684.26", "98.38%"],
            ["项目支出", "860.00", "792.45", "92.15%"], ["合计", "2572.00", "2476.71", "96.30%"]]
    return ("表2 预算执行情况表（单位：万元）\n" + layout(rows)
            + f"\n（三）项目支出792.45万元，执行率{text_rate}，主要是部分项目按进度结算。\n")


@pytest.mark.parametrize("layout,name", LAYOUTS)
def test_a_rate_in_the_text_against_the_tables_rate_column(tmp_path, layout, name):
    assert _errors(tmp_path, _rate_report("92.15%", layout), name) == []
    found = _errors(tmp_path, _rate_report("93.15%", layout), name)
    assert [(f.code, f.expected) for f in found] == [("TXT014", "92.15%")], [f.message for f in found]


def _share_report(text_share: str, whole: str = "支出合计") -> str:
    rows = [["经济分类", "金额", "占比"], ["工资福利支出", "1086.42", "33.29%"], ["商品和服务支出", "312.86", "9.59%"],
            ["对个人和家庭的补助", "1524.37", "46.71%"], ["资本性支出", "339.94", "10.42%"], ["合计", "3263.59", "100.00%"]]
    return ("表2 支出按经济分类构成表（单位：万元）\n" + _md(rows)
            + f"\n按经济分类，对个人和家庭的补助占{whole}的{text_share}，主要是惠农补贴。\n")


def test_a_share_in_the_text_against_the_tables_share_column(tmp_path):
    assert _errors(tmp_path, _share_report("46.71%"), "r.md") == []
    found = _errors(tmp_path, _share_report("46.17%"), "r.md")
    assert [(f.code, f.expected) for f in found] == [("TXT014", "46.71%")], [f.message for f in found]
    # a share of another whole than the table's: not the same figure
    assert _errors(tmp_path, _share_report("46.17%", "项目支出"), "r.md") == []


def test_a_rate_in_the_text_against_its_rows_figures_when_the_tables_rate_cell_is_wrong_too(tmp_path):
    rows = [["项目", "预算数", "决算数", "完成率"], ["合计", "9.50", "7.86", "82.74%"], ["因公出国（境）费", "0.00", "0.00", ""],
            ["公务用车运行维护费", "6.00", "5.42", "90.33%"], ["公务接待费", "3.50", "2.44", "{cell}"]]
    text = ("表1 “三公”经费预算执行表（单位：万元）\n" + _export(rows) + "\n公务用车运行维护费5.42万元，完成率90.33%；"
            "公务接待费2.44万元，完成率{text}，主要是减少接待批次。\n")
    assert _errors(tmp_path, text.replace("{cell}", "69.71%").replace("{text}", "69.71%")) == []
    found = _errors(tmp_path, text.replace("{cell}", "79.71%").replace("{text}", "73.71%"))
    assert sorted((f.code, f.expected) for f in found) == [("TBL005", "69.71%"), ("TXT014", "69.71%")], \
        [f.message for f in found]


# ---------------------------------------------------------------------------------------------------------------
# 10. The 三公 table laid out across (the standard 决算 form): items are columns, 预算数 and 决算数 blocks

def _sangong_across(total: str, run: str) -> list[list[str]]:
    return [["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
            ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费",
             "合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
            ["", "", "小计", "公务用车购置费", "公务用车运行费", "", "", "", "小计", "公务用车购置费", "公务用车运行费", ""],
            ["25.00", "0.00", "20.00", "0.00", "20.00", "5.00", total, "0.00", "18.36", "0.00", run, "4.27"]]


@pytest.mark.parametrize("layout,name", [(_tsv, "report.txt"), (_md, "report.md"), (_export, "report.txt")])
def test_a_three_public_table_laid_out_across(tmp_path, layout, name):
    head = "表6 一般公共预算财政拨款“三公”经费支出决算表（单位：万元）\n"
    assert _errors(tmp_path, head + layout(_sangong_across("22.63", "18.36")), name) == []
    found = _errors(tmp_path, head + layout(_sangong_across("0.00", "18.36")), name)
    assert [(f.location.row, f.location.col, f.expected) for f in found] == [(3, 6, "22.63")], [f.message for f in found]
    found = _errors(tmp_path, head + layout(_sangong_across("22.63", "18.63")), name)
    assert [(f.location.row, f.location.col, f.expected) for f in found] == [(3, 10, "18.36")], \
        [f.message for f in found]


# ---------------------------------------------------------------------------------------------------------------
# 11. Text against table: a figure the text rounds to a larger unit

def _rounded(text_figure: str) -> str:
    rows = [["科目编码", "科目名称", "决算数"], ["201", "一般公共服务支出", "11846.27"], ["208", "社会保障和就业支出", "446.02"],
            ["210", "卫生健康支出", "175.25"], ["", "合计", "12467.54"]]
    return ("表1 支出决算表（单位：万元）\n" + _tsv(rows)
            + f"\n按功能分类，一般公共服务支出{text_figure}，主要是行政运行和事业运行支出。\n")


def test_a_text_figure_rounded_to_a_larger_unit_against_its_table_row(tmp_path):
    assert _errors(tmp_path, _rounded("1.18亿元")) == []
    found = _errors(tmp_path, _rounded("1.28亿元"))
    assert [(f.code, f.expected) for f in found] == [("TXT014", "1.18亿元")], [f.message for f in found]


# ---------------------------------------------------------------------------------------------------------------
# 12. A table without rules in a PDF: blank cells stay blank (no shift), a label wrapped in its cell stays one

def _unruled_pdfs(tmp_path) -> dict[str, Path]:
    import shutil
    import subprocess

    import docx
    from docx.shared import Cm

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = {}
    for name, total in (("right", "22.63"), ("wrong", "0.00")):
        rows = [["项目", "预算数", "决算数", "执行率"], ["合计", "25.00", total, ""], ["因公出国（境）费", "0.00", "0.00", ""],
                ["公务用车购置及运行维护费", "20.00", "18.36", "91.80%"], ["其中：公务用车购置费", "0.00", "0.00", ""],
                ["公务用车运行维护费", "20.00", "18.36", "91.80%"], ["公务接待费", "5.00", "4.27", "85.40%"]]
        d = docx.Document()
        d.add_paragraph("表3 “三公”经费支出决算表（单位：万元）")
        t = d.add_table(rows=len(rows), cols=4)  # no table style: no rules
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                t.rows[r].cells[c].text = text
                t.rows[r].cells[c].width = Cm(3.0) if c == 0 else Cm(3.5)  # the long label wraps in its cell
        d.add_paragraph("填表人：张三" + "\u3000" * 6 + "填报日期：2025年3月1日")  # a line of words with a wide gap
        d.add_paragraph("附件2")  # a short line under it: a paragraph, not a wrapped cell
        d.save(tmp_path / f"{name}.docx")
        out[name] = tmp_path / f"{name}.pdf"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "right.docx"), str(tmp_path / "wrong.docx")],
                   check=True, capture_output=True, timeout=180)
    return out


@pytest.mark.slow
def test_an_unruled_pdf_table_keeps_its_blank_cells_and_wrapped_labels(tmp_path):
    from toolkit.claims.document import read

    pdfs = _unruled_pdfs(tmp_path)
    doc = read(pdfs["right"])
    [table] = doc.tables
    assert "附件2" in [p.text for p in doc.paragraphs]
    assert table.rows[1] == ["合计", "25.00", "22.63", ""]
    assert table.rows[3] == ["公务用车购置及运行维护费", "20.00", "18.36", "91.80%"]
    assert [f for f in lint(pdfs["right"]).findings if f.severity == "error"] == []
    found = [f for f in lint(pdfs["wrong"]).findings if f.severity == "error"]
    assert [(f.code, f.location.row, f.expected) for f in found] == [("TBL012", 1, "22.63")], [f.message for f in found]
