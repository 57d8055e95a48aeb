"""Decisions of the sums family that a triggering fixture alone does not pin down."""
from __future__ import annotations

from toolkit import check, loads

HEAD = "year: 2021\nunit: {name: 测试局}\n"


def codes(text: str) -> list[tuple[str, str, int]]:
    return [(f.code, f.severity, f.line) for f in check(loads(HEAD + text, "t.yaml")).findings]


def test_partial_project_list_may_fall_short_but_not_exceed():
    partial = """budget:
  expenditure:
    project:
      amount: {total}
      items_partial: true
      items:
        - {{label: 制革厂改制资金, amount: 1935.31}}
        - {{label: 湘盛矿业赔偿、利息及执行费, amount: 84.99}}
"""
    assert codes(partial.format(total="4880.96")) == []
    assert codes(partial.format(total="2000.00")) == [("SUM006", "error", 6)]


def test_complete_list_counts_a_missing_column_as_zero():
    text = """budget:
  expenditure:
    project:
      previous: 42
      items:
        - {label: 新项目, amount: 10}
        - {label: 上年项目, previous: 42}
"""
    assert codes(text) == []


def test_zero_total_with_filled_parts_is_its_own_rule():
    text = """budget:
  expenditure:
    amount: 0
    basic: {amount: 10}
    project: {amount: 5}
"""
    assert codes(text) == [("SUM008", "error", 5)]


def test_function_classes_of_project_only_get_a_hint():
    text = """budget:
  expenditure:
    amount: 300.00
    basic: {amount: 100.00}
    project: {amount: 200.00}
    by_function:
      - {label: 科学技术支出, amount: 150.00}
      - {label: 其他支出, amount: 50.00}
"""
    [f] = check(loads(HEAD + text, "t.yaml")).findings
    assert f.code == "SUM004" and "项目支出" in f.help


def test_project_function_classes_add_up_to_project():
    text = """budget:
  expenditure:
    project:
      amount: 200.00
      by_function:
        - {label: 科学技术支出, amount: 150.00}
        - {label: 其他支出, amount: 40.00}
"""
    assert codes(text) == [("SUM004", "error", 6)]
