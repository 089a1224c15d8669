"""Text helpers for the app: safe styled text, Chinese-aware wrapping and cell-width fitting.

Every string that comes from the library passes through :mod:`liaocheng_tui.safe_text` here,
and is turned into a :class:`rich.text.Text` directly (never parsed as markup).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from rich.cells import cell_len, get_character_cell_size
from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from liaocheng_tui.safe_text import one_line, strip_controls

# Characters that look wrong at the start of a line in Chinese typesetting (避头点); a line
# break is moved one character earlier rather than leave one of them first.
_NO_LINE_START = set("，。、；：？！）》」』】〕〉’”…—,.;:?!)]}%·")
_NO_LINE_END = set("（《「『【〔〈‘“([{")
# The most closing marks in a row that move down together to keep them off a line's start.
_MARK_RUN = 3
# Full-width indent of two characters, the usual first-line indent of a Chinese paragraph.
PARAGRAPH_INDENT = "\u3000\u3000"


@dataclass(frozen=True)
class Mark:
    """A styled region [start, end) of a raw field, with an id so that it can be found again."""

    start: int
    end: int
    style: str | Style
    tag: int = -1


def styled(
    raw: str | None, marks: Sequence[Mark] = (), base_style: str | Style = ""
) -> tuple[Text, dict[int, int]]:
    """``raw`` cleaned of control characters as a :class:`Text`, with ``marks`` applied.

    Offsets in ``marks`` refer to ``raw``; each piece between mark boundaries is cleaned on its
    own, so a removed control character never moves a highlight. Returns the text and, for
    every tagged mark, the offset where it starts in the cleaned text.
    """
    text = raw or ""
    length = len(text)
    ordered = sorted(
        (Mark(max(0, m.start), min(length, m.end), m.style, m.tag) for m in marks if m.end > m.start),
        key=lambda m: (m.start, m.end),
    )
    result = Text(style=base_style)
    positions: dict[int, int] = {}
    cursor = 0
    for mark in ordered:
        if mark.start >= length:
            continue
        start = max(mark.start, cursor)
        result.append(strip_controls(text[cursor:start]))
        if mark.tag >= 0:
            positions[mark.tag] = len(result)
        if mark.end > start:
            marked_start = len(result)
            result.append(strip_controls(text[start : mark.end]))
            result.stylize(mark.style, marked_start, len(result))
            cursor = mark.end
    result.append(strip_controls(text[cursor:]))
    return result, positions


def single_line(raw: str | None, style: str | Style = "") -> Text:
    """A one-line :class:`Text` of ``raw``: controls stripped, whitespace runs folded."""
    return Text(one_line(raw), style=style)


# The reader never breaks inside a number or between a number and its unit (10亿元, 91225台,
# 3.5%, ４５℃, 12km, -5℃, ￥300): one rule, here, used by every wrap. A currency sign or a plus or
# minus sign (one that does not follow a digit or a letter, so 3-5年 and 2023-02 stay ranges and
# dates), digits (also full-width) with decimal or thousands separators and times between them,
# then at most one unit: a sign (% ‰ ℃ °), up to three Latin letters (km, kg, GW), or up to four of
# the measure words and magnitudes Chinese puts after a number (亿元, 万人, 余万元, 平方米, 万千瓦时,
# 小时, 个百分点, 500强).
_UNIT_CHARACTERS = (
    "亿万千百十元角块台个人位名户家年月日号时分秒岁次项件辆吨亩米克斤里公升度倍天周余多座所条场批套"
    "张只头株棵篇部期届首页版册层栋间平方股笔斤寸尺厘毫兆瓦小钟点强级处种线顷立美欧港"
)
NUMBER_WITH_UNIT = re.compile(
    "(?:[¥￥$＄€£]|(?<![0-9０-９A-Za-z])[-+−－＋±])?"
    "[0-9０-９]+(?:[.．,:：][0-9０-９]+)*"
    f"(?:[%％‰℃°]|[A-Za-z]{{1,3}}(?![A-Za-z])|[{_UNIT_CHARACTERS}]{{1,4}})?"
)
# How far past a break a number's match is read, to see whether the break falls inside it.
_NUMBER_LOOKAHEAD = 8


def _number_start(text: str, line_start: int, index: int) -> int | None:
    """The start of the number-with-unit that a break before ``index`` would split, if any.

    Only the current line is searched (a token that began on an earlier line cannot be moved
    down whole), so each break costs at most a line's worth of characters: wrapping stays linear.
    """
    if index <= line_start or index >= len(text):
        return None
    for match in NUMBER_WITH_UNIT.finditer(text, line_start, index + _NUMBER_LOOKAHEAD):
        if match.start() >= index:
            return None
        if match.end() > index:
            return match.start()
    return None


def iter_wrap_offsets(text: str, width: int, *, prefer_spaces: bool = False) -> Iterator[tuple[int, int]]:
    """The [start, end) offsets of :func:`wrap_offsets`, one line at a time.

    Linear in the length of ``text``: each character is measured once (a break looks back
    over one line at most), so a reader can lay out a 100k-character paragraph, or only its
    first screen, without the cost growing with the square of the length.
    """
    width = max(2, width)
    start = 0
    used = 0
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\n":
            yield start, index
            index += 1
            start, used = index, 0
            continue
        size = get_character_cell_size(char)
        if used + size > width and index > start:
            cut = index
            space = text.rfind(" ", start, index) if prefer_spaces else -1
            number = _number_start(text, start, index)
            if space > start:
                cut = space + 1
            elif number is not None and number > start:
                cut = number
            elif char in _NO_LINE_START and cut - 1 > start:
                cut -= 1
                # Marks in a run (活”。, 』）。) go down together with the character before them;
                # a run longer than a few (a line of —— or ……) is left to break inside.
                back = cut
                while text[back] in _NO_LINE_START and back - 1 > start and cut - back < _MARK_RUN:
                    back -= 1
                if text[back] not in _NO_LINE_START:
                    cut = back
                # The mark's step back must not part a number from its unit (增长32.47 | %。).
                number = _number_start(text, start, cut)
                if number is not None and number > start:
                    cut = number
            if text[cut - 1] in _NO_LINE_END and cut - 1 > start:
                cut -= 1  # an opening mark goes down with what it opens
            yield start, cut
            start = cut
            # The few characters moved down to the new line (a number, a mark, a word).
            used = sum(get_character_cell_size(moved) for moved in text[start:index])
            continue
        used += size
        index += 1
    yield start, length


def wrap_offsets(text: str, width: int, *, prefer_spaces: bool = False) -> list[tuple[int, int]]:
    """Split ``text`` into lines of at most ``width`` cells, breaking between any two characters.

    Rich wraps on spaces only, so a Chinese paragraph would otherwise be one long word. Lines
    break at any character boundary (double-width characters are never split), never inside a
    number or between a number and its unit (:data:`NUMBER_WITH_UNIT`, unless the number alone
    is longer than a line), and a closing punctuation mark is not left at the start of a line,
    nor an opening one (“, 《, （) at the end of one, when that can be avoided. Newlines in ``text`` force a break. With ``prefer_spaces`` (for
    metadata such as ``a · b · c``) a line breaks after its last space when it has one, as Latin
    text would. Returns [start, end) offsets of each line; an empty text is one empty line.
    """
    return list(iter_wrap_offsets(text, width, prefer_spaces=prefer_spaces))


def wrap_text(text: Text, width: int) -> list[Text]:
    """``text`` split into lines of at most ``width`` cells by :func:`wrap_offsets`, styles kept.

    One ``divide`` for all the lines: slicing a ``Text`` once per line copies (and re-checks)
    the rest of the text each time.
    """
    offsets = wrap_offsets(text.plain, width)
    cuts = sorted({cut for line in offsets for cut in line} - {0})
    pieces = {piece_start: piece for piece_start, piece in zip([0, *cuts], text.divide(cuts), strict=False)}
    return [pieces[start].copy() if end > start else Text(style=text.style) for start, end in offsets]


def fit(text: Text, width: int) -> Text:
    """``text`` on one line, cut to ``width`` cells with an ellipsis if it is longer.

    A double-width character that would straddle the ellipsis's cell is dropped whole, and the
    "…" follows the kept text at once (the result is then one cell short): Rich's
    ``Text.truncate`` would put a padding space before the "…" instead ("惠及 …").
    """
    if width <= 0:
        return Text()
    if text.cell_len <= width:
        return text
    result = text.copy()
    # As Text.truncate does, through ``plain``: the spans are trimmed, and the "…" keeps the
    # styles over the place it takes.
    result.plain = _ellipsized(text.plain, width)
    return result


def line_strip(text: Text, width: int, style: Style, *, ellipsis: bool = True) -> Strip:
    """``text`` drawn as one line of exactly ``width`` cells over ``style``.

    The same cells and styles as ``fit(text, width)`` rendered by Rich (or, without
    ``ellipsis``, cropped), padded with ``style``; but several times faster, since a list or a
    reader redraws dozens of these per frame and Rich's general renderer dominated that.
    """
    spans = [(span.start, span.end, span.style) for span in text.spans]
    return _draw(text.plain, spans, text.style, width, style, ellipsis=ellipsis)


def range_strip(text: Text, start: int, end: int, width: int, style: Style, *, prefix: str = "") -> Strip:
    """``prefix`` then ``text[start:end]`` drawn as :func:`line_strip` draws a line (cropped).

    Without slicing ``text``: a ``Text`` slice copies and re-checks the whole rest of the text,
    so a reader drawing a few lines of a long paragraph pays only for those lines. The spans
    of ``text`` must not overlap (as :func:`styled` makes them), so that they can be found by
    bisection.
    """
    spans = text.spans
    ends = [span.end for span in spans]
    shift = len(prefix) - start
    pieces: list[tuple[int, int, str | Style]] = []
    # Spans are sorted and disjoint: the first that ends after ``start``, then on while they begin before ``end``.
    for span in spans[bisect_right(ends, start) :]:
        if span.start >= end:
            break
        pieces.append((max(span.start, start) + shift, min(span.end, end) + shift, span.style))
    if text.style:
        # The prefix (an indent) is drawn in the pane's style, the text in its own, under its marks.
        pieces.insert(0, (len(prefix), len(prefix) + end - start, text.style))
    return _draw(prefix + text.plain[start:end], pieces, "", width, style, ellipsis=False)


def _draw(
    plain: str,
    text_spans: Sequence[tuple[int, int, str | Style]],
    text_style: str | Style,
    width: int,
    style: Style,
    *,
    ellipsis: bool,
) -> Strip:
    if width <= 0:
        return Strip([], 0)
    used = cell_len(plain)
    if used > width:
        if ellipsis:
            # As fit: no space between the text and the "…"; the padding below comes after it.
            plain = _ellipsized(plain, width)
            used = cell_len(plain)
        else:
            # As Text.truncate: cut to the cells (a straddling wide character becomes a space).
            plain = _cut_to_cells(plain, width)
            used = width
    length = len(plain)
    base = style + _as_style(text_style) if text_style else style
    spans: list[tuple[int, int, Style]] = []
    cuts = {0, length}
    for span_start, span_end, span_style in text_spans:
        end = min(span_end, length)
        if span_start < end:
            spans.append((span_start, end, _as_style(span_style)))
            cuts.add(span_start)
            cuts.add(end)
    ordered = sorted(cuts)
    segments: list[Segment] = []
    for start, end in pairwise(ordered):
        piece_style = base
        for span_start, span_end, span_style in spans:
            if span_start <= start and end <= span_end:
                piece_style = piece_style + span_style
        segments.append(Segment(plain[start:end], piece_style))
    if used < width:
        segments.append(Segment(" " * (width - used), style))
    return Strip(segments, width)


def _cut_to_cells(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` cells; a double-width character that would straddle becomes a space."""
    kept = _head_in_cells(text, cells)
    return kept + " " * (cells - cell_len(kept))


