"""Percentage tolerance: declared precision, propagated rounding of the amounts, truncation."""
from __future__ import annotations

from decimal import Decimal as D

from toolkit import check, loads
from toolkit.checks.shares import compare_percent

HEAD = "year: 2022\nunit: {name: 测试局}\n"


def test_compare_percent():
    assert compare_percent(D("15.15"), D("15.1478")) == "ok"
    assert compare_percent(D("15.1"), D("15.1478")) == "ok"  # one decimal: half of 0.1
    assert compare_percent(D("15.14"), D("15.1478")) == "truncated"
    assert compare_percent(D("15.16"), D("15.1478")) == "error"
    assert compare_percent(D("-11.14"), D("-11.1431")) == "ok"
    assert compare_percent(D("-11.14"), D("-11.1478")) == "truncated"
    assert compare_percent(D("100"), D("93.94")) == "error"
    assert compare_percent(D("33.34"), D("33.3333"), D("0.01")) == "ok"  # within the amounts' rounding


def test_rounded_amounts_widen_the_tolerance():
    # 0.01 / 0.03 = 33.33 %, but 0.01 and 0.03 are rounded: 0.014 / 0.026 = 53.8 % is possible
    text = HEAD + """budget:
  expenditure:
    amount: 0.03
    basic: {amount: 0.01, share: 40%}
    project: {amount: 0.02}
"""
    assert [f.code for f in check(loads(text)).findings] == []


def test_change_rate_checked_from_change_when_previous_is_missing():
    text = HEAD + """budget:
  expenditure:
    basic:
      public: {amount: 54.976, change: 37.976, change_rate: 223.39}
      personnel: {amount: 350.867, change: -44, change_rate: -12.14}
"""
    [f] = check(loads(text)).findings
    assert (f.code, f.line, f.expected) == ("PCT004", 7, "-11.14%")
