"""Regression tests for inputs that crashed the toolkit (found by tests/test_fuzz.py and by hand).

Each test holds the minimal input that crashed and asserts the clean outcome: an InputError with a Chinese message
at file:line:col with the data path, or a normal result.
"""
from __future__ import annotations

import pytest

from toolkit import InputError, load, loads

from .conftest import EXAMPLES

DOCX_SOURCE = EXAMPLES.parent / "toolkit" / "_templates" / "hunan.docx"  # any well-formed Word file


def only_problem(text: str):
    with pytest.raises(InputError) as info:
        loads(text, "x.yaml")
    assert len(info.value.problems) == 1
    return info.value.problems[0]


def test_escaped_control_character_in_text_is_refused_at_its_position():
    # crashed the renderer: python-docx could not open the report (PCDATA invalid Char value 8)
    p = only_problem('year: 2021\nunit: {name: 局}\nlabel: "\\b"\n')
    assert (p.line, p.column, p.path) == (3, 8, "label")
    assert "U+0008" in p.message and "控制字符" in p.message


def test_control_character_in_a_markdown_list_item_is_refused():
    p = only_problem('year: 2021\nunit:\n  name: 局\n  duties: ["一", "二\\x0b三"]\n')
    assert (p.line, p.path) == (4, "unit.duties[1]")
    assert "第 2 个字符" in p.message and "U+000B" in p.message


def test_raw_control_character_is_a_chinese_error_with_line_and_column():
    # was an English ruamel message with a character offset ("position 26") and no line
    p = only_problem("year: 2021\r\nunit:\r\n  name: 局\x08\r\n")
    assert (p.file, p.line, p.column) == ("x.yaml", 3, 10)
    assert "U+0008" in p.message and "position" not in p.message


YAML_TEXT = "year: 2021\nunit:\n  name: 冷水滩区科技和工业信息化局\n  duties:\n    - 贯彻执行国家有关方针政策\n"


def load_problem(tmp_path, data: bytes):
    path = tmp_path / "数据.yaml"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        load(path)
    [p] = info.value.problems
    return p


def test_utf8_bom_followed_by_gbk_is_read_as_gbk_with_a_warning(tmp_path):
    # was a UnicodeDecodeError traceback: the BOM promised UTF-8, the editor wrote GBK
    path = tmp_path / "数据.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + YAML_TEXT.encode("gbk"))
    loaded = load(path)
    assert loaded.report.unit.duties == ["贯彻执行国家有关方针政策"]
    assert [w.code for w in loaded.warnings] == ["ENC001"]


def test_utf8_file_with_a_pasted_gbk_part_is_refused_where_the_gbk_starts(tmp_path):
    head, tail = YAML_TEXT.split("  duties:\n")
    p = load_problem(tmp_path, b"\xef\xbb\xbf" + head.encode() + "  duties:\n".encode() + tail.encode("gbk"))
    assert (p.line, p.column) == (5, 7)
    assert "混入了 GBK" in p.message


def test_broken_utf16_is_refused(tmp_path):
    # was a UnicodeDecodeError traceback (odd number of bytes after a UTF-16 BOM)
    p = load_problem(tmp_path, b"\xff\xfea\x00b")
    assert (p.line, p.column) == (1, 1) and "UTF-16" in p.message


def test_excel_file_and_binary_file_are_named_for_what_they_are(tmp_path):
    import openpyxl

    xlsx = tmp_path / "数据.xlsx"
    openpyxl.Workbook().save(xlsx)
    with pytest.raises(InputError, match="Excel/Word"):
        load(xlsx)
    assert "二进制文件" in load_problem(tmp_path, bytes(range(256))).message


# ----------------------------------------------------------------------------------------------------------------
# The CLI on broken input and unwritable output: exit 2, one Chinese message, no traceback
# ----------------------------------------------------------------------------------------------------------------

def cli(*args):
    from typer.testing import CliRunner

    from toolkit.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


def demo_copy(tmp_path):
    from .conftest import EXAMPLES

    folder = tmp_path / "数据 目录"
    folder.mkdir()
    data = folder / "青溪 2023.yaml"
    data.write_bytes((EXAMPLES / "demo-2023.yaml").read_bytes())
    return data


def test_render_into_a_path_whose_parent_is_a_file_exits_2(tmp_path):
    # was a NotADirectoryError traceback from tempfile.mkstemp
    data = demo_copy(tmp_path)
    (tmp_path / "afile").write_text("x")
    result = cli("render", data, "-o", tmp_path / "afile" / "报告.docx")
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "afile 是一个文件，不是目录" in result.output and "Traceback" not in result.output


