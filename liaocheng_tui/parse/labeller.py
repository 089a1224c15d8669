"""The line-role labeller: one role per line of a page, from the packaged CRF models.

Two models, both trained by :mod:`liaocheng_tui.parse.train`: ``model/line_roles.crfsuite`` for
pages as papers print them today, and ``model/line_roles_unpunctuated.crfsuite`` for pages set
without punctuation (papers before modern punctuation, some OCR), where the end of a line, the
strongest sign of a paragraph, says nothing and the first model takes long paragraphs for
headlines. :func:`is_unpunctuated` chooses. Each model is read once, on first use, through
importlib.resources; that is the only I/O of the parser. A missing or unreadable model raises
:class:`ModelUnavailable`, so the caller can decide what to fall back on (a missing second model:
the first one).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from importlib import resources
from itertools import pairwise

import pycrfsuite

from liaocheng_tui.parse.chars import HAN_RE, ends_sentence
from liaocheng_tui.parse.features import sequence_items
from liaocheng_tui.parse.normalize import Line, lines_of
from liaocheng_tui.parse.roles import NO_PAIRS, STATES, HeaderPair, Reading, Role, role_of_state

MODEL_PACKAGE = "liaocheng_tui.parse"
MODEL_DIR = "model"
MODEL_NAME = "line_roles.crfsuite"
UNPUNCTUATED_MODEL_NAME = "line_roles_unpunctuated.crfsuite"

# The marks that end sentences and clauses. Colons are left out: a web page's meta lines keep
# theirs (来源：) where its text has none.
_CLAUSE_MARKS = "，。、；！？,;!?"  # the commonest first
# Under one mark per hundred Chinese characters: a page of today's prose has five to ten; the
# corpus pages with their marks taken out have at most 0.6, from their furniture lines.
_UNPUNCTUATED_SHARE = 0.01
_UNPUNCTUATED_MIN_HAN = 100  # fewer characters do not say how the page is set


class ModelUnavailable(RuntimeError):
    """The packaged line-role model is missing or cannot be read."""


class Labeller:
    """A CRF tagger over a page's lines; one lock, so threads may share it."""

    def __init__(self, model: bytes) -> None:
        # crfsuite reads the model in place, without a copy: the bytes must live as long as the tagger.
        self._model = bytes(model)
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open_inmemory(self._model)
        except (OSError, ValueError, RuntimeError) as error:
            raise ModelUnavailable(f"the line-role model cannot be read: {error}") from error
        self._lock = threading.Lock()
        known = set(self._tagger.labels())
        if not known <= set(STATES):
            raise ModelUnavailable(f"the line-role model has unknown states: {sorted(known - set(STATES))}")
        self._weighs_pairs = {"kicker", "title", "subtitle"} <= known

    def label(self, lines: Sequence[str], normalised: Sequence[Line] | None = None) -> list[Role]:
        """One role per line: ``blank`` for the empty lines, the model's roles for the others.
        ``normalised`` is ``lines_of(lines)`` where the caller has it already."""
        return self.read(lines, normalised).roles

    def read(self, lines: Sequence[str], normalised: Sequence[Line] | None = None) -> Reading:
        """The page's roles (:meth:`label`), and how the model would read each pair of short lines
        that open a block (:func:`opening_pairs`) if they head a story: as kicker and headline, or
        as headline and subtitle, whichever path through the two it finds likelier (the product
        of their states' marginal probabilities). The line rules find such pairs heading stories
        where the model read them as text, and ask it which line is the headline."""
        if normalised is None:
            normalised = lines_of(lines)
        roles: list[Role] = ["blank"] * len(lines)
        indices, items = sequence_items(lines, normalised)
        if not items:
            return Reading(roles, NO_PAIRS)
        position = {index: place for place, index in enumerate(indices)}
        pairs: dict[tuple[int, int], HeaderPair] = {}
        with self._lock:
            tags = self._tagger.tag(items)
            if self._weighs_pairs:
                marginal = self._tagger.marginal
                for first in opening_pairs(normalised):
                    if first not in position or first + 1 not in position:
                        continue  # a line of marks alone, which the model is not shown
                    upper, lower = position[first], position[first + 1]
                    kicker_over_title = marginal("kicker", upper) * marginal("title", lower)
                    title_over_subtitle = marginal("title", upper) * marginal("subtitle", lower)
                    pairs[first, first + 1] = (
                        ("kicker", "title")
                        if kicker_over_title >= title_over_subtitle
                        else ("title", "subtitle")
                    )
        for index, tag in zip(indices, tags, strict=True):
            roles[index] = role_of_state(tag)
        return Reading(roles, pairs)


