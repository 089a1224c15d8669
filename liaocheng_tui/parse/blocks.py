"""Blocks: the page's non-blank lines grouped into units, each classified by its shape.

A unit is usually one line. Lines are merged into one unit only where the layout clearly cut
them: a hard-wrapped paragraph (lines that fill the page width, or an indented paragraph and its
unindented continuation lines, or a line that opens with a closing mark), a run of one- or
two-character lines (a vertical headline), and an opening byline whose parenthesis was cut
across lines. When the lines carry roles (from the line labeller), only lines of one body or
caption role are merged: headline lines stay apart, because the assembler joins them itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from liaocheng_tui.parse.byline import (
    BYLINE_MARKERS,
    parse_byline_line,
    parse_end_credit,
    parse_name_line,
    split_lead,
)
from liaocheng_tui.parse.chars import (
    HAN_CLASS,
    HAN_RE,
    ITEM_MARKS,
    ends_sentence,
    has_inner_stop,
    unbalanced,
    unspaced,
    weight,
)
from liaocheng_tui.parse.clean import SHORT_WEIGHT, join_text, schedule_row, squeeze_spaces, strip_emphasis
from liaocheng_tui.parse.columns import display_widths
from liaocheng_tui.parse.dates import starts_with_dateline
from liaocheng_tui.parse.models import Dropped
from liaocheng_tui.parse.normalize import Line
from liaocheng_tui.parse.roles import Role

_HEADING_RE = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
_BOLD_LINE_RE = re.compile(r"^\*\*(.+?)\*\*$")
_DASH_RE = re.compile(r"^(?:——|—|──|--|－－|―)")
_DASH_OPENINGS = frozenset("—─-－―")
# Brief items: a bold or bracketed lead phrase, then the text on the same line.
_BOLD_LEAD_RE = re.compile(f"^\\*\\*([^*]{{2,30}}?)\\*\\*\\s*(?=[0-9{HAN_CLASS}])")
# A column's brief item under a bullet: its headline, a gap, then its text (●标题　正文…。); only read
# so under a column's label or after another brief item.
_BULLET_LEAD_RE = re.compile(
    f"^[{ITEM_MARKS}] ?([^\\s。！？，；：、0-9]{{4,30}}) (?=[{HAN_CLASS}]|\\d{{1,2}}[月日]|\\d{{4}}年)"
)  # text, or a date opening it (not 新增就业 1.2万人: a figure the phrase goes on with)
# A news feed's post may open with a pictograph or two before its bracketed headline (🔥【…】).
_BRACKET_LEAD_RE = re.compile(
    f"^(?:[\U0001f300-\U0001faff\u2600-\u27bf]\ufe0f?\\s?){{0,3}}【([^【】]{{2,30}})】\\s*(?=[0-9{HAN_CLASS}])"
)
# A line that opens a story's first paragraph (本报讯, 新华社…电): never a continuation.
_DATELINE_OPENING_RE = re.compile(r"^(?:本\s?报\s?\S{0,8}?讯|\S{2,12}?\d{1,2}\s?月\s?\d{1,2}\s?日\s?电)")
# Markdown a converter left: horizontal rules, and quote or list markers before text.
_RULE_RE = re.compile(r"^(?:-\s?){3,}$|^(?:\*\s?){3,}$|^(?:_\s?){3,}$")
# A markdown table's rule row, under its head row: |---|:---:|, or ---|--- without the outer bars.
_TABLE_RULE_RE = re.compile(r"^\|?\s?:?-{3,}:?\s?(?:\|\s?:?-{3,}:?\s?)+\|?$")


def markdown_table_lines(lines: Sequence[Line]) -> set[int]:
    """The indices of the lines of markdown tables (a document converter's, as Docling and MinerU
    write a printed table): a run of lines with a column bar in each, one of them a rule row."""
    out: set[int] = set()
    start = 0
    while start < len(lines):
        if "|" not in lines[start].text:
            start += 1
            continue
        end = start
        while end < len(lines) and "|" in lines[end].text:
            end += 1
        if end - start >= 2 and any(_TABLE_RULE_RE.match(lines[i].text) for i in range(start, end)):
            out.update(range(start, end))
        start = end
    return out


def is_table_rule(text: str) -> bool:
    """A markdown table's rule row (|---|---|)."""
    return "|" in text and _TABLE_RULE_RE.match(text) is not None


