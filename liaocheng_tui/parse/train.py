"""Train the line-role model from the labelled corpus: ``python -m liaocheng_tui.parse.train CORPUS_DIR``.

Reads ``pages.jsonl.gz`` and ``splits.json`` from CORPUS_DIR and trains a linear-chain CRF
(python-crfsuite, L-BFGS) on the pages of the **train** split only: each page once clean and
``--augment-copies`` times damaged by :func:`liaocheng_tui.parse.augment.damage` with a seeded
generator. ``crosspaper.jsonl.gz``, when present, is only scored, never trained on. Byline, credit,
caption and furniture labels are derived by rules (:mod:`liaocheng_tui.parse.derive`).

A second model, for pages set without punctuation, is trained at the same time on the other core:
on the same pages with their marks of sentences and clauses taken out
(:func:`liaocheng_tui.parse.augment.strip_punctuation`), each once clean and once damaged.

Writes ``line_roles.crfsuite`` and ``line_roles_unpunctuated.crfsuite``, each with its card
(``line_roles.txt``, ``line_roles_unpunctuated.txt``: what it was trained on, the options, and
line-level precision, recall and F1 per role on dev clean, dev damaged, crosspaper clean and
crosspaper damaged, the second model's without punctuation) to ``--out`` (default: the package's
model folder). Deterministic: the same corpus, seed and options give byte-identical models.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
import tempfile
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

from liaocheng_tui.parse.augment import damage, house_styles, strip_punctuation
from liaocheng_tui.parse.derive import derive_roles, key_roles
from liaocheng_tui.parse.features import sequence_items
from liaocheng_tui.parse.labeller import MODEL_NAME, UNPUNCTUATED_MODEL_NAME, Labeller
from liaocheng_tui.parse.normalize import split_lines
from liaocheng_tui.parse.roles import ROLES, Role, model_states

DEFAULT_OUT = Path(__file__).resolve().parent / "model"
REPO_ROOT = Path(__file__).resolve().parent.parent.parent
# Pages with a hand-made answer key that may join the training data (a small share of it): the
# bundled seed pages and the pages written for tests/data/unseen. Only in a source checkout.
KEY_PAGES = (
    (REPO_ROOT / "seeds", REPO_ROOT / "tests" / "data" / "seeds.gold.json"),
    (REPO_ROOT / "tests" / "data" / "unseen", REPO_ROOT / "tests" / "data" / "unseen" / "expected.json"),
)
CARD_NAME = "line_roles.txt"
UNPUNCTUATED_CARD_NAME = "line_roles_unpunctuated.txt"
# Damaged copies of each page for the second model: with one it trains in under half the first
# model's time, on the other core.
UNPUNCTUATED_COPIES = 1
CRF_OPTIONS: dict[str, Any] = {
    "c1": 0.3,
    "c2": 0.05,
    "max_iterations": 120,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
    "num_memories": 6,
    "epsilon": 1e-5,
    "period": 10,
    "delta": 1e-5,
}


@dataclass(frozen=True)
class LabelledPage:
    """One page: an id for seeding, its lines and one role per line."""

    key: str
    lines: list[str]
    roles: list[Role]


def read_pages(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for row in handle:
            if row.strip():
                yield json.loads(row)


def labelled(record: dict[str, Any]) -> LabelledPage:
    lines = record["text"].split("\n")
    key = f"{record.get('paper', '')}|{record['date']}|{record['page']}"
    return LabelledPage(key, lines, derive_roles(lines, record["lines"]))


def read_key_pages() -> list[LabelledPage]:
    """The keyed pages of a source checkout, labelled from their keys (none when installed)."""
    pages: list[LabelledPage] = []
    for folder, key_path in KEY_PAGES:
        if not key_path.is_file():
            continue
        key = json.loads(key_path.read_text(encoding="utf-8"))
        for name in sorted(key):
            path = folder / name
            if path.is_file():
                lines = split_lines(path.read_text(encoding="utf-8"))
                pages.append(
                    LabelledPage(f"key|{name}", lines, key_roles(lines, key[name]["articles"], key[name]))
                )
    return pages


def damaged(page: LabelledPage, seed: int, copy: int) -> LabelledPage:
    """A damaged copy of ``page``, in other papers' house styles too (drawn after the damage, so
    the damage is the one ``evaluate`` draws for the same seed)."""
    rng = random.Random(f"{seed}|{copy}|{page.key}")
    lines, roles = damage(page.lines, page.roles, rng)
    lines, roles = house_styles(lines, roles, rng)
    return LabelledPage(f"{page.key}#{copy}", lines, roles)


def unpunctuated(page: LabelledPage) -> LabelledPage:
    """The page without its marks of sentences and clauses (the same key: seeding stays as it is)."""
    return LabelledPage(page.key, strip_punctuation(page.lines, page.roles), page.roles)


def training_pages(pages: Sequence[LabelledPage], seed: int, copies: int) -> Iterator[LabelledPage]:
    """The first model's training stream: each page clean, then ``copies`` times damaged."""
    for page in pages:
        yield page
        for copy in range(copies):
            yield damaged(page, seed, copy)


