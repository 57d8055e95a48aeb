"""The same figure written twice in one report — in two paragraphs, or in a paragraph and a table — that disagrees.

A report states a figure in its narrative and again in a table (基本支出, 人员经费, a functional class) or in another
section (the same achievement in 主要成效 and in the conclusion). The two must agree. Which figures are "the same"
cannot be read from the words alone (a 人员经费 of the 财政拨款 table and one of all funds differ rightly), so a
pair is reported only when it is unmistakably one figure mistyped: the two are written with the same digits in
another order (1,126.58 and 1,162.58: the commonest slip of the keyboard), with the same decimals and unit, at
least four digits, and their subjects share a name of four characters or more (人员经费, 重点优抚对象,
文化旅游体育与传媒支出); or a narrative figure and a table row of exactly the same name differ in one digit or two
adjacent ones (7,750.68 and 7,660.68), the narrative's figure written nowhere else under that name. Each figure is indexed by its sorted digits, so the comparison is linear in the report.
"""
from __future__ import annotations

from ..lazyre import re
from collections import Counter
from dataclasses import dataclass

from ..domain.execution import STAGE_WORDS
from ..findings import ERROR
from ..rules import Rule
from .arith import Verdict
from .document import Document, Table
from .quantities import FUND_NAMES, Quantity, extract, sentences

