"""Budget stages and execution (DOMAIN.md section 2): 全年预算数 = 年初预算数 + 调整数; 执行率 = 执行数 ÷ 全年预算数."""
from __future__ import annotations

from decimal import Decimal

from ..model import Figure, Report
from ..numbers import ratio_percent


def full_budget(f: Figure) -> Decimal | None:
    """全年预算数: declared, or 年初 + 调整."""
    if f.full_budget is not None:
        return f.full_budget
    if f.initial_budget is not None:
        return f.initial_budget + (f.adjustment or Decimal(0))
    return None


def execution_rate(f: Figure) -> Decimal | None:
    """执行率 in percent: declared, or 执行数 / 全年预算数 (unrounded)."""
    if f.execution_rate is not None:
        return f.execution_rate
    fb = full_budget(f)
    if fb is None or f.amount is None:
        return None
    return ratio_percent(f.amount, fb)


def execution_figures(report: Report) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(年初预算, 全年预算, 全年执行) for the 预算执行率 indicator, defaulting to the expenditure totals."""
    ex = report.indicators.execution
    exp = report.budget.expenditure
    initial = ex.initial_budget if ex and ex.initial_budget is not None else (exp.initial_budget if exp else None)
    full = ex.full_budget if ex and ex.full_budget is not None else (full_budget(exp) if exp else None)
    actual = ex.actual if ex and ex.actual is not None else (exp.amount if exp else None)
    return initial, full, actual
