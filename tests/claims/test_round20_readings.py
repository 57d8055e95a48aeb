"""Round 20: readings that were silent on wrong figures, or spoke on right ones, in reports not seen before.

- 上年结转和结余 is this year's money (what is carried into the year), not last year's figure: a change said after it
  is not measured against it.
- A clause after ； that names its own subject (本年收入比上年增加…) is that figure's change, and of two figures whose
  names share their core (收入总计, 本年收入) the one whose own name the clause writes.
The figures are written for these tests, in the voice of a 农业农村局."""
from __future__ import annotations

from toolkit import lint


def _errors(tmp_path, text: str, name: str = "report.txt") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(f.code, f.message) for f in lint(path).findings if f.severity == "error"]


INCOME = ("2024年度收入总计5497.37万元，其中本年收入5228.93万元，上年结转和结余268.44万元；"
          "本年收入比上年增加516.87万元，增长{rate}。")


def test_a_change_after_the_carried_over_balance_is_of_the_named_income(tmp_path) -> None:
    found = _errors(tmp_path, INCOME.format(rate="9.88%"))
    assert any(c == "TXT004" and "本年收入" in m and "10.97%" in m for c, m in found), found
    # never measured against the carried-over balance as if it were last year's income
    assert not any("268.44" in m and "基数" in m for _, m in found), found
    assert _errors(tmp_path, INCOME.format(rate="10.97%")) == []


def test_the_carried_over_balance_is_not_last_years_figure(tmp_path) -> None:
    text = ("2024年度支出总计3120.50万元，其中本年支出2980.10万元，年末结转和结余140.40万元；"
            "上年结转和结余186.25万元，主要为项目资金。")
    assert _errors(tmp_path, text) == []


def test_a_change_of_the_total_after_semicolon_stays_the_totals(tmp_path) -> None:
    wrong = ("2024年度收入总计5497.37万元，其中本年收入5228.93万元，上年结转和结余268.44万元；"
             "收入总计比上年增加516.87万元，增长9.88%。")
    found = _errors(tmp_path, wrong)
    # 5497.37 − 516.87 = 4980.50, 516.87 / 4980.50 = 10.38 %
    assert any(c == "TXT004" and "10.38%" in m for c, m in found), found
    assert _errors(tmp_path, wrong.replace("9.88%", "10.38%")) == []


# ---------------------------------------------------------------------------------------------------------------
# counts: a list summed up by counts of its own; two parts named alike but for a word and its complement
# ---------------------------------------------------------------------------------------------------------------

def test_names_summed_up_by_counts_of_their_own_are_no_plain_list(tmp_path) -> None:
    right = "我局共有二级预算单位5个，分别为县统计调查队、县普查中心、县统计信息中心3个事业单位和2个行政单位。"
    assert _errors(tmp_path, right) == []
    wrong = "我局共有内设机构5个，分别为办公室、统计股、普查中心。"
    assert [c for c, _m in _errors(tmp_path, wrong)] == ["TXT006"]


def test_two_parts_named_alike_but_for_a_word_and_its_complement_are_the_whole(tmp_path) -> None:
    for wrong, right in (("全年累计走访企业1260家，其中规上企业836家，规下企业414家。", "1250家"),
                         ("共接待来访群众520人次，其中集体访320人次、个体访190人次。", "510人次"),
                         ("全县共有幼儿园42所，其中公办园18所、民办园23所。", "41所"),
                         ("共培训学员860人次，其中省内学员600人次，省外学员250人次。", "850人次"),
                         ("共对17个项目开展绩效自评，其中一般项目12个、重点项目3个。", "15个")):
        found = _errors(tmp_path, wrong)
        assert [c for c, _m in found] == ["TXT001"], (wrong, found)
        total = wrong.split("，")[0]
        fixed = wrong.replace(next(x for x in ("1260家", "520人次", "42所", "860人次", "17个") if x in total), right, 1)
        assert _errors(tmp_path, fixed) == [], fixed


def test_parts_that_are_not_complements_may_be_only_some(tmp_path) -> None:
    assert _errors(tmp_path, "全县共有幼儿园42所，其中公办园18所、普惠性民办园13所。") == []
    assert _errors(tmp_path, "走访企业1260家，其中规上企业836家，上门服务企业414家。") == []


def test_a_total_said_in_its_own_sentence_over_a_figure_of_the_sentence_before(tmp_path) -> None:
    wrong = ("本部门在预算编制环节对15个项目编制了绩效目标。年度终了，共对17个项目开展绩效自评，"
             "其中一般项目12个、重点项目3个，涉及资金13075.55万元。")
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT001" and "12 + 3 = 15" in m for c, m in found), found
    assert _errors(tmp_path, wrong.replace("共对17个", "共对15个")) == []


# ---------------------------------------------------------------------------------------------------------------
# changes: the same figure twice joined by 、; the actual of a sentence of budget and actual
# ---------------------------------------------------------------------------------------------------------------

