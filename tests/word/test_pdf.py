"""PDF export (toolkit.pdf, ``jixiao render --pdf``, ``jixiao pdf``): the GB/T 9704 faces on a machine without the
Windows fonts, 28 characters a line, one LibreOffice run for many files, and the failures (no LibreOffice, a
timeout, a conversion that makes nothing) with a Chinese message and no partial file."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from toolkit import pdf
from toolkit.cli import app
from toolkit.errors import PdfError

from .conftest import EXAMPLES, ROOT

ZIYANG = ROOT / "examples" / "ziyang-gxj-2022.yaml"
LENGSHUITAN = ROOT / "examples" / "lengshuitan-kgxj-2021.yaml"
needs_poppler = pytest.mark.skipif(shutil.which("pdftohtml") is None or shutil.which("pdffonts") is None,
                                   reason="poppler-utils (pdftohtml, pdffonts) is not installed")
runner = CliRunner()

SERIF, SANS, KAI = "NotoSerifCJK", "NotoSansCJK", "UKai"


def text_lines(pdf_path: Path) -> list[tuple[int, str, str, float]]:
    """(page, text, font family without subset prefix, size in pt) of every text line, from ``pdftohtml -xml``."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(pdf_path)], capture_output=True,
                         check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    scale = 1.5  # pdftohtml's default zoom
    fonts = {f.get("id"): (f.get("family").split("+", 1)[-1], float(f.get("size")) / scale)
             for f in root.iter("fontspec")}  # ids run through the document
    lines = []
    for page in root.iter("page"):
        for t in page.iter("text"):
            family, size = fonts[t.get("font")]
            lines.append((int(page.get("number")), "".join(t.itertext()), family, size))
    return lines


def cells(text: str) -> float:
    """Grid cells a line takes: a CJK character or full-width mark one, an ASCII character half."""
    return sum(0.5 if ord(c) < 0x2E80 else 1 for c in text if not c.isspace())


@needs_poppler
def test_faces_follow_gbt9704_title_serif_h1_sans_h2_kai_body_serif(pdf_of):
    lines = text_lines(pdf_of(ZIYANG))
    face = {}
    for _, text, family, size in lines:
        face.setdefault("".join(text.split()), (family, size))  # 附件 1: the space between CJK and Latin text
    title = face["益阳市资阳区工业和信息化局"]
    assert title[0].startswith(SERIF) and round(title[1]) == 22  # 方正小标宋简体 -> Noto Serif CJK SC, 2号
    assert face["一、部门基本情况"][0].startswith(SANS)  # 黑体 -> Noto Sans CJK SC
    assert face["（一）职能职责"][0].startswith(KAI)  # 楷体_GB2312 -> AR PL UKai CN
    body = [(f, s) for _, t, f, s in lines if t.startswith("为进一步加强财政资金绩效管理")]
    assert body and body[0][0].startswith(SERIF) and round(body[0][1]) == 16  # 仿宋_GB2312 -> Noto Serif, 3号
    assert face["附件1"][0].startswith(SANS)  # the attachment label is 黑体


@needs_poppler
@pytest.mark.parametrize("yaml_path", EXAMPLES, ids=lambda p: p.stem)
def test_pdffonts_serif_sans_and_kai_embedded_and_no_dejavu(yaml_path, pdf_of):
    fonts = pdf.fonts(pdf_of(yaml_path))
    names = [f.name for f in fonts]
    assert any(n.startswith(SERIF) for n in names), names  # body, title
    assert any(n.startswith(SANS) for n in names), names  # level-1 headings
    assert any(KAI in n for n in names), names  # level-2 headings
    assert not [n for n in names if "DejaVu" in n], names  # DejaVu is fontconfig's last resort: a face was missed
    assert all(f.embedded for f in fonts), fonts


@needs_poppler
def test_body_lines_hold_28_characters(pdf_of):
    """GB/T 9704: 28 characters a line. LibreOffice set 27 before the document grid got its character pitch."""
    lines = text_lines(pdf_of(ZIYANG))
    body = [cells(t) for _, t, f, s in lines if f.startswith(SERIF) and round(s) == 16]
    assert max(body) == 28, sorted(body)[-5:]
    # lines that are not full hold digits (wider than half a cell with the space LibreOffice puts beside them) or
    # moved a character down for a mark that may not start a line; still, most long lines are (nearly) full
    assert sum(1 for c in body if c >= 26) >= 15
    first = next(cells(t) for _, t, f, s in lines if t.startswith("为进一步加强财政资金绩效管理"))
    assert first == 26  # the preface's first line: two cells of indent, then 26 characters


#: the text block's left and right edges on the page, in pt (A4, margins 28 / 26 mm)
BLOCK = (28 / 25.4 * 72, (210 - 26) / 25.4 * 72)
#: a quarter of a 3号 character: the most Chinese typesetting puts between a Han character and a Latin letter or
#: digit (W3C, Requirements for Chinese Text Layout); LibreOffice's own is 20% of the font size, 3.2 pt
QUARTER_EM = 16 / 4


