"""Faults with real processes: builds killed with SIGKILL, two builds at once, the app during a build.

Each check is against a clean build of the same pages, made in this process: after any kill,
every page the library holds has exactly the articles the clean build gave it, never part.
"""

from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hardening_support import (
    REPO_ROOT,
    articles_by_source,
    build_command,
    start_build,
    wait_for_page,
    write_recombined_pages,
)
from test_app_support import record_notifications, search_keys, settle, until

from liaocheng_tui.build import build_library
from liaocheng_tui.cli import cli
from liaocheng_tui.store import Library, LibraryError
from liaocheng_tui.tui.app import LiaochengApp

# Every test here starts real build processes (or runs the app beside one).
pytestmark = pytest.mark.slow

PAGE_COUNT = 48
KILLS = 8


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages") / "pages"
    write_recombined_pages(folder, PAGE_COUNT)
    return folder


@pytest.fixture(scope="module")
def clean_build(pages: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Any, ...]]]:
    with Library(tmp_path_factory.mktemp("clean") / "library.db") as library:
        summary = build_library(library, [pages])
        assert summary.pages == PAGE_COUNT and not summary.failed
        expected = articles_by_source(library)
    assert len(expected) == PAGE_COUNT, "every generated page has at least one article"
    return expected


def assert_sound_and_whole(db: Path, expected: dict[str, list[tuple[Any, ...]]]) -> int:
    """The library opens, passes integrity_check, and holds whole pages only; returns their count."""
    with Library(db) as library:
        assert library.check_integrity() == []
        found = articles_by_source(library)
        stored_pages = library.stats().pages
    for source, articles in found.items():
        assert articles == expected[source], f"page {source} is not as a clean build leaves it"
    assert stored_pages == len(found), "no page row without its articles"
    return len(found)


