"""The conditions of parse/features.py that no other test reached: the marks a line's key carries
(and so its neighbours see), the marks its own features hold, the page-level features of indented
and flush lines and of lines after a full one, and the tail a wrap cut off a web page's meta line.
The shipped model was trained on exactly these features, so a change to one of these conditions
silently changes what the model sees. Each test reads the item of one line of a small page from
``page_features`` and checks for a feature string worked out by hand from the code.

A line's item holds its own features and then its key (the features its neighbours see under an
offset prefix), so a mark in both, such as ``brk``, comes twice: crfsuite adds up both copies, so
the count is part of what the model sees.

Speed checks, whose removal changes no result, have no test (each checked by comparing
``page_features`` with and without it over some 18,000 made-up lines): in ``_join_counts``,
``len(pairs) < _JOIN_SCAN_PAIRS`` (``str.count`` of each pair or one scan of the page give the same
counts); in ``_overlaps``, the test on the windows' total of lines (unions of sets or bit masks
give the same sizes); and in ``_cohesion``, the early exit on ``not short`` (with no short line
the loops below make no feature either).

All the text is made up (places, people, papers and events).
"""

from __future__ import annotations

import pytest

from liaocheng_tui.parse.features import page_features

# _measure: the marks a line's own features and its key hold

_PLAIN = "王明说，今年收成好"  # a line with none of the marks below


@pytest.mark.parametrize(
    ("line", "mark"),
    [
        ("【西山县简讯】", "brk"),  # bracketed at both ends
        ("——记东湖区环卫工人王明", "dash"),  # a subtitle's opening dash
        ("喜看西山新变化——", "enddash"),  # a kicker's closing dash
        ("■ 本报记者 李华", "marker"),  # a byline's marker
        ("\u3000\u3000东湖区今年新建公园十二处，市民出门就能见绿。", "ind"),
        ("西山县夏粮喜获丰收。王明说，今年收成好", "stopin"),  # a sentence ends inside the line
    ],
)
def test_a_marked_line_has_its_mark_among_its_own_features_and_its_keys(line: str, mark: str) -> None:
    # Each mark is set twice, once among the line's own features and once in its key (what its
    # neighbours see): the model was trained on both copies.
    items = page_features([line, _PLAIN])
    assert items[0].count(mark) == 2


@pytest.mark.parametrize(
    ("line", "mark"),
    [
        ("【西山县简讯】", "brk"),
        ("——记东湖区环卫工人王明", "dash"),
        ("喜看西山新变化——", "enddash"),
        ("■ 本报记者 李华", "marker"),
        ("\u3000\u3000东湖区今年新建公园十二处，市民出门就能见绿。", "ind"),
        ("西山县夏粮喜获丰收。王明说，今年收成好", "stopin"),
    ],
)
def test_the_line_under_a_marked_line_sees_its_mark(line: str, mark: str) -> None:
    # The key's marks are what a line tells its neighbours: a line under a byline's marker or an
    # indented paragraph line reads differently from one under a plain line.
    items = page_features([line, _PLAIN])
    assert f"-1:{mark}" in items[1]
    assert f"-1:{mark}" not in page_features([_PLAIN, _PLAIN])[1]


def test_a_line_opening_with_a_quotation_mark_has_the_openq_feature() -> None:
    # A quotation opening a line (a paragraph of speech), among its own features only.
    items = page_features(["“我们一定能把公园建好。”", _PLAIN])
    assert items[0].count("openq") == 1
    assert "openq" not in items[1]
    assert "-1:openq" not in items[1]


# sequence_items: indented and flush lines, lines after a full one

# A headline over three indented paragraph lines: 3 of 4 lines indented, pind=mid.
_INDENTED_PAGE = [
    "西山县夏粮喜获丰收",
    "\u3000\u3000今年西山县夏粮总产再创新高，农民增收明显。",
    "\u3000\u3000县农业局局长王明说，明年还要扩大种植面积。",
    "\u3000\u3000东湖区今年新建公园十二处，市民出门就能见绿。",
]


def test_an_indented_line_has_its_indent_with_the_pages_share_of_indented_lines() -> None:
    # An indent means a paragraph on a page that indents some lines, less on one that indents all.
    items = page_features(_INDENTED_PAGE)
    for item in items[1:]:
        assert "ind|pind=mid" in item
    assert not [feature for feature in items[0] if feature.startswith("ind|")]


def test_a_flush_line_has_what_the_pages_flush_lines_are_with_its_shape() -> None:
    # On a page that indents most lines, flush ones that are all headline-like (flush=head) mark
    # headlines. The headline: 9 characters (length bucket 5), ending in a Han character, flush.
    items = page_features(_INDENTED_PAGE)
    assert "flushuse=flush=head|5|H|f" in items[0]
    for item in items[1:]:
        assert not [feature for feature in item if feature.startswith("flushuse=")]


