"""The fewest cells whose correction makes every sum of a table hold.

A table with several identities at once — each row's 合计 column is the sum of its part columns, each parent row
(类 ⊃ 款 ⊃ 项, 301 ⊃ 30101, a 三公 合计 over its items) the sum of its child rows, in every column — says where a
slipped figure is: one wrong cell breaks exactly the identities it is in, and a correction of that one cell mends
them all while keeping every identity that held. Two slips that interact (a 款 whose 基本支出 and 合计 slipped
together, so that its own row still adds up) are two cells that together mend everything.

:func:`readings` searches the sets of at most three cells that touch every failing identity (each set found by
branching on the cells of the failing identity with the fewest cells among those it does not touch yet: every such
set holds one of them, so the order does not change what is found, only how much is tried), fixes their values by propagation (an
identity with one unknown cell gives it), and keeps a set only when every identity then holds, each of its cells
changes and no amount turns negative. The smallest such sets are the readings. Where several readings remain, a
cell they all share with the same value is certain; otherwise, when the total of the failing sum is pinned by an
identity that holds (no reading changes a total) and exactly one reading is made of figures whose digits slipped
(:func:`toolkit.claims.slips.slip_kind`: two adjacent digits swapped, one lost or doubled), that reading is taken.
Anything else is ambiguous: nothing is returned and the caller reports each failing sum where it is.

The search is bounded: a table whose failing sums are all long (a 款 over sixty 项, with no 合计 column whose
short row sums would be branched on first) could ask for millions of sets; after :data:`MAX_TRIES` sets it gives
up, as for an ambiguous table (the failing sums are then reported where they are), and says so in its
:class:`Budget`.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .arith import Kind, Verdict, sum_verdict

Cell = tuple[int, int]

#: at most this many cells in a reading, and this many failing identities to explain (more: a table misread)
MAX_CELLS = 3
MAX_FAILING = 12
#: at most this many sets of cells tried (every size together); beyond it the search gives up
MAX_TRIES = 5000


@dataclass
class Budget:
    """How much of the search was used: ``tries`` sets of cells, and whether it gave up at ``limit``."""

    limit: int = MAX_TRIES
    tries: int = 0
    exhausted: bool = False


@dataclass
class Identity:
    """``total`` should be the sum of ``parts``."""

    total: Cell
    parts: list[Cell]
    kind: str = ""  # the caller's: "row", "tree", "group" …

    @property
    def cells(self) -> list[Cell]:
        return [self.total] + self.parts


def _holds(ident: Identity, value) -> bool:
    return sum_verdict([value(x) for x in ident.parts], value(ident.total), Kind.MONEY)[0] != Verdict.WRONG


def failing(identities: list[Identity], values: dict[Cell, Decimal]) -> list[Identity]:
    value = lambda x: values.get(x, Decimal(0))  # noqa: E731
    return [i for i in identities if not _holds(i, value)]


def _solve(cells: tuple[Cell, ...], identities: list[Identity], by_cell: dict[Cell, list[Identity]],
           values: dict[Cell, Decimal]) -> dict[Cell, Decimal] | None:
    """The values of ``cells`` that make every identity hold, found by propagation; None when none or not one."""
    unknown = set(cells)
    fixed: dict[Cell, Decimal] = {}
    value = lambda x: fixed.get(x, values.get(x, Decimal(0)))  # noqa: E731
    changed = True
    while unknown and changed:
        changed = False
        for cell in list(unknown):
            for ident in by_cell.get(cell, ()):
                open_ = [x for x in ident.cells if x in unknown]
                if open_ != [cell]:
                    continue
                if cell == ident.total:
                    v = sum((value(x) for x in ident.parts), Decimal(0))
                else:
                    v = value(ident.total) - sum((value(x) for x in ident.parts if x != cell), Decimal(0))
                fixed[cell] = v
                unknown.discard(cell)
                changed = True
                break
    if unknown:
        return None  # not fixed by the identities: more than one value would do
    for cell, v in fixed.items():
        if v < 0 or v == values.get(cell, Decimal(0)):
            return None
    touched = {id(i): i for c in cells for i in by_cell.get(c, ())}
    if not all(_holds(i, value) for i in touched.values()):
        return None
    return fixed


def readings(identities: list[Identity], values: dict[Cell, Decimal], budget: Budget | None = None
             ) -> list[dict[Cell, Decimal]]:
    """The smallest sets of cells (at most :data:`MAX_CELLS`) whose corrected values make every identity hold; []
    when there is none, or when the search passed ``budget.limit`` tries (``budget.exhausted`` then says so)."""
    budget = budget if budget is not None else Budget()
    bad = failing(identities, values)
    if not bad or len(bad) > MAX_FAILING:
        return []
    bad = sorted(bad, key=lambda i: len(i.cells))  # the shortest failing sums first: the fewest branches
    bad_cells = [frozenset(i.cells) for i in bad]
    by_cell: dict[Cell, list[Identity]] = {}
    for i in identities:
        for x in i.cells:
            by_cell.setdefault(x, []).append(i)
    found: dict[frozenset, dict[Cell, Decimal]] = {}
    tried: set[frozenset] = set()

    class _GiveUp(Exception):
        pass

    def grow(chosen: tuple[Cell, ...], size: int) -> None:
        key = frozenset(chosen)
        if key in tried:
            return
        tried.add(key)
        budget.tries += 1
        if budget.tries > budget.limit:
            budget.exhausted = True
            raise _GiveUp
        first = next((i for i, cells in zip(bad, bad_cells) if cells.isdisjoint(key)), None)
        if first is None:
            if len(chosen) == size:
                fixed = _solve(chosen, identities, by_cell, values)
                if fixed is not None:
                    found[key] = fixed
            return
        if len(chosen) == size:
            return
        for x in first.cells:
            if x not in key:
                grow(chosen + (x,), size)

    try:
        for size in range(1, MAX_CELLS + 1):
            tried.clear()
            grow((), size)
            if found:
                break
    except _GiveUp:
        return []
    return list(found.values())


def certain(identities: list[Identity], values: dict[Cell, Decimal], written: dict[Cell, str],
            budget: Budget | None = None) -> tuple[dict[Cell, Decimal], bool]:
    """(the cells known wrong with the values they should have, whether the slipped digits decided it) — module
    docstring; ({}, False) when ambiguous."""
    from .slips import slip_kind

    found = readings(identities, values, budget)
    if not found:
        return {}, False
    if len(found) == 1:
        return found[0], False
    common = {c: v for c, v in found[0].items() if all(r.get(c) == v for r in found[1:])}
    if common:
        return common, False
    totals = {i.total for i in failing(identities, values)}
    if any(c in totals for r in found for c in r):
        return {}, False  # a reading changes a failing sum's total: the total is not pinned
    slipped = [r for r in found if all(slip_kind(written.get(c, ""), v) for c, v in r.items())]
    return (slipped[0], True) if len(slipped) == 1 else ({}, False)
