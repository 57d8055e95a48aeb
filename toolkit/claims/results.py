"""An indicator's result stated in the narrative against the 实际完成值 of its row in the 自评表 of the same document.

The narrative says what was done ("完成渔船安全检查1286艘次", "培训人数达到520人次", "群众满意度为96.5%"); the 自评表
(DOMAIN.md section 3: 一级 / 二级 / 三级指标, 指标值, 实际完成值, 分值, 得分) has a row for the same indicator. The two
must agree. Which row a sentence speaks of is read from the names: the 三级指标's name reduced to its core (quotes,
brackets and the measure words naming what kind of figure it is — 数量, 人数, 人次, 批次 … — dropped) and the words
before the text's figure reduced the same way, after the words that only frame it (the unit speaking: 我局, 本单位;
the time: 全年, the report's year (another year's figure is not this table's); 共, 实际, and the verb of doing: 完成, 开展, 组织 …). The two name the same indicator when
they are equal, when the text's core is the row's last word and the sentence wrote the row's whole name in the
clause before (全年组织职业技能培训，培训人数达到520人次), or when the text's core (four characters at least) is a part of the row's (对象满意度 of 服务对象满意度):
a bare 执行率, 化解率 or 满意度 may be of another scope (a project's, the backlog's) and is judged only against a row
of that very name.

A difference is an error only when nothing else can explain it: the text's figure is a level (not a target, a
change or a share), its clause says no 目标 / 计划 / 预计 / 任务 / 上年 / 其中 / 累计, its unit is the cell's
(艘次 and 艘次, % and %), exactly one row of the document's 自评表s has that core with an actual figure in that unit,
the text's figure is none of the other figures of that row (its 指标值, a 上年 column), the sentence does not write
the row's figure too, and neither figure is the other rounded. Anything else is not judged.

A completion rate written right after the figure (全年新建高标准农田2.15万亩，完成率93.48%) is of the row's target when the
text's figure is the row's actual one and the 目标值 cell is one figure in the same unit (≥2.30万亩): it is checked as
TXT005 against actual ÷ target, the target being written only in the table.
"""
from __future__ import annotations

from ..lazyre import re
from decimal import ROUND_HALF_UP, Decimal

from ..findings import ERROR
from ..rules import Rule
from .arith import Kind, Verdict, num_text, pct_text, ratio_verdict
from .document import Document, Table
from .quantities import FULL_WIDTH, Quantity

TXT021 = Rule("TXT021", "lint", ERROR, "正文所述指标完成值与自评表不符",
    "正文写出某一指标的完成情况（“完成渔船安全检查1286艘次”“培训人数达到520人次”“群众满意度为96.5%”），而同一文件的"
    "自评表中该指标（三级指标）一行的实际完成值与之不同时，报告为错误。指标按名称的核心比对：去掉引号、括号和“数量”“人数”"
    "“人次”等表示数字种类的字，正文再去掉“我局”“全年”“共”“完成”“开展”等只交代主体、时间和动作的字，两者相同、或正文的"
    "名称（至少四个字）是表中名称的一部分、或是表中名称的末尾而同句前一分句已写出表中全名（“全年组织职业技能培训，培训人数达到520人次”）、或正文是“动作＋对象”而表中名称以该对象（至少四个字）开头、其后除“面积”“里程”等量词外是与该动作同字的名词（“新建高标准农田”与“高标准农田建设面积”）时视为同一指标（单说“执行率”“满意度”可能是另一口径，只与同名一行比对）。只有单位相同（艘次与艘次、%与%）、全文自评表中恰有一行相符、"
    "正文数字不是该行的目标值或其他列的数、所在分句未写“目标”“计划”“预计”“任务”“上年”“其中”“累计”等字、同句未另写表中的数、"
    "且两数不是彼此四舍五入时才报告；其余情况不作判断。正文名称与表中名称末尾五个字以上相同、表中名称其余的字写在同句前面的分句里"
    "（“卫片执法方面，下发图斑按期整改率为P%”与“卫片图斑按期整改率”）时也视为同一指标；正文名称是表中名称加上至多四个字的限定（“新造林平均成活率”与“造林成活率”，“适龄儿童免疫规划疫苗接种率”与“免疫规划疫苗接种率”）"
    "时也视为同一指标，只限比率，且所加的字不指预算的一部分（“基本支出全年预算执行率”不是“全年预算执行率”）；“各类”“各项”只交代范围。“全县”“全市”与表中名称里的“全年”"
    "只交代范围和时间。同句前面已以表中全名写出该指标的数、后面的分句写的另一对象（“城乡居民基本医疗保险参保人数达A万人；"
    "职工基本医疗保险参保B万人”）不与该行比较。“案件数”中的“件”属于名称。名称之后的“全年共开展”“累计完成”等也只交代时间和动作"
    "（“群众文化活动全年共开展119场次”与“群众文化活动场次”）。正文写的是该行的目标值、而分句说是全年完成的结果（“全年完成人工造林1.5万亩”，目标值1.5万亩，实际完成值"
    "1.38万亩；同句此前未写“目标”“计划”等字）时报告。",
    "report.txt:106: 第30段: TXT021 正文写渔船安全检查 1286艘次，表1 第3行“渔船安全检查艘次”的实际完成值为 1268艘次："
    "同一指标的完成情况前后不一致")

