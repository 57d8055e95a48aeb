"""A figure of the text against the table row that means the same thing, whatever the two call it and in whichever
money unit each is written.

The narrative names a budget line as it speaks (防汛抗旱支出, 一般公共服务, 财政拨款收入); the table names it as the
subject list does (2130314 防汛, 201 一般公共服务支出, 一般公共预算财政拨款) and may count in 元 where the text counts in
万元. A name is reduced to its core: the subject code, numbering, 其中, years, the level marks （类）（款）（项） and the
words saying what kind of figure it is (支出, 收入, 决算数, 合计, 金额) are dropped (DOMAIN.md section 2: 一般公共服务
and 一般公共服务支出 are the same class). Two cores name the same line when they are equal, when one is a budget
source and the other its 财政拨款 form (财政拨款收入 / 一般公共预算财政拨款), or when the table row carries a subject
code and its core begins the text's (防汛 in 防汛抗旱, a 项 named shorter than the text names it).

The text's figure, converted to the table's unit, is compared with the row's actual figure (its only amount, or
the column headed 合计 / 决算 / 实际 / 支出数 / 本年). A difference is an error only when it is unmistakably one
figure mistyped: the text's digits are the table's with two adjacent digits swapped or one digit lost or doubled
(:func:`toolkit.claims.slips.slip_kind`), the name's row is the only row of that core with a figure, and the text
does not write the table's figure in the same sentence (where the text writes the table's figure under the same name
in another sentence, two mentions against one say which is the slip). Figures of another time or stage (上年, 预算,
年初) are not compared: the row may not show that column.
"""
from __future__ import annotations

from ..lazyre import re
from collections import Counter
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from .arith import Verdict
from .document import Document, Table, table_units
from .quantities import FUND_NAMES, Quantity, sentences
from .repeats import TXT014, fund_scope, fund_tables
from .sangong import SANGONG_TOTAL, total_row_name
from .slips import _head, slip_kind
from .table_bases import _columns as year_columns
from .tables import _label, cell_number, total_column

_CODE_LEAD = re.compile(r"^\s*(\d{3}|\d{5}|\d{7})(?![\d年])\s*")
#: a preposition before the year that opens a name (对2024年项目支出…涉及的各项目): not part of the name
_LEAD_WORD = re.compile(r"^(?:对|将|把|就)(?=(?:19|20)\d\d年|本年|全年)")
_NOISE = re.compile(_LEAD_WORD.pattern + r"|^(其中[：:]?|[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(]\d+[)）])|(19|20)\d\d年度?|本年度?|全年|当年|"
                    r"[（(](类|款|项)[)）]|[“”\"‘’\s]|本部门|本单位|部门")
_KIND_WORDS = re.compile(r"(?:合计|总额|共计)?(支出|收入)?(决算数|决算|合计|总额|金额|数)?$")  # (合计支出 as 支出合计)
_OTHER = re.compile(r"上年|去年|上一年|同期|以前|累计|预算|年初|调整|追加|计划|目标|批复|下达")
_ACTUAL_HEAD = re.compile(r"合计|决算|实际|支出数|执行数|本年|金额")
_PLAN_HEAD = re.compile(r"预算|上年|计划|年初|调整")
_FUNDS = ("财政拨款", "一般公共预算财政拨款", "一般公共预算")


def core(name: str) -> str:
    """What a name says the figure is of, without codes, numbering, years, level marks and kind words."""
    s = _NOISE.sub("", _CODE_LEAD.sub("", name))
    s = re.sub(r"[（(][^（）()]*[)）]$", "", s)
    return _KIND_WORDS.sub("", s)


def same_line(text_core: str, row_core: str, coded: bool) -> bool:
    """The text's name and the table row's name the same budget line (module docstring)."""
    if len(text_core) < 2 or len(row_core) < 2:
        return False
    if text_core == row_core:
        return True
    if text_core in _FUNDS and row_core in _FUNDS:
        return True
    return coded and text_core.startswith(row_core)


def _columns(t: Table) -> tuple[int, int] | None:
    """(label column, actual-figure column) of a table whose rows name budget lines."""
    width = max((len(r) for r in t.rows), default=0)
    if width < 2:
        return None
    figure_cols = [c for c in range(1, width) if sum(1 for r in t.rows if c < len(r) and cell_number(r[c]) is not None
                                                     and not r[c].strip().endswith(("%", "％"))) >= 2]
    if not figure_cols:
        return None
    if len(figure_cols) == 1:
        col = figure_cols[0]
    else:
        heads = {c: "".join(re.sub(r"\s+", "", r[c]) for r in t.rows[:2] if c < len(r) and cell_number(r[c]) is None)
                 for c in figure_cols}
        actual = [c for c in figure_cols if _ACTUAL_HEAD.search(heads[c]) and not _PLAN_HEAD.search(heads[c])]
        if not actual:
            # columns headed by years (2024年 | 2023年 | 增减额): the latest year's is this year's actual figure
            years = {c: int(m.group(1)) for c in figure_cols
                     if (m := re.fullmatch(r"((?:19|20)\d\d)年度?(?:决算数?|支出|实际)?(?:（万元）)?", heads[c]))}
            latest = [c for c in years if years[c] == max(years.values(), default=0)]
            if len(years) < 2 or len(latest) != 1:
                return None
            actual = latest
        col = actual[0]
    coded = sum(1 for r in t.rows if r and re.fullmatch(r"\d{3}|\d{5}|\d{7}", r[0].strip()))
    return (1 if coded >= 2 and col > 1 else 0), col


