"""The reader's layout: numbers kept whole, linear wrapping, lazy layout of huge articles,
re-wrapping on resize and maximize, clicks on the right line."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len, get_character_cell_size
from test_app_support import SyntheticLibrary, SyntheticSearcher, synthetic_record
from textual.pilot import Pilot

from liaocheng_tui.store import ArticleRecord
from liaocheng_tui.tui.app import LiaochengApp
from liaocheng_tui.tui.reader import piece_bounds
from liaocheng_tui.tui.text import NUMBER_WITH_UNIT, iter_wrap_offsets, wrap_offsets


async def until(pilot: Pilot[Any], condition: Callable[[], bool], seconds: float = 20.0) -> None:
    """Wait until ``condition`` holds (checked between frames), failing after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        await pilot.pause(0.02)


def lines_of(text: str, width: int) -> list[str]:
    return [text[start:end] for start, end in wrap_offsets(text, width)]


# -- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        # 8 cells: "总投资1" fits, the number moves down whole with its units.
        ("总投资10亿元", 8, ["总投资", "10亿元"]),
        ("新增设备91225台", 12, ["新增设备", "91225台"]),
        ("增长了3.5%以上", 8, ["增长了", "3.5%以上"]),
        ("气温达到３８℃", 10, ["气温达到", "３８℃"]),
        ("全长约12km的路", 8, ["全长约", "12km的路"]),
        ("时间10:30开始", 7, ["时间", "10:30开", "始"]),
        # A sign or a currency stays with its number; 千瓦, 小时, 百分点 and 500强 are units.
        ("最低气温-5℃", 10, ["最低气温", "-5℃"]),
        ("同比增长+3.5%", 12, ["同比增长", "+3.5%"]),
        ("总投资￥300万元", 12, ["总投资", "￥300万元"]),
        ("装机容量300万千瓦", 16, ["装机容量", "300万千瓦"]),
        ("设备24小时在线", 8, ["设备", "24小时在", "线"]),
        ("下降0.5个百分点", 12, ["下降", "0.5个百分点"]),
        ("入选中国500强", 12, ["入选中国", "500强"]),
        # A hyphen after a digit is a range or a date, not a sign: it may end a line.
        ("为期3-5年", 8, ["为期3-", "5年"]),
    ],
)
def test_a_number_and_its_unit_are_never_broken(text: str, width: int, expected: list[str]) -> None:
    assert lines_of(text, width) == expected


def test_a_number_longer_than_a_line_still_breaks() -> None:
    digits = "1234567890" * 3
    assert lines_of(digits, 8) == [digits[i : i + 8] for i in range(0, 30, 8)]


def test_the_number_rule_is_one_pattern() -> None:
    assert [m.group() for m in NUMBER_WITH_UNIT.finditer("投资10亿元,增长3.5%,新增91225台,年份2023")] == [
        "10亿元",
        "3.5%",
        "91225台",
        "2023",
    ]


def test_a_break_right_after_a_number_and_its_unit_is_allowed() -> None:
    # "10亿元" ends the first line exactly; nothing moves.
    assert lines_of("总投资10亿元建设", 12) == ["总投资10亿元", "建设"]


# -- linear wrapping ----------------------------------------------------------------------------


def _random_text(length: int) -> str:
    # Not a repeated sentence: Rich caches the widths of short strings, and a periodic text
    # would make the small case look faster than it is.
    rng = random.Random(length)
    return "".join(rng.choice("聊城市经济发展增长新增设备台亿元，。0123456789.%ab ") for _ in range(length))


def _best_seconds(job: Callable[[], object], repeat: int = 7) -> float:
    best = float("inf")
    for _ in range(repeat):  # the best of several: a busy moment on a shared machine is not the code
        start = time.perf_counter()
        job()
        best = min(best, time.perf_counter() - start)
    return best


def _measure_each_character(text: str) -> None:
    for character in text:
        get_character_cell_size(character)


def test_wrapping_takes_linear_time() -> None:
    """10x the text costs about 10x the time, as much as merely measuring every character does.

    The interpreter itself is not perfectly linear on a loaded machine (memory caches: walking a
    100k string can cost 20x a 10k one), so the wrap's growth is compared with that floor; a
    square law (it sliced a Text per line) would grow ten times faster than it.
    """
    small, large = _random_text(10_000), _random_text(100_000)
    wrap_ratio = _best_seconds(lambda: list(iter_wrap_offsets(large, 80))) / _best_seconds(
        lambda: list(iter_wrap_offsets(small, 80))
    )
    floor_ratio = _best_seconds(lambda: _measure_each_character(large)) / _best_seconds(
        lambda: _measure_each_character(small)
    )
    assert wrap_ratio < 3 * max(floor_ratio, 10), (wrap_ratio, floor_ratio)


