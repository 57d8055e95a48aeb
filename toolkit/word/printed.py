"""OUT001: every value of the data that the chosen outline does not print.

The check is made on the rendered document itself, not on the renderer's code: the report is rendered in memory
with the outline (a built-in one or the user's .docx), its body is read back as text (paragraphs and table cells),
and every value of the data is looked for in it, in the form the renderer prints it:

* a text (a name, a Markdown narrative, a list item): each of its sentences, with the Markdown marks and list
  numbers taken off, must appear in the document;
* an amount, a percentage, a score or a count: the number as written in the YAML (``350.867``, ``44``), not part
  of a longer number; a date: ``2023年3月1日``.

So it keeps working whatever the outline or the renderer becomes, and for a template it has never seen. A zero
amount is not looked for (outlines omit zero items or say "无…"), nor are switches and the fields that steer the
render (:data:`NOT_CONTENT`). The search is by value, not by place: a figure printed for another reason (the same
number elsewhere) counts as printed, so OUT001 can miss a value, never invent one.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import Decimal, getcontext
from enum import Enum
from typing import Any, Container, Iterator

from ..findings import WARNING, Finding
from ..model import Node, Report
from ..rules import Rule

OUT001 = Rule(
    "OUT001", "output", WARNING, "数据中的值没有印在报告里",
    "所选格式（内置的湖南、重庆、四川格式或自己的 .docx 模板）生成的报告中找不到 YAML 里的这个值：它被写进了"
    "数据，却没有出现在报告中。常见原因：该格式没有放这个字段的位置（换一个格式、把内容写进相应的正文字段，或删去"
    "不需要的值），或报告印出的数字与所写的位数不同。jixiao render 和 jixiao check --template 格式 报告它。",
    "demo.yaml:88:13: OUT001（警告） “budget.expenditure.basic.change”的值 -6.03 没有印在报告中（格式：hunan）"
    " [budget.expenditure.basic.change]")

#: fields that steer the render or hold switches, and fields documented as not printed (read by other checks)
NOT_CONTENT = {
    "outline", "kind", "achievement", "items_partial", "ungrouped", "basic_data", "self_evaluation",
    "previous_score", "category", "charts",
}
#: fields not printed by design in one model class (class name, field)
NOT_PRINTED = {("Indicator", "previous")}

_SPACE = re.compile(r"[\s\u3000\xa0]+")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def document_text(docx: bytes, ours: bool = False) -> str:
    """The body of a rendered .docx as one string without white space (paragraphs and cells separated by |);
    ``docx`` is the .docx, or its word/document.xml (the renderer keeps the one it last wrote). ``ours``: the
    document part a built-in template's renderer wrote (:func:`_own_text` reads it without an XML parser)."""
    import io
    import zipfile

    from lxml import etree

    if docx.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            docx = z.read("word/document.xml")
    if ours:
        return _own_text(docx)
    pieces = ("".join(t.text or "" for t in p.iter(_W + "t")) for p in etree.fromstring(docx).iter(_W + "p"))
    # "|" is no white space, so taking the white space out of the joined text takes it out of each piece
    return _unspaced("|".join(p for p in pieces if p))


#: a paragraph's start or end, or a text element and its text, in the XML of a built-in template's renderer (the
#: "<" of every alternative factored out: the scan then tries them only at a "<", 4× faster); the reading token by
#: token that :func:`_own_text` replaced (tests/word/reference_printed.py) uses it
_OWN_TOKEN = re.compile(r"<(?:w:(p[ >])|(/w:p>)|w:t(?: [^>]*)?>([^<]*)</w:t>)")


def _unspaced(text: str) -> str:
    """``text`` without its white space: what ``_SPACE.sub("", text)`` gives (``str.split`` splits at the
    characters ``\\s`` matches, U+3000 and U+00A0 among them: tests/word/test_equivalence.py checks every code
    point), without the pattern's test at every character (a third of OUT001's reading of a document)."""
    return "".join(text.split())


def _own_text(xml: bytes) -> str:
    """:func:`document_text` of the document a built-in template's renderer wrote, without an XML parser: its
    paragraphs are never nested (no text boxes), every text is a ``<w:t>`` inside one, and every text went
    through ``ooxml.esc``, whose three entities are the only ones, so no text holds a "<" or ">" (the tests compare
    this reading with the XML parse and with the reading token by token, on every example and generated department,
    in every outline). The document is cut at each ``</w:t>`` (``bytes.split``: a search for one string, not a
    pattern tried at each of the document's thousands of tags): a text is what follows the last ">" before its
    end, and two texts are of one paragraph unless a ``</w:p>`` lies between them. The texts are decoded once,
    joined (every "&" of an escaped text starts one of the three entities, so unescaping the joined text
    unescapes each text)."""
    return _unspaced(_own_joined(xml))


