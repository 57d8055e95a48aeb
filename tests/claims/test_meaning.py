"""Readings by meaning, not by one phrasing (issue 11): each class of claim is tried in wordings written for these
tests, none of which appears in a hold-out, each with a wrong and a right case. A reading that fixed one hold-out's
sentence but not these would be a phrase, not a meaning."""
from __future__ import annotations

from decimal import Decimal

import pytest

from toolkit.claims import check_paragraphs


def errors(*texts: str) -> list[tuple[str, str | None]]:
    """(code, expected) of every error found in the paragraphs."""
    return [(i.code, i.expected) for _k, i in check_paragraphs(list(texts)) if i.severity == "error"]


def wrong_then_right(text: str, code: str, wrong: str, right: str, key: str, expected: str | None = None) -> None:
    """``text`` with ``wrong`` put in at ``{key}`` gives one error of ``code`` expecting ``expected`` (default
    ``right``); with ``right`` put in, none."""
    assert errors(text.format(**{key: wrong})) == [(code, right if expected is None else expected)]
    assert errors(text.format(**{key: right})) == []


# --- a count of indicators split by kind, 预算执行 among the kinds (DOMAIN §3: 执行率 + 产出 + 效益 + 满意度) -----------

@pytest.mark.parametrize("text, expected", [
    ("共设置三级指标{n}个，其中预算执行指标1个、产出指标7个、效益指标3个、满意度指标1个。", "12"),
    ("本年度自评指标体系含三级指标{n}项，其中预算执行类1项、产出类9项、效益类3项、满意度类2项。", "15"),
])
def test_indicator_kinds_with_budget_execution_make_up_the_count(text, expected):
    wrong = str(int(expected) - 1)  # the later kinds alone then make up the stated count: no other dimension
    wrong_then_right(text, "TXT001", wrong, expected, "n")


# --- a list whose number of items is stated: 分为N类 / 划分为N个层次 / N项合计 / 三者之和 ------------------------------

@pytest.mark.parametrize("text, total, right", [
    ("本年共办理行政许可事项{t}件，按办理方式分成两种：窗口办理98件、网上办理46件。", "146", "144"),
    ("全年培训基层干部{t}人次，划分为3个层次：县级骨干210人次、乡镇干部480人次、村级干部570人次。", "1,280", "1,260"),
    ("全年受理信访事项{t}件，分为四类：来信52件、来访61件、网上信访140件、电话信访37件。", "300", "290"),
])
def test_a_list_said_to_have_n_items_is_the_whole_of_its_total(text, total, right):
    assert errors(text.format(t=total)) == [("TXT001", right.replace(",", ""))]
    assert errors(text.format(t=right)) == []


@pytest.mark.parametrize("text, total, right", [
    ("项目支出主要由道路养护210.00万元、桥梁检测86.00万元组成，两项共计{t}万元。", "298.00", "296.00"),
    ("重点保障了差旅费3.20万元、会议费1.75万元、培训费4.05万元，三者之和为{t}万元。", "9.10", "9.00"),
    ("专项资金主要用于软件开发68.00万元和硬件采购52.50万元，以上两项合计{t}万元，占专项资金的80.00%。", "121.50", "120.50"),
])
def test_n_items_added_up_after_a_partial_list(text, total, right):
    wrong_then_right(text, "TXT001", total, right, "t")


def test_a_stated_number_of_items_that_is_not_the_number_listed_says_nothing():
    # 三类 with two figures listed: which one is missing is not known, and the parts are not the whole
    assert errors("全年实施项目23个，分为三类：生产类11个、建设类8个，其余为改革类。") == []
    # 两项合计 after three figures: the last two are added
    assert errors("其中差旅费3.20万元、会议费1.75万元、培训费4.05万元，后两项合计5.80万元。") == []


# --- parts said to be zero in words (均为0 / 未发生 / 为零) complete a set of parts --------------------------------

