"""Time rendering reports to .docx: one compiled ``Renderer`` against a plain docxtpl load-render-save loop.

    python bench/bench_render.py [--runs 20] [--indicators 200] [--projects 100] [--cli-runs 5] [--no-memory]

Cases: every ``examples/*.yaml`` and a synthetic large department (``--indicators`` 三级指标, ``--projects``
named projects; YAML text from ``bench_check.generate``, loaded with ``toolkit.loads``). Each case renders the
report ``--runs`` times with each method, writing into a temporary directory:

* ``renderer``  — one :class:`toolkit.word.Renderer` built once (its compile time is shown apart), then
  ``Renderer.render(report, out)`` per report: the batch path.
* ``docxtpl``   — the plain loop, per report: ``DocxTemplate(path)`` -> ``render(context)`` -> ``save(out)`` on
  the same built-in template file, with the context built by the same function the Renderer uses
  (``Renderer.context`` + a fresh ``Numbering``) and the same kind of Jinja environment (sandboxed, autoescape,
  StrictUndefined), so both sides differ only in template handling.
* ``oneshot``   — ``toolkit.word.render(loaded, out)`` in a warm process (its per-process renderer cache hits).
* ``cold``      — the same call with that cache emptied first: what each ``jixiao render`` invocation pays for
  the template (imports aside).

Figures per report: min and median ms; ``compile`` is one ``Renderer(...)`` (paid once per batch, and by ``cold``
per report); ``ctx`` the median of ``Renderer.context`` alone, work both ``renderer`` and ``docxtpl`` do (Markdown
blocks are converted later, when the template calls ``md()``), so it bounds the ratio from below; ``ratio`` = renderer median / docxtpl median (product target <= 0.20).
``same`` says whether the renderer's and docxtpl's documents hold the same text. Memory, measured in a child
process per case and method so the figures do not mix: tracemalloc peak over a batch of ``--runs`` reports, and
the child's max RSS (``resource.getrusage``) before and after the batch. Last, wall time of whole CLI commands
(start-up is what a user feels), as this environment runs them and with Python's bytecode cache allowed. Then the PDF
table: LibreOffice's cost per report (``toolkit.pdf.convert``) for one file and for ``--pdf-batch`` files in one run,
relative to the render, and the render relative to the plain docxtpl loop and to the zip floor (writing the same
parts, already in memory, as a zip). Prints plain-text tables; exits 0.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from bench_check import generate  # noqa: E402
from docxtpl import DocxTemplate  # noqa: E402
import jinja2  # noqa: E402
from jinja2.sandbox import SandboxedEnvironment  # noqa: E402
from lxml import etree  # noqa: E402

from toolkit import load, loads  # noqa: E402
from toolkit.word import Renderer  # noqa: E402
from toolkit.word.context import Numbering  # noqa: E402

import toolkit.word as render_package  # noqa: E402

METHODS = ("renderer", "docxtpl", "oneshot", "cold")
LARGE = "synthetic"


def cases(indicators: int, projects: int, large: bool) -> dict[str, object]:
    """Case name -> Loaded."""
    out: dict[str, object] = {p.stem: load(p) for p in sorted((ROOT / "examples").glob("*.yaml"))}
    if large:
        # bench_check.generate makes 4/5 of its budget lines named projects; indicators come in groups of 20
        out[LARGE] = loads(generate(indicators, projects * 5 // 4), f"{LARGE}.yaml")
    return out


def method(name: str, loaded, out: Path) -> Callable[[int], None]:
    """A function rendering report number ``i`` to a file under ``out`` with the named method."""
    report = loaded.report
    if name == "renderer":
        r = Renderer(None, default=report.outline or "hunan")
        return lambda i: r.render(report, out / f"renderer-{i}.docx")
    if name == "docxtpl":
        r = Renderer(None, default=report.outline or "hunan")  # only for its path and its context function
        env = SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)

        def plain(i: int) -> None:
            ctx = r.context(report)
            ctx["num"] = Numbering()
            tpl = DocxTemplate(str(r.path))
            tpl.render(ctx, jinja_env=env)
            tpl.save(str(out / f"docxtpl-{i}.docx"))
        return plain
    if name == "oneshot":
        return lambda i: render_package.render(loaded, out / f"oneshot-{i}.docx")
    if name == "cold":
        def cold(i: int) -> None:
            render_package._CACHE.clear()  # what a fresh `jixiao render` process starts with
            render_package.render(loaded, out / f"cold-{i}.docx")
        return cold
    raise ValueError(name)


def timed(fns: dict[str, Callable[[int], None]], runs: int,
          clock: Callable[[], float] = time.perf_counter) -> dict[str, list[float]]:
    """Seconds per call of each function; the functions take turns, so a load burst on the machine (other jobs)
    hits every method alike instead of the one that happened to be running. Garbage is collected outside the
    timings (the plain docxtpl loop leaves lxml trees in reference cycles, which would slow the next caller's
    collections), which slightly favours docxtpl, the baseline."""
    for fn in fns.values():
        fn(-1)  # warm-up: imports, first compile, caches
    times: dict[str, list[float]] = {name: [] for name in fns}
    for i in range(runs):
        for name, fn in fns.items():
            gc.collect()  # start each call from a clean heap: no method pays for collecting another's garbage
            t0 = clock()
            fn(i)
            times[name].append(clock() - t0)
    return times


def text_of(path: Path) -> str:
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return "\n".join("".join(t.text or "" for t in p.iter(f"{ns}t")) for p in root.iter(f"{ns}p"))


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def child(args: argparse.Namespace) -> None:
    """Run one batch of one method on one case under tracemalloc; print a JSON line of memory figures."""
    loaded = cases(args.indicators, args.projects, args.case == LARGE)[args.case]
    with tempfile.TemporaryDirectory() as tmp:
        rss0 = max_rss_mb()
        tracemalloc.start()
        fn = method(args.child, loaded, Path(tmp))  # a Renderer's compile belongs to its batch
        for i in range(args.runs):
            fn(i)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(json.dumps({"peak": peak / 2**20, "rss0": rss0, "rss": max_rss_mb()}))


def memory(case: str, name: str, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--child", name, "--case", case, "--runs", str(args.runs),
           "--indicators", str(args.indicators), "--projects", str(args.projects)]
    # Through sh, not straight from here: on Linux a child's ru_maxrss starts at its parent's max RSS (the kernel
    # carries the parent's high-water mark over fork + exec), so a direct child would report this big process.
    done = subprocess.run(["sh", "-c", '"$@"; :', "sh", *cmd], capture_output=True, text=True, cwd=ROOT)
    lines = done.stdout.strip().splitlines()
    if not lines or not lines[-1].startswith("{"):
        return {"error": (done.stderr.strip().splitlines() or ["no output"])[-1]}
    return json.loads(lines[-1])


def cli_times(runs: int, out: Path) -> list[tuple[str, list[float], int]]:
    py = sys.executable
    jixiao = shutil.which("jixiao") or ""
    demo = str(ROOT / "examples" / "demo-2023.yaml")
    commands = [
        ("python -c pass", [py, "-c", "pass"]),
        ("python -c 'import toolkit'", [py, "-c", "import toolkit"]),
        ("python -m toolkit.cli --help", [py, "-m", "toolkit.cli", "--help"]),
    ]
    if jixiao:
        commands += [
            ("jixiao --help", [jixiao, "--help"]),
            ("jixiao check demo-2023.yaml", [jixiao, "check", demo]),
            ("jixiao render demo-2023.yaml", [jixiao, "render", demo, "-o", str(out / "cli.docx")]),
        ]
    # Two environments: this one as given, and one where Python may cache bytecode (in a temporary folder, not
    # in the checkout), as in a normal install; with PYTHONDONTWRITEBYTECODE set and no __pycache__ in the
    # checkout, every start compiles the toolkit's sources again.
    pyc = dict(os.environ, PYTHONPYCACHEPREFIX=str(out / "pycache"))
    pyc.pop("PYTHONDONTWRITEBYTECODE", None)
    rows = []
    for label, cmd in commands:
        row = []
        for env in (None, pyc):
            times, rc = [], 0
            for _ in range(runs + 1):  # the first run warms the disk cache (and writes .pyc); not counted
                t0 = time.perf_counter()
                rc = subprocess.run(cmd, capture_output=True, cwd=out, env=env).returncode
                times.append(time.perf_counter() - t0)
            row.append((times[1:], rc))
        rows.append((label, row))
    return rows


def zip_floor(path: Path, out: Path, clock: Callable[[], float] = time.perf_counter) -> float:
    """Seconds (of ``clock``) to write a rendered report's parts, already in memory, as a new zip: what any
    renderer pays that writes the package as zipfile does (and docxtpl, through python-docx, does). The floor
    writes every part of the renderer's own output (the same names, the same inflated bytes, in its order) with
    ``writestr`` at zipfile's default level 6, the template's unchanging parts (styles, fonts, theme, settings …)
    included. The renderer does less on both counts: it copies those parts as they were compressed once per
    template (``toolkit/word/package.py``) and deflates only the parts it writes for the report, at level 3
    (``renderer.LEVEL``); render / zip floor therefore says how far the whole render is from merely writing the
    .docx the usual way, not from the renderer's own package writing."""
    with zipfile.ZipFile(path) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    t0 = clock()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for info, data in parts:
            z.writestr(info.filename, data)
    return clock() - t0


