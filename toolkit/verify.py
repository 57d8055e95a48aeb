"""``jixiao verify``: does a .docx report (ours, or one edited by hand) follow GB/T 9704-2012 as DOMAIN.md §5 states it?

It reads the package directly (document, styles, settings, footers) and reports, as :class:`~toolkit.findings.Finding`
in the format of ``check`` and ``lint``:

* the page: A4 and the margins 37 / 35 / 28 / 26 mm (FMT001); the document grid of 22 lines of 28 characters, which
  needs a character pitch, not only the line spacing (FMT002);
* the faces, as each paragraph resolves them (run, character style, paragraph style and its bases, document
  defaults): the title in 小标宋 2号, level-1 headings and attachment labels in 黑体, level-2 in 楷体, the body and
  levels 3–4 in 仿宋, all 3号, each with its East Asian font (FMT003); theme fonts that would override them (FMT004);
* the heading numbers (TXT011 / TXT012, the rules of ``jixiao lint``, from :mod:`toolkit.claims.headings`);
* the page-number footer "— N —", odd pages right and even pages left (FMT005);
* each attachment on a new page with its label 附件1, 附件2 … (FMT006);
* leftover template tags ``{{`` / ``{%`` (FMT007), Word's error text such as "错误！未定义书签。" (FMT008), a heading
  with nothing under it (FMT009);
* with ``pdf=True``, the fonts of the PDF that LibreOffice makes of it (:mod:`toolkit.pdf`): every face embedded and
  none of fontconfig's last resorts (FMT010).

Paragraphs are located as ``jixiao lint`` locates them ("第12段", counting every paragraph of the body).
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .claims.headings import check_headings, heading_level
from .errors import InputError, Problem
from .findings import ERROR, WARNING, Finding, Result, TextSpot
from .rules import Rule

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{W}}}"
NS = {"w": W, "r": R}

FMT001 = Rule("FMT001", "verify", ERROR, "纸张或页边距不符合 GB/T 9704",
         "公文用 A4 纸（210 mm × 297 mm），天头（上白边）37 mm、下白边 35 mm、订口（左白边）28 mm、右白边 26 mm，"
         "版心 156 mm × 225 mm（GB/T 9704-2012 5.2）。页边距不对，每页的行数和每行的字数都会变。",
         "report.docx: 页面设置: FMT001 上边距 25.4 mm，应为 37 mm")
FMT002 = Rule("FMT002", "verify", ERROR, "版心不是每页 22 行、每行 28 字",
         "GB/T 9704 规定每面 22 行、每行 28 个字。28 字需要“文档网格”指定字符跨度（w:docGrid 类型“linesAndChars”并给出 "
         "charSpace），只设行距时 Word 和 LibreOffice 每行只排 27 字（3 号字 16 磅 × 28 = 448 磅，比版心宽 156 mm 多出一点）。",
         "report.docx: 页面设置: FMT002 文档网格只规定了行，没有字符跨度：每行 27 字，应为 28 字")
FMT003 = Rule("FMT003", "verify", ERROR, "字体或字号不符合 GB/T 9704",
         "标题 2 号方正小标宋简体；一级标题“一、”和附件标识 3 号黑体；二级标题“（一）”3 号楷体_GB2312；三、四级标题和正文 "
         "3 号仿宋_GB2312。按每段实际生效的中文字体（w:eastAsia，依次看文字、字符样式、段落样式及其基准样式、文档默认值）判断："
         "只设西文字体时 Word/WPS 会用宋体排中文。",
         "report.docx: 第12段: FMT003 一级标题的中文字体是“宋体”，应为黑体（共 5 段）")
FMT004 = Rule("FMT004", "verify", WARNING, "使用了主题字体",
         "样式或文字的字体写成主题字体（asciiTheme、eastAsiaTheme 等）时，Word 会用文档主题中的字体代替样式中写明的字体，"
         "WPS 则常提示缺少字体。公文的字体应直接写明。",
         "report.docx: 样式“Normal”: FMT004 中文字体取自主题（eastAsiaTheme=minorEastAsia），会替代所写的字体")
FMT005 = Rule("FMT005", "verify", ERROR, "页码不符合 GB/T 9704",
         "页码用 4 号半角宋体阿拉伯数字，数字左右各放一条一字线（“— 1 —”），在版心下边缘之下；单页码居右空一字，双页码"
         "居左空一字（GB/T 9704 7.5）。需要页脚中的 PAGE 域，并在“页面设置”中勾选“奇偶页不同”。",
         "report.docx: 页脚: FMT005 页码没有区分奇偶页：双页码应居左")
FMT006 = Rule("FMT006", "verify", ERROR, "附件没有另起一页或缺少附件标识",
         "附件应另面编排，在版记之前；“附件”二字及附件顺序号用 3 号黑体顶格编排在版心左上角第一行（GB/T 9704 8）。"
         "附件说明列了几个附件，后面就应有几个附件标识。",
         "report.docx: 第88段: FMT006 “附件2”没有另起一页")
FMT007 = Rule("FMT007", "verify", ERROR, "留有模板标签",
         "文中还有 {{ … }} 或 {% … %}：模板没有渲染完，或从模板复制了文字。",
         "report.docx: 第3段: FMT007 文中留有模板标签“{{ unit.name }}”")
FMT008 = Rule("FMT008", "verify", ERROR, "文中有 Word 的错误提示",
         "“错误！未定义书签。”“错误！未找到引用源。”之类是 Word 更新域时找不到书签或引用而写进正文的文字，打印前必须处理。",
         "report.docx: 第40段: FMT008 文中有 Word 的错误提示“错误！未定义书签。”")
FMT009 = Rule("FMT009", "verify", ERROR, "空标题",
         "标题之下没有任何内容，直接接着同级或更高一级的标题（或文末）：应删去这一标题，或写上“无……”之类的说明。",
         "report.docx: 第30段: FMT009 标题“三、政府性基金预算支出情况”下没有内容")
FMT010 = Rule("FMT010", "verify", ERROR, "PDF 字体不对或未嵌入",
         "用 LibreOffice 转成 PDF 后检查嵌入的字体：每种字体都应嵌入；出现 DejaVu 之类的字体，说明某种公文字体在本机既没有"
         "安装，也没有替代字体（见 toolkit/fonts.conf），文字会以错误的字形印出。",
         "report.pdf: PDF: FMT010 PDF 中用了后备字体 DejaVuSans：有文字的字体既没有安装也没有替代")

#: the families each face may be written as (the standard names, their Windows and Founder variants)
FACES = {
    "仿宋": ("仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "方正仿宋_GBK", "方正仿宋简体"),
    "黑体": ("黑体", "SimHei", "方正黑体_GBK", "方正黑体简体"),
    "楷体": ("楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "方正楷体_GBK", "方正楷体简体"),
    "小标宋": ("方正小标宋简体", "方正小标宋_GBK", "小标宋"),
}
#: A4 and the margins in twips (1/1440 inch), with a tolerance of half a millimetre
PAGE = {"w": 210, "h": 297, "top": 37, "bottom": 35, "left": 28, "right": 26}
LINES, CHARS = 22, 28
_TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\{|\{%")
_WORD_ERRORS = re.compile(r"错误[!！]\s*(?:未定义书签|未找到引用源|文档中没有指定样式的文字|超链接引用无效|"
                          r"书签自引用无效|未指定书签名称)[。.]?|Error!\s*(?:Bookmark not defined|Reference source not "
                          r"found|No text of specified style in document)\.?")
_LABEL = re.compile(r"^附\s*件\s*(\d*)$")


def _mm(twips: str | None) -> float | None:
    return None if twips is None else int(float(twips)) * 25.4 / 1440


@dataclass
class _Para:
    index: int  # 1-based, every paragraph of the body (as lint counts them)
    el: etree._Element
    text: str
    in_table: bool = False


class _Package:
    """The parts of a .docx verify reads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with zipfile.ZipFile(path) as z:
                self.parts = {n: z.read(n) for n in z.namelist() if n.endswith((".xml", ".rels"))}
        except (zipfile.BadZipFile, OSError) as exc:
            raise InputError([Problem(f"无法打开 .docx：{getattr(exc, 'strerror', None) or '文件已损坏或不是 Word 文档'}",
                                      str(path))]) from None
        if "word/document.xml" not in self.parts:
            raise InputError([Problem("无法打开 .docx：缺少正文 word/document.xml", str(path))])
        self.document = self._xml("word/document.xml")
        self.styles = self._xml("word/styles.xml")
        self.settings = self._xml("word/settings.xml")
        rels = self._xml("word/_rels/document.xml.rels")
        self.rels = {r.get("Id"): r.get("Target") for r in rels} if rels is not None else {}

    def _xml(self, name: str):
        data = self.parts.get(name)
        if data is None:
            return None
        try:
            return etree.fromstring(data)
        except etree.XMLSyntaxError as exc:
            raise InputError([Problem(f"无法解析 .docx：{name} 不是有效的 XML（{exc}）", str(self.path))]) from None

    def part(self, rid: str):
        target = self.rels.get(rid)
        if target is None:
            return None
        name = target.lstrip("/") if target.startswith("/") else "word/" + target
        return self._xml(name)


