"""Native Word charts of a report's figures: DrawingML chart parts that Word, WPS and LibreOffice read and edit.

A chart is a :class:`ChartSpec` built from the figures the text prints (:class:`toolkit.word.context.Figures` and
the domain core: :mod:`toolkit.domain.execution`, :mod:`toolkit.domain.scoring`) — never re-computed here — and
written as three things:

* the chart part ``word/charts/chartN.xml`` (``c:chartSpace``), whose series carry their numbers as cached values
  (``c:numCache`` / ``c:strCache``, the Decimal's own digits) so every consumer draws them without a spreadsheet;
* a small embedded workbook ``word/embeddings/jixiao-chartN.xlsx`` holding the same table, which Word's and WPS's
  "编辑数据" open (the series formulas point into it);
* the paragraph holding the chart inline (``w:drawing`` / ``wp:inline`` / ``c:chart r:id``), and the package's
  relationships and content types for the parts.

The names a template can place with ``{{p chart('NAME') }}`` are :data:`NAMES`. A chart without data (no
功能分类, an unscored indicator table …) places nothing; so does one the report switches off (``charts:`` in the
YAML, ``render --no-charts``).

The renderer's hook is two calls: :class:`Charts` is the context's ``chart`` (it records what the body placed),
and :meth:`Charts.package` gives the parts to add plus the edited ``word/_rels/document.xml.rels`` and
``[Content_Types].xml``.
"""
from __future__ import annotations

import functools
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

from markupsafe import Markup

from ..domain import execution, scoring
from ..limits import limit, shown
from ..model import CHARTS, Report
from ..numbers import fmt_money, fmt_number
from .ooxml import BODY, esc
from .package import DEFLATED, Base
from .sandbox import LimitExceeded

#: every chart a template can place, with what it shows (docs/templates.md, docs/yaml-reference.md)
NAMES: dict[str, str] = {
    "by_nature": "支出按性质：人员经费、公用经费（基本支出）与项目支出",
    "by_function": "支出按功能分类（支出合计的功能分类）",
    "project_by_function": "项目支出按功能分类",
    "execution": "预算数与实际支出数：支出合计、基本支出、项目支出",
    "scores": "各一级指标的分值与得分（预算执行率单列）",
}
assert tuple(NAMES) == CHARTS  # the names the YAML accepts (toolkit/model.py) are the charts drawn here

