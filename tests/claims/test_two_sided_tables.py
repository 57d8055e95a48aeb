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


SCOPES = """表1 收入支出决算总表（单位：万元）

| 收入项目 | 决算数 | 支出项目 | 决算数 |
| --- | --- | --- | --- |
| 一、一般公共预算财政拨款收入 | 2386.47 | 一、基本支出 | 1048.65 |
| 二、其他收入 | 15.32 | 其中：人员经费 | 942.18 |
| 本年收入合计 | 2401.79 | 二、项目支出 | 1353.14 |

表2 一般公共预算财政拨款支出决算表（单位：万元）

| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |
| --- | --- | --- | --- | --- |
| 213 | 农林水支出 | 2386.47 | 1042.65 | 1343.82 |
| | 合计 | 2386.47 | 1042.65 | 1343.82 |

2024年度本年支出合计2401.79万元。其中：基本支出{basic}万元，项目支出1353.14万元。
2024年度一般公共预算财政拨款基本支出1042.65万元。其中：人员经费{staff}万元，公用经费106.47万元。
"""


@pytest.mark.parametrize("basic, staff, expected", [
    ("1048.65", "936.18", []),            # each figure of its own scope: the 财政拨款 table is not the whole
    ("1048.56", "936.18", ["TXT014"]),    # the whole's 基本支出 with two digits swapped against 表1
])
def test_a_figure_is_compared_with_the_table_of_its_own_scope(tmp_path, basic, staff, expected) -> None:
    path = tmp_path / "report.md"
    path.write_text(SCOPES.format(basic=basic, staff=staff), encoding="utf-8")
    assert [f.code for f in lint(path).findings if f.code == "TXT014"] == expected
