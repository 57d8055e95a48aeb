"""YAML -> :class:`~toolkit.model.Report`, keeping the source line and column of every value.

The parser's events (ruamel.yaml, with libyaml when installed) are composed into nodes here, iteratively, and
converted by hand, so that

* every value's position is recorded under its data path (``budget.income.items[0].amount``);
* floats become :class:`~decimal.Decimal` from the text written (``3345.50`` stays exact), never binary floats;
* duplicate keys are errors rather than silently overwritten;
* hostile input ends in bounded time and memory with a located Chinese message: the file's size, nesting depth,
  number of aliases, and the values and text that aliases and merge keys expand to are limited
  (``toolkit/limits.py``, docs/limits.md); an alias inside its own anchor, an unknown or non-core tag
  (``!!python/…``, ``!!binary``, ``!foo``) and a merge key ``<<`` whose value is not a mapping are refused.

Two readers give the same data and positions: a plain file (no anchor, alias, tag, merge key, directive, duplicate
key or bad value, within the limits — nearly every data file) is read in one pass over libyaml's events
(:func:`_read_plain`); anything else, every error included, by the full reader (:func:`_read_full`, composed nodes),
so every message is the full reader's. tests/test_load_fast.py compares the two on every example and fixture.

Encoding: UTF-8 with or without BOM, UTF-16 with BOM (or without one, with a warning); a GBK / GB18030 file (what Chinese Windows editors often
save) is read as such with a warning; anything else is refused with a clear message rather than read as mojibake.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from . import placeholders
from .errors import InputError, Problem
from .domain.tolerance import Verdict
from .findings import WARNING, Finding, YamlSpot
from .limits import limit, shown
from .lazyre import re
from .model import Report, ValidationError, walk
from .rules import Rule

ENC001 = Rule("ENC001", "input", WARNING, "文件不是 UTF-8 编码",
         "文件以 GBK/GB18030 编码保存（中文 Windows 记事本、WPS 的常见默认），已按该编码读取。"
         "其他工具未必能正确识别，建议另存为 UTF-8。",
         "demo.yaml:1:1: ENC001（警告） 文件编码为 GB18030（GBK），已按此编码读取；建议另存为 UTF-8")
KEY001 = Rule("KEY001", "input", WARNING, "未知字段",
         "YAML 中出现模型没有定义的字段。它不会出现在报告里，通常是拼写错误（如 budgt:）。",
         "demo.yaml:3:1: KEY001（警告） 未知字段 'budgt'，是否应为 'budget'？ [budgt]")
KEY002 = Rule("KEY002", "input", WARNING, "字段已更名",
         "字段改了名称：旧名称仍然读取（数据不变），但请改用新名称，旧名称将来会被移除。",
         "demo.yaml:12:3: KEY002（警告） 字段 'narrative.summary' 已更名为 'narrative.conclusion'，已按新名称读取；"
         "请改用新名称 [narrative.summary]")

#: keys renamed since they were first accepted: old dotted path (a list's items as ``[]``) -> new key, in the same
#: mapping. A file using an old name loads as if it used the new one, with a KEY002 warning at the old key.
RENAMED: dict[str, str] = {}

Position = tuple[int, int]  # 1-based line, column


@dataclass
class Source:
    """Where each value came from: data path -> (line, column), both 1-based."""

    file: str
    positions: dict[str, Position] = field(default_factory=dict)
    #: the decoded YAML text (whatever its encoding on disk), for locating lines inside block scalars
    text: str = ""

    def locate(self, path: str | None) -> Position | None:
        """Position of the value at ``path``, or of its nearest ancestor that was written in the file."""
        while path:
            pos = self.positions.get(path)
            if pos is not None:
                return pos
            path = _parent(path)
        return self.positions.get("")


@dataclass
class Loaded:
    """A validated report, where its values came from, and the warnings raised while loading."""

    report: Report
    source: Source
    warnings: list[Finding] = field(default_factory=list)
    #: data paths of the values written as the placeholder 待填 (see :mod:`toolkit.placeholders`), in order
    unfilled: list[str] = field(default_factory=list)

    @property
    def file(self) -> str:
        return self.source.file

    def spot(self, path: str | None) -> YamlSpot:
        """The YAML position of the value at ``path`` (or of its nearest ancestor written in the file)."""
        pos = self.source.locate(path)
        line, col = pos if pos else (None, None)
        return YamlSpot(path, line, col)

    def finding(self, rule: Rule, message: str, path: str | None, verdict: Verdict = Verdict.WRONG,
                **kw: Any) -> Finding:
        """A finding of ``rule`` located at the YAML position of ``path``."""
        return rule.finding(message, self.spot(path), verdict, file=self.file, **kw)


def _parent(path: str) -> str:
    if path.endswith("]"):
        return path[: path.rindex("[")]
    if "." in path:
        return path[: path.rindex(".")]
    return ""


# ----------------------------------------------------------------------------------------------------------------
# Decoding
# ----------------------------------------------------------------------------------------------------------------

_CJK_OK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2000-\u206f\u00b7\u00d7\u2460-\u24ff"
                     r"\u2190-\u22ff\u25a0-\u25ff\u3200-\u33ff]")


def _wanted(file: str) -> str:
    """What a text file with this name should hold, for a refusal message."""
    if file.lower().endswith((".yaml", ".yml")) or not file.lower().endswith((".txt", ".md")):
        return "；请给出 YAML 数据文件（.yaml）"
    return "；请给出以文本格式保存的报告（.txt、.md），或 Word 报告（.docx）"


def _chinese(text: str, at_least: int = 1) -> bool:
    """True when the text's non-ASCII characters (at least ``at_least`` of them) are nearly all Chinese text."""
    non_ascii = [c for c in text if ord(c) > 127]
    cjk = sum(1 for c in non_ascii if _CJK_OK.match(c))
    return len(non_ascii) >= at_least and cjk / len(non_ascii) >= 0.9


def decode(data: bytes, file: str) -> tuple[str, str]:
    """Decode a text file written by a person; returns (text, encoding). Raises InputError when it cannot be read."""
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise InputError([Problem(f"这是 Excel/Word 等格式的文件（.xlsx、.docx、.doc），不是文本文件{_wanted(file)}", file)])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError([Problem("文件以 UTF-16 标记开头，但内容不是有效的 UTF-16 文本。请用编辑器另存为 UTF-8 后重试。",
                                      file, 1, 1)]) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _decode_utf16(data, utf16, file), utf16
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    body = data[len(bom):]
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc.start + len(bom)
    line = data[:bad].count(b"\n") + 1
    col = bad - (data.rfind(b"\n", 0, bad) + 1) + 1
    if b"\x00" in data:
        raise InputError([Problem(f"这是二进制文件，不是文本文件{_wanted(file)}", file)])
    if _chinese(data[len(bom):bad].decode("utf-8", errors="replace"), at_least=3):
        # UTF-8 Chinese before the bad byte: a file pasted together from UTF-8 and GBK parts. (GBK bytes can pass
        # for a few UTF-8 characters by chance, but those are Latin/Greek/Cyrillic, not a run of CJK.)
        raise InputError([Problem(
            "文件前面是 UTF-8 编码，从此处起却不是（可能混入了 GBK 编码的内容）。请用编辑器统一另存为 UTF-8 后重试。",
            file, line, col)])
    try:
        text = body.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _chinese(text):
        return text, "gb18030"
    raise InputError([Problem(
        "无法识别文件编码：既不是 UTF-8，也不像 GBK/GB18030 中文文本（第一个无法解码的字节在此处）。"
        "请用编辑器另存为 UTF-8 后重试。", file, line, col)])


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes look like UTF-16 text without a BOM (what some Windows tools save):
    YAML's keys and indentation are ASCII, so every other byte is zero, on the same side."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0), odd.count(0)
    if zeros_odd >= 0.3 * len(odd) and zeros_even <= 0.02 * len(even):
        return "utf-16-le"
    if zeros_even >= 0.3 * len(even) and zeros_odd <= 0.02 * len(odd):
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        good = data[: exc.start - exc.start % 2].decode(encoding, errors="replace")
    line = good.count("\n") + 1
    col = len(good) - (good.rfind("\n") + 1) + 1
    raise InputError([Problem("文件是 UTF-16 编码（无 BOM 标记），但此处不是有效的 UTF-16 文本（文件被截断或混入了其他编码）。"
                              "请用编辑器另存为 UTF-8 后重试。", file, line, col)])


