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
