"""Filling: values still to fill (FIL001) and narrative still telling last year's figures (FIL002).

``jixiao init`` and ``jixiao rollover`` write the placeholder ``待填`` wherever a figure is to be filled; the loader
takes each one out and remembers where it was (:mod:`toolkit.placeholders`). FIL001 reports every one at its line.
While a value is still to fill, the findings that depend on it (at it, above it, or beside it in the same object)
are held back: "各项之和 ≠ 合计" against a blank is noise, and the full check runs once the values are there.

Copying last year's text is where published errors come from. After ``rollover`` the data knows last year's
figures (every ``previous`` amount, each indicator's ``previous`` result, ``indicators.previous_score``); FIL002
flags each narrative sentence that still states one of them as if it were this year's, or that reports the year
before the evaluated one as its own time (“2022年，全区……增长9.6%” in a 2023 report). A sentence that compares with
last year on purpose (上年、去年、比、较、同比) is left alone. Numbers are read by the claim engine's quantity reader.
"""
from __future__ import annotations

from ..lazyre import re
from decimal import Decimal
from typing import Iterable, Iterator

from ..claims.prose import _sentence_bounds
from ..claims.quantities import Quantity
from ..findings import ERROR, WARNING, Finding
from ..load import Loaded
from ..domain.budget import figures
from ..model import Figure
from ..placeholders import PLACEHOLDER, describe
from ..rules import Rule
from .common import nodes, shared
from .narrative import Locator, read_paragraphs, texts_of
from .scores import parse_value

FIL001 = Rule("FIL001", "filling", ERROR, "尚未填写的数值",
         f"jixiao init 生成的新文件和 jixiao rollover 生成的下一年度文件，把需要填写的数值写作“{PLACEHOLDER}”。"
         "每一个“待填”都在此列出，填写前不会生成报告（“待填”不会当作 0 通过核验）。与待填数值相关的其他核验"
         "（如合计与各项之和）在填完后才报告。",
         f"data.yaml:64:13: FIL001 基本支出的本年决算数尚未填写（“{PLACEHOLDER}”） [budget.expenditure.basic.amount]")
FIL002 = Rule("FIL002", "filling", WARNING, "正文仍写着上年的数字",
         "由上年文件滚动生成的报告，正文沿用了上年的文字：句中的数字等于数据中上年的数字（上年决算数、上年指标"
         "完成值、上年得分），或句子以上一年度开头（如 2023 年度报告中的“2022年，……”）。请改为本年的情况。"
         "有意与上年比较的句子（含“上年”“去年”“比”“较”“同比”）不报告。",
         "data.yaml:389: FIL002（警告） 正文仍是 2022 年的数字：9.6%（上年“规模以上工业增加值”的实际完成值） "
         "[narrative.performance]")

#: findings of these families compare the text with the data: a blank beside them does not make them noise
_TEXT_FAMILIES = ("NAR", "TXT")
#: words marking a deliberate comparison with last year
_COMPARING = re.compile(r"上年|去年|上一年|比|较|同比|相比|同期")


def run(loaded: Loaded) -> Iterable[Finding]:
    report = loaded.report
    for path in loaded.unfilled:
        yield loaded.finding(FIL001, f"{describe(report, path)}尚未填写（“{PLACEHOLDER}”）", path)
    yield from _stale(loaded)


def settle(findings: list[Finding], unfilled: list[str]) -> list[Finding]:
    """Hold back the findings that depend on a value still to fill (see the module docstring)."""
    if not unfilled:
        return findings
    return [f for f in findings if f.code.startswith(("FIL", "KEY", "ENC")) or not _depends(f, unfilled)]


def _depends(f: Finding, unfilled: list[str]) -> bool:
    if not f.path:
        return False
    scopes = [f.path]
    if not f.code.startswith(_TEXT_FAMILIES):
        scopes.append(_parent(f.path))
    for u in unfilled:
        for scope in scopes:
            if u == scope or not scope or u.startswith((scope + ".", scope + "[")):
                return True
    return False


def _parent(path: str) -> str:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


# ----------------------------------------------------------------------------------------------------------------
# FIL002: last year's figures in this year's text
# ----------------------------------------------------------------------------------------------------------------


