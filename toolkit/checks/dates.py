"""Dates: a year-N report is evaluated in year N+1, and its work phases run in order."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from ..findings import ERROR, WARNING, Finding
from ..load import Loaded
from ..rules import Rule

_EX = "data.yaml"
DAT001 = Rule("DAT001", "dates", ERROR, "评价工作日期不在评价年度的次年",
         "N 年度的自评在 N+1 年进行（通常 2–4 月）：工作组成立、各阶段起止、报告日期和填报日期都应在 N+1 年。"
         "日期落在 N 年，通常是照抄上年报告只改了年度。",
         "examples/bishan-jxw-2021.yaml:77:22: DAT001 工作组成立日期 2021-03-13 在 2021 年，评价 2021 年度的工作应在 2022 年进行 [evaluation.group_established]")
DAT002 = Rule("DAT002", "dates", ERROR, "阶段的结束日期早于开始日期",
         "每个工作阶段的开始日期不能晚于结束日期。起止颠倒通常是抄写或改日期时只改了一个。",
         f"{_EX}:92:12: DAT002 “实施阶段”结束 2022-03-16 早于开始 2022-03-19")
DAT003 = Rule("DAT003", "dates", ERROR, "工作阶段的顺序与日期不符",
         "工作阶段按先后列出：每个阶段的开始日期不应早于前一阶段的开始日期。",
         f"{_EX}:96:14: DAT003 “完成阶段”开始 2022-03-10 早于前一阶段“实施阶段”的开始 2022-03-16")
DAT004 = Rule("DAT004", "dates", WARNING, "工作组成立晚于评价工作开始",
         "先成立评价工作组，再开展各阶段工作：某阶段的开始日期早于工作组成立日期时，至少有一个日期写错了。",
         f"{_EX}:90:14: DAT004（警告） “准备阶段”开始 2022-03-10 早于工作组成立 2022-03-13")
DAT005 = Rule("DAT005", "dates", WARNING, "报告日期早于评价工作结束",
         "报告（或附表填报）日期应在最后一个工作阶段结束之后。",
         f"{_EX}:100:9: DAT005（警告） 报告日期 2022-03-20 早于最后阶段“完成阶段”的结束 2022-03-26")


def run(loaded: Loaded) -> Iterable[Finding]:
    report = loaded.report
    ev = report.evaluation
    year = report.year
    dated: list[tuple[str, dt.date, str]] = []
    if ev.group_established:
        dated.append(("工作组成立日期", ev.group_established, ev.at("group_established")))
    for ph in ev.phases:
        if ph.start:
            dated.append((f"“{ph.name}”开始日期", ph.start, ph.at("start")))
        if ph.end:
            dated.append((f"“{ph.name}”结束日期", ph.end, ph.at("end")))
    if ev.date:
        dated.append(("报告日期", ev.date, ev.at("date")))
    if report.attachments.date:
        dated.append(("填报日期", report.attachments.date, report.attachments.at("date")))
    for what, d, path in dated:
        if d.year != year + 1:
            yield loaded.finding(DAT001, f"{what} {d.isoformat()} 在 {d.year} 年，评价 {year} 年度的工作应在 {year + 1} 年进行",
                                 path, expected=f"{year + 1} 年", found=d.isoformat())
    previous = None
    for ph in ev.phases:
        if ph.start and ph.end and ph.end < ph.start:
            yield loaded.finding(DAT002, f"“{ph.name}”结束 {ph.end.isoformat()} 早于开始 {ph.start.isoformat()}",
                                 ph.at("end"), expected=f"不早于 {ph.start.isoformat()}", found=ph.end.isoformat())
        if ph.start:
            if previous is not None and ph.start < previous.start:
                yield loaded.finding(
                    DAT003,
                    f"“{ph.name}”开始 {ph.start.isoformat()} 早于前一阶段“{previous.name}”的开始 {previous.start.isoformat()}",
                    ph.at("start"), expected=f"不早于 {previous.start.isoformat()}", found=ph.start.isoformat())
            if ev.group_established and ph.start < ev.group_established:
                yield loaded.finding(
                    DAT004,
                    f"“{ph.name}”开始 {ph.start.isoformat()} 早于工作组成立 {ev.group_established.isoformat()}",
                    ph.at("start"), expected=f"不早于 {ev.group_established.isoformat()}", found=ph.start.isoformat())
            previous = ph
    ends = [(ph.end, ph) for ph in ev.phases if ph.end]
    if ends:
        last_end, last = max(ends, key=lambda e: e[0])
        for what, d, path in (("报告日期", ev.date, ev.at("date")),
                              ("填报日期", report.attachments.date, report.attachments.at("date"))):
            if d and d < last_end:
                yield loaded.finding(DAT005, f"{what} {d.isoformat()} 早于最后阶段“{last.name}”的结束 {last_end.isoformat()}",
                                     path, expected=f"不早于 {last_end.isoformat()}", found=d.isoformat())
