"""The loader's line reader (``toolkit.load._read_lines``: plain YAML of the commonest shape read line by line, no
parser) against the event reader (``_read_plain``) and the full reader (``_read_full``). Wherever the line reader
reads a text, it gives the event reader's data (types and reprs) and positions in the same order; wherever it gives
way (None), the text goes on to the event readers, so every message, refusal and position of an error is theirs.
Compared on every example and YAML fixture, on the texts the event reader leaves to the full reader, on a file of
each shape the line reader reads, and on thousands of generated and mutated files (indentation, indicators, quotes,
comments, blocks, empty values, line ends)."""
from __future__ import annotations

import importlib
import random

import pytest

from toolkit.load import _read_lines, _read_plain

from .conftest import EXAMPLES
from .test_load_fast import DEMO, FILES, LEFT_TO_FULL, assert_parsed_as_full, full, text_of, typed

load_module = importlib.import_module("toolkit.load")


def as_read(reader, text: str):
    """What ``reader`` gives: ("read", data, positions in order), or None where it gives way."""
    got = reader(text)
    if got is None:
        return None
    data, positions = got
    return "read", typed(data), list(positions.items())


def lines(text: str):
    return as_read(_read_lines, text)


def events(text: str):
    return as_read(_read_plain, text)


def same_or_left(text: str) -> bool:
    """True when the line reader read ``text`` (and then as the event reader does); asserts it."""
    load_module._PLAIN_VALUES.clear()
    got = lines(text)
    if got is None:
        return False
    load_module._PLAIN_VALUES.clear()
    assert got == events(text), f"the line reader and the event reader differ on:\n{text}"
    return True


def test_every_file_is_read_as_the_event_reader_reads_it_or_left():
    read = 0
    for path in FILES:
        text = text_of(path)  # None: not decodable, refused before any reader
        if text is not None and same_or_left(text):
            assert full(text) == lines(text), path
            read += 1
    assert read >= 15


def test_the_examples_take_the_line_reader():
    """What a batch of demo-size reports pays for (bench_batch's departments are demo-2023 and sichuan-demo-2021):
    every example is read line by line but ziyang-gxj-2022, whose staff kinds are flow mappings with items."""
    for path in sorted(EXAMPLES.glob("*.yaml")):
        assert (lines(text_of(path)) is None) == (path.name == "ziyang-gxj-2022.yaml"), path.name


@pytest.mark.parametrize("what,text", LEFT_TO_FULL, ids=[w for w, _t in LEFT_TO_FULL])
def test_what_the_event_reader_leaves_the_line_reader_leaves(what, text):
    assert _read_lines(text) is None
    assert_parsed_as_full(text)


#: one file of each shape the line reader reads
READ = {
    "mapping of scalars": "a: 1\nb: 2.50\nc: 文本 带空格\nd: -6.03\ne: 26.54%\nf: 2023-03-15\ng: true\nh: ~\n",
    "comments": "# 注释\na: 1   # 行尾注释\n  # 缩进的注释\nb:  # 空值后的注释\nc: x#y\n",
    "nested mapping": "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
    "indented sequence": "a:\n  - x\n  -   y\n  - 3\nb: 1\n",
    "sequence at its key's indentation": "a:\n- x\n- y\nb:\n- c: 1\n  d: 2\n- c: 3\n",
    "compact mappings": "items:\n  - label: 一\n    amount: 1.00\n    items:\n      - label: 甲\n  - label: 二\n",
    "empty values": "a:\nb:\n  c:\n  d: 1\ne:",
    "quoted": "a: \"≥90%\"\nb: 'it''s'  # c\nc: ''\nd: \"\"\ne: '# x'\nf: \"a: b\"\n",
    "literal blocks": "a: |\n  一行\n\n  二行\n    缩进\n\n\nb: |-\n  x\n  y\nc:\n  - |\n    p\n  - q\n",
    "a block at the end without a line break": "a: |\n  x\n  y",
    "a block with blanks past its indentation": "a: |\n  x\n     \n  y\n   \nb: 1\n",
    "a block ended by a comment": "a:\n  b: |\n    x\n  # c\n  d: 1\n",
    "empty flow collections": "a: []\nb: {}\nc:\n  - []\n",
    "plain scalars starting with an indicator's character": "a: -x\nb: ?y\nc: :z\nd: a:b\ne: http://x/y\n",
    "no line break at the end": "a: 1\nb: x",
    "a root mapping indented": "  a: 1\n  b:\n    c: 2\n",
    "trailing blanks": "a: 1   \nb:   \n  - x  \n",
}


