"""``jixiao lint``: find the arithmetic errors in an existing report (.docx, .txt, .md), no YAML needed.

The report is read as paragraphs and tables in document order (:mod:`.document`); numbers with units and the
relations the words state between them are read from each paragraph (:mod:`.quantities`, :mod:`.prose`), totals,
scores and rates from each table (:mod:`.tables`), and scores and grades across the document (:mod:`.scores`).
Every relation is judged with the rounding policy of DOMAIN.md section 7; when the words leave a relation
ambiguous, nothing is said.
"""
from __future__ import annotations

from ..lazyre import re
from decimal import Decimal
from pathlib import Path

from ..findings import CellSpot, Finding, Result, TextSpot
from ..numbers import parse_decimal
from .document import Document, Paragraph, Table, read
from .headings import check_headings
from .arith import Verdict, ratio_verdict
from .repeats import TXT014, check_repeats
from .prose import Issue, Wholes, check_listed_above, check_neighbours, check_share_paragraphs, check_text, paragraph_topic, sentence_at
from .quantities import Quantity, extract
from .scores import (check_execution_scores, check_grades, check_table_grades, check_indicator_scores, check_proportional_scores, check_scores_vs_rows,
                     check_kinds_vs_table,
                     check_total_vs_blocks, check_total_vs_indicators,
                     check_total_vs_kinds,
                     check_total_vs_table, check_weight_shares, read_claims)
from .counts import check_full_marks, check_counts, check_table_count, indicator_rows
from .crossref import check_named_figures, check_repeated_slips
from .results import check_indicator_results
from .slips import relocate_slips
from .table_bases import check_table_bases, year_index, year_pairs
from .table_rates import check_named_execution, check_table_rates
from .table_shares import check_table_shares
from .tables import (check_execution_row, check_joined_targets, check_reverse_rows, check_summary_scores, check_table,
                     execution_said)

__all__ = ["lint", "lint_document", "check_paragraphs", "read"]


def check_paragraphs(texts: list[str]) -> list[tuple[int, Issue]]:
    """Every prose relation, score, grade and heading number in a list of paragraph texts: [(index, issue)].

    Used by ``jixiao lint`` and by the narrative family of ``jixiao check`` (on the Markdown of a YAML report).
    """
    return analyse(texts)[0]


def analyse(texts: list[str], indicator_scores: bool = True, table_figures: list[Quantity] = (),
            year_rows: dict | None = None, prose_blocks: bool = True, captioned: list[Quantity] = ()
            ) -> tuple[list[tuple[int, Issue]], list[list[Quantity]]]:
    """:func:`check_paragraphs`, also returning the quantities read from each paragraph (read once, used twice).

    ``indicator_scores=False`` leaves out an indicator's score against its weight and rate (TXT008): the narrative
    checks judge those on the data (SCR001/SCR002). ``table_figures``: the amounts of the document's tables, where a
    part or whole a sentence names (本年收入中，事业收入所占比重为…) may be found. ``year_rows``:
    the tables' (name, last year's figure) -> this year's figures (:func:`table_bases.year_pairs`). ``captioned``: the
    合计 figures of tables by the flow their caption names, used only where no other figure bears that name. ``prose_blocks``:
    judge the total score on indicators accounted for one by one in prose (left out when a table holds scores)."""
    out: list[tuple[int, Issue]] = []
    quantities: list[list[Quantity]] = []
    read = [extract(text) for text in texts]
    topics = {id(q): t for text, qs in zip(texts, read) if (t := paragraph_topic(text)) for q in qs}
    everything = Wholes([q for qs in read for q in qs] + list(table_figures), topics, year_rows, captioned)
    for k, (text, qs) in enumerate(zip(texts, read)):
        issues, qs = check_text(text, qs, everything)
        quantities.append(qs)
        out += [(k, i) for i in issues]
        if k:  # a total and its parts on either side of a paragraph break
            out += [(k, i) for i in check_neighbours(texts[k - 1], read[k - 1], text, qs)]
            out += [(k, i) for i in check_listed_above(texts[k - 1], text, everything)]
    said = {(k, i.location.offset) for k, i in out if i.code == "TXT002"}
    out += [(k, i) for k, i in check_share_paragraphs(texts, quantities) if (k, i.location.offset) not in said]
    kinds: list = []
    totals, indicators = read_claims(texts, quantities, kinds)
    if indicator_scores:
        proportional, judged = check_proportional_scores(texts, quantities)
        out += proportional  # the stated method judged these scores: no other guess at it
        execution, judged_ex = check_execution_scores(texts, quantities)
        out += [(k, i) for k, i in execution if (k, i.location.offset) not in judged]
        judged |= judged_ex
        out += [(k, i) for k, i in check_indicator_scores(indicators) if (k, i.location.offset) not in judged]
    out += check_total_vs_indicators(totals, indicators)
    if not indicators and prose_blocks:
        out += check_total_vs_blocks(texts, quantities, totals)
    out += check_total_vs_kinds(totals, kinds)
    out += check_grades(texts, totals)
    out += check_weight_shares(texts, quantities)
    out += check_headings(texts)
    return out, quantities


