"""Balance: 收入总计 = 支出合计 + 年末结转和结余; 全年预算数 = 年初预算数 + 调整数; the 预算执行率 figures of the
自评表 against the expenditure they default to.

上年结转 (年初结转和结余) counts as income. It is either one of ``budget.income.items`` (a label containing 结转 or
结余, as in "上年结转收入 401.27 万元"), already inside ``budget.income.amount``, or ``budget.carryover.opening``
alone, which is then added to the income total. The balance is only checked when ``budget.carryover.closing`` is
given (a missing closing balance is unknown, not zero).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..domain.budget import figures, label_of
from ..domain.execution import full_budget
from ..domain.tolerance import Kind, Verdict, sum_verdict
from ..findings import ERROR, Finding, value_text
from ..load import Loaded
from ..rules import Rule
from .common import diff_note, money, nodes, shared

_EX = "data.yaml"
BAL001 = Rule("BAL001", "balance", ERROR, "收支不平衡：收入总计不等于支出合计与年末结转和结余之和",
         "收入总计（含上年结转）= 支出合计 + 年末结转和结余。上年结转写在收入各项中（标签含“结转”或“结余”）时已计入收入合计；"
         "只写在 carryover.opening 时加到收入合计上。只有给出年末结转和结余（carryover.closing）时才核对。"
         "常见错误是把结余资金算进支出合计。",
         "examples/bishan-jxw-2021.yaml:45:13: BAL001 支出合计与年末结转和结余之和 12853.07 ≠ 收入总计 12829.26（差 23.81） [budget.income.amount]")
BAL002 = Rule("BAL002", "balance", ERROR, "全年预算数不等于年初预算数与调整数之和",
         "每个同时写了年初预算数、调整（追加）数和全年预算数的数字：全年预算数 = 年初预算数 + 调整数（调减写负数）。",
         f"{_EX}:44:9: BAL002 基本支出年初预算数与调整数之和 507.79 ≠ 全年预算数 507.97（差 0.18）")
BAL003 = Rule("BAL003", "balance", ERROR, "自评表预算执行率的预算数或执行数与支出数不一致",
         "自评表“预算执行率”一行的年初预算数、全年预算数、全年执行数，应与报告其他部分的支出合计一致"
         "（未在 indicators.execution 下填写时即取自 budget.expenditure）。",
         f"{_EX}:150:5: BAL003 自评表年初预算数 498.36 ≠ 支出合计年初预算数 2898.19（差 2399.83）")


def run(loaded: Loaded) -> Iterable[Finding]:
    yield from _balance(loaded)
    yield from _stages(loaded)
    yield from _execution(loaded)


def _is_carryover(label: str) -> bool:
    return "结转" in label or "结余" in label


def _balance(loaded: Loaded) -> Iterable[Finding]:
    b = loaded.report.budget
    inc, exp, co = b.income, b.expenditure, b.carryover
    if inc is None or exp is None or co is None or co.closing is None:
        return
    opening_in_items = any(_is_carryover(i.label) for i in inc.items)
    for col, pre in (("amount", ""), ("previous", "上年")):
        income, spent, closing = getattr(inc, col), getattr(exp, col), getattr(co.closing, col)
        if income is None or spent is None or closing is None:
            continue
        involved = [income, spent, closing]
        total_in = income
        if not opening_in_items and co.opening is not None and getattr(co.opening, col) is not None:
            total_in = income + getattr(co.opening, col)
            involved.append(getattr(co.opening, col))
        out = spent + closing
        diff = out - total_in
        v, _s = sum_verdict(involved[1:3] + [-x for x in involved[3:]], income, Kind.MONEY)
        if v is Verdict.OK:
            continue
        yield loaded.finding(
            BAL001, f"{pre}支出合计与年末结转和结余之和 {money(out)} ≠ {pre}收入总计 {money(total_in)}" + diff_note(diff),
            inc.at(col), v, expected=value_text(out), found=value_text(total_in),
            help="结余资金不是支出：支出合计只含基本支出和项目支出")


def _stages(loaded: Loaded) -> Iterable[Finding]:
    for f in shared(loaded, "figures", lambda: list(figures(loaded.report, nodes(loaded)))):
        if f.initial_budget is None or f.adjustment is None or f.full_budget is None:
            continue
        s = f.initial_budget + f.adjustment
        diff = s - f.full_budget
        v, _s = sum_verdict([f.initial_budget, f.adjustment], f.full_budget, Kind.MONEY)
        if v is Verdict.OK:
            continue
        name = label_of(f)
        yield loaded.finding(
            BAL002, f"{name}年初预算数与调整数之和 {money(s)} ≠ 全年预算数 {money(f.full_budget)}" + diff_note(diff),
            f.at("full_budget"), v, expected=value_text(s), found=value_text(f.full_budget))


def _stage(exp, get) -> Decimal | None:
    """A budget stage of the expenditure: declared, or 基本支出 + 项目支出 when both give it."""
    own = get(exp)
    if own is not None:
        return own
    parts = [get(p) if p is not None else None for p in (exp.basic, exp.project)]
    return parts[0] + parts[1] if None not in parts else None


def _execution(loaded: Loaded) -> Iterable[Finding]:
    ex = loaded.report.indicators.execution
    exp = loaded.report.budget.expenditure
    if ex is None or exp is None:
        return
    pairs = [("initial_budget", "年初预算数", _stage(exp, lambda f: f.initial_budget)),
             ("full_budget", "全年预算数", _stage(exp, full_budget)),
             ("actual", "全年执行数", exp.amount)]
    for field, name, budget_value in pairs:
        declared = getattr(ex, field)
        if declared is None or budget_value is None:
            continue
        diff = declared - budget_value
        v, _s = sum_verdict([budget_value], declared, Kind.MONEY)  # filled in separately: each rounded on its own
        if v is Verdict.OK:
            continue
        other = "支出合计" if field == "actual" else f"支出合计{name}"
        yield loaded.finding(
            BAL003, f"自评表{name} {money(declared)} ≠ {other} {money(budget_value)}" + diff_note(diff),
            ex.at(field), v, expected=value_text(budget_value), found=value_text(declared))