TXT014 = Rule("TXT014", "lint", ERROR, "同一数字前后不一致（疑为数字颠倒）",
    "正文与表格（或正文两处）写同一项目的同一数字时应一致（正文两处不同而表中有其中一个数时，报告另一处；两数只是相邻两位"
    "数字互换时，所说的对象有两个不相连的两字词相同即可，不论次序：“培训城乡妇女”与“妇女技能培训人次”）。两个数字由相同的几个数字以不同顺序组成（1,126.58 与 "
    "1,162.58）、小数位和单位相同、至少四位数字，且所说的对象有四个字以上相同（人员经费、重点优抚对象）时，"
    "几乎可以肯定是同一个数字写错，报告为错误（两句各以不同年份开头时，如“2023年…其他收入12.35万元”“2022年…其他收入13.25万元”，"
    "是两年的数，不比较；列举中一项的名称从前一项的数之后算起）。正文数字与表中名称完全相同的一行（“基本支出”与“基本支出合计”）只差一位或相邻两位"
    "数字（7,750.68 与 7,660.68，至少五位数字）、且正文数字在别处未以同一名称出现时，也报告为错误；"
    "正文在科目编码后写的数字（“行政运行”（2140101）4,767.97万元）与表中该编码所在行（只有一个金额时）不同，无论差几位都是错误。"
    "决算说明以科目开段（“7.其他公路水路运输支出（项）：年初预算为A万元，支出决算为B万元…”，或“交通运输支出（类）公路水路运输（款）"
    "公路养护（项）：…”）时，B 是该科目的决算数，按上述规则与表中该科目一行比较；所在小节标题点明口径（“一般公共预算财政拨款支出"
    "决算具体情况”）而表是另一口径时不比较。"
    "表中这一格若正是使其上级科目（或合计）与各项之和不符的那一格、按正文的数字上级即相符，则错误报告在表中这一格，"
    "不再报告上级科目或正文。正文与表中名称不同而所指相同（“一般公共服务”与“201 一般公共服务支出”；科目行“2130314 防汛”"
    "与正文“防汛抗旱支出”；“财政拨款收入”与“一般公共预算财政拨款”）、单位不同（表中元，正文万元）时，按表的单位换算后比较，"
    "只在正文数字恰为表中数字相邻两位互换或少写、多写一位时报告（表中同名各行数字须一致，上年、预算等其他口径不比较）；"
    "正文数字不见于本行任何一格、却恰是同表同列另一名称的一行的数（“公务接待费3.26万元”，表中公务接待费1.48、"
    "公务用车运行维护费3.26）时，是写串了行，也报告；正文数字（所在句未说预算、上年等）恰是本行预算数、上年数等另一列的数而"
    "与决算（本年）列不同时，是取错了列，也报告；只差一位的比较只与决算（本年、执行）列比，不与预算、目标、上年列比；各列以年份为题（2024年 | 2023年 | 增减额）时，最近一年的列是本年数；"
    "正文所在句点明口径（“一般公共预算财政拨款基本支出”或“本年支出合计……其中基本支出”）而表名的口径不同（“一般公共预算财政拨款"
    "支出决算表”对“收入支出决算总表”）时不比较；"
    "正文以更大的单位约写表中数字（表中11,846.27万元，正文写亿元）时，与四舍五入后的数（1.18亿元）比较，只差一位或数字错位"
    "（1.28亿元）时报告；"
    "“合计 | 基本支出 | 项目支出”表中合计行在“基本支出”列的数就是基本支出，名称（去掉“支出”等字后）相同时只差一位或相邻两位"
    "（至少五位数字、正文未在同一句写出表中的数）也报告。"
    "正文写某一项目的执行率、完成率或占比（“项目支出……执行率93.15%”“对个人和家庭的补助占支出合计的46.17%”），而表中同名一行"
    "的执行率（完成率、占比）列与该行数字相符且与正文不同（超出舍入）时，也报告为错误；正文所说的占比须是表中占比列所对的合计"
    "（“占支出合计”或不说），句中另写预算数或两个金额时由正文规则核对。表中执行率按定义读（该行执行数 ÷ 全年预算数，表头只有"
    "一对时）：表中比率用了年初预算时，错的是表（TBL005），与定义相符的正文不报。表题只点名一项支出"
    "（“2024年项目支出预算执行情况表”）而表中没有该项一行时，合计行就是该项支出。“三公”经费表的合计行就是正文的“三公”经费。"
    "正文与表中同名一行的数相同、而这一格已查明是笔误（TBL011：按改正后的数上级科目或合计才与各项之和相符）时，"
    "正文随表一并写错，也报告。"
    "表头有本年、上年两列（或相差一年的两个决算列）时，正文中未写其他时间的本年数恰为同名一行的上年数、而与其本年数不同，"
    "是取错了列，也报告为错误。其他不同的数字可能本来就是不同口径，不作判断。同一句中紧接着换一种单位重写的数（“其他收入12.37万元，即123,700元”）是同一个数，不算另一项，且换算后应与原数相等（按原数的小数位）；正文以元写、表中以万元写而正文多写或少写一个0（“841,000元”对表中8.41万元）也按上述规则报告；“合计支出”与“支出合计”是同一名称。",
    "report.txt:30: 第30段: TXT014 正文写人员经费 1,126.58万元，表2 第4行“其中：人员经费”为 1,162.58：同一数字前后不一致"
    "（疑为数字颠倒）")

_NOISE = re.compile(r"(19|20)\d\d年(度)?|本年度?|全年|上年|当年|其中[：:]?|合计|累计|共计|总计|[（(](类|款|项)[)）]|"
                    r"本部门|本单位|我局|我单位|完成|实现|达到|为|是|的|[\s\d.,，、：:（）()“”\"]")
_STAGES = sorted({w for ws in STAGE_WORDS.values() for w in ws} | {"预算数", "预算"}, key=len, reverse=True)
_STAGE_RE = re.compile("|".join(map(re.escape, _STAGES)))
_MIN_DIGITS = 4
_MIN_COMMON = 4


@dataclass
class Mention:
    digits: str  # the figure's digits in order, as written (no separators)
    places: int
    unit: str  # a quantity's unit; "" for a bare table cell
    words: str  # the words naming what it counts ("a|b": either); made a subject only when compared
    shown: str  # as written
    where: str  # for the message: 第N段 / 表N 第R行
    para: int | None = None  # index of the paragraph (for the finding), None for a table cell
    offset: int = 0
    sentence: tuple[int, int] | None = None
    name: str = ""  # a paragraph figure's label, for the message
    _subject: str | None = None
    cell: tuple[int, int, int] | None = None  # a table cell's (table number, row, column)

    @property
    def subject(self) -> str:
        if self._subject is None:
            self._subject = "|".join(_subject(w) for w in self.words.split("|"))
        return self._subject


