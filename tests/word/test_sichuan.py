"""The Sichuan outline (templates/sichuan.docx): heading sequence, shares (declared or derived), indicator counts by
kind, 人员类/运转类/特定目标类, the signature, and a consistent report that lints clean."""
from __future__ import annotations

import re
import shutil
from decimal import ROUND_HALF_UP, Decimal

import pytest
from docx import Document

from toolkit import lint
from toolkit.errors import InputError
from toolkit.load import load, loads
from toolkit.word import render

from .conftest import FIXTURES, REPORTS, ROOT
from .docx_text import docx_text, pdf_pages
from .test_numbering import LEVELS, heading_sequence

EXAMPLE = ROOT / "examples" / "sichuan-demo-2021.yaml"


@pytest.fixture(scope="module")
def example_docx(tmp_path_factory):
    return render(load(EXAMPLE), tmp_path_factory.mktemp("sichuan") / "sichuan.docx")


def _write(tmp_path, text: str):
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    return load(path)


def test_example_uses_the_sichuan_outline(example_docx):
    assert heading_sequence(example_docx) == [
        (1, "一、部门概况"), (2, "（一）机构组成"), (2, "（二）机构职能"), (2, "（三）人员概况"),
        (1, "二、部门财政资金基本情况"), (2, "（一）部门财政资金收入情况"), (2, "（二）部门财政资金支出情况"),
        (2, "（三）结转结余情况"),
        (1, "三、部门预算绩效管理情况"), (2, "（一）部门预算绩效管理"), (3, "1.绩效目标制定"),
        (3, "2.绩效目标完成情况"), (4, "（1）人员类项目"), (4, "（2）运转类项目"), (4, "（3）特定目标类项目"),
        (3, "3.主要成效"), (3, "4.主要经验及做法"), (3, "5.绩效自评工作开展情况"), (2, "（二）结果应用情况"),
        (1, "四、评价结论及建议"), (2, "（一）评价结论"), (2, "（二）存在问题"), (2, "（三）改进建议")]


def test_sparse_sichuan_closes_up(tmp_path):
    got = heading_sequence(render(load(FIXTURES / "sparse.yaml"), tmp_path / "s.docx", template="sichuan"))
    assert got == [
        (1, "一、部门概况"), (2, "（一）机构组成"),
        (1, "二、部门财政资金基本情况"), (2, "（一）部门财政资金支出情况"),
        (1, "三、部门预算绩效管理情况"), (2, "（一）部门预算绩效管理"), (3, "1.绩效目标制定"),
        (3, "2.绩效目标完成情况"), (4, "（1）人员类和运转类项目"), (4, "（2）特定目标类项目"),
        (3, "3.主要经验及做法"), (3, "4.绩效自评工作开展情况"), (2, "（二）结果应用情况"),
        (1, "四、评价结论及建议"), (2, "（一）评价结论"), (2, "（二）改进建议")]


def _no_empty_section(path) -> None:
    """Every heading is followed by text or a table before the next heading of the same or a higher level."""
    from docx.oxml.ns import qn

    items = []  # heading level, or 0 for content (text or a table)
    for child in Document(str(path)).element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            items.append(0)
        elif child.tag == qn("w:p"):
            style = child.pPr.pStyle.val if child.pPr is not None and child.pPr.pStyle is not None else None
            if style in LEVELS:
                items.append(LEVELS[style])
            elif "".join(t.text or "" for t in child.iter(qn("w:t"))).strip():
                items.append(0)
    for k, level in enumerate(items):
        if level:
            nxt = items[k + 1] if k + 1 < len(items) else None
            assert nxt is not None and (nxt == 0 or nxt > level), f"empty section at heading #{k} in {path}"


@pytest.mark.parametrize("yaml_path", REPORTS, ids=lambda p: p.stem)
def test_no_empty_sections(yaml_path, tmp_path):
    _no_empty_section(render(load(yaml_path), tmp_path / "o.docx", template="sichuan"))


def test_a_report_with_only_a_unit_renders_without_empty_sections(tmp_path):
    loaded = _write(tmp_path, "year: 2021\nunit:\n  name: 示例县经济信息化和科学技术局\n")
    out = render(loaded, tmp_path / "o.docx", template="sichuan")
    _no_empty_section(out)
    lines = docx_text(out).splitlines()
    at = lines.index("附件：部门整体支出绩效评价基础数据表")  # 附件1 is on by default
    assert lines[at + 1] == "示例县经济信息化和科学技术局"  # signed with the unit's name even without a signature


def _pairs(sentence: str) -> list[tuple[Decimal, Decimal]]:
    return [(Decimal(a), Decimal(s)) for a, s in re.findall(r"(\d+\.\d\d)万元，占(\d+\.\d\d)%", sentence)]


