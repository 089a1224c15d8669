"""The command line as a contract: outputs, JSON shapes, exit codes and one-line errors."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rich.cells import cell_len
from test_export import assert_json_is_record

from liaocheng_tui.cli import cli
from liaocheng_tui.store import ArticleRecord, Library

REPO_ROOT = Path(__file__).resolve().parent.parent
ERROR_PREFIX = "liaocheng-tui: error: "


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args], env=env)


def assert_one_line_error(result: Result, code: int, fragment: str) -> None:
    assert result.exit_code == code, (result.exit_code, result.output, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(ERROR_PREFIX), lines[0]
    assert fragment in lines[0], lines[0]
    assert "Traceback" not in result.stderr + result.stdout


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library built once from the bundled seeds; tests only read it."""
    db = tmp_path_factory.mktemp("library") / "library.db"
    result = run("build", "--db", db)
    assert result.exit_code == 0, result.stderr
    return db


@pytest.fixture(scope="session")
def records(built_db: Path) -> list[ArticleRecord]:
    with Library(built_db) as library:
        return library.articles(library.article_ids())


# ------------------------------------------------------------------------------------ build


def test_build_summary_then_idempotent_second_build(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    first = run("build", "--db", db)
    assert first.exit_code == 0, first.stderr
    assert "pages: 5 " in first.stdout
    assert "skipped: 0 " in first.stdout
    assert "failed: 0" in first.stdout
    second = run("build", "--db", db)
    assert second.exit_code == 0
    assert "pages: 0  articles: 0  skipped: 5  failed: 0" in second.stdout
    rebuilt = run("build", "--db", db, "--rebuild")
    assert "pages: 5 " in rebuilt.stdout


def test_build_lists_failing_pages_and_exits_3(tmp_path: Path, seed_paths: list[Path]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(seed_paths[0], pages / "good.txt")
    (pages / "empty.txt").write_bytes(b"")
    (pages / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    result = run("build", "--db", tmp_path / "lib.db", pages)
    assert result.exit_code == 3
    failures = [line for line in result.stderr.splitlines() if line.startswith("liaocheng-tui: failed: ")]
    assert len(failures) == 2
    assert "binary" in failures[0] and "binary.txt" in failures[0]
    assert "empty" in failures[1] and "empty.txt" in failures[1]
    assert "pages: 1 " in result.stdout
    assert "failed: 2" in result.stdout


def test_build_missing_path_is_an_error(tmp_path: Path) -> None:
    assert_one_line_error(
        run("build", "--db", tmp_path / "lib.db", tmp_path / "nope"), 1, "no such file or folder"
    )


def test_build_folder_without_pages_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty_folder").mkdir()
    result = run("build", "--db", tmp_path / "lib.db", tmp_path / "empty_folder")
    assert_one_line_error(result, 1, "no .txt pages found")
    # A library made for pages that are not there is not left behind for the app to open empty.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["empty_folder"]


def test_build_folder_without_pages_leaves_an_existing_library_as_it_was(
    built_db: Path, tmp_path: Path
) -> None:
    (tmp_path / "empty_folder").mkdir()
    result = run("build", "--db", built_db, tmp_path / "empty_folder")
    assert_one_line_error(result, 1, "no .txt pages found")
    assert built_db.is_file() and run("stats", "--db", built_db).exit_code == 0
    with Library(built_db) as library:
        assert library.counts().pages == 5


def test_help_documents_exit_codes() -> None:
    result = run("build", "--help")
    assert result.exit_code == 0
    assert "3    build finished but some pages failed" in result.stdout


# ------------------------------------------------------------------------------------ parse


def test_parse_json_shape(seed_paths: list[Path]) -> None:
    result = run("parse", seed_paths[0], "--json")
    assert result.exit_code == 0, result.stderr
    page = json.loads(result.stdout)
    assert page["source"] == seed_paths[0].name
    assert {"source", "publication", "date", "section", "articles", "dropped"} <= set(page)
    assert page["articles"], "a seed page has articles"
    assert [a["seq"] for a in page["articles"]] == list(range(1, len(page["articles"]) + 1))
    article_keys = {
        "seq",
        "kicker",
        "title",
        "subtitle",
        "byline",
        "authors",
        "column",
        "kind",
        "paragraphs",
        "date",
    }
    for article in page["articles"]:
        assert article_keys <= set(article)
        assert article["kind"] in {"news", "feature", "photo", "commentary", "notice"}
        assert isinstance(article["authors"], list) and isinstance(article["paragraphs"], list)


def test_parse_summary_without_json(seed_paths: list[Path]) -> None:
    result = run("parse", seed_paths[1])
    assert result.exit_code == 0, result.stderr
    assert seed_paths[1].name in result.stdout
    for header in ("seq", "kind", "kicker", "title", "byline", "column"):
        assert header in result.stdout
    assert "dropped: " in result.stdout


def test_parse_summary_counts_what_was_dropped_by_reason(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    paragraph = "　　改造后的公园新增步道三公里，绿地面积扩大到原来的两倍，并设置了儿童游乐区。\n"
    lead = "　　本报讯（记者 王明）新区公园改造工程全部完成，本周起对市民开放。\n"
    page.write_text("## 新区公园改造完成\n\n" + lead + paragraph * 2, encoding="utf-8")
    result = run("parse", page)
    assert result.exit_code == 0, result.stderr
    assert "1 article\n" in result.stdout or "1 article " in result.stdout
    assert "dropped: 2 (duplicate-paragraph 1, markdown-marker 1; --json lists each)" in result.stdout


def test_parse_gb18030_page_matches_utf8(seed_paths: list[Path], tmp_path: Path) -> None:
    gbk = tmp_path / "gbk" / seed_paths[2].name
    gbk.parent.mkdir()
    gbk.write_bytes(seed_paths[2].read_text(encoding="utf-8").encode("gb18030"))
    from_gbk = run("parse", gbk, "--json")
    from_utf8 = run("parse", seed_paths[2], "--json")
    assert from_gbk.exit_code == 0, from_gbk.stderr
    assert json.loads(from_gbk.stdout) == json.loads(from_utf8.stdout)


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "binary file"),
        ("latin1.txt", "café déjà vu à Noël, très élégant".encode("latin-1"), "cannot decode"),
    ],
)
def test_parse_bad_files(tmp_path: Path, name: str, content: bytes, fragment: str) -> None:
    page = tmp_path / name
    page.write_bytes(content)
    assert_one_line_error(run("parse", page, "--json"), 1, fragment)


def test_parse_missing_file_and_folder(tmp_path: Path) -> None:
    assert_one_line_error(run("parse", tmp_path / "missing.txt"), 1, "no such file")
    assert_one_line_error(run("parse", tmp_path), 1, "is a folder")


# ------------------------------------------------------------------------------------ search


def test_search_json_shape_and_provenance(built_db: Path, records: list[ArticleRecord]) -> None:
    result = run("search", "聊城", "--db", built_db, "--limit", "5", "--json")
    assert result.exit_code == 0, result.stderr
    hits = json.loads(result.stdout)
    assert 1 <= len(hits) <= 5
    by_id = {record.id: record for record in records}
    for hit in hits:
        assert set(hit) == {
            *("id", "source", "seq", "title", "date", "section", "snippet", "score"),
            *("snippet_spans", "title_spans"),
        }
        record = by_id[hit["id"]]
        assert (hit["source"], hit["seq"], hit["title"]) == (record.source, record.seq, record.title)
        assert "聊城" in hit["snippet"]
        assert isinstance(hit["score"], float)
    # source and seq are the parse command's: the same article sits at that seq in `parse`.
    parsed = json.loads(run("parse", REPO_ROOT / "seeds" / hits[0]["source"], "--json").stdout)
    assert parsed["articles"][hits[0]["seq"] - 1]["title"] == hits[0]["title"]


def test_search_text_output_lists_titles(built_db: Path, records: list[ArticleRecord]) -> None:
    result = run("search", "聊城", "--db", built_db, "--limit", "3")
    assert result.exit_code == 0, result.stderr
    assert "results" in result.stdout.splitlines()[0]
    hits = json.loads(run("search", "聊城", "--db", built_db, "--limit", "3", "--json").stdout)
    by_id = {record.id: record for record in records}
    for hit in hits:
        assert f"[id {hit['id']}]" in result.stdout
        assert by_id[hit["id"]].headline.split()[0] in result.stdout
    assert "\x1b" not in result.stdout


def test_search_counts_one_result_in_the_singular(built_db: Path) -> None:
    # Before: "1 results".
    assert run("search", "title:学习强国", "--db", built_db).stdout.splitlines()[0] == "1 result"
    assert run("search", "zzzz", "--db", built_db).stdout.splitlines()[0] == "0 results"


def test_search_words_may_start_with_an_exclusion_and_need_no_quotes(built_db: Path) -> None:
    quoted = json.loads(run("search", "城市 -聊城", "--db", built_db, "--json").stdout)
    unquoted = run("search", "-聊城", "城市", "--db", built_db, "--json")
    assert unquoted.exit_code == 0, unquoted.stderr
    assert {hit["id"] for hit in json.loads(unquoted.stdout)} == {hit["id"] for hit in quoted}
    assert quoted, "城市 without 聊城 occurs on the seeds (e.g. 城市管理 in page 004)"


@pytest.mark.parametrize(
    "query",
    ['"', "(", "*", "NEAR(", '"聊城', "聊城 AND (", "'; DROP TABLE articles; --", "title:", "-", "^*:"],
)
def test_search_syntax_characters_never_crash(built_db: Path, query: str) -> None:
    result = run("search", query, "--db", built_db, "--json")
    assert "Traceback" not in result.stderr
    if result.exit_code == 0:
        assert isinstance(json.loads(result.stdout), list)
    else:
        assert_one_line_error(result, 2, "bad query: ")
    assert run("stats", "--db", built_db).exit_code == 0


def default_library_env(data_home: Path) -> dict[str, str | None]:
    """No --db and no $LIAOCHENG_TUI_DB: the default library, in a private user data folder."""
    return {"XDG_DATA_HOME": str(data_home), "LIAOCHENG_TUI_DB": None}


def test_search_on_the_default_library_builds_seeds_first_on_stderr(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "聊城", "--json"], env=default_library_env(tmp_path / "data"))
    assert result.exit_code == 0, result.stderr
    assert "building it from the bundled pages" in result.stderr
    assert json.loads(result.stdout), "stdout holds only the JSON results"
    assert (tmp_path / "data" / "liaocheng-tui" / "library.db").is_file(), "made with its folders"


