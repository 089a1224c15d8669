"""Scoring parsed pages against a key: the seed key, the corpus labels, the synthetic pages.

Shared by ``python -m liaocheng_tui.parse.evaluate`` and the tests, so that the test of the seed
key and the printed figures count the same way. The metrics are defined in
:mod:`liaocheng_tui.parse.evaluate`; this module only counts.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from liaocheng_tui.parse.blocks import split_markdown_heading
from liaocheng_tui.parse.byline import split_lead, split_show_mark
from liaocheng_tui.parse.furniture import is_furniture_line
from liaocheng_tui.parse.models import Article, Page
from liaocheng_tui.parse.normalize import normalize_lines, normalize_text
from liaocheng_tui.parse.roles import Role

_SPACE_RE = re.compile(r"\s")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"'})
# What may sit between a dateline and the story when a parser splits one off: 本报讯 ，2月…
_SEAM = "，,：:"


def bare(text: str | None) -> str:
    """Text with all whitespace removed: the key compares headlines that wrap over lines joined."""
    return _SPACE_RE.sub("", text or "")


def fold(text: str | None) -> str:
    """``bare`` with full- and half-width forms and curly and straight quotes made one, so that a
    page whose punctuation an extraction turned half-width still matches its key."""
    return bare(unicodedata.normalize("NFKC", text or "").translate(_QUOTES))


_NOT_A_WORD_CHARACTER_RE = re.compile(r"[\W_]+")


def words_of(text: str | None) -> str:
    """:func:`fold` with only its letters, digits and Han characters: a paragraph compared whatever
    its punctuation and spacing (an extraction's half-width or lost marks)."""
    return _NOT_A_WORD_CHARACTER_RE.sub("", fold(text))


# --- the per-field check of the hand-made keys (seed key, synthetic pages) ---------------------


def field_matches(article: Article, key: Mapping[str, Any], name: str) -> bool:
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


def pair_articles(
    page: Page, keys: Sequence[Mapping[str, Any]]
) -> list[tuple[Mapping[str, Any], Article | None]]:
    """Pair each key article with the first later parsed article whose body starts the same way,
    so that one missed or extra story does not shift every later comparison."""
    pairs: list[tuple[Mapping[str, Any], Article | None]] = []
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


# --- the set metrics of evaluate ----------------------------------------------------------------


@dataclass(frozen=True)
class KeyArticle:
    """One article of a key. ``byline`` None: the key gives none (not counted for byline
    accuracy). ``first_line``: 0-based line of the article's first non-blank line, when known."""

    title: str | None
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    body_start: str | None = None
    first_line: int | None = None


def key_from_json(item: Mapping[str, Any]) -> KeyArticle:
    """A key article from the seed key, the synthetic pages' ``expected.json`` or a corpus record."""
    return KeyArticle(
        title=item.get("title"),
        kicker=item.get("kicker"),
        subtitle=item.get("subtitle"),
        byline=item.get("byline"),
        body_start=item.get("body_start"),
        first_line=item.get("first_line"),
    )


def article_text(article: Article) -> str:
    """The text after the headline block: the byline, then the paragraphs."""
    return (article.byline or "") + "".join(article.paragraphs)


def body_starts(article: Article, body_start: str) -> bool:
    """Whether the article's text after its headline begins with ``body_start``: its paragraphs
    alone (the key put the byline aside, as the seed key does) or the byline and paragraphs (the
    key kept a dateline or byline in the body, as the corpus does). Between a split-off byline and
    the story a parser may drop one separator (本报讯 ，…)."""
    want = fold(body_start)
    body = fold("".join(article.paragraphs))
    if body.startswith(want):
        return True
    lead = split_lead(want)
    if lead is not None and lead.byline is None and lead.rest and body.startswith(lead.rest):
        return True  # the parser set the paragraph's dateline aside (本报北京…电 under a byline line)
    # A byline joined from a byline line and the dateline of the first paragraph: the key's body
    # may start at any of its space-separated parts.
    parts = (article.byline or "").split()
    for start in range(len(parts)):
        byline = fold("".join(parts[start:]))
        if (byline + body).startswith(want):
            return True
        if want.startswith(byline) and body.startswith(want[len(byline) :].lstrip(_SEAM)):
            return True
    return False


def byline_matches(article: Article, byline: str) -> bool:
    """The article's byline is the key's, or starts with it and goes on (after a space) with the
    byline that the first paragraph's dateline carried (本报讯(记者 X) 本报北京…电(记者 Y))."""
    found = article.byline or ""
    if fold(found) == fold(byline):
        return True
    parts = found.split()
    return any(fold("".join(parts[:end])) == fold(byline) for end in range(1, len(parts)))


@dataclass
class Tally:
    """Counts over a set of pages; :meth:`figures` turns them into the printed figures."""

    pages: int = 0
    gold_articles: int = 0
    parsed_articles: int = 0
    title_hits: int = 0
    gold_titles: int = 0
    parsed_titles: int = 0
    kicker_right: int = 0
    subtitle_right: int = 0
    titles_found: int = 0
    byline_right: int = 0
    bylines: int = 0
    body_right: int = 0
    bodies: int = 0
    boundary_hits: int = 0
    gold_boundaries: int = 0
    parsed_boundaries: int = 0
    paragraph_hits: int = 0
    gold_paragraphs: int = 0
    parsed_paragraphs: int = 0
    crashes: int = 0
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float | int | None]:
        return {
            "pages": self.pages,
            "title_f1": _f1(self.title_hits, self.gold_titles, self.parsed_titles),
            "kicker_acc": _ratio(self.kicker_right, self.titles_found),
            "subtitle_acc": _ratio(self.subtitle_right, self.titles_found),
            "byline_acc": _ratio(self.byline_right, self.bylines),
            "body_start_acc": _ratio(self.body_right, self.bodies),
            "boundary_f1": _f1(self.boundary_hits, self.gold_boundaries, self.parsed_boundaries)
            if self.gold_boundaries
            else None,
            "paragraph_f1": _f1(self.paragraph_hits, self.gold_paragraphs, self.parsed_paragraphs)
            if self.gold_paragraphs
            else None,
            "gold_articles": self.gold_articles,
            "parsed_articles": self.parsed_articles,
            "crashes": self.crashes,
        }


