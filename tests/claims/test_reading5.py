"""Kinds the hold-outs of round 6 missed, each with a wrong and a right case written for these tests."""
from __future__ import annotations

from toolkit.claims import check_paragraphs


def errors(*texts: str) -> list[tuple[str, str | None]]:
    """(code, expected) of every error found in the paragraphs."""
    return [(i.code, i.expected) for _k, i in check_paragraphs(list(texts)) if i.severity == "error"]


def test_a_score_written_straight_after_its_self_evaluation_has_its_grade_checked():
    text = "综合评定，本中心2023年度整体支出绩效自评{s}分，等级{g}。"
    assert errors(text.format(s="91.20", g="良好")) == [("TXT009", "优秀")]
    assert errors(text.format(s="91.20", g="优秀")) == []
    assert errors(text.format(s="86.05", g="良好")) == []
