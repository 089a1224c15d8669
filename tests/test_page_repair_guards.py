"""Tests that pin the guards of ``parse/clean.py``, ``across.py``, ``columns.py``, ``records.py``
and ``repair.py`` that no other test reached (a mutation check that made each condition ``False``
failed no test). The functions are pure: each test calls one with a made-up input and compares the
exact value it returns, worked out by hand from what the function is for. All text is made up.

Some conditions are speed checks, whose removal changes no result, and have no test:

- ``clean.squeeze_spaces`` returns at once on a text with no space: the pattern opens with a
  space, so it finds nothing there (and ``re.sub`` returns the very string it was given).
- ``clean.strip_emphasis`` returns at once on a text with neither ``**`` nor ``__``: the pattern
  is those two, so it finds nothing there (and the string returned is the one given, which
  ``clean_body`` asks with ``is``).
- ``columns.read_columns`` returns None at once on a text with neither two spaces nor a tab:
  ``find_gutters`` counts only lines holding one of them, finds none, and gives no gutter.
- ``repair.join_vertical_runs`` goes on at once where no run is open: an empty run counts no
  characters, joins nothing and is emptied again.
- ``repair.lost_characters`` stops its loop once nothing is left to find: what each further line
  takes is counted against an empty counter, which leaves nothing.

One guard of ``across.headlines_across_columns`` has no test, because on a page a reader would
take for a page in columns it does what looks wrong (reported; the code is unchanged): the count
of characters that stops a page before its widths are measured (a column of prices, whose lines
fill the column with different numbers of characters because half-width figures take half the
room, keeps its headline as text). The one that left a wide line under a headline as text (a
headline's second line was read as the start of the story's first paragraph) was mended: the line
joins the header, tested at the end of the across tests.
"""

from __future__ import annotations

import pytest
from test_parse_columns import wrapped

from liaocheng_tui.parse.across import headlines_across_columns
from liaocheng_tui.parse.clean import continues, join_text, row_cells
from liaocheng_tui.parse.columns import display_widths, find_gutters, read_columns
from liaocheng_tui.parse.models import Dropped, Page
from liaocheng_tui.parse.normalize import lines_of
from liaocheng_tui.parse.records import parse_records
from liaocheng_tui.parse.repair import join_vertical_runs, lost_characters, repair_page
from liaocheng_tui.parse.roles import Role

# clean.py


@pytest.mark.parametrize(
    "text",
    [
        "19:00",  # a time alone: one cell
        "东湖 西山 南岭 北塘 中坪 外滩 12元",  # seven cells: more than a table's row holds
        ".26% 投入 172亿元",  # a wrapped sentence's piece, opening with the rest of a figure
        "白菜，每斤 0.8元",  # a clause
    ],
)
def test_a_line_of_one_cell_seven_cells_a_sentences_piece_or_a_clause_is_no_row(text: str) -> None:
    # row_cells: each of these ends with a figure (or is a time), as a row does, but a row has two
    # to six cells, opens with its first word and holds no clause.
    assert row_cells(text) is None


def test_a_row_of_short_cells_ending_with_a_figure_is_a_row() -> None:
    assert row_cells("东湖 西山 南岭 北塘 中坪 12元") == ["东湖", "西山", "南岭", "北塘", "中坪", "12元"]


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("Windows", "11", "Windows 11"),  # a Latin word and a number keep their space
        ("8月3", "1日", "8月31日"),  # a number the layout cut is one number
        ("G20", "峰会", "G20峰会"),
        ("东湖区", "2024", "东湖区2024"),
        ("", "Windows", "Windows"),
    ],
)
def test_pieces_of_a_sentence_are_joined_with_a_space_only_between_latin_words(
    left: str, right: str, joined: str
) -> None:
    assert join_text(left, right) == joined


@pytest.mark.parametrize(
    ("previous", "following"),
    [
        ("", "难题。依托西山县的资源"),  # nothing above
        ("今天，东湖区召开防汛工作会议。", "会议要求，各街道要落实责任。"),  # a sentence ended above
        ("今天，东湖区召开防汛", ""),  # nothing below
        ("南岭区新增健身路径36条。（孙丽）", "对话新农人"),  # a brief's credit after its sentence
        ("东湖区召开防汛工作会议。（完）", "西山县启动冬季供暖"),  # a story's close
        ("项目总投资5亿元。 (下转第2版)", "东湖区新建口袋公园"),  # a jump line
    ],
)
def test_nothing_carries_on_an_empty_line_or_a_finished_sentence(previous: str, following: str) -> None:
    # continues: only a sentence left open goes on; the rest of the function would read the
    # comma of a finished sentence, or the short clause under an empty line, as a cut.
    assert continues(previous, following) is False


