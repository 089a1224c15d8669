"""Dates: datelines at the start of stories and sentences, and the year the text supports.

Only what the text supports is returned: a month and day without any year that the page
mentions gives no date at all.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from liaocheng_tui.parse.chars import CHINESE_YEAR_DIGITS, CHINESE_ZEROS, fold_width
from liaocheng_tui.parse.models import Article

# The years a page can be dated in: every year pattern here reads 19xx and 20xx only.
FIRST_YEAR, LAST_YEAR = 1900, 2099
_YEAR_RE = re.compile(r"((?:19|20)\d{2})(?=年|上半年|下半年|\s?[—–\-~～至到]\s?(?:19|20)\d{2}年)")
# A year that is a target, not a report: 到2025年, 至2030年, 力争到2024年底, 2023—2025年 (the end).
_TARGET_BEFORE_RE = re.compile(r"(?:到|至|迄|计划|预计|力争|争取|目标|远景|[—–\-~～])\s*$")
_TARGET_AFTER_RE = re.compile(r"^年(?:底前|前|以前|之前|远景|目标|末前)")
_FULL_DATE_RE = re.compile(
    r"(?:((?:19|20)\d{2})年)?(1[0-2]|0?[1-9])月(3[01]|[12]\d|0?[1-9])日(?!前|起|之前|以前|至|到|—|-|～|~)"
)
_DIGITS = frozenset("0123456789０１２３４５６７８９")  # ASCII and full-width, which fold_width folds
_DAY_ONLY_RE = re.compile(r"^(3[01]|[12]\d|0?[1-9])日(?=上午|下午|晚|凌晨|早|中午|夜|傍晚|清晨|[,，])")
# Where a dateline may stand: the start of a paragraph (after its spaces), of a sentence (after a
# final mark and a closing quote), or of a photo caption (图为). Each alternative of the break
# opens with its own character, so that the regex engine skips to those characters (a pattern
# that opened with ^ or a class was tried at every character).
_SENTENCE_BREAK_RE = re.compile(
    "|".join(f"{re.escape(mark)}[”’」』]?\\s*" for mark in "。！？!?") + r"|图为\s*"
)
_ASCII_DIGITS = frozenset("0123456789")  # a date opens with one


@dataclass(frozen=True, order=True)
class MonthDay:
    """A dateline without its year; ``year`` is set only when the dateline printed one."""

    month: int
    day: int
    year: int | None = None


def supported_years(text: str) -> list[int]:
    """Years that the text reports on (targets such as 到2030年 are left out)."""
    if "年" not in text:  # every year read is followed by 年: most texts are answered here
        return []
    text = fold_width(text)
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
    if "月" not in paragraph:  # every date names its month: most paragraphs are answered here
        return []
    paragraph = fold_width(paragraph)
    found: list[MonthDay] = []
    opening = len(paragraph) - len(paragraph.lstrip())  # after the paragraph's leading spaces
    for start in [opening, *(end.end() for end in _SENTENCE_BREAK_RE.finditer(paragraph, opening))]:
        if paragraph[start : start + 1] not in _ASCII_DIGITS:  # no date here to match
            continue
        match = _FULL_DATE_RE.match(paragraph, start)
        if match:
            year = int(match.group(1)) if match.group(1) else None
            found.append(MonthDay(int(match.group(2)), int(match.group(3)), year))
    return found


_ELECTRIC_RE = re.compile(r"(?:((?:19|20)\d{2})年)?(1[0-2]|0?[1-9])月(3[01]|[12]\d|0?[1-9])日(?:电|讯)")
# A wire dateline's day alone (新华社北京19日电, 新华社一日讯), in figures or in Chinese numerals.
_DISPATCH_DAY_RE = re.compile(r"(?<![\d月])(3[01]|[12]\d|0?[1-9])日(?:电|讯)")
_CHINESE_DAY_RE = re.compile(
    r"(?<![一二三四五六七八九十〇])([一二三四五六七八九十]{1,3})(?=[月日](?:\d|[一二三四五六七八九十]|电|讯))"
)


def dispatch_date(dateline: str) -> MonthDay | None:
    """The date of a wire-style dateline such as ``本报北京1月16日电`` (``新华社北京十二月三日电``,
    ``本报十一月二十日讯``)."""
    if "电" not in dateline and "讯" not in dateline:  # most bylines: no wire dateline to read
        return None
    match = _ELECTRIC_RE.search(_in_figures(dateline))
    if not match:
        return None
    return MonthDay(int(match.group(2)), int(match.group(3)), int(match.group(1)) if match.group(1) else None)


def dispatch_day(dateline: str) -> int | None:
    """The day of a wire dateline that gives no month (``新华社北京19日电``, ``新华社北京十九日电``,
    ``新华社一日讯``), or None."""
    if "日" not in dateline:
        return None
    match = _DISPATCH_DAY_RE.search(_in_figures(dateline))
    return int(match.group(1)) if match else None


def _in_figures(dateline: str) -> str:
    """``dateline`` without spaces, its figures half-width and a month and day in Chinese numerals
    in figures (十二月三日 is 12月3日): a number is read only before 月 or 日 and what follows them."""
    text = fold_width(dateline).replace(" ", "")
    return _CHINESE_DAY_RE.sub(lambda m: str(_chinese_number(m.group(1)) or m.group(1)), text)


def day_only(paragraph: str) -> int | None:
    """The day of a dateline that gives no month (``28日上午,…``) at the start of a paragraph."""
    if paragraph[:1] not in _DIGITS:  # no day to read: the text is not folded to look
        return None
    match = _DAY_ONLY_RE.match(fold_width(paragraph))
    return int(match.group(1)) if match else None


def starts_with_dateline(paragraph: str) -> bool:
    """True if a paragraph opens with a dateline precise to the day (``12月28日,``/``28日上午``)."""
    if paragraph[:1] not in _DIGITS:  # both datelines open with a digit: no need to fold the text
        return False
    paragraph = fold_width(paragraph)
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
# A date in eight figures (20240117), as some e-paper sites and page headers print the issue's: read
# only beside a page (第3版, A05版), a weekday or a paper's name, where no other number is so long.
_COMPACT_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_EDITION_RE = re.compile(r"版|星期|报")
# Dates a masthead prints in Chinese numerals (二〇二六年七月十七日) or in years of the Republic
# (中華民國115年, as Taiwan's papers date an issue).
_CHINESE_DATE_RE = re.compile(
    f"([{CHINESE_YEAR_DIGITS}]{{4}})年([一二三四五六七八九十]{{1,3}})月([一二三四五六七八九十]{{1,3}})日"
)
_REPUBLIC_YEAR_RE = re.compile(
    r"(?:中[华華]民[国國]|民[国國])\s?(\d{1,3}|元|[一二三四五六七八九十]{1,4})\s?年"
)
# A month and day in Chinese numerals after a year in figures (民國二十五年 is 1936年 by then).
_CHINESE_MONTH_DAY_RE = re.compile(r"(\d{4}年)([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_CHINESE_DIGITS = {ch: value for value, ch in enumerate("〇一二三四五六七八九")} | dict.fromkeys(
    CHINESE_ZEROS, 0
)
_REPUBLIC_YEAR_ONE = 1911


def _chinese_number(text: str) -> int:
    """一 .. 九十九 written with 十 (十七, 二十, 三十一), or digit by digit (二〇二六); 0, which is no
    month or day, for what is neither (十十, 十一十)."""
    if "十" not in text:
        return int("".join(str(_CHINESE_DIGITS[ch]) for ch in text))
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return 0
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[ones] if ones else 0)


# A full date in Chinese numerals, or in a year of the Republic with its month and day, anywhere in
# a line (FULL_DATE_RE finds those in figures).
_CHINESE_FULL_DATE_RE = re.compile(
    f"{_CHINESE_DATE_RE.pattern}|{_REPUBLIC_YEAR_RE.pattern}"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
)


def holds_chinese_full_date(text: str) -> bool:
    """Whether ``text`` holds a full date in Chinese numerals or in a year of the Republic, which
    :func:`in_figures` writes in figures. The pattern is searched for only where a 年 follows a
    Chinese numeral or the line names the Republic (民国), which answers nearly every line at once:
    a search of the whole pattern at every character of a line cost 1.6% of a page's parsing."""
    at = text.find("年")
    if at < 0:
        return False
    if "民" not in text:
        while at == 0 or (at > 0 and text[at - 1] not in CHINESE_YEAR_DIGITS):
            at = text.find("年", at + 1)
        if at < 0:
            return False
    return _CHINESE_FULL_DATE_RE.search(text) is not None


