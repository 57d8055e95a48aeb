"""决算 tables whose rows nest by subject code (DOMAIN.md section 8): 类 (3 digits) ⊃ 款 (5) ⊃ 项 (7).

Each 类 row is the sum of its 款 rows, each 款 row of its 项 rows, and the 合计 row of the 类 rows, in every money
column; each row's 合计 column is the sum of its part columns (:func:`toolkit.claims.tables.check_total_columns`).
One wrong cell breaks several of these at once — its row's 合计, its parent's sum, and, for a parent row, its
children's sum — each disagreeing by the same amount. The relations that fail are gathered first; a cell that
explains two or more of them with one corrected value is reported once, at the cell, with the value they imply;
what is left is reported relation by relation.
"""
from __future__ import annotations

from ..lazyre import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..domain.budget import ECONOMIC_CLASSES
from ..findings import ERROR
from ..rules import Rule
from .arith import Kind, Verdict, like, sum_verdict
from .document import Table
from .repair import Identity, certain
from .share_columns import is_ratio_head
from .tables import TBL006, TotalColumn, _issue, _label, _quote, cell_number, is_text, total_column

TBL008 = Rule("TBL008", "lint", ERROR, "科目层级合计不符",
    "决算表按功能（或经济）分类科目编码分层：类（3位）的数等于其下各款（5位）之和，款等于其下各项（7位）之和，"
    "“合计”行（在各类之上或之下）等于各类之和，逐列核对；经济分类表中无编码的“人员经费”“公用经费”行若等于其下各类（301、303 / 302）"
    "之和，也作为一条关系。一个单元格写错会同时破坏本行合计列、上级科目和（作为上级时）下级之和：找出改正后能使所有关系"
    "（含原本成立的）都成立的最少单元格（至多三个），只在这些单元格报告一次并给出应有的数；两处错误相互牵连（款的基本支出与合计"
    "一同写错、其下某项合计也错）时各自在其单元格报告，不牵连写对的类。不能唯一确定时，逐条报告不成立的关系。"
    "没有编码、而在名称后标明层级（“一般公共服务支出（类）”“行政运行（项）”）的表同样按类、款、项分层核对。"
    "没有编码的基本支出表按经济分类的类名（工资福利支出、商品和服务支出、对个人和家庭的补助等）分层：类名行之下至下一类名行"
    "之间为其各款；只在表中只有一列名称、且“合计”行恰等于各款（及无款的类）之和时这样读。“基本支出合计”行是该表的合计行。",
    "report.txt:40: 表5 第9行 第5列: TBL008 小学教育 的项目支出 126.30 与上级科目“普通教育”、本行合计不符：应为 1256.30")

_CODE = re.compile(r"^\s*(\d{3}|\d{5}|\d{7})\s*$")
#: a code alone in its cell, or leading the name in the same cell (212 城乡社区支出)
_CODE_IN = re.compile(r"^\s*(\d{3}|\d{5}|\d{7})(?:\s*$|\s+(?=[\u4e00-\u9fff]))")
_CODE_HEAD = re.compile(r"编码|代码|科目编号")
_TOTAL = re.compile(r"^(合计|总计|本年支出合计|本年收入合计|支出合计|收入合计)$")


@dataclass
class Relation:
    """A failing relation: ``total`` (a cell) should be the sum of ``parts`` (cells)."""

    total: tuple[int, int]
    parts: list[tuple[int, int]]
    kind: str  # "row" (the 合计 column) or "tree" (a parent code row)
    finding: object = None
    explained: bool = False
    implied: dict[tuple[int, int], Decimal] = field(default_factory=dict)


def code_column(t: Table) -> int | None:
    """The column holding subject codes: headed 科目编码 (or the like), or the first column where most rows hold a
    3-, 5- or 7-digit code."""
    for row in t.rows[:5]:
        for c, cell in enumerate(row[:3]):
            if _CODE_HEAD.search(re.sub(r"\s+", "", cell)):
                return c
    for c in range(min(2, max((len(r) for r in t.rows), default=0))):
        coded = sum(1 for r in t.rows if c < len(r) and _CODE_IN.match(r[c]))
        if coded >= 3:
            return c
    return None


#: a subject's level written after its name, no code: 一般公共服务支出（类）, 行政运行（项）
_LEVEL_MARK = re.compile(r"[（(]\s*(类|款|项)\s*[)）]\s*$")


