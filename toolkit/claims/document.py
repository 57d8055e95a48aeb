"""An existing report read as blocks in document order: paragraphs and tables, each with where it came from.

* ``.docx``: body paragraphs and tables in order. The package is opened with the zip limits of
  ``toolkit/limits.py`` (:mod:`toolkit.safezip`: member count, inflated sizes, compression ratio, checked before
  anything is inflated) and only the main document part is inflated and parsed (lxml, no entities, no network,
  libxml2's depth and size limits). Merged cells come out as in a text export: the first cell of a merge carries the
  text, the rest are empty.
* ``.txt`` and ``.md``: tables in any of three text layouts, wherever they occur —

  - Word's "save as text" export (the seeds): one cell per line, each cell line starting with a tab, a cell's
    continuation lines without one, rows separated by a blank line;
  - tab-separated rows, one row per line (a spreadsheet pasted as text);
  - Markdown pipe tables (``| a | b |``, the ``|---|`` line optional);
  - in a ``.txt``, one cell a line without Word's leading tabs (a header such as 科目编码 / 科目名称 / 决算数, then
    each row's label cells closed by its figures, written with decimals): :func:`_bare_cells`.

  In a ``.txt`` every other non-blank line is a paragraph; in a ``.md`` a paragraph is a run of non-blank lines
  (headings and list items stand alone).
* ``.pdf``: :mod:`.pdf` (its text layer in reading order and its ruled tables; a scanned PDF is refused with a
  message saying so).
"""
from __future__ import annotations

from ..lazyre import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Problem
from ..limits import MB, limit, shown
from ..load import decode

SUFFIXES = (".docx", ".txt", ".md", ".pdf")


@dataclass
class Paragraph:
    index: int  # 1-based paragraph number (tables not counted)
    line: int  # line in a .txt/.md; the paragraph number in a .docx; the page in a .pdf
    text: str

    @property
    def where(self) -> str:
        return f"第{self.index}段"


@dataclass
class Table:
    index: int  # 1-based table number
    line: int  # line of its first row (.txt/.md), the number of the paragraph before it (.docx), its page (.pdf)
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


_UNIT = re.compile(r"单位[：:]\s*(亿元|万元|元)|[（(](亿元|万元|元)[）)]")


def table_units(doc: Document) -> dict[int, str]:
    """The money unit of each table (by table number) that states one: in the line before it (表1 …（单位：元）,
    单位：万元) or in its first rows (金额（万元）); tables stating none or two are left out."""
    out: dict[int, str] = {}
    before = ""
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            before = b.text
            continue
        heads = " ".join(c for row in b.rows[:2] for c in row)
        found = {m.group(1) or m.group(2) for m in _UNIT.finditer(before[-60:] + " " + heads)}
        if len(found) == 1:
            out[b.index] = found.pop()
        before = ""
    return out


def refuse(file: str):
    """A function making the InputError of a refusal about ``file`` (for :mod:`toolkit.safezip`)."""
    return lambda message: InputError([Problem(message, file)])


def read(path: str | Path) -> Document:
    """Read a report; raises :class:`InputError` (in Chinese) for a missing, unreadable, unsupported or oversized
    file."""
    p = Path(path)
    file = str(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError([Problem(f"不支持的文件类型“{p.suffix or '无扩展名'}”：jixiao lint 只读取 .docx、.pdf、.txt 或 .md 报告"
                                  "（.doc、.wps 请先在 Word/WPS 中另存为 .docx）", file)])
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise IsADirectoryError
        if size > limit("lint_bytes"):
            raise InputError([Problem(f"文件有 {size / MB:,.1f} MB，超过 jixiao lint 可读取的 {shown('lint_bytes')}"
                                      "（一份报告通常不到 5 MB）", file)])
        if suffix == ".docx":
            from .wordfile import read_docx
            return _bounded(Document(file, read_docx(p, file), text_lines=False))
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem("文件不存在", file)]) from None
    except IsADirectoryError:
        raise InputError([Problem("这是一个目录，不是报告文件", file)]) from None
    except OSError as exc:
        raise InputError([Problem(f"无法读取文件：{exc.strerror}", file)]) from None
    if suffix == ".pdf":
        from .pdf import read_pdf
        return _bounded(Document(file, read_pdf(data, file), text_lines=False))
    text, _enc = decode(data, file)
    if not text.strip():
        raise InputError([Problem("文件是空的，没有可检查的报告文字（是否选错了文件？）", file)])
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return _bounded(Document(file, text_blocks(lines, markdown=suffix == ".md")))


