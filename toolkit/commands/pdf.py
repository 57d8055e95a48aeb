"""``jixiao pdf REPORT.docx…``: reports converted to PDF in one LibreOffice run, in the GB/T 9704 faces."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import echo, fail


def run(
    report: Annotated[list[Path], typer.Argument(help="一个或多个 .docx 报告", show_default=False)],
    outdir: Annotated[Optional[Path], typer.Option("--outdir", "-o", help="PDF 的输出目录（默认：与各报告同一目录）")] = None,
    timeout: Annotated[Optional[float], typer.Option("--timeout", help="LibreOffice 的最长运行时间（秒；默认按文件数计算）")] = None,
) -> None:
    """把 .docx 报告转换为 PDF（LibreOffice，一次转换全部文件；仿宋、楷体、黑体、小标宋按 GB/T 9704 替换为本机字体）。"""
    from ..errors import JixiaoError
    from ..pdf import convert

    try:
        written = convert(report, outdir, timeout)
    except JixiaoError as exc:
        fail(exc)
    for path in written:
        echo(f"已生成：{path}")
