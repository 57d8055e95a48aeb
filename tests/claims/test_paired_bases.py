"""``项目支出比上年的B万元增长R%`` opens its sentence with a name whose figure was given paragraphs before; when a
table of the document pairs B, under that name, with another this-year figure (its 上年 | 本年 row), which figure the
rate is of is unclear, and nothing is said. Without such a row the earlier figure is the subject and a wrong rate is
still reported. The figures are written for these tests."""
from __future__ import annotations

import pytest

from toolkit import lint

HEAD = "（二）项目支出2860.40万元，占本年支出的70.15%。\n\n全年重点保障了农村公路养护和客运站场建设。\n\n"
RATE = "项目支出比上年的2105.30万元增长{r}，主要是农村公路养护资金增加。\n\n"
TABLE = """表1 财政拨款支出对比表（单位：万元）

| 项目 | 上年数 | 本年数 | 增减率 |
| --- | --- | --- | --- |
| 项目支出 | 2105.30 | 2390.52 | 13.55% |
"""


def _errors(tmp_path, text: str) -> list[str]:
    path = tmp_path / "report.md"
    path.write_text(text, encoding="utf-8")
    return [f.code for f in lint(path).findings if f.severity == "error"]


@pytest.mark.parametrize("r", ["13.55%", "35.87%", "20.00%"])
def test_a_base_the_table_pairs_with_another_figure_says_nothing(tmp_path, r: str) -> None:
    assert _errors(tmp_path, HEAD + RATE.format(r=r) + TABLE) == []


@pytest.mark.parametrize("r, wrong", [("35.87%", False), ("13.55%", True)])
def test_without_the_table_the_earlier_figure_is_the_subject(tmp_path, r: str, wrong: bool) -> None:
    assert bool(_errors(tmp_path, HEAD + RATE.format(r=r))) is wrong
