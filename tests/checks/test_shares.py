"""Percentages in the data: propagated rounding of the amounts, a rate checked from the change (the policy itself is
tested in tests/domain/test_tolerance.py)."""
from __future__ import annotations

from toolkit import check, loads

HEAD = "year: 2022\nunit: {name: 测试局}\n"


def test_rounded_amounts_make_a_share_a_rounding_warning():
    # 0.01 / 0.03 = 33.33 %, but 0.01 and 0.03 are rounded: 0.014 / 0.026 = 53.8 % is possible
    text = HEAD + """budget:
  expenditure:
    amount: 0.03
    basic: {amount: 0.01, share: 40%}
    project: {amount: 0.02}
"""
    assert [(f.code, f.severity) for f in check(loads(text)).findings] == [("PCT001", "warning")]


def test_change_rate_checked_from_change_when_previous_is_missing():
    text = HEAD + """budget:
  expenditure:
    basic:
      public: {amount: 54.976, change: 37.976, change_rate: 223.39}
      personnel: {amount: 350.867, change: -44, change_rate: -12.14}
"""
    [f] = check(loads(text)).findings
    assert (f.code, f.line, f.expected) == ("PCT004", 7, "-11.14%")