def _bounded(doc: Document) -> Document:
    """``doc``, or a refusal when its text is beyond what any report holds (so lint ends in bounded time)."""
    n = sum(len(b.text) if isinstance(b, Paragraph) else sum(map(len, (c for row in b.rows for c in row)))
            for b in doc.blocks)
    if n > limit("lint_chars"):
        raise InputError([Problem(f"报告的文字有 {n:,} 个字符，超过 jixiao lint 可检查的 {shown('lint_chars')}"
                                  "（一份报告通常不到 15 万字；是否把多份报告合在了一个文件里？请分开检查）", doc.file)])
    return doc


# ----------------------------------------------------------------------------------------------------------------
# Text layouts

_CELL_STRIP = " \u3000\t\xa0"
_MD_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_ALONE = re.compile(r"\s*(#|[-*+]\s|\d+[.、)]\s?)")
_MD_BREAK = re.compile(r"\s*(#|[-*+]\s|\d+[.、)]|\|)")


def _is_tsv(line: str) -> bool:
    """A tab-separated row: a tab between two cells (Word's one-cell-a-line export has a single leading tab)."""
    body = line.rstrip(" \u3000\xa0\t").lstrip("\t")
    return "\t" in body and sum(1 for c in body.split("\t") if c.strip(_CELL_STRIP)) >= 2


def _is_pipe(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 2


def _pipe_cells(line: str) -> list[str]:
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    return [_MD_EMPHASIS.sub(r"\2", c.strip(_CELL_STRIP)).replace("<br>", "\n").replace("<br/>", "\n")
            for c in s.split("|")]


#: Markdown emphasis around a whole cell (**总分**, __合计__, *小计*): the cell's words are inside it
_MD_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(.+?)\1$")


def _pad(table: Table) -> Table:
    """Rows of a text table made as wide as its widest row (trailing empty cells are often trimmed)."""
    width = max((len(r) for r in table.rows), default=0)
    for r in table.rows:
        r.extend([""] * (width - len(r)))
    return table


def text_blocks(lines: list[str], markdown: bool = False) -> list[Block]:
    """Paragraphs and tables of a text file in any of the three text table layouts."""
    blocks: list[Block] = []
    par_no = tab_no = 0
    i, n = 0, len(lines)
    runs = not markdown and _sentence_lines(lines)
    while i < n:
        line = lines[i]
        if _is_pipe(line) or ("|" in line and i + 1 < n and "|" in lines[i + 1] and _MD_SEP.match(lines[i + 1])):
            tab_no += 1
            table = Table(tab_no, i + 1)
            while i < n and ("|" in lines[i] and lines[i].strip()):
                if not _MD_SEP.match(lines[i]):
                    table.rows.append(_pipe_cells(lines[i]))
                    table.row_lines.append(i + 1)
                i += 1
            blocks.append(_pad(table))
            continue
        if _is_tsv(line):
            tab_no += 1
            table = Table(tab_no, i + 1)
            while i < n and "\t" in lines[i] and lines[i].strip(_CELL_STRIP):
                table.rows.append([c.strip(_CELL_STRIP) for c in lines[i].rstrip("\n").split("\t")])
                table.row_lines.append(i + 1)
                i += 1
            # trailing tabs trimmed by an editor: a row is as wide as the widest
            blocks.append(_pad(table))
            continue
        if line.startswith("\t") or _first_cell(lines, i):
            tab_no += 1
            i = _word_export(lines, i, Table(tab_no, i + 1), blocks)
            continue
        bare = None if markdown else (_bare_score_table(lines, i, tab_no + 1) or _bare_cells(lines, i, tab_no + 1))
        if bare is not None:
            tab_no += 1
            table, i = bare
            blocks.append(table)
            continue
        if not line.strip():
            i += 1
            continue
        start = i
        parts = [line.strip()]
        i += 1
        if markdown and not _MD_ALONE.match(line):
            # a paragraph of a Markdown file runs over its lines; headings and list items stand alone
            while i < n and lines[i].strip() and not _MD_BREAK.match(lines[i]) and not lines[i].startswith("\t") \
                    and not _is_tsv(lines[i]):
                parts.append(lines[i].strip())
                i += 1
        elif runs and not _TXT_HEADING.match(line):
            # a text file written a sentence a line, paragraphs parted by blank lines: the lines up to the blank one
            while i < n and lines[i].strip() and not _TXT_HEADING.match(lines[i]) and not lines[i].startswith("\t") \
                    and not _is_tsv(lines[i]) and not _is_pipe(lines[i]) \
                    and _bare_score_table(lines, i, tab_no + 1) is None and _bare_cells(lines, i, tab_no + 1) is None:
                parts.append(lines[i].strip())
                i += 1
        par_no += 1
        text = "".join(parts)
        blocks.append(Paragraph(par_no, start + 1, text.lstrip("#").strip() if markdown else text))
    return blocks


#: a heading line of a text file (一、 （二） 3. 4、 第一部分): it stands alone
_TXT_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d)|第[一二三四五六七八九十]+[部章节])"
                          r"[^。]{0,30}$")


