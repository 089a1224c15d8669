"""The guards of parse/line_rules.py that no other test reached: the rules over web meta lines
(the headline over one, the value a wrap cut off one), leads, bylines and headlines broken or cut
by a wrap. Each test calls one rule with the roles of the lines given as codes (``T _ B``: title,
blank, body, as ``labelled`` in test_parse_rules.py takes them) and checks the roles it gives back,
worked out by hand: without the guard named beside it, the rule reads the page otherwise.

Speed checks, whose removal changes no result, have no test: the early exit of
``_crossheads_inside_stories`` on a page with no header line; in ``_headlines_over_leads`` the second role test (``short`` holds text lines
only) and the closing test when no broken pair is read (``_read_headline_over_lead`` repeats it);
``_broken_headline_over``'s first test (its one caller asks the same first); ``place < 2`` in
``_headline_tails_over_bylines`` (the next test holds then too); the role test of
``_headlines_read_as_furniture`` (``_furniture_by_context`` answers False for any other role); and
the early exit of ``_headlines_over_bylines`` on a page with no flush byline; ``_dateline_cut_at``'s
test of the piece's length and of a dateline's last character after the cut.

All the text is made up (places, people, papers and events).
"""

from __future__ import annotations

import pytest
from test_parse_rules import reread

from liaocheng_tui.parse import line_rules, parse_page
from liaocheng_tui.parse.normalize import lines_of
from liaocheng_tui.parse.roles import Role

# _headlines_over_meta_lines


def test_the_headline_over_a_meta_line_read_as_its_subtitle_is_found() -> None:
    # The labeller read a web page's meta line as the subtitle of a headline it read as text: the
    # meta line is still one, and the line over it the headline.
    text = "东湖公园荷花节开幕\n发布时间：2026-05-12 10:00 来源：东湖日报\n本报讯（记者 李华）东湖公园荷花节昨日开幕。\n"
    assert reread(line_rules._headlines_over_meta_lines, text, "B S B _") == "T S B _"


def test_a_headline_spaced_out_letter_by_letter_over_a_meta_line_is_found() -> None:
    # A PDF's large type spaced out (``东 湖 …``): 41 characters with the spaces, over the 40 a
    # headline over a meta line may have, but 21 without them.
    spaced = " ".join("东湖公园荷花节昨日开幕，游客赏荷纳凉忙不停")
    assert (len(spaced), len(spaced.replace(" ", ""))) == (41, 21)
    text = f"{spaced}\n发布时间：2026-05-12 10:00 来源：东湖日报\n　　东湖公园荷花节昨日开幕。\n"
    assert reread(line_rules._headlines_over_meta_lines, text, "B F B _") == "T F B _"


def test_a_meta_line_at_a_storys_end_over_the_next_headline_leaves_the_last_line_text() -> None:
    # The guard (out[below] in HEADER_ROLES): a meta line with a headline under it closes the story
    # above, so the line over it is that story's last line (here a quote with no full stop), no
    # headline.
    text = (
        "东湖区新建口袋公园十二处\n来源：东湖日报 2026-05-12 10:00\n"
        "今年以来，东湖区新建口袋公园十二处，市民出门就能见绿。\n居民王明说：“公园就在家门口”\n"
        "来源：东湖日报 2026-05-12 10:30\n西山县夏粮喜获丰收\n本报讯 西山县今年夏粮总产再创新高。\n"
    )
    codes = "T F B B F T B _"
    assert reread(line_rules._headlines_over_meta_lines, text, codes) == codes


def test_a_subtitle_over_a_meta_line_stays_the_subtitle() -> None:
    # Only a line read as text (or as furniture by its neighbours alone) over a meta line
    # is taken for the headline; the subtitle under the headline is one already.
    text = (
        "东湖区新建口袋公园十二处\n——市民出门就能见绿\n来源：东湖日报 2026-05-12 10:00\n"
        "今年以来，东湖区新建口袋公园十二处，市民出门就能见绿。\n"
    )
    codes = "T S F B _"
    assert reread(line_rules._headlines_over_meta_lines, text, codes) == codes


# A page hard-wrapped at 12 characters whose stories close with a wire dateline set right, which
# the wrap cut in two (新华社西山县 / 五月十一日电); the second story's headline, cut in two as well,
# stands over its meta line, cut in three.
_WIRE_PAGE_AT_12 = (
    "西山县新修乡村公路八十公\n里\n（ 2026-05-12\n ） 稿件来源：东湖日报\n 要闻\n本报记者 李华\n"
    "\u3000\u3000今年以来，西山县新修\n乡村公路八十公里，沿线村\n民出行更加方便。\n\u3000\u3000县交通局还在公路两旁\n"
    "种下三千棵树苗，深受村民\n欢迎。\n\u3000\u3000\u3000\u3000\u3000\u3000新华社西山县\n五月十一日电\n\n"
    "东湖公园荷花节昨日开幕游\n客赏荷忙\n（ 2026-05-12\n ） 稿件来源：东湖日报\n 要闻\n本报记者 王明\n"
    "\u3000\u3000初夏的东湖边，荷花已\n经开了一半，游人沿着湖边\n的步道慢慢走着。\n"
)


def test_a_wrapped_headline_after_a_closing_dateline_the_wrap_cut_is_found() -> None:
    # _story_ends_at: the dateline's last piece (五月十一日电) ends the story above, as the whole
    # dateline would, so the two pieces over the meta line are the next story's headline.
    codes = "T T F F F BY B B B B B B B B _ B B B B B BY B B B _"
    expected = "T T F F F BY B B B B B B B B _ T T F F B BY B B B _"
    assert reread(line_rules._headlines_over_meta_lines, _WIRE_PAGE_AT_12, codes) == expected


@pytest.mark.parametrize(
    ("texts", "ends"),
    [
        (("\u3000\u3000新华社西山县", "五月十一日电"), True),  # a dateline's pieces
        (("新华社西山县五月十一日电",), True),  # the dateline whole
        (("县交通局还在公路两旁种下", "五月十一日电"), False),  # a paragraph's line over the piece
        (("五月十一日电",), False),  # the piece alone: at the page's top, or over a blank line
    ],
    ids=["pieces", "whole", "paragraph-above", "alone"],
)
def test_a_story_ends_at_a_closing_datelines_last_piece_only_under_its_first(
    texts: tuple[str, ...], ends: bool
) -> None:
    lines = lines_of(list(texts))
    roles: list[Role] = ["body"] * len(lines)
    assert line_rules._story_ends_at(lines, roles, len(lines) - 1) is ends


# A page hard-wrapped at 17 characters, the meta line under {head} cut by the same wrap.
_WRAPPED_AT_17 = (
    "西山县新修乡村公路八十公里\n今年以来，西山县新修乡村公路八十公\n里，沿线村民出行更加方便。县交通局\n"
    "还在公路两旁种下三千棵树苗，深受村\n民欢迎。\n（本报记者 李华）\n{head}"
    "（ 2026-05-12 ） 稿\n件来源：东湖晚报 要闻\n"
    "初夏的东湖边，荷花已经开了一半，游\n人沿着湖边的步道慢慢走着。这片湖是\n全市最大的城中湖，每年都吸引不少市\n民前来。\n"
)


@pytest.mark.parametrize(
    "head",
    [
        # A sentence ends inside the lines (24 characters in all)
        "荷花开了。游人沿着湖边的步道慢慢走\n着，看着满湖荷叶\n",
        # no sentence ends, but the lines are longer than a headline (56 characters)
        "东湖公园的荷花开了，游人沿着步道慢\n慢走着，这片湖是全市最大的城中湖，\n每年都吸引不少市民前来观赏，湖边的\n垂柳也绿了\n",
    ],
)
def test_a_paragraphs_lines_over_a_cut_meta_line_are_no_headline(head: str) -> None:
    # Full lines over the line above a meta line are a headline the wrap cut only where
    # together they are no longer than a headline and hold no sentence's end; else they are a
    # paragraph's lines (its full stop lost at the end), which stay text. The meta line's pieces
    # are furniture all the same.
    text = _WRAPPED_AT_17.format(head=head)
    count = head.count("\n")
    before = "T B B B B CR " + "B " * count + "B B B B B B _"
    after = "T B B B B CR " + "B " * count + "F F B B B B _"
    assert reread(line_rules._headlines_over_meta_lines, text, before) == after


def test_a_meta_line_ocr_spaced_out_is_furniture_where_its_pieces_were_read_as_a_subtitle() -> None:
    # The guard (the pieces spaced out letter by letter): the labeller's features say nothing about
    # such pieces, so what it read them as (a subtitle under the headline here) does not keep them.
    text = (
        "东湖公园荷花节开幕\n(   2 0 2 6 - 0 5 - 1 2   )   稿 件 来 源\n: 东 湖 晚 报   要 闻\n"
        "本报讯（记者 李华）东湖公园荷花节昨日开幕。\n"
    )
    assert reread(line_rules._headlines_over_meta_lines, text, "T S S B _") == "T F F B _"


# _names_under_headlines


def test_a_kicker_over_a_writers_name_is_the_headline() -> None:
    # A story under a kicker alone has no headline; over the writer's name the kicker is
    # the headline.
    text = "东湖晨读\n王明\n\n清晨的东湖边，总有人捧着书静静地读。\n"
    assert reread(line_rules._names_under_headlines, text, "K B _ B _") == "T BY _ B _"


# _meta_line_values


def test_a_short_line_under_a_text_line_ending_with_a_label_stays_text() -> None:
    # The guard (out[index] != "furniture"): the line over the value must be read as furniture. A
    # review's book notes, read as its text, end with a label whose value (the author) the wrap
    # put on the next line: the two join into a meta line's shape, but are the story's text.
    text = (
        "东湖边的读书人\n——读《东湖往事》\n书名：《东湖往事》 出版：2026年5月12日 作者：\n王明\n"
        "\u3000\u3000翻开这本书，东湖的四季扑面而来。\n"
    )
    codes = "T S B B B _"
    assert reread(line_rules._meta_line_values, text, codes) == codes


