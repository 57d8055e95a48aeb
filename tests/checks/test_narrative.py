"""The narrative family: figures written in a YAML report's text must equal its data.

``tests/fixtures/checks/NAR00N.yaml`` starts with ``# expect: CODE @ phrase``: the finding must be reported on the
line of the file holding that phrase (inside the block scalar). ``NAR00N_clean.yaml`` must raise no NAR code.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit import check, load
from toolkit.rules import catalogue

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "checks"
CATALOGUE = catalogue()
CODES = sorted(c for c, r in CATALOGUE.items() if r.family == "narrative")


def test_codes_registered():
    assert CODES == ["NAR001", "NAR002", "NAR003", "NAR004", "NAR005", "NAR006", "NAR007"]


@pytest.mark.parametrize("code", CODES)
def test_rule_triggers_on_the_line_of_the_phrase(code):
    path = FIXTURES / f"{code}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    m = re.match(rf"# expect: {code} @ (.+)", lines[0])
    assert m, "first line must say '# expect: CODE @ phrase'"
    want = [n for n, line in enumerate(lines, 1) if n > 1 and m.group(1) in line]
    assert len(want) == 1
    found = [f for f in check(load(path)).findings if f.code == code]
    assert [(f.line, f.severity) for f in found] == [(want[0], CATALOGUE[code].severity)]
    assert found[0].quote and m.group(1) in found[0].quote or m.group(1).rstrip("个") in found[0].quote


@pytest.mark.parametrize("code", CODES)
def test_rule_silent_on_clean_fixture(code):
    findings = check(load(FIXTURES / f"{code}_clean.yaml")).findings
    assert [f.text() for f in findings if f.code.startswith(("NAR", "TXT"))] == []


def test_generic_relations_run_on_narrative():
    path = FIXTURES / "NAR003.yaml"
    codes = {f.code for f in check(load(path)).findings}
    assert "TXT001" in codes  # 507.79 + 2834.44 ≠ 3352.23 in narrative.performance


def test_ziyang_example_narrative_score_differs_from_table():
    path = ROOT / "examples" / "ziyang-gxj-2022.yaml"
    found = [f for f in check(load(path)).findings if f.code == "NAR001"]
    assert found and found[0].path == "narrative.performance" and found[0].found == "98"
    line = path.read_text(encoding="utf-8").splitlines()[found[0].line - 1]
    assert "自评分98分" in line


@pytest.mark.parametrize("name", ["bishan-jxw-2021.yaml", "lengshuitan-kgxj-2021.yaml", "demo-2023.yaml"])
def test_other_examples_have_no_narrative_error(name):
    path = ROOT / "examples" / name
    assert [f.text() for f in check(load(path)).findings if f.code.startswith("NAR") and f.severity == "error"] == []


def test_partly_scored_table_is_not_summed():
    # review finding: Σ of the scored rows (45) was compared with the text's 98 and its grade
    findings = check(load(FIXTURES / "NAR001_partial_table_clean.yaml")).findings
    assert [f.text() for f in findings if f.code in ("NAR001", "NAR002")] == []


def test_narrative_lines_are_right_in_a_gbk_file_and_from_text(tmp_path):
    # review finding: the locator re-read the file as UTF-8 and silently lost the line inside the block scalar
    from toolkit import loads

    source = (FIXTURES / "NAR001.yaml").read_text(encoding="utf-8")
    (tmp_path / "gbk.yaml").write_bytes(source.encode("gbk"))
    lines = {
        "utf-8": [f.line for f in check(load(FIXTURES / "NAR001.yaml")).findings if f.code == "NAR001"],
        "gbk": [f.line for f in check(load(tmp_path / "gbk.yaml")).findings if f.code == "NAR001"],
        "text": [f.line for f in check(loads(source, "README.md")).findings if f.code == "NAR001"],
    }
    assert lines["utf-8"] == lines["gbk"] == lines["text"] and len(lines["utf-8"]) == 1
