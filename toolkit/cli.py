"""The ``jixiao`` command: the Typer app (:mod:`toolkit.commands.app`), built from the command modules of
:mod:`toolkit.commands`; ``jixiao check`` on file names alone runs without it (:mod:`toolkit.direct`).

Each command parses its arguments, calls the library, prints the result and sets the exit code: 0 clean, 1
findings at error level (or warnings with ``--strict``, or a report refused because of errors), 2 bad input or
usage, 3 an internal error (one Chinese line and where to report it; the traceback with ``jixiao --debug``), 130
interrupted. Click speaks Chinese through the command classes of :mod:`toolkit.commands.chinese`.

To add a command: write ``toolkit/commands/NAME.py`` with a ``run`` function and add its name to ``COMMANDS``.
"""
from __future__ import annotations

import sys
from typing import Any

#: every command, in the order ``jixiao --help`` lists them (a name with "-" lives in a module with "_")
COMMANDS = ["init", "import-xlsx", "check", "render", "rollover", "batch", "lint", "verify", "pdf", "rules", "schema", "templates"]


def build(names: list[str] = COMMANDS) -> Any:
    """The Typer app with the commands ``names`` (in the order given), their modules imported
    (:func:`toolkit.commands.app.build`)."""
    from .commands.app import build

    return build(names)


def main() -> None:
    """Console entry point. ``jixiao check`` with file names alone runs without Typer (:mod:`toolkit.direct`: same
    output, same exit codes); otherwise a command named first on the command line is the only one imported and
    built (its usage, help and errors are the same as in the whole app); anything else (``--help``, an unknown
    command, an option first) gets every command."""
    args = sys.argv[1:]
    try:
        from .direct import check, plain_check

        if plain_check(args):
            check(args[1:])
        first = args[:1]
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