def test_a_section_names_last_character_a_wrap_cut_off_the_value_is_furniture() -> None:
    # The wrap cut the meta line's value too (调查观 / 察); one or two characters that end
    # no sentence under the value are its rest.
    text = "西山县夏粮喜获丰收\n（ 2026-05-12 ） 稿件来源：\n东湖晚报 调查观\n察\n本报讯 西山县今年夏粮总产再创新高。\n"
    assert reread(line_rules._meta_line_values, text, "T F T T B _") == "T F F F B _"


def test_a_section_names_last_character_under_a_value_read_as_furniture_is_furniture() -> None:
    # The labeller read the value as furniture already: the character the wrap cut off it is
    # still its rest, no headline of a story of its own.
    text = "西山县夏粮喜获丰收\n（ 2026-05-12 ） 稿件来源：\n东湖晚报 调查观\n察\n本报讯 西山县今年夏粮总产再创新高。\n"
    assert reread(line_rules._meta_line_values, text, "T F F T B _") == "T F F F B _"


# _headlines_over_leads


def test_a_storys_last_short_line_over_its_closing_dateline_stays_text() -> None:
    # The guard (out[below] != "body"): a wire story closes with its dateline alone, read as the
    # credit; the short line over it (its last sentence, the full stop lost) heads nothing.
    text = "西山县夏粮喜获丰收\n西山县今年夏粮总产再创新高，亩产比去年增加三成。\n农民们笑了\n新华社西山5月12日电\n"
    codes = "T B B CR _"
    assert reread(line_rules._headlines_over_leads, text, codes) == codes


def test_the_short_line_over_a_lead_alone_read_as_a_byline_is_its_headline() -> None:
    # A city paper sets its lead alone on a line (本报讯（记者 王强）) over the story's text, and the
    # labeller reads it as a byline: the short line over it, set after a finished story, heads it.
    text = (
        "东湖区新建口袋公园十二处\n本报讯 今年以来，东湖区新建口袋公园十二处。\n\n"
        "西山县夏粮喜获丰收\n本报讯（记者 王强）\n西山县今年夏粮总产再创新高。\n"
    )
    assert reread(line_rules._headlines_over_leads, text, "T B _ B BY B _") == "T B _ T BY B _"


@pytest.mark.parametrize(
    "closing", ["新华社西山5月12日电", "（记者 王强）"], ids=["dateline-alone", "credit-in-brackets"]
)
def test_the_short_line_over_a_storys_close_read_as_a_byline_stays_text(closing: str) -> None:
    # A wire story's dateline alone, or a credit in brackets, closes the story above: read as a
    # byline over the next story's text, it is no lead, and the short line over it (the story's
    # last sentence, its full stop lost) heads nothing.
    text = f"西山县夏粮喜获丰收\n西山县今年夏粮总产再创新高，亩产比去年增加三成。\n农民们笑了\n{closing}\n东湖区今年新建口袋公园十二处。\n"
    codes = "T B B BY B _"
    assert reread(line_rules._headlines_over_leads, text, codes) == codes


def test_a_short_line_over_a_lead_after_a_box_set_apart_that_ends_no_sentence_is_its_headline() -> None:
    # A weather box's last line closes no sentence (…最高气温12℃), but a blank line sets it apart and
    # it falls short of any wrap: it ended, and the short line over the next lead heads a story.
    text = (
        "明日天气\n明天白天：晴转多云，北风2到3级，最高气温12℃\n\n"
        "全民健身步道年底建成\n本报讯（记者 赵敏）沿东江两岸的全民健身步道年底将全线建成。\n"
    )
    assert reread(line_rules._headlines_over_leads, text, "T B _ B B _") == "T B _ T B _"


_LONG_WEATHER = "明天白天：晴转多云，北风2到3级，最高气温12℃，最低气温2℃，空气质量良，适宜户外活动和晾晒衣物"


@pytest.mark.parametrize(
    ("above", "codes"),
    [
        ("明天白天：晴转多云，北风2到3级，", "B B _ B B _"),  # it runs on: a comma
        (_LONG_WEATHER, "B B B B _"),  # no blank line between
    ],
    ids=["runs-on", "no-gap"],
)
def test_a_short_line_over_a_lead_under_a_line_that_goes_on_stays_text(above: str, codes: str) -> None:
    gap = "\n\n" if codes.count("_") == 2 else "\n"
    text = f"今天夜里：晴，北风3到4级。\n{above}{gap}全民健身步道年底建成\n本报讯（记者 赵敏）沿东江两岸的全民健身步道年底将全线建成。\n"
    assert reread(line_rules._headlines_over_leads, text, codes) == codes


def test_a_short_line_over_a_closing_dateline_after_a_gap_stays_text() -> None:
    # A wire story closes with its dateline alone: the short line over it is its last sentence, the
    # full stop lost, under the paragraph's piece a blank line set apart.
    text = "东湖区今年新建口袋公园十二处。\n市民休闲多了去处\n\n健身步道年底建成\n新华社东湖4月28日电\n"
    assert reread(line_rules._headlines_over_leads, text, "B B _ B B _") == "B B _ B B _"


def test_a_short_line_over_a_lead_under_a_hard_wraps_full_line_across_a_gap_stays_text() -> None:
    # On a page hard-wrapped at 14 characters a line that fills the width goes on under it, a blank
    # line between or not: the short line is the paragraph's tail, over the next story's lead.
    full = "东湖区今年新建口袋公园十二"
    paragraph = "\n".join([full] * 8)
    text = f"{paragraph}\n\n处市民休闲多了去处\n本报讯（记者 赵敏）沿东江两岸步道年底建成。\n"
    codes = " ".join(["B"] * 8 + ["_", "B", "B", "_"])
    assert reread(line_rules._headlines_over_leads, text, codes) == codes


# _subtitles_set_far_apart


@pytest.mark.parametrize(
    ("text", "codes", "expected"),
    [
        # a photo's headline with no text under it, three blank lines, the next story's headline
        (
            "东湖湿地迎来越冬候鸟\n\n\n\n在全市冬季运动会开幕式上的致辞\n（2026年11月20日）\n尊敬的各位来宾：\n",
            "T _ _ _ S S B _",
            "T _ _ _ T S B _",
        ),
        (
            "东湖湿地迎来越冬候鸟\n\n\n在全市冬季运动会开幕式上的致辞\n尊敬的各位来宾：\n",
            "T _ _ S B _",
            "T _ _ T B _",
        ),
        # one blank line between: the headline's own subtitle
        (
            "东湖湿地迎来越冬候鸟\n\n首批三千只白鹭抵达\n本报讯 东湖湿地迎来越冬候鸟。\n",
            "T _ S B _",
            "T _ S B _",
        ),
        # under text: no header line above it to be set apart from
        ("本报讯 东湖湿地迎来越冬候鸟。\n\n\n\n首批三千只白鹭抵达\n", "B _ _ _ S _", "B _ _ _ S _"),
        # at the page's top: nothing above it
        ("\n\n\n首批三千只白鹭抵达\n本报讯 东湖湿地迎来越冬候鸟。\n", "_ _ _ S B _", "_ _ _ S B _"),
        # under a header of two lines: read column by column, a page may leave its subtitle so far
        (
            "东湖湿地\n迎来越冬候鸟\n\n\n\n首批三千只白鹭抵达\n本报讯 东湖湿地迎来越冬候鸟。\n",
            "K T _ _ _ S B _",
            "K T _ _ _ S B _",
        ),
        # the headline on the page's first line, a header line at its foot: nothing over the headline
        (
            "东湖湿地迎来越冬候鸟\n\n\n\n首批三千只白鹭抵达\n本报讯 东湖湿地迎来越冬候鸟。\n西山县",
            "T _ _ _ S B K",
            "T _ _ _ T B K",
        ),
    ],
    ids=["three-blanks", "two-blanks", "one-blank", "under-text", "page-top", "under-a-block", "first-line"],
)
def test_a_subtitle_set_two_blank_lines_or_more_under_a_headline_is_a_headline(
    text: str, codes: str, expected: str
) -> None:
    assert reread(line_rules._subtitles_set_far_apart, text, codes) == expected


# _headline_decks_over_leads

_DECKS = (
    "省府召开常务会议\n通过要案多件\n建设厅提修筑公路案 决议照准\n（本报讯）省政府昨日上午举行常务会议。\n"
)


def test_the_short_lines_between_a_headline_and_its_lead_are_its_decks() -> None:
    # A headline printed in decks: the labeller, which met one subtitle at most, read the second
    # and third as text.
    assert reread(line_rules._headline_decks_over_leads, _DECKS, "T B B B _") == "T S S B _"
    # a lead read as a byline (alone on its line) is a lead all the same
    text = "省府召开常务会议\n通过要案多件\n本报讯（记者 王强）\n省政府昨日上午举行常务会议。\n"
    assert reread(line_rules._headline_decks_over_leads, text, "T B BY B _") == "T S BY B _"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # the line under the decks opens no story: a crosshead and the story's text go on
        ("省府召开常务会议\n通过要案多件\n会议听取了各厅工作汇报。\n", "T B B _"),
        # over the short lines stands text, not a headline (_headlines_over_leads reads such a line)
        ("会议听取了各厅工作汇报。\n通过要案多件\n（本报讯）省政府昨日上午举行常务会议。\n", "B B B _"),
        # four lines are more decks than a paper sets: a column's items
        (
            "速览\n东湖\n西山\n南城\n北城\n（本报讯）省政府昨日上午举行常务会议。\n",
            "T B B B B B _",
        ),
        # a line that sums up a brief with a clause's comma inside is no deck
        (
            "速览\n东湖\n东湖区推出十项便民措施，涉及交通和医疗\n（本报讯）东湖区昨日推出十项便民措施。\n",
            "T B B B _",
        ),
        # nor one longer than a headline's line (a page without punctuation sums it up so)
        (
            "速览\n东湖\n东湖区推出十项便民措施涉及交通医疗教育养老等八个方面\n（本报讯）东湖区昨日推出十项便民措施。\n",
            "T B B B _",
        ),
        # a reporter's line is no deck (could_head)
        ("省府召开常务会议\n本报记者 王强\n（本报讯）省政府昨日上午举行常务会议。\n", "T B B _"),
        # a line that runs on into the next is text
        ("省府召开常务会议\n会议作出如下决定：\n（本报讯）省政府昨日上午举行常务会议。\n", "T B B _"),
        # short lines at the page's top have no headline over them (not the page's last line)
        ("通过要案多件\n（本报讯）省政府昨日上午举行常务会议。\n西山县夏粮喜获丰收\n", "B B T _"),
        # a wire story's closing dateline, read as a credit, opens no story
        ("省府召开常务会议\n会议通过要案多件\n新华社北京5月3日电\n", "T B CR _"),
    ],
    ids=[
        "no-lead",
        "no-headline",
        "four-lines",
        "comma",
        "long",
        "reporter",
        "runs-on",
        "page-top",
        "closing-dateline",
    ],
)
def test_short_lines_over_a_lead_that_are_no_decks_stay_as_read(text: str, codes: str) -> None:
    assert reread(line_rules._headline_decks_over_leads, text, codes) == codes


