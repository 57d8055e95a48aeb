"""The budget's structure (DOMAIN.md section 2): which totals have which parts, and what each figure is called.

A *breakdown* is a total and the parts the report says it is made of (基本支出 = 人员经费 + 公用经费, 收入合计 = Σ
sources …). The fixed ones are declared once, in :data:`FIXED`; the checks prove that the parts add up and that
their 占比 match, the claim engine knows from the same declaration which lists of parts in prose are complete,
and the renderer derives a total left out from the same parts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable, Iterator

from ..model import Figure, Item, Node, Report, walk

#: Budget columns a breakdown is checked in: field, prefix and suffix of the label ("上年基本支出", "基本支出年初预算数").
COLUMNS: list[tuple[str, str, str]] = [
    ("amount", "", ""),
    ("previous", "上年", ""),
    ("initial_budget", "", "年初预算数"),
    ("full_budget", "", "全年预算数"),
]


@dataclass(frozen=True)
class PartSpec:
    attr: str  # the attribute of the total that holds the part
    label: str  # its name in a message: 人员经费
    word: str  # the word that names it in a list of parts in prose: 因公出国 (for 因公出国（境）费)


@dataclass(frozen=True)
class FixedSpec:
    """A total whose parts are named fields of the model."""

    key: str  # expenditure / basic / three_public / vehicle / procurement
    path: str  # data path of the total
    label: str
    parts: tuple[PartSpec, ...]
    alt: tuple[str, ...] = ()  # keys of other totals a part's 占比 may be declared of


FIXED: list[FixedSpec] = [
    FixedSpec("expenditure", "budget.expenditure", "支出合计",
              (PartSpec("basic", "基本支出", "基本支出"), PartSpec("project", "项目支出", "项目支出"))),
    FixedSpec("basic", "budget.expenditure.basic", "基本支出",
              (PartSpec("personnel", "人员经费", "人员经费"), PartSpec("public", "公用经费", "公用经费")),
              alt=("expenditure",)),
    FixedSpec("three_public", "budget.three_public", "“三公”经费",
              (PartSpec("overseas", "因公出国（境）费", "因公出国"), PartSpec("vehicle", "公务用车购置及运行维护费", "公务用车"),
               PartSpec("reception", "公务接待费", "公务接待"))),
    FixedSpec("vehicle", "budget.three_public.vehicle", "公务用车购置及运行维护费",
              (PartSpec("purchase", "公务用车购置费", "购置"), PartSpec("operation", "公务用车运行维护费", "运行")),
              alt=("three_public",)),
    FixedSpec("procurement", "budget.procurement", "政府采购",
              (PartSpec("goods", "货物", "货物"), PartSpec("works", "工程", "工程"), PartSpec("services", "服务", "服务"))),
]
_FIXED = {s.key: s for s in FIXED}

#: the words of each fixed breakdown's parts: a list in prose naming all of them is the whole of its total
COMPLETE_WORDS: list[tuple[str, ...]] = [tuple(p.word for p in s.parts) for s in FIXED]
#: other splits that leave nothing out, seen in reports (no field of the model): 基本医疗保险 = 职工医保 + 城乡居民医保,
#: a population = 城镇 (城市) + 农村
COMPLETE_SPLITS: list[tuple[str, ...]] = [("职工", "居民"), ("城镇", "农村"), ("城市", "农村")]
#: the budgets a 财政拨款 comes from (DOMAIN §2, the three 财政拨款收入 of 收入合计): a 财政拨款 split by them
FUND_KINDS: tuple[str, ...] = ("一般公共预算", "政府性基金", "国有资本经营")
#: the classes (类) of spending by its economic nature (政府支出经济分类 / 部门预算支出经济分类: 301 … 399), each over
#: its 款 (基本工资, 办公费 …) in the 基本支出 tables of a 部门决算
ECONOMIC_CLASSES: tuple[str, ...] = ("工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出", "对企业补助",
                                     "债务利息及费用支出", "其他支出")

#: Chinese names of the model's figures, for messages (an Item is called by its own label)
LABELS = {
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

#: other words a report's text uses for a figure (beside its label)
TEXT_ALIASES = {
    "budget.expenditure": ("支出合计", "支出总额", "总支出", "一般公共预算支出"),
    "budget.expenditure.basic.personnel": ("人员经费", "人员经费支出"),
    "budget.expenditure.basic.public": ("公用经费", "日常公用经费", "公用经费支出"),
    "budget.income": ("收入合计", "收入总计", "总收入"),
    "budget.three_public": ("三公经费", "“三公”经费", "\"三公\"经费"),
    "budget.procurement": ("政府采购", "政府采购金额"),
}


def label_of(node: Node) -> str:
    """A Chinese name for a figure, for messages."""
    if isinstance(node, Item):
        return node.label
    return LABELS.get(node.path, LABELS.get(node.path.rsplit(".", 1)[-1], node.path))


def join_labels(labels: list[str]) -> str:
    """``人员经费与公用经费`` / ``因公出国（境）费、公务用车购置及运行维护费与公务接待费``."""
    if len(labels) <= 1:
        return "".join(labels)
    return "、".join(labels[:-1]) + "与" + labels[-1]


def _totals(report: Report) -> dict[str, Figure | None]:
    """The model figure of each fixed breakdown's total."""
    b = report.budget
    exp, tp = b.expenditure, b.three_public
    return {"expenditure": exp, "basic": exp.basic if exp else None, "three_public": tp,
            "vehicle": tp.vehicle if tp else None, "procurement": b.procurement}


