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
from collections.abc import Mapping, Sequence
from typing import Any

from liaocheng_tui.parse.byline import parse_byline_line, parse_end_credit, split_photo_credit
from liaocheng_tui.parse.normalize import normalize_text
from liaocheng_tui.parse.roles import HEADER_ROLES, ROLES, Role
from liaocheng_tui.parse.scoring import roles_from_key

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


def key_roles(
    lines: Sequence[str], articles: Sequence[dict[str, Any]], page: Mapping[str, Any] | None = None
) -> list[Role]:
    """Line roles of a page with a hand-made answer key (kicker/title/subtitle/byline per article;
    ``page``: the key's page fields, publication, banner and section, when it has them).

    The alignment is :func:`liaocheng_tui.parse.scoring.roles_from_key`'s, the same the evaluation's
    oracle mode uses: each keyed headline found in page order, its kicker and subtitle lines above
    and below it, its byline line (a closing credit under a headed story's text), a column name
    (and a …专栏 line) as a kicker line, lines that print the paper's name, banner or section and
    lines the furniture rule accepts as ``furniture``. A keyed kicker printed away from its headline
    (at the top of the page) is still a kicker. Credits and captions are then derived by rules as
    for the corpus.
    """
    fields = dict(page or {})
    fields["articles"] = list(articles)
    labels: list[str] = list(roles_from_key("\n".join(lines), fields))
    kickers = {_bare(article.get("kicker")) for article in articles} - {""}
    for index, label in enumerate(labels):
        if label == "body" and _bare(lines[index]) in kickers:
            labels[index] = "kicker"
    return derive_roles(lines, labels)
