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

    JSON is one object for one path and a list for several (files that cannot be read are left out of the list;
    their messages go to stderr), so its shape depends only on the command line.
    """
    import json

    from ..errors import JixiaoError
    from ..terminal import safe_json

    code, found = 0, []
    for path in paths:
        try:
            result = run(path)
        except JixiaoError as exc:
            echo(str(exc), err=True)
            code = max(code, exc.exit_code)
            continue
        found.append(result)
        code = max(code, result.exit_code(strict))
    if format is Format.json:
        payload = [r.as_dict(with_quote) for r in found]
        if len(paths) > 1:
            typer.echo(safe_json(json.dumps(payload, ensure_ascii=False, indent=2)))
        elif payload:
            typer.echo(safe_json(json.dumps(payload[0], ensure_ascii=False, indent=2)))
    else:
        for r in found:
            echo(r.text())
    raise typer.Exit(code)


def refuse_overwrite(out, force: bool) -> None:
    """Exit 2 when ``out`` exists and ``--force`` was not given: a command that creates a file never clobbers one."""
    if out.exists() and not force:
        echo(f"{out}: 文件已存在，未覆盖。换一个文件名，或用 --force 覆盖。", err=True)
        raise typer.Exit(2)


ForceWriteOpt = Annotated[bool, typer.Option("--force", help="输出文件已存在时覆盖")]
