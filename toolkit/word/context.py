"""The Jinja context of a report: formatted figures, generated sentences, rich blocks and heading numbers.

Everything a template prints is prepared here, in Python, so templates stay simple and user templates can reuse
it (docs/templates.md lists every variable). Rules:

* Figures are printed with the precision they were written with (:func:`toolkit.numbers.fmt_written`:
  ``350.867`` stays ``350.867``, ``44`` stays ``44``); a derived sum keeps the precision of its inputs, a derived
  ratio (占比, 执行率, 增长率) has two decimals. A zero item of a list is left out ("0.00万元" clutter).
* Every ``note`` of a figure is printed after its figure; a declared 比上年增减 (``change`` / ``change_rate``) is
  printed with it.
* A declared value is printed as declared, even when it disagrees with its parts (the checker flags that); a
  value left out is derived (:mod:`toolkit.derive`) — a total from its parts, a share from part / total, an
  execution rate from 执行数 / 全年预算数, the total score and the grade. Nothing derivable is left blank.
* Heading numbers are generated at render time by :class:`Numbering` (``{{ num(1) }}`` -> 一、), so an omitted
  section closes up the numbering.
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Any, Callable, Iterable

from markupsafe import Markup

from .. import derive
from ..domain import budget, staffing
from ..model import Figure, Fund, Report
from ..numbers import chinese_number, fmt_money, fmt_number, fmt_percent, fmt_rate, fmt_written, quantize, ratio_percent
from . import ooxml as X
from .charts import Charts
from .markdown import MarkdownConverter, number_prefix
from .sichuan import sichuan_text



def heading_number(level: int, n: int) -> str:
    """GB/T 9704 heading numbers: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


class Numbering:
    """``num(level)`` returns the next heading number at that level and restarts the levels below it."""

    def __init__(self) -> None:
        self.counts = [0, 0, 0, 0]

    def __call__(self, level: int) -> str:
        level = int(level)
        if not 1 <= level <= 4:
            raise ValueError(f"标题级别应为 1–4，收到 {level}")
        self.counts[level - 1] += 1
        for deeper in range(level, 4):
            self.counts[deeper] = 0
        return heading_number(level, self.counts[level - 1])


# ----------------------------------------------------------------------------------------------------------------
# Figures: declared or derived
# ----------------------------------------------------------------------------------------------------------------


amount = budget.amount  # a figure's amount as declared, else the sum of its parts' amounts


def share(part: Figure | None, part_amount: Decimal | None, total: Decimal | None) -> Decimal | None:
    """占比 as declared, else part / total."""
    if part is not None and part.share is not None:
        return part.share
    if part_amount is None or total is None:
        return None
    return _ratio(part_amount, total)


def _ratio(part: Decimal, whole: Decimal | None) -> Decimal | None:
    """A derived ratio in percent, rounded half up to two decimals (None when the whole is zero or unknown)."""
    r = ratio_percent(part, whole) if whole else None
    return quantize(r, 2) if r is not None else None


def wan(value: Decimal | None) -> str:
    return f"{fmt_written(value)}万元"


def _note(md: Any, note: str | None) -> str:
    """A note as plain text to follow a figure in its sentence (Markdown marks off; no final full stop)."""
    if not note or not note.strip():
        return ""
    text = "".join(s.text for s in md.inline(note)) if md is not None else note.strip()
    return text.strip().rstrip("。；;，,")


class Figures:
    """The budget's main amounts, each declared or derived, computed once per report."""

    def __init__(self, report: Report) -> None:
        b = report.budget
        ex = b.expenditure
        basic = ex.basic if ex else None
        project = ex.project if ex else None
        self.personnel = basic.personnel.amount if basic and basic.personnel else None
        self.public = basic.public.amount if basic and basic.public else None
        self.basic = budget.derived_amount(basic, "basic")
        self.project = amount(project, project.items) if project else None
        self.expenditure = budget.derived_amount(ex, "expenditure")
        self.income = amount(b.income, b.income.items) if b.income else None
        tp = b.three_public
        self.vehicle = budget.derived_amount(tp.vehicle if tp else None, "vehicle")
        self.three_public = budget.derived_amount(tp, "three_public")
        self.procurement = budget.derived_amount(b.procurement, "procurement")
        self.total_score = derive.total_score(report)
        self.computed_score = derive.computed_total_score(report)
        self.total_weight = (report.indicators.total_weight if report.indicators.total_weight is not None
                             else derive.computed_total_weight(report))
        self.grade = derive.grade(report)
        init, full, actual = derive.execution_figures(report)
        self.exec_initial, self.exec_full, self.exec_actual = init, full, actual
        exi = report.indicators.execution
        if exi is not None and exi.rate is not None:
            self.exec_rate = exi.rate
        else:
            self.exec_rate = ratio_percent(actual, full) if actual is not None and full else None
        self.exec_score = derive.execution_score(report)


# ----------------------------------------------------------------------------------------------------------------
# Sentences
# ----------------------------------------------------------------------------------------------------------------


def _join(parts: Iterable[str], sep: str = "，") -> str:
    return sep.join(p for p in parts if p)


def _stages(f: Figure, actual: Decimal | None, what: str = "本年实际支出") -> str:
    """年初预算…万元，年中调整追加…万元，全年预算…万元，本年实际支出…万元，执行率…%."""
    full = derive.full_budget(f)
    parts = []
    if f.initial_budget is not None:
        parts.append(f"年初预算{wan(f.initial_budget)}")
    if f.adjustment:  # an adjustment of 0 is no adjustment ("年中调整追加0万元" clutter)
        verb = "年中调整追加" if f.adjustment >= 0 else "年中调减"
        parts.append(f"{verb}{wan(abs(f.adjustment))}")
    if full is not None and (f.full_budget is not None or f.adjustment is not None):
        parts.append(f"全年预算{wan(full)}")
    if actual is not None:
        parts.append(f"{what}{wan(actual)}")
    rate = f.execution_rate if f.execution_rate is not None else (
        _ratio(actual, full) if actual is not None and full else None)
    if rate is not None and (full or f.execution_rate is not None):
        parts.append(f"执行率{fmt_rate(rate)}")
    return "，".join(parts)  # every part has its figure: none is empty


