"""``jixiao render DATA.yaml -o REPORT.docx``: the report written from its data, after every check."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import echo, fail


def run(
    data: Annotated[Path, typer.Argument(help="部门年度数据 YAML 文件", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="输出路径：.docx，或 .pdf 只生成 PDF（默认：与 YAML 同名的 .docx）")] = None,
    template: Annotated[Optional[str], typer.Option("--template", "-t", help="内置模板名（hunan 湖南、chongqing 重庆、sichuan 四川）或自己的 .docx 模板路径")] = None,
    force: Annotated[bool, typer.Option("--force", help="即使核验发现错误也生成报告")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="同时生成同名 PDF（需要 LibreOffice）")] = False,
    no_charts: Annotated[bool, typer.Option("--no-charts", help="正文中不放图表（同 YAML 中的 charts: false）")] = False,
) -> None:
    """由 YAML 数据生成自评报告（.docx，或 PDF）。先运行全部核验：有错误时不生成，除非 --force。"""
    from .. import load, render
    from ..errors import JixiaoError, ReportHasErrors
    from ..io import output_target
    from ..word import check_suffix

    out = output or data.with_suffix(".docx")
    try:
        output_target(out, [data, *([template] if template else [])])  # never over an input: said first
        check_suffix(out)
        loaded = load(data)
        if no_charts:
            loaded.report.charts = False
        rendered = render(loaded, out, template=template, force=force, pdf=pdf)
    except ReportHasErrors as exc:
        echo(exc.result.text(), err=True)
        fail(exc)
    except JixiaoError as exc:
        fail(exc)
    if rendered.result.findings:
        echo(rendered.result.text(), err=True)
    echo(f"已生成：{rendered.path}")
    if pdf and rendered.path.suffix.lower() != ".pdf":
        echo(f"已生成：{rendered.path.with_suffix('.pdf')}")