def lint_document(doc: Document) -> Result:
    """Findings about a document already read."""
    result = Result(doc.file)
    paragraphs = doc.paragraphs
    texts = [p.text for p in paragraphs]
    years = year_index(doc)
    scored = any("得分" in "".join(row) for t in doc.tables for row in t.rows[:3])
    figures, captioned = table_figures(doc)
    issues, quantities = analyse(texts, table_figures=figures, captioned=captioned, year_rows=year_pairs(years),
                                 prose_blocks=not scored)
    summed = {(k, i.location.offset, i.expected) for k, i in issues if i.code == "TXT001"}
    for k, issue in issues:
        if issue.code == "TXT007" and (k, issue.location.offset, issue.expected) in summed:
            continue  # 总分T，其中预算执行率A、产出B…: the kinds' sum said once, as the total and its parts
        result.findings.append(_prose_finding(doc, paragraphs[k], issue))
    score_tables = []
    for t in doc.tables:
        issues, st = check_table(t)
        if st is not None:
            score_tables.append(st)
        for i in issues:
            cell = i.location
            result.findings.append(i.at(CellSpot(t.index, cell.row, cell.col, _table_line(doc, t, cell.row)),
                                        file=doc.file))
    own_totals = {st.table.index: (st.total_score, st.total_row) for st in score_tables if st.total_score is not None}
    for t, i in check_table_grades(doc.tables, texts, own_totals):
        result.findings.append(i.at(CellSpot(t.index, i.location.row, i.location.col, _table_line(doc, t, i.location.row)),
                                    file=doc.file))
    summary, explained = check_summary_scores(score_tables)
    if explained:  # a 总分 row off by what its kinds' rows are off from the 自评表: said at those rows
        result.findings = [f for f in result.findings if not (f.code == "TBL002" and isinstance(f.location, CellSpot)
                                                             and f.location.table in explained)]
    for st, i in summary:
        result.findings.append(i.at(CellSpot(st.table.index, i.location.row, i.location.col,
                                             _table_line(doc, st.table, i.location.row)), file=doc.file))
    said = execution_said(texts) if score_tables else frozenset()
    for st in score_tables:
        for i in check_reverse_rows(st, texts) + check_joined_targets(st, doc.tables, texts):
            result.findings.append(i.at(CellSpot(st.table.index, i.location.row, i.location.col,
                                                 _table_line(doc, st.table, i.location.row)), file=doc.file))
    for st in score_tables:
        for i in check_execution_row(st, texts, said):
            cell = i.location
            # the 预算执行率 row's score said by its own rule (TBL014), not again as a proportional score (TBL013)
            result.findings = [f for f in result.findings if not (
                f.code == "TBL013" and isinstance(f.location, CellSpot) and f.location.table == st.table.index
                and f.location.row == cell.row)]
            if "总分" in i.message and st.total_row is not None:
                # the 总分 is right with the proportional score: the row is the one wrong, said once (not TBL002 too)
                result.findings = [f for f in result.findings if not (
                    f.code == "TBL002" and isinstance(f.location, CellSpot) and f.location.table == st.table.index
                    and f.location.row == st.total_row)]
            result.findings.append(i.at(CellSpot(st.table.index, cell.row, cell.col,
                                                 _table_line(doc, st.table, cell.row)), file=doc.file))
    cells: dict = {}
    repeated = check_repeats(doc, quantities, cells)
    repeated += check_named_figures(doc, quantities, {(k, i.location.offset) for k, i in repeated}, cells)
    spoken = {(f.location.paragraph, f.location.offset) for f in result.findings
              if f.severity == "error" and isinstance(f.location, TextSpot)}
    repeated += [(k, i) for k, i in check_indicator_results(doc, quantities, {(k, i.location.offset) for k, i in repeated})
                 if (paragraphs[k].index, i.location.offset) not in spoken]  # one finding a figure
    for k, issue in repeated:
        if _table_says_so(result.findings, issue, cells.get(id(issue))):
            continue
        moved = _at_the_table(doc, result.findings, issue, cells.get(id(issue)), paragraphs[k])
        result.findings.append(moved if moved is not None else _prose_finding(doc, paragraphs[k], issue))
    spoken = {(f.location.paragraph, f.location.offset) for f in result.findings
              if f.severity == "error" and isinstance(f.location, TextSpot)}
    for k, issue in check_table_bases(doc, texts, quantities, years):
        if (paragraphs[k].index, issue.location.offset) not in spoken:  # a rate named by its row, said already
            result.findings.append(_prose_finding(doc, paragraphs[k], issue))
    spoken = {(f.location.paragraph, f.location.offset) for f in result.findings
              if f.severity == "error" and isinstance(f.location, TextSpot)}
    for k, issue in check_table_rates(doc, texts, quantities) + check_named_execution(doc, texts, quantities):
        if (paragraphs[k].index, issue.location.offset) not in spoken:  # a slip said already (TXT014)
            result.findings.append(_prose_finding(doc, paragraphs[k], issue))
    for k, issue in check_table_shares(doc, texts, quantities):
        if (paragraphs[k].index, issue.location.offset) not in spoken:
            result.findings.append(_prose_finding(doc, paragraphs[k], issue))
    result.findings = relocate_slips(doc, result.findings, quantities)
    spoken = {(f.location.paragraph, f.location.offset) for f in result.findings
              if f.severity == "error" and isinstance(f.location, TextSpot)}
    for k, issue in check_repeated_slips(doc, result.findings, quantities, spoken):
        result.findings.append(_prose_finding(doc, paragraphs[k], issue))
    result.findings = _changes_of_a_mistyped_figure(_shares_of_the_tables_figure(result.findings))
    biggest = max(score_tables, key=lambda s: len(s.items)) if score_tables else None
    said = {(f.location.paragraph, f.location.offset) for f in result.findings if isinstance(f.location, TextSpot)}
    kinds = indicator_rows(biggest) if biggest else None
    counted = check_counts(texts, quantities, kinds)
    if kinds:
        counted += check_table_count(texts, quantities, kinds, {(k, i.location.offset) for k, i in counted})
    if biggest is not None and sum(w for _r, w, _s in biggest.items) == 100:
        counted += check_full_marks(texts, quantities, biggest, {(k, i.location.offset) for k, i in counted})
    for k, issue in counted:
        spot = (paragraphs[k].index, issue.location.offset)
        if spot not in said:
            result.findings.append(_prose_finding(doc, paragraphs[k], issue))
            continue
        # the same count read as a total and its parts (TXT001): the counts by class say it with the 自评表's rows
        at = [j for j, f in enumerate(result.findings) if f.code == "TXT001" and isinstance(f.location, TextSpot)
              and (f.location.paragraph, f.location.offset) == spot and f.expected == issue.expected]
        if at:
            result.findings[at[0]] = _prose_finding(doc, paragraphs[k], issue)
    if score_tables:
        # the text's total against a scoring table that holds every indicator: its weights add up to 100, or it
        # has a 总分 row of its own
        whole = [s for s in score_tables if s.total_row is not None or sum(w for _r, w, _s in s.items) == 100]
        score_tables = whole
    if score_tables:
        st = max(score_tables, key=lambda s: len(s.items))
        kinds: list = []
        totals, _ind = read_claims(texts, quantities, kinds)
        for k, issue in check_kinds_vs_table(texts, kinds, st):
            result.findings.append(_prose_finding(doc, paragraphs[k], issue))
        for k, issue in check_scores_vs_rows(texts, quantities, st):
            result.findings.append(_prose_finding(doc, paragraphs[k], issue))
        # a text total equal to the table's own 总分 row: wrong as that row is, against the items' sum, while TBL002
        # stands there (no slip of an item nor the execution row's own rule explains the row)
        if st.total_score is not None and not _total_row_wrong(result.findings, st):
            totals = [t for t in totals if t.value != st.total_score]
        for k, issue in check_total_vs_table(totals, [s for _r, _w, s in st.items], f"{st.table.where()}（评分表）"):
            result.findings.append(_prose_finding(doc, paragraphs[k], issue))
    return result


