"""Scores and grades stated in prose: the total score against the indicator scores (in the text or in the scoring
table), an indicator's score against its weight and completion rate, the grade against the score band."""
from __future__ import annotations

from ..lazyre import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal

from ..domain.scoring import LEVEL_ONE
from ..domain.grades import GRADES, grade_for, long_grade, normalise_grade
from ..domain.tolerance import score_verdict
from ..findings import ERROR, WARNING
from ..numbers import half_ulp, quantize
from ..rules import Rule
from .arith import Kind, Verdict, like, num_text, pct_text, ratio_verdict, sum_verdict
from .document import SCORE_HEAD, WEIGHT_HEAD
from .prose import _LAST_YEAR, _SPENT, Issue, _issue, _stage, sentence_at
from .quantities import Quantity, prior, sentences

TXT007 = Rule("TXT007", "lint", ERROR, "总得分与文中各指标得分之和不符",
    "正文逐项写出指标得分（“该指标绩效评价得分为8.95分”）并写出总得分（“综合得分93.39分”）时，总得分应等于各项之和。"
    "各项之和小于总得分时，只有各项分值之和为100（确知列全）才报告。同一段逐一写出各一级指标的得分（“预算执行率9.71分，"
    "产出指标48.60分，效益指标28.90分，满意度指标9.30分，总得分96.51分”）时，总得分应等于其和：产出、效益、满意度各写一次时核对，"
    "未写预算执行率得分而和小于总得分时不报；写在“满分”“分值”“权重”之后、或相加正好为100的是分值，不是得分。以一级指标命名的得分不是总得分，"
    "等级按总得分核对。报告没有评分表、而逐项写出各指标（每项以只有指标名称的一句开头，如“孕产妇系统管理率。年度目标90%，"
    "实际完成88.2%，…，该项得9.80分。”，每项恰有一个得分，连续至少五项）时，总得分应等于这些得分之和；和小于总得分时，"
    "只有项数等于报告所说的指标数（“绩效指标共10项”）、或各项分值都写出且合计100时才报告。",
    "report.txt:50: 第50段: TXT007 总得分 95分 与文中 10 个指标得分之和 93.39 不符")
TXT008 = Rule("TXT008", "lint", ERROR, "指标得分与分值或完成率不符",
    "指标得分不能超过其分值（错误）。正文只写“该项得10分”而未写分值时，该句（或其前一句）所述指标若恰为自评表中的一行"
    "（与该行指标名称至少有4个、且过半的字相同），按该行的分值核对。正向指标未完成时按比例计分：得分 = 分值 × 完成率；得分与之不符时给出警告"
    "（定性指标或其他计分方法可能不同）。未写分值时，若得分 ÷ 完成率 不是整数或半分，也给出警告。"
    "报告写明按比例计分（得分＝分值×实际完成值÷目标值）时，一句中恰有一个目标值、一个实际值、一个分值和一个得分的指标，"
    "得分应为 分值 × min(实际 ÷ 目标, 1)，不符为错误；分值、得分与目标、实际写在相邻几句时（从该指标的分值到下一个指标的分值），"
    "同样核对；句中只写得分、分值在自评表该行时，按表中分值核对，句中未写目标与实际时取该行的目标值（≥N）与实际完成值。预算执行率指标（DOMAIN §3）：得分 = 分值 × 执行率；从“预算执行率”到其后第一个得分（至多到其后第二句），"
    "恰有一个分值（“分值10分”“权重10分”“满分10分”“预算执行率（10分）”）、一个执行率和一个得分时核对，不符为错误；"
    "未写执行率而恰写了一个全年预算数和一个执行数（决算数、支出）时，执行率为两者之比。"
    "执行率达到或超过100%、或文中写有其他计分办法（扣分、达到某值以上得满分、分档）时不报；得分按两位小数四舍五入或截断均视为相符。",
    "report.txt:45: 第45段: TXT008（警告） 完成率 95%、得分 9.69分：按比例计分（得分 = 分值 × 完成率）对应的分值为 10.20分，不是整数或半分；请核对分值与得分")
TXT009 = Rule("TXT009", "lint", ERROR, "等级与得分不符",
    "等级应与总得分所在分数段一致：优（90–100）、良（80–90）、中/合格（60–80）、差/不合格（60以下）。"
    "“自评结果为优秀”“评价结果为良好”“评价结论为良好”“评价等次为优”也是所述等级，“合计得分93.86分，绩效评价等级为…”中紧接等级的得分是总得分，“部门整体支出绩效评价得分”也是总得分；等级写在同一句的总得分之前（“评价等级为良，综合得分93.5分”）时对照该得分。"
    "报告写明了自己的分数段（“85分（含）以上为优秀，75分（含）至85分为良好”“优（90分及以上）、良（80分至90分）”）时按所写的分数段"
    "核对，未写的等级沿用上述分数段；同一等级写了两个不同的下限、或各段次序不对时不核对；得分正好在所写的下限上时不报。以“项目 | 结果”等键值表写出得分和等级（“自评得分 | 88.57”“评价等级 | 优”，或两键在上、值在下），或评分表总分行之下另起一行写等级时，按该得分核对表中等级；“上年自评得分91.35分，等级为优”中的等级是上年得分的，不与本年得分对照。",
    "report.txt:60: 第60段: TXT009 得分 85分 对应等级为“良好”（良），文中写“优秀”")
TXT010 = Rule("TXT010", "lint", ERROR, "正文总得分与评分表合计不符",
    "正文所写的自评总得分应等于自评表（附件2）各指标得分之和（或其“总分”行）。正文总得分与表中“总分”行相同而与各指标"
    "得分之和不符时，表中总分行（TBL002）与正文都报告：正文所写的也不是各项之和；某一指标得分经核实有误"
    "（如数字互换）或总分行按预算执行率的计分规则相符时，正文不报。正文写一级指标的得分（“产出指标得分47.5分”，"
    "不是“产出指标50分”这样的分值）时，应等于自评表中该一级指标各行（至少两行）得分之和。",
    "report.txt:57: 第57段: TXT010 正文所述总得分 98分 与表2（自评表）的得分合计 99分不符")
TXT013 = Rule("TXT013", "lint", ERROR, "权重得分比例与得分不符",
    "重庆式逐项评价写“X指标分值10分，实际得分9分。…根据评价标准，该指标得90%权重分。”：权重分比例应等于"
    "得分 ÷ 分值。只在同一段中恰好写出一个分值和一个得分时核对。",
    "report.txt:52: 第40段: TXT013 得分 9分 ÷ 分值 10分 = 90.00%，文中写该指标得95%权重分")

# "综合" alone is not enough: indicator names hold it ("畜禽粪污综合利用率")
_TOTAL_CONTEXT = re.compile(r"自评|综合得分|综合评分|综合评价|综合评定|总分|总得分|满分100|等级|等次|评价结论|"
                            r"(?:整体支出|部门)绩效评价得分")