def test_income_and_spending_totals_joined_by_a_comma_of_enumeration_change_each(tmp_path) -> None:
    text = "2024年度收入总计2840.54万元、支出总计2840.54万元。与上年相比，收、支总计各增加227.67万元，增长{r}。"
    found = _errors(tmp_path, text.format(r="8.02%"))
    assert any(c == "TXT004" and "8.71%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(r="8.71%")) == []


def test_a_change_after_a_sentence_of_budget_and_actual_is_the_actuals(tmp_path) -> None:
    text = ("2023年度“三公”经费财政拨款支出预算为9.50万元，支出决算为8.00万元，完成预算的84.21%。"
            "较上年减少{d}万元，下降10.41%，主要原因是公务用车实行统一调度。")
    found = _errors(tmp_path, text.format(d="1.83"))
    assert any(c == "TXT004" and "8.00万元" in m and "18.62%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(d="0.93")) == []


# ---------------------------------------------------------------------------------------------------------------
# tables: a 其中 block in a form; class sub-totals heading their blocks
# ---------------------------------------------------------------------------------------------------------------

SPENDING = """表1 2024年度部门支出情况表（单位：万元）

| 项目 | 2023年决算数 | 2024年决算数 | 增减额 | 增减率 |
|---|---|---|---|---|
| 支出合计 | 3911.21 | 4306.04 | 394.83 | 10.09% |
| （一）基本支出 | 700.65 | {basic} | {change} | {rate} |
| 其中：人员经费 | 598.20 | 612.48 | 14.28 | 2.39% |
| 公用经费 | 102.45 | 95.36 | -7.09 | -6.92% |
| （二）项目支出 | 3210.56 | 3598.20 | 387.64 | 12.07% |
"""


def test_a_wrong_part_with_its_own_qizhong_rows_is_said_at_the_part(tmp_path) -> None:
    found = _errors(tmp_path, SPENDING.format(basic="708.84", change="8.19", rate="1.17%"), "t.md")
    # the 基本支出 cell, not the 支出合计 row it throws out, nor its 增减额 that carries it
    assert [(c, "707.84" in m) for c, m in found] == [("TBL009", True)], found
    assert _errors(tmp_path, SPENDING.format(basic="707.84", change="7.19", rate="1.03%"), "t.md") == []


def test_a_qizhong_block_runs_on_over_rows_blank_where_it_already_adds_up(tmp_path) -> None:
    # a year's items of its own under 项目支出 (the seed 002 layout): the 2023 column adds up with them
    table = ("| 经费 | 2023年决算数 | 2024年决算数 |\n|---|---|---|\n| 项目支出 | 112.56 | 150.00 |\n"
             "| 其中：运行维护经费 | 70.56 | 100.00 |\n| 疫情防控支出 |  | 50.00 |\n| 制造强省专项经费 | 13 |  |\n"
             "| 企业入规奖 | 29 |  |\n")
    assert _errors(tmp_path, table, "t.md") == []
    found = _errors(tmp_path, table.replace("| 29 |", "| 39 |"), "t.md")
    assert [c for c, _m in found] == ["TBL009"], found


BASIC = """表三 一般公共预算财政拨款基本支出决算表（单位：万元）
经济分类科目编码\t科目名称\t决算数
人员经费\t小计\t{staff}
30101\t基本工资\t168.24
30102\t津贴补贴\t132.50
30103\t奖金\t259.09
公用经费\t小计\t83.04
30201\t办公费\t12.86
30299\t其他商品和服务支出\t70.18
基本支出\t合计\t{total}
"""


def test_class_subtotals_heading_their_blocks(tmp_path) -> None:
    assert _errors(tmp_path, BASIC.format(staff="559.83", total="642.87")) == []
    found = _errors(tmp_path, BASIC.format(staff="569.83", total="642.87"))
    assert [(c, "559.83" in m) for c, m in found] == [("TBL001", True)], found  # said once, at the 小计
    found = _errors(tmp_path, BASIC.format(staff="559.83", total="652.87"))
    assert [(c, "642.87" in m) for c, m in found] == [("TBL001", True)], found


# ---------------------------------------------------------------------------------------------------------------
# text against tables: a 决算 explanation of one 项; a share of the captioned table's 合计; indicator names
# ---------------------------------------------------------------------------------------------------------------

LEDGER = """表2 一般公共预算财政拨款支出决算表（单位：万元）
科目编码\t科目名称\t合计\t基本支出\t项目支出
214\t交通运输支出\t1745.38\t0.00\t1745.38
21401\t公路水路运输\t1745.38\t0.00\t1745.38
2140106\t公路养护\t1286.45\t0.00\t1286.45
2140199\t其他公路水路运输支出\t458.93\t0.00\t458.93
合计\t\t1745.38\t0.00\t1745.38

7.其他公路水路运输支出（项）：年初预算为300.00万元，支出决算为{v}万元，完成年初预算的{r}，决算数大于年初预算数的主要原因是年中追加了交通战备经费。
"""


def test_a_budget_line_explained_against_its_row(tmp_path) -> None:
    found = _errors(tmp_path, LEDGER.format(v="457.93", r="152.64%"))
    assert any(c == "TXT014" and "458.93" in m for c, m in found), found
    assert _errors(tmp_path, LEDGER.format(v="458.93", r="152.98%")) == []


CAPTIONED = """表3 2024年度一般公共预算财政拨款支出决算表
单位：万元
科目编码\t科目名称\t合计
212\t城乡社区支出\t3201.35
221\t住房保障支出\t3026.42
合计\t\t6227.77

从支出结构看，城乡社区支出最多，为3201.35万元，占一般公共预算财政拨款支出的{p}。
"""


def test_a_share_of_the_flow_a_table_is_captioned_by(tmp_path) -> None:
    found = _errors(tmp_path, CAPTIONED.format(p="51.19%"))
    assert any(c == "TXT002" and "6227.77" in m and "51.40%" in m for c, m in found), found
    assert _errors(tmp_path, CAPTIONED.format(p="51.40%")) == []


RESULTS = """| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 |
|---|---|---|---|---|---|---|
| 产出指标 | 数量指标 | 受理法律援助案件数 | ≥600件 | 612件 | 7 | 7.00 |
| 产出指标 | 数量指标 | 城乡居民基本医疗保险参保人数 | ≥96万人 | 95.12万人 | 8 | 7.93 |

二是法律援助惠民成效明显。全年受理法律援助案件{n}件，为困难群众挽回经济损失1368.50万元。

全市城乡居民基本医疗保险参保人数达95.12万人，参保率96.1%；职工基本医疗保险参保12.86万人，比上年增加0.74万人。
"""


def test_an_indicator_counted_in_cases_against_its_row(tmp_path) -> None:
    found = _errors(tmp_path, RESULTS.format(n="621"), "r.md")
    assert [(c, "612件" in m) for c, m in found] == [("TXT021", True)], found
    # and another population's figure (职工, after the row's own 城乡居民 figure) is not the row's
    assert _errors(tmp_path, RESULTS.format(n="612"), "r.md") == []


def test_income_is_no_part_of_a_spending_total(tmp_path) -> None:
    text = ("收入中，一般公共预算财政拨款收入15812.55万元，其他收入37.20万元，年初结转和结余182.64万元；"
            "支出中，本年支出合计15949.93万元，年末结转和结余82.46万元。")
    assert _errors(tmp_path, text) == []


# ---------------------------------------------------------------------------------------------------------------
# PDF: a full line ending a clause with ； goes on (the 基本支出 sentence of a hold-out, its 人员经费 mistyped)
# ---------------------------------------------------------------------------------------------------------------

def test_a_pdf_sentence_broken_after_a_semicolon_is_one_sentence() -> None:
    from pathlib import Path

    [pdf] = (Path(__file__).resolve().parents[2] / "bench" / "holdouts" / "h42").glob("h42_05_*.pdf")
    found = [(f.code, f.message) for f in lint(pdf).findings if f.severity == "error"]
    assert any(c == "TXT001" and "402.18 + 63.37 = 465.55" in m for c, m in found), found


# ---------------------------------------------------------------------------------------------------------------
# guards from the read-only review of the round's diff (probe files in tests/fixtures/round20)
# ---------------------------------------------------------------------------------------------------------------

def _fixture_errors(name: str) -> list[tuple[str, str]]:
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "fixtures" / "round20" / name
    return [(f.code, f.message) for f in lint(path).findings if f.severity == "error"]


def test_class_subtotals_leave_rate_columns_alone_and_read_a_bare_total_row() -> None:
    assert _fixture_errors("k11_ok_execrate.txt") == []  # 年初预算数 | 决算数 | 预算执行率（%） written without %
    found = _fixture_errors("k14_wrong_grand_blank2.txt")  # 合计 |  | 652.87 under 559.83 + 83.04
    assert [(c, "642.87" in m) for c, m in found] == [("TBL001", True)], found


def test_a_captioned_whole_is_the_actual_column_and_never_a_budget_table() -> None:
    assert _fixture_errors("x06_caption_budgetfirst.txt") == []  # 年初预算数 | 决算数: 3201.35 / 6227.77 = 51.40%
    assert _fixture_errors("x14_caption_budget_table.txt") == []  # a 预算表's 合计 is no whole of what was spent


def test_an_explanation_under_a_fund_heading_against_a_table_of_all_funds_is_not_compared() -> None:
    assert _fixture_errors("x02_scope_allfunds.txt") == []


def test_a_budget_line_explained_by_its_class_and_kuan_chain() -> None:
    found = _fixture_errors("x20_wrong_chain.txt")  # 交通运输支出（类）公路水路运输（款）公路养护（项）：…1268.45
    assert any(c == "TXT014" and "1286.45" in m for c, m in found), found


def test_changes_that_cancel_out_do_not_end_a_qizhong_block() -> None:
    assert _fixture_errors("t12_ok_cancel_change.md") == []


def test_words_that_name_two_of_more_are_no_complements(tmp_path) -> None:
    for text in ("全年门诊量12.6万人次，其中内科门诊4.2万人次，外科门诊3.1万人次。",
                 "全院共有床位520张，其中内科床位186张，外科床位204张。",
                 "全年完成河道清淤42.5公里，其中上游河段12.0公里、下游河段18.5公里。",
                 "全年共接收公文1860件，其中上级来文1120件、下级来文530件。",
                 "全年走访服务市场主体1260家，其中规上企业836家，规下企业414家，另走访个体工商户10家。"):
        assert _errors(tmp_path, text) == [], text
    found = _errors(tmp_path, "年末实有在职人员46人，其中男性27人，女性18人。")
    assert [c for c, _m in found] == ["TXT001"], found


def test_an_exact_earlier_whole_of_money_still_wins(tmp_path) -> None:
    text = "本年基本支出500.00万元，项目支出300.00万元。全年支出合计800.00万元，其中人员经费400.00万元、公用经费100.00万元。"
    assert _errors(tmp_path, text) == []


def test_named_items_and_counted_ones_together(tmp_path) -> None:
    found = _errors(tmp_path, "本局内设机构8个，分别为办公室、财务股、政策法规股和4个业务股。")
    assert [(c, "合计为 7个" in m) for c, m in found] == [("TXT006", True)], found
    assert _errors(tmp_path, "本局内设机构7个，分别为办公室、财务股、政策法规股和4个业务股。") == []
    assert _errors(tmp_path, "纳入决算编制范围的单位共4个，包括局机关和县档案馆、县史志办、县信息中心3个事业单位。") == []


def test_a_base_beyond_every_part_after_a_list_is_the_totals(tmp_path) -> None:
    text = ("2024年“三公”经费支出合计8.42万元，其中公务接待费2.10万元，公务用车运行维护费6.32万元，因公出国（境）费0万元，"
            "比上年8.91万元下降{r}。")
    found = _errors(tmp_path, text.format(r="5.82%"))
    assert any(c == "TXT004" and "5.50%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(r="5.50%")) == []
    # a base near the last part may be that part's: not judged
    assert _errors(tmp_path, "2024年“三公”经费支出合计8.42万元，其中公务接待费2.10万元，公务用车运行维护费6.32万元，"
                             "比上年6.80万元下降7.06%。") == []


def test_what_a_figure_was_spent_on_between_it_and_its_change(tmp_path) -> None:
    text = ("2024年公务用车运行维护费支出6.32万元，主要用于2辆执法执勤用车的燃料费、维修费、保险费等，"
            "较上年减少0.58万元，下降{r}。")
    found = _errors(tmp_path, text.format(r="9.18%"))
    assert any(c == "TXT004" and "8.41%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(r="8.41%")) == []


# ---------------------------------------------------------------------------------------------------------------
# h45: readings of a set measured unseen, then read
# ---------------------------------------------------------------------------------------------------------------

def test_projects_counted_by_their_grades_add_up_to_the_projects_evaluated(tmp_path) -> None:
    text = ("本部门对2024年度一般公共预算项目支出全面开展绩效自评，共涉及项目{n}个，资金112.79万元。"
            "自评结果显示，2个项目评价等级为“优”，2个项目评价等级为“良”。")
    found = _errors(tmp_path, text.format(n="3"))
    assert [(c, "2 + 2 = 4" in m) for c, m in found] == [("TXT001", True)], found
    assert _errors(tmp_path, text.format(n="4")) == []
    # the grade first, each of a different grade
    assert _errors(tmp_path, "对13个项目开展了绩效自评，其中评价等级为“优”的9个、评价等级为“良”的3个、"
                             "评价等级为“中”的1个。") == []


def test_vehicles_by_use_more_than_the_vehicles(tmp_path) -> None:
    text = "截至2024年12月31日，单位共有公务用车{n}辆，其中一般公务用车1辆、执法执勤用车1辆、特种专业技术用车1辆。"
    found = _errors(tmp_path, text.format(n="2"))
    assert any(c == "TXT001" and "1 + 1 + 1 = 3" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n="3")) == []


def test_a_rate_opening_its_sentence_of_what_the_sentence_before_gives(tmp_path) -> None:
    text = ("2024年“三公”经费预算19.21万元，实际支出17.09万元，其中公务接待费5.95万元、公务用车运行维护费11.14万元，"
            "因公出国（境）费和公务用车购置费均为0。“三公”经费预算完成率为{r}，未超出年度预算。")
    found = _errors(tmp_path, text.format(r="112.40%"))
    assert any(c == "TXT005" and "88.96%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(r="88.96%")) == []


def test_a_rate_borne_out_by_the_sum_its_numerator_should_be(tmp_path) -> None:
    text = ("2024年“三公”经费预算12.56万元，实际支出10.35万元，其中公务接待费3.30万元、公务用车运行维护费7.23万元，"
            "因公出国（境）费和公务用车购置费均为0。“三公”经费预算完成率为83.84%，严格控制在预算以内。")
    found = _errors(tmp_path, text)
    assert [c for c, _m in found] == ["TXT001"], found  # 10.35 is the slip: 3.30 + 7.23 = 10.53, 10.53 ÷ 12.56 = 83.84%


def test_a_share_of_the_parts_listed_when_they_make_a_figure_the_document_states(tmp_path) -> None:
    text = ("2024年度一般公共预算财政拨款支出482.44万元。\n\n从支出结构看，商业服务业等支出374.71万元，占{p}；"
            "社会保障和就业支出60.58万元；卫生健康支出18.39万元；住房保障支出28.76万元。")
    found = _errors(tmp_path, text.format(p="77.76%"))
    assert any(c == "TXT002" and "77.67%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(p="77.67%")) == []
    # parts that make no figure of the document: their whole is not told
    assert _errors(tmp_path, text.format(p="77.76%").replace("482.44", "500.00")) == []


def test_the_department_budget_rate_under_a_topic_without_figures(tmp_path) -> None:
    table = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n|---|---|---|---|---|---|---|\n"
             "| 预算执行 | 预算执行 | 预算执行率 | ≥95% | 94.75% | 10 | 9.48 |\n"
             "| 产出指标 | 数量指标 | 基本医疗保险参保人数 | ≥33万人 | 33.4万人 | 90 | 90 |\n\n")
    text = table + "资金管理方面，全年严格执行预算批复，部门预算执行率达到{r}，项目支出1516.02万元重点向参保群众待遇保障倾斜。\n"
    found = _errors(tmp_path, text.format(r="92.38%"), "r.md")
    assert any(c == "TXT021" and "94.75%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(r="94.75%"), "r.md") == []


def test_a_completion_column_not_named_a_rate(tmp_path) -> None:
    table = ("| 项目 | 预算数 | 决算数 | 完成预算(%) |\n|---|---|---|---|\n| 合计 | 8.36 | 6.99 | 83.61 |\n"
             "| 公务用车运行维护费 | 5.84 | 4.88 | 83.56 |\n| 公务接待费 | 2.52 | 2.11 | {r} |\n")
    found = _errors(tmp_path, table.format(r="119.43"), "t.md")
    assert any(c == "TBL005" and "83.73%" in m for c, m in found), found
    assert _errors(tmp_path, table.format(r="83.73"), "t.md") == []


def test_a_table_of_one_cell_a_line_with_its_names_column_qualified(tmp_path) -> None:
    lines = ["表3 一般公共预算财政拨款基本支出决算表（单位：万元）", "项目（经济分类科目）", "决算数", "合计", "160.00",
             "301 工资福利支出", "120.00", "30101 基本工资", "70.00", "30102 津贴补贴", "50.00", "302 商品和服务支出", "{v}",
             "30201 办公费", "25.00", "30211 差旅费", "15.00"]
    found = _errors(tmp_path, "\n".join(lines).format(v="30.00"))
    assert any(c == "TBL008" and "40.00" in m for c, m in found), found
    assert _errors(tmp_path, "\n".join(lines).format(v="40.00")) == []


def test_two_paragraphs_disagreeing_the_one_no_table_bears_is_the_slip(tmp_path) -> None:
    text = ("| 项目 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|\n| 合计 | 2837.74 | 1384.18 | 1453.56 |\n\n"
            "本年支出合计2837.74万元，其中：基本支出1348.18万元；项目支出1453.56万元。\n\n"
            "2024年度一般公共预算财政拨款基本支出1384.18万元，主要用于保障机构正常运转。\n")
    found = [(c, m) for c, m in _errors(tmp_path, text, "r.md") if c == "TXT014"]
    assert all("正文写基本支出 1348.18" in m for _c, m in found), found


# ---------------------------------------------------------------------------------------------------------------
# guards from the second read-only review (probe files in tests/fixtures/round20)
# ---------------------------------------------------------------------------------------------------------------

def test_rate_columns_named_otherwise_are_not_added_up() -> None:
    assert _fixture_errors("k_hdr_zengfu.txt") == []  # 上年决算数 | 本年决算数 | 增幅 (7.53, no %)
    assert not any(c == "TBL009" and "增幅" in m for c, m in _fixture_errors("frm01_zengfu.md"))


def test_a_change_against_last_years_budget_is_not_the_actuals(tmp_path) -> None:
    text = ("2024年度“三公”经费财政拨款支出预算为9.50万元，支出决算为8.00万元，完成预算的84.21%。"
            "较上年预算减少0.50万元，下降5.00%。")
    assert _errors(tmp_path, text) == []


def test_an_explanation_keeps_its_sections_fund_scope_past_continuations_and_many_items() -> None:
    assert _fixture_errors("jue05_long_section.txt") == []
    assert _fixture_errors("jue04a_continuation.txt") == []


def test_a_tables_title_above_its_unit_line_gives_its_fund_scope() -> None:
    found = _fixture_errors("mm2_unit_line.txt")
    assert any(c == "TXT014" and "1286.45" in m for c, m in found), found


def test_complements_not_said_to_be_the_whole(tmp_path) -> None:
    for text in ("2024年度本部门支出合计4081.91万元，其中重点项目支出2100.00万元、一般项目支出1185.58万元，均按进度拨付。",
                 "全年走访服务企业和个体工商户1260家，其中规上企业836家，规下企业314家。",
                 "全县幼儿园42所，比上年新增5所，其中公办园3所、民办园2所。",
                 "全年共接待游客120万人次，其中省内游客80万人次、省外游客30万人次；入境游客10万人次。",
                 "全年共培训学员860人次，其中省内学员600人次、省外学员250人次。线上学员10人次另行统计。"):
        assert _errors(tmp_path, text) == [], text


def test_counts_in_brackets_are_no_counted_items(tmp_path) -> None:
    assert _errors(tmp_path, "下属单位3个，分别为县农技中心、县畜牧中心（含8个乡镇畜牧站）和县农机中心。") == []


# ---------------------------------------------------------------------------------------------------------------
# h46: readings of a set measured unseen, then read
# ---------------------------------------------------------------------------------------------------------------

def test_a_split_said_with_fen_wei(tmp_path) -> None:
    text = "年末本部门实有公务用车{n}辆，按用途分为执法执勤用车8辆、环卫作业用车14辆、一般公务用车1辆。"
    found = _errors(tmp_path, text.format(n="21"))
    assert any(c == "TXT001" and "8 + 14 + 1 = 23" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n="23")) == []


def test_a_vehicle_named_by_its_work_among_the_uses(tmp_path) -> None:
    text = "截至2023年12月31日，本部门公务用车保有量{n}辆，其中应急保障用车3辆、疫苗冷链运输车2辆、一般公务用车1辆。"
    found = _errors(tmp_path, text.format(n="7"))
    assert any(c == "TXT001" and "3 + 2 + 1 = 6" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n="6")) == []
    assert _errors(tmp_path, "本社共有车辆6辆，其中新能源汽车2辆、越野车1辆、执法执勤用车2辆。") == []


def test_grades_listed_after_the_first_one_named(tmp_path) -> None:
    text = "本部门对2023年度项目支出开展绩效自评，共涉及项目{n}个，资金385.40万元，其中评价等级为优的2个、良的2个、中的1个。"
    found = _errors(tmp_path, text.format(n="6"))
    assert any(c == "TXT001" and "2 + 2 + 1 = 5" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n="5")) == []


def test_a_share_with_its_whole_first(tmp_path) -> None:
    text = ("本年收入合计717.21万元，其中：一般公共预算财政拨款收入704.81万元，在本年收入中占比{p}；"
            "其他收入12.40万元，占1.73%。")
    found = _errors(tmp_path, text.format(p="98.72%"))
    assert any(c == "TXT002" and "98.27%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(p="98.27%")) == []


def test_rates_of_a_part_or_a_place_are_not_the_rows_or_the_counts(tmp_path) -> None:
    table = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n|---|---|---|---|---|---|---|\n"
             "| 预算执行 | 预算执行 | 预算执行率 | ≥95% | 97.69% | 10 | 9.77 |\n"
             "| 产出指标 | 数量指标 | 审计项目数 | ≥30个 | 32个 | 90 | 90 |\n\n")
    assert _errors(tmp_path, table + "全年政府采购预算执行率91.82%，节约资金12.30万元。\n", "r.md") == []
    assert _errors(tmp_path, "全年新建、改造防空警报器10台，全市防空警报器总数达到84台，城区警报鸣响覆盖率达到98.5%。") == []


def test_a_figure_written_twice_alike_bears_itself_out(tmp_path) -> None:
    text = ("本年支出合计5590.17万元，其中一般公共预算财政拨款支出5531.79万元。\n\n"
            "2023年度一般公共预算财政拨款支出5531.97万元，占本年支出合计的98.96%。\n\n"
            "一般公共预算财政拨款支出5531.97万元，主要用于城乡社区支出。\n")
    found = [(c, m) for c, m in _errors(tmp_path, text) if c == "TXT014"]
    assert found and all("正文写" in m and "5531.79" in m.split("，")[0] for _c, m in found), found


def test_a_sangong_change_carrying_a_wrong_year_cell_is_said_once(tmp_path) -> None:
    table = ("| 项目 | 预算数 | 决算数 | 完成预算(%) | 2022年决算数 | 增减额 |\n|---|---|---|---|---|---|\n"
             "| 合计 | 11.00 | 8.59 | 78.09 | 9.75 | -1.16 |\n| 因公出国（境）费 | 0.00 | 0.00 | — | 0.00 | 0.00 |\n"
             "| 公务用车购置及运行维护费 | 8.00 | 6.73 | 84.13 | 7.45 | -0.72 |\n"
             "| 其中：公务用车购置费 | 0.00 | 0.00 | — | 0.00 | 0.00 |\n"
             "| 公务用车运行维护费 | 8.00 | 7.18 | 89.75 | 7.45 | -0.27 |\n| 公务接待费 | 3.00 | 1.86 | 62.00 | 2.30 | -0.44 |\n")
    found = _errors(tmp_path, table, "t.md")
    assert [c for c, _m in found] == ["TBL012"], found


# ---------------------------------------------------------------------------------------------------------------
# h47, h50: readings of sets measured unseen, then read
# ---------------------------------------------------------------------------------------------------------------

def test_a_one_cell_a_line_table_headed_by_its_sources_and_a_column_of_words(tmp_path) -> None:
    lines = ["表2 2024年度收入情况表（单位：万元）", "收入来源", "上年决算数", "本年决算数", "增减额", "增减率%", "",
             "一般公共预算财政拨款收入", "521.65", "556.71", "35.06", "{r}", "", "其他收入", "10.06", "12.07", "2.01", "19.98"]
    found = _errors(tmp_path, "\n".join(lines).format(r="6.30"))
    assert any(c == "TBL010" and "6.72%" in m for c, m in found), found
    assert _errors(tmp_path, "\n".join(lines).format(r="6.72")) == []
    words = ["表2 2023年度重点项目支出执行情况表（单位：万元）", "", "项目名称", "全年预算数", "执行数", "执行率（%）", "实施情况",
             "", "森林防火能力建设", "315.80", "309.62", "98.04", "已完成", "", "林业有害生物防治", "128.50", "118.24", "{r}",
             "已完成", "", "天然林保护管理", "264.30", "261.08", "98.78", "持续推进"]
    found = _errors(tmp_path, "\n".join(words).format(r="108.68"))
    assert any(c == "TBL005" and "92.02%" in m for c, m in found), found
    assert _errors(tmp_path, "\n".join(words).format(r="92.02")) == []


def test_an_indicator_named_with_its_act_after_it(tmp_path) -> None:
    table = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n|---|---|---|---|---|---|---|\n"
             "| 产出指标 | 数量指标 | 群众文化活动场次 | ≥110场次 | 116场次 | 10 | 10 |\n"
             "| 效益指标 | 社会效益 | 群众满意度 | ≥90% | 95% | 90 | 90 |\n\n")
    text = table + "从全年情况看，全市群众文化活动全年共开展{n}场次，各项重点任务基本按计划推进。\n"
    found = _errors(tmp_path, text.format(n="119"), "r.md")
    assert any(c == "TXT021" and "116场次" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n="116"), "r.md") == []


