"""The article list: a virtual list that renders only the rows on screen.

It holds article ids, not articles. Rows are fetched by id through a callback (the store's
``Library.articles``) a screenful at a time and kept in a small LRU cache, so a list of 100k
articles costs one list of ints plus the rows in view.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from liaocheng_tui.parse.models import KIND_LABELS
from liaocheng_tui.tui.keymap import LIST_BINDINGS
from liaocheng_tui.tui.text import Mark, line_strip, readable, single_line, styled

if TYPE_CHECKING:
    from liaocheng_tui.search import Hit
    from liaocheng_tui.store import ArticleRecord


MIN_TITLE_CELLS = 12  # a row keeps this many columns for its title (the kind label gives way first)
KIND_CELLS = max(cell_len(label) for label in KIND_LABELS.values())
LINE_CACHE_SIZE = 1024  # drawn lines kept: a few screens' worth

Fetch = Callable[[Sequence[int]], "list[ArticleRecord]"]


class RecordCache:
    """A least-recently-used cache of article records by id."""

    def __init__(self, fetch: Fetch, capacity: int = 256) -> None:
        self._fetch = fetch
        self._capacity = capacity
        self._records: OrderedDict[int, ArticleRecord] = OrderedDict()
        self.fetches = 0

    def get_many(self, ids: Sequence[int]) -> dict[int, ArticleRecord]:
        """Records for ``ids`` (missing ones fetched in one call); unknown ids are left out."""
        missing = [article_id for article_id in ids if article_id not in self._records]
        if missing:
            self.fetches += 1
            for record in self._fetch(missing):
                self._records[record.id] = record
        found: dict[int, ArticleRecord] = {}
        for article_id in ids:
            cached = self._records.get(article_id)
            if cached is not None:
                self._records.move_to_end(article_id)
                found[article_id] = cached
        while len(self._records) > self._capacity:
            self._records.popitem(last=False)
        return found

    def forget(self, article_id: int | None = None) -> None:
        """Drop one record (after it changed) or, with no id, all of them."""
        if article_id is None:
            self._records.clear()
        else:
            self._records.pop(article_id, None)

    def __len__(self) -> int:
        return len(self._records)


END_PAGE = 5_000  # results G loads at once on a partial list (a fifth of a second on this machine)


class ArticleList(ScrollView, can_focus=True):
    """A keyboard-driven list of articles; two lines per row while showing search results."""

    BINDINGS: ClassVar[list[BindingType]] = LIST_BINDINGS

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--cursor-blurred",
        "article-list--dim",
        "article-list--unread",
        "article-list--star",
        "article-list--match",
        "article-list--kind",
    }

    DEFAULT_CSS = """
    ArticleList {
        background: $surface;
    }
    ArticleList > .article-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
    ArticleList > .article-list--cursor-blurred { background: $block-cursor-blurred-background; }
    ArticleList > .article-list--dim { color: $text-muted; }
    ArticleList > .article-list--unread { color: $accent; }
    ArticleList > .article-list--star { color: $warning; }
    ArticleList > .article-list--match { background: $warning 40%; text-style: bold; }
    ArticleList > .article-list--kind { color: $secondary; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor moved to an article."""

        def __init__(self, article_id: int) -> None:
            self.article_id = article_id
            super().__init__()

    class Selected(Message):
        """An article was opened (Enter or a click)."""

        def __init__(self, article_id: int) -> None:
            self.article_id = article_id
            super().__init__()

    class NeedMore(Message):
        """The cursor is near the end of a partial result list; load the next page (``to_end``:
        as many more as :data:`END_PAGE`, for G, which then moves to the last of them)."""

        def __init__(self, to_end: bool = False) -> None:
            self.to_end = to_end
            super().__init__()

    def __init__(self, fetch: Fetch, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cache = RecordCache(fetch)
        self.ids: list[int] = []
        self.hits: dict[int, Hit] = {}
        self.total = 0
        self.searching = False
        self.lines_rendered = 0
        # Dates in the library span more than one year: a narrow list keeps the year too.
        self.show_year = False
        self._base_style: Style | None = None
        # Drawn lines by (article id, line of the row, width, row style): a focus change or a
        # scroll redraws every visible line, and most of them are unchanged.
        self._line_cache: dict[tuple[int, int, int, Style], Strip] = {}
        self._end_wanted = False  # G was pressed on a partial result list: go on to the last row

    # -- content -----------------------------------------------------------------------------

    @property
    def row_height(self) -> int:
        return 2 if self.searching else 1

    def set_rows(
        self,
        ids: Sequence[int],
        *,
        hits: Sequence[Hit] | None = None,
        total: int | None = None,
        keep_id: int | None = None,
    ) -> None:
        """Show ``ids`` (search ``hits`` give snippets); keep the cursor on ``keep_id`` if listed."""
        self.ids = list(ids)
        self._line_cache.clear()
        self.searching = hits is not None
        self.hits = {hit.article_id: hit for hit in hits} if hits is not None else {}
        self.total = len(self.ids) if total is None else total
        self._end_wanted = False
        index = 0
        if keep_id is not None and keep_id in self.hits_or_ids():
            index = self.ids.index(keep_id)
        self._update_virtual_size()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.cursor = index
        self.refresh()

    def append_rows(self, hits: Sequence[Hit]) -> None:
        """Add the next page of search results."""
        known = set(self.ids)
        for hit in hits:
            if hit.article_id not in known:
                self.ids.append(hit.article_id)
                self.hits[hit.article_id] = hit
        self._update_virtual_size()
        self.refresh()
        if self._end_wanted:
            self._end_wanted = False
            self._move_to(len(self.ids) - 1)

    def set_show_year(self, show: bool) -> None:
        if show != self.show_year:
            self.show_year = show
            self._line_cache.clear()
            self.refresh()

    def hits_or_ids(self) -> set[int]:
        return set(self.ids)

    def refresh_article(self, article_id: int) -> None:
        """Re-read one article (its read or starred state changed) and redraw it."""
        self.cache.forget(article_id)
        self._line_cache.clear()
        self.refresh()

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.ids) * self.row_height)

    @property
    def current_id(self) -> int | None:
        if 0 <= self.cursor < len(self.ids):
            return self.ids[self.cursor]
        return None

    # -- cursor ------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        if not self.ids:
            return 0
        return max(0, min(value, len(self.ids) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        article_id = self.current_id
        if article_id is not None:
            self.post_message(self.Highlighted(article_id))
        near_the_end = new >= len(self.ids) - 10
        if self.searching and len(self.ids) < self.total and near_the_end and not self._end_wanted:
            self.post_message(self.NeedMore())

    def _scroll_cursor_into_view(self) -> None:
        height = self.row_height
        region = Region(0, self.cursor * height, 1, height)
        self.scroll_to_region(region, animate=False, immediate=True, force=True)

    def _move_to(self, row: int) -> None:
        # Only a move that changes the row: the cursor reports every assignment (set_rows needs
        # that), and reporting the row already open would open its article again at the top.
        self._end_wanted = False  # a move of the user's own since G
        row = self.validate_cursor(row)
        if row != self.cursor:
            self.cursor = row

    def action_cursor_down(self) -> None:
        self._move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move_to(self.cursor - 1)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        if self.searching and len(self.ids) < self.total:
            # Only a page of the results is loaded: G means the last result, not the last loaded.
            self._end_wanted = True
            self.post_message(self.NeedMore(to_end=True))
        row = self.validate_cursor(len(self.ids) - 1)
        if row != self.cursor:
            self.cursor = row

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height - 1)

    def action_page_down(self) -> None:
        self._move_to(self.cursor + self._page_rows())

    def action_page_up(self) -> None:
        self._move_to(self.cursor - self._page_rows())

    def action_open(self) -> None:
        article_id = self.current_id
        if article_id is not None:
            self.post_message(self.Selected(article_id))

    async def _on_click(self, event: events.Click) -> None:
        # ``event.y`` counts the border: a click would select the row below the one clicked.
        offset = event.get_content_offset(self)
        if offset is None:  # on the border or the scrollbar
            return
        row = (offset.y + int(self.scroll_offset.y)) // self.row_height
        if 0 <= row < len(self.ids):
            self._move_to(row)
            if event.chain > 1:
                self.action_open()

    def on_resize(self, event: events.Resize) -> None:
        self._update_virtual_size()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- rendering ---------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # ``rich_style`` walks every ancestor's styles: once per pass, not once per line; and the
        # rows on screen are fetched in one query before the lines ask for them one by one.
        self._base_style = self.rich_style
        self._prefetch_visible()
        try:
            return super().render_lines(crop)
        finally:
            self._base_style = None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        absolute_y = y + int(self.scroll_offset.y)
        row, part = divmod(absolute_y, self.row_height)
        base_style = self._base_style or self.rich_style
        if row >= len(self.ids):
            if row == 0 and part == 0 and not self.ids:
                empty = Text(
                    "  (没有文章 no articles)", style=self.get_component_rich_style("article-list--dim")
                )
                return self._strip(empty, width, base_style)
            return Strip.blank(width, base_style)
        article_id = self.ids[row]
        style = base_style
        if row == self.cursor:
            component = "article-list--cursor" if self.has_focus else "article-list--cursor-blurred"
            style = base_style + self.get_component_rich_style(component)
        key = (article_id, part, width, style)
        cached = self._line_cache.get(key)
        if cached is not None:
            return cached
        if self._base_style is None:
            self._prefetch_visible()
        record = self.cache.get_many([article_id]).get(article_id)
        self.lines_rendered += 1
        if record is None:
            return self._strip(Text("…"), width, base_style)
        if part == 0:
            text = self._title_line(record, width)
        else:
            text = self._snippet_line(article_id, width)
        strip = self._strip(text, width, style)
        if len(self._line_cache) >= LINE_CACHE_SIZE:
            self._line_cache.clear()
        self._line_cache[key] = strip
        return strip

    def kind_style(self) -> Style:
        """The kind label's style, its colour made readable on the list (4.5:1 at least)."""
        base = self._base_style or self.rich_style
        return readable(self.get_component_rich_style("article-list--kind"), base.bgcolor)

    def _prefetch_visible(self) -> None:
        first_row = int(self.scroll_offset.y) // self.row_height
        rows = self.scrollable_content_region.height // self.row_height + 2
        self.cache.get_many(self.ids[first_row : first_row + rows])

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        return line_strip(text, width, style)

    def _shows_full_date(self, width: int) -> bool:
        return width >= 60 or self.show_year

    def _room(self, width: int) -> tuple[int, bool]:
        """Columns a row of ``width`` leaves for the title, and whether it shows the kind label.

        The kind label gives way before the title gets fewer than ``MIN_TITLE_CELLS`` columns.
        """
        date_cells = 10 if self._shows_full_date(width) else 5
        room = width - (2 + date_cells + 1)
        if room - (KIND_CELLS + 1) >= MIN_TITLE_CELLS:
            return room - (KIND_CELLS + 1), True
        return room, False

    def title_room(self, width: int | None = None) -> int:
        """Columns a row leaves for the title (in the list as laid out, or ``width`` wide)."""
        return self._room(self.scrollable_content_region.width if width is None else width)[0]

    def _title_line(self, record: ArticleRecord, width: int) -> Text:
        dim = self.get_component_rich_style("article-list--dim")
        line = Text(no_wrap=True, overflow="ellipsis")
        if record.starred:
            line.append("★", self.get_component_rich_style("article-list--star"))
        elif not record.read:
            line.append("●", self.get_component_rich_style("article-list--unread"))
        else:
            line.append(" ")
        line.append(" ")
        date = record.date or "----------"
        line.append(date if self._shows_full_date(width) else date[5:], dim)
        line.append(" ")
        if self._room(width)[1]:
            line.append(KIND_LABELS.get(record.kind, record.kind[:2]), self.kind_style())
            line.append(" ")
        hit = self.hits.get(record.id)
        if record.kicker and width >= 60:
            line.append_text(single_line(record.kicker, style="dim"))
            line.append(" ")
        if record.title:
            match_style = self.get_component_rich_style("article-list--match")
            title_marks = [Mark(s, e, match_style) for s, e in hit.spans.get("title", [])] if hit else []
            # Newlines become spaces one for one so that the match offsets stay valid.
            title, _ = styled(record.title.replace("\n", " "), title_marks)
            if not record.read:
                title.stylize("bold")
        else:
            title = single_line(record.headline)
        line.append_text(title)
        if record.byline:
            line.append("  ")
            line.append_text(single_line(record.byline, style="dim"))
        return line  # fitted to the width as it is drawn (line_strip)

    def _snippet_line(self, article_id: int, width: int) -> Text:
        hit = self.hits.get(article_id)
        if hit is None:
            return Text()
        match_style = self.get_component_rich_style("article-list--match")
        indent = "   "
        raw, spans = snippet_showing_first_match(
            hit.snippet.replace("\n", " "), hit.snippet_spans, width - len(indent)
        )
        snippet, _ = styled(raw, [Mark(s, e, match_style) for s, e in spans], base_style="dim")
        line = Text(indent)
        line.append_text(snippet)
        return line  # fitted to the width as it is drawn (line_strip)


SNIPPET_LEAD_CHARACTERS = 6


def snippet_showing_first_match(
    snippet: str, spans: Sequence[tuple[int, int]], width: int
) -> tuple[str, list[tuple[int, int]]]:
    """Trim the snippet's start when its first match would fall past ``width`` cells.

    Search centres snippets for a wide row; in a narrow list the match itself would be cut off,
    and a result row that hides why it matched is useless.
    """
    ordered = sorted(spans)
    # The row's trailing "…" takes the last cell when the snippet is cut, hence ``< width``.
    if not ordered or cell_len(snippet[: ordered[0][1]]) < width:
        return snippet, ordered
    cut = ordered[0][0] - SNIPPET_LEAD_CHARACTERS
    if cut <= 1:
        return snippet, ordered
    # One "…" replaces snippet[:cut], so every offset moves by 1 - cut.
    return "…" + snippet[cut:], [(start - cut + 1, end - cut + 1) for start, end in ordered]
