"""Numbers with units read from Chinese prose, each with the role its words give it.

A :class:`Quantity` is ``507.79万元`` / ``15.15%`` / ``27家`` / ``十个`` / ``98分`` with

* ``label``: the words before it in its clause (``其中基本支出507.79万元`` -> ``基本支出``);
* ``role``: ``level`` (a figure), ``change`` (after 增加/减少/增长…), ``share`` (after 占), ``rate`` (after …率 or
  完成…的), ``target`` (after ≥/不低于…); ``total`` marks a level introduced by 共计/合计/总计/总额.
"""
from __future__ import annotations

from ..lazyre import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..numbers import parse_decimal, places
from .cnnum import CHARS, LONGEST, cn_to_int, well_formed

MONEY = ("亿元", "万元", "千元", "元")
#: powers of ten from each money unit to 元: 1.2亿元 = 12000万元 exactly
_MONEY_EXP = {"元": 0, "千元": 3, "万元": 4, "亿元": 8}
#: full-width digits, point and percent sign read as their ASCII forms (same length, so offsets hold)
FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_FULL_WIDTH_CHAR = re.compile("[０１２３４５６７８９．％]")
#: measure words and physical units of counted or measured things (not money, not percent): a list of parts in any
#: of them adds up like one in 个. Longer words first where one begins another (人次 before 人).
COUNT_UNITS = ("人次", "人日", "户次", "剂次", "平方公里", "画幅", "公斤", "千克", "公里", "千米", "千吨", "千瓦时", "千瓦", "平方米", "立方米", "课时", "学时", "个", "家", "人",
               "名", "项", "次", "户", "件", "条", "处", "期", "所", "座", "台", "套", "份", "篇", "场", "批", "类", "只",
               "辆", "栋", "宗", "例", "支", "吨", "亩", "册", "张", "株", "头", "艘", "架", "间",
               "公顷", "卷", "幅", "剂", "盏", "尾", "页", "小时", "米", "天", "本", "部", "首", "棵", "块", "眼", "口")
# archives 卷, maps 幅, vaccine doses 剂, lamps 盏, fry 尾; pages 页 (档案数字化), hours 小时 (开放时长), metres 米 (after
# 平方米 / 立方米), days 天, books 本, films 部, songs 首, trees 棵, plots 块, wells 眼 / 口
#: counted things in ten thousands (9.5万亩, 28.6万人): a unit of its own, comparable only with itself
TEN_THOUSANDS = tuple("万" + u for u in ("人次", "人", "亩", "户", "吨", "株", "头", "只", "册", "件", "台", "辆", "平方米",
                                        "立方米", "平方公里", "公里", "千米", "千瓦", "公斤", "千克", "剂次", "画幅", "公顷",
                                        "卷", "尾", "页", "米"))
#: percentage points: the unit of a difference of two rates (下降3.2个百分点), neither a percent nor a count
POINTS = "百分点"
_UNIT = "|".join(MONEY + ("%", "％", "个百分点", "百分点", "分") + TEN_THOUSANDS + COUNT_UNITS)
_NUM = r"(?<![\d.])(?P<sign>[-−－])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
#: units read only after digits: 2,268对 (not 一对一); 1286起 (cases, incidents: not 起草, 起步, 起算 …)
_DIGIT_UNITS = r"|对(?![一二两\d])|起(?![草步点始来见到身诉止算讫施执实用])"
_QTY = re.compile(_NUM + r"\s*(?P<approx>余|多)?\s*(?P<unit>" + _UNIT + _DIGIT_UNITS + r")"
                  r"|百分之(?P<pct>[零〇一二两三四五六七八九十百]{1,4})(?:点(?P<pctdec>[零〇一二三四五六七八九]{1,3}))?"
                  r"|(?<![第初周])(?P<cn>[" + CHARS + r"]{1,%d})(?P<cnunit>" % LONGEST + "|".join(COUNT_UNITS) + r")")
