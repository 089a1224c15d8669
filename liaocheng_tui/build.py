"""Building a library from page files: read, parse, store, one page at a time.

No SQL here: pages go through :mod:`liaocheng_tui.sources`, :func:`parse_page` and the
:class:`~liaocheng_tui.store.Library` API. The store adds each page in its own transaction, so
a page that fails is reported in the summary and leaves the library as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from liaocheng_tui.parse import parse_page
from liaocheng_tui.safe_text import one_line
from liaocheng_tui.sources import (
    DEFAULT_MAX_BYTES,
    PageError,
    PagePath,
    bundled_seed_paths,
    iter_page_paths,
    read_page_file,
)
from liaocheng_tui.store import Library, LibraryError


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
    ``(source, one-line reason)`` for pages that could not be used.
    """

    pages: int = 0
    articles: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def build_library(
    library: Library,
    paths: Sequence[Path] | None = None,
    *,
    rebuild: bool = False,
    on_progress: Callable[[BuildProgress], None] | None = None,
    max_page_bytes: int = DEFAULT_MAX_BYTES,
) -> BuildSummary:
    """Add page files (``paths``; folders expand to their ``*.txt``) to ``library``.

    ``paths`` None means the bundled seeds. ``rebuild`` parses pages again even when they are
    stored unchanged (after a parser upgrade, say): with ``paths`` those files are re-read; with
    none, every page already in the library is re-parsed from the raw text it keeps (an empty
    library gets the bundled seeds). Each page is replaced in its own transaction, so a rebuild
    killed midway leaves every page either as it was or re-parsed, never missing, and read and
    starred marks survive because they are keyed by article. Missing paths raise
    :class:`PageError` before the library is touched; any other failing page is recorded in the
    summary, not raised. A page file over ``max_page_bytes`` is such a failure.

    Only one build writes to a library at a time: if another process (or thread) is building
    it, :class:`LibraryError` is raised before anything changes. Pages are read one at a time
    and only their paths are held, so memory stays flat however many pages there are.
    """
    if paths is None:
        page_paths = [PagePath(path, path.name) for path in bundled_seed_paths()]
        if not page_paths:
            raise PageError("no bundled seed pages found in this installation")
    else:
        page_paths = list(iter_page_paths(paths))
    with library.build_lock():
        if rebuild and paths is None and not library.is_empty():
            return _reparse_stored_pages(library, on_progress)
        summary = BuildSummary()
        total = len(page_paths)
        for done, page_path in enumerate(page_paths):
            if on_progress is not None:
                on_progress(BuildProgress(done=done, total=total, current=page_path.source))
            try:
                _add_page(library, page_path, summary, max_page_bytes, rebuild)
            except (PageError, LibraryError) as error:
                summary.failed.append((page_path.source, one_line(str(error))))
        if on_progress is not None:
            on_progress(BuildProgress(done=total, total=total, current=""))
    return summary


def _reparse_stored_pages(
    library: Library, on_progress: Callable[[BuildProgress], None] | None
) -> BuildSummary:
    summary = BuildSummary()
    sources = library.page_sources()
    for done, source in enumerate(sources):
        if on_progress is not None:
            on_progress(BuildProgress(done=done, total=len(sources), current=source))
        text, sha256 = library.page_text(source), library.page_sha256(source)
        if text is None or sha256 is None:  # removed by someone else meanwhile
            continue
        try:
            _store_parsed(library, text, source, sha256, summary, replace=True, shown_as=source)
        except (PageError, LibraryError) as error:
            summary.failed.append((source, one_line(str(error))))
    if on_progress is not None:
        on_progress(BuildProgress(done=len(sources), total=len(sources), current=""))
    return summary


def _add_page(
    library: Library, page_path: PagePath, summary: BuildSummary, max_page_bytes: int, rebuild: bool
) -> None:
    page_file = read_page_file(page_path.path, max_page_bytes, source=page_path.source)
    if not rebuild and library.page_text(page_file.source) == page_file.text:
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
        shown_as=str(page_path.path),
    )


def _store_parsed(
    library: Library,
    text: str,
    source: str,
    sha256: str,
    summary: BuildSummary,
    *,
    replace: bool,
    shown_as: str,
) -> None:
    try:
        page = parse_page(text, source=source)
    except Exception as error:  # a parser bug on one page must not stop the others
        raise PageError(f"could not parse {shown_as}: {type(error).__name__}: {error}") from error
    result = library.add_page(page, text, sha256, replace=replace)
    if result.status == "skipped":
        summary.skipped += 1
    else:
        summary.pages += 1
        summary.articles += result.articles