_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CHART_REL = f"{_R}/chart"
PACKAGE_REL = f"{_R}/package"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: fill colours of the series (or of a pie's slices): dark blue, orange, grey, ochre, green, light blue, red
PALETTE = ("2F5597", "C55A11", "7F7F7F", "BF9000", "548235", "5B9BD5", "A5373B", "7030A0")
#: the chart's text: 黑体 for the title, 仿宋_GB2312 for the rest (Times New Roman for digits), as in the body
TITLE_FONT, TEXT_FONT, LATIN_FONT = "黑体", "仿宋_GB2312", "Times New Roman"
EMU_PER_MM = 36000
WIDTH_MM = 150
#: relationship ids and drawing ids of charts stay clear of a template's own (rId1…, drawings 1…)
_RID = "rIdJxChart{}"
_DOC_PR_BASE = 7400


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class ChartSpec:
    """One chart: its kind (``pie``, ``bar`` horizontal, ``column``), title, categories and series."""

    name: str
    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    number_format: str  # Excel number format of the values and their labels
    #: value -> text, for the drawing's alternative text (the figures as the body prints them)
    describe: Callable[[Decimal], str]

    @property
    def height_mm(self) -> int:
        if self.kind == "bar":
            return min(160, 22 + 9 * len(self.categories) * max(1, len(self.series)))
        return 75

    def alt_text(self) -> str:
        """The chart as one sentence (the drawing's 替代文字, read aloud by a screen reader)."""
        parts = []
        for s in self.series:
            lead = f"{s.name}：" if len(self.series) > 1 else ""
            parts.append(lead + "，".join(f"{c}{self.describe(v)}" for c, v in zip(self.categories, s.values)
                                          if v is not None))
        return f"{self.title}。" + "；".join(parts) + "。"


# ----------------------------------------------------------------------------------------------------------------
# Chart specs from a report: the figures of the text
# ----------------------------------------------------------------------------------------------------------------


def _money(v: Decimal) -> str:
    return f"{fmt_money(v)}万元"


def _points(v: Decimal) -> str:
    return f"{fmt_number(v)}分"


def _pie(name: str, title: str, pairs: list[tuple[str, Decimal | None]]) -> ChartSpec | None:
    """A pie of parts of one whole: at least two parts, none negative, not all zero."""
    pairs = [(label, v) for label, v in pairs if v is not None]
    if len(pairs) < 2 or any(v < 0 for _l, v in pairs) or not any(v for _l, v in pairs):
        return None
    return ChartSpec(name, "pie", title, tuple(label for label, _v in pairs),
                     (Series("金额", tuple(v for _l, v in pairs)),), "0.00", _money)


def by_nature(report: Report, fig) -> ChartSpec | None:
    """人员经费 + 公用经费 (基本支出) and 项目支出 as printed; 基本支出 whole when its parts are not both given."""
    title = f"{report.year}年支出按性质构成（万元）"
    if fig.personnel is not None and fig.public is not None:
        pairs = [("基本支出：人员经费", fig.personnel), ("基本支出：公用经费", fig.public), ("项目支出", fig.project)]
    else:
        pairs = [("基本支出", fig.basic), ("项目支出", fig.project)]
    return _pie("by_nature", title, pairs)


def _function_bars(name: str, title: str, items) -> ChartSpec | None:
    items = [i for i in items if i.amount is not None]
    if len(items) < 2:
        return None
    return ChartSpec(name, "bar", title, tuple(i.label for i in items),
                     (Series("金额", tuple(i.amount for i in items)),), "0.00", _money)


def by_function(report: Report, fig) -> ChartSpec | None:
    ex = report.budget.expenditure
    return _function_bars("by_function", f"{report.year}年支出按功能分类（万元）", ex.by_function if ex else [])


def project_by_function(report: Report, fig) -> ChartSpec | None:
    ex = report.budget.expenditure
    project = ex.project if ex else None
    return _function_bars("project_by_function", f"{report.year}年项目支出按功能分类（万元）",
                          project.by_function if project else [])


def budget_execution(report: Report, fig) -> ChartSpec | None:
    """全年预算数 (declared, or 年初 + 调整) against 实际支出数 of 支出合计, 基本支出 and 项目支出 — the stages the text
    and 附件1 print; a line without both is left out."""
    ex = report.budget.expenditure
    if ex is None:
        return None
    lines = [("支出合计", ex, fig.expenditure), ("基本支出", ex.basic, fig.basic), ("项目支出", ex.project, fig.project)]
    rows = [(label, execution.full_budget(f), actual) for label, f, actual in lines
            if f is not None and actual is not None and execution.full_budget(f) is not None]
    if not rows:
        return None
    return ChartSpec("execution", "column", f"{report.year}年预算数与实际支出数（万元）",
                     tuple(label for label, _b, _a in rows),
                     (Series("全年预算数", tuple(b for _l, b, _a in rows)),
                      Series("实际支出数", tuple(a for _l, _b, a in rows))), "0.00", _money)


def indicator_scores(report: Report, fig) -> ChartSpec | None:
    """分值 and 得分 of each 一级指标 (Σ of its indicators, :func:`toolkit.domain.scoring.level1_score`) and of 预算执行率
    as the 自评表 prints them; none for an ungrouped indicator list or one not fully scored."""
    ind = report.indicators
    if ind.ungrouped or not ind.groups:
        return None
    rows: list[tuple[str, Decimal, Decimal | None]] = []
    if ind.execution is not None:
        rows.append(("预算执行率", ind.execution.weight, fig.exec_score))
    rows += [(g1.name, scoring.level1_weight(g1), scoring.level1_score(g1)) for g1 in ind.groups]
    if len(rows) < 2 or any(score is None for _n, _w, score in rows):
        return None
    return ChartSpec("scores", "column", f"{report.year}年各一级指标分值与得分（分）",
                     tuple(n for n, _w, _s in rows),
                     (Series("分值", tuple(w for _n, w, _s in rows)), Series("得分", tuple(s for _n, _w, s in rows))),
                     "General", _points)


_BUILDERS = {"by_nature": by_nature, "by_function": by_function, "project_by_function": project_by_function,
             "execution": budget_execution, "scores": indicator_scores}


def enabled(report: Report) -> set[str]:
    """The charts a report allows: ``charts:`` true or absent — all; false — none; a list — those named."""
    setting = getattr(report, "charts", None)
    if setting is None or setting is True:
        return set(NAMES)
    if setting is False:
        return set()
    return set(setting)


def specs(report: Report, fig) -> dict[str, ChartSpec]:
    """The charts the report allows and has the data for, by name."""
    allowed = enabled(report)
    out = {}
    for name, build in _BUILDERS.items():
        spec = build(report, fig) if name in allowed else None
        if spec is not None:
            out[name] = spec
    return out


# ----------------------------------------------------------------------------------------------------------------
# The chart part (c:chartSpace)
# ----------------------------------------------------------------------------------------------------------------


def _num(v: Decimal) -> str:
    """A Decimal as the cached value's text: its own digits, never through a float."""
    return format(v, "f")


def _col(n: int) -> str:
    """Spreadsheet column letters: 0 -> A, 1 -> B …"""
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _text_props(size: int, font: str = TEXT_FONT, bold: bool = False, color: str = "404040") -> str:
    b = ' b="1"' if bold else ' b="0"'
    return (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}"{b}>'
            f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>'
            f'<a:latin typeface="{LATIN_FONT}"/><a:ea typeface="{font}"/><a:cs typeface="{font}"/>'
            f'</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>')