def _rows(doc: Document) -> list[tuple[str, bool, Decimal, str, Table, int, int]]:
    """(core, coded, figure, unit, table, row, column) of every row naming a line with an actual figure."""
    units = table_units(doc)
    out = []
    for t in doc.tables:
        cols = _columns(t)
        if cols is None:
            continue
        lc, col = cols
        unit = units.get(t.index, "万元")
        for r, row in enumerate(t.rows):
            if len(row) <= col or cell_number(row[col]) is None or row[col].strip().endswith(("%", "％")):
                continue
            name = row[lc] if lc < len(row) and row[lc].strip() else row[0]
            coded = bool(re.match(r"\s*(\d{3}|\d{5}|\d{7})(?!\d)", row[0]))
            # a 三公 table's 合计 is the text's “三公”经费; a list's 合计 the sum of its figure column over its subjects
            c = core(name) or total_row_name(t, r) or _list_total_name(t, r, lc, col) or ""
            if c and not re.search(r"\d", c):
                out.append((c, coded, cell_number(row[col]), unit, t, r, col))
    out += _column_figures(doc, units)
    return out


_LIST_SUBJECT = re.compile(r"^(?P<s>[\u4e00-\u9fff]{2,6}?)(?:名称|内容)$")
_HEAD_UNIT = re.compile(r"[（(][^（）()]*[)）]$")


def _list_total_name(t: Table, r: int, lc: int, col: int) -> str | None:
    """The 合计 row of a list of subjects (项目名称 | 资金（万元） | …: one project a row) named as the text names its
    sum: the subject of the list and the head of the figure column (项目资金, 项目投资); None for any other row."""
    if not re.fullmatch(r"合计|总计|共计", _label(t.rows[r])):
        return None
    head = next((row for row in t.rows[:r] if len(row) == len(t.rows[r])
                 and not any(cell_number(x) is not None for x in row)), None)
    if head is None:
        return None
    subject = next((m.group("s") for x in head[:col]
                    if (m := _LIST_SUBJECT.fullmatch(re.sub(r"\s+", "", x)))), None)
    figure = _HEAD_UNIT.sub("", re.sub(r"\s+", "", head[col]))
    if not subject or not re.fullmatch(r"[\u4e00-\u9fff]{2,6}", figure) or _OTHER.search(figure):
        return None
    name = core(subject + figure)
    return name if len(name) > len(subject) else None


#: the name written right after a figure with none before it (124.36万元项目资金均按规定程序拨付): a subject and its
#: kind of money, the verb after it
_SOME_OF = re.compile(r"其中|另|此外|剩余|余下|部分|结转|结余|用于|含|包括")
#: a 决算 explanation opening with the budget line it explains: 7.其他公路水路运输支出（项）：, （三）公路养护（项）。
_ITEM_OPENING = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]\s*)?"
                           r"(?:[^：:。，,；;]{2,40}?[（(](?:类|款)[)）])*"  # 交通运输支出（类）公路水路运输（款）…
                           r"(?P<name>[\u4e00-\u9fff“”]{2,30}?)[（(](?:类|款|项)[)）][：:。，,]")
#: a figure named only as the actual of the line its paragraph explains (支出决算为B万元, 决算数为B万元)
_ACTUAL_ONLY = re.compile(r"(?:其)?(?:支出)?决算(?:数|支出)?(?:金额)?")
_NAME_AFTER = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,8}?(?:资金|支出|经费))(?=[均都已全共，,。；;])")


#: a figure named by a budget stage after its subject (“三公”经费年初预算A万元): the subject and the stage
_BUDGET_AFTER = re.compile(r"(?P<s>.+?)(?:年初预算|全年预算|调整后预算|调整预算|预算)(?:数)?(?:为|是)?$")


def _budgeted_before(text: str, qs: list[Quantity], q: Quantity) -> str:
    """The core of the line whose budget is written right before ``q``, a figure named only as the actual (“三公”经费
    年初预算A万元，决算B万元: B is the 三公经费's 决算); "" when the figure before names no line and budget."""
    k = next((n for n, x in enumerate(qs) if x is q), 0)
    prev = qs[k - 1] if k else None
    if prev is None or prev.kind != "money" or prev.role != "level" or not prev.label \
            or not re.fullmatch(r"[，,]\s*", text[prev.end:q.start - len(q.pre)]):  # (q named 决算 alone: the caller's)
        return ""
    m = _BUDGET_AFTER.fullmatch(re.split(r"[，,；;：:]", prev.label)[-1])
    return core(m.group("s")) if m else ""


_GRAND_ROW = re.compile(r"^(合计|总计|本年支出合计|支出合计)$")


