"""Generate the reference documentation from the code, so it never drifts from it.

``python -m toolkit.docs`` rewrites ``docs/fields.md`` (every YAML field, with its Chinese name and meaning from
:mod:`toolkit.guide`, the model's description where the guide has none), ``docs/rules.md`` (every finding code,
from the rule catalogue) and ``docs/limits.md`` (every limit on input and template evaluation, from
``toolkit/limits.py``). A test fails when the committed files are stale.
"""
from __future__ import annotations

import sys
import typing
from pathlib import Path

from pydantic import BaseModel

from .guide import describe, guide_for
from .pydantic_model import Report
from .schema import field_kind

_SCALARS = {
    "number": "数字",
    "percent": "百分数",
    "count": "整数",
    "text": "文本",
    "markdown": "Markdown",
    "bool": "true/false",
    "charts": "true/false 或图表名称的列表",
    "date": "日期 YYYY-MM-DD",
}


def _type_name(annotation: typing.Any) -> tuple[str, type[BaseModel] | None]:
    """A short Chinese name for a field's type, and the model class it holds (if any)."""
    kind = field_kind(annotation)
    if kind.model is not None:
        name = kind.model.__name__
    elif kind.scalar == "enum":
        name = " / ".join(kind.values)
    else:
        name = _SCALARS.get(kind.scalar or "", "文本")
    return (f"{name} 的列表" if kind.is_list else name), kind.model