def _last_year(loaded: Loaded) -> tuple[dict[Decimal, str], dict[tuple[Decimal, str], str]]:
    """Last year's money (万元 -> what it was) and other figures ((value, unit) -> what it was), as the data has them;
    a value this year's data also holds is left out (the same figure two years running is not stale)."""
    report = loaded.report
    money: dict[Decimal, str] = {}
    this_money: set[Decimal] = set()
    for node in shared(loaded, "figures", lambda: list(figures(report, nodes(loaded)))):
        if node.previous is not None and node.previous != 0:
            key = node.previous.normalize()
            if key not in money:  # the first figure's label (worked out only for it)
                money[key] = f"上年{_figure_label(node)}"
        for v in (node.amount, node.full_budget, node.initial_budget):
            if v is not None:
                this_money.add(v.normalize())
    other: dict[tuple[Decimal, str], str] = {}
    this_other: set[tuple[Decimal, str]] = set()
    for _a, _b, ind in report.indicators.all_indicators():
        for text, bucket in ((ind.previous, "previous"), (ind.actual, "actual")):
            v = parse_value(text)
            if v is None or v.op is not None or not v.unit:
                continue
            key = (v.number.normalize(), v.unit)
            if bucket == "previous":
                other.setdefault(key, f"上年“{ind.name}”的实际完成值")
            else:
                this_other.add(key)
    ind = report.indicators
    if ind.previous_score is not None:
        other.setdefault((ind.previous_score.normalize(), "分"), "上年自评得分")
    if ind.total_score is not None:
        this_other.add((ind.total_score.normalize(), "分"))
    return ({k: v for k, v in money.items() if k not in this_money},
            {k: v for k, v in other.items() if k not in this_other})


def _figure_label(node: Figure) -> str:
    from ..domain.budget import label_of

    label = label_of(node)
    return label if not label.startswith("budget.") else "数"


def _stale(loaded: Loaded) -> Iterator[Finding]:
    report = loaded.report
    money, other = _last_year(loaded)
    # a sentence opening with the year before is stale only in a file carried over from that year
    rolled = bool(loaded.unfilled or report.indicators.previous_score is not None
                  or any(i.previous for _a, _b, i in report.indicators.all_indicators()))
    prior = f"{report.year - 1}年" if rolled else None
    if not money and not other and not prior:
        return
    loc = Locator(loaded)
    for fld, pars in texts_of(loaded):
        if fld.path == "indicators.goal.target":  # the plan: its targets are kept from year to year
            continue
        # the quantities the narrative checks read (cached per text: read once a report, not once a family)
        _issues, read = read_paragraphs(tuple(text for text, _k in pars))
        for (text, offset), found in zip(pars, read):
            qs = [q for q in found if not q.approx]
            if not qs:
                continue
            for start, end, hits, opens in _sentences(text, qs, money, other, prior):
                sentence = text[start:end + 1].strip()
                if hits:
                    what = "、".join(f"{q.text}（{why}）" for q, why in hits)
                    message = f"正文仍是 {report.year - 1} 年的数字：{what}"
                else:
                    message = f"句子写的是 {opens} 的情况，本报告评价 {report.year} 年度"
                yield loc.finding(FIL002, message, fld.path, offset, quote=sentence,
                                  help="改为本年的数字和情况；有意与上年比较时写明“上年”“比上年”")


def _sentences(text: str, qs: list[Quantity], money, other, prior: str | None):
    """``(start, end, [(quantity, why)], opening)`` for each stale sentence of a paragraph."""
    seen: dict[int, tuple[int, list, str]] = {}
    for q in qs:
        start, end = _sentence_bounds(text, q.start)
        sentence = text[start:end]
        if _COMPARING.search(q.pre) or _COMPARING.search(q.label):
            continue
        why = _why(q, money, other)
        opens = prior if prior and re.match(rf"\s*(在|截至|截止)?{prior}(?!底|末|初|前|以前)", sentence) else ""
        if opens and _COMPARING.search(sentence):
            opens = ""
        if why is None and not opens:
            continue
        _end, hits, was = seen.setdefault(start, (end, [], opens))
        if why is not None:
            hits.append((q, why))
    for start, (end, hits, opens) in seen.items():
        yield start, end, hits, opens


def _why(q: Quantity, money: dict, other: dict) -> str | None:
    if q.kind == "money":  # a level: an amount after 增加/减少 is a change, not last year's figure
        return money.get(q.value_in("万元").normalize()) if q.role == "level" else None
    if q.unit == "%" and q.value == 100:  # 合格率100%, 公开率100%: too common to tell one year from the next
        return None
    if q.role in ("level", "rate", "change"):  # 增速9.6% is a level of a growth-rate indicator
        return other.get((q.value.normalize(), q.unit))
    return None
