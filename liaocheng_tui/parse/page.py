"""Temporary stand-in for the real parser (being written): one article per blank-line block."""

from __future__ import annotations

from liaocheng_tui.parse.models import Article, Page


def parse_page(text: str, source: str = "<page>", publication: str | None = None) -> Page:
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    articles = [Article(seq=1, title=blocks[0] if blocks else None, paragraphs=blocks[1:])] if blocks else []
    return Page(source=source, articles=articles, publication=publication)
