"""The lint corpus (tests/fixtures/claims/corpus) is itself right: every sidecar parses, names its report and known
kinds, every fragment is in its report, every figure of a relation is written in the report, every true relation
holds with Decimal arithmetic, every planted error fails beyond rounding (a planted warning only within rounding),
and there are at least three true statements per planted one. It does not run lint on the corpus (that is
``python -m tests.claims.measure``): what lint finds today is not asserted anywhere.

The matching rules of the measurement are tested on hand-made findings at the end."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from toolkit.findings import Finding, TextSpot

from .corpus import (FAILS, HOLDS, KINDS, ROUNDING, Entry, Score, entries, load_sidecar, match, normalize, raw_text,
                     relation_strings, reports, sidecar_path, verdict)

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "claims" / "corpus"
REPORTS = reports(CORPUS)
#: the second corpus: the classes of the hold-out misses (its sidecars are checked the same way)
CORPUS2 = CORPUS.with_name("corpus2")
REPORTS2 = reports(CORPUS2)
#: the third corpus: the classes of the third hold-out's misses and false errors
CORPUS3 = CORPUS.with_name("corpus3")
REPORTS3 = reports(CORPUS3)
#: the fourth corpus: the classes of the fourth hold-out's misses and false error
REPORTS4 = reports(CORPUS.with_name("corpus4"))
#: the fourth corpus, second part: the false errors of the fourth hold-out (a trailing change or share read as the
#: last figure's)
REPORTS4B = reports(CORPUS.with_name("corpus4b"))
#: the fifth corpus: counts against their classes and tables, one budget line under two names or units, a slipped
#: part under a confirmed total, a 合计 under a share column of its parts, totals left at 0 (issue 11, lintC)
REPORTS5 = reports(CORPUS.with_name("corpus5"))
#: the tenth corpus: styles the engine had not seen (issue 11, lintP), written and measured before the engine changed
REPORTS10 = reports(CORPUS.with_name("corpus10"))
LAYOUTS = {"txt-tab": ".txt", "txt-word": ".txt", "txt-bare": ".txt", "md": ".md", "docx": ".docx", "pdf": ".pdf",
           "pdf-scanned": ".pdf"}


def text_of(path: Path, side: dict) -> str:
    """The report's words, read without the engine; a PDF's fragments are checked in the Word file it came from."""
    if side.get("source"):
        return normalize(raw_text(path.with_name(side["source"])))
    return normalize(raw_text(path))


def test_the_corpus_is_there():
    assert len(REPORTS) >= 15
    layouts = {load_sidecar(p)["layout"] for p in REPORTS}
    assert layouts == set(LAYOUTS) - {"txt-bare"}  # the one-cell-a-line export without tabs came with corpus5
    planted = [e for p in REPORTS for e in entries(load_sidecar(p)) if e.planted]
    kinds = {e.kind for e in planted}
    for kind in ("tsv-table", "pipe-table", "total-first", "code-hierarchy", "zero-total", "budget-completion",
                 "wrong-denominator", "zero-completion", "sangong-zero-item", "nested-qizhong",
                 "share-of-named-whole", "count-rate", "grade-band", "share-pair-100", "text-vs-table",
                 "three-decimals", "indicator-counts", "header-budget-copied", "fund-source-split", "same-achievement"):
        assert kind in kinds, kind


def test_the_second_corpus_is_there():
    assert len(REPORTS2) >= 4
    assert len({load_sidecar(p)["layout"] for p in REPORTS2}) >= 3
    kinds = {e.kind for p in REPORTS2 for e in entries(load_sidecar(p)) if e.planted}
    for kind in ("share-after-grouping", "count-rate", "complete-set", "indicator-counts", "change-base",
                 "percentage-points", "share-of-named-whole", "semicolon-list", "respective-shares", "open-count-unit"):
        assert kind in kinds, kind


def test_the_third_corpus_is_there():
    assert len(REPORTS3) >= 3
    assert len({load_sidecar(p)["layout"] for p in REPORTS3}) >= 3
    items = [e for p in REPORTS3 for e in entries(load_sidecar(p))]
    planted = {e.kind for e in items if e.planted}
    for kind in ("change-large-units", "composed-of", "count-qizhong", "points-from-to", "quantity-completion",
                 "score-list", "score-table", "table-rate", "table-total", "text-vs-table", "change-base"):
        assert kind in planted, kind
    true = {e.kind for e in items if not e.planted}
    assert {"bracket-base", "stage-list"} <= true  # the false errors of the hold-out: true statements only


def _wrong_and_right(reports_: list[Path], n: int, kinds: tuple[str, ...]) -> None:
    """At least ``n`` reports in ``n`` layouts, and a wrong and a right case of every class."""
    assert len(reports_) >= n
    assert len({load_sidecar(p)["layout"] for p in reports_}) >= n
    items = [e for p in reports_ for e in entries(load_sidecar(p))]
    planted = {e.kind for e in items if e.planted}
    true = {e.kind for e in items if not e.planted}
    for kind in kinds:
        assert kind in planted and kind in true, kind


def test_the_fourth_corpus_is_there():
    _wrong_and_right(REPORTS4, 3, ("share-named-part", "change-derived-base", "proportional-score", "score-subtotal",
                                   "count-qizhong", "share-pair-100", "share-of-named-whole", "grade-band",
                                   "quantity-completion", "indicator-counts", "row-change", "score-table"))


def test_the_fourth_corpus_b_is_there():
    items = [e for p in REPORTS4B for e in entries(load_sidecar(p))]
    assert {e.kind for e in items if e.planted} >= {"change-after-list", "execution-rate"}
    assert {e.kind for e in items if not e.planted} >= {"change-after-list", "execution-rate"}


def test_the_fifth_corpus_is_there():
    _wrong_and_right(REPORTS5, 5, ("count-classes", "count-table-rows", "text-table-synonym", "slipped-part",
                                   "shares-confirm-parts", "zero-total", "stage-identity", "last-year-column"))


def test_the_tenth_corpus_is_there():
    assert len(REPORTS10) >= 8
    assert {load_sidecar(p)["layout"] for p in REPORTS10} >= {"docx", "md", "txt-tab", "txt-word", "txt-bare", "pdf"}
    items = [e for p in REPORTS10 for e in entries(load_sidecar(p))]
    assert "stage-part" in {e.kind for e in items if e.planted} & {e.kind for e in items if not e.planted}


ALL = REPORTS + REPORTS2 + REPORTS3 + REPORTS4 + REPORTS4B + REPORTS5 + REPORTS10


@pytest.mark.parametrize("path", ALL, ids=[p.name for p in ALL])
def test_sidecar(path):
    side = load_sidecar(path)
    assert side["report"] == path.name
    assert path.suffix == LAYOUTS[side["layout"]]
    items = entries(side)
    ids = [e.id for e in items]
    assert len(ids) == len(set(ids)), "entry ids are unique"
    if side["layout"] == "pdf-scanned":
        assert side["outcome"] == "refused" and side["message_any"]
        if shutil.which("pdftotext"):
            assert not raw_text(path).strip(), "a scanned PDF has no text layer"
        return
    if side["layout"] == "pdf" and not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    text = text_of(path, side)
    planted = [e for e in items if e.planted]
    assert len(items) - len(planted) >= 3 * len(planted)
    for e in items:
        assert e.kind in KINDS, e.kind
        assert e.at, e.id
        for place in e.at:
            frag = normalize(place.get("para") or place.get("row") or "")
            assert frag, (e.id, place)
            n = text.count(frag)
            if "para" in place:
                assert n == 1, (e.id, place["para"], n)  # a paragraph fragment names one place
            else:
                assert n >= 1, (e.id, place["row"])  # a row may be written twice (the same 项 in two tables)
        for figure in relation_strings(e.relation):
            assert normalize(figure) in text, (e.id, figure)
        got = verdict(e.relation)
        want = {"error": FAILS, "warning": ROUNDING, "none": HOLDS}[e.severity]
        assert got == want, (e.id, e.kind, e.relation, got)
    if side["layout"] == "pdf":  # the PDF says what its source says
        pdf = normalize(raw_text(path))
        for e in items:
            for figure in relation_strings(e.relation):
                assert normalize(figure) in pdf, (e.id, figure)
            for place in e.at:
                if "para" in place:
                    assert normalize(place["para"]) in pdf, (e.id, place["para"])


def test_every_report_has_a_sidecar_and_every_sidecar_a_report():
    sidecars = sorted(CORPUS.glob("*.expected.yaml"))
    assert len(sidecars) == len(REPORTS)
    for p in REPORTS:
        assert sidecar_path(p).is_file()


# ---------------------------------------------------------------------------------------------------------------
# The arithmetic, on cases whose answers are known

@pytest.mark.parametrize("rel,want", [
    ({"type": "sum", "total": "507.79", "parts": ["420.39", "87.41"]}, ROUNDING),
    ({"type": "sum", "total": "507.80", "parts": ["420.39", "87.41"]}, HOLDS),
    ({"type": "sum", "total": "707.74", "parts": ["529.72", "112.56"]}, FAILS),
    ({"type": "sum", "total": "24", "parts": ["14", "7", "2"]}, FAILS),  # counts are exact
    ({"type": "sum", "total": "1236.485", "parts": ["1068.32", "168.17"]}, ROUNDING),  # three decimals, within
    ({"type": "sum", "total": "0", "parts": ["3286.40", "60.00"]}, FAILS),
    ({"type": "ratio", "num": "31", "den": "33", "value": "93.94%"}, HOLDS),
    ({"type": "ratio", "num": "31", "den": "33", "value": "93.93%"}, ROUNDING),  # truncated
    ({"type": "ratio", "num": "31", "den": "33", "value": "100%"}, FAILS),
    ({"type": "change", "current": "54.976", "delta": "37.976", "rate": "223.39%", "direction": "增加"}, HOLDS),
    ({"type": "change", "current": "86", "delta": "26", "rate": "30.23%", "direction": "减少"}, FAILS),
    ({"type": "grade", "score": "86.50", "grade": "优"}, FAILS),
    ({"type": "grade", "score": "90", "grade": "优秀"}, HOLDS),
    ({"type": "shares", "whole": "100", "items": [["60", "58%"], ["40", "42%"]]}, FAILS),
    ({"type": "score", "weight": "10", "actual": "2.36", "target": "2.5", "score": "9.44"}, HOLDS),
])
def test_verdict(rel, want):
    assert verdict(rel) == want


# ---------------------------------------------------------------------------------------------------------------
# Matching: place and figures, nothing else

class _P:
    def __init__(self, index, text):
        self.index, self.text = index, text


class _Doc:
    def __init__(self, paragraphs, tables=()):
        self.paragraphs = paragraphs
        self.tables = list(tables)


def _entry(id_, planted, text, rel):
    return Entry(id_, planted, "error" if planted else "none", "sum", [{"para": text}], rel)


def test_matching_is_by_place_and_figures():
    doc = _Doc([_P(1, "支出合计1532.96万元，其中基本支出842.67万元，项目支出681.29万元。"), _P(2, "编制数28人，实有26人。")])
    planted = _entry("E1", True, "支出合计1532.96万元", {"type": "sum", "total": "1532.96", "parts": ["842.67", "681.29"]})
    true = _entry("T1", False, "编制数28人，实有26人", {"type": "sum", "total": "28", "parts": ["26", "2"]})
    found = Finding("TXT001", "error", "支出合计 1532.96万元 与其中各项之和不符：842.67 + 681.29 = 1523.96",
                    location=TextSpot(paragraph=1))
    elsewhere = Finding("TXT001", "error", "支出合计 1532.96万元 与其中各项之和不符", location=TextSpot(paragraph=2))
    unrelated = Finding("TXT005", "error", "比率 12.5% 与 3 ÷ 24 不符", location=TextSpot(paragraph=1))
    on_true = Finding("TXT006", "warning", "文中说有 28人，但列出了 26 项", location=TextSpot(paragraph=2))
    ms = match([found, elsewhere, unrelated, on_true], doc, [planted, true])
    assert [m.entry.id if m.entry else None for m in ms] == ["E1", None, None, "T1"]
    sc = Score("x", [planted, true], ms)
    assert sc.found(planted) == "found"
    assert len(sc.false_positives("error")) == 2 and len(sc.false_positives("warning")) == 1


def test_a_warning_on_a_planted_error_is_weak_and_an_error_on_a_rounding_case_is_false():
    doc = _Doc([_P(1, "基本支出507.79万元，其中人员经费420.39万元，公用经费87.41万元。")])
    rounding = Entry("W1", True, "warning", "sum", [{"para": "基本支出507.79万元"}],
                     {"type": "sum", "total": "507.79", "parts": ["420.39", "87.41"]})
    as_error = Finding("TXT001", "error", "507.79 ≠ 420.39 + 87.41 = 507.80", location=TextSpot(paragraph=1))
    sc = Score("x", [rounding], match([as_error], doc, [rounding]))
    assert sc.found(rounding) == "weak" and len(sc.false_positives("error")) == 1


def test_a_finding_for_the_wrong_reason_does_not_count():
    """T，其中A（B，C），E with T wrong: a finding that adds B and C to A and E is at the right place but its expected
    sum is not the planted relation's, so it is a false positive and the planted error stays missed."""
    doc = _Doc([_P(1, "全年支出合计6,842.56万元，其中基本支出1,126.40万元（人员经费986.12万元，公用经费140.28万元），项目支出5,706.16万元。")])
    planted = _entry("E1", True, "全年支出合计6,842.56万元",
                     {"type": "all", "of": [{"type": "sum", "total": "6,842.56", "parts": ["1,126.40", "5,706.16"]},
                                            {"type": "sum", "total": "1,126.40", "parts": ["986.12", "140.28"]}]})
    wrong = Finding("TXT001", "error", "全年支出 6,842.56万元 与其中各项之和不符：1126.4 + 986.12 + 140.28 + 5706.16 = 7958.96",
                    expected="7958.96", found="6,842.56", location=TextSpot(paragraph=1))
    right = Finding("TXT001", "error", "全年支出 6,842.56万元 与其中各项之和不符：1126.4 + 5706.16 = 6832.56",
                    expected="6832.56", found="6,842.56", location=TextSpot(paragraph=1))
    assert [m.entry for m in match([wrong], doc, [planted])] == [None]
    assert [m.entry.id for m in match([right], doc, [planted])] == ["E1"]


def test_every_sidecar_corpus_is_registered_in_the_measurement():
    from .measure import CORPORA

    sidecar_dirs = {p.parent for p in CORPUS.parent.glob("*/*.expected.yaml")}
    assert sidecar_dirs <= set(CORPORA)
    assert CORPUS.with_name("corpus10") in CORPORA
