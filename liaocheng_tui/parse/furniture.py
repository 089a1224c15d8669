"""Page furniture: mastheads, edition and date lines, the banner slogan and the section name.

These are recognised by shape and a few generic words (日报, 第3版, 星期二, 动态, 要闻…), never by
what a particular page prints.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from liaocheng_tui.parse.byline import (
    is_unnamed_byline,
    looks_like_a_name,
    parse_byline_line,
    split_show_mark,
)
from liaocheng_tui.parse.chars import (
    CHINESE_YEAR_DIGITS,
    HAN_CLASS,
    ends_sentence,
    fold_width,
    han_count,
    unspaced,
    weight,
)
from liaocheng_tui.parse.dates import english_dates_in_chinese
from liaocheng_tui.parse.memo import memoised
from liaocheng_tui.parse.normalize import is_double_spaced

_H = f"[{HAN_CLASS}]"
MASTHEAD_RE = re.compile(
    f"^{_H}{{2,8}}(?:日报|晚报|晨报|早报|都市报|时报|商报|导报|周报|青年报|法制报|农民报|电讯)(?:[·•]{_H}{{2,8}})?$"
)
# A county or trade paper's short name (莘县报, 联合报), or a county media centre's (东湖融媒,
# 东湖融媒体中心, 东湖发布): a masthead only beside or right above a line that prints the issue date.
_SHORT_MASTHEAD_RE = re.compile(f"^(?:{_H}{{1,5}}[报報]|{_H}{{2,6}}(?:融媒|融媒体中心|發布|发布))$")
# A full date as a masthead prints it: 2026年7月17日, 2026-07-17, 二〇二六年七月十七日, or in years
# of the Republic, as Taiwan's papers date an issue (中華民國115年7月17日) and the papers of the
# 1930s did, in Chinese numerals (中華民國二十五年十二月四日, 民國元年).
_DATE_TOKEN = (
    r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|\d{4}[-./]\d{1,2}[-./]\d{1,2}"
    rf"|[{CHINESE_YEAR_DIGITS}]{{4}}年[一二三四五六七八九十]{{1,3}}月[一二三四五六七八九十]{{1,3}}日"
    r"|(?:中[华華]民[国國]|民[国國])(?:\d{1,3}|元|[一二三四五六七八九十]{1,4})年"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
)
_DATE_TOKEN_RE = re.compile(f"^(?:{_DATE_TOKEN})$")
_FURNITURE_TOKEN_RE = re.compile(
    r"^(?:" + _DATE_TOKEN + r"|[（(]?(?:星期[一二三四五六日天]|[周週][一二三四五六日])[）)]?"
    r"|(?:农历|農曆)\S{2,10}|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年"
    r"(?:[正一二三四五六七八九十冬腊臘]{1,2}月(?:初[一二三四五六七八九十]|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|二十|三十))?"
    r"|第?[A-Z]?\d{1,3}版|第[一二三四五六七八九十]{1,3}[版张張]|[A-Z]\d{1,2}|版次[:：]?\S*|第\d{1,5}期|总第\d{1,6}期"
    r"|(?:责任编辑|本版编辑|编辑|校对|美编|版式|组版|审读|值班编辑|责编|视觉|设计)(?:[:：]\S{0,8})?"
    r")$"
)
_SECTION_SUFFIXES = (
    "新闻 动态 要闻 综合 经济 社会 文化 体育 民生 时政 理论 评论 副刊 国际 国内 财经 法治 教育 健康 "
    "农村 专版 专刊 特刊 周刊 视点 关注 文体 科教 生活 地方 本地 城事 县域 资讯 天下 人物 文旅 乡村 "
    "三农 党建 政务 都市 区县 广告 专题 深度 观点"
).split()


@dataclass
class TopFurniture:
    """What the top of the page printed above its first story."""

    banner: str | None = None
    section: str | None = None
    consumed: int = 0  # how many leading units were furniture


# The staff who edited and checked a copy (编辑：王海 审核：李青 监制：赵敏), and those who laid out
# its page or drew its charts (版式设计：…, 制图：…), whom a story's own credits may name too.
_COPY_STAFF_LABELS = (
    "责任编辑|值班编辑|总编辑|责编|编辑|主编|副主编|值班主任|校对|审读|审核|初审|复审|终审|审校|监制"
)
_EDITOR_LABELS = f"{_COPY_STAFF_LABELS}|本版编辑|美编|版式|组版|视觉|设计|排版|制图|统筹|策划"


def _staff_line_re(labels: str) -> re.Pattern[str]:
    """A line of staff credits, each a label (or labels run together: 版式设计; for this page: 本版责编)
    and a name, after a colon or a slash (本版编辑/王海)."""
    return re.compile(f"^(?:(?:本版)?(?:{labels})+\\s?[:：/／]\\s?{_H}(?:\\s?{_H}){{0,3}}\\s*)+$")


# Staff credits at the foot of a page: 责任编辑：刘 洋 / 版式：王敏 校对：李强 / 版式设计：王敏
_EDITORS_RE = _staff_line_re(_EDITOR_LABELS)
_COPY_STAFF_RE = _staff_line_re(_COPY_STAFF_LABELS)
# One field of a copy's editors in a line of staff credits (编辑：, 本版编辑：).
_COPY_STAFF_FIELD_RE = re.compile(f"(?:^|\\s)(?:本版)?(?:{_COPY_STAFF_LABELS})\\s?[:：/／]")
# Jump lines and page numbers: (下转A04版) （上接第1版） (转第2版) （紧接第一版） - 8 - 第8版, and the
# pointer under a front page's teaser to the page that prints the story (详见第3版, （见A5版）)
_JUMP_WORDS = "下转|上接|紧接|接|转|续|详见|参见|见"
_JUMP_OPENING = rf"[(（]\s*(?:{_JUMP_WORDS})(?:第)?\s*"
_JUMP_RE = re.compile(
    rf"^{_JUMP_OPENING}(?:[A-Z]?\d{{1,3}}\s*(?:版|页)?|[一二三四五六七八九十]{{1,3}}\s*(?:版|页))\s*[)）]$"
)
# A jump line a PDF prints in a box of its own, with no bracket or in 【】, an arrow beside it
# (下转第3版, ▶下转A2版, 【上接第一版】, 详见第3版): the whole line is the mark, and it names a page as one.
_ARROW = "[▶▷►→➡▲△▼◀☞]"
_BARE_JUMP_RE = re.compile(
    rf"^(?:{_ARROW}\s*)?【?\s*(?:下转|上接|紧接|转|续|详见|参见)\s*第?\s*(?:[A-Z]?\d{{1,3}}|[一二三四五六七八九十]{{1,3}})"
    rf"\s*(?:版|页)\s*】?(?:\s*{_ARROW})?$"
)
# The same set inside a paragraph, opening (（上接第1版）社区食堂…) or closing it (…。（下转第3版）):
# there the page must be named as one (版, 页, A3), as a paragraph may open with （接1） of a list.
_INLINE_JUMP = rf"{_JUMP_OPENING}(?:[A-Z]\s?\d{{1,3}}\s*(?:版|页)?|(?:\d{{1,3}}|[一二三四五六七八九十]{{1,3}})\s*(?:版|页))\s*[)）]"
_JUMP_MARK_LONGEST = 20  # characters, spaces inside the brackets included
_OPENING_JUMP_RE = re.compile(f"^\\s*({_INLINE_JUMP})\\s*")
_CLOSING_JUMP_RE = re.compile(f"\\s*({_INLINE_JUMP})\\s*$")
_PAGE_NUMBER_RE = re.compile(r"^[-－—]\s*\d{1,3}\s*[-－—]$")
# Every furniture pattern needs one of these: a digit (dates, editions, jump lines, page
# numbers), a colon (staff credits), 报/讯 (mastheads), 年 (dates in Chinese numerals, the lunar
# year), 期/周/週/历/曆 (weekdays, the lunar date) or a character of 版次 and the staff labels. A line
# with none is no furniture line.
_FURNITURE_CUE_RE = re.compile(r"[\d:：报讯年期周週历曆版编校审视设]")
_AD_LABEL_RE = re.compile(r"^(?:广告|广告专版|分类广告|广告热线|公益广告)$")


def is_ad_label(text: str) -> bool:
    """A line that only says 广告 (with a mark before it or not, as headlines have): the block
    printed under it is an advertisement."""
    if "广" not in text or "告" not in text:
        return False  # every label holds 广告 (spaces closed): most units are answered at once
    return bool(_AD_LABEL_RE.match(split_show_mark(text.strip())[1].replace(" ", "")))


_FURNITURE_LONGEST = 80  # characters


# A date that PDF extraction set apart from its units, as it does digits in another font
# (2026 年 3 月 12 日).
_SPACED_DATE_RE = re.compile(r"(?<=\d) (?=[年月日])|(?<=[年月]) (?=\d)")
# Where a page head runs its parts together: a weekday right after the date, bare or in brackets
# (2026年3月12日星期四, 2026年3月12日（星期四）), the date right after the paper's name
# (东昌日报2026年3月12日), or bars between them (东昌日报 | 2026年3月12日 | 星期四).
_GLUED_WEEKDAY_RE = re.compile(r"(?<=日)(?=[（(]?(?:星期|[周週])[一二三四五六日天])")
_GLUED_DATE_RE = re.compile(r"(?<=[报報])(?=(?:19|20)\d{2}年)")
_BARS_RE = re.compile(r"\s*[|｜丨]\s*")


def _with_dates_closed(text: str) -> str:
    """``text`` in ASCII digits and letters, a date's spaces closed (``2026年3月12日``), a date in
    English written so (``FRIDAY, MARCH 12, 2026``) and the parts of a page head run together set
    apart (``东昌日报 2026年3月12日 星期四``)."""
    text = english_dates_in_chinese(fold_width(text))
    if "年" not in text:
        return text
    if " " in text:
        text = _SPACED_DATE_RE.sub("", text)
    if "日" in text:
        text = _GLUED_WEEKDAY_RE.sub(" ", text)
    if "报" in text or "報" in text:
        text = _GLUED_DATE_RE.sub(" ", text)
    return _BARS_RE.sub(" ", text) if "|" in text or "｜" in text or "丨" in text else text


@memoised
def is_furniture_line(text: str) -> bool:
    """True for a masthead, edition or date line (``聊城日报 2023年2月21日 星期二 第3版``, its date
    spaced out too), a staff credit (``责任编辑：刘洋``), a jump line (``(下转A04版)``) or a page
    number."""
    # (The cue is looked for first: folding the width and closing spaces neither add nor take one.)
    if not _FURNITURE_CUE_RE.search(text):
        return False
    text = _with_dates_closed(text)
    if (
        _EDITORS_RE.match(text)
        or _JUMP_RE.match(text)
        or _BARE_JUMP_RE.match(text)
        or _PAGE_NUMBER_RE.match(text)
    ):
        return True
    tokens = text.split()
    if not tokens or len(text) > _FURNITURE_LONGEST:
        return False
    others = [t for t in tokens if not (MASTHEAD_RE.match(t) or _FURNITURE_TOKEN_RE.match(t))]
    # A short paper name (联合报, 大公报), or its name in English capitals (DONGJIANG DAILY), is a
    # masthead beside the full date.
    return not others or (
        (
            (len(others) == 1 and _SHORT_MASTHEAD_RE.match(others[0]) is not None)
            or all(_CAPITALS_RE.match(other) for other in others)
        )
        and any(_DATE_TOKEN_RE.match(t) for t in tokens)
    )


_CAPITALS_RE = re.compile(r"^[A-Z][A-Z&'.-]+$")


# A PDF page's footer, which text cut from several pages keeps where a page broke: 第 3 页,
# 第3页 共12页, Page 3 of 12, 3 / 12.
_PAGE_FOOTER_RE = re.compile(
    r"^(?:第\s?\d{1,4}\s?页(?:\s?[/／,，]?\s?共\s?\d{1,4}\s?页)?|共\s?\d{1,4}\s?页\s?[,，]?\s?第\s?\d{1,4}\s?页"
    r"|[Pp]age\s?\d{1,4}(?:\s?(?:of|/)\s?\d{1,4})?|\d{1,4}\s?/\s?\d{1,4})$"
)


_PAGE_NUMBER_LONGEST = 40  # characters, spaces around it included
# What a page number or footer opens with (full-width forms too): most lines are answered at once.
_PAGE_NUMBER_FIRST = frozenset("-－—第共PpＰｐ0123456789０１２３４５６７８９")


def is_staff_credit(text: str) -> bool:
    """True for a line that credits the staff who edited and checked a copy (``编辑：王海``,
    ``审核：李青``, ``责任编辑：王海 校对：李强``), and those who laid out its page beside them
    (``编辑：王海 校对：李强 组版：赵敏``, ``本版编辑：王海 美编：李强``): never a story's text,
    wherever it stands. Not those who drew its charts or laid out its page alone (``制图：…``,
    ``版式设计：…``), whom a story's own credits name too."""
    if "：" not in text and ":" not in text and "/" not in text and "／" not in text:
        return False
    folded = fold_width(text.strip())
    return bool(
        _COPY_STAFF_RE.match(folded) or (_EDITORS_RE.match(folded) and _COPY_STAFF_FIELD_RE.search(folded))
    )


