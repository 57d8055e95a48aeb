"""A PDF report read as paragraphs and tables: its text layer in reading order, its ruled tables as rows of cells.

PDFium (``pypdfium2``, the engine pdfplumber itself renders with) gives every character with its box and every
path object with its bounds; the layout is rebuilt from that geometry:

* **tables**: thin horizontal and vertical paths are the rules of a table grid. Rules that touch form one table;
  the distinct rule positions cut it into grid cells; two grid cells with no rule between them are one merged
  cell (its text goes to the first, as in a text export). A cell's text is its characters line by line, joined
  without a break (a cell wraps where the column is narrow: ``社会保障`` / ``和就业支出``).
* **tables without rules**: three or more lines in a row, each cut into two or more cells by gaps wider than one
  and a half characters (项目      本年数), the first a header of words (a chart's data labels have none), at least
  two ending in a figure, are a table too: each cell goes under the column of the widest line it stands in (a blank
  cell leaves a gap, not a shift; where the columns are not clear, a line short of cells, as a 合计 row without its
  code, is padded on the left), and a line of words under the first cell of a row is that cell wrapped — :func:`_unruled`.
* **paragraphs**: the characters outside tables grouped into lines (by their vertical centre), lines into
  paragraphs: a line ends its paragraph when it ends a sentence or stops short of the right margin, a line starts a
  new one when it is indented or starts with a heading number. Page numbers in the margins are left out.

A PDF with no text layer (a scan) is refused with a message saying so, not read as an empty report. (pdfminer,
which pdfplumber parses with, takes about 85 ms a page on this machine, far too slow for a 100-page report in
under 2 s; PDFium takes about 3 ms.)
"""
from __future__ import annotations

from ..lazyre import re
from dataclasses import dataclass

from ..errors import InputError, Problem
from ..limits import limit, shown
from .document import Block, Paragraph, Table

#: a rule is a path at most this thick (points)
_THIN = 2.5
#: rules closer than this (points) are the same line
_SNAP = 2.0
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d{1,4})?[-—–\s]*$|^[-—–]\s*\d{1,4}\s*[-—–]$")
_HEADING = re.compile(r"^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d)|第[一二三四五六七八九十\d]+部分|表\s*\d|附件)")
_SENTENCE_END = "。！？；：:;!?"


@dataclass
class Char:
    c: str
    x0: float
    y0: float  # bottom (PDF y grows upwards)
    x1: float
    y1: float

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


def _problem(file: str, message: str) -> InputError:
    return InputError([Problem(message, file)])


