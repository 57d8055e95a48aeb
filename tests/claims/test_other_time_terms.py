"""Figures of another time or of another act are no terms of a claim: the figure a change is measured from
(较上年末的28人增加2人) is no whole of the 其中 list after it; last year's total score (上年自评得分为93.6分) is no claim
about this year's scoring table; a quality rate (优良中等路率) is not the ratio of two lengths done that merely share one
character with it. Each of these was a false error on a correct report; the wrong case beside each shows the check
still runs. Every wording is written for these tests."""
from __future__ import annotations

import pytest

from toolkit.claims import check_paragraphs
from toolkit.claims.scores import read_claims
from toolkit.claims.quantities import extract

STAFF = "2024年末实有在编人员{n}人，较上年末的28人增加2人；其中管理岗位5人、专业技术岗位24人、工勤技能岗位1人。"
ROADS = "全年完成农村公路养护872公里、新改建农村公路46.3公里，农村公路优良中等路率83.6%。"
REPAIRS = "计划改造危桥6座，实际改造危桥5座，改造完成率{r}。"


def errors(text: str) -> list[tuple[str, str | None]]:
    return [(i.code, i.expected) for _k, i in check_paragraphs([text]) if i.severity == "error"]


def test_a_list_after_a_comparison_is_of_this_years_figure() -> None:
    assert errors(STAFF.format(n=30)) == []


def test_a_list_short_of_this_years_figure_is_still_an_error() -> None:
    assert [c for c, _e in errors(STAFF.format(n=33))] == ["TXT001"]


def test_a_quality_rate_beside_two_lengths_says_nothing() -> None:
    assert errors(ROADS) == []


@pytest.mark.parametrize("rate, wrong", [("83.33%", False), ("88.33%", True)])
def test_a_rate_of_its_own_act_is_still_checked(rate: str, wrong: bool) -> None:
    assert bool(errors(REPAIRS.format(r=rate))) is wrong


@pytest.mark.parametrize("text, totals", [
    ("本部门2024年度部门整体支出绩效自评得分98.27分，评价等级为“优”。上年自评得分为93.6分，本年较上年提高4.67分。",
     ["98.27"]),
    ("本部门2024年度部门整体支出绩效自评得分98.27分，评价等级为“优”。", ["98.27"]),
])
def test_last_years_score_is_no_total_of_this_year(text: str, totals: list[str]) -> None:
    found, _indicators = read_claims([text], [extract(text)])
    assert [t.text.rstrip("分") for t in found] == totals


def _execution_rows(score: str) -> str:
    """A score table whose 预算执行率 (under a target of 90%) is scored 分值 × 执行率 = 10 × 88.95% = 8.90, beside two
    rows scored in proportion to their targets, and one unmet row scored ``score`` (12 × 455 ÷ 500 = 10.92)."""
    rows = [
        ["指标", "指标值", "完成值", "分值", "得分"],
        ["预算执行率", "≥90%", "88.95%", "10", "8.90"],
        ["老年人健康体检人数", "≥5000人", "4650人", "20", "18.60"],
        ["家庭医生签约户数", "≥1200户", "1080户", "20", "18"],
        ["技能培训人数", "≥500人", "455人", "12", score],
    ]
    return "表3 绩效指标自评表\n" + "\n".join("\t".join(r) for r in rows) + "\n"


@pytest.mark.parametrize("score, expected", [("10.92", []), ("12", ["10.92"])])
def test_the_execution_rate_is_no_row_of_the_proportional_rule(tmp_path, score: str, expected: list[str]) -> None:
    from toolkit import lint

    path = tmp_path / "report.txt"
    path.write_text(_execution_rows(score), encoding="utf-8")
    found = [f.expected for f in lint(path).findings if f.code == "TBL013"]
    assert found == expected


def _results(text: str) -> str:
    rows = [
        ["一级指标", "三级指标", "分值", "目标值", "实际完成值", "得分"],
        ["产出指标", "高标准农田建设面积", "10", "≥2.30万亩", "2.15万亩", "9.35"],
        ["产出指标", "农村公路养护里程", "10", "≥800公里", "872公里", "10"],
        ["产出指标", "少数民族发展资金项目个数", "10", "12个", "12个", "10"],
    ]
    return text + "\n表3 绩效自评表\n" + "\n".join("\t".join(r) for r in rows) + "\n"


