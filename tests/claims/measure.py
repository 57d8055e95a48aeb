"""Measure jixiao lint on a corpus: recall of planted errors, false errors and warnings on true statements,
precision, and time, per report, per kind and overall.

    python -m tests.claims.measure [DIR ...] [-v]

DIR defaults to tests/fixtures/claims/corpus; any folder of reports with sidecars works (tests/fixtures/claims/unseen,
or one outside the repository); ``--all`` measures every corpus of :data:`CORPORA` together (corpus10: the styles of
round lintP, written and measured before the engine changed for them). The sidecar format and the matching rules are in tests/claims/corpus.py: a finding
counts for a sidecar entry only if it points at the entry's paragraph or table row and mentions one of the entry's
figures, and for a planted error only if its expected figure is the one the planted relation gives; any other
finding is a false positive.

- recall: planted errors found at their severity ÷ planted errors ("weak": a planted error only warned about);
- false errors / false warnings: findings on true statements (a warning where the entry tolerates one is not
  counted), on planted rounding warnings reported as errors, or at no entry at all;
- precision: error findings that hit a planted error ÷ all error findings.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

from .corpus import Score, entries, load_sidecar, match, reports

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT / "tests" / "fixtures" / "claims" / "corpus"
#: the corpora with <stem>.expected.yaml sidecars (corpus6–8 have .truth.json ones: bench/measure_holdouts.py)
CORPORA = tuple(DEFAULT.with_name(d) for d in ("corpus", "corpus2", "corpus3", "corpus4", "corpus4b", "corpus5",
                                               "corpus10", "unseen"))


def score_report(path: Path) -> Score:
    """Lint one report and match its findings to its sidecar."""
    from toolkit import lint
    from toolkit.claims.document import read
    from toolkit.errors import JixiaoError

    side = load_sidecar(path)
    sc = Score(path.name, entries(side))
    t0 = time.perf_counter()
    try:
        result = lint(path)
    except JixiaoError as exc:
        sc.seconds = time.perf_counter() - t0
        sc.refused = str(exc)
    else:
        sc.seconds = time.perf_counter() - t0
        try:
            doc = read(path)
        except JixiaoError:
            doc = None
        sc.matches = match(result.findings, doc, sc.items)
    if side.get("outcome") == "refused":
        sc.outcome_ok = sc.refused is not None and any(w in sc.refused for w in side.get("message_any", []))
    return sc


def _pct(a: int, b: int) -> str:
    return f"{a / b:6.1%}" if b else "     —"


def summarize(scores: list[Score], verbose: bool = False, out=sys.stdout) -> dict:
    """Print the tables; return the overall figures."""
    w = out.write
    w(f"{'report':40} {'found':>9} {'weak':>4} {'false err':>9} {'false warn':>10} {'precision':>9} {'time':>8}\n")
    per_kind: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    tot = defaultdict(int)
    for sc in scores:
        planted = [e for e in sc.items if e.planted]
        found = [e for e in planted if sc.found(e) == "found"]
        weak = [e for e in planted if sc.found(e) == "weak"]
        ferr = sc.false_positives("error")
        fwarn = sc.false_positives("warning")
        err_findings = [m for m in sc.matches if m.finding.severity == "error"]
        hits = [m for m in err_findings if m.entry is not None and m.entry.planted and m.entry.severity == "error"]
        for e in sc.items:
            k = per_kind[e.kind]
            if e.planted:
                k["planted"] += 1
                k[sc.found(e)] += 1
            else:
                k["true"] += 1
                flags = sc.flagged(e)
                if "error" in flags:
                    k["true_err"] += 1
                elif "warning" in flags and e.tolerate != "warning":
                    k["true_warn"] += 1
        for m in ferr + fwarn:
            if m.entry is None:
                per_kind["(no entry)"]["false_" + m.finding.severity] += 1
        tot["planted"] += len(planted)
        tot["found"] += len(found)
        tot["weak"] += len(weak)
        tot["ferr"] += len(ferr)
        tot["fwarn"] += len(fwarn)
        tot["err_findings"] += len(err_findings)
        tot["hits"] += len(hits)
        tot["true"] += sum(1 for e in sc.items if not e.planted)
        tot["true_err"] += sum(1 for e in sc.items if not e.planted and "error" in sc.flagged(e))
        tot["seconds"] += sc.seconds
        note = ""
        if sc.refused is not None:
            note = "  refused" + (" (as expected)" if sc.outcome_ok else "") + f": {sc.refused.splitlines()[0][:60]}"
        if sc.outcome_ok is False:
            note += "  [no clear message for a scanned PDF]"
            tot["outcome_bad"] += 1
        w(f"{sc.name:40} {len(found):>4}/{len(planted):<4} {len(weak):>4} {len(ferr):>9} {len(fwarn):>10} "
          f"{_pct(len(hits), len(err_findings)):>9} {sc.seconds * 1000:6.0f}ms{note}\n")
        if verbose:
            for e in planted:
                if sc.found(e) != "found":
                    w(f"    {sc.found(e):7} {e.id} {e.kind}: {e.note or e.relation}\n")
            for m in ferr + fwarn:
                tag = f"on {m.entry.id} {m.entry.kind}" if m.entry else "at no entry"
                w(f"    false {m.finding.severity} {tag}: {m.finding.where} {m.finding.code} {m.finding.message}\n")
    w("\n")
    w(f"{'kind':24} {'planted':>7} {'found':>6} {'weak':>5} {'missed':>6} {'recall':>7} {'true':>5} {'false err':>9} "
      f"{'false warn':>10}\n")
    for kind in sorted(per_kind):
        k = per_kind[kind]
        if kind == "(no entry)":
            blank = " " * 41
            w(f"{kind:24} {blank} {k['false_error']:>9} {k['false_warning']:>10}\n")
            continue
        w(f"{kind:24} {k['planted']:>7} {k['found']:>6} {k['weak']:>5} {k['missed']:>6} "
          f"{_pct(k['found'], k['planted']):>7} {k['true']:>5} {k['true_err']:>9} {k['true_warn']:>10}\n")
    w("\n")
    recall = tot["found"] / tot["planted"] if tot["planted"] else 1.0
    precision = tot["hits"] / tot["err_findings"] if tot["err_findings"] else 1.0
    w(f"overall: recall {recall:.1%} ({tot['found']}/{tot['planted']}, {tot['weak']} only warned), "
      f"precision {precision:.1%} ({tot['hits']}/{tot['err_findings']} error findings), "
      f"{tot['true_err']} of {tot['true']} true statements flagged as errors, "
      f"{tot['ferr']} false errors and {tot['fwarn']} false warnings in all, {tot['seconds']:.2f} s\n")
    return {"recall": recall, "precision": precision, **tot}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.claims.measure", description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=[DEFAULT], help="corpus folders (default: %(default)s)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and false positive")
    ap.add_argument("--all", action="store_true", help="every corpus of CORPORA (DIR ignored)")
    args = ap.parse_args(argv)
    paths = [p for d in (CORPORA if args.all else args.dirs) for p in reports(d)]
    if not paths:
        print("no report with a sidecar (<stem>.expected.yaml) in " + ", ".join(map(str, args.dirs)), file=sys.stderr)
        return 2
    summarize([score_report(p) for p in paths], args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
