"""toolkit.lazyre: ``re`` with ``compile`` deferred to a pattern's first use (start-up, issue 13)."""
from __future__ import annotations

import os
import re as real
from pathlib import Path

from toolkit.lazyre import LazyPattern, re

TEXT = "支出合计 3,345.50 万元，增长 12.5%；收入 100 万元"
NUMBER = r"(\d[\d,]*(?:\.\d+)?)\s*(万元|%)"


def test_a_pattern_is_compiled_at_its_first_use_and_answers_as_re_does():
    lazy, plain = re.compile(NUMBER), real.compile(NUMBER)
    assert isinstance(lazy, LazyPattern) and "search" not in vars(lazy)
    assert lazy.pattern == NUMBER and "search" not in vars(lazy)  # its text, without compiling
    assert [m.groups() for m in lazy.finditer(TEXT)] == [m.groups() for m in plain.finditer(TEXT)]
    assert "finditer" in vars(lazy)  # the compiled pattern's method from now on
    assert lazy.sub(r"<\1>", TEXT) == plain.sub(r"<\1>", TEXT)
    assert lazy.search(TEXT).span() == plain.search(TEXT).span() and lazy.groups == plain.groups == 2
    assert lazy.fullmatch("12%") and not lazy.match("约12%")


def test_the_module_functions_take_a_lazy_pattern_and_the_rest_is_res_own():
    lazy = re.compile(NUMBER, re.M)
    assert re.findall(lazy, TEXT) == real.findall(NUMBER, TEXT)
    assert re.split(lazy, TEXT) == real.split(NUMBER, TEXT)
    assert re.sub(lazy, "#", TEXT) == real.sub(NUMBER, "#", TEXT) and re.subn(lazy, "#", TEXT)[1] == 3
    assert re.search(lazy, TEXT).group(1) == "3,345.50" and re.match(lazy, "5%") and re.fullmatch(lazy, "5 万元")
    assert [m.group() for m in re.finditer(lazy, TEXT)] == ["3,345.50 万元", "12.5%", "100 万元"]
    assert re.compile(lazy) is lazy and re.escape("1+1") == real.escape("1+1") and re.Pattern is real.Pattern
    assert lazy.flags == real.compile(NUMBER, real.M).flags
    assert re.sub(r"\s", "", " a b ") == "ab"  # a pattern written as text goes straight to re


# The store of compiled patterns: re's parser and code generator run once, later processes build the pattern from
# the stored code (issue 13, start-up).

import marshal
import subprocess
import sys

import pytest

from toolkit import lazyre

#: the source's top-level patterns, as lazyre lists them (the list itself: it grows as modules are imported)
SOURCES = lazyre._pending
STORED = r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|%)[\u4e00-\u9fff]{1,6}?"


@pytest.fixture
def store(tmp_path, monkeypatch):
    """An empty store in a temporary directory, bytecode writing allowed."""
    path = tmp_path / "__pycache__" / "lazyre.test.bin"
    monkeypatch.setattr(lazyre, "STORE", str(path))
    monkeypatch.setattr(lazyre, "_stored", None)
    monkeypatch.setattr(lazyre, "_missing", {})
    monkeypatch.setattr(lazyre, "_pending", [])
    monkeypatch.setattr(lazyre, "_literal", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def _fresh(monkeypatch):
    monkeypatch.setattr(lazyre, "_stored", None)
    monkeypatch.setattr(lazyre, "_missing", {})


def test_a_stored_pattern_is_res_pattern(store, monkeypatch):
    first = lazyre.stored_compile(STORED, real.I)
    assert first == real.compile(STORED, real.I) and (STORED, real.I.value) in lazyre._missing
    lazyre.save()
    assert store.exists() and (STORED, real.I.value) in marshal.loads(store.read_bytes())
    _fresh(monkeypatch)
    again = lazyre.stored_compile(STORED, real.I)
    assert not lazyre._missing  # built from the stored code, not compiled
    assert again == real.compile(STORED, real.I)  # == on patterns compares their compiled code
    assert again.groupindex == {"num": 1, "unit": 2} and again.flags == real.compile(STORED, real.I).flags
    assert again.search("合计 3,345.50 万元以上").group("num") == "3,345.50"


def test_every_pattern_of_the_source_stored_is_res_pattern(store, monkeypatch):
    """The claim engine, the checks and the loader: every top-level pattern stored and built back equals re's."""
    import toolkit.checks  # noqa: F401  (imports the engine)

    sources = SOURCES + lazyre._pending  # imported before this test, and by it
    assert len(sources) > 200 and all(isinstance(p, LazyPattern) and p._stored for p in sources)
    monkeypatch.setattr(lazyre, "_pending", sources)
    lazyre.save()
    _fresh(monkeypatch)
    stored = marshal.loads(store.read_bytes())
    assert {p._source for p in sources} <= set(stored)
    for p in sources:
        assert lazyre.stored_compile(*p._source) == real.compile(*p._source), p
    assert not lazyre._missing


def test_only_the_sources_patterns_are_stored(store):
    """A pattern built from the data in a function is compiled as re compiles it and never stored; one written in
    the function that uses it is."""
    def find(name: str, text: str):
        return re.search(re.escape(name) + r"\d+", text), re.search(r"第(\d+)条", text), re.compile(name + "x")

    found, literal, built = find("合计", "合计12 第3条")
    assert found.group() == "合计12" and literal.group(1) == "3" and built.search("合计x")
    assert not built._stored and [k for k, _ in lazyre._literal] == [r"第(\d+)条"]
    lazyre.save()
    assert set(marshal.loads(store.read_bytes())) == {(r"第(\d+)条", 0)}


def test_no_store_without_bytecode_and_a_damaged_one_is_not_used(store, monkeypatch):
    lazyre.stored_compile(STORED)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    lazyre.save()
    assert not store.exists()
    store.parent.mkdir()
    store.write_bytes(b"\x00not marshal")
    _fresh(monkeypatch)
    assert lazyre.stored_compile(STORED) == real.compile(STORED) and lazyre._missing
    store.write_bytes(marshal.dumps({(STORED, 0): (0, b"\x01\x02", 0, {}, ())}))  # code _sre refuses
    _fresh(monkeypatch)
    assert lazyre.stored_compile(STORED) == real.compile(STORED) and lazyre._missing


def test_a_run_writes_the_store_and_the_next_one_reads_it(tmp_path):
    """In a child allowed to write bytecode: the store is written at exit and read by the next run, which compiles
    nothing of the source."""
    path = tmp_path / "store.bin"
    code = ("import sys\nfrom toolkit import lazyre\nlazyre.STORE = sys.argv[1]\n"
            "from toolkit import check, load\ncheck(load(sys.argv[2]))\nprint(len(lazyre._missing))")
    example = str(Path(__file__).parent.parent / "examples" / "demo-2023.yaml")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    runs = [subprocess.run([sys.executable, "-c", code, str(path), example], capture_output=True, text=True,
                           env=env, timeout=120) for _ in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[0].stderr
    assert int(runs[0].stdout) > 50 and path.exists()
    assert int(runs[1].stdout) == 0
