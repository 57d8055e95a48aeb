"""``jixiao verify``: every rendered example in every outline is clean, and each defect planted in a rendered
report's XML (as a hand edit in Word would leave it) is found, with the rule that says it."""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit import load
from toolkit.cli import app
from toolkit.templates import BUILTIN
from toolkit.verify import verify
from toolkit.word import render

from .conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DEMO = ROOT / "examples" / "demo-2023.yaml"
runner = CliRunner()

@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("verify")


@pytest.fixture(scope="module")
def demo(out) -> Path:
    return render(load(DEMO), out / "demo.docx")


@pytest.mark.parametrize("outline", sorted(BUILTIN))
@pytest.mark.parametrize("yaml_path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_in_every_outline_verifies_clean(yaml_path, outline, out):
    loaded = load(yaml_path)
    result = verify(render(loaded, out / f"{yaml_path.stem}-{outline}.docx", template=outline))
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    # warnings: only heading numbers the user typed in the narrative (the paragraph is the YAML's own words)
    source = yaml_path.read_text(encoding="utf-8")
    for f in result.findings:
        assert f.code in ("TXT011", "TXT012"), f.text()
        assert f.quote and re.sub(r"\s", "", f.quote)[:12] in re.sub(r"\s", "", source), f.text()


# ----------------------------------------------------------------------------------------------------------------
# Planted defects
# ----------------------------------------------------------------------------------------------------------------


def plant(src: Path, dst: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    """Copy a .docx, replacing text in its parts: {part name: [(regex, replacement), …]}; each regex must match."""
    with zipfile.ZipFile(src) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    for name, subs in edits.items():
        xml = parts[name].decode("utf-8")
        for pattern, repl in subs:
            xml, n = re.subn(pattern, repl, xml, count=1)
            assert n == 1, (name, pattern)
        parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return dst


DOC, STYLES, SETTINGS, ODD, EVEN = ("word/document.xml", "word/styles.xml", "word/settings.xml",
                                    "word/footer1.xml", "word/footer2.xml")
H1_PARA = '<w:p><w:pPr><w:pStyle w:val="JxH1"/></w:pPr><w:r><w:t xml:space="preserve">'

DEFECTS = {
    # name: (edits, code, a word of the message)
    "letter-paper": ({DOC: [(r'<w:pgSz w:w="\d+" w:h="\d+"/>', '<w:pgSz w:w="12240" w:h="15840"/>')]},
                     "FMT001", "纸张"),
    "top-margin": ({DOC: [(r'w:top="\d+"', 'w:top="1440"')]}, "FMT001", "上边距 25.4 mm"),
    "no-character-pitch": ({DOC: [(r'<w:docGrid [^>]*/>', '<w:docGrid w:type="lines" w:linePitch="579"/>')]},
                           "FMT002", "每行 27 字"),
    "23-lines": ({DOC: [(r'w:linePitch="579"', 'w:linePitch="550"')]}, "FMT002", "每页 23 行"),
    "body-in-songti": ({STYLES: [(r'(w:styleId="JxBody">.*?w:eastAsia=")仿宋_GB2312', r"\1宋体")]},
                       "FMT003", "正文的中文字体是“宋体”"),
    "h1-without-east-asian-font": ({STYLES: [(r'(w:styleId="JxH1">.*?<w:rFonts )[^>]*/>',
                                              r'\1w:ascii="黑体" w:hAnsi="黑体"/>'),
                                             (r'(<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts )[^>]*/>',
                                              r'\1w:ascii="Times New Roman"/>')]},
                                   "FMT003", "一级标题没有写明中文字体"),
    "h2-in-16pt-fangsong": ({DOC: [(r'(<w:pStyle w:val="JxH2"/></w:pPr><w:r>)',
                                    r'\1<w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr>')]},
                            "FMT003", "二级标题的中文字体是“仿宋_GB2312”"),
    "title-in-18pt": ({STYLES: [(r'(w:styleId="JxTitle">.*?<w:sz w:val=")44', r"\g<1>36")]}, "FMT003",
                      "标题的字号是 18 磅，应为 22 磅"),
    "theme-font": ({STYLES: [(r'(w:styleId="JxH1">.*?<w:rFonts )', r'\1w:eastAsiaTheme="minorEastAsia" ')]},
                   "FMT004", "eastAsiaTheme=minorEastAsia"),
    "skipped-heading-number": ({DOC: [(r"二、一般公共预算支出情况", "三、一般公共预算支出情况")]}, "TXT012", "缺少"),
    "mixed-heading-styles": ({DOC: [(r"（二）", "（2）")]}, "TXT011", "编号样式混用"),
    "odd-page-number-left": ({ODD: [(r'<w:jc w:val="right"/>', '<w:jc w:val="left"/>')]}, "FMT005", "单页页码应居右"),
    "even-page-number-right": ({EVEN: [(r'<w:jc w:val="left"/>', '<w:jc w:val="right"/>')]}, "FMT005",
                               "双页页码应居左"),
    "no-even-odd": ({SETTINGS: [(r"<w:evenAndOddHeaders/>", "")]}, "FMT005", "没有区分奇偶页"),
    "page-number-without-dashes": ({ODD: [(r"— </w:t>", "</w:t>")]}, "FMT005", "— 1 —"),
    "page-number-typed": ({ODD: [(r"<w:instrText[^>]*> PAGE </w:instrText>", "<w:instrText> NUMPAGES </w:instrText>")]},
                          "FMT005", "PAGE 域"),
    "attachment-on-the-same-page": ({DOC: [(r'(<w:pStyle w:val="JxAttachLabel"/>)<w:pageBreakBefore/>', r"\1")]},
                                    "FMT006", "没有另起一页"),
    "attachment-label-missing": ({DOC: [(r'(<w:pStyle w:val="JxAttachLabel"/><w:pageBreakBefore/></w:pPr>'
                                         r'<w:r><w:t xml:space="preserve">)附件2', r"\1表2")]},
                                 "FMT006", "附件说明列了 2 个附件，文中有 1 个"),
    "leftover-tag": ({DOC: [(r"(一、部门基本情况)", r"\1{{ unit.name }}")]}, "FMT007", "{{ unit.name }}"),
    "leftover-block-tag": ({DOC: [(r"(二、一般公共预算支出情况)", r"{%p if budget %}\1")]}, "FMT007", "{%p if budget %}"),
    "word-error-text": ({DOC: [(r"(二、一般公共预算支出情况)", r"\1（见表错误！未定义书签。）")]}, "FMT008",
                        "错误！未定义书签。"),
    "word-error-text-english": ({DOC: [(r"(二、一般公共预算支出情况)", r"\1 Error! Reference source not found.")]},
                                "FMT008", "Error! Reference source not found."),
    "empty-heading": ({DOC: [(re.escape(H1_PARA) + "十、其他需要说明的情况",
                              H1_PARA.replace("JxH1", "JxH2") + "（一）空的一节</w:t></w:r></w:p>" + H1_PARA
                              + "十、其他需要说明的情况")]},
                      "FMT009", "标题“（一）空的一节”下没有内容"),
}


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_each_planted_defect_is_found(name, demo, out):
    edits, code, words = DEFECTS[name]
    assert not verify(demo).findings  # the base report is clean: the finding comes from the defect
    planted = plant(demo, out / f"{name}.docx", edits)
    found = [f for f in verify(planted).findings if f.code == code]
    assert found, [f.text() for f in verify(planted).findings]
    assert any(words in f.text() for f in found), [f.text() for f in found]


def test_findings_read_as_check_and_lint_findings_and_exit_1(demo, out):
    planted = plant(demo, out / "cli.docx", DEFECTS["word-error-text"][0])
    r = runner.invoke(app, ["verify", str(planted)])
    assert r.exit_code == 1
    line = r.stdout.splitlines()[0]
    assert re.fullmatch(rf"{re.escape(str(planted))}:\d+: 第\d+段: FMT008 文中有 Word 的错误提示“错误！未定义书签。”", line)
    assert r.stdout.rstrip().endswith("共 1 个错误，0 个警告。")
    clean = runner.invoke(app, ["verify", str(demo)])
    assert clean.exit_code == 0 and clean.stdout.strip().endswith("未发现问题。")
    theme = plant(demo, out / "theme.docx", DEFECTS["theme-font"][0])
    assert runner.invoke(app, ["verify", str(theme)]).exit_code == 0  # a warning
    assert runner.invoke(app, ["verify", "--strict", str(theme)]).exit_code == 1


def test_bad_input_exits_2(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    r = runner.invoke(app, ["verify", str(broken), str(tmp_path / "missing.docx"), str(tmp_path / "x.pdf")])
    assert r.exit_code == 2
    assert "无法打开 .docx" in r.stderr and "文件不存在" in r.stderr and "只检查 .docx" in r.stderr
    assert "Traceback" not in r.output


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdffonts") is None,
                    reason="LibreOffice and poppler-utils are needed")
def test_pdf_fonts_clean_and_a_missing_face_found(demo, out):
    assert not verify(demo, pdf=True).findings
    # a run in a font neither installed nor aliased: fontconfig's last resort (DejaVu) prints it
    planted = plant(demo, out / "odd-font.docx", {DOC: [(r'(<w:r>)(<w:t xml:space="preserve">一、部门基本情况)',
                                                        r'\1<w:rPr><w:rFonts w:ascii="NoSuchFont" w:hAnsi="NoSuchFont"/>'
                                                        r'</w:rPr><w:t xml:space="preserve">ABC</w:t></w:r><w:r>\2')]})
    found = [f.text() for f in verify(planted, pdf=True).findings if f.code == "FMT010"]
    assert found and "DejaVu" in found[0]
