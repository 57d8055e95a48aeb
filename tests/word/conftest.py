from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.load import load
from toolkit.word import Renderer

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "word"
SNAPSHOTS = ROOT / "tests" / "snapshots"
#: every report the render tests run on: the examples plus the renderer's own fixtures
REPORTS = EXAMPLES + sorted(FIXTURES.glob("*.yaml"))


@pytest.fixture(scope="session")
def hunan() -> Renderer:
    return Renderer("hunan")


@pytest.fixture(scope="session")
def escape_report():
    return load(FIXTURES / "escape.yaml")


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """Render each report once per session: {yaml stem: docx path}."""
    out = tmp_path_factory.mktemp("rendered")
    cache: dict[str, Path] = {}

    def get(yaml_path: Path) -> Path:
        if yaml_path.stem not in cache:
            from toolkit.word import render

            cache[yaml_path.stem] = render(load(yaml_path), out / f"{yaml_path.stem}.docx")
        return cache[yaml_path.stem]

    return get
