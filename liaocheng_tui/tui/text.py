"""Text helpers for the app: safe styled text, Chinese-aware wrapping and cell-width fitting.

Every string that comes from the library passes through :mod:`liaocheng_tui.safe_text` here,
and is turned into a :class:`rich.text.Text` directly (never parsed as markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from liaocheng_tui.safe_text import one_line, strip_controls

# Characters that look wrong at the start of a line in Chinese typesetting (避头点); a line
# break is moved one character earlier rather than leave one of them first.
_NO_LINE_START = set("，。、；：？！）》」』】〕〉’”…—,.;:?!)]}%·")
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


def wrap_offsets(text: str, width: int, *, prefer_spaces: bool = False) -> list[tuple[int, int]]:
    """Split ``text`` into lines of at most ``width`` cells, breaking between any two characters.

    Rich wraps on spaces only, so a Chinese paragraph would otherwise be one long word. Lines
    break at any character boundary (double-width characters are never split) and a closing
    punctuation mark is not left at the start of a line when that can be avoided. Newlines in
    ``text`` force a break. With ``prefer_spaces`` (for metadata such as ``a · b · c``) a line
    breaks after its last space when it has one, as Latin text would. Returns [start, end)
    offsets of each line; an empty text is one empty line.
    """
    width = max(2, width)
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\n":
            lines.append((start, index))
            index += 1
            start, used = index, 0
            continue
        size = get_character_cell_size(char)
        if used + size > width and index > start:
            cut = index
            space = text.rfind(" ", start, index) if prefer_spaces else -1
            if space > start:
                cut = space + 1
            elif char in _NO_LINE_START and cut - 1 > start:
                cut -= 1
            lines.append((start, cut))
            start = cut
            used = cell_len(text[start:index])
            continue
        used += size
        index += 1
    lines.append((start, length))
    return lines


def wrap_text(text: Text, width: int) -> list[Text]:
    """``text`` split into lines of at most ``width`` cells by :func:`wrap_offsets`, styles kept."""
    plain = text.plain
    offsets = wrap_offsets(plain, width)
    pieces: list[Text] = []
    for start, end in offsets:
        piece = text[start:end]
        pieces.append(piece)
    return pieces


def fit(text: Text, width: int) -> Text:
    """``text`` on one line, cut to ``width`` cells with an ellipsis if it is longer."""
    if width <= 0:
        return Text()
    if text.cell_len <= width:
        return text
    result = text.copy()
    result.truncate(width, overflow="ellipsis")
    # truncate() may leave a double-width character straddling the edge.
    while result.cell_len > width:
        result.right_crop(1)
    return result


def line_strip(text: Text, width: int, style: Style, *, ellipsis: bool = True) -> Strip:
    """``text`` drawn as one line of exactly ``width`` cells over ``style``.

    The same cells and styles as ``fit(text, width)`` rendered by Rich (or, without
    ``ellipsis``, cropped), padded with ``style``; but several times faster, since a list or a
    reader redraws dozens of these per frame and Rich's general renderer dominated that.
    """
    if width <= 0:
        return Strip([], 0)
    plain = text.plain
    used = cell_len(plain)
    if used > width:
        # As Text.truncate: cut to the cells (a straddling wide character becomes a space).
        plain = _cut_to_cells(plain, width - 1) + "…" if ellipsis else _cut_to_cells(plain, width)
        used = width
    length = len(plain)
    base = style + _as_style(text.style) if text.style else style
    spans: list[tuple[int, int, Style]] = []
    cuts = {0, length}
    for span in text.spans:
        end = min(span.end, length)
        if span.start < end:
            spans.append((span.start, end, _as_style(span.style)))
            cuts.add(span.start)
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
    used = 0
    for index, char in enumerate(text):
        size = get_character_cell_size(char)
        if used + size > cells:
            return text[:index] + " " * (cells - used)
        used += size
    return text + " " * (cells - used)


def _as_style(style: str | Style) -> Style:
    return style if isinstance(style, Style) else Style.parse(style)
