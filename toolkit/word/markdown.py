"""Narrative Markdown -> native Word paragraphs and runs in the report's styles (never altChunk).

What a finance officer writes and what comes out:

* Every line is a paragraph (reports are typed one paragraph per line; Markdown's "blank line between paragraphs"
  is not needed). Leading spaces and full-width spaces are dropped: the style indents the first line by two
  characters.
* ``**粗体**`` and ``*斜体*`` become bold / italic runs; ``# 标题`` becomes a bold paragraph (the report's own
  headings and their numbers come from the outline, never from the narrative).
* Numbered lists (``1. …``) keep the numbers the user wrote, printed in 公文 style as plain text: ``1.`` at the first
  level, ``（1）`` when nested. The number is text, not Word auto-numbering, so it survives copy and paste, WPS and
  later editing exactly as a finance office expects. Numbers typed the Chinese way (``1、``, ``（1）``) are not
  Markdown lists and stay exactly as typed.
* Bulleted lists (``- …``) become plain paragraphs: 公文 use no bullet glyphs.
* Nothing else is syntax, so what is typed is what is printed: ``&``, ``<`` and ``>`` are text, never HTML;
  ``_`` never marks emphasis (``__class__``, ``file_name``); ``[``, ``]``, the backquote, the backslash, ``!``
  and a ``#`` that does not start a heading (``# `` with a space) are text (no links, images, code or escapes).
  An asterisk is emphasis only when it could be: a run of ``*`` between two ASCII letters or digits (``7*7``,
  ``2*3*4``), standing alone between spaces, or longer than three is printed as typed.

The rules are applied by hiding the characters that are always text from Python-Markdown (as private-use
stand-ins, restored in the runs), which also keeps its inline parsing linear: 10,000 ``[`` used to take 29 s.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

import markdown as md_lib
from lxml import html as lxml_html

from ..claims.headings import heading_level
from .ooxml import BODY, LIST, Span, paragraph

_LIST_MARKER = re.compile(r"^(\d+[.)]|[-*+])\s+")
_HEADING = re.compile(r"^#{1,6}(?=\s)")
#: Text without any Markdown syntax takes a fast path (most Chinese narrative is plain lines).
_MARKDOWN_SYNTAX = re.compile(r"\*|^[ \t\u3000]*(\d+[.)]|[-+>])(\s|$)|^[ \t\u3000]*#{1,6}\s|^[ \t\u3000]*(={3,}|-{3,})",
                              re.M)
_INDENT = " \t\u3000"
#: characters that are always text, and the private-use stand-ins Python-Markdown sees instead
_ALWAYS_TEXT = "[]`\\_!#*"
_HIDE = {ord(c): 0xE000 + i for i, c in enumerate(_ALWAYS_TEXT)}
_RESTORE = {v: k for k, v in _HIDE.items()}
_STARS = re.compile(r"\*+")


def _literal_stars(m: re.Match) -> str:
    """A run of ``*`` hidden (printed as typed) unless it can be emphasis; see the module's docstring."""
    text, i, j = m.string, m.start(), m.end()
    left, right = text[i - 1: i], text[j: j + 1]
    between_words = left.isascii() and left.isalnum() and right.isascii() and right.isalnum()
    alone = (not left or left.isspace()) and (not right or right.isspace())
    if j - i > 3 or between_words or alone:
        return m.group().translate(_HIDE)
    return m.group()


def _hide_literals(line: str) -> str:
    """A line's content with every always-text character hidden; a heading's leading ``#`` stays syntax."""
    head = _HEADING.match(line)
    start = head.end() if head else 0
    body = _STARS.sub(_literal_stars, line[start:])
    return line[:start] + body.translate({k: v for k, v in _HIDE.items() if k != ord("*")})


def number_prefix(n: int, depth: int) -> str:
    """``1.`` at depth 0, ``（1）`` at depth 1, ``①``-style fallback deeper (as ``1)``)."""
    if depth == 0:
        return f"{n}."
    if depth == 1:
        return f"（{n}）"
    return f"{n})"


def _lines(text: str) -> Iterator[tuple[int, str, re.Match | None]]:
    """Each line that is not blank: its indentation (characters), the line without it, its list marker."""
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = raw.lstrip(_INDENT)
        if stripped.strip():
            yield len(raw) - len(stripped), stripped, _LIST_MARKER.match(stripped)