# _headline_tails_over_bylines


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # The guard (roles[below] != "byline"): no byline under it: a poem's first line under its
        # column's name and title.
        ("东湖诗页\n春到东湖\n春风吹过东湖\n湖水绿了\n湖边的孩子跑远了\n", "K T B B B _"),
        # The guard (above != index - 1): set apart from the headline by a blank line, a round-up's
        # part heading over its reporter.
        (
            "坚持项目为王\n东湖区重点项目\n\n开局就是冲刺\n本报记者 王明\n今年以来，东湖区重点项目建设加速推进。\n",
            "T T _ B BY B _",
        ),
        # The guard (below != index + 1): set apart from the byline by a blank line, no piece of a
        # block the column broke.
        (
            "坚持项目为王\n东湖区重点项目\n本期导读\n\n本报记者 王明\n今年以来，东湖区重点项目建设加速推进。\n",
            "T T B _ BY B _",
        ),
        # The guard (headline_shaped): a sentence, the story's summary under its headline.
        (
            "坚持项目为王\n东湖区重点项目\n今年全区重点项目全部开工。\n本报记者 王明\n今年以来，东湖区重点项目建设加速推进。\n",
            "T T B BY B _",
        ),
        # The guard (filled[place - 2] != above - 1): the two headline lines over it are set apart by
        # a blank line, no headline a column broke.
        (
            "东湖区重点项目巡礼\n\n坚持项目为王\n开局就是冲刺\n本报记者 王明\n今年以来，东湖区重点项目建设加速推进。\n",
            "T _ T B BY B _",
        ),
        # The guard (roles[filled[place - 2]] not in HEADER_ROLES): a headline of one line under the
        # story above, over a round-up's part heading and its reporter.
        (
            "西山县夏粮总产再创新高。\n东湖区各地迎新春\n年货市场人气旺\n本报记者 王明\n春节临近，东湖区各大年货市场人头攒动。\n",
            "B T B BY B _",
        ),
    ],
)
def test_a_short_line_under_a_headline_that_no_broken_headline_ends_stays_text(text: str, codes: str) -> None:
    # Only the third line of a block a narrow column broke (two headline lines right over it, the
    # byline right under it) is the headline's last piece.
    assert reread(line_rules._headline_tails_over_bylines, text, codes) == codes


# _headlines_read_as_furniture

_UNDER_THE_PAGES_HEADER = "东湖日报 2026年5月12日 星期二 A3 县域\n\n{line}\n本报记者 王明 通讯员 李华\n今年以来，西山县新建学校五所。\n"


@pytest.mark.parametrize(
    "line",
    [
        # The guard (headline_shaped): a sentence, the paper's call for letters
        "欢迎读者朋友们踊跃来信来稿。",
        # The guard (a figure): the page's weather, which no furniture rule reads
        "晴转多云 18℃～26℃",
        # The guard (a field's label): a piece of a meta line OCR spaced out
        "日 来 源 ： 东 湖 晚 报",
    ],
)
def test_furniture_set_apart_over_a_byline_that_heads_no_story_stays_furniture(line: str) -> None:
    codes = "F _ F BY B _"
    assert (
        reread(line_rules._headlines_read_as_furniture, _UNDER_THE_PAGES_HEADER.format(line=line), codes)
        == codes
    )


def test_a_headline_counting_things_set_apart_under_the_pages_header_is_a_headline() -> None:
    # A figure makes a line furniture where it dates, pages, times or measures (the weather above);
    # a headline counts things.
    text = _UNDER_THE_PAGES_HEADER.format(line="西山县新建5所学校")
    assert reread(line_rules._headlines_read_as_furniture, text, "F _ F BY B _") == "F _ T BY B _"


# _headlines_over_bylines

_BYLINED_STORIES = (
    "西山县夏粮喜获丰收\n本报记者 王明\n"
    "\u3000\u3000记者从西山县农业局获悉，今年全县夏粮总产再创新高。\n"
    "\u3000\u3000全县小麦平均亩产比去年增加五十公斤。\n\n"
    "{heads}\n本报记者 李华\n"
    "\u3000\u3000入夏以来，东湖区新建口袋公园十二处。\n"
    "\u3000\u3000居民们说，出门就能见绿了。\n"
)


def test_a_line_read_as_furniture_over_a_flush_headline_is_no_kicker() -> None:
    # The guard (out[at] != "body"): only lines read as text are taken for the new story's headline
    # and kicker; the page's section name over the headline stays furniture.
    text = _BYLINED_STORIES.format(heads="县域新闻\n东湖区公园多了")
    assert reread(line_rules._headlines_over_bylines, text, "T BY B B _ F B BY B B _") == (
        "T BY B B _ F T BY B B _"
    )


def test_a_writers_line_read_as_text_under_a_flush_short_line_is_the_storys_byline() -> None:
    # A commentary's writer (文/李华) under its headline, both read as text after the story above:
    # the writer's line is a byline, and the line over it the next story's headline.
    text = _BYLINED_STORIES.format(heads="东湖区公园多了").replace("本报记者 李华", "文/李华")
    assert reread(line_rules._headlines_over_bylines, text, "T BY B B _ B B B B _") == (
        "T BY B B _ T BY B B _"
    )


def test_a_closing_credit_naming_a_reporter_stays_the_credit() -> None:
    # The guard (role == "body"): only a line read as text is taken for a writer's line; a story's
    # closing credit read as one names the reporter of the story above, and the line over it stays
    # that story's text
    text = (
        "西山县夏粮喜获丰收\n本报记者 王明\n"
        "\u3000\u3000记者从西山县农业局获悉，今年全县夏粮总产再创新高。\n"
        "全县小麦平均亩产比去年增加五十公斤\n本报记者 李华\n"
        "\u3000\u3000入夏以来，东湖区新建口袋公园十二处。\n"
        "\u3000\u3000居民们说，出门就能见绿了。\n"
    )
    codes = "T BY B B CR B B _"
    assert reread(line_rules._headlines_over_bylines, text, codes) == codes


def test_a_flush_sentence_over_a_flush_byline_stays_text() -> None:
    # The guard (not heads): a line that ends a sentence heads nothing, and with no headline found
    # there is nothing to read (without the guard the rule fails on an empty list).
    text = _BYLINED_STORIES.format(heads="东湖区的公园多了。")
    codes = "T BY B B _ B BY B B _"
    assert reread(line_rules._headlines_over_bylines, text, codes) == codes


def test_a_letters_indented_signature_over_a_flush_headline_is_no_kicker() -> None:
    # The guard (lines[at].indented): only flush lines are the new story's headline and kicker; the
    # signature closing the letter above is indented as its text, and stays text.
    text = (
        "小区路灯何时能修好\n"
        "\u3000\u3000编辑同志：小区里的路灯已经坏了两个多月，希望有关部门尽快维修。\n"
        "\u3000\u3000东湖区读者 王明\n"
        "东湖区公园多了\n本报记者 李华\n"
        "\u3000\u3000入夏以来，东湖区新建口袋公园十二处。\n"
        "\u3000\u3000居民们说，出门就能见绿了。\n"
    )
    assert reread(line_rules._headlines_over_bylines, text, "T B B B BY B B _") == "T B B T BY B B _"


def test_a_flush_line_under_a_paragraph_that_runs_on_stays_text() -> None:
    # The guard (the line over the heads must close what it belongs to): under a paragraph's line
    # that ends no sentence the flush short line is that paragraph's rest, no new story's headline.
    text = (
        "西山县夏粮喜获丰收\n本报记者 王明\n"
        "\u3000\u3000记者从西山县农业局获悉，今年全县夏粮总产再创新高，小麦平均亩产比去年增加了\n"
        "五十多公斤\n本报记者 李华\n"
        "\u3000\u3000入夏以来，东湖区新建口袋公园十二处。\n"
        "\u3000\u3000居民们说，出门就能见绿了。\n"
    )
    codes = "T BY B B BY B B _"
    assert reread(line_rules._headlines_over_bylines, text, codes) == codes


# _wrapped_datelines, _dateline_cut_at
@pytest.mark.parametrize(
    ("head", "tail", "cut"),
    [
        ("本报东湖新区3月11", "日电（记者王明远）近", True),
        ("本报东湖", "新区3月11日电 近日，", True),
        ("据新华社西港3月", "11日电 近日，", True),
        ("本报讯", "（记者王明远）近日，", False),  # a dateline of its own, whole
        ("新华社东湖3月1", "1日电", False),  # a story's closing dateline: it opens nothing
        # a headline over a whole dateline, which the two run together pass for a paper's name
        # and its dateline (赵明出席新华社 as 某某社)
        ("赵明出席", "新华社东湖3月11日电（记者王明远）", False),
        ("东湖新区建成三座口袋公园", "近日，东湖新区三座口袋", False),
    ],
)
def test_a_line_is_a_datelines_first_piece_only_where_the_dateline_runs_past_it(
    head: str, tail: str, cut: bool
) -> None:
    assert line_rules._dateline_cut_at(lines_of([head, tail]), 0) is cut
    assert not line_rules._dateline_cut_at(lines_of([head, tail]), 1)  # the page's last line


