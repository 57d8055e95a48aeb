"""Figures that can be derived from others: totals, shares, the total score, the grade, the execution rate.

Used by the renderer (a value the user left out is computed, never left blank) and by the checks (a value the
user declared is compared with what is computed here). Every function is pure and uses Decimal arithmetic.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from .model import Figure, Indicators, Report
from .numbers import quantize, ratio_percent

#: Grade bands (DOMAIN.md section 3): lower bound inclusive.
GRADES: list[tuple[Decimal, str, str]] = [
    (Decimal(90), "优", "优秀"),
    (Decimal(80), "良", "良好"),
    (Decimal(60), "中", "合格"),
    (Decimal(0), "差", "不合格"),
]

#: Every way a report writes each grade, mapped to the short form.
GRADE_ALIASES = {"优": "优", "优秀": "优", "良": "良", "良好": "良", "中": "中", "合格": "中", "一般": "中",
                 "差": "差", "不合格": "差", "较差": "差"}


def grade_for(score: Decimal) -> str:
    """The short grade (优/良/中/差) for a total score."""
    for low, short, _long in GRADES:
        if score >= low:
            return short
    return "差"


def long_grade(short: str) -> str:
    """优 -> 优秀, 良 -> 良好, 中 -> 合格, 差 -> 不合格."""
    for _low, s, long in GRADES:
        if s == short:
            return long
    return short


def normalise_grade(text: str) -> str | None:
    """The short grade a declared grade means (``"优秀"`` -> ``"优"``), or None if it is not a grade."""
    t = text.strip().removesuffix("等级").removesuffix("等").strip().strip("“”\"'「」‘’")
    return GRADE_ALIASES.get(t)


def sum_of(values: Iterable[Decimal | None]) -> Decimal | None:
    """Σ of the values given; None when none is given."""
    vals = [v for v in values if v is not None]
    return sum(vals, Decimal(0)) if vals else None


def full_budget(f: Figure) -> Decimal | None:
    """全年预算数: declared, or 年初 + 调整."""
    if f.full_budget is not None:
        return f.full_budget
    if f.initial_budget is not None:
        return f.initial_budget + (f.adjustment or Decimal(0))
    return None


def execution_rate(f: Figure) -> Decimal | None:
    """执行率 in percent: declared, or 执行数 / 全年预算数."""
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


def execution_score(report: Report) -> Decimal | None:
    """预算执行率 score: declared, or weight × 执行数 / 全年预算数 capped at the weight (2 decimals)."""
    ex = report.indicators.execution
    if ex is None:
        return None
    if ex.score is not None:
        return ex.score
    _i, full, actual = execution_figures(report)
    if full in (None, Decimal(0)) or actual is None:
        return None
    return min(ex.weight, quantize(ex.weight * actual / full, 2))  # half up, as published figures are rounded


def group_weight(weights: Iterable[Decimal | None]) -> Decimal:
    return sum((w for w in weights if w is not None), Decimal(0))


def level2_weight(g2) -> Decimal:
    """A 二级 group's weight: declared, or Σ of its indicators."""
    return g2.weight if g2.weight is not None else group_weight(i.weight for i in g2.indicators)


def level1_weight(g1) -> Decimal:
    """A 一级 group's weight: declared, or Σ of its children."""
    return g1.weight if g1.weight is not None else group_weight(level2_weight(c) for c in g1.children)


def computed_total_score(report: Report) -> Decimal | None:
    """Σ of every score in the indicator table (执行率 included); None unless every row is scored — the sum of a
    partly scored table is not a total, and comparing a declared total with it would be a false finding."""
    ind: Indicators = report.indicators
    scores = [i.score for _a, _b, i in ind.all_indicators()]
    if ind.execution is not None:
        scores.append(execution_score(report))
    if not scores or any(s is None for s in scores):
        return None
    return sum(scores, Decimal(0))


def computed_total_weight(report: Report) -> Decimal:
    ind = report.indicators
    total = sum((level1_weight(g) for g in ind.groups), Decimal(0))
    if ind.execution is not None:
        total += ind.execution.weight
    return total


def total_score(report: Report) -> Decimal | None:
    """The total score as the report states it: declared, or computed."""
    declared = report.indicators.total_score
    return declared if declared is not None else computed_total_score(report)


def grade(report: Report) -> str | None:
    """The grade as the report states it: declared (as written), or derived from the total score (short form)."""
    if report.indicators.grade:
        return report.indicators.grade
    score = total_score(report)
    return grade_for(score) if score is not None else None
