"""``jixiao lint``: find the arithmetic errors in an existing report (.docx, .txt, .md), no YAML needed.

The report is read as paragraphs and tables in document order (:mod:`.document`); numbers with units and the
relations the words state between them are read from each paragraph (:mod:`.quantities`, :mod:`.prose`), totals,
scores and rates from each table (:mod:`.tables`), and scores and grades across the document (:mod:`.scores`).
Every relation is judged with the rounding policy of DOMAIN.md section 7; when the words leave a relation
ambiguous, nothing is said.
"""
from __future__ import annotations

from pathlib import Path

from ..findings import ERROR, WARNING, Finding, Result
from ..rules import register
from .document import Document, Paragraph, Table, read
from .headings import check_headings
from .prose import Issue, check_text, sentence_at
from .quantities import Quantity, extract
from .scores import (check_grades, check_indicator_scores, check_total_vs_indicators, check_total_vs_table,
                     check_weight_shares, read_claims)
from .tables import check_table

__all__ = ["lint", "lint_document", "check_paragraphs", "read"]

register("TXT001", "lint", ERROR, "总数与各分项之和不符",
         "正文写出一个总数及其组成（“X万元，其中A万元、B万元”，或“A万元，B万元，共计X万元”），各项之和应等于总数。"
         "差额不超过各数字的舍入误差时为警告。“其中”只列出部分项目（和小于总数）时不报，除非各项构成完整划分"
         "（基本支出+项目支出、人员经费+公用经费、含“其他”项等）。",
         "report.txt:24: 第24段: TXT001（警告） 本年实际支出 507.79万元 与其中各项之和不符：420.39 + 87.41 = 507.80（差 0.01，可能为四舍五入误差）")
register("TXT002", "lint", ERROR, "占比与金额不符",
         "“A万元，占X%”：X 应等于 A ÷ 总数（总数为“其中”之前的合计，或“占本年支出X%”中点名的数字）。"
         "百分数按其小数位四舍五入或截断均视为相符。",
         "report.txt:20: 第20段: TXT002 基本支出 507.79万元 占 一般公共预算支出 3352.23万元 的比例为 15.15%，文中写 16.15%")
register("TXT003", "lint", WARNING, "各部分占比之和不为100%",
         "“其中”各项都写了占比、各项之和等于总数、每个占比都是正确的四舍五入值，但占比之和不是 100%（如 100.01%）："
         "读者会以为有错，宜调整尾差。某一占比本身算错时报 TXT002；占比按截断写出（合计 99.9%）时不报。",
         "report.txt:20: 第20段: TXT003（警告） 各部分占比之和为 100.01%，不等于 100%（各项分别四舍五入所致，建议调整尾差使合计为 100%）")
register("TXT004", "lint", ERROR, "增减额与增减率不符",
         "“X万元，比上年增加D万元，增长R%”：上年数为 X−D（减少时为 X+D），R 应等于 D ÷ 上年数。",
         "report.txt:13: 第13段: TXT004 公用经费 54.976万元 比上年增加 37.976万元，上年应为 17，增长率应为 223.39%，文中写 232.39%")
register("TXT005", "lint", ERROR, "比率与所述数字不符",
         "“收集问题825个，解决问题782个，解决率94.8%”、“年度计划投资4.785亿元，累计完成9.41亿元，完成年度计划的196.7%”、"
         "“编制33人，实有31人，控制率100%”：比率应等于分子 ÷ 分母。只有能从文字唯一确定分子和分母时才核对。",
         "report.txt:40: 第40段: TXT005 问题解决率：解决问题 782个 ÷ 共收集企业问题 825个 = 94.79%，文中写 96.8%")
register("TXT006", "lint", ERROR, "列举的项目数与所述数量不符",
         "“内设科室6个：A、B、…”、“内设7个科室分别为…”、“A、B、C等3家企业”：列出的项数应等于所述数量"
         "（支持中文数字“十个”）。以“主要”“如”“等”表示只列举部分时，只在列出的项数多于所述数量时报告。",
         "report.txt:18: 第18段: TXT006 文中说有 6个，但列出了 5 项：办公室、投资股、…")
register("TXT007", "lint", ERROR, "总得分与文中各指标得分之和不符",
         "正文逐项写出指标得分（“该指标绩效评价得分为8.95分”）并写出总得分（“综合得分93.39分”）时，总得分应等于各项之和。"
         "各项之和小于总得分时，只有各项分值之和为100（确知列全）才报告。",
         "report.txt:50: 第50段: TXT007 总得分 95分 与文中 10 个指标得分之和 93.39 不符")
register("TXT008", "lint", ERROR, "指标得分与分值或完成率不符",
         "指标得分不能超过其分值（错误）。正向指标未完成时按比例计分：得分 = 分值 × 完成率；得分与之不符时给出警告"
         "（定性指标或其他计分方法可能不同）。未写分值时，若得分 ÷ 完成率 不是整数或半分，也给出警告。",
         "report.txt:45: 第45段: TXT008（警告） 完成率 95%、得分 9.69分：按比例计分（得分 = 分值 × 完成率）对应的分值为 10.20分，不是整数或半分；请核对分值与得分")
register("TXT009", "lint", ERROR, "等级与得分不符",
         "等级应与总得分所在分数段一致：优（90–100）、良（80–90）、中/合格（60–80）、差/不合格（60以下）。",
         "report.txt:60: 第60段: TXT009 得分 85分 对应等级为“良好”（良），文中写“优秀”")
register("TXT010", "lint", ERROR, "正文总得分与评分表合计不符",
         "正文所写的自评总得分应等于自评表（附件2）各指标得分之和（或其“总分”行）。",
         "report.txt:57: 第57段: TXT010 正文所述总得分 98分 与表2（自评表）的得分合计 99分不符")