_NAME_HEADS = (re.compile(r"^三级指标(名称)?$"), re.compile(r"^指标名称$|^(绩效)?指标$"))
_ACTUAL_HEAD = re.compile(r"实际完成值?|实际值|完成值|实际完成情况|完成情况")
_TARGET_HEAD = re.compile(r"指标值|目标值|预期目标|目标")
_CELL = re.compile(r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>%|[\u4e00-\u9fff]{1,3})$")
#: the words naming what kind of figure a name is of, at its end: dropped on both sides
_MEASURE = re.compile(r"(完成|实际)?(数量|人数|人次数?|户数|次数|批次数?|艘次|场次|(?<![案文事稿邮信部条])件数|个数|家数|总数|总量|规模|数|量)$")
# (案件数 is a count of 案件: only its 数 names the kind of figure)
#: the words that only frame a figure at the start of its clause: who speaks, when, and the verb of doing
_FRAME = re.compile(r"^(经自评|经统计|我(局|委|办|院|厅|中心|站|所|馆|队|部|会|单位)|本(局|委|办|院|厅|中心|站|所|馆|队|部|会|单位|部门)|"
                    r"全(省|市|州|县|区|旗|镇|乡)(?![\u4e00-\u9fff]?(?:范围|域))|"
                    r"全年|年度|本年度?|今年|当年|(?P<year>(19|20)\d\d)年度?|共计|共|实际|已|完成了?|开展了?|组织了?|各类|各项|"
                    r"实施了?|举办了?|办理了?|受理了?|对)")
#: what a clause says when its figure is not the year's result, or not the whole of it
_OTHER = re.compile(r"目标|计划|预计|预期|任务|指标值|上年|去年|上一年|同期|同比|较|比上|其中|分别|累计|以上|不低于|不少于|"
                    r"不超过|力争|争取|达到[^，。；]*要求|[≥≤><＞＜]")
_TRIM_END = re.compile(r"(为|达到|达|是|约|：|:|共计|合计|总计|共|有)+$")
_CLAUSE = "，。；;,！？!?\n"


def _row_core(name: str) -> str:
    s = re.sub(r"[\s“”\"‘’「」]", "", name)
    s = re.sub(r"[（(][^（）()]*[)）]", "", s)
    return _MEASURE.sub("", s)


def _text_core(words: str, year: str | None) -> str:
    """The words before a figure without the framing words; "" when they name a year other than the report's."""
    s = re.sub(r"[\s“”\"‘’「」]", "", words)
    s = _TRIM_END.sub("", s)
    while True:
        m = _FRAME.match(s)
        if not m or not m.group(0):
            break
        if m.group("year") and m.group("year") != year:
            return ""  # 2023年完成检查1100艘次: last year's figure, not this table's
        s = s[m.end():]
    # 群众文化活动全年共开展119场次: the act and its time after the object frame it as well
    s = re.sub(r"(?<=[\u4e00-\u9fff]{4})(?:全年|年内|本年度?)?(?:共|累计|合计)?(?:开展|组织|举办|完成|实施|办理|受理)了?$", "", s)
    return _MEASURE.sub("", s)


