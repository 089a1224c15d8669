"""What a page is, what an article id is, and where read and star marks go.

- A page is its file (the resolved path, as bytes): two files of one name are two pages.
- Article ids stay across rebuilds (same page, same position); SOURCE#SEQ names an article too.
- Marks follow text: after a re-parse they go to the new article holding most of the old text.
- A file name that is not UTF-8 is stored losslessly, shown escaped, and stops nothing.

The command line runs as a real process on real files, as a user would run it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from liaocheng_tui import build as build_module
from liaocheng_tui import store
from liaocheng_tui.build import build_library
from liaocheng_tui.parse import parse_page
from liaocheng_tui.parse.models import Page
from liaocheng_tui.store import Library

DATA = Path(__file__).resolve().parent / "data" / "identity"
GBK_NAME = b"\xb2\xe2\xca\xd4.txt"  # "测试.txt" in GBK: what a zip made on Windows unpacks to
GBK_SHOWN = r"\xb2\xe2\xca\xd4.txt"


def cli(*args: str | bytes | Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """``liaocheng-tui ARGS`` in a new process; its output must be UTF-8 and never a traceback."""
    done = subprocess.run(
        [sys.executable, "-m", "liaocheng_tui", *args], cwd=cwd, capture_output=True, timeout=300
    )
    for stream in (done.stdout, done.stderr):
        text = stream.decode("utf-8")  # strict: a raw surrogate or a stray byte fails here
        assert "Traceback" not in text and "unexpected" not in text, text
    return done


def out(done: subprocess.CompletedProcess[bytes]) -> str:
    return done.stdout.decode("utf-8")


def err(done: subprocess.CompletedProcess[bytes]) -> str:
    return done.stderr.decode("utf-8")


def article_count(path: Path) -> int:
    return len(parse_page(path.read_text(encoding="utf-8")).articles)


def titles(library: Library) -> list[str]:
    return sorted(r.headline for r in library.articles(library.article_ids()))


def marks(library: Library) -> dict[str, tuple[bool, bool]]:
    """headline -> (read, starred) of every marked article."""
    return {
        r.headline: (r.read, r.starred)
        for r in library.articles(library.article_ids())
        if r.read or r.starred
    }


# -- 1. page identity (issue 11 #1) ---------------------------------------------------------------


@pytest.mark.slow
def test_two_files_of_one_name_given_on_the_command_line_are_two_pages(
    tmp_path: Path, seed_paths: list[Path]
) -> None:
    for folder, seed in (("a", seed_paths[0]), ("b", seed_paths[1])):
        (tmp_path / folder).mkdir()
        shutil.copy(seed, tmp_path / folder / "page1.txt")
    expected = article_count(seed_paths[0]) + article_count(seed_paths[1])
    done = cli("build", "a/page1.txt", "b/page1.txt", "--db", "lib.db", cwd=tmp_path)
    assert done.returncode == 0, err(done)
    assert f"pages: 2  articles: {expected}  skipped: 0" in out(done)
    with Library(tmp_path / "lib.db") as library:
        assert library.stats().pages == 2
        assert len(library.article_ids()) == expected
        assert [p.source for p in library.stored_pages()] == ["page1.txt", "page1.txt"]
    # The name alone is ambiguous; the file's path names one page.
    ambiguous = cli("show", "page1.txt#1", "--db", "lib.db", cwd=tmp_path)
    assert ambiguous.returncode == 1 and "names 2 pages" in err(ambiguous)
    first_title = parse_page(seed_paths[1].read_text(encoding="utf-8")).articles[0].title
    assert first_title
    shown = cli("show", "b/page1.txt#1", "--db", "lib.db", cwd=tmp_path)
    assert shown.returncode == 0, err(shown)
    assert out(shown).splitlines()[0] == first_title


@pytest.mark.slow
def test_a_copy_under_the_same_name_is_not_used_and_said_so(tmp_path: Path, seed_paths: list[Path]) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(seed_paths[0], tmp_path / folder / "page1.txt")
    done = cli("build", "a/page1.txt", "b/page1.txt", "--db", "lib.db", cwd=tmp_path)
    assert done.returncode == 0, err(done)
    assert f"pages: 1  articles: {article_count(seed_paths[0])}  skipped: 0  failed: 0  not used: 1" in out(
        done
    )
    assert "not used: b/page1.txt: same text as page1.txt, which is kept" in err(done)


@pytest.mark.slow
def test_a_second_paper_with_the_same_layout_keeps_the_first_paper_and_its_star(
    tmp_path: Path, seed_paths: list[Path]
) -> None:
    for paper, seed in (("paperA", seed_paths[0]), ("paperB", seed_paths[1])):
        (tmp_path / paper / "2023-02-20").mkdir(parents=True)
        shutil.copy(seed, tmp_path / paper / "2023-02-20" / "page1.txt")
    a_count, b_count = article_count(seed_paths[0]), article_count(seed_paths[1])
    assert cli("build", "paperA", "--db", "lib.db", cwd=tmp_path).returncode == 0
    with Library(tmp_path / "lib.db") as library:
        a_titles = titles(library)
        a_second = library.articles(library.article_ids())[1]
        library.set_starred(a_second.id, True)
    done = cli("build", "paperB", "--db", "lib.db", cwd=tmp_path)
    assert done.returncode == 0, err(done)
    assert f"pages: 1  articles: {b_count}  skipped: 0" in out(done)
    with Library(tmp_path / "lib.db") as library:
        assert library.stats().pages == 2
        assert len(library.article_ids()) == a_count + b_count
        assert set(a_titles) <= set(titles(library))
        assert marks(library) == {a_second.headline: (False, True)}
        assert library.article(a_second.id) is not None
    # A rebuild of the same file still replaces it (one page, not a third).
    page_a = tmp_path / "paperA" / "2023-02-20" / "page1.txt"
    page_a.write_text(
        page_a.read_text(encoding="utf-8") + "\n编后\n\n本报讯 这是追加的一段文字。\n", encoding="utf-8"
    )
    again = cli("build", "paperA", "--db", "lib.db", cwd=tmp_path)
    assert again.returncode == 0, err(again)
    assert "pages: 1 " in out(again)
    with Library(tmp_path / "lib.db") as library:
        assert library.stats().pages == 2
        assert marks(library) == {a_second.headline: (False, True)}
        assert (
            library.article(a_second.id) is not None
            and library.article(a_second.id).headline == a_second.headline
        )  # type: ignore[union-attr]
    # Reached another way (an absolute path, through a symlink) it is still the same page.
    (tmp_path / "link").symlink_to(tmp_path / "paperA")
    same = cli("build", str(tmp_path / "link"), "--rebuild", "--db", "lib.db", cwd=tmp_path)
    assert same.returncode == 0, err(same)
    with Library(tmp_path / "lib.db") as library:
        assert library.stats().pages == 2


@pytest.mark.slow
def test_a_library_of_schema_1_is_migrated_in_place_and_keeps_its_marks(tmp_path: Path) -> None:
    # library_v1.db was written by the schema-1 code (commit 9e76492) from the page beside it,
    # with the second article starred and the third read. See tests/data/identity/README.
    db = tmp_path / "lib.db"
    shutil.copy(DATA / "library_v1.db", db)
    archive = tmp_path / "archive"
    shutil.copytree(DATA / "2023-03-01", archive / "2023-03-01")
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    found = cli("search", "冠县", "--json", "--db", db, cwd=tmp_path)
    assert found.returncode == 0, err(found)
    assert [(hit["id"], hit["source"], hit["seq"]) for hit in json.loads(out(found))] == [
        (2, "2023-03-01/page1.txt", 2)
    ]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 2
        # A second file of that name may now be stored: the source index is no longer unique.
        assert conn.execute("PRAGMA index_info(idx_pages_source)").fetchall()
        assert not conn.execute(
            "SELECT 1 FROM pragma_index_list('pages') WHERE name = 'idx_pages_source' AND \"unique\""
        ).fetchall()
    with Library(db) as library:
        assert marks(library) == {
            "冠县梨园开展春季管护培训": (False, True),
            "临清市新建三所乡村学校投入使用": (True, False),
        }
        (old_page,) = library.stored_pages()
        assert old_page.identity is None
    # The first build of the unchanged file recognises the old page and records its path.
    page = archive / "2023-03-01" / "page1.txt"
    first = cli("build", "archive", "--db", db, cwd=tmp_path)
    assert first.returncode == 0, err(first)
    assert "pages: 0  articles: 0  skipped: 1" in out(first)
    with Library(db) as library:
        (page_row,) = library.stored_pages()
        assert page_row.id == old_page.id and page_row.identity == os.fsencode(page.resolve())
    # build --rebuild without paths works from the stored pages and keeps ids and marks.
    rebuilt = cli("build", "--rebuild", "--db", db, cwd=tmp_path)
    assert rebuilt.returncode == 0, err(rebuilt)
    assert "pages: 1  articles: 3" in out(rebuilt)
    with Library(db) as library:
        assert [(r.id, r.seq) for r in library.articles(library.article_ids())] == [(1, 1), (2, 2), (3, 3)]
        assert marks(library)["冠县梨园开展春季管护培训"] == (False, True)
    # Another paper's page of the same name is a new page; the old one stays as it was.
    other = tmp_path / "other" / "2023-03-01"
    other.mkdir(parents=True)
    other.joinpath("page1.txt").write_text(
        "莘县举办春季招聘会\n\n本报讯 莘县举办春季招聘会,八十家企业参加。\n", encoding="utf-8"
    )
    added = cli("build", "other", "--db", db, cwd=tmp_path)
    assert added.returncode == 0, err(added)
    with Library(db) as library:
        assert library.stats().pages == 2
        assert len(marks(library)) == 2


def test_a_schema_1_library_that_cannot_be_written_is_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What SQLite raises for the first write to a read-only file (checked with mode=ro): the
    # migration cannot happen, and the library is read as schema 1 (tests run as root here, and
    # root writes to read-only files, so the refusal is simulated).
    def refuse(self: Library, version: int) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(Library, "_migrate", refuse)
    db = tmp_path / "lib.db"
    shutil.copy(DATA / "library_v1.db", db)
    with Library(db) as library:
        assert len(library.article_ids()) == 3
        assert [(p.source, p.identity) for p in library.stored_pages()] == [("2023-03-01/page1.txt", None)]
        assert marks(library)["冠县梨园开展春季管护培训"] == (False, True)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


# -- 9. file names that are not UTF-8 (issue 11 #9) ---------------------------------------------------


@pytest.mark.slow
def test_a_file_name_that_is_not_utf8_is_stored_losslessly_shown_escaped_and_stops_nothing(
    tmp_path: Path, seed_paths: list[Path]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    gbk_path = os.fsencode(pages) + b"/" + GBK_NAME
    shutil.copy(seed_paths[0], gbk_path)  # sorts after a.txt and z.txt: the build reached it last
    shutil.copy(seed_paths[1], pages / "a.txt")
    shutil.copy(seed_paths[2], pages / "z.txt")
    expected = sum(article_count(seed) for seed in seed_paths[:3])
    done = cli("build", "pages", "--db", "lib.db", cwd=tmp_path)
    assert done.returncode == 0, err(done)
    assert f"pages: 3  articles: {expected}  skipped: 0  failed: 0" in out(done)
    with Library(tmp_path / "lib.db") as library:
        stored = {p.source: p.identity for p in library.stored_pages()}
        # The exact bytes of the name are kept: the page is found again from the file itself.
        assert stored == {
            "a.txt": os.fsencode((pages / "a.txt").resolve()),
            "z.txt": os.fsencode((pages / "z.txt").resolve()),
            GBK_SHOWN: os.path.realpath(gbk_path),
        }
    again = cli("build", "pages", "--db", "lib.db", cwd=tmp_path)
    assert "pages: 0  articles: 0  skipped: 3" in out(again)
    # Shown escaped everywhere: search, JSON, show by SOURCE#SEQ, export, parse.
    title = parse_page(seed_paths[0].read_text(encoding="utf-8")).articles[0].title
    assert title
    term = max(re.findall(r"[\u4e00-\u9fff]+", title), key=len)  # no quote marks: they are syntax
    hits = cli("search", f"title:{term}", "--db", "lib.db", cwd=tmp_path)
    assert f"{GBK_SHOWN}#1" in out(hits)
    as_json = json.loads(out(cli("search", f"title:{term}", "--json", "--db", "lib.db", cwd=tmp_path)))
    assert as_json[0]["source"] == GBK_SHOWN
    shown = cli("show", f"{GBK_SHOWN}#1", "--db", "lib.db", cwd=tmp_path)
    assert shown.returncode == 0 and out(shown).splitlines()[0] == title
    exported = cli("export", str(as_json[0]["id"]), "--format", "json", "--db", "lib.db", cwd=tmp_path)
    assert json.loads(out(exported))["source"] == GBK_SHOWN
    # Given as a path (bytes on the command line), directly to build and parse.
    direct = cli("build", b"pages/" + GBK_NAME, "--rebuild", "--verbose", "--db", "lib.db", cwd=tmp_path)
    assert direct.returncode == 0 and "pages: 1 " in out(direct), err(direct)
    assert GBK_SHOWN in err(direct)  # the progress line names it, escaped
    parsed = cli("parse", b"pages/" + GBK_NAME, "--json", cwd=tmp_path)
    assert parsed.returncode == 0 and json.loads(out(parsed))["source"] == GBK_SHOWN
    with Library(tmp_path / "lib.db") as library:
        assert library.stats().pages == 3
    # A failing page with such a name is reported, escaped, and the others are still built.
    bad = tmp_path / "bad"
    bad.mkdir()
    with open(os.fsencode(bad) + b"/\xff.txt", "wb") as handle:
        handle.write(b"")
    shutil.copy(seed_paths[3], bad / "ok.txt")
    failed = cli("build", "bad", "--db", "lib.db", cwd=tmp_path)
    assert failed.returncode == 3
    assert "failed: 1" in out(failed) and "pages: 1 " in out(failed)
    assert r"\xff.txt" in err(failed)


# -- Broken 5: stable ids and SOURCE#SEQ (issue 10) ----------------------------------------------------


@pytest.mark.slow
def test_ids_stay_across_rebuild_and_source_seq_names_the_same_article(
    tmp_path: Path, seed_paths: list[Path]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for seed in seed_paths:
        shutil.copy(seed, pages / seed.name)
    assert cli("build", "pages", "--db", "lib.db", cwd=tmp_path).returncode == 0
    with Library(tmp_path / "lib.db") as library:
        before = {r.id: (r.source, r.seq, r.headline) for r in library.articles(library.article_ids())}
    first = cli("export", "1", "--db", "lib.db", cwd=tmp_path)
    assert first.returncode == 0, err(first)
    source, seq, _ = before[1]
    by_position = cli("show", f"{source}#{seq}", "--db", "lib.db", cwd=tmp_path)
    assert out(by_position) == out(first)

    rebuilt = cli("build", "--rebuild", "--db", "lib.db", cwd=tmp_path)
    assert rebuilt.returncode == 0, err(rebuilt)
    with Library(tmp_path / "lib.db") as library:
        after = {r.id: (r.source, r.seq, r.headline) for r in library.articles(library.article_ids())}
    assert after == before
    again = cli("export", "1", "--db", "lib.db", cwd=tmp_path)
    assert again.returncode == 0, err(again)
    assert out(again) == out(first)
    second = [i for i, (s, q, _) in before.items() if (s, q) == (source, 2)]
    assert out(cli("show", f"{source}#2", "--db", "lib.db", cwd=tmp_path)) == out(
        cli("show", str(second[0]), "--db", "lib.db", cwd=tmp_path)
    )
    # Several at once, ids and positions mixed; a position that does not exist is one line, exit 1.
    both = cli("export", "1", f"{source}#2", "--format", "json", "--db", "lib.db", cwd=tmp_path)
    assert [a["id"] for a in json.loads(out(both))] == [1, second[0]]
    missing = cli("show", f"{source}#999", "--db", "lib.db", cwd=tmp_path)
    assert missing.returncode == 1 and err(missing).count("\n") == 1 and "no article #999" in err(missing)
    nonsense = cli("show", "abc", "--db", "lib.db", cwd=tmp_path)
    assert nonsense.returncode == 2 and "SOURCE#SEQ" in err(nonsense)


@pytest.mark.slow
def test_a_source_holding_a_hash_sign_is_split_at_the_last_one(
    tmp_path: Path, seed_paths: list[Path]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(seed_paths[0], pages / "issue#3.txt")
    assert cli("build", "pages", "--db", "lib.db", cwd=tmp_path).returncode == 0
    expected = parse_page(seed_paths[0].read_text(encoding="utf-8")).articles[1].title
    shown = cli("show", "issue#3.txt#2", "--db", "lib.db", cwd=tmp_path)
    assert shown.returncode == 0, err(shown)
    assert out(shown).splitlines()[0] == expected


def test_a_changed_page_keeps_the_ids_of_its_positions(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(DATA / "2023-03-01", archive / "2023-03-01")
    (archive / "2023-03-02").mkdir()
    (archive / "2023-03-02" / "page1.txt").write_text(
        "阳谷县启动春耕生产\n\n本报讯 阳谷县启动春耕生产,农机手们忙着检修机具。\n", encoding="utf-8"
    )
    with Library(tmp_path / "lib.db") as library:
        build_library(library, [archive])
        ids = [r.id for r in library.articles(library.article_ids()) if r.source == "2023-03-01/page1.txt"]
        page = archive / "2023-03-01" / "page1.txt"
        page.write_text(
            page.read_text(encoding="utf-8")
            + "\n莘县举办春季招聘会\n\n本报讯 莘县举办春季招聘会,八十家企业参加。\n",
            encoding="utf-8",
        )
        summary = build_library(library, [archive])
        assert (summary.pages, summary.articles, summary.skipped) == (1, 4, 1)
        records = [r for r in library.articles(library.article_ids()) if r.source == "2023-03-01/page1.txt"]
        assert [r.id for r in records][:3] == ids and records[3].id not in ids
        assert records[3].headline == "莘县举办春季招聘会"


# -- Issue 9 "Also": marks follow the text ------------------------------------------------------------

PAGE_V2 = """市民公园新添健身步道

