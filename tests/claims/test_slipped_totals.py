"""A money list short of its total is usually a partial list and says nothing; but when the gap is one digit's slip
— the total is the parts' sum with one digit changed, two adjacent digits swapped or one doubled, or one part has
two adjacent digits swapped — a missing part of exactly that size is all but impossible, and the list is read as
complete with one figure mistyped. Round parts, a leading digit changed and short totals stay silent. Every wording
is written for these tests."""
from __future__ import annotations

import pytest

from toolkit.claims import check_paragraphs


def errors(text: str) -> list[tuple[str, str | None]]:
    return [(i.code, i.expected) for _k, i in check_paragraphs([text]) if i.severity == "error"]


@pytest.mark.parametrize("text, expected", [
    ("本年培训经费支出28.47万元，其中师资费9.62万元、场地租赁费17.85万元。", "27.47"),  # one digit changed
    ("本年培训经费支出27.74万元，其中师资费9.62万元、场地租赁费17.85万元。", "27.47"),  # two adjacent swapped
    ("上级补助收入2,486.30万元，其中专项补助1,596.84万元、一般性补助871.46万元。", "2468.30"),  # the total swapped
    ("财政拨款收入3,684.52万元，其中一般公共预算拨款3,124.60万元、政府性基金拨款541.92万元。", "3666.52"),  # a part
])
def test_a_gap_of_one_slip_is_an_error(text: str, expected: str) -> None:
    assert errors(text) == [("TXT001", expected)]


@pytest.mark.parametrize("text", [
    "本年培训经费支出27.47万元，其中师资费9.62万元、场地租赁费17.85万元。",  # adds up
    "项目支出500.00万元，其中道路养护项目120.35万元、桥梁检测项目79.65万元。",  # the leading digit: a part left out
    "本年培训经费支出37.00万元，其中师资费10.00万元、场地租赁费17.00万元。",  # round parts may be budgets
    "本年培训经费支出9.47万元，其中师资费2.62万元、场地租赁费5.85万元。",  # too short a total to tell
    "本年培训经费支出31.29万元，其中师资费9.62万元、场地租赁费17.85万元。",  # any other gap: a partial list
])
def test_other_gaps_are_a_partial_list(text: str) -> None:
    assert errors(text) == []