def _ratio(right: int, total: int) -> float | None:
    return right / total if total else None


def _f1(hits: int, gold: int, parsed: int) -> float | None:
    if not gold and not parsed:
        return None
    if not hits:
        return 0.0
    precision, recall = hits / parsed, hits / gold
    return 2 * precision * recall / (precision + recall)


def _multiset_hits(gold: Iterable[str], parsed: Iterable[str]) -> int:
    return sum((Counter(gold) & Counter(parsed)).values())


def score_paragraphs(page: Page, gold: Sequence[str], tally: Tally) -> None:
    """Add one page's paragraph counts to ``tally``: the key's paragraphs against the parsed
    articles' paragraphs, one to one, each compared by :func:`words_of` (found whole, its
    punctuation aside; one cut in two or run into the next is a miss). A key paragraph that opens
    with a lead (本报北京1月1日电（记者 X）…) is found too as its text after the lead, which the
    parser sets apart as the story's byline or dateline."""
    parsed = [words for article in page.articles for words in map(words_of, article.paragraphs) if words]
    whole: dict[str, list[int]] = {}
    after_lead: dict[str, list[int]] = {}
    count = 0
    for paragraph in gold:
        words = words_of(paragraph)
        if not words:
            continue
        whole.setdefault(words, []).append(count)
        lead = split_lead(normalize_text(paragraph))
        rest = words_of(lead.rest) if lead is not None else ""
        if rest and rest != words:
            after_lead.setdefault(rest, []).append(count)
        count += 1
    found: set[int] = set()

    def take(candidates: dict[str, list[int]], words: str) -> bool:
        index = next((i for i in candidates.get(words, ()) if i not in found), None)
        if index is not None:
            found.add(index)
        return index is not None

    # Whole paragraphs first, so that a lead's rest takes no other paragraph's match.
    unmatched = [words for words in parsed if not take(whole, words)]
    for words in unmatched:
        take(after_lead, words)
    tally.gold_paragraphs += count
    tally.parsed_paragraphs += len(parsed)
    tally.paragraph_hits += len(found)


