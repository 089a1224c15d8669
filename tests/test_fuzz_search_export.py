"""Fuzzing the two places where user-typed or page-made strings meet SQL and the file system.

- Search: any query string (FTS5 syntax, quotes, NUL, lone surrogates as argv decoding makes
  them) either runs or is refused with a one-line :class:`QueryError`; nothing else escapes.
- Export: whatever an article's title and date are, files land inside the chosen folder,
  under names every common file system accepts.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from liaocheng_tui.build import build_library
from liaocheng_tui.cli import cli
from liaocheng_tui.export import EXPORT_FORMATS, ExportFormat, safe_filename, write_articles
from liaocheng_tui.query import QueryError
from liaocheng_tui.safe_text import strip_controls
from liaocheng_tui.search import Searcher
from liaocheng_tui.store import ArticleRecord, Library

REPO_ROOT = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------------------------ search

# fmt: off
_QUERY_PIECES = [
    '"', "'", "-", "--", " OR ", "OR", "AND", "NOT", "NEAR(", "*", "^", ":", "(", ")", "{", "}", "+", "\\",
    "\x00", " ", "\t", "\n", "\u3000", "title:", "author:", "section:", "column:", "kind:", "kind:photo",
    "date:", "date:2023", "date:2023-02..", "..", "date:9999-99-99..0000", "2023", "聊城", "绿色", "城市", "市",
    "ＡＢＣ", "%", "_", "'; DROP TABLE articles; --", "\ud800", "\udcff", "\U0010ffff", "rowid", "fts_gram",
    "head:", "body:", "𠀀", "\u202e", "\x1b[2J", "[bold]", "e\u0301", "ﬁ", "ǅ",
]
# fmt: on
# What os.fsdecode() makes of argv bytes that are not UTF-8: lone surrogates U+DC80-U+DCFF.
_argv_decoded = st.binary(max_size=12).map(lambda raw: raw.decode("utf-8", "surrogateescape"))
_query = st.lists(
    st.sampled_from(_QUERY_PIECES)
    | st.text(max_size=6)
    | _argv_decoded
    | st.text(st.characters(categories=["Cs"]), max_size=3),
    max_size=10,
).map("".join)


@pytest.fixture(scope="module")
def seed_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = Library(tmp_path_factory.mktemp("fuzz") / "library.db")
    summary = build_library(library)
    assert summary.articles > 40 and not summary.failed
    yield library
    library.close()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_query)
def test_any_query_runs_or_is_refused_in_one_line(seed_library: Library, query: str) -> None:
    searcher = Searcher(seed_library)
    try:
        result = searcher.search(query, limit=20)
    except QueryError as error:
        message = str(error)
        assert message and "\n" not in message
        return
    assert result.total >= len(result.hits)
    assert len({hit.article_id for hit in result.hits}) == len(result.hits)
    records = {record.id: record for record in seed_library.articles([hit.article_id for hit in result.hits])}
    assert set(records) == {hit.article_id for hit in result.hits}
    for hit in result.hits:
        assert strip_controls(hit.snippet, keep_newlines=False) == hit.snippet
        assert all(0 <= start < end <= len(hit.snippet) for start, end in hit.snippet_spans)
        body = records[hit.article_id].body
        assert all(0 <= start < end <= len(body) for start, end in hit.spans["body"])


def test_fuzzed_queries_leave_the_library_unchanged(seed_library: Library) -> None:
    # Runs after the property above in file order; a query that wrote (or dropped) anything
    # would show here. The count is the seeds' article count from the fixture's build.
    before = seed_library.stats()
    for query in _QUERY_PIECES:
        try:
            Searcher(seed_library).search(query)
        except QueryError:
            pass
    after = seed_library.stats()
    assert (after.pages, after.articles) == (before.pages, before.articles) == (5, before.articles)
    assert seed_library.check_integrity() == []


@pytest.fixture(scope="module")
def seed_db(seed_library: Library) -> Path:
    return seed_library.path


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_query, min_size=1, max_size=3))
def test_cli_search_with_any_words_exits_cleanly(seed_db: Path, words: list[str]) -> None:
    # "--" ends the options, so the fuzzed words are always the query, never --db or --limit.
    result = CliRunner().invoke(cli, ["search", "--db", str(seed_db), "--json", "--", *words])
    assert result.exit_code in (0, 2), (result.exit_code, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("liaocheng-tui: error: bad query: "), result.stderr
    else:
        assert result.stdout.lstrip().startswith("[")


@pytest.mark.slow
def test_undecodable_argv_bytes_in_a_real_process(seed_db: Path) -> None:
    # The real path: the kernel hands Python bytes, Python decodes them with surrogateescape.
    for raw in (b"\xff\xfe\x80", b"\xe8\x81", "聊城".encode() + b"\xc0\xaf"):
        done = subprocess.run(
            [sys.executable, "-m", "liaocheng_tui", "search", "--db", str(seed_db), raw],
            capture_output=True,
            cwd=REPO_ROOT,
            timeout=60,
        )
        assert done.returncode in (0, 2), done.stderr
        assert b"Traceback" not in done.stderr
        if done.returncode == 2:
            assert len(done.stderr.strip().splitlines()) == 1


# ------------------------------------------------------------------------------------ export

_WINDOWS_DEVICE = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])", re.IGNORECASE)
_NOT_IN_NAMES = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]')
# fmt: off
_TITLE_PIECES = [
    "../", "..", "/", "\\", "\x00", ".", " ", "CON", "con", "NUL.txt", "nul", "COM1", "lpt9", "AUX .md", "PRN.",
    "~", "$HOME", "*", "?", ":", "|", "<>", '"', "\n", "\r", "\x1b[2J", "\u202e", "\u200b", "聊城", "标题",
    "a" * 300, "聊" * 300, "/etc/passwd", "..\\..\\windows", "C:", "\udcff", "𠀀",
]
# fmt: on
_title = st.lists(st.sampled_from(_TITLE_PIECES) | st.text(max_size=10), max_size=8).map("".join)
_date = (
    st.none() | st.sampled_from(["2023-02-20", "..", "../..", "/tmp", "C:\\x", "NUL"]) | st.text(max_size=12)
)


def _record(article_id: int, title: str | None, date: str | None) -> ArticleRecord:
    return ArticleRecord(
        id=article_id,
        key=f"k{article_id}",
        source="p.txt",
        seq=article_id,
        publication=None,
        date=date,
        section=None,
        kicker=None,
        title=title,
        subtitle=None,
        byline=None,
        authors=[],
        column=None,
        kind="news",
        paragraphs=["正文。"],
        line_start=1,
        line_end=1,
        read=False,
        starred=False,
    )


def _assert_portable_name(name: str, max_bytes: int) -> None:
    assert name not in ("", ".", "..") and not name.startswith(".")
    assert len(name.encode("utf-8")) <= max_bytes
    assert not _NOT_IN_NAMES.search(name), name
    assert name == name.strip() and not name.endswith(".")
    # Windows treats NUL.txt, "nul .tar.gz" and the like as the device itself.
    assert not _WINDOWS_DEVICE.fullmatch(name.split(".")[0].rstrip(" ")), name


def test_device_name_mark_never_pushes_a_capped_name_over_the_limit() -> None:
    # Found by hypothesis: "CON" + 200 letters was cut to the cap, then marked CON_, 201 bytes.
    name = safe_filename("CON../" + "a" * 300, "txt", max_bytes=200)
    assert len(name.encode("utf-8")) <= 200
    assert name.startswith("CON_") and name.endswith(".txt")


@settings(max_examples=300, deadline=None)
@given(_title, st.sampled_from(EXPORT_FORMATS))
@example("NUL.txt", "txt")  # once became "NUL.txt_.txt": still the NUL device on Windows
@example("con .tar", "md")
@example("\udcff", "txt")  # once raised UnicodeEncodeError
def test_safe_filename_is_one_portable_name_for_any_stem(stem: str, fmt: ExportFormat) -> None:
    name = safe_filename(stem, fmt)
    assert name.endswith(f".{fmt}")
    _assert_portable_name(name, 200)


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.tuples(st.none() | _title, _date), min_size=1, max_size=3), st.sampled_from(EXPORT_FORMATS)
)
@example([("\udcff", None)], "txt")  # once raised UnicodeEncodeError while writing the file
@example([("../../x", "../.."), ("../../x", "../..")], "json")
def test_folder_export_never_writes_outside_the_folder(
    articles: list[tuple[str | None, str | None]], fmt: ExportFormat
) -> None:
    records = [_record(i, title, date) for i, (title, date) in enumerate(articles, start=1)]
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "out"
        written = write_articles(records, f"{folder}/", fmt)
        assert len(written) == len(records)
        assert len({path.name.casefold() for path in written}) == len(records), "no article overwrote another"
        for path in written:
            assert path.parent.resolve() == folder.resolve()
            assert path.is_file() and not path.is_symlink()
            _assert_portable_name(path.name, 255)
        everything = sorted(str(path.relative_to(root)) for path in Path(root).rglob("*"))
        assert everything == sorted(["out", *(f"out/{path.name}" for path in written)])
