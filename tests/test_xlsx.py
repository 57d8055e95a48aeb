"""import-xlsx on real workbooks built with openpyxl in seed 002's layout (merged 一级/二级 cells, the header block,
按收入/支出性质分, 年度总体目标), and in layouts that moved things: an extra title row, a moved column, a formula cell,
numbers stored as text. The imported YAML is rendered and its 自评表 compared with the workbook's rows."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl.utils import get_column_letter
from typer.testing import CliRunner

from toolkit import check, load
from toolkit.cli import app
from toolkit.numbers import fmt_number
from toolkit.word import render
from toolkit.xlsx import blank_workbook, import_xlsx, read_workbook

from .conftest import EXAMPLES as EXAMPLES_DIR

ZIYANG = EXAMPLES_DIR / "ziyang-gxj-2022.yaml"
COLUMNS = ["side", "level1", "level2", "name", "target", "actual", "weight", "score", "deviation"]
HEADINGS = {"side": "绩效\n指标", "level1": "一级\n指标", "level2": "二级指标", "name": "三级指标", "target": "年度\n指标值",
            "actual": "实际完成值", "weight": "分值", "score": "得分", "deviation": "偏差原因\n分析及改进措施"}


def seed_workbook(path, order=COLUMNS, title_rows=1, text_numbers=False, formula_total=False, bad_cell=None):
    """The 附件2 自评表 of seed 002 (ziyang 2022) as a finance office keeps it in Excel, plus its 附件1 lines.

    ``order``: the indicator table's columns (a moved column); ``title_rows``: rows above 预算部门; ``text_numbers``:
    amounts and weights typed as text ("3,352.23"); ``formula_total``: the 总分 score as =SUM(...) with no cached
    value (as openpyxl writes it); ``bad_cell``: (indicator index, text) written in that indicator's 得分.
    """
    report = load(ZIYANG).report
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "附件2"
    for k in range(title_rows):
        ws.cell(1 + k, 1, "2022年度部门整体支出绩效自评表" if k == title_rows - 1 else "附件2")
        ws.merge_cells(start_row=1 + k, start_column=1, end_row=1 + k, end_column=9)
    r = title_rows + 1
    num = (lambda v: f"{v:,}" if text_numbers else float(v))
    ws.cell(r, 1, "预算\n部门")
    ws.cell(r, 2, report.unit.name)
    ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=9)
    head = r + 1
    ws.cell(head, 1, "年度预\n算申请\n（万元）")
    ws.merge_cells(start_row=head, start_column=1, end_row=head + 6, end_column=1)
    for c, label in zip(range(4, 10), ("年初\n预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")):
        ws.cell(head, c, label)
    ws.cell(head + 1, 2, "年度资金总额")
    ws.merge_cells(start_row=head + 1, start_column=2, end_row=head + 1, end_column=3)
    ex = report.indicators.execution
    for c, v in zip(range(4, 7), (ex.initial_budget, ex.full_budget, ex.actual)):
        ws.cell(head + 1, c, num(v))
    ws.cell(head + 1, 7, 10)
    ws.cell(head + 1, 8, 1.0).number_format = "0%"
    ws.cell(head + 1, 9, 10)
    for k, (a, b) in enumerate([("按收入性质分：", "按支出性质分："), ("其中：  一般公共预算：3345.5", "其中：基本支出：507.79"),
                                ("政府性基金拨款：", "项目支出：2844.44"), ("纳入专户管理的非税收入拨款：", None),
                                ("其他资金：6.73", None)]):
        ws.cell(head + 2 + k, 2, a)
        ws.merge_cells(start_row=head + 2 + k, start_column=2, end_row=head + 2 + k, end_column=5)
        ws.cell(head + 2 + k, 6, b)
        ws.merge_cells(start_row=head + 2 + k, start_column=6, end_row=head + 2 + k, end_column=9)
    goal = head + 7
    ws.cell(goal, 1, "年度总体目标")
    ws.merge_cells(start_row=goal, start_column=1, end_row=goal + 1, end_column=1)
    ws.cell(goal, 2, "预期目标")
    ws.cell(goal, 6, "实际完成情况")
    ws.cell(goal + 1, 2, report.indicators.goal.target.strip())
    ws.cell(goal + 1, 6, report.indicators.goal.actual.strip())
    for c0 in (2, 6):
        ws.merge_cells(start_row=goal, start_column=c0, end_row=goal, end_column=c0 + 3)
        ws.merge_cells(start_row=goal + 1, start_column=c0, end_row=goal + 1, end_column=c0 + 3)
    table = goal + 2
    col = {key: order.index(key) + 1 for key in order}
    for key in order:
        ws.cell(table, col[key], HEADINGS[key])
    r = table + 1
    rows = []  # what the table shows, per indicator: (一级, 二级, name, target, actual, weight, score)
    k = 0
    for g1 in report.indicators.groups:
        start1 = r
        for g2 in g1.children:
            start2 = r
            for ind in g2.indicators:
                weight = num(ind.weight) if not text_numbers else str(ind.weight)
                score = num(ind.score) if not text_numbers else str(ind.score)
                if bad_cell and bad_cell[0] == k:
                    score = bad_cell[1]
                values = {"name": ind.name, "target": ind.target, "actual": ind.actual, "weight": weight,
                          "score": score, "deviation": ind.deviation}
                for key, v in values.items():
                    ws.cell(r, col[key], v)
                rows.append((f"{g1.name}（{fmt_number(g1.weight)}分）", f"{g2.name}（{fmt_number(g2.weight)}分）",
                             ind.name, ind.target, ind.actual, fmt_number(ind.weight), fmt_number(ind.score)))
                r += 1
                k += 1
            if g2.name == "质量指标":  # seed 002 has empty rows inside groups: not data
                r += 1
            ws.cell(start2, col["level2"], f"{g2.name}（{fmt_number(g2.weight)}分）")
            ws.merge_cells(start_row=start2, start_column=col["level2"], end_row=r - 1, end_column=col["level2"])
        ws.cell(start1, col["level1"], f"{g1.name}\n（{fmt_number(g1.weight)}分）")
        ws.merge_cells(start_row=start1, start_column=col["level1"], end_row=r - 1, end_column=col["level1"])
    ws.merge_cells(start_row=table + 1, start_column=col["side"], end_row=r - 1, end_column=col["side"])
    ws.cell(r, 1, "总分")
    ws.cell(r, col["weight"], 100)
    score_cell = ws.cell(r, col["score"])
    if formula_total:
        letter = get_column_letter(col["score"])
        score_cell.value = f"=SUM({letter}{table + 1}:{letter}{r - 1})"
    else:
        score_cell.value = 99
    # 附件1, the lines of 经费控制情况
    b = wb.create_sheet("附件1")
    b["A1"] = "2022年度部门整体支出绩效评价基础数据表"
    b["A2"], b["B2"], b["D2"], b["F2"] = "财政供养人员情况（人）", "编制数", "2022年实际在职人数", "控制率"
    b["B3"], b["D3"], b["F3"] = 33, 31, "100%"
    b["A4"], b["B4"], b["D4"], b["F4"] = "经费控制情况（万元）", "2021年决算数", "2022年预算数", "2022年决算数"
    lines = [("支出总额", 707.74, 3352.23, 3352.23), ("基本支出", 529.72, 507.79, 507.79),
             ("    其中：公用经费", 65.47, None, 87.41), ("项目支出", 112.56, 2844.44, 2844.44),
             ("    其中：1、运行维护经费", 70.56, 107.25, 107.25), ("疫情防控支出", None, 998.99, 998.99),
             ("制造强省专项经费", 13, None, None), ("三公经费", None, None, None), ("政府采购金额", None, 862.6, 1045.45)]
    for i, (label, *values) in enumerate(lines, start=5):
        b.cell(i, 1, label)
        for c, v in zip((2, 4, 6), values):
            b.cell(i, c, v)
    b.cell(5 + len(lines), 1, "厉行节约保障措施")
    b.cell(5 + len(lines), 2, report.budget.thrift)
    wb.save(path)
    return rows


def rendered_rows(docx):
    """The rendered 自评表's indicator rows: (一级, 二级, name, target, actual, weight, score), merged cells filled."""
    table = Document(str(docx)).tables[-1]._tbl
    out, last = [], ["", "", ""]
    for tr in table.tr_lst[1:]:
        cells = []
        for k, tc in enumerate(tr.tc_lst):
            vm = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            if vm is not None and vm.get(qn("w:val")) is None and k < 3:
                text = last[k]
            cells.append(text)
        last = cells[:3]
        if len(cells) == 9 and cells[3] and "预算执行率" not in cells[1]:
            out.append(tuple(cells[1:8]))
    return out


