"""Round 18: readings that spoke on right figures, or were silent on wrong ones, in layouts not read before.

- A Markdown table cell in emphasis (**总分**, __合计__) is read as its words: the 总分 row is the table's total,
  not one more indicator of the group above it.
- A 总分 in the sentence that sets up the indicator system (共设置三级指标N个，…，总分100分) is the weights' total,
  not a score to hold against the table's.
- A share of a whole whose figure in another paragraph the table contradicts, right against the table's figure:
  the whole's figure is reported, the share is not.
- A 其中 list whose parts add up exactly to an earlier figure of the two sentences (基本支出和项目支出分别为A和B。
  基本支出…，其中C、D) belongs to that figure, not to the nearest one.
- A text file written a sentence a line, its paragraphs parted by blank lines, is read a paragraph at a time, so a
  rate of change whose two years stand on the lines before it is judged.
The figures are written for these tests, in the voice of a 气象局, a 档案馆 and a 供销社 of other provinces."""
from __future__ import annotations

from toolkit import lint


def _errors(tmp_path, text: str, name: str = "report.md") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(f.code, f.message) for f in lint(path).findings if f.severity == "error"]


SCORES = """表3 2024年度绩效自评表

| 一级指标 | 三级指标 | 分值 | 得分 |
| --- | --- | --- | --- |
| 产出指标（60分） | 自动气象站维护数量 | 20 | 20 |
|  | 预报准确率 | 20 | {acc} |
|  | 预警信息发布及时率 | 20 | 19.2 |
| 效益指标（30分） | 气象灾害损失率下降 | 30 | 27 |
| 满意度指标（10分） | 公众气象服务满意度 | 10 | 9.5 |
| {bold} |  | {weights} | {total} |

产出指标得分{out}分。
"""


def _scores(**kw) -> str:
    values = dict(acc="18.6", bold="**总分**", weights="100", total="94.3", out="57.8")
    values.update(kw)
    return SCORES.format(**values)


def test_an_emphasised_total_row_of_a_markdown_table_is_its_total(tmp_path) -> None:
    assert _errors(tmp_path, _scores()) == []
    assert _errors(tmp_path, _scores(bold="__合计__")) == []


def test_a_wrong_weight_total_in_an_emphasised_row_is_still_reported(tmp_path) -> None:
    codes = [c for c, _m in _errors(tmp_path, _scores(weights="110"))]
    assert "TBL003" in codes


def test_a_kinds_score_in_the_text_is_held_against_a_table_with_an_emphasised_total(tmp_path) -> None:
    found = _errors(tmp_path, _scores(out="58.7"))
    assert any(c == "TXT010" and "57.8" in m for c, m in found), found


SETUP = """{table}

本年度自评共设定一级指标3个、三级指标5个，{words}。
"""


def test_a_total_in_the_sentence_setting_up_the_indicators_is_the_weights_total(tmp_path) -> None:
    table = _scores().split("\n\n产出")[0]
    assert _errors(tmp_path, SETUP.format(table=table, words="总分100分")) == []


def test_a_total_score_written_as_100_against_the_table_is_still_reported(tmp_path) -> None:
    table = _scores().split("\n\n产出")[0]
    found = _errors(tmp_path, SETUP.format(table=table, words="自评总得分100分"))
    assert any(c == "TXT010" for c, _m in found), found


SHARE = """2024年本年支出1865.40万元，其中基本支出743.18万元，项目支出{text}万元。

表1 支出决算表（单位：万元）

| 项目 | 2024年 | 2023年 |
| --- | --- | --- |
| 支出合计 | 1865.40 | 1790.26 |
| 基本支出 | 743.18 | 725.04 |
| 项目支出 | 1122.22 | 1065.22 |

2024年政府采购支出356.80万元，政府采购支出占项目支出的{share}%。
"""


def test_a_share_right_against_the_tables_whole_is_not_reported_when_the_text_whole_is_wrong(tmp_path) -> None:
    found = _errors(tmp_path, SHARE.format(text="1212.22", share="31.79"))  # 356.80 / 1122.22 = 31.79%
    codes = [c for c, _m in found]
    assert "TXT014" in codes and "TXT002" not in codes, found


def test_a_share_wrong_against_both_wholes_is_reported(tmp_path) -> None:
    found = _errors(tmp_path, SHARE.format(text="1212.22", share="33.79"))
    assert any(c == "TXT002" and "33.79" in m for c, m in found), found


PARTS = ("全年支出2204.75万元，基本支出和项目支出分别为{base}万元和1558.15万元。基本支出占全年支出的29.33%，比上年的"
         "618.40万元增长4.56%，其中人员经费561.26万元、公用经费{office}万元；项目支出主要用于档案数字化和库房改造。\n")


def test_parts_that_add_up_to_an_earlier_figure_belong_to_it(tmp_path) -> None:
    # 561.26 + 85.34 = 646.60, the 基本支出 of the first sentence (not the nearer 项目支出 1558.15)
    assert _errors(tmp_path, PARTS.format(base="646.60", office="85.34")) == []


def test_parts_that_add_up_to_no_figure_are_still_reported(tmp_path) -> None:
    found = _errors(tmp_path, PARTS.format(base="646.60", office="58.34"))
    assert any(c == "TXT001" for c, _m in found), found