# _leads_read_as_other_roles


def test_a_headlines_line_that_opens_with_a_lead_and_goes_on_is_text_on_any_page() -> None:
    text = (
        "东湖机场新航站楼启用\n本报讯 新航站楼日前启用。\n新航站楼面积是老航站楼的三倍，旅客出行更加便捷。\n"
    )
    assert reread(line_rules._leads_read_as_other_roles, text, "T S B _") == "T B B _"


def test_a_lead_alone_on_a_headlines_line_stays_as_read() -> None:
    # The guard (the line goes on into the text after its lead): a lead alone on its line (a
    # dateline and its reporter, read as the subtitle) is left to the rules of bylines.
    text = "东湖机场新航站楼启用\n本报讯（记者 王明远）\n新航站楼面积是老航站楼的三倍，旅客出行更加便捷。\n"
    assert reread(line_rules._leads_read_as_other_roles, text, "T S B _") == "T S B _"


@pytest.mark.parametrize(
    ("after", "codes", "read"),
    [
        ("", "T F F _", "T F B _"),  # at the page's foot
        ("西山县夏粮喜获丰收\n本报讯 西山县今年夏粮总产再创新高。\n", "T F F T B _", "T F B T B _"),
    ],
)
def test_a_lead_read_as_furniture_with_no_text_after_it_is_text(after: str, codes: str, read: str) -> None:
    # A story of one paragraph under a web page's meta line: the labeller read its lead as furniture.
    text = "东湖公园荷花节开幕\n发布时间：2026-05-12 10:00 来源：东湖日报\n本报讯（记者 戚华明）荷花节昨日开幕。\n"
    assert reread(line_rules._leads_read_as_other_roles, text + after, codes) == read


def test_a_meta_line_that_opens_with_a_lead_stays_furniture() -> None:
    text = "东湖公园荷花节开幕\n新华社北京5月12日电 发布时间：2026-05-12 10:00 来源：新华网\n"
    assert reread(line_rules._leads_read_as_other_roles, text, "T F _") == "T F _"


# _photo_credits_read_as_headlines


def test_a_photo_credit_with_its_source_read_as_text_stays_text() -> None:
    # The guard (only a line read as a headline's): inside a picture story the labeller reads
    # the credit as its text, which the assembler reads as a credit where it closes the story.
    text = "东湖湿地迎来候鸟\n图为候鸟在东湖湿地觅食。\n王明远摄（新华社发）\n候鸟数量比去年增加了一成。\n"
    assert reread(line_rules._photo_credits_read_as_headlines, text, "T B B B _") == "T B B B _"


# _time_clauses_read_as_headlines


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a clause alone over the text: the headline, whatever it says
        ("在植树节到来之际\n本报讯 近日，全市干部群众参加义务植树。\n", "T B _"),
        # a clause under a kicker: the block's first line is the kicker already
        (
            "东湖新区\n在植树节到来之际\n全市干部群众参加义务植树\n本报讯 近日，全市干部群众参加义务植树。\n",
            "K T S B _",
        ),
        # a paragraph's line a wrap cut as a clause, read as text over the next headline
        (
            "湖边的柳树已经发芽，\n当游人走进东湖公园时\n东湖新区建成三座口袋公园\n本报讯 近日，新区三座口袋公园建成开放。\n",
            "B B T B _",
        ),
        # a clause under its headline, as the corpus's paper prints it
        ("全市干部群众参加义务植树\n在植树节到来之际\n本报讯 近日，全市干部群众参加义务植树。\n", "T S B _"),
    ],
)
def test_a_clause_of_time_is_a_kicker_only_as_a_blocks_first_line_over_another(text: str, codes: str) -> None:
    assert reread(line_rules._time_clauses_read_as_headlines, text, codes) == codes


# _headlines_over_writers_names

_SUPPLEMENT = (
    "东昌日报 2026年3月12日 星期四 第8版 副刊\n\n"
    "春天的河\n王青青\n\n河水醒了\n冰层下的声音\n像母亲在厨房里\n轻轻哼着的歌\n"
    "{head}\n{name}\n"
    "\u3000\u3000小时候，过年是从腊月二十三开始的。那一天，母亲要把屋子打扫一遍。\n"
    "\u3000\u3000如今，我离开故乡已经二十年了，每到年关总会想起那条土路。\n"
)
_SUPPLEMENT_READ = "F _ F B _ B B B B"  # as the labeller reads it


def test_a_flush_title_over_a_flush_writers_name_heads_a_supplements_piece() -> None:
    # A poem's title right under the page's head (read as furniture) and an essay's title under
    # the poem's last line, which ends no sentence, across a blank line: each over its writer's
    # name alone, both read as text.
    text = _SUPPLEMENT.format(head="\n故乡的年味", name="李明")
    assert reread(line_rules._headlines_over_writers_names, text, f"{_SUPPLEMENT_READ} _ B B B B _") == (
        "F _ T BY _ B B B B _ T BY B B _"
    )


def _read_as_text_after_the_poem(text: str) -> str:
    """The supplement's codes as the labeller reads it: every line after the poem's title as text."""
    after = text.split("\n")[len(_SUPPLEMENT_READ.split()) :]
    return " ".join([_SUPPLEMENT_READ, *("B" if line else "_" for line in after)])


@pytest.mark.parametrize(
    ("head", "name"),
    [
        ("故乡的年味", "李明"),  # right under the poem's last line, which runs on
        ("\n\u3000\u3000故乡的年味", "李明"),  # an indented line: a paragraph's
        ("\n故乡的年味", "\u3000\u3000李明"),  # an indented name: a paragraph's
        ("\n故乡的年味", "\n李明"),  # a blank line between
        ("\n故乡的年味，", "李明"),  # a line that runs on
        ("\n——故乡的年味", "李明"),  # a subtitle's dash
        ("\n东昌日报 第8版", "李明"),  # the page's furniture
        ("\n故乡的年味", "本期导读"),  # no name
    ],
)
def test_only_a_flush_headline_over_a_flush_name_after_a_close_heads_a_piece(head: str, name: str) -> None:
    text = _SUPPLEMENT.format(head=head, name=name)
    codes = _read_as_text_after_the_poem(text)
    # the poem's title and its writer are read, the lines given here left as they were read
    assert reread(line_rules._headlines_over_writers_names, text, codes) == codes.replace(
        "F _ F B", "F _ T BY", 1
    )


_ESSAY = (
    "\u3000\u3000小时候，过年是从腊月二十三开始的。那一天，母亲要把屋子打扫一遍。\n"
    "\u3000\u3000如今，我离开故乡已经二十年了，每到年关总会想起那条土路。\n"
)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # the line over the name read as a subtitle: a headline's second line, not a new piece's
        (f"东湖的春天\n故乡的年味\n李明\n{_ESSAY}", "T S B B B _"),
        # under the name a headline, not the piece's text
        (f"东湖的春天\n王青青\n新春走基层\n{_ESSAY}", "B B T B B _"),
        # a page that sets its paragraphs flush: a flush line stands out from nothing
        (
            _SUPPLEMENT.format(head="\n故乡的年味", name="李明").replace("\u3000", ""),
            "F _ F B _ B B B B _ B B B B _",
        ),
    ],
)
def test_a_name_line_heads_no_piece_under_a_subtitle_over_a_headline_or_on_a_flush_page(
    text: str, codes: str
) -> None:
    assert reread(line_rules._headlines_over_writers_names, text, codes) == codes


# _wrapped_bylines


def test_a_reporters_line_a_column_cut_before_the_name_is_the_byline() -> None:
    # A narrow column cut the reporter's line before the name (本报记者 / 刘明), both read as text
    # under the headline: the byline, not a headline over a name.
    text = (
        "给劳模建一个家\n——东湖劳模馆开馆十年记\n本报记者\n刘明\n"
        "\u3000\u3000东湖劳模馆今年迎来开馆十周年。\n\u3000\u3000十年前，纪念馆在东湖落成。\n"
    )
    codes = "T S B B B B _"
    assert reread(line_rules._wrapped_bylines, text, codes) == "T S BY BY B B _"


@pytest.mark.parametrize("read", ["F T", "BY B", "B B"])
def test_a_co_writer_a_column_cut_onto_a_line_of_their_own_is_in_the_byline(read: str) -> None:
    # 新华社记者 王明远 / 李华: the byline is whole without the last name, which was read as the
    # headline's or as the story's first text.
    text = "东湖新区建成三座口袋公园\n新华社记者 王明远\n李华\n\u3000\u3000近日，东湖新区三座口袋公园建成开放。\n"
    assert reread(line_rules._wrapped_bylines, text, f"T {read} B _") == "T BY BY B _"


def test_a_headline_under_a_whole_byline_is_no_piece_of_it() -> None:
    # The guard (a whole byline is joined only by a name alone): the next story's headline under a
    # story's closing byline stays its headline.
    text = "新华社记者 王明远\n东湖夜色\n\u3000\u3000入夏以来，东湖夜市人气渐旺。\n"
    assert reread(line_rules._wrapped_bylines, text, "BY T B _") == "BY T B _"


