"""Tests that pin the conditions of ``parse/assemble.py`` that no other test reached: a mutation
check that made each one ``False`` failed no test. Each page is written as (role, text) pairs, as in
``test_assemble``, so that a test checks only what the assembler makes of the roles it is given;
what is expected was worked out by hand. All text is made up.

Three conditions have no test: ``_caption_follows``' first test (its one caller asks it only when
the line below is text), the length test in ``_paragraphs`` that keeps its join check linear on
long pieces, and ``_page_top``'s return when nothing at the page's top was taken (the same units
come back).
"""

from __future__ import annotations

import pytest
from test_assemble import BY, CAP, CR, B, F, K, S, T, _, run

from liaocheng_tui.parse.assemble import assemble
from liaocheng_tui.parse.models import Dropped
from liaocheng_tui.parse.normalize import normalize_lines
from liaocheng_tui.parse.roles import Role, renumbered


@pytest.mark.parametrize(
    ("second", "role"),
    [("绿色家园", K), ("——市民家门口多了绿地", S)],
    ids=["kicker-under-a-headline", "subtitle-then-a-headline"],
)
def test_a_headline_with_no_text_under_it_is_no_part_of_the_next_block(second: str, role: Role) -> None:
    # _block_end: a kicker under a headline opens the next block, and so does a headline under a
    # subtitle; read as one block, the picture's headline would run into the next story's.
    page = run(
        [
            (T, "东湖区新建三座公园"),
            (role, second),
            (T, "西山县植树十万棵"),
            (B, "　　今年春天，西山县发动群众植树十万棵。"),
        ]
    )
    titles = [(a.title, a.paragraphs) for a in page.articles]
    assert titles == [
        ("东湖区新建三座公园", []),
        ("西山县植树十万棵", ["今年春天，西山县发动群众植树十万棵。"]),
    ]
    first, story = page.articles
    if role == K:
        assert first.subtitle is None and story.kicker == "绿色家园"
    else:
        assert first.subtitle == "——市民家门口多了绿地" and story.kicker is None


def test_a_column_label_at_the_foot_of_the_page_is_dropped_as_a_label_and_heads_nothing() -> None:
    # _header_block: a label and its descriptor with nothing under them open no article; both lines
    # are kept in dropped as the label they are.
    page = run(
        [
            (T, "东湖区新建三座公园"),
            (B, "　　今年春天，东湖区新建三座公园。"),
            (K, "图说东湖"),
            (K, "图片新闻专栏"),
        ]
    )
    (article,) = page.articles
    assert (article.title, article.column, article.line_end) == ("东湖区新建三座公园", None, 2)
    assert page.dropped == [
        Dropped("图说东湖", "column-label", 3),
        Dropped("图片新闻专栏", "column-label", 4),
    ]


def test_a_headline_ending_in_a_column_word_over_a_bracketed_byline_stays_the_headline() -> None:
    # _brief_at: only a paragraph is a brief item; a byline whose outlet is set in brackets, as a
    # brief's headline is, leaves the line over it a headline, not a column's label.
    page = run(
        [
            (T, "西山县春耕一线"),
            (BY, "【西山县融媒体中心】记者 王明"),
            (B, "　　立春刚过，西山县的农民就忙开了。"),
            (B, "　　李家村的王大爷说，今年的麦苗长得好。"),
        ]
    )
    (article,) = page.articles
    assert (article.title, article.column) == ("西山县春耕一线", None)
    assert article.byline == "【西山县融媒体中心】记者 王明"
    assert article.authors == ["王明"]
    assert article.paragraphs == ["立春刚过，西山县的农民就忙开了。", "李家村的王大爷说，今年的麦苗长得好。"]


def test_the_photographers_credit_under_a_numbered_caption_is_no_byline_of_the_story() -> None:
    # _credit: 王明 摄 under 图①：… credits that picture, so it stays with the caption as printed;
    # read as a closing credit it would sign the whole story.
    page = run(
        [
            (T, "东湖区新建三座公园"),
            (B, "　　今年春天，东湖区新建三座公园，市民休闲有了新去处。"),
            (CAP, "图①：东湖公园的荷花池。"),
            (CR, "王明 摄"),
        ]
    )
    (article,) = page.articles
    assert article.byline is None and article.authors == []
    assert article.paragraphs == [
        "今年春天，东湖区新建三座公园，市民休闲有了新去处。",
        "图①：东湖公园的荷花池。",
        "王明摄",
    ]


