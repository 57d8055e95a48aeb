"""Time ``jixiao lint`` on a 100-page report (.docx and .txt), built by repeating the seed reports' text and tables.

    python bench/bench_lint.py [--pages 100] [--runs 5]

A page of GB/T 9704 公文 holds 22 lines × 28 characters ≈ 616 characters; 100 pages ≈ 62 000 characters of text
(tables come on top). Prints a table of the size of each file, the findings and the best and median time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.claims import lint  # noqa: E402
from toolkit.claims.document import Paragraph, read  # noqa: E402

SEEDS = ROOT / ".." / "shared" / "seeds"
CHARS_PER_PAGE = 22 * 28


def build(pages: int, out: Path) -> tuple[Path, Path, int]:
    blocks = []
    for seed in sorted(SEEDS.glob("*.txt")):
        blocks += read(seed).blocks
    if not blocks:
        sys.exit(f"no seed reports in {SEEDS}")
    target = pages * CHARS_PER_PAGE
    doc, lines, chars = docx.Document(), [], 0
    while chars < target:
        for b in blocks:
            if isinstance(b, Paragraph):
                doc.add_paragraph(b.text)
                lines.append(b.text)
                chars += len(b.text)
            else:
                width = max(len(r) for r in b.rows)
                t = doc.add_table(rows=len(b.rows), cols=width)
                for r, row in enumerate(b.rows):
                    cells = t.rows[r].cells
                    for c, text in enumerate(row):
                        cells[c].text = text
                    lines += ["\t" + text.replace("\n", "\n") for text in row] + [""]
            if chars >= target:
                break
    docx_path, txt_path = out / "report-100p.docx", out / "report-100p.txt"
    doc.save(docx_path)
    txt_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return docx_path, txt_path, chars


def timed(path: Path, runs: int) -> tuple[float, float, int]:
    times, n = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        n = len(lint(path).findings)
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docx_path, txt_path, chars = build(args.pages, Path(tmp))
        print(f"{args.pages} 页报告：正文 {chars} 字（不含表格），目标 < 2 s")
        print(f"{'文件':<22}{'大小':>10}{'段落':>7}{'表格':>6}{'发现':>6}{'最快 s':>9}{'中位 s':>9}")
        for path in (docx_path, txt_path):
            d = read(path)
            best, median, n = timed(path, args.runs)
            size = f"{path.stat().st_size // 1024} KB"
            print(f"{path.name:<22}{size:>10}{len(d.paragraphs):>7}{len(d.tables):>6}{n:>6}{best:>9.3f}{median:>9.3f}")


if __name__ == "__main__":
    main()
