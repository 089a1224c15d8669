"""Tests that pin the guards of ``parse/unit_rules.py``: the conditions that keep a rule over a
page's units from firing where it should not, which no other test reached (a mutation check that
made each one ``False`` failed no test). Each page is parsed with the roles of its lines given, as
in ``test_parse_rules``, and what is expected was worked out by hand. All text is made up.

Two conditions are speed checks, whose removal changes no result, and have no test:
``_markdown_crossheads`` returns at once on a page with no markdown heading (the loop would find
none), and ``_closed_by_dateline`` at once on a line with neither 电 nor 讯 (every dateline ends
with one).
"""

from __future__ import annotations

import pytest
from test_parse_rules import labelled


def test_a_list_of_names_too_long_for_a_byline_under_a_headline_stays_the_storys_text() -> None:
    # _is_signing_line: a byline's grammar reads any line of role words and names, so a roll of
    # names under a headline would read as fifteen authors; a line heavier than a credit is text.
    names = "王明 李华 张强 赵刚 孙丽 周红 吴刚 郑伟 陈晨 刘洋 杨帆 马超 何静 林峰 高远"
    page = labelled(
        f"东湖区第三季度优秀通讯员名单\n\n通讯员 {names}\n\n　　以上通讯员由各街道推荐，经区委宣传部审核确定。\n",
        "T _ B _ B _",
    )
    (article,) = page.articles
    assert article.title == "东湖区第三季度优秀通讯员名单"
    assert article.byline is None and article.authors == []
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].endswith("林峰 高远")
    assert article.paragraphs[1] == "以上通讯员由各街道推荐，经区委宣传部审核确定。"


def test_a_signature_under_a_subtitle_leaves_the_subtitle_a_subtitle() -> None:
    # _headline_over_signature: only a line the labeller read as text is made the headline over
    # a signature (作者：…); a subtitle over one is the subtitle already.
    page = labelled(
        "读书让乡村更有温度\n——写在西山县农家书屋建成十周年之际\n作者：王明\n\n"
        "　　十年前，西山县第一家农家书屋在李家村开门。\n",
        "T S BY _ B _",
    )
    (article,) = page.articles
    assert article.title == "读书让乡村更有温度"
    assert article.subtitle == "——写在西山县农家书屋建成十周年之际"
    assert article.byline == "作者：王明"
    assert article.authors == ["王明"]
    assert article.paragraphs == ["十年前，西山县第一家农家书屋在李家村开门。"]


def test_a_name_set_apart_under_a_reporters_line_is_a_heading_not_a_second_reporter() -> None:
    # _wrapped_names: a wrap puts the byline's last names on the very next line; a name set apart
    # by a blank line (the first teacher's, heading her part of the story) goes on no byline.
    page = labelled(
        "东湖区表彰两名最美乡村教师\n本报记者 王明\n\n"
        "李华\n　　李华在西山小学任教二十年，教过的学生有六百多人。\n\n"
        "张强\n　　张强是李家村小学唯一的老师，每天步行十里山路上班。\n",
        "T T _ T B _ T B _",
    )
    assert [article.authors for article in page.articles if article.authors] == [["王明"]]
    assert page.articles[0].byline == "本报记者 王明"
    titles = [article.title for article in page.articles]
    assert "李华" in titles and "张强" in titles


def test_a_short_crosshead_right_under_a_reporters_line_is_no_name_of_the_byline() -> None:
    # _wrapped_names: the byline's grammar takes any two to four characters for a name; only
    # words that read as people's names (a surname first) are the byline's wrapped names.
    page = labelled(
        "李家村的变迁\n本报记者 王明\n缘起\n　　二十年前，李家村还是西山县最穷的村子。\n"
        "变化\n　　如今，村里修了路，建了学校。\n",
        "T T T B T B _",
    )
    assert page.articles[0].byline == "本报记者 王明"
    assert [article.authors for article in page.articles if article.authors] == [["王明"]]
    assert "缘起" in [article.title for article in page.articles]