# ----------------------------------------------------------------------------------------------------------------
# YAML events -> nodes (composed here, iteratively and with limits) -> Python data with positions
# ----------------------------------------------------------------------------------------------------------------

_Y = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = _Y + "str", _Y + "int", _Y + "float", _Y + "bool", _Y + "null"
_TIMESTAMP, _MERGE, _MAP, _SEQ = _Y + "timestamp", _Y + "merge", _Y + "map", _Y + "seq"
#: the only tags a data file may write explicitly (``!!str 2023`` keeps a number as text); others are refused
_ALLOWED_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _MAP, _SEQ, "!"}


class _Node:
    """A composed YAML value: ``kind`` is "scalar", "map" or "seq"; ``value`` the text, pairs or items."""

    __slots__ = ("kind", "tag", "value", "line", "col", "explicit", "anchor")

    def __init__(self, kind: str, tag: str, value: Any, line: int, col: int, explicit: bool, anchor: str | None):
        self.kind, self.tag, self.value, self.line, self.col = kind, tag, value, line, col
        self.explicit, self.anchor = explicit, anchor


class _Alias:
    """A use of an anchor (``*name``): where it is written, and the node it stands for."""

    __slots__ = ("node", "name", "line", "col")

    def __init__(self, node: _Node, name: str, line: int, col: int):
        self.node, self.name, self.line, self.col = node, name, line, col


class _Refused(Exception):
    """A limit or rule broken while composing or converting: one located problem, raised at once."""

    def __init__(self, message: str, line: int | None = None, col: int | None = None, path: str | None = None):
        super().__init__(message)
        self.message, self.line, self.col, self.path = message, line, col, path


def _shown_tag(tag: str) -> str:
    return "!!" + tag[len(_Y):] if tag.startswith(_Y) else tag


def _compose(text: str) -> _Node | None:
    """The document's root node, composed from the parser's events without recursion.

    Refused here: more than one document, nesting deeper than ``yaml_depth``, more than ``yaml_aliases`` aliases,
    an alias to an anchor that is not defined yet or that holds the alias itself (a cycle), a repeated anchor, and
    any explicit tag other than the core ones (``!!python/…``, ``!!binary``, ``!!set``, ``!foo`` …).
    """
    from ruamel.yaml import events as E

    yaml = YAML(typ="safe", pure=False)  # the C parser (libyaml) when installed: same events, ~4x faster
    rules: dict[Any, list[tuple[str, Any]]] = {}  # ruamel's implicit resolvers for the document's YAML version
    max_depth, max_aliases = limit("yaml_depth"), limit("yaml_aliases")
    anchors: dict[str, _Node] = {}
    open_nodes: list[_Node] = []  # the collections being composed, outermost first
    pending: list[Any] = []  # per open mapping: the key waiting for its value (None when none)
    root: _Node | None = None
    documents = aliases = 0
    implicit: dict[str, str] = {}  # plain scalar text -> its tag, under the document's rules

    def add(child: Any) -> None:
        nonlocal root
        if not open_nodes:
            root = child
            return
        parent = open_nodes[-1]
        if parent.kind == "seq":
            parent.value.append(child)
        elif pending[-1] is None:
            pending[-1] = child
        else:
            parent.value.append((pending[-1], child))
            pending[-1] = None

    def tag_of(event: Any, default: str, line: int, col: int) -> tuple[str, bool]:
        tag = event.tag
        if tag is None:
            return default, False
        if tag not in _ALLOWED_TAGS:
            raise _Refused(f"不支持的 YAML 标签 {_shown_tag(tag)}：数据文件不使用标签（以 ! 开头的标记），请删除它；"
                           "要把数字写成文本，请加引号", line, col)
        return (_STR if tag == "!" else tag), True

    scalar_event, alias_event, document_start = E.ScalarEvent, E.AliasEvent, E.DocumentStartEvent
    opening = {E.MappingStartEvent: "map", E.SequenceStartEvent: "seq"}
    closing = (E.MappingEndEvent, E.SequenceEndEvent)
    for event in yaml.parse(text):
        cls = type(event)  # events dispatched by class, the most frequent first (a scalar is every other event)
        if cls is scalar_event:
            mark = event.start_mark
            line, col = mark.line + 1, mark.column + 1
            if event.tag is None and event.implicit[0]:
                value = event.value  # keys and many values repeat: each text resolved once per document
                tag = implicit.get(value)
                if tag is None:
                    tag = implicit[value] = _implicit_tag(rules, value)
                explicit = False
            else:
                tag, explicit = tag_of(event, _STR, line, col)
            node = _Node("scalar", tag, event.value, line, col, explicit, event.anchor)
        elif cls in closing:
            open_nodes.pop()
            pending.pop()
            continue
        elif cls in opening:
            mark = event.start_mark
            line, col = mark.line + 1, mark.column + 1
            kind = opening[cls]
            tag, explicit = tag_of(event, _MAP if kind == "map" else _SEQ, line, col)
            if (tag == _MAP) != (kind == "map") or tag not in (_MAP, _SEQ):
                raise _Refused(f"标签 {_shown_tag(tag)} 不能用于{'映射' if kind == 'map' else '列表'}，请删除它", line, col)
            if len(open_nodes) >= max_depth:
                raise _Refused(f"嵌套过深：映射和列表套了超过 {shown('yaml_depth')}（报告数据不需要这么多层）", line, col)
            node = _Node(kind, tag, [], line, col, explicit, event.anchor)
        elif cls is alias_event:
            mark = event.start_mark
            line, col = mark.line + 1, mark.column + 1
            aliases += 1
            if aliases > max_aliases:
                raise _Refused(f"别名（*名称）过多：超过 {shown('yaml_aliases')}；请直接写出内容", line, col)
            target = anchors.get(event.anchor)
            if target is None:
                raise _Refused(f"引用了未定义的锚点 *{event.anchor}（锚点 &{event.anchor} 须写在引用之前）", line, col)
            if any(target is n for n in open_nodes):
                raise _Refused(f"别名 *{event.anchor} 引用了自身（它写在锚点 &{event.anchor} 所标记的内容之中，"
                               "会无限展开）", line, col)
            add(_Alias(target, event.anchor, line, col))
            continue
        elif cls is document_start:
            # the version is known once the document starts (%YAML 1.1 selects 1.1's rules); ruamel's own
            # resolve() looks it up again for every scalar and returns Tag objects, slow to compare
            rules = _plain_rules(yaml.resolver.versioned_resolver)
            implicit.clear()
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise _Refused("文件中有多个 YAML 文档（以 --- 分隔）；一个数据文件只能有一个文档，请删除第二个 --- 及其后的内容",
                               mark.line + 1, mark.column + 1)
            continue
        else:  # stream start/end, document end
            continue
        if event.anchor is not None:
            first = anchors.get(event.anchor)
            if first is not None:
                raise _Refused(f"锚点名称 &{event.anchor} 重复（第一次出现在第 {first.line} 行）", line, col)
            anchors[event.anchor] = node
        add(node)
        if node.kind != "scalar":
            open_nodes.append(node)
            pending.append(None)
    return root


