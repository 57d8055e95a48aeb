"""The module ``re`` with ``compile`` deferred: a pattern is compiled when it is first used, not when its module
is imported.

The claim engine (``toolkit/claims``) compiles over a hundred patterns at import; ``jixiao check`` imports it for
the narrative checks, and a report's narrative needs about half of them, so compiling the others was start-up
spent for nothing (issue 13). A module that writes ``from ..lazyre import re`` gets this object as its ``re``:
``re.compile`` returns a :class:`LazyPattern` (the same pattern, compiled at its first ``search``, ``sub``,
``finditer`` …; ``.pattern`` is its text without compiling), the module-level functions accept one where they
take a pattern, and everything else (flags, ``escape``, ``Match``, ``Pattern``) is ``re``'s own.

The patterns of the source are also kept compiled between runs, as Python keeps a module's bytecode: ``re``'s
parser and code generator (≈ 0.1–0.5 ms a pattern for the engine's classes of Chinese characters, most of a
``jixiao check``'s own work) run once, and later processes hand the stored code to ``_sre.compile``, which is
what ``re.compile`` ends with. A pattern is stored only when it is written in the source (compiled at a module's
top level, or a literal of the function that uses it: never one built from the data), after the stored code was
compiled and found equal to ``re.compile``'s pattern (``==`` on patterns compares their compiled code). The store is
``__pycache__/lazyre.<interpreter>.<sre version>.bin`` beside this file, written at exit when it lacks a pattern the
run compiled and bytecode may be written (not with ``PYTHONDONTWRITEBYTECODE`` / ``-B``, nor in a directory we
cannot write); a store that cannot be read, or that another Python wrote, is not used.
"""
from __future__ import annotations

import os
import re as _re
import sys
from typing import Any

try:
    import _sre
    from array import array as _array
    from re import _compiler, _parser

    #: the array type of a compiled pattern's code words (kept as bytes: read 10× faster than a list of ints)
    _CODE = next(t for t in "IL" if _array(t).itemsize == _sre.CODESIZE)
except (ImportError, AttributeError, StopIteration):  # pragma: no cover - another implementation of re: no store
    _sre = None

#: where the compiled code is kept; None: no store for this interpreter
STORE = (os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__",
                      f"lazyre.{sys.implementation.cache_tag}.{getattr(_sre, 'MAGIC', 0)}.{sys.hexversion:x}.bin")
         if _sre is not None and sys.implementation.cache_tag else None)
#: at most this many patterns are stored (the source holds about a thousand)
LIMIT = 4096
_stored: dict[tuple[str, int], tuple] | None = None  # (pattern, flags) -> the arguments of _sre.compile after the pattern
_missing: dict[tuple[str, int], _re.Pattern[str]] = {}  # compiled in this run and not in the store
_pending: list["LazyPattern"] = []  # the source's lazy patterns, to store compiled at exit
_literal: dict[tuple[str, int], _re.Pattern[str]] = {}  # patterns written as text in a function, compiled


def _store() -> dict[tuple[str, int], tuple]:
    global _stored
    if _stored is None:
        _stored = {}
        if STORE is not None:
            import marshal

            try:
                with open(STORE, "rb") as f:
                    data = marshal.loads(f.read())  # marshal.load reads a file object in small pieces: 25× slower
                if isinstance(data, dict):
                    _stored = data
            except Exception:  # none yet, unreadable, damaged: compiled the usual way
                pass
            import atexit

            atexit.register(save)
    return _stored


def stored_compile(pattern: str, flags: int = 0) -> _re.Pattern[str]:
    """``re.compile(pattern, flags)`` for a pattern of the source: from the store when it holds it."""
    if isinstance(flags, _re.RegexFlag):
        flags = flags.value
    if not isinstance(pattern, str) or STORE is None or flags & (_re.DEBUG | _re.TEMPLATE):
        return _re.compile(pattern, flags)
    key = (pattern, flags)
    args = _store().get(key)
    if args is not None:
        try:
            flags, code, groups, groupindex, indexgroup = args
            return _sre.compile(pattern, flags, _array(_CODE, code).tolist(), groups, groupindex, indexgroup)
        except Exception:  # a damaged entry: compiled the usual way, and stored again
            pass
    compiled = _missing[key] = _re.compile(pattern, flags)
    return compiled