def _level_codes(t: Table) -> tuple[int, dict[int, str]] | None:
    """(label column, row → a code standing for its place) of a table whose subjects are marked by level, not coded
    (…（类） ⊃ …（款） ⊃ …（项）): each 类 a 3-digit code, each 款 its 类's code and two digits, each 项 its 款's and two
    more, so the sums down the levels are read as down the codes. None unless three rows at least are so marked."""
    width = max((len(r) for r in t.rows), default=0)
    for c in range(min(2, width)):
        marks = {r: m.group(1) for r, row in enumerate(t.rows) if c < len(row) and (m := _LEVEL_MARK.search(row[c]))}
        if len(marks) < 3 or "类" not in marks.values():
            continue
        codes: dict[int, str] = {}
        parent: dict[str, str | None] = {"类": None, "款": None}  # the codes of the latest 类 and 款 rows
        count: dict[str, int] = {}
        for r in sorted(marks):
            level = marks[r]
            base = "" if level == "类" else parent["类"] if level == "款" else parent["款"]
            if base is None:
                return None  # a 款 with no 类 above it (or a 项 with no 款): not a nesting read this way
            count[base] = count.get(base, 0) + 1
            code = f"{count[base]:03d}" if level == "类" else f"{base}{count[base]:02d}"
            codes[r] = code
            if level == "类":
                parent.update({"类": code, "款": None})
            elif level == "款":
                parent["款"] = code
        return c, codes
    return None


#: an economic class named in its row, no code (工资福利支出, 对个人和家庭补助, 二、商品和服务支出)
_CLASS_ROW = re.compile(r"^(?:[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}[、.．])?(?P<name>[\u4e00-\u9fff]{3,12})$")


def _class_name(label: str) -> str | None:
    m = _CLASS_ROW.match(label)
    name = m.group("name").replace("的", "") if m else ""
    return next((c for c in ECONOMIC_CLASSES if c.replace("的", "") == name), None)


def _economic_codes(t: Table) -> tuple[int, dict[int, str]] | None:
    """(label column, row → a code standing for its place) of a 基本支出 table by economic class with no codes: rows
    named by a class (工资福利支出, 商品和服务支出, 对个人和家庭的补助 …, DOMAIN §8) each a 类, the rows under one up
    to the next its 款. Read so only when two classes at least are named, every row after the first class is a class
    or a 款 (no 其中 rows, no sub-heads), and some class has two or more 款 adding up to it in every figure column:
    the table lists the whole of each class, not some of it. None otherwise."""
    rows = t.rows
    width = max((len(r) for r in rows), default=0)
    classes = {r: name for r, row in enumerate(rows) if len(row) == width and (name := _class_name(_label(row)))}
    if len(classes) < 2 or len(set(classes.values())) != len(classes):
        return None
    first = min(classes)
    c = next((k for k in range(min(2, width)) if re.sub(r"\s+", "", rows[first][k]) and
              cell_number(rows[first][k]) is None), 0)
    codes: dict[int, str] = {}
    n = k = 0
    for r in range(first, len(rows)):
        lb = _label(rows[r])
        if len(rows[r]) != width or not lb or _TOTAL.match(lb) or re.match(r"^(其中|合计|小计|总计)", lb):
            if r < max(classes):
                return None  # a total, a 其中 or a break among the classes: not one list of classes and their 款
            break
        if _GROUP.match(lb):
            return None  # 人员经费 / 公用经费 heads among the classes: read by their own rule or not at all
        if r in classes:
            n, k = n + 1, 0
            codes[r] = f"{n:03d}"
        else:
            k += 1
            codes[r] = f"{n:03d}{k:02d}"
    figures = [x for x in range(width) if x != c and any(cell_number(rows[r][x]) is not None for r in codes)]
    if not figures or any(sum(1 for r in codes if rows[r][x].strip() and cell_number(rows[r][x]) is None
                              and not re.fullmatch(r"[—\-－–]{1,2}", rows[r][x].strip())) >= 2
                          for x in range(width) if x != c):
        return None  # a second column of names (人员经费科目 | 决算数 | 公用经费科目 | 决算数): two lists side by side
    # the proof that every class lists all its 款: the 合计 row is the sum of the 款 rows (and of the classes with none)
    total = next((r for r, row in enumerate(rows) if len(row) == width and r not in codes and _TOTAL.match(_label(row))),
                 None)
    if total is None:
        return None
    leaves = [r for r in codes if len(codes[r]) == 5 or not any(codes[x].startswith(codes[r]) and x != r for x in codes)]
    for x in figures:
        stated = cell_number(rows[total][x])
        if stated is None or sum_verdict([cell_number(rows[r][x]) or Decimal(0) for r in leaves], stated,
                                         Kind.MONEY)[0] != "ok":
            return None
    return c, codes


