"""Figures that can be derived from others (kept for code written against it: the identities live in
:mod:`toolkit.domain`, import them from there).

Used by the renderer (a value the user left out is computed, never left blank) and by the checks (a value the
user declared is compared with what is computed).
"""
from __future__ import annotations

from .domain.budget import sum_of
from .domain.execution import execution_figures, execution_rate, full_budget
from .domain.grades import GRADE_ALIASES, GRADES, grade_for, long_grade, normalise_grade
from .domain.scoring import (computed_total_score, computed_total_weight, execution_score, grade, group_weight,
                             level1_weight, level2_weight, total_score)

__all__ = ["GRADES", "GRADE_ALIASES", "grade_for", "long_grade", "normalise_grade", "sum_of", "full_budget",
           "execution_rate", "execution_figures", "execution_score", "group_weight", "level1_weight",
           "level2_weight", "computed_total_score", "computed_total_weight", "total_score", "grade"]
