"""Scoring (DOMAIN.md section 3): reading targets and actuals, the scoring rules, weights and the total score.

* 正向: actual ≥ target → full weight, else weight × actual / target (2 decimals);
* 反向: actual ≤ target → full; target < actual < 2 × target → weight × (1 − (actual − target) / target); else 0;
* 定性 bands by achievement: 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 % of the weight;
* 预算执行率: weight × 执行数 / 全年预算数, capped at the weight;
* each group's weight is the sum of its children's; the total score is the sum of every score (执行率 included).
"""
from __future__ import annotations

import functools
from ..lazyre import re
from dataclasses import dataclass
from decimal import Decimal

from ..model import Achievement, Indicators, Report
from ..numbers import quantize
from .execution import execution_figures
from .grades import grade_for

ZERO = Decimal(0)

#: the 一级指标 of an overall-expenditure indicator tree (DOMAIN.md section 3): a list naming all three is every
#: indicator (预算执行率 aside)
LEVEL_ONE = ("产出", "效益", "满意度")
#: the 二级指标 of 产出 (DOMAIN.md section 3): a list naming all four is the whole of 产出 (its score or its count)
OUTPUT_KINDS = ("数量", "质量", "时效", "成本")
#: the kinds of indicator (一级 and 二级, DOMAIN.md section 3): a count of indicators split by kind names every kind
INDICATOR_KINDS = LEVEL_ONE + OUTPUT_KINDS + ("经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度")

#: 定性 bands: achievement -> (lowest, highest) percent of the weight
BANDS = {Achievement.achieved: (80, 100), Achievement.partly: (60, 80), Achievement.missed: (0, 60)}

_PREFIX = [  # longest first
    ("大于等于", "ge"), ("不低于", "ge"), ("不少于", "ge"), ("不小于", "ge"), ("至少", "ge"), ("达到", "ge"),
    (">=", "ge"), ("＞=", "ge"), ("≥", "ge"), ("≧", "ge"),
    ("小于等于", "le"), ("不高于", "le"), ("不超过", "le"), ("不多于", "le"), ("不大于", "le"), ("控制在", "le"),
    ("<=", "le"), ("＜=", "le"), ("≤", "le"), ("≦", "le"),
    ("大于", "gt"), ("高于", "gt"), ("超过", "gt"), (">", "gt"), ("＞", "gt"),
    ("小于", "lt"), ("低于", "lt"), ("<", "lt"), ("＜", "lt"),
    ("=", "eq"), ("＝", "eq"),
]
_SUFFIX = {"以上": "ge", "及以上": "ge", "以下": "le", "及以下": "le", "以内": "le"}
_VALUE = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*([%％‰]|[A-Za-z㎡²³]+|[\u4e00-\u9fff]{1,4}?)?\s*(及以上|以上|及以下|以下|以内)?$")


@dataclass(frozen=True)
class Value:
    op: str | None  # ge / le / gt / lt / eq, or None when no comparator is written
    number: Decimal
    unit: str  # "" when none is written


@functools.lru_cache(maxsize=4096)  # an indicator's target and actual are read by several checks and the render
def parse_value(text: str | None) -> Value | None:
    """``"≥90%"`` -> Value("ge", 90, "%"); ``"20家"`` -> Value(None, 20, "家"); ``"合规"`` -> None."""
    if text is None:
        return None
    s = text.strip().replace(" ", "").replace("\u3000", "")
    op = None
    for word, o in _PREFIX:
        if s.startswith(word):
            op, s = o, s[len(word):]
            break
    m = _VALUE.match(s)
    if not m:
        return None
    unit = (m.group(2) or "").replace("％", "%")
    if m.group(3):
        suffix_op = _SUFFIX[m.group(3)]
        if op not in (None, suffix_op) and not (op in ("ge", "gt") and suffix_op == "ge"
                                                 or op in ("le", "lt") and suffix_op == "le"):
            return None  # contradictory ("≥90%以下"): do not guess
        op = op or suffix_op
    return Value(op, Decimal(m.group(1)), unit)


def positive_score(weight: Decimal, target: Decimal, actual: Decimal) -> Decimal | None:
    """正向: full when actual ≥ target, else weight × actual / target (unrounded)."""
    if actual >= target:
        return weight
    if target <= 0:
        return None
    return max(ZERO, weight * actual / target)


def negative_score(weight: Decimal, target: Decimal, actual: Decimal) -> Decimal | None:
    """反向: full when actual ≤ target; linear down to 0 at 2 × target (unrounded)."""
    if actual <= target:
        return weight
    if target <= 0:
        return None
    if actual >= 2 * target:
        return ZERO
    return weight * (1 - (actual - target) / target)


def execution_exact(report: Report) -> Decimal | None:
    """The 预算执行率 score its rule gives, unrounded: weight × 执行数 / 全年预算数, capped at the weight."""
    ex = report.indicators.execution
    if ex is None:
        return None
    _i, full, actual = execution_figures(report)
    if full in (None, ZERO) or actual is None:
        return None
    return min(ex.weight, ex.weight * actual / full)


def execution_score(report: Report) -> Decimal | None:
    """预算执行率 score: declared, or its rule's score rounded half up to 2 decimals."""
    ex = report.indicators.execution
    if ex is None:
        return None
    if ex.score is not None:
        return ex.score
    exact = execution_exact(report)
    return None if exact is None else min(ex.weight, quantize(exact, 2))


def group_weight(weights) -> Decimal:
    return sum((w for w in weights if w is not None), ZERO)


def level2_weight(g2) -> Decimal:
    """A 二级 group's weight: declared, or Σ of its indicators."""
    return g2.weight if g2.weight is not None else group_weight(i.weight for i in g2.indicators)


def level1_weight(g1) -> Decimal:
    """A 一级 group's weight: declared, or Σ of its children."""
    return g1.weight if g1.weight is not None else group_weight(level2_weight(c) for c in g1.children)


def level1_score(g1) -> Decimal | None:
    """A 一级 group's score: Σ of its indicators' scores; None unless every indicator under it is scored."""
    got = [i.score for g2 in g1.children for i in g2.indicators]
    if not got or any(s is None for s in got):
        return None
    return sum(got, ZERO)


def scores(report: Report) -> list[Decimal] | None:
    """Every score of the indicator table (执行率 included, derived when left out); None unless every row is
    scored — a partly scored table has no total, and comparing a declared total with part of it would be false."""
    ind: Indicators = report.indicators
    out = [i.score for _a, _b, i in ind.all_indicators()]
    if ind.execution is not None:
        out.append(execution_score(report))
    if not out or any(s is None for s in out):
        return None
    return out


def computed_total_score(report: Report) -> Decimal | None:
    """Σ of every score in the indicator table (see :func:`scores`)."""
    s = scores(report)
    return None if s is None else sum(s, ZERO)


def computed_total_weight(report: Report) -> Decimal:
    ind = report.indicators
    total = sum((level1_weight(g) for g in ind.groups), ZERO)
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