# "（分值5分，得分4.88分）": a weight and a score in one clause are one indicator's
_OWN_WEIGHT = re.compile(r"分值\s*\d+(?:\.\d+)?\s*分\s*[，,、；;]?\s*(?:实际)?得分(?:为|是|：|:)?\s*$")
_INDICATOR_CONTEXT = re.compile(r"该指标|该项指标|该项(?!目)|指标分值|此项")
# "绩效自评93.44分": the score written straight after 自评
_SCORE_WORD = re.compile(r"得分|自评分|总分|评分|自评(?:为|得)?\s*$")
_WEIGHT_WORD = re.compile(r"分值|权重|满分")
#: a grade in the clause right after a score (…93.86分，绩效评价等级为“良好”): the score is the total the grade is of
_GRADE_NEXT = re.compile(r"[，,]\s*[\u4e00-\u9fff]{0,8}?(?:等级|等次|评价结论|评价结果)")
#: a sentence setting up the indicator system (共设置三级指标17个…): a 总分 in it is the weights' total, no score
_SETUP = re.compile(r"(?:设置|设定|设立|设计|构建|建立|选取|共设)[^。；]{0,20}?指标")
# "其中学前教育提升项目自评得分为", "校园安全工程项目得分": a project named by its own words (not 本项目/该项目/部门整体)
_NAMED_PART = re.compile(r"(?<![本该此])[\u4e00-\u9fff]{2,}(?:项目|工程|专项)(?:的|整体)?(?:绩效)?(?:自评)?(?:综合|总)?得分")
_GRADES = r"(优秀|优|良好|良|合格|中等|中|不合格|较差|差)"
# 等级为“优秀” / 属于“良好”等级 (the grade quoted before 等级 or 等次)
GRADE = re.compile(r"等[级次](?:评定)?(?:为|是|：|:|评定为|确定为|认定为|定为|评为)?\s*[“\"「『]?" + _GRADES + r"(?![\u4e00-\u9fff]{0,1}[化质势])|"
                   r"(?:属于|评定为|评为|定为|为|获评|达到)\s*[“\"「『]" + _GRADES + r"[”\"」』]\s*(?:等级|等次|档次)|"
                   # 按等级划分属于“中”: the grade quoted after the words naming the scale
                   r"等[级次](?:划分|标准)(?:应)?属于\s*[“\"「『]" + _GRADES + r"[”\"」』](?![、，,]?\s*[“\"「『])|"
                   # 自评结果为“优秀” / 评价结果为良好: the grade as the result, the word standing alone
                   r"(?:评价|自评|考核|评定)(?:结果|结论)(?:为|是|：|:|评定为)\s*[“\"「『]?" + _GRADES
                   + r"(?=[”\"」』，,。；;、\s（(]|$|等级|等次|档次)")


def grade_word(m: re.Match) -> tuple[str, int]:
    """The grade a :data:`GRADE` match states and where it is written."""
    k = next(g for g in range(1, (m.re.groups or 0) + 1) if m.group(g))
    return m.group(k), m.start(k)


@dataclass
class ScoreClaim:
    value: Decimal
    text: str
    offset: int
    para: int  # index into the list of texts given to :func:`read_claims`
    weight: Decimal | None = None
    rate: Decimal | None = None
    #: the score of one named project within the report ("其中学前教育提升项目自评得分为88.40分"), not the whole's:
    #: its grade is checked, but not against the sum of the whole's scoring table or indicators
    named_part: bool = False


#: how far back (characters) the words before a score are read
_BEFORE_REACH = 200


def _before(text: str, q: Quantity) -> str:
    """The sentence up to the quantity (at most :data:`_BEFORE_REACH` characters of it)."""
    lo = max(0, q.start - _BEFORE_REACH)
    start = max(text.rfind(c, lo, q.start) for c in "。！？\n") + 1
    return text[max(start, lo):q.start]


#: the own name of a score, the words of its clause before it (自评得分：预算执行率9.71分 → 预算执行率): a 一级 kind of
#: indicator (DOMAIN §3: 预算执行率, 产出, 效益, 满意度) written as the whole name, with 指标 / 类 / 得分 at most around it
_KIND_SCORE = re.compile(r"^(?:其中|包括|分别为|即)?[，,：:]?\s*(?P<kind>预算执行率?|执行率|" + "|".join(LEVEL_ONE) +
                         r")(?:类)?(?:指标)?(?:（[^（）]{0,12}）)?(?:合计|小计|共计|总)?(?:得分|实际得分|自评得分|实得|得)?(?:为|是|：|:)?\s*$")
#: the own name of a total score: 合计 / 总计 / 总得分 / 综合得分 … alone in its clause
_TOTAL_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{0,6}?(?:合计|总计|共计|总得分|总分|综合得分|综合评分|综合评定(?:得分|分数|结果)?|自评得分|自评总分))"
                         r"(?:得分)?(?:为|是|：|:)?\s*$")


#: a figure that is a bound of a band (a grade's score range): the upper after a dash, the lower before one or 以上
_BAND_BEFORE = re.compile(r"\d(?:\.\d+)?\s*分?\s*(?:[（(](?:不)?含[）)])?\s*[-—–~～至到]\s*$")
_BAND_AFTER = re.compile(r"\s*(?:[（(](?:不)?含[）)])?\s*(?:及以上|以上|以下|以内|[-—–~～至到]\s*\d)")


def _own_name(before: str) -> str:
    """The words of the score's own clause, after the last separator (，、；：)."""
    cut = max(before.rfind(c) for c in "，,、；;：:")
    return before[cut + 1:] if cut >= 0 else before


#: a kind's weight in the clause before its score (效益类指标权重30%，得23.50分): the kind names the score
_KIND_WEIGHT = re.compile(r"(?:^|[，,；;：:])\s*(?:其中|包括)?(?P<kind>预算执行率?|执行率|" + "|".join(LEVEL_ONE) +
                          r")(?:类)?(?:指标)?(?:的)?(?:分值|权重|满分)?(?:为|是)?\s*\d+(?:\.\d+)?\s*(?:分|%|％)[，,]\s*"
                          r"(?:实际)?(?:得分|实得|得|计)(?:为|是|：|:)?\s*$")


def weighed_kind(before: str) -> str | None:
    """The 一级 kind of a score whose clause is only 得, its kind and weight in the clause before (``效益类指标权重30%，
    得23.50分`` → 效益)."""
    m = _KIND_WEIGHT.search(before)
    if m is None:
        return None
    k = m.group("kind")
    return "预算执行" if "执行" in k else k


def score_kind(before: str) -> str | None:
    """The 一级 kind a score is named by (``产出指标得分47.50分`` → 产出), None for any other score."""
    m = _KIND_SCORE.match(_own_name(before).strip())
    if m is None:
        return weighed_kind(before)
    k = m.group("kind")
    return "预算执行" if "执行" in k else k