def _own_joined(xml: bytes) -> str:
    """:func:`_own_text` before its white space is taken out: the paragraphs' texts, unescaped, joined by "|"."""
    pieces: list[bytes] = []
    current: list[bytes] = []
    parts = xml.split(b"</w:t>")
    for k in range(len(parts) - 1):
        part = parts[k]
        if current and b"</w:p>" in part:  # a paragraph ended before this text (an empty one is left out)
            pieces.append(b"".join(current))
            current = []
        text = part[part.rfind(b">") + 1:]
        if text:
            current.append(text)
    if current:
        pieces.append(b"".join(current))
    joined = b"|".join(pieces).decode("utf-8")
    if "&" in joined:
        joined = joined.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return joined


#: the reading of a block the renderer wrote (:func:`fragments_printed`), by the block's XML: its paragraphs' text
#: (unescaped, white space kept) and the numbers of that text without white space; None for a block seen once and
#: not yet read alone. At most :data:`FRAGMENT_CHARS` characters of blocks kept (emptied when full: memory stays
#: flat over a batch)
_FRAGMENTS: dict = {}
FRAGMENT_CHARS = 4_000_000
_kept_chars = 0


def _read(data: bytes, written: bool) -> tuple[str, frozenset[str]]:
    """(text, numbers) of UTF-8 XML of whole paragraphs and tables; ``written``: body XML, whose line breaks and
    listings the renderer resolves as it writes it (``renderer.as_written``), else a part of the frame, written as
    it is."""
    if written:
        from .renderer import as_written

        data = as_written(data)
    text = _own_joined(data)
    return text, numbers(_unspaced(text))


def _keep(key: Any, got: "tuple[str, frozenset[str]] | None") -> None:
    global _kept_chars
    if _kept_chars + len(key) > FRAGMENT_CHARS:
        _FRAGMENTS.clear()
        _kept_chars = 0
    if len(key) <= FRAGMENT_CHARS:
        if key not in _FRAGMENTS:
            _kept_chars += len(key)
        _FRAGMENTS[key] = got


def fragments_printed(fragments: "tuple[str, str, list]") -> "Printed":
    """:class:`Printed` of a document a built-in template's renderer wrote, from the blocks it wrote it from
    (``Renderer.document_fragments``) rather than read back from the document's bytes.

    Each block is whole paragraphs and tables, so the document's text is the blocks' texts joined by "|" (the
    empty ones left out), and its numbers are theirs (no number runs over a "|"). A block met before (a heading, a
    fixed sentence, the same narrative or table in another report) is read alone and kept, and then found by its
    XML; the blocks met for the first time are read together, each run of them at once (as the document would be
    read: no cost a block for a report whose texts are all new). The same text and numbers as
    :func:`document_text` and :func:`numbers` of the document (tests/word/test_equivalence.py)."""
    start, end, body = fragments
    texts: list[str] = []
    found: list[frozenset[str]] = []
    run: list[bytes] = []  # blocks met for the first time, in a row: read at once

    def add(text: str, nums: frozenset[str]) -> None:
        if text:
            texts.append(text)
            if nums:
                found.append(nums)

    def flush() -> None:
        add(*_read(b"".join(run), True))
        run.clear()

    for block, written in ((start, False), *((b, True) for b in body), (end, False)):
        key = block if type(block) is str else block.data
        got = _FRAGMENTS.get(key, False)
        if got is False and written:  # met for the first time: read with its neighbours, remembered as seen
            run.append(key.encode("utf-8") if type(key) is str else key)
            _keep(key, None)
            continue
        if run:
            flush()
        if not got:  # met again (a part of the frame: at once): read alone and kept
            got = _read(key.encode("utf-8") if type(key) is str else key, written)
            _keep(key, got)
        add(*got)
    if run:
        flush()
    return Printed(_unspaced("|".join(texts)), frozenset().union(*found))


@functools.lru_cache(maxsize=None)
def _content_fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, default) of a model class's fields that a report could print, worked out once per class."""
    return tuple((name, info.default) for name, info in cls.model_fields.items()
                 if name not in NOT_CONTENT and (cls.__name__, name) not in NOT_PRINTED)


