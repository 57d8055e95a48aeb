"""Native charts (toolkit/word/charts.py) in rendered reports: wired into the package as Word expects, their cached
numbers the report's own figures (and the text's), the same table in the embedded workbook, clean under
openxml-audit, drawn by LibreOffice, and switched off by ``charts: false`` / ``render --no-charts``."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from toolkit.domain import execution
from toolkit.errors import TemplateError
from toolkit.load import load, loads
from toolkit.numbers import fmt_written
from toolkit.word import render

from .conftest import ROOT
from .docx_text import docx_text, pdf_text_pages

ZIYANG = ROOT / "examples" / "ziyang-gxj-2022.yaml"
DEMO = ROOT / "examples" / "demo-2023.yaml"
NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "ct": "http://schemas.openxmlformats.org/package/2006/content-types"}
R_ID = "{%s}id" % NS["r"]


def charts_of(docx: Path) -> list[dict]:
    """Each chart the body places, in order, read back through the package: the part the drawing's r:id names
    (with its content type), its title, categories, series {name: [Decimal]}, and the workbook it links to."""
    with zipfile.ZipFile(docx) as z:
        names = set(z.namelist())
        body = etree.fromstring(z.read("word/document.xml"))
        rels = {r.get("Id"): r for r in etree.fromstring(z.read("word/_rels/document.xml.rels"))}
        types = etree.fromstring(z.read("[Content_Types].xml"))
        overrides = {o.get("PartName"): o.get("ContentType") for o in types.findall("ct:Override", NS)}
        defaults = {d.get("Extension"): d.get("ContentType") for d in types.findall("ct:Default", NS)}
        out = []
        for ref in body.iterfind(".//c:chart", NS):
            rel = rels[ref.get(R_ID)]
            assert rel.get("Type").endswith("/relationships/chart")
            part = "word/" + rel.get("Target")
            assert part in names
            space = etree.fromstring(z.read(part))
            title = "".join(space.xpath("c:chart/c:title//a:t/text()", namespaces=NS))
            sers = space.findall(".//c:ser", NS)
            cats = [v.text for v in sers[0].findall("c:cat//c:pt/c:v", NS)]
            series = {"".join(s.xpath("c:tx//c:v/text()", namespaces=NS)):
                      [Decimal(v.text) for v in s.findall("c:val//c:pt/c:v", NS)] for s in sers}
            folder, base = part.rsplit("/", 1)
            chart_rels = etree.fromstring(z.read(f"{folder}/_rels/{base}.rels"))
            [link] = chart_rels.findall("rel:Relationship", NS)
            embedded = folder.rsplit("/", 1)[0] + "/" + link.get("Target").removeprefix("../")
            ext_id = space.find("c:externalData", NS).get(R_ID)
            assert ext_id == link.get("Id") and embedded in names
            out.append({"part": part, "type": overrides.get("/" + part), "title": title, "categories": cats,
                        "series": series, "workbook": z.read(embedded), "xlsx_type": defaults.get("xlsx"),
                        "drawing": ref})
    return out


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("charts")


@pytest.fixture
def ziyang(rendered) -> Path:
    return rendered(ZIYANG)


@pytest.fixture
def demo(rendered) -> Path:
    return rendered(DEMO)


def by_title(charts: list[dict], word: str) -> dict:
    [chart] = [c for c in charts if word in c["title"]]
    return chart


def test_each_chart_is_a_chart_part_with_its_content_type_relationship_and_workbook(ziyang):
    charts = charts_of(ziyang)
    assert len(charts) == 4  # ziyang classifies its project expenditure by function only: no by_function chart
    for c in charts:
        assert c["type"] == "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
        assert c["xlsx_type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    with zipfile.ZipFile(ziyang) as z:
        body = z.read("word/document.xml").decode()
    # inline in its own paragraph, with a unique drawing id and alternative text naming the figures
    ids = re.findall(r'<wp:docPr id="(\d+)"', body)
    assert len(ids) == len(set(ids)) == 4
    assert "基本支出：人员经费420.39万元" in body


def test_cached_numbers_are_the_report_figures(ziyang, demo):
    for yaml_path, docx in ((ZIYANG, ziyang), (DEMO, demo)):
        report = load(yaml_path).report
        ex = report.budget.expenditure
        basic, project = ex.basic, ex.project
        charts = charts_of(docx)

        nature = by_title(charts, "支出按性质构成")
        assert nature["categories"] == ["基本支出：人员经费", "基本支出：公用经费", "项目支出"]
        assert nature["series"] == {"金额": [basic.personnel.amount, basic.public.amount, project.amount]}

        stages = by_title(charts, "预算数与实际支出数")
        assert stages["categories"] == ["支出合计", "基本支出", "项目支出"]
        assert stages["series"] == {
            "全年预算数": [execution.full_budget(f) for f in (ex, basic, project)],
            "实际支出数": [ex.amount, basic.amount, project.amount]}

        scores = by_title(charts, "一级指标分值与得分")
        groups = report.indicators.groups
        assert scores["categories"] == ["预算执行率"] + [g.name for g in groups]
        assert scores["series"]["分值"] == [report.indicators.execution.weight] + [g.weight for g in groups]
        assert scores["series"]["得分"] == [report.indicators.execution.score] + [
            sum(i.score for c in g.children for i in c.indicators) for g in groups]

    ziyang_functions = by_title(charts_of(ziyang), "项目支出按功能分类")
    items = load(ZIYANG).report.budget.expenditure.project.by_function
    assert ziyang_functions["categories"] == [i.label for i in items]
    assert ziyang_functions["series"] == {"金额": [i.amount for i in items]}
    demo_functions = by_title(charts_of(demo), "年支出按功能分类")
    items = load(DEMO).report.budget.expenditure.by_function
    assert demo_functions["series"] == {"金额": [i.amount for i in items]}


def test_every_amount_drawn_is_printed_in_the_text_or_attachment(ziyang):
    text = docx_text(ziyang)
    for c in charts_of(ziyang):
        if "万元" not in c["title"]:
            continue
        for values in c["series"].values():
            for v in values:
                assert fmt_written(v) in text, (c["title"], v)  # printed as written (issue 8)


def test_the_embedded_workbook_holds_the_same_table(ziyang):
    import openpyxl

    for c in charts_of(ziyang):
        sheet = openpyxl.load_workbook(io.BytesIO(c["workbook"])).active
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0][1:]) == list(c["series"])
        assert [r[0] for r in rows[1:]] == c["categories"]
        for k, values in enumerate(c["series"].values(), 1):
            assert [Decimal(str(r[k])) for r in rows[1:]] == values


def test_charts_false_the_cli_flag_and_a_list_choose_the_charts(out, tmp_path):
    from typer.testing import CliRunner

    from toolkit.cli import app

    text = ZIYANG.read_text(encoding="utf-8")
    off = tmp_path / "off.yaml"
    off.write_text(text + "\ncharts: false\n", encoding="utf-8")
    some = tmp_path / "some.yaml"
    some.write_text(text + "\ncharts: [scores]\n", encoding="utf-8")
    for path, expected in ((off, []), (some, ["各一级指标分值与得分"])):
        docx = render(load(path), out / f"{path.stem}.docx")
        assert [re.sub(r"^\d+年", "", c["title"]).removesuffix("（分）") for c in charts_of(docx)] == expected
        with zipfile.ZipFile(docx) as z:
            left = [n for n in z.namelist() if "chart" in n]
            listed = z.read("[Content_Types].xml").decode() + z.read("word/_rels/document.xml.rels").decode()
        assert left == [] if not expected else len(left) == 3
        assert ("chart" in listed) == bool(expected)
    flagged = tmp_path / "flag.docx"
    result = CliRunner().invoke(app, ["render", str(ZIYANG), "-o", str(flagged), "--force", "--no-charts"])
    assert result.exit_code == 0, result.output
    assert charts_of(flagged) == []
    with zipfile.ZipFile(flagged) as z:
        assert not [n for n in z.namelist() if "chart" in n]


@pytest.mark.parametrize("value, message", [("[by_nature, pie]", "未知的图表“pie”"),
                                            ("{by_nature: 1}", "应为 true、false 或图表名称的列表")])
def test_a_wrong_charts_value_is_bad_input_with_its_position(value, message, tmp_path):
    from typer.testing import CliRunner

    from toolkit.cli import app

    bad = tmp_path / "bad.yaml"
    bad.write_text(f"year: 2023\nunit: {{name: 示例县农业农村局}}\ncharts: {value}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(bad)])
    assert result.exit_code == 2
    assert re.search(rf"bad\.yaml:3:\d+: {message}.* \[charts\]$", result.output, flags=re.M), result.output
    assert "Traceback" not in result.output


def test_the_json_schema_takes_what_the_loader_takes():
    import jsonschema

    from toolkit.schema import json_schema

    schema = json_schema()
    base = {"year": 2023, "unit": {"name": "示例县农业农村局"}}
    for good in (True, False, None, "scores", ["by_nature", "execution"]):
        jsonschema.validate({**base, "charts": good}, schema)
        loads(f"year: 2023\nunit: {{name: 示例县农业农村局}}\ncharts: {good if good is not None else 'null'}\n"
              .replace("True", "true").replace("False", "false").replace("'", ""), "ok.yaml")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**base, "charts": ["pie"]}, schema)


def _template(tmp_path: Path, paragraph: str, where: str = "body") -> Path:
    """The built-in hunan template with one more paragraph at the end of the body (or in the odd footer)."""
    from toolkit.templates import builtin_path

    src = builtin_path("hunan")
    target = tmp_path / f"custom-{where}.docx"
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(target, "w") as o:
        for info in z.infolist():
            data = z.read(info)
            if where == "body" and info.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", paragraph.encode() + b"<w:sectPr", 1)
            if where == "footer" and info.filename == "word/footer1.xml":
                data = data.replace(b"</w:ftr>", paragraph.encode() + b"</w:ftr>", 1)
            o.writestr(info, data)
    return target


def test_a_template_naming_an_unknown_chart_or_placing_one_in_a_footer_is_refused(tmp_path):
    report = load(ZIYANG).report
    for where, message in (("body", "未知的图表“pie”"), ("footer", "图表只能放在正文中")):
        name = "pie" if where == "body" else "scores"
        template = _template(tmp_path, f"<w:p><w:r><w:t>{{{{p chart('{name}') }}}}</w:t></w:r></w:p>", where)
        with pytest.raises(TemplateError) as caught:
            render(report, tmp_path / f"{where}.docx", template=template)
        assert message in str(caught.value)


def test_a_template_with_charts_of_its_own_keeps_them(tmp_path):
    """Our parts are numbered after the template's own word/charts/chart1.xml, which stays untouched."""
    src = _template(tmp_path, "<w:p><w:r><w:t>{{p chart('by_nature') }}</w:t></w:r></w:p>")
    theirs = b'<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>'
    with zipfile.ZipFile(src, "a") as z:
        z.writestr("word/charts/chart1.xml", theirs)
    docx = render(load(ZIYANG).report, tmp_path / "own.docx", template=src)
    with zipfile.ZipFile(docx) as z:
        assert z.read("word/charts/chart1.xml") == theirs
    ours = charts_of(docx)  # the outline's charts, and the one added at the end of the body
    parts = [c["part"] for c in ours]
    assert len(parts) == len(set(parts)) and "word/charts/chart1.xml" not in parts
    assert parts[0] == "word/charts/chart2.xml" and "性质构成" in ours[-1]["title"]


