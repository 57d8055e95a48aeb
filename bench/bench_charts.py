"""What the native charts cost a render: every example rendered with its charts and without, taking turns.

    python bench/bench_charts.py [--runs 30]

Per example (its own outline): the number of charts placed, min / median ms per report of one reused
``toolkit.word.Renderer`` (CPU time of this process, steadier than wall time on a shared machine) with the
report's charts on and with ``charts: false``, the ratio of the medians, the
.docx sizes, and the cost of the chart parts alone (``Charts.package``: chart XML, relationships, embedded
workbooks) per report. Prints a plain-text table; exits 0.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from toolkit import load  # noqa: E402
from toolkit.word import Renderer  # noqa: E402
from toolkit.word.charts import Charts  # noqa: E402
from toolkit.word.context import Figures  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-charts-") as tmp:
        for path in sorted((ROOT / "examples").glob("*.yaml")):
            on = load(path).report
            off = load(path).report
            off.charts = False
            renderer = Renderer(on.outline)
            times: dict[str, list[float]] = {"on": [], "off": []}
            sizes = {}
            for _ in range(args.runs):
                for key, report in (("on", on), ("off", off)):  # taking turns: load bursts hit both
                    out = Path(tmp) / f"{path.stem}-{key}.docx"
                    gc.collect()
                    t = time.process_time()
                    renderer.render(report, out)
                    times[key].append((time.process_time() - t) * 1000)
                    sizes[key] = out.stat().st_size
            placed = Charts(on, Figures(on))
            for name in placed.specs:
                placed(name)
            parts = []
            for _ in range(args.runs):
                t = time.process_time()
                placed.package(b"<Relationships></Relationships>", b"<Types></Types>")
                parts.append((time.process_time() - t) * 1000)
            count = sum(1 for n in zipfile.ZipFile(Path(tmp) / f"{path.stem}-on.docx").namelist()
                        if n.startswith("word/charts/chart"))
            rows.append((path.stem, on.outline, count, min(times["on"]), statistics.median(times["on"]),
                         min(times["off"]), statistics.median(times["off"]),
                         statistics.median(times["on"]) / statistics.median(times["off"]),
                         sizes["on"], sizes["off"], statistics.median(parts)))
    print(f"{args.runs} renders per case and setting; ms per report")
    head = ("case", "outline", "charts", "on min", "on med", "off min", "off med", "on/off", "KB on", "KB off",
            "parts med")
    print(" | ".join(head))
    for r in rows:
        print(f"{r[0]} | {r[1]} | {r[2]} | {r[3]:.1f} | {r[4]:.1f} | {r[5]:.1f} | {r[6]:.1f} | {r[7]:.2f} | "
              f"{r[8] / 1024:.1f} | {r[9] / 1024:.1f} | {r[10]:.2f}")


if __name__ == "__main__":
    main()
