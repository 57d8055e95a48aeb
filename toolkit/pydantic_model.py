"""The report's data model, defined with pydantic: the source of the JSON schema (``jixiao schema``), of
docs/yaml-reference.md, of the ``jixiao init`` scaffold, and of the plain-Python model :mod:`toolkit.model` that
loading runs (generated from these classes by ``python -m toolkit.pydantic_model``; ``tests/test_model.py`` holds
the two equal, field by field and message by message). What the fields mean: :mod:`toolkit.model`.

To change the model: edit the classes here (the converters, enums and field validators are :mod:`toolkit.model`'s,
shared), then run ``python -m toolkit.pydantic_model`` to regenerate :mod:`toolkit.model`'s classes.
"""
from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, field_validator

from . import model as plain
from .model import (MARKDOWN, Achievement, IndicatorMethods, Kind, _not_blank, _to_achievement, _to_charts, _to_count,
                    _to_decimal, _to_kind, _to_percent, _to_text, known_category, known_outline, plausible_year)

# --------------------------------------------------------------------------------------------------------------
# Scalar types (the converters are toolkit.model's: the plain model runs the same functions)
# --------------------------------------------------------------------------------------------------------------

Money = Annotated[Decimal, BeforeValidator(_to_decimal)]
"""An amount in 万元 (Decimal)."""
Number = Annotated[Decimal, BeforeValidator(_to_decimal)]
"""A weight or a score (Decimal)."""
Percent = Annotated[Decimal, BeforeValidator(_to_percent)]
"""A percentage in percent units: ``95``, ``95%`` and ``"95.00%"`` all mean 95 %."""
Count = Annotated[int, BeforeValidator(_to_count)]
"""A head count or a number of things."""
Text = Annotated[str, BeforeValidator(_to_text)]
"""Plain text; numbers written in YAML are kept as the text they were."""


Name = Annotated[str, BeforeValidator(_to_text), AfterValidator(_not_blank)]
"""Text that names something and is printed as its label (unit name, item label, indicator name): not blank."""
Markdown = Annotated[str, BeforeValidator(_to_text), MARKDOWN]
"""Narrative in Markdown: paragraphs, **bold**, numbered and bulleted lists."""


class Node(BaseModel):
    """Base of every model object: unknown keys are kept (and reported as warnings), the data path is remembered."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, validate_assignment=False)

    _path: str = PrivateAttr(default="")

    @property
    def path(self) -> str:
        """Data path of this object, such as ``budget.expenditure.basic``."""
        return self.__pydantic_private__["_path"]  # what self._path reads, without pydantic's __getattr__

    def at(self, field: str) -> str:
        """Data path of one of this object's fields."""
        path = self.__pydantic_private__["_path"]
        return f"{path}.{field}" if path else field


# --------------------------------------------------------------------------------------------------------------
# Unit facts
# --------------------------------------------------------------------------------------------------------------


class StaffKind(Node):
    """A kind of post or staff with the report's own label (参公人员, 非参公事业人员 …)."""

    label: Name = Field(description="label as printed, e.g. 非参公事业人员 or 事业编制")
    count: Count = Field(description="how many")
    unit: Text | None = Field(None, description="unit as printed (default 个 for 编制, 人 for people), e.g. 人")


class Headcount(Node):
    """Staff numbers by kind. ``total`` is declared or derived as the sum of the kinds given."""

    administrative: Count | None = Field(None, description="行政编制 / 行政人员")
    institutional: Count | None = Field(None, description="事业编制 / 事业人员")
    worker: Count | None = Field(None, description="工勤编制 / 工勤人员")
    other: Count | None = Field(None, description="其他")
    kinds: list[StaffKind] = Field(default_factory=list, description="kinds with the report's own labels (after "
                                                                     "the four above; counted in the total)")
    total: Count | None = Field(None, description="合计（declared; derived when omitted）")