def _column_figures(doc: Document, units: dict[int, str]) -> list:
    """The figures a 合计 | 基本支出 | 项目支出 table's 合计 row gives under each part's head: the 基本支出 of the
    whole table is the cell of its 合计 row in the 基本支出 column."""
    out = []
    for t in doc.tables:
        tcol = total_column(t)
        if tcol is None:
            continue
        for r in range(tcol.header + 1, len(t.rows)):
            row = t.rows[r]
            if not _GRAND_ROW.match(_label(row)):
                continue
            for c in tcol.parts:
                value = cell_number(row[c]) if c < len(row) else None
                name = core(tcol.heads[c])
                if value is not None and len(name) >= 2 and not row[c].strip().endswith(("%", "％")):
                    out.append((name, False, value, units.get(t.index, "万元"), t, r, c))
            break
    return out


def check_named_figures(doc: Document, quantities: list[list[Quantity]], taken: set[tuple[int, int]],
                        cells: dict) -> list[tuple[int, object]]:
    """[(paragraph index, TXT014 issue)] for text figures that are their table row's figure mistyped; ``taken``:
    (paragraph, offset) already reported; ``cells`` receives ``id(issue) -> (table, row, column)``."""
    from .prose import _issue, sentences
    from .repeats import rate_agrees

    rows = _rows(doc)
    if not rows:
        return []
    paragraphs = doc.paragraphs
    written: dict[str, Counter] = {}  # text core -> the figures the text writes under it (in 万元), how often
    mentions = []
    explained: dict[tuple[int, int], bool | None] = {}  # a 决算 explanation's figure -> the scope its section names
    for k, qs in enumerate(quantities):
        for q in qs:
            if q.kind != "money" or q.role != "level" or q.approx or q.chinese:
                continue
            c = core(q.label) if q.label else ""
            if len(c) < 2:  # 全年124.36万元项目资金均…: a figure named by the words after it
                # (not a part of it: 其中20.86万元项目资金结转下年, 另有…, 剩余…)
                before = paragraphs[k].text[max(0, q.start - 8):q.start]
                after = None if _SOME_OF.search((q.label or "") + re.split(r"[，,；;。]", before)[-1]) \
                    else _NAME_AFTER.match(paragraphs[k].text, q.end)
                c = core(after.group("name").replace("资金", "支出")) if after else ""
                item = _ITEM_OPENING.match(paragraphs[k].text) if len(c) < 2 and _ACTUAL_ONLY.fullmatch(q.label or "") \
                    else None
                if item is not None and q.start < sentences(paragraphs[k].text).bounds(item.end())[1]:
                    # 7.其他公路水路运输支出（项）：年初预算为A万元，支出决算为B万元: B is that 项's 决算数
                    c = core(item.group("name"))
                    explained[(k, q.start)] = _heading_scope(paragraphs, k)
                if len(c) < 2 and _ACTUAL_ONLY.fullmatch(q.label or ""):
                    c = _budgeted_before(paragraphs[k].text, qs, q)
                if len(c) < 2:
                    continue
            written.setdefault(c, Counter())[q.value_in("万元")] += 1
            mentions.append((k, q, c))
    out = _last_years(doc, mentions, taken, cells) + _rates(doc, quantities, taken, cells) \
        + _table_changes(doc, quantities, taken) + _named_rates(doc, quantities, taken)
    titles = fund_tables(doc)
    by_core: dict[str, list] = {}
    for x in rows:
        by_core.setdefault(x[0], []).append(x)
    for k, q, c in mentions:
        if (k, q.start) in taken or _OTHER.search(q.label) or len(c) < 2:
            continue
        # the rows whose core is the text's, a fund name's equivalent, or a coded row's core beginning the text's
        keys = [c] + [f for f in _FUNDS if c in _FUNDS and f != c] + [c[:n] for n in range(2, len(c))]
        found = [x for key in keys for x in by_core.get(key, ()) if same_line(c, x[0], x[1])]
        values = {x[2].scaleb(_exp(x[3]) - _exp(q.unit)) for x in found}
        if len(values) != 1:
            continue  # no row, or rows of that name with different figures: not one line
        table_value = values.pop()
        if table_value == q.value:
            continue
        text = paragraphs[k].text
        sentence = sentences(text).bounds(q.start)
        shown_number = q.text[:len(q.text) - len(q.unit)].strip()
        near = all(x[0] == c for x in found) and written[c][q.value_in("万元")] == 1 \
            and _near_digits(shown_number, table_value)
        coarse = _rounded_slip(shown_number, table_value, q.unit, found[0][3])
        slipped = slip_kind(shown_number, table_value) is not None or near or coarse
        in_table_unit = q.value.scaleb(_exp(q.unit) - _exp(found[0][3]))
        other_column = _own_rows_other(found[0], in_table_unit) if len(found) == 1 and not slipped \
            and not _OTHER.search(text[sentence[0]:q.start]) else None
        if (not slipped and not other_column and not (len(found) == 1 and _another_rows(found[0], in_table_unit, rows))) \
                or _in(text[sentence[0]:sentence[1]], table_value):
            continue
        _c, _coded, figure, unit, t, r, col = found[0]
        scope = fund_scope(text, q.start)
        if scope is None and (k, q.start) in explained:
            scope = explained[(k, q.start)]  # （二）一般公共预算财政拨款支出决算具体情况 over its 项 explanations
        if scope is not None and scope != titles.get(t.index, False):
            continue  # 一般公共预算财政拨款支出决算表 against the department's whole spending (or the other way): two scopes
        if unit == q.unit and rate_agrees(doc, quantities[k], k, q, t, r, col):
            continue  # 支出决算486.25万元，完成全年预算的97.25%: the text is borne out by its rate, the cell is mistyped
        shown = t.rows[r][col].strip() + ("" if unit == q.unit else unit)
        places = len(shown_number.partition(".")[2])
        as_text = f"{table_value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}{q.unit}"
        converted = "" if unit == q.unit else f"（即 {as_text}）"
        name = "".join(re.sub(r"\s+", "", x) for x in t.rows[r][:col] if x.strip() and not _is_figure(x))
        head = _head(t, col)
        where = f"{t.where()} 第{r + 1}行“{name}”"
        if core(head) == found[0][0] != core(name):
            where = f"{t.where()} “{name}”行“{head}”列"  # the 合计 row's figure under the part's head
        why = f"（文中的数是该行“{other_column}”列的数）" if other_column else ""
        issue = _issue(TXT014, Verdict.WRONG, f"正文写{q.label} {q.text}，{where}写 "
                       f"{shown}{converted}：同一项目的数字前后不一致{why}", as_text, q.text, q.start)
        taken.add((k, q.start))
        cells[id(issue)] = (t.index, r, col)
        out.append((k, issue))
    return out