def _value(rows: list[list[str]], cell: tuple[int, int]) -> Decimal:
    r, c = cell
    return cell_number(rows[r][c]) or Decimal(0)


@dataclass
class Sums:
    """The sums of a table nesting by subject code: those that fail (``relations``), every one (``identities``)."""

    codes: dict[int, str]
    total_row: int | None
    relations: list[Relation]
    identities: list[Identity]


def check_ledger(t: Table, tcol: TotalColumn | None) -> tuple[list, set[int]] | None:
    """(issues, rows judged) for a table nesting by subject code; None when the table has no code column."""
    sums = ledger_sums(t, tcol)
    if sums is None:
        return None
    codes, total_row = sums.codes, sums.total_row
    issues = _repaired(t, sums.relations, sums.identities, codes, tcol)
    if issues is None:
        issues = _attribute(t, sums.relations, codes, tcol)
    judged = set(codes) | ({total_row} if total_row is not None else set())
    return issues, judged


def ledger_sums(t: Table, tcol: TotalColumn | None) -> Sums | None:
    """The sums down the codes (and along the rows, with ``tcol``) of a table nesting by subject code; None when the
    table has no code column."""
    cc = code_column(t)
    marked = (_level_codes(t) or _economic_codes(t)) if cc is None else None
    if cc is None and marked is None:
        return None
    rows = t.rows
    width = max(len(r) for r in rows)
    codes: dict[int, str] = {}
    total_row = None
    if marked is not None:
        cc, codes = marked
    for r, row in enumerate(rows):
        if len(row) != width:
            continue
        m = _CODE_IN.match(row[cc]) if cc < len(row) and marked is None else None
        if m:
            codes[r] = m.group(1)
        elif r not in codes and total_row is None and _TOTAL.match(_label(row)) and (not codes or r == len(rows) - 1
                                                                                 or r < min(codes)):
            total_row = r  # the 合计 row above the codes, or closing the table below them
    if len(codes) < 3:
        return None
    first = min(codes)
    header = next((r for r in range(first - 1, -1, -1) if not any(cell_number(x) is not None for x in rows[r][cc + 1:])
                   and any(x.strip() for x in rows[r])), None)
    cols = [c for c in range(cc + 1, width) if any(cell_number(rows[r][c]) is not None for r in codes)
            and not any(is_text(rows[r][c]) or rows[r][c].strip().endswith(("%", "％")) for r in codes)
            and not (header is not None and (re.search(r"率|占比|比例", rows[header][c])
                                             or is_ratio_head(rows[header][c])))]
    if not cols:
        return None
    relations: list[Relation] = []
    identities: list[Identity] = []
    # parents and children by code
    children: dict[int, list[int]] = {}
    top: list[int] = []
    last: dict[int, int] = {}  # code length -> the row of the latest code of that length
    for r in sorted(codes):
        code = codes[r]
        n = len(code)
        if n == 3:
            top.append(r)
        else:
            parent = last.get(n - 2)
            if parent is not None and code.startswith(codes[parent]):
                children.setdefault(parent, []).append(r)
        last[n] = r
        for k in [k for k in last if k > n]:
            del last[k]
    groups = list(children.items())
    if total_row is not None and len(top) >= 1:
        groups.append((total_row, top))
    for parent, kids in groups:
        for c in cols:
            cells = [(k, c) for k in kids]
            stated = cell_number(rows[parent][c])
            values = [_value(rows, x) for x in cells]
            if stated is None and not any(values):
                continue
            identities.append(Identity((parent, c), cells, "tree"))
            v, s = sum_verdict(values, stated or Decimal(0), Kind.MONEY)
            if v == "ok":
                continue
            relations.append(Relation((parent, c), cells, "tree", (v, s, values, stated)))
    groups_found = _group_rows(rows, codes, cols, total_row, width)
    identities += groups_found
    relations += _basic_over_groups(rows, codes, cols, width, groups_found, identities)
    if tcol is not None:
        for r in sorted(codes) + ([total_row] if total_row is not None else []):
            row = rows[r]
            stated = cell_number(row[tcol.col])
            cells = [(r, c) for c in tcol.parts]
            values = [_value(rows, x) for x in cells]
            if stated is None or not any(values):
                continue
            identities.append(Identity((r, tcol.col), cells, "row"))
            v, s = sum_verdict(values, stated, Kind.MONEY)
            if v != "ok":
                relations.append(Relation((r, tcol.col), cells, "row", (v, s, values, stated)))
    return Sums(codes, total_row, relations, identities)


_GROUP = re.compile(r"^(人员经费|公用经费|人员支出|公用支出)(合计|小计)?$")


