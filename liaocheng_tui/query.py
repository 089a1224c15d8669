"""The query language: what a user types, parsed into terms and filters. Pure: no SQL.

Whitespace (or ``AND``) joins terms; ``OR`` makes alternatives; ``-term`` or ``NOT term``
excludes; quotes (ASCII, full-width or Chinese) make a phrase; ``field:value`` filters by
title, author, section, column, kind or date (Chinese field names and a full-width colon too).
A query that cannot mean anything raises :class:`QueryError` with a one-line message.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from liaocheng_tui.parse.models import ARTICLE_KINDS, KIND_LABELS
from liaocheng_tui.textfold import HAN_CLASS, fold, is_han

MAX_QUERY_CHARS = 2000
MAX_ATOMS = 64


class QueryError(ValueError):
    """A query that parses but cannot mean anything; the message is one line for the user."""


# -- the query language ------------------------------------------------------------------------

TermScope = Literal["all", "title"]
FilterField = Literal["author", "section", "column", "kind", "date"]


@dataclass(frozen=True)
class Term:
    """A substring to find.  ``text`` is folded; ``scope`` "title" limits it to kicker/title/subtitle."""

    text: str
    scope: TermScope = "all"


@dataclass(frozen=True)
class Filter:
    """A metadata filter.  Text filters match a folded substring of the value; date is a range."""

    field: FilterField
    value: str
    low: str = ""
    high: str = ""


Atom = Term | Filter


@dataclass(frozen=True)
class Query:
    """Groups are ANDed; the atoms of a group are ORed; excluded atoms must not match."""

    text: str
    groups: tuple[tuple[Atom, ...], ...]
    excluded: tuple[Atom, ...] = ()

    @property
    def terms(self) -> list[Term]:
        """The positive text terms, the ones to highlight."""
        return [atom for group in self.groups for atom in group if isinstance(atom, Term)]


def _sanitize(text: str) -> str:
    out: list[str] = []
    for char in text:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            continue  # a lone surrogate cannot be stored or bound; it can match nothing
        if char.isspace():
            out.append(" ")
        elif unicodedata.category(char) == "Cc":
            continue
        else:
            out.append(char)
    return "".join(out)


# Quote marks that open a phrase, and those that close one.  ASCII and full-width " both open
# and close, anywhere: they are the query's own marks.  The Chinese pairs “…” ‘…’ 「…」 『…』 are
# how articles print quotations, so they make a phrase only of a whole term: they open one only
# where a term starts (after a space, "-" or a field's colon), and a pair that closes before its
# term ends is text, like marks inside a term, so text pasted with its marks (《「十四五」规划》,
# “十四五”规划, it’s) is found as printed.  Any closing mark ends a phrase: input methods pair
# them loosely.
_ASCII_QUOTES = frozenset('"＂')
_OPENING_QUOTES = frozenset("“‘「『") | _ASCII_QUOTES
_CLOSING_QUOTES = frozenset("”’」』") | _ASCII_QUOTES
_TERM_PREFIXES = frozenset("-－:：")
_SPACE_RE = re.compile(r"\s+")


def _quoted_text_mark(opener: str, char: str, rest: str) -> bool:
    """True for a Chinese closing mark inside an ASCII-quoted phrase, with the phrase going on
    after it and an ASCII quote to close it later: the mark is the phrase's printed text
    ("“双减”落地见效" pasted between quotes), not a loosely paired closer, which would drop it
    and keep its opening mark, so the pasted text was not found."""
    if opener not in _ASCII_QUOTES or char in _ASCII_QUOTES or not rest or rest[0] == " ":
        return False
    return any(quote in rest for quote in _ASCII_QUOTES)


def _lex(text: str) -> list[tuple[str, bool]]:
    """Split on whitespace outside quotes; each token is (raw text, contained a quote).

    Quote marks that make a phrase become ``"`` in the raw text, which later steps drop; marks
    that are text (a Chinese pair closing inside a term) stay as typed."""
    tokens: list[tuple[str, bool]] = []
    current: list[str] = []
    quoted = False
    in_quote = False
    opener, opened_at = "", 0  # the open quote's mark, and where in ``current`` it stands
    for index, char in enumerate(text):
        opens = char in _ASCII_QUOTES or (
            char in _OPENING_QUOTES and (not current or current[-1] in _TERM_PREFIXES)
        )
        if in_quote and char in _CLOSING_QUOTES and not _quoted_text_mark(opener, char, text[index + 1 :]):
            in_quote = False
            term_goes_on = index + 1 < len(text) and text[index + 1] != " "
            if term_goes_on and opener not in _ASCII_QUOTES and char not in _ASCII_QUOTES:
                # A Chinese pair closing inside the term (“十四五”规划): the marks are printed text.
                current[opened_at] = opener
                current.append(char)
            else:
                current.append('"')
        elif not in_quote and opens:
            in_quote = quoted = True
            opener, opened_at = char, len(current)
            current.append('"')
        elif char == " " and not in_quote:
            if current:
                tokens.append(("".join(current), quoted))
            current, quoted = [], False
        else:
            current.append(char)
    if current:
        tokens.append(("".join(current), quoted))
    return tokens


def _phrase_text(raw: str) -> str:
    """A term's folded text; inside quotes spaces collapse and vanish next to Han characters."""
    folded = fold(raw.replace('"', ""))
    folded = _SPACE_RE.sub(" ", folded).strip()
    if " " not in folded:
        return folded
    chars = list(folded)
    kept = [
        char
        for i, char in enumerate(chars)
        if char != " " or not (is_han(chars[i - 1]) or is_han(chars[i + 1]))
    ]
    return "".join(kept)


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
DATE_FORMS = "date:2023, date:2023-02, date:2023-02-01 or a range date:2023-02-01..2023-02-28"


