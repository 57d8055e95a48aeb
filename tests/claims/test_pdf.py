"""PDF reports: the text layer in reading order, ruled tables as rows of cells, and a clear refusal of a scan."""
from __future__ import annotations

import shutil
import subprocess

import docx
import pytest

from toolkit import lint
from toolkit.claims.document import Paragraph, Table, read
from toolkit.errors import InputError

from .pdfgen import pdf

PARAGRAPHS = [
    "某县退役军人事务局2022年度部门整体支出绩效自评报告",
    "一、部门整体支出情况",
    "2022年部门支出合计1,002.61万元，其中基本支出314.60万元，项目支出688.01万元。本段文字较长，用来检验跨行的段落"
    "在读取时仍是一段：退役士兵安置任务68人，实际安置68人，安置率100%，组织退役军人适应性培训12期，参训486人次。",
    "表1 项目支出执行情况表（单位：万元）",
]
ROWS = [["项目名称", "年初预算数", "执行数", "执行率"], ["优抚对象抚恤补助", "420.00", "420.00", "100.00%"],
        ["退役士兵安置", "186.50", "178.36", "95.64%"], ["合计", "606.50", "608.36", "100.31%"]]


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    tmp = tmp_path_factory.mktemp("pdf")
    d = docx.Document()
    for text in PARAGRAPHS:
        d.add_paragraph(text)
    t = d.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    t.style = "Table Grid"
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            t.rows[r].cells[c].text = text
    d.add_paragraph("经自评，本部门2022年度整体支出绩效得分94.90分，绩效等级为“优秀”。")
    d.save(tmp / "report.docx")
    profile = tmp / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp), str(tmp / "report.docx")], check=True, capture_output=True, timeout=180)
    return tmp / "report.pdf"


@pytest.mark.slow
def test_pdf_paragraphs_and_table(report_pdf):
    doc = read(report_pdf)
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert paragraphs[:4] == PARAGRAPHS  # the long paragraph wrapped over lines is one paragraph again
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.rows == ROWS
    assert [type(b).__name__ for b in doc.blocks].index("Table") == 4  # in reading order


@pytest.mark.slow
def test_pdf_is_linted(report_pdf):
    got = {(f.code, f.where, f.expected, f.found) for f in lint(report_pdf).findings}
    # the 合计 row's 年初预算数 606.50 is right; its 执行数 608.36 is not 420.00 + 178.36
    assert got == {("TBL007", "表1 第4行 第3列", "598.36", "608.36")}


def test_scanned_pdf_is_refused_with_a_message(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(pdf(pages=2, image=True))
    with pytest.raises(InputError, match="扫描件") as exc:
        lint(tmp_path / "scan.pdf")
    assert "文字层" in str(exc.value)


def test_pdf_without_any_text_or_image_is_refused(tmp_path):
    (tmp_path / "blank.pdf").write_bytes(pdf(pages=1, image=False))
    with pytest.raises(InputError, match="没有可读取的文字"):
        lint(tmp_path / "blank.pdf")


def test_broken_pdf_is_refused(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    with pytest.raises(InputError, match="无法打开 PDF"):
        lint(tmp_path / "broken.pdf")