@pytest.mark.parametrize(
    "previous",
    [
        "东湖区召开防汛工作会议。西山县",  # a sentence ends inside: prose
        "东湖区今年计划在城区新建改建公园绿地二十处并对老旧小区的道路管网和路灯进行全面改造",  # long
        "区长王明说“今年要为群众办好十件实事",  # a quote left open
    ],
)
def test_prose_cut_at_its_lines_end_carries_on_into_the_next_line(previous: str) -> None:
    # continues: a line of prose (a stop inside, longer than a headline, a quote open) that
    # ends no sentence was cut by the layout, whatever the next line opens with; without this
    # test the next line would have to open with a short clause.
    assert continues(previous, "具体项目将在年底前全部完成。") is True


# across.py

_STORY = (
    "今年以来，东湖区持续推进全民阅读活动，在各街道新建城市书房二十余处，每处藏书三千余册，"
    "居民步行十五分钟即可借书还书。区图书馆还组织志愿者走进社区和学校，开展读书分享会一百多场，"
    "吸引了众多家长带着孩子参加，全区人均阅读量比去年明显增加。下一步，东湖区将继续完善阅读设施，"
    "让书香飘满每一个角落。"
)
_COLUMN = wrapped(_STORY, 20)  # fourteen lines of 20 display columns and a last one of 10


def _roles_after(texts: list[str], given: dict[int, Role] | None = None) -> list[Role]:
    roles: list[Role] = ["body"] * len(texts)
    for index, role in (given or {}).items():
        roles[index] = role
    return headlines_across_columns(lines_of(texts), roles)


def test_the_story_is_cut_into_a_column_of_twenty_display_columns() -> None:
    assert display_widths(_COLUMN) == [20] * 14 + [10]


def test_a_longer_name_in_a_list_of_short_ones_is_no_headline() -> None:
    # headlines_across_columns: lines of three characters make no column of text, so a line
    # wider than they are is no headline set across columns.
    names = ["东湖区", "西山县", "南岭镇", "北塘乡", "中坪镇", "石桥乡", "白沙镇"] * 3
    texts = [*names[:10], "东湖区经济技术开发区", *names[10:]]
    assert _roles_after(texts) == ["body"] * 22


def test_a_longer_line_of_a_ragged_poem_is_no_headline() -> None:
    # headlines_across_columns: a column's lines fill it; lines of many widths, none of them
    # shared by two fifths of the page, are no column, and a wider line among them no headline.
    verses = ["春风吹过东湖岸边的柳树", "西山的桃花开满了整个山坡", "孩子们在田埂上放起了风筝啊"]
    assert [len(verse) for verse in verses] == [11, 12, 13]
    texts = [*verses * 4, "我们在东湖岸边种下的每一棵小树都已经长高", *verses * 3]
    assert _roles_after(texts) == ["body"] * 22


def test_a_line_printed_again_and_again_as_wide_is_no_headline() -> None:
    # headlines_across_columns: a headline is as wide as two other lines of the page at most;
    # a prompt printed under each story, four times as wide, is none.
    prompt = "扫描二维码观看东湖读书节精彩视频"
    texts = [*_COLUMN, prompt, *_COLUMN[:7], prompt, *_COLUMN[7:], prompt, *_COLUMN, prompt]
    assert _roles_after(texts) == ["body"] * len(texts)


def test_two_wide_lines_one_under_the_other_are_no_headline() -> None:
    # headlines_across_columns: a line as wide as the one next to it is a line of text set at a
    # wider measure (a note over the story), not a headline.
    note = ["本版稿件由东湖区委宣传部和东江日报社联合", "推出欢迎广大读者朋友踊跃参加读书节活动。"]
    assert display_widths(note) == [40, 40]
    texts = [*_COLUMN, *note, *_COLUMN]
    assert _roles_after(texts) == ["body"] * len(texts)


_DASHED = "——西山县图书馆馆员李华讲述阅读推广故事"
_WIDE = "全区十万群众共享书香盛宴"


@pytest.mark.parametrize(
    ("wide", "above", "role"),
    [
        # headlines_across_columns: a dash opens a subtitle, never a headline: under a headline its
        # subtitle, under the text left as it was
        (_DASHED, "title", "subtitle"),
        (_DASHED, "body", "body"),
        # a line set across the columns right under a headline is its subtitle (or its second
        # line), under a kicker the headline; as text it would open the story's first paragraph
        (_WIDE, "title", "subtitle"),
        (_WIDE, "subtitle", "subtitle"),
        (_WIDE, "kicker", "title"),
    ],
)
def test_a_wide_line_under_a_header_line_joins_the_header_and_a_dashed_one_is_never_a_headline(
    wide: str, above: Role, role: Role
) -> None:
    texts = [*_COLUMN, "东湖区举办首届读书节", wide, *_COLUMN]
    at = texts.index(wide)
    expected: list[Role] = ["body"] * len(texts)
    expected[at - 1], expected[at] = above, role
    assert _roles_after(texts, {at - 1: above}) == expected


def test_a_wide_line_under_a_headline_this_rule_found_is_left_to_the_labeller() -> None:
    # headlines_across_columns: only a header the labeller read takes the wide line under it;
    # under one this rule made, it is another photo's or story's headline, not its subtitle.
    first, second = "东湖区举办首届读书节活动", "西山县新建十座城市书房"
    texts = [*_COLUMN, first, second, *_COLUMN]
    expected: list[Role] = ["body"] * len(texts)
    expected[texts.index(first)] = "title"
    assert _roles_after(texts) == expected


