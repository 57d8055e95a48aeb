"""The rounding policy (DOMAIN.md section 7) on its own: one verdict per identity, from the figures' precision."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from toolkit.domain.tolerance import (Kind, Verdict, percent_verdict, ratio_verdict, repeat_verdict, score_verdict,
                                      sum_verdict, with_note)

OK, ROUNDING, TRUNCATED, WRONG = Verdict.OK, Verdict.ROUNDING, Verdict.TRUNCATED, Verdict.WRONG


@pytest.mark.parametrize("stated, exact, spread, verdict", [
    ("15.15", "15.1478", "0", OK),
    ("15.1", "15.1478", "0", OK),  # one decimal: rounded to 0.1
    ("15.14", "15.1478", "0", TRUNCATED),  # cut off instead of rounded
    ("15.16", "15.1478", "0", WRONG),
    ("-11.14", "-11.1431", "0", OK),
    ("-11.14", "-11.1478", "0", TRUNCATED),
    ("100", "93.94", "0", WRONG),
    ("33.34", "33.3333", "0.01", ROUNDING),  # right only for amounts within their rounding
])
def test_percent_verdict(stated, exact, spread, verdict):
    assert percent_verdict(D(stated), D(exact), D(spread)) is verdict


def test_a_share_off_in_its_last_digit_is_wrong_when_the_amounts_are_precise():
    # the example: 848.53 / 1000 = 84.853 %, written 84.86 %
    assert ratio_verdict(D("848.53"), D("1000"), D("84.86"))[0] is WRONG
    assert ratio_verdict(D("848.53"), D("1000"), D("84.85"))[0] is OK


@pytest.mark.parametrize("parts, total, kind, verdict", [
    (["420.39", "87.41"], "507.80", Kind.MONEY, OK),
    (["420.39", "87.41"], "507.79", Kind.MONEY, ROUNDING),  # 0.01 within 3 × 0.005
    (["420.39", "87.41"], "507.70", Kind.MONEY, WRONG),
    (["350.867", "54.976"], "405.84", Kind.MONEY, OK),  # the total is the sum at its own (standard) precision
    (["1000.36"], "1000", Kind.MONEY, ROUNDING),  # shown coarser than 0.01
    (["9.47", "8.95", "10"], "28.42", Kind.SCORE, OK),
    (["9.47", "8.95", "10"], "28", Kind.SCORE, ROUNDING),
    (["9.47", "8.95", "10"], "29", Kind.SCORE, WRONG),
    (["21", "12"], "33", Kind.COUNT, OK),
    (["21", "11"], "33", Kind.COUNT, WRONG),  # counts are exact
    (["5", "5"], "10.5", Kind.WEIGHT, WRONG),  # weights are exact
])
def test_sum_verdict(parts, total, kind, verdict):
    assert sum_verdict([D(p) for p in parts], D(total), kind)[0] is verdict


def test_shares_add_up_to_an_exact_100():
    assert sum_verdict([D("15.15"), D("84.86")], D(100), Kind.PERCENT, total_exact=True)[0] is ROUNDING
    assert sum_verdict([D("15.15"), D("84.85")], D(100), Kind.PERCENT, total_exact=True)[0] is OK
    assert sum_verdict([D("15.15"), D("83.85")], D(100), Kind.PERCENT, total_exact=True)[0] is WRONG


def test_repeat_verdict():
    assert repeat_verdict(D("3345.50"), D("3345.504"), Kind.MONEY) is OK
    assert repeat_verdict(D("3345.51"), D("3345.50"), Kind.MONEY) is WRONG
    assert repeat_verdict(D("96"), D("95.5"), Kind.SCORE) is ROUNDING
    assert repeat_verdict(D("31"), D("33"), Kind.COUNT) is WRONG


def test_score_verdict():
    assert score_verdict(D("9.47"), D("9.4736"), D(10)) == (OK, D("9.47"))
    assert score_verdict(D("9.5"), D("9.4736"), D(10))[0] is ROUNDING  # written with one decimal
    assert score_verdict(D("10"), D("9.6"), D(10))[0] is WRONG  # full marks claim the target was met
    assert score_verdict(D("9.48"), D("9.4736"), D(10))[0] is WRONG


def test_the_rounding_note_is_worded_once():
    assert with_note("之和 507.80 ≠ 507.79（差 0.01）", ROUNDING) == "之和 507.80 ≠ 507.79（差 0.01，可能为四舍五入误差）"
    assert with_note("文中写 16.15%", ROUNDING) == "文中写 16.15%（可能为四舍五入误差）"
    assert with_note("= 15.15%", TRUNCATED) == "= 15.15%（疑为截断而非四舍五入）"
    assert with_note("（差 1）", WRONG) == "（差 1）"
