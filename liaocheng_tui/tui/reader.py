"""The reader: one article laid out for reading Chinese, with search matches to step through.

The article is laid out into lines by :func:`liaocheng_tui.tui.text.wrap_offsets` (breaking at
any character, as Chinese needs) and drawn with the Line API, so the reader knows on which line
every match falls and ``n``/``N`` can scroll straight to it.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    line_strip,
    single_line,
    styled,
    wrap_offsets,
)

if TYPE_CHECKING:
    from liaocheng_tui.search import Hit
    from liaocheng_tui.store import ArticleRecord

# The fields a search hit can carry spans for, in the order the reader shows them.
MATCH_FIELDS: tuple[str, ...] = ("kicker", "title", "subtitle", "byline", "body")
MAX_MEASURE = 84  # cells: about 42 Chinese characters, a comfortable line length


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
        self.matches: list[Match] = []
        self.match_index = -1
        self._lines: list[Text] = []
        self._match_lines: list[int] = []
        self._layout_width = -1
        self._related_lines: dict[int, int] = {}
        self._base_style: Style | None = None

    # -- content -----------------------------------------------------------------------------

    def show(self, record: ArticleRecord | None, hit: Hit | None = None) -> None:
        """Show ``record`` (with the spans of ``hit`` highlighted) from the top."""
        same = self.record is not None and record is not None and record.id == self.record.id
        self.record = record
        self.hit = hit
        self.matches = ordered_matches(hit)
        self.match_index = -1
        if not same:
            self.keywords = None
            self.related = []
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
        self._relayout()

    def update_record(self, record: ArticleRecord) -> None:
        """The same article with new user state (starred, read)."""
        if self.record is not None and self.record.id == record.id:
            self.record = record
            self._relayout()

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
        line = self._match_lines[self.match_index] if self.match_index < len(self._match_lines) else 0
        height = self.scrollable_content_region.height
        self.scroll_to(0, max(0, line - height // 3), animate=False, immediate=True)

    def action_open_related(self, index: int) -> None:
        if 0 <= index < len(self.related):
            self.post_message(self.OpenRelated(self.related[index].id))

    async def _on_click(self, event: events.Click) -> None:
        article_id = self._related_lines.get(event.y + int(self.scroll_offset.y))
        if article_id is not None:
            self.post_message(self.OpenRelated(article_id))

    def action_scroll_down(self) -> None:
        self.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_relative(y=-1, animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    # -- layout ------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._layout_width:
            self._relayout()

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name)

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        self._layout_width = width
        self._lines, self._match_lines = self._build_lines(max(8, min(width - 2, MAX_MEASURE)))
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def _match_marks(self, field: str) -> list[Mark]:
        match_style = self._style("reader--match")
        current_style = self._style("reader--current-match")
        marks: list[Mark] = []
        for index, match in enumerate(self.matches):
            if match.field == field:
                style = current_style if index == self.match_index else match_style
                marks.append(Mark(match.start, match.end, style, index))
        return marks

    def _build_lines(self, measure: int) -> tuple[list[Text], list[int]]:
        record = self.record
        lines: list[Text] = []
        match_lines = [0] * len(self.matches)
        if record is None:
            lines.append(Text())
            lines.append(
                Text("  选择一篇文章阅读 · Select an article to read", style=self._style("reader--meta"))
            )
            return lines, match_lines

        def add_block(
            text: Text, positions: dict[int, int], indent: str = " ", prefer_spaces: bool = False
        ) -> None:
            first_line = len(lines)
            offsets = wrap_offsets(text.plain, measure, prefer_spaces=prefer_spaces)
            for start, end in offsets:
                line = Text(indent)
                line.append_text(text[start:end])
                lines.append(line)
            for tag, position in positions.items():
                for number, (start, end) in enumerate(offsets):
                    if start <= position < max(end, start + 1):
                        match_lines[tag] = first_line + number
                        break

        def add_field(field: str, value: str | None, style_name: str) -> None:
            if not value:
                return
            text, positions = styled(value, self._match_marks(field), base_style=self._style(style_name))
            add_block(text, positions)

        lines.append(Text())
        add_field("kicker", record.kicker, "reader--kicker")
        add_field("title", record.title or (None if record.paragraphs else record.headline), "reader--title")
        add_field("subtitle", record.subtitle, "reader--subtitle")
        lines.append(Text())
        add_field("byline", record.byline, "reader--meta")
        add_block(self._meta_line(record), {}, prefer_spaces=True)
        add_block(self._keyword_line(), {}, prefer_spaces=True)
        lines.append(Text(" " + "─" * measure, style=self._style("reader--rule")))

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
            text, positions = styled(indent + paragraph, body_marks.get(index, []))
            lines.append(Text())
            add_block(text, positions)

        lines.append(Text())
        lines.append(Text(" " + "─" * measure, style=self._style("reader--rule")))
        lines.append(Text(" 相关文章 Related", style=self._style("reader--heading")))
        if not self.related:
            lines.append(Text("  …", style=self._style("reader--meta")))
        self._related_lines = {}
        for number, related in enumerate(self.related, start=1):
            self._related_lines[len(lines)] = related.id
            entry = Text(f" {number} ", style=self._style("reader--keyword"))
            entry.append(" ")
            entry.append(related.date or "", style=self._style("reader--meta"))
            entry.append(" ")
            entry.append_text(single_line(related.headline))
            lines.append(fit(entry, measure + 1))
        lines.append(Text())
        return lines, match_lines

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
        return line_strip(self._lines[index], width, base_style, ellipsis=False)

    @property
    def plain_lines(self) -> list[str]:
        """The laid-out lines as plain text (for tests and copying what is shown)."""
        return [line.plain for line in self._lines]
