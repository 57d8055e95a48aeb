"""The model's one-call checks for Decimal, text and count fields (``toolkit.model._passing``) against the checks
they stand in for (converter, type, validators: ``_converted`` without them, wrapped by ``_optional``): the same
value (type and repr) and the same errors for every kind of value YAML or a caller can give, good or bad."""
from __future__ import annotations

import datetime as dt
import importlib
from decimal import Decimal

import pytest

model = importlib.import_module("toolkit.model")


class Sub(Decimal):
    pass


VALUES = [None, True, False, 0, 1, -7, 10 ** 15 - 1, 10 ** 15, -10 ** 15, 10 ** 30, Decimal("0"), Decimal("-0"),
          Decimal("5260.00"), Decimal("1E+14"), Decimal("999999999999999.99"), Decimal("1E+15"), Decimal("-1E+15"),
          Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity"), Sub("1.5"), 1.5, "26.54%",
          "26.54％", " 95 % ", "1,000.50", "12,3", "", " ", "文本", "a\x07b", "x\ufffe", "2023", dt.date(2023, 3, 15),
          [], {}, object]

PAIRS = [(model._decimal_type, model._to_decimal, ()), (model._decimal_type, model._to_percent, ()),
         (model._str, model._to_text, ()), (model._str, model._to_text, (model._not_blank,)),
         (model._int, model._to_count, ()), (model._decimal_type, model._to_decimal, (model._not_blank,))]


def outcome(check, value):
    errors: list = []
    try:
        got = check(value, ("f",), errors)
    except Exception as exc:  # noqa: BLE001 - a validator's own error must be the same too
        return "raised", type(exc).__name__, str(exc)
    shown = "BAD" if got is model._BAD else (type(got).__name__, repr(got))
    return shown, [{k: (repr(v) if k == "input" else v) for k, v in e.items()} for e in errors]


@pytest.mark.parametrize("pair", range(len(PAIRS)))
def test_the_one_call_checks_give_what_the_checks_they_replace_give(pair, monkeypatch):
    inner, before, after = PAIRS[pair]
    fast = model._converted(inner, before, after)
    monkeypatch.setattr(model, "_passing", lambda *args: None)
    slow = model._converted(inner, before, after)
    assert fast is not slow and getattr(slow, "optional", None) is None
    for value in VALUES:
        if value is not None:
            assert outcome(fast, value) == outcome(slow, value), value
        assert outcome(model._optional(fast), value) == outcome(model._optional(slow), value), value


def test_the_generated_fields_take_the_one_call_checks():
    """The Decimal, text and count fields of the model are the commonest: each takes a one-call check."""
    checks = [check for _name, check, _default, _make in model.Figure._table]
    assert all(getattr(c, "__qualname__", "").startswith("_passing.") for c in checks)


def table_fill(obj, data: dict, loc: tuple, errors: list) -> bool:
    """``Node._fill`` as it walked the field table (before it read the data's keys in their order)."""
    values = obj.__dict__
    start = len(errors)
    for name, check, default, make in obj._table:
        value = data.get(name, model._MISSING)
        if value is not model._MISSING:
            values[name] = check(value, (*loc, name), errors)
        elif make is not None:
            values[name] = make()
        elif default is model._MISSING:
            errors.append({"type": "missing", "loc": (*loc, name), "msg": "Field required", "input": data})
        else:
            values[name] = default
    extra = {}
    for key, value in data.items():
        if key not in obj.model_fields:
            if not isinstance(key, str):
                model._fail(errors, "invalid_key", (*loc, int(key)) if isinstance(key, int) else loc,
                            "Keys should be strings", key)
            extra[key] = value
    values["model_extra"] = extra
    values["_path"] = ""
    for key in model._attributes(type(obj), extra):  # unknown keys as attributes, as Node._fill holds them
        values[key] = extra[key]
    return len(errors) == start


def built(data, fill, monkeypatch):
    """The report (its fields and order, unknown keys) or the errors (in order) of ``data`` with ``fill``."""
    monkeypatch.setattr(model.Node, "_fill", fill)
    try:
        report = model.Report.model_validate(data)
    except model.ValidationError as exc:
        return "errors", [(e["type"], e["loc"], e["msg"], repr(e["input"])) for e in exc.errors()]
    return "report", repr(report), [(p, list(vars(n))) for p, n in model.walk(report)]


