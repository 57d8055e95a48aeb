"""Verdicts on stated relations and how computed figures are shown in lint's messages.

The verdicts are the domain's (:mod:`toolkit.domain.tolerance`, DOMAIN.md section 7), so a relation written in
prose or in a table gets the verdict ``jixiao check`` gives the same figures in a YAML report. This module only
maps what the claim engine reads (a quantity's unit) to the kind of figure the policy knows.
"""
from __future__ import annotations

from decimal import Decimal

from ..domain.tolerance import Kind, Verdict, ratio_verdict, repeat_verdict, sum_verdict
from ..numbers import places, round_to

__all__ = ["Kind", "Verdict", "sum_verdict", "ratio_verdict", "repeat_verdict", "kind_of", "pct_text", "num_text",
           "like"]

_KINDS = {"money": Kind.MONEY, "count": Kind.COUNT, "percent": Kind.PERCENT, "score": Kind.SCORE}


def kind_of(unit_kind: str) -> Kind:
    """The figure kind of a quantity's ``kind`` (money / count / percent / score)."""
    return _KINDS.get(unit_kind, Kind.NUMBER)


def pct_text(value: Decimal, like: Decimal) -> str:
    """A computed percentage shown with the places of the stated one (two at least, so the gap is visible)."""
    return f"{round_to(value, max(2, places(like))):f}%"


def num_text(value: Decimal) -> str:
    """A computed figure without spurious trailing zeros beyond two places."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    v = value.normalize()
    return f"{v:f}" if places(v) <= 3 else f"{round_to(value, 2):f}"


def like(value: Decimal, figures: list[Decimal]) -> str:
    """A computed sum shown with as many places as the figures it came from (420.39 + 87.41 -> 507.80)."""
    p = max((places(v) for v in figures), default=0)
    return f"{round_to(value, p):f}"