def _change(f: Figure | None, current: Decimal | None, with_previous: bool = False) -> str:
    """比上年增加/减少…万元，增长/下降…%, when the user declared a change (or its rate).

    A 上年 figure alone does not make the sentence: reports often carry a 上年决算数 in 附件1 without discussing it
    (``with_previous``: it does, for an outline without 附件1). A declared 上年 figure follows in brackets:
    "比上年增加58.50万元，增长3.25%（上年1801.50万元）" (a wording jixiao lint reads back).
    """
    if f is None or current is None:
        return ""
    if f.change is None and f.change_rate is None and not (with_previous and f.previous is not None):
        return ""
    change = f.change if f.change is not None else (current - f.previous if f.previous is not None else None)
    if change is None:
        return f"比上年{'增长' if f.change_rate >= 0 else '下降'}{fmt_rate(abs(f.change_rate))}"
    rate = f.change_rate if f.change_rate is not None else (_ratio(change, f.previous) if f.previous else None)
    last = f"（上年{wan(f.previous)}）" if f.previous is not None else ""
    if change == 0:
        return "与上年持平" + last
    text = f"比上年{'增加' if change > 0 else '减少'}{wan(abs(change))}"
    if rate is not None:
        text += f"，{'增长' if change > 0 else '下降'}{fmt_rate(abs(rate))}"
    return text + last


def _list(phrases: Iterable[str]) -> str:
    """Items joined by "，", or by "；" when an item has commas of its own."""
    items = [p for p in phrases if p]
    return ("；" if any("，" in p for p in items) else "，").join(items)


def _has_more(f: Figure) -> bool:
    """Whether a figure says more than its amount (a budget, a share, a change, a note, parts)."""
    return (_has_budget(f) or any(v is not None for v in (f.share, f.execution_rate, f.change, f.change_rate))
            or bool(f.note) or bool(getattr(f, "items", None)))


def _phrase(label: str, f: Figure | None, md: Any = None, amount: Decimal | None = None, inner: str = "",
            what: str = "实际", details: list[str] | None = None) -> str:
    """"标签X万元" with everything the data says of it: 预算 and 执行率, 占比, 比上年, its 其中 parts, its note.

    Empty for a figure with nothing to print, and for a zero item that says nothing more (no "0.00万元" lists).
    With ``details`` (an item of a 其中 list) the item keeps to its amount, share, a plain change and its note,
    and its budget stages and a change naming the 上年 figure go to ``details``, sentences printed after the
    list: inside it they would read (to a person and to jixiao lint) as more parts of the total.
    """
    value = amount if amount is not None else (f.amount if f is not None else None)
    if f is None:
        return f"{label}{wan(value)}" if value else ""
    if value is None and not _has_budget(f):
        return ""
    nothing = not value and not inner and all(not v for v in (f.initial_budget, f.adjustment, f.full_budget))
    if nothing and not (f.change or f.change_rate or f.note):
        return ""
    listed = details is not None
    if nothing:  # nothing this year, but a change or a note to tell: "公务用车购置费无支出，比上年减少22.00万元"
        said = _join([f"{label}无支出", _change(f, value), _note(md, f.note)])
        if listed:
            details.append(said)
            return ""
        return said
    if listed and (_has_budget(f) or (f.previous is not None and (f.change is not None or f.change_rate is not None))):
        details.append(_join([f"{label}{_stages(f, value, what=what)}" if _has_budget(f) else "",
                              _change(f, value) if f.previous is not None else ""]))
    if value is None and listed:
        return ""
    head = f"{label}{_stages(f, value, what=what)}" if _has_budget(f) and not listed else f"{label}{wan(value)}"
    if f.share is not None:  # before the parts: after them it would read as the last part's share
        head += f"，占{fmt_rate(f.share)}"
    if inner := inner or _list(_phrase(i.label, i, md, details=details) for i in getattr(f, "items", None) or []):
        head += f"（其中{inner}）"
    bits = [head]
    if f.execution_rate is not None and not _has_budget(f):
        bits.append(f"执行率{fmt_rate(f.execution_rate)}")
    if not (listed and f.previous is not None):
        bits.append(_change(f, value))
    bits.append(_note(md, f.note))
    return _join(bits)


def _then(details: list[str]) -> str:
    """The detail sentences of a list's items (see :func:`_phrase`)."""
    return "".join(f"{d}。" for d in details if d)


def _own_change(label: str, f: Figure | None, current: Decimal | None) -> tuple[str, str]:
    """(inline, after): a total's change, inline before its 其中 list, or — when it names the 上年 figure — as a
    sentence of its own after the list ("支出合计比上年增加…（上年…）。")."""
    change = _change(f, current)
    if change and f is not None and f.previous is not None:
        return "", f"{label}{change}。"
    return change, ""


def _sentence(text: str) -> str:
    return f"{text}。" if text else ""


def _with_note(sentence: str, md: Any, note: str | None) -> str:
    """A sentence and its figure's note: "…。note。"."""
    return sentence + _sentence(_note(md, note))


