"""Budget stages and execution (DOMAIN.md section 2): 全年预算数 = 年初预算数 + 调整数; 执行率 = 执行数 ÷ 全年预算数."""
from __future__ import annotations

from decimal import Decimal

from ..lazyre import re

from ..model import Figure, Report
from ..numbers import ratio_percent

#: the words a report's text names each budget stage by (DOMAIN.md sections 2 and 8), longest first within a stage:
#: 年初预算数 (initial), 全年预算数 (full: 年初 + 调整), 执行数 / 决算数 (actual)
STAGE_WORDS: dict[str, tuple[str, ...]] = {
    "initial": ("年初预算数", "年初预算"),
    "full": ("全年预算数", "调整后预算数", "调整后预算", "全年预算", "调整预算"),
    "actual": ("支出决算数", "支出决算", "决算数", "决算", "全年执行数", "执行数", "全年执行", "执行", "实际支出数",
               "实际支出"),
}
#: Chinese names of the stages, for messages
STAGE_LABELS = {"initial": "年初预算", "full": "全年预算", "actual": "决算（执行）数", "budget": "预算"}


#: the budget as passed at the start of the year, however its passing is said: 年初批复预算 / 年初安排预算 / 年初部门预算
#: are 年初预算
PASSED = re.compile(r"年初(?:批复|安排|下达|核定|部门|编制)的?(?=预算)")


def stage_of(label: str) -> str | None:
    """The budget stage a figure's label names (its last stage word wins: ``支出预算`` is a budget, ``预算执行数``
    an actual), ``budget`` for a bare 预算 / 预算数, None for none."""
    best, where = None, -1
    label = PASSED.sub("年初", label)
    for stage, words in STAGE_WORDS.items():
        for w in words:
            k = label.rfind(w)
            if k >= 0 and k + len(w) > where:
                best, where = stage, k + len(w)
    k = label.rfind("预算")
    if k >= 0 and k + 2 > where:
        return "budget"
    return best


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
