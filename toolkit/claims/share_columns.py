"""Share columns of a table (占比 / 比重 / 占…的比例): each row's share is its amount over the whole.

A column headed 占比（%）, 比重, 所占比例 or 占本年支出比重（%） gives, row by row, the amount of the column to its
left (the nearest column of amounts) as a percentage of a whole (DOMAIN.md section 2: 占比 = part / total). The whole
is read by meaning, never guessed: the row the header names (占本年支出比重 → the 本年支出合计 row), or else the one
合计 / 总计 row of the table whose share is 100 (or left blank). It is taken only when at least two rows' shares are
their amount over it (and more rows agree than not): then a row whose share is not, within the rounding of the
figures (DOMAIN.md section 7), is reported (TBL015). A row whose share fits another row of the table (a 其中 row's
share of its parent, a 款's of its 类), a 其中 or 小计 row, and a row whose amount a sum of the table already reports
wrong are left alone.

A column headed …率 (执行率（%）, 完成率, 率（%）) is a rate of figures of its own row (TBL005), never a share and never
an amount: the sums of the table leave it out.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..findings import ERROR
from ..rules import Rule
from .arith import Kind, Verdict, pct_text, ratio_verdict, sum_verdict
from .document import Table
from .tables import _SHARE_HEAD, _is_pct, _is_total, _issue, _label, _quote, _shown, cell_number

TBL015 = Rule("TBL015", "lint", ERROR, "表中占比与本行金额 ÷ 总额不符",
    "表头为“占比”“比重”“所占比例”“占…比重（%）”的列，每行应等于本行金额（占比列左侧最近的金额列）÷ 总额。总额按含义确定："
    "表头点名的行（“占本年支出比重”对应“本年支出合计”行），否则为表中唯一一个占比为 100（或空白）的“合计”“总计”行；"
    "至少两行的占比与之相符（且相符的行多于不符的行）时才核对，其余行不符时报告，差额在舍入误差以内为警告；"
    "若各行金额之和不等于总额，而总额减其余各行恰为与该行占比相符的金额，则报告该行金额（如丢失一位数字）而非占比。"
    "“其中”“小计”行、占比恰为本行金额 ÷ 表中另一行金额（上级科目、所属类别）的行，以及金额已由本表合计报告写错的行不核对。"
    "表头为“…率”“率（%）”的列（执行率、完成率）是同行数字之比，不是占比，也不作金额相加。",
    "report.txt:7: 表1 第5行 第3列: TBL015 社会保障和就业支出 的占比（%） 9.34 与其决算数 932.18 ÷ 合计 11181.00 = 8.34% 不符")

#: a rate of its own row's figures: 执行率, 完成率（%）, 率（%）
_RATE_HEAD = re.compile(r"率(（[%％]）|\([%％]\)|[%％])?$")
_NOT_AMOUNT_HEAD = re.compile(r"率|占比|比重|比例|[%％]|编码|代码|序号|编号|科目名称|^项目$|^科目$|备注|说明|年度|年份|人数|个数"
                              r"|增减|变动|差额|比上年|增长|减少")
_NAMED = re.compile(r"^占(.{1,16}?)的?(比重|比例|[%％]|（[%％]）|\([%％]\))")
_WHOLE_SUFFIX = re.compile(r"(合计|总计|总额|总数)$")


def _heads(rows: list[list[str]], h: int) -> list[str]:
    """The heads of header row ``h``, a blank one taking the head above it (a merged header cell)."""
    heads = [re.sub(r"\s+", "", x) for x in rows[h]]
    if h > 0 and len(rows[h - 1]) == len(rows[h]) and not any(cell_number(x) is not None for x in rows[h - 1]):
        above = [re.sub(r"\s+", "", x) for x in rows[h - 1]]
        heads = [x or above[c] for c, x in enumerate(heads)]
    return heads


def is_ratio_head(head: str) -> bool:
    """A column of ratios, never of amounts: a share (占比, 比重) or a rate of its row (执行率（%）)."""
    head = re.sub(r"\s+", "", head)
    return bool(_SHARE_HEAD.search(head) or _RATE_HEAD.search(head)
                or (re.search(r"[%％]", head) and re.match(r"^(?:完成|执行|占)", head)))  # 完成预算（%）


def _number(cell: str) -> Decimal | None:
    v = cell_number(cell)
    return v if v is not None and not cell.strip().endswith("分") else None


def check_share_columns(t: Table, corrected: dict[tuple[int, int], Decimal] | None = None,
                        flagged: set[tuple[int, int]] = frozenset()) -> list:
    """TBL015 for each share column of ``t`` (module docstring). ``corrected``: (row, column) -> the value a cell
    reported wrong should have; ``flagged``: cells already reported (their shares are not judged again)."""
    corrected = corrected or {}
    issues = []
    for heads, data, c in _share_columns(t):
        for a in _amount_columns(t.rows, heads, data, c):  # the nearest whose rows confirm a whole
            found = _judge(t.rows, heads, data, a, c, corrected, flagged)
            if found is not None:
                issues += found
                break
    return issues


def _share_columns(t: Table):
    """(heads, data rows, column) for every share column of ``t``, under each header row that names one."""
    rows = t.rows
    r = 0
    while r < len(rows):
        row = rows[r]
        if any(cell_number(x) is not None for x in row) or not any(_SHARE_HEAD.search(re.sub(r"\s+", "", x))
                                                                     for x in row):
            r += 1
            continue
        heads = _heads(rows, r)
        data = []
        for k in range(r + 1, len(rows)):
            if len(rows[k]) != len(row) or not any(cell_number(x) is not None for x in rows[k][1:]):
                break
            data.append(k)
        for c, head in enumerate(heads):
            if c and _SHARE_HEAD.search(head) and not _RATE_HEAD.search(head):
                yield heads, data, c
        r = data[-1] + 1 if data else r + 1


def confirmed_shares(t: Table):
    """(row, amount, share, the share column's head, the whole's row label) for every row of ``t`` whose share is its
    amount over the whole its table confirms (module docstring): the rows a text's share of that line may be held
    against."""
    for heads, data, c in _share_columns(t):
        for a in _amount_columns(t.rows, heads, data, c):
            found = None
            for w in _wholes(t.rows, heads, data, a, c):
                found = _judged(t.rows, data, a, c, w, lambda k, a=a: _number(t.rows[k][a]))
                if found is not None:
                    yield from ((k, amount, share, heads[c], _label(t.rows[w]))
                                for k, amount, share, v, _e in found if v == Verdict.OK)
                    break
            if found is not None:
                break


def _judged(rows: list[list[str]], data: list[int], a: int, c: int, w: int, value
            ) -> list[tuple[int, Decimal, Decimal, Verdict, Decimal | None]] | None:
    """(row, amount, share, verdict, exact share) of every row of share column ``c`` against the whole of row ``w``,
    or None when the rows do not confirm that whole (fewer than two agree, or no more agree than not)."""
    whole = value(w)
    if not whole or whole <= 0:
        return None
    judged = []
    for k in data:
        amount, share = value(k), _number(rows[k][c])
        if k == w or amount is None or share is None or not rows[k][c].strip() or _is_total(_label(rows[k])):
            continue
        judged.append((k, amount, share, *ratio_verdict(amount, whole, share, Kind.MONEY, Kind.MONEY)))
    agree = [x for x in judged if x[3] == Verdict.OK]
    return None if len(agree) < 2 or len(agree) * 2 <= len(judged) else judged


def _amount_columns(rows: list[list[str]], heads: list[str], data: list[int], c: int) -> list[int]:
    """The columns left of the share column ``c`` holding amounts in most of their rows, the nearest first (本年 |
    上年 | 增减额 | 增减率 | 占比: the changes are not amounts; which year the share is of, its rows say)."""
    out = []
    for a in range(c - 1, 0, -1):
        if _NOT_AMOUNT_HEAD.search(heads[a]):
            continue
        cells = [rows[k][a] for k in data]
        numbers = [x for x in cells if _number(x) is not None and not _is_pct(x)]
        if len(numbers) * 2 > len(cells) and not any(_is_pct(x) for x in cells):
            out.append(a)
    return out


def _wholes(rows: list[list[str]], heads: list[str], data: list[int], a: int, c: int) -> list[int]:
    """The rows that may be the whole, by meaning: the row the header names, else the one 合计 row at 100."""
    named = _NAMED.match(heads[c])
    if named:
        want = _WHOLE_SUFFIX.sub("", named.group(1))
        hits = [k for k in data if _WHOLE_SUFFIX.sub("", re.sub(r"^[一二三四五六七八九十]+、", "", _label(rows[k]))) == want]
        if len(hits) == 1:
            return hits
    totals = [k for k in data if _is_total(_label(rows[k])) and not _label(rows[k]).endswith("小计")
              and (cell_number(rows[k][c]) == 100 or (not named and not rows[k][c].strip()))]
    return totals if len(totals) == 1 else []


def _judge(rows: list[list[str]], heads: list[str], data: list[int], a: int, c: int,
           corrected: dict[tuple[int, int], Decimal], flagged: set[tuple[int, int]]) -> list | None:
    """The findings of share column ``c`` judged on amount column ``a``; None when no whole is confirmed."""
    value = lambda k: corrected.get((k, a), _number(rows[k][a]))  # noqa: E731
    for w in _wholes(rows, heads, data, a, c):
        judged = _judged(rows, data, a, c, w, value)
        if judged is None:
            continue
        whole = value(w)
        out = []
        for k, amount, share, v, exact in judged:
            label = _label(rows[k])
            if v == Verdict.OK or exact is None or (k, c) in flagged or (k, a) in flagged \
                    or label.startswith("其中") or label.endswith("小计"):
                continue
            others = [value(o) for o in data if o not in (k, w) and value(o)]
            if any(ratio_verdict(amount, o, share, Kind.MONEY, Kind.MONEY)[0] == Verdict.OK for o in others):
                continue  # the share of another row (its parent, its class): not of this whole
            slipped = _slipped_amount(rows, data, a, c, w, k, whole, share, value)
            if slipped is not None:  # the share is right: the amount lost or swapped digits
                out.append(_issue(TBL015, Verdict.WRONG, f"{label} 的{heads[a]} {_shown(rows[k][a])} 与其{heads[c]} "
                                  f"{rows[k][c].strip()} 不符：应为 {slipped:f}，按此各行之和等于{_label(rows[w])} "
                                  f"{_shown(rows[w][a])}，其占比也相符", f"{slipped:f}", rows[k][a].strip(), k, a,
                                  _quote(rows[k])))
                continue
            shown = pct_text(exact, share)
            out.append(_issue(TBL015, v, f"{label} 的{heads[c]} {rows[k][c].strip()} 与其{heads[a]} {_shown(rows[k][a])} ÷ "
                                         f"{_label(rows[w])} {_shown(rows[w][a])} = {shown} 不符", shown,
                              rows[k][c].strip(), k, c, _quote(rows[k])))
        return out
    return None


def _slipped_amount(rows: list[list[str]], data: list[int], a: int, c: int, w: int, k: int, whole: Decimal,
                    share: Decimal, value) -> Decimal | None:
    """The amount row ``k`` should have when its share is right and its amount is not: the rows are a flat list
    (no 其中, 小计 or subject codes) whose amounts miss the whole, and the whole less the other rows is an amount
    whose share is the one written. None otherwise."""
    parts = [o for o in data if o != w and not _is_total(_label(rows[o]))]
    if any(_label(rows[o]).startswith("其中") or re.match(r"^\d{3,7}$", rows[o][0].strip()) for o in parts) \
            or any(value(o) is None for o in parts):
        return None
    rest = sum((value(o) for o in parts if o != k), Decimal(0))
    amount = whole - rest
    if amount <= 0 or amount == value(k) or sum_verdict([value(o) for o in parts], whole, Kind.MONEY)[0] == Verdict.OK:
        return None
    return amount if ratio_verdict(amount, whole, share, Kind.MONEY, Kind.MONEY)[0] == Verdict.OK else None
