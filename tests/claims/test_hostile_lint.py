"""Hostile and extreme reports given to ``jixiao lint``, each run as a child process under a time and a memory limit
(issue 12: 20 s of CPU, 1.5 GB of address space, set with ``resource.setrlimit``): every case ends within them, with
the documented exit code and no traceback — exit 2 and a Chinese message for what is refused (zip bombs, oversized
files, scans, XML nested past libxml2's limit), exit 0 or 1 for a huge report that is read in linear time.

The inputs are built small by code (a bomb is streamed into its zip, the oversized file is sparse) and never
committed.
"""
from __future__ import annotations

import html
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .pdfgen import pdf

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
CPU_SECONDS = 20
MEMORY = 1536 * 2**20
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MB = 2**20


def run_lint(path: Path) -> subprocess.CompletedProcess:
    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    # the wall-clock timeout only guards against a stuck child on a loaded machine: the limit is the CPU time
    return subprocess.run([sys.executable, "-c", "from toolkit.cli import main; main()", "lint", str(path)],
                          capture_output=True, text=True, preexec_fn=limits, timeout=6 * CPU_SECONDS, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def _document(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>'


def _docx(path: Path, body: str, extra=None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", _document(body))
        if extra:
            extra(z)
    return path


def _zeros(z: zipfile.ZipFile, name: str, size: int) -> None:
    """A member of ``size`` zero bytes, streamed (never whole in memory)."""
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w", force_zip64=True) as out:
        chunk = b"\0" * MB
        for _ in range(size // MB):
            out.write(chunk)


def _seed_paragraphs() -> list[str]:
    from toolkit.claims.document import read

    return [b.text for s in sorted(SEEDS.glob("*.txt")) for b in read(s).paragraphs]


def bomb_document(tmp: Path) -> Path:
    path = tmp / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        _zeros(z, "word/document.xml", 300 * MB)
    return path


def bomb_unreferenced(tmp: Path) -> Path:
    return _docx(tmp / "media.docx", "<w:p><w:r><w:t>正文</w:t></w:r></w:p>",
                 lambda z: _zeros(z, "word/media/image1.png", 300 * MB))


def lying_header(tmp: Path) -> Path:
    """document.xml whose header says 1 KB while its data inflates to 50 MB."""
    path = _docx(tmp / "lying.docx", "<w:p/>" * 10_000_000)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
    for at in (data.find(b"PK\x03\x04"), data.find(b"PK\x01\x02")):  # local header, central directory
        size_at = at + (22 if data[at + 3] == 4 else 24)
        data[size_at:size_at + 4] = (1024).to_bytes(4, "little")
    assert info.file_size > 1024
    path.write_bytes(bytes(data))
    return path


def many_members(tmp: Path) -> Path:
    def add(z):
        for k in range(10_050):
            z.writestr(f"customXml/item{k}.xml", "")
    return _docx(tmp / "members.docx", "<w:p/>", add)


def deep_xml(tmp: Path) -> Path:
    return _docx(tmp / "deep.docx", "<w:p><w:r>" + "<w:ins>" * 10_000 + "</w:ins>" * 10_000 + "</w:r></w:p>")


def entities(tmp: Path) -> Path:
    """A billion laughs in the document part's DTD: never expanded (the part is refused as broken XML)."""
    dtd = '<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(9)) + "]>"
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>{dtd}<w:document {W}><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p>'
           "</w:body></w:document>")
    path = tmp / "laughs.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", xml)
    return path


def _paragraphs(tmp: Path, n: int) -> Path:
    texts = _seed_paragraphs()
    body = "".join(f"<w:p><w:r><w:t>{html.escape(texts[k % len(texts)])}</w:t></w:r></w:p>" for k in range(n))
    return _docx(tmp / f"p{n}.docx", body)


def paragraphs_20k(tmp: Path) -> Path:
    """20,000 paragraphs of the seeds' text (≈ 1.3 million characters, under lint_chars): read and checked."""
    return _paragraphs(tmp, 20_000)


def paragraphs_100k(tmp: Path) -> Path:
    """100,000 paragraphs (≈ 6.3 million characters): refused by lint_chars once read, before any claim is read."""
    return _paragraphs(tmp, 100_000)


def long_paragraph(tmp: Path) -> Path:
    """300 KB of narrative without a single punctuation mark, figures, lists and 其中 everywhere."""
    words = ["基本支出", "12.50万元", "其中", "占", "15.2%", "3个", "、", "等", "分别为", "共计", "完成率", "增长",
             "比上年增加", "8人", "得分", "95分", "等级为优秀", "科室", "包括", "（", "）", "7项", "二十个", "按来源分"]
    text = "".join(words[(k * 7) % len(words)] for k in range(60_000))[:300_000 // 3]
    path = tmp / "long.txt"
    path.write_text(text * 3 + "\n", encoding="utf-8")
    return path


def long_sentence_of_relations(tmp: Path) -> Path:
    """300 KB in one sentence (commas only) of every relation form lint reads: bases after 比/较, 百分点, grouping
    phrases with shares, ；-lists with 合计, 上述N类分别占, rates of counts, complete sets — each judged within a
    bounded reach, so the time stays linear."""
    forms = ["支出58.36万元，比2021年度62.40万元减少4.04万元，下降6.47%，", "执行率95.6%，较上年的98.10%下降1.25个百分点，",
             "按支出性质分，基本支出828.76万元，占65.66%；项目支出433.42万元，占34.34%，", "培训费0元；会议费3.20万元；合计3.20万元；",
             "工资福利支出300.00万元、商品和服务支出60.00万元，上述2类分别占基本支出的75.00%、15.00%，",
             "应检查企业150家，实际检查120家，检查覆盖率85%，", "医保基金支出合计18,642.30万元，职工医保7,215.60万元、居民医保11,426.70万元，",
             "公用经费138.00万元，较上年的120.00万元增长15.00%，", "从支出结构看，A 121.13万元，占3.38%；B 39.20万元，占96.62%，"]
    text = "".join(forms[k % len(forms)] for k in range(7_000))[:300_000 // 3]
    path = tmp / "relations.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def long_line(tmp: Path) -> Path:
    path = tmp / "line.txt"
    path.write_text("支出" + "1" * 100_000 + "万元，其中" + "（" * 50_000 + "\n", encoding="utf-8")
    return path


def report_4mb(tmp: Path) -> Path:
    data = "\n".join(_seed_paragraphs()).encode("utf-8") + b"\n"
    path = tmp / "big.txt"
    path.write_bytes(data * (4 * MB // len(data)))
    return path


def oversized(tmp: Path) -> Path:
    path = tmp / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(65 * MB)  # sparse: takes no room
    return path


def pdf_pages(tmp: Path) -> Path:
    path = tmp / "pages.pdf"
    path.write_bytes(pdf(pages=2_001, image=False))
    return path


def pdf_scan(tmp: Path) -> Path:
    path = tmp / "scan.pdf"
    path.write_bytes(pdf(pages=3, image=True))
    return path


# (builder, expected exit codes, words the message must hold)
CASES = {
    "zip bomb in document.xml": (bomb_document, {2}, "压缩"),
    "zip bomb in an unreferenced member": (bomb_unreferenced, {2}, "压缩"),
    "member larger than its header says": (lying_header, {2}, "损坏"),
    "10,050 members": (many_members, {2}, "成员文件过多"),
    "XML nested 10,000 deep": (deep_xml, {2}, "嵌套过深"),
    "billion laughs entities": (entities, {2}, "XML"),
    "20,000 paragraphs": (paragraphs_20k, {0, 1}, ""),
    "100,000 paragraphs": (paragraphs_100k, {2}, "字符"),
    "300 KB paragraph without punctuation": (long_paragraph, {0, 1}, ""),
    "300 KB sentence of relations": (long_sentence_of_relations, {0, 1}, ""),
    "100,000-character line": (long_line, {0, 1}, ""),
    "4 MB report": (report_4mb, {0, 1}, ""),
    "65 MB file": (oversized, {2}, "超过"),
    "PDF of 2,001 pages": (pdf_pages, {2}, "页"),
    "scanned PDF": (pdf_scan, {2}, "扫描件"),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_hostile_report_ends_within_limits(tmp_path, name):
    build, codes, words = CASES[name]
    path = build(tmp_path)
    res = run_lint(path)
    assert res.returncode in codes, (res.returncode, res.stderr[-500:])
    assert "Traceback" not in res.stderr
    if 2 in codes:
        message = res.stderr.strip()
        assert words in message and str(path.name) in message
        assert any("\u4e00" <= c <= "\u9fff" for c in message)
