"""``jixiao check DATA.yaml…``: every figure of one or more YAML reports proved."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import Format, FormatOpt, StrictOpt, results


def run(
    data: Annotated[list[Path], typer.Argument(help="一个或多个 YAML 文件", show_default=False)],
    format: FormatOpt = Format.text,
    strict: StrictOpt = False,
) -> None:
    """核验 YAML 数据中的每一个数字：合计、占比、增减、得分、等级、日期及正文中的数字。"""
    from .. import check, load

    results(data, lambda path: check(load(path)), format, strict, with_quote=False)
