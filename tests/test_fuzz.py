"""Property-based robustness: mutated real examples never crash load, check or render; lint never crashes.

Each example in ``examples/`` is read as plain data, mutated (keys deleted, values replaced by values of other
types, lists emptied or duplicated, every amount set to 0, hostile text and Markdown in text fields), dumped back
to YAML text and fed through the whole pipeline. The contract (COMMON.md): bad input is an
:class:`~toolkit.errors.InputError`; valid input is checked (a Result, never an exception) and rendered by both
built-in outlines into a .docx that python-docx opens.

CI runs few examples, derandomized (reproducible); a local hunt runs many::

    JIXIAO_FUZZ_EXAMPLES=2000 python -m pytest -q tests/test_fuzz.py
"""
from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

import toolkit
from toolkit.errors import InputError, JixiaoError
from toolkit.findings import Result
from toolkit.word import Renderer

from .conftest import EXAMPLES

#: long property-based runs: `-m "not slow"` leaves them out
pytestmark = pytest.mark.slow

EXAMPLES_RUN = int(os.environ.get("JIXIAO_FUZZ_EXAMPLES", "0"))


def fuzz_settings(ci_examples: int):
    return settings(max_examples=EXAMPLES_RUN or ci_examples, deadline=None, derandomize=not EXAMPLES_RUN,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                    print_blob=True)


# ----------------------------------------------------------------------------------------------------------------
# The documents: real examples as plain data, dumped back to YAML text
# ----------------------------------------------------------------------------------------------------------------


def _yaml() -> YAML:
    y = YAML(typ="safe", pure=True)
    y.default_flow_style = False
    y.allow_unicode = True
    y.width = 4096
    # Decimal is written as an explicitly tagged float so 1E+30 and 0.1234567890 survive as written
    y.representer.add_representer(
        Decimal, lambda r, d: r.represent_scalar("tag:yaml.org,2002:float", str(d)))
    return y


YAML_IO = _yaml()
DOCS = {p.name: YAML(typ="safe", pure=True).load(p.read_text("utf-8")) for p in sorted(EXAMPLES.glob("*.yaml"))}


def dump(data: Any) -> str:
    buf = io.StringIO()
    YAML_IO.dump(data, buf)
    return buf.getvalue()


def copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [copy(v) for v in data]
    return data


def paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every (key or index) path to a value in the document, containers included."""
    out = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for k, v in items:
        out.append(prefix + (k,))
        out.extend(paths(v, prefix + (k,)))
    return out


def get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


# ----------------------------------------------------------------------------------------------------------------
# Hostile values
# ----------------------------------------------------------------------------------------------------------------

ODD_SCALARS = [
    "12,3", "约500", "", "—", "-", "%", "100%", "95.00%", "1e30", "NaN", "inf", "0x1F", "１２３", "1,234,567.891",
    "  7  ", "−6.03", "二十", "true", None, True, False, 0, -1, -999999, 10**40, 1e30, Decimal("1E+30"),
    Decimal("-1E+30"), Decimal("0.1234567890"), Decimal("-0.00"), Decimal("1E-20"), Decimal("0"), Decimal("100.00"),
    dt.date(2023, 2, 28), dt.date(1900, 1, 1), dt.date(9999, 12, 31),
]
ODD_CONTAINERS = [[], {}, [1, "a"], [None], {"x": 1}, {"label": "x", "amount": 1}, [{"name": "n", "weight": 1}]]

HOSTILE_TEXT = [
    "&<>\"'", "<w:p>注入</w:p>", "{{ unit.name }}", "{% if x %}", "]]>", "\x0b垂直制表", "\t制表\t", "a\x1fb",
    "\u200b零宽", "\u2028行分隔", "表情😀🎉👨‍👩‍👧", "长" * 5000, "x" * 20000, " ", "\n", "第一行\n第二行\n\n第三段",
    "\\", "%s %d {0}", "­软连字符", "\ufeff", "１２３４５万元",
]
MARKDOWN = [
    "- a\n  - b\n    - c\n      - d", "1. 一\n   1. 二\n2. 三", "# 标题\n## 二级\n###### 六级", "| a | b |\n|---|---|\n| 1 | 2 |",
    "```\ncode\n```", "```python\nx = 1\n", "<b>粗</b><script>x</script>", "**", "**\n**", "*", "***a***", "__a__ _b_",
    "> 引用\n> 再引", "---", "1) 一\n2) 二", "- ", "-", "1.", "[链接](http://x)", "![图](x.png)", "`", "~~删除~~",
    "a  \nb", "&amp; &#x41; &nbsp;", "\\*不是粗体\\*", "**未闭合", "- **粗**列表\n- 普通", "    缩进代码",
    "1. a\n\n\n\n2. b", "<!-- 注释 -->", "<br>", "<p>段</p>", "（一）小标题\n1.条目",
]
MONEY_KEYS = {"amount", "previous", "initial_budget", "adjustment", "full_budget", "change", "budget_investment",
              "actual_investment", "actual", "weight", "score", "total_weight", "total_score", "approved_area",
              "actual_area", "total", "retired", "administrative", "institutional", "worker", "other",
              "departments_count"}

PERCENT_KEYS = {"share", "change_rate", "execution_rate", "rate", "control_rate", "area_control_rate",
                "investment_control_rate"}
odd_numbers = st.one_of(
    st.sampled_from([0, Decimal("0"), Decimal("0.00"), -1, Decimal("-0.01"), Decimal("1E-10"), Decimal("1E-30"),
                     Decimal("999999999999999.99"), Decimal("1E+30"), 10**40, "0%", "-5%", "100.00%", "1e30",
                     Decimal("0.1234567890"), "12,3", "约500", "", None, True]),
    st.decimals(-10**15, 10**15, places=10), st.decimals(-100, 100, places=2), st.integers(-10**16, 10**16))
odd_values = st.one_of(
    st.sampled_from(ODD_SCALARS), st.sampled_from(ODD_CONTAINERS), st.sampled_from(HOSTILE_TEXT),
    st.sampled_from(MARKDOWN),
    st.decimals(allow_nan=False, allow_infinity=False), st.decimals(-10**6, 10**6, places=10),
    st.integers(-10**12, 10**12), st.text(max_size=30),
)
text_values = st.one_of(st.sampled_from(HOSTILE_TEXT), st.sampled_from(MARKDOWN),
                        st.lists(st.sampled_from(HOSTILE_TEXT + MARKDOWN), min_size=2, max_size=5).map("\n".join),
                        st.text(min_size=1, max_size=50))


def zero_amounts(data: Any) -> None:
    """Every amount, weight, score and count becomes 0 (shares, rates, scores divide by these)."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k in MONEY_KEYS and isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
                data[k] = 0
            else:
                zero_amounts(v)
    elif isinstance(data, list):
        for v in data:
            zero_amounts(v)


@st.composite
def mutated(draw, max_mutations: int = 6) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(DOCS)))
    data = copy(DOCS[name])
    for _ in range(draw(st.integers(1, max_mutations))):
        op = draw(st.sampled_from(["delete", "replace", "empty", "duplicate", "zero", "text", "text", "number",
                                   "number"]))
        if op == "zero":
            zero_amounts(data)
            continue
        all_paths = paths(data)
        if not all_paths:
            break
        if op == "number":  # aim at the figures: shares, rates and scores divide by them
            numeric = [p for p in all_paths if p[-1] in MONEY_KEYS or p[-1] in PERCENT_KEYS]
            all_paths = numeric or all_paths
        path = draw(st.sampled_from(all_paths))
        parent, key = get(data, path[:-1]), path[-1]
        value = parent[key]
        if op == "delete":
            del parent[key]
        elif op == "replace":
            parent[key] = draw(odd_values)
        elif op == "empty" and isinstance(value, (list, dict)):
            value.clear()
        elif op == "duplicate" and isinstance(value, list) and value:
            value.append(copy(value[draw(st.integers(0, len(value) - 1))]))
        elif op == "number":
            parent[key] = draw(odd_numbers)
        elif op == "text" and isinstance(value, str):
            parent[key] = draw(text_values)
    return name, dump(data)