class _Styles:
    """Resolve a paragraph's effective East Asian font, size, alignment and page break through the style chain."""

    def __init__(self, styles) -> None:
        self.by_id = {}
        self.default_para = None
        self.defaults_rpr = None
        if styles is None:
            return
        for s in styles.findall("w:style", NS):
            self.by_id[s.get(_W + "styleId")] = s
            if s.get(_W + "type") == "paragraph" and s.get(_W + "default") in ("1", "true"):
                self.default_para = s.get(_W + "styleId")
        self.defaults_rpr = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)

    def chain(self, style_id: str | None) -> list:
        out, seen = [], set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            s = self.by_id[style_id]
            out.append(s)
            based = s.find("w:basedOn", NS)
            style_id = based.get(_W + "val") if based is not None else None
        return out

    def name(self, style_id: str | None) -> str:
        s = self.by_id.get(style_id or "")
        n = s.find("w:name", NS) if s is not None else None
        return n.get(_W + "val") if n is not None else (style_id or "")

    def run_levels(self, p, r) -> list[tuple[str, etree._Element | None]]:
        """The w:rPr that decide a run's properties, nearest first, each with where it is written."""
        levels = [("文字", r.find("w:rPr", NS) if r is not None else None)]
        rstyle = r.find("w:rPr/w:rStyle", NS) if r is not None else None
        if rstyle is not None:
            levels += [(f"样式“{self.name(s.get(_W + 'styleId'))}”", s.find("w:rPr", NS))
                       for s in self.chain(rstyle.get(_W + "val"))]
        pstyle = p.find("w:pPr/w:pStyle", NS)
        sid = pstyle.get(_W + "val") if pstyle is not None else self.default_para
        levels += [(f"样式“{self.name(s.get(_W + 'styleId'))}”", s.find("w:rPr", NS)) for s in self.chain(sid)]
        levels.append(("文档默认字体", self.defaults_rpr))
        return levels

    def font(self, p, r) -> tuple[str | None, str, str | None]:
        """(East Asian font or None, where it is decided, theme attribute when a theme font decides it)."""
        for where, rpr in self.run_levels(p, r):
            fonts = rpr.find("w:rFonts", NS) if rpr is not None else None
            if fonts is None:
                continue
            theme = fonts.get(_W + "eastAsiaTheme")
            if theme:
                return None, where, f"eastAsiaTheme={theme}"
            ea = fonts.get(_W + "eastAsia")
            if ea:
                return ea, where, None
        return None, "文档默认字体", None

    def size(self, p, r) -> float | None:
        for _where, rpr in self.run_levels(p, r):
            sz = rpr.find("w:sz", NS) if rpr is not None else None
            if sz is not None and sz.get(_W + "val"):
                return int(sz.get(_W + "val")) / 2
        return 10.0  # the schema's default

    def ppr(self, p, tag: str):
        """The nearest w:pPr child ``tag`` of a paragraph: direct, then its style chain."""
        el = p.find(f"w:pPr/w:{tag}", NS)
        if el is not None:
            return el
        pstyle = p.find("w:pPr/w:pStyle", NS)
        sid = pstyle.get(_W + "val") if pstyle is not None else self.default_para
        for s in self.chain(sid):
            el = s.find(f"w:pPr/w:{tag}", NS)
            if el is not None:
                return el
        return None