class _Unusual(Exception):
    """What only the full reader handles (see :func:`_read_plain`)."""


#: the value of a plain scalar (its tag by the default rules, then :func:`_scalar_value`) by its text, for texts of
#: at most :data:`_KEPT_TEXT` characters (figures, dates, switches, short names: most of a file's scalars, and the
#: same ones from file to file), at most :data:`_KEPT_VALUES` of them (the store is emptied when full). Every value
#: kept is immutable (text, int, Decimal, bool, None, a date), so files may share it; a text that is no value of its
#: type raises before it is kept.
_PLAIN_VALUES: dict[str, Any] = {}
_KEPT_TEXT = 40
_KEPT_VALUES = 20_000


def _read_plain(text: str) -> tuple[Any, dict[str, Position]] | None:
    """The data and positions of a plain document in one pass over the C parser's events, or None when the text
    uses anything that only :func:`_compose` and :class:`_Converter` handle or report: an anchor, an alias, a tag,
    a merge key ``<<``, a ``%YAML`` / ``%TAG`` directive, a second document, a duplicate or non-text key, a value
    that is no value of its type, a limit reached, a syntax error, or an empty file. Every message therefore comes
    from the full reader, and on what both read, both give the same data and positions (in the same order;
    tests/test_load_fast.py compares them on every example and fixture). Most data files are plain: this is the
    reading a batch pays for, about half the full reader's time (no node tree, no second walk)."""
    from ruamel.yaml import events as E
    from ruamel.yaml.main import CParser  # the parser YAML(pure=False) uses, as the full reader does

    if CParser is None:  # no ruamel.yaml.clib (PyPy): the full reader, on ruamel's pure-Python parser
        return None

    try:
        return _plain_events(CParser(text).get_event, E)
    except (_Unusual, _BadScalar, YAMLError):
        return None


def _plain_events(get: Any, E: Any) -> tuple[Any, dict[str, Position]]:
    """:func:`_read_plain`'s loop: ``get`` returns the next event (None at the end); raises :class:`_Unusual`.

    The innermost open collection is kept in locals — the container, its path, whether it is a mapping, the key
    read and waiting for its value (None when none) and that key's position — and the enclosing ones' are saved
    on ``stack`` as a collection opens and restored as it closes; scalars, by far the most events, are tested
    first (the same data, positions, order and refusals as the loop that indexed the top of the stack for every
    event: tests/test_load_fast.py)."""
    rules = _default_rules()
    max_depth, max_values, max_chars = limit("yaml_depth"), limit("yaml_values"), limit("yaml_chars")
    positions: dict[str, Position] = {}
    known = _PLAIN_VALUES  # a short plain scalar's text -> its value, kept between documents
    # per open collection, what was innermost before it opened: (container, path, mapping?, pending key, its position)
    stack: list[tuple[Any, str, bool, Any, Any]] = []
    container: Any = None  # the innermost open collection (None outside the root)
    where, is_map, key, key_at = "", False, None, None
    root: Any = _Unusual
    values = chars = documents = 0
    scalar_event, document_start = E.ScalarEvent, E.DocumentStartEvent
    mapping_start, sequence_start = E.MappingStartEvent, E.SequenceStartEvent
    closing = (E.MappingEndEvent, E.SequenceEndEvent)
    passing = (E.StreamStartEvent, E.DocumentEndEvent, E.StreamEndEvent)
    for event in iter(get, None):
        cls = type(event)
        if cls is scalar_event:
            if event.anchor is not None or event.tag is not None:
                raise _Unusual
            mark = event.start_mark
            if is_map:
                if key is None:  # this scalar is a key
                    key = event.value
                    if key == "<<" or key in container:
                        raise _Unusual  # a merge key, a duplicate key
                    key_at = (mark.line + 1, mark.column + 1)
                    continue
                path = f"{where}.{key}" if where else key
            elif container is not None:
                path = f"{where}[{len(container)}]"
            else:
                if root is not _Unusual:
                    raise _Unusual
                path = ""
            positions[path] = (mark.line + 1, mark.column + 1)
            values += 1
            if values > max_values:
                raise _Unusual
            value = text = event.value
            chars += len(text)
            if chars > max_chars:
                raise _Unusual
            if event.implicit[0]:
                value = known.get(text, _Unusual)
                if value is _Unusual:
                    tag = _implicit_tag(rules, text)
                    if tag != _STR:
                        value = _scalar_value(tag, text, False)
                    else:
                        value = text
                    if len(text) <= _KEPT_TEXT:
                        if len(known) >= _KEPT_VALUES:
                            known.clear()
                        known[text] = value
            if is_map:
                container[key] = value
                positions.setdefault(path + "#key", key_at)
                key = None
            elif container is not None:
                container.append(value)
            else:
                root = value
        elif cls is mapping_start or cls is sequence_start:
            if event.anchor is not None or event.tag is not None:
                raise _Unusual
            if is_map:
                if key is None:
                    raise _Unusual  # a mapping or list as a key
                path = f"{where}.{key}" if where else key
            elif container is not None:
                path = f"{where}[{len(container)}]"
            else:
                if root is not _Unusual:
                    raise _Unusual
                path = ""
            mark = event.start_mark
            positions[path] = (mark.line + 1, mark.column + 1)
            values += 1
            if values > max_values or len(stack) >= max_depth:
                raise _Unusual
            value = {} if cls is mapping_start else []
            if is_map:
                container[key] = value  # the key waits for the collection's end: its position is set then
            elif container is not None:
                container.append(value)
            else:
                root = value
            stack.append((container, where, is_map, key, key_at))
            container, where, is_map, key, key_at = value, path, cls is mapping_start, None, None
        elif cls in closing:
            container, where, is_map, key, key_at = stack.pop()
            if is_map:  # the value of the pending key is complete: its key's position
                positions.setdefault(f"{where}.{key}#key" if where else f"{key}#key", key_at)
                key = None
        elif cls is document_start:
            documents += 1
            if documents > 1 or event.version is not None or event.tags:
                raise _Unusual
        elif cls not in passing:  # an alias
            raise _Unusual
    if root is _Unusual:
        raise _Unusual  # nothing in the file
    return root, positions


