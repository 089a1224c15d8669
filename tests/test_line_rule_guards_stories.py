"""The guards of ``parse/line_rules.py`` that no other test reached, pinned: the rules over column
tags, stories set apart by blank lines, closing marks, photo stories, tables, browser titles,
signatures, sentences, dashes and brackets (and the helpers ``_closes``, ``_furniture_by_context``
and ``_open_tail`` they share).

Each test gives a rule the roles of a small made-up page (codes as in ``test_parse_rules``: ``K T S
BY B CAP CR F _``) and checks the roles it gives back, on a page where the guard keeps the rule from
a wrong reading: with the guard's condition taken away, the test fails. Expected roles are worked
out by hand.

Speed checks, whose removal changes no result, have no test: ``_headlines_after_story_gaps``'s
return on a page of fewer than three blocks or no headline (the shares tested next answer the
same), and ``_browser_titles``' skip of a page title no longer than the headline (nothing is left
to read as the site's name).
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from test_parse_rules import LineRule, reread

from liaocheng_tui.parse import line_rules, parse_page
from liaocheng_tui.parse.normalize import Line
from liaocheng_tui.parse.roles import HeaderPair, HeaderPairs, Role

_SET_RIGHT = "\u3000" * 12  # twelve ideographic spaces: 24 columns, a line set to the right


# --- _marked_column_tags: a flush tag under a mark over a flush headline ---------------------------

_TAGGED = "\n".join(
    (
        "　　西山县今年修通环山公路，沿线村民出行更方便了。",
        "■提醒",
        "{head}",
        "{below}",
        "　　交警提醒市民减速慢行。",
    )
)


def test_a_marked_tag_over_a_flush_headline_heads_a_story() -> None:
    # The rule at work, for the pages below: the tag is the kicker, the flush line the headline.
    page = _TAGGED.format(head="雨雪天出行注意安全", below="　　近日，东湖区连降大雪，道路湿滑。")
    assert reread(line_rules._marked_column_tags, page, "B B B B B") == "B K T B B"


@pytest.mark.parametrize(
    ("head", "below"),
    [
        # the line under the tag is indented: a paragraph, no headline
        ("　　雨雪天出行注意安全", "　　近日，东湖区连降大雪，道路湿滑。"),
        # the line under the tag opens with a subtitle's dash: no headline
        ("——东湖交警致广大驾驶人", "　　近日，东湖区连降大雪，道路湿滑。"),
        # nothing under the two opens a story (no byline, no indented lead): a notice's labels
        ("停水区域", "振兴路以东 光明街以北"),
    ],
    ids=["indented", "dashed", "no-story-under"],
)
def test_a_marked_tag_heads_no_story_where_no_headline_and_lead_follow_it(head: str, below: str) -> None:
    page = _TAGGED.format(head=head, below=below)
    assert reread(line_rules._marked_column_tags, page, "B B B B B") == "B B B B B"


def test_a_marked_tag_right_under_a_line_that_runs_on_stays_text() -> None:
    # A paragraph that ends with a colon goes on under it: the tag is an item of what it lists.
    page = "\n".join(
        (
            "　　交警提醒市民注意以下几点：",
            "■提醒",
            "雨雪天出行注意安全",
            "　　近日，东湖区连降大雪，道路湿滑。",
            "　　交警提醒市民减速慢行。",
        )
    )
    assert reread(line_rules._marked_column_tags, page, "B B B B B") == "B B B B B"


def test_a_marked_tag_on_a_page_that_sets_its_paragraphs_flush_stays_text() -> None:
    # Only a page that indents its paragraphs makes a flush line stand out as a headline.
    page = "\n".join(
        (
            "■城事",
            "东湖区新建三座口袋公园",
            "记者 王明",
            "东湖区今年新建三座口袋公园，方便市民就近休闲。",
        )
    )
    assert reread(line_rules._marked_column_tags, page, "B B BY B") == "B B BY B"


# --- _closes: whether a line ends what it belongs to -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [("东湖观察：", "kicker"), ("图为王明在麦田里查看麦苗长势，", "caption")],
    ids=["kicker", "caption"],
)
def test_a_line_that_runs_on_closes_nothing_whatever_its_role(text: str, role: Role) -> None:
    # A colon or a comma at the end goes on to the next line, read as text or not.
    assert not line_rules._closes(text, role)


# --- _headlines_after_story_gaps: blocks set apart by blank lines ------------------------------------


def test_blocks_mostly_without_headlines_keep_their_short_first_lines_as_text() -> None:
    # One story whose paragraphs are set apart by blank lines: its crossheads (一是…, 二是…) open
    # blocks too, but the page does not open most blocks with a headline.
    page = "\n".join(
        (
            "东湖区推进三项民生工程",
            "　　今年以来，东湖区推进三项民生工程，群众得到实惠。",
            "",
            "一是加快道路建设",
            "　　东湖区新修道路十二条，总长三十公里。",
            "",
            "二是改造老旧小区",
            "　　东湖区改造老旧小区二十个，惠及居民八千户。",
        )
    )
    codes = "T B _ B B _ B B"
    assert reread(line_rules._headlines_after_story_gaps, page, codes) == codes


_GAPPED = "\n".join(
    (
        "东湖区新建三座口袋公园",
        "　　东湖区今年新建三座口袋公园，方便市民就近休闲。",
        "",
        "西山县修通环山公路",
        "　　西山县环山公路全线通车，沿线村民出行更方便了。",
        "",
        "南河镇办起年货集市",
        "{gap}　　南河镇年货集市开市，吸引周边群众前来选购。",
        "",
        "集市里的年味",
        "　　春联、灯笼摆满摊位，红红火火。",
    )
)


def test_a_page_that_sets_its_headlines_close_heads_a_block_after_a_story_gap() -> None:
    # The rule at work: every headline has a blank line over it and none under it, so a short line
    # opening a block after a finished story is a headline too.
    page = _GAPPED.format(gap="")
    assert (
        reread(line_rules._headlines_after_story_gaps, page, "T B _ T B _ T B _ B B")
        == "T B _ T B _ T B _ T B"
    )


def test_a_headline_after_a_story_gap_that_reads_as_a_name_heads_its_block() -> None:
    # 柳岸春晓 reads as a name (柳 is a surname): under a story's last line it might sign it, but
    # opening a block set apart from that story, over text, it signs nothing and is a headline.
    page = _GAPPED.format(gap="").replace("集市里的年味", "柳岸春晓")
    assert (
        reread(line_rules._headlines_after_story_gaps, page, "T B _ T B _ T B _ B B")
        == "T B _ T B _ T B _ T B"
    )


def test_a_name_after_a_running_header_set_apart_stays_text() -> None:
    # A PDF's running header parts a story anywhere, with blank lines around it: a name under it
    # may sign the story the header cut, so it heads no block.
    page = _GAPPED.format(gap="").replace(
        "\n\n集市里的年味", "\n\n东江日报 2026年7月17日 星期五 第3版\n\n柳岸春晓"
    )
    codes = "T B _ T B _ T B _ F _ B B"
    assert reread(line_rules._headlines_after_story_gaps, page, codes) == codes


def test_a_blank_line_under_a_headline_keeps_a_short_line_after_a_gap_as_text() -> None:
    # A blank line under a headline, as the corpus leaves its placeholders, says the page's blank
    # lines part paragraphs as well as stories: 集市里的年味 is a crosshead of the market's story.
    page = _GAPPED.format(gap="\n")
    codes = "T B _ T B _ T _ B _ B B"
    assert reread(line_rules._headlines_after_story_gaps, page, codes) == codes


_TWO_LINES_APART = "\n".join(
    (
        "东湖区新建三座口袋公园",
        "{para}东湖区今年新建三座口袋公园，方便市民就近休闲。",
        "{para}园林部门还将加强公园的日常管护。",
        "",
        "西山县修通环山公路",
        "{para}西山县环山公路全线通车，沿线村民出行更方便了。",
        "{para}公路沿线还建起了三个观景平台。",
        "",
        "{first}南河镇办起年货集市",
        "{second}周边群众赶集选年货",
        "{lead}南河镇年货集市今天开市，吸引周边群众前来选购。",
    )
)
_INDENT = "　　"


def test_two_flush_lines_after_a_story_gap_over_an_indented_lead_head_its_story() -> None:
    # On a page that indents its paragraphs, two flush lines of a headline's shape over an indented
    # lead open a story as a byline under them would: read as kicker and headline.
    page = _TWO_LINES_APART.format(para=_INDENT, first="", second="", lead=_INDENT)
    assert (
        reread(line_rules._headlines_after_story_gaps, page, "T B B _ T B B _ B B B")
        == "T B B _ T B B _ K T B"
    )


@pytest.mark.parametrize(
    ("para", "first", "second", "lead", "codes"),
    [
        # the line under the two is flush as they are: no lead set apart by its indent
        (_INDENT, "", "", "", "T B B _ T B B _ B B B"),
        # either of the two is indented as the text is: a story's crossheads
        (_INDENT, _INDENT, "", _INDENT, "T B B _ T B B _ B B B"),
        (_INDENT, "", _INDENT, _INDENT, "T B B _ T B B _ B B B"),
        # the page sets its paragraphs flush: an indented line there is no lead set apart
        ("", "", "", _INDENT, "T B B _ T B B _ B B B"),
        # the indented line under them was read as a photo's caption, not as a lead
        (_INDENT, "", "", _INDENT, "T B B _ T B B _ B B CAP"),
    ],
    ids=["lead-flush", "first-indented", "second-indented", "paragraphs-flush", "caption-under"],
)
def test_two_lines_after_a_story_gap_stay_as_read_without_an_indented_lead_under_them(
    para: str, first: str, second: str, lead: str, codes: str
) -> None:
    page = _TWO_LINES_APART.format(para=para, first=first, second=second, lead=lead)
    assert reread(line_rules._headlines_after_story_gaps, page, codes) == codes


def _weighed(pairs: HeaderPairs) -> LineRule:
    """``_headlines_after_story_gaps`` with the labeller's weighing of pairs of lines given."""
    return lambda lines, roles: line_rules._headlines_after_story_gaps(lines, roles, pairs)


