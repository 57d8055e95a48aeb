"""Readings mended after the round-9 hold-outs (h9, h10) had been measured unseen: each with a wrong and a right
case, in wordings of their own."""
from __future__ import annotations

from toolkit import lint


def _errors(tmp_path, text: str, name: str = "report.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [f for f in lint(path).findings if f.severity == "error"]


def _score_table(first_weight: str) -> str:
    """A score table exported without merged cells: each row repeats its 一级 cell with the group's weight."""
    rows = [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        [f"投入（{first_weight}分）", "资金投入", "资金到位率", "6", "6"],
        [f"投入（{first_weight}分）", "资金投入", "预算调整率", "6", "5"],
        [f"投入（{first_weight}分）", "制度保障", "内控制度完备性", "8", "7.5"],
        ["产出（50分）", "数量", "培训人次", "25", "24"],
        ["产出（50分）", "质量", "考核合格率", "25", "23"],
        ["效果（30分）", "满意度", "受训人员满意度", "30", "28"],
        ["合计", "", "", "100", "93.5"],
    ]
    return "表3 指标评分表\n" + "\n".join("\t".join(r) for r in rows) + "\n"


def test_a_group_weight_repeated_on_each_of_its_rows_is_one_group(tmp_path):
    assert _errors(tmp_path, _score_table("20")) == []
    wrong = _errors(tmp_path, _score_table("25"))
    assert [(f.code, f.expected) for f in wrong] == [("TBL003", "20")]
