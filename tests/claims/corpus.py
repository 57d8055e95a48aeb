"""The lint corpus: sidecars, the arithmetic of their relations, and matching lint findings to them.

A corpus is a directory of reports (``.txt``, ``.md``, ``.docx``, ``.pdf``), each with a sidecar
``<stem>.expected.yaml`` (the format of ``tests/fixtures/claims/unseen``, extended)::

    report: guangdong_jtj_2023.txt          # the report file beside the sidecar
    style: 广东省地级市交通运输局 部门整体支出绩效自评报告
    layout: txt-tab                         # txt-tab | txt-word | txt-bare | md | docx | pdf | pdf-scanned
    errors:                                 # planted errors (and ``warnings:``: planted rounding cases, same shape)
    - id: E1
      kind: nested-qizhong                  # one of KINDS
      at:                                   # where: any of these places (a finding at another place is not a match)
      - para: 部门支出总额2865.40万元         #   a fragment of a paragraph (one sentence at most)
      - row: 2120101行政运行                  #   a fragment of a table row (its cells run together, no spaces)
        table: 支出决算表                     #   (table and col only tell a reader where; matching is by row)
        col: 基本支出
      relation: {type: sum, total: '2865.40', parts: ['1200.00', '1665.45']}
      code: TXT001                          # the code a reader would expect (informative: the engine may add codes)
      severity: error
      note: 其中 holds a sub-total with its parts in parentheses; the outer sum is off by 0.05... (why it is wrong)
    'true':                                 # relations that hold and must not be flagged
    - id: T1
      kind: nested-qizhong
      at: [{para: ...}]
      relation: {...}
      tolerate: warning                     # optional: a warning here is acceptable (genuinely ambiguous rounding)
    outcome: refused                        # pdf-scanned only: lint must refuse the file ...
    message_any: [扫描, 文字层]              # ... with a message holding one of these words

Every figure in a relation is written as in the report (a string, ``%`` kept for percentages) and every relation
is evaluated here with Decimal arithmetic (round half up, DOMAIN §7): :func:`verdict` says whether it holds, fails
only within the rounding of its figures, or fails beyond it. The old unseen sidecars (errors with ``where`` and
``code``, true statements as plain quotes) are read too, so the measurement runs on either folder.

Fragments are compared after :func:`normalize` (whitespace and ``|`` removed), so one fragment finds the same row in a
tab-separated line, a Word one-cell-a-line export, a Markdown pipe row, a Word table or a PDF.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from ruamel.yaml import YAML

REPORT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")

#: the kinds of issue 11 (and DOMAIN §6/§8), each planted several times across the corpus
KINDS = {
    "tsv-table": "a table written with tab-separated cells, one row per line",
    "pipe-table": "a Markdown pipe table",
    "total-first": "a 决算 table with the 合计 column first (项目 | 合计 | 基本支出 | 项目支出)",
    "code-hierarchy": "rows nested by function code 类 ⊃ 款 ⊃ 项 (a lost digit breaks its row and its parent)",
    "zero-total": "a total row 0 or blank above filled 其中 rows in a form",
    "budget-completion": "年初预算为A，支出决算为B，完成年初预算的P%",
    "wrong-denominator": "完成年初预算的P% where P is B / 全年预算 without saying so",
    "zero-completion": "完成预算的0% while the table shows the budget spent",
    "sangong-zero-item": "三公 paragraph whose items (one of them 0) must add to the total",
    "nested-qizhong": "T，其中A（B，C，D），E: a sub-total with its own parts in parentheses",
    "share-of-named-whole": "shares after a list of parts that are shares of the named whole",
    "count-rate": "a rate of counts under a less common name (整改完成率, 办结率, 覆盖率 …)",
    "grade-band": "a total score and its grade (优 ≥90, 良 80–90, 中 60–80, 差 <60)",
    "share-pair-100": "two shares that add to 100% (right, or both wrong)",
    "text-vs-table": "a figure in the narrative and in a table under the same label",
    "three-decimals": "a total with three decimals against parts with two",
    "indicator-counts": "counts of indicators per kind against the stated number",
    "header-budget-copied": "the 自评表 header's 年初预算数 against the budget table",
    "fund-source-split": "a total split by fund source",
    "same-achievement": "the same achievement stated in two sections",
    "change-rate": "比上年增加/减少C，增长/下降R%",
    "table-total": "a 合计 row or column of an ordinary table",
    "score-sum": "a total score against the indicator scores",
    "share": "a share of a stated total",
    "sum": "a total and its parts in prose",
    "scanned-pdf": "a PDF without a text layer",
    # corpus2 (the classes of the hold-out misses)
    "share-after-grouping": "shares after a grouping phrase (按支出性质分，A万元，占X%；…) of the total stated before",
    "complete-set": "the parts of a complete set (职工医保、居民医保) against a total stated in another sentence",
    "change-base": "a change whose base follows 比/较 (比2021年度B万元减少D万元; 较上年的B万元增长R%)",
    "percentage-points": "a change of a rate in 百分点 (比上年的B%下降C个百分点)",
    "respective-shares": "上述N类分别占W的p1、p2…: shares of a list stated before",
    "semicolon-list": "a ；-separated list of parts (some 0元) and its 合计",
    "open-count-unit": "counts in units outside the usual measure words (例, 公斤, 支 …)",
    # corpus3 (the classes of the third hold-out's misses and false errors)
    "bracket-base": "a change with its base in brackets after the rate (增长R%（上年B万元）): B is last year's, no whole",
    "stage-list": "items separated by ；, each ending in 为…阶段, counted as the number stated",
    "composed-of": "a total followed by 由A、B和C构成/组成 or 包括A、B等",
    "count-qizhong": "a count total with 其中 parts in a count unit (个, 支, 户)",
    "change-large-units": "a change of amounts in 亿元/万亩/万人 with the base in the sentence before",
    "points-from-to": "占比由a%提高到b%，提高c个百分点",
    "quantity-completion": "completion or coverage rates of quantities in 万亩/公里/座/个",
    "score-list": "scores listed 分别得…分 and their 合计",
    "score-table": "a stated 得分 against the rows of a score table",
    "table-rate": "a rate column of a table (执行率 = 执行数 ÷ 预算数, 占比 = 金额 ÷ 合计)",
    # corpus4 (the classes of the fourth hold-out's misses and false error)
    "share-named-part": "a share of the part named right before 占 (or the clause's subject) after a list of parts",
    "change-derived-base": "X，比上年增加/减少D，增长/下降R%: the base is X − D (X + D for a decrease)",
    "proportional-score": "得分 = 分值 × 实际 ÷ 目标 (capped at 分值) where the report states proportional scoring",
    "score-subtotal": "a first-level subtotal score against its second-level scores listed",
    "row-change": "a table row whose 增减额 is not 本年 − 上年 (the row is the culprit, not the total)",
    # corpus4b (the false errors of the fourth hold-out: a trailing change or share read as the last figure's)
    "change-after-list": "支出T万元，其中A万元、B万元，较上年的X万元下降R%: the change is the total's, (T − X) ÷ X",
    "execution-rate": "年初预算A、全年预算B、实际支出C，实际支出占预算的P%: C ÷ the budget, never one stage ÷ another",
    # corpus5 (issue 11, lintC: counts against their classes and tables, names and units of one budget line, a
    # slipped part under a confirmed total, zero totals in a PDF's rows)
    "count-classes": "a count against its classes (分为N类; kinds of indicator; 达成/部分达成/未达成), same or next sentence",
    "count-table-rows": "共设置三级指标N个 against the indicator rows of the document's 自评表",
    "text-table-synonym": "a text figure against the table row of the same budget line under another name or unit",
    "slipped-part": "a part with two digits swapped or one lost, under a total the text or the parent code confirms",
    "shares-confirm-parts": "a 合计 row mistyped while the share column is of the parts' sum",
    "stage-identity": "a row's 全年预算 against its 年初预算 + 调整 (the row is reported, not the 合计 it breaks)",
    "last-year-column": "a text figure of this year that is its table row's 上年 figure",
    # corpus10 (issue 11, lintP: styles the engine had not seen)
    "stage-part": "a list under a 执行/决算 total followed by a figure of another stage or time (全年预算, 上年): no part",
    # old unseen sidecars
    "unseen": "an entry of an old-format sidecar (no kind given)",
}


def normalize(s: str) -> str:
    """Text as compared: every whitespace character and table bar removed."""
    return re.sub(r"[\s|\u3000\xa0\u200b]+", "", s or "")


# ----------------------------------------------------------------------------------------------------------------
# Sidecars

def sidecar_path(report: Path) -> Path:
    return report.with_name(f"{report.stem}.expected.yaml")


def reports(directory: Path) -> list[Path]:
    """The reports of a corpus: every report file with a sidecar beside it."""
    return sorted(p for p in Path(directory).iterdir()
                  if p.suffix.lower() in REPORT_SUFFIXES and sidecar_path(p).is_file())


def load_sidecar(report: Path) -> dict:
    data = YAML(typ="safe", pure=True).load(sidecar_path(report).read_text(encoding="utf-8")) or {}
    data.setdefault("errors", [])
    data.setdefault("warnings", [])
    data.setdefault("true", [])
    return data


@dataclass
class Entry:
    id: str
    planted: bool  # a planted error or warning (else a true statement)
    severity: str  # planted: "error" or "warning"; true: "none"
    kind: str
    at: list[dict]
    relation: dict | None = None
    code: str | None = None
    tolerate: str | None = None
    where: str | None = None  # old format: exact location
    note: str | None = None

    def numbers(self) -> set[Decimal]:
        return set(relation_numbers(self.relation)) if self.relation else set()


def entries(side: dict) -> list[Entry]:
    out: list[Entry] = []
    for sev in ("error", "warning"):
        for k, e in enumerate(side[sev + "s"], 1):
            if "where" in e:  # old unseen format
                nums = [e.get("expected"), e.get("found")]
                out.append(Entry(f"{sev[0].upper()}{k}", True, sev, "unseen", [], None, e.get("code"),
                                 where=e["where"]))
                out[-1].relation = {"type": "figures", "values": [str(n) for n in nums if n is not None]}
                continue
            out.append(Entry(e["id"], True, e.get("severity", sev), e["kind"], list(e["at"]), e.get("relation"),
                             e.get("code"), note=e.get("note")))
    for k, t in enumerate(side["true"], 1):
        if isinstance(t, str):  # old unseen format: a quote
            out.append(Entry(f"T{k}", False, "none", "unseen", [{"para": t}], None))
            continue
        out.append(Entry(t["id"], False, "none", t["kind"], list(t["at"]), t.get("relation"),
                         tolerate=t.get("tolerate"), note=t.get("note")))
    return out


# ----------------------------------------------------------------------------------------------------------------
# Arithmetic of relations (Decimal, round half up)

HOLDS, ROUNDING, FAILS = "holds", "rounding", "fails"
_RANK = {HOLDS: 0, ROUNDING: 1, FAILS: 2}
GRADES = {"优": (90, 101), "优秀": (90, 101), "良": (80, 90), "良好": (80, 90), "中": (60, 80), "合格": (60, 80),
          "一般": (60, 80), "差": (0, 60), "不合格": (0, 60), "较差": (0, 60)}


def dec(s) -> Decimal:
    text = str(s).replace(",", "").replace("%", "").strip()
    if text == "":
        return Decimal(0)
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not a number: {s!r}") from None


def places(s) -> int:
    text = str(s).replace(",", "").replace("%", "").strip()
    return len(text.split(".")[1]) if "." in text else 0


def half_up(x: Decimal, n: int) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-n), ROUND_HALF_UP)


def _rate(num: Decimal, den: Decimal, written) -> str:
    """A written percentage against num / den: holds if it is the half-up rounding, rounding if it is the truncation."""
    if den == 0:
        return FAILS
    exact = num * 100 / den
    n = places(written)
    w = dec(written)
    if half_up(exact, n) == w:
        return HOLDS
    if exact.quantize(Decimal(1).scaleb(-n), ROUND_DOWN) == w:
        return ROUNDING
    return FAILS


def _previous(rel: dict) -> Decimal:
    """The 上年 figure of a change: this year's less an increase, plus a decrease."""
    cur, delta = dec(rel["current"]), dec(rel["delta"])
    return cur - delta if rel["direction"] in ("增加", "增长", "上升") else cur + delta


