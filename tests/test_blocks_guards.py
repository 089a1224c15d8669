"""Tests that pin the guards of ``parse/blocks.py`` that no other test reached: a mutation check
that made each of these conditions ``False`` failed no test. The functions are called directly
(lines or units in, value out) and each expected value was worked out by hand from what the
function is for. All text is made up.

None of these conditions, taken whole, is a speed check only, so each has a test. One part of one
is: in ``_merge_cut_leads``, ``unit.text.startswith("本")`` goes before ``_OUR_PAPER_RE.match``
(an anchored 本\\s?报, which needs the 本 anyway); the condition as a whole is tested below.
"""

from __future__ import annotations

import pytest

from liaocheng_tui.parse.blocks import (
    Shape,
    Unit,
    _author_note_follows,
    build_units,
    classify,
    classify_all,
    filled_lines,
)
from liaocheng_tui.parse.normalize import Line
from liaocheng_tui.parse.roles import Role

HEADLINE = "东湖区新建三座口袋公园"
BODY = "今年，东湖区在老城区新建了三座口袋公园，总面积一万平方米。"
AUTHOR_NOTE = "（作者为东湖区园林局干部）"


def lines_of(*texts: str) -> list[Line]:
    return [Line(number, text, False) for number, text in enumerate(texts, start=1)]


def unit(text: str, shape: Shape = Shape.PARA, *, level: int = 0, gap_before: bool = True) -> Unit:
    return Unit(text, 1, 1, level=level, gap_before=gap_before, shape=shape)


def test_a_narrow_pdf_column_whose_lines_hold_figures_is_hard_wrapped() -> None:
    # _narrow_column_fills: a PDF cuts a column by its room, where a digit takes half a
    # character's; lines with figures hold more characters (12 to 16 here, no length shared by
    # four lines in ten, so the count of characters finds no column), and only the display
    # columns (24 on every full line) show the column's edge. The paragraph's last line (分点。)
    # falls short of it.
    lines = lines_of(
        "西山县统计局近日公布数据",
        "2024年1至9月，全县粮食总",
        "产量达36.5万吨，同比增长",
        "4.2%，其中秋粮产量为28.7",
        "万吨，占全年总产量的七成",
        "以上。全县新建高标准农田",
        "1.6万亩，新修机耕道路120",
        "公里，农机化率达到了86.5",
        "%，比上一年提高了3.2个百",
        "分点。",
    )
    assert filled_lines(lines) == [True] * 9 + [False]


def test_a_line_the_labeller_read_as_blank_is_body_text_joined_to_its_paragraph() -> None:
    # build_units: a line holding text that the labeller called blank is read as body, so it
    # goes on the paragraph whose sentence it finishes (it opens with a comma) and no unit
    # carries the role blank.
    roles: list[Role] = ["body", "blank"]
    units = build_units(lines_of("东湖区今年新建了三座口袋公园", "，总面积达一万平方米。"), [], roles=roles)
    assert [(u.text, u.line, u.end, u.role) for u in units] == [
        ("东湖区今年新建了三座口袋公园，总面积达一万平方米。", 1, 2, "body")
    ]


def test_an_opening_byline_whose_bracket_the_layout_cut_is_one_lead() -> None:
    # _merge_cut_leads: 本报讯（记者 / 王明）… is one opening byline cut inside its bracket;
    # the line after it is the rest of the lead, not a paragraph of its own.
    units = build_units(lines_of("本报讯（记者", "王明）12日，东湖区第一所乡村书院在李家村开门。"), [])
    assert [(u.text, u.line, u.end) for u in units] == [
        ("本报讯（记者王明）12日，东湖区第一所乡村书院在李家村开门。", 1, 2)
    ]


@pytest.mark.parametrize(
    ("text", "level", "expected"),
    [
        # a markdown heading of level 3 or more is a crosshead inside the story, not a headline
        ("东湖区三大片区建设", 3, Shape.CROSSHEAD),
        ("东湖区三大片区建设", 4, Shape.CROSSHEAD),
        # a paragraph opening with a dateline and byline is a story's lead, however it reads
        ("本报讯（记者 王明）12日，东湖区第一所乡村书院在李家村开门。", 0, Shape.LEAD),
        # a closing credit in brackets, short as a headline line, is a credit
        ("（王明 李华）", 0, Shape.CREDIT),
        ("（作者为西山县文化馆馆员）", 0, Shape.CREDIT),
        # a line opening with a dash is a subtitle, short as a headline line as it is
        ("——写在西山县农家书屋建成十周年之际", 0, Shape.DASH),
        # a markdown heading of level 1 or 2 is a heading, short or long
        ("东湖区三大片区建设", 2, Shape.HEADING),
        ("东湖区三大片区建设", 1, Shape.HEADING),
        (BODY, 1, Shape.HEADING),
        # a data box's row (a label, then figures) is text, though short and without a stop
        ("西山县粮食产量 48.6万吨 增长3.2%", 0, Shape.PARA),
        ("东湖区新增就业 1.2万人", 0, Shape.PARA),
    ],
)
def test_classify_reads_a_units_shape_from_its_level_grammar_and_marks(
    text: str, level: int, expected: Shape
) -> None:
    assert classify(unit(text, level=level)) is expected


