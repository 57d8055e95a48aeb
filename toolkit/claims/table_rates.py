"""A completion rate in the text whose budget is given only in a table of the same document.

"公务接待费支出决算2.08万元，完成预算的71.50%" writes no budget; the 三公 table beside it has a 预算数 and a 决算数
column, and its row 公务接待费 holds 4.00 and 2.86. The rate is then the text's figure over the row's budget. Two
findings follow from it, both TXT005:

- the text's figure is the row's actual figure and the rate is not that figure over the row's budget: the rate is
  wrong;
- the text's figure is not the row's actual figure, and the stated rate is the row's actual figure over its budget
  (and not the text's figure over it): the table and the text's own rate agree against the text's figure, which is
  the one mistyped.

A table is read for this only when a header row names one column of the budget and one of what was spent (预算数 |
决算数, 年初预算 | 全年预算 | 实际支出: the column of the stage the sentence names); a row is used only when its name
is the sentence figure's own name and no other row has that name with other figures. A sentence that writes a budget
of its own (预算13.60万元，支出决算11.60万元，完成预算的85.29%) is judged by the prose rules instead. Linear: one pass
over the tables, one look-up per completion rate.
"""
from __future__ import annotations

from ..lazyre import re
from decimal import Decimal

from .arith import Verdict, kind_of, num_text as num, pct_text, ratio_verdict
from .crossref import core
from .document import Document, Table, table_units
from .prose import TXT005, Issue, _issue, _sentence_bounds, line_execution
from .quantities import FUND_NAMES, Quantity
from .sangong import SANGONG_TOTAL, total_row_name
from .table_bases import percents_after
from .tables import cell_number

#: a name of one item of the 三公 (not their whole)
_SANGONG_ITEM = re.compile(r"出国|公务用车|购置|运行|接待")
#: how many rows are read as a header, at most
_HEADER_ROWS = 3
_BUDGET = re.compile(r"预算")
_SPENT = re.compile(r"决算|实际|支出数|执行数")
_OTHER_TIME = re.compile(r"上年|去年|上一年|同期|增减|变动|率|%|％")
#: the stage a budget is of: 年初 (as passed), 全年 / 调整 (after the year's changes)
_STAGE = re.compile(r"年初|全年|调整")
#: ``完成(年初)?预算的R%`` / ``为(全年)?预算的R%`` / ``占预算的R%``: a completion rate whose budget the clause does not write
_OF_BUDGET = re.compile(r"(?:完成|为|是|达到?|占)(?:了)?(?:本年|年度|当年)?(?P<stage>年初|全年|调整后?的?)?预算(?:数|额)?的$")


#: the words closing a list its parts were named in (由A、B和C组成，…), up to the next clause
_CLOSED_LIST = re.compile(r"(?:等)?(?:共同)?(?:组成|构成)[，,]\s*")


def _list_whole(text: str, qs: list[Quantity], j: int, s_start: int) -> Quantity | None:
    """The figure a list opened by 由 names the parts of (X万元，由A、B和C组成): the last figure of the sentence
    before its 由, when the 由 follows it across a comma at most."""
    head = text.rfind("由", s_start, qs[j].start)
    if head < 0:
        return None
    before = [q for q in qs[:j] if s_start <= q.start and q.end <= head]
    if not before or not re.fullmatch(r"[，,]?\s*", text[before[-1].end:head]):
        return None
    return before[-1]


def _stage(words: str) -> str | None:
    m = _STAGE.search(words)
    return None if m is None else ("年初" if m.group(0) == "年初" else "全年")


def _header(t: Table) -> tuple[int, dict[str | None, int], int] | None:
    """(header row, budget columns by stage, the spent column) of a table naming both, None otherwise."""
    for h, row in enumerate(t.rows[:_HEADER_ROWS]):
        cells = [re.sub(r"\s+", "", c) for c in row]
        budget: dict[str | None, list[int]] = {}
        spent = []
        for c, text in enumerate(cells):
            if not text or cell_number(text) is not None or _OTHER_TIME.search(text):
                continue
            if _BUDGET.search(text) and not _SPENT.search(text):
                budget.setdefault(_stage(text), []).append(c)
            elif _SPENT.search(text) and not _BUDGET.search(text):
                spent.append(c)
        if budget and len(spent) == 1 and all(len(cs) == 1 for cs in budget.values()):
            return h, {s: cs[0] for s, cs in budget.items()}, spent[0]
    return None


