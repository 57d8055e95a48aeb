"""Argument values converted without pydantic, for the parameter types ``jixiao`` uses.

Typer 0.2x converts every parameter value (even a default) through a pydantic ``TypeAdapter`` built when the
command runs: ``typer._adapters`` imports pydantic and its ``TypeAdapter`` machinery (15–20 ms of CPU even after the
model has imported pydantic; a command that never loads a model would pay all of pydantic for it). For the
plain types of our commands (``str``, ``bool``, ``int``, ``Path``, an ``Enum`` of choices, and lists of these)
:class:`Plain` does what those adapters do, calling the same Typer functions for choices and paths. Anything else,
and every value the plain way cannot take (a choice that is not one, a path that does not exist when it must), goes
to Typer's own adapter, so that every message is Typer's, word for word.

With a Typer that converts values another way (no ``typer._coercion``), :func:`install` does nothing.
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

try:  # Typer ≥ 0.2x: parameters convert values through a RuntimeParam
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path
    from typer.core import _TyperParameter
except ImportError:  # pragma: no cover - another Typer: its own conversion stays
    RuntimeParam = None  # type: ignore[assignment,misc]

_NO = object()  # "not converted here": Typer's adapter decides


def _leaf(annotation: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
    """The converted value, or ``_NO`` when the plain way is not sure to give what Typer's adapter gives."""
    if info.parser is not None or getattr(info, "click_type", None) is not None:
        return _NO
    if annotation is bool:
        return value if isinstance(value, bool) else _NO
    if annotation is str:
        return value if isinstance(value, str) else _NO
    if annotation is int:  # a number given on the command line is text: Typer's adapter (and its min / max)
        return value if type(value) is int and info.min is None and info.max is None else _NO
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        try:
            return coerce_cli_choice(value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
        except ValueError:  # Typer words the message (through pydantic)
            return _NO
    if isinstance(annotation, type) and issubclass(annotation, Path) and info.path_type is None:
        if isinstance(value, str):
            value = annotation(value)  # what pydantic's Path validation does with a str
        if not isinstance(value, annotation):
            return _NO
        try:
            return coerce_cli_path(value, info, path_type=annotation, param=param, ctx=ctx)
        except Exception:  # noqa: BLE001 - the check fails: Typer's own path says why, in its words
            return _NO
    return _NO


if RuntimeParam is not None:

    class Plain(RuntimeParam):
        """Typer's RuntimeParam for one parameter: the plain conversion first, Typer's adapter when it declines."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            info, annotation = self.parameter_info, self.annotation
            if get_origin(annotation) is list and len(get_args(annotation)) == 1:
                items = value if isinstance(value, (list, tuple)) else [value]
                out = [_leaf(get_args(annotation)[0], info, v, param, ctx) for v in items]
                converted: Any = _NO if any(v is _NO for v in out) else out
            else:
                converted = _leaf(annotation, info, value, param, ctx)
            if converted is _NO:
                return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)
            return converted


def install(params: list[Any]) -> None:
    """Give each Typer parameter of a command the plain conversion (files opened by Typer keep Typer's)."""
    if RuntimeParam is None:
        return  # pragma: no cover
    for param in params:
        if isinstance(param, _TyperParameter) and getattr(param, "_runtime_param", _NO) is None:
            descriptor = param.type_descriptor
            if descriptor.file_annotation is None:
                param._runtime_param = Plain(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)
