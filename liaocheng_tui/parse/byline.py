"""Byline grammar: standalone byline lines, bylines that open a paragraph, and closing credits.

A byline is kept as printed (whitespace collapsed); ``authors`` are the bare names, with roles such
as 本报记者/通讯员 and trailers such as 报道/摄 stripped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from liaocheng_tui.parse.chars import (
    HAN_CLASS,
    HAN_RE,
    ends_sentence,
    han_count,
    last_sentence_end,
    unbalanced,
    unspaced,
    weight,
    wholly_bracketed,
)
from liaocheng_tui.parse.memo import memoised

_H = f"[{HAN_CLASS}]"
# The marks papers set before a byline (■ 本报记者 X, ◎本报记者 X): any geometric shape or block
# element (■□▲△●○◆◇◎▌▍▼…), a star or a diamond; the grammar, not the mark, says it is a byline.
BYLINE_MARKERS = "".join(map(chr, range(0x2580, 0x2600))) + "★☆♦♢"
_MARKER_RE = re.compile(f"^[{BYLINE_MARKERS}]\\s*")
# The same marks set before a headline for show (● 标题, ◆标题). □ and ○ count only with a space after
# them: right before a character, OCR writes them for one it could not read, and ○ is also a zero
# (二○二○年). Marks alone are no mark before anything.
_PLACEHOLDERS = "□○◯"
_SHOW_MARK_RE = re.compile(
    "^(?:([" + "".join(mark for mark in BYLINE_MARKERS if mark not in _PLACEHOLDERS) + "])\\s*"
    "|([" + _PLACEHOLDERS + "])\\s+)(?=[^\\s" + BYLINE_MARKERS + "])"
)
# Roles before names, longest first so that 本报记者 is not read as 本报 + 记者.
_ROLES = (
    "本报特约通讯员 本报特约记者 本报特派记者 本报见习记者 本报实习记者 本报摄影记者 本报通讯员 本报记者 本报实习生 "
    "特约通讯员 特约记者 特派记者 见习记者 实习记者 摄影记者 融媒体记者 全媒体记者 融媒记者 首席记者 通讯员 实习生 记者 "
    "本报 摄影"
).split()
# A commentator's role, set apart from the name by a space (本报评论员 李红): 评论员观察 is a column.
_COMMENTATOR_ROLES = "本报特约评论员 本报评论员 特约评论员 特邀评论员 评论员".split()
# 报导 is 报道 as Taiwan's and Hong Kong's papers write it (记者陈美玲／高雄报导).
BYLINE_TRAILERS = "综合报道 摄影报道 联合报道 综合报导 报道 报导 撰文 撰稿 执笔 整理 编译 供稿 文/图 图/文 文·图 图·文 文图 图文 摄".split()
# The same words as sets, for the membership tests every token of every candidate line goes through.
_ROLE_SET = frozenset(_ROLES + _COMMENTATOR_ROLES)
_TRAILER_SET = frozenset(BYLINE_TRAILERS)
_WRITING_TRAILERS = tuple(trailer for trailer in BYLINE_TRAILERS if trailer != "摄")
# Trailers that may also open a byline (文/图 本报记者 X).
_LEADING_TRAILERS = {"文/图", "图/文", "文·图", "图·文", "文图", "图文"}
# ... and one that only opens one (撰文 张三 摄影 李四; 该校教授日前撰文指出 is a sentence).
_OPENING_TRAILERS = {"撰文"}
# A correspondent posted to or sent to a place (本报驻德国记者, 本报赴南非特派记者, 驻村记者): the
# place is part of the role.
_POSTED_ROLE_RE = re.compile(f"(?:本报)?[驻赴]{_H}{{1,8}}?(?:特派|首席)?记者")
_ROLE_RE = re.compile(
    "(" + "|".join(re.escape(w) for w in sorted(_ROLES + BYLINE_TRAILERS, key=len, reverse=True)) + ")"
)
# 丨 (a Han character) stands for a bar in web and app bylines: 文丨张三, 记者丨王五.
_TOKEN_SPLIT_RE = re.compile(r"[\s、，,/／|｜丨:：;；]+")
_COLON_RE = re.compile(r"[:：]")
# What the roles and names of a line are set apart by (记者 王小明, 记者｜王小明, 文丨王小明).
_APART_RE = re.compile(r"[\s|｜丨]+")
# Who wrote and who took the pictures, by a slash (张三/文 李四/图, 文/张三; opening the line, by a
# bar or a colon too: 文｜张三, 文：张三, 摄影：张三, but not 本版制图：张三): a byline's own sign.
_SLASH_CREDIT_RE = re.compile(
    r"(?:^|\s)(?:文|图|摄)\s?[/／]|^(?:文|图|摄影|摄)\s?[|｜丨:：]|[/／]\s?(?:文|图|摄)(?=\s|$)"
)
# Where a correspondent filed from, closing a byline (记者 张三 发自东京): no name.
_FILED_FROM_RE = re.compile(f"^发自{_H}{{1,8}}$")
# A byline line shows a cue (a role, a trailer, 评论员) or opens with a marker; its tokens are
# made of the line's own characters, so a line holding no role's or trailer's last character
# (nor 评论员's, nor 执笔's, an author's label) has no cue: parse_byline_line need not tokenise it.
_CUE_CHAR_RE = re.compile(
    "[" + "".join(sorted({w[-1] for w in _ROLES + BYLINE_TRAILERS} | {"员", "笔"})) + "]"
)
# A character that is neither Han, nor a token separator, nor a name's middle dot: no token of a
# byline (role, trailer, organisation, name) holds one, nor does 评论员's signature.
_NOT_IN_BYLINE_RE = re.compile(f"[^{HAN_CLASS}\\s、，,/／|｜:：;；·•]")
_NAME_RE = re.compile(f"^{_H}{{2,4}}$|^{_H}{{1,6}}[·•]{_H}{{1,8}}$")
# 文/图/片 in 文/图, 文/片 (text and pictures by), 据 (according to): never part of a name.
_SINGLE_ROLE_TOKENS = frozenset({"文", "图", "片", "据"})
_ONE_HAN_RE = re.compile(_H)
_HAN_ONLY_RE = re.compile(f"^{_H}+$")
_WORD_GAP_RE = re.compile(r"[ \t]{2,}|\u3000+")
_LETTER_SPACED_RE = re.compile(r"\S(?: \S)*")
_SPACED_BYLINE_MIN_LETTERS = 4  # the fewest a spaced byline has: 记 者 王 五
# News organisations credited in bylines (新华社记者 X 摄): never authors, but a byline cue.
_AGENCIES = set(
    "新华社 中新社 中通社 人民网 新华网 央视网 中新网 光明网 央广网 中国网 中青网 澎湃 澎湃新闻 央视 央广 总台 "
    "央视新闻 人民日报 光明日报 经济日报 法治日报 工人日报 农民日报 解放军报 科技日报 中国青年报 环球时报".split()
)
# A paper, station or news app, optionally with its brand after a middle dot: 齐鲁晚报·齐鲁壹点,
# 大众新闻, XX县融媒体中心, XX客户端. Only a byline cue when a role word follows it.
_ORG_SUFFIXES = (
    "日报|晚报|晨报|早报|都市报|时报|商报|电视台|广播电台|广播电视台|融媒体中心|融媒|通讯社|新闻网|客户端|记者站"
    "|新闻|网"
)
_AGENCY_RE = re.compile(f"^{_H}{{2,10}}(?:{_ORG_SUFFIXES})(?:[·•]{_H}{{2,8}})?$")
_BRAND_RE = re.compile(f"^{_H}{{2,8}}$")  # an outlet's brand after its name and a middle dot

# A dateline that opens a paragraph: 本报讯, 本报冠县讯, 本报北京1月16日电, 新华社北京1月16日电.
_S = r"\s?"
_PLACE = r"[^\s，,。；;：:（(）)]{1,8}?"
# Its date in figures or in Chinese numerals, as papers printed it before the 1990s (十二月三日电),
# with a year or without the month (新华社北京3日电, as wires and Hong Kong papers file): not 电话,
# 电视 and the like.
_NUMERAL_MONTH = "十[一二]?|[一二三四五六七八九]"
_NUMERAL_DAY = "[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_DATE_ELECTRIC = (
    rf"(?:(?:\d{{4}}|[〇零一二三四五六七八九]{{4}})\s?年\s?)?(?:(?:\d{{1,2}}|{_NUMERAL_MONTH})\s?月\s?)?"
    rf"(?:\d{{1,2}}|{_NUMERAL_DAY})\s?日\s?电(?![话视脑子力台报网池器码讯信邮影梯商])"
)
_DATELINE_RE = re.compile(
    rf"^(?:本{_S}报{_S}讯"
    rf"|本{_S}报{_S}{_PLACE}{_S}讯(?!员)"  # not 本报通讯员, a reporter's role
    rf"|本{_S}报{_S}(?:{_PLACE})?{_S}{_DATE_ELECTRIC}"
    rf"|(?:新华社|中新社|中新网|人民网|新华网|央视网|{_H}{{2,6}}(?:日报|晚报|社|网|台)){_S}(?:{_PLACE})?{_S}{_DATE_ELECTRIC}"
    # another paper's, site's or app's own news: 新京报讯, 齐鲁晚报讯, 大众网讯, 南都讯, 红星新闻讯
    # (not 讯息, nor 日报社通讯员)
    rf"|{_H}{{1,6}}(?:报|网|台|都|新闻|社){_S}讯(?![息员])"
    # ... on a day, as news sites file (扬子晚报网12月3日讯, 红网时刻新闻12月3日讯) and as wires did
    # before the 1980s, the day in numerals and from a place (新华社一日讯, 新华社北京三十日讯)
    rf"|{_H}{{1,8}}?(?:报|网|台|新闻|客户端|社){_S}(?:{_PLACE})?{_S}"
    rf"(?:(?:\d{{1,2}}|{_NUMERAL_MONTH})\s?月\s?)?(?:\d{{1,2}}|{_NUMERAL_DAY})\s?日{_S}讯"
    # ... filed from a place: 大众日报聊城讯（记者…）, 齐鲁晚报济南讯 记者… (a bracket, a space or
    # the text's first figure after it: 某报联合某平台推出… is a sentence)
    rf"|{_H}{{1,6}}(?:日报|晚报|晨报|商报|都市报|网){_H}{{2,4}}讯(?=[\s（(【\[：:，,\d])"
    # in brackets: 【本报讯】, [本报讯], 【新华社北京3日电】, and another paper's, as Hong Kong's and
    # Macau's print their own (【明报专讯】, 【大公报讯】, 【本报消息】)
    rf"|[【\[［]{_S}(?:本{_S}报{_S}(?:{_PLACE})?{_S}讯"
    rf"|{_H}{{1,8}}?(?:报|网|台|社){_S}(?:专?讯|消息)"
    rf"|(?:本报|新华社|中新社|{_H}{{2,6}}(?:日报|晚报|社|网|台)){_S}(?:{_PLACE})?{_S}{_DATE_ELECTRIC}){_S}[】\]］]"
    # a wire's story retold: 据新华社电, 据新华社北京5月1日电
    rf"|据(?:新华社|中新社){_S}(?:{_PLACE})?{_S}(?:{_DATE_ELECTRIC}|电)"
    # a site's or station's news: 央视网消息, 央广网北京5月1日消息 (a bracket or colon follows)
    rf"|{_H}{{1,6}}(?:网|台|报){_S}(?:{_PLACE}{_S}\d{{1,2}}\s?月\s?\d{{1,2}}\s?日{_S})?消息(?=[（(：:\s])"
    # a paper's own report in brackets: （星岛日报报道）
    rf"|[（(]{_H}{{2,8}}(?:报|网|台|社)报道[）)]"
    # filed from a place on a day, in brackets, as Malaysia's and Singapore's papers print it:
    # （吉隆坡3日讯）, （新加坡讯） (not （快讯）); a foreign agency's: （法新社巴黎2日电）. Only with
    # the story after it: alone on its line, （新华社北京2月14日电） closes a story.
    rf"|[（(【]\s?{_H}{{2,8}}?\s?(?:\d{{1,2}}\s?日)?\s?讯\s?[）)】](?=\s?\S)"
    rf"|[（(]\s?{_H}{{1,6}}社{_S}(?:{_PLACE})?{_S}{_DATE_ELECTRIC}\s?[）)](?=\s?\S))"
)
_COMMENTATOR_RE = re.compile(f"^(?:本报|{_H}{{2,6}}(?:社|报|网|台))?(?:特约|特邀)?评论员$")
# A byline without brackets after a dateline: 本报讯 记者 张三 通讯员 李四 6月8日，…, or with a slash
# after each role as metro papers print it (南都讯 记者/张三 通讯员/李四 …); or closed by 报道 and a
# colon: 本报济南6月8日讯 记者张三报道：…
REPORTER_ROLE_WORDS = "(?:本报)?(?:全媒体|融媒体|融媒|首席|特约|见习|实习)?记者|(?:本报)?通讯员|实习生"
_BARE_BYLINE_RE = re.compile(
    f"^\\s?((?:(?:{REPORTER_ROLE_WORDS})\\s?[/／]?\\s?{_H}{{2,4}}?(?:\\s{_H}{{2,4}}?)*\\s?)+)(?:报道)?(?:\\s?[:：]|(?=\\s|[0-9]))"
)
# A news outlet's name before its reporter's (极目新闻, 潮新闻客户端, 齐鲁晚报·齐鲁壹点, 新京报; not
# 本报, whose 本报记者 is a role of its own).
_OUTLET_RE = re.compile(
    f"^{_H}{{2,8}}?(?:新闻|日报|晚报|晨报|早报|都市报|商报|时报|报|网|台|客户端)(?:[·•]{_H}{{2,8}})?\\s?(?=(?:{REPORTER_ROLE_WORDS}))"
)
_PAREN_RE = re.compile(r"^\s?[(（]([^()（）]{1,60})[)）]")
_END_CREDIT_RE = re.compile(r"^[(（]\s*([^()（）]{2,80}?)\s*[)）]$")
# The posts an expert signs a commentary with, after where they hold it (某某大学法学院副教授 张三).
_EXPERT_RE = re.compile(
    r"(?:教授|研究员|讲师|博士|博士后|院长|所长|主任|书记|局长|会长|理事长|秘书长|校长|律师|专家|学者"
    r"|分析师|经济师|工程师|评论员|作家|编辑|主编)$"
)

# How a short post ends where it opens as a name can (常委, 董事, 高工): no co-author.
_SHORT_POST_RE = re.compile(r"[委事工长员师授记]$")


@dataclass(frozen=True)
class Lead:
    """The opening of a paragraph split into its dateline/byline and the body that follows."""

    byline: str | None
    dateline: str | None
    authors: list[str] = field(default_factory=list)
    rest: str = ""


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _spaced_role(found: re.Match[str]) -> str:
    return f" {found.group()} "


def _tokens(text: str) -> list[str]:
    if "驻" in text or "赴" in text:
        text = _POSTED_ROLE_RE.sub(" 记者 ", text)  # 本报驻德国记者 names no one called 驻德国
    # A function, not the template r" \1 ": re expands a template far more slowly.
    spaced = _ROLE_RE.sub(_spaced_role, text)
    return [t for t in _TOKEN_SPLIT_RE.split(spaced) if t]


def _join_spaced(tokens: list[str]) -> list[str]:
    """Join a name that OCR or typesetting spaced out character by character (``许 诺`` -> 许诺)."""
    joined: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        single = (
            len(token) == 1
            and token not in _SINGLE_ROLE_TOKENS
            and token not in _TRAILER_SET
            and bool(_ONE_HAN_RE.match(token))
        )
        if single:
            run.append(token)
            continue
        if 2 <= len(run) <= 3:
            joined.append("".join(run))
        else:
            joined += run
        run = []
        if token:
            joined.append(token)
    return _join_split_names(joined)


def _plain_word(token: str) -> bool:
    """Han characters only, and no role, trailer or role letter (文, 图): a name or a paper's."""
    return (
        bool(_HAN_ONLY_RE.match(token))
        and token not in _ROLE_SET
        and token not in _TRAILER_SET
        and token not in _SINGLE_ROLE_TOKENS
    )


