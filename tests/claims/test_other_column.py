"""A text figure that is its table row's figure of another stage (the 预算数 beside the 决算数) is the wrong column
taken: reported whatever the size of the difference. A figure the table does not hold in that row, or a sentence
speaking of the budget, says nothing. The figures are written for these tests."""
from __future__ import annotations

import pytest

from toolkit import lint

TABLE = """表2 支出预算执行情况表（单位：万元）

| 项目 | 决算数 | 预算数 |
| --- | --- | --- |
| 支出合计 | 1596.20 | 1688.00 |
| 人员经费 | 1012.45 | 1040.00 |
| 公用经费 | 183.75 | 198.00 |
| 项目支出 | 400.00 | 450.00 |

{text}
"""


def _errors(tmp_path, text: str) -> list[tuple[str, str | None]]:
    path = tmp_path / "report.md"
    path.write_text(TABLE.format(text=text), encoding="utf-8")
    return [(f.code, f.expected) for f in lint(path).findings if f.severity == "error"]


def test_the_budget_column_taken_for_the_actual_one(tmp_path) -> None:
    found = _errors(tmp_path, "全年人员经费1040.00万元，主要用于在职人员工资和社会保障缴费。")
    assert found == [("TXT014", "1012.45万元")]


@pytest.mark.parametrize("text", [
    "全年人员经费1012.45万元，主要用于在职人员工资和社会保障缴费。",  # the actual figure
    "年初预算安排人员经费1040.00万元，主要用于在职人员工资。",  # the sentence speaks of the budget
    "全年人员经费1100.00万元，主要用于在职人员工资和社会保障缴费。",  # a figure of no column: another scope, perhaps
])
def test_other_figures_say_nothing(tmp_path, text: str) -> None:
    assert _errors(tmp_path, text) == []
