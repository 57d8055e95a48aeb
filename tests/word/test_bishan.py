"""Bishan (seed 000) in the Chongqing outline reads like the published report."""
from __future__ import annotations

from docx import Document

from toolkit.word import ooxml as X

from .conftest import ROOT
from .docx_text import docx_text

BISHAN = ROOT / "examples" / "bishan-jxw-2021.yaml"


def headings(path, style_id: str) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.style.style_id == style_id]


def test_outline(rendered):
    assert headings(rendered(BISHAN), X.H1) == [
        "一、基本情况", "二、绩效评价基本情况", "三、主要经验及做法", "四、绩效评价情况及结论", "五、存在的问题及原因"]


def test_one_subsection_per_indicator_with_weight_and_score(rendered):
    h3 = headings(rendered(BISHAN), X.H3)
    scored = h3[h3.index("1.本单位职工满意度（分值5分，得分4.75分）"):]
    assert scored == [
        "1.本单位职工满意度（分值5分，得分4.75分）", "2.补助资金发放及时率（分值10分，得分8.95分）",
        "3.代管人员满意度（分值10分，得分9.69分）", "4.服务企业家数（分值10分，得分10分）",
        "5.项目绩效管理率（分值10分，得分10分）", "6.向上申报补助资金项目（分值10分，得分10分）",
        "7.预决算公开率（分值10分，得分10分）", "8.预决算执行率（分值10分，得分10分）",
        "9.走访企业安全检查次数（分值10分，得分10分）", "10.组织清华研修班培训人数（分值10分，得分10分）"]


def test_sentences_as_published(rendered):
    text = docx_text(rendered(BISHAN))
    # the narrative follows its heading; the generated "指标分值…" sentence is only for indicators without one
    assert "1.本单位职工满意度（分值5分，得分4.75分）\n绩效管理工作小组成员对本单位职工进行了满意度调查" in text
    assert "指标分值" not in text
    assert "绩效自评满分100分，得分93.39分，等级为优。" in text
    # 结余资金 is counted inside 支出 by the data (as published): printed inside, not again as a closing balance
    assert ("本单位共计支出12829.26万元，其中：基本支出984.12万元，项目支出11821.33万元，结余资金23.81万元。"
            in text)
    assert "年末结转和结余" not in text
    # 政府性基金 money is in the income: never "无政府性基金预算支出"; no other fund is claimed either
    assert "无政府性基金" not in text and "无国有资本" not in text
    # ungrouped: the placeholder group name is not printed as a heading
    assert "绩效指标（" not in text
    assert "副组长：蒋学远、汪德全\n成员：宋小兵、黄家韬、虞跃、邹伟、胡兴群、刘容、王梅芳" in text


def test_closing_balance_outside_spending_is_its_own_sentence(tmp_path):
    """demo-2023: 基本 + 项目 = 支出, so 年末结转和结余 is not part of 支出 and keeps its own sentence."""
    from toolkit.load import load
    from toolkit.word import render

    text = docx_text(render(load(ROOT / "examples" / "demo-2023.yaml"), tmp_path / "d.docx", template="chongqing"))
    assert "县农业农村局共计支出5200.00万元，其中：基本支出1380.00万元，项目支出3820.00万元。" in text
    assert "2023年年初结转和结余85.25万元，年末结转和结余60.00万元。" in text
    assert "2023年度部门整体支出绩效目标：\n1.保障机关正常运转" in text