class Staffing(Node):
    """人员情况: authorised posts, people in post, retirees."""

    authorized: Headcount | None = Field(None, description="编制数 by kind")
    actual: Headcount | None = Field(None, description="实有人数（在职）by kind")
    retired: Count | None = Field(None, description="退休人员")
    total: Count | None = Field(None, description="实有 + 退休 共计 as declared")
    control_rate: Percent | None = Field(None, description="在职人员控制率 = 实有 / 编制, as declared")
    note: Markdown | None = Field(None, description="extra text after the figures")


class Unit(Node):
    """部门基本情况."""

    name: Name = Field(description="全称, e.g. 益阳市资阳区工业和信息化局")
    short_name: Text | None = Field(None, description="简称 used in the text, e.g. 区工信局")
    duties: list[Markdown] = Field(default_factory=list, description="职能职责, one item each (numbered on render)")
    departments: list[Text] = Field(default_factory=list, description="内设机构 names")
    departments_count: Count | None = Field(None, description="内设机构 count as declared (checked against the list)")
    organisation: Markdown | None = Field(None, description="机构设置 narrative (independent accounting, level …)")
    staffing: Staffing | None = Field(None, description="人员情况")


# --------------------------------------------------------------------------------------------------------------
# Money
# --------------------------------------------------------------------------------------------------------------


class Figure(Node):
    """One budget figure in 万元 with its stages and comparisons; every field optional.

    ``amount`` is this year's figure (决算数 / 执行数 / 实际支出). ``full_budget`` should equal ``initial_budget +
    adjustment``; ``execution_rate`` = amount / full_budget. ``share`` is the declared 占比 of the parent total;
    ``change`` / ``change_rate`` the declared 比上年增减 (signed: a decrease is negative).
    """

    amount: Money | None = Field(None, description="本年数（决算数/执行数）")
    previous: Money | None = Field(None, description="上年数（上年决算数）")
    initial_budget: Money | None = Field(None, description="年初预算数")
    adjustment: Money | None = Field(None, description="年中调整/追加数 (negative for a cut)")
    full_budget: Money | None = Field(None, description="全年预算数 = 年初 + 调整")
    execution_rate: Percent | None = Field(None, description="执行率 as declared")
    share: Percent | None = Field(None, description="占比 of the parent total as declared")
    change: Money | None = Field(None, description="比上年增减额 as declared (signed)")
    change_rate: Percent | None = Field(None, description="比上年增减率 as declared (signed)")
    note: Markdown | None = Field(None, description="text printed after the figure (reasons for a change …)")


class Item(Figure):
    """A labelled line: an income source, a functional class, a project. ``items`` are its 其中 parts."""

    label: Name = Field(description="label as printed, e.g. 一般公共预算财政拨款收入")
    items: list["Item"] = Field(default_factory=list, description="其中 parts; their sum must equal amount")


class Income(Item):
    """收入合计 (``amount``) with its sources as ``items``; 上年结转 may be one of them."""

    label: Name = Field("收入合计", description="label as printed")


class Basic(Figure):
    """基本支出 = 人员经费 + 公用经费."""

    personnel: Figure | None = Field(None, description="人员经费")
    public: Figure | None = Field(None, description="公用经费（日常公用经费）")


class Project(Figure):
    """项目支出 as a whole; ``items`` are named projects (each with its own budget stages)."""

    items: list[Item] = Field(default_factory=list, description="named projects")
    operation: Figure | None = Field(None, description="其中：运行维护经费 (附件1)")
    items_partial: bool | None = Field(
        None, description="true when items name only some projects (\"主要是增加了以下项目支出\"): their sum is not "
                          "expected to equal amount")
    by_function: list[Item] = Field(
        default_factory=list, description="按功能分类 of 项目支出 alone, when the report classifies only the project "
                                          "expenditure (seed 002): Σ = project amount")
    by_economic: list[Item] = Field(
        default_factory=list, description="按经济分类 of 项目支出 alone (工资福利支出, 商品和服务支出, 资本性支出 …): "
                                          "Σ = project amount")


