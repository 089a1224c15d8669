"""The reader: one article laid out for reading Chinese, with search matches to step through.

The article is laid out into lines by :func:`liaocheng_tui.tui.text.wrap_offsets` (breaking at
any character, as Chinese needs) and drawn with the Line API, so the reader knows on which line
every match falls and ``n``/``N`` can scroll straight to it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from liaocheng_tui.parse.models import KIND_LABELS
from liaocheng_tui.tui.keymap import READER_BINDINGS
from liaocheng_tui.tui.text import (
    PARAGRAPH_INDENT,
    Mark,
    fit,
    iter_wrap_offsets,
    range_strip,
    single_line,
    styled,
)

if TYPE_CHECKING:
    from liaocheng_tui.search import Hit
    from liaocheng_tui.store import ArticleRecord

# The fields a search hit can carry spans for, in the order the reader shows them.
MATCH_FIELDS: tuple[str, ...] = ("kicker", "title", "subtitle", "byline", "body")
MAX_MEASURE = 84  # cells: about 42 Chinese characters, a comfortable line length
LAYOUT_SLICE = 0.008  # seconds of laying out lines between two looks at the keyboard


# A paragraph longer than this is laid out in pieces, each cleaned and styled only when the
# layout reaches it (a 19 MB one-line page costs a screenful, not seconds, before it shows).
PIECE_CHARACTERS = 16_384
# A piece ends after the last sentence or clause mark in this many characters before its limit,
# so the one early line break a piece costs falls where a reader expects a pause.
PIECE_SEEK = 2_048
_PIECE_ENDS = "。！？；，、.!?;,"


class Block:
    """A piece of the article laid out on its own lines: a field, a paragraph, a rule or an entry.

    Either ``text`` as given or, for body text, ``raw`` with its marks, cleaned and styled
    (:func:`styled`) the first time the layout or the screen needs it. ``positions`` maps a
    match's tag to its offset in ``text``; ``wrap`` False is one line as it is (rules, related
    entries, already fitted); ``related_id`` makes that line clickable.
    """

    def __init__(
        self,
        text: Text | None = None,
        *,
        raw: str = "",
        marks: Sequence[Mark] = (),
        style: Style | str = "",
        positions: dict[int, int] | None = None,
        indent: str = " ",
        prefer_spaces: bool = False,
        wrap: bool = True,
        related_id: int | None = None,
    ) -> None:
        self._text = text
        self._raw = raw
        self._marks = marks
        self._style = style
        self._positions = positions or {}
        self.indent = indent
        self.prefer_spaces = prefer_spaces
        self.wrap = wrap
        self.related_id = related_id

    def _styled(self) -> Text:
        if self._text is None:
            self._text, self._positions = styled(self._raw, self._marks, base_style=self._style)
            self._raw = ""
        return self._text

    @property
    def text(self) -> Text:
        return self._styled()

    @property
    def positions(self) -> dict[int, int]:
        self._styled()
        return self._positions


def piece_bounds(text: str, size: int = PIECE_CHARACTERS) -> list[tuple[int, int]]:
    """[start, end) pieces of ``text`` of at most ``size`` characters, ending after punctuation
    where there is some near the limit (the whole text when it is short)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        stop = max(text.rfind(mark, limit - PIECE_SEEK, limit) for mark in _PIECE_ENDS)
        end = stop + 1 if stop > start else limit
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


@dataclass(frozen=True)
class BackEntry:
    """An article left for a related one, and the first line that was on screen."""

    article_id: int
    scroll_y: int


BACK_LIMIT = 100  # articles remembered for Backspace


@dataclass(frozen=True)
class Match:
    """One search match: a [start, end) span of a field of the article."""

    field: str
    start: int
    end: int


def ordered_matches(hit: Hit | None) -> list[Match]:
    """The hit's spans in reading order (field order, then offset), duplicates removed."""
    if hit is None:
        return []
    matches: list[Match] = []
    for field in MATCH_FIELDS:
        for start, end in sorted(set(hit.spans.get(field, []))):
            if end > start:
                matches.append(Match(field, start, end))
    return matches


def split_body_span(paragraphs: Sequence[str], start: int, end: int) -> list[tuple[int, int, int]]:
    """A span of ``"\\n".join(paragraphs)`` as (paragraph index, start, end) pieces."""
    pieces: list[tuple[int, int, int]] = []
    offset = 0
    for index, paragraph in enumerate(paragraphs):
        para_end = offset + len(paragraph)
        if start < para_end and end > offset:
            pieces.append((index, max(start, offset) - offset, min(end, para_end) - offset))
        offset = para_end + 1
    return pieces


