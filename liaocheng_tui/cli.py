"""The ``liaocheng-tui`` command line: a contract that scripts and tools call.

Every failure ends in one line on stderr, ``liaocheng-tui: error: ...``, and a documented exit
code; never a traceback. Article text reaches the terminal only as Rich ``Text`` built from
cleaned strings (or as JSON with terminal-active characters escaped), never as markup.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import shlex
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.columns import Columns
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from liaocheng_tui import __version__
from liaocheng_tui.build import BuildProgress, BuildSummary, build_library, needs_bundled_pages
from liaocheng_tui.config import (
    DB_ENV_VAR,
    DEFAULT_MAX_PAGE_MB,
    MAX_PAGE_ENV_VAR,
    is_default_db,
    resolve_db_path,
)
from liaocheng_tui.export import (
    EXPORT_FORMATS,
    ExportError,
    ExportFormat,
    export_format,
    library_files,
    metadata_lines,
    write_articles,
)
from liaocheng_tui.query import QueryError, date_problem
from liaocheng_tui.safe_text import highlighted, json_dumps_safe, one_line, plain
from liaocheng_tui.search import RANK_LIMIT, Searcher
from liaocheng_tui.sources import DEFAULT_MAX_BYTES, PageError, page_identity, read_page_file
from liaocheng_tui.store import ArticleRecord, Library, LibraryError, NoLibraryError

PROG = "liaocheng-tui"

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_PAGES_FAILED = 3
EXIT_INTERRUPTED = 130

EXIT_CODES_HELP = (
    "\b\nExit codes:\n"
    "  0    success\n"
    "  1    error (bad input, unknown article, unusable library...)\n"
    "  2    usage error (unknown option, bad value, bad query)\n"
    "  3    build finished but some pages failed (each is listed)\n"
    "  130  interrupted\n"
)


class CliError(click.ClickException):
    """A user-facing failure: one line on stderr and an exit code."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


class QueryUsageError(CliError):
    """A query that cannot mean anything (a bad date, an unknown field): a usage error."""

    exit_code = EXIT_USAGE


def _error_line(message: str) -> None:
    click.echo(f"{PROG}: error: {one_line(message)}", err=True)


