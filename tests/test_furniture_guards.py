"""The guards of parse/furniture.py that no other test reached: the length limit of a page's head
(``is_furniture_line``), the line filter of ``stray_marks``, the limit that keeps a story's long
line from the web furniture patterns (``is_web_furniture_line``) and ``masthead_in``'s full
masthead. Each test calls the function on made-up lines and checks the exact value, worked out by
hand from what the function is for: without the guard named beside it, the function answers
otherwise.

Speed checks, whose removal changes no result, have no test:

- ``is_ad_label``: ``"广" not in text or "告" not in text`` (every label the pattern takes holds
  广告; ``split_show_mark`` only cuts a mark off the front);
- ``is_furniture_line``: ``not tokens`` (a line that holds a cue holds a token);
- ``is_page_marker``: the test for a bracket at both ends (``_JUMP_RE`` opens and closes with one,
  and folding the width keeps brackets);
- ``split_jump_marks``: the test for a bracket at either end (the opening mark is matched after
  the leading spaces only, the closing one before the trailing spaces only);
- ``is_page_number``: ``text.lstrip()[:1] not in _PAGE_NUMBER_FIRST`` (every footer pattern opens
  with one of those characters, but for digits of other scripts, which ``\\d`` takes: ``٣ / ١٢``);
- ``headline_lists``: ``len(short) < _INDEX_RUN_LEAST`` (an entry is a short line above the first
  sentence, and a run is two entries at least);
- ``is_web_furniture_line``: ``len(text) > _PICTURE_LINK_LONGEST`` (only a line opening with ``![``
  gets there so long, and no pattern takes one over 400 characters) and the first-character filter
  (a line the patterns take opens with one of ``_WEB_FURNITURE_FIRST``, ends with 二维码 or holds a
  breadcrumb's mark, but for odd ones: a breadcrumb with an undecoded ``&gt;``, which
  ``repair_page`` decodes first, or ``：首页/…``);
- ``is_imprint_line``: ``"：" not in text and ":" not in text`` (every field has its colon, which
  folding the width keeps);
- ``wrapped_meta_lines``: ``not any_cued(start, end)`` (pieces with no colon, 字 or 号 join to no
  meta line; the loop goes on as it would) and, read as printed, ``len(joined) >
  WEB_META_LONGEST`` (``is_printed_web_meta_line`` answers False then too);
- ``source_paper_in``: ``"来源" not in text`` (the source field's pattern needs 来源);
- ``is_web_meta_line``: ``":" in text`` before the account's meta line (its time's colon is ASCII,
  and folding the width writes none).

Guards that read a realistic line wrongly were mended where the mend is plain, with a test at
the file's end: the length test of ``stray_marks`` (a mark with spaces after it),
``is_running_header``'s test for 版 or 报 (a masthead in 电讯), ``is_page_number``'s length (a page
number centred by its spaces) and ``_page_head_with_section``'s test for a space (a head set apart
by no-break spaces or tabs). Left as they read, with no test (one would pin the wrong answer):
``is_furniture_line``'s cue (a jump line to a page in Chinese numerals, （下转第二页）, and a sheet's
number, 第三张, hold none; a page drops such lines by other rules), ``is_running_header``'s length
(a page's head of 41 to 80 characters) and ``wrapped_meta_lines``' length test when it reads spaced
pieces (a meta line spaced out letter by letter is twice as long).

All the text is made up (places, people, papers and events).
"""

from __future__ import annotations

import pytest

from liaocheng_tui.parse import furniture

# is_furniture_line: len(text) > _FURNITURE_LONGEST


def test_a_row_of_dates_longer_than_a_page_head_is_no_furniture_line() -> None:
    # A page's head is short: a table's row of a week's dates (87 characters), every token a date,
    # is the table's, not the page's head.
    row = " ".join(f"2026年7月{day}日" for day in range(10, 18))
    assert len(row) == 87
    assert furniture.is_furniture_line(row) is False
    assert furniture.is_furniture_line("东江日报 2026年7月17日 星期五 第3版") is True


# stray_marks: (len(line) > 8 and len(line.lstrip()) > 8) or not is_stray_mark(line)