def _import_and_render(tmp_path, **layout):
    xlsx = tmp_path / "自评表.xlsx"
    rows = seed_workbook(xlsx, **layout)
    yaml_path, warnings = import_xlsx(xlsx, tmp_path / "dept.yaml")
    loaded = load(yaml_path)
    docx = render(loaded, tmp_path / "dept.docx")
    return rows, loaded, docx, warnings, yaml_path.read_text(encoding="utf-8")


def test_a_seed_layout_workbook_imports_to_yaml_whose_render_shows_the_same_table(tmp_path):
    rows, loaded, docx, warnings, text = _import_and_render(tmp_path)
    assert warnings == []
    assert len(rows) == 23 and rendered_rows(docx) == rows
    report = loaded.report
    assert report.year == 2022 and report.unit.name == "益阳市资阳区工业和信息化局"
    ex = report.indicators.execution
    assert (ex.initial_budget, ex.full_budget, ex.actual, ex.weight, ex.score) == (
        Decimal("498.36"), Decimal("3352.23"), Decimal("3352.23"), 10, 10)
    assert report.indicators.total_score == 99 and report.indicators.total_weight == 100
    assert [(i.label, i.amount) for i in report.budget.income.items] == [("一般公共预算", Decimal("3345.5")),
                                                                         ("其他资金", Decimal("6.73"))]
    assert report.budget.expenditure.basic.amount == Decimal("507.79")
    # every value names its sheet and cell
    assert "name: 益阳市资阳区工业和信息化局  # 附件2!B2" in text
    assert "initial_budget: 498.36  # 附件2!D4" in text
    # the 基础数据表 lines: 上年决算数 / 本年预算数 / 本年决算数
    exp = report.budget.expenditure
    assert (exp.previous, exp.full_budget, exp.amount) == (Decimal("707.74"), Decimal("3352.23"), Decimal("3352.23"))
    assert exp.basic.public.previous == Decimal("65.47") and exp.basic.public.full_budget is None
    assert [(p.label, p.previous, p.amount) for p in exp.project.items] == [
        ("疫情防控支出", None, Decimal("998.99")), ("制造强省专项经费", 13, None)]
    assert exp.project.operation.amount == Decimal("107.25") and report.budget.procurement.amount == Decimal("1045.45")
    assert report.unit.staffing.authorized.total == 33 and report.unit.staffing.control_rate == 100
    assert report.budget.thrift.startswith("严格落实中央八项规定")
    # the group weights printed in the merged cells become the groups' weights
    assert [g.weight for g in report.indicators.groups] == [50, 40]