class LiaochengGroup(click.Group):
    """A click group that turns every failure into one stderr line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NoLibraryError as error:
            raise CliError(_no_library_message(error)) from error
        except (PageError, LibraryError, ExportError) as error:
            raise CliError(str(error)) from error
        except QueryError as error:
            raise QueryUsageError(f"bad query: {error}") from error

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = self._run(args, prog_name or PROG, complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, args: Sequence[str] | None, prog_name: str, complete_var: str | None, **extra: Any) -> int:
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as error:
            hint = f" (see '{error.ctx.command_path} --help')" if error.ctx else ""
            _error_line(error.format_message() + hint)
            return error.exit_code
        except click.ClickException as error:
            _error_line(error.format_message())
            return error.exit_code
        except (click.Abort, KeyboardInterrupt):
            _error_line("interrupted")
            return EXIT_INTERRUPTED
        except BrokenPipeError:
            # The reader went away (``| head``): stop quietly, exiting 1 as Rich's console does.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_ERROR
        except OSError as error:
            _error_line(f"{error.strerror or error}: {error.filename}" if error.filename else str(error))
            return EXIT_ERROR
        except Exception as error:
            if os.environ.get("LIAOCHENG_TUI_DEBUG"):
                raise
            _error_line(f"unexpected {type(error).__name__}: {error}")
            return EXIT_ERROR
        return result if isinstance(result, int) else EXIT_OK


def _no_library_message(error: NoLibraryError) -> str:
    return f"{error} (build one with: {PROG} build --db {shlex.quote(str(error.path))})"


# ---------------------------------------------------------------------------- consoles & I/O


def _console(stderr: bool = False) -> Console:
    console = Console(stderr=stderr, markup=False, emoji=False, highlight=False)
    # Piped output is for programs: no wrapping inside a line of article text.
    console.soft_wrap = not console.is_terminal
    return console


def _print_wrapped(console: Console, text: Text) -> None:
    """Print ``text``; on a terminal, wrapped as the app's reader wraps it.

    Rich breaks lines at spaces and folds a longer run anywhere, and a line of Chinese has no
    spaces: ``show`` printed 1.1亿元 as "1" and ".1亿元", 15000 as "150" and "00". The reader's
    rule breaks between any two characters but never inside a number or between a number and
    its unit. Piped output is not wrapped at all.
    """
    if not console.is_terminal:
        console.print(text)
        return
    from liaocheng_tui.tui.text import wrap_text  # imported here: the app's module, for terminals

    for line in wrap_text(text, console.width):
        console.print(line, no_wrap=True, crop=False)


def _print_json(value: Any) -> None:
    click.echo(json_dumps_safe(value))


def _db_path(ctx: click.Context, db: Path | None) -> Path:
    # ctx.obj is one dict shared by the group and its subcommand contexts.
    state = ctx.ensure_object(dict)
    chosen = db or state.get("db_option")
    path = resolve_db_path(chosen)
    state["db_path"] = path
    state["db_default"] = is_default_db(chosen)
    return path


def _is_default_db(ctx: click.Context) -> bool:
    return bool(ctx.ensure_object(dict).get("db_default"))


def _open_library(ctx: click.Context, db: Path | None) -> Library:
    """An existing library; only the default one is created (with its folders) when missing."""
    path = _db_path(ctx, db)
    library = Library(path, create=_is_default_db(ctx))
    ctx.call_on_close(library.close)
    return library


def _open_filled_library(ctx: click.Context, db: Path | None) -> Library:
    """The library; the default one is built from the bundled seeds first if it is empty."""
    library = _open_library(ctx, db)
    if _is_default_db(ctx) and needs_bundled_pages(library):
        if library.is_empty():
            click.echo(f"{PROG}: the library is empty; building it from the bundled pages", err=True)
        else:
            click.echo(f"{PROG}: finishing the build of the bundled pages, which was cut short", err=True)
        summary = _build_with_progress(library, None, rebuild=False)
        _report_failures(summary)
    return library


# Piped or logged builds get a line about every tenth of the way, and at least this often
# (seconds) while it runs, instead of one line a page (thousands for an archive).
PLAIN_PROGRESS_EVERY = 60.0


def plain_progress_reporter(
    echo: Callable[[str], None], clock: Callable[[], float] = time.monotonic
) -> Callable[[BuildProgress], None]:
    """A progress callback writing a few plain lines: the start, each 10%, the end."""
    last_tenth = -1
    last_time = clock()

    def report(progress: BuildProgress) -> None:
        nonlocal last_tenth, last_time
        if progress.total <= 0:
            return  # nothing to build: the summary says so
        total = progress.total
        tenth = min(10, progress.done * 10 // total)
        now = clock()
        if tenth == last_tenth and now - last_time < PLAIN_PROGRESS_EVERY:
            return
        last_tenth, last_time = tenth, now
        percent = progress.done * 100 // total
        echo(f"{PROG}: building: {progress.done}/{progress.total} pages ({percent}%)")

    return report


def _report_each_page(progress: BuildProgress) -> None:
    if progress.current:
        name = one_line(progress.current)
        click.echo(f"{PROG}: [{progress.done + 1}/{progress.total}] {name}", err=True)


@contextmanager
def _progress_reporter(each_page: bool = False) -> Iterator[Callable[[BuildProgress], None]]:
    console = _console(stderr=True)
    if each_page:
        yield _report_each_page
        return
    if not console.is_terminal:
        yield plain_progress_reporter(lambda line: click.echo(line, err=True))
        return
    columns = (
        TextColumn("Building library", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[current]}", markup=False),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("build", total=None, current="")

        def report_bar(progress: BuildProgress) -> None:
            bar.update(
                task, total=progress.total, completed=progress.done, current=one_line(progress.current)
            )

        yield report_bar


def _build_with_progress(
    library: Library,
    paths: Sequence[Path] | None,
    *,
    rebuild: bool,
    max_page_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int | None = None,
    issue_date: str | None = None,
    each_page: bool = False,
) -> BuildSummary:
    with _progress_reporter(each_page) as on_progress:
        return build_library(
            library,
            paths,
            rebuild=rebuild,
            on_progress=on_progress,
            max_page_bytes=max_page_bytes,
            jobs=jobs,
            issue_date=issue_date,
        )


def _report_failures(summary: BuildSummary) -> None:
    for source, reason in summary.failed:
        line = reason if source in reason else f"{source}: {reason}"
        click.echo(f"{PROG}: failed: {one_line(line)}", err=True)


# A page limit past this (a terabyte) is surely a mistake, and its byte count would overflow.
MAX_PAGE_MB_LIMIT = 1024.0 * 1024.0


class PageLimit(click.FloatRange):
    """A number of megabytes: finite, above 0 and at most MAX_PAGE_MB_LIMIT (no nan or inf)."""

    name = "number"

    def __init__(self) -> None:
        super().__init__(min=0, max=MAX_PAGE_MB_LIMIT, min_open=True)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        # FloatRange lets nan through: every comparison with it is false.
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number of megabytes", param, ctx)
        return number


max_page_option = click.option(
    "--max-page-mb",
    "max_page_mb",
    type=PageLimit(),
    default=DEFAULT_MAX_PAGE_MB,
    show_default=True,
    envvar=MAX_PAGE_ENV_VAR,
    show_envvar=True,
    help="Refuse page files larger than this many megabytes.",
)


_DAY_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A ``--date``: its form, then whether the day exists (as the query's ``date:`` says it)."""
    from liaocheng_tui.parse.dates import FIRST_YEAR, LAST_YEAR, valid_iso

    if value is None:
        return None
    typed = one_line(value)
    match = _DAY_RE.fullmatch(value.strip().replace("／", "-").replace("－", "-"))
    if match is None:
        raise click.BadParameter(f"{typed!r} is not a date of the form YYYY-MM-DD")
    year, month, day = (int(part) for part in match.groups())
    problem = date_problem(year, month, day)
    if problem is not None:
        raise click.BadParameter(f"{typed}: no such day ({problem})")
    checked = valid_iso(f"{year:04d}-{month:02d}-{day:02d}")
    if checked is None:  # the parser dates pages in these years only
        raise click.BadParameter(f"{typed}: out of range (years {FIRST_YEAR} to {LAST_YEAR} only)")
    return checked


