"""The ``jixiao`` command: the Typer app, built from the command modules of :mod:`toolkit.commands`.

Each command parses its arguments, calls the library, prints the result and sets the exit code: 0 clean, 1
findings at error level (or warnings with ``--strict``, or a report refused because of errors), 2 bad input or
usage, 3 an internal error (one Chinese line and where to report it; the traceback with ``jixiao --debug``), 130
interrupted. Click speaks Chinese through the command classes of :mod:`toolkit.commands.chinese`.

To add a command: write ``toolkit/commands/NAME.py`` with a ``run`` function and add its name to ``COMMANDS``.
"""
from __future__ import annotations

import importlib
import sys
from typing import Annotated

import typer

from .commands.chinese import Command, Group, state

#: every command, in the order ``jixiao --help`` lists them (a name with "-" lives in a module with "_")
COMMANDS = ["init", "import-xlsx", "check", "render", "rollover", "batch", "lint", "verify", "pdf", "rules", "schema", "templates"]


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
        module = importlib.import_module(f"{__package__}.commands.{name.replace('-', '_')}")
        built.command(name=name, cls=Command)(module.run)
    built.callback()(_options)
    return built


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("jixiao")
        except PackageNotFoundError:  # run from a source tree that was never installed
            from . import __version__ as number
        typer.echo(f"jixiao {number}")
        raise typer.Exit(0)


def _options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="显示版本号并退出。")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="内部错误时显示完整的 Python 回溯（报告问题时附上）")] = False,
) -> None:
    """绩效：部门整体支出绩效自评报告工具。由 YAML 数据生成标准公文格式的 Word 报告，并核验其中每一个数字。"""
    state["debug"] = debug


def main() -> None:
    """Console entry point: a command named first on the command line is the only one imported and built (its
    usage, help and errors are the same as in the whole app); anything else (``--help``, an unknown command, an
    option first) gets every command."""
    first = sys.argv[1:2]
    try:
        build(first if first and first[0] in COMMANDS else COMMANDS)()
    finally:
        # The interpreter's last garbage collection at exit walks every object the command made (the model classes,
        # the claim engine's patterns …): a fifth of `jixiao check`'s CPU time. Nothing of ours needs it (files are
        # written and closed before a command returns; objects are still freed, atexit and finalizers still run),
        # so the objects alive now are left out of it.
        import gc

        gc.freeze()


def __getattr__(name: str):
    """``toolkit.cli.app``: the whole app (every command), built when first asked for (tests, ``CliRunner``)."""
    if name == "app":
        globals()["app"] = built = build()
        return built
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if __name__ == "__main__":  # pragma: no cover
    main()