def test_an_extra_title_row_and_a_moved_column_still_import(tmp_path):
    moved = ["side", "level1", "level2", "name", "actual", "target", "deviation", "weight", "score"]
    rows, _loaded, docx, warnings, _text = _import_and_render(tmp_path, order=moved, title_rows=2)
    assert warnings == [] and rendered_rows(docx) == rows


def test_numbers_stored_as_text_are_read_and_a_formula_without_a_value_is_left_to_fill(tmp_path):
    rows, loaded, docx, warnings, text = _import_and_render(tmp_path, text_numbers=True, formula_total=True)
    assert rendered_rows(docx) == rows  # "3,352.23", "4" typed as text
    assert loaded.report.indicators.execution.full_budget == Decimal("3352.23")
    assert len(warnings) == 1 and "附件2”H" in warnings[0] and "=SUM(H" in warnings[0]
    assert loaded.unfilled == ["indicators.total_score"]
    assert "total_score: 待填  # 附件2!H" in text


def test_a_number_that_cannot_be_read_is_left_to_fill_with_its_cell_named(tmp_path):
    xlsx = tmp_path / "自评表.xlsx"
    seed_workbook(xlsx, bad_cell=(2, "12,3"))
    imported = read_workbook(xlsx)
    assert len(imported.warnings) == 1
    assert "工作表“附件2”H15：“12,3”不是可识别的数字" in imported.warnings[0]
    yaml_path, _w = import_xlsx(xlsx, tmp_path / "dept.yaml")
    loaded = load(yaml_path)
    findings = [f for f in check(loaded).findings if f.code == "FIL001"]
    assert [f.path for f in findings] == ["indicators.groups[0].children[0].indicators[2].score"]
    line = yaml_path.read_text(encoding="utf-8").splitlines()[findings[0].line - 1]
    assert "score: 待填" in line and "附件2!H15" in line and "12,3" in line