def _on(el) -> bool:
    return el is not None and el.get(_W + "val") not in ("0", "false", "off")


def _text(el) -> str:
    out = []
    for node in el.iter(_W + "t", _W + "tab", _W + "br", _W + "instrText", _W + "fldSimple"):
        if node.tag == _W + "t":
            out.append(node.text or "")
        elif node.tag == _W + "tab":
            out.append("\t")
        elif node.tag == _W + "br" and node.get(_W + "type") in (None, "textWrapping"):
            out.append("\n")
    return "".join(out)


def verify(path: str | Path, pdf: bool = False) -> Result:
    """Check a .docx report against GB/T 9704; returns a :class:`~toolkit.findings.Result`.

    With ``pdf=True`` the report is also converted to PDF (LibreOffice, :mod:`toolkit.pdf`) and the PDF's fonts are
    checked. Raises :class:`~toolkit.errors.InputError` for a missing or broken file, and
    :class:`~toolkit.errors.PdfError` when the PDF cannot be made.
    """
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise InputError([Problem(f"jixiao verify 只检查 .docx 报告（收到“{path.suffix or '无扩展名'}”）；"
                                  "PDF 用 jixiao verify 报告.docx --pdf 检查", str(path))])
    if not path.is_file():
        raise InputError([Problem("文件不存在", str(path))])
    pkg = _Package(path)
    result = Result(str(path))
    styles = _Styles(pkg.styles)
    paras = _paragraphs(pkg.document)
    checks = (_page, _grid, _faces, _themes, _headings, _footers, _attachments, _leftovers, _empty_headings)
    for check in checks:
        result.extend(check(pkg, styles, paras))
    if pdf:
        result.extend(_pdf_fonts(path))
    return result


