"""CPU time of a batch worker's report and of renders by size, for this checkout or another source tree.

    python bench/bench_cpu.py [--code DIR] [--reports 60] [--passes 3]

The figures behind issue 13's "10,000 reports" and render rows, in CPU milliseconds of this process (steadier
than wall time on a shared machine, which a batch's two workers need): a worker's demo-size report is the best of
``--passes`` passes of ``toolkit.batch.render_chunk`` (load, check, render with the compiled template, OUT001)
over ``--reports`` departments of ``bench_batch.generate``, divided by their number, split into its load (``load``
of every file), check (``check`` of every file just loaded) and the rest (render, OUT001: the report less the two),
each the best of its own passes; a render is the best of 5
``Renderer.render_bytes`` of a department of N indicators from ``bench_check.generate`` (as bench_all's rows).
``--code DIR`` measures another tree's ``toolkit`` with its own ``bench/`` generators (e.g. a ``git archive`` of
main): run it and this checkout in turns for a before / after pair. Prints one line; exits 0.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def best(fn, runs: int) -> float:
    """The least CPU seconds of ``runs`` calls."""
    out = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        out = min(out, time.process_time() - t0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--code", help="the source tree whose toolkit is measured (default: this checkout)")
    ap.add_argument("--reports", type=int, default=60)
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()
    root = Path(args.code).resolve() if args.code else HERE.parent
    sys.path[:0] = [str(root), str(root / "bench")]  # that tree's generators, which put its toolkit first
    from bench_batch import generate as generate_batch
    from bench_check import generate

    import toolkit
    from toolkit import check, load, loads
    from toolkit.batch import render_chunk, warm
    from toolkit.word import Renderer

    figures = {}
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-cpu-") as tmp:
        files = generate_batch(Path(tmp) / "in", args.reports)
        jobs = [(str(f), str(Path(tmp) / f"{f.stem}.docx")) for f in files]
        warm()
        render_chunk(jobs[:3])
        figures["report"] = best(lambda: render_chunk(jobs), args.passes) / len(jobs)
        figures["load"] = best(lambda: [load(f) for f in files], args.passes) / len(files)
        figures["check"] = best(lambda: [check(one) for one in [load(f) for f in files]], args.passes) / len(files)
        figures["check"] -= figures["load"]
    for n in (20, 500, 2000):
        report = loads(generate(n, max(10, n // 2 * 5 // 4)), f"synthetic-{n}.yaml").report
        r = Renderer(None, default=report.outline or "hunan")
        r.render_bytes(report)
        figures[f"render {n}"] = best(lambda: r.render_bytes(report), 5)
    report, load_ms, check_ms = (figures.pop(k) * 1000 for k in ("report", "load", "check"))
    print(f"{Path(toolkit.__file__).parent.parent}: CPU ms, a worker's demo-size report {report:.1f} (load "
          f"{load_ms:.1f}, check {check_ms:.1f}, render and OUT001 {report - load_ms - check_ms:.1f}); " + ", ".join(f"{k} indicators {v * 1000:.1f}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