def _arguments(pattern: str, flags: int) -> tuple:
    """What ``re.compile`` passes to ``_sre.compile`` after the pattern (``re._compiler.compile``)."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    indexgroup = [None] * p.state.groups
    for name, i in p.state.groupdict.items():
        indexgroup[i] = name
    return (int(flags | p.state.flags), code, int(p.state.groups - 1),
            {str(k): int(v) for k, v in p.state.groupdict.items()}, tuple(indexgroup))


def save() -> None:
    """Add what this run compiled, and the source's lazy patterns it did not use, to the store (at exit)."""
    if STORE is None or sys.dont_write_bytecode:
        return
    stored = _store()
    todo = dict(_missing)
    for lazy in _pending:
        key = lazy._source
        if key not in stored and key not in todo and isinstance(key[0], str):
            try:
                todo[key] = _re.compile(*key)
            except Exception:
                pass
    todo = {k: v for k, v in todo.items() if k not in stored}
    if not todo:
        return
    import marshal

    try:
        with open(STORE, "rb") as f:
            store = marshal.loads(f.read())  # another process may have added patterns meanwhile
        if not isinstance(store, dict):
            store = {}
    except Exception:
        store = {}
    for key, compiled in todo.items():
        if len(store) >= LIMIT:
            break
        try:
            flags, code, groups, groupindex, indexgroup = _arguments(*key)
            if _sre.compile(key[0], flags, code, groups, groupindex, indexgroup) == compiled:  # re's code: kept
                store[key] = (flags, _array(_CODE, code).tobytes(), groups, groupindex, indexgroup)
        except Exception:
            pass
    try:
        os.makedirs(os.path.dirname(STORE), exist_ok=True)
        tmp = f"{STORE}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            marshal.dump(store, f)
        os.replace(tmp, STORE)
    except Exception:  # a directory we cannot write: no store, as with bytecode
        try:
            os.unlink(tmp)
        except Exception:
            pass
    stored.update(store)
    _missing.clear()


class LazyPattern:
    """A compiled pattern that is compiled when first used; its methods are then the compiled pattern's."""

    def __init__(self, pattern: str, flags: int = 0, source: bool = False) -> None:
        self._source = (pattern, flags.value if isinstance(flags, _re.RegexFlag) else flags)
        self._stored = source
        if source:
            _pending.append(self)

    @property
    def pattern(self) -> str:
        return self._source[0]

    def compiled(self) -> _re.Pattern[str]:
        try:
            return self.__dict__["_compiled"]
        except KeyError:
            compile = stored_compile if self._stored else _re.compile
            self.__dict__["_compiled"] = pattern = compile(*self._source)
            return pattern

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value  # the bound method from now on, without coming back here
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r}, {self._source[1]!r})"


def _real(pattern: Any, flags: int) -> tuple[Any, int]:
    """A pattern and flags for ``re``'s functions: a lazy pattern compiled; a text written as a literal in the
    function that calls ``re.search(r"…", text)`` compiled through the store (flags in it); any other text as it is."""
    if type(pattern) is str:
        try:
            return _literal[pattern, flags], 0
        except KeyError:
            pass
        except TypeError:  # flags that cannot be a key
            return pattern, flags
        if STORE is not None and pattern in sys._getframe(2).f_code.co_consts and len(_literal) < LIMIT:
            _literal[pattern, flags] = compiled = stored_compile(pattern, flags)
            return compiled, 0
        return pattern, flags
    if isinstance(pattern, LazyPattern):
        return pattern.compiled(), flags
    return pattern, flags


class _Re:
    """``re`` with :meth:`compile` deferred (see the module's text)."""

    @staticmethod
    def compile(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, LazyPattern):
            return pattern
        if isinstance(pattern, str):  # compiled at a module's top level: a pattern of the source, stored
            return LazyPattern(pattern, flags, sys._getframe(1).f_code.co_name == "<module>")
        return _re.compile(pattern, flags)

    @staticmethod
    def search(pattern: Any, string: str, flags: int = 0) -> Any:
        p, f = _real(pattern, flags)
        return _re.search(p, string, f) if f or type(p) is str else p.search(string)

    @staticmethod
    def match(pattern: Any, string: str, flags: int = 0) -> Any:
        p, f = _real(pattern, flags)
        return _re.match(p, string, f) if f or type(p) is str else p.match(string)

    @staticmethod
    def fullmatch(pattern: Any, string: str, flags: int = 0) -> Any:
        p, f = _real(pattern, flags)
        return _re.fullmatch(p, string, f) if f or type(p) is str else p.fullmatch(string)

    @staticmethod
    def sub(pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
        p, f = _real(pattern, flags)
        return _re.sub(p, repl, string, count, f) if f or type(p) is str else p.sub(repl, string, count)

    @staticmethod
    def subn(pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0) -> tuple[str, int]:
        p, f = _real(pattern, flags)
        return _re.subn(p, repl, string, count, f) if f or type(p) is str else p.subn(repl, string, count)

    @staticmethod
    def split(pattern: Any, string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
        p, f = _real(pattern, flags)
        return _re.split(p, string, maxsplit, f) if f or type(p) is str else p.split(string, maxsplit)

    @staticmethod
    def findall(pattern: Any, string: str, flags: int = 0) -> list[Any]:
        p, f = _real(pattern, flags)
        return _re.findall(p, string, f) if f or type(p) is str else p.findall(string)

    @staticmethod
    def finditer(pattern: Any, string: str, flags: int = 0) -> Any:
        p, f = _real(pattern, flags)
        return _re.finditer(p, string, f) if f or type(p) is str else p.finditer(string)

    def __getattr__(self, name: str) -> Any:
        return getattr(_re, name)


re = _Re()