def _name_piece(token: str, length: int) -> bool:
    return len(token) == length and _plain_word(token) and not is_agency(token)


def _join_split_names(tokens: list[str]) -> list[str]:
    """Join a name that a stray space split in two (``周 明远``, ``陈晓 东``, as OCR and spaced-out
    text leave them): one character beside two, neither a role, a trailer or an organisation. (Two
    lone characters side by side are left to :func:`_join_spaced`'s runs.)"""
    joined: list[str] = []
    for token in tokens:
        if joined and (
            (_name_piece(joined[-1], 1) and _name_piece(token, 2))
            or (_name_piece(joined[-1], 2) and _name_piece(token, 1))
        ):
            joined[-1] += token
        else:
            joined.append(token)
    return joined


def _closed_letter_spacing(text: str) -> str | None:
    """A line spaced out character by character, with wider gaps where its words part
    (``新 华 社 记 者   林 思 远``, as OCR and some typesetting give a byline), as its words
    (``新华社记者 林思远``); None for any other line."""
    words = _WORD_GAP_RE.split(text.strip())
    if len(words) < 2 or not all(map(_LETTER_SPACED_RE.fullmatch, words)):
        return None
    return " ".join(word.replace(" ", "") for word in words)


def parse_letter_spaced_byline(text: str) -> tuple[str, list[str]] | None:
    """A byline spaced out character by character whose wider gaps were closed up
    (``新 华 社 记 者 王 思 北``): the line as printed and the names :func:`parse_byline_line`
    reads in its characters joined with their role words set apart (新华社 记者 王思北); None for
    any other line. The gaps gone, names glued together (王思北邢拓) cannot be told apart: None."""
    letters = text.split()
    if len(letters) < _SPACED_BYLINE_MIN_LETTERS or any(len(letter) != 1 for letter in letters):
        return None
    parsed = parse_byline_line(" ".join(_tokens("".join(letters))))
    return None if parsed is None else (" ".join(letters), parsed[1])  # as printed: 文 / 图 keeps its slash


