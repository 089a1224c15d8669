"""Helpers for the crash, concurrency and limit tests: many distinct pages made from the seeds."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from liaocheng_tui.store import ArticleRecord, Library

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"


def run_cli(
    *args: str | Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """A real ``liaocheng-tui`` process (this checkout's code: cwd is the repository). A run still
    going after ``timeout`` seconds fails the test: a hang is a failure, not a wait."""
    command = [sys.executable, "-m", "liaocheng_tui", *map(str, args)]
    try:
        return subprocess.run(
            command,
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            env={**os.environ, **(env or {})},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(command[3:])} still running after {timeout} s: it hangs")


def write_recombined_pages(folder: Path, count: int, seed: int = 5, blocks: int = 6) -> list[Path]:
    """``count`` distinct page files, each a run of ``blocks`` consecutive blocks of one seed page.

    Real seed text keeps the parser on realistic input; the (seed, start) pairs differ, so every
    page has its own content hash and none is skipped as a duplicate of another.
    """
    rng = random.Random(seed)
    seed_blocks = [
        [block for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if block.strip()]
        for path in sorted(SEEDS_DIR.glob("*.txt"))
    ]
    choices = [
        (index, start)
        for index, found in enumerate(seed_blocks)
        for start in range(max(1, len(found) - blocks + 1))
    ]
    assert len(choices) >= count, f"only {len(choices)} distinct windows in the seeds"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, (index, start) in enumerate(rng.sample(choices, count)):
        path = folder / f"page_{number:03d}.txt"
        path.write_text("\n\n".join(seed_blocks[index][start : start + blocks]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def build_command(db: Path, *args: str | Path) -> list[str]:
    return [sys.executable, "-m", "liaocheng_tui", "build", "--db", str(db), *map(str, args)]


def start_build(db: Path, *args: str | Path) -> subprocess.Popen[str]:
    """A real ``build`` process; ``--verbose`` reports each page on stderr as it starts."""
    return subprocess.Popen(
        build_command(db, *args, "--verbose"),
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def wait_for_page(process: subprocess.Popen[str], number: int) -> bool:
    """Read the build's progress until it starts page ``number`` (1-based); False if it ended first."""
    assert process.stderr is not None
    for line in process.stderr:
        if f"[{number}/" in line:
            return True
    return False


def article_signature(record: ArticleRecord) -> tuple[Any, ...]:
    """Everything a build decides about an article (not its row id, not the user's marks)."""
    return (
        record.seq,
        record.key,
        record.publication,
        record.date,
        record.section,
        record.kicker,
        record.title,
        record.subtitle,
        record.byline,
        tuple(record.authors),
        record.column,
        record.kind,
        tuple(record.paragraphs),
        record.line_start,
        record.line_end,
    )


def articles_by_source(library: Library) -> dict[str, list[tuple[Any, ...]]]:
    """Each page's articles in page order, as signatures."""
    grouped: dict[str, list[ArticleRecord]] = {}
    for record in library.articles(library.article_ids()):
        grouped.setdefault(record.source, []).append(record)
    return {
        source: [article_signature(r) for r in sorted(records, key=lambda r: r.seq)]
        for source, records in grouped.items()
    }