def _paragraphs(document) -> list[_Para]:
    body = document.find("w:body", NS)
    out, index = [], 0
    for el in body:
        if el.tag == _W + "p":
            index += 1
            out.append(_Para(index, el, _text(el).strip()))
        elif el.tag == _W + "tbl":
            for p in el.iter(_W + "p"):
                out.append(_Para(index, p, _text(p).strip(), in_table=True))
    return out


def _finding(rule: Rule, message: str, where: str, index: int | None = None, expected=None, found=None,
             quote: str | None = None) -> Finding:
    """A finding of ``rule``: at paragraph ``index`` ("第12段"), or about ``where`` (页面设置, 页脚, a style, the PDF),
    which then opens the message."""
    spot = TextSpot(index, index) if index is not None else TextSpot()
    if index is None:
        message = f"{where}：{message}"
    return rule.finding(message, spot, expected=None if expected is None else str(expected),
                        found=None if found is None else str(found), quote=quote)


def _sections(pkg: _Package) -> list:
    return pkg.document.findall(".//w:sectPr", NS)


def _page(pkg, styles, paras):
    out = []
    for n, sect in enumerate(_sections(pkg), 1):
        where = "页面设置" if len(_sections(pkg)) == 1 else f"页面设置（第{n}节）"
        size, mar = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
        w = _mm(size.get(_W + "w")) if size is not None else None
        h = _mm(size.get(_W + "h")) if size is not None else None
        if w is None or h is None or abs(w - PAGE["w"]) > 0.5 or abs(h - PAGE["h"]) > 0.5:
            got = f"{w:.0f} mm × {h:.0f} mm" if w and h else "没有写明"
            out.append(_finding(FMT001, f"纸张 {got}，应为 A4（210 mm × 297 mm）", where,
                                expected="210 mm × 297 mm", found=got))
        names = {"top": "上边距", "bottom": "下边距", "left": "左边距（订口）", "right": "右边距"}
        for side, label in names.items():
            got = _mm(mar.get(_W + side)) if mar is not None else None
            if got is None or abs(got - PAGE[side]) > 0.5:
                shown = f"{got:.1f} mm" if got is not None else "没有写明"
                out.append(_finding(FMT001, f"{label} {shown}，应为 {PAGE[side]} mm", where,
                                    expected=f"{PAGE[side]} mm", found=shown))
    return out


