"""Readings by what a figure is named, from the sixth round (holdout7, issue 11).

A figure named as last year's (上年收入总计B万元) is the base of the change after it, not this year's figure.

"本年收入T万元…，上年收入B万元，本年较上年增加D万元，增长R%": D = T − B and R = D ÷ B. With no figure of this year
under the same name in the sentence ("上年支出为B万元，本年比上年增加D万元，增长R%"), R = D ÷ B is still judged. The
engine used to take B for this year's figure and report every such true sentence (B − D as last year's).
Also: a rate's whole is never a bracketed detail of it, a change of rate from 由上年的B%, a count done 截至年末, a
total restated in brackets in 亿元, and a share right against the parts of a total already reported wrong."""
from __future__ import annotations

from .test_kinds import errors

BOTH = ("2024年度本局收入合计3612.40万元，由财政拨款收入3580.00万元和事业收入32.40万元构成，上年收入合计{prev}万元，"
        "本年较上年增加{d}万元，增长{rate}%，主要是新增项目。")
BASE_ONLY = "上一年度支出为{prev}万元，本年比上年减少{d}万元，下降{rate}%，主要是会议费压减。"


def test_the_figure_named_last_year_is_the_base_when_this_years_is_in_the_sentence():
    # 3612.40 − 3360.00 = 252.40; 252.40 ÷ 3360.00 = 7.51%
    assert errors(BOTH.format(prev="3360.00", d="252.40", rate="7.51")) == []
    assert errors(BOTH.format(prev="3360.00", d="252.40", rate="8.12")) == [("TXT004", "7.51%")]
    # the difference itself wrong: said once, at the difference
    assert [c for c, _e in errors(BOTH.format(prev="3360.00", d="242.40", rate="7.51"))] == ["TXT004"]


def test_the_rate_is_judged_on_the_base_when_this_years_figure_is_elsewhere():
    # 180.00 ÷ 2400.00 = 7.50%
    assert errors(BASE_ONLY.format(prev="2400.00", d="180.00", rate="7.50")) == []
    assert errors(BASE_ONLY.format(prev="2400.00", d="180.00", rate="8.11")) == [("TXT004", "7.50%")]


def test_a_budget_rate_is_over_the_budget_not_over_a_bracketed_stage_of_it():
    text = "全年预算数820.00万元（年初预算数760.00万元，年中追加60.00万元），实际执行{actual}万元，预算完成比例为{rate}%。"
    assert errors(text.format(actual="779.00", rate="95.00")) == []  # 779 ÷ 820
    # wrong: judged over 全年预算数, the figure outside the brackets (not 779 ÷ 60)
    assert errors(text.format(actual="779.00", rate="97.50")) == [("TXT005", "95.00%")]


def test_points_from_last_years_rate_with_its_time_written():
    text = "公用经费占本年支出的比重由上年的18.40%上升至19.15%，提高{p}个百分点。"
    assert errors(text.format(p="0.75")) == []
    assert errors(text.format(p="0.95")) == [("TXT004", "0.75")]


def test_a_count_of_what_was_done_by_a_date_is_the_numerator():
    text = "上年度巡察反馈问题8个，截至年末已整改{done}个，整改完成率{rate}%，其余正在推进。"
    assert errors(text.format(done="6", rate="75.00")) == []
    assert errors(text.format(done="6", rate="87.50")) == [("TXT005", "75.00%")]
    before = "巡察组共反馈问题15个，年底前已整改{done}个，整改完成率{rate}%。"
    assert errors(before.format(done="12", rate="80.00")) == []
    assert errors(before.format(done="12", rate="86.67")) == [("TXT005", "80.00%")]


def test_a_total_restated_in_brackets_in_another_unit_is_still_the_total():
    text = "本年支出合计12650.40万元（约1.27亿元），其中：基本支出4210.40万元；项目支出{proj}万元。"
    assert errors(text.format(proj="8440.00")) == []
    assert errors(text.format(proj="8350.00")) == [("TXT001", "12560.40")]


