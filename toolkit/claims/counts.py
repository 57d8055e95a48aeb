"""A count and the classes it is split into, read by what the classes are, not by the words joining them.

A report states a count (项目23个, 三级指标9个, 从36个指标的完成情况看) and then its split, in the same sentence or
the next, with or without 其中: "分为三类：A类11个、B类8个、C类3个"; "产出指标4项，效益指标2项，满意度指标1项";
"完全达成31个、部分达成4个、未达成2个". The split is the whole of the count when

* the sentence says how many classes there are (分为三类 / 分成四个方面) and lists exactly that many counts;
* the classes are the kinds of indicator of DOMAIN.md section 3: the 一级 kinds 产出, 效益, 满意度 (预算执行 beside
  them or not), or 产出's 二级 kinds 数量, 质量, 时效, 成本 with 效益 and 满意度 — and the count is of 指标;
* the classes are the outcomes of the indicators: 达成 (完成), 部分达成, 未达成 — and the count is of 指标.

The list may open the next paragraph. The counts must then add up to the stated count (``不含预算执行率`` beside the count leaves that class out). A list
of indicator kinds without 预算执行 that falls short of the count may leave 预算执行率 out: not judged. Where the
document has a 自评表, the message also says how many indicators of each listed kind its rows hold, when that
differs from the text.
"""
from __future__ import annotations

from ..lazyre import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal

from ..findings import ERROR
from ..rules import Rule
from .arith import Verdict
from .cnnum import CHARS, count_value
from .quantities import Quantity, sentences

TXT020 = Rule("TXT020", "lint", ERROR, "个数与其各类个数之和不符",
    "正文写出一个个数及其分类（同一句、下一句或下一段的第一句，有无“其中”均可）：句中写明分为几类（“分为三类：…”）且恰好列出这么多类时，"
    "或各类是指标的种类（产出、效益、满意度，可另含预算执行；或数量、质量、时效、成本与效益、满意度）、指标的完成情况"
    "（完全达成、部分达成、未达成）而所数的是指标时，各类之和应等于所述个数。“不含预算执行率”时不计该类；"
    "列出的指标种类不含预算执行而其和小于所述个数时（可能未计预算执行率）不报。文件有自评表时，同时说明表中各类指标的行数；"
    "各类之和与所述个数相符、而自评表的行数（含或不含预算执行率）正是这个数时，某一类的个数与表中该类（一级指标）的行数不符也报告。"
    "只列出两种完成情况（“22个指标中，全面完成20个，部分完成3个”）时，其和大于所述个数也报告（两类互不重叠，不能多于全部）；"
    "“N项指标中M项取得满分、K项有所扣分”（N 为表中指标数）同样按表核对，说的是考核指标、项目或一级指标时不核对。"
    "按成绩挑出的指标（“未得满分的指标共5项”）不是指标总数；文件有自评表（分值合计100）时，“得满分的指标N个”应等于表中得分等于分值的行数、"
    "“扣分指标M个”“未得满分的指标M个”应等于得分低于分值的行数（含或不含预算执行率；得分超过分值的行两种算法都认可）。"
    "项目按状态分为已完工（竣工、已完成）、在建（续建、持续实施、跨年度实施、尚未完工）与未开工时，各类之和应等于项目总数。",
    "report.txt:29: 第29段: TXT020 从36个指标的完成情况看 的 36个 与各类之和不符：31 + 4 + 2 = 37（完全达成、部分达成、未达成）")

_DECLARED = re.compile(r"分[为成](?P<n>[\d" + CHARS + r"]{1,3})(?:个)?(?:类|种|类别|方面|部分|大类)[：:，,]")
_LEVEL_ONE = ("产出", "效益", "满意度")
_LEVEL_TWO = ("数量", "质量", "时效", "成本", "效益", "满意度")
_OUTCOMES = (re.compile(r"(?<![部未没])(完全)?(达成|完成|实现)"), re.compile(r"部分(达成|完成|实现)"),
             re.compile(r"(未|没有)(达成|完成|实现)"))
_EXEC = "预算执行"
_LEAVE_OUT = re.compile(r"不含预算执行")
#: what may stand between two counts of a list: a separator and the next class's name
_BETWEEN = re.compile(r"[、，,；;和及与]?[^，,；;。：:、\d]{0,16}$")


def _kind(label: str) -> str | None:
    for k in (_EXEC, "产出") + _LEVEL_TWO:
        if k in label:
            return k
    return None


def _outcome(label: str) -> int | None:
    for i, rx in enumerate(_OUTCOMES[::-1]):  # 未达成 and 部分达成 before 达成
        if rx.search(label):
            return 2 - i
    return None


def _of_indicators(text: str, q: Quantity) -> bool:
    return q.label.endswith("指标") or text[q.end:q.end + 2] == "指标" or text[q.end:q.end + 3] == "绩效指"


