"""Answers of the line grammars kept for the lines asked again.

A page asks the same grammar of the same line several times: the labeller's features, the line
rules, the unit rules and the assembler each ask whether a line is a byline, a lead or a line of
furniture. The answers depend on the line's text alone, so each grammar keeps its latest answers
(:func:`memoised`); parsing stays a pure function. :func:`clear_caches` forgets them all, for a
benchmark that must not be answered from an earlier pass over the same pages.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import _lru_cache_wrapper, lru_cache
from typing import ParamSpec, TypeVar, cast

_P = ParamSpec("_P")
_R = TypeVar("_R")

# Lines kept per grammar: a long page's worth, so that every line a page asks again is answered
# from memory; under a megabyte for each grammar's lines and answers.
LINES_KEPT = 2048

_caches: list[_lru_cache_wrapper[object]] = []


def memoised(grammar: Callable[_P, _R]) -> Callable[_P, _R]:
    """``grammar`` answering from memory for the latest :data:`LINES_KEPT` arguments it was asked
    of. Only for functions of hashable arguments whose answer never changes and is never changed by
    whoever gets it: a bool, a string, a tuple of strings, or an answer holding lists that only a
    public function reads, handing out copies (``byline.split_lead`` of ``_split_lead``)."""
    cached = lru_cache(maxsize=LINES_KEPT)(grammar)
    _caches.append(cast("_lru_cache_wrapper[object]", cached))
    return cast("Callable[_P, _R]", cached)


def clear_caches() -> None:
    """Forget every memoised answer."""
    for cache in _caches:
        cache.cache_clear()
