"""Line features for the line-role model: the shape and grammar of each line of a page.

Features describe how a line looks (length, indent, punctuation, brackets, position, what the
byline/dateline/furniture rules say about it) rather than which words it holds, so that a model
trained on one paper carries over to others. The only character features are the first and last
one or two characters of a line and how many grammatical particles it holds. Page-level features
say what the page's layout means (do its blank lines, or its flush lines among indented ones, come
with headline-like lines; does a line follow one that fills the wrap width). Cohesion features say
whether the page's wording goes on across a line (a crosshead, a wrapped paragraph) or changes at
it (the next story), whether a line's wording comes back below it (a headline's words return in its
story), and whether a line joins the one above inside a word the page uses elsewhere (a headline or
paragraph broken in two). A line under an unclosed bracket or quote goes on with what opened it (a
wrapped credit, quotation or title of a work). The pieces of a web page's meta line that a hard
wrap cut, and the short tail it cut off a whole one, count as furniture as the whole line does.
Every line is measured once; its neighbours' features
are then copied under an offset prefix (``-1:``, ``+2:``). The neighbours' first and last characters
are left out on purpose: they raise the score on the training paper's dev pages and lower it on
another paper's.

Features are computed from the raw lines (indents count before normalisation removes them) and
are robust to the usual extraction damage: spaces are ignored for lengths, half-width
punctuation counts as its full-width form, full-width digits and letters as half-width ones.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import reduce
from itertools import accumulate, chain, pairwise
from operator import or_

from liaocheng_tui.parse.blocks import numbered_item
from liaocheng_tui.parse.byline import (
    BYLINE_MARKERS,
    is_cut_dateline,
    parse_byline_line,
    parse_end_credit,
    parse_name_line,
    split_lead,
    split_photo_credit,
)
from liaocheng_tui.parse.chars import (
    FULL_WIDTH_ALNUM,
    HAN_CLASS,
    fold_traditional,
    in_traditional_script,
    without_closing_mark,
)
from liaocheng_tui.parse.dates import holds_chinese_full_date, in_figures, starts_with_dateline
from liaocheng_tui.parse.furniture import (
    FULL_DATE_RE,
    is_furniture_line,
    is_printed_web_meta_line,
    split_jump_marks,
    wrapped_meta_lines,
)
from liaocheng_tui.parse.normalize import Line, is_double_spaced, lines_of

Item = list[str]

# Half-width punctuation counts as the full-width mark; full-width digits and letters as ASCII.
_CANON = str.maketrans(
    {
        ",": "，",
        ";": "；",
        ":": "：",
        "!": "！",
        "?": "？",
        "(": "（",
        ")": "）",
        "[": "【",
        "]": "】",
        '"': "”",
        " ": None,
        **FULL_WIDTH_ALNUM,
    }
)
# What the table changes but spaces (which are deleted apart), and each such character's canonical
# form: a line is rewritten only where it holds one (str.translate looks up every character of a
# Chinese line, which costs far more).
_CANON_CHANGES_RE = re.compile(
    "[" + re.escape("".join(chr(code) for code in _CANON if code != ord(" "))) + "]"
)
_CANONICAL = {
    chr(code): chr(value) if isinstance(value, int) else value or "" for code, value in _CANON.items()
}
_HAN_RE = re.compile(f"[{HAN_CLASS}]")
_NON_HAN_RE = re.compile(f"[^{HAN_CLASS}]")
_DIGIT_RE = re.compile(r"\d")
_CLOSERS = "”’」』）》】"
_FINAL = "。！？…"
_PUNCT_KEEP = set("。！？…，、；：）”」》】（“《【—·-—■□▲●◆★☆△○◇#*/")
_INNER_STOP_RE = re.compile(r"[。！？；]")
_EDITION_RE = re.compile(r"第?[A-Z]?\d{1,3}版")
_WORDCOUNT_RE = re.compile(r"\d+字")
_HEADING_RE = re.compile(r"^(#{1,6})\s*")
_CAPTION_STARTS = ("图为", "▲", "上图", "下图", "左图", "右图", "图①", "图1", "（图")
_MARKERS = set(BYLINE_MARKERS)
# The rule features a line's neighbours see too.
_NEIGHBOUR_RULES = frozenset(
    {"r:byline", "r:lead", "r:credit", "r:furn", "r:cap", "r:leadonly", "r:dateline"}
)

# Grammatical particles and light verbs: frequent in sentences, rare in the telegraphic style of headlines.
_FUNCTION_CHARS = frozenset("的了在是和与及也都就而被把将对为从向以之其这那着过们个所于并或但又还")
_PARTICLE_SHARE_EDGES = (0.0, 0.04, 0.08, 0.15)
_LEN_EDGES = (1, 2, 3, 5, 8, 12, 16, 22, 30, 40, 60, 100)
_SHARE_EDGES = (0.0, 0.1, 0.25, 0.5)
_WINDOW_CHARS = 120  # how much text above and below a line the cohesion features compare
_HEADLINE_MAX = 40  # no headline, kicker or crosshead is longer (the cohesion features skip such lines)
_REL_EDGES = (0.25, 0.5, 0.75, 1.0, 1.5, 2.5)
_RUN = 64  # short lines whose cohesion windows are worked out together
_MASK_LINES = 10  # lines per window (above and below) from which bit masks pay
_JOIN_SCAN_PAIRS = 64  # join pairs from which one scan of the page costs less than one count each


def _bucket(value: float, edges: Sequence[float]) -> int:
    """The index of the first of the ascending ``edges`` that ``value`` does not exceed
    (``len(edges)`` past the last)."""
    return bisect_left(edges, value)


# Per-line strings worked out once.
_LEN_BUCKETS = [_bucket(n, _LEN_EDGES) for n in range(_LEN_EDGES[-1] + 1)]
_COMMAS = [f"commas={count}" for count in range(3)]
_FUNCTION_RE = re.compile("[" + "".join(sorted(_FUNCTION_CHARS)) + "]")
_FUNCTION_COUNT = [f"fn={count}" for count in range(5)]
_SHARE_OF_FUNCTION = [f"fnr={index}" for index in range(len(_PARTICLE_SHARE_EDGES) + 1)]


def _char_class(ch: str) -> str:
    if _HAN_RE.match(ch):
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L"
    return ch if ch in _PUNCT_KEEP else "O"


def _end_class(canon: str) -> str:
    stripped = canon.rstrip(_CLOSERS)
    closer = "c" if len(stripped) < len(canon) else ""
    if not stripped:
        return "brk" + closer
    last = stripped[-1]
    if last in _FINAL:
        return "fin" + closer
    if last == "." and not (len(stripped) > 1 and stripped[-2].isdigit()):
        return "fin" + closer
    return _char_class(last) + closer


class _Measured:
    """What one line is, measured once."""

    __slots__ = ("_head", "_tail", "base", "blank", "canon", "end", "indented", "key", "length", "shape")

    def __init__(
        self,
        base: list[str],
        key: list[str],
        canon: str,
        length: int,
        blank: bool,
        shape: str = "",
        end: str = "",
        indented: bool = False,
    ) -> None:
        self.base = base
        self.indented = indented  # "ind" is in base
        self.key = key
        self.canon = canon
        self.length = length
        self.blank = blank
        self.end = end  # the line end's class (see _end_class)
        self.shape = shape  # length bucket, line end and indent in one value, for conjunctions
        self._head: set[int] | None = None
        self._tail: set[int] | None = None

    # The wording at each end of the line, which is all the cohesion features look at: a window's
    # worth, so that a long line costs no more than a short one; worked out only when asked for.
    def head(self) -> set[int]:
        if self._head is None:
            self._head = _bigrams(self.canon[: _WINDOW_CHARS + 1])
        return self._head

    def tail(self) -> set[int]:
        if self._tail is None:
            fits = len(self.canon) <= _WINDOW_CHARS + 1
            self._tail = self.head() if fits else _bigrams(self.canon[-_WINDOW_CHARS - 1 :])
        return self._tail


def _rules(norm: str, canon: str, n: int, digits: int) -> list[str]:
    """Today's rule functions, each as a boolean feature, called only where they could match."""
    found: list[str] = []
    first = canon[0]
    if n <= 45 and "。" not in canon and parse_byline_line(norm):
        found.append("r:byline")
    if n <= 8 and parse_name_line(norm):
        found.append("r:name")
    if first in "（(" and canon.endswith("）") and parse_end_credit(norm):
        found.append("r:credit")
    if (canon.endswith(("摄", "影", "）"))) and split_photo_credit(norm):
        found.append("r:photo")
    if first in "本（(" or "电" in canon[:24] or "讯" in canon[:12]:
        lead = split_lead(norm)
        if lead is not None:
            found.append("r:lead")
            if not lead.rest.strip():
                found.append("r:leadonly")
    if first.isdigit() and starts_with_dateline(canon):
        found.append("r:dateline")
    if n <= 60 and (is_furniture_line(norm) or is_printed_web_meta_line(norm)):
        found.append("r:furn")
    if (first.isdigit() or first in "（(①②③④⑤⑥⑦⑧⑨⑩") and numbered_item(norm):
        found.append("r:num")
    if digits:
        if FULL_DATE_RE.search(canon):
            found.append("r:date")
        if "版" in canon and _EDITION_RE.search(canon):
            found.append("r:ed")
        if n <= 16 and _WORDCOUNT_RE.search(canon):
            found.append("r:wc")
    if canon.startswith(_CAPTION_STARTS):
        found.append("r:cap")
    return found


