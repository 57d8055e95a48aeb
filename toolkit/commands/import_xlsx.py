"""``jixiao import-xlsx 自评表.xlsx -o dept.yaml``: a YAML data file from the 自评表 a department keeps in Excel."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import ForceWriteOpt, echo, fail, refuse_overwrite


def run(
    workbook: Annotated[Path, typer.Argument(help="自评表工作簿（.xlsx），可含基础数据表", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="输出 YAML（默认：与工作簿同名）", show_default=False)] = None,
    force: ForceWriteOpt = False,
) -> None:
    """由 Excel 自评表（及基础数据表）生成 YAML 数据文件；每个值注明来自哪个工作表和单元格。"""
    from ..errors import JixiaoError
    from ..xlsx import import_xlsx

    out = output or workbook.with_suffix(".yaml")
    refuse_overwrite(out, force)
    try:
        written, warnings = import_xlsx(workbook, out)
    except JixiaoError as exc:
        fail(exc)
    for w in warnings:
        echo(w, err=True)
    echo(f"已生成：{written}。运行 jixiao check {written} 查看待填项，并补充正文（narrative）。")
