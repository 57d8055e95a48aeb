"""The 自评表 (and 基础数据表) a department already keeps in Excel -> a YAML data file: ``jixiao import-xlsx``.

The layout is the one of the published Hunan attachments (seed 002): a 自评表 with 预算部门, the header block
(年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分 over 年度资金总额), 按收入性质分 / 按支出性质分, 年度总体目标,
and the indicator table (一级 / 二级 cells merged over their indicators, 三级指标, 年度指标值, 实际完成值, 分值, 得分,
偏差原因分析及改进措施, 总分); a 基础数据表 with 财政供养人员情况, 经费控制情况 (上年决算数 / 本年预算数 / 本年决算数 by
line), 楼堂馆所 and 厉行节约保障措施.

Nothing is read by fixed position: each block is found by its labels, so an extra title row, a moved column or
another sheet order still imports. openpyxl keeps a merged range's value in its top-left cell only, so merged ranges
are filled in before reading (the workbook is opened normally, not read-only: read-only mode has no merged ranges).
A formula cell gives its last computed value; a number stored as text (``"3,352.23"``, ``"98%"``) is read as that
number. Every value written to the YAML carries a comment naming its sheet and cell. A value that cannot be read
(``"12,3"``, a formula Excel never computed) becomes ``待填`` with a comment saying why, and a warning; a workbook
that cannot be read at all (not an .xlsx, no 自评表 header) is an :class:`~toolkit.errors.InputError` naming the
sheet and cell where possible.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .errors import InputError, Problem
from .placeholders import PLACEHOLDER

# ----------------------------------------------------------------------------------------------------------------
# Reading cells
# ----------------------------------------------------------------------------------------------------------------


@dataclass
class Cell:
    sheet: str
    row: int
    col: int
    value: Any
    percent: bool = False  # number format shows a percentage (0.98 -> 98%)
    formula: str | None = None  # a formula without a computed value

    @property
    def ref(self) -> str:
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(self.col)}{self.row}"

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.ref}"

    @property
    def text(self) -> str:
        """The cell as a person reads it, whitespace squeezed."""
        v = self.value
        if v is None:
            return ""
        if isinstance(v, float) or isinstance(v, int) and not isinstance(v, bool):
            return _number_text(_to_decimal(v), self.percent)
        return re.sub(r"\s+", "", str(v)) if isinstance(v, str) else str(v)

    @property
    def raw(self) -> str:
        return "" if self.value is None else str(self.value).strip()


def _to_decimal(v: float | int) -> Decimal:
    # a float from a spreadsheet is shortest-repr exact for what was typed (0.1 -> "0.1")
    return Decimal(repr(v)) if isinstance(v, float) else Decimal(v)


def _number_text(d: Decimal, percent: bool) -> str:
    if percent:
        d = (d * 100).normalize()
        return f"{d:f}%"
    d = d.normalize() if d == d.to_integral_value() else d
    return f"{d:f}"


class Grid:
    """One worksheet's cells with merged ranges filled in (each cell of a range holds the top-left value)."""

    def __init__(self, ws: Any, formulas: Any | None = None) -> None:
        self.title = ws.title
        self.cells: dict[tuple[int, int], Cell] = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and (formulas is None or formulas[c.coordinate].value is None):
                    continue
                formula = None
                if c.value is None and formulas is not None:
                    f = formulas[c.coordinate].value
                    formula = f if isinstance(f, str) and f.startswith("=") else None
                self.cells[(c.row, c.column)] = Cell(self.title, c.row, c.column, c.value,
                                                     "%" in (c.number_format or ""), formula)
        self.merged: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in ws.merged_cells.ranges:
            top = (rng.min_row, rng.min_col)
            for r in range(rng.min_row, rng.max_row + 1):
                for col in range(rng.min_col, rng.max_col + 1):
                    self.merged[(r, col)] = top
        self.max_row = ws.max_row
        self.max_col = ws.max_column

    def at(self, row: int, col: int) -> Cell:
        """The cell (its merged range's top-left when merged); an empty Cell when blank."""
        key = self.merged.get((row, col), (row, col))
        return self.cells.get(key) or Cell(self.title, row, col, None)

    def own(self, row: int, col: int) -> Cell:
        """The cell itself when it is a range's top-left or unmerged; empty for the rest of a range."""
        if self.merged.get((row, col), (row, col)) != (row, col):
            return Cell(self.title, row, col, None)
        return self.at(row, col)

    def find(self, pattern: str, rows: range | None = None) -> Cell | None:
        rx = re.compile(pattern)
        for (r, c), cell in sorted(self.cells.items()):
            if (rows is None or r in rows) and rx.search(cell.text):
                return cell
        return None

    def right_of(self, cell: Cell) -> Cell:
        """The first non-empty cell right of ``cell`` (past its own merged range) on its row."""
        top = self.merged.get((cell.row, cell.col), (cell.row, cell.col))
        for c in range(cell.col + 1, self.max_col + 1):
            if self.merged.get((cell.row, c)) == top:
                continue
            other = self.at(cell.row, c)
            if other.value is not None:
                return other
        return Cell(self.title, cell.row, cell.col + 1, None)


