"""Relations inside tables: a total row against the rows it sums, a scoring table (自评表) against its 总分 row and
its weights, and rate columns (执行率, 控制率, 完成率) against the figures beside them."""
from __future__ import annotations

from ..lazyre import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from ..findings import ERROR, CellSpot, Finding
from ..numbers import parse_decimal
from ..rules import Rule
from .arith import Kind, Verdict, like, num_text, pct_text, ratio_verdict, sum_verdict
from .document import SCORE_HEAD, WEIGHT_HEAD, Table
from .quantities import FULL_WIDTH

#: a finding about a table, located at its row and column (CellSpot) until the caller knows the table
TableIssue = Finding

TBL001 = Rule("TBL001", "lint", ERROR, "表格合计行与各行之和不符",
    "“合计”“支出总额”等行应等于其下各行之和（“其中”行、编号子项不计入）。以至少一列能对上的最短行组确定组成行，"
    "再逐列核对；差额不超过舍入误差时为警告。位于其各行之首的合计行每个数字列都为 0 而其下各行填有数字时为错误"
    "（无论哪些行是其组成都不可能为 0；所示之和为其下各行，“其中”块已除外）。"
    "按经济分类的基本支出表以“人员经费 | 小计 | X”“公用经费 | 小计 | Y”开头各自一块、其下为编码各款、末行“基本支出 | 合计 | T”时，"
    "每个小计等于其下至下一小计之间的各款（编码有上下级时只加最下级），合计等于各小计之和；小计有误而合计与各款相符时只报告小计。"
    "各类只以名称成行（“人员经费 | X”，其下“30101 基本工资 | …”编码与名称同格）、末行为合计时同样核对。"
    "率、占比、增减列不相加（各行的增减额按 TBL010 逐行核对）。",
    "report.txt:73: 表1 第4行 第2列: TBL001 支出总额 707.74 与 基本支出、项目支出 之和不符：529.72 + 112.56 = 642.28")
TBL002 = Rule("TBL002", "lint", ERROR, "评分表总分与各指标得分之和不符",
    "自评表“总分”行的得分应等于各指标（含预算执行率）得分之和；小计行等于其所在分组各指标得分之和：小计写在分组末尾时为"
    "其上各行，写在分组首行（“产出指标 | 小计 | 50 | 48.50”，其下为该组各指标）时为其下各行；小计写在指标名称一列"
    "（一级指标一格空着：“ | 产出小计 | 45 | 43.29”）同样读。分值列的表头可写作分值、权重、满分、标准分（可带“（分）”“（%）”），"
    "得分列可写作得分、自评得分、评价得分。",
    "report.txt:400: 表2 第38行: TBL002 总分行得分 98 与各指标得分之和 99 不符")
TBL003 = Rule("TBL003", "lint", ERROR, "评分表分值合计不符",
    "“总分”行的分值应等于各指标分值之和；一级、二级指标单元格中标注的分值（如“产出指标（50分）”）应等于其下各指标分值之和。",
    "report.txt:230: 表2 第12行 第2列: TBL003 产出指标（50分） 的分值 50 与其下各指标分值之和 48 不符")
TBL004 = Rule("TBL004", "lint", ERROR, "评分表得分超过分值",
    "自评表中每个指标（含预算执行率）的得分不能超过其分值；超过时总分也随之虚高。权重写成百分数（8%）、各指标合计100%而得分"
    "写成分数时，权重即分值（8% 即 8分）。",
    "report.txt:260: 表2 第15行: TBL004 得分 8 超过分值 7")
TBL013 = Rule("TBL013", "lint", ERROR, "评分表未完成指标的得分与表中按比例计分不符",
    "自评表中目标写作“≥N”（不低于、不少于）的定量指标未完成时，若表中其他未完成的此类指标都按比例计分"
    "（得分 = 分值 × 实际完成值 ÷ 目标值，至少两项相符；只有一项相符时，不符项的得分须恰为按比例得分的相邻两位数字互换）"
    "而恰有一项不符，该项报告为错误（如未完成仍给满分）。目标写作“100%”的比率也按“≥100%”看待；二级指标为数量指标、"
    "目标为带单位的个数（“120人”“260家次”）时也按“≥”看待。成本指标、名称含“控制”的指标实际低于目标是达成，不计入。"
    "目标与实际单位不同、多项不符或相符的不足两项时不作判断。"
    "目标写作“≤N”（不高于、不超过、控制在）的反向指标实际超过目标而仍得满分时，若表中其他未达目标的指标已扣分、"
    "或正文写明反向指标的计分办法（超出目标的按超出比例扣分、达到2倍目标值得0分），报告为错误；正文写明该办法时，"
    "得分应为 分值 × (1 − (实际 − 目标) ÷ 目标)（实际达到2倍目标值时为0），不符也报告。"
    "未写计分办法时，得分恰为按比例（或反向）计分之值相邻两位数字互换（应得5.74、表中5.47），无论表中其他指标如何计分，"
    "也报告为错误。自评表没有目标值、实际值列，而文件中另有一张表按指标名称列出目标值与实际值（“主要绩效目标完成情况表”，"
    "至少两个指标同名，且只有一张这样的表）时，按该表的目标与实际核对。",
    "report.txt:300: 表4 第9行: TBL013 实际 92.40% 未达目标 95%，按表中其他指标的比例计分应得 10 × 92.40 ÷ 95 = 9.73，表中为 10")
TBL014 = Rule("TBL014", "lint", ERROR, "评分表预算执行率得分与其执行率不符",
    "自评表中预算执行率指标的得分应由其实际完成值（执行率）按计分办法得出：通行办法为 得分 = 分值 × 执行率（DOMAIN §3，"
    "执行率达到100%得满分）。只在文件使这一办法可以确定时核对：正文写明按执行率计分（“分值×执行率”“按执行率计得”），"
    "或表中总分正是把该行得分换成 分值 × 执行率 后各指标得分之和（而不是表中所写各项之和）。正文另有扣分、分档、"
    "达到某值得满分等办法时不报；得分按两位或一位小数四舍五入或截断、或在执行率本身的舍入之内均视为相符。",
    "report.txt:40: 表1 第2行: TBL014 预算执行率 97.83%，按表中总分所用的计分（分值 × 执行率）应得 10 × 97.83% = 9.78，表中为 9.87")
TBL016 = Rule("TBL016", "lint", ERROR, "评分表得分与同行扣分说明不符",
    "自评表中一行的扣分原因、偏差原因或说明写明扣了几分（“扣1分”“扣除0.5分”，可写多处）时，该行得分应等于分值减去所扣分数之和。"
    "说明中另写有计分办法（按比例、每少一项扣若干分、得若干分）时不作判断。",
    "report.txt:88: 表3 第8行: TBL016 分值 6、说明写扣1分，得分应为 5，表中为 4.50")
TBL005 = Rule("TBL005", "lint", ERROR, "表中比率与同行数字不符",
    "表头为“…率”的列（执行率、控制率、完成率）应等于同行分子列（执行数、实际在职人数、实际完成）÷ 分母列"
    "（预算数、编制数、计划）；表头写“执行率（%）”“率（%）”时，不带百分号的数也是百分比。这些列不作金额相加。"
    "表中有“全年预算数”列时执行率按全年预算核对（表头两行、上行合并单元格“预算数”下分“年初预算”"
    "“全年预算”时，每列按上下两行合起来的名称读）；为 0 的预算数不作分母；同一行的预算数已报告写错"
    "（TBL006）而执行率按改正后的数正确时，或合计行的数已报告与各行之和不符而执行率按各行之和正确时，不再报告执行率。增减率、增长率等变动列是对上年的变动（TBL010），不按同行两列之比核对。"
    "表头为“完成预算（%）”“执行预算（%）”“占全年预算（%）”的列也是比率（决算数 ÷ 预算数）。自评表中“完成率（%）”列（年度指标值、实际完成值两列同单位，目标为下限“≥25个”或只写一个数）应等于 实际 ÷ 目标；只在同列另有一行按此相符时核对，超额完成而写100%视为封顶。“上年决算数”等上年的列不作比率的分子或分母。",
    "report.txt:72: 表1 第2行 第4列: TBL005 控制率 100% 与 2022年实际在职人数 31 ÷ 编制数 33 = 93.94% 不符")
TBL006 = Rule("TBL006", "lint", ERROR, "表格合计列与同行各列之和不符",
    "表头为“合计”“小计”的列应等于同行其左侧各数字列（行标题之后、合计列之前，不含比率列）之和；"
    "至少一行能对上时才认定这些列是其组成。“全年预算数”列同样是其“年初预算数”与“调整数”（追加数）两列之和（全年 = 年初 + 调整）。"
    "某个单元格写错时，行、列两个合计都会不符，只报该行的合计列。",
    "report.txt:31: 表1 第3行 第4列: TBL006 科学技术支出 的合计 485.39 与同行各列之和不符：118.92 + 356.47 = 475.39")


def cell_number(text: str) -> Decimal | None:
    """A cell holding just a number (``3352.23``, ``100%``, ``10``); None otherwise."""
    t = text.strip().replace("\xa0", "").replace(" ", "").replace("　", "").translate(FULL_WIDTH)
    t = t.removesuffix("%").removesuffix("％").removesuffix("分")
    try:
        return parse_decimal(t) if t else None
    except ValueError:
        return None


def _is_pct(text: str) -> bool:
    return text.strip().endswith(("%", "％"))


def _label(row: list[str]) -> str:
    for c in row[:2]:
        if c.strip() and cell_number(c) is None and not re.fullmatch(r"[—\-－–]{1,2}", c.strip()):  # — | 合计: 合计
            return re.sub(r"\s+", "", c)
    return ""


def _issue(rule: Rule, v: Verdict, msg: str, expected: str | None, found: str | None, row: int, col: int | None,
           quote: str) -> Finding:
    return rule.finding(msg, CellSpot(None, row, col), v, expected=expected, found=found, quote=quote)


def _quote(row: list[str]) -> str:
    return " | ".join(c.replace("\n", "") for c in row if c.strip())


# ----------------------------------------------------------------------------------------------------------------

_TOTAL_LABEL = re.compile(r"^(合计|总计|小计|共计|总额)$|(支出|收入|资金)(总额|合计|总计)$|^(支出|收入)总计")


def check_total_rows(t: Table, skip: set[int] = frozenset()) -> list[TableIssue]:
    """A 合计 / 支出总额 row against the rows under it (其中 rows excluded): the shortest run of rows that adds
    up in at least one column fixes the parts; every other column of the total is checked against them."""
    from .share_columns import is_ratio_head

    issues = []
    rows = t.rows
    for r, row in enumerate(rows):
        label = _label(row)
        if r in skip or not _TOTAL_LABEL.search(label) or re.search(r"得分|分值|总分", label):
            continue
        heads = _heads_above(rows, r)
        cols = [c for c, cell in enumerate(row) if cell_number(cell) is not None and not _is_pct(cell)
                and not is_ratio_head(heads[c])]  # 占比（%）, 执行率（%）: ratios written without the sign
        parts: list[int] = []
        sub_until = -1
        for rr in range(r + 1, len(rows)):
            lb = _label(rows[rr])
            if len(rows[rr]) != len(row) or not lb or _TOTAL_LABEL.search(lb):
                break
            if any(rows[rr][c].strip() and cell_number(rows[rr][c]) is None for c in cols):
                break  # text where the figures should be: another part of the table begins
            if lb.startswith("其中") and parts:
                sub_until = _sub_rows(rows, parts[-1], rr, cols)
            if rr <= sub_until or lb.startswith("其中") or re.match(r"^\d+[、.．]", lb):
                continue
            parts.append(rr)
        if len(parts) < 2 or not cols or _other_side(label, [_label(rows[p]) for p in parts]):
            continue
        if all(cell_number(row[c]) == 0 for c in cols) and (r == 0 or not any(
                cell_number(x) is not None for x in rows[r - 1][1:])):  # at the head of its rows
            issues += _zero_total(rows, r, parts, cols, label)
            continue
        for n in range(2, len(parts) + 1):
            use = parts[:n]
            verdicts = _column_sums(rows, row, use, cols)
            if any(v[0] == "ok" for v in verdicts.values()):
                # rows right after the run, blank where it adds up (资本性支出 | 961.72 | | 961.72 under 基本支出),
                # leave that column's sum as it is: they are parts too when they make more columns add up
                ok = [c for c, v in verdicts.items() if v[0] == "ok"]
                m = n
                while m < len(parts) and all(not cell_number(rows[parts[m]][c]) for c in ok):
                    m += 1
                if m > n:
                    longer = _column_sums(rows, row, parts[:m], cols)
                    if sum(v[0] == "ok" for v in longer.values()) > len(ok):
                        use, verdicts = parts[:m], longer
                for c, (v, s, values) in verdicts.items():
                    if v == "ok":
                        continue
                    names = "、".join(_label(rows[p]) for p in use)
                    issues.append(_issue(TBL001, v, f"{label} {row[c].strip()} 与 {names} 之和不符："
                                         f"{' + '.join(rows[p][c].strip() or '0' for p in use)} = {like(s, values)}",
                                         like(s, values), row[c].strip(), r, c, _quote(row)))
                break
    return issues


