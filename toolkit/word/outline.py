"""Walk an outline declaration (:mod:`toolkit.outlines`) over a report's context: the report body.

The walk renders every block once (a generated sentence, a Markdown field, a list, prebuilt paragraphs, the
closing attachments), applies the YAML ``layout:`` (a heading renamed, a section or block omitted, a block
replaced by the user's own Markdown), drops every heading whose blocks print nothing (numbers close up) unless
the outline keeps it as a fixed chapter with its "无…" sentence, and numbers the headings that remain.

The result serves two kinds of template: the built-in ones print ``body`` (one ``{{p body }}`` paragraph, the
page and styles coming from the .docx), and a house template exported by ``jixiao templates export`` prints the
same pieces through ``shown``, ``titles``, ``blocks``, ``fallback`` and ``each`` (see :func:`export_paragraphs`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..outlines import spec as S
from . import ooxml as X
from .context import Numbering, heading_number
from .tables import Encoded

HEADING_STYLES = (X.H1, X.H2, X.H3, X.H4)
#: marks a chart's place in the walked tree (a character no XML holds): drawn when the body is written
_CHART = "\x00"
#: around the number of an encoded attachment table in the joined body (a character XML forbids: never in the body)
_TABLE = "\x01"
_FIELD = re.compile(r"\{([A-Za-z_][\w.]*)\}")


@dataclass
class Layout:
    """The user's changes to an outline, by stable name (the YAML ``layout:`` block)."""

    rename: dict[str, str] = field(default_factory=dict)
    omit: frozenset[str] = frozenset()
    replace: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, report: Any) -> "Layout":
        lay = getattr(report, "layout", None)
        if lay is None:
            return cls()
        return cls(dict(lay.rename), frozenset(lay.omit), dict(lay.replace))


def lookup(ctx: dict, path: str, item: Any = None) -> Any:
    """The value at a dotted context path; ``item.…`` reads the current item of a repeated section."""
    parts = path.split(".")
    obj: Any = ctx
    if parts[0] == "item":
        obj, parts = item, parts[1:]
    for part in parts:
        if obj is None:
            return None
        obj = obj.get(part) if isinstance(obj, dict) else getattr(obj, part, None)
    return obj


def fill(text: str, ctx: dict, item: Any = None) -> str:
    """``"{year}年…"`` with each ``{path}`` replaced by its context value."""
    def value(m: re.Match) -> str:
        v = lookup(ctx, m.group(1), item)
        return "" if v is None else str(v)
    return _FIELD.sub(value, text)


@dataclass
class _Heading:
    name: str
    level: int
    title: str
    content: list = field(default_factory=list)  # XML strings and _Heading, in order
    headed: str = "always"