@pytest.mark.parametrize("text, total, right", [
    ("2024年“三公”经费决算数{t}万元，其中公务用车运行维护费8.30万元，公务接待费3.18万元，"
     "因公出国（境）费、公务用车购置费未发生。", "12.48", "11.48"),
    ("“三公”经费支出合计{t}万元，其中公务接待费1.02万元、公务用车运行维护费4.60万元，"
     "因公出国（境）费和公务用车购置费支出为零。", "5.72", "5.62"),
    ("本年支出合计{t}万元，其中基本支出1,204.30万元，项目支出无。", "1,240.30", "1204.30"),
])
def test_parts_said_to_be_zero_in_words_complete_the_parts(text, total, right):
    assert errors(text.format(t=total)) == [("TXT001", right)]
    assert errors(text.format(t=right.replace("1204.30", "1,204.30"))) == []


def test_a_zero_part_outside_the_set_leaves_the_list_partial():
    # 会议费 is no item of the 三公 set: the list is still two of its items, and may be partial
    assert errors("“三公”经费支出6.26万元，其中公务接待费1.86万元、公务用车运行维护费4.20万元，会议费为0。") == []


# --- last year's figure in brackets after this year's, then the rate --------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("公用经费支出86.40万元（上年度80.00万元），同比增长{r}。", "9.00%", "8.00%"),
    ("一般公共预算财政拨款收入3,150.00万元（去年为2,800.00万元），增长{r}。", "15.20%", "12.50%"),
    ("部门收入合计5,460.00万元（上年同期5,200.00万元），同比上升{r}，主要是人员增加。", "6.00%", "5.00%"),
])
def test_a_bracketed_last_year_figure_is_the_base_of_the_rate_after_it(text, wrong, right):
    wrong_then_right(text, "TXT004", wrong, right, "r")


# --- completion rate of counts: the figure beside a target (目标 / 计划 / 任务) is what was done -----------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("改造农村危房126户，年度计划140户，完成率{r}。", "92.00%", "90.00%"),
    ("全年举办技能培训班45期，计划40期，完成率{r}。", "110.50%", "112.50%"),
    ("本年度新增城镇就业岗位3,420个，目标任务3,600个，目标完成率{r}，主要受企业用工需求下降影响。", "96.00%", "95.00%"),
])
def test_a_completion_rate_is_the_figure_done_over_its_target(text, wrong, right):
    wrong_then_right(text, "TXT005", wrong, right, "r")


def test_a_completion_rate_with_two_figures_beside_the_target_says_nothing():
    assert errors("新建站点18个、改建站点6个，年度目标20个，完成率95.00%。") == []


# --- a bare share however it is worded: 占X% / 所占比例为X% / 所占比重为X% / 占比为X% / 所占份额为X% -------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("全年收入1,000.00万元，其中财政拨款800.00万元，所占比重为{r}；其他收入200.00万元，所占比重为20.00%。", "81.00%", "80.00%"),
    ("本年收入4,000.00万元。按资金来源分，财政拨款收入2,400.00万元，占比为60.00%；事业收入1,600.00万元，占比为{r}。",
     "41.00%", "40.00%"),
    ("本年支出合计500.00万元，其中人员经费300.00万元，所占份额为{r}，公用经费200.00万元。", "62.00%", "60.00%"),
])
def test_a_bare_share_is_of_the_total_however_worded(text, wrong, right):
    wrong_then_right(text, "TXT002", wrong, right, "r")


# --- an execution rate: what was spent (执行数 = 支出, DOMAIN §2) over the budget stage the words name -------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("年初预算为3,200.00万元，全年支出2,880.00万元，完成年初预算的{r}。", "92.00%", "90.00%"),
    ("本年度支出合计960.00万元。年初预算1,000.00万元，年中追加200.00万元，全年预算1,200.00万元；"
     "本年度支出合计完成全年预算的{r}。", "96.00%", "80.00%"),
    ("部门支出总额1,700.00万元，年初预算1,600.00万元，调整后预算2,000.00万元，支出总额完成年初预算的{r}。",
     "85.00%", "106.25%"),
])
def test_an_execution_rate_is_spending_over_the_named_budget(text, wrong, right):
    wrong_then_right(text, "TXT005", wrong, right, "r")


