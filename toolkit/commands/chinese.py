"""Click's own words in Chinese, per command class (no process-wide patch of Click or Typer).

Typer vendors Click with its words hard-coded in English ("Usage:", "Options", "[required]", "No such command",
"Possible options" …). The classes here are what every ``jixiao`` command is built with: they write the usage line,
the help sections and the usage errors in Chinese.
"""
from __future__ import annotations

import re
import sys
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

#: usage errors, as Click words them -> as a Chinese user should read them
_USAGE_ERRORS = [
    (re.compile(r"No such option: (.+?) \(Possible options: (.+)\)"), "没有选项 {0}（可用的选项：{1}）"),
    (re.compile(r"No such option: (.+?)(?: Did you mean (.+)\?)?"), "没有选项 {0}"),
    (re.compile(r"Missing argument '(.+)'\.?"), "缺少参数 {0}"),
    (re.compile(r"Missing option '(.+)'\.?"), "缺少选项 {0}"),
    (re.compile(r"Missing command\.?"), "缺少命令"),
    (re.compile(r"No such command '(.+)'\.?"), "没有命令 {0}"),
    (re.compile(r"Got unexpected extra arguments? \((.+)\)"), "多余的参数（{0}）"),
    (re.compile(r"Got unexpected extra argument\(s\) \((.+)\)"), "多余的参数（{0}）"),
    (re.compile(r"Option '(.+)' requires an argument\.?"), "选项 {0} 需要一个值"),
    (re.compile(r"Option '(.+)' does not take a value\.?"), "选项 {0} 不接受值"),
    (re.compile(r"Invalid value for (.+?): (?:Value error, )?(.+?) is not one of (.+?)\.?$"), "{0} 的取值 {1} 无效，应为 {2}"),
    (re.compile(r"Invalid value for (.+?): (?:Value error, )?(.+)"), "{0} 的取值无效：{1}"),
]
#: words inside help records (Typer builds them with its English gettext)
_HELP_WORDS = [("[required]", "[必填]"), ("[default: ", "[默认："), ("env var: ", "环境变量："),
               ("<list[Path]>", "<文件…>"), ("<Path>", "<文件>"), ("<str>", "<文本>"), ("<int>", "<整数>")]
#: set by ``jixiao --debug``: an internal error prints its traceback
state = {"debug": False}
OPTIONS_METAVAR = "[选项]"
SUBCOMMAND_METAVAR = "命令 [参数]..."


def usage_message(text: str) -> str:
    """A Click usage error in Chinese (the original when it is not one Click is known to say)."""
    for pattern, zh in _USAGE_ERRORS:
        m = pattern.fullmatch(text.strip())
        if m:
            return zh.format(*(g or "" for g in m.groups()))
    return text


def _zh(text: str) -> str:
    for en, zh in _HELP_WORDS:
        text = text.replace(en, zh)
    return text


class _Chinese:
    """Mixed into Typer's command classes: usage line, help sections, the --help option and usage errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = OPTIONS_METAVAR
        from .coercion import install

        install(self.params)  # values converted without building pydantic adapters (start-up)

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="用法：")

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "显示本帮助并退出。"
            from .coercion import install

            install([option])
        return option

    def format_options(self, ctx, formatter) -> None:
        args, opts = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None:
                (args if param.param_type_name == "argument" else opts).append((_zh(record[0]), _zh(record[1])))
        if args:
            with formatter.section("参数"):
                formatter.write_dl(args)
        if opts:
            with formatter.section("选项"):
                formatter.write_dl(opts)
        if hasattr(self, "format_commands"):
            self.format_commands(ctx, formatter)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        state["debug"] = False
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except Exception as exc:  # the vendored and the plain Click raise different classes: judged by shape
            if type(exc).__name__ == "NoArgsIsHelpError":  # its message is the help itself
                typer.echo(exc.format_message(), err=True)
                sys.exit(exc.exit_code)
            if getattr(exc, "exit_code", None) == 2 and hasattr(exc, "format_message"):
                from ..terminal import safe

                ctx = getattr(exc, "ctx", None)
                if ctx is not None:
                    typer.echo(ctx.get_usage().replace("Usage:", "用法："), err=True)
                    typer.echo(f"用 '{ctx.command_path} --help' 查看帮助。", err=True)
                typer.echo(safe(f"错误：{usage_message(exc.format_message())}"), err=True)
                sys.exit(2)
            if type(exc).__name__ == "Abort":
                typer.echo("已中止。", err=True)
                sys.exit(130)
            if hasattr(exc, "show") and hasattr(exc, "exit_code"):
                exc.show()
                sys.exit(exc.exit_code)
            internal_error(exc)
        except KeyboardInterrupt:
            typer.echo("已中止。", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


def internal_error(exc: BaseException) -> None:
    """:func:`toolkit.direct.internal_error` through Typer's echo, ``--debug`` as given."""
    from ..direct import internal_error as report

    report(exc, state["debug"], typer.echo)


class Group(_Chinese, TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subcommand_metavar = SUBCOMMAND_METAVAR

    def format_commands(self, ctx, formatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd))
        if rows:
            limit = formatter.width - 6 - max(len(n) for n, _c in rows)
            with formatter.section("命令"):
                formatter.write_dl([(n, c.get_short_help_str(limit)) for n, c in rows])


class Command(_Chinese, TyperCommand):
    pass
