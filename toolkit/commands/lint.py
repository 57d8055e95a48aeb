"""``jixiao lint REPORT…``: the arithmetic errors of reports someone already wrote (.docx, .txt, .md)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import Format, FormatOpt, StrictOpt, results


def run(
    report: Annotated[list[Path], typer.Argument(help="已写好的报告：.docx、.pdf、.txt 或 .md", show_default=False)],
    format: FormatOpt = Format.text,
    strict: StrictOpt = False,
) -> None:
    """查找现有报告（.docx/.pdf/.txt/.md）中对不上的数字，无需 YAML。"""
    from .. import lint

    results(report, lint, format, strict, with_quote=True)