def _prepare(text: str) -> str:
    """One paragraph per line; list indentation normalised to Python-Markdown's four spaces per level."""
    lines = []
    for width, stripped, marker in _lines(text):
        if marker:
            lines.append("    " * ((width + 1) // 2) + marker.group() + _hide_literals(stripped[marker.end():].rstrip()))
        else:
            lines.append(_hide_literals(stripped.rstrip()))
    source = "\n\n".join(lines)
    return source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


#: at most this many characters of texts and their XML are kept by :meth:`MarkdownConverter.to_xml`
KEPT_CHARS = 4_000_000


class MarkdownConverter:
    """Converts narrative Markdown to paragraph XML. One instance per renderer (Python-Markdown is stateful)."""

    def __init__(self) -> None:
        self._md = md_lib.Markdown(extensions=["sane_lists"], lazy_ol=False)
        #: :meth:`to_xml` of the texts met before, by (text, style, list style, depth): a pure function of them
        self._xml: dict[tuple[str, str, str, int], str] = {}
        self._xml_chars = 0

    def spans_blocks(self, text: str | None, depth: int = 0) -> list[tuple[str, list[Span]]]:
        """``[(prefix, spans), …]``, one per paragraph; prefix is a list number such as ``1.`` or ``（1）``.

        ``depth`` 1 numbers a top-level list ``（1）`` instead of ``1.`` (a list under a "1." heading)."""
        if text is None or not str(text).strip():
            return []
        if not _MARKDOWN_SYNTAX.search(str(text)):
            lines = (line.strip(_INDENT) for line in str(text).replace("\r", "\n").split("\n"))
            return [("", [Span(line)]) for line in lines if line]
        simple = simple_blocks(str(text), depth)
        return simple if simple is not None else self.converted(text, depth)

    def converted(self, text: str, depth: int = 0) -> list[tuple[str, list[Span]]]:
        """:meth:`spans_blocks` through Python-Markdown, whatever the text (the fast path for plain text skips it:
        the tests prove both give the same on every text of the examples and fixtures)."""
        self._md.reset()
        html = self._md.convert(_prepare(str(text)))
        if not html.strip():
            return []
        root = lxml_html.fragment_fromstring(html, create_parent="div")
        out: list[tuple[str, list[Span]]] = []
        self._blocks(root, out, depth=depth - 1)
        return out

    def to_xml(self, text: str | None, style: str = BODY, list_style: str = LIST, depth: int = 0) -> str:
        """Paragraph XML for a Markdown text (empty string for None/blank); ``depth`` as in :meth:`spans_blocks`.

        The XML is a function of the text, the two styles and the depth alone, so it is kept for the texts met
        again (a batch's standard phrases, a unit's texts in another outline), at most :data:`KEPT_CHARS`
        characters of texts and XML in all (the whole store is dropped when full: memory stays flat)."""
        if type(text) is not str or type(style) is not str or type(list_style) is not str or type(depth) is not int:
            return self._to_xml(text, style, list_style, depth)
        key = (text, style, list_style, depth)
        xml = self._xml.get(key)
        if xml is None:
            xml = self._to_xml(text, style, list_style, depth)
            size = len(text) + len(xml)
            if self._xml_chars + size > KEPT_CHARS:
                self._xml.clear()
                self._xml_chars = 0
            self._xml[key] = xml
            self._xml_chars += size
        return xml

    def _to_xml(self, text: str | None, style: str, list_style: str, depth: int) -> str:
        """:meth:`to_xml`, worked out."""
        parts = []
        for prefix, spans in self.spans_blocks(text, depth):
            if prefix:
                parts.append(paragraph([Span(prefix), *spans], list_style))
            else:
                xml = paragraph(spans, style)
                parts.append(_heading_face(xml, spans) if style == BODY else xml)
        return "".join(parts)

    def inline(self, text: str | None) -> list[Span]:
        """The spans of a short text (one paragraph; several lines are joined)."""
        spans: list[Span] = []
        for _prefix, s in self.spans_blocks(text):
            spans.extend(s)
        return spans

    def numbered_xml(self, items: Iterable[str], prefix_of, style: str = LIST) -> str:
        """Each item as one paragraph starting with ``prefix_of(n)`` (n from 1)."""
        return "".join(paragraph([Span(prefix_of(n)), *self.inline(item)], style)
                       for n, item in enumerate(items, 1))

    # -- tree walking ------------------------------------------------------------------------------------------

    def _blocks(self, el, out: list, depth: int) -> None:
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"):
                bold = tag.startswith("h")
                for line in _inline_lines(child, bold, False):
                    if line:
                        out.append(("", line))
            elif tag in ("ol", "ul"):
                start = int(child.get("start", "1") or 1) if tag == "ol" else 1
                self._list(child, out, depth + 1, ordered=(tag == "ol"), start=start)
            elif tag in ("blockquote", "div"):
                self._blocks(child, out, depth)
            elif tag == "hr":
                continue
            else:
                for line in _inline_lines(child, False, False):
                    if line:
                        out.append(("", line))

    def _list(self, el, out: list, depth: int, ordered: bool, start: int) -> None:
        n = start
        for li in el:
            if not isinstance(li.tag, str) or li.tag != "li":
                continue
            prefix = number_prefix(n, depth) if ordered else ""
            first = True
            # inline content directly in <li> (tight list) or inside its <p> children (loose list)
            inline_holder = _LiInline(li)
            for line in _inline_lines(inline_holder, False, False):
                if line:
                    out.append((prefix if first else "", line))
                    first = False
            for child in li:
                if not isinstance(child.tag, str):
                    continue
                if child.tag == "p":
                    for line in _inline_lines(child, False, False):
                        if line:
                            out.append((prefix if first else "", line))
                            first = False
                elif child.tag in ("ol", "ul"):
                    if first and prefix:
                        out.append((prefix, []))
                        first = False
                    s = int(child.get("start", "1") or 1) if child.tag == "ol" else 1
                    self._list(child, out, depth + 1, ordered=(child.tag == "ol"), start=s)
            if first and prefix:
                out.append((prefix, []))
            n += 1


# -- the simple Markdown of most narratives, without Python-Markdown ----------------------------------------------

#: what a text on the simple path may not hold: control characters, the private-use stand-ins, tabs (expanded)
_NOT_SIMPLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\ue0ff\ufffe\uffff\t]")
#: a top-level item: "1. " (ordered) or "- " / "+ " (bulleted), then its text
_ITEM = re.compile(r"(?:(\d+)\.|[-+]) +(?=\S)")
#: what an item's or a line's text may not start with on the simple path (a list, a heading, a rule inside it)
_BLOCKISH = re.compile(r"\d+[.)]\s|[-*+]\s|#|[-=_*]{3}|[-*+]$")


def simple_blocks(text: str, depth: int = 0) -> list[tuple[str, list[Span]]] | None:
    """:meth:`MarkdownConverter.spans_blocks` of a text in the Markdown most narratives use — lines, top-level
    lists numbered "1. " or bulleted "- ", and ``**bold**`` — without Python-Markdown; None for anything else
    (nested or "*" lists, headings, rules, emphasis other than one pair of ``**`` around text …), which goes
    through :meth:`MarkdownConverter.converted`. The tests prove both equal on every text of the examples and
    fixtures and on generated texts of that Markdown."""
    if _NOT_SIMPLE.search(text):
        return None
    out: list[tuple[str, list[Span]]] = []
    previous, n = "", 0  # the kind of the line before ("ol", "ul", "p") and the ordered list's number
    for width, stripped, marker in _lines(text):
        if _RULE_LIKE.fullmatch(stripped) and sum(map(stripped.count, "-_*")) >= 3:
            return None  # a thematic break to Python-Markdown ("- --", "***"), even after a list marker
        if marker:
            item = _ITEM.match(stripped)
            if item is None or item.end() != marker.end() or width:
                return None  # "1)", "* ", a marker followed by other white space, or an indented (nested) item
            content, kind = stripped[item.end():].rstrip(), "ol" if item.group(1) else "ul"
        else:
            if _HEADING.match(stripped):
                return None
            content, kind = stripped.rstrip(), "p"
        if _BLOCKISH.match(content) or content[0].isspace():  # Python-Markdown strips any white space there
            return None
        spans = _strong_spans(content)
        if spans is None:
            return None
        if kind == "ol":
            n = n + 1 if previous == "ol" else int(item.group(1))
            out.append((number_prefix(n, depth), spans))
        else:
            out.append(("", spans))
        previous = kind
    return out


#: a line of rule characters and white space only: declined when it holds three of them (Python-Markdown may read
#: a thematic break there)
_RULE_LIKE = re.compile(r"[-_*\s]*")


def _strong_spans(content: str) -> list[Span] | None:
    """A line's runs when its only emphasis is ``**text**`` (the stars :func:`_literal_stars` leaves as syntax
    come in pairs of two around text without stars or white space at its edges: Python-Markdown's delimiter runs
    then pair in order), else None."""
    hidden = _STARS.sub(_literal_stars, content)
    pieces = hidden.split("**")
    if "*" in hidden.replace("**", "") or len(pieces) % 2 == 0:
        return None
    spans = []
    for k, piece in enumerate(pieces):
        if k % 2 and (not piece or piece[0].isspace() or piece[-1].isspace()):
            return None  # a "**" followed by white space cannot open, one after white space cannot close
        if piece:
            spans.append(Span(piece.translate(_RESTORE), bool(k % 2)))
    merged = _merge(spans)
    return merged or None


#: the faces of the outline's level-1 and level-2 headings (styles JxH1 and JxH2 of templates/build.py)
_HEADING_FACES = {1: "黑体", 2: "楷体_GB2312"}


def _heading_face(xml: str, spans: list[Span]) -> str:
    """A line the user numbered as a 公文 heading of level 1 or 2 ("（一）加强经济运行监测分析调度", no sentence after
    it) is printed in that level's face (GB/T 9704: 黑体 / 楷体, not the body's 仿宋) and kept with the next line.
    It stays a body paragraph: the outline's heading styles (and their numbers) are the outline's own. Levels 3
    and 4 share the body's face (a short list item reads the same)."""
    face = _HEADING_FACES.get(heading_level("".join(s.text for s in spans)))
    if face is None:
        return xml
    fonts = f'<w:rFonts w:ascii="{face}" w:hAnsi="{face}" w:eastAsia="{face}" w:cs="{face}"/>'
    xml = xml.replace("<w:r><w:rPr>", f"<w:r><w:rPr>{fonts}").replace("<w:r><w:t", f"<w:r><w:rPr>{fonts}</w:rPr><w:t")
    return xml.replace(f'<w:pStyle w:val="{BODY}"/>', f'<w:pStyle w:val="{BODY}"/><w:keepNext/>', 1)


class _LiInline:
    """The inline part of an <li>: its text and inline children, without nested blocks."""

    _BLOCK = {"p", "ol", "ul", "blockquote", "pre", "div"}

    def __init__(self, li) -> None:
        self.text = li.text
        self._children = [c for c in li if not (isinstance(c.tag, str) and c.tag in self._BLOCK)]
        # the tail of a block child belongs to the li's inline flow too, but Python-Markdown never emits one
        self.tag = "li"

    def __iter__(self):
        return iter(self._children)


def _inline_lines(el, bold: bool, italic: bool) -> list[list[Span]]:
    """Inline content of an element as lines of spans (``<br>`` and newlines inside ``<pre>`` split lines)."""
    lines: list[list[Span]] = [[]]

    def add(text: str | None, b: bool, i: bool) -> None:
        if not text:
            return
        text = text.replace("\r", "").translate(_RESTORE)
        pieces = text.split("\n")
        for k, piece in enumerate(pieces):
            if k:
                lines.append([])
            if piece:
                lines[-1].append(Span(piece, b, i))

    def walk(node, b: bool, i: bool) -> None:
        add(node.text, b, i)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "br":
                lines.append([])
            elif tag in ("ol", "ul", "p"):
                pass  # handled by the block walker
            else:
                walk(child, b or tag in ("strong", "b"), i or tag in ("em", "i"))
            add(child.tail, b, i)

    walk(el, bold, italic)
    return [_merge(line) for line in lines]


def _merge(spans: list[Span]) -> list[Span]:
    """Join neighbouring spans with the same formatting; trim the line's outer whitespace."""
    out: list[Span] = []
    for s in spans:
        if out and out[-1].bold == s.bold and out[-1].italic == s.italic:
            out[-1] = Span(out[-1].text + s.text, s.bold, s.italic)
        else:
            out.append(s)
    if out:
        out[0] = Span(out[0].text.lstrip(_INDENT + "\n"), out[0].bold, out[0].italic)
        out[-1] = Span(out[-1].text.rstrip(_INDENT + "\n"), out[-1].bold, out[-1].italic)
    return [s for s in out if s.text]
