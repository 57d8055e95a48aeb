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


@pytest.fixture(scope="session")
def pdf_of(rendered, tmp_path_factory):
    """The PDF of a rendered report, made by :func:`toolkit.pdf.convert`: on first use every report of REPORTS is
    converted in one LibreOffice run (as ``batch --pdf`` does), then {stem: pdf} is looked up."""
    import shutil

    from toolkit import pdf

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path_factory.mktemp("pdf")
    made: dict[str, Path] = {}

    def get(yaml_path: Path) -> Path:
        if not made:
            docs = [rendered(p) for p in REPORTS]
            made.update({d.stem: p for d, p in zip(docs, pdf.convert(docs, out))})
        if yaml_path.stem not in made:
            made[yaml_path.stem] = pdf.convert([rendered(yaml_path)], out)[0]
        return made[yaml_path.stem]

    return get
