"""Scoring a parsed page against a hand-made key (the seeds' gold, the unseen corpus)."""

from __future__ import annotations

import re
from typing import Any

from liaocheng_tui.parse import Article, Page


def bare(text: str | None) -> str:
    """Text with all whitespace removed: the key compares headlines that wrap over lines joined."""
    return re.sub(r"\s", "", text or "")


def field_matches(article: Article, key: dict[str, Any], name: str) -> bool:
    """Whether ``article`` agrees with the key's value for one field, whitespace-insensitively.

    ``body_start`` is a prefix of the first paragraph; ``paragraphs`` compares the paragraph
    count where the key gives one.
    """
    if name == "authors":
        return [bare(a) for a in article.authors] == [bare(a) for a in key["authors"]]
    if name == "body_start":
        first = article.paragraphs[0] if article.paragraphs else ""
        return bare(first).startswith(bare(key["body_start"]))
    if name == "paragraphs":
        return "paragraph_count" not in key or len(article.paragraphs) == key["paragraph_count"]
    value: str | None = getattr(article, name)
    return bare(value) == bare(key[name])


def pair_articles(page: Page, keys: list[dict[str, Any]]) -> list[tuple[dict[str, Any], Article | None]]:
    """Pair each key article with the first later parsed article whose body starts the same way,
    so that one missed or extra story does not shift every later comparison."""
    pairs: list[tuple[dict[str, Any], Article | None]] = []
    position = 0
    for key in keys:
        found = None
        for index in range(position, len(page.articles)):
            if field_matches(page.articles[index], key, "body_start"):
                found = page.articles[index]
                position = index + 1
                break
        pairs.append((key, found))
    return pairs
