"""jixiao lint on reports written in styles the seeds do not show (tests/fixtures/lint/unseen, built by its build.py):
every planted error is found with its code, location, expected and found values, and nothing else is reported at
error level; warnings only where the sidecar lists them."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from toolkit import lint
from toolkit.claims.document import read

UNSEEN = Path(__file__).resolve().parents[1] / "fixtures" / "lint" / "unseen"
REPORTS = sorted(p for p in UNSEEN.iterdir() if p.suffix in (".txt", ".docx"))


def sidecar(path: Path) -> dict:
    return yaml.safe_load((UNSEEN / f"{path.stem}.expected.yaml").read_text(encoding="utf-8"))


def score(path: Path) -> tuple[set, set, set]:
    """(planted, reported, correct) as sets of (code, severity, where, expected, found)."""
    side = sidecar(path)
    planted = {(e["code"], sev, e["where"], e["expected"], e["found"])
               for sev in ("error", "warning") for e in side[sev + "s"]}
    reported = {(f.code, f.severity, f.where, f.expected, f.found) for f in lint(path).findings}
    return planted, reported, planted & reported


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_planted_errors_found_and_nothing_else(path):
    side = sidecar(path)
    findings = lint(path).findings
    errors = {(f.code, f.where, f.expected, f.found) for f in findings if f.severity == "error"}
    warnings = {(f.code, f.where, f.expected, f.found) for f in findings if f.severity == "warning"}
    assert errors == {(e["code"], e["where"], e["expected"], e["found"]) for e in side["errors"]}
    assert warnings == {(e["code"], e["where"], e["expected"], e["found"]) for e in side["warnings"]}


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_sidecar_matches_the_report(path):
    side = sidecar(path)
    doc = read(path)
    text = "\n".join([p.text for p in doc.paragraphs] + ["\t".join(row) for t in doc.tables for row in t.rows])
    assert 4 <= len(side["errors"]) <= 8 and 8 <= len(side["true"]) <= 15
    for quote in side["true"]:
        assert quote in text, quote
    flagged = {f.where for f in lint(path).findings}
    for e in side["errors"]:  # each planted error's location exists in the report
        assert e["where"].startswith(("第", "表"))
    assert flagged  # the report is not silently skipped


def test_docx_tables_read_back_like_the_text_export():
    """The .docx twin has real Word tables with merged 一级/二级 cells; read back, they equal the text export."""
    assert [t.rows for t in read(UNSEEN / "hunan_wjj_2023.docx").tables] == \
        [t.rows for t in read(UNSEEN / "hunan_wjj_2023.txt").tables]
    assert [p.text for p in read(UNSEEN / "hunan_wjj_2023.docx").paragraphs] == \
        [p.text for p in read(UNSEEN / "hunan_wjj_2023.txt").paragraphs]


if __name__ == "__main__":  # precision / recall / time per fixture: python -m tests.claims.test_unseen
    import time

    tp = fp = fn = 0
    for p in REPORTS:
        t0 = time.perf_counter()
        planted, reported, correct = score(p)
        ms = (time.perf_counter() - t0) * 1000
        tp += len(correct)
        fp += len(reported - planted)
        fn += len(planted - reported)
        prec = len(correct) / len(reported) if reported else 1.0
        rec = len(correct) / len(planted) if planted else 1.0
        print(f"{p.name:32} precision {prec:6.1%} ({len(correct)}/{len(reported)})  recall {rec:6.1%} "
              f"({len(correct)}/{len(planted)})  {ms:6.0f} ms")
        for x in sorted(reported - planted):
            print("   extra  ", x)
        for x in sorted(planted - reported):
            print("   missed ", x)
    print(f"{'overall':32} precision {tp / (tp + fp):6.1%} ({tp}/{tp + fp})  recall {tp / (tp + fn):6.1%} ({tp}/{tp + fn})")
