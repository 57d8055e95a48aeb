"""One rounding policy (DOMAIN.md section 7) for every identity that ``check``, ``lint`` and the renderer judge.

A verdict is :attr:`Verdict.OK` when the figures agree as written, :attr:`Verdict.ROUNDING` (a warning that
carries :data:`ROUNDING_NOTE`) when they differ by no more than the rounding of the figures involved, and
:attr:`Verdict.WRONG` (an error) beyond it. The precision of a figure is the number of decimals it was written
with; each kind of figure has a floor:

* **money** (万元) and **scores** are published to 0.01: a figure written ``44`` or ``10`` is 44.00 / 10.00, and
  stands for anything within 0.005 of it;
* **counts** (people, departments, items) and **weights** (分值) are exact: no rounding to allow for;
* **percentages** are rounded to the decimals they are written with, whatever they are (``95%``, ``94.8%``,
  ``15.15%``).

The policies, one function each:

* :func:`sum_verdict` — a stated total against the sum of its stated parts. OK when equal, or when the total is
  the sum rounded half up to the total's own precision and that precision is at least the floor (405.84 for
  350.867 + 54.976). ROUNDING when the total is the rounded sum at a precision below the floor (93 for a score
  sum of 93.39), or when the difference is within the half-units of every figure (507.80 against 507.79).
* :func:`ratio_verdict` — a stated percentage against numerator ÷ denominator. OK when it is the exact ratio
  rounded half up to its decimals. ROUNDING when some values of numerator and denominator within their rounding
  give a ratio that rounds to it, and :attr:`Verdict.TRUNCATED` (a warning) when it is the ratio cut off instead
  of rounded (15.14% for 15.147%). WRONG otherwise (84.86% for 848.53 ÷ 1000 = 84.853%).
* :func:`repeat_verdict` — a figure written again elsewhere (the narrative repeating the data): OK when equal or
  rounded to a precision at least the floor, ROUNDING when rounded below it (95.5 written 96), else WRONG.
* :func:`score_verdict` — a score against the exact result of its scoring rule (2 decimals).

:func:`with_note` words a message for its verdict: the only place the rounding note is written.
"""
from __future__ import annotations

from decimal import Decimal
from enum import Enum

from ..numbers import half_ulp, places, round_to

ZERO = Decimal(0)
HUNDRED = Decimal(100)

#: decimals money and scores are published with at the coarsest (a figure written with fewer is exact at 0.01)
MONEY_PLACES = 2
#: the note a finding within rounding carries (DOMAIN.md section 7)
ROUNDING_NOTE = "可能为四舍五入误差"
#: the note of a percentage cut off instead of rounded
TRUNCATION_NOTE = "疑为截断而非四舍五入"


class Verdict(str, Enum):
    """How a stated figure compares with what it should be."""

    OK = "ok"
    ROUNDING = "rounding"  # within the rounding of the figures involved: a warning
    TRUNCATED = "truncated"  # a percentage cut off instead of rounded: a warning
    DOUBT = "doubt"  # cannot be decided from what is written (another scoring method may apply): a warning
    WRONG = "error"

    def __str__(self) -> str:
        return self.value

    @property
    def is_warning(self) -> bool:
        """A verdict that is reported as a warning whatever the rule's own severity."""
        return self in (Verdict.ROUNDING, Verdict.TRUNCATED, Verdict.DOUBT)


class Kind(str, Enum):
    """What a figure is, which fixes the coarsest precision it stands for."""

    MONEY = "money"
    SCORE = "score"
    COUNT = "count"
    WEIGHT = "weight"
    PERCENT = "percent"
    NUMBER = "number"  # any other measured figure (an area, a value with a unit): its written decimals

    @property
    def floor(self) -> int | None:
        """Decimals the kind is published with at the coarsest; None when exact (no rounding at all)."""
        return _FLOORS.get(self, 0)


#: :attr:`Kind.floor` of each kind that is not 0 (a table made once: the property was a dict built per call)
_FLOORS = {Kind.MONEY: MONEY_PLACES, Kind.SCORE: MONEY_PLACES, Kind.COUNT: None, Kind.WEIGHT: None}


def half_unit(value: Decimal, kind: Kind) -> Decimal:
    """The most the rounding of ``value`` can hide: half a unit in its last place (0 for an exact kind)."""
    floor = _FLOORS.get(kind, 0)
    return ZERO if floor is None else half_ulp(value, floor)


def with_note(message: str, verdict: Verdict) -> str:
    """The message as a finding of this verdict says it: the rounding (or truncation) note added inside a closing
    "（差 …）", or in its own brackets."""
    note = {Verdict.ROUNDING: ROUNDING_NOTE, Verdict.TRUNCATED: TRUNCATION_NOTE}.get(verdict)
    if note is None or note in message:
        return message
    if message.endswith("）") and verdict is Verdict.ROUNDING and "（差" in message[message.rfind("（"):]:
        return f"{message[:-1]}，{note}）"
    return f"{message}（{note}）"


