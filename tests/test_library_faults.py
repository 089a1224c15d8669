"""Faults of the library file itself, with real processes, real files and the app under a pilot.

Read-only media and folders, damaged files, the library or its -wal deleted under the app, a
library write-locked by another process, and page limits that are not numbers (issue 11:
items 4, 5, 6, 8, 12, 13 and 16).
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hardening_support import REPO_ROOT, SEEDS_DIR, write_recombined_pages
from hardening_support import run_cli as cli
from test_app_support import notifications_of, search_keys, settle

from liaocheng_tui.build import build_library
from liaocheng_tui.search import Searcher
from liaocheng_tui.store import BUSY_TIMEOUT_MS, Library, LibraryError
from liaocheng_tui.tui.app import LiaochengApp

PAGE = 4096  # SQLite's default page size, which the library uses


def assert_one_error_line(result: subprocess.CompletedProcess[str], code: int, *needles: str) -> str:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("liaocheng-tui: error: "), lines[0]
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def seed_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled seeds built into a library, closed (one file, the WAL checkpointed into it)."""
    path = tmp_path_factory.mktemp("seeded") / "library.db"
    with Library(path) as library:
        build_library(library, None, jobs=1)
    assert not path.with_name("library.db-wal").exists()
    return path


def copy_library(source: Path, target: Path) -> Path:
    shutil.copy(source, target)
    return target


def notices(app: LiaochengApp) -> list[str]:
    return notifications_of(app)


async def wait_until(pilot: object, condition: object, tries: int = 100) -> bool:
    """Pause until ``condition()`` holds (at most ``tries`` pauses of 0.05 s)."""
    for _ in range(tries):
        if condition():  # type: ignore[operator]
            return True
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    return bool(condition())  # type: ignore[operator]


# -- 13: page limits that are not a finite positive number ------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308", "-1", "0"])
def test_a_page_limit_that_is_not_a_finite_positive_number_is_a_usage_error(value: str) -> None:
    page = sorted(SEEDS_DIR.glob("*.txt"))[0]
    by_option = cli("parse", page, "--max-page-mb", value)
    assert_one_error_line(by_option, 2, "--max-page-mb")
    by_env = cli("parse", page, env={"LIAOCHENG_TUI_MAX_PAGE_MB": value})
    assert_one_error_line(by_env, 2, "LIAOCHENG_TUI_MAX_PAGE_MB")
    assert cli("parse", page, "--max-page-mb", "0.5").returncode == 0


# -- 12: a library write-locked by another process --------------------------------------------


@pytest.mark.slow
def test_build_into_a_write_locked_library_stops_at_once(seed_library: Path, tmp_path: Path) -> None:
    db = copy_library(seed_library, tmp_path / "library.db")
    pages = write_recombined_pages(tmp_path / "pages", 6)
    # Start-up alone (imports, opening the library), for comparison on a busy machine.
    started = time.monotonic()
    assert cli("stats", "--db", db).returncode == 0
    start_up = time.monotonic() - started
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n",
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        result = cli("build", "--db", db, *pages)
        elapsed = time.monotonic() - started
        assert_one_error_line(result, 1, "is locked", "another program is writing to it")
        # Before: each of the 6 pages waited the whole busy timeout (5 s) and failed (exit 3).
        assert elapsed - start_up < BUSY_TIMEOUT_MS / 1000, (elapsed, start_up)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    with Library(db) as library:
        assert len(library.page_sources()) == 5  # nothing was written
    assert cli("build", "--db", db, *pages).returncode == 0


# -- 5: every database error is a LibraryError, shown by the app as a notice ------------------