def _sentence_lines(lines: list[str]) -> bool:
    """A text file written a sentence a line, its paragraphs parted by blank lines (as some exports and editors
    write it): blank lines part the prose into groups, most of them of two lines or more, and most lines are short
    whole sentences. A file of a paragraph a line (the usual .txt) has long lines, or no blank lines in its prose."""
    def prose(ln: str) -> bool:
        return bool(ln.strip()) and not ln.startswith("\t") and not _is_tsv(ln) and not _is_pipe(ln)

    groups: list[list[str]] = [[]]
    parted = 0  # blank lines between two prose lines
    last = ""
    for ln in lines:
        if not ln.strip():
            if groups[-1]:
                groups.append([])
        elif prose(ln):
            if not groups[-1] and last == "prose":
                parted += 1
            groups[-1].append(ln.strip())
            last = "prose"
        else:
            groups.append([])  # a table row ends the prose group
            last = "table"
    groups = [g for g in groups if g]
    lines_in = [ln for g in groups for ln in g]
    if parted < 5 or len(lines_in) < 12:
        return False
    long_groups = [g for g in groups if len(g) >= 2]
    sentences = sorted(len(ln) for ln in lines_in if ln.endswith(("。", "！", "？", "；")))
    return len(long_groups) >= len(groups) * 0.3 and sum(map(len, long_groups)) >= len(lines_in) * 0.5 \
        and len(sentences) >= len(lines_in) * 0.5 and sentences[len(sentences) // 2] <= 40


_HEAD_CELL = re.compile(r"(19|20)\d\d年度?|((19|20)\d\d年)?[\u4e00-\u9fff（）()、“”\"%％]{1,12}")
#: the head of a column of figures (a bare year, 2023年 | 2024年, heads that year's figures)
_FIGURE_HEAD = re.compile(r"数|额|增减|合计|支出|收入|预算|决算|率|占比|^(19|20)\d\d年度?$")
_LABEL_HEAD = re.compile(r"^(项目|科目|类别|资金类别|经济分类|功能分类|分类|(?:收入|资金|支出|经费)?来源|(?:支出|资金)?用途)"
                         r"(?:[（(][^（）()]{1,12}[）)])?$|名称$|编码$|代码$|类别$|类型$")
# (项目（科目编码及名称）, 项目（经济分类科目）: the column of names with what they are in brackets)
_FIGURE_CELL = re.compile(r"-?[\d,]+\.\d+%?|0|—|-")
_DASH_CELL = re.compile(r"[—\-－–]{1,2}")
#: the head of a column of counts or of work by its state (计划个数, 数量, 户数, 已完工, 在建, 未开工, 完成投资)
_COUNT_HEAD = re.compile(r"(?:已|未|计划)?(?:完工|竣工|开工|完成|实施|验收|达标)(?:数|个数|项目数|投资)?|在建|"
                         r"(?:计划|完成|累计)?投资|数量")
_COUNTS_HEAD = re.compile(r"个数|数量|[个项人户家所辆次]数$|(?:^|已|未)(?:完工|竣工|开工)$|^在建$")
_WHOLE_CELL = re.compile(r"\d{1,7}")
#: heads of columns whose whole numbers are no counts to add (人均支出（元）, 占比（%）, 单价, 执行率)
_NOT_COUNT_HEAD = re.compile(r"人均|平均|单价|均价|占比|比重|比例|率|[%％]")
_LABEL_CELL = re.compile(r"(其中[：:])?[^。，；：,;:]{1,30}")


def _bare_cells(lines: list[str], i: int, number: int) -> tuple[Table, int] | None:
    """A table exported one cell a line without Word's leading tabs (科目编码 / 科目名称 / 决算数, then each row's
    cells on lines of their own): a header of two to six short cells naming labels and figures, the figure headers
    last, then rows of label cells each closed by its figures (written with decimals, so a code such as 208 is a
    label); a row missing its first label cells (合计 without a code) is padded on the left. None when the lines at
    ``i`` are not such a table (two rows at least)."""
    n = len(lines)
    top = 0
    while i + top < n and top < 8 and _HEAD_CELL.fullmatch(lines[i + top].strip()):
        top += 1
    for k in range(min(top, 8), 1, -1):  # the first row's label cells may look like header cells
        found = _bare_table(lines, i, k, number)
        if found is not None:
            return found
    for k in range(min(top, 8), 1, -1):
        found = _fixed_rows(lines, i, k, number)
        if found is not None:
            return found
    return None


#: the head of a last column of words after the figures: 实施情况, 备注, 偏差原因
_TEXT_HEAD = re.compile(r"(?:实施|完成|进展|执行|项目)?(?:情况|状态|进度)(?:说明)?|备注|说明|(?:偏差|差异)?原因(?:分析)?")

#: the head of a column of names: 项目, 收入项目, 支出项目（按功能分类）, 科目名称, 科目编码
_NAMES_HEAD = re.compile(r"(项目|名称|科目|编码|代码|类别)(?:[（(][^（）()]{1,10}[）)])?$")


def _fixed_rows(lines: list[str], i: int, k: int, number: int) -> tuple[Table, int] | None:
    """A table exported one cell a line whose rows are all ``k`` lines, an empty cell an empty line, parted by one
    blank line (Word's export of a 收支总表 with its income and spending side by side: 收入项目 | 决算数 | 支出项目 |
    决算数, a row with no income item opening with two empty lines). Each row's cells must fit their heads: figures
    (or nothing) under the figure heads, names (or nothing) under the name heads. None unless three rows fit."""
    n = len(lines)
    heads = [lines[i + j].strip() for j in range(k)]
    names = [bool(_NAMES_HEAD.search(h)) for h in heads]
    figures = [not nm and bool(_FIGURE_HEAD.search(h)) for h, nm in zip(heads, names)]
    if not names[0] or not any(figures) or not all(a or b for a, b in zip(names, figures)):
        return None
    table = Table(number, i + 1, [heads], [i + 1])
    j = i + k
    while j + k < n and not lines[j].strip():
        cells = [lines[j + 1 + c].strip() for c in range(k)]
        if j + 1 + k < n and lines[j + 1 + k].strip():
            break  # the row runs on past its width: not this table's row
        if not any(cells[c] for c in range(k) if names[c]) or not any(cells[c] for c in range(k) if figures[c]) \
                or any(cells[c] and not _FIGURE_CELL.fullmatch(cells[c]) for c in range(k) if figures[c]) \
                or any(cells[c] and _FIGURE_CELL.fullmatch(cells[c]) for c in range(k) if names[c]):
            break
        table.rows.append(cells)
        table.row_lines.append(j + 2)
        j += 1 + k
    if len(table.rows) < 3:
        return None
    return table, j


def _bare_table(lines: list[str], i: int, k: int, number: int) -> tuple[Table, int] | None:
    """:func:`_bare_cells` with a header of ``k`` cells."""
    n = len(lines)
    heads = [lines[i + j].strip() for j in range(k)]
    tail = 1 if k >= 3 and _TEXT_HEAD.fullmatch(heads[-1]) else 0  # …| 执行率（%）| 实施情况: a last column of words
    k -= tail
    m = 0
    while m < k and (_FIGURE_HEAD.search(heads[k - 1 - m]) or _COUNT_HEAD.fullmatch(heads[k - 1 - m])) \
            and not _LABEL_HEAD.search(heads[k - 1 - m]):
        m += 1
    # a table of counts (计划个数 | 已完工 | 在建 …) writes its figures as whole numbers: under such heads a whole
    # number is a figure (in the label columns it stays a label: 208, a function code)
    whole = any(_COUNTS_HEAD.search(h) for h in heads[k - m:k])
    if not m or m == k or not any(_LABEL_HEAD.search(h) for h in heads[:k - m]) \
            or any(h in heads[k - m:k] for h in heads[:k - m]):
        return None  # (a head of figures among the label heads, 项目 | 决算数 | 项目 | 决算数: two lists side by side)
    table = Table(number, i + 1, [heads], [i + 1])
    j = i + k + tail
    if j < n and not lines[j].strip() and top_blank(lines, j):
        j += 1  # a blank line between the header and the first row (a 决算 table pasted from a spreadsheet)
    while j < n:
        labels: list[str] = []
        start = j
        if table.rows and not lines[j].strip() and j + 1 < n and lines[j + 1].strip() \
                and not _FIGURE_CELL.fullmatch(lines[j + 1].strip()):
            j += 1  # rows parted by a blank line (each row's cells, then a blank line): the blank line parts them
        else:
            # the parting blank line, then a blank line for each empty label cell the row opens with (Word writes an
            # empty cell as an empty line: 合计 with no 科目编码): the row's labels are padded on the left below
            b = 0
            while j + b < n and not lines[j + b].strip() and b <= k - m:
                b += 1
            if 2 <= b <= k - m and j + b < n and not _FIGURE_CELL.fullmatch(lines[j + b].strip()) \
                    and (table.rows or b == 2):
                j += b
        while j < n and len(labels) < k - m and lines[j].strip() and (
                (not _FIGURE_CELL.fullmatch(lines[j].strip()) and _LABEL_CELL.fullmatch(lines[j].strip()))
                or (labels and _DASH_CELL.fullmatch(lines[j].strip()) and j + m < n
                    and all(_FIGURE_CELL.fullmatch(lines[j + 1 + c].strip()) and lines[j + 1 + c].strip() not in "—-"
                            for c in range(m)))
                or (not labels and k - m >= 2 and _DASH_CELL.fullmatch(lines[j].strip()) and j + 1 < n
                    and not _FIGURE_CELL.fullmatch(lines[j + 1].strip()) and _LABEL_CELL.fullmatch(lines[j + 1].strip()))):
            # (— | 合计 | 250.78: a dash for the code a 合计 row has not)
            labels.append(lines[j].strip())  # 合计 | — | 7621.76: a dash in a label column, the figures after it
            j += 1
        figures: list[str] = []
        while j < n and len(figures) < m:
            cell = lines[j].strip()
            if not cell and labels and figures:
                # the row's last cells empty, each an empty line, then the blank line parting the rows: as many
                # blank lines as cells left and one more, the next row (or the end) after them
                b = 0
                while j + b < n and not lines[j + b].strip():
                    b += 1
                if b == m - len(figures) + 1 and (j + b == n or not _FIGURE_CELL.fullmatch(lines[j + b].strip())):
                    figures += [""] * (m - len(figures))
                    j += b - 1
                    break
            # a blank line among a row's figures is an empty cell (项目支出 left blank) when a cell follows it
            if not (_FIGURE_CELL.fullmatch(cell) or (whole and _WHOLE_CELL.fullmatch(cell)
                                                     and not _NOT_COUNT_HEAD.search(heads[k - m + len(figures)]))
                    or (not cell and labels
                                                     and (len(figures) == m - 1 or top_blank(lines, j)))):
                break
            figures.append(cell)
            j += 1
        if not labels or len(figures) != m or not any(figures):
            j = start
            break
        words = []
        if tail:  # the row's words cell: one line that is no figure (or an empty line for an empty cell)
            cell = lines[j].strip() if j < n else ""
            if cell and _FIGURE_CELL.fullmatch(cell):
                j = start
                break
            words = [cell]
            j += 1 if cell else 0
        table.rows.append([""] * (k - m - len(labels)) + labels + figures + words)
        table.row_lines.append(start + 1)
    if len(table.rows) < 3:
        return None
    return table, j


#: the head of a 自评表's weight column: 分值, 权重, 满分, 标准分, with its unit (权重（%）, 分值（分）)
WEIGHT_HEAD = re.compile(r"(?:指标)?(?:分值|权重分?|满分|标准分值?)(?:[（(](?:分|%|％|分值|权重)[）)])?")
#: the head of its score column: 得分, 自评得分, 评价得分, 得分（分）
SCORE_HEAD = re.compile(r"(?:自评|评价|实际)?得分(?:[（(]分[）)])?")

#: the heads of a 自评表's columns (DOMAIN §3): the indicator's levels and name, target, actual, weight, score, reason
_SCORE_HEAD = re.compile(r"(一级|二级|三级)?指标(名称)?|(年度|全年)?(指标值|目标值)|预期目标|实际完成值?|实际值|完成值|"
                         r"实际完成情况|(?:指标)?(?:分值|权重分?|满分|标准分值?)(?:[（(](?:分|%|％|分值|权重)[）)])?|(?:自评|评价|实际)?得分(?:[（(]分[）)])?|偏差原因(分析)?(及改进措施)?|"
                         r"未完成原因|备注|评分标准|指标类型")
_NAME_HEAD = re.compile(r"(一级|二级|三级)?指标(名称)?")
_SCORE_CELL = re.compile(r"\d+(?:\.\d+)?\s*分?")
_LONG_HEAD = re.compile(r"原因|备注|标准")


def _bare_score_table(lines: list[str], i: int, number: int) -> tuple[Table, int] | None:
    """A 自评表 exported one cell a line without Word's leading tabs: a header of four to ten cells that are all
    heads of a scoring table's columns (一级指标 / 三级指标 / 年度指标值 / 实际完成值 / 分值 / 得分 …: at least one
    naming the indicator, one the weight and one the score), then rows of as many lines, a blank line standing for
    an empty cell (a merged 一级 cell, a 合计 row's empty columns); every row's 分值 and 得分 cells are figures.
    The table ends at the first group of lines that is not such a row; None unless two rows at least are read."""
    n = len(lines)
    heads: list[str] = []
    j = i
    while j < n and len(heads) < 10 and _SCORE_HEAD.fullmatch(re.sub(r"\s+", "", lines[j])):
        heads.append(re.sub(r"\s+", "", lines[j]))
        j += 1
    k = len(heads)
    if k < 4 or not any(_NAME_HEAD.fullmatch(h) for h in heads):
        return None
    weight = [c for c, h in enumerate(heads) if WEIGHT_HEAD.fullmatch(h)]
    score = [c for c, h in enumerate(heads) if SCORE_HEAD.fullmatch(h)]
    if len(weight) != 1 or len(score) != 1:
        return None
    table = Table(number, i + 1, [heads], [i + 1])

    def row_at(at: int) -> list[str] | None:
        if at + k > n:
            return None
        cells = [lines[at + c].strip(_CELL_STRIP) for c in range(k)]
        if not all(_SCORE_CELL.fullmatch(cells[c]) for c in (weight[0], score[0])) \
                or any(len(x) > (300 if _LONG_HEAD.search(heads[c]) else 60) for c, x in enumerate(cells)) \
                or not any(cells[c] for c in range(k) if c not in (weight[0], score[0])):
            return None
        return cells

    # rows parted by a blank line (each row's k lines, blank ones its empty cells, then a blank line): a blank line
    # after the header, a row, and a blank line after it
    parted = j < n and not lines[j].strip() and row_at(j + 1) is not None \
        and (j + 1 + k >= n or not lines[j + 1 + k].strip())
    while True:
        at = j + 1 if parted else j
        cells = row_at(at)
        if cells is None or (parted and lines[j].strip()):
            break
        table.rows.append(cells)
        table.row_lines.append(at + 1)
        j = at + k
    closing = _short_total_row(lines, j, k, weight[0], score[0])
    if closing is not None and len(table.rows) >= 3:
        row, used = closing
        table.rows.append(row)
        table.row_lines.append(j + 1)
        j += used
    if len(table.rows) < 3:
        return None
    return table, j


def _short_total_row(lines: list[str], j: int, k: int, wc: int, sc: int) -> tuple[list[str], int] | None:
    """A 自评表's closing 合计 row exported with fewer lines than the table has columns (合计, blank lines for the
    merged cells, then 100 and 97.40): its figures are the 分值 and 得分, or the 得分 alone. (row, lines used) or None."""
    from .tables import _TOTAL_SCORE_LABEL  # the 总分 row's names, as the 自评表 reader knows them

    if j >= len(lines) or not _TOTAL_SCORE_LABEL.match(lines[j].strip(_CELL_STRIP)):
        return None
    figures: list[str] = []
    m = j + 1
    while m < len(lines) and m - j < k and len(figures) < 2:
        cell = lines[m].strip(_CELL_STRIP)
        if cell and not _SCORE_CELL.fullmatch(cell):
            break
        if cell:
            figures.append(cell)
        elif figures:
            break
        m += 1
    if not figures or (m < len(lines) and lines[m].strip() and m - j < k):
        return None  # more cells follow: not a short row
    row = [lines[j].strip(_CELL_STRIP)] + [""] * (k - 1)
    if len(figures) == 2:
        row[wc], row[sc] = figures
    else:
        row[sc] = figures[0]
    return row, m - j


def top_blank(lines: list[str], j: int) -> bool:
    """One blank line at ``j`` with a cell right after it (not the end of the text)."""
    return j + 1 < len(lines) and bool(lines[j + 1].strip())


#: a line that is no row's first cell: a caption, a unit line, a heading, a sentence
_NOT_FIRST_CELL = re.compile(r"^\s*(?:表\s*\d|单位[：:]|[一二三四五六七八九十]+、)|[。：:；;]\s*$")


def _first_cell(lines: list[str], i: int) -> bool:
    """A row's first cell written without the tab its other cells begin with (序号 / 1, then ``\t项目名称`` …): a
    short line right before a line that begins with a tab."""
    line = lines[i]
    return bool(line.strip()) and not line.startswith("\t") and len(line.strip()) <= 20 and i + 1 < len(lines) \
        and lines[i + 1].startswith("\t") and not _is_tsv(lines[i + 1]) and not _is_tsv(line) \
        and not _NOT_FIRST_CELL.search(line)


def _word_export(lines: list[str], i: int, table: Table, blocks: list[Block]) -> int:
    """A table in Word's text export (one cell a line, rows separated by a blank line), from line ``i``; a row's
    first cell may be written without its tab (:func:`_first_cell`)."""
    n = len(lines)
    while i < n:
        if not lines[i].strip(_CELL_STRIP) and not lines[i].startswith("\t"):
            # a blank line ends a row; the table goes on if the next line starts a cell
            if i + 1 < n and ((lines[i + 1].startswith("\t") and not _is_tsv(lines[i + 1])) or _first_cell(lines, i + 1)):
                i += 1
                continue
            break
        bare = _first_cell(lines, i)  # the row's first cell without its tab
        if not bare and (not lines[i].startswith("\t") or _is_tsv(lines[i])):
            break
        table.row_lines.append(i + 1)
        row: list[str] = [lines[i].strip(_CELL_STRIP)] if bare else []
        i += 1 if bare else 0
        # a line without a tab continues the cell before it (a cell of several lines), not the bare first cell, and
        # in a table of bare first cells a line right before a tabbed one opens the next row
        while i < n and ((lines[i].startswith("\t") and not _is_tsv(lines[i]))
                         or (len(row) > bare and lines[i].strip() and not (bare and _first_cell(lines, i)))):
            if lines[i].startswith("\t"):
                row.append(lines[i][1:].strip(_CELL_STRIP))
            else:
                row[-1] = (row[-1] + "\n" + lines[i].strip(_CELL_STRIP)).strip()
            i += 1
        table.rows.append(row)
    blocks.append(table)
    return i
