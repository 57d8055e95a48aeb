"""Sums: every declared total against its parts, in every budget column given (本年, 上年, 年初预算, 全年预算),
head counts against their kinds, indicator group weights against their children.

Decisions:

* A breakdown whose parts are all given must add up to its total exactly, or within the rounding of the figures
  involved (a warning). When a part is left out (only 人员经费 given, not 公用经费), the parts given may not exceed
  the total but may fall short of it.
* A list of lines (income sources, functional classes, projects) is the whole of its total: a line without a value
  in one column (a project that only existed last year) counts as 0 in that column.
* 项目支出 lists (``budget.expenditure.project.items``, plus ``operation`` 运行维护经费, which Hunan's 附件1 prints as
  the first project row) must add up to 项目支出, unless ``items_partial: true`` says they name only some projects
  ("主要是增加了以下项目支出"): then their sum may fall short of 项目支出 but may not exceed it.
* 其中 rows (an Item's ``items``) are "of which": they may not exceed their line, and need not add up to it.
* A total left at 0 while its parts are filled is its own rule (SUM008), the typical copy-last-year's-table slip.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..domain.budget import COLUMNS, Breakdown, breakdowns
from ..domain.scoring import level1_weight, level2_weight
from ..domain.staffing import headcount_total, kinds
from ..domain.tolerance import ROUNDING_NOTE, Kind, Verdict, sum_verdict
from ..findings import ERROR, Finding, value_text
from ..load import Loaded
from ..rules import Rule
from .common import ZERO, diff_note, money, nodes, number, shared

_EX = "data.yaml"
SUM001 = Rule("SUM001", "sums", ERROR, "基本支出不等于人员经费与公用经费之和",
    "基本支出 = 人员经费 + 公用经费。逐列核对本年、上年、年初预算数、全年预算数。差额在各数四舍五入的范围内"
    "（每个数最多 0.005 万元）为警告，超出为错误。基本支出是报告“一般公共预算支出情况”的第一个数，"
    "一处抄错会在正文、附件1 和自评表中重复出现。",
    f"examples/ziyang-gxj-2022.yaml:68:15: SUM001（警告） 人员经费与公用经费之和 507.80 ≠ 基本支出 507.79（差 0.01，{ROUNDING_NOTE}） [budget.expenditure.basic.amount]")
SUM002 = Rule("SUM002", "sums", ERROR, "支出合计不等于基本支出与项目支出之和",
    "支出合计 = 基本支出 + 项目支出（逐列核对）。结余资金不是支出：把结余算进支出合计（如“共计支出 12829.26 万元，"
    "其中基本支出、项目支出、结余资金”）会在这里出现差额。",
    f"{_EX}:60:7: SUM002 上年基本支出与项目支出之和 642.28 ≠ 上年支出合计 707.74（差 65.46）")
SUM003 = Rule("SUM003", "sums", ERROR, "收入合计不等于各项收入之和",
    "收入合计 = 各收入来源（一般公共预算财政拨款、政府性基金、事业收入、其他收入、上年结转 …）之和，逐列核对。",
    f"{_EX}:20:5: SUM003 各项收入之和 3352.23 ≠ 收入合计 3352.32（差 0.09）")
SUM004 = Rule("SUM004", "sums", ERROR, "支出合计不等于各功能分类支出之和",
    "按支出功能分类（类）列出的各项支出之和应等于支出合计（expenditure.by_function），或项目支出"
    "（project.by_function，报告只对项目支出分类时）。",
    f"{_EX}:30:5: SUM004 各功能分类支出之和 2844.44 ≠ 支出合计 3352.23（差 507.79）")
SUM005 = Rule("SUM005", "sums", ERROR, "支出合计不等于各经济分类支出之和",
    "按经济分类（工资福利支出、商品和服务支出、对个人和家庭的补助、资本性支出 …）列出的各项之和应等于支出合计。",
    f"{_EX}:30:5: SUM005 各经济分类支出之和 3350.23 ≠ 支出合计 3352.23（差 2.00）")
SUM006 = Rule("SUM006", "sums", ERROR, "各项目支出之和与项目支出不符",
    "所列项目（连同运行维护经费，即附件1 项目支出下的第一行）之和应等于项目支出，逐列核对；某项目某列未填（如只在上年"
    "有的项目）按 0 计。报告只列主要项目时（“主要是增加了以下项目支出”），在 project 下写 items_partial: true："
    "此时各项目之和可以小于项目支出，但不能超过它。",
    f"{_EX}:48:7: SUM006 各项目支出之和 2944.44 ≠ 项目支出 2844.44（差 100.00）")
SUM007 = Rule("SUM007", "sums", ERROR, "“其中”各项之和超过所属项目",
    "“其中”行是所属行的一部分：它们的和可以小于所属行（未全部列出），但不能超过它。",
    f"{_EX}:25:9: SUM007 其中各项之和 120.00 超过 一般公共预算财政拨款收入 100.00（差 20.00）")
SUM008 = Rule("SUM008", "sums", ERROR, "合计为 0 而其中各项不为 0",
    "合计行填 0（或留作 0）而下面的分项已填：通常是复制上年表格后只改了分项。合计应等于分项之和。",
    f"{_EX}:88:7: SUM008 “三公”经费为 0，而因公出国（境）费、公务用车购置及运行维护费与公务接待费之和为 3.20")
SUM009 = Rule("SUM009", "sums", ERROR, "“三公”经费不等于三项之和",
    "“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费（逐列核对）。",
    f"{_EX}:88:7: SUM009 因公出国（境）费、公务用车购置及运行维护费与公务接待费之和 3.20 ≠ “三公”经费 3.50（差 0.30）")
SUM010 = Rule("SUM010", "sums", ERROR, "公务用车购置及运行维护费不等于购置费与运行维护费之和",
    "公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费。",
    f"{_EX}:92:9: SUM010 公务用车购置费与公务用车运行维护费之和 2.00 ≠ 公务用车购置及运行维护费 2.50（差 0.50）")
SUM011 = Rule("SUM011", "sums", ERROR, "政府采购金额不等于货物、工程、服务之和",
    "政府采购 = 货物 + 工程 + 服务（逐列核对）。",
    f"{_EX}:100:7: SUM011 货物、工程与服务之和 1000.00 ≠ 政府采购 1045.45（差 45.45）")
SUM012 = Rule("SUM012", "sums", ERROR, "编制数或实有人数的合计不等于各类人数之和",
    "编制数（行政、事业、工勤、其他）与实有人数的合计应等于各类之和。人数是整数，必须相等。",
    f"{_EX}:12:7: SUM012 编制数各类之和 21 ≠ 编制数合计 33（差 12）")
SUM013 = Rule("SUM013", "sums", ERROR, "实有人数与退休人数之和不等于人员共计",
    "报告写“实有在编 N 人，退休 M 人，共计 T 人”时，T = N + M。",
    f"{_EX}:18:5: SUM013 实有人数与退休人员之和 106 ≠ 人员共计 107（差 1）")
SUM014 = Rule("SUM014", "sums", ERROR, "内设机构个数与所列机构不符",
    "“内设科室 6 个”后列出的机构名称应正好 6 个。",
    f"{_EX}:9:3: SUM014 内设机构列出 7 个 ≠ 所写个数 6 个")
SUM015 = Rule("SUM015", "sums", ERROR, "二级指标分值不等于其三级指标分值之和",
    "每个二级指标（数量、质量、时效、成本 …）的分值应等于其下三级指标分值之和。",
    f"{_EX}:130:9: SUM015 “质量指标”下三级指标分值之和 20 ≠ 二级指标分值 15（差 5）")
SUM016 = Rule("SUM016", "sums", ERROR, "一级指标分值不等于其二级指标分值之和",
    "每个一级指标（产出、效益、满意度 …）的分值应等于其下二级指标分值之和。",
    f"{_EX}:120:7: SUM016 “产出指标”下二级指标分值之和 50 ≠ 一级指标分值 40（差 10）")
SUM017 = Rule("SUM017", "sums", ERROR, "全部指标分值之和不等于 100（或所写总分值）",
    "预算执行率与各一级指标的分值之和应等于总分值，总分值为 100。分值不足或超出 100 时，得分与等级都失去意义。",
    f"{_EX}:118:3: SUM017 全部指标分值之和（含预算执行率） 95 ≠ 总分值 100（差 5）")

#: the rule that checks each kind of breakdown (:func:`toolkit.domain.budget.breakdowns`)
_RULE = {"expenditure": SUM002, "basic": SUM001, "income": SUM003, "function": SUM004, "economic": SUM005,
         "project": SUM006, "of_which": SUM007, "three_public": SUM009, "vehicle": SUM010, "procurement": SUM011}


def run(loaded: Loaded) -> Iterable[Finding]:
    report = loaded.report
    for b in shared(loaded, "breakdowns", lambda: breakdowns(report, nodes(loaded))):
        yield from _breakdown(loaded, b)
    staffing = report.unit.staffing
    if staffing is not None:
        yield from _staffing(loaded, staffing)
    unit = report.unit
    if unit.departments_count is not None and unit.departments:
        n, d = len(unit.departments), unit.departments_count
        if n != d:
            yield loaded.finding(SUM014, f"内设机构列出 {n} 个 ≠ 所写个数 {d} 个", unit.at("departments_count"),
                                 expected=str(n), found=str(d))
    yield from _weights(loaded)


def _breakdown(loaded: Loaded, b: Breakdown) -> Iterable[Finding]:
    for col, pre, suf in COLUMNS:
        total = getattr(b.total, col)
        if total is None:
            continue
        values = [getattr(p.node, col) for p in b.present()]
        given = [v for v in values if v is not None]
        if not given:
            continue
        exact = b.complete and (b.listed or len(given) == len(b.parts))
        s = sum(given, ZERO)
        path = b.total.at(col)
        parts = f"{pre}{b.parts_label}{suf}"
        whole = f"{pre}{b.label}{suf}"
        if total == 0 and s != 0:
            yield loaded.finding(SUM008, f"{whole}为 0，而{parts}之和为 {money(s)}", path,
                                 expected=value_text(s), found=value_text(total),
                                 help="合计行应填分项之和，或核对是否复制了上年表格")
            continue
        diff = s - total
        if not exact and diff <= 0:
            continue  # a partial list may fall short of its total
        v, _s = sum_verdict(given, total, Kind.MONEY)
        if v is Verdict.OK:
            continue
        if exact:
            msg = f"{parts}之和 {money(s)} ≠ {whole} {money(total)}"
        else:
            msg = f"{parts}之和 {money(s)} 超过 {whole} {money(total)}"
        yield loaded.finding(_RULE[b.key], msg + diff_note(diff), path, v,
                             expected=value_text(s), found=value_text(total), help=_hint(b, col, s))


def _hint(b: Breakdown, col: str, s: Decimal) -> str | None:
    """When a breakdown of 支出合计 adds up exactly to 基本支出 or 项目支出, it is probably that one's breakdown."""
    exp = b.total
    if b.key not in ("function", "economic"):
        return None
    for part, name in ((getattr(exp, "basic", None), "基本支出"), (getattr(exp, "project", None), "项目支出")):
        if part is not None and getattr(part, col) == s:
            return f"各项之和恰等于{name}：所列可能只是{name}的分类，而不是全部支出的分类"
    return None


