"""Round 23: readings that were silent on wrong figures, or wrong on right ones, in reports not seen before (hold-outs
h59–h63, h67: 住建, 水利, 民政, 市场监管, 城管, 教育, 信访, 公安, 发改, 工信, 审计, 供销 reports from the north-east,
Hubei, Henan, Hunan, Jiangxi, Guangxi, Yunnan, Sichuan, Gansu and Xinjiang).

- A rate after a closed list (T万元，由A、B和C组成，完成预算的R%) or after a 其中 list (T，其中A、B，完成预算Z的R%) is the
  total's, not the last part's.
- A 三公 total whose rate fits neither the text's total nor the table's over the table's budget: the rate is wrong.
- A staffing total written with one digit lost (核定编制34名，包括312名、18名和4名): the parts are its parts.
- A figure announced as made of named parts (支出合计T，由基本支出和项目支出组成。基本支出A，占x%) is the whole of
  their bare shares.
- Last year's grade (上年自评得分91.35分，等级为优) is not judged against this year's score.
- Cases closed: 结案率, 办结率, 审结率 are of the count closed, whichever of these words names it.
- Work states joined by 、 end their list at the ， (其中已完工9个、在建3个，新增学位2160个).
- Petitions by the way they came: 来信, 来访, 网上信访 are every petition.
- Table columns: 完成预算（%） is a ratio (not summed, and checked against 决算 ÷ 预算, never 上年决算数 ÷ 预算); a
  三公 table's 增减额 beside 上年决算数 is 决算数 − 上年决算数, and the one wrong change explains its column's total.
- A 自评表's 完成率（%） column is 实际 ÷ 目标 on rows whose target is a floor.
- A grade written in a table of keys and values (自评得分 | 88.57, 评价等级 | 优), or under a 自评表's 总分 row.
- A rate of 该项目 / 该资金 is of the money its paragraph told of before; 已拨付 is money spent.
- 与…X相比 makes X the base of the change after it; 超出储备任务N is a difference, not a target.
- A figure written again in another unit (12.37万元，即123,700元) is the same figure: no second part, and it must
  convert exactly.
- A text figure in 元 against a table in 万元 with a zero too many (841,000元 for 8.41万元), and 合计支出 named as
  支出合计.
The figures are written for these tests."""
from __future__ import annotations

from toolkit import lint


def _findings(tmp_path, text: str, name: str = "report.txt") -> list[tuple[str, str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(f.severity, f.code, f.message) for f in lint(path).findings]


def _errors(tmp_path, text: str, name: str = "report.txt") -> list[tuple[str, str]]:
    return [(c, m) for s, c, m in _findings(tmp_path, text, name) if s == "error"]


SANGONG_TABLE = ("表4 2024年度一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n\n项目\n预算数\n决算数\n完成率\n\n"
                 "合计\n4.50\n{spent}\n{rate}\n\n因公出国（境）费\n0.00\n0.00\n—\n\n公务用车购置及运行维护费\n3.00\n2.86\n95.33%\n\n"
                 "公务接待费\n1.50\n1.04\n69.33%\n")


def test_a_rate_after_a_closed_list_is_the_totals(tmp_path) -> None:
    text = ("五、“三公”经费支出决算情况说明\n\n2024年度“三公”经费支出{t}万元，由因公出国（境）费0万元、公务用车购置及运行"
            "维护费2.86万元和公务接待费1.04万元组成，完成预算的{r}%，决算数小于预算数的主要原因是压减一般性支出。\n\n")
    right = text.format(t="3.90", r="86.67") + SANGONG_TABLE.format(spent="3.90", rate="86.67%")
    assert _errors(tmp_path, right) == []
    wrong = text.format(t="3.90", r="88.67") + SANGONG_TABLE.format(spent="3.90", rate="86.67%")
    found = _errors(tmp_path, wrong)
    assert any(c == "TXT005" and "86.67%" in m and "3.90" in m for c, m in found), found
    # the total mistyped too (its parts add to the table's 3.90): the rate fits neither, so it is wrong
    both = text.format(t="4.90", r="124.00") + SANGONG_TABLE.format(spent="3.90", rate="86.67%")
    found = _errors(tmp_path, both)
    assert any(c == "TXT005" and "124.00%" in m and "86.67%" in m for c, m in found), found
    assert any(c == "TXT001" for c, _m in found), found


def test_a_rate_after_a_qizhong_list_is_the_totals(tmp_path) -> None:
    text = "“三公”经费全年支出2.84万元，其中公务用车运行维护费2.16万元、公务接待费0.68万元，完成预算3.50万元的{r}%。"
    assert _errors(tmp_path, text.format(r="81.14")) == []
    found = _errors(tmp_path, text.format(r="85.14"))
    assert any(c == "TXT005" and "2.84万元 ÷ 预算 3.50万元 = 81.14%" in m for c, m in found), found


def test_a_staffing_total_with_a_digit_lost(tmp_path) -> None:
    text = "截至2023年12月31日，全局核定编制{n}名，包括政法专项编制312名、事业编制18名和工勤编制4名；实有在职人员327人。"
    found = _errors(tmp_path, text.format(n="34"))
    assert any(c == "TXT001" and "312 + 18 + 4 = 334" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n="334")) == []
    # a figure before a larger list that is no digit away from its sum is some other figure: nothing said
    assert _errors(tmp_path, "项目资金总额34万元，其中设备购置312万元、培训18万元。") == []


