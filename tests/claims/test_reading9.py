"""Readings by meaning, round 12 (issue 11, prose): when a list of parts is the whole of its total (administrative
levels down to the village, the sources of income, a count written in two count words), the budget an execution
rate is measured on (DOMAIN §2: 执行数 ÷ 全年预算数), the score of each 一级 kind against the total score (DOMAIN §3),
a change stated after last year's figure in its own sentence, a bare share in a list after one naming its whole,
the 决算 of items whose 预算 is written beside it, and long Chinese numerals. Every wording here is written for these
tests (none is taken from a hold-out or from corpus8); each class has a wrong and a right case, linted as a real
file, and the forms whose reading is ambiguous say nothing."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from toolkit import lint

ROOT = Path(__file__).resolve().parents[2]
CORPUS8 = ROOT / "tests" / "fixtures" / "claims" / "corpus8"


def errors(tmp_path: Path, text: str, name: str = "r.txt") -> list[tuple[str, str | None]]:
    """(code, expected) of every error lint finds in ``text`` written to a real file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(f.code, f.expected) for f in lint(path).findings if f.severity == "error"]


def wrong_then_right(tmp_path: Path, text: str, code: str, wrong: str, right: str, expected: str | None = None,
                     name: str = "r.txt") -> None:
    assert errors(tmp_path, text.replace("{x}", wrong), name) == [(code, right if expected is None else expected)]
    assert errors(tmp_path, text.replace("{x}", right), name) == []


# --- 1. long Chinese numerals: one number, however many characters (一千九百八十六, 一百一十九) -------------------

def test_a_long_chinese_numeral_is_one_number(tmp_path):
    text = "全年开展入户走访一千三百零六人次，计划一千二百人次，完成率{x}。\n"
    assert errors(tmp_path, text.replace("{x}", "108.83%")) == []
    assert errors(tmp_path, text.replace("{x}", "118.83%")) == [("TXT005", "108.83%")]


def test_a_chinese_percentage_of_counts(tmp_path):
    text = "应参加轮训的网格员四百一十五人，实际参训三百九十八人，参训率{x}。\n"
    assert errors(tmp_path, text.replace("{x}", "百分之九十五点九")) == []
    found = errors(tmp_path, text.replace("{x}", "百分之九十三点九"))
    assert [c for c, _e in found] == ["TXT005"] and found[0][1].startswith("95.9")


# --- 2. counts by administrative level: complete when the levels run down to the village ------------------------

LEVELS = "全县共建成新时代文明实践阵地{x}个，其中县级中心1个、乡镇级实践所17个、村级实践站268个。\n"


def test_counts_by_level_down_to_the_village_are_the_whole(tmp_path):
    wrong_then_right(tmp_path, LEVELS, "TXT001", "288", "286", expected="286")


def test_counts_by_level_in_chinese_numerals(tmp_path):
    text = "全县共建成新时代文明实践阵地{x}个，其中县级中心一个、乡镇级实践所十七个、村级实践站二百六十八个。\n"
    wrong_then_right(tmp_path, text, "TXT001", "二百八十八", "二百八十六", expected="286")


def test_levels_named_by_their_own_nouns(tmp_path):
    text = "全旗共有便民服务站点{x}个，其中苏木镇服务大厅9个、嘎查村服务站73个。\n"
    wrong_then_right(tmp_path, text, "TXT001", "84", "82", expected="82")


def test_levels_that_stop_short_of_the_village_or_skip_one_say_nothing(tmp_path):
    # a list short of its total may leave levels out: no village level, or a level skipped, says nothing
    assert errors(tmp_path, "全县共建成阵地300个，其中县级中心1个、乡镇级实践所17个。\n") == []
    assert errors(tmp_path, "全县共建成阵地300个，其中县级中心1个、村级实践站268个。\n") == []
    assert errors(tmp_path, "共建成阵地300个，其中乡镇级实践所17个、村级实践站268个。\n") == []  # whose area is not said