_HEADING_MARK = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十\d]{1,3}部分)")


def _heading_scope(paragraphs, k: int) -> bool | None:
    """The fund scope the heading over paragraph ``k`` names: the nearest paragraph before it numbered as a heading
    (（二）…, 三、…), short and with no money figure, past the other explanations of its section and their
    continuation lines: True for the 财政拨款 alone, False for the department's whole money, None when none says."""
    for j in range(k - 1, max(-1, k - 80), -1):
        text = paragraphs[j].text
        if _HEADING_MARK.match(text) and len(text) <= 60 and not re.search(r"\d+(?:\.\d+)?\s*[万亿]?元", text):
            return fund_scope(text, len(text))
    return None


def _own_rows_other(own: tuple, value: Decimal) -> str | None:
    """The head of the one other column of ``own``'s row that holds ``value`` (in the table's unit), when that column
    is of another time or stage (上年数, 预算数, 目标): the text took the row's other figure for its actual one
    (基本支出1,102.36万元 where the row gives 上年 1,102.36 and 本年 1,183.60). None otherwise."""
    _c, _coded, _figure, _unit, t, r, col = own
    cols = [c for c, x in enumerate(t.rows[r]) if c != col and cell_number(x) == value and not x.strip().endswith("%")]
    if len(cols) != 1:
        return None
    head = _head(t, cols[0])
    return head if head and _OTHER.search(head) else None


def _another_rows(own: tuple, value: Decimal, rows: list) -> bool:
    """Whether ``value`` (in the table's unit) is written in no cell of ``own``'s row and is the figure of exactly
    one other row of its table in the same column, a row of another name: the text took the line next to its own
    (公务接待费3.26万元 where the 三公 table gives 公务接待费 1.48 and 公务用车运行维护费 3.26)."""
    c, _coded, _figure, _unit, t, r, col = own
    if any(cell_number(x) == value for x in t.rows[r]):
        return False
    others = [x for x in rows if x[4] is t and x[6] == col and x[5] != r and x[2] == value]
    return len(others) == 1 and others[0][0] != c and not _GRAND_ROW.match(others[0][0])


def _rounded_slip(written: str, value: Decimal, unit: str, table_unit: str) -> bool:
    """The text writes the table's figure rounded to a larger unit (11846.27万元 as 1.18亿元) and its digits are
    the rounded figure's with one digit changed, two adjacent ones swapped, or one lost or doubled (1.28亿元)."""
    t = written.replace(",", "").strip()
    places = len(t.partition(".")[2])
    step = Decimal(1).scaleb(-places)
    if _exp(unit) <= _exp(table_unit) or value == value.quantize(step) or not re.fullmatch(r"\d+(\.\d+)?", t):
        return False
    rounded = value.quantize(step, rounding=ROUND_HALF_UP)
    if rounded == Decimal(t) or rounded <= 0:
        return False
    a, b = t.replace(".", "").lstrip("0"), f"{rounded:f}".replace(".", "").lstrip("0")
    one = len(a) == len(b) >= 3 and sum(x != y for x, y in zip(a, b)) == 1
    return one or slip_kind(t, rounded) is not None


def _exp(unit: str) -> int:
    return {"元": 0, "万元": 4, "亿元": 8}.get(unit, 4)


def _in(sentence: str, value: Decimal) -> bool:
    """The sentence writes ``value`` as a number of its own (84100 is not in 841000)."""
    plain = sentence.replace(",", "")
    shown = [f"{value:f}"] + ([f"{value.quantize(Decimal(1))}"] if value == value.to_integral_value() else [])
    return any(re.search(r"(?<![\d.])" + re.escape(x) + r"(?![\d])", plain) for x in shown)


