"""`jixiao render` through Typer's CliRunner: exact messages and exit codes.

Data with check errors: exit 1 and nothing written unless --force; warnings are printed and the report written.
A broken template (unclosed {% if %}, unknown variable, a .doc renamed .docx, an empty file, a zip without
word/document.xml): a Chinese message naming the problem, exit 2, no traceback, no output — an existing output
file is left untouched.
"""
from __future__ import annotations

import zipfile

import pytest
from docx import Document
from typer.testing import CliRunner

from toolkit.cli import app

from .conftest import FIXTURES
from .docx_text import docx_text

CLI = FIXTURES / "cli"
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _template(path, *paragraphs: str):
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(path)
    return path


# -- data checks before rendering ------------------------------------------------------------------------------


def test_clean_data_renders_silently(tmp_path):
    out = tmp_path / "report.docx"
    r = run("render", CLI / "clean.yaml", "-o", out)
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
    assert r.stdout == f"已生成：{out}\n"
    assert "示例县档案馆2023年度部门整体支出绩效自评报告" in docx_text(out).replace("\n", "")


def test_warnings_are_printed_and_the_report_is_written(tmp_path):
    out = tmp_path / "report.docx"
    r = run("render", CLI / "warning.yaml", "-o", out)
    assert r.exit_code == 0, r.output
    data = CLI / "warning.yaml"
    assert r.stderr == (f"{data}:7:21: SUM001（警告） 人员经费与公用经费之和 70.01 ≠ 基本支出 70.00（差 0.01，可能为四舍五入误差）"
                        f" [budget.expenditure.basic.amount]\n{data}：共 0 个错误，1 个警告。\n")
    assert r.stdout == f"已生成：{out}\n"
    assert out.stat().st_size > 0


def test_errors_stop_the_render_and_write_nothing(tmp_path):
    out = tmp_path / "report.docx"
    r = run("render", CLI / "error.yaml", "-o", out)
    assert r.exit_code == 1
    data = CLI / "error.yaml"
    assert r.stderr == (f"{data}:7:21: SUM001 人员经费与公用经费之和 75.00 ≠ 基本支出 70.00（差 5.00）"
                        f" [budget.expenditure.basic.amount]\n{data}：共 1 个错误，0 个警告。\n"
                        "发现错误，未生成报告。请修正数据，或用 --force 强制生成。\n")
    assert r.stdout == ""
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_force_renders_despite_errors(tmp_path):
    out = tmp_path / "report.docx"
    r = run("render", CLI / "error.yaml", "-o", out, "--force")
    assert r.exit_code == 0, r.output
    assert "共 1 个错误" in r.stderr
    assert r.stdout == f"已生成：{out}\n"
    assert "基本支出中，人员经费支出50万元，公用经费25万元。" in docx_text(out)


# -- a user's own template ---------------------------------------------------------------------------------------


def test_documented_minimal_template_renders(tmp_path):
    """The example of docs/templates.md, typed into Word as a newcomer would, closes up its numbering."""
    tpl = _template(tmp_path / "我的模板.docx", "{{ title }}", "{{ num(1) }}部门基本情况",
                    "{{p numbered(unit.duties, 3) }}", "{{ num(1) }}预算支出情况", "{{p para(text.income) }}",
                    "{{p para(text.expenditure) }}", "{%p if narrative.problems %}", "{{ num(1) }}存在的问题",
                    "{{p md(narrative.problems) }}", "{%p endif %}", "{{ num(1) }}自评结果", "{{ text.score }}")
    out = tmp_path / "报告.docx"
    r = run("render", CLI / "clean.yaml", "-t", tpl, "-o", out)
    assert r.exit_code == 0, r.output
    assert docx_text(out) == ("示例县档案馆2023年度部门整体支出绩效自评报告\n一、部门基本情况\n二、预算支出情况\n"
                              "2023年一般公共预算支出100万元，其中基本支出70万元，占70.00%，项目支出30万元，"
                              "占30.00%。\n三、自评结果\n")


def _broken_templates(tmp_path):
    doc = tmp_path / "old.docx"  # a Word 97-2003 file renamed .docx: OLE2 signature
    doc.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    nodoc = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(nodoc, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return {
        "unclosed_if": (_template(tmp_path / "unclosed.docx", "{{ title }}", "{%p if narrative.problems %}",
                                  "问题"),
                        "模板正文中的标签有误：{% if %} 没有结束，缺少 {%p endif %}"
                        "（位置附近的文字：{{ title }}{% if narrative.problems %}问题）"),
        "unknown_attribute": (_template(tmp_path / "attr.docx", "{{ title }}", "单位：{{ unit.nmae }}"),
                              "模板使用了未定义的变量“unit.nmae”（可用变量见 docs/templates.md）"),
        "unknown_variable": (_template(tmp_path / "var.docx", "{{ totl_score }}"),
                             "模板使用了未定义的变量“totl_score”（可用变量见 docs/templates.md）"),
        "doc_renamed": (doc, "这是旧版 Word 97-2003 文档（.doc），请在 Word/WPS 中另存为 .docx 后再作模板"),
        "empty_file": (empty, "模板文件是空的（0 字节），请给出用 Word/WPS 保存的 .docx 文件"),
        "no_document_xml": (nodoc, "不是 Word 文档（缺少 word/document.xml），请用 Word/WPS 另存为 .docx"),
        "stray_endif": (_template(tmp_path / "endif.docx", "{{ title }}", "{%p endif %}"),
                        "模板正文中的标签有误：未知或多余的标签 {% endif %}（位置附近的文字：{{ title }}{% endif %}）"),
        "chinese_comma": (_template(tmp_path / "comma.docx", "{{ title，year }}"),
                          "模板正文中的标签有误：标签中有不能识别的字符“，”（是否用了中文标点？）"
                          "（位置附近的文字：{{ title，year }}）"),
    }


CASES = ["unclosed_if", "unknown_attribute", "unknown_variable", "doc_renamed", "empty_file", "no_document_xml",
         "stray_endif", "chinese_comma"]


@pytest.mark.parametrize("case", CASES)
def test_broken_template_exits_2_with_a_chinese_message_and_writes_nothing(case, tmp_path):
    tpl, message = _broken_templates(tmp_path)[case]
    out = tmp_path / "out" / "report.docx"
    out.parent.mkdir()
    r = run("render", CLI / "clean.yaml", "-t", tpl, "-o", out)
    assert r.exit_code == 2
    assert r.stderr == f"{tpl}: {message}\n"
    assert r.stdout == ""
    assert "Traceback" not in r.output
    assert isinstance(r.exception, SystemExit)  # a clean exit, not an uncaught error
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("case", ["unknown_attribute", "doc_renamed"])
def test_broken_template_leaves_an_existing_report_untouched(case, tmp_path):
    tpl, _message = _broken_templates(tmp_path)[case]
    out = tmp_path / "out" / "report.docx"
    out.parent.mkdir()
    out.write_bytes(b"last year's report")
    r = run("render", CLI / "clean.yaml", "-t", tpl, "-o", out)
    assert r.exit_code == 2
    assert out.read_bytes() == b"last year's report"
    assert [p.name for p in out.parent.iterdir()] == ["report.docx"]


def test_unknown_builtin_name(tmp_path):
    r = run("render", CLI / "clean.yaml", "-t", "shanghai", "-o", tmp_path / "o.docx")
    assert r.exit_code == 2
    assert r.stderr == "未知的内置模板“shanghai”。可用的内置模板：hunan、chongqing、sichuan；或给出自己的 .docx 模板路径。\n"
