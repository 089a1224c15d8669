"""Search behaviour on small hand-made libraries: exactness at boundaries, ranking, filters, highlights."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from liaocheng_tui import search as search_module
from liaocheng_tui.analysis import KEYWORD_TEXT_LIMIT, keywords, places_in
from liaocheng_tui.parse.models import Article, Page
from liaocheng_tui.query import QueryError, parse_query
from liaocheng_tui.search import Searcher
from liaocheng_tui.store import Library


def add(library: Library, page: Page) -> None:
    raw = repr(page.to_json())
    library.add_page(page, raw, hashlib.sha256(raw.encode()).hexdigest())


def article(seq: int, title: str | None, *paragraphs: str, **fields: object) -> Article:
    return Article(seq=seq, title=title, paragraphs=list(paragraphs), **fields)  # type: ignore[arg-type]


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library(tmp_path / "lib.db")
    add(
        lib,
        Page(
            source="a.txt",
            date="2023-02-20",
            section="时政动态",
            publication="聊城日报",
            articles=[
                article(1, "去聊城", "城市很美。"),  # 聊城 | 城市 cross a field boundary
                article(2, "春天", "我们去聊城,城市很美。"),  # ... and a punctuation boundary
                article(
                    3,
                    "聊城市工信局召开会议",
                    "会议强调绿色发展。",
                    byline="■ 本报记者 尹腾淑",
                    authors=["尹腾淑"],
                ),
                article(4, "绿色工厂", "聊城市工业绿色发展,GDP增长55%。Model X与model-x。", column="目击"),
                article(5, None, "图为阳谷县街景。", kind="photo"),
            ],
        ),
    )
    add(
        lib,
        Page(
            source="b.txt",
            date="2022-12-28",
            section="县域经济",
            articles=[
                article(
                    1, "东阿县发展经济", "全县经济稳步增长,绿色产业发展。", authors=["张三"], kind="feature"
                ),
                article(
                    2, "评论", "发展才是硬道理。", byline="(作者 李四)", authors=["李四"], kind="commentary"
                ),
            ],
        ),
    )
    yield lib
    lib.close()


def ids(searcher: Searcher, query: str) -> set[int]:
    result = searcher.search(query, limit=100)
    assert result.total == len(result.hits)
    return {hit.article_id for hit in result.hits}


def by_title(library: Library) -> dict[str | None, int]:
    return {r.title: r.id for r in library.articles(library.article_ids())}


def test_terms_never_match_across_runs_or_fields(library: Library) -> None:
    searcher, t = Searcher(library), by_title(library)
    assert ids(searcher, "聊城市") == {t["聊城市工信局召开会议"], t["绿色工厂"]}
    assert ids(searcher, "城市") == {t["去聊城"], t["春天"], t["聊城市工信局召开会议"], t["绿色工厂"]}
    assert ids(searcher, "市工") == {t["聊城市工信局召开会议"], t["绿色工厂"]}
    assert ids(searcher, "城,城") == {t["春天"]}  # punctuation inside a term is matched literally
    assert ids(searcher, "城城") == set()


def test_numbers_latin_and_folding(library: Library) -> None:
    searcher, t = Searcher(library), by_title(library)
    assert ids(searcher, "55") == {t["绿色工厂"]}
    assert ids(searcher, "5") == {t["绿色工厂"]}
    assert ids(searcher, "５５％") == {t["绿色工厂"]}
    assert ids(searcher, "gdp") == ids(searcher, "ＧＤＰ") == {t["绿色工厂"]}
    assert ids(searcher, "DP增") == {t["绿色工厂"]}
    assert ids(searcher, "model-x") == {t["绿色工厂"]}
    assert ids(searcher, '"model x"') == {t["绿色工厂"]}
    assert ids(searcher, "2023") == set()  # dates are metadata, not text


def test_boolean_operators(library: Library) -> None:
    searcher, t = Searcher(library), by_title(library)
    assert ids(searcher, "绿色 发展") == {t["聊城市工信局召开会议"], t["绿色工厂"], t["东阿县发展经济"]}
    assert ids(searcher, "绿色 -工厂 -工信") == {t["东阿县发展经济"]}
    assert ids(searcher, "阳谷 OR 东阿") == {t[None], t["东阿县发展经济"]}
    assert ids(searcher, "阳谷 OR 东阿 -经济") == {t[None]}
    with pytest.raises(QueryError):
        searcher.search("-绿色")


def test_field_filters(library: Library) -> None:
    searcher, t = Searcher(library), by_title(library)
    assert ids(searcher, "title:绿色") == {t["绿色工厂"]}
    assert ids(searcher, "title:聊城") == {t["去聊城"], t["聊城市工信局召开会议"]}
    assert ids(searcher, "title:城 -title:聊城市") == {t["去聊城"]}
    assert ids(searcher, "author:尹") == {t["聊城市工信局召开会议"]}
    assert ids(searcher, "author:李四 OR author:张三") == {t["评论"], t["东阿县发展经济"]}
    assert ids(searcher, "section:县域 发展") == {t["东阿县发展经济"], t["评论"]}
    assert ids(searcher, "column:目击") == {t["绿色工厂"]}
    assert ids(searcher, "kind:photo") == {t[None]}
    assert ids(searcher, "kind:commentary 发展") == {t["评论"]}
    assert len(ids(searcher, "date:2023")) == 5
    assert ids(searcher, "date:2022-12 绿色") == {t["东阿县发展经济"]}
    assert len(ids(searcher, "date:2022-12-01..2023-02-20")) == 7
    assert ids(searcher, "date:2023-03..") == set()
    assert ids(searcher, "本报记者") == {t["聊城市工信局召开会议"]}  # bylines are searchable text


def test_title_matches_rank_above_body_matches(library: Library) -> None:
    result = Searcher(library).search("绿色")
    titles = [r.title for r in library.articles([h.article_id for h in result.hits])]
    assert titles[0] == "绿色工厂"
    assert result.hits[0].score > result.hits[-1].score


def test_many_matches_fall_back_to_newest_first(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "RANK_LIMIT", 2)
    result = Searcher(library).search("发展")
    records = library.articles([h.article_id for h in result.hits])
    assert result.total == 4
    assert [r.date for r in records] == ["2023-02-20", "2023-02-20", "2022-12-28", "2022-12-28"]
    assert [(r.source, r.seq) for r in records][:2] == [("a.txt", 3), ("a.txt", 4)]
    assert {h.score for h in result.hits} == {0.0}


def test_paging(library: Library) -> None:
    searcher = Searcher(library)
    whole = [h.article_id for h in searcher.search("发展", limit=10).hits]
    paged = [h.article_id for h in searcher.search("发展", limit=2).hits]
    paged += [h.article_id for h in searcher.search("发展", limit=2, offset=2).hits]
    assert paged == whole and len(whole) == 4


def test_spans_point_into_the_stored_text(library: Library) -> None:
    searcher = Searcher(library)
    result = searcher.search("gdp 绿色 title:工厂")
    assert result.total == 1
    hit = result.hits[0]
    record = library.article(hit.article_id)
    assert record is not None
    assert hit.spans["title"] == [(0, 2), (2, 4)] or hit.spans["title"] == [(0, 4)]
    assert [record.body[s:e] for s, e in hit.spans["body"]] == ["绿色", "GDP"]
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["绿色", "GDP"]
    assert hit.spans["kicker"] == [] and hit.spans["byline"] == []


def test_text_pasted_with_its_chinese_quote_marks_is_found_as_printed(tmp_path: Path) -> None:
    # “十四五”规划 used to search 十四五规划: the article that prints “十四五”规划 was not found.
    with Library(tmp_path / "lib.db") as library:
        add(
            library,
            Page(
                source="c.txt",
                date="2021-03-13",
                articles=[
                    article(1, "编制“十四五”规划", "全市启动“十四五”规划编制工作。"),
                    article(2, "十四五规划纲要", "十四五规划纲要发布。"),  # the words without the marks
                    article(3, "说明", "“十四五”时期的发展规划。"),  # the marks, but 规划 elsewhere
                ],
            ),
        )
        searcher, t = Searcher(library), by_title(library)
        assert ids(searcher, "“十四五”规划") == {t["编制“十四五”规划"]}
        assert ids(searcher, "title:“十四五”规划") == {t["编制“十四五”规划"]}
        assert ids(searcher, "“十四五”") == {t["编制“十四五”规划"], t["十四五规划纲要"], t["说明"]}
        assert ids(searcher, "“十四五规划”") == {t["十四五规划纲要"]}  # a phrase: the words alone
        (hit,) = searcher.search("“十四五”规划").hits
        # The marks are highlighted with the words: 编制[“十四五”规划], 全市启动[“十四五”规划]编制工作。
        assert hit.spans["title"] == [(2, 9)]
        assert hit.spans["body"] == [(4, 11)]


def test_long_body_snippet_is_centred_on_a_match(tmp_path: Path) -> None:
    with Library(tmp_path / "x.db") as lib:
        filler = "这是一段很长的正文内容。" * 30
        add(lib, Page("long.txt", [article(1, "长文", filler + "关键信息在这里。" + filler)]))
        hit = Searcher(lib).search("关键信息").hits[0]
        assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
        assert len(hit.snippet) <= search_module.SNIPPET_CHARS + 2
        assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["关键信息"]
        assert "\n" not in hit.snippet


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        "(",
        "*",
        "NEAR(",
        'NEAR("a" "b")',
        "a AND (b OR",
        "'; DROP TABLE articles; --",
        '" OR 1=1 --',
        "x\x00y",
        "\ud800",
        "^聊城",
        "{head}:聊城",
        "head:聊城",
        "-",
        "聊城" * 300,
    ],
)
def test_hostile_queries_neither_crash_nor_inject(library: Library, hostile: str) -> None:
    searcher = Searcher(library)
    try:
        result = searcher.search(hostile)
    except QueryError as error:
        assert "\n" not in str(error)
    else:
        assert result.total >= 0
    assert len(library.article_ids()) == 7


def test_replaced_page_leaves_no_stale_index_rows(library: Library) -> None:
    searcher = Searcher(library)
    assert ids(searcher, "硬道理")
    add(library, Page(source="b.txt", articles=[article(1, "新标题", "全新的内容。")]))
    assert ids(searcher, "硬道理") == set() and ids(searcher, "东阿县") == set()
    assert len(ids(searcher, "全新")) == 1
    assert ids(searcher, "内") == ids(searcher, "全新")


def test_related_keywords_and_places(library: Library) -> None:
    searcher, t = Searcher(library), by_title(library)
    related = searcher.related(t["绿色工厂"], limit=3)
    assert t["绿色工厂"] not in related and related
    assert related[0] in {t["聊城市工信局召开会议"], t["东阿县发展经济"]}
    assert searcher.related(999999) == []
    words = keywords("聊城市工业绿色发展,绿色工厂建设,绿色诊断服务。")
    assert words[0] == "绿色" and all(len(w) >= 2 for w in words)
    places = places_in("图为阳谷县和东阿县,还有东昌府区的街景。全县和我市都在发展,城市很美。")
    assert places == ["阳谷县", "东阿县", "东昌府区"]
    assert dict(library.places()) == {"阳谷县": 1, "东阿县": 1, "聊城市": 2}


def test_fold_fast_path_skips_only_characters_that_fold_to_themselves() -> None:
    from liaocheng_tui import textfold

    # fold() leaves every character of the safe class alone without looking it up
    safe = [chr(code) for code in range(0x4E00, 0xA000)] + [
        chr(code) for code in range(0x80) if not "A" <= chr(code) <= "Z"
    ]
    assert all(textfold._fold_one(char) == char for char in safe)
    assert all(textfold._NEEDS_FOLD_RE.match(char) is None for char in safe)
    mixed = "聊城ＧＤＰ增长５５％，Model X与model-x。⼀"
    assert textfold.fold(mixed) == "".join(textfold._fold_one(char) for char in mixed)


@pytest.mark.parametrize("probe_cost", [0, 10**9])
def test_newest_first_pages_agree_whichever_way_they_are_found(
    library: Library, monkeypatch: pytest.MonkeyPatch, probe_cost: int
) -> None:
    # 0 forces probing the index per article (Searcher._dense_page); 10**9 forces collecting matches
    monkeypatch.setattr(search_module, "RANK_LIMIT", 1)
    monkeypatch.setattr(search_module, "PROBE_COST_RATIO", probe_cost)
    searcher = Searcher(library)
    for query in ("发展", "城", "title:聊城 OR 绿色", "绿色 发展", "发展 -经济"):
        expected = searcher.matching_ids(parse_query(query))
        pages = [searcher.search(query, limit=2, offset=offset) for offset in (0, 2, 4)]
        assert [h.article_id for page in pages for h in page.hits] == expected, query
        assert all(page.total == len(expected) for page in pages)


def _seed_library_file(folder: Path) -> Path:
    from liaocheng_tui.build import build_library

    db = folder / "library.db"
    with Library(db) as library:
        build_library(library)
    return db


def _in_fresh_process(code: str) -> list[str]:
    """The lines ``code`` prints, run in a new interpreter: other tests here have loaded jieba."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.mark.slow