def test_a_part_of_the_budget_is_no_spending():
    # 基本支出 here is a part of the budget, not what was spent against it: nothing to judge
    assert errors("年初预算400.00万元，其中基本支出300.00万元，完成年初预算的90.00%。") == []


@pytest.mark.parametrize("budget, spent, wrong, right", [
    ("2024年部门年初预算2,500.00万元，年中调整增加500.00万元，全年预算3,000.00万元。", "全年支出2,700.00万元，完成年初预算的{r}。",
     "90.00%", "108.00%"),
    ("（一）预算编制。本年度年初预算数为800.00万元。", "（三）预算执行。支出合计760.00万元，完成年初预算的{r}。", "96.00%", "95.00%"),
])
def test_the_budget_of_an_execution_rate_may_be_given_in_another_paragraph(budget, spent, wrong, right):
    assert errors(budget, spent.format(r=wrong)) == [("TXT005", right)]
    assert errors(budget, spent.format(r=right)) == []
    # a part's spending is not measured against the department's budget
    assert errors(budget, "基本支出700.00万元，完成年初预算的50.00%。") == []


# --- an indicator described over two sentences: its weight and score, then its target, actual and method -------------

@pytest.mark.parametrize("text, wrong, right", [
    ("群众满意度指标权重8分，得分{s}分。该指标目标值95%，实际调查满意度为90%，按实际完成比例计分。", "7.52", "7.58"),
    ("培训覆盖率指标分值5分，自评得分{s}分。年度目标为100%，实际完成96%，按比例计分。", "4.50", "4.80"),
])
def test_an_indicator_described_over_two_sentences_is_scored_as_stated(text, wrong, right):
    assert errors(text.format(s=wrong)) == [("TXT008", right.rstrip("0"))]
    assert errors(text.format(s=right)) == []


def test_two_indicators_in_one_paragraph_are_not_mixed():
    # the second indicator's weight opens its own span: the first has no target of its own and is not judged
    text = ("甲指标分值5分，得分4.50分。乙指标分值5分，年度目标为100%，实际完成96%，得分4.80分，按比例计分。")
    assert errors(text) == []


# --- a whole named by another word for the total (总额 / 总数 / 合计 / 全部) is the same whole ------------------------

@pytest.mark.parametrize("first, text, wrong, right", [
    ("2024年度部门支出合计2,000.00万元，比上年增加100.00万元。", "培训支出300.00万元，占部门支出总额的{r}。", "16.00%", "15.00%"),
    ("本年收入总额为800.00万元。", "其中事业收入120.00万元，占收入合计的{r}，较上年持平。", "12.00%", "15.00%"),
])
def test_a_whole_named_with_another_total_word_is_found(first, text, wrong, right):
    assert errors(first, text.format(r=wrong)) == [("TXT002", right)]
    assert errors(first, text.format(r=right)) == []


# --- kinds of indicators listed after their count without 其中 ----------------------------------------------------

def test_kinds_listed_after_a_count_are_its_classes():
    text = "今年共设置三级绩效指标{n}项（预算执行率另计），产出指标5项，效益指标3项，满意度指标2项。"
    # 5 + 3 = 8, yet the kinds are the count's classes: no run of them counts along another dimension
    assert errors(text.format(n="8")) == [("TXT001", "10")]
    assert errors(text.format(n="10")) == []


# --- a clause opened by 此外 / 另外 / 另有 ends the list of parts before it (precision) ----------------------------

@pytest.mark.parametrize("text", [
    "本年收入1,000.00万元，其中财政拨款800.00万元、其他收入200.00万元；此外，代管资金300.00万元。",
    "全年支出500.00万元，其中基本支出320.00万元，项目支出180.00万元，另外代收代付60.00万元。",
    "共设置指标18个，其中产出指标10个、效益指标6个、满意度指标2个，另有共性指标3个。",
])
def test_a_figure_after_besides_is_no_part_of_the_total(text):
    assert errors(text) == []