def _column_sums(rows: list[list[str]], total: list[str], use: list[int], cols: list[int]) -> dict:
    """Column -> (verdict, sum, values) of the rows ``use`` against the ``total`` row, column by column."""
    verdicts = {}
    for c in cols:
        values = [cell_number(rows[p][c]) or Decimal(0) for p in use]
        verdicts[c] = (*sum_verdict(values, cell_number(total[c]), Kind.MONEY), values)
    return verdicts


def _heads_above(rows: list[list[str]], r: int) -> list[str]:
    """The heads of the nearest header row above row ``r`` (a row of its width without figures); blanks if none."""
    for h in range(r - 1, -1, -1):
        if len(rows[h]) == len(rows[r]) and not any(cell_number(x) is not None for x in rows[h]):
            return [re.sub(r"\s+", "", x) for x in rows[h]]
    return [""] * len(rows[r])


def _other_side(label: str, parts: list[str]) -> bool:
    """A 收入 total over rows of 支出 (or the reverse): the rows below it are the other side of a 收支 table, not its
    parts (收入合计 closing the income rows above it, 一、基本支出 / 二、项目支出 following)."""
    for side, other in (("收入", "支出"), ("支出", "收入")):
        if side in label and any(other in p and side not in p for p in parts):
            return True
    return False


def _zero_total(rows: list[list[str]], r: int, parts: list[int], cols: list[int], label: str) -> list[TableIssue]:
    """A 合计 row left at 0 in every column over filled rows (其中 blocks already set aside): wrong whichever of the
    rows are its parts; the sum shown is that of all of them."""
    out = []
    row = rows[r]
    names = "、".join(_label(rows[p]) for p in parts) if len(parts) <= 5 else f"其下{len(parts)}行"
    for c in cols:
        values = [cell_number(rows[p][c]) or Decimal(0) for p in parts]
        total = sum(values, Decimal(0))
        if total <= 0:
            continue
        expected = like(total, values)
        out.append(_issue(TBL001, Verdict.WRONG, f"{label}行第{c + 1}列为 {row[c].strip()}，而其下 {names} 之和为 "
                          f"{' + '.join(_shown(rows[p][c]) for p in parts)} = {expected}", expected, row[c].strip(), r,
                          c, _quote(row)))
    return out


def _sub_rows(rows: list[list[str]], parent: int, first: int, cols: list[int]) -> int:
    """``基本支出 / 其中：人员经费 / 公用经费``: the last row of the 其中 block, found as the shortest run from the
    其中 row that adds up to the parent row in some column; just the 其中 row when none does."""
    last = _children_end(rows, parent, first, cols, first + 1)
    return first if last is None else last


def _children_end(rows: list[list[str]], parent: int, first: int, cols: list[int], start: int) -> int | None:
    """The last row of the shortest run from ``first`` (at least up to ``start``) that adds up to the parent row in
    some column; None when none does."""
    for last in range(start, min(len(rows), first + 20)):  # a 其中 block is short
        if len(rows[last]) != len(rows[parent]):
            break
        for c in cols:
            values = [cell_number(rows[k][c]) or Decimal(0) for k in range(first, last + 1)]
            stated = cell_number(rows[parent][c])
            if stated is not None and any(values) and sum_verdict(values, stated, Kind.MONEY)[0] == "ok":
                return last
    return None


TBL007 = Rule("TBL007", "lint", ERROR, "表格底部合计行与上方各行之和不符",
    "放在表格或分组末尾的“合计”“总计”“小计”“共计”行应等于其上方各行之和：从表头（或上一个小计/合计行）起，"
    "“其中”行和紧随某行、恰好加总为该行的子项（缩进的明细）不计入；末行合计的上方若有多个小计行，则等于各小计之和。逐列核对数字列，占比列应合计为"
    "100%（合不到 100% 而恰有一行的占比不等于其金额 ÷ 合计金额时，在那一行报告），比率、序号列不核对；差额不超过舍入误差时为警告。"
    "上方各行填有数字而合计行为 0 或空白时为错误。“本年收入合计”“本年支出合计”等点名所合计之物的行，上方各行的名称都含"
    "“收入”（或“支出”）时也按此核对（收入支出决算总表中收入各行在上、支出各行在下；收入各行中的“上年结转”也计入）。占比列（表头“占比（%）”等，合计为 100，"
    "写不写 % 都可）各行恰为其金额 ÷ 各行金额之和时，各行即合计的全部组成：金额列对不上时，错在合计行。"
    "收入、支出左右并列的表（收入 | 金额 | 支出 | 金额）只按左侧核对（右侧的数是右侧各项的组成）；“总计”上方是“本年收入合计”"
    "等合计行时，总计 = 该合计 + 其后各行（使用非财政拨款结余、年初结转和结余）。"
    "上方各行不是平铺的列表（编号层级混杂、有小计未覆盖的行）、计入与不计入子项两种读法都对不上，或多列都对不上时不作判断。",
    "report.txt:88: 表3 第6行 第2列: TBL007 合计 1520.00 与上方 财政拨款收入、事业收入、其他收入 之和不符："
    "1200.00 + 300.00 + 30.00 = 1530.00（差 10.00）")


_BOTTOM_LABEL = re.compile(r"^(其中[:：]?)?(合计|总计|小计|共计)$")
_NAMED_BOTTOM = re.compile(r"^(本年|全年)?(收入|支出)(合计|总计)$")
#: a share column (DOMAIN §2 占比 = part / total): 占比, 比重, 所占比例, 占本年支出（%）, 构成
_SHARE_HEAD = re.compile(r"占比|比重|构成|所占比例|^占.{1,16}(比例|[%％])")
_NOT_FIGURE_HEAD = re.compile(r"序号|编号|代码|编码|备注|说明|年度|年份|率")
_NUMBERED = re.compile(r"^(\d+[、.．]|[（(]\d+[)）]|[一二三四五六七八九十]+、)")


def _is_total(label: str) -> bool:
    return bool(_BOTTOM_LABEL.match(label) or _TOTAL_LABEL.search(label))


def check_bottom_totals(t: Table) -> tuple[list[TableIssue], set[int]]:
    """A 合计 / 总计 / 小计 / 共计 row closing a table or a block against the rows above it (up to the header or the
    previous 小计/合计; 其中 rows and child rows that add up to the row above them skipped; a 合计 under 小计 rows sums the 小计 rows). Returns the
    issues and the total rows read this way (the top-down check leaves them alone)."""
    rows = t.rows
    issues: list[TableIssue] = []
    claimed: set[int] = set()
    read = {r: _bottom_parts(rows, r) for r, row in enumerate(rows) if _BOTTOM_LABEL.match(_label(row))}
    named_rows = set()
    for r, row in enumerate(rows):
        named = _NAMED_BOTTOM.match(_label(row))
        found = _bottom_parts(rows, r) if named else None
        if found is not None and all(named.group(2) in _label(rows[p]) or (named.group(2) == "收入" and not named.group(1)
                and re.search(r"^(?:上年|年初)?(?:结转|结余)", _label(rows[p]))) for p in found[0]):
            # (上年结转 is money come in, under 收入合计; 本年收入合计 leaves it out)
            # 本年收入合计 under 一、财政拨款收入 / 二、其他收入: the rows above it name what it totals
            read[r] = (found[0], [c for c in found[1] if cell_number(row[c]) is not None], found[2])
            named_rows.add(r)
    # the 小计 rows a final 合计 adds up close their blocks even when the next block follows at once
    grouped = {p for r, found in read.items() if found and _label(rows[r]) != "小计" for p in found[0]
               if _label(rows[p]) == "小计"}
    heads = next((row for row in rows if row and not any(cell_number(c) is not None for c in row)), [])
    # a column of rates (增减率（%）, 执行率) is no column of amounts: its cells never add up
    # (完成预算（%）: a ratio the head names by its sign, not by 率)
    from .share_columns import is_ratio_head
    rates = {c for c, h in enumerate(heads) if (re.search(r"率", h) or is_ratio_head(h))
             and not re.search(r"占比|比重|比例|构成", h)}
    for r, found in read.items():
        if found is None:
            continue
        row = rows[r]
        label = _label(row)
        flat, cols, shares = found
        cols = [c for c in cols if c not in rates or c in shares]
        closes = r + 1 == len(rows) or not _is_data(rows[r + 1], row, cols) or _is_total(_label(rows[r + 1])) \
            or _label(rows[r + 1]).startswith("其中") or r in grouped or r in named_rows
        readings = []
        for parts in dict.fromkeys((tuple(flat), tuple(_without_children(rows, flat, cols)))):
            checked = [(c, *_column(rows, list(parts), row, c, c in shares)) for c in cols]
            readings.append((list(parts), [x for x in checked if x[1] is not None]))
        adding = [x for x in readings if any(v == "ok" for _c, v, *_y in x[1])] \
            or [x for x in readings if any(v == "rounding" for _c, v, *_y in x[1])]
        if len(readings) > 1 and not adding:
            continue  # neither the flat list nor the list without child rows adds up: ambiguous
        parts, checked = (adding or readings)[0]
        if not checked or not (closes or any(v == "ok" for _c, v, *_x in checked)):
            continue
        claimed.add(r)
        stated_cols = [x for x in checked if cell_number(row[x[0]])]
        if len(stated_cols) >= 2 and not any(v == "ok" for _c, v, *_x in stated_cols) \
                and not _shares_of_parts(rows, parts, checked, shares):
            continue  # no column adds up: these rows are not its parts
        names = "、".join(_label(rows[p]) for p in parts) if len(parts) <= 5 else f"上方{len(parts)}行"
        for c, v, total, values in checked:
            if v == "ok":
                continue
            cell = row[c].strip()
            pct = "%" if c in shares else ""
            expected = like(total, values) + pct
            if not cell_number(cell):
                added = " + ".join(rows[p][c].strip() or "0" for p in parts) + " = " if len(parts) <= 8 else ""
                issues.append(_issue(TBL007, Verdict.WRONG, f"{label}行第{c + 1}列{'为 0' if cell else '为空'}，而上方 "
                                     f"{names} 之和为 {added}{expected}", expected, cell, r, c, _quote(row)))
                continue
            wrong = _wrong_share(rows, parts, row, c, checked, shares) if c in shares else None
            if wrong is not None:  # the shares miss 100% because one of them is not its row's amount over the total
                k, exact = wrong
                off = abs(Decimal(exact) - cell_number(rows[k][c]))
                issues.append(_issue(TBL007, Verdict.WRONG, f"{_label(rows[k])} 的占比 {rows[k][c].strip()} 与其金额占"
                                     f"{label}的比例 {exact}% 不符（差 {off}%，各行占比因此合计为 {expected}）", f"{exact}%",
                                     rows[k][c].strip(), k, c, _quote(rows[k])))
                continue
            gap = like(abs(total - cell_number(cell)), values + [cell_number(cell)])
            addends = " + ".join(rows[p][c].strip() or "0" for p in parts) if len(parts) <= 8 else f"上方{len(parts)}行之和"
            issues.append(_issue(TBL007, v, f"{label} {cell} 与上方 {names} 之和不符：{addends} = {expected}"
                                 f"（差 {gap}{pct}）", expected, cell, r, c, _quote(row)))
    return issues, claimed