# _couplets_under_kickers, _matched_halves


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # no kicker over them: a headline over its subtitle as often as one headline in two halves
        ("坚定信心真抓实干\n奋力开创发展新局面\n本报讯 3月11日，市委召开会议。\n", "T S B _"),
        # a subtitle with a mark in it
        (
            "市委召开会议强调\n坚定信心真抓实干\n——奋力开创发展新局面\n本报讯 3月11日，市委召开会议。\n",
            "K T S B _",
        ),
        (
            "市委召开会议强调\n坚定信心真抓实干\n奋力开创，再创辉煌\n本报讯 3月11日，市委召开会议。\n",
            "K T S B _",
        ),
        # halves of lengths far apart: who attended, under the headline
        (
            "市委召开会议强调\n坚定信心奋力开创发展新局面\n王明远出席\n本报讯 3月11日，市委召开会议。\n",
            "K T S B _",
        ),
        # a half shorter than five characters
        ("东湖新区\n一网通办\n高效便民\n本报讯 3月11日，东湖新区政务服务中心启用。\n", "K T S B _"),
        # halves longer than sixteen characters each
        (
            "市委召开会议强调\n坚定信心真抓实干奋力开创高质量发展的新局面\n"
            "凝心聚力攻坚克难全面推进中国式现代化的建设\n本报讯 3月11日，市委召开会议。\n",
            "K T S B _",
        ),
        # read as a kicker of two lines over a headline: a kicker a wrap broke in two, not ending
        # as a report of what was said does
        (
            "东湖区人大常委会开会\n坚定信心真抓实干\n奋力开创发展新局面\n本报讯 3月11日，东湖区人大常委会开会。\n",
            "K K T B _",
        ),
        # ... under a kicker that reports what was said, but the headline goes on under them
        (
            "市委召开会议强调\n坚定信心真抓实干\n奋力开创发展新局面\n再创东湖新辉煌\n本报讯 3月11日，市委召开会议。\n",
            "K K T T B _",
        ),
        # the halves under a kicker read as kicker and text, or as kicker and subtitle
        (
            "市委召开会议强调\n坚定信心真抓实干\n奋力开创发展新局面\n本报讯 3月11日，市委召开会议。\n",
            "K K B B _",
        ),
        (
            "市委召开会议强调\n坚定信心真抓实干\n奋力开创发展新局面\n本报讯 3月11日，市委召开会议。\n",
            "K K S B _",
        ),
        # the lines read as a headline over its subtitle under a line of text
        (
            "会议由市长主持\n坚定信心真抓实干\n奋力开创发展新局面\n本报讯 3月11日，市委召开会议。\n",
            "B T S B _",
        ),
    ],
)
def test_only_two_matched_halves_under_a_kicker_are_one_headline(text: str, codes: str) -> None:
    assert reread(line_rules._couplets_under_kickers, text, codes) == codes


@pytest.mark.parametrize("codes", ["K T S B _", "K K T B _"])
def test_two_matched_halves_under_a_kicker_are_one_headline(codes: str) -> None:
    text = "市委召开会议强调\n坚定信心真抓实干\n奋力开创发展新局面\n本报讯 3月11日，市委召开会议。\n"
    assert reread(line_rules._couplets_under_kickers, text, codes) == "K T T B _"


def test_two_matched_halves_under_a_kicker_at_the_pages_end_are_one_headline() -> None:
    text = "市委召开会议强调\n坚定信心真抓实干\n奋力开创发展新局面"
    assert reread(line_rules._couplets_under_kickers, text, "K K T") == "K T T"


# _headline_tails_read_as_headlines


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a kicker that ends with a dash, over a short headline
        ("守护候鸟二十年，东湖湿地护鸟员——\n与鸟为伴\n本报讯 近日，记者走进东湖湿地。\n", "K T B _"),
        ("东湖湿地的护鸟员们说：\n与鸟为伴\n本报讯 近日，记者走进东湖湿地。\n", "K T B _"),
        # a kicker of nine characters
        ("东湖湿地护鸟员九年\n与鸟为伴\n本报讯 近日，记者走进东湖湿地。\n", "K T B _"),
        # a headline of five characters
        ("守护候鸟二十年的东湖湿地护鸟员\n与候鸟为伴\n本报讯 近日，记者走进东湖湿地。\n", "K T B _"),
        # a headline broken after its first words under a long kicker
        (
            "守护候鸟二十年的东湖湿地护鸟员\n与鸟为伴\n守护一片湿地\n本报讯 近日，记者走进东湖湿地。\n",
            "K T T B _",
        ),
        # a long line of text over a short headline; a long kicker over a short line of text
        ("守护候鸟二十年的东湖湿地护鸟员\n与鸟为伴\n本报讯 近日，记者走进东湖湿地。\n", "B T B _"),
        ("守护候鸟二十年的东湖湿地护鸟员\n与鸟为伴\n本报讯 近日，记者走进东湖湿地。\n", "K B B _"),
        # a long headline over a short subtitle
        ("守护候鸟二十年的东湖湿地护鸟员\n与鸟为伴\n本报讯 近日，记者走进东湖湿地。\n", "T S B _"),
    ],
)
def test_only_a_long_kicker_over_a_headline_of_a_few_characters_is_one_headline(
    text: str, codes: str
) -> None:
    assert reread(line_rules._headline_tails_read_as_headlines, text, codes) == codes


def test_a_long_kicker_over_a_headline_of_a_few_characters_is_one_headline() -> None:
    text = "守护候鸟二十年的东湖湿地护鸟员\n与鸟为伴\n本报讯 近日，记者走进东湖湿地。\n"
    assert reread(line_rules._headline_tails_read_as_headlines, text, "K T B _") == "T T B _"


# _document_titles_read_as_subtitles


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a subtitle that opens with 关于 but names no kind of document
        ("东湖区举办读书节\n关于阅读的十二个故事\n本报讯 读书节昨日开幕。\n", "T S B _"),
        # a subtitle that names a document without 关于
        ("市政府出台新规\n东湖市物业管理办法\n本报讯 新规昨日公布。\n", "T S B _"),
        # a subtitle that names a document by its kind without 关于
        ("市政府出台新规\n各区拿出治理停车难的方案\n本报讯 新规昨日公布。\n", "T S B _"),
        # a subtitle's first line over the document's title, both read as the subtitle
        ("市委召开常委会\n审议通过\n关于加强基层治理的意见\n本报讯 市委近日召开常委会。\n", "T S S B _"),
        # a document's title read as a headline under its kicker already
        ("市委印发\n关于加强基层治理的意见\n本报讯 市委近日印发意见。\n", "K T B _"),
        # a document's title read as text
        ("市委印发意见\n关于加强基层治理的意见\n本报讯 市委近日印发意见。\n", "T B B _"),
    ],
)
def test_only_a_documents_title_read_as_a_subtitle_is_read_as_the_headline(text: str, codes: str) -> None:
    assert reread(line_rules._document_titles_read_as_subtitles, text, codes) == codes


def test_a_documents_title_read_as_a_subtitle_is_the_headline_under_its_issuer() -> None:
    text = "东湖市自然资源和规划局\n关于东湖新区B-12地块规划调整的公示\n现将有关事项予以公示。\n"
    assert reread(line_rules._document_titles_read_as_subtitles, text, "T S B _") == "K T B _"


# _meta_sources_cut, _source_cut_before


def test_a_headline_under_a_meta_line_that_names_its_paper_whole_stays_a_headline() -> None:
    # The guard (the line read as furniture names no paper yet): a meta line that names its paper
    # whole names it still with any line run on after it, so the headline under it would pass for
    # the rest of the source.
    text = "（ 2026-05-01 ） 稿件来源：东江日报 要闻\n\n新春走基层 记者进社区\n本报记者 王明远\n近日，记者走进东江新区。\n"
    codes = "F _ T BY B _"
    assert reread(line_rules._meta_sources_cut, text, codes) == codes


def test_a_meta_lines_source_under_a_piece_with_no_label_is_left_to_the_pieces_rules() -> None:
    # The guard (the line above holds the source's label): a meta line cut three times, the date
    # alone over the source, is no source cut inside the paper's name; the rules of a meta line's
    # pieces read it whole or not at all, and one piece read alone would leave the others as
    # headlines of their own (际).
    text = "（ 2026-05-01 ）\n\n稿件来源：东江都市日报 国\n\n际\n"
    codes = "F _ T _ T _"
    assert reread(line_rules._meta_sources_cut, text, codes) == codes


def test_a_headline_under_a_spaced_out_meta_line_cut_in_its_paper_stays_a_headline() -> None:
    # The guard (run together, the two name a paper): a spaced-out meta line cut inside the
    # paper's name, then a blank line and the next story's headline, which opens with 市 but
    # names no paper with the piece above, at a 报 or anywhere.
    text = "（ 2 0 2 6 - 0 5 - 0 1 ） 稿 件 来 源 ： 东 江 都\n\n市 区 新 建 口 袋 公 园\n本报记者 王明远\n近日，东江新区三座口袋公园建成开放。\n"
    codes = "F _ T BY B _"
    assert reread(line_rules._meta_sources_cut, text, codes) == codes


@pytest.mark.parametrize(
    "meta",
    [
        "2026-05-01 20:37:09 来源：东江晨报",  # a meta line that names no section ends with its paper
        "（ 2026-05-01 ） 稿件来源：东江都市日报 要闻",  # ... or one that names its section
    ],
)
def test_a_label_under_a_meta_line_ending_with_its_paper_over_text_stays_as_read(meta: str) -> None:
    # The guard (a section by its name, or over the reporter's line): a label of the story's own
    # (编者的话) under a meta line that ends with its paper, over the story's text, is no section
    # a wrap cut off.
    text = f"{meta}\n\n编者的话\n东湖区今年新建口袋公园十二座，居民出门五分钟就能走进绿地。\n"
    codes = "F _ B B _"
    assert reread(line_rules._meta_sources_cut, text, codes) == codes


def test_a_headline_under_a_meta_line_that_names_its_section_stays_a_headline() -> None:
    # The guard (the meta line ends with its paper): one that names its section too, as some
    # sites print it over the headline, has none cut off; the short line under it over the
    # reporter's line is the story's headline.
    text = "（ 2026-05-01 ） 稿件来源：东江都市日报 要闻\n\n春到田间\n本报记者 王明远\n近日，东江新区春耕正忙。\n"
    codes = "F _ T BY B _"
    assert reread(line_rules._meta_sources_cut, text, codes) == codes


# _headlines_over_captions

_CAPTIONED = "区园林局负责人介绍，明年还将再建八处。\n{head}\n{caption}\n{credit}\n西山县夏粮喜获丰收\n本报讯 西山县今年夏粮总产再创新高。\n"
_CAPTION = "6月12日，游客在东湖公园赏荷。时下正值荷花盛开。"


def _captioned(head: str = "荷香满园", caption: str = _CAPTION, credit: str = "本报记者 王明远摄") -> str:
    return _CAPTIONED.format(head=head, caption=caption, credit=credit)