_LAST_TWO = (8, 9)  # the indices of the two lines that open _TWO_LINES_APART's last block


@pytest.mark.parametrize(
    ("pair", "codes"),
    [(("kicker", "title"), "T B B _ T B B _ K T B"), (("title", "subtitle"), "T B B _ T B B _ T S B")],
)
def test_two_lines_after_a_story_gap_over_a_paragraph_head_it_as_the_labeller_weighed_them(
    pair: HeaderPair, codes: str
) -> None:
    page = _TWO_LINES_APART.format(para="", first="", second="", lead="")
    assert reread(_weighed({_LAST_TWO: pair}), page, "T B B _ T B B _ B B B") == codes


def test_two_lines_indented_on_a_page_of_flush_paragraphs_are_read_as_weighed() -> None:
    # An indent tells nothing on a page that indents no paragraph (_indents_paragraphs).
    page = _TWO_LINES_APART.format(para="", first=_INDENT, second="", lead="")
    found = reread(_weighed({_LAST_TWO: ("kicker", "title")}), page, "T B B _ T B B _ B B B")
    assert found == "T B B _ T B B _ K T B"


@pytest.mark.parametrize(
    ("para", "first", "lead", "pairs"),
    [
        # not weighed by the labeller (another pair, or none)
        ("", "", "", {(4, 5): ("kicker", "title")}),
        ("", "", "", {}),
        # the first of the two indented as the page's paragraphs are: a story's crosshead
        (_INDENT, _INDENT, _INDENT, {_LAST_TWO: ("kicker", "title")}),
    ],
    ids=["other-pair", "none", "indented-as-text"],
)
def test_two_lines_after_a_story_gap_not_weighed_or_indented_as_text_stay_as_read(
    para: str, first: str, lead: str, pairs: HeaderPairs
) -> None:
    page = _TWO_LINES_APART.format(para=para, first=first, second="", lead=lead)
    codes = "T B B _ T B B _ B B B"
    assert reread(_weighed(pairs), page, codes) == codes


@pytest.mark.parametrize(
    "last",
    [
        # a third short line under the two: no paragraph under a header block of two lines
        "集市里年味渐浓",
        # ... or nothing under them
        None,
    ],
)
def test_two_weighed_lines_with_no_paragraph_right_under_them_stay_as_read(last: str | None) -> None:
    lines = _TWO_LINES_APART.format(para="", first="", second="", lead="").split("\n")
    lines = lines[:-1] if last is None else [*lines[:-1], last]
    codes = "T B B _ T B B _ B B" + ("" if last is None else " B")
    assert reread(_weighed({_LAST_TWO: ("kicker", "title")}), "\n".join(lines), codes) == codes


# A hard-wrapped page (20 columns) that sets its stories apart: a paragraph's lines but its last
# fill the width, a headline does not.
_WRAPPED_APART = "\n".join(
    (
        "东湖区新建三座口袋公园",
        "　　东湖区今年在老城区见缝插绿，新建三座口",
        "袋公园，改造街头绿地十余块，市民休闲健身的去",
        "处明显增多。",
        "",
        "西山县修通环山公路",
        "　　西山县环山公路日前全线通车，全长四十二",
        "公里，沿线十二个村的村民出行更方便了，运送农",
        "产品的时间也大大缩短。",
        "",
        "{block}",
    )
)