# How `parse` says where a page's date came from (`parse --json` gives the bare slug).
DATE_SOURCE_LABELS = {
    "masthead": "printed on the page",
    "path": "from the file's path",
    "user": "from --date",
    "dateline": "from the stories' datelines",
}

date_option = click.option(
    "--date",
    "issue_date",
    callback=_check_date,
    default=None,
    metavar="YYYY-MM-DD",
    help="Issue date for pages that print none and whose file or folder names give none.",
)


def _max_page_bytes(max_page_mb: float) -> int:
    return max(1, int(max_page_mb * 2**20))


# ---------------------------------------------------------------------------- the group

db_option = click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=f"Library file (default: ${DB_ENV_VAR}, else library.db in the user data folder).",
)


@click.group(
    cls=LiaochengGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES_HELP,
)
@db_option
@click.version_option(__version__, prog_name=PROG)
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> int | None:
    """Browse, search and export a Chinese newspaper archive in the terminal.

    With no command, opens the app on the library.
    """
    ctx.ensure_object(dict)["db_option"] = db
    if ctx.invoked_subcommand is not None:
        return None
    db_path = _db_path(ctx, db)
    default = _is_default_db(ctx)
    if not default:
        Library(db_path, create=False).close()  # a mistyped path: say so before anything else
    return _open_app(db_path, default)