def test_a_photo_storys_headline_over_its_caption_and_credit_is_found() -> None:
    assert reread(line_rules._headlines_over_captions, _captioned(), "B B B CR T B _") == "B T B CR T B _"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # read as a kicker already (role guard)
        (_captioned(), "B K B CR T B _"),
        # longer than a photo story's headline
        (_captioned(head="东湖公园荷花盛开吸引市民前来"), "B B B CR T B _"),
        # a clause's mark: a sentence's piece
        (_captioned(head="荷塘，月色"), "B B B CR T B _"),
        # a credit's last word: a picture's source, not its headline
        (_captioned(head="资料照片"), "B B B CR T B _"),
        (_captioned(head="新华社发"), "B B B CR T B _"),
        # a caption's label or number, its marks lost
        (_captioned(head="图片说明"), "B B B CR T B _"),
        (_captioned(head="图②东湖公园"), "B B B CR T B _"),
        # a name alone, a signature (could_head)
        (_captioned(head="王明远"), "B B B CR T B _"),
        # the caption's first line under the story's headline (role over it)
        ("荷香满园\n荷花盛开\n" + _CAPTION + "\n本报记者 王明远摄\n", "T B B CR _"),
        # over it a line that runs on: the line goes on the paragraph (_ends_a_story)
        ("区园林局负责人介绍，明年还将\n荷香满园\n" + _CAPTION + "\n本报记者 王明远摄\n", "B B B CR _"),
        # the line under it opens with a mark a wrap cut before (_CUT_BEFORE)
        (_captioned(caption="、游客在东湖公园赏荷。"), "B B B CR T B _"),
        # more text under it than a caption holds
        (_captioned(caption=_CAPTION * 9), "B B B CR T B _"),
        # no credit under its text: the page ends
        (
            "区园林局负责人介绍，明年还将再建八处。\n荷香满园\n" + _CAPTION + "\n时下正值荷花盛开。\n",
            "B B B B _",
        ),
        # a credit right under it, no caption between
        (
            "区园林局负责人介绍，明年还将再建八处。\n荷香满园\n本报记者 王明远摄\n西山县夏粮喜获丰收\n本报讯 西山县今年夏粮总产再创新高。\n",
            "B B CR T B _",
        ),
        # a writer's credit, not a photographer's
        (_captioned(credit="（记者 王明远）"), "B B B CR T B _"),
        # a line under the text read as no credit
        (_captioned(credit="本报记者 王明远摄"), "B B B B T B _"),
        (_captioned(credit="本报记者 王明远摄"), "B B B BY T B _"),
    ],
)
def test_only_a_short_line_after_a_story_over_a_caption_and_its_credit_heads_a_photo_story(
    text: str, codes: str
) -> None:
    assert reread(line_rules._headlines_over_captions, text, codes) == codes


def test_a_line_as_full_as_a_wrapped_pages_under_a_sentence_opens_a_paragraph() -> None:
    # Cut at ten characters, the paragraph's first line (no mark in it) after the last one's end,
    # over a caption-like text and a photographer's credit, is the paragraph's, not a headline.
    text = (
        "东湖区新建口袋公园十二处\n今年以来东湖区新建口\n袋公园十二处市民出门\n就能见绿。\n"
        "区园林局负责人介绍明\n年还将再建八处让更多\n居民在家门口休闲健身\n设施也将同步配齐。\n"
        "本报记者 王明远摄\n"
    )
    codes = "T B B B B B B B CR _"
    assert reread(line_rules._headlines_over_captions, text, codes) == codes


# _headlines_of_signed_blocks, _writers_credit

_SIGNED_BLOCK = "{head}\n3月17日，全县经济工作会议召开。\n会议要求，各部门要抓好落实。\n{credit}\n"


def _signed_blocks(
    first: str = "全县经济工作会议召开", credit: str = "（记者 柳静文）", blocks: int = 2
) -> str:
    other = _SIGNED_BLOCK.format(head="南城街道春耕正当时", credit="通讯员 卢晓岚")
    return "\n".join([_SIGNED_BLOCK.format(head=first, credit=credit), *[other] * (blocks - 1)])


@pytest.mark.parametrize(
    ("text", "codes", "found"),
    [
        # at the page's top
        (_signed_blocks(), "B B B CR _ B B B BY _", "T B B CR _ T B B BY _"),
        # under the page's furniture
        (
            "东湖融媒 2026年3月18日\n\n" + _signed_blocks(),
            "F _ B B B CR _ B B B BY _",
            "F _ T B B CR _ T B B BY _",
        ),
        # the first story's headline the labeller found right under the masthead
        (
            "东湖融媒 2026年3月18日\n" + _signed_blocks(),
            "F T B B CR _ B B B BY _",
            "F T B B CR _ T B B BY _",
        ),
        # ... and under a running header after a story not signed
        (
            "东湖区多措并举保障春耕\n各乡镇闻令而动。\n\n东湖融媒 2026年3月18日\n" + _signed_blocks(),
            "T B _ F T B B CR _ B B B BY _",
            "T B _ F T B B CR _ T B B BY _",
        ),
        # after the first story, whose headline the labeller found, and a story not signed
        (
            "东湖区多措并举保障春耕\n各乡镇闻令而动。\n\n" + _signed_blocks(first="东湖新区开工十个项目"),
            "T B _ T B B CR _ B B B BY _",
            "T B _ T B B CR _ T B B BY _",
        ),
    ],
)
def test_the_short_first_line_of_a_block_a_writers_credit_closes_is_its_headline(
    text: str, codes: str, found: str
) -> None:
    assert reread(line_rules._headlines_of_signed_blocks, text, codes) == found


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # one signed block alone: a page's only story, or a round-up's part (_SIGNED_LEAST_BLOCKS)
        (_signed_blocks(blocks=1), "B B B CR _"),
        # a first line that ends a sentence is a paragraph (headline_shaped)
        (_signed_blocks(first="全县经济工作会议召开。"), "B B B CR _ T B B BY _"),
        # a lead is no headline (could_head)
        (_signed_blocks(first="本报讯 全县经济工作会议召开"), "B B B CR _ T B B BY _"),
        # the line under it read as a headline's: the first is its kicker, or a section's name
        (_signed_blocks(), "B T B CR _ T B B BY _"),
        # closed by a sentence, not a writer's credit (_writers_credit)
        (_signed_blocks(credit="会议还通报了一季度重点项目进展情况。"), "B B B B _ T B B BY _"),
        # closed by a name alone, which a sentence's last words may be too
        (_signed_blocks(credit="柳静文"), "B B B B _ T B B BY _"),
        # a block of a headline and its credit alone (read as text)
        ("全县经济工作会议召开\n（记者 柳静文）\n\n" + _signed_blocks(), "B B _ B B B CR _ T B B BY _"),
        # read as another role already (a kicker here, a page's furniture)
        (_signed_blocks(), "K B B CR _ T B B BY _"),
        # a round-up's parts, each signed, under its headline and lead: the first part opens with a
        # crosshead, not a headline the labeller found
        ("东湖区多措并举保障春耕\n各乡镇闻令而动。\n\n" + _signed_blocks(), "T B _ B B B CR _ B B B BY _"),
        # ... and under a headline set apart by a blank line: no page furniture over the parts
        ("东湖区多措并举保障春耕\n\n" + _signed_blocks(), "T _ B B B CR _ B B B BY _"),
        # a headline block over its reporter's line is no story signed at its end: the parts under it
        # stay its text
        (
            "东湖区多措并举保障春耕\n——各乡镇闻令而动\n本报记者 柳静文\n\n" + _signed_blocks(),
            "T S BY _ B B B CR _ B B B BY _",
        ),
        # a block with a credit inside is a round-up's parts: the signed blocks after it stay its text
        (
            "东湖区多措并举保障春耕\n各乡镇闻令而动。\n记者 柳静文\n西山县春耕正当时\n春耕备耕忙不停。\n"
            "通讯员 卢晓岚\n\n" + _signed_blocks(),
            "T B BY B B BY _ B B B CR _ B B B BY _",
        ),
        # ... the credit inside read as text
        (
            "东湖区多措并举保障春耕\n各乡镇闻令而动。\n（记者 柳静文）\n西山县春耕正当时\n春耕备耕忙不停。\n"
            "通讯员 卢晓岚\n\n" + _signed_blocks(),
            "T B B B B BY _ B B B CR _ B B B BY _",
        ),
    ],
)
def test_only_a_short_first_line_over_text_in_blocks_closed_by_writers_credits_is_a_headline(
    text: str, codes: str
) -> None:
    assert reread(line_rules._headlines_of_signed_blocks, text, codes) == codes


_OTHER_BLOCK = "南城街道春耕正当时\n3月17日，南城街道春耕全面展开。\n各村抓好落实。\n通讯员 卢晓岚\n"


@pytest.mark.parametrize(
    ("close", "codes", "found"),
    [
        # the story's closing dateline in brackets over its writer's line, read as a credit ...
        ("（本报东湖3月17日电）\n记者 柳静文", "T B B CR BY _ B B B BY _", "T B B CR BY _ T B B BY _"),
        # ... or as text
        ("（本报东湖3月17日电）\n记者 柳静文", "T B B B BY _ B B B BY _", "T B B B BY _ T B B BY _"),
        # ... two places named: the credit grammar reads it as a writer's credit too, which is no
        # round-up's part's credit here, right over the writer's line
        ("（本报东湖、西山3月17日电）\n记者 柳静文", "T B B B BY _ B B B BY _", "T B B B BY _ T B B BY _"),
        # a photographer's credit over the writer's line
        ("王明远 摄\n记者 柳静文", "T B B CR BY _ B B B BY _", "T B B CR BY _ T B B BY _"),
        # a writer's credit in brackets over a signature
        ("（东湖县融媒体中心 赵婷）\n文/柳静文", "T B B B BY _ B B B BY _", "T B B B BY _ T B B BY _"),
    ],
)
def test_a_story_closed_by_two_lines_over_its_writers_line_is_signed(
    close: str, codes: str, found: str
) -> None:
    text = f"全县经济工作会议召开\n3月17日，全县经济工作会议召开。\n会议要求，各部门要抓好落实。\n{close}\n\n{_OTHER_BLOCK}"
    assert reread(line_rules._headlines_of_signed_blocks, text, codes) == found


