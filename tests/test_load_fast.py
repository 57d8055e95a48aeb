"""The loader's fast reader (``toolkit.load._read_plain``: the C parser's events straight to data and positions)
against its full reader (``_read_full``: composed nodes, anchors, aliases, merges, tags, every refusal). On what the
fast reader reads, both give the same data (types and reprs, ``Decimal("1.0")`` is not ``Decimal("1")``) and the
same positions in the same order; on anything else it gives way, so every message still comes from the full
reader. Compared on every example and YAML fixture, on files with each kind of YAML the fast reader leaves to the
full one, and on a mapping of scalars written every way YAML allows."""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

from toolkit import check
from toolkit.errors import InputError
from toolkit.load import _read_full, _read_plain, decode, loads, parse_yaml

from .conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted([*EXAMPLES.glob("*.yaml"), *(ROOT / "tests" / "fixtures").rglob("*.yaml"),
                *(ROOT / "tests" / "fixtures").rglob("*.yml")])
load_module = importlib.import_module("toolkit.load")  # the module (toolkit.load is also a function)
DEMO = (EXAMPLES / "demo-2023.yaml").read_text(encoding="utf-8")


def typed(value: Any) -> Any:
    """Nested data with each scalar's type and repr, for comparing exactly."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return type(value).__name__, repr(value)


def full(text: str) -> Any:
    """What the full reader gives: ("read", data, positions in order) or ("refused", the messages)."""
    try:
        data, positions = _read_full(text, "f.yaml")
    except InputError as exc:
        return "refused", str(exc)
    return "read", typed(data), list(positions.items())


def fast(text: str) -> Any:
    got = _read_plain(text)
    if got is None:
        return None
    data, positions = got
    return "read", typed(data), list(positions.items())


def text_of(path: Path) -> str | None:
    try:
        return decode(path.read_bytes(), str(path))[0]
    except InputError:
        return None


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_is_read_alike_or_left_to_the_full_reader(path):
    text = text_of(path)
    if text is None:
        pytest.skip("not decodable: refused before either reader")
    got, want = fast(text), full(text)
    if want[0] == "refused":
        assert got is None, f"the fast reader read a file the full reader refuses: {want[1]}"
    elif got is not None:
        assert got == want


def test_plain_files_take_the_fast_reader():
    """Every example and nearly every fixture is plain YAML: the fast reader is what a batch runs."""
    read = [p for p in FILES if (t := text_of(p)) is not None and fast(t) is not None]
    assert all(p in read for p in EXAMPLES.glob("*.yaml"))
    assert len(read) >= 0.9 * len(FILES)


def _outcome(path: Path) -> Any:
    """``loads`` and ``check`` of a file: the report's fields, the warnings and findings as users read them, or
    the refusal's message."""
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        loaded = loads(text, str(path))
    except InputError as exc:
        return "refused", str(exc)
    return ("read", repr(loaded.report), [f.text() for f in loaded.warnings], loaded.unfilled,
            [f.text() for f in check(loaded).sorted()], sorted(loaded.source.positions.items()))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_loading_and_checking_give_the_same_report_findings_and_messages(path, monkeypatch):
    with_fast = _outcome(path)
    monkeypatch.setattr(load_module, "_read_plain", lambda text: None)
    monkeypatch.setattr(load_module, "_read_lines", lambda text: None)  # the line reader too (test_load_lines.py)
    assert _outcome(path) == with_fast


#: (what, text replacing a line or added to the demo file): each only the full reader handles or reports
LEFT_TO_FULL = [
    ("anchor and alias", DEMO + "\nextra_a: &a 1\nextra_b: *a\n"),
    ("an alias to nothing", DEMO + "\nextra_b: *nowhere\n"),
    ("an alias as a list item", DEMO + "\nextra_a: &a [1]\nextra_b:\n  - *a\n"),
    ("an alias as a key", DEMO + "\nextra_a: &a k\nextra_b: {*a : 1}\n"),
    ("an explicit tag", DEMO.replace("year: 2023", "year: !!int 2023", 1)),
    ("a wrong explicit tag", DEMO.replace("year: 2023", "year: !!int 二〇二三", 1)),
    ("a non-core tag", DEMO + "\nx: !!python/name:os.system\n"),
    ("a merge key", DEMO + "\nbase: {a: 1}\nmore:\n  <<: {a: 2}\n"),
    ("a duplicate key", DEMO.replace("year: 2023", "year: 2023\nyear: 2024", 1)),
    ("a key that is a list", DEMO + "\n? [a, b]\n: 1\n"),
    ("a %YAML directive", "%YAML 1.1\n---\n" + DEMO),
    ("two documents", DEMO + "\n---\nyear: 2024\n"),
    ("an infinite number", DEMO + "\nx: .inf\n"),
    ("not a number", DEMO + "\nx: .NaN\n"),
    ("an empty file", ""),
    ("only a comment", "# 注释\n"),
    ("a syntax error", DEMO.replace("year: 2023", "year: [2023", 1)),
    ("a tab indent", "unit:\n\tname: x\n"),
    ("a control character", DEMO + "\nx: a\x07b\n"),
    ("nesting too deep", "x: " + "[" * 80 + "]" * 80 + "\n"),
]