def _fill(color: str) -> str:
    return f'<c:spPr><a:solidFill><a:srgbClr val="{color}"/></a:solidFill></c:spPr>'


def _str_cache(ref: str, values: tuple[str, ...]) -> str:
    pts = "".join(f'<c:pt idx="{k}"><c:v>{esc(v)}</c:v></c:pt>' for k, v in enumerate(values))
    return f"<c:strRef><c:f>{ref}</c:f><c:strCache><c:ptCount val=\"{len(values)}\"/>{pts}</c:strCache></c:strRef>"


def _num_cache(ref: str, values: tuple[Decimal | None, ...], fmt: str) -> str:
    pts = "".join(f'<c:pt idx="{k}"><c:v>{_num(v)}</c:v></c:pt>' for k, v in enumerate(values) if v is not None)
    return (f"<c:numRef><c:f>{ref}</c:f><c:numCache><c:formatCode>{esc(fmt)}</c:formatCode>"
            f'<c:ptCount val="{len(values)}"/>{pts}</c:numCache></c:numRef>')


def _labels(spec: ChartSpec, position: str, category: bool = False) -> str:
    return (f'<c:dLbls><c:numFmt formatCode="{esc(spec.number_format)}" sourceLinked="0"/>'
            '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>' + _text_props(900)
            + f'<c:dLblPos val="{position}"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
            f'<c:showCatName val="{int(category)}"/><c:showSerName val="0"/><c:showPercent val="0"/>'
            '<c:showBubbleSize val="0"/>' + ('<c:separator>：</c:separator>' if category else "")
            + ('<c:showLeaderLines val="1"/>' if spec.kind == "pie" else "") + "</c:dLbls>")


def _series(spec: ChartSpec) -> str:
    rows = len(spec.categories)
    cats = _str_cache(f"Sheet1!$A$2:$A${rows + 1}", spec.categories)
    out = []
    for k, s in enumerate(spec.series):
        col = _col(k + 1)
        tx = _str_cache(f"Sheet1!${col}$1", (s.name,))
        if spec.kind == "pie":
            look = "".join(f'<c:dPt><c:idx val="{j}"/><c:bubble3D val="0"/>{_fill(PALETTE[j % len(PALETTE)])}</c:dPt>'
                           for j in range(rows))
            look = _fill(PALETTE[0]) + look
            labels = _labels(spec, "outEnd")
        else:
            look = _fill(PALETTE[k % len(PALETTE)]) + '<c:invertIfNegative val="0"/>'
            labels = _labels(spec, "outEnd")
        out.append(f'<c:ser><c:idx val="{k}"/><c:order val="{k}"/><c:tx>{tx}</c:tx>{look}{labels}'
                   f"<c:cat>{cats}</c:cat><c:val>{_num_cache(f'Sheet1!${col}$2:${col}${rows + 1}', s.values, spec.number_format)}"
                   "</c:val></c:ser>")
    return "".join(out)


