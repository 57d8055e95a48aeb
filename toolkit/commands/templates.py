"""``jixiao templates list|show NAME|export NAME -o house.docx``: the outlines, their stable names, a house template."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import echo, fail


class Action(str, Enum):
    list = "list"
    show = "show"
    export = "export"


def run(
    action: Annotated[Action, typer.Argument(help="list 列出提纲；show 显示提纲的章节与内容块名称；export 导出为可编辑的 .docx 模板",
                                             show_default=False)],
    name: Annotated[Optional[str], typer.Argument(help="提纲名：hunan、chongqing、sichuan", show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="export 的输出 .docx（默认：提纲名.docx）")] = None,
) -> None:
    """内置提纲：列出、显示各章节与内容块的名称（供数据中的 layout: 使用）、导出为自己的 Word 模板。"""
    from .. import outlines
    from ..errors import JixiaoError, TemplateError
    from ..templates import export, known

    if action is Action.list:
        for o in outlines.all_outlines():
            echo(f"{o.name}  {o.description}")
        echo("用 jixiao templates show 提纲名 查看章节与内容块名称；jixiao templates export 提纲名 -o 模板.docx 导出模板。")
        return
    if not name:
        echo(f"请给出提纲名：{'、'.join(known())}", err=True)
        raise typer.Exit(2)
    try:
        if name.strip().lower() not in known():
            raise TemplateError(f"未知的内置模板“{name}”。可用的内置模板：{'、'.join(known())}")
        if action is Action.show:
            echo(show(outlines.get(name)))
            return
        out = export(name, output or Path(f"{name.strip().lower()}.docx"))
    except JixiaoError as exc:
        fail(exc)
    echo(f"已导出：{out}")


def show(outline) -> str:
    """The section tree, indented by level: each heading's stable name and text, its blocks' names and kinds."""
    from ..outlines import spec as S

    kinds = {S.Sentence: "生成的句子", S.Markdown: "Markdown 字段", S.Numbered: "编号列表", S.Rich: "段落或表格",
             S.Fixed: "提纲固定文字", S.First: "二选一", S.Closing: "附件说明、落款与附件"}
    lines = [f"{outline.name}：{outline.description}", "章节（可 rename、omit）与内容块（可 replace、omit）："]

    def walk(content, depth: int) -> None:
        pad = "  " * depth
        for c in content:
            if isinstance(c, S.Section):
                extra = "，逐项重复" if c.each else ""
                extra += f"，无内容时写“{c.none}”" if c.none else ""
                lines.append(f"{pad}[{c.name}] {c.title}（{depth + 1}级标题{extra}）")
                walk(c.content, depth + 1)
            else:
                lines.append(f"{pad}  - {c.name}（{kinds.get(type(c), '内容块')}）")
    walk(outline.body, 0)
    return "\n".join(lines)