def _run(text: str, qs: list[Quantity], i: int, hi: int, unit: str) -> list[Quantity]:
    """The counts in ``unit`` listed one after another from ``qs[i]`` up to offset ``hi``."""
    run: list[Quantity] = []
    for q in qs[i:]:
        if q.start >= hi:
            break
        gap = text[(run[-1].end if run else q.start):q.start]
        if q.unit != unit or q.role != "level" or q.approx or (run and not _BETWEEN.fullmatch(gap)):
            break
        run.append(q)
    return run


def check_counts(texts: list[str], quantities: list[list[Quantity]], indicator_rows: Counter | None = None
                 ) -> list[tuple[int, object]]:
    """[(paragraph index, TXT020 issue)]; ``indicator_rows``: the 自评表's indicator rows by kind (一级 name)."""
    out = []
    for k, (own, own_qs) in enumerate(zip(texts, quantities)):
        # the paragraph and the next one run together: a count ending one and its classes opening the next
        text, qs = own, own_qs
        if k + 1 < len(texts) and quantities[k + 1]:
            glue = "" if own.rstrip().endswith(("。", "！", "？")) else "。"
            off = len(own) + len(glue)
            text = own + glue + texts[k + 1]
            qs = own_qs + [replace(q, start=q.start + off, end=q.end + off) for q in quantities[k + 1]]
        sents = sentences(text)
        for i, t in enumerate(own_qs):
            if t.kind != "count" or t.role != "level" or t.approx or t.value < 2:
                continue
            _s_start, s_end = sents.bounds(t.start)
            j = i + 1
            declared = _DECLARED.search(text, t.end, min(len(text), t.end + 12))
            if declared and declared.start() - t.end <= 2:
                while j < len(qs) and qs[j].start < declared.end():
                    j += 1  # 分为三类: the number of classes is not one of them
            if j == len(qs):
                continue
            nxt = qs[j]
            # the list follows in the same sentence, or opens the next one
            if nxt.start > s_end:
                n_start, n_end = sents.bounds(nxt.start)
                if n_start != s_end + 1:
                    continue
                hi = n_end
            else:
                hi = s_end
            run = _run(text, qs, j, hi, t.unit)
            if len(run) < 2:
                continue
            issue = _judge(text, t, run, indicator_rows, len(own))
            if issue is not None:
                out.append((k, issue))
    return out


def _judge(text: str, t: Quantity, run: list[Quantity], rows: Counter | None, limit: int):
    from .prose import _issue

    between = text[t.end:run[0].start]
    declared = _DECLARED.search(between)
    why = None
    parts = run
    if declared:
        n = count_value(declared.group("n"))
        if n != len(run):
            return None
        why = f"{declared.group(0)[:-1]}"
    elif _of_indicators(text, t):
        outcomes = [_outcome(q.label) for q in run]
        kinds = [_kind(q.label) for q in run]
        if None not in outcomes and sorted(outcomes) == [0, 1, 2]:
            why = "、".join(q.label for q in run)
        elif None not in kinds and len(set(kinds)) == len(kinds) and \
                (set(_LEVEL_ONE) <= set(kinds) <= set(_LEVEL_ONE) | {_EXEC}
                 or set(_LEVEL_TWO) <= set(kinds) <= set(_LEVEL_TWO) | {_EXEC}):
            if _LEAVE_OUT.search(text[t.end:t.end + 12]):
                parts = [q for q, kd in zip(run, kinds) if kd != _EXEC]
            why = "、".join(q.label for q in parts)
            total = sum((q.value for q in parts), Decimal(0))
            if total < t.value and _EXEC not in kinds:
                return None  # 预算执行率 may be counted in the total and left out of the list
        elif None not in outcomes and len(set(outcomes)) == len(outcomes) == 2 \
                and sum((q.value for q in run), Decimal(0)) > t.value:
            # 22个指标中，全面完成20个，部分完成3个: classes apart from one another (not every one named) cannot hold
            # more than the whole
            why = "、".join(q.label for q in run)
        else:
            return None
    else:
        return None
    values = [q.value for q in parts]
    total = sum(values, Decimal(0))
    if total == t.value:
        return _against_rows(t, parts, rows) if rows and why and not declared else None
    table = ""
    if rows:
        off = [f"{q.label}{rows[_kind(q.label)]}{q.unit}" for q in parts
               if _kind(q.label) in rows and rows[_kind(q.label)] != q.value]
        if off:
            table = f"；自评表中{'、'.join(off)}"
    shown = " + ".join(str(v) for v in values)
    label = t.label or "总数"
    if _of_indicators(text, t) and not label.endswith("指标"):
        label = "指标"  # 从36个指标的完成情况看: the count is of 指标
    return _issue(TXT020, Verdict.WRONG, f"{label} {t.text} 与各类之和不符：{shown} = {total}（{why}）{table}",
                  str(total), str(t.value), t.start, min(parts[-1].end, limit))