_NO_LINE = "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"


def _axes(spec: ChartSpec) -> str:
    horizontal = spec.kind == "bar"
    # a horizontal bar chart lists its categories top-down, in the order of the text
    orientation = "maxMin" if horizontal else "minMax"
    cat = ('<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="%s"/></c:scaling><c:delete val="0"/>'
           '<c:axPos val="%s"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
           '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
           '<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="A6A6A6"/></a:solidFill></a:ln></c:spPr>%s'
           '<c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
           '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
           % (orientation, "l" if horizontal else "b", _text_props(900)))
    # the values are on the bars (data labels): the value axis is hidden, light gridlines stay on columns
    grid = "" if horizontal else ('<c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="D9D9D9"/>'
                                  "</a:solidFill></a:ln></c:spPr></c:majorGridlines>")
    # from 0 (a bar's length is its amount), unless a value is negative
    floor = "" if any(v is not None and v < 0 for s in spec.series for v in s.values) else '<c:min val="0"/>'
    val = (f'<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/>{floor}</c:scaling>'
           f'<c:delete val="{int(horizontal)}"/><c:axPos val="{"b" if horizontal else "l"}"/>{grid}'
           '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
           f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{_NO_LINE}{_text_props(900)}'
           '<c:crossAx val="5001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>')
    return cat + val


def chart_xml(spec: ChartSpec) -> bytes:
    """The chart part: ``c:chartSpace`` with the series' numbers cached, linked to the embedded workbook."""
    if spec.kind == "pie":
        plot = f'<c:pieChart><c:varyColors val="1"/>{_series(spec)}<c:firstSliceAng val="0"/></c:pieChart>'
    else:
        direction = "bar" if spec.kind == "bar" else "col"
        plot = (f'<c:barChart><c:barDir val="{direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
                f'{_series(spec)}<c:gapWidth val="80"/><c:overlap val="-10"/><c:axId val="5001"/>'
                f'<c:axId val="5002"/></c:barChart>{_axes(spec)}')
    legend = ""
    if spec.kind == "pie" or len(spec.series) > 1:
        legend = (f'<c:legend><c:legendPos val="{"r" if spec.kind == "pie" else "t"}"/><c:overlay val="0"/>'
                  f"{_text_props(900)}</c:legend>")
    title = (f'<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="0">'
             f'<a:latin typeface="{LATIN_FONT}"/><a:ea typeface="{TITLE_FONT}"/><a:cs typeface="{TITLE_FONT}"/>'
             f'</a:defRPr></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="0"><a:latin typeface="{LATIN_FONT}"/>'
             f'<a:ea typeface="{TITLE_FONT}"/><a:cs typeface="{TITLE_FONT}"/></a:rPr><a:t>{esc(spec.title)}</a:t>'
             '</a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>')
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<c:chartSpace xmlns:c="{_C}" xmlns:a="{_A}" xmlns:r="{_R}">'
           '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>'
           f'<c:chart>{title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>{plot}{_NO_LINE}</c:plotArea>'
           f'{legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
           f'<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>'
           f'{_text_props(900)}<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>'
           "</c:chartSpace>")
    return xml.encode("utf-8")


def chart_rels(n: int) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{PACKAGE_REL}" Target="../embeddings/jixiao-chart{n}.xlsx"/>'
            "</Relationships>").encode("utf-8")


_SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


#: every workbook part's time stamp: a chart's workbook is the same bytes for the same data
_WORKBOOK_TIME = (2024, 1, 1, 0, 0, 0)


def _zip_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_WORKBOOK_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