def _is_figure(cell: str) -> bool:
    return cell_number(cell) is not None and not re.fullmatch(r"\s*(\d{3}|\d{5}|\d{7})\s*", cell)


_TIME = re.compile(r"(19|20)\d\d年|上年|去年|上一年|同期|以前|累计")
_YEAR = re.compile(r"(19|20)\d\d年")


def _last_years(doc: Document, mentions: list, taken: set, cells: dict) -> list[tuple[int, object]]:
    """A text figure of this year that is, in the table naming its line, last year's figure and not this year's
    (公务用车运行维护费10.12万元 where the row reads 2025年决算 9.36 | 2024年决算 10.12): the text copied the wrong
    column. Only tables whose header names one column of each year (:func:`toolkit.claims.table_bases._columns`),
    rows of one figure per name, and clauses writing no other time are judged."""
    from .prose import _issue
    rows = _year_rows(doc)
    out = []
    paragraphs = doc.paragraphs
    for k, q, c in mentions:
        found = rows.get(c, [])
        if (k, q.start) in taken or len(found) != 1 or _OTHER.search(q.label):
            continue
        now, then, unit, t, r, now_c, header = found[0]
        head = re.sub(r"\s+", "", t.rows[header][now_c])
        text = paragraphs[k].text
        clause = re.split(r"[，。；,;：:]", text[:q.start])[-1]
        value = q.value_in(unit) if q.unit in ("元", "万元", "亿元") else None
        this_year = _YEAR.search(head)
        other = [m.group(0) for m in _TIME.finditer(clause)
                 if not (this_year and m.group(0) == this_year.group(0))]  # 2024年 of the 2024年决算 column is this year
        if value is None or value != then or value == now or other:
            continue
        row_name = re.sub(r"\s+", "", _label(t.rows[r])) or c
        issue = _issue(TXT014, Verdict.WRONG, f"正文写{_LEAD_WORD.sub('', q.label)} {q.text}，{t.where()} 第{r + 1}行“{row_name}”的{head}为 "
                       f"{t.rows[r][now_c].strip()}，{q.text} 是其上年数：正文取错了列", t.rows[r][now_c].strip(),
                       q.text, q.start)
        taken.add((k, q.start))
        cells[id(issue)] = (t.index, r, now_c)
        out.append((k, issue))
    return out


#: a change against last year right after a figure: 比上年减少1.78万元 / 较上年下降22.45%
_LAST_YEAR_CHANGE = re.compile(r"^[，,]?\s*(?:比|较|同比)(?:上年|去年|上一年|2\d\d\d年)?(?:同期)?(?P<dir>增加|增长|上升|提高|减少|下降|降低)"
                               r"(?:了)?\s*$")


def _table_changes(doc: Document, quantities: list[list[Quantity]], taken: set) -> list[tuple[int, object]]:
    """``公务接待费6.15万元，比上年减少1.87万元`` where the 三公 table's row reads 2024年 6.15 | 2023年 7.93: the amount of
    change written right after a text figure equal to its row's this-year figure is this year's less last year's, the
    last-year figure given only in the table (one row of that name, the sentence writing no last-year figure). A
    rate of change against that figure is table_bases' check."""
    from .prose import TXT004, _issue, _same_flow

    rows = _year_rows(doc)
    if not rows:
        return []
    out = []
    paragraphs = doc.paragraphs
    for k, qs in enumerate(quantities):
        text = paragraphs[k].text
        for i, q in enumerate(qs[:-1]):
            if q.kind != "money" or q.role != "level" or q.approx or not q.label \
                    or _OTHER.search(FUND_NAMES.sub("", q.label)):
                continue  # (一般公共预算财政拨款 names a fund, not a budget)
            found = rows.get(core(q.label), [])
            if not found and "三公" in q.label:
                found = rows.get(core(SANGONG_TOTAL), [])  # 一般公共预算财政拨款“三公”经费支出决算: the table's 合计
            d = qs[i + 1]
            if d.unit == "%" and d.role != "change" and i + 2 < len(qs) \
                    and re.fullmatch(r"[，,](?:完成|占|为|达到?)[^，,。；;\d]{0,16}", text[q.end:d.start - len(d.pre)] + d.pre) \
                    and re.fullmatch(r"\s*[，,]\s*", text[d.end:qs[i + 2].start - len(qs[i + 2].pre)]):
                d = qs[i + 2]  # X万元，完成预算的P%，较上年减少D万元: its own rate between the figure and its change
                m = _LAST_YEAR_CHANGE.match(d.pre)
            else:
                m = _LAST_YEAR_CHANGE.match(text[q.end:d.start])
            if len(found) != 1 or m is None or d.role != "change" or d.approx or (k, d.start) in taken:
                continue
            now, then, unit, t, r, _now_c, _header = found[0]
            if q.value_in(unit) != now:
                continue
            if not _same_flow(q.label, "".join(x for x in t.rows[r] if cell_number(x) is None)):
                continue  # 一般公共预算财政拨款支出 against the row of its 收入: the other side of the money
            s0, s1 = sentences(text).bounds(q.start)
            if _in(text[s0:s1], then):
                continue  # the sentence writes last year's figure: the text's own check
            down = m.group("dir") in ("减少", "下降", "降低")
            delta = now - then
            if d.unit not in ("元", "万元", "亿元") or d.value_in(unit) * (-1 if down else 1) == delta:
                continue  # a rate against the table's last-year figure: table_bases; an amount that agrees
            v = Verdict.WRONG
            shown = f"{'增加' if delta > 0 else '减少'}{abs(delta):f}{unit}"
            out.append((k, _issue(TXT004, v, f"{q.label} {q.text} 比上年的变动：{t.where()} 第{r + 1}行上年数为 "
                                  f"{then:f}{unit}，应为{shown}，文中写 {d.text}", shown, d.text, d.start)))
            taken.add((k, d.start))
    return out


