"""SearchResult.order: relevance up to RANK_LIMIT matches, newest first (score 0) above it."""

from __future__ import annotations

import pytest

import liaocheng_tui.search as search_module
from liaocheng_tui.build import build_library
from liaocheng_tui.search import Searcher
from liaocheng_tui.store import Library


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Library:
    library = Library(tmp_path_factory.mktemp("order") / "library.db")
    build_library(library)
    return library


def test_order_is_relevance_below_the_limit_and_newest_above(
    seeds: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    searcher = Searcher(seeds)
    ranked = searcher.search("聊城", limit=500)
    assert ranked.order == "relevance" and ranked.total > 3
    assert all(hit.score > 0 for hit in ranked.hits)
    monkeypatch.setattr(search_module, "RANK_LIMIT", 3)
    for text in ("聊城", "聊城 date:2023"):  # a pure FTS match, and one with a row condition
        newest = searcher.search(text, limit=500)
        assert newest.order == "newest", text
        assert all(hit.score == 0.0 for hit in newest.hits)
        records = seeds.articles([hit.article_id for hit in newest.hits])
        dates = [record.date or "" for record in records]
        assert dates == sorted(dates, reverse=True)


def test_order_of_unrankable_and_empty_queries(seeds: Library) -> None:
    searcher = Searcher(seeds)
    assert searcher.search("kind:news").order == "newest"
    assert searcher.search("市").order == "newest"  # one character: no bigram to rank by
    assert searcher.search("绝无此词组合").order == "relevance"  # nothing found: nothing reordered
