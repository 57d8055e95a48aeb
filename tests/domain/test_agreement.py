"""check and lint agree on every identity: each case is stated once and fed through ``check`` (as YAML) and ``lint``
(as a sentence, and as a table where lint reads the identity from tables), and every way must give the same verdict.

A verdict is read from the findings of the identity's rule: none → ok, a warning → within rounding (or truncated),
an error → wrong.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from toolkit import check, lint, loads

OK, WARN, WRONG = "ok", "warning", "error"
HEAD = "year: 2022\nunit: {name: 测试局}\n"


def verdict(findings, code: str) -> str:
    found = [f.severity for f in findings if f.code == code]
    assert len(found) <= 1, found
    return found[0] if found else OK


@dataclass
class Identity:
    name: str
    yaml: Callable[..., str]  # the case as a YAML report
    check_code: str
    sentence: Callable[..., str]  # the case as one paragraph of a report
    sentence_code: str
    table: Callable[..., list[list[str]]] | None = None  # the case as a table (rows of cells)
    table_code: str | None = None


def _md(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows[1:]]) + "\n"


IDENTITIES = {
    "parts": Identity(
        "总数 = 各部分之和（基本支出 = 人员经费 + 公用经费）",
        lambda a, b, total: HEAD + f"budget:\n  expenditure:\n    basic:\n      amount: {total}\n"
                                   f"      personnel: {{amount: {a}}}\n      public: {{amount: {b}}}\n",
        "SUM001",
        lambda a, b, total: f"2022年基本支出{total}万元，其中人员经费{a}万元，公用经费{b}万元。",
        "TXT001",
        lambda a, b, total: [["项目", "金额（万元）"], ["人员经费", a], ["公用经费", b], ["合计", total]],
        "TBL007"),
    "share": Identity(
        "占比 = 部分 ÷ 总数",
        lambda part, total, pct: HEAD + f"budget:\n  expenditure:\n    amount: {total}\n"
                                        f"    basic: {{amount: {part}, share: {pct}%}}\n",
        "PCT001",
        lambda part, total, pct: f"2022年一般公共预算支出{total}万元，其中基本支出{part}万元，占一般公共预算支出的{pct}%。",
        "TXT002"),
    "execution": Identity(
        "执行率 = 执行数 ÷ 全年预算数",
        lambda actual, budget, pct: HEAD + f"budget:\n  expenditure:\n    amount: {actual}\n"
                                           f"    full_budget: {budget}\n    execution_rate: {pct}%\n",
        "PCT002",
        lambda actual, budget, pct: f"全年预算{budget}万元，全年执行{actual}万元，执行率为{pct}%。",
        "TXT005",
        lambda actual, budget, pct: [["项目", "全年预算数", "全年执行数", "执行率"], ["支出合计", budget, actual, f"{pct}%"]],
        "TBL005"),
    "control": Identity(
        "在职人员控制率 = 实有人数 ÷ 编制数",
        lambda actual, authorized, pct: HEAD.replace("unit: {name: 测试局}", "unit:\n  name: 测试局\n  staffing:\n"
                                                    f"    authorized: {{total: {authorized}}}\n"
                                                    f"    actual: {{total: {actual}}}\n    control_rate: {pct}%"),
        "PCT005",
        lambda actual, authorized, pct: f"编制数{authorized}人，实有在职人数{actual}人，在职人员控制率{pct}%。",
        "TXT005",
        lambda actual, authorized, pct: [["编制数", "实际在职人数", "控制率"], [authorized, actual, f"{pct}%"]],
        "TBL005"),
    "change": Identity(
        "增长率 = 增减额 ÷ 上年数",
        lambda amount, change, pct: HEAD + f"budget:\n  expenditure:\n    basic:\n      public: {{amount: {amount}, "
                                           f"change: {change}, change_rate: {pct}}}\n",
        "PCT004",
        lambda amount, change, pct: f"公用经费{amount}万元，比上年增加{change}万元，增长{pct}%。",
        "TXT004"),
    "total_score": Identity(
        "总得分 = 各指标得分之和",
        lambda scores, total: HEAD + "indicators:\n  total_score: " + total + "\n  groups:\n    - name: 产出指标\n"
        "      children:\n        - name: 数量指标\n          indicators:\n" + "".join(
            f"            - {{name: 指标{k}, weight: {w}, score: {s}, deviation: 无}}\n" for k, (w, s) in enumerate(scores)),
        "SCR006",
        lambda scores, total: "".join(f"{k + 1}.指标{k}：分值{w}分，得分{s}分。" for k, (w, s) in enumerate(scores))
        + f"本次绩效自评综合得分{total}分。",
        "TXT007",
        lambda scores, total: [["指标", "分值", "得分"]] + [[f"指标{k}", w, s] for k, (w, s) in enumerate(scores)]
        + [["总分", "100", total]],
        "TBL002"),
}

#: three indicators (weight, score) whose weights make 100
SCORES = (("40", "9.47"), ("30", "8.95"), ("30", "10"))

#: each case once: (identity, arguments, expected verdict, what it shows)
CASES = [
    ("parts", ("420.39", "87.41", "507.80"), OK, "exact"),
    ("parts", ("420.39", "87.41", "507.79"), WARN, "within rounding (0.01)"),
    ("parts", ("420.39", "87.41", "507.70"), WRONG, "wrong"),
    ("parts", ("350.867", "54.976", "405.84"), OK, "three-decimal parts, the total their sum rounded"),
    ("parts", ("350.867", "54.976", "405.85"), WRONG, "three-decimal parts, beyond their rounding (0.007 > 0.006)"),
    ("parts", ("3345.5", "6.73", "3352.23"), OK, "one-decimal part"),
    ("parts", ("0.01", "0.02", "0.03"), OK, "tiny"),
    ("parts", ("0.01", "0.01", "0.03"), WARN, "tiny, within rounding"),
    ("parts", ("12345678.91", "98765432.10", "111111111.01"), OK, "huge"),
    ("parts", ("12345678.91", "98765432.10", "111111112.01"), WRONG, "huge, wrong"),
    ("share", ("848.53", "1000.00", "84.85"), OK, "exact"),
    ("share", ("848.53", "1000.00", "84.86"), WRONG, "last digit wrong although the amounts are precise"),
    ("share", ("507.79", "3352.23", "15.14"), WARN, "truncated (15.1478 %)"),
    ("share", ("507.79", "3352.23", "15.1"), OK, "one decimal"),
    ("share", ("507.79", "3352.23", "15.148"), OK, "three decimals"),
    ("share", ("507.79", "3352.23", "15.51"), WRONG, "wrong"),
    ("share", ("0.01", "0.03", "40"), WARN, "tiny amounts: right only within their rounding"),
    ("share", ("123456789.12", "987654321.98", "12.50"), OK, "huge"),
    ("execution", ("3352.23", "3452.23", "97.10"), OK, "exact"),
    ("execution", ("3352.23", "3452.23", "97.11"), WRONG, "wrong in the last digit"),
    ("execution", ("100.00", "103.00", "97.08"), WARN, "truncated (97.087 %)"),
    ("execution", ("100.00", "103.00", "97.1"), OK, "one decimal"),
    ("execution", ("3352.23", "3452.23", "100"), WRONG, "written as 100 %"),
    ("control", ("31", "33", "93.94"), OK, "exact"),
    ("control", ("31", "33", "93.9"), OK, "one decimal"),
    ("control", ("31", "33", "93.93"), WARN, "truncated (93.939 %)"),
    ("control", ("31", "33", "100"), WRONG, "the usual 100 %"),
    ("change", ("54.98", "37.98", "223.41"), OK, "exact: 37.98 ÷ 17.00"),
    ("change", ("54.98", "37.98", "232.41"), WRONG, "wrong"),
    ("total_score", (SCORES, "28.42"), OK, "exact"),
    ("total_score", (SCORES, "28.43"), WARN, "within rounding (0.01)"),
    ("total_score", (SCORES, "28.4"), WARN, "one decimal, rounded"),
    ("total_score", (SCORES, "29.42"), WRONG, "wrong"),
]


def _args(case):
    _name, args, _v, _what = case
    return args


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_check_gives_the_verdict(case):
    identity = IDENTITIES[case[0]]
    result = check(loads(identity.yaml(*_args(case)), "case.yaml"))
    assert verdict(result.findings, identity.check_code) == case[2], result.text()


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_lint_gives_the_verdict_in_a_sentence(case, tmp_path: Path):
    identity = IDENTITIES[case[0]]
    report = tmp_path / "report.txt"
    report.write_text(identity.sentence(*_args(case)) + "\n", encoding="utf-8")
    result = lint(report)
    assert verdict(result.findings, identity.sentence_code) == case[2], result.text()


TABLE_CASES = [c for c in CASES if IDENTITIES[c[0]].table is not None]


@pytest.mark.parametrize("case", TABLE_CASES, ids=[f"{c[0]}-{c[3]}" for c in TABLE_CASES])
def test_lint_gives_the_verdict_in_a_table(case, tmp_path: Path):
    identity = IDENTITIES[case[0]]
    report = tmp_path / "report.md"
    report.write_text("表格\n\n" + _md(identity.table(*_args(case))), encoding="utf-8")
    result = lint(report)
    assert verdict(result.findings, identity.table_code) == case[2], result.text()