def _base_size(styles: _Styles) -> float:
    """The font size a document grid's character pitch is measured from (the default paragraph style's)."""
    for s in styles.chain(styles.default_para):
        sz = s.find("w:rPr/w:sz", NS)
        if sz is not None:
            return int(sz.get(_W + "val")) / 2
    sz = styles.defaults_rpr.find("w:sz", NS) if styles.defaults_rpr is not None else None
    return int(sz.get(_W + "val")) / 2 if sz is not None else 10.0


def _grid(pkg, styles, paras):
    out = []
    for sect in _sections(pkg)[-1:]:  # the report's body section
        size, mar, grid = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS), sect.find("w:docGrid", NS)
        if size is None or mar is None:
            continue
        width = int(size.get(_W + "w")) - int(mar.get(_W + "left", 0)) - int(mar.get(_W + "right", 0))
        height = int(size.get(_W + "h")) - abs(int(mar.get(_W + "top", 0))) - abs(int(mar.get(_W + "bottom", 0)))
        kind = grid.get(_W + "type") if grid is not None else None
        pitch = grid.get(_W + "linePitch") if grid is not None else None
        lines = height // int(pitch) if pitch else None
        if kind not in ("lines", "linesAndChars", "snapToChars") or lines != LINES:
            got = f"{lines} 行" if lines else "没有文档网格"
            out.append(_finding(FMT002, f"每页 {got}，应为 {LINES} 行（文档网格行跨度约 28.95 磅）", "页面设置",
                                expected=f"{LINES} 行", found=got))
        base = _base_size(styles)
        if kind in ("linesAndChars", "snapToChars") and grid.get(_W + "charSpace"):
            cell = base + int(grid.get(_W + "charSpace")) / 4096
            chars = int(width / 20 / cell) if cell > 0 else 0
            how = f"字符跨度 {cell:.2f} 磅"
        else:
            chars = int(width / 20 / 16)  # 3号 characters without a pitch
            how = "文档网格没有字符跨度"
        if chars != CHARS:
            out.append(_finding(FMT002, f"{how}：每行 {chars} 字，应为 {CHARS} 字", "页面设置",
                                expected=f"{CHARS} 字", found=f"{chars} 字"))
    return out


def _first_run(p):
    for r in p.iter(_W + "r"):
        if "".join(t.text or "" for t in r.iter(_W + "t")).strip():
            return r
    return None


def _kind(p: _Para, seen_heading: bool, size: float | None, after_label: bool,
          centred: bool) -> tuple[str, str, float | None] | None:
    """(what the paragraph is, the face it needs, its size or None) for the paragraphs GB/T 9704 fixes."""
    if p.in_table or not p.text:
        return None
    if _LABEL.match(p.text):
        return "附件标识", "黑体", 16
    if after_label:
        return "附件标题", "小标宋", None
    if not seen_heading and (size is not None and size >= 18 or centred):
        return "标题", "小标宋", 22
    level = heading_level(p.text)
    if level == 1:
        return "一级标题", "黑体", 16
    if level == 2:
        return "二级标题", "楷体", 16
    if level in (3, 4):
        return f"{'三' if level == 3 else '四'}级标题", "仿宋", 16
    if len(p.text) >= 10 and size is not None and size >= 14:
        return "正文", "仿宋", 16
    return None


