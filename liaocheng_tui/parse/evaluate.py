"""How well the parser finds articles: ``python -m liaocheng_tui.parse.evaluate [--corpus DIR] [--oracle]``.

Sets (each printed as one row):

- ``seeds``: the five bundled seed pages (``seeds/``) against the hand-made key
  (``tests/data/seeds.gold.json``).
- ``dev-clean``: the corpus dev split (``pages.jsonl.gz`` pages whose date ``splits.json`` puts in
  ``dev``), as crawled.
- ``dev-damaged``: the same pages damaged by :mod:`liaocheng_tui.parse.augment` with a fixed seed
  (hard wraps, lost indents, spaces, half-width punctuation, duplicated paragraphs, merged or split
  headline lines, house-style bylines, inserted furniture, centred headlines, lost full stops, a
  left margin); the key is the damaged page's own line labels (see "Keys of damaged pages").
- ``cross-clean`` / ``cross-damaged``: ``crosspaper.jsonl.gz``, a paper never trained on, clean and
  damaged the same way.
- ``unseen``: the synthetic pages ``tests/data/unseen`` against their ``expected.json``.
- ``dev-nopunct``, ``dev-nopunct-dmg``, ``cross-nopunct``, ``cross-nopunct-dmg``: the dev and cross
  pages, clean and damaged, set without punctuation as papers before modern punctuation (and some
  OCR) give them (:func:`liaocheng_tui.parse.augment.strip_punctuation`: no marks of sentences and
  clauses in any line but furniture); keys from the stripped lines' roles, as for damaged pages, so
  a headline with a comma in it is looked for without it. The labeller reads such pages with its
  second model.

The corpus is found at ``--corpus``, else ``$LIAOCHENG_TUI_CORPUS``, else ``../shared/corpus``
beside the repository. Sets whose files are missing are reported as missing, not scored.

Damage is drawn at random, and on 31 pages a few headlines decide a row: the damaged sets'
title F1 moves by 0.01 to 0.07 from one draw to the next. So after the table the damaged sets are
scored again under ``--damage-seeds N`` seeds (default 5: the table's own, then the seeds after
it), with their mean, lowest and highest title F1 and each seed's; ``--damage-seeds 1`` prints the
table alone.

``--oracle`` gives the assembler the gold line roles instead of the labeller's: the ceiling of
assembly with perfect labels. Corpus pages: their labels (``other`` read as ``furniture``); damaged
pages: the roles the damage carried along; the seed and synthetic pages, which have no line labels:
the roles :func:`~liaocheng_tui.parse.scoring.roles_from_key` works out from their keys.

Metrics (every text comparison uses :func:`~liaocheng_tui.parse.scoring.fold`: whitespace removed,
NFKC width folding, curly and straight quotes made one):

- **title F1**: per page, the multiset of key titles against the multiset of parsed titles
  (articles without a title take no part); hits, key count and parsed count are summed over the set
  and give micro precision, recall and F1.
- **kicker / subtitle accuracy**: over the key articles whose title was found (each key title pairs
  with one parsed article of the same title, one to one), the share whose parsed kicker (subtitle)
  equals the key's; None and None agree, None and a text do not.
- **byline accuracy**: over the key articles whose key gives a byline (the seed and synthetic keys;
  the corpus never sets one, the cross paper rarely), the share whose paired article has that
  byline. An article not found counts wrong.
- **body-start accuracy**: over the key articles with a body start, the share whose paired article's
  text after the headline block begins with it: the paragraphs alone, or the byline followed by the
  paragraphs. The corpus keeps datelines and bylines in the body (本报北京…电 / 新华社记者 X), the
  seed key puts them in the byline; both count right. An article not found counts wrong. Key
  articles without a title pair, in page order, with the next unpaired article whose text after the
  headline begins with their body start.
- **boundary F1**: per page, the set of the key articles' first non-blank lines against the set of
  the parsed articles' first lines (``line_start``); micro F1 over the set. Only where the key knows
  line numbers (the corpus sets); ``-`` for the seed and synthetic keys.
- **paragraphs**: per page, the multiset of the page's paragraphs as the crawl printed them (its
  body lines, the lines the rules read as bylines, credits and captions left out) against the
  multiset of the parsed articles' paragraphs, each compared by its letters, digits and Han
  characters alone (:func:`~liaocheng_tui.parse.scoring.words_of`: punctuation and spaces aside, so
  half-width or lost marks do not count); micro F1 over the set. A paragraph counts only when it
  is found whole: one cut in two, or run into the next, is a miss, which is what hard-wrapped and
  narrow-column pages put at stake. A paragraph that opens with a lead (本报北京1月1日电（记者 X）)
  is found too as its text after the lead, which the parser sets apart as the story's byline or
  dateline. Damaged pages are scored against the paragraphs of the page before its damage. Only
  for the corpus sets (``-`` for the seed and synthetic keys).
- **articles**: key articles / parsed articles.

Advertisement placeholders: the corpus prints an advertisement as a 3-line item whose headline is
广告 (101 pages are only such items). The parser drops a 广告 label with what is printed under it, as
``advertisement``, not as an article; so 广告 items are left out of the corpus keys. A page that is only
advertisement then has an empty key and still counts: any article parsed on it lowers title and
boundary precision.

Keys of damaged pages: damage moves lines (wraps, inserted furniture, merged headlines), so the key is
built from the damaged page's own line roles: a kicker/title/subtitle block starts an article; its
title lines joined are the title, and so on; the body start is the first body line after the block.
So the damaged rows measure how well the pipeline recovers the (damaged) structure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from liaocheng_tui.parse.derive import derive_roles
from liaocheng_tui.parse.models import Page
from liaocheng_tui.parse.page import parse_labelled, parse_page
from liaocheng_tui.parse.roles import Role
from liaocheng_tui.parse.scoring import (
    KeyArticle,
    Tally,
    key_from_json,
    keys_from_roles,
    roles_from_key,
    score_page,
    score_paragraphs,
)
from liaocheng_tui.parse.train import at_least_one, read_pages

REPO = Path(__file__).resolve().parents[2]
DAMAGE_SEED = 20260701
AD_TITLE = "广告"
_CORPUS_ROLES: dict[str, Role] = {
    "kicker": "kicker",
    "title": "title",
    "subtitle": "subtitle",
    "byline": "byline",
    "body": "body",
    "caption": "caption",
    "credit": "credit",
    "other": "furniture",
    "blank": "blank",
}


@dataclass(frozen=True)
class EvalPage:
    """A page to parse, its key, and its gold line roles when the set has them."""

    name: str
    text: str
    keys: list[KeyArticle]
    roles: list[Role] | None = None
    # The page's paragraphs as its source printed them, where the set knows them (the corpus sets).
    paragraphs: list[str] | None = None


def default_corpus() -> Path:
    env = os.environ.get("LIAOCHENG_TUI_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus"


def corpus_page(record: dict[str, Any]) -> EvalPage:
    """A corpus record as a page to score: 广告 items left out of the key, boundaries at each
    article's first non-blank line."""
    text: str = record["text"]
    lines = text.split("\n")
    keys: list[KeyArticle] = []
    for item in record["articles"]:
        if (item.get("title") or "").strip() == AD_TITLE:
            continue
        first = next(
            (n for n in range(item["first_line"], item["last_line"] + 1) if lines[n].strip()),
            item["first_line"],
        )
        keys.append(key_from_json({**item, "first_line": first}))
    roles = [_CORPUS_ROLES.get(label, "body") for label in record["lines"]]
    name = f"{record.get('paper', '')}/{record.get('date', '')}/{record.get('page', '')}"
    # The crawl gives one paragraph a line; the lines the rules read as bylines, credits and
    # captions are no story paragraphs (the parser sets them apart too).
    derived = derive_roles(lines, record["lines"])
    paragraphs = [line for line, role in zip(lines, derived, strict=True) if role == "body"]
    return EvalPage(name, text, keys, roles, paragraphs)