def test_a_wire_datelines_title_label_running_into_the_text_leaves_the_text_a_paragraph() -> None:
    # _title_in_dateline: what follows 题： is the headline only where it is no sentence; here it
    # runs on into the story's first sentence, which is no headline.
    page = labelled(
        "　　新华社西安3月5日电 题：西山县农民忙春耕 记者在李家村看到，田间地头一派繁忙景象。\n"
        "　　村民王明说，今年的麦子长得好。\n",
        "B B _",
    )
    (article,) = page.articles
    assert article.title is None
    assert article.byline == "新华社西安3月5日电"
    assert article.paragraphs == [
        "题：西山县农民忙春耕记者在李家村看到，田间地头一派繁忙景象。",
        "村民王明说，今年的麦子长得好。",
    ]
    assert page.dropped == []


def test_a_headline_run_in_after_a_closing_quote_is_cut_from_a_line_of_stories() -> None:
    # _run_together_headlines: a sentence may end in a quote (……。”); the headline after it starts
    # after the quote, else the quote mark inside it would make it no headline.
    page = labelled(
        "本报讯 记者从西山县文旅局获悉，今年春节期间，全县共接待游客十二万人次。"
        "县文旅局局长王明说：“今年的游客比往年多了一倍。”"
        "东湖冬季游船停航本报讯 记者从东湖景区管理处获悉，因湖面结冰，景区游船自12月20日起停航，明年春天恢复。\n",
        "B _",
    )
    assert [(article.title, article.byline) for article in page.articles] == [
        (None, "本报讯"),
        ("东湖冬季游船停航", "本报讯"),
    ]
    assert page.articles[0].paragraphs[-1].endswith("今年的游客比往年多了一倍。”")
    assert page.articles[1].paragraphs == [
        "记者从东湖景区管理处获悉，因湖面结冰，景区游船自12月20日起停航，明年春天恢复。"
    ]


def test_a_deeper_markdown_heading_after_a_headline_without_marks_heads_its_own_story() -> None:
    # _markdown_crossheads: a headline the converter set without marks starts a story whose
    # heading level is unknown; a deeper heading after it is no crosshead of the marked story above.
    page = labelled(
        "# 东湖区新建三座口袋公园\n\n今年以来，东湖区新建三座口袋公园，方便居民休闲。\n\n"
        "# 西山县农民忙春耕\n\n连日来，西山县农民抢抓农时，田间地头一派繁忙。\n\n"
        "李家村通了公交车\n\n上周起，城区公交线路延伸到李家村，村民进城不用再转车。\n\n"
        "## 西山县图书馆延长开放时间\n\n西山县图书馆自下月起每天开放到晚上九点。\n",
        "T _ B _ T _ B _ T _ B _ T _ B _",
    )
    assert [(article.title, article.paragraphs) for article in page.articles] == [
        ("东湖区新建三座口袋公园", ["今年以来，东湖区新建三座口袋公园，方便居民休闲。"]),
        ("西山县农民忙春耕", ["连日来，西山县农民抢抓农时，田间地头一派繁忙。"]),
        ("李家村通了公交车", ["上周起，城区公交线路延伸到李家村，村民进城不用再转车。"]),
        ("西山县图书馆延长开放时间", ["西山县图书馆自下月起每天开放到晚上九点。"]),
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # under the story's headline, as a web copy prints it
        (
            "东湖区新建三座口袋公园\n来源：西山日报\n　　今年以来，东湖区新建三座口袋公园，方便居民休闲。\n",
            "T B B _",
        ),
        # at the top of the page, where nothing comes above it
        ("来源：西山日报\n　　今年以来，东湖区新建三座口袋公园，方便居民休闲。\n", "B B _"),
    ],
    ids=["under-a-headline", "at-the-page-top"],
)
def test_a_source_line_read_as_text_before_the_storys_text_is_furniture(text: str, codes: str) -> None:
    # _before_story_text: the unit above is no paragraph (a headline, or none at all), so no text
    # of the story has come yet: 来源：… is the web page's source line, not the story's credit.
    page = labelled(text, codes)
    (article,) = page.articles
    assert article.paragraphs == ["今年以来，东湖区新建三座口袋公园，方便居民休闲。"]
    assert [(dropped.text, dropped.reason) for dropped in page.dropped] == [
        ("来源：西山日报", "page-furniture")
    ]


