"""Share columns of a table (TBL015, toolkit/claims/share_columns.py) and rate columns headed …率（%） (TBL005), on
the files of tests/fixtures/claims/shares: each wrong case is its right case with one cell changed."""
from __future__ import annotations

from pathlib import Path

import pytest

from toolkit import lint

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "claims" / "shares"


def _found(name: str) -> list[tuple[str, str, int, int, str | None]]:
    return [(f.code, f.severity, f.location.row, f.location.col, f.expected) for f in lint(HERE / name).findings]


@pytest.mark.parametrize("right, wrong, expected", [
    # 合计 row above the rows (决算 tables): the bottom-total check never sees it; the share of 社会保障和就业支出
    # is written 9.34 for 932.18 ÷ 11181.00 = 8.34%
    ("top_total.txt", "top_total_wrong.txt", [("TBL015", "error", 4, 2, "8.34%")]),
    # the header names its whole (占本年支出比重 → the 本年支出合计 row); 其中：办公费 is a share of its parent
    # (204.39 ÷ 2043.90 = 10.00%), left alone in both files
    ("named_whole.md", "named_whole_wrong.md", [("TBL015", "error", 2, 2, "13.64%")]),
    # a 决算 ledger (类 ⊃ 款 ⊃ 项) with a share of the 合计 in every row: the column does not add up to 100, each
    # row is judged on its own; .txt and the same table in Word
    ("ledger_share.txt", "ledger_share_wrong.txt", [("TBL015", "error", 4, 3, "12.78%")]),
    ("ledger_share.docx", "ledger_share_wrong.docx", [("TBL015", "error", 4, 3, "12.78%")]),
    # 本年 | 上年 | 增减额 | 增减率（%） | 占本年支出（%） with the 合计 on top: the share is of the year its rows agree
    # with (2024), never of the change columns; 35.17 is last year's share of 1804.33's row (1912.58 ÷ 5437.85)
    ("years_top.md", "years_top_wrong.md", [("TBL015", "error", 3, 5, "32.91%")]),
    # the amount lost a digit (507.61 → 50.76) and its share is right: the amount is reported, with the figure that
    # makes the rows add up to the 合计 and agrees with its share
    ("top_total.txt", "top_total_lost_digit.txt", [("TBL015", "error", 6, 1, "507.61")]),
    # 执行率（%） with its figures written without the sign: 71.30 ÷ 95.00 = 75.05%, not 57.05
    ("rate_pct_right.md", "rate_pct_wrong.md", [("TBL005", "error", 5, 3, "75.05%")]),
])
def test_right_and_wrong(right, wrong, expected):
    assert _found(right) == []
    assert _found(wrong) == expected


def test_ratio_columns_are_not_summed_as_money():
    # the 合计 row's 执行率 (95.97) is not the sum of the rows' rates, nor its 占比 (100.00) a sum of amounts: before
    # the ratio heads were read, TBL001 summed them (356.91, 101.00)
    for name in ("rate_pct_right.md", "rate_pct_wrong.md", "top_total_wrong.txt", "named_whole_wrong.md",
                 "years_top.md", "years_top_wrong.md"):  # 增减率（%）: TBL001 summed it as 4.89
        assert not [f for f in lint(HERE / name).findings if f.code == "TBL001"], name


def test_one_finding_a_cell(tmp_path):
    # a bottom 合计 whose shares miss 100%: TBL007 names the one wrong share; TBL015 does not say it again
    text = (HERE / "top_total_wrong.txt").read_text(encoding="utf-8").splitlines()
    moved = text[:3] + text[4:] + [text[3]]  # the 合计 row closing the table
    path = tmp_path / "bottom.txt"
    path.write_text("\n".join(moved) + "\n", encoding="utf-8")
    found = [(f.code, f.location.row, f.expected) for f in lint(path).findings if f.severity == "error"]
    assert found == [("TBL007", 3, "8.34%")]


def test_a_ledger_never_sums_its_share_column():
    # 比重（%） beside a 决算 ledger: before, the ledger's sums down the codes took it for money (TBL008 at 208,
    # "92.07"); it is a share of the 合计, and the one wrong share is found at its row
    assert _found("ledger_weight_wrong.txt") == [("TBL015", "error", 4, 3, "12.78%")]