_BLOCK_MARKER_RE = re.compile(r"^(>|[-*+])\s+(?=[^\s\d>*+-])")
_TRAILING_FRAGMENT_RE = re.compile(r"[，,、]$")
# A hard-wrapped page: at least this many text lines, this share of them filling one width. From
# _WIDE_WRAP characters a line fills the width within 15%; a narrower column is measured closer.
_WRAP_MIN_LINES = 8
_WRAP_SHARE = 0.4
_WIDE_WRAP = 20
_INDENTED_SHARE = 0.05
# No line of Chinese type opens with a mark that closes or follows something: a line that does
# is the rest of the line above, cut before the mark. (A line of an ellipsis alone marks a cut
# in verse or a quotation.)
_CONTINUING_OPENINGS = frozenset("”’」』）》】、，。；：！？")
_NARROW_WRAP = 10  # characters: a narrower "column" is verse or a list
_INDENT_CHARACTERS = 2  # a paragraph's indent: two ideographic spaces
# A "key: value" line of a notice (截稿时间: 2022年…, 投稿邮箱: …): body text, not a headline.
_FIELD_LINE_RE = re.compile(f"^[{HAN_CLASS}]{{2,6}}\\s?[:：]\\s?.*(?:[0-9@A-Za-z]|、)")


class Shape(Enum):
    """What a unit looks like, before the page decides what it is."""

    HEADING = "heading"  # a markdown heading of level 1 or 2
    CROSSHEAD = "crosshead"  # a markdown heading of level 3 or more: stays in the body
    BYLINE = "byline"  # a line that is only a byline
    LEAD = "lead"  # a paragraph that opens with a dateline or byline (本报讯…)
    CREDIT = "credit"  # a closing credit in parentheses: (作者 职务)
    DASH = "dash"  # a line opening with a dash: a subtitle
    SHORT = "short"  # a short line without final punctuation: headline material
    PARA = "para"  # body text


@dataclass(slots=True)
class Unit:
    """One block of page text with its raw line span and shape."""

    text: str
    line: int
    end: int
    indented: bool = False
    level: int = 0
    gap_before: bool = True  # a blank line separates it from the unit above
    shape: Shape = Shape.PARA
    squeezed: str = field(default="", repr=False)  # squeeze_spaces(text), which build_units sets
    brief: str | None = None  # the bold or bracketed lead of a brief item (简讯), its headline
    role: Role = "body"  # the labeller's role of the unit's first line
    fills: bool = False  # its last line fills the width the page is hard-wrapped at

    @property
    def weight(self) -> float:
        return weight(self.text)


# A numbered brief: 1. 一句话标题。正文… (full- or half-width digits; the headline sentence is short).
_NUMBER_RE = re.compile(r"^(?:([0-9０-９]{1,2})\s?[.．、]|[(（]([0-9０-９]{1,2})[)）]|([①-⑳]))\s?(?=\S)")
_HEADLINE_SENTENCE_RE = re.compile(r"^([^。！？!?，,；;：:“”\s]{4,30}?)[。！？!?]\s?(?=\S)")


@dataclass(frozen=True)
class NumberedItem:
    """A numbered brief item: its number as printed and as a value, its headline sentence
    (1. 一句话标题。正文…), if it opens with one, and the rest of its text."""

    marker: str
    value: int
    title: str | None
    rest: str


