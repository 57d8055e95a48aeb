"""The data model in the words of the people who fill it in: a Chinese title, what to write and where it comes from.

One entry per model field, keyed ``Class.field`` at the class that defines the field (``Figure.amount`` serves
``Item``, ``Basic``, ``Project`` …). :mod:`toolkit.schema` makes the JSON Schema's titles and descriptions from it,
:mod:`toolkit.scaffold` the comment beside each field of a new file, :mod:`toolkit.docs` the Chinese column of
docs/fields.md. The model's own ``Field(description=…)`` stays the maintainers' note. A test fails when a model field
has no entry here.
"""
from __future__ import annotations

from typing import NamedTuple


class Guide(NamedTuple):
    title: str  # short Chinese name, e.g. 年初预算数
    help: str  # what to write, with the unit
    source: str = ""  # where the figure usually comes from (部门决算, 预算批复, 自评表 …)


G = Guide

_DECISION = "部门决算报表"
_BUDGET = "部门预算批复"

FIELDS: dict[str, Guide] = {
    # Report
    "Report.year": G("评价年度", "被评价的年度 N（四位数年份）；自评在 N+1 年进行"),
    "Report.unit": G("部门基本情况", "部门名称、职能职责、内设机构和人员情况"),
    "Report.title": G("报告标题", "不填则为“部门名称 + N年度部门整体支出绩效自评报告”"),
    "Report.label": G("左上角标注", "如“附件4”；印发时不需要可不填"),
    "Report.outline": G("报告格式", "内置格式：hunan（湖南）、chongqing（重庆）、sichuan（四川）"),
    "Report.budget": G("收支情况", "一般公共预算收支及相关金额，单位万元", _DECISION),
    "Report.evaluation": G("绩效评价工作情况", "评价目的、原则、依据、方法、工作组和工作过程"),
    "Report.indicators": G("绩效指标及自评", "预算执行率、各级绩效指标、得分和等级", "部门整体支出绩效自评表"),
    "Report.narrative": G("报告正文", "各部分的文字，Markdown 格式"),
    "Report.attachments": G("附件", "是否附基础数据表、自评表，及填表人信息"),
    "Report.signature": G("落款单位", "不填则为部门名称"),
    "Report.charts": G("正文图表", "不填或 true：格式中的全部图表；false：不要图表；或列出要的图表：by_nature（支出性质构成）、"
                              "by_function（支出功能分类）、project_by_function（项目支出功能分类）、execution（预算数与"
                              "实际支出数）、scores（一级指标分值与得分）"),
    "Report.layout": G("版式调整", "按名称改标题、删章节、用自己的话代替生成的句子（名称见 jixiao templates show）"),
    "Layout.rename": G("改标题", "章节名称: 新标题，如 problems: 存在的主要问题"),
    "Layout.omit": G("删去", "不要的章节或内容块名称列表"),
    "Layout.replace": G("自己的话", "内容块名称: 自己写的 Markdown，印在该块的位置，同样核验其中的数字"),
    # Unit
    "Unit.name": G("部门全称", "如“益阳市资阳区工业和信息化局”", "三定方案"),
    "Unit.short_name": G("部门简称", "正文中使用的简称，如“区工信局”"),
    "Unit.duties": G("职能职责", "每条职责一项，生成时自动编号", "三定方案"),
    "Unit.departments": G("内设机构", "每个内设机构一项", "三定方案"),
    "Unit.departments_count": G("内设机构数", "正文写的内设机构个数（个），应与所列机构一致", "三定方案"),
    "Unit.organisation": G("机构设置情况", "是否独立核算、预算级次、下属单位等"),
    "Unit.staffing": G("人员情况", "编制数、实有人数、退休人数（人）", "编办编制批复、人事工资统计"),
    # Staffing, Headcount
    "Staffing.authorized": G("编制数", "按行政、事业、工勤等分类的编制数（人）", "编办编制批复"),
    "Staffing.actual": G("实有在职人数", "按类别的实有在职人数（人）", "人事工资统计、部门决算人员表"),
    "Staffing.retired": G("退休人数", "退休人员数（人）", "人事工资统计"),
    "Staffing.total": G("人员共计", "实有在职人数与退休人数之和（人）"),
    "Staffing.control_rate": G("在职人员控制率", "实有在职人数 ÷ 编制数（%）；不填则自动计算"),
    "Staffing.note": G("人员情况补充说明", "写在人员数字之后的文字"),
    "Headcount.administrative": G("行政", "行政编制或行政人员数（人）"),
    "Headcount.institutional": G("事业", "事业编制或事业人员数（人）"),
    "Headcount.worker": G("工勤", "工勤编制或工勤人员数（人）"),
    "Headcount.other": G("其他", "其他人员数（人）"),
    "Headcount.kinds": G("其他类别（自定名称）", "报告自己的类别名称及人数，如“参公人员”“非参公事业人员”；计入合计"),
    "StaffKind.label": G("类别名称", "按报告原文，如“非参公事业人员”“事业编制”"),
    "StaffKind.count": G("人数", "该类别的编制数或人数"),
    "StaffKind.unit": G("单位", "报告所用单位，如“人”“个”；不填则编制为“个”、人员为“人”"),
    "Headcount.total": G("合计", "各类之和（人）；不填则自动计算"),
    # Figure and its kinds
    "Figure.amount": G("本年决算数", "本年实际支出或收入（万元）", _DECISION),
    "Figure.previous": G("上年决算数", "上年实际数（万元）", "上年部门决算报表"),
    "Figure.initial_budget": G("年初预算数", "年初批复的预算（万元）", _BUDGET),
    "Figure.adjustment": G("年中调整数", "年中追加（正数）或调减（负数）的预算（万元）", "预算调整批复"),
    "Figure.full_budget": G("全年预算数", "年初预算数 + 年中调整数（万元）；不填则自动计算", _DECISION),
    "Figure.execution_rate": G("执行率", "本年决算数 ÷ 全年预算数（%）；不填则自动计算"),
    "Figure.share": G("占比", "占上级合计的比例（%）；不填则自动计算"),
    "Figure.change": G("比上年增减额", "本年数 − 上年数（万元，减少为负数）；不填则自动计算"),
    "Figure.change_rate": G("比上年增减率", "增减额 ÷ 上年数（%，减少为负数）；不填则自动计算"),
    "Figure.note": G("补充说明", "写在该数字之后的文字，如增减原因"),
    "Item.label": G("名称", "收入来源、功能分类科目或项目的名称，按报表原样填写"),
    "Item.items": G("其中各项", "该项的组成部分，各项之和应等于本项"),
    "Income.label": G("名称", "收入合计的名称，如“收入总计”"),
    "Basic.personnel": G("人员经费", "基本支出中的人员经费", _DECISION),
    "Basic.public": G("公用经费", "基本支出中的日常公用经费", _DECISION),
    "Project.items": G("具体项目", "项目支出中的各个项目，每个项目一项", "部门决算报表（项目支出表）"),
    "Project.operation": G("运行维护经费", "项目支出中用于人员类和公用运转类的支出（基础数据表）", _DECISION),
    "Project.items_partial": G("仅列部分项目", "正文只列出部分项目时填 true：各项目之和不必等于项目支出"),
    "Project.by_function": G("项目支出按功能分类", "仅对项目支出做功能分类时填写，各类之和等于项目支出",
                             "部门决算报表（功能分类）"),
    "Project.by_economic": G("项目支出按经济分类", "仅对项目支出做经济分类时填写（工资福利支出、商品和服务支出、资本性"
                                                   "支出等），各类之和等于项目支出", _DECISION),
    "Expenditure.basic": G("基本支出", "人员经费与公用经费", _DECISION),
    "Expenditure.project": G("项目支出", "基本支出以外的项目支出", _DECISION),
    "Expenditure.by_function": G("按功能分类", "按支出功能分类科目（类）列出，各类之和等于支出合计",
                                 "部门决算报表（功能分类）"),
    "Expenditure.by_economic": G("按经济分类", "按支出经济分类科目列出，各类之和等于支出合计",
                                 "部门决算报表（经济分类）"),
    "Vehicle.purchase": G("公务用车购置费", "", "部门决算报表（“三公”经费表）"),
    "Vehicle.operation": G("公务用车运行维护费", "", "部门决算报表（“三公”经费表）"),
    "ThreePublic.overseas": G("因公出国（境）费", "", "部门决算报表（“三公”经费表）"),
    "ThreePublic.vehicle": G("公务用车购置及运行维护费", "购置费与运行维护费之和", "部门决算报表（“三公”经费表）"),
    "ThreePublic.reception": G("公务接待费", "", "部门决算报表（“三公”经费表）"),
    "Procurement.goods": G("货物", "政府采购货物类金额", "政府采购统计"),
    "Procurement.works": G("工程", "政府采购工程类金额", "政府采购统计"),
    "Procurement.services": G("服务", "政府采购服务类金额", "政府采购统计"),
    "Procurement.by_source": G("按资金来源分", "如“一般公共预算拨款政府采购”，各来源可再列货物、工程、服务；各来源之和等于"
                                             "政府采购金额", "政府采购统计"),
    "Carryover.opening": G("年初结转和结余", "上年结转到本年的资金（万元）", _DECISION),
    "Carryover.closing": G("年末结转和结余", "本年结转到下年的资金（万元）", _DECISION),
    "Fund.text": G("说明", "该项预算支出的文字说明"),
    # Budget
    "Budget.income": G("收入合计", "各项收入来源（上年结转可作为其中一项）", _DECISION),
    "Budget.expenditure": G("支出合计", "支出合计及按性质、功能、经济分类的构成", _DECISION),
    "Budget.carryover": G("结转和结余", "年初、年末结转和结余", _DECISION),
    "Budget.three_public": G("“三公”经费", "因公出国（境）费、公务用车购置及运行维护费、公务接待费",
                             "部门决算报表（“三公”经费表）"),
    "Budget.procurement": G("政府采购", "政府采购金额及货物、工程、服务构成", "政府采购统计"),
    "Budget.government_fund": G("政府性基金预算支出", "没有则不填（报告写“无”）", _DECISION),
    "Budget.state_capital": G("国有资本经营预算支出", "没有则不填（报告写“无”）", _DECISION),
    "Budget.social_insurance": G("社会保险基金预算支出", "没有则不填（报告写“无”）", _DECISION),
    "Budget.buildings": G("楼堂馆所控制情况", "上年完工的楼堂馆所项目的规模和投资", "基建项目批复和决算"),
    "Budget.thrift": G("厉行节约保障措施", "落实八项规定、过紧日子等措施的文字"),
    "Budget.note": G("收支补充说明", "写在收支数字之后的文字"),
    "Buildings.approved_area": G("批复规模", "批复的建筑面积（㎡）", "项目批复"),
    "Buildings.actual_area": G("实际规模", "实际建筑面积（㎡）", "竣工决算"),
    "Buildings.area_control_rate": G("规模控制率", "实际规模 ÷ 批复规模（%）；不填则自动计算"),
    "Buildings.budget_investment": G("预算投资", "批复的投资概算（万元）", "项目批复"),
    "Buildings.actual_investment": G("实际投资", "实际完成投资（万元）", "竣工决算"),
    "Buildings.investment_control_rate": G("投资概算控制率", "实际投资 ÷ 预算投资（%）；不填则自动计算"),
    # Evaluation
    "Evaluation.purpose": G("评价目的", "开展自评的目的"),
    "Evaluation.principles": G("评价原则", "每条原则一项"),
    "Evaluation.basis": G("评价依据", "文件依据，如财政部门的通知"),
    "Evaluation.method": G("评价方法", "评价方法和指标体系"),
    "Evaluation.group_established": G("工作组成立日期", "日期，如 2024-02-20（应在评价年度的次年）"),
    "Evaluation.group": G("工作组成员", "每位成员一项：姓名、组内职务、职务、职责"),
    "Evaluation.group_note": G("工作组说明", "工作组办公室设置、分工等文字"),
    "Evaluation.phases": G("工作过程", "按先后列出各阶段及起止日期"),
    "Evaluation.date": G("报告日期", "落款日期，如 2024-03-29"),
    "Member.name": G("姓名", ""),
    "Member.role": G("组内职务", "组长、副组长、成员等"),
    "Member.title": G("职务", "本单位职务，如“局长”"),
    "Member.duty": G("职责", "在工作组中的职责"),
    "Phase.name": G("阶段名称", "如“准备阶段”"),
    "Phase.start": G("开始日期", "如 2024-02-21"),
    "Phase.end": G("结束日期", "如 2024-02-29"),
    "Phase.description": G("工作内容", "本阶段做了什么"),
    # Indicators
    "Indicators.goal": G("年度总体目标", "预期目标和实际完成情况", "部门整体支出绩效目标申报表"),
    "Indicators.execution": G("预算执行率", "预算执行率指标；不计分则不填", "部门整体支出绩效自评表"),
    "Indicators.groups": G("一级指标", "产出指标、效益指标、满意度指标等，逐级列出二级、三级指标",
                           "部门整体支出绩效目标申报表"),
    "Indicators.total_weight": G("总分值", "各指标分值之和，通常为 100"),
    "Indicators.total_score": G("自评总得分", "各指标得分之和；不填则自动计算"),
    "Indicators.grade": G("自评等级", "优（优秀）/良（良好）/中（合格）/差（不合格）；不填则按得分确定"),
    "Indicators.previous_score": G("上年自评得分", "上年的自评总得分（rollover 自动填入，不打印）"),
    "Indicators.ungrouped": G("不分级列出指标", "报告不列一级、二级指标名称时填 true（重庆格式的逐项说明）"),
    "Goal.target": G("预期目标", "年初设定的年度总体目标", "部门整体支出绩效目标申报表"),
    "Goal.actual": G("实际完成情况", "年度总体目标的实际完成情况", "部门整体支出绩效自评表"),
    "ExecutionIndicator.weight": G("分值", "预算执行率的分值，通常为 10"),
    "ExecutionIndicator.initial_budget": G("年初预算数", "万元；不填则取支出合计的年初预算数", _BUDGET),
    "ExecutionIndicator.full_budget": G("全年预算数", "万元；不填则取支出合计的全年预算数", _DECISION),
    "ExecutionIndicator.actual": G("全年执行数", "万元；不填则取支出合计", _DECISION),
    "ExecutionIndicator.rate": G("执行率", "全年执行数 ÷ 全年预算数（%）；不填则自动计算"),
    "ExecutionIndicator.score": G("得分", "分值 × 执行率（不超过分值）；不填则自动计算"),
    "ExecutionIndicator.deviation": G("偏差原因分析及改进措施", "执行率未达 100% 时说明原因"),
    "ExecutionIndicator.narrative": G("预算执行率评价情况", "预算执行情况的说明文字，作为该指标的评价情况印出"),
    "Level1.name": G("一级指标名称", "如“产出指标”"),
    "Level1.weight": G("一级指标分值", "其下各指标分值之和；不填则自动计算"),
    "Level1.children": G("二级指标", "如数量指标、质量指标、时效指标、成本指标"),
    "Level2.name": G("二级指标名称", "如“数量指标”"),
    "Level2.weight": G("二级指标分值", "其下各指标分值之和；不填则自动计算"),
    "Level2.indicators": G("三级指标", "具体指标，每个指标一项"),
    "Indicator.name": G("三级指标名称", "如“新建高标准农田面积”", "部门整体支出绩效目标申报表"),
    "Indicator.target": G("年度指标值", "年初设定的目标，如“≥90%”“20家”“合规”", "部门整体支出绩效目标申报表"),
    "Indicator.actual": G("实际完成值", "全年实际完成的值，如“98%”“27家”“合规”", "业务统计、部门整体支出绩效自评表"),
    "Indicator.unit": G("计量单位", "年度指标值、实际完成值中没有写单位时填写"),
    "Indicator.kind": G("指标类型", "正向、反向或定性；不填则按年度指标值推断"),
    "Indicator.achievement": G("定性指标完成程度", "达成、部分达成或未达成（定性指标填写）"),
    "Indicator.weight": G("分值", "该指标的分值", "部门整体支出绩效自评表"),
    "Indicator.score": G("得分", "该指标的自评得分", "部门整体支出绩效自评表"),
    "Indicator.deviation": G("偏差原因分析及改进措施", "得分低于分值时必须说明原因和改进措施"),
    "Indicator.narrative": G("评价情况说明", "该指标的完成情况和得分理由（重庆格式逐项说明）"),
    "Indicator.previous": G("上年实际完成值", "上年自评表的实际完成值（rollover 自动填入，不打印；用于发现正文中沿用的上年数字）"),
    "Indicator.category": G("项目类别", "人员类、运转类或特定目标类（四川格式）"),
    # Narrative
    "Narrative.preface": G("开头段", "如“根据……要求，我局开展了部门整体支出绩效自评，现将有关情况报告如下：”"),
    "Narrative.key_work": G("重点工作", "本年度重点工作（部门基本情况中）"),
    "Narrative.performance": G("绩效情况", "部门整体支出绩效情况、主要成效"),
    "Narrative.achievements": G("主要经验及做法", ""),
    "Narrative.conclusion": G("评价结论", "得分和等级之外的结论性文字"),
    "Narrative.problems": G("存在的问题及原因", ""),
    "Narrative.measures": G("改进措施", "下一步改进措施或有关建议"),
    "Narrative.application": G("自评结果应用", "绩效自评结果拟应用情况"),
    "Narrative.publication": G("自评结果公开", "绩效自评结果公开情况"),
    "Narrative.other": G("其他需要说明的情况", "没有可不填（报告写“无”）"),
    # Attachments
    "Attachments.basic_data": G("附基础数据表", "true：附上附件1 部门整体支出绩效评价基础数据表（湖南格式）"),
    "Attachments.self_evaluation": G("附自评表", "true：附上附件2 部门整体支出绩效自评表（湖南格式）"),
    "Attachments.filler": G("填表人", ""),
    "Attachments.phone": G("联系电话", ""),
    "Attachments.date": G("填报日期", "如 2024-03-29"),
}