def assert_parsed_as_full(text: str) -> None:
    """``parse_yaml`` of ``text`` reads it as the full reader does, or refuses it with the full reader's message."""
    try:
        got = "read", typed(parse_yaml(text, "f.yaml")[0])
    except InputError as exc:
        got = "refused", str(exc)
    want = full(text)
    assert got == want[:2]


@pytest.mark.parametrize("what,text", LEFT_TO_FULL, ids=[w for w, _t in LEFT_TO_FULL])
def test_what_the_fast_reader_leaves_gets_the_full_readers_result(what, text):
    assert _read_plain(text) is None
    assert_parsed_as_full(text)


#: scalars written every way YAML allows: plain, quoted, block; numbers, dates, booleans, nulls, text
SCALARS = [
    "2023", "-6", "+7", "0", "-0", "007", "1_000", "0x1F", "0o17", "0b101", "1.5", "1.0", "3345.50", "-0.001", ".5",
    "1e3", "1E+20", "6.", "1,234.50", "12,3", "95%", "１２", "2023-03-15", "2023-3-15", "2023-02-30",
    "2023-03-15 08:30", "2023-03-15T08:30:00Z", "2001-12-14t21:59:43.10-05:00", "12:30", "true", "True", "FALSE",
    "yes", "Off", "~", "null", "Null", "NULL", "", "'2023'", '"1.5"', "'true'", '"a\\tb"', "'it''s'", "正向",
    "部分达成并具有一定效果", "'**粗体**'", "|\n  一行\n  二行", ">\n  折叠\n  文本", "|-\n  x", "[1, 2.5, a]",
    "{a: 1, b: [x, 2023-01-01]}", "a # 注释",
]


def test_scalars_of_every_kind_are_read_alike():
    text = "".join(f"k{k}: {s}\n" for k, s in enumerate(SCALARS))
    text += "list:\n" + "".join(f"  - {s}\n" for s in SCALARS if not s.startswith(("|", ">")))
    text += "nested:\n  a:\n    b: [1, {c: d}]\n  'a.b': 2\n  \"1\": x\n"
    assert fast(text) is not None, "the fast reader gave way on plain YAML"
    assert fast(text) == full(text)


@pytest.mark.parametrize("written", ["待填", "' 待填 '", '"\\u5f85\\u586b"', '"\\x5f85"', '"待\\\n  填"'])
def test_a_value_to_fill_is_found_however_it_is_written(written):
    """The loader leaves the placeholder pass out for a file with no 待填 and no escape: each way of writing one is
    still found (and a file without one loads as if the pass had run)."""
    lines = DEMO.splitlines(keepends=True)
    at = next(k for k, line in enumerate(lines) if line.startswith("  name:"))
    text = "".join(lines[:at] + [f"  name: {written}\n"] + lines[at + 1:])
    loaded = loads(text, "f.yaml")
    value = _read_full(text, "f.yaml")[0]["unit"]["name"]
    if value.strip() == "待填":
        assert loaded.unfilled == ["unit.name"]
    else:
        assert loaded.unfilled == [] and loaded.report.unit.name == value


@pytest.mark.parametrize("extra", [-2, -1, 0, 1])
def test_nesting_at_the_depth_limit_is_read_as_the_full_reader_reads_it(extra):
    """Around ``yaml_depth``: the fast reader reads exactly what the full reader reads, or gives way to it."""
    from toolkit.limits import limit

    n = limit("yaml_depth") + extra
    for text in ("x: " + "[" * n + "1" + "]" * n + "\n", "".join(f"{'  ' * k}k{k}:\n" for k in range(n)) + "  " * n + "v: 1\n"):
        got, want = fast(text), full(text)
        if want[0] == "refused":
            assert got is None
        else:
            assert got == want or got is None
            if extra < 0:
                assert got == want  # well within the limit: the fast reader's own reading


def test_values_kept_between_files_change_nothing(monkeypatch):
    """The fast reader keeps short plain scalars' values between files (``load._PLAIN_VALUES``): every file read
    with the store filled by all the others (in both orders) gives the data and positions of a read with an empty
    store, and what the store holds is immutable; when full it is emptied, and reading goes on alike."""
    import datetime as dt
    from decimal import Decimal

    texts = [t for t in map(text_of, FILES) if t is not None]
    store = load_module._PLAIN_VALUES
    fresh = []
    for text in texts:
        store.clear()
        fresh.append(fast(text))
    for order in (texts, texts[::-1]):
        got = [fast(text) for text in order]
        assert got == (fresh if order is texts else fresh[::-1])
    assert store and all(type(v) in (str, int, bool, Decimal, dt.date, type(None)) for v in store.values())
    assert all(len(k) <= load_module._KEPT_TEXT for k in store)
    monkeypatch.setattr(load_module, "_KEPT_VALUES", 5)
    store.clear()
    assert [fast(text) for text in texts] == fresh
    assert len(store) <= 5
    text = "".join(f"k{k}: {s}\n" for k, s in enumerate(SCALARS))
    assert fast(text) == fast(text) == full(text)  # the second read from the store