def read_claims(texts: list[str], quantities: list[list[Quantity]], kinds: list | None = None
                ) -> tuple[list[ScoreClaim], list[ScoreClaim]]:
    """(total-score claims, indicator-score claims) in a list of paragraph texts; ``kinds`` (if given) receives
    (kind, claim) for every score named by a 一级 kind of indicator (产出指标47.50分), which is no total."""
    totals, indicators = [], []
    for k, (text, qs) in enumerate(zip(texts, quantities)):
        for i, q in enumerate(qs):
            before = _before(text, q)
            if q.unit != "分" or q.approx or _WEIGHT_WORD.search(q.pre[-4:]):
                continue
            if _BAND_BEFORE.search(before) or _BAND_AFTER.match(text, q.end):
                continue  # 90-100分为优, 90分（含）以上: a bound of a grade band, not a score
            if _LAST_YEAR.search(_own_name(before)):
                continue  # 上年自评得分为93.6分: last year's score, no claim about this year's table
            if _SETUP.search(before) and "得" not in before and not re.search(r"自评|评价|综合|实际", _own_name(before)):
                continue  # 本次自评共设置三级指标17个，…，总分100分: the indicator system's full marks, no score
            kind = score_kind(before)
            if kind is not None and _WEIGHT_WORD.search(before) and weighed_kind(before) is None:
                continue  # 满分100分，其中预算执行率10分、产出指标50分…: the kinds' weights, not their scores
            if kind is not None and (weighed_kind(before) is not None  # 产出指标分值50分，得分46.78分: the kind's
                                     or not _INDICATOR_CONTEXT.search(before) and not _OWN_WEIGHT.search(before)):
                if kinds is not None and (_SCORE_WORD.search(before) or _TOTAL_CONTEXT.search(before)
                                          or weighed_kind(before)):
                    kinds.append((kind, ScoreClaim(q.value, q.text, q.start, k)))
                continue  # 预算执行率9.71分, 产出指标48.60分: a kind's score, not the total
            # the context of a total: before the score in its sentence, or a grade right after it (合计得分93.86分，
            # 绩效评价等级为“良好”: the score the grade is of)
            context = _TOTAL_CONTEXT.search(before) or _GRADE_NEXT.match(text, q.end)  # (no 。 in its reach)
            if not _SCORE_WORD.search(before[-10:]) and not (context and _TOTAL_NAME.match(_own_name(before).strip())):
                continue
            if _TOTAL_NAME.match(_own_name(before).strip()) and context \
                    and not _INDICATOR_CONTEXT.search(before) and not _OWN_WEIGHT.search(before):
                totals.append(ScoreClaim(q.value, q.text, q.start, k))  # …满意度指标9.69分，合计96.06分
                continue
            if _INDICATOR_CONTEXT.search(before) or _OWN_WEIGHT.search(before):
                claim = ScoreClaim(q.value, q.text, q.start, k)
                weights = [p for p in prior(qs, i, q.start - len(before)) if p.unit == "分"
                           and _WEIGHT_WORD.search(p.pre)]
                claim.weight = weights[-1].value if weights else None
                rates = [p for p in prior(qs, i, 0) if p.unit == "%" and p.role in ("rate", "level")]
                claim.rate = rates[-1].value if rates else None
                # 目标值为≥98%，实际完成96.5%，分值10分，得分9.85分: an actual beside its target completes actual ÷ target
                scored = max([p.end for p in qs[:i] if p.unit == "分" and not _WEIGHT_WORD.search(p.pre[-4:])],
                             default=-1)
                targets = [p for p in prior(qs, i, 0) if p.unit == "%" and p.role == "target" and p.start > scored
                           and not p.approx and p.value > 0 and not _REVERSE.search(p.pre[-5:])]
                reverse = [p for p in prior(qs, i, 0) if p.unit == "%" and p.role == "target" and p.start > scored
                           and _REVERSE.search(p.pre[-5:])]
                if reverse and rates and reverse[-1].start < rates[-1].start:
                    claim.rate = None  # ≤5%, 实际3%: a 反向 indicator's figure is no completion rate
                elif rates and targets and scored < targets[-1].start < rates[-1].start and rates[-1].role == "level" \
                        and not re.search(r"率", rates[-1].label):  # an actual, not a 完成率 already of its target
                    claim.rate = min(rates[-1].value / targets[-1].value * 100, Decimal(100))
                indicators.append(claim)
            elif context and "指标" not in re.sub(r"指标体系", "", re.sub(r"[（(][^（）()]{0,12}[）)]", "", before)[-12:]):
                # (…培训人数指标（权重10分）自评得分8.53分: an indicator's score, its weight in brackets)
                named = _NAMED_PART.search(before) and not re.search(r"部门整体|单位整体", before)
                totals.append(ScoreClaim(q.value, q.text, q.start, k, named_part=bool(named)))
    return totals, _one_per_section(texts, indicators)


_HEADING = re.compile(r"^\s*(\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)")


#: a paragraph opening a numbered item of a list (1. / 2、 / （3）)
_ITEM = re.compile(r"^\s*(?:\d+[.．、]|[（(]\d+[）)])\s*[\u4e00-\u9fff]")


def _one_per_section(texts: list[str], claims: list[ScoreClaim]) -> list[ScoreClaim]:
    """One score per indicator section (a short numbered heading opens a section): a report may state the same
    score twice ("分值10分，实际得分8.95分" then "该指标得分为8.95分"); a weight stated once serves the section."""
    section, sections = 0, []
    for text in texts:
        if _HEADING.match(text) and len(text) < 40 and "。" not in text:
            section += 1
        sections.append(section)
    kept: dict[tuple[int, Decimal], ScoreClaim] = {}
    out = []
    for c in claims:
        key = (sections[c.para], c.value) if sections[c.para] else (-1 - len(out), c.value)
        first = kept.get(key)
        if first is not None and first.para != c.para and _ITEM.match(texts[c.para]):
            first = None  # 3.…实际得分10分 / 5.…实际得分10分: numbered items of their own, two indicators
            key = (-1 - len(out), c.value)
        if first is None:
            kept[key] = c
            out.append(c)
        else:
            first.weight = first.weight if first.weight is not None else c.weight
            first.rate = first.rate if first.rate is not None else c.rate
    return out


def check_indicator_scores(indicators: list[ScoreClaim]) -> list[tuple[int, Issue]]:
    """Each indicator: score ≤ weight; proportional scoring (score = weight × rate when the rate is under 100 %)."""
    out = []
    for c in indicators:
        if c.weight is not None and c.value > c.weight:
            out.append((c.para, _issue(TXT008, Verdict.WRONG, f"指标得分 {c.text} 超过其分值 {num_text(c.weight)}分",
                                       f"≤{num_text(c.weight)}", num_text(c.value), c.offset)))
            continue
        if c.rate is None or not (0 < c.rate < 100) or c.value == c.value.to_integral_value():
            continue
        if c.weight is not None:
            v, expected = score_verdict(c.value, c.weight * c.rate / 100, c.weight)
            if v is not Verdict.OK:  # another scoring method may apply: a doubt, not an error
                out.append((c.para, _issue(TXT008, Verdict.DOUBT, f"完成率 {num_text(c.rate)}%，按比例计分应得 "
                                           f"{num_text(c.weight)} × {num_text(c.rate)}% = {num_text(expected)}分，文中为 "
                                           f"{c.text}（请核对计分方法）", num_text(expected), num_text(c.value), c.offset)))
            continue
        implied = c.value * 100 / c.rate
        if abs(implied * 2 - (implied * 2).to_integral_value()) > Decimal("0.02"):
            out.append((c.para, _issue(TXT008, Verdict.DOUBT, f"完成率 {num_text(c.rate)}%、得分 {c.text}：按比例计分"
                                       f"（得分 = 分值 × 完成率）对应的分值为 {quantize(implied, 2)}分，不是整数或半分；"
                                       f"请核对分值与得分", None, num_text(c.value), c.offset)))
    return out