@pytest.mark.parametrize("text, expected", [
    ("全年新建高标准农田2.51万亩，涉及5个区镇。", ["2.15万亩"]),  # 新建 … ~ …建设面积: the row's figure
    ("全年新建高标准农田2.15万亩，涉及5个区镇。", []),
    ("产出方面：全年完成高标准农田建设2.51万亩。", ["2.15万亩"]),  # a topic before a colon frames the clause
    ("全年新建农村公路46.3公里。", []),                          # 新建 is no 养护
    ("抽查少数民族发展资金项目5个。", []),                        # a part of the row's 12
])
def test_an_act_and_its_object_against_the_rows_object_and_act(tmp_path, text: str, expected: list[str]) -> None:
    from toolkit import lint

    path = tmp_path / "report.txt"
    path.write_text(_results(text), encoding="utf-8")
    assert [f.expected for f in lint(path).findings if f.code == "TXT021"] == expected


@pytest.mark.parametrize("rate, expected", [("93.17%", ["93.48%"]), ("93.48%", []), ("93.5%", [])])
def test_a_completion_rate_after_a_rows_figure_is_of_the_rows_target(tmp_path, rate: str, expected) -> None:
    """全年新建高标准农田2.15万亩，完成率R: 2.15 ÷ the row's target 2.30万亩 = 93.48% (the target is written only in the
    自评表)."""
    from toolkit import lint

    path = tmp_path / "report.txt"
    path.write_text(_results(f"全年新建高标准农田2.15万亩，完成率{rate}，涉及5个区镇。"), encoding="utf-8")
    assert [f.expected for f in lint(path).findings if f.code == "TXT005"] == expected


@pytest.mark.parametrize("text, expected", [
    ("“三公”经费预算5.00万元。实际支出3.86万元。控制率为72.20%。", ["77.20%"]),
    ("“三公”经费预算5.00万元。实际支出3.86万元。控制率为77.20%。", []),
    ("“三公”经费预算5.00万元，年初预算4.00万元。实际支出3.86万元。控制率为72.20%。", []),  # two budgets: not judged
    ("核定编制33名，实有在职人员31人，在职人员控制率为93.94%。", []),                      # counts: another rule
])
def test_a_control_rate_of_money_is_spending_over_its_budget(text: str, expected: list[str]) -> None:
    assert [e for c, e in errors(text) if c == "TXT005"] == expected


SANGONG = """（三）“三公”经费
| 项目 | 2024年 | 2023年 | 增减额 |
| :--- | ---: | ---: | ---: |
| 因公出国（境）费 | 0.00 | 0.00 | 0.00 |
| 公务用车运行维护费 | 3.26 | 3.90 | -0.64 |
| 公务接待费 | 1.48 | 2.15 | -0.67 |
| 合计 | 4.74 | 6.05 | -1.31 |

2024年“三公”经费支出4.74万元，比上年减少1.31万元。其中公务接待费{x}万元，共接待9批次、63人次。
"""


@pytest.mark.parametrize("x, expected", [("3.26", ["1.48万元"]), ("1.48", []), ("2.15", ["1.48"])])
def test_a_text_figure_taken_from_the_next_line_of_a_table_by_years(tmp_path, x: str, expected) -> None:
    """A table whose columns are years (2024年 | 2023年): the latest is this year's figure; the text's 公务接待费 is the
    figure of the row above it (公务用车运行维护费); its own row's 2023 figure is last year's written for this year's."""
    from toolkit import lint

    path = tmp_path / "report.md"
    path.write_text(SANGONG.replace("{x}", x), encoding="utf-8")
    assert [f.expected for f in lint(path).findings if f.code == "TXT014"] == expected