#: what the line reader leaves to the event readers wherever it stands: a Tab, a line break other than LF (CR, NEL,
#: LS, PS), a character YAML does not allow or a BOM
_LINES_UNUSUAL = re.compile("[\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
#: a plain key, the colon and the blanks after it (a key starting with an indicator, holding a colon or a #, ending
#: with a blank or longer than 1,000 characters is left; only a text holding a colon is tried)
_LINES_KEY = re.compile(r"(?!\.\.\.(?: |$))([^ #'\"\[\]{},&*!|>%@`?:\-<][^:#]{0,999}(?<! )):(?: +|$)")  # (... x: the document end)
#: the first characters of a scalar other than a plain one's: indicators, quotes, ``|`` (``-``, ``?`` and ``:`` start
#: a plain scalar when no blank follows)
_LINES_SPECIAL = frozenset(",[]{}#&*!|>'\"%@`-?:")


def _read_lines(text: str) -> tuple[Any, dict[str, Position]] | None:
    """The data and positions of a plain document of the commonest shape, read line by line without a parser; None
    for anything else, which :func:`_read_plain` (then :func:`_read_full`) reads. Read here: a block mapping at the
    root; block mappings and sequences (a sequence's item a scalar or a compact mapping ``- key: value``, a
    sequence under a key indented or not); plain keys; plain scalars, quoted scalars on one line (double-quoted
    without escapes), literal block scalars ``|`` and ``|-`` whose first line holds text, ``[]`` and ``{}``; empty
    values; comments. Everything else — a flow collection with items, a folded ``>`` or kept ``|+`` block, a
    scalar over several lines, an escape, a quoted or complex key, a Tab, a CR, an anchor, alias, tag, directive
    or document marker, a duplicate key, a limit reached, anything badly indented — gives way (None), so every
    message still comes from the full reader. On what it reads, the data and positions (in the same order) are
    libyaml's, as :func:`_plain_events` gives them (tests/test_load_lines.py compares the two on every example and
    fixture and on generated and mutated files)."""
    # isprintable() (half the regular expression's time) is false for every character the expression finds, and for
    # others (an ideographic space …): only then is the text searched
    # a line makes at most three values (a list below a key, a mapping as its item, a scalar), the root and an empty
    # value at the end two more, and the scalars' text is part of the file's: within both limits, the values and
    # characters need no counting (tested before the text is split: a file of millions of short lines is left to
    # the event readers, which stream it, rather than held as millions of strings)
    if 3 * (text.count("\n") + 1) + 2 > limit("yaml_values") or len(text) > limit("yaml_chars"):
        return None
    if not text.replace("\n", " ").isprintable() and _LINES_UNUSUAL.search(text) is not None:
        return None
    try:
        return _lines(text.split("\n"))
    except (_Unusual, _BadScalar):
        return None


def _lines(lines: list[str]) -> tuple[Any, dict[str, Position]]:
    """:func:`_read_lines`' loop over the text's lines; raises :class:`_Unusual` where it gives way. The innermost
    open collection is kept in locals as in :func:`_plain_events`, with its indentation (a mapping's keys' column,
    a sequence's dashes') and whether it is a sequence written at its key's indentation (``flush``); a line at the
    indentation of the open mapping, with no key waiting for a value below it (most lines), is read first."""
    rules = _default_rules()
    max_depth = limit("yaml_depth")
    positions: dict[str, Position] = {}
    known = _PLAIN_VALUES
    key_match, special = _LINES_KEY.match, _LINES_SPECIAL
    stack: list[tuple[Any, str, bool, Any, Any, int, bool]] = []
    container: Any = None
    where, is_map, key, key_at, indent, flush = "", False, None, None, -1, False
    empty_at: Any = None  # where a key waiting for its value ends (the position of an empty value)
    root: Any = _Unusual
    count = len(lines)
    i = -1
    while True:
        i += 1
        if i < count:
            line = lines[i]
            c = line.lstrip(" ")
            if not c or c[0] == "#":
                continue
            n = len(line) - len(c)
        else:
            n = -1
        col = n  # the column (0-based) of ``c``, the text to read
        if n == indent and key is None and is_map:
            m = key_match(c)
            if m is None:
                raise _Unusual
        else:
            entry = n >= 0 and c[0] == "-" and (len(c) == 1 or c[1] == " ")
            if key is not None:  # a key waits for its value: a collection below it, or nothing
                path = f"{where}.{key}" if where else key
                if n > indent or (n == indent and entry):
                    positions[path] = (i + 1, n + 1)
                    if len(stack) >= max_depth:
                        raise _Unusual
                    value = [] if entry else {}
                    container[key] = value
                    stack.append((container, where, is_map, key, key_at, indent, flush))
                    container, where, is_map, key, key_at = value, path, not entry, None, None
                    flush, indent = n == indent, n
                else:  # an empty value
                    positions[path] = empty_at
                    value = known.get("", _Unusual)
                    if value is _Unusual:
                        value = _scalar_value(_implicit_tag(rules, ""), "", False)
                    container[key] = value
                    positions[path + "#key"] = key_at
                    key = None
            if n < 0:
                break
            if root is _Unusual:  # the first line: the root mapping
                if entry or max_depth <= 0:
                    raise _Unusual
                root = container = {}
                positions[""] = (i + 1, n + 1)
                stack.append((None, "", False, None, None, -1, False))
                where, is_map, key, key_at, indent, flush = "", True, None, None, n, False
            while n < indent or (flush and n == indent and not entry):  # collections closed by this line
                container, where, is_map, key, key_at, indent, flush = stack.pop()
                if container is None:
                    raise _Unusual  # a line left of the root mapping
                if is_map:
                    positions[f"{where}.{key}#key" if where else f"{key}#key"] = key_at
                    key = None
            if n != indent:
                raise _Unusual
            if is_map:
                m = key_match(c)
                if m is None:
                    raise _Unusual
            else:
                if not entry:
                    raise _Unusual
                rest = c[1:].lstrip(" ")
                if not rest or rest[0] == "#" or (rest[0] == "-" and (len(rest) == 1 or rest[1] == " ")):
                    raise _Unusual  # an item below its dash, an empty one, a sequence in a sequence
                col += len(c) - len(rest)
                c = rest
                path = f"{where}[{len(container)}]"
                m = key_match(c) if ":" in c else None
                if m is not None:  # a compact mapping: its first key on the dash's line
                    positions[path] = (i + 1, col + 1)
                    if len(stack) >= max_depth:
                        raise _Unusual
                    value = {}
                    container.append(value)
                    stack.append((container, where, is_map, key, key_at, indent, flush))
                    container, where, is_map, key, key_at, indent, flush = value, path, True, None, None, col, False
        if is_map:
            k = m.group(1)
            if k in container:
                raise _Unusual  # a duplicate key
            key_at = (i + 1, col + 1)
            path = f"{where}.{k}" if where else k
            end = m.end()
            c = c[end:]
            if not c or c[0] == "#":  # the value below, or empty
                key = k
                empty_at = (i + 1, col + len(k) + 2)
                continue
            col += end
        # a scalar (or an empty flow collection) starting at column ``col`` of line i: c
        first = c[0]
        if first not in special or (first in "-?:" and len(c) > 1 and c[1] != " "):  # a plain scalar
            if "#" in c or ":" in c:  # a comment after it, or a colon in it
                stop = c.find(" #")
                text = (c if stop < 0 else c[:stop]).rstrip(" ")
                if ": " in text or text[-1] == ":":
                    raise _Unusual
            else:
                text = c.rstrip(" ")
            positions[path] = (i + 1, col + 1)
            if len(text) <= _KEPT_TEXT:
                value = known.get(text, _Unusual)
                if value is _Unusual:
                    tag = _implicit_tag(rules, text)
                    value = _scalar_value(tag, text, False) if tag != _STR else text
                    if len(known) >= _KEPT_VALUES:
                        known.clear()
                    known[text] = value
            else:  # a longer text is not kept
                tag = _implicit_tag(rules, text)
                value = _scalar_value(tag, text, False) if tag != _STR else text
        else:
            at = (i + 1, col + 1)
            if first == '"':
                stop = c.find('"', 1)
                if stop < 0 or "\\" in c[1:stop]:
                    raise _Unusual
                value = c[1:stop]
                _lines_tail(c, stop + 1)
            elif first == "'":
                stop = c.find("'", 1)
                value = c[1:stop]
                while stop >= 0 and c[stop + 1:stop + 2] == "'":
                    following = c.find("'", stop + 2)
                    value += "'" + c[stop + 2:following]
                    stop = following
                if stop < 0:
                    raise _Unusual
                _lines_tail(c, stop + 1)
            elif first == "|":
                header = c.rstrip(" ")
                if header != "|" and header != "|-":
                    raise _Unusual
                value, following = _lines_block(lines, i + 1, indent, header == "|")
                i = following - 1  # the line closing the block is read next
            elif c.startswith(("[]", "{}")):
                _lines_tail(c, 2)
                if len(stack) >= max_depth:
                    raise _Unusual
                value = [] if first == "[" else {}
            else:
                raise _Unusual
            positions[path] = at
        if is_map:
            container[k] = value
            positions[path + "#key"] = key_at
        else:
            container.append(value)
    while stack:  # the end of the text closes every collection
        container, where, is_map, key, key_at, indent, flush = stack.pop()
        if is_map:
            positions[f"{where}.{key}#key" if where else f"{key}#key"] = key_at
    if root is _Unusual:
        raise _Unusual  # nothing in the file
    return root, positions


def _lines_tail(c: str, at: int) -> None:
    """What follows a quoted scalar or ``[]`` on its line must be blanks, then a comment or nothing."""
    tail = c[at:]
    if tail and (tail[0] != " " or tail.lstrip(" ")[:1] not in ("", "#")):
        raise _Unusual


def _lines_block(lines: list[str], start: int, parent: int, clip: bool) -> tuple[str, int]:
    """The text of a literal block scalar whose lines start at ``start`` under a collection indented ``parent``
    (``clip``: ``|``, one line break kept at the end; else ``|-``, none), and the index of the line after it.
    Its indentation is its first line's, which must hold text (a block starting with an empty line, or with no
    line indented past ``parent``, gives way)."""
    count = len(lines)
    if start >= count:
        raise _Unusual
    first = lines[start]
    body = first.lstrip(" ")
    width = len(first) - len(body)
    if not body or width <= parent:
        raise _Unusual
    parts = [body]
    last = 1  # parts up to the last one holding text (or blanks past the indentation)
    j = start + 1
    while j < count:
        line = lines[j]
        stripped = line.lstrip(" ")
        if stripped:
            if len(line) - len(stripped) < width:
                break
            parts.append(line[width:])
            last = len(parts)
        elif len(line) > width:  # blanks past the indentation are text
            parts.append(line[width:])
            last = len(parts)
        else:
            parts.append("")
        j += 1
    text = "\n".join(parts[:last])
    if clip and start + last < count:  # the last line with text has a line break after it
        text += "\n"
    return text, j


@functools.cache
def _default_rules() -> dict[Any, list[tuple[str, Any]]]:
    """The implicit resolvers of a document without a ``%YAML`` directive (YAML 1.2), as :func:`_plain_rules`."""
    return _plain_rules(YAML(typ="safe", pure=False).resolver.versioned_resolver)


def _plain_rules(rules: dict[Any, list[tuple[Any, Any]]]) -> dict[Any, list[tuple[str, Any]]]:
    """ruamel's implicit resolvers with the tags as strings and the expressions compiled (ruamel wraps each in a
    lazy proxy that looks every attribute up again); each first character's list already followed by the rules
    for any character."""
    def plain(items: list[tuple[Any, Any]]) -> list[tuple[str, Any]]:
        return [(str(tag), getattr(regexp, "lazy_self", lambda: regexp)()) for tag, regexp in items]

    anywhere = plain(rules.get(None, []))
    out: dict[Any, list[tuple[str, Any]]] = {key: plain(items) + anywhere for key, items in rules.items()
                                             if key is not None}
    out[None] = anywhere
    return out


def _implicit_tag(rules: dict[Any, list[tuple[str, Any]]], value: str) -> str:
    """The tag of a plain scalar, as ruamel's ``VersionedResolver.resolve`` finds it (its rules for the first
    character, then those for any character, in order; text when none matches), as a string; ``rules`` from
    :func:`_plain_rules`."""
    for tag, regexp in rules.get(value[0] if value else "", rules[None]):
        if regexp.match(value):
            return tag
    return _STR


class _Converter:
    """Composed nodes -> plain data, recording positions; aliases and merges expanded within a budget."""

    def __init__(self, file: str, positions: dict[str, Position], problems: list[Problem]):
        self.file, self.positions, self.problems = file, positions, problems
        self.values = 0
        self.chars = 0
        self.aliases: list[_Alias] = []  # the aliases being expanded, outermost first

    def _over(self, what: str, line: int, col: int, path: str) -> _Refused:
        if self.aliases:
            a = self.aliases[0]
            return _Refused(f"别名展开后的数据过大：{what}。别名 *{a.name} 引用的内容被层层重复引用；请直接写出数据，"
                            "不要用别名成倍复制内容", a.line, a.col, path or None)
        return _Refused(f"数据过大：{what}", line, col, path or None)

    def convert(self, item: Any, path: str, depth: int = 0) -> Any:
        if isinstance(item, _Alias):
            self.aliases.append(item)
            try:
                self.positions[path] = (item.line, item.col)
                return self._node(item.node, path, depth, record=False)
            finally:
                self.aliases.pop()
        return self._node(item, path, depth)

    def _node(self, node: _Node, path: str, depth: int, record: bool = True) -> Any:
        if record:
            self.positions[path] = (node.line, node.col)
        self.values += 1
        if self.values > limit("yaml_values"):
            raise self._over(f"超过 {shown('yaml_values')}值", node.line, node.col, path)
        if depth > limit("yaml_depth"):
            raise _Refused(f"嵌套过深：展开别名后，映射和列表套了超过 {shown('yaml_depth')}", node.line, node.col,
                           path or None)
        if node.kind == "scalar":
            self.chars += len(node.value)
            if self.chars > limit("yaml_chars"):
                raise self._over(f"文本超过 {shown('yaml_chars')}", node.line, node.col, path)
            return self._scalar(node, path)
        if node.kind == "seq":
            return [self.convert(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(node.value)]
        return self._mapping(node, path, depth)

    def _pairs(self, node: _Node, depth: int) -> list[tuple[Any, Any]]:
        """The mapping's own pairs after its merge keys (``<<: *base``): merged keys first, in YAML's order
        (an earlier source wins over a later one; the mapping's own keys win over all; sources' merges resolved)."""
        own = [(k, v) for k, v in node.value if not _is_merge(k)]
        merged: list[tuple[Any, Any]] = []
        for k, v in node.value:
            if not _is_merge(k):
                continue
            value = v.node if isinstance(v, _Alias) else v
            sources = [value] if value.kind == "map" else value.value if value.kind == "seq" else []
            targets = [s.node if isinstance(s, _Alias) else s for s in sources]
            if not targets or any(t.kind != "map" for t in targets):
                where = v if isinstance(v, _Alias) else value
                raise _Refused("合并键 << 的值应为映射（如 <<: *基础）或映射的列表（如 <<: [*甲, *乙]）",
                               where.line, where.col)
            for t in targets:
                if depth > limit("yaml_depth"):
                    raise _Refused(f"嵌套过深：合并键 << 套了超过 {shown('yaml_depth')}", t.line, t.col)
                merged.extend(self._pairs(t, depth + 1))
                self.values += len(t.value)
                if self.values > limit("yaml_values"):
                    raise self._over(f"超过 {shown('yaml_values')}值", t.line, t.col, "")
        if not merged:
            return own
        seen = {_key_text(k) for k, _ in own}
        out = []
        for k, v in merged:
            key = _key_text(k)
            if key not in seen:
                seen.add(key)
                out.append((k, v))
        return out + own

    def _mapping(self, node: _Node, path: str, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        key_pos: dict[str, Position] = {}
        own_ids = {id(k) for k, _ in node.value}
        for k, v in self._pairs(node, depth):
            key_node = k.node if isinstance(k, _Alias) else k
            if key_node.kind != "scalar":
                self.problems.append(Problem("映射的键必须是文本", self.file, key_node.line, key_node.col, path or None))
                continue
            key = str(key_node.value)
            child = f"{path}.{key}" if path else key
            where = (k.line, k.col)
            if key in key_pos and id(k) in own_ids:
                first = key_pos[key]
                self.problems.append(Problem(f"重复的键 '{key}'（第一次出现在第 {first[0]} 行）", self.file, *where, child))
                continue
            key_pos[key] = where
            out[key] = self.convert(v, child, depth + 1)
            self.positions.setdefault(child + "#key", where)
        return out

    def _scalar(self, node: _Node, path: str) -> Any:
        try:
            return _scalar_value(node.tag, node.value, node.explicit)
        except _BadScalar as exc:
            self.problems.append(Problem(exc.message, self.file, node.line, node.col, path or None))
            return None


class _BadScalar(Exception):
    """A scalar that is no value of its tag: the message, located by the caller."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _scalar_value(tag: str, text: str, explicit: bool) -> Any:
    """The value of a scalar of ``tag`` written as ``text`` (``explicit``: the tag was written, ``!!int 12``);
    :class:`_BadScalar` when it is none (the value is then left out, as None)."""
    def refuse(what: str) -> _BadScalar:
        return _BadScalar(f"'{text}' {what}{f'（标签 {_shown_tag(tag)}）' if explicit else ''}")

    if tag == _STR:
        return text
    if tag == _NULL:
        if explicit and text not in ("", "~", "null", "Null", "NULL"):
            raise refuse("不是空值")
        return None
    if tag == _BOOL:
        if text.lower() not in ("true", "false"):
            raise refuse("不是 true 或 false")
        return text.lower() == "true"
    if tag == _INT:
        t = text.replace("_", "")
        try:
            if t.lower().startswith(("0x", "-0x", "+0x")):
                return int(t, 16)
            if t.lower().startswith(("0o", "-0o", "+0o")):
                return int(t, 8)
            return int(t)
        except ValueError:
            if explicit:
                raise refuse("不是整数") from None
            return text
    if tag == _FLOAT:
        t = text.replace("_", "")
        if t.lower().lstrip("+-") in (".inf", ".nan"):
            raise _BadScalar(f"数值 '{text}' 不是有效的金额或分值")
        try:
            return Decimal(t)
        except InvalidOperation:
            raise refuse("不是有效的数字") from None
    if tag == _TIMESTAMP:
        try:
            return dt.date.fromisoformat(text[:10]) if len(text) <= 10 else dt.datetime.fromisoformat(text).date()
        except ValueError:
            if explicit:
                raise refuse("不是日期（应写作 2023-03-15）") from None
            return text
    return text


def _is_merge(key: Any) -> bool:
    node = key.node if isinstance(key, _Alias) else key
    return node.kind == "scalar" and (node.tag == _MERGE or (node.value == "<<" and not node.explicit))


def _key_text(key: Any) -> Any:
    node = key.node if isinstance(key, _Alias) else key
    return node.value if node.kind == "scalar" else id(node)


def parse_yaml(text: str, file: str) -> tuple[Any, dict[str, Position]]:
    """Parse YAML text into plain data and a position map; syntax errors become an InputError with file:line:col."""
    if len(text) > limit("yaml_bytes"):
        raise InputError([Problem(f"文件过大：超过 {shown('yaml_bytes')}（一份报告的数据通常只有几十 KB）", file)])
    return _read_lines(text) or _read_plain(text) or _read_full(text, file)


def _read_full(text: str, file: str) -> tuple[Any, dict[str, Position]]:
    """:func:`parse_yaml` by the full reader: composed nodes (anchors, aliases, merges, tags, limits) converted with
    their positions; every problem a Chinese message at file:line:col."""
    try:
        node = _compose(text)
        if node is None:
            raise InputError([Problem("文件是空的", file, 1, 1)])
        positions: dict[str, Position] = {}
        problems: list[Problem] = []
        data = _Converter(file, positions, problems).convert(node, "")
    except _Refused as exc:
        raise InputError([Problem(exc.message, file, exc.line, exc.col, exc.path)]) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = _translate_yaml_problem(exc.problem or exc.context or "语法错误", exc.context)
        if _tab_indented(text, line, col):
            problem = "不能用 Tab 缩进，请改用空格"
        raise InputError([Problem(f"YAML 语法错误：{problem}", file, line, col)]) from None
    except ReaderError as exc:
        # libyaml reports a byte offset, pure ruamel a character offset: find the character itself instead
        char = exc.character if isinstance(exc.character, int) else 0
        pos = text.find(chr(char))
        pos = pos if pos >= 0 else min(exc.position or 0, len(text))
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        raise InputError([Problem(
            f"文件中有不可见的控制字符 U+{char:04X}，YAML 不允许；请删除（常见于从 Word 或网页复制的文本）",
            file, line, col)]) from None
    except YAMLError as exc:
        raise InputError([Problem(f"YAML 语法错误：{_translate_yaml_problem(str(exc))}", file)]) from None
    if problems:
        raise InputError(problems)
    return data, positions


_TAGS_HINT = "数据文件不使用标签（以 ! 开头的标记）；要写文本请加引号"
_DIRECTIVE_HINT = "以 % 开头的行是 YAML 指令，写法有误（普通文本不能以 % 开头，请加引号）"
#: parser problems (libyaml via ruamel.yaml.clib, and pure-Python ruamel, which words some differently), by prefix
_YAML_PROBLEMS = [
    ("found character '\\t' that cannot start any token", "不能用 Tab 缩进，请改用空格"),
    ("found a tab character", "不能用 Tab 缩进，请改用空格"),
    ("found character that cannot start any token", "此处有不能开始一个值的字符（常见原因：用了 Tab 缩进，请改用空格）"),
    ("mapping values are not allowed", "此处不能出现“键: 值”（冒号后缺空格、缩进不对，或文本中的冒号未加引号）"),
    ("mapping keys are not allowed", "此处不能出现键（缩进不对，或多了“? ”）"),
    ("block sequence entries are not allowed", "此处不能出现列表项“- ”（缩进不对，或写在了“键: 值”的同一行）"),
    ("could not find expected ':'", "缺少冒号“:”"),
    ("found unexpected ':'", "此处不应出现冒号（文本中的冒号请加引号）"),
    ("expected <block end>, but found", "缩进不一致"),
    ("did not find expected <document start>", "此处应为新文档的开始（---），或缩进不一致"),
    ("expected '<document start>'", "此处应为新文档的开始（---），或缩进不一致"),
    ("expected DOCUMENT-START", "此处应为新文档的开始（---），或缩进不一致"),
    ("expected a single document in the stream", "文件中有多个 YAML 文档（以 --- 分隔）；一个数据文件只能有一个文档"),
    ("found undefined alias", "引用了未定义的锚点"),
    ("found unexpected end of stream", "文件意外结束（引号或括号未闭合）"),
    ("found unexpected document indicator", "引号中的文本里有一行以 --- 或 ... 开头（文档分隔符）；请把这一行缩进"),
    ("did not find expected key", "缺少键，或缩进不一致"),
    ("did not find expected '-' indicator", "列表项缺少“- ”，或缩进不一致"),
    ("did not find expected ',' or ']'", "方括号列表未闭合，或缺少逗号"),
    ("did not find expected ',' or '}'", "花括号映射未闭合，或缺少逗号"),
    ("did not find expected node content", "此处缺少值"),
    ("expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS", "此处缺少值"),
    ("found unknown escape character", "双引号文本中有无效的转义字符（如 \\ 后接字母），请改用单引号"),
    ("found invalid Unicode character escape code",
     "双引号文本中的 \\u 或 \\U 转义不是有效的字符编码；请改用单引号，或直接写出字符"),
    ("did not find expected hexdecimal number", "双引号文本中的 \\x、\\u 或 \\U 转义后应为十六进制数字；请改用单引号"),
    ("expected escape sequence of", "双引号文本中的 \\x、\\u 或 \\U 转义后应为十六进制数字；请改用单引号"),
    ("found duplicate anchor", "锚点名称重复"),
    ("second occurrence", "锚点名称重复"),
    ("did not find expected alphabetic or numeric character", "锚点或别名的名称缺失或含有不允许的字符（& 或 * 后应紧跟字母或数字）"),
    ("expected alphabetic or numeric character", "锚点或别名的名称缺失或含有不允许的字符（& 或 * 后应紧跟字母或数字）"),
    ("found an indentation indicator equal to 0", "块文本（| 或 >）的缩进指示不能为 0"),
    ("expected indentation indicator in the range 1-9", "块文本（| 或 >）的缩进指示应为 1–9"),
    ("did not find expected comment or line break", "此处之后应换行（块文本标记 | 或 > 之后，或值之后，有多余的内容）"),
    ("expected a comment or a line break", "此处之后应换行（块文本标记 | 或 > 之后，或值之后，有多余的内容）"),
    ("found undefined tag handle", f"未定义的标签前缀（如 !x!）；{_TAGS_HINT}"),
    ("did not find expected '!'", f"标签写法有误；{_TAGS_HINT}"),
    ("did not find expected tag URI", f"标签写法有误；{_TAGS_HINT}"),
    ("did not find URI escaped octet", f"标签写法有误；{_TAGS_HINT}"),
    ("did not find the expected '>'", f"标签 !<…> 没有闭合；{_TAGS_HINT}"),
    ("found duplicate %YAML directive", "%YAML 指令重复（只能写一次）"),
    ("duplicate YAML directive", "%YAML 指令重复（只能写一次）"),
    ("found duplicate %TAG directive", "%TAG 指令重复"),
    ("found incompatible YAML document", "%YAML 指令的版本不受支持（应为 1.1 或 1.2）"),
    ("found incompatible YAML", "%YAML 指令的版本不受支持（应为 1.1 或 1.2）"),
    ("found extremely long version number", "%YAML 指令的版本号有误"),
    ("did not find expected digit or '.' character", "%YAML 指令的版本号有误"),
    ("did not find expected version number", "%YAML 指令的版本号有误"),
    ("could not find expected directive name", _DIRECTIVE_HINT),
    ("found unknown directive name", _DIRECTIVE_HINT),
    ("did not find expected whitespace", _DIRECTIVE_HINT),
    ("found unexpected non-alphabetical character", _DIRECTIVE_HINT),
    ("control characters are not allowed", "文件中有不可见的控制字符，YAML 不允许；请删除"),
]


def _tab_indented(text: str, line: int | None, col: int | None) -> bool:
    """True when the error sits in a line's indentation and that indentation holds a Tab."""
    lines = text.splitlines()
    if line is None or not 1 <= line <= len(lines):
        return False
    indent = lines[line - 1][: col or 1]
    return "\t" in indent and indent.strip(" \t") == ""


def _translate_yaml_problem(problem: str, context: str | None = None) -> str:
    for en, zh in _YAML_PROBLEMS:
        if problem.startswith(en):
            return zh
    return f"无法解析（{problem}）"


# ----------------------------------------------------------------------------------------------------------------
# Validation
# ----------------------------------------------------------------------------------------------------------------

_PYDANTIC_MESSAGES = {
    "missing": "缺少必填字段",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "dict_type": "应为映射（键: 值）",
    "list_type": "应为列表（- 项）",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "date_type": "应为日期，如 2023-03-15",
    "date_parsing": "应为日期，如 2023-03-15",
    "date_from_datetime_parsing": "应为日期，如 2023-03-15",
    "decimal_type": "应为数字",
    "decimal_parsing": "应为数字",
}


def _loc_path(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path = f"{path}.{part}" if path else str(part)
    return path


def _translate(err: dict[str, Any], data: Any) -> str:
    typ = err["type"]
    msg = err.get("msg", "")
    if typ == "value_error":
        return msg.removeprefix("Value error, ")
    if typ == "enum":
        expected = err.get("ctx", {}).get("expected", "").replace(" or ", "、").replace(", ", "、")
        return f"取值无效，收到 '{err.get('input')}'，应为 {expected}"
    base = _PYDANTIC_MESSAGES.get(typ)
    if base is None:
        base = msg
    if typ == "missing":
        return base
    received = err.get("input")
    if isinstance(received, (dict, list)):
        shown = "映射" if isinstance(received, dict) else "列表"
    else:
        shown = f"'{received}'"
    return f"{base}，收到 {shown}"


def validate(data: Any, source: Source) -> Report:
    """Validate plain data against the model; every problem is reported at once, each at its YAML position."""
    return _validated(data, source)[0]


def _validated(data: Any, source: Source) -> tuple[Report, list[tuple[str, Any]]]:
    """:func:`validate`, and the ``(path, node)`` of its walk setting every node's path (:func:`loads` gives them
    to :func:`unknown_keys`: the tree does not change between the two)."""
    if not isinstance(data, dict):
        raise InputError([Problem("顶层应为映射（year:、unit: 等字段）", source.file, 1, 1)])
    try:
        report = Report.model_validate(data)
    except ValidationError as exc:
        raise InputError(problems(exc.errors(), data, source)) from None
    nodes = list(walk(report))
    found = layout_problems(report, source)
    if found:
        raise InputError(found)
    return report, nodes


def problems(errors: list[dict[str, Any]], data: Any, source: Source) -> list[Problem]:
    """The model's errors (pydantic's dicts, locations reduced to field names and indices) in Chinese, each at
    its YAML position."""
    out = []
    for err in errors:
        path = _loc_path(tuple(err["loc"]))
        pos = source.locate(path)
        line, col = pos if pos else (None, None)
        out.append(Problem(_translate(err, data), source.file, line, col, path or None))
    return out


def layout_problems(report: Report, source: Source) -> list[Problem]:
    """A ``layout:`` name that no outline has (a typo) is bad input, at its line and column: renaming a heading
    takes a section's name, replacing takes a block's, omitting either (``jixiao templates show NAME``)."""
    lay = report.layout
    if not (lay.rename or lay.omit or lay.replace):
        return []  # nothing to look up: the outlines are not imported (``jixiao check`` start-up)
    from . import outlines

    sections: set[str] = set()
    blocks: set[str] = set()
    for o in outlines.all_outlines():
        sections.update(s.name for s in o.sections())
        blocks.update(b.name for b in o.blocks())
    wanted = [("rename", name, f"layout.rename.{name}", sections, "章节") for name in lay.rename]
    wanted += [("omit", name, f"layout.omit[{k}]", sections | blocks, "章节或内容块") for k, name in enumerate(lay.omit)]
    wanted += [("replace", name, f"layout.replace.{name}", blocks, "内容块") for name in lay.replace]
    out = []
    for _key, name, path, names, what in wanted:
        if name in names:
            continue
        pos = source.positions.get(path + "#key") or source.locate(path)
        import difflib  # only for a misspelt name

        close = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.6)
        hint = f"，是否应为“{close[0]}”？" if close else ""
        out.append(Problem(f"layout 中的名称“{name}”不是任何提纲的{what}{hint}（可用名称：jixiao templates show 提纲名）",
                           source.file, pos[0] if pos else None, pos[1] if pos else None, path))
    return out


def unknown_keys(report: Report, source: Source, nodes: list[tuple[str, Any]] | None = None) -> list[Finding]:
    """A warning for each key the model does not define, with the closest known key as a suggestion; ``nodes``:
    the ``(path, node)`` of a walk of ``report`` just made (:func:`toolkit.model.walk`), else it is walked."""
    out = []
    for path, node in walk(report) if nodes is None else nodes:
        extra = node.model_extra or {}
        known = list(type(node).model_fields)
        for key in extra:
            child = f"{path}.{key}" if path else key
            pos = source.positions.get(child + "#key") or source.locate(child)
            import difflib

            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"，是否应为 '{close[0]}'？" if close else "，将被忽略"
            out.append(KEY001.finding(f"未知字段 '{key}'{hint}",
                                      YamlSpot(child, pos[0] if pos else None, pos[1] if pos else None),
                                      file=source.file, help=f"可用字段：{', '.join(known)}"))
    return out


def loads(text: str, file: str = "<input>") -> Loaded:
    """Load a report from YAML text."""
    data, positions = parse_yaml(text, file)
    unfilled: list[str] = []
    # a value 待填 is written as such, or with an escape ("\u5f85\u586b", a line break escaped inside it): a file with
    # neither has none to take out
    if placeholders.PLACEHOLDER in text or "\\" in text:
        data, unfilled = placeholders.strip(data)
    source = Source(file, positions, text)
    renamed = rename_keys(data, source)
    report, nodes = _validated(data, source)
    return Loaded(report, source, renamed + unknown_keys(report, source, nodes), unfilled)


def rename_keys(data: Any, source: Source, renamed: dict[str, str] | None = None) -> list[Finding]:
    """Move every key of :data:`RENAMED` found in ``data`` to its new name (positions follow), with a warning
    naming the new one. When both names are given, the new one wins and the old one is reported as ignored."""
    out: list[Finding] = []
    for old, new in (RENAMED if renamed is None else renamed).items():
        *parents, key = old.split(".")
        for path, mapping in _mappings(data, parents, ""):
            if not isinstance(mapping, dict) or key not in mapping:
                continue
            at = f"{path}.{key}" if path else key
            to = f"{path}.{new}" if path else new
            pos = source.positions.get(at + "#key") or source.locate(at)
            if new in mapping:
                message = f"字段 '{at}' 已更名为 '{to}'；两者都写了，按新名称读取，旧名称被忽略"
                mapping.pop(key)
            else:
                mapping[new] = mapping.pop(key)
                for p in [p for p in source.positions if p == at or p.startswith((at + ".", at + "[", at + "#"))]:
                    source.positions.setdefault(to + p[len(at):], source.positions[p])
                message = f"字段 '{at}' 已更名为 '{to}'，已按新名称读取；请改用新名称"
            out.append(KEY002.finding(message, YamlSpot(at, pos[0] if pos else None, pos[1] if pos else None),
                                      file=source.file))
    return out


def _mappings(node: Any, parents: list[str], path: str):
    """(path, mapping) for the mapping at ``parents`` below ``node``; a part ending in ``[]`` is each item."""
    if not parents:
        yield path, node
        return
    head, rest = parents[0], parents[1:]
    name = head.removesuffix("[]")
    child = node.get(name) if isinstance(node, dict) else None
    at = f"{path}.{name}" if path else name
    if head.endswith("[]"):
        for k, item in enumerate(child if isinstance(child, list) else []):
            yield from _mappings(item, rest, f"{at}[{k}]")
    elif child is not None:
        yield from _mappings(child, rest, at)


#: files that are reports, not data: ``jixiao lint`` reads them
_REPORT_SUFFIXES = (".docx", ".doc", ".txt", ".md", ".wps", ".pdf")


def load(path: str | Path) -> Loaded:
    """Load a report from a YAML file. Raises :class:`~toolkit.errors.InputError` for anything unreadable."""
    from .io import read_input

    file = str(path)
    p = Path(path)
    if p.suffix.lower() in _REPORT_SUFFIXES:
        raise InputError([Problem(f"这是一份写好的报告（{p.suffix}），不是 YAML 数据文件。jixiao check 与 jixiao render 读取"
                                  f"部门年度数据（.yaml）；要查找已写好报告中的数字错误，请用：jixiao lint {file}", file)])
    data = read_input(path, limit("yaml_bytes"), "YAML 文件")
    text, encoding = decode(data, file)
    loaded = loads(text, file)
    if encoding in _ENCODING_WARNINGS:
        loaded.warnings.insert(0, ENC001.finding(_ENCODING_WARNINGS[encoding], YamlSpot(None, 1, 1), file=file))
    return loaded


_ENCODING_WARNINGS = {
    "gb18030": "文件编码为 GB18030（GBK），已按此编码读取；建议另存为 UTF-8",
    "utf-16-le": "文件编码为 UTF-16（无 BOM 标记），已按此编码读取；建议另存为 UTF-8",
    "utf-16-be": "文件编码为 UTF-16（无 BOM 标记），已按此编码读取；建议另存为 UTF-8",
}
