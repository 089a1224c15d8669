"""Recall: search must return exactly the articles a brute-force substring scan finds.

Two libraries are checked: the seeds through ``parse_page`` (whatever the parser does today),
and the seeds cut by hand into one article per text block (many small articles, with titles
and bylines), so the test does not depend on the parser's exact output.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaocheng_tui.parse import parse_page
from liaocheng_tui.parse.models import Article, Page
from liaocheng_tui.query import QueryError, Term, parse_query
from liaocheng_tui.search import Searcher
from liaocheng_tui.store import ArticleRecord, Library
from liaocheng_tui.textfold import fold

FIELDS = ("kicker", "title", "subtitle", "byline", "body")


def blocks_page(path: Path, text: str) -> Page:
    articles: list[Article] = []
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    for index, block in enumerate(blocks, start=1):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        short_head = len(lines[0]) <= 30
        articles.append(
            Article(
                seq=index,
                title=lines[0] if short_head else None,
                byline=lines[1] if short_head and len(lines) > 2 and len(lines[1]) < 20 else None,
                kicker="引" + str(index % 7) if index % 5 == 0 else None,
                paragraphs=lines[1:] if short_head else lines,
                kind="news" if short_head else "photo",
            )
        )
    return Page(source="blocks-" + path.name, articles=articles)


def build(tmp: Path, seed_paths: list[Path], make: Callable[[Path, str], Page]) -> Library:
    library = Library(tmp / "lib.db")
    for path in seed_paths:
        raw = path.read_text(encoding="utf-8")
        library.add_page(make(path, raw), raw, hashlib.sha256(raw.encode()).hexdigest())
    return library


@pytest.fixture(scope="module", params=["parsed", "blocks"])
def corpus(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]
) -> tuple[Searcher, list[ArticleRecord]]:
    tmp = tmp_path_factory.mktemp(request.param)
    if request.param == "parsed":
        library = build(tmp, seed_paths, lambda p, raw: parse_page(raw, p.name))
    else:
        library = build(tmp, seed_paths, blocks_page)
    records = library.articles(library.article_ids())
    assert records
    return Searcher(library), records


def texts(record: ArticleRecord) -> list[str]:
    return [fold(getattr(record, name) or "") for name in FIELDS]


def oracle(records: list[ArticleRecord], term: str) -> set[int]:
    folded = fold(term)
    return {r.id for r in records if any(folded in text for text in texts(r))}


def plain(term: str) -> bool:
    """Whether the query language reads ``term`` as itself: one plain substring term."""
    try:
        return parse_query(term).groups == ((Term(fold(term)),),) and not parse_query(term).excluded
    except ValueError:
        return False


def sample_terms(records: list[ArticleRecord], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    sources = [text for r in records for text in (r.kicker, r.title, r.subtitle, r.byline, r.body) if text]
    terms: list[str] = []
    while len(terms) < count:
        text = rng.choice(sources)
        length = rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8))
        start = rng.randrange(0, max(1, len(text) - length + 1))
        term = text[start : start + length]
        if term and not any(c.isspace() for c in term) and plain(term):
            terms.append(term)
    return terms


def check(searcher: Searcher, query: str, expected: set[int]) -> None:
    found = searcher.matching_ids(parse_query(query))
    assert len(found) == len(set(found)), query
    assert set(found) == expected, (
        f"query {query!r}: extra {set(found) - expected}, missing {expected - set(found)}"
    )


FIXED = [
    "聊城", "城市", "市工", "聊城市", "工信", "绿", "的", "。", "，", ",", "“", "”", "(", ")", "——", "■",
    "55", "2023", "2022", "20", "1", "0", "A", "a", "B", "AB", "GDP", "“良方”", "12月", "28日",
    "聊城日报", "本报记者", "NEAR(", "*", "%", "_", "'", ";", "--x", "２０２３", "ａ",
]  # fmt: skip


def test_fixed_terms_match_the_oracle(corpus: tuple[Searcher, list[ArticleRecord]]) -> None:
    searcher, records = corpus
    checked = 0
    for term in FIXED:
        if plain(term):
            check(searcher, term, oracle(records, term))
            checked += 1
    assert checked >= 35
    # sanity: the common terms do occur, so the comparison is not vacuous
    assert oracle(records, "聊城") and oracle(records, "城市") and oracle(records, "2023")


def test_random_substrings_match_the_oracle(corpus: tuple[Searcher, list[ArticleRecord]]) -> None:
    searcher, records = corpus
    terms = sample_terms(records, 400, seed=20240601)
    for term in terms:
        check(searcher, term, oracle(records, term))


def test_boolean_combinations_match_the_oracle(corpus: tuple[Searcher, list[ArticleRecord]]) -> None:
    searcher, records = corpus
    terms = sample_terms(records, 240, seed=7)
    for a, b in zip(terms[0::2], terms[1::2], strict=True):
        has_a, has_b = oracle(records, a), oracle(records, b)
        check(searcher, f"{a} {b}", has_a & has_b)
        check(searcher, f"{a} OR {b}", has_a | has_b)
        check(searcher, f"{a} -{b}", has_a - has_b)


def test_ranked_search_returns_the_same_set(corpus: tuple[Searcher, list[ArticleRecord]]) -> None:
    searcher, records = corpus
    for term in [*sample_terms(records, 30, seed=99), "聊城", "城市"]:
        expected = oracle(records, term)
        result = searcher.search(term, limit=len(records) + 1)
        assert result.total == len(expected)
        assert {hit.article_id for hit in result.hits} == expected
        scores = [hit.score for hit in result.hits]
        assert scores == sorted(scores, reverse=True)
        for hit in result.hits:  # every hit highlights at least one occurrence
            assert any(hit.spans.values()), term


def test_quoted_phrase_with_inner_space(corpus: tuple[Searcher, list[ArticleRecord]]) -> None:
    searcher, records = corpus
    # spaces next to Han characters are dropped, and the phrase as typed is found too
    check(searcher, '"聊城 市"', oracle(records, "聊城市") | oracle(records, "聊城 市"))


ALPHABET = "聊城市工信局绿色发展诊断的了。，,、“”()-—■:%05 2023Aab县区"


@given(term=st.text(alphabet=ALPHABET, min_size=1, max_size=4))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_generated_terms_match_the_oracle(corpus: tuple[Searcher, list[ArticleRecord]], term: str) -> None:
    searcher, records = corpus
    if plain(term):
        check(searcher, term, oracle(records, term))
    else:  # spaces, quotes, "-x", "OR" ...: must still run without error
        try:
            searcher.search(term, limit=1)
        except QueryError as error:
            assert "\n" not in str(error)