_UNIT_EXP = {"元": 0, "万元": 4, "亿元": 8}


def verdict(rel: dict) -> str:
    """HOLDS, ROUNDING (off only within the rounding of the figures) or FAILS (off beyond it)."""
    t = rel["type"]
    if t == "sum":
        figures = [rel["total"], *rel["parts"]]
        diff = sum((dec(p) for p in rel["parts"]), Decimal(0)) - dec(rel["total"])
        if diff == 0:
            return HOLDS
        # each figure may be off by half a unit of its own last place; whole numbers (counts) are exact
        tolerance = sum(Decimal(1).scaleb(-places(f)) / 2 for f in figures if places(f))
        return ROUNDING if abs(diff) <= tolerance else FAILS
    if t in ("ratio", "share"):
        return _rate(dec(rel["num"]), dec(rel["den"]), rel["value"])
    if t == "shares":
        return max((_rate(dec(part), dec(rel["whole"]), value) for part, value in rel["items"]), key=_RANK.get)
    if t == "change":
        return _rate(dec(rel["delta"]), _previous(rel), rel["rate"])
    if t == "growth":  # 较上年的P增长/下降R%: R = |current − previous| / previous (the words give the direction)
        return _rate(abs(dec(rel["current"]) - dec(rel["previous"])), dec(rel["previous"]), rel["rate"])
    if t == "grade":
        lo, hi = GRADES[rel["grade"]]
        return HOLDS if lo <= dec(rel["score"]) < hi else FAILS
    if t == "equal":
        return HOLDS if len({dec(v) for v in rel["values"]}) == 1 else FAILS
    if t == "amounts":  # one amount written in several money units (531.86 万元 and 5,318,600.00 元)
        return HOLDS if len({dec(v).scaleb(_UNIT_EXP[u]) for v, u in zip(rel["values"], rel["units"])}) == 1 else FAILS
    if t == "score":  # proportional scoring: weight × min(actual / target, 1)
        exact = dec(rel["weight"]) * min(dec(rel["actual"]) / dec(rel["target"]), Decimal(1))
        return HOLDS if half_up(exact, places(rel["score"])) == dec(rel["score"]) else FAILS
    if t == "all":
        return max((verdict(r) for r in rel["of"]), key=_RANK.get)
    if t == "figures":  # old format: nothing to evaluate
        return FAILS
    raise ValueError(f"unknown relation type {t!r}")


