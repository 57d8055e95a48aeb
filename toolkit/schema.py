"""A JSON Schema of the data file (draft-07), made from the model, for editors: ``jixiao schema``.

VS Code's YAML extension reads the schema named on a file's first line (``# yaml-language-server: $schema=…``, which
``jixiao init`` writes) and then completes keys, shows each field's Chinese title and description, and marks a
misspelt key or a word where a number belongs. The schema follows the loader, not pydantic's defaults: an amount may
be written ``3345.50`` or ``"3,345.50"``, a percentage ``95``, ``95%`` or ``"95.00%"``, a text field may hold a
number (``target: 100``), the indicator kinds accept their aliases (``positive``, ``正向指标``), and every field
accepts the placeholder ``待填`` and an empty value. Titles and descriptions come from :mod:`toolkit.guide`.

:func:`field_kind` (what a field holds: money, percent, text, a model, a list …) is shared with the scaffold and the
generated docs.
"""
from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from .guide import CLASSES, describe, guide_for
from .model import Node as PlainNode
from .placeholders import PLACEHOLDER

DRAFT = "http://json-schema.org/draft-07/schema#"


@dataclass(frozen=True)
class Kind:
    """What a field holds. ``scalar`` is money / number / percent / count / text / markdown / date / bool / enum /
    charts (true, false or a list of chart names)."""

    scalar: str | None = None
    model: type[BaseModel] | None = None
    is_list: bool = False
    values: tuple[str, ...] = ()  # enum: the values
    aliases: tuple[str, ...] = ()  # enum: every spelling accepted (the values among them)


def field_kind(annotation: Any) -> Kind:
    """Classify a field's annotation by the validators the model puts on it (``_to_decimal``, ``_to_percent`` …)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        names = {getattr(getattr(m, "func", None), "__name__", "") for m in args[1:]}
        if "markdown" in args[1:]:
            return Kind("markdown")
        if "_to_charts" in names:  # true / false / a list of chart names
            from .model import CHARTS

            return Kind("charts", values=CHARTS, aliases=CHARTS)
        for func, scalar in (("_to_percent", "percent"), ("_to_decimal", "number"), ("_to_count", "count"),
                             ("_to_text", "text")):
            if func in names:
                return Kind(scalar)
        inner = field_kind(args[0])
        if inner.scalar == "enum":
            return Kind("enum", values=inner.values, aliases=_aliases(args[0]) or inner.values)
        return inner
    if origin is list:
        inner = field_kind(args[0])
        return Kind(inner.scalar, inner.model, True, inner.values, inner.aliases)
    if args and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return field_kind(rest[0])
    if isinstance(annotation, type):
        if issubclass(annotation, (BaseModel, PlainNode)):
            return Kind(model=annotation)
        if hasattr(annotation, "__members__"):
            values = tuple(m.value for m in annotation)
            return Kind("enum", values=values, aliases=values)
        if annotation is bool:
            return Kind("bool")
        if annotation is dt.date:
            return Kind("date")
        if annotation is Decimal:
            return Kind("number")
        if annotation is int:
            return Kind("count")
    return Kind("text")


def _aliases(enum: Any) -> tuple[str, ...]:
    from . import model

    table = {model.Kind: model._KIND_ALIASES, model.Achievement: model._ACHIEVEMENT_ALIASES}.get(enum)
    return tuple(table) if table else ()


def _choices(model: type[BaseModel], name: str) -> tuple[str, ...]:
    """Text fields the model restricts by a validator: the outline, the Sichuan 项目类别."""
    from .model import _CATEGORY_ALIASES
    from .templates import BUILTIN

    if model.__name__ == "Report" and name == "outline":  # either model's class (toolkit.model, pydantic_model)
        return tuple(BUILTIN)
    if model.__name__ == "Indicator" and name == "category":
        return tuple(_CATEGORY_ALIASES)
    return ()


_NUMBER = r"^\s*[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*$"
_PERCENT = r"^\s*[+-]?\d+(\.\d+)?\s*[%％]?\s*$"
_PLACEHOLDER = {"const": PLACEHOLDER, "description": "尚未填写"}


def _scalar(kind: Kind, choices: tuple[str, ...]) -> dict[str, Any]:
    s = kind.scalar
    if choices or s == "enum":
        return {"enum": list(choices or kind.aliases)}
    if s == "number":
        return {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _NUMBER}]}
    if s == "percent":
        return {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _PERCENT}]}
    if s == "count":
        return {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^\s*\d+\s*$"}]}
    if s == "date":
        return {"type": "string", "format": "date"}
    if s == "bool":
        return {"type": "boolean"}
    if s == "charts":
        names = {"enum": list(kind.values)}
        return {"anyOf": [{"type": "boolean"}, names, {"type": "array", "items": names}]}
    if s in ("text", "markdown"):
        return {"type": ["string", "number", "boolean"]}
    return {}


def _field(model: type[BaseModel], name: str, info: Any, defs: dict[str, Any]) -> dict[str, Any]:
    kind = field_kind(info.annotation)
    if kind.model is not None:
        _define(kind.model, defs)
        item: dict[str, Any] = {"$ref": f"#/$defs/{kind.model.__name__}"}
    else:
        item = _scalar(kind, _choices(model, name))
    item = {"anyOf": [item, _PLACEHOLDER]} if item else {}
    out: dict[str, Any] = {"type": "array", "items": item} if kind.is_list else dict(item)
    if not info.is_required():
        out = {"anyOf": [out, {"type": "null"}]} if out else {}
    entry = guide_for(model, name)
    if entry is not None:
        out["title"] = entry.title
        text = describe(entry)
        if text:
            out["description"] = text
    if kind.scalar == "markdown":
        out["description"] = (out.get("description", "") + "（Markdown：段落、**加粗**、编号或项目列表）").lstrip()
    return out


def _define(model: type[BaseModel], defs: dict[str, Any]) -> None:
    name = model.__name__
    if name in defs:
        return
    defs[name] = {}  # reserve (Item holds Items)
    title, text = CLASSES.get(name, (name, ""))
    properties = {n: _field(model, n, info, defs) for n, info in model.model_fields.items()}
    required = [n for n, info in model.model_fields.items() if info.is_required()]
    body: dict[str, Any] = {"type": "object", "title": title}
    if text:
        body["description"] = text
    body["properties"] = properties
    if required:
        body["required"] = required
    body["additionalProperties"] = False  # a misspelt key is marked (check warns KEY001)
    defs[name] = body


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) of a report data file; ``$defs`` are named after the model classes."""
    from .pydantic_model import Report

    defs: dict[str, Any] = {}
    _define(Report, defs)
    root = dict(defs.pop("Report"))
    root["title"] = "部门整体支出绩效自评报告数据（jixiao）"
    root["description"] = ("一个部门一个年度的数据：金额单位万元，百分数写 95 或 95%，正文为 Markdown。"
                           f"“{PLACEHOLDER}”表示尚未填写，jixiao check 会逐项列出。")
    return {"$schema": DRAFT, **root, "$defs": dict(sorted(defs.items()))}


def json_text() -> str:
    import json

    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
