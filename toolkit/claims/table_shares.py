"""A share in the text of a line whose figure only a table of the same document gives.

"农林水支出是我局支出的主体，占本年支出的84.25%" writes no figure for 农林水支出; the table of spending by function
beside it has the row 农林水支出 | 3562.18 | 85.21% under a column headed 占本年支出比重. The text's share is then the
row's share, and it disagrees. It is reported (TXT002) only when the table bears the row out — its share column is
confirmed against a whole and the row's share is its amount over that whole (:func:`share_columns.confirmed_shares`)
— so the table, not the text, is the witness; and only when:

- the share's sentence writes no figure before the share, and opens with the row's name (three characters at least,
  followed by what is said of it: 是, 占, 为, a comma), so the share is of that line;
- the whole the text names is the one of the column: named in its head (占本年支出比重 for 占本年支出的) or the name of
  the row the shares are of (本年支出合计);
- exactly one row of the document's tables has that name with a confirmed share.

A text share that is the row's share rounded is no disagreement. Linear: one pass over the tables, one look-up per
share.
"""
from __future__ import annotations

from ..lazyre import re
from decimal import ROUND_HALF_UP, Decimal

from .arith import Verdict, num_text
from .document import Document
from .prose import TXT002, Issue, _issue, _sentence_bounds
from .quantities import Quantity, share_target
from .share_columns import confirmed_shares

#: what follows a line's name opening a sentence about it
_AFTER_NAME = re.compile(r"^(?:是|占|为|作为|仍是|仍然是|[，,])")

Row = tuple[Decimal, Decimal, str, str]  # (amount, share, the whole's names: column head and row, where: 表N 第M行)


def _name(cell: str) -> str:
    """A row's name as a sentence writes it: without spaces, a leading 其中 or a function code."""
    return re.sub(r"^(?:其中[:：]?)?(?:\d{3,7})?", "", re.sub(r"\s+", "", cell))


def _index(doc: Document) -> dict[str, Row | None]:
    """name → (amount, share, the whole's names, where) over the rows whose share their table confirms; None where
    two rows of one name disagree."""
    out: dict[str, Row | None] = {}
    for t in doc.tables:
        for r, amount, share, head, whole in confirmed_shares(t):
            key = _name(t.rows[r][0]) if t.rows[r] else ""
            if len(key) < 3:
                continue
            entry: Row = (amount, share, head + "|" + whole, f"{t.where()} 第{r + 1}行")
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
            amount, share, wholes, where = index[name]
            whole = re.sub(r"\s+|的$", "", share_target(q))
            if not whole or whole not in wholes:
                continue
            if share.quantize(Decimal(1).scaleb(min(0, q.value.as_tuple().exponent)), ROUND_HALF_UP) == q.value:
                continue  # the row's share as the text rounds it
            out.append((k, _issue(TXT002, Verdict.WRONG, f"正文写{name}占{share_target(q)}的 {q.text}，{where}“{name}”为 "
                                  f"{num_text(amount)}，占比 {num_text(share)}%：前后不一致", f"{num_text(share)}%",
                                  q.text, q.start)))
    return out
