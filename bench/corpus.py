"""A seeded, reproducible archive corpus built only from the seeds' real text.

Every sentence, headline and author name comes from the bundled seed pages as the parser reads
them; the generator only recombines them.  What varies between articles: which headline, which
sentences and in what order, how they are grouped into paragraphs, the reporters, the dates, and
the numbers inside sentences (counts and amounts; month/day numbers are left alone so that dates
stay valid).  Sentences are drawn with Zipf weights, so some terms are common and some are rare.

Output, under one folder:

- ``pages/pNNNNNN.txt``: page files in the two seed house styles (a city daily with ``本报讯(记者 X)``
  and ``■ 本报记者 X`` bylines, and a provincial paper's city edition with ``□记者 X 报道`` bylines and
  ``本报聊城讯`` datelines), several articles per page, a masthead line with the page date on top;
- ``articles/YYYY-MM-DD/pNNNNNN_SS.txt``: one file per article holding the cleaned text the library
  stores (line 1 kicker, 2 title, 3 subtitle, 4 byline, then one line per paragraph), for ``rg -l``;
- ``manifest.jsonl``: one line per article (source, seq, date, file, authors).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from liaocheng_tui.parse import parse_page
from liaocheng_tui.parse.dates import starts_with_dateline

CITY_PAPER = "聊城日报"
PROVINCIAL_PAPER = "大众日报·聊城新闻"
FIRST_DAY = dt.date(2016, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
WEEKDAYS = "一二三四五六日"

# A sentence: text up to 。！？ plus any closing quotes or brackets that follow.
_SENTENCE_RE = re.compile(r"[^。！？!?]+[。！？!?]+[”’」』）)]*")
_NUMBER_RE = re.compile(r"\d+")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
# Sentences that would read as story furniture (datelines, bylines, captions) when recombined.
_FURNITURE_RE = re.compile(r"本报|记者|通讯员|日电|图为|报道|■|□|扫描|邮箱|电话|@|http")


@dataclass(frozen=True)
class Headline:
    kicker: str | None
    title: str
    subtitle: str | None


@dataclass(frozen=True)
class SeedPool:
    """The real material: headlines, quote-balanced sentences and reporters' names."""

    headlines: tuple[Headline, ...]
    sentences: tuple[str, ...]
    authors: tuple[str, ...]
    # The first usable sentences of the story each headline came from: a real story repeats its
    # headline's words in its opening, and the parser's model reads that as a sign of a headline.
    openings: dict[Headline, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class GenArticle:
    """One generated article, as the library should store it after parsing its page."""

    source: str
    seq: int
    date: str
    kicker: str | None
    title: str
    subtitle: str | None
    byline: str
    authors: tuple[str, ...]
    paragraphs: tuple[str, ...]

    @property
    def stored_text(self) -> str:
        """The text of the per-article file: head lines, byline, then one line per paragraph."""
        lines = [self.kicker or "", self.title, self.subtitle or "", self.byline, *self.paragraphs]
        return "\n".join(lines) + "\n"

    @property
    def file_name(self) -> str:
        return f"{Path(self.source).stem}_{self.seq:02d}.txt"


@dataclass(frozen=True)
class GenPage:
    source: str
    publication: str
    date: str
    text: str
    articles: tuple[GenArticle, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class CorpusInfo:
    root: Path
    pages_dir: Path
    articles_dir: Path
    manifest: Path
    pages: int
    articles: int
    characters: int  # of stored text (heads, bylines, bodies), what ingest segments and indexes


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, merged so that every piece has balanced “” quotes."""
    pieces = _SENTENCE_RE.findall(paragraph)
    merged: list[str] = []
    pending = ""
    for piece in pieces:
        pending += piece
        if pending.count("“") == pending.count("”") and pending.count("(") == pending.count(")"):
            merged.append(pending.strip())
            pending = ""
    return merged


def _usable(sentence: str) -> bool:
    han = len(_HAN_RE.findall(sentence))
    return (
        12 <= len(sentence) <= 160
        and han >= 0.6 * len(sentence)
        and _HAN_RE.match(sentence[0]) is not None
        and not starts_with_dateline(sentence)
        and not _FURNITURE_RE.search(sentence)
        and not re.search(r"\s", sentence)
        and sentence.count('"') % 2 == 0
    )


def _usable_headline(text: str | None) -> bool:
    return text is None or (4 <= len(text) <= 40 and " " not in text.strip("“”"))


def load_pool(seed_paths: Sequence[Path]) -> SeedPool:
    """Headlines, sentences and names from the seed pages, read with the project's parser."""
    headlines: dict[Headline, None] = {}
    sentences: dict[str, None] = {}
    authors: dict[str, None] = {}
    openings: dict[Headline, tuple[str, ...]] = {}
    for path in sorted(seed_paths):
        page = parse_page(path.read_text(encoding="utf-8"), source=path.name)
        for article in page.articles:
            for name in article.authors:
                if 2 <= len(name) <= 3 and all(_HAN_RE.match(c) for c in name):
                    authors[name] = None
            if article.kind == "notice":
                continue
            # Two plain head lines are ambiguous on a page: a kicker longer than its title, or an
            # undashed subtitle longer than its title, reads back the other way.  Leave those out.
            title_len = len(article.title or "")
            short_kicker = not article.kicker or len(article.kicker) <= title_len
            sub = article.subtitle
            short_subtitle = not sub or sub.startswith("——") or len(sub) < title_len
            if (
                article.title
                and short_kicker
                and short_subtitle
                and all(_usable_headline(t) for t in (article.kicker, article.title, article.subtitle))
            ):
                head = Headline(article.kicker, article.title, article.subtitle)
                headlines[head] = None
                firsts = [t for p in article.paragraphs[:2] for t in split_sentences(p) if _usable(t)]
                openings.setdefault(head, tuple(firsts[:3]))
            for paragraph in article.paragraphs:
                for sentence in split_sentences(paragraph):
                    if _usable(sentence):
                        sentences[sentence] = None
    if not headlines or len(sentences) < 50 or len(authors) < 4:
        raise ValueError("the seed pages hold too little text to build a corpus from")
    return SeedPool(tuple(headlines), tuple(sentences), tuple(authors), openings)


class _Composer:
    """Draws articles and pages from a pool with one seeded random generator."""

    def __init__(self, pool: SeedPool, seed: int) -> None:
        self.pool = pool
        self.rng = random.Random(seed)
        order = list(range(len(pool.sentences)))
        self.rng.shuffle(order)
        self.sentence_order = order
        # Zipf weights over a shuffled order: a few sentences are everywhere, many are rare.
        weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(order))]
        self.cumulative = list(itertools.accumulate(weights))
        self.seen: set[bytes] = set()

    def sentence(self) -> str:
        point = self.rng.random() * self.cumulative[-1]
        rank = min(bisect.bisect_left(self.cumulative, point), len(self.cumulative) - 1)
        return self.pool.sentences[self.sentence_order[rank]]

    def vary_numbers(self, text: str, year: int) -> str:
        """Change counts and amounts; years move to the page's year or shortly before it."""

        def replace(match: re.Match[str]) -> str:
            digits = match.group()
            after = text[match.end() : match.end() + 1]
            before = text[match.start() - 1 : match.start()] if match.start() else ""
            if len(digits) == 4 and digits[:2] in ("19", "20") and before != ".":
                return str(self.rng.randint(year - 3, year))
            if after in ("月", "日") or before == "." or self.rng.random() < 0.3:
                return digits
            if len(digits) == 1:
                return str(self.rng.randint(1, 9))
            return str(self.rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

        return _NUMBER_RE.sub(replace, text)

    def authors(self, count: int) -> tuple[str, ...]:
        return tuple(self.rng.sample(self.pool.authors, count))

    def article(
        self, source: str, seq: int, day: dt.date, style: str, used: set[str]
    ) -> tuple[GenArticle, list[str]]:
        """An article and the lines that print it on its page."""
        rng = self.rng
        for _attempt in range(100):
            head = rng.choice(self.pool.headlines)
            year = day.year
            title = self.vary_numbers(head.title, year)
            kicker = self.vary_numbers(head.kicker, year) if head.kicker else None
            subtitle = self.vary_numbers(head.subtitle, year) if head.subtitle else None
            paragraphs: list[str] = []
            taken: set[str] = set()
            opening = [
                sentence
                for sentence in (self.vary_numbers(t, year) for t in self.pool.openings.get(head, ()))
                if sentence not in used
            ][:1]
            for number in range(rng.randint(2, 6)):
                chosen: list[str] = [] if number else list(opening)
                taken.update(chosen)
                wanted = max(rng.randint(1, 4), len(chosen))
                while len(chosen) < wanted:
                    sentence = self.vary_numbers(self.sentence(), year)
                    if sentence not in used and sentence not in taken:
                        chosen.append(sentence)
                        taken.add(sentence)
                paragraphs.append("".join(chosen))
            paragraphs[0] = f"{day.month}月{day.day}日,{paragraphs[0]}"
            key = hashlib.blake2b("\n".join([title, *paragraphs]).encode(), digest_size=16).digest()
            if key not in self.seen and not any(p in used for p in paragraphs):
                self.seen.add(key)
                break
        else:  # pragma: no cover - 100 identical draws in a row cannot happen with real pools
            raise RuntimeError("could not draw a new article")
        for paragraph in paragraphs:
            used.update(split_sentences(paragraph))
        feature = rng.random() < 0.25
        names = self.authors(rng.choice((1, 1, 1, 2)))
        head_lines = [line for line in (kicker, title, subtitle) if line]
        body_lines = list(paragraphs)
        if style == "city":
            if feature:
                byline = "■ 本报记者 " + " ".join(names)
                lines = [*head_lines, byline, *body_lines]
            else:
                inner = f"记者 {names[0]}" + (f" 通讯员 {names[1]}" if len(names) > 1 else "")
                byline = f"本报讯({inner})"
                lines = [*head_lines, byline + body_lines[0], *body_lines[1:]]
        elif feature:
            byline = "□本报记者 " + " ".join(names)
            lines = [*head_lines, byline, *body_lines]
        else:
            inner = f"□记者 {names[0]}" + (f" 通讯员 {names[1]}" if len(names) > 1 else "")
            byline = inner + " 报道"
            lines = [*head_lines, byline, "本报聊城讯 " + body_lines[0], *body_lines[1:]]
        article = GenArticle(
            source=source,
            seq=seq,
            date=day.isoformat(),
            kicker=kicker,
            title=title,
            subtitle=subtitle,
            byline=byline,
            authors=names,
            paragraphs=tuple(paragraphs),
        )
        return article, lines

    def page(self, index: int, articles: int) -> GenPage:
        rng = self.rng
        span = (LAST_DAY - FIRST_DAY).days
        page_day = FIRST_DAY + dt.timedelta(days=rng.randint(7, span))
        style = rng.choice(("city", "provincial"))
        publication = CITY_PAPER if style == "city" else PROVINCIAL_PAPER
        source = f"p{index:06d}.txt"
        masthead = (
            f"{publication} {page_day.year}年{page_day.month}月{page_day.day}日 "
            f"星期{WEEKDAYS[page_day.weekday()]} 第{rng.randint(1, 8)}版"
        )
        lines = [masthead]
        built: list[GenArticle] = []
        used: set[str] = set()
        for seq in range(1, articles + 1):
            # The lead article carries the page date, so the page's date is always printed.
            back = 0 if seq == 1 else rng.randint(0, 3)
            day = max(page_day - dt.timedelta(days=back), dt.date(page_day.year, 1, 1))
            article, printed = self.article(source, seq, day, style, used)
            # An archive files every story under its page's issue date, whatever its dateline says.
            built.append(dataclasses.replace(article, date=page_day.isoformat()))
            lines.extend(printed)
        text = "\n\n".join(lines) + "\n"
        return GenPage(source, publication, page_day.isoformat(), text, tuple(built))


def generate(pool: SeedPool, articles: int, seed: int) -> Iterator[GenPage]:
    """Pages holding exactly ``articles`` articles in all (4 to 10 per page), reproducibly."""
    composer = _Composer(pool, seed)
    left = articles
    index = 0
    while left > 0:
        count = min(left, composer.rng.randint(4, 10))
        yield composer.page(index, count)
        left -= count
        index += 1


def write_corpus(root: Path, pool: SeedPool, articles: int, seed: int) -> CorpusInfo:
    """Write pages, per-article files and the manifest under ``root`` (which must not exist)."""
    pages_dir, articles_dir = root / "pages", root / "articles"
    pages_dir.mkdir(parents=True)
    articles_dir.mkdir()
    manifest = root / "manifest.jsonl"
    made_dirs: set[str] = set()
    pages = characters = count = 0
    with manifest.open("w", encoding="utf-8") as out:
        for page in generate(pool, articles, seed):
            (pages_dir / page.source).write_text(page.text, encoding="utf-8")
            pages += 1
            for article in page.articles:
                if article.date not in made_dirs:
                    (articles_dir / article.date).mkdir(exist_ok=True)
                    made_dirs.add(article.date)
                text = article.stored_text
                (articles_dir / article.date / article.file_name).write_text(text, encoding="utf-8")
                characters += len(text) - text.count("\n")
                count += 1
                record = {
                    "source": article.source,
                    "seq": article.seq,
                    "date": article.date,
                    "file": f"{article.date}/{article.file_name}",
                    "authors": list(article.authors),
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return CorpusInfo(root, pages_dir, articles_dir, manifest, pages, count, characters)
