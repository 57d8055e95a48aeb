"""Compile a .docx template once, render many reports from memory.

A :class:`Renderer` checks the template's zip package against the limits (``toolkit/safezip.py``: member count,
inflated sizes, compression ratio), reads into memory only the parts it edits, lets docxtpl clean up the Jinja tags Word split
across runs (``DocxTemplate.patch_xml``: ``{{p …}}`` / ``{%p …%}`` replace their whole paragraph, ``{%tr …%}``
their row, as in docxtpl), compiles the body and every header/footer holding tags with a sandboxed, autoescaping,
StrictUndefined and bounded Jinja environment (``sandbox.py``: loop counts, string and number sizes,
recursion, time), and keeps the compiled templates. Rendering a report is then: build the context,
run the compiled Jinja, check the XML is well-formed, and append the rendered parts to the template's other
parts, compressed once (streamed from the template in chunks, never whole in memory) — no re-reading or
re-parsing of the .docx, which is what makes batch rendering fast.
"""
from __future__ import annotations

import re
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from lxml import etree
from markupsafe import Markup

from .. import safezip
from ..errors import TemplateError
from ..io import atomic_path
from ..model import Report
from .. import templates as registry
from . import ooxml as X
from . import package
from .. import outlines
from .context import Numbering, build_context
from .outline import Layout, outline_context
from .markdown import MarkdownConverter
from .sandbox import BoundedEnvironment, LimitExceeded, Unsupported, spend
from .tables import Encoded, attachment_tables

_BODY_RE = re.compile(r"<w:body\b[^>]*>.*</w:body>", re.DOTALL)
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class _Part:
    name: str
    prefix: str  # XML before the rendered region
    suffix: str
    template: jinja2.Template