def load_corpus(path: Path, dates: set[str] | None = None) -> list[EvalPage] | None:
    if not path.exists():
        return None
    return [corpus_page(r) for r in read_pages(path) if dates is None or r.get("date") in dates]


def load_seeds(repo: Path = REPO) -> list[EvalPage] | None:
    key_path = repo / "tests" / "data" / "seeds.gold.json"
    if not key_path.exists():
        return None
    key: dict[str, Any] = json.loads(key_path.read_text(encoding="utf-8"))
    pages: list[EvalPage] = []
    for name, expected in sorted(key.items()):
        text = (repo / "seeds" / name).read_text(encoding="utf-8")
        keys = [key_from_json(a) for a in expected["articles"]]
        pages.append(EvalPage(name, text, keys, roles_from_key(text, expected)))
    return pages


def load_unseen(repo: Path = REPO) -> list[EvalPage] | None:
    folder = repo / "tests" / "data" / "unseen"
    if not (folder / "expected.json").exists():
        return None
    key: dict[str, Any] = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    pages: list[EvalPage] = []
    for name, page in key.items():
        text = (folder / name).read_bytes().decode("utf-8")
        keys = [key_from_json(a) for a in page["articles"]]
        pages.append(EvalPage(name, text, keys, roles_from_key(text, page)))
    return pages


Parser = Callable[[EvalPage], Page]


