"""YAML -> :class:`~toolkit.model.Report`, keeping the source line and column of every value.

The YAML is composed into nodes with ruamel.yaml and converted by hand, so that

* every value's position is recorded under its data path (``budget.income.items[0].amount``);
* floats become :class:`~decimal.Decimal` from the text written (``3345.50`` stays exact), never binary floats;
* duplicate keys are errors rather than silently overwritten.

Encoding: UTF-8 with or without BOM, UTF-16 with BOM; a GBK / GB18030 file (what Chinese Windows editors often
save) is read as such with a warning; anything else is refused with a clear message rather than read as mojibake.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.nodes import MappingNode, Node as YNode, ScalarNode, SequenceNode

from .errors import InputError, Problem
from .domain.tolerance import Verdict
from .findings import WARNING, Finding, YamlSpot
from .model import Report, walk
from .rules import Rule

ENC001 = Rule("ENC001", "input", WARNING, "文件不是 UTF-8 编码",
         "文件以 GBK/GB18030 编码保存（中文 Windows 记事本、WPS 的常见默认），已按该编码读取。"
         "其他工具未必能正确识别，建议另存为 UTF-8。",
         "demo.yaml:1:1: ENC001（警告） 文件编码为 GB18030（GBK），已按此编码读取；建议另存为 UTF-8")
KEY001 = Rule("KEY001", "input", WARNING, "未知字段",
         "YAML 中出现模型没有定义的字段。它不会出现在报告里，通常是拼写错误（如 budgt:）。",
         "demo.yaml:3:1: KEY001（警告） 未知字段 'budgt'，是否应为 'budget'？ [budgt]")

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


# ----------------------------------------------------------------------------------------------------------------
# YAML nodes -> Python data with positions
# ----------------------------------------------------------------------------------------------------------------

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"


def _pos(node: YNode) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _tag(node: YNode) -> str:
    tag = node.tag
    return getattr(tag, "value", tag) or ""


def _scalar(node: ScalarNode, file: str, path: str, problems: list[Problem]) -> Any:
    tag, text = _tag(node), node.value
    if tag == _NULL:
        return None
    if tag == _BOOL:
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
            return text
    if tag == _FLOAT:
        t = text.replace("_", "")
        if t.lower().lstrip("+-") in (".inf", ".nan"):
            line, col = _pos(node)
            problems.append(Problem(f"数值 '{text}' 不是有效的金额或分值", file, line, col, path))
            return None
        return Decimal(t)
    if tag == _TIMESTAMP:
        try:
            return dt.date.fromisoformat(text[:10]) if len(text) <= 10 else dt.datetime.fromisoformat(text).date()
        except ValueError:
            return text
    return text


def to_data(node: YNode, file: str, path: str, positions: dict[str, Position], problems: list[Problem]) -> Any:
    """Convert a composed YAML node to plain data, recording the position of every value under its path."""
    positions[path] = _pos(node)
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        key_pos: dict[str, Position] = {}
        pairs = list(node.value)
        # YAML merge keys (<<: *base) contribute keys that the mapping itself does not set
        merged: list[tuple[YNode, YNode]] = []
        for k, v in pairs:
            if _tag(k) == _MERGE or (isinstance(k, ScalarNode) and k.value == "<<"):
                sources = v.value if isinstance(v, SequenceNode) else [v]
                for s in sources:
                    if isinstance(s, MappingNode):
                        merged.extend(s.value)
        own = [(k, v) for k, v in pairs if not (_tag(k) == _MERGE or (isinstance(k, ScalarNode) and k.value == "<<"))]
        own_keys = {k.value for k, _ in own if isinstance(k, ScalarNode)}
        for k, v in [(k, v) for k, v in merged if k.value not in own_keys] + own:
            if not isinstance(k, ScalarNode):
                line, col = _pos(k)
                problems.append(Problem("映射的键必须是文本", file, line, col, path or None))
                continue
            key = str(k.value)
            child = f"{path}.{key}" if path else key
            if key in key_pos and (k, v) in own:
                line, col = _pos(k)
                first = key_pos[key]
                problems.append(Problem(f"重复的键 '{key}'（第一次出现在第 {first[0]} 行）", file, line, col, child))
                continue
            key_pos[key] = _pos(k)
            out[key] = to_data(v, file, child, positions, problems)
            positions.setdefault(child + "#key", _pos(k))
        return out
    if isinstance(node, SequenceNode):
        return [to_data(v, file, f"{path}[{i}]", positions, problems) for i, v in enumerate(node.value)]
    return _scalar(node, file, path, problems)


def parse_yaml(text: str, file: str) -> tuple[Any, dict[str, Position]]:
    """Parse YAML text into plain data and a position map; syntax errors become an InputError with file:line:col."""
    # typ="safe" composes with libyaml (ruamel.yaml.clib) when it is installed: ~4x faster than the pure-Python
    # round-trip parser, with the same line/column marks. Nodes are converted by hand below either way.
    yaml = YAML(typ="safe", pure=False)
    try:
        node = yaml.compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = _translate_yaml_problem(exc.problem or exc.context or "语法错误")
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
        raise InputError([Problem(f"YAML 语法错误：{exc}", file)]) from None
    if node is None:
        raise InputError([Problem("文件是空的", file, 1, 1)])
    positions: dict[str, Position] = {}
    problems: list[Problem] = []
    data = to_data(node, file, "", positions, problems)
    if problems:
        raise InputError(problems)
    return data, positions


_YAML_PROBLEMS = [
    # libyaml (ruamel.yaml.clib) and pure-Python ruamel word some problems differently; both are listed
    ("found character '\\t' that cannot start any token", "不能用 Tab 缩进，请改用空格"),
    ("found character that cannot start any token", "此处有不能开始一个值的字符（常见原因：用了 Tab 缩进，请改用空格）"),
    ("mapping values are not allowed", "此处不能出现“键: 值”（冒号后缺空格、缩进不对，或文本中的冒号未加引号）"),
    ("could not find expected ':'", "缺少冒号“:”"),
    ("expected <block end>, but found", "缩进不一致"),
    ("found undefined alias", "引用了未定义的锚点"),
    ("found unexpected end of stream", "文件意外结束（引号或括号未闭合）"),
    ("did not find expected key", "缺少键，或缩进不一致"),
    ("did not find expected '-' indicator", "列表项缺少“- ”，或缩进不一致"),
    ("did not find expected ',' or ']'", "方括号列表未闭合，或缺少逗号"),
    ("did not find expected ',' or '}'", "花括号映射未闭合，或缺少逗号"),
    ("did not find expected node content", "此处缺少值"),
    ("found unknown escape character", "双引号文本中有无效的转义字符（如 \\ 后接字母），请改用单引号"),
    ("found duplicate anchor", "锚点名称重复"),
    ("second occurrence", "锚点名称重复"),
]


def _tab_indented(text: str, line: int | None, col: int | None) -> bool:
    """True when the error sits in a line's indentation and that indentation holds a Tab."""
    lines = text.splitlines()
    if line is None or not 1 <= line <= len(lines):
        return False
    indent = lines[line - 1][: col or 1]
    return "\t" in indent and indent.strip(" \t") == ""


