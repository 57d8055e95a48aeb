"""A change rate whose base is last year's cell of the same row in a table of the document (issue 11)."""
from __future__ import annotations

from pathlib import Path

from toolkit import lint

TABLE = ("单位：万元\n\n| 项目 | 2025年预算 | 2025年决算 | 2024年决算 |\n|---|---|---|---|\n"
         "| 合计 | 20.00 | 15.40 | 17.40 |\n| 公务用车运行维护费 | 16.00 | 13.20 | 14.40 |\n"
         "| 公务接待费 | 4.00 | 2.20 | 3.00 |\n")


def _errors(tmp_path: Path, text: str) -> list[tuple[str, str | None]]:
    path = tmp_path / "r.md"
    path.write_text(text + "\n\n" + TABLE, encoding="utf-8")
    return [(f.code, f.expected) for f in lint(path).findings if f.severity == "error"]


def test_the_rate_is_against_last_years_cell_of_the_row(tmp_path):
    text = "2025年“三公”经费支出15.40万元。其中公务接待费2.20万元，同比下降{rate}%，主要是压减接待。"
    assert _errors(tmp_path, text.format(rate="26.67")) == []  # (2.20 − 3.00) ÷ 3.00
    assert _errors(tmp_path, text.format(rate="36.36")) == [("TXT004", "26.67%")]  # ÷ 2.20: the wrong base


def test_a_figure_the_table_does_not_hold_or_a_sentence_with_its_own_base_is_left_alone(tmp_path):
    # 2.30 is in no row of 公务接待费: another scope, not judged
    assert _errors(tmp_path, "公务接待费2.30万元，同比下降36.36%。") == []
    # the sentence gives its own difference: judged by the prose rule on its own figures (0.80 ÷ 3.00 = 26.67%)
    assert _errors(tmp_path, "公务接待费2.20万元，比上年减少0.80万元，下降26.67%。") == []


SANGONG = ("单位：万元\n\n| 项目 | 决算数 | 预算数 |\n|---|---|---|\n| 合计 | 41.00 | 46.00 |\n"
           "| 因公出国（境）费 | 4.00 | 4.00 |\n| 公务接待费 | 8.00 | 9.00 |\n| 公务用车购置及运行费 | {car} | 33.00 |\n"
           "| 其中：公务用车购置费 | 0.00 | 0.00 |\n| 公务用车运行维护费 | 29.00 | 33.00 |\n")


def test_an_item_row_above_its_own_qizhong_rows_is_their_sum(tmp_path):
    path = tmp_path / "t.md"
    path.write_text(SANGONG.format(car="29.00"), encoding="utf-8")
    assert [f.code for f in lint(path).findings if f.severity == "error"] == []
    # 28.00 over 0.00 + 29.00: the item is wrong, and the 合计's miss (41 over 40) is the same cell, said once
    path.write_text(SANGONG.format(car="28.00"), encoding="utf-8")
    found = [(f.code, f.expected) for f in lint(path).findings if f.severity == "error"]
    assert found == [("TBL012", "29.00")]  # the 三公 table read by its items (sangong.py): the same cell


SHARES = ("单位：万元\n\n| 项目 | 金额 | 占比 |\n|---|---|---|\n| 农林水支出 | 800.00 | {a}% |\n"
          "| 社会保障和就业支出 | 150.00 | 15.00% |\n| 卫生健康支出 | 50.00 | 5.00% |\n| 合计 | 1,000.00 | 100.00% |\n")


def test_a_share_cell_that_is_not_its_amount_over_the_total_is_reported_at_its_row(tmp_path):
    path = tmp_path / "s.md"
    path.write_text(SHARES.format(a="80.00"), encoding="utf-8")
    assert [f.code for f in lint(path).findings if f.severity == "error"] == []
    path.write_text(SHARES.format(a="81.20"), encoding="utf-8")
    found = [f for f in lint(path).findings if f.severity == "error"]
    assert [(f.code, f.expected) for f in found] == [("TBL007", "80.00%")]
    assert "农林水支出" in found[0].message


def test_a_named_subtotal_closes_only_its_group_in_a_table_with_a_row_outside_any_group(tmp_path):
    rows = ("一级指标\t三级指标\t分值\t得分\n预算执行率\t预算执行率\t10\t9.77\n产出指标\t面积\t10\t10\n"
            "产出指标\t合格率\t8\t7.20\n产出指标小计\t\t18\t{sub}\n合计\t\t28\t26.97\n")
    path = tmp_path / "t.txt"
    path.write_text("自评表如下：\n\n" + rows.format(sub="17.20"), encoding="utf-8")
    assert [f.code for f in lint(path).findings if f.severity == "error"] == []
    path.write_text("自评表如下：\n\n" + rows.format(sub="17.40"), encoding="utf-8")
    assert [(f.code, f.expected) for f in lint(path).findings if f.severity == "error"] == [("TBL002", "17.20")]
