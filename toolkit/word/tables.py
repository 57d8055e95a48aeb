"""The attachment tables: 附件1 基础数据表 and 附件2 自评表, built from the model as real Word tables.

docxtpl's ``{% vm %}`` merges a cell with the same cell of the row above only inside one loop; the 自评表 needs
一级 and 二级 cells merged over a varying number of rows, group by group. So the tables are built here, directly as
WordprocessingML (:mod:`toolkit.word.ooxml`): the first row of a group carries ``<w:vMerge w:val="restart"/>``
and the text, each following row an empty ``<w:vMerge/>`` cell. The template places a table with
``{{p a.table }}`` (the whole paragraph is replaced by the table).
"""
from __future__ import annotations

import functools
from decimal import Decimal
from typing import Callable

from .. import derive
from ..domain import budget, staffing
from ..model import Figure, Report
from ..numbers import fmt_rate, fmt_written, ratio_percent
from . import ooxml as X
from .ooxml import CELL, CELL_HEAD, CELL_LEFT
from .ooxml import DENSE as DC, DENSE_HEAD as DH, DENSE_LEFT as DL


#: a cell as the table writer takes it: its paragraphs (XML), how many grid columns it spans, its vertical merge
Piece = tuple[str, int, "str | None"]

# A table repeats most of its cells (the merged side columns, 分值 and 得分, targets such as ≥90%, empty cells):
# each distinct text and style is turned into XML once a report (attachment_tables empties the cache first, so a
# batch pays for each report's own cells and memory stays flat).
_TEXTS: dict[tuple[str, str], str] = {}


def _paragraphs(text: object, style: str) -> str:
    """The paragraphs of a plain-text cell (as :func:`ooxml.cell`: one per line), cached for a str (other values,
    such as a Decimal whose digits the key would lose, are written each time)."""
    if type(text) is str:
        key = (text, style)
        xml = _TEXTS.get(key)
        if xml is None:
            xml = _TEXTS[key] = "".join(X.paragraph(line, style) for line in text.split("\n"))
        return xml
    lines = str(text).split("\n") if text is not None else [""]
    return "".join(X.paragraph(line, style) for line in lines)


@functools.cache
def _text_open(style: str) -> str:
    """What :func:`ooxml.paragraph` writes before a line of text in ``style`` (the text is followed by
    :data:`_TEXT_CLOSE`)."""
    xml = X.paragraph("\ue000", style)
    return xml[:xml.index("\ue000")]


#: the end of that paragraph (the same in every style), and of its cell
_TEXT_CLOSE = X.paragraph("\ue000", CELL).split("\ue000")[1] + "</w:tc>"


def _plain_line(text: str) -> bool:
    """Whether ``text`` (one or several cell texts joined) is one line that needs no escaping: each text of it is
    then written as it is between :func:`_text_open` and :data:`_TEXT_CLOSE`, as _paragraphs would write it."""
    return "\n" not in text and X._ESCAPED.search(text) is None


_EMPTY_CELL = X.paragraph("", CELL)


def cell(text: object = "", style: str = CELL, span: int = 1, vmerge: str | None = None) -> Piece:
    """A cell of plain text (:func:`ooxml.cell`)."""
    return (_paragraphs(text, style), span, vmerge)


def merged(text: object, first: bool, style: str = CELL, span: int = 1) -> Piece:
    """A vertically merged cell (:func:`ooxml.merged`): the first row holds the text, the following rows continue
    the merge with an empty paragraph."""
    return cell(text, style, span, "restart") if first else (_paragraphs("", style), span, "continue")


#: the rows that are the same in every report of a year (the header rows, the forms' fixed lines), as cell XML by
#: (table, row, year): written once a process, not once a report; a few dozen entries at most
_FIXED: dict[tuple, str] = {}