def is_page_marker(text: str) -> bool:
    """A page number, a PDF page's footer or a jump line (``- 8 -``, ``第 3 页``, ``Page 3 of 12``,
    ``（下转A04版）``): never a headline, never a story's text."""
    if is_page_number(text):
        return True
    # A jump line is short and names a page: most units (a whole paragraph) are answered before
    # the folding looks at each of their characters.
    stripped = text.strip()
    if len(stripped) > _JUMP_MARK_LONGEST or (
        "版" not in stripped and "页" not in stripped and ")" not in stripped and "）" not in stripped
    ):
        return False
    folded = fold_width(stripped)
    return bool(_JUMP_RE.match(folded) or _BARE_JUMP_RE.match(folded))


@dataclass(frozen=True)
class JumpMarks:
    """A paragraph's text without the jump marks printed in it, and the marks as printed."""

    text: str
    opening: str | None  # （上接第1版）: the paragraph goes on from a story on another page
    closing: str | None  # （下转第3版）: the story goes on on another page


def split_jump_marks(text: str) -> JumpMarks | None:
    """The jump marks a paragraph opens or closes with (``（上接第1版）社区食堂…``, ``…。（下转第3
    版）``); None if it holds neither, or nothing else."""
    stripped = text.strip()
    if not stripped.startswith(("(", "（")) and not stripped.endswith((")", "）")):
        return None  # a mark opens or closes the paragraph with its bracket: most are answered here
    folded = fold_width(text)  # same length as text: spans found in it cut text
    opening = _OPENING_JUMP_RE.match(folded)
    start = opening.end() if opening else 0
    # A closing mark is a few characters at the end: the search starts there, not at every one.
    closing = _CLOSING_JUMP_RE.search(folded, max(start, len(folded.rstrip()) - _JUMP_MARK_LONGEST))
    end = closing.start() if closing else len(text)
    if (opening is None and closing is None) or not text[start:end].strip():
        return None
    return JumpMarks(
        text[start:end],
        text[opening.start(1) : opening.end(1)] if opening else None,
        text[closing.start(1) : closing.end(1)] if closing else None,
    )


# What OCR makes of a rule, a border or a speck of dirt: a line of one or two marks that text never
# ends a line with. Punctuation is left out (a hard wrap can leave a paragraph's last ， or ” alone
# on a line), dashes too (——).
_STRAY_LONGEST = 2  # characters, spaces left out
_STRAY_CHARS = frozenset("|｜丨lI一■□▪▫●○◆◇▲△▼▽►◄★☆※＊*·•∙_＿=＝~～^`\\/／")


