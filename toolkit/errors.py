"""Errors raised by the toolkit.

Every error the user can cause (bad YAML, wrong types, a broken template, an unreadable report) is a
:class:`JixiaoError`. The CLI turns it into a Chinese message and exit code 2, never a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING


class JixiaoError(Exception):
    """Base class of every error the toolkit reports to a user."""

    exit_code = 2

    def __str__(self) -> str:  # pragma: no cover - subclasses override
        return super().__str__()


@dataclass
class Problem:
    """One located problem in an input file (a YAML syntax error, a wrong type, a missing field)."""

    message: str
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    path: str | None = None  # data path such as ``budget.income.amount``

    def location(self) -> str:
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = f" [{self.path}]" if self.path else ""
        return f"{self.location()}: {self.message}{where}"


@dataclass
class InputError(JixiaoError):
    """The input could not be read or validated; carries every problem found, not just the first."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        Exception.__init__(self, str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class TemplateError(JixiaoError):
    """A template is missing, is not a .docx, or its Jinja tags are broken or use an unknown variable."""


class OutputError(JixiaoError):
    """The output file could not be written."""


class ReportHasErrors(JixiaoError):
    """:func:`toolkit.render` refused to write a report whose data has errors (``force=True`` writes it anyway).
    ``result`` holds the findings; exit code 1, as for findings."""

    exit_code = 1

    def __init__(self, result: "Result") -> None:
        super().__init__("发现错误，未生成报告。请修正数据，或用 --force 强制生成。")
        self.result = result

    def __str__(self) -> str:
        return str(self.args[0])


class PdfError(JixiaoError):
    """A PDF could not be made: LibreOffice is missing, timed out, or failed on a file."""


if TYPE_CHECKING:  # pragma: no cover
    from .findings import Result