def test_on_a_hard_wrapped_page_a_line_says_whether_the_line_above_is_full() -> None:
    # After a line that fills the wrap width (18 characters), a line most likely goes on with its
    # paragraph. Shapes: 7 characters ending in a full stop (4|fin|f), 18 ending in a Han
    # character (7|H|f). The first line has no line above.
    page = ["今年以来，西山县新修乡村公路八十公里", "深受村民欢迎。", "东湖区今年新建口袋公园十二处，市民出"]
    items = page_features(page)
    assert not [feature for feature in items[0] if feature.startswith("afterfull=")]
    assert "afterfull=True|4|fin|f" in items[1]
    assert "afterfull=False|7|H|f" in items[2]


def test_a_page_that_is_not_hard_wrapped_has_no_afterfull_features() -> None:
    # Lines narrower than 12 characters are no hard wrap: no line is full.
    items = page_features(["西山县夏粮喜获丰收", "本报记者 王明", "东湖区"])
    for item in items:
        assert not [feature for feature in item if feature.startswith("afterfull=")]


# _meta_tails: the tail a hard wrap cut off a web page's meta line

# Paragraph lines hard-wrapped at 18 characters, above and below {meta} and {under}.
_BODY = [
    "今年以来，西山县新修乡村公路八十公里",
    "沿线村民出行更加方便。县交通局还在公",
    "路两旁种下三千棵树苗，深受村民欢迎。",
]
_FULL_META = "来源：东湖晚报 2026-05-12"  # 18 characters as printed: as wide as the page
_SHORT_META = "来源：东湖晚报 作者：王明"  # 13: narrower than the page


def _under_meta(meta: str, under: str) -> list[str]:
    """The item of ``under``, the line right under ``meta`` on a page wrapped at 18 characters."""
    return page_features([*_BODY, meta, under, *_BODY])[len(_BODY) + 1]


def test_the_short_tail_under_a_full_width_meta_line_is_furniture() -> None:
    # The wrap cut the last field's value (要闻) off the meta line: furniture, as the line is.
    assert "r:furn" in _under_meta(_FULL_META, "要闻")


def test_a_full_width_line_under_a_meta_line_is_no_tail() -> None:
    # A line as wide as the page goes on past the wrap: the next paragraph, not a cut-off tail.
    assert "r:furn" not in _under_meta(_FULL_META, "初夏的东湖边，荷花已经开了一半，游人")


def test_a_headline_under_a_meta_line_narrower_than_the_page_is_no_tail() -> None:
    # A meta line narrower than the page was not cut by the wrap: the next story's headline
    # under it is no piece of it.
    assert "r:furn" not in _under_meta(_SHORT_META, "西山县夏粮喜获丰收")


@pytest.mark.parametrize(
    "under",
    [
        "东湖公园荷花节昨日开幕。",  # a sentence's end
        "本报记者 王明",  # a byline
        "本报讯（记者 李华）",  # a lead
    ],
)
def test_a_sentences_end_a_byline_or_a_lead_under_a_full_width_meta_line_is_no_tail(under: str) -> None:
    # A meta line's value never ends a sentence, and a byline or a lead is the story's own line.
    assert "r:furn" not in _under_meta(_FULL_META, under)


# _cut_openers: a story's lead or byline that a wrap cut in two

# A story's text hard-wrapped at 10 characters, as a PDF of a narrow column comes out.
_NARROW = ["今年以来，西山县新修", "乡村公路八十公里，沿", "线村民出行更加方便。"]


def test_a_full_width_line_that_opens_a_lead_going_on_below_it_is_a_lead() -> None:
    # 新华社东江市5月13 / 日电 …: the dateline reads whole only with the next line's start.
    items = page_features([*_NARROW, "新华社东江市5月13", "日电 东湖区今年新建", *_NARROW])
    assert items[3].count("r:lead") == 2  # its own and its key's, as a whole lead's
    assert "r:lead" not in items[4]


def test_a_full_width_line_that_no_lead_goes_on_from_is_no_lead() -> None:
    # The same line over text that does not finish a dateline: a line of figures, not a lead.
    items = page_features([*_NARROW, "新华社东江市5月13", "个乡镇通了公交车。", *_NARROW])
    assert "r:lead" not in items[3]


def test_a_closing_dateline_cut_in_two_is_no_lead() -> None:
    # 新华社东江市5月1 / 3日电 under a story's last sentence: the whole line closes the story and
    # opens nothing, so neither piece is a lead.
    items = page_features([*_NARROW, "新华社东江市5月1", "3日电", *_NARROW])
    assert "r:lead" not in items[3]


def test_the_tail_a_wrap_cut_off_a_byline_is_a_byline() -> None:
    # 新华社记者 卢晓岚 / 摄: the photo credit's last character alone on a line.
    items = page_features([*_NARROW, "新华社记者 卢晓岚", "摄", *_NARROW])
    assert items[4].count("r:byline") == 2


def test_a_short_line_under_a_byline_that_would_name_someone_else_is_no_tail() -> None:
    # 本报记者 詹敏 / 春耕: joined, the name would read 詹敏春耕, another name: a headline, not a tail.
    items = page_features([*_NARROW, "本报记者 詹敏", "春耕", *_NARROW])
    assert "r:byline" not in items[4]