def _shares_of_parts(rows: list[list[str]], parts: list[int], checked: list, shares: set[int]) -> bool:
    """A share column that adds up to 100% (within rounding) whose every share is its row's amount over the sum of
    the amounts: the rows are the whole of the total (科目 | 决算数 | 占比 with the 合计 amount mistyped), though the
    amount column does not add up."""
    amounts = [x[0] for x in checked if x[0] not in shares]
    for c, v, *_x in checked:
        if c not in shares or v not in ("ok", "rounding"):
            continue
        for a in amounts:
            values = [cell_number(rows[k][a]) for k in parts]
            pcts = [cell_number(rows[k][c]) for k in parts]
            if None in values or None in pcts:
                continue
            whole = sum(values, Decimal(0))
            if whole > 0 and all(ratio_verdict(x, whole, p, Kind.MONEY, Kind.MONEY)[0] == "ok"
                                 for x, p in zip(values, pcts)):
                return True
    return False


def _wrong_share(rows: list[list[str]], parts: list[int], row: list[str], c: int, checked: list, shares
                 ) -> tuple[int, str] | None:
    """(row, the right share) of the one part row whose share is not its amount over the total, judged on an
    amount column of the same rows that adds up; None when there is no such column or not exactly one such row."""
    amounts = [x[0] for x in checked if x[1] == "ok" and x[0] not in shares and cell_number(row[x[0]])]
    if not amounts:
        return None
    a = amounts[0]
    whole = cell_number(row[a])
    off = []
    for k in parts:
        amount, share = cell_number(rows[k][a]), cell_number(rows[k][c])
        if amount is None or share is None:
            return None
        v, exact = ratio_verdict(amount, whole, share, Kind.MONEY, Kind.MONEY)
        if v != "ok":
            off.append((k, pct_text(exact, share).removesuffix("%")))
    return off[0] if len(off) == 1 else None


def _is_data(row: list[str], total: list[str], cols: list[int]) -> bool:
    return len(row) == len(total) and bool(_label(row)) \
        and any(cell_number(row[c]) is not None for c in cols) \
        and not any(row[c].strip() and cell_number(row[c]) is None for c in cols)


def _bottom_parts(rows: list[list[str]], r: int) -> tuple[list[int], list[int], set[int]] | None:
    """(part rows, figure columns, share columns) of the total row ``r`` read upwards; None when ambiguous."""
    row = rows[r]
    label = _label(row)
    lc = next(c for c in range(2) if re.sub(r"\s+", "", row[c]) == label)
    start = r
    for rr in range(r - 1, -1, -1):  # up to the header (text where the figures are) or the previous total
        above = rows[rr]
        lb = _label(above)
        right = [x for x in above[lc + 1:] if x.strip()]
        if len(above) != len(row) or not lb or (right and all(cell_number(x) is None for x in right)):
            break  # a header row: text and no figure
        if _is_total(lb) and not (label != "小计" and lb == "小计"):
            if "总计" in label and "合计" in lb and "总计" not in lb:
                start = rr  # 总计 = 本年收入合计 + 使用结余 + 年初结转和结余 (DOMAIN §2): the 合计 is its first part
            break
        start = rr
    if start == r:
        return None
    header = rows[start - 1] if start > 0 and len(rows[start - 1]) == len(row) else [""] * len(row)
    heads = [re.sub(r"\s+", "", h) for h in header]
    cols, shares = [], set()
    # a table of two sides (收入 | 金额 | 支出 | 金额): a column of names right of the figures starts the other side,
    # whose figures are the parts of its own names, not of this side's rows; only this side is read
    def mostly(c: int, names: bool) -> bool:
        return sum(1 for k in range(start, r + 1) if rows[k][c].strip()
                   and (cell_number(rows[k][c]) is None) == names) * 2 > r + 1 - start

    # (a column of names right after this side's labels, 类别 | 项目 | 金额, is still this side's)
    figures = [c for c in range(lc + 1, len(row)) if mostly(c, False)]
    names = [c for c in range(lc + 1, len(row)) if mostly(c, True) and any(f < c for f in figures)]
    width = names[0] if names else len(row)
    for c in range(lc + 1, width):
        column = [rows[k][c] for k in range(start, r)]
        if any(x.strip() and cell_number(x) is None for x in column) or _NOT_FIGURE_HEAD.search(heads[c]):
            continue
        if _is_pct(row[c]) or any(_is_pct(x) for x in column):
            if _SHARE_HEAD.search(heads[c]) and all(_is_pct(x) for x in column if x.strip()):
                cols.append(c)
                shares.add(c)
            continue
        if _SHARE_HEAD.search(heads[c]) and cell_number(row[c]) == 100:
            cols.append(c)  # 占比（%） written without the sign: a share column all the same
            shares.add(c)
            continue
        if cell_number(row[c]) is not None or (not row[c].strip() and all(x.strip() for x in column)):
            cols.append(c)
    if not cols:
        return None
    region = list(range(start, r))
    subtotals = [k for k in region if _label(rows[k]) == "小计"]
    if subtotals:
        if label == "小计" or subtotals[-1] != r - 1:
            return None  # rows after the last 小计 that no 小计 covers: not a flat list
        return (subtotals, cols, shares) if len(subtotals) >= 2 else None
    parts: list[int] = []
    sub_until = -1
    for k in region:
        lb = _label(rows[k])
        if k <= sub_until or not any(rows[k][c].strip() for c in cols):
            continue  # a 其中 row already counted, or a group heading without figures
        if lb.startswith("其中"):
            if not parts:
                return None
            sub_until = _sub_rows(rows, parts[-1], k, cols)
            continue
        parts.append(k)
    kinds = {bool(_NUMBERED.match(_label(rows[p]))) for p in parts}
    if len(parts) < 2 or len(kinds) > 1:
        return None
    return parts, cols, shares


def _without_children(rows: list[list[str]], parts: list[int], cols: list[int]) -> list[int]:
    """The parts without runs of two or more rows that add up to the row just above them (indented children, whose
    indentation the text export and the .docx reader do not keep)."""
    out: list[int] = []
    until = -1
    for i, k in enumerate(parts):
        if k <= until:
            continue
        out.append(k)
        if i + 1 < len(parts) and parts[i + 1] == k + 1:
            end = _children_end(rows, k, k + 1, cols, k + 2)
            if end is not None and all(j in parts for j in range(k + 1, end + 1)):
                until = end
    return out


def _column(rows: list[list[str]], parts: list[int], row: list[str], c: int, share: bool):
    """(verdict, Σ, values) of one column of a bottom total; verdict None when the column says nothing."""
    values = [cell_number(rows[p][c]) for p in parts]
    if all(v is None for v in values):
        return None, None, None
    values = [v or Decimal(0) for v in values]
    stated = cell_number(row[c])
    if share:
        if stated is None:
            return None, None, None
        total = sum(values, Decimal(0))
        v, total = sum_verdict(values, stated, Kind.PERCENT, total_exact=True)  # a share column adds up to 100%
        return v, total, values
    if stated is None:
        total = sum(values, Decimal(0))
        return ("error" if total else "ok"), total, values
    v, total = sum_verdict(values, stated, Kind.MONEY)
    return v, total, values


_TOTAL_HEAD = re.compile(r"^(本年|全年)?(支出|收入)?(合计|总计|小计|合计数|总额)(（万元）|\(万元\))?$")
_NOT_PART_HEAD = re.compile(r"率|占比|%|％|比例|编码|代码|序号|编号|科目名称|^项目$|^科目$|备注|说明")
#: cells that say "nothing here" in a figure column
EMPTY = frozenset({"", "—", "——", "-", "－", "/", "／", "–", "…"})


def is_text(cell: str) -> bool:
    """A cell holding words where a figure could be (not a number, not blank or a dash)."""
    return cell.strip() not in EMPTY and cell_number(cell) is None


@dataclass
class TotalColumn:
    """A 合计 column and the columns it adds up, read from a header row: after it (a 决算 table: 合计 | 基本支出 |
    项目支出) or before it (基本支出 | 项目支出 | 合计)."""

    header: int
    col: int
    parts: list[int]
    heads: list[str]


def total_column(t: Table) -> TotalColumn | None:
    """The first header row naming a 合计 column with at least two figure columns beside it."""
    for h, head in enumerate(t.rows[:40]):
        heads = [re.sub(r"\s+", "", c) for c in head]
        if any(cell_number(c) is not None for c in head):
            continue
        for tc, x in enumerate(heads):
            if not _TOTAL_HEAD.match(x) or tc == 0:
                continue
            right = []
            for c in range(tc + 1, len(heads)):
                if not heads[c] or _TOTAL_HEAD.match(heads[c]) or _NOT_PART_HEAD.search(heads[c]):
                    break
                right.append(c)
            left = [c for c in range(1, tc) if heads[c] and not _NOT_PART_HEAD.search(heads[c])]
            parts = right if len(right) >= 2 else left
            if len(parts) >= 2:
                return TotalColumn(h, tc, parts, heads)
    return None


_WHOLE_YEAR_HEAD = re.compile(r"^(全年预算|调整后预算)(数|金额)?(（万元）|\(万元\))?$")
_OPENING_HEAD = re.compile(r"^年初预算(数|金额)?(（万元）|\(万元\))?$")
_ADJUST_HEAD = re.compile(r"^(年中)?(调整|追加|调增|追加调整)(数|额|金额|预算数?)?(（万元）|\(万元\))?$")


def stage_column(t: Table) -> TotalColumn | None:
    """A 全年预算 column with the 年初预算 and 调整 columns it is made of (DOMAIN.md section 2: 全年 = 年初 + 调整),
    read from the first header row naming all three."""
    for h, head in enumerate(t.rows[:5]):
        heads = [re.sub(r"\s+", "", c) for c in head]
        whole = [c for c, x in enumerate(heads) if _WHOLE_YEAR_HEAD.match(x)]
        opening = [c for c, x in enumerate(heads) if _OPENING_HEAD.match(x)]
        adjust = [c for c, x in enumerate(heads) if _ADJUST_HEAD.match(x)]
        if len(whole) == len(opening) == len(adjust) == 1:
            return TotalColumn(h, whole[0], [opening[0], adjust[0]], heads)
    return None


def check_total_columns(t: Table, tcol: TotalColumn | None = None) -> list[TableIssue]:
    """A 合计 column against the figure columns it adds up, row by row (合计 first, parts after it, as 决算 tables
    have it, or parts first). The columns are taken as its parts only when at least one row adds up exactly."""
    tcol = tcol or total_column(t)
    if tcol is None:
        return []
    tc, part_cols, heads = tcol.col, tcol.parts, tcol.heads
    width = len(t.rows[tcol.header])
    checked = []
    for r in range(tcol.header + 1, len(t.rows)):
        row = t.rows[r]
        if len(row) != width or cell_number(row[tc]) is None or _is_pct(row[tc]):
            continue
        cells = [row[c] for c in part_cols]
        if any(is_text(x) for x in cells) or not any(cell_number(x) is not None for x in cells):
            continue
        values = [cell_number(x) or Decimal(0) for x in cells]
        checked.append((r, values, *sum_verdict(values, cell_number(row[tc]), Kind.MONEY)))
    if not any(v == "ok" for _r, _vals, v, _s in checked):
        return []
    out = []
    for r, values, v, total in checked:
        if v == "ok":
            continue
        row = t.rows[r]
        out.append(_issue(TBL006, v, f"{_label(row)} 的{heads[tc]} {row[tc].strip()} 与同行各列之和不符："
                          f"{' + '.join(_shown(row[c]) for c in part_cols)} = {like(total, values)}",
                          like(total, values), row[tc].strip(), r, tc, _quote(row)))
    return out


def _shown(cell: str) -> str:
    return cell.strip() if cell_number(cell) is not None else "0"


def issue_gap(i: TableIssue) -> Decimal | None:
    """How far a finding's cell is from the value its check asks for (found − expected), None when either is no number."""
    a, b = cell_number(i.found or ""), cell_number(i.expected or "")
    return None if a is None or b is None else a - b


def _explained(forms: list[TableIssue], totals: list[TableIssue]) -> list[TableIssue]:
    """A part row that disagrees with its own 其中 rows (TBL009) by the amount its column's total misses: the part
    is the wrong cell (购置及运行费 28.73 over 0.00 + 29.63, and the 合计 0.90 over its parts) — said once, there."""
    off = {(i.location.col, issue_gap(i)) for i in forms if i.code == "TBL009" and issue_gap(i)}
    kept = [i for i in totals if i.code not in ("TBL001", "TBL007") or issue_gap(i) is None
            or (i.location.col, -issue_gap(i)) not in off]
    return forms + kept