def test_a_list_before_besides_is_still_judged():
    text = "本年收入1,000.00万元，其中财政拨款800.00万元、{name}{b}万元；此外，代管资金300.00万元。"
    assert errors(text.format(name="事业收入", b="150.00")) == []  # 其中 may list only some parts
    assert errors(text.format(name="其他收入", b="150.00")) == [("TXT001", "950.00")]  # …其他: all of them
    assert errors("全年支出500.00万元，其中基本支出320.00万元，项目支出170.00万元，另外代收代付60.00万元。") \
        == [("TXT001", "490.00")]


# --- names listed before 分别为, their figures after it, then their sum ---------------------------------------------

@pytest.mark.parametrize("text, total, right", [
    ("基本支出、项目支出分别为600.00万元和300.00万元，合计{t}万元。", "1,000.00", "900.00"),
    ("因公出国（境）费、公务用车运行维护费、公务接待费分别是0.00万元、6.40万元、1.20万元，共计{t}万元。", "7.80", "7.60"),
    ("人员经费和公用经费分别为420.00万元、87.00万元，二者合计{t}万元。", "517.00", "507.00"),
])
def test_figures_given_respectively_then_added_up(text, total, right):
    wrong_then_right(text, "TXT001", total, right, "t")


# --- percentages written in Chinese numerals ----------------------------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("本年支出合计1,000.00万元，其中基本支出600.00万元，占{r}，项目支出400.00万元。", "百分之六十五", "百分之六十"),
    ("共发现问题40个，已整改36个，整改完成率为{r}。", "百分之九十五", "百分之九十"),
])
def test_percentages_in_chinese_numerals_are_read(text, wrong, right):
    found = errors(text.format(r=wrong))
    assert len(found) == 1 and found[0][1] in ("60.00%", "90.00%", "60%", "90%")
    assert errors(text.format(r=right)) == []


# --- a rate whose act names both counts: the one done (实际/已) over the one to be done (应/计划/全县) -----------------

@pytest.mark.parametrize("text, wrong, right", [
    ("全县应接种儿童1,200人，实际接种1,152人，接种率{r}。", "97.00%", "96.00%"),
    ("本年度应参加培训人员250人，实际参训240人，参训率{r}。", "98.00%", "96.00%"),
])
def test_a_rate_whose_act_names_both_counts(text, wrong, right):
    wrong_then_right(text, "TXT005", wrong, right, "r")


# --- a whole named in words among figures whose names share its core: the exact name, and 总计 is not 合计 -----------

@pytest.mark.parametrize("text, wrong, right", [
    ("2023年收入总计1,500.00万元，其中本年收入1,200.00万元（财政拨款收入1,080.00万元，其他收入120.00万元），"
     "年初结转300.00万元。财政拨款收入占本年收入的比重为{r}。", "88.00%", "90.00%"),
    ("本年支出合计800.00万元，年末结转和结余200.00万元，支出总计1,000.00万元。项目支出320.00万元，占本年支出合计的{r}。",
     "32.00%", "40.00%"),
])
def test_a_named_whole_is_told_from_figures_of_the_same_core(text, wrong, right):
    wrong_then_right(text, "TXT002", wrong, right, "r")


def test_the_only_total_of_its_core_is_the_whole_whatever_its_total_word():
    text = "2023年支出总计5,000.00万元，其中：基本支出1,000.00万元，占总支出的{r}；项目支出4,000.00万元，占总支出的80.00%。"
    wrong, right = "21.00%", "20.00%"
    wrong_then_right(text, "TXT002", wrong, right, "r")


# --- a figure written before its name: X万元为基本支出 / X万元的人员经费 / X万元用于项目支出 -------------------------------