def _canonical(found: re.Match[str]) -> str:
    return _CANONICAL[found.group()]


def _canonical_text(text: str) -> str:
    """``text`` without its spaces, with the marks and letters ``_CANON`` changes changed."""
    spaceless = text.replace(" ", "") if " " in text else text
    # The half-width comma, by far the commonest of those marks, is replaced in one call: the regex
    # calls _canonical for every mark it finds, which costs far more. Its full-width form is none of
    # the characters the regex looks for, so replacing it first changes nothing the regex does.
    if "," in spaceless:
        spaceless = spaceless.replace(",", "，")
    return _CANON_CHANGES_RE.sub(_canonical, spaceless)


# The high bytes of the UTF-16 code units of the CJK unified ideographs (U+4E00..U+9FFF), all Han,
# and every other byte.
_UNIFIED_HIGH_BYTES = range(0x4E, 0xA0)
_NOT_UNIFIED_HIGH_BYTES = bytes(byte for byte in range(256) if byte not in _UNIFIED_HIGH_BYTES)


def _high_bytes(canon: str) -> bytes:
    """The high bytes of the UTF-16 code units of ``canon`` (a lone surrogate kept as one), made in
    C: which of them a line holds says which scripts it may hold at all."""
    return canon.encode("utf-16-le", "surrogatepass")[1::2]