_CHINESE_EDITION_RE = re.compile("第([一二三四五六七八九十]{1,3})版")


def in_figures(text: str) -> str:
    """``text`` with the dates and the page a masthead prints in Chinese numerals written in
    figures (``二〇二六年七月十七日 第三版`` as ``2026年7月17日 第3版``), years of the Republic too."""
    text = _in_arabic_numerals(text)
    return _CHINESE_EDITION_RE.sub(lambda m: f"第{_chinese_number(m.group(1)) or m.group(1)}版", text)


def _in_arabic_numerals(text: str) -> str:
    """``text`` with its Chinese-numeral dates and years of the Republic written as 2026年7月17日."""
    text = _CHINESE_DATE_RE.sub(
        lambda m: (
            f"{_chinese_number(m.group(1))}年{_chinese_number(m.group(2))}月{_chinese_number(m.group(3))}日"
        ),
        text,
    )
    text = _REPUBLIC_YEAR_RE.sub(
        lambda m: f"{_REPUBLIC_YEAR_ONE + year}年" if (year := _republic_year(m.group(1))) else m.group(0),
        text,
    )
    return _CHINESE_MONTH_DAY_RE.sub(
        lambda m: f"{m.group(1)}{_chinese_number(m.group(2))}月{_chinese_number(m.group(3))}日", text
    )