@pytest.mark.parametrize("text, total, right", [
    ("本年支出合计{t}万元，其中600.00万元为基本支出、300.00万元为项目支出。", "1,000.00", "900.00"),
    ("全年支出{t}万元，包括420.39万元的人员经费和87.41万元的公用经费。", "517.80", "507.80"),
    ("本年度支出{t}万元，其中2,150.00万元用于基本支出，1,320.50万元用于项目支出。", "3,570.50", "3470.50"),
])
def test_a_figure_before_its_name_is_named(text, total, right):
    assert errors(text.format(t=total)) == [("TXT001", right)]
    assert errors(text.format(t=right.replace("3470.50", "3,470.50"))) == []


# --- run-on sentences: each rate's terms are the figures after the rate before it --------------------------------

def test_two_completion_rates_of_the_same_figures():
    text = "年初预算2,400.00万元，调整后预算2,600.00万元，{a}2,470.00万元，完成调整后预算的95.00%，完成年初预算的{r}。"
    for a in ("全年支出", "支出决算"):
        assert errors(text.format(a=a, r="110.00%")) == [("TXT005", "102.92%")]
        assert errors(text.format(a=a, r="102.92%")) == []


def test_each_completion_rate_of_a_run_on_sentence_has_its_own_terms():
    text = ("本年度“三公”经费预算20.00万元，实际支出15.00万元，完成预算的75.00%，其中公务接待费预算5.00万元，"
            "支出4.00万元，完成预算的{r}。")
    assert errors(text.format(r="90.00%")) == [("TXT005", "80.00%")]
    assert errors(text.format(r="80.00%")) == []


# --- a rate after "N个X中已有M个…": M over N whatever the act is called ---------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("全市86所中小学中已有81所完成标准化建设，达标率{r}。", "95.00%", "94.19%"),
    ("全镇42个村中已有40个建成村级综合服务站，建站率{r}。", "96.00%", "95.24%"),
])
def test_a_rate_after_among_n_already_m(text, wrong, right):
    wrong_then_right(text, "TXT005", wrong, right, "r")


def test_a_surveyed_rate_after_among_n_is_not_a_ratio_of_them():
    assert errors("全市86所中小学中已有81所完成标准化建设，家长满意率为96.00%。") == []


# --- a grade written before its total score in the same sentence ---------------------------------------------------

@pytest.mark.parametrize("text, wrong, band, right", [
    ("经综合评价，本单位整体支出绩效自评结果为“{g}”，自评得分为88.60分。", "优秀", "良好", "良好"),
    ("本部门2024年度绩效评价等级为{g}，综合得分93.5分。", "良", "优秀", "优"),
])
def test_a_grade_before_its_score_is_checked(text, wrong, band, right):
    wrong_then_right(text, "TXT009", wrong, right, "g", expected=band)


# --- last year's figure named by its year (2022年 beside 2023年) is the base of the rate -----------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("2023年支出1,100.00万元，2022年支出1,000.00万元，增长{r}。", "11.00%", "10.00%"),
    ("2024年度部门收入合计860.00万元，2023年度部门收入合计800.00万元，同比上升{r}，主要是专项资金增加。", "8.00%", "7.50%"),
])
def test_a_figure_of_the_year_before_is_the_base(text, wrong, right):
    wrong_then_right(text, "TXT004", wrong, right, "r")


def test_a_figure_of_another_year_than_the_one_before_is_no_base():
    assert errors("2023年支出1,100.00万元，2021年支出1,000.00万元，增长11.00%。") == []


# --- the rate written before the difference: X，同比增长R%，增加D -------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("本年支出1,000.00万元，同比增长{r}，增加100.00万元。", "10.00%", "11.11%"),
    ("公用经费支出92.00万元，较上年下降{r}，减少8.00万元，主要是压减会议费。", "8.70%", "8.00%"),
])
def test_a_rate_written_before_its_difference(text, wrong, right):
    wrong_then_right(text, "TXT004", wrong, right, "r")