#: TXT002's message: "{part label} {part figure} 占 {whole label} {whole figure} 的比例为 …"
_SHARE_MESSAGE = re.compile(r"(?P<part>[\d,.]+)(?:亿元|万元|元)? 占 .*?(?P<whole>[\d,.]+)(?P<unit>亿元|万元|元)? 的比例为")


def _shares_of_the_tables_figure(findings: list[Finding]) -> list[Finding]:
    """A share (TXT002) of a whole whose figure in the text (in its paragraph or carried from another) the report's
    table contradicts (TXT014: the text took another column or row), when the table's figure gives the share as
    written: the share was computed from the table's whole, the right one; the whole's figure is reported (TXT014),
    the share is not."""
    disputed: dict[str, list[Decimal]] = {}
    for f in findings:
        if f.code == TXT014.code and f.severity == "error" and isinstance(f.location, TextSpot):
            text, table = (parse_decimal(re.sub(r"[^\d.]", "", x or "")) for x in (f.found, f.expected))
            if text is not None and table:
                disputed.setdefault(str(text), []).append(table)
    if not disputed:
        return findings
    out = []
    for f in findings:
        m = _SHARE_MESSAGE.search(f.message) if f.code == "TXT002" and isinstance(f.location, TextSpot) else None
        if m is not None:
            part, whole = (parse_decimal(m.group(g).replace(",", "")) for g in ("part", "whole"))
            share = parse_decimal(re.sub(r"[^\d.]", "", f.found or ""))
            others = disputed.get(str(whole), []) if whole is not None else []
            if part is not None and share is not None and any(
                    ratio_verdict(part, w, share)[0] == Verdict.OK for w in others):
                continue
        out.append(f)
    return out


