"""Findings: what a check or the linter says about a report, and its text / JSON output.

A finding has a stable code (family prefix + three digits), a severity, a Chinese message that states both
numbers, a location (file:line:col and the data path, or paragraph / table / row / cell for ``lint``), the
expected and found values, and an optional help line.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Iterable

ERROR = "error"
WARNING = "warning"


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    expected: str | None = None
    found: str | None = None
    help: str | None = None
    file: str | None = None
    #: lint only: the sentence or table cell the claim was read from
    quote: str | None = None
    #: lint only: human location such as "第12段" or "表2 第3行 第4列"
    where: str | None = None

    def location(self) -> str:
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def text(self) -> str:
        loc = self.location()
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

    def as_dict(self, with_quote: bool = False) -> dict:
        d = asdict(self)
        d.pop("file")
        d.pop("where")
        if not with_quote:
            d.pop("quote")
        else:
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

    def as_dict(self, with_quote: bool = False) -> dict:
        return {
            "file": self.file,
            "findings": [f.as_dict(with_quote) for f in self.sorted()],
            "errors": self.errors,
            "warnings": self.warnings,
        }

    def json(self, with_quote: bool = False) -> str:
        return json.dumps(self.as_dict(with_quote), ensure_ascii=False, indent=2)

    def exit_code(self, strict: bool = False) -> int:
        if self.errors or (strict and self.warnings):
            return 1
        return 0
