"""Helpers shared by the consistency-check families: how figures are shown in messages.

The identities themselves (breakdowns and labels, head counts, tolerances) are in :mod:`toolkit.domain`.
"""
from __future__ import annotations

from decimal import Decimal

from ..numbers import fmt_money, fmt_number, places

ZERO = Decimal(0)
HUNDRED = Decimal(100)


def money(v: Decimal) -> str:
    """An amount as published: at least two decimals, more when it was written with more."""
    return fmt_money(v) if places(v) <= 2 else f"{v:f}"


def number(v: Decimal | int) -> str:
    """A weight, score or count: ``10``, ``8.95``."""
    return fmt_number(v)


def diff_note(diff: Decimal, show=money) -> str:
    """``（差 65.46）``; a finding within rounding adds its note inside (:func:`toolkit.domain.tolerance.with_note`)."""
    return f"（差 {show(abs(diff))}）"