#: a rate of change named by its line alone, no figure of its own in its clause (其他收入下降6.87%, 其中一般公共预算财政
#: 拨款收入同比增长9.58%)
_NAMED_RATE = re.compile(r"^(?:其中|另外|此外)?[：:]?\s*(?P<name>[\u4e00-\u9fff（）()“”]{2,24}?)(?:比|较|同比)?"
                         r"(?:上年|去年|上一年|2\d\d\d年)?(?:同期)?(?P<dir>增加|增长|上升|提高|减少|下降|降低)(?:了)?\s*$")


def _named_rates(doc: Document, quantities: list[list[Quantity]], taken: set) -> list[tuple[int, object]]:
    """``其他收入下降6.87%`` where a table gives 其他收入 | 2023年 41.25 | 2024年 38.60: a rate named by a line and no
    figure of its clause is (this year's − last year's) ÷ last year's of that table row (one row of that name)."""
    from .arith import kind_of, pct_text, ratio_verdict
    from .prose import TXT004, _direction, _issue

    rows = _year_rows(doc)
    if not rows:
        return []
    out = []
    for k, qs in enumerate(quantities):
        text = doc.paragraphs[k].text
        for i, r in enumerate(qs):
            if r.unit != "%" or r.role != "change" or r.approx or (k, r.start) in taken:
                continue
            lo = max([text.rfind(c, 0, r.start) for c in "，,；;。：:"]) + 1
            if i and qs[i - 1].end > lo:
                continue  # a figure of the clause is the rate's own subject
            m = _NAMED_RATE.match(text[lo:r.start])
            if m is None or _OTHER.search(re.sub(r"(?:一般公共|政府性基金|国有资本经营)预算", "", m.group("name"))):
                continue
            found = rows.get(core(m.group("name")), [])
            if len(found) != 1:
                continue
            now, then, unit, t, row, _now_c, _header = found[0]
            sign = _direction(m.group("dir"))
            if then <= 0 or sign == 0 or (now - then) * sign < 0:
                continue
            v, exact = ratio_verdict(abs(now - then), then, abs(r.value), kind_of("money"))
            if v == "ok":
                continue
            out.append((k, _issue(TXT004, v, f"{m.group('name')}的变动率：{t.where()} 第{row + 1}行本年数 {now:f}、上年数 "
                                  f"{then:f}，({now:f} − {then:f}) ÷ {then:f} = {pct_text(exact, abs(r.value))}，文中写 "
                                  f"{r.text}", pct_text(exact, abs(r.value)), r.text, r.start)))
            taken.add((k, r.start))
    return out


def _year_rows(doc: Document) -> dict[str, list]:
    """The rows of the tables with one column of this year and one of last year, by name core: (this year's figure,
    last year's, unit, table, row, this year's column, header row)."""
    units = table_units(doc)
    rows: dict[str, list] = {}
    for t in doc.tables:
        cols = year_columns(t)
        if cols is None:
            continue
        header, now_c, then_c = cols
        for r in range(header + 1, len(t.rows)):
            row = t.rows[r]
            if len(row) <= max(now_c, then_c):
                continue
            now, then = cell_number(row[now_c]), cell_number(row[then_c])
            name = next((x for x in row if x.strip() and cell_number(x) is None), "")
            name = total_row_name(t, r) or name  # a 三公 table's 合计 row is the 三公经费
            c = core(name)
            if now is None or then is None or now == then or len(c) < 2 or "%" in row[now_c] + row[then_c]:
                continue
            rows.setdefault(c, []).append((now, then, units.get(t.index, "万元"), t, r, now_c, header))
    return rows


def _near_digits(written: str, value: Decimal) -> bool:
    """Five digits or more, the same count, differing in one digit or in two adjacent ones (7,750.68 and 7,660.68)."""
    t = written.replace(",", "").strip()
    places = len(t.partition(".")[2])
    if value != value.quantize(Decimal(1).scaleb(-places)):
        return False
    a, b = t.replace(".", "").lstrip("0"), f"{value:.{places}f}".replace(".", "").lstrip("0")
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(a) == len(b) >= 5 and 1 <= len(diff) <= 2 and diff[-1] - diff[0] <= 1


_RATE_WORD = re.compile(r"(预算)?(执行率|完成率)")
_SHARE_WORD = re.compile(r"占比|比重|所占比例|占")
#: the wholes a table's share column is of (its 合计 row): a share the text says is of one of these
_TABLE_WHOLE = re.compile(r"^(本年|全年|当年)?(支出|收入)?(合计|总额|总计|总支出|总收入)?$|^(本年|全年)?(支出|收入)$")