def score_page(page: Page, keys: Sequence[KeyArticle], tally: Tally, name: str = "") -> None:
    """Add one page's counts to ``tally``.

    Key articles with a title pair with a parsed article of the same (folded) title, one to one;
    key articles without one pair, in page order, with the next unpaired article whose text after
    the headline begins with their body start.
    """
    articles = page.articles
    tally.pages += 1
    tally.gold_articles += len(keys)
    tally.parsed_articles += len(articles)
    gold_titles = [fold(k.title) for k in keys if k.title]
    parsed_titles = [fold(a.title) for a in articles if a.title]
    tally.gold_titles += len(gold_titles)
    tally.parsed_titles += len(parsed_titles)
    tally.title_hits += _multiset_hits(gold_titles, parsed_titles)

    used: set[int] = set()
    position = 0
    for key in keys:
        found: Article | None = None
        if key.title:
            want = fold(key.title)
            for index, article in enumerate(articles):
                if index not in used and fold(article.title) == want:
                    found = article
                    used.add(index)
                    break
        elif key.body_start:
            for index in range(position, len(articles)):
                if index not in used and body_starts(articles[index], key.body_start):
                    found = articles[index]
                    used.add(index)
                    position = index + 1
                    break
        label = key.title or key.body_start or "?"
        if key.title and found is not None:
            tally.titles_found += 1
            if fold(key.kicker) == fold(found.kicker):
                tally.kicker_right += 1
            else:
                tally.misses.append(f"{name} {label!r} kicker: {found.kicker!r} vs {key.kicker!r}")
            if fold(key.subtitle) == fold(found.subtitle):
                tally.subtitle_right += 1
            else:
                tally.misses.append(f"{name} {label!r} subtitle: {found.subtitle!r} vs {key.subtitle!r}")
        elif key.title:
            tally.misses.append(f"{name} title not found: {key.title!r}")
        if key.byline:
            tally.bylines += 1
            if found is not None and byline_matches(found, key.byline):
                tally.byline_right += 1
            else:
                got = found.byline if found is not None else None
                tally.misses.append(f"{name} {label!r} byline: {got!r} vs {key.byline!r}")
        if key.body_start:
            tally.bodies += 1
            if found is not None and body_starts(found, key.body_start):
                tally.body_right += 1
            else:
                got = article_text(found)[:20] if found is not None else None
                tally.misses.append(f"{name} {label!r} body_start: {got!r} vs {key.body_start!r}")

    if any(k.first_line is not None for k in keys) or not keys:
        gold_lines = {k.first_line for k in keys if k.first_line is not None}
        parsed_lines = {a.line_start - 1 for a in articles}
        tally.gold_boundaries += len(gold_lines)
        tally.parsed_boundaries += len(parsed_lines)
        tally.boundary_hits += len(gold_lines & parsed_lines)
        for article in articles:
            if article.line_start - 1 not in gold_lines:
                what = article.title or article.byline or article.body[:20]
                tally.misses.append(f"{name} extra article at line {article.line_start}: {what!r}")
        for line in sorted(gold_lines - parsed_lines):
            tally.misses.append(f"{name} no article starts at line {line + 1}")


_HEADER_RANK = {"kicker": 0, "title": 1, "subtitle": 2}
_AD_TITLE = "广告"


def _heading_text(line: str) -> str:
    """A header line's text as the parser gives it: its markdown heading marks and a show mark
    before it left out, in either order (``## ● 标题``, ``● ## 标题``), as
    :func:`~liaocheng_tui.parse.blocks.build_units` and the assembler leave them out."""
    text = line.strip()
    if heading := split_markdown_heading(text):
        text = heading[1]
    mark, text = split_show_mark(text)
    if mark and (heading := split_markdown_heading(text)):
        text = heading[1]
    return text