#: the words after an indicator's object naming what its figure measures (高标准农田建设面积, 农村公路养护里程)
_EXTENT = re.compile(r"(面积|里程|长度|规模|数量|总量|数)$")


def _act_and_object(core: str, rcore: str) -> bool:
    """The text names an act and its object (新建高标准农田), the row the object and the act as a noun
    (高标准农田建设面积): the object (at least four characters) opens the row's name after a verb of one to three
    characters, and what the row adds after it, a measure aside, is an act sharing a character with the verb (建设 for
    新建; not 养护 for 新建: 新建农村公路 is no figure of 农村公路养护里程; nor nothing: 抽查项目5个 is a part of the
    row 项目个数 12个)."""
    for cut in (1, 2, 3):
        verb, obj = core[:cut], core[cut:]
        if len(obj) >= 4 and rcore.startswith(obj):
            act = _EXTENT.sub("", rcore[len(obj):])
            return bool(set(act) & set(verb))  # a row of the bare object: the verb may name a part (抽查5个 of 12)
    return False


def _verb_and_object(core: str, rcore: str) -> bool:
    """The text names an act of one to three characters and then the row's whole name (at least four characters)."""
    return len(rcore) >= 4 and core.endswith(rcore) and 1 <= len(core) - len(rcore) <= 3


def _named_across(core: str, rcore: str, earlier: str) -> bool:
    """The text's name and the row's end alike (five characters at least: 图斑按期整改率), the rest of the row's name is
    written in the sentence before the figure's clause (卫片执法方面，下发图斑按期整改率为P%: 卫片), and what the text
    adds before the common end is a verb of one or two characters (下发) or nothing."""
    n = 0
    while n < min(len(core), len(rcore)) and core[-1 - n] == rcore[-1 - n]:
        n += 1
    head, extra = rcore[:len(rcore) - n], core[:len(core) - n]
    # (the row's whole name written before under its own figure: 城乡居民基本医疗保险参保人数达A万人；职工基本医疗保险
    # 参保B万人 names another population, not the row again)
    return n >= 5 and n < len(rcore) and len(extra) <= 2 and len(head) >= 2 and head in earlier and rcore not in earlier


#: words that narrow a rate to a part: of the budget (基本支出全年预算执行率 is not the department's 全年预算执行率) or
#: of the place or the population (城区污水处理率 is not the county's 污水处理率; 重点人群, 部分)
_SCOPE = re.compile(r"支出|经费|资金|项目|预算|收入|采购|三公|城区|市区|县城|城镇|农村|乡镇|乡村|镇|村|社区|街道|[省市县区乡]级|"
                    r"重点|部分|其中|个别|少数|贫困|脱贫|低收入|特殊")


def _qualified(core: str, rcore: str) -> bool:
    """The text names the row's rate with a qualifier or two put in (新造林平均成活率 for 造林成活率, 适龄儿童免疫规划疫苗
    接种率 for 免疫规划疫苗接种率): the row's name (five characters at least, a rate) is the text's end, whole or in two
    pieces of two characters at least in order, and the text adds at most four characters, none naming a part of the
    budget. Only for rates: what is added to a count may be an act that takes a part (抽查项目5个 of 项目个数 12个)."""
    if len(rcore) < 5 or not rcore.endswith("率") or not core.endswith(rcore[-2:]) \
            or not 0 < len(core) - len(rcore) <= 4:
        return False
    if core.endswith(rcore):
        return not _SCOPE.search(core[:len(core) - len(rcore)])
    for cut in range(2, len(rcore) - 1):
        head, tail = rcore[:cut], rcore[cut:]
        at = core.find(head, 0, len(core) - len(tail))
        if core.endswith(tail) and at >= 0:
            added = core[:at] + core[at + len(head):len(core) - len(tail)]
            return not _SCOPE.search(added)
    return False


#: a clause saying what was done (全年完成人工造林, 实际完成…, 共完成…): its figure is a result, never the target
_DONE = re.compile(r"^(?:(?:全年|年内|本年度?|当年|(?:19|20)\d\d年度?)(?:共|累计)?(?:实际)?(?:完成了?)?|(?:共|累计)?(?:实际)?完成了?)"
                   r"[\u4e00-\u9fff]")


