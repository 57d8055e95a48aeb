"""Outlines as data (toolkit/outlines): the declarations, the YAML ``layout:`` block, and a fourth outline added
as one declaration with no renderer change."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from toolkit import outlines
from toolkit.cli import app
from toolkit.load import load, loads
from toolkit.outlines import Closing, Markdown, Outline, Rich, Section, Sentence
from toolkit.word import Renderer, render
from toolkit.word.outline import relevel

from .conftest import EXAMPLES, FIXTURES
from .docx_text import docx_text

LAYOUT = FIXTURES / "layout.yaml"
runner = CliRunner()


def headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"^[一二三四五六七八九十]+、", line)]


# ----------------------------------------------------------------------------------------------------------------
# The declarations
# ----------------------------------------------------------------------------------------------------------------


def _missing(ctx: dict, path: str) -> bool:
    obj = ctx
    for part in path.split("."):
        if not isinstance(obj, dict) or part not in obj:
            return True
        obj = obj[part]
    return False


@pytest.mark.parametrize("name", outlines.NAMES)
def test_every_path_of_a_declaration_is_in_the_context(name):
    """A block naming a context value that does not exist would print nothing, silently: none does."""
    ctx = Renderer(name).context(load(EXAMPLES[1]).report)
    paths = [getattr(b, "path", "") for b in outlines.get(name).blocks()]
    paths += [s.when for s in outlines.get(name).sections() if s.when]
    paths += [s.each for s in outlines.get(name).sections() if s.each]
    wrong = [p for p in paths if p and not p.startswith("item.") and _missing(ctx, p)]
    assert wrong == []


def test_a_name_used_twice_in_an_outline_is_refused():
    with pytest.raises(ValueError, match="used twice"):
        Outline("x", "x", (Section("a", "甲", (Sentence("a", path="text.income"),)),))


def test_hunan_keeps_its_ten_chapters_with_their_none_sentences(tmp_path):
    """lengshuitan has no 应用和公开 text: the chapter stays, with its sentence, and 其他 is still 十、."""
    text = docx_text(render(load(EXAMPLES[2]), tmp_path / "l.docx", template="hunan"))
    got = headings(text)
    assert len(got) == 10 and got[8] == "九、部门整体支出绩效自评结果拟应用和公开情况"
    assert got[9] == "十、其他需要说明的情况"
    assert text.splitlines()[text.splitlines().index(got[8]) + 1] == "本单位无需要说明的自评结果应用和公开情况。"


def test_a_narratives_own_numbers_move_below_a_deeper_heading():
    assert relevel("（一）加强监测\n正文\n（二）优化服务", 3) == "（1）加强监测\n正文\n（2）优化服务"
    assert relevel("（一）甲\n（二）乙", 1) == "（一）甲\n（二）乙"  # already below "一、"
    assert relevel("1. 列表项\n2. 列表项", 3) == "1. 列表项\n2. 列表项"  # Markdown lists: the converter's
    assert relevel("（1）甲\n（二）乙", 2) == "（1）甲\n（二）乙"  # no level left below （1）: as written


# ----------------------------------------------------------------------------------------------------------------
# layout: the user's words win (the example of docs/templates.md)
# ----------------------------------------------------------------------------------------------------------------


def test_layout_renames_omits_and_replaces(tmp_path):
    loaded = load(LAYOUT)
    text = docx_text(render(loaded, tmp_path / "layout.docx"))
    plain = docx_text(render(load(EXAMPLES[1]), tmp_path / "demo.docx"))  # the same data without layout
    assert "七、存在的问题及原因分析" in plain and "七、存在的主要问题及原因" in text
    assert "存在的问题及原因分析" not in text
    assert "九、部门整体支出绩效自评结果拟应用和公开情况" in plain
    assert "拟应用和公开情况" not in text and "九、其他需要说明的情况" in text  # numbers close up
    generated = "2023年支出合计5200.00万元，其中基本支出1380.00万元"  # 支出合计: it includes 政府性基金 money
    assert generated in plain and generated not in text
    assert "2023年，我局支出5200.00万元，其中基本支出1380.00万元，项目支出3820.00万元，全部用于农业农村各项工作。" in text


def test_the_users_words_are_checked_like_any_narrative():
    from toolkit import check

    source = LAYOUT.read_text(encoding="utf-8")
    assert check(load(LAYOUT)).findings == []
    bad = loads(source.replace("我局支出5200.00万元", "我局支出5300.00万元"), "layout.yaml")
    found = [f for f in check(bad).findings if f.location.path == "layout.replace.expenditure"]
    line = source.splitlines().index("    expenditure: |") + 2
    assert found and found[0].code == "TXT001" and found[0].location.line == line


def test_an_unknown_layout_name_is_bad_input_at_its_line(tmp_path):
    source = LAYOUT.read_text(encoding="utf-8").replace("    problems: 存在的主要", "    problem: 存在的主要")
    typo = tmp_path / "typo.yaml"
    typo.write_text(source, encoding="utf-8")
    result = runner.invoke(app, ["check", str(typo)])
    line = source.splitlines().index("    problem: 存在的主要问题及原因") + 1
    assert result.exit_code == 2
    assert f"typo.yaml:{line}:5: layout 中的名称“problem”不是任何提纲的章节，是否应为“problems”？" in result.output
    assert "Traceback" not in result.output


# ----------------------------------------------------------------------------------------------------------------
# A fourth outline: one declaration, no renderer change
# ----------------------------------------------------------------------------------------------------------------

FOURTH = Outline(
    name="testland",
    description="测试格式：一、收支情况，二、绩效情况，三、问题和建议",
    body=(
        Sentence("title", path="title_lines", style="JxTitle"),
        Section("money", "收支情况", (
            Sentence("income", path="text.income"),
            Section("spending", "支出", (Sentence("expenditure", path="text.expenditure"),
                                        Rich("projects", path="projects"))),
            Section("empty", "没有内容的一节", (Markdown("narrative.nothing", path="narrative.nothing"),)),
        )),
        Section("results", "绩效情况", (Sentence("score", path="text.score"),)),
        Section("advice", "问题和建议", (Markdown("narrative.problems", path="narrative.problems"),
                                       Markdown("narrative.measures", path="narrative.measures")),
                none="无。"),
        Closing("closing"),
    ),
)


def test_a_fourth_outline_is_one_declaration(tmp_path):
    outlines.register(FOURTH)
    try:
        loaded = load(EXAMPLES[1])
        # demo-2023's narrative states its score, which suppresses text.score: without it the sentence prints
        loaded.report.narrative.performance = None
        text = docx_text(render(loaded, tmp_path / "fourth.docx", template="testland"))
        assert headings(text) == ["一、收支情况", "二、绩效情况", "三、问题和建议"]
        assert "（一）支出" in text and "没有内容的一节" not in text
        assert "2023年部门整体支出绩效自评得分97.07分" in text and "附件1" in text
        out = tmp_path / "house.docx"
        assert runner.invoke(app, ["templates", "export", "testland", "-o", str(out)]).exit_code == 0
        assert docx_text(render(loaded, tmp_path / "house-r.docx", template=out)) == text
        assert "testland" in runner.invoke(app, ["templates", "list"]).output
    finally:
        outlines._REGISTRY.pop("testland", None)


# ----------------------------------------------------------------------------------------------------------------
# jixiao templates list | show | export
# ----------------------------------------------------------------------------------------------------------------


def test_templates_list_and_show():
    listed = runner.invoke(app, ["templates", "list"])
    assert listed.exit_code == 0 and all(n in listed.output for n in outlines.NAMES)
    shown = runner.invoke(app, ["templates", "show", "hunan"])
    assert shown.exit_code == 0
    assert "problems" in shown.output and "存在的问题及原因分析" in shown.output and "score" in shown.output
    assert "无需要说明的问题" in shown.output  # a fixed chapter's sentence
    bad = runner.invoke(app, ["templates", "show", "hunna"])
    assert bad.exit_code == 2 and "未知的内置模板“hunna”" in bad.output


def test_templates_export_writes_a_house_template(tmp_path):
    out = tmp_path / "house.docx"
    result = runner.invoke(app, ["templates", "export", "sichuan", "-o", str(out)])
    assert result.exit_code == 0 and out.is_file()
    loaded = load(EXAMPLES[3])
    assert docx_text(render(loaded, tmp_path / "a.docx", template=out)) == \
        docx_text(render(loaded, tmp_path / "b.docx", template="sichuan"))


def test_two_numbered_texts_under_one_chapter_get_sub_headings(tmp_path):
    """Hunan 六: one text (ziyang, as seed 002) runs on under the chapter; 成效 and 经验 both written (demo, each a
    list from 1.) get （一）（二）, and the score then its own （三） instead of reading as part of （二）."""
    ziyang = docx_text(render(load(EXAMPLES[4]), tmp_path / "z.docx", template="hunan")).splitlines()
    six = ziyang[ziyang.index("六、部门整体支出绩效情况") + 1]
    assert six.startswith("2022年，我局认真贯彻落实") and "（一）主要成效" not in ziyang
    demo = docx_text(render(load(EXAMPLES[1]), tmp_path / "d.docx", template="hunan")).splitlines()
    at = demo.index("六、部门整体支出绩效情况")
    subs = [line for line in demo[at:demo.index("七、存在的问题及原因分析")] if re.match(r"^（[一二三]）", line)]
    assert subs == ["（一）主要成效", "（二）主要经验及做法", "（三）自评结论"]


def test_the_names_docs_list_are_the_outlines_names():
    """docs/templates.md's table of stable names names only what the outlines have."""
    from pathlib import Path

    docs = (Path(__file__).parents[2] / "docs" / "templates.md").read_text(encoding="utf-8")
    table = docs[docs.index("| 名称 | 种类 | 内容 |"):docs.index("## 提纲即数据")]
    rows = [row for row in table.splitlines()[2:] if row.startswith("|")]
    listed = {n for row in rows for n in re.findall(r"`([\w.]+)`", row.split("|")[1])}
    known = outlines.names_everywhere()
    assert len(listed) > 40 and sorted(listed - set(known)) == []