def default_library_with(data_home: Path, pages: list[Path]) -> Path:
    """The default library's file under ``data_home``, built from ``pages`` only."""
    from liaocheng_tui.build import build_library

    path = data_home / "liaocheng-tui" / "library.db"
    path.parent.mkdir(parents=True)
    library = Library(path, create=True)
    try:
        build_library(library, pages, jobs=1)
    finally:
        library.close()
    return path


def test_a_first_build_of_the_bundled_pages_cut_short_is_finished_on_the_next_run(tmp_path: Path) -> None:
    from liaocheng_tui.sources import bundled_seed_paths

    seeds = bundled_seed_paths()
    # As a first run killed after two pages leaves it (search … | head closing the pipe).
    path = default_library_with(tmp_path / "data", seeds[:2])
    with Library(path) as library:
        before = {record.id: record.title for record in library.articles(library.article_ids())}
    result = CliRunner().invoke(cli, ["search", "聊城", "--json"], env=default_library_env(tmp_path / "data"))
    assert result.exit_code == 0, result.stderr
    assert "finishing the build of the bundled pages" in result.stderr
    with Library(path) as library:
        counts = library.counts()
        after = {record.id: record.title for record in library.articles(library.article_ids())}
    assert (counts.pages, counts.articles) == (5, 51)  # the README's first run: 51 articles, 5 pages
    assert before.items() <= after.items(), "the pages stored first keep their articles and ids"
    again = CliRunner().invoke(cli, ["search", "聊城"], env=default_library_env(tmp_path / "data"))
    assert "bundled pages" not in again.stderr, "a finished library is not built again"