def _half_up(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_derived_shares_are_rounded_half_up_from_the_printed_total(example_docx):
    text = docx_text(example_docx)
    economic = next(line for line in text.splitlines() if line.startswith("按支出经济分类"))
    total = Decimal(re.search(r"支出合计(\d+\.\d\d)万元", economic).group(1))
    pairs = _pairs(economic)
    assert len(pairs) == 5 and sum(a for a, _s in pairs) == total
    assert all(s == _half_up(a * 100 / total) for a, s in pairs)
    assert sum(s for _a, s in pairs) == 100
    # declared shares are printed as declared
    assert "一般公共预算财政拨款收入1846.35万元，占99.27%；其他收入13.65万元，占0.73%" in text


def test_derived_shares_may_add_to_100_01_and_lint_warns(tmp_path):
    """Each derived share is the rounded ratio of its own amount: 16.67 + 16.67 + 66.67 = 100.01 is printed as is
    (never silently adjusted), and jixiao lint reports a TXT003 warning, not an error."""
    loaded = _write(tmp_path, """\
year: 2021
unit: {name: 示例局}
budget:
  income:
    amount: 6.00
    items:
      - {label: 一般公共预算财政拨款收入, amount: 4.00}
      - {label: 事业收入, amount: 1.00}
      - {label: 其他收入, amount: 1.00}
""")
    out = render(loaded, tmp_path / "o.docx", template="sichuan")
    line = next(x for x in docx_text(out).splitlines() if "收入合计" in x)
    assert [s for _a, s in _pairs(line)] == [Decimal("66.67"), Decimal("16.67"), Decimal("16.67")]
    findings = lint(out).findings
    assert [(f.code, f.severity) for f in findings] == [("TXT003", "warning")]


def test_indicator_counts_by_kind_and_completion(example_docx):
    text = docx_text(example_docx)
    assert ("2021年部门整体支出绩效目标共设置一级指标3个、二级指标8个、三级指标15个，其中数量指标3个、质量指标2个、"
            "时效指标2个、成本指标2个、效益指标5个、满意度指标1个。") in text
    assert "15个三级指标中，12个完成年度目标、得满分，3个未完全完成。" in text
    assert "合计 | 16 | 12 | 4 | 100 | 97.15" in text
    assert "高新技术企业数：年度指标值≥12家，实际完成值11家，扣0.42分。2家申报企业" in text


def test_categories_are_personnel_public_and_project(example_docx):
    text = docx_text(example_docx)
    assert "2021年人员类项目年初预算790.00万元，年中调整追加36.54万元，全年预算826.54万元，实际支出826.54万元" in text
    assert "2021年运转类项目年初预算110.00万元" in text
    assert "2021年特定目标类项目年初预算820.00万元，年中调整追加203.16万元，全年预算1023.16万元，实际支出937.88万元" in text


def test_conclusion_states_the_derived_score_and_grade(example_docx):
    assert "绩效自评满分100分，得分97.15分，等级为优。" in docx_text(example_docx)


def test_signed_with_the_unit_and_date_after_the_attachment_note(example_docx):
    lines = docx_text(example_docx).splitlines()
    at = lines.index("附件：部门整体支出绩效自评表")
    assert lines[at + 1: at + 4] == ["岷溪县经济信息化和科学技术局", "2022年3月25日", "附件"]


def test_example_lints_clean(example_docx):
    assert [f.text() for f in lint(example_docx).findings] == []


def test_example_checks_clean():
    from toolkit.checks import check

    assert [f.text() for f in check(load(EXAMPLE)).findings] == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_signature_and_date_share_a_page(example_docx, tmp_path):
    pages = [p.replace(" ", "") for p in pdf_pages(example_docx, tmp_path)]
    # the name, then the date on the next line, on one page (the text of 工作过程 names the same date earlier)
    assert any("岷溪县经济信息化和科学技术局\n2022年3月25日" in p for p in pages), [p[-200:] for p in pages]


# ----------------------------------------------------------------------------------------------------------------
# 项目类别 (indicators.…category): validation, the split by category, and no change without it
# ----------------------------------------------------------------------------------------------------------------

_ONE_INDICATOR = """\
year: 2021
unit: {{name: 示例局}}
indicators:
  groups:
    - name: 产出指标
      children:
        - name: 数量指标
          indicators:
            - name: 新增企业数
              weight: 10
              score: 10
              category: {category}
"""


@pytest.mark.parametrize("written, stored", [("人员类", "人员类"), ("运转类项目", "运转类"), ("specific", "特定目标类"),
                                             ("Personnel", "人员类")])
def test_category_accepts_the_three_kinds_and_their_aliases(written, stored):
    report = loads(_ONE_INDICATOR.format(category=written), "x.yaml").report
    assert next(report.indicators.all_indicators())[2].category == stored


@pytest.mark.parametrize("bad", ["人头类", "基本支出", "1"])
def test_unknown_category_is_refused_at_its_line(bad):
    with pytest.raises(InputError) as info:
        loads(_ONE_INDICATOR.format(category=bad), "x.yaml")
    (p,) = info.value.problems
    assert (p.file, p.line, p.column) == ("x.yaml", 12, 25)
    assert p.path == "indicators.groups[0].children[0].indicators[0].category"
    assert f"未知的项目类别“{bad}”" in p.message and "人员类、运转类、特定目标类" in p.message


def _table(text: str, head: str) -> list[str]:
    lines = text.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith(head + " | 指标数"))
    return lines[at:lines.index("[表格完]", at)]