def _common(a: str, b: str) -> int:
    """The length of the longest run of characters ``a`` and ``b`` share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] not in b:
                break
            best = j - i
    return best


#: the fewest characters of an indicator's name the words before its score must share with it (客运站场月度安全检查)
_NAME_RUN = 4


def indicator_names(st) -> dict[int, str]:
    """The name of each indicator row of a 自评表 (its 三级指标 / 指标名称 column, else the cell just before its 分值/权重
    column): {row: name}."""
    from .results import _NAME_HEADS

    rows = st.table.rows
    wcol = ncol = None
    for row in rows[:min((r for r, _w, _s in st.items), default=0)]:
        heads = [re.sub(r"\s+", "", c) for c in row]
        at = [i for i, h in enumerate(heads) if WEIGHT_HEAD.fullmatch(h)]
        if at and any(SCORE_HEAD.fullmatch(h) for h in heads):
            wcol = at[0]
            # the column headed 三级指标 / 指标名称 before the weight, else the cell just before it (指标值 and 实际完成值
            # columns between the name and the weight are no names)
            named = next((c for rx in _NAME_HEADS for c, h in enumerate(heads[:wcol]) if rx.match(h)), None)
            ncol = named if named is not None else wcol - 1
    if not wcol:
        return {}
    out = {}
    for r, _w, _s in st.items:
        name = re.sub(r"\s+", "", rows[r][ncol]) if ncol < len(rows[r]) else ""
        if len(name) >= _NAME_RUN and (ncol != wcol - 1 or not re.search(r"\d", name)):  # 65岁及以上…管理率
            out[r] = name
    return out


#: a score named only by the indicator its sentence is about: 该项得10分, 该指标得分8.5分, 此项得满分… (its weight unwritten)
_THIS_SCORE = re.compile(r"(?:该项指标|该指标|该项(?!目)|此项)(?:实际)?(?:得分|得)(?:为|是)?\s*$")


#: a score alone in its clause after the clause naming its indicator (优化调整公交线路5条，得8分)
_BARE_SCORE = re.compile(r"[，,]\s*(?:实际)?(?:得分|得|计)(?:为|是)?\s*$")


def check_scores_vs_rows(texts: list[str], quantities: list[list[Quantity]], st) -> list[tuple[int, Issue]]:
    """An indicator's score in prose whose weight the sentence does not write (该项得10分), the indicator named by the
    words before it (after the last ； of its sentence, else from the sentence's start or its previous score, else in
    the sentence before): against the 分值 of the one 自评表 row that name is of. A score above that weight is wrong wherever it is written (TXT008); nothing is
    said when no row, or more than one, is named."""
    names = indicator_names(st)
    if not names:
        return []
    weights = {r: w for r, w, _s in st.items}
    proportional = any(PROPORTIONAL.search(t) for t in texts)
    out = []
    for k, (text, qs) in enumerate(zip(texts, quantities)):
        for q in qs:
            if q.unit != "分" or q.approx or not (_THIS_SCORE.search(text, max(0, q.start - 12), q.start)
                                                  or _BARE_SCORE.search(text, max(0, q.start - 8), q.start)):
                continue
            sents = sentences(text)
            lo, _hi = sents.bounds(q.start)
            floor = max([p.end for p in qs if p.unit == "分" and p.end <= q.start], default=0)
            if _WEIGHT_WORD.search(text, max(lo, floor), q.start):
                continue  # 分值8分，该项得8分: the weight is written, check_indicator_scores judges it
            clause = max(text.rfind(c, lo, q.start) for c in "；;") + 1  # the clauses after the last ； first
            spans = [(max(lo, floor, clause), q.start)] if clause > max(lo, floor) else []
            spans.append((max(lo, floor), q.start))
            if lo > floor and lo > 0:
                spans.append((max(sents.bounds(lo - 1)[0], floor), lo))  # the sentence before, if no score is in it
            for a, b in spans:
                words = text[a:b]
                named = [r for r, name in names.items() if _common(name, words) >= max(_NAME_RUN, (len(name) + 1) // 2)]
                if not named:
                    continue
                if len(named) == 1 and q.value > weights[named[0]]:
                    r = named[0]
                    out.append((k, _issue(TXT008, Verdict.WRONG,
                                          f"指标“{names[r]}”得分 {q.text} 超过其在{st.table.where(r)}（评分表）中的分值 "
                                          f"{num_text(weights[r])}分", f"≤{num_text(weights[r])}", num_text(q.value),
                                          q.start)))
                elif len(named) == 1 and proportional:
                    issue = _proportional_by_row(text, qs, q, lo, names[named[0]], weights[named[0]], st, named[0])
                    if issue is not None:
                        out.append((k, issue))
                break
    return out


#: a kind's score named a score in its own clause (产出指标得分, 产出指标实得, 产出类指标得), not its weight (产出指标50分)
_SCORED = re.compile(r"得分|实得|得(?:为|是|：|:)?\s*$")


def check_kinds_vs_table(texts: list[str], kinds: list[tuple[str, ScoreClaim]], st) -> list[tuple[int, Issue]]:
    """A 一级 kind's score in prose (产出指标得分47.50分) against the sum of the scores of that kind's rows in the
    自评表 (two rows at least, the kind read from the 一级指标 cell carried down merged cells); only a figure its own
    clause calls a score (得分), a bare 产出指标50分 being as well the kind's weight."""
    from .counts import row_kinds

    by_kind: dict[str, list[Decimal]] = {}
    for _r, s, kind in row_kinds(st):
        if kind is not None:
            by_kind.setdefault(kind, []).append(s)
    out = []
    for kind, c in kinds:
        scores = by_kind.get(kind, [])
        if kind not in LEVEL_ONE or len(scores) < 2:
            continue
        text = texts[c.para]
        lo = max(0, c.offset - _BEFORE_REACH)
        before = text[max(lo, max(text.rfind(x, lo, c.offset) for x in "。！？\n") + 1):c.offset]
        if not _SCORED.search(_own_name(before)):
            continue
        v, total = sum_verdict(scores, c.value, Kind.SCORE)
        if v != "ok":
            out.append((c.para, _issue(TXT010, v, f"正文所述{kind}指标得分 {c.text} 与{st.table.where()}（评分表）中{kind}指标"
                                       f"各项得分之和 {like(total, scores)}分不符", like(total, scores), num_text(c.value),
                                       c.offset)))
    return out