_PAIR_LONGEST = 40  # characters: no headline line is longer (features._HEADLINE_MAX)


def opening_pairs(lines: Sequence[Line]) -> list[int]:
    """The first indices of the pairs of lines that open a block (the page's first line, or one
    under a blank line), both short and ending no sentence: a two-line header block could be
    printed so."""
    return [
        index
        for index, (upper, lower) in enumerate(pairwise(lines))
        if upper.text
        and lower.text
        and (index == 0 or not lines[index - 1].text)
        and len(upper.text) <= _PAIR_LONGEST
        and len(lower.text) <= _PAIR_LONGEST
        and not ends_sentence(upper.text)
        and not ends_sentence(lower.text)
    ]


def is_unpunctuated(lines: Sequence[str]) -> bool:
    """Whether a page is set without punctuation: fewer than one mark that ends a sentence or a
    clause per hundred Chinese characters, on a page of at least a hundred."""
    text = "\n".join(lines)
    # Counted mark by mark, the commonest first, up to the share that answers most pages: their
    # other marks and their characters need no counting.
    enough = _UNPUNCTUATED_SHARE * len(text)
    marks = 0
    for mark in _CLAUSE_MARKS:
        marks += text.count(mark)
        if marks >= enough:
            return False
    han = len(HAN_RE.findall(text))
    return han >= _UNPUNCTUATED_MIN_HAN and marks < _UNPUNCTUATED_SHARE * han


_lock = threading.Lock()
# The loaded labellers by model file name; None where the package lacks that model.
_labellers: dict[str, Labeller | None] = {}


def load_model_bytes(name: str = MODEL_NAME) -> bytes:
    """A packaged model file's bytes."""
    try:
        return resources.files(MODEL_PACKAGE).joinpath(MODEL_DIR, name).read_bytes()
    except (OSError, ModuleNotFoundError) as error:
        raise ModelUnavailable(
            f"the line-role model {name} is missing from the package: retrain it with "
            "python -m liaocheng_tui.parse.train CORPUS_DIR"
        ) from error


def packaged_labeller(name: str = MODEL_NAME) -> Labeller:
    """The labeller of a packaged model, loaded once (a missing model is looked for once too)."""
    with _lock:
        if name not in _labellers:
            try:
                _labellers[name] = Labeller(load_model_bytes(name))
            except ModelUnavailable:
                _labellers[name] = None
                raise
        labeller = _labellers[name]
    if labeller is None:
        raise ModelUnavailable(f"the line-role model {name} is missing or unreadable")
    return labeller


def default_labeller() -> Labeller:
    """The labeller of the packaged model for punctuated pages, loaded once."""
    return packaged_labeller(MODEL_NAME)


def label_lines(lines: Sequence[str], normalised: Sequence[Line] | None = None) -> list[Role]:
    """One role per input line (lines as ``normalize.split_lines(text)`` gives them; ``normalised``
    is their ``normalize.lines_of`` where the caller has it already), from the model for the way
    the page is set."""
    return read_lines(lines, normalised).roles


def read_lines(lines: Sequence[str], normalised: Sequence[Line] | None = None) -> Reading:
    """:func:`label_lines` with the pairs of short lines weighed too (:meth:`Labeller.read`)."""
    if is_unpunctuated(lines):
        try:
            return packaged_labeller(UNPUNCTUATED_MODEL_NAME).read(lines, normalised)
        except ModelUnavailable:
            pass  # an install without the second model reads such pages with the first, less well
    return default_labeller().read(lines, normalised)
