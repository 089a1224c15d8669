"""The SQLite library: pages, articles, user state and the full-text index tables.

Only this module and :mod:`liaocheng_tui.search` know SQL.  The schema is created with
sqlite-utils; the FTS5 tables are contentless and maintained here, from tokens that
:func:`prepare_page` computes (a pure, picklable step that can run in a worker process).

Full-text tables (see search.py for how they are queried):

- ``fts_gram(head, body)``: overlapping bigrams of every run of word characters (Han, letters,
  digits), ``detail=full``.  A phrase of bigrams is an exact substring test.
- ``fts_char(head, body)``: each distinct character once, ``detail=column``, for 1-character terms.

``head`` holds kicker, title and subtitle; ``body`` holds the byline and the paragraphs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import sqlite_utils

from liaocheng_tui.parse.models import Article, Page, display_headline
from liaocheng_tui.textfold import bigram_tokens, char_tokens, is_han

SCHEMA_VERSION = 1
# "LCTU": marks a file as a liaocheng-tui library, so another app's database is refused.
APPLICATION_ID = 0x4C435455
# WAL pages between checkpoints: SQLite's default, and while a build holds the build lock.
DEFAULT_CHECKPOINT_PAGES = 1000
BUILD_CHECKPOINT_PAGES = 10_000

_ARTICLE_COLUMNS = (
    "a.id, a.key, a.source, a.seq, a.publication, a.date, a.section, a.kicker, a.title, a.subtitle, "
    "a.byline, a.authors, a.column_name, a.kind, a.body, a.line_start, a.line_end, "
    "coalesce(u.read, 0), coalesce(u.starred, 0)"
)
# NULL sorts lowest, so DESC puts undated articles last; the index below serves this order.
NEWEST_FIRST = "a.date DESC, a.source, a.seq"
# Indexes added after schema 1 shipped: (name, CREATE statement), also made in older files.
_LATER_INDEXES = (
    # Covers tree() in one index scan (and filters by publication and date): the table rows,
    # with their bodies, are never read. At 100k articles: 317 ms warm, 1.6 s cold, before.
    (
        "idx_articles_tree",
        "CREATE INDEX IF NOT EXISTS idx_articles_tree ON articles (publication, date, section, column_name)",
    ),
)


class LibraryError(Exception):
    """A problem with the library file, with a one-line message fit to show a user."""


class NoLibraryError(LibraryError):
    """Nothing to open at the path (missing, or an empty file) and the caller asked not to create it."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class ArticleRecord:
    """One stored article, with the user's state for it."""

    id: int
    key: str
    source: str
    seq: int
    publication: str | None
    date: str | None
    section: str | None
    kicker: str | None
    title: str | None
    subtitle: str | None
    byline: str | None
    authors: list[str]
    column: str | None
    kind: str
    paragraphs: list[str]
    line_start: int
    line_end: int
    read: bool
    starred: bool

    @property
    def body(self) -> str:
        """The paragraphs joined by newlines: the text that ``Hit.spans["body"]`` indexes."""
        return "\n".join(self.paragraphs)

    @property
    def headline(self) -> str:
        return display_headline(self.title, self.paragraphs)


@dataclass(frozen=True)
class AddResult:
    status: Literal["added", "replaced", "skipped"]
    source: str
    articles: int


@dataclass(frozen=True)
class TreeSection:
    name: str
    kind: Literal["section", "column"]
    count: int


@dataclass(frozen=True)
class TreeDate:
    date: str | None
    count: int
    sections: list[TreeSection]


@dataclass(frozen=True)
class TreePublication:
    name: str | None  # None: pages whose publication is unknown
    count: int
    dates: list[TreeDate]


@dataclass(frozen=True)
class LibraryCounts:
    """What the app's header shows: cheap to compute at any size."""

    pages: int
    articles: int
    starred: int


@dataclass(frozen=True)
class LibraryStats:
    pages: int
    articles: int
    by_publication: list[tuple[str | None, int]]
    by_date: list[tuple[str | None, int]]
    by_section: list[tuple[str | None, int]]
    by_kind: list[tuple[str, int]]