class Expenditure(Figure):
    """支出合计 (``amount``) by nature, function and economic class."""

    basic: Basic | None = Field(None, description="基本支出")
    project: Project | None = Field(None, description="项目支出")
    by_function: list[Item] = Field(default_factory=list, description="按功能分类（类）")
    by_economic: list[Item] = Field(default_factory=list, description="按经济分类")


class Vehicle(Figure):
    """公务用车购置及运行维护费 = 购置 + 运行维护."""

    purchase: Figure | None = Field(None, description="公务用车购置费")
    operation: Figure | None = Field(None, description="公务用车运行维护费")


class ThreePublic(Figure):
    """"三公"经费 = 因公出国(境)费 + 公务用车 + 公务接待费."""

    overseas: Figure | None = Field(None, description="因公出国（境）费")
    vehicle: Vehicle | None = Field(None, description="公务用车购置及运行维护费")
    reception: Figure | None = Field(None, description="公务接待费")


class Procurement(Figure):
    """政府采购 = 货物 + 工程 + 服务."""

    goods: Figure | None = Field(None, description="货物")
    works: Figure | None = Field(None, description="工程")
    services: Figure | None = Field(None, description="服务")
    by_source: list[Item] = Field(
        default_factory=list, description="按资金来源分 (一般公共预算拨款政府采购 …), each with its own 货物/工程/服务 as "
                                          "items: Σ = procurement amount")


class Carryover(Node):
    """结转和结余."""

    opening: Figure | None = Field(None, description="年初结转和结余（上年结转）")
    closing: Figure | None = Field(None, description="年末结转和结余")


class Fund(Figure):
    """A budget other than the general public budget (政府性基金, 国有资本经营, 社会保险基金). None = 无."""

    text: Markdown | None = Field(None, description="narrative for this fund's section")


class Buildings(Node):
    """楼堂馆所控制情况 (附件1)."""

    approved_area: Number | None = Field(None, description="批复规模（㎡）")
    actual_area: Number | None = Field(None, description="实际规模（㎡）")
    area_control_rate: Percent | None = Field(None, description="规模控制率")
    budget_investment: Money | None = Field(None, description="预算投资（万元）")
    actual_investment: Money | None = Field(None, description="实际投资（万元）")
    investment_control_rate: Percent | None = Field(None, description="投资概算控制率")


class Budget(Node):
    """收支 of the general public budget and everything the report says about money (万元)."""

    income: Income | None = Field(None, description="收入合计 with sources as items (上年结转 may be one)")
    expenditure: Expenditure | None = Field(None, description="支出合计 and its breakdowns")
    carryover: Carryover | None = Field(None, description="结转和结余")
    three_public: ThreePublic | None = Field(None, description='"三公"经费')
    procurement: Procurement | None = Field(None, description="政府采购")
    government_fund: Fund | None = Field(None, description="政府性基金预算支出 (omit: 无)")
    state_capital: Fund | None = Field(None, description="国有资本经营预算支出 (omit: 无)")
    social_insurance: Fund | None = Field(None, description="社会保险基金预算支出 (omit: 无)")
    buildings: Buildings | None = Field(None, description="楼堂馆所控制情况")
    thrift: Markdown | None = Field(None, description="厉行节约保障措施")
    note: Markdown | None = Field(None, description="extra text after the budget figures")


# --------------------------------------------------------------------------------------------------------------
# The evaluation
# --------------------------------------------------------------------------------------------------------------


class Member(Node):
    """A member of the evaluation working group."""

    name: Text
    role: Text = Field(description="组长 / 副组长 / 成员 …")
    title: Text | None = Field(None, description="职务, e.g. 局长")
    duty: Markdown | None = Field(None, description="职责")


class Phase(Node):
    """A phase of the evaluation work, with its dates (a year-N report is evaluated in year N+1)."""

    name: Text = Field(description="e.g. 准备阶段")
    start: dt.date | None = None
    end: dt.date | None = None
    description: Markdown | None = None


