"""Ziyang (seed 002) rendered holds every figure of its 二、一般公共预算支出情况 and every 自评表 row."""
from __future__ import annotations

import shutil

import pytest
from docx import Document

from toolkit.load import load

from .conftest import ROOT
from .docx_text import docx_text, pdf_text_pages

ZIYANG = ROOT / "examples" / "ziyang-gxj-2022.yaml"


def test_general_budget_figures(rendered):
    text = docx_text(rendered(ZIYANG))
    section = text[text.index("二、一般公共预算支出情况"):text.index("三、政府性基金预算支出情况")]
    for figure in ("3345.5万元", "6.73", "3352.23", "507.79", "15.15%", "2844.44", "84.85%", "457.52", "50.27",
                   "420.39", "87.41", "2440.67", "403.77", "一般公共服务支出7万元", "科学技术支出442.15",
                   "社会保障和就业支出80.4万元", "卫生健康支出998.99", "节能环保支出49.98", "资源勘探工业信息等支出1135.36",
                   "金融支出27.73", "其他支出4.83"):
        assert figure in section, figure
    assert "2022年本单位无政府性基金预算支出。" in text


def test_every_indicator_row(rendered):
    report = load(ZIYANG).report
    doc = Document(str(rendered(ZIYANG)))
    table = doc.tables[-1]
    rows = {tuple(c.text for c in r.cells) for r in table.rows}
    names = [r[3] for r in rows]
    for _g1, _g2, ind in report.indicators.all_indicators():
        assert ind.name in names, ind.name
    total = [r for r in rows if r[0] == "总分"]
    assert total and total[0][6] == "100" and total[0][7] == "99"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and pdftotext are needed to count pages")
def test_basic_data_table_fits_one_page(pdf_of):
    """附件1 (seed 002 has 9 project rows) stays on one page with its notes: no spill onto a near-empty page."""
    pages = pdf_text_pages(pdf_of(ZIYANG))
    first = next(n for n, page in enumerate(pages) if "基础数据表" in page and "附件1" in page.replace(" ", ""))
    page = pages[first].replace(" ", "")
    for last_rows in ("政府采购金额", "楼堂馆所控制情况", "厉行节约保障措施", "填表人"):
        assert last_rows in page, f"{last_rows} is not on the page of 附件1"
    assert "附件2" in pages[first + 1].replace(" ", "")