LINES = """某县供销合作社联合社2024年度部门决算说明

一、收入支出情况

本年收入836.42万元。
其中财政拨款收入812.30万元。
其他收入24.12万元。

本年支出829.05万元。
上年支出775.60万元。
比上年增加53.45万元，增长{rate}%。
增加原因：新建农村综合服务社3个。

基本支出412.66万元。
其中人员经费365.20万元。
公用经费47.46万元。

项目支出416.39万元。
主要用于农资储备和电商服务站建设。

二、预算执行情况

全年预算860.00万元。
全年执行829.05万元。
执行率96.40%。
"""


def test_a_file_written_a_sentence_a_line_is_read_a_paragraph_at_a_time(tmp_path) -> None:
    assert _errors(tmp_path, LINES.format(rate="6.89"), "report.txt") == []  # 53.45 / 775.60 = 6.89%
    found = _errors(tmp_path, LINES.format(rate="6.98"), "report.txt")
    assert any(c == "TXT004" and "6.98" in m for c, m in found), found


def test_a_file_of_a_paragraph_a_line_is_read_a_line_at_a_time(tmp_path) -> None:
    # the same lines with no blank lines between paragraphs: each line is a paragraph of its own (the usual .txt)
    text = LINES.format(rate="6.98").replace("\n\n", "\n")
    from toolkit.claims.document import read
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    assert len(read(path).paragraphs) == len([ln for ln in text.splitlines() if ln.strip()])


TABLE = """表2 2024年度部门整体支出绩效自评表

| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| --- | --- | --- | --- | --- | --- | --- |
| 产出指标 | 数量指标 | 档案数字化页数 | ≥80万页 | 72万页 | 20 | {pages} |
|  | 质量指标 | 档案查阅服务满意率 | ≥95% | 97.4% | 20 | 20 |
|  | 时效指标 | 65岁以上老人上门查档办结率 | ≥90% | 93% | 10 | 10 |
| 效益指标 | 社会效益 | 馆藏档案利用人次 | ≥3000人次 | 3240人次 | 40 | {use} |
| 满意度指标 | 服务对象满意度 | 查档群众满意度 | ≥90% | 96% | 10 | 10 |
| 合计 |  |  |  |  | 100 | {total} |

{rule}

1.产出指标。全年完成档案数字化72万页，完成年度目标的{rate}%，主要是扫描设备更换延误两个月，该项得{pages_text}分。65岁以上老人上门查档办结率93%，得10分。馆藏档案利用3240人次，得{use_text}分。
"""


def _table(**kw) -> str:
    values = dict(pages="18", pages_text="18", use="40", use_text="40", total="98", rate="90.00",
                  rule="定量指标达到目标值的得满分，未达到的按实际完成值占目标值的比例计分。")
    values.update(kw)
    return TABLE.format(**values)


def test_a_completion_rate_after_the_rows_own_figure_is_held_against_the_rows_target(tmp_path) -> None:
    assert _errors(tmp_path, _table()) == []  # 72 ÷ 80 = 90.00%, 20 × 90% = 18
    found = _errors(tmp_path, _table(rate="92.00"))
    assert any(c == "TXT005" and "90.00%" in m for c, m in found), found


def test_a_score_in_prose_above_the_weight_of_the_row_it_names_is_reported(tmp_path) -> None:
    # the name of the row is read from its 三级指标 column, not the 实际完成值 cell before the weight
    found = _errors(tmp_path, _table(use="44", use_text="44", total="102"))
    assert any(c == "TXT008" and "馆藏档案利用人次" in m for c, m in found), found


def test_a_score_against_the_reports_proportional_rule_with_the_tables_weight(tmp_path) -> None:
    found = _errors(tmp_path, _table(pages="18.5", pages_text="18.5", total="98.5"))
    assert any(c == "TXT008" and "18" in m and "18.5" in m for c, m in found), found


def test_no_proportional_rule_stated_no_proportional_score_asked(tmp_path) -> None:
    found = _errors(tmp_path, _table(pages="18.5", pages_text="18.5", total="98.5", rule="定性指标按达成程度分档计分。"))
    assert not any(c == "TXT008" for c, _m in found), found


DASHES = ("表2 绩效自评表\n"
          "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
          "预算执行\t预算执行\t预算执行率\t100%\t97.20%\t10\t9.72\n"
          "产出指标\t数量指标\t社区居家养老服务站\t≥12个\t12个\t20\t20\n"
          "产出指标\t质量指标\t养老机构消防达标率\t100%\t96%\t20\t{fire}\n"
          "产出指标小计\t—\t—\t—\t—\t40\t{sub}\n"
          "效益指标\t社会效益\t特困人员集中供养率\t≥60%\t64%\t40\t40\n"
          "满意度指标\t服务对象满意度\t服务对象满意度\t≥90%\t94%\t10\t10\n"
          "总分\t—\t—\t—\t—\t100\t{total}\n")


def test_a_subtotal_row_with_dashes_in_its_other_cells_is_a_subtotal(tmp_path) -> None:
    right = DASHES.format(fire="19.2", sub="39.2", total="98.92")
    assert _errors(tmp_path, right, "report.txt") == []


