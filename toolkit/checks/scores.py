"""Scores: every score against its weight and its scoring rule, the total, and the grade (DOMAIN.md section 3).

Targets and actuals are text ("≥90%", "20家", "≥全省平均水平", "合规"). :func:`parse_value` reads a comparator, a
number and a unit; an indicator is scored by rule only when its target and actual are both numbers with the same
unit. Anything else is qualitative: only the range (0 ≤ score ≤ weight) and, when ``achievement`` is given, the
band are checked. Nothing is guessed:

* the kind is ``kind`` when given, else 正向 when the target says ≥ / 不低于 / 以上, 反向 when it says ≤ / 不高于 /
  以内; a bare target ("100%") may be either, so the score is accepted when it fits either rule;
* 正向: actual ≥ target → full weight, else weight × actual / target (2 decimals);
* 反向: actual ≤ target → full; target < actual < 2 × target → weight × (1 − (actual − target) / target); else 0;
* 定性 bands by ``achievement``: 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 % of the weight;
* 预算执行率: weight × 执行数 / 全年预算数, capped at the weight.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from ..derive import computed_total_score, execution_figures, grade_for, long_grade, normalise_grade
from ..findings import ERROR, WARNING, Finding, value_text
from ..load import Loaded
from ..model import Achievement, ExecutionIndicator, Indicator, Kind
from ..numbers import half_ulp, places
from ..rules import register
from .common import HUNDRED, ZERO, number

_EX = "data.yaml"
_RULES = [
    ("SCR001", ERROR, "得分超出 0 至分值的范围",
     "每个指标的得分应满足 0 ≤ 得分 ≤ 分值。",
     f"{_EX}:120:9: SCR001 “服务企业家数”得分 12 超过分值 10"),
    ("SCR002", ERROR, "定量指标得分与计分规则不符",
     "目标值和实际值都是同一单位的数字时按规则计分：正向指标实际 ≥ 目标得满分，否则得 分值 × 实际 ÷ 目标（两位小数）；"
     "反向指标实际 ≤ 目标得满分，目标 < 实际 < 2 × 目标时得 分值 × (1 − (实际 − 目标) ÷ 目标)，否则 0 分。"
     "未写 kind 时由目标值判断（≥、不低于、以上为正向；≤、不高于、以内为反向）；只写一个数（如 100%）时两种规则都接受。"
     "“≥全省平均水平”“合规”之类的文字目标不按此规则核对。正向指标只写了实际百分比、没写目标值时按目标 100% 核对："
     "得分低于 分值 × 实际 ÷ 100 为错误（任何不超过 100% 的目标都给不出这么低的分），介于其间为警告。",
     "examples/bishan-jxw-2021.yaml:157:22: SCR002 “补助资金发放及时率”实际 95%、目标 100%，按正向计分应得 9.50 分，所写得分 8.95 分（差 0.55） [indicators.groups[0].children[0].indicators[1].score]"),
    ("SCR003", ERROR, "定性指标得分超出其达成程度的分档",
     "定性指标按达成程度（achievement）计分：达成年度指标得分值的 80%–100%，部分达成并具有一定效果 60%–80%，"
     "未达成且效果较差 0–60%。",
     f"{_EX}:104:9: SCR003 “资金使用合规性”为“部分达成”，得分应在 4.20 至 5.60 分之间（分值 7 的 60%–80%），所写 7 分"),
    ("SCR004", ERROR, "预算执行率得分与执行率不符",
     "预算执行率得分 = 分值 × 全年执行数 ÷ 全年预算数（不超过分值，两位小数）。",
     f"{_EX}:150:5: SCR004 预算执行率得分应为 10 × 3352.23 ÷ 3452.23 = 9.71 分，所写 10 分（差 0.29）"),
    ("SCR005", WARNING, "扣分的指标没有偏差原因",
     "得分低于分值的指标应写明偏差原因分析及改进措施（deviation），否则自评表中该栏为空。",
     f"{_EX}:96:9: SCR005（警告） “补助资金发放及时率”得分 8.95 低于分值 10，但未写偏差原因"),
    ("SCR006", ERROR, "自评总分不等于各指标得分之和",
     "所写自评得分应等于自评表各指标得分（含预算执行率）之和。正文、结论和自评表中的总分常在改表后忘了同步。",
     "data.yaml:160:3: SCR006 各指标得分之和 99 ≠ 自评得分 98（差 1）"),
    ("SCR007", ERROR, "等级与得分不符",
     "等级按总分划档：90 分（含）以上为优（优秀），80–90 分为良（良好），60–80 分为中（合格），60 分以下为差（不合格）。",
     f"{_EX}:162:3: SCR007 自评得分 85 对应等级“良”（良好），所写等级“优”"),
    ("SCR008", ERROR, "无法识别的等级",
     "等级应为 优/良/中/差，或 优秀/良好/合格/不合格。",
     f"{_EX}:162:3: SCR008 等级“A”无法识别，应为 优/良/中/差 或 优秀/良好/合格/不合格"),
    ("SCR009", ERROR, "有自评得分但没有评分表",
     "写了自评得分或等级，却没有任何指标（indicators.groups）和预算执行率：得分无从核对，自评表也无法生成。",
     "data.yaml:70:3: SCR009 自评得分 85 分没有评分表（未列任何指标）支撑"),
]
for _code, _sev, _title, _expl, _example in _RULES:
    register(_code, "scores", _sev, _title, _expl, _example)

# ----------------------------------------------------------------------------------------------------------------
# Reading targets and actuals
# ----------------------------------------------------------------------------------------------------------------

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


def _q2(v: Decimal) -> Decimal:
    from ..numbers import round_to

    return round_to(v, 2)


def score_verdict(declared: Decimal, exact: Decimal, weight: Decimal) -> tuple[str, Decimal]:
    """Compare a declared score with the exact rule result: ok / rounding / error, and the 2-decimal expected.

    A score written with fewer decimals (9 for 9.47) is a rounding warning, except full marks: a score equal to the
    weight claims the target was met.
    """
    expected = _q2(exact)
    if declared == expected or abs(declared - exact) <= Decimal("0.005"):
        return "ok", expected
    if declared != weight and abs(declared - exact) <= half_ulp(declared):
        return "rounding", expected
    return "error", expected


# ----------------------------------------------------------------------------------------------------------------
# Checks
# ----------------------------------------------------------------------------------------------------------------

_BANDS = {Achievement.achieved: (80, 100), Achievement.partly: (60, 80), Achievement.missed: (0, 60)}


def run(loaded: Loaded) -> Iterable[Finding]:
    ind = loaded.report.indicators
    for _g1, _g2, i in ind.all_indicators():
        yield from _indicator(loaded, i)
    yield from _execution(loaded)
    yield from _total(loaded)


def _range_and_reason(loaded: Loaded, name: str, node: Indicator | ExecutionIndicator) -> list[Finding]:
    """SCR001 (score outside 0–weight) or SCR005 (below the weight with no deviation reason) for a scored row."""
    s, w = node.score, node.weight
    if s < 0 or s > w:
        word = "低于 0" if s < 0 else f"超过分值 {number(w)}"
        return [loaded.finding("SCR001", ERROR, f"{name}得分 {number(s)} {word}", node.at("score"),
                               expected=f"0–{number(w)}", found=value_text(s))]
    if s < w and not (node.deviation and node.deviation.strip()):
        return [loaded.finding("SCR005", WARNING, f"{name}得分 {number(s)} 低于分值 {number(w)}，但未写偏差原因",
                               node.at("score"), help="在 deviation 中写明偏差原因分析及改进措施")]
    return []


def _indicator(loaded: Loaded, i: Indicator) -> Iterable[Finding]:
    s, w = i.score, i.weight
    if s is None:
        return
    found = _range_and_reason(loaded, f"“{i.name}”", i)
    yield from found
    if found and found[0].code == "SCR001":
        return
    if i.achievement is not None and (i.kind in (None, Kind.qualitative)):
        low, high = _BANDS[i.achievement]
        lo, hi = w * low / HUNDRED, w * high / HUNDRED
        if not lo <= s <= hi:
            yield loaded.finding(
                "SCR003", ERROR,
                f"“{i.name}”为“{i.achievement.value}”，得分应在 {_q2(lo):f} 至 {_q2(hi):f} 分之间"
                f"（分值 {number(w)} 的 {low}%–{high}%），所写 {number(s)} 分",
                i.at("score"), expected=f"{number(_q2(lo))}–{number(_q2(hi))}", found=value_text(s))
        return
    if i.kind is Kind.qualitative:
        return
    f = _quantitative(loaded, i)
    if f is not None:
        yield f


def _quantitative(loaded: Loaded, i: Indicator) -> Finding | None:
    t, a = parse_value(i.target), parse_value(i.actual)
    if i.target is None and a is not None and i.kind is Kind.positive and (a.unit or i.unit) == "%":
        return _implied_target(loaded, i, a)
    if t is None or a is None:
        return None
    tu, au = t.unit or (i.unit or ""), a.unit or (i.unit or "")
    if tu != au and tu and au:
        return None  # different units: not comparable, do not guess
    if i.kind is Kind.positive or (i.kind is None and t.op in ("ge", "gt")):
        rules = [("正向", positive_score)]
    elif i.kind is Kind.negative or (i.kind is None and t.op in ("le", "lt")):
        rules = [("反向", negative_score)]
    else:
        rules = [("正向", positive_score), ("反向", negative_score)]
    results = []
    for name, rule in rules:
        exact = rule(i.weight, t.number, a.number)
        if exact is None:
            continue
        results.append((name, *score_verdict(i.score, exact, i.weight)))
    if not results or any(r[1] == "ok" for r in results):
        return None
    order = {"rounding": 0, "error": 1}
    results.sort(key=lambda r: order[r[1]])
    name, v, expected = results[0]
    others = "".join(f"（按{n}计分为 {e:f} 分）" for n, _v, e in results[1:])
    diff = abs(i.score - expected)
    tail = f"（差 {number(diff)}，可能为四舍五入误差）" if v == "rounding" else f"（差 {number(diff)}）"
    msg = (f"“{i.name}”实际 {i.actual}、目标 {i.target}，按{name}计分应得 {expected:f} 分{others}，"
           f"所写得分 {number(i.score)} 分{tail}")
    return loaded.finding("SCR002", ERROR if v == "error" else WARNING, msg, i.at("score"),
                          expected=value_text(expected), found=value_text(i.score),
                          help="计分规则见 jixiao rules SCR002；指标为定性时请写 kind: 定性 和 achievement（达成程度）")


def _implied_target(loaded: Loaded, i: Indicator, a: Value) -> Finding | None:
    """A 正向 rate published without its target ("满意度达95%，得分9.69分"): no target up to 100 % can give less than
    weight × actual / 100, so a lower score is an error; a score between that and full marks needs a target
    above the actual that the report does not state, so it is a warning."""
    exact = positive_score(i.weight, HUNDRED, a.number)
    v, expected = score_verdict(i.score, exact, i.weight)
    if v == "ok" or i.score == i.weight and a.number >= HUNDRED:
        return None
    if v == "error" and expected < i.score < i.weight:
        v = "unstated"
    diff = abs(i.score - expected)
    note = "，可能为四舍五入误差" if v == "rounding" else ""
    msg = (f"“{i.name}”未写目标值，实际 {i.actual}，按目标 100% 正向计分应得 {expected:f} 分，"
           f"所写得分 {number(i.score)} 分（差 {number(diff)}{note}）")
    if v == "error":
        msg += "；目标不超过 100% 时得分不可能低于此数"
    return loaded.finding("SCR002", ERROR if v == "error" else WARNING, msg, i.at("score"),
                          expected=value_text(expected), found=value_text(i.score),
                          help="请写明目标值（target）；如目标不是 100%，得分按 分值 × 实际 ÷ 目标 计算")


def _execution(loaded: Loaded) -> Iterable[Finding]:
    ex = loaded.report.indicators.execution
    if ex is None or ex.score is None:
        return
    s, w = ex.score, ex.weight
    found = _range_and_reason(loaded, "预算执行率", ex)
    yield from found
    if found and found[0].code == "SCR001":
        return
    _initial, full, actual = execution_figures(loaded.report)
    if full in (None, ZERO) or actual is None:
        return
    exact = min(w, w * actual / full)
    v, expected = score_verdict(s, exact, w)
    if v == "ok":
        return
    diff = abs(s - expected)
    tail = f"（差 {number(diff)}，可能为四舍五入误差）" if v == "rounding" else f"（差 {number(diff)}）"
    yield loaded.finding(
        "SCR004", ERROR if v == "error" else WARNING,
        f"预算执行率得分应为 {number(w)} × {actual:f} ÷ {full:f} = {expected:f} 分，所写 {number(s)} 分{tail}",
        ex.at("score"), expected=value_text(expected), found=value_text(s))


def _total(loaded: Loaded) -> Iterable[Finding]:
    report = loaded.report
    ind = report.indicators
    has_table = bool(ind.groups) or ind.execution is not None
    declared = ind.total_score
    if not has_table:
        if declared is not None or ind.grade:
            what = f"自评得分 {number(declared)} 分" if declared is not None else f"等级“{ind.grade}”"
            yield loaded.finding("SCR009", ERROR, f"{what}没有评分表（未列任何指标）支撑",
                                 ind.at("total_score" if declared is not None else "grade"),
                                 help="在 indicators.groups 中列出各级指标的分值和得分")
        score = declared
    else:
        computed = computed_total_score(report)
        if declared is not None and computed is not None and declared != computed:
            diff = computed - declared
            own = places(declared)
            rounding = own < max((places(i.score) for _a, _b, i in ind.all_indicators()), default=0) \
                and abs(diff) <= half_ulp(declared)
            tail = f"（差 {number(abs(diff))}，可能为四舍五入误差）" if rounding else f"（差 {number(abs(diff))}）"
            yield loaded.finding("SCR006", WARNING if rounding else ERROR,
                                 f"各指标得分之和 {number(computed)} ≠ 自评得分 {number(declared)}{tail}",
                                 ind.at("total_score"), expected=value_text(computed), found=value_text(declared))
        score = declared if declared is not None else computed
    if not ind.grade:
        return
    short = normalise_grade(ind.grade)
    if short is None:
        yield loaded.finding("SCR008", ERROR, f"等级“{ind.grade}”无法识别，应为 优/良/中/差 或 优秀/良好/合格/不合格",
                             ind.at("grade"), found=ind.grade)
        return
    if score is None:
        return
    right = grade_for(score)
    if right != short:
        yield loaded.finding("SCR007", ERROR,
                             f"自评得分 {number(score)} 对应等级“{right}”（{long_grade(right)}），所写等级“{ind.grade}”",
                             ind.at("grade"), expected=right, found=ind.grade)