def _group_rows(rows: list[list[str]], codes: dict[int, str], cols: list[int], total_row: int | None,
                width: int) -> list[Identity]:
    """人员经费 / 公用经费 rows without a code heading the 类 codes under them (301, 303 | 302) in a 基本支出 table
    by economic class: each is the sum of the 3-digit rows that follow it, up to the next such row. Kept only where
    it holds in every column (a heading that is not the whole of its codes is left alone): an identity confirming
    the rows under it, so a slipped 款 is found below them."""
    out = []
    heads = [r for r in range(len(rows)) if r not in codes and r != total_row and len(rows[r]) == width
             and _GROUP.match(_label(rows[r]))]
    for h in heads:
        kids = []
        for k in range(h + 1, len(rows)):
            if k in heads or (k not in codes and _label(rows[k])):
                break
            if k in codes and len(codes[k]) == 3:
                kids.append(k)
        if not kids:
            continue
        found = []
        for c in cols:
            stated = cell_number(rows[h][c])
            values = [_value(rows, (k, c)) for k in kids]
            if stated is None:
                continue
            if sum_verdict(values, stated, Kind.MONEY)[0] != "ok":
                break
            found.append(Identity((h, c), [(k, c) for k in kids], "group"))
        else:
            out += found
    return out


_BASIC_TOTAL = re.compile(r"^基本支出(合计)?$")


def _basic_over_groups(rows: list[list[str]], codes: dict[int, str], cols: list[int], width: int,
                       groups: list[Identity], identities: list[Identity]) -> list[Relation]:
    """基本支出合计 = 人员经费合计 + 公用经费合计: a 基本支出 row without a code right above the 人员经费 and 公用经费
    rows of a table (each of them confirmed, in every column, as the sum of its 类 codes), the table's only two such
    rows. The failing columns, as relations of the tree (the identity is kept either way)."""
    heads = sorted({g.total[0] for g in groups})
    named = [r for r in range(len(rows)) if r not in codes and len(rows[r]) == width and _GROUP.match(_label(rows[r]))]
    if len(named) != 2 or heads != named:
        return []
    top = named[0] - 1
    if top < 0 or top in codes or len(rows[top]) != width or not _BASIC_TOTAL.match(_label(rows[top])):
        return []
    out = []
    for c in cols:
        stated = cell_number(rows[top][c])
        if stated is None or not all(any(g.total == (h, c) for g in groups) for h in heads):
            continue
        cells = [(h, c) for h in heads]
        identities.append(Identity((top, c), cells, "group"))
        values = [_value(rows, x) for x in cells]
        v, sm = sum_verdict(values, stated, Kind.MONEY)
        if v != "ok":
            out.append(Relation((top, c), cells, "tree", (v, sm, values, stated)))
    return out


def _repaired(t: Table, relations: list[Relation], identities: list[Identity], codes: dict[int, str],
              tcol: TotalColumn | None) -> list | None:
    """The failing sums explained by the fewest cells whose correction makes every sum hold
    (:func:`toolkit.claims.repair.certain`): each such cell reported once, with its value; the sums none of them
    explains as they are. None when no cell is certain."""
    from .slips import TBL011, slip_kind

    rows = t.rows
    values = {x: _value(rows, x) for i in identities for x in i.cells}
    written = {x: rows[x[0]][x[1]].strip() for x in values}
    fixed, by_slip = certain(identities, values, written)
    if not fixed:
        return None
    issues = []
    by_row: dict[tuple[int, Decimal, str], list[int]] = {}  # one row's cells written alike, wrong alike: one finding
    for (r, c), value in sorted(fixed.items()):
        by_row.setdefault((r, value, written[(r, c)]), []).append(c)
    for (r, value, text), cs in sorted(by_row.items(), key=lambda x: (x[0][0], x[1][0])):
        rels = [rel for rel in relations if any((r, c) in [rel.total] + rel.parts for c in cs)]
        for rel in rels:
            rel.explained = True
        row = rows[r]
        why = "、".join(dict.fromkeys(_why(t, rel, codes, (r, c)) for rel in rels for c in cs
                                      if (r, c) in [rel.total] + rel.parts)) or "各项之和"
        slip = slip_kind(text, value)
        shown = f"{value:,.2f}" if "," in text else f"{value:f}"
        heads = "、".join(_head(t, c, tcol) for c in cs)
        if by_slip:  # the sum's total is pinned by a sum that holds; only this row's digits slipped (TBL011)
            pinned = sorted({rel.total for rel in rels if rel.kind == "tree"})
            total = rows[pinned[0][0]] if pinned else row
            issues.append(_issue(TBL011, Verdict.WRONG, f"{_label(row)} 的{heads} {text} 应为 {shown}（{slip}）：按此 "
                                 f"{_label(total)} 与其下各行之和相符，且{_label(total)}已由同表另一合计证实",
                                 shown, text, r, cs[0], _quote(row)))
            continue
        issues.append(_issue(TBL008, Verdict.WRONG, f"{_label(row)} 的{heads} {text or '空白'} 与{why}不符：应为 {shown}"
                             + (f"（{slip}）" if slip else ""), shown, text or "0", r, cs[0], _quote(row)))
    for rel in relations:
        if rel.explained:
            continue
        issues += _attribute(t, [rel], codes, tcol)
    return issues


