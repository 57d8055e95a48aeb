"""Readings of round lintQ (issue 11: sums, scores and counts read from what hold-out h18 missed), each class with a
wrong and a right case, linted as a real file, in words of their own (not h18's)."""
from __future__ import annotations

from pathlib import Path

import pytest

from toolkit import lint

from .test_reading9 import errors, wrong_then_right


def findings(tmp_path: Path, text: str, name: str = "r.md") -> list[tuple[str, str | None, str | None]]:
    """(code, expected, quote) of every error lint finds in ``text`` written to a real file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(f.code, f.expected, f.quote) for f in lint(path).findings if f.severity == "error"]


#: a 自评表 as a Markdown table: {s1} the first indicator's score, {total} the 合计 row's
SCORE_TABLE = """附件2 部门整体支出绩效自评表

| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 |
| --- | --- | --- | --- | --- | --- | --- |
| 产出指标 | 数量指标 | 乡镇农技推广站点覆盖数 | 20 | 18个 | 18个 | {s1} |
| 产出指标 | 质量指标 | 农产品质量安全抽检合格率 | 15 | ≥98% | 99.1% | 15 |
| 产出指标 | 时效指标 | 惠农补贴资金拨付及时率 | 15 | 100% | 100% | 15 |
| 效益指标 | 社会效益指标 | 高标准农田建设面积 | 30 | 2万亩 | 2万亩 | 30 |
| 满意度指标 | 服务对象满意度 | 种植户满意度 | 10 | ≥90% | 93% | 9 |
| 预算执行 | 预算执行率 | 部门预算执行率 | 10 | 100% | 97% | 9.7 |
| 合计 |  |  | 100 |  |  | {total} |
"""


# --- 1. the text's total equal to the table's wrong 合计: the items' sum convicts both -------------------------------

def test_a_text_total_equal_to_a_wrong_table_total_is_judged_against_the_items(tmp_path):
    text = "经综合评定，本局本年度绩效自评综合得分{x}分，评价等级为优。\n\n" + SCORE_TABLE
    # items 20 + 15 + 15 + 30 + 9 + 9.7 = 98.7; the table's 合计 and the text both say 99.7
    wrong = findings(tmp_path, text.replace("{x}", "99.7").replace("{s1}", "20").replace("{total}", "99.7"))
    assert sorted(c for c, _e, _q in wrong) == ["TBL002", "TXT010"]
    assert [e for c, e, _q in wrong if c == "TXT010"] == ["98.7"]
    assert findings(tmp_path, text.replace("{x}", "98.7").replace("{s1}", "20").replace("{total}", "98.7")) == []


def test_a_text_total_equal_to_the_table_total_is_right_when_an_item_has_slipped(tmp_path):
    # the first item written 02 for 20 would be a slip of the item, not of the total: here the item is too small by
    # exactly what the total misses, and the text agrees with the total — it is the items that are wrong, so no
    # TXT010 is said when the table's own finding is moved to that item
    text = ("本局本年度绩效自评综合得分98.7分，评价等级为优。\n\n"
            + SCORE_TABLE.replace("{s1}", "20").replace("{total}", "98.7"))
    assert findings(tmp_path, text) == []


# --- 2. a score in prose above the weight of the 自评表 row its sentence names ---------------------------------------

def test_a_score_in_prose_above_its_rows_weight(tmp_path):
    text = ("从完成情况看，全县农技推广站点覆盖数达到18个，全部完成年度任务，此项得{x}分；种植户满意度93%。\n\n"
            + SCORE_TABLE.replace("{s1}", "20").replace("{total}", "98.7"))
    wrong = findings(tmp_path, text.replace("{x}", "22"))
    assert [(c, e) for c, e, _q in wrong] == [("TXT008", "≤20")]
    assert findings(tmp_path, text.replace("{x}", "20")) == []


def test_a_score_in_prose_whose_indicator_is_in_the_sentence_before(tmp_path):
    text = ("高标准农田建设面积完成2万亩。各乡镇均按期验收，该指标得{x}分。\n\n"
            + SCORE_TABLE.replace("{s1}", "20").replace("{total}", "98.7"))
    assert [(c, e) for c, e, _q in findings(tmp_path, text.replace("{x}", "32"))] == [("TXT008", "≤30")]
    assert findings(tmp_path, text.replace("{x}", "30")) == []


def test_a_score_after_a_semicolon_is_of_the_indicator_of_its_clause(tmp_path):
    # the sentence names two indicators; the clause after its last ； names the one scored
    text = ("种植户满意度调查回收有效问卷320份；全县农技推广站点覆盖数达到18个，全部完成年度任务，此项得{x}分。\n\n"
            + SCORE_TABLE.replace("{s1}", "20").replace("{total}", "98.7"))
    assert [(c, e) for c, e, _q in findings(tmp_path, text.replace("{x}", "21"))] == [("TXT008", "≤20")]
    assert findings(tmp_path, text.replace("{x}", "20")) == []


def test_a_score_naming_no_row_or_two_rows_says_nothing(tmp_path):
    table = SCORE_TABLE.replace("{s1}", "20").replace("{total}", "98.7")
    assert findings(tmp_path, "各项工作均按计划推进，该项得32分。\n\n" + table) == []
    assert findings(tmp_path, "种植户满意度93%，农技推广站点覆盖数18个，该项得32分。\n\n" + table) == []


# --- 4. a head count split by 行政 and 事业: the split is whole ---------------------------------------------------

@pytest.mark.parametrize("text,wrong,right,expected", [
    ("截至年底，全所编制总数{x}人，其中行政编制17人、事业编制29人；退休人员12人。", "48", "46", "46"),
    ("年末在编在岗人员{x}人，其中行政人员11人、事业人员35人。", "49", "46", "46"),
    ("本单位核定编制{x}名，其中行政编制17名、事业编制26名、工勤编制3名。", "45", "46", "46"),
])
def test_staff_by_administrative_and_institutional_kinds_is_whole(tmp_path, text, wrong, right, expected):
    wrong_then_right(tmp_path, text + "\n", "TXT001", wrong, right, expected=expected)


def test_one_kind_of_staff_alone_is_some_of_the_count(tmp_path):
    assert errors(tmp_path, "全所编制总数48人，其中事业编制29人。\n") == []
    # 行政运行 / 事业运行 are no kinds of staff: money of two 项 is not the whole of a total
    assert errors(tmp_path, "一般公共服务支出900.00万元，其中行政运行300.00万元、事业运行200.00万元。\n") == []


# --- 5. a 财政拨款 split by the budgets it comes from ----------------------------------------------------------------

@pytest.mark.parametrize("text,wrong,right,expected", [
    ("本年财政拨款收入{x}万元，包括一般公共预算财政拨款2,316.40万元、政府性基金预算财政拨款84.60万元。",
     "2,410.00", "2,401.00", "2401.00"),
    ("从收入来源看，财政拨款收入{x}万元，其中：一般公共预算2,316.40万元；政府性基金预算84.60万元。",
     "2,410.00", "2,401.00", "2401.00"),
    # a part of the income's list with its own kinds in brackets
    ("本年收入合计2,600.00万元，其中财政拨款收入{x}万元（其中一般公共预算2,316.40万元，政府性基金预算84.60万元），"
     "事业收入190.00万元。", "2,410.00", "2,401.00", "2401.00"),
])
def test_appropriations_by_budget_kind_are_whole(tmp_path, text, wrong, right, expected):
    wrong_then_right(tmp_path, text + "\n", "TXT001", wrong, right, expected=expected)


def test_one_budget_kind_alone_is_some_of_the_appropriations(tmp_path):
    assert errors(tmp_path, "本年财政拨款收入2,410.00万元，其中一般公共预算财政拨款2,316.40万元。\n") == []


# --- 7. a share of a whole the text wrote from the wrong column: the share is of the table's figure ------------------

TWO_YEARS = """本年支出合计2,460.00万元，其中：基本支出{basic}万元，主要用于人员工资和日常运转；项目支出1,050.00万元。公用经费186.00万元，占基本支出的{share}%。

