"""Augmentation keeps what it must: every Han character of the page, in order, and one role per line."""

from __future__ import annotations

import random

import pytest

from liaocheng_tui.parse import augment
from liaocheng_tui.parse.byline import parse_byline_line
from liaocheng_tui.parse.roles import ROLES, Role

# A small labelled page in the corpus's layout, written for this test: a kicker, a title, a blank
# subtitle placeholder, indented body paragraphs, a byline line and a closing credit.
PAGE: list[tuple[str, Role]] = [
    ("春风送暖入万家", "kicker"),
    ("新区公园改造完成对外开放", "title"),
    ("", "blank"),
    ("\u3000\u3000本报记者 王小明", "byline"),
    (
        "\u3000\u3000记者日前从市园林部门获悉，经过半年施工，新区公园改造工程全部完成，本周起对市民开放。",
        "body",
    ),
    (
        "\u3000\u3000改造后的公园新增步道三公里，绿地面积扩大到原来的两倍（见附表），并设置了儿童游乐区。",
        "body",
    ),
    ("\u3000\u3000（作者为市园林局工程师）", "credit"),
    ("", "blank"),
    ("夜市经济点亮城市烟火气", "title"),
    ("——老街区焕发新活力", "subtitle"),
    (
        "\u3000\u3000入夜，老街两旁的灯笼次第亮起，游客络绎不绝。摊主李大姐说：“今年生意比去年好多了！”",
        "body",
    ),
    ("\u3000\u3000图为游客在夜市选购小吃。", "caption"),
]

FUNCTIONS = [
    augment.hard_wrap,
    augment.drop_indents,
    augment.unindent_subheads,
    augment.space_han,
    augment.half_width,
    augment.duplicate_paragraphs,
    augment.markdown_heads,
    augment.merge_headlines,
    augment.split_headlines,
    augment.drop_blanks,
    augment.blank_between,
    augment.article_gaps,
    augment.rewrite_bylines,
    augment.insert_furniture,
    augment.line_ends,
    augment.centre_headlines,
    augment.lose_final_marks,
    augment.add_margin,
    augment.mark_headlines,
    augment.asking_headlines,
    augment.author_signatures,
]
# These only move, mark or wrap text: the Han characters come out exactly as they went in.
EXACT = {
    augment.hard_wrap,
    augment.drop_indents,
    augment.unindent_subheads,
    augment.space_han,
    augment.half_width,
    augment.markdown_heads,
    augment.merge_headlines,
    augment.split_headlines,
    augment.drop_blanks,
    augment.blank_between,
    augment.article_gaps,
    augment.line_ends,
    augment.centre_headlines,
    augment.lose_final_marks,
    augment.add_margin,
    augment.asking_headlines,
}


def is_subsequence(needle: str, haystack: str) -> bool:
    letters = iter(haystack)
    return all(ch in letters for ch in needle)


def test_is_subsequence_can_fail() -> None:
    assert is_subsequence("公园", "新区公园")
    assert not is_subsequence("园公", "新区公园")


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_every_function_keeps_every_han_character_in_order(function: augment.Damage) -> None:
    lines = [line for line, _ in PAGE]
    roles = [role for _, role in PAGE]
    original = augment.han_sequence(lines)
    assert len(original) > 150
    for seed in range(60):
        out_lines, out_roles = function(list(lines), list(roles), random.Random(seed))
        assert len(out_lines) == len(out_roles)
        assert set(out_roles) <= set(ROLES)
        damaged = augment.han_sequence(out_lines)
        if function in EXACT:
            assert damaged == original, (function.__name__, seed)
        else:
            assert is_subsequence(original, damaged), (function.__name__, seed)


def test_damage_keeps_han_order_and_one_role_per_line() -> None:
    lines = [line for line, _ in PAGE]
    roles = [role for _, role in PAGE]
    original = augment.han_sequence(lines)
    for seed in range(200):
        out_lines, out_roles = augment.damage(lines, roles, random.Random(seed))
        assert len(out_lines) == len(out_roles)
        assert is_subsequence(original, augment.han_sequence(out_lines)), seed


def test_damage_is_deterministic_for_a_seed() -> None:
    lines = [line for line, _ in PAGE]
    roles = [role for _, role in PAGE]
    first = augment.damage(lines, roles, random.Random(7))
    assert first == augment.damage(lines, roles, random.Random(7))
    assert any(augment.damage(lines, roles, random.Random(s)) != first for s in range(8, 12))


