"""One cell mistyped under a total that is right: report the cell, not the total.

A column of parts that misses its total (TBL007 at a bottom 合计, TBL008 at a 款 over its 项) says only that one of
them is wrong. Which one is known when two things hold at once:

* the total is confirmed elsewhere — the report's text writes the same figure (支出合计8,215.46万元, in the table's
  unit or converted from it: 元 / 万元 / 亿元), the sum of the parts being written nowhere; or, in a table nesting by
  subject code, the total is itself a part of a sum that holds (款 20701 adds up with the other 款 to 类 207);
* exactly one part, with the total's difference added, becomes its own digits slipped: two adjacent digits swapped
  (2,345.16 written 2,354.16) or one digit lost or doubled (285.00 written 28.50). Where the table has a 合计
  column, the corrected cell must also make its row add up.

The finding about the total is then replaced by one at that cell (TBL011). Two or more such parts, or a total
confirmed by nothing: the finding stays where it is.
"""
from __future__ import annotations

from ..lazyre import re
from decimal import Decimal

from ..findings import ERROR, CellSpot, Finding
from ..numbers import parse_decimal
from ..rules import Rule
from .arith import Kind, Verdict, sum_verdict
from .document import Document, Table, table_units
from .ledger import _CODE_IN as _CODE  # a code alone in its cell or leading the name (216 商业服务业等支出)
from .ledger import code_column
from .quantities import Quantity
from .tables import _bottom_parts, _label, _quote, _without_children, cell_number, total_column

TBL011 = Rule("TBL011", "lint", ERROR, "表中某一格数字错位（合计已由别处证实）",
    "一列各行之和与合计不符，而合计已由别处证实（正文写有同一数字——按表的单位或元、万元、亿元换算——且正文没有写各行之和；"
    "或在按科目编码分层的表中，该合计本身与同级各行相加等于上级科目）：若恰有一行在补上差额后正是其原数字"
    "相邻两位互换（2,345.16 写成 2,354.16）或少写、多写一位（285.00 写成 28.50），且表有合计列时改正后本行也相符，"
    "则错的是这一格，在该行报告，不再报告合计。按科目编码分层的表中，合计由同表另一关系证实（如“人员经费”行等于 301 + 303）"
    "而能使各关系都成立的改正有多种时，取恰为数字错位的那一种。自评表的“总分”行与各指标得分之和不符而正文写有同一总分时，"
    "同样在恰为数字错位的那一项得分处报告。合计已由正文证实、且其余各行正文都以同一名称写有同一数字时，"
    "未经证实的那一行（不为0）即是错的，在该行报告应为之数。有两行以上都可能、或合计未经证实时，仍在合计处报告。",
    "report.md:24: 表1 第6行 第4列: TBL011 216商业服务业等支出 的决算 2,354.16 应为 2,345.16（相邻两位数字互换）："
    "按此 合计 3,157.41 与各行之和相符，且正文（第3段）写有 3,157.41")



def _digits(value: Decimal, places: int) -> str:
    return f"{abs(value):.{places}f}".replace(".", "").lstrip("0") or "0"


