"""jixiao (绩效): 部门整体支出绩效自评报告 from YAML to standard 公文 Word, with every figure proved.

Scripting API::

    from toolkit import load, check, render, lint
    loaded = load("examples/ziyang-gxj-2022.yaml")
    result = check(loaded)          # toolkit.findings.Result
    print(result.text())
    render(loaded, "report.docx")   # built-in Hunan outline; template="chongqing", "sichuan" or a .docx path
    print(lint("report.docx").text())
"""
from __future__ import annotations

from typing import Any

from .errors import InputError, JixiaoError, TemplateError
from .load import Loaded, load, loads

__version__ = "0.1.0"
__all__ = ["load", "loads", "check", "render", "lint", "Loaded", "JixiaoError", "InputError", "TemplateError"]


def check(loaded: Loaded) -> Any:
    """Run every consistency rule on a loaded report; returns a :class:`toolkit.findings.Result`."""
    from .checks import check as _check

    return _check(loaded)


def render(loaded: Loaded, output: Any, template: Any = None, **kwargs: Any) -> Any:
    """Render a loaded report to a .docx (atomically). See :func:`toolkit.word.render`."""
    from .word import render as _render

    return _render(loaded, output, template=template, **kwargs)


def lint(path: Any) -> Any:
    """Find arithmetic errors in an existing report (.docx, .txt, .md). See :func:`toolkit.claims.lint`."""
    from .claims import lint as _lint

    return _lint(path)