def test_render_into_a_read_only_directory_exits_2(tmp_path, monkeypatch):
    # root ignores directory permissions, so the refusal is simulated where the file is created
    import tempfile

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    data = demo_copy(tmp_path)
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = cli("render", data, "-o", tmp_path / "报告.docx")
    assert result.exit_code == 2, result.output
    assert "没有写入权限" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "报告.docx").exists()


def test_check_on_bom_plus_gbk_and_on_excel_exit_with_clean_messages(tmp_path):
    data = demo_copy(tmp_path)
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes(b"\xef\xbb\xbf" + data.read_text("utf-8").encode("gbk", errors="replace"))
    result = cli("check", gbk)
    assert result.exit_code == 0, result.output
    assert "ENC001" in result.output
    import openpyxl

    openpyxl.Workbook().save(tmp_path / "数据.xlsx")
    result = cli("check", tmp_path / "数据.xlsx")
    assert result.exit_code == 2
    assert result.output.strip() == f"{tmp_path / '数据.xlsx'}: 这是 Excel/Word 等格式的文件（.xlsx、.docx、.doc），不是文本文件；请给出 YAML 数据文件（.yaml）"


def test_crlf_file_reports_the_right_line_and_column(tmp_path):
    data = demo_copy(tmp_path)
    text = data.read_text("utf-8").replace("    amount: 5260.00", "    amount: 约5260", 1)
    line = text[: text.index("约5260")].count("\n") + 1
    data.write_bytes(text.replace("\n", "\r\n").encode())
    result = cli("check", data)
    assert result.exit_code == 2
    assert result.output.strip() == f"{data}:{line}:13: 应为数字，收到 '约5260' [budget.income.amount]"


# ----------------------------------------------------------------------------------------------------------------
# Numbers beyond the Decimal context precision (28 digits)
# ----------------------------------------------------------------------------------------------------------------

def test_rounding_never_overflows_the_decimal_precision():
    # quantize raised decimal.InvalidOperation for results of more than 28 digits
    from decimal import Decimal

    from toolkit.numbers import fmt_money, fmt_number, fmt_percent, ratio_percent

    assert fmt_money(Decimal("1E+30")) == "1000000000000000000000000000000.00"
    assert fmt_number(Decimal("1E+30")) == "1" + "0" * 30
    assert fmt_percent(ratio_percent(Decimal(5), Decimal("1E-30"))) == "5" + "0" * 32 + ".00%"


def test_a_tiny_denominator_is_checked_not_crashed():
    # expenditure 1e-30 made every share a 40-digit percentage: check crashed in checks/common.py money()/percent()
    from toolkit import check

    from .conftest import EXAMPLES

    text = (EXAMPLES / "demo-2023.yaml").read_text("utf-8").replace("    amount: 5200.00", "    amount: 1e-30", 1)
    result = check(loads(text, "demo.yaml"))
    assert "SUM002" in [f.code for f in result.findings]
    result.text()


@pytest.mark.parametrize("written", ["1e30", "-1e15", "100000000000000000000", "1e999999"])
def test_absurd_amount_is_refused_at_its_position(written):
    # 1e999999 made every later rounding build a million-digit number; 1e30 overflowed the 28-digit context
    p = only_problem(f"year: 2022\nunit: {{name: 局}}\nbudget:\n  income: {{amount: {written}}}\n")
    assert (p.line, p.column, p.path) == (4, 20, "budget.income.amount")
    assert "数值过大" in p.message


def test_largest_plausible_amount_and_count_are_accepted():
    loaded = loads("year: 2022\nunit:\n  name: 局\n  staffing: {retired: 999999}\n"
                   "budget: {income: {amount: 999999999999999.99}}\n", "x.yaml")
    assert str(loaded.report.budget.income.amount) == "999999999999999.99"


@pytest.mark.parametrize("year", ["0", "-1", "23", "9999", "100000000000000000000"])
def test_implausible_year_is_refused(year):
    p = only_problem(f"year: {year}\nunit: {{name: 局}}\n")
    assert (p.line, p.column, p.path) == (1, 7, "year")
    assert "四位数年份" in p.message or "数值过大" in p.message