# ----------------------------------------------------------------------------------------------------------------
# Breakdowns of a report
# ----------------------------------------------------------------------------------------------------------------


@dataclass
class Part:
    node: Figure | None
    label: str


@dataclass
class Breakdown:
    """A total and its parts as the data declares them."""

    key: str  # what kind of breakdown: a FIXED key, or income / project / project_function / function / economic / of_which
    total: Figure
    label: str  # the total's label, e.g. 基本支出
    parts: list[Part]
    parts_label: str  # e.g. 人员经费与公用经费
    complete: bool  # the parts claim to be all of the total (else they may fall short of it: 其中, partial lists)
    listed: bool = False  # a list of lines: in a complete list, a line without a value in one column is 0 there
    alt: list[tuple[Figure, str]] = field(default_factory=list)  # other totals a part's 占比 may be declared of

    def present(self) -> list[Part]:
        return [p for p in self.parts if p.node is not None]


def _fixed(spec: FixedSpec, totals: dict[str, Figure | None]) -> Breakdown | None:
    total = totals[spec.key]
    if total is None:
        return None
    parts = [Part(getattr(total, p.attr), p.label) for p in spec.parts]
    if all(p.node is None for p in parts):
        return None
    alt = [(totals[k], _FIXED[k].label) for k in spec.alt if totals[k] is not None]
    return Breakdown(spec.key, total, spec.label, parts, join_labels([p.label for p in spec.parts]),
                     all(p.node is not None for p in parts), alt=alt)


def _listed(key: str, total: Figure | None, label: str, items: list[Item], parts_label: str, complete: bool,
            alt: list[tuple[Figure, str]] | None = None, extra: list[tuple[Figure | None, str]] | None = None
            ) -> Breakdown | None:
    parts = [Part(n, lab) for n, lab in (extra or []) if n is not None] + [Part(i, i.label) for i in items]
    if total is None or not parts:
        return None
    return Breakdown(key, total, label, parts, parts_label, complete, listed=True, alt=alt or [])


def breakdowns(report: Report, nodes: Iterable[tuple[str, Any]] | None = None) -> list[Breakdown]:
    """Every total-and-parts relation the data declares, in document order; ``nodes``: a walk of ``report`` made
    already (:func:`toolkit.checks.common.nodes`), else it is walked."""
    b = report.budget
    totals = _totals(report)
    out: list[Breakdown | None] = []
    exp = b.expenditure
    if b.income is not None:
        out.append(_listed("income", b.income, "收入合计", b.income.items, "各项收入", True))
    if exp is not None:
        whole = [(exp, "支出合计")]
        out.append(_fixed(_FIXED["expenditure"], totals))
        out.append(_fixed(_FIXED["basic"], totals))
        p = exp.project
        if p is not None:
            out.append(_listed("project", p, "项目支出", p.items, "各项目支出", not p.items_partial, whole,
                               extra=[(p.operation, "运行维护经费")]))
            out.append(_listed("function", p, "项目支出", p.by_function, "项目支出各功能分类", True, whole))
            out.append(_listed("economic", p, "项目支出", p.by_economic, "项目支出各经济分类", True, whole))
        out.append(_listed("function", exp, "支出合计", exp.by_function, "各功能分类支出", True))
        out.append(_listed("economic", exp, "支出合计", exp.by_economic, "各经济分类支出", True))
    out.append(_fixed(_FIXED["three_public"], totals))
    out.append(_fixed(_FIXED["vehicle"], totals))
    out.append(_fixed(_FIXED["procurement"], totals))
    if b.procurement is not None:
        out.append(_listed("procurement", b.procurement, "政府采购", b.procurement.by_source, "按资金来源分各项", True))
    # 其中 parts of any labelled line (an income source, a functional class, a project …)
    for _path, node in walk(report, "") if nodes is None else nodes:
        if isinstance(node, Item) and node.items:
            out.append(_listed("of_which", node, node.label, node.items, "其中各项", False))
    return [x for x in out if x is not None]


