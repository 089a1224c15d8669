"""Pins the guards of parse/dates.py, publication.py, headers.py and front_matter.py that no other
test reached: turning any one of them off (its condition made ``False and (...)``) fails a test here.

Left untested, as speed checks whose removal cannot change a result (the code after each needs the
same thing, and ``fold_width`` folds only full-width digits and letters, so it adds no 年, 月, 日,
电 or 讯 and turns no other character into an ASCII digit):

- ``supported_years``: ``"年" not in text``: every year ``_YEAR_RE`` reads is followed by 年.
- ``datelines``: ``"月" not in paragraph``: ``_FULL_DATE_RE`` needs 月.
- ``datelines``: a start not at an ASCII digit: every ``_FULL_DATE_RE`` match opens with one (the
  year's 19/20 or the month's figures), and ``match`` is anchored at the start.
- ``dispatch_date``: neither 电 nor 讯: ``_ELECTRIC_RE`` ends in 电|讯, and ``_in_figures`` (widths,
  spaces, Chinese numerals written as figures) adds neither.
- ``dispatch_day``: ``"日" not in dateline``: ``_DISPATCH_DAY_RE`` needs 日, which ``_in_figures``
  does not add.
- ``day_only`` and ``starts_with_dateline``: the first character not in ``_DIGITS``: both regexes
  are anchored at an ASCII digit, which after folding only ``_DIGITS``' characters give.

Left untested as never true: ``date_page``'s ``own_date > issue.value``. An own date comes from
``_filed_before`` (on or before the issue) when the issue date is known, and otherwise is one of the
dateline dates whose latest is then the issue date, so no story's date can be after it. It is a
second fence behind ``_filed_before``: the tests of a dateline after the issue fail only when both
are off.
"""

from __future__ import annotations

import pytest

from liaocheng_tui.parse.blocks import Unit
from liaocheng_tui.parse.dates import IssueDate, date_page, holds_chinese_full_date, in_figures, issue_date
from liaocheng_tui.parse.front_matter import FrontMatter, read_front_matter
from liaocheng_tui.parse.headers import ColumnLabel, column_label, unspace
from liaocheng_tui.parse.models import Article
from liaocheng_tui.parse.publication import infer_publication

MASTHEAD = "东江日报 2026年3月20日 星期五 第2版"


def _story_date(paragraph: str, byline: str | None = None) -> str | None:
    """The date ``date_page`` gives a one-story page of the 20 March 2026 issue."""
    article = Article(seq=1, title="西山县新建一座水库", paragraphs=[paragraph], byline=byline)
    issue = date_page([article], [MASTHEAD], path=None, user_date=None)
    assert issue == IssueDate("2026-03-20", "masthead")
    return article.date


# _filed_before: a dateline is believed only on or up to 14 days before the issue; a date further
# back is history the story tells, one after the issue a plan it announces (date_page's last check
# also keeps that one out), and one that is no day of the calendar a misprint (without the
# found-is-None half of the guard, it raised TypeError).
@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("3月18日，西山县第一水库开工建设。", "2026-03-18"),
        ("3月6日，西山县第一水库开工建设。", "2026-03-06"),  # 14 days before: still believed
        ("3月5日，西山县第一水库开工建设。", "2026-03-20"),  # 15 days before: not
        ("2013年3月9日，西山县第一座水库建成蓄水。", "2026-03-20"),
        ("2026年3月25日，东湖区图书馆新馆将对外开放。", "2026-03-20"),
        ("2月30日，西山县第一水库开工建设。", "2026-03-20"),
    ],
)
def test_a_dateline_long_before_or_after_the_issue_is_not_the_storys_date(
    paragraph: str, expected: str
) -> None:
    assert _story_date(paragraph) == expected


def test_a_wire_dateline_filed_after_the_issue_is_not_the_storys_date() -> None:
    # The issue's date stands; the story's own 2026年3月19日 would have been believed.
    assert _story_date("王明介绍了水库的建设情况。", byline="本报西山2026年3月22日电") == "2026-03-20"
    assert _story_date("王明介绍了水库的建设情况。", byline="本报西山2026年3月19日电") == "2026-03-19"


