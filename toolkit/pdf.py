"""PDF export with LibreOffice, in the faces of GB/T 9704 on a machine without the Windows fonts.

Library functions (the CLI's ``render --pdf``, ``pdf`` and ``batch --pdf`` call them):

* :func:`convert` — many .docx files to PDF in **one** LibreOffice run (its start-up, 1–3 s, is most of the cost
  of a small report): ``convert(["a.docx", "b.docx"], outdir="pdf/")`` -> ``[Path("pdf/a.pdf"), ...]``.
* :func:`convert_to` — one .docx to a PDF of any name: ``convert_to("x.docx", "out/报告.pdf")``.
* :func:`fonts` — the fonts a PDF embeds (``pdffonts``), for :mod:`toolkit.verify` and the tests.

Each call runs ``soffice --headless --convert-to pdf`` with

* a private, temporary LibreOffice profile (``-env:UserInstallation``): concurrent conversions sharing a profile
  collide on its lock, and a user's own profile is left alone;
* ``FONTCONFIG_FILE`` pointing at ``toolkit/fonts.conf``, which includes the system configuration and lets
  仿宋_GB2312 / 方正小标宋简体 / 宋体 fall back to Noto Serif CJK SC, 楷体_GB2312 to AR PL UKai CN, 黑体 to Noto Sans CJK
  SC and Times New Roman to Liberation Serif (real fonts, where installed, still win);
* a timeout, after which LibreOffice and its children are killed.

Every PDF is written atomically (:func:`toolkit.io.atomic_path`): a failed conversion leaves no partial file and
keeps an old one. Errors are :class:`toolkit.errors.PdfError` with a Chinese message (exit code 2).
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .errors import PdfError
from .io import atomic_path

#: the fontconfig file handed to LibreOffice (shipped in the package)
FONTS_CONF = Path(__file__).resolve().parent / "fonts.conf"

#: what to install on Debian / Ubuntu (the README and .ci/run say the same)
INSTALL = ("apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai "
           "fonts-liberation2 poppler-utils")

#: seconds for LibreOffice's start-up, and for each file (a 15-page report takes about one second)
TIMEOUT_START, TIMEOUT_PER_FILE = 60.0, 20.0


def soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return soffice() is not None


def convert(sources: Iterable[str | Path], outdir: str | Path | None = None,
            timeout: float | None = None) -> list[Path]:
    """Convert .docx files to PDF in one LibreOffice run; return the PDFs' paths, in the order of ``sources``.

    Each PDF is named after its source (``a.docx`` -> ``a.pdf``) and written to ``outdir`` (default: beside its
    source). ``timeout`` (seconds) bounds the whole run; the default grows with the number of files
    (``TIMEOUT_START + TIMEOUT_PER_FILE`` per file). Raises :class:`PdfError`.
    """
    sources = [Path(s) for s in sources]
    targets = [(Path(outdir) if outdir is not None else s.parent) / f"{s.stem}.pdf" for s in sources]
    seen: dict[Path, Path] = {}
    for s, t in zip(sources, targets):
        if t in seen and seen[t] != s:
            raise PdfError(f"{t}: {seen[t]} 和 {s} 会生成同一个 PDF，请分别转换或放入不同目录")
        seen[t] = s
    return _run(list(zip(sources, targets)), timeout)


def convert_to(source: str | Path, target: str | Path, timeout: float | None = None) -> Path:
    """Convert one .docx to the PDF ``target`` (any name); returns ``target``. Raises :class:`PdfError`."""
    return _run([(Path(source), Path(target))], timeout)[0]


def _run(pairs: list[tuple[Path, Path]], timeout: float | None) -> list[Path]:
    if not pairs:
        return []
    exe = soffice()
    if exe is None:
        raise PdfError(f"未找到 LibreOffice（soffice），无法生成 PDF。请先安装，例如 Debian/Ubuntu：{INSTALL}")
    for source, _ in pairs:
        if not source.is_file():
            raise PdfError(f"{source}: 文件不存在，无法转换为 PDF")
        if source.suffix.lower() != ".docx":
            raise PdfError(f"{source}: 只能把 .docx 报告转换为 PDF")
    for _, target in pairs:  # before LibreOffice's seconds of work, not after
        parent = target.parent if str(target.parent) else Path(".")
        if not parent.is_dir():
            raise PdfError(f"{target}: 输出目录不存在：{parent}")
    if timeout is None:
        timeout = TIMEOUT_START + TIMEOUT_PER_FILE * len(pairs)
    with tempfile.TemporaryDirectory(prefix="jixiao-pdf-") as work:
        work_dir = Path(work)
        inputs = []
        for i, (source, _) in enumerate(pairs):  # numbered links: no clash between two a.docx of two folders
            link = work_dir / f"{i}.docx"
            link.symlink_to(source.resolve())
            inputs.append(str(link))
        out_dir = work_dir / "out"
        profile = (work_dir / "profile").as_uri()
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out_dir), *inputs]
        env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF), HOME=str(work_dir))
        done = _call(cmd, env, timeout, len(pairs))
        results = []
        for i, (source, target) in enumerate(pairs):
            made = out_dir / f"{i}.pdf"
            if not made.is_file() or made.stat().st_size == 0:
                said = (done.stderr or done.stdout or b"").decode("utf-8", "replace").strip().splitlines()
                why = f"（LibreOffice：{said[-1]}）" if said else ""
                raise PdfError(f"{source}: LibreOffice 未能转换为 PDF{why}")
            with atomic_path(target) as tmp:
                shutil.copyfile(made, tmp)
            results.append(target)
        return results


def _call(cmd: list[str], env: dict, timeout: float, count: int) -> subprocess.CompletedProcess:
    """Run LibreOffice in its own process group, so that a timeout kills oosplash and soffice.bin alike."""
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.communicate()
        raise PdfError(f"LibreOffice 转换 {count} 个文件超时（{timeout:g} 秒），已中止") from None
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


@dataclass(frozen=True)
class PdfFont:
    """One font a PDF uses, as ``pdffonts`` lists it."""

    name: str  # without the subset prefix: "NotoSerifCJKsc-Regular"
    type: str
    embedded: bool


def fonts(pdf: str | Path) -> list[PdfFont]:
    """The fonts of a PDF (``pdffonts`` from poppler-utils). Raises :class:`PdfError` when it is missing."""
    exe = shutil.which("pdffonts")
    if exe is None:
        raise PdfError(f"未找到 pdffonts，无法读取 PDF 的字体。请安装 poppler-utils，例如：{INSTALL}")
    try:
        done = subprocess.run([exe, str(pdf)], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        raise PdfError(f"{pdf}: pdffonts 超时") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip()
        raise PdfError(f"{pdf}: 无法读取 PDF 的字体（{said or 'pdffonts 失败'}）")
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    out = []
    for line in lines[2:]:  # a header line and a rule
        cols = line.split()
        if len(cols) < 7:
            continue
        # name, type (one or two words), encoding, emb, sub, uni, object id (two columns)
        name = cols[0].split("+", 1)[-1]
        emb = cols[-5]
        kind = " ".join(cols[1:-6])
        out.append(PdfFont(name, kind, emb == "yes"))
    return out
