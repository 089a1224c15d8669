"""The parser against the hand-made answer key for the five seed pages.

Articles are paired with the key by their body start, in page order, so one missed or extra
story does not shift every later comparison. Per-field accuracy is printed (``pytest -s``) and
held to thresholds that leave room only for the cases the key itself calls hard.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from liaocheng_tui.parse import Page, parse_page
from liaocheng_tui.parse.page import parse_labelled
from liaocheng_tui.parse.scoring import (
    Tally,
    field_matches,
    key_from_json,
    pair_articles,
    roles_from_key,
    score_page,
)

FIELDS = ("kicker", "title", "subtitle", "byline", "authors", "column", "kind", "body_start")


@pytest.fixture(scope="module")
def parsed(seed_paths: list[Path]) -> dict[str, Page]:
    return {path.name: parse_page(path.read_text(encoding="utf-8"), path.name) for path in seed_paths}


@pytest.fixture(scope="module")
def scores(parsed: dict[str, Page], gold: dict[str, Any]) -> dict[str, Any]:
    field_hits = dict.fromkeys(FIELDS, 0)
    total = full = 0
    misses: list[str] = []
    for name, expected in gold.items():
        for gold_article, article in pair_articles(parsed[name], expected["articles"]):
            total += 1
            if article is None:
                misses.append(f"{name}: no article for {gold_article['title']!r}")
                continue
            wrong = [f for f in FIELDS if not field_matches(article, gold_article, f)]
            for f in FIELDS:
                field_hits[f] += f not in wrong
            full += not wrong
            for f in wrong:
                misses.append(
                    f"{name} #{article.seq} {f}: {getattr(article, f, None)!r} vs {gold_article[f]!r}"
                )
    return {"total": total, "full": full, "fields": field_hits, "misses": misses}


# The seed key scored as `python -m liaocheng_tui.parse.evaluate` scores it, and the counts the
# rule parser reached on main before the labeller (commit 0579d0d, measured with this scoring):
# no field may fall below them. Titles: 48 of the key's 49 found, 48 parsed (F1 0.990); kicker 46
# and subtitle 48 of the 48 found; byline 48 of 49; body start 51 of 52.
RULE_PARSER_FLOOR = {
    "title_hits": 48,
    "kicker_right": 46,
    "subtitle_right": 48,
    "byline_right": 48,
    "body_right": 51,
}


@pytest.fixture(scope="module")
def key_tally(parsed: dict[str, Page], gold: dict[str, Any]) -> Tally:
    tally = Tally()
    for name, expected in gold.items():
        score_page(parsed[name], [key_from_json(a) for a in expected["articles"]], tally, name)
    return tally


def test_the_assembler_on_the_keys_line_roles_reaches_the_floor(
    seed_paths: list[Path], gold: dict[str, Any]
) -> None:
    # The line roles worked out from the key are what a perfect labeller would give: the assembler
    # alone must then do at least as well as the rule parser did (the ceiling of the new design).
    tally = Tally()
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        page = parse_labelled(text, roles_from_key(text, gold[path.name]), path.name)
        score_page(page, [key_from_json(a) for a in gold[path.name]["articles"]], tally, path.name)
    assert tally.parsed_articles == 52
    for count, floor in RULE_PARSER_FLOOR.items():
        assert getattr(tally, count) >= floor, (count, tally.misses)


def test_seed_key_title_f1(key_tally: Tally) -> None:
    f1 = key_tally.figures()["title_f1"]
    assert f1 is not None and f1 >= 0.98, key_tally.misses


@pytest.mark.parametrize("count", sorted(RULE_PARSER_FLOOR))
def test_seed_key_no_field_worse_than_the_rule_parser(key_tally: Tally, count: str) -> None:
    assert getattr(key_tally, count) >= RULE_PARSER_FLOOR[count], key_tally.misses


def test_report_per_field_accuracy(scores: dict[str, Any]) -> None:
    total = scores["total"]
    print(f"\narticles fully matched: {scores['full']}/{total}")
    for name, hits in scores["fields"].items():
        print(f"  {name:<10} {hits}/{total} ({hits / total:.0%})")
    for miss in scores["misses"]:
        print("  miss:", miss)
    assert total == 52


# Below, each field on its own, with articles paired by body start. These were first written for
# the rule parser; the labeller reaches the same evaluate figures above, but runs one story into
# the one above it: 002's fourth, whose headline is printed vertically and scattered through a
# sidebar (the key says so), so no line of the page is its headline. That one story costs each
# field one article, and the key allows 004's top line to be taken as its first story's kicker.
ONE_STORY_LOST = 1


def test_articles_fully_matched(scores: dict[str, Any]) -> None:
    assert scores["full"] / scores["total"] >= 0.92, scores["misses"]


def test_titles(scores: dict[str, Any]) -> None:
    # The vertical headline is missed however the story is split: one more miss than the others.
    assert scores["fields"]["title"] >= scores["total"] - ONE_STORY_LOST - 1, scores["misses"]


@pytest.mark.parametrize("name", ["subtitle", "byline", "authors", "column", "kind", "body_start"])
def test_other_fields(scores: dict[str, Any], name: str) -> None:
    assert scores["fields"][name] >= scores["total"] - ONE_STORY_LOST, scores["misses"]


def test_kickers(scores: dict[str, Any]) -> None:
    # 004's top line is the kicker of a later story, printed far from it (two misses the key
    # allows), plus the lost story's neighbour, which takes that story's kicker.
    assert scores["fields"]["kicker"] >= scores["total"] - 2 - 2 * ONE_STORY_LOST, scores["misses"]


def test_every_story_found_once(parsed: dict[str, Page], gold: dict[str, Any]) -> None:
    found = parsed_count = 0
    for name, expected in gold.items():
        pairs = pair_articles(parsed[name], expected["articles"])
        found += sum(article is not None for _, article in pairs)
        parsed_count += len(parsed[name].articles)
    total = sum(len(expected["articles"]) for expected in gold.values())
    assert found >= total - ONE_STORY_LOST
    assert parsed_count == found, "a parsed story that is in no key"


def test_page_fields(parsed: dict[str, Page], gold: dict[str, Any]) -> None:
    for name, expected in gold.items():
        page = parsed[name]
        assert page.publication == expected["publication"], name
        assert page.section == expected["section"], name
        assert page.banner == expected["banner"], name
        assert page.date == expected["latest_dateline"], name


def test_line_spans_are_ordered_and_inside_the_page(parsed: dict[str, Page], seed_paths: list[Path]) -> None:
    for path in seed_paths:
        page = parsed[path.name]
        lines = len(path.read_text(encoding="utf-8").splitlines()) + 1
        previous_end = 0
        for article in page.articles:
            assert 1 <= article.line_start <= article.line_end <= lines
            assert article.line_start > previous_end
            previous_end = article.line_end


def test_duplicates_are_dropped_with_a_reason(parsed: dict[str, Page]) -> None:
    dropped = {
        name: [d for d in page.dropped if d.reason == "duplicate-paragraph"] for name, page in parsed.items()
    }
    # 001 prints one paragraph three times; 003 prints a paragraph of its talent-meeting story twice
    # more at the top of the page. The copy that completes its sentence is the one kept.
    assert [d.line for d in dropped["001_1b9743f1e9e56b57.txt"]] == [29, 31]
    assert [d.line for d in dropped["003_1f3160a424f309b2.txt"]] == [25, 27]
    body = "\n".join(a.body for a in parsed["001_1b9743f1e9e56b57.txt"].articles)
    assert body.count("业大走访、大纾困、大督导活动") == 1
    assert "开展骨干企业大走访" in body


def test_sentences_broken_by_a_blank_line_are_joined(parsed: dict[str, Page]) -> None:
    body = "\n".join(a.body for a in parsed["000_afca7ecd8f3a5fce.txt"].articles)
    assert "身有残疾,行动不便" in body
    commentary = parsed["003_1f3160a424f309b2.txt"].articles[12]
    assert "以供应链管理企业营运资金不足难题。" in commentary.body


def test_ocr_spaces_are_removed_from_bodies(parsed: dict[str, Page]) -> None:
    page = parsed["002_897d7570b7d25baa.txt"]
    first = page.articles[0].paragraphs[0]
    assert first.startswith("12月28日,在市政府新闻办召开的聊城市绿色低碳高质量发展新闻发布会上")
    assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", page.articles[0].body)