def is_stray_mark(text: str) -> bool:
    """A line of one or two marks that are no text (``|``, ``丨``, ``一``, ``■``, ``*``, a lone
    ``l``): what OCR makes of a rule, a border or a speck. ``一`` may also number a story's first
    part (see :func:`stray_marks`)."""
    mark = "".join(text.split())
    return 1 <= len(mark) <= _STRAY_LONGEST and all(ch in _STRAY_CHARS for ch in mark)


_WRAPPED_SHARE = 0.8  # of the page's full line: a line a hard wrap cut is at least this long


def _characters(line: str) -> int:
    """How many characters a line holds, spaces left out."""
    return len("".join(line.split()))


def full_width(lines: Sequence[str]) -> int:
    """The length of the page's full lines: the 90th percentile of its lines' lengths."""
    lengths = sorted(_characters(line) for line in lines if line.strip())
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def as_wide_as(line: str, width: int) -> bool:
    """Whether ``line`` is as wide as a page's full lines of ``width`` characters: where a hard
    wrap cut it, if it ends no sentence."""
    return _characters(line) >= _WRAPPED_SHARE * width


def stray_marks(lines: Sequence[str]) -> list[int]:
    """Where a page has a stray mark (:func:`is_stray_mark`) between lines of text: where OCR left
    one, which may be inside a paragraph. One between two short lines is a character of a headline
    set vertically, one line per character, and is not one. ``一`` is one only under a finished
    sentence (else it may be the last character of a hard-wrapped paragraph, 之 / 一) and on a page
    with no ``二`` alone on a line (where ``一`` numbers a story's first part); under an unfinished
    line it is one too, unless that line is as long as the page's full lines (a wrap's cut)."""
    found: list[int] = []
    numbered: bool | None = None  # whether the page numbers parts 一, 二…: looked at once, if needed
    width: int | None = None  # the page's full line, in characters: worked out once, if needed
    for index, line in enumerate(lines):
        if (len(line) > 8 and len(line.strip()) > 8) or not is_stray_mark(line):
            continue  # most lines are answered by their length (a mark's spaces not counted)
        above = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), "")
        below = next((lines[i] for i in range(index + 1, len(lines)) if lines[i].strip()), "")
        if all(near and _characters(near) <= _STRAY_LONGEST for near in (above, below)):
            continue
        if line.strip() == "一":
            if width is None:
                width = full_width(lines)
            # Only a wrap leaves a paragraph's last character alone, under a line as wide as the page's.
            if above and not ends_sentence(above) and as_wide_as(above, width):
                continue
            if numbered is None:
                numbered = any(other.strip() == "二" for other in lines)
            if numbered:
                continue
        found.append(index)
    return found


_RUNNING_HEADER_LONGEST = 40  # characters, spaces included


@memoised
def is_running_header(text: str) -> bool:
    """A paper's name or page with a full date (``某某日报 2026年7月17日 第3版``), as a page's head
    prints it; a letter's date alone (``2019年10月15日``) is none."""
    if len(text) > _RUNNING_HEADER_LONGEST or (  # a page, or a paper (…报, …电讯)
        "版" not in text
        and "报" not in text
        and "報" not in text
        and "电讯" not in text
        and "電訊" not in text
    ):
        return False  # too long, or no page and no paper's name: answered at once, as most lines are
    return is_dated_furniture_line(text) and (masthead_in(text) is not None or "版" in text)


_STORY_LINE_WEIGHT = 20  # a line at least this heavy is a story's, not the page's head


def running_headers(lines: Sequence[str]) -> list[int]:
    """Where a page's running header (the paper's name or page with a full date) stands below a
    story's text: a page break of text cut from several pages, not the top of this page."""
    found: list[int] = []
    below_text = False
    for index, line in enumerate(lines):
        if below_text and is_running_header(line):
            found.append(index)
        elif not below_text and weight(line) >= _STORY_LINE_WEIGHT:
            below_text = True
    return found


@memoised
def is_page_number(text: str) -> bool:
    """A page number or a PDF page's footer (``- 8 -``, ``第 3 页``, ``Page 3 of 12``): where a page
    broke, which may be inside a paragraph. A jump line (``（上接第1版）``) is not one: it says where
    a story goes on."""
    # the spaces that centre a number count for nothing
    too_long = len(text) > _PAGE_NUMBER_LONGEST and len(text.strip()) > _PAGE_NUMBER_LONGEST
    if too_long or text.lstrip()[:1] not in _PAGE_NUMBER_FIRST:
        return False
    text = fold_width(text).strip()
    return bool(_PAGE_NUMBER_RE.match(text) or _PAGE_FOOTER_RE.match(text))


def is_dated_furniture_line(text: str) -> bool:
    """A furniture line that prints a full date (``二〇二六年七月十七日 星期五``): the issue's date
    line, never a headline; the page's head that names its section too (``聊城日报 2026年11月20日
    星期五 A08 公告``)."""
    return (is_furniture_line(text) or _page_head_with_section(text)) and any(
        _DATE_TOKEN_RE.match(t) for t in _with_dates_closed(text).split()
    )


_SECTION_NAME_RE = re.compile(f"^{_H}{{2,4}}$")


def _page_head_with_section(text: str) -> bool:
    """A page's head with the name of its section among its masthead, date, weekday and page
    (``聊城日报 2026年11月20日 星期五 A08 公告``): one short word besides, and two of those at least.
    (:func:`is_furniture_line` reads a page's head without it, as the labeller's features do.)"""
    return _head_section(text) is not None


def _head_section(text: str) -> str | None:
    """The section a page's head names among its masthead, date, weekday and page (as
    :func:`_page_head_with_section` reads it), or None."""
    # set apart by spaces, ideographic spaces, web copies' no-break spaces (&nbsp;) or PDF tools' tabs
    if " " not in text and "\u3000" not in text and "\xa0" not in text and "\t" not in text:
        return None  # one token: most lines, answered at once
    text = _with_dates_closed(text)
    tokens = text.split()
    if len(tokens) < _HEAD_TOKENS_LEAST or len(text) > _FURNITURE_LONGEST:
        return None
    others = [token for token in tokens if not (MASTHEAD_RE.match(token) or _FURNITURE_TOKEN_RE.match(token))]
    if (
        len(others) != 1
        or not _SECTION_NAME_RE.match(others[0])
        or _SHORT_MASTHEAD_RE.match(others[0])  # a short paper's name (东昌报): the masthead
        or _WEEKDAY_PIECE_RE.match(others[0])  # a weekday a wrap cut (…年8月4日 星期 / 二 第5版)
    ):
        return None
    return others[0]


_WEEKDAY_PIECE_RE = re.compile(r"^(?:星期|期[一二三四五六日天])$")


_HEAD_TOKENS_LEAST = 3  # the section's name, the date, and the paper's name, the page or the weekday


