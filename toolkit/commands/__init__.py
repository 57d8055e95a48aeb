"""The ``jixiao`` commands, one small module each (mkdocs style).

A command module imports only Typer and the standard library at top level (``jixiao --help`` stays fast) and
defines ``run``, the Typer command function: it parses its arguments, calls the library (imported inside
``run``), prints and sets the exit code. ``toolkit/cli.py`` registers every module named in its ``COMMANDS``
list; adding a command is one module here and one line there.

Shared here: how output reaches the terminal (:func:`echo`, control characters escaped) and how a library error
becomes a message and an exit code (:func:`fail`).
"""
from __future__ import annotations

from enum import Enum
from typing import Annotated, NoReturn

import typer

from ..terminal import safe


class Format(str, Enum):
    text = "text"
    json = "json"


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="输出格式：text（默认）或 json")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="有警告时也以退出码 1 结束")]


def echo(text: str, err: bool = False) -> None:
    """Print text for a person: every control character shown as an escape, never sent to the terminal."""
    typer.echo(safe(text), err=err)


def fail(exc: Exception) -> NoReturn:
    """A library error (:class:`toolkit.errors.JixiaoError`): its Chinese message on stderr, its exit code."""
    echo(str(exc), err=True)
    raise typer.Exit(getattr(exc, "exit_code", 2))


def results(paths, run, format: Format, strict: bool, with_quote: bool) -> NoReturn:
    """Run ``run`` on every path; print the results together; exit with the worst code (2 for unreadable input).
    (:func:`toolkit.direct.report`, which ``jixiao check FILE…`` also runs without Typer.)"""
    from ..direct import report

    raise typer.Exit(report(paths, run, format is Format.json, strict, with_quote, typer.echo))


def refuse_overwrite(out, force: bool) -> None:
    """Exit 2 when ``out`` exists and ``--force`` was not given: a command that creates a file never clobbers one."""
    if out.exists() and not force:
        echo(f"{out}: 文件已存在，未覆盖。换一个文件名，或用 --force 覆盖。", err=True)
        raise typer.Exit(2)


ForceWriteOpt = Annotated[bool, typer.Option("--force", help="输出文件已存在时覆盖")]
