"""OCR and layout repair of body text: stray spaces, broken sentences, repeated paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from liaocheng_tui.parse.byline import looks_like_a_name
from liaocheng_tui.parse.chars import (
    CLOSING_NOTE,
    HAN_CLASS,
    WIDE_CLASS,
    ends_sentence,
    has_inner_stop,
    unbalanced,
    weight,
)

_WIDE = f"[{WIDE_CLASS}]"
# Half-width neighbours that never take a space next to a Chinese character: digits and the
# ASCII punctuation an OCR tool puts in place of the full-width marks.
_NARROW = r"[0-9,.;:!?()%\"'/\[\]<>+\-~*#&@=]"
# A run of spaces is removed where a Chinese character or mark meets another one, a digit or a
# half-width mark (either order). Spaces between Latin words and numbers (``Windows 11``) stay.
# The pattern opens with the space itself, so that the regex engine skips to each space at once
# (a pattern that opens with a lookaround is tried at every character); the lookbehinds then take
# in the run's first space with the character before it.
_SPACE_BETWEEN_RE = re.compile(f" (?:(?<={_WIDE} ) *(?={_WIDE}|{_NARROW})|(?<={_NARROW} ) *(?={_WIDE}))")
_EMPHASIS_RE = re.compile(r"\*\*|__")
# The first clause of a paragraph: what comes before its first punctuation mark.
_CLAUSE_MARK_RE = re.compile(r"[，,、；;]")
# A sentence's end and a note in brackets closing the paragraph after it (…36条。（孙丽）).
_CLOSED_BY_NOTE_RE = re.compile(f'[。！!？?…][”’」』"]*{CLOSING_NOTE}$')
_SENTENCE_FINAL = frozenset("。！!？?")
_FIRST_CLAUSE_RE = re.compile(r"^[^，,。、；;：:！!？?）)”」]*[，,。、；;：:！!？?）)”」]")

SHORT_WEIGHT = 36


def squeeze_spaces(text: str) -> str:
    """Remove the spaces OCR put between Chinese characters, digits and punctuation."""
    if " " not in text:  # most lines
        return text
    return _SPACE_BETWEEN_RE.sub("", text)


def strip_emphasis(text: str) -> str:
    """Remove markdown emphasis markers (``**``, ``__``) that a converter left in the text."""
    if "**" not in text and "__" not in text:
        return text
    return _EMPHASIS_RE.sub("", text)


def clean_body(text: str, squeezed: str | None = None) -> str:
    """The stored form of a body paragraph: emphasis markers and OCR spaces removed, but for the
    spaces between the names of a list (执笔：张红宇 胡凌啸 胡振通). ``squeezed`` is
    ``squeeze_spaces(text)`` where the caller has it already (a unit's text, which build_units
    squeezed): then only a text with emphasis markers is squeezed again."""
    unmarked = strip_emphasis(text)
    if squeezed is None or unmarked is not text:
        squeezed = squeeze_spaces(unmarked)
    if len(squeezed) < len(unmarked) and (gaps := _name_gaps(unmarked)):
        # A kept gap is held by a NUL, which squeeze_spaces leaves alone and no normalised text holds.
        held = list(unmarked)
        for at in gaps:
            held[at] = "\x00"
        squeezed = squeeze_spaces("".join(held)).replace("\x00", " ")
    return squeezed.strip()


_H = f"[{HAN_CLASS}]"
_WHOLE_NAME_RE = re.compile(f"{_H}{{2,4}}|{_H} {_H}")
# A space before a name: the pattern opens with the space, so that the engine skips to each space.
_SPACE_BEFORE_NAME_RE = re.compile(f" (?=({_H}{{2,4}})(?!{_H}))")
# A name ending the text before such a space (or one of two characters set as wide as three, 朱 伟).
_NAME_BEFORE_RE = re.compile(f"(?<!{_H})({_H}{{2,4}}|{_H} {_H})$")


def _name_gaps(text: str) -> set[int]:
    """The places of the spaces of ``text`` that part the names of a list: three names or more,
    each set apart by one space (``张红宇 胡凌啸 胡振通``; a name of two may be set as wide as three,
    ``朱 伟``). Two names a space apart are as likely a sentence with OCR's stray spaces in it."""
    gaps: list[int] = []
    for match in _SPACE_BEFORE_NAME_RE.finditer(text):
        at = match.start()
        # Six characters before the space show a name of up to four and what stands before it.
        before = _NAME_BEFORE_RE.search(text[max(0, at - 6) : at])
        if (
            before is not None
            and looks_like_a_name(before.group(1).replace(" ", ""))
            and looks_like_a_name(match.group(1))
        ):
            gaps.append(at)
    # Keep the gaps of a chain: the name after one gap is the whole name before the next.
    return {
        gap
        for first, second in pairwise(gaps)
        if _WHOLE_NAME_RE.fullmatch(text, first + 1, second)
        for gap in (first, second)
    }


