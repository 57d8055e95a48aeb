"""The 自评表 merges 一级 and 二级 cells vertically over their indicators, group by group."""
from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn

from toolkit import derive
from toolkit.load import load
from toolkit.numbers import fmt_number

from .conftest import REPORTS


def _vmerge(tc) -> str | None:
    vm = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    if vm is None:
        return None
    return vm.get(qn("w:val")) or "continue"


def _text(tc) -> str:
    return "".join(t.text or "" for t in tc.iter(qn("w:t")))


def _has_self_evaluation(path) -> bool:
    report = load(path).report
    return bool(report.attachments.self_evaluation and report.indicators.groups)


WITH_TABLE = [p for p in REPORTS if _has_self_evaluation(p)]


def test_examples_with_a_self_evaluation_table():
    assert {p.stem for p in WITH_TABLE} >= {"ziyang-gxj-2022", "demo-2023"}


@pytest.mark.parametrize("yaml_path", WITH_TABLE, ids=lambda p: p.stem)
def test_group_cells_merge_over_their_indicators(yaml_path, rendered):
    report = load(yaml_path).report
    ind = report.indicators
    table = Document(str(rendered(yaml_path))).tables[-1]._tbl
    rows = table.tr_lst[1:]  # after the column-header row
    if ind.execution is not None:
        assert "预算执行率" in _text(rows[0].tc_lst[1])
        rows = rows[1:]
    k = 0
    for g1 in ind.groups:
        leaves = [(g2, i) for g2 in g1.children for i in (g2.indicators or [None])]
        states1 = [_vmerge(rows[k + j].tc_lst[1]) for j in range(len(leaves))]
        assert states1 == ["restart"] + ["continue"] * (len(leaves) - 1), g1.name
        if not ind.ungrouped:
            assert _text(rows[k].tc_lst[1]) == f"{g1.name}（{fmt_number(derive.level1_weight(g1))}分）"
        j = 0
        for g2 in g1.children:
            n = max(len(g2.indicators), 1)
            states2 = [_vmerge(rows[k + j + m].tc_lst[2]) for m in range(n)]
            assert states2 == ["restart"] + ["continue"] * (n - 1), g2.name
            j += n
        k += len(leaves)
    total = rows[k]
    assert _text(total.tc_lst[0]) == "总分"
    assert _text(total.tc_lst[1]) == fmt_number(
        report.indicators.total_weight if report.indicators.total_weight is not None
        else derive.computed_total_weight(report))


@pytest.mark.parametrize("yaml_path", WITH_TABLE, ids=lambda p: p.stem)
def test_the_side_column_carries_its_label_down(yaml_path, rendered):
    """As the form (seed 002): "绩效指标" in the header row and again, one character a line, down the merged side
    column of the body."""
    table = Document(str(rendered(yaml_path))).tables[-1]._tbl
    head, first, *rest = table.tr_lst
    assert _text(head.tc_lst[0]) == "绩效指标"
    side = first.tc_lst[0]
    assert _vmerge(side) == "restart" and [_text(p) for p in side.iter(qn("w:p"))] == list("绩效指标")
    assert all(_vmerge(r.tc_lst[0]) == "continue" for r in rest[:-1])  # down to the 总分 row


def test_income_by_nature_keeps_the_forms_four_rows(rendered):
    """按收入性质分 always lists the form's four rows; each income line is summed under the row its label names
    (ziyang: 一般公共预算财政拨款收入 3345.5 and 其他收入 6.73, as seed 002 prints them)."""
    from .conftest import EXAMPLES

    ziyang = next(p for p in EXAMPLES if p.stem == "ziyang-gxj-2022")
    header = Document(str(rendered(ziyang))).tables[-2]._tbl
    lines = [_text(tr.tc_lst[1]) for tr in header.tr_lst[3:8]]
    assert lines == ["按收入性质分：", "其中：一般公共预算：3345.5", "政府性基金拨款：", "纳入专户管理的非税收入拨款：",
                     "其他资金：6.73"]


def test_form_source_by_label():
    from toolkit.domain.budget import by_form_source, form_source
    from toolkit.model import Item

    assert [form_source(x) for x in ("一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "纳入专户管理的非税收入",
                                     "财政拨款收入", "事业收入")] == \
        ["一般公共预算", "政府性基金拨款", "纳入专户管理的非税收入拨款", "一般公共预算", "其他资金"]
    items = [Item(label="事业收入", amount="1.25"), Item(label="上年结转", amount="85.25"),
             Item(label="其他收入", amount="2.50"), Item(label="一般公共预算拨款", amount="10")]
    assert [(n, str(v) if v is not None else None) for n, v in by_form_source(items)] == [
        ("一般公共预算", "10"), ("政府性基金拨款", None), ("纳入专户管理的非税收入拨款", None), ("其他资金", "3.75"),
        ("上年结转", "85.25")]  # money of earlier years: its own line, after the form's four
