"""The rule catalogue: every finding code, what it checks, why it matters and an example.

Rule families register their rules here when they are imported (``toolkit.checks`` imports every family,
``toolkit.claims`` its relations), so ``jixiao rules`` and the documentation list one catalogue.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str  # family prefix + three digits, e.g. SUM001
    family: str  # sums / balance / shares / scores / dates / narrative / input / lint
    severity: str  # default severity: error or warning
    title: str  # one line, Chinese
    explanation: str  # what it checks and why it matters, Chinese
    example: str = ""  # an example of a finding, Chinese


CATALOGUE: dict[str, Rule] = {}

#: how each family is named to users
FAMILY_NAMES = {
    "input": "输入", "sums": "合计", "balance": "平衡", "shares": "占比与比率", "scores": "得分与等级",
    "dates": "日期", "narrative": "正文", "lint": "现有报告",
}


def register(code: str, family: str, severity: str, title: str, explanation: str, example: str = "") -> Rule:
    """Add a rule to the catalogue (idempotent for the same code) and return it."""
    rule = Rule(code, family, severity, title, explanation, example)
    existing = CATALOGUE.get(code)
    if existing is not None and existing != rule:
        raise ValueError(f"rule code {code} registered twice with different definitions")
    CATALOGUE[code] = rule
    return rule


def load_all() -> dict[str, Rule]:
    """Import every module that registers rules and return the catalogue sorted by code."""
    from . import checks, claims, load  # noqa: F401  (importing registers their rules)
    return dict(sorted(CATALOGUE.items()))
