"""Narrative: figures written in the Markdown text of a YAML report must equal the data.

The text fields (``narrative.*``, each indicator's ``narrative`` and ``deviation``, ``indicators.goal``, the fund
texts, notes) are read with the same engine as ``jixiao lint``: a total score, a grade, a budget figure named by
its label, an indicator's score, weight or actual value, the number of internal departments — each is compared
with the data. The generic relations of the lint engine (TXT001…, sums, shares, changes, rates, enumerations)
are run over the same paragraphs. Each finding is located at the line of the paragraph inside the YAML field.
"""
from __future__ import annotations

import functools
from ..lazyre import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Iterator

from ..claims import analyse
from ..claims.arith import num_text
from ..claims.prose import sentence_at
from ..claims.scores import GRADE, grade_word, read_claims
from ..domain.budget import text_labels
from ..domain.grades import grade_for, long_grade, normalise_grade
from ..domain.scoring import parse_value, scores
from ..domain.tolerance import Kind, Verdict, repeat_verdict, sum_verdict
from ..findings import ERROR, WARNING, Finding, YamlSpot
from ..load import Loaded
from ..model import Figure, Indicator, Report
from ..rules import Rule

_EX = "data.yaml"
NAR001 = Rule("NAR001", "narrative", ERROR, "正文中的总得分与评分表不符",
         "正文（如 narrative.performance）写出的自评总得分（“自评分98分”“综合得分93.39分”“得分为：85分”）应等于"
         "评分表各指标得分之和，以及所填的 indicators.total_score。报告改表后常忘了同步正文。",
         "examples/ziyang-gxj-2022.yaml:389: NAR001 正文写自评总得分 98分，评分表各指标得分之和为 99分 [narrative.performance]")
NAR002 = Rule("NAR002", "narrative", ERROR, "正文中的等级与得分不符",
         "正文写出的等级（“等级为“优秀””）应与总得分所在分数段一致，并与 indicators.grade 一致。",
         f"{_EX}:398:5: NAR002 正文写等级“良好”，总得分 99分 对应“优秀”（优） [narrative.performance]")
NAR003 = Rule("NAR003", "narrative", ERROR, "正文中的金额与数据不符",
         "正文以标签写出的金额（“基本支出507.79万元”“项目支出2844.44万元”“收入合计…”）应等于数据中同名项目的金额；"
         "标签带“上年”“年初预算”等限定时与相应栏次比较。",
         f"{_EX}:380:5: NAR003 正文写项目支出 2834.44万元，数据为 2844.44万元 [narrative.performance]")
NAR004 = Rule("NAR004", "narrative", ERROR, "指标说明中的数值与指标数据不符",
         "指标自己的 narrative 中写出的得分（“该指标得分为8.95分”）、分值（“分值10分”）和实际完成值（与 actual 同单位、"
         "标签含指标名称的数字）应等于该指标的 score、weight、actual。",
         "data.yaml:158:15: NAR004 指标“补助资金发放及时率”的说明写得分 8.5分，数据为 8.95分 "
         "[indicators.groups[0].children[0].indicators[1].narrative]")
NAR005 = Rule("NAR005", "narrative", ERROR, "正文中的内设机构数与所列机构不符",
         "正文写的内设机构（科室、股室）数量应等于 unit.departments 列出的机构数（及 departments_count）。",
         f"{_EX}:40:3: NAR005 正文写内设科室 7个，unit.departments 列出 6 个 [unit.organisation]")

NAR006 = Rule("NAR006", "narrative", WARNING, "两个指标的评价说明雷同（疑为复制粘贴）",
         "每个指标的评价说明（indicator.narrative）应写它自己的完成情况。两个指标的说明相同或几乎相同（相似度 ≥ 90%），"
         "多半是复制上一段后忘了改：璧山区 2021 年报告中“预决算公开率”一段就是“项目绩效管理率”一段的原文。",
         "examples/bishan-jxw-2021.yaml:194:26: NAR006（警告） 指标“预决算公开率”的说明与指标“项目绩效管理率”的说明相同（相似度 100%），疑为复制粘贴 [indicators.groups[0].children[0].indicators[6].narrative]")