@functools.cache
def _workbook_base() -> Base:
    """The parts every chart's workbook shares (package, workbook, styles, openpyxl's Office theme — what Excel
    expects), compressed once; :func:`workbook` appends the sheet and its strings to a copy."""
    from openpyxl.writer.theme import theme_xml

    rel = "http://schemas.openxmlformats.org/package/2006/relationships"
    office = "application/vnd.openxmlformats-officedocument"
    types = {"/xl/workbook.xml": f"{office}.spreadsheetml.sheet.main+xml",
             "/xl/worksheets/sheet1.xml": f"{office}.spreadsheetml.worksheet+xml",
             "/xl/sharedStrings.xml": f"{office}.spreadsheetml.sharedStrings+xml",
             "/xl/styles.xml": f"{office}.spreadsheetml.styles+xml", "/xl/theme/theme1.xml": f"{office}.theme+xml"}
    book_rels = (("worksheet", "worksheets/sheet1.xml"), ("sharedStrings", "sharedStrings.xml"),
                 ("styles", "styles.xml"), ("theme", "theme/theme1.xml"))
    head = _XML_HEAD
    parts = {
        "[Content_Types].xml": head + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in types.items()) + "</Types>",
        "_rels/.rels": head + f'<Relationships xmlns="{rel}"><Relationship Id="rId1" '
        f'Type="{_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": head + f'<workbook xmlns="{_SHEET_NS}" xmlns:r="{_R}"><sheets><sheet name="Sheet1" '
        'sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": head + f'<Relationships xmlns="{rel}">' + "".join(
            f'<Relationship Id="rId{k}" Type="{_R}/{kind}" Target="{target}"/>'
            for k, (kind, target) in enumerate(book_rels, 1)) + "</Relationships>",
        "xl/styles.xml": head + f'<styleSheet xmlns="{_SHEET_NS}"><fonts count="1"><font><sz val="11"/>'
        '<name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>'
        '<patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/>'
        '<bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
        'borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
        'xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>",
        "xl/theme/theme1.xml": theme_xml,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in parts.items():
            z.writestr(_zip_entry(name), text.encode("utf-8"))
    return Base(buf.getvalue())


def workbook(spec: ChartSpec) -> bytes:
    """The chart's table as a small .xlsx (one sheet, shared strings): what Word's and WPS's "编辑数据" open."""
    strings: list[str] = []

    def cell(ref: str, value: Any) -> str:
        if isinstance(value, Decimal):
            return f'<c r="{ref}"><v>{_num(value)}</v></c>'
        strings.append(str(value))
        return f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'

    rows = [[None] + [s.name for s in spec.series]]
    rows += [[c] + [s.values[k] for s in spec.series] for k, c in enumerate(spec.categories)]
    sheet_rows = "".join(
        f'<row r="{r}">' + "".join(cell(f"{_col(k)}{r}", v) for k, v in enumerate(row) if v is not None) + "</row>"
        for r, row in enumerate(rows, 1))
    sheet = _XML_HEAD + f'<worksheet xmlns="{_SHEET_NS}"><sheetData>{sheet_rows}</sheetData></worksheet>'
    shared = (_XML_HEAD + f'<sst xmlns="{_SHEET_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">'
              + "".join(f"<si><t>{esc(t)}</t></si>" for t in strings) + "</sst>")
    return b"".join(_workbook_base().write(
        [(name, [text.encode("utf-8")], DEFLATED, 6, _WORKBOOK_TIME)
         for name, text in (("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", shared))]))


# ----------------------------------------------------------------------------------------------------------------
# The paragraph in the body
# ----------------------------------------------------------------------------------------------------------------


