"""Character folding and index tokens shared by the store, the search and highlighting.

Folding maps every character to exactly one character, so an offset into folded text is the
same offset into the original.  That is what lets the search match on folded text and still
report highlight spans into the stored, unfolded text.

Folding = NFKC width/compatibility folding (full-width ASCII and punctuation to half-width,
U+3000 to a space, compatibility ideographs to unified ones) followed by case folding, each
applied only where it yields a single character.

Index tokens are derived from folded text only (no dictionary, no HMM), so the tokens of a
stored article can always be recomputed exactly, which contentless FTS5 tables need for deletes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Han ranges listed explicitly so that ideographs newer than Python's Unicode tables still count.
_HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x2FDF),  # CJK radicals supplement, Kangxi radicals
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3021, 0x3029),  # Hangzhou numerals
    (0x3038, 0x303B),
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x2A6DF),  # extension B
    (0x2A700, 0x2EBEF),  # extensions C, D, E, F, I
    (0x2EBF0, 0x2EE5F),  # extension I
    (0x2F800, 0x2FA1F),  # compatibility supplement
    (0x30000, 0x323AF),  # extensions G, H
)


# Regexes do the per-character work in C: ingest and highlighting call these on every character.
HAN_CLASS = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in _HAN_RANGES)
HAN_RE = re.compile(f"[{HAN_CLASS}]")
# The regex engine's ``\w`` is exactly ``str.isalnum()`` plus "_", so runs of this class split at
# "_" are the word runs; one character class is about twice as fast as an alternation.
_WORD_RUN_RE = re.compile(f"[\\w{HAN_CLASS}]+")


def is_han(char: str) -> bool:
    """True for a Chinese ideograph from any Unicode block, including the extensions."""
    return HAN_RE.match(char) is not None


def _fold_one(char: str) -> str:
    folded = char
    for _ in range(3):  # iterate to a fixed point so that fold(fold(x)) == fold(x)
        step = folded
        normal = unicodedata.normalize("NFKC", step)
        if len(normal) == 1:
            step = normal
        lower = step.casefold()
        if len(lower) != 1:
            lower = step.lower()
        if len(lower) == 1:
            step = lower
        if step == folded:
            break
        folded = step
    return folded


class _FoldTable(dict[int, int]):
    """A lazily filled ``str.translate`` table: each code point is folded once per process."""

    def __missing__(self, code: int) -> int:
        if 0xD800 <= code <= 0xDFFF:
            target = code
        else:
            target = ord(_fold_one(chr(code)))
        self[code] = target
        return target


_FOLD_TABLE = _FoldTable()

# Characters that fold to themselves, so ``fold`` can skip them: ASCII other than A-Z, the CJK
# unified ideographs (tests/test_search.py checks every one) and common CJK punctuation (checked
# here).  ``str.translate`` costs about 50 ns a character through a dict; a regex scan that finds
# nothing to change costs about 1 ns, and Chinese text rarely has anything to change.
_CJK_PUNCTUATION = "、。〃〈〉《》「」『』【】〔〕〖〗〘〙〚〛〜〝〞〟…—–‘’“”·•■□●○◆◇★☆▲△※№℃"
assert all(_fold_one(char) == char for char in _CJK_PUNCTUATION)
FOLD_SAFE_CLASS = "\\x00-@\\[-\\x7f\\u4e00-\\u9fff" + re.escape(_CJK_PUNCTUATION)
_NEEDS_FOLD_RE = re.compile(f"[^{FOLD_SAFE_CLASS}]")


def _fold_match(match: re.Match[str]) -> str:
    return chr(_FOLD_TABLE[ord(match.group())])


def fold(text: str) -> str:
    """Width- and case-fold ``text`` one character for one character (same length, same offsets)."""
    if text.isascii():
        return text.lower()
    return _NEEDS_FOLD_RE.sub(_fold_match, text)


def is_word_char(char: str) -> bool:
    """A character that belongs to a bigram run: Han, or any letter/digit (after folding)."""
    return char.isalnum() or is_han(char)


def word_runs(folded: str) -> Iterator[str]:
    """Maximal runs of word characters in already folded text."""
    for run in _WORD_RUN_RE.findall(folded):
        if "_" in run:
            yield from (part for part in run.split("_") if part)
        else:
            yield run


# A one-character token: bigram tokens always have two characters, so it never collides.
GAP_TOKEN = "g"


def bigram_tokens(fields: list[str]) -> str:
    """The bigram-index text for a group of fields, as space-separated tokens.

    Each word run of 2+ characters becomes its overlapping bigrams; a gap token separates
    runs and fields, so a phrase of bigrams only matches inside one run of one field.
    ASCII letters and digits are lower-cased by folding, which the ``ascii`` tokenizer keeps.
    """
    parts: list[str] = []
    for field in fields:
        for run in word_runs(fold(field)):
            if len(run) < 2:
                continue
            if parts:
                parts.append(GAP_TOKEN)
            parts.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(parts)


def char_token(char: str) -> str:
    """The single-character index token of one folded, non-space character.

    The ``ascii`` tokenizer treats ASCII punctuation as a separator, so ASCII characters that
    are not letters or digits are spelt as ``x`` plus their hex code (never a 1-char token).
    """
    if char.isascii() and not char.isalnum():
        return f"x{ord(char):02x}"
    return char


def char_tokens(fields: list[str]) -> str:
    """The single-character index text for a group of fields: each distinct character once."""
    seen: set[str] = set()
    for field in fields:
        seen.update(fold(field))
    return " ".join(sorted(char_token(char) for char in seen if not char.isspace()))


def bigram_phrase(folded_run: str) -> str:
    """The tokens of a 2+ character folded word run, space-separated (an FTS5 phrase body)."""
    return " ".join(folded_run[i : i + 2] for i in range(len(folded_run) - 1))
