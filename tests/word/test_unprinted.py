"""OUT001: every value of the data that the chosen outline does not print (issue 8, item 3).

Every example is rendered in every built-in outline and the values missing from each rendered document are listed
(run with ``-s`` to see the table); in its own outline (``outline:`` of its YAML) an example's list is empty.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit import check_outline, loads
from toolkit.cli import app
from toolkit.load import load
from toolkit.rules import catalogue
from toolkit.templates import BUILTIN
from toolkit.word import renderer_for
from toolkit.word.printed import unprinted

from .conftest import EXAMPLES
from .test_cli_render import _template  # a house template typed into Word: one paragraph per line


def _missing(yaml_path: Path, outline: str) -> list[tuple[str, object]]:
    loaded = load(yaml_path)
    return unprinted(loaded.report, renderer_for(outline).render_bytes(loaded.report), loaded.source.positions)


def test_the_table_of_unprinted_values(capsys):
    """The sizes of every example × outline list; other outlines do leave values out (the check can fail)."""
    sizes = {(y.stem, o): len(_missing(y, o)) for y in EXAMPLES for o in BUILTIN}
    with capsys.disabled():
        print("\nunprinted values (example × outline; * = its own outline)")
        for y in EXAMPLES:
            own = load(y).report.outline
            print(f"  {y.stem:24}", "  ".join(f"{o}{'*' if o == own else ' '}={sizes[y.stem, o]:3}" for o in BUILTIN))
    assert sum(sizes.values()) > 0


@pytest.mark.parametrize("yaml_path", EXAMPLES, ids=lambda p: p.stem)
def test_every_value_is_printed_in_its_own_outline(yaml_path):
    outline = load(yaml_path).report.outline
    assert _missing(yaml_path, outline) == []


DATA = """\
year: 2023
unit: {name: 示例县档案馆}
budget:
  expenditure:
    amount: 100
    basic: {amount: 70, personnel: {amount: 50}, public: {amount: 20}}
    project: {amount: 30}
  three_public:
    amount: 2.5
    note: 比上年减少的主要原因是压减公务接待。
"""


def test_a_template_that_leaves_out_a_section_is_told_at_the_value(tmp_path):
    """A house template printing only the expenditure sentence leaves out 人员经费/公用经费 and "三公" with its note:
    each is named at its YAML line and column."""
    tpl = _template(tmp_path / "house.docx", "{{ title }}", "{{p para(text.expenditure) }}")
    loaded = loads(DATA, "data.yaml")
    found = [f for f in check_outline(loaded, str(tpl)).findings if f.code == "OUT001"]
    assert [(f.path, f.line, f.column) for f in found] == [
        ("budget.expenditure.basic.personnel.amount", 6, 45), ("budget.expenditure.basic.public.amount", 6, 67),
        ("budget.three_public.amount", 9, 13), ("budget.three_public.note", 10, 11)]
    assert found[0].severity == "warning"
    assert "2.5" in found[2].message and "house.docx" in found[2].message
    # the built-in outline prints both: the note follows its figure
    assert [f for f in check_outline(loaded, "hunan").findings if f.code == "OUT001"] == []


def test_figures_printed_with_another_precision_are_not_printed():
    """350.867 printed as 350.87 is not the figure written (issue 8): a template rounding it is told so."""
    from docx import Document
    import io

    loaded = loads(DATA.replace("amount: 2.5", "amount: 2.567"), "data.yaml")
    doc = Document()
    doc.add_paragraph("2023年“三公”经费支出2.57万元，比上年减少的主要原因是压减公务接待。")
    buf = io.BytesIO()
    doc.save(buf)
    paths = [p for p, _v in unprinted(loaded.report, buf.getvalue())]
    assert "budget.three_public.amount" in paths and "budget.three_public.note" not in paths


def test_cli_check_with_a_template_and_render_report_it(tmp_path):
    data = tmp_path / "data.yaml"
    data.write_text(DATA, encoding="utf-8")
    tpl = _template(tmp_path / "house.docx", "{{ title }}", "{{p para(text.expenditure) }}")
    runner = CliRunner()
    r = runner.invoke(app, ["check", str(data), "--template", str(tpl)])
    assert r.exit_code == 0, r.output
    assert f"{data}:9:13: OUT001（警告） " in r.stdout and "[budget.three_public.amount]" in r.stdout
    assert runner.invoke(app, ["check", str(data)]).stdout.count("OUT001") == 0  # without --template: not rendered
    r = runner.invoke(app, ["render", str(data), "-t", str(tpl), "-o", str(tmp_path / "out.docx")])
    assert r.exit_code == 0, r.output
    assert f"{data}:10:11: OUT001（警告） " in r.stderr


def test_the_rule_is_in_the_catalogue():
    rule = catalogue()["OUT001"]
    assert rule.severity == "warning" and rule.family == "output"


def _searched(text: str, number: str) -> bool:
    """The definition the number lookup must keep: not inside a longer number."""
    import re

    return re.search(rf"(?<![\d.]){re.escape(number)}(?!\d|\.\d)", text) is not None


@pytest.mark.parametrize("yaml_path", EXAMPLES, ids=lambda p: p.stem)
def test_the_number_set_finds_what_a_search_of_the_text_finds(yaml_path):
    """Printed looks numbers up in the set of numbers the document writes; over every number of every example's
    rendered document, and every part of each (a prefix, a suffix, with and without its point), the answer is the
    search's. Negative values are looked up by their size."""
    from decimal import Decimal

    from toolkit.word.printed import Printed, document_text, leaves

    loaded = load(yaml_path)
    text = document_text(renderer_for(loaded.report.outline or "hunan").render_bytes(loaded.report))
    text += "|a.5|1.5.3|７２.５|2023.|-6.03|12.50%"  # edge cases the document may not hold
    doc = Printed(text)
    probes = {"5", "1.5", "5.3", "1.5.3", "72.5", "2023", "6.03", "12.5", "12.50", "0.5"}
    for word in doc.numbers:
        probes |= {word[:k] for k in range(1, len(word) + 1)} | {word[k:] for k in range(len(word))}
    probes |= {f"{v:f}" for _, v in leaves(loaded.report) if isinstance(v, Decimal)}
    probes = {p for p in probes if p.isascii() and p[:1].isdigit() and p[-1:].isdigit() and p.count(".") < 2}
    assert len(probes) > 50
    for number in probes:
        value = Decimal(number) if "." in number else int(number)
        if value == 0 or (f"{value:f}" if isinstance(value, Decimal) else str(value)) != number:
            continue  # a value of the model is written without leading zeros
        assert (value in doc) == _searched(text, number), number
        assert (-value in doc) == (_searched(text, f"{-value:f}") or _searched(text, number)), number


def test_a_built_in_renderer_is_found_once_and_follows_its_file():
    """``renderer_for`` looks a built-in outline up once a process (by the name asked for), then only reads its
    file's modification time: the same renderer each time, whatever name asks for it, and a new one when the
    file changes."""
    import os

    from toolkit import templates

    first = renderer_for(None)
    assert renderer_for(None) is first and renderer_for("hunan") is first and renderer_for("HUNAN") is first
    path = templates.builtin_path("hunan")
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    try:
        assert renderer_for(None) is not first
    finally:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert renderer_for(None) is first
