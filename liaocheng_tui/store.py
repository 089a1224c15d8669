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
import re
import sqlite3
import stat
import sys
import threading
import urllib.parse
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import sqlite_utils

from liaocheng_tui.analysis import keywords, places_in
from liaocheng_tui.parse.models import Article, Page, display_headline
from liaocheng_tui.textfold import bigram_tokens, char_tokens, is_han

# 1: pages keyed by their source name. 2: pages keyed by ``identity`` (the file's resolved path,
# as bytes); ``source`` is only what users see and may repeat. Older files are migrated on open.
SCHEMA_VERSION = 2
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
# The stored columns of an article row, in the order _write_article gives them.
_ARTICLE_FIELDS = (
    "page_id, source, seq, key, publication, date, section, kicker, title, subtitle, byline, authors, "
    "column_name, kind, body, line_start, line_end, places, keywords"
)
# A moved read or star mark needs a new article holding at least this share of the old
# article's character bigrams: "most of its text".
MIN_MARK_SHARE = 0.5
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


LibraryErrorKind = Literal["locked", "read-only", "damaged", "not-a-database", "disk-full", "io", "gone"]


class LibraryError(Exception):
    """A problem with the library file, with a one-line message fit to show a user.

    ``kind`` names what went wrong with the file itself (``None``: something else, such as an
    unknown article): a build stops at the first such error instead of failing every page.
    """

    def __init__(self, message: str, kind: LibraryErrorKind | None = None) -> None:
        super().__init__(message)
        self.kind = kind


# SQLite's primary result codes (the low byte of an extended code) that say what is wrong.
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
# A build's first write waits this long for another writer, not the full busy timeout: a
# library locked by another program stops a build at once, as git does with index.lock.
BUSY_TIMEOUT_MS = 5000
LOCK_PROBE_MS = 250
# Where the state of each library file after its last good check is kept (see Library.verify).
_CHECKED_FILE = "checked-libraries.json"


def describe_sqlite_error(path: Path | str, error: sqlite3.Error) -> LibraryError:
    """One user-facing line for a database error on library ``path``, with its kind.

    Locked, read-only, damaged (SQLITE_CORRUPT), not a database (SQLITE_NOTADB), disk full and
    I/O errors are told apart by SQLite's result code (by its words for errors raised without one).
    """
    text = _one_line(error)
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    lowered = text.lower()
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or (primary is None and "locked" in lowered):
        return LibraryError(
            f"library {path} is locked: another program is writing to it; try again when it has finished",
            "locked",
        )
    if primary == _SQLITE_READONLY or (primary is None and "readonly" in lowered):
        return LibraryError(f"library {path} is read-only: marks and builds cannot be saved", "read-only")
    if primary == _SQLITE_NOTADB or (primary is None and "not a database" in lowered):
        return LibraryError(
            f"{path} is not a liaocheng-tui library (not a SQLite database)", "not-a-database"
        )
    if primary == _SQLITE_CORRUPT or (primary is None and "malformed" in lowered):
        return LibraryError(
            f"library {path} is damaged (SQLite: {text}); see 'liaocheng-tui check', "
            "then restore a backup or build it again",
            "damaged",
        )
    if primary == _SQLITE_FULL:
        return LibraryError(f"the disk holding library {path} is full ({text})", "disk-full")
    if primary == _SQLITE_IOERR:
        return LibraryError(f"library {path}: disk I/O error ({text})", "io")
    if primary == _SQLITE_CANTOPEN:
        return LibraryError(f"cannot open library {path}: {text}", "io")
    return LibraryError(f"library {path}: {text}")


_SIDE_FILES = ("-wal", "-shm", "-journal", ".build-lock")


def _one_line_text(text: str) -> str:
    return " ".join(text.split())


def _checked_key(path: Path) -> str:
    return os.fsdecode(os.path.abspath(path))


