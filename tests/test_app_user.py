"""What a new user hits in the app (issue 10): clicks, Esc, Back, maximize, export to a folder,
toasts, themes, the list's years, the tree of a long run of issues, narrow terminals, history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from test_app import screen_text
from test_app_reading import huge_app, until
from test_app_support import GREEN
from textual.pilot import Pilot

from liaocheng_tui.export import default_filename, render_article
from liaocheng_tui.tui.app import LiaochengApp
from liaocheng_tui.tui.screens import ConfirmScreen, ExportScreen


async def ready(pilot: Pilot[Any], app: LiaochengApp) -> None:
    """The list is filled and the reader shows its first article."""
    await until(pilot, lambda: app.ready and bool(app.article_list.ids) and app.reader.record is not None)
    await pilot.pause()


# -- clicks -------------------------------------------------------------------------------------


async def test_a_click_selects_the_row_clicked_and_a_double_click_opens_it(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot, app)
        ids = list(app.article_list.ids)
        # Row 2 of the list is drawn one line below the pane's top border.
        assert await pilot.click("#list", offset=(10, 1 + 2))
        assert app.article_list.cursor == 2
        assert await pilot.double_click("#list", offset=(10, 1 + 3))
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == ids[3])
        assert app.focused is app.reader
        # The border itself selects nothing.
        assert await pilot.click("#list", offset=(10, 0))
        assert app.article_list.cursor == 3


async def test_a_click_on_a_related_line_opens_that_article(tmp_path: Path) -> None:
    app = huge_app(tmp_path, 200)
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: app.reader.record is not None and len(app.reader.related) == 3)
        lines = app.reader.plain_lines
        row = next(i for i, line in enumerate(lines) if line.startswith(" 2 "))
        assert await pilot.click("#reader", offset=(6, 1 + row))
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == 3)


# -- Esc and Back -------------------------------------------------------------------------------


async def test_esc_in_the_reader_goes_back_to_the_results_and_in_the_list_clears(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot, app)
        await pilot.press("slash", *GREEN, "enter")
        await until(pilot, lambda: app.article_list.searching and app.current_query == GREEN)
        await pilot.press("enter")
        assert app.focused is app.reader
        await pilot.press("escape")
        assert app.focused is app.article_list
        assert app.current_query == GREEN and app.search_bar.value == GREEN and app.article_list.searching
        await pilot.press("escape")
        await until(pilot, lambda: not app.article_list.searching)
        assert app.search_bar.value == "" and len(app.article_list.ids) == 5


async def test_backspace_and_h_go_back_to_the_article_and_the_line_left(tmp_path: Path) -> None:
    app = huge_app(tmp_path, 6_000)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.reader.record is not None and len(app.reader.related) == 3)
        app.reader.focus()
        await pilot.press(*"jjjjjjj")
        assert app.reader.scroll_offset.y == 7
        assert "Back" not in screen_text(app).splitlines()[-1]  # nowhere to go back to yet
        await pilot.press("1")
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == 2)
        assert app.reader.scroll_offset.y == 0
        assert "Back" in screen_text(app).splitlines()[-1]
        await pilot.press("backspace")
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == 1)
        assert app.reader.scroll_offset.y == 7
        # Two steps away and back again, with h.
        await until(pilot, lambda: len(app.reader.related) == 3)
        await pilot.press("2")
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == 3)
        await until(pilot, lambda: len(app.reader.related) == 3)
        await pilot.press("1")
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == 4)
        await pilot.press("h")
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == 3)
        await pilot.press("h")
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == 1)
        assert app.reader.scroll_offset.y == 7 and app.reader.back_depth == 0
        # An article chosen in the list starts a new trail.
        await until(pilot, lambda: len(app.reader.related) == 3)
        await pilot.press("1")
        await until(pilot, lambda: app.reader.back_depth == 1)
        app.article_list.focus()
        await pilot.press("j")
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == 2)
        assert app.reader.back_depth == 0


# -- maximize -----------------------------------------------------------------------------------


async def _maximized_reader_fits(db_path: Path, size: tuple[int, int]) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=size) as pilot:
        await ready(pilot, app)
        await pilot.press("j", "j", "j", "enter")  # 聊城将实施产业振兴三年行动计划: a long paragraph
        await until(pilot, lambda: app.focused is app.reader)
        record = app.reader.record
        assert record is not None
        app.screen.action_maximize()
        await until(pilot, lambda: app.screen.maximized is app.reader)
        await pilot.pause()
        width, _height = size
        assert app.reader.region.right <= width
        inner = app.reader.scrollable_content_region.width
        assert inner >= width - 4  # the whole screen, less the border and scrollbar
        assert all(cell_len(line) <= inner for line in app.reader.plain_lines)
        # Every character of the paragraph is on screen, in order (none cropped at the edge).
        shown = "".join(
            line[1:].rstrip("│ ").strip() for line in screen_text(app).splitlines()[1:]
        ).replace(" ", "")
        assert record.paragraphs[0].replace(" ", "") in shown
        app.screen.action_minimize()
        await until(pilot, lambda: app.screen.maximized is None)
        await pilot.pause()
        inner = app.reader.scrollable_content_region.width
        assert all(cell_len(line) <= inner for line in app.reader.plain_lines)


async def test_maximized_reader_rewraps_at_80x24(db_path: Path) -> None:
    await _maximized_reader_fits(db_path, (80, 24))


async def test_maximized_reader_rewraps_at_160x48(db_path: Path) -> None:
    await _maximized_reader_fits(db_path, (160, 48))


# -- export to a folder -------------------------------------------------------------------------


async def _export_to(pilot: Pilot[Any], typed: str) -> None:
    """Open the export dialog, type ``typed`` as the path and accept."""
    from textual.widgets import Input

    await pilot.press("e")
    await until(pilot, lambda: isinstance(pilot.app.screen, ExportScreen))
    pilot.app.screen.query_one("#export-path", Input).value = typed
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(pilot.app.screen, ExportScreen))


async def test_export_to_a_new_folder_with_a_trailing_slash_writes_into_it(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot, app)
        record = app.reader.record
        assert record is not None
        await _export_to(pilot, "folder/")
        written = tmp_path / "folder" / default_filename(record, "txt")
        await until(pilot, lambda: written.exists())
        assert (tmp_path / "folder").is_dir()
        assert written.read_text(encoding="utf-8") == render_article(record, "txt")


async def test_export_into_a_folder_asks_about_the_file_it_would_replace(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot, app)
        record = app.reader.record
        assert record is not None
        # An existing folder without that file: written at once, nothing asked.
        await _export_to(pilot, "out")
        written = folder / default_filename(record, "txt")
        await until(pilot, lambda: written.exists())
        assert not isinstance(app.screen, ConfirmScreen)
        # Now the file is there: the question names the file, and n keeps it.
        written.write_text("mine", encoding="utf-8")
        await _export_to(pilot, "out/")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert isinstance(app.screen, ConfirmScreen) and app.screen.question.startswith(str(written))
        await pilot.press("n")
        await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
        assert written.read_text(encoding="utf-8") == "mine"
        await _export_to(pilot, "out")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await until(pilot, lambda: written.read_text(encoding="utf-8") == render_article(record, "txt"))
        assert sorted(path.name for path in folder.iterdir()) == [written.name]


# -- toasts -------------------------------------------------------------------------------------


async def test_the_screenshot_toast_shows_its_path_not_its_markup(db_path: Path, tmp_path: Path) -> None:
    from textual import events

    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await ready(pilot, app)
        saved = tmp_path / "shot.svg"
        app.post_message(events.DeliveryComplete(key="k", path=saved, name="screenshot"))
        await until(pilot, lambda: "Saved screenshot" in screen_text(app))
        text = screen_text(app)
        assert "[$text-success]" not in text
        # (The toast wraps the long path onto lines of its own.)
        assert "Saved screenshot to" in text and "/shot.svg'" in text
        # Text from the library still shows literally, markup and controls cleaned.
        app.notify("★ Starred [b]粗体[/b]\x1b[2J\u202e", markup=False)
        await until(pilot, lambda: "[b]粗体[/b]" in screen_text(app))
        assert "\x1b" not in screen_text(app) and "\u202e" not in screen_text(app)
