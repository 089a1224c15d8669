"""Pages whose columns an extraction tool set side by side (``pdftotext -layout``).

Such a page prints a line of the first column, a wide gap, and the same line of the next
column; read line by line, every story is cut into pieces and interleaved with its neighbour.
The gaps stand at the same place down the page (a gutter), so they can be found: where most
lines that have text on both sides of a place have a gap there, and few lines print across it.
Each column is then read top to bottom, one after another, the next one going on where the last
one stopped (a story runs on from the foot of a column to the head of the next). A line printed
across every gutter (a headline over the page's width), or centred on the page (a headline over
three columns that crosses one gutter or none), ends the columns above it: those under it are read
again from there, as the story it heads. A line printed across some of the gutters (a
headline over two of three columns) goes whole into the column where it starts, and the line's
piece in any other column stays that column's.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from liaocheng_tui.parse.chars import HAN_RUN_RE
from liaocheng_tui.parse.furniture import is_page_head
from liaocheng_tui.parse.normalize import split_lines

_GAP = 2  # display columns of blank a gutter leaves at least
_SUPPORT = 0.3  # share of the page's text lines with text on both sides of a gutter's gap
_CROSSING = 0.1  # share of the page's text lines that may print across a gutter (headlines)
_CROSSING_ANY = 3  # lines that may print across a gutter on any page: a short page's headlines
_CENTRED_INDENT = 4  # display columns of spaces before a line centred over the columns
_CENTRED_SHARE = 0.7  # of the page's width, at most, that a centred line spans
_CENTRED_OFF = 3  # display columns between a centred line's middle and the page's, at most
# Display columns of spaces, at least, between a column's edge and a line centred on the page that
# starts in it: a column's own lines start at its edge (an indent is ideographic spaces).
_SET_IN = 2
_MIN_LINES = 6  # lines with text on both sides, at least, before a page counts as set in columns
_MIN_COLUMN = 16  # display columns from a gutter to the one before it (or the edge), at least
# A gutter is left in spaces; an ideographic space is the typesetter's, inside a column's text
# (``王少华　　中国矿业大学…``, a list set in two columns of its own).
_BLANKS = frozenset(" \t")
_GAPPED_RE = re.compile(r"[^ \t][ \t]{2,}[^ \t]")


@dataclass(frozen=True)
class ColumnsRead:
    """A page read column by column: its lines, and for each the page line (from 1) it came from."""

    text: str
    source_lines: list[int]


def char_width(char: str) -> int:
    """Display columns of ``char``: two for a wide (Chinese, full-width) character, else one."""
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


class _Widths(dict[str, int]):
    """Display columns per character, looked up once per character (a page's lines hold few)."""

    def __missing__(self, char: str) -> int:
        self[char] = width = char_width(char)
        return width


_WIDTHS = _Widths()


def display_widths(texts: Sequence[str]) -> list[int]:
    """Display columns of each of ``texts`` (one line each), as
    :func:`~liaocheng_tui.parse.columns.char_width` counts them."""
    # Han characters are all wide, and most of a Chinese line: taken out of the whole page at
    # once, run by run, so that only the few others are looked up one by one.
    rests = HAN_RUN_RE.sub("", "\n".join(texts)).split("\n")
    width = _WIDTHS.__getitem__
    return [
        2 * (len(text) - len(rest)) + sum(map(width, rest)) for text, rest in zip(texts, rests, strict=True)
    ]


def _cells(line: str) -> list[tuple[int, str]]:
    """The line's characters with the display column each starts at."""
    cells: list[tuple[int, str]] = []
    column = 0
    for char in line:
        if char == "\f":
            continue  # pdftotext's page break before a page's first line takes no room
        cells.append((column, char))
        column += 4 - column % 4 if char == "\t" else char_width(char)
    return cells


def _occupied(cells: list[tuple[int, str]]) -> bytearray:
    width = cells[-1][0] + 2 if cells else 0
    marks = bytearray(width)
    for column, char in cells:
        if char not in _BLANKS:
            marks[column] = 1
            if char_width(char) == 2:
                marks[column + 1] = 1
    return marks


def find_gutters(lines: list[str]) -> list[int]:
    """The display columns at which the page's columns meet, left to right (none for most pages)."""
    texts = [line for line in lines if line.strip()]
    gapped = sum(1 for line in texts if ("  " in line or "\t" in line) and _GAPPED_RE.search(line))
    if gapped < max(_MIN_LINES, _SUPPORT * len(texts)):
        return []  # the measure below is slow, and most pages have no line with a gap in it
    rows = [_occupied(_cells(line)) for line in texts]
    widest = max(len(row) for row in rows)
    support = [0] * widest
    crossing = [0] * widest
    gaps = 0
    for row in rows:
        filled = [i for i, mark in enumerate(row) if mark]
        first, last = filled[0], filled[-1]
        # A line set in from the page's edge and far narrower than the page (a headline centred
        # over the columns under it) says nothing against a gutter it crosses: a page may print
        # one over every story. A line of text across the page fills it.
        centred = first >= _CENTRED_INDENT and last - first <= _CENTRED_SHARE * widest
        run_start = -1
        for column in range(first, last + 1):
            if row[column]:
                crossing[column] += not centred
                if run_start >= 0 and column - run_start >= _GAP:
                    gaps += 1
                    for inside in range(run_start, column):
                        support[inside] += 1
                run_start = -1
            elif run_start < 0:
                run_start = column
    needed = max(_MIN_LINES, _SUPPORT * len(rows))
    allowed = max(_CROSSING * len(rows), _CROSSING_ANY)
    candidates = [c for c in range(widest) if support[c] >= needed and crossing[c] <= allowed]
    gutters: list[int] = []
    start = 0
    while start < len(candidates):
        end = start
        while end + 1 < len(candidates) and candidates[end + 1] == candidates[end] + 1:
            end += 1
        # The last blank column of the gutter's best-supported stretch, where the next column
        # begins: a column's lines end raggedly, but the next one starts at the same place.
        best = max(support[c] for c in candidates[start : end + 1])
        edge = max(c for c in candidates[start : end + 1] if support[c] == best)
        if edge - (gutters[-1] if gutters else 0) >= _MIN_COLUMN:
            gutters.append(edge)
        start = end + 1
    if gaps > (len(gutters) + 1) * len(rows):
        return []  # gaps everywhere (text spaced out wide), not a few gutters
    return gutters


def _page_head(line: str) -> bool:
    """A masthead, date or page line (with its section's name or without) set across the
    columns with wide gaps between its parts."""
    return is_page_head(" ".join(line.split()))


def _centred_on_page(row: bytearray, gutters: list[int], middle: float, set_in: int = _SET_IN) -> bool:
    """Whether a line is set in from the edge of the column it starts in (by ``set_in`` display
    columns or more), its middle at the page's: a headline centred over the columns under it that
    crosses not every gutter (one within the middle of three columns, or across one of their two
    gutters), which no column's text is."""
    filled = [column for column, mark in enumerate(row) if mark]
    if not filled:
        return False
    first, last = filled[0], filled[-1]
    if any(first < gutter < last and not row[gutter] for gutter in gutters):
        return False  # pieces of two columns' lines (the first set in by spaces, a paragraph's)
    index = bisect_left(gutters, first)  # a line that starts on a gutter starts in the column before it
    edge = gutters[index - 1] + 1 if index else 0
    return first - edge >= set_in and abs((first + last + 1) / 2 - middle) <= _CENTRED_OFF


def _row_pieces(
    cells: list[tuple[int, str]], gutters: list[int], crossed: list[bool]
) -> dict[int, tuple[str, bool]]:
    """A line's pieces by the column each goes to, cut at the gutters it leaves blank: a piece
    printed across a gutter (a headline over two of the columns) goes whole into the column where
    it starts, and the columns it covers get no piece of the line; every other column gets its
    piece, blank where the line prints nothing in it."""
    cuts = [gutter for gutter, across in zip(gutters, crossed, strict=True) if not across]
    grouped: dict[int, list[tuple[int, str]]] = {}
    for cell in cells:
        grouped.setdefault(bisect_right(cuts, cell[0]), []).append(cell)
    pieces: dict[int, tuple[str, bool]] = {}
    covered: set[int] = set()
    for group in grouped.values():
        filled = [column for column, char in group if char not in _BLANKS]
        if not filled:
            continue
        start, end = bisect_right(gutters, filled[0]), bisect_right(gutters, filled[-1])
        text = "".join(char for _, char in group).rstrip(" \t")
        if end > start:
            covered.update(range(start + 1, end + 1))
            pieces[start] = (text.strip(" \t"), True)
        else:
            pieces[start] = (text, False)
    return {
        index: pieces.get(index, ("", False)) for index in range(len(gutters) + 1) if index not in covered
    }


def read_columns(text: str) -> ColumnsRead | None:
    """The page read column by column, or None when it is not set in columns side by side."""
    if "  " not in text and "\t" not in text:  # no line with a gap in it (most pages): no gutter
        return None
    lines = split_lines(text)
    gutters = find_gutters(lines)
    if not gutters:
        return None
    # The page cut across its width at a line printed across every gutter or centred on the page
    # (a headline over the story set in the columns under it), or at the page's head spread over
    # its width (paper, date and page, which cut up would leave the date in the last column's
    # head): the columns above it end there, and those under it start again, under it. Each piece:
    # its page line, its text, and whether it was set whole (whose indent says nothing of its
    # column's).
    bands: list[list[list[tuple[int, str, bool]]]] = [[[] for _ in range(len(gutters) + 1)]]
    line_cells = [_cells(line) for line in lines]
    rows = [_occupied(cells) for cells in line_cells]
    middle = max(map(len, rows), default=0) / 2  # the page's middle, in display columns
    headed = False  # whether the line above went whole over the columns under it
    for number, (line, cells, row) in enumerate(zip(lines, line_cells, rows, strict=True), start=1):
        crossed = [gutter < len(row) and row[gutter] == 1 for gutter in gutters]
        # A headline stands apart: a blank row above it or under it, or a line of its headline
        # block (a kicker over it) above it.
        blank_above, blank_below = (0 <= at < len(rows) and not any(rows[at]) for at in (number - 2, number))
        apart = headed or blank_above or blank_below
        # A headline as wide as a column, centred on the page, starts at the middle column's edge
        # as that column's lines do; alone between blank rows, it is no column's line.
        set_in = 0 if (headed or blank_above) and blank_below else _SET_IN
        headed = (
            all(crossed) or _page_head(line) or (apart and _centred_on_page(row, gutters, middle, set_in))
        )
        if headed:
            bands.append([[] for _ in range(len(gutters) + 1)])
            bands[-1][0].append((number, line.strip(" \t"), True))
            continue
        for index, piece in _row_pieces(cells, gutters, crossed).items():
            bands[-1][index].append((number, *piece))
    out_lines: list[str] = []
    sources: list[int] = []
    for stream in (stream for streams in bands for stream in streams):
        # the gutter's half of the gap, which every line of the column starts with
        margin = min(
            (
                len(text) - len(text.lstrip(" "))
                for _, text, whole in stream
                if text.strip(" \t") and not whole
            ),
            default=0,
        )
        for number, text, whole in stream:
            out_lines.append(text if whole else text[margin:])
            sources.append(number)
    return ColumnsRead("\n".join(out_lines), sources)
