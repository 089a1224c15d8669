"""Building a library: idempotence by content hash, replacement, failures, progress."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from liaocheng_tui import build as build_module
from liaocheng_tui.build import BuildProgress, build_library
from liaocheng_tui.parse import parse_page
from liaocheng_tui.sources import PageError
from liaocheng_tui.store import Library


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library(tmp_path / "library.db") as opened:
        yield opened


def _articles_by_source(library: Library) -> dict[str, int]:
    counts: dict[str, int] = {}
    for record in library.articles(library.article_ids()):
        counts[record.source] = counts.get(record.source, 0) + 1
    return counts


def _expected_counts(paths: list[Path]) -> dict[str, int]:
    return {
        path.name: len(parse_page(path.read_text(encoding="utf-8"), source=path.name).articles)
        for path in paths
    }


def test_build_from_bundled_seeds_then_skip_all_on_second_run(
    library: Library, seed_paths: list[Path]
) -> None:
    expected = _expected_counts(seed_paths)
    first = build_library(library)
    assert (first.pages, first.skipped, first.failed) == (5, 0, [])
    assert first.articles == sum(expected.values())
    assert _articles_by_source(library) == expected

    second = build_library(library)
    assert (second.pages, second.articles, second.skipped, second.failed) == (0, 0, 5, [])
    assert _articles_by_source(library) == expected


def test_changed_page_replaces_its_articles(library: Library, seed_paths: list[Path], tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for path in seed_paths[:2]:
        shutil.copy(path, pages / path.name)
    build_library(library, [pages])
    changed = pages / seed_paths[0].name
    # Keep only the first half of the page: fewer articles must remain, none duplicated.
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text[: len(text) // 2], encoding="utf-8")
    summary = build_library(library, [pages])
    assert (summary.pages, summary.skipped, summary.failed) == (1, 1, [])
    assert _articles_by_source(library) == _expected_counts(sorted(pages.glob("*.txt")))


def test_failing_page_is_reported_and_others_are_built(
    library: Library, seed_paths: list[Path], tmp_path: Path
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(seed_paths[0], pages / "a_good.txt")
    (pages / "b_empty.txt").write_bytes(b"")
    (pages / "c_binary.txt").write_bytes(b"\x00\x01\x02binary")
    summary = build_library(library, [pages])
    assert summary.pages == 1
    assert [source for source, _ in summary.failed] == ["b_empty.txt", "c_binary.txt"]
    assert "empty" in summary.failed[0][1]
    assert "binary" in summary.failed[1][1]
    assert all("\n" not in reason for _, reason in summary.failed)
    assert set(_articles_by_source(library)) == {"a_good.txt"}


def test_parser_crash_on_one_page_is_a_failure_not_an_abort(
    library: Library, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_parse = build_module.parse_page

    def flaky_parse(text: str, source: str = "<page>", **options: object) -> object:
        if source == seed_paths[1].name:
            raise RuntimeError("boom")
        return real_parse(text, source=source, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "parse_page", flaky_parse)
    summary = build_library(library, seed_paths)
    assert summary.pages == 4
    assert summary.failed == [(seed_paths[1].name, f"could not parse {seed_paths[1]}: RuntimeError: boom")]


def test_missing_path_raises_before_touching_the_library(library: Library, tmp_path: Path) -> None:
    build_library(library)
    with pytest.raises(PageError, match="no such file or folder"):
        build_library(library, [tmp_path / "missing"], rebuild=True)
    assert not library.is_empty()


def test_rebuild_stores_every_page_again(library: Library) -> None:
    build_library(library)
    summary = build_library(library, rebuild=True)
    assert (summary.pages, summary.skipped) == (5, 0)


def test_rebuild_without_paths_reparses_every_stored_page_not_just_the_seeds(
    library: Library, tmp_path: Path
) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "page.txt").write_text(
        "高唐县推进项目建设\n\n本报讯(记者 张三)2月20日,项目开工。\n", encoding="utf-8"
    )
    build_library(library)
    build_library(library, [own])
    before = sorted(r.title or "" for r in library.articles(library.article_ids()))
    shutil.rmtree(own)  # the page file is gone: a rebuild must use the text the library keeps
    summary = build_library(library, rebuild=True)
    assert (summary.pages, summary.skipped, summary.failed) == (6, 0, [])
    assert sorted(r.title or "" for r in library.articles(library.article_ids())) == before
    assert "高唐县推进项目建设" in before


def test_progress_reports_each_page_then_the_end(library: Library, seed_paths: list[Path]) -> None:
    events: list[BuildProgress] = []
    build_library(library, seed_paths[:3], on_progress=events.append)
    assert [(e.done, e.total, e.current) for e in events] == [
        (0, 3, seed_paths[0].name),
        (1, 3, seed_paths[1].name),
        (2, 3, seed_paths[2].name),
        (3, 3, ""),
    ]


def test_unchanged_pages_are_skipped_without_parsing(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_library(library)

    def must_not_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged page was parsed again")

    monkeypatch.setattr(build_module, "parse_page", must_not_parse)
    summary = build_library(library)
    assert (summary.pages, summary.skipped, summary.failed) == (0, 5, [])


def test_same_file_name_in_two_folders_keeps_both_pages(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    for day, title in (("2023-02-20", "聊城召开全市工作会议"), ("2023-02-21", "高唐县推进项目建设")):
        (archive / day).mkdir(parents=True)
        (archive / day / "page1.txt").write_text(
            f"{title}\n\n本报讯(记者 张三)2月20日,会议在东昌府区举行。\n", encoding="utf-8"
        )
    with Library(tmp_path / "lib.db") as library:
        summary = build_library(library, [archive])
        assert (summary.pages, summary.failed) == (2, [])
        titles = sorted(r.title or "" for r in library.articles(library.article_ids()))
        assert titles == ["聊城召开全市工作会议", "高唐县推进项目建设"]
        assert library.page_text("2023-02-21/page1.txt") is not None


# -- the process pool ---------------------------------------------------------------------------

_real_prepare_job = build_module._prepare_job


def _prepare_or_die(job: build_module._Job) -> build_module._Prepared:
    """Runs in a worker process (pickled by name): the worker dies outright on a "dies" page."""
    if job.source.endswith("_dies.txt"):
        # Prepared in the building process by mistake, it must fail the test, not end pytest.
        in_a_worker = multiprocessing.parent_process() is not None
        assert in_a_worker, f"{job.source} was prepared in the building process"
        os._exit(9)
    return _real_prepare_job(job)


def _record_signature(library: Library) -> list[tuple[object, ...]]:
    return sorted(
        (r.source, r.seq, r.key, r.date, r.title, r.body, tuple(r.authors))
        for r in library.articles(library.article_ids())
    )


@pytest.mark.slow
def test_pool_build_stores_what_a_serial_build_stores_in_order(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for path in seed_paths:
        shutil.copy(path, pages / path.name)
    (pages / "z_empty.txt").write_bytes(b"")
    with Library(tmp_path / "serial.db") as serial, Library(tmp_path / "pool.db") as pooled:
        one = build_library(serial, [pages], jobs=1)
        events: list[BuildProgress] = []
        two = build_library(pooled, [pages], jobs=2, on_progress=events.append)
        assert (two.pages, two.articles, two.skipped, two.failed) == (one.pages, one.articles, 0, one.failed)
        assert [e.current for e in events] == [*sorted(p.name for p in pages.iterdir()), ""]
        assert [e.done for e in events] == list(range(len(events)))
        assert _record_signature(pooled) == _record_signature(serial)
        # Unchanged pages are skipped by the workers, before parsing; a rebuild re-parses them.
        again = build_library(pooled, [pages], jobs=2)
        assert (again.pages, again.skipped, len(again.failed)) == (0, 5, 1)
        rebuilt = build_library(pooled, rebuild=True, jobs=2)
        assert (rebuilt.pages, rebuilt.skipped, rebuilt.failed) == (5, 0, [])
        assert _record_signature(pooled) == _record_signature(serial)
        assert pooled.check_integrity() == []


@pytest.mark.slow
def test_a_pool_never_has_more_workers_than_pages(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: --jobs 10**20 ended the build with "unexpected OverflowError: Python int too
    # large to convert to C int" (the pool's call queue is sized by its workers).
    sizes: list[int] = []
    new_pool = build_module._new_pool

    def recording_pool(jobs: int, started: Any = None) -> Any:
        sizes.append(jobs)
        return new_pool(jobs, started)

    monkeypatch.setattr(build_module, "_new_pool", recording_pool)
    pages = tmp_path / "pages"
    pages.mkdir()
    for path in seed_paths[:2]:
        shutil.copy(path, pages / path.name)
    with Library(tmp_path / "library.db") as library:
        summary = build_library(library, [pages], jobs=10**20)
        assert (summary.pages, summary.failed) == (2, [])
        rebuilt = build_library(library, rebuild=True, jobs=10**20)
        assert (rebuilt.pages, rebuilt.failed) == (2, [])
    assert sizes == [2, 2]


@pytest.mark.slow
def test_a_worker_dying_on_one_page_fails_that_page_only(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_module, "_prepare_job", _prepare_or_die)
    pages = tmp_path / "pages"
    pages.mkdir()
    for letter, path in zip("abdef", seed_paths, strict=True):
        shutil.copy(path, pages / f"{letter}_{path.name}")
    shutil.copy(seed_paths[0], pages / "c_dies.txt")
    with Library(tmp_path / "library.db") as library:
        summary = build_library(library, [pages], jobs=2)
        assert (summary.pages, summary.skipped) == (5, 0)
        assert summary.failed == [
            ("c_dies.txt", f"the worker process died while preparing {pages / 'c_dies.txt'}")
        ]
        assert len(_articles_by_source(library)) == 5


@pytest.mark.slow
def test_a_worker_dying_on_the_first_page_fails_that_page_only(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pool breaks before any page's result was read: workers did start, so it is a death,
    not a platform that cannot start them (which used to send every page to this process)."""
    monkeypatch.setattr(build_module, "_prepare_job", _prepare_or_die)
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(seed_paths[0], pages / "a_dies.txt")
    for letter, path in zip("bcdef", seed_paths, strict=True):
        shutil.copy(path, pages / f"{letter}_{path.name}")
    with Library(tmp_path / "library.db") as library:
        summary = build_library(library, [pages], jobs=2)
        assert summary.failed == [
            ("a_dies.txt", f"the worker process died while preparing {pages / 'a_dies.txt'}")
        ]
        assert (summary.pages, summary.skipped) == (5, 0)
        assert len(_articles_by_source(library)) == 5


@pytest.mark.slow
def test_workers_yield_the_cpu_to_the_one_writer() -> None:
    # The writer is the build's critical path; workers lower their own priority when they start.
    import subprocess
    import sys

    probe = (
        "import os\n"
        "from liaocheng_tui.build import _start_worker\n"
        "before = os.nice(0)\n"
        "_start_worker(os.getppid())\n"
        "print(os.nice(0) - before)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert int(done.stdout) == build_module.WORKER_NICENESS > 0


def test_a_build_checkpoints_the_wal_less_often_and_restores_the_default(library: Library) -> None:
    def interval() -> int:
        return int(library.connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0])

    assert interval() == 1000  # SQLite's default
    with library.build_lock():
        assert interval() == 10_000
    assert interval() == 1000
    with pytest.raises(RuntimeError), library.build_lock():
        raise RuntimeError("a build that fails midway")
    assert interval() == 1000
