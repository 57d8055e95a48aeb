"""The ``jixiao`` command: a thin Typer layer over the library.

Each command parses its arguments, calls one library function, prints the result and sets the exit code:
0 clean, 1 findings at error level (or warnings with ``--strict``), 2 bad input or usage. A
:class:`~toolkit.errors.JixiaoError` becomes a Chinese message on stderr, never a traceback.
"""
from __future__ import annotations

import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from .errors import JixiaoError

#: Click's and Typer's own words that reach users through gettext (help headings and tags)
_ZH = {"Options": "选项", "Arguments": "参数", "Commands": "命令", "required": "必填", "default: {default}": "默认：{default}"}

#: usage errors, as Click words them -> as a Chinese user should read them
_USAGE_ERRORS = [
    (re.compile(r"Missing argument '(.+)'\.?"), "缺少参数 {0}"),
    (re.compile(r"Missing option '(.+)'\.?"), "缺少选项 {0}"),
    (re.compile(r"No such option: (.+)"), "没有选项 {0}"),
    (re.compile(r"No such command '(.+)'\.?"), "没有命令 {0}"),
    (re.compile(r"Got unexpected extra arguments? \((.+)\)"), "多余的参数（{0}）"),
    (re.compile(r"Option '(.+)' requires an argument\.?"), "选项 {0} 需要一个值"),
    (re.compile(r"Invalid value for (.+?): (?:Value error, )?(.+?) is not one of (.+?)\.?$"), "{0} 的取值 {1} 无效，应为 {2}"),
    (re.compile(r"Invalid value for (.+?): (?:Value error, )?(.+)"), "{0} 的取值无效：{1}"),
]


def _usage_message(text: str) -> str:
    for pattern, zh in _USAGE_ERRORS:
        m = pattern.fullmatch(text.strip())
        if m:
            return zh.format(*m.groups())
    return text


class _Chinese:
    """Mixed into Typer's command classes: the usage line, the --help option and usage errors in Chinese.

    Typer 0.29 vendors Click with these words hard-coded in English, out of reach of gettext.
    """

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="用法：")

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "显示本帮助并退出。"
        return option

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except Exception as exc:  # the vendored and the plain Click raise different classes: judged by shape
            if type(exc).__name__ == "NoArgsIsHelpError":  # its message is the help itself
                typer.echo(exc.format_message(), err=True)
                sys.exit(exc.exit_code)
            if getattr(exc, "exit_code", None) == 2 and hasattr(exc, "format_message"):
                ctx = getattr(exc, "ctx", None)
                if ctx is not None:
                    typer.echo(ctx.get_usage().replace("Usage:", "用法："), err=True)
                    typer.echo(f"用 '{ctx.command_path} --help' 查看帮助。", err=True)
                typer.echo(f"错误：{_usage_message(exc.format_message())}", err=True)
                sys.exit(2)
            if hasattr(exc, "show") and hasattr(exc, "exit_code"):
                exc.show()
                sys.exit(exc.exit_code)
            if type(exc).__name__ == "Abort":
                typer.echo("已中止。", err=True)
                sys.exit(1)
            raise
        sys.exit(code if isinstance(code, int) else 0)


class _Group(_Chinese, TyperGroup):
    pass


class _Command(_Chinese, TyperCommand):
    pass


def _speak_chinese() -> None:
    """Help headings and tags go through module-level ``gettext`` aliases at call time: answer them in Chinese."""
    import importlib

    def gettext(message: str) -> str:
        return _ZH.get(message, message)

    for name in ("typer.core", "typer._click.core", "click.core"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "_"):
            module._ = gettext


_speak_chinese()

app = typer.Typer(
    name="jixiao",
    cls=_Group,
    help="绩效：部门整体支出绩效自评报告工具。由 YAML 数据生成标准公文格式的 Word 报告，并核验其中每一个数字。",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
    text = "text"
    json = "json"


def _fail(exc: JixiaoError) -> None:
    typer.echo(str(exc), err=True)
    raise typer.Exit(exc.exit_code)


DataArg = Annotated[Path, typer.Argument(help="部门年度数据 YAML 文件", show_default=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="输出格式：text（默认）或 json")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="有警告时也以退出码 1 结束")]