def test_a_short_line_after_a_story_gap_over_a_full_width_lead_line_is_a_headline() -> None:
    # The lead's first line ends no sentence and is short enough for a headline's, but it fills the
    # page's width: the short line over it heads a story alone, not as a kicker or a subtitle's pair.
    block = "南河镇年货集市开市\n记者从南河镇政府获悉，该镇年货集市今天开市\n吸引周边群众前来选购年货，集市上十分热闹。"
    page = _WRAPPED_APART.format(block=block)
    assert (
        reread(line_rules._headlines_after_story_gaps, page, "T B B B _ T B B B _ B B B")
        == "T B B B _ T B B B _ T B B"
    )


def test_a_full_width_line_after_a_story_gap_is_no_headline_over_the_next_full_line() -> None:
    # A paragraph set apart by a blank line: its first line fills the width as the one under it
    # does, so it is a paragraph's line, not a headline over a lead.
    block = (
        "南河镇年货集市开市\n　　南河镇年货集市今天开市，吸引周边群众前\n来选购年货，集市上十分热闹。\n\n"
        "南河镇还将在春节前举办三场文艺演出，丰富群\n众的节日文化生活，演出地点设在镇文化广场\n上。"
    )
    page = _WRAPPED_APART.format(block=block)
    codes = "T B B B _ T B B B _ T B B _ B B B"
    assert reread(line_rules._headlines_after_story_gaps, page, codes) == codes


# --- _headlines_after_closing_marks: the line after （完） -------------------------------------------


def test_a_kicker_after_a_closing_mark_stays_the_kicker() -> None:
    # Only a line read as text, with text or a byline under it, is made the next story's headline:
    # a kicker over its headline is the next story's already.
    page = "\n".join(
        (
            "　　东湖区将继续推进口袋公园建设。（完）",
            "西山县乡村见闻",
            "西山县建起三个蔬菜大棚园区",
            "　　本报讯 西山县今年建起三个蔬菜大棚园区。",
        )
    )
    assert reread(line_rules._headlines_after_closing_marks, page, "B K T B") == "B K T B"


