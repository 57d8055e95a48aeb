"""An existing report read as blocks in document order: paragraphs and tables, each with where it came from.

* ``.docx``: body paragraphs and tables in order (python-docx opens the package; the XML is walked directly so
  that merged cells come out as in a text export: the first cell of a merge carries the text, the rest are empty).
* ``.txt``: one paragraph per line. A table exported from Word as text (the seeds) has one cell per line, each cell
  line starting with a tab, a cell's continuation lines without one, and rows separated by a blank line.
* ``.md``: paragraphs are runs of non-blank lines; pipe tables (``| a | b |``) are tables.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Problem
from ..load import decode

SUFFIXES = (".docx", ".txt", ".md")


@dataclass
class Paragraph:
    index: int  # 1-based paragraph number (tables not counted)
    line: int  # line in a .txt/.md; the paragraph number in a .docx
    text: str

    @property
    def where(self) -> str:
        return f"第{self.index}段"


@dataclass
class Table:
    index: int  # 1-based table number
    line: int  # line of its first row (.txt/.md) or the number of the paragraph before it (.docx)
    rows: list[list[str]] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)

    def where(self, row: int | None = None, col: int | None = None) -> str:
        s = f"表{self.index}"
        if row is not None:
            s += f" 第{row + 1}行"
        if col is not None:
            s += f" 第{col + 1}列"
        return s


Block = Paragraph | Table


@dataclass
class Document:
    file: str
    blocks: list[Block]
    #: True when lines are real lines of a text file (so ``line`` is a line number)
    text_lines: bool = True

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def read(path: str | Path) -> Document:
    """Read a report; raises :class:`InputError` (in Chinese) for a missing, unreadable or unsupported file."""
    p = Path(path)
    file = str(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError([Problem(f"不支持的文件类型“{p.suffix or '无扩展名'}”：jixiao lint 只读取 .docx、.txt 或 .md 报告"
                                  "（.doc、.wps、.pdf 请先在 Word/WPS 中另存为 .docx）", file)])
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem("文件不存在", file)]) from None
    except IsADirectoryError:
        raise InputError([Problem("这是一个目录，不是报告文件", file)]) from None
    except OSError as exc:
        raise InputError([Problem(f"无法读取文件：{exc.strerror}", file)]) from None
    if suffix == ".docx":
        return Document(file, _docx_blocks(data, file), text_lines=False)
    text, _enc = decode(data, file)
    if not text.strip():
        raise InputError([Problem("文件是空的，没有可检查的报告文字（是否选错了文件？）", file)])
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if suffix == ".md":
        return Document(file, _md_blocks(lines))
    return Document(file, _txt_blocks(lines))


# ----------------------------------------------------------------------------------------------------------------

def _txt_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    par_no = tab_no = 0
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if line.startswith("\t"):
            tab_no += 1
            table = Table(tab_no, i + 1)
            while i < n:
                if not lines[i].strip("\t \u3000") and not lines[i].startswith("\t"):
                    # a blank line ends a row; the table goes on if the next line starts a cell
                    if i + 1 < n and lines[i + 1].startswith("\t"):
                        i += 1
                        continue
                    break
                if not lines[i].startswith("\t"):
                    break
                row: list[str] = []
                table.row_lines.append(i + 1)
                while i < n and (lines[i].startswith("\t") or (row and lines[i].strip())):
                    if lines[i].startswith("\t"):
                        row.append(lines[i][1:].strip(" \u3000\t\xa0"))
                    else:
                        row[-1] = (row[-1] + "\n" + lines[i].strip(" \u3000\t\xa0")).strip()
                    i += 1
                table.rows.append(row)
            blocks.append(table)
            continue
        if line.strip():
            par_no += 1
            blocks.append(Paragraph(par_no, i + 1, line.strip()))
        i += 1
    return blocks


_MD_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _md_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    par_no = tab_no = 0
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if line.lstrip().startswith("|"):
            tab_no += 1
            table = Table(tab_no, i + 1)
            while i < n and lines[i].lstrip().startswith("|"):
                if not _MD_SEP.match(lines[i]):
                    cells = lines[i].strip().strip("|").split("|")
                    table.rows.append([c.strip().replace("<br>", "\n") for c in cells])
                    table.row_lines.append(i + 1)
                i += 1
            blocks.append(table)
            continue
        if not line.strip():
            i += 1
            continue
        start = i
        parts = [line.strip()]
        i += 1
        # headings and list items stand alone; other lines of a paragraph are joined
        if not re.match(r"\s*(#|[-*+]\s|\d+[.、)]\s?)", line):
            while i < n and lines[i].strip() and not re.match(r"\s*(#|[-*+]\s|\d+[.、)]|\|)", lines[i]):
                parts.append(lines[i].strip())
                i += 1
        par_no += 1
        blocks.append(Paragraph(par_no, start + 1, "".join(parts).lstrip("#").strip()))
    return blocks


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _is_zip_without_document(data: bytes) -> bool:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" not in z.namelist()
    except zipfile.BadZipFile:
        return False


def _docx_blocks(data: bytes, file: str) -> list[Block]:
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        what = "缺少正文 word/document.xml" if _is_zip_without_document(data) else "文件已损坏或不是 Word 文档"
        raise InputError([Problem(f"无法打开 .docx：{what}。请在 Word/WPS 中打开后另存为 .docx", file)]) from None
    except Exception as exc:  # lxml errors on a broken part
        where = ""
        pos = getattr(exc, "position", None)
        if pos:
            where = f"（第 {pos[0]} 行第 {pos[1]} 列）"
        raise InputError([Problem(f"无法解析 .docx：word/document.xml 不是有效的 XML{where}，文件可能已损坏。"
                                  "请在 Word/WPS 中打开后另存为 .docx", file)]) from None
    blocks: list[Block] = []
    par_no = tab_no = 0
    for el in document.element.body.iterchildren():
        if el.tag == _W + "p":
            par_no += 1
            text = _text(el).strip()
            if text:
                blocks.append(Paragraph(par_no, par_no, text))
        elif el.tag == _W + "tbl":
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
                    width = int(span.get(_W + "val", "1")) if span is not None else 1
                    row.extend([""] * (width - 1))
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