def _han_share(canon: str, high_bytes: bytes) -> tuple[bool, bool]:
    """Whether every character of ``canon`` is Han, and whether fewer than half of them are.

    A regex that counts the characters that are not Han costs a match for each of them. The
    characters of the unified ideographs, most of any Chinese line, are counted in C instead, by the
    high bytes of the line's UTF-16 code units (a character beyond the BMP is two surrogates, whose
    high bytes are not theirs): at least that many characters are Han, which answers both questions
    for nearly every line; the regexes run only where it does not.
    """
    n = len(canon)
    unified = len(high_bytes.translate(None, _NOT_UNIFIED_HIGH_BYTES))
    if unified == n:
        return True, False
    pure = _NON_HAN_RE.search(canon) is None
    low_han = unified < 0.5 * n and n - len(_NON_HAN_RE.findall(canon)) < 0.5 * n
    return pure, low_han


# The high bytes of the code units of the decimal digits that \d finds but ASCII's and the full-width
# ones (which the canonical form writes as ASCII): those of the BMP, checked one by one by a test,
# and the surrogates of those beyond it.
_OTHER_DIGITS_HIGH_BYTES = (
    0x06,
    0x07,
    *range(0x09, 0x11),
    *range(0x17, 0x1D),
    0xA6,
    *range(0xA8, 0xAC),
    *range(0xD8, 0xE0),
)
_NOT_OTHER_DIGITS_HIGH_BYTES = bytes(byte for byte in range(256) if byte not in _OTHER_DIGITS_HIGH_BYTES)
_NOT_ASCII_DIGITS = bytes(byte for byte in range(256) if not 0x30 <= byte <= 0x39)
_NOT_ASCII_LETTERS = bytes(byte for byte in range(256) if not chr(byte).isascii() or not chr(byte).isalpha())


def _digits_and_latin(canon: str, high_bytes: bytes) -> tuple[int, bool]:
    """How many decimal digits the canonical line ``canon`` holds (what \\d finds), and whether it
    holds an ASCII letter.

    Both are counted on the line's ASCII characters, picked out in C, unless its code units' high
    bytes show another script's digits (a line of Chinese never does): a regex's scan of a line of
    Chinese costs several times more.
    """
    ascii_characters = canon.encode("ascii", "ignore")
    latin = bool(ascii_characters.translate(None, _NOT_ASCII_LETTERS))
    if high_bytes.translate(None, _NOT_OTHER_DIGITS_HIGH_BYTES):
        return len(_DIGIT_RE.findall(canon)), latin
    return len(ascii_characters.translate(None, _NOT_ASCII_DIGITS)), latin


