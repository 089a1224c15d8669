"""``line_rules._wrapped_headlines_set_apart``: on a page cut into a narrow column (12 characters
here) whose paragraphs open indented, a headline the wrap cut into flush pieces, with a blank line
over and under it, that the labeller read as text. Each test gives the labeller's roles as codes
(``T _ B``, as ``reread`` in test_parse_rules.py takes them) and the roles the rule gives back,
worked out by hand; the guard tests change one thing of the page and name the guard that keeps the
block as it was read.

All the text is made up (places, people and events).
"""

from __future__ import annotations

import pytest
from test_parse_rules import reread

from liaocheng_tui.parse import line_rules

# A story whose headline the labeller found, then the block, then a story's lead of three
# paragraphs. Openers (lines after a sentence's end): 县交通局…, 下一步…, the block, 这片湖…,
# 公园管理处…; four of five indented.
_ABOVE = (
    "西山县新修乡村公路八十公\n里\n\n"
    "\u3000\u3000本报讯（记者 李华）\n今年以来，西山县新修乡村\n公路八十公里，沿线村民出\n行更加方便。\n"
    "\u3000\u3000县交通局还在公路两旁\n种下三千棵树苗，深受村民\n欢迎。\n"
    "\u3000\u3000下一步，全县将继续推\n进农村公路建设，让更多村\n{last}\n\n"
)
_BELOW = (
    "\n\n{lead}\n经开了一半，游人沿着湖边\n的步道慢慢走着。\n"
    "\u3000\u3000这片湖是全市最大的城\n中湖，每年都吸引不少市民\n前来。\n"
    "\u3000\u3000公园管理处介绍，荷花\n节将持续到八月底，其间还\n有摄影展和音乐会。\n"
)
_ABOVE_CODES = "T T _ B B B B B B B B B B _"
_BELOW_CODES = "_ B B B B B B B B B _"
# A headline of 20 characters cut at 12: its first piece fills the width, its second does not.
_HEADLINE = ("东湖公园荷花节昨日开幕游", "客赏荷纳凉忙不停")


def _page(
    block: tuple[str, ...] = _HEADLINE,
    *,
    last: str = "庄通上好路。",
    lead: str = "\u3000\u3000初夏的东湖边，荷花已",
    lead_code: str = "B",
) -> tuple[str, str]:
    """The page's text, and its codes with the block (and the line under it) read as ``lead_code``."""
    text = _ABOVE.format(last=last) + "\n".join(block) + _BELOW.format(lead=lead)
    below = _BELOW_CODES.replace("_ B", f"_ {lead_code}", 1)
    return text, f"{_ABOVE_CODES} {' '.join('B' for _ in block)} {below}"


def _read(text: str, codes: str) -> str:
    return reread(line_rules._wrapped_headlines_set_apart, text, codes)


def _with_block(codes: str, block_codes: str) -> str:
    """``codes`` with the block's (the codes after the first story's 14 lines) set to ``block_codes``."""
    head = _ABOVE_CODES.split()
    parts = codes.split()
    count = len(block_codes.split())
    return " ".join([*head, *block_codes.split(), *parts[len(head) + count :]])


def test_a_wrapped_headline_set_apart_read_as_text_is_the_next_storys_headline() -> None:
    text, codes = _page()
    assert _read(text, codes) == _with_block(codes, "T T")


def test_the_whole_rule_chain_keeps_the_wrapped_headline() -> None:
    # reread_roles applies every rule: none of those after this one takes the headline back.
    text, codes = _page()
    assert reread(line_rules.reread_roles, text, codes) == _with_block(codes, "T T")


def test_a_headline_in_four_pieces_is_one_headline() -> None:
    block = ("东湖公园荷花节昨日开幕游", "客赏荷纳凉忙不停湖边步道", "新添座椅一百张供游人歇脚", "再添新景")
    assert len("".join(block)) == 40  # the longest headline a line rule takes
    text, codes = _page(block)
    assert _read(text, codes) == _with_block(codes, "T T T T")