def _letter_spaced_names(text: str) -> bool:
    """A byline spaced out letter by letter whose names read as people's (新 华 社 记 者 翟 伟, not
    a headline so spaced, 记 者 节 到 了)."""
    found = parse_letter_spaced_byline(text)
    return found is not None and bool(found[1]) and all(map(looks_like_a_name, found[1]))


def is_agency(token: str) -> bool:
    """True for a news organisation named in a byline (新华社, 人民网, XX日报, XX电视台), also with
    its brand after a middle dot (齐鲁晚报·齐鲁壹点, 中国青年报·中青网)."""
    if token in _AGENCIES or _AGENCY_RE.match(token):
        return True
    outlet, dot, brand = token.replace("•", "·").partition("·")
    return bool(dot) and outlet in _AGENCIES and _BRAND_RE.match(brand) is not None


def _credits_organisation(tokens: Sequence[str], index: int, line: str) -> bool:
    """Whether ``tokens[index]`` names the organisation of the role after it: a known agency or
    paper anywhere (新华社记者, 齐鲁晚报·齐鲁壹点 记者), and at the line's opening any short name
    glued to the role (新京报记者 王五, 南都记者 李四, 红星新闻记者 张三), as each paper credits its
    own reporters; a headline set beside a byline (乡村夜校开课了 通讯员 赵敏) is none."""
    if index + 1 >= len(tokens) or tokens[index + 1] not in _ROLE_SET:
        return False
    token = tokens[index]
    if is_agency(token):
        return True
    # 本版摄影：张三 credits a page's pictures: no one's byline.
    return (
        index == 0
        and len(token) <= 8
        and not token.endswith("版")
        and _plain_word(token)
        and token + tokens[index + 1] in line
    )


# The paper's dateline as a story's closing credit: places, a day, 电 or 讯, no one's name.
_DATELINE_CREDIT_RE = re.compile(
    f"^本报(?!.*(?:记者|通讯员))[{HAN_CLASS}、，, ]{{1,30}}?(?:\\d{{1,2}}\\s?月\\s?)?(?:\\d{{1,2}}\\s?日)?\\s?[电讯]$"
)
_OUTLET_ENDINGS = ("融媒体中心", "日报", "晚报", "晨报", "电视台", "广播电台", "报社", "通讯社")
_COMPILED = "综合"  # compiled (本报综合): no one's name


def names_in(text: str) -> list[str]:
    """Bare personal names in a byline fragment such as ``记者 夏旭光 通讯员 解斌 孙自强``."""
    names: list[str] = []
    tokens = _join_spaced(_tokens(text))
    for index, token in enumerate(tokens):
        if (
            token == _COMPILED
            or token in _ROLE_SET
            or token in _TRAILER_SET
            or token in _SINGLE_ROLE_TOKENS
            or _credits_organisation(tokens, index, text)
            or _FILED_FROM_RE.match(token)
        ):
            continue
        if _NAME_RE.match(token) and token not in names:
            names.append(token)
    return names


def split_show_mark(text: str) -> tuple[str, str]:
    """The mark set before a headline line for show (``● 标题``, ``◆标题``) and the text after it;
    ``("", text)`` where the line has none."""
    found = _SHOW_MARK_RE.match(text)
    if found is None:
        return "", text
    return found.group(1) or found.group(2), text[found.end() :]


# A reporter's e-mail address after the byline (柳静文 报道 liujingwen@dongjiang.com.sg), as
# Singapore's and Malaysia's papers print it, labelled or in brackets or not.
_EMAIL_TAIL_RE = re.compile(
    r"\s*[(（]?(?:(?:电邮|邮箱|电子邮箱|電郵|郵箱|e-?mail)\s?[:：]?\s?)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)）]?\s*$",
    re.IGNORECASE | re.ASCII,
)
_EMAIL_LINE_LONGEST = 120  # characters: a byline and an address, never a paragraph


def email_address_line(text: str) -> bool:
    """Whether a line is an e-mail address alone, labelled or in brackets or not
    (``liujingwen@dongjiang.com.sg``, ``电邮：liujingwen@dongjiang.com.sg``)."""
    found = _email_tail(text)
    return found is not None and not text[: found.start()].strip()


def _email_tail(text: str) -> re.Match[str] | None:
    """The e-mail address ending a line of a byline's length, with its label or brackets."""
    if "@" not in text or len(text) > _EMAIL_LINE_LONGEST:
        return None
    return _EMAIL_TAIL_RE.search(text)


def parse_byline_line(text: str) -> tuple[str, list[str]] | None:
    """Parse a line that is only a byline (``□记者 X 通讯员 Y 报道``); None if it is not one. A
    reporter's e-mail address after it (``柳静文 报道 liujingwen@dongjiang.com.sg``) is part of it.
    """
    parsed = _byline_line(text)
    return None if parsed is None else (parsed[0], list(parsed[1]))


@memoised
def _byline_line(text: str) -> tuple[str, tuple[str, ...]] | None:
    """:func:`parse_byline_line`, its names in a tuple: the answer kept for the line's next asking."""
    email = _email_tail(text)
    parsed = _parse_byline_line(text if email is None else text[: email.start()])
    if parsed is None:
        return None
    byline = parsed[0] if email is None else f"{parsed[0]} {email.group().strip()}"
    return byline, tuple(parsed[1])


def _parse_byline_line(text: str) -> tuple[str, list[str]] | None:
    """:func:`parse_byline_line` of a line with no e-mail address after it.

    Every token must be a role, a trailer or a name, there must be a name, and the line must show
    that it is a byline: a marker such as ■/□, a role word, or a trailer such as 报道.
    """
    if len(text) > 40 and han_count(text[:80]) > 40:
        return None  # too heavy (weight > 40), known from the opening alone: a joined paragraph
    # Closing the spaces keeps the characters and the first one: most lines are answered before.
    first_character = text.lstrip()[:1]
    if not first_character or (first_character not in BYLINE_MARKERS and not _CUE_CHAR_RE.search(text)):
        return None
    line = _closed_letter_spacing(text) or _collapse(text)
    if weight(line) > 40:
        return None
    marked = bool(_MARKER_RE.match(line))
    rest = _MARKER_RE.sub("", line)
    if (labelled := _AUTHOR_LABEL_RE.match(rest)) is not None:
        return _labelled_authors(line, labelled.group(1))
    if _NOT_IN_BYLINE_RE.search(rest):
        return None  # every token must be Han (a name, a role, an organisation): see below
    if _COMMENTATOR_RE.match(rest.replace(" ", "")):
        return line, []  # 本报评论员: an institutional signature, no personal name
    tokens = _join_spaced(_tokens(rest))
    if not tokens or _speaks(rest):
        return None
    names: list[str] = []
    slashed = bool(_SLASH_CREDIT_RE.search(rest))
    cue = marked or slashed
    for index, token in enumerate(tokens):
        leading = token in _LEADING_TRAILERS or (index == 0 and token in _OPENING_TRAILERS)
        if token in _TRAILER_SET and not leading and index < len(tokens) - 1:
            return None  # 报道, 摄… close a byline: 记者节特别报道活动 is a headline
        if token in _ROLE_SET or token in _TRAILER_SET:
            cue = True
        elif _credits_organisation(tokens, index, rest):
            cue = True
        elif token in _SINGLE_ROLE_TOKENS or (index == len(tokens) - 1 and _FILED_FROM_RE.match(token)):
            continue
        elif names and _filed_from(token, tokens, index, rest):
            continue  # 张三 长沙报道: where the reporter filed from, no second author
        elif _NAME_RE.match(token) and not (index and tokens[index - 1] == "本报" and token.endswith("讯")):
            names.append(token)  # not the place of a dateline (本报冠县讯)
        elif (
            marked
            and (tokens[-1] in _TRAILER_SET or (index and tokens[index - 1] in _ROLE_SET))
            and (glued := _glued_names(token))
        ):
            names += glued  # names run together, as closing OCR's letter spacing leaves them
        else:
            return None
    if not names or not cue:
        return None
    # With a marker alone to say so (no role, no trailer), every name must read as a person's: a
    # column's label under a marker (■ 短评, ◆ 编后) is no byline.
    if marked and not slashed and not any(t in _ROLE_SET or t in _TRAILER_SET for t in tokens):
        if not all(map(looks_like_a_name, names)):
            return None
    # Without a marker or a trailer, the line must open with a role set apart by a space
    # (``记者 王小明``), so that a phrase such as 记者节到了 is not read as a byline.
    if not marked and not slashed and not any(t in _TRAILER_SET for t in tokens):
        opening = [t for t in tokens if t not in _SINGLE_ROLE_TOKENS]
        first = opening[1] if _credits_organisation(opening, 0, rest) else opening[0]
        if first not in _ROLE_SET or len(_APART_RE.split(rest.strip())) < 2:
            return None
    return line, names