def _open_app(db_path: Path, default: bool) -> int:
    """Run the app; its exit code (an app that crashed exits 1, not 0)."""
    try:
        from liaocheng_tui.tui import run_app
    except ImportError as error:
        click.echo(
            f"{PROG}: the terminal app is not available in this installation ({error}).\n"
            f"Use a command instead: see '{PROG} --help'."
        )
        return EXIT_OK
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CliError(
            f"the app needs an interactive terminal; for scripts use a command (see '{PROG} --help')"
        )
    return run_app(db_path, default=default) or EXIT_OK


# ---------------------------------------------------------------------------- build


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_option
@click.option(
    "--rebuild",
    is_flag=True,
    help="Parse pages again even if unchanged: PATHs are re-read; with none, every stored page is "
    "re-parsed from the text the library keeps. Page by page; article ids stay (same page and "
    "position), and read/starred marks move to the new article holding most of their text.",
)
@max_page_option
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that parse pages while one stores them (default: one per CPU, for large builds).",
)
@date_option
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Name every page on stderr as it starts ('[N/TOTAL] NAME'), instead of a progress bar "
    "(or, when not on a terminal, a line about every 10%).",
)
@click.pass_context
def build(
    ctx: click.Context,
    paths: tuple[Path, ...],
    db: Path | None,
    rebuild: bool,
    max_page_mb: float,
    jobs: int | None,
    issue_date: str | None,
    verbose: bool,
) -> None:
    """Add .txt pages (or folders of them) to the library; none given: the bundled pages.

    Folders are searched for .txt files in any case (PAGE.TXT too). A page is its file (the
    resolved path): two files of one name are two pages, and a changed file replaces its own
    page's articles, keeping their ids. Content already in the library is skipped. A page that
    fails is listed with its reason and the exit code is 3. What is left out on purpose is
    listed as "not used" with its reason: a page with the same text as an earlier one of the
    build (the first is kept), a dangling link, a FIFO.
    """
    path = _db_path(ctx, db)
    new_library = not path.exists()
    # A path the user typed gets a library file, but never folders: a typo must not make them.
    library = Library(path, create_folders=_is_default_db(ctx))
    ctx.call_on_close(library.close)
    summary = _build_with_progress(
        library,
        list(paths) if paths else None,
        rebuild=rebuild,
        max_page_bytes=_max_page_bytes(max_page_mb),
        jobs=jobs,
        issue_date=issue_date,
        each_page=verbose,
    )
    if paths and not (summary.pages or summary.skipped or summary.failed or summary.not_used):
        if new_library:  # made by this command for pages that are not there: leave nothing behind
            library.close()
            for file in library_files(path):
                file.unlink(missing_ok=True)
        raise CliError("no .txt pages found in " + ", ".join(str(path) for path in paths))
    _report_failures(summary)
    for left_out, reason in summary.not_used:
        click.echo(f"{PROG}: not used: {one_line(left_out)}: {one_line(reason)}", err=True)
    not_used = f"  not used: {len(summary.not_used)}" if summary.not_used else ""
    if summary.marks_dropped:
        click.echo(
            f"{PROG}: note: read/star marks of {summary.marks_dropped} article(s) were dropped: "
            "no new article holds most of their text",
            err=True,
        )
    click.echo(
        f"pages: {summary.pages}  articles: {summary.articles}  "
        f"skipped: {summary.skipped}  failed: {len(summary.failed)}{not_used}"
    )
    if summary.failed:
        ctx.exit(EXIT_PAGES_FAILED)