def fields_markdown() -> str:
    """Every model class reachable from Report, as a table of its fields."""
    out = [
        "# YAML field reference",
        "",
        "Generated from `toolkit/pydantic_model.py` by `python -m toolkit.docs`; do not edit by hand.",
        "See [yaml-reference.md](yaml-reference.md) for a guided tour with examples.",
        "",
        "Money is in 万元 (written as a number: `3345.50`); a 百分数 may be written `95`, `95%` or `\"95.00%\"`.",
        "A field marked *required* must be present; every other field may be left out.",
        "",
    ]
    seen: set[type[BaseModel]] = set()
    queue: list[type[BaseModel]] = [Report]
    while queue:
        model = queue.pop(0)
        if model in seen:
            continue
        seen.add(model)
        doc = (model.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        out += [f"## {model.__name__}", "", doc, "", "| key | 名称 | type | 说明 |", "|---|---|---|---|"]
        for name, info in model.model_fields.items():
            type_name, inner = _type_name(info.annotation)
            if inner is not None and inner not in seen:
                queue.append(inner)
            if inner is not None:
                type_name = type_name.replace(inner.__name__, f"[{inner.__name__}](#{inner.__name__.lower()})")
            req = " *required*" if info.is_required() else ""
            entry = guide_for(model, name)
            title = entry.title if entry else ""
            desc = (describe(entry) if entry and describe(entry) else info.description or "").replace("|", "\\|")
            out.append(f"| `{name}` | {title} | {type_name}{req} | {desc} |")
        out.append("")
    return "\n".join(out)


def rules_markdown() -> str:
    """The rule catalogue: every code with its explanation and an example."""
    from .rules import catalogue

    rules = catalogue()
    out = [
        "# Rule catalogue",
        "",
        "Generated from the rule registry by `python -m toolkit.docs`; do not edit by hand.",
        "`jixiao rules` prints the same list, `jixiao rules CODE` one rule.",
        "",
        "| code | family | severity | title |",
        "|---|---|---|---|",
    ]
    for r in rules.values():
        out.append(f"| [{r.code}](#{r.code.lower()}) | {r.family} | {r.severity} | {r.title} |")
    out.append("")
    for r in rules.values():
        out += [f"## {r.code}", "", f"**{r.title}** ({r.family}, {r.severity})", "", r.explanation, ""]
        if r.example:
            out += ["```", r.example, "```", ""]
    return "\n".join(out)


_LIMIT_AREAS = {"YAML": "YAML data files (`jixiao check`, `render`)", "模板": "Template evaluation (a user's .docx, per report)",
                ".docx": ".docx packages (templates, and reports given to `jixiao lint`)",
                "lint 报告": "Reports read by `jixiao lint`", "输出文件": "Output files"}

_LIMIT_NOTES = {
    "YAML": "Refused too, whatever the size: an alias to an anchor it sits in (`x: &r [1, *r]`), an alias to an "
            "anchor not yet defined, a repeated anchor, a second document (`---`), a merge key `<<` whose value is "
            "not a mapping or a list of mappings, and any explicit tag but the core ones (`!!str`, `!!int`, "
            "`!!float`, `!!bool`, `!!null`, `!!timestamp`, `!!map`, `!!seq`): `!!python/…`, `!!binary`, `!!set`, "
            "`!foo` …. A core tag whose value does not fit (`!!float 约500`) is an error at its line. A device, FIFO "
            "or socket is refused before it is opened.",
    "lint 报告": "A report's .docx is opened with the .docx limits above, and only its main document part "
                 "(`word/document.xml`) is inflated, then parsed without entities, DTDs or network access and within "
                 "libxml2's own limits (256 levels of nesting, 10 MB in one text node). A PDF with no text layer (a "
                 "scan) is refused with a message saying so. The text of a report of any size is read in linear "
                 "time: every relation is looked for among at most 32 figures within 600 characters before its "
                 "claim, lists are read to 400 characters, a label to 100 (about 4 µs a character: `lint_chars` keeps a "
                 "report within about 10 s of CPU; a file beyond it is refused after reading, before any claim is read).",
    "模板": "Refused when the template is compiled: `{% include %}`, `{% import %}`, `{% from … import %}`, "
            "`{% extends %}` (a template is one .docx). The sandbox also refuses Python internals (`__class__`) and "
            "changing lists or dicts in place (`x.append(…)`), and `str.translate`. `num(level)` takes 1–4.",
    ".docx": "Every member is checked from the zip's central directory before anything is inflated, referenced or "
             "not (the ratio only for members inflating to more than 1 MB). Only the parts the renderer edits "
             "(`word/document.xml`, headers, footers, `word/styles.xml`) are read into memory; the others are "
             "streamed into the report in 1 MB chunks. A member whose data does not match its declared size fails "
             "its CRC check and is reported as damaged; an encrypted member is refused by name. A template naming a "
             "part twice is refused (each report would hold both under one name, which Word calls damaged). Its "
             "members may be stored or deflated, with or without data descriptors: the renderer compresses its "
             "unchanging parts once, itself, and copies those bytes into every report. A report's package is written "
             "without zip64 records (no part within these limits needs them; one that would is refused).",
    "输出文件": "An output path that is one of the inputs (the YAML file, the template; also through a link) is "
               "refused, so are directories, devices, FIFOs, sockets and dangling links; a link to a regular file is "
               "followed and the file it points to is replaced. A replaced file keeps its mode (and owner, where "
               "permitted); a temporary file is removed on failure, Ctrl-C, SIGTERM and SIGHUP.",
}


def limits_markdown() -> str:
    """Every limit of toolkit/limits.py, by area, with what a real report uses."""
    from .limits import LIMITS, shown

    out = [
        "# Limits",
        "",
        "Generated from `toolkit/limits.py` by `python -m toolkit.docs`; do not edit by hand.",
        "",
        "jixiao reads files that others send. So that no input, however hostile, runs without end or exhausts",
        "memory, everything it reads and every template it evaluates is bounded. Each limit is far above what a real",
        "report needs (the *typical* column); breaking one is a Chinese message naming it, with exit code 2.",
        "`tests/hostile/` runs a hostile case against each (`python bench/bench_hostile.py` prints them as a table).",
        "",
    ]
    for area, title in _LIMIT_AREAS.items():
        out += [f"## {title}", "", "| limit | value | what is counted | typical |", "|---|---:|---|---|"]
        for item in LIMITS.values():
            if item.area == area:
                out.append(f"| `{item.name}` | {shown(item.name)} | {item.what} | {item.typical} |")
        out += ["", _LIMIT_NOTES[area], ""]
    return "\n".join(out).rstrip("\n")


def write(root: Path) -> list[Path]:
    docs = root / "docs"
    docs.mkdir(exist_ok=True)
    written = []
    for name, text in (("fields.md", fields_markdown()), ("rules.md", rules_markdown()),
                       ("limits.md", limits_markdown())):
        path = docs / name
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    if len(sys.argv) > 1 and sys.argv[1].startswith("-"):
        print("usage: python -m toolkit.docs [REPO_ROOT]   (rewrites docs/fields.md, docs/rules.md and docs/limits.md)")
        sys.exit(0 if sys.argv[1] in ("-h", "--help") else 2)
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1]
    for p in write(root):
        print(p)
