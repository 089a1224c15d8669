"""The Textual app: section tree, article list, reader, search with highlighting, export.

Threads: the UI thread owns one :class:`~liaocheng_tui.store.Library` connection for fetching
rows by id (fast, indexed reads). Everything slow runs on two background threads, each with its
own connection and :class:`~liaocheng_tui.search.Searcher`: one for searches only, so that a
search never queues behind other work, and one for the rest (the section tree and counts,
jieba warm-up, keywords, related articles, building the library). Async workers await them, so
the UI never blocks and a newer search simply supersedes an older one. The search module (and
so jieba) is imported only on those threads, after the first paint.

Start-up paints the article list first (one indexed query); the tree, the header's counts and
the author/place lists follow from the background thread.
"""

from __future__ import annotations

import asyncio
import functools
import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Concatenate, ParamSpec, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Label, ProgressBar, Static, Tree

from liaocheng_tui.config import history_path as default_history_path
from liaocheng_tui.export import (
    ExportError,
    default_filename,
    export_refusal,
    library_files,
    render_article,
    write_articles,
)
from liaocheng_tui.safe_text import one_line, strip_controls
from liaocheng_tui.store import Library, LibraryError
from liaocheng_tui.tui.article_list import END_PAGE, MIN_TITLE_CELLS, ArticleList
from liaocheng_tui.tui.footer import KeyFooter
from liaocheng_tui.tui.keymap import APP_BINDINGS
from liaocheng_tui.tui.reader import Reader
from liaocheng_tui.tui.screens import ConfirmScreen, ExportRequest, ExportScreen, HelpScreen
from liaocheng_tui.tui.search_bar import SearchBar
from liaocheng_tui.tui.section_tree import NodeData, SectionTree, node_name

if TYPE_CHECKING:
    from liaocheng_tui.build import BuildProgress, BuildSummary
    from liaocheng_tui.search import Searcher, SearchResult
    from liaocheng_tui.store import ArticleRecord

T = TypeVar("T")
P = ParamSpec("P")
R = TypeVar("R")


def reports_library_errors(
    method: Callable[Concatenate[LiaochengApp, P], R],
) -> Callable[Concatenate[LiaochengApp, P], R | None]:
    """For the app's methods that read the library on the UI thread (opening an article,
    showing a list, a star): a library error becomes a notice and the method returns None.

    Raised out of a message handler it would stop the app's message loop; the workers' jobs
    go through ``LiaochengApp._guarded`` instead.
    """

    @functools.wraps(method)
    def guarded(app: LiaochengApp, /, *args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return method(app, *args, **kwargs)
        except LibraryError as error:
            app.report_library_error(error)
            return None

    return guarded


class BackgroundThread:
    """One worker thread with its own library connection and searcher, opened on first use."""

    def __init__(
        self,
        name: str,
        db_path: Path,
        open_library: Callable[[Path], Library],
        open_searcher: Callable[[Library], Searcher] | None,
    ) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._db_path = db_path
        self._open_library = open_library
        self._open_searcher = open_searcher
        self._library: Library | None = None
        self._searcher: Searcher | None = None

    def _call(self, job: Callable[[Library, Searcher], T]) -> T:
        if self._library is None or self._searcher is None:
            self._library = self._open_library(self._db_path)
            if self._open_searcher is not None:
                self._searcher = self._open_searcher(self._library)
            else:
                from liaocheng_tui.search import Searcher

                # A search typed before the quiet-time warm-up must not wait for jieba to load.
                self._searcher = Searcher(self._library, wait_for_dictionary=False)
        return job(self._library, self._searcher)

    async def run(self, job: Callable[[Library, Searcher], T]) -> T:
        return await self.submit(job)

    def submit(self, job: Callable[[Library, Searcher], T]) -> asyncio.Future[T]:
        """Queue ``job`` now (from the event loop's thread); await the future for its result.

        Unlike starting a worker that then queues the job, this hands the job to the thread
        before the app renders another frame, so the two run side by side.
        """
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._executor, self._call, job)
        # A search superseded before its worker awaited it must not log an unretrieved error.
        future.add_done_callback(_retrieve_exception)
        return future

    def _close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None

    def shutdown(self) -> None:
        self._executor.submit(self._close)
        self._executor.shutdown(wait=True, cancel_futures=False)


