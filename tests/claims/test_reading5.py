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
