"""Building a library from page files: read, parse, store, one page at a time.

No SQL here: pages go through :mod:`liaocheng_tui.sources`, :func:`parse_page` and the
:class:`~liaocheng_tui.store.Library` API. The store adds each page in its own transaction, so
a page that fails is reported in the summary and leaves the library as it was.

Large builds read, parse and tokenise pages (:func:`~liaocheng_tui.store.prepare_page`, the
CPU-heavy part) in a pool of worker processes, one per CPU; this process is the only writer and
stores the prepared pages in order, one transaction each. Small builds, and ``jobs=1``, do it
all here, one page after another.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing.synchronize import Event as EventType
from pathlib import Path

from liaocheng_tui.parse import parse_page
from liaocheng_tui.parse.models import Page
from liaocheng_tui.safe_text import one_line
from liaocheng_tui.sources import (
    DEFAULT_MAX_BYTES,
    PageError,
    PagePath,
    bundled_seed_paths,
    display_source,
    iter_page_paths,
    page_identity,
    read_page_file,
)
from liaocheng_tui.store import AddResult, Library, LibraryError, PreparedPage, prepare_page

# Unless ``jobs`` is given, fewer pages than this are built in this process: starting a worker
# (imports and jieba's tables: 1.7 CPU-seconds) costs as much as preparing about 50 pages.
POOL_MIN_PAGES = 100
# Pages handed to the pool ahead of the writer, per worker: enough to keep every worker busy
# through the writer's slow commits (4 left the pool idle 10-20% of the time on the bench), few
# enough (about 100 KB each) that memory does not grow with the number of pages.
AHEAD_PER_JOB = 16
WORKER_NICENESS = 5
# "spawn": the app builds from a thread, and forking a process with threads is unsafe.
_SPAWN = multiprocessing.get_context("spawn")


@dataclass
class BuildProgress:
    """``done`` of ``total`` pages finished; ``current`` is the file being read ("" at the end)."""

    done: int
    total: int
    current: str


@dataclass
class BuildSummary:
    """What a build did.

    ``pages`` counts pages stored (new or changed), ``articles`` the articles they hold,
    ``skipped`` the pages already in the library unchanged, and ``failed`` lists
    ``(source, one-line reason)`` for pages that could not be used.  ``not_used`` lists
    ``(path, one-line reason)`` for input left out on purpose: a page with the same text as
    another page of this build (the first, in path order, is kept), and entries of a folder
    named like pages that are not files to read (a dangling link, a FIFO).
    """

    pages: int = 0
    articles: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    # Read/star marks of articles whose text is no longer on their page (see Library.add_page).
    marks_dropped: int = 0
    not_used: list[tuple[str, str]] = field(default_factory=list)


def _content_key(text: str) -> bytes:
    """What makes two pages the same page: their decoded text (so a re-encoded copy is one too)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _is_duplicate(
    seen: dict[bytes, str], key: bytes, source: str, shown_as: str, summary: BuildSummary
) -> bool:
    """Note ``source``'s text; True (and listed as not used) if another page of the build had it.

    Each file comes once per build (paths are unique by identity), so a text seen before is
    another file's, even under the same source name (``a/page1.txt`` and ``b/page1.txt``).
    """
    first = seen.get(key)
    if first is None:
        seen[key] = source
        return False
    summary.not_used.append((shown_as, f"same text as {first}, which is kept"))
    return True


