"""The minimal template of docs/templates.md renders as documented."""
from __future__ import annotations

import re

from docx import Document

from toolkit.load import load
from toolkit.word import Renderer

from .conftest import ROOT, REPORTS


def test_minimal_template_from_docs(tmp_path):
    doc_md = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    block = re.search(r"## 最小示例.*?```\n(.*?)```", doc_md, re.S).group(1)
    tpl = Document()
    for line in block.strip().splitlines():
        tpl.add_paragraph(line)
    path = tmp_path / "mine.docx"
    tpl.save(path)
    renderer = Renderer(path)
    for yaml_path in REPORTS:
        loaded = load(yaml_path)
        out = renderer.render(loaded, tmp_path / f"{yaml_path.stem}.docx")
        texts = [p.text for p in Document(str(out)).paragraphs if p.text]
        headings = [t for t in texts if re.match(r"^[一二三四五]、", t)]
        expected = ["部门基本情况", "预算支出情况"] + (["存在的问题"] if loaded.report.narrative.problems else []) + ["自评结果"]
        assert [h[2:] for h in headings] == expected
        assert [h[:2] for h in headings] == ["一、", "二、", "三、", "四、"][:len(expected)]