@dataclass(frozen=True)
class PreparedArticle:
    """An article's stored fields and its index tokens, normalised once."""

    seq: int
    key: str
    kicker: str | None
    title: str | None
    subtitle: str | None
    byline: str | None
    authors: tuple[str, ...]
    column: str | None
    kind: str
    body: str
    date: str | None
    line_start: int
    line_end: int
    places: tuple[str, ...]
    gram_head: str
    gram_body: str
    char_head: str
    char_body: str


@dataclass(frozen=True)
class PreparedPage:
    """The CPU-heavy part of adding a page (places, index tokens), picklable for a process pool."""

    source: str
    articles: tuple[PreparedArticle, ...] = field(default_factory=tuple)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _body_of(article: Article) -> str:
    # "\n" separates paragraphs in the stored body, so a paragraph must not contain one.
    return "\n".join(p.replace("\r\n", " ").replace("\n", " ").replace("\r", " ") for p in article.paragraphs)


def _prose(*fields: str | None) -> str:
    """The text that places and keywords are found in: headline fields and body, not the byline."""
    return "\n".join(text for text in fields if text)


def article_key(source: str, article: Article) -> str:
    """A stable key from the page's file name and the article's leading Han characters."""
    basis = article.title or article.kicker or " ".join(article.paragraphs)
    han = "".join(char for char in basis if is_han(char))[:32]
    if not han:
        han = "".join(char for char in basis if char.isalnum())[:32]
    digest = hashlib.sha1(f"{source}\0{han}".encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:16]


def index_tokens(
    kicker: str | None, title: str | None, subtitle: str | None, byline: str | None, body: str
) -> tuple[str, str, str, str]:
    """(gram_head, gram_body, char_head, char_body) for an article's stored fields."""
    head = [text for text in (kicker, title, subtitle) if text]
    rest = [text for text in (byline, body) if text]
    return bigram_tokens(head), bigram_tokens(rest), char_tokens(head), char_tokens(rest)


def prepare_page(page: Page) -> PreparedPage:
    """Normalise a parsed page and compute its index tokens and the places it names.

    Pure and picklable (in and out), so it can run in a worker process while one writer stores.
    No segmentation happens here: keywords are found when an article is shown
    (:meth:`Library.article_keywords`), so storing a page costs less than segmenting it.
    """
    from liaocheng_tui.search import places_in  # search imports store: import late

    prepared: list[PreparedArticle] = []
    used_keys: dict[str, int] = {}
    for article in page.articles:
        key = article_key(page.source, article)
        used_keys[key] = used_keys.get(key, 0) + 1
        if used_keys[key] > 1:  # two articles of one page starting alike: keep keys distinct, in order
            key = f"{key}-{used_keys[key]}"
        kicker, title, subtitle = _clean(article.kicker), _clean(article.title), _clean(article.subtitle)
        byline = _clean(article.byline)
        body = _body_of(article)
        places = places_in(_prose(kicker, title, subtitle, body))
        gram_head, gram_body, char_head, char_body = index_tokens(kicker, title, subtitle, byline, body)
        prepared.append(
            PreparedArticle(
                seq=article.seq,
                key=key,
                kicker=kicker,
                title=title,
                subtitle=subtitle,
                byline=byline,
                authors=tuple(dict.fromkeys(a.strip() for a in article.authors if a.strip())),
                column=_clean(article.column),
                kind=article.kind,
                body=body,
                date=page.date or article.date,  # the issue date groups the library
                line_start=article.line_start,
                line_end=article.line_end,
                places=tuple(places),
                gram_head=gram_head,
                gram_body=gram_body,
                char_head=char_head,
                char_body=char_body,
            )
        )
    return PreparedPage(source=page.source, articles=tuple(prepared))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


