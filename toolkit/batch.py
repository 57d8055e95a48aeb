"""Render many departments at once: ``jixiao batch DIR|GLOB… -o OUTDIR``.

Each file is loaded and checked first, as ``jixiao render`` does: a file with errors is not rendered (unless
``force``) and is reported; a file that cannot be read is reported with its message; neither stops the others. A
summary workbook and CSV (部门, 年度, 格式, 得分, 等级, 错误, 警告, 输出文件, 状态) are written beside the reports.

Work goes to a :class:`concurrent.futures.Executor`: by default a process pool (forked on Linux, so the workers
start with the toolkit imported), or any executor a caller passes — ``distributed.Client(address).get_executor()``
runs the same batch on a Dask cluster (its workers must have jixiao installed and see the same paths). Files are
submitted in chunks, so the executor's cost per task is spread over several reports; each worker compiles a
template once (:func:`toolkit.word.renderer_for` caches it per process) and renders every report of its chunks with
it. ``max_tasks_per_child`` is not used (it deadlocks before Python 3.14).
"""
from __future__ import annotations

import concurrent.futures as cf
import csv
import gc
import glob
import io
import multiprocessing
import os
from dataclasses import astuple, dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .errors import InputError, JixiaoError, OutputError, Problem

#: statuses, as the summary prints them
DONE = "已生成"
REFUSED = "有错误，未生成"
UNREADABLE = "无法读取"
FAILED = "生成失败"

#: at most this many reports per task (a task costs ~0.1 ms on a process pool, more on Dask; a demo-size report ~15 ms)
MAX_CHUNK = 16


@dataclass
class Row:
    """One department in the summary."""

    department: str | None
    year: int | None
    outline: str | None
    score: Decimal | None
    grade: str | None
    errors: int
    warnings: int
    output: str | None
    status: str
    source: str
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status == DONE


#: the summary's column headings, in the order of :class:`Row`
HEADINGS = ["部门", "年度", "格式", "得分", "等级", "错误", "警告", "输出文件", "状态", "数据文件", "说明"]


@dataclass
class BatchResult:
    rows: list[Row]
    summary_xlsx: Path | None = None
    summary_csv: Path | None = None

    @property
    def failed(self) -> list[Row]:
        return [r for r in self.rows if not r.ok]

    @property
    def exit_code(self) -> int:
        """0 every report written; 1 some refused for errors; 2 some unreadable or failed."""
        if any(r.status in (UNREADABLE, FAILED) for r in self.rows):
            return 2
        return 1 if self.failed else 0


def collect(inputs: Iterable[str | Path]) -> list[Path]:
    """The YAML files named by ``inputs``: files, directories (every *.yaml / *.yml inside, recursively) and glob
    patterns, each file once, in the order given (sorted within a directory or pattern)."""
    found: list[Path] = []
    missing: list[Problem] = []
    for item in inputs:
        text = str(item)
        p = Path(text)
        if p.is_dir():
            found += sorted(q for q in p.rglob("*") if q.suffix.lower() in (".yaml", ".yml") and q.is_file())
        elif p.is_file():
            found.append(p)
        elif glob.has_magic(text):
            matches = sorted(Path(m) for m in glob.glob(text, recursive=True) if Path(m).is_file())
            if not matches:
                missing.append(Problem("没有与此模式匹配的文件", text))
            found += matches
        else:
            missing.append(Problem("文件或目录不存在", text))
    if missing:
        raise InputError(missing)
    seen: set[Path] = set()
    out = []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def output_names(files: Sequence[Path], outdir: Path, suffix: str = ".docx") -> list[Path]:
    """One output per file, named after it; files of the same name in different folders get the folder too."""
    stems = [f.stem for f in files]
    out = []
    for f, stem in zip(files, stems):
        name = stem if stems.count(stem) == 1 else f"{f.parent.name}-{stem}"
        out.append(outdir / f"{name}{suffix}")
    return out