def test_a_wrong_subtotal_row_with_dashes_is_reported_at_that_row(tmp_path) -> None:
    found = _errors(tmp_path, DASHES.format(fire="19.2", sub="39.6", total="98.92"), "report.txt")
    assert [c for c, _m in found] == ["TBL002"], found
    assert "39.2" in found[0][1]


NATURE = ("2024年度支出合计2861.40万元，上年支出合计2710.35万元，同比增长5.57%。按支出性质分：基本支出{base}万元，其中人员经费"
          "1520.16万元、公用经费214.08万元；项目支出1127.16万元，占支出合计的{share}%。\n")


def test_a_split_by_nature_with_a_parts_own_list_is_read_as_two_parts(tmp_path) -> None:
    # 1734.24 + 1127.16 = 2861.40; 1127.16 / 2861.40 = 39.39%
    assert _errors(tmp_path, NATURE.format(base="1734.24", share="39.39")) == []


def test_a_share_of_the_splits_own_total_is_the_last_parts(tmp_path) -> None:
    found = _errors(tmp_path, NATURE.format(base="1734.24", share="39.93"))
    assert any(c == "TXT002" and "39.39%" in m for c, m in found), found


def test_a_part_wrong_against_its_own_parts_is_said_once(tmp_path) -> None:
    # 基本支出 1743.24 is a slip for 1734.24 (= 1520.16 + 214.08); the total adds up with the parts' sum
    found = _errors(tmp_path, NATURE.format(base="1743.24", share="39.39"))
    assert [c for c, _m in found] == ["TXT001"], found
    assert "1734.24" in found[0][1]


def _one(tmp_path, text: str) -> list[tuple[str, str]]:
    return _errors(tmp_path, text + "\n", "report.txt")


def test_a_grade_given_as_the_evaluations_conclusion_is_judged(tmp_path) -> None:
    found = _one(tmp_path, "本次自评满分100分，实际得分96.40分，评价结论为“良好”。")
    assert any(c == "TXT009" and "96.40" in m for c, m in found), found
    assert _one(tmp_path, "本次自评满分100分，实际得分96.40分，评价结论为“优秀”。") == []


def test_a_sum_of_scores_followed_by_its_grade_is_the_total(tmp_path) -> None:
    found = _one(tmp_path, "投入类指标20分，得18.50分；产出类指标80分，得73.10分。合计得分91.60分，绩效评价等级为“良好”。")
    assert any(c == "TXT009" and "91.60" in m for c, m in found), found
    assert _one(tmp_path, "投入类指标20分，得18.50分；产出类指标80分，得73.10分。合计得分91.60分，绩效评价等级为“优秀”。") == []


def test_a_kinds_sum_followed_by_a_grade_is_no_total(tmp_path) -> None:
    assert _one(tmp_path, "产出指标合计得分46.5分，等级为“良好”。") == []


def test_work_split_into_done_and_under_way_is_every_piece_of_it(tmp_path) -> None:
    for wrong in ("全年实施农田水利项目11个，其中已竣工7个、在建3个。",
                  "年内共安排专项项目9个，已完成6个，持续实施2个。",
                  "全年实施项目11个。已完工7个，在建3个。"):
        found = _one(tmp_path, wrong)
        assert any(c in ("TXT001", "TXT020") for c, _m in found), (wrong, found)
    for right in ("全年实施农田水利项目11个，其中已竣工7个、在建4个。",
                  "年内共安排专项项目9个，已完成6个，持续实施3个。",
                  "全年实施项目11个。已完工7个，在建4个。",
                  "全年实施项目11个，其中已完工7个、新开工2个。"):  # 新开工 is no state of the rest: not every project
        assert _one(tmp_path, right) == [], right


REVERSE = """表4 绩效自评表

| 一级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| --- | --- | --- | --- | --- | --- |
| 产出指标 | 燃气管网巡检覆盖率 | ≥95% | 90% | 20 | 18.95 |
| 产出指标 | 案件按时办结率 | 100% | 97% | 20 | {timely} |
| 产出指标 | 投诉平均办结时长 | ≤4天 | 5天 | 20 | {reverse} |
| 效益指标 | 道路清扫保洁达标率 | ≥90% | 93% | 30 | 30 |
| 满意度指标 | 市民满意度 | ≥90% | 92% | 10 | 10 |
| 合计 |  |  |  | 100 | {total} |

{rule}
"""


def _reverse(**kw) -> str:
    values = dict(timely="19.4", reverse="15", total="93.35", rule="定量指标未达目标的按完成比例计分。")
    values.update(kw)
    return REVERSE.format(**values)


def test_a_reverse_indicator_scored_by_the_rule_is_right(tmp_path) -> None:
    # 20 × (1 − (5 − 4) ÷ 4) = 15
    assert _errors(tmp_path, _reverse()) == []


def test_a_reverse_indicator_missed_with_full_marks_is_wrong(tmp_path) -> None:
    found = _errors(tmp_path, _reverse(reverse="20", total="98.35"))
    assert any(c == "TBL013" and "反向" in m for c, m in found), found