def _weights_in_percent(score: str, score_unit: str = "") -> str:
    rows = [["一级指标", "三级指标", "权重", "年度目标值", "实际完成值", "得分"],
            ["预算执行", "预算执行率", "10%", "100%", "98.5%", "9.85"],
            ["产出指标", "实验室能力验证合格率", "8%", "100%", "100%", score + score_unit],
            ["产出指标", "传染病报告及时率", "42%", "≥95%", "99.6%", "42" + score_unit],
            ["效益指标", "免疫规划疫苗接种率", "30%", "≥95%", "97.8%", "30" + score_unit],
            ["满意度指标", "服务对象满意度", "10%", "≥90%", "93.5%", "10" + score_unit]]
    return "表3 绩效自评表\n" + "\n".join("\t".join(r) for r in rows) + "\n"


@pytest.mark.parametrize("score, unit, expected", [("8.5", "", ["TBL004"]), ("8", "", []), ("8.5", "%", [])])
def test_weights_written_as_percentages_of_100_points(tmp_path, score: str, unit: str, expected) -> None:
    """权重 8% … adding to 100%: the weights are the points, and a score of 8.5 is above its 8 (scores written as
    percentages too are another scale: not read)."""
    from toolkit import lint

    path = tmp_path / "report.txt"
    path.write_text(_weights_in_percent(score, unit), encoding="utf-8")
    assert [f.code for f in lint(path).findings if f.code.startswith("TBL")] == expected


OPENED = ("项目支出11824.55万元，占支出合计的73.71%。项目支出中，基本公共卫生服务补助5286.40万元、基本药物制度补助"
          "1320.15万元、疾病预防控制{x}万元、计划生育家庭奖励扶助1876.20万元、其他卫生健康项目923.20万元。")


@pytest.mark.parametrize("x, wrong", [("2418.60", False), ("2481.60", True)])
def test_a_sentence_opened_by_a_wholes_name_lists_its_parts(x: str, wrong: bool) -> None:
    """项目支出中，A、B、…、其他E: a complete list of the whole named at the sentence's start, given before it."""
    assert [c for c, _e in errors(OPENED.format(x=x))] == (["TXT001"] if wrong else [])


def test_an_opened_list_that_may_be_partial_says_nothing() -> None:
    text = OPENED.format(x="2481.60").replace("、其他卫生健康项目923.20万元", "")
    assert errors(text) == []


@pytest.mark.parametrize("change, expected", [
    ("比上年减少1.87万元", ["减少1.78万元"]), ("比上年减少1.78万元", []), ("比上年增加1.78万元", ["减少1.78万元"]),
])
def test_a_change_against_last_years_figure_given_only_in_the_table(tmp_path, change: str, expected) -> None:
    """公务接待费6.15万元，比上年减少D万元, the table reading 2024年 6.15 | 2023年 7.93: D = 1.78, R = 22.45%."""
    from toolkit import lint

    table = ("| 项目 | 2024年 | 2023年 |\n| --- | --- | --- |\n| 公务用车运行维护费 | 13.42 | 14.86 |\n"
             "| 公务接待费 | 6.15 | 7.93 |\n")
    path = tmp_path / "report.md"
    path.write_text(f"（三）“三公”经费\n{table}\n公务接待费6.15万元，{change}，主要是严格执行接待标准。\n", encoding="utf-8")
    assert [f.expected for f in lint(path).findings if f.code == "TXT004"] == expected


RECEPTIONS = ("全年国内公务接待14批次、共{n}人次，其中：省级部门检查调研4批次31人次，市级部门5批次42人次，"
              "兄弟县市考察交流5批次34人次。")


@pytest.mark.parametrize("n, wrong", [("107", False), ("112", True)])
def test_a_list_counted_in_two_units_at_once(n: str, wrong: bool) -> None:
    """14批次、共N人次，其中 A a批次b人次…: the 批次 add up to 14, so the list is whole, and its 人次 add up to N."""
    assert [c for c, _e in errors(RECEPTIONS.format(n=n))] == (["TXT001"] if wrong else [])


@pytest.mark.parametrize("n, wrong", [("24", False), ("26", True)])
def test_new_and_continued_projects_are_every_project(n: str, wrong: bool) -> None:
    text = f"2024年中心共实施各类项目{n}个，其中续建项目9个、新建项目15个；年末已完工验收21个。"
    assert [c for c, _e in errors(text)] == (["TXT001"] if wrong else [])