class QueryOnlyLibrary(Library):
    """A library whose connection SQLite opened read-only, as it does by itself for a file the
    user may not write (not root): BEGIN IMMEDIATE works, and the write inside the transaction
    fails with SQLITE_READONLY. The store did not see it coming (``read_only`` is None)."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path)
        with self.lock:
            self.connection.close()
            self._conn = sqlite3.connect(
                f"file:{Path(path).absolute()}?mode=ro",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
            )
        assert getattr(self, "read_only", None) is None  # (the attribute is newer than the bug)


def test_every_database_error_is_a_library_error_with_its_kind(seed_library: Path, tmp_path: Path) -> None:
    db = copy_library(seed_library, tmp_path / "library.db")
    with QueryOnlyLibrary(db) as library:
        first = library.article_ids()[0]
        with pytest.raises(LibraryError, match="is read-only") as info:
            library.set_read(first)
        assert info.value.kind == "read-only" and "\n" not in str(info.value)
        with pytest.raises(LibraryError, match="is read-only") as info:
            library.set_starred(first, True)
        assert info.value.kind == "read-only" and "\n" not in str(info.value)
    data = seed_library.read_bytes()
    not_a_database = tmp_path / "zeroed-header.db"
    not_a_database.write_bytes(bytes(100) + data[100:])
    with pytest.raises(LibraryError, match=r"not a liaocheng-tui library \(not a SQLite database\)") as info:
        Library(not_a_database)
    assert info.value.kind == "not-a-database"
    damaged = tmp_path / "garbage-schema.db"
    damaged.write_bytes(data[:100] + random.Random(3).randbytes(PAGE - 100) + data[PAGE:])
    with pytest.raises(LibraryError, match="is damaged") as info:
        Library(damaged)
    assert info.value.kind == "damaged"
    # A damaged page met by a search (past the open): still a LibraryError, not sqlite3's.
    rng = random.Random(5)
    for page in rng.sample(range(2, len(data) // PAGE), 12):
        hurt = tmp_path / f"page-{page}.db"
        hurt.write_bytes(data[: page * PAGE] + rng.randbytes(PAGE) + data[(page + 1) * PAGE :])
        try:
            with Library(hurt) as library:
                Searcher(library).search("聊城")
                library.tree()
                library.articles(library.article_ids())
        except LibraryError:
            pass  # sqlite3.Error would fail the test


async def test_app_read_mark_and_star_on_a_library_that_refuses_writes_are_notices(
    seed_library: Path, tmp_path: Path
) -> None:
    db = copy_library(seed_library, tmp_path / "library.db")
    app = LiaochengApp(db, open_library=QueryOnlyLibrary)
    app.read_after = 0.05
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await pilot.press("j", "enter")  # opening marks it read
        await settle(pilot, app)
        await pilot.press("s")
        await settle(pilot, app)
        assert app.is_running and app.reader.record is not None
        shown = notices(app)
        assert any("is read-only" in message for message in shown), shown
        assert not app.reader.record.starred


# -- 6: damaged libraries ---------------------------------------------------------------------


def damaged_copies(source: Path, folder: Path, seed: int = 11) -> dict[str, Path]:
    """26 damaged copies of ``source``: truncated, header zeroed, whole pages overwritten with
    random bytes, b-tree page headers with flipped bytes, and thousands of flipped bits."""
    data = source.read_bytes()
    pages = len(data) // PAGE
    rng = random.Random(seed)
    variants: dict[str, bytes] = {}
    for fraction in (0.02, 0.3, 0.6, 0.95):
        variants[f"truncated-{fraction}"] = data[: int(len(data) * fraction) // PAGE * PAGE + 100]
    variants["truncated-to-100-bytes"] = data[:100]
    variants["zeroed-header"] = bytes(100) + data[100:]
    variants["zeroed-page-1"] = bytes(PAGE) + data[PAGE:]
    variants["garbage-schema"] = data[:100] + rng.randbytes(PAGE - 100) + data[PAGE:]
    for page in sorted(rng.sample(range(1, pages), 10)):
        start = page * PAGE
        variants[f"garbage-page-{page + 1}"] = data[:start] + rng.randbytes(PAGE) + data[start + PAGE :]
    for number in range(6):
        damaged = bytearray(data)
        page = rng.randrange(pages // 4, 3 * pages // 4)
        for offset in rng.sample(range(page * PAGE, page * PAGE + 16), 6):  # the page's b-tree header
            damaged[offset] ^= 0xFF
        variants[f"flipped-header-{number}-of-page-{page + 1}"] = bytes(damaged)
    for number in range(2):
        damaged = bytearray(data)
        for offset in rng.sample(range(len(data) // 3, 2 * len(data) // 3), 2000):
            damaged[offset] ^= 1 << rng.randrange(8)
        variants[f"flipped-2000-bits-{number}"] = bytes(damaged)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, content in variants.items():
        paths[name] = folder / f"{name}.db"
        paths[name].write_bytes(content)
    return paths


DAMAGED_COPIES = 26


@pytest.fixture(scope="module")
def damaged(seed_library: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return damaged_copies(seed_library, tmp_path_factory.mktemp("damaged"))


def test_damaged_copies_are_many_and_all_differ(damaged: dict[str, Path], seed_library: Path) -> None:
    assert len(damaged) == DAMAGED_COPIES
    contents = {path.read_bytes() for path in damaged.values()}
    assert len(contents) == len(damaged) and seed_library.read_bytes() not in contents


def private_copy(path: Path, folder: Path) -> Path:
    return copy_library(path, folder / path.name)


@pytest.mark.slow
@pytest.mark.parametrize("index", range(DAMAGED_COPIES))
def test_cli_on_a_damaged_library_is_one_line_and_exit_1(
    index: int, damaged: dict[str, Path], tmp_path: Path
) -> None:
    name = sorted(damaged)[index]
    db = private_copy(damaged[name], tmp_path)
    before = db.read_bytes()
    check = cli("check", "--db", db)
    assert check.returncode == 1, (name, check.stdout, check.stderr)
    lines = check.stderr.strip().splitlines()
    assert lines and all(line.startswith("liaocheng-tui: ") for line in lines), check.stderr
    assert "Traceback" not in check.stderr and "unexpected" not in check.stderr
    message = lines[0]
    assert any(word in message for word in ("damaged", "not a liaocheng-tui library")), message
    # A build refuses it in one line before writing anything.
    pages = write_recombined_pages(tmp_path / "pages", 2)
    assert_one_error_line(cli("build", "--db", db, *pages), 1)
    assert db.read_bytes() == before
    # Reading commands either work or fail in one line.
    for command in (("search", "聊城"), ("stats",), ("show", "3")):
        result = cli(*command, "--db", db)
        if result.returncode != 0:
            assert_one_error_line(result, 1)


@pytest.mark.slow  # 18 damaged libraries, each in a running app: seconds
@pytest.mark.parametrize("index", range(DAMAGED_COPIES))
async def test_app_on_a_damaged_library_keeps_running_and_says_so(
    index: int, damaged: dict[str, Path], tmp_path: Path
) -> None:
    name = sorted(damaged)[index]
    db = private_copy(damaged[name], tmp_path)
    app = LiaochengApp(db, build_if_empty=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await pilot.press("j", "j", "enter")  # move, open
        await settle(pilot, app)
        await search_keys(pilot, app, *"聊城", "enter")  # search
        await settle(pilot, app, 0.5)
        await pilot.press("escape", "escape")
        app.section_tree.focus()
        await pilot.press("down", "down", "enter")  # a node of the tree, if it has one
        await settle(pilot, app)
        await pilot.press("s")
        await settle(pilot, app)
        assert app.is_running
        shown = notices(app)
        library_errors = [m for m in shown if "is damaged" in m or "not a liaocheng-tui library" in m]
        assert library_errors, (name, shown)
        assert app.library_problem is not None or app.library is None, name
        assert len(library_errors) == len(set(library_errors))  # each said once


def test_start_up_check_runs_only_when_the_file_changed(
    seed_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = copy_library(seed_library, tmp_path / "library.db")
    calls: list[Path] = []
    original = Library.quick_check

    def counted(library: Library) -> list[str]:
        calls.append(library.path)
        return original(library)

    monkeypatch.setattr(Library, "quick_check", counted)
    for expected in (1, 0, 0):  # checked once; unchanged after that, however often opened
        calls.clear()
        with Library(db) as library:
            library.verify()
        assert len(calls) == expected
    with sqlite3.connect(db) as other:  # another program writes
        other.execute("UPDATE pages SET added_at = 'x' WHERE id = 1")
    calls.clear()
    with Library(db) as library:
        library.verify()
    assert len(calls) == 1


# -- 4 and 8: the library or its -wal deleted or replaced under the app -----------------------


@pytest.mark.parametrize("how", ["deleted", "replaced"])
async def test_app_notices_its_library_deleted_or_replaced_and_refuses_marks(
    how: str, seed_library: Path, tmp_path: Path
) -> None:
    db = copy_library(seed_library, tmp_path / "library.db")
    app = LiaochengApp(db)
    app.library_poll_interval = 0.1
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await pilot.press("j", "s")  # a star while the file is there: saved
        await settle(pilot, app)
        assert app.library is not None and len(app.library.article_ids(starred=True)) == 1
        if how == "deleted":
            db.unlink()
        else:
            fresh = tmp_path / "fresh.db"
            shutil.copy(seed_library, fresh)
            os.replace(fresh, db)
        assert await wait_until(pilot, lambda: "deleted or replaced" in app.sub_title)
        await pilot.pause(0.5)  # several more polls: still one notice
        await pilot.press("j", "enter", "s")
        await settle(pilot, app)
        assert app.is_running
        said = [m for m in notices(app) if m.startswith("library file") and "was deleted or replaced" in m]
        assert len(said) == 1 and said[0].endswith("marks are off; reopen"), notices(app)
        assert any(m.startswith("Star not saved") and "marks are off" in m for m in notices(app))
    if how == "deleted":
        assert not db.exists()  # nothing was written to a new file there
    else:
        with Library(db) as library:
            assert library.article_ids(starred=True) == []  # the new file got no mark


@pytest.mark.slow
async def test_app_survives_its_wal_deleted_and_written_by_a_build(
    seed_library: Path, tmp_path: Path
) -> None:
    db = copy_library(seed_library, tmp_path / "library.db")
    pages = write_recombined_pages(tmp_path / "pages", 8)
    app = LiaochengApp(db)
    app.library_poll_interval = 0.1
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        wal = db.with_name("library.db-wal")
        assert wal.exists()
        wal.unlink()
        build = cli("build", "--db", db, *pages)
        assert build.returncode in (0, 1), build.stderr
        if build.returncode == 1:
            assert_one_error_line(build, 1)
        assert await wait_until(pilot, lambda: "deleted or replaced" in app.sub_title)
        for keys in (("j",), ("enter",), ("s",), ("slash", *"聊城", "enter"), ("escape", "escape"), ("r",)):
            await pilot.press(*keys)
            await settle(pilot, app)
            assert app.is_running
        assert any("library.db-wal was deleted or replaced" in m for m in notices(app)), notices(app)
        assert app.library is not None and app.library.article_ids(starred=True) == []
    check = cli("check", "--db", db)
    assert check.returncode == 0, check.stderr


# -- 16: read-only media and folders; check and backup ----------------------------------------


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A real read-only file system (tmpfs remounted read-only): root cannot write there either.

    Needs the right to mount (root, as the tests and CI run); the folder is unmounted after.
    """
    mount_point = tmp_path / "media"
    mount_point.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mount_point)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root): the read-only mount is not tested")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def make_read_only(mount_point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)
    with pytest.raises(OSError):
        (mount_point / "probe").write_text("x")