def read_pdf(data: bytes, file: str) -> list[Block]:
    """Paragraphs and tables of a PDF; InputError for a broken, encrypted, oversized or scanned one."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        text = str(exc)
        if "password" in text.lower():
            raise _problem(file, "PDF 已加密（需要密码），无法读取。请提供未加密的 PDF 或 Word 原文件") from None
        raise _problem(file, "无法打开 PDF：文件已损坏或不是 PDF。请重新导出 PDF，或提供 Word 原文件") from None
    try:
        n = len(pdf)
        if n > limit("lint_pdf_pages"):
            raise _problem(file, f"PDF 有 {n:,} 页，超过 jixiao lint 可读取的 {shown('lint_pdf_pages')}")
        if n == 0:
            raise _problem(file, "PDF 中没有页面")
        blocks: list[Block] = []
        state = _State()
        text_chars = images = 0
        for i in range(n):
            page = pdf[i]
            try:
                chars, rules, pictures = _page_objects(page)
            finally:
                page.close()
            text_chars += len(chars)
            images += pictures
            _layout(chars, rules, i + 1, state, blocks)
    finally:
        pdf.close()
    if not text_chars:
        if images:
            raise _problem(file, "这是扫描件或图片生成的 PDF：没有文字层，无法读取其中的文字和数字。"
                                 "请提供 Word 原文件或带文字层的 PDF（可先用 OCR 软件识别）")
        raise _problem(file, "PDF 中没有可读取的文字（没有文字层）")
    return blocks


def _page_objects(page) -> tuple[list[Char], tuple[list, list], int]:
    """(characters, (horizontal rules, vertical rules), number of images) of one page."""
    import ctypes

    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    chars: list[Char] = []
    try:
        tp = textpage.raw
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        rect = raw.FS_RECTF()
        for k in range(raw.FPDFText_CountChars(tp)):
            code = raw.FPDFText_GetUnicode(tp, k)
            if code in (0, 0xFFFE, 0xFFFF) or raw.FPDFText_IsGenerated(tp, k) == 1:
                continue
            c = chr(code) if code < 0x110000 else ""
            if not c or c in "\r\n\x00":
                continue
            if raw.FPDFText_GetLooseCharBox(tp, k, rect):
                box = (rect.left, rect.bottom, rect.right, rect.top)
            elif raw.FPDFText_GetCharBox(tp, k, left, right, bottom, top):
                box = (left.value, bottom.value, right.value, top.value)
            else:
                continue
            x0, y0, x1, y1 = box
            chars.append(Char(c, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    finally:
        textpage.close()
    hs, vs, pictures = [], [], 0
    for obj in page.get_objects(max_depth=3):
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            pictures += 1
            continue
        if obj.type != raw.FPDF_PAGEOBJ_PATH:
            continue
        x0, y0, x1, y1 = obj.get_bounds()
        w, h = x1 - x0, y1 - y0
        if h <= _THIN and w > 3 * _THIN:
            hs.append(((y0 + y1) / 2, x0, x1))
        elif w <= _THIN and h > 3 * _THIN:
            vs.append(((x0 + x1) / 2, y0, y1))
    return chars, (hs, vs), pictures


# ----------------------------------------------------------------------------------------------------------------
# Tables from rules


@dataclass
class _Grid:
    x0: float
    y0: float
    x1: float
    y1: float
    hs: list[tuple[float, float, float]]
    vs: list[tuple[float, float, float]]


def _grids(hs: list, vs: list) -> list[_Grid]:
    """Groups of touching rules with at least two rules each way: table grids."""
    segs = [("h", s) for s in hs] + [("v", s) for s in vs]
    parent = list(range(len(segs)))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    hi = [k for k, (d, _s) in enumerate(segs) if d == "h"]
    vi = [k for k, (d, _s) in enumerate(segs) if d == "v"]
    vi.sort(key=lambda k: segs[k][1][0])
    xs = [segs[k][1][0] for k in vi]
    import bisect

    for a in hi:
        y, hx0, hx1 = segs[a][1]
        lo = bisect.bisect_left(xs, hx0 - _SNAP)
        up = bisect.bisect_right(xs, hx1 + _SNAP)
        for b in vi[lo:up]:
            _x, vy0, vy1 = segs[b][1]
            if vy0 - _SNAP <= y <= vy1 + _SNAP:
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[ra] = rb
    groups: dict[int, list[int]] = {}
    for k in range(len(segs)):
        groups.setdefault(find(k), []).append(k)
    out = []
    for members in groups.values():
        gh = [segs[k][1] for k in members if segs[k][0] == "h"]
        gv = [segs[k][1] for k in members if segs[k][0] == "v"]
        if len(gh) < 2 or len(gv) < 2:
            continue
        out.append(_Grid(min(min(s[1] for s in gh), min(s[0] for s in gv)), min(min(s[0] for s in gh), min(s[1] for s in gv)),
                         max(max(s[2] for s in gh), max(s[0] for s in gv)), max(max(s[0] for s in gh), max(s[2] for s in gv)),
                         gh, gv))
    return out


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _SNAP:
            continue
        out.append(v)
    return out


def _covered(segs: list[tuple[float, float, float]], at: float, lo: float, hi: float) -> bool:
    """A rule at position ``at`` covering the middle of the span lo..hi."""
    mid = (lo + hi) / 2
    return any(abs(p - at) <= _SNAP and a - _SNAP <= mid <= b + _SNAP for p, a, b in segs)


def _table(grid: _Grid, chars: list[Char]) -> list[list[str]]:
    ys = _snap([s[0] for s in grid.hs])[::-1]  # top to bottom
    xs = _snap([s[0] for s in grid.vs])
    nr, nc = len(ys) - 1, len(xs) - 1
    if nr < 1 or nc < 1:
        return []
    # merged grid cells: no rule between neighbours
    parent = {(r, c): (r, c) for r in range(nr) for c in range(nc)}

    def find(a):
        while parent[a] != a:
            a = parent[a]
        return a

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            keep, drop = min(ra, rb), max(ra, rb)
            parent[drop] = keep

    for r in range(nr):
        for c in range(nc - 1):
            if not _covered(grid.vs, xs[c + 1], ys[r + 1], ys[r]):
                union((r, c), (r, c + 1))
    for r in range(nr - 1):
        for c in range(nc):
            if not _covered(grid.hs, ys[r + 1], xs[c], xs[c + 1]):
                union((r, c), (r + 1, c))
    cells: dict[tuple[int, int], list[Char]] = {}
    import bisect

    neg_ys = [-y for y in ys]
    for ch in chars:
        c = bisect.bisect_right(xs, ch.cx) - 1
        r = bisect.bisect_right(neg_ys, -ch.cy) - 1
        if 0 <= r < nr and 0 <= c < nc:
            cells.setdefault(find((r, c)), []).append(ch)
    rows = [["" for _ in range(nc)] for _ in range(nr)]
    for (r, c), cs in cells.items():
        rows[r][c] = "".join(_line_text(line) for line in _lines(cs)).strip()
    return rows


# ----------------------------------------------------------------------------------------------------------------
# Lines and paragraphs


def _lines(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped into lines (top to bottom), each sorted left to right."""
    out: list[list[Char]] = []
    for ch in sorted(chars, key=lambda ch: (-ch.cy, ch.x0)):
        if out:
            line = out[-1]
            ref = line[0]
            height = max(ref.y1 - ref.y0, ch.y1 - ch.y0, 1.0)
            if abs(ref.cy - ch.cy) <= height * 0.4:
                line.append(ch)
                continue
        out.append([ch])
    for line in out:
        line.sort(key=lambda ch: ch.x0)
    return out


