"""Every consistency rule has a fixture that triggers it and one that does not.

``tests/fixtures/checks/CODE.yaml`` marks each line where a finding is expected with ``# expect: CODE`` (and
``warning`` when the finding is a warning); the findings of that code must be exactly on those lines.
``CODE_clean.yaml`` must not raise the code at all.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit import check, load
from toolkit.rules import catalogue

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "checks"
FAMILIES = {"sums", "balance", "shares", "scores", "dates"}
_EXPECT = re.compile(r"#\s*expect:\s*([A-Z]{3}\d{3})(\s+warning)?")

CATALOGUE = catalogue()
CODES = sorted(code for code, rule in CATALOGUE.items() if rule.family in FAMILIES)


def expected_lines(path: Path, code: str) -> set[tuple[int, str]]:
    out = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for m in _EXPECT.finditer(line):
            if m.group(1) == code:
                out.add((n, "warning" if m.group(2) else "error"))
    return out


def test_every_rule_has_both_fixtures():
    missing = [c for c in CODES for name in (f"{c}.yaml", f"{c}_clean.yaml") if not (FIXTURES / name).exists()]
    assert not missing
    assert len(CODES) >= 30


@pytest.mark.parametrize("code", CODES)
def test_rule_triggers_on_its_line(code):
    path = FIXTURES / f"{code}.yaml"
    want = expected_lines(path, code)
    assert want, f"{path.name} marks no line with '# expect: {code}'"
    found = {(f.line, f.severity) for f in check(load(path)).findings if f.code == code}
    assert found == want


@pytest.mark.parametrize("code", CODES)
def test_rule_silent_on_clean_fixture(code):
    result = check(load(FIXTURES / f"{code}_clean.yaml"))
    assert [f.text() for f in result.findings if f.code == code] == []


@pytest.mark.parametrize("code", CODES)
def test_rule_is_documented(code):
    rule = CATALOGUE[code]
    assert re.search(r"[\u4e00-\u9fff]", rule.title) and len(rule.explanation) > 20
    assert f" {code}" in rule.example and ".yaml:" in rule.example
