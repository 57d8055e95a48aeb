"""The 三公 table read by what its rows are, not by how they are numbered (DOMAIN.md section 2).

A 三公经费 table lists, in some order and with any numbering (1. / （1） / 一、 / 其中：) or none, the 合计, 因公出国
（境）费, 公务用车购置及运行（维护）费 with its 公务用车购置费 and 公务用车运行（维护）费, and 公务接待费. In every money
column (预算数, 决算数, 上年数 …): 合计 = 因公出国 + 公务用车购置及运行 + 公务接待, and 公务用车购置及运行 = 购置 +
运行 (without the 购置及运行 row, 合计 = 出国 + 购置 + 运行 + 接待). A blank or dash cell is 0. The cell that
breaks them is found as in a ledger (:func:`toolkit.claims.repair.certain`): a 合计 left at 0.00 over filled items,
an item that disagrees both with its parts and with the 合计, a 购置费 slipped under a 购置及运行 row confirmed by the
合计. Where the cell is not certain, each failing sum is reported at its total. A table with a role found in two
rows, or missing one, is not read this way. The standard 决算 form lays the same items out across — 预算数 and 决算数
blocks of columns, each 合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费 — and is read
by its columns' heads the same way (:func:`read_across`).
"""
from __future__ import annotations

from ..lazyre import re
from decimal import Decimal

from ..findings import ERROR
from ..rules import Rule
from .arith import Kind, Verdict, like, sum_verdict
from .document import Table
from .repair import Identity, certain
from .tables import CHANGE_HEAD, EMPTY, TableIssue, _is_pct, _issue, _label, _quote, cell_number, is_text, issue_gap

TBL012 = Rule("TBL012", "lint", ERROR, "“三公”经费表的合计与各项不符",
    "“三公”经费表按各行的含义核对，不论编号（1. /（1）/ 其中：）或有无编号：每个金额列（预算数、决算数、上年数）中，"
    "合计 = 因公出国（境）费 + 公务用车购置及运行（维护）费 + 公务接待费，公务用车购置及运行费 = 购置费 + 运行（维护）费；"
    "空白或“—”按 0，但某列各项都是空白或“—”（或 0）而只有合计有数时，该列没有分项，不核对；没有购车的单位只列"
    "公务用车运行维护费时，合计 = 因公出国（境）费 + 运行维护费 + 公务接待费。能由一个（或两个）单元格的改正使各关系都成立时，只在该单元格报告（合计行为 0.00 而各项已填、某项与其"
    "明细和合计都不符）；否则在不成立的合计处报告。某一含义出现在两行或缺少某行时不按此核对。横排的标准决算表（预算数、决算数"
    "两组列，各为 合计 | 因公出国（境）费 | 公务用车购置及运行费（小计 | 购置费 | 运行费）| 公务接待费）按列的含义同样核对。"
    "增减额列的不符恰是同一行某一年度列的不符带过来的（该年度的一格写错）时，只在年度列报告。",
    "report.txt:60: 表3 第2行 第3列: TBL012 合计 的决算数 0.00 与各项之和不符：应为 5.05")

_LEAD = re.compile(r"^(其中[:：]?)?([一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][\d一二三四五六七八九十]+[)）])?")
_TOTAL = re.compile(r"^((“?三公”?|\"三公\")经费)?(支出)?(合计|总计|小计|共计)$|^(“三公”|\"三公\"|三公)经费(支出)?$")
_COUNT_ROW = re.compile(r"批次|人次|辆|次数|人数|团组|个数")
_NOT_MONEY = re.compile(r"率|占比|比重|比例|%|％|批次|人次|辆|次数|备注|说明")


def _role(label: str) -> str | None:
    s = _LEAD.sub("", label)
    if _TOTAL.match(s):
        return "total"
    if "出国" in s:
        return "abroad"
    if "接待" in s and not re.search(r"批|人次", s):
        return "host"
    if "购置" in s and "运行" in s:
        return "car"
    if re.search(r"(车辆|公务用车)?购置费?$", s):
        return "buy"
    if re.search(r"(公务用车)?运行(维护|维修)?费$", s):
        return "run"
    return None