def pdf_table(loaded_cases: dict, out: Path, batch: int) -> None:
    """PDF cost per report (toolkit.pdf: one LibreOffice run for 1 file, and for ``batch`` files) against the
    render; the render against the plain docxtpl loop and against the zip floor."""
    import shutil as _shutil

    from toolkit import pdf

    print(f"PDF (LibreOffice {'found' if pdf.available() else 'MISSING'}): ms per report; ratios to the renderer's "
          f"median render of the same report")
    head = f"{'case':<24}{'render':>8}{'docxtpl':>9}{'zip':>7}{'pdf 1':>9}{f'pdf {batch}/call':>14}" \
           f"{'pdf1/render':>12}{'pdfN/render':>12}{'render/docxtpl':>15}{'render/zip':>11}"
    print(head)
    print("-" * len(head))
    if not pdf.available() or _shutil.which("pdftotext") is None:
        print("(skipped: soffice is not installed)")
        return
    for name, loaded in loaded_cases.items():
        if name == LARGE:
            continue
        fns = {m: method(m, loaded, out) for m in ("renderer", "docxtpl")}
        times = timed(fns, 5)
        render_ms = statistics.median(times["renderer"]) * 1000
        docxtpl_ms = statistics.median(times["docxtpl"]) * 1000
        docx = out / "renderer-0.docx"
        zip_ms = min(zip_floor(docx, out / "floor.docx") for _ in range(5)) * 1000
        one = []
        for _ in range(2):
            t0 = time.perf_counter()
            pdf.convert([docx], out)
            one.append(time.perf_counter() - t0)
        copies = []
        for i in range(batch):
            c = out / f"batch-{i}.docx"
            _shutil.copyfile(docx, c)
            copies.append(c)
        t0 = time.perf_counter()
        pdf.convert(copies, out)
        per = (time.perf_counter() - t0) / batch * 1000
        one_ms = min(one) * 1000
        print(f"{name:<24}{render_ms:>8.1f}{docxtpl_ms:>9.1f}{zip_ms:>7.1f}{one_ms:>9.0f}{per:>14.0f}"
              f"{one_ms / render_ms:>12.0f}{per / render_ms:>12.0f}{render_ms / docxtpl_ms:>15.2f}"
              f"{render_ms / zip_ms:>11.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20, help="reports rendered per case and method")
    ap.add_argument("--indicators", type=int, default=200, help="三级指标 in the synthetic department")
    ap.add_argument("--projects", type=int, default=100, help="named projects in the synthetic department")
    ap.add_argument("--no-large", action="store_true", help="skip the synthetic department")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory batches (child processes)")
    ap.add_argument("--cli-runs", type=int, default=5)
    ap.add_argument("--pdf-batch", type=int, default=20, help="reports per LibreOffice run in the PDF table (0: skip)")
    ap.add_argument("--child", choices=METHODS, help=argparse.SUPPRESS)
    ap.add_argument("--case", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)

    loaded_cases = cases(args.indicators, args.projects, not args.no_large)
    print(f"bench_render: {args.runs} reports per case and method; {os.cpu_count()} CPUs; Python "
          f"{sys.version.split()[0]}; load average {os.getloadavg()[0]:.2f}; ms per report")
    head = (f"{'case':<24}{'ind':>5}{'proj':>5}{'KB':>5}{'compile':>9}{'ctx':>6}"
            + "".join(f"{m + ' min':>13}{'med':>7}" for m in METHODS) + f"{'ratio':>7}{'same':>6}")
    print(head)
    print("-" * len(head))
    ratios = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for name, loaded in loaded_cases.items():
            report = loaded.report
            t0 = time.perf_counter()
            r = Renderer(None, default=report.outline or "hunan")
            compile_ms = (time.perf_counter() - t0) * 1000
            fns = {"ctx": lambda i: r.context(report)} | {m: method(m, loaded, out) for m in METHODS}
            times = timed(fns, args.runs)
            mins = {m: min(ts) * 1000 for m, ts in times.items()}
            med = {m: statistics.median(ts) * 1000 for m, ts in times.items()}
            ctx_ms = med["ctx"]
            ratios[name] = med["renderer"] / med["docxtpl"]
            same = text_of(out / "renderer-0.docx") == text_of(out / "docxtpl-0.docx")
            n_ind = sum(1 for _ in report.indicators.all_indicators())
            n_proj = len(report.budget.expenditure.project.items) if report.budget.expenditure.project else 0
            kb = (out / "renderer-0.docx").stat().st_size // 1024
            print(f"{name:<24}{n_ind:>5}{n_proj:>5}{kb:>5}{compile_ms:>9.1f}{ctx_ms:>6.1f}"
                  + "".join(f"{mins[m]:>13.1f}{med[m]:>7.1f}" for m in METHODS)
                  + f"{ratios[name]:>7.2f}{'yes' if same else 'NO':>6}")
        worst = max(ratios, key=ratios.get)
        verdict = "met" if ratios[worst] <= 0.2 else "NOT met"
        print(f"target renderer <= 1/5 of docxtpl: {verdict} (worst ratio {ratios[worst]:.2f}, {worst})")
        print(f"main process max RSS: {max_rss_mb():.0f} MB")

        if not args.no_memory:
            print()
            print(f"memory: one child process per case and method, batch of {args.runs} reports "
                  "(a renderer's compile included); MB")
            mhead = f"{'case':<24}" + "".join(f"{m + ' peak':>15}{'RSS':>6}" for m in METHODS)
            print(mhead + f"{'   (RSS before batch)':<22}")
            print("-" * (len(mhead) + 22))
            for name in loaded_cases:
                res = {m: memory(name, m, args) for m in METHODS}
                cells = "".join(f"{'error':>21}" if "error" in r else f"{r['peak']:>15.1f}{r['rss']:>6.0f}"
                                for r in res.values())
                before = "/".join(f"{r['rss0']:.0f}" for r in res.values() if "error" not in r)
                print(f"{name:<24}{cells}   {before}")
                for m, r in res.items():
                    if "error" in r:
                        print(f"  {m}: {r['error']}")

        if args.pdf_batch:
            print()
            pdf_table(loaded_cases, out, args.pdf_batch)

        print()
        dwb = os.environ.get("PYTHONDONTWRITEBYTECODE") or "unset"
        print(f"CLI wall time, {args.cli_runs} runs after one warm-up; s. 'as is': this environment "
              f"(PYTHONDONTWRITEBYTECODE={dwb}); '.pyc': bytecode cached")
        print(f"{'command':<32}{'as is min':>10}{'median':>8}{'.pyc min':>10}{'median':>8}{'exit':>6}")
        print("-" * 74)
        for label, ((ts, rc), (tp, rcp)) in cli_times(args.cli_runs, out):
            print(f"{label:<32}{min(ts):>10.3f}{statistics.median(ts):>8.3f}{min(tp):>10.3f}"
                  f"{statistics.median(tp):>8.3f}{rc:>6}")


if __name__ == "__main__":
    main()
