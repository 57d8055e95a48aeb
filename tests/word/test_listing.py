"""Newlines in values become Word line breaks (w:br), in the paragraphs that hold them and nowhere else."""
from __future__ import annotations

import re
import zipfile

from toolkit import load, render
from toolkit.word.renderer import _resolve_listings

from tests.conftest import EXAMPLES


def test_no_raw_newline_or_tab_is_left_in_any_text_run(tmp_path):
    out = tmp_path / "demo.docx"
    render(load(EXAMPLES / "demo-2023.yaml"), out)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert not re.search(r"<w:t(?: [^>]*)?>[^<]*[\n\t]", xml)
    # the default title breaks after 年度 with a real line break
    title = next(p for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S) if "部门整体支出绩效自评报告" in p)
    assert "<w:br/>" in title


def test_only_the_paragraph_with_a_newline_changes():
    plain = '<w:p><w:r><w:t>甲</w:t></w:r></w:p>'
    broken = '<w:p w:rsidR="1"><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>乙\n丙</w:t></w:r></w:p>'
    xml = plain + broken + plain
    out = _resolve_listings(xml)
    assert out.startswith(plain) and out.endswith(plain)
    assert '乙</w:t><w:br/><w:t xml:space="preserve">丙' in out
    assert _resolve_listings(plain * 3) == plain * 3


def test_control_characters_in_an_unvalidated_report_never_reach_the_xml():
    import io

    import docx

    from toolkit.word import Renderer

    report = load(EXAMPLES / "demo-2023.yaml").report
    report.label = "附件\b4\x00"  # assignment is not validated: the model would refuse this at load
    data = Renderer("hunan").render_bytes(report)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "附件4" in text
