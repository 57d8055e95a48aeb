"""Every example renders; its text matches the golden snapshot; LibreOffice converts it to PDF.

Regenerate the snapshots after an intended change with ``JIXIAO_UPDATE_SNAPSHOTS=1 python -m pytest tests/word``
and read the diff.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from toolkit.load import load

from .conftest import REPORTS, SNAPSHOTS
from .docx_text import docx_text

UPDATE = os.environ.get("JIXIAO_UPDATE_SNAPSHOTS") == "1"


@pytest.mark.parametrize("yaml_path", REPORTS, ids=lambda p: p.stem)
def test_text_matches_snapshot(yaml_path, rendered):
    text = docx_text(rendered(yaml_path))
    snap = SNAPSHOTS / f"{yaml_path.stem}.txt"
    if UPDATE or not snap.exists():
        snap.parent.mkdir(parents=True, exist_ok=True)
        snap.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"snapshot {snap.name} was missing and has been written: review and commit it")
    assert text == snap.read_text(encoding="utf-8"), (
        f"rendered text differs from {snap}; if intended, rerun with JIXIAO_UPDATE_SNAPSHOTS=1 and review the diff")


@pytest.mark.parametrize("outline", ["hunan", "chongqing", "sichuan"])
@pytest.mark.parametrize("yaml_path", REPORTS, ids=lambda p: p.stem)
def test_no_markdown_or_template_syntax_leaks(yaml_path, outline, tmp_path):
    """Every report in BOTH outlines: no Markdown marker (**, __, a line starting "#" or "- ") and no Jinja tag."""
    from toolkit.word import render

    text = docx_text(render(load(yaml_path), tmp_path / "out.docx", template=outline))
    for leak in ("**", "__", "{{", "}}", "{%", "%}"):
        assert leak not in text, f"{leak!r} left in the {outline} rendering of {yaml_path.name}"
    for line in text.splitlines():
        assert not re.match(r"\s*(#+|[-*+])\s", line), f"Markdown marker in {line!r} ({outline}, {yaml_path.name})"


def _total(path):
    from toolkit import derive

    return derive.total_score(load(path).report)


SCORED = [p for p in REPORTS if _total(p) is not None]


def test_most_reports_have_a_total_score():
    assert len(SCORED) >= 5


@pytest.mark.parametrize("yaml_path", SCORED, ids=lambda p: p.stem)
def test_derived_figures_are_printed(yaml_path, rendered):
    """The total score (declared or derived) appears whenever the report has one: in a sentence, or in the 自评表's
    总分 row where the narrative states the score itself (the generated sentence would repeat it, issue 8)."""
    import re

    from toolkit.numbers import fmt_written

    score = fmt_written(_total(yaml_path))
    text = docx_text(rendered(yaml_path))
    assert f"得分{score}分" in text or re.search(rf"^总分 \| [^|]+ \| {re.escape(score)} \|", text, re.M)


@pytest.mark.slow
@pytest.mark.parametrize("yaml_path", REPORTS, ids=lambda p: p.stem)
def test_converts_to_pdf(yaml_path, pdf_of):
    pdf = pdf_of(yaml_path)
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        title = load(yaml_path).report.unit.name
        assert title[:6] in text.replace(" ", "")