def test_the_whole_announced_as_made_of_named_parts(tmp_path) -> None:
    text = ("本年支出合计2877.08万元，由基本支出和项目支出组成。基本支出818.52万元，占{x}%，是为保障机构正常运转而发生的"
            "人员经费和公用经费；项目支出2058.56万元，占71.55%，是为完成特定工作任务而发生的支出。")
    found = _errors(tmp_path, text.format(x="30.38"))
    assert any(c == "TXT002" and "28.45%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(x="28.45")) == []
    # a part the announcement does not name is not one of its parts
    other = ("本年支出合计2877.08万元，由基本支出和项目支出组成。人员经费712.11万元，占30.38%，主要为工资福利支出。")
    assert _errors(tmp_path, other) == []


def test_last_years_grade_beside_this_years_fall(tmp_path) -> None:
    text = "上年自评得分91.35分，等级为{g}，本年得分较上年下降2.35分。"
    assert _errors(tmp_path, text.format(g="优")) == []
    assert _errors(tmp_path, "本年自评得分89.00分，等级为良。" + text.format(g="优")) == []
    found = _errors(tmp_path, "本年自评得分89.00分，等级为优。")
    assert any(c == "TXT009" for c, _m in found), found


def test_cases_closed_by_any_of_their_words(tmp_path) -> None:
    text = "全年受理城市管理类投诉举报及数字城管案件2846件，办结2791件，结案率{r}%；清理规范户外广告招牌1263处。"
    assert _errors(tmp_path, text.format(r="98.07")) == []
    for wrong in ("101.97", "99.07"):
        found = _errors(tmp_path, text.format(r=wrong))
        assert any(c == "TXT005" and "98.07%" in m for c, m in found), (wrong, found)
    text = "全年共受理信访案件214件，已结案209件，办结率{r}%。"
    assert _errors(tmp_path, text.format(r="97.66")) == []
    assert any(c == "TXT005" for c, _m in _errors(tmp_path, text.format(r="96.66")))


def test_work_states_end_their_list_at_the_comma(tmp_path) -> None:
    text = "全年新建、改扩建校舍项目{n}个，其中已完工9个、在建3个，新增学位2160个。"
    found = _errors(tmp_path, text.format(n="13"))
    assert any(c == "TXT001" and "9 + 3 = 12" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n="12")) == []


def test_petitions_by_the_way_they_came(tmp_path) -> None:
    text = "2023年共受理群众信访事项{n}件，其中来信312件、来访529件、网上信访723件；按期受理率99.25%。"
    found = _errors(tmp_path, text.format(n="1586"))
    assert any(c == "TXT001" and "1564" in m for c, m in found), found
    assert _errors(tmp_path, text.format(n="1564")) == []
    # two of the ways only: some petitions may have come by the third
    assert _errors(tmp_path, "2023年共受理群众信访事项1586件，其中来信312件、来访529件。") == []


SANGONG_MD = ("表4 三公经费支出决算表（单位：万元）\n\n| 项目 | 预算数 | 决算数 | 完成预算(%) | 上年决算数 | 增减额 |\n"
              "|---|---|---|---|---|---|\n| 因公出国（境）费 | 0.00 | 0.00 | — | 0.00 | 0.00 |\n"
              "| 公务用车购置及运行维护费 | 7.50 | 6.85 | 91.33 | 7.26 | -0.41 |\n"
              "| 公务接待费 | 4.00 | 3.12 | {rate} | {last} | {delta} |\n"
              "| 合计 | 11.50 | 9.97 | 86.70 | 10.84 | -0.87 |\n")


def test_a_completion_column_named_by_its_sign(tmp_path) -> None:
    right = SANGONG_MD.format(rate="78.00", last="3.58", delta="-0.46")
    assert _errors(tmp_path, right, "r.md") == []  # its 合计 86.70 is no sum of 91.33 and 78.00
    # the rate of last year's 决算 over this year's budget: 3.58 ÷ 4.00 = 89.50, not 决算 ÷ 预算
    found = _errors(tmp_path, SANGONG_MD.format(rate="89.50", last="3.58", delta="-0.46"), "r.md")
    assert any(c == "TBL005" and "78.00%" in m for c, m in found), found


