"""Tests that pin the guards of ``parse/byline.py`` that no other test reached: the conditions of
the lead, the closing credits and the name lines that a mutation check (each made ``False`` in
turn) could take away without any parse test failing. Each calls the function with text in and
compares the exact value out, worked out by hand from what the function is for. All text is made
up: places, people, papers and events.

Left untested, because removing them changes no result:

- ``parse_labelled_credit``'s ``"：" not in text and ":" not in text``: the label's pattern needs
  a colon anyway. (The other half of that condition, ``len(text) > _LABELLED_CREDIT_LONGEST``, is
  no mere speed check: it turns away a credit padded with spaces past forty characters, such as
  记者：王明 and forty spaces, which the function's own collapsing would read; a page's parse
  credits such a line all the same. No test pins that.)
- ``parse_name_line``'s ``not 2 <= len(name) <= 4``: the name line's pattern holds two to four
  Han characters, so only the surname half of that condition can change a result (tested here).
"""

from __future__ import annotations

import pytest

from liaocheng_tui.parse.byline import (
    Lead,
    parse_compiled_credit,
    parse_end_credit,
    parse_name_line,
    parse_wire_credit,
    split_lead,
    split_photo_credit,
    split_tail_credit,
)


@pytest.mark.parametrize("line", ["编后", "■ 短评", "春 风"])
def test_a_short_line_not_opening_with_a_surname_is_no_name_line(line: str) -> None:
    # parse_name_line: any two to four characters fit the name line's pattern; only a common
    # surname first makes them an author's name, not a column's label (编后, 短评) or a word.
    assert parse_name_line(line) is None


@pytest.mark.parametrize(
    "text",
    [
        "（摄于李家村）村口的老槐树已有三百多年树龄。",
        "（供稿单位：西山县文化馆）西山县第三届农民丰收节日前开幕。",
    ],
)
def test_a_paragraph_with_no_leads_word_near_its_start_is_no_lead(text: str) -> None:
    # split_lead: a paragraph that shows none of a lead's words (讯, 电, 记者, 本报, 报道…) near
    # its start is no lead; past that check, a bracket opening with a trailer (摄, 供稿) would be
    # read as a byline and the word after it (于李家村, 单位) as its author.
    assert split_lead(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本报讯（记者 王明）近日，西山县第一中学举行春季运动会。",
            Lead(
                byline="本报讯（记者 王明）",
                dateline=None,
                authors=["王明"],
                rest="近日，西山县第一中学举行春季运动会。",
            ),
        ),
        # no one named in the brackets (a programme's name), but a dateline before them: the
        # whole is the lead, with no author
        (
            "东江网消息（晚间新闻）今天，西山县迎来入春后的第一场雨。",
            Lead(
                byline="东江网消息（晚间新闻）",
                dateline=None,
                authors=[],
                rest="今天，西山县迎来入春后的第一场雨。",
            ),
        ),
    ],
)
def test_brackets_after_a_dateline_join_it_as_the_leads_byline(text: str, expected: Lead) -> None:
    # split_lead: brackets right after a dateline are its byline when they name someone or when
    # there is a dateline at all; without this the brackets would be left at the head of the text.
    assert split_lead(text) == expected


@pytest.mark.parametrize("credit", ["（有删节 来源：东江日报）", "（编辑 王明 来源：东江日报）"])
def test_a_bracketed_note_with_a_label_and_colon_is_no_end_credit(credit: str) -> None:
    # parse_end_credit: a colon inside the brackets (other than 作者：) labels a note (来源：,
    # 编辑：); the grammar of name and post after it would take the first word (有删节, 编辑) for
    # the author.
    assert parse_end_credit(credit) is None


@pytest.mark.parametrize(
    ("credit", "names"),
    [("（林 枫）", ["林枫"]), ("（欧阳 明）", ["欧阳明"])],
)
def test_a_signature_spaced_out_in_brackets_is_one_author(credit: str, names: list[str]) -> None:
    # parse_end_credit: a name spaced out (林 枫, 欧阳 明) is one author; read as name and post,
    # its pieces are no name (林) or the wrong one (欧阳).
    assert parse_end_credit(credit) == (credit, names)


@pytest.mark.parametrize(
    ("credit", "names"),
    [
        ("（东湖区融媒体中心 王明）", ["王明"]),
        ("（东湖区融媒体中心）", []),
        ("（东江日报）", []),
    ],
)
def test_an_end_credit_naming_a_station_or_paper_credits_only_its_reporters(
    credit: str, names: list[str]
) -> None:
    # parse_end_credit: a county station's or a paper's own credit, with its reporter after it or
    # alone, is a credit; the outlet is nobody's name.
    assert parse_end_credit(credit) == (credit, names)


def test_a_wire_dateline_followed_by_a_labelled_title_is_no_wire_credit() -> None:
    # parse_wire_credit: what follows the dateline must be reporters; after a colon it is a
    # label's (题：), and a title that happens to open with a surname (高山流水) is no reporter.
    assert parse_wire_credit("（东江日报西山3月5日电 题：高山流水）") is None


@pytest.mark.parametrize("aside", ["（记者节特别策划）", "（实习生王明对本文亦有贡献）"])
def test_a_bracketed_aside_opening_with_a_role_is_no_compiled_credit(aside: str) -> None:
    # parse_compiled_credit: every word after a role must be a name; an aside that opens with a
    # role word (记者节…, 实习生…对本文亦有贡献) would otherwise give its rest as a name.
    assert parse_compiled_credit(aside) is None


@pytest.mark.parametrize(
    "paragraph",
    ["街边小店重新飘出了烟火气。（作者为律师）", "街边小店重新飘出了烟火气。（作者系教师）"],
)
def test_an_author_note_closing_a_paragraph_is_no_tail_credit(paragraph: str) -> None:
    # split_tail_credit: （作者…） closing a paragraph credits its authors only when what it names
    # reads as people's names; （作者为律师） says what the author is, and 为律师 is no one.
    assert split_tail_credit(paragraph) is None


def test_a_caption_closed_by_a_date_and_a_photo_credit_word_names_no_photographer() -> None:
    # split_photo_credit: after the caption's last sentence, what ends with 摄 is a credit only
    # where the byline grammar reads names in it; a date (2023年5月摄) names no one.
    assert split_photo_credit("西山县李家村的梯田。2023年5月摄") is None
