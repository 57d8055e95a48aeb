"""Readings by meaning, second round (issue 11): a figure a sentence relies on but does not write — a budget, a
spending figure, last year's figure, the part a share is of — carried from an earlier sentence of the paragraph by
its role (DOMAIN §2: 年初预算 / 调整预算 / 全年预算 / 决算 / 上年), and the 预算执行率 indicator's proportional score
(DOMAIN §3). Every wording is written for these tests (none is taken from a hold-out or from corpus6); each class
has a wrong and a right case, and the ambiguous forms say nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.claims import check_paragraphs

CORPUS6 = Path(__file__).resolve().parents[1] / "fixtures" / "claims" / "corpus6"


def errors(*texts: str) -> list[tuple[str, str | None]]:
    """(code, expected) of every error found in the paragraphs."""
    return [(i.code, i.expected) for _k, i in check_paragraphs(list(texts)) if i.severity == "error"]


def wrong_then_right(texts: tuple[str, ...], code: str, wrong: str, right: str, expected: str | None = None) -> None:
    """The paragraphs with ``wrong`` put in at ``{x}`` give one error of ``code`` expecting ``expected`` (default
    ``right``); with ``right`` put in, none."""
    assert errors(*(t.format(x=wrong) for t in texts)) == [(code, right if expected is None else expected)]
    assert errors(*(t.format(x=right) for t in texts)) == []


# --- a completion rate whose budget or spending figure is in an earlier sentence (DOMAIN §2: 执行率 = 执行 ÷ 预算) -----

@pytest.mark.parametrize("texts, wrong, right", [
    # the budget of the stage the rate names, a sentence before
    (("本年度调整预算为1,250.00万元。全年支出1,200.00万元，完成调整预算的{x}。",), "98.00%", "96.00%"),
    (("单位年初预算数为620.00万元，年中未作调整。当年支出决算651.00万元，为年初预算的{x}。",), "105.50%", "105.00%"),
    # the spending named in the rate's own clause, given in another paragraph; the budget a sentence before
    (("本年部门支出合计900.00万元。", "年中追加预算100.00万元后，调整后预算为1,000.00万元。部门支出完成调整后预算的{x}。"),
     "80.00%", "90.00%"),
    # the spending a sentence before, named by its role (支出决算 / 决算数) in the rate's clause
    (("全年支出决算2,400.00万元。该项支出年初预算为2,000.00万元，决算数占年初预算的{x}。",), "102.00%", "120.00%"),
    # both the budget and the spending in earlier sentences, the rate's clause naming only roles
    (("全年预算为500.00万元。全年支出决算为450.00万元。决算数占全年预算的{x}。",), "95.00%", "90.00%"),
    # the budget named by the writer's own office (县档案馆年初预算): the department's, as 本年支出 is
    (("县档案馆年初预算为300.00万元。全年支出270.00万元，完成年初预算的{x}。",), "95.00%", "90.00%"),
    # a fund's spending (政府性基金预算…支出) referred back to by 该项支出
    (("本年政府性基金预算财政拨款支出88.00万元。该项支出调整预算为110.00万元，执行数占调整预算的{x}。",),
     "88.00%", "80.00%"),
])
def test_a_completion_rate_takes_its_budget_or_spending_from_an_earlier_sentence(texts, wrong, right):
    wrong_then_right(texts, "TXT005", wrong, right)


def test_a_fund_named_budget_is_spending_not_a_budget_stage():
    # 一般公共预算财政拨款支出 is spending from a fund (DOMAIN §2), not a 预算 figure
    text = "本年一般公共预算财政拨款支出720.00万元，年初预算为600.00万元，全年预算为800.00万元，完成全年预算的{x}。"
    wrong_then_right((text,), "TXT005", "120.00%", "90.00%")


@pytest.mark.parametrize("texts", [
    # two budgets of that stage before: which one is meant cannot be told
    ("基本支出年初预算300.00万元，项目支出年初预算200.00万元。全年支出450.00万元，完成年初预算的80.00%。",),
    # the budget before is another subject's (项目支出) than the spending the rate is of
    ("项目支出年初预算200.00万元。基本支出280.00万元，完成年初预算的90.00%。",),
    # two spending figures before: the rate's clause does not say which
    ("基本支出300.00万元，项目支出200.00万元。年初预算为520.00万元，决算数占年初预算的50.00%。",),
])
def test_an_earlier_figure_is_not_used_when_its_role_is_ambiguous(texts):
    assert errors(*texts) == []


# --- a sentence opening with its comparison (较上年B下降R%): the subject is the figure of the sentence before -------

@pytest.mark.parametrize("texts, wrong, right", [
    (("本年商品和服务支出96.00万元。较上年120.00万元下降{x}，主要是会议费压减。",), "25.00%", "20.00%"),
    (("2024年培训干部1,320人次。与上年的1,200人次相比增长{x}。",), "11.00%", "10.00%"),
    (("公务接待费年初预算5.00万元，实际支出4.20万元，完成预算的84.00%。比去年3.50万元增长{x}。",), "2.00%", "20.00%"),
])
def test_a_comparison_opening_a_sentence_is_of_the_figure_before_it(texts, wrong, right):
    wrong_then_right(texts, "TXT004", wrong, right)


@pytest.mark.parametrize("texts, wrong, right", [
    (("全年差旅费18.00万元。与上年的20.00万元相比，减少{x}万元，下降10.00%。",), "3.00", "2.00"),
])
def test_a_comparison_opening_a_sentence_with_a_difference_checks_the_difference(texts, wrong, right):
    wrong_then_right(texts, "TXT004", wrong, right)


@pytest.mark.parametrize("texts", [
    # two figures before: whose change it is cannot be told
    ("基本支出300.00万元，项目支出180.00万元。较上年250.00万元下降20.00%。",),
    # the figure before is in another paragraph: no carried subject across paragraphs
    ("本年商品和服务支出96.00万元。", "较上年120.00万元下降25.00%。"),
])
def test_a_comparison_opening_a_sentence_says_nothing_when_its_subject_is_ambiguous(texts):
    assert errors(*texts) == []


# --- the 预算执行率 indicator: score = weight × rate (DOMAIN §3), at most the weight ----------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("预算执行率指标（权重10分）：全年预算800.00万元，执行760.00万元，执行率95.00%，得分{x}分。", "9.05", "9.50"),
    ("预算执行率满分10分，实际执行率为88.40%，按比例计得{x}分。", "8.48", "8.84"),
    ("预算执行情况（分值5分）：预算执行率96.00%，得{x}分。", "4.60", "4.80"),
    ("“预算执行率”指标分值为15分。全年预算执行率为92.00%，该项得分{x}分。", "13.20", "13.80"),
])
def test_the_execution_rate_indicator_scores_its_weight_times_the_rate(text, wrong, right):
    wrong_then_right((text,), "TXT008", wrong, right)


@pytest.mark.parametrize("text", [
    # a region's own rule (a full mark above a threshold, a deduction per point): not the proportional rule
    "预算执行率（10分）：执行率达到95%及以上得满分，执行率96.20%，得10分。",
    "预算执行率（10分）：每低于100%一个百分点扣0.2分，执行率96.00%，得9.20分。",
    # over 100 %: rules differ (capped, or a deduction for over-spending); only a score above the weight is wrong
    "预算执行率（10分）：执行率104.00%，得分9.60分。",
    # the score rounded either way to two decimals (9.755 → 9.76 or 9.75)
    "预算执行率（10分）：执行率97.55%，得分9.75分。",
    "预算执行率（10分）：执行率97.55%，得分9.76分。",
])
def test_the_execution_score_says_nothing_under_another_rule(text):
    assert errors(text) == []


# --- rates of counts: the count done after a time phrase (截至…已整改) ---------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("巡察反馈问题15个，截至报告日已整改12个，整改完成率{x}。", "85.00%", "80.00%"),
    ("去年评价指出问题8个，截止目前已整改完毕6个，问题整改率{x}。", "70.00%", "75.00%"),
])
def test_a_count_done_after_a_time_phrase_is_the_numerator(text, wrong, right):
    wrong_then_right((text,), "TXT005", wrong, right)


# --- a share named by its part, the part's figure in the sentence before -------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("本年新招录人员40人，其中硕士研究生10人、本科生30人。本科生占新招录人员的{x}。", "70.00%", "75.00%"),
    ("全年办理行政复议案件64件，其中维持48件、撤销16件。维持的案件占全部案件的{x}。", "57.00%", "75.00%"),
])
def test_a_share_named_by_its_part_takes_the_parts_figure_from_the_sentence_before(text, wrong, right):
    wrong_then_right((text,), "TXT002", wrong, right)


def test_a_share_of_money_takes_the_listed_total_only_under_its_very_name():
    # 全部支出 is not 基本支出, whose 其中 list the part is in: the whole is not known, nothing is said
    assert errors("基本支出800.00万元，其中人员经费600.00万元、公用经费200.00万元。公用经费占全部支出的10.00%。") == []
    text = "（二）项目支出500.00万元，其中培训费100.00万元、设备购置400.00万元。培训费占项目支出的{x}。"
    wrong_then_right((text,), "TXT002", "25.00%", "20.00%")


def test_a_share_of_a_part_named_twice_before_says_nothing():
    assert errors("本科生30人，研究生10人。上年本科生20人。本科生占新招录人员的75.00%。") == []


# --- corpus6: written before the engine change, measured in bench/README.md ----------------------------------------

def test_corpus6_sidecars_are_well_formed():
    sides = sorted(CORPUS6.glob("*.truth.json"))
    assert len(sides) >= 6
    import json
    for side in sides:
        truth = json.loads(side.read_text(encoding="utf-8"))
        stem = side.name[:-len(".truth.json")]
        report = next(p for p in CORPUS6.iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".json"))
        text = report.read_text(encoding="utf-8")
        assert len(truth["true_claims"]) >= 3 * len(truth["errors"])
        for e in truth["errors"] + truth["true_claims"]:
            assert e["quote"] in text, (report.name, e["quote"])


# --- grades against the bands the report states for itself (DOMAIN §3's bands where it states none) ---------------

OWN_BANDS = "综合评分80分（含）以上为优秀，70分（含）至80分为良好，60分（含）至70分为合格，60分以下为不合格。"


def test_a_grade_is_judged_by_the_bands_the_report_states():
    assert errors(OWN_BANDS, "本单位自评得分83.00分，评价等级为“优秀”。") == []
    assert errors(OWN_BANDS, "本单位自评得分78.50分，评价等级为“优秀”。") == [("TXT009", "良好")]
    bracketed = "自评等级划分为：优（85分及以上）、良（75分至85分）、中（60分至75分）、差（60分以下）。"
    assert errors(bracketed, "自评得分82.40分，等级为“优”。") == [("TXT009", "良好")]
    assert errors(bracketed, "自评得分82.40分，等级为“良”。") == []


def test_bands_stated_twice_differently_leave_the_grade_unjudged():
    other = "综合评分85分（含）以上为优秀，75分（含）至85分为良好。"
    assert errors(OWN_BANDS, other, "自评得分82.00分，等级为“优秀”。") == []


# --- a rate of counts whose whole names the act as a thing asked for (整改通知书) before what was done ----------------

def test_the_count_asked_for_before_the_count_done_is_the_whole():
    text = "发放整改通知书40份，已按期整改36份，整改率{x}。"
    wrong_then_right((text,), "TXT005", "92.00%", "90.00%")
    # what is still under way is no whole of what was done
    assert errors("已整改10个，正在整改2个，整改率83.33%。") == []


# --- 本年较上年增长R% after a sentence giving last year's figure: this year's is the one under the same name ---------

def test_this_year_against_last_years_figure_in_the_sentence_before():
    texts = ("全年培训经费50.00万元，主要用于业务骨干轮训。", "上年培训经费为40.00万元。本年较上年增长{x}。")
    wrong_then_right(texts, "TXT004", "20.00%", "25.00%")
    # two figures of last year before: which one the rate is of cannot be told
    assert errors("全年培训经费50.00万元，差旅费8.00万元。", "上年培训经费为40.00万元，差旅费为9.00万元。本年较上年增长20.00%。") == []


# --- last year's figure in the clause after the rate (…，较上年下降R%，上年为B万元) ------------------------------------

def test_last_years_figure_in_the_clause_after_the_rate_is_the_base():
    text = "差旅费12.00万元，较上年下降{x}，上年为15.00万元，主要是压减出差。"
    wrong_then_right((text,), "TXT004", "25.00%", "20.00%")
    # the direction written against the figures: the word is wrong
    assert [c for c, _e in errors("差旅费12.00万元，较上年增长20.00%，上年为15.00万元。")] == ["TXT004"]
    assert [c for c, _e in errors("差旅费12.00万元，较上年增长20.00%（上年15.00万元）。")] == ["TXT004"]


def test_a_rate_naming_its_own_subject_after_a_list_is_not_the_last_items():
    # 基本支出同比增长…（上年B）: the rate is 基本支出's, not 项目支出's (the figure right before it)
    assert errors("部门支出合计90.00万元，其中基本支出60.00万元、项目支出30.00万元，基本支出同比增长20.00%（上年50.00万元）。") == []


# --- a list whose last part is open-ended (初级及以下) names every part of its total -------------------------------------

def test_a_list_closed_by_an_open_ended_part_is_complete():
    text = "专业技术人员{x}人，其中高级职称12人、中级职称20人、初级及以下8人。"
    wrong_then_right((text,), "TXT001", "42", "40")
    # two open ends (35岁以下, 50岁以上) leave the middle out: the list is partial
    assert errors("在职人员80人，其中35岁以下20人、50岁以上30人。") == []


def test_the_execution_score_from_the_budget_and_spending_when_no_rate_is_written():
    text = "预算执行率指标分值10分，全年预算数2,000.00万元，全年执行数1,880.00万元，得分{x}分。"
    wrong_then_right((text,), "TXT008", "9.80", "9.40")
    # only the 年初预算 written: the rate's budget (全年预算, DOMAIN §2) is not known
    assert errors("预算执行率指标分值10分，年初预算2,000.00万元，全年执行数1,880.00万元，得分9.80分。") == []