def _speaks(line: str) -> bool:
    """Whether a colon follows a name (记者王明：我的第一百次报道): what it opens is what that person
    says, a headline's grammar; in a byline a colon follows a label (记者：王明, 报道：)."""
    colon = _COLON_RE.search(line)
    if colon is None:
        return False
    before = _join_spaced(_tokens(line[: colon.start()]))
    if not before:
        return False
    last = before[-1]
    return last not in _ROLE_SET and last not in _TRAILER_SET and last not in _SINGLE_ROLE_TOKENS


def _filed_from(token: str, tokens: Sequence[str], index: int, line: str) -> bool:
    """Whether ``token`` names the place a report was filed from: glued to the closing 报道 or 报导
    (``长沙报道``, ``高雄报导``) and no person's name (a common surname first)."""
    if index != len(tokens) - 2 or tokens[-1] not in ("报道", "报导") or f"{token}{tokens[-1]}" not in line:
        return False
    # After a slash (记者陈美玲／高雄报导, as Taiwan's papers sign) it is the place whatever its first
    # character; otherwise only what reads as no person's name.
    return not looks_like_a_name(token) or f"／{token}" in line or f"/{token}" in line


# A signature under a label, as commentary pages and web pages print it: 作者：张三,
# 作者：张三（某某大学教授）, 作者：张三 李四, 撰稿：张三.
_AUTHOR_LABEL_RE = re.compile(r"^(?:作者|撰稿人?|执笔)\s*[:：丨|｜]\s*(\S.*)$")
_LABEL_REACH = 12  # characters: a label opens the line, after an indent or a mark at most
# Where an author works, after the name (（某某大学教授）, (作者单位：…)): a post, never a name.
_AFFILIATION_RE = re.compile(r"\s*[(（][^()（）]{1,40}[)）]")


def _labelled_authors(line: str, signed: str) -> tuple[str, list[str]] | None:
    """The line and its names when what follows the label (``作者：``) is names alone, each with
    where it works in brackets or not, or a byline of the usual grammar (作者：本报记者 张三)."""
    bare = _AFFILIATION_RE.sub(" ", signed).strip()
    if not bare or _NOT_IN_BYLINE_RE.search(bare):
        return None  # 作者：张三 来源：某某报 2020-01-02 is a web page's meta line, not a byline
    tokens = _join_spaced(_tokens(bare))
    names_alone = ":" not in bare and "：" not in bare  # 作者：张三 来源：某某报 names a source too
    if names_alone and tokens and all(_NAME_RE.match(t) and _name_piece(t, len(t)) for t in tokens):
        return line, tokens
    parsed = parse_byline_line(bare)
    return None if parsed is None else (line, parsed[1])


# Roles that name a reporter (本报 and 摄影 also open other lines: 本报讯, 摄影展).
_REPORTER_ROLES = _ROLE_SET - {"本报", "摄影"}
# Labels that open a line naming its writer, as magazines and web pages sign (文/张三, 文·图丨张三).
_WRITER_LABELS = frozenset({"文", "撰文", "文·图", "执笔"})
_WRITER_TRAILERS = frozenset({"文", "图", "文·图"})  # after the names: 张三/文, 张三/文 李四/图


def signs_writing(text: str) -> bool:
    """Whether a byline line ends with a trailer that signs a written piece (整理, 报道, 撰文,
    编译, 文/图), not a photograph alone (摄) and not a name alone: such a line under a story's
    last paragraph signs the story, where a name alone may credit the picture above it."""
    # Spaces left out: OCR and some typesetting space a byline out character by character (整 理).
    return "".join(text.split()).endswith(_WRITING_TRAILERS)


def names_a_reporter(text: str) -> bool:
    """A byline line that names a reporter by role (``记者｜张三``, ``本报记者 范昊天``) or an author
    under a label or over one (``作者：张三``, ``文/张三``, ``文丨张三``, ``撰文 张三``, ``张三/文``): never
    a headline, unlike a line that the grammar reads by a trailer alone (``图片报道``)."""
    if signs_by_label(text):
        return True
    if " " in text.strip() and _letter_spaced_names(text):
        # 新 华 社 记 者 翟 伟, as a PDF justifies a short line
        tokens = _tokens("".join(_MARKER_RE.sub("", text).split()))
    elif parse_byline_line(text) is not None:
        tokens = _tokens(_MARKER_RE.sub("", _collapse(text)))
    else:
        return False
    return (
        tokens[0] in _WRITER_LABELS
        or tokens[-1] in _WRITER_TRAILERS
        or any(token in _REPORTER_ROLES for token in tokens)
    )


_UNNAMED_LONGEST = 12  # characters: an agency's or a paper's name and a role


def is_unnamed_byline(text: str) -> bool:
    """A reporter's role with no one named (``新华社记者``, ``本报记者``, ``人民日报记者``), as a copy
    that lost the names keeps it: a byline, never a headline; spaced out letter by letter too
    (``新 华 社 记 者``, as a PDF justifies a short line)."""
    text = unspaced(_collapse(_MARKER_RE.sub("", text)))
    if not text or len(text) > _UNNAMED_LONGEST:
        return False
    tokens = _tokens(text)
    return all(token in _ROLE_SET or is_agency(token) for token in tokens) and any(
        token in _REPORTER_ROLES for token in tokens
    )


# A reporter's role after a space: what a byline set beside its headline opens with (every reporter
# role ends so), up to 12 characters after the space for a paper's name and its app's glued to the
# role (东江晚报·东江壹点记者); a cheap look before the grammar's.
_REPORTER_ROLE_AFTER_SPACE_RE = re.compile(r" \S{0,12}?(?:记者|通讯员|实习生)")
_BESIDE_LONGEST = 60  # characters, spaces included: a headline and a byline on one line
_HEADLINE_LEAST = 4  # characters: less is no headline


def split_byline_beside(text: str) -> tuple[str, str] | None:
    """A headline and the reporter's byline set beside it on one line (``城区新增停车泊位1200个
    本报记者 马晓``, as a PDF extraction puts them side by side), or None. The byline opens at a
    space with a reporter's role, or a paper's name glued to one, and names someone; the line is no
    byline whole (``齐鲁晚报·齐鲁壹点 记者 刘晓``), no captioned photo and no credit in brackets."""
    stripped = text.strip()
    if len(stripped) > _BESIDE_LONGEST or _REPORTER_ROLE_AFTER_SPACE_RE.search(stripped) is None:
        return None  # the cheap checks first: most lines are answered here
    if parse_byline_line(stripped) is not None or split_photo_credit(stripped) is not None:
        return None
    for gap in re.finditer(" ", stripped):
        headline, byline = stripped[: gap.start()].strip(), stripped[gap.end() :].strip()
        tokens = _tokens(byline)
        opens_with_role = bool(tokens) and (
            tokens[0] in _REPORTER_ROLES or _credits_organisation(tokens, 0, byline)
        )
        if not opens_with_role or not names_a_reporter(byline):
            continue
        if (
            weight(headline) >= _HEADLINE_LEAST
            and not ends_sentence(headline)
            and not unbalanced(headline)  # a credit in brackets: （新华社北京2月24日电 记者廖君）
            and parse_byline_line(headline) is None
        ):
            return headline, byline
        return None
    return None


