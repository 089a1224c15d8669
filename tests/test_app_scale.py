"""The article list at archive scale: 100k articles, only the visible rows are fetched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_app_support import SyntheticLibrary, SyntheticSearcher, workers_done

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


async def test_100k_list_fetches_only_visible_rows(tmp_path: Path) -> None:
    app, opened = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await workers_done(app)  # the tree: not what is timed
        ui_library = opened[0]
        article_list = app.article_list
        assert len(article_list.ids) == SIZE
        visible_rows = article_list.scrollable_content_region.height
        # A screenful (plus a little read-ahead), not the archive.
        assert 0 < len(set(ui_library.fetched)) <= visible_rows + 10
        await pilot.press("G")
        await pilot.pause()
        assert article_list.cursor == SIZE - 1
        assert app.reader.record is not None and app.reader.record.id == SIZE
        assert SIZE in ui_library.fetched
        assert len(set(ui_library.fetched)) <= 3 * (visible_rows + 10)
        assert len(article_list.cache) <= 1024
        await pilot.press("g", "j", "j")
        await pilot.pause()
        assert article_list.cursor == 2 and app.reader.record.id == 3


async def test_100k_search_pages_in_more_results(tmp_path: Path) -> None:
    app, _opened = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"文章", "enter")
        await pilot.pause(0.4)
        await workers_done(app)
        article_list = app.article_list
        assert article_list.total == SIZE
        first_page = len(article_list.ids)
        assert 0 < first_page < SIZE
        await pilot.press("G")
        await pilot.pause()
        await workers_done(app)
        await pilot.pause()
        assert len(article_list.ids) > first_page
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
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        # The first article's lookup is debounced too: a timer, which wait_for_complete does not
        # wait for. Let it happen before counting, or it lands among the paging's calls.
        for _ in range(100):
            if calls:
                break
            await pilot.pause(0.05)
        await workers_done(app)
        assert len(calls) == 1
        calls.clear()
        for _ in range(20):
            app.article_list.action_page_down()
        await pilot.pause(0.3)
        await workers_done(app)
        await pilot.pause()
        current = app.article_list.current_id
        assert calls == [current]
        assert app.reader.related and app.reader.related[0].id == current + 1  # type: ignore[operator]


async def test_list_paints_before_the_tree_is_filled(tmp_path: Path) -> None:
    """The list is shown from on_mount; the tree and the header counts follow from a worker."""
    app, _opened = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.ready and len(app.article_list.ids) == SIZE
        await pilot.pause(0.3)
        await workers_done(app)
        await pilot.pause()
        assert f"{SIZE} 篇" in str(app.sub_title)
        assert app.section_tree.starred_node is not None
