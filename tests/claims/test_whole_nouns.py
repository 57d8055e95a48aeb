"""A share may name its whole without the noun the whole was written with: 培训支出总额 A万元 … 占培训总额的X% is a
share of A. Only a single fuller name is taken, and never for a flow (财政拨款 may be the income or the spending), so
an unclear whole still says nothing. Every wording is written for these tests."""
from __future__ import annotations

import pytest

from toolkit.claims import check_paragraphs

NEAR = "全年会议培训支出总额64.00万元，其中会议费24.00万元、培训费40.00万元。线上培训节约场地租金16.00万元，占会议培训总额的{r}。"
FAR = ["本年度信息化建设资金总额820.00万元，由省级补助和本级安排两部分构成。",
       "（三）项目实施情况",
       "全年共完成系统升级改造12项，其中政务外网改造支出205.00万元，占信息化建设总额的{r}。"]
FLOW = "本年财政拨款收入900.00万元，财政拨款支出880.00万元。其中人员经费440.00万元，占财政拨款的{r}。"


def errors(paragraphs: list[str]) -> list[tuple[str, str | None]]:
    return [(i.code, i.expected) for _k, i in check_paragraphs(paragraphs) if i.severity == "error"]


@pytest.mark.parametrize("rate, wrong", [("25.00%", False), ("40.00%", True)])
def test_a_whole_named_without_its_noun_in_the_next_sentence(rate: str, wrong: bool) -> None:
    found = errors([NEAR.format(r=rate)])
    assert found == ([("TXT002", "25.00%")] if wrong else [])


@pytest.mark.parametrize("rate, wrong", [("25.00%", False), ("52.00%", True)])
def test_a_whole_named_without_its_noun_elsewhere_in_the_document(rate: str, wrong: bool) -> None:
    paragraphs = FAR[:2] + [FAR[2].format(r=rate)]
    assert errors(paragraphs) == ([("TXT002", "25.00%")] if wrong else [])


@pytest.mark.parametrize("rate", ["48.89%", "50.00%", "60.00%"])
def test_a_flow_named_without_its_noun_is_not_guessed(rate: str) -> None:
    assert errors([FLOW.format(r=rate)]) == []
