"""What a command prints and how it exits, without Typer; and ``jixiao check FILE…`` run without building the app.

``jixiao check`` on files alone (no option, nothing starting with ``-``) is the command run most often, and Typer
(its import and the app it builds) was a fifth of its start-up (issue 13). :func:`check` runs it directly, through
the same :func:`report` the Typer command runs, so the output and the exit codes are the same; anything else on
the command line — an option, ``--help``, another command — goes to Typer (``toolkit/cli.py``).
``tests/test_startup.py`` runs both ways on good, bad and unreadable files and compares what they print.
"""
from __future__ import annotations

import sys
from typing import Any, Callable, NoReturn

from .terminal import safe

#: where a user reports an internal error (README, "Reporting a problem")
REPORT_TO = "请把所用命令、输入文件和 jixiao --debug 的输出发给 jixiao 的维护者（见 README“报告问题”一节）"
#: what a command prints with: ``(text, err)``; Typer's echo under Typer, :func:`write` here
Out = Callable[..., None]


def write(text: str, err: bool = False) -> None:
    """One line on stdout (stderr with ``err``), flushed: what ``typer.echo`` does with text."""
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


def report(paths: list[Any], run: Callable[[Any], Any], as_json: bool, strict: bool, with_quote: bool,
           out: Out = write) -> int:
    """Run ``run`` on every path; print the results together; the worst exit code (2 for unreadable input).

    JSON is one object for one path and a list for several (files that cannot be read are left out of the list;
    their messages go to stderr), so its shape depends only on the command line.
    """
    from .errors import JixiaoError
    from .terminal import safe_json

    code, found = 0, []
    for path in paths:
        try:
            result = run(path)
        except JixiaoError as exc:
            out(safe(str(exc)), err=True)
            code = max(code, exc.exit_code)
            continue
        found.append(result)
        code = max(code, result.exit_code(strict))
    if as_json:
        import json  # only for --json: not imported by a plain `jixiao check`

        payload = [r.as_dict(with_quote) for r in found]
        if len(paths) > 1:
            out(safe_json(json.dumps(payload, ensure_ascii=False, indent=2)))
        elif payload:
            out(safe_json(json.dumps(payload[0], ensure_ascii=False, indent=2)))
    else:
        for r in found:
            out(safe(r.text()))
    return code


def internal_error(exc: BaseException, debug: bool, out: Out = write) -> NoReturn:
    """A bug of jixiao, not of the input: one Chinese line and where to report it (the traceback under --debug);
    exit code 3. A :class:`toolkit.errors.JixiaoError` that escaped a command is the user's: its message, its code."""
    from .errors import JixiaoError

    if isinstance(exc, JixiaoError):
        out(safe(str(exc)), err=True)
        sys.exit(exc.exit_code)
    if debug:
        import traceback

        out(safe("".join(traceback.format_exception(exc))), err=True)
    what = (str(exc).strip().splitlines() or [""])[0][:200]
    out(safe(f"内部错误（{type(exc).__name__}{'：' + what if what else ''}）：这是 jixiao 的缺陷，不是输入的问题。"
             f"{REPORT_TO}。"), err=True)
    sys.exit(3)


def plain_check(args: list[str]) -> bool:
    """True when ``args`` (the command line after ``jixiao``) is ``check`` and file names only."""
    import os

    return (len(args) > 1 and args[0] == "check" and not any(a.startswith("-") for a in args[1:])
            and "_JIXIAO_COMPLETE" not in os.environ)  # Click's shell completion: Typer's to answer


def check(files: list[str]) -> NoReturn:
    """``jixiao check FILE…`` as the Typer command runs it (``toolkit/commands/check.py``), exit code included."""
    from pathlib import Path

    from . import check as check_report, load

    try:
        code = report([Path(f) for f in files], lambda path: check_report(load(path)), False, False, False)
    except KeyboardInterrupt:
        write("已中止。", err=True)
        sys.exit(130)
    except Exception as exc:  # what Typer's group does with it (toolkit/commands/chinese.py)
        internal_error(exc, False)
    sys.exit(code)