class Evaluation(Node):
    """绩效评价基本情况: why, how, who and when."""

    purpose: Markdown | None = Field(None, description="评价目的")
    principles: list[Markdown] = Field(default_factory=list, description="评价原则, one item each")
    basis: Markdown | None = Field(None, description="评价依据")
    method: Markdown | None = Field(None, description="评价方法 / 指标体系")
    group_established: dt.date | None = Field(None, description="工作组成立日期")
    group: list[Member] = Field(default_factory=list, description="工作组成员")
    group_note: Markdown | None = Field(None, description="工作组 narrative (office, duties)")
    phases: list[Phase] = Field(default_factory=list, description="工作过程 phases in order")
    date: dt.date | None = Field(None, description="报告日期 (signature date)")


class Indicator(Node):
    """三级指标: the concrete indicator with its target, result, weight and score."""

    name: Name
    target: Text | None = Field(None, description="年度指标值 as printed: ≥90%, 20家, 合规")
    actual: Text | None = Field(None, description="实际完成值 as printed: 98%, 27家, 合规")
    unit: Text | None = Field(None, description="计量单位 when not written in target/actual")
    kind: Annotated[Kind, BeforeValidator(_to_kind)] | None = Field(
        None, description="正向 / 反向 / 定性 (positive / negative / qualitative); guessed from target when omitted")
    achievement: Annotated[Achievement, BeforeValidator(_to_achievement)] | None = Field(
        None, description="定性 result: 达成 / 部分达成 / 未达成")
    weight: Number = Field(description="分值")
    score: Number | None = Field(None, description="得分")
    deviation: Markdown | None = Field(None, description="偏差原因分析及改进措施 (needed when score < weight)")
    narrative: Markdown | None = Field(None, description="评价情况 text for this indicator (Chongqing outline)")
    category: Text | None = Field(None, description="项目类别（四川格式）：人员类 / 运转类 / 特定目标类")
    previous: Text | None = Field(None, description="上年实际完成值 (jixiao rollover moves actual here); not printed, "
                                                    "read by the stale-narrative check FIL002")

    _known_category = field_validator("category")(classmethod(lambda cls, value: known_category(value)))


class Level2(Node):
    """二级指标 (数量指标, 质量指标, 经济效益指标 …) grouping 三级 indicators."""

    name: Text
    weight: Number | None = Field(None, description="declared group weight (checked against its children)")
    indicators: list[Indicator] = Field(default_factory=list)


class Level1(Node):
    """一级指标 (产出指标, 效益指标, 满意度指标 …)."""

    name: Text
    weight: Number | None = Field(None, description="declared group weight (checked against its children)")
    children: list[Level2] = Field(default_factory=list)


class ExecutionIndicator(Node):
    """预算执行率 indicator: score = weight × 执行数 / 全年预算数 (capped at the weight)."""

    weight: Number = Field(Decimal(10), description="分值, often 10")
    initial_budget: Money | None = Field(None, description="年初预算数 (defaults to budget.expenditure)")
    full_budget: Money | None = Field(None, description="全年预算数 (defaults to budget.expenditure)")
    actual: Money | None = Field(None, description="全年执行数 (defaults to budget.expenditure)")
    rate: Percent | None = Field(None, description="执行率 as declared")
    score: Number | None = Field(None, description="得分")
    deviation: Markdown | None = None
    narrative: Markdown | None = Field(None, description="预算执行率 text (评价情况), printed as an indicator's narrative")


class Goal(Node):
    """年度总体目标: what was planned and what was done."""

    target: Markdown | None = Field(None, description="预期目标")
    actual: Markdown | None = Field(None, description="实际完成情况")


class Indicators(Node, IndicatorMethods):
    """The indicator system, the scores and the result."""

    goal: Goal | None = Field(None, description="年度总体目标")
    execution: ExecutionIndicator | None = Field(None, description="预算执行率 (omit when not scored)")
    groups: list[Level1] = Field(default_factory=list, description="一级指标")
    total_weight: Number | None = Field(None, description="总分值 as declared (100)")
    total_score: Number | None = Field(None, description="自评得分 as declared (derived when omitted)")
    grade: Text | None = Field(None, description="等级 as declared: 优/良/中/差 or 优秀/良好/合格/不合格")
    previous_score: Number | None = Field(None, description="上年自评得分 (jixiao rollover moves the total score "
                                                            "here); not printed, read by FIL002")
    ungrouped: bool | None = Field(
        None, description="true when the report lists its indicators without 一级/二级 headings (Chongqing "
                          "narrative): the one group holding them has placeholder names that are not printed")


