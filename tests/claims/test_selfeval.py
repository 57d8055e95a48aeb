"""The text against the 自评表 of the same document (issue 11): an indicator's result in the narrative against its
row's 实际完成值 (TXT021), the 预算执行率 row's score against its rate (TBL014), grade bands and 综合评定 in the
自评表 and the text. The fixtures are written by tests/fixtures/claims/selfeval/build.py, each case wrong and right
(``_clean``), in the text layouts: one cell a line without tabs, Word's tab-led export, tab-separated, pipe."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from toolkit import lint
from toolkit.claims.document import read
from toolkit.claims.tables import read_score_table

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "claims" / "selfeval"


def _errors(name: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.expected, f.found) for f in lint(HERE / name).findings if f.severity == "error"]


def _variant(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A fixture with one passage changed (the change must be there)."""
    text = (HERE / name).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_selfeval_table_one_cell_a_line_without_tabs_is_read_as_a_table():
    doc = read(HERE / "TXT021_bare.txt")
    [t] = doc.tables
    assert t.rows[0] == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    assert len(t.rows) == 9  # the header, seven indicators and the 合计 row
    assert t.rows[3] == ["", "", "高素质农民培训人次", "≥800人次", "860人次", "20", "20.00"]  # blank lines: empty cells
    assert t.rows[-1] == ["合计", "", "", "", "", "100", "99.84"]
    assert doc.paragraphs[-1].text == "个别乡镇抽检样品送检不及时。"  # the table ends where its rows end
    st = read_score_table(t)
    assert st is not None and st.total_score == Decimal("99.84") and len(st.items) == 7


def test_an_indicator_result_in_the_text_against_its_row_in_each_layout():
    assert _errors("TXT021_bare.txt") == [("TXT021", "1425批次", "1452批次")]
    assert _errors("TXT021_bare_clean.txt") == []  # the target, 其中 and 上年 figures of the text are not compared
    assert _errors("TXT021_pipe.md") == [("TXT021", "95.60%", "96.5%")]
    assert _errors("TXT021_pipe_clean.md") == []  # a project's 执行率 93% is not the 预算执行率 row's
    # 培训人数 after a clause naming 职业技能培训: the row 职业技能培训人次
    assert _errors("TXT021_word.txt") == [("TXT021", "502人次", "520人次")]
    assert _errors("TXT021_word_clean.txt") == []


def test_an_ambiguous_or_unlike_row_is_not_judged(tmp_path):
    # two rows of the same name core: which one the text means cannot be told
    two = _variant(tmp_path, "TXT021_pipe.md", "| 满意度指标 | 服务对象满意度 | 群众满意度 | ≥90% | 95.60% | 10 | 10.00 |",
                   "| 满意度指标 | 服务对象满意度 | 群众满意度 | ≥90% | 95.60% | 5 | 5.00 |\n"
                   "| 满意度指标 | 服务对象满意度 | 群众满意度 | ≥90% | 97.20% | 5 | 5.00 |")
    assert [f.code for f in lint(two).findings if f.code == "TXT021"] == []
    # another unit: 1452批 is not 1425批次's figure in the same unit
    other = _variant(tmp_path, "TXT021_bare.txt", "抽检1452批次", "抽检1452件")
    assert [f.code for f in lint(other).findings if f.code == "TXT021"] == []
    # the clause says it is a plan
    plan = _variant(tmp_path, "TXT021_bare.txt", "全年完成农产品质量安全抽检1452批次", "全年计划完成农产品质量安全抽检1452批次")
    assert [f.code for f in lint(plan).findings if f.code == "TXT021"] == []
    # another year's figure is not the table's; the report's own year frames the figure like 全年
    before = _variant(tmp_path, "TXT021_bare.txt", "全年完成农产品质量安全抽检1452批次", "2023年完成农产品质量安全抽检1452批次")
    assert [f.code for f in lint(before).findings if f.code == "TXT021"] == []
    this = _variant(tmp_path, "TXT021_bare.txt", "全年完成农产品质量安全抽检1452批次", "2024年完成农产品质量安全抽检1452批次")
    assert [f.code for f in lint(this).findings if f.code == "TXT021"] == ["TXT021"]
    # a bare 满意度 may be of another scope: compared only with a row of that very name
    bare = _variant(tmp_path, "TXT021_pipe.md", "群众满意度为96.5%", "满意度为96.5%")
    assert [f.code for f in lint(bare).findings if f.code == "TXT021"] == []


def test_the_execution_rows_score_where_the_text_states_the_rule():
    assert _errors("TBL014_stated.md") == [("TBL014", "9.64", "9.46")]
    assert _errors("TBL014_stated_clean.md") == []


def test_the_execution_rows_score_where_the_tables_own_total_fixes_the_rule():
    # 99.73 is the sum with 9.73 in the row: the row is the one wrong, and the 总分 is not reported too
    assert _errors("TBL014_total.txt") == [("TBL014", "9.73", "9.37")]
    assert _errors("TBL014_total_clean.txt") == []
    # 9.00 for 97.25% with a 总分 that adds up as written and no rule stated: a rule of the region's own, silent
    assert _errors("TBL014_own_rule.txt") == []


def test_a_stated_rule_of_its_own_leaves_the_execution_row_alone(tmp_path):
    own = _variant(tmp_path, "TBL014_stated.md", "预算执行率按执行数占全年预算数的比例计分",
                   "预算执行率按执行数占全年预算数的比例计分，每低于1个百分点扣0.5分")
    assert [f.code for f in lint(own).findings if f.code == "TBL014"] == []


def test_grade_bands_in_the_table_are_no_scores_and_zonghe_pingding_is_the_total():
    doc = read(HERE / "SCR_bands_clean.md")
    st = read_score_table(doc.tables[0])
    assert len(st.items) == 4 and st.total_score == Decimal("95.20")  # the 综合评定 row is the total, the bands no indicators
    assert _errors("SCR_bands_clean.md") == []  # nor is 90-100分为优 of the text a total score
    # 综合评定得分85.20分 is the total: its grade is 良, the table's items add to 95.20; the 综合评定 row's 95.3 is not
    # their sum either
    assert sorted(_errors("SCR_bands.md")) == [("TBL002", "95.20", "95.3"), ("TXT009", "良好", "优"),
                                               ("TXT010", "95.2", "85.2")]
