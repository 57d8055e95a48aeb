"""The classes lint missed or misread on a third hold-out (issue 11, third round), each with a wrong and a right
case: the wrong one gives exactly the expected error, the right one none. The sentences are written for these tests
in phrasings of their own (not those of tests/fixtures/claims/corpus3), so a test passes because the relation is read
by its meaning — last year's figure is no whole, parallel clauses are items, a total and the parts it is made of, a
change against last year's figure, a rate of quantities, scores and their sum, a table's rows — not by one wording."""
from __future__ import annotations

from pathlib import Path

from .test_kinds import errors, table_errors, tsv


# ---------------------------------------------------------------------------------------------------------------
# False errors of the hold-out: silence on true statements

def test_bracketed_base_after_a_rate_is_no_whole_of_the_next_parts():
    text = "本年度单位总支出3,120.00万元，同比下降4.00%（上年度3,250.00万元）。其中：人员经费2,020.00万元，公用经费{b}万元。"
    assert errors(text.format(b="1,100.00")) == []
    # the parts are checked against this year's total, not against the bracketed one
    assert errors(text.format(b="1,000.00")) == [("TXT001", "3020.00")]
    # the base in brackets after the figure itself, or after a change amount
    for other in ("本年度单位总支出3,120.00万元（上年度3,250.00万元），其中：人员经费2,020.00万元，公用经费1,100.00万元。",
                  "本年度单位总支出3,120.00万元，比上年减少130.00万元（上年3,250.00万元）。其中人员经费2,020.00万元，"
                  "公用经费1,100.00万元。",
                  "本年度单位总支出3,120.00万元，同比下降4.00%，上年3,250.00万元。其中人员经费2,020.00万元，公用经费1,100.00万元。"):
        assert errors(other) == []
    # last year's own breakdown is still checked
    assert errors("上年度单位总支出3,250.00万元，其中人员经费2,020.00万元，公用经费1,100.00万元。") == [("TXT001", "3120.00")]


def test_rate_against_the_bracketed_base():
    text = "全年“三公”经费支出36.00万元，比上年下降{r}（上年45.00万元）。"
    assert errors(text.format(r="20.00%")) == []
    assert errors(text.format(r="25.00%")) == [("TXT004", "20.00%")]


def test_parallel_clauses_separated_by_semicolons_are_counted():
    text = ("项目实施分{n}个阶段：县级统筹部署为启动阶段，明确任务；乡镇分片推进为攻坚阶段，完成主体工程；"
            "村组验收移交为收尾阶段，建立管护机制。")
    assert errors(text.format(n="三")) == []
    assert errors(text.format(n="四")) == [("TXT006", "3")]
    # clauses that are not visibly parallel: nothing is said either way
    assert errors("工作分两个方面：一方面加强培训，提升能力；同时压实责任，督促整改；最后总结经验。") == []
    # a 、-list ending at a ；, the next clause another statement: the list is counted as before
    assert errors("下设股室5个：综合股、规划股、执法股；另有事业单位2个。") == [("TXT006", "3")]


# ---------------------------------------------------------------------------------------------------------------
# Totals and their parts

def test_total_made_of_the_parts_after_you():
    text = "全年支出总额960.00万元，由工资福利支出520.00万元、商品和服务支出{b}万元及资本性支出90.00万元组成。"
    assert errors(text.format(b="350.00")) == []
    assert errors(text.format(b="340.00")) == [("TXT001", "950.00")]


def test_counts_split_by_class_or_level():
    text = "全县组建志愿服务小分队{n}支，其中县级小分队6支、镇级小分队19支、村级小分队47支。"
    assert errors(text.format(n="72")) == []
    assert errors(text.format(n="74")) == [("TXT001", "72")]
    # parts by any other feature may be only some of the total: nothing is said
    assert errors("收到作品74件，其中一等奖作品6件、二等奖作品19件、三等奖作品47件。") == []


def test_indicators_by_project_category():
    text = "整体绩效目标下设指标{n}个，其中人员类3个、运转类5个、特定目标类12个。"
    assert errors(text.format(n="20")) == []
    assert errors(text.format(n="21")) == [("TXT001", "20")]


# ---------------------------------------------------------------------------------------------------------------
# Changes and percentage points

def test_change_against_last_years_figure_in_the_sentence_before():
    text = "2022年全市接待游客1,250万人次。2023年全市接待游客1,400万人次，同比增长{r}。"
    assert errors(text.format(r="12.00%")) == []
    assert errors(text.format(r="11.00%")) == [("TXT004", "12.00%")]
    money = "上年度全县粮食产值6.40亿元。本年度粮食产值6.72亿元，比上年增长{r}。"
    assert errors(money.format(r="5.00%")) == []
    assert errors(money.format(r="5.50%")) == [("TXT004", "5.00%")]
    # a figure of two years before is no base of 比上年
    assert errors("2021年全县粮食产量10.2万吨。2023年全县粮食产量11.0万吨，比上年增长3.77%。") == []


