from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: the three published reports of shared/seeds (public documents), copied so that no test reads outside the repository
SEEDS = FIXTURES / "seeds"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