def _measure(line: Line) -> _Measured:
    text = line.text
    if not text:
        return _Measured(["B"], ["B"], "", 0, True)
    feats: list[str] = []
    heading = _HEADING_RE.match(text) if text[0] == "#" else None
    if heading:
        feats.append(f"md{min(len(heading.group(1)), 3)}")
        text = text[heading.end() :] or text
    if text.startswith("**") and text.endswith("**"):
        feats.append("bold")
        text = text.strip("*") or text
    if text[-1] in ")）" or text[0] in "(（":
        # A story's last paragraph with its closing mark (…等。（完）) ends a sentence, as without it;
        # a jump mark (…成多。（下转6版）, （上接1版）…) says where the story goes on, not what the line is.
        text = without_closing_mark(text)
        marks = split_jump_marks(text)
        if marks is not None:
            text = marks.text.strip()
    canon = _canonical_text(text)
    if not canon:
        return _Measured(["B"], ["B"], "", 0, True)
    if holds_chinese_full_date(canon):
        # A masthead's date in Chinese numerals or a year of the Republic (一九八五年三月六日 第一版)
        # reads as the same date in figures, as the masthead the model was trained on prints it.
        canon = in_figures(canon)
    n = len(canon)
    high_bytes = _high_bytes(canon)
    pure, low_han = _han_share(canon, high_bytes)
    digits, latin = _digits_and_latin(canon, high_bytes)
    lenb = _LEN_BUCKETS[n] if n < len(_LEN_BUCKETS) else len(_LEN_EDGES)
    endc = _end_class(canon)
    first = canon[0]
    last = canon[-1]
    length_feature = f"len={lenb}"
    end_feature = f"end={endc}"
    commas_feature = _COMMAS[min(canon.count("，"), 2)]
    feats += [length_feature, end_feature, f"len|end={lenb}|{endc}"]
    indented = line.indented
    if indented:
        feats.append("ind")
    depth = _indent_depth(line.indent)
    if depth:
        feats.append(depth)
    if low_han:
        feats.append("lowhan")
    if digits:
        feats.append(f"dig={min(3, 1 + (4 * digits) // n)}")
    if latin:
        feats.append("latin")
    stop_in = bool(_INNER_STOP_RE.search(canon, 0, n - 1))
    if stop_in:
        feats.append("stopin")
    feats.append(commas_feature)
    if "、" in canon:
        feats.append("dun")
    if "：" in canon[:-1]:
        feats.append("colonin")
    bracketed = first in "（【" and last in "）】"
    if bracketed:
        feats.append("brk")
    dash = canon.startswith(("——", "—", "－－", "--"))
    if dash:
        feats.append("dash")
    end_dash = canon.endswith(("——", "—"))
    if end_dash:
        feats.append("enddash")
    marker = first in _MARKERS
    if marker:
        feats.append("marker")
    if first == "“":
        feats.append("openq")
    if " " in text:
        tokens = text.split()
        singles = sum(1 for t in tokens if len(t) == 1)
        feats.append("spaced" if singles * 2 >= len(tokens) else f"gaps={min(len(tokens) - 1, 3)}")
    rules = _rules(text, canon, n, digits)
    feats += rules
    # The first and last characters: the only vocabulary the model sees, and only a few per line.
    function_chars = len(_FUNCTION_RE.findall(canon))
    feats += [
        f"c0={first}",
        f"c01={canon[:2]}",
        f"cz={last}",
        f"cyz={canon[-2:]}",
        f"k0={_char_class(first)}",
        _FUNCTION_COUNT[min(function_chars, 4)],
        _SHARE_OF_FUNCTION[_bucket(function_chars / n, _PARTICLE_SHARE_EDGES)],
    ]
    key = [length_feature, end_feature, commas_feature]
    if pure:
        feats.append("pure")  # only Han characters: headline material, never a sentence
        key.append("pure")
    if indented:
        key.append("ind")
    if depth:
        key.append(depth)
    if stop_in:
        key.append("stopin")
    if rules:
        key += [r for r in rules if r in _NEIGHBOUR_RULES]
    if bracketed:
        key.append("brk")
    if dash:
        key.append("dash")
    if heading and len(heading.group(1)) <= 2:
        key.append(f"md{len(heading.group(1))}")
    if marker:
        key.append("marker")
    if end_dash:
        key.append("enddash")
    return _Measured(feats, key, canon, n, False, f"{lenb}|{endc}|{'i' if indented else 'f'}", endc, indented)


_REL_FEATURES = [f"rel={index}" for index in range(len(_REL_EDGES) + 1)]
_GAP_BEFORE = ["gb=0", "gb=1", "gb=2"]
_GAP_AFTER = ["ga=0", "ga=1", "ga=2"]
_POSITIONS = [f"pos={k}" if k < 4 else "pos=early" for k in range(10)]
_BACK_POSITIONS = ["rpos=0", "rpos=1", "rpos=2"]