def test_reader_layout_of_a_long_paragraph_takes_linear_time() -> None:
    """The whole reader layout, drawn lines included (it sliced a Text per line: 67 s for 100k)."""
    from textual.app import App

    from liaocheng_tui.tui.reader import Reader

    class ReaderApp(App[None]):
        def compose(self) -> Any:
            yield Reader(id="reader")

    async def seconds(length: int) -> float:
        record = replace(
            synthetic_record(1), paragraphs=[("聊城市经济发展增长，" * (length // 10 + 1))[:length]]
        )
        app = ReaderApp()
        async with app.run_test(size=(160, 48)):
            reader = app.query_one(Reader)
            start = time.perf_counter()
            reader.show(record)
            lines = reader.plain_lines
            elapsed = time.perf_counter() - start
            assert "".join(line.strip(" \u3000") for line in lines).count("聊城市") == length // 10
            return elapsed

    import asyncio

    small = min(asyncio.run(seconds(10_000)) for _ in range(3))
    large = min(asyncio.run(seconds(100_000)) for _ in range(3))
    small_text, large_text = _random_text(10_000), _random_text(100_000)
    floor_ratio = _best_seconds(lambda: _measure_each_character(large_text)) / _best_seconds(
        lambda: _measure_each_character(small_text)
    )
    assert large / small < 3 * max(floor_ratio, 10), (small, large, floor_ratio)


def test_long_paragraphs_are_cut_into_pieces_after_punctuation() -> None:
    text = ("一二三四五六七八九，" * 5000)[:45_000]
    bounds = piece_bounds(text, 16_384)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in pairwise(bounds))
    assert all(end - start <= 16_384 for start, end in bounds)
    assert all(text[end - 1] == "，" for _, end in bounds[:-1])


# -- the app with a huge article --------------------------------------------------------------


def huge_app(tmp_path: Path, characters: int) -> LiaochengApp:
    """An app whose first (newest) article is one paragraph of ``characters`` characters."""
    body = ("聊城市经济发展增长10.5%，新增设备91225台。" * (characters // 26 + 1))[:characters]

    class HugeLibrary(SyntheticLibrary):
        def article(self, article_id: int) -> ArticleRecord | None:
            record = super().article(article_id)
            if record is not None and article_id == 1:
                record = replace(record, paragraphs=[body])
            return record

        def articles(self, ids: Any) -> list[ArticleRecord]:
            return [record for record in map(self.article, ids) if record is not None]

    app = LiaochengApp(
        tmp_path / "huge.db",
        open_library=lambda path: HugeLibrary(path, size=10),  # type: ignore[arg-type,return-value]
        open_searcher=SyntheticSearcher,  # type: ignore[arg-type]
    )
    app.warm_up_quiet = 3600.0
    return app


@pytest.mark.slow  # a 19 MB article: seconds of CPU
async def test_q_quits_while_a_19_mb_one_line_article_is_shown(tmp_path: Path) -> None:
    app = huge_app(tmp_path, 6_500_000)  # about 19 MB of UTF-8
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == 1)
        await pilot.pause()
        # The screen shows the start of the article, while most of it is not laid out yet.
        assert "聊城市经济发展增长10.5%" in "".join(app.reader.visible_plain_lines())
        assert not app.reader.layout_complete
        started = time.monotonic()
        await pilot.press("q")
        await until(pilot, lambda: app.return_code is not None, seconds=10)
        # Keys are handled between slices of the layout, never after all of it (many seconds).
        assert time.monotonic() - started < 5
    assert app.return_code == 0


@pytest.mark.slow  # a 6 MB article laid out to its end: a second or more of CPU
async def test_end_pressed_during_the_layout_of_a_huge_article_goes_to_its_end(tmp_path: Path) -> None:
    """G used to stop where the layout had got to, far from the article's end."""
    app = huge_app(tmp_path, 2_000_000)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == 1)
        app.reader.focus()
        assert not app.reader.layout_complete
        await pilot.press("G")
        await until(pilot, lambda: app.reader.layout_complete, seconds=60)
        await until(pilot, lambda: "相关文章 Related" in "".join(app.reader.visible_plain_lines()))


async def test_a_huge_article_is_laid_out_in_the_background_and_scrolls(tmp_path: Path) -> None:
    app = huge_app(tmp_path, 200_000)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == 1)
        app.reader.focus()
        await until(pilot, lambda: app.reader.layout_complete)
        width = app.reader.scrollable_content_region.width
        lines = app.reader.plain_lines
        assert all(cell_len(line) <= width for line in lines)
        body = "".join(line.strip(" \u3000") for line in lines)
        assert body.count("91225台") == 200_000 // 26 + (1 if 200_000 % 26 > 20 else 0)
        await pilot.press("G")
        await until(pilot, lambda: "相关文章 Related" in "".join(app.reader.visible_plain_lines()))


async def test_the_reader_stays_at_the_end_when_related_articles_arrive_after_end(tmp_path: Path) -> None:
    """Under load the related articles can arrive after End: the new layout (a keywords line on
    top, related entries at the bottom) pushed the end below the screen and the reader stopped
    following it (a full-suite flake of the test above)."""
    app = huge_app(tmp_path, 200_000)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == 1)
        app.reader.focus()
        await until(pilot, lambda: app.reader.layout_complete)
        await pilot.press("G")
        related = [record for record in map(app.library.article, (2, 3)) if record is not None]
        app.reader.set_extras(1, ["经济", "设备"], related)
        await until(pilot, lambda: app.reader.layout_complete)
        await until(pilot, lambda: "相关文章 Related" in "".join(app.reader.visible_plain_lines()))
        assert app.reader.scroll_offset.y == app.reader.max_scroll_y
