"""The parser on pages it was not developed against: other papers, house styles and extraction tools.

``tests/data/unseen/`` holds hand-written pages. 01-12: People's-Daily-style CRLF with U+3000
indents, an evening paper, stacked 引题/主题/副题, column labels over several items, briefs, OCR
damage, a hard-wrapped page, furniture with form feeds and lone CRs, NBSP indents, a
``pdftotext -layout`` page, an opinion page. 13-20, written in round 3 and scored before the
parser was changed for them (6 of 25 articles fully matched): brand bylines of an evening paper
(齐鲁晚报·齐鲁壹点 记者 X), a county paper's numbered briefs (１．), a Xinhua wire page with （完）,
a hard-wrapped OCR page with page-number and jump noise, a theory page with 一、 crossheads and
author notes, photo captions with inline 记者 X 摄 credits, a data box, a markdown conversion
(# masthead, > quotes, - lists, ---). 21-24 vary those styles and were written after the fixes as
a held-out check (3 of 8 fully matched before the follow-up fixes). ``expected.json`` gives, for
each, the page fields and every article in page order, worked out by reading the page, not by
running the parser.

Articles are paired with the key by body start, as in the seed test. Per-field accuracy is printed
(``pytest -s``). The parser was improved against these pages, so they guard against regression:
one slip per field (two whole articles) is allowed, so that a deliberate trade-off for another
house style can be made and shows in the printout, but a broken rule fails.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from liaocheng_tui.parse import Page, parse_page
from liaocheng_tui.parse.normalize import split_lines
from liaocheng_tui.parse.page import parse_labelled
from liaocheng_tui.parse.roles import Role
from liaocheng_tui.parse.scoring import (
    Tally,
    field_matches,
    key_from_json,
    pair_articles,
    roles_from_key,
    score_page,
)

DATA = Path(__file__).parent / "data" / "unseen"
FIELDS = ("kicker", "title", "subtitle", "byline", "authors", "column", "kind", "body_start", "paragraphs")
PAGE_FIELDS = ("publication", "date", "section")


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def parsed(expected: dict[str, Any]) -> dict[str, Page]:
    # Bytes, decoded without newline translation: the CR and CRLF line ends are part of the test.
    return {name: parse_page((DATA / name).read_bytes().decode("utf-8"), name) for name in expected}


@pytest.fixture(scope="module")
def scores(parsed: dict[str, Page], expected: dict[str, Any]) -> dict[str, Any]:
    hits = dict.fromkeys(FIELDS + PAGE_FIELDS + ("count",), 0)
    total = full = 0
    misses: list[str] = []
    for name, gold_page in expected.items():
        page = parsed[name]
        for f in PAGE_FIELDS:
            if getattr(page, f) == gold_page[f]:
                hits[f] += 1
            else:
                misses.append(f"{name} page {f}: {getattr(page, f)!r} vs {gold_page[f]!r}")
        if len(page.articles) == len(gold_page["articles"]):
            hits["count"] += 1
        else:
            misses.append(f"{name}: {len(page.articles)} articles vs {len(gold_page['articles'])}")
        for gold, article in pair_articles(page, gold_page["articles"]):
            total += 1
            if article is None:
                misses.append(f"{name}: no article for {gold['title'] or gold['body_start']!r}")
                continue
            wrong = [f for f in FIELDS if not field_matches(article, gold, f)]
            for f in FIELDS:
                hits[f] += f not in wrong
            full += not wrong
            for f in wrong:
                value = len(article.paragraphs) if f == "paragraphs" else getattr(article, f, None)
                if f == "body_start":
                    value = article.paragraphs[0][:20] if article.paragraphs else None
                misses.append(
                    f"{name} #{article.seq} {f}: {value!r} vs {gold.get(f, gold.get('paragraph_count'))!r}"
                )
    return {"total": total, "pages": len(expected), "full": full, "hits": hits, "misses": misses}


def test_report_per_field_accuracy(scores: dict[str, Any]) -> None:
    total, pages = scores["total"], scores["pages"]
    print(f"\nunseen articles fully matched: {scores['full']}/{total}")
    for name in FIELDS:
        print(f"  {name:<12} {scores['hits'][name]}/{total}")
    for name in (*PAGE_FIELDS, "count"):
        print(f"  page {name:<7} {scores['hits'][name]}/{pages}")
    for miss in scores["misses"]:
        print("  miss:", miss)
    assert pages == 24 and total == 67


# The thresholds below were the rule parser's (at most one slip per field): the rules were tuned on
# these pages. The labeller is trained with them as a small share of its data, and is held here to
# the figures of the model it was switched on with (line_roles.txt's card, commit 76ab6aa), as
# regression guards, and to the goal for papers it has not seen: title F1 >= 0.90.
MODEL_FLOOR = {
    "full": 41,
    "title": 51,
    "byline": 54,
    "authors": 53,
    "kind": 51,
    "body_start": 54,
    "kicker": 54,
    "subtitle": 54,
    "column": 44,
    "paragraphs": 53,
}


def test_title_f1_reaches_the_goal_for_unseen_papers(
    parsed: dict[str, Page], expected: dict[str, Any]
) -> None:
    tally = Tally()
    for name, key in expected.items():
        score_page(parsed[name], [key_from_json(a) for a in key["articles"]], tally, name)
    f1 = tally.figures()["title_f1"]
    assert f1 is not None and f1 >= 0.90, tally.misses


def test_articles_fully_matched(scores: dict[str, Any]) -> None:
    assert scores["full"] >= MODEL_FLOOR["full"], scores["misses"]


@pytest.mark.parametrize("name", ["title", "byline", "authors", "kind", "body_start"])
def test_core_fields(scores: dict[str, Any], name: str) -> None:
    assert scores["hits"][name] >= MODEL_FLOOR[name], scores["misses"]


@pytest.mark.parametrize("name", ["kicker", "subtitle", "column", "paragraphs"])
def test_layout_fields(scores: dict[str, Any], name: str) -> None:
    assert scores["hits"][name] >= MODEL_FLOOR[name], scores["misses"]


def test_page_fields_and_story_counts(scores: dict[str, Any]) -> None:
    # publication, date and section: at most one page wrong; story counts: as the model stood.
    for name in PAGE_FIELDS:
        assert scores["hits"][name] >= scores["pages"] - 1, (name, scores["misses"])
    assert scores["hits"]["count"] >= 16, scores["misses"]


def test_the_assembler_on_the_keys_line_roles_finds_every_article(expected: dict[str, Any]) -> None:
    # With the line roles a perfect labeller would give (worked out from the key), the assembler
    # alone gets every headline, byline and body start of these pages of other house styles.
    tally = Tally()
    for name, key in expected.items():
        text = (DATA / name).read_bytes().decode("utf-8")
        page = parse_labelled(text, roles_from_key(text, key), name)
        score_page(page, [key_from_json(a) for a in key["articles"]], tally, name)
    assert (tally.gold_articles, tally.parsed_articles) == (67, 67), tally.misses
    assert tally.figures()["title_f1"] == 1.0, tally.misses
    counts = (tally.kicker_right, tally.subtitle_right, tally.byline_right, tally.body_right)
    assert counts == (tally.titles_found, tally.titles_found, tally.bylines, tally.bodies), tally.misses


# The roles the labeller should give the lines of the pages below (see tests/test_parse_rules.py):
# what the assembler makes of them is checked whatever the packaged model says.
_CODES: dict[str, Role] = {
    "T": "title",
    "BY": "byline",
    "B": "body",
    "CAP": "caption",
    "F": "furniture",
    "_": "blank",
}
_PAGE_ROLES = {
    "06_ocr_damage.txt": "T _ B _ B _ B _ B _ B _ T _ B _ B _",
    "08_furniture.txt": "F F F _ T B B _ _ F _ T _ T B B _ T B B _",
    "15_xinhua_wire.txt": "F _ F _ T B B _ T B B _ T BY B B _ CAP BY _",
    "16_ocr_wrapped_noise.txt": "F T B B B B B B F T B B B F F T T BY B B B B B _",
}


def labelled(name: str) -> Page:
    text = (DATA / name).read_bytes().decode("utf-8")
    roles = [_CODES[code] for code in _PAGE_ROLES[name].split()]
    assert len(roles) == len(split_lines(text))
    return parse_labelled(text, roles, name)


def test_ocr_repairs_on_the_damaged_page() -> None:
    page = labelled("06_ocr_damage.txt")
    first = page.articles[0]
    # The sentence cut by a blank line is one paragraph again; the doubled paragraph is kept once.
    assert (
        first.paragraphs[1]
        == "会议指出,要坚持创新驱动发展战略,加快建设一批高水平创新平台,推动科技成果就地转化。"
    )
    assert len(first.paragraphs) == 3
    assert [d.line for d in page.dropped if d.reason == "duplicate-paragraph"] == [11]


def test_furniture_is_dropped_not_read_as_stories() -> None:
    page = labelled("08_furniture.txt")
    texts = {d.text for d in page.dropped}
    assert {"东海商报", "2021年12月2日 星期四", "第8版"} <= texts
    bodies = "\n".join(a.body for a in page.articles)
    assert "诚聘英才" not in bodies and "0531-86001234" not in bodies


def test_wire_end_marks_and_ocr_page_noise_are_dropped() -> None:
    wire = labelled("15_xinhua_wire.txt")
    assert [d.text for d in wire.dropped if d.reason == "end-mark"] == ["（完）", "（完）", "（完）"]
    assert all("完）" not in p for a in wire.articles for p in a.paragraphs)
    ocr = labelled("16_ocr_wrapped_noise.txt")
    furniture = {d.text for d in ocr.dropped if d.reason == "page-furniture"}
    assert {"- 2 -", "（下转第3版）", "第2版"} <= furniture
    # The hard-wrapped lines are joined back into whole paragraphs, split only where the text was.
    assert ocr.articles[1].paragraphs == [
        "记者从市公交集团获悉，为方便群众出行，我市将于10月15日起对8条公交线路进行优化调整，新开通2条社区微循环线路。"
    ]
