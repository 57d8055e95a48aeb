"""Autoescape, StrictUndefined, broken or foreign templates, atomic output."""
from __future__ import annotations

import zipfile

import pytest
from docx import Document

from toolkit.errors import TemplateError
from toolkit.word import Renderer, render
from toolkit.templates import builtin_path


def _user_template(tmp_path, *paragraphs: str):
    """A user's .docx: the built-in Hunan template's styles with the given paragraphs as its body."""
    doc = Document(str(builtin_path("hunan")))
    body = doc.element.body
    for el in list(body):
        if not el.tag.endswith("sectPr"):
            body.remove(el)
    for text in paragraphs:
        doc.add_paragraph(text)
    path = tmp_path / "mine.docx"
    doc.save(path)
    return path


def test_special_characters_are_text(escape_report, tmp_path):
    out = render(escape_report, tmp_path / "e.docx")
    doc = Document(str(out))  # opens: the XML is well-formed
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "测试&<单位>2023年度\n部门整体支出绩效自评报告" in text  # the long title breaks after 年度
    assert "<b>不是标签</b>" in text
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "项目<A>&B" in "".join(cells) and "原因 & 措施" in cells


def test_unknown_variable_names_it(escape_report, tmp_path):
    tpl = _user_template(tmp_path, "{{ title }}", "单位：{{ unit.nmae }}")
    with pytest.raises(TemplateError) as info:
        Renderer(tpl).render(escape_report, tmp_path / "out.docx")
    assert "nmae" in str(info.value)
    assert not (tmp_path / "out.docx").exists()


def test_broken_jinja_is_a_clear_error(tmp_path):
    tpl = _user_template(tmp_path, "{{ title }", "{% if year %}没有结束")
    with pytest.raises(TemplateError) as info:
        Renderer(tpl)
    assert "标签有误" in str(info.value) and "没有结束" in str(info.value)


def test_not_a_docx(tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_text("这不是 Word 文档", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        Renderer(fake)
    assert "不是有效的 .docx" in str(info.value)
    zipped = tmp_path / "other.docx"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("hello.txt", "x")
    with pytest.raises(TemplateError) as info:
        Renderer(zipped)
    assert "word/document.xml" in str(info.value)


def test_unknown_builtin_and_missing_file(tmp_path):
    with pytest.raises(TemplateError) as info:
        Renderer("shanghai")
    assert "hunan" in str(info.value)
    with pytest.raises(TemplateError) as info:
        Renderer(tmp_path / "nowhere.docx")
    assert "找不到模板文件" in str(info.value)


def test_sandbox_refuses_python_internals(escape_report, tmp_path):
    tpl = _user_template(tmp_path, "{{ md.__globals__ }}")
    with pytest.raises(TemplateError):
        Renderer(tpl).render(escape_report, tmp_path / "out.docx")


def test_paragraph_content_inline_is_refused_not_written_corrupt(escape_report, tmp_path):
    tpl = _user_template(tmp_path, "正文：{{ md(narrative.performance) }}")
    with pytest.raises(TemplateError) as info:
        Renderer(tpl).render(escape_report, tmp_path / "out.docx")
    assert "{{p" in str(info.value)
    assert not (tmp_path / "out.docx").exists()


def test_user_template_gets_report_styles_and_numbers(escape_report, tmp_path):
    doc = Document()
    doc.add_paragraph("{{ title }}")
    doc.add_paragraph("{{ num(1) }}概况")
    doc.add_paragraph("{{p md(narrative.performance) }}")
    doc.add_paragraph("{{ num(1) }}得分")
    doc.add_paragraph("{{ text.score }}")
    path = tmp_path / "plain.docx"
    doc.save(path)
    out = Renderer(path).render(escape_report, tmp_path / "out.docx")
    result = Document(str(out))
    texts = [p.text for p in result.paragraphs]
    assert texts[:3] == ["测试&<单位>2023年度部门整体支出绩效自评报告", "一、概况", "成效 加粗 & <b>不是标签</b>"]
    assert texts[3] == "二、得分"
    body_para = result.paragraphs[2]
    assert body_para.style.style_id == "JxBody"  # copied into the user's styles
    assert any(r.bold for r in body_para.runs)


def test_failed_render_keeps_existing_output(escape_report, tmp_path):
    out = tmp_path / "report.docx"
    out.write_bytes(b"old report")
    tpl = _user_template(tmp_path, "{{ no_such_variable }}")
    with pytest.raises(TemplateError):
        render(escape_report, out, template=tpl)
    assert out.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_renderer_is_reusable(hunan, escape_report, tmp_path):
    a = hunan.render(escape_report, tmp_path / "a.docx")
    b = hunan.render(escape_report, tmp_path / "b.docx")
    assert [p.text for p in Document(str(a)).paragraphs] == [p.text for p in Document(str(b)).paragraphs]


def test_ordinary_template_code_is_not_refused_by_the_limits(escape_report, tmp_path):
    tpl = _user_template(
        tmp_path,
        "{% macro line(n, text) %}{{ n }}-{{ text }}{% endmacro %}"
        "{% for i in range(3) %}{{ line(i, '项' ~ i) }};{% endfor %}"
        "{{ '{:>6}'.format(year) }}|{{ '%05.1f'|format(12.5) }}|{{ 'ab' * 3 }}|{{ 2 ** 64 }}|{{ [1, 2] + [3] }}"
        "|{{ unit.name|center(20)|length }}|{{ ('a,b')|replace(',', '、') }}|{{ range(5)|join('') }}|{{ num(1) }}")
    out = Renderer(tpl).render(escape_report, tmp_path / "out.docx")
    text = Document(str(out)).paragraphs[0].text
    assert text == "0-项0;1-项1;2-项2;  2023|012.5|ababab|18446744073709551616|[1, 2, 3]|20|a、b|01234|一、"


def test_limits_give_a_template_error_naming_the_limit(escape_report, tmp_path):
    tpl = _user_template(tmp_path, "{{ 'a' * 10**9 }}")
    with pytest.raises(TemplateError) as info:
        Renderer(tpl).render(escape_report, tmp_path / "out.docx")
    assert "文本过长" in str(info.value) and "docs/limits.md" in str(info.value)
    assert not (tmp_path / "out.docx").exists()
