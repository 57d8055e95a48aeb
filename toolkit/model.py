"""The report's data model: one department-year, as plain Python classes (no pydantic: ``jixiao check`` and
``jixiao render`` start without it).

Keys are English; open-ended categories (functional classes, project names, indicator names) are Chinese labels in
the data. Money is :class:`~decimal.Decimal` in 万元; percentages are Decimals in percent units (``95`` = 95 %).

A *declared* figure is what the user wrote (and what the published report says). Fields left out are ``None`` and
can be derived (see :mod:`toolkit.derive`); fields given are checked against what can be computed
(see :mod:`toolkit.checks`). The model never corrects a declared figure: the examples reproduce published reports,
mistakes included.

The classes are defined once, with pydantic, in :mod:`toolkit.pydantic_model` (the source of the JSON schema and
the docs); the section below marked as generated is written from them by ``python -m toolkit.pydantic_model``, and
``tests/test_model.py`` checks that regenerating it gives this file and that both models accept, convert and refuse
every example and every invalid fixture alike, with the same messages. This module holds what both share: the
converters each value goes through, the enums, the field validators, and the validation that runs the field
tables: pydantic's lax rules for the types the model uses (bool, date, str, int, Decimal, enums, lists, mappings,
nested models, unknown keys kept), its errors as the same ``type`` / ``loc`` / ``msg`` / ``input`` dicts, with the
location already reduced to field names and indices.

Every model object remembers its data path (``path``) so checks can locate a finding at the YAML line of the value.
"""
from __future__ import annotations

import datetime as dt
import functools
import typing
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Callable, Iterator

from .lazyre import re
from .numbers import parse_decimal

# --------------------------------------------------------------------------------------------------------------
# Scalar types: the converters every value goes through (both models)
# --------------------------------------------------------------------------------------------------------------


#: No amount (万元), weight, score or percentage reaches this: a larger figure is a typo (1e30, a pasted ID number).
LIMIT = Decimal(10) ** 15


def _to_decimal(value: Any) -> Any:
    value = _decimal(value)
    if value is not None and not (value.is_finite() and abs(value) < LIMIT):
        raise ValueError(f"数值过大或无效：'{value}'（金额以万元计）；请检查是否多写了位数或小数点")
    return value


def _decimal(value: Any) -> Any:
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise ValueError("应为数字")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):  # only reached when a caller builds the model from Python floats
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return parse_decimal(value)
        except ValueError:
            raise ValueError(f"应为数字，收到 '{value}'") from None
    raise ValueError(f"应为数字，收到 {type(value).__name__}")


def _to_percent(value: Any) -> Any:
    if isinstance(value, str) and value.strip().endswith(("%", "％")):
        value = value.strip()[:-1]
    return _to_decimal(value)


