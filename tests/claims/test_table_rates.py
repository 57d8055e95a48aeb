"""A completion rate in the text whose budget only a table gives: ``会议费支出决算1.35万元，完成预算的67.50%`` beside
a table whose row 会议费 holds 预算数 2.00 and 决算数 1.35. The rate is the text's figure over the row's budget; a
text figure that is not the row's, while the rate is the row's actual figure over its budget, is the one mistyped.
A table in 元 is compared with the text's 万元 at the text's rounding; a sentence writing a budget of its own is left
to the prose rules. The figures are written for these tests."""
from __future__ import annotations

import pytest

from toolkit import lint

REPORT = """三、会议培训经费支出情况

表3 会议费培训费支出情况表（单位：{unit}）
项目\t预算数\t决算数
合计\t{tb}\t{ts}
会议费\t{mb}\t{ms}
培训费\t{pb}\t{ps}

会议费支出决算{m}万元，完成预算的{mr}，主要是压减了会议规模；培训费支出决算{p}万元，完成预算的{pr}。
"""
WAN = dict(unit="万元", tb="6.00", ts="4.53", mb="2.00", ms="1.35", pb="4.00", ps="3.18")
YUAN = dict(unit="元", tb="60000.00", ts="45330.00", mb="20000.00", ms="13530.00", pb="40000.00", ps="31800.00")


def _rates(tmp_path, table: dict, m: str, mr: str, p: str, pr: str) -> list[tuple[str, str | None]]:
    path = tmp_path / "report.txt"
    path.write_text(REPORT.format(m=m, mr=mr, p=p, pr=pr, **table), encoding="utf-8")
    return [(f.code, f.expected) for f in lint(path).findings if f.severity == "error"]


def test_rates_of_the_tables_budget_say_nothing(tmp_path) -> None:
    assert _rates(tmp_path, WAN, "1.35", "67.50%", "3.18", "79.50%") == []


def test_a_rate_off_the_tables_budget_is_wrong(tmp_path) -> None:
    assert _rates(tmp_path, WAN, "1.35", "67.50%", "3.18", "75.90%") == [("TXT005", "79.50%")]


def test_a_figure_off_the_table_whose_rate_is_the_tables_is_the_one_mistyped(tmp_path) -> None:
    assert _rates(tmp_path, WAN, "1.08", "67.50%", "3.18", "79.50%") == [("TXT005", "1.35")]


def test_a_slip_off_the_table_is_said_once(tmp_path) -> None:
    assert [c for c, _e in _rates(tmp_path, WAN, "1.53", "67.50%", "3.18", "79.50%")] == ["TXT014"]


def test_a_figure_and_its_rate_both_off_the_table_are_not_guessed(tmp_path) -> None:
    assert _rates(tmp_path, WAN, "1.08", "76.50%", "3.18", "79.50%") == []


@pytest.mark.parametrize("mr, wrong", [("67.65%", False), ("76.65%", True)])
def test_a_table_in_yuan_against_the_texts_wan(tmp_path, mr: str, wrong: bool) -> None:
    found = _rates(tmp_path, YUAN, "1.35", mr, "3.18", "79.50%")
    assert found == ([("TXT005", "67.65%")] if wrong else [])


def test_a_sentence_with_its_own_budget_is_left_to_the_prose_rules(tmp_path) -> None:
    path = tmp_path / "report.txt"
    text = REPORT.format(m="1.35", mr="67.50%", p="3.18", pr="79.50%", **WAN)
    path.write_text(text + "会议费年初预算3.00万元，支出决算1.35万元，完成预算的45.00%。\n", encoding="utf-8")
    assert [f.code for f in lint(path).findings if f.severity == "error"] == []