def test_a_change_after_a_sentence_opening_with_last_years_figure(tmp_path) -> None:
    text = ("2024年度本年收入合计953.97万元，其中：一般公共预算财政拨款收入939.17万元，占98.45%；其他收入14.80万元，"
            "占1.55%。上年一般公共预算财政拨款收入为946.55万元，本年财政拨款收入比上年减少{d}万元，主要原因是专项补助减少。")
    found = _errors(tmp_path, text.format(d="107.38"))
    assert any(c == "TXT004" and "7.38" in m for c, m in found), found
    assert _errors(tmp_path, text.format(d="7.38")) == []


def test_a_total_of_income_over_its_sources_and_what_was_carried_in(tmp_path) -> None:
    table = ("| 项目 | 2022年决算数 | 2023年决算数 | 增减额 | 增减率（%） |\n|---|---|---|---|---|\n"
             "| 一般公共预算财政拨款收入 | 2613.82 | 2867.45 | 253.63 | 9.70 |\n"
             "| 政府性基金预算财政拨款收入 | 408.15 | 312.60 | -95.55 | -23.41 |\n| 其他收入 | 22.90 | 18.36 | -4.54 | -19.83 |\n"
             "| 上年结转 | 97.54 | 146.27 | 48.73 | 49.96 |\n| 收入合计 | 3142.41 | {t} | {d} | {r} |\n")
    found = _errors(tmp_path, table.format(t="3254.68", d="112.27", r="3.57"), "t.md")
    assert [(c, "3344.68" in m) for c, m in found] == [("TBL007", True)], found  # its 增减额 carries it: said once
    assert _errors(tmp_path, table.format(t="3344.68", d="202.27", r="6.44"), "t.md") == []


