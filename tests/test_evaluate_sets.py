"""The evaluation's page sets built from labelled pages: damaged, and set without punctuation."""

from __future__ import annotations

from pathlib import Path

import pytest

from liaocheng_tui.parse import evaluate
from liaocheng_tui.parse.evaluate import EvalPage
from liaocheng_tui.parse.models import Article, Page
from liaocheng_tui.parse.scoring import KeyArticle, Tally, keys_from_roles, score_paragraphs, words_of

# A labelled page in the corpus's layout (its labels as the corpus gives them), written for this test.
LINES = [
    "某某日报 2026年7月17日 第3版",
    "新区公园改造完成，本周对外开放",
    "\u3000\u3000记者日前获悉：新区公园改造工程全部完成，本周起对市民开放。",
    "\u3000\u3000改造后的公园新增步道三公里，绿地面积扩大到原来的两倍。",
]
LABELS = ["other", "title", "body", "body"]
PAGE = EvalPage("test/page", "\n".join(LINES), [KeyArticle("新区公园改造完成，本周对外开放")], list(LABELS))


def test_the_unpunctuated_set_strips_every_line_but_furniture_and_keys_the_stripped_title() -> None:
    (page,) = evaluate.unpunctuated([PAGE], None) or []
    assert page.text.split("\n") == [
        "某某日报 2026年7月17日 第3版",
        "新区公园改造完成本周对外开放",
        "\u3000\u3000记者日前获悉新区公园改造工程全部完成本周起对市民开放",
        "\u3000\u3000改造后的公园新增步道三公里绿地面积扩大到原来的两倍",
    ]
    assert [key.title for key in page.keys] == ["新区公园改造完成本周对外开放"]
    assert page.roles == ["furniture", "title", "body", "body"]


def test_the_damaged_unpunctuated_set_is_the_damaged_set_without_punctuation() -> None:
    (damaged,) = evaluate.damaged([PAGE]) or []
    (stripped,) = evaluate.unpunctuated([PAGE]) or []
    assert damaged.roles == stripped.roles
    assert damaged.text != stripped.text
    marks = str.maketrans("", "", "。，、；：！？,;!?:.")
    for before, after, role in zip(
        damaged.text.splitlines(), stripped.text.splitlines(), damaged.roles or [], strict=True
    ):
        if role == "furniture":
            assert after == before
        else:
            assert after == before.translate(marks)


def test_a_corpus_page_keeps_its_body_lines_as_its_paragraphs_but_not_a_byline_line() -> None:
    record = {
        "text": "\n".join([LINES[1], "本报记者 王明", LINES[2], LINES[3]]),
        "lines": ["title", "body", "body", "body"],
        "articles": [{"title": LINES[1], "first_line": 0, "last_line": 3}],
    }
    page = evaluate.corpus_page(record)
    assert page.paragraphs == [LINES[2], LINES[3]]


def test_damaged_and_unpunctuated_pages_are_scored_against_the_paragraphs_before_the_damage() -> None:
    page = EvalPage(PAGE.name, PAGE.text, PAGE.keys, PAGE.roles, [LINES[2], LINES[3]])
    for rebuilt in (
        evaluate.damaged([page]),
        evaluate.unpunctuated([page]),
        evaluate.unpunctuated([page], None),
    ):
        (changed,) = rebuilt or []
        assert changed.paragraphs == [LINES[2], LINES[3]]


def test_the_paragraph_column_scores_what_the_parser_returned() -> None:
    page = EvalPage(PAGE.name, PAGE.text, PAGE.keys, PAGE.roles, [LINES[2], LINES[3]])
    returned = Page(
        PAGE.name,
        [Article(1, "新区公园改造完成，本周对外开放", [LINES[2].strip(), "改造后的公园新增步道三公里，"])],
    )
    tally = evaluate.score_set([page], lambda _: returned)
    # One of two paragraphs found whole (the second was cut short): precision 1/2, recall 1/2.
    assert (tally.paragraph_hits, tally.gold_paragraphs, tally.parsed_paragraphs) == (1, 2, 2)
    assert tally.figures()["paragraph_f1"] == 0.5


def test_sets_without_paragraphs_in_their_key_show_no_paragraph_figure() -> None:
    returned = Page(PAGE.name, [Article(1, "新区公园改造完成，本周对外开放", [LINES[2].strip()])])
    assert evaluate.score_set([PAGE], lambda _: returned).figures()["paragraph_f1"] is None


def test_a_paragraph_is_compared_by_its_letters_digits_and_han_characters_alone() -> None:
    assert words_of("“新区 公园”改造完成，本周（7月）开放！") == "新区公园改造完成本周7月开放"
    assert words_of("新区公园改造完成,本周(7月)开放!") == "新区公园改造完成本周7月开放"


LEAD = "本报北京7月16日电（记者 王明）新区公园改造完成。"


