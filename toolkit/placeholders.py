"""Values still to fill: the placeholder ``待填`` that ``jixiao init`` and ``jixiao rollover`` write.

A placeholder is never read as a value (least of all as a zero that passes every check): the loader takes it out
before validation and remembers its data path, and ``check`` reports each one (FIL001) at its line. An optional
field with a placeholder is left out (so nothing is derived from it); a required one gets a neutral stand-in (the
placeholder text for a name, 0 for a weight) that no report is ever rendered with, because FIL001 is an error.
"""
from __future__ import annotations

import functools
import typing
from decimal import Decimal
from typing import Any

from .model import Node

#: what a value still to fill is written as
PLACEHOLDER = "待填"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.strip() == PLACEHOLDER


def strip(data: Any, model: type[Node] | None = None) -> tuple[Any, list[str]]:
    """``(data without placeholders, their data paths in document order)``; ``data`` itself is not changed."""
    from .model import Report

    unfilled: list[str] = []
    out = _strip(data, model or Report, "", unfilled)
    return out, unfilled


def _strip(data: Any, model: type[Node] | None, path: str, unfilled: list[str]) -> Any:
    if not isinstance(data, dict) or model is None:
        return data
    fields = model.model_fields
    out: dict[str, Any] = {}
    for key, value in data.items():
        child = f"{path}.{key}" if path else key
        info = fields.get(key)
        if info is None:  # an unknown key: KEY001 reports it, its value is not ours to read
            out[key] = value
            continue
        if is_placeholder(value):
            unfilled.append(child)
            if info.is_required():
                out[key] = _stand_in(info.annotation)
            continue
        inner, is_list = _field_inner(model, key)
        if is_list and isinstance(value, list):
            items = []
            for i, v in enumerate(value):
                if is_placeholder(v):
                    unfilled.append(f"{child}[{i}]")
                    items.append(_stand_in(inner) if inner is not None and not _is_model(inner) else v)
                else:
                    items.append(_strip(v, inner if _is_model(inner) else None, f"{child}[{i}]", unfilled))
            out[key] = items
        else:
            out[key] = _strip(value, inner if _is_model(inner) else None, child, unfilled)
    return out


@functools.cache
def _field_inner(model: type[Node], key: str) -> tuple[Any, bool]:
    """:func:`_inner` of a model's field, worked out once per field rather than once per value."""
    return _inner(model.model_fields[key].annotation)


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, Node)


def _inner(annotation: Any) -> tuple[Any, bool]:
    """The scalar or model type a field holds (Optional and Annotated unwrapped), and whether it is a list."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _inner(args[0])
    if origin is list:
        inner, _ = _inner(args[0])
        return inner, True
    if args and origin is not None and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return _inner(rest[0])
    return annotation, False


def _stand_in(annotation: Any) -> Any:
    inner, _ = _inner(annotation)
    if inner is Decimal:
        return Decimal(0)
    if inner is int:
        return 0
    return PLACEHOLDER


def describe(report: Any, path: str) -> str:
    """A Chinese name for the value at ``path``: ``基本支出的本年决算数``, ``指标“农户满意度”的实际完成值``."""
    from .guide import guide_for

    node: Any = report
    names: list[str] = []
    for part, index in _parts(path):
        owner = type(node)
        entry = guide_for(owner, part) if isinstance(node, Node) else None
        title = entry.title if entry else part
        node = getattr(node, part, None) if isinstance(node, Node) else None
        if index is not None:
            element = node[index] if isinstance(node, list) and index < len(node) else None
            label = getattr(element, "label", None) or getattr(element, "name", None)
            if label == PLACEHOLDER:
                label = None
            if isinstance(element, Node) and type(element).__name__ == "Indicator" and label:
                title = f"指标“{label}”"
            elif label:
                title = f"“{label}”"
            else:
                title = f"{title}第{index + 1}项"
            node = element
        names.append(title)
    if len(names) >= 2:
        return f"{names[-2]}的{names[-1]}"
    return names[-1] if names else path


def _parts(path: str) -> list[tuple[str, int | None]]:
    out = []
    for seg in path.split("."):
        if "[" in seg:
            name, rest = seg.split("[", 1)
            out.append((name, int(rest.rstrip("]").split("][")[0])))
        else:
            out.append((seg, None))
    return out
