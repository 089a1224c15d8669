"""Search: exact-substring recall over FTS5, bm25 ranking, snippets and highlights.

Recall is exact by construction (see store.py for the index tables).  After folding, a term is:

- one character: a token of ``fts_char``, present iff the character occurs in the field group;
- all word characters (Han, letters, digits): a phrase of its overlapping bigrams in ``fts_gram``,
  which matches iff the term occurs inside one word run of one field;
- anything else (punctuation inside, say): the conjunction of its bigram phrases and characters
  picks candidates, and each candidate is verified in Python with the same substring rule.

Ranking adds, for each term, a bigram phrase per jieba search-mode word (HMM off) of the term.
Those phrases are implied by the term's own phrase, so the result set does not change, but bm25
sees word-level statistics.  Heads (kicker, title, subtitle) weigh 10, bodies 1.  Above
``RANK_LIMIT`` matches, results are newest first so latency stays bounded.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from liaocheng_tui.analysis import cut_for_search, dictionary_ready
from liaocheng_tui.query import Atom, Filter, Query, Term, parse_query
from liaocheng_tui.textfold import bigram_phrase, char_token, fold, is_word_char, word_runs

if TYPE_CHECKING:
    from liaocheng_tui.store import ArticleRecord, Library

# bm25 costs about 12 µs a match (on the 2-core bench machine), so ranking stops at 1,500 (~18 ms);
# above it, results are newest first, which only needs the count and a walk of the date index.
RANK_LIMIT = 1500
# How much dearer probing the FTS index for one article is than collecting one match (see
# Searcher._dense_page); measured at about 40 µs against 0.15 µs.
PROBE_COST_RATIO = 270
HEAD_WEIGHT = 10.0
BODY_WEIGHT = 1.0
SNIPPET_CHARS = 90
SNIPPET_LEAD = 20

HIGHLIGHT_FIELDS = ("kicker", "title", "subtitle", "byline", "body")
_HEAD_FIELDS = ("kicker", "title", "subtitle")


# -- highlighting --------------------------------------------------------------------------------


def _spans_in_folded(folded: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for term in terms:
        if not term:
            continue
        start = folded.find(term)
        while start >= 0 and len(spans) < 10000:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def find_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """[start, end) offsets in ``text`` of every occurrence of each term, by the matching fold.

    Overlapping and touching occurrences are merged; the spans are sorted.
    """
    return _spans_in_folded(fold(text), [fold(term) for term in terms])


# -- searching -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    article_id: int
    score: float
    snippet: str
    snippet_spans: list[tuple[int, int]]
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


SearchOrder = Literal["relevance", "newest"]


@dataclass(frozen=True)
class SearchResult:
    """``order``: "relevance" (bm25, best first) or "newest" (newest first, every score 0): the
    order above :data:`RANK_LIMIT` matches, and for a query of filters alone."""

    query: Query
    total: int
    hits: list[Hit]
    order: SearchOrder = "relevance"


def _quoted(tokens: str) -> str:
    # Tokens are folded word characters or x-hex spellings: never a quote, so quoting is safe.
    return f'"{tokens}"'


def _term_pieces(text: str) -> tuple[list[str], list[str]]:
    """(bigram runs of 2+ chars, single-character tokens) that every occurrence of ``text`` has."""
    runs = [run for run in word_runs(text) if len(run) >= 2]
    covered = set("".join(runs)) if runs else set()
    singles = sorted({char_token(c) for c in text if not c.isspace() and c not in covered})
    return runs, singles


def _verify(term: str, scope: str, *fields: str | None) -> int:
    checked = [value for value in (fields[:3] if scope == "title" else fields) if value]
    # ``term`` is folded and folding maps character for character, so a literal hit is a hit.
    return int(any(term in value for value in checked) or any(term in fold(value) for value in checked))


def _snippet(
    body: str, folded: str, terms: Sequence[str], spans: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``body`` around its densest matches; ``folded`` is ``fold(body)``."""
    flat = body.replace("\n", " ")
    if len(flat) <= SNIPPET_CHARS:
        return flat, spans
    best_start, best_score = 0, -1
    for span_start, _ in spans[:40]:
        start = max(0, min(span_start - SNIPPET_LEAD, len(flat) - SNIPPET_CHARS))
        window = folded[start : start + SNIPPET_CHARS]
        score = sum(1 for term in terms if term and term in window)
        if score > best_score:
            best_start, best_score = start, score
    end = min(len(flat), best_start + SNIPPET_CHARS)
    prefix = "…" if best_start > 0 else ""
    text = prefix + flat[best_start:end] + ("…" if end < len(flat) else "")
    shift = len(prefix) - best_start
    inside = [
        (max(start, best_start) + shift, min(stop, end) + shift)
        for start, stop in spans
        if stop > best_start and start < end
    ]
    return text, inside