def default_jobs() -> int:
    """Worker processes for a build: the CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def build_library(
    library: Library,
    paths: Sequence[Path] | None = None,
    *,
    rebuild: bool = False,
    on_progress: Callable[[BuildProgress], None] | None = None,
    max_page_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int | None = None,
    issue_date: str | None = None,
) -> BuildSummary:
    """Add page files (``paths``; folders expand to their ``*.txt``) to ``library``.

    ``paths`` None means the bundled seeds. ``rebuild`` parses pages again even when they are
    stored unchanged (after a parser upgrade, say): with ``paths`` those files are re-read; with
    none, every page already in the library is re-parsed from the raw text it keeps (an empty
    library gets the bundled seeds). Each page is replaced in its own transaction, so a rebuild
    killed midway leaves every page either as it was or re-parsed, never missing. A page is its
    file (:func:`~liaocheng_tui.sources.page_identity`), never its name; a replaced page keeps its
    article ids by position, and read and starred marks move to the new article holding most of
    their text (:meth:`Library.add_page`; ``marks_dropped`` counts those that had none). Missing paths raise
    :class:`PageError` before the library is touched; any other failing page is recorded in the
    summary, not raised. A page file over ``max_page_bytes`` is such a failure.

    ``jobs`` worker processes read, parse and tokenise pages while this process stores them, in
    order; ``jobs=1`` does everything here. By default there is one worker per CPU, or none for
    fewer than :data:`POOL_MIN_PAGES` pages. A worker that dies on a page (a crash, the OOM killer) fails that page only.

    ``issue_date`` (``YYYY-MM-DD``) dates the pages that print no date and whose path names none.

    Only one build writes to a library at a time: if another process (or thread) is building
    it, :class:`LibraryError` is raised before anything changes. Only the pages' paths are held,
    plus a few pages in flight, so memory stays flat however many pages there are.
    """
    if paths is None:
        page_paths = [PagePath(path, path.name, page_identity(path)) for path in bundled_seed_paths()]
        if not page_paths:
            raise PageError("no bundled seed pages found in this installation")
    else:
        not_read: list[tuple[str, str]] = []
        page_paths = list(iter_page_paths(paths, not_read))
    min_pages = POOL_MIN_PAGES if jobs is None else 2
    jobs = default_jobs() if jobs is None else max(1, jobs)
    with library.build_lock():
        # Before any page: a library that another program is writing to (or that is read-only)
        # would fail every page after a full busy timeout each, and one that fails SQLite's
        # quick_check (run only if it changed since its last good check) must not grow.
        library.probe_write_lock()
        library.verify()
        if rebuild and paths is None and not library.is_empty():
            return _reparse_stored_pages(library, on_progress, jobs, min_pages, issue_date)
        summary = BuildSummary()
        if paths is not None:
            summary.not_used.extend(not_read)
        seen: dict[bytes, str] = {}  # page text -> the source that has it, in this build
        total = len(page_paths)
        if jobs > 1 and total >= min_pages:
            jobs_for_pool = (
                _Job(
                    source=page_path.source,
                    shown_as=display_source(str(page_path.path)),
                    identity=page_path.identity,
                    path=page_path.path,
                    max_bytes=max_page_bytes,
                    # Skip unchanged pages before parsing: the worker compares the file's hash.
                    stored_sha256=None if rebuild else _stored_sha256(library, page_path.identity),
                    issue_date=issue_date,
                )
                for page_path in page_paths
            )
            _build_in_pool(
                library, jobs_for_pool, total, jobs, on_progress, summary, replace=rebuild, seen=seen
            )
        else:
            for done, page_path in enumerate(page_paths):
                if on_progress is not None:
                    on_progress(BuildProgress(done=done, total=total, current=page_path.source))
                try:
                    _add_page(library, page_path, summary, max_page_bytes, rebuild, issue_date, seen)
                except (PageError, LibraryError) as error:
                    _stop_if_the_library_failed(error)
                    summary.failed.append((page_path.source, one_line(str(error))))
        if on_progress is not None:
            on_progress(BuildProgress(done=total, total=total, current=""))
    return summary


def needs_bundled_pages(library: Library) -> bool:
    """Whether the default library is to be built from the bundled pages: it holds no article,
    or a first build of them was cut short (the app quit, the command killed: ``search … | head``)
    and left some of them in it and nothing else, and no build is running. Building again finishes it, as a build skips
    the pages stored unchanged; a library the user has added pages to is never touched."""
    if library.is_empty():
        return True
    stored = sum(library.stored_page(page_identity(path)) is not None for path in bundled_seed_paths())
    cut_short = 0 < stored < len(bundled_seed_paths()) and library.counts().pages == stored
    return cut_short and not library.build_in_progress()  # a first build still running is not cut short


def _stored_sha256(library: Library, identity: bytes) -> str | None:
    stored = library.stored_page(identity)
    return None if stored is None else stored.sha256


def _stop_if_the_library_failed(error: PageError | LibraryError) -> None:
    """Re-raise an error of the library file itself (locked, read-only, damaged, full, gone):
    every later page would fail the same way, each after the busy timeout."""
    if isinstance(error, LibraryError) and error.kind is not None:
        raise error


def _reparse_stored_pages(
    library: Library,
    on_progress: Callable[[BuildProgress], None] | None,
    jobs: int,
    min_pages: int,
    issue_date: str | None,
) -> BuildSummary:
    summary = BuildSummary()
    # By page, not by source: two stored pages may share a source (files of one name).
    pages = library.stored_pages()
    total = len(pages)
    if jobs > 1 and total >= min_pages:

        def stored_jobs() -> Iterator[_Job]:
            for page in pages:
                text = library.page_text_of(page.id)
                if text is None:  # removed by someone else meanwhile
                    continue
                yield _Job(
                    source=page.source,
                    shown_as=page.source,
                    identity=page.identity,
                    text=text,
                    sha256=page.sha256,
                    issue_date=issue_date,
                )

        _build_in_pool(library, stored_jobs(), total, jobs, on_progress, summary, replace=True)
    else:
        for done, page in enumerate(pages):
            if on_progress is not None:
                on_progress(BuildProgress(done=done, total=total, current=page.source))
            text = library.page_text_of(page.id)
            if text is None:  # removed by someone else meanwhile
                continue
            try:
                _store_parsed(
                    library,
                    text,
                    page.source,
                    page.sha256,
                    summary,
                    replace=True,
                    shown_as=page.source,
                    identity=page.identity,
                    issue_date=issue_date,
                )
            except (PageError, LibraryError) as error:
                _stop_if_the_library_failed(error)
                summary.failed.append((page.source, one_line(str(error))))
    if on_progress is not None:
        on_progress(BuildProgress(done=total, total=total, current=""))
    return summary


def _add_page(
    library: Library,
    page_path: PagePath,
    summary: BuildSummary,
    max_page_bytes: int,
    rebuild: bool,
    issue_date: str | None,
    seen: dict[bytes, str],
) -> None:
    page_file = read_page_file(page_path.path, max_page_bytes, source=page_path.source)
    if _is_duplicate(seen, _content_key(page_file.text), page_file.source, str(page_path.path), summary):
        return
    stored = None if rebuild else library.stored_page(page_path.identity)
    if stored is not None and library.page_text_of(stored.id) == page_file.text:
        # Already stored unchanged: skip before parsing, so a repeated build costs only reads.
        summary.skipped += 1
        return
    _store_parsed(
        library,
        page_file.text,
        page_file.source,
        page_file.sha256,
        summary,
        replace=rebuild,
        shown_as=display_source(str(page_path.path)),
        identity=page_path.identity,
        issue_date=issue_date,
    )


def _parse(text: str, source: str, shown_as: str, issue_date: str | None) -> Page:
    # ``shown_as`` is the path as the user gave it: its folders may name the issue date.
    try:
        return parse_page(text, source=source, path=shown_as, issue_date=issue_date)
    except Exception as error:  # a parser bug on one page must not stop the others
        raise PageError(f"could not parse {shown_as}: {type(error).__name__}: {error}") from error


def _store_parsed(
    library: Library,
    text: str,
    source: str,
    sha256: str,
    summary: BuildSummary,
    *,
    replace: bool,
    shown_as: str,
    identity: bytes | None,
    issue_date: str | None,
) -> None:
    page = _parse(text, source, shown_as, issue_date)
    _count(summary, library.add_page(page, text, sha256, replace=replace, identity=identity))


def _count(summary: BuildSummary, result: AddResult) -> None:
    summary.marks_dropped += result.marks_dropped
    if result.status == "skipped":
        summary.skipped += 1
    else:
        summary.pages += 1
        summary.articles += result.articles


# -- the process pool ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    """One page for a worker: a file to read (``path``) or stored text to parse again."""

    source: str
    shown_as: str
    identity: bytes | None = None
    path: Path | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    stored_sha256: str | None = None  # the file hashes to this: stored unchanged, do not parse
    text: str | None = None
    sha256: str | None = None
    issue_date: str | None = None


@dataclass(frozen=True)
class _Prepared:
    """A worker's answer: the page ready to store, or ``page`` None when it is stored unchanged."""

    text: str
    sha256: str
    page: Page | None = None
    prepared: PreparedPage | None = None
    content_key: bytes = b""  # _content_key(text), of the file's text even when not sent back