# _chinese_number: a misprinted numeral (十十, two tens' digits, two ones' digits) is no month or
# day: the masthead that prints it gives no date, and the next furniture line is read.
@pytest.mark.parametrize(
    "misprint",
    [
        "二〇二六年十十月三日",
        "二〇二六年二二十月三日",
        "二〇二六年十二三月三日",
        "二〇二六年三月十一十日",
    ],
)
def test_a_misprinted_chinese_numeral_gives_no_issue_date(misprint: str) -> None:
    assert issue_date([f"东江日报 {misprint} 星期六"]) is None
    assert issue_date([f"东江日报 {misprint} 星期六", "2026年10月3日 第1版"]) == "2026-10-03"


# infer_publication: a bureau dateline (本报东湖讯) names the bureau's city, not the paper; without a
# XX日报 in the text there is no paper to name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("东湖区举办春季招聘会，三百余家企业参加。", None),
        ("东江日报记者从东湖区获悉，东湖区举办春季招聘会。", "东江日报·东湖新闻"),
    ],
)
def test_a_bureau_dateline_names_a_paper_only_when_the_text_names_one(
    text: str, expected: str | None
) -> None:
    assert infer_publication(["本报东湖讯", "本报东湖讯"], text) == expected


# column_label: nothing to read in an empty run, and a headline too long for a label is no label
# even when it ends in a column word (…观察) or has a …专栏 line under it.
def test_an_empty_run_has_no_column_label() -> None:
    assert column_label([], followed_by_body=True) is None


@pytest.mark.parametrize(
    "second",
    [
        Unit("记者 王明 李华", line=2, end=2),
        Unit("乡村振兴专栏", line=2, end=2),
    ],
)
def test_a_long_headline_ending_in_a_column_word_is_not_a_column_label(second: Unit) -> None:
    headline = Unit("西山县农村集体经济发展情况的调查与观察", line=1, end=1)
    assert column_label([headline, second], followed_by_body=True) is None
    # The same column word on a short line is a label.
    label = Unit("西山观察", line=1, end=1)
    assert column_label([label, second], followed_by_body=True) is not None


def test_a_short_column_line_over_a_headline_is_a_column_label() -> None:
    label = Unit("东湖观察", line=1, end=1)
    headline = Unit("东湖区新建三座口袋公园", line=2, end=2)
    assert column_label([label, headline], followed_by_body=False) == ColumnLabel("东湖观察", [label])


# unspace: a headline that is not there stays not there.
@pytest.mark.parametrize(
    ("text", "expected"),
    [(None, None), ("东 湖 区 召 开 会 议", "东湖区召开会议"), ("新增 3 家", "新增3家")],
)
def test_unspace_keeps_a_missing_headline_missing(text: str | None, expected: str | None) -> None:
    assert unspace(text) == expected


# read_front_matter: a blank line between two fields is no line of the block's, and does not end it.
@pytest.mark.parametrize("blank", ["", "   ", "\u3000"])
def test_a_blank_line_inside_front_matter_is_skipped(blank: str) -> None:
    raws = ["---", "title: 东湖区开展植树活动", blank, "author: 王明", "---", "3月12日，东湖区开展植树活动。"]
    assert read_front_matter(raws) == FrontMatter(
        {"title": "东湖区开展植树活动", "author": "王明"},
        [(1, "---"), (2, "title: 东湖区开展植树活动"), (4, "author: 王明"), (5, "---")],
    )


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("一九八五年三月六日 第一版", "1985年3月6日 第1版"),
        ("二〇二六年十二月十七日 第十二版", "2026年12月17日 第12版"),
        ("中华民国二十五年十二月四日", "1936年12月4日"),
        ("第十十版", "第十十版"),  # a misprinted numeral is left as printed
    ],
)
def test_a_mastheads_chinese_numerals_are_written_in_figures(text: str, figures: str) -> None:
    assert in_figures(text) == figures


@pytest.mark.parametrize(
    ("line", "dated"),
    [
        ("一九八五年三月六日 星期三 第一版", True),
        ("中华民国二十五年十二月四日", True),
        ("中華民國二十五年十二月四日", True),
        ("民国25年12月4日 东江日报", True),
        ("民国 25 年12月4日", True),  # spaced as in_figures reads it
        ("年终特稿 一九八五年三月六日", True),  # the first 年 follows no numeral, a later one does
        ("2026年3月6日 星期五", False),  # in figures: FULL_DATE_RE's
        ("一九八五年三月", False),  # no day
        ("今年三月六日，东湖公园开园", False),  # 今 is no numeral: no year printed
        ("年", False),
        ("东江区新建口袋公园12个", False),
    ],
)
def test_a_full_date_in_chinese_numerals_or_of_the_republic_is_found(line: str, dated: bool) -> None:
    assert holds_chinese_full_date(line) is dated