@pytest.mark.parametrize("what", READ)
def test_each_shape_is_read_as_the_event_reader_reads_it(what):
    assert same_or_left(READ[what]), f"the line reader gave way on {what}"


#: texts the line reader leaves to the event readers (read by them, or refused with their message)
LEFT = {
    "a tab": "a:\n\tb: 1\n", "a CR": "a: 1\r\nb: 2\r\n", "a BOM": "\ufeffa: 1\n", "a line separator": "a: x\u2028y\n",
    "a folded block": "a: >\n  x\n", "a kept block": "a: |+\n  x\n\n", "an indentation indicator": "a: |2\n  x\n",
    "a block starting with an empty line": "a: |\n\n  x\n", "an empty block": "a: |\nb: 1\n",
    "a block with a comment": "a: | # c\n  x\n", "a scalar over two lines": "a: x\n  y\n",
    "an escape": 'a: "x\\ty"\n', "a quoted key": '"a": 1\n', "a key with a colon": "a:b: 1\n",
    "a key and a blank": "a : 1\n", "a value with a colon": "a: b: c\n", "a value ending with a colon": "a: b:\n",
    "a flow sequence": "a: [1, 2]\n", "a flow mapping": "a: {b: 1}\n", "a sequence at the root": "- a\n- b\n",
    "a sequence in a sequence": "a:\n  - - x\n", "an empty item": "a:\n  -\n  - x\n",
    "an item below its dash": "a:\n  -\n    b: 1\n", "a document marker": "---\na: 1\n", "a document end": "a: 1\n...\n",
    "a directive": "%YAML 1.2\n---\na: 1\n", "an anchor": "a: &x 1\n", "an alias": "a: 1\nb: *x\n",
    "a tag": "a: !!str 1\n", "a merge key": "a:\n  <<: {b: 1}\n", "a duplicate key": "a: 1\na: 2\n",
    "a bad indentation": "a:\n    b: 1\n  c: 2\n", "a line left of the root": "  a: 1\nb: 2\n",
    "a sequence entry after a value": "a: 1\n- x\n", "a folded plain": "a:\n  x\n",
    "a quoted scalar and text": "a: 'x' y\n", "an unclosed quote": "a: 'x\n", "nothing": "# 只有注释\n",
    "an infinite number": "a: .inf\n", "a value starting with a dash and a blank": "a: - x\n",
}


@pytest.mark.parametrize("what", LEFT)
def test_what_only_the_event_readers_read_is_left(what):
    assert _read_lines(LEFT[what]) is None
    assert_parsed_as_full(LEFT[what])


