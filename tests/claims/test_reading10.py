"""Readings of round lintP (issue 11: styles the engine had not seen), each class with a wrong and a right case, linted
as a real file; and corpus10 (tests/fixtures/claims/corpus10), written and measured before the engine changed: every
planted error found at its severity and no true statement flagged as an error (python -m tests.claims.measure)."""
from __future__ import annotations

from pathlib import Path

import pytest

from toolkit import lint

from .corpus import reports
from .measure import score_report
from .test_reading9 import errors, wrong_then_right

ROOT = Path(__file__).resolve().parents[2]
CORPUS10 = ROOT / "tests" / "fixtures" / "claims" / "corpus10"


# --- 1. a figure of another budget stage or time after a list under a 执行 / 决算 total is no part of it ---------

@pytest.mark.parametrize("other", ["全年预算3,500.00万元", "年初预算2,900.00万元", "调整预算300.00万元",
                                   "上年支出2,950.00万元", "2023年支出决算2,950.00万元"])
def test_another_stage_or_time_after_the_parts_is_not_added(tmp_path, other):
    text = "2024年本部门支出决算{x}万元，其中基本支出1,200.00万元，项目支出2,000.00万元，" + other + "。\n"
    wrong_then_right(tmp_path, text, "TXT001", "3,250.00", "3,200.00", expected="3200.00")


#: (what is read, the text with {x}, code, wrong, right, the expected figure the finding gives)
CASES = [
    # 年初预算 2,400.00 is larger than the 执行数: once it is no part, the two parts still convict the total
    ("a larger budget after the parts", "全年项目支出执行数{x}万元，其中公路养护1,265.40万元、农村公路建设986.30万元，"
     "年初预算2,400.00万元。", "TXT001", "2,215.70", "2,251.70", "2251.70"),
    ("parts named by the total's own stage", "2024年支出决算{x}万元，其中基本支出决算数1,200.00万元，项目支出决算数"
     "2,000.00万元。", "TXT001", "3,250.00", "3,200.00", "3200.00"),
    ("last year's carry-over is a source of this year's income", "2024年收入总计{x}万元，其中财政拨款收入2,800.00万元，"
     "上年结转200.00万元。", "TXT001", "2,900.00", "3,000.00", "3000.00"),
    ("a full budget after the parts of an initial budget", "2024年年初预算{x}万元，其中基本支出1,200.00万元，项目支出"
     "2,000.00万元，全年预算3,500.00万元。", "TXT001", "3,250.00", "3,200.00", "3200.00"),
    ("a full budget is its initial budget and adjustment", "2024年全年预算{x}万元，其中年初预算3,000.00万元，调整预算"
     "500.00万元。", "TXT001", "3,600.00", "3,500.00", "3500.00"),
    # a change after a list joined by 、 is still the total's (the ，-list is not judged: section 4)
    ("a change after a list joined by 、", "2024年“三公”经费支出决算28.64万元，其中公务用车购置及运行维护费21.30万元、"
     "公务接待费7.34万元，比上年减少3.12万元，下降{x}%。", "TXT004", "9.28", "9.82", "9.82%"),
    # 上述前N类 / 后N项: the first or last N items of the list before, in the paragraph or the sentence before
    ("the first N items of a list in the paragraph before", "项目支出4,102.58万元。\n\n项目支出分项如下：职工帮扶救助"
     "1,286.40万元；劳模疗休养612.30万元；职工文体活动845.16万元；阵地建设维护1,358.72万元；合计4,102.58万元。\n\n"
     "上述前三类分别占项目支出的31.36%、{x}%、20.60%。", "TXT002", "16.93", "14.92", "14.92%"),
    ("the last N items in the same paragraph", "项目支出4,102.58万元。项目支出分项如下：职工帮扶救助1,286.40万元；"
     "劳模疗休养612.30万元；职工文体活动845.16万元；阵地建设维护1,358.72万元；合计4,102.58万元。上述后两项分别占项目支出的"
     "{x}%、33.12%。", "TXT002", "20.06", "20.60", "20.60%"),
]