def _prepare_job(job: _Job) -> _Prepared:
    """Read, parse and tokenise one page (in a worker process)."""
    if job.path is not None:
        page_file = read_page_file(job.path, job.max_bytes, source=job.source)
        text, sha256 = page_file.text, page_file.sha256
        if sha256 == job.stored_sha256:  # no need to send the text back
            return _Prepared(text="", sha256=sha256, content_key=_content_key(text))
    else:
        assert job.text is not None and job.sha256 is not None
        text, sha256 = job.text, job.sha256
    page = _parse(text, job.source, job.shown_as, job.issue_date)
    return _Prepared(
        text=text, sha256=sha256, page=page, prepared=prepare_page(page), content_key=_content_key(text)
    )


def _start_worker(parent: int, started: EventType | None = None) -> None:
    # Ctrl-C reaches the whole process group: the writer handles it and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if started is not None:  # this platform can start workers (see _build_in_pool)
        started.set()

    def exit_with_parent() -> None:
        # A writer killed with SIGKILL cannot stop its workers: they leave on their own.
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=exit_with_parent, name="exit-with-parent", daemon=True).start()
    # The one writer is the build's critical path: workers at the writer's priority, as many as
    # cores, take CPU from it and then wait on it.  Yielding to it (and to an app building from a
    # thread) keeps every core busy with useful work.
    with contextlib.suppress(AttributeError, OSError):  # no os.nice on Windows
        os.nice(WORKER_NICENESS)
    from liaocheng_tui.analysis import warm_up_places

    warm_up_places()