def test_hard_wrap_wraps_body_at_one_width_and_keeps_roles() -> None:
    lines = [line for line, _ in PAGE]
    roles = [role for _, role in PAGE]
    out_lines, out_roles = augment.hard_wrap(lines, roles, random.Random(3))
    widths = {len(line) for line, role in zip(out_lines, out_roles, strict=True) if role == "body"}
    assert max(widths) <= 40
    assert out_roles.count("body") > roles.count("body")  # the long paragraphs were cut


def test_merge_headlines_gives_one_title_line_per_block() -> None:
    lines = [line for line, _ in PAGE]
    roles = [role for _, role in PAGE]
    for seed in range(20):
        out_lines, out_roles = augment.merge_headlines(lines, roles, random.Random(seed))
        if "kicker" not in out_roles:
            merged = out_lines[out_roles.index("title")].replace(" ", "")
            assert merged == "春风送暖入万家新区公园改造完成对外开放"
            assert "subtitle" not in out_roles
            return
    pytest.fail("no seed merged the headline blocks")


def test_no_damaged_copy_calls_a_kicker_printed_on_its_own_line_part_of_the_headline() -> None:
    # A block merged into one line and split again at the space that joined it is printed as it
    # was: its kicker on a line of its own must keep its role, or the key asks for a wrong headline.
    lines = [line for line, _ in PAGE]
    roles = [role for _, role in PAGE]
    kicker_lines = 0
    for seed in range(400):
        out_lines, out_roles = augment.damage(lines, roles, random.Random(seed))
        for line, role in zip(out_lines, out_roles, strict=True):
            if augment.han_sequence([line]) == "春风送暖入万家":
                kicker_lines += 1
                assert role == "kicker", seed
    assert kicker_lines > 300  # most copies keep the block as it was


def test_inserted_furniture_and_bylines_are_labelled() -> None:
    lines = [line for line, _ in PAGE]
    roles = [role for _, role in PAGE]
    furniture: list[str] = []
    bylines: list[str] = []
    for seed in range(40):
        out_lines, out_roles = augment.insert_furniture(lines, roles, random.Random(seed))
        furniture += [line for line, role in zip(out_lines, out_roles, strict=True) if role == "furniture"]
        out_lines, out_roles = augment.rewrite_bylines(lines, roles, random.Random(seed))
        bylines += [line for line, role in zip(out_lines, out_roles, strict=True) if role == "byline"]
    assert any("责任编辑" in line for line in furniture)
    assert any(line.startswith("字数") for line in furniture)
    assert any(line.startswith("《") and "版）" in line for line in furniture)
    assert any(line.startswith("■ 本报记者") for line in bylines)
    assert any(line.startswith("本报讯(记者") for line in bylines)
    assert any(line.startswith("□记者") and line.endswith("报道") for line in bylines)


def test_centre_headlines_sets_headlines_off_with_leading_spaces_and_leaves_body_lines() -> None:
    lines = [line for line, _ in PAGE]
    roles = [role for _, role in PAGE]
    for seed in range(20):
        out_lines, out_roles = augment.centre_headlines(lines, roles, random.Random(seed))
        assert out_roles == roles
        for before, after, role in zip(lines, out_lines, roles, strict=True):
            if role in ("kicker", "title", "subtitle"):
                lead = after[: len(after) - len(after.lstrip())]
                # at least four columns (an ideographic space is two), then the line itself
                assert len(lead) >= 4 or (set(lead) == {"\u3000"} and len(lead) >= 2), (seed, after)
                assert after.lstrip() == before.strip()
            elif role in ("body", "caption", "credit", "blank"):
                assert after == before


def test_lose_final_marks_drops_only_the_last_mark_of_body_lines() -> None:
    lines = [line for line, _ in PAGE]
    roles = [role for _, role in PAGE]
    dropped = 0
    for seed in range(20):
        out_lines, out_roles = augment.lose_final_marks(lines, roles, random.Random(seed))
        assert out_roles == roles
        for before, after, role in zip(lines, out_lines, roles, strict=True):
            if after != before:
                assert role == "body" and after == before[:-1] and before[-1] in "。！？”", (seed, before)
                dropped += 1
    assert dropped > 20


def test_add_margin_starts_every_line_with_the_same_spaces() -> None:
    lines = [line for line, _ in PAGE]
    roles = [role for _, role in PAGE]
    out_lines, out_roles = augment.add_margin(lines, roles, random.Random(4))
    assert out_roles == roles
    margins = {
        after[: len(after) - len(before)] for before, after in zip(lines, out_lines, strict=True) if before
    }
    assert len(margins) == 1 and set(margins.pop()) == {" "}
    assert [after for before, after in zip(lines, out_lines, strict=True) if not before] == ["", ""]


