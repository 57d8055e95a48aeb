"""WordprocessingML fragments as strings: runs, paragraphs and tables in the report's styles.

The renderer builds rich content (Markdown narrative, numbered lists, the attachment tables) as XML text and hands
it to Jinja as :class:`markupsafe.Markup`, so autoescaping leaves it alone while every user value inside it goes
through :func:`esc`. Building strings is much faster than building python-docx objects, and the result is plain
OOXML that Word, WPS and LibreOffice all read.

Style ids below are defined by ``templates/build.py`` in the built-in templates (and copied into a user's template
that lacks them, see :mod:`toolkit.word.renderer`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from markupsafe import Markup

# Paragraph style ids (w:styleId) shared by the template builder and the renderer.
TITLE = "JxTitle"
H1, H2, H3, H4 = "JxH1", "JxH2", "JxH3", "JxH4"
BODY = "JxBody"
LIST = "JxList"  # a body paragraph that starts with a number the renderer wrote (same look as BODY)
CELL = "JxCell"  # dense table text, centred
CELL_LEFT = "JxCellLeft"  # dense table text, left-aligned (long text)
CELL_HEAD = "JxCellHead"  # table header text (bold, centred)
#: 小五 (9 pt) variants with exact 13 pt lines, for a table that must fit one page (附件1 基础数据表)
DENSE, DENSE_LEFT, DENSE_HEAD = "JxDense", "JxDenseLeft", "JxDenseHead"
ATTACH_LABEL = "JxAttachLabel"  # "附件1": 黑体, top left, starts a new page
ATTACH_TITLE = "JxAttachTitle"  # attachment title, centred
NOTE = "JxNote"  # small text under a table (说明, 填表人)
PAGE_NUMBER = "JxPageNumber"

STYLE_IDS = (TITLE, H1, H2, H3, H4, BODY, LIST, CELL, CELL_LEFT, CELL_HEAD, DENSE, DENSE_LEFT, DENSE_HEAD,
             ATTACH_LABEL, ATTACH_TITLE, NOTE, PAGE_NUMBER)

_BAD_XML_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: A4 text block width (156 mm) in twentieths of a point.
TEXT_WIDTH = 8845


_ESCAPED = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(text: object) -> str:
    """Escape text for XML content; characters XML cannot hold are dropped. Most text holds neither: returned as it
    is after one search, or, for a text ``isprintable`` (no control character, no U+FFFE / U+FFFF: a third of the
    search's time), three tests for the characters to escape."""
    s = str(text)
    if s.isprintable():
        if "&" not in s and "<" not in s and ">" not in s:
            return s
    elif _ESCAPED.search(s) is None:
        return s
    s = _BAD_XML_CHARS.sub("", s)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mm(value: float) -> int:
    """Millimetres to twentieths of a point (twips)."""
    return round(value * 1440 / 25.4)


@dataclass(frozen=True)
class Span:
    """A piece of text with its inline formatting."""

    text: str
    bold: bool = False
    italic: bool = False


def run(text: str, bold: bool = False, italic: bool = False) -> str:
    if not text:
        return ""
    props = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def paragraph(content: str | Sequence[Span], style: str = BODY, align: str | None = None,
              keep_next: bool = False, page_break_before: bool = False, no_indent: bool = False) -> str:
    """One paragraph; ``content`` is plain text or a sequence of spans."""
    ppr = f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if page_break_before:
        ppr += "<w:pageBreakBefore/>"
    if no_indent:
        ppr += '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    if isinstance(content, str):
        runs = run(content)
    else:
        runs = "".join(run(s.text, s.bold, s.italic) for s in content)
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"


def markup(parts: Iterable[str]) -> Markup:
    """Join XML fragments into one value Jinja will not escape."""
    return Markup("".join(parts))


# ----------------------------------------------------------------------------------------------------------------
# Tables
# ----------------------------------------------------------------------------------------------------------------


@dataclass
class Cell:
    """A table cell: its paragraphs (XML), how many grid columns it spans, and its vertical merge state."""

    paragraphs: str
    span: int = 1
    vmerge: str | None = None  # "restart", "continue" or None
    valign: str = "center"


def cell(text: object = "", style: str = CELL, span: int = 1, vmerge: str | None = None) -> Cell:
    """A cell holding one paragraph of plain text (multi-line text becomes several paragraphs)."""
    lines = str(text).split("\n") if text is not None else [""]
    return Cell("".join(paragraph(line, style) for line in lines), span, vmerge)


def merged(text: object, first: bool, style: str = CELL, span: int = 1) -> Cell:
    """A vertically merged cell: the first row holds the text, the following rows continue the merge."""
    if first:
        return cell(text, style, span, "restart")
    return Cell(paragraph("", style), span, "continue")


def table_open(widths: Sequence[int], margin: int = 28) -> str:
    """A table's start: its properties (single borders on every cell, fixed layout, centred) and its grid.
    ``margin`` is the cell's top and bottom padding in twips (0 for a dense table)."""
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return ("<w:tbl><w:tblPr>"
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f"<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
            f'<w:tblCellMar><w:top w:w="{margin}" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
            f'<w:bottom w:w="{margin}" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>")


def row_open(header: bool, cant_split: bool = True) -> str:
    """A row's start; a header row repeats on every page."""
    trpr = ("<w:cantSplit/>" if cant_split else "") + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{trpr}</w:trPr>" if trpr else "<w:tr>"


class Columns:
    """The cell starts (``<w:tc>`` and its properties) of a table's grid: a cell's properties depend on its
    column, span, merge and alignment only, so each combination is written once per table."""

    def __init__(self, widths: Sequence[int]) -> None:
        self.count = len(widths)
        self._starts = [0]
        for w in widths:
            self._starts.append(self._starts[-1] + w)
        self._opened: dict[tuple, str] = {}

    def open(self, col: int, span: int = 1, vmerge: str | None = None, valign: str = "center") -> str:
        key = (col, span, vmerge, valign)
        head = self._opened.get(key)
        if head is None:
            starts, n = self._starts, self.count
            tcpr = f'<w:tcW w:w="{starts[min(col + span, n)] - starts[min(col, n)]}" w:type="dxa"/>'
            if span > 1:
                tcpr += f'<w:gridSpan w:val="{span}"/>'
            if vmerge == "restart":
                tcpr += '<w:vMerge w:val="restart"/>'
            elif vmerge == "continue":
                tcpr += "<w:vMerge/>"
            tcpr += f'<w:vAlign w:val="{valign}"/>'
            head = self._opened[key] = f"<w:tc><w:tcPr>{tcpr}</w:tcPr>"
        return head


def table(widths: Sequence[int], rows: Sequence[Sequence[Cell]], header_rows: int = 0,
          cant_split: bool = True, margin: int = 28) -> str:
    """A table with single borders on every cell; the first ``header_rows`` rows repeat on each page.

    ``margin`` is the cell's top and bottom padding in twips (0 for a dense table).
    """
    out = [table_open(widths, margin)]
    columns = Columns(widths)
    empty = paragraph("", CELL)
    for r, cells in enumerate(rows):
        out.append(row_open(r < header_rows, cant_split))
        col = 0
        for c in cells:
            out.append(columns.open(col, c.span, c.vmerge, c.valign))
            out.append(c.paragraphs or empty)
            out.append("</w:tc>")
            col += c.span
        if col != len(widths):
            raise ValueError(f"row {r} covers {col} grid columns, table has {len(widths)}")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def spacer() -> str:
    """A hairline paragraph: keeps two tables apart (Word would join adjacent tables) without a visible gap."""
    return ('<w:p><w:pPr><w:pStyle w:val="JxCell"/><w:spacing w:before="0" w:after="0" w:line="20" '
            'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>')


#: a character of the 28-character grid, in twips (15.79 pt; see CHAR_SPACE in templates/build.py)
GRID_CHAR = 315


def text_width(text: str) -> float:
    """Printed width in grid characters: CJK characters and full-width marks one, ASCII letters and digits half."""
    return sum(0.5 if ord(c) < 0x2E80 else 1 for c in text)


def signature(name: str, date: str = "", keep_next: bool = False) -> str:
    """署名 and 成文日期 without a seal (GB/T 9704 7.3.5.2): the name 右空二字 (two characters from the right margin),
    the date on the next line with its first character two characters right of the name's first; a date longer
    than that is 右空二字 itself and the name moves right to keep the two characters."""
    nw, dw = text_width(name), text_width(date)
    name_right, date_right = 2.0, nw - dw
    if date and date_right < 2:
        date_right, name_right = 2.0, dw - nw + 4

    def line(text: str, right: float, keep: bool, blank_before: bool) -> str:
        space = '<w:spacing w:before="579"/>' if blank_before else ""  # 下空一行: one line of the grid
        ind = f'<w:ind w:right="{round(right * GRID_CHAR)}" w:rightChars="{round(right * 100)}"/>'
        return (f'<w:p><w:pPr><w:pStyle w:val="{BODY}"/>{"<w:keepNext/>" if keep else ""}{space}{ind}'
                f'<w:jc w:val="right"/></w:pPr>{run(text)}</w:p>')

    return (line(name, name_right, keep_next and bool(date), True)
            + (line(date, date_right, False, False) if date else ""))