# --- the parts after 包含 / 分为, joined by 和 / 及 ------------------------------------------------------------------

@pytest.mark.parametrize("text, total, right", [
    ("全年支出{t}万元，包含人员经费418.20万元和公用经费96.80万元。", "525.00", "515.00"),
    ("部门预算支出{t}万元，分为基本支出1,320.00万元及项目支出2,480.00万元。", "3,900.00", "3800.00"),
])
def test_parts_after_contains_or_divided_into(text, total, right):
    assert errors(text.format(t=total)) == [("TXT001", right)]
    assert errors(text.format(t=right.replace("3800.00", "3,800.00"))) == []


def test_parts_named_mainly_stay_partial():
    assert errors("全年支出1,000.00万元，主要用于基本支出600.00万元和项目支出300.00万元。") == []


# --- a change against the budget: 比年初预算减少D / 较预算数B减少D ------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("“三公”经费支出8.00万元，比年初预算减少2.00万元，下降{r}。", "25.00%", "20.00%"),
    ("会议费决算12.60万元，较全年预算数14.00万元节约1.40万元，下降{r}。", "11.11%", "10.00%"),
])
def test_a_change_against_the_budget(text, wrong, right):
    wrong_then_right(text, "TXT004", wrong, right, "r")


# --- 约 ending a word (节约 / 签约) is no "about" -------------------------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("家庭医生签约服务目标5.00万人，实际签约4.60万人，签约率{r}。", "94.00%", "92.00%"),
    ("本年公用经费支出45.00万元，比上年节约5.00万元，下降{r}。", "11.11%", "10.00%"),
])
def test_a_word_ending_in_yue_is_no_approximation(text, wrong, right):
    assert len(errors(text.format(r=wrong))) == 1 and errors(text.format(r=wrong))[0][1] == right
    assert errors(text.format(r=right)) == []
    # 约 alone still means about: nothing is judged on an approximate figure
    assert errors(text.format(r=wrong).replace("签约4.60", "签约约4.60").replace("节约5.00", "节约约5.00")) == []


def test_each_rate_of_counts_of_a_run_on_sentence_has_its_own_terms():
    text = "全年计划培训1,200人次，实际培训1,260人次，完成率105.00%；计划开展宣传活动40场，实际开展36场，完成率{r}。"
    assert errors(text.format(r="92.00%")) == [("TXT005", "90.00%")]
    assert errors(text.format(r="90.00%")) == []


# --- a thing and its negation are all of it: 完成 / 未完成, 达标 / 未达标, 合格 / 不合格, 线上 / 线下 -----------------

@pytest.mark.parametrize("text, total, right", [
    ("年度绩效指标共{t}个，其中已完成17个、未完成3个。", "21", "20"),
    ("抽检农产品样品{t}批次，其中合格352批次、不合格6批次。", "360", "358"),
    ("全年开展业务培训{t}人次，其中线上培训620人次，线下培训350人次。", "1,000", "970"),
    ("参评的三级指标{t}个中，完全达成24个，部分达成3个，未达成1个。", "27", "28"),
])
def test_a_thing_and_its_negation_make_up_the_whole(text, total, right):
    wrong_then_right(text, "TXT001", total, right, "t")


def test_partly_and_not_without_the_whole_thing_stay_partial():
    assert errors("参评的三级指标30个中，部分达成3个，未达成1个。") == []


def test_a_count_named_not_done_is_no_numerator():
    text = "绩效指标共20个，其中完成18个、未完成2个，完成率{r}。"
    assert errors(text.format(r="95.00%")) == [("TXT005", "90.00%")]
    assert errors(text.format(r="90.00%")) == []


