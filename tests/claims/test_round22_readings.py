"""Round 22: readings that were silent on wrong figures in reports not seen before (hold-outs h57, h58: 民族宗教,
人社, 卫健, 乡村振兴, 医保, 应急, 司法, 商务 reports in 元 and 万元, from the north-east to Guangxi).

- Last year's figure in brackets right after a change (比上年增加D元（上年为B元）) is the change's base.
- A completion rate in a ；-clause that gives its own budget and spending (其中：A支出X；B支出Y，年初预算Z，完成年初
  预算的P%) is that clause's, whatever other lines the sentence lists before it.
- Money split by the level of government it came from, 中央 down to the department's own (中央资金、自治区资金、
  河池市资金、区本级资金), is the whole of its total.
- A share of 全年支出 in a report that names the department's spending only by its stage (全年执行数X万元).
- The department's own figure of one stage (全年执行数) written again in another section with two digits swapped.
- A 三公 table with only 公务用车运行维护费 (no car bought) is a whole 三公 table; its 合计 is the text's “三公”经费,
  also where the text names the 决算 by the stage alone after the budget (“三公”经费年初预算A元，决算B元).
- A completion rate of the 一般公共预算财政拨款“三公”经费 whose budget is only in the 三公 table.
The figures are written for these tests."""
from __future__ import annotations

from toolkit import lint


def _errors(tmp_path, text: str, name: str = "report.txt") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(f.code, f.message) for f in lint(path).findings if f.severity == "error"]


def test_last_years_figure_in_brackets_after_a_change(tmp_path) -> None:
    text = ("（二）支出结构情况。社会保障和就业支出12,722,870.76元，占本年支出的95.32%，比上年增加{d}元（上年为"
            "11,871,844.20元），主要是公益性岗位补贴人数增加。")
    found = _errors(tmp_path, text.format(d="85,026.56"))
    assert any(c == "TXT004" and "851026.56" in m for c, m in found), found
    assert _errors(tmp_path, text.format(d="851,026.56")) == []
    # a total's change after its 其中 list, the base in brackets: the total's
    listed = "支出合计500.00万元，其中基本支出300.00万元、项目支出200.00万元，比上年增加20.00万元（上年为{b}万元）。"
    found = _errors(tmp_path, listed.format(b="470.00"))
    assert any(c == "TXT004" and "30.00" in m for c, m in found), found
    assert _errors(tmp_path, listed.format(b="480.00")) == []
    # the year named in brackets is the sentence's own year: not last year's figure
    assert _errors(tmp_path, "2023年公务接待费3.50万元，比上年减少0.80万元（2023年为3.50万元）。") == []