# What an e-paper site or a web page prints around its stories, which a copy or an extraction
# keeps: navigation (上一版 下一版, 返回目录, 【打印】【关闭】; a front page's 今日导读 over its list
# of stories inside), the page's label (第01版：要闻), its
# editors (本版责编：…), prompts to scan a QR code, and placeholders for pictures.
_NAVIGATION = (
    "上一版|下一版|上一篇|下一篇|上一期|下一期|往期回顾|返回目录|返回首页|返回顶部|版面导航|标题导航|版面目录"
    "|今日导读|本期导读|本版导读|要闻导读|导读|阅读原文"
    "|我要反馈|我要纠错|我要评论|我要投稿|我要留言|我要分享|意见反馈"
    "|打印本页|关闭窗口|打印|关闭|放大|缩小|默认|[大中小]字号|字号|大\\s?中\\s?小|收藏|纠错|推荐|分享|PDF版|PDF|在线阅读"
    "|(?:字号|字体)\\s?[:：]?\\s?大\\s?中\\s?小"
)
_NAVIGATION_RE = re.compile(f"^(?:[【\\[（(]?(?:{_NAVIGATION})[】\\]）)]?[\\s|｜/·]*){{1,12}}$")
# A rule drawn across the page between stories, in the dashes and lines a page sets it with
# (————————, ─────, ～～～～); a dash of two (——) is a sentence's, a run of dots an elision's.
_RULE_LINE_RE = re.compile(r"^(?:[—─━－–～＝＿~]\s?){4,}$")
_SHARE_RE = re.compile(r"^(?:分享到[:：]|分享至[:：]|分享让更多人看到$)")
# A news site's text-to-speech widget over the story (点击播报本文，约 3 分钟; 语音播报; 听新闻).
_LISTEN_RE = re.compile(r"^(?:点击播报本文[，,]?\s?(?:约\s?(?:\d{1,3}\s?分钟)?)?|语音播报|听新闻|点击收听)$")
# A public account's prompt to follow it, over or under a copied article: 点击上方蓝字关注我们.
_FOLLOW_RE = re.compile(
    r"^(?:点击(?:上方|下方)?(?:蓝字|“[^”]{1,12}”|[^\s，。,.]{0,12}?)\s?(?:一键)?关注(?:我们)?|关注我们)$"
)
# A public account's article page as copied: its header (原创 聊城发布 聊城发布 2026-12-04 18:30
# 发表于山东; a news app's 2026-12-04 10:20山东官方账号, 2026-12-04 10:20·聊城发布: a day and a time,
# then an account or a place), its collection (收录于合集 #冬季旅游 12个), and what it prints
# under the text (预览时标签不可点, 阅读 1.2万, 分享 收藏 点赞 在看, 举报/反馈).
_ACCOUNT_HEADER_RE = re.compile(
    r"^(?:原创\s?)?(?:\S{1,16}\s){0,3}\d{4}-\d{1,2}-\d{1,2}\s?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s?[·•]?\s?(?:发表于)?\S{1,12}(?:\s\S{1,8})?)?$"
)


def is_account_header(text: str) -> bool:
    """A public account's or a news app's header over a copied article (``原创 聊城发布 2026-12-04
    18:30 发表于山东``, ``2026-12-04 10:20山东官方账号``): its day and time, and the account's name
    (a web page's meta line, with its labelled fields, is read as one: ``… 来源：新华网``)."""
    return ":" in text and bool(_ACCOUNT_HEADER_RE.match(text)) and not _META_FIELD_RE.search(text)


# The button a news app prints beside an account's name: under the header, it says the line above
# the header is the account's name.
FOLLOW_BUTTONS = frozenset({"关注", "+关注", "+ 关注", "已关注", "订阅"})


_ACCOUNT_ACTION = r"(?:阅读|分享|收藏|点赞|在看|赞|留言|写留言)"
_ACCOUNT_FOOT_RE = re.compile(
    # an action with its count (阅读 1.2万), two actions or more (分享 收藏 点赞 在看); one alone
    # (阅读, a supplement's column) is none, but for 写留言
    rf"^(?:收录于(?:合集|话题)\s?.{{0,30}}|预览时标签不可点|写留言|举报\s?/\s?反馈|{_ACCOUNT_ACTION}\s?[\d.]+\s?万?\+?"
    rf"|{_ACCOUNT_ACTION}(?:\s?{_ACCOUNT_ACTION}(?:\s?[\d.]+\s?万?\+?)?)+)$"
)
# A site's breadcrumb (首页 > 新闻中心 > 本地新闻, 当前位置：首页 » 要闻) or menu, and the label of its related
# links (相关新闻：, 延伸阅读).
_BREADCRUMB_MARKS = ">＞»›"
_BREADCRUMB_RE = re.compile(
    r"^(?:当前位置|您的位置|你的位置|位置)?\s*[:：]?\s*(?:首页|主页|网站首页)\s*(?:[>＞»›/]|&gt;)"
    # a site's name before the page's place (新华网 > 正文, 人民网 > 地方 > 山东)
    r"|^\S{2,8}(?:网|报|台|客户端)\s?(?:[>＞»›]|&gt;)\s?\S{1,8}(?:\s?(?:[>＞»›]|&gt;)\s?\S{1,8}){0,3}$"
    # a site's menu, its home first (首页 要闻 本地 视频)
    rf"|^(?:首页|网站首页|主页)(?:[\s|｜]+{_H}{{2,6}}){{2,}}$"
)
_RELATED_LABEL_RE = re.compile(
    r"^(?:\*\*)?[【\[（(]?(?:相关新闻|相关阅读|相关报道|相关链接|延伸阅读|推荐阅读|热点推荐|热门推荐|猜你喜欢"
    r"|往期推荐|往期精彩|精彩推荐)"
    r"[】\]）)]?\s*[:：]?(?:\*\*)?$"
)
# A web page's link to more of its stories (更多精彩, 阅读更多>>): not the label over a list of
# related stories (相关新闻：), so the line under it is not taken for a link.
_MORE_LINK_RE = re.compile(
    r"^[【\[]?(?:更多精彩|更多阅读|更多新闻|更多报道|阅读更多|查看更多)[】\]]?\s*[>》»]*$"
)
_PAGE_LABEL_RE = re.compile(r"^第?\s?[A-Z]?\d{1,3}\s?版\s?[:：]\s?\S{1,10}$")
_PAGE_EDITORS_RE = re.compile(r"^本版(?:责编|编辑|校对|美编|统筹)[:：]")
# A web copy's staff credit in brackets under a story ((责任编辑：王海), 【编辑：王海 审核：李青】,
# with 【纠错】 beside it): a story's credit names its writer (（本报记者 王海）), never its editor.
_STAFF_NAMES = f"{_H}(?:\\s?{_H}){{1,3}}(?:[\\s、，,]+{_H}(?:\\s?{_H}){{1,3}})*"
_STAFF_CREDIT = f"(?:(?:{_EDITOR_LABELS})\\s?[:：\\s]\\s*{_STAFF_NAMES}\\s*)+"
_LABELLED_SECTION_RE = re.compile(
    f"^第?\\s?[A-Z]?\\d{{1,3}}\\s?版\\s?[:：]\\s?({_H}{{2,8}}(?:[·•]{_H}{{2,8}})?)$"
)


# A printed page's head: its page and section, either way round, maybe with its editors after
# (A04 城事, A04版 城事, 城事 A04, 第4版 城事新闻, 04 要闻 责编：王芳). A bare number names a page
# only when zero-padded (04), so that a headline such as 3 人受伤 is none.
_PAGE = r"(?:第\s?[A-Z]?\d{1,3}\s?版|[A-Z]\s?\d{1,3}\s?版?|\d{1,3}\s?版|0\d)"
_SECTION_NAME = f"({_H}{{2,6}}(?:[·•]{_H}{{2,6}})?)"
_PAGE_HEAD_SECTION_RE = re.compile(
    rf"^(?:{_PAGE}\s*[:：]?\s*{_SECTION_NAME}|{_SECTION_NAME}\s+{_PAGE})(?:\s+{_STAFF_CREDIT})?$"
)


def page_label_section(text: str) -> str | None:
    """The section an e-paper's page label or a printed page's head names (``第06版：经济`` ->
    经济, ``A03版：时政``, ``A04 城事``, ``城事 A04``, ``聊城日报 2026年11月20日 星期五 A08 公告``);
    None for any other line."""
    text = fold_width(text).strip()
    found = _LABELLED_SECTION_RE.match(text) or _PAGE_HEAD_SECTION_RE.match(text)
    if found is None:
        return _head_section(text)  # the whole head: 聊城日报 2026年11月20日 星期五 A08 公告
    section = next(group for group in found.groups() if group)
    # a paper's name beside its page (东昌日报 第5版, 东昌报 A3版) is the masthead, no section
    return None if MASTHEAD_RE.match(section) or _SHORT_MASTHEAD_RE.match(section) else section


def is_page_head(text: str) -> bool:
    """A page's head whole: a masthead, date or page line (:func:`is_furniture_line`), or a page
    label or head that names its section (:func:`page_label_section`)."""
    return is_furniture_line(text) or page_label_section(text) is not None