class _Prefixed(dict[str, str]):
    """A neighbour's features under an offset prefix (``-1:len=3``), each string made once and
    reused page after page instead of a new one per line. A neighbour shows only its shape and
    rule features (72 values over all of evaluate's damaged pages), so the dictionary stays small."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, feature: str) -> str:
        prefixed = self[feature] = self.prefix + feature
        return prefixed


_TWO_ABOVE, _ABOVE, _BELOW, _TWO_BELOW = (_Prefixed(prefix) for prefix in ("-2:", "-1:", "+1:", "+2:"))
_COMPARED = {
    prefix: {how: f"{prefix}cmp={how}" for how in ("shorter", "longer", "near")} for prefix in ("-1:", "+1:")
}


def _indent_depth(columns: int) -> str:
    """An indent deeper than a paragraph's two ideographic spaces: a line set off or centred, as
    layout-keeping PDF extractions print headlines (and some datelines and bylines)."""
    if columns > 15:
        return "indw=far"
    return "indw=deep" if columns > 5 else ""


def page_features(lines: Sequence[str], normalised: Sequence[Line] | None = None) -> list[Item]:
    """One feature list per line of a page (crfsuite's item form: each string a binary feature).
    ``normalised`` is ``lines_of(lines)`` where the caller has it already (the parser, which
    assembles the page from the same normalised lines).

    A blank line's item is ``["B"]``. The model labels only the non-blank lines
    (:func:`sequence_items`): blank lines become gap features of their neighbours, so that the
    chain runs kicker -> title -> subtitle -> byline -> body however many blank lines lie between.
    """
    items: list[Item] = [["B"] for _ in lines]
    for index, item in zip(*sequence_items(lines, normalised), strict=True):
        items[index] = item
    return items


def sequence_items(
    lines: Sequence[str], normalised: Sequence[Line] | None = None
) -> tuple[list[int], list[Item]]:
    """The non-blank lines' indices and their items: the sequence the model labels (``normalised``
    as for :func:`page_features`)."""
    if normalised is None:
        normalised = lines_of(lines)
    if in_traditional_script(lines):
        # The rules and the particle count are written in simplified characters: read the page
        # as its simplified form, so that it gets the features a simplified page gets. Folding
        # writes one Han character for another, which normalisation never touches: folding the
        # normalised lines gives the normalised lines of the folded page.
        normalised = [
            Line(line.number, fold_traditional(line.text), line.indented, line.indent) for line in normalised
        ]
    measured = [_measure(line) for line in normalised]
    texts = [line.text for line in normalised]
    meta_pieces = wrapped_meta_lines(texts)
    count = len(measured)
    nonblank = [i for i, m in enumerate(measured) if not m.blank]
    lengths = sorted(measured[i].length for i in nonblank)
    median = float(lengths[len(lengths) // 2]) if lengths else 1.0
    width = float(lengths[int(0.9 * (len(lengths) - 1))]) if lengths else 1.0
    indented = sum(1 for i in nonblank if measured[i].indented)
    share = indented / len(nonblank) if nonblank else 0.0
    page_indent = (
        "pind=0" if share == 0 else "pind=lo" if share < 0.3 else "pind=mid" if share < 0.8 else "pind=hi"
    )
    blanks = count - len(nonblank)
    page_blank = "pblank=0" if blanks == 0 else "pblank=lo" if blanks < 0.3 * count else "pblank=hi"
    wrapped = width >= 12 and sum(1 for n in lengths if n >= 0.9 * width) >= 0.4 * len(lengths)
    if wrapped:
        meta_pieces |= _meta_tails(texts, measured, meta_pieces, width)
    for index, rule in _cut_openers(texts, measured):
        measured[index].base.append(rule)
        measured[index].key.append(rule)
    for index in meta_pieces:
        # A piece of a web page's meta line that a hard wrap cut: furniture, as the whole line is.
        if "r:furn" not in measured[index].base:
            measured[index].base.append("r:furn")
            measured[index].key.append("r:furn")
    total = len(nonblank)
    gaps_before = [min(2, nonblank[k] - nonblank[k - 1] - 1) if k else 2 for k in range(total)]
    gaps_after = [min(2, nonblank[k + 1] - nonblank[k] - 1) if k + 1 < total else 2 for k in range(total)]
    # What a gap or a flush line means on this page: a page that sets blank lines (or flush lines
    # among indented ones) only around headlines says so by the lines they come with.
    gap_use = _page_use([measured[at] for k, at in enumerate(nonblank) if k and gaps_before[k]], "gaps")
    flush_use = (
        _page_use([measured[at] for at in nonblank if not measured[at].indented], "flush")
        if page_indent in ("pind=mid", "pind=hi")
        else "flush=none"
    )
    cohesion = _cohesion([measured[at] for at in nonblank])
    still_open = _open_brackets([measured[at].canon for at in nonblank])
    lines_in = [measured[at] for at in nonblank]
    # The strings a page's lines share, made once per page.
    gap_codes = [f"{before}{after}" for before, after in zip(gaps_before, gaps_after, strict=True)]
    gap_features = {code: (f"gap={code}|{page_blank}", f"gapuse={code}|{gap_use}") for code in set(gap_codes)}
    indent_feature = f"ind|{page_indent}"
    keys: list[list[str]] = []
    full: list[bool] = []
    for k, m in enumerate(lines_in):
        key = [
            *m.key,
            _REL_FEATURES[_bucket(m.length / median, _REL_EDGES)],
            _GAP_BEFORE[gaps_before[k]],
            _GAP_AFTER[gaps_after[k]],
        ]
        full.append(wrapped and m.length >= 0.9 * width)
        if full[-1]:
            key.append("full")
        keys.append(key)
    items: list[Item] = []
    for k, m in enumerate(lines_in):
        shape = m.shape
        code = gap_codes[k]
        item = ["bias", page_indent, page_blank, *m.base, *keys[k]]
        if m.indented:
            item.append(indent_feature)
        item.append(_POSITIONS[k] if k < 10 else "pos=mid")
        back = total - 1 - k
        if back < 3:
            item.append(_BACK_POSITIONS[back])
        item += gap_features[code]
        if not m.indented:
            item.append(f"flushuse={flush_use}|{shape}")
        if wrapped and k:
            # After a line that fills the wrap width, this line most likely goes on with its paragraph.
            item.append(f"afterfull={full[k - 1]}|{shape}")
        # Conjunctions a linear model cannot build itself: the line's shape with its gaps, and
        # with the shapes of the lines around it (a short flush line after a finished paragraph).
        item.append(f"sh={shape}|{code}")
        if cohesion[k]:
            item += cohesion[k]
            item.append(f"{cohesion[k][0]}|{shape}")
        if still_open[k]:
            item.append(f"open|{shape}")
        item.append(f"shp={lines_in[k - 1].shape if k else 'none'}>{shape}")
        item.append(f"shn={shape}>{lines_in[k + 1].shape if k + 1 < total else 'none'}")
        if k >= 2:
            item += map(_TWO_ABOVE.__getitem__, keys[k - 2])
        else:
            item.append("-2:none")
        if k >= 1:
            item += map(_ABOVE.__getitem__, keys[k - 1])
            item.append(_COMPARED["-1:"][_compare(m.length, lines_in[k - 1].length)])
        else:
            item.append("-1:none")
        if k + 1 < total:
            item += map(_BELOW.__getitem__, keys[k + 1])
            item.append(_COMPARED["+1:"][_compare(m.length, lines_in[k + 1].length)])
        else:
            item.append("+1:none")
        if k + 2 < total:
            item += map(_TWO_BELOW.__getitem__, keys[k + 2])
        else:
            item.append("+2:none")
        items.append(item)
    return nonblank, items


# The most characters a byline's tail cut off by a wrap holds (摄, 摄影报道, 文/图).
_BYLINE_TAIL_MOST = 4


def _cut_openers(texts: Sequence[str], measured: Sequence[_Measured]) -> list[tuple[int, str]]:
    """Story openers a wrap cut in two, which neither piece shows alone: a dateline's first piece
    (``新华社东江市5月13`` / ``日电 …``, :func:`~liaocheng_tui.parse.byline.is_cut_dateline`) reads
    as a lead; a line of a few characters that ends the byline above it without naming
    anyone (``新华社记者 王五`` / ``摄``) reads as a byline."""
    found: list[tuple[int, str]] = []
    for index, under in pairwise(range(len(measured))):
        line, below = measured[index], measured[under]
        if line.blank or below.blank:
            continue
        if below.length <= _BYLINE_TAIL_MOST and "r:byline" in line.key and "r:byline" not in below.key:
            alone = parse_byline_line(texts[index])
            joined = parse_byline_line(texts[index] + texts[under])
            if alone is not None and joined is not None and joined[1] == alone[1]:
                found.append((under, "r:byline"))
            continue
        if "r:lead" not in line.key and is_cut_dateline(texts[index], texts[under]):
            found.append((index, "r:lead"))
    return found


def _meta_tails(
    texts: Sequence[str], measured: Sequence[_Measured], pieces: set[int], width: float
) -> set[int]:
    """On a hard-wrapped page, the tail a wrap cut off a web page's meta line that is one without
    it (``（ 2026-04-27 ） 稿件来源：某某`` / ``日报 要闻``): the line right under a meta line (or its
    last piece) as wide as the page's lines, shorter than that, and neither a sentence's end nor a
    byline or a lead."""
    tails: set[int] = set()
    filled = [index for index, line in enumerate(measured) if not line.blank]
    # The line under a line: on a double-spaced copy the next line of text, elsewhere the next line
    # (a blank line under a meta line sets it apart from what follows).
    double_spaced = is_double_spaced(filled)
    for index, under in pairwise(filled):
        below = measured[under]
        if below.length >= 0.9 * width or under in pieces or (under != index + 1 and not double_spaced):
            continue
        if not (index in pieces or is_printed_web_meta_line(texts[index])):
            continue
        # The wrap counted the meta line's spaces (``（ 2026-04-27 ）``), which its length leaves out.
        if len(texts[index].strip()) < 0.9 * width:
            continue
        if below.end.startswith("fin") or {"r:byline", "r:lead", "r:furn"} & set(below.key):
            continue
        tails.add(under)
    return tails


def _headline_like(line: _Measured) -> bool:
    return line.length <= _HEADLINE_MAX and not line.end.startswith("fin")


def _page_use(lines: Sequence[_Measured], name: str) -> str:
    """How many of the page's lines of one kind (after a gap, flush) look like headlines."""
    if not lines:
        return f"{name}=none"
    share = sum(1 for line in lines if _headline_like(line)) / len(lines)
    return f"{name}=head" if share >= 0.6 else f"{name}=mix" if share >= 0.25 else f"{name}=para"