def _line_text(line: list[Char]) -> str:
    return "".join(ch.c for ch in line)


@dataclass
class _State:
    par_no: int = 0
    tab_no: int = 0
    #: the paragraph still open at the end of the previous page (it may go on at the top of the next)
    open: Paragraph | None = None
    #: the table that was the last block so far (a table at the top of the next page may continue it)
    table: Table | None = None


def _continue_table(t: Table, rows: list[list[str]], page_no: int) -> None:
    """Rows of a table going on over a page break: a repeated header row is dropped, a row cut by the page
    break (no figure on either side of the break) is joined cell by cell."""
    if rows and rows[0] == t.rows[0]:
        rows = rows[1:]
    if rows and t.rows:
        rows = [_rejoin_labels(t, rows[0])] + rows[1:]
    if rows and t.rows and not any(_numeric(x) for x in rows[0]) and not any(_numeric(x) for x in t.rows[-1]) \
            and any(x.strip() for x in t.rows[-1]):
        t.rows[-1] = [a + b for a, b in zip(t.rows[-1], rows[0])]
        rows = rows[1:]
    t.rows += rows
    t.row_lines += [page_no] * len(rows)


def _rejoin_labels(t: Table, first: list[str]) -> list[str]:
    """A merged cell's text cut by the page break (质量指标（20 at the foot of one page, 分） at the head of the next;
    生态效益指标 then （5分）): the piece at the top of the new page is put back after the cell's text above it, in the
    same column, when it closes the bracket that text leaves open, or is a bracket of its own the text above lacks."""
    first = list(first)
    for c, piece in enumerate(first):
        frag = piece.strip()
        if not frag or _numeric(frag):
            continue
        k = next((r for r in range(len(t.rows) - 1, 0, -1) if c < len(t.rows[r]) and t.rows[r][c].strip()), None)
        if k is None:
            continue
        above = t.rows[k][c].strip()
        opened = above.count("（") + above.count("(") > above.count("）") + above.count(")")
        closes = frag.count("）") + frag.count(")") > frag.count("（") + frag.count("(")
        bracket = re.fullmatch(r"[（(][^（）()]{1,12}[）)]", frag) and not re.search(r"[（(]", above)
        if (opened and closes) or bracket:
            t.rows[k][c] = above + frag
            first[c] = ""
    return first