# --------------------------------------------------------------------------------------------------------------
# Narrative and the report
# --------------------------------------------------------------------------------------------------------------


class Narrative(Node):
    """Narrative sections in Markdown. A section left out is omitted (numbering closes up) or, where the outline
    requires it, replaced by a standard sentence."""

    preface: Markdown | None = Field(None, description="开头段 (为进一步加强…现将有关情况报告如下)")
    key_work: Markdown | None = Field(None, description="重点工作 (in 部门基本情况)")
    performance: Markdown | None = Field(None, description="部门整体支出绩效情况 / 主要成效")
    achievements: Markdown | None = Field(None, description="主要经验及做法")
    conclusion: Markdown | None = Field(None, description="评价结论 text beyond the score and grade")
    problems: Markdown | None = Field(None, description="存在的问题及原因")
    measures: Markdown | None = Field(None, description="下一步改进措施 / 有关建议")
    application: Markdown | None = Field(None, description="绩效自评结果拟应用情况")
    publication: Markdown | None = Field(None, description="绩效自评结果公开情况")
    other: Markdown | None = Field(None, description="其他需要说明的情况 (omit: 无)")


class Attachments(Node):
    """What the attachments carry beyond the report body."""

    basic_data: bool = Field(True, description="附件1 基础数据表 (Hunan)")
    self_evaluation: bool = Field(True, description="附件2 自评表 (Hunan)")
    filler: Text | None = Field(None, description="填表人")
    phone: Text | None = Field(None, description="联系电话")
    date: dt.date | None = Field(None, description="填报日期")


ChartChoice = Annotated[bool | list[str], BeforeValidator(_to_charts)]
"""``charts:``: true, false, or the names of the charts to draw."""
class Layout(Node):
    """The user's words over the outline's, by stable name (``jixiao templates show NAME`` lists the names;
    docs/templates.md): rename a heading, leave out a section or block, replace a block with your own Markdown."""

    rename: dict[str, Text] = Field(default_factory=dict, description="section name -> heading text")
    omit: list[Text] = Field(default_factory=list, description="names of sections or blocks left out")
    replace: dict[str, Markdown] = Field(default_factory=dict,
                                         description="block name -> your own Markdown, printed in its place")


class Report(Node):
    """One department-year: the root of a YAML file."""

    year: Count = Field(description="the year evaluated (N); the report is written in N+1")
    unit: Unit = Field(description="部门基本情况")
    title: Text | None = Field(None, description="override the title (default: <unit><year>年度部门整体支出绩效自评报告)")
    label: Text | None = Field(None, description="top-left label such as 附件4")
    outline: Text = Field("hunan", description="built-in outline: hunan / chongqing / sichuan (or render --template)")
    budget: Budget = Field(default_factory=Budget, description="收支 figures (万元)")
    evaluation: Evaluation = Field(default_factory=Evaluation, description="绩效评价基本情况")
    indicators: Indicators = Field(default_factory=Indicators, description="指标体系, scores and grade")
    narrative: Narrative = Field(default_factory=Narrative, description="narrative sections (Markdown)")
    attachments: Attachments = Field(default_factory=Attachments, description="附件 switches and form details")
    signature: Text | None = Field(None, description="落款单位 (defaults to unit.name)")
    charts: ChartChoice | None = Field(
        None, description="charts in the text: true / omitted — every one the outline places, false — none, or a "
                          "list of names (by_nature, by_function, project_by_function, execution, scores)")
    layout: Layout = Field(default_factory=Layout, description="headings renamed, sections omitted, sentences "
                                                              "replaced, by stable name (docs/templates.md)")

    _plausible_year = field_validator("year")(classmethod(lambda cls, value: plausible_year(value)))
    _known_outline = field_validator("outline")(classmethod(lambda cls, value: known_outline(value)))