def test_a_reverse_score_against_the_stated_rule_is_wrong(tmp_path) -> None:
    stated = "反向指标实际值不高于目标值的得满分，介于目标值与2倍目标值之间的按超出比例扣分。"
    found = _errors(tmp_path, _reverse(reverse="16", total="94.35", rule=stated))  # 20 × 4 ÷ 5 = 16: another way
    assert any(c == "TBL013" and "15.00" in m for c, m in found), found
    # with no rule of the report's own, a score computed another way is not judged
    assert not any(c == "TBL013" for c, _m in _errors(tmp_path, _reverse(reverse="16", total="94.35")))


def test_a_bare_target_of_100_percent_is_a_floor_for_the_tables_rule(tmp_path) -> None:
    found = _errors(tmp_path, _reverse(timely="19.04", total="92.99"))  # 20 × 97 ÷ 100 = 19.40, digits swapped
    assert any(c == "TBL013" and "19.40" in m for c, m in found), found


NOTES = """表3 绩效自评表

| 一级指标 | 三级指标 | 分值 | 得分 | 扣分原因 |
| --- | --- | --- | --- | --- |
| 决策 | 绩效目标合理性 | 10 | 10 | 无 |
| 过程 | 资金使用合规性 | 15 | {money} | {note} |
| 过程 | 档案管理规范性 | 15 | 14 | 部分案卷编目不规范，扣0.5分；借阅登记不全，扣0.5分 |
| 产出 | 服务窗口办结率 | 60 | 60 | 无 |
| 合计 |  | 100 | {total} |  |
"""


def test_a_score_that_is_its_weight_less_the_points_its_note_deducts_is_right(tmp_path) -> None:
    assert _errors(tmp_path, NOTES.format(money="14", note="个别报销凭证附件不全，扣1分", total="98")) == []


def test_a_score_that_is_not_its_weight_less_the_deducted_points_is_wrong(tmp_path) -> None:
    found = _errors(tmp_path, NOTES.format(money="13.5", note="个别报销凭证附件不全，扣1分", total="97.5"))
    assert any(c == "TBL016" and "14" in m for c, m in found), found


def test_a_note_stating_a_method_is_no_deduction(tmp_path) -> None:
    note = "每发现一笔不合规支出扣0.5分，最多扣3分"
    assert _errors(tmp_path, NOTES.format(money="13.5", note=note, total="97.5")) == []


def test_work_carried_into_next_year_is_work_under_way(tmp_path) -> None:
    found = _one(tmp_path, "本年度共安排项目8个，其中已完成5个、跨年度实施2个。")
    assert any(c == "TXT001" and "7" in m for c, m in found), found
    assert _one(tmp_path, "本年度共安排项目8个，其中已完成5个、跨年度实施3个。") == []


def test_a_list_of_places_right_before_its_count_is_counted(tmp_path) -> None:
    found = _one(tmp_path, "项目覆盖城关镇、石门镇、龙潭镇、青山镇4个乡镇，受益群众1.2万人。".replace("4个", "5个"))
    assert any(c == "TXT006" and "5个乡镇" in m for c, m in found), found
    assert _one(tmp_path, "项目覆盖城关镇、石门镇、龙潭镇、青山镇4个乡镇，受益群众1.2万人。") == []
    # items that do not end as the noun does are no list of it
    assert _one(tmp_path, "组织培训、宣传、走访3次活动，参与群众600人。") == []


def test_city_and_rural_households_are_every_household(tmp_path) -> None:
    found = _one(tmp_path, "全年保障低保对象5230户9812人，其中城市低保1204户、农村低保3926户。")
    assert any(c == "TXT001" and "5130" in m for c, m in found), found
    assert _one(tmp_path, "全年保障低保对象5130户9812人，其中城市低保1204户、农村低保3926户。") == []


PARTED = """表1 2024年度预算执行情况表（单位：万元）
项目名称
全年预算数
执行数
执行率（%）

基本支出
640.00
631.52
98.68

防汛抗旱物资储备
210.00
196.35
{rate}

水土保持监测
85.00
80.75
95.00

合计
935.00
908.62
97.18

以上为预算执行情况。
"""


def test_a_table_one_cell_a_line_with_rows_parted_by_blank_lines_is_read(tmp_path) -> None:
    from toolkit.claims.document import read
    path = tmp_path / "report.txt"
    path.write_text(PARTED.format(rate="93.50"), encoding="utf-8")
    tables = read(path).tables
    assert len(tables) == 1 and len(tables[0].rows) == 5 and tables[0].rows[2][-1] == "93.50"
    assert _errors(tmp_path, PARTED.format(rate="93.50"), "report.txt") == []  # 196.35 / 210.00 = 93.50%
    found = _errors(tmp_path, PARTED.format(rate="95.30"), "report.txt")
    assert any(c == "TBL005" and "95.30" in m for c, m in found), found


SCORED_PARTED = """表3 绩效自评表
一级指标
三级指标
年度指标值
实际完成值
分值
得分

产出指标
河道巡查次数
≥120次
126次
40
40

效益指标
水质达标率
≥95%
93%
50
48.95

满意度指标
群众满意度
≥90%
92%
10
10

合计



100
{total}

"""