def _staffing(loaded: Loaded, st) -> Iterable[Finding]:
    for hc, name in ((st.authorized, "编制数"), (st.actual, "实有人数")):
        if hc is None or hc.total is None:
            continue
        ks = kinds(hc)
        if not ks:
            continue
        s = sum(ks)
        if s != hc.total:
            yield loaded.finding(SUM012,
                                 f"{name}各类之和 {s} ≠ {name}合计 {hc.total}（差 {abs(s - hc.total)}）",
                                 hc.at("total"), expected=str(s), found=str(hc.total))
    if st.total is not None and st.retired is not None:
        actual = headcount_total(st.actual)
        if actual is not None and actual + st.retired != st.total:
            s = actual + st.retired
            yield loaded.finding(SUM013,
                                 f"实有人数与退休人员之和 {s} ≠ 人员共计 {st.total}（差 {abs(s - st.total)}）",
                                 st.at("total"), expected=str(s), found=str(st.total))


def _weights(loaded: Loaded) -> Iterable[Finding]:
    ind = loaded.report.indicators
    if not ind.groups:
        return
    total = ZERO
    for g1 in ind.groups:
        for g2 in g1.children:
            if g2.weight is not None and g2.indicators:
                s = sum((i.weight for i in g2.indicators), ZERO)
                if s != g2.weight:
                    yield _weight_finding(loaded, SUM015, f"“{g2.name}”下三级指标分值之和", "二级指标分值",
                                          s, g2.weight, g2.at("weight"))
        if g1.weight is not None and g1.children:
            s = sum((level2_weight(c) for c in g1.children), ZERO)
            if s != g1.weight:
                yield _weight_finding(loaded, SUM016, f"“{g1.name}”下二级指标分值之和", "一级指标分值",
                                      s, g1.weight, g1.at("weight"))
        total += level1_weight(g1)
    what = "全部指标分值之和"
    if ind.execution is not None:
        total += ind.execution.weight
        what += "（含预算执行率）"
    declared = ind.total_weight
    if declared is not None and total != declared:
        yield _weight_finding(loaded, SUM017, what, "总分值", total, declared, ind.at("total_weight"))
    elif declared is not None and declared != 100:
        yield _weight_finding(loaded, SUM017, "满分", "总分值", Decimal(100), declared, ind.at("total_weight"))
    elif declared is None and total != 100:
        yield _weight_finding(loaded, SUM017, what, "满分", total, Decimal(100), ind.at("groups"),
                              expected=Decimal(100), found=total)


def _weight_finding(loaded: Loaded, rule: Rule, parts: str, whole: str, s: Decimal, declared: Decimal, path: str,
                    expected: Decimal | None = None, found: Decimal | None = None) -> Finding:
    return loaded.finding(rule, f"{parts} {number(s)} ≠ {whole} {number(declared)}（差 {number(abs(s - declared))}）",
                          path, expected=value_text(expected if expected is not None else s),
                          found=value_text(found if found is not None else declared))
