"""Time ``jixiao lint`` on a 100-page report (.docx, .txt and .pdf) and on 1, 2 and 4 MB reports, built by repeating
the seed reports' text and tables.

    python bench/bench_lint.py [--pages 100] [--runs 5] [--sizes 1,2,4] [--no-pdf] [--ledger 300,1000]

A page of GB/T 9704 公文 holds 22 lines × 28 characters ≈ 616 characters; 100 pages ≈ 62 000 characters of text
(tables come on top). The .pdf is the .docx converted by LibreOffice (skipped when ``soffice`` is absent). The
size rows are .txt reports of 1, 2 and 4 MB (Word's text export, as the seeds), each linted once in a child
process whose time and peak memory (max RSS) are printed: lint must stay linear in the size of the report. Beyond
about 5.5 MB of this text a report passes the 2,000,000 characters of ``lint_chars`` (docs/limits.md) and is refused,
which the table prints as such.

The ledger rows are large 决算 tables (bench/ledger_tables.py: 类 ⊃ 款 ⊃ 项, 合计 column and row first or last, a
few 项 cells with two digits swapped; and the wide fan of 60 项 a 款 with four slips, whose long sums made the
fewest-cells search of toolkit.claims.repair take seconds) as .txt and .docx: best lint time over the best time to read the same file
(``toolkit.claims.document.read``), both CPU seconds, the ratio that must not grow with the rows.
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

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.claims import lint  # noqa: E402
from toolkit.claims.document import Paragraph, read  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
import ledger_tables  # noqa: E402

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
CHARS_PER_PAGE = 22 * 28
MB = 2**20


def seed_blocks() -> list:
    blocks = []
    for seed in sorted(SEEDS.glob("*.txt")):
        blocks += read(seed).blocks
    if not blocks:
        sys.exit(f"no seed reports in {SEEDS}")
    return blocks


def text_lines(b) -> list[str]:
    if isinstance(b, Paragraph):
        return [b.text]
    return [line for row in b.rows for line in ["\t" + text for text in row] + [""]]


def build(pages: int, out: Path) -> tuple[Path, Path, int]:
    blocks = seed_blocks()
    target = pages * CHARS_PER_PAGE
    doc, lines, chars = docx.Document(), [], 0
    while chars < target:
        for b in blocks:
            if isinstance(b, Paragraph):
                doc.add_paragraph(b.text)
                chars += len(b.text)
            else:
                width = max(len(r) for r in b.rows)
                t = doc.add_table(rows=len(b.rows), cols=width)
                t.style = "Table Grid"
                for r, row in enumerate(b.rows):
                    cells = t.rows[r].cells
                    for c, text in enumerate(row):
                        cells[c].text = text
            lines += text_lines(b)
            if chars >= target:
                break
    docx_path, txt_path = out / f"report-{pages}p.docx", out / f"report-{pages}p.txt"
    doc.save(docx_path)
    txt_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return docx_path, txt_path, chars


def build_size(megabytes: int, out: Path) -> Path:
    """A .txt report of about ``megabytes`` MB: the seeds' text and tables repeated."""
    chunk = "\n".join(line for b in seed_blocks() for line in text_lines(b)) + "\n"
    data = chunk.encode("utf-8")
    path = out / f"report-{megabytes}MB.txt"
    with open(path, "wb") as fh:
        for _ in range(max(1, megabytes * MB // len(data))):
            fh.write(data)
    return path


def to_pdf(path: Path) -> Path | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    profile = Path(tempfile.mkdtemp(prefix="lo-bench-lint-"))
    try:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(path.parent), str(path)], check=True, capture_output=True, timeout=600)
    except (subprocess.SubprocessError, OSError):
        return None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = path.with_suffix(".pdf")
    return pdf if pdf.exists() else None


def timed(path: Path, runs: int) -> tuple[float, float, float, int]:
    """(best, median wall seconds, best CPU seconds, findings): on a shared machine the CPU time is the steadier."""
    times, cpu, n = [], [], 0
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        n = len(lint(path).findings)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return min(times), statistics.median(times), min(cpu), n