def test_a_closing_credit_after_a_dateline_names_a_reporter_of_no_common_surname() -> None:
    # _credit: under a dateline (本报东湖10月3日电) the credit says who wrote the story, whatever
    # the name; only a credit under a source line has to read as a name of a common surname.
    page = run(
        [
            (T, "东湖区新建三座公园"),
            (B, "　　本报东湖10月3日电　今年春天，东湖区新建三座公园。"),
            (B, "　　市民休闲有了新去处。"),
            (CR, "（记者 阿依古丽）"),
        ]
    )
    (article,) = page.articles
    assert article.byline == "本报东湖10月3日电 （记者 阿依古丽）"
    assert article.authors == ["阿依古丽"]
    assert article.paragraphs == ["今年春天，东湖区新建三座公园。", "市民休闲有了新去处。"]


def test_a_wire_storys_end_mark_on_a_line_of_its_own_is_the_storys_last_line() -> None:
    # _end_mark: the line that holds only （完） is the story's, though none of its text is left.
    page = run(
        [
            (T, "东湖区新建三座公园"),
            (B, "　　新华社东湖10月3日电　今年春天，东湖区新建三座公园。"),
            (B, "（完）"),
        ]
    )
    (article,) = page.articles
    assert article.paragraphs == ["今年春天，东湖区新建三座公园。"]
    assert (article.line_start, article.line_end) == (1, 3)
    assert page.dropped == [Dropped("（完）", "end-mark", 3)]


@pytest.mark.parametrize(
    "lead",
    [
        "新华社北京12月3日电　走进北京前门大街，百年老字号门店前排起长队。",
        "本报讯（记者 王强）走进北京前门大街，门店前排起长队。",
    ],
    ids=["dateline", "reporter"],
)
def test_a_column_word_read_as_a_kicker_alone_over_a_storys_lead_is_its_headline(lead: str) -> None:
    # _header_block: with no headline between it and the lead, the line is the story's headline,
    # not a column's label over an untitled story (which the assembler took for a photo).
    page = run([(K, "老字号观察"), (B, lead), (B, "　　“老字号不能只靠情怀。”一家企业负责人说。")])
    [article] = page.articles
    assert (article.column, article.kicker, article.title, article.kind) == (None, None, "老字号观察", "news")
    assert article.paragraphs[0].startswith("走进北京前门大街")


def test_a_column_word_read_as_a_kicker_alone_over_text_with_no_lead_stays_the_columns() -> None:
    page = run([(K, "老字号观察"), (B, "　　走进北京前门大街，百年老字号门店前排起长队。")])
    [article] = page.articles
    assert (article.column, article.title) == ("老字号观察", None)


def test_an_uncredited_caption_after_a_credited_photo_is_the_columns_next_photo() -> None:
    # _text: after a photo closed by its credit, a caption starts the next photo in the same column;
    # read into the photo above, the two pictures would be one with the first one's credit.
    page = run(
        [
            (K, "图说东湖"),
            (CAP, "　　东湖公园的荷花开了。"),
            (BY, "王明 摄"),
            (CAP, "　　东湖公园的游船下水了。"),
        ]
    )
    assert [(a.column, a.kind, a.byline, a.paragraphs, a.line_start, a.line_end) for a in page.articles] == [
        ("图说东湖", "photo", "王明 摄", ["东湖公园的荷花开了。"], 1, 3),
        ("图说东湖", "photo", None, ["东湖公园的游船下水了。"], 4, 4),
    ]


def test_an_end_mark_at_the_top_of_the_page_leaves_the_next_lead_a_lead() -> None:
    # _text: a line that holds only （完） (the end of a story from the page before) adds no empty
    # paragraph, so the lead under it is still the first paragraph and its byline is split off.
    page = run(
        [
            (B, "（完）"),
            (B, "　　本报讯（记者 王明）今年春天，东湖区新建三座公园。"),
        ]
    )
    (article,) = page.articles
    assert article.byline == "本报讯（记者 王明）"
    assert article.authors == ["王明"]
    assert article.paragraphs == ["今年春天，东湖区新建三座公园。"]
    assert page.dropped == [Dropped("（完）", "end-mark", 1)]