def _xml_safe(value: Any) -> Any:
    """Every printed plain string loses the characters XML forbids (a report built without validation, e.g.
    ``Report.model_construct``, could hold them); Markup is ours and already clean (``ooxml.esc``)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return X._BAD_XML_CHARS.sub("", value)
    return value


def _environment() -> BoundedEnvironment:
    return BoundedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                              finalize=_xml_safe)


def _checked_num(numbering: Numbering):
    """``num(level)`` for templates: a level that is not 1–4 is a template error, not a crash."""
    def num(level: Any) -> str:
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 4:
            raise LimitExceeded(f"标题级别应为 1–4 的整数（num(1) 为“一、”，num(2) 为“（一）”…），收到 {level!r}")
        return numbering(level)
    return num


#: the parts a renderer reads and edits; every other member is streamed from the template when the base is built
_EDITED = re.compile(r"word/(document|header\d*|footer\d*|styles)\.xml|docProps/core\.xml"
                     r"|word/_rels/document\.xml\.rels|\[Content_Types\]\.xml")
#: the package parts that list a report's charts (toolkit/word/charts.py): written for each report
_CHART_LISTS = ("word/_rels/document.xml.rels", "[Content_Types].xml")


class Renderer:
    """A compiled template; :meth:`render` writes one report. Build it once and reuse it for many reports."""

    def __init__(self, template: str | Path | None = None, default: str = "hunan") -> None:
        found = registry.lookup(template, default=default)
        self.path = found.path
        #: one of the package's own outlines (proved well-formed by the tests), not a file merely named like one
        self.builtin = found.builtin is not None
        #: the outline declaration walked into ``body`` (toolkit/outlines); a user's template gets the data's own
        self.outline = found.builtin
        self._md = MarkdownConverter()
        self._env = _environment()
        z = safezip.open_checked(self.path, self._refuse, ".docx 模板")
        try:
            _refuse_duplicates(z, self._refuse)
            self._entries = [(info, safezip.read(z, info, self._refuse, ".docx 模板")
                              if _EDITED.fullmatch(info.filename) else None) for info in z.infolist()]
            self._parts: dict[str, _Part] = {}
            self._core: bytes | None = None  # docProps/core.xml, rewritten for each report (title, dates)
            self._chart_lists: dict[str, bytes] = {}  # the document's rels and the content types: charts join them
            self._names = frozenset(info.filename for info, _data in self._entries)
            self._compile()
            self._frame = self._body_frame() if self.builtin else None
            if len(self._chart_lists) < len(_CHART_LISTS):  # a package without them: streamed as they are
                self._chart_lists = {}
            if self.outline is None and self._core is not None:  # a house template says which outline it was
                mark = re.search(re.escape(registry.OUTLINE_MARK).encode() + rb"(\w+)", self._core)
                name = mark.group(1).decode() if mark else ""
                self.outline = name if name in registry.known() else None
            self._base = self._static_zip(z)
            self._core_xml = CoreProperties(self._core) if self._core is not None else None
        finally:
            z.close()

    def _refuse(self, message: str) -> TemplateError:
        return TemplateError(f"{self.path}: {message}")

    # -- compiling --------------------------------------------------------------------------------------------

    def _compile(self) -> None:
        from docxtpl import DocxTemplate

        try:
            tpl = DocxTemplate(str(self.path))
            tpl.init_docx()
        except Exception as exc:  # python-docx raises many kinds on a damaged package
            raise TemplateError(f"{self.path}: 无法打开 .docx 模板：{exc}") from None
        for info, data in self._entries:
            name = info.filename
            if name in _CHART_LISTS:
                self._chart_lists[name] = data
            elif name == "word/document.xml":
                xml = data.decode("utf-8")
                match = _BODY_RE.search(xml)
                if match is None:
                    raise TemplateError(f"{self.path}: 模板缺少正文（w:body）")
                source = tpl.patch_xml(tpl.get_xml())
                self._parts[name] = _Part(name, xml[:match.start()], xml[match.end():], self._jinja(source, "正文"))
            elif re.fullmatch(r"word/(header|footer)\d*\.xml", name):
                xml = data.decode("utf-8")
                if "{{" in xml or "{%" in xml:
                    where = "页眉" if "header" in name else "页脚"
                    self._parts[name] = _Part(name, "", "", self._jinja(tpl.patch_xml(xml), where))
            elif name == "word/styles.xml" and not self.builtin:
                self._entries[self._entries.index((info, data))] = (info, _add_missing_styles(data))
            elif name == "docProps/core.xml":
                self._core = data

    def _body_frame(self) -> tuple[str, str] | None:
        """The rendered body part of a built-in template around its one ``{{p body }}``, worked out once: every
        report's body is then written between the two, without Jinja copying megabytes of ready XML (escape,
        join) or the renderer rescanning it (its line breaks before ``<w:p``, listings). Given only where that
        is the same output: the part prints ``body`` once, as it is (two different bodies give the same frame),
        and the frame holds no special character and no ``<w:p`` at either edge (its newline removal and listings
        cannot reach across an edge). None otherwise: the part is rendered by Jinja."""
        part = self._parts.get("word/document.xml")
        if part is None:
            return None
        frames = set()
        for mark in ("\ue000body\ue000", "\ue001\ue001"):
            try:
                with self._env.budget():
                    xml = part.template.render({"body": Markup(mark)})
            except Exception:  # the part prints more than the body
                return None
            if xml.count(mark) != 1:
                return None
            frames.add(tuple(xml.split(mark)))
        if len(frames) != 1:
            return None
        head, tail = frames.pop()
        if (any(c in head or c in tail for c in _SPECIAL) or not head.endswith(">") or not tail.startswith("<")
                or tail.startswith("<w:p")):
            return None
        return head, tail

    def _framed(self, body: "str | list[str | Encoded]") -> list[bytes]:
        """The rendered body part (between its prefix and suffix) of a built-in template: as
        :meth:`_render_part` gives it, encoded in UTF-8, in pieces (see :meth:`_body_frame`). The body is encoded
        first and its line breaks and listings are found in the bytes (see :func:`_special_texts`); given in
        pieces (``body_pieces``), its encoded attachment tables are joined as they are."""
        head, tail = self._frame
        pieces = [body] if isinstance(body, str) else body
        chars = sum(p.chars if isinstance(p, Encoded) else len(p) for p in pieces)
        try:
            spend(len(head) + chars + len(tail))
        except LimitExceeded as exc:
            raise TemplateError(f"{self.path}: 模板渲染被中止：{exc}（限制见 docs/limits.md）") from None
        data = b"".join([p.data if isinstance(p, Encoded) else p.encode("utf-8") for p in pieces])
        if _line_before_paragraph(data):
            data = _LINE_BEFORE_PARAGRAPH_BYTES.sub(rb"<w:p\1", data)
        return [head.encode("utf-8"), *_listing_pieces(data), tail.encode("utf-8")]

    def _static_zip(self, template: zipfile.ZipFile) -> package.Base:
        """The template's unrendered parts, compressed once; each report appends its rendered parts to a copy.
        Parts not read into memory are streamed from the template (a stored one, an image, stays stored)."""
        import io

        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for info, data in self._entries:
                if info.filename in self._parts or info.filename in ("docProps/core.xml", *self._chart_lists):
                    continue
                if data is not None:
                    z.writestr(_zipinfo(info.filename), data)
                else:
                    target = _zipinfo(info.filename)
                    if info.compress_type == zipfile.ZIP_STORED:
                        target.compress_type = zipfile.ZIP_STORED
                    safezip.copy(template, info, z, target, self._refuse, ".docx 模板")
        return package.Base(buf.getvalue())

    def _jinja(self, source: str, where: str) -> jinja2.Template:
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)  # a line per paragraph: errors say where
        try:
            template = self._env.from_string(source)
            template._jixiao_source = source  # to name "unit.nmae" in an undefined-variable message
            return template
        except Unsupported as exc:
            raise TemplateError(f"{self.path}: 模板{where}中的标签有误：{exc.message}{_near(source, exc.lineno)}") from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{self.path}: 模板{where}中的标签有误：{_syntax_message(exc.message or '')}"
                                f"{_near(source, exc.lineno)}") from None
        except (ValueError, OverflowError, RecursionError, MemoryError) as exc:  # e.g. a 5,000-digit number
            raise TemplateError(f"{self.path}: 模板{where}中的标签有误：{_runtime_message(exc)}") from None

    # -- rendering --------------------------------------------------------------------------------------------

    def context(self, report: Report) -> dict[str, Any]:
        """The Jinja context for one report (see docs/templates.md), with the outline walked over it: ``body``
        and, for a house template, the outline's pieces by stable name (``shown``, ``blocks`` …)."""
        ctx = self._context(report)
        ctx["body"]  # noqa: B018 - made now: Jinja sees only the entries already made
        return ctx

    def _context(self, report: Report) -> dict[str, Any]:
        """:meth:`context`, where a built-in template's ``body`` is made only when read: its renderer writes the
        body part from ``body_xml`` (a Markup of it is a copy of megabytes)."""
        # a framed built-in body takes the attachment tables encoded, to write them into its bytes as they are
        ctx = build_context(report, self._md, _encoded_tables if self._frame is not None else attachment_tables)
        if not self.builtin:  # a house template's tags may print any entry; a built-in one prints the walked body
            ctx.complete()
        own = self.outline or report.outline
        names = [own] + ([] if self.builtin else [n for n in outlines.NAMES if n != own])
        ctx.update(outline_context(ctx, [outlines.get(n) for n in names], Layout.of(report), charts=self.builtin,
                                   house=not self.builtin))
        if dict.__contains__(ctx, "body_pieces"):  # the tables encoded: body_xml made from the pieces when read
            pieces = ctx["body_pieces"]
            ctx.lazy("body_xml", lambda: "".join(map(str, pieces)))
        if not dict.__contains__(ctx, "body"):  # a built-in template's walk
            if self._frame is not None:
                ctx.lazy("body", lambda: Markup(ctx["body_xml"]))
            else:
                ctx["body"] = Markup(ctx["body_xml"])  # Jinja prints it
        return ctx

    def render_bytes(self, report: Report) -> bytes:
        """The rendered .docx as bytes."""
        import io

        buf = io.BytesIO()
        self._write(report, buf)
        return buf.getvalue()

    def render(self, loaded_or_report: Any, output: str | Path, inputs: Any = ()) -> Path:
        """Render one report to ``output`` atomically: a failure leaves no partial file and keeps an old one.
        ``output`` may not be the template or one of ``inputs`` (the YAML file): see :mod:`toolkit.io`."""
        report = getattr(loaded_or_report, "report", loaded_or_report)
        output = Path(output)
        with atomic_path(output, inputs=[*inputs, self.path]) as tmp:
            with open(tmp, "wb") as fh:
                self._write(report, fh)
        return output

    def _write(self, report: Report, fh) -> None:
        rendered = {}
        fragments = None
        ctx = self._context(report)
        with self._env.budget():  # the limits on loops, output and time count per report
            charts = ctx["chart"]
            for name, part in self._parts.items():
                if name == "word/document.xml" and self._frame is not None:
                    body = ctx["body_pieces"] if dict.__contains__(ctx, "body_pieces") else ctx["body_xml"]
                    rendered[name] = (part.prefix, *self._framed(body), part.suffix)
                    fragments = (part.prefix + self._frame[0], self._frame[1] + part.suffix, ctx["body_fragments"])
                    continue
                ctx["num"] = _checked_num(Numbering())  # heading numbers restart in every part
                ctx["chart"] = charts if name == "word/document.xml" else charts.outside_body
                rendered[name] = (part.prefix, self._render_part(part, ctx), part.suffix)
        if len(self._chart_lists) == len(_CHART_LISTS):  # the charts placed, with their relationships and types
            rendered.update(charts.package(*(self._chart_lists[n] for n in _CHART_LISTS), self._names))
        if self._core is not None:
            rendered["docProps/core.xml"] = self._core_xml(str(ctx.get("title") or ""))
        stamp = time.localtime()[:6]
        members = []
        for name, data in rendered.items():
            pieces = [data] if isinstance(data, bytes) else [
                piece if isinstance(piece, bytes) else piece.encode("utf-8") for piece in data]
            if name == "word/document.xml":  # the report itself, not its id (an id is reused)
                self._document = (report, pieces, fragments)
            members.append((name, pieces, *_compression(name), stamp))
        fh.write(b"".join(self._base.write(members, recurring=_RECURRING)))

    def document_xml(self, report: Report) -> bytes | None:
        """The word/document.xml this renderer last wrote, when it was ``report``'s (OUT001 reads it instead of
        unzipping the file just written); None otherwise."""
        last = getattr(self, "_document", None)
        return b"".join(last[1]) if last is not None and last[0] is report else None

    def wrote(self, report: Report) -> bool:
        """Whether the document this renderer last wrote was ``report``'s (:meth:`document_xml` is not None)."""
        last = getattr(self, "_document", None)
        return last is not None and last[0] is report

    def document_fragments(self, report: Report) -> "tuple[str, str, list] | None":
        """The word/document.xml this renderer last wrote, when it was ``report``'s and a built-in template's body
        written in its frame, as the pieces it was made of: ``(start, end, blocks)``, the part up to the body and
        from it, and the body's blocks as the walk wrote them (str, or :class:`tables.Encoded` for an attachment
        table), each whole paragraphs and tables, before the body's line breaks and listings were resolved
        (:func:`as_written`). OUT001 takes the document's text from them (``printed.fragments_printed``); None
        otherwise (a user's template, a body Jinja rendered, another report's document)."""
        last = getattr(self, "_document", None)
        return last[2] if last is not None and last[0] is report else None

    def _render_part(self, part: _Part, ctx: dict[str, Any]) -> str:
        try:
            xml = part.template.render(ctx)
        except LimitExceeded as exc:
            raise TemplateError(f"{self.path}: 模板渲染被中止：{exc}（限制见 docs/limits.md）") from None
        except jinja2.exceptions.SecurityError as exc:
            raise TemplateError(f"{self.path}: 模板试图访问不允许的内容{_security_detail(exc)}") from None
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"{self.path}: 模板使用了未定义的变量{_undefined_name(exc, part.template)}"
                                "（可用变量见 docs/templates.md）") from None
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{self.path}: 模板渲染出错：{exc}") from None
        except Exception as exc:  # anything else the template's own expressions raise (1/0, int('x') …)
            raise TemplateError(f"{self.path}: 模板渲染出错：{_runtime_message(exc)}") from None
        xml = _resolve_listings(_LINE_BEFORE_PARAGRAPH.sub(r"<w:p\1", xml))
        if not self.builtin:  # the built-in templates are proved well-formed by the tests; a user's may not be
            _check_well_formed(part, xml, self.path)
        return xml