def test_a_first_build_still_running_elsewhere_is_left_to_finish(tmp_path: Path) -> None:
    from liaocheng_tui.sources import bundled_seed_paths

    path = default_library_with(tmp_path / "data", bundled_seed_paths()[:2])
    with Library(path) as building:
        assert not building.build_in_progress()
        with building.build_lock():  # the app's first build, two pages in
            assert building.build_in_progress()
            result = CliRunner().invoke(cli, ["search", "聊城"], env=default_library_env(tmp_path / "data"))
        assert not building.build_in_progress()
    assert result.exit_code == 0, result.stderr
    assert "bundled pages" not in result.stderr and "another build" not in result.stderr
    with Library(path) as library:
        assert library.counts().pages == 2


def test_a_default_library_the_user_added_a_page_to_is_never_filled_with_the_bundled_pages(
    tmp_path: Path,
) -> None:
    from liaocheng_tui.sources import bundled_seed_paths

    own = tmp_path / "own.txt"
    own.write_text("本报讯 城市书房开放\n\n　　市民在新开放的城市书房里阅读。\n", encoding="utf-8")
    path = default_library_with(tmp_path / "data", [bundled_seed_paths()[0], own])
    result = CliRunner().invoke(cli, ["search", "聊城"], env=default_library_env(tmp_path / "data"))
    assert result.exit_code == 0, result.stderr
    assert "bundled pages" not in result.stderr
    with Library(path) as library:
        assert library.counts().pages == 2


