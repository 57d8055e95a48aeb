"""Pieces the built-in outlines share."""
from __future__ import annotations

from .spec import Markdown, Sentence

#: the three budgets beside the general one, as the outlines name them
FUNDS = (("government_fund", "政府性基金预算"), ("state_capital", "国有资本经营预算"),
         ("social_insurance", "社会保险基金预算"))


def head() -> tuple:
    """The top-left label (附件4, when given), the title and the preface."""
    return (Sentence("label", path="label", style="JxAttachLabel"),
            Sentence("title", path="title_lines", style="JxTitle"),
            Markdown("preface", path="text.preface"))


def funds_when_present() -> tuple:
    """The other budgets' sentence and note, only when the data has that budget (no chapter of their own)."""
    out = []
    for key, _name in FUNDS:
        out += [Sentence(key, path=f"text.{key}", when=f"budget.{key}.present"),
                Markdown(f"budget.{key}.text", path=f"budget.{key}.text", when=f"budget.{key}.present")]
    return tuple(out)
