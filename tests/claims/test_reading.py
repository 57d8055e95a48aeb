"""The classes lint missed or misread on hold-out reports (issue 11, second round), each with a wrong and a right
case: the wrong one gives exactly the expected error, the right one none. The sentences are written for these tests
in phrasings of their own (not those of tests/fixtures/claims/corpus2), so a test passes because the relation is
read by its meaning — a whole and its parts, a share, a change and its base, a rate of counts — not by one wording."""
from __future__ import annotations

from .test_kinds import errors


# ---------------------------------------------------------------------------------------------------------------
# Shares after a grouping phrase: the whole is the total stated before, or the sum of the parts

def test_shares_after_grouping_phrase_of_the_total_before():
    text = "本年收入合计2,500.00万元。按收入来源分，财政拨款收入2,000.00万元，占{a}；事业收入500.00万元，占20.00%。"
    assert errors(text.format(a="82.00%")) == [("TXT002", "80.00%")]
    assert errors(text.format(a="80.00%")) == []


def test_shares_after_grouping_phrase_whole_in_another_paragraph():
    total = "2023年度本单位支出合计800.00万元。"
    text = "按支出性质分，基本支出600.00万元，占75.00%；项目支出200.00万元，占{b}。"
    assert errors(total, text.format(b="52.00%")) == [("TXT002", "25.00%")]
    assert errors(total, text.format(b="25.00%")) == []
    # both shares wrong against the parts' sum: the parts themselves may be mistyped, nothing is said
    assert errors(total, "按支出性质分，基本支出610.00万元，占75.00%；项目支出200.00万元，占25.00%。") == []


# ---------------------------------------------------------------------------------------------------------------
# Rates of counts named by their act

def test_rate_of_counts_with_a_planned_and_an_actual_count():
    text = "应抽检餐饮单位240户，实际抽检228户，抽检覆盖率{r}。"
    assert errors(text.format(r="96%")) == [("TXT005", "95.00%")]
    assert errors(text.format(r="95%")) == []


def test_rate_abbreviating_the_act_of_its_numerator():
    text = "辖区在用电梯1,520台，定期检验1,488台，定检率{r}。"
    assert errors(text.format(r="98.89%")) == [("TXT005", "97.89%")]
    assert errors(text.format(r="97.89%")) == []


def test_coverage_of_a_population():
    text = "辖区内餐饮单位共600家，检查餐饮单位120家，覆盖率{r}。"
    assert errors(text.format(r="25%")) == [("TXT005", "20.00%")]
    assert errors(text.format(r="20%")) == []
    assert errors("全县企业600家，检查120家，合格率95%。") == []  # 合格率 is of the checked ones: no numerator given


def test_survey_rate_beside_counts_is_not_their_ratio():
    assert errors("计划培训40场，实际培训36场，参训人员1,200人，培训满意率98%。") == []


# ---------------------------------------------------------------------------------------------------------------
# Complete sets, indicator counts, ；-lists, open count units

def test_complete_set_in_the_sentence_after_its_total():
    text = "全县医保基金支出合计5,300.00万元。职工医保基金支出2,100.00万元、城乡居民医保基金支出{b}万元。"
    assert errors(text.format(b="3,300.00")) == [("TXT001", "5400.00")]
    assert errors(text.format(b="3,200.00")) == []
    # parts of another year are not this year's parts
    assert errors("2023年医保基金支出合计5,300.00万元。2022年职工医保2,000.00万元、居民医保3,000.00万元。") == []


def test_complete_set_in_the_paragraph_after_its_total():
    total = "（三）医保基金支出。全县基本医疗保险基金支出合计5,300.00万元。"
    text = "职工医保基金支出2,100.00万元、城乡居民医保基金支出{b}万元。"
    assert errors(total, text.format(b="3,300.00")) == [("TXT001", "5400.00")]
    assert errors(total, text.format(b="3,200.00")) == []
    # a total whose parts are in its own paragraph is not the total of the next paragraph's list
    own = "职工医保2,000.00万元、城乡居民医保3,300.00万元。两项合计5,300.00万元。"
    assert errors(own, "职工医保2,000.00万元、城乡居民医保3,000.00万元。") == []