class Encoded:
    """Table XML already encoded in UTF-8, with its length in characters (what the output budget counts): what a
    built-in template's renderer asks for (``encode=True``), to write into the body's bytes as it is. A row is
    encoded as soon as it is written (still in the cache: 2–3× faster than encoding the megabytes of a finished
    body, whose tables are 95 % of it at 2,000 indicators); ``str()`` gives the XML, and Jinja prints it as markup."""

    __slots__ = ("data", "chars")

    def __init__(self, data: bytes, chars: int) -> None:
        self.data, self.chars = data, chars

    def __str__(self) -> str:
        return self.data.decode("utf-8")

    __html__ = __str__

    def __bool__(self) -> bool:
        return bool(self.data)


@functools.cache
def _grid(widths: tuple[int, ...], margin: int) -> tuple[str, X.Columns]:
    """A table's start and its cell starts (:class:`ooxml.Columns`), the same for every table of these widths."""
    return X.table_open(widths, margin), X.Columns(widths)


class Table:
    """A table written row by row straight into XML (:func:`ooxml.table`'s output, without a Cell object per
    cell or a list of rows: a 2,000-indicator 自评表 has 20,000 cells)."""

    def __init__(self, widths: list[int], header_rows: int = 0, cant_split: bool = True, margin: int = 28,
                 encode: bool = False) -> None:
        start, self.columns = _grid(tuple(widths), margin)
        self.header_rows, self.cant_split = header_rows, cant_split
        self.rows = 0
        self._starts = (X.row_open(False, cant_split), X.row_open(True, cant_split))  # a body row's, a header row's
        #: each row encoded in UTF-8 as it is written (:class:`Encoded`); ``chars`` counts the characters so far
        self.encode = encode
        self.chars = len(start)
        self.out: list = [start.encode("utf-8") if encode else start]
        self._encoded_starts = tuple(s.encode("utf-8") for s in self._starts)

    def row(self, cells: list[Piece]) -> None:
        self.cells(self._cells(cells))

    def _cells(self, cells: list[Piece]) -> str:
        cols, empty = self.columns, _EMPTY_CELL
        out, col = [], 0
        for xml, span, vmerge in cells:
            out += (cols.open(col, span, vmerge), xml or empty, "</w:tc>")
            col += span
        if col != cols.count:
            raise ValueError(f"row {self.rows} covers {col} grid columns, table has {cols.count}")
        return "".join(out)

    def fixed(self, key: tuple, cells: Callable[[], list[Piece]]) -> None:
        """A row the same in every report with this ``key`` (table, row, and the year when it prints it):
        ``cells()`` written once (see :data:`_FIXED`)."""
        xml = _FIXED.get(key)
        if xml is None:
            if len(_FIXED) > 512:  # many years in one process: start again rather than grow
                _FIXED.clear()
            xml = _FIXED[key] = self._cells(cells())
        self.cells(xml)

    def encoded_cells(self, data: bytes, chars: int) -> None:
        """:meth:`cells` of a row already encoded (``chars`` characters long), in an encoded table."""
        header = self.rows < self.header_rows
        self.out += (self._encoded_starts[header], data, b"</w:tr>")
        self.chars += len(self._starts[header]) + chars + 7
        self.rows += 1

    def cells(self, xml: str) -> None:
        """A row of cells already written (each ``<w:tc>…</w:tc>`` covering the grid): the 自评表's indicator
        rows, written with the column starts of :attr:`columns`."""
        header = self.rows < self.header_rows
        if self.encode:
            self.out += (self._encoded_starts[header], xml.encode("utf-8"), b"</w:tr>")
            self.chars += len(self._starts[header]) + len(xml) + 7
        else:
            self.out += (self._starts[header], xml, "</w:tr>")
        self.rows += 1

    def pieces(self) -> list:
        """The table's XML in pieces (str, or bytes when encoded), to join once with what surrounds it."""
        return [*self.out, b"</w:tbl>" if self.encode else "</w:tbl>"]

    def xml(self) -> "str | Encoded":
        if self.encode:
            return Encoded(b"".join(self.pieces()), self.chars + 8)
        return "".join(self.pieces())