class Reader(ScrollView, can_focus=True):
    """Shows one article: header, keywords, body paragraphs and related articles."""

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--kicker",
        "reader--title",
        "reader--subtitle",
        "reader--meta",
        "reader--keyword",
        "reader--match",
        "reader--current-match",
        "reader--rule",
        "reader--heading",
    }

    DEFAULT_CSS = """
    Reader > .reader--kicker { color: $text-muted; }
    Reader > .reader--title { color: $text; text-style: bold; }
    Reader > .reader--subtitle { color: $text-secondary; }
    Reader > .reader--meta { color: $text-muted; }
    Reader > .reader--keyword { color: $text-primary; background: $primary-muted; }
    Reader > .reader--match { background: $warning-muted; color: $text-warning; }
    Reader > .reader--current-match { background: $warning; color: $background; text-style: bold; }
    Reader > .reader--rule { color: $primary-muted; }
    Reader > .reader--heading { color: $text-primary; text-style: bold; }
    """

    class GoBack(Message):
        """The user asked to go back to the article a related one was opened from."""

        def __init__(self, entry: BackEntry) -> None:
            self.entry = entry
            super().__init__()

    class OpenRelated(Message):
        """The user asked to open a related article."""

        def __init__(self, article_id: int) -> None:
            self.article_id = article_id
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.record: ArticleRecord | None = None
        self.hit: Hit | None = None
        self.keywords: list[str] | None = None
        self.related: list[ArticleRecord] = []
        # Whether ``related`` has been looked up: [] then means none, not "not known yet".
        self.related_known = False
        self.matches: list[Match] = []
        self.match_index = -1
        self._blocks: list[Block] = []
        self._lines: list[tuple[int, int, int]] = []  # (block, start, end) of each line laid out
        self._match_lines: dict[int, int] = {}  # match index -> line
        self._related_lines: dict[int, int] = {}  # line -> related article id
        self._layout_width = -1
        self._measure = MAX_MEASURE
        self._next_block = 0
        self._wrapping: Iterator[tuple[int, int]] | None = None
        self._waiting_positions: list[tuple[int, int]] = []
        self._layout_done = True
        # End (G) was pressed while a long article was still being laid out: its end is where
        # the layout stops, so the reader goes there again once it has (see _lay_out_rest).
        self._end_wanted = False
        self._back: list[BackEntry] = []
        self._base_style: Style | None = None

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        # The laid-out lines carry the styles of the theme they were laid out in: a dark
        # theme's background stayed on the meta lines and matches after switching to a light one.
        self._relayout_in_place()

    # -- content -----------------------------------------------------------------------------

    def show(self, record: ArticleRecord | None, hit: Hit | None = None) -> None:
        """Show ``record`` (with the spans of ``hit`` highlighted) from the top."""
        same = self.record is not None and record is not None and record.id == self.record.id
        self.record = record
        if (hit is None) != (self.hit is None):
            self.refresh_bindings()  # n and N come and go with the search (see check_action)
        self.hit = hit
        self.matches = ordered_matches(hit)
        self.match_index = -1
        self._end_wanted = False
        if not same:
            self.keywords = None
            self.related = []
            self.related_known = False
        self._relayout()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._update_subtitle()

    def set_extras(self, article_id: int, keywords: list[str] | None, related: list[ArticleRecord]) -> None:
        """Keywords and related articles, computed in the background, for ``article_id``.

        ``keywords`` None: not known yet (they need jieba's dictionary); any shown are kept.
        """
        if self.record is None or self.record.id != article_id:
            return
        if keywords is not None:
            self.keywords = keywords
        self.related = related
        self.related_known = True
        self._relayout_in_place()

    def update_record(self, record: ArticleRecord) -> None:
        """The same article with new user state (starred, read)."""
        if self.record is not None and self.record.id == record.id:
            self.record = record
            self._relayout_in_place()

    @property
    def match_label(self) -> str:
        if not self.matches:
            return ""
        if self.match_index < 0:
            count = len(self.matches)
            return f"{count} {'match' if count == 1 else 'matches'} · n/N"
        return f"match {self.match_index + 1}/{len(self.matches)}"

    def _update_subtitle(self) -> None:
        self.border_subtitle = self.match_label

    # -- matches -----------------------------------------------------------------------------

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        if not self.matches:
            self.notify("No matches in this article", severity="warning", timeout=2)
            return
        if self.match_index < 0:
            self.match_index = 0 if step > 0 else len(self.matches) - 1
        else:
            self.match_index = (self.match_index + step) % len(self.matches)
        self._relayout()
        self._update_subtitle()
        # A match past the lines laid out so far: lay out up to it.
        while self.match_index not in self._match_lines and not self._lay_out(budget=LAYOUT_SLICE):
            pass
        self._update_virtual_size()
        line = self._match_lines.get(self.match_index, 0)
        height = self.scrollable_content_region.height
        self.scroll_to(0, max(0, line - height // 3), animate=False, immediate=True)

    # -- back --------------------------------------------------------------------------------

    def back_entry(self) -> BackEntry | None:
        """Where the reader is now, to come back to."""
        if self.record is None:
            return None
        return BackEntry(self.record.id, int(self.scroll_offset.y))

    def push_back(self, entry: BackEntry) -> None:
        self._back.append(entry)
        del self._back[:-BACK_LIMIT]
        self.refresh_bindings()

    def clear_back(self) -> None:
        if self._back:
            self._back.clear()
            self.refresh_bindings()

    @property
    def back_depth(self) -> int:
        return len(self._back)

    def action_back(self) -> None:
        if self._back:
            entry = self._back.pop()
            self.refresh_bindings()
            self.post_message(self.GoBack(entry))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return bool(self._back)  # shown in the footer only when there is somewhere to go
        if action in ("next_match", "previous_match"):
            # Only a search's result has matches: without one, n and N took the footer's first
            # places from [ ] and t, which a narrow footer then left out.
            return self.hit is not None
        return True

    def restore_scroll(self, y: int) -> None:
        """Scroll to line ``y`` at once, laying out the lines up to it first."""
        self._lay_out(until_line=y + max(self.size.height, 1))
        self._update_virtual_size()
        # force: the scrollbars of the new layout are not measured yet, so scrolling would be refused.
        self.scroll_to(0, y, animate=False, immediate=True, force=True)

    def action_open_related(self, index: int) -> None:
        if 0 <= index < len(self.related):
            self.post_message(self.OpenRelated(self.related[index].id))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:  # on the border or the scrollbar
            return
        article_id = self._related_lines.get(offset.y + int(self.scroll_offset.y))
        if article_id is not None:
            self.post_message(self.OpenRelated(article_id))

    def action_scroll_down(self) -> None:
        self._end_wanted = False
        self.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        self._end_wanted = False
        self.scroll_relative(y=-1, animate=False)

    def action_scroll_home(self) -> None:
        self._end_wanted = False
        self.scroll_to(y=0, animate=False)

    def action_scroll_end(self) -> None:
        self._end_wanted = not self._layout_done
        # force: right after a relayout the scrollbars are not measured yet (see restore_scroll);
        # immediate: a relayout coming before the next refresh must see the reader at its end.
        self.scroll_to(y=self.max_scroll_y, animate=False, force=True, immediate=True)

    # -- layout ------------------------------------------------------------------------------
    #
    # The article is a list of blocks (a field, a paragraph, a rule, a related entry). Lines
    # are (block, start, end) ranges laid out lazily: what the screen shows at once, the rest a
    # slice at a time between frames, so a 19 MB one-line article never holds up a key press.

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._layout_width:
            self._relayout()

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name)

    def _relayout_in_place(self) -> None:
        """Lay the same article out again (its keywords, related articles, marks or the theme
        changed). A reader at the article's end stays at its end: the related articles arriving
        after End used to push the end below the screen."""
        at_end = self._end_wanted or (self.max_scroll_y > 0 and self.scroll_offset.y >= self.max_scroll_y)
        self._relayout()
        if at_end:
            self.action_scroll_end()

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        self._layout_width = width
        self._measure = max(8, min(width - 2, MAX_MEASURE))
        self._blocks = self._build_blocks(self._measure)
        self._lines = []
        self._match_lines = {}
        self._related_lines = {}
        self._next_block = 0
        self._wrapping = None
        self._layout_done = False
        # The first screens now (a short article entirely); the rest between frames.
        self._lay_out(until_line=int(self.scroll_offset.y) + 4 * max(self.size.height, 24))
        self._update_virtual_size()
        if not self._layout_done:
            self.run_worker(self._lay_out_rest(), group="reader-layout", exclusive=True)
        self.refresh()

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self._layout_width, len(self._lines))

    async def _lay_out_rest(self) -> None:
        """Lay out the remaining lines in slices of a few milliseconds, yielding between them."""
        while not self._lay_out(budget=LAYOUT_SLICE):
            self._update_virtual_size()
            await asyncio.sleep(0)
        self._update_virtual_size()
        if self._end_wanted:
            self._end_wanted = False
            self.scroll_to(y=self.max_scroll_y, animate=False, force=True)

    def _lay_out(self, *, until_line: int | None = None, budget: float | None = None) -> bool:
        """Add lines until there are more than ``until_line``, ``budget`` seconds pass, or all are
        laid out (True)."""
        deadline = None if budget is None else time.perf_counter() + budget
        lines = self._lines
        blocks = self._blocks
        count = 0
        while not self._layout_done:
            if until_line is not None and len(lines) > until_line:
                return False
            count += 1
            if deadline is not None and count % 256 == 0 and time.perf_counter() > deadline:
                return False
            if self._wrapping is None:
                if self._next_block >= len(blocks):
                    self._layout_done = True
                    break
                block = blocks[self._next_block]
                self._next_block += 1
                if not block.wrap:
                    if block.related_id is not None:
                        self._related_lines[len(lines)] = block.related_id
                    lines.append((self._next_block - 1, 0, len(block.text)))
                    continue
                self._wrapping = iter_wrap_offsets(
                    block.text.plain, self._measure, prefer_spaces=block.prefer_spaces
                )
                self._waiting_positions = sorted((position, tag) for tag, position in block.positions.items())
            line = next(self._wrapping, None)
            if line is None:
                self._wrapping = None
                continue
            start, end = line
            waiting = self._waiting_positions
            while waiting and waiting[0][0] < max(end, start + 1):
                self._match_lines[waiting.pop(0)[1]] = len(lines)
            lines.append((self._next_block - 1, start, end))
        return True

    def _match_marks(self, field: str) -> list[Mark]:
        match_style = self._style("reader--match")
        current_style = self._style("reader--current-match")
        marks: list[Mark] = []
        for index, match in enumerate(self.matches):
            if match.field == field:
                style = current_style if index == self.match_index else match_style
                marks.append(Mark(match.start, match.end, style, index))
        return marks

    def _build_blocks(self, measure: int) -> list[Block]:
        record = self.record
        blocks: list[Block] = []

        def line(text: Text) -> None:
            blocks.append(Block(text, indent="", wrap=False))

        if record is None:
            line(Text())
            # Wrapped like the text: a narrow reader cut it off mid-word ("Select an article t").
            hint = Text("选择一篇文章阅读 · Select an article to read", style=self._style("reader--meta"))
            blocks.append(Block(hint, indent="  ", prefer_spaces=True))
            return blocks

        def add_field(field: str, value: str | None, style_name: str) -> None:
            if value:
                blocks.append(Block(raw=value, marks=self._match_marks(field), style=self._style(style_name)))

        line(Text())
        add_field("kicker", record.kicker, "reader--kicker")
        add_field("title", record.title or (None if record.paragraphs else record.headline), "reader--title")
        add_field("subtitle", record.subtitle, "reader--subtitle")
        line(Text())
        add_field("byline", record.byline, "reader--meta")
        blocks.append(Block(self._meta_line(record), prefer_spaces=True))
        blocks.append(Block(self._keyword_line(), prefer_spaces=True))
        line(Text(" " + "─" * measure, style=self._style("reader--rule")))

        body_marks: dict[int, list[Mark]] = {}
        for mark in self._match_marks("body"):
            for number, (index, start, end) in enumerate(
                split_body_span(record.paragraphs, mark.start, mark.end)
            ):
                shift = 0 if record.paragraphs[index].startswith("\u3000") else len(PARAGRAPH_INDENT)
                # Only the first piece of a span that crosses paragraphs is the match's position.
                tag = mark.tag if number == 0 else -1
                body_marks.setdefault(index, []).append(Mark(start + shift, end + shift, mark.style, tag))
        for index, paragraph in enumerate(record.paragraphs):
            indent = "" if paragraph.startswith("\u3000") else PARAGRAPH_INDENT
            line(Text())
            raw = indent + paragraph
            marks = body_marks.get(index, [])
            for start, end in piece_bounds(raw):
                piece_marks = [
                    # A match's tag goes with the piece where it starts; its other pieces are just styled.
                    Mark(
                        max(mark.start, start) - start,
                        min(mark.end, end) - start,
                        mark.style,
                        mark.tag if start <= mark.start < end else -1,
                    )
                    for mark in marks
                    if mark.start < end and mark.end > start
                ]
                blocks.append(Block(raw=raw[start:end], marks=piece_marks))

        line(Text())
        line(Text(" " + "─" * measure, style=self._style("reader--rule")))
        line(Text(" 相关文章 Related", style=self._style("reader--heading")))
        if not self.related:
            # "…" while the lookup runs; an article like no other says so instead of waiting on.
            waiting = "  …" if not self.related_known else "  无 · none in the library"
            line(Text(waiting, style=self._style("reader--meta")))
        for number, related in enumerate(self.related, start=1):
            entry = Text(f" {number} ", style=self._style("reader--keyword"))
            entry.append(" ")
            entry.append(related.date or "", style=self._style("reader--meta"))
            entry.append(" ")
            entry.append_text(single_line(related.headline))
            blocks.append(Block(fit(entry, measure + 1), indent="", wrap=False, related_id=related.id))
        line(Text())
        return blocks

    def _meta_line(self, record: ArticleRecord) -> Text:
        meta_style = self._style("reader--meta")
        parts = [
            record.date or "日期不详",
            " / ".join(part for part in (record.publication, record.section, record.column) if part),
            KIND_LABELS.get(record.kind, record.kind),
            f"{record.source} 第{record.line_start}–{record.line_end}行",
        ]
        text = single_line(" · ".join(part for part in parts if part), style=meta_style)
        if record.starred:
            text.append(" ★", style="bold")
        return text

    def _keyword_line(self) -> Text:
        line = Text("关键词 ", style=self._style("reader--meta"))
        if self.keywords is None:
            line.append("…", style=self._style("reader--meta"))
            return line
        for keyword in self.keywords:
            line.append_text(single_line(f" {keyword} ", style=self._style("reader--keyword")))
            line.append(" ")
        return line

    # -- rendering ---------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # ``rich_style`` walks every ancestor's styles: once per pass, not once per line.
        self._base_style = self.rich_style
        # The lines on screen are laid out before they are drawn (a jump past the laid-out end).
        self._lay_out(until_line=int(self.scroll_offset.y) + crop.bottom)
        try:
            return super().render_lines(crop)
        finally:
            self._base_style = None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base_style = self._base_style or self.rich_style
        index = y + int(self.scroll_offset.y)
        if index >= len(self._lines):
            return Strip.blank(width, base_style)
        block_index, start, end = self._lines[index]
        block = self._blocks[block_index]
        return range_strip(block.text, start, end, width, base_style, prefix=block.indent)

    def _all_lines(self) -> list[tuple[int, int, int]]:
        while not self._lay_out():
            pass
        return self._lines

    @property
    def layout_complete(self) -> bool:
        """Whether every line of the article is laid out (a long one is, a slice at a time)."""
        return self._layout_done

    def visible_plain_lines(self) -> list[str]:
        """The lines on screen as plain text, without laying out the rest."""
        first = int(self.scroll_offset.y)
        self._lay_out(until_line=first + self.scrollable_content_region.height)
        return [
            self._blocks[block].indent + self._blocks[block].text.plain[start:end]
            for block, start, end in self._lines[first : first + self.scrollable_content_region.height]
        ]

    def runs_styled_as(self, component: str) -> list[str]:
        """The runs of laid-out text drawn in the style ``component`` (one of COMPONENT_CLASSES,
        e.g. ``reader--match``), in reading order: what a reader sees highlighted."""
        style = self._style(component)
        return [
            line.plain[span.start : span.end]
            for line in self.text_lines()
            for span in line.spans
            if span.style == style
        ]

    @property
    def plain_lines(self) -> list[str]:
        """The laid-out lines as plain text (for tests and copying what is shown)."""
        return [
            self._blocks[block].indent + self._blocks[block].text.plain[start:end]
            for block, start, end in self._all_lines()
        ]

    def text_lines(self) -> list[Text]:
        """The laid-out lines with their styles (for tests: slower than drawing them)."""
        lines: list[Text] = []
        for block_index, start, end in self._all_lines():
            block = self._blocks[block_index]
            line = Text(block.indent)
            line.append_text(block.text[start:end])
            lines.append(line)
        return lines