_SPECIAL_TEXT = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\n\t\a\f]")
_SPECIAL = "\n\t\a\f"
#: the same pattern on the UTF-8 bytes of a body: a character of more than one byte is made of bytes 0x80–0xF4,
#: none of them '<', '>' or a special character, so the bytes pattern matches where the text pattern matches
_SPECIAL_TEXT_BYTES = re.compile(_SPECIAL_TEXT.pattern.encode())
_SPECIAL_BYTES = _SPECIAL.encode()


def _special_texts(xml: str | bytes) -> list[int]:
    """Where the ``<w:t>`` elements holding a newline, tab, bell or form feed start, in order: the matches of
    :data:`_SPECIAL_TEXT`, found from the few special characters (``find``) instead of a regex scan of every
    ``<w:t>`` of the body (4 ms of a 500-indicator render). A match starts at the last ``<`` before its special
    character (its ``[^<]*`` crosses none, and an attribute value holds no ``<`` in well-formed XML). On a body's
    UTF-8 bytes (as the renderer writes a built-in template's) the offsets are in bytes; finding a byte there is
    ``memchr``, 20x faster than finding a character in a string of Chinese text (4 ms for a 4 MB body)."""
    if isinstance(xml, bytes):
        pattern, specials, lt = _SPECIAL_TEXT_BYTES, _SPECIAL_BYTES, b"<"
    else:
        pattern, specials, lt = _SPECIAL_TEXT, _SPECIAL, "<"
    starts = set()
    for k in range(len(specials)):
        ch = specials[k:k + 1]
        at = xml.find(ch)
        while at >= 0:
            start = xml.rfind(lt, 0, at)
            if start >= 0 and start not in starts and pattern.match(xml, start):
                starts.add(start)
            after = xml.find(lt, at)  # the characters before the next tag share this one's: linear time
            at = xml.find(ch, after) if after >= 0 else -1
    return sorted(starts)


