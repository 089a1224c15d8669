"""The guards of parse/byline.py that no other test reached: the joining of names spaced out
letter by letter, the closing of a letter-spaced line's gaps, the weight, character and
commentator checks of ``parse_byline_line``, where a report was filed from, the names under an
author's label, the unnamed byline, the byline set beside its headline and the signature under a
label, and the longest run of glued names. Each test calls one public function (or, for the glued
names, ``parse_byline_line`` over them) and compares the exact value it returns, worked out by
hand from what the function is for: without the guard named beside it, the function answers
otherwise.

Speed checks, whose removal changes no result, have no test:

- ``parse_byline_line``'s first test (a line over 40 characters with over 40 Han characters in its
  first 80): the weight test after it refuses every such line, since closing or collapsing the
  spaces keeps every Han character and the weight counts each as one;
- ``parse_byline_line``'s test of the first character (no character, or neither a marker nor any
  cue character in the line): every later way to a byline needs a marker, a role, a trailer, a
  slash credit, 评论员 or an author's label, and each of these holds a cue character of the line
  (the tokens are made of the line's own characters); an empty line has no tokens;
- ``parse_byline_line``'s ``not tokens``: with no tokens there is no name, and the test after the
  loop refuses a line without one;
- ``not bare`` in ``_labelled_authors`` (the half of its guard the test below does not need): an
  empty signature has no tokens and ``parse_byline_line("")`` is None;
- ``not text`` in ``is_unnamed_byline``: an empty line has no tokens, so no reporter's role;
- the lower bound of ``_glued_names`` (fewer than four characters): no cut of three characters
  or fewer makes two names of two or three.

Left untested, as it looks wrong rather than right: ``parse_label_signature``'s test that a label
opens the line's first 12 characters. The label test after it wants the label first too, so it
refuses only a label after 11 spaces or more (or a mark that far from it): ``作者：王明`` indented so
signs nothing, although ``parse_byline_line`` reads it. The page's lines come stripped.

All the text is made up (places, people, papers and events).
"""

from __future__ import annotations

import pytest

from liaocheng_tui.parse.byline import (
    email_address_line,
    is_unnamed_byline,
    parse_byline_line,
    parse_label_signature,
    parse_letter_spaced_byline,
    split_byline_beside,
)

# _join_spaced: `if single` and `if 2 <= len(run) <= 3`


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("记者 许 诺", ["许诺"]),
        ("通讯员 王 小 明", ["王小明"]),
    ],
)
def test_a_name_spaced_out_letter_by_letter_is_joined(text: str, names: list[str]) -> None:
    # OCR and typesetting space a two- or three-character name out (许 诺): the lone characters
    # are gathered into a run, and a run of two or three is one name.
    assert parse_byline_line(text) == (text, names)


# _closed_letter_spacing: `if len(words) < 2 or not all(...)`


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("记者 王明", ["王明"]),
        ("本报记者 王明 李华", ["王明", "李华"]),
    ],
)
def test_a_byline_of_whole_words_keeps_its_spaces(text: str, names: list[str]) -> None:
    # Only a line spaced letter by letter, with wider gaps between its words, is closed up: a
    # byline of whole words keeps the spaces that set its role and names apart.
    assert parse_byline_line(text) == (text, names)


# parse_letter_spaced_byline: `if len(letters) < 4 or any(len(letter) != 1 ...)`


def test_a_byline_of_whole_words_is_no_letter_spaced_one() -> None:
    # Its words are not single letters: closing its spaces would glue 王明 and 李华 into one
    # four-character name.
    assert parse_letter_spaced_byline("本报记者 王明 李华") is None


# parse_byline_line: `if weight(line) > 40`


def test_a_roll_of_twenty_names_set_out_with_wide_gaps_is_no_byline() -> None:
    # A byline is a short line. A roll of honour set out in wide gaps has few Han characters in
    # its first 80 (the cheap test before lets it by), but weighs 45.
    names = (
        "王明 李华 赵敏 刘洋 陈静 杨帆 黄磊 周强 吴芳 徐丽 孙伟 马超 朱琳 胡军 郭亮 何平 高峰 林涛 罗成 郑洁"
    )
    text = "优秀通讯员" + "\u3000" * 3 + ("\u3000" * 3).join(names.split())
    assert parse_byline_line(text) is None


# parse_byline_line: `if _NOT_IN_BYLINE_RE.search(rest)`


def test_a_headline_with_figures_closed_by_a_report_is_no_byline() -> None:
    # Every token of a byline is Han; without the check, 我的第100次 would be read as the place
    # the report was filed from (glued to the closing 报道) and the headline as 王明's byline.
    assert parse_byline_line("记者王明：我的第100次报道") is None


# parse_byline_line: `if _COMMENTATOR_RE.match(rest.replace(" ", ""))`


@pytest.mark.parametrize("text", ["本报评论员", "本报 评论员", "本报特约评论员", "东江日报评论员"])
def test_a_commentators_signature_is_a_byline_naming_no_one(text: str) -> None:
    # An institutional signature: a byline with no person's name, where the grammar, wanting a
    # name, would refuse it.
    assert parse_byline_line(text) == (text, [])