def test_a_credited_caption_after_a_storys_last_paragraph_is_a_photo_of_its_own() -> None:
    # _text: with no text of the story under it, a caption closed by its credit is a photo article;
    # read into the story, its photographer would sign the story and its caption end it.
    page = run(
        [
            (T, "东湖区新建三座公园"),
            (B, "　　今年春天，东湖区新建三座公园，市民休闲有了新去处。"),
            (CAP, "　　西山县的麦子熟了。 李华 摄"),
        ]
    )
    story, photo = page.articles
    assert (story.title, story.byline, story.paragraphs) == (
        "东湖区新建三座公园",
        None,
        ["今年春天，东湖区新建三座公园，市民休闲有了新去处。"],
    )
    assert (photo.title, photo.kind, photo.byline, photo.authors, photo.paragraphs) == (
        None,
        "photo",
        "李华 摄",
        ["李华"],
        ["西山县的麦子熟了。"],
    )


def test_the_first_brief_under_a_column_label_fills_the_article_the_label_opened() -> None:
    # _brief: the label opened an empty article; the first brief is it (starting at the label's
    # line), and the label is not left behind as one with nothing under it.
    page = run(
        [
            (T, "东湖快讯"),
            (B, "【东湖区新建三座公园】今年春天，东湖区新建三座公园。"),
            (B, "【西山县植树十万棵】今年春天，西山县发动群众植树。"),
        ]
    )
    assert [(a.title, a.column, a.line_start, a.line_end) for a in page.articles] == [
        ("东湖区新建三座公园", "东湖快讯", 1, 2),
        ("西山县植树十万棵", "东湖快讯", 3, 3),
    ]
    assert [d for d in page.dropped if d.reason == "column-label"] == []


def test_a_markdown_crosshead_is_never_joined_to_the_paragraph_under_it() -> None:
    # _crosshead: a markdown heading ends no sentence, and the short sentence opening the paragraph
    # under it would make that paragraph read as its continuation.
    page = run(
        [
            (T, "东湖区新建三座公园"),
            (B, "今年春天，东湖区新建三座公园。"),
            (_, ""),
            (B, "## 钱从哪里来"),
            (_, ""),
            (B, "靠合作社。东湖区的公园由村集体合作社出资建设。"),
        ]
    )
    (article,) = page.articles
    assert article.paragraphs == [
        "今年春天，东湖区新建三座公园。",
        "钱从哪里来",
        "靠合作社。东湖区的公园由村集体合作社出资建设。",
    ]


@pytest.mark.parametrize("marks", ["**", "__"])
def test_a_stray_emphasis_mark_on_a_line_of_its_own_makes_no_empty_paragraph(marks: str) -> None:
    # _paragraphs: a converter's bold marks left alone on a line clean to nothing.
    page = run(
        [
            (T, "东湖区新建三座公园"),
            (B, "今年春天，东湖区新建三座公园。"),
            (_, ""),
            (B, marks),
            (_, ""),
            (B, "市民休闲有了新去处。"),
        ]
    )
    (article,) = page.articles
    assert article.paragraphs == ["今年春天，东湖区新建三座公园。", "市民休闲有了新去处。"]


def test_a_paragraph_too_long_for_furniture_is_the_storys_text_under_its_picture() -> None:
    # _drop_furniture: a line labelled furniture but longer than any is made body text, so the
    # credited caption above it is the story's picture, the story's text going on under it.
    text = (
        "今年春天，东湖区新建三座公园，市民休闲有了新去处。公园里种了荷花、月季和银杏，建了步道、"
        "健身场地和儿童乐园，周边三个小区的居民步行五分钟就能走到，每天来散步的有上千人。"
    )
    assert len(text) > 80
    page = run([(T, "东湖区新建三座公园"), (CAP, "　　东湖公园的荷花开了。 王明 摄"), (F, f"　　{text}")])
    (article,) = page.articles
    assert (article.title, article.byline, article.kind) == ("东湖区新建三座公园", None, "news")
    assert article.paragraphs == ["东湖公园的荷花开了。（王明摄）", text]
    assert page.dropped == []