class Walk:
    """One outline walked over one context (see the module docstring)."""

    def __init__(self, outline: S.Outline, ctx: dict, layout: Layout | None = None, charts: bool = True,
                 house: bool = True) -> None:
        self.outline, self.ctx, self.layout = outline, ctx, layout or Layout()
        #: place the charts in ``body`` (a house template places its own with ``{{p chart(…) }}``)
        self.charts = charts
        #: keep each block's XML for a house template's ``blocks`` (a built-in template prints ``body`` alone: its
        #: blocks would be copies of most of the body, the closing block's attachment tables above all)
        self.house = house
        self.shown: dict[str, bool] = {}
        self.headed: dict[str, bool] = {}  # False: shown without its heading (Section.headed)
        self.titles: dict[str, str] = {}
        self.blocks: dict[str, Markup] = {}
        self.fallback: dict[str, Markup] = {}
        self.each: dict[str, list[dict]] = {}
        self._encoded: list[Encoded] = []  # the attachment tables given encoded, in the order of the body
        self.tree: list = self._content(outline.body, 1, None, self.blocks)[0]

    # -- rendering ------------------------------------------------------------------------------------------------

    def _content(self, content, level: int, item: Any, blocks: dict, under: int | None = None) -> tuple[list, bool]:
        """Rendered pieces of a content tuple, and whether any of it is content (not the outline's own words).
        ``under``: the level of the heading its text is read under (a narrative's own numbers go below it)."""
        under = level - 1 if under is None else under
        out, any_content = [], False
        for c in content:
            if isinstance(c, S.Section):
                for heading in self._section(c, level, item):
                    out.append(heading)
                    any_content = True
            else:
                xml = self._block(c, item, under)
                if self.house:
                    blocks[c.name] = Markup("" if isinstance(c, S.Chart) else xml)
                if xml:
                    out.append(xml)
                    any_content = any_content or self._counts(c)
        return self._unhead(out), any_content

    def _unhead(self, out: list) -> list:
        """Sub-sections headed "several" / "follow" lose their heading unless two "several" ones print."""
        several = sum(1 for p in out if isinstance(p, _Heading) and p.headed == "several")
        if several >= 2 or not any(isinstance(p, _Heading) and p.headed != "always" for p in out):
            return out
        flat = []
        for p in out:
            if isinstance(p, _Heading) and p.headed != "always":
                self.headed[p.name] = False  # a house template prints the content, not the heading
                flat.extend(p.content)
            else:
                flat.append(p)
        return flat

    def _counts(self, block: S.Block) -> bool:
        return block.name in self.layout.replace or block.content

    def _section(self, s: S.Section, level: int, item: Any) -> list[_Heading]:
        if s.name in self.layout.omit or (s.when and not lookup(self.ctx, s.when, item)):
            self.shown[s.name] = False
            self.fallback[s.name] = Markup("")
            return []
        if s.each:
            entries, headings = [], []
            for it in lookup(self.ctx, s.each, item) or []:
                blocks: dict[str, Markup] = {}
                title = self._title(s, it)
                content, has = self._content(s.content, level + 1, it, blocks)
                entries.append({"title": title, "blocks": blocks, "shown": has})
                if has:
                    headings.append(_Heading(s.name, level, title, content))
            self.each[s.name] = entries
            self.shown[s.name] = bool(headings)
            return headings
        title = self._title(s, item)
        self.titles[s.name] = title
        # the text of a sub-section that may lose its heading is numbered as under its parent's
        content, has = self._content(s.content, level + 1, item, self.blocks,
                                     under=level if s.headed == "always" else level - 1)
        none = ""
        if not has and s.none:
            none = X.paragraph(fill(s.none, self.ctx, item), X.BODY)
            content, has = [x for x in content if isinstance(x, str)] + [none], True
        self.fallback[s.name] = Markup(none)
        self.shown[s.name] = has and bool(title)
        self.headed[s.name] = self.shown[s.name]
        return [_Heading(s.name, level, title, content, s.headed)] if self.shown[s.name] else []

    def _title(self, s: S.Section, item: Any) -> str:
        return self.layout.rename.get(s.name) or fill(s.title, self.ctx, item)

    def _block(self, b: S.Block, item: Any, under: int = 0) -> str:
        if b.name in self.layout.omit:
            return ""
        if b.name in self.layout.replace:  # the user's words print even where the generated ones would not
            return str(self.ctx["md"](self.layout.replace[b.name], getattr(b, "depth", 0)))
        if b.when and not lookup(self.ctx, b.when, item):
            return ""
        if isinstance(b, S.Sentence):
            value = lookup(self.ctx, b.path, item)
            return X.paragraph(str(value), b.style) if value is not None and str(value).strip() else ""
        if isinstance(b, S.Markdown):
            value = lookup(self.ctx, b.path, item)
            if value is None and b.default:
                value = lookup(self.ctx, b.default, item)
            values = value if isinstance(value, (list, tuple)) else [value]
            xml = "".join(str(self.ctx["md"](relevel(str(v), under), b.depth)) for v in values if v is not None)
            if xml and b.lead:
                xml = X.paragraph(fill(b.lead, self.ctx, item), X.BODY) + xml
            return xml
        if isinstance(b, S.Numbered):
            items = list(lookup(self.ctx, b.path, item) or [])
            if len(items) == 1:  # one principle is no list: "1." would promise a second
                return str(self.ctx["md"](str(items[0]), 0))
            return str(self.ctx["numbered"](items, b.level))
        if isinstance(b, S.Rich):
            value = lookup(self.ctx, b.path, item)
            return str(value) if value else ""
        if isinstance(b, S.Fixed):
            return X.paragraph(fill(b.text, self.ctx, item), X.BODY)
        if isinstance(b, S.First):
            for choice in b.choices:
                xml = self._block(choice, item, under)
                if xml:
                    return xml
            return ""
        if isinstance(b, S.Chart):  # placed (and numbered) when the body is written: only the charts printed
            return f"{_CHART}{b.chart}{_CHART}" if self.charts else ""
        if isinstance(b, S.Closing):
            return self._closing(b)
        raise TypeError(f"unknown block {b!r}")

    def _closing(self, b: S.Closing) -> str:
        ctx = self.ctx
        # the Markup values are joined as they are: str() of one is a copy (of the attachment tables, megabytes)
        out = [ctx["attachment_list"], ctx[b.signature]]
        for a in ctx["attachments"]:
            table = a["table"]
            if isinstance(table, Encoded):  # written into the body's bytes as it is (see body_pieces)
                self._encoded.append(table)
                table = f"{_TABLE}{len(self._encoded) - 1}{_TABLE}"
            out += [X.paragraph(a["label"], X.ATTACH_LABEL, page_break_before=True),
                    X.paragraph(a["title"], X.ATTACH_TITLE), table, a["notes"]]
        return "".join(out)

    # -- output ---------------------------------------------------------------------------------------------------

    def body(self) -> Markup:
        """The report body: headings numbered in order (GB/T 9704: 一、 （一） 1. （1）), blocks between them."""
        return Markup(self.body_xml())

    def body_xml(self) -> str:
        """:meth:`body` as a plain string (sliced and written as it is by a built-in template's renderer: a
        Markup's every slice is a Markup, copied once more)."""
        xml = self._walked()
        return "".join(map(str, self._pieces(xml))) if self._encoded else xml

    def _walked(self) -> str:
        """The body joined, each attachment table given encoded (:class:`tables.Encoded`) as its mark."""
        num = Numbering()
        out: list[str] = []

        def emit(pieces: list) -> None:
            for p in pieces:
                if isinstance(p, _Heading):
                    out.append(X.paragraph(num(p.level) + p.title, HEADING_STYLES[p.level - 1]))
                    emit(p.content)
                elif p.startswith(_CHART):
                    out.append(str(self.ctx["chart"](p.strip(_CHART))))
                else:
                    out.append(p)
        emit(self.tree)
        #: the body's blocks as written, in order (whole paragraphs and tables each, an attachment table as its
        #: mark): OUT001 takes the document's text from them (:func:`fragments`) instead of reading the body back
        self.written = out
        return "".join(out)

    def _pieces(self, xml: str) -> list:
        """The joined body ``xml`` in pieces, each encoded table's mark replaced by the table."""
        parts: list = xml.split(_TABLE)
        for k in range(1, len(parts), 2):
            parts[k] = self._encoded[int(parts[k])]
        return parts

    def _fragments(self) -> list:
        """The body of :meth:`_walked` as the blocks it joined, each encoded table's mark replaced by the table:
        their concatenation is the body, and each is whole paragraphs and tables."""
        out: list = []
        for block in self.written:
            if _TABLE in block:
                out += [p for p in self._pieces(block) if p]
            elif block:
                out.append(block)
        return out

    def template_context(self) -> dict[str, Any]:
        """What an exported house template prints (:func:`export_paragraphs`). With the attachment tables given
        encoded (a built-in template's renderer) the body is ``body_pieces``, str and :class:`tables.Encoded`
        pieces, which the renderer writes as they are (``body_xml`` is then made from them when read)."""
        xml = self._walked()
        out = {"shown": self.shown, "headed": self.headed, "titles": self.titles,
               "blocks": self.blocks, "fallback": self.fallback, "each": self.each}
        if self._encoded:
            out["body_pieces"] = self._pieces(xml)
        else:
            out["body_xml"] = xml
        if not self.house:  # a built-in template's body: its blocks as written, for OUT001 (see Renderer.document_fragments)
            out["body_fragments"] = self._fragments()
        if self.house:  # a built-in template's renderer writes body_xml (and makes ``body`` only when read)
            out["body"] = Markup("".join(map(str, self._pieces(xml))) if self._encoded else xml)
        return out


