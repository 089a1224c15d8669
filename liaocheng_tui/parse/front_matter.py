"""A metadata block over a page's text (YAML front matter), as web clippers and extractors write it.

Trafilatura (``--with-metadata``), Obsidian's web clipper, MarkDownload and static-site exports
put the story's fields between two ``---`` lines above its text::

    ---
    title: 聊城：冬季蔬菜大棚迎来采摘季
    author: 王磊
    date: 2026-12-03
    sitename: 聊城新闻网
    ---

The block is no story's text: its lines are kept in ``dropped``, and its title, author, date and
site fill what the text does not print itself (a clipped story's text often starts at its lead).
Only a block that opens the page, closes within :data:`_LONGEST` lines, holds nothing but
``key: value`` lines and their list items, and names a title, an author or a date is read so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from liaocheng_tui.parse.byline import names_in
from liaocheng_tui.parse.models import Dropped, Page
from liaocheng_tui.parse.normalize import normalize_text

# What the tools call each field, by the page field it fills.
_KEYS: dict[str, str] = {
    "title": "title",
    "author": "author",
    "authors": "author",
    "date": "date",
    "published": "date",
    "publish_date": "date",
    "date_published": "date",
    "sitename": "publication",
    "site_name": "publication",
    "site": "publication",
    "publisher": "publication",
}
_LONGEST = 60  # lines between the delimiters: a metadata block, not a page cut by two rules
_FIELD_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s?(.*)$")
_ITEM_RE = re.compile(r"^-\s+(.*)$")
# A value's quotes and an Obsidian link's brackets: "[[王磊]]"
_WRAPPING = "\"' []"


@dataclass(frozen=True)
class FrontMatter:
    """The block's fields (by :data:`_KEYS`' names) and its lines (number from 1, text)."""

    fields: dict[str, str]
    lines: list[tuple[int, str]]

    @property
    def last_line(self) -> int:
        """The number (from 1) of the block's closing ``---``."""
        return self.lines[-1][0]


def read_front_matter(raws: Sequence[str]) -> FrontMatter | None:
    """The page's front matter, when its first non-blank line opens one; None otherwise. Its lines
    are read as any page line is (:func:`~liaocheng_tui.parse.normalize.normalize_text`: no
    escapes, no controls), as its values become the page's fields."""
    first = next((index for index, raw in enumerate(raws) if raw.strip()), None)
    if first is None or normalize_text(raws[first]) != "---":
        return None  # most pages: a block opens the page or there is none
    values: dict[str, list[str]] = {}
    key: str | None = None  # the field the list items below fill (None: one no page field takes)
    listed = False  # a field line is above: list items may follow
    kept = [(first + 1, "---")]  # the block's lines that hold text: number (from 1), text
    for index in range(first + 1, min(len(raws), first + 2 + _LONGEST)):
        line = normalize_text(raws[index])
        if not line:
            continue
        kept.append((index + 1, line))
        if line in ("---", "..."):
            fields = {name: "、".join(parts) for name, parts in values.items() if parts}
            if not fields.keys() & {"title", "author", "date"}:
                return None
            return FrontMatter(fields, kept)
        item = _ITEM_RE.match(line) if listed else None
        if item is not None:
            if key is not None:
                _add(values, key, item.group(1))
            continue
        found = _FIELD_RE.match(line)
        if found is None:
            return None  # a line no metadata block holds: the page's own rules, not a block
        key, listed = _KEYS.get(found.group(1).lower()), True
        if key is not None:
            _add(values, key, found.group(2))
    return None


def _add(values: dict[str, list[str]], key: str, value: str) -> None:
    value = value.strip().strip(_WRAPPING).strip()
    if value and value not in ("null", "None", "~"):
        values.setdefault(key, []).append(value)


def blanked(raws: Sequence[str], front: FrontMatter) -> str:
    """The page's text with the block's lines left blank, so that every line keeps its number."""
    return "\n".join("" if index < front.last_line else raw for index, raw in enumerate(raws))


def with_front_matter(page: Page, front: FrontMatter) -> Page:
    """``page`` with the block's lines kept in ``dropped`` and its fields filling what the text did
    not print: the first story's headline and byline, the page's paper."""
    dropped = [Dropped(text, "front-matter", number) for number, text in front.lines]
    articles = list(page.articles)
    if articles:
        first = articles[0]
        title = first.title or front.fields.get("title")
        author = front.fields.get("author")
        if first.byline is None and author is not None:
            first = replace(first, byline=author, authors=names_in(author))
        articles[0] = replace(first, title=title)
    publication = page.publication or front.fields.get("publication")
    return replace(page, articles=articles, dropped=[*dropped, *page.dropped], publication=publication)