#: a table's caption naming the one line of spending its rows are the parts of (2024年项目支出预算执行情况表)
_LINE_CAPTION = re.compile(r"(?:(?:19|20)\d\d年度?)?(?P<line>基本支出|项目支出)(?:预算)?(?:执行|决算|支出)?(?:情况)?(?:明细)?表")


def _caption_line(doc: Document, t: Table) -> str | None:
    """The line of spending (项目支出, 基本支出) the caption right before table ``t`` names as what its rows detail:
    its 合计 row is that line's (表2 2024年项目支出预算执行情况表 … 合计 1910.00 1840.52 96.36%)."""
    k = next((n for n, b in enumerate(doc.blocks) if b is t), None)
    if not k or isinstance(doc.blocks[k - 1], Table):
        return None
    found = _LINE_CAPTION.findall(doc.blocks[k - 1].text)
    if len(set(found)) != 1 or len(doc.blocks[k - 1].text) > 40:
        return None
    if any(core(_label(row)) == core(found[0]) for row in t.rows):
        return None  # the line has a row of its own
    return found[0]


def _rate_rows(doc: Document) -> dict[tuple[str, str], list]:
    """(line core, 执行率 | 完成率 | share) -> [(stated %, exact %, table, row, col)] for the rows of the tables with a
    rate or share column whose figure is its row's own (a rate = a figure of the row over another of it, a share =
    the row's amount over the 合计 row's), so a slip in the table itself (TBL005 / TBL007) is never taken as the
    truth."""
    from .arith import Kind, ratio_verdict
    from .tables import _PCT_UNIT, _SHARE_HEAD, rate_operands

    out: dict[tuple[str, str], list] = {}
    for t in doc.tables:
        for h, head in enumerate(t.rows[:3]):
            heads = [re.sub(r"\s+", "", x) for x in head]
            bare = [_PCT_UNIT.sub("", x) for x in heads]
            if any(cell_number(x) is not None for x in head):
                continue
            for c, x in enumerate(heads):
                m = _RATE_WORD.search(x)
                kind = m.group(2) if m and x.endswith("率") else "share" if _SHARE_HEAD.search(x) else None
                if kind is None:
                    continue
                money = [k for k, y in enumerate(heads) if k != c and not re.search(r"率|占比|比重|比例|%|％", y)]
                grand = next((r for r in range(h + 1, len(t.rows)) if re.fullmatch(r"合计|总计", _label(t.rows[r]))), None)
                line = _caption_line(doc, t) if kind != "share" else None
                for r in range(h + 1, len(t.rows)):
                    row = t.rows[r]
                    if len(row) != len(head) or not row[c].strip().endswith(("%", "％")) or (r == grand and not line):
                        continue
                    stated = cell_number(row[c])
                    figures = [(k, cell_number(row[k])) for k in money if k < len(row) and cell_number(row[k])]
                    exact = None
                    if kind == "share":
                        whole = [cell_number(t.rows[grand][k]) for k, _v in figures] if grand is not None else []
                        pairs = [(v, w) for (_k, v), w in zip(figures, whole) if w]
                    else:
                        # the rate by its definition (the row's 执行 over its 全年预算) where the heads name one pair:
                        # a rate cell against another pair (÷ 年初预算) is itself wrong (TBL005), never the truth
                        num, den = rate_operands(bare, row, bare[c])
                        num, den = [k for k in num if k != c], [k for k in den if k != c]
                        defined = len(num) == 1 and len(den) == 1 and cell_number(row[den[0]])
                        pairs = [(cell_number(row[num[0]]), cell_number(row[den[0]]))] if defined else \
                            [(a, b) for _i, a in figures for _j, b in figures if a is not b and b]
                    used = None
                    for a, b in pairs:
                        if kind != "share" and defined or ratio_verdict(a, b, stated, Kind.MONEY)[0] == "ok":
                            exact, used = a / b * 100, (a, b)
                            break
                    name = core(line if r == grand else _label(row))
                    if exact is not None and len(name) >= 2:
                        out.setdefault((name, kind), []).append((stated, exact, t, r, c, used))
            break
    return out


#: an adverb before a rate's verb (执行率仅为, 完成率只有) and an ordinal opening its clause (一是项目支出…)
_ONLY = re.compile(r"(?:仅|只|才|约|已)$")
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]是|首先|其次|再次|最后)")


