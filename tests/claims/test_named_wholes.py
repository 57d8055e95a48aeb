"""A share may name its whole without the noun the whole was written with: 培训支出总额 A万元 … 占培训总额的X% is a
share of A. Only a single fuller name is taken, and never for a flow (财政拨款 may be the income or the spending), so
an unclear whole still says nothing. A bare 全年支出 in a paragraph that opens with a narrower subject (公务接待方面，
全年支出…) is that subject's spending, not the department's: a share of 支出合计 elsewhere is still of the department's
one figure. Every wording is written for these tests."""
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


SCOPED = ["部门支出方面，2024年全年支出合计2500.00万元，较上年略有增长。",
          "按经济分类，工资福利支出1100.00万元，商品和服务支出900.00万元，资本性支出500.00万元。"
          "其中工资福利支出占支出合计的{r}，比重最大。",
          "（二）公务接待方面，全年支出3.20万元，较上年减少0.40万元。"]


@pytest.mark.parametrize("rate, wrong", [("44.00%", False), ("45.00%", True)])
def test_a_bare_spending_of_a_narrower_subject_is_not_the_departments(rate: str, wrong: bool) -> None:
    paragraphs = [SCOPED[0], SCOPED[1].format(r=rate), SCOPED[2]]
    assert errors(paragraphs) == ([("TXT002", "44.00%")] if wrong else [])


def test_two_bare_spendings_of_the_department_are_still_unclear() -> None:
    paragraphs = [SCOPED[0], SCOPED[1].format(r="45.00%"), "支出方面，全年支出2600.00万元。"]
    assert errors(paragraphs) == []
