"""Reading targets and actuals, and scoring decisions that fixtures alone do not pin down."""
from __future__ import annotations

from decimal import Decimal

import pytest

from toolkit import check, loads
from toolkit.checks.scores import Value, parse_value

HEAD = "year: 2021\nunit: {name: 测试局}\n"


@pytest.mark.parametrize("text, value", [
    ("≥90%", Value("ge", Decimal(90), "%")),
    ("≥ 90 %", Value("ge", Decimal(90), "%")),
    (">=95.5%", Value("ge", Decimal("95.5"), "%")),
    ("不低于90%", Value("ge", Decimal(90), "%")),
    ("90%以上", Value("ge", Decimal(90), "%")),
    ("≤100%", Value("le", Decimal(100), "%")),
    ("<100%", Value("lt", Decimal(100), "%")),
    ("控制在5%以内", Value("le", Decimal(5), "%")),
    ("100万元以内", Value("le", Decimal(100), "万元")),
    ("20家", Value(None, Decimal(20), "家")),
    ("98％", Value(None, Decimal(98), "%")),
    ("9.6%", Value(None, Decimal("9.6"), "%")),
    ("352", Value(None, Decimal(352), "")),
])
def test_parse_numeric(text, value):
    assert parse_value(text) == value


@pytest.mark.parametrize("text", ["≥全省平均水平", "合规", "按年度计划完满完成", "不断提高", "约600家", "≥90%以下", ""])
def test_parse_qualitative(text):
    assert parse_value(text) is None


def indicator(**kw) -> str:
    fields = ", ".join(f"{k}: {v}" for k, v in kw.items())
    return HEAD + f"""indicators:
  groups:
    - name: 产出指标
      children:
        - name: 数量指标
          indicators:
            - {{name: 指标, {fields}, deviation: 略}}
"""


def scr002(**kw) -> list[str]:
    return [f.severity for f in check(loads(indicator(**kw))).findings if f.code == "SCR002"]


def test_units_differ_is_not_scored():
    assert scr002(target="20家", actual="27个", weight=3, score=1) == []


def test_actual_without_unit_takes_the_target_unit():
    assert scr002(target="≥90%", actual=45, weight=10, score=10) == ["error"]


def test_negative_rule_beyond_twice_the_target_is_zero():
    assert scr002(target="≤2次", actual="5次", weight=10, score=0) == []
    assert scr002(target="≤2次", actual="5次", weight=10, score=1) == ["error"]


def test_declared_kind_overrides_the_comparator_guess():
    assert scr002(target="100%", actual="98%", kind="反向", weight=2, score=2) == []
    assert scr002(target="100%", actual="98%", kind="正向", weight=2, score=2) == ["error"]


def test_qualitative_kind_is_not_scored_by_rule():
    assert scr002(target="100%", actual="50%", kind="定性", weight=10, score=9) == []


def test_missing_target_of_a_positive_rate_is_read_as_100():
    assert scr002(actual="95%", kind="正向", weight=10, score=8.95) == ["error"]  # below any target ≤ 100 %
    assert scr002(actual="95%", kind="正向", weight=10, score=9.69) == ["warning"]  # needs an unstated target
    assert scr002(actual="95%", kind="正向", weight=10, score=9.5) == []
    assert scr002(actual="95%", weight=10, score=8.95) == []  # kind unknown: not guessed


def test_full_marks_are_not_a_rounding_of_a_lower_score():
    assert scr002(target="≥60人", actual="57人", weight=10, score=10) == ["error"]
