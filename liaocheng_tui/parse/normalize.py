"""Character-level normalisation: line endings, exotic spaces, invisible and control characters.

Nothing here touches a Han character, so the conservation promise cannot be broken at this stage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from liaocheng_tui.parse.chars import HAN_RE

# Line ends as extraction tools write them: CRLF, LF, or old Mac CR, mixed freely.
_LINE_END_RE = re.compile(r"\r\n|\r|\n")
_OTHER_LINE_END_RE = re.compile("[\x0b\x85\u2028\u2029]")
# Terminal escape sequences (CSI and OSC) carried over from a console copy. An OSC counts only
# with its terminator: an unterminated one would swallow the rest of the line, text and all, so
# then only its ESC ] goes.
_ESCAPE_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]?")
# Every kind of space becomes an ASCII space: tab, NBSP, U+3000, the U+2000 block, Unicode
# line/paragraph separators (a line end only to some tools, so a space here) and NEL.
_SPACE_RE = re.compile(r"[\t\x0b\x0c\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
# Zero-width and bidirectional-control characters, the BOM and the soft hyphen: invisible, dropped.
_INVISIBLE_RE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Remaining C0/C1 controls become a space so that they cannot glue two words together.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_RUN_OF_SPACES_RE = re.compile(r" {2,}")
# The spaces a line's indent is set in. Web pages indent paragraphs with HTML's em and en spaces
# (``&emsp;&emsp;``, ``&ensp;``), which a copy keeps as U+2003 and U+2002; the rest of the U+2000
# block and the narrow no-break spaces come with them.
_LEADING_SPACES = frozenset(
    "\t \xa0\u3000\u202f\u205f" + "".join(chr(code) for code in range(0x2000, 0x200B))
)
_LEADING_RE = re.compile(f"^[{re.escape(''.join(sorted(_LEADING_SPACES)))}]*")
# A paragraph indent: ideographic or em spaces, or spaces two columns wide, or a tab.
_INDENT_RE = re.compile(r"^(?:[\u3000\xa0\u2001\u2003]+|[ \u2000\u2002\u2004-\u200a\u202f\u205f]{2,}|\t)")
# Columns of a leading space: a tab four, a space as wide as a Chinese character two, others one.
_COLUMNS = {"\t": 4, "\u3000": 2, "\u2001": 2, "\u2003": 2}


def indent_width(raw: str) -> int:
    """The width in columns of ``raw``'s leading spaces (an ideographic space is two, a tab four)."""
    if not raw or raw[0] not in _LEADING_SPACES:  # most lines: nothing to measure
        return 0
    leading = _LEADING_RE.match(raw)
    return sum(_COLUMNS.get(ch, 1) for ch in leading.group()) if leading else 0


@dataclass(frozen=True, slots=True)
class Line:
    """One raw line of the page after normalisation: 1-based number, text, indent flag, and the
    indent's width in columns (an ideographic space is two, a tab four)."""

    number: int
    text: str
    indented: bool
    indent: int = 0


def split_lines(text: str) -> list[str]:
    """Split page text on CRLF, CR or LF, so that line numbers match any editor's view; a page that
    has none of them is split on the line ends some tools write instead (a word processor's manual
    line break, the Unicode line and paragraph separators), which would leave it one line."""
    if "\r" in text:
        return _LINE_END_RE.split(text)
    # Without a CR, LF is the only line end: str.split gives what the regex does, faster.
    return text.split("\n") if "\n" in text else _OTHER_LINE_END_RE.split(text)


# Any character that one of the substitutions below changes (two spaces are looked for apart): a
# line with neither (most lines) only needs stripping. One class, which is faster than alternatives.
_CHANGED_RE = re.compile(
    "[" + "".join(p.pattern[1:-1] for p in (_INVISIBLE_RE, _SPACE_RE, _CONTROL_RE)) + "\x1b]"
)


def normalize_text(text: str) -> str:
    """Return ``text`` with escapes and controls removed and every space an ASCII space, collapsed."""
    # Every character the substitutions change is unprintable (a control, a format character, a
    # space other than ASCII's), and str.isprintable looks at a line faster than the regex does.
    if "  " not in text and (text.isprintable() or not _CHANGED_RE.search(text)):
        return text.strip()
    if "\x1b" in text:
        text = _ESCAPE_RE.sub(" ", text)
    text = _INVISIBLE_RE.sub("", text)
    text = _SPACE_RE.sub(" ", text)
    text = _CONTROL_RE.sub(" ", text)
    return _RUN_OF_SPACES_RE.sub(" ", text).strip()


def normalize_lines(text: str) -> list[Line]:
    """Split ``text`` into numbered, normalised lines (blank lines are kept, as empty text)."""
    return lines_of(split_lines(text))


_MARGIN_MIN_CHARS = 4  # shorter lines (a page number, a stray mark) do not set the page's margin


def lines_of(raws: Sequence[str]) -> list[Line]:
    """Numbered, normalised lines of a page's raw lines, with indents measured from the page's left
    margin.

    Layout-keeping extraction (``pdftotext -layout``, some OCR tools) starts every line of a page
    with the page's left margin in ASCII spaces. The margin is the fewest leading ASCII spaces of
    the lines that hold at least a few characters (on a page of Chinese text, of those that hold
    Chinese: a text browser sets its list of links' heading flush, outside the text's margin); an
    indent is what a line has beyond it, so such a page reads like any other. Ideographic spaces are a paragraph's indent, never a margin, and on a
    page whose lines do not all share a margin nothing changes.
    """
    texts = [normalize_text(raw) for raw in raws]
    widths = [indent_width(raw) for raw in raws]
    measured = [(raw, body) for raw, body in zip(raws, texts, strict=True) if len(body) >= _MARGIN_MIN_CHARS]
    # A line of no Chinese (a text browser's References heading, a web address) may stand outside
    # the text's margin; on a page of Chinese text the margin is its lines'.
    chinese = [(raw, body) for raw, body in measured if HAN_RE.search(body)]
    margin = min((len(raw) - len(raw.lstrip(" ")) for raw, _ in chinese or measured), default=0)
    lines: list[Line] = []
    for number, (raw, body, width) in enumerate(zip(raws, texts, widths, strict=True), start=1):
        if margin:
            indent = max(width - margin, 0)
            lines.append(Line(number, body, indent >= 2, indent))
        else:
            # A line without leading spaces (width 0) has no indent to look for.
            lines.append(Line(number, body, width > 0 and _INDENT_RE.match(raw) is not None, width))
    return lines


_RUN_ON_SHARE = 0.1  # of a double-spaced copy's lines of text at most, right over another


def is_double_spaced(filled: Sequence[int]) -> bool:
    """Whether a page whose lines of text stand at the ascending indices ``filled`` is double-spaced,
    as some PDFs' text layers copy a page: a blank line under all but a tenth of its lines of text,
    the pieces of a line a wrap cut among them. Elsewhere a blank line sets lines apart."""
    pairs = len(filled) - 1
    return (
        pairs > 0
        and sum(1 for above, below in pairwise(filled) if below == above + 1) <= _RUN_ON_SHARE * pairs
    )