def _new_pool(jobs: int, started: EventType | None = None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_SPAWN,
        initializer=_start_worker,
        initargs=(os.getpid(), started),
    )


def _build_in_pool(
    library: Library,
    page_jobs: Iterable[_Job],
    total: int,
    jobs: int,
    on_progress: Callable[[BuildProgress], None] | None,
    summary: BuildSummary,
    *,
    replace: bool,
    seen: dict[bytes, str] | None = None,
) -> None:
    """Workers prepare pages; this process stores them in order, each in its own transaction.

    ``seen`` (page files, not stored pages re-parsed): page text -> source, to leave out copies."""
    # More workers than pages would idle; and a pool sized past a C int (--jobs 10**20) raises.
    jobs = max(1, min(jobs, total))
    waiting = iter(page_jobs)
    pending: deque[tuple[_Job, Future[_Prepared] | None]] = deque()
    # Set by a worker once it has started: then this platform can run workers, and a broken
    # pool means a worker died. (Whether a page's result has been read yet says nothing: on a
    # loaded machine a worker can die before this process reads the pages prepared before.)
    started = _SPAWN.Event()
    pool: ProcessPoolExecutor | None = _new_pool(jobs, started)

    def submit(job: _Job) -> Future[_Prepared] | None:
        if pool is None:
            return None  # prepared here, when its turn comes
        try:
            return pool.submit(_prepare_job, job)
        except BrokenProcessPool as error:  # a worker died since: handled below, in order
            failed: Future[_Prepared] = Future()
            failed.set_exception(error)
            return failed

    done = 0
    try:
        while True:
            while len(pending) < jobs * AHEAD_PER_JOB:
                job = next(waiting, None)
                if job is None:
                    break
                pending.append((job, submit(job)))
            if not pending:
                break
            job, future = pending.popleft()
            if on_progress is not None:
                on_progress(BuildProgress(done=done, total=total, current=job.source))
            try:
                if future is None:
                    result = _prepare_job(job)
                else:
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        assert pool is not None
                        pool.shutdown(wait=False, cancel_futures=True)
                        if started.is_set():
                            # A worker died, and every page in flight with it. Try this page alone
                            # in a fresh process: if that dies too, this page kills workers.
                            result = _prepare_alone(job)
                            pool = _new_pool(jobs, started)
                        else:
                            # No worker ever started (a script without the ``__main__`` guard
                            # that "spawn" needs, say): build the rest here.
                            pool = None
                            result = _prepare_job(job)
                        pending = deque((j, submit(j)) for j, _ in pending)
                if seen is None or not _is_duplicate(
                    seen, result.content_key, job.source, job.shown_as, summary
                ):
                    _store_prepared(library, job, result, summary, replace=replace)
            except (PageError, LibraryError) as error:
                _stop_if_the_library_failed(error)
                summary.failed.append((job.source, one_line(str(error))))
            except Exception as error:  # a bug in one page's preparation must not stop the others
                reason = f"could not prepare {job.shown_as}: {type(error).__name__}: {error}"
                summary.failed.append((job.source, one_line(reason)))
            done += 1
    except BaseException:
        if pool is not None:  # interrupted: drop the pages in flight, do not wait for them
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    if pool is not None:
        pool.shutdown(wait=True)  # the workers are idle by now: let them exit


def _prepare_alone(job: _Job) -> _Prepared:
    alone = _new_pool(1)
    try:
        return alone.submit(_prepare_job, job).result()
    except BrokenProcessPool:
        raise PageError(f"the worker process died while preparing {job.shown_as}") from None
    finally:
        alone.shutdown(wait=False, cancel_futures=True)


def _store_prepared(
    library: Library, job: _Job, result: _Prepared, summary: BuildSummary, *, replace: bool
) -> None:
    if result.page is None or (
        # Same text under another hash (the file was re-encoded, say): unchanged all the same.
        job.stored_sha256 is not None and _stored_text(library, job.identity) == result.text
    ):
        summary.skipped += 1
        return
    _count(
        summary,
        library.add_page(
            result.page, result.text, result.sha256, result.prepared, replace=replace, identity=job.identity
        ),
    )


def _stored_text(library: Library, identity: bytes | None) -> str | None:
    stored = None if identity is None else library.stored_page(identity)
    return None if stored is None else library.page_text_of(stored.id)
