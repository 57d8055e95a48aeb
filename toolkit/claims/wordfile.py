"""The body of a .docx report as paragraphs and tables, read within the zip limits.

Only the parts lint needs are inflated: the package relationships (``_rels/.rels``) naming the main document part,
and that part (``word/document.xml``). :func:`toolkit.safezip.open_checked` first checks the declared sizes and
compression ratio of every member against ``toolkit/limits.py``, so nothing is inflated beyond a limit; the XML is
parsed by lxml without entity expansion or network access, within libxml2's own depth and text-size limits.
"""
from __future__ import annotations

import posixpath
from pathlib import Path

from lxml import etree

from .. import safezip
from ..errors import InputError, Problem
from .document import Block, Paragraph, Table, refuse

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"
_WHAT = ".docx 文件"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True,
                           remove_pis=True, load_dtd=False)


def _broken(file: str, detail: str) -> InputError:
    return InputError([Problem(f"无法打开 .docx：{detail}。请在 Word/WPS 中打开后另存为 .docx", file)])


def main_part(z, file: str) -> str:
    """The name of the main document part (``word/document.xml`` in every Word file)."""
    names = set(z.namelist())
    if "_rels/.rels" in names:
        try:
            rels = etree.fromstring(safezip.read(z, "_rels/.rels", refuse(file), _WHAT), _parser())
        except etree.XMLSyntaxError:
            rels = None
        if rels is not None:
            for rel in rels.iter(_REL + "Relationship"):
                if (rel.get("Type") or "").endswith(_OFFICE_DOCUMENT):
                    target = posixpath.normpath((rel.get("Target") or "").lstrip("/"))
                    if target in names:
                        return target
    if "word/document.xml" in names:
        return "word/document.xml"
    raise _broken(file, "缺少正文 word/document.xml" if names else "文件已损坏或不是 Word 文档")


def read_docx(path: Path, file: str) -> list[Block]:
    """The paragraphs and tables of a .docx; InputError for a broken, oversized or non-Word file."""
    with open(path, "rb") as fh:
        head = fh.read(4)
    if head != b"PK\x03\x04":
        raise _broken(file, "文件已损坏或不是 Word 文档")
    z = safezip.open_checked(path, refuse(file), _WHAT)
    try:
        name = main_part(z, file)
        data = safezip.read(z, name, refuse(file), _WHAT)
    finally:
        z.close()
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line, col = getattr(exc, "position", (None, None)) or (None, None)
        where = f"（第 {line} 行第 {col} 列）" if line else ""
        raise InputError([Problem(f"无法解析 .docx：{name} 不是有效的 XML{where}，文件可能已损坏或嵌套过深。"
                                  "请在 Word/WPS 中打开后另存为 .docx", file)]) from None
    body = root.find(_W + "body")
    if body is None:
        raise _broken(file, f"{name} 中没有正文（w:body）")
    return _blocks(body)


def _body_elements(el):
    """Paragraphs and tables of the body in order, looking inside content controls (w:sdt) and custom XML."""
    for child in el.iterchildren():
        tag = child.tag
        if tag in (_W + "p", _W + "tbl"):
            yield child
        elif tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _body_elements(content)
        elif tag == _W + "customXml":
            yield from _body_elements(child)


def _blocks(body) -> list[Block]:
    blocks: list[Block] = []
    par_no = tab_no = 0
    for el in _body_elements(body):
        if el.tag == _W + "p":
            par_no += 1
            text = _text(el).strip()
            if text:
                blocks.append(Paragraph(par_no, par_no, text))
            continue
        tab_no += 1
        table = Table(tab_no, par_no)
        for tr in el.iter(_W + "tr"):
            row: list[str] = []
            for tc in tr.iterchildren(_W + "tc"):
                span = tc.find(f"{_W}tcPr/{_W}gridSpan")
                vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
                continued = vmerge is not None and vmerge.get(_W + "val") in (None, "continue")
                text = "" if continued else "\n".join(_text(p).strip() for p in tc.iter(_W + "p")).strip()
                row.append(text)
                try:
                    width = int(span.get(_W + "val", "1")) if span is not None else 1
                except ValueError:
                    width = 1
                row.extend([""] * (min(max(width, 1), 64) - 1))
            table.rows.append(row)
            table.row_lines.append(par_no)
        blocks.append(table)
    return blocks


def _text(el) -> str:
    out = []
    for node in el.iter(_W + "t", _W + "tab", _W + "br"):
        if node.tag == _W + "t":
            out.append(node.text or "")
        elif node.tag == _W + "tab":
            out.append("\t")
        else:
            out.append("\n")
    return "".join(out)