def test_a_short_line_that_ends_the_page_has_no_picture_under_it_to_label() -> None:
    # _label_over_a_picture: the last unit has no unit under it (a notice's issuer and date close
    # the page); the rule asks no further.
    page = labelled(
        "西山县文化馆招募志愿者\n\n"
        "　　西山县文化馆现面向社会招募讲解志愿者二十名，欢迎报名。\n　　报名电话：1234567\n\n"
        "西山县文化馆\n2024年3月5日\n",
        "T _ B B _ B B _",
    )
    (article,) = page.articles
    assert article.title == "西山县文化馆招募志愿者"
    assert article.paragraphs[-2:] == ["西山县文化馆", "2024年3月5日"]


@pytest.mark.parametrize(
    "closing", ["（西山县委宣传部供稿）", "新华社北京3月5日电"], ids=["credit", "dateline"]
)
def test_a_storys_closing_credit_set_apart_over_a_photo_is_no_label_of_the_photo(closing: str) -> None:
    # _label_over_a_picture: a column's label is a few characters (图片新闻); a longer line set
    # apart over a credited caption, such as the story's closing credit or dateline, labels no
    # picture and stays with the story above.
    page = labelled(
        f"东湖区新建三座口袋公园\n\n　　今年以来，东湖区新建三座口袋公园，方便居民休闲。\n\n{closing}\n\n"
        "　　游客在东湖公园赏花。 记者 王明 摄\n",
        "T _ B _ B _ B _",
    )
    first, photo = page.articles
    assert first.title == "东湖区新建三座口袋公园"
    assert first.paragraphs == ["今年以来，东湖区新建三座口袋公园，方便居民休闲。", closing]
    assert photo.title is None and photo.column is None
    assert (photo.kind, photo.byline, photo.paragraphs) == ("photo", "记者 王明 摄", ["游客在东湖公园赏花。"])


def test_a_short_line_set_apart_over_a_reporters_line_read_as_a_headline_is_the_headline() -> None:
    # reread_units: the labeller read the reporter's line as a headline's, so it heard a story
    # start there; the short line set apart above it, read as text, is that story's headline.
    page = labelled(
        "西山县农民忙春耕\n\n　　连日来，西山县农民抢抓农时，田间地头一派繁忙。\n\n"
        "东湖区新建三座口袋公园\n本报记者 王明\n　　今年以来，东湖区新建三座口袋公园，方便居民休闲。\n",
        "T _ B _ B T B _",
    )
    assert [(article.title, article.byline, article.paragraphs) for article in page.articles] == [
        ("西山县农民忙春耕", None, ["连日来，西山县农民抢抓农时，田间地头一派繁忙。"]),
        ("东湖区新建三座口袋公园", "本报记者 王明", ["今年以来，东湖区新建三座口袋公园，方便居民休闲。"]),
    ]


@pytest.mark.parametrize(
    "caption",
    ["▲居民在新建的口袋公园里健身！", "图为居民李华说：“家门口就能锻炼了。”"],
    ids=["triangle-exclamation", "tuwei-closing-quote"],
)
def test_a_caption_read_as_a_headline_that_ends_a_sentence_is_a_caption(caption: str) -> None:
    # reread_units: a line opening with ▲ or 图为 that ends a sentence is a photo's caption, not
    # the next story's headline (a headline ends no sentence). The line rule that reads headline
    # lines ending in 。 as text leaves these (！, a closing quote) to this one.
    page = labelled(
        f"东湖区新建三座口袋公园\n\n　　今年以来，东湖区新建三座口袋公园，方便居民休闲。\n\n{caption}\n\n"
        "西山县农民忙春耕\n\n　　连日来，西山县农民抢抓农时，田间地头一派繁忙。\n",
        "T _ B _ T _ T _ B _",
    )
    assert [(article.title, article.paragraphs) for article in page.articles] == [
        ("东湖区新建三座口袋公园", ["今年以来，东湖区新建三座口袋公园，方便居民休闲。", caption]),
        ("西山县农民忙春耕", ["连日来，西山县农民抢抓农时，田间地头一派繁忙。"]),
    ]
    assert page.dropped == []


