"""Helpers shared by the consistency-check families: how figures are shown in messages, and what one check of a
report works out once for all of them (:func:`shared`).

The identities themselves (breakdowns and labels, head counts, tolerances) are in :mod:`toolkit.domain`.
"""
from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal
from typing import Any, Callable, Iterator

from ..numbers import fmt_money, fmt_number, places

ZERO = Decimal(0)
HUNDRED = Decimal(100)


#: per report being checked (by id, while its check runs): what the families share, by name
_checking: dict[int, dict[str, Any]] = {}


@contextmanager
def one_check(loaded: Any) -> Iterator[None]:
    """While the families check ``loaded``, :func:`shared` works each thing out once; afterwards it is forgotten (the
    report may change before it is checked again)."""
    _checking[id(loaded)] = {}
    try:
        yield
    finally:
        _checking.pop(id(loaded), None)


def shared(loaded: Any, name: str, make: Callable[[], Any]) -> Any:
    """``make()``, once per check of ``loaded`` (the text fields and their paragraphs, the budget figures, which
    several families read); outside :func:`one_check` simply ``make()``."""
    memo = _checking.get(id(loaded))
    if memo is None:
        return make()
    if name not in memo:
        memo[name] = make()
    return memo[name]


def nodes(loaded: Any) -> list[tuple[str, Any]]:
    """``(path, node)`` of every node of the report (:func:`toolkit.model.walk`), walked once per check of
    ``loaded``: the families that walk the tree (the text fields, the breakdowns, the budget figures) read this one
    walk; the families only read the tree, so what one walk finds is what each would."""
    from ..model import walk

    return shared(loaded, "nodes", lambda: list(walk(loaded.report)))


def money(v: Decimal) -> str:
    """An amount as published: at least two decimals, more when it was written with more."""
    return fmt_money(v) if places(v) <= 2 else f"{v:f}"


def number(v: Decimal | int) -> str:
    """A weight, score or count: ``10``, ``8.95``."""
    return fmt_number(v)


def diff_note(diff: Decimal, show=money) -> str:
    """``（差 65.46）``; a finding within rounding adds its note inside (:func:`toolkit.domain.tolerance.with_note`)."""
    return f"（差 {show(abs(diff))}）"