def _faces(pkg, styles, paras):
    wrong: dict[tuple[str, str], list[tuple[_Para, str]]] = {}
    seen_heading = after_label = seen_text = False
    listed = set(_attachment_list(paras)[0])
    for k, p in enumerate(paras):
        if k in listed or not p.text or p.in_table:
            continue
        r = _first_run(p.el)
        size = styles.size(p.el, r) if r is not None else None
        jc = styles.ppr(p.el, "jc")
        centred = jc is not None and jc.get(_W + "val") == "center"
        kind = _kind(p, seen_heading, size, after_label, centred)
        after_label = bool(_LABEL.match(p.text)) and seen_text  # a label above the title labels the whole report
        seen_text = True
        if kind is None:
            continue
        what, face, want_size = kind
        if what.endswith("标题") and what != "标题":
            seen_heading = True
        font, _where, theme = styles.font(p.el, r)
        if theme:
            continue  # FMT004 says it
        if font not in FACES[face]:
            wrong.setdefault((what, f"的中文字体是“{font}”" if font else "没有写明中文字体（Word/WPS 会用宋体）"),
                             []).append((p, face))
        elif want_size is not None and size is not None and abs(size - want_size) > 0.25:
            wrong.setdefault((what, f"的字号是 {size:g} 磅"), []).append((p, f"{want_size:g} 磅"))
    out = []
    for (what, problem), items in wrong.items():
        p, want = items[0]
        more = f"（共 {len(items)} 段）" if len(items) > 1 else ""
        should = f"应为{want}" if not want.endswith("磅") else f"应为 {want}"
        out.append(_finding(FMT003, f"{what}{problem}，{should}{more}", f"第{p.index}段", p.index,
                            expected=want, found=problem, quote=p.text[:60]))
    return out


def _themes(pkg, styles, paras):
    out, seen = [], set()
    candidates = [("文档默认字体", styles.defaults_rpr)]
    used = {el.get(_W + "val") for el in pkg.document.iter(_W + "pStyle", _W + "rStyle")}
    used.add(styles.default_para)
    for sid in used:
        for s in styles.chain(sid):
            candidates.append((f"样式“{styles.name(s.get(_W + 'styleId'))}”", s.find("w:rPr", NS)))
    for where, rpr in candidates:
        fonts = rpr.find("w:rFonts", NS) if rpr is not None else None
        if fonts is None or where in seen:
            continue
        seen.add(where)
        themes = [f"{a}={fonts.get(_W + a)}" for a in ("eastAsiaTheme", "asciiTheme", "hAnsiTheme")
                  if fonts.get(_W + a)]
        if themes:
            out.append(_finding(FMT004, f"字体取自文档主题（{'，'.join(themes)}），会替代所写的字体", where))
    direct = [p for p in paras if any(f.get(_W + "eastAsiaTheme") or f.get(_W + "asciiTheme")
                                      for f in p.el.iterfind("w:r/w:rPr/w:rFonts", NS))]
    if direct:
        p = direct[0]
        more = f"（共 {len(direct)} 段）" if len(direct) > 1 else ""
        out.append(_finding(FMT004, f"文字的字体取自文档主题，会替代所写的字体{more}", f"第{p.index}段", p.index,
                            quote=p.text[:60]))
    return out


def _headings(pkg, styles, paras):
    body = [p for p in paras if not p.in_table and p.text]
    out = []
    for k, issue in check_headings([p.text for p in body]):
        p = body[k]
        out.append(issue.at(TextSpot(p.index, p.index), quote=p.text[:60]))
    return out


