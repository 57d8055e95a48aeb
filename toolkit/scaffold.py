"""A new data file with every field of an outline: ``jixiao init [--outline NAME] -o dept.yaml``.

The scaffold is generated from the model (a field added to :mod:`toolkit.pydantic_model` appears here by itself), each field
with a Chinese comment from :mod:`toolkit.guide`: what to write, the unit, where the figure usually comes from. What
is to be filled is written ``待填`` (:mod:`toolkit.placeholders`): ``check`` lists each one (FIL001) and ``render``
refuses until they are filled. Figures that can be derived (shares, rates, totals, the grade) are left empty with a
comment saying so; a list holds one element to copy. The first line names the JSON Schema (``jixiao schema``) for
VS Code's YAML extension.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel

from .guide import describe, guide_for
from .placeholders import PLACEHOLDER
from .schema import field_kind

#: fields a given outline only prints (left out of the other outlines' scaffolds)
_ONLY = {
    "Indicator.category": {"sichuan"},
    "Indicator.narrative": {"chongqing"},
    "Indicators.ungrouped": {"chongqing"},
    "Report.attachments": {"hunan"},
}
#: fields never written by hand in a new file (rollover fills them)
_NEVER = {"Indicator.previous", "Indicators.previous_score", "Report.layout"}  # layout: the user adds it
#: fields left empty (derived, optional switches and overrides) rather than written as 待填
_EMPTY = {"Report.title", "Report.label", "Report.signature", "Unit.short_name", "Unit.departments_count",
          "Project.items_partial", "Indicator.unit", "Indicator.kind", "Indicator.achievement", "Indicator.deviation",
          "ExecutionIndicator.deviation", "Indicators.grade", "Headcount.other", "Narrative.other",
          "Narrative.conclusion", "Staffing.note", "Staffing.total", "Figure.note", "Budget.note", "Fund.text"}
#: sub-objects left out of a new file with a comment (most departments have none): written as an empty mapping
_NONE = {"Budget.government_fund", "Budget.state_capital", "Budget.social_insurance", "Budget.buildings"}

_INDENT = "  "


def default_year(today: dt.date | None = None) -> int:
    """The year a report written now evaluates: last year."""
    return (today or dt.date.today()).year - 1


def scaffold(outline: str = "hunan", year: int | None = None, schema: str = "jixiao.schema.json") -> str:
    """The YAML text of a new data file for ``outline`` (hunan / chongqing / sichuan) and ``year``."""
    from .pydantic_model import Report
    from .templates import BUILTIN

    outline = outline.strip().lower()
    if outline not in BUILTIN:
        from .errors import TemplateError

        raise TemplateError(f"未知的内置格式“{outline}”，应为 {'、'.join(BUILTIN)}")
    year = year or default_year()
    head = [
        f"# yaml-language-server: $schema={schema}",
        f"# 部门整体支出绩效自评报告数据：{year}年度，{BUILTIN[outline].split('：')[0]}。由 jixiao init 生成。",
        f"# 把每个“{PLACEHOLDER}”换成实际内容，不适用的字段整行删除；留空的字段（占比、执行率、合计、等级等）自动计算。",
        "# 金额单位为万元（写 3345.50），百分数写 95 或 95%，日期写 2024-03-29；多段文字用“|”另起一行缩进书写（Markdown）。",
        "# 填好后运行 jixiao check 本文件：每个未填的“待填”都会列出（FIL001），全部填完、核验无误后再 jixiao render。",
        "",
    ]
    lines = _Writer(outline, year).model(Report, 0, [])
    return "\n".join(head + lines) + "\n"


class _Writer:
    def __init__(self, outline: str, year: int) -> None:
        self.outline = outline
        self.year = year

    def model(self, model: type[BaseModel], depth: int, stack: list[type]) -> list[str]:
        out: list[str] = []
        pad = _INDENT * depth
        fields = sorted(model.model_fields.items(), key=lambda kv: kv[0] not in ("label", "name"))  # names first
        for name, info in fields:
            key = _key(model, name)
            if key in _NEVER or (key in _ONLY and self.outline not in _ONLY[key]):
                continue
            comment = _comment(model, name)
            kind = field_kind(info.annotation)
            if kind.model is not None and not kind.is_list:
                if key in _NONE:
                    out.append(f"{pad}{name}:  # {comment}。没有则删除此项")
                    continue
                out += [f"{pad}# {comment}", f"{pad}{name}:"] if comment else [f"{pad}{name}:"]
                out += self.model(kind.model, depth + 1, stack + [model])
            elif kind.is_list:
                out += [f"{pad}# {comment}（每项以“- ”开头，可复制增加）", f"{pad}{name}:"] if comment else [f"{pad}{name}:"]
                if kind.model is not None:
                    if kind.model in stack or kind.model is model:  # Item inside Item: one level is enough
                        out[-1] += " []"
                        continue
                    body = self.model(kind.model, depth + 2, stack + [model])
                    out += [f"{pad}{_INDENT}- {body[0].lstrip()}"] + body[1:] if body else []
                else:
                    out.append(f"{pad}{_INDENT}- {PLACEHOLDER}")
            else:
                out.append(self.scalar(model, name, info, kind, pad, comment))
        return out

    def scalar(self, model, name: str, info, kind, pad: str, comment: str) -> str:
        key = _key(model, name)
        derived = "不填" in comment  # 不填则自动计算 / 不填则取… / 没有则不填
        if name == "year" and model.__name__ == "Report":
            value = str(self.year)
        elif name == "outline" and model.__name__ == "Report":
            value = self.outline
        elif not info.is_required() and isinstance(info.default, (bool, str, Decimal)):  # a default worth showing
            value = ("true" if info.default else "false") if isinstance(info.default, bool) else str(info.default)
        elif key in _EMPTY or derived or (kind.scalar == "bool"):
            value = ""
        else:
            value = PLACEHOLDER
        if kind.scalar == "enum" and kind.values and not all(v in comment for v in kind.values):
            comment = f"{comment}（{'、'.join(kind.values)}）"
        text = f"{pad}{name}: {value}".rstrip() if value else f"{pad}{name}:"
        return f"{text}  # {comment}" if comment else text



def _comment(model: type[BaseModel], name: str) -> str:
    """``年初预算数：年初批复的预算（万元）；来源：部门预算批复``."""
    entry = guide_for(model, name)
    if entry is None:
        return ""
    text = describe(entry)
    if not text:
        return entry.title
    return f"{entry.title}{'，' if text.startswith('来源') else '：'}{text}"


def _key(model: type[BaseModel], name: str) -> str:
    """``Figure.amount`` for Item's amount: the class that defines the field."""
    for cls in model.__mro__:
        if name in getattr(cls, "__annotations__", {}):
            return f"{cls.__name__}.{name}"
    return f"{model.__name__}.{name}"