def numbered_item(text: str) -> NumberedItem | None:
    """Split a numbered paragraph (full- or half-width digits, (1), ①) into its parts."""
    match = _NUMBER_RE.match(text)
    if match is None:
        return None
    digits = match.group(1) or match.group(2)
    value = int(unicodedata.normalize("NFKC", digits)) if digits else ord(match.group(3)) - ord("①") + 1
    rest = text[match.end() :]
    head = _HEADLINE_SENTENCE_RE.match(rest)
    if head is None:
        return NumberedItem(match.group(0).strip(), value, None, rest)
    return NumberedItem(match.group(0).strip(), value, head.group(1), rest[head.end() :])


def _wrap_width(lengths: Sequence[int]) -> int:
    """The width a page is wrapped at, from its lines' lengths: the 90th percentile (a few lines
    run over it)."""
    return sorted(lengths)[int(0.9 * (len(lengths) - 1))]


def filled_lines(lines: Sequence[Line]) -> list[bool]:
    """Per line, whether it fills the width the page is hard-wrapped at; all false on a page that
    is not hard-wrapped (too few lines fill one width)."""
    measured = [index for index, line in enumerate(lines) if line.text]
    filled = [False] * len(lines)
    if len(measured) < _WRAP_MIN_LINES:
        return filled
    # Each line measured twice in one pass over its text (counting its spaces once):
    # - as printed: the characters it fills, its indent counted (two columns a character), as a
    #   hard wrap counts them, so that a paragraph's indented first piece is as full as the pieces
    #   under it; the spaces of a line spaced out letter by letter (:func:`~liaocheng_tui.parse.chars.unspaced`, an
    #   extraction's, after the wrap) do not count;
    # - solid: the same without any of its spaces.
    lengths: list[int] = []
    solid: list[int] = []
    for index in measured:
        line = lines[index]
        size, spaces, indent = len(line.text), line.text.count(" "), line.indent // 2
        solid.append(size - spaces + indent)
        lengths.append(size - spaces + indent if 3 * spaces >= size else size + indent)
    width = _wrap_width(lengths)
    if width >= _WIDE_WRAP:
        # Measured without any space too: the spaces an extraction put between some lines'
        # characters make those the page's widest, and a first line short by its lost indent then
        # looks short of the column. Either measure makes a line full (the spaces a wrap counted,
        # as in ``本报北京1月1日电  （记者 X）``, keep the first).
        printed_full, solid_full = 0.85 * width, 0.85 * _wrap_width(solid)
        fills = [
            length >= printed_full or solid_length >= solid_full
            for length, solid_length in zip(lengths, solid, strict=True)
        ]
    else:
        fills = _narrow_column_fills(lengths, [lines[index] for index in measured])
    if sum(fills) < _WRAP_SHARE * len(measured):
        return filled
    for index, fill in zip(measured, fills, strict=True):
        filled[index] = fill
    return filled


def _narrow_column_fills(lengths: list[int], lines: Sequence[Line]) -> list[bool]:
    """Per line, whether it fills a narrow column: it is as long as most lines of the page, in
    characters (a cut by characters) or in display columns (a PDF's cut, where a digit takes half
    a character's room), or short of that by a paragraph's indent, which an extraction such as
    plain ``pdftotext`` leaves out after the cut. Lists and verse also run to 10-20 characters a
    line, but at lengths that differ line to line, or fewer than a column's."""
    fills = [False] * len(lengths)
    common, count = Counter(lengths).most_common(1)[0]
    if common >= _NARROW_WRAP and count >= _WRAP_SHARE * len(lengths):
        fills = [length >= common - _INDENT_CHARACTERS for length in lengths]
    columns = [
        width + line.indent
        for width, line in zip(display_widths([unspaced(line.text) for line in lines]), lines, strict=True)
    ]
    counted = Counter(columns)
    # The column's edge: the width that most lines reach, or fall one short of (where a wide
    # character would not fit in the last column).
    edge = max(counted, key=lambda width: (counted[width] + counted[width - 1], width))
    if edge >= 2 * _NARROW_WRAP and counted[edge] + counted[edge - 1] >= _WRAP_SHARE * len(lengths):
        fills = [
            fill or column >= edge - 2 * _INDENT_CHARACTERS
            for fill, column in zip(fills, columns, strict=True)
        ]
    return fills