def test_the_blank_workbook_imports_back_as_a_scaffold(tmp_path):
    blank_workbook(tmp_path / "blank.xlsx", year=2024)
    wb = openpyxl.load_workbook(tmp_path / "blank.xlsx")
    assert wb.sheetnames == ["自评表", "基础数据表"] and "B13:B20" in {str(r) for r in wb["自评表"].merged_cells.ranges}
    yaml_path, warnings = import_xlsx(tmp_path / "blank.xlsx", tmp_path / "blank.yaml")
    loaded = load(yaml_path)
    result = check(loaded)
    assert warnings == [] and loaded.report.year == 2024
    assert {f.code for f in result.findings} == {"FIL001"} and result.errors == len(loaded.unfilled) > 40
    names = [(g1.name, [g2.name for g2 in g1.children]) for g1 in loaded.report.indicators.groups]
    assert names[0] == ("产出指标", ["数量指标", "质量指标", "时效指标", "成本指标"])


def test_cli_import_and_unreadable_workbooks_exit_2_with_a_message(tmp_path):
    runner = CliRunner()
    seed_workbook(tmp_path / "a.xlsx")
    r = runner.invoke(app, ["import-xlsx", str(tmp_path / "a.xlsx"), "-o", str(tmp_path / "a.yaml")])
    assert r.exit_code == 0 and (tmp_path / "a.yaml").exists(), r.output
    (tmp_path / "text.xlsx").write_text("年度,部门\n", encoding="utf-8")
    r = runner.invoke(app, ["import-xlsx", str(tmp_path / "text.xlsx")])
    assert r.exit_code == 2 and r.stderr == f"{tmp_path / 'text.xlsx'}: 这不是 Excel 工作簿（.xlsx）\n"
    wb = openpyxl.Workbook()
    wb.active.title = "封面"
    wb.active["A1"] = "2022年度部门整体支出绩效自评表"
    wb.save(tmp_path / "empty.xlsx")
    r = runner.invoke(app, ["import-xlsx", str(tmp_path / "empty.xlsx")])
    assert r.exit_code == 2 and "工作表 “封面” 中都找不到自评表的表头" in r.stderr and "Traceback" not in r.output
    assert not (tmp_path / "empty.yaml").exists()