def _compare(mine: int, theirs: int) -> str:
    if mine * 2 < theirs:
        return "shorter"
    if mine > theirs * 2:
        return "longer"
    return "near"


def _bigrams(text: str) -> set[int]:
    """The character bigrams of ``text``, each as the int of its two code points' UTF-32 bytes:
    the same sets as of two-character strings, made in C (the pairs that start at even and at odd
    positions) instead of one slice at a time, which took half the cohesion features' time."""
    code = text.encode("utf-32-le")
    even = len(code) // 8 * 8
    odd = (len(code) - 4) // 8 * 8
    return set(memoryview(code)[:even].cast("Q")).union(memoryview(code)[4 : 4 + odd].cast("Q"))


def _join_counts(page: str, pairs: set[str]) -> dict[str, int]:
    """``min(page.count(pair), 2)`` for every two-character ``pair``.

    A page with many pairs to look up is scanned once instead, for every place where a pair's
    first character is followed by a pair's second one (overlapping, by a lookahead): a pair of
    two different characters cannot overlap itself, so there the count of such places is
    ``str.count``'s.
    """
    if len(pairs) < _JOIN_SCAN_PAIRS:
        return {pair: min(page.count(pair), 2) for pair in pairs}
    firsts = "".join(map(re.escape, sorted({pair[0] for pair in pairs})))
    seconds = "".join(map(re.escape, sorted({pair[1] for pair in pairs})))
    found = Counter(re.findall(f"(?=([{firsts}][{seconds}]))", page))
    return {pair: min(found[pair] if pair[0] != pair[1] else page.count(pair), 2) for pair in pairs}