def test_a_paragraph_opening_with_a_dash_heavier_than_a_subtitle_is_no_dash_line() -> None:
    # classify: a subtitle is short; a long paragraph that opens with a dash (a quoted speaker's
    # turn) is text.
    text = "——王明说，" + "东湖区今年在老城区新建了三座口袋公园，" * 3 + "明年还要再建五座。"
    assert classify(unit(text)) is Shape.PARA


def test_a_story_that_closes_with_an_author_note_is_found() -> None:
    # _author_note_follows: the story's closing credit is an author note (（作者为…）).
    units = [unit(BODY), unit(BODY), unit(AUTHOR_NOTE, Shape.CREDIT)]
    assert _author_note_follows(units, 0) is True


def test_a_closing_credit_that_is_no_author_note_ends_the_search() -> None:
    # _author_note_follows: the first closing credit (the reporters' names) closes the story;
    # an author note further on is another story's.
    units = [unit(BODY), unit("（王明 李华）", Shape.CREDIT), unit(BODY), unit(AUTHOR_NOTE, Shape.CREDIT)]
    assert _author_note_follows(units, 0) is False


@pytest.mark.parametrize(
    "opening",
    [
        unit("西山县举办首届农民运动会", Shape.HEADING),
        unit("记者 王明 通讯员 李华", Shape.BYLINE),
        unit("本报讯（记者 李华）12日，西山县首届农民运动会开幕。", Shape.LEAD),
    ],
)
def test_an_author_note_after_another_story_opens_is_not_this_storys(opening: Unit) -> None:
    # _author_note_follows: a heading, byline or lead opens another story, whose author note
    # says nothing of the story before it.
    units = [unit(BODY), opening, unit(BODY), unit(AUTHOR_NOTE, Shape.CREDIT)]
    assert _author_note_follows(units, 0) is False


@pytest.mark.parametrize(
    "units",
    [
        # letter-spaced, set apart by blank lines
        [unit(HEADLINE), unit("王 明"), unit(BODY)],
        # right under the headline and over the body, no blank line between
        [unit(HEADLINE), unit("王明", gap_before=False), unit(BODY, gap_before=False)],
        # set apart, but the piece closes with an author note
        [unit(HEADLINE), unit("王明"), unit(BODY), unit(AUTHOR_NOTE)],
    ],
)
def test_a_lone_name_under_a_headline_over_the_body_is_the_byline(units: list[Unit]) -> None:
    # classify_all: a name alone under a headline, with the story right after it, is its author.
    classify_all(units)
    assert units[1].shape is Shape.BYLINE
    assert units[0].shape is Shape.SHORT and units[2].shape is Shape.PARA


def test_a_short_line_set_apart_under_a_headline_without_an_author_note_stays_short() -> None:
    # classify_all: 高温 reads as a name, but set apart by blank lines in a piece without an
    # author note it is headline material, not a byline.
    units = [unit(HEADLINE), unit("高温"), unit(BODY)]
    classify_all(units)
    assert [u.shape for u in units] == [Shape.SHORT, Shape.SHORT, Shape.PARA]


def test_a_bracketed_reporters_line_under_a_headline_is_the_byline() -> None:
    # classify_all: (记者 X 通讯员 Y) reads as a closing credit, but printed under the headline
    # and over the body it is the story's byline.
    units = [unit(HEADLINE), unit("（记者 王明 通讯员 李华）"), unit(BODY)]
    classify_all(units)
    assert [u.shape for u in units] == [Shape.SHORT, Shape.BYLINE, Shape.PARA]


def test_a_bracketed_credit_at_a_storys_end_stays_a_credit() -> None:
    # classify_all: the same credit after the body closes the story.
    units = [unit(HEADLINE), unit(BODY), unit("（记者 王明 通讯员 李华）"), unit(HEADLINE)]
    classify_all(units)
    assert [u.shape for u in units] == [Shape.SHORT, Shape.PARA, Shape.CREDIT, Shape.SHORT]
