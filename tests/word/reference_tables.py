"""The attachment tables as toolkit/word/tables.py built them before issue 13's one-pass writer: a Cell per cell,
rows of Cells, then ooxml.table. Kept as the reference the new writer is compared with (test_equivalence.py);
the helpers both share (widths, Markdown cells, dates, sums) are imported from the module, not copied."""
from __future__ import annotations

import functools
from decimal import Decimal

from toolkit import derive
from toolkit.domain import budget, staffing
from toolkit.model import Figure, Report
from toolkit.numbers import fmt_rate, fmt_written, ratio_percent
from toolkit.word import ooxml as X
from toolkit.word.ooxml import CELL, CELL_HEAD, CELL_LEFT, Cell
from toolkit.word.ooxml import DENSE as DC, DENSE_HEAD as DH, DENSE_LEFT as DL
from toolkit.word.tables import (SIDE, _BASIC_WIDTHS, _HEADER_WIDTHS, _SELF_WIDTHS, _date, _md_cell,
                                 _sum_previous)


# A table repeats most of its cells (the merged side columns, 分值 and 得分, targets such as ≥90%, empty cells):
# each distinct text and style is turned into XML once a report (attachment_tables empties the cache first, so a
# batch pays for each report's own cells and memory stays flat). Cells are read, never changed, by ooxml.table, so
# one object can stand in many rows.
@functools.lru_cache(maxsize=4096)
def _text_cell(text: str, style: str, span: int, vmerge: str | None) -> Cell:
    return X.cell(text, style, span, vmerge)


def cell(text: object = "", style: str = CELL, span: int = 1, vmerge: str | None = None) -> Cell:
    """:func:`ooxml.cell`, cached for text (other values, such as a Decimal whose digits the key would lose, are
    built each time)."""
    if type(text) is str:
        return _text_cell(text, style, span, vmerge)
    return X.cell(text, style, span, vmerge)


@functools.lru_cache(maxsize=256)
def _continued(style: str, span: int) -> Cell:
    return X.merged("", False, style, span)


def merged(text: object, first: bool, style: str = CELL, span: int = 1) -> Cell:
    """:func:`ooxml.merged`: the first row through :func:`cell`, a continuing row built once per style."""
    return cell(text, style, span, "restart") if first else _continued(style, span)

# ----------------------------------------------------------------------------------------------------------------
# 附件1 基础数据表
# ----------------------------------------------------------------------------------------------------------------


def _money_cells(previous, budget, actual) -> list[Cell]:
    return [cell(fmt_written(v), DC, span=2) for v in (previous, budget, actual)]


def _fig_cells(f: Figure | None, actual: Decimal | None = None) -> list[Cell]:
    """上年决算数 / 本年预算数 / 本年决算数 of a figure (预算数 = 全年预算, declared or 年初 + 调整)."""
    if f is None:
        return _money_cells(None, None, actual)
    return _money_cells(f.previous, derive.full_budget(f), f.amount if f.amount is not None else actual)