def signs_by_label(text: str) -> bool:
    """A byline line that names an author under a label (``作者：张三``, ``撰稿：李四``): it signs the
    piece it heads, wherever it stands, unlike a reporter's line inside a story (an interview's
    questioner)."""
    return parse_label_signature(text) is not None


def parse_label_signature(text: str) -> tuple[str, list[str]] | None:
    """The line and its names where ``text`` is a signature under a label (:func:`signs_by_label`);
    None for any other line."""
    opening = text[:_LABEL_REACH]
    if "作者" not in opening and "撰稿" not in opening and "执笔" not in opening:
        return None  # most lines, answered before the line is collapsed and its mark taken off
    if not _AUTHOR_LABEL_RE.match(_MARKER_RE.sub("", _collapse(text))):
        return None
    parsed = parse_byline_line(text)
    return parsed if parsed is not None and parsed[1] else None


def _glued_names(token: str) -> list[str] | None:
    """Two or more names run together (孙亚飞赵永斌刘大鹏), when only one cut makes every part a
    two- or three-character name that opens with a common surname; None otherwise."""
    if not 4 <= len(token) <= 12:
        return None
    cuts: list[list[str]] = []

    def cut(rest: str, done: list[str]) -> None:
        if not rest:
            cuts.append(done)
            return
        for size in (2, 3):
            part = rest[:size]
            if len(part) == size and part[0] in _SURNAMES and all(HAN_RE.match(ch) for ch in part):
                cut(rest[size:], [*done, part])

    cut(token, [])
    return cuts[0] if len(cuts) == 1 and len(cuts[0]) >= 2 else None


# Common surnames (single and compound): a lone name line under a headline must open with one.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄"
    "窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "乐查利孙鞠"
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "长孙",
    "夏侯",
)
_NAME_LINE_RE = re.compile(f"^[{BYLINE_MARKERS}]?\\s*((?:{_H}\\s?){{1,3}}{_H})$")


def looks_like_a_name(name: str) -> bool:
    """Whether ``name`` reads as a Chinese person's name: two to four characters after a common
    surname (one or two characters)."""
    return 2 <= len(name) <= 4 and (name[0] in _SURNAMES or name.startswith(_COMPOUND_SURNAMES))


def parse_name_line(text: str) -> tuple[str, list[str]] | None:
    """A line that is only an author's name (``张 三``, ``■李四``), as commentaries print under
    their headline; the name must open with a common surname. None if it is not one."""
    line = _collapse(text)
    match = _NAME_LINE_RE.match(line)
    if not match:
        return None
    parts = match.group(1).split()
    if len(parts) > 1 and not (
        all(len(p) == 1 for p in parts) or (len(parts) == 2 and parts[0] in _COMPOUND_SURNAMES)
    ):
        return None
    name = "".join(parts)
    if not 2 <= len(name) <= 4 or not (name[0] in _SURNAMES or name.startswith(_COMPOUND_SURNAMES)):
        return None
    if len(name) == 4 and not name.startswith(_COMPOUND_SURNAMES) and " " not in match.group(1):
        return None
    return line, [name]


# Writers' names listed on a line of their own, set apart by a space, a stop or a semicolon, as
# archives and reposts print them under the headline (王海 李青, 王海、李青, 王海;李青;).
_NAMES_SEPARATOR_RE = re.compile(r"[\s、,，;；]+")
_NAMES_MOST = 4
_ALL_HAN_RE = re.compile(f"{_H}+")


def parse_names_line(text: str) -> tuple[str, list[str]] | None:
    """A line that is only writers' names (``赵敏``, ``张 三``, ``王海 李青``, ``王海;李青;``), as
    commentaries, archives and reposts print under a headline; each name must open with a common
    surname and have two or three characters (four with a compound surname). None otherwise."""
    single = parse_name_line(text)
    if single is not None:
        return single
    line = _collapse(text)
    names = _listed_names(line.lstrip(BYLINE_MARKERS + " "), _NAMES_MOST)
    return (line, names) if names else None


def _listed_names(text: str, most: int) -> list[str] | None:
    """The persons' names ``text`` lists, set apart by spaces, stops or semicolons, one to ``most``
    of them, none twice, each a person's (four characters only with a compound surname); None
    where any piece is no name."""
    names = [name for name in _NAMES_SEPARATOR_RE.split(text) if name]
    if not 1 <= len(names) <= most or len(set(names)) < len(names):
        return None
    for name in names:
        if (
            not _ALL_HAN_RE.fullmatch(name)
            or not looks_like_a_name(name)
            or (len(name) == 4 and not name.startswith(_COMPOUND_SURNAMES))
        ):
            return None
    return names


# A wire's dateline in brackets opening the story, its reporters, the place and the day run
# together, as Taiwan's papers print the Central News Agency's: （中央社記者王大明台北20日電）.
_BRACKETED_WIRE_RE = re.compile(
    rf"^[（(]\s?{_H}{{1,6}}(?:社|网|網|台|报|報)\s?(?:记者|記者)\s?(?P<who>(?:{_H}{{2,4}}[、，,]\s?)*{_H}{{4,8}})"
    rf"\s?\d{{1,2}}\s?日\s?[电電]\s?[）)]"
)

# A reporter's credit opening the story with where it was filed, as Taiwan's papers print it:
# 〔記者王大明／台北報導〕, 【聯合報／記者王大明、李華／台北即時報導】, 【本報記者李明／洛杉磯報導】, or
# unbracketed before a space.
_FILED_REPORT_RE = re.compile(
    rf"^(?P<open>[〔【\[［（(]\s?)?(?:{_H}{{2,8}}[／/]\s?)?(?:本报|本報|特约|特約)?(?:记者|記者|编译|編譯|特派员|特派員)\s?"
    rf"(?P<who>{_H}{{2,4}}(?:[、，,]\s?{_H}{{2,4}})*)\s?[／/]\s?{_H}{{1,12}}?(?:即时|即時)?(?:报导|報導|报道|報道)"
    rf"(?(open)\s?[〕】\]］）)]|(?=\s))"
)


def _wire_reporters(who: str) -> list[str]:
    """The reporters of a bracketed wire dateline, the place run into the last of them: a name
    of three characters where the rest leaves a place of two or more (王大明台北, 王大明华盛顿),
    of two where four characters stand (李明台北)."""
    *names, last = re.split(r"[、，,]\s?", who)
    cut = 2 if len(last) <= 4 else 3
    return [*names, last[:cut]]


# Every lead holds one of these words near its start (讯, 电, a role, 报道, 消息); a paragraph
# without one is answered at once.
_LEAD_CUE_WITHIN = 48
_LEAD_CUE_RE = re.compile(
    "讯|訊|电|電|记者|記者|通讯员|實習生|实习生|本报|本報|摄影|报道|報道|报导|報導|消息|编译|編譯|"
    + "|".join(map(re.escape, sorted(_LEADING_TRAILERS)))
)
_STORY_LEAST = 6  # characters of text after a reporter's name before it counts as a story's
_CREDIT_WORDS = ("摄", "报道", "整理", "供图", "制图", "文/图", "图/文")


def _story_follows(rest: str) -> bool:
    """Whether what follows a reporter's name is a story's text, not a credit's word (摄, 整理)."""
    rest = rest.strip(" \u3000：:，,")
    return (
        len(rest) >= _STORY_LEAST
        and not rest.startswith(_CREDIT_WORDS)
        # a sentence's marks, not more names (本报记者 刘诗瑶 常 钦 余建斌)
        and any(mark in rest for mark in "，。、；！？,")
    )


def dateline_length(text: str) -> int:
    """How many characters at the start of ``text`` a dateline takes (``本报北京2月14日电``,
    ``据新华社仰光2月18日电``, ``本报讯``): 0 where it opens with none."""
    match = _DATELINE_RE.match(text)
    return match.end() if match else 0


def split_lead(text: str) -> Lead | None:
    """Split a dateline and any parenthesised byline off the start of a paragraph.

    ``本报讯(记者 林金彦)2月20日,…`` gives byline ``本报讯(记者 林金彦)``; ``本报冠县讯 近段时间…`` gives
    only the dateline ``本报冠县讯``. A paragraph that opens with ``(记者 X)`` is split the same way,
    and one that opens with a wire's dateline in brackets (``（中央社記者王大明台北20日電）``).
    """
    lead = _split_lead(text)
    if lead is None or not lead.authors:
        return lead
    return Lead(lead.byline, lead.dateline, list(lead.authors), lead.rest)


