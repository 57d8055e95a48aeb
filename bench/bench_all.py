"""Every speed figure of issue 13 as a ratio, measured in one run, in one table.

    python bench/bench_all.py [--quick] [--sizes 20,100,500,2000] [--runs N] [--reports N] [--startup-runs N]
                              [--only render,startup,check,batch]

Each figure is a ratio of two things measured side by side in this run, taking turns (A B A B …) so that load
from other jobs on the machine falls on both sides alike; the table gives the median (and the best) of the
ratios, the target and whether it is met. Work done in one process (render, zip, load, check, NAR006) and the
start-up commands are timed in CPU seconds (this process's, or the child's user + system time), which other jobs
on a shared machine disturb far less than wall time; the batch rows are wall time, since two workers can only
show in wall time. Rows:

* **render / docxtpl** and **render / zip** per size — a synthetic department of N 三级指标 (and N/2 named
  projects; ``bench_check.generate``) rendered by the compiled ``Renderer`` against the plain docxtpl loop
  (``bench_render.method``: same template, context and Jinja environment) and against the zip floor (the same
  parts, already in memory, written as a zip). Targets ≤ 1/8 and ≤ 1.5.
* **start-up** — ``jixiao check examples/demo-2023.yaml`` and ``jixiao --help`` (child processes with a bytecode
  cache: ``PYTHONDONTWRITEBYTECODE`` is removed from their environment) against ``python -c pass``. Target ≤ 6 for check.
* **check / load** — the 1,000-indicator department with 250 indicator texts: ``toolkit.check`` against
  ``toolkit.loads`` of the same file (check's own time is printed too: target < 0.3 s).
* **NAR006 old / new** — the pairwise difflib loop (``similarity.pairwise_copies``) against ``first_copies`` on
  that department's 250 texts (same answer asserted).
* **batch 1 / 2 workers** — ``toolkit.batch`` on demo-size reports with process pools of 1 and 2 workers
  (target ≥ 1.9 on a quiet machine), the executor's overhead (batch with 1 worker per report against the
  in-process loop, target < 5 %) and 10,000 reports extrapolated from the 2-worker batch (seconds, target < 60).

``--quick`` (about a minute): 3 runs per render size, sizes 20,100,500 (2,000 left out), 40 batch reports, 5
start-up pairs. The machine's CPU count and load average are printed with the table. Exits 0.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from bench_batch import generate as generate_batch, inproc, pooled  # noqa: E402
from bench_check import generate  # noqa: E402
from bench_render import method, timed, zip_floor  # noqa: E402

from toolkit import check, loads  # noqa: E402
from toolkit.checks.narrative import _plain  # noqa: E402
from toolkit.checks.similarity import first_copies, pairwise_copies  # noqa: E402


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, figure: str, ratios: list[float], target: str, ok: bool | None, fmt: str = "{:.2f}",
            higher: bool = False) -> None:
        """A row: the median and the best of ``ratios`` (the largest where ``higher`` is better)."""
        med, best = statistics.median(ratios), (max(ratios) if higher else min(ratios))
        verdict = "" if ok is None else ("met" if ok else "NOT met")
        self.rows.append((figure, fmt.format(med), fmt.format(best), target, verdict))

    def print(self) -> None:
        head = ("figure", "median", "best", "target", "")
        widths = [max(_width(r[i]) for r in self.rows + [head]) for i in range(5)]
        for row in [head] + self.rows:
            print("  ".join(_pad(c, w, left=(i == 0)) for i, (c, w) in enumerate(zip(row, widths))).rstrip())


def _width(s: str) -> int:
    return sum(2 if ord(c) > 0x2e80 else 1 for c in s)


def _pad(s: str, w: int, left: bool) -> str:
    gap = " " * (w - _width(s))
    return s + gap if left else gap + s


def render_rows(table: Table, sizes: list[int], runs: int, tmp: Path) -> None:
    for n in sizes:
        loaded = loads(generate(n, max(10, n // 2 * 5 // 4)), f"synthetic-{n}.yaml")
        out = tmp / f"render-{n}"
        out.mkdir()
        fns = {"renderer": method("renderer", loaded, out), "docxtpl": method("docxtpl", loaded, out)}
        times = timed(fns, runs, clock=time.process_time)  # CPU seconds of this process
        floor = [zip_floor(out / "renderer-0.docx", out / f"floor-{k}.docx", clock=time.process_time)
                 for k in range(runs)]
        vs_docxtpl = [a / b for a, b in zip(times["renderer"], times["docxtpl"])]
        vs_zip = [a / b for a, b in zip(times["renderer"], floor)]
        table.add(f"render / docxtpl, {n} indicators", vs_docxtpl, "<= 0.125", statistics.median(vs_docxtpl) <= 0.125)
        table.add(f"render / zip floor, {n} indicators", vs_zip, "<= 1.5", statistics.median(vs_zip) <= 1.5)


def _run(cmd: list[str]) -> float:
    """CPU seconds (user + system) of the command as a child process."""
    # this checkout's toolkit, whichever one the jixiao command was installed from
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    # the target is with a bytecode cache: this environment sets PYTHONDONTWRITEBYTECODE=1, so nothing ever wrote
    # the cache of a fresh checkout and every toolkit module was compiled from source in every child (≈ 100 ms)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def startup_rows(table: Table, runs: int) -> None:
    jixiao = shutil.which("jixiao", path=str(Path(sys.executable).parent)) or shutil.which("jixiao") or "jixiao"
    python = [sys.executable, "-c", "pass"]
    commands = {"check": [jixiao, "check", "examples/demo-2023.yaml"], "help": [jixiao, "--help"]}
    for cmd in [python, *commands.values()]:
        _run(cmd)  # warm-up: bytecode cache written, files in the page cache
    ratios: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            base = _run(python)
            ratios[name].append(_run(cmd) / base)
    table.add("start-up: jixiao check demo-2023 / python -c pass", ratios["check"], "<= 6",
              statistics.median(ratios["check"]) <= 6)
    table.add("start-up: jixiao --help / python -c pass", ratios["help"], "", None)


def check_rows(table: Table, runs: int) -> None:
    text = generate(1000, 500, 250)
    loads_t, check_t = [], []
    for _ in range(runs):
        t0 = time.process_time()
        loaded = loads(text, "bench.yaml")
        t1 = time.process_time()
        check(loaded)
        check_t.append(time.process_time() - t1)
        loads_t.append(t1 - t0)
    table.add("check / load, 1,000 indicators (250 texts)", [c / l for c, l in zip(check_t, loads_t)], "", None)
    table.add("check alone, same department (s)", check_t, "< 0.3", statistics.median(check_t) < 0.3, "{:.3f}")
    texts = [_plain(i.narrative) for _a, _b, i in loaded.report.indicators.all_indicators() if i.narrative]
    ratios = []
    for _ in range(max(1, runs // 2)):
        t0 = time.process_time()
        old = pairwise_copies(texts)
        t1 = time.process_time()
        new = first_copies(texts)
        t2 = time.process_time()
        assert old == new, "first_copies disagrees with the pairwise loop"
        ratios.append((t1 - t0) / (t2 - t1))
    table.add(f"NAR006 old / new ({len(texts)} texts, {len(new)} copies)", ratios, "", None, "{:.1f}", higher=True)


def _cpu() -> float:
    """CPU seconds of this process and of its reaped children (a pool's workers, once it is shut down)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def batch_rows(table: Table, reports: int, runs: int, tmp: Path) -> None:
    files = generate_batch(tmp / "in", reports)
    inproc(files[:3], tmp / "warm")
    methods = {"inproc": lambda k: inproc(files, tmp / f"inproc-{k}"),
               "batch1": lambda k: pooled(files, tmp / f"batch1-{k}", 1),
               "batch2": lambda k: pooled(files, tmp / f"batch2-{k}", 2)}
    times: dict[str, list[float]] = {m: [] for m in methods}
    cpu: dict[str, list[float]] = {m: [] for m in methods}
    for k in range(runs):
        for name, fn in methods.items():
            c0, t0 = _cpu(), time.perf_counter()
            fn(k)
            times[name].append(time.perf_counter() - t0)
            cpu[name].append(_cpu() - c0)
    speedup = [a / b for a, b in zip(times["batch1"], times["batch2"])]
    overhead = [a / b - 1 for a, b in zip(times["batch1"], times["inproc"])]
    table.add(f"batch 1 worker / 2 workers ({reports} demo-size reports)", speedup, ">= 1.9",
              statistics.median(speedup) >= 1.9, higher=True)
    table.add("batch, 1 worker / in-process loop - 1 (executor overhead)", overhead, "< 5%",
              statistics.median(overhead) < 0.05, "{:+.1%}")
    # the same in CPU time (this process and the pool's workers): what the executor costs, whatever other jobs do
    for name in ("batch1", "batch2"):
        over = [a / b - 1 for a, b in zip(cpu[name], cpu["inproc"])]
        table.add(f"batch, {name[-1]} worker(s) / in-process loop - 1, CPU", over, "< 5%",
                  statistics.median(over) < 0.05, "{:+.1%}")
    per_cpu = [c / reports * 1000 for c in cpu["inproc"]]
    table.add("CPU ms per report, in-process loop", per_cpu, "", None, "{:.1f}")
    per = [t / reports * 10_000 for t in times["batch2"]]
    table.add("10,000 reports with 2 workers, extrapolated (s)", per, "< 60", statistics.median(per) < 60, "{:.0f}")
    cold_rows(table, files[:40], runs, tmp)


def cold_rows(table: Table, files: list[Path], runs: int, tmp: Path) -> None:
    """``jixiao batch -j 2`` as a user runs it (a new process: imports, the template, the pool, the summary
    workbook), CPU of the command and its workers per report, against the in-process loop's."""
    jixiao = shutil.which("jixiao", path=str(Path(sys.executable).parent)) or shutil.which("jixiao") or "jixiao"
    folder = tmp / "cold-in"
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder / f.name)
    ratios = []
    for k in range(runs):
        c0 = _cpu()
        inproc(files, tmp / f"cold-inproc-{k}")
        loop = _cpu() - c0
        cmd = _run([jixiao, "batch", str(folder), "-o", str(tmp / f"cold-{k}"), "-j", "2"])
        ratios.append(cmd / loop)
    table.add(f"jixiao batch -j 2 ({len(files)} reports, new process) / in-process loop, CPU", ratios, "", None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs and sizes (about a minute)")
    ap.add_argument("--sizes", help="indicator counts of the render rows (default 20,100,500,2000)")
    ap.add_argument("--runs", type=int, help="runs per render size (default 7, quick 3)")
    ap.add_argument("--reports", type=int, help="demo-size reports in the batch rows (default 200, quick 40)")
    ap.add_argument("--startup-runs", type=int, help="pairs of start-up runs (default 15, quick 5)")
    ap.add_argument("--only", default="render,startup,check,batch", help="the groups of rows to measure")
    args = ap.parse_args()
    only = set(args.only.split(","))
    q = args.quick
    sizes = [int(s) for s in (args.sizes or ("20,100,500" if q else "20,100,500,2000")).split(",")]
    runs = args.runs or (3 if q else 7)
    table = Table()
    tmp = Path(tempfile.mkdtemp(prefix="jixiao-bench-all-"))
    try:
        if "render" in only:
            render_rows(table, sizes, runs, tmp)
        if "startup" in only:
            startup_rows(table, args.startup_runs or (5 if q else 15))
        if "check" in only:
            check_rows(table, 3 if q else 5)
        if "batch" in only:
            batch_rows(table, args.reports or (40 if q else 200), 2 if q else 3, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    load = os.getloadavg()
    print(f"{platform.python_implementation()} {platform.python_version()}, {platform.system()}, "
          f"{os.cpu_count()} CPUs, load average {load[0]:.2f} / {load[1]:.2f} (1 / 5 min) at the end"
          f"{', --quick' if q else ''}")
    table.print()


if __name__ == "__main__":
    main()
