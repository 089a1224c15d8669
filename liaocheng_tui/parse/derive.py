"""Training labels for the roles the corpus does not mark: derived from the rule functions.

The corpus labels every line ``kicker``, ``title``, ``subtitle``, ``body`` or ``blank`` (and
``other`` for a web meta line, which is page furniture). Bylines, credits and captions sit in its
body as ordinary paragraphs. **These three labels are derived by rules, not by a person**:

- ``byline``: a body line that :func:`~liaocheng_tui.parse.byline.parse_byline_line` reads as
  only a byline (``本报记者 张三``; also under a part heading inside a long story, which the
  corpus labels body), or a bracketed credit (``（记者 X 通讯员 Y）``) right under a headline;
- ``credit``: a body line that :func:`~liaocheng_tui.parse.byline.parse_end_credit` reads as a
  closing credit (``（本报记者 X）``, ``（作者系…）``), or a byline-only photo credit (``X 摄``)
  that is the last line of its article;
- ``caption``: a body line that opens like a photo caption (``图为…``, ``▲…``) or that ends with
  a photo credit after a finished sentence (:func:`~liaocheng_tui.parse.byline.split_photo_credit`);
- ``furniture``: the corpus's ``other`` lines; ``blank``: every line that is empty once normalised.

So the model learns these roles as today's rules draw them, from the examples the rules find.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from liaocheng_tui.parse.byline import parse_byline_line, parse_end_credit, split_photo_credit
from liaocheng_tui.parse.furniture import is_furniture_line
from liaocheng_tui.parse.normalize import normalize_text
from liaocheng_tui.parse.roles import HEADER_ROLES, ROLES, Role

_CAPTION_STARTS = ("图为", "▲", "上图", "下图", "左图", "右图")
_CORPUS_MAP: dict[str, Role] = {"other": "furniture"}


def derive_roles(lines: Sequence[str], labels: Sequence[str]) -> list[Role]:
    """The nine-role labels of a corpus page from its five corpus labels and the rule functions."""
    texts = [normalize_text(line) for line in lines]
    roles: list[Role] = []
    for text, label in zip(texts, labels, strict=True):
        if not text:
            roles.append("blank")
            continue
        mapped = _CORPUS_MAP.get(label, label)
        if mapped not in ROLES or mapped == "blank":
            mapped = "body"
        roles.append(mapped)  # type: ignore[arg-type]
    count = len(roles)
    for index in range(count):
        if roles[index] != "body":
            continue
        text = texts[index]
        first_in_article = _first_body_line(roles, index)
        if len(text) <= 80 and parse_end_credit(text):
            roles[index] = "byline" if first_in_article else "credit"
        elif len(text) <= 50 and "。" not in text and parse_byline_line(text):
            photo = text.rstrip().endswith(("摄", "摄影"))
            roles[index] = "credit" if photo and not first_in_article else "byline"
        elif text.startswith(_CAPTION_STARTS) or (
            text.endswith(("摄", "摄影", "）", ")")) and split_photo_credit(text)
        ):
            roles[index] = "caption"
    return roles


def _first_body_line(roles: Sequence[Role], index: int) -> bool:
    """True if only blank, byline or furniture lines stand between this line and a headline above it."""
    at = index - 1
    while at >= 0 and roles[at] in ("blank", "byline", "furniture"):
        at -= 1
    return at >= 0 and roles[at] in HEADER_ROLES


_BARE_RE = re.compile(r"[\s#*]")


def _bare(text: str | None) -> str:
    return _BARE_RE.sub("", normalize_text(text or ""))


def _span(bare: Sequence[str], target: str, start: int, stop: int) -> tuple[int, int] | None:
    """The first run of non-blank lines in ``bare[start:stop]`` that spells ``target`` (blank
    lines between the pieces allowed): a headline the page wraps over several lines."""
    for first in range(start, stop):
        if not bare[first] or not target.startswith(bare[first]):
            continue
        joined, at = "", first
        while at < stop and len(joined) < len(target):
            if bare[at]:
                if not target.startswith(joined + bare[at]):
                    break
                joined += bare[at]
            at += 1
        if joined == target:
            return first, at - 1
    return None


def key_roles(lines: Sequence[str], articles: Sequence[dict[str, Any]]) -> list[Role]:
    """Line roles of a page with a hand-made answer key (kicker/title/subtitle/byline per article).

    Each keyed headline is found in page order; the non-blank lines just above and below that
    spell its kicker and subtitle, and the next line that spells its byline, get those roles.
    Lines above the first headline and lines the furniture rule accepts are ``furniture``; the
    rest is ``body``, with credits and captions derived by rules as for the corpus.
    """
    bare = [_bare(line) for line in lines]
    labels: list[str] = ["blank" if not b else "body" for b in bare]
    cursor = 0
    first_header: int | None = None
    for article in articles:
        title = _bare(article.get("title"))
        # An article with a note is still found where its headline is printed: skipped, its lines
        # fell above the first headline found and were labelled furniture (seed 004's first story).
        if not title:
            continue
        span = _span(bare, title, cursor, len(lines))
        if span is None:
            continue
        start, end = span
        for index in range(start, end + 1):
            if bare[index]:
                labels[index] = "title"
        head = start
        kicker = _bare(article.get("kicker"))
        if kicker:
            above = _span(bare, kicker, max(cursor, start - 6), start)
            if above is not None and all(not b for b in bare[above[1] + 1 : start]):
                for index in range(above[0], above[1] + 1):
                    if bare[index]:
                        labels[index] = "kicker"
                head = above[0]
        subtitle = _bare(article.get("subtitle"))
        if subtitle:
            below = _span(bare, subtitle, end + 1, min(len(lines), end + 6))
            if below is not None and all(not b for b in bare[end + 1 : below[0]]):
                for index in range(below[0], below[1] + 1):
                    if bare[index]:
                        labels[index] = "subtitle"
                end = below[1]
        byline = _bare(article.get("byline"))
        if byline:
            after = _span(bare, byline, end + 1, min(len(lines), end + 6))
            if after is not None:
                for index in range(after[0], after[1] + 1):
                    if bare[index]:
                        labels[index] = "byline"
                end = after[1]
        cursor = end + 1
        if first_header is None:
            first_header = head
    # A keyed kicker printed away from its headline (at the top of the page) is still a kicker.
    kickers = {_bare(article.get("kicker")) for article in articles} - {""}
    for index, label in enumerate(labels):
        if label == "body" and bare[index] in kickers:
            labels[index] = "kicker"
    for index, label in enumerate(labels):
        if label == "body" and (
            (first_header is not None and index < first_header)
            or is_furniture_line(normalize_text(lines[index]))
        ):
            labels[index] = "furniture"
    return derive_roles(lines, labels)