def _crossing(row_issues: list[TableIssue], col_issues: list[TableIssue]) -> list[TableIssue]:
    """A wrong cell makes both its row's 合计 and its column's total disagree by the same amount: keep only the cell."""
    cells = {(i.location.col, issue_gap(i)) for i in row_issues}
    same = {(i.location.row, i.location.col) for i in row_issues}
    return [i for i in col_issues if i.code not in ("TBL001", "TBL007") or issue_gap(i) is None
            or ((i.location.col, -issue_gap(i)) not in cells and (i.location.row, i.location.col) not in same)]


# ----------------------------------------------------------------------------------------------------------------

@dataclass
class ScoreTable:
    table: Table
    items: list[tuple[int, Decimal, Decimal]] = field(default_factory=list)  # (row, weight, score)
    total_row: int | None = None
    total_weight: Decimal | None = None
    total_score: Decimal | None = None
    #: 小计 rows closing a block of indicators: (row, weight, score, the items of the block)
    subtotals: list[tuple[int, Decimal | None, Decimal | None, list[tuple[int, Decimal, Decimal]]]] = \
        field(default_factory=list)
    #: the 得分 column of the 总分 row, where the row's cells line up with the header
    score_col: int | None = None
    #: 小计 rows on the row opening their group (their indicators are below them)
    heading_rows: set[int] = field(default_factory=set)

    @property
    def score_sum(self) -> Decimal:
        return sum((s for _r, _w, s in self.items), Decimal(0))


_TOTAL_SCORE_LABEL = re.compile(r"^(总分|合计|总计|得分合计|总得分|综合得分|综合评分|综合评定(得分|分数|结果)?|自评得分|自评总分|分值合计)$")
_GROUP_WEIGHT = re.compile(r"[（(](\d+(?:\.\d+)?)分[）)]")
#: a cell standing for nothing: a dash, a slash, 无
_PLACEHOLDER = re.compile(r"[—\-－–/／、…]+|无|不适用")
_SUBTOTAL_LABEL = re.compile(r"^[\u4e00-\u9fff（）()\d.]{0,10}小计$")


def read_score_table(t: Table) -> ScoreTable | None:
    """The 分值 and 得分 columns of a 自评表 (several header rows may switch the columns), and its 总分 row."""
    st = ScoreTable(t)
    wcol = scol = None
    groups: dict[int, str | None] = {}  # row -> its group: the first cell, carried down blank (merged) rows
    group: str | None = None
    seconds: dict[int, str | None] = {}  # row -> its 二级 group: the second cell, carried down the same way
    second: str | None = None
    heading: list[tuple[int, int, str]] = []  # 小计 rows opening their group: (index in subtotals, row, group)
    pct_items: list[tuple[int, Decimal, Decimal]] = []  # indicator rows whose weight is written as a percentage
    pct_scores = False  # a score written as a percentage: the table is not in points
    for r, row in enumerate(t.rows):
        heads = [re.sub(r"\s+", "", c) for c in row]
        if any(SCORE_HEAD.fullmatch(h) for h in heads) and any(WEIGHT_HEAD.fullmatch(h) for h in heads):
            wcol = next(i for i, h in enumerate(heads) if WEIGHT_HEAD.fullmatch(h))
            scol = next(i for i, h in enumerate(heads) if SCORE_HEAD.fullmatch(h))
            continue
        if wcol is None:
            continue
        label = _label(row)
        if _TOTAL_SCORE_LABEL.match(label):
            nums = [cell_number(c) for c in row if cell_number(c) is not None]
            aligned = len(row) > max(wcol, scol) and cell_number(row[scol]) is not None
            if aligned:
                st.total_weight, st.total_score = cell_number(row[wcol]), cell_number(row[scol])
                st.score_col = scol
            elif len(nums) == 2:
                st.total_weight, st.total_score = nums
            elif len(nums) == 1:
                st.total_score = nums[0]
            st.total_row = r
            continue
        if len(row) > max(wcol, scol):
            w, s = cell_number(row[wcol]), cell_number(row[scol])
            names = [re.sub(r"\s+", "", c) for c in row if c.strip() and cell_number(c) is None
                     and not _PLACEHOLDER.fullmatch(c.strip())]  # 产出指标小计 | — | — | 50 | 49.63: dashes name nothing
            first_cell = re.sub(r"\s+", "", row[0]) if row else ""
            if names and _SUBTOTAL_LABEL.match(names[-1]) and len(names) >= 2 and first_cell == names[0] \
                    and cell_number(first_cell) is None and first_cell != group:
                # a 小计 on the row that opens its group (产出指标 | 小计 | 50 | 48.50, its indicators below): the sum
                # of the rows of that group after it, read when the table has been read
                group = first_cell
                groups[r] = group
                second = None
                heading.append((len(st.subtotals), r, group))
                st.heading_rows.add(r)
                st.subtotals.append((r, w, s, []))
                continue
            if names and _SUBTOTAL_LABEL.match(names[-1]):
                # a 小计 of its group's indicators (not an indicator of its own): the rows after the previous 小计
                # in the group of the row above it (its first cell, carried down a merged or blank column); a 小计
                # naming its group (产出指标小计) only when the group is that name
                done = {rr for sub in st.subtotals for rr, _w, _s in sub[3]}
                pool = sorted(st.items + pct_items)  # weights in % (8% … 100%) may yet be the points
                last = pool[-1][0] if pool else None
                key = groups.get(last)
                named = names[-1][:-2]
                block = [it for it in pool if it[0] not in done and groups.get(it[0]) == key]
                if key is None or (named and _GROUP_WEIGHT.sub("", key) != named):
                    block = []
                if named and not block:  # 产出指标小计 under all the groups, 质量指标小计 of a 二级 group: its rows
                    block = [it for it in pool if named in (_GROUP_WEIGHT.sub("", groups.get(it[0]) or ""),
                                           _GROUP_WEIGHT.sub("", seconds.get(it[0]) or ""))]
                st.subtotals.append((r, w, s, block))
                continue
            if first_cell and cell_number(first_cell) is None:
                group = first_cell
            groups[r] = group
            second_cell = re.sub(r"\s+", "", row[1]) if len(row) > 1 else ""
            if second_cell and cell_number(second_cell) is None or first_cell:
                second = second_cell or None  # a new 一级 cell starts its 二级 afresh
            seconds[r] = second
            if w is not None and s is not None and not _band_row(row):
                (pct_items if _is_pct(row[wcol]) else st.items).append((r, w, s))
                pct_scores = pct_scores or _is_pct(row[scol])
    if not st.items and pct_items and not pct_scores and sum(w for _r, w, _s in pct_items) == 100:
        st.items = pct_items  # 权重 8% … 100%, 得分 8.5: weights written as shares of 100 points are the points
    kept = set(st.items)
    st.subtotals = [sub[:3] + ([it for it in sub[3] if it in kept],) for sub in st.subtotals]  # points only
    for k, r, name in heading:
        st.subtotals[k] = st.subtotals[k][:3] + ([it for it in st.items if it[0] > r and groups.get(it[0]) == name],)
    return st if st.items else None


_BAND_WORD = re.compile(r"(评价|评分|自评)?(等级|等次|档次|级别|标准|区间|分数段|得分区间|分值区间|分数|范围)")


def _band_row(row: list[str]) -> bool:
    """A row of grade bands written in the scoring table (优 | 90 | 100, 等级 | 90-100 优): its words are only grades
    and the words naming bands, so its figures are bounds, not an indicator's weight and score."""
    from ..domain.grades import normalise_grade

    words = [re.sub(r"\s+", "", c) for c in row if c.strip() and cell_number(c) is None]
    grades = [w for w in words if normalise_grade(re.sub(r"[（(].*[）)]|[\d.\-—–~～至分以上下含]+", "", w) or w)]
    return bool(grades) and all(w in grades or _BAND_WORD.fullmatch(w) or re.fullmatch(r"[\d.\s\-—–~～至分（）()含以上下≥≤<>]+", w)
                                for w in words)


def check_score_table(st: ScoreTable) -> list[TableIssue]:
    t = st.table
    issues = []
    for r, w, s in st.items:
        if s > w:
            issues.append(_issue(TBL004, Verdict.WRONG, f"得分 {num_text(s)} 超过分值 {num_text(w)}", f"≤{num_text(w)}",
                                 num_text(s), r, None, _quote(t.rows[r])))
    scores = [s for _r, _w, s in st.items]
    weights = [w for _r, w, _s in st.items]
    if st.total_score is not None:
        v, total = sum_verdict(scores, st.total_score, Kind.SCORE)
        if v != "ok":
            issues.append(_issue(TBL002, v, f"总分行得分 {num_text(st.total_score)} 与各指标得分之和 {like(total, scores)} 不符",
                                 like(total, scores), num_text(st.total_score), st.total_row, None,
                                 _quote(t.rows[st.total_row])))
    if st.total_weight is not None:
        v, total = sum_verdict(weights, st.total_weight, Kind.WEIGHT)
        if v != "ok":
            issues.append(_issue(TBL003, v, f"总分行分值 {num_text(st.total_weight)} 与各指标分值之和 {like(total, weights)} 不符",
                                 like(total, weights), num_text(st.total_weight), st.total_row, None,
                                 _quote(t.rows[st.total_row])))
    for r, w, s, block in st.subtotals:
        for declared, values, what, rule, kind in ((s, [b[2] for b in block], "得分", TBL002, Kind.SCORE),
                                                   (w, [b[1] for b in block], "分值", TBL003, Kind.WEIGHT)):
            if declared is None or len(values) < 2:
                continue
            v, total = sum_verdict(values, declared, kind)
            if v != "ok":
                where = "其下" if r in st.heading_rows else "其上"
                issues.append(_issue(rule, v, f"小计行{what} {num_text(declared)} 与{where}各指标{what}之和 "
                                     f"{like(total, values)} 不符", like(total, values), num_text(declared), r, None,
                                     _quote(t.rows[r])))
    issues += _proportional_rows(st)
    issues += _deductions(st)
    issues += _completion_column(st)
    # group cells such as 产出指标（50分）: the weights of the rows under them
    first, last = st.items[0][0], st.items[-1][0]
    for c in range(len(t.rows[first])):
        groups: list[tuple[int, Decimal, list[Decimal]]] = []
        for r in range(first, last + 1):
            row = t.rows[r]
            cell = row[c] if c < len(row) else ""
            m = _GROUP_WEIGHT.search(cell.replace("\n", ""))
            # a group cell repeated on each of its rows (a table exported without merged cells) is one group
            repeated = groups and re.sub(r"\s+", "", t.rows[groups[-1][0]][c]) == re.sub(r"\s+", "", cell)
            if m and cell_number(cell) is None and not repeated:
                groups.append((r, Decimal(m.group(1)), []))
            if groups:
                groups[-1][2].extend(w for rr, w, _s in st.items if rr == r)
        for r, declared, ws in groups:
            if not ws:
                continue
            v, total = sum_verdict(ws, declared, Kind.WEIGHT)
            if v != "ok":
                name = re.sub(r"\s+", "", t.rows[r][c])
                issues.append(_issue(TBL003, v, f"{name} 的分值 {num_text(declared)} 与其下各指标分值之和 {like(total, ws)} 不符",
                                     like(total, ws), num_text(declared), r, c, _quote(t.rows[r])))
    return issues


_AT_LEAST = re.compile(r"^(?P<op>≥|>=|＞=|不低于|不少于|大于等于)?\s*(\d+(?:\.\d+)?)\s*([^\d\s≤<]*)$")
_ACTUAL_CELL = re.compile(r"^(\d+(?:\.\d+)?)\s*([^\d\s]*)$")
_TARGET_HEAD = re.compile(r"指标值|目标值|目标")
_ACTUAL_HEAD = re.compile(r"完成值|实际值|实际完成|完成情况")


def score_header(st: ScoreTable) -> list[str] | None:
    """The heads of the last header row (the one holding 得分) above a scoring table's first indicator."""
    header = None
    for row in st.table.rows[:st.items[0][0]]:
        heads = [re.sub(r"\s+", "", c) for c in row]
        if any(SCORE_HEAD.fullmatch(h) for h in heads):
            header = heads
    return header


def _target_actual_columns(st: ScoreTable) -> tuple[int, int] | None:
    """(目标值 column, 实际完成值 column) of a 自评表 whose header names one of each; None otherwise."""
    header = score_header(st)
    if header is None:
        return None
    tcols = [c for c, h in enumerate(header) if _TARGET_HEAD.search(h) and not _ACTUAL_HEAD.search(h)]
    acols = [c for c, h in enumerate(header) if _ACTUAL_HEAD.search(h)]
    return (tcols[0], acols[0]) if len(tcols) == 1 and len(acols) == 1 else None


