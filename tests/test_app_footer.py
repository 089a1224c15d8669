"""The one-widget key footer: what it shows for the focused pane, and clicks on its keys."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_app import screen_text, settle
from test_app_support import build_hand_made_library

from liaocheng_tui.tui.app import LiaochengApp
from liaocheng_tui.tui.footer import KeyFooter


@pytest.fixture(scope="session")
def built_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("footer") / "library.db"
    build_hand_made_library(path)
    return path


@pytest.fixture
def db_path(built_library: Path, tmp_path: Path) -> Path:
    target = tmp_path / "library.db"
    shutil.copy(built_library, target)
    return target


def footer_line(app: LiaochengApp) -> str:
    return screen_text(app).rstrip("\n").split("\n")[-1]


async def test_footer_follows_the_focus(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        line = footer_line(app)
        assert line.startswith(" ⏎ Open  q Quit  ? Help  / Search ")
        assert line.endswith("▏^p palette ")
        assert len(line) == 160

        await pilot.press("slash")
        await pilot.pause()
        line = footer_line(app)
        # Printable keys type into the search bar, so their bindings are not offered (as in Textual).
        assert line.startswith(" / Search ") and "Open" not in line and "Quit" not in line

        app.reader.focus()
        await pilot.pause()
        assert footer_line(app).startswith(" n Next match  N Prev match  q Quit ")
        assert len(app.query_one(KeyFooter).children) == 0


async def test_narrow_footer_keeps_the_palette_key_on_the_right(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        line = footer_line(app)
        assert line == " ⏎ Open  q Quit  ? Help  / Search  e Export  y Copy  s Star  [ Prev ▏^p palette "


async def test_clicking_a_footer_key_runs_it(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        footer = app.query_one(KeyFooter)
        # " ⏎ Open " takes cells 0-7, " q Quit " 8-15, " ? Help " 16-23, " / Search " 24-33.
        assert footer.key_at(25) == "slash"
        assert footer.key_at(159) == "ctrl+p"
        await pilot.click(KeyFooter, offset=(26, 0))
        await pilot.pause()
        assert app.focused is app.search_bar