@pytest.mark.parametrize("question", ["春耕为何提前了？", "还能这样？西山县农民用手机种地"])
def test_a_wire_headline_after_its_title_label_may_ask_a_question(question: str) -> None:
    # A headline asks or exclaims as often as it states; only a full stop makes the words after
    # 题： the story's text.
    page = labelled(
        f"　　新华社西安3月5日电 题：{question}\n　　记者在西山县李家村看到，村民正用手机查看墒情。\n",
        "B B _",
    )
    (article,) = page.articles
    assert (article.title, article.byline) == (question, "新华社西安3月5日电")
    assert article.paragraphs == ["记者在西山县李家村看到，村民正用手机查看墒情。"]


@pytest.mark.parametrize("caption_role", ["B", "CAP"])
def test_a_photos_headline_set_apart_over_its_credited_caption_heads_the_photo(caption_role: str) -> None:
    # Longer than a column's label (图片新闻), a line that could head a story, set apart over a
    # caption its photographer signs, is the photo's headline, not the story above's last line.
    page = labelled(
        "　　今年以来，东湖区新建三座口袋公园，方便居民休闲。\n\n东湖公园桃花盛开\n\n"
        "　　游客在东湖公园赏花。 记者 王明 摄\n",
        f"B _ B _ {caption_role} _",
    )
    story, photo = page.articles
    assert story.paragraphs == ["今年以来，东湖区新建三座口袋公园，方便居民休闲。"]
    assert (photo.kind, photo.title, photo.byline) == ("photo", "东湖公园桃花盛开", "记者 王明 摄")
    assert photo.paragraphs == ["游客在东湖公园赏花。"]


@pytest.mark.parametrize(
    "line",
    [
        "4月5日，市民在东湖公园赏花。（记者 王明 摄）",
        "市民在东湖公园赏花（记者 王明 摄）",
        "东湖公园桃花盛开。游人如织",
    ],
    ids=["signed", "signed-no-full-stop", "sentence-inside"],
)
def test_a_signed_caption_or_a_sentence_over_a_caption_is_no_photos_headline(line: str) -> None:
    # A photo's caption signed by its photographer over the next photo's is a photo of its own;
    # a line that holds a sentence is no headline, set apart over a caption or not.
    page = labelled(
        f"图说东湖\n\n{line}\n\n4月4日，孩子们在西山公园放风筝。（通讯员 李华 摄）\n", "K _ B _ B _"
    )
    assert [article.title for article in page.articles] == [None] * len(page.articles)
    assert page.articles[-1].kind == "photo"


_DATED_TWICE = (
    "东湖区召开乡村振兴推进会\n"
    "\u3000\u3000本报东湖3月2日电\u3000（记者 王明远）东湖区日前召开乡村振兴推进会，部署全年工作。\n"
    "{middle}"
    "\u3000\u3000西山县今年新建农田水利设施二十处，灌溉面积扩大三成。\n"
    "\u3000\u3000（本报西山3月2日电）\n"
)


def test_a_short_line_between_a_storys_opening_dateline_and_a_closing_one_heads_a_second_story() -> None:
    # reread_units: a story is dated once; the one line that could head a story between an opening
    # dateline and a closing one in brackets is the second story's headline, read as a crosshead.
    page = labelled(_DATED_TWICE.format(middle="西山县农田水利建设提速\n"), "T B B B B _")
    assert [(article.title, len(article.paragraphs)) for article in page.articles] == [
        ("东湖区召开乡村振兴推进会", 1),
        ("西山县农田水利建设提速", 2),
    ]


