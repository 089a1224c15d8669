"""What a new user hits in the app (issue 10): clicks, Esc, Back, maximize, export to a folder,
toasts, themes, the list's years, the tree of a long run of issues, narrow terminals, history."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from test_app import headlines, screen_text
from test_app_reading import huge_app, until
from test_app_support import GREEN, confirm_ready, export_keys, notifications_of, search_keys, workers_done
from textual.pilot import Pilot

from liaocheng_tui.export import default_filename, render_article
from liaocheng_tui.tui.app import LiaochengApp
from liaocheng_tui.tui.screens import ConfirmScreen, ExportScreen
from liaocheng_tui.tui.search_bar import HISTORY_ENTRY_LIMIT, HISTORY_LIMIT, SearchHistory, load_history


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
        await search_keys(pilot, app, *GREEN, "enter")
        await until(pilot, lambda: app.article_list.searching and app.current_query == GREEN)
        await pilot.press("enter")
        await until(pilot, lambda: app.focused is app.reader)
        await pilot.press("escape")
        await until(pilot, lambda: app.focused is app.article_list)
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
        # The reader shows article 2 already (opened as related): wait for the list's choice of
        # it, which clears the trail, not for the id (that raced the list under load).
        await until(pilot, lambda: app.reader.back_depth == 0)
        assert app.reader.record is not None and app.reader.record.id == 2
        assert app.article_list.current_id == 2


# -- maximize -----------------------------------------------------------------------------------


def laid_out_for_its_width(app: LiaochengApp) -> bool:
    """The reader's lines are laid out for its present width (on the resize event that follows a
    change of its size, which a loaded machine can handle after the screen's next update)."""
    return app.reader.virtual_size.width == app.reader.scrollable_content_region.width


async def _maximized_reader_fits(db_path: Path, size: tuple[int, int]) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=size) as pilot:
        await ready(pilot, app)
        await pilot.press("j", "j", "j", "enter")  # 聊城将实施产业振兴三年行动计划: a long paragraph
        await until(pilot, lambda: app.focused is app.reader)
        record = app.reader.record
        assert record is not None
        app.screen.action_maximize()
        width, _height = size
        # Maximized, and laid out again for the whole screen.
        await until(
            pilot,
            lambda: (
                app.screen.maximized is app.reader
                and app.reader.scrollable_content_region.width >= width - 4
                and laid_out_for_its_width(app)
            ),
        )
        assert app.reader.region.right <= width
        inner = app.reader.scrollable_content_region.width
        assert inner >= width - 4  # the whole screen, less the border and scrollbar
        assert all(cell_len(line) <= inner for line in app.reader.plain_lines)
        # Every character of the paragraph is on screen, in order (none cropped at the edge).
        shown = "".join(line[1:].rstrip("│ ").strip() for line in screen_text(app).splitlines()[1:]).replace(
            " ", ""
        )
        assert record.paragraphs[0].replace(" ", "") in shown
        app.screen.action_minimize()
        await until(
            pilot,
            lambda: (
                app.screen.maximized is None
                and app.reader.scrollable_content_region.width < width - 4
                and laid_out_for_its_width(app)
            ),
        )
        inner = app.reader.scrollable_content_region.width
        assert all(cell_len(line) <= inner for line in app.reader.plain_lines)


async def test_maximized_reader_rewraps_at_80x24(db_path: Path) -> None:
    await _maximized_reader_fits(db_path, (80, 24))


async def test_maximized_reader_rewraps_at_160x48(db_path: Path) -> None:
    await _maximized_reader_fits(db_path, (160, 48))


async def test_maximizing_the_reader_or_growing_the_terminal_keeps_the_tree_shown(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot, app)
        await pilot.press("t")
        await until(pilot, lambda: app.section_tree.display)
        app.screen.maximize(app.reader)
        await until(pilot, lambda: app.screen.maximized is app.reader)
        await pilot.pause()
        app.screen.action_minimize()
        await until(pilot, lambda: app.screen.maximized is None)
        await pilot.pause()
        assert app.section_tree.display  # the hidden list's size is not a reason to hide it
        # Nor are the sizes the list passes through while the terminal grows.
        await pilot.resize_terminal(160, 48)
        await until(pilot, lambda: app.article_list.size.width > 40)
        await pilot.pause()
        assert app.section_tree.display
        assert not any("Too narrow" in message for message in notifications_of(app))