def test_search_json_gives_the_offsets_of_the_matches(built_db: Path) -> None:
    result = run("search", "聊城", "--db", built_db, "--json", "--limit", "50")
    assert result.exit_code == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits
    for hit in hits:
        assert hit["snippet_spans"], hit["snippet"]
        assert {hit["snippet"][start:end] for start, end in hit["snippet_spans"]} == {"聊城"}
        assert {hit["title"][start:end] for start, end in hit["title_spans"]} <= {"聊城"}
    titled = [hit for hit in hits if hit["title"] and "聊城" in hit["title"]]
    assert titled and all(hit["title_spans"] for hit in titled)
    first = titled[0]
    assert first["title_spans"][0] == [first["title"].index("聊城"), first["title"].index("聊城") + 2]


def test_bad_limit_is_a_usage_error(built_db: Path) -> None:
    assert_one_line_error(run("search", "聊城", "--db", built_db, "--limit", "0"), 2, "--limit")


# ------------------------------------------------------------------------------------ show / export


def test_show_prints_title_metadata_and_every_paragraph(built_db: Path, records: list[ArticleRecord]) -> None:
    record = max((r for r in records if r.title), key=lambda r: (bool(r.byline), len(r.paragraphs)))
    result = run("show", str(record.id), "--db", built_db)
    assert result.exit_code == 0, result.stderr
    assert record.title is not None and record.title in result.stdout
    assert (record.byline or "") in result.stdout
    assert record.source in result.stdout
    for paragraph in record.paragraphs:
        assert paragraph in result.stdout


def test_show_unknown_and_malformed_ids(built_db: Path) -> None:
    assert_one_line_error(run("show", "999999", "--db", built_db), 1, "no article with id 999999")
    assert_one_line_error(run("show", "abc", "--db", built_db), 2, "abc")


@pytest.mark.parametrize("ref", ["²", "①", "page.txt#⑤"])
def test_digits_int_cannot_read_are_a_usage_error(built_db: Path, ref: str) -> None:
    # Before: "unexpected ValueError: invalid literal for int() with base 10: '²'", exit 1.
    for command in ("show", "export"):
        assert_one_line_error(run(command, ref, "--db", built_db), 2, "neither an article id nor SOURCE#SEQ")


def test_a_position_beyond_any_integer_is_an_unknown_article(
    built_db: Path, records: list[ArticleRecord]
) -> None:
    # Before: "unexpected OverflowError: Python int too large to convert to SQLite INTEGER".
    position = f"{records[0].source}#{10**30}"
    for command in ("show", "export"):
        assert_one_line_error(run(command, position, "--db", built_db), 1, f"has no article #{10**30}")


@pytest.mark.parametrize("width", [41, 58])
def test_show_and_search_on_a_terminal_never_break_inside_a_number(
    built_db: Path, records: list[ArticleRecord], width: int
) -> None:
    # Before: Rich folded the spaceless Chinese lines anywhere: "1" | ".1亿元", "9" | "5.4%",
    # "150" | "00余人次" (on the seeds, 818 such breaks at widths 40 to 99).
    terminal = {"FORCE_COLOR": "1", "COLUMNS": str(width)}
    outputs = [run("show", str(record.id), "--db", built_db, env=terminal) for record in records]
    outputs.append(run("search", "增长", "--limit", "50", "--db", built_db, env=terminal))
    number_parts = set("0123456789.%") | set("亿万元台家年月日个人")
    for result in outputs:
        assert result.exit_code == 0, result.stderr
        lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in result.stdout.splitlines()]
        assert all(cell_len(line) <= width for line in lines)
        for above, below in itertools.pairwise(lines):
            split = above[-1:].isdigit() and below[:1] in number_parts
            assert not split, (above, below)
    # Piped, a paragraph stays one line.
    piped = run("show", str(records[0].id), "--db", built_db)
    assert all(paragraph in piped.stdout.splitlines() for paragraph in records[0].paragraphs)