def _digits(text: str) -> tuple[str, int] | None:
    t = text.replace(",", "").replace("，", "").strip().lstrip("-−")
    if not re.fullmatch(r"\d+(\.\d+)?", t):
        return None
    whole, _, frac = t.partition(".")
    whole = whole.lstrip("0") or "0"
    digits = whole + frac
    return (digits, len(frac)) if len(digits.lstrip("0")) >= _MIN_DIGITS else None


_AFTER = re.compile(r"[^，。；：、,;:！？（(]{0,12}")
#: a sentence opening with its year (2023年收入合计…, 2022年度…)
_YEAR_OPENING = re.compile(r"\s*((?:19|20)\d\d)年")
#: a figure and its unit closing an item of a list before the next item's name (…105.63万元、)
_LISTED_BEFORE = re.compile(r"\d[\d.,]*\s*(?:万元|亿元|元|[%％]|个|项|人|户|家|次|辆|所)?\s*[、和及]")
_CLAUSE = re.compile(r"[，。；：,;:！？]")


def _subject(words: str) -> str:
    """The name of what a figure counts, without years, noise words and budget stage words (支出决算, 年初预算 name
    a column, not a subject)."""
    return _STAGE_RE.sub("", _NOISE.sub("", words))


def _common(a: str, b: str) -> bool:
    """The two subjects share a run of at least :data:`_MIN_COMMON` characters."""
    if len(a) < _MIN_COMMON or len(b) < _MIN_COMMON:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return any(short[i:i + _MIN_COMMON] in long_ for i in range(len(short) - _MIN_COMMON + 1))


def _stage_alone(name: str) -> str | None:
    """The stage word a figure is named by when it names nothing else (2023年全年执行数为 -> 执行数): the department's
    own figure of that stage; None when the name holds a subject (项目支出执行数) or nothing."""
    words = _NOISE.sub("", name)
    return words if words and not _STAGE_RE.sub("", words) else None


def _budgeted(name: str) -> bool:
    """Whether a figure's name says it is a budget (预算为, 年初预算), a fund's name (一般公共预算) aside."""
    return "预算" in FUND_NAMES.sub("", name)


