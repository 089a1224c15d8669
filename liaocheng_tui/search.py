"""Search: the query language, exact-substring recall over FTS5, bm25 ranking, highlights, jieba.

Recall is exact by construction (see store.py for the index tables).  After folding, a term is:

- one character: a token of ``fts_char``, present iff the character occurs in the field group;
- all word characters (Han, letters, digits): a phrase of its overlapping bigrams in ``fts_gram``,
  which matches iff the term occurs inside one word run of one field;
- anything else (punctuation inside, say): the conjunction of its bigram phrases and characters
  picks candidates, and each candidate is verified in Python with the same substring rule.

Ranking adds, for each term, a bigram phrase per jieba search-mode word (HMM off) of the term.
Those phrases are implied by the term's own phrase, so the result set does not change, but bm25
sees word-level statistics.  Heads (kicker, title, subtitle) weigh 10, bodies 1.  Above
``RANK_LIMIT`` matches, results are newest first so latency stays bounded.
"""

from __future__ import annotations

import calendar
import functools
import json
import logging
import marshal
import math
import os
import re
import threading
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from liaocheng_tui.parse.models import ARTICLE_KINDS, KIND_LABELS
from liaocheng_tui.textfold import (
    HAN_CLASS,
    HAN_RE,
    bigram_phrase,
    char_token,
    fold,
    is_han,
    is_word_char,
    word_runs,
)

if TYPE_CHECKING:
    from liaocheng_tui.store import ArticleRecord, Library

# bm25 costs about 12 µs a match (on the 2-core bench machine), so ranking stops at 1,500 (~18 ms);
# above it, results are newest first, which only needs the count and a walk of the date index.
RANK_LIMIT = 1500
# How much dearer probing the FTS index for one article is than collecting one match (see
# Searcher._dense_page); measured at about 40 µs against 0.15 µs.
PROBE_COST_RATIO = 270
HEAD_WEIGHT = 10.0
BODY_WEIGHT = 1.0
MAX_QUERY_CHARS = 2000
MAX_ATOMS = 64
SNIPPET_CHARS = 90
SNIPPET_LEAD = 20

HIGHLIGHT_FIELDS = ("kicker", "title", "subtitle", "byline", "body")
_HEAD_FIELDS = ("kicker", "title", "subtitle")


class QueryError(ValueError):
    """A query that parses but cannot mean anything; the message is one line for the user."""


# -- jieba: loaded once, lazily -------------------------------------------------------------------

_jieba_lock = threading.Lock()
_dictionary_ready = False


# jieba loads its dictionary (about 500,000 entries) with one ``marshal.load`` that holds the GIL
# for about 0.75 s, freezing an app that loads it on a background thread.  The same entries are
# kept in slices of this many, read one at a time with a pause between, so no pause is long.
_DICTIONARY_SLICE = 8000
_DICTIONARY_CACHE_FORMAT = 1


def _dictionary_cache_path() -> Path:
    import jieba

    from liaocheng_tui.config import cache_dir

    with jieba.dt.get_dict_file() as dictionary:
        source = os.stat(dictionary.name)
    name = (
        f"jieba-{jieba.__version__}-{source.st_size}-{source.st_mtime_ns}-v{_DICTIONARY_CACHE_FORMAT}.slices"
    )
    return cache_dir() / name


def _load_dictionary_slices(path: Path) -> tuple[dict[str, int], int] | None:
    try:
        with path.open("rb") as slices:
            total = marshal.load(slices)
            count = marshal.load(slices)
            frequencies: dict[str, int] = {}
            for _ in range(count):
                frequencies.update(marshal.load(slices))
                time.sleep(0.001)  # let the app's thread run between slices
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(total, int) or not frequencies:
        return None
    return frequencies, total


def _save_dictionary_slices(path: Path, frequencies: dict[str, int], total: int) -> None:
    items = list(frequencies.items())
    chunks = [dict(items[i : i + _DICTIONARY_SLICE]) for i in range(0, len(items), _DICTIONARY_SLICE)]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as slices:
            marshal.dump(total, slices)
            marshal.dump(len(chunks), slices)
            for chunk in chunks:
                marshal.dump(chunk, slices)
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only home: jieba's own loading next time, as now


