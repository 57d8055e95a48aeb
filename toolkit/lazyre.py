"""The module ``re`` with ``compile`` deferred: a pattern is compiled when it is first used, not when its module
is imported.

The claim engine (``toolkit/claims``) compiles over a hundred patterns at import; ``jixiao check`` imports it for
the narrative checks, and a report's narrative needs about half of them, so compiling the others was start-up
spent for nothing (issue 13). A module that writes ``from ..lazyre import re`` gets this object as its ``re``:
``re.compile`` returns a :class:`LazyPattern` (the same pattern, compiled at its first ``search``, ``sub``,
``finditer`` …; ``.pattern`` is its text without compiling), the module-level functions accept one where they
take a pattern, and everything else (flags, ``escape``, ``Match``, ``Pattern``) is ``re``'s own.
"""
from __future__ import annotations

import re as _re
from typing import Any


class LazyPattern:
    """A compiled pattern that is compiled when first used; its methods are then the compiled pattern's."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    @property
    def pattern(self) -> str:
        return self._source[0]

    def compiled(self) -> _re.Pattern[str]:
        try:
            return self.__dict__["_compiled"]
        except KeyError:
            self.__dict__["_compiled"] = pattern = _re.compile(*self._source)
            return pattern

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value  # the bound method from now on, without coming back here
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r}, {self._source[1]!r})"


def _real(pattern: Any) -> Any:
    return pattern.compiled() if isinstance(pattern, LazyPattern) else pattern


class _Re:
    """``re`` with :meth:`compile` deferred (see the module's text)."""

    @staticmethod
    def compile(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, LazyPattern):
            return pattern
        return LazyPattern(pattern, flags) if isinstance(pattern, str) else _re.compile(pattern, flags)

    @staticmethod
    def search(pattern: Any, string: str, flags: int = 0) -> Any:
        return _re.search(_real(pattern), string, flags)

    @staticmethod
    def match(pattern: Any, string: str, flags: int = 0) -> Any:
        return _re.match(_real(pattern), string, flags)

    @staticmethod
    def fullmatch(pattern: Any, string: str, flags: int = 0) -> Any:
        return _re.fullmatch(_real(pattern), string, flags)

    @staticmethod
    def sub(pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
        return _re.sub(_real(pattern), repl, string, count, flags)

    @staticmethod
    def subn(pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0) -> tuple[str, int]:
        return _re.subn(_real(pattern), repl, string, count, flags)

    @staticmethod
    def split(pattern: Any, string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
        return _re.split(_real(pattern), string, maxsplit, flags)

    @staticmethod
    def findall(pattern: Any, string: str, flags: int = 0) -> list[Any]:
        return _re.findall(_real(pattern), string, flags)

    @staticmethod
    def finditer(pattern: Any, string: str, flags: int = 0) -> Any:
        return _re.finditer(_real(pattern), string, flags)

    def __getattr__(self, name: str) -> Any:
        return getattr(_re, name)


re = _Re()