@memoised
def _split_lead(text: str) -> Lead | None:
    """:func:`split_lead`, the answer kept for the line's next asking."""
    if _LEAD_CUE_RE.search(text, 0, _LEAD_CUE_WITHIN) is None:
        return None  # most paragraphs: no lead's word near their start
    wire = _BRACKETED_WIRE_RE.match(text) if text[:1] in "（(" else None
    if wire is not None:
        return Lead(
            byline=_collapse(wire.group(0)),
            dateline=None,
            authors=_wire_reporters(wire.group("who")),
            rest=text[wire.end() :].lstrip(" \u3000：:，,"),
        )
    filed = _FILED_REPORT_RE.match(text)
    if filed is not None:
        return Lead(
            byline=_collapse(filed.group(0)),
            dateline=None,
            authors=re.split(r"[、，,]\s?", filed.group("who")),
            rest=text[filed.end() :].lstrip(" \u3000：:，,"),
        )
    match = _DATELINE_RE.match(text)
    dateline: str | None = None
    position = 0
    if match:
        dateline = _collapse(match.group(0))
        position = match.end()
    paren = _PAREN_RE.match(text[position:])
    byline: str | None = None
    authors: list[str] = []
    if paren and (
        dateline or (_ROLE_RE.match(paren.group(1).strip()) and text[position + paren.end() :].strip())
    ):
        inner_names = names_in(paren.group(1))
        if not _ROLE_RE.search(paren.group(1)):
            # no role to say so: only a person's name is an author (央视网消息（新闻联播） names a programme)
            inner_names = [name for name in inner_names if looks_like_a_name(name)]
        if inner_names or dateline:
            byline = _collapse(text[:position] + paren.group(0))
            authors = inner_names
            position += paren.end()
            dateline = None
    if dateline is not None and byline is None:
        bare = _BARE_BYLINE_RE.match(text[position:])
        if bare and names_in(bare.group(1)):
            byline = _collapse(text[: position + bare.end()]).rstrip(":：")
            authors = names_in(bare.group(1))
            position += bare.end()
            dateline = None
    if dateline is None and byline is None:
        # A reporter opening the paragraph, credited by the outlet or not: 极目新闻记者 王明 近日，…,
        # 本报记者 王明 近日，…
        outlet = _OUTLET_RE.match(text)
        start = outlet.end() if outlet else 0
        bare = _BARE_BYLINE_RE.match(text[start:])
        # with the story after it: alone on its line (or over a credit's 摄), such a byline is a
        # byline line's to read
        names = names_in(bare.group(1)) if bare else []
        if (
            bare
            and names
            and all(looks_like_a_name(name) for name in names)  # not 记者获悉：
            and _story_follows(text[start + bare.end() :])
        ):
            byline = _collapse(text[: start + bare.end()]).rstrip(":：")
            authors = names
            position = start + bare.end()
    if dateline is None and byline is None:
        return None
    rest = text[position:].lstrip(" \u3000：:，,")
    return Lead(byline=byline, dateline=dateline, authors=authors, rest=rest)


# A story retold from another outlet's report, its source and day at the start: 据共同社12月2日报道，
# / 【美国《纽约时报》网站12月1日报道】 (the day keeps out 据统计 and a report cited in passing).
_REPORT_DAY = r"(?:\d{1,2}\s?月\s?)?\d{1,2}\s?日"
_REPORT_LEAD_RE = re.compile(
    rf"^(?:[【\[［][^】\]］]{{2,30}}?{_REPORT_DAY}\s?(?:电|报道|消息)[】\]］]"
    rf"|据[^，,。；;]{{2,24}}?{_REPORT_DAY}\s?(?:电|报道|消息)[，,：:])"
)


def opens_with_report(text: str) -> bool:
    """Whether a paragraph opens a story retold from another outlet's dated report
    (``据共同社12月2日报道，…``, ``【英国《金融时报》12月2日报道】题：…``): not a lead
    :func:`split_lead` sets apart, but a story's first paragraph all the same."""
    return bool(_REPORT_LEAD_RE.match(text))


def parse_end_credit(text: str) -> tuple[str, list[str]] | None:
    """Parse a closing credit that stands alone: ``(郝学兰 中共东阿县委书记)``, ``（记者 王伟）``.

    The first name is the author; what follows it is a job title, not another author, unless the
    credit names a role (记者/通讯员), in which case every name counts, or every part reads as a
    name (``（王明 李华）``: co-authors).
    """
    line = _collapse(text)
    match = _END_CREDIT_RE.match(line)
    if not match or weight(line) > 60:
        return None
    inner = match.group(1)
    if re.match(r"^作者\s*(?:为|系|是|单位)", inner):
        return line, []  # an author note (作者为…教授, 作者单位：…): a credit that names no one
    if re.search(r"[:：]", inner.removeprefix("作者").lstrip(":：")):
        return None
    inner = re.sub(r"^作者\s*[:：]?\s*", "", inner)
    if _ROLE_RE.match(inner):
        names = names_in(inner)
        if names and _DATELINE_CREDIT_RE.match(inner):
            return line, []  # (本报金边电), (本报巴黎、首尔5月12日电): places, where the story was filed
        # (本报综合): the paper compiled the story, a credit that names no one
        return (line, names) if names or _COMPILED in inner else None
    spaced = parse_name_line(inner)
    if spaced and " " in inner:
        return line, spaced[1]  # a spaced-out signature: (钟 言)
    parts = inner.split(" ")
    if is_agency(parts[0]) and all(_NAME_RE.match(part) for part in parts[1:]):
        # (东阿县融媒体中心 赵婷), (冠县融媒体中心): a county station's or a paper's own credit; an
        # outlet alone only where it is one by name (not 音频新闻, 详见新华网)
        if len(parts) > 1 or parts[0] in _AGENCIES or parts[0].endswith(_OUTLET_ENDINGS):
            return line, parts[1:]
    if len(parts) == 2 and _EXPERT_RE.search(parts[0]) and _NAME_RE.match(parts[1]):
        return line, [parts[1]]  # an expert's signature: (某某大学法学院副教授 张三)
    if len(parts) < 2 or not _NAME_RE.match(parts[0]):
        return None
    if len(parts) <= _NAMES_MOST and all(map(_reads_as_a_signed_name, parts)):
        return line, parts  # co-authors (王明 李华), not an author and a post (王明 常委)
    return line, [parts[0]]


def parse_wire_credit(text: str) -> tuple[str, list[str]] | None:
    """Parse a wire story's closing credit, its dateline before its reporters:
    ``（新华社北京10月12日电 记者王明、李华）``; None for a dateline alone or for words after it that
    are no one's names.

    Kept apart from :func:`parse_end_credit`, whose reading is one of the labeller's features: the
    shipped model learned such lines as text, and the assembler reads them as credits.
    """
    line = _collapse(text)
    match = _END_CREDIT_RE.match(line)
    if not match or weight(line) > 60:
        return None
    filed = _DATELINE_RE.match(match.group(1))
    if filed is None:
        return None
    reporters = match.group(1)[filed.end() :].strip()
    role = _ROLE_RE.match(reporters)
    if role is not None and reporters[role.end() : role.end() + 1] in (":", "："):
        reporters = f"{role.group()} {reporters[role.end() + 1 :].lstrip()}"  # 记者：王明, as 记者 王明
    if re.search(r"[:：]", reporters):
        return None  # a label's colon (题：, 编辑：): what follows is no reporter
    names = names_in(reporters)
    if names and (_ROLE_RE.match(reporters) or all(map(looks_like_a_name, names))):
        return line, names
    return None


def parse_compiled_credit(text: str) -> tuple[str, list[str]] | None:
    """Parse a closing credit that says how the story was put together and by whom:
    ``（综合本报记者王明、李华报道）``, ``（本报记者 王明采访整理）``, ``（据新华社伦敦电 记者王明）``,
    ``（新华社记者王明，本报记者李华）``, ``（参与记者：王明、李华）``.

    Every word between the frame (综合, 据, 参与…; 报道, 整理, 采写) must be a role, a news
    organisation, a wire dateline or a name, and a role must come before the first name: so a
    bracketed aside that happens to hold a name is no credit. Kept apart from
    :func:`parse_end_credit`, one of the labeller's features, for the reason
    :func:`parse_wire_credit` gives.
    """
    line = _collapse(text)
    match = _END_CREDIT_RE.match(line)
    if not match or weight(line) > _COMPILED_CREDIT_MAX_WEIGHT:
        return None
    inner = _COMPILED_FRAME_RE.sub("", match.group(1))
    names: list[str] = []
    for token in _join_spaced(_tokens(inner)):
        if token in _ROLE_SET or is_agency(token) or _WIRE_FILED_RE.match(token):
            continue
        if not names and not _ROLE_RE.search(inner.split(token, 1)[0]):
            return None  # a name before any role: an aside, not a credit
        if not _NAME_RE.match(token):
            return None
        if token not in names:
            names.append(token)
    return (line, names) if names else None