def keys_from_roles(lines: Sequence[str], roles: Sequence[str]) -> list[KeyArticle]:
    """The key of a page known only by its line roles (a damaged corpus page).

    A run of kicker/title/subtitle lines (blank lines between them allowed) is an article's
    headline; a kicker under a title or subtitle, a title under a subtitle, or a title two or more
    blank lines below the title above starts the next one. The byline is a ``byline`` line right
    under the headline, the body start the first 20 characters of the first ``body`` or
    ``caption`` line under it. 广告 items are left out, as in the corpus keys.
    """
    keys: list[KeyArticle] = []
    count = min(len(lines), len(roles))
    index = 0
    while index < count:
        if roles[index] not in _HEADER_RANK:
            index += 1
            continue
        parts: dict[str, list[str]] = {"kicker": [], "title": [], "subtitle": []}
        first = index
        rank = -1
        last_title = -1
        at = index
        while at < count and (roles[at] in _HEADER_RANK or not lines[at].strip()):
            role = roles[at]
            if role in _HEADER_RANK:
                role_rank = _HEADER_RANK[role]
                if role_rank < rank or (role_rank == 1 and rank == 2):
                    break
                if role_rank == 1 and last_title >= 0 and at - last_title > 2:
                    break
                if role_rank == 1:
                    last_title = at
                rank = max(rank, role_rank)
                parts[role].append(_heading_text(lines[at]))
                end = at + 1
            at += 1
        index = end
        byline: str | None = None
        body_start: str | None = None
        scan = end
        while scan < count and roles[scan] not in _HEADER_RANK:
            text = lines[scan].strip()
            if text and roles[scan] == "byline" and byline is None and body_start is None:
                byline = text
            elif text and roles[scan] in ("body", "caption"):
                body_start = text[:20]
                break
            scan += 1
        title = "".join(parts["title"]) or None
        if title is not None and fold(title) == _AD_TITLE:
            continue
        keys.append(
            KeyArticle(
                title=title,
                kicker="".join(parts["kicker"]) or None,
                subtitle="".join(parts["subtitle"]) or None,
                byline=byline,
                body_start=body_start,
                first_line=first,
            )
        )
    return keys


# --- line roles from a hand-made key ---------------------------------------------------------------

_MARKUP_RE = re.compile(r"^#{1,6}\s*|\*\*")
_DESCRIPTOR_WORDS = ("专栏", "栏目")
_RUN_LIMIT = 4  # a headline, kicker or subtitle wraps over at most this many lines


