"""Run every hostile case of issue 12 (``tests/hostile/cases.py``) as the real ``jixiao`` command and print a table.

    python bench/bench_hostile.py [--timeout 20] [--memory-mb 1536] [--only SUBSTRING] [--markdown] [--code DIR]

Per case: what happened (exit code, traceback, signal, timeout), whether it met the case's expectation (exit code,
Chinese message, nothing else changed), the wall time and the child's peak RSS. The limits default to the test
suite's (20 s, 1.5 GB of address space); raise them to see how far a failing case goes. ``--code DIR`` runs the
``toolkit`` of another source tree (e.g. ``git archive`` of an older commit) to measure before and after. Exits 0.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile import harness  # noqa: E402
from tests.hostile.cases import CASES  # noqa: E402


def met(case, outcome, before, after) -> str:
    if outcome.timed_out or "Traceback" in outcome.stderr or outcome.code not in case.codes:
        return "no"
    text = outcome.stdout + outcome.stderr
    missing = [p for p in case.says if p not in text]
    if missing:
        return "message"
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    if not changed <= set(case.changes):
        return "changed"
    return "yes"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=harness.TIME_LIMIT)
    ap.add_argument("--memory-mb", type=int, default=harness.MEMORY_LIMIT // 2**20)
    ap.add_argument("--only", default="")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--code", help="run the toolkit of this source tree instead of the installed one")
    args = ap.parse_args()
    if args.code:
        os.environ["JIXIAO_CODE"] = str(Path(args.code).resolve())
    rows = []
    for case in CASES:
        if args.only not in case.name:
            continue
        tmp = Path(tempfile.mkdtemp(prefix="jixiao-hostile-"))
        try:
            folder = tmp / "work"
            folder.mkdir()
            argv = case.build(folder)
            before = harness.snapshot(folder)
            hook = case.on_start(folder) if case.on_start else None
            outcome = harness.run(argv, folder, timeout=args.timeout, memory=args.memory_mb * 2**20, on_start=hook)
            ok = met(case, outcome, before, harness.snapshot(folder))
            if ok == "yes" and case.check is not None:
                try:
                    case.check(folder, outcome)
                except AssertionError:
                    ok = "check"
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        first = next((line for line in (outcome.stderr + outcome.stdout).splitlines() if line.strip()), "")
        rows.append((case.name, outcome.summary(), ok, f"{outcome.seconds:.1f}", f"{outcome.peak_mb:.0f}", first[:90]))
        print(" | ".join(rows[-1]), file=sys.stderr, flush=True)
    head = ("case", "outcome", "met", "s", "peak MB", "first line")
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for r in rows:
            print("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |")
    else:
        widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head) - 1)]
        for r in [head, *rows]:
            print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)) + "  " + r[-1])
    print(f"{sum(r[2] == 'yes' for r in rows)} of {len(rows)} cases met their expectation "
          f"(limits {args.timeout:g} s, {args.memory_mb} MB)")


if __name__ == "__main__":
    main()