def score_set(pages: Sequence[EvalPage], parser: Parser) -> Tally:
    tally = Tally()
    for page in pages:
        try:
            parsed = parser(page)
        except Exception as error:  # a crash is a finding to report, not a reason to stop
            tally.crashes += 1
            tally.misses.append(f"{page.name} crashed: {type(error).__name__}: {error}")
            parsed = Page(page.name, [])
        score_page(parsed, page.keys, tally, page.name)
        if page.paragraphs is not None:
            score_paragraphs(parsed, page.paragraphs, tally)
    return tally


def model_parser(page: EvalPage) -> Page:
    return parse_page(page.text, page.name)


def oracle_parser(page: EvalPage) -> Page:
    """The assembler on the page's gold line roles."""
    if page.roles is None:
        return parse_page(page.text, page.name)
    return parse_labelled(page.text, page.roles, page.name)


def damaged(pages: Sequence[EvalPage] | None, seed: int = DAMAGE_SEED) -> list[EvalPage] | None:
    """The pages damaged as the labeller is trained (:func:`liaocheng_tui.parse.augment.damage`
    on the roles :func:`liaocheng_tui.parse.derive.derive_roles` gives), one seeded generator per
    page, with keys and gold roles from the damaged lines' roles."""
    return _rebuilt(pages, seed, strip_marks=False)


def unpunctuated(pages: Sequence[EvalPage] | None, seed: int | None = DAMAGE_SEED) -> list[EvalPage] | None:
    """The pages, damaged as :func:`damaged` damages them (clean with ``seed`` None), then set
    without punctuation (:func:`liaocheng_tui.parse.augment.strip_punctuation`), with keys and
    gold roles from the stripped lines' roles."""
    return _rebuilt(pages, seed, strip_marks=True)


def _rebuilt(
    pages: Sequence[EvalPage] | None, seed: int | None, *, strip_marks: bool
) -> list[EvalPage] | None:
    try:
        from liaocheng_tui.parse.augment import damage, strip_punctuation, with_line_ends
        from liaocheng_tui.parse.derive import derive_roles
    except ImportError:  # the labeller's training code is not installed
        return None
    if pages is None:
        return None
    out: list[EvalPage] = []
    for page in pages:
        if page.roles is None:
            continue
        lines = page.text.split("\n")
        roles = derive_roles(lines, page.roles)
        crlf = False
        if seed is not None:
            rng = random.Random(f"{seed}|{page.name}")
            lines, roles = damage(lines, roles, rng)
            crlf = rng.random() < 0.5
        if strip_marks:
            lines = strip_punctuation(lines, roles)
        text = with_line_ends(lines, crlf)
        out.append(EvalPage(page.name, text, keys_from_roles(lines, roles), list(roles), page.paragraphs))
    return out


DrawSet = Callable[[Sequence[EvalPage] | None, int], list[EvalPage] | None]
# Each damaged set: the clean set it is drawn from, and how.
DRAWN: dict[str, tuple[str, DrawSet]] = {
    "dev-damaged": ("dev-clean", damaged),
    "cross-damaged": ("cross-clean", damaged),
    "dev-nopunct-dmg": ("dev-clean", unpunctuated),
    "cross-nopunct-dmg": ("cross-clean", unpunctuated),
}
DEFAULT_DAMAGE_SEEDS = 5


def damage_seeds(count: int) -> list[int]:
    """The seeds the damaged sets are drawn with: the table's own first, then the ones after it."""
    return [DAMAGE_SEED + offset for offset in range(count)]


def title_f1_by_seed(
    sets: dict[str, list[EvalPage] | None], name: str, seeds: Sequence[int], parser: Parser
) -> list[float] | None:
    """The damaged set ``name`` drawn again from its clean set under each of ``seeds``, and the
    title F1 of each draw (None where the clean set is missing)."""
    scores: list[float] = []
    for seed in seeds:
        pages = draw_set(sets, name, seed)
        if pages is None:
            return None
        scores.append(_title_f1(score_set(pages, parser)))
    return scores


def draw_set(sets: dict[str, list[EvalPage] | None], name: str, seed: int) -> list[EvalPage] | None:
    """The damaged set ``name`` drawn from its clean set in ``sets`` with ``seed``."""
    source, draw = DRAWN[name]
    return draw(sets[source], seed)


def _title_f1(tally: Tally) -> float:
    figure = tally.figures()["title_f1"]
    return float(figure) if figure is not None else 0.0


def format_spread(name: str, scores: Sequence[float]) -> str:
    """One line of the seed table: mean, lowest, highest, then each seed's title F1."""
    each = " ".join(f"{score:.3f}" for score in scores)
    mean = sum(scores) / len(scores)
    return f"{name:<{NAME_WIDTH}}  {mean:.3f}  {min(scores):>6.3f}  {max(scores):>7.3f}  ({each})"


