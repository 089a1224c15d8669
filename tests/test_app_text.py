"""The app's text helpers: Chinese wrapping, cell-width fitting, safe styled text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from liaocheng_tui.tui.article_list import snippet_showing_first_match
from liaocheng_tui.tui.search_bar import SearchHistory
from liaocheng_tui.tui.text import Mark, fit, line_strip, styled, wrap_offsets, wrap_text

PARAGRAPH = "新春伊始,山东骏程金属科技有限公司生产订单纷至沓来,已排期至4月份。车间内生产链全力运转。"


def test_chinese_paragraph_wraps_at_any_character() -> None:
    lines = wrap_text(Text(PARAGRAPH), 20)
    assert len(lines) > 1
    assert all(line.cell_len <= 20 for line in lines)
    assert "".join(line.plain for line in lines) == PARAGRAPH
    # 新春伊始 (8 cells) + "," (1) + 山东骏程金 (10) = 19 cells; "属" would make 21.
    assert lines[0].plain == "新春伊始,山东骏程金"


def test_double_width_character_never_split() -> None:
    # 5 cells: two CJK characters fit (4 cells), the third goes to the next line.
    assert wrap_offsets("聊城日报", 5) == [(0, 2), (2, 4)]


def test_closing_punctuation_does_not_start_a_line() -> None:
    # "一二。" at width 4: "。" would start line 2, so "二" moves down with it.
    assert wrap_offsets("一二。三", 4) == [(0, 1), (1, 3), (3, 4)]


def test_a_run_of_closing_marks_goes_down_with_the_character_before_it() -> None:
    # Before: "。" overflowed, one step back left "”" at the start of the line ("零复活" | "”。此外");
    # on the seed articles 191 reader lines in 53,308 (widths 30 to 79) began with such a mark.
    text = "一二三四五六活”。此外"
    lines = [text[s:e] for s, e in wrap_offsets(text, 15)]
    assert lines == ["一二三四五六", "活”。此外"]
    text = "一二三四五）』。好"
    assert [text[s:e] for s, e in wrap_offsets(text, 12)] == ["一二三四", "五）』。好"]
    # A run longer than a few marks (a rule of dashes) still fills its lines.
    rule = "——" * 12
    assert all(e - s >= 8 for s, e in wrap_offsets(rule, 10)[:-1])


def test_a_closing_mark_moved_down_takes_the_number_before_its_unit_along() -> None:
    # "增长32.47%" is 9 cells at width 10 and "。" (2 cells) would make 11. Moving only "%" down
    # with "。" would leave 32.47 without its unit: the whole number goes down.
    text = "增长32.47%。"
    assert [text[s:e] for s, e in wrap_offsets(text, 10)] == ["增长", "32.47%。"]


def test_opening_punctuation_does_not_end_a_line() -> None:
    # "一“" is 3 cells at width 4 and "二" would make 5: "“" goes down with "二".
    assert wrap_offsets("一“二三", 4) == [(0, 1), (1, 3), (3, 4)]
    # a number moved down whole takes its opening quote with it: 打出“ | 10亿元” would split them
    assert [("打出“10亿元”")[s:e] for s, e in wrap_offsets("打出“10亿元”", 8)] == ["打出", "“10亿元”"]


def test_prefer_spaces_breaks_metadata_between_items() -> None:
    text = "2023-02-20 · 聊城日报 · 000_afca.txt"
    lines = [text[s:e] for s, e in wrap_offsets(text, 24, prefer_spaces=True)]
    assert lines == ["2023-02-20 · 聊城日报 · ", "000_afca.txt"]


@given(st.text(alphabet=st.sampled_from("聊城日报，。a b\n绿色诊断1"), max_size=200), st.integers(2, 40))
def test_wrap_keeps_every_character_and_fits(text: str, width: int) -> None:
    offsets = wrap_offsets(text, width)
    pieces = [text[s:e] for s, e in offsets]
    assert "".join(pieces) == text.replace("\n", "")
    assert all(cell_len(piece) <= width for piece in pieces)


def test_fit_cuts_to_cell_width_with_ellipsis() -> None:
    fitted = fit(Text("聊城将实施产业振兴三年行动计划"), 11)
    assert fitted.cell_len <= 11
    assert fitted.plain.endswith("…")
    assert fit(Text("短"), 10).plain == "短"


def test_a_title_cut_at_a_wide_character_has_no_space_before_the_ellipsis() -> None:
    # 老旧小区改造惠及居民 is 20 cells. In 17: "…" takes one, leaving 16 for 老旧小区改造惠及
    # (8 x 2); 居 would need 17-18, so it is dropped whole. In 18: 17 cells for the text, the
    # same 16 fit and 居 would straddle the last one; the "…" follows 及 at once, one cell
    # short, and the row's padding goes after it.
    title = Text("老旧小区改造惠及居民", style="bold")
    assert fit(title, 17).plain == "老旧小区改造惠及…"
    assert fit(title, 18).plain == "老旧小区改造惠及…"
    assert fit(title, 18).cell_len == 17
    row = Style(bgcolor="blue")
    strip = line_strip(title, 18, row)
    assert strip.text == "老旧小区改造惠及… "
    assert strip.cell_length == 18
    assert [(segment.text, segment.style) for segment in strip] == [
        ("老旧小区改造惠及…", row + Style(bold=True)),
        (" ", row),
    ]


def test_styled_strips_controls_and_keeps_marks_on_the_right_characters() -> None:
    raw = "[b]前\x1b[31m绿色[/b]诊断"
    text, positions = styled(raw, [Mark(raw.index("绿"), raw.index("绿") + 2, "bold", tag=0)])
    assert text.plain == "[b]前绿色[/b]诊断"
    start = positions[0]
    assert text.plain[start : start + 2] == "绿色"
    assert [text.plain[span.start : span.end] for span in text.spans] == ["绿色"]


def test_search_history_walks_like_a_shell() -> None:
    history = SearchHistory()
    for query in ("聊城", "绿色", "聊城"):
        history.add(query)
    assert history.entries == ["绿色", "聊城"]
    assert history.older("draft") == "聊城"
    assert history.older("聊城") == "绿色"
    assert history.older("绿色") is None
    assert history.newer() == "聊城"
    assert history.newer() == "draft"


@pytest.mark.slow
def test_first_paint_does_not_wait_for_jieba(tmp_path: Path) -> None:
    script = f"""