def test_completion_is_split_by_category(example_docx):
    text = docx_text(example_docx)
    assert _table(text, "项目类别") == [
        "项目类别 | 指标数（个） | 全部完成（个） | 未全部完成（个） | 分值 | 得分",
        "预算执行率 | 1 | 0 | 1 | 10 | 9.57",
        "人员类项目 | 1 | 1 | 0 | 4 | 4",
        "运转类项目 | 2 | 2 | 0 | 10 | 10",
        "特定目标类项目 | 12 | 9 | 3 | 76 | 73.58",
        "合计 | 16 | 12 | 4 | 100 | 97.15"]
    assert "人员类项目设置三级指标1个，为时效指标。该指标完成年度目标、得满分。" in text
    assert "运转类项目设置三级指标2个，均为成本指标。2个均完成年度目标、得满分。" in text
    assert ("特定目标类项目设置三级指标12个，其中数量指标3个、质量指标2个、时效指标1个、效益指标5个、满意度指标1个。"
            "12个中，9个完成年度目标、得满分，3个未完全完成。") in text
    # each category's sentence sits in its own section, after its budget figures
    lines = text.splitlines()
    for name in ("人员类", "运转类", "特定目标类"):
        at = lines.index(next(x for x in lines if x.endswith(f"）{name}项目")))
        assert f"{name}项目设置三级指标" in lines[at + 2] and lines[at + 2].startswith(f"2021年{name}项目年初预算")
    assert lint(example_docx).findings == []


def _without_categories(tmp_path, keep: set[str] = frozenset()) -> str:
    """The example's YAML with every category line removed except those of the indicators named in keep."""
    lines, name = [], ""
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("- name: "):
            name = line.split(": ", 1)[1]
        if line.strip().startswith("category: ") and name not in keep:
            continue
        lines.append(line)
    path = tmp_path / "plain.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return docx_text(render(load(path), tmp_path / "plain.docx"))


def test_without_categories_the_counts_stay_department_wide(tmp_path):
    text = _without_categories(tmp_path)
    assert _table(text, "指标类型") == [
        "指标类型 | 指标数（个） | 全部完成（个） | 未全部完成（个） | 分值 | 得分",
        "预算执行率 | 1 | 0 | 1 | 10 | 9.57",
        "数量指标 | 3 | 2 | 1 | 20 | 19",
        "质量指标 | 2 | 2 | 0 | 12 | 12",
        "时效指标 | 2 | 1 | 1 | 8 | 7",
        "成本指标 | 2 | 2 | 0 | 10 | 10",
        "效益指标 | 5 | 4 | 1 | 30 | 29.58",
        "满意度指标 | 1 | 1 | 0 | 10 | 10",
        "合计 | 16 | 12 | 4 | 100 | 97.15"]
    assert "项目类别" not in text and "项目设置三级指标" not in text
    assert ("2021年人员类项目年初预算790.00万元，年中调整追加36.54万元，全年预算826.54万元，实际支出826.54万元，"
            "执行率100%。\n") in text


def test_indicators_without_a_category_are_counted_as_uncategorised(tmp_path):
    text = _without_categories(tmp_path, keep={"工资福利按时足额发放率", "公用经费控制率"})
    assert _table(text, "项目类别")[1:] == [
        "预算执行率 | 1 | 0 | 1 | 10 | 9.57",
        "人员类项目 | 1 | 1 | 0 | 4 | 4",
        "运转类项目 | 1 | 1 | 0 | 5 | 5",
        "未分类 | 13 | 10 | 3 | 81 | 78.58",
        "合计 | 16 | 12 | 4 | 100 | 97.15"]
    assert "特定目标类项目设置" not in text


def test_a_category_without_budget_figures_gets_its_own_section(tmp_path):
    loaded = _write(tmp_path, _ONE_INDICATOR.format(category="特定目标类"))
    out = render(loaded, tmp_path / "o.docx", template="sichuan")
    _no_empty_section(out)
    lines = docx_text(out).splitlines()
    at = lines.index("（1）特定目标类项目")
    assert lines[at + 1:at + 3] == ["特定目标类项目用于完成特定工作任务和事业发展目标。",
                                    "特定目标类项目设置三级指标1个，为数量指标。该指标完成年度目标、得满分。"]