def basic_data_table(report: Report, fig) -> tuple[str, str]:
    """(table XML, notes XML) of 附件1 部门整体支出绩效评价基础数据表."""
    y, b = report.year, report.budget
    ex = b.expenditure
    basic = ex.basic if ex else None
    project = ex.project if ex else None
    tp, pr = b.three_public, b.procurement
    st = report.unit.staffing
    rows: list[list[Cell]] = []

    # 财政供养人员情况
    auth = staffing.headcount_total(st.authorized) if st else None
    actual = staffing.headcount_total(st.actual) if st else None
    rate = st.control_rate if st and st.control_rate is not None else (
        ratio_percent(Decimal(actual), Decimal(auth)) if actual is not None and auth else None)
    rows.append([merged("财政供养人员情况（人）", True, DH), cell("编制数", DH, 2),
                 cell(f"{y}年实际在职人数", DH, 2), cell("控制率", DH, 2)])
    rows.append([merged("", False, DH), cell("" if auth is None else auth, DC, 2),
                 cell("" if actual is None else actual, DC, 2), cell(fmt_rate(rate), DC, 2)])

    # 经费控制情况
    rows.append([cell("经费控制情况（万元）", DH), cell(f"{y - 1}年决算数", DH, 2),
                 cell(f"{y}年预算数", DH, 2), cell(f"{y}年决算数", DH, 2)])

    def line(label: str, cells: list[Cell], indent: bool = False) -> None:
        rows.append([cell(("　　" if indent else "") + label, DL), *cells])

    total_prev = ex.previous if ex and ex.previous is not None else (
        _sum_previous([basic, project]) if basic and project else None)
    line("支出总额", _money_cells(total_prev, derive.full_budget(ex) if ex else None, fig.expenditure))
    line("基本支出", _fig_cells(basic, fig.basic))
    line("其中：公用经费", _fig_cells(basic.public if basic else None, fig.public), indent=True)
    line("项目支出", _fig_cells(project, fig.project))
    line("其中：运行维护经费", _fig_cells(project.operation if project else None), indent=True)
    for item in (project.items if project else []):
        line(item.label, _fig_cells(item), indent=True)
    tp_prev = tp.previous if tp and tp.previous is not None else None
    line("“三公”经费", _money_cells(tp_prev, derive.full_budget(tp) if tp else None, fig.three_public))
    vehicle = tp.vehicle if tp else None
    line("1.公务用车购置和维护经费", _fig_cells(vehicle, fig.vehicle), indent=True)
    line("其中：公车购置", _fig_cells(vehicle.purchase if vehicle else None), indent=True)
    line("　　　公车运行维护", _fig_cells(vehicle.operation if vehicle else None), indent=True)
    line("2.出国经费", _fig_cells(tp.overseas if tp else None), indent=True)
    line("3.公务接待", _fig_cells(tp.reception if tp else None), indent=True)
    line("政府采购金额", _fig_cells(pr, fig.procurement))

    # 楼堂馆所
    bl = b.buildings
    rows.append([cell(f"楼堂馆所控制情况\n（{y - 1}年完工项目）", DH, vmerge="restart"),
                 *[cell(h, DH) for h in ("批复规模（㎡）", "实际规模（㎡）", "规模控制率", "预算投资（万元）",
                                                "实际投资（万元）", "投资概算控制率")]])
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
    rows.append([merged("", False, DH), *[cell(v, DC) for v in values]])

    # 厉行节约保障措施
    thrift = _md_cell(report, b.thrift, DL)
    rows.append([cell("厉行节约保障措施", DH), Cell(thrift, span=6)])

    table = X.table(_BASIC_WIDTHS, rows, header_rows=0, margin=0)
    att = report.attachments
    notes = (X.paragraph("说明：“公用经费”填报基本支出中的一般商品和服务支出。“项目支出”需要填报基本支出以外的所有项目"
                         "支出情况，“运行维护经费”填报项目支出中用于人员类和公用运转类的支出。", X.NOTE, no_indent=True)
             + X.paragraph(f"填表人：{att.filler or '　' * 3}　填报日期：{_date(att.date) or '　' * 3}　"
                           f"联系电话：{att.phone or '　' * 3}　单位负责人签字：", X.NOTE, no_indent=True))
    return table, notes


# ----------------------------------------------------------------------------------------------------------------
# 附件2 自评表
# ----------------------------------------------------------------------------------------------------------------


def self_evaluation_tables(report: Report, fig) -> str:
    """附件2 部门整体支出绩效自评表: a header table (预算部门, 资金, 总体目标) and the indicator table.

    The indicator table is a separate table so that its column-header row is the table's first row and can repeat
    on every page (w:tblHeader applies to leading rows only). A hairline paragraph keeps the two apart.
    """
    return (X.table(_HEADER_WIDTHS, _header_rows(report, fig), cant_split=False) + X.spacer()
            + X.table(_SELF_WIDTHS, _indicator_rows(report, fig), header_rows=1))