def _values(report: Report) -> Iterator[tuple[Node, str, int | None, Any]]:
    """``(node, field, index in its list or None, value)`` of every value written in the data that a report could
    print, in the order of :func:`leaves`; the data path is built only for a value that is looked for in vain."""
    from ..model import walk

    placeholders = report.indicators.ungrouped  # the one group's names are placeholders, never printed
    for _at, node in walk(report):
        if placeholders and type(node).__name__ in ("Level1", "Level2"):
            continue
        for name, default in _content_fields(type(node)):
            value = getattr(node, name)
            if value is None:  # most fields: left out
                continue
            kind = type(value)
            if kind is str or kind is Decimal:  # most of the rest
                yield node, name, None, value
                continue
            if kind in _PLAIN:  # the common case: no subclass (an Enum of str, a bool) can be one of these
                if kind is not str and kind is not Decimal and kind is not int and value == default:
                    continue
                yield node, name, None, value
                continue
            if value is None or isinstance(value, (Node, bool, Enum)):
                continue
            if isinstance(value, list):
                for i, v in enumerate(value):
                    if not isinstance(v, Node):
                        yield node, name, i, v
                continue
            if value == default and not isinstance(value, (str, Decimal, int)):
                continue
            yield node, name, None, value


#: the types of most values, tested by identity first (see :func:`_values`)
_PLAIN = frozenset({str, Decimal, int, dt.date})


def _path(node: Node, name: str, index: int | None) -> str:
    return node.at(name) if index is None else f"{node.at(name)}[{index}]"


def leaves(report: Report) -> Iterator[tuple[str, Any]]:
    """``(data path, value)`` of every value written in the data that a report could print."""
    for node, name, index, value in _values(report):
        yield _path(node, name, index), value


_MARKS = re.compile(r"\*\*|__|(?<!\w)[*_`]|^#+|^\s*(?:[-*+]|\d+[.、．]|[（(]\d+[)）])\s*", re.MULTILINE)
_SENTENCE = re.compile(r"[。；;！？!?\n]")
_NUMBERED = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]")


def _chunks(text: str) -> list[str]:
    """The sentences of a text as the document shows them: Markdown marks and list numbers off, no white space."""
    return list(_looked_for(text)[0])


@functools.lru_cache(maxsize=4096)
def _looked_for(text: str) -> tuple[tuple[str, ...], str]:
    """What a text is looked for as: its sentences (:func:`_chunks`) and the whole text without white space; kept
    for the texts met again (an indicator's name, a standard target, the same unit's texts in another year), at
    most 4,096 of them. The white space is taken out of the text at once, its line breaks turned into "。" first
    (both split sentences; no other mark that splits one is white space), then split: the same pieces."""
    plain = _MARKS.sub("", text)
    out = []
    for piece in _SENTENCE.split(_unspaced(plain.replace("\n", "。"))):
        piece = piece.strip("，,：:")
        match = _NUMBERED.match(piece)
        if match:
            piece = piece[match.end():]
        if len(piece) >= 2:
            out.append(piece)
    return tuple(out), _unspaced(text)


#: a number as the document writes it: not inside a longer number, so it starts after neither a digit nor a point
#: and runs over every further digit and every point followed by a digit
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)*")
#: a run of digits and points, as long as it goes: :data:`_NUMBER` finds at most one number in each, at its start
_RUN = re.compile(r"[\d.]+")


def numbers(text: str) -> frozenset[str]:
    """The numbers :data:`_NUMBER` finds in ``text``, from its runs of digits and points (:data:`_RUN`): inside a
    run every position follows a digit or a point, so a number starts only at a run's first character, when it is
    a digit, and is the run's start up to a point not followed by a digit. The pattern's look-behind was tried at
    each of the document's characters, twice the time (tests/word/test_equivalence.py compares the two)."""
    out = set()
    for run in _RUN.findall(text):
        if run[0] == ".":
            continue
        if "." in run and (run[-1] == "." or ".." in run):  # the number ends at the first point without a digit
            parts = run.split(".")
            end = 1
            while end < len(parts) and parts[end]:
                end += 1
            run = ".".join(parts[:end])
        out.add(run)
    return frozenset(out)


def _written_number(value: "Decimal | int") -> str:
    """The size of a number as the document writes it."""
    return f"{abs(value):f}" if isinstance(value, Decimal) else str(abs(value))


def _written_decimal(value: Decimal) -> str:
    """:func:`_written_number` of a Decimal: its ``str`` without the sign, which is the 'f' format of its size
    unless it is written with an exponent, is no finite number, or has more digits than the context's precision
    (``abs`` rounds it then); those take :func:`_written_number` (tests/word/test_equivalence.py compares the two)."""
    text = str(value)
    if "E" in text or len(text) > getcontext().prec or not value.is_finite():
        return _written_number(value)
    return text[1:] if text[0] == "-" else text