def load_sets(corpus: Path) -> dict[str, list[EvalPage] | None]:
    splits_path = corpus / "splits.json"
    dev: set[str] | None = None
    if splits_path.exists():
        dev = set(json.loads(splits_path.read_text(encoding="utf-8"))["dev"])
    dev_pages = load_corpus(corpus / "pages.jsonl.gz", dev) if dev is not None else None
    clean = {"dev-clean": dev_pages, "cross-clean": load_corpus(corpus / "crosspaper.jsonl.gz")}
    return {
        "seeds": load_seeds(),
        "dev-clean": clean["dev-clean"],
        "dev-damaged": draw_set(clean, "dev-damaged", DAMAGE_SEED),
        "cross-clean": clean["cross-clean"],
        "cross-damaged": draw_set(clean, "cross-damaged", DAMAGE_SEED),
        "unseen": load_unseen(),
        "dev-nopunct": unpunctuated(clean["dev-clean"], None),
        "dev-nopunct-dmg": draw_set(clean, "dev-nopunct-dmg", DAMAGE_SEED),
        "cross-nopunct": unpunctuated(clean["cross-clean"], None),
        "cross-nopunct-dmg": draw_set(clean, "cross-nopunct-dmg", DAMAGE_SEED),
    }


def _cell(value: float | int | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


NAME_WIDTH = 17
COLUMNS = (
    ("pages", "pages"),
    ("title_f1", "title F1"),
    ("kicker_acc", "kicker"),
    ("subtitle_acc", "subtitle"),
    ("byline_acc", "byline"),
    ("body_start_acc", "body start"),
    ("boundary_f1", "boundary F1"),
    ("paragraph_f1", "paragraphs"),
)


def format_row(name: str, figures: dict[str, float | int | None]) -> str:
    cells = [f"{name:<{NAME_WIDTH}}"] + [f"{_cell(figures[key]):>{len(head)}}" for key, head in COLUMNS]
    cells.append(f"{figures['gold_articles']}/{figures['parsed_articles']}")
    if figures.get("crashes"):
        cells.append(f"CRASHED on {figures['crashes']} pages")
    return "  ".join(cells)


def header() -> str:
    return "  ".join([f"{'set':<{NAME_WIDTH}}"] + [head for _, head in COLUMNS] + ["articles key/parsed"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m liaocheng_tui.parse.evaluate", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--corpus", type=Path, default=None, help="the corpus folder (default: see module doc)"
    )
    parser.add_argument("--oracle", action="store_true", help="assemble from the gold line roles")
    parser.add_argument("--sets", default="", help="comma-separated set names to run (default: all)")
    parser.add_argument("--misses", type=int, default=0, help="print up to N misses per set")
    parser.add_argument(
        "--damage-seeds",
        type=at_least_one("a number of seeds"),
        default=DEFAULT_DAMAGE_SEEDS,
        metavar="N",
        help=f"score the damaged sets under N damage seeds too (default {DEFAULT_DAMAGE_SEEDS}; 1: the table alone)",
    )
    args = parser.parse_args(argv)
    corpus = args.corpus or default_corpus()
    wanted = {s for s in args.sets.split(",") if s}
    mode = "oracle (gold line roles)" if args.oracle else "labeller"
    print(f"corpus: {corpus}   mode: {mode}   damage seed: {DAMAGE_SEED}")
    print(header())
    sets = load_sets(corpus)
    chosen = oracle_parser if args.oracle else model_parser
    fixed_draw: dict[str, float] = {}  # the table's damaged rows: the seed table's first draw
    for name, pages in sets.items():
        if wanted and name not in wanted:
            continue
        if pages is None:
            print(f"{name:<{NAME_WIDTH}}  missing")
            continue
        started = time.perf_counter()
        tally = score_set(pages, chosen)
        if name in DRAWN:
            fixed_draw[name] = _title_f1(tally)
        print(format_row(name, tally.figures()) + f"   ({time.perf_counter() - started:.1f} s)")
        for miss in tally.misses[: args.misses]:
            print("   miss:", miss)
        sys.stdout.flush()
    drawn = [name for name in DRAWN if not wanted or name in wanted]
    if args.damage_seeds > 1 and drawn:
        seeds = damage_seeds(args.damage_seeds)
        print(f"\ntitle F1 of the damaged sets under {len(seeds)} damage seeds ({seeds[0]} to {seeds[-1]}):")
        print(f"{'set':<{NAME_WIDTH}}  mean  lowest  highest  (each seed)")
        for name in drawn:
            if name not in fixed_draw:
                print(f"{name:<{NAME_WIDTH}}  missing")
                continue
            again = title_f1_by_seed(sets, name, seeds[1:], chosen) or []
            print(format_spread(name, [fixed_draw[name], *again]))
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