# --- a total in 亿元 over parts in 万元: only the total is rounded ---------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("本年支出合计{t}亿元，其中基本支出4,800.00万元，项目支出7,800.00万元。", "1.25", "1.26"),
    ("收入总额{t}亿元，其中财政拨款收入9,860.00万元、其他收入1,140.00万元。", "1.12", "1.10"),
])
def test_a_total_in_yi_over_parts_in_wan(text, wrong, right):
    found = errors(text.format(t=wrong))
    assert [code for code, _e in found] == ["TXT001"] and Decimal(found[0][1]) == Decimal(right)
    assert errors(text.format(t=right)) == []
    # 4,850 + 7,620 = 12,470万元, 1.25亿元 rounded: no error
    assert errors("本年支出合计1.25亿元，其中基本支出4,850.00万元，项目支出7,620.00万元。") == []


# --- a count opened by "从N个X的…看，" and split after it -----------------------------------------------------------

@pytest.mark.parametrize("text, total, right", [
    ("从{t}项三级指标的完成情况来看，全部完成20项，部分完成4项，未完成2项。", "25", "26"),
    ("从{t}个监测断面的水质看，达标41个、未达标3个。", "45", "44"),
])
def test_a_count_opened_by_looking_at_it(text, total, right):
    wrong_then_right(text, "TXT001", total, right, "t")


# --- names listed before 分别为 are the names of the figures after it, in order -------------------------------------

def test_names_before_respectively_name_the_figures_after():
    text = "全年收入1,000.00万元，财政拨款收入、事业收入和其他收入分别为800.00万元、150.00万元和50.00万元，分别占80.00%、15.00%和{r}。"
    assert errors(text.format(r="6.00%")) == [("TXT002", "5.00%")]
    assert errors(text.format(r="5.00%")) == []
    wrong = errors("本年支出1,000.00万元，基本支出、项目支出分别为600.00万元、400.00万元，占比分别为60.00%、45.00%。")
    assert wrong == [("TXT002", "40.00%")]
    from toolkit.claims.quantities import extract
    qs = extract("基本支出、项目支出和其他支出分别为600.00万元、300.00万元和100.00万元。")
    assert [q.label for q in qs] == ["基本支出", "项目支出", "其他支出"]
    # as many names as figures, or none is named that way
    qs = extract("基本支出、项目支出分别为600.00万元、300.00万元和100.00万元。")
    assert "项目支出" not in [q.label for q in qs[1:]]



# --- precision: true statements of these classes, in wordings of their own, say nothing ---------------------------

@pytest.mark.parametrize("text", [
    "全年支出3,200.00万元，其中基本支出1,200.00万元，占37.50%；项目支出2,000.00万元，占62.50%。与上年相比增加200.00万元，增长6.67%。",
    "2024年度收入合计2,150.00万元（上年2,000.00万元），增长7.50%，其中财政拨款收入2,000.00万元、其他收入150.00万元。",
    "本年度“三公”经费支出3.60万元，其中公务接待费0.80万元、公务用车运行维护费2.80万元，因公出国（境）费及公务用车购置费均未发生；较上年减少0.40万元，下降10.00%。",
    "全年共完成绩效指标25个，分为两类：定量指标18个、定性指标7个。",
    "全年组织执法检查320次，目标300次，完成率106.67%；检查发现问题48个，已整改45个，整改率93.75%。",
    "年初预算2,400.00万元，调整后预算2,600.00万元，全年支出2,470.00万元，完成调整后预算的95.00%，完成年初预算的102.92%。",
    "本次评价共设置三级指标16个，其中预算执行指标1个、产出指标9个、效益指标4个、满意度指标2个；完全达成14个，部分达成2个，未达成0个。",
    "人员经费、公用经费分别为520.00万元和80.00万元，两项合计600.00万元，占基本支出的100%。",
    "全年共有在职人员56人，其中男性30人、女性26人。",
    "全市74所学校中已有70所完成改造，改造率94.59%。",
    "综合评价结果为“优秀”，自评得分95.20分。",
    "部门支出总额4,000.00万元，其中800.00万元用于基本支出、3,200.00万元用于项目支出，项目支出占部门支出总额的80.00%。",
    "本年度培训支出节约2.00万元，实际支出18.00万元，较预算数20.00万元下降10.00%。",
    "全年采购金额1.26亿元，其中货物类4,800.00万元、工程类5,600.00万元、服务类2,200.00万元。",
    "本年度受理投诉案件128件，按期办结125件，按期办结率97.66%，未按期办结3件。",
    "从12个项目的实施情况看，已完工9个，在建3个。",
])
def test_true_statements_in_new_wordings_say_nothing(text):
    assert errors(text) == []