# ----------------------------------------------------------------------------------------------------------------
# The YAML being built: values with their source comments
# ----------------------------------------------------------------------------------------------------------------


@dataclass
class Imported:
    """The result of an import: the data (plain nested dicts), the comments by data path, and warnings."""

    data: dict[str, Any] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    file: str = ""

    def put(self, path: str, value: Any, cell: Cell | None = None, note: str = "") -> None:
        node = self.data
        parts = _split(path)
        for part, nxt in zip(parts, parts[1:] + [None]):
            if nxt is None:
                node[part] = value
            elif isinstance(part, int):
                node = node[part]
            else:
                node = node.setdefault(part, [] if isinstance(nxt, int) else {})
                if isinstance(nxt, int):
                    while len(node) <= nxt:
                        node.append({})
        comment = f"{cell.where}" if cell is not None else ""
        if note:
            comment = f"{comment}：{note}" if comment else note
        if comment:
            self.comments[path] = comment

    def warn(self, cell: Cell, message: str) -> None:
        self.warnings.append(f"{self.file}: 工作表“{cell.sheet}”{cell.ref}：{message}")

    def number(self, path: str, cell: Cell, percent: bool = False, blank: str = "skip") -> None:
        """A number from ``cell`` at ``path``; ``blank``: skip (leave out), placeholder (write 待填)."""
        if cell.value is None:
            if cell.formula:
                self.put(path, PLACEHOLDER, cell, f"公式 {cell.formula} 没有保存计算结果，请在 Excel 中打开并保存后重新导入，或在此填写")
                self.warn(cell, f"公式 {cell.formula} 没有计算结果（工作簿未在 Excel 中保存过），已写作“{PLACEHOLDER}”")
            elif blank == "placeholder":
                self.put(path, PLACEHOLDER, cell, "空白")
            return
        value = read_number(cell, percent)
        if value is None:
            self.put(path, PLACEHOLDER, cell, f"原值“{cell.raw}”不是可识别的数字，请核对后填写")
            self.warn(cell, f"“{cell.raw}”不是可识别的数字（小数点应为“.”，千位分隔用“,”每三位一组），已写作“{PLACEHOLDER}”")
            return
        self.put(path, value, cell)

    def text(self, path: str, cell: Cell, blank: str = "skip") -> None:
        if cell.value is None:
            if blank == "placeholder":
                self.put(path, PLACEHOLDER, cell, "空白")
            return
        self.put(path, cell.text if not isinstance(cell.value, str) else cell.raw, cell)


def _split(path: str) -> list[str | int]:
    out: list[str | int] = []
    for seg in path.split("."):
        m = re.fullmatch(r"(\w+)((?:\[\d+\])*)", seg)
        out.append(m.group(1))
        out += [int(i) for i in re.findall(r"\[(\d+)\]", m.group(2))]
    return out