def test_a_preface_written_empty_prints_none(tmp_path):
    """No preface written: the standard one; ``preface: ""``: none (issue 8: one could not remove it)."""
    source = EXAMPLES[1].read_text(encoding="utf-8")
    own = "根据《青溪县财政局关于开展2023年度部门整体支出绩效自评工作的通知》要求"
    assert own in docx_text(render(load(EXAMPLES[1]), tmp_path / "own.docx"))
    lines = source.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith("  preface:"))
    empty = loads("\n".join(lines[:at] + ['  preface: ""'] + lines[at + 1:]), "empty.yaml")
    unwritten = loads("\n".join(lines[:at] + lines[at + 1:]), "unwritten.yaml")
    label, title, after = docx_text(render(empty, tmp_path / "e.docx")).splitlines()[:3]
    assert label == "附件2" and title.endswith("自评报告") and after == "一、部门基本情况"
    assert docx_text(render(unwritten, tmp_path / "u.docx")).splitlines()[2].endswith("现将有关情况报告如下：")


def test_a_list_of_one_is_not_numbered(tmp_path):
    """One principle (issue 8: it got "1.") prints as a paragraph; three are numbered 1. 2. 3."""
    source = EXAMPLES[1].read_text(encoding="utf-8")
    one = source.replace("    - 公正公开原则。符合真实、客观、公正的要求，依法公开并接受监督。\n", "").replace(
        "    - 绩效相关原则。针对具体支出及其产出绩效进行，评价结果清晰反映支出和产出绩效之间的对应关系。\n", "")
    assert one.count("原则。") == source.count("原则。") - 2
    lines = docx_text(render(loads(one, "one.yaml"), tmp_path / "one.docx", template="chongqing")).splitlines()
    assert "科学规范原则。严格执行规定的程序，采用定量与定性分析相结合的方法。" in lines
    three = docx_text(render(load(EXAMPLES[1]), tmp_path / "three.docx", template="chongqing")).splitlines()
    assert "1.科学规范原则。严格执行规定的程序，采用定量与定性分析相结合的方法。" in three