def _checked_stamps() -> dict[str, Any]:
    from liaocheng_tui.config import cache_dir

    try:
        data = json.loads((cache_dir() / _CHECKED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _remember_checked(path: Path, stamp: list[int] | None) -> None:
    """Record ``stamp`` as ``path``'s state after a good check (best effort: a cache)."""
    from liaocheng_tui.config import cache_dir

    if stamp is None:
        return
    stamps = _checked_stamps()
    key = _checked_key(path)
    if stamps.get(key) == stamp:
        return
    stamps[key] = stamp
    folder = cache_dir()
    temporary = folder / f".{_CHECKED_FILE}.{os.getpid()}.{threading.get_ident()}"
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(stamps), encoding="utf-8")
        os.replace(temporary, folder / _CHECKED_FILE)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):  # no O_DIRECTORY fsync on Windows
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _file_stamp(path: Path) -> list[int] | None:
    """What changes when a file is written or replaced: device, inode, size, mtime."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns]


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
    # Articles whose read or star mark found no new article holding most of their text (the
    # page changed that much): their marks are dropped, and a build says how many.
    marks_dropped: int = 0


@dataclass(frozen=True)
class StoredPage:
    """A stored page: ``identity`` is None for pages stored before schema 2 (or without a file)."""

    id: int
    source: str
    identity: bytes | None
    sha256: str


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


def _key_digest(page: bytes, basis: str) -> str:
    han = "".join(char for char in basis if is_han(char))[:32]
    if not han:
        han = "".join(char for char in basis if char.isalnum())[:32]
    return hashlib.sha1(page + b"\0" + han.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def article_key(source: str, article: Article) -> str:
    """A key from the page's source name and the article's leading Han characters.

    Read and star marks are stored under it. A page stored with an identity (a file) uses
    :func:`_article_keys` instead, so two pages of one name never share marks.
    """
    return _key_digest(
        source.encode("utf-8", "surrogatepass"),
        article.title or article.kicker or " ".join(article.paragraphs),
    )


def _article_keys(identity: bytes, articles: Sequence[PreparedArticle]) -> list[str]:
    """Keys of a page's articles from its identity: distinct, twins numbered in page order."""
    keys: list[str] = []
    used: dict[str, int] = {}
    for article in articles:
        key = _key_digest(identity, article.title or article.kicker or article.body)
        used[key] = used.get(key, 0) + 1
        keys.append(key if used[key] == 1 else f"{key}-{used[key]}")
    return keys


_WORD_RUN = re.compile(r"[^\W_]+")


def _mark_text(*fields: str | None) -> str:
    return "\n".join(text for text in fields if text)