def _changes_of_a_mistyped_figure(findings: list[Finding]) -> list[Finding]:
    """A change (TXT004) said of a figure its paragraph writes mistyped (TXT014, the table's figure beside it): the
    change's rate follows from the mistyped figure, so the figure is reported (TXT014), the change is not."""
    disputed: set[tuple[int, str]] = set()
    for f in findings:
        if f.code == TXT014.code and f.severity == "error" and isinstance(f.location, TextSpot):
            found = re.sub(r"[^\d.]", "", f.found or "")
            if found:
                disputed.add((f.location.paragraph, found))
    if not disputed:
        return findings
    def of_disputed(f: Finding) -> bool:
        if f.code != "TXT004" or not isinstance(f.location, TextSpot):
            return False
        message = f.message.replace(",", "")
        return any(p == f.location.paragraph and re.search(r"(?<![\d.])" + re.escape(v) + r"(?:亿元|万元|元)? (?:比|较)",
                                                           message) for p, v in disputed)
    return [f for f in findings if not of_disputed(f)]


def _total_row_wrong(findings: list[Finding], st) -> bool:
    """The scoring table's 总分 row is reported wrong against its items (TBL002, an error, at that row)."""
    return any(f.code == "TBL002" and f.severity == "error" and isinstance(f.location, CellSpot)
               and f.location.table == st.table.index and f.location.row == st.total_row for f in findings)


