"""Grades (DOMAIN.md section 3): 优 90–100, 良 80–90, 中 60–80, 差 below 60; the long names reports also write."""
from __future__ import annotations

from decimal import Decimal

#: Grade bands: lower bound inclusive, short and long name.
GRADES: list[tuple[Decimal, str, str]] = [
    (Decimal(90), "优", "优秀"),
    (Decimal(80), "良", "良好"),
    (Decimal(60), "中", "合格"),
    (Decimal(0), "差", "不合格"),
]

#: Every way a report writes each grade, mapped to the short form.
GRADE_ALIASES = {"优": "优", "优秀": "优", "良": "良", "良好": "良", "中": "中", "合格": "中", "一般": "中",
                 "差": "差", "不合格": "差", "较差": "差"}


def grade_for(score: Decimal) -> str:
    """The short grade (优/良/中/差) for a total score."""
    for low, short, _long in GRADES:
        if score >= low:
            return short
    return "差"


def long_grade(short: str) -> str:
    """优 -> 优秀, 良 -> 良好, 中 -> 合格, 差 -> 不合格."""
    for _low, s, long in GRADES:
        if s == short:
            return long
    return short


def normalise_grade(text: str) -> str | None:
    """The short grade a declared grade means (``"优秀"`` -> ``"优"``), or None if it is not a grade."""
    t = text.strip().removesuffix("等级").removesuffix("等").strip().strip("“”\"'「」‘’")
    return GRADE_ALIASES.get(t)