def _overlaps(
    run: Sequence[tuple[int, int, int]], heads: Sequence[set[int]], tails: Sequence[set[int]]
) -> list[tuple[int, int, int, int, int]]:
    """For each ``(k, start, stop)`` of ``run``: the bigrams above line k (the tails of lines
    start..k-1), below it (the heads of lines k+1..stop-1), in both, and of line k's head below
    and above it.

    Where the windows hold many lines (a page of short lines), the bigrams are numbered and each
    line's become the bits of an int: a window is then the OR of its lines' masks and a shared
    count the bits of an AND, far cheaper than unions of sets. The numbering is the run's own, so
    that the masks stay small however long the page. Where the windows hold a line or two (long
    lines), unions of sets cost less than making the masks.
    """
    out: list[tuple[int, int, int, int, int]] = []
    if sum(stop - start for _, start, stop in run) < _MASK_LINES * len(run):
        for k, start, stop in run:
            # One union of them all: adding them one by one would copy the growing set each time.
            above = set().union(*tails[start:k])
            below = set().union(*heads[k + 1 : stop])
            head = heads[k]
            out.append((len(above), len(below), len(above & below), len(head & below), len(head & above)))
        return out
    low, high = run[0][1], run[-1][2]  # every window of the run is inside lines low..high-1
    facing = chain.from_iterable(zip(tails[low:high], heads[low:high], strict=True))
    used = dict.fromkeys(chain.from_iterable(facing))
    bits = dict(zip(used, map((1).__lshift__, range(len(used))), strict=True))
    head_masks = [sum(map(bits.__getitem__, head)) for head in heads[low:high]]
    tail_masks = [
        mask if tail is head else sum(map(bits.__getitem__, tail))
        for mask, head, tail in zip(head_masks, heads[low:high], tails[low:high], strict=True)
    ]
    for k, start, stop in run:
        mask = head_masks[k - low]
        above_mask = reduce(or_, tail_masks[start - low : k - low], 0)
        below_mask = reduce(or_, head_masks[k + 1 - low : stop - low], 0)
        out.append(
            (
                above_mask.bit_count(),
                below_mask.bit_count(),
                (above_mask & below_mask).bit_count(),
                (mask & below_mask).bit_count(),
                (mask & above_mask).bit_count(),
            )
        )
    return out