def _republic_year(text: str) -> int:
    """A year of the Republic as printed: in figures (115), in Chinese numerals (二十五), or 元 (the first)."""
    if text.isdigit():
        return int(text)
    return 1 if text == "元" else _chinese_number(text)


# A masthead's date in English, as papers print it beside the Chinese one or alone (FRIDAY,
# NOVEMBER 20, 2026; Nov. 20, 2026; 20 November 2026), its weekday with it.
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAME = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY_NAME = r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?"
_ENGLISH_DATE_RE = re.compile(
    rf"\b{_WEEKDAY_NAME}(?:{_MONTH_NAME}\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})"
    rf"|(\d{{1,2}})\s+{_MONTH_NAME},?\s+((?:19|20)\d{{2}}))\b",
    re.IGNORECASE,
)
_LATIN_RE = re.compile(r"[A-Za-z]")


def english_dates_in_chinese(text: str) -> str:
    """``text`` with each date written in English (``FRIDAY, NOVEMBER 20, 2026``) written as
    ``2026年11月20日``, as the furniture grammars read dates."""
    if _LATIN_RE.search(text) is None:
        return text  # most lines: no letter to read

    def chinese(found: re.Match[str]) -> str:
        if found.group(1):
            month, day, year = found.group(1), found.group(2), found.group(3)
        else:
            day, month, year = found.group(4), found.group(5), found.group(6)
        date = iso(int(year), _MONTHS.index(month.lower()[:3]) + 1, int(day))
        return found.group(0) if date is None else f"{int(year)}年{int(date[5:7])}月{int(date[8:])}日"

    return _ENGLISH_DATE_RE.sub(chinese, text)


def issue_date(furniture: Iterable[str]) -> str | None:
    """The issue date printed in masthead or edition lines (``2024年1月17日 星期三``,
    ``二〇二四年一月十七日``, ``中華民國113年1月17日``, ``聊城日报 20240117 第3版``, ``WEDNESDAY,
    JANUARY 17, 2024``), if any."""
    for text in furniture:
        folded = _in_arabic_numerals(english_dates_in_chinese(fold_width(text)))
        match = _ISSUE_RE.search(folded.replace(" ", "")) or (
            _COMPACT_DATE_RE.search(folded) if _EDITION_RE.search(folded) else None
        )
        if match:
            found = iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if found:
                return found
    return None


def page_year(texts: Iterable[str]) -> int | None:
    """The latest reported year in the page's text, or None if it names none."""
    years = [year for text in texts for year in supported_years(text)]
    return max(years) if years else None


# Where a page's issue date came from, in the order they are trusted.
DateSource = Literal["masthead", "path", "user", "dateline"]

