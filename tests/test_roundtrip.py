"""Render, then lint the Word file: the two halves of the product must agree.

A report rendered from consistent data must lint clean (the renderer writes no sentence the claim engine would
doubt), and the mistakes kept in the seed examples must still be found in the rendered .docx.
"""
from __future__ import annotations

import pytest

from toolkit import lint, load, render

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("roundtrip")

    def make(name: str):
        path = out / f"{name}.docx"
        if not path.exists():
            render(load(EXAMPLES / f"{name}.yaml"), path)
        return lint(path)

    return make


def test_consistent_demo_lints_clean(rendered):
    assert [f.text() for f in rendered("demo-2023").findings] == []


def test_ziyang_mistakes_survive_into_the_word_file(rendered):
    result = rendered("ziyang-gxj-2022")
    got = {(f.code, f.found, f.expected) for f in result.findings}
    assert ("TXT010", "98", "99") in got  # 自评分98分 against the 自评表 total
    assert ("TBL001", "707.74", "642.28") in got  # 附件1 上年支出总额 against its parts
    assert ("TBL005", "100.00%", "93.94%") in got  # 附件1 控制率 against 31 / 33
    assert ("TXT001", "507.79", "507.80") in got  # 人员经费 + 公用经费 against 基本支出 (rounding warning)
    assert result.errors == 3


def test_no_heading_number_problem_the_renderer_made(rendered):
    # heading numbers are generated: any TXT011/TXT012 must come from the user's own Markdown (ziyang's "（1）…（二）")
    for name in ("demo-2023", "lengshuitan-kgxj-2021", "bishan-jxw-2021"):
        assert [f.text() for f in rendered(name).findings if f.code in ("TXT011", "TXT012")] == []
    assert [f.found for f in rendered("ziyang-gxj-2022").findings if f.code in ("TXT011", "TXT012")] == ["（二）"]