def warm_up_search() -> None:
    """Load jieba's dictionary now: all that ranking a query and finding keywords need.

    The first time, jieba builds it; after that it is read in slices from the user's cache
    folder, so a thread loading it never holds the interpreter for long.
    """
    global _dictionary_ready
    if _dictionary_ready:
        return
    with _jieba_lock:
        if _dictionary_ready:
            return
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.dt
        with tokenizer.lock:
            if not tokenizer.initialized:
                path = _dictionary_cache_path()
                loaded = _load_dictionary_slices(path)
                if loaded is None:
                    tokenizer.initialize()
                    _save_dictionary_slices(path, tokenizer.FREQ, tokenizer.total)
                else:
                    # What Tokenizer.initialize sets for the default dictionary (jieba 0.42).
                    tokenizer.FREQ, tokenizer.total = loaded
                    tokenizer.initialized = True
        _dictionary_ready = True


def _cut_for_search(text: str) -> list[str]:
    warm_up_search()
    import jieba

    return list(jieba.cut_for_search(text, HMM=False))


# -- keywords: tf-idf, computed when an article is shown -------------------------------------------


def keywords(text: str, limit: int = 8) -> list[str]:
    """The text's most characteristic Chinese words: tf-idf over one jieba pass (HMM off).

    A word's idf is its surprisal in jieba's own dictionary, ``log(total / frequency)``, which is
    already in memory for ranking; jieba.analyse's idf table would add about 100 MB to the app.
    A word the dictionary does not know counts as rare.
    """
    return list(_keywords(text, limit))


@functools.lru_cache(maxsize=64)  # the reader and related() ask for the same article in turn
def _keywords(text: str, limit: int) -> tuple[str, ...]:
    warm_up_search()
    import jieba

    counts: dict[str, int] = {}
    for word in jieba.cut(text, HMM=False):
        if len(word) >= 2:  # a cheap test first: most tokens are single characters
            counts[word] = counts.get(word, 0) + 1
    frequencies, total = jieba.dt.FREQ, jieba.dt.total
    weights: dict[str, float] = {}
    for word, count in counts.items():
        word = word.strip()  # stripping may merge two spellings of a word
        if len(word) >= 2 and HAN_RE.search(word):
            idf = math.log(total / (frequencies.get(word) or 1))
            weights[word] = weights.get(word, 0.0) + count * idf
    return tuple(sorted(weights, key=lambda w: (-weights[w], w))[:limit])


# -- places: found by scanning, with no segmentation ----------------------------------------------

# A place name: a dictionary place word ending in one of these suffixes, or a dictionary place
# name followed by one ("茌平" + "区" for a district the dictionary still lists as a county).
_PLACE_SUFFIXES = "县区市旗"
_PLACE_SUFFIX_RE = re.compile(f"[{_PLACE_SUFFIXES}]")
# The levels above a county.  Right before a place name, 省 or 国 either ends a word (山东省
# 东阿县, 吉林 + 省, 全国, 中国) or abbreviates 省级/国家级 glued to a title that merely contains a
# place name: 省农安县 is 省级农产品质量安全县, not Nong'an county.  (市/县/区 before a name mostly
# end a place the dictionary does not know, 林芝市 墨脱县, so they are not held to this.)
_LEVEL_CHARS = frozenset("国省")
_LONGEST_PLACE = 8  # characters, suffix included
_LONGEST_FOLLOWER = 4
_FAR_MORE_COMMON = 10
# Words that end like a place but name no particular one ("the whole city", "urban area", ...).
_GENERIC_PLACES = frozenset(
    "城市 都市 县城 城区 市区 郊区 社区 园区 新区 景区 辖区 山区 地区 片区 街区 小区 校区 老区 灾区 "
    "牧区 林区 矿区 湖区 库区 专区 特区 政区 管区 营区 选区 军区 禁区 误区 盲区 分区 东区 西区 南区 北区 "
    "超市 夜市 集市 股市 楼市 车市 上市 开市 街市 门市 早市 闹市 黑市 城乡 知县 郊县 区县 县区 "
    "开发区 度假区 示范区 保护区 试验区 实验区 高新区 功能区 核心区 风景区 居民区 住宅区 工业区 "
    "商业区 生活区 办公区 服务区 自贸区 综试区 先行区 集聚区 先导区 承载区 引领区 样板区".split()
)
_GENERIC_PREFIX = frozenset("全本我该各此某每一两多邻外省州市县区城强兴富")
_GENERIC_PAIRS = ("县区", "区县", "市县", "县市", "市区")
_ALL_HAN_RE = re.compile(f"[{HAN_CLASS}]+")