# ---------------------------------------------------------------------------- parse


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the parsed page as one JSON object.")
@max_page_option
@date_option
def parse(file: Path, as_json: bool, max_page_mb: float, issue_date: str | None) -> None:
    """Parse one page file without touching a library."""
    from liaocheng_tui.parse import parse_page

    page_file = read_page_file(file, _max_page_bytes(max_page_mb))
    page = parse_page(page_file.text, source=page_file.source, path=str(file), issue_date=issue_date)
    if as_json:
        _print_json(page.to_json())
        return
    console = _console()
    header = Text()
    header.append("Page ", style="bold")
    header.append(one_line(page.source))
    header.append(f"  ({page_file.encoding})", style="dim")
    console.print(header)
    for label, value in (
        ("publication", page.publication),
        (
            "date",
            f"{page.date} ({DATE_SOURCE_LABELS.get(page.date_source or '', '')})" if page.date else None,
        ),
        ("section", page.section),
        ("banner", page.banner),
    ):
        if value:
            line = Text(f"{label}: ", style="dim")
            line.append(one_line(value))
            console.print(line)
    count = len(page.articles)
    table = Table(title=f"{count} article{'' if count == 1 else 's'}", show_lines=False)
    for column in ("seq", "kind", "kicker", "title", "byline", "column"):
        table.add_column(column, overflow="fold")
    for article in page.articles:
        table.add_row(
            str(article.seq),
            article.kind,
            plain(one_line(article.kicker)),
            plain(one_line(article.title) or f"({one_line(article.headline)})"),
            plain(one_line(article.byline)),
            plain(one_line(article.column)),
        )
    console.print(table)
    reasons = Counter(piece.reason for piece in page.dropped)
    by_reason = ", ".join(
        f"{reason} {n}" for reason, n in sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
    )
    summary = f"dropped: {len(page.dropped)}" + (f" ({by_reason}; --json lists each)" if by_reason else "")
    console.print(Text(summary, style="dim"))


# ---------------------------------------------------------------------------- search


# Unknown options are passed through so that an exclusion can come first: `search -城市 绿色`.
@cli.command(epilog=EXIT_CODES_HELP, context_settings={"ignore_unknown_options": True})
@click.argument("words", nargs=-1, required=True)
@db_option
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Most results to show."
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print a JSON list of results; snippet_spans and title_spans give the matches' [start, end) "
    "character offsets in snippet and title.",
)
@click.pass_context
def search(ctx: click.Context, words: tuple[str, ...], db: Path | None, limit: int, as_json: bool) -> None:
    """Search the library; best matches first (up to 1,500 matches).

    \b
    Terms are ANDed (several arguments are joined, so quoting is optional);
    also AND, OR, NOT (upper case only), -exclude, "exact phrase" (or “…” 「…」 『…』),
    and the filters title: author: section: column: kind: date:2023 date:2023-02
    date:2023-02-01..2023-02-28 (also 标题: 作者: 版面: 栏目: 体裁: 日期:, and
    kind:消息 通讯 图片 评论 公告). A bad filter value is a usage error (exit 2).

    \b
    Order: by relevance while there are at most 1,500 matches; above that
    (and for filters or single characters alone) newest first with score 0,
    and a note on stderr says so.
    """
    query = " ".join(words)
    library = _open_filled_library(ctx, db)
    result = Searcher(library).search(query, limit=limit)
    if result.order == "newest" and result.total > 1:
        reason = (
            f"more than {RANK_LIMIT:,} matches are not ranked"
            if result.total > RANK_LIMIT
            else "nothing in the query to rank by"
        )
        click.echo(f"{PROG}: note: {result.total:,} results, newest first ({reason}; score 0)", err=True)
    records = {record.id: record for record in library.articles([hit.article_id for hit in result.hits])}
    if as_json:
        _print_json(
            [
                {
                    "id": hit.article_id,
                    "source": records[hit.article_id].source,
                    "seq": records[hit.article_id].seq,
                    "title": records[hit.article_id].title,
                    "date": records[hit.article_id].date,
                    "section": records[hit.article_id].section,
                    "snippet": hit.snippet,
                    # Where the query matched, as [start, end) character offsets, so that a script
                    # can point at the match as the terminal highlights it.
                    "snippet_spans": [list(span) for span in hit.snippet_spans],
                    "title_spans": [list(span) for span in hit.spans.get("title", [])]
                    if records[hit.article_id].title
                    else [],
                    "score": hit.score,
                }
                for hit in result.hits
                if hit.article_id in records
            ]
        )
        return
    console = _console()
    shown = sum(1 for hit in result.hits if hit.article_id in records)
    order = ", newest first" if result.order == "newest" and result.total > 1 else ""
    console.print(
        Text(
            f"{result.total} result{'' if result.total == 1 else 's'}"
            + (f" (showing {shown}{order})" if shown < result.total else order),
            style="dim",
        )
    )
    for rank, hit in enumerate(result.hits, start=1):
        record = records.get(hit.article_id)
        if record is None:
            continue
        heading = Text(f"{rank:>3}. ")
        title_spans = hit.spans.get("title", []) if record.title else []
        heading.append_text(highlighted(one_line(record.headline), title_spans, base_style="bold"))
        details = " · ".join(
            part
            for part in (
                record.date or "",
                one_line(record.section),
                f"{one_line(record.source)}#{record.seq}",
            )
            if part
        )
        heading.append(f"  [id {record.id}] {details}", style="dim")
        console.print(heading)
        snippet = Text("     ")
        snippet.append_text(highlighted(hit.snippet, hit.snippet_spans, style="bold reverse"))
        _print_wrapped(console, snippet)