def relation_numbers(rel: dict) -> list[Decimal]:
    """Every figure of a relation, as numbers (what a finding about it would mention)."""
    out: list[Decimal] = []
    for text in relation_strings(rel):
        try:
            out.append(dec(text))
        except ValueError:
            pass
    return out


def correct_values(rel: dict) -> set[Decimal]:
    """What a finding about this relation may give as the expected figure: the sum of the parts (or the value of one
    part that the total and the other parts imply), the rate computed from its numerator and denominator, the share of
    each part, the 上年 figure of a change, a figure written elsewhere under the same label."""
    t = rel["type"]
    out: set[Decimal] = set()
    if t == "sum":
        parts = [dec(p) for p in rel["parts"]]
        total = dec(rel["total"])
        out.add(sum(parts, Decimal(0)))
        out |= {total - (sum(parts, Decimal(0)) - p) for p in parts}
    elif t in ("ratio", "share"):
        if dec(rel["den"]):
            out.add(dec(rel["num"]) * 100 / dec(rel["den"]))
    elif t == "shares":
        if dec(rel["whole"]):
            out |= {dec(p) * 100 / dec(rel["whole"]) for p, _v in rel["items"]}
        if sum((dec(p) for p, _v in rel["items"]), Decimal(0)) == dec(rel["whole"]):
            out.add(Decimal(100))  # the items make up the whole: their shares must add to 100%
    elif t == "change":
        prev = _previous(rel)
        out.add(prev)
        if prev:
            out.add(dec(rel["delta"]) * 100 / prev)
    elif t == "growth":
        prev = dec(rel["previous"])
        if prev:
            out.add(abs(dec(rel["current"]) - prev) * 100 / prev)
    elif t == "grade":
        out |= {Decimal(90), Decimal(80), Decimal(60)}
    elif t == "equal":
        out |= {dec(v) for v in rel["values"]}
    elif t == "amounts":  # each amount in each of the units written
        out |= {dec(v).scaleb(_UNIT_EXP[u] - _UNIT_EXP[w]) for v, u in zip(rel["values"], rel["units"])
                for w in rel["units"]}
    elif t == "score":
        out.add(dec(rel["weight"]) * min(dec(rel["actual"]) / dec(rel["target"]), Decimal(1)))
    elif t == "all":
        for r in rel["of"]:
            out |= correct_values(r)
    elif t == "figures":
        out |= {dec(v) for v in rel["values"]}
    return out


