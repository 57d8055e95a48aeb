"""Verdicts on stated relations, with the rounding policy of DOMAIN.md section 7 (see :mod:`toolkit.numbers`).

``ok`` when the figures agree as published (a percentage may be rounded or truncated to the places it shows);
``rounding`` (a warning) when they differ by no more than the rounding of the figures involved; ``error`` beyond.
"""
from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from ..numbers import half_ulp, places, round_to, sum_tolerance, verdict


def sum_verdict(parts: list[Decimal], total: Decimal, money: bool) -> tuple[str, Decimal]:
    """Σ parts against a stated total: (verdict, Σ). Money is taken as published to 0.01 at least; so are scores
    (pass ``money=True``): a score written ``10`` is exactly 10, not anything from 9.5 to 10.5."""
    s = sum(parts, Decimal(0))
    p = places(total)
    if p < max(places(v) for v in parts) and (round_to(s, p) == total or s.quantize(total, ROUND_DOWN) == total):
        return "ok", s  # parts published with more places than the total (350.867 + 54.976 -> 405.84)
    tol = sum_tolerance(*parts, total, min_places=2 if money else 0) if (money or _any_fraction(parts + [total])) \
        else Decimal(0)
    return verdict(s - total, tol), s


def _any_fraction(values: list[Decimal]) -> bool:
    return any(places(v) for v in values)


def ratio_verdict(num: Decimal, den: Decimal, pct: Decimal, num_tol: Decimal | None = None,
                  den_tol: Decimal | None = None) -> tuple[str, Decimal | None]:
    """A stated percentage against num / den: (verdict, computed percent). ``num_tol``/``den_tol`` default to half
    a unit in the last place each was written with (a figure written ``44`` may be anything from 43.5 to 44.5)."""
    if den == 0:
        return "ok", None
    exact = num * 100 / den
    p = places(pct)
    ulp = Decimal(1).scaleb(-p)
    if round_to(exact, p) == pct or (abs(pct) <= abs(exact) < abs(pct) + ulp and (exact >= 0) == (pct >= 0)):
        return "ok", exact
    nt = half_ulp(num) if num_tol is None else num_tol
    dt = half_ulp(den) if den_tol is None else den_tol
    if abs(den) <= dt:
        return "ok", exact
    bounds = [(num + a) * 100 / (den + b) for a in (-nt, nt) for b in (-dt, dt)]
    lo, hi = min(bounds), max(bounds)
    if lo - ulp / 2 <= pct <= hi + ulp:
        return "rounding", exact
    return "error", exact


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


def compare(stated: Decimal, actual: Decimal, money: bool = False) -> str:
    """A figure written in the text against the figure it should repeat: ``ok`` when equal, ``rounding`` when the
    text shows it rounded to fewer places (95.5 written 96; 3345.504 written 3345.50), ``error`` otherwise."""
    if stated == actual:
        return "ok"
    p = max(places(stated), 2 if money else 0)
    if round_to(actual, p) == stated:
        return "ok" if money and places(actual) > 2 else "rounding"
    return "error"