@app.command(cls=_Command)
def render(
    data: DataArg,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="输出 .docx 路径（默认：与 YAML 同名）")] = None,
    template: Annotated[Optional[str], typer.Option("--template", "-t", help="内置模板名（hunan 湖南、chongqing 重庆、sichuan 四川）或自己的 .docx 模板路径")] = None,
    force: Annotated[bool, typer.Option("--force", help="即使核验发现错误也生成报告")] = False,
) -> None:
    """由 YAML 数据生成自评报告（.docx）。先运行全部核验：有错误时不生成，除非 --force。"""
    from . import checks
    from .load import load
    from .word import render as render_report

    out = output or data.with_suffix(".docx")
    try:
        loaded = load(data)
        result = checks.check(loaded)
        if result.findings:
            typer.echo(result.text(), err=True)
        if result.errors and not force:
            typer.echo("发现错误，未生成报告。请修正数据，或用 --force 强制生成。", err=True)
            raise typer.Exit(1)
        written = render_report(loaded, out, template=template)
    except JixiaoError as exc:
        _fail(exc)
    typer.echo(f"已生成：{written}")


@app.command(cls=_Command)
def check(
    data: Annotated[list[Path], typer.Argument(help="一个或多个 YAML 文件", show_default=False)],
    format: FormatOpt = Format.text,
    strict: StrictOpt = False,
) -> None:
    """核验 YAML 数据中的每一个数字：合计、占比、增减、得分、等级、日期及正文中的数字。"""
    from . import checks
    from .load import load

    _each(data, lambda path: checks.check(load(path)), format, strict, with_quote=False)


@app.command(cls=_Command)
def lint(
    report: Annotated[list[Path], typer.Argument(help="已写好的报告：.docx、.txt 或 .md", show_default=False)],
    format: FormatOpt = Format.text,
    strict: StrictOpt = False,
) -> None:
    """查找现有报告（.docx/.txt/.md）中对不上的数字，无需 YAML。"""
    from .claims import lint as lint_report

    _each(report, lint_report, format, strict, with_quote=True)


def _each(paths: list[Path], run, format: Format, strict: bool, with_quote: bool) -> None:
    """Run ``run`` on every path; print the results together; exit with the worst code (2 for unreadable input).

    JSON is one object for one path and a list for several (files that cannot be read are left out of the list;
    their messages go to stderr), so its shape depends only on the command line.
    """
    code, results = 0, []
    for path in paths:
        try:
            result = run(path)
        except JixiaoError as exc:
            typer.echo(str(exc), err=True)
            code = 2
            continue
        results.append(result)
        code = max(code, result.exit_code(strict))
    if format is Format.json:
        import json

        payload = [r.as_dict(with_quote) for r in results]
        if len(paths) > 1:
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        elif payload:
            typer.echo(json.dumps(payload[0], ensure_ascii=False, indent=2))
    else:
        for r in results:
            typer.echo(r.text())
    raise typer.Exit(code)


@app.command(cls=_Command)
def rules(code: Annotated[Optional[str], typer.Argument(help="规则代码，如 SUM001", show_default=False)] = None) -> None:
    """列出全部核验规则；给出代码时解释该规则并举例。"""
    from .rules import FAMILY_NAMES, catalogue

    rules = catalogue()
    if code is None:
        for rule in rules.values():
            sev = "错误" if rule.severity == "error" else "警告"
            typer.echo(f"{rule.code}  {sev}  {rule.title}")
        typer.echo(f"共 {len(rules)} 条规则。用 jixiao rules 代码 查看说明。")
        return
    rule = rules.get(code.upper())
    if rule is None:
        typer.echo(f"未知规则代码：{code}。用 jixiao rules 查看全部规则。", err=True)
        raise typer.Exit(2)
    sev = "错误" if rule.severity == "error" else "警告"
    family = FAMILY_NAMES.get(rule.family, rule.family)
    typer.echo(f"{rule.code}（{sev}，{family}类）：{rule.title}\n\n{rule.explanation}")
    if rule.example:
        typer.echo(f"\n示例：\n  {rule.example}")


def main() -> None:
    """Console entry point."""
    try:
        app()
    except JixiaoError as exc:  # pragma: no cover - commands catch their own
        print(str(exc), file=sys.stderr)
        sys.exit(exc.exit_code)


if __name__ == "__main__":  # pragma: no cover
    main()
