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

from decimal import Decimal
from typing import Iterable

from ..domain.grades import grade_for, long_grade, normalise_grade
from ..domain.execution import execution_figures
from ..domain.scoring import (BANDS, Value, execution_exact, negative_score, parse_value, positive_score,
                              scores)
from ..domain.tolerance import Kind as FigureKind, Verdict, score_verdict, sum_verdict
from ..findings import ERROR, WARNING, Finding, value_text
from ..load import Loaded
from ..model import ExecutionIndicator, Indicator, Kind
from ..numbers import round_to
from ..rules import Rule
from .common import HUNDRED, ZERO, number

__all__ = ["run", "parse_value", "Value"]  # parse_value: read targets and actuals (in toolkit.domain.scoring)

_EX = "data.yaml"
SCR001 = Rule("SCR001", "scores", ERROR, "得分超出 0 至分值的范围",
    "每个指标的得分应满足 0 ≤ 得分 ≤ 分值。",
    f"{_EX}:120:9: SCR001 “服务企业家数”得分 12 超过分值 10")
SCR002 = Rule("SCR002", "scores", ERROR, "定量指标得分与计分规则不符",
    "目标值和实际值都是同一单位的数字时按规则计分：正向指标实际 ≥ 目标得满分，否则得 分值 × 实际 ÷ 目标（两位小数）；"
    "反向指标实际 ≤ 目标得满分，目标 < 实际 < 2 × 目标时得 分值 × (1 − (实际 − 目标) ÷ 目标)，否则 0 分。"
    "未写 kind 时由目标值判断（≥、不低于、以上为正向；≤、不高于、以内为反向）；只写一个数（如 100%）时两种规则都接受。"
    "“≥全省平均水平”“合规”之类的文字目标不按此规则核对。正向指标只写了实际百分比、没写目标值时按目标 100% 核对："
    "得分低于 分值 × 实际 ÷ 100 为错误（任何不超过 100% 的目标都给不出这么低的分），介于其间为警告。",
    "examples/bishan-jxw-2021.yaml:157:22: SCR002 “补助资金发放及时率”实际 95%、目标 100%，按正向计分应得 9.50 分，所写得分 8.95 分（差 0.55） [indicators.groups[0].children[0].indicators[1].score]")
SCR003 = Rule("SCR003", "scores", ERROR, "定性指标得分超出其达成程度的分档",
    "定性指标按达成程度（achievement）计分：达成年度指标得分值的 80%–100%，部分达成并具有一定效果 60%–80%，"
    "未达成且效果较差 0–60%。",
    f"{_EX}:104:9: SCR003 “资金使用合规性”为“部分达成”，得分应在 4.20 至 5.60 分之间（分值 7 的 60%–80%），所写 7 分")
SCR004 = Rule("SCR004", "scores", ERROR, "预算执行率得分与执行率不符",
    "预算执行率得分 = 分值 × 全年执行数 ÷ 全年预算数（不超过分值，两位小数）。",
    f"{_EX}:150:5: SCR004 预算执行率得分应为 10 × 3352.23 ÷ 3452.23 = 9.71 分，所写 10 分（差 0.29）")
SCR005 = Rule("SCR005", "scores", WARNING, "扣分的指标没有偏差原因",
    "得分低于分值的指标应写明偏差原因分析及改进措施（deviation），否则自评表中该栏为空。",
    f"{_EX}:96:9: SCR005（警告） “补助资金发放及时率”得分 8.95 低于分值 10，但未写偏差原因")
SCR006 = Rule("SCR006", "scores", ERROR, "自评总分不等于各指标得分之和",
    "所写自评得分应等于自评表各指标得分（含预算执行率）之和。正文、结论和自评表中的总分常在改表后忘了同步。",
    "data.yaml:160:3: SCR006 各指标得分之和 99 ≠ 自评得分 98（差 1）")
SCR007 = Rule("SCR007", "scores", ERROR, "等级与得分不符",
    "等级按总分划档：90 分（含）以上为优（优秀），80–90 分为良（良好），60–80 分为中（合格），60 分以下为差（不合格）。",
    f"{_EX}:162:3: SCR007 自评得分 85 对应等级“良”（良好），所写等级“优”")
SCR008 = Rule("SCR008", "scores", ERROR, "无法识别的等级",
    "等级应为 优/良/中/差，或 优秀/良好/合格/不合格。",
    f"{_EX}:162:3: SCR008 等级“A”无法识别，应为 优/良/中/差 或 优秀/良好/合格/不合格")
SCR009 = Rule("SCR009", "scores", ERROR, "有自评得分但没有评分表",
    "写了自评得分或等级，却没有任何指标（indicators.groups）和预算执行率：得分无从核对，自评表也无法生成。",
    "data.yaml:70:3: SCR009 自评得分 85 分没有评分表（未列任何指标）支撑")

