"""Regression tests for inputs that crashed the toolkit (found by tests/test_fuzz.py and by hand).

Each test holds the minimal input that crashed and asserts the clean outcome: an InputError with a Chinese message
at file:line:col with the data path, or a normal result.
"""
from __future__ import annotations

import pytest

from toolkit import InputError, loads


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