Row = tuple[dict[str | None, Decimal], Decimal, str | None]


def _index(doc: Document) -> dict[str, Row | None]:
    """name core → (budgets by stage, the spent figure, the table's money unit if it states one), over every table
    naming both (None: two rows disagree)."""
    out: dict[str, Row | None] = {}
    units = table_units(doc)
    for t in doc.tables:
        head = _header(t)
        if head is None:
            continue
        h, budgets, spent_c = head
        for r in range(h + 1, len(t.rows)):
            row = t.rows[r]
            names = [re.sub(r"\s+", "", c) for c in row if c.strip() and cell_number(c) is None]
            if not names or len(row) <= max([spent_c, *budgets.values()]):
                continue
            spent = cell_number(row[spent_c])
            values = {s: cell_number(row[c]) for s, c in budgets.items()}
            if spent is None or "%" in row[spent_c] or any(v is None or "%" in row[budgets[s]] for s, v in values.items()):
                continue
            key = core(names[0]) or total_row_name(t, r) or ""  # a 三公 table's 合计 is the text's “三公”经费
            if len(key) < 2:
                continue
            entry: Row = ({s: v for s, v in values.items() if v is not None}, spent, units.get(t.index))
            out[key] = entry if key not in out or out[key] == entry else None
    return out


def _budget(budgets: dict[str | None, Decimal], stage: str | None) -> Decimal | None:
    """The row's budget of the stage the sentence names: its only budget when the sentence or the table names no stage."""
    if stage in budgets:
        return budgets[stage]
    if len(budgets) == 1 and (stage is None or None in budgets):
        return next(iter(budgets.values()))
    return None


def check_table_rates(doc: Document, texts: list[str], quantities: list[list[Quantity]]) -> list[tuple[int, Issue]]:
    """TXT005 for ``X万元，完成预算的R%`` whose budget is the 预算 cell of X's row in a table of the document."""
    index = _index(doc)
    if not index:
        return []
    out = []
    for k, text, qs, i, r in percents_after(texts, quantities):
        m = _OF_BUDGET.search(r.pre)
        if m is None:
            continue
        x = qs[i - 1]
        commas = 1
        if x.unit == "%" and x.role == "share" and i >= 2 and re.fullmatch(r"[，,]\s*", text[qs[i - 2].end:x.start - len(x.pre)]):
            x, commas = qs[i - 2], 2  # 卫生健康支出（类）A万元，占B%，完成年初预算的R%: its own share between
        s_start, _ = _sentence_bounds(text, r.start)
        if (closed := _CLOSED_LIST.match(text, x.end)) and closed.end() == r.start - len(r.pre):
            # 三公经费3.90万元，由A、B和C1.04万元组成，完成预算的86.67%: the rate is of the list's whole, not of C
            x = _list_whole(text, qs, i - 1, s_start)
            commas = len(re.findall(r"[，,；;]", text[x.end:r.start])) if x is not None else 0
            if x is None:
                continue
        if x.kind != "money" or x.role != "level" or x.base or x.approx or x.value <= 0 or x.start < s_start \
                or len(re.findall(r"[，,；;]", text[x.end:r.start])) > commas:
            continue
        if any(q.kind == "money" and "预算" in q.label for q in qs[:i - 1] if q.start >= s_start) \
                or re.search(r"上年|去年|同期", x.pre) or "预算" in FUND_NAMES.sub("", x.label):
            continue  # the sentence writes a budget of its own (the figure itself a budget), or another year's
        row = index.get(core(x.label))
        if row is None and "三公" in x.label and not _SANGONG_ITEM.search(x.label):
            # 一般公共预算财政拨款“三公”经费决算X万元: the 三公 table (of that fund) names its whole as its 合计 row
            row = index.get(core(SANGONG_TOTAL))
        if row is None:
            continue
        budget = _budget(row[0], _stage(m.group("stage") or ""))
        if budget is None or budget <= 0:
            continue
        spent, unit = row[1], row[2]
        if unit is not None:
            mine = x.value_in(unit)
        elif spent > 0 and Decimal("0.5") <= x.value / spent <= 2:
            mine = x.value  # no unit stated: the table counts as the text does when the two are of one size
        else:
            continue
        kind = kind_of(x.kind)
        # the text's figure is the row's when it is the row's figure rounded as the text writes it (9.86万元 for
        # 98,560.00元): the rate is then judged on the table's, the more precise
        ulp = Decimal(1).scaleb(x.value.as_tuple().exponent)
        same = abs(mine - spent) <= (Decimal("0.5") * ulp if unit is None else x.value_in(unit) / x.value * ulp / 2)
        if same:
            v, exact = ratio_verdict(spent, budget, r.value, kind)
            if v == "ok":
                continue
            out.append((k, _issue(TXT005, v, f"{x.label} {x.text} 完成预算的比例：{spent} ÷ 表中预算数 "
                                  f"{budget} = {pct_text(exact, r.value)}，文中写 {r.text}",
                                  pct_text(exact, r.value), r.text, r.start)))
            continue
        v, exact = ratio_verdict(mine, budget, r.value, kind)
        v_table, exact_table = ratio_verdict(spent, budget, r.value, kind)
        if v == "ok":
            continue
        if v_table != "ok":
            if v_table == Verdict.WRONG and v == Verdict.WRONG and x.disputed is not None \
                    and (x.disputed * mine / x.value).quantize(spent) == spent:
                # neither the text's figure nor the table's over the row's budget is the rate, and the text's figure
                # is not the sum of its own parts, which make the table's: the rate is wrong whichever figure slipped
                # (a figure and its rate both off the table with nothing else said are not guessed at)
                out.append((k, _issue(TXT005, Verdict.WRONG, f"{x.label} {x.text} 完成预算的比例：表中决算数 {spent} ÷ "
                                      f"表中预算数 {budget} = {pct_text(exact_table, r.value)}（文中数 {num(mine)} ÷ "
                                      f"{budget} = {pct_text(exact, r.value)}），文中写 {r.text}",
                                      pct_text(exact_table, r.value), r.text, r.start)))
            continue
        out.append((k, _issue(TXT005, Verdict.WRONG, f"{x.label} {x.text} 与表中决算数 {spent} 不符：文中的完成率 "
                              f"{r.text} 是 {spent} ÷ 表中预算数 {budget}，而 {num(mine)} ÷ {budget} = "
                              f"{pct_text(exact, r.value)}", str(spent), x.text, x.start, x.end)))
    return out