Item.model_rebuild()


def field_loc(loc: tuple[Any, ...], model: type[BaseModel] | None = None) -> tuple[Any, ...]:
    """Drop pydantic's union / validator tags from an error location, keeping only field names and indices (what
    the plain model's errors hold)."""
    kept: list[Any] = []
    cur: Any = model or Report
    for part in loc:
        if isinstance(part, int):
            kept.append(part)
            continue
        fields = getattr(cur, "model_fields", None)
        if fields is not None and part in fields:
            kept.append(part)
            cur = _inner_model(fields[part].annotation)
        elif fields is None and cur is None:
            # extra keys or non-model containers: keep as written
            kept.append(part)
    return tuple(kept)


def _inner_model(annotation: Any) -> Any:
    args = typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for a in args:
        m = _inner_model(a)
        if m is not None:
            return m
    return None


def errors(data: Any, model: type[BaseModel] | None = None) -> list[dict[str, Any]]:
    """pydantic's errors for a report's data (none: it is valid), locations as :func:`field_loc` gives them: what
    the loader reported before it ran the plain model (tests/test_model.py compares the two)."""
    from pydantic import ValidationError

    try:
        (model or Report).model_validate(data)
    except ValidationError as exc:
        return [{**err, "loc": field_loc(tuple(err["loc"]), model)} for err in exc.errors()]
    return []


# --------------------------------------------------------------------------------------------------------------
# The plain model: toolkit/model.py's generated section, written from these classes
# --------------------------------------------------------------------------------------------------------------

BEGIN = "# ---- generated by `python -m toolkit.pydantic_model` from toolkit/pydantic_model.py: do not edit by hand ----\n"
END = "# ---- end of generated code ----\n"
_SCALARS = {str: "_str", int: "_int", Decimal: "_decimal_type", bool: "_bool", dt.date: "_date"}
_NAMES = {str: "str", int: "int", Decimal: "Decimal", bool: "bool", dt.date: "dt.date"}


def _classes() -> list[type[Node]]:
    """The model's classes in the order they are defined here (a class after the classes it derives from)."""
    return [c for c in globals().values() if isinstance(c, type) and issubclass(c, Node) and c is not Node]


def _parts(annotation: Any) -> tuple[Any, list[Any]]:
    if typing.get_origin(annotation) is Annotated:
        base, *meta = typing.get_args(annotation)
        return base, meta
    return annotation, []


def _plain(annotation: Any) -> str:
    """The annotation of the plain model: the same types, only the :data:`MARKDOWN` marker kept of ``Annotated``."""
    base, meta = _parts(annotation)
    if meta:
        inner = _plain(base)
        return f"Annotated[{inner}, MARKDOWN]" if MARKDOWN in meta else inner
    origin, args = typing.get_origin(base), typing.get_args(base)
    if origin in (typing.Union, types.UnionType):
        return " | ".join("None" if a is type(None) else _plain(a) for a in args)
    if origin in (list, dict):
        return f"{origin.__name__}[{', '.join(_plain(a) for a in args)}]"
    if base in _NAMES:
        return _NAMES[base]
    if isinstance(base, type) and issubclass(base, (Node, Enum)):
        return base.__name__
    raise TypeError(f"the plain model has no counterpart of {base!r}")


