"""``jixiao verify REPORT.docx…``: does a report's layout follow GB/T 9704 (ours or edited by hand)?"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import Format, FormatOpt, StrictOpt, results


def run(
    report: Annotated[list[Path], typer.Argument(help="一个或多个 .docx 报告", show_default=False)],
    pdf: Annotated[bool, typer.Option("--pdf", help="同时转换为 PDF（LibreOffice），检查 PDF 嵌入的字体")] = False,
    format: FormatOpt = Format.text,
    strict: StrictOpt = False,
) -> None:
    """检查 .docx 报告的版式是否符合 GB/T 9704：纸张页边距、每页 22 行每行 28 字、字体字号、标题编号、页码、附件、残留标签。"""
    from ..verify import verify

    results(report, lambda path: verify(path, pdf=pdf), format, strict, with_quote=True)