# -- export to a folder -------------------------------------------------------------------------


async def _export_to(pilot: Pilot[Any], typed: str) -> None:
    """Open the export dialog, type ``typed`` as the path and accept."""
    from textual.widgets import Input

    await export_keys(pilot, pilot.app)
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
        await until(pilot, lambda: confirm_ready(app))
        assert isinstance(app.screen, ConfirmScreen) and app.screen.question.startswith(str(written))
        await pilot.press("n")
        await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
        assert written.read_text(encoding="utf-8") == "mine"
        await _export_to(pilot, "out")
        await until(pilot, lambda: confirm_ready(app))
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


# -- a library of many issues over two years ----------------------------------------------------

MANY_DATES = [(date(2022, 11, 20) + timedelta(days=n)).isoformat() for n in range(70)]  # to 2023-01-28
NO_SECTION_DATE = MANY_DATES[10]  # an issue whose page names no section or column


@pytest.fixture(scope="module")
def many_issues_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made library plus 70 daily issues from 2022-11-20: 72 dates over two years."""
    from test_app_support import build_hand_made_library

    from liaocheng_tui.parse.models import Article, Page
    from liaocheng_tui.store import Library

    path = tmp_path_factory.mktemp("many") / "library.db"
    build_hand_made_library(path)
    with Library(path) as library:
        for day in MANY_DATES:
            article = Article(seq=1, title=f"第{day}期要闻", paragraphs=[f"{day}的新闻正文。"], date=day)
            section = None if day == NO_SECTION_DATE else "要闻"
            page = Page(
                source=f"{day}.txt", articles=[article], publication="聊城日报", date=day, section=section
            )
            raw = f"{day} page"
            library.add_page(page, raw, hashlib.sha256(raw.encode()).hexdigest())
    return path


def test_article_ids_by_date_prefix(many_issues_library: Path) -> None:
    from liaocheng_tui.store import Library

    with Library(many_issues_library) as library:
        in_2022 = library.article_ids(publication="聊城日报", date_prefix="2022")
        assert [r.date for r in library.articles(in_2022)] == sorted(
            (d for d in MANY_DATES if d.startswith("2022")), reverse=True
        )
        assert len(library.article_ids(date_prefix="2023-02")) == 5  # the hand-made issues


def _labels(nodes: Any) -> list[str]:
    return [node.label.plain if hasattr(node.label, "plain") else str(node.label) for node in nodes]


async def test_a_long_run_of_issues_is_grouped_by_year_and_month(
    many_issues_library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "library.db"
    shutil.copy(many_issues_library, db)
    app = LiaochengApp(db)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot, app)
        tree = app.section_tree
        await until(pilot, lambda: "聊城日报 75" in _labels(tree.root.children))
        paper = next(node for node in tree.root.children if _labels([node]) == ["聊城日报 75"])
        # 2022-11-20 to 2022-12-31 is 42 issues; 2023 has 28 January ones and the 2 hand-made
        # February issues (5 articles).
        assert _labels(paper.children) == ["2023年 33", "2022年 42"]
        year_2023, year_2022 = paper.children
        assert _labels(year_2023.children) == ["2023-02 5", "2023-01 28"]
        assert _labels(year_2022.children) == ["2022-12 31", "2022-11 11"]
        assert year_2023.is_expanded and not year_2022.is_expanded
        assert year_2023.children[0].is_expanded and not year_2023.children[1].is_expanded
        assert _labels(year_2023.children[0].children) == ["2023-02-21 3", "2023-02-20 2"]
        # An issue without sections is a leaf that lists its article when selected.
        november = year_2022.children[1]
        bare = next(node for node in november.children if _labels([node])[0].startswith(NO_SECTION_DATE))
        assert not bare.allow_expand and not bare.children
        tree.focus()
        year_2022.expand()
        november.expand()
        await pilot.pause()
        tree.move_cursor(bare)
        await pilot.press("enter")
        await until(pilot, lambda: headlines(app) == [f"第{NO_SECTION_DATE}期要闻"])
        # A year lists all its issues, newest first.
        tree.move_cursor(year_2022)
        await pilot.press("enter")
        await until(pilot, lambda: len(app.article_list.ids) == 42)
        assert headlines(app)[0] == "第2022-12-31期要闻" and headlines(app)[-1] == "第2022-11-20期要闻"


async def test_the_list_shows_the_year_when_the_library_spans_years(
    many_issues_library: Path, db_path: Path, tmp_path: Path
) -> None:
    # One year (the hand-made library) at 80x24: the narrow list leaves the year out.
    app = LiaochengApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, app)
        await until(pilot, lambda: bool(app.sub_title))
        text = screen_text(app)
        assert "02-21" in text and "2023-02-21" not in text.split("╮", 2)[1]
    db = tmp_path / "two-years.db"
    shutil.copy(many_issues_library, db)
    app = LiaochengApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, app)
        await until(pilot, lambda: app.article_list.show_year)
        await pilot.pause()
        rows = [line for line in screen_text(app).splitlines() if "要闻" in line or "绿色问诊" in line]
        assert any("2023-02-21" in row for row in rows)


# -- themes -------------------------------------------------------------------------------------


def _drawn_backgrounds(app: LiaochengApp, widget: Any) -> set[tuple[int, int, int]]:
    """Every background colour drawn inside ``widget``'s border (read back from the escape
    codes of the screen as a terminal gets it)."""
    from rich.console import Console
    from rich.text import Text

    console = Console(width=app.size.width, color_system="truecolor", legacy_windows=False)
    region = widget.region
    colors: set[tuple[int, int, int]] = set()
    for y, line in enumerate(screen_text(app, styles=True).split("\n")):
        if not region.y < y < region.bottom - 1:
            continue
        x = 0
        for segment in Text.from_ansi(line).render(console):
            inside = region.x < x < region.right - 1
            if inside and segment.style is not None and segment.style.bgcolor is not None:
                colors.add(tuple(segment.style.bgcolor.get_truecolor()))  # type: ignore[arg-type]
            x += cell_len(segment.text)
    return colors


async def test_a_light_theme_has_no_dark_bands_in_the_reader(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    # A read mark or the keywords' arrival lays the article out again, which would hide the
    # bug: the keywords come first, and no read mark during the test.
    app.read_after = 3600.0
    app.warm_up_quiet = 0.0
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot, app)
        await until(pilot, lambda: app.warm and bool(app.reader.keywords))
        await workers_done(app)
        assert app.current_theme.dark
        dark = _drawn_backgrounds(app, app.reader)

        def reader_background() -> tuple[int, int, int] | None:
            color = app.reader.rich_style.bgcolor
            return None if color is None else tuple(color.get_truecolor())  # type: ignore[return-value]

        dark_background = reader_background()
        assert dark_background in dark
        app.theme = "textual-light"
        # Drawn again in the light theme: the reader's new background is on screen.
        await until(
            pilot,
            lambda: (
                reader_background() not in (None, dark_background)
                and reader_background() in _drawn_backgrounds(app, app.reader)
            ),
        )
        await pilot.pause()
        light = _drawn_backgrounds(app, app.reader)
        # The dark theme's backgrounds stayed on the title and meta lines (laid out in it).
        assert light and not light & dark, (light, dark)
        assert reader_background() in light


def _kind_label_contrast(app: LiaochengApp) -> float:
    from liaocheng_tui.parse.models import KIND_LABELS
    from liaocheng_tui.tui.text import contrast_ratio

    strip = app.article_list.render_line(1)  # row 1: not under the cursor
    for segment in strip:
        if segment.text in KIND_LABELS.values():
            style = segment.style
            assert style is not None and style.color is not None and style.bgcolor is not None
            return contrast_ratio(style.color.get_truecolor(), style.bgcolor.get_truecolor())  # type: ignore[arg-type]
    raise AssertionError("no kind label drawn")


async def test_the_kind_label_reads_in_every_theme(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot, app)
        # The ANSI themes leave the colours to the terminal's palette.
        themes = sorted(name for name in app.available_themes if not name.startswith("ansi"))
        assert {"textual-dark", "textual-light"} <= set(themes)
        ratios = {}
        for theme in themes:
            app.theme = theme
            await until(pilot, lambda theme=theme: app.current_theme.name == theme)
            await pilot.pause()
            ratios[theme] = _kind_label_contrast(app)
        assert min(ratios.values()) >= 4.5, ratios


# -- search history across sessions -------------------------------------------------------------


async def test_search_history_is_kept_across_sessions(db_path: Path, tmp_path: Path) -> None:
    history = tmp_path / "data" / "search-history.json"
    app = LiaochengApp(db_path, history_path=history)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot, app)
        await search_keys(pilot, app, *GREEN, "enter")
        await until(pilot, lambda: app.current_query == GREEN)
        await search_keys(pilot, app, "ctrl+u", *"临清", "enter")
        await until(pilot, lambda: app.current_query == "临清")
    assert history.exists() and [p.name for p in history.parent.iterdir()] == [history.name]
    app = LiaochengApp(db_path, history_path=history)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot, app)
        await search_keys(pilot, app, "up")
        assert app.search_bar.value == "临清"
        await pilot.press("up")
        assert app.search_bar.value == GREEN


async def test_an_unreadable_history_is_ignored(db_path: Path, tmp_path: Path) -> None:
    history = tmp_path / "search-history.json"
    for damage in (
        b"\xff\xfe\x00garbage",
        b'{"queries": 5}',
        b'["not", "ours"]',
        b'{"queries": ["\x1b[2J", 3]}',
    ):
        history.write_bytes(damage)
        app = LiaochengApp(db_path, history_path=history)
        async with app.run_test(size=(160, 48)) as pilot:
            await ready(pilot, app)
            assert app.search_bar.history.entries in ([], ["[2J"])
            await search_keys(pilot, app, *"临清", "enter")
            await until(pilot, lambda app=app: app.current_query == "临清")
        assert load_history(history)[-1] == "临清"
    # A folder where the file should be: no history kept, and no crash.
    history.unlink()
    history.mkdir()
    app = LiaochengApp(db_path, history_path=history)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot, app)
        await search_keys(pilot, app, *"临清", "enter")
        await until(pilot, lambda: app.current_query == "临清")


def test_a_history_path_that_is_a_fifo_neither_blocks_nor_is_replaced(tmp_path: Path) -> None:
    # Before: LIAOCHENG_TUI_HISTORY naming a FIFO left the app blank and deaf to q and Ctrl+C
    # (reading the history waited for a writer), and saving replaced the FIFO with a file.
    fifo = tmp_path / "history.fifo"
    os.mkfifo(fifo)
    loaded: list[list[str]] = []
    reader = threading.Thread(target=lambda: loaded.append(load_history(fifo)), daemon=True)
    reader.start()
    reader.join(timeout=30)
    if reader.is_alive():  # let the blocked open go, then fail
        with open(fifo, "w", encoding="utf-8"):
            pass
        pytest.fail("reading the history from a FIFO blocked")
    assert loaded == [[]]
    history = SearchHistory(path=fifo)
    history.add("临清")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert history.entries == ["临清"], "the session still has its history"


def test_the_saved_history_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    history = SearchHistory(path=path)
    for number in range(150):
        history.add(f"查询{number}")
    history.add("x" * 5_000)
    saved = load_history(path)
    assert len(saved) == HISTORY_LIMIT and saved[0] == "查询51" and saved[-1] == "x" * HISTORY_ENTRY_LIMIT
    assert SearchHistory(path=path).entries == saved


# -- narrow terminals ---------------------------------------------------------------------------


def _list_rows(app: LiaochengApp) -> list[str]:
    """The list's rows as drawn (its own lines: the screen's text mixes the panes' cells)."""
    article_list = app.article_list
    return [article_list.render_line(y).text for y in range(article_list.scrollable_content_region.height)]