class Sentences:
    """Generated Chinese sentences from the figures; an empty string when the data has nothing to say."""

    def __init__(self, report: Report, fig: Figures, subject: str, md: Any = None) -> None:
        self.r, self.fig, self.subject, self.year, self.md = report, fig, subject, report.year, md

    def income(self) -> str:
        inc = self.r.budget.income
        if inc is None or self.fig.income is None:
            return self._budget_only(inc, "收入")
        label = inc.label if inc.label.endswith(("合计", "总计")) else "收入总计"
        label = label if label.startswith("全年") else "全年" + label
        details: list[str] = []
        parts = _list(_phrase(i.label, i, self.md, details=details) for i in inc.items)
        head = f"{self.subject}{self.year}年" + (f"{parts}，" if parts else "")
        text = head + f"{label}{wan(self.fig.income)}" + _suffix(_change(inc, self.fig.income)) + "。"
        return _with_note(text + _then(details), self.md, inc.note)

    def _budget_only(self, f: Figure | None, label: str) -> str:
        """A total with only its budget stages (as every Chongqing 预算及支出情况 states them): "2022年支出年初预算…"."""
        if f is None or not _has_budget(f):
            return ""
        return _with_note(f"{self.year}年{label}{_stages(f, None)}。", self.md, f.note)

    def spending_label(self) -> str:
        """"一般公共预算支出", or "支出合计" when the spending includes money of another budget (政府性基金 …)."""
        b = self.r.budget
        other = ("政府性基金", "国有资本经营", "社会保险基金")
        funds = any(getattr(b, k) is not None and getattr(b, k).amount for k in FUND_NAMES)

        def incomes(items) -> Iterable[Any]:
            for i in items:
                yield i
                yield from incomes(i.items)
        from_funds = b.income is not None and any(any(w in i.label for w in other) and i.amount
                                                  for i in incomes(b.income.items))
        return "支出合计" if funds or from_funds else "一般公共预算支出"

    def expenditure(self) -> str:
        ex = self.r.budget.expenditure
        if ex is None or self.fig.expenditure is None:
            return self._budget_only(ex, self.spending_label())
        total = self.fig.expenditure
        parts = []
        if self.fig.basic is not None:
            s = share(ex.basic, self.fig.basic, total)
            parts.append(f"基本支出{wan(self.fig.basic)}" + (f"，占{fmt_rate(s)}" if s is not None else ""))
        if self.fig.project is not None:
            s = share(ex.project, self.fig.project, total)
            parts.append(f"项目支出{wan(self.fig.project)}" + (f"，占{fmt_rate(s)}" if s is not None else ""))
        label = self.spending_label()
        inline, after = _own_change(label, ex, total)
        text = f"{self.year}年{label}{wan(total)}" + _suffix(inline)
        text += (f"，其中{'，'.join(parts)}" if parts else "") + "。" + after
        if ex.initial_budget is not None or ex.adjustment or (ex.full_budget is not None and ex.full_budget != total):
            text += f"{label}{_stages(ex, total, what='实际支出')}。"  # a 全年预算 equal to the spending adds nothing
        return _with_note(text, self.md, ex.note)

    def basic(self) -> str:
        ex = self.r.budget.expenditure
        basic = ex.basic if ex else None
        if basic is None:
            return ""
        details: list[str] = []
        parts = _list([_phrase("人员经费支出", basic.personnel, self.md, self.fig.personnel, details=details),
                       _phrase("公用经费", basic.public, self.md, self.fig.public, details=details)])
        inline, after = _own_change("基本支出", basic, self.fig.basic)
        if _has_budget(basic):
            sentence = f"{self.year}年基本支出{_stages(basic, self.fig.basic)}" + _suffix(inline) + "。"
            sentence += f"其中{parts}。" if parts else ""
        elif inline or after:
            sentence = f"{self.year}年基本支出{wan(self.fig.basic)}" + _suffix(inline) + (
                f"，其中：{parts}。" if parts else "。")
        else:  # the amount alone is already in the expenditure sentence
            sentence = f"{self.year}年基本支出中，{parts}。" if parts else ""
        return _with_note(sentence + after + _then(details), self.md, basic.note)

    def project(self) -> str:
        ex = self.r.budget.expenditure
        project = ex.project if ex else None
        if project is None:
            return ""
        change, after = _own_change("项目支出", project, self.fig.project)
        sentence = ""
        if _has_budget(project):
            sentence = f"{self.year}年项目支出{_stages(project, self.fig.project)}" + _suffix(change)
        elif change or after:
            sentence = f"{self.year}年项目支出{wan(self.fig.project)}" + _suffix(change)
        if project.operation is not None and (op := _phrase("其中运行维护经费", project.operation, self.md)):
            sentence = _join([sentence, op]) if sentence else f"{self.year}年项目支出{op}"
        note = _note(self.md, project.note)
        end = "：" if note and leads_list(note) else "。"
        if after:  # the change naming 上年 is a sentence of its own: the note (leading into the list) closes
            sentence = f"{sentence}。{after[:-1]}" if sentence else after[:-1]
        if note and sentence:
            return f"{sentence}，{note}{end}"
        if note:
            return note + end
        return f"{sentence}。" if sentence else ""

    def spending(self) -> str:
        """Chongqing wording (seed 000): "截至…共计支出X万元，其中：基本支出…，项目支出…[，结余资金…]"."""
        ex = self.r.budget.expenditure
        if ex is None or self.fig.expenditure is None:
            return self._budget_only(ex, "支出")
        parts = [f"{label}{wan(v)}" for label, v in (("基本支出", self.fig.basic), ("项目支出", self.fig.project))
                 if v is not None]
        closing = self._closing_inside_spending()
        if closing is not None:
            parts.append(f"结余资金{wan(closing)}")
        total = self.fig.expenditure
        head = f"截至{self.year}年12月31日，{self.subject}共计支出{wan(total)}"
        text = head + (f"，其中：{'，'.join(parts)}" if parts else "") + "。"
        if change := _change(ex, total):
            text += f"支出{change}。"
        if ex.initial_budget is not None or ex.adjustment or (ex.full_budget is not None and ex.full_budget != total):
            text += f"全年支出{_stages(ex, total, what='实际支出')}。"
        return _with_note(text, self.md, ex.note)

    def _closing_inside_spending(self) -> Decimal | None:
        """年末结余 when the data counts it inside 支出 (基本 + 项目 + 结余 = 支出, as seed 000 publishes it)."""
        co = self.r.budget.carryover
        closing = co.closing.amount if co and co.closing else None
        if closing is None or None in (self.fig.basic, self.fig.project, self.fig.expenditure):
            return None
        return closing if self.fig.basic + self.fig.project + closing == self.fig.expenditure else None

    def _items(self, items: Iterable[Any]) -> str:
        """A breakdown's items, then the detail sentences of those with budget stages or a 上年 figure."""
        details: list[str] = []
        listed = _list(_phrase(i.label, i, self.md, details=details) for i in items)
        return listed + ("。" + _then(details)[:-1] if details and listed else "")

    def by_function(self) -> str:
        ex = self.r.budget.expenditure
        items = self._items(ex.by_function) if ex else ""
        return f"按支出功能科目划分，各项支出金额为：{items}。" if items else ""

    def project_by_function(self) -> str:
        """项目支出 by function, then by economic class (``project.by_economic``), when the data classifies it."""
        ex = self.r.budget.expenditure
        project = ex.project if ex else None
        items = self._items(getattr(project, "by_function", None) or []) if project else ""
        economic = self._items(getattr(project, "by_economic", None) or []) if project else ""
        return ((f"按支出功能科目划分，各项支出金额为：{items}。" if items else "")
                + (f"项目支出按支出经济分类划分：{economic}。" if economic else ""))

    def by_economic(self) -> str:
        ex = self.r.budget.expenditure
        items = self._items(ex.by_economic) if ex else ""
        return f"按支出经济分类划分，各项支出金额为：{items}。" if items else ""

    def three_public(self) -> str:
        tp = self.r.budget.three_public
        if tp is None or self.fig.three_public is None:
            return self._budget_only(tp, "“三公”经费")
        veh = tp.vehicle
        details: list[str] = []
        inner = _list([_phrase("公务用车购置费", veh.purchase, self.md, details=details),
                       _phrase("公务用车运行维护费", veh.operation, self.md, details=details)]) if veh else ""
        parts = _list([_phrase("因公出国（境）费", tp.overseas, self.md, details=details),
                       _phrase("公务用车购置及运行维护费", veh, self.md, self.fig.vehicle, inner=inner, details=details),
                       _phrase("公务接待费", tp.reception, self.md, details=details)])
        total = self.fig.three_public
        head = (f"{self.year}年“三公”经费{_stages(tp, total, what='实际支出')}" if _has_budget(tp)
                else f"{self.year}年“三公”经费支出{wan(total)}")
        inline, after = _own_change("“三公”经费", tp, total)
        text = head + _suffix(inline) + (f"，其中{parts}" if parts else "") + "。" + after + _then(details)
        return _with_note(text, self.md, tp.note)

    def procurement(self) -> str:
        pr = self.r.budget.procurement
        if pr is None or self.fig.procurement is None:
            return self._budget_only(pr, "政府采购")
        details: list[str] = []
        parts = _list(_phrase(label, f, self.md, details=details) for label, f in (
            ("货物", pr.goods), ("工程", pr.works), ("服务", pr.services)))
        total = self.fig.procurement
        head = (f"{self.year}年政府采购{_stages(pr, total, what='实际采购')}" if _has_budget(pr)
                else f"{self.year}年政府采购金额{wan(total)}")
        if pr.execution_rate is not None and not _has_budget(pr):
            head += f"，执行率{fmt_rate(pr.execution_rate)}"
        inline, after = _own_change("政府采购", pr, total)
        text = head + _suffix(inline) + (f"，其中{parts}" if parts else "") + "。" + after + _then(details)
        if sources := self._items(pr.by_source):
            text += f"按资金来源分：{sources}。"
        return _with_note(text, self.md, pr.note)

    def carryover(self, inside_spending: bool = False) -> str:
        """年初/年末结转和结余; with ``inside_spending`` a 结余 already printed by :meth:`spending` is left out."""
        co = self.r.budget.carryover
        if co is None:
            return ""
        parts = []
        if co.opening and co.opening.amount is not None:
            parts.append(f"年初结转和结余{wan(co.opening.amount)}")
        if co.closing and co.closing.amount is not None and not (inside_spending and self._closing_inside_spending()
                                                                  is not None):
            parts.append(f"年末结转和结余{wan(co.closing.amount)}")
        return f"{self.year}年{'，'.join(parts)}。" if parts else ""

    def fund(self, fund: Fund | None, name: str) -> str:
        """One sentence for a non-general budget; "2022年本单位无政府性基金预算支出。" when there is none."""
        none = f"{self.year}年本单位无{name}支出。"
        if fund is None:
            return "" if self._income_from(name) else none
        stages = _stages(fund, fund.amount, what="实际支出")
        if not stages:
            return "" if fund.text else none
        if fund.amount == 0 and fund.initial_budget in (None, 0) and fund.full_budget in (None, 0):
            return none
        return f"{self.year}年{name}支出{stages}。"

    def _income_from(self, name: str) -> bool:
        """Whether an income line of this budget (e.g. 政府性基金预算财政拨款收入) has money: then "无…支出" would be false."""
        inc = self.r.budget.income
        key = name.removesuffix("预算")
        return bool(inc) and any(key in i.label and i.amount for i in inc.items)

    def staffing(self) -> str:
        st = self.r.unit.staffing
        if st is None:
            return ""
        parts = []
        auth = st.authorized
        if auth is not None:
            kinds = _kinds(auth, "编制", "个")
            total = staffing.headcount_total(auth)
            if total is not None:
                parts.append(f"核定编制{total}个" + (f"（{kinds}）" if kinds else ""))
        act = st.actual
        actual_total = None
        if act is not None:
            actual_total = staffing.headcount_total(act)
            kinds = _kinds(act, "人员", "人")
            if actual_total is not None:
                parts.append(f"实有在职人员{actual_total}人" + (f"（{kinds}）" if kinds else ""))
        if st.retired is not None:
            parts.append(f"退休人员{st.retired}人")
        total = staffing.people_total(st)
        if total is not None and st.retired is not None:
            parts.append(f"共计{total}人")
        # the declared rate in a sentence of its own: after "工勤编制5人" a reader (and lint) would divide by that
        rate = f"在职人员控制率{fmt_rate(st.control_rate)}。" if st.control_rate is not None else ""
        return (f"{self.subject}{'，'.join(parts)}。" if parts else "") + rate

    def departments(self) -> str:
        u = self.r.unit
        count = u.departments_count if u.departments_count is not None else (len(u.departments) or None)
        if count is None:
            return ""
        names = "、".join(u.departments)
        return f"{self.subject}内设机构{count}个" + (f"：{names}" if names else "") + "。"

    def score_stated(self, *fields: str) -> bool:
        """Whether the narrative (these fields of it) already states the total score (as "自评分98分", "得分为：
        85分"): then the generated score sentence would repeat it (or contradict it, which NAR001 reports)."""
        from ..checks.narrative import paragraphs, read_paragraphs
        from ..claims.scores import read_claims

        nar = self.r.narrative
        for text in (getattr(nar, f) for f in fields or ("performance", "achievements", "conclusion")):
            if text and text.strip():
                texts = [p for p, _k in paragraphs(text)]
                _issues, quantities = read_paragraphs(tuple(texts))
                if read_claims(texts, quantities)[0]:
                    return True
        return False

    def score(self) -> str:
        if self.fig.total_score is None or self.score_stated():
            return ""
        grade = f"，等级为“{self.fig.grade}”" if self.fig.grade else ""
        return f"{self.year}年部门整体支出绩效自评得分{fmt_written(self.fig.total_score)}分{grade}。"

    def conclusion(self) -> str:
        """The 评价结论 sentence; left out when narrative.conclusion, printed after it, states the score itself."""
        if self.fig.total_score is None or self.score_stated("conclusion"):
            return ""
        grade = f"，等级为{self.fig.grade}" if self.fig.grade else ""
        full = self.r.indicators.total_weight if self.r.indicators.total_weight is not None else Decimal(100)
        return (f"绩效自评满分{fmt_number(full)}分，"
                f"得分{fmt_written(self.fig.total_score)}分{grade}。")

    def group(self) -> str:
        ev = self.r.evaluation
        if not ev.group and ev.group_established is None:
            return ""
        when = f"{ev.group_established.year}年{ev.group_established.month}月{ev.group_established.day}日，" \
            if ev.group_established else ""
        return f"{when}成立部门整体支出绩效评价工作组，负责绩效自评工作" + ("，工作组成员及职责如下：" if ev.group else "。")