def test_keywords_read_a_bounded_start_of_a_huge_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # Before: jieba cut the whole text, 14 s for a 2.4-million-character article, on the app's
    # one background thread: the next article's keywords and related articles, and q, waited.
    import jieba

    lengths: list[int] = []
    cut = jieba.cut

    def measuring_cut(text: str, *args: Any, **options: Any) -> Any:
        lengths.append(len(text))
        return cut(text, *args, **options)

    monkeypatch.setattr(jieba, "cut", measuring_cut)
    lead = "聊城市工业绿色发展,绿色工厂建设,绿色诊断服务。"
    text = lead * (KEYWORD_TEXT_LIMIT // len(lead) + 1) + "阿司匹林。" * 200_000
    words = keywords(text)
    assert lengths and max(lengths) <= KEYWORD_TEXT_LIMIT
    assert words[0] == "绿色" and "阿司匹林" not in words


def test_ranking_and_keywords_load_only_jiebas_dictionary(tmp_path: Path) -> None:
    db = _seed_library_file(tmp_path)
    probe = f"""
import sys
from liaocheng_tui.search import Searcher
from liaocheng_tui.store import Library
with Library({str(db)!r}) as library:
    result = Searcher(library).search("绿色诊断")
    assert result.total > 0
    assert library.article_keywords(result.hits[0].article_id)
print("jieba" in sys.modules, "jieba.posseg" in sys.modules, "jieba.analyse" in sys.modules)
"""
    # The dictionary is loaded for ranking and keywords; jieba.analyse's idf table (about 100 MB)
    # and the part-of-speech tables never are.
    assert _in_fresh_process(probe) == ["True False False"]


def test_places_are_found_by_dictionary_rules_not_segmentation() -> None:
    # The longest dictionary word ending at a suffix decides, as a dictionary segmenter would.
    assert places_in("在临清市和高唐县") == ["临清市", "高唐县"]
    assert places_in("内蒙古鄂尔多斯市准格尔旗") == ["鄂尔多斯市", "准格尔旗"]
    assert places_in("走进超市,城市很美") == []  # 超市, 城市 end in 市 but are no places
    # A bare suffix after a place name: a district the dictionary still lists as a county.
    assert places_in("茌平区人民医院") == ["茌平区"]
    assert places_in("粤港澳大湾区") == ["大湾区"]  # 大湾 + 区 covers more than 湾区
    # The dictionary tags many counties as person names; 县 is enough.
    assert places_in("冠县县委副书记") == ["冠县"]
    # A two-character place gives way when its suffix begins a far more common word.
    assert places_in("电缆出口发力澳新市场") == []
    # A longer place name keeps its suffix even then: 聊城's market regulation bureau.
    assert places_in("聊城市场监管局") == ["聊城市"]
    assert places_in("高新区、开发区和全县") == []
    assert places_in("A市和B县") == []


@pytest.mark.slow
def test_storing_a_page_needs_no_segmentation() -> None:
    # Ingest must cost less than segmenting: prepare_page finds places without loading jieba's
    # dictionary, which only the app (ranking, keywords) loads.  A fresh interpreter shows it.
    script = (
        "import jieba\n"
        "from liaocheng_tui.parse.page import parse_page\n"
        "from liaocheng_tui.store import prepare_page\n"
        "page = parse_page('聊城日报\\n\\n阳谷县推进乡村振兴\\n\\n本报讯(记者 王明)阳谷县日前召开会议。', 'p.txt')\n"
        "prepared = prepare_page(page)\n"
        "print(jieba.dt.initialized, [list(a.places) for a in prepared.articles])\n"
    )
    assert _in_fresh_process(script) == ["False [['阳谷县']]"]


@pytest.mark.slow
def test_dictionary_read_in_slices_is_jiebas_own(tmp_path: Path) -> None:
    # The app reads jieba's dictionary in slices (so a loading thread never freezes it); a
    # process that loads from the slices must segment exactly as jieba's own loading does.
    import subprocess
    import sys

    sample = "聊城市工业绿色发展，东昌府区推进乡村振兴，粤港澳大湾区高质量发展"
    report = f"import jieba; print(jieba.dt.total, len(jieba.dt.FREQ), jieba.lcut({sample!r}, HMM=False))"
    ours = f"from liaocheng_tui.analysis import warm_up_search; warm_up_search(); {report}"
    jiebas = f"import jieba; jieba.setLogLevel(60); jieba.initialize(); {report}"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}

    def run(code: str) -> str:
        return subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout

    expected = run(jiebas)
    first = run(ours)  # builds with jieba, then writes the slices
    assert list(tmp_path.glob("liaocheng-tui/jieba-*.slices"))
    second = run(ours)  # reads the slices
    assert first == second == expected
    assert "'东昌府区'" in expected


