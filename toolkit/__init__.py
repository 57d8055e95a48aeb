"""jixiao (绩效): 部门整体支出绩效自评报告 from YAML to standard 公文 Word, with every figure proved.

Scripting API::

    from toolkit import load, check, render, lint
    loaded = load("examples/ziyang-gxj-2022.yaml")
    result = check(loaded)                       # a Result: findings, errors, warnings, text(), json()
    print(result.text())
    rendered = render(loaded, "report.docx", force=True)   # refuses (ReportHasErrors) on errors unless force
    print(rendered.path, rendered.result.errors)
    print(lint("report.docx").text())

Importing the package imports none of the heavy libraries (pydantic, ruamel.yaml, docxtpl, lxml …): each function
imports what it needs when called.
"""
from __future__ import annotations

import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, JixiaoError, OutputError, ReportHasErrors, TemplateError

if TYPE_CHECKING:  # pragma: no cover
    from .findings import Result
    from .load import Loaded
    from .model import Report

__version__ = "0.1.0"
__all__ = ["load", "loads", "check", "check_outline", "render", "lint", "Rendered", "Loaded", "Result", "JixiaoError", "InputError",
           "TemplateError", "OutputError", "ReportHasErrors"]


def load(path: str | Path) -> "Loaded":
    """Load a YAML report; raises :class:`InputError` (in Chinese, with file:line:col) for anything unreadable."""
    from .load import load as _load

    return _load(path)


def loads(text: str, file: str = "<input>") -> "Loaded":
    """Load a YAML report from text."""
    from .load import loads as _loads

    return _loads(text, file)


def check(loaded: "Loaded") -> "Result":
    """Run every consistency rule on a loaded report; the load warnings (unknown keys, encoding) come first."""
    from .checks import check as _check

    return _check(loaded)


@dataclass(frozen=True)
class Rendered:
    """A written report and the check it passed (its warnings, or its errors when forced)."""

    path: Path
    result: "Result"


def render(loaded: "Loaded", output: str | Path, template: str | Path | None = None,
           force: bool = False, pdf: bool = False) -> Rendered:
    """Check ``loaded`` and write its report to ``output`` (.docx, or .pdf for a PDF only; atomically).

    ``pdf=True`` with a .docx output also writes the PDF beside it (LibreOffice, :mod:`toolkit.pdf`;
    :class:`PdfError` when it cannot be made).

    ``template``: None (the report's ``outline``, default hunan), a built-in name (``hunan``, ``chongqing``,
    ``sichuan``) or the path of your own .docx. Raises :class:`ReportHasErrors` when the check finds errors,
    unless ``force``; :class:`TemplateError` for a bad template, :class:`OutputError` when the file cannot be
    written.
    """
    from .word import render as _render, renderer_for
    from .word.printed import findings as unprinted

    result = check(loaded)
    if result.errors and not force:
        raise ReportHasErrors(result)
    written = _render(loaded, output, template=template, pdf=pdf)
    docx = None
    if Path(written).suffix.lower() == ".docx":  # the renderer keeps the body it wrote: no need to read the file
        kept = renderer_for(template, default=loaded.report.outline or "hunan").wrote(loaded.report)
        docx = None if kept else Path(written).read_bytes()
    result.extend(unprinted(loaded, template, docx=docx))  # OUT001: what the outline leaves out
    return Rendered(written, result)


def check_outline(loaded: "Loaded", template: str | Path | None = None) -> "Result":
    """:func:`check`, and OUT001 for every value of the data that ``template`` (None: the report's outline) does
    not print: the report is rendered in memory, nothing is written."""
    from .word.printed import findings as unprinted

    result = check(loaded)
    result.extend(unprinted(loaded, template))
    return result


def lint(path: str | Path) -> "Result":
    """Find arithmetic errors in an existing report (.docx, .txt, .md); raises :class:`InputError` for a missing,
    corrupt or unsupported file."""
    from .claims import lint as _lint

    return _lint(path)


def __getattr__(name: str):
    """The result types, imported when first asked for (``toolkit.Loaded``, ``toolkit.Result``)."""
    if name == "Loaded":
        from .load import Loaded

        return Loaded
    if name == "Result":
        from .findings import Result

        return Result
    raise AttributeError(f"module 'toolkit' has no attribute {name!r}")


class _Package(types.ModuleType):
    """The package keeps its API names when a submodule of the same name is imported later (``toolkit.load`` the
    module is imported lazily, and importing a submodule would otherwise rebind ``toolkit.load`` to it)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in ("load", "loads", "check", "render", "lint") and isinstance(value, types.ModuleType):
            return  # the submodule stays in sys.modules (``from toolkit.load import Loaded`` works)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