def _bigrams(text: str) -> Counter[str]:
    """Overlapping character pairs of each run of Han, letters or digits (a lone character counts
    as itself): a text's fingerprint that survives re-segmentation and moved line breaks."""
    grams: Counter[str] = Counter()
    for run in _WORD_RUN.findall(text):
        if len(run) == 1:
            grams[run] += 1
        else:
            grams.update(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def best_home(old: Counter[str], candidates: Sequence[Counter[str]]) -> int | None:
    """The index of the candidate holding the largest share of ``old``'s bigrams, if that share
    is at least :data:`MIN_MARK_SHARE`; else None. Ties go to the earlier candidate."""
    total = sum(old.values())
    if not total:
        return None
    best, best_shared = None, 0
    for index, candidate in enumerate(candidates):
        shared = sum((old & candidate).values())
        if shared > best_shared:
            best, best_shared = index, shared
    return best if best_shared >= MIN_MARK_SHARE * total else None


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


def _is_read_only(error: Exception) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF == 8:  # SQLITE_READONLY
        return True
    text = str(error).lower()
    return "readonly" in text or "read-only" in text


class Library:
    """A library file.  Thread-safe: one connection, guarded by a re-entrant lock."""

    # The schema this connection reads: SCHEMA_VERSION once opened, unless an older file could
    # not be migrated because it cannot be written (then its own version).
    _schema: int = SCHEMA_VERSION

    def __init__(self, path: str | Path, *, create: bool = True, create_folders: bool = True) -> None:
        """Open the library file at ``path``.

        ``create`` False: the file must already be a library; a missing path or an empty file
        raises :class:`NoLibraryError` and nothing is written (a mistyped path must not become a
        library).  ``create_folders`` False: a missing parent folder is an error, not made.
        """
        self.path = Path(path)
        self.lock = threading.RLock()
        # Why marks cannot be saved (a read-only file, folder or disk), or None: the library is
        # then opened read-only, so it can still be browsed and searched.
        self.read_only: str | None = None
        # Why writes are refused: the file was deleted or replaced under this connection (see
        # file_problem), or was found damaged (refuse_writes). None while marks can be saved.
        self.writes_refused: str | None = None
        self._gone: str | None = None
        self._trusted = False  # the file is as it was after a good check (see verify)
        self._damage_seen = False
        self._identity: tuple[int, int] | None = None
        self._wal_identity: tuple[int, int] | None = None
        if self.path.is_dir():
            raise LibraryError(f"{self.path} is a folder, not a library file")
        if not create:
            if not self.path.exists():
                raise NoLibraryError(self.path, f"no library at {self.path}")
            if self.path.is_file() and self.path.stat().st_size == 0:
                raise NoLibraryError(self.path, f"{self.path} is an empty file, not a library")
        elif not create_folders and not self.path.parent.is_dir():
            raise LibraryError(f"cannot create library {self.path}: folder {self.path.parent} does not exist")
        self.read_only, immutable = self._read_only_reason()
        self._conn = self._connect(immutable, create=create, create_folders=create_folders)
        try:
            try:
                self._open()
            except sqlite3.Error as error:
                # A read-only folder that someone may still write: SQLite cannot create the
                # shared-memory file that reading a WAL library needs, and immutable is unsafe.
                code = getattr(error, "sqlite_errorcode", 0) & 0xFF
                if self.read_only is None or immutable or code not in (_SQLITE_CANTOPEN, _SQLITE_READONLY):
                    raise
                raise LibraryError(
                    f"cannot read library {self.path}: {self.read_only}, and SQLite needs to create "
                    f"{self.path.name}-shm beside it while others may write to it; copy it to a "
                    "writable folder (liaocheng-tui backup) and open the copy",
                    "read-only",
                ) from None
        except LibraryError:
            self._conn.close()
            raise
        except sqlite3.Error as error:
            self._conn.close()
            raise describe_sqlite_error(self.path, error) from None
        self._identity = _file_identity(self.path)
        self._wal_identity = _file_identity(self._wal_path)

    # -- opening -------------------------------------------------------------------------------

    @property
    def _wal_path(self) -> Path:
        return self.path.with_name(self.path.name + "-wal")

    def _read_only_reason(self) -> tuple[str | None, bool]:
        """Why an existing library cannot be written (None if it can), and whether nothing can.

        ``os.access`` and the file system's read-only flag answer for root too (root may write
        into a folder without write bits, but not to a read-only mount). Nothing writes a WAL
        library on a read-only file system, or whose file or folder (where a writer must create
        its -wal) has no write bit for anyone: only then is it opened ``immutable``, which reading
        it in a read-only folder needs (SQLite cannot create its -shm there), unless a -wal with
        data is there to be read.
        """
        if not self.path.exists():
            return None, False  # created below, or refused with the reason
        read_only_fs = False
        with contextlib.suppress(OSError, AttributeError):  # no statvfs on Windows
            read_only_fs = bool(os.statvfs(self.path).f_flag & os.ST_RDONLY)
        if read_only_fs:
            reason = "it is on a read-only file system"
        elif not os.access(self.path, os.W_OK):
            reason = "the file is read-only"
        elif not os.access(self.path.parent, os.W_OK | os.X_OK):  # SQLite writes -wal/-shm beside it
            reason = "its folder is read-only"
        else:
            return None, False
        try:
            nobody_writes = read_only_fs or not (
                os.stat(self.path).st_mode & 0o222 and os.stat(self.path.parent).st_mode & 0o222
            )
            wal = os.stat(self._wal_path).st_size if self._wal_path.exists() else 0
        except OSError:
            return reason, False
        return reason, nobody_writes and not wal

    def _connect(self, immutable: bool, *, create: bool, create_folders: bool) -> sqlite3.Connection:
        timeout = BUSY_TIMEOUT_MS / 1000
        try:
            if self.read_only is None:
                if create and create_folders:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                # mode=rw: SQLite itself refuses to create the file, should it vanish after the check.
                target, uri = (
                    (str(self.path), False) if create else (self.path.absolute().as_uri() + "?mode=rw", True)
                )
                return sqlite3.connect(
                    target, isolation_level=None, check_same_thread=False, timeout=timeout, uri=uri
                )
            # A URI, so that SQLite never tries to write; immutable only when nothing else can.
            read_only_uri = "file:" + urllib.parse.quote(os.fsencode(self.path.absolute())) + "?mode=ro"
            if immutable:
                read_only_uri += "&immutable=1"
            return sqlite3.connect(
                read_only_uri, uri=True, isolation_level=None, check_same_thread=False, timeout=timeout
            )
        except (OSError, sqlite3.Error) as error:
            raise LibraryError(f"cannot open library {self.path}: {_one_line(error)}") from None

    @contextlib.contextmanager
    def translate_errors(self) -> Iterator[None]:
        """Turn any database error raised inside into a :class:`LibraryError` (one line, its kind).

        The one place where SQLite's errors meet the rest of the program: every query of this
        module and of search.py runs inside it.
        """
        try:
            yield
        except sqlite3.Error as error:
            translated = describe_sqlite_error(self.path, error)
            if translated.kind in ("damaged", "not-a-database", "io"):
                self._damage_seen = True  # do not remember this file as checked on close
            raise translated from None

    def _open(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
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
        if self.read_only is not None:
            if version == 0:
                raise LibraryError(f"library {self.path} cannot be set up: {self.read_only}", "read-only")
            # An older schema is read as it is: nothing can be stored in it anyway.
            self._schema = version
            conn.execute("PRAGMA query_only = ON")
            return
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal" and self.path.name != ":memory:":
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        self._schema = SCHEMA_VERSION
        if version < SCHEMA_VERSION:
            try:
                with self._transaction():
                    # Read again inside the write lock: another process may have just done it.
                    current = conn.execute("PRAGMA user_version").fetchone()[0]
                    if current == 0:
                        self._create_schema()
                    elif current < SCHEMA_VERSION:
                        self._migrate(current)
            except (LibraryError, sqlite3.OperationalError) as error:
                # An older library that cannot be written (read-only media) is still read as it
                # is; nothing can be stored in it anyway.
                if version == 0 or not _is_read_only(error):
                    raise
                self._schema = version
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

    def _migrate(self, version: int) -> None:
        """Bring a library of an older schema up to :data:`SCHEMA_VERSION` (inside one transaction).

        1 -> 2: pages get ``identity`` (unknown, NULL, for the pages already stored: they are
        found by source until a build sees their file unchanged and records its path), and
        ``source`` stops being unique, so two files of the same name are two pages.
        """
        conn = self._conn
        if version < 2:
            conn.execute("ALTER TABLE pages ADD COLUMN identity BLOB")
            conn.execute("DROP INDEX IF EXISTS idx_pages_source")
            conn.execute("CREATE INDEX IF NOT EXISTS idx_pages_source ON pages (source)")
            conn.execute("CREATE UNIQUE INDEX IF NOT EXISTS idx_pages_identity ON pages (identity)")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

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
                "identity": bytes,
            },
            pk="id",
            not_null=["source", "sha256", "raw_text", "added_at"],
            if_not_exists=True,
        )
        db.table("pages").create_index(["source"], if_not_exists=True)
        db.table("pages").create_index(["identity"], unique=True, if_not_exists=True)
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

    def _refuse_writes(self) -> None:
        if self.writes_refused is not None:
            raise LibraryError(self.writes_refused, "gone" if self._gone else "damaged")
        if self.read_only is not None:
            raise LibraryError(
                f"library {self.path} is read-only ({self.read_only}): marks are off", "read-only"
            )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._refuse_writes()
        with self.lock, self.translate_errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self.lock, self.translate_errors():
            return self._conn.execute(sql, params).fetchall()

    def probe_write_lock(self) -> None:
        """Raise :class:`LibraryError` at once (within ``LOCK_PROBE_MS``) if the library cannot
        be written now: read-only, gone, or another program holds its write lock."""
        self._refuse_writes()
        with self.lock, self.translate_errors():
            self._conn.execute(f"PRAGMA busy_timeout = {LOCK_PROBE_MS}")
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.execute("ROLLBACK")
            finally:
                self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    # -- lifecycle -----------------------------------------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        """The raw connection, for search.py only (hold ``lock`` while using it)."""
        return self._conn

    def close(self) -> None:
        with self.lock:
            self._conn.close()
            if self._trusted and not self._damage_seen and self.writes_refused is None:
                # Closing the last connection checkpoints the WAL: the state to remember is now.
                _remember_checked(self.path, self._stamp())

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the library."""
        return int(self._query("PRAGMA data_version")[0][0])

    def file_problem(self) -> str | None:
        """Why the file this connection reads is no longer the library at ``path``, or None.

        Deleting or replacing the library (or its -wal file) under an open connection would
        send marks to an unlinked file, or let SQLite mix two WAL files and damage the library.
        The path's inode is compared with the one opened; once it differs, writes are refused.
        """
        if self._gone is not None or self._identity is None:
            return self._gone
        if _file_identity(self.path) != self._identity:
            self._gone = f"library file {self.path} was deleted or replaced: marks are off; reopen"
            # The -wal beside it still holds this file's last commits, and SQLite would apply
            # them to whatever file is at the path next (the new one, or a library created
            # there): copy them into the file this connection has open and empty the -wal.
            with self.lock, contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        elif self._wal_identity is None:
            self._wal_identity = _file_identity(self._wal_path)  # created by a later first write
        elif _file_identity(self._wal_path) != self._wal_identity:
            self._gone = (
                f"library file {self._wal_path} was deleted or replaced: marks are off; "
                "reopen (and run 'liaocheng-tui check')"
            )
        if self._gone is not None:
            self.writes_refused = self._gone
        return self._gone

    def refuse_writes(self, reason: str) -> None:
        """Refuse every later write with ``reason`` (a library found damaged, say)."""
        self.writes_refused = reason

    def quick_check(self) -> list[str]:
        """SQLite's ``quick_check`` (pages and records, not index contents): ``[]`` when sound."""
        return [str(row[0]) for row in self._query("PRAGMA quick_check") if row[0] != "ok"]

    def _stamp(self) -> list[int] | None:
        main = _file_stamp(self.path)
        if main is None:
            return None
        wal = _file_stamp(self._wal_path)
        # An empty WAL is what opening a library leaves: the same as none.
        return main + (wal[2:] if wal and wal[2] else [0, 0])

    def unchanged_since_check(self) -> bool:
        """True if the file is as liaocheng-tui left it after its last good check (a stat and a
        small read: cheap at any size). Marks this connection as trusted if so."""
        if not self._trusted:
            stamp = self._stamp()
            self._trusted = stamp is not None and _checked_stamps().get(_checked_key(self.path)) == stamp
        return self._trusted

    def verify(self) -> None:
        """Run ``quick_check`` if the file changed since the last good check; raise
        :class:`LibraryError` (kind ``damaged``) with its first problem if it fails.

        A check of a large library takes seconds, so it runs only after another program (or a
        damaged disk) may have changed the file: the state is remembered when liaocheng-tui
        closes a library it checked, or found unchanged since the last check.
        """
        if self.unchanged_since_check():
            return
        problems = self.quick_check()
        if problems:
            self._damage_seen = True
            more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
            raise LibraryError(
                f"library {self.path} is damaged: {_one_line_text(problems[0])}{more}; see "
                "'liaocheng-tui check', then restore a backup or build it again",
                "damaged",
            )
        self.trust()

    def trust(self) -> None:
        """Note that the file passed a check (made elsewhere, by another connection)."""
        self._trusted = True
        _remember_checked(self.path, self._stamp())

    def backup(self, dest: Path, *, overwrite: bool = False) -> Path:
        """Copy the library to ``dest`` with SQLite's backup API: a consistent copy even while
        another program writes. Written to a temporary file in dest's folder, synced and renamed,
        so ``dest`` is never half written. Refuses the library's own files, a folder, anything
        but a regular file, and an existing file unless ``overwrite`` (which keeps its mode)."""
        dest = Path(dest)
        own = {
            self.path.absolute(),
            *(self.path.with_name(self.path.name + s).absolute() for s in _SIDE_FILES),
        }
        if dest.absolute() in own or (
            dest.exists() and self.path.exists() and os.path.samefile(dest, self.path)
        ):
            raise LibraryError(f"{dest} is the library itself; back it up to another file")
        if dest.is_dir():
            raise LibraryError(f"{dest} is a folder; give the backup a file name")
        mode: int | None = None
        if dest.exists() or dest.is_symlink():
            info = os.lstat(dest)
            if not stat.S_ISREG(info.st_mode):
                raise LibraryError(f"{dest} is not a regular file; refusing to replace it")
            if not overwrite:
                raise LibraryError(f"{dest} exists; use --force to replace it")
            mode = stat.S_IMODE(info.st_mode)
        for suffix in ("-wal", "-journal"):
            if dest.with_name(dest.name + suffix).exists():
                raise LibraryError(
                    f"{dest}{suffix} exists: {dest} is a database in use; refusing to replace it"
                )
        temporary = dest.with_name(f".{dest.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            descriptor = os.open(
                temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if mode is None else mode
            )
            os.close(descriptor)
            target = sqlite3.connect(temporary)
            try:
                with self.lock:
                    self._conn.backup(target)
            finally:
                target.close()
            if mode is not None:
                os.chmod(temporary, mode)
            descriptor = os.open(temporary, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            os.replace(temporary, dest)
            _sync_folder(dest.parent)
        except sqlite3.Error as error:
            kind = describe_sqlite_error(self.path, error).kind
            raise LibraryError(
                f"could not back up library {self.path} to {dest}: {_one_line(error)}", kind
            ) from None
        except OSError as error:
            raise LibraryError(
                f"could not back up library {self.path} to {dest}: {error.strerror or error}"
            ) from None
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink()
        return dest

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

    def build_in_progress(self) -> bool:
        """Whether another build holds the library's build lock now (False where it cannot be
        told: on Windows, or with no lock file)."""
        if sys.platform == "win32":
            return False
        import fcntl

        try:
            descriptor = os.open(self.build_lock_path, os.O_RDONLY)
        except OSError:
            return False  # never built, or the lock file cannot be read: nothing says a build runs
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(descriptor)  # closing releases a lock taken here
        return False

    @contextlib.contextmanager
    def build_lock(self) -> Iterator[None]:
        """Hold the library's build lock, or raise :class:`LibraryError` if another build holds it.

        Two builds writing page by page would interleave; refusing the second one is clearer
        than mixing them. The lock is an advisory ``flock`` that the kernel drops when its holder
        dies, so a killed build never leaves the library locked. (Not enforced on Windows.)
        """
        self._refuse_writes()  # read-only: say so, not that the lock file cannot be made
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
        identity: bytes | None = None,
    ) -> AddResult:
        """Store a page and its articles in one transaction.

        Which stored page this is: the one with the same ``identity`` (the file's resolved path
        as bytes, :func:`liaocheng_tui.sources.page_identity`); without one, the page of the same
        source that has no identity either (stored before schema 2, or not from a file). Two
        identities are two pages, whatever their sources; a source alone never replaces.

        - Content (sha256) already stored on any page: "skipped", unless ``replace`` is set and
          it is this page's own content (a rebuild re-parsing it). A page stored before schema 2
          with this source and this content is taken to be this file: its identity is recorded.
        - This page stored with other content (or ``replace``): "replaced" in place. The page
          keeps its row, an article keeps its id while its seq is on the page, and read and star
          marks move to the new article holding most of the old one's text (see
          :data:`MIN_MARK_SHARE`); marks with no such article are dropped and counted.
        - Otherwise "added".

        On any failure nothing changes, so a build killed at any point leaves every page either
        as it was or as it is now.
        """
        if prepared is None:
            prepared = prepare_page(page)
        if prepared.source != page.source or len(prepared.articles) != len(page.articles):
            raise LibraryError(f"prepared data does not belong to page {page.source}")
        if identity is None:
            keys = [article.key for article in prepared.articles]
        else:
            keys = _article_keys(identity, prepared.articles)
        marks_dropped = 0
        try:
            with self._transaction() as conn:
                old = self._find_page(identity, page.source)
                same = conn.execute(
                    "SELECT id, source, identity, (SELECT count(*) FROM articles WHERE page_id = pages.id) "
                    "FROM pages WHERE sha256 = ? ORDER BY id = ? DESC LIMIT 1",
                    (sha256, -1 if old is None else old),
                ).fetchone()
                if same is not None and not (replace and old == same[0]):
                    if old is None and identity is not None and same[2] is None and same[1] == page.source:
                        # The first build since schema 2 of a page stored before it: same name,
                        # same bytes, so the same file. From now on it is found by its path.
                        conn.execute("UPDATE pages SET identity = ? WHERE id = ?", (identity, same[0]))
                        old = int(same[0])
                    if not (replace and old == same[0]):
                        return AddResult("skipped", page.source, int(same[3]))
                page_row = (
                    page.source,
                    sha256,
                    raw_text,
                    _clean(page.publication),
                    page.date,
                    _clean(page.section),
                    _clean(page.banner),
                    json.dumps([d.to_json() for d in page.dropped], ensure_ascii=False),
                    _now(),
                )
                if old is None:
                    page_id = conn.execute(
                        "INSERT INTO pages (source, sha256, raw_text, publication, date, section, banner, "
                        "dropped, added_at, identity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (*page_row, identity),
                    ).lastrowid
                    assert page_id is not None
                    ids = [
                        self._write_article(page_id, page, article, key)
                        for article, key in zip(prepared.articles, keys, strict=True)
                    ]
                else:
                    page_id = old
                    conn.execute(
                        "UPDATE pages SET source = ?, sha256 = ?, raw_text = ?, publication = ?, date = ?, "
                        "section = ?, banner = ?, dropped = ?, added_at = ? WHERE id = ?",
                        (*page_row, page_id),
                    )
                    ids, marks_dropped = self._replace_articles(page_id, page, prepared, keys)
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
        return AddResult(
            "replaced" if old is not None else "added", page.source, len(prepared.articles), marks_dropped
        )

    def _find_page(self, identity: bytes | None, source: str) -> int | None:
        """The id of the stored page that a page of this identity (or, without one, source) is."""
        if identity is not None:
            row = self._conn.execute("SELECT id FROM pages WHERE identity = ?", (identity,)).fetchone()
        else:
            row = self._conn.execute(
                "SELECT id FROM pages WHERE source = ? AND identity IS NULL ORDER BY id LIMIT 1", (source,)
            ).fetchone()
        return None if row is None else int(row[0])

    def _write_article(
        self, page_id: int, page: Page, article: PreparedArticle, key: str, article_id: int | None = None
    ) -> int:
        """Insert an article's row (or overwrite row ``article_id``), its authors and places.

        Not its index rows: the caller adds those for the whole page at once.
        """
        conn = self._conn
        values = (
            page_id,
            page.source,
            article.seq,
            key,
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
        )
        if article_id is None:
            article_id = conn.execute(
                f"INSERT INTO articles ({_ARTICLE_FIELDS}) VALUES ({', '.join('?' * len(values))})", values
            ).lastrowid
            assert article_id is not None
        else:
            assignments = ", ".join(f"{name} = ?" for name in _ARTICLE_FIELDS.split(", "))
            conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*values, article_id))
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

    def _replace_articles(
        self, page_id: int, page: Page, prepared: PreparedPage, keys: Sequence[str]
    ) -> tuple[list[int], int]:
        """Put a page's new articles in place of its old ones; (their ids, marks dropped).

        An article whose seq was on the page keeps that row and id, so ids that scripts hold
        survive a rebuild. Read and star marks follow text, not position: each marked old article
        gives its marks to the new article holding most of its text.
        """
        conn = self._conn
        rows = conn.execute(
            "SELECT a.id, a.seq, a.key, a.kicker, a.title, a.subtitle, a.byline, a.body, "
            "coalesce(u.read, 0), coalesce(u.starred, 0) "
            "FROM articles a LEFT JOIN user_state u ON u.key = a.key WHERE a.page_id = ?",
            (page_id,),
        ).fetchall()
        for article_id, _, _, kicker, title, subtitle, byline, body, _, _ in rows:
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
        old_ids = [(row[0],) for row in rows]
        conn.executemany("DELETE FROM article_authors WHERE article_id = ?", old_ids)
        conn.executemany("DELETE FROM article_places WHERE article_id = ?", old_ids)
        by_seq = {int(row[1]): int(row[0]) for row in rows}
        ids = [
            self._write_article(page_id, page, article, key, by_seq.pop(article.seq, None))
            for article, key in zip(prepared.articles, keys, strict=True)
        ]
        conn.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in by_seq.values()])
        conn.execute("DELETE FROM authors WHERE id NOT IN (SELECT author_id FROM article_authors)")
        marked = [row for row in rows if row[8] or row[9]]
        if not marked:
            return ids, 0
        # The old keys' marks are re-placed below: none stays behind on an article that merely
        # kept a key (the same leading characters) but not the text.
        conn.executemany("DELETE FROM user_state WHERE key = ?", [(row[2],) for row in marked])
        homes = [
            _bigrams(_mark_text(a.kicker, a.title, a.subtitle, a.byline, a.body)) for a in prepared.articles
        ]
        moved: dict[str, tuple[int, int]] = {}
        dropped = 0
        for _, _, _, kicker, title, subtitle, byline, body, read, starred in marked:
            home = best_home(_bigrams(_mark_text(kicker, title, subtitle, byline, body)), homes)
            if home is None:
                dropped += 1
                continue
            was_read, was_starred = moved.get(keys[home], (0, 0))
            moved[keys[home]] = (max(was_read, int(read)), max(was_starred, int(starred)))
        conn.executemany(
            "INSERT INTO user_state (key, read, starred, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET read = max(read, excluded.read), "
            "starred = max(starred, excluded.starred), updated_at = excluded.updated_at",
            [(key, read, starred, _now()) for key, (read, starred) in moved.items()],
        )
        return ids, dropped

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
        """The raw text of the first stored page named ``source`` (sources may repeat: see
        :meth:`page_text_of` for one page)."""
        rows = self._query("SELECT raw_text FROM pages WHERE source = ? ORDER BY id LIMIT 1", (source,))
        return str(rows[0][0]) if rows else None

    def page_text_of(self, page_id: int) -> str | None:
        """The raw text of stored page ``page_id``, for provenance and rebuilds."""
        rows = self._query("SELECT raw_text FROM pages WHERE id = ?", (page_id,))
        return str(rows[0][0]) if rows else None

    def page_sources(self) -> list[str]:
        """The sources of every stored page, in the order they were first stored (may repeat)."""
        return [str(row[0]) for row in self._query("SELECT source FROM pages ORDER BY id")]

    def page_sha256(self, source: str) -> str | None:
        """The content hash the first stored page named ``source`` was read with."""
        rows = self._query("SELECT sha256 FROM pages WHERE source = ? ORDER BY id LIMIT 1", (source,))
        return str(rows[0][0]) if rows else None

    def _pages(self, where: str, params: Sequence[Any]) -> list[StoredPage]:
        identity = "identity" if self._schema >= 2 else "NULL"
        rows = self._query(f"SELECT id, source, {identity}, sha256 FROM pages {where} ORDER BY id", params)
        return [
            StoredPage(int(i), str(source), None if ident is None else bytes(ident), str(sha))
            for i, source, ident, sha in rows
        ]

    def stored_pages(self) -> list[StoredPage]:
        """Every stored page, in the order first stored (``build --rebuild`` re-parses these)."""
        return self._pages("", ())

    def stored_page(self, identity: bytes) -> StoredPage | None:
        """The page stored from the file of this identity, if any."""
        if self._schema < 2:
            return None
        found = self._pages("WHERE identity = ?", (identity,))
        return found[0] if found else None

    def pages_named(self, source: str) -> list[StoredPage]:
        """The pages shown as ``source`` (files of one name from different folders are several)."""
        return self._pages("WHERE source = ?", (source,))

    def article_id_at(self, page_id: int, seq: int) -> int | None:
        """The id of the article at position ``seq`` of page ``page_id`` (what SOURCE#SEQ names)."""
        if not 0 < seq < 2**63:  # no page has it, and SQLite cannot bind a wider integer
            return None
        rows = self._query("SELECT id FROM articles WHERE page_id = ? AND seq = ?", (page_id, seq))
        return int(rows[0][0]) if rows else None

    def article_keywords(self, article_id: int, limit: int = 8) -> list[str]:
        """An article's most characteristic words, best first ([] for an unknown id).

        Found from its text on demand with jieba (a few milliseconds, cached), not at ingest.
        """

        record = self.article(article_id)
        if record is None:
            return []
        return keywords(_prose(record.kicker, record.title, record.subtitle, record.body), limit)

    def article_places(self, article_id: int) -> list[str]:
        """The places named in one article."""
        rows = self._query("SELECT places FROM articles WHERE id = ?", (article_id,))
        return list(json.loads(rows[0][0])) if rows and rows[0][0] else []