@pytest.mark.slow
def test_a_searcher_that_does_not_wait_never_loads_the_dictionary(tmp_path: Path) -> None:
    # The app's searcher must not load jieba (about a second) in the middle of a search typed
    # before its quiet-time warm-up: it ranks by whole terms and finds the same articles.
    db = _seed_library_file(tmp_path)
    probe = f"""
import jieba
from liaocheng_tui.analysis import warm_up_search
from liaocheng_tui.query import parse_query
from liaocheng_tui.search import Searcher
from liaocheng_tui.store import Library
with Library({str(db)!r}) as library:
    eager, patient = Searcher(library), Searcher(library, wait_for_dictionary=False)
    query = "绿色发展"
    hits = patient.search(query, limit=100)
    loaded_after_search = jieba.dt.initialized
    related = patient.related(hits.hits[0].article_id)
    same = sorted(h.article_id for h in hits.hits) == sorted(eager.matching_ids(parse_query(query)))
    print(loaded_after_search, related, hits.total > 1, same, jieba.dt.initialized)
    warm_up_search()
    print(bool(patient.related(hits.hits[0].article_id)))
"""
    # matching_ids loads nothing either: only ranking and keywords use the dictionary.
    assert _in_fresh_process(probe) == ["False [] True True False", "True"]