def _footer_paragraph(pkg, sect, kind: str):
    ref = next((f for f in sect.findall("w:footerReference", NS) if f.get(_W + "type") == kind), None)
    if ref is None:
        return None
    part = pkg.part(ref.get(f"{{{R}}}id"))
    if part is None:
        return None
    for p in part.iter(_W + "p"):
        instr = "".join(t.text or "" for t in p.iter(_W + "instrText")) + "".join(
            f.get(_W + "instr", "") for f in p.iter(_W + "fldSimple"))
        if re.search(r"\bPAGE\b", instr):
            return p
    return False  # a footer without a page number


def _footers(pkg, styles, paras):
    out = []
    sect = _sections(pkg)[-1] if _sections(pkg) else None
    if sect is None:
        return [_finding(FMT005, "没有页面设置，也就没有页码", "页脚")]
    even_odd = pkg.settings is not None and _on(pkg.settings.find("w:evenAndOddHeaders", NS))
    for kind, label, side in (("default", "单页", ("right", "end")), ("even", "双页", ("left", "start"))):
        p = _footer_paragraph(pkg, sect, kind)
        if kind == "even" and not even_odd:
            out.append(_finding(FMT005, "页码没有区分奇偶页（“奇偶页不同”未勾选）：双页码应居左", "页脚"))
            break
        if p is None:
            out.append(_finding(FMT005, f"没有{label}页脚", "页脚"))
            continue
        if p is False:
            out.append(_finding(FMT005, f"{label}页脚中没有页码（PAGE 域）", "页脚"))
            continue
        jc = styles.ppr(p, "jc")
        align = jc.get(_W + "val") if jc is not None else "left"
        if align not in side:
            want = "居右" if side[0] == "right" else "居左"
            out.append(_finding(FMT005, f"{label}页码应{want}，现为“{align}”", "页脚", expected=want, found=align))
        shown = re.sub(r"\s+", " ", _text(p)).strip()
        if not re.fullmatch(r"[—―]\s?\S+\s?[—―]", shown):
            out.append(_finding(FMT005, f"{label}页码应写作“— 1 —”（数字左右各一条一字线），现为“{shown}”",
                                "页脚", expected="— 1 —", found=shown))
    return out


def _page_break_before(styles: _Styles, paras: list[_Para], k: int) -> bool:
    p = paras[k]
    if _on(styles.ppr(p.el, "pageBreakBefore")):
        return True
    first_text = None
    for r in p.el.iter(_W + "r"):
        if r.find("w:br[@w:type='page']", NS) is not None and first_text is None:
            return True
        if r.find("w:t", NS) is not None:
            first_text = r
            break
    for prev in reversed(paras[:k]):
        if prev.in_table:
            return False
        if prev.el.find("w:pPr/w:sectPr", NS) is not None:
            return True  # a section break (next page is Word's default)
        breaks = [br for br in prev.el.iter(_W + "br") if br.get(_W + "type") == "page"]
        if breaks:
            return True
        if prev.text:
            return False
    return k == 0


def _attachments(pkg, styles, paras):
    out = []
    body = [(k, p) for k, p in enumerate(paras) if not p.in_table]
    labels = [(k, p) for k, p in body if p.text and _LABEL.match(p.text)]
    first_text = next((k for k, p in body if p.text), None)
    listed = _attachment_list(paras)[1]
    in_body = [(k, p) for k, p in labels if k != first_text]  # "附件4" above the title labels the whole report
    for k, p in in_body:
        if not _page_break_before(styles, paras, k):
            out.append(_finding(FMT006, f"“{p.text}”没有另起一页", f"第{p.index}段", p.index, quote=p.text))
        nxt = next((q for q in paras[k + 1:] if q.text or q.in_table), None)
        if nxt is None or nxt.in_table:
            out.append(_finding(FMT006, f"“{p.text}”之后没有附件标题", f"第{p.index}段", p.index, quote=p.text))
    numbers = [_LABEL.match(p.text).group(1) for _k, p in in_body]
    if len(numbers) > 1 and numbers != [str(n) for n in range(1, len(numbers) + 1)]:
        got = "、".join(f"附件{n}" for n in numbers)
        out.append(_finding(FMT006, f"附件标识应依次为附件1、附件2……，现为{got}", "附件"))
    if listed and listed != len(in_body):
        out.append(_finding(FMT006, f"附件说明列了 {listed} 个附件，文中有 {len(in_body)} 个附件标识", "附件",
                            expected=listed, found=len(in_body)))
    return out


