"""Build the built-in report templates (hunan.docx, chongqing.docx, sichuan.docx) with python-docx.

Run ``python templates/build.py`` after changing this file; the generated .docx files are committed inside the
package, in ``toolkit/_templates/`` (where the template registry, :mod:`toolkit.templates`, finds them by name).

Each template is a GB/T 9704-2012 公文 page (A4; margins 37/35/28/26 mm; 22 lines of 28 characters) whose
styles carry every font, East Asian font included (w:eastAsia), so Word and WPS never fall back to 宋体. The
text is not here: each outline is a declaration (``toolkit/outlines/NAME.py``) walked at render time
(``toolkit/word/outline.py``) into the one paragraph ``{{p body }}`` every built-in template holds.
``jixiao templates export NAME`` writes the outline out as editable docxtpl tags on this page.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
#: where the built templates go: inside the package, so that a wheel carries them
OUT = HERE.parent / "toolkit" / "_templates"

from toolkit.word import ooxml as X  # noqa: E402

FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"
LINE = Pt(28.95)  # 22 lines in the 225 mm text block
#: w:docGrid character pitch: 28 characters in the 156 mm (442.25 pt) text block. The pitch is the default
#: font size (16 pt) plus charSpace / 4096 pt: 16 - 842 / 4096 = 15.79 pt, x 28 = 442.2 pt. Without it Word and
#: LibreOffice set 27 characters of 16 pt. The grid is the page's measure (Word's page setup says 22 lines of 28
#: characters, and a paragraph a user adds in Normal snaps to it); no style of ours snaps to it (add_style).
CHAR_SPACE = -842
#: Horizontal scale (w:w, percent) of the 3号 text: 16 pt x 98% = 15.68 pt a character, 28 of them 439 pt, 29 of
#: them 454.7 pt: 28 characters a line in the 442.25 pt text block, in LibreOffice as in Word, with no grid.
GRID_SCALE = 98

#: the children of w:pPr in the order of CT_PPr (ECMA-376 Part 1, 17.3.1.26): Word repairs a file out of order
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
             "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
             "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange")


def set_fonts(rpr, font: str) -> None:
    """Set ascii, hAnsi, eastAsia and cs fonts of a w:rPr (East Asian font included, or WPS falls back)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def first_line_chars(style, chars: int) -> None:
    """First-line indent in characters (w:firstLineChars), as Word writes it for Chinese text."""
    ppr = style.element.get_or_add_pPr()
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.append(ind)
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    size = style.font.size.pt if style.font.size else 16
    # Word reads firstLineChars; LibreOffice the twips: two characters of the scaled 3号 text (2 x 15.68 pt, 627
    # twips), so that the first line holds 26 characters after the indent
    width = size * 20 * GRID_SCALE / 100 if size == 16 else size * 20
    ind.set(qn("w:firstLine"), str(int(width * chars)))


def add_style(doc, style_id: str, name: str, font: str, size: float, *, bold: bool = False,
              align=None, indent_chars: int = 0, line: Pt | None = LINE, before: float = 0, after: float = 0,
              keep_next: bool = False, base: str | None = None, scale: bool = True):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), style_id)
    style.base_style = doc.styles[base] if base else None
    style.quick_style = True
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.name = font
    set_fonts(style.element.get_or_add_rPr(), font)
    pf = style.paragraph_format
    pf.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.keep_with_next = keep_next
    pf.widow_control = False
    if line is not None:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = line
    else:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if indent_chars:
        first_line_chars(style, indent_chars)
    if scale:  # 28 characters a line: see GRID_SCALE
        el = OxmlElement("w:w")
        el.set(qn("w:val"), str(GRID_SCALE))
        rpr = style.element.get_or_add_rPr()
        rpr.find(qn("w:sz")).addprevious(el)  # CT_RPr order: ... w:spacing, w:w, w:kern, w:position, w:sz ...
    # Off the document grid (w:snapToGrid 0). On it, LibreOffice widens every run of Latin letters and digits (a
    # number, a year) to a whole number of grid cells: "2021" (33.6 pt) took three (47.4 pt), a 13.8 pt hole
    # before 年, up to a cell after a number (a w:snapToGrid on the run would split each sentence at its numbers).
    # Off the grid the 3号 text keeps 28 characters a line by GRID_SCALE and its lines by the exact spacing; a
    # number is followed only by the space both applications put between CJK and Latin text (w:autoSpaceDE and
    # autoSpaceDN, on by default; LibreOffice: 20% of the font size). Dense text would also get 29 pt lines on it.
    ppr = style.element.get_or_add_pPr()
    el = OxmlElement("w:snapToGrid")
    el.set(qn("w:val"), "0")
    spacing = ppr.find(qn("w:spacing"))
    if spacing is not None:
        spacing.addprevious(el)
    else:
        ppr.append(el)
    return style


