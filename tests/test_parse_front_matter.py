"""A metadata block (YAML front matter) over a clipped story, as trafilatura and web clippers write it."""

from __future__ import annotations

import pytest

from liaocheng_tui.parse import parse_page
from liaocheng_tui.parse.front_matter import read_front_matter
from liaocheng_tui.parse.normalize import split_lines

_LEAD = "本报讯（记者 王磊）12月2日，记者走进莘县燕店镇的蔬菜大棚，黄瓜、西红柿长势喜人。"
_TEXT = (
    "“今年行情好，一个棚能收入八万多元。”种植户李大哥一边采摘一边说。\n"
    "近年来，莘县大力发展设施农业，全县蔬菜种植面积稳定在百万亩以上。\n"
)

# trafilatura --with-metadata: the block, then the story's text from its lead on.
_TRAFILATURA = (
    "---\n"
    "title: 聊城：冬季蔬菜大棚迎来采摘季\n"
    "author: 王磊\n"
    "url: http://www.lcxw.cn/news/2026-12/03/content_123456.htm\n"
    "hostname: lcxw.cn\n"
    "sitename: 聊城新闻网\n"
    "date: 2026-12-03\n"
    "categories: []\n"
    "id: null\n"
    "---\n"
    f"{_LEAD}\n{_TEXT}"
)

# Obsidian's web clipper: quoted values, the author a list of links.
_CLIPPER = (
    "---\n"
    'title: "聊城：冬季蔬菜大棚迎来采摘季"\n'
    'source: "http://www.lcxw.cn/news/2026-12/03/content_123456.htm"\n'
    "author:\n"
    '  - "[[王磊]]"\n'
    "published: 2026-12-03T09:12:45+08:00\n"
    "created: 2026-12-04\n"
    "tags:\n"
    '  - "clippings"\n'
    "---\n"
    "12月2日，记者走进莘县燕店镇的蔬菜大棚，黄瓜、西红柿长势喜人。\n\n"
    f"{_TEXT}"
)


def test_a_clipped_storys_metadata_gives_its_headline_date_and_paper() -> None:
    page = parse_page(_TRAFILATURA)
    [article] = page.articles
    assert article.title == "聊城：冬季蔬菜大棚迎来采摘季"
    assert (article.byline, article.authors) == ("本报讯（记者 王磊）", ["王磊"])  # the text's own
    assert article.paragraphs[0].startswith("12月2日，记者走进莘县")
    assert not any(":" in paragraph for paragraph in article.paragraphs)
    assert (page.date, page.date_source, page.publication) == ("2026-12-03", "masthead", "聊城新闻网")
    front = [(d.line, d.text) for d in page.dropped if d.reason == "front-matter"]
    assert front[:2] == [(1, "---"), (2, "title: 聊城：冬季蔬菜大棚迎来采摘季")]
    assert front[-1] == (10, "---")
    assert len(front) == 10
    assert article.line_start == 11


def test_a_web_clippers_block_names_the_author_the_text_does_not() -> None:
    page = parse_page(_CLIPPER)
    [article] = page.articles
    assert article.title == "聊城：冬季蔬菜大棚迎来采摘季"
    assert (article.byline, article.authors) == ("王磊", ["王磊"])
    assert page.date == "2026-12-03"
    assert len([d for d in page.dropped if d.reason == "front-matter"]) == 10


def test_the_texts_own_headline_stands_over_the_blocks() -> None:
    page = parse_page(_TRAFILATURA.replace(f"---\n{_LEAD}", f"---\n大棚里的“绿色银行”\n{_LEAD}"))
    assert [a.title for a in page.articles] == ["大棚里的“绿色银行”"]


@pytest.mark.parametrize(
    "text",
    [
        "---\n城区新增三处口袋公园\n本报讯（记者 李强）近日，城区新增三处口袋公园。\n",  # a rule over a story
        "---\nlayout: post\ncomments: true\n---\n城区新增三处口袋公园\n",  # no field of a story
        "---\ntitle: 城区新增三处口袋公园\ndate: 2026-12-03\n城区新增三处口袋公园\n",  # never closed
        "城区新增三处口袋公园\n---\ntitle: 口袋公园\n---\n",  # not at the top of the page
    ],
)
def test_what_is_no_metadata_block(text: str) -> None:
    assert read_front_matter(split_lines(text)) is None


def test_a_page_under_a_rule_is_parsed_as_before() -> None:
    page = parse_page("---\n城区新增三处口袋公园\n　　本报讯（记者 李强）近日，城区新增三处口袋公园。\n")
    assert [a.title for a in page.articles] == ["城区新增三处口袋公园"]
    assert not [d for d in page.dropped if d.reason == "front-matter"]


def test_the_blocks_values_reach_the_page_without_escapes_or_controls() -> None:
    page = parse_page(
        "\ufeff---\ntitle: 聊城\x1b[31m冬季\u200b蔬菜\x07大棚\nauthor: 王磊\x00\nsitename: 聊城\x1b]0;x\x07新闻网\n"
        "date: 2026-12-03\n---\n12月2日，记者走进莘县燕店镇的蔬菜大棚。\n"
    )
    [article] = page.articles
    assert (article.title, article.byline, page.publication) == ("聊城 冬季蔬菜 大棚", "王磊", "聊城 新闻网")
    assert all(d.text.isprintable() for d in page.dropped)
    assert page.date == "2026-12-03"