def _after_a_close(
    pairs: HeaderPairs, second: str = "西山县建起三个蔬菜大棚园区", *, text: bool = True, under: str = "B"
) -> str:
    """The codes ``_headlines_after_closing_marks`` gives two short lines after a story's close,
    the labeller having weighed the pair as ``pairs`` says (``under``: the role read under them)."""
    lines = ["　　东湖区将继续推进口袋公园建设。（完）", "西山县乡村见闻", second]
    codes = "B B B"
    if text:
        lines.append("　　本报讯 西山县今年建起三个蔬菜大棚园区。")
        codes += f" {under}"

    def rule(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
        return line_rules._headlines_after_closing_marks(lines, roles, pairs)

    return reread(rule, "\n".join(lines), codes)


@pytest.mark.parametrize("weighed", [("kicker", "title"), ("title", "subtitle")])
def test_two_short_lines_after_a_close_are_read_as_the_labeller_weighed_them(weighed: HeaderPair) -> None:
    # a kicker over a headline and a headline over its subtitle look alike: the labeller's
    # weighing of the pair tells them apart
    expected = {"kicker": "K", "title": "T", "subtitle": "S"}
    assert _after_a_close({(1, 2): weighed}) == f"B {expected[weighed[0]]} {expected[weighed[1]]} B"


def test_two_short_lines_after_a_close_stay_as_read_unweighed_indented_or_over_nothing() -> None:
    weighed: HeaderPairs = {(1, 2): ("kicker", "title")}
    assert _after_a_close({}) == "B B B B"  # not weighed
    # the second indented as the text: a round-up's part heading under its speaker's name
    assert _after_a_close(weighed, "　　西山县建起三个蔬菜大棚园区") == "B B B B"
    assert _after_a_close(weighed, "西山县建起三个蔬菜大棚园区", text=False) == "B B B"  # nothing under
    assert _after_a_close(weighed, under="T") == "B B B T"  # a headline under them: no story follows


_JUMPED = "\n".join(
    (
        "　　分产业看，第三产业增加值增长6.0%。{jump}",
        "",
        "导读",
        "",
        "东湖区：老旧小区改造惠及3万户",
        "　　今年以来，东湖区完成老旧小区改造56个。",
    )
)


def test_a_short_line_after_a_story_sent_to_another_page_heads_the_next_story() -> None:
    # Nothing more of a story is printed after the mark that sends it on (下转第2版): the short
    # line after the front page's 导读 heads a teaser.
    page = _JUMPED.format(jump="（下转第2版）")
    assert reread(line_rules._headlines_after_closing_marks, page, "B _ B _ B B") == "B _ B _ T B"


def test_a_short_line_after_a_story_brought_from_another_page_stays_as_read() -> None:
    # 上接 says where the paragraph came from: its story may go on here, a crosshead after it
    page = _JUMPED.format(jump="（上接第1版）")
    assert reread(line_rules._headlines_after_closing_marks, page, "B _ B _ B B") == "B _ B _ B B"


def test_a_headline_shaped_line_after_a_jump_that_is_no_label_is_read_itself() -> None:
    # Only a label of the page's (导读) is passed over: a short line right after the jump is the
    # one that heads, here with no text under it but the next short line, so it stays as read.
    page = _JUMPED.format(jump="（下转第2版）").replace("导读", "今年新建口袋公园")
    assert reread(line_rules._headlines_after_closing_marks, page, "B _ B _ B B") == "B _ B _ B B"


def test_a_jump_line_read_as_a_header_line_is_furniture() -> None:
    page = "西山县草莓喜获丰收\n　　初冬时节，草莓大棚里一派繁忙景象。\n详见第5版\n下转第3版\n"
    codes = "T B K S _"
    assert reread(line_rules._page_markers_read_as_headers, page, codes) == "T B F F _"


# --- _photo_story_headlines: 西山县冬日雪景（组图） ----------------------------------------------------


def test_a_contents_line_with_a_photo_mark_read_as_furniture_stays_furniture() -> None:
    # A front page's contents list names a photo story with its mark; only a line read as text is
    # made a headline.
    page = "\n".join(
        (
            "本期导读",
            "西山县冬日雪景（组图）",
            "南河镇办起年货集市",
            "",
            "东湖区新建三座口袋公园",
            "　　东湖区今年新建三座口袋公园。",
        )
    )
    codes = "F F F _ T B"
    assert reread(line_rules._photo_story_headlines, page, codes) == codes


@pytest.mark.parametrize("mark", ["（组图）", "（图文）", "(图文)"])
def test_a_line_ending_with_any_photo_storys_mark_heads_its_story(mark: str) -> None:
    # Every mark the rule knows is looked for, 图文 too, also on a page where no other line ends
    # with 图）.
    page = "\n".join(
        (
            "　　东湖区将继续推进口袋公园建设。",
            "",
            f"西山县冬日雪景{mark}",
            "　　连日来，西山县迎来入冬后第一场大雪。",
        )
    )
    assert reread(line_rules._photo_story_headlines, page, "B _ B B") == "B _ T B"


# --- _headlines_over_tables: a box's heading over its table -----------------------------------------


@pytest.mark.parametrize(
    ("table", "codes", "expected"),
    [
        # the table's own header row between the heading and its rows
        ("排名 球队 场次 积分\n1 东江队 28 62\n2 西山队 28 58", "B _ B B B B", "B _ T B B B"),
        # a header row with one row under it is no table
        ("排名 球队 场次 积分\n1 东江队 28 62", "B _ B B B", "B _ B B B"),
        # two words are no header row
        ("排名 球队\n1 东江队 28 62\n2 西山队 28 58", "B _ B B B B", "B _ B B B B"),
    ],
    ids=["header-row", "one-row", "two-words"],
)
def test_a_heading_over_a_tables_header_row_and_rows_heads_its_box(
    table: str, codes: str, expected: str
) -> None:
    page = f"　　本报讯 东江市第十届运动会昨日落幕。\n\n积分榜\n{table}"
    assert reread(line_rules._headlines_over_tables, page, codes) == expected


def test_a_numbered_section_over_a_table_stays_the_storys_text() -> None:
    # a notice's own section (一、招聘计划) over its table, as a recruitment notice prints it
    page = "　　现面向社会公开招聘工作人员。\n\n一、招聘计划\n部门 岗位 人数\n管理局 副局长 3\n规划局 主管 2"
    assert reread(line_rules._headlines_over_tables, page, "B _ B B B B") == "B _ B B B B"


# --- _tables_read_as_furniture: a table's rows read as furniture or a headline -----------------------


def test_a_headline_row_over_rows_read_as_furniture_is_the_tables_and_its_kicker_the_headline() -> None:
    # A market box: its first row read as the headline and the box's name as its kicker. The rows
    # are text, and the name heads them.
    page = "\n".join(
        (
            "沪深股市",
            "上证指数 3245.67 +0.21%",
            "深证成指 10876.21 -0.18%",
            "创业板指 2145.09 +1.06%",
        )
    )
    assert reread(line_rules._tables_read_as_furniture, page, "K T F F") == "T B B B"
    # The same where the labeller read no row as furniture: the first row as the headline, the
    # others as text.
    assert reread(line_rules._tables_read_as_furniture, page, "K T B B") == "T B B B"


def test_a_headline_shaped_as_a_row_right_under_a_tables_last_row_stays_a_headline() -> None:
    # A headline over rows is the table's only where more rows follow it: the next story's
    # headline (its words set apart by a space, a figure at its end) under a price list stays one.
    page = "\n".join(
        (
            "今日菜价",
            "白菜 每斤0.8元",
            "土豆 每斤1.2元",
            "西山县粮食总产 达到120万吨",
            "　　本报讯 今年西山县粮食总产达到120万吨，再创新高。",
        )
    )
    assert reread(line_rules._tables_read_as_furniture, page, "T F F T B") == "T B B T B"


def test_a_weather_boxs_row_read_as_a_subtitle_is_the_tables() -> None:
    # The box's last row, short and without a full stop, read as a subtitle under the row above.
    page = "\n".join(("天气预报", "今天白天 晴转多云 东南风3级 最高气温32℃", "今天夜间 多云 最低气温24℃"))
    assert reread(line_rules._tables_read_as_furniture, page, "T B S") == "T B B"
    assert reread(line_rules._tables_read_as_furniture, page, "T T S") == "T B B"


def test_a_subtitle_under_a_headline_that_is_no_row_stays_a_subtitle() -> None:
    # A subtitle shaped as a row (a figure after a space) is the table's only beside another row.
    page = "\n".join(("西山县粮食再获丰收", "总产 达到120万吨", "　　本报讯 今年西山县粮食总产达到120万吨。"))
    assert reread(line_rules._tables_read_as_furniture, page, "T S B") == "T S B"


def test_a_weather_box_between_stories_is_an_item_and_the_next_story_keeps_its_headline() -> None:
    page = parse_page(
        "东湖公园新添十座凉亭\n"
        "\u3000\u3000本报讯（记者 柏小雨）东湖公园近日新添十座凉亭，供游人歇脚。\n"
        "\n"
        "天气预报\n"
        "今天白天 晴转多云 东南风3级 最高气温32℃\n"
        "今天夜间 多云 最低气温24℃\n"
        "\n"
        "西山村发展特色种植\n"
        "\u3000\u3000本报讯（记者 卢晓岚 通讯员 詹丽娟）今年以来，西山村引导农户种植高山茶叶。\n"
        "\u3000\u3000村党支部书记齐建华说，明年将扩大种植面积。\n"
    )
    assert [article.title for article in page.articles] == [
        "东湖公园新添十座凉亭",
        "天气预报",
        "西山村发展特色种植",
    ]
    assert page.articles[1].paragraphs == [
        "今天白天 晴转多云 东南风3级 最高气温32℃",
        "今天夜间 多云 最低气温24℃",
    ]
    assert page.articles[2].byline == "本报讯（记者 卢晓岚 通讯员 詹丽娟）"


# --- _furniture_by_context: a line read as furniture by its neighbours alone -------------------------


@pytest.mark.parametrize(
    ("text", "role", "by_context"),
    [
        ("东湖区新建三座口袋公园", "furniture", True),
        # read as text: nothing to undo
        ("东湖区新建三座口袋公园", "body", False),
        # a piece a wrap cut off a furniture line: too short for a headline
        ("版）", "furniture", False),
    ],
    ids=["furniture", "text", "short-piece"],
)
def test_only_a_line_read_as_furniture_and_long_enough_is_furniture_by_context(
    text: str, role: Role, by_context: bool
) -> None:
    assert line_rules._furniture_by_context(text, role) is by_context


# --- _dashed_subtitles: a dashed line under a headline ----------------------------------------------


def test_a_dashed_line_under_a_headline_across_a_blank_line_is_its_subtitle() -> None:
    # Blank lines stand between a headline's lines on a double-spaced page: the line above a
    # dashed one is the last line read, blank lines skipped.
    page = "\n".join(("东湖区的好医生", "", "——记社区医生王明", "", "　　王明在社区卫生站工作了二十年。"))
    assert reread(line_rules._dashed_subtitles, page, "T _ T _ B") == "T _ S _ B"


def test_a_dashed_markdown_heading_under_a_headline_heading_is_its_subtitle() -> None:
    # A PDF converter's markdown makes every header line a heading (``# ——记…``): the dash opens
    # the heading's text, not the line.
    page = "\n".join(("# 东湖区的好医生", "", "# ——记社区医生王明", "", "王明在社区卫生站工作了二十年。"))
    assert reread(line_rules._dashed_subtitles, page, "T _ T _ B") == "T _ S _ B"


# --- _leads_read_as_other_roles: a lead read as a byline or a long headline --------------------------


def test_a_web_pages_summary_that_repeats_the_lead_stays_furniture() -> None:
    # Only a byline or a line read as a headline and longer than one is made text: a web page's
    # summary box, which opens with the lead it repeats, stays the page's.
    page = "\n".join(
        (
            "东湖区新建三座口袋公园",
            "2024-01-05 10:25 来源：东湖新闻网",
            "新华社北京1月5日电 东湖区新建的三座口袋公园正式向市民开放，吸引不少市民前来。",
            "　　新华社北京1月5日电 东湖区新建的三座口袋公园正式向市民开放，吸引不少市民前来。",
        )
    )
    codes = "T F F B"
    assert reread(line_rules._leads_read_as_other_roles, page, codes) == codes


# --- _browser_titles: a web page's title over its headline ------------------------------------------


def test_a_browser_title_over_a_headline_read_as_text_gives_the_headline_its_role() -> None:
    # Read as the headline or over it, the page's title is furniture; the line under it that is
    # its headline without the site's name is the headline, whatever the labeller read it as.
    page = "\n".join(
        (
            "东湖区新建三座口袋公园_东湖新闻网",
            "东湖区新建三座口袋公园",
            "　　本报讯 东湖区今年新建三座口袋公园，方便市民就近休闲。",
        )
    )
    assert reread(line_rules._browser_titles, page, "T T B") == "F T B"
    assert reread(line_rules._browser_titles, page, "T B B") == "F T B"
    assert reread(line_rules._browser_titles, page, "K B B") == "F T B"
    assert reread(line_rules._browser_titles, page, "B B B") == "B B B"  # no headline read: no page


# --- _signatures_set_right: a signature set far right under a paragraph -----------------------------


def test_a_reporters_credit_set_right_under_a_paragraph_stays_a_credit() -> None:
    # Only a line read as a headline is made a signature: the story's closing credit, set right
    # as a signature is, stays a credit.
    page = "\n".join(("　　东湖区今年新建三座口袋公园，方便市民就近休闲。", f"{_SET_RIGHT}本报记者 王明"))
    assert reread(line_rules._signatures_set_right, page, "B CR") == "B CR"


# --- _sentences_read_as_headlines: a headline line that ends with a full stop -----------------------


def test_a_caption_that_ends_with_a_full_stop_stays_a_caption() -> None:
    # A caption is a sentence and ends as one; only headline lines are read again.
    page = "\n".join(
        (
            "东湖区新建三座口袋公园",
            "图为市民在新建的口袋公园里锻炼身体。",
            "　　本报讯 东湖区今年新建三座口袋公园，方便市民就近休闲。",
        )
    )
    assert reread(line_rules._sentences_read_as_headlines, page, "T CAP B") == "T CAP B"


def test_a_sentence_read_as_the_headline_leaves_its_kicker_the_headline() -> None:
    # The lead read as the headline under a kicker: the kicker, with no headline under the
    # sentence, is the story's headline.
    page = "\n".join(
        (
            "东湖区新建三座口袋公园",
            "入冬以来，东湖区多措并举保障群众温暖过冬。",
            "　　东湖区今年新建三座口袋公园，方便市民就近休闲。",
        )
    )
    assert reread(line_rules._sentences_read_as_headlines, page, "K T B") == "T B B"


@pytest.mark.parametrize(
    "credit",
    ["（王明）", "（李华 赵敏）", " (王明)"],
)
def test_a_brief_signed_after_its_full_stop_read_as_the_headline_is_text(credit: str) -> None:
    # A column of briefs signs each after its sentence (…场所。（王明）): read as the headline
    # under the column's name, the brief is text and the name heads the column.
    page = "\n".join(
        (
            "区县快讯",
            f"●东湖区日前启动冬季消防安全检查，重点检查商场和学校等人员密集场所。{credit}",
            "●南岭区新增健身路径36条。（孙丽）",
        )
    )
    assert reread(line_rules._sentences_read_as_headlines, page, "K T B") == "T B B"


def test_a_headline_closing_its_own_bracket_after_no_full_stop_stays_a_headline() -> None:
    # The guard (a full stop before the bracket): a headline's note in brackets (（评论）) is no
    # sentence's credit.
    page = "东湖区新建三座口袋公园（评论）\n　　东湖区今年新建三座口袋公园，方便市民就近休闲。"
    assert reread(line_rules._sentences_read_as_headlines, page, "T B") == "T B"


# --- _headlines_broken_before_marks: a headline line that opens with a comma ------------------------


def test_a_subtitles_rest_opening_with_a_comma_is_the_subtitles() -> None:
    # A wrap cut the subtitle before its comma and its rest was read as a headline line: it is
    # the subtitle's, as the line above it.
    page = "\n".join(
        (
            "东湖区的好医生",
            "——记社区医生王明",
            "，二十年守护一方百姓健康",
            "　　王明在社区卫生站工作了二十年。",
        )
    )
    assert reread(line_rules._headlines_broken_before_marks, page, "T S T B") == "T S S B"


# --- _brackets_closed_in_headlines: a bracket a text line left open ---------------------------------


def test_a_headline_closing_its_kickers_bracket_stays_the_headline() -> None:
    # Only a line of text (a paragraph, a caption, a credit, a byline) carries a bracket a wrap cut
    # into the lines under it; a kicker's series number cut off is no credit.
    page = "\n".join(("山里人家·护林日记（之", "三）西山县的护林人", "　　本报记者 李华"))
    assert reread(line_rules._brackets_closed_in_headlines, page, "K T BY") == "K T BY"


def test_a_paragraphs_lost_bracket_stops_at_a_line_that_opens_one_of_its_own() -> None:
    # OCR lost a paragraph's closing bracket. The next story's lead opens a bracket before it
    # closes one, so the bracket closed under it is the lead's own, not the paragraph's: the
    # headline between stays a headline.
    page = "\n".join(
        (
            "　　东湖区今年新建三座口袋公园（占地共约一万平方米。",
            "",
            "西山县修通环山公路",
            "　　本报讯（记者 李华 通讯员",
            "王强）1月5日，西山县环山公路全线通车。",
        )
    )
    codes = "B _ T B B"
    assert reread(line_rules._brackets_closed_in_headlines, page, codes) == codes


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("东湖区新建三座口袋公园", None),  # no bracket
        ("（记者 王明）", None),  # a bracket opened and closed
        ("已向市民开放。（记者 王明", 5),
    ],
    ids=["no-bracket", "closed", "open"],
)
def test_only_a_bracket_left_open_has_a_tail(text: str, tail: int | None) -> None:
    assert line_rules._open_tail(text) == tail


