"""False errors of the fourth hold-out: a change or share written after a list, read as the last figure's.

A change after a 其中 list joined by 、 is the total's (the clause subject): (T − X) ÷ X, never the last part's.
``实际支出占预算的P%`` is the actual over the budget (TXT005), never one budget stage as a share of another."""
from __future__ import annotations

from pathlib import Path

from .test_kinds import errors, lint_text

LIST = "2023年机关“三公”经费支出9.60万元，其中公务接待费3.20万元、公务用车运行维护费{car}万元，较上年的{prev}万元{word}{rate}%。"


def test_a_change_after_a_qizhong_list_is_the_totals():
    # true: (9.60 − 12.00) ÷ 12.00 = −20%; the last part 6.40 against 12.00 would be −46.67%
    assert errors(LIST.format(car="6.40", prev="12.00", word="下降", rate="20.00")) == []
    # wrong: the total's rate is checked and reported as the total's
    assert errors(LIST.format(car="6.40", prev="12.00", word="下降", rate="25.00")) == [("TXT004", "20.00%")]
    # wrong direction of the total
    assert [c for c, _e in errors(LIST.format(car="6.40", prev="8.00", word="下降", rate="20.00"))] == ["TXT004"]


def test_a_zero_last_part_does_not_turn_the_totals_growth_into_a_decrease():
    text = ("检测所“三公”经费决算4.80万元，其中公务用车运行维护费4.80万元、因公出国（境）费0.00万元，"
            "较上年的4.00万元{word}20.00%。")
    assert errors(text.format(word="增长")) == []
    assert [c for c, _e in errors(text.format(word="下降"))] == ["TXT004"]


def test_a_change_and_a_difference_after_the_list():
    text = "差旅费支出30.00万元，其中市内交通费18.00万元、住宿费12.00万元，比上年减少6.00万元，下降{rate}%。"
    assert errors(text.format(rate="16.67")) == []  # 6 ÷ 36
    assert errors(text.format(rate="33.33")) == [("TXT004", "16.67%")]


def test_a_part_with_its_own_change_is_still_the_parts():
    # one part and its own change, not a 、 list: the part's rate is judged
    text = "“三公”经费支出9.60万元，其中公务接待费3.20万元，较上年的4.00万元下降{rate}%。"
    assert errors(text.format(rate="20.00")) == []
    assert errors(text.format(rate="30.00")) == [("TXT004", "20.00%")]


STAGES = "2023年“三公”经费年初预算{a}万元、全年预算{b}万元、实际支出{c}万元，实际支出占{whole}的{p}%。"


def test_an_execution_rate_after_budget_stages_is_actual_over_budget():
    # true over the full-year budget (12 ÷ 15) or over the initial one (12 ÷ 16) when both are stated
    assert errors(STAGES.format(a="16.00", b="15.00", c="12.00", whole="预算", p="80.00")) == []
    assert errors(STAGES.format(a="16.00", b="15.00", c="12.00", whole="预算", p="75.00")) == []
    # neither: which budget is meant cannot be told, nothing is said
    assert errors(STAGES.format(a="16.00", b="15.00", c="12.00", whole="预算", p="70.00")) == []
    # the stage named: checked against it
    assert errors(STAGES.format(a="16.00", b="15.00", c="12.00", whole="全年预算", p="70.00")) == [("TXT005", "80.00%")]
    # one budget only: checked against it
    assert errors("2023年“三公”经费全年预算15.00万元，实际支出12.00万元，实际支出占预算的70.00%。") == [("TXT005", "80.00%")]
    assert errors("2023年“三公”经费全年预算15.00万元，实际支出12.00万元，完成预算的80.00%。") == []


def test_the_fourth_corpus_report_reads_clean_but_for_its_planted_errors(tmp_path: Path):
    report = Path(__file__).resolve().parents[1] / "fixtures" / "claims" / "corpus4b" / "shiji_scj_2024.txt"
    found = lint_text(tmp_path, report.name, report.read_text(encoding="utf-8")).findings
    assert sorted((f.code, f.expected) for f in found if f.severity == "error") == [("TXT004", "10.00%"),
                                                                                    ("TXT005", "84.00%")]


def test_a_share_after_a_qizhong_list_is_the_totals():
    text = ("本年支出合计500.00万元，基本支出300.00万元。项目支出200.00万元，其中设备购置120.00万元、维修维护80.00万元，"
            "占本年支出合计的{p}%。")
    assert errors(text.format(p="40.00")) == []  # 200 ÷ 500; the last part would be 16.00%
    assert errors(text.format(p="45.00")) == [("TXT002", "40.00%")]


def test_a_change_whose_subject_cannot_be_told_is_left_alone():
    # true of the total 5.00 (+25%), wrong of the last part 3.00: which one is meant is not certain, nothing is said
    for text in ("本年支出5.00万元：人员经费2.00万元、公用经费3.00万元，较上年的4.00万元增长25.00%。",
                 "“三公”经费支出5.00万元，其中：公务接待费2.00万元；公务用车运行维护费3.00万元，较上年的4.00万元增长25.00%。",
                 "“三公”经费支出5.00万元（公务接待费2.00万元、公务用车运行维护费3.00万元），较上年的4.00万元增长25.00%。"):
        assert errors(text) == [], text
    # each part of a ；-list with its own change: the last part's is still checked
    assert errors("“三公”经费支出5.00万元，其中：公务接待费2.00万元，较上年的2.50万元下降20.00%；公务用车运行维护费"
                  "3.00万元，较上年的4.00万元下降30.00%。") == [("TXT004", "25.00%")]


NAMED = "全县教育经费总支出9.60亿元，其中义务教育支出6.40亿元、学前教育支出3.20亿元，义务教育支出同比增长{rate}%（上年6.00亿元）。"


def test_a_change_whose_clause_names_its_subject_is_that_parts():
    # the clause after the list names 义务教育支出: 6.40 ÷ 6.00 − 1 = 6.67%, not the total's (9.60 − 6.00) ÷ 6.00
    assert errors(NAMED.format(rate="6.7")) == []
    # a wrong rate is never reported as the total's (60.00%); lint may stay silent (the named part's figure is not
    # paired with its bracketed base yet), but what it says is the part's rate
    assert all(e == ("TXT004", "6.67%") for e in errors(NAMED.format(rate="9.7")))