# columns.py


_SCHOOLS = [
    "东湖区第一实验小学",
    "东湖区第二实验小学",
    "西山县第一实验中学",
    "西山县第二实验中学",
    "南岭镇第一中心小学",
    "北塘乡第一中心小学",
    "中坪镇第二中心小学",
    "白沙镇第三中心小学",
]


def test_a_table_with_its_cells_set_apart_by_one_tab_is_no_page_in_columns() -> None:
    # find_gutters: a page is set in columns when most of its lines hold a gap of two spaces or
    # tabs; one tab between a table's cells leaves blank display columns too (to the next tab
    # stop), but reading the table column by column would part each school from its head.
    heads = ["王明", "李华", "张强", "赵刚", "孙丽", "周红", "吴刚", "郑伟"]
    lines = [f"{school}\t{head}" for school, head in zip(_SCHOOLS, heads, strict=True)]
    assert find_gutters(lines) == []
    assert read_columns("\n".join(lines)) is None


def test_a_page_spaced_out_character_by_character_is_no_page_in_columns() -> None:
    # find_gutters: OCR that set two spaces between every two characters leaves gaps at the same
    # places down the page, as gutters are; but a page in columns has a few gaps a line, not one
    # between every two characters.
    lines = ["  ".join(school) for school in _SCHOOLS]
    assert find_gutters(lines) == []
    assert read_columns("\n".join(lines)) is None


# records.py


def _records(text: str) -> Page | None:
    return parse_records(text.split("\n"), "export.txt")


def test_a_field_label_inside_a_records_text_stays_in_the_text() -> None:
    # parse_records: after a record's text has begun, only the label that opened the record
    # starts a field; a notice's 内容： inside the text is the text's.
    page = _records(
        "标题：东湖区开展防汛演练\n作者：王明\n正文：\n"
        "　　6月8日，东湖区组织开展防汛应急演练。\n"
        "内容：转移群众、抢险堵口和医疗救护。\n"
        "　　全区三百余人参加演练。\n"
    )
    assert page is not None
    (article,) = page.articles
    assert article.paragraphs == [
        "6月8日，东湖区组织开展防汛应急演练。",
        "内容：转移群众、抢险堵口和医疗救护。",
        "全区三百余人参加演练。",
    ]


def test_a_page_with_a_record_of_one_field_is_no_export_of_records() -> None:
    # parse_records: every record of an export names two kinds of field; a page where one
    # 标题： stands alone over its text is left to the labeller.
    page = _records(
        "标题：东湖区开展防汛演练\n作者：王明\n正文：全区三百余人参加演练。\n\n"
        "标题：西山县启动读书月活动\n读书月期间将举办讲座二十场。\n"
    )
    assert page is None


def test_a_page_that_names_only_a_title_and_a_text_is_no_export_of_records() -> None:
    # parse_records: a printed page may head a pupil's essay 题目：… 内容：…; an export names
    # another field besides (作者, 日期, 来源…).
    page = _records("题目：我的家乡西山县\n内容：我的家乡在西山县，那里有青山和绿水。\n")
    assert page is None


def test_a_field_left_empty_fills_nothing() -> None:
    # _put: an empty 作者： gives no byline (not an empty one), and an empty 版次： nothing dropped.
    page = _records(
        "标题：东湖区开展防汛演练\n作者：\n版次：\n日期：2024年6月8日\n正文：全区三百余人参加演练。\n"
    )
    assert page is not None
    (article,) = page.articles
    assert article.byline is None
    assert [item for item in page.dropped if item.reason == "record-field"] == [
        Dropped("2024年6月8日", "record-field", 4)
    ]


# repair.py


def test_two_lines_of_one_character_each_are_a_vertical_headline() -> None:
    # join_vertical_runs: no horizontal text sets two lines of one character in a row.
    lines = ["上一篇的正文。", "东", "湖", "本报讯（记者 王明）6月8日，东湖区举办读书节。"]
    assert join_vertical_runs(lines) == ["上一篇的正文。", "", "东湖", lines[3]]


def test_a_page_not_repaired_lost_no_character() -> None:
    # lost_characters: nothing was taken off a page returned as it was, though a radical on it
    # reads as the character it stands for (⽇ for 日). repair_page writes such a page anew,
    # but a caller may ask about a page it did not repair.
    text = "东江⽇报\n东湖区举办读书节。"
    assert lost_characters(text, text) == []
    assert lost_characters(text, repair_page(text)) == []


def test_prose_that_closes_a_bracket_of_its_own_carries_on() -> None:
    # The guard (a sentence's end before the bracket): a note inside a sentence (（记者 王明）, a
    # clause in brackets) closes no paragraph.
    assert continues("东湖区召开防汛工作会议。会议由区长（王明）", "主持。") is True
    assert continues("东湖区召开防汛工作会议。会议要求各街道（社区）", "落实责任。") is True