def report_year(doc: Document) -> str | None:
    """The year the report is of: the latest year its first paragraphs (title, opening) name."""
    years = [y for p in doc.paragraphs[:3] for y in re.findall(r"((?:19|20)\d\d)年", p.text)]
    return max(years) if years else None


def _cell(text: str) -> tuple[Decimal, str] | None:
    m = _CELL.match(re.sub(r"\s+", "", text).translate(FULL_WIDTH).replace("％", "%"))
    if m is None:
        return None
    return Decimal(m.group("num").replace(",", "")), m.group("unit")


def indicator_rows(doc: Document) -> list[tuple[str, Decimal, str, set[Decimal], Table, int, int, str]]:
    """(name core, actual figure, its unit, the row's other figures, table, row, actual column, name) of every row of
    the document's 自评表s (a header naming the 三级指标 or 指标名称 and the 实际完成值) with an actual figure and unit."""
    out = []
    for t in doc.tables:
        header = None
        for r, row in enumerate(t.rows[:6]):
            heads = [re.sub(r"\s+", "", c) for c in row]
            name_col = next((c for rx in _NAME_HEADS for c, h in enumerate(heads) if rx.match(h)), None)
            actual = [c for c, h in enumerate(heads) if _ACTUAL_HEAD.search(h) and not _TARGET_HEAD.search(h)]
            if name_col is not None and len(actual) == 1:
                header = (r, name_col, actual[0])
        if header is None:
            continue
        h, nc, ac = header
        for r in range(h + 1, len(t.rows)):
            row = t.rows[r]
            if len(row) <= max(nc, ac) or not row[nc].strip():
                continue
            found = _cell(row[ac])
            if found is None:
                continue
            others = set()
            for c, x in enumerate(row):
                if c != ac:
                    others |= {Decimal(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", x.translate(FULL_WIDTH))}
            core = _row_core(row[nc])
            if len(core) >= 2:
                out.append((core, found[0], found[1], others, t, r, ac, re.sub(r"\s+", "", row[nc])))
    return out


#: a completion rate right after a figure: 完成率93.71% / 完成目标的93.71% / 完成年度目标任务的93.71%
_COMPLETION_AFTER = re.compile(r"^[，,]?\s*(?:目标)?完成率(?:为|达到?|是)?\s*$|^[，,]?\s*完成(?:了)?(?:年度)?(?:目标|计划|任务)"
                               r"(?:任务|值)?的\s*$")
#: a target cell: one figure, a lower bound or none before it (≥3.5万亩, 不低于600场, 300场)
_TARGET_CELL = re.compile(r"^(?:≥|>=|不低于|不少于|大于等于)?(?P<num>\d+(?:\.\d+)?)(?P<unit>%|[\u4e00-\u9fff]{1,3})$")


def _completion_after(text: str, qs: list[Quantity], q: Quantity) -> Quantity | None:
    """The completion rate written right after ``q`` in its sentence (新增节水灌溉面积3.28万亩，完成率93.71%)."""
    later = [x for x in qs if x.start >= q.end]
    if not later or later[0].unit != "%" or later[0].approx:
        return None
    r = later[0]
    return r if _COMPLETION_AFTER.match(text[q.end:r.start]) else None


def _row_target(t: Table, r: int, unit: str, floor: bool = False) -> Decimal | None:
    """The target of row ``r`` of a 自评表 (its one 目标值 / 指标值 column) when it is one figure in ``unit``."""
    for row in t.rows[:min(r, 6)]:
        heads = [re.sub(r"\s+", "", c) for c in row]
        cols = [c for c, h in enumerate(heads) if _TARGET_HEAD.search(h) and not _ACTUAL_HEAD.search(h)]
        if len(cols) == 1 and cols[0] < len(t.rows[r]):
            cell = re.sub(r"\s+", "", t.rows[r][cols[0]]).translate(FULL_WIDTH)
            m = _TARGET_CELL.match(cell)
            if floor and m and not (re.match(r"≥|>=|不低于|不少于|大于等于", cell)
                                    or (m.group("unit") in ("%", "％") and Decimal(m.group("num")) == 100)):
                return None  # a bare target (1%) may be a ceiling: 发生率, 差错率
            if m and m.group("unit") == unit and Decimal(m.group("num")) > 0:
                return Decimal(m.group("num"))
    return None


def row_target_actual(t: Table, r: int, floor: bool = False) -> tuple[Decimal, Decimal, str] | None:
    """(target, actual, unit) of row ``r`` of a 自评表 whose one 实际完成值 column holds a figure and whose one 目标值
    column a figure (or a lower bound) in the same unit; with ``floor``, only a target written as a lower bound
    (≥N, 不低于N) or 100%; None otherwise."""
    for row in t.rows[:min(r, 6)]:
        heads = [re.sub(r"\s+", "", c) for c in row]
        actual = [c for c, h in enumerate(heads) if _ACTUAL_HEAD.search(h) and not _TARGET_HEAD.search(h)]
        if len(actual) == 1 and actual[0] < len(t.rows[r]):
            found = _cell(t.rows[r][actual[0]])
            target = _row_target(t, r, found[1], floor) if found is not None else None
            if target is not None:
                return target, found[0], found[1]
    return None


def _rounded_equal(a: Decimal, b: Decimal) -> bool:
    """One figure is the other rounded to its places (96% for 95.6%, 96.50% for 96.5%)."""
    for x, y in ((a, b), (b, a)):
        places = Decimal(1).scaleb(min(0, x.as_tuple().exponent))
        if y.quantize(places, rounding=ROUND_HALF_UP) == x:
            return True
    return False


#: a numbered title sentence naming an indicator: （1）食品安全监督抽检批次。 / 1. 特种设备定期检验数量。
_TITLE = re.compile(r"\s*(?:[（(]\d{1,2}[）)]|\d{1,2}[.．、]|[①-⑳])\s*([^\d。；;，,：:]{2,30})[。：:]\s*$")


def _titled(text: str, s0: int, year: str | None) -> str:
    """The core of the indicator a figure with only framing words before it (实际完成4867批次) is of, when the sentence
    before is a numbered title naming it (（1）食品安全监督抽检批次。年度目标值≥4500批次，实际完成4867批次); "" without one."""
    if not s0:
        return ""
    p0 = max(text.rfind(c, 0, s0 - 1) for c in "。；;") + 1
    m = _TITLE.match(text[p0:s0])
    return _text_core(m.group(1), year) if m else ""


def check_indicator_results(doc: Document, quantities: list[list[Quantity]], taken: set[tuple[int, int]]
                            ) -> list[tuple[int, object]]:
    """[(paragraph index, TXT021 issue)]; ``taken``: (paragraph, offset) of text figures already reported."""
    from .prose import TXT005, _issue, sentences

    rows = indicator_rows(doc)
    year = report_year(doc)
    out = []
    for k, (paragraph, qs) in enumerate(zip(doc.paragraphs, quantities) if rows else ()):
        text = paragraph.text
        for q in qs:
            if (k, q.start) in taken or q.approx or q.kind not in ("count", "percent", "money"):
                continue
            if q.chinese and q.unit != "%":
                continue  # 一批, 两次: counts in characters are too often words
            if q.role != "level" and not (q.role == "rate" and q.unit == "%" and _TRIM_END.sub("", q.pre).endswith("率")):
                continue
            lo = max(text.rfind(c, 0, q.start) for c in _CLAUSE + "：:") + 1  # 产出方面：全年完成…: after the topic
            ends = [e for e in (text.find(c, q.end) for c in _CLAUSE) if e >= 0]
            clause = text[lo:min(ends) if ends else len(text)]
            if _OTHER.search(clause):
                continue
            core = _text_core(text[lo:q.start], year)
            if len(core) < 2:
                core = _titled(text, sentences(text).bounds(q.start)[0], year)
            if len(core) < 2:
                continue
            after = text[q.end:q.end + 3]
            s0 = sentences(text).bounds(q.start)[0]
            earlier = re.sub(r"[\s“”\"‘’「」]", "", text[s0:lo])  # the sentence's clauses before the figure's own
            if core.endswith("执行率") and re.search(r"三公|项目|基本支出|专项|经费|资金", earlier) \
                    and re.search(r"\d(?:\.\d+)?\s*[万亿]?元", earlier):
                continue  # “三公”经费年初预算A，实际支出B，预算执行率为P%: the rate of a part, not the 自评表's row
                # (资金管理方面，…，部门预算执行率达到P%: a topic with no figures of a part's is the department's)
            found = []
            for x in rows:
                rcore, _value, unit, _others, _t, _r, _c, _name = x
                # the same name; a part of it of four characters; or its last word, the whole name written in the
                # clause before (全年组织职业技能培训，培训人数达到520人次)
                if not (core == rcore or (len(core) >= 4 and core in rcore)
                        or (rcore.endswith(core) and rcore in earlier) or _act_and_object(core, rcore)
                        or _named_across(core, rcore, earlier) or _qualified(core, rcore)
                        or (len(core) >= 4 and core == _text_core(rcore, year))):  # 全年接待游客人次: its frame too
                    continue
                if unit == q.unit or (unit.startswith(q.unit) and after.startswith(unit[len(q.unit):])):
                    found.append(x)
            if not found:
                # 制作短视频作品1386条 and the row 短视频作品数量 1386条: a verb before the row's whole object, the row's
                # very figure in its unit (no part of it, as 抽查项目5个 is of 项目个数 12个): the same indicator
                found = [x for x in rows if x[1] == q.value and _verb_and_object(core, x[0])
                         and (x[2] == q.unit or (x[2].startswith(q.unit) and after.startswith(x[2][len(q.unit):])))]
            if len(found) != 1:
                continue
            rcore, value, unit, others, t, r, c, name = found[0]
            if value == q.value:
                rate = _completion_after(text, qs, q)
                target = _row_target(t, r, unit) if rate is not None else None
                if rate is not None and target is not None and (k, rate.start) not in taken:
                    v, exact = ratio_verdict(q.value, target, rate.value, Kind.COUNT, Kind.COUNT)
                    if v != "ok" and exact is not None:
                        shown = pct_text(exact, rate.value)
                        out.append((k, _issue(TXT005, v, f"完成率：{q.text} ÷ {t.where()} 第{r + 1}行“{name}”的目标值 "
                                              f"{num_text(target)}{unit} = {shown}，文中写 {rate.text}", shown,
                                              rate.text, rate.start)))
                        taken.add((k, rate.start))
            target = _row_target(t, r, unit)
            # the target written as the result (全年完成人工造林X万亩, X the row's 目标值): the sentence up to the figure
            # (from its last ；), what opens its list (…目标是：) and a heading right before the paragraph (（一）绩效目标)
            # name no target or plan, and the clause says it was done
            part = max(s0, text.rfind("；", s0, q.start) + 1, text.rfind(";", s0, q.start) + 1)
            lead = text[s0:max(text.rfind("：", s0, q.start), text.rfind(":", s0, q.start), s0)]  # 目标是：…；完成…
            as_done = target == q.value and _DONE.match(text[lo:q.start].strip()) \
                and not _OTHER.search(text[part:q.end]) and not _OTHER.search(lead) \
                and not (k and len(doc.paragraphs[k - 1].text) <= 30 and _OTHER.search(doc.paragraphs[k - 1].text))
            if value == q.value or (q.value in others and not as_done) or _rounded_equal(value, q.value):
                continue
            s0, s1 = sentences(text).bounds(q.start)
            plain = text[s0:s1].replace(",", "")
            if re.search(r"(?<![\d.])" + re.escape(f"{value:f}") + r"(?![\d.])", plain):
                continue
            shown = t.rows[r][c].strip()
            written = q.text + ("" if unit == q.unit else unit[len(q.unit):])
            words = _TRIM_END.sub("", text[lo:q.start].strip())
            issue = _issue(TXT021, Verdict.WRONG, f"正文写{words} {written}，{t.where()} 第{r + 1}行“{name}”的实际完成值为 "
                           f"{shown}{'（' + written + ' 是该行的目标值）' if as_done else ''}：同一指标的完成情况前后不一致",
                           shown, written, q.start)
            taken.add((k, q.start))
            out.append((k, issue))
    return out