_VERIFY_SQL = "lc_contains(?, ?, a.kicker, a.title, a.subtitle, a.byline, a.body)"


@dataclass(frozen=True)
class _Plan:
    """A query as one fts_gram and one fts_char MATCH expression ("" for none) and row conditions."""

    gram: str
    char: str
    conditions: tuple[tuple[str, list[Any]], ...]
    # A filter on the articles row (date, kind, author ...) that can drive the query through an
    # index, so the FTS matches become a membership test instead of a row lookup each.
    filtered: bool = False


def _index_of(atom: Atom) -> str:
    """Which index answers the atom exactly by itself: "gram", "char", or "" (neither)."""
    if not isinstance(atom, Term):
        return ""
    if len(atom.text) == 1:
        return "char"
    return "gram" if all(is_word_char(c) for c in atom.text) else ""


def _index_expression(term: Atom) -> str:
    assert isinstance(term, Term)
    prefix = "head : " if term.scope == "title" else ""
    if len(term.text) == 1:
        return prefix + _quoted(char_token(term.text))
    return prefix + _quoted(bigram_phrase(term.text))


def _candidates(term: Term) -> tuple[str, str]:
    """(fts_gram, fts_char) expressions that every occurrence of a verified term satisfies."""
    prefix = "head : " if term.scope == "title" else ""
    runs, singles = _term_pieces(term.text)
    gram = prefix + "(" + " AND ".join(_quoted(bigram_phrase(r)) for r in runs) + ")" if runs else ""
    # A bigram phrase is selective enough; common punctuation is not worth a second index.
    char = prefix + "(" + " AND ".join(_quoted(t) for t in singles) + ")" if singles and not runs else ""
    return gram, char