def _attachment_list(paras: list[_Para]) -> tuple[list[int], int]:
    """The 附件说明 (GB/T 9704 7.3.4): the indices of its paragraphs, "附件：1. …" and the numbered lines under it
    (or "附件：…" alone), and how many attachments it names."""
    for k, p in enumerate(paras):
        if p.in_table:
            continue
        m = re.match(r"^附\s*件[：:]\s*(1[.．、])?", p.text)
        if not m:
            continue
        indices = [k]
        if m.group(1):
            for j in range(k + 1, len(paras)):
                q = paras[j]
                if q.in_table or not re.match(r"^\d+[.．、]", q.text):
                    break
                indices.append(j)
        return indices, len(indices)
    return [], 0


def _leftovers(pkg, styles, paras):
    out = []
    for p in paras:
        where = "表格中" if p.in_table else "文中"
        m = _TAGS.search(p.text)
        if m:
            out.append(_finding(FMT007, f"{where}留有模板标签“{m.group(0)[:40]}”", "", p.index, quote=p.text[:60]))
        m = _WORD_ERRORS.search(p.text)
        if m:
            out.append(_finding(FMT008, f"{where}有 Word 的错误提示“{m.group(0)}”", "", p.index, quote=p.text[:60]))
    for name, data in pkg.parts.items():
        if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
            text = _text(etree.fromstring(data))
            where = "页眉" if "header" in name else "页脚"
            for pattern, rule, say in ((_TAGS, FMT007, "留有模板标签"), (_WORD_ERRORS, FMT008, "有 Word 的错误提示")):
                m = pattern.search(text)
                if m:
                    out.append(_finding(rule, f"{say}“{m.group(0)[:40]}”", where))
    return out


def _empty_headings(pkg, styles, paras):
    out = []
    flat: list[tuple[_Para, int | None]] = []  # (paragraph, heading level; None for content, 0 for the end)
    listed = set(_attachment_list(paras)[0])
    for k, p in enumerate(paras):
        if k in listed:
            flat.append((p, 0))
        elif p.in_table:
            flat.append((p, None))
        elif not p.text:
            continue
        elif _LABEL.match(p.text) or re.match(r"^附\s*件[：:]", p.text):
            flat.append((p, 0))  # the attachments end the text: a heading right before them is empty
        else:
            flat.append((p, heading_level(p.text)))
    for i, (p, level) in enumerate(flat):
        if not level:
            continue
        nxt = flat[i + 1] if i + 1 < len(flat) else None
        if nxt is None or (nxt[1] is not None and nxt[1] <= level):
            out.append(_finding(FMT009, f"标题“{p.text[:40]}”下没有内容", f"第{p.index}段", p.index,
                                quote=p.text[:60]))
    return out


#: fontconfig's last resorts: a face in the PDF from this list means a font had neither the real face nor an alias
FALLBACK_FACES = ("DejaVu", "LiberationSans", "Liberation Sans", "FreeSans", "Ubuntu")


def _pdf_fonts(path: Path) -> list[Finding]:
    import tempfile

    from . import pdf

    with tempfile.TemporaryDirectory(prefix="jixiao-verify-") as tmp:
        made = pdf.convert_to(path, Path(tmp) / f"{path.stem}.pdf")
        fonts = pdf.fonts(made)
    out = []
    for f in fonts:
        if not f.embedded:
            out.append(_finding(FMT010, f"PDF 中的字体 {f.name} 没有嵌入：别的电脑打开时字形会变", "PDF"))
        if any(f.name.startswith(fb) for fb in FALLBACK_FACES):
            out.append(_finding(FMT010, f"PDF 中用了后备字体 {f.name}：有文字的字体既没有安装也没有替代", "PDF"))
    return out
