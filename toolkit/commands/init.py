"""``jixiao init -o dept.yaml``: a new data file with every field of an outline, or a blank 自评表 workbook."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import ForceWriteOpt, echo, fail, refuse_overwrite


def run(
    output: Annotated[Path, typer.Option("--output", "-o", help="输出文件路径", show_default=False)],
    outline: Annotated[str, typer.Option("--outline", help="内置格式：hunan 湖南（默认）、chongqing 重庆、sichuan 四川")] = "hunan",
    year: Annotated[Optional[int], typer.Option("--year", help="评价年度（默认：上一年）", show_default=False)] = None,
    xlsx: Annotated[bool, typer.Option("--xlsx", help="生成空白自评表工作簿（.xlsx），填好后用 jixiao import-xlsx 导入")] = False,
    force: ForceWriteOpt = False,
) -> None:
    """新建数据文件：列出该格式的全部字段，每项附中文说明，需填写处为“待填”。"""
    from ..errors import JixiaoError
    from ..io import write_text
    from ..scaffold import default_year, scaffold

    refuse_overwrite(output, force)
    try:
        if xlsx:
            from ..xlsx import blank_workbook

            blank_workbook(output, year=year or default_year())
            echo(f"已生成：{output}（填好后运行 jixiao import-xlsx {output} -o 部门.yaml）")
            return
        schema = output.parent / "jixiao.schema.json"
        write_text(output, scaffold(outline, year, schema=schema.name))
        if not schema.exists():
            from ..schema import json_text

            write_text(schema, json_text())
            echo(f"已生成：{schema}（编辑器据此自动补全和校验）")
    except JixiaoError as exc:
        fail(exc)
    echo(f"已生成：{output}。把每个“待填”换成实际内容，然后运行 jixiao check {output}")