def relation_strings(rel: dict) -> list[str]:
    """Every figure of a relation as written (to find it in the report's text)."""
    out: list[str] = []

    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k not in ("type", "direction", "grade", "units"):
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif v is not None and str(v).strip() != "":
            out.append(str(v).replace("%", ""))
    walk(rel)
    return out


# ----------------------------------------------------------------------------------------------------------------
# The report's own text, read without the engine (to validate the sidecar)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def raw_text(report: Path) -> str:
    """The words of a report in order: the file for .txt/.md, the runs of word/document.xml for .docx, pdftotext
    for .pdf (raises RuntimeError if pdftotext is missing)."""
    suffix = report.suffix.lower()
    if suffix in (".txt", ".md"):
        return report.read_text(encoding="utf-8")
    if suffix == ".docx":
        from lxml import etree

        with zipfile.ZipFile(report) as z:
            root = etree.fromstring(z.read("word/document.xml"))
        return "".join(t.text or "" for t in root.iter(_W + "t"))
    if suffix == ".pdf":
        if not shutil.which("pdftotext"):
            raise RuntimeError("pdftotext not installed")
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(report), "-"], capture_output=True, check=True)
        return out.stdout.decode("utf-8")
    raise ValueError(report)


# ----------------------------------------------------------------------------------------------------------------
# Matching findings to entries

