"""A report rendered by jixiao, then converted to PDF by LibreOffice, lints as its .docx does.

Two readings of the PDF reader are at stake: a table drawn right under another one on a page, whose header row is
repeated at the top of the next page (the 自评表's header table, then its indicator table: the 预算执行率 row was
left in the header table, and the total row judged short of it by 10 points, three false errors on a correct
report); and a merged cell's label cut by the page break (质量指标（20 | 分）), which split one 二级 group in two
and raised false TBL003 errors on its weight."""
from __future__ import annotations

from pathlib import Path

import pytest

from toolkit import lint, load, render

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _errors(path: Path) -> list[tuple[str, str]]:
    return sorted((f.code, f.message) for f in lint(path).findings if f.severity == "error")


@pytest.mark.parametrize("name", ["demo-2023", "ziyang-gxj-2022"])
def test_a_rendered_report_lints_alike_as_docx_and_as_pdf(tmp_path, name: str) -> None:
    from toolkit import pdf

    if not pdf.available():
        pytest.skip("LibreOffice (soffice) is not installed")
    docx = tmp_path / f"{name}.docx"
    render(load(EXAMPLES / f"{name}.yaml"), docx, force=True)  # ziyang carries its published report's real errors
    converted = pdf.convert([docx], tmp_path)[0]
    assert _errors(converted) == _errors(docx)
    if name == "demo-2023":
        assert _errors(docx) == []