NAR007 = Rule("NAR007", "narrative", WARNING, "指标说明写的是另一个指标",
         "指标的评价说明提到了评分表中另一个指标的名称，却没有提到自己的名称：多半是放错了位置或复制后没改。"
         "璧山区 2021 年报告“预决算执行率”一段写的是“预决算公开率达100%”。",
         "data.yaml:215: NAR007（警告） 指标“预决算执行率”的说明提到“预决算公开率”，没有提到“预决算执行率”本身")

@dataclass
class Field:
    path: str
    text: str
    node: object


def text_fields(report: Report, nodes: Iterable[tuple[str, Any]] | None = None) -> Iterator[Field]:
    """Every Markdown text of the report (the fields ``model.py`` types as :data:`toolkit.model.Markdown`; the
    one-item-each lists such as duties are not prose); ``nodes``: a walk of ``report`` made already."""
    from ..model import walk

    for _path, node in walk(report) if nodes is None else nodes:
        for name in markdown_fields(type(node)):
            value = getattr(node, name, None)
            if isinstance(value, str) and value.strip():
                yield Field(node.at(name), value, node)
    for name, value in report.layout.replace.items():  # the user's words in place of a generated sentence
        if isinstance(value, str) and value.strip():
            yield Field(f"layout.replace.{name}", value, report.layout)


@functools.cache
def markdown_fields(cls: type) -> tuple[str, ...]:
    """The names of a model class's single Markdown fields."""
    import typing

    from ..model import MARKDOWN

    names = []
    for name, info in cls.model_fields.items():
        if typing.get_origin(info.annotation) is list:
            continue
        args = [a for a in typing.get_args(info.annotation) if a is not type(None)] or [info.annotation]
        if MARKDOWN in info.metadata or any(MARKDOWN in getattr(a, "__metadata__", ()) for a in args):
            names.append(name)
    return tuple(names)


def paragraphs(text: str) -> list[tuple[str, int]]:
    """Non-empty lines of a Markdown text with their line offset inside it (markup stripped)."""
    out = []
    for k, line in enumerate(text.split("\n")):
        if "*" in line or "_" in line or "`" in line:  # the markup removed only where it can be
            line = re.sub(r"\*\*|__|`", "", line)
        s = line.strip().lstrip("#>").strip()
        if s and s[0] in "-*+":
            s = re.sub(r"^[-*+]\s+", "", s)
        if s:
            out.append((s, k))
    return out


def texts_of(loaded: Loaded) -> list[tuple[Field, list[tuple[str, int]]]]:
    """Every text field of the report with its :func:`paragraphs`, once per check (narrative and filling read them)."""
    from .common import nodes, shared

    return shared(loaded, "texts", lambda: [(fld, paragraphs(fld.text))
                                            for fld in text_fields(loaded.report, nodes(loaded))])


@functools.lru_cache(maxsize=256)
def read_paragraphs(texts: tuple[str, ...]) -> tuple[list, list]:
    """``claims.analyse`` of a text's paragraphs as the narrative checks read them (an indicator's score against
    its weight judged on the data, not here), cached per text: a report's texts are read by its check and again
    by its render (whether the narrative states the score, :meth:`toolkit.word.context.Sentences.score_stated`).
    The lists returned are shared: read them, never change them."""
    return analyse(list(texts), indicator_scores=False)


class Locator:
    """YAML line of a paragraph inside a text field: block scalars (``|``) start on the line after the key."""

    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.lines = loaded.source.text.replace("\r\n", "\n").split("\n")

    def spot(self, path: str, line_offset: int) -> YamlSpot:
        """The YAML position of line ``line_offset`` of the text field at ``path``."""
        spot = self.loaded.spot(path)
        if spot.line is None or not self.lines or spot.line > len(self.lines):
            return spot
        src = self.lines[spot.line - 1][(spot.column or 1) - 1:]
        if src.startswith(("|", ">")):
            return YamlSpot(path, spot.line + 1 + line_offset, None)
        if line_offset:
            return YamlSpot(path, spot.line + line_offset, None)
        return spot

    def finding(self, rule: Rule, message: str, path: str, line_offset: int, verdict: Verdict = Verdict.WRONG,
                **kw) -> Finding:
        return rule.finding(message, self.spot(path, line_offset), verdict, file=self.loaded.file, **kw)