@pytest.mark.slow
def test_cli_on_a_library_on_read_only_media(
    seed_library: Path, read_only_mount: Path, tmp_path: Path
) -> None:
    db = copy_library(seed_library, read_only_mount / "library.db")
    make_read_only(read_only_mount)
    found = cli("search", "聊城", "--db", db, "--json")
    assert found.returncode == 0, found.stderr
    assert '"id"' in found.stdout
    for command in (("stats",), ("show", "3"), ("export", "3", "--format", "md"), ("check",)):
        result = cli(*command, "--db", db)
        assert result.returncode == 0, (command, result.stderr)
    pages = write_recombined_pages(tmp_path / "pages", 2)
    assert_one_error_line(cli("build", "--db", db, *pages), 1, "read-only")
    copy = tmp_path / "copy.db"
    assert cli("backup", copy, "--db", db).returncode == 0
    assert cli("check", "--db", copy).returncode == 0
    assert sorted(os.listdir(read_only_mount)) == ["library.db"]


@pytest.mark.slow
async def test_app_on_a_library_on_read_only_media_says_marks_are_off(
    seed_library: Path, read_only_mount: Path
) -> None:
    db = copy_library(seed_library, read_only_mount / "library.db")
    make_read_only(read_only_mount)
    app = LiaochengApp(db)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        assert "read-only: marks are off" in app.sub_title
        assert any("read marks and stars are off" in m for m in notices(app))
        assert app.library is not None and app.library.read_only == "it is on a read-only file system"
        await pilot.press("j", "enter", "s")
        await settle(pilot, app)
        await search_keys(pilot, app, *"聊城", "enter")
        await settle(pilot, app, 0.5)
        assert app.is_running
        assert app.search_result is not None and app.search_result.total > 0
        assert any("Star not saved" in m and "marks are off" in m for m in notices(app)), notices(app)