def _attribute(t: Table, relations: list[Relation], codes: dict[int, str], tcol: TotalColumn | None) -> list:
    rows = t.rows
    # what each cell of a failing relation would have to be for that relation to hold
    by_cell: dict[tuple[int, int], list[tuple[Relation, Decimal]]] = {}
    for rel in relations:
        stated = _value(rows, rel.total)
        parts = [_value(rows, x) for x in rel.parts]
        total_parts = sum(parts, Decimal(0))
        by_cell.setdefault(rel.total, []).append((rel, total_parts))
        for x, v in zip(rel.parts, parts):
            by_cell.setdefault(x, []).append((rel, stated - (total_parts - v)))
    issues = []
    culprits = []
    for cell, claims in by_cell.items():
        if len(claims) < 2:
            continue
        values = [v for _rel, v in claims]
        agree = [c for c in claims if abs(c[1] - values[0]) <= Decimal("0.01")]
        if len(agree) == len(claims) and values[0] != _value(rows, cell):
            culprits.append((len(claims), cell, values[0], [rel for rel, _v in claims]))
    culprits.sort(key=lambda x: (-x[0], x[1]))
    for _n, cell, value, rels in culprits:
        if all(rel.explained for rel in rels):
            continue
        for rel in rels:
            rel.explained = True
        r, c = cell
        row = rows[r]
        head = _head(t, c, tcol)
        why = "、".join(dict.fromkeys(_why(t, rel, codes, cell) for rel in rels))
        written = row[c].strip() or "空白"
        issues.append(_issue(TBL008, Verdict.WRONG, f"{_label(row)} 的{head} {written} 与{why}不符：应为 {value:f}",
                             f"{value:f}", row[c].strip() or "0", r, c, _quote(row)))
    for rel in relations:
        if rel.explained:
            continue
        v, s, values, stated = rel.finding
        r, c = rel.total
        row = rows[r]
        added = " + ".join(rows[x][y].strip() or "0" for x, y in rel.parts) if len(rel.parts) <= 8 else \
            f"{len(rel.parts)}行之和"
        shown = f"{added} = {like(s, values)}" if len(rel.parts) > 1 else f"其下仅一行，为 {like(s, values)}"
        if rel.kind == "row":
            issues.append(_issue(TBL006, v, f"{_label(row)} 的{_head(t, c, tcol)} {row[c].strip()} 与同行各列之和不符："
                                 f"{added} = {like(s, values)}", like(s, values), row[c].strip(), r, c, _quote(row)))
        else:
            issues.append(_issue(TBL008, v, f"{_label(row)} 的{_head(t, c, tcol)} {row[c].strip() or '空白'} 与{_level(rel, codes)}之和"
                                 f"不符：{shown}", like(s, values), row[c].strip() or "0", r, c,
                                 _quote(row)))
    return issues


def _head(t: Table, c: int, tcol: TotalColumn | None) -> str:
    if tcol is not None and c < len(tcol.heads) and tcol.heads[c]:
        return tcol.heads[c]
    for row in t.rows[:3]:  # the column's head: its first cell of words
        if c < len(row) and row[c].strip() and cell_number(row[c]) is None:
            return re.sub(r"\s+", "", row[c])
    return f"第{c + 1}列"


def _level(rel: Relation, codes: dict[int, str]) -> str:
    return {3: "各类", 5: "其下各款", 7: "其下各项"}.get(len(codes.get(rel.parts[0][0], "")), "其下各行")


def _why(t: Table, rel: Relation, codes: dict[int, str], cell: tuple[int, int]) -> str:
    if rel.kind == "row":
        return "本行合计"
    if cell == rel.total:
        return f"{_level(rel, codes)}之和"
    parent = rel.total[0]
    return f"上级科目“{_label(t.rows[parent])}”" if parent in codes else "合计行"