#: the report states proportional scoring (DOMAIN §3, 正向: 得分 = 分值 × 实际 ÷ 目标, at most the weight)
PROPORTIONAL = re.compile(r"按(?:[^。；，,]{0,14}?的)?(?:完成|实际完成)?比例(?:计分|得分|计算得分|折算得分|赋分)|"
                          r"分值\s*[×xX*]\s*(?:实际|完成)[^。；]{0,12}[÷/]\s*(?:目标|计划)|"
                          r"(?:实际|完成)(?:完成)?值\s*[÷/]\s*(?:目标|计划)值\s*[×xX*]\s*(?:该指标)?分值")
_TARGET = re.compile(r"(?:目标值|目标|计划值|计划|指标值)(?:为|是|：|:)?\s*$")
_REVERSE = re.compile(r"[≤<＜]|不高于|不超过|低于|以下|以内|控制在")


def _proportional_by_row(text: str, qs: list[Quantity], q: Quantity, lo: int, name: str, weight: Decimal, st,
                         r: int) -> Issue | None:
    """Where the report states proportional scoring, an indicator's score whose weight is the 自评表 row's (the
    sentence names the row and writes no weight) and whose sentence holds exactly one target and one actual (the other
    figure of the target's unit, below it): score = weight × actual ÷ target."""
    from .results import row_target_actual

    sq = [x for x in qs if lo <= x.start < q.start]
    targets = [x for x in sq if x.unit not in ("分", None) and _TARGET.search(x.pre[-6:])]
    if len(targets) == 1 and not targets[0].approx and targets[0].value > 0:
        t = targets[0]
        actuals = [x for x in sq if x is not t and x.unit == t.unit and not x.approx and x.role != "change"]
        if len(actuals) != 1 or _REVERSE.search(t.pre[-6:] + text[t.end:t.end + 3]):
            return None
        target, actual, a_text, t_text = t.value, actuals[0].value, actuals[0].text, t.text
    elif not targets and (row := row_target_actual(st.table, r, floor=True)) is not None:
        target, actual, unit = row  # the sentence writes no target: the row's own target and actual (≥N: a floor)
        a_text, t_text = f"{num_text(actual)}{unit}", f"{num_text(target)}{unit}"
    else:
        return None
    if actual >= target:
        return None
    v, expected = score_verdict(q.value, weight * actual / target, weight)
    if v is Verdict.OK:
        return None
    return _issue(TXT008, v, f"按比例计分：{st.table.where(r)}（评分表）“{name}”分值 {num_text(weight)}分 × 实际 {a_text} ÷ "
                  f"目标 {t_text} = {num_text(expected)}分，文中为 {q.text}", num_text(expected), num_text(q.value),
                  q.start)


def check_proportional_scores(texts: list[str], quantities: list[list[Quantity]]
                              ) -> tuple[list[tuple[int, Issue]], set[tuple[int, int]]]:
    """Where the report states proportional scoring, an indicator's sentence holding exactly one target, one actual
    (the other figure of the target's unit), one weight and one score: score = weight × min(actual ÷ target, 1).
    Returns the issues and the (paragraph, offset) of every score judged (no other guess at its method is made)."""
    if not any(PROPORTIONAL.search(t) for t in texts):
        return [], set()
    out, judged = [], set()
    for k, (text, qs) in enumerate(zip(texts, quantities)):
        by_sentence: dict[int, list[Quantity]] = {}
        for q in qs:
            start = max(text.rfind(c, 0, q.start) for c in "。！？；;\n") + 1
            by_sentence.setdefault(start, []).append(q)
        spans = list(by_sentence.values())
        sentence_of = {id(q): start for start, sq in by_sentence.items() for q in sq}
        # an indicator described over sentences (分值W分，得分S分。目标T，实际A，按比例计分。): from its weight to the
        # next weight, read when no sentence of it holds the whole description
        weight_at = [j for j, q in enumerate(qs) if q.unit == "分" and _WEIGHT_WORD.search(q.pre[-4:])]
        for a, b in zip(weight_at, weight_at[1:] + [len(qs)]):
            if len({sentence_of[id(q)] for q in qs[a:b]}) > 1:
                spans.append(qs[a:b])
        for sq in spans:
            if any((k, q.start) in judged for q in sq):
                continue
            weights = [q for q in sq if q.unit == "分" and _WEIGHT_WORD.search(q.pre[-4:])]
            scores = [q for q in sq if q.unit == "分" and q not in weights and _SCORE_WORD.search(q.pre[-6:])]
            targets = [q for q in sq if q.unit != "分" and _TARGET.search(q.pre[-6:])]
            if len(weights) != 1 or len(scores) != 1 or len(targets) != 1 or scores[0].approx:
                continue
            t = targets[0]
            actuals = [q for q in sq if q is not t and q.unit == t.unit and not q.approx and q.role != "change"]
            if len(actuals) != 1 or t.value <= 0 or _REVERSE.search(t.pre[-6:] + text[t.end:t.end + 3]):
                continue
            w, sc, a = weights[0].value, scores[0], actuals[0]
            exact = w * min(a.value / t.value, Decimal(1))
            judged.add((k, sc.start))
            v, expected = score_verdict(sc.value, exact, w)
            if v is Verdict.OK:
                continue
            out.append((k, _issue(TXT008, v, f"按比例计分：分值 {weights[0].text} × 实际 {a.text} ÷ 目标 {t.text} = "
                                  f"{num_text(expected)}分，文中为 {sc.text}", num_text(expected), num_text(sc.value),
                                  sc.start)))
    return out, judged


def check_total_vs_indicators(totals: list[ScoreClaim], indicators: list[ScoreClaim]) -> list[tuple[int, Issue]]:
    """The total score in the text against Σ of the indicator scores in the text (only when they can be complete)."""
    totals = [t for t in totals if not t.named_part]
    if len(indicators) < 3 or not totals:
        return []
    scores = [c.value for c in indicators]
    weights = [c.weight for c in indicators]
    complete = all(w is not None for w in weights) and sum(weights, Decimal(0)) == 100
    out = []
    verdicts: dict[Decimal, tuple[Verdict, Decimal]] = {}  # one sum per stated total, however often it is stated
    shown = None
    for t in totals:
        if t.value not in verdicts:
            verdicts[t.value] = sum_verdict(scores, t.value, Kind.SCORE)
        v, s = verdicts[t.value]
        if v == "ok" or (s < t.value and not complete and v == "error"):
            continue
        shown = like(s, scores) if shown is None else shown
        out.append((t.para, _issue(TXT007, v, f"总得分 {t.text} 与文中 {len(scores)} 个指标得分之和 {shown} 不符",
                                   shown, num_text(t.value), t.offset)))
    return out


#: a sentence that is only an indicator's name, opening its account (孕产妇系统管理率。 / 65岁以上老年人健康管理率。)
_NAME_SENTENCE = re.compile(r"^[\u4e00-\u9fff\d“”（）()]{2,24}$")
#: what a name sentence cannot hold: a figure's unit, or words that introduce or sum up (情况如下, 综上)
_NOT_A_NAME = re.compile(r"\d(?:分|%|万|元|人|个|项|年|月|日)|如下|以下|综上|情况|方面|总体|整体|基本|"
                         r"^[一二三四五六七八九十]+[、是]|^[（(][一二三四五六七八九十\d]+[）)]")
