"""A writer's name alone in brackets closing a story (（王明）), as many papers sign their briefs."""

from __future__ import annotations

import pytest

from liaocheng_tui.parse import parse_page
from liaocheng_tui.parse.byline import is_name_signature, parse_closing_credit, parse_signed_credit
from liaocheng_tui.parse.page import parse_labelled
from liaocheng_tui.parse.roles import Role

FIRST = "东湖区举办首届读书节"
SECOND = "西城区新建三处口袋公园"


def two_briefs(signature: str) -> str:
    return (
        f"{FIRST}\n"
        "\u3000\u300012月3日，东湖区首届读书节在区图书馆开幕，三千多名市民参加了开幕式。\n"
        "\u3000\u3000读书节期间将举办讲座、展览和阅读分享会等二十余场活动。\n"
        f"\u3000\u3000{signature}\n"
        f"{SECOND}\n"
        "\u3000\u3000今年以来，西城区利用边角地新建三处口袋公园，方便居民就近休闲。\n"
    )


@pytest.mark.parametrize(
    ("line", "signature", "names"),
    [
        ("（王明）", "（王明）", ["王明"]),
        ("(王明)", "(王明)", ["王明"]),
        ("\u3000\u3000（王明） ", "（王明）", ["王明"]),  # its indent and a space after it
        ("（李小红）", "（李小红）", ["李小红"]),
        ("（欧阳晓明）", "（欧阳晓明）", ["欧阳晓明"]),  # four characters after a compound surname
        ("（王明 李华）", "（王明 李华）", ["王明", "李华"]),  # co-authors
    ],
)
def test_names_alone_in_brackets_are_a_signature(line: str, signature: str, names: list[str]) -> None:
    assert parse_signed_credit(line) == (signature, names)
    assert parse_closing_credit(line) == (signature, names)
    assert is_name_signature(line)


@pytest.mark.parametrize(
    "line",
    [
        "（完）",  # one character: the end mark
        "（上海）",  # no surname
        "（图片）",
        "（常委）",  # a short post that opens as a surname does
        "（王府井大）",  # four characters after a surname of one
        "（王明李华张强）",  # more than one name's characters
        "王明",  # no brackets: parse_name_line's
        "（王明）。",
    ],
)
def test_no_name_alone_is_read_in_an_end_mark_a_place_a_post_or_a_longer_line(line: str) -> None:
    assert parse_signed_credit(line) is None
    assert not is_name_signature(line)


def test_a_brief_signed_by_a_name_alone_ends_there_and_credits_its_writer() -> None:
    page = parse_page(two_briefs("（王明）"))
    assert [(a.title, a.byline, a.authors) for a in page.articles] == [
        (FIRST, "（王明）", ["王明"]),
        (SECOND, None, []),
    ]
    assert "（王明）" not in page.articles[0].paragraphs
    assert len(page.articles[0].paragraphs) == 2


@pytest.mark.parametrize(
    ("signature", "names"), [("（王明）", ["王明"]), ("（王明 李华）", ["王明", "李华"])]
)
def test_names_alone_the_labeller_read_as_a_byline_after_the_text_close_the_story(
    signature: str, names: list[str]
) -> None:
    text = two_briefs(signature)
    roles: list[Role] = ["title", "body", "body", "byline", "title", "body", "blank"]
    page = parse_labelled(text, roles)
    assert [(a.title, a.authors, len(a.paragraphs)) for a in page.articles] == [
        (FIRST, names, 2),
        (SECOND, [], 1),
    ]


@pytest.mark.parametrize(
    ("signature", "kind"),
    [
        ("（王明）", "news"),
        ("（王明 李华）", "news"),  # co-authors named alone
        ("（作者：王明）", "commentary"),  # an outside writer's signature under a label
    ],
)
def test_names_alone_sign_news_as_well_as_comment_but_a_labelled_signature_is_comment(
    signature: str, kind: str
) -> None:
    # Reporters sign news briefs with their names alone; a signature under a label is an outside
    # writer's, which the parser reads as commentary.
    article = parse_page(two_briefs(signature)).articles[0]
    assert (article.title, article.byline, article.kind) == (FIRST, signature, kind)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("（王明 李华）", True),
        ("(杜海涛 )", True),  # a space before the bracket, as a damaged copy sets it
        ("（王明 李华 张强 赵刚 孙丽）", False),  # five: a list, not a signature
        ("（王明 常委）", False),
        ("（王明 东湖大学教授）", False),
        ("（记者 王明）", False),
    ],
)
def test_names_alone_are_told_from_a_list_a_post_or_a_role(byline: str, expected: bool) -> None:
    assert is_name_signature(byline) is expected
