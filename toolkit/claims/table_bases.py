"""A change rate in the text whose base (last year's figure) is given only in a table of the same document.

"公务接待费2.18万元，同比下降25.08%" says nothing of last year in its sentence; the 三公 table beside it has a column
for this year and one for last year, and its row 公务接待费 holds 2.18 and 2.95. The rate is then (2.18 − 2.95) ÷ 2.95.
A table is read for this only when its header names exactly one column of this year and one of last year (本年 /
上年, or two years one apart: 2025年决算 | 2024年决算); a row is used only when its name is the sentence figure's
own name and its this-year cell holds the very figure the sentence writes; a name found in two rows with different
figures is not used. A sentence that writes its own base or the difference (比上年减少1.17万元) is judged by the
prose rules instead. Linear: one pass over the tables, one look-up per change rate.
"""
from __future__ import annotations

from ..lazyre import re
from decimal import Decimal

from .arith import Verdict, kind_of, pct_text, ratio_verdict
from .document import Document, Table, table_units
from .prose import TXT004, Issue, _core, _direction, _issue, _of_last_year, _sentence_bounds
from .quantities import Quantity
from .sangong import total_row_name
from .tables import cell_number

_YEAR = re.compile(r"((?:19|20)\d\d)年")
_LAST = re.compile(r"上年|去年|上一年|上年度|上期")
_THIS = re.compile(r"本年|本期|当年|今年")
#: how many rows are read as a header, at most
_HEADER_ROWS = 3


_SPENT = re.compile(r"决算|实际|执行|支出数")


def _actual(cells: list[str], cols: list[int]) -> int | None:
    """The one column of ``cols`` (one year's) that holds the actual figure: the only one, or the only one named so."""
    if len(cols) == 1:
        return cols[0]
    spent = [c for c in cols if _SPENT.search(cells[c])]
    return spent[0] if len(spent) == 1 else None


def _columns(t: Table) -> tuple[int, int, int] | None:
    """(header row, this year's column, last year's column) of a table that names both, None otherwise."""
    for h, row in enumerate(t.rows[:_HEADER_ROWS]):
        cells = [re.sub(r"\s+", "", c) for c in row]
        years = {}
        for c, text in enumerate(cells):
            m = _YEAR.search(text)
            if m and cell_number(text) is None:
                years.setdefault(int(m.group(1)), []).append(c)
        this = [c for c, text in enumerate(cells) if _THIS.search(text) and not _LAST.search(text)]
        last = [c for c, text in enumerate(cells) if _LAST.search(text)]
        if len(years) == 2 and not this and not last:
            lo, hi = sorted(years)
            # two years one apart (2025年决算 | 2024年决算); a year of several columns (2025年预算 | 2025年决算) by
            # the one column of it that holds what was spent
            now, then = _actual(cells, years[hi]), _actual(cells, years[lo])
            if hi == lo + 1 and now is not None and then is not None:
                return h, now, then
            continue
        if len(this) == 1 and len(last) == 1:
            return h, this[0], last[0]
        if not this and len(last) == 1:
            # 预算数 | 决算数 | 上年决算数: the column named as last year's, less its time word, is this year's
            own = _LAST.sub("", cells[last[0]])
            same = [c for c, text in enumerate(cells) if own and text == own and not _YEAR.search(text)]
            if len(same) == 1:
                return h, same[0], last[0]
    return None


#: the power of ten a table's unit is from 万元
_TO_WAN = {"元": -4, "万元": 0, "亿元": 4}


def _shown(value: Decimal) -> str:
    """A figure of the index (in 万元) as written: 38000元 is 3.80, 820.00 stays 820.00."""
    n = value.normalize()
    return f"{n:f}" if n.as_tuple().exponent < -2 else f"{n.quantize(Decimal('0.01')):f}"


def year_index(doc: Document) -> dict[tuple[str, Decimal], Decimal | None]:
    """(name core, this year's figure) → last year's figure, in 万元 whatever the table's unit, over every table
    naming both years (None: ambiguous); read once a document, for :func:`year_pairs` and :func:`check_table_bases`."""
    out: dict[tuple[str, Decimal], Decimal | None] = {}
    units = table_units(doc)
    for t in doc.tables:
        cols = _columns(t)
        if cols is None:
            continue
        header, now_c, then_c = cols
        shift = _TO_WAN[units.get(t.index, "万元")]
        for r in range(header + 1, len(t.rows)):
            row = t.rows[r]
            if len(row) <= max(now_c, then_c):
                continue
            names = [re.sub(r"\s+", "", c) for c in row if c.strip() and cell_number(c) is None]
            now, then = cell_number(row[now_c]), cell_number(row[then_c])
            if not names or now is None or then is None or "%" in row[now_c] + row[then_c]:
                continue
            now, then = now.scaleb(shift), then.scaleb(shift)
            key = (_core(names[-1]) or total_row_name(t, r) or "", now)  # a 三公 table's 合计: “三公”经费
            if not key[0]:
                continue
            out[key] = then if key not in out or out[key] == then else None
    return out