_BRACKETED_STAFF_RE = re.compile(
    f"^(?:[（(【\\[]\\s*(?:{_STAFF_CREDIT}|纠错)[）)】\\]]\\s*)*[（(【\\[]\\s*{_STAFF_CREDIT}[）)】\\]]$"
)
_QR_PROMPT_RE = re.compile(
    r"^[（(【\[]?(?:(?:扫码|扫一扫|扫描二维码|长按识别二维码|长按二维码|识别二维码|扫描下方二维码)"
    r"(?:看|观看|阅读|收听|了解|查看|关注|下载|参与|进入|获取|即可|在手机)\S{0,10}(?:\s*《[^》]{1,30}》)?"
    r"|扫码|扫一扫|扫描二维码|长按识别二维码|\S{0,8}二维码"
    # what to watch, then the request (观看直播，请用手机扫描二维码)
    r"|\S{0,10}(?:请|手机)\S{0,4}扫描?(?:下方|右侧|左侧|上方|图中)?二维码)[）)】\]]?$"
)
_PICTURE_RE = re.compile(
    r"^(?:[\[［【<〈]\s?(?:图片?|照片|img|image|photo)\s?\d{0,3}\s?[\]］】>〉]|!\[[^\]]{0,80}\]\([^)\s]{0,300}\))$",
    re.IGNORECASE,
)


_WEB_FURNITURE_LONGEST = 40
_INDEX_ENTRY_LONGEST = 60
_RIGHTS_LONGEST = 240
# What the lines below open with (full-width forms too), but a QR code's name (…二维码) and the
# buttons for the type's size (小字号), which end so: most lines open otherwise and are answered
# at once.
_WEB_FURNITURE_FIRST = frozenset(
    "上下往返更查版标打关放缩默字大收纠推分在今要导PpＰｐ【[［（(第本扫长识!！<〈首主网当您你位相延热猜*点阅精语听我意文"
    + "编责审校值监初复终原收预阅赞留写举"
    + "—─━－–～＝＿~"
    + "0123456789０１２３４５６７８９"
    + "ABCDEFGHIJKLMNOPQRSTUVWXYZＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
)
_PICTURE_LINK_LONGEST = 400
# The header a web page's reader writes over its copy of the page (``Title: …``,
# ``URL Source: https://…``, ``Published Time: …``, ``Markdown Content:``): fields named in
# English words, flush left, never a Chinese story's line.
_READER_FIELD_RE = re.compile(r"(?:[A-Z][a-z]+|[A-Z]{2,5}(?= [A-Z][a-z]))(?: [A-Z][a-z]+){0,2}:(?:\s|$)")


# A page's markup cut at a line break: an HTML comment's opening or close (an e-paper system's
# property dump, ``2024-02-03 2 2 某某晚报 content_226314.html 1 标题 /enpproperty-->``).
_COMMENT_OPENER, _COMMENT_CLOSER = "<!--", "-->"


def is_markup_debris(text: str) -> bool:
    """True for a line that opens or closes an HTML comment: what a web page's source left in a
    copy of its text, never a story's line."""
    stripped = text.strip()
    return len(stripped) <= _PICTURE_LINK_LONGEST and (
        stripped.startswith(_COMMENT_OPENER) or stripped.endswith(_COMMENT_CLOSER)
    )


# A text browser's list of a page's links at its foot (``lynx -dump``): a heading over the links'
# addresses, numbered as the marks in the text (``[4]上一篇：…``) number them.
LINK_LIST_HEADS = frozenset({"References", "Visible links", "Visible links:", "Hidden links:"})
_NUMBERED_ADDRESS_RE = re.compile(r"^\s*\d{1,4}\.\s+(?:https?|ftp|file|mailto):\S+\s*$")


def link_references(lines: Sequence[str]) -> set[int]:
    """The lines of a text browser's list of the page's links at its foot (``References`` over
    ``1. http://…``, as ``lynx -dump`` ends a page), empty where the page ends otherwise."""
    index = len(lines) - 1
    numbered = 0
    while index >= 0 and (not lines[index].strip() or _NUMBERED_ADDRESS_RE.match(lines[index])):
        numbered += bool(lines[index].strip())
        index -= 1
    found: set[int] = set()
    while numbered and index >= 0 and lines[index].strip() in LINK_LIST_HEADS:
        found |= {index, *range(index + 1, len(lines))}
        index -= 1
        while index >= 0 and (not lines[index].strip() or _NUMBERED_ADDRESS_RE.match(lines[index])):
            index -= 1  # Visible links over Hidden links: two lists
    return {at for at in found if lines[at].strip()}


# An entry of a front page's index (导读): a story's headline and the page it is on, the page
# after it (``老城区改造提速  A03``, ``春季植树活动启动……5版``) or before it (``A05 春季植树``).
_PAGE_REF = r"(?:第\s?)?[A-Z]?\d{1,2}\s?版|[A-Z]\d{1,2}|[Pp]\d{1,2}"
_INDEX_MARKS = "▶►▷●◆■□★☆•·>＞"
_INDEX_ENTRY_RE = re.compile(
    f"^[{_INDEX_MARKS}]?\\s*(?:\\S.{{1,40}}?(?:\\s+|[.…·]{{2,}}\\s*)(?:{_PAGE_REF})|(?:{_PAGE_REF})\\s+\\S.{{1,40}})$"
)
# What an entry that puts its page first opens with: a mark, the page's letter, 第 or P.
_PAGE_REF_FIRST = frozenset(
    _INDEX_MARKS + "ABCDEFGHIJKLMNOPQRSTUVWXYZＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ第PpＰｐ"
)
_INDEX_RUN_LEAST = 2  # entries: one line with a page number at its end is a headline's business


def index_entries(lines: Sequence[str]) -> set[int]:
    """The lines of a front page's index of its stories (今日导读 over ``▶ 老城区改造提速  A03``):
    runs of two or more entries, a blank line between two of them at most."""
    runs: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        stripped = line.strip()
        if (
            stripped
            and len(stripped) <= _INDEX_ENTRY_LONGEST
            # a page's number at the end (A03, 5版), or its letter or 第 first: most lines are
            # answered by one character
            and (stripped[-1].isdigit() or stripped[-1] == "版" or stripped[0] in _PAGE_REF_FIRST)
            and _INDEX_ENTRY_RE.match(fold_width(stripped))
        ):
            runs[-1].append(index)
        elif runs[-1] and (stripped or index - runs[-1][-1] > 1):
            runs.append([])  # a line of another kind, or a second blank line, ends the run
    return {index for run in runs if len(run) >= _INDEX_RUN_LEAST for index in run}


# A list of the page's stories over them (an e-paper page's 本版新闻 over its headlines): each entry
# is a headline printed again, on a line of its own, further down the page.
_LISTED_HEADLINE_LONGEST = 40  # characters
_LISTED_HEADLINE_LEAST = 5  # Han characters
_LIST_LABEL_LONGEST = 8  # characters: 本版新闻, 本版文章列表
_ENTRY_MARK_LONGEST = 4  # characters: 12. and its space
_ENTRY_MARK_RE = re.compile(f"^(?:[{_INDEX_MARKS}]|\\d{{1,2}}[.、．])\\s*")


def _listed_headline(line: str) -> str:
    return _ENTRY_MARK_RE.sub("", line.strip(), count=1).replace(" ", "").replace("\u3000", "")


def _could_be_listed(text: str) -> bool:
    """A headline, by its shape: five Han characters or more, no sentence's end, and no byline,
    meta line or furniture (a reporter's line or a story's meta line is printed again under each
    story; a table's cells and a repeated pull quote are short)."""
    return (
        han_count(text) >= _LISTED_HEADLINE_LEAST
        and not ends_sentence(text)
        and parse_byline_line(text) is None
        and not is_unnamed_byline(text)
        and not _META_FIELD_RE.search(text)  # a piece of a meta line a wrap cut (来源：某某报)
        and not is_web_meta_line(text)
        and not is_furniture_line(text)
    )


