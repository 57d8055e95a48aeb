"""Batch throughput: ``toolkit.batch`` with 1 and 2 workers, against the in-process loop and a shell loop of the CLI.

    python bench/bench_batch.py [--reports 200] [--runs 3] [--shell 5] [--dask] [--cli]

Material: ``--reports`` demo-size departments generated from the made-up examples (``demo-2023`` twice for every
``sichuan-demo-2021``, each unit renamed so no two reports are alike), written to a temporary directory. Methods,
taking turns run by run so that load from other jobs falls on all of them alike:

* ``inproc``  — one process, one loop: what each worker runs (``toolkit.batch.render_chunk``: ``load`` → ``check``
  → ``Renderer.render`` with the compiled renderer → OUT001's read-back), with no executor;
* ``batch1`` / ``batch2`` — :func:`toolkit.batch.batch` with a process pool of 1 / 2 workers (pool start-up, chunked
  submission, results and progress included; no summary workbook);
* ``shell``   — ``for f in …; do jixiao render "$f" -o …; done`` on ``--shell`` files: what a user's script pays;
* ``dask2``   — with ``--dask``: the same batch on a local Dask cluster of 2 worker processes (cluster start-up not
  timed).

Printed: seconds per run (min / median), ms per report, and the ratios from the same run: batch2 / batch1 speed-up
(target ≥ 1.9 on a quiet 2-core machine), batch1 per report / inproc per report (the executor's overhead, target
< 5 %), shell per report / batch2 per report, and the extrapolated time of 10,000 reports with 2 workers (target
< 60 s). ``--cli`` also runs ``jixiao batch`` on the reports with 2 workers once, showing its progress bar and writing
the summary workbook. Exits 0.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT)]

from toolkit import load  # noqa: E402
from toolkit.batch import batch, render_chunk  # noqa: E402


def generate(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    sources = [ROOT / "examples" / "demo-2023.yaml", ROOT / "examples" / "demo-2023.yaml",
               ROOT / "examples" / "sichuan-demo-2021.yaml"]
    texts = [(p.read_text(encoding="utf-8"), load(p).report.unit.name) for p in sources]
    out = []
    for k in range(n):
        text, name = texts[k % 3]
        path = folder / f"dept-{k:05d}.yaml"
        path.write_text(text.replace(name, f"{name}{k}"), encoding="utf-8")
        out.append(path)
    return out


def inproc(files: list[Path], outdir: Path) -> None:
    """The workers' own work in this process, one loop: :func:`toolkit.batch.render_chunk` on every file (load →
    check → render with the compiled renderer → OUT001), so that batch1 / inproc is the executor's cost alone."""
    outdir.mkdir(exist_ok=True)
    rows = render_chunk([(str(f), str(outdir / f"{f.stem}.docx")) for f in files])
    assert all(r.ok for r in rows), [r for r in rows if not r.ok][:1]


def pooled(files: list[Path], outdir: Path, workers: int) -> None:
    result = batch(files, outdir, workers=workers, summary=False)
    assert not result.failed, result.failed[:1]


def shell(files: list[Path], outdir: Path) -> None:
    outdir.mkdir(exist_ok=True)
    jixiao = _jixiao()
    script = 'for f in "$@"; do "$J" render "$f" -o "$O/$(basename "$f" .yaml).docx" >/dev/null || exit 1; done'
    env = dict(os.environ, J=jixiao, O=str(outdir))
    subprocess.run(["sh", "-c", script, "sh", *map(str, files)], check=True, env=env)


def _jixiao() -> str:
    """The jixiao command beside this Python (a virtual environment not activated), else the one on PATH."""
    return shutil.which("jixiao", path=str(Path(sys.executable).parent)) or shutil.which("jixiao") or "jixiao"


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shell", type=int, default=5, help="files in the shell loop of jixiao render")
    ap.add_argument("--dask", action="store_true", help="also run on a local Dask cluster of 2 workers")
    ap.add_argument("--cli", action="store_true", help="also run jixiao batch once (progress bar, summary workbook)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="jixiao-bench-batch-"))
    try:
        files = generate(tmp / "in", args.reports)
        inproc(files[:3], tmp / "warm")  # imports and the compiled templates, for every method alike
        methods = {
            "inproc": lambda k: inproc(files, tmp / f"inproc-{k}"),
            "batch1": lambda k: pooled(files, tmp / f"batch1-{k}", 1),
            "batch2": lambda k: pooled(files, tmp / f"batch2-{k}", 2),
        }
        counts = {"inproc": len(files), "batch1": len(files), "batch2": len(files)}
        if args.shell:
            methods["shell"] = lambda k: shell(files[:args.shell], tmp / f"shell-{k}")
            counts["shell"] = min(args.shell, len(files))
        cluster = client = None
        if args.dask:
            from distributed import Client, LocalCluster

            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
            executor = client.get_executor()
            batch(files[:4], tmp / "dask-warm", executor=executor, workers=2, summary=False)
            methods["dask2"] = lambda k: batch(files, tmp / f"dask2-{k}", executor=executor, workers=2, summary=False)
            counts["dask2"] = len(files)
        times: dict[str, list[float]] = {m: [] for m in methods}
        for k in range(args.runs):
            for name, fn in methods.items():
                times[name].append(timed(lambda: fn(k)))
        if client is not None:
            client.close()
            cluster.close()
        load1 = os.getloadavg()[0]
        print(f"{len(files)} demo-size reports, {args.runs} runs, {os.cpu_count()} CPUs, load average {load1:.2f}")
        print(f"{'method':<8} {'files':>6} {'min s':>8} {'median s':>9} {'ms/report (min)':>16} {'ms/report (med)':>16}")
        per = {}
        for name, ts in times.items():
            n = counts[name]
            per[name] = (min(ts) / n * 1000, statistics.median(ts) / n * 1000)
            print(f"{name:<8} {n:>6} {min(ts):>8.2f} {statistics.median(ts):>9.2f} {per[name][0]:>16.1f} {per[name][1]:>16.1f}")
        print()
        speedup = [min(times["batch1"]) / min(times["batch2"]), statistics.median(times["batch1"]) / statistics.median(times["batch2"])]
        overhead = [per["batch1"][0] / per["inproc"][0] - 1, per["batch1"][1] / per["inproc"][1] - 1]
        print(f"batch2 speed-up over batch1 (min / med): {speedup[0]:.2f} / {speedup[1]:.2f}   (target >= 1.9)")
        print(f"batch1 per report over inproc (min / med): {overhead[0]:+.1%} / {overhead[1]:+.1%}   (target < +5%)")
        if "shell" in per:
            print(f"shell loop per report / batch2 per report (min / med): {per['shell'][0] / per['batch2'][0]:.0f}x / "
                  f"{per['shell'][1] / per['batch2'][1]:.0f}x")
        if "dask2" in per:
            print(f"dask2 per report / batch2 per report (min / med): {per['dask2'][0] / per['batch2'][0]:.2f} / "
                  f"{per['dask2'][1] / per['batch2'][1]:.2f}")
        print(f"10,000 reports with 2 workers, extrapolated (min / med): {per['batch2'][0] * 10:.0f} s / "
              f"{per['batch2'][1] * 10:.0f} s   (target < 60 s)")
        if args.cli:
            print()
            subprocess.run([_jixiao(), "batch", str(tmp / "in"), "-o", str(tmp / "cli"),
                            "-j", "2"], check=False)
            print("summary:", sorted(p.name for p in (tmp / "cli").glob("汇总.*")))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
