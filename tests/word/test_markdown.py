"""Narrative Markdown becomes native paragraphs and runs."""
from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from toolkit.word.context import Numbering, chinese_number
from toolkit.word.markdown import MarkdownConverter


def blocks(text):
    return [(prefix, [(s.text, s.bold, s.italic) for s in spans])
            for prefix, spans in MarkdownConverter().spans_blocks(text)]


def test_lines_are_paragraphs_and_inline_formatting_is_runs():
    assert blocks("　　第一段**重点**和*强调*。\n第二段") == [
        ("", [("第一段", False, False), ("重点", True, False), ("和", False, False), ("强调", False, True),
              ("。", False, False)]),
        ("", [("第二段", False, False)]),
    ]


def test_lists_keep_user_numbers_in_chinese_style():
    got = blocks("3. 三\n4. 四\n  1. 子\n- 要点\n1、中文编号照原样")
    assert got == [("3.", [("三", False, False)]), ("4.", [("四", False, False)]), ("（1）", [("子", False, False)]),
                   ("", [("要点", False, False)]), ("", [("1、中文编号照原样", False, False)])]


def test_headings_and_html_are_text():
    assert blocks("# 标题\nA & <b>B</b>") == [("", [("标题", True, False)]), ("", [("A & <b>B</b>", False, False)])]


def test_heading_numbers_close_up():
    num = Numbering()
    assert [num(1), num(2), num(2), num(3), num(1), num(2), num(4)] == ["一、", "（一）", "（二）", "1.", "二、", "（一）", "（1）"]
    assert [chinese_number(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]


def test_only_stars_hashes_and_list_markers_are_syntax():
    # a duty "{{ 7*7 }}" printed as "{{ 77 }}" and "__class__" as a bold "class": now what is typed is printed
    assert blocks("模板 {{ 7*7 }} 与 __class__，算式 2*3*4 和 *斜体*") == [
        ("", [("模板 {{ 7*7 }} 与 __class__，算式 2*3*4 和 ", False, False), ("斜体", False, True)])]
    assert blocks("[链接](http://x) `代码` a\\*b !图 #1号楼") == [
        ("", [("[链接](http://x) `代码` a\\*b !图 #1号楼", False, False)])]
    assert blocks("x * y，****") == [("", [("x * y，****", False, False)])]
    assert blocks("# 标题\n**Note** 与 file_name_v2") == [
        ("", [("标题", True, False)]), ("", [("Note", True, False), (" 与 file_name_v2", False, False)])]


def test_list_items_follow_the_same_rules():
    assert blocks("1. __init__ 与 7*7\n* 星号项") == [("1.", [("__init__ 与 7*7", False, False)]),
                                                   ("", [("星号项", False, False)])]


def test_thousands_of_brackets_and_stars_are_text():
    # 10,000 "[" took 29 s in Python-Markdown's link parsing; they never reach it now (time: tests/hostile)
    text = "[" * 20_000 + " **重点** " + "*" * 20_000 + "_" * 20_000
    [(prefix, spans)] = blocks(text)
    assert spans == [("[" * 20_000 + " ", False, False), ("重点", True, False),
                     (" " + "*" * 20_000 + "_" * 20_000, False, False)]


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def test_plain_text_fast_path_gives_what_python_markdown_gives_on_every_example_and_fixture():
    """A text without Markdown syntax skips Python-Markdown: on every string of every YAML file of examples/ and
    tests/fixtures/ the fast path gives the same paragraphs and runs as the conversion."""
    from toolkit.word.markdown import _MARKDOWN_SYNTAX

    conv = MarkdownConverter()
    plain = 0
    for name, text in _yaml_strings():
        if not text.strip() or _MARKDOWN_SYNTAX.search(text):
            continue
        plain += 1
        for depth in (0, 1):
            assert conv.spans_blocks(text, depth) == conv.converted(text, depth), (name, text[:40])
    assert plain > 1000  # the fast path was taken, on real texts


def _yaml_strings():
    from pathlib import Path

    from ruamel.yaml import YAML

    root = Path(__file__).resolve().parents[2]
    files = sorted([*(root / "examples").glob("*.yaml"), *(root / "tests" / "fixtures").rglob("*.yaml")])
    yaml = YAML(typ="safe")
    for f in files:
        try:
            data = yaml.load(f.read_text(encoding="utf-8"))
        except Exception:  # the fixtures of bad input
            continue
        for text in _strings(data):
            yield f.name, text


def test_simple_markdown_path_gives_what_python_markdown_gives_on_every_example_and_fixture():
    """Lines, top-level "1. " / "- " lists and **bold** skip Python-Markdown: on every string with Markdown syntax
    of every YAML file of examples/ and tests/fixtures/, the simple path gives the conversion's paragraphs and
    runs, or declines (None)."""
    from toolkit.word.markdown import _MARKDOWN_SYNTAX, simple_blocks

    conv = MarkdownConverter()
    taken = 0
    for name, text in _yaml_strings():
        if not text.strip() or not _MARKDOWN_SYNTAX.search(text):
            continue
        for depth in (0, 1):
            simple = simple_blocks(text, depth)
            if simple is None:
                continue
            taken += 1
            assert simple == conv.converted(text, depth), (name, text[:60])
            assert conv.spans_blocks(text, depth) == simple
    assert taken > 40  # the path is taken on real texts (every one of them today)


_WORD = st.sampled_from(["保障", "运转", "2023年", "1.2万亩", "a", "x7", "“三公”", "。", "，", "：", " ", "　", "  ",
                         "&", "<b>", "#", "_", "[", "`", "!", "-", "+", "1)", "(1)", "（一）", "\u00a0"])
_INLINE = st.lists(st.one_of(_WORD, _WORD, st.sampled_from(["**", "*", "***", "****", " ** ", "7*7"])), max_size=8)
_LINE = st.builds(lambda lead, marker, words: lead + marker + "".join(words),
                  st.sampled_from(["", "", "", " ", "　", "    "]),
                  st.sampled_from(["", "", "1. ", "2. ", "10. ", "1.  ", "1.", "1) ", "- ", "+ ", "* ", "-\u3000",
                                   "# ", "---", "===", "> "]),
                  _INLINE)


#: lines mostly inside the simple path's Markdown: plain or "1. " / "- " lines, words and **bold** words
_BOLD = st.builds(lambda words: "**" + "".join(words) + "**", st.lists(_WORD, min_size=1, max_size=3))
_SIMPLE_LINE = st.builds(lambda lead, marker, words: lead + marker + "".join(words),
                         st.sampled_from(["", "", " ", "　"]),
                         st.sampled_from(["", "1. ", "3. ", "- ", "+ ", "1.  "]),
                         st.lists(st.one_of(_WORD, _WORD, _BOLD), min_size=1, max_size=6))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(_LINE, _SIMPLE_LINE, _SIMPLE_LINE, _SIMPLE_LINE), min_size=1, max_size=6),
       st.sampled_from([0, 1]))
