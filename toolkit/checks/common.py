"""Helpers shared by the consistency-check families: number display, tolerances and the report's breakdowns.

A *breakdown* is a total and the parts the report says it is made of (基本支出 = 人员经费 + 公用经费, 收入合计 = Σ
sources …). ``sums`` checks that the parts add up to the total, ``shares`` that each part's declared 占比 matches
part / total and that the 占比 of a complete breakdown add up to 100 %.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator

from ..model import Figure, Headcount, Item, Node, Report, walk
from ..numbers import fmt_money, fmt_number, half_ulp, places

ZERO = Decimal(0)
HUNDRED = Decimal(100)

#: Budget columns a breakdown is checked in: field, prefix and suffix of the label ("上年基本支出", "基本支出年初预算数").
COLUMNS: list[tuple[str, str, str]] = [
    ("amount", "", ""),
    ("previous", "上年", ""),
    ("initial_budget", "", "年初预算数"),
    ("full_budget", "", "全年预算数"),
]


def money(v: Decimal) -> str:
    """An amount as published: at least two decimals, more when it was written with more."""
    return fmt_money(v) if places(v) <= 2 else f"{v:f}"


def number(v: Decimal | int) -> str:
    """A weight, score or count: ``10``, ``8.95``."""
    return fmt_number(v)


def diff_note(diff: Decimal, rounding: bool, show=money) -> str:
    """``（差 0.01，可能为四舍五入误差）`` / ``（差 65.46）``."""
    tail = "，可能为四舍五入误差" if rounding else ""
    return f"（差 {show(abs(diff))}{tail}）"


def join_labels(labels: list[str]) -> str:
    """``人员经费与公用经费`` / ``因公出国（境）费、公务用车购置及运行维护费与公务接待费``."""
    if len(labels) <= 1:
        return "".join(labels)
    return "、".join(labels[:-1]) + "与" + labels[-1]


def ratio_tolerance(x: Decimal, ex: Decimal, y: Decimal, ey: Decimal) -> Decimal:
    """How far 100·x/y can move (in percent points) when x and y are each off by up to ex and ey."""
    if y == 0:
        return ZERO
    return HUNDRED * (ex / abs(y) + abs(x) * ey / (y * y))


def money_ulp(v: Decimal | None) -> Decimal:
    """Half a unit in the last published place of an amount (0.005 万元 when written with two decimals or fewer)."""
    return half_ulp(v, 2) if v is not None else ZERO


def kinds(hc: Headcount) -> list[int]:
    return [v for v in (hc.administrative, hc.institutional, hc.worker, hc.other) if v is not None]


def headcount_total(hc: Headcount | None) -> int | None:
    """A head count's total: declared, or the sum of its kinds."""
    if hc is None:
        return None
    if hc.total is not None:
        return hc.total
    ks = kinds(hc)
    return sum(ks) if ks else None



# ----------------------------------------------------------------------------------------------------------------
# Breakdowns
# ----------------------------------------------------------------------------------------------------------------


@dataclass
class Part:
    node: Figure | None
    label: str


@dataclass
class Breakdown:
    """A total and its parts as the data declares them."""

    code: str  # the SUM rule that checks it
    total: Figure
    label: str  # the total's label, e.g. 基本支出
    parts: list[Part]
    parts_label: str  # e.g. 人员经费与公用经费
    complete: bool  # the parts claim to be all of the total (else they may fall short of it: 其中, partial lists)
    listed: bool = False  # a list of lines: in a complete list, a line without a value in one column is 0 there
    alt: list[tuple[Figure, str]] = field(default_factory=list)  # other totals a part's 占比 may be declared of

    def present(self) -> list[Part]:
        return [p for p in self.parts if p.node is not None]


def _fixed(code: str, total: Figure | None, label: str, parts: list[tuple[Figure | None, str]],
           alt: list[tuple[Figure, str]] | None = None) -> Breakdown | None:
    """A breakdown into named parts (some may be absent: then the parts given may not exceed the total)."""
    if total is None or all(p is None for p, _ in parts):
        return None
    ps = [Part(n, lab) for n, lab in parts]
    complete = all(p.node is not None for p in ps)
    return Breakdown(code, total, label, ps, join_labels([lab for _, lab in parts]), complete, alt=alt or [])