#: the head of a column naming indicators in a table of targets (绩效指标 | 目标值 | 实际值 | 完成率)
_INDICATOR_HEAD = re.compile(r"指标|名称|项目")


def _targets_by_name(t: Table) -> dict[str, tuple[str, str]] | None:
    """indicator name -> (target cell, actual cell) of a table of targets whose header names one column of each and
    a column of names before them; None when ``t`` is not one (or names an indicator twice)."""
    for h, row in enumerate(t.rows[:3]):
        heads = [re.sub(r"\s+", "", c) for c in row]
        if any(cell_number(c) is not None for c in row) or any(SCORE_HEAD.fullmatch(x) for x in heads):
            continue
        tcols = [c for c, x in enumerate(heads) if _TARGET_HEAD.search(x) and not _ACTUAL_HEAD.search(x)]
        acols = [c for c, x in enumerate(heads) if _ACTUAL_HEAD.search(x)]
        if len(tcols) != 1 or len(acols) != 1:
            continue
        names = [c for c, x in enumerate(heads[:min(tcols[0], acols[0])]) if _INDICATOR_HEAD.search(x)]
        if not names:
            return None
        nc, out = names[-1], {}
        for row in t.rows[h + 1:]:
            if len(row) != len(heads):
                continue
            name = re.sub(r"\s+", "", row[nc])
            if not name or cell_number(name) is not None:
                continue
            if name in out:
                return None
            out[name] = (row[tcols[0]], row[acols[0]])
        return out or None
    return None


def with_targets(st: ScoreTable, tables: list[Table]) -> ScoreTable | None:
    """A 自评表 with no 目标值 / 实际值 columns, its targets given by indicator name in the one other table of the
    document that lists them (表3 主要绩效目标完成情况表 beside 表4 评分表): the 自评表 with the two cells added at the
    end of its header and of each indicator's row (for the rules that read them), None when no such table, or more
    than one, names at least two of its indicators."""
    from .scores import indicator_names

    header = score_header(st)
    if header is None or _target_actual_columns(st) is not None:
        return None
    names = {r: re.sub(r"\s+", "", n) for r, n in indicator_names(st).items()}
    found = []
    for t in tables:
        if t is st.table:
            continue
        targets = _targets_by_name(t)
        if targets is not None and sum(1 for n in names.values() if n in targets) >= 2:
            found.append(targets)
    if len(found) != 1:
        return None
    targets = found[0]
    h = max(r for r, row in enumerate(st.table.rows[:st.items[0][0]])
            if any(SCORE_HEAD.fullmatch(re.sub(r"\s+", "", c)) for c in row))
    rows = [list(row) for row in st.table.rows]
    width = len(rows[h])
    rows[h] = rows[h] + ["目标值", "实际完成值"]
    for r, _w, _s in st.items:
        if r in names and names[r] in targets and len(rows[r]) == width:
            rows[r] = rows[r] + list(targets[names[r]])
    joined = Table(st.table.index, st.table.line, rows, st.table.row_lines)
    return replace(st, table=joined)


def check_joined_targets(st: ScoreTable, tables: list[Table], texts: list[str]) -> list[TableIssue]:
    """TBL013 on a 自评表 whose targets and actual values are in another table (:func:`with_targets`): the rules
    that read a row's target and actual, each finding quoting the 自评表's own row."""
    joined = with_targets(st, tables)
    if joined is None:
        return []
    out = []
    for i in _proportional_rows(joined) + check_reverse_rows(joined, texts):
        out.append(replace(i, quote=_quote(st.table.rows[i.location.row])))
    return out


def _proportional_rows(st: ScoreTable) -> list[TableIssue]:
    """TBL013: the table's own rule for unmet ≥-targets, read from its rows: when at least two such rows score
    weight × actual ÷ target and exactly one does not, that one is wrong."""
    t = st.table
    cols = _target_actual_columns(st)
    if cols is None:
        return []
    tc, ac = cols
    agree, differ = 0, []
    for r, w, s in st.items:
        row = t.rows[r]
        if len(row) <= max(tc, ac):
            continue
        mt = _AT_LEAST.match(re.sub(r"\s+", "", row[tc]).translate(FULL_WIDTH))
        ma = _ACTUAL_CELL.match(re.sub(r"\s+", "", row[ac]).translate(FULL_WIDTH))
        if not mt or not ma or mt.group(3) != ma.group(2):
            continue
        target, actual = Decimal(mt.group(2)), Decimal(ma.group(1))
        if target <= 0 or actual >= target:
            continue
        if any(re.search(r"成本|控制", c) for c in row[:min(tc, ac)]):
            continue  # a cost held under its figure (成本控制 180万元, 实际176.4万元): a ceiling met, not a floor missed
        if target != 100 and any("执行率" in c for c in row[:min(tc, ac)]):
            continue  # 预算执行率 under a target of 90%: scored 分值 × 执行率 as often as in proportion (TBL014)
        exact = w * actual / target
        if score_fits(exact, s):
            agree += 1
        else:
            # a bare 100% is a floor too: no rate goes above it
            # a bare 100% is a floor too: no rate goes above it; so is the bare target of a 数量指标 (a number of
            # things to do: 培训120人, 检查260家次), a count done that falls short of it
            differ.append((r, w, s, target, actual, exact, mt.group(3),
                           bool(mt.group("op")) or (target == 100 and mt.group(3) in ("%", "％"))
                           or (any("数量" in c for c in row[:min(tc, ac)]) and mt.group(3) not in ("%", "％", ""))))
    from .slips import slip_kind

    def swapped(d) -> bool:
        return slip_kind(str(d[2]), d[5].quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)) == "相邻两位数字互换"

    slips = [d for d in differ if d[-1] and swapped(d)]
    if slips:
        # a score that is DOMAIN §3's proportional value with two neighbouring digits swapped (5.47 for 6 × 1436 ÷
        # 1500 = 5.74) is that value mistyped, whatever rule the table's other rows follow
        return [_proportional_issue(t, d, "按比例计分（DOMAIN §3）") for d in slips]
    if len(differ) != 1 or not differ[0][-1]:
        return []  # a bare target (3处, 100%) counts towards the table's rule, only a ≥ one is judged
    if agree < 2:
        return []  # the table's own rule needs two rows that follow it
    return [_proportional_issue(t, differ[0], "按表中其他指标的比例计分")]


#: the head of a 自评表's column of completion rates (完成率（%）, 完成比例, 指标完成率)
_COMPLETION_HEAD = re.compile(r"^(?:指标)?完成(?:率|比例|程度)(?:（[%％]）|\([%％]\)|[%％])?$")


def _completion_column(st: ScoreTable) -> list[TableIssue]:
    """TBL005 for a 自评表's column of completion rates: on a row whose target is a floor (≥25个, or a bare figure)
    and whose actual is of the target's unit, the rate is actual ÷ target (DOMAIN §2, 完成率 = 实际 ÷ 目标). Judged
    only when another row of the column bears that reading out (the table's own rule: not a rate capped at 100%
    nor one reckoned otherwise), and a rate of 100% over a target exceeded is taken as capped."""
    t = st.table
    cols = _target_actual_columns(st)
    header = score_header(st)
    if cols is None or header is None:
        return []
    rc = [c for c, h in enumerate(header) if _COMPLETION_HEAD.match(re.sub(r"\s+", "", h))]
    if len(rc) != 1:
        return []
    tc, ac, rc = *cols, rc[0]
    read = []
    for r, _w, _s in st.items:
        row = t.rows[r]
        if len(row) <= max(tc, ac, rc):
            continue
        mt = _AT_LEAST.match(re.sub(r"\s+", "", row[tc]).translate(FULL_WIDTH))
        ma = _ACTUAL_CELL.match(re.sub(r"\s+", "", row[ac]).translate(FULL_WIDTH))
        stated = cell_number(row[rc])
        if not mt or not ma or mt.group(3) != ma.group(2) or stated is None:
            continue
        target, actual = Decimal(mt.group(2)), Decimal(ma.group(1))
        if target <= 0:
            continue
        read.append((r, target, actual, stated, ratio_verdict(actual, target, stated, Kind.MONEY)))
    agree = sum(1 for x in read if x[4][0] == "ok" and x[1] != x[2])  # (actual = target says nothing of the rule)
    if agree < 1:
        return []
    issues = []
    for r, target, actual, stated, (v, exact) in read:
        if v != Verdict.WRONG or exact is None or (stated == 100 and actual >= target):
            continue
        row = t.rows[r]
        issues.append(_issue(TBL005, v, f"{header[rc]} {row[rc].strip()} 与 实际 {row[ac].strip()} ÷ 目标 "
                             f"{row[tc].strip()} = {pct_text(exact, stated)} 不符", pct_text(exact, stated),
                             row[rc].strip(), r, rc, _quote(row)))
    return issues


def _proportional_issue(t: Table, d: tuple, how: str) -> TableIssue:
    r, w, s, target, actual, exact, unit, _op = d
    expected = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return _issue(TBL013, Verdict.WRONG, f"实际 {num_text(actual)}{unit} 未达目标 {num_text(target)}{unit}，{how}"
                  f"应得 {num_text(w)} × {num_text(actual)} ÷ {num_text(target)} = {expected}，表中为 "
                  f"{num_text(s)}", str(expected), num_text(s), r, None, _quote(t.rows[r]))


_DEDUCTED = re.compile(r"扣(?:除|减|掉)?\s*(\d+(?:\.\d+)?)\s*分")
#: words of a scoring method in a note, not a deduction made: 按比例, 每少一项扣0.5分, 得8分, 计分
_NOTE_RULE = re.compile(r"比例|每|得\s*\d|计分|折算|最多|累计|以内|不超过|上限|未达到?|低于|高于|超过|不足|少于|共扣|合计|总计|"
                        r"[≥≤<>＜＞]")
#: the head of a column of notes on the points a row lost (not of the scoring standard)
_NOTE_HEAD = re.compile(r"扣分|偏差|原因|说明|备注|情况")
_STANDARD_HEAD = re.compile(r"标准|办法|规则|依据|方法")


def _deductions(st: ScoreTable) -> list[TableIssue]:
    """TBL016: a row whose note (扣分原因, 偏差原因, 说明 …: a cell right of the score) says how many points it lost
    scores its weight less those points."""
    t = st.table
    issues = []
    col = st.score_col
    header = score_header(st)
    if header is not None:
        col = next((c for c, h in enumerate(header) if SCORE_HEAD.fullmatch(h)), col)
    if col is None:
        return issues
    for r, w, s in st.items:
        at = [c for c in range(col + 1, len(t.rows[r])) if t.rows[r][c].strip() and cell_number(t.rows[r][c]) is None]
        notes = [t.rows[r][c] for c in at]
        if len(notes) != 1 or _NOTE_RULE.search(notes[0]):
            continue
        head = header[at[0]] if header is not None and at[0] < len(header) else ""
        if not _NOTE_HEAD.search(head) or _STANDARD_HEAD.search(head):
            continue  # a 评分标准 column states the rule, not the points this row lost
        points = [Decimal(x) for x in _DEDUCTED.findall(notes[0].translate(FULL_WIDTH))]
        if not points:
            continue
        expected = w - sum(points)
        if expected < 0 or s == expected:
            continue
        issues.append(_issue(TBL016, Verdict.WRONG, f"分值 {num_text(w)}、说明写扣{'、'.join(num_text(x) for x in points)}分，"
                             f"得分应为 {num_text(expected)}，表中为 {t.rows[r][col].strip()}", num_text(expected), num_text(s), r, None,
                             _quote(t.rows[r])))
    return issues


_AT_MOST = re.compile(r"^(?:≤|<=|＜=|不高于|不超过|小于等于|控制在)\s*(\d+(?:\.\d+)?)\s*([^\d\s≥>]*?)(?:以内|以下)?$")
#: the report's rule for an unmet 反向 (lower-is-better) indicator, as DOMAIN §3 has it: a deduction in proportion to
#: the excess, nothing at twice the target
REVERSE_RULE = re.compile(r"反向[^。；]{0,40}?(?:(?:2|两|二)倍|超出比例扣分|按超出[^。；]{0,6}比例|"
                          r"1\s*[-−－]\s*[（(]?\s*实际值?\s*[-−－]\s*目标值?)")


