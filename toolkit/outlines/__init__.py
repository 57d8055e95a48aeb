"""The built-in report outlines as data: one declaration per outline (``hunan``, ``chongqing``, ``sichuan``).

A declaration (:class:`spec.Outline`) is the section tree with each heading's text, when it appears and its
content blocks, every one with a stable name; :mod:`toolkit.word.outline` walks it. To add an outline, write
``toolkit/outlines/NAME.py`` with an ``OUTLINE`` and add NAME to :data:`NAMES` (its page and styles are the
shared built-in .docx, see ``templates/build.py``); :func:`register` adds one at run time (the tests do).
"""
from __future__ import annotations

import importlib

from .spec import Block, Chart, Closing, First, Fixed, Markdown, Numbered, Outline, Rich, Section, Sentence, walk

__all__ = ["Block", "Chart", "Closing", "First", "Fixed", "Markdown", "Numbered", "Outline", "Rich", "Section",
           "Sentence", "walk", "NAMES", "get", "register", "all_outlines", "names_everywhere"]

#: the built-in outlines, in the order ``jixiao templates list`` shows them
NAMES = ("hunan", "chongqing", "sichuan")

_REGISTRY: dict[str, Outline] = {}


def get(name: str) -> Outline:
    """The declaration of an outline by name (KeyError when unknown)."""
    key = name.strip().lower()
    if key not in _REGISTRY:
        if key not in NAMES:
            raise KeyError(name)
        _REGISTRY[key] = importlib.import_module(f"{__name__}.{key}").OUTLINE
    return _REGISTRY[key]


def register(outline: Outline) -> Outline:
    """Add (or replace) an outline at run time; it renders with the built-in page and styles."""
    _REGISTRY[outline.name] = outline
    return outline


def all_outlines() -> list[Outline]:
    """Every known outline: the built-in ones, then any registered."""
    for name in NAMES:
        get(name)
    return list(_REGISTRY.values())


def names_everywhere() -> dict[str, set[str]]:
    """Each stable name -> the outlines that have it (to tell a typo from a name of another outline)."""
    out: dict[str, set[str]] = {}
    for o in all_outlines():
        for item in walk(o.body):
            out.setdefault(item.name, set()).add(o.name)
    return out
