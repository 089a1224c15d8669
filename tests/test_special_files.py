"""A FIFO or device given as a page is refused in one line, never read (issue 11, item 10).

Before, ``parse FIFO`` and ``build FIFO`` waited forever for a writer, ``build`` holding the
library's build lock all the while. Real FIFOs, real processes, each bounded by a timeout that
fails the test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hardening_support import REPO_ROOT, SEEDS_DIR, run_cli

TIMEOUT = 60  # seconds; a hang is a failure, not a wait


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, timeout=TIMEOUT)


def error_lines(done: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in done.stderr
    return done.stderr.strip().splitlines()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_parse_refuses_a_fifo_or_a_device_in_one_line(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        path = tmp_path / "page.txt"
        os.mkfifo(path)
        expected = "not a regular file (a FIFO)"
    else:
        path = Path("/dev/zero")  # endless: read whole, it would be 20 MB of NULs at best
        expected = "not a regular file (a character device)"
    done = cli("parse", path)
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert error_lines(done) == [f"liaocheng-tui: error: {expected}, not a page file: {path}"]


@pytest.mark.slow
def test_build_lists_a_fifo_as_failed_stores_the_other_pages_and_frees_the_lock(tmp_path: Path) -> None:
    seeds = sorted(SEEDS_DIR.glob("*.txt"))[:2]
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    db = tmp_path / "library.db"
    done = cli("build", "--db", db, seeds[0], fifo, seeds[1])
    assert done.returncode == 3, (done.returncode, done.stdout, done.stderr)
    failed = [line for line in error_lines(done) if line.startswith("liaocheng-tui: failed:")]
    assert failed == [f"liaocheng-tui: failed: not a regular file (a FIFO), not a page file: {fifo}"]
    assert done.stdout.startswith("pages: 2 "), done.stdout
    # The lock went with the process: another build starts and finds both pages stored.
    again = cli("build", "--db", db, seeds[0], seeds[1])
    assert again.returncode == 0, again.stderr
    assert "skipped: 2" in again.stdout


@pytest.mark.slow
def test_a_fifo_swapped_in_after_the_look_is_refused_at_open(tmp_path: Path) -> None:
    """The name can change between stat() and open(): the opened file is checked too.

    The swap is simulated by making the first stat() report a regular file; the open must
    not block (O_NONBLOCK) and fstat() must refuse what was opened.
    """
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    script = textwrap.dedent(
        f"""
        import os, stat
        from liaocheng_tui import sources
        real_stat = os.stat
        def lying_stat(path, *args, **kwargs):
            found = real_stat(path, *args, **kwargs)
            if str(path) == {str(fifo)!r}:
                return os.stat_result((stat.S_IFREG | 0o644,) + tuple(found)[1:])
            return found
        sources.os.stat = lying_stat
        try:
            sources.read_page_file(sources.Path({str(fifo)!r}))
        except sources.PageError as error:
            print(error)
        """
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, timeout=TIMEOUT
        )
    except subprocess.TimeoutExpired:
        pytest.fail("reading a FIFO that passed the first look blocked")
    assert done.stdout.strip() == f"not a regular file (a FIFO), not a page file: {fifo}", done.stderr