# --- money in 千元 (some provinces' tables and texts) -----------------------------------------------------------------

def test_money_in_thousands_of_yuan():
    text = "本年支出合计{t}千元，其中基本支出4,800千元，项目支出7,600千元。"
    assert errors(text.format(t="12,500")) == [("TXT001", "12400")]
    assert errors(text.format(t="12,400")) == []
    # 千元 against 万元: 1,240.00万元 is 12,400千元
    assert errors("本年支出合计1,250.00万元，其中基本支出4,800千元，项目支出7,600千元。") == [("TXT001", "1240")]


# --- 其中 after a figure that cannot be the total: the whole is the figure named by the split (DOMAIN §2) -------------

@pytest.mark.parametrize("text, total, right", [
    ("2024年本部门支出合计{t}万元，年末结转和结余512.40万元。其中基本支出1,862.30万元，项目支出2,407.70万元。",
     "4,300.00", "4270.00"),
    ("本年基本支出{t}万元，年初结转和结余26.00万元；其中人员经费980.00万元、公用经费140.00万元。", "1,130.00", "1120.00"),
])
def test_the_whole_of_a_named_split_when_the_nearest_figure_is_not_it(text, total, right):
    assert errors(text.format(t=total)) == [("TXT001", right)]
    assert errors(text.format(t=right[:-6] + "," + right[-6:] if len(right) > 6 else right)) == []


def test_a_split_with_no_figure_of_its_whole_says_nothing():
    assert errors("年末结转和结余512.40万元。其中基本支出1,862.30万元，项目支出2,407.70万元。") == []


@pytest.mark.parametrize("text, wrong, right", [
    ("2024年度一般公共预算财政拨款支出1,560.00万元（2023年为1,500.00万元），同比增长{r}。", "5.00%", "4.00%"),
    ("2024年部门收入总计980.00万元（2023年1,000.00万元），同比下降{r}。", "3.00%", "2.00%"),
])
def test_a_bracketed_figure_of_the_year_before_is_the_base(text, wrong, right):
    wrong_then_right(text, "TXT004", wrong, right, "r")
    # a bracketed year that is not the one before, or beside 本年 (whose year is not known), says nothing of the base
    assert errors(text.format(r=wrong).replace("2023年", "2021年")) == []
    assert errors(text.format(r=wrong).replace("2024年度", "本年度").replace("2024年", "本年")) == []


# --- "X，为B的R%": a figure as a percentage of another written inside the clause ---------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("全年完成固定资产投资4.5亿元，为年度计划5亿元的{r}。", "95.00%", "90.00%"),
    ("本年度支出1,100.00万元，为上年1,000.00万元的{r}。", "112.00%", "110.00%"),
    ("全年接待游客86.4万人次，相当于上年72万人次的{r}。", "125.00%", "120.00%"),
])
def test_a_figure_as_a_percentage_of_another(text, wrong, right):
    wrong_then_right(text, "TXT005", wrong, right, "r")


def test_a_percentage_of_a_whole_not_written_says_nothing_new():
    assert errors("全年完成投资4.5亿元，为年度计划的95.00%。") == []


# --- the figure reached written after its change and rate: 增加D，增长R%，达到X -----------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("本年支出比上年增加100.00万元，增长{r}，达到1,100.00万元。", "12.00%", "10.00%"),
    ("公用经费较上年减少12.00万元，下降{r}，降至108.00万元。", "11.11%", "10.00%"),
])
def test_the_figure_reached_after_its_change(text, wrong, right):
    wrong_then_right(text, "TXT004", wrong, right, "r")
