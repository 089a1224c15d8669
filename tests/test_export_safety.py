"""Export never leaves a partial file and never replaces what it must not (issue 11, items 2, 3, 15).

Real processes, real files: a real tmpfs fills up, a real export process is SIGKILLed while it
writes, and ``--force`` meets a FIFO, a device node, a hard-linked 0600 file and the library's
own files.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hardening_support import run_cli as cli
from test_app_support import export_keys, record_notifications, settle, until

from liaocheng_tui.export import default_filename, library_files, render_article, render_articles
from liaocheng_tui.store import Library
from liaocheng_tui.tui.app import LiaochengApp
from liaocheng_tui.tui.screens import ConfirmScreen, ExportScreen

REPO_ROOT = Path(__file__).resolve().parent.parent
ERROR_PREFIX = "liaocheng-tui: error: "
# Each inflated article: 20 paragraphs of 1,000 Han characters, about 60 KB of UTF-8.
PARAGRAPH = "绿色发展聊城春耕" * 125
BIG_ARTICLES = 1000


def start_cli(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "liaocheng_tui", *map(str, args)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def assert_one_line_error(done: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(ERROR_PREFIX), done.stderr
    assert fragment in lines[0], lines[0]


@pytest.fixture(scope="module")
def big_library(tmp_path_factory: pytest.TempPathFactory, built_library: Path) -> tuple[Path, list[int]]:
    """The hand-made library plus 1,000 articles of about 60 KB each, written straight into its
    articles table (export reads only that table; indexing 60 MB would only slow the test)."""
    db = tmp_path_factory.mktemp("big") / "library.db"
    shutil.copy(built_library, db)
    body = "\n".join([PARAGRAPH] * 20)
    with sqlite3.connect(db) as connection:
        page_id = connection.execute("SELECT id FROM pages LIMIT 1").fetchone()[0]
        connection.executemany(
            "INSERT INTO articles (page_id, source, seq, key, kind, body, title, date, line_start, line_end) "
            "VALUES (?, 'big.txt', ?, ?, 'news', ?, ?, '2023-03-01', 1, 2)",
            [(page_id, seq, f"big-{seq}", body, f"大文章{seq}") for seq in range(1, BIG_ARTICLES + 1)],
        )
    connection.close()
    with Library(db) as library:
        ids = [record.id for record in library.articles(library.article_ids()) if record.source == "big.txt"]
    assert len(ids) == BIG_ARTICLES
    return db, ids


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KB tmpfs. Mounting needs root: without it the test fails, it is never skipped."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.fail(f"the full-disk test needs a real tmpfs (run as root): {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False, capture_output=True)


def expected_export(db: Path, ids: list[int], fmt: str = "txt") -> str:
    with Library(db) as library:
        return render_articles(library.articles(ids), fmt)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ 2: full disk


@pytest.mark.slow
def test_export_to_a_full_disk_leaves_nothing_and_a_retry_succeeds(
    big_library: tuple[Path, list[int]], full_disk: Path
) -> None:
    db, ids = big_library
    target = full_disk / "two.txt"
    # Two articles (about 120 KB) cannot fit in 64 KB.
    done = cli("export", ids[0], ids[1], "--db", db, "-o", target)
    assert_one_line_error(done, f"cannot write {target}: No space left on device; nothing was written there")
    assert list(full_disk.iterdir()) == [], "no file under the final name, no temporary file"
    # A folder export: the first file fits, the second does not; the first is taken back.
    folder = full_disk / "out"
    done = cli("export", ids[0], ids[1], ids[2], "--db", db, "-o", f"{folder}/")
    assert_one_line_error(done, "No space left on device")
    assert done.stderr.rstrip().endswith(": No space left on device; nothing was written there")
    assert list(folder.iterdir()) == []
    # Room again: the same command now succeeds (nothing left behind blocks it).
    remounted = subprocess.run(
        ["mount", "-o", "remount,size=1m", str(full_disk)], capture_output=True, text=True
    )
    assert remounted.returncode == 0, remounted.stderr
    done = cli("export", ids[0], ids[1], "--db", db, "-o", target)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == expected_export(db, ids[:2])
    done = cli("export", ids[0], ids[1], ids[2], "--db", db, "-o", f"{folder}/")
    assert done.returncode == 0, done.stderr
    assert len(list(folder.iterdir())) == 3
    # A folder export renames its files into place 200 at a time: 16 MB holds the first 200
    # (about 12 MB) but not 400; the 200 already there are taken back.
    remounted = subprocess.run(
        ["mount", "-o", "remount,size=16m", str(full_disk)], capture_output=True, text=True
    )
    assert remounted.returncode == 0, remounted.stderr
    many = full_disk / "many"
    done = cli("export", *map(str, ids[:400]), "--db", db, "-o", f"{many}/")
    assert_one_line_error(done, "No space left on device")
    assert done.stderr.rstrip().endswith("(removed the 200 files this export had written)")
    assert list(many.iterdir()) == []


# ------------------------------------------------------------------------------ 2: SIGKILL


def wait_for_a_file(
    folder: Path, process: subprocess.Popen[str], count: int = 1, *, visible: bool = False
) -> list[Path]:
    """Poll until ``count`` non-empty files (only those not hidden, if ``visible``) exist in
    ``folder``; fail if the export ends first."""
    deadline = time.monotonic() + 120

    def whole(entry: Path) -> bool:
        try:
            return entry.is_file() and entry.stat().st_size > 0
        except FileNotFoundError:  # a temporary file renamed (or removed) since it was listed
            return False

    while time.monotonic() < deadline:
        found = [
            entry
            for entry in folder.iterdir()
            if not (visible and entry.name.startswith(".")) and whole(entry)
        ]
        if len(found) >= count:
            return found
        if process.poll() is not None:
            pytest.fail(
                f"the export ended (exit {process.returncode}) before {count} files were being written"
            )
        time.sleep(0.001)
    pytest.fail("no file appeared within 120 s")


def kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the export finished before it was killed"


@pytest.mark.slow
def test_sigkilled_single_file_export_leaves_no_partial_file_and_a_retry_succeeds(
    big_library: tuple[Path, list[int]], tmp_path: Path
) -> None:
    db, ids = big_library
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "all.txt"
    process = start_cli("export", *map(str, ids), "--db", db, "-o", target)
    wait_for_a_file(folder, process)
    kill(process)
    assert not target.exists(), "nothing under the final name after a kill"
    leftovers = list(folder.iterdir())
    assert all(path.name.startswith(".") and path.name.endswith(".part") for path in leftovers), leftovers
    # A temporary file that a live export holds (its flock) is not touched by the retry.
    live = folder / ".all.txt.abcdefgh.part"
    with live.open("wb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        done = cli("export", *map(str, ids), "--db", db, "-o", target)
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in folder.iterdir()) == [live.name, "all.txt"], (
        "the dead export's temp file is gone"
    )
    text = target.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) > 50 * 2**20
    assert text == expected_export(db, ids)


@pytest.mark.slow
def test_sigkilled_folder_export_leaves_only_whole_files(
    big_library: tuple[Path, list[int]], tmp_path: Path
) -> None:
    db, ids = big_library
    folder = tmp_path / "out"
    folder.mkdir()
    process = start_cli("export", *map(str, ids), "--db", db, "-o", f"{folder}/", "--format", "json")
    # Files are renamed into place a batch at a time: kill once the first batch is there.
    wait_for_a_file(folder, process, visible=True)
    kill(process)
    with Library(db) as library:
        by_name = {default_filename(record, "json"): record for record in library.articles(ids)}
    visible = [path for path in folder.iterdir() if not path.name.startswith(".")]
    assert 0 < len(visible) < len(ids)
    for path in visible:  # every file under a final name is whole
        assert path.read_text(encoding="utf-8") == render_article(by_name[path.name], "json"), path.name
    done = cli("export", *map(str, ids), "--db", db, "-o", f"{folder}/", "--format", "json", "--force")
    assert done.returncode == 0, done.stderr
    assert len(list(folder.iterdir())) == len(ids), "every file, and no temporary file left"


# ------------------------------------------------------------------------------ 3: --force


@pytest.fixture
def small_db(built_library: Path, tmp_path: Path) -> tuple[Path, list[int]]:
    db = tmp_path / "lib" / "library.db"
    db.parent.mkdir()
    shutil.copy(built_library, db)
    with Library(db) as library:
        return db, library.article_ids()


@pytest.mark.slow
def test_force_refuses_a_fifo_a_device_and_a_socket(small_db: tuple[Path, list[int]], tmp_path: Path) -> None:
    db, ids = small_db
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    device = tmp_path / "null.txt"
    try:  # a copy of /dev/null's node: harmless if the test ever wrote to it
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.fail("making a device node needs root; this test checks that --force never replaces one")
    import socket

    sock = socket.socket(socket.AF_UNIX)
    socket_path = tmp_path / "sock.txt"
    sock.bind(str(socket_path))
    try:
        for path, kind, test in (
            (fifo, "a FIFO", stat.S_ISFIFO),
            (device, "a character device", stat.S_ISCHR),
            (socket_path, "a socket", stat.S_ISSOCK),
        ):
            done = cli("export", ids[0], "--db", db, "-o", path, "--force")
            assert_one_line_error(done, f"it is {kind}, not a regular file")
            assert test(os.lstat(path).st_mode), f"{path.name} was replaced"
    finally:
        sock.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib", "null.txt", "pipe.txt", "sock.txt"]


@pytest.mark.slow
def test_force_keeps_the_mode_and_leaves_a_hard_link_with_the_old_text(
    small_db: tuple[Path, list[int]], tmp_path: Path
) -> None:
    db, ids = small_db
    target = tmp_path / "private.txt"
    target.write_text("old text", encoding="utf-8")
    target.chmod(0o600)
    other = tmp_path / "other-name.txt"
    os.link(target, other)
    done = cli("export", ids[0], "--db", db, "-o", target, "--force")
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8") == expected_export(db, ids[:1])
    # Documented: the new text arrives by rename, so the other name keeps the old text.
    assert other.read_text(encoding="utf-8") == "old text"
    assert target.stat().st_nlink == 1 and other.stat().st_nlink == 1


@pytest.mark.slow
def test_force_refuses_the_librarys_own_files(small_db: tuple[Path, list[int]], tmp_path: Path) -> None:
    db, ids = small_db
    alias = tmp_path / "alias.db"
    os.link(db, alias)
    targets = [*library_files(db), alias, db.parent / ".." / db.parent.name / db.name]
    for target, fmt in [(target, "txt") for target in targets] + [(db, "json")]:
        done = cli("export", ids[0], "--db", db, "-o", target, "--force", "--format", fmt)
        assert_one_line_error(done, "refusing to write over the library's own file")
    with Library(db) as library:
        assert library.check_integrity() == []
        assert library.article_ids() == ids
    assert not (db.parent / "library.db-journal").exists()


async def test_app_export_refuses_a_fifo_and_the_library_without_asking(
    small_db: tuple[Path, list[int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = record_notifications(monkeypatch)
    db, _ = small_db
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    app = LiaochengApp(db)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot, app)
        for target, reason in ((fifo, "it is a FIFO"), (db, "the library's own file")):
            await export_keys(pilot, app)
            await until(pilot, lambda: isinstance(app.screen, ExportScreen))
            path_input = app.screen.query_one("#export-path")
            path_input.value = str(target)  # type: ignore[attr-defined]
            await pilot.press("enter")
            await until(pilot, lambda: any(reason in message for message in messages))  # noqa: B023
            assert not isinstance(app.screen, (ConfirmScreen, ExportScreen)), (
                "no 'overwrite?' for what cannot be written"
            )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    with Library(db) as library:
        assert library.check_integrity() == []


# ------------------------------------------------------------------------------ 15: JSON, paths


@pytest.mark.slow
def test_export_json_escapes_bidi_controls_like_search_json(
    small_db: tuple[Path, list[int]], tmp_path: Path
) -> None:
    db, ids = small_db
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE articles SET source = ? WHERE id = ?", ("页\u202e名\u2066.txt", ids[0]))
    connection.close()
    for args in (("export", ids[0], "--format", "json"), ("export", ids[0], ids[1], "--format", "json")):
        done = cli(*args, "--db", db)
        assert done.returncode == 0, done.stderr
        assert "\u202e" not in done.stdout and "\u2066" not in done.stdout
        assert "\\u202e" in done.stdout
        loaded = json.loads(done.stdout)
        first = loaded if isinstance(loaded, dict) else loaded[0]
        assert first["source"] == "页\u202e名\u2066.txt", "the data itself is unchanged"
    # A file gets the same bytes as the terminal.
    target = tmp_path / "one.json"
    assert cli("export", ids[0], "--format", "json", "--db", db, "-o", target).returncode == 0
    assert target.read_text(encoding="utf-8") == cli("export", ids[0], "--format", "json", "--db", db).stdout


@pytest.mark.slow
def test_stats_cleans_the_library_path_it_prints(built_library: Path, tmp_path: Path) -> None:
    folder = tmp_path / "dir\u202e\x1b[2J\x1b]0;t\x07"
    folder.mkdir()
    db = folder / "library.db"
    shutil.copy(built_library, db)
    done = cli("stats", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "\u202e" not in done.stdout and "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert "dir" in done.stdout and "library.db" in done.stdout
    as_json = cli("stats", "--db", db, "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert "\u202e" not in as_json.stdout and "\x1b" not in as_json.stdout and "\x07" not in as_json.stdout
    assert json.loads(as_json.stdout)["library"] == str(db)