def _retrieve_exception(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()


NARROW_WIDTH = 100  # below this many columns the section tree is hidden unless toggled on
SEARCH_DEBOUNCE = 0.2  # seconds of typing quiet before a search runs
SEARCH_FRAME_HOLD = 0.12  # seconds at most that Enter's frame waits for the results (see _hold_frames)
SEARCH_PAGE = 50  # hits fetched per search page; more are fetched as the cursor nears the end
EXTRAS_DELAY = 0.15  # seconds the cursor rests on an article before related articles are looked up
READ_AFTER = 3.0  # seconds an article stays in the reader before it counts as read
WARM_UP_QUIET = 0.8  # seconds without a key press or a search before jieba's dictionary loads
WARM_UP_CHECK = 0.1  # seconds between looks at whether the keyboard has been quiet long enough
# The panes' widths, as liaocheng.tcss sets them (tests/test_app_user.py checks they agree):
# the tree is 30 columns (24 when narrow); beside it the list takes 2/5 of the rest (1/2 when
# narrow); without it 2/5 of the whole. A pane's border and scrollbar take 3 columns.
TREE_CELLS, NARROW_TREE_CELLS, PANE_FRAME_CELLS = 30, 24, 3


def list_width(width: int, *, tree: bool) -> int:
    """The list's inner width in a terminal ``width`` columns wide, with or without the tree."""
    narrow = width < NARROW_WIDTH
    rest = width - ((NARROW_TREE_CELLS if narrow else TREE_CELLS) if tree else 0)
    share = rest // 2 if narrow and tree else rest * 2 // 5
    return share - PANE_FRAME_CELLS


HEADER_ICON_CELLS = 8  # Textual's header icon, on the left; the title is centred
CHANGED_NOTE = "changed on disk: r reloads"  # the header's note when another program changed the library
# Seconds between checks for another program's changes; PRAGMA data_version costs microseconds.
LIBRARY_POLL = 2.0


class LiaochengApp(App[None]):
    """The newspaper archive browser."""

    CSS_PATH = Path(__file__).with_name("liaocheng.tcss")
    TITLE = "聊城 liaocheng-tui"
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS
    # Textual keeps its own Footer on screen beside a maximized pane; ours went with the rest.
    ALLOW_IN_MAXIMIZED_VIEW: ClassVar[str] = "KeyFooter"
    # Seconds an article must stay in the reader to be marked read (tests shorten it).
    read_after: float = READ_AFTER

    def __init__(
        self,
        db_path: Path,
        *,
        build_if_empty: bool = True,
        open_library: Callable[[Path], Library] = Library,
        open_searcher: Callable[[Library], Searcher] | None = None,
        history_path: Path | None = None,
    ) -> None:
        """``open_library``/``open_searcher`` exist so tests can substitute a large fake archive.

        ``history_path``: where the search history is kept across sessions (by default
        :func:`~liaocheng_tui.config.history_path`, in the user data folder).
        """
        super().__init__()
        self.db_path = Path(db_path)
        self.history_path = history_path if history_path is not None else default_history_path()
        self.build_if_empty = build_if_empty
        self._open_library = open_library
        self._open_searcher = open_searcher
        self.library: Library | None = None
        self._background = BackgroundThread("liaocheng-background", self.db_path, open_library, open_searcher)
        self._search_thread = BackgroundThread("liaocheng-search", self.db_path, open_library, open_searcher)
        self._extras_timer: Timer | None = None
        self.current_node = NodeData("filter")
        self.current_query = ""
        self.search_result: SearchResult | None = None
        # The query whose results ``search_result`` holds: the one shown and paged in, which an
        # invalid query typed after it (``current_query``, ``search_error``) does not replace.
        self.results_query = ""
        self.search_error: str | None = None
        self.tree_forced: bool | None = None
        self.searches_run = 0
        self._search_timer: Timer | None = None
        self._frame_hold: Timer | None = None  # see _hold_frames
        self._pending_highlight: int | None = None  # the list's cursor, not yet in the reader
        self._pending_search: asyncio.Future[tuple[SearchResult | None, str | None]] | None = None
        # The article the cursor stays on when the search is run again (a reload, a rebuild).
        self._keep_after_search: int | None = None
        self._read_timer: Timer | None = None
        # Set on the background thread once jieba's dictionary is loaded: jobs queued behind the
        # warm-up see it, so they can compute keywords without a second trip.
        self._dictionary_ready = threading.Event()
        # Bumped by every related-articles lookup; a queued lookup that is no longer the newest
        # is dropped when its turn comes (a cancelled worker does not stop its thread's job).
        self._extras_generation = 0
        # The article shown when the app opens is not marked read by time: nobody chose it.
        self._opened_any = False
        self.ready = False
        self.warm = False
        self.warm_up_quiet = WARM_UP_QUIET
        self.search_frame_hold = SEARCH_FRAME_HOLD
        self.search_debounce = SEARCH_DEBOUNCE
        self.library_poll_interval = LIBRARY_POLL
        self.library_changed = False  # another program changed the library since it was loaded
        self._loaded_version: int | None = None
        self._building = False
        # What is wrong with the library file (read-only, deleted, damaged), for the header.
        self.library_problem: str | None = None
        self._reported_errors: set[str] = set()
        self._tree_squeezed = False  # the tree was left out to keep titles readable
        self._last_input = time.monotonic()
        self._warm_up_timer: Timer | None = None

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchBar(id="search", history_path=self.history_path)
        with Horizontal(id="panes"):
            yield SectionTree(id="tree")
            with Vertical(id="middle"):
                with Vertical(id="build-panel"):
                    yield Label("Building the library from the bundled pages…", id="build-label")
                    yield ProgressBar(id="build-progress", show_eta=False)
                yield ArticleList(self._fetch_records, id="list")
            yield Reader(id="reader")
        yield KeyFooter()

    def _main_screen(self) -> Screen[Any]:
        """The screen the panes are on, also while a dialog (help, export, palette) is on top.

        ``App.query_one`` looks in the active screen only: a timer or worker that finished
        while a dialog was open would not find the reader there.
        """
        return self.screen_stack[0] if self.screen_stack else self.screen

    @property
    def section_tree(self) -> SectionTree:
        return self._main_screen().query_one("#tree", SectionTree)

    @property
    def article_list(self) -> ArticleList:
        return self._main_screen().query_one("#list", ArticleList)

    @property
    def reader(self) -> Reader:
        return self._main_screen().query_one("#reader", Reader)

    @property
    def search_bar(self) -> SearchBar:
        return self._main_screen().query_one("#search", SearchBar)

    @property
    def settled(self) -> bool:
        """Nothing the user started is still on its way: no debounced or running search, no
        article waiting to open, no related-articles lookup and no worker (tests wait on this)."""
        search_pending = self._pending_search is not None and not self._pending_search.done()
        return not (
            self._search_timer is not None
            or search_pending
            or self._pending_highlight is not None
            or self._extras_timer is not None
            or self._frame_hold is not None
            or any(not worker.is_finished for worker in self.workers)
        )

    @property
    def frames_held(self) -> bool:
        """Whether Enter's search is holding the screen's updates (see :meth:`_hold_frames`)."""
        return self._frame_hold is not None

    def on_mount(self) -> None:
        self.section_tree.border_title = "版面 Sections"
        self.article_list.border_title = "文章 Articles"
        self.reader.border_title = "阅读 Reader"
        self.search_bar.border_title = "搜索 Search"
        self._apply_tree_visibility(self.size.width)
        self.article_list.focus()
        self.set_interval(self.library_poll_interval, self.check_library_changed)
        try:
            self.library = self._open_library(self.db_path)
            if self.library.read_only is not None:
                self._note_problem(
                    "read-only: marks are off",
                    f"Library {self.db_path} is read-only ({self.library.read_only}): "
                    "browsing and search work; read marks and stars are off.",
                )
            from liaocheng_tui.build import needs_bundled_pages  # here, as build_library is: the parser

            if self.build_if_empty and self.library.read_only is None and needs_bundled_pages(self.library):
                self.build_library_in_background(rebuild=False)
            else:
                self._load_library()
        except LibraryError as error:
            self.report_library_error(error)

    def on_ready(self) -> None:
        self.open_search_thread()
        # jieba's dictionary loads in one ``marshal.load`` that holds the GIL for most of a
        # second: begun at once, it would freeze the first search typed after start. It starts
        # once the user has left the keyboard alone for a moment; only ranking needs it.
        self._last_input = time.monotonic()
        self._warm_up_timer = self.set_interval(WARM_UP_CHECK, self._warm_up_when_quiet)

    async def on_event(self, event: events.Event) -> None:
        """Note when the user last pressed a key or a button (see :meth:`_warm_up_when_quiet`)."""
        if isinstance(event, (events.Key, events.MouseDown)) and not event.is_forwarded:
            self._last_input = time.monotonic()
        await super().on_event(event)

    def _warm_up_when_quiet(self) -> None:
        searching = self._search_timer is not None or (
            self._pending_search is not None and not self._pending_search.done()
        )
        if searching or time.monotonic() - self._last_input < self.warm_up_quiet:
            return
        if self._warm_up_timer is not None:
            self._warm_up_timer.stop()
            self._warm_up_timer = None
        self.warm_up()

    @work(group="search-thread")
    async def open_search_thread(self) -> None:
        """Open the search thread's connection and searcher now, not on the first search."""
        await self.in_search_thread(lambda _library, _searcher: None)

    def on_unmount(self) -> None:
        self._search_thread.shutdown()
        self._background.shutdown()
        if self.library is not None:
            self.library.close()

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's text: as many of the subtitle's `` · ``-separated parts as fit whole.

        Textual cuts a long header with an ellipsis, inside a word ("2 版 pa…"). A part saying
        the library changed on disk is kept longest: it tells the user to press r.
        """
        room = self.size.width - 2 * HEADER_ICON_CELLS  # the title is centred between the icons
        parts = [part for part in sub_title.split(" · ") if part]

        def text(kept: list[str]) -> str:
            return title + (" — " + " · ".join(kept) if kept else "")

        # What is wrong with the library file (marks off, damaged) is kept as long, too.
        kept_longest = [p for p in parts if p.startswith(CHANGED_NOTE) or p == self.library_problem]
        while parts and cell_len(text(parts)) > room:
            others = [index for index, part in enumerate(parts) if part not in kept_longest]
            del parts[others[-1] if others else -1]
        return super().format_title(title, " · ".join(parts))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's notify, with the text cleaned: messages quote titles, paths and errors.

        A toast's ``Content`` keeps ESC and bidi controls, so whatever a notification quotes is
        stripped of them here, in one place. Text from the library or the user comes with
        ``markup=False`` (every such call in the app says so) and shows literally; a message
        with ``markup=True`` is the app's or Textual's own (Textual's "Saved screenshot to
        [$text-success]…"), whose markup is kept: control characters are never markup, so
        stripping them leaves it intact. (Forcing ``markup=False`` on those showed the tags.)
        """
        cleaned = "\n".join(one_line(line) for line in strip_controls(message).split("\n"))
        super().notify(cleaned, title=one_line(title), severity=severity, timeout=timeout, markup=markup)

    # -- library errors ----------------------------------------------------------------------

    def report_library_error(self, error: LibraryError) -> None:
        """Show a library error (locked, read-only, damaged, deleted...) as one notice.

        Every worker and every read on the UI thread ends up here (see ``_guarded`` and
        :func:`reports_library_errors`): the app keeps running, and a message already shown is
        not repeated on every key.
        """
        message = one_line(str(error))
        if error.kind in ("damaged", "not-a-database", "io"):
            self._note_problem("library damaged: see liaocheng-tui check", None)
            if self.library is not None:
                self.library.refuse_writes(message)
        elif error.kind == "gone":
            self._note_problem("library file deleted or replaced: marks are off; reopen", None)
        if message in self._reported_errors:
            return
        self._reported_errors.add(message)
        self.notify(message, title="Library error", severity="error", timeout=12, markup=False)

    def _note_problem(self, header: str, notice: str | None) -> None:
        """Say in the header (and once in a notice) what is wrong with the library file."""
        if self.library_problem == header:
            return
        self.library_problem = header
        self.sub_title = f"{self.sub_title} · {header}" if self.sub_title else header
        if notice is not None:
            self.notify(notice, title="Library", severity="warning", timeout=12, markup=False)

    async def _guarded(self, pending: Awaitable[T]) -> T:
        """Await a background job; a library error becomes a notice and ends the worker quietly."""
        try:
            return self._still_showing(await pending)
        except LibraryError as error:
            self.report_library_error(error)
            raise asyncio.CancelledError from None

    # -- background thread -------------------------------------------------------------------

    async def in_background(self, job: Callable[[Library, Searcher], T]) -> T:
        """Run ``job`` on the background thread with its own library and searcher."""
        return await self._guarded(self._background.run(job))

    async def in_search_thread(self, job: Callable[[Library, Searcher], T]) -> T:
        """Run ``job`` on the search thread, which does nothing else, so searches never wait."""
        return await self._guarded(self._search_thread.run(job))

    def _still_showing(self, result: T) -> T:
        """``result``, unless the app closed while its job ran.

        Then the widgets the calling worker would update are gone; ending the worker as
        cancelled (not failed) lets the app close quietly instead of reporting a lost widget.
        """
        readers = self.query("#reader")
        if not (readers and readers.first().is_attached):
            raise asyncio.CancelledError
        return result

    @work(group="warm-up")
    async def warm_up(self) -> None:
        def job(_library: Library, _searcher: Searcher) -> None:
            from liaocheng_tui.analysis import warm_up_search

            warm_up_search()
            self._dictionary_ready.set()

        await self.in_background(job)
        self.warm = True
        record = self.reader.record
        # The reader's keywords and related articles waited for the dictionary. A lookup still
        # queued or running was queued behind this job and will bring them: a second one now
        # would do the same work twice.
        if record is not None and self.reader.keywords is None and not self._extras_in_flight():
            self.load_extras(record)

    def _extras_in_flight(self) -> bool:
        return self._extras_timer is not None or any(
            worker.group == "extras" and not worker.is_finished for worker in self.workers
        )

    # -- building ----------------------------------------------------------------------------

    @work(exclusive=True, group="build")
    async def build_library_in_background(self, rebuild: bool) -> None:
        self._building = True
        try:
            await self._build_library(rebuild)
        finally:
            self._building = False

    async def _build_library(self, rebuild: bool) -> None:
        panel = self.query_one("#build-panel")
        panel.display = True
        progress_bar = self.query_one("#build-progress", ProgressBar)
        label = self.query_one("#build-label", Label)
        label.update("Rebuilding the library…" if rebuild else "Building the library from the bundled pages…")

        def report(progress: BuildProgress) -> None:
            progress_bar.update(total=progress.total, progress=progress.done)
            label.update(
                Text(
                    f"Building the library: {progress.done}/{progress.total} pages · "
                    f"{one_line(progress.current)}"
                )
            )

        def job(library: Library, _searcher: Searcher) -> BuildSummary:
            from liaocheng_tui.build import build_library

            def on_progress(progress: BuildProgress) -> None:
                self.call_from_thread(report, progress)

            return build_library(library, None, rebuild=rebuild, on_progress=on_progress)

        try:
            # Not through _guarded: a failed build also hides its progress panel.
            summary = self._still_showing(await self._background.run(job))
        except Exception as error:  # a failed build must not take the app down
            panel.display = False
            self.notify(
                markup=False, message=f"Build failed: {one_line(str(error))}", severity="error", timeout=10
            )
            return
        panel.display = False
        self.article_list.cache.forget()
        self._load_library()
        message = f"Library built: {summary.pages} pages, {summary.articles} articles"
        if summary.failed:
            message += f", {len(summary.failed)} failed"
        self.notify(markup=False, message=message, timeout=4)

    # -- loading -----------------------------------------------------------------------------

    def _fetch_records(self, ids: Iterable[int]) -> list[ArticleRecord]:
        if self.library is None:
            return []
        try:
            return self.library.articles(list(ids))
        except LibraryError as error:  # drawn rows: a damaged page must not stop the drawing
            self.report_library_error(error)
            return []

    @reports_library_errors
    def _load_library(self) -> None:
        """Show the list (or the search) now; the tree and the counts follow from the background."""
        assert self.library is not None
        self._loaded_version = self._library_version()
        self.library_changed = False
        self.ready = True
        if self.current_query:
            # Run again, the results keep the cursor on the article being read, as a tree
            # node's list does: a reload sent it back to the first result.
            self._keep_after_search = self.reader.record.id if self.reader.record else None
            self._start_search()
        else:
            self._show_node(self.current_node)
        # After the list is on screen: the tree's query would compete with the first paint.
        self.call_after_refresh(self.load_tree)

    @work(exclusive=True, group="tree")
    async def load_tree(self) -> None:
        """The section tree, author and place lists, starred count and header figures."""

        def job(library: Library, _searcher: Searcher) -> tuple[Any, ...]:
            return library.tree(), library.authors(), library.places(), library.counts()

        publications, authors, places, counts = await self.in_background(job)
        total = sum(publication.count for publication in publications)
        issues = sum(len(publication.dates) for publication in publications)
        pages = counts.pages
        self.section_tree.populate(publications, authors, places, counts.starred, total)
        # A library of more than one year: the list shows the year even where it is narrow.
        years = {d.date[:4] for publication in publications for d in publication.dates if d.date}
        self.article_list.set_show_year(len(years) > 1)
        self._apply_tree_visibility(self.size.width)  # years take room from titles
        if self.search_result is not None:
            self.section_tree.set_search_count(self.search_result.total)
        changed = f" · {CHANGED_NOTE}" if self.library_changed else ""
        problem = f" · {self.library_problem}" if self.library_problem else ""
        self.sub_title = f"{total} 篇 articles · {pages} 版 pages · {issues} 期 issues{changed}{problem}"
        if self.library is not None and not self.library.unchanged_since_check():
            self.check_library()

    @work(exclusive=True, group="check")
    async def check_library(self) -> None:
        """SQLite's quick_check, after the first paint, when the file changed since its last
        good check (another program wrote it, or the disk did): seconds on a large library."""

        def job(library: Library, _searcher: Searcher) -> list[str]:
            return library.quick_check()

        problems = await self.in_background(job)
        if self.library is None:
            return
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            self.report_library_error(
                LibraryError(
                    f"library {self.db_path} is damaged: {one_line(problems[0])}{more}; marks are off; "
                    "see 'liaocheng-tui check'",
                    "damaged",
                )
            )
        else:
            self.library.trust()

    def _library_version(self) -> int | None:
        if self.library is None:
            return None
        try:
            return self.library.data_version()
        except LibraryError:
            return None

    def check_library_changed(self) -> None:
        """Tell the user once when another program (a ``build``) has changed the library.

        The view is not reloaded by itself: rows would move under the cursor while reading.
        The same poll notices the library file (or its -wal) deleted or replaced under the app,
        which would otherwise lose every later mark silently: writes are refused from then on.
        """
        if self.library is not None and self.library_problem is None:
            problem = self.library.file_problem()
            if problem is not None:
                self.report_library_error(LibraryError(problem, "gone"))
                return
        if not self.ready or self.library_changed or self._building:
            return
        version = self._library_version()
        if version is None or self._loaded_version is None or version == self._loaded_version:
            return
        self.library_changed = True
        self.sub_title = f"{self.sub_title} · {CHANGED_NOTE}"
        self.notify(
            markup=False,
            title="Library changed",
            message="Another program changed the library. Press r to reload.",
            timeout=8,
        )

    @reports_library_errors
    def action_reload_library(self) -> None:
        """Re-read the tree, the counts and the current list or search from the library."""
        if self.library is None or self._building:
            return
        self.article_list.cache.forget()
        self._load_library()
        if self.reader.record is not None:
            current = self.library.article(self.reader.record.id)
            self.reader.show(current, self.article_list.hits.get(current.id) if current else None)
        self.notify(markup=False, message=f"Library reloaded: {self.sub_title}", timeout=3)

    @reports_library_errors
    def _show_node(self, node: NodeData, label: str | None = None) -> None:
        if self.library is None:
            return
        if node.kind == "search":
            if self.search_result is not None:
                self._show_search_result(self.search_result)
            else:  # Enter did nothing at all here
                self.notify(markup=False, message="No search yet: press / to search", timeout=3)
            return
        if node.kind != "filter":
            return
        self.current_node = node
        ids = self.library.article_ids(**node.filters)
        self.article_list.set_rows(ids, keep_id=self.reader.record.id if self.reader.record else None)
        self.article_list.border_title = Text("文章 Articles" if label is None else one_line(label))
        self.article_list.border_subtitle = f"{len(ids)}"
        if not ids:
            self.reader.show(None)

    @on(Tree.NodeSelected, "#tree")
    def _node_selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        if event.node.data is None:
            return
        if event.node.data.kind == "filter" and self.current_query:
            self._clear_search(restore=False)
        self._show_node(event.node.data, label=node_name(event.node.label))

    # -- opening articles --------------------------------------------------------------------

    @on(ArticleList.Highlighted)
    def _article_highlighted(self, event: ArticleList.Highlighted) -> None:
        # The reader follows the cursor one frame later: the list (new results, a moved
        # cursor) is drawn first, and a cursor that moves several rows within one frame
        # opens only the row it stops on.
        if self._pending_highlight is None:
            self.call_after_refresh(self._open_highlighted)
        self._pending_highlight = event.article_id

    def _open_highlighted(self) -> None:
        article_id, self._pending_highlight = self._pending_highlight, None
        if article_id is not None:
            self._open_article(article_id, mark_read=False)

    @on(ArticleList.Selected)
    def _article_selected(self, event: ArticleList.Selected) -> None:
        self._pending_highlight = None
        self._open_article(event.article_id, mark_read=True)
        self.reader.focus()

    @on(Reader.OpenRelated)
    def _open_related(self, event: Reader.OpenRelated) -> None:
        self._pending_highlight = None
        # Backspace (or h) comes back here, to the same line.
        back = self.reader.back_entry()
        self._open_article(event.article_id, mark_read=True, keep_back=True)
        if back is not None and self.reader.record is not None and self.reader.record.id == event.article_id:
            self.reader.push_back(back)

    @on(Reader.GoBack)
    def _go_back(self, event: Reader.GoBack) -> None:
        self._pending_highlight = None
        self._open_article(event.entry.article_id, mark_read=False, keep_back=True)
        if self.reader.record is not None and self.reader.record.id == event.entry.article_id:
            self.reader.restore_scroll(event.entry.scroll_y)

    @reports_library_errors
    def _open_article(self, article_id: int, *, mark_read: bool, keep_back: bool = False) -> None:
        if self.library is None:
            return
        record = self.library.article(article_id)
        if record is None:
            return
        hit = self.article_list.hits.get(article_id)
        if not keep_back:  # an article chosen in the list starts a new trail of related ones
            self.reader.clear_back()
        self.reader.show(record, hit)
        # Related articles cost a query: look them up only once the cursor rests here.
        if self._extras_timer is not None:
            self._extras_timer.stop()
        # The reader owns the timer, so it dies with the screen instead of firing after it.
        reader = self.reader
        self._extras_timer = reader.set_timer(
            EXTRAS_DELAY, lambda: self._load_extras_if_shown(reader, record)
        )
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        first, self._opened_any = not self._opened_any, True
        if mark_read:
            self._mark_read(article_id)
        elif not record.read and not first:
            # On the reader, like the extras timer: it dies with the reader, never firing after.
            self._read_timer = reader.set_timer(
                self.read_after, lambda: self._mark_read_if_shown(reader, article_id)
            )

    def _mark_read_if_shown(self, reader: Reader, article_id: int) -> None:
        self._read_timer = None
        if reader.is_attached and reader.record is not None and reader.record.id == article_id:
            self._mark_read(article_id)

    def _mark_read(self, article_id: int) -> None:
        if self.library is None or self.reader.record is None or self.reader.record.id != article_id:
            return
        if not self.reader.record.read:
            if self.library.read_only is not None or self.library.writes_refused is not None:
                return  # the header says marks are off
            try:
                self.library.set_read(article_id, True)
            except LibraryError as error:  # e.g. another build holds the write lock too long
                self.report_library_error(error)
                return
            self._refresh_article(article_id)

    @reports_library_errors
    def _refresh_article(self, article_id: int) -> None:
        if self.library is None:
            return
        self.article_list.refresh_article(article_id)
        record = self.library.article(article_id)
        if record is not None:
            self.reader.update_record(record)

    def _load_extras_if_shown(self, reader: Reader, record: ArticleRecord) -> None:
        self._extras_timer = None
        if reader.record is not None and reader.record.id == record.id:
            self.load_extras(record)

    @work(exclusive=True, group="extras")
    async def load_extras(self, record: ArticleRecord) -> None:
        """Keywords and related articles for the reader, off the UI thread."""

        self._extras_generation += 1
        generation = self._extras_generation

        def job(library: Library, searcher: Searcher) -> tuple[list[str] | None, list[ArticleRecord]] | None:
            if generation != self._extras_generation:
                return None  # a newer lookup was asked for while this one waited its turn
            # Keywords need jieba's dictionary: until the quiet-time warm-up has loaded it, they
            # wait (loading it here would freeze the app just after start; see on_ready). Asked
            # here, on the thread the warm-up runs on, a job queued behind it gets them.
            with_keywords = self._dictionary_ready.is_set()
            found = library.article_keywords(record.id) if with_keywords else None
            return found, library.articles(searcher.related(record.id, 3))

        result = await self.in_background(job)
        if result is None:
            return
        found_keywords, related = result
        self.reader.set_extras(record.id, found_keywords, related)
        shown = self.reader.record
        if found_keywords is None and self._dictionary_ready.is_set() and shown and shown.id == record.id:
            # This job ran just before the warm-up's and the warm-up saw it in flight.
            self.load_extras(record)

    @reports_library_errors
    def current_record(self) -> ArticleRecord | None:
        """The article in the reader, or else the one under the list cursor."""
        self._open_highlighted()  # the cursor may have moved within this frame
        if self.reader.record is not None:
            return self.reader.record
        article_id = self.article_list.current_id
        if article_id is None or self.library is None:
            return None
        return self.library.article(article_id)

    # -- search ------------------------------------------------------------------------------

    @on(SearchBar.Changed, "#search")
    def _search_changed(self, event: SearchBar.Changed) -> None:
        self._keep_after_search = None  # a new query's results start at the top
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        if not event.value.strip():
            if self.current_query:
                self._clear_search(restore=True)
            return
        self._search_timer = self.set_timer(self.search_debounce, self._start_search)

    def _start_search(self) -> None:
        self._search_timer = None
        query = self.search_bar.value.strip()
        if query and self.ready:
            self.run_search(query, self._submit_search(query))

    def _submit_search(self, query: str) -> asyncio.Future[tuple[SearchResult | None, str | None]]:
        """Hand ``query`` to the search thread at once; an older search not yet started is dropped."""
        if self._pending_search is not None:
            self._pending_search.cancel()
        if self._extras_timer is not None:  # for an article the results will replace
            self._extras_timer.stop()
            self._extras_timer = None

        def job(_library: Library, searcher: Searcher) -> tuple[SearchResult | None, str | None]:
            from liaocheng_tui.query import QueryError

            try:
                return searcher.search(query, limit=SEARCH_PAGE), None
            except QueryError as error:
                return None, str(error)

        self._pending_search = self._search_thread.submit(job)
        return self._pending_search

    @work(exclusive=True, group="search")
    async def run_search(
        self, query: str, pending: asyncio.Future[tuple[SearchResult | None, str | None]]
    ) -> None:
        """Show the result of the search ``pending`` for ``query``; a newer call cancels this one."""
        try:
            result, error = await self._guarded(pending)
        except BaseException:
            if pending is self._pending_search:  # not superseded: no newer search holds them
                self._release_frames()
            raise
        if query != self.search_bar.value.strip():
            self._release_frames()
            return  # the user typed on while this ran; their next search is on its way
        self.searches_run += 1
        self.current_query = query
        self.search_error = error
        if error is not None or result is None:
            self.search_bar.border_subtitle = Text(one_line(error or "invalid query"), style="bold red")
            self.search_bar.add_class("-error")
        else:
            self.search_bar.remove_class("-error")
            self.search_result = result
            self.results_query = query
            keep, self._keep_after_search = self._keep_after_search, None
            self._show_search_result(result, keep_id=keep)
        self._release_frames()  # the next frame shows the results

    def _show_search_result(self, result: SearchResult, keep_id: int | None = None) -> None:
        hits = result.hits
        self.article_list.set_rows(
            [hit.article_id for hit in hits], hits=hits, total=result.total, keep_id=keep_id
        )
        self.article_list.border_title = Text(f"搜索 {one_line(self.results_query)}")
        count = f"{result.total} result" + ("" if result.total == 1 else "s")
        if result.order == "newest" and result.total > 1:
            count += " · newest first"  # not ranked: above RANK_LIMIT, or nothing to rank by
        self.article_list.border_subtitle = count
        self.search_bar.border_subtitle = count
        self.section_tree.set_search_count(result.total)
        if not hits:
            self.reader.show(None)

    @on(ArticleList.NeedMore)
    def _on_need_more(self, event: ArticleList.NeedMore) -> None:
        self._need_more(END_PAGE if event.to_end else SEARCH_PAGE)

    def _need_more(self, count: int = SEARCH_PAGE) -> None:
        # The next page of the results shown: an invalid query typed since (its error in the
        # search border) raised out of this worker and took the app down.
        if self.results_query and self.search_result is not None:
            self.load_more_results(self.results_query, len(self.article_list.ids), count)

    @work(exclusive=True, group="search-more")
    async def load_more_results(self, query: str, offset: int, count: int = SEARCH_PAGE) -> None:
        def job(_library: Library, searcher: Searcher) -> SearchResult:
            return searcher.search(query, limit=count, offset=offset)

        result = await self.in_search_thread(job)
        if query == self.results_query and offset == len(self.article_list.ids):
            self.article_list.append_rows(result.hits)

    def _clear_search(self, *, restore: bool) -> None:
        self.current_query = ""
        self.search_result = None
        self.results_query = ""
        self.search_error = None
        self.search_bar.border_subtitle = ""
        self.search_bar.remove_class("-error")
        self.section_tree.set_search_count(None)
        if self.search_bar.value:
            with self.search_bar.prevent(SearchBar.Changed):
                self.search_bar.value = ""
        if restore:
            self._show_node(self.current_node)

    @on(SearchBar.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.search_bar.history.add(self.search_bar.value)
        if self._search_timer is not None:
            self._search_timer.stop()
            self._start_search()
            self._hold_frames()
        self.article_list.focus()

    def _hold_frames(self) -> None:
        """Draw nothing until the search's results are shown, for at most ``search_frame_hold`` s.

        Enter moves the focus to the list at once (keys go there), but drawing that change on
        its own would only show the old list with a new border, while taking the GIL from the
        search thread; the results come in one frame with it instead.
        """
        if self._frame_hold is not None:
            return
        self._begin_batch()
        self._frame_hold = self.set_timer(self.search_frame_hold, self._release_frames)

    def _release_frames(self) -> None:
        if self._frame_hold is None:
            return
        self._frame_hold.stop()
        self._frame_hold = None
        self._end_batch()
        if self.screen_stack:  # (none while the app closes)
            self.screen.check_idle()  # its update timer then draws what changed meanwhile

    @on(SearchBar.Leave)
    def _search_left(self) -> None:
        self.article_list.focus()

    # -- actions -----------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.search_bar.focus()

    def action_escape(self) -> None:
        """In the reader: back to the results (the search stays). Elsewhere: clear the search."""
        if self.focused is self.reader:
            self.article_list.focus()
        elif self.current_query or self.search_bar.value:
            self._clear_search(restore=True)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_toggle_tree(self) -> None:
        self.tree_forced = not self.section_tree.display
        self._apply_tree_visibility(self.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._apply_tree_visibility(event.size.width)
        self.call_after_refresh(self._refit_header)

    def _refit_header(self) -> None:
        # The header's text is set when the title changes; format_title fits it to the width.
        for header in self.query(Header):
            header.query_one("HeaderTitle", Static).update(header.format_title())

    def _apply_tree_visibility(self, width: int) -> None:
        narrow = width < NARROW_WIDTH
        # The main screen, even while a dialog is on top of it.
        main = self.screen_stack[0]
        main.set_class(narrow, "-narrow")
        visible = self.tree_forced if self.tree_forced is not None else not narrow
        squeezed = visible and self.article_list.title_room(list_width(width, tree=True)) < MIN_TITLE_CELLS
        if squeezed:
            # The tree gives way rather than leave titles fewer than MIN_TITLE_CELLS columns.
            visible = False
            if self.tree_forced and not self._tree_squeezed:
                self.notify(
                    markup=False,
                    message="Too narrow for the tree beside the titles: widen the terminal to show it",
                    severity="warning",
                    timeout=4,
                )
        self._tree_squeezed = squeezed
        # Beside the tree in a narrow terminal, the list takes as much room as the reader.
        main.set_class(narrow and visible, "-narrow-tree")
        tree = self.section_tree
        tree.display = visible
        if not visible and tree.has_focus:
            self.article_list.focus()

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_next_article(self) -> None:
        self._step_article(1)

    def _step_article(self, step: int) -> None:
        article_list = self.article_list
        if not article_list.ids:
            return
        target = article_list.cursor + step
        if 0 <= target < len(article_list.ids):
            article_list.cursor = target
        elif step > 0 and article_list.searching and len(article_list.ids) < article_list.total:
            self._need_more()  # the next page of results; ] goes on once it is in
        else:
            # Setting the cursor again re-opened the article at its top: ] at the last article
            # lost the reader's place (and the match it was on) instead of saying where it was.
            where = "first" if step < 0 else "last"
            self.notify(markup=False, message=f"This is the {where} article of the list", timeout=2)

    @reports_library_errors
    def action_toggle_star(self) -> None:
        record = self.current_record()
        if record is None or self.library is None:
            self.notify(markup=False, message="No article to star", severity="warning")
            return
        try:
            self.library.set_starred(record.id, not record.starred)
        except LibraryError as error:
            self.notify(markup=False, message=f"Star not saved: {error}", severity="error", timeout=8)
            return
        self._refresh_article(record.id)
        self.section_tree.set_starred_count(len(self.library.article_ids(starred=True)))
        self.notify(
            markup=False,
            message=("★ Starred " if not record.starred else "Unstarred ") + record.headline,
            timeout=2,
        )

    def action_mark_unread(self) -> None:
        record = self.current_record()
        if record is None or self.library is None:
            self.notify(markup=False, message="No article to mark unread", severity="warning")
            return
        if self._read_timer is not None:  # it would mark the article read again a moment later
            self._read_timer.stop()
            self._read_timer = None
        try:
            self.library.set_read(record.id, False)
        except LibraryError as error:
            self.notify(markup=False, message=f"Unread mark not saved: {error}", severity="error", timeout=8)
            return
        self._refresh_article(record.id)
        self.notify(markup=False, message=f"Marked unread: {record.headline}", timeout=2)

    def action_copy_article(self) -> None:
        record = self.current_record()
        if record is None:
            self.notify(markup=False, message="No article to copy", severity="warning")
            return
        text = render_article(record, "txt")
        self.copy_to_clipboard(text)
        self.notify(markup=False, message=f"Copied {len(text)} characters to the clipboard", timeout=2)

    def action_export(self) -> None:
        record = self.current_record()
        if record is None:
            self.notify(markup=False, message="No article to export", severity="warning")
            return

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self._export(record, request)

        self.push_screen(ExportScreen(record.headline, default_filename(record, "txt")), chosen)

    def _export(self, record: ArticleRecord, request: ExportRequest) -> None:
        # Into a folder (typed with a trailing "/", or one that exists), the file is named after
        # the article: the question is about that file, not about the folder.
        into_folder = request.folder or request.path.is_dir()
        destination = request.path / default_filename(record, request.fmt) if into_folder else request.path
        refusal = export_refusal(destination, library_files(self.db_path))
        if refusal is not None:
            self.notify(markup=False, message=f"Export failed: {refusal}", severity="error", timeout=8)
            return
        if destination.exists() or destination.is_symlink():

            def answered(overwrite: bool | None) -> None:
                if overwrite:
                    self._write_export(record, request, overwrite=True)
                else:
                    self.notify(markup=False, message="Not exported: the file was kept", severity="warning")

            self.push_screen(ConfirmScreen(f"{destination} exists. Overwrite it?"), answered)
            return
        self._write_export(record, request, overwrite=False)

    def _write_export(self, record: ArticleRecord, request: ExportRequest, *, overwrite: bool) -> None:
        try:
            written = write_articles(
                [record],
                request.target,
                request.fmt,
                overwrite=overwrite,
                protected=library_files(self.db_path),
            )
        except (ExportError, OSError) as error:
            self.notify(markup=False, message=f"Export failed: {error}", severity="error", timeout=8)
            return
        where = written[0] if written else request.path
        self.notify(markup=False, message=f"Exported to {where}", title="Export", timeout=6)

    def action_rebuild(self) -> None:
        if self.library is None:
            return
        refused = self.library.writes_refused or (
            f"library {self.db_path} is read-only: cannot rebuild" if self.library.read_only else None
        )
        if refused is not None:
            self.notify(refused, title="Not rebuilt", severity="error", timeout=8, markup=False)
            return
        self.build_library_in_background(rebuild=True)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Export article", "Export the current article to txt, md or json (e)", self.action_export
        )
        yield SystemCommand("Search", "Focus the search bar (/)", self.action_focus_search)
        yield SystemCommand(
            "Toggle section tree", "Show or hide the section tree (t)", self.action_toggle_tree
        )
        yield SystemCommand("Star article", "Star or unstar the current article (s)", self.action_toggle_star)
        yield SystemCommand("Copy article", "Copy the article's plain text (y)", self.action_copy_article)
        yield SystemCommand(
            "Rebuild library", "Parse every stored page again (marks are kept)", self.action_rebuild
        )
        yield SystemCommand(
            "Reload library",
            "Show changes another program made to the library (r)",
            self.action_reload_library,
        )
        yield SystemCommand("Help", "Keys and the query language (?)", self.action_help)
        yield from super().get_system_commands(screen)