def test_pieces_down_to_one_ending_with_a_dash_are_the_kicker() -> None:
    block = ("运河沿线六座城市联手打造", "文旅新名片——", "古镇迎来四方客")
    assert len(block[0]) == 12
    text, codes = _page(block)
    assert _read(text, codes) == _with_block(codes, "K K T")


def test_a_reporters_line_under_the_block_opens_the_story_as_an_indented_lead_does() -> None:
    text, codes = _page(lead="■ 本报记者 王明", lead_code="BY")
    assert _read(text, codes) == _with_block(codes, "T T")


# --- the guards ------------------------------------------------------------------------------------


def test_on_a_page_that_sets_its_paragraphs_flush_the_block_stays_text() -> None:
    # _indents_paragraph_openers: with every indent lost, a flush block stands out from nothing.
    text, codes = _page()
    flush = text.replace("\u3000", "")
    assert _read(flush, codes) == codes


def test_a_page_with_too_few_sentence_ends_tells_nothing_of_its_habit() -> None:
    # _OPENERS_LEAST: the same block on a page with three lines after a sentence's end (县交通局…,
    # the block, 这片湖…), two of them indented: a share that says the page indents, from too few.
    text = (
        "西山县新修乡村公路八十公\n里\n\n\u3000\u3000今年以来，西山县新修\n乡村公路八十公里，沿线村\n民出行更加方便。\n"
        "\u3000\u3000县交通局还在公路两旁\n种下三千棵树苗，深受村民\n欢迎。\n\n"
        "东湖公园荷花节昨日开幕游\n客赏荷纳凉忙不停\n\n\u3000\u3000初夏的东湖边，荷花已\n经开了一半，游人沿着湖边\n"
        "的步道慢慢走着。\n\u3000\u3000这片湖是全市最大的城\n中湖\n"
    )
    codes = "T T _ B B B B B B _ B B _ B B B B B _"
    assert _read(text, codes) == codes


def test_a_block_whose_first_line_does_not_fill_the_width_stays_as_read() -> None:
    # fills[block[0]]: two short lines are a kicker over a headline or a headline over its
    # subtitle as often as one headline, and the labeller read them as text.
    text, codes = _page(("东湖荷花节开幕", "游客赏荷纳凉忙不停"))
    assert _read(text, codes) == codes


def test_a_first_piece_with_a_mark_hung_over_the_width_is_still_a_wraps() -> None:
    # width + 1: a wrap that keeps a closing mark on its line makes the piece one character wider.
    block = ("东湖公园荷花节昨日开幕游，", "客赏荷纳凉忙不停")
    assert len(block[0]) == 13
    text, codes = _page(block)
    assert _read(text, codes) == _with_block(codes, "T T")


def test_a_line_wider_than_the_column_over_a_short_one_stays_as_read() -> None:
    # len(...) > width + 1: 14 characters on a page cut at 12 is no wrap's piece but a line printed
    # whole across columns (a kicker over its headline, centred over the story's two columns).
    block = ("东湖公园荷花节昨日隆重开幕了", "游客赏荷纳凉忙不停")
    assert len(block[0]) == 14
    text, codes = _page(block)
    assert _read(text, codes) == codes


def test_a_block_whose_last_line_fills_the_width_stays_text() -> None:
    # fills[block[-1]]: a wrap's last piece of a headline is short; two full pieces with nothing
    # after them are a paragraph's lines a stray blank line set apart.
    text, codes = _page(("东湖公园荷花节昨日开幕游", "客赏荷纳凉湖边步道新添座"))
    assert _read(text, codes) == codes


@pytest.mark.parametrize("line", ["东湖公园荷花节昨日开幕", "东湖公园荷花节昨日开幕游"])
def test_a_single_line_set_apart_stays_as_read(line: str) -> None:
    # fills[block[0]] and not fills[block[-1]]: a line alone between blank lines, short or full,
    # is a crosshead as often as a headline.
    text, codes = _page((line,))
    assert _read(text, codes) == codes


