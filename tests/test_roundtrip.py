"""Render, then lint the Word file: the two halves of the product must agree.

A report rendered from consistent data must lint clean (the renderer writes no sentence the claim engine would
doubt), and the mistakes kept in the seed examples must still be found in the rendered .docx.
"""
from __future__ import annotations

import pytest

from toolkit import lint, load, render

from .conftest import EXAMPLES


OUTLINES = ("hunan", "chongqing", "sichuan")
CONSISTENT = ("demo-2023", "sichuan-demo-2021")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("roundtrip")

    def make(name: str, outline: str | None = None):
        path = out / f"{name}-{outline}.docx"
        if not path.exists():
            render(load(EXAMPLES / f"{name}.yaml"), path, template=outline, force=True)
        return lint(path)

    return make


@pytest.mark.parametrize("outline", OUTLINES)
@pytest.mark.parametrize("name", CONSISTENT)
def test_consistent_examples_lint_clean_in_every_outline(rendered, name, outline):
    assert [f.text() for f in rendered(name, outline).findings] == []


def test_ziyang_mistakes_survive_into_the_word_file(rendered):
    result = rendered("ziyang-gxj-2022")
    got = {(f.code, f.found, f.expected) for f in result.findings}
    assert ("TXT010", "98", "99") in got  # 自评分98分 against the 自评表 total
    assert ("TBL001", "707.74", "642.28") in got  # 附件1 上年支出总额 against its parts
    assert ("TBL005", "100%", "93.94%") in got  # 附件1 控制率 against 31 / 33
    assert ("TXT001", "507.79", "507.80") in got  # 人员经费 + 公用经费 against 基本支出 (rounding warning)
    assert result.errors == 3


@pytest.mark.parametrize("outline", OUTLINES)
def test_no_heading_number_problem_the_renderer_made(rendered, outline):
    # heading numbers are generated; a TXT011/TXT012 finding may only quote the user's own Markdown, such as
    # ziyang's "（1）…（二）" or lengshuitan's "（2）" with no "（1）" (both as published)
    for path in sorted(EXAMPLES.glob("*.yaml")):
        source = path.read_text(encoding="utf-8")
        for f in rendered(path.stem, outline).findings:
            if f.code in ("TXT011", "TXT012"):
                assert f.quote.strip() in source, (path.stem, f.text())
    assert [f.found for f in rendered("ziyang-gxj-2022", outline).findings if f.code == "TXT011"] == ["（二）"]