def test_the_parts_of_a_named_whole_not_written(tmp_path) -> None:
    text = ("2022年度财政拨款支出按功能分类，社会保障和就业支出168.42万元，占{p}；"
            "卫生健康支出62.15万元，占0.99%；农林水支出5921.58万元，占94.16%；住房保障支出136.80万元，占2.18%。")
    found = _errors(tmp_path, text.format(p="11.27%"))
    assert any(c == "TXT002" and "2.68%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(p="2.68%")) == []
    # one share in three agreeing with the sum is no witness: the parts may not be every part
    odd = ("按支出功能分类，本年支出由以下几类构成：公共安全支出790.69万元，占84.44%；社会保障和就业支出94.67万元，占10.11%，"
           "比上年增加6.53万元，增长6.90%；卫生健康支出23.70万元，占2.53%；住房保障支出27.83万元。")
    assert not [c for c, _m in _errors(tmp_path, odd) if c == "TXT002"]


def test_a_sangong_change_against_the_tables_last_year_past_its_own_rate(tmp_path) -> None:
    table = ("表4 一般公共预算财政拨款“三公”经费支出决算表（单位：万元）\n项目\t预算数\t决算数\t上年决算数\n合计\t4.50\t3.32\t3.83\n"
             "因公出国（境）费\t0.00\t0.00\t0.00\n公务用车购置及运行维护费\t3.00\t2.46\t2.71\n其中：公务用车购置费\t0.00\t0.00\t0.00\n"
             "公务用车运行维护费\t3.00\t2.46\t2.71\n公务接待费\t1.50\t0.86\t1.12\n\n")
    text = table + "2023年度一般公共预算财政拨款“三公”经费支出决算为3.32万元，完成预算的73.78%，较上年减少{d}万元。\n"
    found = _errors(tmp_path, text.format(d="0.38"))
    assert any(c == "TXT004" and "0.51" in m for c, m in found), found
    assert _errors(tmp_path, text.format(d="0.51")) == []


def test_receptions_counted_in_batches_and_people(tmp_path) -> None:
    text = ("公务接待费支出决算为0.86万元，完成预算的57.33%，共接待{n}批次、37人次，其中：上级文化部门检查指导4批次21人次；"
            "市外图书馆交流考察3批次16人次。")
    found = _errors(tmp_path, text.format(n="9"))
    assert any(c == "TXT001" and "4 + 3 = 7" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n="7")) == []


