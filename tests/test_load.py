"""Loading YAML into the model: positions, Decimal values, encodings and every kind of bad input."""
from __future__ import annotations

from decimal import Decimal

import pytest

from toolkit import InputError, load, loads
from toolkit.model import Kind

from .conftest import FIXTURES, ROOT

LOAD = FIXTURES / "load"


def problems(name: str) -> list[str]:
    with pytest.raises(InputError) as info:
        load(LOAD / name)
    return [str(p).replace(str(LOAD) + "/", "") for p in info.value.problems]


def test_values_are_decimal_from_the_written_text():
    loaded = loads(
        "year: 2022\nunit: {name: 局}\nbudget:\n  income:\n    label: 收入合计\n    amount: 3352.23\n"
        "    items:\n      - {label: 一般, amount: 3345.5}\n      - {label: 其他, amount: 6.73}\n",
        "x.yaml",
    )
    income = loaded.report.budget.income
    assert income.amount == Decimal("3352.23") and isinstance(income.amount, Decimal)
    assert str(income.items[0].amount) == "3345.5"  # no binary float round trip
    assert sum(i.amount for i in income.items) == Decimal("3352.23")


def test_every_value_keeps_its_position_and_path():
    loaded = loads("year: 2022\nunit:\n  name: 局\n  staffing:\n    retired: 75\n", "x.yaml")
    staffing = loaded.report.unit.staffing
    assert staffing.path == "unit.staffing"
    assert loaded.source.locate(staffing.at("retired")) == (5, 14)
    from toolkit.checks.sums import SUM013

    f = loaded.finding(SUM013, "m", "unit.staffing.retired")
    assert (f.file, f.line, f.column, f.path, f.severity) == ("x.yaml", 5, 14, "unit.staffing.retired", "error")
    # a field that is absent is located at its nearest written ancestor
    assert loaded.source.locate("unit.staffing.total") == (5, 5)


def test_percent_and_kind_accept_the_ways_people_write_them():
    loaded = loads(
        "year: 2022\nunit:\n  name: 局\n  staffing: {control_rate: 93.94%}\nindicators:\n  groups:\n"
        "    - name: 产出指标\n      children:\n        - name: 数量指标\n          indicators:\n"
        "            - {name: a, weight: 5, kind: negative, target: 100, actual: '98%'}\n",
        "x.yaml",
    )
    assert loaded.report.unit.staffing.control_rate == Decimal("93.94")
    ind = loaded.report.indicators.groups[0].children[0].indicators[0]
    assert ind.kind is Kind.negative and ind.target == "100" and ind.actual == "98%"


def test_utf8_bom_is_read():
    assert load(LOAD / "bom.yaml").report.unit.name == "示例县农业农村局"


def test_gbk_file_is_read_correctly_with_a_warning():
    loaded = load(LOAD / "gbk.yaml")
    assert loaded.report.unit.name == "冷水滩区科技和工业信息化局"
    assert loaded.report.unit.duties == ["贯彻执行国家有关方针政策"]
    assert [w.code for w in loaded.warnings] == ["ENC001"]


def test_undecodable_file_is_refused_not_mojibake():
    assert problems("latin1.yaml") == [
        "latin1.yaml:3:12: 无法识别文件编码：既不是 UTF-8，也不像 GBK/GB18030 中文文本（第一个无法解码的字节在此处）。"
        "请用编辑器另存为 UTF-8 后重试。"
    ]


def test_syntax_error_is_located():
    assert problems("syntax_error.yaml") == ["syntax_error.yaml:6:4: YAML 语法错误：缺少键，或缩进不一致"]
    assert problems("tab_indent.yaml") == ["tab_indent.yaml:3:1: YAML 语法错误：不能用 Tab 缩进，请改用空格"]


def test_all_type_errors_are_reported_at_once():
    assert problems("wrong_types.yaml") == [
        "wrong_types.yaml:7:13: 应为数字，收到 '12,3' [budget.income.amount]",
        "wrong_types.yaml:10:17: 应为数字，收到 '约500' [budget.income.items[0].amount]",
        "wrong_types.yaml:17:15: 缺少必填字段 [indicators.groups[0].children[0].indicators[0].weight]",
    ]


def test_missing_required_fields():
    assert problems("missing_required.yaml") == [
        "missing_required.yaml:1:1: 缺少必填字段 [unit]",
        "missing_required.yaml:6:9: 缺少必填字段 [budget.income.items[0].label]",
    ]


def test_duplicate_key_is_an_error():
    assert problems("duplicate_key.yaml") == ["duplicate_key.yaml:4:3: 重复的键 'name'（第一次出现在第 3 行） [unit.name]"]


def test_unknown_key_is_a_warning_with_a_suggestion():
    loaded = load(LOAD / "unknown_key.yaml")
    [w] = loaded.warnings
    assert (w.code, w.severity, w.path, w.line, w.column) == ("KEY001", "warning", "budgt", 4, 1)
    assert w.message == "未知字段 'budgt'，是否应为 'budget'？"


