"""Dates: datelines at the start of stories and sentences, and the year the text supports.

Only what the text supports is returned: a month and day without any year that the page
mentions gives no date at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_YEAR_RE = re.compile(r"((?:19|20)\d{2})(?=年|上半年|下半年|\s?[—–\-~～至到]\s?(?:19|20)\d{2}年)")
# A year that is a target, not a report: 到2025年, 至2030年, 力争到2024年底, 2023—2025年 (the end).
_TARGET_BEFORE_RE = re.compile(r"(?:到|至|迄|计划|预计|力争|争取|目标|远景|[—–\-~～])\s*$")
_TARGET_AFTER_RE = re.compile(r"^年(?:底前|前|以前|之前|远景|目标|末前)")
_FULL_DATE_RE = re.compile(
    r"(?:((?:19|20)\d{2})年)?(1[0-2]|0?[1-9])月(3[01]|[12]\d|0?[1-9])日(?!前|起|之前|以前|至|到|—|-|～|~)"
)
_DAY_ONLY_RE = re.compile(r"^(3[01]|[12]\d|0?[1-9])日(?=上午|下午|晚|凌晨|早|中午|夜|傍晚|清晨|[,，])")
# Where a dateline may stand: the start of a paragraph, of a sentence, or of a photo caption.
_SENTENCE_START_RE = re.compile(r"(?:^|[。！？!?][”’」』]?|图为)\s*")


@dataclass(frozen=True, order=True)
class MonthDay:
    """A dateline without its year; ``year`` is set only when the dateline printed one."""

    month: int
    day: int
    year: int | None = None


def supported_years(text: str) -> list[int]:
    """Years that the text reports on (targets such as 到2030年 are left out)."""
    years: list[int] = []
    for match in _YEAR_RE.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()]
        after = text[match.end() : match.end() + 5]
        if _TARGET_BEFORE_RE.search(before) or _TARGET_AFTER_RE.match(after):
            continue
        years.append(int(match.group(1)))
    return years


def datelines(paragraph: str) -> list[MonthDay]:
    """Datelines in a cleaned paragraph: dates at the start of the paragraph or of a sentence."""
    found: list[MonthDay] = []
    for start in _SENTENCE_START_RE.finditer(paragraph):
        match = _FULL_DATE_RE.match(paragraph, start.end())
        if match:
            year = int(match.group(1)) if match.group(1) else None
            found.append(MonthDay(int(match.group(2)), int(match.group(3)), year))
    return found


_ELECTRIC_RE = re.compile(r"(?:((?:19|20)\d{2})年)?(1[0-2]|0?[1-9])月(3[01]|[12]\d|0?[1-9])日电")


def dispatch_date(dateline: str) -> MonthDay | None:
    """The date of a wire-style dateline such as ``本报北京1月16日电``."""
    match = _ELECTRIC_RE.search(dateline.replace(" ", ""))
    if not match:
        return None
    return MonthDay(int(match.group(2)), int(match.group(3)), int(match.group(1)) if match.group(1) else None)


def day_only(paragraph: str) -> int | None:
    """The day of a dateline that gives no month (``28日上午,…``) at the start of a paragraph."""
    match = _DAY_ONLY_RE.match(paragraph)
    return int(match.group(1)) if match else None


def starts_with_dateline(paragraph: str) -> bool:
    """True if a paragraph opens with a dateline precise to the day (``12月28日,``/``28日上午``)."""
    return bool(_FULL_DATE_RE.match(paragraph) or _DAY_ONLY_RE.match(paragraph))


def iso(year: int | None, month: int, day: int) -> str | None:
    """``YYYY-MM-DD``, or None without a year or for an impossible day."""
    if year is None:
        return None
    days = [
        31,
        29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ]
    if not 1 <= month <= 12 or not 1 <= day <= days[month - 1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_ISSUE_RE = re.compile(r"((?:19|20)\d{2})(?:年|[-./])(\d{1,2})(?:月|[-./])(\d{1,2})日?")


def issue_date(furniture: Iterable[str]) -> str | None:
    """The issue date printed in masthead or edition lines (``2024年1月17日 星期三``), if any."""
    for text in furniture:
        match = _ISSUE_RE.search(text.replace(" ", ""))
        if match:
            found = iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if found:
                return found
    return None


def page_year(texts: Iterable[str]) -> int | None:
    """The latest reported year in the page's text, or None if it names none."""
    years = [year for text in texts for year in supported_years(text)]
    return max(years) if years else None