def _to_count(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= LIMIT:
        raise ValueError(f"数值过大：'{value}'；请检查是否多写了位数")
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise ValueError(f"应为整数，收到 '{value}'")


#: Characters a Word document cannot hold (XML 1.0): C0 controls other than Tab, LF, CR; U+FFFE, U+FFFF.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _to_text(value: Any) -> Any:
    # YAML turns 95% into a string but 100 into a number; a target such as "20家" or 100 are both text here.
    if isinstance(value, str):
        bad = _CONTROL.search(value)
        if bad:
            raise ValueError(f"文本中第 {bad.start() + 1} 个字符是不可见的控制字符 U+{ord(bad.group()):04X}，"
                             "Word 文件不能包含它；请删除（常见于从其他软件复制的文本或 \\b、\\x0b 等转义）")
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("不能为空")
    return value


def _aliased(aliases: dict[str, str]) -> Callable[[Any], Any]:
    """A converter for an enum's field: a text that is one of ``aliases`` (stripped) becomes the value it names."""
    def convert(value: Any) -> Any:
        if isinstance(value, str) and value.strip() in aliases:
            return aliases[value.strip()]
        return value
    return convert


class Kind(str, Enum):
    """How an indicator is scored (DOMAIN.md section 3)."""

    positive = "正向"
    negative = "反向"
    qualitative = "定性"


_KIND_ALIASES = {
    "positive": "正向", "正向": "正向", "正向指标": "正向", "定量": "正向",
    "negative": "反向", "反向": "反向", "反向指标": "反向",
    "qualitative": "定性", "定性": "定性", "定性指标": "定性",
}


_to_kind = _aliased(_KIND_ALIASES)


class Achievement(str, Enum):
    """Qualitative result bands: 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 % of the weight."""

    achieved = "达成"
    partly = "部分达成"
    missed = "未达成"


_ACHIEVEMENT_ALIASES = {
    "achieved": "达成", "达成": "达成", "达成年度指标": "达成", "全部达成": "达成",
    "partly": "部分达成", "部分达成": "部分达成", "部分达成并具有一定效果": "部分达成",
    "missed": "未达成", "未达成": "未达成", "未达成且效果较差": "未达成",
}


_to_achievement = _aliased(_ACHIEVEMENT_ALIASES)


#: 项目类别 of the Sichuan outline, with the spellings accepted for each (English aliases, the "项目" suffix)
CATEGORIES = ("人员类", "运转类", "特定目标类")
_CATEGORY_ALIASES = {
    **{c: c for c in CATEGORIES}, **{f"{c}项目": c for c in CATEGORIES},
    "personnel": "人员类", "operation": "运转类", "specific": "特定目标类",
}


#: the charts the built-in outlines place (toolkit/word/charts.py draws them; docs/yaml-reference.md lists them)
CHARTS = ("by_nature", "by_function", "project_by_function", "execution", "scores")


def _to_charts(value: Any) -> Any:
    """``charts:``: true / false / omitted, a list of chart names, or one name alone."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ValueError(f"应为 true、false 或图表名称的列表（{'、'.join(CHARTS)}）")
    for name in value:
        if not isinstance(name, str) or name.strip() not in CHARTS:
            raise ValueError(f"未知的图表“{name}”，应为 {'、'.join(CHARTS)}（或写 true / false）")
    return [name.strip() for name in value]


#: the names of the built-in outlines, :data:`toolkit.outlines.NAMES` (``tests/test_startup.py`` holds them equal)
BUILTIN_OUTLINES = ("hunan", "chongqing", "sichuan")
MARKDOWN = "markdown"  # marker in Annotated metadata: this text is Markdown (used by the docs and the renderer)


# --------------------------------------------------------------------------------------------------------------
# Field validators (run after a field's own conversion; pydantic_model's field_validator calls them)
# --------------------------------------------------------------------------------------------------------------


def known_category(category: str | None) -> str | None:
    if category is None:
        return None
    name = _CATEGORY_ALIASES.get(category.strip()) or _CATEGORY_ALIASES.get(category.strip().lower())
    if name is None:
        raise ValueError(f"未知的项目类别“{category}”，应为 {'、'.join(CATEGORIES)}"
                         "（或 personnel、operation、specific）")
    return name


def plausible_year(year: int) -> int:
    if not 1990 <= year <= 2100:
        raise ValueError(f"年度应为四位数年份（如 2023），收到 {year}")
    return year


def known_outline(outline: str) -> str:
    name = outline.strip().lower()
    if name in BUILTIN_OUTLINES:  # the outlines themselves are not imported (``jixiao check`` start-up)
        return name
    from .templates import known  # the registry of outlines (no import cycle: it needs only errors)

    if name not in known():
        raise ValueError(f"未知的内置格式“{outline}”，应为 {'、'.join(known())}（自己的 .docx 模板请用 render --template）")
    return name


class IndicatorMethods:
    """What an :class:`Indicators` can do beyond holding its fields (a base of both models' class)."""

    def all_indicators(self) -> Iterator[tuple[Any, Any, Any]]:
        for g1 in self.groups:
            for g2 in g1.children:
                for ind in g2.indicators:
                    yield g1, g2, ind


# --------------------------------------------------------------------------------------------------------------
# Validation: pydantic's lax rules for the types the model uses, and its errors
# --------------------------------------------------------------------------------------------------------------


class ValidationError(ValueError):
    """Every error one validation found, each a dict as pydantic's ``ValidationError.errors()`` gives it
    (``type``, ``loc``, ``msg``, ``input``; ``ctx`` for an enum), its ``loc`` holding field names and indices only."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("\n".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors))
        self._errors = errors

    def errors(self) -> list[dict[str, Any]]:
        return self._errors


#: what a check returns for a value it refused (after appending its errors)
_BAD = object()
_MISSING = object()
#: a check: (value, location, errors) -> the converted value, or _BAD with the errors appended
Check = Callable[[Any, tuple, list], Any]


def _fail(errors: list, kind: str, loc: tuple, msg: str, value: Any) -> Any:
    errors.append({"type": kind, "loc": loc, "msg": msg, "input": value})
    return _BAD


def _str(value: Any, loc: tuple, errors: list) -> Any:
    return value if isinstance(value, str) else _fail(errors, "string_type", loc, "Input should be a valid string",
                                                      value)


def _int(value: Any, loc: tuple, errors: list) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return _fail(errors, "int_type", loc, "Input should be a valid integer", value)


def _decimal_type(value: Any, loc: tuple, errors: list) -> Any:
    if isinstance(value, Decimal):
        return value
    return _fail(errors, "decimal_type", loc, "Decimal input should be an integer, float, string or Decimal object",
                 value)


_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})


def _bool(value: Any, loc: tuple, errors: list) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        low = value.lower()
        if low in _TRUE or low in _FALSE:
            return low in _TRUE
    elif isinstance(value, (int, Decimal, float)):
        if not (isinstance(value, Decimal) and value.is_snan()) and (value == 1 or value == 0):
            return value == 1
    else:
        return _fail(errors, "bool_type", loc, "Input should be a valid boolean", value)
    return _fail(errors, "bool_parsing", loc, "Input should be a valid boolean, unable to interpret input", value)


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)  # ASCII: \d is not ０-９ here, nor in pydantic
_DATETIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
                       r"(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?", re.ASCII)
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?", re.ASCII)
_INEXACT = "Datetimes provided to dates should have zero time - e.g. be exact dates"


def _date(value: Any, loc: tuple, errors: list) -> Any:
    """A date as pydantic reads one: a date, a datetime at midnight, ``YYYY-MM-DD`` (or a datetime at midnight in
    ISO 8601), a Unix timestamp (seconds, or milliseconds above 2e10) of a midnight."""
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0):
            return _fail(errors, "date_from_datetime_inexact", loc, _INEXACT, value)
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = _DATE.fullmatch(value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return _fail(errors, "date_parsing", loc, "Input should be a valid date in the format YYYY-MM-DD",
                             value)
        m = _DATETIME.fullmatch(value)
        if m:
            try:
                day = dt.date(int(m[1]), int(m[2]), int(m[3]))
                dt.time(int(m[4]), int(m[5]), int(m[6] or 0))
            except ValueError:
                m = None
            else:
                if int(m[4]) or int(m[5]) or int(m[6] or 0) or int(m[7] or 0):
                    return _fail(errors, "date_from_datetime_inexact", loc, _INEXACT, value)
                return day
        if m is None and _NUMBER.fullmatch(value):
            return _timestamp(Decimal(value), value, loc, errors)
        return _fail(errors, "date_from_datetime_parsing", loc, "Input should be a valid date or datetime", value)
    if isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
        return _timestamp(Decimal(value), value, loc, errors)
    return _fail(errors, "date_type", loc, "Input should be a valid date", value)


def _timestamp(seconds: Decimal, value: Any, loc: tuple, errors: list) -> Any:
    if not seconds.is_finite():
        return _fail(errors, "date_from_datetime_parsing", loc, "Input should be a valid date or datetime", value)
    if abs(seconds) > 20_000_000_000:
        seconds = seconds / 1000
    if not -62_135_596_800 <= seconds <= 253_402_300_799:  # 0001-01-01 to 9999-12-31
        return _fail(errors, "date_from_datetime_parsing", loc, "Input should be a valid date or datetime", value)
    if seconds % 86400:
        return _fail(errors, "date_from_datetime_inexact", loc, _INEXACT, value)
    try:
        return dt.date(1970, 1, 1) + dt.timedelta(days=int(seconds // 86400))
    except OverflowError:
        return _fail(errors, "date_parsing", loc, "Input should be a valid date", value)


def _enum(cls: type[Enum]) -> Check:
    members = {m.value: m for m in cls}
    values = [f"'{v}'" for v in members]
    expected = f"{', '.join(values[:-1])} or {values[-1]}"

    def check(value: Any, loc: tuple, errors: list) -> Any:
        if isinstance(value, cls):
            return value
        try:
            return members[value]
        except (KeyError, TypeError):
            errors.append({"type": "enum", "loc": loc, "msg": f"Input should be {expected}", "input": value,
                           "ctx": {"expected": expected}})
            return _BAD
    return check


def _converted(inner: Check, before: Callable[[Any], Any] | None, after: tuple[Callable[[Any], Any], ...] = ()
               ) -> Check:
    """``inner`` with a converter run before it (a BeforeValidator) and validators after it (an AfterValidator, a
    field_validator); a ValueError they raise is a ``value_error`` at the value. The commonest pairs take the value
    YAML gives them in one call (:func:`_passing`)."""
    def check(value: Any, loc: tuple, errors: list) -> Any:
        if before is not None:
            try:
                value = before(value)
            except ValueError as exc:
                return _fail(errors, "value_error", loc, f"Value error, {exc}", value)
        value = inner(value, loc, errors)
        if value is _BAD:
            return value
        return _validated(value, loc, errors, after)
    return _passing(inner, before, after, check) or check


def _validated(value: Any, loc: tuple, errors: list, after: tuple[Callable[[Any], Any], ...]) -> Any:
    """``value`` through the validators ``after`` (a ValueError is a ``value_error``)."""
    for validator in after:
        try:
            value = validator(value)
        except ValueError as exc:
            return _fail(errors, "value_error", loc, f"Value error, {exc}", value)
    return value


def _passing(inner: Check, before: Callable[[Any], Any] | None, after: tuple[Callable[[Any], Any], ...],
             check: Check) -> Check | None:
    """For a Decimal, text or count field, a check that returns a value its converter and type leave as it is — a
    finite Decimal under :data:`LIMIT`, a text without control characters, an int under it (what YAML gives) —
    after the validators ``after``, in one call, and gives any other to ``check`` (the same result: tests/test_model.py);
    its ``optional`` also returns None for None (:func:`_optional`). None for other pairs."""
    if inner is _decimal_type and before in (_to_decimal, _to_percent):
        def fast(value: Any, loc: tuple, errors: list) -> Any:
            if type(value) is Decimal:
                if value.is_finite() and abs(value) < LIMIT:
                    return _validated(value, loc, errors, after) if after else value
            elif type(value) is int:  # a whole number written without decimals: its Decimal, as _decimal makes it
                number = Decimal(value)
                if abs(number) < LIMIT:
                    return _validated(number, loc, errors, after) if after else number
            return check(value, loc, errors)

        def optional(value: Any, loc: tuple, errors: list) -> Any:
            if type(value) is Decimal:
                if value.is_finite() and abs(value) < LIMIT:
                    return _validated(value, loc, errors, after) if after else value
            elif value is None:
                return None
            elif type(value) is int:
                number = Decimal(value)
                if abs(number) < LIMIT:
                    return _validated(number, loc, errors, after) if after else number
            return check(value, loc, errors)
    elif inner is _str and before is _to_text:
        def fast(value: Any, loc: tuple, errors: list) -> Any:
            if type(value) is str and (value.isprintable() or _CONTROL.search(value) is None):
                return _validated(value, loc, errors, after) if after else value
            return check(value, loc, errors)

        def optional(value: Any, loc: tuple, errors: list) -> Any:
            if value is None:
                return None
            if type(value) is str and (value.isprintable() or _CONTROL.search(value) is None):
                return _validated(value, loc, errors, after) if after else value
            return check(value, loc, errors)
    elif inner is _int and before is _to_count:
        def fast(value: Any, loc: tuple, errors: list) -> Any:
            if type(value) is int and abs(value) < LIMIT:
                return _validated(value, loc, errors, after) if after else value
            return check(value, loc, errors)

        def optional(value: Any, loc: tuple, errors: list) -> Any:
            if value is None:
                return None
            if type(value) is int and abs(value) < LIMIT:
                return _validated(value, loc, errors, after) if after else value
            return check(value, loc, errors)
    else:
        return None
    fast.optional = optional  # type: ignore[attr-defined]
    return fast


def _optional(inner: Check) -> Check:
    optional = getattr(inner, "optional", None)
    if optional is not None:
        return optional
    return lambda value, loc, errors: None if value is None else inner(value, loc, errors)


def _union(*members: Check) -> Check:
    """The first member that takes the value (pydantic's smart mode, for members no value fits twice); the errors
    of every member when none does."""
    def check(value: Any, loc: tuple, errors: list) -> Any:
        tried: list = []
        for member in members:
            out = member(value, loc, tried)
            if out is not _BAD:
                return out
        errors.extend(tried)
        return _BAD
    return check


def _list(inner: Check) -> Check:
    def check(value: Any, loc: tuple, errors: list) -> Any:
        if not isinstance(value, (list, tuple)):
            return _fail(errors, "list_type", loc, "Input should be a valid list", value)
        out = [inner(v, (*loc, i), errors) for i, v in enumerate(value)]
        return _BAD if any(v is _BAD for v in out) else out
    return check


def _mapping(inner: Check) -> Check:
    """``dict[str, inner]``."""
    def check(value: Any, loc: tuple, errors: list) -> Any:
        if not isinstance(value, dict):
            return _fail(errors, "dict_type", loc, "Input should be a valid dictionary", value)
        out, bad = {}, False
        for key, v in value.items():
            if not isinstance(key, str):
                bad = _fail(errors, "string_type", (*loc, _loc_item(key), "[key]"), "Input should be a valid string",
                            key)
            out[key] = v = inner(v, (*loc, _loc_item(key)), errors)
            bad = bad or v is _BAD
        return _BAD if bad else out
    return check


def _loc_item(key: Any) -> Any:
    """A mapping's key as pydantic writes it in a location: an int, or text."""
    return int(key) if isinstance(key, int) else key if isinstance(key, str) else repr(key)


def _model(cls: type[Node]) -> Check:
    def check(value: Any, loc: tuple, errors: list) -> Any:
        if isinstance(value, cls):
            return value
        if not isinstance(value, dict):
            errors.append({"type": "model_type", "loc": loc, "input": value, "ctx": {"class_name": cls.__name__},
                           "msg": f"Input should be a valid dictionary or instance of {cls.__name__}"})
            return _BAD
        obj = cls.__new__(cls)
        return obj if obj._fill(value, loc, errors) else _BAD
    return check


class FieldInfo:
    """What the library reads of a field (pydantic's ``FieldInfo`` names): its annotation (plain types, ``Annotated``
    only for the :data:`MARKDOWN` marker), the markers of a top-level ``Annotated``, its default."""

    __slots__ = ("annotation", "metadata", "default", "default_factory", "check")

    def __init__(self, annotation: Any, metadata: tuple, check: Check, default: Any = _MISSING,
                 default_factory: Callable[[], Any] | None = None) -> None:
        self.annotation, self.metadata, self.check = annotation, list(metadata), check
        self.default, self.default_factory = default, default_factory

    def is_required(self) -> bool:
        return self.default is _MISSING and self.default_factory is None

    def __repr__(self) -> str:
        return f"FieldInfo(annotation={self.annotation!r}, required={self.is_required()})"


#: a field's default: a value, :data:`REQUIRED`, or ``factory(f)`` (``f()`` for each object)
REQUIRED = _MISSING


class factory:  # noqa: N801 - reads as a call in the generated tables
    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


class Node:
    """Base of every model object: unknown keys are kept in ``model_extra`` (and reported as warnings), the data
    path is remembered."""

    model_fields: dict[str, FieldInfo] = {}
    _table: tuple = ()
    _checks: dict[str, Check] = {}
    _blank: dict[str, Any] = {}
    _made: tuple = ()
    _order: dict[str, int] = {}

    def __init__(self, **data: Any) -> None:
        errors: list = []
        if not self._fill(data, (), errors):
            raise ValidationError(errors)

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        """An object of this class from plain data (a mapping); :class:`ValidationError` with every error."""
        errors: list = []
        out = _model(cls)(data, (), errors)
        if out is _BAD:
            raise ValidationError(errors)
        return out

    def _fill(self, data: dict, loc: tuple, errors: list) -> bool:
        """Set every field from ``data`` (its keys in their order: most fields are left out, so the table is not
        walked for them), the rest from the defaults, the unknown keys into ``model_extra``; the errors are put in
        the order of the fields (an unknown key's after them), as a walk of the table finds them."""
        values = self.__dict__
        start = len(errors)
        values.update(self._blank)  # every field in the table's order: its default, or a placeholder
        checks = self._checks
        extra = {}
        for key, value in data.items():
            check = checks.get(key)
            if check is not None:
                values[key] = check(value, loc + (key,), errors)
                continue
            if not isinstance(key, str):  # pydantic keeps an int key in the location, drops any other
                _fail(errors, "invalid_key", (*loc, int(key)) if isinstance(key, int) else loc,
                      "Keys should be strings", key)
            extra[key] = value
        for name, make in self._made:  # a placeholder left: a default made for each object, or a field required
            if values[name] is _MISSING:
                if make is not None:
                    values[name] = make()
                else:
                    errors.append({"type": "missing", "loc": (*loc, name), "msg": "Field required", "input": data})
        values["model_extra"] = extra
        values["_path"] = ""
        if extra:  # an unknown key reads as an attribute, as pydantic's extra="allow" gives it (see _attributes)
            for key in _attributes(type(self), extra):
                values[key] = extra[key]
        if len(errors) == start:
            return True
        if len(errors) > start + 1:
            order, last, at = self._order, len(self._order), len(loc)
            errors[start:] = sorted(errors[start:], key=lambda e: order.get(e["loc"][at], last)
                                    if len(e["loc"]) > at else last)  # stable: each field's in their order
        return False

    @property
    def path(self) -> str:
        """Data path of this object, such as ``budget.expenditure.basic``."""
        return self._path

    def at(self, field: str) -> str:
        """Data path of one of this object's fields."""
        path = self._path
        return f"{path}.{field}" if path else field

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={getattr(self, k)!r}' for k in self.model_fields)})"


def _attributes(cls: type, extra: dict) -> list[str]:
    """The unknown keys of ``extra`` an object of ``cls`` also holds as attributes: the texts that name nothing of
    its class (a method, a property: what the class defines is found first, as it was found before a
    ``__getattr__`` looked the key up in ``model_extra``) nor ``model_extra`` or ``_path``. Held in the object's
    ``__dict__`` rather than found by ``__getattr__``: a class with ``__getattr__`` makes every attribute read of
    its objects take the slow path (CPython does not specialise it), and a report's checks and render read its
    nodes' attributes tens of thousands of times."""
    # (what the class and its bases define, not what ``type`` gives the class itself: mro, __name__ are no attributes
    # of an object)
    return [key for key in extra if type(key) is str and key not in ("model_extra", "_path")
            and not any(key in k.__dict__ for k in cls.__mro__)]


def _define(cls: type[Node], table: tuple[tuple[str, Any, tuple, Check, Any], ...]) -> None:
    """Give a generated class its fields: its bases' (in pydantic's order), then ``table``, the fields it adds or
    redefines, ``(name, annotation, metadata, check, default)`` each."""
    fields = {name: f for base in cls.__bases__ for name, f in getattr(base, "model_fields", {}).items()}
    for name, annotation, metadata, check, default in table:
        if isinstance(default, factory):
            fields[name] = FieldInfo(annotation, metadata, check, default_factory=default.make)
        else:
            fields[name] = FieldInfo(annotation, metadata, check, default)
    cls.model_fields = fields
    cls._table = tuple((name, f.check, f.default, f.default_factory) for name, f in fields.items())
    # what Node._fill reads: each field's check; its default, or _MISSING where one is made or the field required
    # (a placeholder keeping the table's order); those fields with their factory (None: required); their order
    cls._checks = {name: f.check for name, f in fields.items()}
    cls._blank = {name: _MISSING if f.default_factory is not None else f.default for name, f in fields.items()}
    cls._made = tuple((name, f.default_factory) for name, f in fields.items()
                      if f.default_factory is not None or f.default is _MISSING)
    cls._order = {name: k for k, name in enumerate(fields)}


def walk(node: Node, path: str = "") -> Iterator[tuple[str, Node]]:
    """Yield ``(path, node)`` for a node and every Node beneath it (depth first, in field order), setting each
    node's ``path``. A node's children are looked up when it is resumed after its own ``yield``; walked with a stack,
    not nested generators (one resumption a node instead of one for each level above it)."""
    stack = [(path, node)]
    pop, push = stack.pop, stack.extend
    while stack:
        path, node = pop()
        node._path = path
        yield path, node
        children = []
        for name in _node_fields(type(node)):
            value = getattr(node, name)
            child = f"{path}.{name}" if path else name
            if isinstance(value, Node):
                children.append((child, value))
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    if isinstance(v, Node):
                        children.append((f"{child}[{i}]", v))
        if children:
            children.reverse()
            push(children)


@functools.cache
def _node_fields(cls: type[Node]) -> tuple[str, ...]:
    """The fields of a model class that can hold a Node or a list of them (the rest are scalars: walk skips them)."""
    def holds_node(annotation: Any) -> bool:
        if isinstance(annotation, type):
            return issubclass(annotation, Node)
        return annotation is Any or any(holds_node(a) for a in typing.get_args(annotation))

    return tuple(name for name, info in cls.model_fields.items() if holds_node(info.annotation))


# ---- generated by `python -m toolkit.pydantic_model` from toolkit/pydantic_model.py: do not edit by hand ----


class StaffKind(Node):
    """A kind of post or staff with the report's own label (参公人员, 非参公事业人员 …)."""


class Headcount(Node):
    """Staff numbers by kind. ``total`` is declared or derived as the sum of the kinds given."""


class Staffing(Node):
    """人员情况: authorised posts, people in post, retirees."""


class Unit(Node):
    """部门基本情况."""


class Figure(Node):
    """One budget figure in 万元 with its stages and comparisons; every field optional.

    ``amount`` is this year's figure (决算数 / 执行数 / 实际支出). ``full_budget`` should equal ``initial_budget +
    adjustment``; ``execution_rate`` = amount / full_budget. ``share`` is the declared 占比 of the parent total;
    ``change`` / ``change_rate`` the declared 比上年增减 (signed: a decrease is negative).
    """


class Item(Figure):
    """A labelled line: an income source, a functional class, a project. ``items`` are its 其中 parts."""


class Income(Item):
    """收入合计 (``amount``) with its sources as ``items``; 上年结转 may be one of them."""


class Basic(Figure):
    """基本支出 = 人员经费 + 公用经费."""


class Project(Figure):
    """项目支出 as a whole; ``items`` are named projects (each with its own budget stages)."""


class Expenditure(Figure):
    """支出合计 (``amount``) by nature, function and economic class."""


class Vehicle(Figure):
    """公务用车购置及运行维护费 = 购置 + 运行维护."""


class ThreePublic(Figure):
    """"三公"经费 = 因公出国(境)费 + 公务用车 + 公务接待费."""


class Procurement(Figure):
    """政府采购 = 货物 + 工程 + 服务."""


class Carryover(Node):
    """结转和结余."""


class Fund(Figure):
    """A budget other than the general public budget (政府性基金, 国有资本经营, 社会保险基金). None = 无."""


class Buildings(Node):
    """楼堂馆所控制情况 (附件1)."""


class Budget(Node):
    """收支 of the general public budget and everything the report says about money (万元)."""


class Member(Node):
    """A member of the evaluation working group."""


class Phase(Node):
    """A phase of the evaluation work, with its dates (a year-N report is evaluated in year N+1)."""


class Evaluation(Node):
    """绩效评价基本情况: why, how, who and when."""


class Indicator(Node):
    """三级指标: the concrete indicator with its target, result, weight and score."""


class Level2(Node):
    """二级指标 (数量指标, 质量指标, 经济效益指标 …) grouping 三级 indicators."""


class Level1(Node):
    """一级指标 (产出指标, 效益指标, 满意度指标 …)."""


class ExecutionIndicator(Node):
    """预算执行率 indicator: score = weight × 执行数 / 全年预算数 (capped at the weight)."""


class Goal(Node):
    """年度总体目标: what was planned and what was done."""


class Indicators(Node, IndicatorMethods):
    """The indicator system, the scores and the result."""


class Narrative(Node):
    """Narrative sections in Markdown. A section left out is omitted (numbering closes up) or, where the outline
    requires it, replaced by a standard sentence."""


class Attachments(Node):
    """What the attachments carry beyond the report body."""


class Layout(Node):
    """The user's words over the outline's, by stable name (``jixiao templates show NAME`` lists the names;
    docs/templates.md): rename a heading, leave out a section or block, replace a block with your own Markdown."""


class Report(Node):
    """One department-year: the root of a YAML file."""


_define(StaffKind, (
    ('label', str, (), _converted(_str, _to_text, (_not_blank,)), REQUIRED),
    ('count', int, (), _converted(_int, _to_count), REQUIRED),
    ('unit', str | None, (), _optional(_converted(_str, _to_text)), None),
))

_define(Headcount, (
    ('administrative', int | None, (), _optional(_converted(_int, _to_count)), None),
    ('institutional', int | None, (), _optional(_converted(_int, _to_count)), None),
    ('worker', int | None, (), _optional(_converted(_int, _to_count)), None),
    ('other', int | None, (), _optional(_converted(_int, _to_count)), None),
    ('kinds', list[StaffKind], (), _list(_model(StaffKind)), factory(list)),
    ('total', int | None, (), _optional(_converted(_int, _to_count)), None),
))

_define(Staffing, (
    ('authorized', Headcount | None, (), _optional(_model(Headcount)), None),
    ('actual', Headcount | None, (), _optional(_model(Headcount)), None),
    ('retired', int | None, (), _optional(_converted(_int, _to_count)), None),
    ('total', int | None, (), _optional(_converted(_int, _to_count)), None),
    ('control_rate', Decimal | None, (), _optional(_converted(_decimal_type, _to_percent)), None),
    ('note', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
))

_define(Unit, (
    ('name', str, (), _converted(_str, _to_text, (_not_blank,)), REQUIRED),
    ('short_name', str | None, (), _optional(_converted(_str, _to_text)), None),
    ('duties', list[Annotated[str, MARKDOWN]], (), _list(_converted(_str, _to_text)), factory(list)),
    ('departments', list[str], (), _list(_converted(_str, _to_text)), factory(list)),
    ('departments_count', int | None, (), _optional(_converted(_int, _to_count)), None),
    ('organisation', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('staffing', Staffing | None, (), _optional(_model(Staffing)), None),
))

_define(Figure, (
    ('amount', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('previous', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('initial_budget', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('adjustment', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('full_budget', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('execution_rate', Decimal | None, (), _optional(_converted(_decimal_type, _to_percent)), None),
    ('share', Decimal | None, (), _optional(_converted(_decimal_type, _to_percent)), None),
    ('change', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('change_rate', Decimal | None, (), _optional(_converted(_decimal_type, _to_percent)), None),
    ('note', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
))

_define(Item, (
    ('label', str, (), _converted(_str, _to_text, (_not_blank,)), REQUIRED),
    ('items', list[Item], (), _list(_model(Item)), factory(list)),
))

_define(Income, (
    ('label', str, (), _converted(_str, _to_text, (_not_blank,)), '收入合计'),
))

_define(Basic, (
    ('personnel', Figure | None, (), _optional(_model(Figure)), None),
    ('public', Figure | None, (), _optional(_model(Figure)), None),
))

_define(Project, (
    ('items', list[Item], (), _list(_model(Item)), factory(list)),
    ('operation', Figure | None, (), _optional(_model(Figure)), None),
    ('items_partial', bool | None, (), _optional(_bool), None),
    ('by_function', list[Item], (), _list(_model(Item)), factory(list)),
    ('by_economic', list[Item], (), _list(_model(Item)), factory(list)),
))

_define(Expenditure, (
    ('basic', Basic | None, (), _optional(_model(Basic)), None),
    ('project', Project | None, (), _optional(_model(Project)), None),
    ('by_function', list[Item], (), _list(_model(Item)), factory(list)),
    ('by_economic', list[Item], (), _list(_model(Item)), factory(list)),
))

_define(Vehicle, (
    ('purchase', Figure | None, (), _optional(_model(Figure)), None),
    ('operation', Figure | None, (), _optional(_model(Figure)), None),
))

_define(ThreePublic, (
    ('overseas', Figure | None, (), _optional(_model(Figure)), None),
    ('vehicle', Vehicle | None, (), _optional(_model(Vehicle)), None),
    ('reception', Figure | None, (), _optional(_model(Figure)), None),
))

_define(Procurement, (
    ('goods', Figure | None, (), _optional(_model(Figure)), None),
    ('works', Figure | None, (), _optional(_model(Figure)), None),
    ('services', Figure | None, (), _optional(_model(Figure)), None),
    ('by_source', list[Item], (), _list(_model(Item)), factory(list)),
))

_define(Carryover, (
    ('opening', Figure | None, (), _optional(_model(Figure)), None),
    ('closing', Figure | None, (), _optional(_model(Figure)), None),
))

_define(Fund, (
    ('text', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
))

_define(Buildings, (
    ('approved_area', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('actual_area', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('area_control_rate', Decimal | None, (), _optional(_converted(_decimal_type, _to_percent)), None),
    ('budget_investment', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('actual_investment', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('investment_control_rate', Decimal | None, (), _optional(_converted(_decimal_type, _to_percent)), None),
))

_define(Budget, (
    ('income', Income | None, (), _optional(_model(Income)), None),
    ('expenditure', Expenditure | None, (), _optional(_model(Expenditure)), None),
    ('carryover', Carryover | None, (), _optional(_model(Carryover)), None),
    ('three_public', ThreePublic | None, (), _optional(_model(ThreePublic)), None),
    ('procurement', Procurement | None, (), _optional(_model(Procurement)), None),
    ('government_fund', Fund | None, (), _optional(_model(Fund)), None),
    ('state_capital', Fund | None, (), _optional(_model(Fund)), None),
    ('social_insurance', Fund | None, (), _optional(_model(Fund)), None),
    ('buildings', Buildings | None, (), _optional(_model(Buildings)), None),
    ('thrift', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('note', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
))

_define(Member, (
    ('name', str, (), _converted(_str, _to_text), REQUIRED),
    ('role', str, (), _converted(_str, _to_text), REQUIRED),
    ('title', str | None, (), _optional(_converted(_str, _to_text)), None),
    ('duty', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
))

_define(Phase, (
    ('name', str, (), _converted(_str, _to_text), REQUIRED),
    ('start', dt.date | None, (), _optional(_date), None),
    ('end', dt.date | None, (), _optional(_date), None),
    ('description', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
))

_define(Evaluation, (
    ('purpose', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('principles', list[Annotated[str, MARKDOWN]], (), _list(_converted(_str, _to_text)), factory(list)),
    ('basis', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('method', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('group_established', dt.date | None, (), _optional(_date), None),
    ('group', list[Member], (), _list(_model(Member)), factory(list)),
    ('group_note', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('phases', list[Phase], (), _list(_model(Phase)), factory(list)),
    ('date', dt.date | None, (), _optional(_date), None),
))

_define(Indicator, (
    ('name', str, (), _converted(_str, _to_text, (_not_blank,)), REQUIRED),
    ('target', str | None, (), _optional(_converted(_str, _to_text)), None),
    ('actual', str | None, (), _optional(_converted(_str, _to_text)), None),
    ('unit', str | None, (), _optional(_converted(_str, _to_text)), None),
    ('kind', Kind | None, (), _optional(_converted(_enum(Kind), _to_kind)), None),
    ('achievement', Achievement | None, (), _optional(_converted(_enum(Achievement), _to_achievement)), None),
    ('weight', Decimal, (), _converted(_decimal_type, _to_decimal), REQUIRED),
    ('score', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('deviation', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('narrative', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('category', str | None, (), _converted(_optional(_converted(_str, _to_text)), None, (known_category,)), None),
    ('previous', str | None, (), _optional(_converted(_str, _to_text)), None),
))

_define(Level2, (
    ('name', str, (), _converted(_str, _to_text), REQUIRED),
    ('weight', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('indicators', list[Indicator], (), _list(_model(Indicator)), factory(list)),
))

_define(Level1, (
    ('name', str, (), _converted(_str, _to_text), REQUIRED),
    ('weight', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('children', list[Level2], (), _list(_model(Level2)), factory(list)),
))

_define(ExecutionIndicator, (
    ('weight', Decimal, (), _converted(_decimal_type, _to_decimal), Decimal('10')),
    ('initial_budget', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('full_budget', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('actual', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('rate', Decimal | None, (), _optional(_converted(_decimal_type, _to_percent)), None),
    ('score', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('deviation', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('narrative', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
))

_define(Goal, (
    ('target', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('actual', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
))

_define(Indicators, (
    ('goal', Goal | None, (), _optional(_model(Goal)), None),
    ('execution', ExecutionIndicator | None, (), _optional(_model(ExecutionIndicator)), None),
    ('groups', list[Level1], (), _list(_model(Level1)), factory(list)),
    ('total_weight', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('total_score', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('grade', str | None, (), _optional(_converted(_str, _to_text)), None),
    ('previous_score', Decimal | None, (), _optional(_converted(_decimal_type, _to_decimal)), None),
    ('ungrouped', bool | None, (), _optional(_bool), None),
))

_define(Narrative, (
    ('preface', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('key_work', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('performance', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('achievements', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('conclusion', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('problems', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('measures', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('application', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('publication', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
    ('other', Annotated[str, MARKDOWN] | None, (), _optional(_converted(_str, _to_text)), None),
))

_define(Attachments, (
    ('basic_data', bool, (), _bool, True),
    ('self_evaluation', bool, (), _bool, True),
    ('filler', str | None, (), _optional(_converted(_str, _to_text)), None),
    ('phone', str | None, (), _optional(_converted(_str, _to_text)), None),
    ('date', dt.date | None, (), _optional(_date), None),
))

_define(Layout, (
    ('rename', dict[str, str], (), _mapping(_converted(_str, _to_text)), factory(dict)),
    ('omit', list[str], (), _list(_converted(_str, _to_text)), factory(list)),
    ('replace', dict[str, Annotated[str, MARKDOWN]], (), _mapping(_converted(_str, _to_text)), factory(dict)),
))

_define(Report, (
    ('year', int, (), _converted(_converted(_int, _to_count), None, (plausible_year,)), REQUIRED),
    ('unit', Unit, (), _model(Unit), REQUIRED),
    ('title', str | None, (), _optional(_converted(_str, _to_text)), None),
    ('label', str | None, (), _optional(_converted(_str, _to_text)), None),
    ('outline', str, (), _converted(_converted(_str, _to_text), None, (known_outline,)), 'hunan'),
    ('budget', Budget, (), _model(Budget), factory(Budget)),
    ('evaluation', Evaluation, (), _model(Evaluation), factory(Evaluation)),
    ('indicators', Indicators, (), _model(Indicators), factory(Indicators)),
    ('narrative', Narrative, (), _model(Narrative), factory(Narrative)),
    ('attachments', Attachments, (), _model(Attachments), factory(Attachments)),
    ('signature', str | None, (), _optional(_converted(_str, _to_text)), None),
    ('charts', bool | list[str] | None, (), _optional(_converted(_union(_bool, _list(_str)), _to_charts)), None),
    ('layout', Layout, (), _model(Layout), factory(Layout)),
))

# ---- end of generated code ----