# --- 3. the sources of income: three sources or more are the breakdown of 收入合计 -----------------------------

def test_three_income_sources_are_the_breakdown_of_the_income_total(tmp_path):
    text = "2024年度本所收入合计{x}万元，其中财政拨款收入812.40万元、事业收入96.35万元、上年结转资金41.07万元。\n"
    wrong_then_right(tmp_path, text, "TXT001", "958.82", "949.82", expected="949.82")


def test_two_income_sources_short_of_the_total_say_nothing(tmp_path):
    assert errors(tmp_path, "2024年度本所收入合计958.82万元，其中财政拨款收入812.40万元、事业收入96.35万元。\n") == []


def test_a_list_of_sources_opening_with_the_whole_named_is_no_total_and_parts(tmp_path):
    # 本年收入中，A，B，C: three sources side by side (一般公共预算 holds 共 but counts nothing)
    assert errors(tmp_path, "本年收入中，一般公共预算财政拨款收入640.20万元，政府性基金预算财政拨款收入75.00万元，"
                            "其他收入12.31万元。\n") == []


# --- 4. an execution rate naming no stage is measured on the 全年预算 -----------------------------------------

EXEC = "年初预算1,260.00万元，年中追加预算84.50万元，全年预算1,344.50万元。全年支出1,301.62万元，预算执行率为{x}。\n"


def test_a_bare_execution_rate_on_the_initial_budget_is_wrong(tmp_path):
    # 1301.62 / 1344.50 = 96.81%; 1301.62 / 1260.00 = 103.30%
    wrong_then_right(tmp_path, EXEC, "TXT005", "103.30%", "96.81%")


def test_a_bare_execution_rate_with_one_budget_stated_says_nothing_new(tmp_path):
    text = "年初预算1,260.00万元。全年支出1,301.62万元，预算执行率为103.30%。\n"
    assert errors(tmp_path, text) == []


# --- 5. the scores of the 一级 kinds against the total score, and the total's grade ------------------------------

SCORES = "经自评，预算执行率得分9.68分，产出指标得分47.20分，效益指标得分27.90分，满意度指标得分9.10分，综合得分{x}分，评价等级为“优”。\n"


def test_the_total_score_is_the_sum_of_the_kinds_scores(tmp_path):
    wrong_then_right(tmp_path, SCORES, "TXT007", "94.88", "93.88", expected="93.88")


def test_a_kinds_score_is_no_total_for_the_grade(tmp_path):
    # 9.68分 is the 预算执行率 score: the grade 优 is of 93.88, not of 9.68
    assert errors(tmp_path, SCORES.replace("{x}", "93.88")) == []


def test_the_kinds_weights_are_no_scores(tmp_path):
    text = "本次自评满分100分，其中预算执行率10分、产出指标50分、效益指标30分、满意度指标10分。综合得分93.88分，等级为“优”。\n"
    assert errors(tmp_path, text) == []


def test_without_the_execution_score_a_short_sum_says_nothing(tmp_path):
    text = "产出指标得分47.20分，效益指标得分27.90分，满意度指标得分9.10分，自评综合得分93.88分。\n"
    assert errors(tmp_path, text) == []


# --- 6. 本年较上年 after last year's figure in its own sentence: the rate, or the amount -------------------------

def test_a_change_amount_against_both_years(tmp_path):
    text = "本年支出2,318.46万元。上年支出2,104.20万元，本年较上年增加{x}万元。\n"
    wrong_then_right(tmp_path, text, "TXT004", "241.26", "214.26", expected="214.26")


def test_a_change_rate_against_both_years(tmp_path):
    # (2318.46 − 2104.20) ÷ 2104.20 = 10.18%; ÷ 2318.46 would be 9.24%
    text = "本年支出2,318.46万元。上年支出2,104.20万元，本年较上年增长{x}。\n"
    wrong_then_right(tmp_path, text, "TXT004", "9.24%", "10.18%")