def _changed_lines(
    function: augment.Damage, lines: list[str], roles: list[Role]
) -> list[tuple[int, int, str, str]]:
    """(seed, line, before, after) for each line ``function`` changes over 30 seeds, which must
    leave every role as it was."""
    changed: list[tuple[int, int, str, str]] = []
    for seed in range(30):
        out_lines, out_roles = function(list(lines), list(roles), random.Random(seed))
        assert out_roles == roles
        pairs = enumerate(zip(lines, out_lines, strict=True))
        changed += [(seed, at, before, after) for at, (before, after) in pairs if after != before]
    return changed


def test_mark_headlines_marks_only_the_first_line_of_headlines() -> None:
    lines = ["引题在这里", "标题的上半", "标题的下半", "", "　　正文。", "另一个标题", "　　正文。"]
    roles: list[Role] = ["kicker", "title", "title", "blank", "body", "title", "body"]
    changed = _changed_lines(augment.mark_headlines, lines, roles)
    for seed, at, before, after in changed:
        assert at in (1, 5), (seed, after)  # a headline's first line, never its second
        assert after[0] in "●◆■▲★□◇" and after[1:].lstrip() == before
    assert len(changed) > 20


def test_asking_headlines_closes_only_a_headlines_last_line_and_only_one_without_a_mark() -> None:
    lines = ["引题在这里", "标题的上半", "标题的下半", "", "　　正文。", "已经问过了？", "　　正文。"]
    roles: list[Role] = ["kicker", "title", "title", "blank", "body", "title", "body"]
    changed = _changed_lines(augment.asking_headlines, lines, roles)
    for seed, at, before, after in changed:
        assert at == 2, (seed, after)  # the headline's last line; the kicker and text never
        assert after[:-1] == before and after[-1] in "？！?!"
    assert len(changed) > 3


def test_author_signatures_go_under_headline_blocks_without_a_byline() -> None:
    lines = ["标题一", "　　正文。", "标题二", "■ 本报记者 王明", "　　正文。"]
    roles: list[Role] = ["title", "body", "title", "byline", "body"]
    signed = 0
    for seed in range(30):
        out_lines, out_roles = augment.author_signatures(lines, roles, random.Random(seed))
        inserted = [at for at, line in enumerate(out_lines) if line not in lines]
        for at in inserted:
            assert out_lines[at - 1] == "标题一"  # never over the byline the second story has
            assert out_lines[at].startswith("作者") and out_roles[at] == "byline"
            assert parse_byline_line(out_lines[at]) is not None
        signed += len(inserted)
    assert signed > 5


def test_house_styles_are_drawn_after_the_damage_so_evaluate_draws_the_same_damage() -> None:
    from liaocheng_tui.parse.train import LabelledPage, damaged

    lines = [line for line, _ in PAGE]
    roles = [role for _, role in PAGE]
    styled = 0
    for copy in range(80):
        page = damaged(LabelledPage("page", lines, roles), 5, copy)
        plain = augment.damage(lines, roles, random.Random(f"5|{copy}|page"))[0]
        # the styles only add a mark at a headline's end or a signature line
        at = 0
        for line in page.lines:
            if at < len(plain) and line.rstrip("？！?!") == plain[at].rstrip("？！?!"):
                at += 1
            else:
                assert line.startswith("作者") and parse_byline_line(line) is not None, (copy, line)
        assert at == len(plain)
        styled += page.lines != plain
    assert styled > 10


def test_strip_punctuation_takes_out_the_marks_of_sentences_and_clauses_and_keeps_the_rest() -> None:
    lines = [
        "\u3000\u3000记者日前获悉：今年以来，增长3.5%，9:30开放；好吗？好！",
        "来源：某某日报，2026年7月17日",
        "Hello, world. 1,200 people; ok!",
    ]
    roles: list[Role] = ["body", "furniture", "body"]
    assert augment.strip_punctuation(lines, roles) == [
        "\u3000\u3000记者日前获悉今年以来增长3.5%9:30开放好吗好",
        "来源：某某日报，2026年7月17日",  # furniture keeps its marks, as a site's meta lines do
        "Hello world 1200 people ok",
    ]


def test_strip_punctuation_keeps_every_han_character_quote_and_bracket() -> None:
    lines = [line for line, _ in PAGE]
    roles = [role for _, role in PAGE]
    stripped = augment.strip_punctuation(lines, roles)
    assert len(stripped) == len(lines)
    assert augment.han_sequence(stripped) == augment.han_sequence(lines)
    assert "“今年生意比去年好多了”" in stripped[10]
    assert stripped[6] == "\u3000\u3000（作者为市园林局工程师）"
    assert not any(mark in "".join(stripped) for mark in "。，、；：！？")
