"""Heading numbers are generated: consecutive at every level, restarting under each parent, closing up when an
optional section is left out (tests/fixtures/word/sparse.yaml omits duties, staffing, 三公/采购/结转, purpose, the working
group, 主要成效, problems and publication)."""
from __future__ import annotations

import re

import pytest
from docx import Document

from toolkit.load import load
from toolkit.word import ooxml as X
from toolkit.word import render
from toolkit.word.context import chinese_number, heading_number

from .conftest import FIXTURES, REPORTS

LEVELS = {X.H1: 1, X.H2: 2, X.H3: 3, X.H4: 4}
SPARSE = FIXTURES / "sparse.yaml"


def heading_sequence(path) -> list[tuple[int, str]]:
    return [(LEVELS[p.style.style_id], p.text) for p in Document(str(path)).paragraphs
            if p.style.style_id in LEVELS]


def test_sparse_hunan_keeps_its_ten_chapters(tmp_path):
    """The Hunan outline's ten chapters stay (七 with its "无…" sentence); sub-sections close up."""
    got = heading_sequence(render(load(SPARSE), tmp_path / "h.docx", template="hunan"))
    assert got == [
        (1, "一、部门基本情况"), (2, "（一）机构设置、人员情况"),
        (1, "二、一般公共预算支出情况"), (2, "（一）基本支出情况"), (2, "（二）项目支出情况"),
        (1, "三、政府性基金预算支出情况"), (1, "四、国有资本经营预算支出情况"), (1, "五、社会保险基金预算支出情况"),
        (1, "六、部门整体支出绩效情况"), (1, "七、存在的问题及原因分析"), (1, "八、下一步改进措施"),
        (1, "九、部门整体支出绩效自评结果拟应用和公开情况"), (2, "（一）绩效自评结果拟应用情况"),
        (1, "十、其他需要说明的情况")]


def test_sparse_chongqing_closes_up(tmp_path):
    got = heading_sequence(render(load(SPARSE), tmp_path / "c.docx", template="chongqing"))
    assert got == [
        (1, "一、基本情况"), (2, "（一）单位基本情况"), (3, "1.机构情况"), (2, "（二）预算及支出情况"),
        (1, "二、绩效评价基本情况"), (2, "（一）绩效评价方法"),
        (1, "三、主要经验及做法"),
        (1, "四、绩效评价情况及结论"), (2, "（一）绩效评价情况"), (3, "1.档案数字化数量（分值100分，得分100分）"),
        (2, "（二）绩效评价结论"),
        (1, "五、有关建议"), (1, "六、其他需要说明的情况")]


@pytest.mark.parametrize("outline", ["hunan", "chongqing", "sichuan"])
@pytest.mark.parametrize("yaml_path", REPORTS, ids=lambda p: p.stem)
def test_numbers_are_consecutive_and_restart_under_each_parent(yaml_path, outline, tmp_path):
    counts = [0, 0, 0, 0]
    for level, text in heading_sequence(render(load(yaml_path), tmp_path / "o.docx", template=outline)):
        counts[level - 1] += 1
        counts[level:] = [0] * (4 - level)
        want = heading_number(level, counts[level - 1])
        assert text.startswith(want), f"{outline}: {text!r} should start with {want!r}"
        assert not re.match(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、]|（\d+）",
                            text[len(want):]), f"{outline}: two numbers in {text!r}"


def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 9, 10, 11, 20, 23)] == ["一", "九", "十", "十一", "二十", "二十三"]
