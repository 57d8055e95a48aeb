"""Readings of round lintP (issue 11: styles the engine had not seen), each class with a wrong and a right case, linted
as a real file; and corpus10 (tests/fixtures/claims/corpus10), written and measured before the engine changed: every
planted error found at its severity and no true statement flagged as an error (python -m tests.claims.measure)."""
from __future__ import annotations

from pathlib import Path

import pytest

from toolkit import lint

from .corpus import reports
from .measure import score_report

ROOT = Path(__file__).resolve().parents[2]
CORPUS10 = ROOT / "tests" / "fixtures" / "claims" / "corpus10"


def errors(tmp_path: Path, text: str, name: str = "r.txt") -> list[tuple[str, str | None]]:
    """(code, expected) of every error lint finds in ``text`` written to a real file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(f.code, f.expected) for f in lint(path).findings if f.severity == "error"]


def wrong_then_right(tmp_path: Path, text: str, code: str, wrong: str, right: str, expected: str | None = None) -> None:
    assert errors(tmp_path, text.replace("{x}", wrong)) == [(code, right if expected is None else expected)]
    assert errors(tmp_path, text.replace("{x}", right)) == []


# --- 1. a figure of another budget stage or time after a list under a 执行 / 决算 total is no part of it ---------

@pytest.mark.parametrize("other", ["全年预算3,500.00万元", "年初预算2,900.00万元", "调整预算300.00万元",
                                   "上年支出2,950.00万元", "2023年支出决算2,950.00万元"])
def test_another_stage_or_time_after_the_parts_is_not_added(tmp_path, other):
    text = "2024年本部门支出决算{x}万元，其中基本支出1,200.00万元，项目支出2,000.00万元，" + other + "。\n"
    wrong_then_right(tmp_path, text, "TXT001", "3,250.00", "3,200.00", expected="3200.00")


def test_a_larger_budget_after_the_parts_does_not_hide_their_sum(tmp_path):
    # 年初预算 2,400.00 is larger than the 执行数: once it is no part, the two parts still convict the total
    text = "全年项目支出执行数{x}万元，其中公路养护1,265.40万元、农村公路建设986.30万元，年初预算2,400.00万元。\n"
    wrong_then_right(tmp_path, text, "TXT001", "2,215.70", "2,251.70", expected="2251.70")


def test_a_part_named_by_its_own_stage_is_still_a_part(tmp_path):
    # 基本支出执行数 and 项目支出执行数 are of the total's own stage
    text = "2024年支出决算{x}万元，其中基本支出决算数1,200.00万元，项目支出决算数2,000.00万元。\n"
    wrong_then_right(tmp_path, text, "TXT001", "3,250.00", "3,200.00", expected="3200.00")


def test_last_years_carry_over_is_a_source_of_this_years_income(tmp_path):
    text = "2024年收入总计{x}万元，其中财政拨款收入2,800.00万元，上年结转200.00万元。\n"
    wrong_then_right(tmp_path, text, "TXT001", "2,900.00", "3,000.00", expected="3000.00")


# --- corpus10 -----------------------------------------------------------------------------------------------------

REPORTS10 = reports(CORPUS10)


@pytest.mark.parametrize("path", REPORTS10, ids=[p.name for p in REPORTS10])
def test_corpus10_planted_errors_found_and_no_true_statement_flagged(path):
    sc = score_report(path)
    missed = [e.id for e in sc.items if e.planted and e.severity == "error" and sc.found(e) != "found"]
    assert not missed, missed
    false = [f"{m.finding.where} {m.finding.code} {m.finding.message}" for m in sc.false_positives("error")]
    assert not false, false