def test_a_share_right_against_the_parts_of_a_wrong_total_is_not_a_second_error():
    text = ("本年支出合计{total}万元，其中：基本支出3000.00万元；项目支出1000.00万元。"
            "基本支出中，人员经费2400.00万元，人员经费占本年支出的{share}%。")
    assert errors(text.format(total="4000.00", share="60.00")) == []
    # the total wrong (4000 is the sum): reported once, at the total; 60% is right against the parts
    assert [c for c, _e in errors(text.format(total="4100.00", share="60.00"))] == ["TXT001"]
    # a share wrong against both is still reported
    assert sorted(c for c, _e in errors(text.format(total="4100.00", share="62.00"))) == ["TXT001", "TXT002"]


def test_an_execution_rate_named_by_the_budget_it_is_measured_on():
    text = ("全年预算数960.00万元（年初预算数800.00万元，年中追加160.00万元），实际执行912.00万元，"
            "按{stage}预算计算的执行进度为{rate}%。")
    assert errors(text.format(stage="全年", rate="95.00")) == []  # 912 ÷ 960
    assert errors(text.format(stage="年初", rate="114.00")) == []  # 912 ÷ 800
    # the words name one budget, the figure is over the other: the wrong denominator
    assert errors(text.format(stage="全年", rate="114.00")) == [("TXT005", "95.00%")]
    assert errors(text.format(stage="年初", rate="95.00")) == [("TXT005", "114.00%")]


def test_a_share_named_by_a_part_listed_with_a_figure_before_it_in_its_clause():
    text = ("2024年度本部门收入总计1250.00万元，由财政拨款收入1200.00万元和其他收入50.00万元两部分构成。\n\n"
            "从资金来源看，财政拨款收入占收入总计的{a}%，其他收入占{b}%。")
    assert errors(text.format(a="96.00", b="4.00")) == []
    assert errors(text.format(a="96.60", b="4.00")) == [("TXT002", "96.00%")]


def test_figures_in_brackets_after_their_names():
    # 年初预算(A)、全年预算(B): each named by the words before its bracket; 全年预算执行率 names the full budget
    text = "年初预算(2,000.00万元)，追加后全年预算(2,500.00万元)，全年实际支出2,400.00万元，全年预算执行率{rate}%。"
    assert errors(text.format(rate="96.00")) == []
    assert errors(text.format(rate="120.00")) == [("TXT005", "96.00%")]  # 2400 ÷ 2000: the other budget
    # 比上年(B万元)下降D万元，降幅R%: R = D ÷ B though this year's figure is in another sentence
    change = "会议费3.60万元。比上年(4.00万元)下降0.40万元，降幅{rate}%，主要是压减会议。"
    assert errors(change.format(rate="10.00")) == []
    assert errors(change.format(rate="11.11")) == [("TXT004", "10.00%")]


def test_subtotal_rows_of_a_score_table_are_no_indicators(tmp_path):
    from toolkit import lint

    table = ("| 一级指标 | 二级指标 | 分值 | 得分 |\n|---|---|---|---|\n"
             "| 决策（20分） | 目标设定 | 8 | 8 |\n| | 预算编制 | 12 | 11 |\n| | 小计 | 20 | 19 |\n"
             "| 产出（80分） | 产出数量 | 50 | 45 |\n| | 产出质量 | 30 | 28 |\n| | 小计 | 80 | {sub} |\n"
             "| 总分 | | 100 | 92 |\n")
    right, wrong = tmp_path / "right.md", tmp_path / "wrong.md"
    right.write_text("评分表如下。\n\n" + table.format(sub="73"), encoding="utf-8")
    wrong.write_text("评分表如下。\n\n" + table.format(sub="74"), encoding="utf-8")
    assert [f.code for f in lint(right).findings if f.severity == "error"] == []
    found = [f for f in lint(wrong).findings if f.severity == "error"]
    assert [(f.code, f.expected) for f in found] == [("TBL002", "73")]


def test_a_parts_own_list_after_its_share_runs_to_the_semicolon():
    # 其中A，占…，包括B和C；D: B and C are A's, the total is A + D
    text = ("基本支出500.00万元，其中人员经费420.00万元，占基本支出的84.00%，包括工资福利支出400.00万元和"
            "对个人和家庭的补助20.00万元；公用经费{d}万元，全部为商品和服务支出。")
    assert errors(text.format(d="80.00")) == []
    assert errors(text.format(d="70.00")) == [("TXT001", "490.00")]