@example(["- --"], 0)  # a thematic break after a list marker (found by this test)
@example(["1. x", "* * *"], 1)
def test_simple_markdown_path_gives_what_python_markdown_gives_on_generated_texts(lines, depth):
    from toolkit.word.markdown import simple_blocks

    text = "\n".join(lines)
    simple = simple_blocks(text, depth)
    if simple is not None:
        assert simple == MarkdownConverter().converted(text, depth)


def test_kept_xml_is_the_xml_worked_out(monkeypatch):
    """``to_xml`` keeps the XML of the texts met before: on every string of the examples and fixtures, in each
    style and depth the outlines use, the kept XML (second call, and after other texts) is the XML worked out
    without the store; a store that fills up is emptied and gives the same."""
    import toolkit.word.markdown as md
    from toolkit.word.ooxml import BODY, LIST

    styles = [(BODY, LIST, 0), (BODY, LIST, 1), ("JxCellLeft", "JxCellLeft", 0), ("JxDenseLeft", "JxDenseLeft", 0)]
    texts = sorted({text for _name, text in _yaml_strings()})
    conv = MarkdownConverter()
    expected = {(t, *s): conv._to_xml(t, *s) for t in texts for s in styles}
    assert not conv._xml
    for _ in range(2):
        for (t, style, list_style, depth), xml in expected.items():
            assert conv.to_xml(t, style, list_style, depth) == xml
    assert len(conv._xml) == len(expected)
    monkeypatch.setattr(md, "KEPT_CHARS", 2_000)
    small = MarkdownConverter()
    for (t, style, list_style, depth), xml in expected.items():
        assert small.to_xml(t, style, list_style, depth) == xml
        assert small._xml_chars <= 2_000 or len(small._xml) == 1
    assert conv.to_xml(None) == small.to_xml(None) == ""