def test_export_txt_to_stdout_round_trip(built_db: Path, records: list[ArticleRecord]) -> None:
    record = max(records, key=lambda r: len(r.paragraphs))
    result = run("export", str(record.id), "--db", built_db, "-o", "-")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert record.title is not None and text.index(record.title) < text.index(record.paragraphs[0])
    for paragraph in record.paragraphs:
        assert paragraph in text
    assert "\x1b" not in text and "[bold" not in text


def test_export_json_loads_back_to_the_same_fields(built_db: Path, records: list[ArticleRecord]) -> None:
    record = records[0]
    single = run("export", str(record.id), "--db", built_db, "--format", "json")
    assert single.exit_code == 0, single.stderr
    loaded: dict[str, Any] = json.loads(single.stdout)
    assert_json_is_record(loaded, record)
    several = json.loads(
        run("export", str(records[0].id), str(records[1].id), "--db", built_db, "--format", "json").stdout
    )
    assert [item["id"] for item in several] == [records[0].id, records[1].id]


def test_export_to_folder_names_and_no_overwrite(
    built_db: Path, records: list[ArticleRecord], tmp_path: Path
) -> None:
    chosen = [r for r in records if r.title][:2]
    ids = [str(r.id) for r in chosen]
    out = tmp_path / "out"
    out.mkdir()
    result = run("export", *ids, "--db", built_db, "-o", out, "--format", "md")
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2
    for record in chosen:
        assert record.title is not None
        expected_start = f"{record.date or 'undated'}_{''.join(record.title.split())[:4]}"
        assert any(
            name.replace(" ", "").startswith(expected_start) and name.endswith(".md") for name in names
        )
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    again = run("export", *ids, "--db", built_db, "-o", out, "--format", "md")
    assert_one_line_error(again, 1, "refusing to overwrite")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    forced = run("export", *ids, "--db", built_db, "-o", out, "--format", "md", "--force")
    assert forced.exit_code == 0, forced.stderr


def test_export_errors(built_db: Path, records: list[ArticleRecord], tmp_path: Path) -> None:
    assert_one_line_error(run("export", "424242", "--db", built_db), 1, "no article with id 424242")
    assert_one_line_error(run("export", str(records[0].id), "--db", built_db, "--format", "pdf"), 2, "pdf")
    assert_one_line_error(
        run("export", str(records[0].id), "--db", built_db, "-o", tmp_path / "no" / "such" / "file.txt"),
        1,
        "no such folder",
    )


LEAD_TITLE = "“十四五”以来聊城淘汰落后产能企业165家"  # a seed page's article, hand-checked


def _lead(records: list[ArticleRecord]) -> ArticleRecord:
    return next(record for record in records if record.title == LEAD_TITLE)


@pytest.mark.parametrize("name", ["b.json", "B.JSON"])
def test_export_to_a_json_file_writes_json_without_format(
    built_db: Path, records: list[ArticleRecord], tmp_path: Path, name: str
) -> None:
    # Before: `-o b.json` wrote plain text into b.json (the format was txt unless --format said).
    record = _lead(records)
    target = tmp_path / name
    result = run("export", str(record.id), "--db", built_db, "-o", target)
    assert result.exit_code == 0, result.stderr
    loaded = json.loads(target.read_text(encoding="utf-8"))
    assert (loaded["id"], loaded["title"]) == (record.id, LEAD_TITLE)


def test_export_to_a_markdown_file_writes_markdown_without_format(
    built_db: Path, records: list[ArticleRecord], tmp_path: Path
) -> None:
    record = _lead(records)
    target = tmp_path / "b.md"
    result = run("export", str(record.id), "--db", built_db, "-o", target)
    assert result.exit_code == 0, result.stderr
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["*聊城市“局长大讲堂”邀请媒体、企业代表现场发问*", "", f"# {LEAD_TITLE}"]


def test_an_explicit_format_wins_over_the_extension(
    built_db: Path, records: list[ArticleRecord], tmp_path: Path
) -> None:
    record = _lead(records)
    target = tmp_path / "b.json"
    result = run("export", str(record.id), "--db", built_db, "-o", target, "--format", "txt")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"liaocheng-tui: wrote {target}\n"  # no warning: the choice was explicit
    assert target.read_text(encoding="utf-8").splitlines()[:2] == [
        "聊城市“局长大讲堂”邀请媒体、企业代表现场发问",
        LEAD_TITLE,
    ]