def test_a_grade_said_by_the_scale_it_is_on(tmp_path) -> None:
    text = "经自评工作组逐项审核打分，蒙自市妇联2023年度部门整体支出绩效自评总得分89.67分，按等级划分属于“{g}”。"
    found = _errors(tmp_path, text.format(g="中"))
    assert [c for c, _m in found] == ["TXT009"], found
    assert _errors(tmp_path, text.format(g="良")) == []


def test_a_figure_swapped_in_two_neighbouring_digits_named_in_another_order(tmp_path) -> None:
    table = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n|---|---|---|---|---|---|---|\n"
             "| 产出指标 | 数量指标 | 妇女技能培训人次 | ≥3000人次 | 3620人次 | 10 | 10 |\n"
             "| 效益指标 | 社会效益 | 妇女群众满意度 | ≥90% | 95% | 90 | 90 |\n\n")
    found = _errors(tmp_path, table + "全年培训城乡妇女3260人次，培育巾帼示范基地6个。\n", "r.md")
    assert any(c == "TXT014" and "3620" in m for c, m in found), found
    assert _errors(tmp_path, table + "全年培训城乡妇女3620人次，培育巾帼示范基地6个。\n", "r.md") == []
    # one word in common is no witness: 接待群众3260人次 is another count
    assert _errors(tmp_path, table + "全年接待来访群众3260人次。\n", "r.md") == []