表1 收支与上年对比表（单位：万元）

| 项目 | 2024年 | 2023年 | 增减额 |
| --- | --- | --- | --- |
| 支出合计 | 2,460.00 | 2,380.00 | 80.00 |
| 基本支出 | 1,410.00 | 1,352.00 | 58.00 |
| 其中：人员经费 | 1,224.00 | 1,170.00 | 54.00 |
| 公用经费 | 186.00 | 182.00 | 4.00 |
| 项目支出 | 1,050.00 | 1,028.00 | 22.00 |
"""


def test_a_share_of_the_tables_whole_is_right_when_the_text_took_last_years_whole(tmp_path):
    # the text writes last year's 基本支出 (1,352.00) for this year's; 186 ÷ 1,410 = 13.19% is right
    found = findings(tmp_path, TWO_YEARS.replace("{basic}", "1,352.00").replace("{share}", "13.19"))
    assert "TXT002" not in [c for c, _e, _q in found]
    assert "TXT014" in [c for c, _e, _q in found]
    # a share right against neither figure is still wrong
    found = findings(tmp_path, TWO_YEARS.replace("{basic}", "1,352.00").replace("{share}", "15.19"))
    assert "TXT002" in [c for c, _e, _q in found]
    assert findings(tmp_path, TWO_YEARS.replace("{basic}", "1,410.00").replace("{share}", "13.19")) == []


# --- 6. the “三公” items one a sentence after their total, an item 0 ----------------------------------------------

@pytest.mark.parametrize("text,wrong,right,expected", [
    ("本年度“三公”经费支出决算{x}万元。因公出国（境）费0万元。公务接待费2.10万元。公务用车购置及运行维护费10.30万元，"
     "均控制在预算以内。", "12.50", "12.40", "12.40"),
    ("全年“三公”经费年初预算15.00万元。执行数{x}万元。因公出国（境）费0元。公务接待费2.10万元，主要是接待上级检查。"
     "公务用车购置费0元。公务用车运行维护费10.30万元。", "12.04", "12.40", "12.40"),
])
def test_three_public_items_one_a_sentence(tmp_path, text, wrong, right, expected):
    wrong_then_right(tmp_path, text + "\n", "TXT001", wrong, right, expected=expected)


def test_three_public_items_under_a_budget_or_nested_say_nothing(tmp_path):
    # the total is the budget, the items are spending; a vehicle total and its own two parts both listed
    assert errors(tmp_path, "本年度“三公”经费预算15.00万元。因公出国（境）费0万元。公务接待费2.10万元。"
                            "公务用车购置及运行维护费10.30万元。\n") == []
    assert errors(tmp_path, "本年度“三公”经费支出12.40万元。因公出国（境）费0万元。公务接待费2.10万元。"
                            "公务用车购置及运行维护费10.30万元。公务用车购置费0万元。公务用车运行维护费10.30万元。\n") == []


# --- 3. a sum error located at the part the document itself shows wrong ----------------------------------------------

ECONOMIC = """本年支出合计{total}万元。工资福利支出{a}万元，主要是在职人员工资和社会保障缴费。商品和服务支出{b}万元，用于日常运转。资本性支出{c}万元，用于检测设备购置。

