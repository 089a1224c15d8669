"""The key footer and the section tree: what they show and how they fit the pane."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from test_app_support import GREEN, screen_text, search_keys, settle, until

from liaocheng_tui.search import Searcher, SearchResult
from liaocheng_tui.store import Library, TreeDate, TreePublication, TreeSection
from liaocheng_tui.tui.app import SEARCH_FRAME_HOLD, LiaochengApp
from liaocheng_tui.tui.footer import KeyFooter
from liaocheng_tui.tui.screens import ConfirmScreen, ExportScreen


class GatedSearcher(Searcher):
    """A searcher whose searches wait until the test opens the gate, as on a busy thread."""

    def __init__(self, library: Library, gate: threading.Event, entered: threading.Event) -> None:
        super().__init__(library, wait_for_dictionary=False)
        self.gate = gate
        self.entered = entered

    def search(self, text: str, **options: Any) -> SearchResult:
        self.entered.set()
        assert self.gate.wait(60), "the test never opened the gate"
        return super().search(text, **options)


def gated_app(db_path: Path) -> tuple[LiaochengApp, threading.Event, threading.Event]:
    """An app whose searches wait for the gate (returned with it, and with the event a search
    sets when it has reached the gate)."""
    gate, entered = threading.Event(), threading.Event()
    app = LiaochengApp(db_path, open_searcher=lambda library: GatedSearcher(library, gate, entered))
    return app, gate, entered


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

        await search_keys(pilot, app)
        await until(pilot, lambda: app.focused is app.search_bar)
        line = footer_line(app)
        # Printable keys type into the search bar, so their bindings are not offered (as in Textual;
        # "/ Search" was, a dead key there): the bar's own keys are.
        assert line.startswith(" ↑ History  ⏎ Results  Esc Leave ")
        assert "Search" not in line and "Open" not in line and "Quit" not in line

        app.section_tree.focus()
        # Before: " q Quit ...", as if the tree had no key of its own.
        await until(pilot, lambda: footer_line(app).startswith(" ⏎ Show  q Quit  ? Help  / Search "))

        app.reader.focus()
        # No search, so no match to step to: n and N are not offered (they were, first).
        await until(pilot, lambda: footer_line(app).startswith(" q Quit  ? Help  / Search  e Export "))
        assert "Next match" not in footer_line(app) and "] Next  t Tree " in footer_line(app)
        assert len(app.query_one(KeyFooter).children) == 0

        await search_keys(pilot, app, *GREEN, "enter")
        await until(pilot, lambda: app.current_query == GREEN)
        await pilot.press("enter")
        await until(pilot, lambda: app.focused is app.reader and app.reader.hit is not None)
        await until(pilot, lambda: footer_line(app).startswith(" n Next match  N Prev match  q Quit "))


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
        await until(pilot, lambda: app.focused is app.search_bar)


async def test_narrow_tree_shortens_names_and_never_crops_a_count(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("t")
        # More sections than the pane has lines, so the tree shows its scrollbar (one cell less).
        sections = [TreeSection(f"要闻·聊城新闻综合版面{n}", "section", 1234) for n in range(30)]
        date = TreeDate("2023-01-01", 30, sections)
        app.section_tree.populate([TreePublication("大众日报·聊城新闻", 24, [date])], [], [], 0, 24)

        def tree_panes() -> list[str]:
            return [line.split("│")[1] for line in screen_text(app).split("\n")[5:22]]

        # Drawn once the tree has its new lines and the scrollbar they need.
        await until(pilot, lambda: "大众日报" in tree_panes()[1] and "1234" in tree_panes()[3])
        await settle(pilot, app)
        # The tree pane is 24 cells: two borders, 21 cells of labels and the scrollbar's column.
        panes = tree_panes()
        assert all(cell_len(pane) == 22 for pane in panes)
        labels = [pane[:-1] for pane in panes]
        # "▼ " 2 cells + name + " 24" 3 cells: 16 cells left for the name, so 15 of it and "…"
        # (大众日报 8, · 1, 聊城新 6); before, the count was cut to "2".
        assert labels[1] == "▼ 大众日报·聊城新… 24"
        assert labels[2] == "└ ▼ 2023-01-01 30    "
        # Depth 2: guides "  ├ " take 4 cells, " 1234" 5: 12 for the name, 11 of it and "…".
        assert labels[3] == "  ├ 要闻·聊城新… 1234"


async def test_reader_opens_only_the_row_the_cursor_stops_on(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        opened: list[int] = []
        reader = app.reader
        show = reader.show

        def counting_show(record: Any, hit: Any = None) -> None:
            opened.append(record.id)
            show(record, hit)

        reader.show = counting_show  # type: ignore[method-assign]
        article_list = app.article_list
        for _ in range(3):  # three rows down within one frame, as a fast key repeat does
            article_list.cursor += 1
        assert opened == []  # the list is drawn first
        await settle(pilot, app)
        assert opened == [article_list.ids[3]]
        assert app.reader.record is not None and app.reader.record.id == article_list.ids[3]
        # Starring right after a move acts on the row under the cursor, not the previous one.
        article_list.cursor = 1
        await pilot.press("s")
        assert app.library is not None
        await until(pilot, lambda: app.library.article(article_list.ids[1]).starred)  # type: ignore[union-attr]


async def test_enter_holds_frames_until_the_results(db_path: Path) -> None:
    app, gate, entered = gated_app(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        app.search_frame_hold = 3600.0  # only the results (or a wrong release) end it here
        app.search_debounce = 3600.0  # Enter, not typing, starts the search, however slow the keys
        await search_keys(pilot, app, *"绿色", "enter")
        await until(pilot, entered.is_set)  # the search waits at the gate
        assert app.frames_held and app.focused is app.article_list  # keys go to the list
        gate.set()
        await until(pilot, lambda: app.searches_run == 1)
        await settle(pilot, app)
        assert not app.frames_held and app.article_list.border_subtitle == "1 result"  # 绿色问诊 only


async def test_enter_never_holds_frames_for_long(db_path: Path) -> None:
    app, gate, entered = gated_app(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        assert app.search_frame_hold == SEARCH_FRAME_HOLD <= 0.15
        app.search_debounce = 3600.0
        await search_keys(pilot, app, *"绿色", "enter")
        await until(pilot, entered.is_set)
        # The results cannot come while the gate is shut, yet the screen is drawn again.
        await until(pilot, lambda: not app.frames_held)
        assert app.searches_run == 0
        gate.set()
        await until(pilot, lambda: app.searches_run == 1)
        await settle(pilot, app)
        assert app.article_list.border_subtitle == "1 result"
        # A quick search releases the hold as soon as its results are shown.
        app.search_frame_hold = 3600.0
        app.action_focus_search()
        await pilot.press(*"诊断", "enter")
        await settle(pilot, app)
        assert not app.frames_held and app.searches_run == 2


async def test_a_superseded_search_does_not_end_the_newer_ones_hold(db_path: Path) -> None:
    app, gate, entered = gated_app(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        app.search_frame_hold = 3600.0  # only the results (or a wrong release) end it here
        await search_keys(pilot, app, *"绿色")
        await until(pilot, entered.is_set)  # the debounced search for 绿色 waits at the gate
        older = [worker for worker in app.workers if worker.group == "search" and not worker.is_finished]
        assert len(older) == 1
        app.search_debounce = 3600.0  # Enter, not typing, starts the next one
        await pilot.press(*"诊断", "enter")  # supersedes it
        await until(pilot, lambda: older[0].is_finished)  # cancelled, its clean-up done
        assert app.frames_held  # the older search let go of nothing it did not hold
        gate.set()
        await until(pilot, lambda: app.searches_run == 1)
        await settle(pilot, app)
        assert not app.frames_held and app.current_query == "绿色诊断"


def test_the_reader_counts_one_match_in_the_singular() -> None:
    from liaocheng_tui.tui.reader import Match, Reader

    reader = Reader()
    assert reader.match_label == ""
    reader.matches = [Match("body", 0, 2)]
    assert reader.match_label == "1 match · n/N"
    reader.matches = [Match("body", 0, 2), Match("body", 5, 7)]
    assert reader.match_label == "2 matches · n/N"
    reader.match_index = 1
    assert reader.match_label == "match 2/2"


async def test_a_dialog_answered_before_it_is_mounted_does_not_crash_the_app(db_path: Path) -> None:
    """y typed ahead can answer the overwrite question (and Esc close the export dialog) before
    their widgets are mounted; their on_mount then found no button to focus and raised."""
    app = LiaochengApp(db_path)
    answers: list[bool | None] = []
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        question = ConfirmScreen("Overwrite it?")
        app.push_screen(question, answers.append)
        question.dismiss(True)  # before the screen had a chance to mount
        record = app.reader.record
        assert record is not None
        dialog = ExportScreen(record.headline, "x.txt")
        app.push_screen(dialog)
        dialog.dismiss(None)
        await until(pilot, lambda: answers == [True] and app.screen is app.screen_stack[0])
        await settle(pilot, app)
        assert app.is_running