def _prose_line(text: str) -> bool:
    """A line that cannot be headline material: long, or with sentence punctuation inside it."""
    return weight(text) > SHORT_WEIGHT or has_inner_stop(text) or "，" in text or "," in text


def _flush_crosshead(text: str, fills: bool) -> bool:
    """A short line that ends without a mark and falls short of the column: on a page whose
    paragraphs open indented, a crosshead set flush (``科技助力，产量稳步提高``), not the rest of
    the paragraph above, whose lines run to the column or end its last sentence."""
    return not fills and weight(text) <= SHORT_WEIGHT and text[-1] not in _LINE_END_MARKS


def split_markdown_heading(text: str) -> tuple[str, str] | None:
    """A markdown heading's marks and its text (``## 标题`` -> ``("##", "标题")``); None where
    ``text`` is no heading (a ``#`` alone, or a line that does not open with one)."""
    heading = _HEADING_RE.match(text) if text.startswith("#") else None
    return (heading.group(1), heading.group(2)) if heading and heading.group(2) else None


def _markdown_block_marker(text: str) -> tuple[str, str] | None:
    """A markdown quote or list marker opening a line (``> ``, ``- ``, ``* ``): marker and text."""
    match = _BLOCK_MARKER_RE.match(text)
    if match is None:
        return None
    return match.group(1), text[match.end() :]


# The marks a line of running text may end with: a sentence's or a clause's end, a closing quote
# or bracket, a dash or an ellipsis running on.
_LINE_END_MARKS = frozenset("。！？!?.，,、；;：:”’」』）)》】—…")
_JOINABLE: frozenset[Role] = frozenset({"body", "caption"})