def unpunctuated_training_pages(
    pages: Sequence[LabelledPage], seed: int, copies: int
) -> Iterator[LabelledPage]:
    """The second model's: the same pages and damaged copies, without punctuation."""
    return (unpunctuated(page) for page in training_pages(pages, seed, copies))


Stream = Callable[[Sequence[LabelledPage], int, int], Iterator[LabelledPage]]


@dataclass(frozen=True)
class EncodedSequences:
    """The model's training sequences (feature items and states) of some pages, in a form that
    crosses between processes cheaply: a page's items are some 65 strings a line, nearly all of
    them repeated on other lines, so each string is sent once and the items as their numbers."""

    strings: list[str]  # every distinct feature and state, by number
    features: array[int]  # the numbers of every line's features, line after line
    states: array[int]  # the number of every line's state
    features_per_line: array[int]
    lines_per_sequence: array[int]
    pages: int  # pages with a sequence to train on
    page_lines: int  # their lines, blank lines too


def encode_sequences(pages: Iterable[LabelledPage]) -> EncodedSequences:
    """The training sequences of ``pages``: each non-blank line's features and state."""
    numbers: dict[str, int] = {}
    number = numbers.setdefault
    features, states = array("I"), array("I")
    features_per_line, lines_per_sequence = array("I"), array("I")
    count = page_lines = 0
    for page in pages:
        indices, items = sequence_items(page.lines)
        if not items:
            continue
        for item in items:
            features.extend(number(feature, len(numbers)) for feature in item)
            features_per_line.append(len(item))
        line_states = model_states(["body" if page.roles[i] == "blank" else page.roles[i] for i in indices])
        states.extend(number(state, len(numbers)) for state in line_states)
        lines_per_sequence.append(len(items))
        count += 1
        page_lines += len(page.lines)
    return EncodedSequences(
        list(numbers), features, states, features_per_line, lines_per_sequence, count, page_lines
    )


def decoded_sequences(encoded: EncodedSequences) -> Iterator[tuple[list[list[str]], list[str]]]:
    """The ``(items, states)`` of each sequence of ``encoded``, as :func:`encode_sequences` read them."""
    strings = encoded.strings.__getitem__
    feature_at = line_at = 0
    for lines in encoded.lines_per_sequence:
        items: list[list[str]] = []
        for size in encoded.features_per_line[line_at : line_at + lines]:
            items.append(list(map(strings, encoded.features[feature_at : feature_at + size])))
            feature_at += size
        yield items, list(map(strings, encoded.states[line_at : line_at + lines]))
        line_at += lines


def _encode_job(stream: Stream, pages: Sequence[LabelledPage], seed: int, copies: int) -> EncodedSequences:
    return encode_sequences(stream(pages, seed, copies))


def _train_job(
    stream: Stream, pages: Sequence[LabelledPage], seed: int, copies: int, out: Path, options: dict[str, Any]
) -> tuple[int, int]:
    return train_model(stream(pages, seed, copies), out, options)


def train_model(
    pages: Iterable[LabelledPage], out: Path, options: dict[str, Any] | None = None
) -> tuple[int, int]:
    """Train a CRF on ``pages`` and write it to ``out``; returns (pages, lines) trained on."""
    return train_encoded([encode_sequences(pages)], out, options)