def test_a_block_longer_than_any_headline_stays_text() -> None:
    # headline_shaped: 41 characters set apart that end no sentence are no headline (a list's
    # lines, a caption).
    block = ("东湖公园荷花节昨日开幕游", "客赏荷纳凉忙不停湖边步道", "新添座椅一百张供游人歇脚", "再添新景色")
    assert len("".join(block)) == 41
    text, codes = _page(block)
    assert _read(text, codes) == codes


def test_a_block_under_a_line_that_runs_on_stays_text() -> None:
    # _closes(above): over the blank line a paragraph ran on (a comma), so the blank line is a
    # stray one inside it and the block goes on with the paragraph.
    text, codes = _page(last="庄通上好路，")
    assert _read(text, codes) == codes


@pytest.mark.parametrize(
    ("lead", "why"),
    [
        ("初夏的东湖边，荷花已", "a flush line under the block: the block's text goes on"),
        ("\u3000\u3000初夏的东湖边，荷花已", "an indented lead read as a headline"),
    ],
)
def test_no_indented_text_or_reporters_line_under_the_block_keeps_it_as_read(lead: str, why: str) -> None:
    text, codes = _page(lead=lead, lead_code="B" if lead[0] != "\u3000" else "T")
    assert _read(text, codes) == codes, why


def test_a_block_with_an_indented_line_stays_text() -> None:
    # not lines[index].indented: a paragraph's first line is indented, a headline's is not.
    text, codes = _page(("\u3000\u3000东湖公园荷花节昨日开", "幕游客赏荷纳凉"))
    assert _read(text, codes) == codes


def test_a_block_read_as_a_headline_already_is_left_to_the_labeller() -> None:
    # out[index] != "body": a block the labeller read otherwise (here a kicker over a headline) is
    # its own reading.
    text, codes = _page()
    as_read = _with_block(codes, "K T")
    assert _read(text, as_read) == as_read


def test_a_block_that_ends_a_sentence_is_a_paragraph() -> None:
    # headline_shaped: a block that closes with a full stop is a short paragraph set apart.
    text, codes = _page(("东湖公园荷花节昨日开幕游", "客赏荷纳凉。"))
    assert _read(text, codes) == codes


def test_a_dashed_block_is_a_subtitle_not_a_headline() -> None:
    # could_head: a block that opens with a dash is the subtitle of the headline above.
    text, codes = _page(("——西山县新修乡村公路沿线", "村民出行更加方便"))
    assert _read(text, codes) == codes


# --- _paragraph_tails_read_as_headlines: a sentence's last piece read as a headline ----------------

# A story cut at 12 characters whose last paragraph ends with an exclamation the wrap cut off
# (…一年比一年更 / 红火！), and the next story's headline and lead.
_TAIL_PAGE = (
    "西山县新修乡村公路八十公\n里\n\u3000\u3000今年以来，西山县新修\n乡村公路八十公里，沿线村\n"
    "民出行更加方便。县交通局还\n在公路两旁种下三千棵树苗\n，深受村民欢迎。乡亲们都\n说，这日子是一年比一年更\n"
    "{tail}\n\n东湖公园荷花节开幕\n\u3000\u3000初夏的东湖边，荷花已\n经开了一半。\n"
)
_TAIL_CODES = "T T B B B B B B {tail} _ T B B _"


def _tails(text: str, codes: str) -> str:
    return reread(line_rules._paragraph_tails_read_as_headlines, text, codes)


def test_an_exclaiming_tail_under_a_full_line_that_runs_on_is_the_paragraphs() -> None:
    text = _TAIL_PAGE.format(tail="红火！")
    assert _tails(text, _TAIL_CODES.format(tail="T")) == _TAIL_CODES.format(tail="B")


def test_the_whole_rule_chain_keeps_the_tail_as_text() -> None:
    text = _TAIL_PAGE.format(tail="红火！")
    assert reread(line_rules.reread_roles, text, _TAIL_CODES.format(tail="T")) == _TAIL_CODES.format(tail="B")