def build_units(
    lines: Sequence[Line],
    dropped: list[Dropped],
    separate: Callable[[str], bool] | None = None,
    roles: Sequence[Role] | None = None,
) -> list[Unit]:
    """Group normalised lines into units; record removed markdown markers in ``dropped``.

    A line for which ``separate`` is true (page furniture) is never joined to its neighbours,
    however wide the lines of a hard-wrapped page are. With ``roles`` (one per line), a line is
    only joined to a unit of the same body or caption role.
    """
    filled = filled_lines(lines)
    nonblank = [line for line in lines if line.text]
    indented = sum(line.indented for line in nonblank)
    indent_page = len(nonblank) >= 4 and indented >= 0.3 * len(nonblank)
    # On a hard-wrapped page whose paragraphs open indented, a flush line goes on the paragraph
    # above even after a sentence's end: that sentence ended at the edge of the column.
    indents_mark_paragraphs = not indent_page and indented >= _INDENTED_SHARE * len(nonblank)
    units: list[Unit] = []
    previous_blank = True
    previous_filled = False
    for index, line in enumerate(lines):
        role: Role = roles[index] if roles is not None and index < len(roles) else "body"
        if not line.text:
            previous_blank = True
            continue
        if role == "blank":  # a line the labeller read as empty although it holds text
            role = "body"
        text, level = line.text, 0
        lead_title: str | None = None
        # Each pattern below is only tried on a line that opens with a character it needs.
        opening = text[0]
        continuing = opening in _CONTINUING_OPENINGS
        if opening in "|-:" and is_table_rule(text):  # a markdown table's rule row: layout only
            dropped.append(Dropped(text, "markdown-marker", line.number))
            previous_blank = True
            continue
        if opening in "-*_" and _RULE_RE.match(text):  # a markdown horizontal rule (---, ***): layout only
            dropped.append(Dropped(text, "markdown-marker", line.number))
            previous_blank = True
            continue
        if opening in ">-*+" and (marked := _markdown_block_marker(text)):
            dropped.append(Dropped(marked[0], "markdown-marker", line.number))
            text = marked[1]
        if heading := split_markdown_heading(text):
            level = len(heading[0])
            dropped.append(Dropped(heading[0], "markdown-marker", line.number))
            text = heading[1]
        elif text.startswith("**"):  # a bold lead, or a bold line
            if brief := _BOLD_LEAD_RE.match(text):
                lead_title = brief.group(1).strip()
            elif (bold := _BOLD_LINE_RE.match(text)) and weight(bold.group(1)) <= SHORT_WEIGHT:
                level, text = 2, bold.group(1).strip()
                dropped.append(Dropped("**", "markdown-marker", line.number))
        elif opening in ITEM_MARKS and (bullet := _BULLET_LEAD_RE.match(text)) and ends_sentence(text):
            lead_title = bullet.group(1)  # ●市图书馆开展读书月活动　12月1日起，…。
        text = strip_emphasis(text).strip() or text
        previous = units[-1] if units else None
        if (
            previous is not None
            and not previous_blank
            and level == 0
            and previous.level == 0
            and not line.indented
            and text[0] not in BYLINE_MARKERS
            and not (text[0] in _DASH_OPENINGS and _DASH_RE.match(text))
            and (roles is None or (role == previous.role and role in _JOINABLE))
            and ((indent_page and previous.indented) or (previous_filled and not indent_page) or continuing)
            and not (("讯" in text or "电" in text) and _DATELINE_OPENING_RE.match(text))
            and (
                not ends_sentence(previous.text)
                or (previous_filled and indents_mark_paragraphs)
                or continuing
                or (
                    indent_page
                    and previous.indented
                    and _prose_line(text)
                    and not _flush_crosshead(text, filled[index])
                )
            )
            and not (separate is not None and (separate(previous.text) or separate(text)))
            # a schedule's rows, all about as long, make a page of listings look hard-wrapped
            and not (schedule_row(text) and schedule_row(previous.text))
            and not parse_byline_line(previous.text)  # the dearest test last
        ):
            previous.text = join_text(previous.text, text)
            previous.end = line.number
            previous.fills = filled[index]
        else:
            units.append(
                Unit(
                    text,
                    line.number,
                    line.number,
                    line.indented,
                    level,
                    previous_blank,
                    role=role,
                    fills=filled[index],
                )
            )
            if lead_title is None and "【" in text[:7] and (bracket := _BRACKET_LEAD_RE.match(text)):
                lead_title = bracket.group(1).strip()
            units[-1].brief = lead_title
        previous_filled = filled[index]
        previous_blank = False
    units = _merge_cut_leads(units)
    for unit in units:
        unit.squeezed = squeeze_spaces(unit.text)
    return units


_OUR_PAPER_RE = re.compile(r"本\s?报")  # 本报, as a lead opens (本报讯, 本报记者)


def _merge_cut_leads(units: list[Unit]) -> list[Unit]:
    """Merge an opening byline whose parenthesis the layout cut (``本报讯(记者`` / ``林金彦)…``)."""
    merged: list[Unit] = []
    index = 0
    while index < len(units):
        unit = units[index]
        index += 1
        # The cheap tests first: most units open with another character than 本.
        if unit.text.startswith("本") and _OUR_PAPER_RE.match(unit.text) and unbalanced(unit.text):
            steps = 0
            while (
                index < len(units)
                and unbalanced(unit.text)
                and steps < 3
                and units[index].level == 0
                and units[index].role == unit.role
            ):
                unit.text = join_text(unit.text, units[index].text)
                unit.end = units[index].end
                unit.fills = units[index].fills
                index += 1
                steps += 1
        merged.append(unit)
    return merged


# A figure in a data box or table: 2856.3亿元, 增长6.1%, -3.2%, 1200余个.
_FIGURE_RE = re.compile(
    r"^(?:同比|环比)?(?:增长|下降|增加|减少|提高|回落|上升|降低|增|降|约|共|达)?[+\-－]?\d[\d.,]*"
    r"(?:[%‰]|[余多]?[十百千万亿]*(?:元|美元|人次|人|户|个|家|所|座|处|项|件|台|辆|吨|亩|公顷|公里|千米|米|平方米|天|年|倍|次|场|元/吨|千瓦时)?)"
    r"(?:[(（]?(?:百分点|个百分点)[)）]?)?$"
)