def test_a_sangong_change_column_beside_last_years_figure(tmp_path) -> None:
    found = _errors(tmp_path, SANGONG_MD.format(rate="78.00", last="3.58", delta="-0.64"), "r.md")
    assert any(c == "TBL010" and "-0.46" in m for c, m in found), found
    assert not any(c == "TBL012" for c, _m in found), found  # the wrong change is the column's one slip


INDICATORS = ("表3 部门整体支出绩效自评表\n\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 完成率(%) | 得分 |\n"
              "|---|---|---|---|---|---|---|---|\n"
              "| 产出指标 | 数量指标 | 重大项目前期工作推进数 | 10 | ≥30个 | 32个 | 106.67 | 10.00 |\n"
              "| 产出指标 | 数量指标 | 争取中央预算内投资项目数 | 10 | ≥25个 | 22个 | {rate} | 8.80 |\n"
              "| 效益指标 | 经济效益 | 固定资产投资增速 | 10 | ≥5% | 5.8% | 116.00 | 10.00 |\n"
              "| 合计 | — | — | 30 | — | — | — | 28.80 |\n")


def test_a_score_tables_completion_column(tmp_path) -> None:
    assert _errors(tmp_path, INDICATORS.format(rate="88.00"), "s.md") == []
    found = _errors(tmp_path, INDICATORS.format(rate="113.64"), "s.md")
    assert any(c == "TBL005" and "88.00%" in m for c, m in found), found


def test_a_grade_in_a_table_of_keys_and_values(tmp_path) -> None:
    text = "表5 自评结果\n\n| 项目 | 结果 |\n|---|---|\n| 自评得分 | {s} |\n| 评价等级 | {g} |\n"
    for s, g in (("88.57", "良"), ("95.57", "优")):
        assert _errors(tmp_path, text.format(s=s, g=g), "g.md") == [], (s, g)
    for s, g in (("88.57", "优"), ("95.57", "良")):
        found = _errors(tmp_path, text.format(s=s, g=g), "g.md")
        assert any(c == "TXT009" and f"表中写“{g}”" in m for c, m in found), (s, g, found)
    rows = ("表3 绩效自评表\n\n| 一级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|\n| 预算执行率 | 预算执行率 | 10 | 9.75 |\n"
            "| 产出指标 | 培训人次 | 90 | 89.20 |\n| 总分 | | 100 | 98.95 |\n| 自评等级 | | | {g} |\n")
    assert _errors(tmp_path, rows.format(g="优"), "t.md") == []  # not 9.75, the first score under a 得分 head
    found = _errors(tmp_path, rows.format(g="良"), "t.md")
    assert any(c == "TXT009" and "98.95" in m for c, m in found), found