def test_a_completion_rate_in_its_own_semicolon_clause(tmp_path) -> None:
    text = ("卫生健康支出1201.42万元。其中：基本公共卫生服务支出684.22万元；计划生育服务支出93.46万元，"
            "年初预算102.00万元，完成年初预算的{r}%。")
    found = _errors(tmp_path, text.format(r="92.63"))
    assert any(c == "TXT005" and "91.63%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(r="91.63")) == []
    # the budget before the ；, the spending after it: one sentence's terms, as before
    assert _errors(tmp_path, "年初预算102.00万元；支出决算93.46万元，完成年初预算的91.63%。") == []
    found = _errors(tmp_path, "年初预算102.00万元；支出决算93.46万元，完成年初预算的92.63%。")
    assert any(c == "TXT005" for c, _m in found), found


def test_money_split_by_the_levels_it_came_from(tmp_path) -> None:
    text = ("按资金来源划分，全年衔接资金{t}元，其中中央资金28,463,100.00元、自治区资金9,875,040.00元、"
            "河池市资金3,650,000.00元、区本级资金4,212,000.00元。")
    found = _errors(tmp_path, text.format(t="46,209,140.00"))
    assert any(c == "TXT001" and "46200140.00" in m for c, m in found), found
    assert _errors(tmp_path, text.format(t="46,200,140.00")) == []
    levels = "项目资金{t}万元，其中中央补助资金200.00万元、省级补助资金100.00万元、县级配套资金150.00万元。"
    assert any(c == "TXT001" for c, _m in _errors(tmp_path, levels.format(t="500.00")))
    assert _errors(tmp_path, levels.format(t="450.00")) == []
    # not down to the department's own level, or a project's investment (自筹, 社会资本 besides): some of it
    assert _errors(tmp_path, "项目资金500.00万元，其中中央资金200.00万元、省级资金100.00万元、市级资金150.00万元。") == []
    assert _errors(tmp_path, levels.format(t="500.00").replace("项目资金", "项目总投资")) == []


SPENT = ("2023年度永春县医疗保障局年初预算1402.80万元，年中追加调整186.44万元，全年预算数1589.24万元；全年执行数"
         "1546.72万元，预算执行率97.32%。\n\n（二）项目支出。项目支出1028.57万元，占全年支出的{r}%，主要包括：城乡居民"
         "医疗救助县级配套资金642.30万元。\n")


def test_a_share_of_spending_named_by_its_stage_elsewhere(tmp_path) -> None:
    found = _errors(tmp_path, SPENT.format(r="64.72"))
    assert any(c == "TXT002" and "66.50%" in m for c, m in found), found
    assert _errors(tmp_path, SPENT.format(r="66.50")) == []
    # two figures of the stage with other values: which one is the whole is not told
    two = SPENT.format(r="64.72") + "\n上年全年执行数1379.05万元。\n"
    assert not any(c == "TXT002" for c, _m in _errors(tmp_path, two.replace("上年全年执行数", "全年执行数")))


EXECUTED = ("2023年度都江堰市商务局年初预算1865.20万元，年中追加调整538.95万元，全年预算数2404.15万元；全年执行数"
            "2318.64万元，预算执行率96.44%。\n\n（一）预算执行率有待提高。{y}年全年执行数为{x}万元，部分县域商业体系"
            "建设项目未完成验收。\n")


def test_the_departments_figure_of_a_stage_written_again_mistyped(tmp_path) -> None:
    found = _errors(tmp_path, EXECUTED.format(y="2023", x="2381.64"))
    assert any(c == "TXT014" and "2318.64" in m for c, m in found), found
    assert _errors(tmp_path, EXECUTED.format(y="2023", x="2318.64")) == []
    # another year's figure, or a line's own (项目支出执行数), is another figure
    assert _errors(tmp_path, EXECUTED.format(y="2022", x="2381.64")) == []
    assert _errors(tmp_path, EXECUTED.format(y="2023", x="2381.64").replace("全年执行数为", "项目支出执行数为")) == []


SANGONG = ("表3 一般公共预算财政拨款“三公”经费支出决算表\n\n项目\t年初预算数（元）\t决算数（元）\n"
           "合计\t60,000.00\t{t}\n因公出国（境）费\t0.00\t0.00\n公务用车运行维护费\t45,000.00\t38,672.50\n"
           "公务接待费\t15,000.00\t9,840.00\n\n四、“三公”经费情况。2023年“三公”经费年初预算60,000.00元，决算{x}元。\n")


def test_a_sangong_table_with_no_car_bought(tmp_path) -> None:
    found = _errors(tmp_path, SANGONG.format(t="48,152.50", x="48,512.50"))
    assert any(c == "TBL012" and "48512.50" in m for c, m in found), found
    assert _errors(tmp_path, SANGONG.format(t="48,512.50", x="48,512.50")) == []


def test_the_sangong_actual_named_by_its_stage_after_the_budget(tmp_path) -> None:
    found = _errors(tmp_path, SANGONG.format(t="48,512.50", x="48,152.50"))
    assert any(c == "TXT014" and "48,512.50" in m for c, m in found), found
    # a figure named by no stage after the budget is not read as the 决算
    other = SANGONG.format(t="48,512.50", x="48,152.50").replace("，决算48,152.50元", "，结余48,152.50元")
    assert not any(c == "TXT014" for c, _m in _errors(tmp_path, other))


SANGONG_RATE = ("表4 一般公共预算财政拨款“三公”经费支出决算表\n\n单位：万元\n项目\t预算数\t决算数\n合计\t18.00\t15.42\n"
                "因公出国（境）费\t0.00\t0.00\n公务用车购置及运行维护费\t15.00\t13.08\n其中：公务用车购置费\t0.00\t0.00\n"
                "公务用车运行维护费\t15.00\t13.08\n公务接待费\t3.00\t2.34\n\n六、“三公”经费支出决算情况说明。2023年度一般公共"
                "预算财政拨款“三公”经费决算15.42万元，完成预算的{r}%，比上年减少2.54万元。\n")


def test_a_sangong_completion_rate_against_the_tables_budget(tmp_path) -> None:
    found = _errors(tmp_path, SANGONG_RATE.format(r="116.73"))
    assert any(c == "TXT005" and "85.67%" in m for c, m in found), found
    assert _errors(tmp_path, SANGONG_RATE.format(r="85.67")) == []
    # one item's rate is that item's row, never the 合计's
    item = SANGONG_RATE.format(r="85.67").replace("“三公”经费决算15.42万元，完成预算的85.67%",
                                                  "“三公”经费中公务接待费2.34万元，完成预算的78.00%")
    assert _errors(tmp_path, item) == []
    # the figure before the rate is the budget itself (“三公”经费预算A元，完成预算的P%): the rate's spending is not it
    budget = SANGONG_RATE.format(r="85.67").replace("“三公”经费决算15.42万元，完成预算的85.67%",
                                                    "“三公”经费决算15.42万元。“三公”经费预算18.00万元，完成预算的85.67%")
    assert _errors(tmp_path, budget) == []


REVERSE = ("| 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 |\n|---|---|---|---|---|---|---|\n"
           "| 产出指标 | 数量指标 | 维修改造农村供水工程 | ≥45处 | 46处 | 10 | 10.00 |\n"
           "| 产出指标 | 时效指标 | 供水工程故障平均修复时长 | ≤48小时 | 60小时 | 5 | {s} |\n"
           "| 效益指标 | 社会效益 | 农村自来水普及率 | ≥98% | 98.6% | 15 | 15.00 |\n"
           "| 总分 | — | — | — | — | 30 | {t} |\n")


def test_a_reverse_indicators_score_with_the_rules_digits_swapped(tmp_path) -> None:
    # 5 × (1 − (60 − 48) ÷ 48) = 3.75, written 3.57: the rule's value mistyped, though the report states no rule
    found = _errors(tmp_path, REVERSE.format(s="3.57", t="28.57"), "report.md")
    assert any(c == "TBL013" and "3.75" in m for c, m in found), found
    assert _errors(tmp_path, REVERSE.format(s="3.75", t="28.75"), "report.md") == []
    # another method's score (3.00: 扣2分) is not judged with no rule stated
    assert _errors(tmp_path, REVERSE.format(s="3.00", t="28.00"), "report.md") == []


PROPORTIONAL = ("| 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 |\n|---|---|---|---|---|---|---|\n"
                "| 产出指标 | 数量指标 | 特种设备监督检查台次 | ≥1500台次 | 1436台次 | 6 | {s} |\n"
                "| 产出指标 | 数量指标 | 食品安全监督抽检批次 | ≥2400批 | 2568批 | 8 | 8.00 |\n"
                "| 产出指标 | 数量指标 | 知识产权维权援助案件 | ≥60件 | 52件 | 6 | 5.00 |\n")


def test_a_proportional_score_with_two_digits_swapped(tmp_path) -> None:
    # 6 × 1436 ÷ 1500 = 5.74 written 5.47, though the table's other unmet row follows another rule (5.00)
    found = _errors(tmp_path, PROPORTIONAL.format(s="5.47"), "report.md")
    assert any(c == "TBL013" and "5.74" in m for c, m in found), found
    assert _errors(tmp_path, PROPORTIONAL.format(s="5.74"), "report.md") == []
    assert _errors(tmp_path, PROPORTIONAL.format(s="5.50"), "report.md") == []  # another rule's score: not judged


JOINED = ("表3 2024年度主要绩效目标完成情况表\n\n| 绩效指标 | 目标值 | 实际值 | 完成率（%） |\n|---|---|---|---|\n"
          "| 食品安全监督抽检批次 | 2400批 | 2568批 | 107.00 |\n| 特种设备监督检查台次 | 1500台次 | 1436台次 | 95.73 |\n"
          "| 知识产权维权援助案件 | 60件 | 52件 | 86.67 |\n\n表4 2024年度部门整体支出绩效评价评分表\n\n"
          "| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|---|\n"
          "| 产出指标 | 数量指标 | 食品安全监督抽检批次 | 8.00 | 8.00 |\n"
          "| 产出指标 | 数量指标 | 特种设备监督检查台次 | 6.00 | {s} |\n"
          "| 产出指标 | 数量指标 | 知识产权维权援助案件 | 6.00 | 5.20 |\n")


def test_scores_against_targets_given_in_another_table(tmp_path) -> None:
    found = _errors(tmp_path, JOINED.format(s="5.47"), "report.md")
    assert any(c == "TBL013" and "5.74" in m and "特种设备监督检查台次 | 6.00 | 5.47" in q
               for c, m, q in [(f.code, f.message, f.quote) for f in lint(tmp_path / "report.md").findings]), found
    assert _errors(tmp_path, JOINED.format(s="5.74"), "report.md") == []
    # a targets table naming the indicators twice is not read
    twice = JOINED.format(s="5.47").replace("| 知识产权维权援助案件 | 60件 | 52件 | 86.67 |",
                                            "| 特种设备监督检查台次 | 1400台次 | 1436台次 | 102.57 |")
    assert not any(c == "TBL013" for c, _m in _errors(tmp_path, twice, "report.md"))


def test_a_sangong_budget_given_for_the_total_alone(tmp_path) -> None:
    table = ("表5 一般公共预算财政拨款“三公”经费支出决算表（单位：万元）\n\n| 项目 | 预算数 | 决算数 |\n|---|---|---|\n"
             "| 合计 | 16.27 | {t} |\n| 因公出国（境）费 | 0.00 | 0.00 |\n| 公务用车运行维护费 | — | 8.05 |\n"
             "| 公务接待费 | — | 6.74 |\n")
    # the budget column's items left as “—”: not broken down, no sum to check; the 决算 column still is
    assert _errors(tmp_path, table.format(t="14.79"), "report.md") == []
    found = _errors(tmp_path, table.format(t="14.97"), "report.md")
    assert any(c == "TBL012" and "14.79" in m for c, m in found), found


def test_a_share_said_of_the_money_a_paragraph_is_about(tmp_path) -> None:
    text = ("项目支出合计3429.84万元。\n\n4.退役士兵安置（项）。年初预算450.00万元，决算427.15万元，该项目完成年初预算的"
            "94.92%；该资金结余22.85万元，这笔资金占项目支出的{r}%。\n")
    assert _errors(tmp_path, text.format(r="12.45")) == []  # 427.15 ÷ 3429.84, not the 结余's share
    found = _errors(tmp_path, text.format(r="12.54"))
    assert any(c == "TXT002" and "12.45%" in m for c, m in found), found


CLASSES = ("表3 一般公共预算财政拨款支出决算表（单位：万元）\n\n| 项目 | 年初预算数 | 决算数 |\n|---|---|---|\n"
           "| 合计 | 5284.20 | 5295.66 |\n| 卫生健康支出 | 2913.45 | 2918.69 |\n| 社会保障和就业支出 | 2370.75 | 2376.97 |\n\n"
           "三、一般公共预算财政拨款支出决算具体情况。卫生健康支出（类）2918.69万元，占55.12%，完成年初预算的{r}%。\n")


def test_a_completion_rate_after_its_own_share_against_the_tables_budget(tmp_path) -> None:
    found = _errors(tmp_path, CLASSES.format(r="99.82"), "report.md")
    assert any(c == "TXT005" and "100.18%" in m for c, m in found), found
    assert _errors(tmp_path, CLASSES.format(r="100.18"), "report.md") == []