def check_named_execution(doc: Document, texts: list[str], quantities: list[list[Quantity]]
                          ) -> list[tuple[int, Issue]]:
    """TXT005 for ``项目支出执行率为R%`` whose clause writes no figure, when a table of the document has that line's
    row with a budget and a spent column (预算数 | 决算数, 年初预算 | 全年预算 | 执行数): R is the row's spent figure over
    its budget of the stage the rate names, the 全年预算 when it names none (DOMAIN §2: 执行率 = 执行数 ÷ 全年预算数)."""
    index = _index(doc)
    if not index:
        return []
    out = []
    for k, (text, qs) in enumerate(zip(texts, quantities)):
        for i, r in enumerate(qs):
            if r.unit != "%" or r.role != "rate" or r.approx:
                continue
            lo = max(text.rfind(c, 0, r.start) for c in "，,；;。") + 1
            if i and qs[i - 1].end > lo:
                continue  # a figure in the rate's clause: the prose rules read it
            line = line_execution(text[lo:r.start])
            if line is None or not line[1] or not re.search(r"(?:支出|经费|资金)$", line[0]) \
                    or re.search(r"上年|去年|同期", line[0]):
                continue  # (项目执行率 after a project's figures is that project's, not the 项目支出 line's)
            name = line[0]
            s_start, _ = _sentence_bounds(text, r.start)
            if any(q.kind == "money" and s_start <= q.start < r.start and name in q.label for q in qs[:i]):
                continue  # the sentence writes the line's own money: the prose rules read the rate
            row = index.get(core(name))
            if row is None:
                continue
            budgets, spent = row[0], row[1]
            stage = _stage(line[2] or "")
            budget = budgets.get(stage) if stage else budgets.get("全年", budgets.get(None) if len(budgets) == 1 else None)
            if budget is None or budget <= 0:
                continue
            v, exact = ratio_verdict(spent, budget, r.value, kind_of("money"))
            if v == "ok" or exact is None:
                continue
            out.append((k, _issue(TXT005, v, f"{name}执行率：表中执行数 {spent} ÷ 表中"
                                  f"{'年初' if stage == '年初' else '全年'}预算数 {budget} = {pct_text(exact, r.value)}，"
                                  f"文中写 {r.text}", pct_text(exact, r.value), r.text, r.start)))
    return out
