"""Shared fixtures: the bundled seeds and their hand-made answer key (a copy in tests/data, so a clean
clone passes with nothing beside it)."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# The property tests draw the same examples on every run, so that a run's result is the code's
# and not the draw's (a red CI blocks everything). HYPOTHESIS_PROFILE=explore draws new ones.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"
GOLD_PATH = Path(__file__).resolve().parent / "data" / "seeds.gold.json"
IDLE_LOOK = 0.005  # seconds: see quick_idle_checks
RELATED_REST = 0.02  # seconds: see quick_related_lookups


@pytest.fixture(scope="session", autouse=True)
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep what the code caches (jieba's dictionary slices) out of the user's cache folder;
    set in the environment, so the processes tests start use it too."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield folder


@pytest.fixture(scope="session", autouse=True)
def private_history_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the app's search history (kept across sessions) out of the user's data folder."""
    path = tmp_path_factory.mktemp("history") / "search-history.json"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LIAOCHENG_TUI_HISTORY", str(path))
        yield path


@pytest.fixture(scope="session", autouse=True)
def quick_idle_checks() -> Iterator[None]:
    """Let Textual's pilot look for an idle process every 5 ms instead of every 20 ms.

    After each key it presses, the pilot waits until the process used (almost) no CPU for one
    look: at least two looks a key, so 40 ms a key at Textual's 20 ms, a quarter of the fast
    tier's time. No test may rely on that wait (a loaded machine cuts it short anyway): what a
    key sets off at once is awaited by the pilot's check that every widget handled its
    messages, anything later (timers, workers, other threads) by ``settle`` or ``until``
    (tests/test_app_support.py). The setting is a private constant of Textual that only the
    pilot uses: should a release drop it, the tests get slower, not wrong.
    """
    with pytest.MonkeyPatch.context() as patch:
        wait = sys.modules.get("textual._wait")  # (loaded when collected tests use Textual)
        if wait is not None and hasattr(wait, "SLEEP_GRANULARITY"):
            patch.setattr(wait, "SLEEP_GRANULARITY", IDLE_LOOK)
        if os.environ.get("LIAOCHENG_TUI_STARVED_PILOT") and wait is not None:
            _starve_the_pilot(patch)
        yield


def _starve_the_pilot(patch: pytest.MonkeyPatch) -> None:
    """A race finder, not for CI: every idle look of the pilot ends at once, as when a loaded
    machine deschedules the process for a whole look. A test that then fails relied on the look
    (it found four such races in minutes; a loaded machine finds them once in many runs)."""
    import asyncio

    async def starved(min_sleep: float = 0.0, max_sleep: float = 1.0) -> None:
        await asyncio.sleep(0.0001)

    for name in ("textual.app", "textual.pilot"):
        module = sys.modules.get(name)
        if module is not None and hasattr(module, "wait_for_idle"):
            patch.setattr(module, "wait_for_idle", starved)


@pytest.fixture(scope="session", autouse=True)
def quick_related_lookups() -> Iterator[None]:
    """Look related articles up 20 ms after the cursor rests on an article, not 150 ms.

    ``settle`` waits for that timer after every article shown: at 150 ms it was a sixth of the
    fast tier's time. The lookup still waits for a rest (tests/test_app_scale.py checks that
    paging past rows looks none of them up); only how long a rest is differs.
    """
    with pytest.MonkeyPatch.context() as patch:
        if "liaocheng_tui.tui.app" in sys.modules:  # (collected tests use the app)
            patch.setattr(sys.modules["liaocheng_tui.tui.app"], "EXTRAS_DELAY", RELATED_REST)
        yield


@pytest.fixture(autouse=True)
def record_every_notification(monkeypatch: pytest.MonkeyPatch) -> None:
    """In tests that use Textual: ``test_app_support.notifications_of(app)`` lists what the app
    has notified (Textual's own list of toasts is private)."""
    if "textual.app" in sys.modules:
        from test_app_support import record_every_apps_notifications

        record_every_apps_notifications(monkeypatch)


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS_DIR.glob("*.txt"))
    assert len(paths) == 5, f"expected the 5 bundled seed pages in {SEEDS_DIR}"
    return paths


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    assert GOLD_PATH.exists(), f"the seeds' answer key is expected at {GOLD_PATH}"
    data: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def built_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made app test library (tests/test_app_support.py), built once per session."""
    from test_app_support import build_hand_made_library

    path = tmp_path_factory.mktemp("built") / "library.db"
    build_hand_made_library(path)
    return path


@pytest.fixture
def db_path(built_library: Path, tmp_path: Path) -> Path:
    """A private copy of the hand-made library, so a test may change it."""
    target = tmp_path / "library.db"
    shutil.copy(built_library, target)
    return target
