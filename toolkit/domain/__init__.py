"""The domain core: every identity of a 部门整体支出绩效自评报告 (DOMAIN.md sections 2, 3 and 7), implemented once.

The YAML checks (:mod:`toolkit.checks`), the claim engine of ``jixiao lint`` (:mod:`toolkit.claims`) and the
renderer (:mod:`toolkit.word`) take their identities from here, so the same figures get the same verdict wherever
they are written:

* :mod:`.tolerance` — the rounding policy: a verdict (exact / within rounding / wrong) for sums, ratios,
  percentages, repeated figures and scores, from the precision of the figures written; the rounding note;
* :mod:`.budget` — the budget breakdowns (which totals have which parts) with their Chinese labels;
* :mod:`.staffing` — head counts and the 在职人员控制率;
* :mod:`.execution` — budget stages and the 预算执行率;
* :mod:`.scoring` — targets and actuals, the scoring rules, weights and the total score;
* :mod:`.grades` — the grade bands.

Every module is pure (Decimal arithmetic, no I/O) and imports nothing heavier than the model's classes.
"""
