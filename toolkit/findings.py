"""Findings: what a check or the linter says about a report, and its text / JSON output.

One type for every finding, whoever raises it. A finding has a stable code (family prefix + three digits), a
severity, a Chinese message that states both numbers, a :data:`Location`, the expected and found values, and an
optional help line and quote. The location is one of

* :class:`YamlSpot` — a value of a YAML report (data path, line, column): ``jixiao check``;
* :class:`TextSpot` — a paragraph of a report (``第12段``), or a place inside a text being read (``offset`` /
  ``end`` into it, before the caller knows where that text is): ``jixiao lint`` and the narrative checks;
* :class:`CellSpot` — a table cell (``表2 第3行 第4列``).

Findings are made by their rule (:meth:`toolkit.rules.Rule.finding`), which sets the severity from the catalogue.
Migration from the earlier keyword form ``Finding(code, severity, message, path=…, line=…, column=…)``: pass
``location=YamlSpot(path, line, column)``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Iterable

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class YamlSpot:
    """A value in a YAML report."""

    path: str | None = None  # data path such as budget.income.amount
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based


@dataclass(frozen=True)
class TextSpot:
    """A paragraph of a report, or a place inside a text being read."""

    paragraph: int | None = None  # 1-based paragraph number (tables not counted); None before it is known
    line: int | None = None  # line in a .txt / .md, the paragraph number in a .docx
    offset: int = 0  # where in the paragraph's text the claim is (for the quote)
    end: int | None = None  # where it ends, when it spans sentences


@dataclass(frozen=True)
class CellSpot:
    """A cell (or a row, when ``col`` is None) of a table of a report."""

    table: int | None  # 1-based table number; None before it is known
    row: int  # 0-based
    col: int | None = None  # 0-based
    line: int | None = None


Location = YamlSpot | TextSpot | CellSpot


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    location: Location = field(default_factory=YamlSpot)
    expected: str | None = None
    found: str | None = None
    help: str | None = None
    file: str | None = None
    #: the sentence or table row the claim was read from
    quote: str | None = None

    # -- where ---------------------------------------------------------------------------------------------

    @property
    def path(self) -> str | None:
        return self.location.path if isinstance(self.location, YamlSpot) else None

    @property
    def line(self) -> int | None:
        return self.location.line

    @property
    def column(self) -> int | None:
        return self.location.column if isinstance(self.location, YamlSpot) else None

    @property
    def where(self) -> str | None:
        """``第12段`` / ``表2 第3行 第4列``: where in a report, beside the line."""
        loc = self.location
        if isinstance(loc, TextSpot) and loc.paragraph is not None:
            return f"第{loc.paragraph}段"
        if isinstance(loc, CellSpot) and loc.table is not None:
            s = f"表{loc.table} 第{loc.row + 1}行"
            return s + (f" 第{loc.col + 1}列" if loc.col is not None else "")
        return None

    def at(self, location: Location, **changes: Any) -> "Finding":
        """The same finding at another location (the caller knows where the text or table it was read from is)."""
        return replace(self, location=location, **changes)

    # -- output --------------------------------------------------------------------------------------------

    def place(self) -> str:
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def text(self) -> str:
        loc = self.place()
        if self.where:
            loc = f"{loc}: {self.where}"
        tag = "" if self.severity == ERROR else "（警告）"
        line = f"{loc}: {self.code}{tag} {self.message}"
        if self.path:
            line += f" [{self.path}]"
        if self.help:
            line += f"\n    提示：{self.help}"
        if self.quote:
            line += f"\n    原文：{self.quote}"
        return line

    def as_dict(self, with_quote: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {"code": self.code, "severity": self.severity, "message": self.message,
                             "path": self.path, "line": self.line, "column": self.column,
                             "expected": self.expected, "found": self.found, "help": self.help}
        if with_quote:
            d["quote"] = self.quote
            d["where"] = self.where
        return d


def value_text(v: object) -> str | None:
    """Expected / found values as the text a report would print."""
    if v is None:
        return None
    if isinstance(v, Decimal):
        return f"{v:f}"
    return str(v)


@dataclass
class Result:
    """All findings about one file."""

    file: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == WARNING)

    def extend(self, items: Iterable[Finding]) -> None:
        for f in items:
            if f.file is None:
                f.file = self.file
            self.findings.append(f)

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: (f.line or 0, f.column or 0, f.code))

    def summary(self) -> str:
        if not self.findings:
            return f"{self.file}：未发现问题。"
        return f"{self.file}：共 {self.errors} 个错误，{self.warnings} 个警告。"

    def text(self) -> str:
        lines = [f.text() for f in self.sorted()]
        lines.append(self.summary())
        return "\n".join(lines)

    def as_dict(self, with_quote: bool = False) -> dict[str, Any]:
        return {
            "file": self.file,
            "findings": [f.as_dict(with_quote) for f in self.sorted()],
            "errors": self.errors,
            "warnings": self.warnings,
        }

    def json(self, with_quote: bool = False) -> str:
        import json  # only for JSON output: not imported by every `jixiao check`

        return json.dumps(self.as_dict(with_quote), ensure_ascii=False, indent=2)

    def exit_code(self, strict: bool = False) -> int:
        if self.errors or (strict and self.warnings):
            return 1
        return 0
