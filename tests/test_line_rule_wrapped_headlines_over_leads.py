"""``line_rules._wrapped_headlines_over_leads``: on a page cut into a narrow column (12 characters
here), a long headline the wrap cut into pieces that each fill the width, read as text by the
labeller, between the close of the story above and the lead that opens its own story. Each test
gives the labeller's roles as codes (``T _ B``, as ``reread`` in test_parse_rules.py takes them) and
the roles the rule gives back, worked out by hand; the guard tests change one thing of the page and
name the guard that keeps the lines as they were read.

All the text is made up (places, people and events).
"""

from __future__ import annotations

import pytest
from test_parse_rules import reread

from liaocheng_tui.parse import line_rules

# A story whose headline the labeller found, closed by a sentence's end; then the pieces; then the
# next story's lead and text.
_ABOVE = (
    "西山县新修乡村公路八十公\n里\n\n"
    "\u3000\u3000本报讯（记者 李华）\n今年以来，西山县新修乡村\n公路八十公里，沿线村民出\n行更加方便。\n"
    "\u3000\u3000县交通局还在公路两旁\n种下三千棵树苗，深受村民\n欢迎。\n"
)
_ABOVE_CODES = "T T _ B B B B B B B"
_BELOW = (
    "本报东湖3月1日电（记者 王\n明）东湖区今年将新建和改\n建城乡道路一百二十公里。\n"
    "\u3000\u3000区交通局介绍，新建道\n路将连通全区十二个乡镇，\n年底前全部完工。\n"
)
_BELOW_CODES = "B B B B B B _"
# A headline of 30 characters cut at 12: two full pieces and a short last one.
_HEADLINE = ("东湖区今年新建改建城乡道", "路一百二十公里打通三十条", "断头路")


def _page(pieces: tuple[str, ...] = _HEADLINE, *, above: str = _ABOVE, between: str = "") -> tuple[str, str]:
    """The page's text and its codes, with the pieces (and the lines ``between`` them and the lead,
    given with their codes as ``text|codes``) read as text."""
    middle, middle_codes = between.split("|") if between else ("", "")
    text = above + "\n".join(pieces) + "\n" + middle + _BELOW
    codes = " ".join(
        part for part in (_ABOVE_CODES, " ".join("B" for _ in pieces), middle_codes, _BELOW_CODES) if part
    )
    return text, codes


def _read(text: str, codes: str) -> str:
    return reread(line_rules._wrapped_headlines_over_leads, text, codes)


def _pieces_read(text: str, codes: str, count: int = len(_HEADLINE)) -> str:
    """The codes the rule gives the pieces (the lines after the story above)."""
    return " ".join(_read(text, codes).split()[len(_ABOVE_CODES.split()) :][:count])


def test_the_pieces_of_a_wrapped_headline_over_a_lead_are_its_headline() -> None:
    text, codes = _page()
    assert (
        _pieces_read(*_page(("东湖区今年新建改建城乡道", "路一百二十公里，打通三十", "条断头路"))) == "T T T"
    )
    assert _pieces_read(text, codes) == "T T T"
    # The rest of the page as read.
    rest = _read(text, codes).split()
    assert rest[: len(_ABOVE_CODES.split())] == _ABOVE_CODES.split()
    assert rest[-len(_BELOW_CODES.split()) :] == _BELOW_CODES.split()


def test_the_whole_rule_chain_keeps_the_wrapped_headline() -> None:
    text, codes = _page()
    got = reread(line_rules.reread_roles, text, codes).split()
    assert got[len(_ABOVE_CODES.split()) : len(_ABOVE_CODES.split()) + 3] == ["T", "T", "T"]


@pytest.mark.parametrize(
    "between",
    [
        "□本报记者 王明\n|BY",  # a reporter's line over the lead
        "东江日报 2026年3月2日\n|F",  # furniture a page break put there
    ],
)
def test_a_reporters_line_or_furniture_between_the_pieces_and_the_lead(between: str) -> None:
    text, codes = _page(between=between)
    assert _pieces_read(text, codes) == "T T T"


# --- the guards ------------------------------------------------------------------------------------


def test_the_story_above_must_be_closed() -> None:
    # _closes: a paragraph that runs on (its last line cut before its comma's clause ends) takes
    # the pieces up to its last sentence's end, more than a headline: they are its lines.
    above = _ABOVE.replace("欢迎。\n", "欢迎，\n")
    text, codes = _page(above=above)
    assert _pieces_read(text, codes) == "B B B"


def test_pieces_under_a_reporters_line_are_the_storys_own_first_lines() -> None:
    # The line over the pieces is a header's: they open the story it heads (a quote over its lead).
    above = _ABOVE + "■ 本报记者 赵敏\n"
    text, codes = _page(above=above)
    codes = codes.replace(_ABOVE_CODES, _ABOVE_CODES + " BY", 1)
    got = _read(text, codes).split()[len(_ABOVE_CODES.split()) + 1 :][:3]
    assert got == ["B", "B", "B"]


