"""Make untrusted text safe for a terminal and for Rich.

Article text comes from files the user did not write. Before it reaches a terminal it must
lose anything a terminal would interpret (escape sequences, C0/C1 controls, bidi overrides
that reorder what the user sees) and it must never be parsed as Rich markup. Both the CLI and
the app use these helpers, so the rules live in one place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from rich.text import Text

# ESC-introduced sequences first (so their parameters go with them), then C1 CSI/OSC/DCS
# forms, then any single control character left over. A string sequence (OSC, DCS...) is only
# removed whole when it is terminated: an unterminated one loses its introducer alone, so a
# stray ESC in an article cannot swallow the rest of the text.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?             # CSI ... final byte
  | \x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)  # OSC / DCS / SOS / PM / APC ... terminator
  | \x1b[ -/]*[0-~]?                      # other ESC sequences (charset selection, RIS, ...)
  | \x9b[0-?]*[ -/]*[@-~]?                # C1 CSI
  | [\x90\x9d\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)  # C1 DCS / OSC / SOS / PM / APC
    """,
    re.VERBOSE,
)
# C0 controls except TAB/LF, DEL, C1 controls, bidi embeddings/overrides/isolates.
_CONTROL_KEEP_NEWLINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_ALL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_WHITESPACE_RUN = re.compile(r"\s+")
# Lone surrogates: what Python makes of file-name bytes that are not UTF-8 (surrogateescape).
# No terminal or UTF-8 stream can take them; writing one raises UnicodeEncodeError.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Characters that JSON leaves raw with ensure_ascii=False but a terminal may act on.
_JSON_TERMINAL_ACTIVE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def strip_controls(text: str, *, keep_newlines: bool = True) -> str:
    """Remove terminal escape sequences and control characters from ``text``.

    CRLF becomes LF; a lone CR (which would let text overwrite itself on screen) is removed.
    TAB and LF are kept when ``keep_newlines`` is true, removed otherwise. Bidi embedding,
    override and isolate controls (U+202A-U+202E, U+2066-U+2069) are removed.
    """
    text = escape_surrogates(text.replace("\r\n", "\n"))
    text = _ESCAPE_SEQUENCE.sub("", text)
    pattern = _CONTROL_KEEP_NEWLINES if keep_newlines else _CONTROL_ALL
    return pattern.sub("", text)


def _escaped_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group())
    # U+DC80-U+DCFF stand for the undecodable bytes 0x80-0xFF of a file name: show the byte.
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def escape_surrogates(text: str) -> str:
    """``text`` with each lone surrogate written as an escape: ``\\xb2`` for a file name's
    undecodable byte 0xB2 (as ``os.fsdecode`` gives it), ``\\ud800`` for any other.

    The result can be printed and stored as UTF-8; a name that is valid UTF-8 is unchanged.
    """
    return _SURROGATE.sub(_escaped_surrogate, text) if _SURROGATE.search(text) else text


def one_line(text: str | None) -> str:
    """``text`` cleaned of controls with every whitespace run (newlines too) folded to one space."""
    if not text:
        return ""
    cleaned = strip_controls(text.replace("\n", " ").replace("\t", " "))
    return _WHITESPACE_RUN.sub(" ", cleaned).strip()


def plain(text: str | None, style: str = "") -> Text:
    """A Rich :class:`Text` holding ``text`` literally (never parsed as markup), cleaned."""
    return Text(strip_controls(text or ""), style=style)


def highlighted(
    text: str,
    spans: Sequence[tuple[int, int]],
    style: str = "bold reverse",
    base_style: str = "",
) -> Text:
    """A Rich :class:`Text` of ``text`` with ``spans`` ([start, end) offsets into ``text``) styled.

    Offsets refer to the text as given; each piece between span boundaries is cleaned
    separately, so removing a control character never shifts a highlight onto the wrong
    characters. Overlapping or out-of-range spans are tolerated.
    """
    length = len(text)
    clipped = sorted((max(0, start), min(length, end)) for start, end in spans if end > start)
    merged: list[tuple[int, int]] = []
    for start, end in clipped:
        if start >= length:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    result = Text(style=base_style)
    cursor = 0
    for start, end in merged:
        result.append(strip_controls(text[cursor:start]))
        marked_start = len(result)
        result.append(strip_controls(text[start:end]))
        result.stylize(style, marked_start, len(result))
        cursor = end
    result.append(strip_controls(text[cursor:]))
    return result


def json_dumps_safe(value: Any, indent: int | None = 2) -> str:
    """JSON with Chinese kept readable but every terminal-active character escaped as ``\\uXXXX``.

    ``json.dumps`` already escapes C0 controls (ESC included); DEL, C1 controls and bidi
    controls are escaped here too. The data is unchanged: it loads back identically.
    """
    dumped = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_TERMINAL_ACTIVE.sub(lambda match: f"\\u{ord(match.group()):04x}", dumped)
