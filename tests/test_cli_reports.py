"""What the CLI reports for scripts and logs (issue 10): few progress lines when piped, stats by
year and as JSON, and the order search results are in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from liaocheng_tui.build import BuildProgress
from liaocheng_tui.cli import cli, plain_progress_reporter
from liaocheng_tui.store import Library


def run(*args: str | Path, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args], env=env)


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("reports") / "library.db"
    result = run("build", "--db", db)
    assert result.exit_code == 0, result.stderr
    return db


def test_a_piped_build_of_thousands_of_pages_prints_about_a_dozen_lines() -> None:
    lines: list[str] = []
    now = [0.0]
    report = plain_progress_reporter(lines.append, clock=lambda: now[0])
    total = 2861
    for done in range(total):
        now[0] += 0.001  # a fast build: only the tenths decide
        report(BuildProgress(done=done, total=total, current=f"page{done}.txt"))
    report(BuildProgress(done=total, total=total, current=""))
    assert 10 <= len(lines) <= 12, lines
    assert lines[0] == "liaocheng-tui: building: 0/2861 pages (0%)"
    assert lines[-1] == "liaocheng-tui: building: 2861/2861 pages (100%)"
    assert "liaocheng-tui: building: 287/2861 pages (10%)" in lines


def test_a_slow_piped_build_still_says_something_every_minute() -> None:
    lines: list[str] = []
    now = [0.0]
    report = plain_progress_reporter(lines.append, clock=lambda: now[0])
    for done in range(5):  # 0% of 1000 pages for five minutes: one line a minute
        now[0] += 61.0
        report(BuildProgress(done=done, total=1000, current="slow.txt"))
    assert len(lines) == 5


def test_piped_build_of_the_seeds_prints_one_line_per_tenth_not_per_page(tmp_path: Path) -> None:
    result = run("build", "--db", tmp_path / "lib.db")
    assert result.exit_code == 0, result.stderr
    progress = [line for line in result.stderr.splitlines() if "building:" in line]
    # 5 pages: each is a fifth, so 0%, 20%, 40%, 60%, 80%, 100%; never a page's file name.
    assert progress[0].endswith("0/5 pages (0%)") and progress[-1].endswith("5/5 pages (100%)")
    assert len(progress) == 6
    assert not any(".txt" in line for line in result.stderr.splitlines())


def test_stats_shows_years_not_every_date(seeds_db: Path) -> None:
    with Library(seeds_db) as library:
        figures = library.stats()
    dates = [date for date, _ in figures.by_date if date]
    years = sorted({date[:4] for date in dates}, reverse=True)
    assert len(dates) > len(years), "the seeds span several dates of one year"
    result = run("stats", "--db", seeds_db)
    assert result.exit_code == 0, result.stderr
    assert "by year" in result.stdout and "by date" not in result.stdout
    for date in dates:
        assert date not in result.stdout
    by_date = run("stats", "--db", seeds_db, "--by-date")
    assert "by date" in by_date.stdout
    for date in dates:
        assert date in by_date.stdout


def test_stats_json(seeds_db: Path) -> None:
    with Library(seeds_db) as library:
        figures = library.stats()
    result = run("stats", "--db", seeds_db, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["library"] == str(seeds_db)
    assert (data["pages"], data["articles"]) == (5, figures.articles)
    assert data["by_date"] == [{"value": value, "articles": count} for value, count in figures.by_date]
    assert data["by_kind"] == [{"value": value, "articles": count} for value, count in figures.by_kind]
    per_year: dict[str | None, int] = {}
    for value, count in figures.by_date:
        per_year[value[:4] if value else None] = per_year.get(value[:4] if value else None, 0) + count
    assert {row["value"]: row["articles"] for row in data["by_year"]} == per_year
    assert sum(row["articles"] for row in data["by_year"]) == figures.articles


def test_verbose_build_names_every_page(tmp_path: Path) -> None:
    result = run("build", "--db", tmp_path / "lib.db", "--verbose")
    assert result.exit_code == 0, result.stderr
    named = [line for line in result.stderr.splitlines() if line.startswith("liaocheng-tui: [")]
    assert [line.split("]")[0] for line in named] == [f"liaocheng-tui: [{n}/5" for n in range(1, 6)]


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("date:2023-13", "no month 13"),
        ("date:2023-02-30", "has no day 30"),
        ("date:abc", "bad date 'abc'"),
        ("date:2023..2022", "ends before it starts"),
        ("title:", "title: needs a value"),
        ("foo:bar", "unknown field 'foo:'"),
        ("kind:xyz", "unknown kind 'xyz'"),
    ],
)
def test_a_bad_query_is_one_line_and_exit_2(seeds_db: Path, query: str, fragment: str) -> None:
    result = run("search", query, "--db", seeds_db, "--json")
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("liaocheng-tui: error: bad query: "), result.stderr
    assert fragment in lines[0]
    assert result.stdout == ""


def test_chinese_query_forms_find_what_the_ascii_ones_do(seeds_db: Path) -> None:
    def ids(*words: str) -> set[int]:
        result = run("search", *words, "--db", seeds_db, "--json", "--limit", "500")
        assert result.exit_code == 0, result.stderr
        return {hit["id"] for hit in json.loads(result.stdout)}

    both = ids("绿色", "诊断")
    assert both and ids("绿色 AND 诊断") == both
    assert ids("绿色 NOT 诊断") == ids("绿色", "-诊断") != ids("绿色")
    assert ids("“绿色诊断”") == ids('"绿色诊断"') == ids("「绿色 诊断」") != set()
    assert ids("kind:图片") == ids("kind:photo") != set()
    assert ids("标题：诊断") == ids("title:诊断") != set()


def test_search_says_when_results_are_newest_first(seeds_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import liaocheng_tui.search as search_module

    ranked = run("search", "聊城", "--db", seeds_db, "--json", "--limit", "500")
    assert ranked.exit_code == 0 and "note:" not in ranked.stderr
    hits = json.loads(ranked.stdout)
    assert len(hits) > 3 and all(hit["score"] > 0 for hit in hits)
    monkeypatch.setattr(search_module, "RANK_LIMIT", 3)
    monkeypatch.setattr("liaocheng_tui.cli.RANK_LIMIT", 3)
    newest = run("search", "聊城", "--db", seeds_db, "--json", "--limit", "500")
    assert newest.exit_code == 0, newest.stderr
    assert newest.stderr.strip().splitlines() == [
        f"liaocheng-tui: note: {len(hits)} results, newest first (more than 3 matches are not ranked; score 0)"
    ]
    unranked = json.loads(newest.stdout)
    # the same shape and the same articles; only the order and the scores differ
    assert [set(hit) for hit in unranked] == [set(hit) for hit in hits]
    assert {hit["id"] for hit in unranked} == {hit["id"] for hit in hits}
    assert all(hit["score"] == 0 for hit in unranked)
    dates = [hit["date"] or "" for hit in unranked]
    assert dates == sorted(dates, reverse=True)
    text = run("search", "聊城", "--db", seeds_db, "--limit", "2")
    assert f"{len(hits)} results (showing 2, newest first)" in text.stdout


def test_a_query_of_filters_alone_is_newest_first_and_says_so(seeds_db: Path) -> None:
    result = run("search", "date:2023", "--db", seeds_db, "--json")
    assert result.exit_code == 0, result.stderr
    assert "newest first (nothing in the query to rank by; score 0)" in result.stderr


def test_search_help_states_the_ranking_limit() -> None:
    from liaocheng_tui.search import RANK_LIMIT

    result = run("search", "--help")
    assert f"at most {RANK_LIMIT:,} matches" in result.stdout
    assert "newest first" in result.stdout
    for operator in ("AND", "OR", "NOT", "「…」", "kind:消息", "标题:"):
        assert operator in result.stdout
