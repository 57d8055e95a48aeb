"""What the Sichuan outline prints beyond the common context (any template may use it too).

* Shares (占比): each part of a breakdown with its share of the breakdown's printed total — the share as declared,
  or derived as part ÷ total rounded half up to two decimals (:func:`toolkit.numbers.fmt_percent`). Derived shares
  are rounded one by one from the same total, so each printed share is exactly the rounded ratio of the amounts
  printed beside it; their sum may then miss 100% by a few 0.01 (e.g. 100.01%). That is left as it is, as published
  reports do: ``jixiao check`` (PCT006) and ``jixiao lint`` (TXT003) warn about it, never adjust a share silently.
* 人员类 / 运转类 / 特定目标类 (Sichuan's three kinds of budget project) are the model's 人员经费, 公用经费 and
  项目支出: their budget stages and execution.
* Indicator kinds: every 三级 indicator is counted under the kind its 二级 (or else 一级) name says — 数量, 质量,
  时效, 成本, 效益 (经济/社会/生态效益, 可持续影响), 满意度 — and is *fully achieved* when its score equals its
  weight.
* Indicator categories: when any indicator carries a ``category`` (人员类 / 运转类 / 特定目标类), the completion
  table is split by category (an indicator without one is counted as 未分类, so the rows still add up to 合计), and
  each category's section says how many indicators of each kind it set and how many were fully achieved. Without
  categories the counts and the table are department-wide, by kind.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable

from ..model import CATEGORIES, Figure, Item, Report
from ..numbers import fmt_rate, fmt_written, quantize
from . import ooxml as X
from .ooxml import CELL, CELL_HEAD, cell

#: indicator kinds in print order, with the words of a group name that mean each
KINDS: list[tuple[str, tuple[str, ...]]] = [
    ("数量指标", ("数量",)), ("质量指标", ("质量",)), ("时效指标", ("时效", "及时")), ("成本指标", ("成本",)),
    ("效益指标", ("效益", "影响")), ("满意度指标", ("满意",)),
]
OTHER_KIND = "其他指标"
UNCATEGORISED = "未分类"


def wan(value: Decimal | None) -> str:
    return f"{fmt_written(value)}万元"


def share_text(part: Figure | None, part_amount: Decimal | None, total: Decimal | None) -> str:
    """"占12.34%": the declared share, else part ÷ total rounded half up; empty when neither is known."""
    if part is not None and part.share is not None:
        return f"占{fmt_rate(part.share)}"
    if part_amount is None or total is None or total == 0:
        return ""
    return f"占{fmt_rate(quantize(part_amount * 100 / total, 2))}"


def parts_with_shares(parts: Iterable[tuple[str, Figure | None, Decimal | None]], total: Decimal | None,
                      change_of=None, no_note: tuple = ()) -> str:
    """"A X万元，占a%；B Y万元，占b%" for the parts that have an amount (with their notes, but those of ``no_note``:
    printed elsewhere)."""
    out = []
    for label, f, value in parts:
        if value is None or (value == 0 and not (f is not None and f.note)):
            continue  # no "0.00万元" items
        s = share_text(f, value, total)
        note = plain_note(f.note) if f is not None and not any(f is g for g in no_note) else ""
        # a part's change, unless it names the 上年 figure: inside the list that would read as one more part
        change = change_of(f, value) if change_of is not None and f is not None and f.previous is None else ""
        subs = [(i.label, i, i.amount) for i in f.items] if isinstance(f, Item) else []  # not a Project's list
        inner = parts_with_shares(subs, None) if subs else ""  # 本年收入 with its own sources: no share of them
        out.append(f"{label}{wan(value)}" + "".join(f"，{x}" for x in (s, change, note) if x)
                   + (f"（其中{inner.replace('；', '，')}）" if inner else ""))
    return "；".join(out)


def plain_note(note: str | None) -> str:
    """A figure's note as plain text inside a sentence (Markdown emphasis off, no final full stop)."""
    if not note or not note.strip():
        return ""
    return " ".join(note.replace("**", "").replace("__", "").split()).rstrip("。；;，,")


def breakdown_sentence(head: str, total: Decimal | None, parts: list[tuple[str, Figure | None, Decimal | None]],
                       change: str = "", label: str = "", change_of=None, no_note: tuple = ()) -> str:
    """"{head}X万元[，比上年…]，其中：A…，占a%；B…，占b%。"; empty without a total or parts.

    A change naming the 上年 figure ("（上年1796.40万元）") follows the parts as a sentence of its own, "{label}比上年…":
    before "其中" a reader (and jixiao lint) would take that figure for the total the parts add up to.
    """
    listed = parts_with_shares(parts, total, change_of, no_note)
    if total is None and not listed:
        return ""
    text = head + (wan(total) if total is not None else "")
    after = ""
    if change and "（上年" in change and listed and label:
        after = f"{label}{change}。"
    elif change:
        text += f"，{change}"
    return text + (f"，其中：{listed}" if listed else "") + "。" + after


