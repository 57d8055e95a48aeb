"""``jixiao check DATA.yaml…``: every figure of one or more YAML reports proved."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import Format, FormatOpt, StrictOpt, results


def run(
    data: Annotated[list[Path], typer.Argument(help="一个或多个 YAML 文件", show_default=False)],
    format: FormatOpt = Format.text,
    strict: StrictOpt = False,
    template: Annotated[Optional[str], typer.Option(
        "--template", "-t", help="同时检查该格式（hunan、chongqing、sichuan 或自己的 .docx 模板）没有印出的数据（OUT001）",
        show_default=False)] = None,
) -> None:
    """核验 YAML 数据中的每一个数字：合计、占比、增减、得分、等级、日期及正文中的数字。"""
    from .. import check, check_outline, load

    if template is None:
        results(data, lambda path: check(load(path)), format, strict, with_quote=False)
    results(data, lambda path: check_outline(load(path), template), format, strict, with_quote=False)