def _cohesion(lines: Sequence[_Measured]) -> list[list[str]]:
    """Per non-blank line of at most ``_HEADLINE_MAX`` characters: ``coh``, the share of wording the
    text above and below it have in common; ``tb``/``ta``, the share of the line's own wording found
    below/above it; ``join``, how often the page prints the two characters where the line meets the
    one above.

    Wording is character bigrams, which need no dictionary and no one paper's vocabulary. The
    wording above a line is the ends facing it of the lines above, taken until about a window's
    worth of text (``_WINDOW_CHARS``); below it likewise.
    """
    count = len(lines)
    out: list[list[str]] = [[] for _ in range(count)]
    short = [k for k, line in enumerate(lines) if line.length <= _HEADLINE_MAX]
    if not short:
        return out
    # cum[i]: the characters of the lines before line i. The window above line k is lines
    # start..k-1, the nearest lines that reach _WINDOW_CHARS (or all of them); below, k+1..stop-1.
    cum = [0, *accumulate(line.length for line in lines)]
    spans: list[tuple[int, int, int]] = []
    # Which lines' wording is wanted: +1 where a run of lines starts, -1 after it ends.
    want_tail = [0] * (count + 1)  # the windows above short lines
    want_head = [0] * (count + 1)  # the short lines themselves and the windows below them
    for k in short:
        start = max(bisect_right(cum, cum[k] - _WINDOW_CHARS) - 1, 0)
        stop = min(bisect_left(cum, cum[k + 1] + _WINDOW_CHARS), count)
        spans.append((k, start, stop))
        want_tail[start] += 1
        want_tail[k] -= 1
        want_head[k] += 1
        want_head[stop] -= 1
    # A line's wording at either end is worked out only where it is wanted.
    empty: set[int] = set()
    heads: list[set[int]] = [empty] * count
    tails: list[set[int]] = [empty] * count
    for at, (tail_wanted, head_wanted) in enumerate(
        zip(accumulate(want_tail[:count]), accumulate(want_head[:count]), strict=True)
    ):
        if tail_wanted:
            tails[at] = lines[at].tail()
        if head_wanted:
            heads[at] = lines[at].head()
    joins: dict[str, int] = {}
    pairs = {
        lines[k - 1].canon[-1] + lines[k].canon[0]
        for k in short
        if k and lines[k - 1].canon[-1] not in _PUNCT_KEEP
    }
    if pairs:
        joins = _join_counts("\n".join(line.canon for line in lines), pairs)
    for first in range(0, len(spans), _RUN):
        run = spans[first : first + _RUN]
        for (k, _, _), (above, below, across, head_below, head_above) in zip(
            run, _overlaps(run, heads, tails), strict=True
        ):
            smaller = min(above, below)
            size = len(heads[k])
            feats = [
                f"coh={_bucket(across / smaller, _SHARE_EDGES) if smaller else 'x'}",
                f"tb={_bucket(head_below / size, _SHARE_EDGES) if size else 0}",
                f"ta={_bucket(head_above / size, _SHARE_EDGES) if size else 0}",
            ]
            if k:
                last = lines[k - 1].canon[-1]
                if last in _PUNCT_KEEP:
                    feats.append("join=p")  # a line that ends in punctuation breaks no word
                else:
                    feats.append(f"join={joins[last + lines[k].canon[0]]}")
            out[k] = feats
    return out


_BRACKETS = {"（": "）", "《": "》", "【": "】", "“": "”"}
_BRACKET_RE = re.compile("[（）《》【】“”]")
_OPEN_FOR = 4  # an unclosed bracket is trusted for this many lines (a lost closer must not run on)


def _open_brackets(texts: Sequence[str]) -> list[bool]:
    """Whether a bracket or quote opened on the lines above is still open at each line: the line
    goes on with a wrapped credit, quotation or title of a work."""
    out: list[bool] = []
    depth = carried = 0
    for text in texts:
        out.append(depth > 0)
        for mark in _BRACKET_RE.findall(text):
            depth = depth + 1 if mark in _BRACKETS else max(depth - 1, 0)
        carried = carried + 1 if depth else 0
        if carried > _OPEN_FOR:
            depth = carried = 0
    return out