# --- _emails_under_bylines: a reporter's address on a line of its own --------------------------------


@pytest.mark.parametrize(
    ("text", "codes", "read"),
    [
        (
            "组屋转售价连续上涨\n柳静文 报道\nljw@dongjiang.com.sg\n建屋局昨天公布数据。\n",
            "T BY B B _",
            "T BY BY B _",
        ),
        # blank lines between are no matter
        (
            "组屋转售价连续上涨\n柳静文 报道\n\nljw@dongjiang.com.sg\n\n建屋局昨天公布数据。\n",
            "T BY _ B _ B _",
            "T BY _ BY _ B _",
        ),
        # under the story's text, an address is the story's (请来信 …): left as read
        ("组屋转售价连续上涨\n建屋局昨天公布数据。\nljw@dongjiang.com.sg\n", "T B B _", "T B B _"),
        # under a byline, a line that gives no address alone is text
        ("组屋转售价连续上涨\n柳静文 报道\n读者可发邮件至 ljw@dongjiang.com.sg\n", "T BY B _", "T BY B _"),
    ],
    ids=["under-byline", "blank-lines", "under-text", "sentence"],
)
def test_an_email_address_alone_under_a_byline_is_the_bylines_line(text: str, codes: str, read: str) -> None:
    assert reread(line_rules._emails_under_bylines, text, codes) == read