def check_reverse_rows(st: ScoreTable, texts: list[str]) -> list[TableIssue]:
    """TBL013 for 反向 indicators (目标 ≤T, 实际 A > T: the target missed): full marks are wrong where the table scores
    its other missed targets below their weight; where the report states DOMAIN §3's rule (weight × (1 − (A − T) ÷ T),
    0 at twice the target), a score that is neither that nor full is wrong too."""
    t = st.table
    cols = _target_actual_columns(st)
    if cols is None:
        return []
    tc, ac = cols
    stated = any(REVERSE_RULE.search(x) for x in texts)
    reduced = missed = 0
    out = []
    for r, w, s in st.items:
        row = t.rows[r]
        if len(row) <= max(tc, ac):
            continue
        cell_t, cell_a = (re.sub(r"\s+", "", row[c]).translate(FULL_WIDTH) for c in (tc, ac))
        ma = _ACTUAL_CELL.match(cell_a)
        floor = _AT_LEAST.match(cell_t)
        if ma and floor and floor.group(3) == ma.group(2) and Decimal(ma.group(1)) < Decimal(floor.group(2)):
            reduced += s < w
            missed += 1
        mt = _AT_MOST.match(cell_t)
        if not ma or not mt or mt.group(2) != ma.group(2):
            continue
        target, actual = Decimal(mt.group(1)), Decimal(ma.group(1))
        if target <= 0 or actual <= target:
            continue
        exact = w * (1 - (actual - target) / target) if actual < 2 * target else Decimal(0)
        if score_fits(exact, s):
            continue
        out.append((r, w, s, target, actual, exact, mt.group(2)))
    from .slips import slip_kind

    issues = []
    for r, w, s, target, actual, exact, unit in out:
        expected = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        rule = f"按反向指标计分应得 {num_text(w)} × (1 − ({num_text(actual)} − {num_text(target)}) ÷ {num_text(target)}) = " \
            f"{expected}" if actual < 2 * target else "超过目标值 2 倍应得 0"
        if s == w and (reduced or stated):
            issues.append(_issue(TBL013, Verdict.WRONG, f"反向指标实际 {num_text(actual)}{unit} 超过目标 ≤{num_text(target)}{unit}，"
                                 f"未达目标却得满分 {num_text(s)}" + (f"；{rule}" if stated else "（表中其他未达目标的指标已扣分）"),
                                 str(expected) if stated else f"<{num_text(w)}", num_text(s), r, None, _quote(t.rows[r])))
        elif s != w and (stated or slip_kind(str(s), expected) == "相邻两位数字互换"):
            # (no rule stated: a score that is the rule's value with two neighbouring digits swapped is that value
            # mistyped, never another method's)
            issues.append(_issue(TBL013, Verdict.WRONG, f"反向指标实际 {num_text(actual)}{unit} 超过目标 ≤{num_text(target)}{unit}，"
                                 f"{rule}，表中为 {num_text(s)}", str(expected), num_text(s), r, None, _quote(t.rows[r])))
    return issues


TBL017 = Rule("TBL017", "lint", ERROR, "得分汇总表与评分表不符",
    "文件中恰有一张逐项的评分表（一级指标列写明产出、效益、满意度、预算执行，其总分行与各行相符）、又有按一级指标汇总的"
    "得分表（每行一种一级指标，没有二级、三级指标列，各种的分值与评分表中该种各行分值之和相同）时，汇总表中每种指标的得分应等于"
    "评分表中该种各行得分之和（舍入之内不报）。汇总表的总分行与其各行之和不符、而改正这些不符的行后即相符时，只在这些行报告。"
    "文件有几张逐项评分表（部门的和项目的）时不核对。",
    "report.txt:60: 表3 第4行: TBL017 效益指标 的得分 26.55 与表2（评分表）中效益指标各行得分之和不符：10.00 + 9.05 + 6.50 = 25.55")


def _kinds_summary(st: ScoreTable) -> bool:
    """A table of one row per 一级 kind (预算执行 | 10 | 8.80; 产出指标 | 50 | …), no 二级 or 三级 column."""
    from .counts import _kind

    rows = st.table.rows
    if len(st.items) < 3:
        return False
    heads = {re.sub(r"\s+", "", x) for row in rows[:st.items[0][0]] for x in row}
    names = [re.sub(r"\s+", "", rows[r][0]) for r, _w, _s in st.items]
    return not any(re.search(r"二级|三级|指标名称", h) for h in heads) \
        and all(re.fullmatch(r"(预算执行率?|产出|效益|满意度)(指标)?", n) for n in names) \
        and len({_kind(n) for n in names}) == len(names)


def check_summary_scores(tables: list[ScoreTable]) -> tuple[list[tuple[ScoreTable, TableIssue]], set[int]]:
    """TBL017: a table of the 一级 kinds' weights and scores (预算执行 | 10 | 8.80; 产出指标 | 50 | 46.44 …) against
    the detailed 自评表 of the same document, kind by kind. Returns the issues and the indexes of the summary tables
    whose 总分 row these issues explain (its TBL002 is then not said)."""
    from .counts import _kind, row_kinds

    details = [st for st in tables if len({k for _r, _s, k in row_kinds(st) if k}) >= 2 and len(st.items) >= 4
               and not _kinds_summary(st)]
    if len(details) != 1:
        return [], set()  # none, or several (the department's and a project's): which one is summed is not told
    detail = details[0]
    if detail.total_score is not None and sum_verdict([s for _r, _w, s in detail.items], detail.total_score,
                                                      Kind.SCORE)[0] != "ok":
        return [], set()  # the 自评表 disagrees with its own 总分: it is no yardstick for another table
    weights: dict[str, list[Decimal]] = {}
    scores: dict[str, list[Decimal]] = {}
    for (r, w, s), (_r, _s, kind) in zip(detail.items, row_kinds(detail)):
        if kind is None:
            return [], set()  # a row of no kind: the sums by kind are not the whole of the table
        weights.setdefault(kind, []).append(w)
        scores.setdefault(kind, []).append(s)
    out: list[tuple[ScoreTable, TableIssue]] = []
    explained: set[int] = set()
    for st in tables:
        if st is detail or len(st.items) < 3:
            continue
        rows = st.table.rows
        kinds = [_kind(re.sub(r"\s+", "", rows[r][0])) for r, _w, _s in st.items]
        if not _kinds_summary(st) or None in kinds or len(set(kinds)) != len(kinds) or set(kinds) != set(scores):
            continue  # a table of indicators of its own (a project's, one a kind), not a summary of the kinds
        if any(sum_verdict(weights[kind], w, Kind.SCORE)[0] != "ok" for (_r, w, _s), kind in zip(st.items, kinds)):
            continue  # weights of other kinds than the 自评表's: the summary of another set of indicators
        fixed = []
        for (r, w, s), kind in zip(st.items, kinds):
            corrected = s
            for what, stated, values in (("得分", s, scores[kind]),):
                v, total = sum_verdict(values, stated, Kind.SCORE)
                if v != Verdict.WRONG:
                    continue  # agreeing, or within the rounding of a summary written to fewer places
                out.append((st, _issue(TBL017, v, f"{_label(rows[r])} 的{what} {num_text(stated)} 与{detail.table.where()}"
                                       f"（评分表）中{kind}指标各行{what}之和不符：{' + '.join(f'{x:f}' for x in values)}"
                                       f" = {like(total, values)}", like(total, values), num_text(stated), r, None,
                                       _quote(rows[r]))))
                if what == "得分":
                    corrected = total
            fixed.append(corrected)
        if st.total_score is not None and fixed != [s for _r, _w, s in st.items] \
                and sum_verdict(fixed, st.total_score, Kind.SCORE)[0] == "ok":
            explained.add(st.table.index)
    return out, explained


def score_fits(exact: Decimal, score: Decimal) -> bool:
    """A score written for ``exact``: rounded half up or cut to its own places (one or two), to two decimals, or
    to one decimal written with two (9.20 for 9.19: 保留一位小数 in a column printed with two places)."""
    cent, tenth = Decimal("0.01"), Decimal("0.1")
    q = Decimal(1).scaleb(-min(2, max(1, -score.as_tuple().exponent)))  # 10 for 9.73 is no rounding
    return score in (exact.quantize(q, rounding=ROUND_HALF_UP), exact.quantize(q, rounding=ROUND_DOWN),
                     exact.quantize(cent, rounding=ROUND_HALF_UP), exact.quantize(cent, rounding=ROUND_DOWN),
                     exact.quantize(tenth, rounding=ROUND_HALF_UP), exact.quantize(tenth, rounding=ROUND_DOWN))


_EXEC_NAME = re.compile(r"(预算)?执行率")
#: the report states the 预算执行率 indicator's proportional rule: 分值×执行率, 执行率×分值, 按执行率计得
_SCORED = r"(计分|得分|计算得分|折算|赋分|计得)"
_WEIGHTED = r"(分值|权重|满分|\d+(\.\d+)?\s*分)"
_EXEC_RULE = re.compile(rf"执行率\s*[×xX*＊]\s*(该指标|该项)?{_WEIGHTED}|{_WEIGHTED}\s*[×xX*＊]\s*(预算)?执行率|"
                        rf"按(预算)?执行(率|数)?[^，。；]{{0,16}}?比例{_SCORED}|执行率按[^，。；]{{0,16}}?比例{_SCORED}|"
                        rf"按(预算)?执行率{_SCORED}")
#: where the 执行率's own rule ends: a clause about another kind of indicator
_OTHER_KIND = re.compile(r"定性|定量|产出|效益|满意度|其他|其余|指标")


def _own_execution_rule(text: str) -> bool:
    """A sentence scoring the 预算执行率 by a rule of its own: from a clause naming the 执行率 to the first clause
    about another kind of indicator (定性指标按达成程度分档计分 is not the 执行率's), a deduction, threshold or band
    (the rules of the region's own that TXT008 leaves alone in prose)."""
    from .scores import _OWN_RULE

    for sentence in re.split(r"[。！？\n]", text):
        if "执行率" not in sentence or "分" not in sentence:
            continue
        on = False
        for clause in re.split(r"[，；,;]|(?<![\d.])\d+[.．、](?!\d)", sentence):  # a numbered item is another's
            if "执行率" in clause:
                on = True
                clause = clause[clause.index("执行率"):]  # 扣分原因说明：1.预算执行率：… is no deduction rule
            elif on and _OTHER_KIND.search(clause):
                on = False
            if on and _OWN_RULE.search(clause):
                return True
    return False


_EXEC_SAID = re.compile(r"预算执行率(?:为|达到|达|是|：|:)?\s*(\d+(?:\.\d+)?)\s*%")


def execution_said(texts: list[str]) -> frozenset[Decimal]:
    """The 预算执行率 figures the text states: read once per document, for all its scoring tables."""
    return frozenset(Decimal(m.group(1)) for text in texts for m in _EXEC_SAID.finditer(text.translate(FULL_WIDTH)))


def check_execution_row(st: ScoreTable, texts: list[str], said: frozenset[Decimal] | None = None) -> list[TableIssue]:
    """TBL014: the 预算执行率 row's score against weight × its rate (DOMAIN §3), where the document makes that rule
    the one used: the text states it and no rule of its own, or the table's 总分 is the sum with that score in
    place of the row's (and not the sum as written)."""
    t = st.table
    header = score_header(st)
    if header is None:
        return []
    rows = [(r, w, s) for r, w, s in st.items
            if any(_EXEC_NAME.search(re.sub(r"\s+", "", c)) for c in t.rows[r] if cell_number(c) is None)]
    if len(rows) != 1:
        return []
    r, w, s = rows[0]
    row = t.rows[r]
    cols = [c for c, h in enumerate(header) if c < len(row) and (_ACTUAL_HEAD.search(h) or h.endswith("执行率"))
            and not _TARGET_HEAD.search(h.replace("实际完成", "")) and _is_pct(row[c])]
    if len(cols) > 1 or w <= 0:
        return []
    if cols:
        rate, shown = cell_number(row[cols[0]]), row[cols[0]].strip()
    else:
        # no rate in the row: the one the text states for the 预算执行率 (every mention the same figure)
        said = set(execution_said(texts) if said is None else said)
        if len(said) != 1:
            return []
        rate = said.pop()
        shown = f"{rate}%（正文所述）"
    if rate is None or not (0 < rate < 100):
        return []
    exact = w * rate / 100
    slack = Decimal(5).scaleb(rate.as_tuple().exponent - 1) * w / 100  # the rate is itself rounded
    if score_fits(exact, s) or abs(s - exact) <= slack + Decimal("0.005"):
        return []
    expected = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    stated = [m for text in texts for m in _EXEC_RULE.finditer(text)]
    own = any(_own_execution_rule(text) for text in texts if "执行率" in text)
    basis = None
    if stated and not own:
        basis = f"按文中所述的计分（{stated[0].group(0)}）"
    elif st.total_score is not None and st.total_score != st.score_sum \
            and st.score_sum - s + expected == st.total_score:
        basis = f"按表中总分 {num_text(st.total_score)} 所用的计分（总分恰为此项得 {expected} 时各项之和）"
    if basis is None:
        return []
    return [_issue(TBL014, Verdict.WRONG, f"预算执行率 {shown}，{basis}应得 {num_text(w)} × "
                   f"{rate}% = {expected}，表中为 {num_text(s)}", str(expected), num_text(s), r, None,
                   _quote(row))]