@pytest.mark.parametrize(
    ("above", "why"),
    [
        ("说，这日子是一年比一年更", "the control: the tail is read as text"),
        ("说，这日子是一年比一年好。", "ends_sentence(above): after a sentence's end a headline may open"),
        ("说，这日子是一年比一年（好）", "_closes(above): a closed bracket ends what it holds"),
        ("说，这日子", "fills: a line short of the width ends there"),
    ],
    ids=["control", "sentence", "bracket", "short"],
)
def test_a_headline_line_under_a_line_that_does_not_run_on_stays_a_headline(above: str, why: str) -> None:
    text = _TAIL_PAGE.format(tail="好日子来了！").replace("说，这日子是一年比一年更", above)
    expected = "B" if above == "说，这日子是一年比一年更" else "T"
    assert _tails(text, _TAIL_CODES.format(tail="T")) == _TAIL_CODES.format(tail=expected), why


def test_a_headline_line_that_ends_no_sentence_stays_a_headline() -> None:
    # ends_sentence(line): a headline broken across the wrap is another rule's (a piece of it).
    text = _TAIL_PAGE.format(tail="好日子来了")
    assert _tails(text, _TAIL_CODES.format(tail="T")) == _TAIL_CODES.format(tail="T")


def test_a_line_over_more_header_lines_stays_in_its_block() -> None:
    # out[index + 1] in HEADER_ROLES: the line opens a block of header lines (a kicker that
    # exclaims over its headline), which is the labeller's reading of a block, not a sentence's tail.
    text = _TAIL_PAGE.format(tail="好日子来了！").replace("！\n\n", "！\n")
    codes = "T T B B B B B B K T B B _"
    assert _tails(text, codes) == codes


def test_a_header_line_under_a_line_not_read_as_text_stays() -> None:
    # out[index - 1] != "body": under a headline's first line the exclaiming line is its second.
    # (The line over that one ends a sentence, so the two are no paragraph's pieces either.)
    text = _TAIL_PAGE.format(tail="红火！").replace("，深受村民欢迎。乡亲们都", "，深受村民欢迎，人人称赞。")
    codes = "T T B B B B B T T _ T B B _"
    assert _tails(text, codes) == codes


def test_only_a_header_line_is_taken_for_a_tail() -> None:
    # out[index] not in HEADER_ROLES: a line read as a caption there is the labeller's other reading.
    text = _TAIL_PAGE.format(tail="红火！")
    codes = _TAIL_CODES.format(tail="CAP")
    assert _tails(text, codes) == codes


def test_header_lines_whose_last_ends_the_sentence_are_the_paragraphs_last_pieces() -> None:
    # The wrap cut the paragraph's last sentence into pieces the labeller read as a kicker and a
    # headline, the full stop on a line of its own: the block's last line ends the sentence.
    text = _TAIL_PAGE.format(tail="红火，要在山水之间\n奋力前行\n。")
    codes = _TAIL_CODES.format(tail="K T T")
    assert _tails(text, codes) == _TAIL_CODES.format(tail="B B B")


def test_a_page_not_hard_wrapped_keeps_its_blocks_as_read() -> None:
    # not any(fills): a page whose paragraphs run whole on their lines has no column to measure
    # pieces against; two flush lines set apart there are a kicker and a headline as often as one.
    text = (
        "西山县新修乡村公路八十公里\n\n"
        "\u3000\u3000今年以来，西山县新修乡村公路八十公里，沿线村民出行更加方便。\n"
        "\u3000\u3000县交通局还在公路两旁种下三千棵树苗。\n"
        "\u3000\u3000下一步，全县将继续推进农村公路建设，让更多村庄通上好路，群众满意。\n"
        "\u3000\u3000乡亲们都说好。\n\n"
        "东湖公园荷花节昨日开幕\n游客赏荷纳凉忙不停\n\n"
        "\u3000\u3000初夏的东湖边，荷花已经开了一半。\n"
        "\u3000\u3000这片湖是全市最大的城中湖，每年都吸引不少市民前来，公园管理处介绍。\n"
    )
    codes = "T _ B B B B _ B B _ B B _"
    assert _read(text, codes) == codes