register("TXT013", "lint", ERROR, "权重得分比例与得分不符",
         "重庆式逐项评价写“X指标分值10分，实际得分9分。…根据评价标准，该指标得90%权重分。”：权重分比例应等于"
         "得分 ÷ 分值。只在同一段中恰好写出一个分值和一个得分时核对。",
         "report.txt:52: 第40段: TXT013 得分 9分 ÷ 分值 10分 = 90.00%，文中写该指标得95%权重分")
register("TBL001", "lint", ERROR, "表格合计行与各行之和不符",
         "“合计”“支出总额”等行应等于其下各行之和（“其中”行、编号子项不计入）。以至少一列能对上的最短行组确定组成行，"
         "再逐列核对；差额不超过舍入误差时为警告。",
         "report.txt:73: 表1 第4行 第2列: TBL001 支出总额 707.74 与 基本支出、项目支出 之和不符：529.72 + 112.56 = 642.28")
register("TBL002", "lint", ERROR, "评分表总分与各指标得分之和不符",
         "自评表“总分”行的得分应等于各指标（含预算执行率）得分之和。",
         "report.txt:400: 表2 第38行: TBL002 总分行得分 98 与各指标得分之和 99 不符")
register("TBL003", "lint", ERROR, "评分表分值合计不符",
         "“总分”行的分值应等于各指标分值之和；一级、二级指标单元格中标注的分值（如“产出指标（50分）”）应等于其下各指标分值之和。",
         "report.txt:230: 表2 第12行 第2列: TBL003 产出指标（50分） 的分值 50 与其下各指标分值之和 48 不符")
register("TBL004", "lint", ERROR, "评分表得分超过分值",
         "自评表中每个指标（含预算执行率）的得分不能超过其分值；超过时总分也随之虚高。",
         "report.txt:260: 表2 第15行: TBL004 得分 8 超过分值 7")
register("TBL005", "lint", ERROR, "表中比率与同行数字不符",
         "表头为“…率”的列（执行率、控制率、完成率）应等于同行分子列（执行数、实际在职人数、实际完成）÷ 分母列"
         "（预算数、编制数、计划）。",
         "report.txt:72: 表1 第2行 第4列: TBL005 控制率 100% 与 2022年实际在职人数 31 ÷ 编制数 33 = 93.94% 不符")

register("TBL006", "lint", ERROR, "表格合计列与同行各列之和不符",
         "表头为“合计”“小计”的列应等于同行其左侧各数字列（行标题之后、合计列之前，不含比率列）之和；"
         "至少一行能对上时才认定这些列是其组成。某个单元格写错时，行、列两个合计都会不符，只报该行的合计列。",
         "report.txt:31: 表1 第3行 第4列: TBL006 科学技术支出 的合计 485.39 与同行各列之和不符：118.92 + 356.47 = 475.39")


def check_paragraphs(texts: list[str]) -> list[tuple[int, Issue]]:
    """Every prose relation, score, grade and heading number in a list of paragraph texts: [(index, issue)].

    Used by ``jixiao lint`` and by the narrative family of ``jixiao check`` (on the Markdown of a YAML report).
    """
    return analyse(texts)[0]


def analyse(texts: list[str]) -> tuple[list[tuple[int, Issue]], list[list[Quantity]]]:
    """:func:`check_paragraphs`, also returning the quantities read from each paragraph (read once, used twice)."""
    out: list[tuple[int, Issue]] = []
    quantities: list[list[Quantity]] = []
    read = [extract(text) for text in texts]
    everything = [q for qs in read for q in qs]
    for k, (text, qs) in enumerate(zip(texts, read)):
        issues, qs = check_text(text, qs, everything)
        quantities.append(qs)
        out += [(k, i) for i in issues]
    totals, indicators = read_claims(texts, quantities)
    out += check_indicator_scores(indicators)
    out += check_total_vs_indicators(totals, indicators)
    out += check_grades(texts, totals)
    out += check_weight_shares(texts, quantities)
    out += check_headings(texts)
    return out, quantities


def lint_document(doc: Document) -> Result:
    """Findings about a document already read."""
    result = Result(doc.file)
    paragraphs = doc.paragraphs
    texts = [p.text for p in paragraphs]
    issues, quantities = analyse(texts)
    for k, issue in issues:
        result.findings.append(_prose_finding(doc, paragraphs[k], issue))
    score_tables = []
    for t in doc.tables:
        issues, st = check_table(t)
        if st is not None:
            score_tables.append(st)
        for i in issues:
            result.findings.append(Finding(i.code, i.severity, i.message, line=_table_line(doc, t, i.row),
                                           expected=i.expected, found=i.found, file=doc.file, quote=i.quote,
                                           where=t.where(i.row, i.col)))
    if score_tables:
        st = max(score_tables, key=lambda s: len(s.items))
        table_total = st.score_sum
        totals, _ind = read_claims(texts, quantities)
        for k, issue in check_total_vs_table(totals, table_total, f"{st.table.where()}（评分表）"):
            result.findings.append(_prose_finding(doc, paragraphs[k], issue))
    return result


def lint(path: str | Path) -> Result:
    """Lint a report file; raises :class:`~toolkit.errors.InputError` for a missing, corrupt or unsupported file."""
    return lint_document(read(path))


def _prose_finding(doc: Document, p: Paragraph, issue: Issue) -> Finding:
    return Finding(issue.code, issue.severity, issue.message, line=p.line, expected=issue.expected,
                   found=issue.found, file=doc.file, quote=sentence_at(p.text, issue.offset, issue.end), where=p.where)


def _table_line(doc: Document, t: Table, row: int) -> int:
    return t.row_lines[row] if row < len(t.row_lines) else t.line
