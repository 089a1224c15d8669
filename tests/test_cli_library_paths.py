"""Which library a command opens: only the default one may create and seed itself (issue 10).

A mistyped ``--db`` (or ``$LIAOCHENG_TUI_DB``) used to build the demo library at the typo,
folders and all, and answer from it with exit 0.
"""

from __future__ import annotations

import json
import os
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from liaocheng_tui.cli import cli
from liaocheng_tui.store import Library, NoLibraryError

ERROR_PREFIX = "liaocheng-tui: error: "


def run(*args: str | Path, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args], env=env)


def assert_no_library(result: Result, path: Path) -> None:
    assert result.exit_code == 1, (result.exit_code, result.stdout, result.stderr)
    assert result.stderr.strip().splitlines() == [
        f"{ERROR_PREFIX}no library at {path} (build one with: liaocheng-tui build --db {path})"
    ]
    assert result.stdout == ""


READ_COMMANDS = [
    ["search", "绿色"],
    ["search", "绿色", "--json"],
    ["stats"],
    ["show", "1"],
    ["export", "1"],
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c))
def test_a_mistyped_db_is_refused_and_nothing_is_made(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "typo.db"
    assert_no_library(run(*command, "--db", typo), typo)
    assert not typo.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c))
def test_a_missing_db_from_the_environment_is_refused(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "env-typo.db"
    assert_no_library(run(*command, env={"LIAOCHENG_TUI_DB": str(typo)}), typo)
    assert not typo.exists()


def test_missing_parent_folders_are_never_created(tmp_path: Path) -> None:
    typo = tmp_path / "no" / "such" / "folder" / "x.db"
    assert_no_library(run("search", "绿色", "--db", typo), typo)
    assert not (tmp_path / "no").exists()


def test_build_needs_the_parent_folder_to_exist(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "lib.db"
    result = run("build", "--db", target)
    assert result.exit_code == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(ERROR_PREFIX), result.stderr
    assert f"folder {tmp_path / 'missing'} does not exist" in lines[0]
    assert not (tmp_path / "missing").exists()


def test_build_creates_the_library_only_at_the_given_path(tmp_path: Path) -> None:
    target = tmp_path / "lib.db"
    data_home = tmp_path / "data"
    result = run("build", "--db", target, env={"XDG_DATA_HOME": str(data_home), "LIAOCHENG_TUI_DB": None})
    assert result.exit_code == 0, result.stderr
    assert target.is_file()
    assert not data_home.exists(), "the default library is not touched"
    found = run("search", "绿色", "--db", target, "--json")
    assert found.exit_code == 0, found.stderr
    assert json.loads(found.stdout)


def test_an_existing_empty_file_is_not_turned_into_a_library(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    result = run("stats", "--db", empty)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{empty} is an empty file, not a library" in lines[0], result.stderr
    assert empty.read_bytes() == b""
    assert not Path(f"{empty}-wal").exists()


def test_an_existing_library_at_another_path_is_not_seeded(tmp_path: Path) -> None:
    # A library that exists but holds no pages (say, every page of its build failed) answers
    # from what it holds: nothing; only the default library builds the demo pages.
    target = tmp_path / "lib.db"
    Library(target).close()
    result = run("search", "绿色", "--db", target, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert "bundled pages" not in result.stderr
    with Library(target) as library:
        assert library.is_empty()


def test_the_default_library_is_made_with_its_folders_and_seeded(tmp_path: Path) -> None:
    data_home = tmp_path / "data"
    result = run("stats", "--json", env={"XDG_DATA_HOME": str(data_home), "LIAOCHENG_TUI_DB": None})
    assert result.exit_code == 0, result.stderr
    assert "building it from the bundled pages" in result.stderr
    assert (data_home / "liaocheng-tui" / "library.db").is_file()
    assert json.loads(result.stdout)["pages"] == 5


def test_the_app_on_a_mistyped_db_is_refused_before_it_starts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[Path] = []
    fake = types.ModuleType("liaocheng_tui.tui")
    fake.run_app = lambda path, **_: calls.append(path)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "liaocheng_tui.tui", fake)
    typo = tmp_path / "typo.db"
    assert_no_library(run("--db", typo), typo)
    assert_no_library(run(env={"LIAOCHENG_TUI_DB": str(typo)}), typo)
    assert calls == [] and not typo.exists()


def test_run_app_refuses_a_missing_library_unless_default(tmp_path: Path) -> None:
    from liaocheng_tui.tui import run_app

    with pytest.raises(NoLibraryError, match="no library at"):
        run_app(tmp_path / "typo.db", default=False)
    assert not (tmp_path / "typo.db").exists()


def test_an_app_that_crashed_exits_1_not_0(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Before: the app ended with a traceback (say, on an export path it could not expand) and
    # the process exited 0, so a script or a shell prompt could not tell.
    from liaocheng_tui import cli as cli_module
    from liaocheng_tui.tui import run_app
    from liaocheng_tui.tui.app import LiaochengApp

    library = tmp_path / "lib.db"
    Library(library).close()
    run_for_real = LiaochengApp.run

    def headless_run(self: LiaochengApp, **options: Any) -> Any:
        return run_for_real(self, headless=True, **options)

    def broken_compose(self: LiaochengApp) -> Any:
        raise RuntimeError("a crash inside the app")

    monkeypatch.setattr(LiaochengApp, "run", headless_run)
    monkeypatch.setattr(LiaochengApp, "compose", broken_compose)
    assert run_app(library, default=False) == 1
    # The command line passes the app's code on as its own.
    monkeypatch.setattr(cli_module, "_open_app", lambda db_path, default: 1)
    assert run("--db", library).exit_code == 1
    monkeypatch.setattr(cli_module, "_open_app", lambda db_path, default: 0)
    assert run("--db", library).exit_code == 0


def test_library_open_modes(tmp_path: Path) -> None:
    with pytest.raises(NoLibraryError):
        Library(tmp_path / "x.db", create=False)
    assert os.listdir(tmp_path) == []
    Library(tmp_path / "x.db").close()
    with Library(tmp_path / "x.db", create=False) as library:
        assert library.is_empty()