def test_a_headline_pasted_between_ascii_quotes_is_found(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.db")
    add(lib, Page(source="q.txt", articles=[article(1, "“绿色问诊”开良方", "诊断服务。")]))
    result = Searcher(lib).search('"“绿色问诊”开良方"')
    assert [hit.article_id for hit in result.hits] == [1]
    # the whole printed headline, marks and all, is the highlight: characters 0 to 9
    assert result.hits[0].spans["title"] == [(0, 9)]


def test_a_phrase_pasted_from_a_spaced_byline_or_headline_is_found(tmp_path: Path) -> None:
    # Bylines and headlines keep their printed spaces, so a quoted phrase copied from one found
    # nothing before: its spaces were dropped (本报记者岳耀军), and only the spaced text occurs.
    lib = Library(tmp_path / "lib.db")
    byline = "■ 本报记者 岳耀军"
    add(lib, Page(source="s.txt", articles=[article(1, "东阿 阿胶 产业", "今年产业发展。", byline=byline)]))
    searcher = Searcher(lib)
    hit = searcher.search('"本报记者 岳耀军"').hits[0]
    assert hit.article_id == 1
    assert hit.spans["byline"] == [(2, 10)]  # 本报记者 岳耀军: after "■ ", 8 characters
    assert byline[2:10] == "本报记者 岳耀军"
    assert [h.article_id for h in searcher.search("title:“东阿 阿胶”").hits] == [1]
    assert searcher.search("title:“东阿 阿胶”").hits[0].spans["title"] == [(0, 5)]
    # dropping the space still finds text cleaned of it, and nothing else is found
    assert searcher.search('"今年 产业"').total == 1
    assert searcher.search('"岳耀军 东阿"').total == 0