# ----------------------------------------------------------------------------------------------------------------
# 附件1 基础数据表
# ----------------------------------------------------------------------------------------------------------------

#: label column + six value columns; four-column rows pair the value columns (gridSpan 2).
_BASIC_WIDTHS = [X.mm(66)] + [X.mm(15)] * 6


def _fig_values(f: Figure | None, actual: Decimal | None = None) -> tuple[Decimal | None, ...]:
    """上年决算数 / 本年预算数 / 本年决算数 of a figure (预算数 = 全年预算, declared or 年初 + 调整)."""
    if f is None:
        return None, None, actual
    return f.previous, derive.full_budget(f), f.amount if f.amount is not None else actual


def _sum_previous(parts) -> Decimal | None:
    vals = [p.previous for p in parts if p is not None]
    return derive.sum_of(vals) if vals and all(v is not None for v in vals) else None


def basic_data_table(report: Report, fig, encode: bool = False) -> tuple["str | Encoded", str]:
    """(table XML, notes XML) of 附件1 部门整体支出绩效评价基础数据表; the table :class:`Encoded` with ``encode``."""
    y, b = report.year, report.budget
    ex = b.expenditure
    basic = ex.basic if ex else None
    project = ex.project if ex else None
    tp, pr = b.three_public, b.procurement
    st = report.unit.staffing
    rows = Table(_BASIC_WIDTHS, header_rows=0, margin=0, encode=encode)

    # 财政供养人员情况
    auth = staffing.headcount_total(st.authorized) if st else None
    actual = staffing.headcount_total(st.actual) if st else None
    rate = st.control_rate if st and st.control_rate is not None else (
        ratio_percent(Decimal(actual), Decimal(auth)) if actual is not None and auth else None)
    rows.fixed(("basic", "staff", y), lambda: [merged("财政供养人员情况（人）", True, DH), cell("编制数", DH, 2),
                                              cell(f"{y}年实际在职人数", DH, 2), cell("控制率", DH, 2)])
    rows.row([merged("", False, DH), cell("" if auth is None else auth, DC, 2),
              cell("" if actual is None else actual, DC, 2), cell(fmt_rate(rate), DC, 2)])

    # 经费控制情况
    rows.fixed(("basic", "money", y), lambda: [cell("经费控制情况（万元）", DH), cell(f"{y - 1}年决算数", DH, 2),
                                              cell(f"{y}年预算数", DH, 2), cell(f"{y}年决算数", DH, 2)])

    # a money line (a label, then 上年决算数 / 本年预算数 / 本年决算数 over two columns each) written in one piece
    h = (rows.columns.open(0), rows.columns.open(1, 2), rows.columns.open(3, 2), rows.columns.open(5, 2))

    # the common line (a one-line label, three figures) as one f-string: a cell's text inside its paragraph's
    # fixed start and end (what _paragraphs writes for one line of text that needs no escaping)
    label_at, figure_at = h[0] + _text_open(DL), [h[k] + _text_open(DC) for k in (1, 2, 3)]
    # the same line's fixed pieces in UTF-8, for an encoded table (the figures are ASCII: their own bytes)
    fixed = (label_at, _TEXT_CLOSE + figure_at[0], _TEXT_CLOSE + figure_at[1], _TEXT_CLOSE + figure_at[2],
             _TEXT_CLOSE)
    fixed_b, fixed_chars = tuple(p.encode("utf-8") for p in fixed), sum(map(len, fixed))

    def line(label: str, values: tuple[Decimal | None, ...], indent: bool = False) -> None:
        label = ("　　" if indent else "") + label
        previous, budget, actual = map(fmt_written, values)  # digits, a point and a sign: never escaped
        if previous and budget and actual and _plain_line(label):
            if rows.encode:  # the f-string below, written as bytes: no wide string made and encoded
                rows.encoded_cells(b"".join((fixed_b[0], label.encode("utf-8"), fixed_b[1], previous.encode("utf-8"),
                                             fixed_b[2], budget.encode("utf-8"), fixed_b[3], actual.encode("utf-8"),
                                             fixed_b[4])),
                                   fixed_chars + len(label) + len(previous) + len(budget) + len(actual))
                return
            rows.cells(f"{label_at}{label}{_TEXT_CLOSE}{figure_at[0]}{previous}{_TEXT_CLOSE}"
                       f"{figure_at[1]}{budget}{_TEXT_CLOSE}{figure_at[2]}{actual}{_TEXT_CLOSE}")
            return
        rows.cells(f"{h[0]}{_paragraphs(label, DL)}</w:tc>{h[1]}{_paragraphs(previous, DC)}</w:tc>"
                   f"{h[2]}{_paragraphs(budget, DC)}</w:tc>{h[3]}{_paragraphs(actual, DC)}</w:tc>")

    total_prev = ex.previous if ex and ex.previous is not None else (
        _sum_previous([basic, project]) if basic and project else None)
    line("支出总额", (total_prev, derive.full_budget(ex) if ex else None, fig.expenditure))
    line("基本支出", _fig_values(basic, fig.basic))
    line("其中：公用经费", _fig_values(basic.public if basic else None, fig.public), indent=True)
    line("项目支出", _fig_values(project, fig.project))
    line("其中：运行维护经费", _fig_values(project.operation if project else None), indent=True)
    for item in (project.items if project else []):
        line(item.label, _fig_values(item), indent=True)
    tp_prev = tp.previous if tp and tp.previous is not None else None
    line("“三公”经费", (tp_prev, derive.full_budget(tp) if tp else None, fig.three_public))
    vehicle = tp.vehicle if tp else None
    line("1.公务用车购置和维护经费", _fig_values(vehicle, fig.vehicle), indent=True)
    line("其中：公车购置", _fig_values(vehicle.purchase if vehicle else None), indent=True)
    line("　　　公车运行维护", _fig_values(vehicle.operation if vehicle else None), indent=True)
    line("2.出国经费", _fig_values(tp.overseas if tp else None), indent=True)
    line("3.公务接待", _fig_values(tp.reception if tp else None), indent=True)
    line("政府采购金额", _fig_values(pr, fig.procurement))

    # 楼堂馆所
    bl = b.buildings
    rows.fixed(("basic", "buildings", y), lambda: [
        cell(f"楼堂馆所控制情况\n（{y - 1}年完工项目）", DH, vmerge="restart"),
        *[cell(h, DH) for h in ("批复规模（㎡）", "实际规模（㎡）", "规模控制率", "预算投资（万元）", "实际投资（万元）",
                                "投资概算控制率")]])
    if bl is not None:
        area_rate = bl.area_control_rate if bl.area_control_rate is not None else (
            ratio_percent(bl.actual_area, bl.approved_area)
            if bl.actual_area is not None and bl.approved_area else None)
        inv_rate = bl.investment_control_rate if bl.investment_control_rate is not None else (
            ratio_percent(bl.actual_investment, bl.budget_investment)
            if bl.actual_investment is not None and bl.budget_investment else None)
        values = [fmt_written(bl.approved_area), fmt_written(bl.actual_area), fmt_rate(area_rate),
                  fmt_written(bl.budget_investment), fmt_written(bl.actual_investment), fmt_rate(inv_rate)]
    else:
        values = [""] * 6
    rows.row([merged("", False, DH), *[cell(v, DC) for v in values]])

    # 厉行节约保障措施
    thrift = _md_cell(report, b.thrift, DL)
    rows.row([cell("厉行节约保障措施", DH), (thrift, 6, None)])

    table = rows.xml()
    att = report.attachments
    notes = (X.paragraph("说明：“公用经费”填报基本支出中的一般商品和服务支出。“项目支出”需要填报基本支出以外的所有项目"
                         "支出情况，“运行维护经费”填报项目支出中用于人员类和公用运转类的支出。", X.NOTE, no_indent=True)
             + X.paragraph(f"填表人：{att.filler or '　' * 3}　填报日期：{_date(att.date) or '　' * 3}　"
                           f"联系电话：{att.phone or '　' * 3}　单位负责人签字：", X.NOTE, no_indent=True))
    return table, notes


