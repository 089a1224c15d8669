"""Which paper printed the page, when the page itself says so."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from liaocheng_tui.parse.chars import HAN_CLASS

_H = f"[{HAN_CLASS}]"
_BUREAU_RE = re.compile(f"^本报({_H}{{2,4}}?)讯")
_PLAIN_RE = re.compile(r"^本报讯")
_HAN_RE = re.compile(_H)
# A city name before 市, where 市 is not the first character of 市委/市政府/市场/市民…
_CITY_RE = re.compile(f"({_H}{{2}})市(?![委政场民级直属长值区县容面貌])")
# Characters that end a word before 市 without being a place: 全市, 我市, 城市, 县市, 上市…
_NOT_PLACE_END = set(
    "全我本该县各副都超股夜门上集闹楼车菜早街开罢休灯花鱼牛熊级省地区为在和与等个两三四五六七八九十了的是"
)


def dominant_city(text: str) -> str | None:
    """The city the page is about: the ``XX市`` named most often (then the most repeated ``XX``)."""
    cities = Counter(name for name in _city_names(text) if name[-1] not in _NOT_PLACE_END)
    if not cities:
        return None
    # The page is counted through only for the names named most often, which alone can win.
    most = max(cities.values())
    name = max((n for n in sorted(cities) if cities[n] == most), key=text.count)
    return name if cities[name] >= 2 and text.count(name) >= 3 else None


def _city_names(text: str) -> list[str]:
    """The names ``_CITY_RE.finditer`` finds before 市, found from the page's 市s: a search for the
    two characters before every character of the page cost more than all the rest of this module."""
    names: list[str] = []
    after_match = 0  # where the last match ended: matches do not overlap
    at = text.find("市", 2)
    while at >= 0:
        start = at - 2
        if start >= after_match and _CITY_RE.match(text, start) is not None:
            names.append(text[start:at])
            after_match = at + 1
        at = text.find("市", at + 1)
    return names


def named_paper(text: str) -> str | None:
    """The ``XX日报`` the text names most often (the shortest reading of the name wins ties)."""
    counts: Counter[str] = Counter()
    for match in re.finditer("日报", text):
        for size in (2, 3, 4):
            start = match.start() - size
            name = text[start : match.start()] if start >= 0 else ""
            if len(name) == size and all(_HAN_RE.match(ch) for ch in name):
                counts[name + "日报"] += 1
    if not counts:
        return None
    return min(counts, key=lambda paper: (-counts[paper], len(paper)))


def infer_publication(datelines: Sequence[str], text: str) -> str | None:
    """A publication name that the page supports, or None.

    Datelines like 本报聊城讯 are a provincial paper's city bureau: with a ``XX日报`` named in the
    text that gives ``XX日报·聊城新闻``. Plain 本报讯 datelines on a page that speaks of 我市 give
    the city paper of the page's dominant city, ``XX日报``.
    """
    bureaus = Counter(m.group(1) for d in datelines if (m := _BUREAU_RE.match(d)))
    plain = sum(1 for d in datelines if _PLAIN_RE.match(d))
    if bureaus and sum(bureaus.values()) >= plain:
        paper = named_paper(text)
        if paper is None:
            return None
        city = bureaus.most_common(1)[0][0]
        return f"{paper}·{city}新闻"
    if plain and "我市" in text:
        city = dominant_city(text)
        return f"{city}日报" if city else None
    return None