本报讯(记者 孙丽)近日,市民公园新建的健身步道完工开放,全长三公里,沿途设置了休息座椅和饮水点。

东昌湖畔春意浓 游客踏青赏美景

本报讯(记者 王明)3月1日,东昌湖风景区迎来踏青游客,湖畔柳树吐绿,游客们沿着步道散步拍照,感受春天的气息。
景区负责人介绍,今年新增了两处观景平台和一条环湖自行车道。

冠县两百多名果农学修剪

本报讯(通讯员 李华)近日,冠县农业农村局在梨园组织春季管护培训,技术人员现场讲解修剪和施肥要点,两百多名果农参加。
"""


@pytest.mark.slow
def test_marks_follow_the_text_when_a_changed_page_moves_and_retitles_articles(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(DATA / "2023-03-01", archive / "2023-03-01")
    db = tmp_path / "lib.db"
    assert cli("build", "archive", "--db", db, cwd=tmp_path).returncode == 0
    with Library(db) as library:
        east, guan, linqing = library.articles(library.article_ids())
        assert (east.seq, guan.seq, linqing.seq) == (1, 2, 3)
        library.set_starred(east.id, True)
        library.set_starred(guan.id, True)
        library.set_read(guan.id)
        library.set_read(linqing.id)
    # The new version: an article added on top (every position shifts), 冠县's headline
    # rewritten (so its key changes), 临清's article gone.
    page = archive / "2023-03-01" / "page1.txt"
    page.write_text(PAGE_V2, encoding="utf-8")
    assert [a.title for a in parse_page(PAGE_V2).articles] == [
        "市民公园新添健身步道",
        "东昌湖畔春意浓 游客踏青赏美景",
        "冠县两百多名果农学修剪",
    ]
    done = cli("build", "archive", "--db", db, cwd=tmp_path)
    assert done.returncode == 0, err(done)
    with Library(db) as library:
        assert marks(library) == {
            "东昌湖畔春意浓 游客踏青赏美景": (False, True),
            "冠县两百多名果农学修剪": (True, True),
        }
    # 临清's read mark had nowhere to go: dropped, and the build says so.
    assert "marks of 1 article(s) were dropped" in err(done)
    with Library(db) as library:
        assert library.counts().starred == 2
        # Ids stay with positions: id 1 is now the new top article, unmarked.
        assert library.article(east.id).headline == "市民公园新添健身步道"  # type: ignore[union-attr]


def _reparse_differently(text: str, source: str = "<page>", **options: Any) -> Page:
    """A parser that segments the same page differently: every title gains a prefix (so every
    key changes) and the second and third articles become one."""
    page = parse_page(text, source=source, **options)
    first, second, third, *rest = page.articles
    merged = dataclasses.replace(
        second, paragraphs=[*second.paragraphs, third.title or "", *third.paragraphs], line_end=third.line_end
    )
    articles = [
        dataclasses.replace(article, seq=seq, title=f"本报专稿{article.title or ''}")
        for seq, article in enumerate([first, merged, *rest], start=1)
    ]
    return dataclasses.replace(page, articles=articles)


def test_marks_follow_the_text_through_a_parser_change_on_rebuild(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library(tmp_path / "lib.db") as library:
        build_library(library, [seed_paths[0]])
        old = sorted(library.articles(library.article_ids()), key=lambda r: r.seq)
        library.set_starred(old[0].id, True)
        library.set_starred(old[2].id, True)  # goes into the merged article
        library.set_read(old[3].id)  # moves up one position
        ids = [r.id for r in old]

        monkeypatch.setattr(build_module, "parse_page", _reparse_differently)
        summary = build_library(library, rebuild=True, jobs=1)
        assert (summary.pages, summary.articles) == (1, len(old) - 1)
        new = sorted(library.articles(library.article_ids()), key=lambda r: r.seq)
        assert [r.id for r in new] == ids[:-1]  # positions 1..n-1 keep their ids, the last is gone
        assert all((r.title or "").startswith("本报专稿") for r in new)
        assert [(r.read, r.starred) for r in new[:4]] == [
            (False, True),
            (False, True),
            (True, False),
            (False, False),
        ]
        assert not any(r.read or r.starred for r in new[4:])
        assert library.article_ids(starred=True) == [new[0].id, new[1].id]
        assert summary.marks_dropped == 0


def test_the_best_home_needs_most_of_the_old_text() -> None:
    best_home = store.best_home

    def grams(text: str) -> Counter[str]:
        return store._bigrams(text)

    old = grams("东昌湖风景区迎来踏青游客")  # 11 bigrams
    assert best_home(old, [grams("无关的文字"), grams("东昌湖风景区迎来踏青游客,湖畔柳树吐绿")]) == 1
    # Six of its eleven bigrams (东昌湖风景区迎) are a majority; five (东昌湖风景区) are not.
    assert best_home(old, [grams("东昌湖风景区迎")]) == 0
    assert best_home(old, [grams("东昌湖风景区")]) is None
    assert best_home(old, [grams("完全不同的一篇文章")]) is None
    assert best_home(Counter(), [grams("任何")]) is None
