"""What other extraction tools do to a page: ``python -m liaocheng_tui.parse.probes [--corpus DIR]``.

Each probe prints every page of a set as one kind of tool or source would (full-width digits, HTML
markup, columns side by side, OCR's stray marks, a page number every 40 lines…), and the parser is
scored on the result against the page's key, changed only where the probe changes what a headline
says (its digits made full-width, its punctuation taken out; a mark set before a headline is no
part of it, as the parser leaves the mark out). One probe at a time, on every page: what it costs
is what that kind of damage costs, which the mixed damage of ``evaluate``'s damaged rows cannot
show. The sets are the first 120 pages of the corpus dev split and the 31 pages of the second
paper, never trained on; the README's table of extraction damage is this script's output.

The transformations are pure (a page's lines and labels and a seeded ``random.Random`` in, lines
out); the script around them reads the corpus, as :mod:`liaocheng_tui.parse.evaluate` does.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import sys
import time
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from liaocheng_tui.parse.augment import (
    article_gaps,
    centre_headlines,
    cut_line,
    hard_wrapped_lines,
    made_up_name,
    strip_punctuation,
)
from liaocheng_tui.parse.byline import parse_byline_line, split_lead
from liaocheng_tui.parse.chars import FULL_WIDTH_ALNUM, HAN_CLASS
from liaocheng_tui.parse.columns import char_width
from liaocheng_tui.parse.evaluate import EvalPage, default_corpus, load_sets, model_parser, score_set
from liaocheng_tui.parse.repair import SIMPLIFIED_RADICALS
from liaocheng_tui.parse.roles import HEADER_ROLES, Role
from liaocheng_tui.parse.scoring import KeyArticle, fold

Transform = Callable[[list[str], list[Role], random.Random], list[str]]
TextChange = Callable[[str], str]

DEV_PAGES = 120  # the first pages of the dev split the probes run on
_EVERY = 40  # lines between two page breaks (page numbers, footers, running headers)
_COLUMN_CHARACTERS = 18  # characters of a column of a page set side by side
_GUTTER = "    "
_STRAY_CHANCE = 0.05  # a stray mark after one line in 20
_EDGE_CHANCE = 0.1  # a column rule at one line's edge in 10
_FURNITURE_CHANCE = 0.5  # a line of web furniture over half the stories
_WIDE_STORIES = 0.3  # the share of stories set in wider columns on a page of two measures


@dataclass(frozen=True)
class Probe:
    """One kind of damage: its name, what it does (the README's row), how it changes a page, and
    how it changes the texts of the page's key (None: the key stays)."""

    name: str
    what: str
    transform: Transform
    key_text: TextChange | None = None
    # Each story a page of its own (as one e-paper article page copies), then the transform.
    alone: bool = False
    # ``key_text`` changes a key's text only inside what one printed line holds: a key joins a
    # headline's printed lines with a space, which the change must not read as a space inside a line.
    key_by_line: bool = False


def rewrite_key(key: KeyArticle, probe: Probe, printed: Sequence[str] = ()) -> KeyArticle:
    """``key`` as the probe's page prints it; ``printed`` holds the page's header lines (kicker,
    title, subtitle) before the probe changed them, which a ``key_by_line`` probe's change is made in."""
    change = probe.key_text
    if change is None:
        return key
    fields = ("title", "kicker", "subtitle", "byline", "body_start")
    values = {name: getattr(key, name) for name in fields}
    if probe.key_by_line:
        values = {
            name: _changed_by_line(value, printed, change) if value else value
            for name, value in values.items()
        }
    else:
        values = {name: change(value) if value else value for name, value in values.items()}
    return dataclasses.replace(key, **values)


def _changed_by_line(value: str, printed: Sequence[str], change: TextChange) -> str:
    """``value`` with each printed line it holds (its spaces matching any run of whitespace)
    changed as the line is."""
    for line in printed:
        words = line.split()
        spaced = " ".join(words)
        changed = change(spaced)
        if changed == spaced:  # a line the change leaves as it is (a blank one too)
            continue
        value = re.sub(r"\s+".join(map(re.escape, words)), changed.replace("\\", "\\\\"), value)
    return value


def _each_line(change: TextChange) -> Transform:
    """A transform that changes every non-blank line by itself."""

    def transform(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
        return [change(line) if line.strip() else line for line in lines]

    return transform


def _headline_starts(roles: Sequence[Role]) -> list[bool]:
    """Whether each line opens a headline block (a kicker or title line under no headline line)."""
    out: list[bool] = []
    above: Role = "blank"
    for role in roles:
        out.append(role in ("kicker", "title") and above not in HEADER_ROLES)
        if role != "blank":
            above = role
    return out


def _title_starts(lines: Sequence[str], roles: Sequence[Role]) -> list[bool]:
    """Whether each line is a headline's first title line."""
    out: list[bool] = []
    above: Role = "blank"
    for line, role in zip(lines, roles, strict=True):
        out.append(role == "title" and bool(line.strip()) and above != "title")
        if line.strip():
            above = role
    return out


# Characters as some PDFs extract them: Kangxi radicals (U+2F00..) and the CJK radicals
# supplement's forms for the characters they look like (the table the parser reads them back by).
_AS_RADICALS = str.maketrans(
    {
        **{unicodedata.normalize("NFKC", chr(point)): chr(point) for point in range(0x2F00, 0x2FD6)},
        **{char: radical for radical, char in SIMPLIFIED_RADICALS.items()},
    }
)
_FULL_WIDTH = str.maketrans({narrow: full for full, narrow in FULL_WIDTH_ALNUM.items()})


def _entities(line: str) -> str:
    return line.replace("\u3000", "&nbsp;").replace("“", "&ldquo;").replace("”", "&rdquo;")


def _html(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    tags = {"title": "h2", "kicker": "h3", "subtitle": "h3"}
    out: list[str] = []
    for line, role in zip(lines, roles, strict=True):
        tag = tags.get(role, "p")
        out.append(f"<{tag}>{line.strip() if tag != 'p' else line}</{tag}>" if line.strip() else line)
    return out


def _vertical(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    out: list[str] = []
    for line, role in zip(lines, roles, strict=True):
        text = line.strip().replace(" ", "")
        if role == "title" and text and len(text) <= 10 and "“" not in text:
            out += list(text)  # a headline set top to bottom, one character a line
        else:
            out.append(line)
    return out


def _centred(flush: bool) -> Transform:
    """Headlines centred with leading spaces on a page 40-90 columns wide, as layout-keeping PDF
    extraction prints them (:func:`~liaocheng_tui.parse.augment.centre_headlines`); with ``flush``,
    the paragraphs' indents lost as well."""

    def transform(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
        centred, _ = centre_headlines(lines, roles, rng)
        if not flush:
            return centred
        return [
            line.lstrip() if role not in HEADER_ROLES else line
            for line, role in zip(centred, roles, strict=True)
        ]

    return transform


def _every(inserted: Callable[[int], list[str]]) -> Transform:
    """A transform that puts ``inserted(n)`` before every ``_EVERY``-th line (the n-th page break)."""

    def transform(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
        out: list[str] = []
        for index, line in enumerate(lines):
            if index and index % _EVERY == 0:
                out += inserted(index // _EVERY)
            out.append(line)
        return out

    return transform


def _double_spaced(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    return [piece for line in lines for piece in (line, "")]


def _stories_apart(indented: bool) -> Transform:
    """A blank line between two stories and none inside one (a story's headline, byline and
    paragraphs run on), as many web pages and e-paper copies set a page (the training damage's
    :func:`article_gaps`); paragraphs flush left where ``indented`` is False."""

    def transform(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
        apart = article_gaps(lines, roles, rng)[0]
        return apart if indented else [line.lstrip("\u3000 ") for line in apart]

    return transform


def _headline_lines(change: TextChange) -> Transform:
    """A transform that changes every headline line (kicker, title, subtitle) by itself."""

    def transform(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
        return [
            change(line) if role in HEADER_ROLES else line for line, role in zip(lines, roles, strict=True)
        ]

    return transform


_WORD_SPACE_RE = re.compile(f"(?<=[{HAN_CLASS}])[ \u3000]+(?=[{HAN_CLASS}])")


def _comma_for_space(text: str) -> str:
    """A comma where a space sets a headline's parts apart (上村晚，喜洋洋), as many papers print them."""
    return _WORD_SPACE_RE.sub("，", text)


def _web_copy(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    """Every paragraph flush left with a blank line after it, as a web page's text copies."""
    out: list[str] = []
    for line in lines:
        if line.strip():
            out += [line.strip(), ""]
    return out


def _converted_markdown(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    """A PDF converter's markdown (MinerU's): every headline line, kicker and subtitle too, a
    level-one heading, and every paragraph flush left with a blank line after it."""
    out: list[str] = []
    for line, role in zip(lines, roles, strict=True):
        if line.strip():
            out += [f"# {line.strip()}" if role in HEADER_ROLES else line.strip(), ""]
    return out


def _e_paper_article(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    """One story as its e-paper article page copies: the issue's date and the page's label above,
    then the story as a web copy (:func:`_web_copy`)."""
    label = rng.choice(("第A05版：要闻", "第03版：综合", "A04版：城事"))
    return ["2026年11月20日", "", label, "", *_web_copy(lines, roles, rng)]


def _unpunctuated(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    return strip_punctuation(lines, ["body"] * len(lines))  # every line, furniture too


def _marked(mark: str) -> Transform:
    def transform(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
        starts = _title_starts(lines, roles)
        return [
            f"{mark} {line.strip()}" if start else line for line, start in zip(lines, starts, strict=True)
        ]

    return transform


def _hard_wrapped(width: int) -> Transform:
    """Every line, headlines too, cut at ``width`` characters, as a PDF's column breaks it."""

    def transform(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
        return hard_wrapped_lines(lines, width)

    return transform


def _narrow_column(
    width: int, *, gaps: bool = False, wide: int | None = None, double: bool = False
) -> Transform:
    """The page as ``pdftotext`` gives a PDF of narrow newspaper columns: every line but the
    headlines (set across columns, so left whole) cut at ``width`` characters, no indents, and
    the blank lines kept only where ``gaps``. With ``wide``, three stories in ten are set in wider
    columns of that many characters, as a newspaper page sets stories at more than one measure.
    With ``double``, a blank line under every line instead, as some PDFs' text layers copy."""

    def transform(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
        out: list[str] = []
        cut = width
        for line, role, start in zip(lines, roles, _headline_starts(roles), strict=True):
            if start and wide is not None:
                cut = wide if rng.random() < _WIDE_STORIES else width
            text = line.strip()
            if not text:
                if gaps:
                    out.append("")
            elif role in HEADER_ROLES:
                out.append(text)
            else:
                out += cut_line(text, cut)
        return _double_spaced(out, [], rng) if double else out

    return transform


def _side_by_side(count: int) -> Transform:
    """The page wrapped at ``_COLUMN_CHARACTERS`` and set in ``count`` columns side by side, as
    ``pdftotext -layout`` prints a page: each printed line holds a line of every column."""

    def transform(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
        return _set_side_by_side(hard_wrapped_lines(lines, _COLUMN_CHARACTERS), count)

    return transform


def _set_side_by_side(lines: list[str], count: int) -> list[str]:
    """``lines`` parted into ``count`` columns of one height (of ``_COLUMN_CHARACTERS``) and printed
    side by side, ``_GUTTER`` between them: each printed line holds a line of every column."""
    height = -(-len(lines) // count)
    columns = [lines[start : start + height] for start in range(0, len(lines), height)]
    width = 2 * _COLUMN_CHARACTERS
    out: list[str] = []
    for row in range(height):
        pieces = [column[row] if row < len(column) else "" for column in columns]
        padded = [piece + " " * (width - sum(map(char_width, piece))) for piece in pieces[:-1]]
        out.append(_GUTTER.join([*padded, pieces[-1]]).rstrip())
    return out


def _stories_in_columns(count: int) -> Transform:
    """Each story set in ``count`` columns side by side under its headline lines, which are
    printed whole and centred across the columns (``pdftotext -layout`` on a page whose headlines
    span their stories' columns): the story's other lines wrapped at ``_COLUMN_CHARACTERS``, their
    indents set as spaces, and parted into columns of one height, a blank line under the headlines
    and under the columns."""
    page_width = count * 2 * _COLUMN_CHARACTERS + (count - 1) * len(_GUTTER)

    def in_columns(text_lines: list[str]) -> list[str]:
        # pdftotext sets a paragraph's indent as spaces, two for each ideographic space.
        wrapped = [
            line.replace("\u3000", "  ")
            for line in hard_wrapped_lines(text_lines, _COLUMN_CHARACTERS)
            if line.strip()
        ]
        return [*_set_side_by_side(wrapped, count), ""] if wrapped else []

    def transform(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
        out: list[str] = []
        text: list[str] = []  # the current story's lines under its headlines
        for line, role, start in zip(lines, roles, _headline_starts(roles), strict=True):
            if start:
                out += in_columns(text)
                text = []
            if role in HEADER_ROLES and not text:
                headline = line.strip()
                indent = max(0, (page_width - sum(map(char_width, headline))) // 2)
                out.append(" " * indent + headline)
            elif line.strip() or text:
                if not text and out and out[-1]:
                    out.append("")  # the blank line under the headlines
                text.append(line)
        return out + in_columns(text)

    return transform


def _over_stories(choices: Sequence[str]) -> Transform:
    """A line of web furniture (with a blank line either side) over half the headline blocks."""

    def transform(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
        out: list[str] = []
        for line, start in zip(lines, _headline_starts(roles), strict=True):
            if start and rng.random() < _FURNITURE_CHANCE:
                out += ["", rng.choice(choices), ""]
            out.append(line)
        return out

    return transform


_TAGS = ("【民生】", "【今日关注】", "[东江观察]", "■城事", "● 关注", "◆县域")
_TAG_CHANCE = 1 / 3


def _tagged(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    """A column's tag on a line of its own right over one headline block in three."""
    out: list[str] = []
    for line, start in zip(lines, _headline_starts(roles), strict=True):
        if start and rng.random() < _TAG_CHANCE:
            out.append(rng.choice(_TAGS))
        out.append(line)
    return out


_POSTS = ("某某大学教授", "某某研究院研究员", "某某大学经济学院副院长", "某某智库特约研究员")


def _signed(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    """A signature under a label (``作者：张三（某某大学教授）``) under half the headline blocks
    that have none, as commentary pages and web pages sign their pieces."""
    out: list[str] = []
    for index, (line, role) in enumerate(zip(lines, roles, strict=True)):
        out.append(line)
        below = next((r for r in roles[index + 1 :] if r != "blank"), "blank")
        if role in HEADER_ROLES and below not in HEADER_ROLES and rng.random() < _FURNITURE_CHANCE:
            post = f"（{rng.choice(_POSTS)}）" if rng.random() < 0.5 else ""
            out.append(f"作者：{made_up_name(rng)}{post}")
    return out


_OUTLETS = ("新京报", "南都", "红星新闻", "封面新闻", "潮新闻", "极目新闻", "上观新闻", "齐鲁晚报")
_OUTLET_BYLINES = (
    "{outlet}记者 {name}",
    "{outlet}记者 {name} 实习生 {other}",
    "文/{name}",
    "文丨{name}",
    "文 | {name}",
    "记者丨{name}",
    "{name}/文",
    "文/图 {outlet}记者 {name}",
)


def _bylined(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    """Every byline line credited by a paper's name or a slash (``新京报记者 张三``, ``文/本报记者
    张三``), and a byline as another paper prints it under half the headline blocks that have
    none (``南都记者 张三``, ``文/张三``, ``文丨张三``)."""
    out: list[str] = []

    def byline() -> str:
        style = rng.choice(_OUTLET_BYLINES)
        return style.format(outlet=rng.choice(_OUTLETS), name=made_up_name(rng), other=made_up_name(rng))

    for index, (line, role) in enumerate(zip(lines, roles, strict=True)):
        if role == "byline":
            words = line.strip()
            line = (rng.choice(_OUTLETS) if words.startswith("记者") else rng.choice(("文/", "文丨"))) + words
        out.append(line)
        below = next((r for r in roles[index + 1 :] if r != "blank"), "blank")
        if (
            role in HEADER_ROLES
            and below not in (*HEADER_ROLES, "byline")
            and rng.random() < _FURNITURE_CHANCE
        ):
            out.append(byline())
    return out


def without_openers(lines: list[str], roles: list[Role]) -> tuple[list[str], list[Role]]:
    """The page with no story's opener: the byline lines under each headline block left out and
    the dateline or bracketed byline cut off each story's lead, as papers that sign at the end or
    not at all, and web copies that keep the meta apart, print their stories. The only probe that
    loses characters: the openers'."""
    out_lines: list[str] = []
    out_roles: list[Role] = []
    opening = False  # under a headline block, above its story's first paragraph
    for line, role in zip(lines, roles, strict=True):
        if role in HEADER_ROLES:
            opening = True
        elif opening and role == "byline":
            continue
        elif opening and role == "body" and line.strip():
            opening = False
            stripped = line.lstrip()
            lead = split_lead(stripped)
            if lead is not None and lead.rest.strip():
                line = line[: len(line) - len(stripped)] + lead.rest.lstrip()
        out_lines.append(line)
        out_roles.append(role)
    return out_lines, out_roles


def _without_openers(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    return without_openers(lines, roles)[0]


_CLOSING_SIGNATURES = (
    "本报记者 {name}",
    "记者 {name}",
    "记者 {name} 通讯员 {other}",
    "本报记者 {name} {other}",
    "文/{name}",
    "■记者 {name}",
)


def _stories(roles: Sequence[Role]) -> dict[int, int]:
    """The story of each line from the first headline block on, by the line its block starts at."""
    starts = [index for index, opens in enumerate(_headline_starts(roles)) if opens]
    return {
        index: start
        for start, stop in zip(starts, [*starts[1:], len(roles)], strict=True)
        for index in range(start, stop)
    }


def _signed_at_end(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    """Most stories signed bare under their last paragraph instead of under their headline, as
    papers that sign at the end print them: a signed story's byline lines move there (本报记者
    张三), and one that had none gets one made up (记者 张三 通讯员 李四). A story that opens with
    its dateline and reporter (本报讯(记者 张三)) keeps them."""
    share = rng.choice((0.6, 1.0))
    story_of = _stories(roles)
    last_paragraph = {story_of[at]: at for at, role in enumerate(roles) if role == "body" and at in story_of}
    openers = {
        story_of[at]
        for at, role in enumerate(roles)
        if role == "byline" and parse_byline_line(lines[at]) is None
    }
    ends = {
        start: end for start, end in last_paragraph.items() if start not in openers and rng.random() < share
    }
    out: list[str] = []
    moved: list[str] = []
    for index, (line, role) in enumerate(zip(lines, roles, strict=True)):
        end = ends.get(story_of.get(index, -1))
        if end is not None and role == "byline" and index < end:  # one under the text stays there
            moved.append(line.strip())
            continue
        out.append(line)
        if index == end:
            names = {"name": made_up_name(rng), "other": made_up_name(rng)}
            out += moved or [rng.choice(_CLOSING_SIGNATURES).format(**names)]
            moved = []
    return out


def _without_openers_web_copy(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    return _web_copy(*without_openers(lines, roles), rng)


def _county_signed(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    """Stories as county papers and media centres set them: no opener, each signed under its last
    paragraph (:func:`_signed_at_end`), a blank line between two stories and none inside one,
    paragraphs flush left."""
    apart, apart_roles = article_gaps(*without_openers(lines, roles), rng)
    return [line.lstrip("\u3000 ") for line in _signed_at_end(apart, apart_roles, rng)]


def _asks(title: str) -> bool:
    """Whether the probe closes this headline with a question mark: one in three, chosen by the
    headline's own text, so that the page and its key choose alike."""
    folded = fold(title)
    return bool(folded) and not folded.endswith(tuple("？！?!。.…")) and zlib.crc32(folded.encode()) % 3 == 0


def _asked(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
    """A question mark closing one headline in three (谁来管？), as papers other than the corpus's
    set many; the key's headlines change with the page's."""
    out = list(lines)
    start = 0
    while start < len(lines):
        if roles[start] != "title":
            start += 1
            continue
        end = start
        while end + 1 < len(lines) and roles[end + 1] == "title":
            end += 1
        if _asks("".join(lines[start : end + 1])):
            out[end] = lines[end].rstrip() + "？"
        start = end + 1
    return out


def _asked_key(text: str) -> str:
    # Applied to every text of the key; only the headlines' are scored.
    return text + "？" if _asks(text) else text


def _stray(mark: str) -> Transform:
    """A stray mark alone on a line after one line in 20, as OCR leaves a rule, a border or a speck."""

    def transform(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
        out: list[str] = []
        for line in lines:
            out.append(line)
            if rng.random() < _STRAY_CHANCE:
                out.append(mark)
        return out

    return transform


def _edge(change: TextChange, chance: float) -> Transform:
    """A column rule read as a mark at a line's edge, on a share of the non-blank lines."""

    def transform(lines: list[str], roles: list[Role], rng: random.Random) -> list[str]:
        return [change(line) if line.strip() and rng.random() < chance else line for line in lines]

    return transform


_NAVIGATION = (
    "上一版　下一版",
    "返回目录",
    "上一篇　下一篇",
    "【打印】【关闭】",
    "打印本页　关闭窗口",
    "版面导航",
)
_PAGE_LABELS = ("第01版：要闻", "01版：要闻", "本版责编：张三　王五", "上一期　下一期　往期回顾")
_QR_PROMPTS = ("扫码看视频", "（扫描二维码观看视频）", "扫码阅读全文", "长按识别二维码")
_PICTURES = ("[图片]", "![](images/0a1b2c.jpg)", "<图>", "![图片](https://img.example.com/a.jpg)")
_ADDRESSES = ("http://paper.example.com.cn/html/2020-05/01/content_123.htm", "www.example.com.cn")
_RULES = ("---", "* * *", "<!-- page 2 -->")
_RUNNING_HEADER = "东江日报 2026年7月17日 星期五 第3版"  # a paper made up for the probe

PROBES: tuple[Probe, ...] = (
    Probe("none", "nothing (as crawled)", _each_line(lambda line: line)),
    Probe(
        "full-width",
        "digits and letters full-width",
        _each_line(lambda line: line.translate(_FULL_WIDTH)),
        key_text=lambda text: text.translate(_FULL_WIDTH),
    ),
    Probe("ocr-spaced", "letters spaced out by OCR, indents lost", _each_line(lambda line: " ".join(line.strip()))),
    Probe("entities", "indents and quotes as HTML entities", _each_line(_entities)),
    Probe(
        "em-spaces",
        "indents as em spaces (U+2003: a web page's `&emsp;&emsp;` as a copy keeps it)",
        _each_line(lambda line: line.replace("\u3000", "\u2003")),
    ),
    Probe("html", "lines in HTML markup (`<p>`, `<h2>`)", _html),
    Probe("vertical", "headlines of up to 10 characters set vertically", _vertical),
    Probe("centred", "headlines centred with leading spaces (`pdftotext -layout`)", _centred(flush=False)),
    Probe("centred-flush", "… and the paragraphs flush left", _centred(flush=True)),
    Probe(
        "radicals",
        "characters written as Kangxi radicals (`⽇` for 日, `⻓` for 长), as some PDFs extract",
        _each_line(lambda line: line.translate(_AS_RADICALS)),
    ),
    Probe("page-number", "a page number every 40 lines (`- 3 -`)", _every(lambda n: [f"- {n} -"])),
    Probe("pdf-footer", "a PDF footer every 40 lines (`第 3 页`)", _every(lambda n: [f"第 {n} 页"])),
    Probe(
        "running-header",
        f"a running header every 40 lines (`{_RUNNING_HEADER}`)",
        _every(lambda n: ["", _RUNNING_HEADER, ""]),
    ),
    Probe("stories-apart", "a blank line between stories and none inside one (headline, byline and paragraphs run on)", _stories_apart(indented=True)),
    Probe("stories-apart-flush", "… and the paragraphs flush left", _stories_apart(indented=False)),
    Probe("spaced-headlines", "headlines spaced out character by character (`城 区 新 建 口 袋 公 园`, a PDF's large type)", _headline_lines(lambda line: " ".join(line.strip()))),
    Probe("comma-headlines", "a comma where a headline sets its parts apart by a space (`上村晚，喜洋洋`)", _headline_lines(_comma_for_space), key_text=_comma_for_space, key_by_line=True),
    Probe("converted-markdown", "every headline line a markdown heading (`# `), kicker and subtitle too, and every paragraph flush left with a blank line after it (a PDF converter's markdown)", _converted_markdown),
    Probe("web-copy", "every line flush left with a blank line after it (a web page's text copied)", _web_copy),
    Probe("alone", "each story a page of its own (one article copied)", _each_line(lambda line: line), alone=True),
    Probe(
        "alone-e-paper",
        "each story a page of its own as an e-paper's article page copies: its date and page label above, every line flush left with a blank line after it",
        _e_paper_article,
        alone=True,
    ),
    Probe("double-spaced", "every line followed by a blank line (double-spaced)", _double_spaced),
    Probe(
        "no-punctuation",
        "no punctuation at all (`。，、；：！？` and their half-width forms removed, as in pre-modern "
        "papers; read with the second model)",
        _unpunctuated,
        key_text=lambda text: strip_punctuation([text], ["body"])[0],
    ),
    *(
        Probe(f"marked-{mark}", f"headlines marked {mark} (the first line of each)", _marked(mark))
        for mark in "●■◆"
    ),
    *(
        Probe(f"wrapped-{width}", f"hard-wrapped at {width} characters, headlines too", _hard_wrapped(width))
        for width in (12, 18, 24, 32)
    ),
    Probe("narrow-10", "paragraphs cut at 10 characters, headlines whole, no indents or blank lines (`pdftotext` on a PDF of narrow newspaper columns)", _narrow_column(10)),
    Probe("narrow-14", "… cut at 14 characters", _narrow_column(14)),
    Probe("narrow-14-gaps", "… cut at 14 characters, the blank lines kept", _narrow_column(14, gaps=True)),
    Probe(
        "narrow-18-double",
        "… cut at 18 characters, a blank line under every line (as some PDFs' text layers copy)",
        _narrow_column(18, double=True),
    ),
    Probe("two-widths-12", "… cut at 12 characters, three stories in ten at 17 (columns of two widths on one page)", _narrow_column(12, wide=17)),
    Probe("two-widths-10", "… cut at 10 characters, three stories in ten at 14", _narrow_column(10, wide=14)),
    Probe("columns-2", "columns set side by side, 2 of them (`pdftotext -layout`: wrapped at 18 characters, 4 spaces between)", _side_by_side(2)),
    Probe("columns-3", "columns set side by side, 3 of them", _side_by_side(3)),
    Probe("stories-in-columns", "each story in 2 columns side by side under its headline lines, which are printed whole and centred across them, its paragraphs' indents set as spaces (`pdftotext -layout` on a page whose headlines span their stories' columns)", _stories_in_columns(2)),
    Probe("stories-in-columns-3", "… in 3 columns", _stories_in_columns(3)),
    Probe("navigation", "a line of e-paper navigation over half the stories (`上一篇　下一篇`, `【打印】【关闭】`, `返回目录`)", _over_stories(_NAVIGATION)),
    Probe("page-label", "… the e-paper's page label or editors (`第01版：要闻`, `本版责编：…`)", _over_stories(_PAGE_LABELS)),
    Probe("qr-prompt", "… a QR-code prompt (`扫码看视频`, `长按识别二维码`)", _over_stories(_QR_PROMPTS)),
    Probe("picture", "… a picture placeholder (`[图片]`, `![](images/1.jpg)`)", _over_stories(_PICTURES)),
    Probe("address", "… a web address alone", _over_stories(_ADDRESSES)),
    Probe("rule", "… a rule (`---`, `* * *`)", _over_stories(_RULES)),
    Probe("column-tag", "a column's tag on its own line over one story in three (`【民生】`, `[东江观察]`, `■城事`)", _tagged),
    Probe("signed", "… a signature under a label (`作者：张三（某某大学教授）`, as commentary and web pages sign)", _signed),
    Probe("bylined", "every byline credited by a paper's name or a slash, and one under half the headlines without (`新京报记者 张三`, `文/张三`, `文丨张三`), as other papers print them", _bylined),
    Probe("no-openers", "no story's opener: its byline line left out and the dateline cut off its lead (`本报北京1月16日电（记者 X）`), as papers that sign at the end or not at all print them", _without_openers),
    Probe("no-openers-web-copy", "… and every line flush left with a blank line after it", _without_openers_web_copy),
    Probe("signed-at-end", "most stories signed bare under their last line instead of under their headline (`本报记者 张三`, `记者 张三 通讯员 李四`, `文/张三`), as papers that sign at the end print them", _signed_at_end),
    Probe("county-signed", "… with no opener, a blank line between stories and none inside one, paragraphs flush left (a county media centre's page)", _county_signed),
    Probe("asked", "one headline in three closed by a question mark (`谁来管？`, as many papers set them)", _asked, key_text=_asked_key),
    *(
        Probe(f"stray-{mark}", f"a stray `{mark}` alone on a line after one line in 20 (OCR's rule, border or speck)", _stray(mark))
        for mark in ("|", "丨", "■", "*", "·", "一")
    ),
    Probe("rule-before-all", "a column rule read as `|` at the start of every line", _edge("|".__add__, 1.0)),
    Probe("rule-before", "… at the start of one line in 10 (`| 今年以来…`)", _edge("| ".__add__, _EDGE_CHANCE)),
    Probe("rule-after", "… at the end of one line in 10 (`…。 |`)", _edge(lambda line: line + " |", _EDGE_CHANCE)),
    Probe("rule-after-丨", "… read as `丨` at the end of one line in 10 (`…。丨`)", _edge(lambda line: line + "丨", _EDGE_CHANCE)),
)  # fmt: skip


def traditional_probe() -> Probe | None:
    """Text in traditional script (OpenCC ``s2t``), where OpenCC is installed (it is no dependency)."""
    if find_spec("opencc") is None:
        return None
    import opencc  # type: ignore[import-not-found,unused-ignore]

    convert: TextChange = opencc.OpenCC("s2t").convert
    return Probe(
        "traditional",
        "text in traditional script (OpenCC `s2t`)",
        _each_line(convert),
        key_text=convert,
    )


def stories_alone(page: EvalPage) -> list[EvalPage]:
    """Each story of ``page`` as a page of its own, from its header block to the next, with its key
    and line roles; the page's lines above its first story are left out. A page whose header
    blocks and key articles do not pair off one to one gives none."""
    assert page.roles is not None
    lines = page.text.replace("\r\n", "\n").split("\n")
    roles = page.roles
    starts = [
        index
        for index, role in enumerate(roles)
        if role in HEADER_ROLES and (index == 0 or roles[index - 1] not in HEADER_ROLES)
    ]
    if len(starts) != len(page.keys):
        return []
    ends = [*starts[1:], len(lines)]
    return [
        EvalPage(f"{page.name}#{number}", "\n".join(lines[start:end]), [key], list(roles[start:end]))
        for number, (start, end, key) in enumerate(zip(starts, ends, page.keys, strict=True), start=1)
    ]


def score_probe(probe: Probe, pages: Sequence[EvalPage], seed: int = 5) -> float | None:
    """Title F1 of the parser on ``pages`` as ``probe`` prints them (pages without line roles are
    left out: the probes need them)."""
    probed: list[EvalPage] = []
    for whole in pages:
        if whole.roles is None:
            continue
        for page in stories_alone(whole) if probe.alone else [whole]:
            assert page.roles is not None
            lines = page.text.replace("\r\n", "\n").split("\n")
            rng = random.Random(f"{seed}|{page.name}")
            text = "\n".join(probe.transform(lines, list(page.roles), rng))
            printed = [line for line, role in zip(lines, page.roles, strict=True) if role in HEADER_ROLES]
            probed.append(EvalPage(page.name, text, [rewrite_key(key, probe, printed) for key in page.keys]))
    title_f1 = score_set(probed, model_parser).figures()["title_f1"]
    return float(title_f1) if title_f1 is not None else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m liaocheng_tui.parse.probes", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--corpus", type=Path, default=None, help="the corpus folder (as for evaluate)")
    parser.add_argument("--only", default="", help="comma-separated probe names to run (default: all)")
    args = parser.parse_args(argv)
    corpus = args.corpus or default_corpus()
    sets = load_sets(corpus)
    dev, cross = sets.get("dev-clean"), sets.get("cross-clean")
    if dev is None or cross is None:
        print(f"error: no corpus at {corpus} (pages.jsonl.gz, crosspaper.jsonl.gz)", file=sys.stderr)
        return 2
    wanted = {name for name in args.only.split(",") if name}
    probes = [*PROBES]
    traditional = traditional_probe()
    if traditional is not None:
        probes.append(traditional)
    started = time.perf_counter()
    print(
        f"title F1, every page printed one way; dev: first {DEV_PAGES} dev pages, second paper: {len(cross)} pages"
    )
    print("| every page's … | dev | second paper |")
    print("| --- | ---: | ---: |")
    for probe in probes:
        if wanted and probe.name not in wanted:
            continue
        figures = [score_probe(probe, pages) for pages in (dev[:DEV_PAGES], cross)]
        cells = " | ".join("-" if f is None else f"{f:.3f}" for f in figures)
        what = probe.what.replace("|", "\\|")  # a table cell's own bar, even inside backticks
        print(f"| {what} | {cells} |", flush=True)
    if traditional is None and not wanted:
        print("(traditional script: not run, OpenCC is not installed)")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