def _header_rows(report: Report, fig) -> list[list[Cell]]:
    b = report.budget
    exi = report.indicators.execution
    rows: list[list[Cell]] = [[cell("预算部门", CELL_HEAD), cell(report.unit.name, CELL, span=8)]]
    rows.append([merged("年度预算申请（万元）", True, CELL_HEAD), cell("", CELL_HEAD, span=2),
                 *[cell(h, CELL_HEAD) for h in ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")]])
    rows.append([merged("", False), cell("年度资金总额", CELL_HEAD, span=2),
                 cell(fmt_written(fig.exec_initial)), cell(fmt_written(fig.exec_full)), cell(fmt_written(fig.exec_actual)),
                 cell(fmt_written(exi.weight) if exi else ""), cell(fmt_rate(fig.exec_rate)),
                 cell(fmt_written(fig.exec_score) if exi else "")])
    rows.append([merged("", False), cell("按收入性质分：", CELL_LEFT, span=4), cell("按支出性质分：", CELL_LEFT, span=4)])
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
        rows.append([merged("", False), cell(left, CELL_LEFT, span=4), cell(right, CELL_LEFT, span=4)])
    goal = report.indicators.goal
    rows.append([merged("年度总体目标", True, CELL_HEAD), cell("预期目标", CELL_HEAD, span=4),
                 cell("实际完成情况", CELL_HEAD, span=4)])
    rows.append([merged("", False), Cell(_md_cell(report, goal.target if goal else None), span=4),
                 Cell(_md_cell(report, goal.actual if goal else None), span=4)])
    return rows


def _indicator_rows(report: Report, fig) -> list[list[Cell]]:
    ind = report.indicators
    # The side cell "绩效指标" stands alone in the header row (repeated on every page); the body rows below it
    # form one merged side column that carries the label down, one character a line, as the form does (seed 002).
    rows: list[list[Cell]] = [[cell("绩效指标", CELL_HEAD),
                               *[cell(h, CELL_HEAD) for h in ("一级指标", "二级指标", "三级指标", "年度指标值",
                                                              "实际完成值", "分值", "得分", "偏差原因分析及改进措施")]]]
    exi = ind.execution
    if exi is not None:
        rows.append([merged(SIDE, len(rows) == 1), cell("预算执行率", CELL, span=3), cell("100%"),
                     cell(fmt_rate(fig.exec_rate)), cell(fmt_written(exi.weight)),
                     cell(fmt_written(fig.exec_score)), Cell(_md_cell(report, exi.deviation))])
    for g1 in ind.groups:
        leaves = [(g2, i) for g2 in g1.children for i in (g2.indicators or [None])]
        label1 = "" if ind.ungrouped else f"{g1.name}（{fmt_written(derive.level1_weight(g1))}分）"
        seen2: set[int] = set()
        for k, (g2, i) in enumerate(leaves):
            first2 = id(g2) not in seen2
            seen2.add(id(g2))
            label2 = "" if ind.ungrouped else f"{g2.name}（{fmt_written(derive.level2_weight(g2))}分）"
            row = [merged(SIDE, len(rows) == 1), merged(label1, k == 0), merged(label2, first2)]
            if i is None:
                row += [cell("") for _ in range(6)]
            else:
                target = i.target or ""
                actual = i.actual or ""
                if i.unit:
                    target = f"{target}{i.unit}" if target and not target.endswith(i.unit) else target
                    actual = f"{actual}{i.unit}" if actual and not actual.endswith(i.unit) else actual
                row += [cell(i.name), cell(target), cell(actual), cell(fmt_written(i.weight)),
                        cell(fmt_written(i.score)), Cell(_md_cell(report, i.deviation))]
            rows.append(row)
    total_score = fig.computed_score if fig.computed_score is not None else fig.total_score
    rows.append([cell("总分", CELL_HEAD, span=6), cell(fmt_written(fig.total_weight), CELL_HEAD),
                 cell(fmt_written(total_score), CELL_HEAD), cell("")])
    return rows


# ----------------------------------------------------------------------------------------------------------------


def attachment_tables(report: Report, fig) -> list[tuple[str, str, str, str]]:
    """``[(kind, title, table XML, notes XML), …]`` for the attachments the report carries, in order."""
    _text_cell.cache_clear()
    out = []
    att = report.attachments
    if att.basic_data:
        table, notes = basic_data_table(report, fig)
        out.append(("basic_data", f"{report.year}年度部门整体支出绩效评价基础数据表", table, notes))
    if att.self_evaluation and (report.indicators.groups or report.indicators.execution):
        out.append(("self_evaluation", f"{report.year}年度部门整体支出绩效自评表",
                    self_evaluation_tables(report, fig), ""))
    return out