@pytest.mark.parametrize("text,code,wrong,right,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_wrong_then_right(tmp_path, text, code, wrong, right, expected):
    wrong_then_right(tmp_path, text + "\n", code, wrong, right, expected=expected)


# --- corpus10 -----------------------------------------------------------------------------------------------------

REPORTS10 = reports(CORPUS10)


@pytest.mark.parametrize("path", REPORTS10, ids=[p.name for p in REPORTS10])
def test_corpus10_planted_errors_found_and_no_true_statement_flagged(path):
    sc = score_report(path)
    missed = [e.id for e in sc.items if e.planted and e.severity == "error" and sc.found(e) != "found"]
    assert not missed, missed
    false = [f"{m.finding.where} {m.finding.code} {m.finding.message}" for m in sc.false_positives("error")]
    assert not false, false


# --- 2. a 小计 on the row opening its group (产出指标 | 小计 | 50 | 48.50, its indicators below) -------------------

def test_a_subtotal_opening_its_group_sums_the_rows_below(tmp_path):
    text = ("部门整体支出绩效评价得分表\n一级指标\t二级指标\t分值\t得分\n预算执行\t预算执行率\t10\t9.68\n"
            "产出指标\t小计\t50\t{x}\n\t数量指标\t20\t19.50\n\t质量指标\t30\t29\n"
            "效益指标\t小计\t40\t37.60\n\t社会效益指标\t25\t24\n\t经济效益指标\t15\t13.60\n合计\t\t100\t95.78\n")
    assert errors(tmp_path, text.replace("{x}", "47.50")) == [("TBL002", "48.50")]
    assert errors(tmp_path, text.replace("{x}", "48.50")) == []


# --- 3. a header of two rows: the merged 预算数 over 年初预算 | 全年预算 ----------------------------------------------

def _two_row_header_docx(path: Path, rate: str) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("表1 预算执行情况表（单位：万元）")
    rows = [["项目", "预算数", "", "决算数", "执行率"], ["", "年初预算", "全年预算", "", ""],
            ["基本支出", "1,862.40", "1,905.30", "1,893.65", rate], ["项目支出", "2,310.00", "2,986.50", "2,714.28", "90.88%"]]
    t = d.add_table(rows=len(rows), cols=5)
    for (r1, c1), (r2, c2) in (((0, 0), (1, 0)), ((0, 1), (0, 2)), ((0, 3), (1, 3)), ((0, 4), (1, 4))):
        t.cell(r1, c1).merge(t.cell(r2, c2))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            if text and not (i == 1 and j in (0, 3, 4)):
                t.cell(i, j).text = text
    d.save(path)
    return path


def test_a_rate_under_a_two_row_header_is_of_the_full_budget(tmp_path):
    wrong = lint(_two_row_header_docx(tmp_path / "w.docx", "99.93%")).findings
    assert [(f.code, f.expected) for f in wrong if f.severity == "error"] == [("TBL005", "99.39%")]
    right = lint(_two_row_header_docx(tmp_path / "r.docx", "99.39%")).findings
    assert [f for f in right if f.severity == "error"] == []


def test_a_markdown_sub_header_row_names_the_columns_too(tmp_path):
    text = ("| 项目 | 预算数 |  | 决算数 | 执行率 |\n|---|---|---|---|---|\n|  | 年初预算 | 全年预算 |  |  |\n"
            "| 基本支出 | 1,862.40 | 1,905.30 | 1,893.65 | {x}% |\n| 项目支出 | 2,310.00 | 2,986.50 | 2,714.28 | 90.88% |\n")
    assert errors(tmp_path, text.replace("{x}", "99.93"), "r.md") == [("TBL005", "99.39%")]
    assert errors(tmp_path, text.replace("{x}", "99.39"), "r.md") == []


# --- 4. a change after a list joined by ，whose parts have none of their own: the total's or the last part's ------

@pytest.mark.parametrize("rate", ["9.82", "29.83"])
def test_a_change_after_a_comma_list_is_not_judged_on_the_last_part(tmp_path, rate):
    text = ("2024年“三公”经费支出决算28.64万元，其中因公出国（境）费0万元，公务用车购置及运行维护费21.30万元，"
            f"公务接待费7.34万元，比上年减少3.12万元，下降{rate}%。\n")
    assert errors(tmp_path, text) == []