_TABLE_UNIT = re.compile(r"单位[：:]\s*(亿元|万元|元)")


def table_figures(doc: Document) -> tuple[list[Quantity], list[Quantity]]:
    """The amounts of the two-column tables (项目 | 金额) whose unit the line before them states (单位：万元), as
    figures named by their row: wholes and parts a sentence may name without writing them; and the figures of the
    合计 rows of tables whose caption names one flow (:func:`_caption_whole`), for a whole the text names but never
    writes (a figure the text writes under that name comes first: the table's cell may be the slip)."""
    out: list[Quantity] = []
    captioned: list[Quantity] = []  # the flows captions name, their 合计 rows' figures: only where nothing else is so named
    before = earlier = ""
    for b in doc.blocks:
        if not isinstance(b, Table):
            before, earlier = b.text, before
            continue
        unit = _TABLE_UNIT.search(before)
        caption = before if _CAPTION_WHOLE.match(before) or not _TABLE_UNIT.match(before.strip()) else earlier
        before = earlier = ""
        if unit is None:
            continue
        whole = _caption_whole(caption, b)
        if whole is not None:
            label, cell = whole
            captioned.append(Quantity(parse_decimal(cell.replace(",", "")), unit.group(1), 0, 0, cell + unit.group(1),
                                      label=label, pre=label))
        for row in b.rows:
            cells = [c.strip() for c in row]
            if len(cells) != 2 or not cells[0] or re.search(r"\d", cells[0]):
                continue
            value = parse_decimal(cells[1].replace(",", "")) if re.fullmatch(r"[\d,]+(\.\d+)?", cells[1]) else None
            if value is not None:
                label = re.sub(r"\s+", "", cells[0])
                out.append(Quantity(value, unit.group(1), 0, 0, cells[1] + unit.group(1), label=label, pre=label))
    return out, captioned


#: a caption naming the flow its table's 合计 row totals: 表3 2024年度一般公共预算财政拨款支出决算表（按功能分类，单位：万元）
_CAPTION_WHOLE = re.compile(r"^\s*(?:表\s*[\d一二三四五六七八九十]{1,2}\s*[:：.、]?\s*)?(?:(?:19|20)\d\d年度?)?"
                            r"(?P<name>[\u4e00-\u9fff“”]{2,30}?(?:支出|收入))(?:决算|预算)?(?:明细|执行情况|情况)?表")
_TOTAL_ROW = re.compile(r"^(?:合计|总计)$")


def _caption_whole(caption: str, t: Table) -> tuple[str, str] | None:
    """(the flow's name, its 合计 row's first amount) when the caption names one flow (not 收入支出 / 收支) and the
    table has exactly one 合计 / 总计 row: the figure a sentence names by the caption's words (占一般公共预算财政拨款
    支出的P%) without writing it."""
    m = _CAPTION_WHOLE.match(caption)
    if m is None or re.search(r"收入支出|收支|支出收入", m.group("name")) or "预算表" in m.group(0):
        return None  # (a 预算表's 合计 is a budget, not what was spent)
    totals = [row for row in t.rows if any(_TOTAL_ROW.match(re.sub(r"\s+", "", c)) for c in row[:2])]
    if len(totals) != 1:
        return None
    amounts = [c for c, x in enumerate(totals[0]) if re.fullmatch(r"[\d,]+\.\d+", x.strip())]
    header = next((row for row in t.rows if len(row) == len(totals[0])
                   and not any(re.fullmatch(r"[\d,.]+", x.strip()) for x in row)), None)
    if header is None or not amounts:
        return None
    heads = [re.sub(r"\s+", "", x) for x in header]
    # the column of what was spent: headed 合计 / 决算 / 实际 / 执行 / 本年 and no budget or other year; of year
    # columns the latest; else the only amount
    actual = [c for c in amounts if re.search(r"合计|决算|实际|执行|本年|金额", heads[c])
              and not re.search(r"预算|上年|年初|计划", heads[c])]
    years = {c: int(y.group(0)) for c in actual if (y := re.search(r"(?:19|20)\d\d", heads[c]))}
    if years:
        actual = [max(years, key=years.get)]
    pick = actual[0] if len(actual) >= 1 and (len(actual) == 1 or not years and "合计" in heads[actual[0]]) \
        else (amounts[0] if len(amounts) == 1 else None)
    return None if pick is None else (m.group("name"), totals[0][pick].strip())