@pytest.mark.parametrize("text, path, col", [
    ('year: 2023\nunit: {name: "  "}\n', "unit.name", 14),
    ('year: 2023\nunit: {name: 局}\nbudget: {income: {items: [{label: "", amount: 1}]}}\n',
     "budget.income.items[0].label", 35),
])
def test_blank_name_or_label_is_refused(text, path, col):
    # a blank unit name rendered a report with an empty title and signature, and check said nothing
    p = only_problem(text)
    assert (p.line, p.column, p.path, p.message) == (text.count("\n") if "budget" in text else 2, col, path, "不能为空")


def test_lint_on_a_binary_txt_names_what_a_report_should_be(tmp_path):
    # the shared decoder told a lint user to give "a .yaml data file"
    path = tmp_path / "报告.txt"
    path.write_bytes(bytes(range(256)))
    result = cli("lint", path)
    assert result.exit_code == 2
    assert result.output.strip() == (f"{path}: 这是二进制文件，不是文本文件；请给出以文本格式保存的报告（.txt、.md），"
                                     "或 Word 报告（.docx）")


def test_unknown_outline_is_reported_at_its_line():
    with pytest.raises(InputError) as info:
        loads("year: 2022\nunit: {name: 局}\noutline: 北京\n", "x.yaml")
    assert str(info.value) == ("x.yaml:3:10: 未知的内置格式“北京”，应为 hunan、chongqing、sichuan"
                               "（自己的 .docx 模板请用 render --template） [outline]")
    assert loads("year: 2022\nunit: {name: 局}\noutline: Sichuan\n").report.outline == "sichuan"


def test_library_render_into_a_path_under_a_file_raises_output_error(tmp_path):
    from toolkit import load, render
    from toolkit.errors import OutputError

    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputError, match="afile 是一个文件，不是目录"):
        render(load(EXAMPLES / "demo-2023.yaml"), tmp_path / "afile" / "sub" / "报告.docx")


def test_tiny_weight_next_to_its_score_renders(tmp_path):
    # was decimal.InvalidOperation in the Chongqing sentence "该指标得X%权重分" (score × 100 / weight overflowed)
    from toolkit import loads
    from toolkit.word import Renderer

    text = ("year: 2021\nunit: {name: 局}\nindicators:\n  groups:\n  - name: 产出\n    children:\n"
            "    - name: 数量\n      indicators:\n      - {name: a, weight: 0.0000000001, score: 999999999999}\n")
    report = loads(text).report
    for outline in ("hunan", "chongqing", "sichuan"):
        assert Renderer(outline).render_bytes(report)[:2] == b"PK"


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty.txt: 文件是空的，没有可检查的报告文字（是否选错了文件？）"),
    ("blank.md", b"  \n\n", "blank.md: 文件是空的，没有可检查的报告文字（是否选错了文件？）"),
    ("yaml-as.docx", b"year: 2022\n", "yaml-as.docx: 无法打开 .docx：文件已损坏或不是 Word 文档。请在 Word/WPS 中打开后另存为 .docx"),
])
def test_lint_refuses_empty_and_fake_reports(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    result = cli("lint", tmp_path / name)
    assert result.exit_code == 2
    assert result.stderr.strip().replace(str(tmp_path) + "/", "") == message


def test_lint_names_what_a_broken_docx_lacks(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "notword.docx", "w") as z:
        z.writestr("a.txt", "hi")
    result = cli("lint", tmp_path / "notword.docx")
    assert result.exit_code == 2 and "缺少正文 word/document.xml" in result.stderr
    with zipfile.ZipFile(tmp_path / "brokenxml.docx", "w") as z, zipfile.ZipFile(DOCX_SOURCE) as src:
        for info in src.infolist():
            data = src.read(info.filename)
            z.writestr(info, b"<w:document><w:body><w:p>" if info.filename == "word/document.xml" else data)
    result = cli("lint", tmp_path / "brokenxml.docx")
    assert result.exit_code == 2
    assert "word/document.xml 不是有效的 XML（第 1 行第 12 列）" in result.stderr


def test_derived_execution_score_rounds_half_up_as_published():
    # review finding: 10 × 99.85 / 100.00 = 9.985 was rounded half-even to 9.98
    from toolkit.derive import execution_score

    report = loads("year: 2022\nunit: {name: 局}\nbudget:\n  expenditure: {amount: 99.85, full_budget: 100.00}\n"
                   "indicators:\n  execution: {weight: 10}\n").report
    assert str(execution_score(report)) == "9.99"