def _is_data_row(text: str) -> bool:
    """A row of a data box (``地区生产总值 2856.3亿元 增长6.1%``): a label, then only figures."""
    fields = text.split()
    return (
        len(fields) >= 2
        and HAN_RE.match(fields[0]) is not None
        and all(_FIGURE_RE.match(f) for f in fields[1:])
        and any(not f[-1].isdigit() for f in fields[1:])  # a unit or % (not a bare year)
    )


def classify(unit: Unit, indent_matters: bool = True) -> Shape:
    """The shape of one unit, from its markdown level, byline grammar, punctuation and length."""
    text = unit.text
    if unit.level >= 3:
        return Shape.CROSSHEAD
    if parse_byline_line(text):
        return Shape.BYLINE
    if split_lead(text):
        return Shape.LEAD
    if parse_end_credit(text):
        return Shape.CREDIT
    if _DASH_RE.match(text) and weight(text) <= 50:
        return Shape.DASH
    if unit.level:
        return Shape.HEADING
    squeezed = unit.squeezed or squeeze_spaces(text)
    if _is_data_row(text):
        return Shape.PARA
    shortish = weight(text) <= SHORT_WEIGHT and HAN_RE.search(text) is not None
    if (
        shortish
        and not (indent_matters and unit.indented)
        and not has_inner_stop(text.replace("！", "").replace("？", "") if "。" not in text else text)
        and not _TRAILING_FRAGMENT_RE.search(text)
        and not _FIELD_LINE_RE.match(text)
        and not starts_with_dateline(squeezed)
        and (not ends_sentence(text) or (text.rstrip()[-1:] in "!?！？" and weight(text) <= 20))
    ):
        return Shape.SHORT
    return Shape.PARA


_AUTHOR_NOTE_RE = re.compile(r"^[(（]\s?作者")
_NOTE_LOOKAHEAD = 60


def _author_note_follows(units: Sequence[Unit], start: int) -> bool:
    """True if the story from ``start`` ends in an author note (（作者为…）, （作者单位：…）) before
    anything that opens another story (a heading, a byline, a dateline paragraph)."""
    for unit in units[start : start + _NOTE_LOOKAHEAD]:
        if unit.shape is Shape.CREDIT:
            return bool(_AUTHOR_NOTE_RE.match(unit.text))
        if unit.shape in (Shape.HEADING, Shape.BYLINE, Shape.LEAD):
            return False
    return False


def classify_all(units: list[Unit]) -> None:
    """Set the shape of every unit. Indents only count on pages where few units are indented."""
    indented = sum(u.indented for u in units)
    indent_matters = indented < 0.8 * max(1, len(units))
    for unit in units:
        unit.shape = classify(unit, indent_matters)
    # A lone name under a headline, with the body right after it, is the author's byline. Set
    # apart by blank lines it must be letter-spaced (张 三) or the piece must close with an author
    # note, so that a short headline line such as 高温 is not read as a name.
    for index in range(1, len(units) - 1):
        unit = units[index]
        if (
            unit.shape in (Shape.SHORT, Shape.PARA)
            and units[index - 1].shape in (Shape.SHORT, Shape.DASH, Shape.HEADING)
            and units[index + 1].shape in (Shape.PARA, Shape.LEAD, Shape.CROSSHEAD)
            and parse_name_line(unit.text)
            and (
                unit.text[0] in BYLINE_MARKERS
                or not (unit.gap_before or units[index + 1].gap_before)
                or " " in unit.text.strip()
                or _author_note_follows(units, index + 1)
            )
        ):
            unit.shape = Shape.BYLINE
        elif (
            unit.shape is Shape.CREDIT
            and units[index - 1].shape in (Shape.SHORT, Shape.DASH, Shape.HEADING)
            and units[index + 1].shape in (Shape.PARA, Shape.CROSSHEAD)
        ):
            unit.shape = Shape.BYLINE  # (记者 X 通讯员 Y) printed under the headline
