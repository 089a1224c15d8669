"""Tests that pin the conditions of ``parse/features.py`` that no other test reached: a mutation
check that made each of these conditions ``False`` failed no parse test. The shipped line-role
model was trained on exactly these features, so a change to one of the conditions changes what the
model sees on every page, with no error anywhere. Each test reads one line's item from
``page_features`` (a small made-up page) and looks for one exact feature string; each expected
string was worked out by hand from what the code means. All text is made up.

Two conditions are speed checks only, left untested (``page_features`` gave the same items with
and without each on 400 made-up pages of 2,201 lines):

- ``_canonical_text``: ``"," in spaceless`` -- replaces the half-width comma in one call before the
  regex, which would replace it by the same full-width comma (and looks for no full-width one).
- ``_han_share``: ``unified == n`` -- an early exit for a line of unified ideographs only, for which
  the regexes after it answer the same (every character Han, not fewer than half).

``_digits_and_latin``'s check for other scripts' digits is pinned by
``tests/test_features_properties.py::test_digits_and_latin_are_what_the_regexes_find_in_a_canonical_line``.

An item may hold a feature twice (a line's own ``stopin`` and ``ind`` are in its key too, which its
neighbours see under a prefix); crfsuite counts each copy, so the count is what the model sees.
"""

from __future__ import annotations

import pytest

from liaocheng_tui.parse.features import page_features


def item_of(text: str) -> list[str]:
    """The item of a page that is this one line."""
    return page_features([text])[0]


# _char_class: an ASCII letter is the class L (a line opening or ending in one: an acronym, a
# product name), where every other character that is not Han, a digit or a kept mark is O.
@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("APP上线了", "k0=L"),
        ("Ａ级景区东湖公园", "k0=L"),  # a full-width letter counts as its ASCII form
        ("东湖区开通5G", "end=L"),
        ("α粒子探测器在西山县落成", "k0=O"),  # a letter, but not an ASCII one
    ],
)
def test_a_line_opening_or_ending_with_an_ascii_letter_has_the_latin_class(text: str, feature: str) -> None:
    assert feature in item_of(text)


# _end_class: a half-width full stop ends a sentence as 。 does (pages typed with half-width
# marks), but not after a digit, where it is a list's number or a decimal a hard wrap cut (12.5).
@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("会议于昨日在东湖区闭幕.", "end=fin"),
        ("他说，会议开得很好.”", "end=finc"),
        ("今年东湖区人均公园面积达12.", "end=O"),
    ],
)
def test_a_half_width_full_stop_ends_a_sentence_unless_it_follows_a_digit(text: str, feature: str) -> None:
    assert feature in item_of(text)


# _rules: each rule function's answer is a feature of its own; the cheap test before each call
# only skips lines the function could not match.
@pytest.mark.parametrize(
    ("text", "feature"),
    [
        # parse_name_line: a commentary's author under its headline
        ("王明", "r:name"),
        ("欧阳明", "r:name"),
        # split_photo_credit: a caption closed by its photographer's credit
        ("东湖区新建的口袋公园。 记者 王明 摄", "r:photo"),
        ("东湖区新建的口袋公园（王明 摄）", "r:photo"),
        # numbered_item: a numbered brief. (⑪ to ⑳, which numbered_item reads too, get no r:num:
        # the cheap test lists ① to ⑩ only.)
        ("1.东湖区新建三座公园", "r:num"),
        ("（2）西山县新修农村公路", "r:num"),
        ("③东湖区新建三座公园", "r:num"),
        # a word count under a story
        ("（全文1200字）", "r:wc"),
        # a picture's caption
        ("图为东湖区新建的口袋公园。", "r:cap"),
        ("上图：西山县新修的农村公路", "r:cap"),
    ],
)
def test_a_line_the_rules_recognise_has_their_feature(text: str, feature: str) -> None:
    assert feature in item_of(text)


def test_a_long_line_that_counts_characters_is_no_word_count() -> None:
    # _rules: only a short line (at most 16 characters) is a word count; a sentence may name one.
    assert "r:wc" not in item_of("东湖区作家王明的新作共十二章，全书约有三十万字，其中2000字写的是西山县。")


