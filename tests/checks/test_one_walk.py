"""One walk of the model tree a check (``checks.common.nodes``) and one a load (``load._validated`` to
``unknown_keys``) instead of one per family: the same findings, warnings and node paths as when each walks the tree
itself (issue 13, round 7). Every example and YAML fixture, and generated departments of 20 and 500 indicators
(``bench_check.generate``) with findings made in them."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from toolkit import check, loads
from toolkit.errors import InputError
from toolkit.model import walk

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([*(ROOT / "examples").glob("*.yaml"), *(ROOT / "tests" / "fixtures").rglob("*.yaml")])
common = importlib.import_module("toolkit.checks.common")
load_module = importlib.import_module("toolkit.load")


def _generated(n: int) -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench_check import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    text = generate(n, max(10, n // 2 * 5 // 4), n // 4)
    # a few wrong figures, so that the families that walk the tree find something
    return text.replace("share: ", "share: 1", 3).replace("change: ", "change: 9", 2)


TEXTS = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8", errors="replace")) for p in FILES]
TEXTS += [(f"generated-{n}", _generated(n)) for n in (20, 500)]


def _outcome(name: str, text: str):
    try:
        loaded = loads(text, name)
    except InputError as exc:
        return "refused", str(exc)
    result = check(loaded)
    return ("read", [f.text() for f in loaded.warnings], [f.text() for f in result.sorted()],
            [path for path, _node in walk(loaded.report)], [n._path for _p, n in walk(loaded.report)])


@pytest.mark.parametrize("name,text", TEXTS, ids=[n for n, _t in TEXTS])
def test_one_walk_gives_the_findings_each_familys_own_walk_gave(name, text, monkeypatch):
    once = _outcome(name, text)
    # the plain path: every family walks the tree itself, and unknown_keys walks it again after validate
    monkeypatch.setattr(common, "nodes", lambda loaded: list(walk(loaded.report)))
    for module in ("sums", "shares", "balance", "filling"):
        monkeypatch.setattr(importlib.import_module(f"toolkit.checks.{module}"), "nodes",
                            lambda loaded: list(walk(loaded.report)))
    plain_unknown = load_module.unknown_keys
    monkeypatch.setattr(load_module, "unknown_keys", lambda report, source, nodes=None: plain_unknown(report, source))
    assert _outcome(name, text) == once


def test_the_generated_departments_have_findings_of_the_walking_families():
    """The comparison above means something: the walking families (sums, shares, balance, narrative) find things."""
    name, text = TEXTS[-1]
    rules = {f.code for f in check(loads(text, name)).findings}
    assert rules & {"PCT001", "PCT003", "PCT006", "SUM001", "SUM002"}, rules


def test_a_check_walks_the_tree_once(monkeypatch):
    """The families share one walk: the report's tree is walked once by a check (it was once per family)."""
    loaded = loads((ROOT / "examples" / "demo-2023.yaml").read_text(encoding="utf-8"), "demo-2023.yaml")
    model, budget = importlib.import_module("toolkit.model"), importlib.import_module("toolkit.domain.budget")
    original, calls = model.walk, []

    def counting(node, path=""):
        if node is loaded.report:
            calls.append(path)
        return original(node, path)

    monkeypatch.setattr(model, "walk", counting)  # read when called by checks.common and the narrative family
    monkeypatch.setattr(budget, "walk", counting)  # imported by name
    check(loaded)
    assert len(calls) == 1
    monkeypatch.setattr(common, "_checking", {})  # outside one check (no sharing): each caller walks
    common.nodes(loaded), common.nodes(loaded)
    assert len(calls) == 3