@dataclass(frozen=True)
class _Gazetteer:
    """What place finding needs from jieba's dictionary file, read once per process."""

    endings: dict[str, bool]  # every word ending in a suffix -> whether it names a place
    stems: frozenset[str]  # place names (tagged ns) that a bare suffix may follow
    suffix_words: dict[str, int]  # words that start with a suffix character (市场, 区域) -> frequency
    short_places: dict[str, int]  # two-character place words (新市, 中区) -> frequency
    level_words: frozenset[str]  # words that end in 省 or 国 (山东省, 全国, 大省)


_gazetteer: _Gazetteer | None = None


def _load_gazetteer() -> _Gazetteer:
    global _gazetteer
    if _gazetteer is not None:
        return _gazetteer
    with _jieba_lock:
        if _gazetteer is None:
            import jieba

            endings: dict[str, bool] = {}
            stems: set[str] = set()
            suffix_words: dict[str, int] = {}
            short_places: dict[str, int] = {}
            level_words: set[str] = set()
            # Reading the file, not initialising jieba: ingest then needs no segmentation at all.
            with jieba.get_dict_file() as dictionary:
                for raw in dictionary:
                    parts = raw.decode("utf-8").split()
                    if len(parts) < 3 or parts[1] == "0" or not 2 <= len(parts[0]) <= _LONGEST_PLACE:
                        continue
                    word, tag = parts[0], parts[2]
                    if word[0] in _PLACE_SUFFIXES and len(word) <= _LONGEST_FOLLOWER:
                        suffix_words[word] = int(parts[1])
                    all_han = _ALL_HAN_RE.fullmatch(word) is not None
                    is_place = all_han and tag.startswith("ns")
                    if is_place and len(word) < _LONGEST_PLACE:
                        stems.add(word)
                    if word[-1] in _LEVEL_CHARS:
                        level_words.add(word)
                    if word[-1] in _PLACE_SUFFIXES:
                        # The dictionary tags many county names as person names; 县 is enough.
                        endings[word] = all_han and (is_place or word[-1] == "县")
                        if endings[word] and len(word) == 2:
                            short_places[word] = int(parts[1])
            _gazetteer = _Gazetteer(
                endings, frozenset(stems), suffix_words, short_places, frozenset(level_words)
            )
    return _gazetteer


def warm_up_places() -> None:
    """Read the place names now (about 0.3 s), for a worker process that will store pages."""
    _load_gazetteer()


def _place_ending_at(text: str, suffix_at: int, gazetteer: _Gazetteer) -> str | None:
    """The place whose suffix is ``text[suffix_at]``, segmenting the way a dictionary would:
    the longest dictionary word ending there decides, and a bare suffix may follow a place name."""
    end = suffix_at + 1
    word = next(
        (
            text[end - length : end]
            for length in range(min(_LONGEST_PLACE, end), 1, -1)
            if text[end - length : end] in gazetteer.endings
        ),
        None,
    )
    if word is not None and not gazetteer.endings[word]:
        return None  # the suffix ends a word that is no place: 城市, 超市, 市中区
    # Does the suffix begin the next word instead?  A two-character place gives way to a far more
    # common word, as a unigram segmenter would ("澳新市场" holds no 新市, "冠县县委" holds 冠县).
    followers = [
        gazetteer.suffix_words.get(text[suffix_at : suffix_at + length], 0)
        for length in range(2, _LONGEST_FOLLOWER + 1)
    ]
    begins_next = max(followers) > 0
    if word in gazetteer.short_places and max(followers) > _FAR_MORE_COMMON * gazetteer.short_places[word]:
        return None
    if not begins_next:
        for length in range(min(_LONGEST_PLACE - 1, suffix_at), 1, -1):
            stem = text[suffix_at - length : suffix_at]
            if stem in gazetteer.stems:
                if word is None or length + 1 > len(word):  # 大湾 + 区 over 湾区
                    word = stem + text[suffix_at]
                break
    return word


def _is_particular_place(name: str) -> bool:
    return (
        name not in _GENERIC_PLACES
        and not (len(name) == 2 and name[0] in _GENERIC_PREFIX)
        and not any(pair in name for pair in _GENERIC_PAIRS)
    )