def test_a_change_in_thousands_of_tonnes(tmp_path):
    text = "全区粮食产量41.6千吨，较上年的39.2千吨增长{x}。\n"
    wrong_then_right(tmp_path, text, "TXT004", "5.77%", "6.12%")


# --- 7. a bare share in a list after a share naming its whole ----------------------------------------------------

def test_a_bare_share_after_a_named_one_is_of_the_same_whole(tmp_path):
    text = ("2024年度项目支出1,840.00万元。按用途分，工程建设支出1,196.00万元，占项目支出的65.00%；设备购置支出460.00万元，"
            "占{x}；咨询服务支出184.00万元，占10.00%。\n")
    wrong_then_right(tmp_path, text, "TXT002", "26.00%", "25.00%")


# --- 8. a 决算 total whose items give their 预算 beside their 决算 ------------------------------------------------

def test_a_final_total_adds_its_items_final_figures_not_their_budgets(tmp_path):
    text = ("2024年度“三公”经费支出决算为{x}万元。其中：因公出国（境）费0万元；公务用车运行维护费预算9.00万元，决算8.12万元；"
            "公务接待费预算2.50万元，决算1.96万元。\n")
    wrong_then_right(tmp_path, text, "TXT001", "11.08", "10.08", expected="10.08")


def test_items_of_both_stages_under_a_total_of_neither_say_nothing(tmp_path):
    text = ("2024年度“三公”经费11.08万元。其中：公务用车运行维护费预算9.00万元，决算8.12万元；"
            "公务接待费预算2.50万元，决算1.96万元。\n")
    assert errors(tmp_path, text) == []


# --- 9. a coverage rate of a register by what was done over the year --------------------------------------------

def test_a_coverage_rate_whose_count_is_of_the_year(tmp_path):
    text = "全镇建档独居老人台账在册386人，全年上门探访372人，探访覆盖率{x}。\n"
    wrong_then_right(tmp_path, text, "TXT005", "97.38%", "96.37%")


def test_visits_counted_in_person_times_over_people_say_nothing(tmp_path):
    # 人次 over 人 is no coverage of people (one may be visited twice): ambiguous
    assert errors(tmp_path, "全镇在册386人，全年上门探访412人次，探访覆盖率97.38%。\n") == []


# --- 10. a count in two count words (所（个）): parts in either ---------------------------------------------------

def test_a_count_in_two_words_takes_its_parts_in_either(tmp_path):
    text = "全区共有公共文化设施{x}处（个），其中图书馆3处、文化馆2处、博物馆4处、乡镇综合文化站11个。\n"
    wrong_then_right(tmp_path, text, "TXT001", "19", "20", expected="20")


# --- 11. corpus8: written before the engine change, measured in bench/README.md ----------------------------------

def _measure():
    spec = importlib.util.spec_from_file_location("measure_holdouts", ROOT / "bench" / "measure_holdouts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reports():
    for side in sorted(CORPUS8.glob("*.truth.json")):
        stem = side.name[:-len(".truth.json")]
        report = next(p for p in CORPUS8.iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".json"))
        yield report, json.loads(side.read_text(encoding="utf-8"))


def test_corpus8_sidecars_are_well_formed():
    reports = list(_reports())
    assert len(reports) >= 4
    for report, truth in reports:
        text = report.read_text(encoding="utf-8")
        assert len(truth["true_claims"]) >= 3 * len(truth["errors"])
        for e in truth["errors"] + truth["true_claims"]:
            assert e["quote"] in text, (report.name, e["quote"])


