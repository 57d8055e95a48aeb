"""Class sub-totals heading their blocks: ``人员经费 | 小计 | X`` over the 款 of 人员经费, ``公用经费 | 小计 | Y`` over
those of 公用经费, and ``基本支出 | 合计 | T`` (DOMAIN.md section 6: the 基本支出 table by economic class).

The layout names the parts: a row whose second cell is 小计 (its first the class) sums the rows under it up to the
next such row, and the row whose second cell is 合计 / 总计 sums the classes. A one-column table gives no other column
to confirm the parts by, so the layout is taken at its word. Where the codes nest (301 over 30101), only the rows
no other row of the block refines are added. A class 小计 that disagrees with its rows is reported there; the 合计 is
reported only when it matches neither the 小计 rows nor the rows themselves (a wrong 小计 makes the 合计 miss the
小计 rows by its own error: said once, at the 小计).
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from .arith import Kind, sum_verdict
from .document import Table
from .tables import _NOT_MONEY_HEAD, CHANGE_HEAD, TBL001, TableIssue, _is_pct, _issue, _quote, cell_number, like

_SUB = re.compile(r"^(小计|合计)$")
_GRAND = re.compile(r"^(合计|总计)$")
_CODE = re.compile(r"^\d{3,9}$")



def _not_amount(head: str) -> bool:
    """A column of no amounts: rates, shares, codes (the tables' own test) or changes, each row's own (TBL010)."""
    return bool(_NOT_MONEY_HEAD.search(head) or CHANGE_HEAD.search(head) or re.search(r"[%％]|比重|增长", head))


def _flat(cell: str) -> str:
    return re.sub(r"\s+", "", cell)


def _class_row(row: list[str]) -> str | None:
    """小计 / 合计 when the row is ``class | 小计 | figures`` (the class a name, not a code), 合计 for ``合计 |  | T``
    (or 基本支出合计), else None."""
    if len(row) < 3:
        return None
    head = _flat(row[0])
    if not _flat(row[1]) and re.fullmatch(r"(?:基本支出)?(?:合计|总计)", head):
        return "合计"
    if not _SUB.match(_flat(row[1])):
        return None
    if not head or _CODE.match(head) or cell_number(head) is not None:
        return None
    return _flat(row[1])


def _leaves(rows: list[list[str]], block: list[int]) -> list[int]:
    codes = {k: _flat(rows[k][0]) for k in block}
    return [k for k in block if not any(j != k and codes[j] != codes[k] and codes[j].startswith(codes[k])
                                        for j in block)]


#: an economic class named alone in a row's first cell, heading the coded 款 under it (DOMAIN §6)
_CLASS_NAME = re.compile(r"^(?:人员经费|公用经费|工资福利支出|商品和服务支出|对个人和家庭的补助(?:支出)?|资本性支出)$")
#: a 款 named with its code in one cell: 30101 基本工资
_CODED_NAME = re.compile(r"^(\d{3,9})\s*[\u4e00-\u9fff（(]")


def _headed(t: Table) -> Table | None:
    """A table whose classes head their blocks by name alone, each 款 with its code in its name cell (人员经费 | 2597.14,
    30101 基本工资 | 1180.50, …, 公用经费 | 329.55, …, 合计 | 2926.69), rewritten in the 小计 layout (code, name,
    figures), or None when the table is not so laid out."""
    rows = t.rows
    heads = [r for r, row in enumerate(rows) if row and _CLASS_NAME.match(_flat(row[0]))]
    if len(heads) < 2:
        return None
    out = []
    for r, row in enumerate(rows):
        first = _flat(row[0]) if row else ""
        coded = _CODED_NAME.match(row[0].strip()) if row else None
        if r < heads[0]:
            out.append([row[0], ""] + row[1:])
        elif r in heads:
            out.append([row[0], "小计"] + row[1:])
        elif coded:
            out.append([coded.group(1), row[0].strip()[coded.end(1):].strip()] + row[1:])
        elif re.fullmatch(r"(?:基本支出)?(?:合计|总计)", first) and r == len(rows) - 1:
            out.append([row[0], ""] + row[1:])
        else:
            return None
    return Table(t.index, t.line, out, list(t.row_lines))


def check_class_totals(t: Table) -> tuple[list[TableIssue], set[int]] | None:
    """The issues of a table in this layout and the rows it read, or None when the table is not in it (a table whose
    classes head their coded 款 by name alone is read in this layout: :func:`_headed`)."""
    found = _check_class_totals(t)
    if found is not None:
        return found
    headed = _headed(t)
    if headed is None:
        return None
    found = _check_class_totals(headed)
    if found is None:
        return None
    issues, read = found
    out = []
    for issue in issues:  # the cells of the rewritten table are one column to the right of the table's own
        spot = issue.location
        col = spot.col - 1 if spot.col else spot.col
        out.append(replace(issue, location=replace(spot, col=col), quote=_quote(t.rows[spot.row])))
    return out, read


def _check_class_totals(t: Table) -> tuple[list[TableIssue], set[int]] | None:
    rows = t.rows
    marks = [(r, _class_row(row)) for r, row in enumerate(rows)]
    subs = [r for r, m in marks if m == "小计"]
    grands = [r for r, m in marks if m is not None and _GRAND.match(m)]
    if len(subs) < 2 or len(grands) > 1 or (grands and grands[0] < subs[-1]):
        return None
    width = len(rows[subs[0]])
    if any(len(rows[r]) != width for r in subs + grands):
        return None
    header = next((row for row in rows[:subs[0]] if len(row) == width), [""] * width)
    cols = [c for c in range(2, width) if not _not_amount(_flat(header[c]))
            and any(cell_number(rows[r][c]) is not None and not _is_pct(rows[r][c]) for r in subs)]
    if not cols:
        return None
    from .share_columns import is_ratio_head

    cols = [c for c in cols if not is_ratio_head(header[c])]
    ends = subs[1:] + [grands[0] if grands else len(rows)]
    blocks = []
    for s, end in zip(subs, ends):
        block = [k for k in range(s + 1, end) if len(rows[k]) == width and _CODE.match(_flat(rows[k][0]))]
        if not block or len(block) != end - s - 1:
            return None  # a row that is no coded 款 between two 小计 rows: another layout
        blocks.append((s, _leaves(rows, block)))
    # a column in which a 小计 is below one of its own rows holds no amounts (a rate written without its sign)
    cols = [c for c in cols if not any((cell_number(rows[s][c]) or Decimal(0)) < max(
        (cell_number(rows[k][c]) or Decimal(0) for k in b), default=Decimal(0)) for s, b in blocks)]
    issues: list[TableIssue] = []
    off: dict[int, Decimal] = {}  # column -> how far the 小计 rows are off their rows, in all
    for s, block in blocks:
        for c in cols:
            stated = cell_number(rows[s][c])
            values = [cell_number(rows[k][c]) or Decimal(0) for k in block]
            if stated is None or _is_pct(rows[s][c]):
                continue
            v, total = sum_verdict(values, stated, Kind.MONEY)
            if v == "ok":
                continue
            off[c] = off.get(c, Decimal(0)) + (stated - total)
            names = "、".join(_flat(rows[k][1]) for k in block) if len(block) <= 5 else f"其下{len(block)}行"
            added = " + ".join(rows[k][c].strip() or "0" for k in block) if len(block) <= 8 else f"其下{len(block)}行之和"
            issues.append(_issue(TBL001, v, f"{_flat(rows[s][0])}小计 {rows[s][c].strip()} 与 {names} 之和不符："
                                 f"{added} = {like(total, values)}", like(total, values), rows[s][c].strip(), s, c,
                                 _quote(rows[s])))
    for g in grands:
        for c in cols:
            if _flat(rows[g][1]) and not _GRAND.match(_flat(rows[g][1])):
                continue
            stated = cell_number(rows[g][c])
            if stated is None or _is_pct(rows[g][c]):
                continue
            subtotals = [cell_number(rows[s][c]) or Decimal(0) for s, _b in blocks]
            v, total = sum_verdict(subtotals, stated, Kind.MONEY)
            if v == "ok" or (c in off and sum_verdict([total - off[c]], stated, Kind.MONEY)[0] == "ok"):
                continue
            added = " + ".join(rows[s][c].strip() or "0" for s, _b in blocks)
            issues.append(_issue(TBL001, v, f"{_flat(rows[g][0])}{_flat(rows[g][1])} {rows[g][c].strip()} 与各类小计之和"
                                 f"不符：{added} = {like(total, subtotals)}", like(total, subtotals), rows[g][c].strip(),
                                 g, c, _quote(rows[g])))
    return issues, set(subs) | set(grands) | {k for _s, b in blocks for k in b}