# A table's or a list's row ends with a figure and its unit (白菜 每斤0.8元, 张伟 东昌府区 11秒02).
_ROW_FIGURE_RE = re.compile(f"\\d(?:[.．:：]\\d+)?\\s?[%％‰℃°㎡㎏㎞{HAN_CLASS}]{{0,2}}$")
_ROW_LONGEST = 24  # characters: a paragraph's wrapped line runs longer
_ROW_MOST_CELLS = 6
_ROW_CELL_LONGEST = 12  # characters: a name, a place, a figure with its unit; a sentence's piece runs longer
_CLAUSE_IN_ROW_RE = re.compile("[，,。；;！!？?、]")
_TIME_RE = re.compile(r"\d{1,2}[:：]\d{2}")  # a schedule's time, 19:00


def figure_row(text: str) -> bool:
    """A table's or a list's row: short, its cells set apart by a space, the last a figure."""
    return len(text) <= _ROW_LONGEST and " " in text and _ROW_FIGURE_RE.search(text) is not None


def row_cells(text: str) -> list[str] | None:
    """The cells of a table's row (``白菜 每斤0.8元``: ``白菜``, ``每斤0.8元``; a schedule's ``19:00
    新闻联播``), or None where ``text`` is no row: a figure row, or one led by a time, of two to six
    short cells, at most half of them a single Chinese character
    (a line OCR spaced out letter by letter, ``白 菜 0.8 元``, is no table), with no clause in it
    and nothing before its first word (a wrapped sentence's piece, ``.26%；…投入 172``, is none)."""
    cells = text.split()
    if not 2 <= len(cells) <= _ROW_MOST_CELLS or not text[0].isalnum() or _CLAUSE_IN_ROW_RE.search(text):
        return None
    if not figure_row(text) and not (len(text) <= _ROW_LONGEST and _TIME_RE.fullmatch(cells[0])):
        return None
    if max(map(len, cells)) > _ROW_CELL_LONGEST:
        return None
    single = sum(1 for cell in cells if len(cell) == 1 and not cell.isdigit())
    return cells if 2 * single <= len(cells) else None


def schedule_row(text: str) -> bool:
    """A schedule's row, led by its time (``19:00　新闻联播``): a row of :func:`row_cells`."""
    return " " in text and _TIME_RE.match(text) is not None and row_cells(text) is not None


def join_text(left: str, right: str) -> str:
    """Join two pieces of one sentence; a space is kept only between two Latin words, or a word
    and a number (``Windows`` / ``11``). Two digits are one number the layout cut (``8月3`` /
    ``1日``)."""
    if (
        left
        and right
        and left[-1].isascii()
        and left[-1].isalnum()
        and right[0].isascii()
        and right[0].isalnum()
        and not (left[-1].isdigit() and right[0].isdigit())
    ):
        return f"{left} {right}"
    return left + right


def continues(previous: str, following: str, *, cut_short: bool = True) -> bool:
    """True if ``following`` carries on the sentence that ``previous`` left unfinished.

    ``previous`` must not end a sentence. A long ``previous`` or one that is prose (it has inner
    punctuation or an open quote) is a paragraph cut by the layout; a short one that reads like a
    headline only continues when ``following`` opens with a short fragment (``难题。依托…``). With
    ``cut_short`` False (nothing says a wrap cut ``previous`` short of its line), that fragment
    must end the sentence: a crosshead is followed by a sentence that opens with a short clause
    (``供暖提前启动`` / ``今年，我市…``).
    """
    if not previous or not following or ends_sentence(previous) or _CLOSED_BY_NOTE_RE.search(previous):
        return False
    # The cheapest test first: one scan for a stop inside. A weight over SHORT_WEIGHT needs more
    # characters than that (none weighs more than one), so a short ``previous`` is not weighed.
    if (
        has_inner_stop(previous)
        or (len(previous) > SHORT_WEIGHT and weight(previous) > SHORT_WEIGHT)
        or unbalanced(previous)
    ):
        return True
    if _CLAUSE_MARK_RE.search(previous):
        return True
    clause = _FIRST_CLAUSE_RE.match(following)
    return (
        clause is not None
        and weight(clause.group(0)) <= 6
        and (cut_short or clause.group(0)[-1] in _SENTENCE_FINAL)
    )


def duplicate_keeper(candidates: Sequence[tuple[str, str]], page_text: str) -> int:
    """Choose which of several identical paragraphs to keep.

    ``candidates`` holds, for each copy, the paragraph before it and the copy itself. The copy
    that completes a sentence left open by its predecessor wins, when the two characters at the
    seam also occur together elsewhere on the page (so the seam reads as a real word). Ties keep
    the first copy.
    """
    best, best_score = 0, -1
    for index, (before, text) in enumerate(candidates):
        score = 0
        if before and text and not ends_sentence(before):
            score = 1
            seam = before[-1] + text[0]
            if seam in page_text:
                score = 2
        if score > best_score:
            best, best_score = index, score
    return best