# Dates in a file's name or folders: 20200205, 2020-02-05, 2020_02_05, 2020.02.05, 2020/02/05
# (folders), 2020年2月5日. Digits on either side mean a longer number, not a date.
_PATH_DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(?:"
    r"(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
    r"|[-_./\\](0?[1-9]|1[0-2])[-_./\\](0?[1-9]|[12]\d|3[01])"
    r"|年(0?[1-9]|1[0-2])月(0?[1-9]|[12]\d|3[01])日?"
    # e-paper sites' folders: 202612/04 (经济日报's layout/202612/04/), 2026/1204
    r"|(0[1-9]|1[0-2])[/\\](0[1-9]|[12]\d|3[01])"
    r"|[/\\](0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
    r")(?!\d)"
)
# A paper's code, the date and the page run together, as e-papers name their PDFs (rmrb2026120305:
# 人民日报, 3 December 2026, page 5): the code's letters open the name, two or three page digits
# close the run (a content hash runs on in more letters and digits).
_CODED_PAGE_DATE_RE = re.compile(
    r"(?:^|(?<=[/\\\s._-]))[A-Za-z]{2,8}((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{2,3}"
    r"(?![0-9A-Za-z])"
)
# A run of hex digits this long is a content hash (001_1b9743f1e9e56b57.txt), not a date.
_HASH_RE = re.compile(r"[0-9a-fA-F]{12,}")
_PATH_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年|(?!\d))")


@dataclass(frozen=True)
class IssueDate:
    """A page's issue date (``YYYY-MM-DD``) and where it was found; both None when unknown."""

    value: str | None
    source: DateSource | None


def _without_hashes(path: str) -> str:
    return _HASH_RE.sub(lambda match: "#" * len(match.group()), path)


def path_date(path: str) -> str | None:
    """The date a file's name or folders give, the one nearest the file name winning.

    ``2020/02/05/page1.txt``, ``rmrb-20200205-01.txt``, ``2020年2月5日/第3版.txt``, e-paper
    folders (``202002/05/``, ``2020/0205/``) and a PDF's name with the paper's code and the page
    (``rmrb2020020501.txt``) all give ``2020-02-05``; a content hash or a longer number is not
    read as a date.
    """
    found: list[tuple[int, str]] = []  # where each date ends, and the date
    for match in _PATH_DATE_RE.finditer(_without_hashes(path)):
        year = int(match.group(1))
        month = match.group(2) or match.group(4) or match.group(6) or match.group(8) or match.group(10)
        day = match.group(3) or match.group(5) or match.group(7) or match.group(9) or match.group(11)
        if date := iso(year, int(month), int(day)):
            found.append((match.end(), date))
    for match in _CODED_PAGE_DATE_RE.finditer(path):
        if date := iso(int(match.group(1)), int(match.group(2)), int(match.group(3))):
            found.append((match.end(), date))
    return max(found)[1] if found else None


def path_years(path: str) -> list[int]:
    """Years a file's name or folders name (``2020/``, ``2020年``), for datelines without one."""
    return [int(match.group(1)) for match in _PATH_YEAR_RE.finditer(_without_hashes(path))]