def _rates(doc: Document, quantities: list[list[Quantity]], taken: set, cells: dict) -> list[tuple[int, object]]:
    """A rate (执行率 / 完成率) or a share in the text for a line whose table row has a rate or share column saying
    otherwise: TXT014 at the text's figure. The line is named before the rate in its label (项目支出执行率) or by the
    amount just before it in its sentence (项目支出792.45万元，执行率…); a share only when the text says it is of the
    whole the table's share column is of (占支出合计的, or no whole); a sentence writing a budget or a whole of its own
    is left to the prose rules; a line in two rows with different figures is not judged."""
    from .arith import Kind, like, pct_text, repeat_verdict
    from .prose import _issue, sentences

    rows = _rate_rows(doc)
    if not rows:
        return []
    out = []
    paragraphs = doc.paragraphs
    for k, qs in enumerate(quantities):
        text = paragraphs[k].text
        for i, q in enumerate(qs):
            label = _ORDINAL.sub("", _ONLY.sub("", q.label or ""))
            if q.role == "level" and _RATE_WORD.search(label) and label.endswith("率"):
                q = replace(q, role="rate")  # 执行率仅为P%: a rate whatever the adverb before its verb
            if q.unit != "%" or q.approx or (k, q.start) in taken or q.role not in ("rate", "share"):
                continue
            if q.role == "share":
                kind, m = "share", _SHARE_WORD.search(label)
                whole = re.sub(r"的$", "", label[m.end():]) if m else ""
                if m is None or not _TABLE_WHOLE.match(whole):
                    continue  # a share of another whole than the table's 合计
                name = label[:m.start()]
            else:
                m = _RATE_WORD.search(label)
                if m is None:
                    continue
                kind, name = m.group(2), label[:m.start()]
            start, _end = sentences(text).bounds(q.start)
            before = [x for x in qs[:i] if x.start >= start]
            pcts = [n for n, x in enumerate(before) if x.unit == "%"]
            before = before[pcts[-1] + 1:] if pcts else before  # after the rate of the line before (…90.33%；公务接待费…)
            if any(_OTHER.search(x.label or "") or x.unit == "%" for x in before if x.kind == "money") \
                    or any(x.kind == "money" and x.role == "level" and _OTHER.search(x.label or "") for x in qs
                           if start <= x.start < q.start):
                continue  # the sentence writes a budget or a whole of its own: the prose rules judge it
            if sum(1 for x in before if x.kind == "money" and x.role == "level") >= 2:
                continue  # two amounts before the rate: its figures are in the sentence (the prose rules)
            if len(core(name)) < 2:
                money = [x for x in before if x.kind == "money" and x.role == "level" and x.label]
                if not money:
                    continue
                name = money[-1].label
            found = rows.get((core(name), kind), [])
            if len({f[1] for f in found}) != 1:
                continue
            stated, exact, t, r, c, (a, b) = found[0]
            if repeat_verdict(q.value, exact, Kind.PERCENT) != Verdict.WRONG or q.value == stated:
                continue
            what = "占比" if kind == "share" else kind
            shown = pct_text(exact, q.value)
            cell = t.rows[r][c].strip()
            says = f"为 {cell}（{like(a, [a])} ÷ {like(b, [b])}）" if cell == shown else \
                f"的数字得 {like(a, [a])} ÷ {like(b, [b])} = {shown}"
            issue = _issue(TXT014, Verdict.WRONG, f"正文写{core(name)}的{what} {q.text}，{t.where()} 第{r + 1}行“"
                           f"{_label(t.rows[r])}”{'的' + _head(t, c) if cell == shown else ''}{says}：同一项目的"
                           f"数字前后不一致", shown, q.text, q.start)
            taken.add((k, q.start))
            cells[id(issue)] = (t.index, r, c)
            out.append((k, issue))
    return out


def check_repeated_slips(doc: Document, findings: list, quantities: list[list[Quantity]],
                         spoken: set[tuple[int, int]]) -> list[tuple[int, object]]:
    """[(paragraph index, TXT014 issue)] for text figures that repeat a table cell found mistyped (TBL011: the cell
    whose corrected figure makes its total hold): the text writes the same figure under the same line's name, so it
    is wrong with the cell (其中森林资源培育支出1002.46万元 for the row 森林资源培育 | 1002.46 that should be 1020.46).
    ``spoken``: (paragraph number, offset) of the text's errors already said."""
    from ..findings import CellSpot
    from .prose import _issue

    units = table_units(doc)
    tables = {t.index: t for t in doc.tables}
    out = []
    for f in findings:
        spot = f.location
        if f.code != "TBL011" or not isinstance(spot, CellSpot) or spot.col is None or spot.table not in tables:
            continue
        t = tables[spot.table]
        row = t.rows[spot.row]
        value, unit = cell_number(row[spot.col]), units.get(t.index, "万元")
        name = next((x.strip() for x in row if x.strip() and cell_number(x) is None and not _CODE_LEAD.fullmatch(x)), "")
        row_core, coded = core(name), bool(_CODE_LEAD.match(row[0]))
        if value is None or len(row_core) < 2:
            continue
        for k, qs in enumerate(quantities):
            for q in qs:
                if q.kind != "money" or q.role != "level" or q.approx or not q.label or q.value_in(unit) != value \
                        or (doc.paragraphs[k].index, q.start) in spoken or _OTHER.search(q.label) \
                        or not same_line(core(q.label), row_core, coded):
                    continue
                out.append((k, _issue(TXT014, Verdict.WRONG, f"正文写{q.label} {q.text}，与{t.where()} 第{spot.row + 1}行"
                                      f"“{name}”相同，而该格应为 {f.expected}（按此表中合计与各行之和相符，见 TBL011）：正文随此格一并写错",
                                      f.expected, q.text, q.start)))
    return out