def test_complete_set_before_its_total():
    text = "职工医保参保4,200人、城乡居民医保参保{b}人。两项合计46,000人。"
    assert errors(text.format(b="41,900")) == [("TXT001", "46100")]
    assert errors(text.format(b="41,800")) == []


def test_indicator_counts_opened_by_among():
    text = "效益指标10个中，经济效益指标3个、社会效益指标{b}个、生态效益指标2个。"
    assert errors(text.format(b="6")) == [("TXT001", "11")]
    assert errors(text.format(b="5")) == []
    assert errors(text.format(b="4")) == []  # fewer: the kinds named may be only some of them (可持续影响 …)


def test_semicolon_list_with_zero_items_and_its_total():
    text = "培训费0元；会议费3.20万元；差旅费0元；办公费{b}万元；合计8.60万元。"
    assert errors(text.format(b="5.60")) == [("TXT001", "8.80")]
    assert errors(text.format(b="5.40")) == []


def test_counts_in_physical_units():
    text = "全年收集病例报告{a}例、疑似病例报告40例，合计360例。"
    assert errors(text.format(a="330")) == [("TXT001", "370")]
    assert errors(text.format(a="320")) == []


# ---------------------------------------------------------------------------------------------------------------
# Changes measured from a base written after 比/较, and percentage points

def test_change_with_the_base_after_bi():
    text = "商品和服务支出86.20万元，比2022年度92.70万元减少{d}万元，下降7.01%。"
    assert errors(text.format(d="6.50")) == []  # 92.70 is the base, not this year's figure
    assert errors(text.format(d="5.50")) == [("TXT004", "6.50")]
    assert errors("商品和服务支出86.20万元，比2022年度92.70万元减少6.50万元，下降7.50%。") == [("TXT004", "7.01%")]


def test_the_base_of_a_change_is_no_part():
    text = "基本支出800.00万元，其中人员经费600.00万元，较上年的550.00万元增长{r}。"
    assert errors(text.format(r="9.09%")) == []  # 550.00 is last year's 人员经费, not a second part of 基本支出
    assert errors(text.format(r="9.90%")) == [("TXT004", "9.09%")]


def test_growth_rate_against_the_base_after_jiao():
    text = "公用经费138.00万元，较上年的120.00万元增长{r}。"
    assert errors(text.format(r="13.00%")) == [("TXT004", "15.00%")]
    assert errors(text.format(r="15.00%")) == []


def test_percentage_points_are_no_percent():
    assert errors("预算执行率95.6%，同比下降3.2个百分点。") == []  # no base given: nothing to judge
    text = "政府采购中小企业份额由上年的62.5%提高到68.0%，提高{p}个百分点。"
    assert errors(text.format(p="6.5")) == [("TXT004", "5.5")]
    assert errors(text.format(p="5.5")) == []
    # a rate after ； is another statement
    assert errors("覆盖率100%；普及率较上年的91.2%提高2.3个百分点，达到93.5%。") == []


# ---------------------------------------------------------------------------------------------------------------
# Shares of the whole they name, across items and after 上述N类

def test_share_of_the_named_whole_not_the_item_before():
    first = "本年收入合计6,000.00万元，其中事业收入2,000.00万元，其他收入4,000.00万元。"
    text = "事业收入中，门诊收入1,200.00万元，占事业收入的60.00%；住院收入800.00万元，占事业收入的{s}。"
    assert errors(first, text.format(s="40.00%")) == []
    assert errors(first, text.format(s="66.67%")) == [("TXT002", "40.00%")]