# ---------------------------------------------------------------------------------------------------------------
# guards from the third read-only review (probe files in tests/fixtures/round20, r3_*)
# ---------------------------------------------------------------------------------------------------------------

def test_guards_of_the_third_review(tmp_path) -> None:
    for name in ("r3_m23_grade_scale_ok.txt", "r3_q08_sg_ok.txt", "r3_u01_spend_vs_income_ok.md",
                 "r3_i05_shouru_heji_excl_ok.md"):
        assert _fixture_errors(name) == [], name
    for text in ("2024年度本年收入合计953.97万元，其中：一般公共预算财政拨款收入939.17万元，占98.45%；其他收入14.80万元，"
                 "占1.55%。上年一般公共预算财政拨款收入为946.55万元，本年财政拨款收入比上年预算减少20.83万元。",
                 "截至2023年12月31日，本中心公务用车保有量5辆，其中一般公务用车1辆、特种专业技术用车4辆、纯电动疫苗运输车2辆。",
                 "全年共接待9批次、37人次，其中：上级检查指导4批次21人次；兄弟单位交流考察3批次16人次；另有2批次为工作对接，"
                 "未发生接待费用。",
                 "全年共办理各类案件320件，按案件来源分为：群众举报186件、日常检查发现97件，其余为上级交办和部门移送。",
                 "全年共受理消费者投诉举报1260件，按类型分为：产品质量类536件、食品安全类412件、价格收费类198件等。",
                 "2023年度部门支出总额5124.12万元，其中基本支出3425.68万元，占支出总额的66.85%，基本支出中人员经费3016.27万元、"
                 "公用经费409.41万元，项目支出1698.44万元，占支出总额的33.15%。",
                 "退役士兵适应性培训人数指标（权重10分）自评得分8.53分，偏差原因：部分退役士兵已实现就业。"):
        assert _errors(tmp_path, text) == [], text
    found = _errors(tmp_path, "全县共有行政村186个，已通5G网络的行政村172个，农村5G网络覆盖率达到96.24%。")
    assert any(c == "TXT005" and "92.47%" in m for c, m in found), found


def test_a_parts_own_list_named_by_it(tmp_path) -> None:
    text = ("2023年度部门支出总额5124.12万元，其中基本支出3425.68万元，占支出总额的66.85%，基本支出中人员经费3061.27万元、"
            "公用经费409.41万元，项目支出1698.44万元，占支出总额的33.15%。")
    found = _errors(tmp_path, text)
    assert any(c == "TXT001" and "3061.27 + 409.41" in m for c, m in found), found


def test_of_two_mentions_the_one_its_own_sum_disputes_is_the_slip(tmp_path) -> None:
    text = ("2023年度部门收入总额5168.52万元，其中：一般公共预算财政拨款收入4862.35万元，政府性基金预算财政拨款收入120.00万元，"
            "其他收入204.17万元。\n\n收入总额5186.52万元，比上年增加468.99万元，增长9.94%。\n")
    found = [(c, m) for c, m in _errors(tmp_path, text) if c == "TXT014"]
    assert all("5168.52" in m.split("，")[0] for _c, m in found), found