def test_an_end_mark_alone_at_the_top_of_the_page_makes_no_article() -> None:
    # _build: the draft the lone （完） was read into holds nothing to show.
    page = run([(B, "（完）"), (T, "东湖区新建三座公园"), (B, "　　今年春天，东湖区新建三座公园。")])
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        ("东湖区新建三座公园", ["今年春天，东湖区新建三座公园。"])
    ]
    assert page.dropped == [Dropped("（完）", "end-mark", 1)]


def test_a_column_label_over_a_continued_paragraph_is_kept_as_a_label_with_nothing_under_it() -> None:
    # _build: the paragraph goes on from page 1, so it starts a story of its own and leaves the
    # label's article empty; the label is kept in dropped, not lost.
    page = run(
        [
            (K, "东湖快讯"),
            (B, "　　（上接第1版）今年春天，东湖区新建三座公园，市民休闲有了新去处。"),
        ]
    )
    (article,) = page.articles
    assert (article.title, article.column) == (None, None)
    assert article.paragraphs == ["今年春天，东湖区新建三座公园，市民休闲有了新去处。"]
    assert page.dropped == [
        Dropped("（上接第1版）", "page-furniture", 2),
        Dropped("东湖快讯", "column-label", 1),
    ]


# _Reader._signs_the_story: a reporter's line read as text under a story's last paragraph

_STORY = [(T, "政府推出长者医疗新措施"), (B, "　　政府昨日公布新安排。"), (B, "　　受惠长者逾百万人。")]
_NEXT = [(T, "港铁新线下月通车"), (B, "　　港铁公司昨日宣布新线下月通车。")]


def test_a_reporters_line_under_a_storys_paragraphs_and_over_the_next_headline_signs_it() -> None:
    first, second = run([*_STORY, (B, "记者 柳静文"), *_NEXT]).articles
    assert (first.authors, first.paragraphs[-1]) == (["柳静文"], "受惠长者逾百万人。")
    assert second.title == "港铁新线下月通车"


@pytest.mark.parametrize(
    "page",
    [
        # read as a caption: a picture's credit
        [*_STORY, (CAP, "记者 柳静文"), *_NEXT],
        # under a caption: the picture's credit, not the story's signature
        [*_STORY, (CAP, "　　图为长者在诊所看病。"), (B, "记者 柳静文"), *_NEXT],
        # at the page's end: an interview's questioner as well
        [*_STORY, (B, "记者 柳静文")],
        # under one paragraph alone: a picture's credit under its caption
        [_STORY[0], _STORY[1], (B, "记者 柳静文"), *_NEXT],
        # the story's text goes on under it (a part of a round-up)
        [*_STORY, (B, "记者 柳静文"), (B, "　　诊所名额将增加。"), *_NEXT],
        # under a paragraph that ends no sentence (a piece a wrap cut)
        [*_STORY, (B, "　　诊所名额"), (B, "　　记者 柳静文"), *_NEXT],
        # run on from the paragraph above, as a wrap's piece: no line of its own
        [*_STORY, (B, "　　诊所名额"), (B, "记者 柳静文"), *_NEXT],
        # too long for a reporter's line, and a line that names no reporter
        [*_STORY, (B, "本报记者 柳静文 卢晓岚 詹丽娟 齐建华 戚华明 柏小雨 王明远 詹敏"), *_NEXT],
        [*_STORY, (B, "欢迎读者来信"), *_NEXT],
    ],
    ids=[
        "caption-role",
        "under-caption",
        "page-end",
        "one-paragraph",
        "text-under",
        "cut",
        "run-on",
        "long",
        "no-reporter",
    ],
)
def test_a_reporters_line_that_signs_no_story_stays_its_text(page: list[tuple[Role, str]]) -> None:
    first = run(page).articles[0]
    assert (first.byline, first.authors) == (None, [])


def _double_spaced(page: list[tuple[Role, str]]) -> list[tuple[Role, str]]:
    """``page`` as a PDF's text layer copies it: a blank line under every line."""
    return [pair for line in page for pair in (line, (_, ""))]