_CHILD = """
import resource, sys, time
t0 = time.perf_counter()
from toolkit.claims import lint
t1 = time.perf_counter()
n = len(lint(sys.argv[1]).findings)
t2 = time.perf_counter()
print(n, t2 - t1, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def child(path: Path) -> tuple[int, float, int]:
    """(findings, seconds linting, max RSS in MB) of a lint in a fresh process (started through sh, so that its
    max RSS is its own, not this process's high-water mark)."""
    cmd = f"{sys.executable} -c {_quote(_CHILD)} {_quote(str(path))}"
    res = subprocess.run(["sh", "-c", cmd], capture_output=True, text=True, cwd=ROOT, timeout=3600,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    if res.returncode != 0 and "字符" in res.stderr and "超过" in res.stderr:
        return -1, 0.0, 0  # refused by lint_chars
    if res.returncode != 0:
        sys.exit(res.stderr)
    n, secs, rss = res.stdout.split()
    return int(n), float(secs), int(rss)


def ledger_rows(sizes: list[int], out: Path, runs: int) -> None:
    """The ledger table: per size, layout and format, best read and lint seconds and their ratio."""
    cases = []
    for n in sizes:
        for layout, fan, slips in (("first", (4, 3), 3), ("last", (4, 3), 3), ("first", (4, 60), 4)):
            rows, slipped = ledger_tables.ledger(n, layout=layout, slips=slips, seed=n, fan=fan)
            tag = f"ledger-{n}-{layout}" + ("-fan60" if fan[1] == 60 else "")
            for fmt, write in ((".txt", ledger_tables.write_txt), (".docx", ledger_tables.write_docx)):
                cases.append((n, layout + (" 60项/款" if fan[1] == 60 else ""), write(rows, out / (tag + fmt)),
                              len(slipped)))
    print("\n决算表（类/款/项，少数单元格数字错位）：检查时间 ÷ 读取时间，应不随行数增长")
    print(f"{'行数':>6}  {'版式':<12}{'格式':<7}{'错位':>5}{'发现':>6}{'读取 CPU s':>11}{'检查 CPU s':>11}{'比值':>8}")
    for n, layout, path, slips in cases:
        reads, lints, found = [], [], 0
        for _ in range(runs):  # CPU seconds: steadier than wall time on a shared machine
            t0 = time.process_time()
            read(path)
            t1 = time.process_time()
            found = len(lint(path).findings)
            t2 = time.process_time()
            reads.append(t1 - t0)
            lints.append(t2 - t1)
        r, li = min(reads), min(lints)
        print(f"{n:>6}  {layout:<12}{path.suffix:<7}{slips:>5}{found:>6}{r:>11.4f}{li:>11.3f}{li / max(r, 1e-4):>8.1f}")
        path.unlink()


def _quote(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="1,2,4", help="MB sizes of the .txt reports (comma-separated; empty: none)")
    ap.add_argument("--no-pdf", action="store_true", help="leave out the .pdf (LibreOffice conversion)")
    ap.add_argument("--ledger", default="300,1000", help="rows of the 决算 ledger tables (comma-separated; empty: none)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docx_path, txt_path, chars = build(args.pages, Path(tmp))
        paths = [docx_path, txt_path]
        pdf = None if args.no_pdf else to_pdf(docx_path)
        if pdf is not None:
            paths.append(pdf)
        print(f"{args.pages} 页报告：正文 {chars} 字（不含表格），目标 < 2 s")
        print(f"{'文件':<22}{'大小':>10}{'段落':>7}{'表格':>6}{'发现':>6}{'最快 s':>9}{'中位 s':>9}{'CPU s':>9}")
        for path in paths:
            d = read(path)
            best, median, cpu, n = timed(path, args.runs)
            size = f"{path.stat().st_size // 1024} KB"
            print(f"{path.name:<22}{size:>10}{len(d.paragraphs):>7}{len(d.tables):>6}{n:>6}{best:>9.3f}{median:>9.3f}"
                  f"{cpu:>9.3f}")
        ledgers = [int(x) for x in args.ledger.split(",") if x.strip()]
        if ledgers:
            ledger_rows(ledgers, Path(tmp), args.runs)
        sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
        if sizes:
            print("\n按大小（.txt，子进程各一次）：时间应与大小成正比")
            print(f"{'文件':<22}{'大小':>10}{'发现':>8}{'秒':>9}{'秒/MB':>8}{'内存 MB':>9}")
            for mb in sizes:
                path = build_size(mb, Path(tmp))
                n, secs, rss = child(path)
                size = path.stat().st_size / MB
                if n < 0:
                    print(f"{path.name:<22}{size:>8.1f}MB  超过 lint_chars，拒绝检查")
                else:
                    print(f"{path.name:<22}{size:>8.1f}MB{n:>8}{secs:>9.2f}{secs / size:>8.2f}{rss:>9}")
                path.unlink()


if __name__ == "__main__":
    main()