# ----------------------------------------------------------------------------------------------------------------
# Checks
# ----------------------------------------------------------------------------------------------------------------


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
        return [loaded.finding(SCR001, f"{name}得分 {number(s)} {word}", node.at("score"),
                               expected=f"0–{number(w)}", found=value_text(s))]
    if s < w and not (node.deviation and node.deviation.strip()):
        return [loaded.finding(SCR005, f"{name}得分 {number(s)} 低于分值 {number(w)}，但未写偏差原因",
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
        low, high = BANDS[i.achievement]
        lo, hi = w * low / HUNDRED, w * high / HUNDRED
        if not lo <= s <= hi:
            yield loaded.finding(
                SCR003,
                f"“{i.name}”为“{i.achievement.value}”，得分应在 {round_to(lo):f} 至 {round_to(hi):f} 分之间"
                f"（分值 {number(w)} 的 {low}%–{high}%），所写 {number(s)} 分",
                i.at("score"), expected=f"{number(round_to(lo))}–{number(round_to(hi))}", found=value_text(s))
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
    if not results or any(r[1] is Verdict.OK for r in results):
        return None
    results.sort(key=lambda r: r[1] is Verdict.WRONG)
    name, v, expected = results[0]
    others = "".join(f"（按{n}计分为 {e:f} 分）" for n, _v, e in results[1:])
    diff = abs(i.score - expected)
    msg = (f"“{i.name}”实际 {i.actual}、目标 {i.target}，按{name}计分应得 {expected:f} 分{others}，"
           f"所写得分 {number(i.score)} 分（差 {number(diff)}）")
    return loaded.finding(SCR002, msg, i.at("score"), v,
                          expected=value_text(expected), found=value_text(i.score),
                          help="计分规则见 jixiao rules SCR002；指标为定性时请写 kind: 定性 和 achievement（达成程度）")


def _implied_target(loaded: Loaded, i: Indicator, a: Value) -> Finding | None:
    """A 正向 rate published without its target ("满意度达95%，得分9.69分"): no target up to 100 % can give less than
    weight × actual / 100, so a lower score is an error; a score between that and full marks needs a target
    above the actual that the report does not state, so it is a warning."""
    exact = positive_score(i.weight, HUNDRED, a.number)
    v, expected = score_verdict(i.score, exact, i.weight)
    if v is Verdict.OK or i.score == i.weight and a.number >= HUNDRED:
        return None
    if v is Verdict.WRONG and expected < i.score < i.weight:
        v = Verdict.DOUBT  # a target above the actual that the report does not state would give this score
    diff = abs(i.score - expected)
    msg = (f"“{i.name}”未写目标值，实际 {i.actual}，按目标 100% 正向计分应得 {expected:f} 分，"
           f"所写得分 {number(i.score)} 分（差 {number(diff)}）")
    if v is Verdict.WRONG:
        msg += "；目标不超过 100% 时得分不可能低于此数"
    return loaded.finding(SCR002, msg, i.at("score"), v,
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
    exact = execution_exact(loaded.report)
    if exact is None:
        return
    _initial, full, actual = execution_figures(loaded.report)
    v, expected = score_verdict(s, exact, w)
    if v is Verdict.OK:
        return
    diff = abs(s - expected)
    yield loaded.finding(
        SCR004, f"预算执行率得分应为 {number(w)} × {actual:f} ÷ {full:f} = {expected:f} 分，所写 {number(s)} 分"
        f"（差 {number(diff)}）", ex.at("score"), v, expected=value_text(expected), found=value_text(s))


def _total(loaded: Loaded) -> Iterable[Finding]:
    report = loaded.report
    ind = report.indicators
    has_table = bool(ind.groups) or ind.execution is not None
    declared = ind.total_score
    if not has_table:
        if declared is not None or ind.grade:
            what = f"自评得分 {number(declared)} 分" if declared is not None else f"等级“{ind.grade}”"
            yield loaded.finding(SCR009, f"{what}没有评分表（未列任何指标）支撑",
                                 ind.at("total_score" if declared is not None else "grade"),
                                 help="在 indicators.groups 中列出各级指标的分值和得分")
        score = declared
    else:
        table = scores(report)
        computed = None if table is None else sum(table, ZERO)
        if declared is not None and table is not None:
            v, computed = sum_verdict(table, declared, FigureKind.SCORE)
            if v is not Verdict.OK:
                yield loaded.finding(SCR006, f"各指标得分之和 {number(computed)} ≠ 自评得分 {number(declared)}"
                                     f"（差 {number(abs(computed - declared))}）", ind.at("total_score"), v,
                                     expected=value_text(computed), found=value_text(declared))
        score = declared if declared is not None else computed
    if not ind.grade:
        return
    short = normalise_grade(ind.grade)
    if short is None:
        yield loaded.finding(SCR008, f"等级“{ind.grade}”无法识别，应为 优/良/中/差 或 优秀/良好/合格/不合格",
                             ind.at("grade"), found=ind.grade)
        return
    if score is None:
        return
    right = grade_for(score)
    if right != short:
        yield loaded.finding(SCR007,
                             f"自评得分 {number(score)} 对应等级“{right}”（{long_grade(right)}），所写等级“{ind.grade}”",
                             ind.at("grade"), expected=right, found=ind.grade)