def test_a_lead_with_nothing_after_it_is_a_lead_only() -> None:
    # _rules: a dateline and byline set on a line of their own (the story starts on the next line)
    # is marked apart from a lead that opens its paragraph.
    assert {"r:lead", "r:leadonly"} <= set(item_of("本报讯（记者 王明）"))
    opening = item_of("本报讯（记者 王明）今年，东湖区新建了三座口袋公园。")
    assert "r:lead" in opening
    assert "r:leadonly" not in opening


def test_a_bold_line_of_markdown_is_bold_and_measured_without_its_asterisks() -> None:
    # _measure: a markdown copy sets headlines in bold; the asterisks are markup, not the line.
    item = item_of("**东湖区新闻**")
    assert "bold" in item
    assert "c0=东" in item
    assert "cz=闻" in item


def test_a_bold_run_of_nothing_but_a_space_is_a_blank_line() -> None:
    # _measure: a markdown copy's empty bold (** **) leaves no text once its asterisks and spaces
    # are gone: a blank line, a gap below the headline, and no line to measure (its first
    # character does not exist).
    items = page_features(["东湖区新闻", "** **", "今年，东湖区新建了三座公园。"])
    assert items[1] == ["B"]
    assert "ga=1" in items[0]
    assert "gb=1" in items[2]


def test_an_indented_line_has_ind_of_its_own_and_in_its_key() -> None:
    # _measure: a paragraph's indent, the commonest sign of a body line.
    items = page_features(["东湖区新建三座口袋公园", "　　今年，东湖区在老城区新建了三座口袋公园。"])
    assert items[1].count("ind") == 2
    assert "ind" not in items[0]


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("WiFi 6E网络", True),  # two Han characters of eight
        ("APP上线了", False),  # three of six: half is not fewer than half
    ],
)
def test_a_line_with_fewer_than_half_han_characters_is_low_han(text: str, low: bool) -> None:
    # _measure: code, figures and foreign text, not a line of Chinese prose or a headline.
    assert ("lowhan" in item_of(text)) is low


def test_a_line_with_an_ascii_letter_is_latin() -> None:
    # _measure: a product name, a URL or an acronym.
    assert "latin" in item_of("APP上线了")
    assert "latin" not in item_of("东湖区新建三座公园")


def test_a_stop_inside_a_line_is_stopin_of_its_own_and_in_its_key() -> None:
    # _measure: a line that holds a finished sentence before its end is prose, never a headline.
    assert item_of("今年东湖区新建三座公园。总面积一万平方米。").count("stopin") == 2
    assert "stopin" not in item_of("东湖区新建三座公园。")  # its only stop is its last character


def test_a_line_with_an_enumeration_comma_has_dun() -> None:
    # _measure: 、 lists things, in headlines as in prose.
    assert "dun" in item_of("东湖区、西山县两地联合举办运动会")
    assert "dun" not in item_of("东湖区西山县两地联合举办运动会")


# _measure: a jump mark at a line's end or start (…成多。（下转6版）, （上接4版）…) is measured away,
# as a closing mark (（完）) is: the line is the paragraph's words, which a narrow column cuts short.
def _own(item: list[str]) -> list[str]:
    """The line's own features: its neighbours' (prefixed -1:, +2:…) left out."""
    return [feature for feature in item if not feature.startswith(("-", "+"))]


@pytest.mark.parametrize(
    ("marked", "unmarked"),
    [
        ("增长了三成多。　　　　 （下转6版）", "增长了三成多。"),
        ("增长了三成多。（下转第6版）", "增长了三成多。"),
        ("（上接第1版）东湖公园游人如织。", "东湖公园游人如织。"),
    ],
)
def test_a_jump_mark_is_measured_away_from_the_line_it_ends_or_opens(marked: str, unmarked: str) -> None:
    assert _own(item_of(marked)) == _own(item_of(unmarked))
    # The line without it ends a sentence: the mark's closing bracket no longer says otherwise.
    assert "end=fin" in item_of(marked)