def test_a_credit_over_the_writers_line_with_no_text_over_it_signs_no_story() -> None:
    # A block of a headline, a credit and a writer's line holds no text: no story is signed by it.
    text = f"全县经济工作会议召开\n（本报东湖3月17日电）\n记者 柳静文\n\n{_OTHER_BLOCK}"
    codes = "T CR BY _ B B B BY _"
    assert reread(line_rules._headlines_of_signed_blocks, text, codes) == codes


@pytest.mark.parametrize(
    ("first", "second", "size", "roles"),
    [
        # a headline over a paragraph
        ("全县经济工作会议召开", "3月17日，全县经济工作会议召开。", 4, ("title", "body")),
        # a headline over its subtitle's dash: the subtitle is read as such by _dashed_subtitles
        ("全县经济工作会议召开", "——记东湖区春耕备耕", 5, ("title", "body")),
        ("全县经济工作会议召开", "# ——记东湖区春耕备耕", 5, ("title", "body")),
        # a kicker that ends with a dash, or says who stressed what, over its headline
        ("西山县的乡村振兴路——", "一条路带富一方人", 5, ("kicker", "title")),
        ("柳静文在东湖区调研时强调", "推动冬季供暖平稳有序", 5, ("kicker", "title")),
        # ... with no text under the two (a headline and its credit alone)
        ("西山县的乡村振兴路——", "一条路带富一方人", 3, ("body", "body")),
        # ... over a lead, which heads nothing
        ("西山县的乡村振兴路——", "本报讯 全县经济工作会议召开", 5, ("body", "body")),
        # two headline-shaped lines: a kicker over its headline, or a headline over its subtitle
        ("东湖区多措并举", "保障春耕生产有序推进", 5, ("body", "body")),
    ],
)
def test_the_first_two_lines_of_a_signed_block(
    first: str, second: str, size: int, roles: tuple[str, str]
) -> None:
    assert line_rules._signed_block_head(first, second, size) == roles


@pytest.mark.parametrize(
    ("first", "second", "size", "roles"),
    [
        # two headline-shaped lines, as the labeller weighed them
        ("东湖区多措并举", "保障春耕生产有序推进", 5, ("title", "subtitle")),
        # ... but a kicker that ends with a dash is one whatever the weighing
        ("西山县的乡村振兴路——", "一条路带富一方人", 5, ("kicker", "title")),
        # ... with no text under the two, or a lead under the first, they stay text
        ("东湖区多措并举", "保障春耕生产有序推进", 3, ("body", "body")),
        ("东湖区多措并举", "本报讯 全县经济工作会议召开", 5, ("body", "body")),
        # ... and a headline over a paragraph is one
        ("全县经济工作会议召开", "3月17日，全县经济工作会议召开。", 4, ("title", "body")),
    ],
)
def test_the_first_two_lines_of_a_signed_block_weighed_by_the_labeller(
    first: str, second: str, size: int, roles: tuple[str, str]
) -> None:
    assert line_rules._signed_block_head(first, second, size, ("title", "subtitle")) == roles


def test_a_kicker_over_its_headline_heads_a_signed_block() -> None:
    kicker = "西山县的乡村振兴路——\n一条路带富一方人\n3月17日，西山县新修的公路通车。\n各村抓好落实。\n记者 柳静文\n"
    text = f"全县经济工作会议召开\n3月17日，全县经济工作会议召开。\n（记者 柳静文）\n\n{kicker}"
    codes = "T B CR _ B B B B BY _"
    assert reread(line_rules._headlines_of_signed_blocks, text, codes) == "T B CR _ K T B B BY _"


@pytest.mark.parametrize(
    ("credit", "signed"),
    [
        ("（记者 柳静文）", True),
        ("（融媒体中心记者 柳静文）", True),
        ("（东湖县融媒体中心 赵婷）", True),
        ("通讯员 卢晓岚", True),
        ("记者 柳静文 通讯员 卢晓岚", True),
        ("作者：柳静文", True),
        ("王明远 摄", False),
        ("（完）", False),
        ("（上接第二版）", False),
        ("柳静文", False),
        ("会议还通报了一季度重点项目进展情况。", False),
    ],
)
def test_a_writers_credit_is_a_reporters_line_or_a_credit_in_brackets(credit: str, signed: bool) -> None:
    assert line_rules._writers_credit(credit) is signed


# _overlong_headlines


def test_a_headline_line_longer_than_any_headline_is_read_as_text() -> None:
    # A page without punctuation whose line breaks were lost: one line of 201 characters, which
    # the labeller, with nothing to set it against, read as a headline (and the kicker too).
    text = "东湖公园今日开放市民游玩" * 16 + "东湖公园今日开放市" + "\n" + "西山" * 101 + "\n"
    assert len(text.split("\n")[0]) == 201
    assert reread(line_rules._overlong_headlines, text, "T K _") == "B B _"


def test_a_headline_at_the_longest_a_headline_may_be_stays_one() -> None:
    # 200 characters' weight: the guard's bound, not past it. Half-width digits weigh half, so a
    # line of 196 characters and 8 digits (200) stays, and one with 10 digits (201) does not.
    at_bound = "东" * 196 + "12345678"
    past_bound = "东" * 196 + "1234567890"
    text = f"{at_bound}\n{past_bound}\n"
    assert reread(line_rules._overlong_headlines, text, "T T _") == "T B _"


def test_a_long_subtitle_a_deck_of_sentences_stays_the_subtitle() -> None:
    # Only kickers and headlines: a subtitle may be a deck of several sentences under its headline.
    text = "东湖公园今日开放\n" + "东湖公园今日开放，市民纷纷前来游玩。" * 12 + "\n"
    assert reread(line_rules._overlong_headlines, text, "T S _") == "T S _"


def test_a_page_on_one_unpunctuated_line_is_one_untitled_story_with_all_its_text() -> None:
    line = "今天东湖公园正式开放市民纷纷前来游玩" * 20  # 360 characters, no mark, no line break
    page = parse_page(line)
    assert [(article.title, article.paragraphs) for article in page.articles] == [(None, [line])]


# _headline_alone_among_furniture: the headline the labeller read as text under the furniture

_E_PAPER_STORY = (
    "2026年11月20日\n第A03版:要闻\n\n新桥通车\n\n"
    "11月19日，东江新桥正式通车，两岸市民往来由半小时缩短到五分钟。新桥全长一千二百米，设双向六车道。"
)


def test_a_short_line_set_apart_over_the_first_paragraph_under_the_furniture_is_the_headline() -> None:
    assert reread(line_rules._headline_alone_among_furniture, _E_PAPER_STORY, "F F _ B _ B") == "F F _ T _ B"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # no blank line sets it apart: the paragraph's first line
        (_E_PAPER_STORY.replace("新桥通车\n\n", "新桥通车\n"), "F F _ B B"),
        # under it a piece of a hard-wrapped paragraph, as short as it is
        (_E_PAPER_STORY.split("11月19日")[0] + "11月19日，东江新桥正式", "F F _ B _ B"),
        # a page that opens with its text, no furniture above
        (_E_PAPER_STORY.split("\n\n", 1)[1], "B _ B"),
        # a sentence: the story's first paragraph
        (_E_PAPER_STORY.replace("新桥通车", "新桥通车了。"), "F F _ B _ B"),
    ],
    ids=["run-on", "wrapped", "no-furniture", "sentence"],
)
def test_a_line_over_the_first_paragraph_not_shaped_or_set_as_a_headline_stays_text(
    text: str, codes: str
) -> None:
    assert reread(line_rules._headline_alone_among_furniture, text, codes) == codes


# _staff_credits: a source line the labeller read as furniture


def test_a_source_line_read_as_furniture_under_a_storys_last_paragraph_is_its_credit() -> None:
    text = "老城区改造提速\n\n今年我市老城区改造将提速。\n\n来源：滨海日报\n\n编辑：王海"
    assert reread(line_rules._staff_credits, text, "T _ B _ F _ F") == "T _ B _ CR _ F"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # more of the story under it: a web page's meta line between paragraphs stays furniture
        ("老城区改造提速\n今年我市老城区改造将提速。\n来源：滨海日报\n涉及居民约三千户。", "T B F B"),
        # under the headline, no text above it
        ("老城区改造提速\n来源：滨海日报\n今年我市老城区改造将提速。", "T F B"),
        # furniture that names no source
        ("老城区改造提速\n今年我市老城区改造将提速。\n编辑：王海", "T B F"),
    ],
    ids=["text-below", "under-headline", "staff"],
)
def test_a_furniture_line_that_closes_no_story_with_its_source_stays_furniture(text: str, codes: str) -> None:
    assert reread(line_rules._staff_credits, text, codes) == codes


# _couplets_read_as_kickers

_HALVES_OVER_A_DECK = (
    "省府昨开常会\n通过要案多件\n建设厅提修筑公路案 决议照准\n（本报讯）省政府昨日上午举行常会。"
)


def test_two_matched_halves_read_as_kickers_over_the_headline_are_the_headline_over_its_subtitle() -> None:
    assert reread(line_rules._couplets_read_as_kickers, _HALVES_OVER_A_DECK, "K K T B") == "T T S B"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a kicker broken by a wrap: its halves do not match
        (_HALVES_OVER_A_DECK.replace("通过要案多件", "通过"), "K K T B"),
        # under a headline line: the block started above
        ("市政新闻\n" + _HALVES_OVER_A_DECK, "K K K T B"),
        # a kicker's two halves over no headline line read as one
        (_HALVES_OVER_A_DECK, "K K B B"),
    ],
    ids=["unmatched", "under-header", "no-headline"],
)
def test_kicker_lines_that_are_no_headlines_decks_stay_kickers(text: str, codes: str) -> None:
    assert reread(line_rules._couplets_read_as_kickers, text, codes) == codes


# _subtitles_longer_than_headlines

_TWO_LINE_BLOCK = (
    "东江日报　一九八五年三月六日\n全市春耕生产全面展开\n各级干部深入第一线帮助农民解决困难\n"
    "　　本报讯　记者柏小雨报道：连日来，我市各县区全面展开春耕生产。"
)