def _unambiguous(prefix: str, lines: list[str] | bool) -> str:
    """"1." before a line starting with a digit reads as a decimal ("1.2021年…"): the list then takes the full-width
    "1．" of GB/T 9704 headings. ``lines`` may be :func:`_digit_led` of the lines, worked out once for a list."""
    if prefix.endswith(".") and (lines if isinstance(lines, bool) else _digit_led(lines)):
        return prefix[:-1] + "．"
    return prefix


def numbered_lines(lines: list[str], digits: bool) -> str:
    """Lines numbered 1. 2. … (1． 2． … when ``digits``: see :func:`_unambiguous`) in the list style: what
    ``X.paragraph(_unambiguous(number_prefix(n, 0), digits) + line, X.LIST)`` writes for each, in one f-string
    a line (a thousand projects' lines a report)."""
    head, tail = _LIST_LINE
    point = "．" if digits else "."
    return "".join([f"{head}{n}{point}{X.esc(line)}{tail}" for n, line in enumerate(lines, 1)])


#: a list paragraph before and after its one run's text
_LIST_LINE = tuple(X.paragraph("\ue000", X.LIST).split("\ue000"))


def _digit_led(lines: list[str]) -> bool:
    """Whether a line of the list starts with a digit (then its "1." prefixes become "1．")."""
    return any(str(line)[:1].isdigit() for line in lines)