#: a score as written in such an account: 得9.69分, 计得7.93分, 该项得9.80分, 得满分10分 (not 分值 / 权重)
_BLOCK_SCORE = re.compile(r"(?:得|得分|得分为|实际得分|自评得分|计得|得满分)\s*$")


#: the most indicator accounts read in one paragraph
_MAX_ACCOUNTS = 40


def indicator_blocks(texts: list[str], quantities: list[list[Quantity]]) -> list[ScoreClaim] | None:
    """The indicators accounted for one by one in prose (孕产妇系统管理率。年度目标90%，实际完成88.2%，…，得9.80分。):
    a sentence that is only a name opens each account, which runs to the next such sentence or the paragraph's end
    and gives exactly one score. The accounts are those of the longest run of paragraphs made of such accounts only;
    None when a paragraph of that run has an account with no score or several (whose score is which is unclear), or
    when the run holds fewer than five."""
    runs: list[list[ScoreClaim]] = [[]]
    for k, (text, qs) in enumerate(zip(texts, quantities)):
        bounds = sentences(text)
        opens = []
        at = 0
        while at < len(text):
            s0, s1 = bounds.bounds(at)
            one = text[s0:s1].strip()
            if _NAME_SENTENCE.match(one) and not _NOT_A_NAME.search(one) and text[s1:s1 + 1] in ("。", "：", ":"):
                opens.append(s0)
            at = max(s1 + 1, at + 1)
        claims: list[ScoreClaim] | None = [] if opens and not text[:opens[0]].strip() else None
        if claims is not None and len(opens) > _MAX_ACCOUNTS:
            claims = None  # a paragraph of hundreds of names is no account of indicators
        starts_ = [q.start for q in qs]
        for a, b in zip(opens, opens[1:] + [len(text)]) if claims is not None else ():
            lo, hi = bisect_left(starts_, a), bisect_left(starts_, b)
            scores = [q for q in qs[lo:hi] if q.unit == "分" and not q.approx
                      and _BLOCK_SCORE.search(text[max(a, q.start - 6):q.start])
                      and not _WEIGHT_WORD.search(text[max(a, q.start - 3):q.start].replace("得满分", ""))]
            if len(scores) != 1:
                claims = None  # an account with no score or several: whose score is which is unclear
                break
            q = scores[0]
            claim = ScoreClaim(q.value, q.text, q.start, k)
            weights = [p for p in qs[lo:hi] if p.start < q.start and p.unit == "分" and _WEIGHT_WORD.search(p.pre[-4:])]
            claim.weight = weights[-1].value if len(weights) == 1 else None
            claims.append(claim)
        if claims:
            runs[-1] += claims
        elif runs[-1]:
            runs.append([])
    best = max(runs, key=len)
    return best if len(best) >= 5 else None


def check_total_vs_blocks(texts: list[str], quantities: list[list[Quantity]], totals: list[ScoreClaim]
                          ) -> list[tuple[int, Issue]]:
    """The total score against the indicators accounted for one by one in prose (:func:`indicator_blocks`). A sum
    below the total is reported only when the accounts are every indicator: as many as the report says it set, or
    their weights, each written, add up to 100."""
    blocks = indicator_blocks(texts, quantities)
    totals = [t for t in totals if not t.named_part]
    if blocks is None or not totals:
        return []
    from .counts import stated_indicator_counts

    stated = stated_indicator_counts(texts, quantities)  # 绩效指标共10项: as many accounts as indicators
    weights = [c.weight for c in blocks]
    complete = stated == {len(blocks)} or (None not in weights and sum(weights, Decimal(0)) == 100)
    scores = [c.value for c in blocks]
    out = []
    for t in {t.value: t for t in totals}.values():
        v, s = sum_verdict(scores, t.value, Kind.SCORE)
        if v == "ok" or (s < t.value and not complete and v == "error"):
            continue
        out.append((t.para, _issue(TXT007, v, f"总得分 {t.text} 与文中逐项所写的 {len(scores)} 个指标得分之和 "
                                   f"{like(s, scores)} 不符", like(s, scores), num_text(t.value), t.offset)))
    return out


def check_total_vs_kinds(totals: list[ScoreClaim], kinds: list[tuple[str, ScoreClaim]]) -> list[tuple[int, Issue]]:
    """A total score in prose against the scores stated in the same paragraph for each 一级 kind (预算执行率 9.71分，
    产出指标 48.60分，效益指标 28.90分，满意度指标 9.30分，总得分 96.51分). Judged only when the kinds are a complete
    set: 产出, 效益 and 满意度 each named once (DOMAIN §3); when 预算执行率 is not among them, a sum short of the total
    says nothing (its score may be left out)."""
    out = []
    by_para: dict[int, list[tuple[str, ScoreClaim]]] = {}
    for kind, c in kinds:
        by_para.setdefault(c.para, []).append((kind, c))
    for t in totals:
        if t.named_part:
            continue
        here = by_para.get(t.para, [])
        names = [kd for kd, _c in here]
        if len(set(names)) != len(names) or not all(w in names for w in LEVEL_ONE):
            continue
        scores = [c.value for _kd, c in here]
        v, s = sum_verdict(scores, t.value, Kind.SCORE)
        if v == "ok" or (s < t.value and "预算执行" not in names) or s == 100:
            continue  # adding to 100: the kinds' weights (DOMAIN §3), not their scores
        shown = like(s, scores)
        out.append((t.para, _issue(TXT007, v, f"总得分 {t.text} 与文中{'、'.join(names)} {len(scores)} 项一级指标得分之和 "
                                   f"{' + '.join(c.text for _kd, c in here)} = {shown} 不符", shown, num_text(t.value),
                                   t.offset)))
    return out


def check_total_vs_table(totals: list[ScoreClaim], table_scores: list[Decimal], where: str
                         ) -> list[tuple[int, Issue]]:
    """The total score in the text against Σ of the scores of the scoring table."""
    out = []
    verdicts: dict[Decimal, tuple[Verdict, Decimal]] = {}
    for t in totals:
        if t.named_part:
            continue
        if t.value not in verdicts:
            verdicts[t.value] = sum_verdict(table_scores, t.value, Kind.SCORE)
        v, table_total = verdicts[t.value]
        if v != "ok":
            out.append((t.para, _issue(TXT010, v, f"正文所述总得分 {t.text} 与{where}的得分合计 {num_text(table_total)}分不符",
                                       num_text(table_total), num_text(t.value), t.offset)))
    return out