# ---------------------------------------------------------------------------- show / export


ARTICLE_REF_HELP = (
    "An article is its id (as search shows it) or SOURCE#SEQ: the page's source as search shows "
    "it and the article's position on that page, e.g. 2023-02-20/page1.txt#3 (split at the last "
    "'#', so a source may contain '#'). Both stay the same across 'build --rebuild'. When two "
    "pages share a source, give the page file's path as SOURCE."
)


def _article_ref(value: str) -> int | tuple[str, int]:
    """An id, or (source, seq) for SOURCE#SEQ; a usage error for anything else."""
    text = value.strip()
    # isdecimal, not isdigit: int() takes any script's decimal digits (１, ٣) but not ² or ①.
    if text.isdecimal():
        return int(text)
    source, hash_sign, seq = text.rpartition("#")
    if hash_sign and source and seq.isdecimal():
        return source, int(seq)
    raise click.BadParameter(f"{one_line(value)!r} is neither an article id nor SOURCE#SEQ")


def _resolve_ref(library: Library, ref: int | tuple[str, int]) -> int:
    if isinstance(ref, int):
        return ref
    source, seq = ref
    pages = []
    # The path of a page file first (it names one page for sure), then a source as shown.
    candidate = Path(source)
    if candidate.is_file():
        stored = library.stored_page(page_identity(candidate))
        pages = [stored] if stored is not None else []
    if not pages:
        pages = library.pages_named(source)
    if not pages:
        raise CliError(f"no page {source} in the library (see '{PROG} search' for SOURCE#SEQ of articles)")
    if len(pages) > 1:
        raise CliError(
            f"{source} names {len(pages)} pages (files of one name from different folders); "
            "give the page file's path as SOURCE, or the article's id"
        )
    article_id = library.article_id_at(pages[0].id, seq)
    if article_id is None:
        raise CliError(f"page {source} has no article #{seq}")
    return article_id


def _records(library: Library, refs: Sequence[int | tuple[str, int]]) -> list[ArticleRecord]:
    ids = [_resolve_ref(library, ref) for ref in refs]
    unique = list(dict.fromkeys(ids))
    records = library.articles(unique)
    missing = sorted(set(unique) - {record.id for record in records})
    if missing:
        listed = ", ".join(str(article_id) for article_id in missing)
        raise CliError(f"no article with id {listed} (see '{PROG} search' for ids)")
    return records