def _adjacent_swap(a: str, b: str) -> bool:
    """The two digit strings are one another with two neighbouring digits swapped (3260 / 3620 is not; 3260 / 3206,
    3620 / 3260 are)."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _two_words(a: str, b: str) -> bool:
    """The subjects share two words of two characters, apart from each other, in any order (培训城乡妇女 / 妇女技能培训):
    for a figure swapped in two neighbouring digits, enough to say both speak of one thing."""
    at = [i for i in range(len(a) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", a[i:i + 2]) and a[i:i + 2] in b]
    return any(j - i >= 2 and a[i:i + 2] != a[j:j + 2] for i in at for j in at)


def _text_mentions(k: int, text: str, qs: list[Quantity]) -> list[Mention]:
    out = []
    for q in qs:
        if q.approx or q.role not in ("level", "rate") or q.unit == "%" or q.chinese:
            continue
        d = _digits(q.text[:len(q.text) - len(q.unit)].rstrip("余多 "))
        if d is None:
            continue
        after = _AFTER.match(text, q.end).group(0) if q.kind == "count" else ""
        # the clause before it, brackets included (社会保障和就业支出（类）142.72万元)
        name = _CLAUSE.split(text[max(0, q.start - 40):q.start])[-1].strip()
        # (in a list joined by 、 the name starts after the figure before it: 其中A 105.63万元、B 38.55万元 names B)
        name = _LISTED_BEFORE.split(name)[-1].strip() or name
        if q.named_after and q.label:
            name = q.label  # 354.70万元为项目支出 / 354.07万元的项目支出中: named by the words after it
        words = name + ("|" + after if q.kind == "count" else "")
        out.append(Mention(d[0], d[1], q.unit, words, q.text, f"第{k + 1}段", k, q.start, name=name))
    return out


def _table_mentions(t: Table) -> list[Mention]:
    out = []
    for r, row in enumerate(t.rows):
        cells = [c.strip() for c in row]
        for c, cell in enumerate(cells):
            if not cell or c == 0 or cell.endswith(("%", "％")):
                continue
            # the figure's name: the nearest cell to its left holding words and no digit
            label = next((x for x in reversed(cells[:c]) if x and not re.search(r"\d", x)), "")
            qs = extract(cell)
            unit = ""
            if len(qs) == 1 and qs[0].text == cell and qs[0].unit != "%":
                value, unit = qs[0].text[:len(qs[0].text) - len(qs[0].unit)], qs[0].unit
            else:
                value = cell
            d = _digits(value)
            if d is None:
                continue
            out.append(Mention(d[0], d[1], unit, label, cell, f"表{t.index} 第{r + 1}行“{label}”", cell=(t.index, r, c)))
    return out


def check_repeats(doc: Document, quantities: list[list[Quantity]], cells: dict | None = None
                  ) -> list[tuple[int, object]]:
    """[(paragraph index, issue)] for figures written twice with their digits in another order. ``cells``, when
    given, receives for each issue against a table cell ``id(issue) -> (table number, row, column)``."""
    from .prose import _issue, sentences

    paragraphs = doc.paragraphs
    text_mentions: list[Mention] = []
    years: dict[tuple[int, int], str] = {}  # (paragraph, offset) -> the year its sentence opens with (2023年收入合计…)
    for k, (p, qs) in enumerate(zip(paragraphs, quantities)):
        spans = sentences(p.text)
        for m in _text_mentions(k, p.text, qs):
            m.sentence = (k, spans.index(m.offset))
            opening = _YEAR_OPENING.match(p.text, spans.bounds(m.offset)[0])
            if opening:
                years[(k, m.offset)] = opening.group(1)
            text_mentions.append(m)
    table_mentions = [m for t in doc.tables for m in _table_mentions(t)]
    figures = {(k, q.start): q for k, qs in enumerate(quantities) for q in qs}
    index: dict[tuple[str, int], list[Mention]] = {}
    for m in text_mentions + table_mentions:
        index.setdefault(("".join(sorted(m.digits)), m.places), []).append(m)
    out = []
    reported: set[tuple[int, int]] = set()
    for group in index.values():
        if len(group) < 2 or len(group) > 50:
            continue  # a digit pattern everywhere (a code, a year) says nothing
        values = {m.digits for m in group}
        if len(values) < 2:
            continue
        in_tables = {m.digits for m in group if m.cell is not None}

        def slip(m: Mention, other: Mention) -> bool:
            """``m``'s own sum (its 其中 list) gives ``other``'s figure: ``m`` is the mistyped one."""
            q = figures.get((m.para, m.offset))
            if q is None or not q.disputed:
                return False
            return re.sub(r"\D", "", f"{q.disputed:.{m.places}f}").lstrip("0") == other.digits.lstrip("0")

        def backed(m: Mention) -> bool:
            """The figure is borne out: a table has it, or (no table having either figure) the text writes it again
            under a name in common."""
            if in_tables:
                return m.digits in in_tables
            return any(x is not m and x.digits == m.digits and _common(x.subject, m.subject) for x in group)
        for a in group:
            if a.para is None or (a.para, a.offset) in reported:
                continue
            for b in group:
                if b is a or b.digits == a.digits or (b.para is not None and (b.para, b.offset) in reported):
                    continue
                if b.para is not None and b.sentence == a.sentence:
                    continue
                if b.para is not None and None not in (years.get((a.para, a.offset)), years.get((b.para, b.offset))) \
                        and years[(a.para, a.offset)] != years[(b.para, b.offset)]:
                    continue  # 2023年…其他收入12.35万元 / 2022年…其他收入13.25万元: two years' figures
                if a.unit and b.unit and a.unit != b.unit:
                    continue
                if any(x.digits == a.digits and _common(x.subject, a.subject) for x in group if x is not a):
                    break  # this figure is written again elsewhere under its name: it is not the mistyped one
                if not any(_common(x, y) or (_adjacent_swap(a.digits, b.digits) and _two_words(x, y))
                           for x in a.subject.split("|") for y in b.subject.split("|")) \
                        and not (b.para is not None and _adjacent_swap(a.digits, b.digits)
                                 and _stage_alone(a.name) is not None and _stage_alone(a.name) == _stage_alone(b.name)):
                    continue
                if b.para is not None and _budgeted(a.name) != _budgeted(b.name):
                    continue  # “三公”经费预算为A, 支出决算为B: a budget and what was spent, not one figure twice
                if b.para is not None and ((backed(a) and not backed(b)) or slip(b, a)):
                    break  # two paragraphs, a table (or a third mention, or the other's own sum) bearing this one out
                if b.para is not None and b.para > a.para and not ((backed(b) and not backed(a)) or slip(a, b)):
                    continue  # a pair in the text is reported once, at the later mention (or at the one not borne out)
                if b.cell is not None and _rate_agrees(doc, quantities, a, b):
                    continue  # the text's figure and its rate agree with the row's other figure: the cell is the odd one
                reported.add((a.para, a.offset))
                out.append((a.para, _issue(TXT014, Verdict.WRONG,
                                           f"正文写{a.name} {a.shown}，{b.where}写 {b.shown}：同一数字前后不一致（疑为数字颠倒）",
                                           b.shown, a.shown, a.offset)))
                if b.cell is not None and cells is not None:
                    cells[id(out[-1][1])] = b.cell
                break
    out += _near_misses(text_mentions, table_mentions, reported, _issue, cells, doc, quantities)
    out += _coded(doc, text_mentions, reported, _issue, cells)
    return out


def _rate_agrees(doc: Document, quantities: list[list[Quantity]], a: "Mention", b: "Mention") -> bool:
    """Whether a rate of ``a``'s sentence (完成全年预算的97.25%) is ``a``'s figure over another figure of the table row
    of ``b`` (its 全年预算) and not ``b``'s: the text is borne out by its own rate, and the table cell is the one
    mistyped (reported there by the table's own checks, not at the text)."""
    table = next((t for t in doc.tables if t.index == b.cell[0]), None)
    if table is None or a.para is None:
        return False
    own = next((q for q in quantities[a.para] if q.start == a.offset), None)
    return own is not None and rate_agrees(doc, quantities[a.para], a.para, own, table, b.cell[1], b.cell[2])


def rate_agrees(doc: Document, qs: list[Quantity], para: int, own: Quantity, table: Table, row: int, col: int) -> bool:
    """Whether a rate after ``own`` in its sentence is ``own`` over another figure of table row ``row`` and not
    the figure of cell (``row``, ``col``) over it: the text is borne out, the cell is the odd one."""
    from .arith import Kind, ratio_verdict
    from .prose import sentences
    from .tables import cell_number

    cell = cell_number(table.rows[row][col])
    if cell is None or own.kind != "money":
        return False
    bounds = sentences(doc.paragraphs[para].text).bounds(own.start)
    rates = [q for q in qs if q.unit == "%" and bounds[0] <= q.start < bounds[1] and q.start > own.start]
    others = [cell_number(x) for i, x in enumerate(table.rows[row]) if i != col]
    for r in rates:
        for x in others:
            if x and ratio_verdict(own.value, x, r.value, Kind.MONEY, Kind.MONEY)[0] == "ok" \
                    and ratio_verdict(cell, x, r.value, Kind.MONEY, Kind.MONEY)[0] != "ok":
                return True
    return False


#: a function code in brackets right before a figure: “行政运行”（2140101）4767.97万元
_CODE_BEFORE = re.compile(r"[（(](\d{3}|\d{5}|\d{7})[）)]\s*$")


def _coded(doc: Document, text_mentions: list[Mention], reported: set, issue, cells: dict | None) -> list:
    """A figure the narrative gives under a function code (（2140101）4771.57万元) against the one amount of the table
    row of that code: an exact label, so any difference is an error. Judged only when the code heads exactly one
    row of the document's tables and that row holds exactly one amount."""
    rows: dict[str, list[tuple[Table, int, int, str]]] = {}
    for t in doc.tables:
        for r, row in enumerate(t.rows):
            cells_ = [c.strip() for c in row]
            if not cells_ or not re.fullmatch(r"\d{3}|\d{5}|\d{7}", cells_[0]):
                continue
            amounts = [(c, x) for c, x in enumerate(cells_[1:], 1) if re.fullmatch(r"-?[\d,]+\.\d{1,2}", x)]
            rows.setdefault(cells_[0], []).append((t, r, amounts[0][0], amounts[0][1]) if len(amounts) == 1 else None)
    out = []
    paragraphs = doc.paragraphs
    for a in text_mentions:
        if a.para is None or (a.para, a.offset) in reported or a.unit != "万元":
            continue
        m = _CODE_BEFORE.search(paragraphs[a.para].text, max(0, a.offset - 12), a.offset)
        found = rows.get(m.group(1), []) if m else []
        if len(found) != 1 or found[0] is None:
            continue
        t, r, c, shown = found[0]
        d = _digits(shown)
        if d is None or (d[0], d[1]) == (a.digits, a.places) or d[1] != a.places:
            continue
        reported.add((a.para, a.offset))
        out.append((a.para, issue(TXT014, Verdict.WRONG, f"正文写（{m.group(1)}）{a.shown}，{t.where()} 第{r + 1}行"
                                  f"（{m.group(1)}）写 {shown}：同一科目的数字前后不一致", shown, a.shown, a.offset)))
        if cells is not None:
            cells[id(out[-1][1])] = (t.index, r, c)
    return out


_OTHER_TIME = re.compile(r"上年|去年|上一年|同期|以前|以来|累计")
_NEAR_MIN_DIGITS = 5
_PLAN = re.compile(r"预算|调整|追加|计划|目标|批复|下达")
#: the words of a column of what was spent (预算执行数 is spent, not planned)
_SPENT = re.compile(r"决算|执行|实际|支出数|完成")


def _near(a: str, b: str) -> bool:
    """Same length, differing in one digit or in two adjacent ones (7,750.68 and 7,660.68)."""
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(a) == len(b) and 1 <= len(diff) <= 2 and diff[-1] - diff[0] <= 1


_FUND = re.compile(r"财政拨款")


def fund_tables(doc: Document) -> dict[int, bool]:
    """table index -> whether its title (the paragraph just before it) names a fund's scope (一般公共预算财政拨款支出
    决算表): its figures are of the 财政拨款 alone, not of the department's whole spending."""
    out, before, earlier = {}, "", ""
    for b in doc.blocks:
        if isinstance(b, Table):
            # (the title on the line before a line of its own saying the unit: 表5 …决算表 / 单位：万元)
            title = earlier if re.fullmatch(r"\s*[（(]?单位[：:]\s*(?:亿元|万元|元)[）)]?\s*", before) else before
            out[b.index] = bool(_FUND.search(title))
        else:
            before, earlier = b.text, before
    return out


#: the department's whole income or spending named as such (本年支出合计, 支出合计, 本年收入): all its funds
_WHOLE_SCOPE = re.compile(r"本年(?:支出|收入)|(?:支出|收入)(?:合计|总计)|总支出|总收入")


def fund_scope(text: str, start: int) -> bool | None:
    """The scope the figure's sentence (and the one before, for a 其中 list opening its own) names: True for the
    财政拨款 alone, False for the department's whole income or spending, None when it names neither (a section's
    heading may say it: then it is not judged here)."""
    bounds = sentences(text)
    s0 = bounds.bounds(start)[0]
    if s0 and re.match(r"\s*其中", text[s0:start]):
        s0 = bounds.bounds(s0 - 1)[0]
    before = text[s0:start]
    if _FUND.search(before):
        return True
    return False if _WHOLE_SCOPE.search(before) else None


def _planned_cell(m: Mention, tables: dict) -> bool:
    """Whether a table mention is in a column of another stage or time (预算数, 上年数, 目标值): the text's actual
    figure is not that cell mistyped."""
    if m.cell is None or m.cell[0] not in tables:
        return False
    from .slips import _head
    head = _head(tables[m.cell[0]], m.cell[2])
    return bool(head) and bool(_OTHER_TIME.search(head) or (_PLAN.search(head) and not _SPENT.search(head)))


def _near_misses(text_mentions: list[Mention], table_mentions: list[Mention], reported: set, issue,
                 cells: dict | None = None, doc: Document | None = None,
                 quantities: list[list[Quantity]] | None = None) -> list:
    """A figure in the narrative and a table row of exactly the same name (基本支出 and 基本支出合计) that differ in
    one digit or two adjacent ones, the narrative's figure written nowhere else under that name: one figure mistyped.
    Indexed by (name, places, length), so linear in the report."""
    rows: dict[tuple[str, int, int], list[Mention]] = {}
    same = Counter((m.subject, m.digits) for m in text_mentions + table_mentions if "|" not in m.words)
    for m in table_mentions:
        if len(m.subject) >= _MIN_COMMON and len(m.digits) >= _NEAR_MIN_DIGITS:
            rows.setdefault((m.subject, m.places, len(m.digits)), []).append(m)
    paragraphs = doc.paragraphs if doc is not None else []
    titles = fund_tables(doc) if doc is not None else {}
    tables = {t.index: t for t in doc.tables} if doc is not None else {}
    sentence_digits: dict = {}
    for m in text_mentions:
        sentence_digits.setdefault(m.sentence, set()).add(m.digits)
    out = []
    for a in text_mentions:
        if a.para is None or (a.para, a.offset) in reported or "|" in a.words or _OTHER_TIME.search(a.name) \
                or _STAGE_RE.search(a.name) or _PLAN.search(a.name):
            continue  # a stage (年初预算, 调整) names a column the table's row may not show
        cands = [b for b in rows.get((a.subject, a.places, len(a.digits)), []) if not _planned_cell(b, tables)]
        if not cands or len(cands) > 8 or same[(a.subject, a.digits)] > 1:
            continue  # written again under its name: not the mistyped one
        near = [b for b in cands if _near(a.digits, b.digits) and not (a.unit and b.unit and a.unit != b.unit)]
        if len({b.digits for b in near}) != 1 or near[0].digits in sentence_digits.get(a.sentence, ()):
            continue  # the table's figure is written in the same sentence: a is another stage or scope of it
        b = near[0]
        if doc is not None and b.cell is not None:
            scope = fund_scope(paragraphs[a.para].text, a.offset)
            if scope is not None and scope != titles.get(b.cell[0], False):
                continue  # 一般公共预算财政拨款 in the text, the 收支总表 in the table (or the other way): two scopes
        if doc is not None and b.cell is not None and _rate_agrees(doc, quantities, a, b):
            continue  # the text's figure and its rate agree with the row's other figure: the cell is the odd one
        reported.add((a.para, a.offset))
        out.append((a.para, issue(TXT014, Verdict.WRONG, f"正文写{a.name} {a.shown}，{b.where}写 {b.shown}："
                                  f"同一项目的数字前后不一致", b.shown, a.shown, a.offset)))
        if b.cell is not None and cells is not None:
            cells[id(out[-1][1])] = b.cell
    return out