def test_export_without_a_known_extension_or_into_a_folder_is_txt(
    built_db: Path, records: list[ArticleRecord], tmp_path: Path
) -> None:
    record = _lead(records)
    plain_file = tmp_path / "notes"
    assert run("export", str(record.id), "--db", built_db, "-o", plain_file).exit_code == 0
    assert plain_file.read_text(encoding="utf-8").splitlines()[1] == LEAD_TITLE
    folder = tmp_path / "out.json"  # a folder's name says nothing about its files' format
    folder.mkdir()
    result = run("export", str(record.id), "--db", built_db, "-o", folder)
    assert result.exit_code == 0, result.stderr
    assert [path.suffix for path in folder.iterdir()] == [".txt"]


def test_export_help_says_the_format_follows_the_extension() -> None:
    result = run("export", "--help")
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    assert "Default: from the extension of -o (.txt, .md, .json), else txt" in flat
    assert "--format wins over the extension" in flat


def test_export_to_an_empty_path_is_refused(
    built_db: Path, records: list[ArticleRecord], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: -o '' was the current folder, and the article was written into it.
    monkeypatch.chdir(tmp_path)
    result = run("export", str(_lead(records).id), "--db", built_db, "-o", "")
    assert_one_line_error(result, 2, "Invalid value for '-o' / '--output': the path is empty")
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------------------ stats, app, library


def test_stats_tables(built_db: Path, records: list[ArticleRecord]) -> None:
    result = run("stats", "--db", built_db)
    assert result.exit_code == 0, result.stderr
    assert f"5 pages, {len(records)} articles" in result.stdout
    for title in ("by publication", "by year", "by section", "by kind"):
        assert title in result.stdout
    assert "news" in result.stdout


def test_db_from_environment_variable(tmp_path: Path) -> None:
    db = tmp_path / "from_env.db"
    built = run("build", env={"LIAOCHENG_TUI_DB": str(db)})
    assert built.exit_code == 0, built.stderr
    result = run("stats", env={"LIAOCHENG_TUI_DB": str(db)})
    assert result.exit_code == 0, result.stderr
    assert str(db) in result.stdout


def test_not_a_library_file(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is not sqlite at all, just some text that is long enough to matter" * 20)
    assert_one_line_error(run("stats", "--db", bogus), 1, "not a liaocheng-tui library")


def test_no_command_without_app_prints_a_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "liaocheng_tui.tui", None)
    Library(tmp_path / "lib.db").close()
    result = run("--db", tmp_path / "lib.db")
    assert result.exit_code == 0
    assert "not available" in result.stdout


def test_no_command_with_app_needs_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[Path] = []
    fake = types.ModuleType("liaocheng_tui.tui")
    fake.run_app = calls.append  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "liaocheng_tui.tui", fake)
    Library(tmp_path / "lib.db").close()
    result = run("--db", tmp_path / "lib.db")
    assert_one_line_error(result, 1, "interactive terminal")
    assert calls == []


# ------------------------------------------------------------------------------------ real processes