# ----------------------------------------------------------------------------------------------------------------

def run(loaded: Loaded) -> Iterable[Finding]:
    report = loaded.report
    loc = Locator(loaded)
    labels, table = text_labels(report), scores(report)  # once a report, not once a text
    computed = None if table is None else sum(table, Decimal(0))
    out: list[Finding] = []
    for fld, pars in texts_of(loaded):
        texts = [p for p, _k in pars]
        # each paragraph read once: relations and quantities; an indicator's score against its weight is judged on
        # the data (SCR001/SCR002), not on its narrative
        issues, quantities = read_paragraphs(tuple(texts))
        for k, issue in issues:
            spot = issue.location
            out.append(issue.at(loc.spot(fld.path, pars[k][1]), file=loaded.file,
                                quote=sentence_at(texts[k], spot.offset, spot.end)))
        out += _scores_and_grades(loaded, loc, fld, pars, quantities, table, computed)
        out += _budget_figures(labels, loc, fld, pars, quantities)
        out += _departments(report, loc, fld, pars)
        if isinstance(fld.node, Indicator) and fld.path.endswith(".narrative"):
            out += _indicator(fld.node, loc, fld, pars, quantities)
    out += _copied_indicator_texts(report, loc)
    return out


def _plain(text: str) -> str:
    return re.sub(r"[\s“”\"'‘’*#]", "", text)


def _copied_indicator_texts(report: Report, loc: Locator) -> list[Finding]:
    """NAR006 (two indicator texts alike) and NAR007 (a text naming another indicator but not its own)."""
    from .similarity import first_copies

    inds = [i for _a, _b, i in report.indicators.all_indicators() if i.narrative and i.narrative.strip()]
    names = {_plain(i.name): i for _a, _b, i in report.indicators.all_indicators() if len(_plain(i.name)) >= 3}
    out: list[Finding] = []
    texts = [_plain(i.narrative) for i in inds]
    copies = first_copies(texts, 0.9, min_len=30)
    for b, ind in enumerate(inds):
        if b in copies:
            a, ratio = copies[b]
            out.append(loc.finding(NAR006, f"指标“{ind.name}”的说明与指标“{inds[a].name}”的说明"
                                   f"{'相同' if ratio == 1 else '几乎相同'}（相似度 {ratio:.0%}），疑为复制粘贴",
                                   ind.at("narrative"), 0, quote=sentence_at(ind.narrative.strip(), 0)))
        own = _plain(ind.name)
        if own in texts[b]:
            continue
        others = [n for n, other in names.items() if other is not ind and n in texts[b] and n not in own]
        if others:
            named = "、".join(f"“{n}”" for n in others)
            out.append(loc.finding(NAR007, f"指标“{ind.name}”的说明提到{named}，没有提到“{ind.name}”本身",
                                   ind.at("narrative"), 0, quote=sentence_at(ind.narrative.strip(), 0)))
    return out