_NUM_TEXT = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def read_number(cell: Cell, percent: bool = False) -> Decimal | None:
    """A cell's number: numeric cells as typed, text such as ``"3,352.23"``, ``"98%"``, ``"507.79万元"``;
    None for text that is not a number (``"12,3"``: a decimal comma or a typo — not guessed)."""
    v = cell.value
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        d = _to_decimal(v)
        return d * 100 if cell.percent and percent else d
    s = str(v).strip().replace("，", ",").replace("．", ".").replace("％", "%").replace(" ", "").replace("\u3000", "")
    s = re.sub(r"(万元|元|分|人)$", "", s)
    is_pct = s.endswith("%")
    s = s.rstrip("%")
    if not _NUM_TEXT.match(s):
        return None
    try:
        d = Decimal(s.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None
    return d if (is_pct or not percent) else d


def _value_text(cell: Cell) -> str:
    """A 年度指标值 / 实际完成值 as printed (a percentage cell 0.98 -> "98%")."""
    return cell.text if not isinstance(cell.value, str) else cell.raw


# ----------------------------------------------------------------------------------------------------------------
# 自评表
# ----------------------------------------------------------------------------------------------------------------

_COLUMNS = {  # field -> label pattern (whitespace removed)
    "level1": r"一级指标",
    "level2": r"二级指标",
    "name": r"三级指标|指标名称",
    "target": r"年度指标值|目标值|指标值|^(?:年度|预期|全年)?目标$",
    "actual": r"实际完成值?|完成值|实际值|^完成情况$",
    "weight": r"^分值|^权重",
    "score": r"^(?:自评|实际)?得分",
    "deviation": r"偏差原因|原因分析",
}
_WEIGHTED = re.compile(r"^(?P<name>.+?)[（(](?P<w>\d+(?:\.\d+)?)分?[）)]$")


def _header_row(g: Grid) -> tuple[int, dict[str, int]] | None:
    """The indicator table's header row and its columns, found by their labels."""
    for r in range(1, g.max_row + 1):
        cols: dict[str, int] = {}
        for c in range(1, g.max_col + 1):
            text = g.own(r, c).text
            if not text:
                continue
            for key, pattern in _COLUMNS.items():
                if key not in cols and re.search(pattern, text):
                    cols[key] = c
                    break
        if {"name", "weight", "score"} <= set(cols):
            return r, cols
    return None


def read_self_evaluation(g: Grid, out: Imported) -> None:
    found = _header_row(g)
    if found is None:
        raise InputError([Problem(f"工作表“{g.title}”中找不到自评表的表头（应有“三级指标”“分值”“得分”等列）", out.file)])
    head, cols = found
    _year(g, out)
    unit = g.find(r"^预算部门$|^部门名称$|^预算单位$", range(1, head))
    if unit is not None:
        out.text("unit.name", g.right_of(unit), blank="placeholder")
    else:
        out.put("unit.name", PLACEHOLDER, None, "自评表中没有“预算部门”")
    _execution_block(g, out, head)
    _natures(g, out, head)
    _goal(g, out, head)
    _indicators(g, out, head, cols)


def _year(g: Grid, out: Imported) -> None:
    for (_r, _c), cell in sorted(g.cells.items()):
        m = re.search(r"((?:19|20)\d\d)年度?", cell.text)
        if m and ("自评表" in cell.text or "数据表" in cell.text or "年度" in cell.text):
            out.put("year", int(m.group(1)), cell)
            return
    out.put("year", PLACEHOLDER, None, "工作簿中没有写年度")


def _execution_block(g: Grid, out: Imported, before: int) -> None:
    """年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分 over the 年度资金总额 row."""
    labels = {"initial_budget": r"年初预算数", "full_budget": r"全年预算数", "actual": r"全年执行数",
              "weight": r"^分值", "rate": r"执行率", "score": r"^得分"}
    head = g.find(r"全年执行数", range(1, before))
    if head is None:
        return
    cols = {}
    for c in range(1, g.max_col + 1):
        text = g.own(head.row, c).text
        for key, pattern in labels.items():
            if key not in cols and text and re.search(pattern, text):
                cols[key] = c
    total = g.find(r"年度资金总额|资金总额", range(head.row + 1, before))
    row = total.row if total is not None else head.row + 1
    stages = [cols[k] for k in ("initial_budget", "full_budget", "actual") if k in cols]
    blank = "placeholder" if all(g.at(row, c).value is None for c in stages) else "skip"
    for key in ("weight", "initial_budget", "full_budget", "actual", "rate", "score"):
        if key in cols:
            cell = g.at(row, cols[key])
            if key in ("rate", "score") and cell.value is None:
                continue  # derived
            out.number(f"indicators.execution.{key}", cell, percent=key == "rate",
                       blank=blank if key != "weight" else "skip")


_INCOME_LABELS = {"一般公共预算": "一般公共预算财政拨款收入"}


def _natures(g: Grid, out: Imported, before: int) -> None:
    """按收入性质分 / 按支出性质分: "其中：一般公共预算：3345.5", "基本支出：507.79" (label：amount)."""
    left = g.find(r"按收入性质分", range(1, before))
    right = g.find(r"按支出性质分", range(1, before))
    if left is None and right is None:
        return
    start = (left or right).row + 1
    stop = (g.find(r"年度总体目标", range(start, before)) or Cell("", before, 0, None)).row
    cells = []
    for r in range(start, stop):
        for c in range(1, g.max_col + 1):
            cell = g.own(r, c)
            m = re.match(r"^(其中[:：])?(?P<label>[^:：]+)[:：](?P<value>.*)$", cell.raw.replace("\n", "")) if cell.raw else None
            if m:
                cells.append((cell, m.group("label").strip(), m.group("value").strip()))
    empty = all(not v for _c, _l, v in cells)
    k = 0
    for cell, label, value in cells:
        if not value and not empty:
            continue  # "政府性基金拨款：" left blank: none
        target = {"基本支出": "budget.expenditure.basic.amount", "项目支出": "budget.expenditure.project.amount"}.get(label)
        if target is None and right is not None and cell.col >= right.col:
            continue
        part = Cell(cell.sheet, cell.row, cell.col, value or None)
        if target is not None:
            out.number(target, part, blank="placeholder")
        else:
            out.put(f"budget.income.items[{k}].label", label, cell)
            out.number(f"budget.income.items[{k}].amount", part, blank="placeholder")
            k += 1


def _goal(g: Grid, out: Imported, before: int) -> None:
    for key, pattern in (("target", r"^预期目标"), ("actual", r"^实际完成情况")):
        head = g.find(pattern, range(1, before))
        if head is None:
            continue
        for r in range(head.row + 1, before):
            cell = g.at(r, head.col)
            if cell.value is not None:
                out.text(f"indicators.goal.{key}", cell)
                break
        else:
            out.put(f"indicators.goal.{key}", PLACEHOLDER, head, "下方空白")


def _indicators(g: Grid, out: Imported, head: int, cols: dict[str, int]) -> None:
    groups: list[dict[str, Any]] = []  # [{name, weight, cell, children: [{name, weight, cell, rows: [...]}]}]
    total_row = None
    for r in range(head + 1, g.max_row + 1):
        first = " ".join(g.own(r, c).text for c in range(1, cols["name"]))
        if re.search(r"^(总分|合计|总计)", first.strip()) or g.own(r, 1).text in ("总分", "合计"):
            total_row = r
            break
        name = g.at(r, cols["name"])
        l1 = g.at(r, cols["level1"]) if "level1" in cols else Cell("", r, 0, None)
        l2 = g.at(r, cols["level2"]) if "level2" in cols else Cell("", r, 0, None)
        if "预算执行率" in l1.text or "预算执行率" in name.text:
            _execution_row(g, out, r, cols)
            continue
        if not l1.text and not l2.text and not name.text:
            continue
        # a group runs over its merged cell, or over rows that repeat its name (a workbook without merged cells)
        if not groups or (l1.text and (l1.row, l1.col) != groups[-1]["key"] and l1.text != groups[-1]["cell"].text):
            groups.append({"key": (l1.row, l1.col), "cell": l1, "children": []})
        g1 = groups[-1]
        if not g1["children"] or ((l2.row, l2.col) != g1["children"][-1]["key"]
                                  and not (l2.text and l2.text == g1["children"][-1]["cell"].text)):
            g1["children"].append({"key": (l2.row, l2.col), "cell": l2, "rows": []})
        g1["children"][-1]["rows"].append(r)
    for i, g1 in enumerate(groups):
        _group_name(out, f"indicators.groups[{i}]", g1["cell"])
        for j, g2 in enumerate(g1["children"]):
            path = f"indicators.groups[{i}].children[{j}]"
            _group_name(out, path, g2["cell"])
            named = [r for r in g2["rows"] if g.at(r, cols["name"]).value is not None]
            rows = named or g2["rows"][:1]  # a blank group (the blank workbook) gives one indicator to fill
            for k, r in enumerate(rows):
                _indicator(g, out, f"{path}.indicators[{k}]", r, cols)
    if total_row is not None:
        out.number("indicators.total_weight", g.at(total_row, cols["weight"]))
        out.number("indicators.total_score", g.at(total_row, cols["score"]))


def _group_name(out: Imported, path: str, cell: Cell) -> None:
    m = _WEIGHTED.match(cell.text)
    if m:
        out.put(f"{path}.name", m.group("name"), cell)
        out.put(f"{path}.weight", Decimal(m.group("w")), cell)
    else:
        out.text(f"{path}.name", cell, blank="placeholder")


def _indicator(g: Grid, out: Imported, path: str, r: int, cols: dict[str, int]) -> None:
    out.text(f"{path}.name", g.at(r, cols["name"]), blank="placeholder")
    for key in ("target", "actual"):
        if key in cols:
            cell = g.at(r, cols[key])
            if cell.value is None:
                out.put(f"{path}.{key}", PLACEHOLDER, cell, "空白")
            else:
                out.put(f"{path}.{key}", _value_text(cell), cell)
    out.number(f"{path}.weight", g.at(r, cols["weight"]), blank="placeholder")
    out.number(f"{path}.score", g.at(r, cols["score"]), blank="placeholder")
    if "deviation" in cols and g.at(r, cols["deviation"]).raw:
        out.text(f"{path}.deviation", g.at(r, cols["deviation"]))


def _execution_row(g: Grid, out: Imported, r: int, cols: dict[str, int]) -> None:
    """预算执行率 as a row of the indicator table (as jixiao renders it): 分值, 实际完成值 (the rate), 得分."""
    out.number("indicators.execution.weight", g.at(r, cols["weight"]))
    if "actual" in cols and g.at(r, cols["actual"]).value is not None:
        out.number("indicators.execution.rate", g.at(r, cols["actual"]), percent=True)
    if g.at(r, cols["score"]).value is not None:
        out.number("indicators.execution.score", g.at(r, cols["score"]))
    if "deviation" in cols and g.at(r, cols["deviation"]).raw:
        out.text("indicators.execution.deviation", g.at(r, cols["deviation"]))


# ----------------------------------------------------------------------------------------------------------------
# 基础数据表
# ----------------------------------------------------------------------------------------------------------------

_LINES = [  # label pattern -> data path of the figure (in the order of the table)
    (r"^支出总额|^支出合计", "budget.expenditure"),
    (r"^基本支出", "budget.expenditure.basic"),
    (r"公用经费", "budget.expenditure.basic.public"),
    (r"人员经费", "budget.expenditure.basic.personnel"),
    (r"^项目支出", "budget.expenditure.project"),
    (r"运行维护经费", "budget.expenditure.project.operation"),
    (r"三公", "budget.three_public"),
    (r"公务用车购置(和|及)(运行)?维护", "budget.three_public.vehicle"),
    (r"公车购置", "budget.three_public.vehicle.purchase"),
    (r"公车运行维护", "budget.three_public.vehicle.operation"),
    (r"出国", "budget.three_public.overseas"),
    (r"公务接待", "budget.three_public.reception"),
    (r"政府采购", "budget.procurement"),
]


def read_basic_data(g: Grid, out: Imported) -> None:
    _staffing(g, out)
    head = g.find(r"经费控制情况")
    if head is not None:
        cols = {}
        for c in range(head.col + 1, g.max_col + 1):
            cell = g.own(head.row, c)
            m = re.match(r"((?:19|20)\d\d)年(决算数|预算数)", cell.text)
            if m:
                key = "full_budget" if m.group(2) == "预算数" else "amount"
                if m.group(2) == "决算数" and "amount" in cols.values():
                    continue
                cols[c] = (key, int(m.group(1)))
        years = {y for _k, y in cols.values()}
        this = max(years) if years else None
        fields = {c: ("previous" if y != this else k) for c, (k, y) in cols.items()}
        lines = []
        for r in range(head.row + 1, g.max_row + 1):
            label = g.at(r, head.col)
            text = re.sub(r"^(其中[:：]|\d+[、.．])+", "", label.text)
            if not text or re.search(r"楼堂馆所|厉行节约|^说明", text):
                break
            lines.append((r, label, text))
        # an empty table (the blank workbook) asks for every figure of its fixed lines
        blank = "placeholder" if all(g.at(r, c).value is None for r, _l, _t in lines for c in fields) else "skip"
        items = 0
        in_projects = False
        for r, label, text in lines:
            path = next((p for pattern, p in _LINES if re.search(pattern, text)), None)
            if path is None and in_projects:
                if all(g.at(r, c).value is None for c in fields) or re.fullmatch(r"[（(].*[）)]", text):
                    continue  # a blank project line, or the blank workbook's hint
                path = f"budget.expenditure.project.items[{items}]"
                out.put(f"{path}.label", label.raw.strip(), label)
                items += 1
            if path is None:
                continue
            in_projects = path == "budget.expenditure.project.operation" or (in_projects and "items" in path)
            for c, key in fields.items():
                out.number(f"{path}.{key}", g.at(r, c), blank=blank)
    _buildings(g, out)
    thrift = g.find(r"^厉行节约保障措施")
    if thrift is not None and g.right_of(thrift).raw:
        out.text("budget.thrift", g.right_of(thrift))


def _staffing(g: Grid, out: Imported) -> None:
    head = g.find(r"^编制数")
    if head is None:
        return
    row = head.row
    values = row + 1
    for pattern, path, pct in ((r"^编制数", "unit.staffing.authorized.total", False),
                               (r"实际在职人数|实有人数", "unit.staffing.actual.total", False),
                               (r"控制率", "unit.staffing.control_rate", True)):
        cell = g.find(pattern, range(row, row + 1))
        if cell is not None:
            out.number(path, g.at(values, cell.col), percent=pct, blank="skip" if pct else "placeholder")


def _buildings(g: Grid, out: Imported) -> None:
    head = g.find(r"^批复规模")
    if head is None:
        return
    for pattern, key, pct in ((r"^批复规模", "approved_area", False), (r"^实际规模", "actual_area", False),
                              (r"^规模控制率", "area_control_rate", True), (r"^预算投资", "budget_investment", False),
                              (r"^实际投资", "actual_investment", False), (r"投资概算控制率", "investment_control_rate", True)):
        cell = g.find(pattern, range(head.row, head.row + 1))
        if cell is not None and g.at(head.row + 1, cell.col).value is not None:
            out.number(f"budget.buildings.{key}", g.at(head.row + 1, cell.col), percent=pct)


# ----------------------------------------------------------------------------------------------------------------
# The workbook
# ----------------------------------------------------------------------------------------------------------------


def read_workbook(path: str | Path) -> Imported:
    """Read a 自评表 (and a 基础数据表 when the workbook has one) into an :class:`Imported`."""
    from openpyxl import load_workbook

    file = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError([Problem("文件不存在", file)]) from None
    except OSError as exc:
        raise InputError([Problem(f"无法读取文件：{exc.strerror or exc}", file)]) from None
    if not data.startswith(b"PK\x03\x04"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            message = "这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel/WPS 中另存为 .xlsx 后再导入"
        else:
            message = "这不是 Excel 工作簿（.xlsx）"
        raise InputError([Problem(message, file)])
    try:
        values = load_workbook(io.BytesIO(data), data_only=True)
        formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged package
        raise InputError([Problem(f"无法打开工作簿：{exc}", file)]) from None
    out = Imported(file=file)
    sheets = [(ws, formulas[ws.title]) for ws in values.worksheets]
    grids = [Grid(ws, f) for ws, f in sheets]
    self_eval = next((g for g in grids if _header_row(g) is not None), None)
    if self_eval is None:
        names = "、".join(f"“{g.title}”" for g in grids)
        raise InputError([Problem(f"工作簿的工作表 {names} 中都找不到自评表的表头（应有“三级指标”“分值”“得分”等列）", file)])
    out.put("outline", "hunan")
    read_self_evaluation(self_eval, out)
    basic = next((g for g in grids if g is not self_eval and g.find(r"经费控制情况|财政供养人员")), None)
    if basic is not None:
        read_basic_data(basic, out)
    return out


def to_yaml(imported: Imported) -> str:
    """The YAML text, each value with its ``# 工作表!单元格`` comment, keys in the model's order."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from .pydantic_model import Report
    from .schema import field_kind

    def build(node: Any, path: str, model: Any) -> Any:
        if isinstance(node, dict):
            fields = list(getattr(model, "model_fields", {}))
            rank = {k: (k not in ("name", "label"), fields.index(k) if k in fields else len(fields)) for k in node}
            m = CommentedMap()
            for key in sorted(node, key=rank.__getitem__):
                child = f"{path}.{key}" if path else key
                info = getattr(model, "model_fields", {}).get(key)
                m[key] = build(node[key], child, field_kind(info.annotation).model if info else None)
                if child in imported.comments and not isinstance(node[key], (dict, list)):
                    m.yaml_add_eol_comment(imported.comments[child], key)
            return m
        if isinstance(node, list):
            return CommentedSeq(build(v, f"{path}[{i}]", model) for i, v in enumerate(node))
        return node

    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(
        Decimal, lambda r, d: r.represent_scalar("tag:yaml.org,2002:float" if "." in f"{d:f}" else "tag:yaml.org,2002:int", f"{d:f}"))
    buf = io.StringIO()
    buf.write(f"# 由 jixiao import-xlsx 从 {Path(imported.file).name} 导入；每个值后的注释是它所在的工作表和单元格。\n")
    buf.write(f"# “{PLACEHOLDER}”表示工作簿中空白或无法识别，jixiao check 会逐项列出。正文（narrative）请另行补充。\n")
    yaml.dump(build(imported.data, "", Report), buf)
    # ruamel puts a comment one space after a value it did not read itself: two, as everywhere else
    return re.sub(r"(?m)(?<=\S) # (?=[^\n]*!)", "  # ", buf.getvalue())


def import_xlsx(source: str | Path, output: str | Path) -> tuple[Path, list[str]]:
    """Import a workbook to a YAML file (written atomically); returns the path and the warnings."""
    from .io import write_text

    imported = read_workbook(source)
    write_text(output, to_yaml(imported))
    return Path(output), imported.warnings


# ----------------------------------------------------------------------------------------------------------------
# A blank workbook in the same layout: jixiao init --xlsx
# ----------------------------------------------------------------------------------------------------------------

#: the usual indicator framework of the Hunan 自评表: 一级 -> 二级 (each 二级 gets two blank rows)
FRAMEWORK = [
    ("产出指标", ["数量指标", "质量指标", "时效指标", "成本指标"]),
    ("效益指标", ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
    ("满意度指标", ["服务对象满意度指标"]),
]
_BASIC_LINES = ["支出总额", "基本支出", "　其中：公用经费", "项目支出", "　其中：1、运行维护经费", "　（具体项目，每个项目一行）",
                "三公经费", "　1、公务用车购置和维护经费", "　　其中：公车购置", "　　　　　公车运行维护", "　2、出国经费",
                "　3、公务接待", "政府采购金额"]


def blank_workbook(path: str | Path, year: int) -> Path:
    """Write a blank 自评表 + 基础数据表 workbook (seed 002's layout) to ``path``, atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    from .io import atomic_path

    wb = Workbook()
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)

    def put(ws, ref: str, value: Any = None, merge: str | None = None, bold: bool = False, align=center) -> None:
        ws[ref] = value
        ws[ref].alignment = align
        if bold:
            ws[ref].font = Font(bold=True)
        if merge:
            ws.merge_cells(f"{ref}:{merge}")

    def borders(ws, first: int, last: int, cols: int) -> None:
        for row in ws.iter_rows(min_row=first, max_row=last, max_col=cols):
            for c in row:
                c.border = box

    ws = wb.active
    ws.title = "自评表"
    put(ws, "A1", f"{year}年度部门整体支出绩效自评表", "I1", bold=True)
    put(ws, "A2", "预算部门")
    put(ws, "B2", None, "I2", align=left)
    put(ws, "A3", "年度预算申请（万元）", "A9")
    put(ws, "B3", None, "C3")
    for col, label in zip("DEFGHI", ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")):
        put(ws, f"{col}3", label)
    put(ws, "B4", "年度资金总额", "C4")
    ws["G4"] = 10
    ws["H4"].number_format = "0.00%"
    put(ws, "B5", "按收入性质分：", "E5", align=left)
    put(ws, "F5", "按支出性质分：", "I5", align=left)
    for r, (a, b) in enumerate([("其中：一般公共预算：", "其中：基本支出："), ("政府性基金拨款：", "项目支出："),
                                ("纳入专户管理的非税收入拨款：", None), ("其他资金：", None)], start=6):
        put(ws, f"B{r}", a, f"E{r}", align=left)
        put(ws, f"F{r}", b, f"I{r}", align=left)
    put(ws, "A10", "年度总体目标", "A11")
    put(ws, "B10", "预期目标", "E10")
    put(ws, "F10", "实际完成情况", "I10")
    put(ws, "B11", None, "E11", align=left)
    put(ws, "F11", None, "I11", align=left)
    head = 12
    for col, label in zip("ABCDEFGHI", ("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
                                        "得分", "偏差原因分析及改进措施")):
        put(ws, f"{col}{head}", label, bold=True)
    r = head + 1
    for level1, children in FRAMEWORK:
        start1 = r
        for level2 in children:
            put(ws, f"C{r}", level2, f"C{r + 1}")
            r += 2
        put(ws, f"B{start1}", level1, f"B{r - 1}")
    put(ws, f"A{head + 1}", None, f"A{r - 1}")
    put(ws, f"A{r}", "总分", f"F{r}", bold=True)
    ws[f"G{r}"] = 100
    borders(ws, 2, r, 9)
    for col, width in zip("ABCDEFGHI", (8, 12, 12, 22, 14, 14, 8, 8, 24)):
        ws.column_dimensions[col].width = width
    ws.row_dimensions[11].height = 80

    ws = wb.create_sheet("基础数据表")
    put(ws, "A1", f"{year}年度部门整体支出绩效评价基础数据表", "G1", bold=True)
    put(ws, "A2", "财政供养人员情况（人）", "A3")
    put(ws, "B2", "编制数", "C2")
    put(ws, "D2", f"{year}年实际在职人数", "E2")
    put(ws, "F2", "控制率", "G2")
    for a, b in (("B3", "C3"), ("D3", "E3"), ("F3", "G3")):
        put(ws, a, None, b)
    ws["F3"].number_format = "0.00%"
    put(ws, "A4", "经费控制情况（万元）")
    put(ws, "B4", f"{year - 1}年决算数", "C4")
    put(ws, "D4", f"{year}年预算数", "E4")
    put(ws, "F4", f"{year}年决算数", "G4")
    r = 5
    for label in _BASIC_LINES:
        put(ws, f"A{r}", label, align=left)
        for a, b in (("B", "C"), ("D", "E"), ("F", "G")):
            put(ws, f"{a}{r}", None, f"{b}{r}")
        r += 1
    put(ws, f"A{r}", f"楼堂馆所控制情况（{year - 1}年完工项目）", f"A{r + 1}")
    for col, label in zip("BCDEFG", ("批复规模（㎡）", "实际规模（㎡）", "规模控制率", "预算投资（万元）", "实际投资（万元）",
                                     "投资概算控制率")):
        put(ws, f"{col}{r}", label)
    r += 2
    put(ws, f"A{r}", "厉行节约保障措施")
    put(ws, f"B{r}", None, f"G{r}", align=left)
    borders(ws, 2, r, 7)
    for col, width in zip("ABCDEFG", (36, 10, 10, 10, 10, 10, 10)):
        ws.column_dimensions[col].width = width
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return Path(path)