def test_ten_thousands_units_are_read():
    text = "年度计划改造低产林3.2万亩，实际完成2.8万亩，完成率{r}。"
    assert errors(text.format(r="87.50%")) == []
    assert errors(text.format(r="85.70%")) == [("TXT005", "87.50%")]


def test_change_with_its_base_after_the_current_figure():
    text = "商品和服务支出412.50万元，比上年的375.00万元增长{r}，主要是物业费上涨。"
    assert errors(text.format(r="10.00%")) == []
    assert errors(text.format(r="11.00%")) == [("TXT004", "10.00%")]


def test_points_between_two_rates_from_and_to():
    text = "基本支出占总支出的比重从61.20%下降至58.70%，下降{p}个百分点。"
    assert errors(text.format(p="2.50")) == []
    assert errors(text.format(p="3.50")) == [("TXT004", "2.50")]


# ---------------------------------------------------------------------------------------------------------------
# Rates of quantities, scores

def test_coverage_among_a_whole_counted_first():
    text = "全镇48个行政村中已有45个建成村级综合服务站，覆盖率{r}。"
    assert errors(text.format(r="93.75%")) == []
    assert errors(text.format(r="95.83%")) == [("TXT005", "93.75%")]


def test_scores_listed_and_their_sum():
    text = "满意度指标3项分别获得4.5分、5分、4分，小计{t}分。"
    assert errors(text.format(t="13.5")) == []
    assert errors(text.format(t="14.5")) == [("TXT001", "13.5")]


# ---------------------------------------------------------------------------------------------------------------
# Tables in tab-separated text: a 合计 with two digits swapped, a rate column, the narrative against the table

def _report(total: str, rate: str, text_basic: str) -> str:
    rows = [["科目", "金额（万元）", "占比"], ["行政运行", "2,140.50", "58.00%"], ["一般行政管理事务", "1,550.00", "42.00%"],
            ["合计", total, "100%"]]
    rows2 = [["项目", "预算数", "执行数", "执行率"], ["基本支出", "3,000.00", "2,940.00", rate],
             ["项目支出", "800.00", "750.50", "93.81%"]]
    return (f"正文：本年基本支出{text_basic}万元，执行情况见表2。\n表1 支出构成\n" + tsv(rows) + "\n表2 预算执行\n"
            + tsv(rows2))


def test_tables_in_tab_separated_text(tmp_path: Path):
    assert table_errors(tmp_path, "ok.txt", _report("3,690.50", "98.00%", "2,940.00")) == set()
    got = table_errors(tmp_path, "bad.txt", _report("3,609.50", "89.00%", "2,490.00"))
    codes = sorted(c for c, *_ in got)
    assert [(e, f) for _c, _w, e, f in got if e == "3690.50" or f == "3,609.50"], got  # the swapped digits
    assert [(e, f) for _c, _w, e, f in got if f in ("89.00%", "89.00")], got  # the rate column
    assert [(e, f) for _c, _w, e, f in got if "2,490.00" in (e or "") + (f or "") or "2490" in (e or "") + (f or "")], got
    assert len(codes) == 3, got


def test_narrative_figure_against_the_table_row_of_the_same_name(tmp_path: Path):
    def report(text_figure: str) -> str:
        rows = [["项目", "决算数"], ["基本支出合计", "5,420.36"], ["人员经费", "4,310.16"], ["公用经费", "1,110.20"]]
        return f"本年度基本支出{text_figure}万元，保障了机构正常运转。\n表2 基本支出明细\n" + tsv(rows)

    assert table_errors(tmp_path, "ok.txt", report("5,420.36")) == set()
    got = table_errors(tmp_path, "bad.txt", report("5,480.36"))
    assert {(c, e, f) for c, _w, e, f in got} == {("TXT014", "5,420.36", "5,480.36万元")}
    # a figure far from the table's (another scope, another year) is not judged
    assert table_errors(tmp_path, "far.txt", report("6,890.10")) == set()
    # a stage the table's row does not show (年初预算 beside 全年预算 and 执行) is no mistyped figure
    stages = ("基本支出年初预算5,480.36万元，年中追加60.00万元，全年预算5,540.36万元。\n表2 基本支出明细\n"
              + tsv([["项目", "全年预算数"], ["基本支出", "5,420.36"]]))
    assert table_errors(tmp_path, "stages.txt", stages) == set()
