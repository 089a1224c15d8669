"""The line grammars' kept answers (liaocheng_tui.parse.memo): the same answer however often a line
is asked, never one a caller changed, and none left after clear_caches."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from liaocheng_tui.parse import byline, furniture
from liaocheng_tui.parse.memo import LINES_KEPT, clear_caches, memoised


def _recorded() -> tuple[Callable[[Hashable], Hashable], list[Hashable]]:
    """A memoised function that gives back what it is asked, and the list of what it was asked
    (answers from memory leave no mark there)."""
    asked: list[Hashable] = []

    @memoised
    def echo(argument: Hashable) -> Hashable:
        asked.append(argument)
        return argument

    return echo, asked


def test_a_memoised_function_answers_a_line_asked_again_from_memory() -> None:
    echo, asked = _recorded()
    assert [echo("东江"), echo("东江"), echo("西山")] == ["东江", "东江", "西山"]
    assert asked == ["东江", "西山"]


def test_clear_caches_forgets_every_answer() -> None:
    echo, asked = _recorded()
    echo("东湖公园")
    clear_caches()
    assert echo("东湖公园") == "东湖公园"
    assert asked == ["东湖公园", "东湖公园"]


def test_only_the_latest_lines_are_kept() -> None:
    echo, asked = _recorded()
    for number in range(LINES_KEPT + 1):
        echo(number)
    echo(LINES_KEPT)  # the latest: kept
    echo(0)  # the oldest: pushed out by the one after the last kept
    assert asked == [*range(LINES_KEPT + 1), 0]


def test_a_byline_parsed_again_gives_names_the_caller_may_change() -> None:
    first = byline.parse_byline_line("本报记者 柳静文 通讯员 卢晓岚")
    assert first == ("本报记者 柳静文 通讯员 卢晓岚", ["柳静文", "卢晓岚"])
    first[1].append("詹丽娟")
    assert byline.parse_byline_line("本报记者 柳静文 通讯员 卢晓岚") == (
        "本报记者 柳静文 通讯员 卢晓岚",
        ["柳静文", "卢晓岚"],
    )


def test_a_lead_split_again_gives_authors_the_caller_may_change() -> None:
    text = "本报讯（记者 柳静文）东江区新建口袋公园12个。"
    first = byline.split_lead(text)
    assert first is not None and first.authors == ["柳静文"]
    first.authors.append("詹丽娟")
    again = byline.split_lead(text)
    assert again is not None and again.authors == ["柳静文"]


def test_a_photo_credit_split_again_gives_names_the_caller_may_change() -> None:
    text = "市民在东湖公园赏花。 本报记者 齐建华 摄"
    first = byline.split_photo_credit(text)
    assert first is not None and first[2] == ["齐建华"]
    first[2].append("詹敏")
    again = byline.split_photo_credit(text)
    assert again is not None and again[2] == ["齐建华"]


def test_furniture_answers_stay_the_same_after_clearing() -> None:
    lines = ["上一篇　下一篇", "东江区新建口袋公园12个", "第 3 页"]
    before = [(furniture.is_web_furniture_line(line), furniture.is_page_number(line)) for line in lines]
    clear_caches()
    after = [(furniture.is_web_furniture_line(line), furniture.is_page_number(line)) for line in lines]
    assert before == after == [(True, False), (False, False), (False, True)]
