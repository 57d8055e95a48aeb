"""GB/T 9704 layout of the rendered document: page, margins, style fonts (East Asian included), footers, tables."""
from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from toolkit.word import ooxml as X

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def doc(rendered):
    return Document(str(rendered(FIXTURES / "escape.yaml")))


def _style(doc, style_id):
    return next(s for s in doc.styles if s.style_id == style_id)


def _east_asia(style) -> str | None:
    fonts = style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_page_and_margins(doc):
    s = doc.sections[0]
    got = (s.page_width, s.page_height, s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)
    want = (Mm(210), Mm(297), Mm(37), Mm(35), Mm(28), Mm(26))
    assert all(abs(g - w) < Mm(0.1) for g, w in zip(got, want)), (got, want)  # stored in twips


@pytest.mark.parametrize("style_id, font, size", [
    (X.TITLE, "方正小标宋简体", 22), (X.BODY, "仿宋_GB2312", 16), (X.H1, "黑体", 16), (X.H2, "楷体_GB2312", 16),
    (X.H3, "仿宋_GB2312", 16), (X.H4, "仿宋_GB2312", 16), (X.ATTACH_LABEL, "黑体", 16), (X.CELL, "仿宋_GB2312", 10.5),
    (X.PAGE_NUMBER, "宋体", 14), (X.DENSE, "仿宋_GB2312", 9), (X.DENSE_HEAD, "黑体", 9),
])
def test_style_fonts(doc, style_id, font, size):
    style = _style(doc, style_id)
    fonts = style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia")} == {font}
    assert style.font.size == Pt(size)


def test_body_indent_and_fixed_line_spacing(doc):
    body = _style(doc, X.BODY)
    ind = body.element.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert body.paragraph_format.line_spacing_rule == 4  # EXACTLY
    assert Pt(28) <= body.paragraph_format.line_spacing <= Pt(29)
    assert _style(doc, X.H3).font.bold is True
    assert _style(doc, X.TITLE).paragraph_format.alignment == 1  # centred


def test_title_paragraph_uses_title_style(doc):
    first = next(p for p in doc.paragraphs if p.text)
    assert first.style.style_id == X.TITLE and first.text.endswith("部门整体支出绩效自评报告")


def test_footers_hold_a_page_field_odd_right_even_left(doc):
    s = doc.sections[0]
    assert doc.settings.odd_and_even_pages_header_footer
    for footer, align in ((s.footer, 2), (s.even_page_footer, 0)):
        p = footer.paragraphs[0]
        assert "PAGE" in "".join(t.text for t in p._p.iter(qn("w:instrText")))
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert p.alignment == align
        assert p.style.style_id == X.PAGE_NUMBER


def test_attachments_start_on_a_new_page(doc):
    labels = [p for p in doc.paragraphs if p.style.style_id == X.ATTACH_LABEL and p.text.startswith("附件")
              and p.text != "附件4"]
    assert [p.text for p in labels] == ["附件1", "附件2"]
    assert all(p.paragraph_format.page_break_before for p in labels)


def test_tables_have_borders_dense_font_and_repeated_header(doc):
    assert len(doc.tables) == 3
    for t in doc.tables:
        borders = t._tbl.tblPr.find(qn("w:tblBorders"))
        assert {b.tag.split("}")[1] for b in borders} >= {"top", "left", "bottom", "right", "insideH", "insideV"}
        for p in t._tbl.iter(qn("w:pStyle")):
            assert p.get(qn("w:val")) in (X.CELL, X.CELL_LEFT, X.CELL_HEAD, X.DENSE, X.DENSE_LEFT, X.DENSE_HEAD)
    indicator = doc.tables[-1]._tbl
    first_row = indicator.tr_lst[0]
    assert first_row.trPr.find(qn("w:tblHeader")) is not None
    assert all(tr.trPr is None or tr.trPr.find(qn("w:tblHeader")) is None for tr in indicator.tr_lst[1:])


@pytest.mark.parametrize("name, date, name_right, date_right", [
    ("岷溪县经济信息化和科学技术局", "2022年3月25日", 2, 7.5),  # 14 and 6.5 characters: the date under the name
    ("某局", "2023年12月31日", 9, 2),  # the date is longer: it is 右空二字 and the name moves right
])
def test_signature_is_two_characters_from_the_right_and_the_date_two_right_of_the_name(name, date, name_right,
                                                                                    date_right):
    """GB/T 9704 7.3.5.2: the name 右空二字; the date's first character two characters right of the name's first."""
    from lxml import etree

    xml = f'<w:body xmlns:w="{qn("w:p").split("}")[0][1:]}">{X.signature(name, date)}</w:body>'
    paras = etree.fromstring(xml).findall(qn("w:p"))
    rights = [int(p.find(f"{qn('w:pPr')}/{qn('w:ind')}").get(qn("w:rightChars"))) / 100 for p in paras]
    assert rights == [name_right, date_right]
    starts = [28 - r - X.text_width(t) for r, t in zip(rights, (name, date))]
    assert starts[1] - starts[0] == 2 and min(rights) == 2
