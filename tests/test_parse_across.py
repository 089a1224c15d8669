"""Headlines set across the narrow columns of a PDF page (``parse/across.py``): on a page whose
paragraphs are cut at one column's width, a line wider than the column that reads as no sentence
is a headline."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from test_parse_columns import wrapped

from liaocheng_tui.parse import assemble as assemble_module
from liaocheng_tui.parse import line_rules as line_rules_module
from liaocheng_tui.parse import page as page_module
from liaocheng_tui.parse import parse_page
from liaocheng_tui.parse.across import headlines_across_columns
from liaocheng_tui.parse.columns import char_width, display_widths
from liaocheng_tui.parse.normalize import lines_of
from liaocheng_tui.parse.roles import HEADER_ROLES, Reading, Role
from liaocheng_tui.parse.scoring import fold, roles_from_key

DATA = Path(__file__).resolve().parent / "data"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

PARAGRAPHS = [
    "今年以来，本市持续推进老旧小区改造，累计完成改造项目一百二十个，惠及居民三万余户，群众满意度明显提升。",
    "改造中，各街道坚持先征求意见后动工，把加装电梯、增设停车位和修缮管网列为重点，做到一楼一策。",
    "下一步，市住建部门将总结经验做法，建立长效管护机制，让改造成果惠及更多居民，持续改善人居环境。",
]


def narrow_page(*inserted: str, columns: int = 20) -> list[str]:
    """The paragraphs cut at ``columns``, twice over, with ``inserted`` lines between the two runs."""
    body = [piece for paragraph in PARAGRAPHS for piece in wrapped(paragraph, columns)]
    return body + list(inserted) + body


def roles_after(texts: list[str], given: dict[int, Role] | None = None) -> list[Role]:
    roles: list[Role] = ["body"] * len(texts)
    for index, role in (given or {}).items():
        roles[index] = role
    return headlines_across_columns(lines_of(texts), roles)


def test_display_widths_count_as_the_column_finder_does() -> None:
    texts = ["聊城日报", "2026年7月17日 第3版", "“水城英才”，ＡＢＣ１２３", "abc", "", "𠀀〇々—…·"]
    assert display_widths(texts) == [sum(map(char_width, text)) for text in texts]
    assert display_widths(["聊城日报", "abc"]) == [8, 3]


def test_the_test_page_is_cut_into_one_column() -> None:
    body = narrow_page()
    widths = Counter(sum(map(char_width, line)) for line in body)
    assert widths.most_common(1)[0][0] == 20
    assert widths[20] >= 0.4 * len(body)


def test_a_line_wider_than_the_column_that_is_no_sentence_is_a_headline() -> None:
    texts = narrow_page("城东老旧小区改造全面完工")
    index = texts.index("城东老旧小区改造全面完工")
    roles = roles_after(texts)
    assert roles[index] == "title"
    assert [role for i, role in enumerate(roles) if i != index] == ["body"] * (len(texts) - 1)


def test_a_short_line_under_the_wide_one_is_the_headline_and_the_wide_one_its_kicker() -> None:
    texts = narrow_page("城东老旧小区改造全面完工", "居民住上舒心房")
    start = texts.index("城东老旧小区改造全面完工")
    assert roles_after(texts)[start : start + 2] == ["kicker", "title"]


def test_a_dateline_under_the_wide_line_stays_text() -> None:
    texts = narrow_page("城东老旧小区改造全面完工", "本报讯（记者 王海）")
    start = texts.index("城东老旧小区改造全面完工")
    assert roles_after(texts)[start : start + 2] == ["title", "body"]


def test_a_wide_line_over_a_headline_the_labeller_found_is_its_kicker() -> None:
    texts = narrow_page("城东老旧小区改造全面完工", "居民住上舒心房")
    start = texts.index("城东老旧小区改造全面完工")
    roles = roles_after(texts, {start + 1: "title"})
    assert roles[start : start + 2] == ["kicker", "title"]


@pytest.mark.parametrize(
    "line",
    [
        "城东老旧小区改造全面完工，居民住上舒心房。",  # a sentence
        "城东老旧小区改造全面完工，居民住上舒心房，",  # a clause cut at the column's edge
        "城东老旧小区改造全面完工。居民住上舒心房",  # a sentence inside
        "本报记者 王海 李青 通讯员 张明 刘芳",  # a byline
    ],
)
def test_a_wide_line_that_reads_as_a_sentence_or_a_byline_stays_as_it_was(line: str) -> None:
    assert set(roles_after(narrow_page(line))) == {"body"}


def test_a_story_set_at_a_wider_measure_is_no_run_of_headlines() -> None:
    wider = wrapped(
        "城东片区的改造从去年春天开始，涉及楼栋四十二栋，共有居民一千六百余户参与，施工队伍分三批进场作业", 28
    )
    assert sum(1 for line in wider if sum(map(char_width, line)) == 28) == 3
    assert set(roles_after(narrow_page(*wider))) == {"body"}


def test_a_page_of_whole_paragraphs_is_left_as_it_was() -> None:
    texts = [paragraph for _ in range(8) for paragraph in PARAGRAPHS] + ["城东老旧小区改造全面完工"]
    assert set(roles_after(texts)) == {"body"}


def test_only_lines_the_labeller_read_as_text_change() -> None:
    texts = narrow_page("城东老旧小区改造全面完工")
    index = texts.index("城东老旧小区改造全面完工")
    assert roles_after(texts, {index: "furniture"})[index] == "furniture"


def _narrow_seed(name: str, columns: int) -> tuple[str, Counter[str]]:
    """A seed page with its paragraphs cut at ``columns`` and its headlines whole, no blank lines
    (``pdftotext`` on a PDF of narrow columns), and the key's titles."""
    key = json.loads((DATA / "seeds.gold.json").read_text(encoding="utf-8"))[name]
    text = (SEEDS / name).read_text(encoding="utf-8")
    lines: list[str] = []
    for line, role in zip(text.split("\n"), roles_from_key(text, key), strict=True):
        if line.strip():
            lines += [line.strip()] if role in HEADER_ROLES else wrapped(line.strip(), columns)
    return "\n".join(lines), Counter(fold(a["title"]) for a in key["articles"] if a.get("title"))


def test_a_labeller_that_reads_every_line_as_text_still_gets_a_narrow_seed_pages_headlines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every headline of this seed page is wider than 20 display columns (22 to 36) and reads as no
    # sentence, and no paragraph piece is wider: the rule alone finds all seven.
    name = "001_1b9743f1e9e56b57.txt"
    page, titles = _narrow_seed(name, 20)
    monkeypatch.setattr(
        page_module,
        "read_page",
        lambda lines, normalised=None: Reading(["body" if line.strip() else "blank" for line in lines], {}),
    )
    found = Counter(fold(a.title) for a in parse_page(page, name).articles if a.title)
    assert sum(titles.values()) == 7
    assert found == titles
    # Without the rule (and without the one that reads the line over a lead as its headline, which
    # finds the three whose stories open with 本报讯), none.
    monkeypatch.setattr(assemble_module, "headlines_across_columns", lambda lines, roles: list(roles))
    monkeypatch.setattr(line_rules_module, "_headlines_over_leads", lambda lines, roles: list(roles))
    assert not Counter(fold(a.title) for a in parse_page(page, name).articles if a.title) & titles