def _against_rows(t: Quantity, parts: list[Quantity], rows: Counter):
    """The kinds of a count of indicators that adds up, against the 自评表's rows of each kind — when the table holds
    the same indicators (its rows, with or without 预算执行, are the count) and a row of every kind listed."""
    from .prose import _issue

    kinds = [_kind(q.label) for q in parts]
    if None in kinds or t.value not in {rows["*"], rows["*"] - rows.get(_EXEC, 0)} or any(rows[k] == 0 for k in kinds):
        return None
    if _EXEC not in kinds and t.value == rows["*"] and rows.get(_EXEC):
        return None  # the count holds 预算执行率, the list does not name it: the kinds cannot add up to the table
    off = [(q, rows[k]) for q, k in zip(parts, kinds) if rows[k] != q.value]
    if not off:
        return None
    q, n = off[0]
    said = "、".join(f"{x.label}{rows[_kind(x.label)]}{x.unit}" for x, _n in off)
    return _issue(TXT020, Verdict.WRONG, f"{q.label} {q.text} 与自评表不符：表中{said}", str(n), str(q.value), q.start, q.end)


def row_kinds(score_table) -> list[tuple[int, Decimal, str | None]]:
    """(row, score, kind) of each indicator row of a 自评表: the kind word of its first cell (一级指标) carried down
    merged cells, None for none."""
    out = []
    group = None
    rows = score_table.table.rows
    first_item = score_table.items[0][0] if score_table.items else 0
    # the 一级指标 column (after a 序号 column, say), the first one otherwise
    col = next((c for row in rows[:first_item] for c, x in enumerate(row) if re.sub(r"\s+", "", x) == "一级指标"), 0)
    for r, _w, s in score_table.items:
        row = rows[r]
        first = re.sub(r"\s+", "", row[col]) if col < len(row) else ""
        if first:
            group = first
        out.append((r, s, _kind(group or "")))
    return out


def indicator_rows(score_table) -> Counter:
    """The indicator rows of a 自评表 by kind (:func:`row_kinds`); ``"*"`` counts every indicator row, and ``"三级"``
    is 1 when a header cell names the column 三级指标."""
    out: Counter = Counter()
    rows = score_table.table.rows
    first_item = score_table.items[0][0] if score_table.items else 0
    heads = [re.sub(r"\s+", "", c) for row in rows[:first_item] for c in row]
    if "三级指标" in heads:
        out["三级"] = 1
    for _r, _s, kind in row_kinds(score_table):
        out["*"] += 1
        if kind is not None:
            out[kind] += 1
    return out


#: the whole count of indicators (共设置三级指标N个), not one category's (人员类项目设置三级指标1个)
_SET = re.compile(r"共(计)?(设置|设定|设立|有)?[^，,；;。类]{0,10}$")
#: indicators picked out by their score or outcome (未得满分的指标, 扣分指标, 全部完成的指标): a part, not the whole count
_BY_RESULT = re.compile(r"满分|扣分|失分|得分|达成|完成|实现|达标|达到")


def whole_indicator_count(text: str, q: Quantity) -> bool:
    """``共设置三级指标15个`` / ``绩效指标共10项``: ``q`` is the count of every indicator the report set — not one
    category's (产出指标8个, 人员类项目设置三级指标1个), not one level's above the 三级, not those picked out by result."""
    return q.kind == "count" and q.role == "level" and not q.approx and q.label.endswith("指标") \
        and not re.search(r"[一二]级指标$|[一二]级$", q.label) and _kind(q.label) is None \
        and bool(_SET.search(text[max(0, q.start - 20):q.start])) and not _BY_RESULT.search(q.label) \
        and q.unit in ("个", "项", "条")


def stated_indicator_counts(texts: list[str], quantities: list[list[Quantity]]) -> set[Decimal]:
    """Every count of all the indicators the text states (:func:`whole_indicator_count`)."""
    return {q.value for text, qs in zip(texts, quantities) for q in qs if whole_indicator_count(text, q)}


