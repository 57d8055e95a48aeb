"""The vocabulary of an outline declaration: sections (headings) and their content blocks.

An outline is data: a tree of :class:`Section` (a heading, its level given by its depth in the tree) whose
content is an ordered mix of blocks and sub-sections. A block names what it prints by a *path* into the render
context (``text.income``, ``narrative.problems``, ``item.heading`` inside a repeated section); the sentences
themselves are written by :mod:`toolkit.word.context` and :mod:`toolkit.word.sichuan`. The walker
(:mod:`toolkit.word.outline`) turns a declaration and a context into the report body; adding an outline is
writing one declaration (see docs/templates.md), no renderer change.

Every section and every block has a *stable name*, unique within its outline, by which the YAML ``layout:``
block renames a heading, omits a section or block, or replaces a block with the user's own Markdown.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Union


@dataclass(frozen=True)
class Block:
    """Something printed under a heading. ``name`` is its stable name."""

    name: str
    #: a context path that must be true for the block to print (``budget.government_fund.present``)
    when: str | None = None

    #: whether printing it makes its heading non-empty (the outline's own fixed words do not)
    content = True


@dataclass(frozen=True)
class Sentence(Block):
    """A generated sentence: the string at ``path`` as one paragraph of ``style`` (nothing when empty)."""

    path: str = ""
    style: str = "JxBody"


@dataclass(frozen=True)
class Markdown(Block):
    """A Markdown field of the data (``path``), as body paragraphs; ``depth`` 1 numbers its lists （1） (under a
    "1." heading). ``lead`` is a line printed before it when it prints, formatted from the context
    (``"{year}年度部门整体支出绩效目标："``); ``default`` a context path printed when the field is not written
    (the standard preface), while a field written empty prints nothing."""

    path: str = ""
    depth: int = 0
    lead: str | None = None
    #: a context path printed when the field was not written at all (None); written empty (""), nothing prints
    default: str | None = None


@dataclass(frozen=True)
class Numbered(Block):
    """A list of strings at ``path``, one paragraph each, numbered as headings of ``level`` (3: 1. 4: （1））;
    a list of one is a plain paragraph."""

    path: str = ""
    level: int = 3


@dataclass(frozen=True)
class Rich(Block):
    """Paragraphs or a table the context already holds as WordprocessingML (``projects``, ``group_members``)."""

    path: str = ""


@dataclass(frozen=True)
class Fixed(Block):
    """The outline's own words (a definition such as "基本支出是用于…"), formatted from the context. It never
    makes a heading non-empty: a section holding only fixed words is left out."""

    text: str = ""
    content = False


@dataclass(frozen=True)
class Chart(Block):
    """A native Word chart of the figures (``chart``: a name of :data:`toolkit.word.charts.NAMES`), placed after
    the sentence that discusses them; nothing when the data has none or ``charts:`` switches it off. Like the
    outline's fixed words it never makes a heading non-empty."""

    chart: str = ""
    content = False


@dataclass(frozen=True)
class First(Block):
    """The first of ``choices`` that prints (an indicator's own narrative, else the generated sentence)."""

    choices: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Closing(Block):
    """The end of the text: 附件说明, the signature (``signature``: ``signature_block`` prints it only when the
    data gives a signature or date, ``sign_off`` always) and each attachment on a new page."""

    signature: str = "signature_block"


Content = Union[Block, "Section"]


@dataclass(frozen=True)
class Section:
    """A heading and what it holds, in order. Its level is its depth in the outline (1: 一、 … 4: （1）).

    * ``title``: the heading text; ``{path}`` parts are filled from the context (``"{text.method_title}"``).
    * ``when``: a context path that must be true for the section to appear at all.
    * ``none``: a fixed chapter of the outline: when nothing under it prints, the heading stays, with this
      sentence (formatted from the context: ``"{year}年本单位无政府性基金预算支出。"``). Without ``none`` an
      empty section is left out and the numbers close up.
    * ``each``: a context path to a list; the section is repeated for each item, its paths reading the item as
      ``item`` (``title="{item.heading}"``).
    * ``headed``: ``"always"``; ``"several"``: the heading is printed only when another ``"several"`` sibling
      prints too (else its content runs on under the parent's heading: one list under 六、 needs no sub-heading,
      two lists numbered from 1 each do); ``"follow"``: headed exactly when the ``"several"`` siblings are (the
      score sentence after them gets its own sub-heading then, instead of reading as part of the last one).
    """

    name: str
    title: str
    content: tuple[Content, ...] = ()
    when: str | None = None
    none: str | None = None
    each: str | None = None
    headed: str = "always"

    def sections(self) -> Iterator["Section"]:
        for c in self.content:
            if isinstance(c, Section):
                yield c


@dataclass(frozen=True)
class Outline:
    """One regional outline: its stable name, a one-line description and the body (blocks before the first
    chapter, such as the preface, then the chapters, then the :class:`Closing`)."""

    name: str
    description: str
    body: tuple[Content, ...]
    source: str = ""
    _names: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        seen: dict[str, object] = {}
        for item in walk(self.body):
            if item.name in seen:
                raise ValueError(f"outline {self.name}: the name {item.name!r} is used twice")
            seen[item.name] = item
        self._names.update(seen)

    def find(self, name: str) -> "Section | Block | None":
        return self._names.get(name)

    def sections(self) -> list[Section]:
        return [i for i in self._names.values() if isinstance(i, Section)]

    def blocks(self) -> list[Block]:
        return [i for i in self._names.values() if isinstance(i, Block)]


def walk(content: tuple[Content, ...]) -> Iterator["Section | Block"]:
    """Every section and block of a content tuple, depth first, in document order (a First's choices too)."""
    for c in content:
        yield c
        if isinstance(c, Section):
            yield from walk(c.content)
        elif isinstance(c, First):
            yield from walk(c.choices)
