"""``jixiao check``: every rule family run over a loaded report.

Each family is a module with a ``run(loaded) -> Iterable[Finding]`` function that registers its rules in
:mod:`toolkit.rules` at import. Findings are all collected (never stop at the first).
"""
from __future__ import annotations

import importlib

from ..findings import Result
from ..load import Loaded
from .common import one_check
from .filling import settle

FAMILIES = ["sums", "balance", "shares", "scores", "dates", "narrative", "filling"]

_modules = [importlib.import_module(f"{__name__}.{name}") for name in FAMILIES]


def check(loaded: Loaded) -> Result:
    """Run every rule family; the load warnings (unknown keys, encoding) come first."""
    result = Result(loaded.file)
    result.extend(loaded.warnings)
    with one_check(loaded):  # what several families read is worked out once (checks.common.shared)
        for module in _modules:
            result.extend(module.run(loaded))
    # while values are still to fill (待填), the findings that depend on them wait (see checks.filling)
    result.findings = settle(result.findings, loaded.unfilled)
    return result
