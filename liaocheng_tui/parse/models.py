"""The parser's output: plain dataclasses that every other layer builds on.

They carry no behaviour beyond small derived views, so the store, the search index, the CLI
and the app can all depend on them without depending on each other.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ArticleKind = Literal["news", "feature", "photo", "commentary", "notice"]
ARTICLE_KINDS: tuple[ArticleKind, ...] = ("news", "feature", "photo", "commentary", "notice")
# The one table of kinds and their Chinese labels: what the app's list and reader show, and what
# ``kind:`` accepts besides the English names.
KIND_LABELS: dict[str, str] = {
    "news": "消息",
    "feature": "通讯",
    "photo": "图片",
    "commentary": "评论",
    "notice": "公告",
}


HEADLINE_FALLBACK_LENGTH = 24


def display_headline(title: str | None, paragraphs: list[str]) -> str:
    """A display title that is never empty: photo captions have none of their own."""
    if title:
        return title
    first = paragraphs[0] if paragraphs else ""
    return first[:HEADLINE_FALLBACK_LENGTH] + ("…" if len(first) > HEADLINE_FALLBACK_LENGTH else "")


@dataclass(frozen=True)
class Dropped:
    """A piece of page text that cleaning removed, kept so that nothing is lost silently.

    ``reason`` is a short stable slug (for example ``duplicate-paragraph`` or
    ``markdown-marker``); ``line`` is the 1-based line of the raw page it came from.
    """

    text: str
    reason: str
    line: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Article:
    """One story on a page, with its OCR damage repaired.

    ``paragraphs`` hold the cleaned body only: the byline, once split off, lives in
    ``byline``/``authors`` and not in the first paragraph.  ``line_start``/``line_end`` are
    the 1-based, inclusive line span of the raw page the article was read from, for provenance.
    """

    seq: int
    title: str | None
    paragraphs: list[str]
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    column: str | None = None
    kind: ArticleKind = "news"
    date: str | None = None
    line_start: int = 0
    line_end: int = 0

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def headline(self) -> str:
        return display_headline(self.title, self.paragraphs)

    def to_json(self) -> dict[str, Any]:
        """The article object of ``liaocheng-tui parse --json`` (a CLI contract: keep stable)."""
        return {
            "seq": self.seq,
            "kicker": self.kicker,
            "title": self.title,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "authors": list(self.authors),
            "column": self.column,
            "kind": self.kind,
            "paragraphs": list(self.paragraphs),
            "date": self.date,
            "line_start": self.line_start,
            "line_end": self.line_end,
        }


@dataclass
class Page:
    """A parsed page: page-level fields, its articles in page order, and what was dropped."""

    source: str
    articles: list[Article]
    dropped: list[Dropped] = field(default_factory=list)
    publication: str | None = None
    date: str | None = None
    section: str | None = None
    banner: str | None = None
    # Where ``date`` came from: "masthead", "path", "user" or "dateline"; None with no date.
    date_source: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The object printed by ``liaocheng-tui parse FILE --json`` (a CLI contract)."""
        return {
            "source": self.source,
            "publication": self.publication,
            "date": self.date,
            "date_source": self.date_source,
            "section": self.section,
            "banner": self.banner,
            "articles": [article.to_json() for article in self.articles],
            "dropped": [item.to_json() for item in self.dropped],
        }