def han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def full_width_mark(c: str) -> bool:
    return "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or c in "“”‘’"


def char_lines(pdf_path: Path) -> list[list[tuple[str, float, float]]]:
    """The text lines of a PDF as (character, left, right) in pt, from PDFium's loose boxes: a loose box spans the
    character's advance (a 3号 character at 98% is 15.68 pt), so the space between two boxes is the space the
    layout put between the characters (the glyphs' side bearings are inside the boxes). Spaces are left out."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf_path))
    lines: list[list[tuple[str, float, float]]] = []
    try:
        for page in doc:
            text = page.get_textpage()
            line: list[tuple[str, float, float]] = []
            baseline = None
            for i in range(text.count_chars()):
                c = text.get_text_range(i, 1)
                if c.isspace():
                    continue
                left, bottom, right, _ = text.get_charbox(i, loose=True)
                if baseline is not None and abs(bottom - baseline) > 5:
                    lines.append(line)
                    line = []
                line.append((c, left, right))
                baseline = bottom
            if line:
                lines.append(line)
    finally:
        doc.close()
    return lines


def body_lines(pdf_path: Path) -> list[list[tuple[str, float, float]]]:
    """The lines of 3号 text (body and headings): their Han characters are 15.68 pt wide (16 pt at 98%)."""
    out = []
    for line in char_lines(pdf_path):
        widths = sorted(r - lft for c, lft, r in line if han(c))
        if len(widths) >= 4 and 15 < widths[len(widths) // 2] < 16.5:
            out.append(line)
    return out


def gaps_after_numbers(pdf_path: Path) -> list[tuple[str, float, float]]:
    """(number and the Han character after it, the space between them in pt, the same less the usual space
    between two Han characters of the line), for every Latin letter or digit followed by a Han character."""
    out = []
    for line in body_lines(pdf_path):
        text = "".join(c for c, _, _ in line)
        between = sorted(b[1] - a[2] for a, b in zip(line, line[1:]) if han(a[0]) and han(b[0]))
        usual = between[len(between) // 2]  # what justification added to every character of the line
        for k, (a, b) in enumerate(zip(line, line[1:])):
            if a[0].isascii() and a[0].isalnum() and han(b[0]):
                start = re.search(r"[0-9A-Za-z.%]+$", text[:k + 1]).start()
                gap = b[1] - a[2]
                out.append((text[start:k + 2], round(gap, 2), round(gap - usual, 2)))
    return out


def test_no_gap_after_a_number_wider_than_the_space_between_han_and_latin_text(pdf_of):
    """A number in the body is followed by its next character at the usual CJK-Latin spacing. On the document
    grid LibreOffice widened every run of digits to whole grid cells of 15.79 pt: 405.84 (48.7 pt) took four
    (63.2 pt), 2021 (33.6 pt) three (47.4 pt) (templates/build.py, add_style)."""
    gaps = gaps_after_numbers(pdf_of(LENGSHUITAN))
    assert len(gaps) >= 40, gaps  # the report's numbers were found
    named = [g for g in gaps if g[0] == "405.84万"]  # 基本支出, in 二、 and again in （一）
    assert named, gaps
    for _, gap, extra in named:
        assert 0 <= extra <= QUARTER_EM, (gap, extra)
    wide = [g for g in gaps if g[2] > QUARTER_EM]
    assert wide == [], wide


def test_a_line_of_han_characters_holds_28(pdf_of):
    """GB/T 9704: a full line of CJK body text holds 28 characters (a closing mark may hang past the margin; a line
    whose next word would not fit holds fewer, stretched to the margin)."""
    left, right = BLOCK
    counts = []
    for line in body_lines(pdf_of(LENGSHUITAN)):
        if not all(han(c) or full_width_mark(c) for c, _, _ in line):
            continue
        if abs(line[0][1] - left) > 2 or line[-1][2] < right - 2:  # a first, last or indented line
            continue
        counts.append(sum(1 for _, _, r in line if r <= right + 1))
    assert len(counts) >= 10 and max(counts) == 28, counts
    assert counts.count(28) >= 0.9 * len(counts), counts


def test_fontconfig_file_includes_the_system_and_accepts_one_family_per_alias():
    root = etree.parse(str(pdf.FONTS_CONF)).getroot()
    includes = root.findall("include")
    assert [i.text for i in includes] == ["/etc/fonts/fonts.conf"]
    assert root.index(includes[0]) < min(root.index(a) for a in root.findall("alias"))
    mapping = {}
    for alias in root.findall("alias"):
        families = alias.findall("family")
        assert len(families) == 1, etree.tostring(alias)  # fontconfig ignores the others
        assert alias.find("prefer") is None  # accept: an installed real font still comes first
        [target] = alias.findall("accept/family")
        mapping[families[0].text] = target.text
    for name in ("仿宋_GB2312", "仿宋", "FangSong", "方正小标宋简体", "宋体"):
        assert mapping[name] == "Noto Serif CJK SC"
    for name in ("楷体_GB2312", "楷体", "KaiTi"):
        assert mapping[name] == "AR PL UKai CN"
    for name in ("黑体", "SimHei"):
        assert mapping[name] == "Noto Sans CJK SC"
    assert mapping["Times New Roman"] == "Liberation Serif"


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig tools are not installed")
def test_fontconfig_file_resolves_each_standard_face():
    env = dict(os.environ, FONTCONFIG_FILE=str(pdf.FONTS_CONF))

    def match(name: str) -> str:
        return subprocess.run(["fc-match", "-f", "%{family[0]}", name], capture_output=True, text=True,
                              env=env).stdout

    installed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    for name, want in (("仿宋_GB2312", "Noto Serif CJK SC"), ("楷体_GB2312", "AR PL UKai CN"),
                       ("黑体", "Noto Sans CJK SC"), ("方正小标宋简体", "Noto Serif CJK SC"),
                       ("Times New Roman", "Liberation Serif")):
        if want not in installed:
            pytest.skip(f"{want} is not installed")
        if name in installed:  # the real font is installed: it must win
            assert match(name) == name
        else:
            assert match(name) == want, name


# ----------------------------------------------------------------------------------------------------------------
# The command line
# ----------------------------------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_render_to_a_pdf_path_writes_a_pdf_only(tmp_path):
    out = tmp_path / "报告.pdf"
    r = runner.invoke(app, ["render", str(EXAMPLES[0]), "-o", str(out), "--force"])
    assert r.exit_code == 0, r.output
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["报告.pdf"]  # no .docx, no temporary file left
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    if info:
        assert re.search(r"Title:\s+\S+自评报告\n", info), info  # the report's title, from core.xml


def test_render_refuses_an_unknown_extension(tmp_path):
    r = runner.invoke(app, ["render", str(EXAMPLES[0]), "-o", str(tmp_path / "报告.doc"), "--force"])
    assert r.exit_code == 2
    assert "输出文件应以 .docx（Word）或 .pdf 结尾" in r.stderr
    assert list(tmp_path.iterdir()) == []


def _fake_soffice(folder: Path, body: str) -> None:
    exe = folder / "soffice"
    exe.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    exe.chmod(0o755)


@pytest.fixture
def docx(tmp_path) -> Path:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # the fake LibreOffice below never reads it
    return path


def test_without_libreoffice_the_message_names_the_install_command(docx, monkeypatch):
    monkeypatch.setenv("PATH", str(docx.parent / "empty"))
    with pytest.raises(PdfError) as info:
        pdf.convert([docx])
    assert "未找到 LibreOffice（soffice）" in str(info.value) and "apt-get install" in str(info.value)
    r = runner.invoke(app, ["pdf", str(docx)])
    assert r.exit_code == 2 and "libreoffice-writer-nogui" in r.stderr
    assert not docx.with_suffix(".pdf").exists()


def test_a_hung_libreoffice_is_killed_at_the_timeout(docx, monkeypatch, tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    marker = tmp_path / "child.pid"
    sleep = shutil.which("sleep")
    _fake_soffice(bin_dir, f'{sleep} 60 & echo $! > "{marker}"; wait')  # a child too, as oosplash has soffice.bin
    monkeypatch.setenv("PATH", str(bin_dir))
    t0 = time.monotonic()
    with pytest.raises(PdfError, match="超时"):
        pdf.convert([docx], timeout=1)
    assert time.monotonic() - t0 < 20
    child = int(marker.read_text())
    with pytest.raises(ProcessLookupError):  # the whole process group is gone, not just the shell
        for _ in range(50):
            os.kill(child, 0)
            time.sleep(0.1)
    assert not docx.with_suffix(".pdf").exists()


def test_a_failed_conversion_keeps_the_old_pdf(docx, monkeypatch, tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake_soffice(bin_dir, 'echo "Error: source file could not be loaded" >&2; exit 0')
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    old = docx.with_suffix(".pdf")
    old.write_bytes(b"%PDF-old")
    with pytest.raises(PdfError, match="source file could not be loaded"):
        pdf.convert([docx])
    assert old.read_bytes() == b"%PDF-old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "report.docx", "report.pdf"]


def test_two_reports_that_would_make_one_pdf_are_refused_before_libreoffice_runs(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with pytest.raises(PdfError, match="同一个 PDF"):
        pdf.convert([tmp_path / "a" / "x.docx", tmp_path / "b" / "x.docx"], tmp_path)


def test_a_missing_output_folder_is_refused_before_libreoffice_runs(docx, tmp_path):
    with pytest.raises(PdfError, match="输出目录不存在"):
        pdf.convert([docx], tmp_path / "nowhere")
