"""TBL007: a 合计 / 总计 / 小计 row at the bottom of a table (or of a block) against the rows above it, read from a
.txt in the seeds' Word text export (one cell per tab-led line, rows separated by a blank line) and from a real
.docx table built with python-docx: both must give the same findings."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from toolkit import lint

INCOME = [["收入项目", "金额（万元）"], ["财政拨款收入", "1200.00"], ["事业收入", "300.00"], ["其他收入", "30.00"]]
PROCUREMENT = [["类别", "项目", "金额（万元）"],
               ["货物", "办公设备", "10.00"], ["", "电脑", "5.00"], ["小计", "", "15.00"],
               ["服务", "物业管理", "20.00"], ["", "保洁", "8.00"], ["小计", "", "28.00"]]
SHARES = [["项目", "支出（万元）", "占比"], ["基本支出", "507.79", "15.15%"], ["项目支出", "2844.44", "84.85%"]]

# (name, rows, findings as (code, severity, where, expected, found))
CASES = [
    ("income_right", INCOME + [["合计", "1530.00"]], set()),
    ("income_rounding", INCOME + [["合计", "1530.01"]],
     {("TBL007", "warning", "表1 第5行 第2列", "1530.00", "1530.01")}),
    ("income_wrong", INCOME + [["合计", "1520.00"]], {("TBL007", "error", "表1 第5行 第2列", "1530.00", "1520.00")}),
    ("income_zero", INCOME + [["合计", "0"]], {("TBL007", "error", "表1 第5行 第2列", "1530.00", "0")}),
    ("income_blank", INCOME + [["合 计", ""]], {("TBL007", "error", "表1 第5行 第2列", "1530.00", "")}),
    ("three_columns", [["项目", "预算数", "决算数"], ["一般公共服务支出", "100.00", "98.00"],
                       ["教育支出", "50.00", "49.50"], ["总计", "150.00", "147.50"]], set()),
    ("three_columns_one_wrong", [["项目", "预算数", "决算数"], ["一般公共服务支出", "100.00", "98.00"],
                                 ["教育支出", "50.00", "49.50"], ["总计", "150.00", "148.50"]],
     {("TBL007", "error", "表1 第4行 第3列", "147.50", "148.50")}),
    ("subtotals_right", PROCUREMENT + [["合计", "", "43.00"]], set()),
    ("subtotal_wrong", [r if r[2] != "15.00" else ["小计", "", "16.00"] for r in PROCUREMENT] + [["合计", "", "44.00"]],
     {("TBL007", "error", "表1 第4行 第3列", "15.00", "16.00")}),
    ("subtotals_total_wrong", PROCUREMENT + [["合计", "", "45.00"]],
     {("TBL007", "error", "表1 第8行 第3列", "43.00", "45.00")}),
    ("shares_right", SHARES + [["合计", "3352.23", "100.00%"]], set()),
    ("shares_wrong", [SHARES[0], SHARES[1], ["项目支出", "2844.44", "83.85%"], ["合计", "3352.23", "100.00%"]],
     {("TBL007", "error", "表1 第3行 第3列", "84.85%", "83.85%")}),  # the one share off its amount ÷ total
    ("rates_not_added", [["项目", "预算数", "执行数", "执行率"], ["基本支出", "510.00", "507.79", "99.57%"],
                         ["项目支出", "2900.00", "2844.44", "98.08%"], ["合计", "3410.00", "3352.23", "98.31%"]], set()),
    ("last_row_not_a_total", INCOME + [["上年结转", "58.94"]], set()),
    ("sub_rows_skipped", [["项目", "金额"], ["基本支出", "507.79"], ["其中：人员经费", "420.39"], ["公用经费", "87.40"],
                          ["项目支出", "2844.44"], ["合计", "3352.23"]], set()),
    ("sub_rows_skipped_total_wrong", [["项目", "金额"], ["基本支出", "507.79"], ["其中：人员经费", "420.39"],
                                      ["公用经费", "87.40"], ["项目支出", "2844.44"], ["合计", "3362.23"]],
     {("TBL007", "error", "表1 第6行 第2列", "3352.23", "3362.23")}),
    ("indented_children_skipped", [["项目", "金额"], ["基本支出", "507.79"], ["\u3000\u3000人员经费", "420.39"],
                                   ["\u3000\u3000公用经费", "87.40"], ["项目支出", "2844.44"], ["合计", "3352.24"]],
     {("TBL007", "warning", "表1 第6行 第2列", "3352.23", "3352.24")}),
    # children wrong or total wrong, no reading adds up: ambiguous, nothing said
    ("indented_children_total_wrong", [["项目", "金额"], ["基本支出", "507.79"], ["人员经费", "420.39"],
                                       ["公用经费", "87.40"], ["项目支出", "2844.44"], ["合计", "3362.23"]], set()),
    # B + C happen to equal A, but the flat list adds up: all three are parts
    ("flat_list_read_flat", [["项目", "金额"], ["A", "10"], ["B", "4"], ["C", "6"], ["合计", "20"]], set()),
    ("flat_list_wrong", [["项目", "金额"], ["A", "12"], ["B", "5"], ["C", "8"], ["合计", "26"]],
     {("TBL007", "error", "表1 第5行 第2列", "25", "26")}),
    ("serial_number_column", [["序号", "项目", "金额"], ["1", "A项目", "5.00"], ["2", "B项目", "7.00"],
                              ["", "合计", "12.00"]], set()),
    # a 自评表's 合计 row is checked by TBL002/TBL003 only
    ("score_table", [["一级指标", "三级指标", "分值", "得分"], ["产出指标（60分）", "数量", "30", "30"],
                     ["", "质量", "30", "28"], ["效益指标（40分）", "满意度", "40", "39"], ["合计", "", "100", "98"]],
     {("TBL002", "error", "表1 第5行", "97", "98")}),
    ("sangong", [["项目", "预算数", "决算数"], ["因公出国（境）费", "0", "0"], ["公务接待费", "5.00", "4.20"],
                 ["公务用车购置及运行费", "20.00", "18.00"], ["其中：公务用车购置费", "12.00", "11.00"],
                 ["公务用车运行维护费", "8.00", "7.00"], ["合计", "25.00", "23.20"]],
     {("TBL012", "error", "表1 第7行 第3列", "22.20", "23.20")}),
    # parts not a flat list (numbered children under unnumbered rows): ambiguous, so nothing is said
    ("mixed_levels", [["项目", "金额"], ["基本支出", "10"], ["1.工资福利", "6"], ["2.公用经费", "5"],
                      ["项目支出", "20"], ["合计", "31"]], set()),
]


def _txt(path: Path, rows: list[list[str]]) -> Path:
    lines = ["表1 2023年收支情况"]
    for k, row in enumerate(rows):
        if k:
            lines.append("")
        lines += ["\t" + cell for cell in row]
    lines += ["", "以上数据来源于部门决算。"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _docx(path: Path, rows: list[list[str]]) -> Path:
    d = docx.Document()
    d.add_paragraph("表1 2023年收支情况")
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.add_paragraph("以上数据来源于部门决算。")
    d.save(path)
    return path


@pytest.mark.parametrize("maker", [_txt, _docx], ids=["txt", "docx"])
@pytest.mark.parametrize("name,rows,expected", CASES, ids=[c[0] for c in CASES])
def test_bottom_total(tmp_path, maker, name, rows, expected):
    path = maker(tmp_path / f"{name}.{maker.__name__[1:]}", rows)
    findings = lint(path).findings
    assert {(f.code, f.severity, f.where, f.expected, f.found) for f in findings} == expected
    for f in (f for f in findings if f.code == "TBL007"):
        assert "差" in f.message or "之和为" in f.message
        assert ("可能为四舍五入误差" in f.message) == (f.severity == "warning")


def test_rounding_wording_and_line(tmp_path):
    [f] = lint(_txt(tmp_path / "r.txt", INCOME + [["合计", "1530.01"]])).findings
    assert f.message.endswith("1200.00 + 300.00 + 30.00 = 1530.00（差 0.01，可能为四舍五入误差）")
    assert f.line == 14 and f.quote == "合计 | 1530.01"  # the 合计 row's first cell line in the text export


def test_wrong_cell_reported_once_where_row_and_column_totals_cross(tmp_path):
    # 科学技术支出 485.39 should be 475.39: its row 合计 and the bottom 合计 row both miss by 10; one finding
    rows = [["功能分类科目", "基本支出", "项目支出", "合计"], ["一般公共服务支出", "612.35", "95.60", "707.95"],
            ["科学技术支出", "118.92", "356.47", "485.39"], ["社会保障和就业支出", "86.40", "0.00", "86.40"],
            ["合计", "817.67", "452.07", "1269.74"]]
    for path in (_txt(tmp_path / "x.txt", rows), _docx(tmp_path / "x.docx", rows)):
        assert [(f.code, f.where) for f in lint(path).findings] == [("TBL006", "表1 第3行 第4列")]
