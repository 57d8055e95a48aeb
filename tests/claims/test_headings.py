"""Heading numbers: mixed styles (TXT011) and skipped or repeated numbers (TXT012)."""
from __future__ import annotations

import pytest

from toolkit.claims.cnnum import cn_to_int
from toolkit.numbers import chinese_number
from toolkit.claims.headings import check_headings, numbering


def found(paragraphs: list[str]) -> list[tuple[int, str, str | None, str | None]]:
    return [(k, i.code, i.found, i.expected) for k, i in check_headings(paragraphs)]


@pytest.mark.parametrize("text, expected", [
    ("一、部门基本情况", ("cn_dun", 1, "一、")),
    ("十、其他需要说明的情况", ("cn_dun", 10, "十、")),
    ("（二）项目支出情况", ("cn_paren", 2, "（二）")),
    ("(3) 其他", ("ar_paren", 3, "(3)")),
    ("4、 国有资本经营预算支出情况", ("ar_dun", 4, "4、")),
    ("2. 单位构成", ("ar_dot", 2, "2.")),
    ("[bookmark: _GoBack]3、夯实基础", ("ar_dun", 3, "3、")),
    ("1.5万元用于培训", None),
    ("3.2021年真抓实干奖：全年预算25.00万元", ("ar_dot", 3, "3.")),
    ("2.2021万元", None),
    ("2021年度绩效目标", None),
    ("一般公共预算", None),
])
def test_numbering(text, expected):
    assert numbering(text) == expected


def test_consistent_outline_is_silent():
    doc = ["一、部门基本情况", "（一）职能职责", "1.综合管理", "2.拟定规划", "（二）机构设置", "二、一般公共预算支出情况",
           "（一）基本支出", "（二）项目支出", "1.疫情防控", "2.先进制造业", "三、政府性基金预算支出情况",
           "（1）细项", "（2）细项", "四、国有资本经营预算支出情况"]
    assert found(doc) == []


def test_style_switch_in_an_established_run():
    doc = ["一、a", "二、b", "三、c", "4、 d", "5、 e", "六、f"]
    assert found(doc) == [(3, "TXT011", "4、", "四、"), (4, "TXT011", "5、", "五、")]


def test_style_switch_after_a_single_item_offers_both_fixes():
    [(k, issue)] = check_headings(["（1）虽然…", "（二）原因分析"])
    assert (k, issue.code) == (1, "TXT011")
    assert issue.message == "编号样式混用：“（1）”之后接着编为“（二）”，应统一为“（2）”，或把“（1）”改为“（一）”"


def test_skip_and_repeat():
    assert found(["一、a", "二、b", "四、c"]) == [(2, "TXT012", "四、", "三、")]
    assert found(["一、a", "二、b", "二、c"]) == [(2, "TXT012", "二、", "三、")]
    # a skip in a nested run, right after its parent advanced
    assert found(["一、", "（一）", "（二）", "二、", "（一）", "（三）"]) == [(5, "TXT012", "（三）", "（二）")]


def test_attachment_list_after_a_heading():
    # "附件：1. …" then "2. …" right after a "（一）" heading is the attachment list, not a switch of heading style
    assert found(["四、评价结论及建议", "（一）评价结论", "附件：1. 部门整体支出绩效评价基础数据表", "2. 部门整体支出绩效自评表"]) == []


def test_restarts_and_fragments_are_not_judged():
    assert found(["1.a", "2.b", "1.c", "2.d"]) == []
    assert found(["3、x", "4、y"]) == []  # a fragment that starts at 3
    assert found(["一、a", "二、b", "（2）x"]) == []  # nothing at value 1 in a style that could be continued


def test_chinese_numbers_round_trip():
    written = [chinese_number(v) for v in (1, 4, 10, 14, 20, 21, 99, 100, 105, 110, 999)]
    assert written == ["一", "四", "十", "十四", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十", "九百九十九"]
    assert [cn_to_int(w) for w in written] == [1, 4, 10, 14, 20, 21, 99, 100, 105, 110, 999]
