"""Shares and rates: every declared percentage (and 增减额) against the figures it is computed from.

Each percentage is judged by :func:`toolkit.domain.tolerance.percent_verdict`: right when it is the exact ratio
rounded half up to the decimals it is written with; a warning when it matches only within the rounding of the
amounts it comes from (0.005 万元 each), or when it is the ratio cut off instead of rounded (15.14% for 15.147%);
an error beyond.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Callable, Iterable

from ..domain.budget import breakdowns, figures, label_of
from ..domain.execution import execution_figures, full_budget
from ..domain.scoring import parse_value
from ..domain.staffing import control_figures
from ..domain.tolerance import ROUNDING_NOTE, Kind, Verdict, half_unit, percent_verdict, ratio_spread, sum_verdict
from ..findings import ERROR, WARNING, Finding, value_text
from ..load import Loaded
from ..model import Figure
from ..numbers import places, quantize, round_to
from ..rules import Rule
from .common import HUNDRED, ZERO, diff_note, money, nodes, shared

_EX = "data.yaml"
PCT001 = Rule("PCT001", "shares", ERROR, "占比与金额不符",
    "每个写了占比（share）的数：占比 = 本数 ÷ 所属合计。所属合计：基本支出、项目支出、功能分类和经济分类各项为支出合计，"
    "收入各项为收入合计，人员经费、公用经费为基本支出，各项目为项目支出，“三公”经费各项为“三公”经费，"
    "“其中”各项为所属行；人员经费、公用经费和各项目的占比也可按支出合计计算。",
    f"{_EX}:44:7: PCT001 基本支出占支出合计的比例 15.51% ≠ 507.79 ÷ 3352.23 = 15.15%")
PCT002 = Rule("PCT002", "shares", ERROR, "执行率与执行数、全年预算数不符",
    "执行率 = 执行数 ÷ 全年预算数（全年预算数未写时为年初预算数 + 调整数）。自评表“预算执行率”一行同样核对。",
    f"{_EX}:150:5: PCT002 预算执行率 100% ≠ 3352.23 ÷ 3452.23 = 97.10%")
PCT003 = Rule("PCT003", "shares", ERROR, "比上年增减额与本年、上年数不符",
    "增减额 = 本年数 − 上年数（减少写负数）。差额在四舍五入范围内为警告。",
    "data.yaml:40:7: PCT003 基本支出比上年增减 -6.30 ≠ 405.84 − 411.87 = -6.03（差 0.27）")
PCT004 = Rule("PCT004", "shares", ERROR, "比上年增减率与本年、上年数不符",
    "增减率 = (本年数 − 上年数) ÷ 上年数（减少写负数）。未写上年数而写了增减额时，上年数取本年数 − 增减额，"
    "由此核对增减额与增减率是否自洽。",
    "data.yaml:52:9: PCT004 公用经费比上年增减率 223.39% ≠ 37.98 ÷ 17.00 = 223.39%")
PCT005 = Rule("PCT005", "shares", ERROR, "控制率与实际数、核定数不符",
    "在职人员控制率 = 实有人数 ÷ 编制数；楼堂馆所规模控制率 = 实际规模 ÷ 批复规模，投资概算控制率 = 实际投资 ÷ 预算投资。"
    "控制率常被直接填 100%：这里会暴露出来。",
    "examples/ziyang-gxj-2022.yaml:51:19: PCT005 在职人员控制率 100% ≠ 31 ÷ 33 = 93.94% [unit.staffing.control_rate]")
PCT007 = Rule("PCT007", "shares", ERROR, "评分表中的实际完成值与数据算出的比率不符",
    "自评表中能由数据算出的指标，其实际完成值应与数据一致：在职人员控制率 = 实有人数 ÷ 编制数；预算执行率 = 全年执行数 ÷ "
    "全年预算数；公用经费控制率 = 公用经费决算数 ÷ 预算数；“三公”经费控制率 = “三公”经费决算数 ÷ 预算数。"
    "评分表与正文、基础数据表各填各的，是这类报告最常见的不一致。",
    "examples/ziyang-gxj-2022.yaml:253:23: PCT007 指标“在职人员控制率”实际完成值 98% ≠ 实有人数 ÷ 编制数 = 31 ÷ 33 = 93.94% [indicators.groups[0].children[3].indicators[0].actual]")
PCT008 = Rule("PCT008", "shares", WARNING, "增减率所依据的上年数在报告中没有出现",
    "写了比上年增减率，却既没有上年数也没有增减额：读者无从核对，这个百分数也常常是用一个报告里没有的数算出来的。"
    "写出 previous（上年数）或 change（增减额）后，PCT004 会核对它。",
    "data.yaml:60:20: PCT008（警告） 项目支出写了比上年增减率 262.51%，但报告中没有上年数或增减额，无从核对")
PCT006 = Rule("PCT006", "shares", ERROR, "同一组占比之和不等于 100%",
    "一组完整分解（如基本支出与项目支出、各收入来源）的占比之和应为 100%。各占比分别四舍五入后相加可能差一两个"
    "最小单位（如 100.01%），此时为警告；差得更多为错误。",
    f"{_EX}:30:5: PCT006（警告） 基本支出与项目支出的占比之和 100.01% ≠ 100%（差 0.01，{ROUNDING_NOTE}）")


def _ulp(v: Decimal | None) -> Decimal:
    """Half a unit in the last published place of an amount (0.005 万元 when written with two decimals or fewer)."""
    return half_unit(v, Kind.MONEY) if v is not None else ZERO


def _spread(num: Decimal, den: Decimal, num_tol: Decimal | None = None, den_tol: Decimal | None = None) -> Decimal:
    return ratio_spread(num, _ulp(num) if num_tol is None else num_tol, den, _ulp(den) if den_tol is None else den_tol)


def _pct(v: Decimal, declared: Decimal) -> str:
    return f"{quantize(v, max(places(declared), 2)):f}%"


def _right(declared: Decimal, computed: Decimal) -> bool:
    """Whether :func:`percent_verdict` finds ``declared`` right (the computed rate rounded to its places is it),
    whatever the spread: most rates are, and need neither their spread nor their message."""
    return round_to(computed, places(declared)) == declared


def _rate_finding(loaded: Loaded, rule: Rule, what: str, declared: Decimal, computed: Decimal,
                  spread: "Decimal | Callable[[], Decimal]", formula: "str | Callable[[], str]", path: str,
                  help: str | None = None) -> Finding | None:
    """The finding of a declared rate against the computed one, None when it is right; ``spread`` and ``formula``
    may be given as functions, called only for a rate that is not right."""
    if _right(declared, computed):
        return None
    v = percent_verdict(declared, computed, spread if isinstance(spread, Decimal) else spread())
    if v is Verdict.OK:
        return None
    formula = formula if isinstance(formula, str) else formula()
    msg = f"{what} {declared:f}% ≠ {formula} = {_pct(computed, declared)}"
    return loaded.finding(rule, msg, path, v, expected=_pct(computed, declared), found=f"{declared:f}%", help=help)


def run(loaded: Loaded) -> Iterable[Finding]:
    report = loaded.report
    yield from _shares(loaded)
    for f in shared(loaded, "figures", lambda: list(figures(report, nodes(loaded)))):
        yield from _figure_rates(loaded, f)
    yield from _execution_indicator(loaded)
    yield from _control_rates(loaded)
    yield from _indicator_rates(loaded)


def _shares(loaded: Loaded) -> Iterable[Finding]:
    for b in shared(loaded, "breakdowns", lambda: breakdowns(loaded.report, nodes(loaded))):
        present = b.present()
        amounts = [p.node.amount for p in present]
        total, ulp_total = b.total.amount, _ulp(b.total.amount)
        if total is None and b.complete and all(a is not None for a in amounts):
            total = sum(amounts, ZERO)
            ulp_total = sum((_ulp(a) for a in amounts), ZERO)
        for p in present:
            share, amount = p.node.share, p.node.amount
            if share is None or amount is None or total is None or total == 0:
                continue
            candidates = [(total, ulp_total, b.label)]
            candidates += [(alt.amount, _ulp(alt.amount), name) for alt, name in b.alt
                           if alt.amount not in (None, ZERO)]
            results, right = [], False
            for base, ulp_base, name in candidates:
                computed = amount * HUNDRED / base
                if _right(share, computed):  # right against one base: no finding (no spread needed)
                    right = True
                    break
                spread = _spread(amount, base, den_tol=ulp_base)
                results.append((percent_verdict(share, computed, spread), computed, spread, base, name))
            if right or any(r[0] is Verdict.OK for r in results):
                continue
            _v, computed, spread, base, name = min(results, key=lambda r: _SEVERITY[r[0]])
            f = _rate_finding(loaded, PCT001, f"{p.label}占{name}的比例", share, computed, spread,
                              f"{money(amount)} ÷ {money(base)}", p.node.at("share"))
            if f is not None:
                yield f
        # the shares of a complete breakdown add up to 100 %
        shares = [p.node.share for p in present]
        if b.complete and len(present) > 1 and all(s is not None for s in shares):
            v, s = sum_verdict(shares, HUNDRED, Kind.PERCENT, total_exact=True)
            if v is not Verdict.OK:
                yield loaded.finding(PCT006, f"{b.parts_label}的占比之和 {s:f}% ≠ 100%"
                                     + diff_note(s - HUNDRED, show=lambda d: f"{d:f}"),
                                     present[0].node.at("share"), v, expected="100%", found=f"{s:f}%")


#: which candidate's verdict is reported when none is right: the mildest
_SEVERITY = {Verdict.OK: 0, Verdict.ROUNDING: 1, Verdict.TRUNCATED: 2, Verdict.DOUBT: 3, Verdict.WRONG: 4}


def _figure_rates(loaded: Loaded, f: Figure) -> Iterable[Finding]:
    name = label_of(f)
    a, p = f.amount, f.previous
    if f.execution_rate is not None and a is not None:
        fb = full_budget(f)
        if fb is not None and fb != 0:
            def spread() -> Decimal:
                e_fb = _ulp(fb) if f.full_budget is not None else _ulp(f.initial_budget) + _ulp(f.adjustment)
                return _spread(a, fb, den_tol=e_fb)
            r = _rate_finding(loaded, PCT002, f"{name}执行率", f.execution_rate, a * HUNDRED / fb, spread,
                              lambda: f"{money(a)} ÷ {money(fb)}", f.at("execution_rate"))
            if r is not None:
                yield r
    if f.change is not None and a is not None and p is not None:
        c = a - p
        v, _s = sum_verdict([a, -p], f.change, Kind.MONEY)
        if v is not Verdict.OK:
            help = "减少应写为负数（如 -6.03）" if f.change == -c else None
            yield loaded.finding(
                PCT003, f"{name}比上年增减 {money(f.change)} ≠ {money(a)} − {money(p)} = {money(c)}"
                + diff_note(f.change - c), f.at("change"), v, expected=value_text(c), found=value_text(f.change),
                help=help)
    if f.change_rate is not None and a is not None:
        if p is not None:
            prev, e_prev = p, _ulp(p)
        elif f.change is not None:
            prev, e_prev = a - f.change, _ulp(a) + _ulp(f.change)
        else:
            yield loaded.finding(PCT008, f"{name}写了比上年增减率 {f.change_rate:f}%，但报告中没有上年数或增减额，"
                                 "无从核对", f.at("change_rate"), found=f"{f.change_rate:f}%",
                                 help="写出 previous（上年数）或 change（增减额）")
            return
        if prev == 0:
            return
        x = a - prev
        computed = x * HUNDRED / prev
        if _right(f.change_rate, computed):
            return
        spread = _spread(x, prev, _ulp(a) + e_prev, e_prev)
        help = None
        if percent_verdict(-f.change_rate, computed, spread) is Verdict.OK:
            help = "减少应写为负数（如 -11.14）"
        r = _rate_finding(loaded, PCT004, f"{name}比上年增减率", f.change_rate, computed, spread,
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
    r = _rate_finding(loaded, PCT002, "预算执行率", ex.rate, actual * HUNDRED / full, lambda: _spread(actual, full),
                      lambda: f"{money(actual)} ÷ {money(full)}", ex.at("rate"))
    if r is not None:
        yield r


def _control_rates(loaded: Loaded) -> Iterable[Finding]:
    st = loaded.report.unit.staffing
    heads = control_figures(st)
    if st is not None and st.control_rate is not None and heads is not None:
        actual, authorized = heads
        r = _rate_finding(loaded, PCT005, "在职人员控制率", st.control_rate, Decimal(actual) * HUNDRED / authorized,
                          ZERO, f"{actual} ÷ {authorized}", st.at("control_rate"))
        if r is not None:
            yield r
    bd = loaded.report.budget.buildings
    if bd is None:
        return
    for rate, num, den, what, kind in (
        (bd.area_control_rate, bd.actual_area, bd.approved_area, "规模控制率", Kind.NUMBER),
        (bd.investment_control_rate, bd.actual_investment, bd.budget_investment, "投资概算控制率", Kind.MONEY),
    ):
        if rate is None or num is None or not den:
            continue
        spread = ratio_spread(num, half_unit(num, kind), den, half_unit(den, kind))
        r = _rate_finding(loaded, PCT005, what, rate, num * HUNDRED / den, spread, f"{num:f} ÷ {den:f}",
                          bd.at("area_control_rate" if what == "规模控制率" else "investment_control_rate"))
        if r is not None:
            yield r


def _computable_rates(report) -> list[tuple[tuple[str, ...], str, Decimal, Decimal, Decimal]]:
    """Indicators whose actual value the data determines: (names, formula label, numerator, denominator, spread)."""
    out = []
    heads = control_figures(report.unit.staffing)
    if heads is not None:
        out.append((("在职人员控制率", "人员控制率", "编制内在职人员控制率", "人员编制控制率"), "实有人数 ÷ 编制数",
                    Decimal(heads[0]), Decimal(heads[1]), ZERO))
    _initial, full, spent = execution_figures(report)
    if full and spent is not None:
        out.append((("预算执行率", "部门预算执行率", "整体预算执行率"), "全年执行数 ÷ 全年预算数", spent, full,
                    _spread(spent, full)))
    exp = report.budget.expenditure
    candidates = [(("公用经费控制率",), exp.basic.public if exp and exp.basic else None),
                  (("“三公”经费控制率", "三公经费控制率", "\"三公\"经费控制率"), report.budget.three_public)]
    for names, fig in candidates:
        budget = full_budget(fig) if fig is not None else None
        if fig is not None and fig.amount is not None and budget:
            out.append((names, "决算数 ÷ 预算数", fig.amount, budget, _spread(fig.amount, budget)))
    return out


def _indicator_rates(loaded: Loaded) -> Iterable[Finding]:
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
            def written(num=num, den=den, spread=spread, formula=formula) -> str:
                numbers = f"{num:f} ÷ {den:f}" if spread == ZERO else f"{money(num)} ÷ {money(den)}"
                return f"{formula} = {numbers}"
            r = _rate_finding(loaded, PCT007, f"指标“{ind.name}”实际完成值", actual.number, num * HUNDRED / den,
                              spread, written, ind.at("actual"))
            if r is not None:
                yield r