class Library:
    """A library file.  Thread-safe: one connection, guarded by a re-entrant lock."""

    def __init__(self, path: str | Path, *, create: bool = True, create_folders: bool = True) -> None:
        """Open the library file at ``path``.

        ``create`` False: the file must already be a library; a missing path or an empty file
        raises :class:`NoLibraryError` and nothing is written (a mistyped path must not become a
        library).  ``create_folders`` False: a missing parent folder is an error, not made.
        """
        self.path = Path(path)
        self.lock = threading.RLock()
        if self.path.is_dir():
            raise LibraryError(f"{self.path} is a folder, not a library file")
        if not create:
            if not self.path.exists():
                raise NoLibraryError(self.path, f"no library at {self.path}")
            if self.path.is_file() and self.path.stat().st_size == 0:
                raise NoLibraryError(self.path, f"{self.path} is an empty file, not a library")
        elif not create_folders and not self.path.parent.is_dir():
            raise LibraryError(f"cannot create library {self.path}: folder {self.path.parent} does not exist")
        try:
            if create and create_folders:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # mode=rw: SQLite itself refuses to create the file, should it vanish after the check.
            target, uri = (
                (str(self.path), False) if create else (self.path.absolute().as_uri() + "?mode=rw", True)
            )
            self._conn = sqlite3.connect(
                target, isolation_level=None, check_same_thread=False, timeout=5.0, uri=uri
            )
        except (OSError, sqlite3.Error) as error:
            raise LibraryError(f"cannot open library {self.path}: {_one_line(error)}") from None
        try:
            self._open()
        except LibraryError:
            self._conn.close()
            raise
        except sqlite3.DatabaseError as error:
            self._conn.close()
            raise LibraryError(self._describe(error)) from None

    # -- opening -------------------------------------------------------------------------------

    def _describe(self, error: sqlite3.Error) -> str:
        text = _one_line(error)
        if "not a database" in text or "malformed" in text:
            return f"{self.path} is not a liaocheng-tui library (not a SQLite database)"
        if "locked" in text or "busy" in text:
            return f"library {self.path} is locked by another process; try again"
        if "readonly" in text or "read-only" in text:
            return f"library {self.path} is read-only"
        return f"library {self.path}: {text}"

    def _open(self) -> None:
        conn = self._conn
        conn.execute("PRAGMA busy_timeout = 5000")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if app_id != APPLICATION_ID and (app_id != 0 or has_tables):
            raise LibraryError(f"{self.path} is a SQLite database but not a liaocheng-tui library")
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"library {self.path} has schema {version}, newer than this liaocheng-tui "
                f"understands ({SCHEMA_VERSION}); upgrade liaocheng-tui"
            )
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal" and self.path.name != ":memory:":
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            with self._transaction():
                if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                    self._create_schema()
        else:
            self._add_missing_indexes()

    def _add_missing_indexes(self) -> None:
        """Indexes added since schema 1 was first written: created once in older library files.

        Only an index, so the schema version stays and older versions still open the file. A
        library that is read-only or busy just goes without until it is next opened.
        """
        have = {
            str(row[0]) for row in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        missing = [sql for name, sql in _LATER_INDEXES if name not in have]
        if not missing:
            return
        try:
            with self._transaction() as conn:
                for sql in missing:
                    conn.execute(sql)
        except (LibraryError, sqlite3.Error):
            pass

    def _create_schema(self) -> None:
        db = sqlite_utils.Database(self._conn)
        db.table("pages").create(
            {
                "id": int,
                "source": str,
                "sha256": str,
                "raw_text": str,
                "publication": str,
                "date": str,
                "section": str,
                "banner": str,
                "dropped": str,
                "added_at": str,
            },
            pk="id",
            not_null=["source", "sha256", "raw_text", "added_at"],
            if_not_exists=True,
        )
        db.table("pages").create_index(["source"], unique=True, if_not_exists=True)
        db.table("pages").create_index(["sha256"], if_not_exists=True)
        db.table("articles").create(
            {
                "id": int,
                "page_id": int,
                "source": str,
                "seq": int,
                "key": str,
                "publication": str,
                "date": str,
                "section": str,
                "kicker": str,
                "title": str,
                "subtitle": str,
                "byline": str,
                "authors": str,
                "column_name": str,
                "kind": str,
                "body": str,
                "line_start": int,
                "line_end": int,
                "places": str,
                "keywords": str,
            },
            pk="id",
            foreign_keys=[("page_id", "pages", "id")],
            not_null=["page_id", "source", "seq", "key", "kind", "body"],
            if_not_exists=True,
        )
        articles = db.table("articles")
        articles.create_index(["page_id"], if_not_exists=True)
        articles.create_index(["key"], if_not_exists=True)
        articles.create_index(
            [sqlite_utils.db.DescIndex("date"), "source", "seq"],
            index_name="idx_articles_newest",
            if_not_exists=True,
        )
        articles.create_index(["source", "seq"], if_not_exists=True)
        articles.create_index(["section"], if_not_exists=True)
        articles.create_index(["column_name"], if_not_exists=True)
        articles.create_index(["kind"], if_not_exists=True)
        for _, sql in _LATER_INDEXES:
            self._conn.execute(sql)
        db.table("authors").create({"id": int, "name": str}, pk="id", not_null=["name"], if_not_exists=True)
        db.table("authors").create_index(["name"], unique=True, if_not_exists=True)
        db.table("article_authors").create(
            {"article_id": int, "author_id": int},
            pk=("article_id", "author_id"),
            foreign_keys=[("article_id", "articles", "id"), ("author_id", "authors", "id")],
            if_not_exists=True,
        )
        db.table("article_authors").create_index(["author_id"], if_not_exists=True)
        db.table("article_places").create(
            {"article_id": int, "place": str},
            pk=("article_id", "place"),
            foreign_keys=[("article_id", "articles", "id")],
            if_not_exists=True,
        )
        db.table("article_places").create_index(["place"], if_not_exists=True)
        db.table("user_state").create(
            {"key": str, "read": int, "starred": int, "updated_at": str},
            pk="key",
            not_null=["read", "starred"],
            defaults={"read": 0, "starred": 0},
            if_not_exists=True,
        )
        self._create_fts()
        self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _create_fts(self) -> None:
        self._conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS fts_gram USING fts5("
            "head, body, content='', tokenize='ascii', detail=full)"
        )
        self._conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS fts_char USING fts5("
            "head, body, content='', tokenize='ascii', detail=column)"
        )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self.lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise LibraryError(self._describe(error)) from None
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            else:
                try:
                    self._conn.execute("COMMIT")
                except sqlite3.Error as error:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise LibraryError(self._describe(error)) from None

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self.lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise LibraryError(self._describe(error)) from None

    # -- lifecycle -----------------------------------------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        """The raw connection, for search.py only (hold ``lock`` while using it)."""
        return self._conn

    def close(self) -> None:
        with self.lock:
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the library."""
        return int(self._query("PRAGMA data_version")[0][0])

    def check_integrity(self) -> list[str]:
        """SQLite's ``integrity_check`` and ``foreign_key_check``: ``[]`` when the file is sound.

        Otherwise one line per problem found, as SQLite words it.
        """
        problems = [str(row[0]) for row in self._query("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [
            f"foreign key: {table} row {rowid} points to a missing {parent} row"
            for table, rowid, parent, _ in self._query("PRAGMA foreign_key_check")
        ]
        return problems

    @property
    def build_lock_path(self) -> Path:
        """The file whose lock marks a build in progress (beside the library)."""
        return self.path.with_name(self.path.name + ".build-lock")

    @contextlib.contextmanager
    def build_lock(self) -> Iterator[None]:
        """Hold the library's build lock, or raise :class:`LibraryError` if another build holds it.

        Two builds writing page by page would interleave; refusing the second one is clearer
        than mixing them. The lock is an advisory ``flock`` that the kernel drops when its holder
        dies, so a killed build never leaves the library locked. (Not enforced on Windows.)
        """
        if sys.platform == "win32":
            yield
            return
        import fcntl

        try:
            descriptor = os.open(self.build_lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise LibraryError(
                f"cannot create the build lock {self.build_lock_path}: {error.strerror}"
            ) from None
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise LibraryError(
                    f"another build is already writing to library {self.path}; try again when it has finished"
                ) from None
            with self._bulk_checkpoints():
                yield
        finally:
            os.close(descriptor)  # closing releases the lock

    @contextlib.contextmanager
    def _bulk_checkpoints(self) -> Iterator[None]:
        # A build commits once a page.  With SQLite's default, the WAL is copied back into the
        # library (and synced) every 1,000 WAL pages, a few dozen pages of ours; doing it ten times
        # less often takes about a fifth off the writer's time.  Committed pages stay as safe.
        self._set_checkpoint_interval(BUILD_CHECKPOINT_PAGES)
        try:
            yield
        finally:
            self._set_checkpoint_interval(DEFAULT_CHECKPOINT_PAGES)
            with self.lock, contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _set_checkpoint_interval(self, pages: int) -> None:
        with self.lock, contextlib.suppress(sqlite3.Error):
            self._conn.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")

    # -- writing -------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not self._query("SELECT 1 FROM articles LIMIT 1")

    def add_page(
        self,
        page: Page,
        raw_text: str,
        sha256: str,
        prepared: PreparedPage | None = None,
        *,
        replace: bool = False,
    ) -> AddResult:
        """Store a page and its articles in one transaction.

        A page whose sha256 is already stored is skipped, unless ``replace`` is set and it is
        stored under this page's source (a rebuild re-parsing it); a page whose source is stored
        with other content replaces that page's articles.  On any failure nothing changes, so a
        build killed at any point leaves every page either as it was or as it is now.
        """
        if prepared is None:
            prepared = prepare_page(page)
        if prepared.source != page.source or len(prepared.articles) != len(page.articles):
            raise LibraryError(f"prepared data does not belong to page {page.source}")
        try:
            with self._transaction() as conn:
                same = conn.execute(
                    "SELECT source, (SELECT count(*) FROM articles WHERE page_id = pages.id) "
                    "FROM pages WHERE sha256 = ? LIMIT 1",
                    (sha256,),
                ).fetchone()
                if same is not None and not (replace and same[0] == page.source):
                    return AddResult("skipped", page.source, int(same[1]))
                old = conn.execute("SELECT id FROM pages WHERE source = ?", (page.source,)).fetchone()
                if old is not None:
                    self._delete_page(int(old[0]))
                page_id = conn.execute(
                    "INSERT INTO pages (source, sha256, raw_text, publication, date, section, banner, "
                    "dropped, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        page.source,
                        sha256,
                        raw_text,
                        _clean(page.publication),
                        page.date,
                        _clean(page.section),
                        _clean(page.banner),
                        json.dumps([d.to_json() for d in page.dropped], ensure_ascii=False),
                        _now(),
                    ),
                ).lastrowid
                assert page_id is not None
                ids = [self._insert_article(page_id, page, article) for article in prepared.articles]
                # FTS5 writes its pending terms to a new index segment whenever a later statement
                # of the transaction opens a savepoint (an INSERT ... SELECT does). Indexing the
                # page's articles last gives one segment per page rather than one per article.
                conn.executemany(
                    "INSERT INTO fts_gram (rowid, head, body) VALUES (?, ?, ?)",
                    [(i, a.gram_head, a.gram_body) for i, a in zip(ids, prepared.articles, strict=True)],
                )
                conn.executemany(
                    "INSERT INTO fts_char (rowid, head, body) VALUES (?, ?, ?)",
                    [(i, a.char_head, a.char_body) for i, a in zip(ids, prepared.articles, strict=True)],
                )
        except LibraryError:
            raise
        except (sqlite3.Error, ValueError) as error:
            raise LibraryError(f"could not store {page.source}: {_one_line(error)}") from None
        return AddResult("replaced" if old is not None else "added", page.source, len(prepared.articles))

    def _insert_article(self, page_id: int, page: Page, article: PreparedArticle) -> int:
        """Insert an article's row, authors and places (not its index rows); return its id."""
        conn = self._conn
        article_id = conn.execute(
            "INSERT INTO articles (page_id, source, seq, key, publication, date, section, kicker, title, "
            "subtitle, byline, authors, column_name, kind, body, line_start, line_end, places, keywords) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                page_id,
                page.source,
                article.seq,
                article.key,
                _clean(page.publication),
                article.date,
                _clean(page.section),
                article.kicker,
                article.title,
                article.subtitle,
                article.byline,
                json.dumps(list(article.authors), ensure_ascii=False),
                article.column,
                article.kind,
                article.body,
                article.line_start,
                article.line_end,
                json.dumps(list(article.places), ensure_ascii=False),
                None,  # keywords are found when shown; older libraries stored them here
            ),
        ).lastrowid
        assert article_id is not None
        for name in article.authors:
            conn.execute("INSERT OR IGNORE INTO authors (name) VALUES (?)", (name,))
            conn.execute(
                "INSERT OR IGNORE INTO article_authors (article_id, author_id) "
                "SELECT ?, id FROM authors WHERE name = ?",
                (article_id, name),
            )
        conn.executemany(
            "INSERT OR IGNORE INTO article_places (article_id, place) VALUES (?, ?)",
            [(article_id, place) for place in article.places],
        )
        return article_id

    def _delete_page(self, page_id: int) -> None:
        conn = self._conn
        rows = conn.execute(
            "SELECT id, kicker, title, subtitle, byline, body FROM articles WHERE page_id = ?", (page_id,)
        ).fetchall()
        for article_id, kicker, title, subtitle, byline, body in rows:
            # Contentless FTS5 (SQLite 3.40) deletes a row by re-sending the tokens it indexed.
            gram_head, gram_body, char_head, char_body = index_tokens(kicker, title, subtitle, byline, body)
            conn.execute(
                "INSERT INTO fts_gram (fts_gram, rowid, head, body) VALUES ('delete', ?, ?, ?)",
                (article_id, gram_head, gram_body),
            )
            conn.execute(
                "INSERT INTO fts_char (fts_char, rowid, head, body) VALUES ('delete', ?, ?, ?)",
                (article_id, char_head, char_body),
            )
        ids = [row[0] for row in rows]
        conn.executemany("DELETE FROM article_authors WHERE article_id = ?", [(i,) for i in ids])
        conn.executemany("DELETE FROM article_places WHERE article_id = ?", [(i,) for i in ids])
        conn.execute("DELETE FROM articles WHERE page_id = ?", (page_id,))
        conn.execute("DELETE FROM pages WHERE id = ?", (page_id,))
        conn.execute("DELETE FROM authors WHERE id NOT IN (SELECT author_id FROM article_authors)")

    def set_read(self, article_id: int, read: bool = True) -> None:
        self._set_state(article_id, "read", read)

    def set_starred(self, article_id: int, starred: bool) -> None:
        self._set_state(article_id, "starred", starred)

    def _set_state(self, article_id: int, column: Literal["read", "starred"], value: bool) -> None:
        with self._transaction() as conn:
            row = conn.execute("SELECT key FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise LibraryError(f"no article with id {article_id}")
            conn.execute(
                f"INSERT INTO user_state (key, {column}, updated_at) VALUES (?, ?, ?) "
                f"ON CONFLICT(key) DO UPDATE SET {column} = excluded.{column}, updated_at = excluded.updated_at",
                (row[0], int(value), _now()),
            )

    # -- reading -------------------------------------------------------------------------------

    @staticmethod
    def _record(row: Sequence[Any]) -> ArticleRecord:
        body: str = row[14]
        return ArticleRecord(
            id=row[0],
            key=row[1],
            source=row[2],
            seq=row[3],
            publication=row[4],
            date=row[5],
            section=row[6],
            kicker=row[7],
            title=row[8],
            subtitle=row[9],
            byline=row[10],
            authors=json.loads(row[11]) if row[11] else [],
            column=row[12],
            kind=row[13],
            paragraphs=body.split("\n") if body else [],
            line_start=row[15],
            line_end=row[16],
            read=bool(row[17]),
            starred=bool(row[18]),
        )

    def article(self, article_id: int) -> ArticleRecord | None:
        found = self.articles([article_id])
        return found[0] if found else None

    def articles(self, ids: Sequence[int]) -> list[ArticleRecord]:
        """The records of ``ids`` in the order given; unknown ids are left out."""
        if not ids:
            return []
        rows = self._query(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a LEFT JOIN user_state u ON u.key = a.key "
            "WHERE a.id IN (SELECT value FROM json_each(?))",
            (json.dumps([int(i) for i in ids]),),
        )
        by_id = {row[0]: self._record(row) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    def article_ids(
        self,
        *,
        publication: str | None = None,
        date: str | None = None,
        section: str | None = None,
        column: str | None = None,
        author: str | None = None,
        place: str | None = None,
        starred: bool | None = None,
        date_prefix: str | None = None,
    ) -> list[int]:
        """Article ids, newest first then in page order; every filter is optional (exact match).

        ``""`` for publication, date, section or column selects articles where it is unknown.
        ``date_prefix`` (``"2023"``, ``"2023-02"``): issue dates in that year or month (the
        app's tree groups a long run of issues by year and month).
        """
        where: list[str] = []
        params: list[Any] = []
        if date_prefix:
            # ISO dates sort as text: a range, not LIKE, so the date index serves it.
            where.append("a.date >= ? AND a.date < ?")
            params.extend((date_prefix, date_prefix + "\uffff"))
        for column_sql, value in (
            ("a.publication", publication),
            ("a.date", date),
            ("a.section", section),
            ("a.column_name", column),
        ):
            if value == "":
                where.append(f"{column_sql} IS NULL")
            elif value is not None:
                where.append(f"{column_sql} = ?")
                params.append(value)
        if author is not None:
            where.append(
                "a.id IN (SELECT aa.article_id FROM article_authors aa JOIN authors au "
                "ON au.id = aa.author_id WHERE au.name = ?)"
            )
            params.append(author)
        if place is not None:
            where.append("a.id IN (SELECT article_id FROM article_places WHERE place = ?)")
            params.append(place)
        if starred:
            # Few articles are starred: start from user_state, not from every article.
            where.append("u.starred = 1")
            sql = "SELECT a.id FROM user_state u CROSS JOIN articles a ON a.key = u.key"
        else:
            if starred is not None:
                where.append("coalesce(u.starred, 0) = 0")
            sql = "SELECT a.id FROM articles a LEFT JOIN user_state u ON u.key = a.key"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [row[0] for row in self._query(f"{sql} ORDER BY {NEWEST_FIRST}", params)]

    def ordered_ids(self, ids: Sequence[int]) -> list[int]:
        """``ids`` sorted newest first, then in page order (search's fallback ranking)."""
        return [
            row[0]
            for row in self._query(
                f"SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) "
                f"ORDER BY {NEWEST_FIRST}",
                (json.dumps(list(ids)),),
            )
        ]

    def tree(self) -> list[TreePublication]:
        """Publications, their dates (newest first) and each date's sections and columns."""
        # One scan of idx_articles_tree; the groups are few (dates x sections), summed here.
        rows = self._query(
            "SELECT publication, date, section, column_name, count(*) FROM articles "
            "GROUP BY publication, date, section, column_name"
        )
        per_date: dict[tuple[str | None, str | None], int] = {}
        sections: dict[tuple[str | None, str | None], dict[str, int]] = {}
        columns: dict[tuple[str | None, str | None], dict[str, int]] = {}
        for publication, date, section, column, count in rows:
            where = (publication, date)
            per_date[where] = per_date.get(where, 0) + count
            for names, name in ((sections, section), (columns, column)):
                if name is not None:
                    named = names.setdefault(where, {})
                    named[name] = named.get(name, 0) + count
        publications: dict[str | None, list[TreeDate]] = {}
        for (publication, date), count in per_date.items():
            listed = [
                TreeSection(name, "section", n)
                for name, n in sorted(sections.get((publication, date), {}).items())
            ]
            listed += [
                TreeSection(name, "column", n)
                for name, n in sorted(columns.get((publication, date), {}).items())
            ]
            publications.setdefault(publication, []).append(TreeDate(date=date, count=count, sections=listed))
        result = []
        for name in sorted(publications, key=lambda n: (n is None, n or "")):
            dates = sorted(publications[name], key=lambda d: d.date or "", reverse=True)
            dates.sort(key=lambda d: d.date is None)
            result.append(TreePublication(name=name, count=sum(d.count for d in dates), dates=dates))
        return result

    def authors(self) -> list[tuple[str, int]]:
        """Author names with their article counts, most articles first."""
        rows = self._query(
            "SELECT au.name, count(*) AS n FROM article_authors aa JOIN authors au ON au.id = aa.author_id "
            "GROUP BY au.id ORDER BY n DESC, au.name"
        )
        return [(name, count) for name, count in rows]

    def places(self) -> list[tuple[str, int]]:
        """Counties, districts and cities named in the articles, with article counts, most first."""
        rows = self._query(
            "SELECT place, count(*) AS n FROM article_places GROUP BY place ORDER BY n DESC, place"
        )
        return [(name, count) for name, count in rows]

    def counts(self) -> LibraryCounts:
        """Pages, articles and starred articles: for a header, without the groupings of stats()."""
        row = self._query(
            "SELECT (SELECT count(*) FROM pages), (SELECT count(*) FROM articles), "
            "(SELECT count(*) FROM user_state u CROSS JOIN articles a ON a.key = u.key WHERE u.starred = 1)"
        )[0]
        return LibraryCounts(pages=int(row[0]), articles=int(row[1]), starred=int(row[2]))

    def stats(self) -> LibraryStats:
        """Counts by publication, date, section and kind."""

        def grouped(column: str) -> list[Any]:
            return self._query(
                f"SELECT {column}, count(*) AS n FROM articles GROUP BY {column} ORDER BY n DESC, {column}"
            )

        by_date = self._query("SELECT date, count(*) FROM articles GROUP BY date ORDER BY date DESC")
        return LibraryStats(
            pages=int(self._query("SELECT count(*) FROM pages")[0][0]),
            articles=int(self._query("SELECT count(*) FROM articles")[0][0]),
            by_publication=[(name, n) for name, n in grouped("publication")],
            by_date=[(name, n) for name, n in by_date],
            by_section=[(name, n) for name, n in grouped("section")],
            by_kind=[(name, n) for name, n in grouped("kind")],
        )

    def page_text(self, source: str) -> str | None:
        """The raw text of a stored page, for provenance."""
        rows = self._query("SELECT raw_text FROM pages WHERE source = ?", (source,))
        return str(rows[0][0]) if rows else None

    def page_sources(self) -> list[str]:
        """The sources of every stored page, in the order they were first stored."""
        return [str(row[0]) for row in self._query("SELECT source FROM pages ORDER BY id")]

    def page_sha256(self, source: str) -> str | None:
        """The content hash a stored page was read with (of its file's raw bytes)."""
        rows = self._query("SELECT sha256 FROM pages WHERE source = ?", (source,))
        return str(rows[0][0]) if rows else None

    def article_keywords(self, article_id: int, limit: int = 8) -> list[str]:
        """An article's most characteristic words, best first ([] for an unknown id).

        Found from its text on demand with jieba (a few milliseconds, cached), not at ingest.
        """
        from liaocheng_tui.search import keywords  # search imports store: import late

        record = self.article(article_id)
        if record is None:
            return []
        return keywords(_prose(record.kicker, record.title, record.subtitle, record.body), limit)

    def article_places(self, article_id: int) -> list[str]:
        """The places named in one article."""
        rows = self._query("SELECT places FROM articles WHERE id = ?", (article_id,))
        return list(json.loads(rows[0][0])) if rows and rows[0][0] else []
