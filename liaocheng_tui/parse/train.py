"""Train the line-role model from the labelled corpus: ``python -m liaocheng_tui.parse.train CORPUS_DIR``.

Reads ``pages.jsonl.gz`` and ``splits.json`` from CORPUS_DIR and trains a linear-chain CRF
(python-crfsuite, L-BFGS) on the pages of the **train** split only: each page once clean and
``--augment-copies`` times damaged by :func:`liaocheng_tui.parse.augment.damage` with a seeded
generator. ``crosspaper.jsonl.gz``, when present, is only scored, never trained on. Byline, credit,
caption and furniture labels are derived by rules (:mod:`liaocheng_tui.parse.derive`).

A second model, for pages set without punctuation, is trained on the same pages with their marks
of sentences and clauses taken out (:func:`liaocheng_tui.parse.augment.strip_punctuation`), each
once clean and once damaged.

A model may be the mean of several **members** (``--members``, ``--unpunctuated-members``): each
trained alike on its own damage draw (seeds ``--seed``, ``--seed`` + 1, …) and averaged weight by
weight (:func:`liaocheng_tui.parse.crf_model.average`), which tags as the sum of their scores and
varies less with the draw than any one member. Members train two at a time, one per core.

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
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

from liaocheng_tui.parse.augment import damage, house_styles, strip_punctuation
from liaocheng_tui.parse.crf_model import average, read_model, write_model
from liaocheng_tui.parse.derive import derive_roles, key_roles
from liaocheng_tui.parse.features import Item, sequence_items
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
# Models trained alike on different damage draws and averaged into one (liaocheng_tui.parse.crf_model):
# the mean varies less with the draw than any one of them, and tags as fast as one.
MEMBERS = 3
UNPUNCTUATED_MEMBERS = 1
# L-BFGS iterations of each member of a model of several: the mean of three members stopped at 60
# scored as the mean of three trained to 120 on the damaged dev pages, in half the time.
MEMBER_ITERATIONS = 60
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


def training_sequences(pages: Iterable[LabelledPage]) -> Iterator[tuple[LabelledPage, list[Item], list[str]]]:
    """Each page that has a line of text, with its non-blank lines' feature items and states: the
    sequences the model trains on."""
    for page in pages:
        indices, items = sequence_items(page.lines)
        if items:
            yield (
                page,
                items,
                model_states(["body" if page.roles[i] == "blank" else page.roles[i] for i in indices]),
            )


def _train_job(
    stream: Stream, pages: Sequence[LabelledPage], seed: int, copies: int, options: dict[str, Any]
) -> tuple[int, int, bytes]:
    """One member, trained in a worker: the pages and lines it trained on, and its model file."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "member.crfsuite"
        page_count, line_count = train_model(stream(pages, seed, copies), path, options)
        return page_count, line_count, path.read_bytes()


def train_model(
    pages: Iterable[LabelledPage], out: Path, options: dict[str, Any] | None = None
) -> tuple[int, int]:
    """Train a CRF on ``pages`` and write it to ``out``; returns (pages, lines) trained on. The pages
    stream into crfsuite, which keeps its own copy of each sequence."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({**CRF_OPTIONS, **(options or {})})
    count = page_lines = 0
    for page, items, states in training_sequences(pages):
        trainer.append(items, states)
        count += 1
        page_lines += len(page.lines)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return count, page_lines


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


def member_seeds(seed: int, members: int) -> list[int]:
    """The damage seeds of a model's members: ``seed`` for the first, the numbers after it for the others."""
    return [seed + member for member in range(members)]


def averaged_model(member_models: Sequence[bytes]) -> bytes:
    """One model file from its members' (one member's file as it is): every weight their mean."""
    if len(member_models) == 1:
        return member_models[0]
    return write_model(average([read_model(member) for member in member_models]))


