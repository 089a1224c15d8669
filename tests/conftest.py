"""Shared fixtures: the bundled seeds and the hand-made answer key beside the repository."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"
GOLD_PATH = REPO_ROOT.parent / "shared" / "gold" / "seeds.gold.json"


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS_DIR.glob("*.txt"))
    assert len(paths) == 5, f"expected the 5 bundled seed pages in {SEEDS_DIR}"
    return paths


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    assert GOLD_PATH.exists(), f"the answer key is expected at {GOLD_PATH} (../shared beside the repo)"
    data: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    return data