def test_a_report_without_the_data_places_no_chart(out):
    sparse = loads("year: 2023\nunit: {name: 示例县农业农村局}\n", "sparse.yaml")
    docx = render(sparse, out / "sparse.docx")
    assert charts_of(docx) == []


AUDIT = shutil.which("openxml-audit") or str(Path(__import__("sys").executable).with_name("openxml-audit"))


@pytest.mark.skipif(not Path(AUDIT).exists(), reason="openxml-audit is missing")
def test_openxml_audit_reads_the_chart_parts_and_finds_a_planted_defect(ziyang, tmp_path):
    """The strict-consumers test runs the audit on every example in every outline (charts included); here: it
    does look into a chart part (an element out of the c:chartSpace schema is found)."""
    from .test_strict_consumers import audit

    assert audit(ziyang) == []
    for k, c in enumerate(charts_of(ziyang)):  # the embedded workbooks too (what Excel would repair)
        book = tmp_path / f"book{k}.xlsx"
        book.write_bytes(c["workbook"])
        assert audit(book) == []
    with zipfile.ZipFile(ziyang) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/charts/chart1.xml"] = parts["word/charts/chart1.xml"].replace(
        b'<c:lang val="zh-CN"/>', b'<c:lang val="zh-CN"/><c:bogus val="1"/>')
    planted = tmp_path / "planted.docx"
    with zipfile.ZipFile(planted, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    assert any(e["part_uri"] == "/word/charts/chart1.xml" for e in audit(planted))


def _pixels(pdf: Path, page: int, tmp: Path) -> tuple[int, int, bytes]:
    """Page ``page`` of a PDF as raw RGB (pdftoppm's PPM): width, height, bytes."""
    stem = tmp / f"page{page}"
    subprocess.run(["pdftoppm", "-r", "40", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
                   check=True, capture_output=True)
    data = stem.with_suffix(".ppm").read_bytes()
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
    return int(m.group(1)), int(m.group(2)), data[m.end():]


def test_libreoffice_draws_each_chart_with_its_labels(ziyang, pdf_of, tmp_path):
    """In the PDF LibreOffice makes, each chart's title and category labels are on a page (CJK text, not boxes:
    pdftotext reads them back) and that page has the series' colours."""
    pdf = pdf_of(ZIYANG)
    pages = pdf_text_pages(pdf)
    flat = [re.sub(r"\s+", "", p) for p in pages]
    for c in charts_of(ziyang):  # the .docx the PDF was made from
        title = re.sub(r"\s+", "", c["title"])
        [page] = [k for k, p in enumerate(flat, 1) if title in p]
        for label in c["categories"]:
            assert re.sub(r"\s+", "", label) in flat[page - 1], (c["title"], label)
        width, height, rgb = _pixels(pdf, page, tmp_path)
        blue = sum(1 for k in range(0, len(rgb), 3) if abs(rgb[k] - 0x2F) < 24 and abs(rgb[k + 1] - 0x55) < 24
                   and abs(rgb[k + 2] - 0x97) < 24)
        assert blue > width * height / 400, (c["title"], blue)  # the bars or the slice are drawn, not blank


def test_lint_of_the_pdf_finds_the_same_with_and_without_the_charts(pdf_of, tmp_path):
    """The charts' labels and values in a PDF's text layer are not read as claims: ``jixiao lint`` of the PDF
    finds what it finds in the PDF of the same report without charts."""
    from toolkit import lint, pdf

    report = load(ZIYANG).report
    report.charts = False
    [without] = pdf.convert([render(report, tmp_path / "ziyang-nocharts.docx")], tmp_path)

    def found(path: Path) -> list[tuple[str, str]]:
        return [(f.code, f.message) for f in lint(path).findings]

    assert found(pdf_of(ZIYANG)) == found(without) != []


def test_labels_with_markup_characters_stay_text(out):
    """A label holding < & > and quotes is the chart's category as written, in the part, the alternative text and
    the workbook (each part parses)."""
    import openpyxl

    label = '科目"<一>&\'二\''
    report = loads("year: 2023\nunit: {name: 示例县农业农村局}\nbudget:\n  expenditure:\n    amount: 30\n"
                   f"    by_function:\n      - {{label: {json_quote(label)}, amount: 10}}\n"
                   "      - {label: 其他支出, amount: 20}\n", "markup.yaml")
    docx = render(report, out / "markup.docx")
    [chart] = charts_of(docx)
    assert chart["categories"] == [label, "其他支出"]
    with zipfile.ZipFile(docx) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    [descr] = body.xpath("//*[local-name()='docPr']/@descr")
    assert label in descr
    sheet = openpyxl.load_workbook(io.BytesIO(chart["workbook"])).active
    assert sheet["A2"].value == label


def json_quote(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)
