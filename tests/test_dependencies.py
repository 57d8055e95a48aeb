"""Every module the code imports is in the standard library, is ours, or is a declared dependency.

A package that happens to be installed on a developer's machine (PyYAML, Pillow) but is not declared in
pyproject.toml makes a clean CI machine fail: this test finds such an import before CI does.
"""
from __future__ import annotations

import ast
import sys
import tomllib

from .conftest import ROOT

#: import name -> distribution name, where they differ
DISTRIBUTION = {"docx": "python-docx", "ruamel": "ruamel.yaml", "yaml": "PyYAML", "PIL": "Pillow"}
OURS = {"toolkit", "tests", "conftest", "bench_check", "bench_lint", "bench_render", "bench_batch", "build", "docx_text",
        "buildlib", "juesuan", "ledger_tables"}


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + [d for extra in project["optional-dependencies"].values() for d in extra]
    names = set()
    for spec in specs:
        name = spec.split(";")[0]
        for sep in "<>=!~[ ":
            name = name.split(sep)[0]
        names.add(name.strip().lower())
    return names


def imported_roots(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_every_import_is_declared():
    have = declared()
    missing = []
    for folder in ("toolkit", "tests", "bench", "templates"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for root in imported_roots(path):
                if root in sys.stdlib_module_names or root in OURS:
                    continue
                if DISTRIBUTION.get(root, root).lower() not in have:
                    missing.append(f"{path.relative_to(ROOT)}: {root}")
    assert missing == [], "imports of packages not declared in pyproject.toml"