def figures(report: Report, nodes: Iterable[tuple[str, Any]] | None = None) -> Iterator[Figure]:
    """Every budget figure in the report (walks the tree, so paths are current; ``nodes``: a walk made already,
    as :func:`breakdowns`)."""
    for _path, node in walk(report, "") if nodes is None else nodes:
        if isinstance(node, Figure):
            yield node


def text_labels(report: Report) -> dict[str, Decimal]:
    """Labels a report's text may use for its budget figures, with this year's amounts."""
    b = report.budget
    out: dict[str, Decimal] = {}

    def put(fig: Figure | None, *labels: str) -> None:
        if fig is not None and fig.amount is not None:
            for lb in labels + TEXT_ALIASES.get(fig.path, ()):
                out.setdefault(lb, fig.amount)

    exp = b.expenditure
    if exp is not None:
        put(exp)
        if exp.basic is not None:
            put(exp.basic, "基本支出")
            put(exp.basic.personnel)
            put(exp.basic.public)
        put(exp.project, "项目支出")
        for it in exp.by_function + exp.by_economic:
            put(it, it.label)
    if b.income is not None:
        put(b.income, *TEXT_ALIASES["budget.income"], b.income.label)
        for it in b.income.items:
            put(it, it.label)
    put(b.three_public)
    put(b.procurement)
    return out


# ----------------------------------------------------------------------------------------------------------------
# Amounts as printed: declared, or derived from the parts
# ----------------------------------------------------------------------------------------------------------------


def sum_of(values) -> Decimal | None:
    """Σ of the values given; None when none is given."""
    vals = [v for v in values if v is not None]
    return sum(vals, Decimal(0)) if vals else None


def amount(f: Figure | None, parts=()) -> Decimal | None:
    """A figure's amount as declared, else the sum of its parts' amounts (Figures or Decimals)."""
    if f is not None and f.amount is not None:
        return f.amount
    return sum_of(p if isinstance(p, Decimal) or p is None else p.amount for p in parts)


def derived_amount(f: Figure | None, key: str) -> Decimal | None:
    """The amount of a fixed breakdown's total (``key`` in :data:`FIXED`): declared, else Σ of its parts, each
    itself declared or derived."""
    if f is None:
        return None
    spec = _FIXED[key]
    parts = []
    for p in spec.parts:
        node = getattr(f, p.attr)
        parts.append(derived_amount(node, p.attr) if p.attr in _FIXED and node is not None
                     else (node.amount if node is not None else None))
    if key == "expenditure" and f.project is not None and f.project.amount is None:
        parts[1] = amount(f.project, f.project.items)
    return amount(f, parts)


# ----------------------------------------------------------------------------------------------------------------
# 自评表 按收入性质分: the form's fixed income rows
# ----------------------------------------------------------------------------------------------------------------

#: the rows of the 自评表's 按收入性质分, in the form's order (every Hunan form prints all four)
FORM_SOURCES = ("一般公共预算", "政府性基金拨款", "纳入专户管理的非税收入拨款", "其他资金")


def form_source(label: str) -> str:
    """Which 按收入性质分 row an income line belongs to, by the words of its label: 政府性基金…, 专户 / 非税…,
    一般公共预算 / 财政拨款 / 公共财政…; anything else (事业收入, 其他收入 …) is 其他资金."""
    if "政府性基金" in label:
        return FORM_SOURCES[1]
    if "专户" in label or "非税" in label:
        return FORM_SOURCES[2]
    if any(w in label for w in ("一般公共预算", "财政拨款", "公共财政")):
        return FORM_SOURCES[0]
    return FORM_SOURCES[3]


def by_form_source(items) -> list[tuple[str, Decimal | None]]:
    """The four rows with the sum of the income lines of each (None: no line of that kind), then each 上年结转 /
    结余 line under its own label: money of earlier years is no 本年 source, and is not hidden in 其他资金."""
    groups: dict[str, list[Decimal]] = {name: [] for name in FORM_SOURCES}
    carried = []
    for item in items:
        if item.amount is None:
            continue
        if "结转" in item.label or "结余" in item.label:
            carried.append((item.label, item.amount))
        else:
            groups[form_source(item.label)].append(item.amount)
    return [(name, sum_of(groups[name])) for name in FORM_SOURCES] + carried