def outline_context(ctx: dict, outlines: list[S.Outline], layout: Layout, charts: bool = True,
                    house: bool = True) -> dict[str, Any]:
    """``body`` etc. of the first outline, with the names only the others have added (a house template exported
    from another outline than the data's still finds every name it prints). ``charts``: place them in ``body``;
    ``house``: keep the blocks (see :class:`Walk`)."""
    merged: dict[str, Any] = {}
    for o in outlines:
        part = Walk(o, ctx, layout, charts, house).template_context()
        if not merged:
            merged = part
            continue
        for key in ("shown", "headed", "titles", "blocks", "fallback", "each"):
            for name, value in part[key].items():
                merged[key].setdefault(name, value)
    return merged


#: the heading numbers people type at the start of a line, by level (GB/T 9704: 一、 （一） 1. （1）)
_CN = "〇一二三四五六七八九十"
_TYPED = [(1, re.compile(r"^([一二三四五六七八九十]{1,3})、")), (2, re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]")),
          (3, re.compile(r"^(\d{1,2})(?:、|[.．](?![\d\s]))")), (4, re.compile(r"^[（(](\d{1,2})[）)]"))]


def _cn_value(text: str) -> int:
    """一 … 九十九 as an int."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _CN.index(text[0])
    tens, _, ones = text.partition("十")
    return (_CN.index(tens) if tens else 1) * 10 + (_CN.index(ones) if ones else 0)


def relevel(text: str, under: int) -> str:
    """A narrative's own heading numbers moved below the heading it is printed under.

    Written for a chapter ("（一）加强…" under "三、主要成效"), a text printed under a deeper heading of another
    outline ("3.主要经验及做法") would read as new sections of a higher rank, leaving that heading empty. When a
    line starts with a number of a level at or above ``under``, every typed level moves down by the same steps
    : "（一）" becomes "（1）" (when a typed level would fall below （1）, the text is left as written). The words are untouched; a text already below is returned as is, and
    Markdown lists ("1. " with a space) are numbered by the Markdown converter, not here.
    """
    lines = text.split("\n")
    found = []
    for line in lines:
        for level, pattern in _TYPED:
            if pattern.match(line.lstrip()):
                found.append(level)
                break
    if not found or min(found) > under:
        return text
    shift = under + 1 - min(found)
    if max(found) + shift > 4:  # no level left below: two typed levels would merge; leave the text as written
        return text
    out = []
    for line in lines:
        stripped = line.lstrip()
        for level, pattern in _TYPED:
            m = pattern.match(stripped)
            if m:
                n = _cn_value(m.group(1))
                new = heading_number(level + shift, n)
                line = line[:len(line) - len(stripped)] + new + stripped[m.end():]
                break
        out.append(line)
    return "\n".join(out)


# ----------------------------------------------------------------------------------------------------------------
# Export: the outline as editable docxtpl tags
# ----------------------------------------------------------------------------------------------------------------


def _ref(table: str, name: str) -> str:
    return f"{table}.{name}" if re.fullmatch(r"[A-Za-z_]\w*", name) else f"{table}['{name}']"


def export_paragraphs(outline: S.Outline) -> list[tuple[str, str]]:
    """The outline as (style, text) paragraphs of docxtpl tags: headings as text with ``{{ num(level) }}``, each
    section inside ``{%p if shown.NAME %}``, each block as ``{{p blocks.NAME }}``. Rendered, it gives the
    built-in outline's text; edited in Word, it is the start of a house template."""
    out: list[tuple[str, str]] = []

    def title(s: S.Section, table: str) -> str:
        if _FIELD.search(s.title):
            return "{{ %s }}" % (_ref(table, s.name) if table == "titles" else f"{table}.title")
        return s.title

    def content(items, level: int, blocks: str) -> None:
        for c in items:
            if isinstance(c, S.Section):
                section(c, level, blocks)
            elif isinstance(c, S.Chart):
                out.append((X.BODY, "{{p chart('%s') }}" % c.chart))
            else:
                out.append((X.BODY, "{{p %s }}" % _ref(blocks, c.name)))

    def section(s: S.Section, level: int, blocks: str) -> None:
        if s.each:
            out.append((X.BODY, "{%%p for item in %s %%}" % _ref("each", s.name)))
            out.append((X.BODY, "{%p if item.shown %}"))
            out.append((HEADING_STYLES[level - 1], "{{ num(%d) }}%s" % (level, title(s, "item"))))
            content(s.content, level + 1, "item.blocks")
            out.append((X.BODY, "{%p endif %}"))
            out.append((X.BODY, "{%p endfor %}"))
            return
        out.append((X.BODY, "{%%p if %s %%}" % _ref("shown", s.name)))
        heading = (HEADING_STYLES[level - 1], "{{ num(%d) }}%s" % (level, title(s, "titles")))
        if s.headed == "always":
            out.append(heading)
        else:
            out.extend([(X.BODY, "{%%p if %s %%}" % _ref("headed", s.name)), heading, (X.BODY, "{%p endif %}")])
        content(s.content, level + 1, blocks)
        if s.none:
            out.append((X.BODY, "{{p %s }}" % _ref("fallback", s.name)))
        out.append((X.BODY, "{%p endif %}"))

    content(outline.body, 1, "blocks")
    return out
