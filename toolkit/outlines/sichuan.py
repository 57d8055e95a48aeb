"""四川格式 (a county 经信科技局 2021 report; DOMAIN.md section 4): 部门概况, 部门财政资金基本情况 with 占比,
部门预算绩效管理情况 by 人员类/运转类/特定目标类 with indicator counts, 评价结论及建议; always signed with the unit's
name and the date. A chapter with nothing to say is left out."""
from __future__ import annotations

from .common import chart, funds_when_present, group, head, md, organisation, staff, verdict
from .spec import Closing, Markdown, Numbered, Outline, Rich, Section, Sentence

OUTLINE = Outline(
    name="sichuan",
    description="四川格式：一、部门概况，二、部门财政资金基本情况（收入、支出及占比，结转结余），三、部门预算绩效管理情况"
                "（人员类/运转类/特定目标类，指标完成情况），四、评价结论及建议，落款单位和日期",
    source="某县经信科技局2021年报告",
    body=(
        *head(),
        Section("overview", "部门概况", (
            Section("organisation", "机构组成", (
                *organisation(),
            )),
            Section("functions", "机构职能", (
                Numbered("unit.duties", path="unit.duties", level=3),
                md("narrative.key_work"),
            )),
            Section("staff", "人员概况", (
                *staff(),
            )),
        )),
        Section("finance", "部门财政资金基本情况", (
            Section("finance_income", "部门财政资金收入情况", (Sentence("income", path="sichuan.income"),)),
            Section("finance_spending", "部门财政资金支出情况", (
                Sentence("expenditure", path="sichuan.expenditure"),
                chart("by_nature"),
                Sentence("expenditure_stages", path="sichuan.expenditure_stages"),
                chart("execution"),
                Sentence("basic", path="sichuan.basic"),
                Sentence("by_function", path="sichuan.by_function"),
                chart("by_function"),
                Sentence("by_economic", path="sichuan.by_economic"),
                Sentence("three_public", path="text.three_public"),
                Sentence("procurement", path="text.procurement"),
                *funds_when_present(),
                md("budget.note"),
            )),
            Section("finance_carryover", "结转结余情况", (
                Sentence("carryover", path="text.carryover"),
                Markdown("carryover_notes", path="sichuan.carryover_notes"),
            )),
        )),
        Section("management", "部门预算绩效管理情况", (
            Section("budget_management", "部门预算绩效管理", (
                Section("goal_setting", "绩效目标制定", (
                    md("goal.target", depth=1, lead="{year}年度部门整体支出绩效目标："),
                    Sentence("targets", path="sichuan.targets"),
                )),
                Section("goal_completion", "绩效目标完成情况", (
                    md("goal.actual", depth=1,
                             lead="{year}年度部门整体支出绩效目标实际完成情况："),
                    Sentence("completion", path="sichuan.completion"),
                    Rich("summary_table", path="sichuan.summary_table"),
                    Sentence("short_title", path="sichuan.short_title"),
                    Rich("short", path="sichuan.short"),
                    Section("category", "{item.name}", (
                        Sentence("category.about", path="item.about"),
                        Sentence("category.sentence", path="item.sentence"),
                        Rich("category.projects", path="sichuan.projects", when="item.projects"),
                    ), each="sichuan.categories"),
                )),
                Section("performance", "主要成效",
                        (md("narrative.performance", depth=1),)),
                Section("achievements", "主要经验及做法",
                        (md("narrative.achievements", depth=1),)),
                Section("evaluation", "绩效自评工作开展情况", (
                    md("evaluation.purpose", depth=1),
                    md("evaluation.basis", depth=1),
                    md("evaluation.method", depth=1),
                    *group(depth=1),
                    Rich("phases", path="sichuan.phases"),
                )),
            )),
            Section("results", "结果应用情况", (
                md("narrative.application"),
                md("narrative.publication"),
            )),
        )),
        Section("verdict_and_advice", "评价结论及建议", (
            Section("verdict", "评价结论", (
                *verdict(),
            )),
            Section("problems", "存在问题", (md("narrative.problems"),)),
            Section("measures", "改进建议", (md("narrative.measures"),)),
        )),
        Section("other", "其他需要说明的情况", (md("narrative.other"),)),
        Closing("closing", signature="sign_off"),
    ),
)