# _filed_from: `if index != len(tokens) - 2 or tokens[-1] not in ("报道", "报导") or ...`


@pytest.mark.parametrize(
    "text",
    [
        "记者 王明 冼立新",  # the last token, not the one before a closing trailer
        "记者 王明 冼立新 摄",  # before 摄, not 报道
        "记者 王明 冼立新 报道",  # set apart from 报道, not glued to it
    ],
)
def test_a_second_author_with_an_uncommon_surname_is_no_place_filed_from(text: str) -> None:
    # Only a token glued to the closing 报道 (王明 东湖报道) names where the report was filed
    # from; 冼 is no common surname, so anywhere else 冼立新 would be taken for a place.
    assert parse_byline_line(text) == (text, ["王明", "冼立新"])


# _labelled_authors: `if not bare or _NOT_IN_BYLINE_RE.search(bare)`


def test_a_signature_whose_name_lost_a_letter_to_ocr_names_no_one() -> None:
    # □ is OCR's mark for a character it could not read: the signed name is not 王明, and the
    # grammar after the label, reading □ as a byline's marker, would say it is.
    assert parse_byline_line("作者：□王明") is None
    assert parse_label_signature("作者：□王明") is None


# is_unnamed_byline: `if not text or len(text) > _UNNAMED_LONGEST`


def test_a_headline_opening_with_a_reporter_is_no_unnamed_byline() -> None:
    # An unnamed byline is short: an agency's or a paper's name and a role. Here a headline whose
    # words after 本报记者 end in 网, which reads as a news site's name.
    assert is_unnamed_byline("本报记者探访东湖区智能电网") is False


# split_byline_beside: `if len(stripped) > _BESIDE_LONGEST or ...`


def test_a_long_line_ending_with_a_byline_is_no_headline_beside_one() -> None:
    # A headline and a byline make a short line (60 characters at most); a longer one is prose
    # that two columns ran together, not a headline.
    text = (
        "今年以来，东湖区在老旧小区周边见缝插绿，新建口袋公园十二处，"
        "出门走上五分钟便能见到一片绿地，不少居民纷纷点赞 本报记者 王明"
    )
    assert split_byline_beside(text) is None


# split_byline_beside: `if not opens_with_role or not names_a_reporter(byline)`


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("花开东湖 游人如织 本报记者 王明", "花开东湖 游人如织"),  # a space that opens no role
        ("我们的节日 记者节 本报记者 王明", "我们的节日 记者节"),  # a role that names no one
    ],
)
def test_a_headline_with_a_space_in_it_is_split_at_the_byline(text: str, headline: str) -> None:
    # The byline opens at the space before a reporter's role that names someone, not at the
    # first space of the headline.
    assert split_byline_beside(text) == (headline, "本报记者 王明")


# parse_label_signature: `if not _AUTHOR_LABEL_RE.match(...)`


def test_a_byline_closed_by_who_wrote_it_is_no_signature_under_a_label() -> None:
    # 执笔 within reach of the line's opening, but closing a byline: no label opens the line.
    assert parse_label_signature("本报记者 王明 执笔") is None


# _glued_names: `if not 4 <= len(token) <= 12`


def test_a_caption_run_together_longer_than_glued_names_is_not_cut_into_names() -> None:
    # Names run together are a few (at most twelve characters); a longer run, here a caption over
    # a photographer's credit, is not cut into two-character "names" that open with a surname
    # (金秋 时节 江南 万亩 田野 麦浪 金黄).
    assert parse_byline_line("▲ 金秋时节江南万亩田野麦浪金黄 王明 摄") is None


# parse_byline_line: a reporter's e-mail address after the byline


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("柳静文 报道 liujingwen@dongjiang.com.sg", ["柳静文"]),
        ("本报记者 柳静文 (liujingwen@dongjiang.com.sg)", ["柳静文"]),
        ("记者 柳静文 詹敏 电邮：ljw@dongjiang.com", ["柳静文", "詹敏"]),
        ("记者 柳静文 Email: ljw@dongjiang.com", ["柳静文"]),
    ],
)
def test_a_bylines_email_address_is_part_of_it(text: str, names: list[str]) -> None:
    # Singapore's and Malaysia's papers print the reporter's address after the byline: the line
    # was no byline, and the story's headline was lost under it.
    assert parse_byline_line(text) == (text, names)


@pytest.mark.parametrize(
    "text",
    [
        "请发邮件至 ljw@dongjiang.com",  # a sentence that gives an address
        "ljw@dongjiang.com",  # an address alone names no one
        "柳静文 报道 ljw@dongjiang",  # no domain: no address
    ],
)
def test_a_line_with_an_email_address_that_is_no_byline_stays_none(text: str) -> None:
    assert parse_byline_line(text) is None


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("liujingwen@dongjiang.com.sg", True),
        ("电邮：liujingwen@dongjiang.com.sg", True),
        ("（liujingwen@dongjiang.com.sg）", True),
        ("请发邮件至 liujingwen@dongjiang.com.sg", False),
        ("柳静文", False),
    ],
)
def test_an_email_address_alone_is_told_from_a_line_that_gives_one(text: str, alone: bool) -> None:
    assert email_address_line(text) is alone