def _starts_a_word(text: str, start: int, gazetteer: _Gazetteer) -> bool:
    """Whether a place name found at ``text[start:]`` may begin there: 省 or 国 right before it
    must end a word (a dictionary word, or a place name and its level: 吉林 + 省)."""
    if start == 0 or text[start - 1] not in _LEVEL_CHARS:
        return True
    for length in range(2, min(_LONGEST_PLACE, start) + 1):
        if text[start - length : start] in gazetteer.level_words:
            return True
        if text[start - length : start - 1] in gazetteer.stems:
            return True
    return False


def places_in(text: str) -> list[str]:
    """Counties, districts and cities named in a text, in order of first mention.

    A scan for place suffixes checked against jieba's dictionary, with no segmentation: it costs
    a small fraction of a jieba pass, which keeps ingest well under the cost of segmenting.
    """
    gazetteer = _load_gazetteer()
    found: dict[str, None] = {}
    for match in _PLACE_SUFFIX_RE.finditer(text):
        name = _place_ending_at(text, match.start(), gazetteer)
        if name and _is_particular_place(name) and _starts_a_word(text, match.end() - len(name), gazetteer):
            found[name] = None
    return list(found)


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
# and close, anywhere; the Chinese pairs “…” ‘…’ 「…」 『…』 open a phrase only where a term
# starts (after a space, "-" or a field's colon), so text pasted with its marks (《「十四五」规划》,
# it’s) is still found as typed.  Any closing mark ends a phrase: input methods pair them loosely.
_ASCII_QUOTES = frozenset('"＂')
_OPENING_QUOTES = frozenset("“‘「『") | _ASCII_QUOTES
_CLOSING_QUOTES = frozenset("”’」』") | _ASCII_QUOTES
_TERM_PREFIXES = frozenset("-－:：")
_SPACE_RE = re.compile(r"\s+")


def _lex(text: str) -> list[tuple[str, bool]]:
    """Split on whitespace outside quotes; each token is (raw text, contained a quote).

    Quote marks become ``"`` in the raw text, which later steps drop."""
    tokens: list[tuple[str, bool]] = []
    current: list[str] = []
    quoted = False
    in_quote = False
    for char in text:
        opens = char in _ASCII_QUOTES or (
            char in _OPENING_QUOTES and (not current or current[-1] in _TERM_PREFIXES)
        )
        if (in_quote and char in _CLOSING_QUOTES) or (not in_quote and opens):
            in_quote = not in_quote
            quoted = True
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