async def test_at_80x24_the_tree_leaves_titles_12_columns(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, app)
        await until(pilot, lambda: bool(app.sub_title))
        assert not app.section_tree.display
        await pilot.press("t")
        await until(pilot, lambda: app.section_tree.display and app.section_tree.region.width > 0)
        await pilot.pause()
        assert app.section_tree.display and app.article_list.title_room() >= 12
        # The first row's title, as drawn: at least 12 columns of it after "● 02-21 消息 ".
        first = _list_rows(app)[0]
        title = first[first.index("消息") + 3 :]
        assert cell_len(title.rstrip("… ")) >= 11 and "“绿色问诊”" in title


async def test_the_kind_label_then_the_tree_give_way_to_titles(
    many_issues_library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "library.db"
    shutil.copy(many_issues_library, db)
    app = LiaochengApp(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot, app)
        await until(pilot, lambda: app.article_list.show_year)  # the dates take 10 columns
        await pilot.pause()
        # Full dates and the kind label would leave 11 columns: the label gives way.
        assert app.article_list.title_room() >= 12
        first = _list_rows(app)[0]
        assert first.startswith("● 2023-02-21 “绿色问诊”开良") and "消息" not in first
        await pilot.press("t")
        await until(pilot, lambda: app.section_tree.display and app.section_tree.region.width > 0)
        await pilot.pause()
        assert app.section_tree.display and app.article_list.title_room() >= 12
        await pilot.resize_terminal(70, 24)
        await until(pilot, lambda: not app.section_tree.display)
        await until(
            pilot, lambda: any("Too narrow for the tree" in message for message in notifications_of(app))
        )


async def test_the_footer_never_cuts_an_entry(db_path: Path) -> None:
    from liaocheng_tui.tui.footer import KeyFooter

    app = LiaochengApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, app)
        footer = app.query_one(KeyFooter)
        for widget in (app.article_list, app.reader, app.search_bar):
            widget.focus()
            await pilot.pause()
            line = screen_text(app).splitlines()[-1]
            shown = line.split("▏")[0].rstrip()
            whole = "".join(f" {entry.key_display} {entry.description} " for entry in footer.entries)
            assert whole.startswith(shown + " ") or whole.rstrip() == shown, (shown, whole)
            # It ends after a whole entry's description, not inside it.
            assert any(shown.endswith(entry.description) for entry in footer.entries), shown