def render_one(source: str, output: str, outline: str | None = None, force: bool = False) -> Row:
    """Load, check and (when clean, or ``force``) render one file through :func:`toolkit.render` (which holds
    the refuse-on-errors gate); never raises for a bad file. The template is compiled once per process."""
    from . import derive, load, render
    from .errors import ReportHasErrors

    try:
        loaded = load(source)
    except JixiaoError as exc:
        return Row(None, None, None, None, None, 0, 0, None, UNREADABLE, source, str(exc))
    report = loaded.report
    row = Row(report.unit.name, report.year, outline or report.outline, derive.total_score(report),
              derive.grade(report), 0, 0, None, DONE, source)
    try:
        result = render(loaded, output, template=outline, force=force).result
        row.output = output
    except ReportHasErrors as exc:
        result = exc.result
        first = next(f for f in result.sorted() if f.severity == "error")
        row.status, row.message = REFUSED, first.text().split("\n")[0]
    except JixiaoError as exc:
        row.status, row.message, row.score, row.grade = FAILED, str(exc), None, None
        return row
    except Exception as exc:  # a bug must not stop the other departments: reported, with its type
        row.status, row.score, row.grade = FAILED, None, None
        row.message = f"内部错误（{type(exc).__name__}: {exc}），请报告此问题"
        return row
    row.errors, row.warnings = result.errors, result.warnings
    return row


def render_chunk(jobs: list[tuple[str, str]], outline: str | None = None, force: bool = False,
                 pdf: bool = False) -> list[Row]:
    """The task a worker runs: several files, one after another, with the worker's compiled template."""
    rows = [render_one(src, out, outline, force) for src, out in jobs]
    if pdf:
        _to_pdf(rows)
    return rows


def _to_pdf(rows: list[Row]) -> None:
    """Convert the chunk's reports with one LibreOffice run (toolkit.pdf: a private profile per run)."""
    done = [r for r in rows if r.ok]
    if not done:
        return
    from . import pdf  # the library PDF converter (many files per soffice call)

    try:
        pdfs = pdf.convert([r.output for r in done])
    except JixiaoError as exc:
        for r in done:
            r.status, r.message = FAILED, f"PDF 转换失败：{exc}"
        return
    for r, p in zip(done, pdfs):
        r.output = str(p)


def pdf_available() -> bool:
    """Whether ``pdf=True`` can work here: the converter module and LibreOffice are both present."""
    try:
        from . import pdf
    except ImportError:
        return False
    return bool(pdf.available())