# A wire's dateline that names no day (新华社巴西圣保罗电), closing a story on a line of its own.
_DATELESS_WIRE_RE = re.compile(
    r"^(?:新华社|中新社|本报)(?!记者)[\u4e00-\u9fff]{2,8}(?<![来贺致唁发通急专])电$"
)


_DATELINE_PIECE_LONGEST = 30  # characters: a dateline's piece, the place and date of the longest
_DATELINE_END_RE = re.compile("[电讯息道電訊]")  # the last character of a dateline's word


def is_cut_dateline(head: str, tail: str) -> bool:
    """Whether ``head`` is a dateline's first piece and ``tail``, the line under it, opens with the
    rest (``本报东湖3月11日`` / ``电 （记者王明）…``, as a narrow column's wrap cuts it): the two run
    together open with a dateline that runs past the cut (a whole one ends before it) and goes on
    into a credit or the text (a closing dateline cut so, ``新华社北京4月2`` / ``4日电``, opens
    nothing), and ``tail`` opens with none of its own (a headline over a whole dateline would pass
    for a paper's name: 赵明出席 / 新华社东湖…电 as 赵明出席新华社)."""
    # a dateline's piece is short, and its end (电, 讯, 消息, 报道) comes after the cut: most lines
    # are answered here
    if (
        len(head) > _DATELINE_PIECE_LONGEST
        or _DATELINE_END_RE.search(tail, 0, _DATELINE_PIECE_LONGEST) is None
    ):
        return False
    return (
        not dateline_length(tail)
        and dateline_length(head + tail) > len(head)
        and not is_lone_dateline(head + tail)  # a story's closing dateline, cut: no lead
    )


def is_lone_dateline(text: str) -> bool:
    """A dateline with nothing after it and no one named in it (新华社北京4月26日电, 新华社巴西圣保罗电),
    bare or in brackets, as one closes a story ((本报莫斯科2月20日电))."""
    text = text.replace(" ", "")  # a wrap can leave one inside the date (4月2 4日)
    if wholly_bracketed(text):
        text = text[1:-1]
    if _DATELESS_WIRE_RE.match(text):
        return True
    lead = split_lead(text)
    return lead is not None and lead.dateline is not None and not lead.authors and not lead.rest.strip()


def parse_closing_credit(text: str) -> tuple[str, list[str]] | None:
    """A closing credit as the assembler reads it: an author's signature, :func:`parse_end_credit`'s,
    a wire story's, one that says how the story was compiled, or the writers under a label."""
    return (
        parse_signed_credit(text)
        or parse_end_credit(text)
        or parse_wire_credit(text)
        or parse_compiled_credit(text)
        or parse_labelled_credit(text)
        or parse_bracketed_reporters_line(text)
    )


def parse_bracketed_reporters_line(text: str) -> tuple[str, list[str]] | None:
    """A byline in brackets that :func:`parse_end_credit` does not read, as county media centres
    sign (``（融媒体中心记者 柳静文）``, the role after the outlet's name); not a photographer's
    (``（本报记者 王明摄）``)."""
    line = _collapse(text)
    if not wholly_bracketed(line) or line.rstrip("）) ").endswith(("摄", "摄影")):
        return None
    inner = line[1:-1].strip()
    if "：" in inner or ":" in inner:
        return None  # a label's credit (（执笔：王明 李华）), which the label grammars read
    credit = parse_byline_line(inner)
    return (line, credit[1]) if credit is not None and credit[1] else None


# Names alone in brackets, as reporters sign briefs (（王明）, （王明 李华）); a space at the brackets.
_NAMES_SIGNED_RE = re.compile(f"^[(（]\\s?((?:{_H}{{2,4}} )*{_H}{{2,4}})\\s?[)）]$")
_NAMES_SIGNED_LONGEST = 30  # characters of four names in brackets, an indent and spaces included
_SIGNED_CREDIT_RE = re.compile(r"^[(（]\s?(?:(?:本文)?作者\s?[:：]?\s?(.+?)|(.*[/／].*?))\s?[)）]$")
_SIGNED_CREDIT_LONGEST = 40  # characters: a label, names and a post


def parse_signed_credit(text: str) -> tuple[str, list[str]] | None:
    """An author's signature in brackets closing a story: under a label (``（作者：王明）``,
    ``（本文作者 王明，某某大学教授）``), beside a slash (``（文/王明）``, ``（王明/文）``) or names alone
    (``（王明）``, ``（王明 李华）``); None for any other line. Kept apart from :func:`parse_end_credit`, one of the labeller's features: the
    damaged training and dev copies set ``（作者 王明）`` under headlines as a byline, which the model
    reads by its place; told a credit, it read them as one (dev damaged title F1 0.938 -> 0.934)."""
    if "作者" not in text and "/" not in text and "／" not in text:
        # Most lines, answered at once; a short one may be names alone.
        names = _signed_names(text) if len(text) <= _NAMES_SIGNED_LONGEST else None
        return (_collapse(text), names) if names is not None else None
    line = _collapse(text)
    match = _SIGNED_CREDIT_RE.match(line)
    if match is None or weight(line) > _SIGNED_CREDIT_LONGEST:
        return None
    labelled, slashed = match.groups()
    if labelled is not None:
        names = _authors_signed(labelled)
        return (line, names) if names else None
    signed = parse_byline_line(slashed) if _SLASH_CREDIT_RE.search(slashed) else None
    return (line, signed[1]) if signed is not None and signed[1] else None


def _signed_names(text: str) -> list[str] | None:
    """The names of a signature of names alone in brackets (``（王明）``, ``（王明 李华）``,
    ``（欧阳晓明）``); None where any part is no name (（常委）, （王府井大）) or there are more than
    four."""
    found = _NAMES_SIGNED_RE.match(_collapse(text))
    if found is None:
        return None
    names = found.group(1).split(" ")
    return names if len(names) <= _NAMES_MOST and all(map(_reads_as_a_signed_name, names)) else None


def _reads_as_a_signed_name(name: str) -> bool:
    """A name as a signature gives it: after a common surname, no short post (常委), and four
    characters only after a compound surname (王府井大 is none), as :func:`parse_name_line` reads
    a name alone."""
    if not looks_like_a_name(name) or _SHORT_POST_RE.search(name):
        return False
    return len(name) < 4 or name.startswith(_COMPOUND_SURNAMES)


def is_name_signature(text: str) -> bool:
    """Whether ``text`` is names alone in brackets (``（王明）``, ``（王明 李华）``): reporters sign a
    news brief so, as writers sign comment; a signature with a post (（作者：王明）, （王明 东湖大学
    教授）) is an outside writer's."""
    return _signed_names(text) is not None


# The writers under a label, as public accounts and web pages close a story (记者：王海, 文字：王海
# 李青, 采写：王海、李青); not those who took its pictures or edited it.
_LABELLED_CREDIT_RE = re.compile(
    f"^(?:{REPORTER_ROLE_WORDS}|文字|文|采写|撰文|撰稿|作者)\\s?[:：]\\s?(\\S.*)$"
)
_LABELLED_CREDIT_LONGEST = 40  # characters: a label and six names
_REPORTER_ROLE_RE = re.compile(REPORTER_ROLE_WORDS)
_REPORTERS_LINE_RE = re.compile(f"^[{BYLINE_MARKERS}]?\\s*(?:{REPORTER_ROLE_WORDS})")


def opens_with_reporters_role(text: str) -> bool:
    """Whether a line opens with a reporter's role, after a byline's mark at most (``■ 本报记者 X``,
    ``记者 X 通讯员 Y``): not a lead (``本报讯（记者 X）``) nor a credit in brackets (``（作者 X）``)."""
    return _REPORTERS_LINE_RE.match(text) is not None