def date_problem(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """Why a well-formed year, year-month or day names no date, else None: ``there is no year 0``,
    ``there is no month 13``, ``2026-02 has no day 30``.  The one check of every date a user types
    (query filters here, the command line's ``--date``), so each says what is wrong the same way."""
    if year < 1:
        return "there is no year 0"
    if month is None:
        return None
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"{year:04d}-{month:02d} has no day {day}"
    return None


def _date_bounds(text: str) -> tuple[str, str]:
    """The first and last day ``text`` (YYYY, YYYY-MM or YYYY-MM-DD) covers; QueryError if none."""
    match = _DATE_RE.match(text)
    if not match:
        raise QueryError(f"bad date {text!r}: use {DATE_FORMS}")
    year, month, day = (int(part) if part is not None else None for part in match.groups())
    assert year is not None  # the pattern requires it
    problem = date_problem(year, month, day)
    if problem is not None:
        raise QueryError(f"bad date {text!r}: {problem}")
    if month is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return (f"{year:04d}-{month:02d}-{day:02d}",) * 2


def _date_filter(value: str) -> Filter:
    value = value.replace('"', "").strip()
    if ".." in value:
        start, _, end = value.partition("..")
        if not start and not end:
            raise QueryError(f"bad date range {value!r}: use {DATE_FORMS}")
        low = _date_bounds(start)[0] if start else "0000-00-00"
        high = _date_bounds(end)[1] if end else "9999-99-99"
        if low > high:
            raise QueryError(f"bad date range {value!r}: it ends before it starts")
        return Filter("date", value, low, high)
    low, high = _date_bounds(value)
    return Filter("date", value, low, high)


FieldName = Literal["title", "author", "section", "column", "kind", "date"]
# The one table of field names: the English name and the Chinese labels a user may type.
FIELD_NAMES: dict[str, FieldName] = {
    "title": "title",
    "标题": "title",
    "author": "author",
    "作者": "author",
    "section": "section",
    "版面": "section",
    "column": "column",
    "栏目": "column",
    "kind": "kind",
    "体裁": "kind",
    "date": "date",
    "日期": "date",
}
# English names and Chinese labels of kinds (the labels the app's list shows) -> kind.
_KIND_NAMES: dict[str, str] = {
    **{kind: kind for kind in ARTICLE_KINDS},
    **{label: kind for kind, label in KIND_LABELS.items()},
}
# A word then a colon.  After folding, a full-width colon is an ASCII one.  Only a known field
# name, or an unknown one of ASCII letters (a mistyped field), is taken for a field: a time (10:30)
# or Chinese running text (记者:张三) is text, and so is a URL (http://...), whose value starts "/".
_FIELD_RE = re.compile(f"^([A-Za-z]+|[{HAN_CLASS}]+):(.*)$", re.DOTALL)
_FIELD_LIST = "title: author: section: column: kind: date: (or 标题: 作者: 版面: 栏目: 体裁: 日期:)"


def _field_atom(name: FieldName, value: str, shown: str) -> Atom:
    if not _phrase_text(value):
        raise QueryError(f"{shown}: needs a value, e.g. {shown}:{_FIELD_EXAMPLES[name]}")
    if name == "title":
        return Term(_phrase_text(value), "title")
    if name == "date":
        return _date_filter(value)
    if name == "kind":
        kind = _KIND_NAMES.get(value.replace('"', "").strip())
        if kind is None:
            choices = ", ".join(f"{k} ({KIND_LABELS[k]})" for k in ARTICLE_KINDS)
            raise QueryError(f"unknown kind {value.replace(chr(34), '')!r}: use one of {choices}")
        return Filter("kind", kind)
    return Filter(name, _phrase_text(value))


_FIELD_EXAMPLES: dict[FieldName, str] = {
    "title": "诊断",
    "author": "张三",
    "section": "时政",
    "column": "目击",
    "kind": "消息",
    "date": "2023-02",
}


def _atom(raw: str, quoted: bool) -> Atom | None:
    """One (un-negated) token as an atom; None when it holds nothing to search for."""
    width_folded = fold(raw)
    match = _FIELD_RE.match(width_folded)
    if match:
        name, value = match.group(1), match.group(2)
        field_name = FIELD_NAMES.get(name)
        if field_name is not None:
            return _field_atom(field_name, value, name)
        if name.isascii() and not value.startswith("/"):
            raise QueryError(
                f"unknown field {name + ':'!r}: the fields are {_FIELD_LIST}; "
                f'to find the text, quote it: "{name}:{value}"'
            )
    text = _phrase_text(raw) if quoted else width_folded
    return Term(text) if text else None


def _spaced_variant(raw: str, atom: Atom) -> Term | None:
    """The phrase as typed, spaces kept (one per run), when dropping them changed it.

    Headlines and bylines keep the spaces they are printed with (本报记者 岳耀军), so a phrase
    pasted from one must also match with its spaces, or pasting it in quotes finds nothing."""
    if not isinstance(atom, Term):
        return None
    match = _FIELD_RE.match(fold(raw))
    value = match.group(2) if match and atom.scope == "title" else raw
    spaced = _SPACE_RE.sub(" ", fold(value.replace('"', ""))).strip()
    return Term(spaced, atom.scope) if spaced != atom.text and " " in spaced else None


# Operators are upper case only (as in SQLite FTS5): "and", "or" and "not" in lower case are words.
_OPERATORS = frozenset({"AND", "OR", "NOT"})


def _operator(raw: str) -> str | None:
    """``raw`` as an operator (full-width letters allowed), or None when it is a word."""
    folded = unicodedata.normalize("NFKC", raw)
    return folded if folded in _OPERATORS else None


def parse_query(text: str) -> Query:
    """Parse the query language.

    Whitespace (or ``AND``) means AND, ``OR`` between two terms means either, ``-term`` or
    ``NOT term`` excludes, ``"..."`` (or “...”, 「...」, 『...』, ‘...’) keeps spaces inside one
    term, and ``title:``, ``author:``, ``section:``, ``column:``, ``kind:``, ``date:YYYY[-MM[-DD]]``
    or ``date:A..B`` filter (also with Chinese field names, see :data:`FIELD_NAMES`).  Raises
    :class:`QueryError` (one line) for a query with nothing positive to search for, and for a
    field that cannot mean anything: an unknown name, no value, a date that does not exist.
    """
    clean = _sanitize(text)
    if len(clean) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long: at most {MAX_QUERY_CHARS} characters")
    groups: list[list[Atom]] = []
    excluded: list[Atom] = []
    join_next = False
    negate_next = False
    last_was_positive = False
    for raw, quoted in _lex(clean):
        operator = None if quoted else _operator(raw)
        if operator == "OR":
            join_next = last_was_positive and not negate_next
            continue
        if operator == "AND":
            join_next = False
            continue
        if operator == "NOT":
            negate_next, join_next = True, False
            continue
        negated = raw.startswith(("-", "－")) and len(raw) > 1
        atom = _atom(raw[1:] if negated else raw, quoted)
        if atom is None:
            continue
        spaced = _spaced_variant(raw[1:] if negated else raw, atom) if quoted else None
        atoms = [atom] if spaced is None else [atom, spaced]
        if negated or negate_next:
            excluded.extend(atoms)
            last_was_positive = join_next = negate_next = False
            continue
        if join_next and groups:
            groups[-1].extend(atoms)
        else:
            groups.append(atoms)
        join_next = False
        last_was_positive = True
    if sum(len(g) for g in groups) + len(excluded) > MAX_ATOMS:
        raise QueryError(f"query too long: at most {MAX_ATOMS} terms")
    if not groups:
        if excluded:
            raise QueryError("a query needs at least one term that is not excluded")
        raise QueryError("empty query: type a word to search for")
    unique_groups = tuple(dict.fromkeys(tuple(dict.fromkeys(g)) for g in groups))
    return Query(text=text, groups=unique_groups, excluded=tuple(dict.fromkeys(excluded)))
