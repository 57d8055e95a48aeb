"""重庆格式 (seed 000; DOMAIN.md section 4): 基本情况, 绩效评价基本情况, 主要成效, 绩效评价情况及结论 with one
sub-section per indicator, 存在的问题及原因, 有关建议. A chapter with nothing to say is left out."""
from __future__ import annotations

from .common import chart, funds_when_present, group, head, md, organisation, staff, verdict
from .spec import Closing, First, Markdown, Numbered, Outline, Rich, Section, Sentence

OUTLINE = Outline(
    name="chongqing",
    description="重庆格式：一、基本情况 … 四、绩效评价情况及结论（逐项指标），五、存在的问题及原因，六、有关建议",
    source="种子 000",
    body=(
        *head(),
        Section("basic_info", "基本情况", (
            Section("unit_info", "单位基本情况", (
                Section("duties", "职能职责", (Numbered("unit.duties", path="unit.duties", level=4),)),
                Section("organisation", "机构情况", (
                    md("unit.organisation"),
                    Sentence("departments", path="text.departments"),
                )),
                Section("staff", "人员情况", (
                    Sentence("staffing", path="text.staffing"),
                    md("unit.staffing_note"),
                )),
                Section("key_work", "重点工作", (md("narrative.key_work"),)),
            )),
            Section("budget_info", "预算及支出情况", (
                Sentence("income", path="text.income"),
                Sentence("spending", path="text.spending"),
                chart("by_nature"),
                Sentence("basic", path="text.basic"),
                Sentence("project", path="text.project"),
                chart("execution"),
                Rich("projects", path="projects"),
                Sentence("project_by_function", path="text.project_by_function"),
                chart("project_by_function"),
                Sentence("by_function", path="text.by_function"),
                chart("by_function"),
                Sentence("by_economic", path="text.by_economic"),
                Sentence("three_public", path="text.three_public"),
                Sentence("procurement", path="text.procurement"),
                Sentence("carryover", path="text.carryover_after_spending"),
                *funds_when_present(),
                md("budget.note"),
                md("goal.target", lead="{year}年度部门整体支出绩效目标："),
            )),
        )),
        Section("evaluation", "绩效评价基本情况", (
            Section("purpose", "绩效评价目的", (md("evaluation.purpose"),)),
            Section("method", "{text.method_title}", (
                Numbered("evaluation.principles", path="evaluation.principles", level=3),
                md("evaluation.basis"),
                md("evaluation.method"),
            )),
            Section("process", "绩效评价工作过程", (
                *group(),
                Rich("phases", path="phases"),
            )),
        )),
        Section("performance", "主要成效", (md("narrative.performance"),)),
        Section("achievements", "主要经验及做法",
                (md("narrative.achievements"),)),
        Section("assessment", "绩效评价情况及结论", (
            Section("indicators", "绩效评价情况", (
                Section("indicator", "{item.heading}", (
                    First("indicator.text", choices=(Markdown("indicator.narrative", path="item.narrative"),
                                                     Sentence("indicator.sentence", path="item.sentence"))),
                    Markdown("indicator.deviation", path="item.deviation"),
                ), each="scored_indicators"),
            )),
            Section("verdict", "绩效评价结论", (
                *verdict(),
            )),
        )),
        Section("problems", "存在的问题及原因", (md("narrative.problems"),)),
        Section("measures", "有关建议", (md("narrative.measures"),)),
        Section("other", "其他需要说明的情况", (
            md("narrative.application"),
            md("narrative.publication"),
            md("narrative.other"),
        )),
        Closing("closing"),
    ),
)