def _and_list(words: list[str]) -> str:
    """["原则"] -> 原则; ["原则", "依据", "方法"] -> 原则、依据和方法."""
    return words[0] if len(words) == 1 else "、".join(words[:-1]) + "和" + words[-1]


def leads_list(note: str) -> bool:
    """Whether a note introduces the list that follows it ("主要是增加了以下项目支出", "…如下")."""
    return note.rstrip().endswith(("如下", "以下项目支出", "：", ":")) or "以下" in note[-12:]


def _has_budget(f: Figure) -> bool:
    return f.initial_budget is not None or f.adjustment is not None or f.full_budget is not None


def _suffix(text: str) -> str:
    return f"，{text}" if text else ""


def _kinds(h, word: str, unit: str) -> str:
    """"行政编制11个，事业编制5个…", then the kinds with their own labels and units ("非参公事业人员5人")."""
    pairs = (("行政", h.administrative), ("事业", h.institutional), ("工勤", h.worker), ("其他", h.other))
    return "，".join([f"{k}{word}{v}{unit}" for k, v in pairs if v is not None]
                    + [f"{k.label}{k.count}{k.unit or unit}" for k in h.kinds])


def _date(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


# ----------------------------------------------------------------------------------------------------------------
# The context
# ----------------------------------------------------------------------------------------------------------------

FUND_NAMES = {"government_fund": "政府性基金预算", "state_capital": "国有资本经营预算",
              "social_insurance": "社会保险基金预算"}


class Context(dict):
    """The dict a template renders with. The entries only some outlines print (``lazy``: the Sichuan sentences,
    the per-indicator entries, Hunan's evaluation work and indicator notes …) are worked out when first read, so a
    report pays for what its outline prints. Reading by key, ``in`` and :meth:`get` see them; a copy
    (``dict(ctx)``, what Jinja makes of its context) holds only the entries already read, so a template that may
    print anything renders from :meth:`complete`."""

    def __init__(self, values: dict, lazy: dict[str, Callable[[], Any]]) -> None:
        super().__init__(values)
        self._lazy = lazy

    def __missing__(self, key: str) -> Any:
        make = self._lazy.pop(key, None)
        if make is None:
            raise KeyError(key)
        value = self[key] = make()
        return value

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self._lazy

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default

    def complete(self) -> "Context":
        """Every entry worked out (a template's own tags may print any of them), and the attachments' XML marked
        up for Jinja's autoescaping."""
        for key in list(self._lazy):
            self[key]  # noqa: B018 - computed and stored by __missing__
        for a in self.get("attachments") or []:
            a["table"], a["notes"] = Markup(a["table"]), Markup(a["notes"])
        return self

    def lazy(self, key: str, make: Callable[[], Any]) -> None:
        """An entry worked out when first read (unless it is already there)."""
        if not dict.__contains__(self, key):
            self._lazy[key] = make


def build_context(report: Report, md: MarkdownConverter, tables: Callable[[Report, Figures], list]) -> Context:
    """The dict a template renders with (see docs/templates.md)."""
    fig = Figures(report)
    unit = report.unit
    subject = unit.short_name or "本单位"
    say = Sentences(report, fig, subject, md)
    b, ev, nar = report.budget, report.evaluation, report.narrative

    def md_xml(text: Any, depth: int = 0) -> Markup:
        if text is None:
            return Markup("")
        return Markup(md.to_xml(str(text), depth=int(depth)))

    def para_xml(text: Any) -> Markup:
        if text is None or not str(text).strip():
            return Markup("")
        return Markup(X.paragraph(str(text), X.BODY))

    def numbered(items: Any, level: int = 3) -> Markup:
        """Items numbered at a heading level; a single item is not numbered ("1." before the only principle)."""
        items = [str(i) for i in (items or [])]
        if len(items) == 1:
            return Markup(md.to_xml(items[0]))
        led = _digit_led(items)
        prefix = (lambda n: _unambiguous(heading_number(int(level), n), led))
        return Markup(md.numbered_xml(items, prefix))

    text = {
        "preface": nar.preface if nar.preface is not None else (f"为进一步加强财政资金绩效管理，提高资金使用效益，{subject}对{report.year}年部门整体"
                                   "支出情况进行了绩效自评，现将有关情况报告如下："),
        "income": say.income(), "expenditure": say.expenditure(), "basic": say.basic(), "project": say.project(),
        "by_function": say.by_function(), "project_by_function": say.project_by_function(), "by_economic": say.by_economic(),
        "three_public": say.three_public(), "procurement": say.procurement(), "carryover": say.carryover(),
        "spending": say.spending(), "carryover_after_spending": say.carryover(inside_spending=True),
        "staffing": say.staffing(), "departments": say.departments(),
        "score": say.score(), "conclusion": say.conclusion(), "group": say.group(),
        "other": nar.other or "本单位无其他需要说明的情况。",
    }
    methods = [w for w, v in (("原则", ev.principles), ("依据", ev.basis), ("方法", ev.method)) if v]
    text["method_title"] = "绩效评价" + _and_list(methods) if methods else ""
    present = [name for key, name in (("three_public", "“三公”经费"), ("procurement", "政府采购"),
                                      ("carryover", "结转结余")) if text[key]]
    text["other_spending_title"] = _and_list(present) + "情况" if present else ""
    for key, name in FUND_NAMES.items():
        text[key] = say.fund(getattr(b, key), name)

    ex = b.expenditure
    project = ex.project if ex else None
    @functools.cache
    def project_lines() -> list[str]:
        """The named projects' lines, worked out when an outline first prints them (hunan's and sichuan's)."""
        lines = []
        for item in (project.items if project else []):
            if item.amount is None and derive.full_budget(item) is None:
                continue  # a project of last year only: it appears in 附件1, not in this year's text
            if item.amount == 0 and not _has_more(item):
                continue  # no "0.00万元" line
            stages = _stages(item, item.amount)
            facts = _join([stages, f"占{fmt_rate(item.share)}" if item.share is not None else "",
                           _change(item, item.amount), _note(md, item.note)])
            lines.append(f"{item.label}：{facts}。" if facts else f"{item.label}。")
        return lines

    def projects() -> Markup:
        lines = project_lines()
        if not lines:
            return Markup("")
        digits = _digit_led(lines)
        led = bool(project and project.note and leads_list(_note(md, project.note)))  # the note leads into the list
        intro = "" if led else X.paragraph("主要项目支出情况如下：", X.BODY)
        if len(lines) == 1:
            return Markup(intro + X.paragraph(lines[0], X.BODY))
        return Markup(intro + numbered_lines(lines, digits))

    members = "".join(X.paragraph(line, X.BODY) for line in _member_lines(ev.group))
    phase_lines = []
    for ph in ev.phases:
        when = ""
        if ph.start and ph.end:
            when = f"（{_date(ph.start)}至{_date(ph.end)}）"
        elif ph.start or ph.end:
            when = f"（{_date(ph.start or ph.end)}）"
        desc = "".join(s.text for s in md.inline(ph.description)) if ph.description else ""
        if when and any(_date(d) in desc for d in (ph.start, ph.end) if d):
            when = ""  # the description already gives the dates
        phase_lines.append(f"{ph.name}{when}" + (f"：{desc}" if desc else "。"))

    def listed(lines: list[str], depth: int | None) -> Markup:
        """Paragraphs numbered 1. (depth 0) or （1） (depth 1), or plain (None); a single one is not numbered."""
        digits = _digit_led(lines)
        return Markup("".join(X.paragraph(line, X.BODY) if depth is None or len(lines) == 1 else
                              X.paragraph(f"{_unambiguous(number_prefix(n, depth), digits)}{line}", X.LIST)
                              for n, line in enumerate(lines, 1)))

    def lead(label: str, text: str | None) -> str:
        """A Markdown text introduced by its label ("评价依据：…"), unless it starts with a list of its own."""
        if not text or not text.strip():
            return ""
        first = text.strip().splitlines()[0]
        if re.match(r"\s*([-*+]|\d+[.、])\s", first):
            return X.paragraph(f"{label}：", X.BODY) + md.to_xml(text)
        return md.to_xml(f"{label}：{text.strip()}")

    def evaluation_work() -> Markup:
        """绩效自评工作开展情况, for an outline without a section of its own for it (Hunan): what the data says of
        the evaluation's purpose, principles, basis, method, working group and phases, in that order."""
        return Markup(_evaluation_work(ev, md, text["group"], phase_lines, lead))

    def indicator_notes() -> Markup:
        """Each indicator's own text, for an outline without a section per indicator (Hunan)."""
        return Markup(_indicator_notes(report, md))

    def scored_indicators() -> list[dict]:
        """One entry per scored indicator, for an outline with a section per indicator (Chongqing)."""
        return _scored(report, fig)

    attachments = []
    for kind, title, table_xml, notes_xml in tables(report, fig):
        # the XML as plain strings: the walk joins them into the body as they are (a Markup is a copy, megabytes
        # for 2,000 indicators); Context.complete, which a template printing any entry renders from, marks them up
        attachments.append({"number": len(attachments) + 1, "label": "", "kind": kind, "title": title,
                            "table": table_xml, "notes": notes_xml})
    attachment_list = ""
    if attachments:
        # GB/T 9704 7.3.5 and 7.4: a single attachment is "附件：名称" and "附件", several are numbered
        single = len(attachments) == 1
        for a in attachments:
            a["label"] = "附件" if single else f"附件{a['number']}"
        lines = [("" if single else f"{a['number']}. ") + a["title"].removeprefix(f"{report.year}年度")
                 for a in attachments]
        attachment_list = _attachment_list(lines, keep=bool(report.signature or ev.date))

    signature = report.signature or None
    sign_date = ev.date
    # the unit's name stays on the page of its date (keepNext), as the 附件说明 above it does
    sign_off = X.signature(signature or unit.name, _date(sign_date), keep_next=True)
    signature_block = sign_off if signature or sign_date else ""

    def sichuan() -> dict[str, Any]:
        """The ``sichuan`` entry: the Sichuan outline's own sentences (toolkit/word/sichuan.py)."""
        sc = sichuan_text(report, fig, subject, md, _stages, _change)
        sc["short"] = listed(sc["short"], None)
        sc["summary_table"] = Markup(sc["summary_table"])
        sc["projects"] = listed(project_lines(), None)
        sc["phases"] = listed(phase_lines, 1)
        sc["spending"] = bool(
            any(sc[k] for k in ("expenditure", "expenditure_stages", "basic", "by_function", "by_economic"))
            or text["three_public"] or text["procurement"] or b.note
            or (ex and ((ex.basic and ex.basic.note) or (ex.project and ex.project.note)))
            or any(getattr(b, k) is not None for k in FUND_NAMES))
        sc["evaluation"] = bool(ev.purpose or ev.basis or ev.method or ev.group or ev.group_established or ev.phases)
        goal = report.indicators.goal
        sc["management"] = bool(sc["targets"] or sc["completion"] or sc["categories"] or sc["evaluation"]
                                or (goal and (goal.target or goal.actual)) or nar.performance or nar.achievements)
        return sc

    goal = report.indicators.goal
    title = report.title or f"{unit.name}{report.year}年度部门整体支出绩效自评报告"
    return Context({
        "year": report.year,
        "next_year": report.year + 1,
        "title": title,
        "title_lines": title_lines(title, unit.name),
        "label": report.label or "",
        "subject": subject,
        "unit": {
            "name": unit.name, "short_name": unit.short_name or "", "duties": list(unit.duties),
            "departments": list(unit.departments), "organisation": unit.organisation,
            "staffing_note": unit.staffing.note if unit.staffing else None,
        },
        "budget": {
            "note": b.note, "thrift": b.thrift,
            "basic_note": ex.basic.note if ex and ex.basic else None,
            "project_note": project.note if project else None,
            **{k: {"text": getattr(b, k).text if getattr(b, k) else None, "present": getattr(b, k) is not None}
               for k in FUND_NAMES},
        },
        "fig": _fig_dict(fig),
        "text": text,
        "narrative": {k: getattr(nar, k) for k in type(nar).model_fields},
        "evaluation": {
            "purpose": ev.purpose, "principles": list(ev.principles), "basis": ev.basis, "method": ev.method,
            "group_note": ev.group_note, "phases": [p.name for p in ev.phases],
            "date": _date(ev.date),
        },
        "goal": {"target": goal.target if goal else None, "actual": goal.actual if goal else None},
        "score": fmt_number(fig.total_score) if fig.total_score is not None else "",
        "grade": fig.grade or "",
        "grade_long": derive.long_grade(derive.normalise_grade(fig.grade) or fig.grade) if fig.grade else "",
        "group_members": Markup(members),
        "phases": listed(phase_lines, 0),
        "attachments": attachments,
        "attachment_list": Markup(attachment_list),
        "signature_block": Markup(signature_block),
        "sign_off": Markup(sign_off),
        "md": md_xml,
        "para": para_xml,
        "numbered": numbered,
        "num": Numbering(),
        "chart": Charts(report, fig),  # {{p chart('by_nature') }}: a native chart (toolkit/word/charts.py)
    }, lazy={"scored_indicators": scored_indicators, "projects": projects, "evaluation_work": evaluation_work,
             "indicator_notes": indicator_notes, "sichuan": sichuan})


def _evaluation_work(ev, md: MarkdownConverter, group: str, phase_lines: list[str], lead) -> str:
    """The ``evaluation_work`` entry (see :func:`build_context`)."""
    principles = [str(p) for p in ev.principles]
    work = [md.to_xml(ev.purpose) if ev.purpose else ""]
    if len(principles) == 1:
        work.append(lead("评价原则", principles[0]))
    elif principles:
        work.append(X.paragraph("评价原则：", X.BODY) + md.numbered_xml(
            principles, lambda n, led=_digit_led(principles): _unambiguous(number_prefix(n, 0), led)))
    work += [lead("评价依据", ev.basis), md.to_xml(ev.method) if ev.method else ""]
    if group:
        work += [X.paragraph(group, X.BODY), "".join(X.paragraph(line, X.BODY) for line in _member_lines(ev.group))]
    work.append(md.to_xml(ev.group_note) if ev.group_note else "")
    if len(phase_lines) == 1:
        work.append(X.paragraph(phase_lines[0], X.BODY))
    elif phase_lines:
        digits = _digit_led(phase_lines)
        work.append(X.paragraph("绩效自评工作分以下阶段进行：", X.BODY) + "".join(
            X.paragraph(f"{_unambiguous(number_prefix(n, 0), digits)}{line}", X.LIST)
            for n, line in enumerate(phase_lines, 1)))
    return "".join(work)


def _indicator_notes(report: Report, md: MarkdownConverter) -> str:
    """The ``indicator_notes`` entry: each indicator's own text under one lead sentence."""
    exi = report.indicators.execution
    notes = [(name, text_) for name, text_ in
             [("预算执行率", exi.narrative if exi else None)]
             + [(ind.name, ind.narrative) for _g1, _g2, ind in report.indicators.all_indicators()]
             if text_ and text_.strip()]
    if not notes:
        return ""
    return X.paragraph("主要绩效指标完成情况如下：", X.BODY) + "".join(
        md.to_xml(f"{name}：{text_.strip()}") if "\n" not in text_.strip() else
        X.paragraph(f"{name}：", X.BODY) + md.to_xml(text_) for name, text_ in notes)


def _scored(report: Report, fig: Figures) -> list[dict]:
    """The ``scored_indicators`` entry: 预算执行率, then every indicator (:func:`_indicator_entry`)."""
    scored = []
    ex_ind = report.indicators.execution
    if ex_ind is not None:
        scored.append(_indicator_entry("预算执行率", ex_ind.weight, fig.exec_score, ex_ind.narrative,
                                       ex_ind.deviation,
                                       facts=f"执行率{fmt_rate(fig.exec_rate)}" if fig.exec_rate is not None else ""))
    for _g1, _g2, ind in report.indicators.all_indicators():
        scored.append(_indicator_entry(ind.name, ind.weight, ind.score, ind.narrative, ind.deviation,
                                       ind.target, ind.actual))
    return scored


#: characters of 2号 (22 pt) type on one line of the 156 mm text block
TITLE_LINE_WIDTH = 20


def _width(text: str) -> float:
    """Printed width in full-width characters (ASCII letters and digits are half-width): 0.5 for each character
    below U+2E80, 1 for each other, as their sum gives it (an int when every character is full-width)."""
    narrow = len(_NARROW.findall(text))
    wide = len(text) - narrow
    return narrow * 0.5 + wide if narrow else wide


_NARROW = re.compile("[\x00-\u2e7f]")


def title_lines(title: str, unit_name: str) -> str:
    """The title with a line break where a 公文 title breaks (GB/T 9704: 回行时词意完整、排列对称).

    A title longer than one line is broken after "…年度" (as seed 002: "…工业和信息化局2022年度 / 整体支出绩效自评
    报告") or after the unit's name, whichever keeps both lines within the line and most even; otherwise it is left
    to the word processor.
    """
    title = title.strip()
    if "\n" in title or _width(title) <= TITLE_LINE_WIDTH:
        return title
    cuts = set()
    for mark in ("年度", "年"):
        at = title.find(mark)
        if at > 0:
            cuts.add(at + len(mark))
            break
    if unit_name and title.startswith(unit_name):
        cuts.add(len(unit_name))
    fitting = [c for c in cuts if 0 < c < len(title)
               and max(_width(title[:c]), _width(title[c:])) <= TITLE_LINE_WIDTH]
    if not fitting:
        return title
    best = min(fitting, key=lambda c: (abs(_width(title[:c]) - _width(title[c:])), c))
    return title[:best] + "\n" + title[best:]


def _member_lines(group) -> list[str]:
    """"组长：杨俊" …; members of the same role without title or duty share a line: "成员：宋小兵、黄家韬"."""
    lines: list[str] = []
    last_role = None
    for m in group:
        plain = not m.title and not m.duty
        if plain and m.role == last_role:
            lines[-1] += f"、{m.name}"
            continue
        lines.append(f"{m.role}：{m.name}" + (f"（{m.title}）" if m.title else "") + (f"，{m.duty}" if m.duty else ""))
        last_role = m.role if plain else None
    return lines


def _attachment_list(lines: list[str], keep: bool = False) -> str:
    """附件说明 (GB/T 9704 7.3.5): "附件：1. …", following items aligned under the first; ``keep``: on the page of
    the signature that follows (never set it when an attachment page follows: it would pull the list over)."""
    out = [X.paragraph("附件：" + lines[0], X.BODY, keep_next=keep)]
    for line in lines[1:]:
        out.append(f'<w:p><w:pPr><w:pStyle w:val="JxBody"/>{"<w:keepNext/>" if keep else ""}<w:ind w:left="{5 * X.GRID_CHAR}" '
                   f'w:firstLine="0" w:firstLineChars="0"/></w:pPr>{X.run(line)}</w:p>')
    return "".join(out)


def _indicator_entry(name: str, weight: Decimal, score: Decimal | None, narrative: Any, deviation: Any,
                     target: str | None = None, actual: str | None = None, facts: str = "") -> dict:
    """One scored indicator: its heading states 分值 and 得分; the generated sentence does not repeat them: it
    gives the target and the result, then the share of the weight. A deviation the narrative already holds is not
    printed again."""
    w, s = fmt_written(weight), fmt_written(score) if score is not None else ""
    facts = facts or _join([f"年度指标值{target}" if target else "", f"实际完成值{actual}" if actual else ""])
    sentence = f"{facts}。" if facts else ""
    if score is not None and weight:
        pct = fmt_number(quantize(score * 100 / weight, 2))
        sentence += f"根据评价标准，该指标得{pct}%权重分。"
    heading = f"{name}（分值{w}分，得分{s}分）" if score is not None else f"{name}（分值{w}分）"
    if deviation and narrative and _plain(str(deviation)) in _plain(str(narrative)):
        deviation = None
    return {"name": name, "weight": w, "score": s, "heading": heading, "sentence": sentence,
            "narrative": narrative, "deviation": deviation}


def _plain(text: str) -> str:
    return re.sub(r"[\s*_`#“”\"]", "", text).rstrip("。；")


def _fig_dict(fig: Figures) -> dict:
    money = {k: fmt_money(getattr(fig, k)) for k in (
        "income", "expenditure", "basic", "personnel", "public", "project", "three_public", "vehicle",
        "procurement", "exec_initial", "exec_full", "exec_actual")}
    return {
        **money,
        "exec_rate": fmt_percent(fig.exec_rate),
        "exec_score": fmt_number(fig.exec_score),
        "total_score": fmt_number(fig.total_score),
        "computed_score": fmt_number(fig.computed_score),
        "total_weight": fmt_number(fig.total_weight),
        "grade": fig.grade or "",
    }