@cli.command(epilog=f"{ARTICLE_REF_HELP}\n\n{EXIT_CODES_HELP}")
@click.argument("article", metavar="ARTICLE")
@db_option
@click.pass_context
def show(ctx: click.Context, article: str, db: Path | None) -> None:
    """Print one article: ARTICLE is an id or SOURCE#SEQ."""
    ref = _article_ref(article)
    library = _open_filled_library(ctx, db)
    (record,) = _records(library, [ref])
    console = _console()
    if not console.is_terminal:
        write_articles([record], "-", "txt")
        return
    if record.kicker:
        _print_wrapped(console, plain(one_line(record.kicker), style="dim"))
    _print_wrapped(console, plain(one_line(record.title or record.headline), style="bold"))
    if record.subtitle:
        _print_wrapped(console, plain(one_line(record.subtitle)))
    console.print()
    for line in metadata_lines(record):
        console.print(plain(line, style="dim"))
    for paragraph in record.paragraphs:
        console.print()
        _print_wrapped(console, plain(one_line(paragraph)))


def _check_output(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not value:  # it would be "." and export into the current folder
        raise click.BadParameter("the path is empty; give a file or folder, or - for standard output")
    return value


@cli.command(epilog=f"{ARTICLE_REF_HELP}\n\n{EXIT_CODES_HELP}")
@click.argument("articles", metavar="ARTICLE...", nargs=-1, required=True)
@db_option
@click.option(
    "-o",
    "--output",
    callback=_check_output,
    default="-",
    show_default=True,
    metavar="FILE_OR_DIR",
    help="'-' for stdout; an existing folder (or a path ending in '/') gets one file per article "
    "named <date>_<title>.<ext>; any other path gets all articles in one file.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default=None,
    help="txt: plain UTF-8 text; md: Markdown; json: an object (an array for several articles). "
    "Default: from the extension of -o (.txt, .md, .json), else txt; an explicit --format wins "
    "over the extension.",
)
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@click.pass_context
def export(
    ctx: click.Context,
    articles: tuple[str, ...],
    db: Path | None,
    output: str,
    fmt: ExportFormat | None,
    force: bool,
) -> None:
    """Write articles as UTF-8 text, Markdown or JSON (existing files are never overwritten without --force).

    Each ARTICLE is an id or SOURCE#SEQ.
    """
    refs = [_article_ref(article) for article in articles]
    library = _open_filled_library(ctx, db)
    records = _records(library, refs)
    # The string as typed: a trailing "/" (a folder to create) would not survive Path().
    written = write_articles(
        records, output, export_format(output, fmt), overwrite=force, protected=library_files(library.path)
    )
    for path in written:
        click.echo(f"{PROG}: wrote {one_line(str(path))}", err=True)


# ---------------------------------------------------------------------------- stats


def _by_year(by_date: Sequence[tuple[str | None, int]]) -> list[tuple[str | None, int]]:
    """Article counts per year (newest first, unknown dates last), from counts per date."""
    years: dict[str | None, int] = {}
    for date, count in by_date:
        year = date[:4] if date else None
        years[year] = years.get(year, 0) + count
    known: list[tuple[str | None, int]] = sorted(
        ((year, count) for year, count in years.items() if year is not None), reverse=True
    )
    return [*known, (None, years[None])] if None in years else known


def _counts_json(rows: Sequence[tuple[str | None, int]]) -> list[dict[str, Any]]:
    return [{"value": value, "articles": count} for value, count in rows]


@cli.command(epilog=EXIT_CODES_HELP)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (every count, dates included).")
@click.option("--by-date", "by_date", is_flag=True, help="List every date, not one row per year.")
@click.pass_context
def stats(ctx: click.Context, db: Path | None, as_json: bool, by_date: bool) -> None:
    """Count articles by publication, year (or date), section and kind.

    \b
    --json prints {"library", "pages", "articles", "by_publication", "by_year",
    "by_date", "by_section", "by_kind"}; each "by_" list holds {"value", "articles"}
    objects, "value" null for unknown.
    """
    library = _open_filled_library(ctx, db)
    figures = library.stats()
    years = _by_year(figures.by_date)
    if as_json:
        _print_json(
            {
                "library": str(library.path),
                "pages": figures.pages,
                "articles": figures.articles,
                "by_publication": _counts_json(figures.by_publication),
                "by_year": _counts_json(years),
                "by_date": _counts_json(figures.by_date),
                "by_section": _counts_json(figures.by_section),
                "by_kind": _counts_json(figures.by_kind),
            }
        )
        return
    console = _console()
    # The path is the user's, and may hold anything a file name can: clean it as article text.
    where = one_line(str(library.path))
    console.print(Text(f"{figures.pages} pages, {figures.articles} articles in {where}", style="bold"))
    tables: list[Table] = []
    for title, rows in (
        ("publication", figures.by_publication),
        ("date", figures.by_date) if by_date else ("year", years),
        ("section", figures.by_section),
        ("kind", figures.by_kind),
    ):
        table = Table(title=f"by {title}", title_justify="left")
        table.add_column(title)
        table.add_column("articles", justify="right")
        for name, count in rows:
            table.add_row(plain(one_line(name) or "(none)"), str(count))
        tables.append(table)
    console.print(Columns(tables, padding=(0, 2)))


# ---------------------------------------------------------------------------- check / backup


def _open_existing_library(ctx: click.Context, db: Path | None) -> Library:
    """check and backup never create a library, not even the default one."""
    library = Library(_db_path(ctx, db), create=False)
    ctx.call_on_close(library.close)
    return library


@cli.command(epilog=EXIT_CODES_HELP)
@db_option
@click.pass_context
def check(ctx: click.Context, db: Path | None) -> None:
    """Check the library file (SQLite's integrity_check and foreign_key_check).

    Exit 0 when it is sound; 1 with one line per problem found.
    """
    library = _open_existing_library(ctx, db)
    problems = library.check_integrity()
    if problems:
        for problem in problems:
            click.echo(f"{PROG}: damaged: {one_line(problem)}", err=True)
        ctx.exit(EXIT_ERROR)
    library.trust()
    counts = library.counts()
    click.echo(
        f"library {one_line(str(library.path))} is sound: {counts.pages} pages, {counts.articles} articles"
    )


def _check_backup_dest(ctx: click.Context, param: click.Parameter, value: str) -> Path:
    # Checked as typed: Path("./-") is Path("-"), and Path("") is the current folder.
    if value == "-":
        # Binary SQLite is no use on a terminal, and a pipe cannot be synced and renamed into place.
        raise click.BadParameter(
            "- would be a file named '-', not standard output (a backup is a binary SQLite file); "
            "give a file name, e.g. library-backup.db (or ./- for a file named '-')"
        )
    if not value:
        raise click.BadParameter("the path is empty; give the backup a file name, e.g. library-backup.db")
    return Path(value)


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("dest", type=click.Path(), callback=_check_backup_dest)
@db_option
@click.option("--force", is_flag=True, help="Replace DEST if it exists (its permissions are kept).")
@click.pass_context
def backup(ctx: click.Context, dest: Path, db: Path | None, force: bool) -> None:
    """Copy the library to DEST with SQLite's backup API (safe while the app or a build is open).

    DEST is written under a temporary name in its folder and renamed, so it is never half written.
    DEST is a file: '-' is refused (it is not standard output; ./- names a file called '-').
    """
    library = _open_existing_library(ctx, db)
    written = library.backup(dest, overwrite=force)
    click.echo(f"{PROG}: wrote {one_line(str(written))}", err=True)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Console-script entry point (``liaocheng-tui``)."""
    cli.main(args=list(argv) if argv is not None else None, prog_name=PROG)
    raise SystemExit(EXIT_OK)  # not reached: main() exits
