"""The rule catalogue: every finding code, what it checks, why it matters and an example.

A rule is declared beside the check that raises it, as a :class:`Rule` constant of that module (``SUM001 =
Rule(...)``), and raises its findings through :meth:`Rule.finding`, so the severity reported is the catalogue's:
the rule's own severity when the figures are wrong, a warning when they differ only within rounding (or the
verdict is a doubt). The catalogue is gathered from the explicit list :data:`FAMILIES` of modules; importing this
module imports none of them (no import circle: the checks import ``toolkit.rules``, never the reverse at import).

To add a family: declare its ``Rule`` constants in its module and add the module to :data:`FAMILIES`.
:func:`register` is kept for code written against the earlier registry: it makes a Rule and adds it to the
catalogue directly.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from .domain.tolerance import Verdict, with_note
from .findings import ERROR, WARNING, Finding, Location, YamlSpot

#: how each family is named to users
FAMILY_NAMES = {
    "input": "输入", "sums": "合计", "balance": "平衡", "shares": "占比与比率", "scores": "得分与等级",
    "dates": "日期", "narrative": "正文", "filling": "填写", "lint": "现有报告", "verify": "版式",
    "output": "输出",
}

#: every module that declares rules, in catalogue order
FAMILIES = [
    "toolkit.load",
    "toolkit.checks.sums", "toolkit.checks.balance", "toolkit.checks.shares", "toolkit.checks.scores",
    "toolkit.checks.dates", "toolkit.checks.narrative", "toolkit.checks.filling",
    "toolkit.claims.prose", "toolkit.claims.scores", "toolkit.claims.headings", "toolkit.claims.tables",
    "toolkit.claims.ledger", "toolkit.claims.repeats", "toolkit.claims.slips", "toolkit.claims.sangong",
    "toolkit.claims.counts", "toolkit.claims.results", "toolkit.claims.share_columns",
    "toolkit.verify",
    "toolkit.word.printed",
]


@dataclass(frozen=True)
class Rule:
    code: str  # family prefix + three digits, e.g. SUM001
    family: str  # sums / balance / shares / scores / dates / narrative / filling / input / lint / verify
    severity: str  # error or warning: what a finding of this rule is when the figures are wrong
    title: str  # one line, Chinese
    explanation: str  # what it checks and why it matters, Chinese
    example: str = ""  # an example of a finding, Chinese

    def finding(self, message: str, location: Location | None = None, verdict: Verdict = Verdict.WRONG,
                **details: Any) -> Finding:
        """A finding of this rule: severity from the catalogue (a warning for a verdict within rounding or in
        doubt), the message worded for its verdict (:func:`toolkit.domain.tolerance.with_note`)."""
        severity = WARNING if verdict.is_warning else self.severity
        return Finding(self.code, severity, with_note(message, verdict), location or YamlSpot(), **details)


_REGISTERED: dict[str, Rule] = {}


def register(code: str, family: str, severity: str, title: str, explanation: str, example: str = "") -> Rule:
    """Add a rule to the catalogue outside the family modules (idempotent for the same definition)."""
    rule = Rule(code, family, severity, title, explanation, example)
    existing = _REGISTERED.get(code)
    if existing is not None and existing != rule:
        raise ValueError(f"rule code {code} registered twice with different definitions")
    _REGISTERED[code] = rule
    return rule


def catalogue() -> dict[str, Rule]:
    """Every rule, by code in code order: the Rule constants of each module of :data:`FAMILIES`."""
    rules: dict[str, Rule] = {}
    for name in FAMILIES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, Rule):
                if value.code in rules and rules[value.code] != value:
                    raise ValueError(f"rule code {value.code} declared twice with different definitions")
                rules[value.code] = value
    for code, rule in _REGISTERED.items():
        rules.setdefault(code, rule)
    return dict(sorted(rules.items()))


def load_all() -> dict[str, Rule]:
    """The catalogue (the earlier name of :func:`catalogue`)."""
    return catalogue()


__all__ = ["Rule", "FAMILIES", "FAMILY_NAMES", "catalogue", "register", "ERROR", "WARNING"]