def _ellipsized(text: str, width: int) -> str:
    """The head of ``text`` that fits in ``width - 1`` cells, then "…": ``width`` or ``width - 1`` cells.

    Never a space between the two: a double-width character that would straddle the last cell
    is dropped whole, not replaced by a padding space.
    """
    return _head_in_cells(text, width - 1) + "…"


def _head_in_cells(text: str, cells: int) -> str:
    """The longest head of ``text`` in at most ``cells`` cells (a straddling wide character left out)."""
    used = 0
    for index, char in enumerate(text):
        used += get_character_cell_size(char)
        if used > cells:
            return text[:index]
    return text


def _as_style(style: str | Style) -> Style:
    return style if isinstance(style, Style) else Style.parse(style)


# -- contrast -------------------------------------------------------------------------------------

MIN_CONTRAST = 4.5  # WCAG AA for normal text


def _relative_luminance(color: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        scaled = value / 255
        return scaled / 12.92 if scaled <= 0.03928 else ((scaled + 0.055) / 1.055) ** 2.4

    red, green, blue = color
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_ratio(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((_relative_luminance(first), _relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(style: Style, background: Color | None, minimum: float = MIN_CONTRAST) -> Style:
    """``style`` with its colour moved toward white or black until it reads on ``background``.

    Themes choose accent colours for their looks; some (textual-dark's secondary, for one)
    are too faint as text. The theme's hue is kept as far as the contrast allows.
    """
    if style.color is None or background is None:
        return style
    back = background.get_truecolor()
    front = style.color.get_truecolor()
    if contrast_ratio(front, back) >= minimum:
        return style
    white, black = (255, 255, 255), (0, 0, 0)
    target = white if contrast_ratio(white, back) >= contrast_ratio(black, back) else black
    for step in range(1, 11):
        share = step / 10
        mixed = tuple(round(f + (t - f) * share) for f, t in zip(front, target, strict=True))
        if contrast_ratio(mixed, back) >= minimum:  # type: ignore[arg-type]
            break
    return style + Style(color=Color.from_rgb(*mixed))