#: count words that count the same things, by the one they stand for (DOMAIN §2: 人员 in 人 or 名, 机构 in 个 / 家 / 所)
_ALIKE = {"名": "人", "家": "个", "所": "个"}
#: a second count word in brackets right after a count's own (63所（个）, 12家（个）)
_ALSO_UNIT = re.compile(r"[（(](" + "|".join(COUNT_UNITS) + r")[）)]")
#: a 约 that ends a word, not "about": 节约1.40万元, 签约6.83万人, 履约, 预约, 合约
_NOT_ABOUT = set("节签履制预合特契条邀集")
#: a 分 that is not a score: 分别, 分析, 分类 …
_NOT_SCORE = set("别析类配布钟管局解批期行成级项工摊担散值数")
_CLAUSE_END = "，。；：:;,！？!?（(）)\n"
_CHANGE = re.compile(r"(增加|减少|增长|下降|上升|上涨|降低|提高|减|增|增幅|降幅|增速|下降了|减少了|增加了|增长了|缩减|节约|超出|超支)"
                     r"(了|为|达到|达|约)?$")
#: what a figure exceeded its target by (超出储备任务250吨, 高出年度目标3个百分点): a difference, not a level
_OVER_TARGET = re.compile(r"(?:超出|高出|多出|超额)(?:年度|全年|本年)?[\u4e00-\u9fff]{0,6}?(?:任务|目标|计划)(?:数|值)?(了|为|达)?$")
#: 占 of a share, not of a word (占道经营, 占用耕地, 占地120亩, 占压): 占地区生产总值的 is a share
_SHARE = re.compile(r"占(?![道用压领]|地(?![区方市]))(?P<what>[^，。；]*?)(的)?(比重|比例|份额|比)?(为|达到|达|约)?$")
_RATE = re.compile(r"(?P<stem>[\u4e00-\u9fff]{1,6}?)(率|比例)(达到|达|为|是|约|：|:)?$")
_DONE_OF = re.compile(r"完成(?P<what>[^，。；]*?)的$")
_TARGET = re.compile(r"([≥≤<>＜＞]=?|不低于|不少于|不超过|不高于|不大于|控制在|以内|目标值为?|指标值为?|目标为)$")
_TOTAL = re.compile(r"((共计|合计|总计|小计|共有|总额|总数|总共|一共)[^，。；、]{0,6}|(?<!公)共)$")
#: the figure after 比/较/由 and a year or 上年 is the one compared with: 比2021年度62.40万元, 较上年的98.10%
_BASE = re.compile(r"(比|较|与|同|由|从)(?:(上年|去年|上一年|上年度|(19|20)\d\d年)(度)?(同期)?(的)?(决算数?|预算数?|执行数|实际数)?"
                   r"|(?:年初|全年|调整后?)?预算(?:数)?的?)(为|是)?$")  # …较全年预算数14.00万元节约…: the budget too
#: the words of a bracketed base after a change rate: （上年2,615.80万元） / （2022年度支出…）
#: the words between a figure and the same figure written again in another unit (12.37万元，即123,700元)
_RESTATING = re.compile(r"\s*[，,（(]?\s*(?:即|亦即|也即|也就是|折合|合计为|约合|合)\s*")
#: a figure compared with: 与…X相比 / 同…X比较 (the words opening its clause, the words after it)
_COMPARED_OPEN = re.compile(r"^(?:与|同|跟|和)")
_COMPARED_AFTER = re.compile(r"\s*(?:的)?(?:相比|比较|对比)")
_BRACKET_BASE = re.compile(r"\s*(上年|上年度|去年|上一年|同期|上年同期|(19|20)\d\d年(度)?)(同期)?[\u4e00-\u9fff]{0,6}?(为|是|：|:)?\s*$")
#: a count of a whole and 中 before a figure's own words (…312个小区中已有…): the label starts after it
_AMONG = re.compile(r"\d(?![\d年月日.,，])[\u4e00-\u9fff]{1,6}中(?=[\u4e00-\u9fff])")  # the last 中: 86所中小学中已有
#: what a bracketed base follows: a change (同比增长8.83% / 比上年增加230.50万元)
_AFTER_CHANGE = re.compile(r"(同比|比上年|较上年|增长|下降|增加|减少|上升|降低)[^，。；（(]*[\d.]+\s*(%|％|万元|亿元|元)$")
#: a figure with its unit inside the words before another figure (由A2198.38万元和B…)
_FIGURE_IN_LABEL = re.compile(r"\d(?:[\d,.]*\d)?\s*(?:万元|亿元|元|%)")
_LABEL_TRIM = re.compile(r"^(其中|分别为|分别是|分别|包括|以及|及|和|与|另有|另|由)[：:，,]?|(为|达到|达|是|(?<![节签履制预合特契条邀集])约|：|:|共计|合计|总计|共)+$")