_NOISE = re.compile(r"表\d+|第\d+[段行列项]|\d+\s*个指标")
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def finding_numbers(f) -> set[Decimal]:
    text = " ".join(x for x in (f.message, f.expected, f.found) if x)
    return {dec(m) for m in _NUM.findall(_NOISE.sub(" ", text))}


def expected_number(f) -> Decimal | None:
    """The number in a finding's expected field, if it has one."""
    m = _NUM.search(f.expected or "")
    return dec(m.group()) if m else None


def expected_ok(entry: Entry, f) -> bool:
    """A finding says what the figure should be: for it to count as finding a planted error, that must be what the
    planted relation gives (a finding at the right place for a wrong reason, such as adding a sub-total to its own
    parts, does not count)."""
    want = expected_number(f)
    if want is None or entry.relation is None:
        return True
    places_ = len(f.expected.split(".")[1].rstrip("%")) if "." in (f.expected or "") else 0
    tol = max(Decimal("0.01"), Decimal(1).scaleb(-places_) / 2)
    return any(abs(want - v) <= tol for v in correct_values(entry.relation))


def located_text(doc, f) -> str:
    """The normalized text of the block a finding points at (its paragraph, its table row), plus its quote."""
    parts = [f.quote or ""]
    where = f.where or ""
    m = re.match(r"第(\d+)段", where)
    if m and doc is not None:
        n = int(m.group(1))
        parts += [p.text for p in doc.paragraphs if p.index == n]
    m = re.match(r"表(\d+)(?:\s*第(\d+)行)?", where)
    if m and doc is not None:
        tables = doc.tables
        k = int(m.group(1)) - 1
        if 0 <= k < len(tables):
            rows = tables[k].rows
            if m.group(2):
                r = int(m.group(2)) - 1
                if 0 <= r < len(rows):
                    parts.append("".join(rows[r]))
            else:
                parts += ["".join(row) for row in rows]
    return normalize("\n".join(parts))


