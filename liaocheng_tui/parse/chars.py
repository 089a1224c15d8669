"""Character classes shared by the parser: Han script, CJK punctuation, headline weight.

Kept in one place so that every module agrees on what counts as a Chinese character (the
conservation promise is stated in these terms) and on where a sentence ends.
"""

from __future__ import annotations

import re

# Han script: CJK unified ideographs with all extensions, compatibility ideographs, radicals,
# and the two ideographic signs 々 and 〇 that Unicode also assigns to the Han script.
HAN_CLASS = (
    "\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9"
    "\U00016fe2\U00016fe3\U00016ff0\U00016ff1"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U0002ebf0-\U0002ee5d"
    "\U0002f800-\U0002fa1f\U00030000-\U0003134f\U00031350-\U000323af"
)
HAN_RE = re.compile(f"[{HAN_CLASS}]")
HAN_RUN_RE = re.compile(f"[{HAN_CLASS}]+")

# Punctuation that sits between Chinese characters: CJK symbols, full-width forms, curly quotes,
# dashes, ellipsis and the middle dot used in names and mastheads.
CJK_PUNCT_CLASS = (
    "\u3000-\u303f\uff00-\uffef\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u2027\u00b7\u2022\u25a0-\u25ff"
)
WIDE_CLASS = HAN_CLASS + CJK_PUNCT_CLASS

# Where a sentence may end: a final mark, optionally followed by closing quotes or brackets.
_TERMINAL_RE = re.compile(r"[。！？!?…；;：:]+[”’」』）)》】\"']*$")
_ALNUM_RE = re.compile(r"[0-9A-Za-z]")
_OPENERS = "“‘「『（(《【"
_CLOSERS = "”’」』）)》】"
_INNER_STOP_RE = re.compile(r"[。！？!?；;]")


def han_count(text: str) -> int:
    """Number of Han characters in ``text``."""
    # Runs, not characters: a few strings per line instead of one per character (2.5x faster).
    return sum(map(len, HAN_RUN_RE.findall(text)))


def weight(text: str) -> float:
    """Headline weight: a Han character counts 1, a Latin letter or digit counts 1/2."""
    return han_count(text) + len(_ALNUM_RE.findall(text)) / 2


def ends_sentence(text: str) -> bool:
    """True if ``text`` ends with sentence-final punctuation (closing quotes may follow)."""
    return bool(_TERMINAL_RE.search(text.rstrip()[-24:]))


def has_inner_stop(text: str) -> bool:
    """True if a sentence-final mark occurs before the last character (prose, not a headline)."""
    return bool(_INNER_STOP_RE.search(text.rstrip()[:-1]))


def unbalanced(text: str) -> bool:
    """True if ``text`` opens more brackets or quotes than it closes."""
    return sum(text.count(ch) for ch in _OPENERS) > sum(text.count(ch) for ch in _CLOSERS)
