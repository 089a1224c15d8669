"""Shared fixtures: the bundled seeds and the hand-made answer key beside the repository."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"
GOLD_PATH = REPO_ROOT.parent / "shared" / "gold" / "seeds.gold.json"


@pytest.fixture(scope="session", autouse=True)
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep what the code caches (jieba's dictionary slices) out of the user's cache folder;
    set in the environment, so the processes tests start use it too."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield folder


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
