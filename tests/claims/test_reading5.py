"""Kinds the hold-outs of round 6 missed, each with a wrong and a right case written for these tests."""
from __future__ import annotations

from toolkit.claims import check_paragraphs


def errors(*texts: str) -> list[tuple[str, str | None]]:
    """(code, expected) of every error found in the paragraphs."""
    return [(i.code, i.expected) for _k, i in check_paragraphs(list(texts)) if i.severity == "error"]


def test_a_score_written_straight_after_its_self_evaluation_has_its_grade_checked():
    text = "综合评定，本中心2023年度整体支出绩效自评{s}分，等级{g}。"
    assert errors(text.format(s="91.20", g="良好")) == [("TXT009", "优秀")]
    assert errors(text.format(s="91.20", g="优秀")) == []
    assert errors(text.format(s="86.05", g="良好")) == []


def test_shares_of_parts_named_without_their_figures_are_judged_on_the_figures_given_before():
    figures = "全年支出2400.00万元。按性质分，人员和公用经费合计为基本支出600.00万元；项目支出1800.00万元，用于维修改造。"
    shares = "基本支出、项目支出分别占支出合计的{a}和{b}。"
    assert errors(figures, shares.format(a="25.00%", b="76.00%")) == [("TXT002", "75.00%")]
    assert errors(figures, shares.format(a="25.00%", b="75.00%")) == []
    # parts that are not the whole of anything and no whole given under the name: nothing can be said
    assert errors("培训费12.00万元，会议费8.00万元。培训费、会议费分别占公用经费的30.00%和50.00%。") == []


def test_a_rate_after_a_figure_named_last_years_is_measured_from_it():
    same_sentence = "本年度公用经费支出318.40万元，上年同口径公用经费支出300.00万元，同比增长{r}。"
    assert errors(same_sentence.format(r="8.13%")) == [("TXT004", "6.13%")]
    assert errors(same_sentence.format(r="6.13%")) == []
    compared = "2023年度支出决算数为1250.00万元。与上年决算数1000.00万元相比，全年支出增长{r}。"
    assert errors(compared.format(r="20.00%")) == [("TXT004", "25.00%")]
    assert errors(compared.format(r="25.00%")) == []
    # two figures of this year under the name: which one the rate is of cannot be told
    two = "一季度支出决算数为300.00万元，全年支出决算数为1250.00万元。与上年决算数1000.00万元相比，增长20.00%。"
    assert errors(two) == []


def test_a_count_of_indicators_with_a_bracketed_note_then_its_kinds_after_a_comma():
    text = "本年度共设置绩效指标{n}个（预算执行率除外），产出指标6个，效益指标3个，满意度指标2个。"
    assert errors(text.format(n="12")) == [("TXT001", "11")]
    assert errors(text.format(n="11")) == []
    # a parallel list of incomes is no total of the items after it
    assert errors("财政拨款收入300.00万元，事业收入20.00万元，其他收入5.00万元。") == []


def test_a_total_followed_by_its_sources_after_specifically():
    text = ("本年度收入合计{t}万元，具体为：财政拨款收入800.00万元，事业收入150.50万元，其他收入9.50万元。")
    assert errors(text.format(t="970.00")) == [("TXT001", "960.00")]
    assert errors(text.format(t="960.00")) == []


def _report(tmp_path, rows: list[list[str]], sentence: str):
    from toolkit import lint
    text = ("表1 支出决算表（单位：万元）\n" + "\n".join("\t".join(r) for r in rows) + "\n\n" + sentence + "\n")
    path = tmp_path / "coded.txt"
    path.write_text(text, encoding="utf-8")
    return [f for f in lint(path).findings if f.severity == "error"]


def _rows(child: str) -> list[list[str]]:
    return [["科目编码", "科目名称", "决算数"], ["205", "教育支出", "900.00"], ["20501", "教育管理事务", "900.00"],
            ["2050101", "行政运行", "350.00"], ["2050102", "一般行政管理事务", child], ["2050199", "其他教育管理事务支出", "100.00"]]


def test_a_figure_under_a_function_code_against_the_row_of_that_code(tmp_path):
    sentence = "主要用于“行政运行”（2050101）{v}万元，保障机关运转。"
    found = _report(tmp_path, _rows("450.00"), sentence.format(v="353.60"))
    assert [(f.code, f.expected, f.found) for f in found] == [("TXT014", "350.00", "353.60万元")]
    assert _report(tmp_path, _rows("450.00"), sentence.format(v="350.00")) == []


def test_a_table_row_that_breaks_its_parent_is_blamed_not_the_text_that_agrees_with_the_parent(tmp_path):
    sentence = "“一般行政管理事务”（2050102）450.00万元，用于教育督导。"
    found = _report(tmp_path, _rows("540.00"), sentence)
    assert [(f.code, f.where, f.found) for f in found] == [("TXT014", "表1 第5行 第3列", "540.00")]
    assert "2050102 | 一般行政管理事务 | 540.00" in found[0].quote
    assert _report(tmp_path, _rows("450.00"), sentence) == []



def test_change_column_between_two_year_columns(tmp_path):
    from toolkit import lint

    def found(delta: str):
        rows = [["项目", "2023年", "2024年", "增减额"], ["支出总额", "800.00", "860.00", "60.00"],
                ["基本支出", "300.00", "310.00", "10.00"], ["项目支出", "500.00", "550.00", delta]]
        path = tmp_path / "years.txt"
        path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
        return [(f.code, f.where, f.expected) for f in lint(path).findings if f.severity == "error"]

    assert found("5.00") == [("TBL010", "表1 第4行 第4列", "50.00")]
    assert found("50.00") == []


def test_a_change_said_of_a_figure_named_in_an_earlier_sentence():
    text = "本年基本支出900.00万元，其中人员经费750.00万元、公用经费150.00万元。人员经费较上年增加50.00万元，同比增长{r}。"
    assert errors(text.format(r="6.67%")) == [("TXT004", "7.14%")]
    assert errors(text.format(r="7.14%")) == []
    # two figures under the name (this year's and another's): which one cannot be told
    two = ("机关人员经费750.00万元；下属单位人员经费420.00万元。人员经费较上年增加50.00万元，同比增长6.67%。")
    assert errors(two) == []


def test_points_between_this_years_share_and_the_share_named_last_years():
    text = "基本支出占本年支出的比重为40.50%，上年基本支出380.00万元，占上年支出的38.20%，比重提高{p}个百分点。"
    assert errors(text.format(p="3.30")) == [("TXT004", "2.30")]
    assert errors(text.format(p="2.30")) == []


def test_a_rate_from_last_years_figure_said_of_a_figure_named_in_an_earlier_sentence():
    text = "2024年公用经费210.00万元，主要用于日常运转。公用经费比上年的200.00万元增长{r}，主要是物业费上涨。"
    assert [c for c, _e in errors(text.format(r="50.0%"))] == ["TXT004"]
    assert errors(text.format(r="5.0%")) == []