# ----------------------------------------------------------------------------------------------------------------
# Indicator kinds and completion
# ----------------------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)  # a few names, each asked for by every indicator under it
def kind_of(level1_name: str, level2_name: str) -> str:
    """The kind a 三级 indicator belongs to, from its 二级 name, else its 一级 name."""
    for name in (level2_name, level1_name):
        for kind, words in KINDS:
            if any(w in name for w in words):
                return kind
    return OTHER_KIND


@dataclass
class KindCount:
    kind: str
    count: int = 0
    achieved: int = 0  # score = weight
    short: int = 0  # scored below the weight
    weight: Decimal = Decimal(0)
    score: Decimal | None = None

    def add(self, weight: Decimal, score: Decimal | None) -> None:
        self.count += 1
        self.weight += weight
        if score is not None:
            self.score = (self.score or Decimal(0)) + score
            if score >= weight:
                self.achieved += 1
            else:
                self.short += 1


@dataclass
class Targets:
    """The indicator system counted by kind, and the indicators scored below their weight."""

    level1: int = 0
    level2: int = 0
    kinds: list[KindCount] = field(default_factory=list)
    short: list[Any] = field(default_factory=list)  # Indicator objects scored below their weight
    #: by 项目类别 (empty when no indicator has one): the category's totals and its counts by kind
    categories: list[KindCount] = field(default_factory=list)
    category_kinds: dict[str, list[KindCount]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(k.count for k in self.kinds)


def count_targets(report: Report) -> Targets:
    ind = report.indicators
    by_kind: dict[str, KindCount] = {}
    by_category: dict[str, KindCount] = {}
    category_kinds: dict[str, dict[str, KindCount]] = {}
    categorised = any(i.category for _g1, _g2, i in ind.all_indicators())
    t = Targets(level1=len(ind.groups), level2=sum(len(g.children) for g in ind.groups))
    for g1, g2, i in ind.all_indicators():
        kind = "绩效指标" if ind.ungrouped else kind_of(g1.name, g2.name)  # no 一级/二级 names to go by
        by_kind.setdefault(kind, KindCount(kind)).add(i.weight, i.score)
        if categorised:
            category = i.category or UNCATEGORISED
            by_category.setdefault(category, KindCount(category)).add(i.weight, i.score)
            category_kinds.setdefault(category, {}).setdefault(kind, KindCount(kind)).add(i.weight, i.score)
        if i.score is not None and i.score < i.weight:
            t.short.append(i)
    order = [k for k, _w in KINDS] + [OTHER_KIND, "绩效指标"]
    t.kinds = [by_kind[k] for k in order if k in by_kind]
    t.categories = [by_category[c] for c in (*CATEGORIES, UNCATEGORISED) if c in by_category]
    t.category_kinds = {c: [kinds[k] for k in order if k in kinds] for c, kinds in category_kinds.items()}
    return t


def targets_sentence(report: Report, t: Targets) -> str:
    """"共设置一级指标3个、二级指标9个、三级指标17个，其中数量指标4个、…。" (kinds only when they are known)."""
    if not t.count:
        return ""
    year = report.year
    if report.indicators.ungrouped:
        return f"{year}年部门整体支出绩效目标共设置绩效指标{t.count}个。"
    head = f"{year}年部门整体支出绩效目标共设置一级指标{t.level1}个、二级指标{t.level2}个、三级指标{t.count}个"
    known = [k for k in t.kinds if k.kind != OTHER_KIND]
    if not known:
        return head + "。"
    return head + "，其中" + "、".join(f"{k.kind}{k.count}个" for k in t.kinds) + "。"


def completion_sentence(report: Report, t: Targets) -> str:
    """How many 三级 indicators were fully achieved (score = weight)."""
    scored = sum(k.achieved + k.short for k in t.kinds)
    if not scored:
        return ""
    achieved = sum(k.achieved for k in t.kinds)
    what = "三级指标" if not report.indicators.ungrouped else "绩效指标"
    if achieved == scored:
        return f"{scored}个{what}全部完成年度目标，均得满分。"
    return f"{scored}个{what}中，{achieved}个完成年度目标、得满分，{scored - achieved}个未完全完成。"


def category_sentence(report: Report, t: Targets, category: str) -> str:
    """"人员类项目设置三级指标3个，其中数量指标1个、…。3个均完成年度目标、得满分。" for one 项目类别."""
    c = next((k for k in t.categories if k.kind == category), None)
    if c is None:
        return ""
    what = "三级指标" if not report.indicators.ungrouped else "绩效指标"
    text = f"{category}项目设置{what}{c.count}个"
    kinds = t.category_kinds.get(category, [])
    if any(k.kind not in (OTHER_KIND, "绩效指标") for k in kinds):
        if len(kinds) == 1:
            text += f"，{'均为' if c.count > 1 else '为'}{kinds[0].kind}"
        else:
            text += "，其中" + "、".join(f"{k.kind}{k.count}个" for k in kinds)
    text += "。"
    scored = c.achieved + c.short
    if not scored:
        return text
    if c.achieved == scored:
        return text + (f"{scored}个均完成年度目标、得满分。" if scored > 1 else "该指标完成年度目标、得满分。")
    return text + f"{scored}个中，{c.achieved}个完成年度目标、得满分，{c.short}个未完全完成。"


def short_lines(report: Report, md, targets: Targets | None = None) -> list[str]:
    """One line per indicator scored below its weight: target, actual, weight, score, deviation (``targets``: the
    report's :func:`count_targets`, when already counted)."""
    lines = []
    for i in (targets or count_targets(report)).short:
        facts = []
        if i.target:
            facts.append(f"年度指标值{i.target}")
        if i.actual:
            facts.append(f"实际完成值{i.actual}")
        facts.append(f"扣{fmt_written(i.weight - i.score)}分")  # "得分" would read as a total score to jixiao lint
        line = f"{i.name}：{'，'.join(facts)}。"
        if i.deviation:
            line += "".join(s.text for s in md.inline(i.deviation))
        lines.append(line)
    return lines


#: 指标类型, 指标数, 全部完成, 未全部完成, 分值, 得分 (156 mm)
_SUMMARY_WIDTHS = [X.mm(v) for v in (36, 24, 24, 24, 24, 24)]


def summary_table(report: Report, t: Targets, fig) -> str:
    """指标完成情况 by kind (or by 项目类别 when indicators carry one), with the 预算执行率 row and a 合计 row
    (counts, weights and scores add up)."""
    if not t.count:
        return ""
    first = "项目类别" if t.categories else "指标类型"
    rows = [[cell(h, CELL_HEAD) for h in (first, "指标数（个）", "全部完成（个）", "未全部完成（个）",
                                             "分值", "得分")]]
    lines = [KindCount(f"{k.kind}项目" if k.kind in CATEGORIES else k.kind, k.count, k.achieved, k.short, k.weight,
                       k.score) for k in t.categories] or list(t.kinds)
    exi = report.indicators.execution
    if exi is not None:
        ex = KindCount("预算执行率")
        ex.add(exi.weight, fig.exec_score)
        lines.insert(0, ex)
    total = KindCount("合计")
    for k in lines:
        total.count += k.count
        total.achieved += k.achieved
        total.short += k.short
        total.weight += k.weight
        if k.score is not None:
            total.score = (total.score or Decimal(0)) + k.score
    for k in lines + [total]:
        style = CELL_HEAD if k is total else CELL
        rows.append([cell(k.kind, style), cell(k.count, style), cell(k.achieved, style), cell(k.short, style),
                     cell(fmt_written(k.weight), style), cell(fmt_written(k.score), style)])
    return X.table(_SUMMARY_WIDTHS, rows, header_rows=1)


# ----------------------------------------------------------------------------------------------------------------
# The context entries
# ----------------------------------------------------------------------------------------------------------------


def _stages_sentence(stages_of, f: Figure | None, amount: Decimal | None, year: int, name: str,
                     noted: bool = False) -> str:
    """"N年{name}年初预算…，实际支出…，执行率…。" and the figure's note (unless ``noted``: already printed)."""
    if f is None and amount is None:
        return ""
    stages = stages_of(f, amount, what="实际支出") if f is not None else f"实际支出{wan(amount)}"
    note = plain_note(f.note) if f is not None and not noted else ""
    return f"{year}年{name}{stages}。" + (f"{note}。" if note else "") if stages else ""


#: what each 项目类别 is for, printed under its heading
ABOUT = {
    "人员类": "人员类项目用于保障在职人员工资福利、对个人和家庭的补助等人员支出。",
    "运转类": "运转类项目用于保障机构正常运转的公用经费支出。",
    "特定目标类": "特定目标类项目用于完成特定工作任务和事业发展目标。",
}


def sichuan_text(report: Report, fig, subject: str, md, stages_of, change_of) -> dict[str, Any]:
    """The ``sichuan`` context entry (see docs/templates.md)."""
    year, b = report.year, report.budget
    inc, ex = b.income, b.expenditure
    text: dict[str, Any] = {}

    # 收入情况: each source with its share of the income total
    text["income"] = ""
    if inc is not None and fig.income is not None:
        label = inc.label if inc.label.endswith(("合计", "总计")) else "收入合计"
        text["income"] = breakdown_sentence(f"{year}年，{subject}{label}", fig.income,
                                            [(i.label, i, i.amount) for i in inc.items],
                                            change_of(inc, fig.income, with_previous=True), label=label)

    # 支出情况: by nature, then 人员经费/公用经费 within 基本支出, by function and by economic class
    text["expenditure"] = text["expenditure_stages"] = text["basic"] = ""
    text["by_function"] = text["by_economic"] = ""
    if ex is not None and fig.expenditure is not None:
        total = fig.expenditure
        # the project note leads into the project list under 特定目标类项目 when that sentence prints (not here too)
        led = (ex.project,) if ex.project is not None and ex.project.items and _stages_sentence(
            stages_of, ex.project, fig.project, year, "特定目标类项目") else ()
        text["expenditure"] = breakdown_sentence(
            f"{year}年，{subject}支出合计", total,
            [("基本支出", ex.basic, fig.basic), ("项目支出", ex.project, fig.project)],
            change_of(ex, total, with_previous=True), label="支出合计", no_note=led)
        if any(v is not None for v in (ex.initial_budget, ex.adjustment, ex.full_budget)):
            text["expenditure_stages"] = f"{year}年部门预算{stages_of(ex, total, what='全年实际支出')}。"
        if ex.basic is not None and (fig.personnel is not None or fig.public is not None):
            text["basic"] = breakdown_sentence(
                "基本支出", fig.basic,
                [("人员经费", ex.basic.personnel, fig.personnel), ("公用经费", ex.basic.public, fig.public)],
                change_of(ex.basic, fig.basic, with_previous=True), label="基本支出", change_of=change_of)
            if any(v is not None for v in (ex.basic.initial_budget, ex.basic.adjustment, ex.basic.full_budget)):
                text["basic"] += f"基本支出{stages_of(ex.basic, fig.basic, what='实际支出')}。"
        if ex.by_function:
            text["by_function"] = breakdown_sentence(
                "按支出功能分类，支出合计", total, [(i.label, i, i.amount) for i in ex.by_function])
        if ex.by_economic:
            text["by_economic"] = breakdown_sentence(
                "按支出经济分类，支出合计", total, [(i.label, i, i.amount) for i in ex.by_economic])

    # 结转结余情况: the opening and closing balances, with their notes
    co = b.carryover
    text["carryover_notes"] = [f.note for f in (co.opening, co.closing) if f is not None and f.note] if co else []

    # 人员类 / 运转类 / 特定目标类
    basic = ex.basic if ex else None
    project = ex.project if ex else None
    categories = []
    if basic is not None and (basic.personnel is not None or basic.public is not None):
        for name, f, amount, about in (
                ("人员类项目", basic.personnel, fig.personnel, ABOUT["人员类"]),
                ("运转类项目", basic.public, fig.public, ABOUT["运转类"])):
            sentence = _stages_sentence(stages_of, f, amount, year, name, noted=bool(text["basic"]))
            if sentence:
                categories.append({"name": name, "about": about, "sentence": sentence, "projects": False})
    elif basic is not None:
        sentence = _stages_sentence(stages_of, basic, fig.basic, year, "人员类和运转类项目（基本支出）")
        if sentence:
            categories.append({"name": "人员类和运转类项目",
                               "about": "人员类和运转类项目用于保障在职人员工资福利和机构正常运转。",
                               "sentence": sentence, "projects": False})
    if project is not None:
        sentence = _stages_sentence(stages_of, project, fig.project, year, "特定目标类项目")
        if sentence or project.items:
            categories.append({"name": "特定目标类项目",
                               "about": ABOUT["特定目标类"],
                               "sentence": sentence, "projects": True})
    # each category's indicators (when indicators carry one): appended to its budget sentence, or a section of its own
    t = count_targets(report)
    if t.categories:
        named = {"人员类项目": ("人员类",), "运转类项目": ("运转类",), "人员类和运转类项目": ("人员类", "运转类"),
                 "特定目标类项目": ("特定目标类",)}
        for c in categories:
            said = "".join(category_sentence(report, t, k) for k in named[c["name"]])
            c["sentence"] += said
        covered = {k for c in categories for k in named[c["name"]]}
        for k in CATEGORIES:
            said = category_sentence(report, t, k)
            if k not in covered and said:
                categories.append({"name": f"{k}项目", "about": ABOUT[k], "sentence": said, "projects": False})
        order = ["人员类项目", "人员类和运转类项目", "运转类项目", "特定目标类项目"]
        categories.sort(key=lambda c: order.index(c["name"]))
    text["categories"] = categories

    text["targets"] = targets_sentence(report, t)
    text["completion"] = completion_sentence(report, t)
    short = short_lines(report, md, t)
    text["short_title"] = "未完全完成年度目标的指标及原因如下：" if short else ""
    text["short"] = short
    text["summary_table"] = summary_table(report, t, fig)
    return text
