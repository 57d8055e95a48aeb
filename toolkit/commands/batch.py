"""``jixiao batch DIR|GLOB… -o OUTDIR``: many departments rendered in parallel, with a progress bar and a summary."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import echo, fail


def run(
    inputs: Annotated[list[str], typer.Argument(help="YAML 文件、目录或通配符（如 'data/*.yaml'），可多个", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="输出目录（报告和汇总表）", show_default=False)],
    outline: Annotated[Optional[str], typer.Option("--outline", "--template", "-t", help="统一使用的格式或 .docx 模板（默认：各文件的 outline）")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-j", help="并行进程数（默认：CPU 核数）", min=1)] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="同时导出 PDF（需要 LibreOffice）")] = False,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask 集群调度器地址，如 tcp://10.0.0.5:8786（各节点需安装 jixiao 并能访问相同路径）")] = None,
    force: Annotated[bool, typer.Option("--force", help="即使核验发现错误也生成报告")] = False,
) -> None:
    """批量生成报告：并行处理多个部门，每个文件先核验；写出汇总表（汇总.xlsx、汇总.csv）。有文件未生成时退出码非 0。"""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..batch import DONE, batch
    from ..errors import JixiaoError

    executor, client = None, None
    try:
        if scheduler:
            client = _connect(scheduler)
            executor = client.get_executor()
            workers = workers or len(client.scheduler_info().get("workers", {})) or None
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        bar = Progress(*columns, console=Console(stderr=True, highlight=False), transient=False)
        task = bar.add_task("生成报告", total=None)

        def progress(done: int, total: int, row) -> None:
            if done == 1:
                bar.start()  # only once the batch is under way: a refusal before it shows no empty bar
            bar.update(task, completed=done, total=total)
            if row.status != DONE:
                from ..terminal import safe

                bar.console.print(safe(f"{row.source}: {row.status}" + (f"：{row.message}" if row.message else "")),
                                  soft_wrap=True, markup=False)

        try:
            result = batch(inputs, output, outline=outline, workers=workers, executor=executor, force=force,
                           pdf=pdf, progress=progress)
        finally:
            bar.stop()
    except JixiaoError as exc:
        fail(exc)
    finally:
        if client is not None:
            client.close()
    ok = len(result.rows) - len(result.failed)
    echo(f"共 {len(result.rows)} 个文件：{ok} 个已生成，{len(result.failed)} 个未生成。"
         f"汇总：{result.summary_xlsx}、{result.summary_csv}")
    raise typer.Exit(result.exit_code)


def _connect(address: str):
    try:
        from distributed import Client
    except ImportError:
        echo("使用 --scheduler 需要安装 Dask：pip install 'jixiao[distributed]'", err=True)
        raise typer.Exit(2)
    try:
        return Client(address, timeout=30)
    except (OSError, TimeoutError, ValueError) as exc:
        echo(f"无法连接 Dask 调度器 {address}：{exc}", err=True)
        raise typer.Exit(2)