def test_a_second_headline_line_much_longer_than_the_first_is_its_subtitle() -> None:
    assert reread(line_rules._subtitles_longer_than_headlines, _TWO_LINE_BLOCK, "F T T B") == "F T S B"


def test_quotation_marks_about_a_headline_s_words_leave_them_words_alone() -> None:
    text = _TWO_LINE_BLOCK.replace("全市春耕生产全面展开", "破解菜农“卖菜难”").replace(
        "各级干部深入第一线帮助农民解决困难", "东湖区多举措打通“田间到餐桌”销售渠道"
    )
    assert reread(line_rules._subtitles_longer_than_headlines, text, "F T T B") == "F T S B"


def test_headline_lines_as_markdown_headings_are_measured_without_their_marks() -> None:
    # ``## 全市…`` is words alone once its marks are off: a converter's markdown headings.
    text = _TWO_LINE_BLOCK.replace("全市春耕", "## 全市春耕").replace("各级干部", "## 各级干部")
    assert reread(line_rules._subtitles_longer_than_headlines, text, "F T T B") == "F T S B"


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        ("全市春耕生产全面展开各级干部深入", "第一线帮助农民解决困难"),  # a wrap's full line and its rest
        ("全市春耕生产全面展开", "各级干部深入第一线帮农民解困"),  # four characters longer only
        ("春耕全面展开", "各级干部深入第一线帮助农民解决困难"),  # a first line too short to say much
        ("全市春耕生产全面展开", "各级干部深入第一线，帮助农民解决困难"),  # a mark: a sentence's cut
    ],
    ids=["wrap", "near", "short-first", "mark"],
)
def test_two_headline_lines_not_shaped_as_a_headline_and_a_longer_subtitle_stay_one(
    upper: str, lower: str
) -> None:
    text = _TWO_LINE_BLOCK.replace("全市春耕生产全面展开", upper).replace(
        "各级干部深入第一线帮助农民解决困难", lower
    )
    assert reread(line_rules._subtitles_longer_than_headlines, text, "F T T B") == "F T T B"


def test_a_longer_second_line_in_a_block_of_three_stays_as_read() -> None:
    text = "引题\n" + _TWO_LINE_BLOCK.split("\n", 1)[1]
    assert reread(line_rules._subtitles_longer_than_headlines, text, "K T T B") == "K T T B"
    spaced = _TWO_LINE_BLOCK.replace("展开\n", "展开\n\n")  # a blank line between: another rule's
    assert reread(line_rules._subtitles_longer_than_headlines, spaced, "F T _ T B") == "F T _ T B"


# _headlines_over_captions: a column's tag over a photo story's headline

_PHOTO_COLUMN = (
    "市住建局相关负责人介绍，加装电梯实行“一梯一策”。\n图片新闻\n荷花初绽\n"
    "5月11日，市民在东湖公园观赏荷花。\n本报记者赵刚摄"
)


def test_a_column_tag_over_a_photo_storys_headline_is_its_kicker() -> None:
    assert reread(line_rules._headlines_over_captions, _PHOTO_COLUMN, "B B B B CR") == "B K T B CR"


def test_two_short_lines_under_text_that_runs_on_stay_text() -> None:
    text = _PHOTO_COLUMN.replace("一梯一策”。", "一梯一策”")  # the story above goes on
    assert reread(line_rules._headlines_over_captions, text, "B B B B CR") == "B B B B CR"


# _crossheads_inside_stories

_STORIES_APART = (
    "东湖夜市今晚开市\n　　东湖夜市今晚正式开市，两百余个摊位集中亮相。\n　　市民刘女士说，夜市离家近。\n\n"
    "老旧小区加装电梯提速\n　　今年我市计划加装电梯一百二十部。\n"
    "一梯一策\n　　市住建局负责人介绍，加装电梯实行一梯一策。\n\n"
    "荷花节开幕\n　　东湖公园荷花节昨日开幕。\n\n"
    "城区新增公交线路\n　　本月起城区新增三条公交线路。\n"
)
_STORIES_APART_CODES = "T B B _ T B T B _ T B _ T B _"


def test_a_flush_line_read_as_a_headline_inside_a_story_on_a_page_that_sets_stories_apart_is_text() -> None:
    got = reread(line_rules._crossheads_inside_stories, _STORIES_APART, _STORIES_APART_CODES)
    assert got == "T B B _ T B B B _ T B _ T B _"


@pytest.mark.parametrize(
    "text",
    [
        # a blank line over it: a story opens there
        _STORIES_APART.replace("\n一梯一策", "\n\n一梯一策"),
        # a lead under it: a story opens there
        _STORIES_APART.replace("　　市住建局负责人介绍", "　　本报讯（记者 王强）市住建局负责人介绍"),
        # indented as the paragraphs are
        _STORIES_APART.replace("\n一梯一策", "\n　　一梯一策"),
        # a page that indents no paragraph
        _STORIES_APART.replace("　　", ""),
        # a reporter's line under it
        _STORIES_APART.replace("　　市住建局负责人介绍，加装电梯实行一梯一策。", "　　本报记者 王强"),
        # a flush line under it or over it: the paragraphs are set as it is
        _STORIES_APART.replace("\n　　市住建局", "\n市住建局"),
        _STORIES_APART.replace("\n　　今年我市", "\n今年我市"),
    ],
    ids=["gap-above", "lead-below", "indented", "flush-page", "reporter-below", "flush-below", "flush-above"],
)
def test_a_line_read_as_a_headline_that_opens_a_story_stays_one(text: str) -> None:
    codes = (
        _STORIES_APART_CODES.replace("T B T B", "T B _ T B") if "\n\n一梯" in text else _STORIES_APART_CODES
    )
    assert reread(line_rules._crossheads_inside_stories, text, codes) == codes


# Two stories, one blank line between them: too few blocks to say the page sets stories apart by
# blank lines, but the one headline besides the page's first has a blank line over it.
_TWO_STORIES = (
    "东湖夜市今晚开市\n　　东湖夜市今晚正式开市，两百余个摊位集中亮相。\n　　市民刘女士说，夜市离家近。\n\n"
    "老旧小区加装电梯提速\n　　今年我市计划加装电梯一百二十部。\n"
    "一梯一策\n　　市住建局负责人介绍，加装电梯实行一梯一策。\n"
)


def test_a_flush_line_read_as_a_headline_inside_the_second_of_two_stories_set_apart_is_text() -> None:
    got = reread(line_rules._crossheads_inside_stories, _TWO_STORIES, "T B B _ T B T B _")
    assert got == "T B B _ T B B B _"


def test_on_a_page_that_sets_no_headline_apart_a_flush_headline_between_paragraphs_stays_one() -> None:
    # no blank line over the second story's headline: nothing says where this page opens a story
    text = _TWO_STORIES.replace("\n\n老旧", "\n老旧")
    assert reread(line_rules._crossheads_inside_stories, text, "T B B T B T B _") == "T B B T B T B _"


def test_a_running_header_between_two_stories_sets_no_headline_apart() -> None:
    # a PDF's running header, not a blank line, between the stories: furniture parts no blocks
    text = _TWO_STORIES.replace("\n\n老旧", "\n东江日报 2026年7月17日 星期五 第3版\n老旧")
    codes = "T B B F T B T B _"
    assert reread(line_rules._crossheads_inside_stories, text, codes) == codes


def test_a_headline_with_no_blank_line_over_it_elsewhere_keeps_the_flush_line_a_headline() -> None:
    # a third story opens under the second with no blank line over its headline (its reporter's
    # line under it): the page does not set every story apart, so no headline is read as a crosshead
    text = _TWO_STORIES + "荷花节开幕\n本报记者 王强\n　　东湖公园荷花节昨日开幕。\n"
    codes = "T B B _ T B T B T BY B _"
    assert reread(line_rules._crossheads_inside_stories, text, codes) == codes


def test_a_datelines_piece_on_the_pages_first_line_joins_no_line_above_it() -> None:
    # index > 0: the page's first line has no line above; the last line is no piece over it.
    lines = lines_of(["五月十一日电", "新华社西山县"])
    assert line_rules._story_ends_at(lines, ["body", "body"], 0) is False


# _read_headline_over_lead, _column_tags_over_headlines: a column's tag over a headline


def test_a_tag_inside_a_header_block_over_a_lead_stays_as_the_block_reads() -> None:
    # The guard (no header line over the tag): a tag-shaped line under a story's headline is read
    # within that block, as before; a kicker there would leave the headline over it heading nothing.
    text = "东湖夜市今晚开市\n■民生\n老旧小区加装电梯 今年已完工86部\n本报讯（记者 赵敏）今年以来，我市持续推进老旧小区加装电梯工作。"
    assert reread(line_rules._headlines_over_leads, text, "T T B B") == "T T S B"


def test_a_tag_under_a_line_that_runs_on_stays_text() -> None:
    # The guard (the line above closes): under a sentence cut at its colon the tag-shaped line is
    # what the sentence goes on to name.
    text = "东湖区今年将新建口袋公园，具体地点如下：\n【民生】\n老旧小区加装电梯 今年已完工86部\n本报讯（记者 赵敏）今年以来，我市持续推进老旧小区加装电梯工作。"
    assert reread(line_rules._column_tags_over_headlines, text, "B B T B") == "B B T B"


def test_matched_halves_under_a_column_tag_stay_a_headline_and_its_subtitle() -> None:
    # The guard (a kicker that is no column's tag): the halves of a headline printed over two lines
    # stand under a kicker that reports what was said (…强调); a tag reports nothing, and the two
    # lines under it stay as the labeller read them.
    text = "■城事\n东湖夜市今晚开市\n两百摊位集中亮相\n　　本报讯（记者 柳静文）东湖夜市将于今晚正式开市。"
    assert reread(line_rules._couplets_under_kickers, text, "K T S B") == "K T S B"
    reported = text.replace("■城事", "柳静文在东湖区调研时强调")
    assert reread(line_rules._couplets_under_kickers, reported, "K T S B") == "K T T B"
