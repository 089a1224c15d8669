"""Seeded extraction damage on a labelled page, for training and measuring the line-role model.

The corpus is clean web text: one paragraph per line, indented body, headlines on their own lines,
blank placeholders for empty kickers and subtitles, no page furniture. Users bring PDF and OCR
extractions. Each function here takes a page as ``(lines, roles)`` and a ``random.Random`` and
returns a damaged copy with one role per line, so the labels stay right:

- :func:`hard_wrap` wraps lines at 12-40 columns (each piece keeps its role), with blank lines
  between some pieces;
- :func:`lose_final_marks` drops the full stop (or ！？”) at the end of some paragraphs, as OCR
  loses small marks;
- :func:`add_margin` starts every line with the page's left margin in spaces, as layout-keeping
  extraction does (the parser measures indents from it);
- :func:`centre_headlines` centres headline lines (and sometimes the byline under them) with
  leading spaces, as layout-keeping PDF extractions (``pdftotext -layout``) print them;
- :func:`drop_indents`, :func:`unindent_subheads`, :func:`space_han`, :func:`half_width`, :func:`duplicate_paragraphs`,
  :func:`markdown_heads`, :func:`merge_headlines`, :func:`split_headlines`, :func:`drop_blanks`,
  :func:`article_gaps`, :func:`blank_between` change the text or layout;
- :func:`rewrite_bylines` and :func:`insert_furniture` add house-style byline lines and page
  furniture, with names and paper names from small generic generators (never from real pages).

:func:`strip_punctuation` is not part of :func:`damage`: it makes the pages the second model
(for pages set without punctuation) is trained and measured on.

Every function keeps every Han character of the original, in order (inserted lines add some).
:func:`damage` applies a random selection of them. Pure: no I/O, all randomness from ``rng``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from liaocheng_tui.parse.chars import FULL_WIDTH_ALNUM, HAN_RE
from liaocheng_tui.parse.normalize import split_lines
from liaocheng_tui.parse.roles import HEADER_ROLES, Role

Page = tuple[list[str], list[Role]]

_INDENT_CHARS = "\u3000\xa0 \t"
_HALF_PUNCT = str.maketrans(
    {
        "，": ",",
        "。": ".",
        "：": ":",
        "；": ";",
        "！": "!",
        "？": "?",
        "（": "(",
        "）": ")",
        "“": '"',
        "”": '"',
    }
)
_FULL_ALNUM = str.maketrans({narrow: full for full, narrow in FULL_WIDTH_ALNUM.items()})
_HALF_ALNUM = str.maketrans({full: narrow for full, narrow in FULL_WIDTH_ALNUM.items() if narrow.isdigit()})

# Generic name material: common surnames and given-name characters, not names from any page.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然子涵欣怡晨阳博文思源雪梅海燕建国志刚"
)
_PLACE = "东西南北中华新安平阳江山河海湖城州宁泰昌兴远清临济青云长嘉德金丰盛滨"
_PAPER_SUFFIX = ("日报", "晚报", "都市报", "晨报", "商报", "报")
_SECTIONS = (
    "要闻",
    "综合新闻",
    "时政动态",
    "社会",
    "经济",
    "文化",
    "体育",
    "国际",
    "理论",
    "副刊",
    "民生",
    "县域",
)
_WEEKDAYS = "一二三四五六日"


def han_sequence(lines: Sequence[str]) -> str:
    """The page's Han characters in order: what every damage function must keep."""
    return "".join(HAN_RE.findall("".join(lines)))


def made_up_name(rng: random.Random) -> str:
    """A person's name made up from common surnames and given-name characters."""
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _paper(rng: random.Random) -> str:
    return "".join(rng.choice(_PLACE) for _ in range(rng.choice((2, 2, 3)))) + rng.choice(_PAPER_SUFFIX)


def _date(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28)


def _header_blocks(roles: Sequence[Role]) -> list[tuple[int, int]]:
    """(first, last) line of each run of headline lines, blank lines inside a run included."""
    blocks: list[tuple[int, int]] = []
    index = 0
    while index < len(roles):
        if roles[index] in HEADER_ROLES:
            start = last = index
            at = index + 1
            while at < len(roles) and (roles[at] in HEADER_ROLES or roles[at] == "blank"):
                if roles[at] in HEADER_ROLES:
                    last = at
                at += 1
            blocks.append((start, last))
            index = last + 1
        else:
            index += 1
    return blocks