def _date_bounds(text: str) -> tuple[str, str]:
    """The first and last day ``text`` (YYYY, YYYY-MM or YYYY-MM-DD) covers; QueryError if none."""
    match = _DATE_RE.match(text)
    if not match:
        raise QueryError(f"bad date {text!r}: use {DATE_FORMS}")
    year = int(match.group(1))
    if year < 1:
        raise QueryError(f"bad date {text!r}: there is no year 0")
    if match.group(2) is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(match.group(2))
    if not 1 <= month <= 12:
        raise QueryError(f"bad date {text!r}: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if match.group(3) is None:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    day = int(match.group(3))
    if not 1 <= day <= last:
        raise QueryError(f"bad date {text!r}: {year:04d}-{month:02d} has no day {day}")
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
        if negated or negate_next:
            excluded.append(atom)
            last_was_positive = join_next = negate_next = False
            continue
        if join_next and groups:
            groups[-1].append(atom)
        else:
            groups.append([atom])
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


# -- highlighting --------------------------------------------------------------------------------


def _spans_in_folded(folded: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for term in terms:
        if not term:
            continue
        start = folded.find(term)
        while start >= 0 and len(spans) < 10000:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def find_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """[start, end) offsets in ``text`` of every occurrence of each term, by the matching fold.

    Overlapping and touching occurrences are merged; the spans are sorted.
    """
    return _spans_in_folded(fold(text), [fold(term) for term in terms])


# -- searching -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    article_id: int
    score: float
    snippet: str
    snippet_spans: list[tuple[int, int]]
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


SearchOrder = Literal["relevance", "newest"]


@dataclass(frozen=True)
class SearchResult:
    """``order``: "relevance" (bm25, best first) or "newest" (newest first, every score 0): the
    order above :data:`RANK_LIMIT` matches, and for a query of filters alone."""

    query: Query
    total: int
    hits: list[Hit]
    order: SearchOrder = "relevance"


def _quoted(tokens: str) -> str:
    # Tokens are folded word characters or x-hex spellings: never a quote, so quoting is safe.
    return f'"{tokens}"'


def _term_pieces(text: str) -> tuple[list[str], list[str]]:
    """(bigram runs of 2+ chars, single-character tokens) that every occurrence of ``text`` has."""
    runs = [run for run in word_runs(text) if len(run) >= 2]
    covered = set("".join(runs)) if runs else set()
    singles = sorted({char_token(c) for c in text if not c.isspace() and c not in covered})
    return runs, singles


def _verify(term: str, scope: str, *fields: str | None) -> int:
    checked = [value for value in (fields[:3] if scope == "title" else fields) if value]
    # ``term`` is folded and folding maps character for character, so a literal hit is a hit.
    return int(any(term in value for value in checked) or any(term in fold(value) for value in checked))


def _snippet(
    body: str, folded: str, terms: Sequence[str], spans: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``body`` around its densest matches; ``folded`` is ``fold(body)``."""
    flat = body.replace("\n", " ")
    if len(flat) <= SNIPPET_CHARS:
        return flat, spans
    best_start, best_score = 0, -1
    for span_start, _ in spans[:40]:
        start = max(0, min(span_start - SNIPPET_LEAD, len(flat) - SNIPPET_CHARS))
        window = folded[start : start + SNIPPET_CHARS]
        score = sum(1 for term in terms if term and term in window)
        if score > best_score:
            best_start, best_score = start, score
    end = min(len(flat), best_start + SNIPPET_CHARS)
    prefix = "…" if best_start > 0 else ""
    text = prefix + flat[best_start:end] + ("…" if end < len(flat) else "")
    shift = len(prefix) - best_start
    inside = [
        (max(start, best_start) + shift, min(stop, end) + shift)
        for start, stop in spans
        if stop > best_start and start < end
    ]
    return text, inside


_VERIFY_SQL = "lc_contains(?, ?, a.kicker, a.title, a.subtitle, a.byline, a.body)"


@dataclass(frozen=True)
class _Plan:
    """A query as one fts_gram and one fts_char MATCH expression ("" for none) and row conditions."""

    gram: str
    char: str
    conditions: tuple[tuple[str, list[Any]], ...]
    # A filter on the articles row (date, kind, author ...) that can drive the query through an
    # index, so the FTS matches become a membership test instead of a row lookup each.
    filtered: bool = False


def _index_of(atom: Atom) -> str:
    """Which index answers the atom exactly by itself: "gram", "char", or "" (neither)."""
    if not isinstance(atom, Term):
        return ""
    if len(atom.text) == 1:
        return "char"
    return "gram" if all(is_word_char(c) for c in atom.text) else ""


def _index_expression(term: Atom) -> str:
    assert isinstance(term, Term)
    prefix = "head : " if term.scope == "title" else ""
    if len(term.text) == 1:
        return prefix + _quoted(char_token(term.text))
    return prefix + _quoted(bigram_phrase(term.text))


def _candidates(term: Term) -> tuple[str, str]:
    """(fts_gram, fts_char) expressions that every occurrence of a verified term satisfies."""
    prefix = "head : " if term.scope == "title" else ""
    runs, singles = _term_pieces(term.text)
    gram = prefix + "(" + " AND ".join(_quoted(bigram_phrase(r)) for r in runs) + ")" if runs else ""
    # A bigram phrase is selective enough; common punctuation is not worth a second index.
    char = prefix + "(" + " AND ".join(_quoted(t) for t in singles) + ")" if singles and not runs else ""
    return gram, char


class Searcher:
    """Runs queries against a :class:`Library` (sharing its connection and lock)."""

    def __init__(self, library: Library, *, wait_for_dictionary: bool = True) -> None:
        """``wait_for_dictionary`` False: until jieba's dictionary has been loaded (by
        :func:`warm_up_search`, elsewhere), rank by each term's own phrase instead of loading it
        (about a second) in the middle of a search.  The results are the same articles; only
        the order of ranked ones may differ until the dictionary is there."""
        self.library = library
        self.wait_for_dictionary = wait_for_dictionary
        with library.lock, library.translate_errors():
            library.connection.create_function("lc_contains", 7, _verify, deterministic=True)

    # SQL building: every value is a bound parameter; MATCH strings contain only quoted tokens.
    # A query becomes one plan: the terms that the indexes answer exactly go into ONE fts_gram and
    # ONE fts_char MATCH expression (FTS5 intersects the posting lists itself), and everything else
    # (filters, verified terms, mixed OR groups, exclusions) is a condition on the articles row,
    # where a date range can use the newest-first index.  Each atom can also be a SELECT of ids.

    def _term_sql(self, term: Term, params: list[Any]) -> str:
        text = term.text
        prefix = "head : " if term.scope == "title" else ""
        if len(text) == 1:
            params.append(prefix + _quoted(char_token(text)))
            return "SELECT rowid AS id FROM fts_char WHERE fts_char MATCH ?"
        if all(is_word_char(c) for c in text):
            params.append(prefix + _quoted(bigram_phrase(text)))
            return "SELECT rowid AS id FROM fts_gram WHERE fts_gram MATCH ?"
        gram, char = _candidates(term)
        parts: list[str] = []
        if gram:
            params.append(gram)
            parts.append("a.id IN (SELECT rowid FROM fts_gram WHERE fts_gram MATCH ?)")
        if char:
            params.append(char)
            parts.append("a.id IN (SELECT rowid FROM fts_char WHERE fts_char MATCH ?)")
        params.extend([text, term.scope])
        parts.append(_VERIFY_SQL)
        return "SELECT a.id AS id FROM articles a WHERE " + " AND ".join(parts)

    def _matching_values(self, sql: str, value: str) -> list[Any]:
        with self.library.lock, self.library.translate_errors():
            rows = self.library.connection.execute(sql).fetchall()
        return [row[0] for row in rows if row[1] is not None and value in fold(str(row[1]))]

    def _filter_condition(self, flt: Filter, params: list[Any]) -> str:
        """A condition on the articles row ``a`` that holds iff the filter matches."""
        if flt.field == "date":
            params.extend([flt.low, flt.high])
            return "a.date BETWEEN ? AND ?"
        if flt.field == "kind":
            params.append(flt.value)
            return "a.kind = ?"
        if flt.field == "author":
            ids = self._matching_values("SELECT id, name FROM authors", flt.value)
            params.append(json.dumps(ids))
            return (
                "a.id IN (SELECT article_id FROM article_authors "
                "WHERE author_id IN (SELECT value FROM json_each(?)))"
            )
        column = "section" if flt.field == "section" else "column_name"
        values = self._matching_values(
            f"SELECT DISTINCT {column}, {column} FROM articles WHERE {column} IS NOT NULL", flt.value
        )
        params.append(json.dumps(values, ensure_ascii=False))
        return f"a.{column} IN (SELECT value FROM json_each(?))"

    def _atom_sql(self, atom: Atom, params: list[Any]) -> str:
        if isinstance(atom, Term):
            return self._term_sql(atom, params)
        return "SELECT a.id AS id FROM articles a WHERE " + self._filter_condition(atom, params)

    def _plan(self, query: Query) -> _Plan:
        gram: list[str] = []
        char: list[str] = []
        conditions: list[tuple[str, list[Any]]] = []
        filtered = False
        for group in query.groups:
            kinds = {_index_of(atom) for atom in group}
            if kinds == {"gram"} or kinds == {"char"}:
                target = gram if kinds == {"gram"} else char
                target.append("(" + " OR ".join(_index_expression(atom) for atom in group) + ")")
                continue
            params: list[Any] = []
            if len(group) == 1 and isinstance(group[0], Filter):
                conditions.append((self._filter_condition(group[0], params), params))
                filtered = True
            elif len(group) == 1 and isinstance(group[0], Term):  # a term verified in Python
                term = group[0]
                term_gram, term_char = _candidates(term)
                if term_gram:
                    gram.append(term_gram)
                if term_char:
                    char.append(term_char)
                conditions.append((_VERIFY_SQL, [term.text, term.scope]))
            else:
                union = " UNION ".join(self._atom_sql(atom, params) for atom in group)
                conditions.append((f"a.id IN ({union})", params))
        for atom in query.excluded:
            params = []
            conditions.append((f"a.id NOT IN ({self._atom_sql(atom, params)})", params))
        return _Plan(" AND ".join(gram), " AND ".join(char), tuple(conditions), filtered)

    @staticmethod
    def _plan_sql(plan: _Plan, params: list[Any], *, walk_index: bool = False) -> str:
        """``SELECT ... FROM articles a WHERE ...`` for the plan (appends its parameters)."""
        # "+a.id" keeps SQLite from driving the query by FTS ids (a lookup of each article row,
        # bodies and all), so it can walk the newest-first index (or a date range in it, or a
        # filter's index) and test each id against the FTS matches, stopping after a page.
        target = "+a.id" if walk_index or plan.filtered else "a.id"
        where: list[str] = []
        for table, expression in (("fts_gram", plan.gram), ("fts_char", plan.char)):
            if expression:
                params.append(expression)
                where.append(f"{target} IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
        for condition, values in plan.conditions:
            where.append(condition)
            params.extend(values)
        return "FROM articles a WHERE " + " AND ".join(where)

    def id_set_sql(self, query: Query, params: list[Any]) -> str:
        """A SELECT of the ids of every matching article (appends its parameters)."""
        return self._ids_sql(self._plan(query), params)

    def _ids_sql(self, plan: _Plan, params: list[Any]) -> str:
        if not plan.conditions and bool(plan.gram) != bool(plan.char):
            table = "fts_gram" if plan.gram else "fts_char"
            params.append(plan.gram or plan.char)
            return f"SELECT rowid AS id FROM {table} WHERE {table} MATCH ?"
        return "SELECT a.id AS id " + self._plan_sql(plan, params)

    def _rank_match(self, query: Query) -> str | None:
        """An FTS expression every hit satisfies, with word-level phrases for bm25."""
        split_words = self.wait_for_dictionary or _dictionary_ready
        groups: list[str] = []
        for group in query.groups:
            options: list[str] = []
            for atom in group:
                if not isinstance(atom, Term):
                    break
                runs = [r for r in word_runs(atom.text) if len(r) >= 2]
                if not runs:
                    break
                phrases = dict.fromkeys(_quoted(bigram_phrase(r)) for r in runs)
                for run in runs if split_words else ():
                    for word in _cut_for_search(run):
                        if len(word) >= 2 and all(is_word_char(c) for c in word):
                            phrases.setdefault(_quoted(bigram_phrase(word)))
                prefix = "head : " if atom.scope == "title" else ""
                options.append(prefix + "(" + " AND ".join(phrases) + ")")
            else:
                groups.append("(" + " OR ".join(options) + ")")
        return " AND ".join(groups) if groups else None

    def _run(self, sql: str, params: Sequence[Any]) -> list[Any]:
        with self.library.lock, self.library.translate_errors():
            return self.library.connection.execute(sql, params).fetchall()

    def _newest_first(
        self, plan: _Plan, limit: int = -1, offset: int = 0, *, walk_index: bool = False
    ) -> list[int]:
        from liaocheng_tui.store import NEWEST_FIRST

        params: list[Any] = []
        sql = f"SELECT a.id {self._plan_sql(plan, params, walk_index=walk_index)} ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?"
        return [row[0] for row in self._run(sql, [*params, limit, offset])]

    def _dense_page(self, plan: _Plan, total: int, limit: int, offset: int) -> list[int] | None:
        """The newest-first page by probing the FTS index per article, when that is cheaper.

        Walking the newest-first index with ``IN (matches)`` first collects every match (about
        0.15 µs each); probing each article instead costs about 40 µs but stops after the page,
        which takes about ``(offset + limit) * articles / total`` probes.  For a term in most
        articles (聊城 in 80%) probing wins; None when it would not.
        """
        from liaocheng_tui.store import NEWEST_FIRST

        if plan.conditions or bool(plan.gram) == bool(plan.char) or limit <= 0:
            return None
        articles = int(self._run("SELECT coalesce(max(id), 0) FROM articles", ())[0][0])
        if (offset + limit) * articles * PROBE_COST_RATIO >= total * total:
            return None
        table = "fts_gram" if plan.gram else "fts_char"
        sql = (
            f"SELECT a.id FROM articles a WHERE EXISTS (SELECT 1 FROM {table} WHERE {table} MATCH ? "
            f"AND rowid = a.id) ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?"
        )
        return [row[0] for row in self._run(sql, (plan.gram or plan.char, limit, offset))]

    def matching_ids(self, query: Query) -> list[int]:
        """Every matching article id, newest first then page order (no ranking)."""
        return self._newest_first(self._plan(query))

    def count(self, query: Query) -> int:
        """How many articles match."""
        params: list[Any] = []
        id_set = self.id_set_sql(query, params)
        return int(self._run(f"SELECT count(*) FROM ({id_set})", params)[0][0])

    def search(self, text: str, *, limit: int = 50, offset: int = 0) -> SearchResult:
        """Parse and run a query: bm25-ranked hits, or newest first (``order`` "newest", scores
        0) above RANK_LIMIT matches or when no term can be ranked (filters only)."""
        query = parse_query(text)
        limit, offset = max(0, limit), max(0, offset)
        plan = self._plan(query)
        params: list[Any] = []
        id_set = self._ids_sql(plan, params)
        scores: dict[int, float] = {}
        order: SearchOrder = "newest"
        if plan.conditions:
            # Filters and verified terms cost a row or index visit per match, so evaluate the
            # set once, already newest first: up to RANK_LIMIT + 1 ids (or the page, if further).
            fetch = max(RANK_LIMIT + 1, offset + limit)
            newest = self._newest_first(plan, fetch, walk_index=True)
            many = len(newest) > RANK_LIMIT
        else:
            # A pure FTS match streams its first RANK_LIMIT + 1 ids almost for free.
            newest = [row[0] for row in self._run(f"{id_set} LIMIT {RANK_LIMIT + 1}", params)]
            many = len(newest) > RANK_LIMIT
            if not many:
                newest = self.library.ordered_ids(newest)
        if many:
            total = int(self._run(f"SELECT count(*) FROM ({id_set})", params)[0][0])
            if plan.conditions:
                page = newest[offset : offset + limit]
            else:
                page = self._dense_page(plan, total, limit, offset) or self._newest_first(
                    plan, limit, offset, walk_index=True
                )
        else:
            total, ids = len(newest), newest
            rank = self._rank_match(query) if ids else None
            if rank is not None:
                # "+rowid" keeps the id list a filter: as an FTS5 rowid constraint it would re-run
                # the MATCH once per id.  The rowid range, which FTS5 does use, skips the matches
                # outside the ids' span (ids of one period are often close together).
                rows = self._run(
                    f"SELECT rowid, bm25(fts_gram, {HEAD_WEIGHT}, {BODY_WEIGHT}) FROM fts_gram "
                    "WHERE fts_gram MATCH ? AND rowid BETWEEN ? AND ? "
                    "AND +rowid IN (SELECT value FROM json_each(?))",
                    (rank, min(ids), max(ids), json.dumps(ids)),
                )
                scores = {row[0]: -float(row[1]) for row in rows}
                ids = sorted(ids, key=lambda i: (i not in scores, -scores.get(i, 0.0)))
            order = "newest" if ids and rank is None else "relevance"
            page = ids[offset : offset + limit]
        records = self.library.articles(page)
        hits = [self._hit(record, query, scores.get(record.id, 0.0)) for record in records]
        return SearchResult(query=query, total=total, hits=hits, order=order)

    @staticmethod
    def _hit(record: ArticleRecord, query: Query, score: float) -> Hit:
        every = [t.text for t in query.terms]
        headline_only = [t.text for t in query.terms if t.scope == "title"]
        anywhere = [t.text for t in query.terms if t.scope == "all"]
        values = {
            "kicker": record.kicker,
            "title": record.title,
            "subtitle": record.subtitle,
            "byline": record.byline,
            "body": record.body,
        }
        spans: dict[str, list[tuple[int, int]]] = {}
        folded_body = fold(record.body)
        for name, value in values.items():
            terms = every if name in _HEAD_FIELDS else anywhere
            folded = folded_body if name == "body" else fold(value or "")
            spans[name] = _spans_in_folded(folded, terms) if value else []
        snippet, snippet_spans = _snippet(record.body, folded_body, anywhere or headline_only, spans["body"])
        return Hit(record.id, score, snippet, snippet_spans, spans)

    def related(self, article_id: int, limit: int = 3) -> list[int]:
        """Articles that share the most characteristic words of ``article_id``, best first.

        Keywords need jieba's dictionary: without ``wait_for_dictionary``, [] until it is loaded.
        """
        if not (self.wait_for_dictionary or _dictionary_ready):
            return []
        words = [w for w in self.library.article_keywords(article_id) if len(w) >= 2]
        phrases = [
            _quoted(bigram_phrase(run)) for word in words for run in word_runs(fold(word)) if len(run) >= 2
        ]
        if not phrases or limit <= 0:
            return []
        rows = self._run(
            f"SELECT rowid FROM fts_gram WHERE fts_gram MATCH ? AND rowid != ? "
            f"ORDER BY bm25(fts_gram, {HEAD_WEIGHT}, {BODY_WEIGHT}) LIMIT ?",
            (" OR ".join(dict.fromkeys(phrases)), article_id, limit),
        )
        return [row[0] for row in rows]