def test_a_scoring_table_one_cell_a_line_with_rows_parted_by_blank_lines_is_read(tmp_path) -> None:
    from toolkit.claims.document import read
    path = tmp_path / "report.txt"
    path.write_text(SCORED_PARTED.format(total="98.95"), encoding="utf-8")
    rows = read(path).tables[0].rows
    assert [r[0] for r in rows] == ["一级指标", "产出指标", "效益指标", "满意度指标", "合计"], rows
    assert _errors(tmp_path, SCORED_PARTED.format(total="98.95"), "report.txt") == []
    found = _errors(tmp_path, SCORED_PARTED.format(total="98.59"), "report.txt")
    assert any(c == "TBL002" and "98.95" in m for c, m in found), found


DASH_LABEL = """表2 一般公共预算财政拨款支出决算表（单位：万元）

科目编码
科目名称
合计
基本支出
项目支出

合计
—
1250.40
420.40
830.00

213
农林水支出
1250.40
420.40
830.00

21303
水利
1250.40
420.40
{water}
"""


def test_a_dash_in_a_label_column_of_a_one_cell_a_line_table_is_a_cell(tmp_path) -> None:
    from toolkit.claims.document import read
    path = tmp_path / "report.txt"
    path.write_text(DASH_LABEL.format(water="830.00"), encoding="utf-8")
    rows = read(path).tables[0].rows
    assert rows[1][:3] == ["合计", "—", "1250.40"], rows
    found = _errors(tmp_path, DASH_LABEL.format(water="803.00"), "report.txt")
    assert found, found


def test_last_years_figure_in_a_clause_of_its_own_is_the_base(tmp_path) -> None:
    assert _one(tmp_path, "2024年机关运行经费支出46.20万元，上年为48.10万元，比上年减少1.90万元，下降3.95%。") == []
    found = _one(tmp_path, "2024年机关运行经费支出46.20万元，上年为48.10万元，比上年增加1.90万元，增长3.95%。")
    assert any(c == "TXT004" and "减少" in m for c, m in found), found
    found = _one(tmp_path, "2024年机关运行经费支出46.20万元，上年为48.10万元，比上年减少2.90万元，下降3.95%。")
    assert [c for c, _m in found] == ["TXT004"] and "1.90" in found[0][1], found


def test_an_outcome_rate_is_not_the_ratio_of_two_acts_done(tmp_path) -> None:
    assert _one(tmp_path, "全年完成人工造林2.45万亩、封山育林1.30万亩，新建林区道路36公里，造林成活率91%。") == []
    found = _one(tmp_path, "抽检食品860批次，合格851批次，抽检合格率99.85%。")
    assert any(c == "TXT005" and "98.95%" in m for c, m in found), found


def test_a_completion_rate_of_a_target_written_as_target(tmp_path) -> None:
    assert _one(tmp_path, "“林下经济面积”年度目标为≥2.4万亩，实际完成2.16万亩，完成率90.00%。") == []
    found = _one(tmp_path, "“林下经济面积”年度目标为≥2.4万亩，实际完成2.16万亩，完成率86.40%。")
    assert any(c == "TXT005" and "90.00%" in m for c, m in found), found


def test_a_kinds_score_after_its_weight_in_the_clause_before(tmp_path) -> None:
    table = _scores().split("\n\n产出")[0]
    assert _errors(tmp_path, table + "\n\n产出指标分值60分，得分57.8分。\n") == []
    found = _errors(tmp_path, table + "\n\n产出指标分值60分，得分58.7分。\n")
    assert any(c == "TXT010" and "57.8" in m for c, m in found), found


def test_a_bare_share_of_the_whole_its_sentence_opens_with(tmp_path) -> None:
    text = ("2024年度一般公共预算财政拨款支出3120.50万元。\n\n"
            "2024年度一般公共预算财政拨款支出中，农林水支出2860.10万元，占{share}%；住房保障支出62.30万元，占2.00%。\n")
    assert _errors(tmp_path, text.format(share="91.66")) == []  # 2860.10 / 3120.50 = 91.66%
    found = _errors(tmp_path, text.format(share="96.16"))
    assert any(c == "TXT002" and "91.66%" in m for c, m in found), found


def test_a_change_against_last_years_figure_named_by_its_stage(tmp_path) -> None:
    base = "2024年度“三公”经费财政拨款支出预算为6.20万元，支出决算为5.48万元，完成预算的88.39%；上年决算为6.02万元，比上年减少{d}万元。"
    assert _one(tmp_path, base.format(d="0.54")) == []
    found = _one(tmp_path, base.format(d="0.45"))
    assert any(c == "TXT004" and "0.54" in m for c, m in found), found


def test_a_staffing_rate_of_persons_counted_in_名_and_人(tmp_path) -> None:
    assert _one(tmp_path, "核定编制32名，实有在职人员30人，在职人员控制率为93.75%。") == []
    found = _one(tmp_path, "核定编制32名，实有在职人员30人，在职人员控制率为106.67%。")
    assert any(c == "TXT005" and "93.75%" in m for c, m in found), found