# ----------------------------------------------------------------------------------------------------------------

_NUM_HEAD = re.compile(r"执行|实际|实有|在职|完成|决算|实际规模|实际投资")
_PCT_UNIT = re.compile(r"(（[%％]）|\([%％]\)|[%％])$")
_DEN_HEAD = re.compile(r"预算|编制|计划|目标|批复|核定|指标值|概算")


def stacked_heads(upper: list[str], lower: list[str]) -> list[str]:
    """One name per column from a header of two rows: a cell of the upper row spanning several columns (a merged cell,
    read into its first column, the others left blank) heads each column below it (预算数 over 年初预算 | 全年预算 gives
    预算数年初预算 | 预算数全年预算); a column blank in the lower row keeps its upper name (决算数 over two rows)."""
    out, span = [], ""
    for up, low in zip(upper, lower):
        if up:
            span = up
        elif low:
            up = span
        else:
            span = ""
        out.append(up if not low or low == up else up + low)
    return out


#: a column of another year (上年决算数, 去年执行数, 上年同期)
_PRIOR_HEAD = re.compile(r"^(?:上年|上年度|去年|上一年度?|以前年度)")


def rate_operands(header: list[str], row: list[str], rate_head: str = "") -> tuple[list[int], list[int]]:
    """The columns a rate column of ``row`` is of by its definition: (numerator columns: 执行 / 实际 / 实有 …,
    denominator columns: 预算 / 编制 / 计划 …), each holding a figure in ``row``. 执行率 is of the 全年预算 where the
    table has one (DOMAIN.md section 2): then that column is the only denominator, unless the rate's own head
    ``rate_head`` names the 年初预算 (年初预算执行率)."""
    def figure(i: int) -> bool:
        return i < len(row) and cell_number(row[i]) is not None and not _is_pct(row[i])

    # (上年决算数 beside 预算数 | 决算数: last year's figure is no term of this year's rate)
    nums = [i for i, hh in enumerate(header) if _NUM_HEAD.search(hh) and not hh.endswith("率") and figure(i)
            and not _PRIOR_HEAD.match(hh)]
    dens = [i for i, hh in enumerate(header) if _DEN_HEAD.search(hh) and not _NUM_HEAD.search(hh) and figure(i)
            and not _PRIOR_HEAD.match(hh)]
    stage = r"年初" if "年初" in rate_head else r"全年|调整后"
    whole = [d for d in dens if re.search(stage, header[d])]
    return nums, whole if len(whole) == 1 else dens


#: a column of a rate not named …率: 完成预算（%）, 执行预算（%）, 占全年预算（%） — the row's actual over its budget
_RATE_LIKE = re.compile(r"^(?:完成|执行|占)(?:年初|全年|调整后?)?预算(?:数)?(?:的)?(?:比例|百分比|进度)?$")


def _rate_head(h: str) -> bool:
    return h.endswith("率") or bool(_RATE_LIKE.match(h))


def check_rate_columns(t: Table, corrected: dict[tuple[int, int], Decimal] | None = None,
                       summed: dict[tuple[int, int], Decimal] | None = None) -> list[TableIssue]:
    """A column headed …率 against the figures of its row: 执行率 = 执行数 / 预算数, 控制率 = 实有 / 编制 …
    ``corrected``: (row, column) -> the value a cell reported wrong should have (its rate is judged on that);
    ``summed``: (row, column) -> the sum a total cell reported wrong misses (a rate right on that sum is right: 合计
    889.74 over rows making 889.47, its 执行率 89.04 = 889.47 ÷ 999.00, the total said wrong once)."""
    corrected = corrected or {}
    summed = summed or {}
    issues = []
    header: list[str] | None = None
    header_row = -1
    percent: list[bool] = []  # the columns headed …率（%）: their figures are percentages written without the sign
    for r, row in enumerate(t.rows):
        heads = [re.sub(r"\s+", "", c) for c in row]
        bare = [_PCT_UNIT.sub("", h) for h in heads]
        if any(_rate_head(h) for h in bare) and not any(cell_number(c) is not None for c in row):
            header, header_row, percent = bare, r, [h != b for h, b in zip(heads, bare)]
            continue
        if header is not None and header_row == r - 1 and len(heads) == len(header) \
                and not any(cell_number(c) is not None for c in row) and sum(1 for h in heads if h) >= 2:
            header = stacked_heads(header, heads)  # 预算数 over 年初预算 | 全年预算: the second header row
            continue
        if header is None or len(row) != len(header):
            continue
        for c, h in enumerate(header):
            if not _rate_head(h) or not (_is_pct(row[c]) or (percent[c] and cell_number(row[c]) is not None)):
                continue
            if _RATE_CHANGE_HEAD.match(h):
                continue  # 增减率 is a change against 上年 (TBL010), never a ratio of two figures of the row
            stated = cell_number(row[c])
            nums, use = rate_operands(header, row, h)
            nums, use = [i for i in nums if i != c], [i for i in use if i != c]
            value = lambda i: corrected.get((r, i), cell_number(row[i]))  # noqa: E731
            results = [(n, d, *ratio_verdict(value(n), value(d), stated, Kind.MONEY)) for n in nums for d in use
                       if value(d)]
            if not results or any(x[2] == "ok" for x in results):
                continue
            if any((r, i) in summed for i in nums + use):
                other = lambda i: summed.get((r, i), value(i))  # noqa: E731
                if any(other(d) and ratio_verdict(other(n), other(d), stated, Kind.MONEY)[0] == "ok"
                       for n in nums for d in use):
                    continue
            n, d, v, exact = min(results, key=lambda x: abs(x[3] - stated) if x[3] is not None else Decimal(10**9))
            if exact is None:
                continue
            issues.append(_issue(TBL005, v, f"{h} {row[c].strip()} 与 {header[n]} {_shown(row[n])} ÷ {header[d]} "
                                 f"{_shown(row[d])} = {pct_text(exact, stated)} 不符", pct_text(exact, stated),
                                 row[c].strip(), r, c, _quote(row)))
    return issues


TBL010 = Rule("TBL010", "lint", ERROR, "表中增减额、增减率与本年数、上年数不符",
    "有“上年”“本年”“增减额”（或“增减率”）列的表：每行的增减额应等于本年数 − 上年数，增减率应等于 (本年数 − 上年数) ÷ 上年数"
    "（方向与增减一致；上年数为 0 时不核对增减率）。列名为相邻两个年度（“2023年决算”“2024年决算”，先后不限）时，较晚的年度是本年。"
    "某行自身不符时只报该行的增减额，不再把同列合计行的不符算作另一处错误。",
    "report.txt:40: 表2 第3行 第4列: TBL010 项目支出 的增减额 208.00 与 本年数 3,260.00 − 上年数 2,980.00 = 280.00 不符")

_PREV_HEAD = re.compile(r"^(上年|上年度|去年)(数|决算数?|金额|支出)?$")
_CUR_HEAD = re.compile(r"^(本年|本年度|今年)(数|决算数?|金额|支出)?$")
_YEAR_HEAD = re.compile(r"^((?:19|20)\d\d)年(?:度)?(?:数|决算数?|金额|支出)?$")
#: a column of this year's actual figure named by its stage alone (决算数, 实际支出, 执行数)
_PLAIN_ACTUAL_HEAD = re.compile(r"^(?:决算|决算数|决算金额|实际支出|支出决算数?|执行数)$")
_DELTA_HEAD = re.compile(r"^(增减|增减额|增减金额|增减变动额?|变动额|比上年增减)(（[^）]*）)?$")


_RATE_CHANGE_HEAD = re.compile(r"^(增减率|增减幅度|增减比例|增减变动率|变动率|变动幅度|增长率|增幅|比上年增减[%％]?)"
                               r"(（%）|\(%\)|[%％])?$")


def check_change_columns(t: Table) -> list[TableIssue]:
    """Columns 上年 | 本年 | 增减额 | 增减率: each row's 增减额 is 本年 − 上年 and its 增减率 is (本年 − 上年) ÷ 上年
    (DOMAIN §2: 增减 = 本年 − 上年, 增长率 = (本年 − 上年) / 上年)."""
    issues = []
    cols = None
    for r, row in enumerate(t.rows):
        heads = [re.sub(r"\s+", "", c) for c in row]
        if not any(cell_number(c) is not None for c in row):
            found = [next((i for i, h in enumerate(heads) if rx.match(h)), None)
                     for rx in (_PREV_HEAD, _CUR_HEAD, _DELTA_HEAD, _RATE_CHANGE_HEAD)]
            years = [(int(m.group(1)), i) for i, h in enumerate(heads) if (m := _YEAR_HEAD.match(h))]
            years.sort()
            if found[0] is None and found[1] is None and len(years) == 2 and years[1][0] == years[0][0] + 1:
                # 2022年 | 2023年 | 增减额 (or 2024年决算 | 2023年决算): the later year is this year, in either order
                found[0], found[1] = years[0][1], years[1][1]
            if found[0] is not None and found[1] is None:
                # 预算数 | 决算数 | 上年决算数 | 增减额: beside last year's 决算, the one plain 决算 column is this year's
                plain = [i for i, h in enumerate(heads) if _PLAIN_ACTUAL_HEAD.match(h)]
                found[1] = plain[0] if len(plain) == 1 else None
            cols = found if None not in found[:2] and (found[2] is not None or found[3] is not None) else None
            continue
        if cols is None or len(row) <= max(c for c in cols if c is not None):
            continue
        p, c = cell_number(row[cols[0]]), cell_number(row[cols[1]])
        if p is None or c is None or any(_is_pct(row[i]) for i in cols[:2]):
            continue
        d = cell_number(row[cols[2]]) if cols[2] is not None else None
        if d is not None and not _is_pct(row[cols[2]]):
            v, _s = sum_verdict([p, d], c, Kind.MONEY)
            if v != "ok":
                shown = like(c - p, [p, c])
                issues.append(_issue(TBL010, v, f"{_label(row)} 的增减额 {row[cols[2]].strip()} 与 本年数 {row[cols[1]].strip()} − "
                                     f"上年数 {row[cols[0]].strip()} = {shown} 不符", shown, row[cols[2]].strip(), r,
                                     cols[2], _quote(row)))
        rate = cell_number(row[cols[3]]) if cols[3] is not None else None
        if rate is None or p <= 0 or not (_is_pct(row[cols[3]]) or "%" in heads_of(t, r, cols[3])):
            continue
        change = c - p
        v, exact = ratio_verdict(abs(change), p, abs(rate), Kind.MONEY)
        if rate and change and (rate > 0) != (change > 0):
            v, exact = Verdict.WRONG, abs(change) / p * 100  # the sign says the other direction
        if v == "ok" or exact is None:
            continue
        signed = exact if change >= 0 else -exact
        shown = pct_text(signed, rate)
        issues.append(_issue(TBL010, v, f"{_label(row)} 的{t.rows[cols_header(t, r)][cols[3]].strip() or '增减率'} "
                             f"{row[cols[3]].strip()} 与 (本年数 {row[cols[1]].strip()} − 上年数 {row[cols[0]].strip()}) "
                             f"÷ 上年数 = {shown} 不符", shown, row[cols[3]].strip(), r, cols[3], _quote(row)))
    return issues