# --- _headline_alone_among_furniture: a page read as furniture from its head to its foot -----------


def test_an_e_paper_photo_pages_one_line_that_is_no_furniture_is_its_headline() -> None:
    page = parse_page("2026年11月20日\n\n第A05版：要闻\n\n东湖灯会亮灯迎新春\n")
    assert [(article.title, article.paragraphs) for article in page.articles] == [("东湖灯会亮灯迎新春", [])]
    assert [item.text for item in page.dropped] == ["2026年11月20日", "第A05版：要闻"]


def test_a_page_of_furniture_only_keeps_it_all_as_furniture() -> None:
    # Every line is one a furniture rule reads: no headline to find.
    page = "\n".join(("2026年11月20日", "第A05版：要闻", "本版编辑：王明远"))
    assert reread(line_rules._headline_alone_among_furniture, page, "F F F") == "F F F"


def test_two_lines_no_furniture_rule_reads_on_a_furniture_page_stay_furniture() -> None:
    # Which of them would be the headline is not for the rule to say.
    page = "\n".join(("2026年11月20日", "东湖灯会亮灯迎新春", "西山庙会开幕"))
    assert reread(line_rules._headline_alone_among_furniture, page, "F F F") == "F F F"


@pytest.mark.parametrize("opener", ["游客在东湖赏灯。", "本报记者 柳静文"])
def test_the_one_line_among_the_page_heads_furniture_heads_the_first_story_under_it(opener: str) -> None:
    # An e-paper's copy: the date, the headline and a meta line over the story's text or byline.
    page = "\n".join(("2026年11月20日", "东湖灯会亮灯迎新春", "来源：东江日报", opener))
    below = "B" if opener.endswith("。") else "BY"
    assert reread(line_rules._headline_alone_among_furniture, page, f"F F F {below}") == f"F T F {below}"


def test_a_section_name_among_the_page_heads_furniture_heads_no_story() -> None:
    page = "\n".join(("2026年11月20日", "综合新闻", "游客在东湖赏灯。"))
    assert reread(line_rules._headline_alone_among_furniture, page, "F F B") == "F F B"


def test_a_piece_of_a_meta_line_a_wrap_cut_heads_no_story() -> None:
    page = "\n".join(("（ 2026-11-20 ） 稿件来", "源：东江日报 要闻", "本报记者 柳静文"))
    assert reread(line_rules._headline_alone_among_furniture, page, "F F BY") == "F F BY"


@pytest.mark.parametrize("codes", ["F F T B", "B F F B", "F F F CAP"])
def test_a_page_whose_first_story_has_a_headline_or_opens_the_page_keeps_its_furniture(codes: str) -> None:
    page = "\n".join(("2026年11月20日", "东湖灯会亮灯迎新春", "西山庙会开幕", "游客在东湖赏灯。"))
    assert reread(line_rules._headline_alone_among_furniture, page, codes) == codes


@pytest.mark.parametrize(
    "line",
    [
        "游客在东湖公园赏灯。",  # a sentence: no headline
        "（东湖公园管理处供图）",  # a credit in brackets closes a story, heads none
    ],
)
def test_a_furniture_pages_one_other_line_that_could_head_nothing_stays_furniture(line: str) -> None:
    page = "\n".join(("2026年11月20日", "第A05版：要闻", line))
    assert reread(line_rules._headline_alone_among_furniture, page, "F F F") == "F F F"


# --- _marked_headlines_read_as_bylines: a mark before a headline, as others set it before names ---


def test_a_marked_line_read_as_a_byline_that_names_nobody_is_a_headline() -> None:
    page = "\n".join(("■ 东湖夜市今晚开市", "游客在东湖公园赏灯。"))
    assert reread(line_rules._marked_headlines_read_as_bylines, page, "BY B") == "T B"


@pytest.mark.parametrize(
    "line",
    [
        "■ 本报记者 柳静文",  # names a reporter
        "□ 记 者 卢 晓 岚",  # the same, spaced out
        "■ 本 报记 者 卢晓岚",  # the same, spaced unevenly
        "◆ 文/詹丽娟",  # a writer under a label
        "◆ ■记者手记",  # a column's label
        "□记者 詹敏 通讯员 柏",  # a byline a wrap cut before its last name
        "□ 记者 齐",  # the same, short
        "■ 东湖",  # as short as a wrap's piece
        "◆ 东湖大家谈",  # a column's name
        "■ 柳静文 卢晓岚",  # names alone
        "□ 东江日报评论员",  # a commentator's signature, naming no one
        "■ （东湖区融媒体中心）",  # a credit in brackets
        "■ 夜市今晚开市。",  # a sentence
        "东湖夜市今晚开市",  # no mark: the labeller's reading stands
    ],
)
def test_a_line_read_as_a_byline_stays_one_unless_marked_and_naming_nobody(line: str) -> None:
    page = "\n".join((line, "游客在东湖公园赏灯。"))
    assert reread(line_rules._marked_headlines_read_as_bylines, page, "BY B") == "BY B"