def _listed(code: str, total: Figure | None, label: str, items: list[Item], parts_label: str, complete: bool,
            alt: list[tuple[Figure, str]] | None = None, extra: list[tuple[Figure | None, str]] | None = None
            ) -> Breakdown | None:
    parts = [Part(n, lab) for n, lab in (extra or []) if n is not None] + [Part(i, i.label) for i in items]
    if total is None or not parts:
        return None
    return Breakdown(code, total, label, parts, parts_label, complete, listed=True, alt=alt or [])


def breakdowns(report: Report) -> list[Breakdown]:
    """Every total-and-parts relation the data declares, in document order."""
    b = report.budget
    out: list[Breakdown | None] = []
    exp = b.expenditure
    if b.income is not None:
        out.append(_listed("SUM003", b.income, "收入合计", b.income.items, "各项收入", True))
    if exp is not None:
        whole = [(exp, "支出合计")]
        out.append(_fixed("SUM002", exp, "支出合计", [(exp.basic, "基本支出"), (exp.project, "项目支出")]))
        if exp.basic is not None:
            out.append(_fixed("SUM001", exp.basic, "基本支出",
                              [(exp.basic.personnel, "人员经费"), (exp.basic.public, "公用经费")], whole))
        p = exp.project
        if p is not None:
            out.append(_listed("SUM006", p, "项目支出", p.items, "各项目支出", not p.items_partial, whole,
                               extra=[(p.operation, "运行维护经费")]))
            out.append(_listed("SUM004", p, "项目支出", p.by_function, "项目支出各功能分类", True, whole))
        out.append(_listed("SUM004", exp, "支出合计", exp.by_function, "各功能分类支出", True))
        out.append(_listed("SUM005", exp, "支出合计", exp.by_economic, "各经济分类支出", True))
    tp = b.three_public
    if tp is not None:
        out.append(_fixed("SUM009", tp, "“三公”经费", [(tp.overseas, "因公出国（境）费"),
                                                  (tp.vehicle, "公务用车购置及运行维护费"), (tp.reception, "公务接待费")]))
        if tp.vehicle is not None:
            v = tp.vehicle
            out.append(_fixed("SUM010", v, "公务用车购置及运行维护费",
                              [(v.purchase, "公务用车购置费"), (v.operation, "公务用车运行维护费")], [(tp, "“三公”经费")]))
    pr = b.procurement
    if pr is not None:
        out.append(_fixed("SUM011", pr, "政府采购",
                          [(pr.goods, "货物"), (pr.works, "工程"), (pr.services, "服务")]))
    # 其中 parts of any labelled line (an income source, a functional class, a project …)
    for _path, node in walk(report, ""):
        if isinstance(node, Item) and node.items:
            out.append(_listed("SUM007", node, node.label, node.items, "其中各项", False))
    return [x for x in out if x is not None]


def figures(report: Report) -> Iterator[Figure]:
    """Every budget figure in the report (walks the tree, so paths are current)."""
    for _path, node in walk(report, ""):
        if isinstance(node, Figure):
            yield node


def label_of(node: Node) -> str:
    """A Chinese name for a figure, for messages."""
    if isinstance(node, Item):
        return node.label
    return _LABELS.get(node.path, _LABELS.get(node.path.rsplit(".", 1)[-1], node.path))


_LABELS = {
    "budget.income": "收入合计",
    "budget.expenditure": "支出合计",
    "budget.expenditure.basic": "基本支出",
    "budget.expenditure.basic.personnel": "人员经费",
    "budget.expenditure.basic.public": "公用经费",
    "budget.expenditure.project": "项目支出",
    "budget.expenditure.project.operation": "运行维护经费",
    "budget.carryover.opening": "年初结转和结余",
    "budget.carryover.closing": "年末结转和结余",
    "budget.three_public": "“三公”经费",
    "budget.three_public.overseas": "因公出国（境）费",
    "budget.three_public.vehicle": "公务用车购置及运行维护费",
    "budget.three_public.vehicle.purchase": "公务用车购置费",
    "budget.three_public.vehicle.operation": "公务用车运行维护费",
    "budget.three_public.reception": "公务接待费",
    "budget.procurement": "政府采购",
    "budget.procurement.goods": "政府采购货物",
    "budget.procurement.works": "政府采购工程",
    "budget.procurement.services": "政府采购服务",
    "budget.government_fund": "政府性基金预算支出",
    "budget.state_capital": "国有资本经营预算支出",
    "budget.social_insurance": "社会保险基金预算支出",
}