def read_sangong(t: Table) -> tuple[dict[str, int], list[int]] | None:
    """(role -> row, money columns) of a 三公 table; None when the table is not one."""
    roles: dict[str, int] = {}
    for r, row in enumerate(t.rows):
        role = _role(_label(row))
        if role is None:
            continue
        if role in roles:
            return None
        roles[role] = r
    first = min(roles.values()) if roles else 0
    for r in range(first, len(t.rows)):
        row = t.rows[r]
        if r not in roles.values() and any(cell_number(x) is not None for x in row) and not _COUNT_ROW.search(_label(row)):
            return None  # a row of figures that is none of the 三公 items: another kind of table
    if not _complete(roles):
        return None
    width = len(t.rows[roles["total"]])
    if any(len(t.rows[r]) != width for r in roles.values()):
        return None
    lc = next(c for c in range(width) if re.sub(r"\s+", "", t.rows[roles["total"]][c]) == _label(t.rows[roles["total"]]))
    header = min(roles.values()) - 1
    heads = [re.sub(r"\s+", "", x) for x in t.rows[header]] if header >= 0 else [""] * width
    cols = []
    for c in range(lc + 1, width):
        cells = [t.rows[r][c].strip() for r in roles.values()]
        if _NOT_MONEY.search(heads[c]) or any(_is_pct(x) for x in cells):
            continue
        if any(x not in EMPTY and cell_number(x) is None for x in cells):
            continue
        if sum(1 for x in cells if cell_number(x) is not None) >= 2:
            cols.append(c)
    return (roles, cols) if cols else None


def read_across(t: Table) -> tuple[list[dict[str, int]], list[int]] | None:
    """The 三公 table laid out across (the standard 决算 form: 预算数 | 决算数 blocks, each 合计 | 因公出国（境）费 |
    公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费): (per block, role -> column; the data rows); None when
    the table is not one. A column's role is its lowest header cell (小计 under 购置及运行费 is the 购置及运行 figure)."""
    rows = t.rows
    header = 0
    while header < len(rows) and header < 4 and not any(cell_number(x) is not None for x in rows[header]):
        header += 1
    data = [r for r in range(header, len(rows)) if any(cell_number(x) is not None for x in rows[r])]
    if not header or not data or any(len(rows[r]) != len(rows[0]) for r in range(header)):
        return None
    blocks: list[dict[str, int]] = []
    for c in range(len(rows[0])):
        cells = [re.sub(r"\s+", "", rows[h][c]) for h in range(header)]
        low = next((x for x in reversed(cells) if x), "")
        role = "car" if low == "小计" else _role(low)
        if role == "total":
            blocks.append({})
        if role is None or not blocks:
            continue
        if role in blocks[-1]:
            return None
        blocks[-1][role] = c
    blocks = [b for b in blocks if _complete(b)]
    return (blocks, data) if blocks else None


def check_across(t: Table) -> list[TableIssue] | None:
    """TBL012 for a 三公 table laid out across (:func:`read_across`); None when the table is not one."""
    read = read_across(t)
    if read is None:
        return None
    blocks, data = read
    rows = t.rows
    identities = [i for b in blocks for r in data
                  if not any(b[k] >= len(rows[r]) or is_text(rows[r][b[k]]) for k in b)
                  for i in _sums({k: (r, c) for k, c in b.items()})]
    identities = _broken_down(rows, identities)
    heads = {}
    for b in blocks:
        for c in b.values():
            top = next((re.sub(r"\s+", "", rows[0][k]) for k in range(c, -1, -1) if rows[0][k].strip()), "")
            low = next((re.sub(r"\s+", "", rows[h][c]) for h in range(min(data) - 1, -1, -1) if rows[h][c].strip()), "")
            heads[c] = top + low if top != low else low
    return _report(rows, identities, lambda c: heads.get(c) or f"第{c + 1}列", across=True)


def _complete(roles: dict[str, int]) -> bool:
    """The roles name a whole 三公 table: its 合计, 出国, 接待, and 购置及运行, or its parts (a unit that bought no car
    lists only 公务用车运行维护费: the table's rows are then all of it)."""
    return {"total", "abroad", "host"} <= set(roles) and bool({"car", "buy", "run"} & set(roles))


def _sums(cells: dict[str, tuple[int, int]]) -> list[Identity]:
    """The identities of one column (or, laid out across, one row's block) of a 三公 table, role -> cell."""
    items = ["abroad", "car", "host"] if "car" in cells else [k for k in ("abroad", "buy", "run", "host") if k in cells]
    out = [Identity(cells["total"], [cells[k] for k in items], "total")]
    if "car" in cells and {"buy", "run"} <= set(cells):
        out.append(Identity(cells["car"], [cells["buy"], cells["run"]], "car"))
    return out


def _identities(roles: dict[str, int], cols: list[int]) -> list[Identity]:
    return [i for c in cols for i in _sums({k: (r, c) for k, r in roles.items()})]


def sangong_parts(t: Table, row: int) -> list[int] | None:
    """The item rows whose sum the row ``row`` of a 三公 table is (its 合计, or the 购置及运行 row); None if neither."""
    read = read_sangong(t)
    if read is None:
        return None
    roles, cols = read
    for ident in _identities(roles, cols[:1]):
        if ident.total[0] == row:
            return [r for r, _c in ident.parts]
    return None


