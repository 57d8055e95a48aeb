"""Two count words for the same things are one count: people in 人 and 名, bodies in 个, 家 and 所. A 其中 list of
institutions in 家 under a total in 个 is added up like any other, and a list short of its total still says nothing
(it may be partial). Every wording is written for these tests."""
from __future__ import annotations

import pytest

from toolkit.claims import check_paragraphs

BODIES = "辖区内共有养老服务机构{t}个，其中公办养老院{a}家、民办养老机构{b}个、农村互助幸福院{c}所。"
PEOPLE = "年末实有在职人员{t}人，其中行政人员{a}名、事业人员{b}名。"


def errors(text: str) -> list[tuple[str, str | None]]:
    return [(i.code, i.expected) for _k, i in check_paragraphs([text]) if i.severity == "error"]


@pytest.mark.parametrize("t, a, b, c, wrong", [(64, 9, 31, 24, False), (60, 9, 31, 24, True), (66, 9, 31, 24, False)])
def test_bodies_counted_in_three_words(t: int, a: int, b: int, c: int, wrong: bool) -> None:
    found = errors(BODIES.format(t=t, a=a, b=b, c=c))
    assert found == ([("TXT001", "64")] if wrong else [])


@pytest.mark.parametrize("t, wrong", [(47, False), (45, True)])
def test_people_counted_in_two_words(t: int, wrong: bool) -> None:
    assert bool(errors(PEOPLE.format(t=t, a=18, b=29))) is wrong


def test_different_things_are_never_added() -> None:
    assert errors("全年举办培训班12期，其中线上培训8场、线下培训6次。") == []
