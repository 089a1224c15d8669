"""Headlines set across the narrow columns of a PDF page.

``pdftotext`` on a newspaper PDF cuts every paragraph at its column's width and leaves a headline
set across the columns whole. The labeller learnt what is short on pages of whole paragraphs;
on such a page every line is short, and it reads many headlines as text. But there the column
shows itself: most lines are equally wide. A line wider than the column, and not as wide as the
lines next to it or as more than two others, is no piece of a paragraph (a story set at a wider
measure gives lines of its own width one under another); when it reads as no sentence (a
typesetter's hanging comma ends a line with the comma), it is a headline. Right under such a
headline, a line narrower than the column that ends no sentence, and is no dateline or byline, is
the headline itself and the wide line its kicker: a paragraph's first line fills its column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from liaocheng_tui.parse.byline import parse_byline_line, split_lead
from liaocheng_tui.parse.chars import ends_sentence, has_inner_stop
from liaocheng_tui.parse.columns import display_widths
from liaocheng_tui.parse.normalize import Line
from liaocheng_tui.parse.roles import HEADER_ROLES, Role

_MIN_LINES = 20  # text lines a page needs before its widths say anything
_COLUMN_SHARE = 0.4  # share of the text lines that fill the column (its width or one less)
_NARROWEST = 12  # display columns: a column narrower than six characters is no column of text
_LONGEST = 40  # characters: the longest line read as a headline
_SAME_WIDTH = 2  # other lines of the page as wide as a headline (within one column), at most
_CLAUSE_MARKS = "，,、；;：:"


def _around(counted: Counter[int], value: int) -> int:
    """How many of ``counted`` are ``value``, one less or one more."""
    return counted[value - 1] + counted[value] + counted[value + 1]


def _headline_text(text: str) -> bool:
    """No sentence, no clause cut at the column's edge, no byline or dateline."""
    return (
        len(text) <= _LONGEST
        and not ends_sentence(text)
        and not has_inner_stop(text)
        and text[-1] not in _CLAUSE_MARKS
        and text.count("，") + text.count(",") <= 1
        and parse_byline_line(text) is None
        and split_lead(text) is None
    )


def headlines_across_columns(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the text lines of a page cut into narrow columns that are wider than the
    columns and read as no sentence read as headlines (module docstring)."""
    out = list(roles)
    texts = [line.text.replace(" ", "").replace("\u3000", "") for line in lines]
    filled = [index for index, text in enumerate(texts) if text]
    if len(filled) < _MIN_LINES:
        return out
    # Characters first, which cost nothing to count: a page of whole paragraphs stops here.
    lengths = Counter(len(texts[index]) for index in filled)
    common, _ = lengths.most_common(1)[0]
    if _around(lengths, common) < _COLUMN_SHARE * len(filled):
        return out
    widths = display_widths([texts[index] for index in filled])
    counted = Counter(widths)
    column, _ = counted.most_common(1)[0]
    if column < _NARROWEST or counted[column] + counted[column - 1] < _COLUMN_SHARE * len(filled):
        return out
    for place, (index, width) in enumerate(zip(filled, widths, strict=True)):
        text = texts[index]
        # The grammars read the line as printed: a byline's spaces part its names.
        if out[index] != "body" or width <= column + 1 or not _headline_text(lines[index].text.strip()):
            continue
        if _around(counted, width) > _SAME_WIDTH + 1 or any(
            abs(widths[near] - width) <= 1 for near in (place - 1, place + 1) if 0 <= near < len(widths)
        ):
            continue
        before = out[filled[place - 1]] if place else None
        after = filled[place + 1] if place + 1 < len(filled) else None
        if text.startswith("—"):
            if before in HEADER_ROLES:
                out[index] = "subtitle"
            continue
        if (after is not None and out[after] in ("kicker", "title")) or text.endswith("—"):
            if after is not None and out[after] == "title":
                out[index] = "kicker"
            continue
        if before in HEADER_ROLES:
            # The headline under its kicker, or a subtitle the labeller left as text (a headline's
            # second line reads as one too): left as text, it would open the story's first
            # paragraph. Only under a header the labeller read: under a line this rule made a
            # headline, it is the next one (photos' headlines set one under another).
            if roles[filled[place - 1]] in HEADER_ROLES:
                out[index] = "title" if before == "kicker" else "subtitle"
            continue
        out[index] = "title"
        if (
            after is not None
            and out[after] == "body"
            and widths[place + 1] < column - 1
            and len(texts[after]) < common - 1
            and _headline_text(lines[after].text.strip())
        ):
            out[index], out[after] = "kicker", "title"
    return out