def train_encoded(
    parts: Sequence[EncodedSequences], out: Path, options: dict[str, Any] | None = None
) -> tuple[int, int]:
    """Train a CRF on the sequences of ``parts``, in their order, and write it to ``out``; returns
    (pages, lines) trained on."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({**CRF_OPTIONS, **(options or {})})
    for part in parts:
        for items, states in decoded_sequences(part):
            trainer.append(items, states)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return sum(part.pages for part in parts), sum(part.page_lines for part in parts)


def tag_pages(model: Path, pages: Sequence[LabelledPage]) -> list[list[Role]]:
    tagger = Labeller(model.read_bytes())
    return [tagger.label(page.lines) for page in pages]


def role_scores(
    gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]
) -> dict[str, tuple[float, float, float, int]]:
    """Line-level precision, recall, F1 and support per role."""
    true_pos: dict[str, int] = dict.fromkeys(ROLES, 0)
    gold_count: dict[str, int] = dict.fromkeys(ROLES, 0)
    pred_count: dict[str, int] = dict.fromkeys(ROLES, 0)
    for gold_page, pred_page in zip(gold, predicted, strict=True):
        for expected, got in zip(gold_page, pred_page, strict=True):
            gold_count[expected] = gold_count.get(expected, 0) + 1
            pred_count[got] = pred_count.get(got, 0) + 1
            if expected == got:
                true_pos[expected] = true_pos.get(expected, 0) + 1
    scores: dict[str, tuple[float, float, float, int]] = {}
    for role in ROLES:
        precision = true_pos[role] / pred_count[role] if pred_count[role] else 0.0
        recall = true_pos[role] / gold_count[role] if gold_count[role] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[role] = (precision, recall, f1, gold_count[role])
    return scores


def format_scores(name: str, scores: dict[str, tuple[float, float, float, int]]) -> str:
    rows = [f"{name}", f"  {'role':<10} {'P':>6} {'R':>6} {'F1':>6} {'lines':>7}"]
    for role, (precision, recall, f1, support) in scores.items():
        if support:
            rows.append(f"  {role:<10} {precision:6.3f} {recall:6.3f} {f1:6.3f} {support:7d}")
    return "\n".join(rows)


def evaluate_sets(model: Path, sets: dict[str, list[LabelledPage]]) -> list[str]:
    blocks: list[str] = []
    for name, pages in sets.items():
        if not pages:
            continue
        predicted = tag_pages(model, pages)
        scores = role_scores([p.roles for p in pages], predicted)
        blocks.append(
            format_scores(f"{name} ({len(pages)} pages, {sum(len(p.lines) for p in pages)} lines)", scores)
        )
    return blocks


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m liaocheng_tui.parse.train", description=__doc__.splitlines()[0]
    )
    parser.add_argument("corpus", type=Path, help="folder with pages.jsonl.gz and splits.json")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the model and its card")
    parser.add_argument("--seed", type=int, default=20260717)
    parser.add_argument(
        "--max-pages", type=int, default=0, help="train on the first N train pages only (0: all)"
    )
    parser.add_argument("--augment-copies", type=int, default=3, help="damaged copies of each train page")
    parser.add_argument("--max-iterations", type=int, default=CRF_OPTIONS["max_iterations"])
    parser.add_argument("--no-eval", action="store_true", help="skip the scores")
    parser.add_argument(
        "--no-key-pages", action="store_true", help="leave out the seed pages and tests/data/unseen pages"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    corpus: Path = args.corpus
    pages_path = corpus / "pages.jsonl.gz"
    splits_path = corpus / "splits.json"
    if not pages_path.is_file() or not splits_path.is_file():
        print(f"error: {corpus} lacks pages.jsonl.gz or splits.json", file=sys.stderr)
        return 2
    started = time.monotonic()
    splits = json.loads(splits_path.read_text(encoding="utf-8"))
    train_days, dev_days = set(splits["train"]), set(splits["dev"])
    train: list[LabelledPage] = []
    dev: list[LabelledPage] = []
    for record in read_pages(pages_path):
        if record["date"] in train_days:
            train.append(labelled(record))
        elif record["date"] in dev_days:
            dev.append(labelled(record))
    train.sort(key=lambda page: page.key)
    dev.sort(key=lambda page: page.key)
    if args.max_pages:
        train = train[: args.max_pages]
    corpus_pages = len(train)
    keyed = [] if args.no_key_pages else read_key_pages()
    train += keyed
    copies: int = args.augment_copies

    options = {**CRF_OPTIONS, "max_iterations": args.max_iterations}
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    model = out_dir / MODEL_NAME
    second = out_dir / UNPUNCTUATED_MODEL_NAME
    with tempfile.TemporaryDirectory() as scratch, ProcessPoolExecutor(max_workers=2) as pool:
        # Two processes, one per core: crfsuite trains on one thread. The first model trains for
        # about twice as long as the second, so both cores first work out its features, half the
        # pages each; then one trains it while the other does all of the second model.
        middle = len(train) // 2
        halves = [
            pool.submit(_encode_job, training_pages, part, args.seed, copies)
            for part in (train[:middle], train[middle:])
        ]
        first_job = pool.submit(
            train_encoded, [half.result() for half in halves], Path(scratch) / MODEL_NAME, options
        )
        second_job = pool.submit(
            _train_job,
            unpunctuated_training_pages,
            train,
            args.seed,
            UNPUNCTUATED_COPIES,
            Path(scratch) / UNPUNCTUATED_MODEL_NAME,
            options,
        )
        page_count, line_count = first_job.result()
        second_pages, second_lines = second_job.result()
        model.write_bytes((Path(scratch) / MODEL_NAME).read_bytes())
        second.write_bytes((Path(scratch) / UNPUNCTUATED_MODEL_NAME).read_bytes())
    trained = time.monotonic() - started
    options_line = f"options: {json.dumps(options, sort_keys=True)}"
    timing = [
        f"  training took {trained:.0f} s of wall-clock time for both models, one per core",
        f"  (reading and damaging the pages, features, L-BFGS) on {os.cpu_count()} cores,"
        f" load average {os.getloadavg()[0]:.1f} when it ended",
    ]
    origin = [
        f"trained on: {corpus_pages} pages of the corpus train split ({pages_path.name}, splits.json 'train')",
        f"  and {len(keyed)} keyed pages (the 5 seeds with tests/data/seeds.gold.json, tests/data/unseen with",
        "  expected.json; labels aligned from the keys by liaocheng_tui.parse.derive.key_roles, so scores on",
        "  those pages are on training data),",
    ]
    labels = [
        "labels: kicker/title/subtitle/body/blank from the corpus; byline, credit, caption derived by rules",
        "  (liaocheng_tui.parse.derive); furniture = the corpus's 'other' lines and augmentation's inserted furniture.",
        "states: the model labels non-blank lines with the roles, a story's first body line as body.first and",
        "  a headline's later lines as title.more (liaocheng_tui.parse.roles.model_states); both map back to their role.",
    ]
    card = [
        "Line-role model (linear-chain CRF, python-crfsuite, L-BFGS) of liaocheng_tui.parse.labeller",
        "",
        *origin,
        f"  each once clean and {_times(copies)} damaged (liaocheng_tui.parse.augment.damage, then",
        f"  other papers' house styles by liaocheng_tui.parse.augment.house_styles, seed {args.seed}):",
        f"  {page_count} page sequences, {line_count} lines. Never on the dev split or crosspaper.jsonl.gz.",
        *labels,
        options_line,
        f"model size: {model.stat().st_size} bytes;",
        *timing,
        "",
    ]
    second_card = [
        "Line-role model for pages set without punctuation (linear-chain CRF, python-crfsuite, L-BFGS)",
        "of liaocheng_tui.parse.labeller, which reads a page with it when liaocheng_tui.parse.labeller.is_unpunctuated",
        "",
        *origin,
        f"  each once clean and {_times(UNPUNCTUATED_COPIES)} damaged (liaocheng_tui.parse.augment.damage and"
        f" house_styles, seed {args.seed}),",
        "  then without their marks of sentences and clauses (liaocheng_tui.parse.augment.strip_punctuation:",
        "  every line but furniture):",
        f"  {second_pages} page sequences, {second_lines} lines. Never on the dev split or crosspaper.jsonl.gz.",
        *labels,
        options_line,
        f"model size: {second.stat().st_size} bytes;",
        *timing,
        "",
    ]
    if not args.no_eval:
        sets: dict[str, list[LabelledPage]] = {
            "dev clean": dev,
            f"dev damaged (seed {args.seed})": [damaged(p, args.seed, 1000) for p in dev],
        }
        cross_path = corpus / "crosspaper.jsonl.gz"
        if cross_path.is_file():
            cross = sorted((labelled(r) for r in read_pages(cross_path)), key=lambda p: p.key)
            sets["crosspaper clean"] = cross
            sets[f"crosspaper damaged (seed {args.seed})"] = [damaged(p, args.seed, 1000) for p in cross]
        card.append("Line-level scores (per role: precision, recall, F1, gold lines):")
        card += evaluate_sets(model, sets)
        second_card.append(
            "Line-level scores on the same pages without punctuation (per role: P, R, F1, gold lines):"
        )
        second_card += evaluate_sets(
            second,
            {f"{name} without punctuation": [unpunctuated(p) for p in pages] for name, pages in sets.items()},
        )
    for name, lines in ((CARD_NAME, card), (UNPUNCTUATED_CARD_NAME, second_card)):
        text = "\n".join(lines) + "\n"
        (out_dir / name).write_text(text, encoding="utf-8")
        print(text, end="")
    print(f"total time {time.monotonic() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