def nobody_can_run_this_checkout() -> bool:
    if shutil.which("setpriv") is None or os.geteuid() != 0:
        return False
    probe = subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-c",
            "import liaocheng_tui",
        ],
        cwd=REPO_ROOT,
        capture_output=True,
    )
    return probe.returncode == 0


def cli_as_nobody(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The CLI as an unprivileged user (uid 65534), for whom folder permissions hold."""
    return subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "liaocheng_tui"]
        + [str(arg) for arg in args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "XDG_CACHE_HOME": "/nonexistent-cache"},
    )


@pytest.mark.slow
def test_cli_as_an_unprivileged_user_on_a_library_in_a_read_only_folder(seed_library: Path) -> None:
    if not nobody_can_run_this_checkout():
        pytest.skip("needs root and setpriv, and a checkout that uid 65534 can read")
    top = Path(tempfile.mkdtemp(prefix="liaocheng-ro-"))
    try:
        os.chmod(top, 0o755)
        sealed, shared = top / "sealed", top / "shared"
        for folder in (sealed, shared):
            folder.mkdir()
            copy_library(seed_library, folder / "library.db")
            os.chmod(folder / "library.db", 0o644)  # root's: uid 65534 may read it, not write it
        os.chmod(sealed, 0o555)  # no one but root can create a -wal here: read it as immutable
        os.chmod(shared, 0o755)  # root could write it meanwhile: immutable would be unsafe
        found = cli_as_nobody("search", "聊城", "--db", sealed / "library.db")
        assert found.returncode == 0, found.stderr
        assert cli_as_nobody("stats", "--db", sealed / "library.db").returncode == 0
        assert_one_error_line(cli_as_nobody("build", "--db", sealed / "library.db"), 1, "read-only")
        refused = cli_as_nobody("search", "聊城", "--db", shared / "library.db")
        assert_one_error_line(refused, 1, "copy it to a writable folder")
        assert sorted(os.listdir(sealed)) == ["library.db"]
    finally:
        for folder in top.iterdir():
            os.chmod(folder, 0o755)
        shutil.rmtree(top)


@pytest.mark.slow
def test_check_and_backup_commands(seed_library: Path, tmp_path: Path) -> None:
    db = copy_library(seed_library, tmp_path / "library.db")
    sound = cli("check", "--db", db)
    assert sound.returncode == 0 and "is sound: 5 pages" in sound.stdout, sound.stderr
    assert_one_error_line(cli("check", "--db", tmp_path / "missing.db"), 1, "no library at")
    assert not (tmp_path / "missing.db").exists()
    # A backup while another process holds the write lock with an uncommitted change.
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("DELETE FROM user_state")
    try:
        backup = tmp_path / "backups" / "copy.db"
        backup.parent.mkdir()
        made = cli("backup", backup, "--db", db)
        assert made.returncode == 0, made.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert cli("check", "--db", backup).returncode == 0
    with Library(db) as original, Library(backup) as copied:
        assert copied.article_ids() == original.article_ids()
        assert copied.page_sources() == original.page_sources()
    assert sorted(os.listdir(backup.parent)) == ["copy.db"]  # no temporary file left
    assert_one_error_line(cli("backup", backup, "--db", db), 1, "exists; use --force")
    os.chmod(backup, 0o600)
    assert cli("backup", backup, "--db", db, "--force").returncode == 0
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    assert_one_error_line(cli("backup", db, "--db", db, "--force"), 1, "is the library itself")
    assert_one_error_line(cli("backup", tmp_path, "--db", db), 1, "is a folder")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert_one_error_line(cli("backup", fifo, "--db", db, "--force"), 1, "not a regular file")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.slow
def test_check_lists_each_problem_and_build_refuses_a_library_that_fails_it(
    damaged: dict[str, Path], tmp_path: Path
) -> None:
    # One whose file opens (the header and schema are intact) but whose pages are not.
    for name in sorted(damaged):
        db = private_copy(damaged[name], tmp_path)
        try:
            Library(db).close()
        except LibraryError:
            continue
        check = cli("check", "--db", db)
        assert check.returncode == 1
        problems = check.stderr.strip().splitlines()
        if not all(line.startswith("liaocheng-tui: damaged: ") for line in problems):
            continue  # SQLite stopped the check with an error: one error line (tested above)
        before = db.read_bytes()
        build = cli("build", "--db", db)
        assert_one_error_line(build, 1, "is damaged", "liaocheng-tui check")
        assert db.read_bytes() == before
        return
    pytest.fail("no damaged copy opens and fails the check with a list of problems")