def slip_kind(written: str, implied: Decimal) -> str | None:
    """How the written figure is ``implied`` mistyped: 相邻两位数字互换, 少写一位数字, 多写一位数字; None if it is not
    one such slip (or is the same figure)."""
    t = written.replace(",", "").replace("，", "").strip()
    if not re.fullmatch(r"\d+(\.\d+)?", t) or implied <= 0:
        return None
    places = len(t.partition(".")[2])
    if implied != implied.quantize(Decimal(1).scaleb(-places)):
        return None  # the implied figure needs more decimals than the cell is written with
    w, i = t.replace(".", "").lstrip("0") or "0", _digits(implied, places)
    if w == i:
        return None
    if len(w) == len(i):
        diff = [k for k in range(len(w)) if w[k] != i[k]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and w[diff[0]] == i[diff[1]] and w[diff[1]] == i[diff[0]]:
            return "相邻两位数字互换"
        return None
    if len(i) == len(w) + 1 and any(i[:k] + i[k + 1:] == w for k in range(len(i))):
        return "少写一位数字"
    if len(w) == len(i) + 1 and any(w[:k] + w[k + 1:] == i for k in range(len(w))):
        return "多写一位数字"
    return None


def _value(t: Table, r: int, c: int) -> Decimal:
    return cell_number(t.rows[r][c]) if c < len(t.rows[r]) and cell_number(t.rows[r][c]) is not None else Decimal(0)


def _children(t: Table, cc: int, r: int) -> list[int]:
    """The rows of the codes one level under the code of row ``r`` (款 under 类, 项 under 款)."""
    code = _CODE.match(t.rows[r][cc]).group(1)
    out = []
    for k in range(r + 1, len(t.rows)):
        m = _CODE.match(t.rows[k][cc]) if cc < len(t.rows[k]) else None
        if not m:
            continue
        other = m.group(1)
        if not other.startswith(code) or len(other) <= len(code):
            break
        if len(other) == len(code) + 2:
            out.append(k)
    return out


def _parent(t: Table, cc: int, r: int) -> int | None:
    code = _CODE.match(t.rows[r][cc]).group(1)
    for k in range(r - 1, -1, -1):
        m = _CODE.match(t.rows[k][cc]) if cc < len(t.rows[k]) else None
        if m and len(m.group(1)) == len(code) - 2 and code.startswith(m.group(1)):
            return k
    return None


def _parts(t: Table, f: Finding) -> tuple[list[int], str] | None:
    """(the part rows of the total the finding is about, how the total is confirmed inside the table or "")."""
    r, c = f.location.row, f.location.col
    if f.code == "TBL007":
        found = _bottom_parts(t.rows, r)
        if found is None:
            return None
        flat, cols, _shares = found
        expected = cell_number(f.expected or "")
        if expected is None or (f.expected or "").strip().endswith(("%", "％")):
            return None  # a share column's 100%: no amount of a part slipped
        for parts in (flat, _without_children(t.rows, flat, cols)):
            if sum((_value(t, p, c) for p in parts), Decimal(0)) == expected:
                return parts, ""
        return None
    if f.code == "TBL001":  # a 合计 row over the rows under it: the rows its message names, in order
        m = re.search(r" 与 (.+?) 之和不符：", f.message)
        names = m.group(1).split("、") if m else []
        rows, k = [], r + 1
        for name in names:
            while k < len(t.rows) and _label(t.rows[k]) != name:
                k += 1
            if k == len(t.rows):
                return None
            rows.append(k)
            k += 1
        expected = cell_number(f.expected or "")
        if len(rows) < 2 or expected is None or sum((_value(t, p, c) for p in rows), Decimal(0)) != expected:
            return None
        return rows, ""
    if f.code == "TBL002" and f.message.startswith("总分行得分"):
        from .tables import read_score_table
        st = read_score_table(t)
        if st is None or st.total_row != r or st.score_col is None or st.subtotals:
            return None
        return [k for k, _w, _s in st.items], ""
    if f.code == "TBL012" and "之和不符" in f.message:
        from .sangong import sangong_parts
        parts = sangong_parts(t, r)
        return (parts, "") if parts else None
    if f.code == "TBL008" and "之和不符" in f.message:
        cc = code_column(t)
        if cc is None:
            return None
        if not _CODE.match(t.rows[r][cc]):
            # the 合计 row of a table whose rows are 类 codes: the 类 rows are its parts (confirmed by the text only)
            kids = [k for k in range(len(t.rows)) if cc < len(t.rows[k]) and (m := _CODE.match(t.rows[k][cc]))
                    and len(m.group(1)) == 3]
            return (kids, "") if "各类" in f.message and len(kids) >= 2 else None
        kids = _children(t, cc, r)
        parent = _parent(t, cc, r)
        if len(kids) < 2 or parent is None:
            return None
        siblings = _children(t, cc, parent)
        held = sum_verdict([_value(t, k, c) for k in siblings], _value(t, parent, c), Kind.MONEY)[0] == "ok"
        return (kids, f"{t.rows[r][cc].strip()}与同级各行之和等于上级科目“{t.rows[parent][cc].strip()}”") if held \
            else (kids, "")
    return None


def _in_text(value: Decimal, unit: str, figures: list[tuple[int, Quantity]]) -> int | None:
    """The paragraph writing ``value`` (a figure in ``unit``: an amount, or a score in 分), None if none does."""
    if unit == "分":
        return next((k for k, q in figures if q.value == value), None)
    return next((k for k, q in figures if q.value_in(unit) == value), None)


def relocate_slips(doc: Document, findings: list[Finding], quantities: list[list[Quantity]]) -> list[Finding]:
    """The findings with each total's finding replaced by one at its mistyped part, where the part is certain."""
    units = table_units(doc)
    figures = [(k, q) for k, qs in enumerate(quantities) for q in qs
               if q.kind == "money" and q.role == "level" and not q.approx]
    scores = [(k, q) for k, qs in enumerate(quantities) for q in qs if q.kind == "score" and not q.approx]
    tables = {t.index: t for t in doc.tables}
    out = []
    for f in findings:
        spot = f.location
        t = tables.get(spot.table) if isinstance(spot, CellSpot) else None
        moved = _moved(doc, t, f, "分" if f.code == "TBL002" else units.get(t.index, "万元"),
                       scores if f.code == "TBL002" else figures) \
            if t is not None and f.severity == ERROR and (spot.col is not None or f.code == "TBL002") else None
        out.append(moved or f)
    return out


def _moved(doc: Document, t: Table, f: Finding, unit: str, figures: list[tuple[int, Quantity]]) -> Finding | None:
    """The finding at the one part of the total that is its digits slipped, None when there is not exactly one."""
    read = _parts(t, f)
    if read is None:
        return None
    parts, confirmed = read
    r, c = f.location.row, f.location.col
    if f.code == "TBL002":  # the 总分 row's finding names no column: the 得分 column
        from .tables import read_score_table
        c = read_score_table(t).score_col
    stated = _value(t, r, c)
    total = sum((_value(t, p, c) for p in parts), Decimal(0))
    gap = stated - total
    if gap == 0 or not stated:
        return None
    if not confirmed:
        k = _in_text(stated, unit, figures)
        if k is None or _in_text(total, unit, figures) is not None:
            return None
        confirmed = f"正文（第{doc.paragraphs[k].index}段）写有 {t.rows[r][c].strip()}"
    tcol = total_column(t)
    found = []
    for p in parts:
        implied = _value(t, p, c) + gap
        kind = slip_kind(t.rows[p][c], implied)
        if kind is None:
            continue
        if tcol is not None and (c == tcol.col or c in tcol.parts):
            row_parts = [implied if x == c else _value(t, p, x) for x in tcol.parts]
            row_total = implied if c == tcol.col else _value(t, p, tcol.col)
            if sum_verdict(row_parts, row_total, Kind.MONEY)[0] != "ok":
                continue  # the corrected cell would break its own row
        found.append((p, implied, kind))
    if not found:
        named = _the_one_unconfirmed(t, parts, c, gap, unit, figures)
        if named is not None:
            found = [named]
    if len(found) != 1:
        return None
    p, implied, kind = found[0]
    written = t.rows[p][c].strip()
    shown = f"{implied:,.{len(written.partition('.')[2])}f}" if "," in written else \
        f"{implied:.{len(written.partition('.')[2])}f}"
    head = _head(t, c)
    message = (f"{_label(t.rows[p])} 的{head} {written} 应为 {shown}（{kind}）：按此 {_label(t.rows[r])} "
               f"{t.rows[r][c].strip()} 与各行之和相符，且{confirmed}")
    return TBL011.finding(message, CellSpot(t.index, p, c, t.row_lines[p] if p < len(t.row_lines) else t.line),
                          Verdict.WRONG, expected=shown, found=written, quote=_quote(t.rows[p]), file=f.file)


_NUMBERING = re.compile(r"^(?:其中[：:]?|[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]\s*)")


def _the_one_unconfirmed(t: Table, parts: list[int], c: int, gap: Decimal, unit: str,
                         figures: list[tuple[int, Quantity]]) -> tuple[int, Decimal, str] | None:
    """The one part the text does not confirm, every other part written in the text under its own name with the
    same figure (工资福利支出1302.55万元 for the row 工资福利支出 | 1302.55): (row, the figure that makes the total
    hold, how it is known), None when two parts or none are unconfirmed, the one unconfirmed is 0, or the figure
    would not be positive."""
    if len(parts) < 3:
        return None
    unconfirmed = []
    for p in parts:
        name = _NUMBERING.sub("", _label(t.rows[p]))
        value = _value(t, p, c)
        if len(name) >= 2 and any(q.value_in(unit) == value and q.label.endswith(name) for _k, q in figures):
            continue
        unconfirmed.append(p)
    if len(unconfirmed) != 1 or not _value(t, unconfirmed[0], c):
        return None  # a part left 0 the text does not name may be right, the total copied from another stage
    p = unconfirmed[0]
    implied = _value(t, p, c) + gap
    return (p, implied, "其余各行正文都写有同一数字") if implied > 0 else None


def _head(t: Table, c: int) -> str:
    """The column's head: its first cell of words in the first rows."""
    for row in t.rows[:3]:
        if c < len(row) and row[c].strip() and cell_number(row[c]) is None:
            return re.sub(r"\s+", "", row[c])
    return f"第{c + 1}列"