#: the name of a figure written after it, when no words before it name it: 600万元为基本支出 / 420.39万元的人员经费 /
#: 2,150万元用于基本支出 (up to the clause end, or to 和/及/与 before the next figure)
_NAME_AFTER = re.compile(r"(?:为|是|系|属于|用于|的)(?P<name>[\u4e00-\u9fff“”]{2,16})"
                         r"(?=[，,、；;。）)]|$|(?:和|及|与|以及)\d)")
#: a list opened by the name after a figure (354.70万元的项目支出中，…): the 中 is no part of the name
_OPENS_LIST = re.compile(r"(?<=支出|收入|经费|资金|拨款)中$")
#: what is left before the next figure of a list named that way: 为基本支出、 / 的人员经费和
_NAME_LEFT = re.compile(r"(?:为|是|系|属于|用于|的)[\u4e00-\u9fff“”]{2,16}(?:和|及|与|以及|、)?")


@dataclass
class Quantity:
    value: Decimal
    unit: str  # 万元 / 亿元 / 元 / % / 分 / a count word
    start: int  # offsets in the paragraph text
    end: int
    text: str  # as written, e.g. "507.79万元"
    role: str = "level"  # level / change / share / rate / target / restated (the figure before, in another unit)
    label: str = ""  # words before it in its clause
    pre: str = ""  # the clause text before it, untrimmed
    total: bool = False
    approx: bool = False
    chinese: bool = False
    base: bool = False  # the figure a change is measured from (比2021年度62.40万元 / 较上年的98.10%)
    disputed: Decimal | None = None  # a total found not to be the sum of its parts: that sum (reported once, there)
    named_after: bool = False  # its label is the words after it (600万元为基本支出)
    #: the other count words a figure is written in (63所（个）: schools 所 and units 个), its parts may be in either
    units: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        if self.unit in MONEY:
            return "money"
        if self.unit == "%":
            return "percent"
        if self.unit == POINTS:
            return "points"
        if self.unit == "分":
            return "score"
        return "count"

    def comparable(self, other: "Quantity") -> bool:
        """Same unit, or both money (元 / 万元 / 亿元 convert exactly), or two count words for the same things (人 and
        名 count people; 个, 家 and 所 count bodies: 机构186个，其中医院12家…)."""
        return self.unit == other.unit or (self.kind == "money" and other.kind == "money") \
            or other.unit in self.units or self.unit in other.units \
            or _ALIKE.get(self.unit, self.unit) == _ALIKE.get(other.unit, other.unit)

    def value_in(self, unit: str) -> Decimal:
        """The value in another money unit: ``21700万元`` in 亿元 is ``2.17`` (exact, by a power of ten)."""
        if unit == self.unit or unit not in _MONEY_EXP or self.unit not in _MONEY_EXP:
            return self.value  # counts convert only as the same count (63所（个）: 2个 is 2 of them)
        v = self.value.scaleb(_MONEY_EXP[self.unit] - _MONEY_EXP[unit])
        return v.normalize() if places(v) > places(self.value) else v


#: how far back (characters) a quantity's clause is read for its label and role: labels are short, and a bound
#: keeps reading linear in a text without punctuation
CLAUSE_REACH = 100
#: a relation is read among at most this many quantities before its claim in the claim's sentence ...
WINDOW = 32
#: ... lying at most this many characters before it (real sentences are far shorter)
REACH = 600
#: sentence ends
SENTENCE_END = "。！？\n"


def clause_start(text: str, pos: int) -> int:
    """Offset just after the last clause delimiter before ``pos`` (at most :data:`CLAUSE_REACH` back)."""
    i = pos - 1
    stop = max(-1, pos - 1 - CLAUSE_REACH)
    while i > stop and text[i] not in _CLAUSE_END:
        i -= 1
    return i + 1


#: a clause mark; an ASCII comma between digits is a thousands separator (7,215.60), not one
_CLAUSE_MARK = re.compile("[" + re.escape(_CLAUSE_END.replace(",", "")) + "]|,(?!\\d)|(?<!\\d),")
_SENTENCE_MARK = re.compile("[" + re.escape(SENTENCE_END) + "]")