def at_place(entry: Entry, f, text: str) -> bool:
    if entry.where is not None:  # old format: the exact location string
        return f.where == entry.where
    for place in entry.at:
        frag = normalize(place.get("para") or place.get("row") or "")
        if frag and frag in text:
            return True
    return False


@dataclass
class Match:
    finding: object
    entry: Entry | None  # None: at no entry's place or about none of its figures (a false positive elsewhere)


def match(findings: list, doc, items: list[Entry]) -> list[Match]:
    """Each finding to the entry at its place whose figures it mentions most (planted entries win ties); a finding
    at no entry's place, or mentioning none of the figures of the entries there, matches nothing. A planted entry
    is matched only if the finding's expected figure is one its relation gives (:func:`expected_ok`)."""
    out = []
    for f in findings:
        text = located_text(doc, f)
        nums = finding_numbers(f) - {Decimal(0)}
        best, best_score = None, 0
        for e in items:
            if not at_place(e, f, text):
                continue
            if e.where is not None:
                score = 100 if e.code == f.code else 0
            else:
                score = len(e.numbers() & nums)
                if e.planted and not expected_ok(e, f):
                    score = 0
            score = score * 2 + (1 if e.planted else 0) if score else 0
            if score > best_score:
                best, best_score = e, score
        out.append(Match(f, best))
    return out


@dataclass
class Score:
    """What a lint run did against one sidecar."""
    name: str
    items: list[Entry]
    matches: list[Match] = field(default_factory=list)
    seconds: float = 0.0
    refused: str | None = None  # the InputError message when lint refused the file
    outcome_ok: bool | None = None  # pdf-scanned: refused with a clear message

    def found(self, e: Entry) -> str:
        """found (at the planted severity), weak (an error planted, only a warning said), or missed."""
        sevs = {m.finding.severity for m in self.matches if m.entry is e}
        if e.severity in sevs:
            return "found"
        return "weak" if sevs else "missed"

    def flagged(self, e: Entry) -> set[str]:
        return {m.finding.severity for m in self.matches if m.entry is e}

    def false_positives(self, severity: str) -> list[Match]:
        """Findings at this severity that hit a true statement (not tolerated), a planted one at another severity
        (an error where rounding is genuinely ambiguous), or nothing at all."""
        out = []
        for m in self.matches:
            if m.finding.severity != severity:
                continue
            e = m.entry
            if e is None:
                out.append(m)
            elif not e.planted and not (severity == "warning" and e.tolerate == "warning"):
                out.append(m)
            elif e.planted and e.severity == "warning" and severity == "error":
                out.append(m)
        return out