_BAND_GRADE = r"[“\"「]?(?P<g>优秀|优|良好|良|合格|中等|中|一般)(?![\u4e00-\u9fff]{0,1}[化质势])"
_BAND_NUM = r"(?P<lo>\d{2,3}(?:\.\d+)?)"
#: a band the report states (评分标准): the lower bound written before the grade (85分（含）以上为优秀, 75分（含）至85分为良好,
#: 80—90分为良) or in brackets after it (优（90分及以上）, 良（80≤得分<90）, 优（≥90分）)
_BANDS = re.compile(_BAND_NUM + r"\s*分?\s*(?:[（(]含[）)])?\s*(?:(?:及|或)?以上|[-—–~～至到]\s*\d{2,3}(?:\.\d+)?\s*分?"
                    r"\s*(?:[（(](?:不)?含[）)]|以下|以内)?)\s*(?:的)?(?:为|是|属于|评为|定为|评定为)\s*" + _BAND_GRADE
                    + r"|" + _BAND_GRADE.replace("?P<g>", "?P<g2>") + r"[”\"」]?\s*[（(]\s*(?:得分|分数)?\s*[≥>＞]?=?\s*"
                    + _BAND_NUM.replace("?P<lo>", "?P<lo2>") + r"\s*分?\s*(?:[（(]?含[）)]?)?\s*(?:及以上|以上|[-—–~～至到≤<＜]|[）)])")


def stated_bands(texts: list[str]) -> list[tuple[Decimal, str]] | None:
    """The grade bands a report states for itself ([(lower bound, short grade)], highest first), the DOMAIN bands
    for the grades it does not state; None when what it states is not one ordered set of bands (two bounds for a
    grade, or bounds out of order): then no grade is judged."""
    stated: dict[str, Decimal] = {}
    for text in texts:
        if "分" not in text:
            continue
        for m in _BANDS.finditer(text):
            g = normalise_grade(m.group("g") or m.group("g2"))
            lo = Decimal(m.group("lo") or m.group("lo2"))
            if g is None or g == "差":
                continue  # 60分以下为差: no lower bound
            if stated.get(g, lo) != lo:
                return None  # two bounds for one grade: which holds cannot be told
            stated[g] = lo
    bands = {short: low for low, short, _long in GRADES}
    bands.update(stated)
    order = [bands[g] for g in ("优", "良", "中")]
    if not (order[0] > order[1] > order[2] > 0 and order[0] <= 100):
        return None
    return [(bands[g], g) for g in ("优", "良", "中")] + [(Decimal(0), "差")]


def _band_of(score: Decimal, bands: list[tuple[Decimal, str]]) -> str:
    for low, short in bands:
        if score >= low:
            return short
    return "差"


#: last year's score stated before a grade in its sentence (上年自评得分91.35分，等级为优)
_LAST_YEARS_SCORE = re.compile(r"(?:上年|去年|上一年|上年度|以前年度)[^，,。；;]{0,12}?(?:得分|分数|评分)(?:为|是)?\s*\d")


def check_grades(texts: list[str], totals: list[ScoreClaim]) -> list[tuple[int, Issue]]:
    """A grade (等级为“优秀”) against the band of the nearest total score before it (same or previous paragraph):
    the bands the report states for itself (85分（含）以上为优秀…), else DOMAIN §3's. A score right on a bound the
    report states is not judged (以上 may or may not hold the bound)."""
    out = []
    bands = stated_bands(texts)
    if bands is None:
        return out
    bounds = {low for low, _g in bands}
    by_para: dict[int, list[ScoreClaim]] = {}
    for t in sorted(totals, key=lambda c: (c.para, c.offset)):
        by_para.setdefault(t.para, []).append(t)
    offsets = {k: [t.offset for t in ts] for k, ts in by_para.items()}
    for k, text in enumerate(texts):
        for m in GRADE.finditer(text):
            j = bisect_left(offsets.get(k, []), m.start())
            here = by_para[k][j - 1:j] if j else []
            s_start, s_end = sentences(text).bounds(m.start())
            if not (here and here[0].offset >= s_start) and _LAST_YEARS_SCORE.search(text, s_start, m.start()):
                continue  # 上年自评得分91.35分，等级为优，本年得分较上年下降2.35分: the grade is last year's score's
            if not (here and here[0].offset >= s_start) and j < len(offsets.get(k, [])) and offsets[k][j] < s_end \
                    and not GRADE.search(text, m.end(), offsets[k][j]):
                here = by_para[k][j:j + 1]  # 评价等级为良，综合得分93.5分: the score after the grade, in its sentence
            near = here or by_para.get(k - 1) or by_para.get(k - 2)
            if not near:
                continue
            t = max(near, key=lambda c: (c.para, c.offset))
            word, at = grade_word(m)
            stated = normalise_grade(word)
            band = _band_of(t.value, bands)
            if stated is None or stated == band or (t.value in bounds and t.value not in (90, 80, 60)
                                                     and stated == _band_of(t.value - Decimal("0.01"), bands)):
                continue
            out.append((k, _issue(TXT009, Verdict.WRONG, f"得分 {t.text} 对应等级为“{long_grade(band)}”（{band}），"
                                  f"文中写“{word}”", long_grade(band), word, at)))
    return out


#: a table's cell naming the total score (自评得分, 综合得分, 总得分, 总分) and one naming the grade (评价等级, 自评等级)
_SCORE_KEY = re.compile(r"^(?:自评|综合|评价|绩效|最终)?(?:总)?得分(?:（分）|\(分\))?$|^总分$")
_GRADE_KEY = re.compile(r"^(?:自评|评价|绩效|综合)?(?:等级|等次|结果等级|评价结果)$")


def _key_values(t) -> list[tuple[str, str, int, int]]:
    """(key, value, row, column of the value) of a table of keys and their values: rows of one key and one value
    (自评得分 | 88.57), or, in a table of two or three rows, a row of keys over a row of values."""
    out = []
    rows = [[re.sub(r"\s+", "", c) for c in row] for row in t.rows]
    for r, row in enumerate(rows):
        cells = [(c, x) for c, x in enumerate(row) if x]
        if len(cells) == 2:
            out.append((cells[0][1], cells[1][1], r, cells[1][0]))
        if len(rows) <= 3 and r + 1 < len(rows) and len(rows[r + 1]) == len(row):
            out += [(x, rows[r + 1][c], r + 1, c) for c, x in enumerate(row) if x and rows[r + 1][c]]
    return out


def check_table_grades(tables: list, texts: list[str], totals: "dict[int, tuple[Decimal, int]] | None" = None
                       ) -> list[tuple[object, object]]:
    """TXT009 on a table stating the total score and the grade as keys and values (自评得分 | 88.57 above 评价等级 |
    优, or the two keys over their values), or a 自评表 whose last rows are its 总分 and its grade (``totals``: table
    index -> (total score, its row)): the grade against the band of the score, as in the text."""
    from .tables import _issue as cell_issue, _quote
    bands = stated_bands(texts)
    if bands is None:
        return []
    out = []
    for t in tables:
        pairs = _key_values(t)
        scores = {(v, r) for k, v, r, _c in pairs if _SCORE_KEY.match(k) and re.fullmatch(r"\d{1,3}(?:\.\d+)?分?", v)}
        if not scores and totals and t.index in totals:
            score_value, row = totals[t.index]
            scores = {(num_text(score_value), row)}
        grades = [(v, r, c) for k, v, r, c in pairs if _GRADE_KEY.match(k) and len(v) <= 4
                  and normalise_grade(v.strip("“”\"")) is not None]
        if len({v for v, _r in scores}) != 1 or len(grades) != 1:
            continue
        written, score_row = min(scores, key=lambda x: x[1])
        score = Decimal(written.rstrip("分"))
        word, r, c = grades[0]
        stated, band = normalise_grade(word.strip("“”\"")), _band_of(score, bands)
        if stated == band or score in {low for low, _g in bands}:
            continue
        shown = _quote(t.rows[r]) if score_row == r else f"{_quote(t.rows[score_row])}；{_quote(t.rows[r])}"
        out.append((t, cell_issue(TXT009, Verdict.WRONG, f"得分 {num_text(score)}分 对应等级为“{long_grade(band)}”（{band}），"
                                  f"表中写“{word}”", long_grade(band), word, r, c, shown)))
    return out


