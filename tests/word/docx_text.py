"""Read a rendered .docx back as text: paragraphs and tables in document order (for golden snapshots)."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn


def _tc_text(tc) -> str:
    texts = []
    for p in tc.iter(qn("w:p")):
        texts.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return "/".join(t for t in texts if t)


def docx_text(path: str | Path) -> str:
    """One line per paragraph; one line per table row, cells joined by " | " (a merged-on cell shows as "^")."""
    doc = Document(str(path))
    lines: list[str] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            if text:
                lines.append(text)
        elif child.tag == qn("w:tbl"):
            lines.append("[表格]")
            for tr in child.iter(qn("w:tr")):
                cells = []
                for tc in tr.iterchildren(qn("w:tc")):
                    vm = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                    continued = vm is not None and vm.get(qn("w:val")) in (None, "continue")
                    cells.append("^" if continued else _tc_text(tc))
                lines.append(" | ".join(cells))
            lines.append("[表格完]")
    return "\n".join(lines) + "\n"


def pdf_pages(docx: str | Path, workdir: str | Path) -> list[str]:
    """Convert a .docx to PDF as ``jixiao pdf`` does (:func:`toolkit.pdf.convert`) and return the text of each page
    (pdftotext, form feeds)."""
    from toolkit.pdf import convert

    [pdf] = convert([docx], workdir)
    return pdf_text_pages(pdf)


def pdf_text_pages(pdf: str | Path) -> list[str]:
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