def test_filling_in_the_datas_order_gives_the_tables_objects_and_errors(monkeypatch):
    """Every example and fixture, and copies with values spoilt, keys dropped, reordered or added at random: the
    same objects (fields in the same order) or the same errors in the same order."""
    import random

    from toolkit.load import parse_yaml

    from .test_load_fast import FILES, text_of

    rng = random.Random(0)
    bad = [None, "x", "", "  ", -1, 10 ** 16, Decimal("NaN"), [], {}, {"a": 1}, [1, "b"], True, "待填", "26.54%",
           dt.date(2023, 1, 1), 2.5, {1: "x"}, {("k",): 1}]
    fill = model.Node._fill
    compared = 0
    for path in FILES:
        text = text_of(path)
        try:
            data = parse_yaml(text, "f.yaml")[0] if text is not None else None
        except Exception:  # noqa: BLE001 - refused by the reader: nothing to build
            continue
        if not isinstance(data, dict):
            continue
        for round_ in range(6):
            copy = _spoilt(data, rng, bad) if round_ else data
            assert built(copy, fill, monkeypatch) == built(copy, table_fill, monkeypatch), path
            compared += 1
    assert compared > 500


def _spoilt(value, rng, bad):
    if isinstance(value, dict):
        items = list(value.items())
        if rng.random() < 0.3:
            rng.shuffle(items)
        out = {}
        for k, v in items:
            r = rng.random()
            if r < 0.05:
                continue
            out[k] = rng.choice(bad) if r < 0.12 else _spoilt(v, rng, bad)
        if rng.random() < 0.05:
            out[rng.choice(["extra", 7, True])] = 1
        return out
    if isinstance(value, list):
        return [_spoilt(v, rng, bad) for v in value]
    return value


def test_unknown_keys_read_as_attributes_and_never_hide_the_class(monkeypatch):
    """Unknown keys are attributes of their object (held in its ``__dict__``, no ``__getattr__``: every attribute
    read stays on CPython's fast path); a key naming a method, a property or the object's own bookkeeping reads
    what the class (or ``model_extra``) gives, as when ``__getattr__`` looked keys up only after the class."""
    from toolkit import loads

    from .test_load_fast import DEMO

    extra = "  foo_bar: 3\n  中文键: 四\n  at: 1\n  path: x\n  model_extra: 2\n  _path: y\n  model_fields: z\n"
    loaded = loads(DEMO.replace("unit:\n", "unit:\n" + extra, 1), "f.yaml")
    unit = loaded.report.unit
    assert not hasattr(model.Node, "__getattr__")
    assert unit.foo_bar == 3 and getattr(unit, "中文键") == "四"
    assert callable(unit.at) and unit.path == "unit" and unit.model_fields is type(unit).model_fields
    assert unit.model_extra == {"foo_bar": 3, "中文键": "四", "at": 1, "path": "x", "model_extra": 2, "_path": "y",
                                "model_fields": "z"}
    with pytest.raises(AttributeError, match="^'Unit' object has no attribute 'nothing'$"):
        unit.nothing
    assert [w.code for w in loaded.warnings] == ["KEY001"] * 7
    again = loads(DEMO.replace("unit:\n", "unit:\n" + extra, 1), "f.yaml").report
    assert again == loaded.report and again.unit != loads(DEMO, "f.yaml").report.unit


def test_unknown_keys_named_as_the_class_itself_is_named_are_attributes():
    """``mro``, ``__name__``: what ``type`` gives a class, not its objects; an unknown key of that name is the
    object's attribute, as when ``__getattr__`` looked it up in ``model_extra``."""
    from toolkit import loads

    from .test_load_fast import DEMO

    unit = loads(DEMO.replace("unit:\n", "unit:\n  mro: 5\n  __name__: 7\n", 1), "f.yaml").report.unit
    assert unit.mro == 5 and unit.__name__ == 7