表2 支出经济分类情况（单位：万元）

| 经济分类 | 上年 | 本年 |
| --- | --- | --- |
| 合计 | 2,050.00 | 2,236.40 |
| 工资福利支出 | 1,100.00 | 1,204.30 |
| 商品和服务支出 | 560.00 | 612.70 |
| 对个人和家庭的补助 | 90.00 | {d} |
| 资本性支出 | 300.00 | 322.20 |
"""


def _codes_at(found, code):
    return [(e, q) for c, e, q in found if c == code]


def test_a_part_with_a_digit_lost_under_a_total_the_text_confirms(tmp_path):
    # 1,204.30 + 612.70 + 97.20 + 322.20 = 2,236.40: the table's 9.72 lost a digit; the text confirms the total
    text = ECONOMIC.replace("{total}", "2,236.40").replace("{a}", "1,204.30").replace("{b}", "612.70") \
        .replace("{c}", "322.20")
    found = findings(tmp_path, text.replace("{d}", "9.72"))
    assert [e for e, _q in _codes_at(found, "TBL011")] == ["97.20"] and not _codes_at(found, "TBL001")
    assert findings(tmp_path, text.replace("{d}", "97.20")) == []


def test_the_one_part_the_text_does_not_write_is_the_wrong_one(tmp_path):
    # 87.20 for 97.20 is no slip of digits, but every other part and the total are written in the text
    text = ECONOMIC.replace("{total}", "2,236.40").replace("{a}", "1,204.30").replace("{b}", "612.70") \
        .replace("{c}", "322.20")
    found = findings(tmp_path, text.replace("{d}", "87.20"))
    assert [e for e, _q in _codes_at(found, "TBL011")] == ["97.20"] and not _codes_at(found, "TBL001")


def test_no_part_is_blamed_when_the_text_leaves_two_unwritten(tmp_path):
    text = ("本年支出合计2,236.40万元。工资福利支出1,204.30万元，主要是在职人员工资。商品和服务支出612.70万元，用于日常运转。\n\n"
            + ECONOMIC.split("\n\n", 1)[1].replace("{d}", "87.20"))
    found = findings(tmp_path, text)
    assert not _codes_at(found, "TBL011") and [e for e, _q in _codes_at(found, "TBL001")] == ["2226.40"]


# --- a list of ；-clauses closed by ，合计T --------------------------------------------------------------------------

def test_clauses_closed_by_a_total_after_a_comma(tmp_path):
    text = ("从支出用途看：人员支出812.40万元；日常运转支出236.15万元；专项业务支出1,045.30万元，合计{x}万元。"
            "专项业务支出主要用于水文监测站点运维。\n")
    wrong_then_right(tmp_path, text, "TXT001", "2,039.85", "2,093.85", expected="2093.85")


# --- a 一级 kind's score in prose against its rows in the 自评表 --------------------------------------------------------

def test_a_kinds_score_in_prose_against_its_rows(tmp_path):
    # 产出 rows: 20 + 15 + 15 = 50; the kind's weight (产出指标50分) is no score
    text = ("评分体系为产出指标50分、效益指标30分、满意度指标10分、预算执行率10分。产出类指标实际得分{x}分。\n\n"
            + SCORE_TABLE.replace("{s1}", "20").replace("{total}", "98.7"))
    assert [(c, e) for c, e, _q in findings(tmp_path, text.replace("{x}", "49"))] == [("TXT010", "50")]
    assert findings(tmp_path, text.replace("{x}", "50")) == []
