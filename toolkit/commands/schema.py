"""``jixiao schema``: the JSON Schema (draft-07) of the data file, for editors."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import echo, fail


def run(output: Annotated[Optional[Path], typer.Option("--output", "-o", help="写入文件（默认：打印）", show_default=False)] = None) -> None:
    """打印数据文件的 JSON Schema（draft-07），供编辑器自动补全和校验。"""
    from ..errors import JixiaoError
    from ..schema import json_text

    if output is None:
        typer.echo(json_text(), nl=False)
        return
    from ..io import write_text

    try:
        write_text(output, json_text())
    except JixiaoError as exc:
        fail(exc)
    echo(f"已生成：{output}")
