"""What a build takes from a folder, and what it says it left out (issue 10)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from liaocheng_tui.build import build_library
from liaocheng_tui.cli import cli
from liaocheng_tui.sources import iter_page_paths
from liaocheng_tui.store import Library


@pytest.fixture
def folder(tmp_path: Path, seed_paths: list[Path]) -> Path:
    """Two seed pages (one with an upper-case extension), a re-encoded and a byte copy of the
    first, a dangling link and a FIFO, all named like pages."""
    pages = tmp_path / "pages"
    (pages / "later").mkdir(parents=True)
    shutil.copy(seed_paths[0], pages / "a.txt")
    shutil.copy(seed_paths[1], pages / "PAGE2.TXT")
    text = seed_paths[0].read_text(encoding="utf-8")
    (pages / "later" / "a-gb18030.txt").write_bytes(text.encode("gb18030"))
    shutil.copy(seed_paths[0], pages / "later" / "a-copy.Txt")
    os.symlink(tmp_path / "gone.txt", pages / "dangling.txt")
    os.mkfifo(pages / "pipe.txt")
    (pages / "notes.md").write_text("not a page", encoding="utf-8")
    return pages


def test_folders_take_txt_in_any_case_and_list_what_they_cannot_read(folder: Path) -> None:
    skipped: list[tuple[str, str]] = []
    sources = [page.source for page in iter_page_paths([folder], skipped)]
    assert sources == ["PAGE2.TXT", "a.txt", "later/a-copy.Txt", "later/a-gb18030.txt"]
    assert dict(skipped) == {
        str(folder / "dangling.txt"): "a link to nothing (dangling symbolic link)",
        str(folder / "pipe.txt"): "not a regular file (a FIFO)",
    }


# With two jobs the build starts worker processes: the slow tier.
@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_a_page_with_the_same_text_as_another_is_stored_once(tmp_path: Path, folder: Path, jobs: int) -> None:
    with Library(tmp_path / f"lib{jobs}.db") as library:
        summary = build_library(library, [folder], jobs=jobs)
        assert summary.pages == 2 and not summary.failed
        assert sorted(library.page_sources()) == ["PAGE2.TXT", "a.txt"]
    assert dict(summary.not_used) == {
        str(folder / "dangling.txt"): "a link to nothing (dangling symbolic link)",
        str(folder / "pipe.txt"): "not a regular file (a FIFO)",
        str(folder / "later" / "a-copy.Txt"): "same text as a.txt, which is kept",
        str(folder / "later" / "a-gb18030.txt"): "same text as a.txt, which is kept",
    }


def test_the_build_summary_says_what_was_not_used_and_why(tmp_path: Path, folder: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--db", str(tmp_path / "lib.db"), str(folder)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "pages: 2  articles: " + result.stdout.split("articles: ")[1].split()[
        0
    ] + ("  skipped: 0  failed: 0  not used: 4")
    not_used = [line for line in result.stderr.splitlines() if line.startswith("liaocheng-tui: not used: ")]
    assert (
        f"liaocheng-tui: not used: {folder / 'dangling.txt'}: a link to nothing (dangling symbolic link)"
        in (not_used)
    )
    assert (
        f"liaocheng-tui: not used: {folder / 'later' / 'a-gb18030.txt'}: same text as a.txt, which is kept"
        in (not_used)
    )
    assert len(not_used) == 4
