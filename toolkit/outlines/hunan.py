"""湖南格式 (seeds 002, 003; DOMAIN.md section 4): ten standard chapters, each kept with its one-sentence "无…"
convention when the data has nothing for it, then 附件1 基础数据表 and 附件2 自评表."""
from __future__ import annotations

from .spec import Closing, Fixed, Numbered, Outline, Rich, Section, Sentence
from .common import FUNDS, chart, head, md, organisation, staff

OUTLINE = Outline(
    name="hunan",
    description="湖南格式：一、部门基本情况 … 十、其他需要说明的情况，附件1 基础数据表、附件2 自评表",
    source="种子 002、003",
    body=(
        *head(),
        Section("basic_info", "部门基本情况", (
            Section("duties", "职能职责", (Numbered("unit.duties", path="unit.duties", level=3),)),
            Section("organisation", "机构设置、人员情况", (
                *organisation(),
                *staff(),
            )),
            Section("key_work", "重点工作", (md("narrative.key_work"),)),
        )),
        Section("general_budget", "一般公共预算支出情况", (
            Sentence("income", path="text.income"),
            Sentence("expenditure", path="text.expenditure"),
            chart("by_nature"),
            Sentence("by_function", path="text.by_function"),
            chart("by_function"),
            Sentence("by_economic", path="text.by_economic"),
            Section("basic_spending", "基本支出情况", (
                Fixed("basic_definition", text="基本支出是用于保障机构正常运转、完成日常工作任务而发生的支出，"
                                               "包括人员经费和公用经费。"),
                Sentence("basic", path="text.basic"),  # its note (budget.basic_note) is in the sentence
            )),
            Section("project_spending", "项目支出情况", (
                Fixed("project_definition", text="项目支出是指单位为完成特定行政工作任务或事业发展目标而发生的支出，"
                                                 "包括有关事业发展专项、专项业务费、基本建设支出等。"),
                Sentence("project", path="text.project"),
                chart("execution"),  # the project note is in text.project, leading into the list
                Rich("projects", path="projects"),
                Sentence("project_by_function", path="text.project_by_function"),
                chart("project_by_function"),
            )),
            Section("other_spending", "{text.other_spending_title}", (
                Sentence("three_public", path="text.three_public"),
                Sentence("procurement", path="text.procurement"),
                Sentence("carryover", path="text.carryover"),
            )),
            md("budget.note"),
        ), none="{year}年本单位无一般公共预算支出。"),
        *(Section(f"{key}_chapter", f"{name}支出情况", (
            Sentence(key, path=f"text.{key}"),
            md(f"budget.{key}.text"),
        ), none=f"{{year}}年本单位{name}支出未单独列示。") for key, name in FUNDS),
        Section("performance", "部门整体支出绩效情况", (
            # the outline has no chapter of its own for how the evaluation was done (purpose … phases): it opens
            # 六 without a sub-heading of its own, so that the narrative's own numbering (（一）… in 经验) stays first
            Rich("evaluation_work", path="evaluation_work"),
            # one text needs no sub-heading (seed 002); 成效 and 经验 both written, each list from 1., get theirs
            Section("results_text", "主要成效", (md("narrative.performance"),),
                    headed="several"),
            Section("experience", "主要经验及做法",
                    (md("narrative.achievements"),), headed="several"),
            Section("self_score", "自评结论", (
                Rich("indicator_notes", path="indicator_notes"),  # each indicator's own text
                md("narrative.conclusion"),
                Sentence("score", path="text.score"),
            ), headed="follow"),
            chart("scores"),  # after the score: drawn even when the narrative states the score (no sentence then)
        )),
        Section("problems", "存在的问题及原因分析", (md("narrative.problems"),),
                none="本单位无需要说明的问题。"),
        Section("measures", "下一步改进措施", (md("narrative.measures"),),
                none="本单位无需要说明的改进措施。"),
        Section("results", "部门整体支出绩效自评结果拟应用和公开情况", (
            Section("application", "绩效自评结果拟应用情况",
                    (md("narrative.application"),)),
            Section("publication", "绩效自评结果公开情况",
                    (md("narrative.publication"),)),
        ), none="本单位无需要说明的自评结果应用和公开情况。"),
        Section("other", "其他需要说明的情况", (md("text.other"),)),
        Closing("closing"),
    ),
)
