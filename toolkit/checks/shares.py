"""Shares and rates: every declared percentage (and 增减额) against the figures it is computed from.

A percentage declared with p decimals is right when it is within half a unit of its p-th decimal of the exact
ratio, widened by how far the ratio can move when the amounts it comes from are themselves rounded (0.005 万元
each). A percentage that is the exact ratio cut off instead of rounded (15.14% for 15.147%) is a warning.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..derive import execution_figures, full_budget
from ..findings import ERROR, WARNING, Finding, value_text
from ..load import Loaded
from ..model import Figure
from ..numbers import half_ulp, places, quantize, sum_tolerance, verdict
from ..rules import register
from .common import (HUNDRED, ZERO, breakdowns, diff_note, figures, headcount_total, label_of, money, money_ulp,
                     ratio_tolerance)

_EX = "data.yaml"
_RULES = [
    ("PCT001", "占比与金额不符",
     "每个写了占比（share）的数：占比 = 本数 ÷ 所属合计。所属合计：基本支出、项目支出、功能分类和经济分类各项为支出合计，"
     "收入各项为收入合计，人员经费、公用经费为基本支出，各项目为项目支出，“三公”经费各项为“三公”经费，"
     "“其中”各项为所属行；人员经费、公用经费和各项目的占比也可按支出合计计算。",
     f"{_EX}:44:7: PCT001 基本支出占支出合计的比例 15.51% ≠ 507.79 ÷ 3352.23 = 15.15%"),
    ("PCT002", "执行率与执行数、全年预算数不符",
     "执行率 = 执行数 ÷ 全年预算数（全年预算数未写时为年初预算数 + 调整数）。自评表“预算执行率”一行同样核对。",
     f"{_EX}:150:5: PCT002 预算执行率 100% ≠ 3352.23 ÷ 3452.23 = 97.10%"),
    ("PCT003", "比上年增减额与本年、上年数不符",
     "增减额 = 本年数 − 上年数（减少写负数）。差额在四舍五入范围内为警告。",
     "data.yaml:40:7: PCT003 基本支出比上年增减 -6.30 ≠ 405.84 − 411.87 = -6.03（差 0.27）"),
    ("PCT004", "比上年增减率与本年、上年数不符",
     "增减率 = (本年数 − 上年数) ÷ 上年数（减少写负数）。未写上年数而写了增减额时，上年数取本年数 − 增减额，"
     "由此核对增减额与增减率是否自洽。",
     "data.yaml:52:9: PCT004 公用经费比上年增减率 223.39% ≠ 37.98 ÷ 17.00 = 223.39%"),
    ("PCT005", "控制率与实际数、核定数不符",
     "在职人员控制率 = 实有人数 ÷ 编制数；楼堂馆所规模控制率 = 实际规模 ÷ 批复规模，投资概算控制率 = 实际投资 ÷ 预算投资。"
     "控制率常被直接填 100%：这里会暴露出来。",
     "examples/ziyang-gxj-2022.yaml:51:19: PCT005 在职人员控制率 100% ≠ 31 ÷ 33 = 93.94% [unit.staffing.control_rate]"),
    ("PCT007", "评分表中的实际完成值与数据算出的比率不符",
     "自评表中能由数据算出的指标，其实际完成值应与数据一致：在职人员控制率 = 实有人数 ÷ 编制数；预算执行率 = 全年执行数 ÷ "
     "全年预算数；公用经费控制率 = 公用经费决算数 ÷ 预算数；“三公”经费控制率 = “三公”经费决算数 ÷ 预算数。"
     "评分表与正文、基础数据表各填各的，是这类报告最常见的不一致。",
     "examples/ziyang-gxj-2022.yaml:253:23: PCT007 指标“在职人员控制率”实际完成值 98% ≠ 实有人数 ÷ 编制数 = 31 ÷ 33 = 93.94% [indicators.groups[0].children[3].indicators[0].actual]"),
    ("PCT008", "增减率所依据的上年数在报告中没有出现",
     "写了比上年增减率，却既没有上年数也没有增减额：读者无从核对，这个百分数也常常是用一个报告里没有的数算出来的。"
     "写出 previous（上年数）或 change（增减额）后，PCT004 会核对它。",
     "data.yaml:60:20: PCT008（警告） 项目支出写了比上年增减率 262.51%，但报告中没有上年数或增减额，无从核对"),
    ("PCT006", "同一组占比之和不等于 100%",
     "一组完整分解（如基本支出与项目支出、各收入来源）的占比之和应为 100%。各占比分别四舍五入后相加可能差一两个"
     "最小单位（如 100.01%），此时为警告；差得更多为错误。",
     f"{_EX}:30:5: PCT006（警告） 基本支出与项目支出的占比之和 100.01% ≠ 100%（差 0.01，可能为四舍五入误差）"),
]
_WARNINGS = {"PCT008"}
for _code, _title, _expl, _example in _RULES:
    register(_code, "shares", WARNING if _code in _WARNINGS else ERROR, _title, _expl, _example)


def compare_percent(declared: Decimal, computed: Decimal, spread: Decimal = ZERO) -> str:
    """``ok``, ``truncated`` (cut off rather than rounded: a warning) or ``error``.

    ``spread`` is how far the exact ratio can move because the figures it comes from are rounded.
    """
    half = half_ulp(declared)
    diff = declared - computed
    if abs(diff) <= half + spread:
        return "ok"
    ulp = half * 2
    if computed >= 0 and ZERO <= -diff < ulp + spread or computed < 0 and ZERO <= diff < ulp + spread:
        return "truncated"
    return "error"


def _pct(v: Decimal, declared: Decimal) -> str:
    return f"{quantize(v, max(places(declared), 2)):f}%"


def _rate_finding(loaded: Loaded, code: str, what: str, declared: Decimal, computed: Decimal, spread: Decimal,
                  formula: str, path: str, help: str | None = None) -> Finding | None:
    v = compare_percent(declared, computed, spread)
    if v == "ok":
        return None
    msg = f"{what} {declared:f}% ≠ {formula} = {_pct(computed, declared)}"
    if v == "truncated":
        msg += "（疑为截断而非四舍五入）"
    return loaded.finding(code, ERROR if v == "error" else WARNING, msg, path,
                          expected=_pct(computed, declared), found=f"{declared:f}%", help=help)


def run(loaded: Loaded) -> Iterable[Finding]:
    report = loaded.report
    yield from _shares(loaded)
    for f in figures(report):
        yield from _figure_rates(loaded, f)
    yield from _execution_indicator(loaded)
    yield from _control_rates(loaded)
    yield from _indicator_rates(loaded)


def _shares(loaded: Loaded) -> Iterable[Finding]:
    for b in breakdowns(loaded.report):
        present = b.present()
        amounts = [p.node.amount for p in present]
        total, ulp_total = b.total.amount, money_ulp(b.total.amount)
        if total is None and b.complete and all(a is not None for a in amounts):
            total = sum(amounts, ZERO)
            ulp_total = sum((money_ulp(a) for a in amounts), ZERO)
        for p in present:
            share, amount = p.node.share, p.node.amount
            if share is None or amount is None or total is None or total == 0:
                continue
            candidates = [(total, ulp_total, b.label)]
            candidates += [(alt.amount, money_ulp(alt.amount), name) for alt, name in b.alt
                           if alt.amount not in (None, ZERO)]
            results = []
            for base, ulp_base, name in candidates:
                computed = amount * HUNDRED / base
                spread = ratio_tolerance(amount, money_ulp(amount), base, ulp_base)
                results.append((compare_percent(share, computed, spread), computed, spread, base, name))
            if any(r[0] == "ok" for r in results):
                continue
            _v, computed, spread, base, name = results[0]
            f = _rate_finding(loaded, "PCT001", f"{p.label}占{name}的比例", share, computed, spread,
                              f"{money(amount)} ÷ {money(base)}", p.node.at("share"))
            if f is not None:
                yield f
        # the shares of a complete breakdown add up to 100 %
        shares = [p.node.share for p in present]
        if b.complete and len(present) > 1 and all(s is not None for s in shares):
            s = sum(shares, ZERO)
            v = verdict(s - HUNDRED, sum((half_ulp(x) for x in shares), ZERO))
            if v != "ok":
                yield loaded.finding(
                    "PCT006", ERROR if v == "error" else WARNING,
                    f"{b.parts_label}的占比之和 {s:f}% ≠ 100%"
                    + diff_note(s - HUNDRED, v == "rounding", show=lambda d: f"{d:f}"),
                    present[0].node.at("share"), expected="100%", found=f"{s:f}%")


def _figure_rates(loaded: Loaded, f: Figure) -> Iterable[Finding]:
    name = label_of(f)
    a, p = f.amount, f.previous
    if f.execution_rate is not None and a is not None:
        fb = full_budget(f)
        if fb is not None and fb != 0:
            e_fb = money_ulp(fb) if f.full_budget is not None else money_ulp(f.initial_budget) + money_ulp(f.adjustment)
            r = _rate_finding(loaded, "PCT002", f"{name}执行率", f.execution_rate, a * HUNDRED / fb,
                              ratio_tolerance(a, money_ulp(a), fb, e_fb), f"{money(a)} ÷ {money(fb)}",
                              f.at("execution_rate"))
            if r is not None:
                yield r
    if f.change is not None and a is not None and p is not None:
        c = a - p
        v = verdict(f.change - c, sum_tolerance(a, p, f.change))
        if v != "ok":
            help = "减少应写为负数（如 -6.03）" if f.change == -c else None
            yield loaded.finding(
                "PCT003", ERROR if v == "error" else WARNING,
                f"{name}比上年增减 {money(f.change)} ≠ {money(a)} − {money(p)} = {money(c)}"
                + diff_note(f.change - c, v == "rounding"),
                f.at("change"), expected=value_text(c), found=value_text(f.change), help=help)
    if f.change_rate is not None and a is not None:
        if p is not None:
            prev, e_prev = p, money_ulp(p)
        elif f.change is not None:
            prev, e_prev = a - f.change, money_ulp(a) + money_ulp(f.change)
        else:
            yield loaded.finding("PCT008", WARNING, f"{name}写了比上年增减率 {f.change_rate:f}%，但报告中没有上年数或增减额，"
                                 "无从核对", f.at("change_rate"), found=f"{f.change_rate:f}%",
                                 help="写出 previous（上年数）或 change（增减额）")
            return
        if prev == 0:
            return
        x = a - prev
        computed = x * HUNDRED / prev
        spread = ratio_tolerance(x, money_ulp(a) + e_prev, prev, e_prev)
        help = None
        if compare_percent(-f.change_rate, computed, spread) == "ok":
            help = "减少应写为负数（如 -11.14）"
        r = _rate_finding(loaded, "PCT004", f"{name}比上年增减率", f.change_rate, computed, spread,
                          f"{money(x)} ÷ {money(prev)}", f.at("change_rate"), help=help)
        if r is not None:
            yield r


def _execution_indicator(loaded: Loaded) -> Iterable[Finding]:
    ex = loaded.report.indicators.execution
    if ex is None or ex.rate is None:
        return
    _initial, full, actual = execution_figures(loaded.report)
    if full in (None, ZERO) or actual is None:
        return
    r = _rate_finding(loaded, "PCT002", "预算执行率", ex.rate, actual * HUNDRED / full,
                      ratio_tolerance(actual, money_ulp(actual), full, money_ulp(full)),
                      f"{money(actual)} ÷ {money(full)}", ex.at("rate"))
    if r is not None:
        yield r


def _control_rates(loaded: Loaded) -> Iterable[Finding]:
    st = loaded.report.unit.staffing
    if st is not None and st.control_rate is not None:
        actual, authorized = headcount_total(st.actual), headcount_total(st.authorized)
        if actual is not None and authorized:
            r = _rate_finding(loaded, "PCT005", "在职人员控制率", st.control_rate,
                              Decimal(actual) * HUNDRED / authorized, ZERO, f"{actual} ÷ {authorized}",
                              st.at("control_rate"))
            if r is not None:
                yield r
    bd = loaded.report.budget.buildings
    if bd is None:
        return
    for rate, num, den, what, ulp in (
        (bd.area_control_rate, bd.actual_area, bd.approved_area, "规模控制率", half_ulp),
        (bd.investment_control_rate, bd.actual_investment, bd.budget_investment, "投资概算控制率", money_ulp),
    ):
        if rate is None or num is None or not den:
            continue
        r = _rate_finding(loaded, "PCT005", what, rate, num * HUNDRED / den, ratio_tolerance(num, ulp(num), den, ulp(den)),
                          f"{num:f} ÷ {den:f}", bd.at("area_control_rate" if what == "规模控制率" else "investment_control_rate"))
        if r is not None:
            yield r


def _computable_rates(report) -> list[tuple[tuple[str, ...], str, Decimal, Decimal, Decimal]]:
    """Indicators whose actual value the data determines: (names, formula label, numerator, denominator, spread)."""
    out = []
    st = report.unit.staffing
    if st is not None:
        actual, authorized = headcount_total(st.actual), headcount_total(st.authorized)
        if actual is not None and authorized:
            out.append((("在职人员控制率", "人员控制率", "编制内在职人员控制率", "人员编制控制率"), "实有人数 ÷ 编制数",
                        Decimal(actual), Decimal(authorized), ZERO))
    _initial, full, spent = execution_figures(report)
    if full and spent is not None:
        out.append((("预算执行率", "部门预算执行率", "整体预算执行率"), "全年执行数 ÷ 全年预算数", spent, full,
                    ratio_tolerance(spent, money_ulp(spent), full, money_ulp(full))))
    exp = report.budget.expenditure
    candidates = [(("公用经费控制率",), exp.basic.public if exp and exp.basic else None),
                  (("“三公”经费控制率", "三公经费控制率", "\"三公\"经费控制率"), report.budget.three_public)]
    for names, fig in candidates:
        budget = full_budget(fig) if fig is not None else None
        if fig is not None and fig.amount is not None and budget:
            out.append((names, "决算数 ÷ 预算数", fig.amount, budget,
                        ratio_tolerance(fig.amount, money_ulp(fig.amount), budget, money_ulp(budget))))
    return out


def _indicator_rates(loaded: Loaded) -> Iterable[Finding]:
    from .scores import parse_value

    rates = _computable_rates(loaded.report)
    if not rates:
        return
    for _g1, _g2, ind in loaded.report.indicators.all_indicators():
        actual = parse_value(ind.actual)
        if actual is None or actual.op is not None or actual.unit != "%":
            continue
        name = ind.name.strip().replace(" ", "")
        for names, formula, num, den, spread in rates:
            if name not in names:
                continue
            numbers = f"{num:f} ÷ {den:f}" if spread == ZERO else f"{money(num)} ÷ {money(den)}"
            r = _rate_finding(loaded, "PCT007", f"指标“{ind.name}”实际完成值", actual.number, num * HUNDRED / den,
                              spread, f"{formula} = {numbers}", ind.at("actual"))
            if r is not None:
                yield r