def _explained_by_changes(sums: list[TableIssue], changes: list[TableIssue]) -> list[TableIssue]:
    """The sums of a 增减额 column without those its one wrong change explains: a row's 增减额 that is not 本年 − 上年
    (TBL010) by just what the column misses its 合计 by is the cell mistyped (-0.64 for -0.46 in a column adding to
    -0.87 with it corrected), not the cell the fewest corrections would pick (0.00 for 0.18)."""
    def gap(i: TableIssue) -> Decimal | None:
        e, f = cell_number(i.expected or ""), cell_number(i.found or "")
        return None if e is None or f is None else e - f

    moved = {(i.location.col, gap(i)) for i in changes if i.code == "TBL010" and i.severity == ERROR}
    return [i for i in sums if not (i.severity == ERROR and ((i.location.col, gap(i)) in moved
                                                             or (i.location.col, -gap(i) if gap(i) is not None else None) in moved))]


def cols_header(t: Table, r: int) -> int:
    """The header row above row ``r``: the last row before it without figures."""
    return next((h for h in range(r - 1, -1, -1) if not any(cell_number(x) is not None for x in t.rows[h])), 0)


def heads_of(t: Table, r: int, c: int) -> str:
    row = t.rows[cols_header(t, r)]
    return row[c] if c < len(row) else ""


TBL009 = Rule("TBL009", "lint", ERROR, "表中总额行与其下“其中”各行不符",
    "表格（自评表的“年度资金总额”、资金来源表等）中，总额行下面紧接“其中：…”及其后各行时，这些行是总额的组成，"
    "逐列核对（执行率、分值、得分列不核对）。总额为 0 或空白而其下各行填有数字时为错误；总额非 0 时，至少有一列"
    "能对上才认定这些行是其组成，其余列对不上为错误（差额在舍入误差内为警告）。任何一项（如“公务用车购置及运行费”）"
    "下面紧接“其中”各行时同样核对；该项与其“其中”各行之差恰好也是所在列合计的差额时，错的是这一格，只在这里报告。"
    "“其中”块到与该项同级编号的下一项（“（一）基本支出”之后的“（二）项目支出”）为止，且取在某一列恰好合计为该项的最短行组"
    "（其后在该列留空的行仍属此块，如另一年度的明细）；增减额列是各行两年之差（由 TBL010 逐行核对），不在此报告。",
    "report.txt:12: 表1 第2行 第2列: TBL009 年度资金总额 年初预算数为 0.00，而其下 其中：财政拨款、其他资金 之和为 "
    "6,420.00 + 80.00 = 6500.00")

#: the head of a column of changes against last year (增减额, 变动, 差额): each row's own years' difference
CHANGE_HEAD = re.compile(r"增减|变动|差额|增加额|减少额")
_FORM_TOTAL = re.compile(r"(资金|支出|收入|预算|经费)?(总额|总计|合计|总数)$|^(合计|总计|小计)$")
_NOT_MONEY_HEAD = re.compile(r"率|分值|得分|权重|序号|编码|代码|占比|比例|说明|备注|原因|指标|目标|增幅|同比|幅度|进度|对比")


_ORDINAL_STYLES = ((re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]"), "（一）"), (re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]"), "一、"),
                   (re.compile(r"^[（(]\d{1,2}[）)]"), "（1）"), (re.compile(r"^\d{1,2}[、.．](?!\d)"), "1."))


def _ordinal_style(label: str) -> str | None:
    """How a row's label is numbered (（一） / 一、 / （1） / 1.), None when it is not."""
    return next((style for pattern, style in _ORDINAL_STYLES if pattern.match(label)), None)


def check_form_totals(t: Table) -> tuple[list[TableIssue], set[int], set[tuple[int, int]]]:
    """A total row directly above "其中：…" rows (and the rows after them): the rows are its parts, column by
    column. Returns the issues, the total rows read this way and the (row, column) of 增减额 cells that only carry
    their row's wrong figure (reported while they explain their column's total, then dropped)."""
    rows = t.rows
    issues: list[TableIssue] = []
    claimed: set[int] = set()
    carried: set[tuple[int, int]] = set()
    for r in range(len(rows) - 2):
        row = rows[r]
        label = _label(row)
        if not label or re.search(r"得分|分值|总分", label) or label.startswith("其中"):
            continue  # any row directly above 其中 rows: a 总额 of a form, or an item with its parts (购置及运行费)
        nxt = _label(rows[r + 1])
        if not nxt.startswith("其中") or len(rows[r + 1]) != len(row):
            continue
        lc = next(c for c in range(2) if re.sub(r"\s+", "", row[c]) == label)
        own = _ordinal_style(label)
        header = next((h for h in range(r - 1, -1, -1) if len(rows[h]) == len(row)
                       and not any(cell_number(x) is not None for x in rows[h][lc + 1:])), None)
        heads = [re.sub(r"\s+", "", x) for x in rows[header]] if header is not None else [""] * len(row)
        parts = []
        for k in range(r + 1, min(len(rows), r + 40)):
            lb = _label(rows[k])
            if len(rows[k]) != len(row) or not lb or (k > r + 1 and (_FORM_TOTAL.search(lb) or lb.startswith("其中"))):
                break
            if not any(cell_number(x) is not None and not _is_pct(x) for x in rows[k][lc + 1:]):
                break
            if k > r + 1 and own is not None and _ordinal_style(lb) == own:
                break  # （一）基本支出 / 其中：… / （二）项目支出: the next item at the parent's level ends its block
            parts.append(k)

        def money_cols(parts: list[int]) -> list[int]:
            return [c for c in range(lc + 1, len(row)) if not _NOT_MONEY_HEAD.search(heads[c])
                    and any(cell_number(rows[k][c]) is not None for k in parts)
                    and not any(is_text(rows[k][c]) or _is_pct(rows[k][c]) for k in parts)
                    and not is_text(row[c]) and not _is_pct(row[c])]
        cols = money_cols(parts)
        levels = [c for c in cols if not CHANGE_HEAD.search(heads[c])]  # changes may cancel out: no witness
        last = _children_end(rows, r, r + 1, levels, r + 2) if len(parts) > 2 else None
        if last is not None and last < parts[-1]:
            # rows after the run left blank in the columns it adds up in are parts still (a year's items of its own)
            run = [k for k in parts if k <= last]
            adding = [c for c in levels if sum_verdict([cell_number(rows[k][c]) or Decimal(0) for k in run],
                                                     cell_number(row[c]) or Decimal(0), Kind.MONEY)[0] == "ok"
                      and cell_number(row[c])]
            while last < parts[-1] and all(not cell_number(rows[last + 1][c]) for c in adding):
                last += 1
            parts = [k for k in parts if k <= last]  # the block is the shortest run that makes the row in a column
            cols = money_cols(parts)
        if len(parts) < 2 or not cols:
            continue
        claimed.add(r)
        names = "、".join(_label(rows[k]) for k in parts)
        judged = []
        for c in cols:
            values = [cell_number(rows[k][c]) or Decimal(0) for k in parts]
            stated = cell_number(row[c])
            total = sum(values, Decimal(0))
            if not stated:
                if total > 0:
                    what = "为空" if stated is None else f"为 {row[c].strip()}"
                    expected = like(total, values)
                    added = " + ".join(_shown(rows[k][c]) for k in parts)
                    issues.append(_issue(TBL009, Verdict.WRONG, f"{label} {heads[c] or f'第{c + 1}列'}{what}，而其下 {names} "
                                         f"之和为 {added} = {expected}", expected, row[c].strip() or "空白", r, c,
                                         _quote(row)))
                continue
            judged.append((c, values, stated, *sum_verdict(values, stated, Kind.MONEY)))
        if not any(v == "ok" for *_x, v, _s in judged):
            continue  # no column adds up: the rows may be only some of its parts
        for c, values, stated, v, s in judged:
            if v == "ok":
                continue
            if CHANGE_HEAD.search(heads[c]):
                # a 增减额 column is each row's years' difference (TBL010 judges it row by row): its sum carries a
                # wrong year's cell or a wrong part's change, said where they are; kept only to explain the
                # column's total, then dropped (check_table)
                carried.add((r, c))
            issues.append(_issue(TBL009, v, f"{label} {heads[c] or f'第{c + 1}列'} {row[c].strip()} 与其下 {names} 之和不符："
                                 f"{' + '.join(_shown(rows[k][c]) for k in parts)} = {like(s, values)}",
                                 like(s, values), row[c].strip(), r, c, _quote(row)))
    return issues, claimed, carried


def check_table(t: Table) -> tuple[list[TableIssue], ScoreTable | None]:
    issues, st = _check_table(t)
    return issues + _shares(t, issues), st


def _shares(t: Table, issues: list[TableIssue]) -> list[TableIssue]:
    """TBL015 (share_columns.py) on the cells no other finding of the table speaks of; an amount a sum reports
    wrong judged at the value the sum gives it."""
    from .share_columns import check_share_columns

    flagged = {(i.location.row, i.location.col) for i in issues}
    corrected = {(i.location.row, i.location.col): cell_number((i.expected or "").replace(",", "")) for i in issues
                 if i.severity == ERROR and i.code in ("TBL001", "TBL006", "TBL007", "TBL008", "TBL011")
                 and not _is_pct(i.expected or "")}  # an amount's right value, not a share's
    corrected = {k: v for k, v in corrected.items() if v is not None}
    return check_share_columns(t, corrected, flagged - set(corrected))


def _check_table(t: Table) -> tuple[list[TableIssue], ScoreTable | None]:
    from .class_totals import check_class_totals
    from .ledger import check_ledger

    tcol = total_column(t)
    st = read_score_table(t)
    classes = check_class_totals(t) if st is None else None
    if classes is not None:  # 人员经费 | 小计 over its 款, 公用经费 | 小计 over its own, 基本支出 | 合计 (class_totals.py)
        issues, judged = classes
        return issues + [i for i in check_total_columns(t, tcol) if i.location.row not in judged] \
            + check_change_columns(t) + check_rate_columns(t), st
    ledger = check_ledger(t, tcol)
    if ledger is not None:  # a 决算 table nesting by subject code: its totals are read by code
        issues, judged = ledger
        by_row = [i for i in check_total_columns(t, tcol) if i.location.row not in judged]
        return issues + by_row + check_rate_columns(t), st
    from .sangong import check_across, check_sangong

    sangong = check_sangong(t)
    if sangong is None:
        sangong = check_across(t)
    if sangong is not None:  # a 三公 table: its items are read by what they are (sangong.py)
        changes = check_change_columns(t)
        return _explained_by_changes(sangong, changes) + check_total_columns(t, tcol) + changes \
            + check_rate_columns(t), st
    stages = stage_column(t)
    by_row = check_total_columns(t, tcol) + check_change_columns(t) \
        + (check_total_columns(t, stages) if stages is not None and (tcol is None or stages.col != tcol.col) else [])
    forms, claimed, carried = check_form_totals(t)
    bottom, bottom_claimed = check_bottom_totals(t) if st is None else ([], set())  # a 自评表's total: TBL002/TBL003
    corrected = {(i.location.row, i.location.col): cell_number(i.expected) for i in by_row
                 if i.code == "TBL006" and i.severity == ERROR and cell_number(i.expected or "") is not None}
    explained = [i for i in _explained(forms, check_total_rows(t, claimed | bottom_claimed) + bottom)
                 if i.code != "TBL009" or (i.location.row, i.location.col) not in carried]
    summed = {(i.location.row, i.location.col): cell_number(i.expected) for i in explained
              if i.code in ("TBL001", "TBL007") and i.severity == ERROR and i.location.col is not None
              and cell_number(i.expected or "") is not None}
    issues = by_row + _crossing(by_row, _carried_sums(t, explained)) + check_rate_columns(t, corrected, summed)
    if st is not None:
        issues += check_score_table(st)
    return issues, st


def _carried_sums(t: Table, issues: list[TableIssue]) -> list[TableIssue]:
    """A total's 增减额 that misses its rows by what the same total's year misses (收入合计 3254.68 for 3344.68, so its
    增减额 112.27 for 202.27): the one wrong cell of the year carried into the change, said once, at the year."""
    def change(i: TableIssue) -> bool:
        return i.location.col is not None and bool(CHANGE_HEAD.search(re.sub(r"\s+", "", heads_of(t, i.location.row,
                                                                                                  i.location.col))))
    sums = ("TBL001", "TBL007")
    years = {(i.location.row, issue_gap(i)) for i in issues if i.code in sums and not change(i) and issue_gap(i) is not None}
    return [i for i in issues if not (i.code in sums and change(i) and (i.location.row, issue_gap(i)) in years)]
