"""The plain model (toolkit/model.py, what ``load`` runs) against its pydantic definition (toolkit/pydantic_model.py,
what the loader ran before): the generated section is what the definition gives, and both accept, convert and
refuse the same data with the same messages — on every example and YAML fixture, and on each of them with every
field of every model class set to each value of a list of awkward ones (wrong types, blanks, dates written every
way pydantic reads one, aliases, huge and tiny numbers, keys that are not text)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from toolkit import model, placeholders, pydantic_model
from toolkit.errors import InputError
from toolkit.load import Source, parse_yaml, problems, rename_keys

from .conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted([*EXAMPLES.glob("*.yaml"), *(ROOT / "tests" / "fixtures").rglob("*.yaml")])

#: the files whose every model class's first mapping has its fields set to each awkward value
AWKWARD_FILES = [*sorted(EXAMPLES.glob("*.yaml")), *(ROOT / "tests" / "fixtures" / p for p in ("load/wrong_types.yaml", "word/layout.yaml"))]
#: values every field is set to in turn (placeholders are taken out before validation: not here)
AWKWARD: list[Any] = [
    None, "", "  ", "abc", "95%", "95.5％", "1,234.50", "12,3", "-6.03", " 7 ", True, False, 0, 1, 2, -1, 1999, 2023,
    20230315, 86400, 10 ** 15, Decimal("1.5"), Decimal("1.0"), Decimal("0"), Decimal("-0.001"), Decimal("1E+20"),
    Decimal("86400"), [], [1], ["x", " by_nature "], [None], [{}], {}, {"a": 1}, {1: "x"}, {True: "x", Decimal("1.5"): "y", "z": None}, {"name": "x"},
    "2023-03-15", "2023-3-15", "2023-02-30", "2023-03-15 00:00", "2023-03-15T00:00:00Z", "2023-03-15T08:30",
    "86400", "1700000000", dt.date(2023, 3, 15), dt.datetime(2023, 3, 15), dt.datetime(2023, 3, 15, 9, 5),
    Decimal("NaN"), Decimal("-Infinity"), "１２", "２０２３-０３-１５", "2023-03-15T00:00:00.000001", "-86400", "86400.5",
    "yes", "Off", "t", "正向", " 定性指标 ", "reverse", "达成", "部分达成并具有一定效果", "hunan", " Sichuan ", "北京",
    "人员类", "operation", "运转类项目", "by_nature", "scores", "a\x0bb", "a\ufffeb", "**粗体**\n- 一\n- 二",
]
#: keys that are not fields, set on every mapping of a model class
EXTRA_KEYS: list[Any] = ["budgt", 1, True, Decimal("1.5"), dt.date(2023, 1, 1)]


def parsed(path: Path) -> tuple[Any, Source] | None:
    """The plain data ``loads`` validates (placeholders out, renamed keys moved), or None for a file the YAML
    reader already refuses."""
    text = path.read_text("utf-8", errors="replace")
    try:
        data, positions = parse_yaml(text, str(path))
    except InputError:
        return None
    data, _unfilled = placeholders.strip(data)
    source = Source(str(path), positions, text)
    rename_keys(data, source)
    return data, source


def dump(value: Any) -> Any:
    """A model object as nested data, for comparing the two models' objects: class names, fields, unknown keys,
    and each scalar's type and repr (Decimal("1.0") and Decimal("1") differ)."""
    fields = getattr(type(value), "model_fields", None)
    if isinstance(fields, dict) and not isinstance(value, type):
        return (type(value).__name__, {k: dump(getattr(value, k)) for k in fields}, dump(value.model_extra))
    if isinstance(value, list):
        return [dump(v) for v in value]
    if isinstance(value, dict):
        return {k: dump(v) for k, v in value.items()}
    return type(value).__name__, repr(value)


def plain(data: Any, source: Source, cls: str = "Report", at: tuple = ()) -> tuple[str, Any]:
    """What the plain model makes of ``data`` read as a ``cls`` found at the data path ``at``."""
    try:
        return "valid", dump(getattr(model, cls).model_validate(data))
    except model.ValidationError as exc:
        return "refused", problems([{**e, "loc": (*at, *e["loc"])} for e in exc.errors()], data, source)


def reference(data: Any, source: Source, cls: str = "Report", at: tuple = ()) -> tuple[str, Any]:
    """The same with the pydantic model, as the loader ran it before."""
    errors = pydantic_model.errors(data, getattr(pydantic_model, cls))
    if errors:
        return "refused", problems([{**e, "loc": (*at, *e["loc"])} for e in errors], data, source)
    return "valid", dump(getattr(pydantic_model, cls).model_validate(data))