def drawing_paragraph(spec: ChartSpec, n: int) -> str:
    """A centred paragraph holding chart ``n`` inline (off the line grid: an exact line height would clip it)."""
    cx, cy = WIDTH_MM * EMU_PER_MM, spec.height_mm * EMU_PER_MM
    return ('<w:p><w:pPr><w:pStyle w:val="%s"/><w:keepLines/><w:snapToGrid w:val="0"/>'
            '<w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/>'
            '<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr>'
            '<w:r><w:drawing><wp:inline xmlns:wp="%s" distT="0" distB="0" distL="0" distR="0">'
            '<wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            '<wp:docPr id="%d" name="图表 %d" descr="%s"/><wp:cNvGraphicFramePr/>'
            '<a:graphic xmlns:a="%s"><a:graphicData uri="%s">'
            '<c:chart xmlns:c="%s" xmlns:r="%s" r:id="%s"/></a:graphicData></a:graphic>'
            "</wp:inline></w:drawing></w:r></w:p>"
            % (BODY, _WP, cx, cy, _DOC_PR_BASE + n, n, esc(spec.alt_text()).replace('"', "&quot;"), _A, _C,
               _C, _R, _RID.format(n)))


# ----------------------------------------------------------------------------------------------------------------
# The renderer's hook
# ----------------------------------------------------------------------------------------------------------------


class ChartError(ValueError):
    """A template placed a chart wrongly (an unknown name, outside the body): a template error."""


class Charts:
    """The context's ``chart``: ``chart('by_nature')`` returns the chart's paragraph (or nothing) and records it;
    :meth:`package` then gives the parts the package needs for the charts placed."""

    def __init__(self, report: Report, fig) -> None:
        self.specs = specs(report, fig)
        self.placed: list[ChartSpec] = []

    def __call__(self, name: Any) -> Markup:
        if name not in NAMES:
            raise ChartError(f"未知的图表“{name}”，可用的有 {'、'.join(NAMES)}")
        spec = self.specs.get(name)
        if spec is None:
            return Markup("")
        if len(self.placed) >= limit("template_charts"):
            raise LimitExceeded(f"图表过多：一份报告最多 {shown('template_charts')}")
        self.placed.append(spec)
        return Markup(drawing_paragraph(spec, len(self.placed)))

    @staticmethod
    def outside_body(name: Any) -> Markup:
        raise ChartError("图表只能放在正文中，不能放在页眉或页脚里")

    def package(self, rels: bytes, content_types: bytes, taken: frozenset[str] = frozenset()) -> dict[str, bytes]:
        """{part name: bytes} to write: each chart, its relationships and workbook, and the document's
        relationships and content types with the charts added (unchanged when no chart was placed). ``taken``:
        the template's part names (a user's template may hold charts of its own: ours are numbered after them)."""
        out = {"word/_rels/document.xml.rels": rels, "[Content_Types].xml": content_types}
        if not self.placed:
            return out
        first = 1
        while any(f"word/charts/chart{first + k}.xml" in taken or f"word/embeddings/jixiao-chart{first + k}.xlsx"
                  in taken for k in range(len(self.placed))):
            first += 1
        rel_lines, type_lines = [], []
        for k, spec in enumerate(self.placed):
            n, rid = first + k, _RID.format(k + 1)
            out[f"word/charts/chart{n}.xml"] = chart_xml(spec)
            out[f"word/charts/_rels/chart{n}.xml.rels"] = chart_rels(n)
            out[f"word/embeddings/jixiao-chart{n}.xlsx"] = workbook(spec)
            rel_lines.append(f'<Relationship Id="{rid}" Type="{CHART_REL}" Target="charts/chart{n}.xml"/>')
            type_lines.append(f'<Override PartName="/word/charts/chart{n}.xml" ContentType="{CHART_TYPE}"/>')
        text = content_types.decode("utf-8")
        if 'Extension="xlsx"' not in text:
            type_lines.insert(0, f'<Default Extension="xlsx" ContentType="{XLSX_TYPE}"/>')
        out["[Content_Types].xml"] = _insert_before(text, "</Types>", "".join(type_lines))
        out["word/_rels/document.xml.rels"] = _insert_before(rels.decode("utf-8"), "</Relationships>",
                                                             "".join(rel_lines))
        return out


def _insert_before(text: str, closing: str, addition: str) -> bytes:
    at = text.rfind(closing)
    if at < 0:
        raise ChartError(f"模板的包结构不完整（缺少 {closing}）")
    return (text[:at] + addition + text[at:]).encode("utf-8")