def test_missing_file_and_directory():
    with pytest.raises(InputError, match="文件不存在"):
        load(LOAD / "nope.yaml")
    with pytest.raises(InputError, match="这是一个目录"):
        load(LOAD)


def test_top_level_must_be_a_mapping():
    with pytest.raises(InputError, match="顶层应为映射"):
        loads("- 1\n- 2\n", "x.yaml")


def test_anchors_aliases_and_merge_keys_still_work():
    loaded = loads("base: &b {label: 合计, amount: 10}\nyear: 2023\nunit: {name: &n 局, departments: [*n, 办公室]}\n"
                   "budget:\n  income:\n    <<: *b\n    amount: 12\n    items:\n      - {<<: [*b, {label: 甲}], amount: 12}\n",
                   "x.yaml")
    income = loaded.report.budget.income
    assert (income.label, income.amount) == ("合计", Decimal("12"))  # a mapping's own key wins over a merged one
    assert income.items[0].label == "合计"  # the first merged source wins over a later one (YAML's merge rule)
    assert loaded.report.unit.departments == ["局", "办公室"]
    assert loaded.source.positions["unit.departments[0]"] == (3, 34)  # an alias is located where it is used


def test_core_tags_are_allowed_and_checked():
    loaded = loads("year: !!int 2023\nunit: {name: !!str 2023}\nbudget: {income: {amount: !!float 5}}\n", "x.yaml")
    assert loaded.report.unit.name == "2023" and loaded.report.budget.income.amount == Decimal("5")
    with pytest.raises(InputError) as info:
        loads("year: 2023\nunit: {name: 局}\nbudget: {income: {amount: !!float 约500}}\n", "x.yaml")
    assert str(info.value) == "x.yaml:3:27: '约500' 不是有效的数字（标签 !!float） [budget.income.amount]"


def test_yaml_limits_are_located_chinese_errors():
    with pytest.raises(InputError) as info:
        loads("year: 2023\nunit:\n  name: 局\n  departments: &r [1, *r]\n", "x.yaml")
    assert str(info.value) == ("x.yaml:4:23: 别名 *r 引用了自身（它写在锚点 &r 所标记的内容之中，会无限展开）")
    with pytest.raises(InputError) as info:
        loads("year: " + "[" * 65 + "]" * 65 + "\n", "x.yaml")
    assert str(info.value) == "x.yaml:1:70: 嵌套过深：映射和列表套了超过 64 层（报告数据不需要这么多层）"
    with pytest.raises(InputError) as info:
        loads("year: 2023\nunit: {name: !foo 局}\n", "x.yaml")
    assert "不支持的 YAML 标签 !foo" in str(info.value) and str(info.value).startswith("x.yaml:2:14:")


def test_utf16_without_bom_is_read_with_a_warning(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes("year: 2023\nunit:\n  name: 示例局\n".encode("utf-16-le"))
    loaded = load(path)
    assert loaded.report.unit.name == "示例局"
    assert [w.message for w in loaded.warnings] == ["文件编码为 UTF-16（无 BOM 标记），已按此编码读取；建议另存为 UTF-8"]


def test_a_renamed_key_still_loads_with_a_warning_naming_the_new_one(monkeypatch):
    """Compatibility (issue 8): a key renamed since (load.RENAMED) reads as the new one, with KEY002 at the old key;
    the checks of the value still point at its line."""
    from toolkit import check
    import importlib

    loader = importlib.import_module("toolkit.load")

    monkeypatch.setattr(loader, "RENAMED", {"narrative.summary": "conclusion"})
    text = (ROOT / "examples" / "demo-2023.yaml").read_text(encoding="utf-8")
    old = "  conclusion: 我局2023年度部门整体支出绩效目标基本完成"
    assert old in text
    text = text.replace(old, "  summary: 我局2023年度部门整体支出绩效目标基本完成，自评得分88分")
    loaded = loader.loads(text, "old.yaml")
    assert "自评得分88分" in loaded.report.narrative.conclusion
    line = text.splitlines().index(next(l for l in text.splitlines() if l.startswith("  summary:"))) + 1
    warned = [f for f in loaded.warnings if f.code == "KEY002"]
    assert [(f.location.line, f.location.column) for f in warned] == [(line, 3)]
    assert "'narrative.summary' 已更名为 'narrative.conclusion'" in warned[0].message
    wrong = [f for f in check(loaded).findings if f.code == "NAR001"]
    assert wrong and wrong[0].location.line == line  # the 88分 is checked, at the line it was written


def test_a_renamed_key_beside_its_new_name_is_ignored_with_a_warning(monkeypatch):
    import importlib

    loader = importlib.import_module("toolkit.load")

    monkeypatch.setattr(loader, "RENAMED", {"narrative.summary": "conclusion"})
    text = (ROOT / "examples" / "demo-2023.yaml").read_text(encoding="utf-8")
    text = text.replace("  conclusion: 我局", "  summary: 旧的话\n  conclusion: 我局")
    loaded = loader.loads(text, "both.yaml")
    assert loaded.report.narrative.conclusion.startswith("我局")
    assert any(f.code == "KEY002" and "旧名称被忽略" in f.message for f in loaded.warnings)