def quote(texts: list[str], para: int, offset: int) -> str:
    return sentence_at(texts[para], offset)


_WEIGHT_SHARE = re.compile(r"^(的)?权重分")


def check_weight_shares(texts: list[str], quantities: list[list[Quantity]]) -> list[tuple[int, Issue]]:
    """``指标分值10分，实际得分9分。…该指标得95%权重分``: the share of the weight is score ÷ weight."""
    out = []
    for k, (text, qs) in enumerate(zip(texts, quantities)):
        weights: list[Quantity] = []  # the weights and scores before each share, gathered as the paragraph is read
        scores: list[Quantity] = []
        for i, q in enumerate(qs):
            if q.unit == "分":
                if _WEIGHT_WORD.search(q.pre[-4:]):
                    weights.append(q)
                elif not q.approx and _SCORE_WORD.search(_before(text, q)[-10:]):
                    scores.append(q)
            if q.unit != "%" or q.approx or not _WEIGHT_SHARE.match(text[q.end:q.end + 4]):
                continue
            if len(weights) != 1 or len(scores) != 1 or weights[0].value == 0:
                continue
            w, sc = weights[0], scores[0]
            v, exact = ratio_verdict(sc.value, w.value, q.value, Kind.COUNT)  # both stated exactly
            if v == "ok":
                continue
            out.append((k, _issue(TXT013, v, f"得分 {sc.text} ÷ 分值 {w.text} = {pct_text(exact, q.value)}，文中写该指标得"
                                  f"{q.text}权重分", pct_text(exact, q.value), q.text, q.start)))
    return out


#: the 预算执行率 indicator named (DOMAIN §3): its score is weight × rate
_EXECUTION = re.compile(r"预算执行(?:率|情况|进度)")
#: its weight in brackets right after the name: 预算执行率（10分） / “预算执行率”指标（分值5分）
_BRACKET_WEIGHT = re.compile(r"[”\"」』]?\s*(?:指标)?\s*[（(](?:分值|权重|满分)?\s*$")
_EXEC_RATE = re.compile(r"执行(?:率|进度)(?:为|达到|达|是|：|:)?\s*$")
_EXEC_SCORE = re.compile(r"(?:得分|计得|得|评分|计分)(?:为|是|：|:)?\s*$")
#: a scoring rule of the region's own (a deduction, a threshold, bands): not the proportional rule
_OWN_RULE = re.compile(r"扣|每(?:低|少|降|高|超|减)|以上|以下|不足|低于|高于|超过|[≥≤><＞＜]|档|区间|阶梯|满分(?!\s*\d)")


def _execution_rate(span: list[Quantity]) -> Quantity | None:
    """The execution rate of an indicator's description that writes no rate: its one 全年预算 figure and its one
    执行 / 决算 / 支出 figure (DOMAIN §2: 执行率 = 执行数 ÷ 全年预算数), as a quantity standing where the spending is;
    None unless exactly one of each is written."""
    money = [q for q in span if q.kind == "money" and not q.approx]
    full = [q for q in money if _stage(q.label) == "full"]
    spent = [q for q in money if _stage(q.label) == "actual" or (_stage(q.label) is None and _SPENT.search(q.label))]
    if len(full) != 1 or len(spent) != 1 or len(money) != 2 or full[0].value <= 0:
        return None
    a, b = spent[0], full[0]
    value = a.value_in(b.unit) * 100 / b.value
    return Quantity(value, "%", a.start, a.end, f"{quantize(value, 2)}%", role="rate", label="执行率")


def check_execution_scores(texts: list[str], quantities: list[list[Quantity]]
                           ) -> tuple[list[tuple[int, Issue]], set[tuple[int, int]]]:
    """``预算执行率指标（权重10分）：…执行率95.00%，得分9.50分``: the 预算执行率 indicator scores weight × rate
    (DOMAIN §3) when the rate is under 100 %. From the indicator's name to the first score after its rate (at most
    two sentences on), one weight, one rate and the score; nothing is said where the text states a rule of its own.
    Returns the issues and the (paragraph, offset) of every score judged."""
    out, judged = [], set()
    for k, (text, qs) in enumerate(zip(texts, quantities)):
        if "执行" not in text:
            continue
        sents = sentences(text)
        for m in _EXECUTION.finditer(text):
            k0 = sents.index(m.start())
            hi = sents.ends[k0 + 2] if k0 + 2 < len(sents.ends) else len(text)
            span = [q for q in qs if m.start() <= q.start < hi]
            weights = [q for q in span if q.unit == "分" and (_WEIGHT_WORD.search(q.pre[-4:])
                       or _BRACKET_WEIGHT.fullmatch(text, m.end(), q.start))]
            rates = [q for q in span if q.unit == "%" and _EXEC_RATE.search(q.pre)]
            if len(weights) != 1 or len({q.value for q in rates}) > 1:
                continue
            w = weights[0]
            if rates:
                r = rates[0]
            else:
                # no rate written: 执行数 ÷ 全年预算数 (DOMAIN §2), one of each in the span
                r = _execution_rate(span)
                if r is None:
                    continue
            score = next((q for q in span if q.start > r.end and q.unit == "分" and q is not w), None)
            if score is None or not _EXEC_SCORE.search(score.pre) or score.approx or r.approx or w.value <= 0:
                continue
            if _OWN_RULE.search(text[m.start():score.end]) or any(q.unit == "分" and q not in (w, score)
                                                                    for q in span if q.start < score.start):
                continue
            if (k, score.start) in judged or not (0 < r.value < 100):
                continue
            judged.add((k, score.start))
            # the rate is itself rounded: a score within the rounding of either is right
            slack = half_ulp(r.value) * w.value / 100
            exact = w.value * r.value / 100
            expected = quantize(exact, 2)
            if abs(score.value - exact) <= half_ulp(score.value, 2) + slack:
                continue
            v = Verdict.WRONG if abs(score.value - exact) > half_ulp(score.value) + slack else Verdict.ROUNDING
            out.append((k, _issue(TXT008, v, f"预算执行率指标按比例计分：分值 {w.text} × 执行率 {r.text} = "
                                  f"{expected:.2f}分，文中为 {score.text}", f"{expected:.2f}",
                                  num_text(score.value), score.start)))
    return out, judged
