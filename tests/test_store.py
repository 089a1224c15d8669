"""The library store: schema, idempotent adds, replacement, atomicity, user state, queries."""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from liaocheng_tui.parse.models import Article, Page
from liaocheng_tui.store import (
    AddResult,
    Library,
    LibraryCounts,
    LibraryError,
    PreparedPage,
    article_key,
    prepare_page,
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_page(source: str = "p1.txt", *, date: str | None = "2023-02-20", variant: str = "") -> Page:
    return Page(
        source=source,
        publication="聊城日报",
        date=date,
        section="时政动态",
        banner="横幅",
        articles=[
            Article(
                seq=1,
                kicker="引题文字",
                title="绿色问诊开良方" + variant,
                subtitle="——我市率先开展诊断",
                byline="■ 本报记者 尹腾淑",
                authors=["尹腾淑"],
                paragraphs=["新春伊始,聊城市工信局组织企业参加活动。", "补贴资金最高20万元。"],
                line_start=3,
                line_end=9,
            ),
            Article(
                seq=2,
                title="阳谷县推进项目建设",
                authors=["张三", "尹腾淑"],
                column="目击",
                kind="feature",
                paragraphs=["阳谷县今年新开工项目55个。"],
                line_start=10,
                line_end=14,
            ),
            Article(
                seq=3,
                title=None,
                kind="photo",
                paragraphs=["图为东昌府区的街景。"],
                line_start=15,
                line_end=15,
            ),
        ],
    )


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library(tmp_path / "lib.db")
    yield lib
    lib.close()


def add(lib: Library, page: Page, raw: str | None = None) -> AddResult:
    raw = raw if raw is not None else f"raw text of {page.source} {page.articles[0].title}"
    return lib.add_page(page, raw, sha(raw))


def test_new_library_is_empty_wal_and_marked(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "lib.db"
    with Library(path) as lib:
        assert lib.is_empty()
        assert lib.path == path
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"pages", "articles", "user_state", "authors", "fts_gram", "fts_char"} <= tables
    conn.close()


def test_add_then_read_back(library: Library) -> None:
    result = add(library, make_page())
    assert result == AddResult("added", "p1.txt", 3)
    assert not library.is_empty()
    ids = library.article_ids()
    assert len(ids) == 3
    records = library.articles(ids)
    first = records[0]
    assert (first.source, first.seq, first.title, first.kicker) == ("p1.txt", 1, "绿色问诊开良方", "引题文字")
    assert first.publication == "聊城日报" and first.date == "2023-02-20" and first.section == "时政动态"
    assert first.paragraphs == ["新春伊始,聊城市工信局组织企业参加活动。", "补贴资金最高20万元。"]
    assert first.body == "新春伊始,聊城市工信局组织企业参加活动。\n补贴资金最高20万元。"
    assert (first.line_start, first.line_end) == (3, 9)
    assert first.authors == ["尹腾淑"] and not first.read and not first.starred
    photo = records[2]
    assert photo.kind == "photo" and photo.title is None and photo.headline == "图为东昌府区的街景。"
    # articles() keeps the order asked for and leaves out unknown ids
    assert [r.id for r in library.articles([ids[2], 99999, ids[0]])] == [ids[2], ids[0]]
    assert library.article(99999) is None
    assert library.page_text("p1.txt") == "raw text of p1.txt 绿色问诊开良方"
    assert library.page_text("nope.txt") is None


def test_same_content_is_skipped_and_changed_content_replaces(library: Library) -> None:
    page = make_page()
    assert add(library, page, "raw-1").status == "added"
    assert add(library, page, "raw-1").status == "skipped"
    assert len(library.article_ids()) == 3
    changed = make_page(variant="新版")
    changed.articles.pop()  # the new version has two articles
    assert add(library, changed, "raw-2").status == "replaced"
    records = library.articles(library.article_ids())
    assert [r.title for r in records] == ["绿色问诊开良方新版", "阳谷县推进项目建设"]
    assert library.page_text("p1.txt") == "raw-2"
    assert library.stats().pages == 1


def test_user_state_survives_replace_and_rebuild(library: Library) -> None:
    add(library, make_page(), "raw-1")
    ids = library.article_ids()
    library.set_starred(ids[0], True)
    library.set_read(ids[1])
    # A rebuild re-stores the same content in place. Storing the articles in reverse order puts
    # each at another row id, so the marks can only have followed the articles' keys.
    reversed_page = make_page()
    reversed_page.articles.reverse()
    assert library.add_page(reversed_page, "raw-1", sha("raw-1"), replace=True).status == "replaced"
    # Back in page order, so the expectations below read as before.
    assert library.add_page(make_page(), "raw-1", sha("raw-1"), replace=True).status == "replaced"
    records = library.articles(library.article_ids())
    assert [(r.starred, r.read) for r in records] == [(True, False), (False, True), (False, False)]
    assert library.article_ids(starred=True) == [records[0].id]
    library.set_starred(records[0].id, False)
    assert library.article_ids(starred=True) == []
    with pytest.raises(LibraryError):
        library.set_read(424242)


def test_article_key_is_stable_and_distinct() -> None:
    page = make_page()
    a = article_key("p1.txt", page.articles[0])
    assert a == article_key("p1.txt", make_page().articles[0])
    assert a != article_key("p2.txt", page.articles[0])
    assert a != article_key("p1.txt", page.articles[1])
    twins = Page(
        "t.txt", [Article(seq=1, title="同题", paragraphs=[]), Article(seq=2, title="同题", paragraphs=[])]
    )
    keys = [article.key for article in prepare_page(twins).articles]
    assert len(set(keys)) == 2


def test_failed_page_leaves_library_unchanged(library: Library) -> None:
    add(library, make_page(), "raw-1")
    before = [(r.id, r.title) for r in library.articles(library.article_ids())]
    broken = make_page(variant="坏")
    broken.articles[1].paragraphs = ["lone surrogate \ud800 cannot be stored"]
    with pytest.raises(LibraryError, match=r"p1\.txt"):
        add(library, broken, "raw-2")
    assert [(r.id, r.title) for r in library.articles(library.article_ids())] == before
    assert library.page_text("p1.txt") == "raw-1"
    # the index rows of the old articles are intact too
    from liaocheng_tui.search import Searcher

    assert Searcher(library).search("良方").total == 1


def test_prepared_page_is_picklable_and_used(library: Library) -> None:
    page = make_page()
    prepared = pickle.loads(pickle.dumps(prepare_page(page)))
    assert isinstance(prepared, PreparedPage) and len(prepared.articles) == 3
    assert "阳谷县" in prepared.articles[1].places
    assert library.add_page(page, "raw", sha("raw"), prepared=prepared).status == "added"
    with pytest.raises(LibraryError):
        library.add_page(make_page("other.txt"), "raw2", sha("raw2"), prepared=prepared)


def test_filters_order_tree_and_counts(library: Library) -> None:
    add(library, make_page("old.txt", date="2023-01-05"), "raw-old")
    add(library, make_page("new.txt", date="2023-02-20"), "raw-new")
    add(library, make_page("undated.txt", date=None), "raw-undated")
    records = library.articles(library.article_ids())
    # newest first, undated last, page order within a page
    assert [(r.source, r.seq) for r in records][:4] == [
        ("new.txt", 1),
        ("new.txt", 2),
        ("new.txt", 3),
        ("old.txt", 1),
    ]
    assert records[-1].source == "undated.txt"
    assert len(library.article_ids(date="2023-01-05")) == 3
    assert len(library.article_ids(column="目击")) == 3
    assert len(library.article_ids(author="尹腾淑")) == 6
    assert len(library.article_ids(author="张三", date="2023-02-20")) == 1
    assert len(library.article_ids(place="阳谷县")) == 3
    assert library.article_ids(publication="别的报") == []
    assert [r.source for r in library.articles(library.article_ids(date=""))] == ["undated.txt"] * 3
    assert library.article_ids(section="") == [] and len(library.article_ids(column="")) == 6
    assert library.authors() == [("尹腾淑", 6), ("张三", 3)]
    assert dict(library.places())["东昌府区"] == 3
    tree = library.tree()
    assert [p.name for p in tree] == ["聊城日报"] and tree[0].count == 9
    assert [d.date for d in tree[0].dates] == ["2023-02-20", "2023-01-05", None]
    sections = {(s.name, s.kind, s.count) for s in tree[0].dates[0].sections}
    assert sections == {("时政动态", "section", 3), ("目击", "column", 1)}
    stats = library.stats()
    assert (stats.pages, stats.articles) == (3, 9)
    assert dict(stats.by_kind) == {"news": 3, "feature": 3, "photo": 3}
    assert dict(stats.by_date) == {"2023-02-20": 3, "2023-01-05": 3, None: 3}


def test_data_version_sees_other_writers(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    with Library(path) as reader, Library(path) as writer:
        before = reader.data_version()
        add(writer, make_page())
        assert reader.data_version() != before
        assert len(reader.article_ids()) == 3


def test_refuses_files_that_are_not_libraries(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.db"
    text_file.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LibraryError, match="not a liaocheng-tui library"):
        Library(text_file)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="not a liaocheng-tui library"):
        Library(other)
    with pytest.raises(LibraryError, match="folder"):
        Library(tmp_path)


def test_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    Library(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="newer"):
        Library(path)


def test_locked_library_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        lib.connection.execute("PRAGMA busy_timeout = 50")
        try:
            with pytest.raises(LibraryError, match="locked") as info:
                add(lib, make_page())
            assert "\n" not in str(info.value)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert add(lib, make_page()).status == "added"


def test_library_can_be_used_from_another_thread(library: Library) -> None:
    import threading

    results: list[int] = []
    worker = threading.Thread(target=lambda: results.append(add(library, make_page()).articles))
    worker.start()
    worker.join()
    assert results == [3] and len(library.article_ids()) == 3


def test_starred_ids_and_counts_for_the_header(library: Library) -> None:
    add(library, make_page("old.txt", date="2023-01-05"), "raw-old")
    add(library, make_page("new.txt", date="2023-02-20"), "raw-new")
    ids = library.article_ids()
    library.set_starred(ids[4], True)
    library.set_starred(ids[1], True)
    library.set_read(ids[2])  # a mark, but not a star
    library.set_starred(ids[3], True)
    library.set_starred(ids[3], False)
    assert library.article_ids(starred=True) == [ids[1], ids[4]]  # newest first, like every list
    assert library.article_ids(starred=True, date="2023-01-05") == [ids[4]]
    assert library.article_ids(starred=False) == [i for i in ids if i not in (ids[1], ids[4])]
    assert library.counts() == LibraryCounts(pages=2, articles=6, starred=2)


def test_indexes_added_later_are_created_when_an_older_library_opens(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    with Library(db) as library:
        add(library, make_page(), "raw-1")
    with sqlite3.connect(db) as conn:  # a library written before the index existed
        conn.execute("DROP INDEX idx_articles_tree")
    with Library(db) as library:
        plan = library.connection.execute(
            "EXPLAIN QUERY PLAN SELECT publication, date, section, column_name, count(*) FROM articles "
            "GROUP BY publication, date, section, column_name"
        ).fetchall()
        assert "COVERING INDEX idx_articles_tree" in " ".join(str(row[-1]) for row in plan)
        assert library.tree()[0].count == 3