_WHAT = {"total": "各项之和", "car": "其下购置费、运行费之和"}


def check_sangong(t: Table) -> list[TableIssue] | None:
    """TBL012 for a 三公 table (module docstring); None when the table is not one."""
    read = read_sangong(t)
    if read is None:
        return None
    roles, cols = read
    rows = t.rows
    identities = _broken_down(rows, _identities(roles, cols))
    heads = rows[min(roles.values()) - 1] if min(roles.values()) > 0 else [""] * len(rows[0])
    return _report(rows, identities, lambda c: re.sub(r"\s+", "", heads[c]) or f"第{c + 1}列")


def _broken_down(rows: list[list[str]], identities: list[Identity]) -> list[Identity]:
    """The sums a column states: not a total whose parts are left as “—” or blank with none of them a figure above
    0 (预算数 16.55 given for the 合计 alone: the budget is not broken down by item, the dashes are no zeros)."""
    def dash(x) -> bool:
        return cell_number(rows[x[0]][x[1]]) is None

    return [i for i in identities
            if not (any(dash(x) for x in i.parts) and not any(_amount(rows[r][c]) != 0 for r, c in i.parts))]


def _amount(cell: str) -> Decimal:
    v = cell_number(cell)
    return Decimal(0) if v is None else v


def _report(rows: list[list[str]], identities: list[Identity], head, across: bool = False) -> list[TableIssue]:
    """The cells the fewest corrections name (:func:`toolkit.claims.repair.certain`), or each failing sum at its
    total."""
    values = {x: _amount(rows[x[0]][x[1]]) for i in identities for x in i.cells}
    written = {x: rows[x[0]][x[1]].strip() for x in values}
    bad = [i for i in identities if sum_verdict([values[x] for x in i.parts], values[i.total], Kind.MONEY)[0]
           == Verdict.WRONG]
    if not bad:
        return []
    fixed, _by_slip = certain(identities, values, written)
    issues = []
    name = (lambda r, c: head(c)) if across else (lambda r, c: _label(rows[r]))  # noqa: E731
    for (r, c), value in sorted(fixed.items()):
        why = "、".join(dict.fromkeys(_WHAT[i.kind] if (r, c) == i.total else "合计" if i.kind == "total" else
                                      "公务用车购置及运行费" for i in bad if (r, c) in i.cells)) or "各项之和"
        shown = like(value, [values[x] for i in identities if (r, c) in i.cells for x in i.cells])
        what = name(r, c) if across else f"{name(r, c)} 的{head(c)}"
        issues.append(_issue(TBL012, Verdict.WRONG, f"{what} {written[(r, c)] or '空白'} 与{why}"
                             f"不符：应为 {shown}", shown, written[(r, c)] or "0", r, c, _quote(rows[r])))
    for i in bad:
        if any(x in fixed for x in i.cells):
            continue
        v, s = sum_verdict([values[x] for x in i.parts], values[i.total], Kind.MONEY)
        r, c = i.total
        names = "、".join(head(x[1]) if across else _LEAD.sub("", _label(rows[x[0]])) for x in i.parts)
        added = " + ".join(written[x] or "0" for x in i.parts)
        shown = like(s, [values[x] for x in i.parts])
        what = name(r, c) if across else f"{name(r, c)} 的{head(c)}"
        issues.append(_issue(TBL012, v, f"{what} {written[i.total] or '空白'} 与 {names} 之和不符："
                             f"{added} = {shown}", shown, written[i.total] or "0", r, c, _quote(rows[r])))
    return _without_carried(issues, head) if not across else issues


def _without_carried(issues: list[TableIssue], head) -> list[TableIssue]:
    """A 增减额 column's sum that misses by what a year's column of the same row misses: the one wrong cell of that
    year (运行维护费 7.18 under 6.73) carried into its change, said once, at the year."""
    years = {(i.location.row, issue_gap(i)) for i in issues if not CHANGE_HEAD.search(head(i.location.col))}
    return [i for i in issues if not (CHANGE_HEAD.search(head(i.location.col)) and (i.location.row, issue_gap(i)) in years)]


#: the name a 三公 table's total row stands for, whatever it is labelled (合计 / 总计 / 小计)
SANGONG_TOTAL = "三公经费"


def total_row_name(t: Table, r: int) -> str | None:
    """:data:`SANGONG_TOTAL` for the total row of a 三公 table (the row the text calls “三公”经费), else None."""
    if not _TOTAL.match(_LEAD.sub("", _label(t.rows[r]))):
        return None
    got = read_sangong(t)
    return SANGONG_TOTAL if got is not None and got[0].get("total") == r else None
