"""Character classes shared by the parser: Han script, CJK punctuation, headline weight.

Kept in one place so that every module agrees on what counts as a Chinese character (the
conservation promise is stated in these terms) and on where a sentence ends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from liaocheng_tui.parse import script_forms

# The marks a paper sets before a list's item, a brief or a column's tag (●…, ■城事).
ITEM_MARKS = "■●◆▲★◇◎"  # not □, which stands before a byline (□记者 王强)
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
# A statement's full stop: 。, or the half-width or full-width point OCR and converters put in its
# place right after a Chinese character (not a decimal point, an abbreviation's or an ellipsis ......).
FULL_STOP = f"(?:。|(?<=[{HAN_CLASS}])[.．])"
# A note in brackets closing a paragraph after its last sentence: a brief's credit (…。（王明）), a
# story's close (（完）), a jump line (（下转第2版）).
CLOSING_NOTE = r"\s?[（(][^（）()]{1,24}[）)]"
_WHOLLY_BRACKETED_RE = re.compile(r"^[(（].*[)）]$")


def wholly_bracketed(text: str) -> bool:
    """Whether ``text`` opens and closes with a round bracket, as a story's close is printed
    (（完）, （记者 王强）, （本报济南11月20日电））."""
    return _WHOLLY_BRACKETED_RE.match(text) is not None


_NON_HAN_RE = re.compile(f"[^{HAN_CLASS}]")

# Punctuation that sits between Chinese characters: CJK symbols, full-width forms, curly quotes,
# dashes, ellipsis and the middle dot used in names and mastheads.
CJK_PUNCT_CLASS = (
    "\u3000-\u303f\uff00-\uffef\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u2027\u00b7\u2022\u25a0-\u25ff"
)
WIDE_CLASS = HAN_CLASS + CJK_PUNCT_CLASS

# Where a sentence may end: a final mark, optionally followed by closing quotes or brackets.
# A half-width full stop ends a sentence after a Han character or a closing mark (an extraction's
# 更好. for 更好。), not after a digit or a letter (2.0, U.S.).
_TERMINAL_RE = re.compile(
    f"(?:[。！？!?…；;：:]+|(?<=[{HAN_CLASS}”’」』）)》】])\\.)\\s?(?:[”’」』）)》】\"']\\s?)*$"
)
# The characters a match of _TERMINAL_RE can end with (its marks, a full stop, a closing quote or
# bracket; the text is stripped of the spaces it allows).
_TERMINAL_LAST = frozenset("。！？!?…；;：:.”’」』）)》】\"'")
_ALNUM_RE = re.compile(r"[0-9A-Za-z]")
_OPENERS = "“‘「『（(《【"
_CLOSERS = "”’」』）)》】"
_INNER_STOP_RE = re.compile(r"[。！？!?；;]")


# A mark that ends a story or an instalment of one, at the end of its last paragraph: （完）, （全文完）,
# （待续）, （未完待续）.
CLOSING_MARK_RE = re.compile(r"[(（]\s?(?:全文完|本文完|续完|完|未完[，,、]?\s?待续|待续|未完)\s?[)）]$")


def without_closing_mark(text: str) -> str:
    """``text`` without the story's closing mark at its end (…等。（完） is …等。), where that leaves
    any text; the mark says where a story ends, not what the line is."""
    if not text.endswith((")", "）")):
        return text  # most lines: no bracket to close the mark
    found = CLOSING_MARK_RE.search(text)
    return (text[: found.start()].rstrip() or text) if found else text


def unspaced(text: str) -> str:
    """``text`` without its spaces where it is spaced out letter by letter (a third or more of it
    spaces, as OCR and PDF extraction set some lines: ``稿 件 来 源 ：``), else as it is."""
    return text.replace(" ", "") if 3 * text.count(" ") >= len(text) else text


def han_count(text: str) -> int:
    """Number of Han characters in ``text``."""
    # The characters that are not Han: far fewer strings than Han characters or even Han runs.
    return len(text) - len(_NON_HAN_RE.findall(text))


def weight(text: str) -> float:
    """Headline weight: a Han character counts 1, a Latin letter or digit counts 1/2."""
    return han_count(text) + len(_ALNUM_RE.findall(text)) / 2


# Pictographs a web copy sets after a sentence (…歇脚。🌳): emoji, dingbats, their variation selector.
_PICTOGRAPHS = "\U0001f000-\U0001faff\u2600-\u27bf\ufe0f"
_PICTOGRAPH_RE = re.compile(f"[{_PICTOGRAPHS}]")
_TRAILING_PICTOGRAPHS_RE = re.compile(f"[{_PICTOGRAPHS}\u200d\\s]+$")


def ends_sentence(text: str) -> bool:
    """True if ``text`` ends with sentence-final punctuation (closing quotes may follow; so may
    pictographs, as a web copy sets them after a sentence)."""
    text = text.rstrip()
    if text and _PICTOGRAPH_RE.match(text[-1]):
        text = _TRAILING_PICTOGRAPHS_RE.sub("", text)
    # A text that ends with no mark _TERMINAL_RE can end with is answered without the search.
    return bool(text) and text[-1] in _TERMINAL_LAST and _TERMINAL_RE.search(text[-24:]) is not None


def has_inner_stop(text: str) -> bool:
    """True if a sentence-final mark occurs before the last character (prose, not a headline)."""
    return bool(_INNER_STOP_RE.search(text.rstrip()[:-1]))


# The end of a sentence, with the closing quotes or brackets after it (……。” 他说).
_SENTENCE_END_RE = re.compile(r"[。！？!?…][”’」』\"）)]*")


def last_sentence_end(text: str) -> int | None:
    """Where the text after ``text``'s last sentence end (its closing quote or bracket with it)
    starts, or None where no sentence ends in it."""
    end = None
    for found in _SENTENCE_END_RE.finditer(text):
        end = found.end()
    return end


def unbalanced(text: str) -> bool:
    """True if ``text`` opens more brackets or quotes than it closes."""
    return sum(text.count(ch) for ch in _OPENERS) > sum(text.count(ch) for ch in _CLOSERS)


# Full-width digits and Latin letters (２０２６年, Ａ３版), as some typesetting and OCR write them,
# read as their ASCII forms by rules written with ASCII digits; one character for one.
FULL_WIDTH_ALNUM: dict[str, str] = {
    **{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
}
_WIDTH_FOLD = str.maketrans(FULL_WIDTH_ALNUM)


_FULL_WIDTH_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


# The digits of a year in Chinese numerals (二〇二六), with the zeros typed for 〇: 零, a white circle
# (○ ◯) or a letter O (二○○六年, 二OO六年), as older digital text and input methods give it.
CHINESE_ZEROS = "〇零○◯O"
CHINESE_YEAR_DIGITS = CHINESE_ZEROS + "一二三四五六七八九"


def fold_width(text: str) -> str:
    """``text`` with full-width digits and Latin letters written as ASCII."""
    # Most lines have none, and looking costs far less than translating.
    return text.translate(_WIDTH_FOLD) if _FULL_WIDTH_RE.search(text) else text


# The traditional forms of Chinese characters, each folded to its simplified form, so that a page in
# traditional script gets the rule features (the byline, dateline, furniture and date vocabulary)
# and the line features (its lines' first and last characters, their wording) of the same page in
# simplified script, which the rules are written in and the model was trained on.
_TRADITIONAL = script_forms.TRADITIONAL
_SIMPLIFIED = script_forms.SIMPLIFIED
TRADITIONAL_FOLD = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
_SIMPLIFIED_OF = dict(zip(_TRADITIONAL, _SIMPLIFIED, strict=True))


def fold_traditional(text: str) -> str:
    """``text`` with its characters' traditional forms written simplified, one for one."""
    return text.translate(TRADITIONAL_FOLD)


_TRADITIONAL_SET = frozenset(_TRADITIONAL)
_TRADITIONAL_RE = re.compile(f"[{_TRADITIONAL}]")
_TRADITIONAL_PAGE_MIN = 4  # distinct traditional forms; a simplified page quoting one or two has fewer


def in_traditional_script(lines: Sequence[str]) -> bool:
    """Whether a page is written in traditional script: it uses several of the traditional forms
    that :func:`fold_traditional` folds (a page in simplified script that quotes a name or a
    classical phrase uses one or two)."""
    # A regex finds the few such characters of a simplified page much faster than a set of every
    # character of it is made.
    return len(set(_TRADITIONAL_RE.findall("\n".join(lines)))) >= _TRADITIONAL_PAGE_MIN


@dataclass(frozen=True)
class ScriptFold:
    """A page's traditional forms folded to simplified and back: ``restore(fold(text)) == text``
    for the page it was made for, so that text read with the simplified rules is shown to the
    user as printed."""

    to_simplified: dict[int, str]
    to_printed: dict[int, str]

    def fold(self, text: str) -> str:
        return text.translate(self.to_simplified)

    def restore(self, text: str) -> str:
        return text.translate(self.to_printed)


def page_script_fold(text: str) -> ScriptFold | None:
    """The fold of a page in traditional script (None for any other page).

    Only the forms that can be folded back are folded: not one whose simplified form the page
    also prints (台 beside 臺, 于 beside 於), nor two forms of one character (說 and 説).
    """
    if not in_traditional_script([text]):
        return None
    printed = set(text)
    forms: dict[str, list[str]] = {}
    for form in sorted(_TRADITIONAL_SET & printed):
        forms.setdefault(_SIMPLIFIED_OF[form], []).append(form)
    pairs = {simple: found[0] for simple, found in forms.items() if len(found) == 1 and simple not in printed}
    return ScriptFold(
        to_simplified={ord(form): simple for simple, form in pairs.items()},
        to_printed={ord(simple): form for simple, form in pairs.items()},
    )