class Sentences:
    """Where the sentences of a text begin and end, found once (a sentence ends at 。！？ or a line break)."""

    def __init__(self, text: str) -> None:
        self.ends = [m.start() for m in _SENTENCE_MARK.finditer(text)]
        self.length = len(text)

    def bounds(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``offset``: just after the last end before it, and the first end at
        or after it (the end character excluded)."""
        k = bisect_left(self.ends, offset)
        start = self.ends[k - 1] + 1 if k else 0
        end = self.ends[k] if k < len(self.ends) else self.length
        return start, end

    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence, in order."""
        return list(zip([0] + [e + 1 for e in self.ends], self.ends + [self.length]))

    def index(self, offset: int) -> int:
        """The number of the sentence holding ``offset``."""
        return bisect_left(self.ends, offset)


@lru_cache(maxsize=16)
def sentences(text: str) -> Sentences:
    """The sentences of a text (cached: every relation of a paragraph asks)."""
    return Sentences(text)


def starts(qs: list["Quantity"]) -> list[int]:
    return [q.start for q in qs]


def between(qs: list["Quantity"], lo: int, hi: int, keys: list[int] | None = None) -> list["Quantity"]:
    """The quantities starting in ``lo <= start < hi`` (``keys``: their starts, when already listed)."""
    keys = starts(qs) if keys is None else keys
    return qs[bisect_left(keys, lo):bisect_left(keys, hi)]


def prior(qs: list["Quantity"], i: int, start: int, limit: int = WINDOW, at: int | None = None) -> list["Quantity"]:
    """The quantities before ``qs[i]`` that start at ``start`` or later, at most ``limit`` of them and within
    :data:`REACH` characters of ``at`` (default: where ``qs[i]`` starts), in order."""
    out = []
    at = (qs[i].start if i < len(qs) else start) if at is None else at
    floor = max(start, at - REACH)
    k = i - 1
    while k >= 0 and len(out) < limit and qs[k].start >= floor:
        out.append(qs[k])
        k -= 1
    out.reverse()
    return out


def first_after(keys: list[int], pos: int) -> int:
    """The index of the first quantity starting after ``pos`` (``keys``: the starts of the quantities)."""
    return bisect_right(keys, pos)


def extract(text: str) -> list[Quantity]:
    """Every quantity with a unit in ``text``, in order."""
    out: list[Quantity] = []
    if _FULL_WIDTH_CHAR.search(text):
        text = text.translate(FULL_WIDTH)
    clause_ends = [m.start() for m in _CLAUSE_MARK.finditer(text)]
    for m in _QTY.finditer(text):
        if m.group("pct"):
            # 百分之九十五 / 百分之九十五点五: a percentage in Chinese numerals
            whole = cn_to_int(m.group("pct"))
            if whole is None or (len(m.group("pct")) > 1 and all(c in "零〇一二两三四五六七八九" for c in m.group("pct"))):
                continue  # 百分之九五 is no way to write 95
            digits = "".join(str(cn_to_int(c)) for c in m.group("pctdec") or "")
            value = Decimal(f"{whole}.{digits}") if digits else Decimal(whole)
            q = Quantity(value, "%", m.start(), m.end(), m.group(0), chinese=True)
        elif m.group("cn"):
            cn = m.group("cn")
            # a Chinese numeral must stand on its own: not 统一个, 之一项, 第十个
            while cn and cn[0] not in "一二两三四五六七八九十" and cn[0] not in "零〇":
                cn = cn[1:]
            while cn and not well_formed(cn):  # 统一千九百个: the numeral is the longest well-formed tail
                cn = cn[1:]
            value = cn_to_int(cn)
            if value is None or not cn:
                continue
            start = m.start("cn") + (len(m.group("cn")) - len(cn))
            if start > 0 and text[start - 1] in "第统唯之单每同某逐":
                continue
            q = Quantity(Decimal(value), m.group("cnunit"), start, m.end(), text[start:m.end()], chinese=True)
            if len(cn) > 1 and all(c in "一二两三四五六七八九" for c in cn):
                q.approx = True  # 两三个, 七八人: a range, not a number written digit by digit
        else:
            unit = m.group("unit")
            if unit == "分" and m.end() < len(text) and text[m.end()] in _NOT_SCORE:
                continue
            if unit == "％":
                unit = "%"
            elif unit.endswith(POINTS):
                unit = POINTS
            try:
                value = parse_decimal(m.group("num"))
            except ValueError:
                continue
            if m.group("sign"):
                value = -value
            q = Quantity(value, unit, m.start(), m.end(), m.group(0), approx=bool(m.group("approx")))
            # 约600家, 30余家, 5—10家: not exact figures
            if text[max(0, m.start() - 1):m.start()] in ("约", "近", "超", "逾", "—", "-", "~", "～") and not m.group("sign") \
                    and not (text[m.start() - 1] == "约" and text[max(0, m.start() - 2):m.start() - 1] in _NOT_ABOUT):
                q.approx = True
            if text[m.end():m.end() + 1] in ("以", "多", "左") and text[m.end():m.end() + 2] in ("以上", "以下", "多", "左右"):
                q.approx = True
            if unit in COUNT_UNITS and text[m.end():m.end() + 1] in "（(":
                also = _ALSO_UNIT.match(text, m.end())
                if also and also.group(1) != unit:
                    q.units = (also.group(1),)
        k = bisect_left(clause_ends, q.start)
        cs = max(clause_ends[k - 1] + 1 if k else 0, q.start - CLAUSE_REACH)
        q.pre = text[cs:q.start]
        if cs > 1 and text[cs - 1] in "）)" and len(q.pre) <= 8:
            # 城乡社区支出（类）2,000万元, 因公出国（境）费0元: a short bracket inside a name does not end its clause
            opening = max(text.rfind("（", max(0, cs - 10), cs), text.rfind("(", max(0, cs - 10), cs))
            if opening > 0 and not re.search(r"[\d，。；,;一二三四五六七八九十]", text[opening:cs]):
                k2 = bisect_left(clause_ends, opening)
                q.pre = text[max(clause_ends[k2 - 1] + 1 if k2 else 0, opening - CLAUSE_REACH):q.start]
        elif cs > 1 and text[cs - 1] in "（(" and not q.pre.strip() and text[q.end:q.end + 1] in ("）", ")") \
                and re.match(r"[\u4e00-\u9fff]", text[cs - 2]) and not (out and out[-1].end == cs - 1):
            # 年初预算(3,980.00万元): a figure alone in brackets after its name is named by the words before them
            k2 = bisect_left(clause_ends, cs - 1)
            q.pre = text[max(clause_ends[k2 - 1] + 1 if k2 else 0, cs - 1 - CLAUSE_REACH):cs - 1]
        _classify(q)
        if out and out[-1].named_after and _NAME_LEFT.fullmatch(q.label):
            q.label = ""  # …600.00万元为基本支出、300.00万元: the words before are the last figure's name
        if not q.label and q.role == "level" and q.unit != "%":
            named = _NAME_AFTER.match(text, q.end)
            if named:  # 其中600.00万元为基本支出 / 420.39万元的人员经费: the name follows the figure
                q.label, q.named_after = _OPENS_LIST.sub("", named.group("name")), True
        if cs > 0 and text[cs - 1] in "（(" and not q.pre.strip() and q.role == "level":
            q.base = bool(_BASE.search(text[max(0, cs - 21):cs - 1]))  # 比上年（62.40万元）减少…
        elif cs > 0 and text[cs - 1] in "（(" and q.role == "level" and _BRACKET_BASE.match(q.pre) \
                and (not re.match(r"\s*(19|20)", q.pre) or _AFTER_CHANGE.search(text[max(0, cs - 25):cs - 1])
                     or _year_before(q.pre, text[max(0, cs - CLAUSE_REACH):cs - 1])):
            # 同比增长8.83%（上年2,615.80万元）/ 支出X万元（上年B万元）: last year's figure beside this year's, a base
            # (a year names last year only after a change: （2022年B万元）)
            q.base = True
        if q.role == "level" and q.kind == "money" and out and out[-1].kind == "money" and out[-1].role == "level" \
                and _RESTATING.fullmatch(text, out[-1].end, q.start):
            q.role = "restated"  # 其他收入12.37万元，即123,700元: the figure before, in another unit; no figure of its own
        if q.role == "level" and not q.base and _COMPARED_OPEN.match(q.pre.strip()) and _COMPARED_AFTER.match(text, q.end):
            q.base = True  # 与2023年度收入总计777.20万元相比，增加36.97万元: the figure compared with is the base
        out.append(q)
    if "分别" in text:
        _name_respectively(text, out)
    return out


#: names listed before 分别为 (基本支出、项目支出和其他支出分别为A、B和C): each names the figure in its place after it
_RESPECTIVE_NAMES = re.compile(r"(?P<names>[\u4e00-\u9fff“”（）()]{2,20}(?:(?:、|和|及|与|以及)[\u4e00-\u9fff“”（）()]{2,20})+)"
                               r"(?:的)?(?:决算数?|支出|金额)?分别(?:为|是|达到?|计|完成)")
_BETWEEN_RESPECTIVE = re.compile(r"\s*(?:、|和|及|与|以及|，|,)\s*")


def _name_respectively(text: str, qs: list[Quantity]) -> None:
    """Label the figures after ``A、B和C分别为`` with A, B and C, when exactly as many figures of one unit follow,
    joined by nothing but 、/和/及/，."""
    starts_ = [q.start for q in qs]
    for m in _RESPECTIVE_NAMES.finditer(text):
        head = re.split(r"[，,；;。：:]", m.group("names"))[-1]
        names = [n for n in re.split(r"、|以及|和|及|与", head) if n]
        k = bisect_left(starts_, m.end())
        run = []
        while k < len(qs) and len(run) < len(names) + 1:
            q = qs[k]
            gap = text[(run[-1].end if run else m.end()):q.start]
            if (run and not _BETWEEN_RESPECTIVE.fullmatch(gap)) or (not run and gap.strip("：: ")) \
                    or (run and q.unit != run[0].unit):
                break
            run.append(q)
            k += 1
        if len(run) != len(names) or len(names) < 2 or any(len(n) < 2 for n in names):
            continue
        for q, name in zip(run, names):
            q.label = name


def _year_before(bracket: str, before: str) -> bool:
    """A bracket naming year Y after a figure whose clause is of year Y + 1 (2024年度支出X（2023年为B）): the bracket
    holds last year's figure."""
    m = re.match(r"\s*((?:19|20)\d\d)年", bracket)
    clause = re.split(r"[，；;。：:]|,(?!\d)", before)[-1]  # 1,560.00: a thousands separator ends no clause
    years = [int(y) for y in re.findall(r"((?:19|20)\d\d)年", clause)]
    return m is not None and years[-1:] == [int(m.group(1)) + 1]  # 本年 alone: which year it is is not known here


def _classify(q: Quantity) -> None:
    pre = q.pre.strip()
    if _TARGET.search(pre):
        q.role = "target"
    elif _CHANGE.search(pre) or _OVER_TARGET.search(pre):
        q.role = "change"
    elif "占" in pre and _SHARE.search(pre[pre.rindex("占"):]):
        q.role = "share"
    elif q.unit == "%" and (_RATE.search(pre) or _DONE_OF.search(pre)):
        q.role = "rate"
    q.total = bool(_TOTAL.search(pre))
    q.base = q.role == "level" and bool(_BASE.search(pre))
    label = pre.rsplit("、", 1)[-1] if not pre.endswith("、") else pre  # in a 、-list, the words of this item
    last = None
    for last in _FIGURE_IN_LABEL.finditer(label):
        pass
    if last is not None and label[last.end():].strip():  # A2198.38万元和B: B's words start after A's figure
        label = label[last.end():]
    m = _AMONG.search(label)
    if m:  # 全区312个小区中已有286个: the words after the whole it is counted among
        label = label[m.end():]
    for _ in range(3):
        label = _LABEL_TRIM.sub("", label).strip()
    q.label = label


def share_target(q: Quantity) -> str:
    """For a share ``占本年支出的15%``: the words naming the whole (``本年支出``); empty for a bare ``占15%``."""
    pre = q.pre
    m = _SHARE.search(pre[pre.rindex("占"):])
    what = (m.group("what") or "").strip() if m else ""
    if not what:  # 在本年收入中占比P% / 在支出总额中所占比重为P%: the whole before 中
        m = _SHARE_IN.search(pre)
        what = m.group("what") if m else ""
    return what


#: the names of a fund's budget (DOMAIN §2: 一般公共预算财政拨款 is a fund, no budget stage)
FUND_NAMES = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算")


#: a share whose whole comes first: 在本年收入中占比98.27%, 在支出总额中所占比重为
_SHARE_IN = re.compile(r"在(?P<what>[\u4e00-\u9fff“”]{2,16}?)(?:中|当中|里)(?:所)?占(?:比|比重|比例)?(?:为|达到?)?$")


def rate_parts(q: Quantity) -> tuple[str, str]:
    """For a rate: (stem, whole) — ``问题解决率达94.8%`` -> ("问题解决", ""), ``完成年度计划的196.7%`` -> ("完成", "年度计划")."""
    pre = q.pre.strip()
    m = _DONE_OF.search(pre)
    if m:
        return "完成", m.group("what").strip()
    m = _RATE.search(pre)
    return (m.group("stem"), "") if m else ("", "")
