"""The line-role labeller: one role per line of a page, from the packaged CRF model.

The model (``model/line_roles.crfsuite``, trained by :mod:`liaocheng_tui.parse.train`) is read
once, on first use, through importlib.resources; that is the only I/O of the parser. A missing or
unreadable model raises :class:`ModelUnavailable`, so the caller can decide what to fall back on.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from importlib import resources

import pycrfsuite

from liaocheng_tui.parse.features import sequence_items
from liaocheng_tui.parse.normalize import Line
from liaocheng_tui.parse.roles import STATES, Role, role_of_state

MODEL_PACKAGE = "liaocheng_tui.parse"
MODEL_DIR = "model"
MODEL_NAME = "line_roles.crfsuite"


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

    def label(self, lines: Sequence[str], normalised: Sequence[Line] | None = None) -> list[Role]:
        """One role per line: ``blank`` for the empty lines, the model's roles for the others.
        ``normalised`` is ``lines_of(lines)`` where the caller has it already."""
        roles: list[Role] = ["blank"] * len(lines)
        indices, items = sequence_items(lines, normalised)
        if not items:
            return roles
        with self._lock:
            tags = self._tagger.tag(items)
        for index, tag in zip(indices, tags, strict=True):
            roles[index] = role_of_state(tag)
        return roles


_lock = threading.Lock()
_labeller: Labeller | None = None


def load_model_bytes() -> bytes:
    """The packaged model file's bytes."""
    try:
        return resources.files(MODEL_PACKAGE).joinpath(MODEL_DIR, MODEL_NAME).read_bytes()
    except (OSError, ModuleNotFoundError) as error:
        raise ModelUnavailable(
            f"the line-role model {MODEL_NAME} is missing from the package: retrain it with "
            "python -m liaocheng_tui.parse.train CORPUS_DIR"
        ) from error


def default_labeller() -> Labeller:
    """The labeller of the packaged model, loaded once."""
    global _labeller
    with _lock:
        if _labeller is None:
            _labeller = Labeller(load_model_bytes())
        return _labeller


def label_lines(lines: Sequence[str], normalised: Sequence[Line] | None = None) -> list[Role]:
    """One role per input line (lines as ``normalize.split_lines(text)`` gives them; ``normalised``
    is their ``normalize.lines_of`` where the caller has it already)."""
    return default_labeller().label(lines, normalised)