def setup(doc) -> None:
    """Page, default fonts, paragraph styles, footers with page numbers."""
    # Document defaults: 仿宋_GB2312 16 pt, Chinese language
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default, FANGSONG)
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    # 3号 as the default size too: the document grid's character pitch is this size plus CHAR_SPACE (LibreOffice
    # reads it here; python-docx's default of 11 pt gave 20 characters a line)
    for tag in ("w:sz", "w:szCs"):
        el = rpr_default.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            lang.addprevious(el)
        el.set(qn("w:val"), "32")
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    set_fonts(normal.element.get_or_add_rPr(), FANGSONG)

    center, left, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
    # not scaled: only the 3号 text is set 28 characters a line
    add_style(doc, X.TITLE, "公文标题", XIAOBIAOSONG, 22, align=center, line=Pt(36), after=29, scale=False)
    add_style(doc, X.BODY, "公文正文", FANGSONG, 16, indent_chars=2)
    add_style(doc, X.LIST, "公文正文（编号）", FANGSONG, 16, indent_chars=2)
    add_style(doc, X.H1, "公文一级标题", HEITI, 16, indent_chars=2, keep_next=True)
    add_style(doc, X.H2, "公文二级标题", KAITI, 16, indent_chars=2, keep_next=True)
    add_style(doc, X.H3, "公文三级标题", FANGSONG, 16, bold=True, indent_chars=2, keep_next=True)
    add_style(doc, X.H4, "公文四级标题", FANGSONG, 16, indent_chars=2, keep_next=True)
    add_style(doc, X.ATTACH_LABEL, "附件标识", HEITI, 16, align=left, keep_next=True)
    add_style(doc, X.ATTACH_TITLE, "附件标题", XIAOBIAOSONG, 18, align=center, line=Pt(30), after=12,
              keep_next=True, scale=False)
    add_style(doc, X.CELL, "表格文字", FANGSONG, 10.5, align=center, line=None, scale=False)
    add_style(doc, X.CELL_LEFT, "表格文字（左对齐）", FANGSONG, 10.5, align=left, line=None,
              scale=False)
    add_style(doc, X.CELL_HEAD, "表格表头", HEITI, 10.5, align=center, line=None, scale=False)
    # 小五 with exact 13 pt lines: a dense table (附件1 基础数据表) that must fit one page
    add_style(doc, X.DENSE, "密排表格文字", FANGSONG, 9, align=center, line=Pt(13), scale=False)
    add_style(doc, X.DENSE_LEFT, "密排表格文字（左对齐）", FANGSONG, 9, align=left, line=Pt(13), scale=False)
    add_style(doc, X.DENSE_HEAD, "密排表格表头", HEITI, 9, align=center, line=Pt(13), scale=False)
    add_style(doc, X.NOTE, "表注", FANGSONG, 12, align=WD_ALIGN_PARAGRAPH.JUSTIFY, line=Pt(18), before=6,
              scale=False)
    add_style(doc, X.PAGE_NUMBER, "页码", SONGTI, 14, line=None, scale=False)

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(24)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), "579")
    grid.set(qn("w:charSpace"), str(CHAR_SPACE))

    # Page numbers "— N —": odd pages right, even pages left, one character in from the edge.
    doc.settings.odd_and_even_pages_header_footer = True
    settings = doc.settings.element
    for stale in ("w:savePreviewPicture", "w:proofState"):  # a thumbnail we do not ship; another text's proofing
        for el in settings.findall(qn(stale)):
            settings.remove(el)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:  # python-docx's default maps the theme's East Asian fonts to Japanese ones
        theme_lang.set(qn("w:eastAsia"), "zh-CN")
    page_number(doc, section.footer.paragraphs[0], right, "right")
    page_number(doc, section.even_page_footer.paragraphs[0], left, "left")
    for part in (doc.styles.element, section.footer._element, section.even_page_footer._element):
        for ppr in part.iter(qn("w:pPr")):
            schema_order(ppr)