def _tail_headed(t: Table, header: list[str]) -> tuple[int, list[list[str]]] | None:
    """Where in ``t`` (not its first row) a row with the cells of ``header`` stands, and the rows from there in
    ``header``'s columns (the grid of two tables drawn one under the other has the columns of both: the blank ones
    are dropped); None when there is no such row, or a figure or word of those rows stands in a dropped column."""
    heads = [c for c in header if c.strip()]
    if len(heads) < 3:
        return None
    at = next((r for r in range(len(t.rows) - 1, 0, -1) if [c for c in t.rows[r] if c.strip()] == heads), None)
    if at is None:
        return None
    keep = [c for c, x in enumerate(t.rows[at]) if x.strip()]
    if len(keep) != len(header):
        return None  # the header repeated with blank cells of its own: which column is which is unclear
    rows = []
    for row in t.rows[at:]:
        if any(x.strip() for c, x in enumerate(row) if c not in keep):
            return None
        rows.append([row[c] if c < len(row) else "" for c in keep])
    return at, rows


def _numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[-−]?[\d,]+(\.\d+)?%?", text.strip()))


#: a gap between two characters of a line wider than this many character widths separates two cells
_CELL_GAP = 1.5


def _segments(ln: list[Char]) -> list[tuple[str, float, float]]:
    """A line cut at the wide gaps of a table laid out without rules (项目      本年数): (text, x0, x1) each."""
    em = max((ch.x1 - ch.x0 for ch in ln if ord(ch.c) > 0x2E80), default=10.0)
    out = [[ln[0]]]
    for a, b in zip(ln, ln[1:]):
        if b.x0 - a.x1 > _CELL_GAP * em:
            out.append([])
        out[-1].append(b)
    return [(_line_text(cs).strip(), cs[0].x0, cs[-1].x1) for cs in out]


def _cells(ln: list[Char]) -> list[str]:
    """A line's text cut at the wide gaps of a table laid out without rules (项目      本年数)."""
    return [t for t, _a, _b in _segments(ln)]


def _aligned(run: list[tuple[list[Char], list[tuple[str, float, float]]]]) -> list[list[str]] | None:
    """The rows of an unruled table with each cell put under the column it stands in (a blank cell leaves a gap in
    its line, not a shift): the columns are those of the line with the most cells; a cell goes to the column whose
    span its middle falls in. None when two cells of a line fall in one column (the columns are not clear)."""
    widest = max(run, key=lambda x: len(x[1]))[1]
    if len(widest) < 2:
        return None
    bounds = [(widest[k][1] + widest[k - 1][2]) / 2 for k in range(1, len(widest))]  # between two columns
    import bisect
    rows = []
    for _ln, segs in run:
        row = [""] * len(widest)
        for text, x0, x1 in segs:
            c = bisect.bisect_right(bounds, (x0 + x1) / 2)
            if row[c]:
                return None
            row[c] = text
        rows.append(row)
    return rows


def _unruled(lines: list[list[Char]]) -> list[tuple[float, object]]:
    """The lines, with each run of three or more lines cut into two or more cells by wide gaps — the first a header
    of words, at least two ending in a figure — made one table (each cell under the column it stands in, the
    columns those of its widest line; where that is not clear, rows padded on the left to the widest: a 合计 row
    without its code); a lone line with wide gaps stays a line. A line of one cell of words right under the first
    cell of a row of the run (a label wrapped in its cell: 公务用车购置及运 / 行维护费) goes on that cell."""
    out: list[tuple[float, object]] = []
    run: list[tuple[list[Char], list[tuple[str, float, float]]]] = []

    def flush() -> None:
        # a header line of words first (a chart's data labels, 科学技术支出  442.15 …, have none)
        if len(run) >= 3 and not any(_numeric(x) for x, _a, _b in run[0][1]) \
                and sum(1 for _ln, cs in run if _numeric(cs[-1][0])) >= 2:
            width = max(len(cs) for _ln, cs in run)
            rows = _aligned(run) or [[""] * (width - len(cs)) + [x for x, _a, _b in cs] for _ln, cs in run]
            out.append((run[0][0][0].y1, rows))
        else:
            out.extend((ln[0].y1, ln) for ln, _cs in run)
        run.clear()

    for ln in lines:
        cs = _segments(ln)
        if len(cs) >= 2 and all(x for x, _a, _b in cs):
            run.append((ln, cs))
            continue
        if len(run) >= 2 and len(cs) == 1 and not _numeric(cs[0][0]) and _numeric(run[-1][1][-1][0]):
            # under a row of the table (its last cell a figure), not under a header or a line of words
            text, x0, x1 = cs[0]
            first = run[-1][1][0]
            em = max((ch.x1 - ch.x0 for ch in ln if ord(ch.c) > 0x2E80), default=10.0)
            if abs(x0 - first[1]) <= em and x1 < run[-1][1][1][1] and not _numeric(first[0]) \
                    and ln[0].y1 > run[-1][0][0].y0 - 2.5 * em:
                prev_ln, prev = run[-1]
                run[-1] = (prev_ln, [(first[0] + text, first[1], max(first[2], x1))] + prev[1:])
                continue
        flush()
        out.append((ln[0].y1, ln))
    flush()
    return out


