"""Pieces the built-in outlines share."""
from __future__ import annotations

from .spec import Chart, Markdown, Rich, Sentence

#: the three budgets beside the general one, as the outlines name them
FUNDS = (("government_fund", "政府性基金预算"), ("state_capital", "国有资本经营预算"),
         ("social_insurance", "社会保险基金预算"))


def head() -> tuple:
    """The top-left label (附件4, when given), the title and the preface (the standard one when none is written;
    ``preface: ""`` for none)."""
    return (Sentence("label", path="label", style="JxAttachLabel"),
            Sentence("title", path="title_lines", style="JxTitle"),
            Markdown("preface", path="narrative.preface", default="text.preface"))


def funds_when_present() -> tuple:
    """The other budgets' sentence and note, only when the data has that budget (no chapter of their own)."""
    out = []
    for key, _name in FUNDS:
        out += [Sentence(key, path=f"text.{key}", when=f"budget.{key}.present"),
                Markdown(f"budget.{key}.text", path=f"budget.{key}.text", when=f"budget.{key}.present")]
    return tuple(out)


def md(path: str, **options) -> Markdown:
    """A Markdown field of the data, named by its path (``narrative.problems``)."""
    return Markdown(path, path=path, **options)


def organisation() -> tuple:
    """机构: the unit's own text on its organisation, then the 内设机构 sentence."""
    return (md("unit.organisation"), Sentence("departments", path="text.departments"))


def staff() -> tuple:
    """人员: the 编制 / 实有 / 退休 sentence, then the user's note."""
    return (Sentence("staffing", path="text.staffing"), md("unit.staffing_note"))


def group(depth: int = 0) -> tuple:
    """The evaluation group: when it was set up, its members, the user's note on it."""
    return (Sentence("group", path="text.group"), Rich("group_members", path="group_members"),
            md("evaluation.group_note", depth=depth))


def verdict() -> tuple:
    """评价结论: the generated score sentence (left out when the narrative states the score), the score chart and
    the user's conclusion."""
    return (Sentence("conclusion", path="text.conclusion"), chart("scores"), md("narrative.conclusion"))


def chart(name: str) -> Chart:
    """A native chart (toolkit/word/charts.py), named ``chart.NAME`` in the outline."""
    return Chart(f"chart.{name}", chart=name)
