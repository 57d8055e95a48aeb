"""Strict consumers: openxml-audit (ECMA-376 schema order and Word's repair rules) on the generated parts of every
rendered example, in every outline, and the package left without python-docx's stale default parts."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from toolkit.load import load
from toolkit.templates import BUILTIN
from toolkit.word import render

from .conftest import EXAMPLES

AUDIT = shutil.which("openxml-audit") or str(Path(sys.executable).with_name("openxml-audit"))
pytestmark = pytest.mark.skipif(not Path(AUDIT).exists(), reason="openxml-audit (pip install openxml-audit) is missing")
#: the parts jixiao writes or builds: the body, the footers (headers when a template has them), the styles
GENERATED = re.compile(r"/word/(document|styles|header\d*|footer\d*)\.xml")


def audit(docx: Path) -> list[dict]:
    done = subprocess.run([AUDIT, "-o", "json", "-m", "0", str(docx)], capture_output=True, text=True, timeout=120)
    [report] = json.loads(done.stdout)
    return report["errors"]


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("audit")


@pytest.mark.slow
@pytest.mark.parametrize("outline", sorted(BUILTIN))
@pytest.mark.parametrize("yaml_path", EXAMPLES, ids=lambda p: p.stem)
def test_openxml_audit_is_clean_on_the_generated_parts(yaml_path, outline, out):
    docx = render(load(yaml_path), out / f"{yaml_path.stem}-{outline}.docx", template=outline)
    errors = audit(docx)
    assert [e for e in errors if GENERATED.fullmatch(e.get("part_uri") or "")] == []
    assert errors == []  # nor anywhere else in the package


def test_openxml_audit_does_see_a_part_out_of_schema_order(out):
    """The audit is not blind to the body: w:ind after w:jc (what python-docx wrote into the styles) is found."""
    docx = render(load(EXAMPLES[0]), out / "planted.docx")
    with zipfile.ZipFile(docx) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    xml = xml.replace('<w:pStyle w:val="JxH1"/></w:pPr>', '<w:pStyle w:val="JxH1"/><w:jc w:val="left"/>'
                      '<w:ind w:left="0"/></w:pPr>', 1)
    parts["word/document.xml"] = xml.encode()
    planted = out / "planted-out-of-order.docx"
    with zipfile.ZipFile(planted, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    assert any(e["part_uri"] == "/word/document.xml" and e["node"] == "ind" for e in audit(planted))


def test_no_stale_parts_of_python_docx_default_template(out):
    docx = render(load(EXAMPLES[0]), out / "parts.docx")
    with zipfile.ZipFile(docx) as z:
        names = set(z.namelist())
        app = z.read("docProps/app.xml").decode()
        core = z.read("docProps/core.xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode() + z.read("_rels/.rels").decode()
    assert not names & {"word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"}
    assert not [n for n in names if n.startswith("customXml/")]
    assert "stylesWithEffects" not in rels and "thumbnail" not in rels
    assert "<Application>jixiao</Application>" in app and "Macintosh" not in app
    unit = load(EXAMPLES[0]).report.unit.name
    assert re.search(rf"<dc:title>{unit}[^<]*自评报告</dc:title>", core)  # the report's own title
    assert "2013-" not in core
    stamp = re.search(r"<dcterms:modified[^>]*>(\d{4})-", core)
    assert stamp and int(stamp.group(1)) >= 2024  # the render time