# --- _headlines_broken_across_roles: one headline read as two parts of its block -----------------


@pytest.mark.parametrize(
    ("page", "codes", "read"),
    [
        ("东江水进西山（引水工程\n建设手记）\n　　东江二期工程日前开工。", "K T B", "T T B"),
        ("东江水进西山（引水工程\n\n建设手记）\n　　东江二期工程日前开工。", "T _ S B", "T _ T B"),
        ("东湖区获评全国文明城市提名城\n市\n　　东湖区日前获评。", "T S B", "T T B"),
        ("在东湖区第三次党代会\n上的报告\n　　同志们：", "T S B", "T T B"),
        ("在东湖区经济工作会议\n上的讲话\n　　同志们：", "K T B", "T T B"),
        ("柳静文文章\n在东湖区经济工作会议\n上的讲话\n　　同志们：", "K T S B", "K T T B"),
    ],
    ids=["bracket-kicker", "bracket-subtitle", "word-end", "speech", "speech-kicker", "speech-under-kicker"],
)
def test_a_headline_broken_in_two_is_read_as_one(page: str, codes: str, read: str) -> None:
    assert reread(line_rules._headlines_broken_across_roles, page, codes) == read


@pytest.mark.parametrize(
    ("page", "codes"),
    [
        # the bracket closes inside the line: the kicker ends there
        ("山里人家·护林日记（西山\n篇）护林人的一天\n　　西山县的护林人走遍了山林。", "K T B"),
        ("东湖区获评全国文明城市\n——侧记\n　　东湖区日前获评。", "T S B"),  # a dash opens a subtitle
        ("东湖区获评全国文明城市\n再提名\n　　东湖区日前获评。", "T S B"),  # three characters say something
        (
            "东湖区获评全国文明城市（\n提名）\n　　东湖区日前获评。",
            "B T B",
        ),  # a paragraph's bracket is another rule's
        # a speech's whole title over its date and place
        ("在东湖区经济工作会议上的讲话\n在东湖区政府会议中心\n　　同志们：", "T S B"),
        # a place where something was done, over the headline: no speech
        ("在东湖区经济工作会议上\n柳静文作报告\n　　同志们：", "K T B"),
    ],
    ids=["closed-inside", "dash", "three-characters", "text-above", "whole-speech", "no-speech"],
)
def test_a_header_blocks_parts_stay_apart(page: str, codes: str) -> None:
    assert reread(line_rules._headlines_broken_across_roles, page, codes) == codes


# --- _issuers_read_as_headlines: a notice's sign-off -------------------------------------------


_SIGNED_OFF = (
    "　　东湖区今年将改造老旧小区十二个。\n　　特此公告。\n东湖区人民政府办公室\n2026年11月20日\n{after}"
)


@pytest.mark.parametrize(
    ("after", "codes"),
    [("责任编辑：王明远", "F"), ("西山庙会开幕", "T"), ("", "_")],
    ids=["page-foot", "next-headline", "page-end"],
)
def test_the_issuer_over_a_notices_date_is_text(after: str, codes: str) -> None:
    page = _SIGNED_OFF.format(after=after)
    assert reread(line_rules._issuers_read_as_headlines, page, f"B B T F {codes}") == f"B B B F {codes}"


@pytest.mark.parametrize(
    ("page", "codes"),
    [
        # a web copy's headline over its date, and the story under them
        (_SIGNED_OFF.format(after="　　游客在东湖公园赏灯。"), "B B T F B"),
        # the paragraph above runs on: the line is no sign-off
        ("　　东湖区今年将改造老旧小区，\n东湖区人民政府办公室\n2026年11月20日\n", "B T F _"),
        # no date under it
        ("　　特此公告。\n东湖区人民政府办公室\n责任编辑：王明远\n", "B T F _"),
        # under a headline, not under text: a header block's line over the copy's date
        ("关于东湖区老旧小区改造的公告\n东湖区人民政府办公室\n2026年11月20日\n", "T S F _"),
    ],
    ids=["story-follows", "runs-on", "no-date", "under-a-headline"],
)
def test_a_headline_that_signs_off_nothing_stays_a_headline(page: str, codes: str) -> None:
    assert reread(line_rules._issuers_read_as_headlines, page, codes) == codes


# --- _attendance_read_as_headlines: who attended, under the headline -----------------------------


@pytest.mark.parametrize("codes", ["K T B", "T T B"])
@pytest.mark.parametrize("attended", ["柳静文出席并讲话", "柳静文出席 卢晓岚主持", "市委书记柳静文出席"])
def test_who_attended_is_the_headlines_subtitle(codes: str, attended: str) -> None:
    page = f"东湖区经济工作会议召开\n{attended}\n　　本报讯 会议12月3日召开。"
    assert reread(line_rules._attendance_read_as_headlines, page, codes) == "T S B"


@pytest.mark.parametrize(
    ("upper", "lower", "codes"),
    [
        ("东湖区经济工作会议召开", "柳静文强调", "K T B"),  # quotes them: no subtitle
        ("东湖区经济工作会议召开", "柳静文出席", "B T B"),  # under text, not a headline
        ("东湖区经济工作会议召开", "柳静文出席", "K S B"),  # read as a subtitle already
        ("齐建华出席", "柳静文出席", "K T B"),  # two such lines: which heads is not for the rule
        ("东湖区经济工作会议", "在全体会议上的讲话", "T T B"),  # a speech's title broken in two
        ("柳静文出席东湖区经济工作会议开幕", "式并代表区委致辞", "T T B"),  # a wrap's piece, no name
    ],
    ids=["quotes", "under-text", "subtitle-already", "both", "speech", "wrapped"],
)
def test_a_header_line_that_names_no_attendance_stays_as_read(upper: str, lower: str, codes: str) -> None:
    page = f"{upper}\n{lower}\n　　本报讯 会议12月3日召开。"
    assert reread(line_rules._attendance_read_as_headlines, page, codes) == codes


# --- _quoting_kickers_over_text: who stressed what, over the headline -----------------------------

_STRESSED = "{upper}\n{lower}\n2026年11月20日，柳静文到东湖区供暖公司调研。"


