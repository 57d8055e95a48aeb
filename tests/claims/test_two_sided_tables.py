"""A 收入支出决算总表 of two sides (收入 | 金额 | 支出 | 金额): the bottom 合计 of the income side adds up the income
rows only, never the expenditure side's figures (其中 rows and all); and its 总计 is 本年收入合计 plus the rows after
it (使用非财政拨款结余, 年初结转和结余, DOMAIN §2), not those rows alone. Both were false errors on correct tables;
the wrong cases show the sums are still checked. The figures are written for these tests."""
from __future__ import annotations

import pytest

from toolkit import lint

TABLE = """表1 收入支出决算总表（单位：万元）

| 收入项目 | 决算数 | 支出项目 | 决算数 |
| --- | --- | --- | --- |
| 一、一般公共预算财政拨款收入 | {a} | 一、基本支出 | 1186.42 |
| 二、政府性基金预算财政拨款收入 | 215.00 | 其中：人员经费 | 1043.17 |
| 三、事业收入 | 0.00 | 公用经费 | 143.25 |
| 四、其他收入 | 18.36 | 二、项目支出 | 2948.63 |
| 本年收入合计 | 4095.83 | 本年支出合计 | 4135.05 |
| 年初结转和结余 | 124.58 | 年末结转和结余 | 85.36 |
| 总计 | {t} | 总计 | {t} |
"""


def _tables(tmp_path, a: str, t: str) -> list[str]:
    path = tmp_path / "report.md"
    path.write_text(TABLE.format(a=a, t=t), encoding="utf-8")
    return [f.code for f in lint(path).findings if f.code.startswith("TBL") and f.severity == "error"]


def test_a_correct_two_sided_table_says_nothing(tmp_path) -> None:
    assert _tables(tmp_path, "3862.47", "4220.41") == []


@pytest.mark.parametrize("a, t", [("3826.47", "4220.41"), ("3862.47", "4202.41")])
def test_a_wrong_income_or_grand_total_is_still_found(tmp_path, a: str, t: str) -> None:
    assert _tables(tmp_path, a, t) != []
