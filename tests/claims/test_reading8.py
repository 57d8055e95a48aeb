"""Readings mended after the round-11 hold-outs (h11, h12) had been measured unseen: each with a wrong and a right
case, in wordings of their own."""
from __future__ import annotations

from toolkit import lint


def _errors(tmp_path, text: str, name: str = "report.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [f for f in lint(path).findings if f.severity == "error"]


def _nested(staff: str) -> str:
    """A total, then a sub-total written before its name with its own parts (其中), then the other part."""
    return ("一、支出情况\n"
            "本局全年支出合计2604.50万元，比上年略有增加。从支出构成看，940.30万元的基本支出保障日常运转，"
            f"其中{staff}万元的人员经费、142.80万元的公用经费；1664.20万元的项目支出用于林业专项。\n")


def test_a_sub_total_with_its_own_parts_is_not_a_list_of_parts_of_the_total(tmp_path):
    assert _errors(tmp_path, _nested("797.50")) == []  # 797.50 + 142.80 = 940.30: nested, the total not judged


def test_a_list_of_parts_that_does_not_nest_is_still_judged(tmp_path):
    text = ("一、支出情况\n本局全年支出合计2604.50万元，其中基本支出940.30万元、项目支出1674.20万元。\n")
    wrong = _errors(tmp_path, text)
    assert [f.code for f in wrong] == ["TXT001"]
    assert _errors(tmp_path, text.replace("1674.20", "1664.20")) == []


def _purchase(less: str) -> str:
    """Procurement by kind, then a new clause giving one kind's change from last year."""
    return ("一、政府采购\n本年政府采购支出3120.40万元，其中货物1250.60万元、工程1406.10万元、服务463.70万元；"
            f"货物类采购比上年1480.00万元减少{less}万元，主要是设备购置减少。\n")


def test_a_change_whose_own_clause_names_its_subject_is_not_paired_with_the_figure_before(tmp_path):
    assert _errors(tmp_path, _purchase("229.40")) == []  # 1480.00 − 1250.60, the 货物 figure, not 服务's


def test_a_change_right_after_its_figure_is_still_judged(tmp_path):
    text = "一、政府采购\n本年服务类采购463.70万元，比上年520.00万元减少65.30万元，主要是外包减少。\n"
    assert [f.code for f in _errors(tmp_path, text)] == ["TXT004"]
    assert _errors(tmp_path, text.replace("65.30", "56.30")) == []


def _hospitality(rate: str) -> str:
    """三公 total and its items; the last item's clause gives a base and a rate that fit the total."""
    return ("一、三公经费\n“三公”经费全年支出31.40万元，其中因公出国（境）费0万元，公务用车运行维护费25.10万元，"
            f"公务接待费6.30万元，较上年35.20万元下降{rate}%。\n")


def test_a_rate_another_figure_of_the_sentence_gives_against_the_base_is_not_judged(tmp_path):
    assert _errors(tmp_path, _hospitality("10.80")) == []  # (31.40 − 35.20) ÷ 35.20: the total's rate


def test_a_rate_no_figure_of_the_sentence_gives_is_still_judged(tmp_path):
    text = "一、三公经费\n公务接待费全年支出6.30万元，较上年7.20万元下降14.50%。\n"
    assert [f.code for f in _errors(tmp_path, text)] == ["TXT004"]
    assert _errors(tmp_path, text.replace("14.50", "12.50")) == []


def _income(other: str) -> str:
    """收入总计 with 本年收入 (itself split in brackets) and the carry-over; the shares name 收入总计 once, first."""
    return ("一、收入情况\n本年度本单位收入总计2480.00万元，其中本年收入2300.00万元（财政拨款收入1900.00万元、"
            "事业收入380.00万元、其他收入20.00万元），另有年初结转和结余180.00万元；从收入结构看，财政拨款收入占收入"
            f"总计的76.61%，事业收入占15.32%，其他收入占{other}%，年初结转和结余占7.26%。\n")


def test_a_share_naming_no_whole_may_be_of_the_whole_an_earlier_share_named(tmp_path):
    assert _errors(tmp_path, _income("0.81")) == []  # 20.00 ÷ 2480.00, not ÷ 本年收入 2300.00 (0.87%)


def test_a_share_no_candidate_whole_gives_is_still_judged(tmp_path):
    text = ("一、收入情况\n本年收入2300.00万元，其中财政拨款收入1900.00万元、事业收入380.00万元、其他收入20.00万元，"
            "财政拨款收入占82.61%，事业收入占16.52%，其他收入占0.97%。\n")
    assert [f.code for f in _errors(tmp_path, text)] == ["TXT002"]
    assert _errors(tmp_path, text.replace("0.97%", "0.87%")) == []


def _cases(other: str) -> str:
    """Cases counted in 起, split by kind with a closing 其他类 (a complete list); one kind is 占道经营 (a word, not
    a share)."""
    return ("一、执法情况\n全年受理各类投诉举报案件947起，其中占道经营类305起、噪声扰民类218起、"
            f"油烟污染类196起、其他类{other}起，按期办结902起。\n")


def test_cases_counted_in_qi_that_do_not_add_up_to_their_total_are_an_error(tmp_path):
    wrong = _errors(tmp_path, _cases("218"))
    assert [(f.code, f.expected) for f in wrong] == [("TXT001", "937")]


def test_cases_counted_in_qi_that_add_up_are_silent(tmp_path):
    assert _errors(tmp_path, _cases("228")) == []


def test_zhan_of_a_word_makes_no_share(tmp_path):
    text = "一、用地情况\n项目占地120亩，占用耕地35亩，其中永久占用20亩、临时占用15亩。\n"
    assert _errors(tmp_path, text) == []
    assert [f.code for f in _errors(tmp_path, text.replace("临时占用15亩", "临时占用25亩"))] == ["TXT001"]


def _indicators(output_subtotal: str, quality_subtotal: str) -> str:
    """An indicator table whose 二级 block closes with its own 小计 row, and whose 一级 小计 rows all stand at the
    bottom, above the 合计."""
    rows = [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["预算执行率", "预算执行率", "预算执行率", "10", "9.50"],
        ["产出指标", "数量指标", "培训人次", "20", "18.40"],
        ["产出指标", "质量指标", "考核合格率", "15", "15"],
        ["产出指标", "质量指标", "档案规范率", "15", "13.20"],
        ["产出指标", f"质量指标小计", "", "30", quality_subtotal],
        ["效益指标", "社会效益", "群众知晓率", "30", "27.60"],
        ["满意度指标", "服务对象满意度", "学员满意度", "10", "9.30"],
        ["产出指标小计", "", "", "50", output_subtotal],
        ["效益指标小计", "", "", "30", "27.60"],
        ["合计", "", "", "100", "93.00"],
    ]
    return "表2 部门整体支出绩效自评表\n" + "\n".join("\t".join(r) for r in rows) + "\n"


def test_subtotals_naming_their_group_add_up_that_groups_rows(tmp_path):
    assert _errors(tmp_path, _indicators("46.60", "28.20")) == []


def test_a_subtotal_naming_its_group_that_does_not_add_up_is_an_error(tmp_path):
    wrong = _errors(tmp_path, _indicators("46.06", "28.20"))
    assert [(f.code, f.expected) for f in wrong] == [("TBL002", "46.60")]
    wrong = _errors(tmp_path, _indicators("46.60", "29.20"))
    assert ("TBL002", "28.20") in [(f.code, f.expected) for f in wrong]


def _spending_lines(cell: str, written: str) -> str:
    """A spending table by function line (budget stages and the outturn), and a sentence giving one line's outturn
    with its rate of the full-year budget (97.25% of 640.00 is 622.40)."""
    rows = [
        ["科目编码", "科目名称", "年初预算数", "调整数", "全年预算数", "决算数"],
        ["2130301", "行政运行", "512.00", "18.00", "530.00", "526.14"],
        ["2130335", "农村人畜饮水", "600.00", "40.00", "640.00", cell],
    ]
    return ("表1 支出决算表\n" + "\n".join("\t".join(r) for r in rows) + "\n"
            f"二、主要支出说明\n农村人畜饮水（项）支出决算{written}万元，完成全年预算的97.25%，用于饮水工程维修。\n")


def test_a_text_figure_its_rate_bears_out_is_not_the_mistyped_one(tmp_path):
    found = _errors(tmp_path, _spending_lines("624.20", "622.40"))
    assert "TXT014" not in [f.code for f in found]


def test_a_text_figure_against_its_rate_and_the_table_is_reported(tmp_path):
    found = _errors(tmp_path, _spending_lines("622.40", "624.20"))
    assert "TXT014" in [f.code for f in found]


def _courses(rate: str) -> str:
    """Sessions counted in 期 beside trainees in 人次 against a target in 人次, and a completion rate."""
    return f"一、产出情况\n开办社区书法培训班8期，培训居民546人次，年度目标600人次，完成率{rate}%。\n"


def test_a_completion_rate_compares_the_count_in_the_targets_unit(tmp_path):
    wrong = _errors(tmp_path, _courses("92.00"))
    assert [(f.code, f.expected) for f in wrong] == [("TXT005", "91.00%")]


def test_a_completion_rate_right_in_the_targets_unit_is_silent(tmp_path):
    assert _errors(tmp_path, _courses("91.00")) == []


def _unmet(last_score: str) -> str:
    """A score table whose unmet targets are scored weight × actual ÷ target (two ≥ rows and a bare one), and a
    satisfaction row under its ≥ target scored ``last_score``."""
    rows = [
        ["指标", "指标值", "完成值", "分值", "得分"],
        ["预算执行率", "≥90%", "96.40%", "10", "10"],
        ["老年人健康体检人数", "≥5000人", "4650人", "20", "18.60"],
        ["家庭医生签约户数", "≥1200户", "1080户", "20", "18"],
        ["村卫生室标准化建设", "12所", "10所", "20", "16.67"],
        ["随访及时率", "≥98%", "99.10%", "20", "20"],
        ["签约居民满意度", "≥90%", "86.40%", "10", last_score],
    ]
    return "表3 绩效指标自评表\n" + "\n".join("\t".join(r) for r in rows) + "\n"


def test_an_unmet_target_given_full_marks_against_the_tables_own_proportional_rule(tmp_path):
    wrong = _errors(tmp_path, _unmet("10"))
    assert [(f.code, f.expected) for f in wrong if f.code == "TBL013"] == [("TBL013", "9.60")]


def test_an_unmet_target_scored_in_proportion_like_the_others_is_silent(tmp_path):
    assert [f for f in _errors(tmp_path, _unmet("9.60")) if f.code == "TBL013"] == []


def _one_witness(score: str) -> str:
    """A score table with one unmet row scored in proportion (the execution rate) and one unmet ≥ row: 12 × 455 ÷
    500 = 10.92."""
    rows = [
        ["指标", "指标值", "完成值", "分值", "得分"],
        ["预算执行率", "100%", "95.50%", "10", "9.55"],
        ["技能培训人数", "≥500人", "455人", "12", score],
        ["随访及时率", "≥98%", "99.10%", "20", "20"],
    ]
    return "表3 绩效指标自评表\n" + "\n".join("\t".join(r) for r in rows) + "\n"


def test_with_one_witness_a_score_with_two_digits_swapped_is_reported(tmp_path):
    wrong = _errors(tmp_path, _one_witness("10.29"))
    assert [(f.code, f.expected) for f in wrong if f.code == "TBL013"] == [("TBL013", "10.92")]


def test_with_one_witness_another_scoring_is_not_judged(tmp_path):
    assert [f for f in _errors(tmp_path, _one_witness("11.00")) if f.code == "TBL013"] == []
    assert [f for f in _errors(tmp_path, _one_witness("10.92")) if f.code == "TBL013"] == []