def test_an_indented_first_piece_opens_a_paragraph() -> None:
    # A paragraph whose close lost its full stop, over the next story's lead.
    pieces = ("\u3000\u3000东湖区今年新建改建城", *_HEADLINE[1:])
    text, codes = _page(pieces)
    assert _pieces_read(text, codes) == "B B B"


@pytest.mark.parametrize(
    ("pieces", "why"),
    [
        (
            ("东湖区今年新建改建城乡道", "路一百二十公里打通三十条", "断头路。"),
            "the last piece ends a sentence",
        ),
        (("东湖区今年新建改建城乡道", "路一百二十公里打通三十条", "断头路 ."), "a half-width stop"),
        (("东湖区今年新建改建城乡道", "路一百二十公里。打通三十", "条断头路"), "a full stop inside"),
        (
            ("东湖区今年新建改建城乡道", "路一百二十公里，打通三十", "条断头路，新修桥梁五座"),
            "two clauses' marks",
        ),
        (("东湖区今年新建改建城乡道路一百二十公里",), "one line alone"),
        (("东湖区修路", "今年新建改建城乡道路一百二十公里"), "the first line does not fill the width"),
        (("东湖区城乡道路建设年", "今年新建改建一百二十公里"), "a kicker printed whole, short of the width"),
        (("东湖区今年新建改建城乡道", "路一百二十公里打通三十条"), "the last piece fills the width too"),
        (
            ("东湖区今年新建改建城乡道路一百二十公里", "打通断头路三十条"),
            "a headline printed wider than the column",
        ),
    ],
)
def test_what_is_no_wrapped_headline(pieces: tuple[str, ...], why: str) -> None:
    text, codes = _page(pieces)
    assert _pieces_read(text, codes, len(pieces)) == " ".join("B" for _ in pieces), why


def test_pieces_longer_than_any_headline_are_text() -> None:
    pieces = ("东湖区今年新建改建城乡道",) * 7 + ("断头路",)  # 87 characters and more: 7 x 12 + 3
    assert len("".join(pieces)) == 87
    text, codes = _page(pieces)
    assert _pieces_read(text, codes, len(pieces)) == " ".join("T" for _ in pieces)
    longer = ("东湖区今年新建改建城乡道",) * 7 + ("断头路再通十条",)
    assert len("".join(longer)) > 90
    text, codes = _page(longer)
    assert _pieces_read(text, codes, len(longer)) == " ".join("B" for _ in longer)


def test_no_lead_under_the_pieces_leaves_them_as_read() -> None:
    text, codes = _page()
    no_lead = text.replace("本报东湖3月1日电（记者 王\n明）", "东湖区交通局介绍，今年将\n新建")
    assert _pieces_read(no_lead, codes) == "B B B"


def test_pieces_at_the_top_of_the_page_are_left_as_read() -> None:
    text, codes = _page()
    top = text[len(_ABOVE) :]
    top_codes = " ".join(codes.split()[len(_ABOVE_CODES.split()) :])
    assert _read(top, top_codes).split()[:3] == ["B", "B", "B"]


def test_lines_over_a_headline_line_the_labeller_found_stay_text() -> None:
    # Over a headline the labeller found, lines read as text are the story above's last ones (its
    # close's stop lost) as often as the headline's first pieces: left as read.
    text, codes = _page()
    parts = codes.split()
    parts[len(_ABOVE_CODES.split()) + 2] = "T"
    assert _pieces_read(text, " ".join(parts)) == "B B T"


def test_lines_under_a_headline_line_the_labeller_found_stay_text() -> None:
    # A headline line over lines read as text over the lead: the story's own first lines (a quote
    # set over its lead), not more of its headline.
    text, codes = _page()
    parts = codes.split()
    parts[len(_ABOVE_CODES.split())] = "T"
    assert _pieces_read(text, " ".join(parts)) == "T B B"


def test_a_dash_opening_the_pieces_makes_them_no_headline() -> None:
    # could_head: a subtitle's dash.
    pieces = ("——东湖区今年新建改建城乡", "道路一百二十公里打通三十", "条断头路")
    text, codes = _page(pieces)
    assert _pieces_read(text, codes) == "B B B"


def test_a_centred_first_piece_is_a_headlines() -> None:
    # Set in further than a paragraph opens (three ideographic spaces): a headline centred.
    pieces = ("\u3000\u3000\u3000东湖区今年新建改建城", "乡道路一百二十公里打通三", "十条断头路")
    text, codes = _page(pieces)
    assert _pieces_read(text, codes) == "T T T"


@pytest.mark.parametrize("dateline", ["新华社东湖3月1日电", "（本报东湖3月1日电）"])
def test_pieces_over_a_closing_dateline_are_the_storys_last_lines(dateline: str) -> None:
    # A story's closing dateline (read as its credit) has a lead's grammar, but it closes the story
    # the lines above it belong to.
    text, codes = _page()
    closed = text.replace("断头路\n", f"断头路\n{dateline}\n")
    closed_codes = codes.replace(_ABOVE_CODES + " B B B", _ABOVE_CODES + " B B B CR", 1)
    assert _pieces_read(closed, closed_codes) == "B B B"