FULL = """表2 绩效自评表

| 一级指标 | 三级指标 | 分值 | 得分 |
| --- | --- | --- | --- |
| 预算执行 | 预算执行率 | 10 | 9.60 |
| 产出指标 | 巡查河道长度 | 30 | 30 |
| 产出指标 | 水质监测次数 | 20 | 18.50 |
| 效益指标 | 水质达标率 | 30 | 30 |
| 满意度指标 | 群众满意度 | 10 | {last} |
| 合计 |  | 100 | {total} |

经逐项评分，得满分的指标{full}个，扣分指标{cut}个。
"""


def test_counts_of_full_and_deducted_scores_against_the_table(tmp_path) -> None:
    assert _errors(tmp_path, FULL.format(last="10", total="98.10", full="3", cut="2")) == []
    assert _errors(tmp_path, FULL.format(last="9.50", total="97.60", full="2", cut="3")) == []
    found = _errors(tmp_path, FULL.format(last="9.50", total="97.60", full="3", cut="3"))
    assert [c for c, _m in found] == ["TXT020"] and "2个" in found[0][1], found
    # 未得满分的指标 is the deducted ones, not the full ones
    text = FULL.format(last="9.50", total="97.60", full="2", cut="3").replace("扣分指标", "未得满分的指标")
    assert _errors(tmp_path, text) == []


def test_a_score_beside_its_target_is_proportional_to_actual_over_target(tmp_path) -> None:
    # 10 × 96.5 ÷ 98 = 9.85 (not 10 × 96.5% = 9.65)
    text = "“应急物资储备达标率”指标年度目标值为≥98%，实际完成96.5%，分值10分，得分{s}分。"
    assert not [f for f in lint_all(tmp_path, text.format(s="9.85"))]
    assert any(c == "TXT008" for c, _m in lint_all(tmp_path, text.format(s="10.50")))
    # a 反向 indicator's figure under its ceiling is no completion rate
    assert not lint_all(tmp_path, "“安全事故发生率”指标年度目标值为≤5%，实际3%，分值10分，得分10分。")


