"""A share in the text of a line whose figure only a table of the same document gives.

"农林水支出是我局支出的主体，占本年支出的84.25%" writes no figure for 农林水支出; the table of spending by function
beside it has the row 农林水支出 | 3562.18 | 85.21% under a column headed 占本年支出比重. The text's share is then the
row's share, and it disagrees. It is reported (TXT002) only when the table bears itself out — the row's share cell is
its amount over the table's 合计 row (rounded as written) — so the table, not the text, is the witness; and only
when:

- the share's sentence writes no figure before the share, and opens with the row's name (three characters at least,
  followed by what is said of it: 是, 占, 为, a comma), so the share is of that line;
- the share column's head names the whole the text names (占本年支出比重 for 占本年支出的), or names no whole and the
  whole the text names is the table's 合计 row;
- exactly one row of the document's tables has that name with a share.

A text share that is the row's share rounded is no disagreement. Linear: one pass over the tables, one look-up per
share.
"""
from __future__ import annotations

from ..lazyre import re
from decimal import ROUND_HALF_UP, Decimal

from .arith import Kind, Verdict, num_text, ratio_verdict
from .document import Document
from .prose import TXT002, Issue, _issue, _sentence_bounds
from .quantities import Quantity, share_target
from .tables import cell_number

#: a column of shares: 占本年支出比重, 占比, 比重（%）, 所占比例
_SHARE_HEAD = re.compile(r"比重|占比|比例|构成")
_TOTAL_ROW = re.compile(r"^(?:本年)?(?:支出|收入)?(?:合计|总计)$")
#: what follows a line's name opening a sentence about it
_AFTER_NAME = re.compile(r"^(?:是|占|为|作为|仍是|仍然是|[，,])")

Row = tuple[Decimal, Decimal, str, str]  # (amount, share, the share column's head, where: 表N 第M行)


def _name(cell: str) -> str:
    """A row's name as a sentence writes it: without spaces, a leading 其中 or a function code."""
    return re.sub(r"^(?:其中[:：]?)?(?:\d{3,7})?", "", re.sub(r"\s+", "", cell))


def _index(doc: Document) -> dict[str, Row | None]:
    """name core → (amount, share, share head, where) over the tables with a share column whose shares are their
    amount over the table's 合计 row; None where two rows of one name disagree."""
    out: dict[str, Row | None] = {}
    for t in doc.tables:
        if not t.rows:
            continue
        head = [re.sub(r"\s+", "", c) for c in t.rows[0]]
        share_cols = [c for c, h in enumerate(head) if _SHARE_HEAD.search(h)]
        if len(share_cols) != 1:
            continue
        sc = share_cols[0]
        amount_cols = [c for c in range(1, sc) if cell_number(t.rows[1][c] if len(t.rows) > 1 and c < len(t.rows[1])
                                                               else "") is not None]
        if not amount_cols:
            continue
        ac = amount_cols[-1]  # the amount the share is of: the last figure before it
        total = None
        for row in t.rows[1:]:
            if row and _TOTAL_ROW.match(re.sub(r"\s+", "", row[0])) and len(row) > ac:
                total = cell_number(row[ac])
        if not total:
            continue
        for r, row in enumerate(t.rows[1:], start=1):
            if len(row) <= sc or not row[0].strip():
                continue
            amount, share = cell_number(row[ac]), cell_number(row[sc])
            if amount is None or share is None:
                continue
            if ratio_verdict(amount, total, share, Kind.MONEY)[0] != "ok":
                continue  # the table does not bear this row out (TBL rules say so): no witness
            key = _name(row[0])
            if len(key) < 3:
                continue
            entry: Row = (amount, share, head[sc], f"{t.where()} 第{r + 1}行")
            out[key] = entry if key not in out or out[key][:2] == entry[:2] else None
    return out


def check_table_shares(doc: Document, texts: list[str], quantities: list[list[Quantity]]) -> list[tuple[int, Issue]]:
    """TXT002 for a sentence opened by a table row's name whose share (占W的P%) is not the row's share."""
    index = _index(doc)
    if not index:
        return []
    names = sorted(index, key=len, reverse=True)
    out = []
    for k, (text, qs) in enumerate(zip(texts, quantities)):
        for i, q in enumerate(qs):
            if q.unit != "%" or q.role != "share" or q.approx or "占" not in q.pre:
                continue
            s0, _s1 = _sentence_bounds(text, q.start)
            if i and qs[i - 1].start >= s0:
                continue  # a figure before the share in its sentence: the prose rules judge it
            opening = re.sub(r"\s+", "", text[s0:q.start])
            name = next((n for n in names if opening.startswith(n) and _AFTER_NAME.match(opening[len(n):])), None)
            if name is None or index[name] is None:
                continue
            amount, share, col_head, where = index[name]
            whole = re.sub(r"\s+|的$", "", share_target(q))
            if not whole or not (whole in col_head or (not re.search(r"占.+比", col_head) and _TOTAL_ROW.match(whole))):
                continue
            if share.quantize(Decimal(1).scaleb(min(0, q.value.as_tuple().exponent)), ROUND_HALF_UP) == q.value:
                continue  # the row's share as the text rounds it
            out.append((k, _issue(TXT002, Verdict.WRONG, f"正文写{name}占{share_target(q)}的 {q.text}，{where}“{name}”为 "
                                  f"{num_text(amount)}，占比 {num_text(share)}%：前后不一致", f"{num_text(share)}%",
                                  q.text, q.start)))
    return out