def _module(*args: str | Path, env_db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LIAOCHENG_TUI_DB": str(env_db)}
    return subprocess.run(
        [sys.executable, "-m", "liaocheng_tui", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=120,
    )


@pytest.mark.slow
def test_python_dash_m_exit_codes(built_db: Path, tmp_path: Path) -> None:
    ok = _module("stats", env_db=built_db)
    assert ok.returncode == 0, ok.stderr
    assert "by kind" in ok.stdout
    missing = _module("parse", tmp_path / "missing.txt", env_db=built_db)
    assert missing.returncode == 1
    assert missing.stderr.strip().splitlines() == [f"{ERROR_PREFIX}no such file: {tmp_path / 'missing.txt'}"]
    usage = _module("export", "1", "--format", "doc", env_db=built_db)
    assert usage.returncode == 2
    assert len(usage.stderr.strip().splitlines()) == 1 and usage.stderr.startswith(ERROR_PREFIX)
    injected = _module("search", 'NEAR("聊城" *', "--json", env_db=built_db)
    assert injected.returncode in (0, 1)
    assert "Traceback" not in injected.stderr


def test_unexpected_exception_is_one_line_exit_1(
    monkeypatch: pytest.MonkeyPatch, seed_paths: list[Path]
) -> None:
    import liaocheng_tui.cli as cli_module

    def explode(path: Path, max_bytes: int = 0) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(cli_module, "read_page_file", explode)
    assert_one_line_error(run("parse", seed_paths[0]), 1, "unexpected RuntimeError: boom second line")


def test_escape_codes_in_a_page_never_reach_the_terminal(tmp_path: Path) -> None:
    page = tmp_path / "evil\x1b[2J.txt"
    page.write_text(
        "恶意标题\x1b]0;pwned\x07测试\u202e\n\n本报讯(记者 张三)正文第一段\x1b[31m红色\x9b0m内容。\n\n"
        + "这是一段足够长的正常正文，用来说明控制字符只占页面的一小部分。" * 5
        + "\n",
        encoding="utf-8",
    )
    summary = run("parse", page)
    assert summary.exit_code == 0, summary.stderr
    assert not any(ch in summary.stdout for ch in "\x1b\x07\x9b\u202e")
    as_json = run("parse", page, "--json")
    assert not any(ch in as_json.stdout for ch in "\x1b\x07\x9b\u202e")
    loaded = json.loads(as_json.stdout)
    assert loaded["source"] == page.name
    assert "\x1b" in loaded["source"], "the value is kept; only its printed form is escaped"


def test_a_home_of_a_user_who_does_not_exist_is_a_plain_path(
    built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: "unexpected RuntimeError: Could not determine home directory." from each of these.
    monkeypatch.chdir(tmp_path)
    nobody = "~liaocheng-no-such-user"
    assert_one_line_error(run("export", "1", "--db", built_db, "-o", f"{nobody}/x.txt"), 1, "no such folder")
    assert_one_line_error(run("stats", "--db", f"{nobody}/x.db"), 1, f"no library at {nobody}/x.db")
    assert_one_line_error(run("stats", env={"LIAOCHENG_TUI_DB": f"{nobody}/x.db"}), 1, "no library at")
    assert list(tmp_path.iterdir()) == []


def test_db_option_before_the_command_applies_to_it(tmp_path: Path) -> None:
    db = tmp_path / "group_level.db"
    Library(db).close()
    result = run("--db", db, "stats")
    assert result.exit_code == 0, result.stderr
    assert str(db) in result.stdout


def test_export_to_a_new_folder_named_with_a_trailing_slash(built_db: Path, tmp_path: Path) -> None:
    # Once written as one file called "new" because Path("new/") drops the slash.
    target = tmp_path / "new"
    result = run("export", "1", "2", "--db", built_db, "-o", f"{target}/")
    assert result.exit_code == 0, result.stderr
    assert target.is_dir()
    assert len(list(target.iterdir())) == 2


@pytest.mark.slow
def test_app_on_a_file_that_is_not_a_library_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    # Through a real pseudo-terminal, since the app refuses to start without one.
    import pty

    not_a_library = tmp_path / "notes.txt"
    not_a_library.write_text("这不是数据库\n" * 50, encoding="utf-8")
    output = bytearray()

    def read(fd: int) -> bytes:
        data = os.read(fd, 4096)
        output.extend(data)
        return data

    status = pty.spawn([sys.executable, "-m", "liaocheng_tui", "--db", str(not_a_library)], read)
    text = output.decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 1
    assert "Traceback" not in text and "LibraryError" not in text
    assert f"liaocheng-tui: error: {not_a_library} is not a liaocheng-tui library" in text


def test_backup_to_a_dash_is_refused_not_a_file_named_dash(
    built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: `backup -` wrote the library to a file called "-" in the current folder.
    monkeypatch.chdir(tmp_path)
    result = run("backup", "-", "--db", built_db)
    assert_one_line_error(
        result,
        2,
        "Invalid value for 'DEST': - would be a file named '-', not standard output (a backup is a "
        "binary SQLite file); give a file name, e.g. library-backup.db",
    )
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []
    assert_one_line_error(
        run("backup", "", "--db", built_db), 2, "Invalid value for 'DEST': the path is empty"
    )
    assert list(tmp_path.iterdir()) == []
    # Asked for by name, a file called "-" is still possible.
    named = run("backup", "./-", "--db", built_db)
    assert named.exit_code == 0, named.stderr
    assert [path.name for path in tmp_path.iterdir()] == ["-"]
    with Library(tmp_path / "-") as copy, Library(built_db) as original:
        assert copy.counts() == original.counts()