def diff_verdict(diff: Decimal, tolerance: Decimal) -> Verdict:
    """OK when ``diff`` is 0, ROUNDING when within ``tolerance``, WRONG beyond."""
    d = abs(diff)
    if d == 0:
        return Verdict.OK
    return Verdict.ROUNDING if d <= tolerance else Verdict.WRONG


def sum_tolerance(values: list[Decimal], kind: Kind) -> Decimal:
    """The most the independent rounding of these figures can make a sum miss its total by."""
    return sum((half_unit(v, kind) for v in values), ZERO)


def sum_verdict(parts: list[Decimal], total: Decimal, kind: Kind = Kind.MONEY,
                total_exact: bool = False) -> tuple[Verdict, Decimal]:
    """Σ ``parts`` against a stated ``total``: (verdict, Σ). ``total_exact``: the total is a definition, not a
    written figure (the 100% that shares add up to)."""
    s = sum(parts, ZERO)
    if s == total:
        return Verdict.OK, s
    if kind.floor is None:
        return Verdict.WRONG, s
    p = places(total)
    if not total_exact and p < max((places(v) for v in parts), default=0) and round_to(s, p) == total:
        return (Verdict.OK if p >= kind.floor else Verdict.ROUNDING), s
    tolerance = sum_tolerance(parts, kind) + (ZERO if total_exact else half_unit(total, kind))
    return diff_verdict(s - total, tolerance), s


def repeat_verdict(stated: Decimal, actual: Decimal, kind: Kind = Kind.NUMBER) -> Verdict:
    """A figure written again (the text repeating the data): OK when equal, or rounded half up to a precision at
    least the floor; ROUNDING when rounded below it (96 for 95.5); WRONG otherwise."""
    if stated == actual:
        return Verdict.OK
    floor = kind.floor
    if floor is None:
        return Verdict.WRONG
    p = max(places(stated), floor)
    if round_to(actual, p) == stated:
        return Verdict.OK if places(actual) > p else Verdict.ROUNDING
    if round_to(actual, places(stated)) == stated:
        return Verdict.ROUNDING
    return Verdict.WRONG


def ratio_spread(num: Decimal, num_tol: Decimal, den: Decimal, den_tol: Decimal) -> Decimal:
    """How far 100 · num / den can move (in percent points) when num and den are each off by up to their tolerance."""
    if den == 0:
        return ZERO
    return HUNDRED * (num_tol / abs(den) + abs(num) * den_tol / (den * den))


def percent_verdict(stated: Decimal, exact: Decimal, spread: Decimal = ZERO) -> Verdict:
    """A stated percentage against the exact one, which may move by ``spread`` because the figures it comes from
    are rounded."""
    p = places(stated)
    if round_to(exact, p) == stated:
        return Verdict.OK
    half = half_ulp(stated)
    if abs(stated - exact) <= half + spread:
        return Verdict.ROUNDING
    ulp = half * 2
    if (exact >= 0) == (stated >= 0) and abs(stated) <= abs(exact) < abs(stated) + ulp:
        return Verdict.TRUNCATED
    return Verdict.WRONG


def ratio_verdict(num: Decimal, den: Decimal, pct: Decimal, num_kind: Kind = Kind.MONEY,
                  den_kind: Kind | None = None, num_tol: Decimal | None = None,
                  den_tol: Decimal | None = None) -> tuple[Verdict, Decimal | None]:
    """A stated percentage against 100 · num / den: (verdict, exact percentage, None when den is 0). The
    tolerances default to half a unit of each figure's kind; pass them for a figure derived from others
    (上年数 = 本年数 − 增减额 carries both roundings)."""
    if den == 0:
        return Verdict.OK, None
    nt = half_unit(num, num_kind) if num_tol is None else num_tol
    dt = half_unit(den, den_kind or num_kind) if den_tol is None else den_tol
    exact = num * HUNDRED / den
    if abs(den) <= dt:
        return Verdict.OK, exact  # the denominator is indistinguishable from 0: the ratio says nothing
    return percent_verdict(pct, exact, ratio_spread(num, nt, den, dt)), exact


def score_verdict(declared: Decimal, exact: Decimal, weight: Decimal) -> tuple[Verdict, Decimal]:
    """A declared score against the exact result of its rule: (verdict, the rule's score to 2 decimals).

    OK when it is the rule's score rounded to 0.01 (or within 0.005 of the exact value). ROUNDING when written with
    fewer decimals and within their rounding (9 for 9.47) — except full marks: a score equal to the weight claims
    the target was met.
    """
    expected = round_to(exact, MONEY_PLACES)
    if declared == expected or abs(declared - exact) <= half_ulp(declared, MONEY_PLACES):
        return Verdict.OK, expected
    if declared != weight and abs(declared - exact) <= half_ulp(declared):
        return Verdict.ROUNDING, expected
    return Verdict.WRONG, expected
