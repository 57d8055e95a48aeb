"""A whole split by one dimension (按支出性质分，…) whose first part carries its own parts in a bracket
(基本支出A万元（人员经费B万元、公用经费C万元），占X%；项目支出D万元): the bracket's figures are the part's parts, not
more parts of the whole (this was read as A + B + C against the whole: a false error on a correct report), and they
are checked against their part when they name every part (人员经费 and 公用经费 are all of 基本支出). And a
proportional score in an indicator table rounded to one decimal but printed with two (9.20 for 9.19). Every wording
is written for these tests."""
from __future__ import annotations

from decimal import Decimal

import pytest

from toolkit.claims import check_paragraphs
from toolkit.claims.tables import score_fits

TEXT = ("本年支出合计1,000.00万元。按支出性质分，基本支出{a}万元（人员经费{b}万元、公用经费{c}万元），占{p}；"
        "项目支出{d}万元，占60.00%。")


def errors(text: str) -> list[tuple[str, str | None]]:
    return [(i.code, i.expected) for _k, i in check_paragraphs([text]) if i.severity == "error"]


def test_a_correct_partition_with_a_bracket_says_nothing() -> None:
    assert errors(TEXT.format(a="400.00", b="300.00", c="100.00", p="40.00%", d="600.00")) == []


@pytest.mark.parametrize("fields, code, expected", [
    ({"d": "610.00"}, "TXT001", None),        # the whole's parts: 400 + 610 ≠ 1,000
    ({"b": "310.00"}, "TXT001", "410.00"),    # the bracket's parts: 310 + 100 ≠ 400
    ({"p": "41.00%"}, "TXT002", "40.00%"),    # the part's share of the whole
])
def test_each_wrong_figure_is_found_once(fields: dict[str, str], code: str, expected: str | None) -> None:
    values = {"a": "400.00", "b": "300.00", "c": "100.00", "p": "40.00%", "d": "600.00", **fields}
    found = errors(TEXT.format(**values))
    assert [c for c, _e in found] == [code]
    if expected is not None:
        assert found[0][1] == expected


def test_a_bracket_that_does_not_name_every_part_is_not_summed() -> None:
    # 主要是 … : some of 基本支出, not all of it
    text = ("本年支出合计1,000.00万元。按支出性质分，基本支出400.00万元（主要是人员经费310.00万元、办公费10.00万元），"
            "占40.00%；项目支出600.00万元，占60.00%。")
    assert errors(text) == []


@pytest.mark.parametrize("exact, written, fits", [
    ("9.1923", "9.20", True),   # rounded to one decimal, printed with two
    ("9.1923", "9.19", True),
    ("9.1923", "9.2", True),
    ("9.3422", "9.43", False),  # two digits swapped
    ("9.1923", "9.30", False),
])
def test_proportional_score_precision(exact: str, written: str, fits: bool) -> None:
    assert score_fits(Decimal(exact), Decimal(written)) is fits