def test_only_a_mark_alone_on_its_line_among_paragraphs_is_a_stray_mark() -> None:
    # The lines of text around the mark are no stray marks: only a line of one or two marks is
    # looked at further.
    lines = [
        "东湖区新建口袋公园十二处",
        "今年以来，东湖区新建口袋公园十二处。",
        "■",
        "市民出门就能见绿。",
    ]
    assert furniture.stray_marks(lines) == [2]


# is_web_furniture_line: len(text) > _WEB_FURNITURE_LONGEST and not ...startswith(("![", "<!--"))


@pytest.mark.parametrize(
    "text",
    [
        "下篇：西山县的茶园如何带富一方百姓？王明和乡亲们又将迎来怎样的新挑战？敬请关注本报明日报道。",
        "上篇：王明扎根西山县二十年，带领村民修通了进山路，本篇讲述他和乡亲们种茶致富的故事。",
    ],
)
def test_a_storys_long_line_opening_like_a_link_to_another_story_is_no_web_furniture(text: str) -> None:
    # A series' note on its other part opens as a web page's link to the next story does (下篇：),
    # but a line longer than any web furniture is a story's.
    assert len(text) > 40
    assert furniture.is_web_furniture_line(text) is False


# masthead_in: MASTHEAD_RE.match(token)


@pytest.mark.parametrize(
    ("text", "paper"),
    [
        ("东江日报 第3版", "东江日报"),  # no date: a short name alone would not do
        ("东江日报·西山版 2026年7月17日 星期五", "东江日报·西山版"),  # no short paper name
    ],
)
def test_a_full_masthead_is_the_paper_a_line_names(text: str, paper: str) -> None:
    # A full masthead (日报, 晚报…) names the paper with or without a date beside it; only a short
    # name (东江报) needs the date.
    assert furniture.masthead_in(text) == paper


# --- mended: realistic lines these guards read wrongly -------------------------------------------


def test_a_mark_with_spaces_after_it_alone_between_paragraphs_is_a_stray_mark() -> None:
    # OCR's speck keeps the spaces it was set in; counted, they made it a line of text.
    lines = [
        "\u3000\u3000东湖区今年新建公园两座，市民可就近休闲。",
        "■        ",
        "\u3000\u3000公园设有健身步道。",
    ]
    assert furniture.stray_marks(lines) == [1]


def test_a_running_header_of_a_paper_named_for_its_wire_is_one() -> None:
    # 电讯 names a paper as 报 does (东江每日电讯): no 版 or 报 in its head.
    assert furniture.is_running_header("东江每日电讯 2026年7月17日 星期五")
    assert not furniture.is_running_header("东江每日电讯")  # no date: the masthead alone


@pytest.mark.parametrize("number", [" " * 40 + "- 8 -", " " * 38 + "第 3 页"])
def test_a_page_number_centred_by_its_spaces_is_one(number: str) -> None:
    assert furniture.is_page_number(number)


@pytest.mark.parametrize("space", ["\xa0", "\t"])
def test_a_page_head_set_apart_by_no_break_spaces_or_tabs_is_dated_furniture(space: str) -> None:
    head = space.join(["东江日报", "2026年11月20日", "星期五", "A08", "公告"])
    assert furniture.is_dated_furniture_line(head)
    assert furniture.is_running_header(head)


def test_a_headline_that_starts_like_a_page_head_is_no_furniture_line() -> None:
    # the parts a page head runs together are set apart only to be read as its parts: a line with
    # anything else in it stays a line of the page
    assert furniture.is_furniture_line("东昌日报2020年2月6日星期四") is True
    assert furniture.is_furniture_line("东昌日报2020年度十佳新闻评选揭晓") is False
    assert furniture.is_furniture_line("东昌日报 | 2020年2月6日 | 新春走基层") is False
    assert furniture.is_furniture_line("2020年2月6日星期四上午，市里召开会议") is False


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("首页 要闻 本地", True),
        ("首页 | 要闻 | 本地 | 视频", True),
        ("网站首页 新闻中心 本地新闻", True),
        ("首页 要闻", False),  # one item after the home: a headline could say it
        ("首页", False),
        ("首页要闻本地", False),  # run together: words, no menu
    ],
)
def test_a_sites_menu_opening_with_its_home_is_web_furniture(line: str, menu: bool) -> None:
    assert furniture.is_web_furniture_line(line) is menu