class Searcher:
    """Runs queries against a :class:`Library` (sharing its connection and lock)."""

    def __init__(self, library: Library, *, wait_for_dictionary: bool = True) -> None:
        """``wait_for_dictionary`` False: until jieba's dictionary has been loaded (by
        :func:`warm_up_search`, elsewhere), rank by each term's own phrase instead of loading it
        (about a second) in the middle of a search.  The results are the same articles; only
        the order of ranked ones may differ until the dictionary is there."""
        self.library = library
        self.wait_for_dictionary = wait_for_dictionary
        with library.lock, library.translate_errors():
            library.connection.create_function("lc_contains", 7, _verify, deterministic=True)

    # SQL building: every value is a bound parameter; MATCH strings contain only quoted tokens.
    # A query becomes one plan: the terms that the indexes answer exactly go into ONE fts_gram and
    # ONE fts_char MATCH expression (FTS5 intersects the posting lists itself), and everything else
    # (filters, verified terms, mixed OR groups, exclusions) is a condition on the articles row,
    # where a date range can use the newest-first index.  Each atom can also be a SELECT of ids.

    def _term_sql(self, term: Term, params: list[Any]) -> str:
        text = term.text
        prefix = "head : " if term.scope == "title" else ""
        if len(text) == 1:
            params.append(prefix + _quoted(char_token(text)))
            return "SELECT rowid AS id FROM fts_char WHERE fts_char MATCH ?"
        if all(is_word_char(c) for c in text):
            params.append(prefix + _quoted(bigram_phrase(text)))
            return "SELECT rowid AS id FROM fts_gram WHERE fts_gram MATCH ?"
        gram, char = _candidates(term)
        parts: list[str] = []
        if gram:
            params.append(gram)
            parts.append("a.id IN (SELECT rowid FROM fts_gram WHERE fts_gram MATCH ?)")
        if char:
            params.append(char)
            parts.append("a.id IN (SELECT rowid FROM fts_char WHERE fts_char MATCH ?)")
        params.extend([text, term.scope])
        parts.append(_VERIFY_SQL)
        return "SELECT a.id AS id FROM articles a WHERE " + " AND ".join(parts)

    def _matching_values(self, sql: str, value: str) -> list[Any]:
        with self.library.lock, self.library.translate_errors():
            rows = self.library.connection.execute(sql).fetchall()
        return [row[0] for row in rows if row[1] is not None and value in fold(str(row[1]))]

    def _filter_condition(self, flt: Filter, params: list[Any]) -> str:
        """A condition on the articles row ``a`` that holds iff the filter matches."""
        if flt.field == "date":
            params.extend([flt.low, flt.high])
            return "a.date BETWEEN ? AND ?"
        if flt.field == "kind":
            params.append(flt.value)
            return "a.kind = ?"
        if flt.field == "author":
            ids = self._matching_values("SELECT id, name FROM authors", flt.value)
            params.append(json.dumps(ids))
            return (
                "a.id IN (SELECT article_id FROM article_authors "
                "WHERE author_id IN (SELECT value FROM json_each(?)))"
            )
        column = "section" if flt.field == "section" else "column_name"
        values = self._matching_values(
            f"SELECT DISTINCT {column}, {column} FROM articles WHERE {column} IS NOT NULL", flt.value
        )
        params.append(json.dumps(values, ensure_ascii=False))
        return f"a.{column} IN (SELECT value FROM json_each(?))"

    def _atom_sql(self, atom: Atom, params: list[Any]) -> str:
        if isinstance(atom, Term):
            return self._term_sql(atom, params)
        return "SELECT a.id AS id FROM articles a WHERE " + self._filter_condition(atom, params)

    def _plan(self, query: Query) -> _Plan:
        gram: list[str] = []
        char: list[str] = []
        conditions: list[tuple[str, list[Any]]] = []
        filtered = False
        for group in query.groups:
            kinds = {_index_of(atom) for atom in group}
            if kinds == {"gram"} or kinds == {"char"}:
                target = gram if kinds == {"gram"} else char
                target.append("(" + " OR ".join(_index_expression(atom) for atom in group) + ")")
                continue
            params: list[Any] = []
            if len(group) == 1 and isinstance(group[0], Filter):
                conditions.append((self._filter_condition(group[0], params), params))
                filtered = True
            elif len(group) == 1 and isinstance(group[0], Term):  # a term verified in Python
                term = group[0]
                term_gram, term_char = _candidates(term)
                if term_gram:
                    gram.append(term_gram)
                if term_char:
                    char.append(term_char)
                conditions.append((_VERIFY_SQL, [term.text, term.scope]))
            else:
                union = " UNION ".join(self._atom_sql(atom, params) for atom in group)
                conditions.append((f"a.id IN ({union})", params))
        for atom in query.excluded:
            params = []
            conditions.append((f"a.id NOT IN ({self._atom_sql(atom, params)})", params))
        return _Plan(" AND ".join(gram), " AND ".join(char), tuple(conditions), filtered)

    @staticmethod
    def _plan_sql(plan: _Plan, params: list[Any], *, walk_index: bool = False) -> str:
        """``SELECT ... FROM articles a WHERE ...`` for the plan (appends its parameters)."""
        # "+a.id" keeps SQLite from driving the query by FTS ids (a lookup of each article row,
        # bodies and all), so it can walk the newest-first index (or a date range in it, or a
        # filter's index) and test each id against the FTS matches, stopping after a page.
        target = "+a.id" if walk_index or plan.filtered else "a.id"
        where: list[str] = []
        for table, expression in (("fts_gram", plan.gram), ("fts_char", plan.char)):
            if expression:
                params.append(expression)
                where.append(f"{target} IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
        for condition, values in plan.conditions:
            where.append(condition)
            params.extend(values)
        return "FROM articles a WHERE " + " AND ".join(where)

    def id_set_sql(self, query: Query, params: list[Any]) -> str:
        """A SELECT of the ids of every matching article (appends its parameters)."""
        return self._ids_sql(self._plan(query), params)

    def _ids_sql(self, plan: _Plan, params: list[Any]) -> str:
        if not plan.conditions and bool(plan.gram) != bool(plan.char):
            table = "fts_gram" if plan.gram else "fts_char"
            params.append(plan.gram or plan.char)
            return f"SELECT rowid AS id FROM {table} WHERE {table} MATCH ?"
        return "SELECT a.id AS id " + self._plan_sql(plan, params)

    def _rank_match(self, query: Query) -> str | None:
        """An FTS expression every hit satisfies, with word-level phrases for bm25."""
        split_words = self.wait_for_dictionary or dictionary_ready()
        groups: list[str] = []
        for group in query.groups:
            options: list[str] = []
            for atom in group:
                if not isinstance(atom, Term):
                    break
                runs = [r for r in word_runs(atom.text) if len(r) >= 2]
                if not runs:
                    break
                phrases = dict.fromkeys(_quoted(bigram_phrase(r)) for r in runs)
                for run in runs if split_words else ():
                    for word in cut_for_search(run):
                        if len(word) >= 2 and all(is_word_char(c) for c in word):
                            phrases.setdefault(_quoted(bigram_phrase(word)))
                prefix = "head : " if atom.scope == "title" else ""
                options.append(prefix + "(" + " AND ".join(phrases) + ")")
            else:
                groups.append("(" + " OR ".join(options) + ")")
        return " AND ".join(groups) if groups else None

    def _run(self, sql: str, params: Sequence[Any]) -> list[Any]:
        with self.library.lock, self.library.translate_errors():
            return self.library.connection.execute(sql, params).fetchall()

    def _newest_first(
        self, plan: _Plan, limit: int = -1, offset: int = 0, *, walk_index: bool = False
    ) -> list[int]:
        from liaocheng_tui.store import NEWEST_FIRST

        params: list[Any] = []
        sql = f"SELECT a.id {self._plan_sql(plan, params, walk_index=walk_index)} ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?"
        return [row[0] for row in self._run(sql, [*params, limit, offset])]

    def _dense_page(self, plan: _Plan, total: int, limit: int, offset: int) -> list[int] | None:
        """The newest-first page by probing the FTS index per article, when that is cheaper.

        Walking the newest-first index with ``IN (matches)`` first collects every match (about
        0.15 µs each); probing each article instead costs about 40 µs but stops after the page,
        which takes about ``(offset + limit) * articles / total`` probes.  For a term in most
        articles (聊城 in 80%) probing wins; None when it would not.
        """
        from liaocheng_tui.store import NEWEST_FIRST

        if plan.conditions or bool(plan.gram) == bool(plan.char) or limit <= 0:
            return None
        articles = int(self._run("SELECT coalesce(max(id), 0) FROM articles", ())[0][0])
        if (offset + limit) * articles * PROBE_COST_RATIO >= total * total:
            return None
        table = "fts_gram" if plan.gram else "fts_char"
        sql = (
            f"SELECT a.id FROM articles a WHERE EXISTS (SELECT 1 FROM {table} WHERE {table} MATCH ? "
            f"AND rowid = a.id) ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?"
        )
        return [row[0] for row in self._run(sql, (plan.gram or plan.char, limit, offset))]

    def matching_ids(self, query: Query) -> list[int]:
        """Every matching article id, newest first then page order (no ranking)."""
        return self._newest_first(self._plan(query))

    def count(self, query: Query) -> int:
        """How many articles match."""
        params: list[Any] = []
        id_set = self.id_set_sql(query, params)
        return int(self._run(f"SELECT count(*) FROM ({id_set})", params)[0][0])

    def search(self, text: str, *, limit: int = 50, offset: int = 0) -> SearchResult:
        """Parse and run a query: bm25-ranked hits, or newest first (``order`` "newest", scores
        0) above RANK_LIMIT matches or when no term can be ranked (filters only)."""
        query = parse_query(text)
        limit, offset = max(0, limit), max(0, offset)
        plan = self._plan(query)
        params: list[Any] = []
        id_set = self._ids_sql(plan, params)
        scores: dict[int, float] = {}
        order: SearchOrder = "newest"
        if plan.conditions:
            # Filters and verified terms cost a row or index visit per match, so evaluate the
            # set once, already newest first: up to RANK_LIMIT + 1 ids (or the page, if further).
            fetch = max(RANK_LIMIT + 1, offset + limit)
            newest = self._newest_first(plan, fetch, walk_index=True)
            many = len(newest) > RANK_LIMIT
        else:
            # A pure FTS match streams its first RANK_LIMIT + 1 ids almost for free.
            newest = [row[0] for row in self._run(f"{id_set} LIMIT {RANK_LIMIT + 1}", params)]
            many = len(newest) > RANK_LIMIT
            if not many:
                newest = self.library.ordered_ids(newest)
        if many:
            total = int(self._run(f"SELECT count(*) FROM ({id_set})", params)[0][0])
            if plan.conditions:
                page = newest[offset : offset + limit]
            else:
                page = self._dense_page(plan, total, limit, offset) or self._newest_first(
                    plan, limit, offset, walk_index=True
                )
        else:
            total, ids = len(newest), newest
            rank = self._rank_match(query) if ids else None
            if rank is not None:
                # "+rowid" keeps the id list a filter: as an FTS5 rowid constraint it would re-run
                # the MATCH once per id.  The rowid range, which FTS5 does use, skips the matches
                # outside the ids' span (ids of one period are often close together).
                rows = self._run(
                    f"SELECT rowid, bm25(fts_gram, {HEAD_WEIGHT}, {BODY_WEIGHT}) FROM fts_gram "
                    "WHERE fts_gram MATCH ? AND rowid BETWEEN ? AND ? "
                    "AND +rowid IN (SELECT value FROM json_each(?))",
                    (rank, min(ids), max(ids), json.dumps(ids)),
                )
                scores = {row[0]: -float(row[1]) for row in rows}
                ids = sorted(ids, key=lambda i: (i not in scores, -scores.get(i, 0.0)))
            order = "newest" if ids and rank is None else "relevance"
            page = ids[offset : offset + limit]
        records = self.library.articles(page)
        hits = [self._hit(record, query, scores.get(record.id, 0.0)) for record in records]
        return SearchResult(query=query, total=total, hits=hits, order=order)

    @staticmethod
    def _hit(record: ArticleRecord, query: Query, score: float) -> Hit:
        every = [t.text for t in query.terms]
        headline_only = [t.text for t in query.terms if t.scope == "title"]
        anywhere = [t.text for t in query.terms if t.scope == "all"]
        values = {
            "kicker": record.kicker,
            "title": record.title,
            "subtitle": record.subtitle,
            "byline": record.byline,
            "body": record.body,
        }
        spans: dict[str, list[tuple[int, int]]] = {}
        folded_body = fold(record.body)
        for name, value in values.items():
            terms = every if name in _HEAD_FIELDS else anywhere
            folded = folded_body if name == "body" else fold(value or "")
            spans[name] = _spans_in_folded(folded, terms) if value else []
        snippet, snippet_spans = _snippet(record.body, folded_body, anywhere or headline_only, spans["body"])
        return Hit(record.id, score, snippet, snippet_spans, spans)

    def related(self, article_id: int, limit: int = 3) -> list[int]:
        """Articles that share the most characteristic words of ``article_id``, best first.

        Keywords need jieba's dictionary: without ``wait_for_dictionary``, [] until it is loaded.
        """
        if not (self.wait_for_dictionary or dictionary_ready()):
            return []
        words = [w for w in self.library.article_keywords(article_id) if len(w) >= 2]
        phrases = [
            _quoted(bigram_phrase(run)) for word in words for run in word_runs(fold(word)) if len(run) >= 2
        ]
        if not phrases or limit <= 0:
            return []
        rows = self._run(
            f"SELECT rowid FROM fts_gram WHERE fts_gram MATCH ? AND rowid != ? "
            f"ORDER BY bm25(fts_gram, {HEAD_WEIGHT}, {BODY_WEIGHT}) LIMIT ?",
            (" OR ".join(dict.fromkeys(phrases)), article_id, limit),
        )
        return [row[0] for row in rows]