def _layout(chars: list[Char], rules: tuple[list, list], page_no: int, state: _State, blocks: list[Block]) -> None:
    hs, vs = rules
    grids = _grids(hs, vs)
    items: list[tuple[float, object]] = []
    rest = chars
    for g in grids:
        inside = [ch for ch in rest if g.x0 - 1 <= ch.cx <= g.x1 + 1 and g.y0 - 1 <= ch.cy <= g.y1 + 1]
        if not inside:
            continue
        ids = {id(ch) for ch in inside}
        rest = [ch for ch in rest if id(ch) not in ids]
        rows = [r for r in _table(g, inside) if any(x.strip() for x in r)]
        if rows:
            items.append((g.y1, rows))
    lines = [ln for ln in _lines(rest) if _line_text(ln).strip()]
    if lines:
        left = min(ln[0].x0 for ln in lines)
        right = max(ln[-1].x1 for ln in lines)
        top = max(ln[0].y1 for ln in lines)
        bottom = min(ln[0].y0 for ln in lines)
    kept = []
    for ln in lines:
        text = _line_text(ln).strip()
        at_margin = ln[0].y1 >= top - 1 or ln[0].y0 <= bottom + 1
        if at_margin and _PAGE_NUMBER.match(text):
            continue
        kept.append(ln)
    for y, item in _unruled(kept):
        items.append((y, item))
    items.sort(key=lambda it: -it[0])
    for k, (_y, item) in enumerate(items):
        if isinstance(item, list) and item and isinstance(item[0], list):
            state.open = None
            tail = _tail_headed(state.table, item[0]) if k == 0 and state.table is not None else None
            if tail is not None:
                # the header row repeated at the top of this page heads a table drawn right under another one on the
                # page before (the 自评表's header table, then its indicator table, one grid on that page): the
                # other table ends where the header row stands, and the table from there goes on here
                at, rows = tail
                table = Table(state.tab_no + 1, state.table.row_lines[at], rows, state.table.row_lines[at:])
                del state.table.rows[at:], state.table.row_lines[at:]
                state.tab_no += 1
                state.table = table
                blocks.append(table)
                _continue_table(table, item, page_no)
                continue
            if k == 0 and state.table is not None and len(item[0]) == len(state.table.rows[0]):
                _continue_table(state.table, item, page_no)
                continue
            state.tab_no += 1
            state.table = Table(state.tab_no, page_no, item, [page_no] * len(item))
            blocks.append(state.table)
            continue
        state.table = None
        ln = item
        text = _line_text(ln).strip()
        em = max((ch.x1 - ch.x0 for ch in ln if ord(ch.c) > 0x2E80), default=10.0)
        indented = ln[0].x0 > left + 1.2 * em
        # a line that wraps stops short of the margin by up to a few characters (a figure is not broken)
        full = ln[-1].x1 >= right - 8 * em
        p = state.open
        if p is not None and not indented and not _HEADING.match(text):
            p.text += text
        else:
            state.par_no += 1
            p = Paragraph(state.par_no, page_no, text)
            blocks.append(p)
        # a full line ending a clause (；：) goes on unless the next line is indented or numbered: 其中：A，主要包括…；
        # then B at the margin is the same sentence
        state.open = p if full and not text.endswith(tuple(_SENTENCE_END.replace("；", "").replace(";", ""))) else None
