"""The Typer app of ``jixiao``, built from the command modules named in :data:`toolkit.cli.COMMANDS` (the console
entry point is :func:`toolkit.cli.main`, which imports this module only when a command line needs Typer)."""
from __future__ import annotations

import importlib
from typing import Annotated

import typer

from ..cli import COMMANDS
from .chinese import Command, Group, state


def build(names: list[str] = COMMANDS) -> typer.Typer:
    """The Typer app with the commands ``names`` (in the order given), their modules imported here."""
    built = typer.Typer(
        name="jixiao",
        cls=Group,
        help="绩效：部门整体支出绩效自评报告工具。由 YAML 数据生成标准公文格式的 Word 报告，并核验其中每一个数字。",
        add_completion=False,
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )
    for name in names:
        module = importlib.import_module(f"{__package__}.{name.replace('-', '_')}")
        built.command(name=name, cls=Command)(module.run)
    built.callback()(_options)
    return built


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("jixiao")
        except PackageNotFoundError:  # run from a source tree that was never installed
            from .. import __version__ as number
        typer.echo(f"jixiao {number}")
        raise typer.Exit(0)


def _options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="显示版本号并退出。")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="内部错误时显示完整的 Python 回溯（报告问题时附上）")] = False,
) -> None:
    """绩效：部门整体支出绩效自评报告工具。由 YAML 数据生成标准公文格式的 Word 报告，并核验其中每一个数字。"""
    state["debug"] = debug