def headline_lists(lines: Sequence[str]) -> set[int]:
    """The lines of a list of the page's stories over them (``本版新闻`` over ``冬季供暖准备就绪``
    …, as an e-paper page copies): runs of two or more short lines, a blank line between two of
    them at most, each printed again as a line of its own below the run, with the short label
    right over the run, where the headlines printed again are each a story's, some text between
    any two of them, and the run is above the page's first sentence. A duplicated paragraph is
    printed again too, but ends a sentence; a story printed twice has its headline block (a kicker
    and a headline) printed again in one piece."""
    # The list stands over the page's stories: above the page's first sentence (a table of
    # contents inside a document's text, its headings printed again below, is the document's).
    top = next((index for index, line in enumerate(lines) if ends_sentence(line.strip())), len(lines))
    short = [line for line in lines[:top] if 0 < len(line.strip()) <= _LISTED_HEADLINE_LONGEST]
    if len(short) < _INDEX_RUN_LEAST:
        return set()  # most pages: a headline or two, then the first story's text
    later: dict[str, int] = {}  # a line's text, and the last line that prints it
    filled_above = [0]  # how many lines above each line hold text
    for index, line in enumerate(lines):
        stripped = line.strip()
        # a headline printed again is as short as its entry (a mark and spaces aside)
        if stripped and len(stripped) <= _LISTED_HEADLINE_LONGEST + _ENTRY_MARK_LONGEST:
            later[_listed_headline(stripped)] = index
        filled_above.append(filled_above[-1] + bool(stripped))
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines[:top], ""]):  # a blank line after the last closes its run
        stripped = line.strip()
        entry = (
            bool(stripped)
            and len(stripped) <= _LISTED_HEADLINE_LONGEST
            and later.get(_listed_headline(stripped), -1) > index
            and _could_be_listed(stripped)
        )
        if entry and not (run and index - run[-1] > 2):
            run.append(index)
            continue
        if not stripped and run and index - run[-1] == 1:
            continue  # one blank line inside the run
        printed = [later[_listed_headline(lines[i])] for i in run]
        if (
            len(run) >= _INDEX_RUN_LEAST
            and printed[0] > run[-1]
            and printed == sorted(printed)  # listed in the order the page prints them
            and all(
                filled_above[below] - filled_above[above] > 1 for above, below in itertools.pairwise(printed)
            )
        ):
            found.update(run)
            label = run[0] - 1
            if label >= 0 and 0 < len(lines[label].strip()) <= _LIST_LABEL_LONGEST:
                found.add(label)  # 本版新闻, 目录
        run = [index] if entry else []
    return found


def is_related_label(text: str) -> bool:
    """True for the label over a web page's list of related stories (``相关新闻：``, ``【延伸阅读】``)."""
    return bool(_RELATED_LABEL_RE.match(text.strip()))


# What a web copy prints under a story about its rights and sources, never a story's text: a
# disclaimer (声明：转载此文是出于传递更多信息之目的…), a copyright line (版权所有 …, 未经授权禁止转载),
# a request to credit (转载请注明出处), and the original headline (原标题：…), each in brackets too
# ((原标题：…), as a copy prints it under the story).
_RIGHTS_RE = re.compile(
    r"^[（(【\[]?(?:(?:版权声明|免责声明|特别声明|声明)\s?[:：].{0,200}?(?:转载|版权|侵权|著作权)"
    r"|版权所有|版权归|转载请注明|本文(?:系|为)?转载|原标题\s?[:：]"
    r"|.{0,24}未经.{0,12}(?:授权|许可|同意).{0,12}(?:不得|禁止|严禁).{0,6}(?:转载|使用|复制|摘编))"
)
_RIGHTS_FIRST = frozenset("版免特声转本原未（(【[")


@memoised
def is_web_furniture_line(text: str) -> bool:
    """True for what an e-paper site or a web page prints around the stories, never a story's
    line: ``上一版 下一版``, ``【打印】【关闭】``, ``分享到：``, ``第01版：要闻``, ``本版责编：…``,
    ``(责任编辑：王海)``, ``扫码看视频``, ``[图片]``, ``![](images/1.jpg)``, markup debris
    (``…/enpproperty-->``), a web page reader's header (``URL Source: https://…``), a rule drawn
    between stories (``————————``)."""
    if "A" <= text[:1] <= "Z" and _READER_FIELD_RE.match(text):
        return True
    if text[:1] in _RIGHTS_FIRST and len(text) <= _RIGHTS_LONGEST and _RIGHTS_RE.match(text):
        return True
    if len(text) > _WEB_FURNITURE_LONGEST and not text.lstrip().startswith(("![", _COMMENT_OPENER)):
        # a story's line, answered at once (only a picture's link or markup runs longer)
        return text.rstrip().endswith(_COMMENT_CLOSER) and is_markup_debris(text)
    stripped = text.strip()
    if stripped.endswith(_COMMENT_CLOSER) or stripped.startswith(_COMMENT_OPENER):
        return True  # markup debris (is_markup_debris), short
    if (":" in stripped or "：" in stripped) and is_account_header(fold_width(stripped)):
        return True  # it opens with the account's name, which can be any character
    if len(text) > _PICTURE_LINK_LONGEST or (
        stripped[:1] not in _WEB_FURNITURE_FIRST
        and not stripped.endswith(("二维码", "字号"))  # a QR code's name; the type's size (小字号)
        # a breadcrumb that opens with the site's name (新华网 > 正文)
        and not any(mark in stripped for mark in _BREADCRUMB_MARKS)
    ):
        return False
    text = fold_width(text).strip()
    return bool(
        _NAVIGATION_RE.match(text)
        or _SHARE_RE.match(text)
        or _LISTEN_RE.match(text)
        or _FOLLOW_RE.match(text)
        or _RULE_LINE_RE.match(text)
        or _BREADCRUMB_RE.match(text)
        or is_related_label(text)
        or _MORE_LINK_RE.match(text)
        or _PAGE_LABEL_RE.match(text)
        or _PAGE_EDITORS_RE.match(text)
        or _BRACKETED_STAFF_RE.match(text)
        or _QR_PROMPT_RE.match(text)
        or _PICTURE_RE.match(text)
        or _NEIGHBOUR_LINK_RE.match(text)
        or _ACCOUNT_FOOT_RE.match(text)
        or _KEYWORDS_RE.match(text)
        or _spaced_staff_credit(text)
    )


# A web page's keywords or tags under the story (文章关键词： 聊城 降雪 除雪, 标签：供暖): a few short
# words, no sentence.
_KEYWORDS_RE = re.compile(
    r"^(?:文章)?(?:关键词|关键字|标签)\s*[:：]\s*(?:[^\s，,、;；。！？!?]{1,10}(?:\s+|[，,、;；]\s*)?){1,8}$"
)


# An app's or a site's staff credits set apart by spaces alone: 编辑 李四 校对 王五, 责编 李四, and
# a page's layout staff beside its editors (编辑 李四 美编 王五).
_SPACED_STAFF = f"(?:{_EDITOR_LABELS}) ({_H}{{2,4}})"
_SPACED_STAFF_LINE_RE = re.compile(f"^(?:{_SPACED_STAFF} ?)+$")
_SPACED_STAFF_RE = re.compile(_SPACED_STAFF)
_SPACED_COPY_STAFF_RE = re.compile(f"(?:^| )(?:本版)?(?:{_COPY_STAFF_LABELS}) ")


def _spaced_staff_credit(text: str) -> bool:
    """Labels of the copy's staff (and of layout staff beside them), each with a name set apart by
    a space, every name a person's; not layout staff alone (制图 王五), whom a story's credits name."""
    return (
        _SPACED_STAFF_LINE_RE.match(text) is not None
        and _SPACED_COPY_STAFF_RE.search(text) is not None
        and all(map(looks_like_a_name, _SPACED_STAFF_RE.findall(text)))
    )


# A web page's links to the stories before and after it: 上一篇：我市开展冬季安全生产大检查.
_NEIGHBOUR_LINK_RE = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s?[:：]")


# A web address alone, or a rule between parts (---, * * *, <!-- page 2 -->): furniture when it
# stands among the headlines, text when a story prints it.
_ADDRESS_RE = re.compile(r"^(?:https?://|www\.)[\w.\-~:/?#@!$&'()*+,;=%]+$", re.IGNORECASE)
_RULE_RE = re.compile(r"^(?:-{3,}|_{3,}|=+|(?:\*\s?){3,}|<!--.{0,80}-->)$")