_SUM_RULES = ("TBL001", "TBL007", "TBL008", "TBL012")


def _table_says_so(findings: list[Finding], issue: Issue, cell: tuple[int, int, int] | None) -> bool:
    """The table cell the text disagrees with is already reported wrong by a sum of its own table, and the figure
    that sum asks for is the text's: the text is right, the table's finding says all there is."""
    if cell is None:
        return False
    table, row, col = cell
    text_value, cell_value = (parse_decimal(re.sub(r"[^\d.\-]", "", x or "")) for x in (issue.found, issue.expected))
    if text_value is None or not cell_value:
        return False
    for f in findings:
        spot = f.location
        if f.code not in _SUM_RULES or f.severity != "error" or not isinstance(spot, CellSpot) \
                or (spot.table, spot.row, spot.col) != (table, row, col):
            continue
        asked, stated = (parse_decimal((x or "").replace(",", "")) for x in (f.expected, f.found))
        # in the table's unit the cell says ``stated`` and its sum asks ``asked``; the text's unit may differ
        if asked is not None and stated and text_value * stated == cell_value * asked:
            return True
    return False


def _at_the_table(doc: Document, findings: list[Finding], issue: Issue, cell: tuple[int, int, int] | None,
                  p: Paragraph) -> Finding | None:
    """Text and table disagree (TXT014) and the table's row is the one that breaks a sum of its table: the row above
    it (its 款 or 类, or the 合计) misses its parts by exactly the difference, so with the text's figure in that cell
    the sum agrees. The finding then belongs at the table's cell, and replaces the one at the sum (which is right
    against the corrected cell); None when no single sum of that column says so."""
    if cell is None:
        return None
    table, row, col = cell
    text_value = parse_decimal(re.sub(r"[^\d.\-]", "", issue.found or ""))
    cell_value = parse_decimal(re.sub(r"[^\d.\-]", "", issue.expected or ""))
    if text_value is None or cell_value is None or text_value == cell_value:
        return None
    broken = []
    for f in findings:
        spot = f.location
        if f.code not in _SUM_RULES or f.severity != "error" or not isinstance(spot, CellSpot) or spot.table != table \
                or spot.col != col or spot.row == row:
            continue
        total, stated = (parse_decimal((x or "").replace(",", "")) for x in (f.expected, f.found))
        if total is not None and stated is not None and total - stated == cell_value - text_value:
            broken.append(f)
    if len(broken) != 1:
        return None
    t = next(x for x in doc.tables if x.index == table)
    sum_finding = broken[0]
    findings.remove(sum_finding)
    shown = t.rows[row][col].strip()
    message = (f"{t.where()} 第{row + 1}行写 {shown}，正文（{p.where}）写 {issue.found}；按正文的数，"
               f"{sum_finding.where} 与其各项之和相符：表中此格有误（{sum_finding.message}）")
    moved = TXT014.finding(message, CellSpot(table, row, col), Verdict.WRONG,
                           expected=issue.found, found=shown, quote=" | ".join(c.strip() for c in t.rows[row] if c.strip()))
    return moved.at(CellSpot(table, row, col, _table_line(doc, t, row)), file=doc.file)


def lint(path: str | Path) -> Result:
    """Lint a report file; raises :class:`~toolkit.errors.InputError` for a missing, corrupt or unsupported file."""
    return lint_document(read(path))


def _prose_finding(doc: Document, p: Paragraph, issue: Issue) -> Finding:
    """A finding read from a paragraph's text, placed at the paragraph, with the sentence it was read from."""
    spot = issue.location
    return issue.at(TextSpot(p.index, p.line, spot.offset, spot.end), file=doc.file,
                    quote=sentence_at(p.text, spot.offset, spot.end))


def _table_line(doc: Document, t: Table, row: int) -> int:
    return t.row_lines[row] if row < len(t.row_lines) else t.line
