"""Limits on what jixiao reads and evaluates, so that hostile or absurd input ends in bounded time and memory.

Every limit is data here (one :class:`Limit` each, gathered in :data:`LIMITS`), used by the code that enforces it
(``load.py`` for YAML, ``word/sandbox.py`` for template evaluation, ``safezip.py`` for .docx packages, ``io.py``
for output files, ``claims/document.py`` and ``claims/pdf.py`` for the reports ``jixiao lint`` reads) and documented
by ``python -m toolkit.docs`` in ``docs/limits.md``. Each is far above what a real report needs (the figures in ``Limit.typical``), and each refusal is a Chinese message naming the limit.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    name: str
    value: int
    unit: str  # as printed in a message: 字节, 层, 个, 字符, 秒 …
    area: str  # YAML 数据文件, 模板, .docx 压缩包, 输出文件
    what: str  # what is counted (English, for docs/limits.md)
    typical: str  # what a real report uses (English)


def _limits(*items: Limit) -> dict[str, Limit]:
    return {item.name: item for item in items}


MB = 2**20

LIMITS: dict[str, Limit] = _limits(
    # -- YAML data files ------------------------------------------------------------------------------------
    Limit("yaml_bytes", 10 * MB, "字节", "YAML", "size of a YAML data file", "20–50 KB"),
    Limit("yaml_depth", 64, "层", "YAML", "nesting of mappings and lists, aliases and merges included", "9"),
    Limit("yaml_aliases", 1_000, "个", "YAML", "aliases (`*name`) in one file", "0–20"),
    Limit("yaml_values", 200_000, "个", "YAML",
          "values (scalars, mappings, lists) after expanding aliases and merge keys", "1,000–5,000"),
    Limit("yaml_chars", 20_000_000, "字符", "YAML", "characters of text after expanding aliases", "≈ the file's size"),
    # -- template evaluation (a user's .docx; per report) ---------------------------------------------------
    Limit("template_steps", 200_000, "步", "模板", "loop iterations, and macro calls at 10 each, while rendering one report",
          "0–100 (built-in outlines)"),
    Limit("template_range", 100_000, "个", "模板", "numbers in one `range()`", "≈ 100"),
    Limit("template_macro_depth", 50, "层", "模板", "macros calling macros (recursion)", "1–3"),
    Limit("template_string", 10_000_000, "字符", "模板",
          "length of one string or list a template builds (`*`, `~`, `+`, filters, `format`, widths)", "≈ 10 KB"),
    Limit("template_output", 20_000_000, "字符", "模板", "characters printed while rendering one report",
          "10,000–100,000 (examples/)"),
    Limit("template_int_digits", 1_000, "位", "模板", "decimal digits of an integer a template computes", "≤ 10"),
    Limit("template_seconds", 5, "秒", "模板", "time to evaluate the template for one report",
          "0.01–0.05 s (examples/)"),
    Limit("template_lipsum", 100, "段", "模板", "paragraphs (and 1,000 words each) of `lipsum()`", "0"),
    Limit("template_charts", 100, "幅", "模板", "charts placed with `chart()` in one report", "0–5 (built-in outlines)"),
    # -- .docx packages (templates) -------------------------------------------------------------------------
    Limit("zip_members", 10_000, "个", ".docx", "members of the zip package", "15–50"),
    Limit("zip_member_bytes", 64 * MB, "字节", ".docx", "inflated size of one member", "≤ 1 MB (XML), a few MB (images)"),
    Limit("zip_total_bytes", 256 * MB, "字节", ".docx", "inflated size of all members together", "≈ 1 MB"),
    Limit("zip_ratio", 100, "倍", ".docx",
          "inflated ÷ compressed size of a member inflating to more than 1 MB", "3–35"),
    # -- reports read by jixiao lint ----------------------------------------------------------------------
    Limit("lint_bytes", 64 * MB, "字节", "lint 报告", "size of a report file given to `jixiao lint` (.docx, .pdf, .txt, .md)",
          "50 KB–5 MB"),
    Limit("lint_pdf_pages", 2_000, "页", "lint 报告", "pages of a PDF report", "10–100"),
    Limit("lint_chars", 2_000_000, "字符", "lint 报告",
          "characters of text (paragraphs and table cells) in a report once read", "20,000–150,000"),
    # -- output files ---------------------------------------------------------------------------------------
    Limit("stale_temp_seconds", 600, "秒", "输出文件",
          "age after which a temporary file of ours whose process has ended is removed", "—"),
)


def limit(name: str) -> int:
    """The value of a limit by name."""
    return LIMITS[name].value


def shown(name: str) -> str:
    """A limit as a user reads it: ``10 MB``, ``64 层``, ``1,000,000 次``."""
    item = LIMITS[name]
    if item.unit == "字节":
        return f"{item.value // MB} MB"
    return f"{item.value:,} {item.unit}"