def _scores_and_grades(loaded, loc, fld, pars, quantities, table: list[Decimal] | None,
                       computed: Decimal | None = None) -> list[Finding]:
    """NAR001 and NAR002 of one text; ``computed``: the sum of ``table`` (worked out once a report by the caller)."""
    report = loaded.report
    out = []
    texts = [p for p, _k in pars]
    totals, _ind = read_claims(texts, quantities)
    if computed is None and table is not None:
        computed = sum(table, Decimal(0))
    declared = report.indicators.total_score
    for t in totals:
        judged = []
        if table is not None:  # total = Σ scores, as SCR006 judges the declared total
            judged.append(("评分表各指标得分之和", computed, sum_verdict(table, t.value, Kind.SCORE)[0]))
        if declared is not None:  # the same figure written twice
            judged.append(("indicators.total_score", declared, repeat_verdict(t.value, declared, Kind.SCORE)))
        for what, value, v in judged:
            if v is not Verdict.OK:
                out.append(loc.finding(NAR001, f"正文写自评总得分 {t.text}，{what}为 {num_text(value)}分",
                                       fld.path, pars[t.para][1], v, expected=num_text(value), found=num_text(t.value),
                                       quote=sentence_at(texts[t.para], t.offset)))
                break
    score = computed if computed is not None else declared
    declared_grade = normalise_grade(report.indicators.grade) if report.indicators.grade else None
    for k, text in enumerate(texts):
        for m in GRADE.finditer(text):
            word, _at = grade_word(m)
            stated = normalise_grade(word)
            if stated is None:
                continue
            expected = grade_for(score) if score is not None else declared_grade
            if expected is None or stated == expected:
                continue
            why = f"总得分 {num_text(score)}分 对应" if score is not None else "indicators.grade 为"
            out.append(loc.finding(NAR002, f"正文写等级“{word}”，{why}“{long_grade(expected)}”（{expected}）",
                                   fld.path, pars[k][1], expected=long_grade(expected), found=word,
                                   quote=sentence_at(text, m.start())))
    return out


_LABEL_NOISE = re.compile(r"^(\d{4}年(度)?|本年度?|全年|本单位|我局|我单位|其中[：:]?|合计|累计)+")


def _budget_figures(labels: dict[str, Decimal], loc, fld, pars, quantities) -> list[Finding]:
    out = []
    for k, qs in enumerate(quantities):
        for q in qs:
            if q.unit != "万元" or q.role != "level" or q.approx:
                continue
            label = _LABEL_NOISE.sub("", q.label).strip()
            if label not in labels:
                continue
            value = labels[label]
            v = repeat_verdict(q.value, value, Kind.MONEY)
            if v is Verdict.OK:
                continue
            out.append(loc.finding(NAR003, f"正文写{label} {q.text}，数据为 {value:f}万元", fld.path,
                                   pars[k][1], v, expected=f"{value:f}", found=num_text(q.value),
                                   quote=sentence_at(pars[k][0], q.start)))
    return out


_DEPTS = re.compile(r"(内设|下设)(机构|科室|股室|处室|职能科室)?(有|共有|共)?(?P<n>\d+|[一二两三四五六七八九十]+)个(机构|科室|股室|处室|职能科室)?")


def _departments(report, loc, fld, pars) -> list[Finding]:
    from ..claims.cnnum import count_value

    listed = len(report.unit.departments) if report.unit.departments else report.unit.departments_count
    if not listed:
        return []
    out = []
    for text, off in pars:
        for m in _DEPTS.finditer(text):
            n = count_value(m.group("n"))
            if n is None or n == listed:
                continue
            out.append(loc.finding(NAR005, f"正文写内设机构 {m.group('n')}个，unit.departments 列出 {listed} 个",
                                   fld.path, off, expected=str(listed), found=str(n), quote=sentence_at(text, m.start())))
    return out


def _indicator(ind: Indicator, loc, fld, pars, quantities) -> list[Finding]:
    out = []
    actual = parse_value(ind.actual)
    core = re.sub(r"[“”\"]", "", ind.name)[-3:]
    for k, qs in enumerate(quantities):
        text = pars[k][0]
        for q in qs:
            before = text[max(0, q.start - 12):q.start]
            checks = []
            if q.unit == "分" and re.search(r"得分(为|是|：)?$", before) and ind.score is not None:
                checks.append(("得分", ind.score))
            elif q.unit == "分" and re.search(r"分值(为|是|：)?$", before):
                checks.append(("分值", ind.weight))
            elif (actual is not None and actual.op is None and q.unit == (actual.unit or "") and core
                  and core in q.label and q.role in ("level", "rate")):
                checks.append(("实际完成值", actual.number))
            for what, value in checks:
                if value is None or value == q.value:
                    continue
                out.append(loc.finding(NAR004, f"指标“{ind.name}”的说明写{what} {q.text}，数据为 {num_text(value)}"
                                       f"{q.unit if what == '实际完成值' else '分'}", fld.path, pars[k][1],
                                       expected=num_text(value), found=num_text(q.value),
                                       quote=sentence_at(text, q.start)))
    return out