@pytest.mark.parametrize("report,truth", list(_reports()), ids=lambda x: getattr(x, "name", ""))
def test_corpus8_every_planted_error_found_and_no_true_statement_flagged(report, truth):
    m = _measure()
    errs = [f for f in lint(report).findings if f.severity == "error"]
    used = set()
    for e in truth["errors"]:
        hit = [f for f in errs if m.overlaps(f.quote, e["quote"]) and m.names(f, e["quote"])]
        assert hit, (report.name, e["quote"], [f.message for f in errs])
        used.update(map(id, hit))
    for t in truth["true_claims"]:
        hit = [f for f in errs if id(f) not in used and m.overlaps(f.quote, t["quote"]) and m.names(f, t["quote"])]
        assert not hit, (report.name, t["quote"], hit[0].message)
    assert all(id(f) in used for f in errs), [f.message for f in errs if id(f) not in used]


# --- 12. forms that must stay silent ---------------------------------------------------------------------------

def test_kinds_adding_to_100_are_weights_whatever_the_sentence_says(tmp_path):
    text = "自评指标体系：预算执行率10分、产出指标50分、效益指标30分、满意度指标10分；自评得分93.88分，等级为“优”。\n"
    assert errors(tmp_path, text) == []


def test_an_adjustment_called_调整预算_is_no_full_budget(tmp_path):
    # 调整预算 alone may be the amount of the adjustment: the rate is not judged against it
    text = "年初预算1,260.00万元，调整预算84.50万元。全年支出1,301.62万元，预算执行率为103.30%。\n"
    assert errors(tmp_path, text) == []


def test_a_range_in_chinese_numerals_is_no_figure(tmp_path):
    # 两三个 is "two or three", not 23
    assert errors(tmp_path, "全乡共有服务点25个，其中乡级服务中心两三个、村级服务站22个。\n") == []


def test_bare_shares_named_by_their_parts_after_one_naming_the_grand_total(tmp_path):
    # 收入总计 holds the carry-over; 本年收入 does not: the list's first share names the whole of all four
    text = ("2024年度本站收入总计2,500.00万元，其中本年收入2,300.00万元（财政拨款收入2,000.00万元、事业收入300.00万元），"
            "年初结转和结余200.00万元；从结构看，财政拨款收入占收入总计的80.00%，事业收入占{x}，年初结转和结余占8.00%。\n")
    wrong_then_right(tmp_path, text, "TXT002", "13.04%", "12.00%")


# --- 13. X，上年B，增加D，增长R: a bare 上年 figure right after this year's is its last year -----------------------

BARE_LAST_YEAR = "2024年公用经费支出318.40万元，上年296.75万元，增加{d}万元，增长{r}。\n"


def test_a_bare_last_year_figure_after_this_years_gives_the_rate(tmp_path):
    # (318.40 − 296.75) ÷ 296.75 = 7.30%; the amount 21.65
    assert errors(tmp_path, BARE_LAST_YEAR.format(d="21.65", r="7.30%")) == []
    assert errors(tmp_path, BARE_LAST_YEAR.format(d="21.65", r="6.80%")) == [("TXT004", "7.30%")]


def test_a_bare_last_year_figure_after_this_years_gives_the_amount(tmp_path):
    assert errors(tmp_path, BARE_LAST_YEAR.format(d="12.65", r="7.30%")) == [("TXT004", "21.65")]


# --- 14. a list said to have N parts (分三块：) is the whole of the figure before it ------------------------------

def test_a_list_said_to_have_n_parts_with_bare_分(tmp_path):
    text = "本年度中心收入合计{x}万元，来源分两块：财政拨款收入1,204.50万元、事业收入88.16万元。\n"
    wrong_then_right(tmp_path, text, "TXT001", "1,292.76", "1,292.66", expected="1292.66")


def test_a_score_of_n_items_is_no_list_of_n_parts(tmp_path):
    # 得分3项 / 扣分2项: 分 of a score, not of a division
    assert errors(tmp_path, "本单位收入合计500.00万元，扣分2项：财政拨款收入300.00万元、事业收入100.00万元。\n") == []