def guide_for(model: type, field: str) -> Guide | None:
    """The entry of ``model.field``, looked up along the class hierarchy (a field of Figure serves Item)."""
    for cls in model.__mro__:
        entry = FIELDS.get(f"{cls.__name__}.{field}")
        if entry is not None:
            return entry
    return None


def describe(entry: Guide) -> str:
    """One sentence: what to write and where it comes from (the title left out)."""
    text = entry.help
    if entry.source:
        text = f"{text}；来源：{entry.source}" if text else f"来源：{entry.source}"
    return text


#: model classes as the schema and the docs name them: (title, description)
CLASSES: dict[str, tuple[str, str]] = {
    "Report": ("部门年度数据", "一个部门一个年度：数据文件的顶层"),
    "Unit": ("部门基本情况", "名称、职能、内设机构、人员"),
    "Staffing": ("人员情况", "编制数、实有人数、退休人数"),
    "Headcount": ("分类人数", "行政、事业、工勤、其他及合计（人）"),
    "StaffKind": ("自定类别", "报告自己的人员或编制类别：名称、人数、单位"),
    "Figure": ("金额", "一项金额（万元）及其预算、上年数和比较"),
    "Item": ("收支项目", "有名称的一项收入、支出分类或项目，可含其中各项"),
    "Income": ("收入合计", "收入合计及各项收入来源"),
    "Basic": ("基本支出", "人员经费与公用经费"),
    "Project": ("项目支出", "项目支出及各项目"),
    "Expenditure": ("支出合计", "支出合计及按性质、功能、经济分类的构成"),
    "Vehicle": ("公务用车购置及运行维护费", "购置费与运行维护费"),
    "ThreePublic": ("“三公”经费", "因公出国（境）费、公务用车购置及运行维护费、公务接待费"),
    "Procurement": ("政府采购", "货物、工程、服务"),
    "Carryover": ("结转和结余", "年初、年末结转和结余"),
    "Fund": ("其他预算支出", "政府性基金、国有资本经营或社会保险基金预算支出"),
    "Buildings": ("楼堂馆所控制情况", "规模和投资的批复数与实际数"),
    "Budget": ("收支情况", "一般公共预算收支及相关金额（万元）"),
    "Member": ("工作组成员", "姓名、组内职务、职务、职责"),
    "Phase": ("工作阶段", "阶段名称、起止日期、工作内容"),
    "Evaluation": ("绩效评价工作情况", "目的、原则、依据、方法、工作组、工作过程"),
    "Indicator": ("三级指标", "具体指标：年度指标值、实际完成值、分值、得分"),
    "Level2": ("二级指标", "数量指标、质量指标等，含三级指标"),
    "Level1": ("一级指标", "产出指标、效益指标、满意度指标等，含二级指标"),
    "ExecutionIndicator": ("预算执行率", "预算执行率指标：得分 = 分值 × 执行数 ÷ 全年预算数"),
    "Goal": ("年度总体目标", "预期目标和实际完成情况"),
    "Indicators": ("绩效指标及自评", "指标体系、得分和等级"),
    "Narrative": ("报告正文", "各部分的文字（Markdown）"),
    "Attachments": ("附件", "基础数据表、自评表和填表信息"),
}