#: the line break the compiled source has before every paragraph (:meth:`Renderer._jinja`), taken out again
_LINE_BEFORE_PARAGRAPH = re.compile(r"\n<w:p([ >])")
_LINE_BEFORE_PARAGRAPH_BYTES = re.compile(_LINE_BEFORE_PARAGRAPH.pattern.encode())


def as_written(data: bytes) -> bytes:
    """UTF-8 body XML as :meth:`Renderer._framed` writes it (its line breaks before paragraphs out, its listings
    resolved); a block of whole paragraphs and tables is written so inside a body too (both work paragraph by
    paragraph)."""
    if _line_before_paragraph(data):
        data = _LINE_BEFORE_PARAGRAPH_BYTES.sub(rb"<w:p\1", data)
    pieces = _listing_pieces(data)
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def _line_before_paragraph(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds :data:`_LINE_BEFORE_PARAGRAPH`: looked for at its few line breaks (``memchr``)
    rather than by a substring search of the whole body."""
    at = data.find(b"\n")
    while at >= 0:
        if data.startswith(b"<w:p", at + 1) and data[at + 5:at + 6] in (b" ", b">"):
            return True
        at = data.find(b"\n", at + 1)
    return False


def _resolve_listings(xml: str) -> str:
    """Newlines, tabs and page breaks in values become Word line breaks, tabs and breaks, as docxtpl does — but
    only in the paragraphs that hold one (docxtpl's ``resolve_listing`` rescans the whole body: 2–12 ms a report)."""
    pieces = _listing_pieces(xml)
    return pieces[0] if len(pieces) == 1 else "".join(pieces)


def _listing_pieces(xml: str | bytes) -> list:
    """:func:`_resolve_listings` as the pieces to join (the body's unchanged stretches and its resolved
    paragraphs); on UTF-8 bytes, bytes (each paragraph resolved is decoded, resolved and encoded again)."""
    from docxtpl import DocxTemplate

    raw = isinstance(xml, bytes)
    opened, spaced, closed = (b"<w:p>", b"<w:p ", b"</w:p>") if raw else ("<w:p>", "<w:p ", "</w:p>")
    out, pos = [], 0
    for at in _special_texts(xml):
        if at < pos:
            continue  # in a paragraph already resolved
        start = max(xml.rfind(opened, 0, at), xml.rfind(spaced, 0, at))
        end = xml.find(closed, at)
        if start < pos or end < 0:  # not inside a paragraph (cannot happen in a valid body): leave as is
            continue
        end += len(closed)
        paragraph = xml[start:end]
        if raw:  # a slice from '<' to '>' of UTF-8 bytes is whole characters
            resolved = DocxTemplate.resolve_listing(None, paragraph.decode("utf-8")).encode("utf-8")
        else:
            resolved = DocxTemplate.resolve_listing(None, paragraph)
        out += [xml[pos:start], resolved]
        pos = end
    if not out:
        return [xml]
    out.append(xml[pos:])
    return out


_CORE_NS = {"dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
            "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            "xsi": "http://www.w3.org/2001/XMLSchema-instance"}


def core_properties(template: bytes, title: str, now: float | None = None) -> bytes:
    """The template's docProps/core.xml with the report's title and the render time as created and modified
    (what Word shows under 文件 > 信息 and what a PDF converter takes as the PDF's title)."""
    from datetime import datetime, timezone

    try:
        root = etree.fromstring(template)
    except etree.XMLSyntaxError:
        return template
    stamp = datetime.fromtimestamp(time.time() if now is None else now, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    fields = [("dc", "title", title), ("dcterms", "created", stamp), ("dcterms", "modified", stamp)]
    for prefix, local, value in fields:
        el = root.find(f"{prefix}:{local}", _CORE_NS)
        if el is None:
            el = etree.SubElement(root, f"{{{_CORE_NS[prefix]}}}{local}")
        el.text = X._BAD_XML_CHARS.sub("", value)
        if prefix == "dcterms":
            el.set(f"{{{_CORE_NS['xsi']}}}type", "dcterms:W3CDTF")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_MARKS = ("\ue000", "\ue001", "\ue002")  # private-use characters standing for the title and the two stamps


class CoreProperties:
    """:func:`core_properties` of one template, parsed and serialized once: the title and the stamps are then
    written between the fixed pieces of its XML, escaped as lxml escapes a text (``&``, ``<``, ``>`` and a
    carriage return); a title holding a private-use mark or a character lxml refuses goes the long way."""

    def __init__(self, template: bytes) -> None:
        self.template = template
        xml = core_properties(template, _MARKS[0], now=0).replace(b"1970-01-01T00:00:00Z", _MARKS[1].encode(), 1)
        xml = xml.replace(b"1970-01-01T00:00:00Z", _MARKS[2].encode(), 1)
        pieces = re.split("|".join(_MARKS).encode(), xml)
        order = [m.decode() for m in re.findall("|".join(_MARKS).encode(), xml)]
        # as expected only when each mark is there once, in order (a template's own dates of 1970 would not be)
        self.pieces = pieces if order == list(_MARKS) and b"1970-01-01T00:00:00Z" not in xml else None

    def __call__(self, title: str, now: float | None = None) -> bytes:
        text = X._BAD_XML_CHARS.sub("", title)
        if self.pieces is None or _UNUSUAL.search(text):
            return core_properties(self.template, title, now)
        from datetime import datetime, timezone

        stamp = datetime.fromtimestamp(time.time() if now is None else now, timezone.utc).strftime(
            "%Y-%m-%dT%H:%M:%SZ").encode()
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        head, mid, tail, end = self.pieces
        return b"".join((head, text.encode("utf-8"), mid, stamp, tail, stamp, end))


#: what the fast path of CoreProperties leaves to lxml: a carriage return (&#13;), the marks, a lone surrogate
_UNUSUAL = re.compile("[\r\ue000-\ue002\ud800-\udfff]")


#: the deflate level of the parts written for each report (the template's other parts were compressed once, at
#: zipfile's default 6). Levels 1–3 are zlib's fast matcher: at 3 a 500- or 2,000-indicator body (1.1 / 4.4 MB
#: of XML) deflates 3.5–3.8x faster than at 6 and 20–25 % larger (29 KB against 23 KB; 76 against 62); any level
#: is the one deflate format every zip reader inflates (Word, WPS, LibreOffice; tests/word/test_package.py)
LEVEL = 3


#: the parts written for each report whose bytes depend only on the template and the number of charts placed
_RECURRING = frozenset(["word/_rels/document.xml.rels", "[Content_Types].xml",
                        *(f"word/charts/_rels/chart{n}.xml.rels" for n in range(1, 101))])


def _compression(name: str) -> tuple[int, int]:
    """(method, level) of a part written for each report: a chart's embedded workbook is a zip already, stored
    rather than deflated again; a rendered part (its pieces encoded and compressed one after another, never
    joined: deflate's output does not depend on how its input is split) is deflated."""
    return (package.STORED, 0) if name.endswith(".xlsx") else (package.DEFLATED, LEVEL)


def _refuse_duplicates(z: zipfile.ZipFile, refuse) -> None:
    """A package part is named once (Open Packaging Conventions); a zip may hold a name twice, and then every member
    of it would be copied into each report, both named alike (a reader takes one of the two, Word calls the file
    damaged)."""
    seen: set[str] = set()
    for info in z.infolist():
        name = info.filename
        if name.lower() in seen:  # part names are compared without case
            raise refuse(f".docx 模板已损坏：成员文件 {name} 出现了两次（不是有效的 Word 文档）。请用 Word/WPS 打开后另存一份")
        seen.add(name.lower())


def _encoded_tables(report: Report, fig: Any) -> list:
    """The attachment tables encoded in UTF-8 (:class:`tables.Encoded`), for a framed built-in body."""
    return attachment_tables(report, fig, encode=True)


def _zipinfo(name: str) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(name, date_time=package.clamped(time.localtime()[:6]))
    # a chart's embedded workbook is a zip already: stored, not deflated again
    zi.compress_type = zipfile.ZIP_STORED if name.endswith(".xlsx") else zipfile.ZIP_DEFLATED
    return zi


def _check_well_formed(part: _Part, xml: str, path: Path) -> None:
    """Refuse to write a corrupt document (e.g. ``{{ md(x) }}`` written inside a paragraph instead of ``{{p …}}``)."""
    doc = part.prefix + xml + part.suffix if part.prefix else xml
    hint = "段落级内容（md()、para()、numbered()、表格）必须独占一段并写成 {{p …}}。"
    try:
        root = etree.fromstring(doc.encode("utf-8"))
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"{path}: 渲染结果不是合法的 Word XML（{exc}）。{hint}") from None
    if root.find(f".//{{{_W_NS}}}t/*") is not None:
        raise TemplateError(f"{path}: 模板把段落或表格放进了一行文字里。{hint}")


def _undefined_name(exc: jinja2.UndefinedError, template: jinja2.Template | None = None) -> str:
    """“unit.nmae” for an unknown attribute (the dotted name as written in the template), “totl” for a name."""
    msg = str(exc)
    m = re.search(r"'([^']+)' is undefined", msg)
    if m:
        return f"“{m.group(1)}”"
    m = re.search(r"has no attribute '([^']+)'", msg)
    if not m:
        return f"（{msg}）"
    attr = m.group(1)
    source = getattr(template, "_jixiao_source", "") if template is not None else ""
    full = re.search(r"([A-Za-z_][\w.]*)\.%s\b" % re.escape(attr), source)
    return f"“{full.group(1)}.{attr}”" if full else f"“{attr}”（某个变量没有这一项）"


#: Jinja's syntax messages, in Chinese (the original is kept after an unrecognised one)
_SYNTAX = [
    (r"Unexpected end of template\. Jinja was looking for the following tags: .*?"
     r"The innermost block that needs to be closed is '(\w+)'",
     lambda m: f"{{% {m.group(1)} %}} 没有结束，缺少 {{%p end{m.group(1)} %}}"),
    (r"Encountered unknown tag '(\w+)'\. .*?looking for the following tags: '(\w+)'",
     lambda m: f"未知或多余的标签 {{% {m.group(1)} %}}（此处应为 {{% {m.group(2)} %}} 之类的结束标签）"),
    (r"Encountered unknown tag '(\w+)'", lambda m: f"未知或多余的标签 {{% {m.group(1)} %}}"),
    (r"unexpected '}'", lambda m: "“{{”与“}}”不配对（多了或少了一个大括号）"),
    (r"unexpected end of template", lambda m: "标签没有写完（缺少 }} 或 %}）"),
    (r"expected token '(.+?)', got '(.+?)'", lambda m: f"标签写法有误：在“{m.group(2)}”处应为“{m.group(1)}”"),
    (r"unexpected char '(.)'", lambda m: f"标签中有不能识别的字符“{m.group(1)}”（是否用了中文标点？）"),
    (r"No filter named '([^']+)'", lambda m: f"未知的过滤器 |{m.group(1)}（可用的见 Jinja 文档和 docs/templates.md）"),
    (r"No test named '([^']+)'", lambda m: f"未知的测试 is {m.group(1)}"),
]


def _security_detail(exc: Exception) -> str:
    m = re.search(r"access to attribute '([^']+)' of '([^']+)' object is unsafe", str(exc))
    if m:
        return f"：{m.group(2)} 的 {m.group(1)}（模板只能读取数据，不能访问内部属性或修改列表、字典）"
    return "（模板只能读取数据，不能访问内部属性或修改列表、字典）"


_RUNTIME = [
    (ZeroDivisionError, lambda e: "除数为零"),
    (RecursionError, lambda e: "递归过深（宏或循环调用自身）"),
    (MemoryError, lambda e: "内存不足（模板生成的内容过多）"),
    (OverflowError, lambda e: "数值过大"),
]


def _runtime_message(exc: Exception) -> str:
    for kind, say in _RUNTIME:
        if isinstance(exc, kind):
            return say(exc)
    text = str(exc)
    if "integer string conversion" in text or "Exceeds the limit" in text:
        return "数值过大（整数的位数过多）"
    if re.search(r"[\u4e00-\u9fff]", text):
        return text
    return f"{type(exc).__name__}（{text}）"


def _syntax_message(message: str) -> str:
    for pattern, say in _SYNTAX:
        m = re.search(pattern, message, re.DOTALL)
        if m:
            return say(m)
    return f"Jinja 无法解析（{message}）"


def _near(source: str, lineno: int | None) -> str:
    if not lineno:
        return ""
    lines = source.splitlines()[max(lineno - 2, 0): lineno + 1]
    text = "".join(re.sub(r"<[^>]+>", "", line) for line in lines).strip()
    return f"（位置附近的文字：{text[:80]}）" if text else ""


def _add_missing_styles(styles_xml: bytes) -> bytes:
    """Copy the report styles (JxBody, JxH1 …) from the built-in template into a user's template lacking them."""
    try:
        root = etree.fromstring(styles_xml)
        with zipfile.ZipFile(registry.builtin_path("hunan")) as z:
            builtin = etree.fromstring(z.read("word/styles.xml"))
    except (etree.XMLSyntaxError, KeyError, OSError, TemplateError):
        return styles_xml
    ns = {"w": _W_NS}
    have = {s.get(f"{{{_W_NS}}}styleId") for s in root.findall("w:style", ns)}
    added = False
    for style in builtin.findall("w:style", ns):
        sid = style.get(f"{{{_W_NS}}}styleId")
        if sid in X.STYLE_IDS and sid not in have:
            root.append(style)
            added = True
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if added else styles_xml