class Printed:
    """The document text ``text`` with the numbers it writes, read once, for looking many values up.

    A number N is printed when it occurs neither preceded by a digit or a point nor followed by a digit or by a
    point and a digit: exactly when N is one of the maximal runs :data:`_NUMBER` finds, so the lookup is a set
    membership instead of a search of the whole text per value. A negative value counts when its size is printed
    (a fall is written as a word, 减少 or 下降, and its size; and "-6.03" is printed only where "6.03" is)."""

    def __init__(self, text: str, found: frozenset[str] | None = None) -> None:
        self.text = text
        #: ``found``: the numbers of ``text`` when already known (:func:`fragments_printed`)
        self.numbers = numbers(text) if found is None else found
        #: where the last sentence looked for was found: the next is looked for after it first (values come in
        #: about the order the document prints them; a search of Chinese text walks it character by character)
        self._at = 0

    def __contains__(self, value: Any) -> bool:
        kind = type(value)  # the common types by identity first; any other takes the tests in their order
        if kind is str:
            return self._has_text(value)
        if kind is Decimal or kind is int:
            return value == 0 or _written_number(value) in self.numbers
        if isinstance(value, dt.date):
            return f"{value.year}年{value.month}月{value.day}日" in self.text
        if isinstance(value, bool):
            return True
        if isinstance(value, (Decimal, int)):  # no class is both
            return value == 0 or _written_number(value) in self.numbers
        return self._has_text(value) if isinstance(value, str) else True

    def _has_text(self, value: str) -> bool:
        """Every sentence of the text is in the document, or the whole text without white space is."""
        chunks, whole = _looked_for(value)
        text = self.text
        for chunk in chunks:
            # in the text ⇔ found from the last place on, or starting before it (the same answer as ``in``)
            at = text.find(chunk, self._at)
            if at < 0:
                at = text.find(chunk, 0, self._at + len(chunk) - 1)
                if at < 0:
                    return whole in text
            self._at = at + len(chunk)
        return True


def printed(value: Any, text: str | Printed) -> bool:
    """Whether ``value`` appears in the document text ``text`` (see the module docstring)."""
    return value in (text if isinstance(text, Printed) else Printed(text))


def unprinted(report: Report, docx: "bytes | Printed", written: Container[str] | None = None,
              ours: bool = False) -> list[tuple[str, Any]]:
    """``(data path, value)`` of every value of ``report`` not found in the rendered ``docx`` (or in its
    :class:`Printed`, e.g. :func:`fragments_printed`); with ``written`` (the data paths of the YAML file,
    :attr:`toolkit.load.Source.positions`) only the values written in the file, not the defaults the model filled
    in (a 预算执行率 weight of 10 nobody wrote)."""
    text = docx if isinstance(docx, Printed) else Printed(document_text(docx, ours))
    has_text, numbers = text._has_text, text.numbers
    prec = getcontext().prec
    out = []
    for node, name, index, value in _values(report):
        kind = type(value)  # the two commonest types tested here, as ``value in text`` tests them
        if kind is str:
            found = has_text(value)
        elif kind is Decimal:  # as _written_decimal writes it, without the call
            written_as = str(value)
            if "E" in written_as or len(written_as) > prec or not value.is_finite():
                written_as = _written_number(value)
            elif written_as[0] == "-":
                written_as = written_as[1:]
            found = written_as in numbers or value == 0
        else:
            found = value in text
        if not found:  # the path only for a value not found (most are)
            path = _path(node, name, index)
            if written is None or path in written:
                out.append((path, value))
    return out


def _shown(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    text = str(value).strip().replace("\n", " ")
    return f"“{text[:30]}…”" if len(text) > 30 else f"“{text}”"


def findings(loaded: Any, template: Any = None, docx: bytes | None = None) -> list[Finding]:
    """OUT001 findings of ``loaded`` in ``template`` (None: the report's own outline); ``docx`` is the rendered
    document when the caller already has it (None: the one the template's renderer last wrote of this report,
    or rendered in memory now)."""
    from . import renderer_for

    report = loaded.report
    outline = template if template is not None else report.outline or "hunan"
    ours = False
    if docx is None:  # the document part the renderer last wrote of this report, else rendered now
        renderer = renderer_for(template, default=report.outline or "hunan")
        if not renderer.wrote(report):
            renderer.render_bytes(report)
        fragments = renderer.document_fragments(report)
        # a built-in body written in its frame: its text from the blocks the renderer wrote; else read back
        docx = fragments_printed(fragments) if fragments is not None else renderer.document_xml(report)
        ours = renderer.builtin
    written = loaded.source.positions or None
    return [loaded.finding(OUT001, f"“{path}”的值 {_shown(value)} 没有印在报告中（格式：{outline}）", path)
            for path, value in unprinted(report, docx, written, ours)]