def year_pairs(index: dict[tuple[str, Decimal], Decimal | None]) -> dict[tuple[str, Decimal], set[Decimal]]:
    """(name core, last year's figure) → this year's figures, from :func:`year_index`: the figure a change from that
    base is of, as the tables give it."""
    out: dict[tuple[str, Decimal], set[Decimal]] = {}
    for (name, now), then in index.items():
        if then is not None:
            out.setdefault((name, then), set()).add(now)
    return out


def percents_after(texts: list[str], quantities: list[list[Quantity]]):
    """(paragraph, its text, its figures, i, the figure i) for every exact percentage with a figure before it: the
    rates a table's row may give the other term of (this module, :mod:`toolkit.claims.table_rates`)."""
    for k, (text, qs) in enumerate(zip(texts, quantities)):
        for i, r in enumerate(qs):
            if i and r.unit == "%" and not r.approx:
                yield k, text, qs, i, r


#: how many figures back the subject's own figure is looked for (a paragraph of a few sentences)
_REACH_BACK = 24
#: a sentence that opens with a subject and states its change with no figure: 基本支出较上年增长1.23%
_SUBJECT_CHANGE = re.compile(r"^(?P<name>[\u4e00-\u9fff“”（）()]{2,16}?)(?:较|比|同比)")


def _subject_figure(text: str, qs: list[Quantity], i: int, s_start: int) -> Quantity | None:
    """For ``基本支出较上年增长1.23%`` (no figure in the sentence before the rate): the one figure of that name given
    earlier in the paragraph (基本支出1035.27万元), None when there is none or several."""
    m = _SUBJECT_CHANGE.match(text[s_start:qs[i].start].strip())
    if m is None or (i and qs[i - 1].start >= s_start):
        return None  # a figure before the rate in its sentence: the rate is of that one
    name = _core(m.group("name"))
    named = [q for q in qs[max(0, i - _REACH_BACK):i] if q.kind == "money" and q.role == "level" and not q.base
             and not q.approx and not _of_last_year(q) and name and _core(q.label) == name]
    return named[0] if len({q.value for q in named}) == 1 else None


def check_table_bases(doc: Document, texts: list[str], quantities: list[list[Quantity]],
                      index: dict[tuple[str, Decimal], Decimal | None] | None = None) -> list[tuple[int, Issue]]:
    """TXT004 for ``X，同比增长/下降R%`` whose base is last year's cell of X's row in a table of the document
    (``index``: :func:`year_index` of the document, when read already)."""
    index = year_index(doc) if index is None else index
    if not index:
        return []
    out = []
    for k, text, qs, i, r in percents_after(texts, quantities):
        if r.role != "change":
            continue
        x = qs[i - 1]
        s_start, _ = _sentence_bounds(text, r.start)
        subject = _subject_figure(text, qs, i, s_start) if x.start < s_start else None
        if subject is not None:
            x = subject  # 基本支出1035.27万元，…。基本支出较上年增长1.23%: the figure the sentence's subject has
        elif x.kind != "money" or x.role != "level" or x.base or x.approx or x.start < s_start \
                or _of_last_year(x) or len(re.findall(r"[，,；;]", text[x.end:r.start])) > 1:
            continue  # the figure right before the rate, in its clause or the one before, is the one it is of
        elif any(q.base or _of_last_year(q) or q.role == "change" for q in qs if x.end <= q.start < r.start) \
                or re.search(r"上年|去年|上一年", text[x.end:r.start].replace("比上年", "").replace("较上年", "")):
            continue  # the clause writes its own base or difference: the prose rules judge it
        now = x.value_in("万元")
        then = index.get((_core(x.label), now))
        sr = _direction(r.pre[-6:])
        if then is None or then <= 0 or sr == 0:
            continue
        kind = kind_of(x.kind)
        v, exact = ratio_verdict(abs(now - then), then, abs(r.value), kind)
        if (now - then) * sr < 0:
            if v != "ok":
                continue  # the other way and another size: which column is which is in doubt
            word = "下降" if now < then else "增长"  # the size is right, the direction is not
            out.append((k, _issue(TXT004, Verdict.WRONG, f"{x.label or '本年数'} {x.text} 较表中上年数 {_shown(then)} 是"
                                  f"{word}：({now} − {_shown(then)}) ÷ {_shown(then)} = {'-' if now < then else ''}"
                                  f"{pct_text(exact, abs(r.value))}，文中写 {r.pre[-2:]}{r.text}",
                                  f"{word}{pct_text(exact, abs(r.value))}", r.text, r.start)))
            continue
        if v == "ok":
            continue
        out.append((k, _issue(TXT004, v, f"{x.label or '本年数'} {x.text} 较表中上年数 {_shown(then)} 的变动率："
                              f"({now} − {_shown(then)}) ÷ {_shown(then)} = {pct_text(exact, abs(r.value))}，文中写 {r.text}",
                              pct_text(exact, abs(r.value)), r.text, r.start)))
    return out