def schema_order(ppr) -> None:
    """Put the children of a w:pPr in schema order (python-docx appends w:ind after w:jc, which Word repairs)."""
    rank = {qn(f"w:{name}"): i for i, name in enumerate(PPR_ORDER)}
    children = sorted(ppr, key=lambda el: rank.get(el.tag, len(rank)))  # stable: unknown ones keep their order
    for el in children:
        ppr.append(el)


def page_number(doc, p, align, side: str) -> None:
    p.style = _by_id(doc, X.PAGE_NUMBER)
    p.alignment = align
    ind = OxmlElement("w:ind")
    ind.set(qn(f"w:{side}"), "280")  # one 14 pt character
    p._p.get_or_add_pPr().append(ind)
    p.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        r = p.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            r._r.append(fld)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            r._r.append(instr)
        else:
            r.text = text
    p.add_run(" —")


def para(doc, style: str, text: str, page_break_before: bool = False):
    p = doc.add_paragraph(text, style=_by_id(doc, style))
    if page_break_before:
        p.paragraph_format.page_break_before = True
    return p


def _by_id(doc, style_id: str):
    for s in doc.styles:
        if s.style_id == style_id:
            return s
    raise KeyError(style_id)


# ----------------------------------------------------------------------------------------------------------------
# Outlines
# ----------------------------------------------------------------------------------------------------------------

#: the built-in outlines: each .docx carries the page and the styles; the text is walked from the outline's
#: declaration (toolkit/outlines/NAME.py) at render time and printed by this one paragraph
from toolkit.outlines import NAMES as OUTLINES  # noqa: E402


def build(name: str, target: Path) -> Path:
    doc = Document()
    properties(doc)
    setup(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # python-docx's default document starts with no paragraph
        body.remove(p)
    para(doc, X.BODY, "{{p body }}")
    doc.save(target)
    clean_package(target)
    return target


def properties(doc) -> None:
    """Core properties of the template (the renderer sets each report's title and dates, see
    ``toolkit.word.renderer``); python-docx's default carries 2013 dates and no title."""
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    cp = doc.core_properties
    cp.title = "部门整体支出绩效自评报告"
    cp.author = "jixiao"
    cp.last_modified_by = "jixiao"
    cp.comments = ""
    cp.created = cp.modified = now
    cp.revision = 1


#: parts of python-docx's default template that describe another document: a stale copy of the styles (Word
#: 2010's stylesWithEffects, which openxml-audit and Word flag when it disagrees with styles.xml), a thumbnail of
#: a blank page, and a bibliography store
_STALE_PARTS = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "customXml/")

APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           "<Application>jixiao</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
           "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
           "<HyperlinksChanged>false</HyperlinksChanged></Properties>")


def clean_package(path: Path) -> None:
    """Drop the stale parts of python-docx's default template (and every reference to them) and write our own
    extended properties (docProps/app.xml named "Microsoft Macintosh Word" and a 2013 Normal.dotm)."""
    import zipfile
    from lxml import etree

    def stale(name: str) -> bool:
        return name.startswith(_STALE_PARTS) or name == "customXml"

    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = []
    for name, data in entries:
        if stale(name):
            continue
        if name.endswith(".rels"):
            root = etree.fromstring(data)
            base = name.replace("_rels/", "").removesuffix(".rels")
            folder = base.rsplit("/", 1)[0] + "/" if "/" in base else ""
            for rel in list(root):
                target = rel.get("Target", "")
                resolved = target.lstrip("/") if target.startswith("/") else _join(folder, target)
                if stale(resolved):
                    root.remove(rel)
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        elif name == "[Content_Types].xml":
            root = etree.fromstring(data)
            for el in list(root):
                part = el.get("PartName", "").lstrip("/")
                if (part and stale(part)) or el.get("Extension") == "jpeg":
                    root.remove(el)
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        elif name == "docProps/app.xml":
            data = APP_XML.encode("utf-8")
        out.append((name, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in out:
            z.writestr(name, data)


def _join(folder: str, target: str) -> str:
    """A relationship target relative to its source part's folder, as a part name ("../customXml/x" resolved)."""
    parts = (folder + target).split("/")
    stack: list[str] = []
    for piece in parts:
        if piece == "..":
            if stack:
                stack.pop()
        elif piece and piece != ".":
            stack.append(piece)
    return "/".join(stack)


def main() -> None:
    for name in OUTLINES:
        print(build(name, OUT / f"{name}.docx"))


if __name__ == "__main__":
    main()