def parse_labelled_credit(text: str) -> tuple[str, list[str]] | None:
    """The line and its names where ``text`` credits writers under a label (``记者：王海``,
    ``文字：王海 李青``, ``采写：本报记者 王海``), each name a person's; None for any other line
    (``记者：请问…``)."""
    if ("：" not in text and ":" not in text) or len(text) > _LABELLED_CREDIT_LONGEST:
        return None  # most lines, answered at once
    line = _collapse(text)
    found = _LABELLED_CREDIT_RE.match(line)
    if found is None:
        return None
    names = _listed_names(found.group(1), _LABELLED_NAMES_MOST)
    if names is None:
        # the writers by their roles, as metro papers close a story (采写：南都记者 王海 通讯员 李青)
        byline = parse_byline_line(found.group(1))
        names = byline[1] if byline is not None and _REPORTER_ROLE_RE.search(byline[0]) else None
    return (line, names) if names else None


_LABELLED_NAMES_MOST = 6


# How a compiled story's credit frames its names: 综合本报记者…报道, 据新华社伦敦电 记者…,
# 本报记者 X采访整理, 参与记者：…, 栏目文章由…采访整理.
_COMPILED_FRAME_RE = re.compile(r"^(?:综合|据|栏目文章由|参与)|\s?等?(?:采访整理|整理|报道|参与采写|采写)$")
# The place a wire story was filed from, as a credit names it: 据新华社伦敦电, 新华社电.
_WIRE_FILED_RE = re.compile(f"^(?:据)?{_H}{{2,6}}社(?:{_H}{{1,8}})?电$")
_COMPILED_CREDIT_MAX_WEIGHT = 160  # a round-up credits ten reporters or more


_TAIL_CREDIT_RE = re.compile(f"[(（]\\s?((?:{REPORTER_ROLE_WORDS}|本报)[^()（）]{{2,40}})[)）]$")


# An author's credit closing a commentary's last paragraph: （作者：王明）, （作者 王明、李华）,
# （作者：王明，市社科院研究员）; not an author note (（作者为…研究员）, （作者单位：…）).
_AUTHOR_NAMES = f"({_H}{{2,4}}(?:[、，,\\s]\\s?{_H}{{2,4}})*?)(?:[，,]\\s?[^()（）]{{2,30}})?"
_TAIL_AUTHOR_RE = re.compile(f"[(（]\\s?作者\\s?[:：]?\\s?{_AUTHOR_NAMES}\\s?[)）]$")
_AUTHOR_NAMES_RE = re.compile(_AUTHOR_NAMES)


def _authors_signed(signed: str) -> list[str]:
    """The names after an author's label (作者：王明、李华, 作者 王明，某某大学教授), each reading as
    a person's; none for anything else."""
    found = _AUTHOR_NAMES_RE.fullmatch(signed)
    if found is None:
        return []
    names = re.split(r"[、，,\s]\s?", found.group(1))
    return names if all(map(looks_like_a_name, names)) else []


def split_tail_credit(text: str) -> tuple[str, str, list[str]] | None:
    """A reporter's or an author's credit closing a paragraph (``…前来参观。（记者 卜雨）``,
    ``…烟火气。（作者：王明）``): body, credit, names."""
    stripped = text.rstrip()
    match = _TAIL_CREDIT_RE.search(stripped)
    if match is None and (set_apart := split_set_apart_credit(stripped)) is not None:
        return set_apart
    if match is not None:
        names = names_in(match.group(1))
    elif "作者" in stripped[-40:] and (match := _TAIL_AUTHOR_RE.search(stripped)) is not None:
        names = _authors_signed(match.group(1))
    if not match or match.start() == 0 or not names:
        return None
    return text[: match.start()].rstrip(), _collapse(match.group(0)), names


def split_set_apart_credit(text: str) -> tuple[str, str, list[str]] | None:
    """A byline after a paragraph's last sentence, set apart by a space (``…到月底。 本报记者 王明``),
    as papers that sign at the end print it: body, byline, names; None for anything else. Such a
    line ends its story, however it ends."""
    end = text[-_TAIL_REACH:]
    if "记者" not in end and "通讯员" not in end:
        return None  # most paragraphs: no reporter named at their end
    cut = last_sentence_end(end)
    if cut is None or not end[cut : cut + 1].isspace():
        return None
    tail = end[cut:].strip()
    parsed = parse_byline_line(tail) if _ROLE_RE.match(tail) else None
    if parsed is None or not parsed[1]:
        return None
    return text[: len(text) - len(end) + cut], parsed[0], parsed[1]


_TAIL_REACH = 40  # characters: a byline is shorter, with the sentence end before it

_BRACKETED_PHOTO_CREDIT_RE = re.compile(r"[(（]\s?([^()（）]{2,40}?摄影?)\s?[)）]$")
# A caption before a credit, in characters: less is a label or a name, not a picture's description.
_CAPTION_LEAST = 4


_ROLE_WORD_RE = re.compile(
    "(?:" + "|".join(re.escape(w) for w in sorted(_ROLES, key=len, reverse=True)) + ")$"
)


def _credits_role(token: str) -> bool:
    """A token that names a credit's role or agency (本报记者, 新华社记者, 通讯员, 新华社)."""
    return bool(_ROLE_WORD_RE.search(token)) or is_agency(token)


def _names_a_photographer(credit: str, parsed: tuple[str, list[str]] | None) -> bool:
    """Whether a credit set apart from a caption that ends no sentence is a photographer's: it
    names a role (记者 X 摄) or only people (X 摄, X、Y 摄), so that a caption's own words (航拍摄,
    检修设备 X 摄) are not read as names."""
    if parsed is None or not parsed[1]:
        return False
    return any(_credits_role(piece) for piece in credit.split()) or all(
        looks_like_a_name(name) and (len(name) < 4 or name.startswith(_COMPOUND_SURNAMES))
        for name in parsed[1]
    )


# A photographer's credit and its picture's source in brackets: 王明摄（新华社发）, 王明 摄影报道（资料图）.
_SOURCED_PHOTO_CREDIT_RE = re.compile(r"摄影?(?:报道)?\s?([（(][^（）()]{2,8}[）)])$")


def parse_photo_credit(text: str) -> tuple[str, list[str]] | None:
    """A photographer's credit with its picture's source in brackets after it (``王明摄（新华社发）``,
    ``记者 王明 摄（资料图）``): the credit as printed and its names; None for any other line
    (:func:`parse_byline_line` reads a credit without a source, and this one not, so that the
    labeller's feature of it stays as trained)."""
    line = _collapse(text)
    source = _SOURCED_PHOTO_CREDIT_RE.search(line)
    if source is None:
        return None
    credit = parse_byline_line(line[: source.start(1)])
    return (line, credit[1]) if credit is not None and credit[1] else None


def split_photo_credit(text: str) -> tuple[str, str, list[str]] | None:
    """A photo credit closing a caption on its own line (``…春播作业。 记者 张晨 摄``): the caption,
    the credit as printed and its names. The credit follows a finished sentence, or is set apart
    from a caption that ends none by a space or a bracket and names a photographer
    (``工人检修设备 本报记者 王刚摄``, ``工人检修设备（王刚 摄）``)."""
    split = _split_photo_credit(text)
    return None if split is None else (split[0], split[1], list(split[2]))


@memoised
def _split_photo_credit(text: str) -> tuple[str, str, list[str]] | None:
    """:func:`split_photo_credit`, the answer kept for the line's next asking."""
    stripped = text.rstrip()
    bracketed = _BRACKETED_PHOTO_CREDIT_RE.search(stripped)
    if bracketed is not None and bracketed.start() > 0:
        caption = stripped[: bracketed.start()].rstrip()
        inner = parse_byline_line(bracketed.group(1))
        if (
            inner is not None
            and inner[1]
            and (
                ends_sentence(caption)
                or (weight(caption) >= _CAPTION_LEAST and _names_a_photographer(bracketed.group(1), inner))
            )
        ):
            return caption, _collapse(bracketed.group(0)), inner[1]
    if not stripped.endswith(("摄", "摄影")):  # the text is stripped: the same as 摄影?$
        return None
    cut = last_sentence_end(stripped)
    if cut is not None:
        credit = stripped[cut:].strip()
        parsed = parse_byline_line(credit) if credit else None
        if parsed is None or not parsed[1]:
            return None
        return stripped[:cut], parsed[0], parsed[1]
    pieces = stripped.split()
    for split in range(1, len(pieces)):
        caption, credit = " ".join(pieces[:split]), " ".join(pieces[split:])
        if _credits_role(pieces[split - 1]):
            break  # the credit starts in the caption (本报记者 王刚 李强 摄 is a credit alone)
        if len(pieces[split - 1]) < 2:
            continue  # a caption's last word is no single letter: the line is spaced out letter by letter
        parsed = parse_byline_line(credit)
        if weight(caption) >= _CAPTION_LEAST and _names_a_photographer(credit, parsed):
            assert parsed is not None
            return caption, parsed[0], parsed[1]
    return None
