"""The app shows what the query language refuses, and the order of results (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_support import search_keys, settle, until

import liaocheng_tui.search as search_module
from liaocheng_tui.tui.app import LiaochengApp


async def test_a_bad_date_is_shown_in_the_search_border(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await search_keys(pilot, app, *"date:2023-13", "enter")
        await until(pilot, lambda: app.search_error is not None)
        assert app.search_error is not None and "no month 13" in app.search_error
        assert "no month 13" in str(app.search_bar.border_subtitle)


async def test_the_results_border_says_newest_first_above_the_limit(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await search_keys(pilot, app, *"企业", "enter")
        await until(pilot, lambda: app.search_result is not None)
        assert app.search_result is not None and app.search_result.total == 2
        assert app.search_result.order == "relevance"
        assert app.article_list.border_subtitle == "2 results"
        monkeypatch.setattr(search_module, "RANK_LIMIT", 1)
        first = app.search_result
        await search_keys(pilot, app, "ctrl+u", *"企业", "enter")
        # ctrl+u clears the search (no result) before the query is typed again: wait for a result.
        await until(pilot, lambda: app.search_result is not None and app.search_result is not first)
        assert app.search_result is not None and app.search_result.order == "newest"
        assert app.article_list.border_subtitle == "2 results · newest first"