import asyncio, sys, time
from pathlib import Path
from liaocheng_tui.tui.app import LiaochengApp
seen = {{}}
class Probe(LiaochengApp):
    def on_ready(self):
        seen["jieba"] = "jieba" in sys.modules
        super().on_ready()
async def main():
    app = Probe(Path({str(tmp_path / "empty.db")!r}), build_if_empty=False)
    async with app.run_test() as pilot:
        await pilot.pause()
asyncio.run(main())
print(seen["jieba"])
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_narrow_snippet_is_trimmed_so_the_first_match_shows() -> None:
    snippet = "…信局的积极引导下,山东骏程主动参与了工业绿色诊断行动,并自行"
    start = snippet.index("绿色诊断")
    raw, spans = snippet_showing_first_match(snippet, [(start, start + 4)], width=26)
    # 绿色诊断 starts at index 21; six characters of lead-in (动参与了工业) are kept.
    assert raw == "…动参与了工业绿色诊断行动,并自行"
    assert [raw[s:e] for s, e in spans] == ["绿色诊断"]
    # Wide enough (48 cells up to the match's end, and one more for the row's "…"): untouched.
    assert snippet_showing_first_match(snippet, [(start, start + 4)], width=49) == (
        snippet,
        [(start, start + 4)],
    )
    assert snippet_showing_first_match(snippet, [(start, start + 4)], width=48)[0].startswith("…动参与")


def _cells(strip: Strip) -> list[tuple[str, Style | None]]:
    return [(char, segment.style) for segment in strip for char in segment.text if char != "\n"]


@given(
    st.text(alphabet=st.sampled_from("聊城日报绿色诊断ab ·…1"), max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.sampled_from(["dim", "bold", "reverse"]))),
    st.integers(1, 40),
)
def test_line_strip_draws_what_fit_and_rich_draw(
    plain: str, spans: list[tuple[int, int, str]], width: int
) -> None:
    # No style of the Text's own: Rich's render drops it when there are no spans (list rows
    # are built from styled pieces, so they have none).
    text = Text(plain)
    for start, end, style in spans:
        text.stylize(style, start, end)
    row_style = Style(bgcolor="blue")
    console = Console(width=200)
    fitted = fit(text, width)
    expected = Strip(
        [Segment(s.text, row_style + s.style if s.style else row_style) for s in fitted.render(console)]
    ).crop_extend(0, width, row_style)
    drawn = line_strip(text, width, row_style)
    assert drawn.cell_length == width
    assert _cells(drawn) == _cells(expected)


def test_line_strip_cuts_with_an_ellipsis_and_pads() -> None:
    style = Style(bgcolor="blue")
    # 聊城日报 is 8 cells; at 6 cells: 聊城 (4), then "…" (5); 日 would straddle, so it goes
    # and the row's padding comes after the "…", never between it and the text.
    cut = line_strip(Text("聊城日报"), 6, style)
    assert cut.text == "聊城… "
    padded = line_strip(Text("ab", style="bold"), 5, style)
    assert padded.text == "ab   "
    assert [segment.style for segment in padded] == [style + Style(bold=True), style]
    assert line_strip(Text("聊城日报"), 5, style, ellipsis=False).text == "聊城 "


def test_line_strip_keeps_the_style_of_a_text_without_spans() -> None:
    # Rich's Text.render drops a Text's own style when it has no spans; a reader rule is such
    # a line, and it must keep its colour.
    base = Style(bgcolor="blue")
    rule = line_strip(Text("──", style="red"), 3, base)
    assert [(segment.text, segment.style) for segment in rule] == [
        ("──", base + Style(color="red")),
        (" ", base),
    ]
