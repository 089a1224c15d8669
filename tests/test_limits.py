"""Limits: oversized pages are refused clearly; a folder of thousands of pages builds in flat memory."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from liaocheng_tui.build import build_library
from liaocheng_tui.cli import cli
from liaocheng_tui.store import Library

PAGE = "会议召开\n\n本报讯(记者 张三)全市会议召开,部署今年重点工作。第{n}次会议。\n"
# More text per page, so that holding every page's text would show in the peak.
BODY = "\n会议要求,各级各部门要狠抓落实,确保各项任务按期完成,推动经济社会高质量发展。" * 3 + "\n"


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args], env=env)


def test_default_limit_refuses_a_page_over_20_mb(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: 21 MB on paper, nothing on disk
        handle.truncate(21 * 2**20)
    result = run("parse", huge)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"liaocheng-tui: error: file too large (21.0 MB, limit 20.0 MB): {huge}"


def test_build_refuses_pages_over_the_chosen_limit_and_builds_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "small.txt").write_text(PAGE.format(n=1), encoding="utf-8")
    big = folder / "big.txt"
    big.write_text(
        PAGE.format(n=2) + "正文。" * 400, encoding="utf-8"
    )  # 3,600 bytes of body + the page: 3.6 KB, over 2 KB
    limit_mb = 2 / 1024
    result = run("build", "--db", tmp_path / "library.db", folder, "--max-page-mb", str(limit_mb))
    assert result.exit_code == 3
    assert (
        f"liaocheng-tui: failed: file too large (3.6 KB, limit 2.0 KB): {big}" in result.stderr.splitlines()
    )
    assert result.stdout.strip() == "pages: 1  articles: 1  skipped: 0  failed: 1"
    # The same limit from the environment, and a limit that is not a number.
    from_env = run("parse", big, env={"LIAOCHENG_TUI_MAX_PAGE_MB": str(limit_mb)})
    assert from_env.exit_code == 1 and "file too large" in from_env.stderr
    assert run("parse", big, "--max-page-mb", "1").exit_code == 0
    bad = run("parse", big, "--max-page-mb", "lots")
    assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) == 1


def _peak_growth(library: Library, folders: list[Path]) -> tuple[int, float, float]:
    """Pages stored, and the traced memory's peak and retained growth (MB) while building them."""
    tracemalloc.start()
    try:
        baseline = tracemalloc.get_traced_memory()[0]
        summary = build_library(library, folders)
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not summary.failed
    return summary.pages, (peak - baseline) / 2**20, (current - baseline) / 2**20


@pytest.mark.slow
def test_thousands_of_pages_build_in_flat_memory(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    for n in range(2_000):
        # Folders of 100, as an archive laid out by day would be.
        day = folder / f"day_{n // 100:02d}"
        day.mkdir(parents=True, exist_ok=True)
        (day / f"page_{n:04d}.txt").write_text(PAGE.format(n=n) + BODY, encoding="utf-8")
    days = sorted(folder.iterdir())
    with Library(tmp_path / "library.db") as library:
        # Warm-up: jieba, the parser's patterns and SQLite's caches load once, not per page.
        assert build_library(library, days[:2]).pages == 200
        small = _peak_growth(library, days[2:4])
        large = _peak_growth(library, days[4:])
        assert library.stats().pages == 2_000
    assert (small[0], large[0]) == (200, 1_600)
    # Eight times the pages, about the same peak: a build holds one page at a time; what grows is
    # the list of page paths (about 1.5 KB a page). Keeping each page's text (0.5 KB of UTF-8,
    # as much again decoded) and its parsed articles would add more than 2 KB a page.
    per_page_kb = (large[1] - small[1]) * 1024 / 1_400
    assert per_page_kb < 2.0, f"peak: {small[1]:.1f} MB for 200 pages, {large[1]:.1f} MB for 1,600"
    # What stays afterwards is jieba's and SQLite's caches, not the pages.
    assert large[2] < 4.0, f"{large[2]:.1f} MB still held after building 1,600 pages"