def _translate_yaml_problem(problem: str) -> str:
    for en, zh in _YAML_PROBLEMS:
        if problem.startswith(en):
            return zh
    return problem


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


def _field_loc(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop pydantic's union / validator tags from an error location, keeping only field names and indices."""
    kept: list[Any] = []
    cur: Any = model
    for part in loc:
        if isinstance(part, int):
            kept.append(part)
            continue
        fields = getattr(cur, "model_fields", None)
        if fields is not None and part in fields:
            kept.append(part)
            cur = _inner_model(fields[part].annotation)
        elif fields is None and cur is None:
            # extra keys or non-model containers: keep as written
            kept.append(part)
    return tuple(kept)


def _inner_model(annotation: Any) -> Any:
    import typing

    args = typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for a in args:
        m = _inner_model(a)
        if m is not None:
            return m
    return None


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
    if not isinstance(data, dict):
        raise InputError([Problem("顶层应为映射（year:、unit: 等字段）", source.file, 1, 1)])
    try:
        report = Report.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = _field_loc(Report, tuple(err["loc"]))
            path = _loc_path(loc)
            pos = source.locate(path)
            line, col = pos if pos else (None, None)
            problems.append(Problem(_translate(err, data), source.file, line, col, path or None))
        raise InputError(problems) from None
    for _ in walk(report):
        pass
    return report


def unknown_keys(report: Report, source: Source) -> list[Finding]:
    """A warning for each key the model does not define, with the closest known key as a suggestion."""
    out = []
    for path, node in walk(report):
        extra = node.model_extra or {}
        known = list(type(node).model_fields)
        for key in extra:
            child = f"{path}.{key}" if path else key
            pos = source.positions.get(child + "#key") or source.locate(child)
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"，是否应为 '{close[0]}'？" if close else "，将被忽略"
            out.append(KEY001.finding(f"未知字段 '{key}'{hint}",
                                      YamlSpot(child, pos[0] if pos else None, pos[1] if pos else None),
                                      file=source.file, help=f"可用字段：{', '.join(known)}"))
    return out


def loads(text: str, file: str = "<input>") -> Loaded:
    """Load a report from YAML text."""
    data, positions = parse_yaml(text, file)
    source = Source(file, positions, text)
    report = validate(data, source)
    return Loaded(report, source, unknown_keys(report, source))


#: files that are reports, not data: ``jixiao lint`` reads them
_REPORT_SUFFIXES = (".docx", ".doc", ".txt", ".md", ".wps", ".pdf")


def load(path: str | Path) -> Loaded:
    """Load a report from a YAML file. Raises :class:`~toolkit.errors.InputError` for anything unreadable."""
    p = Path(path)
    file = str(path)
    if p.suffix.lower() in _REPORT_SUFFIXES:
        raise InputError([Problem(f"这是一份写好的报告（{p.suffix}），不是 YAML 数据文件。jixiao check 与 jixiao render 读取"
                                  f"部门年度数据（.yaml）；要查找已写好报告中的数字错误，请用：jixiao lint {file}", file)])
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem("文件不存在", file)]) from None
    except IsADirectoryError:
        raise InputError([Problem("这是一个目录，不是 YAML 文件", file)]) from None
    except OSError as exc:
        raise InputError([Problem(f"无法读取文件：{exc.strerror}", file)]) from None
    text, encoding = decode(data, file)
    loaded = loads(text, file)
    if encoding == "gb18030":
        loaded.warnings.insert(0, ENC001.finding("文件编码为 GB18030（GBK），已按此编码读取；建议另存为 UTF-8",
                                                 YamlSpot(None, 1, 1), file=file))
    return loaded
