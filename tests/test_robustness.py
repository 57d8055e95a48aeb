"""Regression tests for inputs that crashed the toolkit (found by tests/test_fuzz.py and by hand).

Each test holds the minimal input that crashed and asserts the clean outcome: an InputError with a Chinese message
at file:line:col with the data path, or a normal result.
"""
from __future__ import annotations

import pytest

from toolkit import InputError, load, loads


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