def test_a_part_with_its_own_semicolon_list_of_parts():
    text = ("本年收入合计6,000.00万元，其中财政拨款收入3,500.00万元，占58.33%；事业收入2,000.00万元，占33.33%，其中："
            "门诊收入1,200.00万元，占事业收入的60.00%；住院收入800.00万元，占事业收入的40.00%；其他收入500.00万元，占{o}。")
    assert errors(text.format(o="8.33%")) == []  # 门诊 + 住院 make up 事业收入; 其他收入 is a part of the total again
    assert errors(text.format(o="8.93%")) == [("TXT002", "8.33%")]


def test_share_of_a_function_class_named_with_its_level():
    first = "本年支出合计2,000.00万元。"
    text = "城乡社区支出（类）1,494.80万元，占本年支出合计的{s}。"
    assert errors(first, text.format(s="74.74%")) == []
    assert errors(first, text.format(s="77.47%")) == [("TXT002", "74.74%")]
    # a whole the document does not give: silence
    assert errors("住房改革支出（款）60.00万元，占住房保障支出的8.03%。") == []


def test_respective_shares_of_a_list_stated_before():
    first = "本年支出合计1,000.00万元，其中基本支出400.00万元，项目支出600.00万元。"
    text = ("基本支出中，工资福利支出300.00万元、商品和服务支出60.00万元、对个人和家庭的补助40.00万元。"
            "以上三类分别占基本支出的75.00%、15.00%、{c}。")
    assert errors(first, text.format(c="10.00%")) == []
    assert errors(first, text.format(c="4.00%")) == [("TXT002", "10.00%")]
    # the count named does not match the shares listed: not read
    assert errors(first, text.replace("以上三类", "以上四类").format(c="4.00%")) == []


# ---------------------------------------------------------------------------------------------------------------
# Other wordings of the same relations

def test_grouping_phrase_from_a_point_of_view():
    text = "2023年本局支出总额2,000.00万元。从支出结构看，基本支出800.00万元，占比40.00%；项目支出1,200.00万元，占比{b}。"
    assert errors(text.format(b="66.00%")) == [("TXT002", "60.00%")]
    assert errors(text.format(b="60.00%")) == []


def test_rate_written_as_a_proportion():
    text = "全县设监测点位60个，已完成监测58个，完成比例{r}。"
    assert errors(text.format(r="98.67%")) == [("TXT005", "96.67%")]
    assert errors(text.format(r="96.67%")) == []


def test_base_in_brackets():
    text = "一般公共服务支出58.36万元，比上年（62.40万元）减少{d}万元。"
    assert errors(text.format(d="5.04")) == [("TXT004", "4.04")]
    assert errors(text.format(d="4.04")) == []


def test_complete_set_in_the_sentence_of_its_total_without_qizhong():
    text = "共设置绩效指标20个，产出指标12个、效益指标{b}个、满意度指标3个。"
    assert errors(text.format(b="6")) == [("TXT001", "21")]
    assert errors(text.format(b="5")) == []
    text = "2023年支出合计1,262.18万元，基本支出828.76万元，项目支出{b}万元。"
    assert errors(text.format(b="443.42")) == [("TXT001", "1272.18")]
    assert errors(text.format(b="433.42")) == []
    # the first part of a grouping is no total of the parts after it
    assert errors("按资金来源分，财政拨款资金8,205.36万元，上级补助资金386.99万元，其他资金40.00万元。") == []


def test_respective_shares_of_a_list_in_the_same_sentence():
    first = "基本支出400.00万元，其中工资福利支出300.00万元、商品和服务支出60.00万元、对个人和家庭的补助40.00万元。"
    text = "工资福利支出300.00万元、商品和服务支出60.00万元、对个人和家庭的补助40.00万元，上述三类分别占基本支出的75.00%、15.00%、{c}。"
    assert errors(first, text.format(c="4.00%")) == [("TXT002", "10.00%")]
    assert errors(first, text.format(c="10.00%")) == []
