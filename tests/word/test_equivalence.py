"""The renderer's fast paths give what the paths they replaced gave, byte for byte (issue 13).

Each replaced path is kept here, or reachable, as the reference: the attachment tables as the Cell-by-Cell writer
built them (``reference_tables.py``, the code as it was), the body part as Jinja renders it, the listings as the
regex scan found them, a part as ``writestr`` compressed it, the context with every entry worked out, the text
OUT001 reads as unzipped from the file. Compared on every example and fixture and on generated departments of
20, 500 and 2,000 indicators (``bench_check.generate``: the bench's own material).
"""
from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from toolkit import load, loads
from toolkit.word import Renderer
from toolkit.word import renderer as R
from toolkit.word.context import Figures
from toolkit.word.printed import document_text
from toolkit.word.tables import attachment_tables

from tests.word import reference_tables
from tests.word.conftest import REPORTS

ROOT = Path(__file__).resolve().parents[2]
OUTLINES = ("hunan", "chongqing", "sichuan")
SIZES = (20, 500, 2000)


def _generated(n: int):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench_check import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return loads(generate(n, max(10, n // 2 * 5 // 4), n // 4), f"generated-{n}.yaml")


_CACHE: dict[str, object] = {}


def report_of(case: str):
    if case not in _CACHE:
        _CACHE[case] = _generated(int(case[9:])) if case.startswith("generated") else load(ROOT / case)
    return _CACHE[case].report


CASES = [str(p.relative_to(ROOT)) for p in REPORTS] + [f"generated{n}" for n in SIZES]


@pytest.fixture(scope="module")
def renderers() -> dict[str, Renderer]:
    return {name: Renderer(name) for name in OUTLINES}


@pytest.mark.parametrize("case", CASES)
def test_the_attachment_tables_are_what_the_cell_by_cell_writer_wrote(case):
    report = report_of(case)
    fig = Figures(report)
    new = attachment_tables(report, fig)
    assert new == reference_tables.attachment_tables(report, fig)
    assert new or not case.startswith(("generated", "examples/demo"))  # these carry both attachments


@pytest.mark.parametrize("outline", OUTLINES)
@pytest.mark.parametrize("case", CASES)
def test_a_built_in_body_written_in_its_frame_is_what_jinja_renders(case, outline, renderers):
    r = renderers[outline]
    assert r._frame is not None  # every built-in template prints {{p body }} alone
    report = report_of(case)
    ctx = r.context(report)
    part = r._parts["word/document.xml"]
    with r._env.budget():
        framed = "".join(r._framed(ctx["body_xml"]))
    with r._env.budget():
        jinja = r._render_part(part, ctx)
    assert framed == jinja


@pytest.mark.parametrize("outline", OUTLINES)
@pytest.mark.parametrize("case", CASES[:-1])
def test_entries_worked_out_when_read_give_the_body_of_a_complete_context(case, outline, renderers):
    """The lazy entries (Context) depend on nothing the walk changes: computed first or when read, the same body."""
    r = renderers[outline]
    report = report_of(case)
    lazy = r.context(report)
    from toolkit import outlines
    from toolkit.word.context import build_context
    from toolkit.word.outline import Layout, outline_context

    full = build_context(report, r._md, attachment_tables).complete()
    full.update(outline_context(full, [outlines.get(r.outline)], Layout.of(report), charts=True))
    assert lazy["body"] == full["body"]
    if outline == "hunan":  # what only the Sichuan and Chongqing outlines print was never worked out
        assert not dict.__contains__(lazy, "sichuan") and not dict.__contains__(lazy, "scored_indicators")


@pytest.mark.parametrize("outline", OUTLINES)
@pytest.mark.parametrize("case", CASES)
def test_out001_reads_the_same_text_from_the_kept_part_without_a_parser(case, outline, renderers):
    """The renderer keeps the document part it wrote (no read-back of the file); a built-in template's is read
    from its tokens (``printed._own_pieces``), which gives what the XML parse gives."""
    r = renderers[outline]
    report = report_of(case)
    docx = r.render_bytes(report)
    kept = r.document_xml(report)
    assert kept == zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")
    assert document_text(kept, ours=True) == document_text(kept) == document_text(docx)
    assert r.document_xml(report_of(CASES[0] if case != CASES[0] else CASES[1])) is None  # another report's


def _fixed(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


@pytest.mark.parametrize("case", [CASES[0], "generated2000"])
def test_a_part_compressed_piece_by_piece_is_the_zip_writestr_makes(case, renderers, monkeypatch):
    r = renderers["hunan"]
    ctx = r.context(report_of(case))
    part = r._parts["word/document.xml"]
    with r._env.budget():
        pieces = (part.prefix, *r._framed(ctx["body_xml"]), part.suffix)
    monkeypatch.setattr(R, "_zipinfo", _fixed)
    for data in (pieces, ("", "", ""), ("甲" * 70_000, "", "b" * 100_000)):
        old, new = io.BytesIO(), io.BytesIO()
        with zipfile.ZipFile(old, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            z.writestr(_fixed("word/document.xml"), "".join(data).encode("utf-8"))
        with zipfile.ZipFile(new, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            R._write_member(z, "word/document.xml", data)
        assert new.getvalue() == old.getvalue()


# -- listings: found from the special characters, as the regex scan found them ----------------------------------

_SPECIAL_TEXT = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\n\t\a\f]")


def _scanned(xml: str) -> str:
    """The listings as resolved before (a regex scan of every <w:t>)."""
    from docxtpl import DocxTemplate

    out, pos = [], 0
    for m in _SPECIAL_TEXT.finditer(xml):
        if m.start() < pos:
            continue
        start = max(xml.rfind("<w:p>", 0, m.start()), xml.rfind("<w:p ", 0, m.start()))
        end = xml.find("</w:p>", m.start())
        if start < pos or end < 0:
            continue
        end += len("</w:p>")
        out += [xml[pos:start], DocxTemplate.resolve_listing(None, xml[start:end])]
        pos = end
    if not out:
        return xml
    out.append(xml[pos:])
    return "".join(out)


_TEXT = st.text(alphabet="\n\t\a\f甲a> ", max_size=6)
_RUN = st.builds(lambda t, open_: f"<w:r>{open_}{t}</w:t></w:r>", _TEXT,
                 st.sampled_from(["<w:t>", '<w:t xml:space="preserve">']))
_PARAGRAPH = st.builds(lambda attrs, runs: f"<w:p{attrs}>{''.join(runs)}</w:p>",
                       st.sampled_from(["", ' w:rsidR="1"']), st.lists(_RUN, max_size=3))
_OTHER = st.sampled_from(["<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", "<w:tab/>", '<w:x a=">">', "\n", "\t", "a"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_PARAGRAPH, _PARAGRAPH, _OTHER), max_size=12))
def test_listings_are_resolved_as_the_scan_resolved_them(pieces):
    xml = "".join(pieces)
    assert R._resolve_listings(xml) == _scanned(xml)


@pytest.mark.parametrize("case", CASES[:-1])
def test_listings_of_every_rendered_body_are_resolved_as_the_scan_resolved_them(case, renderers):
    ctx = renderers["sichuan"].context(report_of(case))
    body = str(ctx["body"]).replace("。", "。\n", 3)  # a few raw line breaks inside texts, besides the title's
    assert R._resolve_listings(body) == _scanned(body)
