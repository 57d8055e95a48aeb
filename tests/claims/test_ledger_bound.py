"""The fewest-cells search of a 决算 ledger (toolkit.claims.repair) is bounded: it branches on the shortest failing
sum first and gives up after MAX_TRIES sets of cells, so a hostile table ends with its failing sums reported where
they are, never a hang. Counters, not timings (tests/fixtures/claims/ledger/build.py writes the files)."""
from __future__ import annotations

from pathlib import Path

import pytest

from toolkit import lint
from toolkit.claims.document import read
from toolkit.claims.ledger import _value, ledger_sums
from toolkit.claims.repair import MAX_TRIES, Budget, readings
from toolkit.claims.tables import total_column

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "claims" / "ledger"


def _search(name: str) -> tuple[list, Budget]:
    t = read(HERE / name).tables[0]
    sums = ledger_sums(t, total_column(t))
    values = {x: _value(t.rows, x) for i in sums.identities for x in i.cells}
    budget = Budget()
    return readings(sums.identities, values, budget), budget


@pytest.mark.parametrize("name", ["wide_fan_1000.txt", "wide_fan_1000.docx"])
def test_wide_fan_slips_found_at_their_cells(name):
    # four 项 cells with two digits swapped under 款 of sixty 项: each found at its cell with the figure it should be
    found = [(f.code, f.location.row, f.location.col, f.expected) for f in lint(HERE / name).findings]
    assert found == [("TBL008", 372, 4, "9603.62"), ("TBL008", 658, 3, "8027.54"), ("TBL008", 797, 4, "1293.43"),
                     ("TBL008", 985, 4, "7112.42")]


def test_wide_fan_branches_on_the_short_row_sums():
    # the row sums (合计 = 基本 + 项目, three cells) are branched on before the 款 sums of sixty-one cells: that no
    # three cells mend the four slips is known in under a hundred tries (branching on the 款 sums first, as they
    # come, tried tens of thousands); the slips are then found one by one, each at the sums it breaks
    found, budget = _search("wide_fan_1000.txt")
    assert found == [] and not budget.exhausted and budget.tries < 100


def test_wide_fan_clean():
    assert lint(HERE / "wide_fan_1000_clean.txt").findings == []


def test_search_gives_up_cleanly():
    # four year columns each missing its 合计 by one slipped 类 cell of eighty: no three cells mend four sums, and
    # every cell of each sum could be the one; the search stops at its bound and says nothing of the cells
    found, budget = _search("four_columns_flat.txt")
    assert found == [] and budget.exhausted and budget.tries == MAX_TRIES + 1
    # lint then reports each failing sum at its 合计 cell, with the sum of its parts
    result = lint(HERE / "four_columns_flat.txt")
    assert [(f.code, f.location.row, f.location.col, f.expected) for f in result.findings] == [
        ("TBL008", 1, 2, "334865.52"), ("TBL008", 1, 3, "394116.91"), ("TBL008", 1, 4, "398136.39"),
        ("TBL008", 1, 5, "378875.76")]