def test_a_paragraph_that_opens_with_a_lead_is_found_as_its_text_after_the_lead_once() -> None:
    returned = Page("p", [Article(1, "标题", ["新区公园改造完成。", "绿地面积扩大。"], byline=LEAD[:17])])
    tally = Tally()
    score_paragraphs(returned, [LEAD, "绿地面积扩大。"], tally)
    assert (tally.paragraph_hits, tally.gold_paragraphs, tally.parsed_paragraphs) == (2, 2, 2)
    twice = Page("p", [Article(1, "标题", ["新区公园改造完成。", "新区公园改造完成。"])])
    tally = Tally()
    score_paragraphs(twice, [LEAD], tally)
    assert (tally.paragraph_hits, tally.gold_paragraphs, tally.parsed_paragraphs) == (1, 1, 2)


def test_a_whole_paragraph_is_matched_before_a_lead_s_rest_takes_its_text() -> None:
    # The first parsed paragraph equals both a key paragraph and the rest of the other one after
    # its lead: it is the first's, so the other (whose lead the parser kept) stays for its copy.
    returned = Page("p", [Article(1, "标题", ["新区公园改造完成。", LEAD])])
    tally = Tally()
    score_paragraphs(returned, ["新区公园改造完成。", LEAD], tally)
    assert tally.paragraph_hits == 2


def test_a_damaged_page_s_key_leaves_out_a_mark_before_a_headline_as_the_parser_does() -> None:
    lines = ["■ 招聘会提供岗位三千个", "　　记者从市人社局获悉。", "", "## 老街区亮灯", "　　夜幕降临。"]
    roles = ["title", "body", "blank", "title", "body"]
    assert [key.title for key in keys_from_roles(lines, roles)] == ["招聘会提供岗位三千个", "老街区亮灯"]
    # marks of both kinds, in either order
    lines = ["● ## 招聘会提供岗位三千个", "　　记者从市人社局获悉。", "", "## ● 老街区亮灯", "　　夜幕降临。"]
    assert [key.title for key in keys_from_roles(lines, roles)] == ["招聘会提供岗位三千个", "老街区亮灯"]


def test_the_damage_seeds_start_with_the_table_s_own() -> None:
    assert evaluate.damage_seeds(1) == [evaluate.DAMAGE_SEED]
    assert evaluate.damage_seeds(3) == [
        evaluate.DAMAGE_SEED,
        evaluate.DAMAGE_SEED + 1,
        evaluate.DAMAGE_SEED + 2,
    ]


def _titles_of_the_key(seen: list[str]) -> evaluate.Parser:
    def parse(page: EvalPage) -> Page:
        seen.append(page.text)
        return Page(page.name, [Article(1, key.title, ["正文。"]) for key in page.keys])

    return parse


def test_each_seed_draws_the_damaged_set_again_from_its_clean_set() -> None:
    seeds = [11, 12, 13, 14, 15, 16]
    for name, draw in (("dev-damaged", evaluate.damaged), ("dev-nopunct-dmg", evaluate.unpunctuated)):
        seen: list[str] = []
        scores = evaluate.title_f1_by_seed({"dev-clean": [PAGE]}, name, seeds, _titles_of_the_key(seen))
        assert seen == [(draw([PAGE], seed) or [])[0].text for seed in seeds]
        assert len(set(seen)) > 1  # the seeds draw different damage
        assert scores == [1.0] * len(seeds)
    seen = []
    evaluate.title_f1_by_seed(
        {"cross-clean": [PAGE]}, "cross-damaged", [evaluate.DAMAGE_SEED], _titles_of_the_key(seen)
    )
    assert seen == [(evaluate.damaged([PAGE]) or [])[0].text]  # the first seed is the table's draw


def test_a_seed_s_title_f1_counts_what_the_parser_missed() -> None:
    def nothing(page: EvalPage) -> Page:
        return Page(page.name, [])

    assert evaluate.title_f1_by_seed({"dev-clean": [PAGE]}, "dev-damaged", [1, 2], nothing) == [0.0, 0.0]


def test_a_missing_clean_set_gives_no_seed_scores() -> None:
    assert (
        evaluate.title_f1_by_seed({"cross-clean": None}, "cross-damaged", [1, 2], _titles_of_the_key([]))
        is None
    )


def test_the_seed_line_gives_mean_lowest_highest_then_each_seed() -> None:
    assert (
        evaluate.format_spread("dev-damaged", [0.9, 0.95, 0.85])
        == "dev-damaged        0.900   0.850    0.950  (0.900 0.950 0.850)"
    )


def test_the_seed_table_follows_the_table_unless_one_seed_is_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A corpus folder without the corpus: the damaged sets are reported missing, in both tables.
    assert evaluate.main(["--corpus", str(tmp_path), "--sets", "dev-damaged"]) == 0
    out = capsys.readouterr().out
    assert "under 5 damage seeds" in out
    assert out.count("dev-damaged        missing") == 2
    assert evaluate.main(["--corpus", str(tmp_path), "--sets", "dev-damaged", "--damage-seeds", "1"]) == 0
    out = capsys.readouterr().out
    assert "damage seeds" not in out
    assert out.count("dev-damaged        missing") == 1


@pytest.mark.parametrize("count", ["0", "-2", "five"])
def test_a_count_of_seeds_that_is_no_positive_number_is_refused(
    count: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        evaluate.main(["--damage-seeds", count])
    assert stopped.value.code == 2
    assert (
        f"argument --damage-seeds: '{count}' is not a number of seeds (1 or more)" in capsys.readouterr().err
    )