def hosts(data: Any, cls: type, at: tuple = (), out: dict | None = None) -> dict[str, list[tuple[tuple, dict]]]:
    """Every mapping of ``data`` that the model reads as a model class, with its location, by class name."""
    out = {} if out is None else out
    if not isinstance(data, dict):
        return out
    out.setdefault(cls.__name__, []).append((at, data))
    for name, info in cls.model_fields.items():
        inner = _model_of(info.annotation)
        value = data.get(name)
        if inner is None or value is None:
            continue
        if isinstance(value, list):
            for i, v in enumerate(value):
                hosts(v, inner, (*at, name, i), out)
        else:
            hosts(value, inner, (*at, name), out)
    return out


def _model_of(annotation: Any) -> type | None:
    if isinstance(annotation, type) and issubclass(annotation, model.Node):
        return annotation
    for a in getattr(annotation, "__args__", ()):
        found = _model_of(a)
        if found is not None:
            return found
    return None


def test_generated_section_is_what_the_pydantic_definition_gives():
    text = (ROOT / "toolkit" / "model.py").read_text("utf-8")
    assert pydantic_model.generated_section(text) == pydantic_model.plain_source(), \
        "run python -m toolkit.pydantic_model"


def test_both_models_have_the_same_classes_fields_and_defaults():
    for cls in pydantic_model._classes():
        mine = getattr(model, cls.__name__)
        assert issubclass(mine, model.Node) and mine.__doc__ == cls.__doc__
        assert [b.__name__ for b in mine.__bases__] == [b.__name__ for b in cls.__bases__]
        assert list(mine.model_fields) == list(cls.model_fields), cls
        for name, info in cls.model_fields.items():
            assert mine.model_fields[name].is_required() == info.is_required(), (cls, name)
    defaults = {"year": 2023, "unit": {"name": "局"}}
    assert dump(model.Report.model_validate(defaults)) == dump(pydantic_model.Report.model_validate(defaults))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_is_read_alike(path):
    got = parsed(path)
    if got is None:
        pytest.skip("refused by the YAML reader, before either model")
    data, source = got
    assert plain(data, source) == reference(data, source)


@pytest.mark.parametrize("path", AWKWARD_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_field_set_to_every_awkward_value_is_read_alike(path):
    data, source = parsed(path)  # these files are all read
    compared = 0
    for name, found in hosts(data, model.Report).items():
        at, host = found[0]
        for field in getattr(model, name).model_fields:
            before = host.get(field, placeholders)  # a sentinel: the module is never a value
            for value in AWKWARD:
                host[field] = value
                assert plain(host, source, name, at) == reference(host, source, name, at), (name, field, value)
                compared += 1
            host.pop(field)
            assert plain(host, source, name, at) == reference(host, source, name, at), (name, field, "left out")
            if before is not placeholders:
                host[field] = before
        for key in EXTRA_KEYS:
            host[key] = "x"
            assert plain(host, source, name, at) == reference(host, source, name, at), (name, key)
            del host[key]
    assert compared > 0


def test_every_model_class_is_reached_by_the_awkward_values():
    reached: set[str] = set()
    for path in AWKWARD_FILES:
        got = parsed(path)
        if got is not None:
            reached |= set(hosts(got[0], model.Report))
    assert {c.__name__ for c in pydantic_model._classes()} - reached == set()


def test_constructing_a_model_object_validates_like_pydantic():
    item = model.Item(label="事业收入", amount="1.25")
    assert item.amount == Decimal("1.25") and item.items == [] and item.path == ""
    with pytest.raises(model.ValidationError) as info:
        model.Item(amount="x")
    assert [e["loc"] for e in info.value.errors()] == [("amount",), ("label",)]


def test_the_json_schema_still_names_the_choices_the_validators_allow():
    """``jixiao schema`` is built from the pydantic definition: the outline and the 项目类别 keep their lists."""
    from toolkit.schema import json_schema

    found = json_schema()
    outline = found["properties"]["outline"]["anyOf"][0]["anyOf"][0]
    category = found["$defs"]["Indicator"]["properties"]["category"]["anyOf"][0]["anyOf"][0]
    assert outline == {"enum": ["hunan", "chongqing", "sichuan"]}
    assert category["enum"][:3] == list(model.CATEGORIES) and "人员类项目" in category["enum"]