def chunk_sizes(n: int, workers: int) -> list[int]:
    """The reports of each task, in the order tasks are submitted (and run): each a quarter of what is left per
    worker, at most :data:`MAX_CHUNK` — large tasks first, so the executor's cost per task is spread thin, then
    smaller and smaller ones down to single reports, so that the workers finish together (with equal tasks the
    last one left a worker idle for up to a whole task, ≈ 6 % of a 200-report batch on two workers)."""
    sizes = []
    left, per = n, 4 * max(1, workers)
    while left > 0:
        size = max(1, min(MAX_CHUNK, left // per))
        sizes.append(size)
        left -= size
    return sizes


def warm(outline: str | None = None) -> None:
    """A worker's start: the template compiled (``outline``, or the built-in default that most files name)
    before its first task, so no chunk pays for it; a template that cannot be compiled is left for the file that
    uses it to report."""
    from .word import renderer_for

    try:
        renderer_for(outline)
    except Exception:  # reported per file by render_one, with its message
        pass


def prepare(outline: str | None = None) -> None:
    """What every worker needs, done once in the process that forks them: the loader, the checks and the renderer
    imported and the template compiled (:func:`warm`), so that forked workers start with them instead of each
    importing and compiling them again."""
    from . import checks, load  # noqa: F401
    from .word import printed  # noqa: F401

    warm(outline)


def forks() -> bool:
    """Whether :func:`default_executor` forks its workers (they then inherit what this process has made)."""
    return "fork" in multiprocessing.get_all_start_methods()


def default_executor(workers: int | None = None, outline: str | None = None) -> cf.Executor:
    """A process pool; forked where the platform allows it (the workers inherit the imported toolkit), each
    worker compiling the template once as it starts (:func:`warm`: nothing to do when the parent has compiled it,
    :func:`prepare`)."""
    context = multiprocessing.get_context("fork") if forks() else None
    return cf.ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1, mp_context=context,
                                  initializer=warm, initargs=(outline,))


def batch(inputs: Iterable[str | Path], outdir: str | Path, *, outline: str | None = None,
          workers: int | None = None, executor: cf.Executor | None = None, force: bool = False, pdf: bool = False,
          progress: Callable[[int, int, Row], None] | None = None, summary: bool = True) -> BatchResult:
    """Render every file of ``inputs`` into ``outdir``; returns the rows (in input order) and the summaries.

    ``executor`` (any :class:`concurrent.futures.Executor`, e.g. a Dask client's) is used as given and not shut
    down; without it a process pool of ``workers`` (default: the CPU count) is made for the batch. ``progress`` is
    called after each report as ``progress(done, total, row)``.
    """
    files = collect(inputs)
    outdir = Path(outdir)
    if outdir.exists() and not outdir.is_dir():
        raise OutputError(f"{outdir}: 这是一个文件，请给出输出目录")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{outdir}: 无法创建输出目录：{exc.strerror or exc}") from None
    if outline is not None:
        from .templates import resolve

        resolve(outline)  # a bad template name is one message, not one per file
    if pdf and not pdf_available():
        raise OutputError("无法导出 PDF：本机没有 LibreOffice（soffice）。Debian/Ubuntu 可安装：apt-get install libreoffice-writer-nogui")
    outputs = output_names(files, outdir)
    own = executor is None
    # a pool of our own shares this directory: paths as the user wrote them (and as messages show them); another
    # executor's workers (a Dask cluster) may not, so they get absolute paths
    where = (lambda p: str(p)) if own else (lambda p: str(p.resolve()))
    jobs = [(where(f), where(o)) for f, o in zip(files, outputs)]
    forked = own and forks()
    if forked:
        prepare(outline)
    pool = default_executor(workers, outline) if own else executor
    n_workers = workers or os.cpu_count() or 1
    chunks, k = [], 0
    for size in chunk_sizes(len(jobs), n_workers):
        chunks.append((k, jobs[k:k + size]))
        k += size
    rows: list[Row | None] = [None] * len(jobs)
    done = 0
    try:
        if forked:
            # A forked pool starts its workers at the first submit. The objects alive now are left out of the
            # collector until then, so the workers' collections never walk (and copy, page by page) what they
            # inherit; this process takes them back at once.
            gc.freeze()
        try:
            futures = {pool.submit(render_chunk, chunk, outline, force, pdf): (k, chunk) for k, chunk in chunks}
        finally:
            if forked:
                gc.unfreeze()
        for fut in cf.as_completed(futures):
            k, chunk = futures[fut]
            try:
                got = fut.result()
            except Exception as exc:  # a worker died (killed, out of memory): its files are reported, not lost
                got = [Row(None, None, None, None, None, 0, 0, None, FAILED, src,
                           f"工作进程异常退出（{type(exc).__name__}: {exc}）") for src, _out in chunk]
            for i, row in enumerate(got):
                rows[k + i] = row
                done += 1
                if progress is not None:
                    progress(done, len(jobs), row)
    finally:
        if own:
            pool.shutdown(wait=True, cancel_futures=True)
    result = BatchResult([r for r in rows if r is not None])
    if not own:  # show paths relative to here, as the user gave them
        for r in result.rows:
            r.source = _display(r.source)
            r.output = _display(r.output) if r.output else None
    if summary:
        result.summary_xlsx, result.summary_csv = write_summary(result.rows, outdir)
    return result


def _display(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path


def write_summary(rows: Sequence[Row], outdir: Path, name: str = "汇总") -> tuple[Path, Path]:
    """``汇总.xlsx`` and ``汇总.csv`` (UTF-8 with BOM, so Excel opens it in Chinese), written atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from .io import atomic_path, write_bytes

    values = [[_cell(v) for v in astuple(r)] for r in rows]
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append(HEADINGS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    red = PatternFill("solid", fgColor="FFE0E0")
    for r, line in zip(rows, values):
        ws.append(line)
        if not r.ok:
            for cell in ws[ws.max_row]:
                cell.fill = red
    for col, width in zip("ABCDEFGHIJK", (30, 6, 10, 8, 8, 6, 6, 40, 14, 40, 60)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    xlsx = outdir / f"{name}.xlsx"
    with atomic_path(xlsx) as tmp:
        wb.save(tmp)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADINGS)
    writer.writerows(values)
    path = outdir / f"{name}.csv"
    write_bytes(path, buf.getvalue().encode("utf-8-sig"))
    return xlsx, path


def _cell(v: object) -> object:
    if isinstance(v, Decimal):
        return float(v) if v == v.quantize(Decimal("0.01")) else str(v)  # a score of two places is safe as a float
    return "" if v is None else v