# A paper's imprint at the foot of its last page: fields whose labels only an imprint prints (its
# hotline, serial number, licence, printer), with its address, telephone, mail, editors or price
# beside them (社长：… alone may be an interview's answer, 定价：58元 a book's in a review).
_IMPRINT_LABELS = (
    "新闻热线|报料热线|发行热线|广告热线|统一刊号|国内统一刊号|国内统一连续出版物号|邮发代号|社址|本报地址|报社地址"
    "|广告经营许可证|广告许可证|印刷|承印"
)
_IMPRINT_RE = re.compile(rf"(?:^|\s)(?:{_IMPRINT_LABELS})\s?[:：]\s?\S")
_IMPRINT_LINE_RE = re.compile(
    rf"^(?:(?:{_IMPRINT_LABELS}|地址|邮编|邮政编码|电话|传真|网址|邮箱|投稿邮箱|社长|总编辑|值班主任|定价|零售价)"
    r"\s?[:：]\s?\S+\s*)+$"
)
_IMPRINT_LONGEST = 80  # characters: a line of the imprint, not a paragraph


def is_imprint_line(text: str) -> bool:
    """A line of a paper's imprint (``新闻热线：0635-8241234``, ``统一刊号：CN37-0065 邮发代号：23-20``,
    ``本报地址：聊城市东昌路 邮编：252000``): labelled fields only, one of them a label only an imprint
    prints (an address or a telephone alone may be a notice's). Not a publisher's line (聊城日报社出版):
    a book's credit in a reading page ends so too (某某文艺出版社出版)."""
    if "：" not in text and ":" not in text:  # every field has its colon: most lines end here
        return False
    text = fold_width(text).strip()
    return (
        len(text) <= _IMPRINT_LONGEST
        and not ends_sentence(text)
        and _IMPRINT_RE.search(text) is not None
        and _IMPRINT_LINE_RE.match(text) is not None
    )


def is_address_or_rule(text: str) -> bool:
    """True for a web address alone (``http://…``, ``www.…``) or a rule (``---``, ``* * *``)."""
    text = fold_width(text).strip()
    return bool(_ADDRESS_RE.match(text) or _RULE_RE.match(text))


# A web page's meta line: labelled fields (来源：…, 发布时间：…) with a date, or several such fields.
# A field starts the line or follows a space or bracket, so that a sentence's 来源： is no field.
_META_FIELDS = "稿件来源|信息来源|来源|发布时间|发布日期|发表时间|更新时间|作者|责任编辑|编辑|浏览次数|浏览|点击数|点击|阅读"
_META_FIELD_RE = re.compile(rf"(?<![^\s（(【】）)])(?:{_META_FIELDS})\s*[:：]")
# The same labels wherever they stand (OCR may glue a field to what came before: 日作者：袁平文).
META_FIELD_LABEL_RE = re.compile(rf"(?:{_META_FIELDS})\s*[:：]")
# A full date, Chinese or numeric (2020年1月2日, 2020-01-02, 2020.1.2).
FULL_DATE_RE = re.compile(r"(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|[-./]\d{1,2}[-./]\d{1,2})")
_FONT_SIZE_RE = re.compile(r"字号\s*[:：]?\s*大\s*中\s*小")


WEB_META_LONGEST = 80  # characters: no longer line is a web page's meta or source line


@memoised
def is_web_meta_line(text: str) -> bool:
    """True for the meta line a web page prints under a headline: ``来源：某某网 2020-01-02 10:00``,
    ``（ 2020-01-02 ） 稿件来源：某某报``, ``发布时间：2020年1月2日 作者：王明``, ``【字号 大 中 小】``;
    also spaced out letter by letter, as OCR sets some lines (``（ 2 0 2 0 - 0 1 - 0 2 ） 稿 件 来 源 ：…``)."""
    solid = unspaced(text)
    return (
        (solid != text and is_printed_web_meta_line(solid))
        or is_printed_web_meta_line(text)
        or (text[:1].isdigit() and _DATED_SOURCE_RE.match(fold_width(text).strip()) is not None)
        # the time's colon, which folding the width never writes: most lines have none
        or (":" in text and _ACCOUNT_META_RE.match(fold_width(text).strip()) is not None)
    )


# A news site's meta line without field labels: the day, the time and the source (2026年11月20日
# 07:12　大众日报, 2026-11-20 07:12 新华网), the source a paper's, a site's or an agency's name.
_DATED_SOURCE_RE = re.compile(
    r"^(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|(?:19|20)\d{2}-\d{1,2}-\d{1,2})\s?\d{1,2}:\d{2}(?::\d{2})?\s*"
    rf"{_H}{{1,10}}(?:报|网|社|台|客户端|新闻|发布)$"
)


# A social-media account's meta line under an article's title, as a copy of the article keeps it:
# 原创 东湖发布 2026年03月18日 08:00 山东 (an original's mark, the writer's and the account's names,
# the day and time, and the province the post was sent from).
_ACCOUNT_META_RE = re.compile(
    r"^(?:原创\s+)?(?:[\w·]{1,20}\s+){1,3}"
    r"(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|(?:19|20)\d{2}-\d{1,2}-\d{1,2})\s+\d{1,2}:\d{2}"
    rf"(?:\s+{_H}{{2,4}})?$"
)


@memoised
def is_printed_web_meta_line(text: str) -> bool:
    """:func:`is_web_meta_line` of the line as printed, spaces and all: the labeller's features read
    meta lines so, as the shipped models were trained (training them again gives the same files)."""
    if len(text) > WEB_META_LONGEST or ("：" not in text and ":" not in text and "字号" not in text):
        return False  # no field's colon, no 字号 (folding the width changes neither, nor the length)
    text = fold_width(text)
    if _FONT_SIZE_RE.search(text):
        return True
    fields = len(_META_FIELD_RE.findall(text))
    return fields >= 2 or (fields == 1 and bool(FULL_DATE_RE.search(text)))


# The author field of a meta line and the names after it, up to the next field, bracket or date.
_META_AUTHOR_RE = re.compile(rf"(?<![^\s（(【】）)])作者\s*[:：]\s*[{HAN_CLASS}·•、 ]+")


def meta_author(text: str) -> tuple[str, list[str]] | None:
    """The author field of a web page's meta line (``作者：雷收麦 《某某日报》（2012年10月27日 06版）``)
    as printed, and the names in it; None for any other line, or a field that names no one."""
    if not is_web_meta_line(text):
        return None
    text = fold_width(text)
    found = _META_AUTHOR_RE.search(text)
    if found is None:
        return None
    field = found.group()
    # 作者：王明 来源：… : the next field's label is no name
    following = _META_FIELD_RE.search(text, found.start() + 2)
    if following is not None:
        field = field[: max(0, following.start() - found.start())]
    parsed = parse_byline_line(field.strip())
    return None if parsed is None or not parsed[1] else (field.strip(), parsed[1])


_META_PIECES = 3  # a meta line cut by a hard wrap comes in at most this many pieces
_WRAP_WIDTH_SHARE = 0.3  # of a hard-wrapped page's lines of text at least, as wide as the wrap
_META_CUE_RE = re.compile("[：:字号]")