_MD = None


def _md_cell(report: Report, text, style: str = CELL_LEFT) -> str:
    if not text:
        return _empty_paragraph(style)
    global _MD
    if _MD is None:
        from .markdown import MarkdownConverter

        _MD = MarkdownConverter()
    return _MD.to_xml(text, style=style, list_style=style) or _empty_paragraph(style)


@functools.lru_cache(maxsize=64)
def _empty_paragraph(style: str) -> str:
    return X.paragraph("", style)


def _date(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


# ----------------------------------------------------------------------------------------------------------------
# 附件2 自评表
# ----------------------------------------------------------------------------------------------------------------

#: side label, 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施 (156 mm in all)
_SELF_WIDTHS = [X.mm(v) for v in (12, 15, 16, 24, 19, 19, 11, 16, 24)]
#: the header table (预算部门, 资金, 总体目标): 执行率 wide enough for "100.00%" on one line
_HEADER_WIDTHS = [X.mm(v) for v in (12, 15, 16, 22, 19, 19, 11, 20, 22)]


def self_evaluation_tables(report: Report, fig, encode: bool = False) -> "str | Encoded":
    """附件2 部门整体支出绩效自评表: a header table (预算部门, 资金, 总体目标) and the indicator table.

    The indicator table is a separate table so that its column-header row is the table's first row and can repeat
    on every page (w:tblHeader applies to leading rows only). A hairline paragraph keeps the two apart.
    """
    head, rows, spacer = _header_rows(report, fig, encode), _indicator_rows(report, fig, encode), X.spacer()
    if encode:
        return Encoded(b"".join([*head.pieces(), spacer.encode("utf-8"), *rows.pieces()]),
                       head.chars + 8 + len(spacer) + rows.chars + 8)
    return "".join([*head.pieces(), spacer, *rows.pieces()])


def _header_rows(report: Report, fig, encode: bool = False) -> Table:
    b = report.budget
    exi = report.indicators.execution
    rows = Table(_HEADER_WIDTHS, cant_split=False, encode=encode)
    rows.row([cell("预算部门", CELL_HEAD), cell(report.unit.name, CELL, span=8)])
    rows.fixed(("header", "funds"), lambda: [
        merged("年度预算申请（万元）", True, CELL_HEAD), cell("", CELL_HEAD, span=2),
        *[cell(h, CELL_HEAD) for h in ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")]])
    rows.row([merged("", False), cell("年度资金总额", CELL_HEAD, span=2),
              cell(fmt_written(fig.exec_initial)), cell(fmt_written(fig.exec_full)), cell(fmt_written(fig.exec_actual)),
              cell(fmt_written(exi.weight) if exi else ""), cell(fmt_rate(fig.exec_rate)),
              cell(fmt_written(fig.exec_score) if exi else "")])
    rows.fixed(("header", "kinds"), lambda: [merged("", False), cell("按收入性质分：", CELL_LEFT, span=4),
                                           cell("按支出性质分：", CELL_LEFT, span=4)])
    # the form's four fixed rows (seed 002): each income line under the row its label names
    income = [f"{name}：{fmt_written(v) if v is not None else ''}"
              for name, v in budget.by_form_source(b.income.items if b.income else [])]
    nature = []
    if fig.basic is not None:
        nature.append(f"基本支出：{fmt_written(fig.basic)}")
    if fig.project is not None:
        nature.append(f"项目支出：{fmt_written(fig.project)}")
    for k in range(max(len(income), len(nature), 1)):
        left = ("其中：" if k == 0 and income else "") + (income[k] if k < len(income) else "")
        right = ("其中：" if k == 0 and nature else "") + (nature[k] if k < len(nature) else "")
        rows.row([merged("", False), cell(left, CELL_LEFT, span=4), cell(right, CELL_LEFT, span=4)])
    goal = report.indicators.goal
    rows.fixed(("header", "goal"), lambda: [merged("年度总体目标", True, CELL_HEAD), cell("预期目标", CELL_HEAD, span=4),
                                          cell("实际完成情况", CELL_HEAD, span=4)])
    rows.row([merged("", False), (_md_cell(report, goal.target if goal else None), 4, None),
              (_md_cell(report, goal.actual if goal else None), 4, None)])
    return rows


#: the 自评表's side column label, written down the merged column
SIDE = "\n".join("绩效指标")


def _indicator_rows(report: Report, fig, encode: bool = False) -> Table:
    ind = report.indicators
    # The side cell "绩效指标" stands alone in the header row (repeated on every page); the body rows below it
    # form one merged side column that carries the label down, one character a line, as the form does (seed 002).
    rows = Table(_SELF_WIDTHS, header_rows=1, encode=encode)
    rows.fixed(("indicators", "head"), lambda: [
        cell("绩效指标", CELL_HEAD), *[cell(h, CELL_HEAD) for h in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                                                              "分值", "得分", "偏差原因分析及改进措施")]])
    exi = ind.execution
    if exi is not None:
        rows.row([merged(SIDE, rows.rows == 1), cell("预算执行率", CELL, span=3), cell("100%"),
                  cell(fmt_rate(fig.exec_rate)), cell(fmt_written(exi.weight)),
                  cell(fmt_written(fig.exec_score)), (_md_cell(report, exi.deviation), 1, None)])
    # An indicator's row is written in one piece: the cell starts of its nine columns are the same in every row,
    # and a continuing row of a merged column is the same empty cell.
    cols, text = rows.columns, _paragraphs
    h = [cols.open(c) for c in range(9)]
    at = [start + _text_open(CELL) for start in h]  # a cell's start and its one line's paragraph start
    no_deviation = _md_cell(report, None)
    continued = [cols.open(c, 1, "continue") + text("", CELL) + "</w:tc>" for c in range(3)]
    all_continued = "".join(continued)  # the three merged columns continuing
    to = [None] * 4 + [_TEXT_CLOSE + at[c] for c in range(4, 8)] + [_TEXT_CLOSE + h[8]]  # a text's end, the next start
    encode = rows.encode
    if encode:  # the fixed pieces of the common row in UTF-8 (see below)
        at3_b, to_b, end_b = at[3].encode("utf-8"), [t and t.encode("utf-8") for t in to], b"</w:tc>"
        fixed_chars = len(at[3]) + sum(len(t) for t in to[4:]) + 7
        all_continued_b, no_deviation_b = all_continued.encode("utf-8"), no_deviation.encode("utf-8")
    for g1 in ind.groups:
        leaves = [(g2, i) for g2 in g1.children for i in (g2.indicators or [None])]
        label1 = "" if ind.ungrouped else f"{g1.name}（{fmt_written(derive.level1_weight(g1))}分）"
        seen2: set[int] = set()
        for k, (g2, i) in enumerate(leaves):
            first2 = id(g2) not in seen2
            seen2.add(id(g2))
            # None for a continuing cell of a merged column (the same empty cell in every such row)
            side = (cols.open(0, 1, "restart") + text(SIDE, CELL) + "</w:tc>") if rows.rows == 1 else None
            level1 = (cols.open(1, 1, "restart") + text(label1, CELL) + "</w:tc>") if k == 0 else None
            if first2:  # a continuing row prints no label: its 二级 group's weight is summed once, on its first row
                label2 = "" if ind.ungrouped else f"{g2.name}（{fmt_written(derive.level2_weight(g2))}分）"
                level2 = cols.open(2, 1, "restart") + text(label2, CELL) + "</w:tc>"
            else:
                level2 = None
            if side is None and level1 is None and level2 is None:
                merged_cells = all_continued  # the common row: the three merged columns continue
            else:
                merged_cells = (f"{continued[0] if side is None else side}{continued[1] if level1 is None else level1}"
                                f"{continued[2] if level2 is None else level2}")
            if i is None:
                rows.cells(merged_cells + "".join(h[c] + text("", CELL) + "</w:tc>" for c in range(3, 9)))
                continue
            name, target, actual = i.name, i.target or "", i.actual or ""
            if i.unit:
                target = f"{target}{i.unit}" if target and not target.endswith(i.unit) else target
                actual = f"{actual}{i.unit}" if actual and not actual.endswith(i.unit) else actual
            weight, score = fmt_written(i.weight), fmt_written(i.score)  # never escaped (digits, point, sign)
            deviation = _md_cell(report, i.deviation) if i.deviation else no_deviation
            if name and target and actual and weight and score and _plain_line(name + target + actual):
                if encode:  # the f-string below, written as bytes: no wide string made and encoded
                    rows.encoded_cells(b"".join((
                        all_continued_b if merged_cells is all_continued else merged_cells.encode("utf-8"), at3_b,
                        name.encode("utf-8"), to_b[4], target.encode("utf-8"), to_b[5], actual.encode("utf-8"),
                        to_b[6], weight.encode("utf-8"), to_b[7], score.encode("utf-8"), to_b[8],
                        no_deviation_b if deviation is no_deviation else deviation.encode("utf-8"), end_b)),
                        fixed_chars + len(merged_cells) + len(name) + len(target) + len(actual) + len(weight)
                        + len(score) + len(deviation))
                    continue
                rows.cells(f"{merged_cells}{at[3]}{name}{to[4]}{target}{to[5]}{actual}{to[6]}{weight}{to[7]}{score}"
                           f"{to[8]}{deviation}</w:tc>")
                continue
            rows.cells(f"{merged_cells}{h[3]}{text(name, CELL)}</w:tc>{h[4]}{text(target, CELL)}</w:tc>"
                       f"{h[5]}{text(actual, CELL)}</w:tc>{h[6]}{text(weight, CELL)}</w:tc>"
                       f"{h[7]}{text(score, CELL)}</w:tc>{h[8]}{deviation}</w:tc>")
    total_score = fig.computed_score if fig.computed_score is not None else fig.total_score
    rows.row([cell("总分", CELL_HEAD, span=6), cell(fmt_written(fig.total_weight), CELL_HEAD),
              cell(fmt_written(total_score), CELL_HEAD), cell("")])
    return rows


# ----------------------------------------------------------------------------------------------------------------


def attachment_tables(report: Report, fig, encode: bool = False) -> list[tuple[str, str, "str | Encoded", str]]:
    """``[(kind, title, table XML, notes XML), …]`` for the attachments the report carries, in order; with
    ``encode`` each table :class:`Encoded` (a built-in template's renderer writes them into the body's bytes)."""
    _TEXTS.clear()
    out = []
    att = report.attachments
    if att.basic_data:
        table, notes = basic_data_table(report, fig, encode)
        out.append(("basic_data", f"{report.year}年度部门整体支出绩效评价基础数据表", table, notes))
    if att.self_evaluation and (report.indicators.groups or report.indicators.execution):
        out.append(("self_evaluation", f"{report.year}年度部门整体支出绩效自评表",
                    self_evaluation_tables(report, fig, encode), ""))
    return out