def check_table_count(texts: list[str], quantities: list[list[Quantity]], rows: Counter,
                      said: set[tuple[int, int]]) -> list[tuple[int, object]]:
    """TXT020 for "共设置三级指标N个" against the indicator rows of the 自评表 (headed 三级指标): N must be the
    number of its rows, or that number without the 预算执行 rows."""
    from .prose import _issue

    if not rows.get("三级") or not rows.get("*"):
        return []
    allowed = {rows["*"], rows["*"] - rows.get(_EXEC, 0)}
    out = []
    for k, (text, qs) in enumerate(zip(texts, quantities)):
        for q in qs:
            if (k, q.start) in said or not whole_indicator_count(text, q) or q.value in allowed:
                continue
            shown = "、".join(f"{n}{q.unit}" for n in sorted(allowed, reverse=True))
            out.append((k, _issue(TXT020, Verdict.WRONG, f"{q.label} {q.text} 与自评表不符：表中列有三级指标 {shown.split('、')[0]}"
                                  + (f"（不含预算执行 {shown.split('、')[1]}）" if len(allowed) == 2 else ""),
                                  str(rows["*"]), str(q.value), q.start)))
    return out


#: a count of the indicators scored their full weight (得满分的指标8个, 满分指标8项) or below it (扣分指标7个)
_FULL_MARKS = re.compile(r"(?:得|获得|取得)?满分(?:的)?(?:三级)?指标(?:有|共|为)?$")
_DEDUCTED = re.compile(r"(?:扣分|失分|未得满分|未获满分)(?:的)?(?:三级)?指标(?:有|共|为)?$")
#: the count of all the indicators right before one of them (11项指标里有 / 12个三级指标中，)
_OF_ALL = re.compile(r"(?P<n>\d{1,3})\s*(?:项|个|条)(?:三级)?(?:绩效)?指标(?:中|里|当中)?(?:有|共有)?[，,]?$")
#: … and the same said after the count (6项取得满分, 5项有所扣分, 3个指标未得满分)
_FULL_AFTER = re.compile(r"(?:三级)?(?:指标)?(?:均|全部|都)?(?:取得|获得|得到?|拿到|为)满分")
_DEDUCTED_AFTER = re.compile(r"(?:三级)?(?:指标)?(?:均|都)?(?:有所|存在|被|有)?(?:扣分|失分|未得满分|未获满分|未取得满分|未能?得满分)")


def check_full_marks(texts: list[str], quantities: list[list[Quantity]], st, said: set[tuple[int, int]]
                     ) -> list[tuple[int, object]]:
    """TXT020 for "得满分的指标N个" / "扣分指标M个" against the 自评表's rows scored at, or below, their weight (the
    预算执行 row counted or not)."""
    from .prose import _issue

    if st is None or len(st.items) < 3:
        return []
    rows = st.table.rows
    execution = [(r, w, s) for r, w, s in st.items if _EXEC in "".join(rows[r][:3])]
    counts, plain = {}, {}
    over = sum(1 for _r, w, s in st.items if s > w)  # a score above its weight (TBL004): either, as the writer meant
    for name, test in (("full", lambda w, s: s == w), ("deducted", lambda w, s: s < w)):
        n = sum(1 for _r, w, s in st.items if test(w, s))
        e = sum(1 for _r, w, s in execution if test(w, s))
        counts[name] = {n, n - e, n + over, n - e + over}
        plain[name] = n
    out = []
    for k, (text, qs) in enumerate(zip(texts, quantities)):
        for q in qs:
            if (k, q.start) in said or q.kind != "count" or q.approx or q.unit not in ("个", "项", "条"):
                continue
            label = re.split(r"[，,；;：:]", q.label)[-1]
            s0 = max(text.rfind(c, 0, q.start) for c in "。！？\n") + 1
            if re.search(r"产出|效益|满意度|预算执行|成本|数量|质量|时效", text[s0:q.start]):
                continue  # 产出指标中，得满分的指标2个: the count of one kind, not of the table
            kind = "deducted" if _DEDUCTED.search(label) else "full" if _FULL_MARKS.search(label) \
                and not re.search(r"[未没不非]有?(?:得|获得|取得)?满分", label) else None
            whole = _OF_ALL.search(text[s0:q.start])
            if kind is None and whole and int(whole.group("n")) in (len(st.items), len(st.items) - len(execution)) \
                    and not re.search(r"考核|一级|二级|项目|任务", text[s0:q.start]):
                # 11项指标里有6项取得满分、5项有所扣分: the count before what its indicators scored, of all the
                # table's indicators (not of a kind, of projects, of an outside assessment)
                after = text[q.end:q.end + 12]
                kind = "deducted" if _DEDUCTED_AFTER.match(after) else "full" if _FULL_AFTER.match(after) else None
                label = {"deducted": "扣分的指标", "full": "得满分的指标"}.get(kind, label)
            if kind is None or q.value in counts[kind]:
                continue
            n = plain[kind]
            what = "得分等于分值" if kind == "full" else "得分低于分值"
            out.append((k, _issue(TXT020, Verdict.WRONG, f"{label} {q.text} 与{st.table.where()}（评分表）不符：表中{what}的指标"
                                  f"有 {n}{q.unit}", str(n), str(q.value), q.start)))
    return out