def lint_all(tmp_path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "report.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return [(f.code, f.message) for f in lint(path).findings]


def test_a_change_named_of_this_years_total_is_not_the_grand_totals(tmp_path) -> None:
    # 收、支总计 holds what was carried over; the change is of 本年支出合计, which the sentence does not write
    assert _one(tmp_path, "2024年度收、支总计21846.30万元。与上年相比，本年支出合计增加640.12万元，增长3.12%。") == []


def test_a_change_after_the_figures_own_share_is_the_figures(tmp_path) -> None:
    base = "按支出性质分：基本支出1204.60万元，占支出合计的11.23%，同比增加40.60万元，增长{r}%，其中人员经费1080.20万元。"
    assert _one(tmp_path, base.format(r="3.49")) == []  # 40.60 / 1164.00
    found = _one(tmp_path, base.format(r="3.37"))  # 40.60 / 1204.60: over this year's figure
    assert any(c == "TXT004" and "3.49%" in m for c, m in found), found


def test_a_grade_determined_as_is_the_stated_grade(tmp_path) -> None:
    found = _one(tmp_path, "最终自评得分为93.40分，评价等级确定为“良”。")
    assert any(c == "TXT009" for c, _m in found), found
    assert _one(tmp_path, "最终自评得分为93.40分，评价等级确定为“优”。") == []


def test_work_states_listed_before_a_figure_of_another_kind(tmp_path) -> None:
    found = _one(tmp_path, "全年安排重点项目6个，已完工4个、跨年续建3个，重点项目合计执行5120.40万元。")
    assert any(c == "TXT001" and "7" in m for c, m in found), found
    assert _one(tmp_path, "全年安排重点项目7个，已完工4个、跨年续建3个，重点项目合计执行5120.40万元。") == []


def test_a_list_of_offices_with_and_inside_a_name(tmp_path) -> None:
    offices = "办公室、计划财务股、文物和非遗保护股、质量发展与标准计量股、执法监察大队"
    found = _one(tmp_path, f"本局内设股室6个，分别为：{offices}。")
    assert any(c == "TXT006" and "5 项" in m for c, m in found), found
    assert _one(tmp_path, f"本局内设股室5个，分别为：{offices}。") == []
    # a unit and its offices joined by 和 may be two
    assert _one(tmp_path, "纳入决算编制范围的单位共4个，包括局机关和县档案馆、县史志办、县信息中心3个事业单位。") == []


def test_a_share_of_the_total_its_sentence_opens_with_under_its_full_name(tmp_path) -> None:
    text = ("2024年度某县水利局收入合计3120.40万元，其中：一般公共预算财政拨款收入3080.00万元，占收入合计的98.71%；"
            "上年结转40.40万元。\n\n2024年度本年收入合计3080.00万元。\n")
    assert _errors(tmp_path, text) == []  # 3080.00 / 3120.40 = 98.71%, not of the 本年收入 3080.00


def test_an_enumeration_whose_noun_has_a_bracket(tmp_path) -> None:
    text = "本局内设{n}个股（室、队），分别为：办公室、财务股、执法大队。"
    found = _one(tmp_path, text.format(n="4"))
    assert any(c == "TXT006" and "3 项" in m for c, m in found), found
    assert _one(tmp_path, text.format(n="3")) == []


def test_shares_of_the_whole_a_split_opens_with(tmp_path) -> None:
    text = ("2024年度一般公共预算财政拨款支出5210.00万元。\n\n一般公共预算财政拨款支出决算按功能分类划分，主要用于以下方面："
            "教育支出4689.00万元，占90.00%；住房保障支出521.00万元，占{s}%。\n")
    assert _errors(tmp_path, text.format(s="10.00")) == []
    found = _errors(tmp_path, text.format(s="1.00"))
    assert any(c == "TXT002" and "10.00%" in m for c, m in found), found


def test_a_change_after_its_figures_completion_rate(tmp_path) -> None:
    base = "“三公”经费支出预算为12.00万元，支出决算为9.60万元，完成预算的80.00%，比上年减少{d}万元，下降{r}%。"
    assert _one(tmp_path, base.format(d="0.80", r="7.69")) == []  # 0.80 / 10.40
    found = _one(tmp_path, base.format(d="1.80", r="7.69"))
    assert any(c == "TXT004" for c, _m in found), found


# Guards from the review of this round (each a correct report the first versions of the readings spoke on, or a
# wrong one they fell silent on).

def test_review_an_explicit_completion_rate_is_not_divided_by_its_target_again(tmp_path) -> None:
    assert lint_all(tmp_path, "年度目标为≥95%，实际完成90%，完成率94.74%，分值10分，得分9.47分。") == []


def test_review_a_bare_target_of_a_rate_may_be_a_ceiling(tmp_path) -> None:
    text = ("表1 自评表\n\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 |\n| --- | --- | --- | --- | --- | --- | --- |\n"
            "| 产出指标 | 质量指标 | 安全事故发生率 | 20 | 1% | 0.5% | 20 |\n| 产出指标 | 数量指标 | 巡查次数 | 80 | ≥100次 | 120次 | 80 |\n"
            "| 合计 |  |  | 100 |  |  | 100 |\n\n本项目按比例计分。\n\n安全事故发生率指标完成情况良好，得20分。\n")
    assert _errors(tmp_path, text) == []


def test_review_a_scoring_standard_column_is_no_deduction_made(tmp_path) -> None:
    text = ("表1 自评表\n\n| 一级指标 | 三级指标 | 分值 | 得分 | 评分标准 |\n| --- | --- | --- | --- | --- |\n"
            "| 产出指标 | 培训人次数量 | 30 | 30 | 未达到100人次扣2分 |\n| 效益指标 | 群众满意度 | 70 | 70 | 低于95%扣1分 |\n"
            "| 合计 |  | 100 | 100 |  |\n")
    assert _errors(tmp_path, text) == []
    text = ("表1 自评表\n\n| 一级指标 | 三级指标 | 分值 | 得分 | 扣分原因 |\n| --- | --- | --- | --- | --- |\n"
            "| 产出指标 | 档案整理 | 10 | 9 | 扣0.5分，共扣1分 |\n| 效益指标 | 群众满意度 | 90 | 90 | 无 |\n| 合计 |  | 100 | 99 |  |\n")
    assert _errors(tmp_path, text) == []


def test_review_places_joined_by_and_before_their_count(tmp_path) -> None:
    assert _one(tmp_path, "本部门共有城关镇、石门镇和龙潭镇3个乡镇。") == []


def test_review_a_count_of_full_marks_within_one_kind(tmp_path) -> None:
    text = FULL.format(last="10", total="98.10", full="3", cut="2").replace("经逐项评分，得满分的指标3个", "产出指标中，得满分的指标1个")
    assert _errors(tmp_path, text) == []


def test_review_last_year_after_a_part_is_not_the_parts(tmp_path) -> None:
    assert _one(tmp_path, "本年支出120万元，其中基本支出80万元，上年为100万元，比上年增加20万元。") == []


def test_review_new_work_is_no_whole_of_the_finished(tmp_path) -> None:
    assert _one(tmp_path, "本年新开工项目6个。已完工8个，在建5个。") == []


def test_review_a_total_score_in_a_set_up_sentence_is_still_judged(tmp_path) -> None:
    found = _one(tmp_path, "本次自评共设置三级指标17个，自评总分75分，评价等级为优。")
    assert any(c == "TXT009" for c, _m in found), found


def test_a_column_of_rates_is_not_summed_under_a_total_row(tmp_path) -> None:
    text = ("表1 收入支出情况表（单位：万元）\n\n| 项目 | 2023年 | 2024年 | 增减额 | 增减率（%） |\n| --- | --- | --- | --- | --- |\n"
            "| 基本支出 | 3635.39 | 3730.85 | 95.46 | 2.63 |\n| 项目支出 | 1397.20 | 1542.36 | 145.16 | 10.39 |\n"
            "| 支出合计 | 5032.59 | 5273.21 | 240.62 | 4.78 |\n")
    assert _errors(tmp_path, text) == []


def test_the_execution_rate_of_a_part_is_not_the_tables_row(tmp_path) -> None:
    text = ("表2 自评表\n\n| 一级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n| --- | --- | --- | --- | --- | --- |\n"
            "| 预算执行 | 预算执行率 | 100% | 92.00% | 10 | 9.20 |\n| 产出指标 | 抽检批次 | ≥900批次 | 960批次 | 90 | 90 |\n"
            "| 合计 |  |  |  | 100 | 99.20 |\n\n“三公”经费年初预算33.00万元，实际支出29.03万元，预算执行率为87.97%。\n")
    assert _errors(tmp_path, text) == []


def test_work_done_under_way_and_not_begun_is_every_piece_planned(tmp_path) -> None:
    found = _one(tmp_path, "全年共安排重点项目15个，其中已完工10个、在建3个、未开工1个。")
    assert any(c == "TXT001" and "14" in m for c, m in found), found
    assert _one(tmp_path, "全年共安排重点项目14个，其中已完工10个、在建3个、未开工1个。") == []


def test_a_score_its_grade_follows_is_the_total_without_a_total_word(tmp_path) -> None:
    found = _one(tmp_path, "按照90分（含）以上为优、80（含）至90分为良的评分标准，本单位得分86.40分，评价等级为“优”。")
    assert any(c == "TXT009" and "86.40" in m for c, m in found), found


def test_a_qizhong_after_a_new_subject_past_a_semicolon_is_not_the_earlier_figures(tmp_path) -> None:
    text = ("其中：因公出国（境）费0.00万元，本年度未安排团组；公务用车购置及运行维护费方面，其中公务用车购置费0.00万元，"
            "公务用车运行维护费4.10万元。")
    assert _one(tmp_path, text) == []


def test_goods_works_and_services_are_every_purchase(tmp_path) -> None:
    base = "2024年度政府采购支出总额{t}万元，其中：政府采购货物支出22.40万元、政府采购工程支出860.10万元、政府采购服务支出41.50万元。"
    found = _one(tmp_path, base.format(t="901.60"))  # the goods left out of the total
    assert any(c == "TXT001" and "924.00" in m for c, m in found), found
    assert _one(tmp_path, base.format(t="924.00")) == []


def test_a_change_said_of_two_equal_totals_at_once(tmp_path) -> None:
    base = "2024年度收入总计2106.40万元、支出总计2106.40万元，收、支总计均比上年增加{d}万元，增长{r}%。"
    assert _one(tmp_path, base.format(d="84.20", r="4.16")) == []  # 84.20 / 2022.20
    found = _one(tmp_path, base.format(d="48.20", r="4.16"))
    assert any(c == "TXT004" for c, _m in found), found


def test_a_bare_share_under_an_opening_naming_the_whole_with_its_stage(tmp_path) -> None:
    text = ("2024年度一般公共预算财政拨款支出1546.95万元。\n\n2024年度一般公共预算财政拨款支出决算中，文化旅游体育与传媒支出1399.85万元，"
            "占90.49%；社会保障和就业支出78.39万元，占{s}%。\n")
    assert _errors(tmp_path, text.format(s="5.07")) == []
    found = _errors(tmp_path, text.format(s="5.70"))
    assert any(c == "TXT002" and "5.07%" in m for c, m in found), found


def test_a_dash_for_the_code_of_a_total_row_opening_a_one_cell_a_line_table(tmp_path) -> None:
    text = ("表4 基本支出决算表（单位：万元）\n\n科目编码\n科目名称\n决算数\n\n—\n合计\n{total}\n\n301\n工资福利支出\n202.59\n\n"
            "302\n商品和服务支出\n38.19\n\n303\n对个人和家庭的补助\n10.00\n\n")
    from toolkit.claims.document import read
    path = tmp_path / "report.txt"
    path.write_text(text.format(total="250.78"), encoding="utf-8")
    assert read(path).tables[0].rows[1] == ["—", "合计", "250.78"]
    assert _errors(tmp_path, text.format(total="250.78"), "report.txt") == []
    assert any(c in ("TBL001", "TBL007", "TBL008") for c, _m in _errors(tmp_path, text.format(total="205.78"), "report.txt"))


def test_a_staffing_rate_of_the_posts_its_parts_make_when_the_total_is_wrong(tmp_path) -> None:
    text = "核定编制46名，其中行政编制21名、事业编制12名、工勤编制3名；年末实有在职人员34人。在职人员控制率为94.44%。"
    found = _one(tmp_path, text)
    assert [c for c, _m in found] == ["TXT001"], found  # the 46 is reported; 34 ÷ 36 = 94.44% is not


def test_a_kinds_score_after_a_bare_weight(tmp_path) -> None:
    table = _scores().split("\n\n产出")[0]
    found = _errors(tmp_path, table + "\n\n产出指标60分，实际得分59.8分。\n")
    assert any(c == "TXT010" and "57.8" in m for c, m in found), found


def test_a_change_of_two_equal_totals_in_the_sentence_before(tmp_path) -> None:
    base = "2024年度收入总计5516.37万元，支出总计5516.37万元。与上年相比，收入、支出总计各增加228.43万元，增长{r}%。"
    assert _one(tmp_path, base.format(r="4.32")) == []
    found = _one(tmp_path, base.format(r="4.14"))
    assert any(c == "TXT004" and "4.32%" in m for c, m in found), found
