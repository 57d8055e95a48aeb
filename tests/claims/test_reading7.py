"""Readings mended after the round-9 hold-outs (h9, h10) had been measured unseen: each with a wrong and a right
case, in wordings of their own."""
from __future__ import annotations

from toolkit import lint


def _errors(tmp_path, text: str, name: str = "report.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [f for f in lint(path).findings if f.severity == "error"]


def _score_table(first_weight: str) -> str:
    """A score table exported without merged cells: each row repeats its 一级 cell with the group's weight."""
    rows = [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        [f"投入（{first_weight}分）", "资金投入", "资金到位率", "6", "6"],
        [f"投入（{first_weight}分）", "资金投入", "预算调整率", "6", "5"],
        [f"投入（{first_weight}分）", "制度保障", "内控制度完备性", "8", "7.5"],
        ["产出（50分）", "数量", "培训人次", "25", "24"],
        ["产出（50分）", "质量", "考核合格率", "25", "23"],
        ["效果（30分）", "满意度", "受训人员满意度", "30", "28"],
        ["合计", "", "", "100", "93.5"],
    ]
    return "表3 指标评分表\n" + "\n".join("\t".join(r) for r in rows) + "\n"


def test_a_group_weight_repeated_on_each_of_its_rows_is_one_group(tmp_path):
    assert _errors(tmp_path, _score_table("20")) == []
    wrong = _errors(tmp_path, _score_table("25"))
    assert [(f.code, f.expected) for f in wrong] == [("TBL003", "20")]


def _spending(project_total: str, project_text: str) -> str:
    """A 合计 | 基本支出 | 项目支出 table whose 合计 row holds ``project_total`` under 项目支出, and a sentence giving
    the 项目支出 as ``project_text``."""
    rows = [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", "2768.40", "1523.15", project_total],
        ["201", "一般公共服务支出", "1410.20", "1203.15", "207.05"],
        ["212", "城乡社区支出", "1358.20", "320.00", "1038.20"],
    ]
    return (f"本年支出合计2768.40万元，其中基本支出1523.15万元，项目支出{project_text}万元。\n\n"
            "表1 支出决算表（单位：万元）\n" + "\n".join("\t".join(r) for r in rows) + "\n")


def test_text_right_against_a_table_cell_its_own_sums_report(tmp_path):
    # the table's 合计 row is the slip (its row and its column ask 1245.25): reported once, at the table
    found = {(f.code, f.expected) for f in _errors(tmp_path, _spending("1254.25", "1245.25"))}
    assert ("TBL001", "1245.25") in found and not any(code.startswith("TXT") for code, _e in found)
    # the text is the slip, the table adds: the text is reported, against its sum and against the table
    found = {(f.code, f.expected) for f in _errors(tmp_path, _spending("1245.25", "1254.25"))}
    assert found == {("TXT001", "2777.40"), ("TXT014", "1245.25万元")}
    assert _errors(tmp_path, _spending("1245.25", "1245.25")) == []


def test_a_budget_a_rate_is_measured_on_is_no_whole_of_the_parts_after_it(tmp_path):
    text = ("全年“三公”经费支出{t}万元，相当于年初预算4.50万元的{r}%。其中公务用车运行维护费2.64万元，"
            "公务接待费1.10万元，因公出国（境）费未发生。\n")
    assert _errors(tmp_path, text.format(t="3.74", r="83.11")) == []
    wrong = _errors(tmp_path, text.format(t="3.84", r="85.33"))
    assert [(f.code, f.expected) for f in wrong] == [("TXT001", "3.74")]


def test_one_list_under_two_marks_is_reported_once(tmp_path):
    # a partial list (其中) is judged only when its parts pass the total
    text = "机关运行经费支出{t}万元。其中办公费、水电费、差旅费分别为12.30万元、8.45万元和6.10万元。\n"
    assert [(f.code, f.expected) for f in _errors(tmp_path, text.format(t="25.85"))] == [("TXT001", "26.85")]
    assert _errors(tmp_path, text.format(t="26.85")) == []