async def test_the_header_never_cuts_a_word(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, app)
        await until(pilot, lambda: bool(app.sub_title))
        app.sub_title = "12345 篇 articles · 6789 版 pages · 4321 期 issues · changed on disk: r reloads"
        await pilot.pause()
        header = screen_text(app).splitlines()[0].strip()
        assert "…" not in header
        # The note outlasts the counts (64 columns between the icons: no room for both here).
        assert header.endswith("聊城 liaocheng-tui — changed on disk: r reloads"), header
        app.sub_title = "12345 篇 articles · 6789 版 pages · 4321 期 issues"
        await pilot.pause()
        header = screen_text(app).splitlines()[0].strip()
        assert header.endswith("聊城 liaocheng-tui — 12345 篇 articles · 6789 版 pages"), header
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert screen_text(app).splitlines()[0].strip().endswith("6789 版 pages · 4321 期 issues")


@pytest.mark.parametrize("size", [(80, 24), (99, 30), (100, 30), (160, 48)])
async def test_the_predicted_list_width_is_the_laid_out_one(db_path: Path, size: tuple[int, int]) -> None:
    """The tree's decision uses list_width(); it must agree with what liaocheng.tcss lays out."""
    from liaocheng_tui.tui.app import list_width

    for tree in (True, False):
        app = LiaochengApp(db_path)
        app.tree_forced = tree
        async with app.run_test(size=size) as pilot:
            await ready(pilot, app)
            await pilot.pause()
            assert app.section_tree.display is tree
            assert app.article_list.region.width - 3 == list_width(size[0], tree=tree)