def _check(annotation: Any, meta: list[Any] = ()) -> str:
    """The plain model's check of a value of this annotation (with these Annotated metadata)."""
    base, inner_meta = _parts(annotation)
    meta = [*inner_meta, *meta]
    origin, args = typing.get_origin(base), typing.get_args(base)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        members = [_check(a) for a in rest]
        check = members[0] if len(members) == 1 else f"_union({', '.join(members)})"
        check = f"_optional({check})" if len(rest) < len(args) else check
    elif origin is list:
        check = f"_list({_check(args[0])})"
    elif origin is dict:
        assert args[0] is str, annotation
        check = f"_mapping({_check(args[1])})"
    elif base in _SCALARS:
        check = _SCALARS[base]
    elif isinstance(base, type) and issubclass(base, Node):
        check = f"_model({base.__name__})"
    elif isinstance(base, type) and issubclass(base, Enum):
        check = f"_enum({base.__name__})"
    else:
        raise TypeError(f"the plain model has no check for {base!r}")
    before = [_plain_name(m.func) for m in meta if isinstance(m, BeforeValidator)]
    after = [_plain_name(m.func) for m in meta if isinstance(m, AfterValidator)]
    assert len(before) <= 1 and all(isinstance(m, (BeforeValidator, AfterValidator, str)) for m in meta), meta
    if before or after:
        check = f"_converted({check}, {before[0] if before else None}{_tuple(after)})"
    return check


def _tuple(names: Any) -> str:
    """``, (a,)`` / ``, (a, b)`` as source, nothing for no names."""
    return f", ({', '.join(names)}{',' if len(names) == 1 else ''})" if names else ""


def _plain_name(func: Any) -> str:
    """The name toolkit.model gives a converter (the generated code refers to it by that name)."""
    return next(name for name, value in vars(plain).items() if value is func)


def _default(info: Any) -> str:
    if info.default_factory is not None:
        return f"factory({info.default_factory.__name__})"
    if info.is_required():
        return "REQUIRED"
    value = info.default
    assert value is None or isinstance(value, (str, bool, int, Decimal)), value
    return repr(value)


def _doc(cls: type) -> str:
    doc = cls.__doc__ or ""
    if '"""' in doc or "\\" in doc or doc.endswith('"'):
        return f"    __doc__ = {doc!r}"
    return f'    """{doc}"""'


def plain_source() -> str:
    """toolkit/model.py's generated section: a class for each class here, then each class's field table."""
    out = [BEGIN, "\n"]
    for cls in _classes():
        bases = ", ".join("Node" if b is Node else b.__name__ for b in cls.__bases__)
        out.append(f"\nclass {cls.__name__}({bases}):\n{_doc(cls)}\n\n")
    validators = {}
    for cls in _classes():
        for deco in cls.__pydantic_decorators__.field_validators.values():
            assert deco.info.mode == "after", deco
            for name in deco.info.fields:  # the plain function of the same name, without the leading "_"
                validators[cls, name] = deco.cls_var_name.lstrip("_")
    def line(cls: type[Node], name: str, info: Any) -> str:
        assert not hasattr(plain.Node, name), f"{cls.__name__}.{name} hides an attribute of Node"
        check = _check(info.annotation, info.metadata)
        validator = next((v for (c, n), v in validators.items() if n == name and issubclass(cls, c)), None)
        if validator:
            check = f"_converted({check}, None{_tuple([validator])})"
        markers = _tuple(["MARKDOWN" for m in info.metadata if m == MARKDOWN]).lstrip(", ") or "()"
        return f"    ({name!r}, {_plain(info.annotation)}, {markers}, {check}, {_default(info)}),\n"

    for cls in _classes():  # the fields a class adds or redefines: _define takes the rest from its bases
        inherited = {n: line(cls, n, i) for b in cls.__bases__ if issubclass(b, Node) for n, i in b.model_fields.items()}
        out.append(f"\n_define({cls.__name__}, (\n")
        for name, info in cls.model_fields.items():
            text = line(cls, name, info)
            if inherited.get(name) != text:
                out.append(text)
        out.append("))\n")
    out.append("\n" + END)
    return "".join(out)


def generated_section(text: str) -> str:
    """The generated section of toolkit/model.py's text."""
    return text[text.index(BEGIN):text.index(END) + len(END)]


def write_plain_model() -> Path:
    """Regenerate toolkit/model.py's generated section from the classes here."""
    path = Path(__file__).with_name("model.py")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(generated_section(text), plain_source()), encoding="utf-8")
    return path


if __name__ == "__main__":  # pragma: no cover
    print(f"wrote {write_plain_model()}")