def _train_members(
    train: Sequence[LabelledPage],
    seed: int,
    copies: int,
    members: tuple[int, int],
    options: tuple[dict[str, Any], dict[str, Any]],
    out: tuple[Path, Path],
) -> tuple[int, int, int, int]:
    """Train both models' members, two at a time (crfsuite trains on one thread), the first
    model's before the second's, which take half as long; write each model as its members' mean.
    Returns the pages and lines each model's first member trained on."""
    models = (
        (training_pages, copies, members[0], options[0], out[0]),
        (unpunctuated_training_pages, UNPUNCTUATED_COPIES, members[1], options[1], out[1]),
    )
    counts: list[tuple[int, int]] = []
    with ProcessPoolExecutor(max_workers=2) as pool:
        jobs = [
            [
                pool.submit(_train_job, stream, train, member_seed, stream_copies, stream_options)
                for member_seed in member_seeds(seed, count)
            ]
            for stream, stream_copies, count, stream_options, _ in models
        ]
        for model_jobs, (*_, model_out) in zip(jobs, models, strict=True):
            trained = [job.result() for job in model_jobs]
            model_out.write_bytes(averaged_model([model for _, _, model in trained]))
            counts.append(trained[0][:2])  # the first member's draw, which the card describes
    (first_pages, first_lines), (second_pages, second_lines) = counts
    return first_pages, first_lines, second_pages, second_lines


def _seeds(seed: int, members: int) -> str:
    seeds = member_seeds(seed, members)
    return f"seed {seed}" if members == 1 else f"seeds {seeds[0]} to {seeds[-1]}, one per member"


def _each(members: int) -> str:
    return "" if members == 1 else " in the first member's draw"


def _members_note(members: int) -> list[str]:
    if members == 1:
        return []
    return [
        f"members: {members} models trained alike, each on its own damage draw, averaged weight by weight",
        "  into this one (liaocheng_tui.parse.crf_model.average): it tags as the sum of their scores.",
    ]


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def at_least_one(what: str) -> Callable[[str], int]:
    """An argparse type for a count of ``what`` there must be at least one of (``what``: "a number
    of seeds"), which refuses anything else with that name."""

    def count(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number < 1:
            raise argparse.ArgumentTypeError(f"{value!r} is not {what} (1 or more)")
        return number

    return count


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
    for flag, what, default, meaning in (
        (
            "--max-iterations",
            "iterations",
            CRF_OPTIONS["max_iterations"],
            "L-BFGS iterations of a model of one member",
        ),
        (
            "--member-iterations",
            "iterations",
            MEMBER_ITERATIONS,
            "the same for each member of a model of several",
        ),
        ("--members", "members", MEMBERS, "models trained on their own damage draws and averaged"),
        ("--unpunctuated-members", "members", UNPUNCTUATED_MEMBERS, "the same for the second model"),
    ):
        parser.add_argument(flag, type=at_least_one(f"a number of {what}"), default=default, help=meaning)
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

    members: int = args.members
    second_members: int = args.unpunctuated_members
    options, second_options = (
        {**CRF_OPTIONS, "max_iterations": args.member_iterations if count > 1 else args.max_iterations}
        for count in (members, second_members)
    )
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    model = out_dir / MODEL_NAME
    second = out_dir / UNPUNCTUATED_MODEL_NAME
    page_count, line_count, second_pages, second_lines = _train_members(
        train, args.seed, copies, (members, second_members), (options, second_options), (model, second)
    )
    trained = time.monotonic() - started
    options_line, second_options_line = (
        f"options: {json.dumps(model_options, sort_keys=True)}" for model_options in (options, second_options)
    )
    timing = [
        f"  training took {trained:.0f} s of wall-clock time for both models' members, two at a time",
        f"  (reading and damaging the pages, features, L-BFGS, averaging) on {os.cpu_count()} cores,"
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
        f"  other papers' house styles by liaocheng_tui.parse.augment.house_styles, {_seeds(args.seed, members)}):",
        f"  {page_count} page sequences, {line_count} lines{_each(members)}. Never on the dev split or crosspaper.jsonl.gz.",
        *_members_note(members),
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
        f" house_styles, {_seeds(args.seed, second_members)}),",
        "  then without their marks of sentences and clauses (liaocheng_tui.parse.augment.strip_punctuation:",
        "  every line but furniture):",
        f"  {second_pages} page sequences, {second_lines} lines{_each(second_members)}. Never on the dev split or crosspaper.jsonl.gz.",
        *_members_note(second_members),
        *labels,
        second_options_line,
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