_FOUR_STORIES: list[tuple[Role, str]] = [
    (T, "东湖夜市今晚开市"),
    (B, "　　东湖夜市今晚正式开市，两百余个摊位集中亮相。"),
    (B, "　　市民刘女士说，夜市离家近。"),
    (_, ""),
    (T, "老旧小区加装电梯提速"),
    (B, "　　今年我市计划加装电梯一百二十部。"),
    (T, "一梯一策"),  # the labeller read this crosshead as a headline
    (B, "　　市住建局负责人介绍，加装电梯实行一梯一策。"),
    (_, ""),
    (T, "荷花节开幕"),
    (B, "　　东湖公园荷花节昨日开幕。"),
    (_, ""),
    (T, "城区新增公交线路"),
    (B, "　　本月起城区新增三条公交线路。"),
]


@pytest.mark.parametrize("spacing", ["as set", "double-spaced"])
def test_the_line_rules_read_a_double_spaced_page_as_the_page_was_set(spacing: str) -> None:
    # _reread_as_labelled: without the spacing's blank lines the crosshead sits between the two
    # paragraphs it parts, and the rule for crossheads on pages that set stories apart reads it
    page = run(_FOUR_STORIES if spacing == "as set" else _double_spaced(_FOUR_STORIES))
    assert [a.title for a in page.articles] == [
        "东湖夜市今晚开市",
        "老旧小区加装电梯提速",
        "荷花节开幕",
        "城区新增公交线路",
    ]
    assert page.articles[1].paragraphs == [
        "今年我市计划加装电梯一百二十部。",
        "一梯一策",
        "市住建局负责人介绍，加装电梯实行一梯一策。",
    ]


_TWO_LINES_OPEN_THE_LAST: list[tuple[Role, str]] = [
    (T, "东湖夜市今晚开市"),
    (B, "东湖夜市今晚正式开市，两百余个摊位集中亮相。"),
    (_, ""),
    (T, "荷花节开幕"),
    (B, "东湖公园荷花节昨日开幕。"),
    (_, ""),
    (T, "老旧小区加装电梯提速"),
    (B, "今年我市计划加装电梯一百二十部。"),
    (_, ""),
    (T, "城区新增公交线路"),
    (B, "本月起城区新增三条公交线路。"),
    (_, ""),
    (B, "南河镇年货集市开市"),  # line 12
    (B, "周边群众赶集选年货"),
    (B, "南河镇年货集市今天开市，吸引周边群众前来选购。"),
]


@pytest.mark.parametrize("spacing", ["as set", "double-spaced"])
@pytest.mark.parametrize(
    ("pair", "title"),
    [(("kicker", "title"), "周边群众赶集选年货"), (("title", "subtitle"), "南河镇年货集市开市")],
)
def test_the_line_rules_read_two_lines_opening_a_block_as_the_labeller_weighed_them(
    spacing: str, pair: tuple[Role, Role], title: str
) -> None:
    # The weighed pair is given by the labelled page's line numbers, and _reread_as_labelled finds
    # it on a double-spaced page without the spacing's blank lines too.
    page = _TWO_LINES_OPEN_THE_LAST if spacing == "as set" else _double_spaced(_TWO_LINES_OPEN_THE_LAST)
    first = 12 if spacing == "as set" else 24
    lines = normalize_lines("\n".join(line for _, line in page))
    weighed = {(first, first + 1 if spacing == "as set" else first + 2): pair}
    assert [a.title for a in assemble(lines, [role for role, _ in page], weighed).articles][-1] == title
    # unweighed, the two lines are the text of the story above
    assert [a.title for a in run(page).articles][-1] == "城区新增公交线路"


def test_weighed_pairs_are_renumbered_only_where_both_their_lines_are_kept() -> None:
    # A pair one of whose lines a page's spacing or furniture took out weighs nothing any more.
    pairs = {(0, 2): ("kicker", "title"), (4, 5): ("title", "subtitle")}
    assert renumbered(pairs, {0: 0, 2: 1, 4: 2}) == {(0, 1): ("kicker", "title")}
