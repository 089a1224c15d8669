"""Analysis of Chinese text with jieba: keywords and place names. No SQL.

jieba's dictionary is loaded once, lazily (:func:`warm_up_search`), in slices so that a thread
loading it never holds the interpreter for long; places are found by a scan checked against the
dictionary file, with no segmentation, so storing pages needs no jieba pass.
"""

from __future__ import annotations

import functools
import logging
import marshal
import math
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from liaocheng_tui.textfold import HAN_CLASS, HAN_RE

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


# -- keywords: tf-idf, computed when an article is shown -------------------------------------------


# Keywords are read from at most this many characters of a text (its start: headline, lead).
# jieba cuts about 150,000 characters a second: an article of 2.4 million characters held the
# app's one background thread for 14 s, so the next article's keywords and related articles,
# and quitting, waited for it. 20,000 characters (0.13 s) hold any ordinary article whole.
KEYWORD_TEXT_LIMIT = 20_000


def keywords(text: str, limit: int = 8) -> list[str]:
    """The text's most characteristic Chinese words: tf-idf over one jieba pass (HMM off).

    A word's idf is its surprisal in jieba's own dictionary, ``log(total / frequency)``, which is
    already in memory for ranking; jieba.analyse's idf table would add about 100 MB to the app.
    A word the dictionary does not know counts as rare. Only the first
    :data:`KEYWORD_TEXT_LIMIT` characters are read.
    """
    return list(_keywords(text[:KEYWORD_TEXT_LIMIT], limit))


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


def dictionary_ready() -> bool:
    """Whether jieba's dictionary is loaded, so that segmenting costs no wait."""
    return _dictionary_ready


def cut_for_search(text: str) -> list[str]:
    """jieba's search-mode words of ``text`` (HMM off, so index and query agree)."""
    warm_up_search()
    import jieba

    return list(jieba.cut_for_search(text, HMM=False))