@pytest.mark.parametrize("codes", ["T B B", "K B B", "T S B", "K K B"])
@pytest.mark.parametrize(
    "upper", ["柳静文在东湖区调研时强调", "卢晓岚在全市供暖工作会议上指出", "柳静文在东湖区调研时强 调"]
)
def test_who_stressed_what_is_the_kicker_of_what_was_stressed(codes: str, upper: str) -> None:
    page = _STRESSED.format(upper=upper, lower="推动冬季供暖平稳有序")
    assert reread(line_rules._quoting_kickers_over_text, page, codes) == "K T B"


def test_what_was_stressed_over_two_lines_is_the_headline_broken_in_two() -> None:
    # The labeller read the headline's first line as a second kicker: what was stressed is the
    # headline, however many lines it takes.
    page = "柳静文在东湖区调研时强调\n推动冬季供暖平稳有序\n确保群众温暖过冬\n2026年11月20日，柳静文到东湖区供暖公司调研。"
    assert reread(line_rules._quoting_kickers_over_text, page, "K K T B") == "K T T B"


@pytest.mark.parametrize(
    ("upper", "lower", "codes"),
    [
        ("柳静文在东湖区调研时强调", "推动冬季供暖平稳有序", "B B B"),  # read as text: a paragraph's line
        ("东湖区落实冬季安全生产要求", "推动冬季供暖平稳有序", "T B B"),  # 要求 a noun: a headline
        ("柳静文在东湖区调研时强调", "要推动冬季供暖平稳有序。", "T B B"),  # a sentence under it: the text
        ("柳静文在东湖区调研时强调", "本报讯 供暖季11月20日开始", "T B B"),  # a lead under it
        ("柳静文在东湖区调研时强调", "图为东湖区供暖公司职工检修管道", "T CAP B"),  # a caption under it
    ],
    ids=["text", "noun", "sentence", "lead", "caption"],
)
def test_a_line_under_no_quoting_kicker_stays_as_read(upper: str, lower: str, codes: str) -> None:
    page = _STRESSED.format(upper=upper, lower=lower)
    assert reread(line_rules._quoting_kickers_over_text, page, codes) == codes


def test_a_county_page_keeps_the_headline_under_who_stressed_it() -> None:
    # A county media centre's page: no opener, stories signed at their end and set apart by a
    # blank line, nothing inside one. The labeller reads the kicker as the headline and the
    # headline as the story's first paragraph.
    page = parse_page(
        "东湖区启动冬季供暖设施检修\n"
        "11月18日，东湖区供暖公司组织职工对全区管网进行检修。截至目前，已检修管道12公里。\n"
        "检修工作将持续到11月底。\n"
        "记者 卢晓岚 通讯员 詹敏\n"
        "\n"
        "柳静文在东湖区调研时强调\n"
        "推动冬季供暖平稳有序\n"
        "11月20日，柳静文到东湖区供暖公司调研，察看管网检修和煤炭储备情况。\n"
        "她说，供暖关系千家万户，要确保群众温暖过冬。\n"
        "记者 齐建华\n"
    )
    second = page.articles[1]
    assert (second.kicker, second.title) == ("柳静文在东湖区调研时强调", "推动冬季供暖平稳有序")
    assert second.paragraphs[0].startswith("11月20日，柳静文到东湖区供暖公司调研")


# --- _stressed_subtitles: what the one the headline names stressed, under it -----------------------

_STRESSED_UNDER = "柳静文到东湖区供暖公司调研\n{lower}\n本报讯 11月20日，柳静文到东湖区供暖公司调研。"


@pytest.mark.parametrize(
    "lower", ["强调冬季供暖要平稳有序", "指出要确保群众温暖过冬", "## 强调冬季供暖要平稳有序"]
)
def test_what_was_stressed_under_a_headline_is_its_subtitle(lower: str) -> None:
    page = _STRESSED_UNDER.format(lower=lower)
    assert reread(line_rules._stressed_subtitles, page, "K T B") == "T S B"


@pytest.mark.parametrize(
    ("lower", "codes"),
    [
        ("强调冬季供暖要平稳有序", "T T B"),  # one headline broken in two: not for this rule
        ("强调冬季供暖要平稳有序", "T S B"),  # read so already
        ("冬季供暖要平稳有序", "K T B"),  # a headline of its own under a kicker
    ],
    ids=["one-headline", "subtitle-already", "no-verb"],
)
def test_a_headline_under_a_kicker_that_stresses_nothing_stays_as_read(lower: str, codes: str) -> None:
    page = _STRESSED_UNDER.format(lower=lower)
    assert reread(line_rules._stressed_subtitles, page, codes) == codes


# --- _stressed_headlines_in_two_lines: what was stressed, run on over two lines -------------------

_STRESSED_OVER_TWO = (
    "柳静文在东湖区调研时强调\n推动冬季供暖平稳有序\n{third}\n　　11月20日，柳静文到东湖区供暖公司调研。"
)


def test_what_was_stressed_runs_on_over_the_line_read_as_the_subtitle() -> None:
    page = _STRESSED_OVER_TWO.format(third="确保群众温暖过冬")
    assert reread(line_rules._stressed_headlines_in_two_lines, page, "K T S B") == "K T T B"


@pytest.mark.parametrize(
    ("page", "codes"),
    [
        (_STRESSED_OVER_TWO.format(third="齐建华出席"), "K T S B"),  # who attended: the subtitle
        (_STRESSED_OVER_TWO.format(third="——记东湖区供暖公司"), "K T S B"),  # a dash opens a subtitle
        # a web meta line that lost its colon with the page's punctuation
        (_STRESSED_OVER_TWO.format(third="（2026-11-20） 稿件来源东湖日报 要闻"), "K T S B"),
        (_STRESSED_OVER_TWO.format(third="确保群众温暖过冬"), "T T S B"),  # no kicker over the headline
        (
            "东湖区召开供暖工作会议\n推动冬季供暖平稳有序\n确保群众温暖过冬\n　　11月20日，会议召开。",
            "K T S B",
        ),  # the kicker quotes no one
    ],
    ids=["attended", "dash", "meta-line", "no-kicker", "no-quote"],
)
def test_a_subtitle_under_no_quoting_kicker_or_reporting_an_act_stays(page: str, codes: str) -> None:
    assert reread(line_rules._stressed_headlines_in_two_lines, page, codes) == codes


def test_two_weighed_lines_over_a_line_read_as_a_caption_stay_as_read() -> None:
    # Only a paragraph under them makes them a header block: a photo's caption makes them no story.
    page = _TWO_LINES_APART.format(para="", first="", second="", lead="")
    codes = "T B B _ T B B _ B B CAP"
    assert reread(_weighed({_LAST_TWO: ("kicker", "title")}), page, codes) == codes