# ----------------------------------------------------------------------------------------------------------------
# The properties
# ----------------------------------------------------------------------------------------------------------------

RENDERERS = {name: Renderer(name) for name in ("hunan", "chongqing", "sichuan")}


def assert_pipeline(text: str) -> None:
    try:
        loaded = toolkit.loads(text, "fuzz.yaml")
    except InputError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        assert "Traceback" not in str(exc)
        return
    result = toolkit.check(loaded)
    assert isinstance(result, Result)
    result.text()
    result.as_dict(True)
    for name, renderer in RENDERERS.items():
        data = renderer.render_bytes(loaded.report)
        assert isinstance(data, bytes) and data[:2] == b"PK", name
        document = docx.Document(io.BytesIO(data))
        assert document.paragraphs, name


@pytest.mark.parametrize("name", sorted(DOCS))
def test_unmutated_examples_survive_the_dump_round_trip(name):
    loaded = toolkit.loads(dump(DOCS[name]), name)
    assert loaded.report.unit.name
    assert_pipeline(dump(DOCS[name]))


@fuzz_settings(60)
@given(mutated())
def test_mutated_examples_load_check_and_render_or_fail_cleanly(case):
    _name, text = case
    assert_pipeline(text)


@fuzz_settings(25)
@given(st.sampled_from(sorted(DOCS)))
def test_every_amount_zero_is_checked_and_rendered(name):
    data = copy(DOCS[name])
    zero_amounts(data)
    assert_pipeline(dump(data))


@fuzz_settings(60)
@given(st.sampled_from(sorted(DOCS)), st.data())
def test_hostile_text_in_every_text_field_is_rendered(name, data):
    doc = copy(DOCS[name])
    for path in paths(doc):
        parent = get(doc, path[:-1])
        if isinstance(parent[path[-1]], str) and data.draw(st.booleans()):
            parent[path[-1]] = data.draw(text_values)
    assert_pipeline(dump(doc))


@fuzz_settings(40)
@given(st.text(max_size=300))
def test_random_text_never_crashes_the_loader(text):
    try:
        toolkit.loads(text, "fuzz.yaml")
    except InputError as exc:
        assert exc.problems


# ----------------------------------------------------------------------------------------------------------------
# lint on random Chinese prose with numbers
# ----------------------------------------------------------------------------------------------------------------

SUBJECTS = ["本年支出", "基本支出", "项目支出", "人员经费", "公用经费", "收入合计", "三公经费", "综合得分", "该指标",
            "问题解决率", "编制", "实有人数", "内设科室", "财政拨款收入", "上年结转", "政府采购"]
UNITS = ["万元", "元", "亿元", "%", "个", "人", "分", "家", "项", "", "％", "万", "次", "天"]
LINKS = ["，其中", "，占", "，比上年增加", "，比上年减少", "，增长", "，下降", "，共计", "，合计", "，得分", "，分值",
         "，完成率", "，等级为优秀", "，等级为良", "：", "、", "，分别为", "等", "。", "；", "（", "）", "，执行率",
         "，占本年支出", "，较上年持平", "，与上年相比"]
numbers = st.one_of(st.decimals(min_value=-10**7, max_value=10**7, places=2, allow_nan=False),
                    st.integers(-100, 10**9).map(str), st.sampled_from(["0", "0.00", "100", "1e30", "十", "三十二",
                                                                        "１２", "12,345.6", "-", "—"]))


@st.composite
def sentences(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        parts = []
        for _ in range(draw(st.integers(1, 8))):
            parts.append(draw(st.sampled_from(SUBJECTS)) + str(draw(numbers)) + draw(st.sampled_from(UNITS))
                         + draw(st.sampled_from(LINKS)))
        lines.append("".join(parts))
    return "\n".join(lines)


@fuzz_settings(60)
@given(st.one_of(sentences(), st.text(max_size=400)), st.sampled_from([".txt", ".md"]))
def test_lint_on_random_chinese_prose_never_raises(text, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"报告{suffix}"
        path.write_text(text, "utf-8")
        try:
            result = toolkit.lint(path)
        except JixiaoError:
            return
        assert isinstance(result, Result)
        result.text()