def wrapped_meta_lines(lines: Sequence[str], *, spaced: bool = False) -> set[int]:
    """The lines that are pieces of a web page's meta line a hard wrap cut (``（ 2026-04-27 ） 稿件来``
    / ``源：某某日报 要闻``): two or three lines in a row (lines of text in a row on a double-spaced
    page), none a meta line by itself, that together are one (the fewest that are: a headline above
    the pieces is none of them), naming each field once. Neither piece says what it is alone, and each reads like a line of text. Read as printed
    (:func:`is_printed_web_meta_line`): the labeller's features take these pieces from here; with
    ``spaced``, pieces OCR spaced out letter by letter are read too (:func:`is_web_meta_line`)."""
    found: set[int] = set()
    is_meta = is_web_meta_line if spaced else is_printed_web_meta_line
    # A double-spaced copy sets a blank line under every line, the pieces' too: there the pieces are
    # lines of text next to each other, whatever blank lines stand between them, and all but the
    # last fill the width most of the page's lines have, as a wrap cut them (a paper's edition line
    # over an author's line, both whole, are no pieces). Elsewhere a blank line parts them.
    # in_turn: the lines a piece may be followed by the next piece on, in order (their indices)
    in_turn = [index for index, line in enumerate(lines) if line.strip()]
    if is_double_spaced(in_turn):
        width, count = Counter(len(lines[index].strip()) for index in in_turn).most_common(1)[0]
        if count < _WRAP_WIDTH_SHARE * len(in_turn):
            return found  # no wrap cut the page's lines: none is a piece
        cut = [len(lines[index].strip()) >= width - 1 for index in in_turn]
    else:
        in_turn = list(range(len(lines)))
        cut = [True] * len(in_turn)
    alone = [bool(lines[index].strip()) and not is_meta(lines[index]) for index in in_turn]
    # A meta line holds a field's colon or 字号, so one of its pieces holds a colon, 字 or 号. Looked
    # for only where two lines of text stand together (on a page with blank lines, at few places).
    cued: dict[int, bool] = {}

    def any_cued(first: int, last: int) -> bool:
        for position in range(first, last + 1):
            if position not in cued:
                cued[position] = _META_CUE_RE.search(lines[in_turn[position]]) is not None
            if cued[position]:
                return True
        return False

    for last in range(1, len(in_turn)):
        if not alone[last] or in_turn[last - 1] in found:
            continue
        for first in range(last - 1, max(last - _META_PIECES, -1), -1):
            if not (alone[first] and cut[first]):
                break  # the pieces of one line stand on lines next to each other, none whole
            if not any_cued(first, last):
                continue  # answered at once, as most pairs of lines are
            pieces = in_turn[first : last + 1]
            joined = "".join(lines[index].strip() for index in pieces)
            if len(joined) > WEB_META_LONGEST:
                break
            if is_meta(joined):
                names = _META_FIELD_RE.findall(fold_width(unspaced(joined) if spaced else joined))
                if len(set(names)) == len(names):  # a list's lines (书名：… 作者：…) repeat theirs
                    found.update(pieces)
                break
    return found


# A web page's source field alone on its line (来源：新华社, 稿件来源：某某日报 国际): no headline starts so,
# and it names a source, no sentence (来源：统计显示，今年…).
_SOURCE_LINE_RE = re.compile(
    r"^[（(]?(?:稿件来源|信息来源|本文来源|文章来源|来源)\s*[:：]\s*\S[^。！？!?，,；;（）()]{0,30}[）)]?$"
)


def is_source_line(text: str) -> bool:
    """True for a web page's source field on a line of its own: ``来源：新华社``."""
    return bool(_SOURCE_LINE_RE.match(fold_width(text).strip()))


def is_top_masthead(text: str, below: str | None) -> bool:
    """True for a short paper name (``莘县报``) printed over the issue's date line."""
    return (
        bool(_SHORT_MASTHEAD_RE.match(text.replace(" ", "")))
        and below is not None
        and is_dated_furniture_line(below)
    )


def masthead_in(text: str) -> str | None:
    """The paper named by a furniture line, if it names one."""
    tokens = text.split()
    for token in tokens:
        if MASTHEAD_RE.match(token):
            return token
    if any(_DATE_TOKEN_RE.match(t) for t in tokens):
        return next((t for t in tokens if _SHORT_MASTHEAD_RE.match(t)), None)
    return None


# A web page's source field and the name after it (稿件来源：某某日报 要闻).
_SOURCE_FIELD_RE = re.compile(r"(?:稿件来源|信息来源|来源)\s*[:：]\s*(\S+)")


def source_paper_in(text: str) -> str | None:
    """The paper a web meta line's source field names (``（ 2026-04-27 ） 稿件来源：某某日报 要闻``):
    on an e-paper site's copy, the page's own paper."""
    if "来源" not in text:
        return None
    for match in _SOURCE_FIELD_RE.finditer(fold_width(text)):
        if MASTHEAD_RE.match(match.group(1)):
            return match.group(1)
    return None


def is_section_word(text: str) -> bool:
    """A section's name alone (城市, 本埠, 县域新闻): two to six Chinese characters that are no
    short paper's name (东昌报) and no staff label (编辑). (A paper's full name at the page's top
    is its masthead, and an advertisement's label makes the page an advertisement, before a
    section is looked for.)"""
    return (
        2 <= len(text) <= 6
        and han_count(text) == len(text)
        and not _SHORT_MASTHEAD_RE.match(text)
        and not _FURNITURE_TOKEN_RE.match(text)
    )


def is_section_name(text: str) -> bool:
    """A section's name by its last word (综合新闻, 县域经济): two to six Chinese characters."""
    return 2 <= len(text) <= 6 and han_count(text) == len(text) and text.endswith(tuple(_SECTION_SUFFIXES))


def _slogan_groups(text: str) -> list[str] | None:
    groups = text.split(" ")
    if len(groups) < 2 or any(len(g) < 3 or han_count(g) != len(g) for g in groups):
        return None
    return groups


class Head(NamedTuple):
    """One of the page's first units, as :func:`top_furniture` sees it."""

    text: str
    headline: bool  # short, and in a headline block or taken for furniture by the labeller
    furniture: bool  # taken for furniture by the labeller


def top_furniture(heads: Sequence[Head]) -> TopFurniture:
    """Banner and section at the very top, only where a headline still follows them.

    A banner is a slogan of space-separated phrases (``AAAAAAA BBBBBBB``): it counts when a
    section name follows it, or when the labeller took it for furniture and each phrase is long
    (five characters or more), so that a two-part kicker above the first headline is not taken
    for one.
    """
    found = TopFurniture()
    heads = list(heads[:4])
    index = 0

    def headline_follows(at: int) -> bool:
        return at < len(heads) and heads[at].headline

    if index < len(heads) and heads[index].headline:
        groups = _slogan_groups(heads[index].text)
        if groups and headline_follows(index + 1):
            section_next = is_section_name(heads[index + 1].text)
            if section_next or (heads[index].furniture and all(len(g) >= 5 for g in groups)):
                found.banner = heads[index].text
                index += 1
    if (
        index < len(heads)
        and heads[index].headline
        and is_section_name(heads[index].text)
        and headline_follows(index + 1)
    ):
        found.section = heads[index].text
        index += 1
    found.consumed = index
    return found


_SPACED_LINES = 10  # text lines, at least, before a page counts as double-spaced
_SPACED_LONG_SHARE = 0.05  # of the runs of blank lines, at least, that are three or more long
_SPACED_LONG_RUNS = 2  # runs of three or more that show it however many runs a page has


def spacing_blanks(lines: Sequence[str]) -> set[int]:
    """On a page an extraction double-spaced (a blank line after every line, so that the page's own
    blank line comes out as three), the blank lines that are the spacing's: of a run of n, all but
    n // 2. None on any other page (see below)."""
    texts = [index for index, line in enumerate(lines) if line.strip()]
    if len(texts) < _SPACED_LINES:
        return set()
    runs = [(above + 1, below) for above, below in itertools.pairwise(texts) if below > above + 1]
    lengths = [end - start for start, end in runs]
    if (
        not is_double_spaced(texts)
        # Doubling makes every run odd (2n + 1) and the page's own blank lines runs of three and
        # more. A page with one blank line between all its lines, as many print a page, and no
        # longer runs is not told from a double-spaced one, and is read as it is; so is one with a
        # single longer run among many (a gap of three lines of its own). Two longer runs, or a
        # twentieth of the runs on a short page, show the doubling of a page's gaps between stories.
        or any(length % 2 == 0 for length in lengths)
        or sum(1 for length in lengths if length >= 3)
        < min(_SPACED_LONG_RUNS, _SPACED_LONG_SHARE * len(runs))
    ):
        return set()
    runs += [(0, texts[0]), (texts[-1] + 1, len(lines))]  # and the blank lines above and below the text
    return {index for start, end in runs for index in range(start, end - (end - start) // 2)}