def test_limits_are_left_to_the_event_readers(monkeypatch):
    """A file over ``yaml_values`` or ``yaml_chars``, or nested deeper than ``yaml_depth``, is left (and refused)."""
    from toolkit.limits import limit

    n = limit("yaml_depth")
    deep = "".join(f"{'  ' * k}k{k}:\n" for k in range(n)) + "  " * n + "v: 1\n"
    assert _read_lines(deep) is None
    below = "".join(f"{'  ' * k}k{k}:\n" for k in range(n - 2)) + "  " * (n - 2) + "v: 1\n"
    assert same_or_left(below)
    many = "a:\n" + "".join(f"  - {k}\n" for k in range(limit("yaml_values") + 1))
    assert _read_lines(many) is None
    long = "a: |\n" + "  x\n" * (limit("yaml_chars") // 2 + 1)
    assert _read_lines(long) is None


def test_a_file_of_too_many_lines_is_left_before_it_is_split():
    """Millions of short lines are not held as millions of strings: the lines are counted before the text is split."""
    import tracemalloc

    from toolkit.limits import limit

    short = "ab\n" * (limit("yaml_values") // 3 + 1)
    tracemalloc.start()
    try:
        assert _read_lines(short) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * len(short)  # its lines as strings would be ≈ 17 times the text


ATOMS = [" ", "  ", ":", ": ", "#", " #", "-", "- ", "|", "|-", "|+", ">", "'", '"', "''", "\\", "[]", "{}", "[", "{",
         "&a", "*a", "!", "%", "@", "?", "? ", "~", "null", "true", "1.5", "0x1F", "2023-01-01", "\n", "\n  ", "\n    ",
         "...", "---", "<<", "x", "中", "\u3000", ",", "`", "1e3", ".inf", "-1", "+2", "0o7", "1_000", "\t", "\r"]


@pytest.mark.parametrize("seed", range(4))
def test_mutated_examples_are_read_alike_or_left(seed):
    """Examples with a few characters, lines or indentations changed at random: whatever the line reader reads, it
    reads as the event reader does."""
    rng = random.Random(seed)
    bases = [text_of(p) for p in sorted(EXAMPLES.glob("*.yaml"))] + list(READ.values())
    read = 0
    for _ in range(400):
        lines_ = rng.choice(bases).split("\n")
        for _ in range(rng.randint(1, 4)):
            if not lines_:
                break
            k = rng.randrange(len(lines_))
            op, line = rng.random(), lines_[k]
            if op < 0.35:
                at = rng.randint(0, len(line))
                lines_[k] = line[:at] + rng.choice(ATOMS) + line[at:]
            elif op < 0.5 and line:
                at = rng.randrange(len(line))
                lines_[k] = line[:at] + line[at + rng.randint(1, 3):]
            elif op < 0.6:
                lines_[k] = " " * rng.choice([1, 2, 4]) + line
            elif op < 0.7:
                lines_[k] = line[rng.choice([1, 2]):] if line.startswith("  ") else line
            elif op < 0.8:
                lines_.insert(k, rng.choice(["", "  ", "# c", "    # c", "      ", lines_[rng.randrange(len(lines_))]]))
            elif op < 0.9:
                del lines_[k]
            else:
                lines_[k] = line.rstrip() + rng.choice(["", " ", "  # x", ":", " |"])
        text = "\n".join(lines_)
        if rng.random() < 0.2:
            text = text.rstrip("\n")
        read += same_or_left(text)
    assert read > 40  # the mutations that keep a file plain are read, not all left


KEYS = ["a", "b", "c", "名称", "a b", "x.y", "k[0]", "true", "1", "a-b", "a'b", 'a"b', "a,b", "null", "?q", "a]"]
VALUES = ["", "1", "1.50", "-2.0", "26.54%", "x", "中文 文本", "~", "null", "true", "yes", "2023-03-15", "'q'",
          "'it''s'", '"dq"', '"a#b"', "[]", "{}", "a #c", "  # c", "x:y", "http://a", "|", "|-", "|+", ">", "-x", "?x",
          ":x", "0x10", "1_0", ".5", "+.5", "1e3", "'' ", '""', "a  ", "2023-01-01 10:00:00", "0o17", "1,000"]


@pytest.mark.parametrize("seed", range(4))
def test_generated_files_are_read_alike_or_left(seed):
    """Small files of keys, items, values, blocks and comments at random indentations."""
    rng = random.Random(seed)
    read = 0
    for _ in range(3000):
        out, indents = [], [0]
        for _ in range(rng.randint(1, 12)):
            ind = rng.choice(indents + [indents[-1] + rng.choice([1, 2, 4])])
            r = rng.random()
            if r < 0.5:
                value = (" " * rng.choice([1, 1, 2]) + rng.choice(VALUES)) if rng.random() < 0.8 else ""
                out.append(" " * ind + rng.choice(KEYS) + ":" + value)
            elif r < 0.75:
                item = rng.choice([rng.choice(VALUES) or "v", rng.choice(KEYS) + ": " + rng.choice(VALUES)])
                out.append(" " * ind + "-" + " " * rng.choice([1, 1, 3]) + item)
            elif r < 0.85:
                out.append(" " * ind + rng.choice(["text", "  more text", "# note", "", "x y"]))
            else:
                out.append(rng.choice(["", "   ", "# c", " " * (ind + 2) + "line", " " * (ind + 4) + "deep",
                                       " " * (ind + 3)]))
            indents.append(ind)
        read += same_or_left("\n".join(out) + rng.choice(["\n", "", "\n\n", "\n  "]))
    assert read > 100


def test_the_demo_is_read_alike_with_the_store_full_or_empty():
    """Short plain values kept between files (``load._PLAIN_VALUES``) are the same whichever reader kept them."""
    load_module._PLAIN_VALUES.clear()
    first = lines(DEMO)
    _read_plain(text_of(EXAMPLES / "sichuan-demo-2021.yaml"))
    assert lines(DEMO) == first == events(DEMO)


@pytest.mark.parametrize("text", ["... x: 1\n", "a: 1\n... x: 2\n", "a: 1\n...  x:\n", "a: 1\n... x:\n  b: 2\n"])
def test_a_document_end_is_no_key(text):
    """``...`` then a blank at the left edge ends the document: the slow readers refuse what follows, so the line
    reader must leave it to them (a key ``... x`` would load it as data)."""
    assert _read_lines(text) is None
    assert full(text)[0] == "refused"
