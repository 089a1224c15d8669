"""The article list at archive scale: 100k articles, only the visible rows are fetched."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, ClassVar

import pytest
from test_app_support import SyntheticLibrary, SyntheticSearcher, search_keys, settle, until
from textual.pilot import Pilot
from textual.worker import Worker

from liaocheng_tui.tui.app import LiaochengApp

SIZE = 100_000


def make_app(tmp_path: Path) -> tuple[LiaochengApp, list[SyntheticLibrary]]:
    opened: list[SyntheticLibrary] = []

    def open_library(path: Path) -> Any:
        library = SyntheticLibrary(path, SIZE)
        opened.append(library)
        return library

    app = LiaochengApp(tmp_path / "unused.db", open_library=open_library, open_searcher=SyntheticSearcher)
    return app, opened


async def search_everything(pilot: Pilot[Any], app: LiaochengApp) -> None:
    """Search the synthetic archive (every article matches) and wait for the first page.

    Enter, not typing, starts the search (the app's debounce set to an hour): a debounced search
    as well could finish right after Enter's, and the count would pass 1 between two looks at it
    (seen once, on a loaded machine)."""
    app.search_debounce = 3600.0
    await settle(pilot, app)
    await search_keys(pilot, app, *"文章", "enter")
    await until(pilot, lambda: app.searches_run == 1)
    await settle(pilot, app)


async def test_100k_list_fetches_only_visible_rows(tmp_path: Path) -> None:
    app, opened = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)  # the tree: not what is timed
        ui_library = opened[0]
        article_list = app.article_list
        assert len(article_list.ids) == SIZE
        visible_rows = article_list.scrollable_content_region.height
        # A screenful (plus a little read-ahead), not the archive.
        assert 0 < len(set(ui_library.fetched)) <= visible_rows + 10
        await pilot.press("G")
        await settle(pilot, app)
        assert article_list.cursor == SIZE - 1
        assert app.reader.record is not None and app.reader.record.id == SIZE
        assert SIZE in ui_library.fetched
        assert len(set(ui_library.fetched)) <= 3 * (visible_rows + 10)
        assert len(article_list.cache) <= 1024
        await pilot.press("g", "j", "j")
        await settle(pilot, app)
        assert article_list.cursor == 2 and app.reader.record.id == 3


async def test_100k_search_pages_in_more_results(tmp_path: Path) -> None:
    app, _opened = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_everything(pilot, app)
        article_list = app.article_list
        assert article_list.total == SIZE
        first_page = len(article_list.ids)
        assert 0 < first_page < SIZE
        await pilot.press("G")
        await until(pilot, lambda: len(article_list.ids) > first_page)
        await settle(pilot, app)
        assert article_list.border_subtitle == f"{SIZE} results"


async def test_related_articles_wait_until_the_cursor_rests(tmp_path: Path) -> None:
    """Paging through the list must not run a related-articles query for every row passed."""
    calls: list[int] = []

    class CountingSearcher(SyntheticSearcher):
        def related(self, article_id: int, limit: int = 3) -> list[int]:
            calls.append(article_id)
            return super().related(article_id, limit)

    app = LiaochengApp(
        tmp_path / "unused.db",
        open_library=lambda path: SyntheticLibrary(path, SIZE),
        open_searcher=CountingSearcher,
    )
    # The quiet-time load of jieba's dictionary would look the shown article up once more,
    # whenever it happens to end (for its keywords): not what is counted here.
    app.warm_up_quiet = 3600.0
    async with app.run_test(size=(120, 40)) as pilot:
        # The first article's lookup is debounced too (settle waits for its timer and worker).
        await settle(pilot, app)
        assert len(calls) == 1
        calls.clear()
        for _ in range(20):
            app.article_list.action_page_down()
        await settle(pilot, app)
        current = app.article_list.current_id
        assert calls == [current]
        assert app.reader.related and app.reader.related[0].id == current + 1  # type: ignore[operator]


async def test_list_paints_before_the_tree_is_filled(tmp_path: Path) -> None:
    """The list is shown from on_mount; the tree and the header counts follow from a worker."""
    app, _opened = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.ready and len(app.article_list.ids) == SIZE
        await settle(pilot, app)
        assert f"{SIZE} 篇" in str(app.sub_title)
        assert app.section_tree.starred_node is not None


class CountingSearcher(SyntheticSearcher):
    """Notes every related-articles lookup (``calls``, shared by the app's two threads)."""

    calls: ClassVar[list[int]]

    def related(self, article_id: int, limit: int = 3) -> list[int]:
        self.calls.append(article_id)
        return super().related(article_id, limit)


def counting_app(tmp_path: Path) -> tuple[LiaochengApp, list[int]]:
    calls: list[int] = []
    searcher = type("Searcher", (CountingSearcher,), {"calls": calls})
    app = LiaochengApp(
        tmp_path / "unused.db", open_library=lambda path: SyntheticLibrary(path, SIZE), open_searcher=searcher
    )
    app.warm_up_quiet = 3600.0  # no dictionary load unless the test asks for it
    return app, calls


def extras_lookups(app: LiaochengApp) -> list[Worker[Any]]:
    """The related-articles lookups asked for (their timer fired) and not done."""
    return [worker for worker in app.workers if worker.group == "extras" and not worker.is_finished]


async def test_a_lookup_queued_behind_the_warm_up_runs_once_with_keywords(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warm-up's end used to start a second lookup of the article whose lookup was already
    queued behind it (asked for before the dictionary was there, so without keywords)."""
    import liaocheng_tui.analysis

    warming, gate = threading.Event(), threading.Event()

    def warm_up_at_the_gate() -> None:  # stands in for loading jieba's dictionary
        warming.set()
        assert gate.wait(60)

    monkeypatch.setattr(liaocheng_tui.analysis, "warm_up_search", warm_up_at_the_gate)
    app, calls = counting_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert calls == [1] and app.reader.keywords is None  # no dictionary yet
        app.warm_up_quiet = 0.0
        await until(pilot, warming.is_set)  # the warm-up holds the background thread
        await pilot.press("j")
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == 2)
        await until(pilot, lambda: bool(extras_lookups(app)))  # queued behind the warm-up
        gate.set()
        await until(pilot, lambda: app.warm)
        await settle(pilot, app)
        assert calls == [1, 2]
        assert app.reader.keywords == ["合成", "新闻"]


async def test_a_superseded_lookup_is_dropped_before_it_runs(tmp_path: Path) -> None:
    app, calls = counting_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        calls.clear()
        busy, gate = threading.Event(), threading.Event()

        def hold_the_thread(_library: Any, _searcher: Any) -> None:
            busy.set()
            assert gate.wait(60)

        app.run_worker(app.in_background(hold_the_thread))
        await until(pilot, busy.is_set)
        seen: list[Worker[Any]] = []
        for _ in (2, 3):
            await pilot.press("j")
            # Its lookup is asked for once the cursor has rested, behind the busy thread.
            await until(pilot, lambda: any(worker not in seen for worker in extras_lookups(app)))
            seen.extend(extras_lookups(app))
        gate.set()
        await settle(pilot, app)
        assert calls == [3]
        assert [record.id for record in app.reader.related] == [4, 5, 6]


async def test_g_on_a_partial_result_list_goes_to_the_last_result_loaded_for_it(tmp_path: Path) -> None:
    from liaocheng_tui.tui.article_list import END_PAGE

    app, _opened = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_everything(pilot, app)
        article_list = app.article_list
        for _ in range(2):
            loaded = len(article_list.ids)
            await pilot.press("G")
            # Before: G stopped at the last row loaded (50 of 100,000) and loaded 50 more.
            await until(pilot, lambda loaded=loaded: article_list.cursor == loaded + END_PAGE - 1)
            await settle(pilot, app)
            assert app.reader.record is not None and app.reader.record.id == loaded + END_PAGE
        # A move of the user's own before the results come keeps the cursor where they put it
        # (called in order here: pressed, the results could come between G and k).
        loaded = len(article_list.ids)
        article_list.action_last()
        article_list.action_cursor_up()
        more = (
            SyntheticSearcher(SyntheticLibrary(tmp_path / "x.db", SIZE))
            .search("文章", limit=END_PAGE, offset=loaded)
            .hits
        )
        article_list.append_rows(more)
        assert len(article_list.ids) == loaded + END_PAGE and article_list.cursor == loaded - 2