def cut_line(line: str, width: int) -> list[str]:
    """``line`` cut into pieces of at most ``width`` characters, as a hard wrap cuts it (a blank line
    stays one)."""
    return [line[start : start + width] for start in range(0, len(line), width)] or [""]


def hard_wrapped_lines(lines: Sequence[str], width: int) -> list[str]:
    """Every line cut at ``width`` characters, headlines too: a page as a narrow column prints it."""
    return [piece for line in lines for piece in cut_line(line, width)]


def hard_wrap(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Wrap lines at one width of 12-40 columns; sometimes a blank line between the pieces."""
    width = rng.randint(12, 40)
    gap = rng.choice((0.0, 0.0, 0.1, 0.5))
    wrap_heads = rng.random() < 0.5
    out_lines: list[str] = []
    out_roles: list[Role] = []
    for line, role in zip(lines, roles, strict=True):
        if len(line) <= width or (role in HEADER_ROLES and not wrap_heads):
            out_lines.append(line)
            out_roles.append(role)
            continue
        for number, piece in enumerate(cut_line(line, width)):
            if number and rng.random() < gap:
                out_lines.append("")
                out_roles.append("blank")
            out_lines.append(piece)
            out_roles.append(role)
    return out_lines, out_roles


def drop_indents(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Lose the U+3000 (and space) indents, on every line or on most."""
    share = rng.choice((1.0, 1.0, 0.7))
    return [line.lstrip(_INDENT_CHARS) if rng.random() < share else line for line in lines], list(roles)


def unindent_subheads(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Print in-article crossheads flush left while the paragraphs keep their indent, as many
    papers set them: a short unindented line inside a story is then still ``body``."""
    out: list[str] = []
    for line, role in zip(lines, roles, strict=True):
        text = line.lstrip(_INDENT_CHARS)
        short = 2 <= len(text) <= 30 and text[-1:] not in "。！？…；，、：”）"
        out.append(text if role == "body" and short and len(text) < len(line) else line)
    return out, list(roles)


def space_han(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Spaces between Chinese characters: letter-spaced lines, or OCR's stray spaces."""
    spaced_share = rng.choice((0.0, 0.1, 0.3))
    stray = rng.choice((0.0, 0.02, 0.08))
    out: list[str] = []
    for line in lines:
        if line and rng.random() < spaced_share and len(line) <= 30:
            out.append(" ".join(line.strip()))
        elif stray:
            out.append("".join(ch + " " if HAN_RE.match(ch) and rng.random() < stray else ch for ch in line))
        else:
            out.append(line)
    return out, list(roles)


def half_width(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Half-width punctuation, and digits and letters turned full- or half-width."""
    punct = rng.random() < 0.8
    alnum = rng.choice((None, "full", "half"))
    out: list[str] = []
    for line in lines:
        if punct:
            line = line.translate(_HALF_PUNCT)
        if alnum == "full":
            line = line.translate(_FULL_ALNUM)
        elif alnum == "half":
            line = line.translate(_HALF_ALNUM)
        out.append(line)
    return out, list(roles)


def duplicate_paragraphs(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Repeat a few body paragraphs, as overlapping text boxes of a PDF do."""
    rate = rng.choice((0.02, 0.05))
    out_lines: list[str] = []
    out_roles: list[Role] = []
    for line, role in zip(lines, roles, strict=True):
        out_lines.append(line)
        out_roles.append(role)
        if role == "body" and len(line) > 10 and rng.random() < rate:
            out_lines.append(line)
            out_roles.append(role)
    return out_lines, out_roles


def markdown_heads(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Markdown heading marks on headlines, as a PDF-to-markdown converter writes them."""
    title_mark = rng.choice(("# ", "## ", "#"))
    other_mark = rng.choice(("## ", "### ", ""))
    out: list[str] = []
    for line, role in zip(lines, roles, strict=True):
        if role == "title" and line:
            out.append(title_mark + line)
        elif role in ("kicker", "subtitle") and line and other_mark:
            out.append(other_mark + line)
        else:
            out.append(line)
    return out, list(roles)


def merge_headlines(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Join the lines of a headline block (kicker + title + subtitle) into one ``title`` line."""
    joiner = rng.choice(("  ", " ", ""))
    rate = rng.choice((0.5, 1.0))
    blocks = {start: last for start, last in _header_blocks(roles)}
    out_lines: list[str] = []
    out_roles: list[Role] = []
    index = 0
    while index < len(lines):
        last = blocks.get(index)
        if last is not None and last > index and rng.random() < rate:
            parts = [lines[i].strip() for i in range(index, last + 1) if roles[i] in HEADER_ROLES]
            out_lines.append(joiner.join(p for p in parts if p))
            out_roles.append("title")
            index = last + 1
            continue
        out_lines.append(lines[index])
        out_roles.append(roles[index])
        index += 1
    return out_lines, out_roles


def split_headlines(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Break long headlines in two, at a space where there is one, as a narrow column prints them."""
    out_lines: list[str] = []
    out_roles: list[Role] = []
    for line, role in zip(lines, roles, strict=True):
        text = line.strip()
        if role == "title" and len(text) >= 8 and rng.random() < 0.5:
            cut = text.find(" ")
            if cut <= 0:
                cut = rng.randint(3, len(text) - 3)
            out_lines += [text[:cut].strip(), text[cut:].strip()]
            out_roles += ["title", "title"]
        else:
            out_lines.append(line)
            out_roles.append(role)
    return out_lines, out_roles


def drop_blanks(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Drop blank lines (the corpus's placeholders for empty kickers and subtitles among them)."""
    rate = rng.choice((1.0, 1.0, 0.6))
    kept = [
        (line, role) for line, role in zip(lines, roles, strict=True) if line.strip() or rng.random() >= rate
    ]
    return [line for line, _ in kept], [role for _, role in kept]


def blank_between(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """One blank line between every two lines, as print-style and markdown extractions give."""
    out_lines: list[str] = []
    out_roles: list[Role] = []
    for line, role in zip(lines, roles, strict=True):
        if not line.strip():
            continue
        if out_lines:
            out_lines.append("")
            out_roles.append("blank")
        out_lines.append(line)
        out_roles.append(role)
    return out_lines, out_roles


def article_gaps(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """No blank lines but one before each headline block: articles set apart, no placeholders."""
    kept = [(line, role) for line, role in zip(lines, roles, strict=True) if line.strip()]
    out_lines: list[str] = []
    out_roles: list[Role] = []
    previous: Role | None = None
    for line, role in kept:
        if role in HEADER_ROLES and previous is not None and previous not in HEADER_ROLES:
            out_lines.append("")
            out_roles.append("blank")
        out_lines.append(line)
        out_roles.append(role)
        previous = role
    return out_lines, out_roles


def _byline(rng: random.Random) -> str:
    style = rng.randrange(6)
    if style == 0:
        return f"■ 本报记者 {made_up_name(rng)}"
    if style == 1:
        return f"本报讯(记者 {made_up_name(rng)})"
    if style == 2:
        return f"□记者 {made_up_name(rng)} 通讯员 {made_up_name(rng)} 报道"
    if style == 3:
        return f"（作者 {made_up_name(rng)}）"
    if style == 4:
        return f"本报记者 {made_up_name(rng)} {made_up_name(rng)}"
    return f"◆ 记者 {made_up_name(rng)} 文/图"


def rewrite_bylines(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Bylines in house styles: mark existing byline lines, add byline lines under headlines,
    open some first paragraphs with 本报讯(记者 X), close some articles with （作者 X） credits."""
    under = rng.choice((0.5, 0.8))
    blocks = {last: start for start, last in _header_blocks(roles)}
    out_lines: list[str] = []
    out_roles: list[Role] = []
    pending_lead = False
    for index, (line, role) in enumerate(zip(lines, roles, strict=True)):
        if role in HEADER_ROLES and out_roles and out_roles[-1] not in HEADER_ROLES and rng.random() < 0.15:
            credit = f"（{rng.choice(('本报记者', '记者', '作者'))} {made_up_name(rng)}）"
            out_lines.append(credit)
            out_roles.append("credit")
        if role == "byline" and rng.random() < 0.5:
            line = rng.choice(("■ ", "□", "◆ ")) + line.strip()
        if pending_lead and role == "body" and line.strip():
            stripped = line.lstrip(_INDENT_CHARS)
            line = line[: len(line) - len(stripped)] + f"本报讯（记者 {made_up_name(rng)}）" + stripped
            pending_lead = False
        out_lines.append(line)
        out_roles.append(role)
        if index in blocks:
            if rng.random() < under:
                out_lines.append(_byline(rng))
                out_roles.append("byline")
            elif rng.random() < 0.3:
                pending_lead = True
    return out_lines, out_roles


def _page_header(rng: random.Random) -> list[str]:
    year, month, day = _date(rng)
    paper = _paper(rng)
    edition = rng.randint(1, 24)
    weekday = "星期" + rng.choice(_WEEKDAYS)
    style = rng.randrange(4)
    if style == 0:
        return [f"{paper} {year}年{month}月{day}日 {weekday} 第{edition}版"]
    if style == 1:
        return [f"{year}年{month}月{day}日 {weekday}", f"第{edition}版", rng.choice(_SECTIONS)]
    if style == 2:
        return [paper, f"{year}年{month:02d}月{day:02d}日 {weekday}", f"A{edition:02d}"]
    return [f"{rng.choice(_SECTIONS)} {year}.{month:02d}.{day:02d} {weekday} 第{edition}版"]


def _web_meta(rng: random.Random, paper: str) -> str:
    """A web page's meta line (source, date, edition, author), in one of a few generic layouts."""
    year, month, day = _date(rng)
    clock = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    style = rng.randrange(6)
    if style == 0:
        return f"来源：{paper} {year}-{month:02d}-{day:02d} {clock}"
    if style == 1:
        return f"发布时间：{year}年{month}月{day}日 作者：{made_up_name(rng)}"
    if style == 2:
        return (
            f"{paper} {year}年{month:02d}月{day:02d}日 第{rng.randint(1, 24):02d}版 {rng.choice(_SECTIONS)}"
        )
    if style == 3:
        return f"{year}-{month:02d}-{day:02d} {clock}:{rng.randint(0, 59):02d} 来源：{paper}"
    if style == 4:
        return f"作者：{made_up_name(rng)} 来源：{paper} 日期：{year}.{month:02d}.{day:02d}"
    return f"【字号 大 中 小】 {year}-{month:02d}-{day:02d}"


def insert_furniture(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Page furniture: a page header, 字数 and 版次 lines of web pages, 责任编辑 at the foot."""
    paper = _paper(rng)
    year, month, day = _date(rng)
    edition = rng.randint(1, 24)
    web = rng.random() < 0.4
    out_lines: list[str] = []
    out_roles: list[Role] = []
    if rng.random() < 0.7:
        header = _page_header(rng)
        out_lines += header
        out_roles += ["furniture"] * len(header)
    blocks = {last: start for start, last in _header_blocks(roles)}
    for index, (line, role) in enumerate(zip(lines, roles, strict=True)):
        out_lines.append(line)
        out_roles.append(role)
        if index in blocks and web:
            extra: list[str] = []
            if rng.random() < 0.5:
                extra.append(f"《{paper}》（{year}年{month:02d}月{day:02d}日 第{edition:02d}版）")
            if rng.random() < 0.5:
                extra.append(rng.choice(("字数 ", "字数：", "字数:")) + f"{rng.randint(200, 4000)}字")
            if rng.random() < 0.2:
                extra.append(f"第{edition}版")
            if rng.random() < 0.6:
                extra.append(_web_meta(rng, paper))
            rng.shuffle(extra)
            out_lines += extra
            out_roles += ["furniture"] * len(extra)
    if rng.random() < 0.5:
        out_lines.append(f"责任编辑：{made_up_name(rng)}")
        out_roles.append("furniture")
        if rng.random() < 0.5:
            out_lines.append(f"版式：{made_up_name(rng)} 校对：{made_up_name(rng)}")
            out_roles.append("furniture")
    return out_lines, out_roles


_FINAL_MARKS = tuple('。！？”.!?"')


def lose_final_marks(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Drop the last mark of some body lines that end a sentence (a third to all of them), as OCR
    loses small marks: the line end then no longer says a paragraph ends there."""
    rate = rng.choice((0.3, 0.6, 1.0))
    out: list[str] = []
    for line, role in zip(lines, roles, strict=True):
        text = line.rstrip()
        if role == "body" and text.endswith(_FINAL_MARKS) and rng.random() < rate:
            out.append(text[:-1])
        else:
            out.append(line)
    return out, list(roles)


def centre_headlines(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Centre kicker, title and subtitle lines on a page 40-90 columns wide (a Han character is two
    columns) with leading spaces, as layout-keeping PDF extractions print them; on some pages the
    byline line under a headline too. Body lines keep the indents they have."""
    width = rng.randint(40, 90)
    space, space_columns = ("\u3000", 2) if rng.random() < 0.2 else (" ", 1)
    centred = set(HEADER_ROLES) | ({"byline"} if rng.random() < 0.5 else set())
    out: list[str] = []
    for line, role in zip(lines, roles, strict=True):
        text = line.strip()
        if role in centred and text:
            columns = max(4, (width - 2 * len(text)) // 2)
            out.append(space * (columns // space_columns) + text)
        else:
            out.append(line)
    return out, list(roles)


def add_margin(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Start every non-blank line with the same 2-16 spaces: a page's left margin, as layout-keeping
    extraction prints it."""
    margin = " " * rng.randint(2, 16)
    return [margin + line if line.strip() else line for line in lines], list(roles)


_HEADLINE_MARKS = "●◆■▲★□◇"


def mark_headlines(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """A mark before the first line of most headlines (● 标题, ◆标题), as some papers set brief
    items' and web exports' headlines; the bylines' marks are the same characters."""
    mark = rng.choice(_HEADLINE_MARKS) + rng.choice(("", " "))
    out: list[str] = []
    previous: Role | None = None
    for line, role in zip(lines, roles, strict=True):
        text = line.strip()
        if role == "title" and previous != "title" and text and rng.random() < 0.7:
            out.append(line[: len(line) - len(line.lstrip())] + mark + text)
        else:
            out.append(line)
        if text:
            previous = role
    return out, list(roles)


# What closes a headline that asks or exclaims, full-width mostly, as papers set it.
_HEADLINE_END_MARKS = ("？", "？", "！", "！", "?", "!")
_FINAL_HEADLINE_MARKS = tuple("？！?!。.…")
_AUTHOR_POSTS = ("大学教授", "大学副教授", "研究院研究员", "研究中心主任", "党校教授", "智库研究员")


def asking_headlines(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """A question or exclamation mark closing some headlines (谁来管？, 开训！), as papers other
    than the corpus's set many: the mark then says nothing of a sentence's end."""
    share = rng.choice((0.2, 0.4))
    out = list(lines)
    for index, role in enumerate(roles):
        following = roles[index + 1] if index + 1 < len(roles) else "blank"
        text = lines[index].rstrip()
        if role == "title" and following != "title" and text and not text.endswith(_FINAL_HEADLINE_MARKS):
            if rng.random() < share:
                out[index] = text + rng.choice(_HEADLINE_END_MARKS)
    return out, list(roles)


def signed_author(name: str, rng: random.Random) -> str:
    """An author signed under a label, as commentary and web pages print it: 作者：张三,
    作者:张三（某某大学教授）."""
    label = "作者" + rng.choice(("：", ":", "："))
    if rng.random() < 0.5:
        return label + name
    place = "".join(rng.choice(_PLACE) for _ in range(2))
    return f"{label}{name}（{place}{rng.choice(_AUTHOR_POSTS)}）"


def author_signatures(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """An author signed under a label (作者：张三) under some headline blocks with no byline."""
    share = rng.choice((0.3, 0.6))
    ends = {last for _, last in _header_blocks(roles)}
    out_lines: list[str] = []
    out_roles: list[Role] = []
    for index, (line, role) in enumerate(zip(lines, roles, strict=True)):
        out_lines.append(line)
        out_roles.append(role)
        below = next((r for r in roles[index + 1 :] if r != "blank"), "blank")
        if index in ends and below != "byline" and rng.random() < share:
            out_lines.append(signed_author(made_up_name(rng), rng))
            out_roles.append("byline")
    return out_lines, out_roles


# The marks of sentences and clauses, full- and half-width; a full stop or colon inside a number
# (3.5%, 9:30) is part of the number and stays.
_SENTENCE_MARKS_RE = re.compile(r"[。，、；：！？,;!?]|(?<![0-9])[.:]|[.:](?![0-9])")


def strip_punctuation(lines: Sequence[str], roles: Sequence[Role]) -> list[str]:
    """The page as papers set before modern punctuation (and some OCR) give it: no marks of
    sentences and clauses in any line but furniture (a site's or an archive's lines, which keep
    theirs). Quotes and brackets stay."""
    return [
        line if role == "furniture" else _SENTENCE_MARKS_RE.sub("", line)
        for line, role in zip(lines, roles, strict=True)
    ]


def with_line_ends(lines: Sequence[str], crlf: bool) -> str:
    """The page as text with LF or CRLF line ends (the parser splits both the same way)."""
    return ("\r\n" if crlf else "\n").join(lines)


def line_ends(lines: list[str], roles: list[Role], rng: random.Random) -> Page:
    """Write the page with LF or CRLF line ends and split it again as the parser does."""
    return split_lines(with_line_ends(lines, rng.random() < 0.5)), list(roles)


Damage = Callable[[list[str], list[Role], random.Random], Page]

# In the order a damaged page comes about: the layout first, then the extraction.
_PIPELINE: tuple[tuple[Damage, float], ...] = (
    (rewrite_bylines, 0.7),
    (insert_furniture, 0.4),
    (merge_headlines, 0.2),
    (split_headlines, 0.15),
    (markdown_heads, 0.15),
    (duplicate_paragraphs, 0.15),
    (unindent_subheads, 0.4),
    (drop_blanks, 0.5),
    (article_gaps, 0.2),
    (blank_between, 0.2),
    (hard_wrap, 0.4),
    (drop_indents, 0.6),
    (space_han, 0.25),
    (half_width, 0.3),
    (line_ends, 1.0),
    # Last, so that the pages damaged without it (the dev set's among them) stay as they were.
    (centre_headlines, 0.2),
    (lose_final_marks, 0.15),
    (add_margin, 0.15),
    (mark_headlines, 0.15),
)


# A page sets its headline blocks on one line or breaks its headlines over two, not both: a block
# merged and then split at the space that joined it is the block as it was printed, under a key that
# calls its kicker or subtitle part of the headline.
_EXCLUSIVE: frozenset[Damage] = frozenset({merge_headlines, split_headlines})


def damage(lines: Sequence[str], roles: Sequence[Role], rng: random.Random) -> Page:
    """A randomly damaged copy of a labelled page: each kind of damage applied with some chance."""
    out_lines, out_roles = list(lines), list(roles)
    applied: set[Damage] = set()
    for function, chance in _PIPELINE:
        if rng.random() < chance and not (function in _EXCLUSIVE and applied & _EXCLUSIVE):
            out_lines, out_roles = function(out_lines, out_roles, rng)
            applied.add(function)
    return out_lines, out_roles


_HOUSE_STYLES: tuple[tuple[Damage, float], ...] = ((asking_headlines, 0.3), (author_signatures, 0.3))


def house_styles(lines: Sequence[str], roles: Sequence[Role], rng: random.Random) -> Page:
    """What other papers print that the corpus paper does not, each with some chance: headlines
    that ask or exclaim, authors signed under a label. Training only: ``evaluate``'s damaged sets
    stay as :func:`damage` draws them, and the probes measure these."""
    out_lines, out_roles = list(lines), list(roles)
    for function, chance in _HOUSE_STYLES:
        if rng.random() < chance:
            out_lines, out_roles = function(out_lines, out_roles, rng)
    return out_lines, out_roles