def test_a_rate_of_the_money_told_of_before(tmp_path) -> None:
    text = ("1.城镇老旧小区改造项目。2024年全年预算安排城镇老旧小区改造项目资金3260.00万元，涉及3个街道的小区改造。"
            "该项目资金当年全部到位，到位率100.00%；截至12月31日已拨付2984.56万元，该项目资金执行率为{r}%。")
    found = _errors(tmp_path, text.format(r="95.15"))
    assert any(c == "TXT005" and "91.55%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(r="91.55")) == []
    text = ("（二）农村饮水安全巩固提升工程。全年预算安排2150.00万元，年内实际到位1980.00万元，支出1836.72万元。"
            "该项目资金到位率为{r}%，到位资金支出进度为92.76%。")
    found = _errors(tmp_path, text.format(r="85.43"))
    assert any(c == "TXT005" and "92.09%" in m for c, m in found), found
    assert _errors(tmp_path, text.format(r="92.09")) == []


def test_the_figure_compared_with_and_an_excess_over_a_target(tmp_path) -> None:
    text = "2024年度收入总计814.17万元。与2023年度收入总计777.20万元相比，增加36.97万元，增长{r}%，主要是人员工资晋档。"
    assert _errors(tmp_path, text.format(r="4.76")) == []
    found = _errors(tmp_path, text.format(r="4.96"))
    assert any(c == "TXT004" and "4.76%" in m for c, m in found), found
    text = "与上年本年支出7655.90万元相比，本年支出增加{d}万元，增长5.84%，主要是补助资金增加。"
    assert _errors(tmp_path, text.format(d="447.36")) == []
    found = _errors(tmp_path, text.format(d="474.36"))
    assert any(c == "TXT004" and "6.20%" in m for c, m in found), found
    text = "完成化肥商业储备3,250吨，超出储备任务250吨，完成率{r}%；开展农资质量抽检50批次。"
    assert _errors(tmp_path, text.format(r="108.33")) == []


def test_a_figure_written_again_in_another_unit(tmp_path) -> None:
    text = ("2023年度，我局收入总计2957.08万元。其中一般公共预算财政拨款收入2318.46万元；政府性基金预算财政拨款收入540.00万元；"
            "其他收入12.37万元，即{y}元，主要为工本费；上年结转86.25万元。")
    assert _errors(tmp_path, text.format(y="123,700")) == []  # not a fifth part of the 收入总计
    found = _errors(tmp_path, text.format(y="12,370"))
    assert any(c == "TXT014" and "123700" in m for c, m in found), found


def test_a_text_figure_in_yuan_against_a_table_in_wanyuan(tmp_path) -> None:
    table = ("表4 “三公”经费支出决算表\n单位：万元\n\n| 项目 | 预算数 | 决算数 | 上年决算数 |\n|---|---|---|---|\n"
             "| 合计 | 10.00 | 8.41 | 9.27 |\n| 因公出国（境）费 | 0.00 | 0.00 | 0.00 |\n"
             "| 公务用车购置及运行维护费 | 7.00 | 6.35 | 7.02 |\n| 公务接待费 | 3.00 | 2.06 | 2.25 |\n\n")
    for said in ("841,000元", "8.14万元"):
        found = _errors(tmp_path, table + f"全年“三公”经费合计支出{said}，控制在年度预算以内。\n", "y.md")
        assert any(c == "TXT014" and "8.41" in m for c, m in found), (said, found)
    for said in ("84,100元", "8.41万元"):
        assert _errors(tmp_path, table + f"全年“三公”经费合计支出{said}，控制在年度预算以内。\n", "y.md") == [], said


def test_a_lines_execution_rate_is_not_the_departments(tmp_path) -> None:
    text = ("从预算执行情况看，本单位2024年度支出年初预算1400.41万元，经年中追加调整后全年预算1724.96万元，全年执行"
            "1647.40万元，预算执行率为{r}%；其中项目支出执行率为93.46%，基本支出执行率为96.81%。")
    assert _errors(tmp_path, text.format(r="95.50")) == []  # the lines' rates are not 1647.40 ÷ 1724.96
    found = _errors(tmp_path, text.format(r="96.50"))
    assert any(c == "TXT005" and "95.50%" in m for c, m in found), found


def test_a_bracket_after_a_rate_holds_no_parts_of_the_figure_before(tmp_path) -> None:
    text = ("全年共实施人社服务提升重点项目17个，其中已完工14个、在建3个；镇街“15分钟就业服务圈”覆盖率达到100.00%"
            "（已覆盖21个，共21个）。")
    assert _errors(tmp_path, text) == []
    found = _errors(tmp_path, "全年共实施项目17个，其中已完工13个（新建9个、改建4个），在建3个。")
    assert any(c == "TXT001" and "13 + 3 = 16" in m for c, m in found), found


LINES = ("表2 2024年度预算执行情况表\n单位：万元\n\n| 项目 | 年初预算 | 全年预算 | 执行数 |\n|---|---|---|---|\n"
         "| 基本支出 | 948.98 | 1054.08 | 1020.41 |\n| 项目支出 | 451.43 | 670.88 | 626.99 |\n"
         "| 合计 | 1400.41 | 1724.96 | 1647.40 |\n\n")


def test_a_lines_execution_rate_against_its_table_row(tmp_path) -> None:
    text = LINES + "全年预算执行率为95.50%；其中项目支出执行率为{p}%，基本支出执行率为96.81%。\n"
    assert _errors(tmp_path, text.format(p="93.46"), "e.md") == []
    found = _errors(tmp_path, text.format(p="93.64"), "e.md")
    assert any(c == "TXT005" and "626.99" in m and "93.46%" in m for c, m in found), found
    # a project's own rate (项目执行率 after its figures) is not the 项目支出 line's
    own = LINES + "就业创业补贴资金全年预算114.13万元，实际支出105.71万元，项目执行率92.62%。\n"
    assert _errors(tmp_path, own, "e.md") == []


def test_the_counts_in_brackets_after_a_rate_are_its_terms(tmp_path) -> None:
    text = ("全年共实施市场监管能力提升项目19个，其中已完工16个、在建3个；食品经营主体“阳光厨房”覆盖率达到{r}%"
            "（已覆盖1786个，共1862个）。")
    assert _errors(tmp_path, text.format(r="95.92")) == []
    found = _errors(tmp_path, text.format(r="95.29"))
    assert any(c == "TXT005" and "95.92%" in m for c, m in found), found


def test_a_percent_target_written_with_its_sign(tmp_path) -> None:
    text = "投诉举报按时办结率指标年度目标为≥98%，实际完成88.2%，完成率为{r}%，未达到年度目标。"
    assert _errors(tmp_path, text.format(r="90.00")) == []
    found = _errors(tmp_path, text.format(r="111.11"))
    assert any(c == "TXT005" and "90.00%" in m for c, m in found), found