def roles_from_key(text: str, page_key: Mapping[str, Any]) -> list[Role]:
    """One role per line of ``split_lines(text)``, worked out from a hand-made key (the seed key,
    the synthetic pages' ``expected.json``): the lines whose text is an article's kicker, title or
    subtitle get that role (a headline wrapped over several lines gives several), a line that is
    an article's byline is ``byline`` (``credit`` when it closes a headed story's text), a line
    that is its column name (and a ``…专栏`` line under it) is a ``kicker`` above the headline (the
    assembler reads it as the column), lines that print the page's paper name, banner or section and
    every line that
    :func:`~liaocheng_tui.parse.furniture.is_furniture_line` accepts are ``furniture``; the rest is
    ``body`` or ``blank``. Lines are matched in page order, whitespace and markdown ignored. For the
    evaluation's oracle mode on these sets, and as training data for the labeller.
    """
    lines = normalize_lines(text)
    texts = [fold(_MARKUP_RE.sub("", line.text)) for line in lines]
    roles: list[Role] = ["body" if t else "blank" for t in texts]
    filled = [i for i, t in enumerate(texts) if t]
    page_lines = {fold(page_key.get(name)) for name in ("publication", "banner", "section")} - {""}
    for i in filled:
        if is_furniture_line(lines[i].text) or texts[i] in page_lines:
            roles[i] = "furniture"

    def run_at(position: int, target: str) -> int | None:
        """The position after the run of non-blank lines from ``position`` that spells ``target``."""
        joined = ""
        for end in range(position, min(position + _RUN_LIMIT, len(filled))):
            joined += texts[filled[end]]
            if joined == target:
                return end + 1
            if not target.startswith(joined):
                return None
        return None

    def run_ending_at(end: int, target: str) -> int | None:
        """The start of the run of non-blank lines that spells ``target`` and ends before ``end``."""
        for start in range(max(0, end - _RUN_LIMIT), end):
            if run_at(start, target) == end:
                return start
        return None

    cursor = 0
    for item in page_key.get("articles", []):
        title, body = fold(item.get("title")), fold(item.get("body_start"))
        head_start = head_end = None
        if title:
            for position in range(cursor, len(filled)):
                end = run_at(position, title)
                if end is not None and all(roles[filled[k]] == "body" for k in range(position, end)):
                    head_start, head_end = position, end
                    break
        if head_start is not None and head_end is not None:
            for k in range(head_start, head_end):
                roles[filled[k]] = "title"
            top = head_start
            kicker = fold(item.get("kicker"))
            start = run_ending_at(top, kicker) if kicker else None
            if start is not None:
                for k in range(start, top):
                    roles[filled[k]] = "kicker"
                top = start
            subtitle = fold(item.get("subtitle"))
            end = run_at(head_end, subtitle) if subtitle else None
            if end is not None:
                for k in range(head_end, end):
                    roles[filled[k]] = "subtitle"
                head_end = end
            _column_above(item, top, filled, texts, roles)
            cursor = head_end
        start_of_body = next(
            (
                p
                for p in range(cursor, len(filled))
                if body and roles[filled[p]] == "body" and body[:6] in texts[filled[p]]
            ),
            None,
        )
        if head_start is None and start_of_body is not None:
            _column_above(item, start_of_body, filled, texts, roles)
        byline = fold(item.get("byline"))
        if byline:
            low = cursor if head_start is not None else max(0, (start_of_body or cursor) - 2)
            for p in range(low, min(len(filled), low + 40)):
                if texts[filled[p]] == byline and roles[filled[p]] == "body":
                    after_body = start_of_body is not None and p > start_of_body
                    # Under a headed story's text it closes the story; under an untitled
                    # picture's caption it is the picture's byline (a photo of its own).
                    roles[filled[p]] = "credit" if after_body and head_start is not None else "byline"
                    if head_start is None and after_body:
                        _column_below(item, p + 1, filled, texts, roles)
                    cursor = max(cursor, p + 1) if not after_body else cursor
                    break
        if start_of_body is not None:
            cursor = max(cursor, start_of_body + 1)
    return roles


def _column_above(
    item: Mapping[str, Any], top: int, filled: list[int], texts: list[str], roles: list[Role]
) -> None:
    """Mark the article's column name (and a …专栏 line under it) just above ``top`` as kicker."""
    column = fold(item.get("column"))
    if not column:
        return
    for start in (top - 1, top - 2):
        if start < 0 or texts[filled[start]] != column or roles[filled[start]] != "body":
            continue
        between = range(start + 1, top)
        if all(any(w in texts[filled[k]] for w in _DESCRIPTOR_WORDS) for k in between):
            for k in (start, *between):
                roles[filled[k]] = "kicker"
            return


def _column_below(
    item: Mapping[str, Any], below: int, filled: list[int], texts: list[str], roles: list[Role]
) -> None:
    """Mark the column name printed under a picture's credit (and a …专栏 line under it) as kicker."""
    column = fold(item.get("column"))
    if not column or below >= len(filled) or texts[filled[below]] != column or roles[filled[below]] != "body":
        return
    roles[filled[below]] = "kicker"
    following = below + 1
    if following < len(filled) and any(w in texts[filled[following]] for w in _DESCRIPTOR_WORDS):
        roles[filled[following]] = "kicker"