@pytest.mark.parametrize("rate, expected", [("100%", ["92.86%"]), ("92.86%", [])])
def test_the_staff_control_rate_across_sentences(rate: str, expected: list[str]) -> None:
    """核定编制42名 in the sentence before, 实有在职人员39人 before the rate: 39 ÷ 42 = 92.86%."""
    text = (f"2024年末，核定编制42名，其中行政编制9名，事业编制31名，工勤编制2名。年末实有在职人员39人。"
            f"其中行政8人，事业29人，工勤2人。在职人员控制率{rate}。")
    assert [e for c, e in errors(text) if c == "TXT005"] == expected


@pytest.mark.parametrize("rate, expected", [("6.26%", ["6.68%"]), ("6.68%", [])])
def test_a_change_named_by_its_subject_alone(rate: str, expected: list[str]) -> None:
    """支出合计增加258.85万元，增长R (neither year's figure in the sentence): 支出合计 is 4135.05 in the paragraph, last
    year's 3876.20, R = 258.85 ÷ 3876.20 = 6.68% (6.26% is ÷ this year's figure)."""
    text = (f"2024年度本年支出合计4135.05万元，其中基本支出1186.42万元，项目支出2948.63万元。与2023年度相比，"
            f"支出合计增加258.85万元，增长{rate}，主要原因是任务增加。")
    assert [e for c, e in errors(text) if c == "TXT004"] == expected


@pytest.mark.parametrize("rate, expected", [("108.36%", ["8.36%"]), ("8.36%", [])])
def test_the_writers_own_spending_named_by_its_unit(rate: str, expected: list[str]) -> None:
    """2024年中心支出合计X，上年支出合计为B，比上年增长R: 中心支出 is the writer's own 支出, R = (X − B) ÷ B (108.36% is
    X ÷ B, a ratio written as a growth)."""
    text = f"2024年中心支出合计1571.08万元，上年支出合计为1449.87万元，比上年增长{rate}。"
    assert [e for c, e in errors(text) if c == "TXT004"] == expected


@pytest.mark.parametrize("rate, expected", [("95.54%", ["97.54%"]), ("97.54%", [])])
def test_done_as_a_share_of_its_target_written_inline(rate: str, expected: list[str]) -> None:
    text = f"全年完成重点人群健康体检12680人，完成年度目标13000人的{rate}，差距主要是部分外出务工人员未能参检。"
    assert [e for c, e in errors(text) if c == "TXT005"] == expected


@pytest.mark.parametrize("n, wrong", [("65", False), ("66", True)])
def test_the_three_classes_of_post_named_by_their_people(n: str, wrong: bool) -> None:
    text = f"中心实有在编人员{n}人，其中管理人员8人、专业技术人员53人、工勤技能人员4人。"
    assert [c for c, _e in errors(text)] == (["TXT001"] if wrong else [])


def test_a_whole_smaller_than_its_part_is_not_its_whole() -> None:
    """政府采购支出126.40万元（货物类）… 其中授予中小企业1654.20万元，占政府采购支出的71.14%: 126.40 cannot be the
    whole of 1654.20 (the 合计 2325.25 is, and gives 71.14%)."""
    text = ("2024年政府采购支出126.40万元（货物类），工程类1986.55万元，服务类212.30万元，合计2325.25万元，"
            "其中授予中小企业合同金额1654.20万元，占政府采购支出的71.14%。")
    assert [c for c, _e in errors(text) if c == "TXT002"] == []


@pytest.mark.parametrize("word, expected", [("增长", ["下降8.82%"]), ("下降", [])])
def test_a_change_the_other_way_from_the_tables_last_year(tmp_path, word: str, expected) -> None:
    """公用经费143.45万元，比上年增长8.82%, the table reading 上年 157.32 | 本年 143.45: the size is right, it fell."""
    from toolkit import lint

    table = "| 项目 | 2023年 | 2024年 |\n| --- | --- | --- |\n| 人员经费 | 1148.26 | 1209.03 |\n| 公用经费 | 157.32 | 143.45 |\n"
    path = tmp_path / "report.md"
    path.write_text(f"表1 基本支出（单位：万元）\n\n{table}\n基本支出中，公用经费143.45万元，比上年{word}8.82%，主要是压减一般性支出。\n",
                    encoding="utf-8")
    assert [f.expected for f in lint(path).findings if f.code == "TXT004"] == expected