@pytest.mark.parametrize("outline", ["hunan"])
def test_init_xlsx_writes_the_blank_workbook(tmp_path, outline):
    r = CliRunner().invoke(app, ["init", "--xlsx", "--year", "2023", "-o", str(tmp_path / "b.xlsx")])
    assert r.exit_code == 0, r.output
    assert openpyxl.load_workbook(tmp_path / "b.xlsx")["自评表"]["A1"].value == "2023年度部门整体支出绩效自评表"


def test_a_workbook_that_repeats_its_group_names_instead_of_merging_imports_one_group_each(tmp_path):
    """Not seed 002's layout: a title, a unit row, 一级/二级 written again on every row (no merged cells), 预算执行率
    as a row of its own, a 合计 row. Before: each row became a group of its own (8 groups for 3)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2023年度部门整体支出绩效自评表"])
    ws.append(["单位名称：某区文化旅游委", None, None, None, None, None, None, "单位：万元"])
    ws.append(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析"])
    rows = [("产出指标", "数量指标", "演出场次", "≥120场", "126场", 20, 20),
            ("产出指标", "数量指标", "新增藏书", "≥2万册", "2.1万册", 20, 20),
            ("产出指标", "时效指标", "资金拨付及时率", "100%", "96%", 20, 19.2),
            ("效益指标", "社会效益指标", "参与人次", "≥50万人次", "53万人次", 20, 20),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", 10, 10),
            ("预算执行", "预算执行率", "预算执行率", "100%", "95.2%", 10, 9.52)]
    for r in rows:
        ws.append(list(r))
    ws.append(["合计", None, None, None, None, 100, 98.72])
    wb.save(tmp_path / "cq.xlsx")
    yaml_path, _w = import_xlsx(tmp_path / "cq.xlsx", tmp_path / "cq.yaml")
    groups = load(yaml_path).report.indicators.groups
    assert [(g.name, [(c.name, len(c.indicators)) for c in g.children]) for g in groups] == [
        ("产出指标", [("数量指标", 2), ("时效指标", 1)]),
        ("效益指标", [("社会效益指标", 1)]),
        ("满意度指标", [("服务对象满意度指标", 1)])]


def test_an_indicator_table_headed_by_other_usual_words_imports(tmp_path):
    """权重（分） / 年度目标 / 实际完成 / 自评得分, under two title rows and a blank one, a 序号 column first: the heads a
    finance office writes as often as 分值 / 年度指标值 / 实际完成值 / 得分."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效自评表"
    ws.append(["2024年度部门整体支出绩效自评表"])
    ws.append(["单位：某县水利局"])
    ws.append([])
    ws.append(["序号", "一级指标", "二级指标", "三级指标", "权重（分）", "年度目标", "实际完成", "自评得分", "偏差原因"])
    ws.append([1, "产出指标", "数量指标", "河道巡查里程", 30, "≥1200公里", "1260公里", 30, ""])
    ws.append([2, "产出指标", "质量指标", "水质达标率", 30, "≥95%", "93%", 29.37, "个别断面未达标"])
    ws.append([3, "效益指标", "社会效益", "防汛物资到位率", 30, "100%", "100%", 30, ""])
    ws.append([4, "预算执行", "预算执行率", "部门预算执行率", 10, "100%", "96.4%", 9.64, ""])
    ws.append(["", "合计", "", "", 100, "", "", 99.01, ""])
    wb.save(tmp_path / "odd.xlsx")
    imported = read_workbook(tmp_path / "odd.xlsx")
    ind = imported.data["indicators"]
    leaf = ind["groups"][0]["children"][1]["indicators"][0]
    assert (leaf["name"], leaf["target"], leaf["actual"], leaf["weight"], leaf["score"]) == \
        ("水质达标率", "≥95%", "93%", Decimal("30"), Decimal("29.37"))
    assert ind["execution"]["score"] == Decimal("9.64") and ind["total_score"] == Decimal("99.01")