def test_sigkilled_builds_leave_a_sound_library_with_whole_pages(
    pages: Path, clean_build: dict[str, list[tuple[Any, ...]]], tmp_path: Path
) -> None:
    db = tmp_path / "library.db"
    rng = random.Random(20240521)
    stored_after_kill: list[int] = []
    killed_mid_build = 0
    for attempt in range(KILLS):
        # Every third run is a --rebuild, which re-parses and replaces pages one transaction at a
        # time: killing it must leave every page it started with, whole (old or new, never half).
        rebuilding = attempt % 3 == 2
        args: list[str | Path] = [pages, "--rebuild"] if rebuilding else [pages]
        # Odd runs parse in two worker processes (the writer is what is killed), even runs here.
        args += ["--jobs", "2" if attempt % 2 else "1"]
        stored_before = stored_after_kill[-1] if stored_after_kill else 0
        process = start_build(db, *args)
        # The first kill lands in the first half so that later runs resume a partial library.
        target = rng.randint(1, PAGE_COUNT // 2 if attempt == 0 else PAGE_COUNT)
        reached = wait_for_page(process, target)
        time.sleep(rng.uniform(0, 0.02))  # land anywhere inside that page's parse or transaction
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
        if reached:
            assert process.returncode == -signal.SIGKILL
        killed_mid_build += process.returncode == -signal.SIGKILL
        stored_after_kill.append(assert_sound_and_whole(db, clean_build))
        if rebuilding:
            assert stored_after_kill[-1] >= stored_before, "a killed rebuild lost pages"
    # The kills really fell inside builds, and the first left a partial library to resume.
    assert killed_mid_build >= KILLS - 1, stored_after_kill
    assert stored_after_kill[0] < PAGE_COUNT, stored_after_kill
    # And a build after all that completes the library exactly.
    finished = subprocess.run(
        build_command(db, pages), cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert finished.returncode == 0, finished.stderr
    assert assert_sound_and_whole(db, clean_build) == PAGE_COUNT


def test_read_and_starred_marks_survive_cli_rebuild(pages: Path, tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    first = CliRunner().invoke(cli, ["build", "--db", str(db), str(pages)])
    assert first.exit_code == 0, first.stderr
    with Library(db) as library:
        ids = library.article_ids()
        starred, read = ids[0], ids[1]
        library.set_starred(starred, True)
        library.set_read(read, True)
        keys = {article_id: record.key for article_id, record in zip(ids, library.articles(ids), strict=True)}
    rebuilt = CliRunner().invoke(cli, ["build", "--db", str(db), "--rebuild", str(pages)])
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert f"pages: {PAGE_COUNT} " in rebuilt.stdout  # every page was stored again, not skipped
    with Library(db) as library:
        records = {record.key: record for record in library.articles(library.article_ids())}
    assert set(records) == set(keys.values())
    assert records[keys[starred]].starred and not records[keys[starred]].read
    assert records[keys[read]].read and not records[keys[read]].starred
    assert sum(record.starred for record in records.values()) == 1
    assert sum(record.read for record in records.values()) == 1


def test_second_build_at_the_same_time_is_refused_in_one_line(
    pages: Path, clean_build: dict[str, list[tuple[Any, ...]]], tmp_path: Path
) -> None:
    db = tmp_path / "library.db"
    # This test process plays the first build by holding its lock, so the refusal does not
    # depend on how long a real first build happens to take on a loaded machine.
    with Library(db) as library, library.build_lock():
        second = subprocess.run(
            build_command(db, pages), cwd=REPO_ROOT, capture_output=True, text=True, timeout=60
        )
    assert second.returncode == 1
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1, second.stderr
    assert lines[0] == (
        f"liaocheng-tui: error: another build is already writing to library {db}; "
        "try again when it has finished"
    )
    with Library(db) as library:
        assert library.is_empty()  # the refused build wrote nothing
    after = subprocess.run(
        build_command(db, pages), cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert after.returncode == 0, after.stderr
    assert assert_sound_and_whole(db, clean_build) == PAGE_COUNT
    # Once the first build is over, the lock is free again (and the library is complete).
    again = subprocess.run(
        build_command(db, pages), cwd=REPO_ROOT, capture_output=True, text=True, timeout=60
    )
    assert again.returncode == 0 and f"skipped: {PAGE_COUNT}" in again.stdout, again.stderr


def test_build_lock_is_released_when_its_holder_is_killed(pages: Path, tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    holder = start_build(db, pages)
    assert wait_for_page(holder, 3)
    with Library(db) as library:
        with pytest.raises(LibraryError, match="another build"), library.build_lock():
            pass
        holder.send_signal(signal.SIGKILL)
        holder.communicate(timeout=30)
        with library.build_lock():  # the kernel dropped the dead process's lock
            assert library.check_integrity() == []


async def test_app_stays_usable_during_a_build_and_reloads_on_request(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = record_notifications(monkeypatch)
    db = tmp_path / "library.db"
    seeded = subprocess.run(build_command(db), cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert seeded.returncode == 0, seeded.stderr
    with Library(db) as library:
        seed_articles = len(library.article_ids())
    app = LiaochengApp(db)
    app.library_poll_interval = 0.1
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        assert len(app.article_list.ids) == seed_articles
        build = start_build(db, pages)
        assert wait_for_page(build, 2)
        # While the other process writes page after page: move, open, star, search.
        opened = []
        for _ in range(3):
            await pilot.press("j")
            await settle(pilot, app)  # the reader follows the cursor
            assert app.reader.record is not None
            assert app.reader.record.id == app.article_list.current_id
            opened.append(app.reader.record.id)
        assert len(set(opened)) == 3
        await pilot.press("s")
        assert app.library is not None
        await until(pilot, lambda: bool(app.library.article_ids(starred=True)))  # type: ignore[union-attr]
        assert app.library.article_ids(starred=True) == [opened[-1]]
        await search_keys(pilot, app, *"绿色")
        await settle(pilot, app)
        assert app.search_result is not None and app.search_result.total > 0
        await pilot.press("escape", "escape")
        await settle(pilot, app)
        assert build.wait(timeout=120) == 0
        # The timer notices the other process's commits; the counts wait for the user.
        await until(pilot, lambda: app.library_changed)
        assert app.sub_title.startswith(f"{seed_articles} 篇 articles")
        assert app.sub_title.endswith("changed on disk: r reloads")
        await until(pilot, lambda: any("Press r to reload" in message for message in messages))
        await pilot.press("r")
        await settle(pilot, app)
        assert not app.library_changed
        with Library(db) as library:
            total = len(library.article_ids())
        assert total > seed_articles
        assert app.sub_title.startswith(f"{total} 篇 articles")
        assert len(app.article_list.ids) == total