@pytest.mark.parametrize(
    ("middle", "codes"),
    [
        ("西山县农田水利建设提速\n灌溉面积扩大三成\n", "T B B B B B _"),  # two lines could head it
        ("", "T B B B _"),  # none could
    ],
    ids=["two-candidates", "no-candidate"],
)
def test_a_story_dated_twice_without_one_line_to_head_the_second_is_left_as_read(
    middle: str, codes: str
) -> None:
    page = labelled(_DATED_TWICE.format(middle=middle), codes)
    assert [article.title for article in page.articles] == ["东湖区召开乡村振兴推进会"]


def test_a_local_storys_opening_dateline_closed_by_a_wire_one_keeps_its_crosshead() -> None:
    # 本报讯 names no place the story was filed from: the closing dateline is no second date of it.
    text = _DATED_TWICE.format(middle="西山县农田水利建设提速\n").replace("本报东湖3月2日电", "本报讯")
    page = labelled(text, "T B B B B _")
    assert [article.title for article in page.articles] == ["东湖区召开乡村振兴推进会"]


_SIGNED_AT_END = (
    "东湖区召开乡村振兴推进会\n"
    "东湖区日前召开乡村振兴推进会，部署全年工作。\n"
    "会议要求，各街道加快推进农田水利建设。\n"
    "本报记者 王明远\n"
    "{gap}"
    "西山县农田水利建设提速\n"
    "{second}"
    "西山县今年新建农田水利设施二十处，灌溉面积扩大三成。\n"
)


def test_a_short_line_set_apart_under_a_signature_that_closes_a_story_heads_the_next_story() -> None:
    # reread_units: the reporter's line under the story's last paragraph signs it, so the short
    # line set apart under it, which the labeller read as a story's first line, opens the next.
    page = labelled(_SIGNED_AT_END.format(gap="\n", second=""), "T B B BY _ B B _")
    assert [(article.title, article.byline, article.paragraphs) for article in page.articles] == [
        (
            "东湖区召开乡村振兴推进会",
            "本报记者 王明远",
            ["东湖区日前召开乡村振兴推进会，部署全年工作。", "会议要求，各街道加快推进农田水利建设。"],
        ),
        ("西山县农田水利建设提速", None, ["西山县今年新建农田水利设施二十处，灌溉面积扩大三成。"]),
    ]


@pytest.mark.parametrize(
    ("gap", "second", "codes"),
    [
        ("", "", "T B B BY B B _"),  # not set apart: the signature's story may go on
        ("\n", "灌溉面积扩大三成\n", "T B B BY _ B B B _"),  # two short lines: a header block of two
    ],
    ids=["no-blank-line", "two-short-lines"],
)
def test_a_line_under_a_signature_not_set_apart_alone_over_text_stays_text(
    gap: str, second: str, codes: str
) -> None:
    page = labelled(_SIGNED_AT_END.format(gap=gap, second=second), codes)
    assert [article.title for article in page.articles] == ["东湖区召开乡村振兴推进会"]


def test_a_crosshead_under_a_part_headings_byline_stays_text() -> None:
    # A round-up's part: its heading and reporter's line over a crosshead; the line above the
    # reporter's line ends no sentence, so the reporter's line signs nothing above it.
    page = labelled(
        _SIGNED_AT_END.format(gap="\n", second="").replace(
            "会议要求，各街道加快推进农田水利建设。", "农田水利 建设提速"
        ),
        "T B B BY _ B B _",
    )
    assert [article.title for article in page.articles] == ["东湖区召开乡村振兴推进会"]


def test_a_sidebars_label_read_as_a_reporters_line_signs_no_story() -> None:
    # ■记者手记 opens the story's sidebar (a reporter's notebook) and names a column, not a person:
    # the line under it is the sidebar's heading, the story's text.
    text = _SIGNED_AT_END.format(gap="\n", second="").replace("本报记者 王明远", "■记者手记")
    page = labelled(text, "T B B BY _ B B _")
    assert [article.title for article in page.articles] == ["东湖区召开乡村振兴推进会"]
