"""``jixiao rules [CODE]``: the catalogue of findings, or what one rule checks and an example."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from . import echo


def run(code: Annotated[Optional[str], typer.Argument(help="规则代码，如 SUM001", show_default=False)] = None) -> None:
    """列出全部核验规则；给出代码时解释该规则并举例。"""
    from ..rules import FAMILY_NAMES, catalogue

    rules = catalogue()
    if code is None:
        for rule in rules.values():
            echo(f"{rule.code}  {_severity(rule.severity)}  {rule.title}")
        echo(f"共 {len(rules)} 条规则。用 jixiao rules 代码 查看说明。")
        return
    rule = rules.get(code.upper())
    if rule is None:
        echo(f"未知规则代码：{code}。用 jixiao rules 查看全部规则。", err=True)
        raise typer.Exit(2)
    family = FAMILY_NAMES.get(rule.family, rule.family)
    echo(f"{rule.code}（{_severity(rule.severity)}，{family}类）：{rule.title}\n\n{rule.explanation}")
    if rule.example:
        echo(f"\n示例：\n  {rule.example}")


def _severity(severity: str) -> str:
    return "错误" if severity == "error" else "警告"
