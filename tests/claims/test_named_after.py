"""A figure named by the words after it (2,315.40万元为基本支出 / 2,351.40万元的基本支出中，…) has that name: the 中
that opens a list after it is no part of the name, and the name is what a figure written twice is compared by. The
wrong case is a digit pair swapped between the two writings. Every wording is written for these tests."""
from __future__ import annotations

import pytest

from toolkit import lint
from toolkit.claims.quantities import extract

TEXT = """二、收支情况
本年支出合计3,128.60万元，其中2,315.40万元为基本支出，813.20万元为项目支出。
{b}万元的基本支出中，人员经费1,986.15万元，公用经费329.25万元。
"""


def test_the_name_after_a_figure_leaves_out_the_opening_of_a_list() -> None:
    q = extract("2,315.40万元的基本支出中，人员经费1,986.15万元。")[0]
    assert (q.label, q.named_after) == ("基本支出", True)


def test_a_count_named_after_keeps_its_last_character() -> None:
    qs = extract("全县有学校30所，其中12所为高中，18所为初中。")
    assert [q.label for q in qs[1:]] == ["高中", "初中"]


@pytest.mark.parametrize("b, wrong", [("2,315.40", False), ("2,351.40", True)])
def test_a_figure_named_after_is_compared_with_its_other_writing(tmp_path, b: str, wrong: bool) -> None:
    path = tmp_path / "report.txt"
    path.write_text(TEXT.format(b=b), encoding="utf-8")
    codes = [f.code for f in lint(path).findings if f.severity == "error"]
    assert ("TXT014" in codes) is wrong
