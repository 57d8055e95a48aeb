"""The ``jixiao`` command: a thin Typer layer over the library.

Each command parses its arguments, calls one library function, prints the result and sets the exit code:
0 clean, 1 findings at error level (or warnings with ``--strict``), 2 bad input or usage. A
:class:`~toolkit.errors.JixiaoError` becomes a Chinese message on stderr, never a traceback.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import JixiaoError

app = typer.Typer(
    name="jixiao",
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


@app.command()
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


@app.command()
def check(
    data: Annotated[list[Path], typer.Argument(help="一个或多个 YAML 文件", show_default=False)],
    format: FormatOpt = Format.text,
    strict: StrictOpt = False,
) -> None:
    """核验 YAML 数据中的每一个数字：合计、占比、增减、得分、等级、日期及正文中的数字。"""
    from . import checks
    from .load import load

    _each(data, lambda path: checks.check(load(path)), format, strict, with_quote=False)


@app.command()
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


@app.command()
def rules(code: Annotated[Optional[str], typer.Argument(help="规则代码，如 SUM001", show_default=False)] = None) -> None:
    """列出全部核验规则；给出代码时解释该规则并举例。"""
    from .rules import FAMILY_NAMES, load_all

    catalogue = load_all()
    if code is None:
        for rule in catalogue.values():
            sev = "错误" if rule.severity == "error" else "警告"
            typer.echo(f"{rule.code}  {sev}  {rule.title}")
        typer.echo(f"共 {len(catalogue)} 条规则。用 jixiao rules 代码 查看说明。")
        return
    rule = catalogue.get(code.upper())
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
