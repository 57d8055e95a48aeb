"""``jixiao rollover 2022.yaml -o 2023.yaml``: next year's data file from this year's."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import ForceWriteOpt, echo, fail, refuse_overwrite


def run(
    data: Annotated[Path, typer.Argument(help="本年度的 YAML 数据文件", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="下一年度的 YAML（默认：文件名中的年份加一）", show_default=False)] = None,
    force: ForceWriteOpt = False,
) -> None:
    """由本年度数据生成下一年度的数据文件：本年数字转为上年数，本年数字和指标结果改为“待填”，保留注释、事实和正文。"""
    from ..errors import JixiaoError
    from ..load import load
    from ..rollover import next_year_path, rollover

    try:
        out = output or next_year_path(data)
        refuse_overwrite(out, force)
        written = rollover(data, out)
        todo = len(load(written).unfilled)
    except JixiaoError as exc:
        fail(exc)
    echo(f"已生成：{written}（{todo} 项待填）。运行 jixiao check {written} 查看待填项和沿用上年数字的句子。")