def valid_iso(value: str) -> str | None:
    """``value`` if it is a real ``YYYY-MM-DD`` day (what ``build --date`` accepts), else None."""
    match = re.fullmatch(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", value.strip())
    if not match:
        return None
    return iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def choose_issue_date(
    *,
    furniture: Iterable[str],
    path: str | None,
    user_date: str | None,
    dateline_dates: Sequence[str],
) -> IssueDate:
    """The issue date of a page, from the most trusted place that gives one.

    In order: a masthead or page-header line that prints a full date; the file's name or
    folders; the date the user gave for the build; and only as a last resort the latest
    dateline of the page's stories (which is usually a day or more before the issue). Every
    candidate carries a year that is printed in the page or its path, so no year is guessed.
    """
    printed = issue_date(furniture)
    if printed:
        return IssueDate(printed, "masthead")
    from_path = path_date(path) if path else None
    if from_path:
        return IssueDate(from_path, "path")
    given = valid_iso(user_date) if user_date else None
    if given:
        return IssueDate(given, "user")
    if dateline_dates:
        return IssueDate(max(dateline_dates), "dateline")
    return IssueDate(None, None)


def _article_datelines(article: Article) -> list[MonthDay]:
    found = [d for paragraph in article.paragraphs for d in datelines(paragraph)]
    dispatched = dispatch_date(article.byline) if article.byline else None
    return [dispatched, *found] if dispatched is not None else found


# How long before its issue a story's dateline may be: a date further back is history the story
# tells (2013年3月9日，…), not the day it was filed.
DATELINE_MAX_AGE = datetime.timedelta(days=14)


def date_page(
    articles: Sequence[Article], furniture: Sequence[str], *, path: str | None, user_date: str | None
) -> IssueDate:
    """Set each article's ``date`` and return the page's issue date (see :func:`choose_issue_date`).

    An article's date is its own dateline (``本报北京1月31日电``, ``28日上午，…``), else the issue
    date. When the issue date is known (masthead, path or the user), a dateline is read in the year
    (and a day alone in the month) that puts it on or before the issue, and one more than
    :data:`DATELINE_MAX_AGE` before the issue, or after it, is not believed. Otherwise a day alone
    is read in the month of the page's latest full dateline, and a dateline's year must be printed
    on the page, or else in the file's path.
    """
    own = {article.seq: _article_datelines(article) for article in articles}
    issue = choose_issue_date(furniture=furniture, path=path, user_date=user_date, dateline_dates=[])
    issued = datetime.date.fromisoformat(issue.value) if issue.value is not None else None
    # The month a day alone (``28日上午``) is read in: the issue's, else the latest full dateline's.
    # Full datelines are ordered by month and day: one that printed its year and one that did not
    # (year None) cannot be ordered by year, and comparing them raised TypeError on real pages.
    latest_full = max(
        (d for found in own.values() for d in found), key=lambda d: (d.month, d.day), default=None
    )
    candidates: dict[int, list[MonthDay]] = {}
    for article in articles:
        leads = [day_only(article.paragraphs[0])] if article.paragraphs else []
        if article.byline and not own[article.seq]:
            leads.insert(0, dispatch_day(article.byline))  # 新华社北京19日电: the story's day
        leads += [day_only(other) for other in article.paragraphs[1:]]
        days = list(own[article.seq])
        for position, day in enumerate(leads):
            moved = _in_month_of(day, issued, latest_full) if day is not None else None
            if moved is not None:
                # A day alone opening the story comes first; later ones follow.
                days = [moved, *days] if position == 0 else [*days, moved]
        candidates[article.seq] = days
    if issued is not None:
        resolved = {
            seq: [r for d in days if (r := _filed_before(d, issued))] for seq, days in candidates.items()
        }
    else:
        texts = (
            [p for a in articles for p in a.paragraphs] + [a.title or "" for a in articles] + list(furniture)
        )
        year = page_year(texts)
        if year is None and path:
            year = max(path_years(path), default=None)
        resolved = {
            seq: [r for d in days if (r := iso(d.year or year, d.month, d.day))]
            for seq, days in candidates.items()
        }
        issue = choose_issue_date(
            furniture=furniture,
            path=path,
            user_date=user_date,
            dateline_dates=[r for found in resolved.values() for r in found],
        )
    for article in articles:
        own_date = resolved[article.seq][0] if resolved[article.seq] else None
        if own_date is not None and issue.value is not None and own_date > issue.value:
            own_date = None
        article.date = own_date or issue.value
    return issue


def _in_month_of(day: int, issued: datetime.date | None, latest: MonthDay | None) -> MonthDay | None:
    if issued is not None:  # the issue's month, or the one before for a day after the issue's
        month, year = (issued.month, issued.year) if day <= issued.day else _month_before(issued)
        return MonthDay(month, day, year)
    return MonthDay(latest.month, day, latest.year) if latest is not None else None


def _month_before(issued: datetime.date) -> tuple[int, int]:
    return (issued.month - 1, issued.year) if issued.month > 1 else (12, issued.year - 1)


def _filed_before(day: MonthDay, issued: datetime.date) -> str | None:
    """``day`` as a date on or up to :data:`DATELINE_MAX_AGE` before the issue, else None."""
    year = day.year
    if year is None:  # the issue's year, or the one before for a December story in a January issue
        year = issued.year if (day.month, day.day) <= (issued.month, issued.day) else issued.year - 1
    found = iso(year, day.month, day.day)
    if found is None or not issued - DATELINE_MAX_AGE <= datetime.date.fromisoformat(found) <= issued:
        return None
    return found
