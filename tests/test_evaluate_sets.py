"""The evaluation's page sets built from labelled pages: damaged, and set without punctuation."""

from __future__ import annotations

from liaocheng_tui.parse import evaluate
from liaocheng_tui.parse.evaluate import EvalPage
from liaocheng_tui.parse.scoring import KeyArticle

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
