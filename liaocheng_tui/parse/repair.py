"""Whole-page repairs before a page is read: what an extraction tool did to every line of it.

- A web scrape that kept HTML entities (``&nbsp;&nbsp;正文``, ``&ldquo;``) gets them decoded, so
  that an indent is an indent and a quote a quote.
- OCR that sets a space between every two Chinese characters (Tesseract's habit with Chinese)
  gets those spaces closed, so that its lines have the length, the grammar and the furniture
  that the line labeller and the assembler read. Wider gaps stay: they are the page's own.

Both keep the page's lines one for one, so line numbers still point into the file as given.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from liaocheng_tui.parse.chars import HAN_CLASS, WIDE_CLASS
from liaocheng_tui.parse.normalize import split_lines

_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_LINE_BREAKING = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _decoded(match: re.Match[str]) -> str:
    text = html.unescape(match.group())
    # An encoded line break would add a line: the page's line numbers must stay as they are.
    return " " if text in _LINE_BREAKING else text


def decode_entities(line: str) -> str:
    """``line`` with its HTML character references decoded (``&nbsp;`` ``&ldquo;`` ``&#12288;``);
    an ``&`` that starts no known reference stays as it is."""
    return _ENTITY_RE.sub(_decoded, line) if "&" in line else line


_H = f"[{HAN_CLASS}]"
_SPACED_PAIR_RE = re.compile(f"{_H} (?={_H})")
_ADJACENT_PAIR_RE = re.compile(f"{_H}(?={_H})")
# One space beside a Chinese character or mark, or inside a number or a date (2 0 2 6 - 0 4):
# letter spacing. Two or more spaces are a gap the page meant.
_LETTER_GAP_RE = re.compile(
    f"(?<=[{WIDE_CLASS}]) (?=[^ ])|(?<=[^ ]) (?=[{WIDE_CLASS}])|(?<=[0-9]) (?=[0-9./:-])|(?<=[./:-]) (?=[0-9])"
)
_SPACED_SHARE = 0.5  # of the pairs of neighbouring Chinese characters
_SPACED_MIN_PAIRS = 20  # a short page does not say enough


def letter_spaced(lines: Sequence[str]) -> bool:
    """Whether OCR spaced out the page: most neighbouring Chinese characters stand a space apart.

    A page of ordinary text with a few letter-spaced headlines is not: its body lines are solid.
    """
    spaced = sum(len(_SPACED_PAIR_RE.findall(line)) for line in lines)
    solid = sum(len(_ADJACENT_PAIR_RE.findall(line)) for line in lines)
    return spaced >= _SPACED_MIN_PAIRS and spaced >= _SPACED_SHARE * (spaced + solid)


def close_letter_spacing(line: str) -> str:
    """``line`` with the single spaces of letter spacing removed; its indent stays."""
    body = line.lstrip()
    indent = line[: len(line) - len(body)]
    return indent + _LETTER_GAP_RE.sub("", body)


def repair_page(text: str) -> str:
    """``text`` with HTML entities decoded and OCR letter spacing closed, line for line (a page
    that needs neither is returned as it is)."""
    lines = split_lines(text)
    decoded = [decode_entities(line) for line in lines] if "&" in text else lines
    # A letter-spaced page is a third spaces or more; most pages have next to none.
    spaced = text.count(" ") * 5 >= len(text) and letter_spaced(decoded)
    if decoded is lines and not spaced:
        return text
    return "\n".join(close_letter_spacing(line) for line in decoded) if spaced else "\n".join(decoded)
