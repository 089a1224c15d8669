"""Rules over a page's units (its paragraphs and header lines as blocks.build_units joined them)
once the labeller has given them roles: where a unit's grammar, or its neighbours', reads it surely
(a headline in a wire dateline, a reporter's line, a signature, a caption, a notice's headline, a
story's closing credit), it overrides the label; datelines and headlines run into a unit are split
off it. :func:`reread_units` applies them in order. Pure."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from liaocheng_tui.parse.blocks import Unit
from liaocheng_tui.parse.byline import (
    dateline_length,
    is_agency,
    is_lone_dateline,
    is_unnamed_byline,
    looks_like_a_name,
    names_a_reporter,
    parse_bracketed_reporters_line,
    parse_byline_line,
    parse_closing_credit,
    parse_letter_spaced_byline,
    parse_name_line,
    signs_by_label,
    split_byline_beside,
    split_lead,
    split_photo_credit,
)
from liaocheng_tui.parse.chars import (
    FULL_STOP,
    ends_sentence,
    has_inner_stop,
    last_sentence_end,
    weight,
    wholly_bracketed,
)
from liaocheng_tui.parse.clean import (
    SHORT_WEIGHT,
    join_text,
    squeeze_spaces,
)
from liaocheng_tui.parse.furniture import (
    WEB_META_LONGEST,
    is_source_line,
    is_web_meta_line,
)
from liaocheng_tui.parse.headers import join_lines, names_a_column
from liaocheng_tui.parse.line_rules import (
    DASH_OPENERS,
    MOST_PIECES,
    could_head,
    headline_shaped,
    signs_off,
)
from liaocheng_tui.parse.models import Dropped
from liaocheng_tui.parse.roles import HEADER_ROLES, Role

# The word a notice's or a statement's headline ends with (…的公示, …公告), which names its kind.
NOTICE_WORDS = tuple(
    "启事 启示 公告 通告 通知 声明 公示 须知 征稿 征文 招聘 讣告 告知书 倡议书 更正 出租 出售 转让 招租".split()
)
CAPTION_OPENERS = ("▲", "△", "图为", "上图", "下图", "左图", "右图")
_NOTICE_HEADLINE_LONGEST = 40  # characters
_NOTICE_SET_APART_LONGEST = 16  # characters: 东湖区人民政府关于征收土地的公告
_PICTURE_LABEL_LONGEST = 6  # characters: a column's label (图片新闻, 光影聊城), no headline
_PICTURE_HEADLINE_LONGEST = 20  # characters: a photo's headline over its caption
_PICTURE_HEADLINE_CHARACTERS = 30  # marks and spaces included
_CLAUSE_OR_STOP_RE = re.compile(r"[，,；;：:。！？!?]")
SOURCE_WEIGHT = 30  # longest credit kept as a byline when no byline grammar reads it
# Headings at one level that make it the level of a page's stories' headings.
_STORY_HEADINGS_LEAST = 2
# A line this long may run several stories together (a copy that lost its line breaks).
_RUN_TOGETHER_LEAST = 100
# Where a story's lead opens inside a line; a headline has no clause's mark inside.
_LEAD_OPENING_RE = re.compile("本报|新华社|中新社")  # as _stories_run_together looks for them
_LEAD_READ_WITHIN = 60  # characters: a lead and the start of the text after it
_HEADLINE_BREAK_RE = re.compile("[，,；;：:“”。！？!?]")
# The furthest a headline set before its story's lead on one line reaches, in characters.
_LEAD_BESIDE_AFTER = 30
_LEAD_WORD_RE = re.compile("[讯电记]")
_LEAD_WORD_WITHIN = 16  # characters after the space: 新华社北京12月31日电
# A space with a lead's word soon after it; the pattern opens with the space, so that the engine
# skips to each space at once.
_LEAD_AFTER_SPACE_RE = re.compile(f" (?=.{{0,{_LEAD_WORD_WITHIN - 2}}}[讯电记])")
TEXT_ROLES: frozenset[Role] = frozenset({"body", "caption"})
_SENTENCE_END_RE = re.compile(r"[。！？]")
_FULL_STOP_RE = re.compile(FULL_STOP)
_WRAP_TAIL = 3  # the most characters a hard wrap's tail of a source line is taken to have


def _is_signing_line(text: str) -> bool:
    """A line that is only a byline naming someone (新华社记者 王思北, 新 华 社 记 者 翟 伟)."""
    if weight(text) > SOURCE_WEIGHT:
        return False
    parsed = parse_byline_line(text) or parse_letter_spaced_byline(text)
    return parsed is not None and bool(parsed[1])


# A headline tagged with its section or kind in brackets: 【评论】别让…, [社会]乡村夜校开课了.
_TAGGED_RE = re.compile(r"^\s*[【\[［][^】\]］]{1,6}[】\]］]\s*\S")


def _headline_over_signature(above: Unit, unit: Unit) -> bool:
    """``unit`` signs by a label (作者：张三), or by a name alone (□ 张明) under a tagged line set
    apart by a blank line (【评论】…), right under ``above``, a short line of text that ends no
    sentence: a headline."""
    if above.role != "body":
        return False
    # what signs first (most units sign nothing), then the dearer look at the line above
    signed = signs_by_label(unit.text) or (
        above.gap_before
        and _TAGGED_RE.match(above.text) is not None
        and parse_name_line(unit.text) is not None
    )
    return signed and _short_open_line(above)


def _headline_over_reporter(above: Unit) -> bool:
    """``above``, over a reporter's line the labeller read as a headline's, is a short line of text
    set apart by a blank line that ends no sentence: that story's headline."""
    return above.role == "body" and above.gap_before and _short_open_line(above)


def _short_open_line(unit: Unit) -> bool:
    """A short line that ends no sentence: over a story's signature, its headline."""
    return weight(unit.text) <= SHORT_WEIGHT and not ends_sentence(unit.text)


def _could_open_a_story(unit: Unit) -> bool:
    """A short line that ends no sentence and that no headline rules out (a close in brackets, a
    name alone, a lead): what a story's headline read as text looks like."""
    return _short_open_line(unit) and could_head(unit.text)


_WRAPPED_NAMES_MOST = 4


def _wrapped_names(byline: Unit, below: Unit) -> bool:
    """``below``, a headline line right under a reporter's line, is only names that the byline goes
    on with (``新华社记者 赵晓辉 于佳欣`` / ``吴慧珺``): a wrap cut the byline."""
    names = below.text.split()
    if below.role not in HEADER_ROLES or below.line != byline.end + 1:
        return False
    if not 1 <= len(names) <= _WRAPPED_NAMES_MOST or not all(map(looks_like_a_name, names)):
        return False
    parsed = parse_byline_line(f"{byline.text} {below.text}")
    return parsed is not None and all(name in parsed[1] for name in names)


def _opens_with_dateline(unit: Unit) -> bool:
    return unit.text.lstrip()[:1] not in "(（" and split_lead(unit.text) is not None


def _headlines_like_the_pages_others(units: Sequence[Unit]) -> None:
    """Make a headline of a short line of text, ending no sentence, that stands as the page's
    headlines stand: alone between blank lines, over a paragraph opened by a dateline (本报讯…), where
    the labeller read two or more headlines of the page so (a page of briefs sets every story alike).
    The line over a lead is read so already where what is above it ends (``line_rules``); this
    reads it where the paragraph above ends with no mark, as on pages without punctuation. A line
    no headline could be (a story's close in brackets, a name alone, a lead) stays text."""
    text_units = [unit for unit in units if unit.role != "furniture"]
    set_so = [
        (unit, below)
        for unit, below in pairwise(text_units)
        if unit.gap_before and below.gap_before and _opens_with_dateline(below)
    ]
    if sum(1 for unit, _ in set_so if unit.role == "title") < 2:
        return
    for unit, below in set_so:
        if unit.role == "body" and below.role == "body" and _could_open_a_story(unit):
            unit.role = "title"


def _stories_dated_twice(units: Sequence[Unit]) -> None:
    """Make a headline of the one short line of text, ending no sentence, between a story's opening
    dateline (``本报东湖3月2日电…``) and a closing one in brackets (``（本报西山3月2日电）``): a story is
    dated once, so a second story starts between the two, and that line, which the labeller read
    as a crosshead, is its headline. Where two or more lines could head it, none is chosen."""
    dated = False  # the story read so far opened with a dateline
    candidates: list[Unit] = []
    for unit in units:
        role = unit.role
        if role in HEADER_ROLES:
            dated, candidates = False, []
        elif not dated:
            dated = role in ("body", "byline") and _opens_with_wire_dateline(unit)
        elif role != "body":
            continue
        elif wholly_bracketed(unit.squeezed) and is_lone_dateline(unit.squeezed):
            if len(candidates) == 1:
                candidates[0].role = "title"
            dated, candidates = False, []
        elif _could_open_a_story(unit):
            candidates.append(unit)


def _opens_with_wire_dateline(unit: Unit) -> bool:
    """A unit opened by a dateline that names where the story was filed (本报东湖3月2日电), as a
    story's closing dateline does; a local story's (本报讯) closes with none."""
    text = unit.text.lstrip()
    length = dateline_length(text)
    return length > 0 and text[length - 1] == "电"


def _bylines_beside_headlines(units: Sequence[Unit]) -> list[Unit]:
    """The units, with a headline line that holds a reporter's byline set beside it (``城区新增停车
    泊位1200个　　　　本报记者 马晓``, as a PDF extraction puts the two side by side; normalising
    made the gap one space) cut in two: the headline and the byline. Such a line the labeller read
    as a byline, or as text after a blank line, is cut the same way."""
    out: list[Unit] = []
    for unit in units:
        beside = unit.role in (*HEADER_ROLES, "byline") or (unit.role == "body" and unit.gap_before)
        parts = split_byline_beside(unit.text) if beside else None
        if parts is None:
            out.append(unit)
            continue
        headline, byline = parts
        role: Role = unit.role if unit.role in HEADER_ROLES else "title"
        out.append(replace(unit, text=headline, squeezed=squeeze_spaces(headline), role=role))
        out.append(
            replace(unit, text=byline, squeezed=squeeze_spaces(byline), role="byline", gap_before=False)
        )
    return out


# A feature's headline given in its wire dateline: 新华社北京12月3日电　题：让老字号焕发新活力.
_TITLE_IN_DATELINE_RE = re.compile(r"题\s?[:：]\s?(?=\S)")
_TITLE_IN_DATELINE_WITHIN = 40  # characters: where 题 follows a dateline


def _titled_datelines(units: Sequence[Unit], dropped: list[Dropped]) -> list[Unit]:
    """The units, with a wire dateline that gives the story's headline (``新华社北京12月3日电　题：
    让老字号焕发新活力——各地推动老字号创新发展观察``, as wire copy heads a feature) cut in two:
    the headline, then the dateline, which opens the story as a lead's does. Under a headline the
    page printed (a web copy prints both), the dateline's headline repeats it and is dropped."""
    out: list[Unit] = []
    for unit in units:
        parts = _title_in_dateline(unit.text) if "题" in unit.text[:_TITLE_IN_DATELINE_WITHIN] else None
        if parts is None:
            out.append(unit)
            continue
        dateline, label, headline = parts
        headed = next((u.role in HEADER_ROLES for u in reversed(out) if u.role != "furniture"), False)
        if headed:
            dropped.append(Dropped(f"{label}{headline}", "repeated-headline", unit.line))
        else:
            dropped.append(Dropped(label, "headline-label", unit.line))
            out.append(replace(unit, text=headline, squeezed=squeeze_spaces(headline), role="title"))
        out.append(
            replace(unit, text=dateline, squeezed=squeeze_spaces(dateline), role="body", gap_before=headed)
        )
    return out


def _title_in_dateline(text: str) -> tuple[str, str, str] | None:
    """The dateline, the label (``题：``) and the headline of a line that is only a wire dateline
    and ``题：`` with a headline after it."""
    lead = split_lead(text)
    if lead is None or lead.dateline is None or lead.byline is not None:
        return None
    found = _TITLE_IN_DATELINE_RE.match(lead.rest)
    if found is None:
        return None
    headline = lead.rest[found.end() :].strip()
    if not headline or _FULL_STOP_RE.search(headline) or split_lead(headline):
        # a statement or a lead: the story's text, not a headline (which may ask or exclaim:
        # 春耕为何提前了？, 还能这样？西山县农民用手机种地)
        return None
    return lead.dateline, found.group(0).strip(), headline


def _headlines_run_into_leads(units: Sequence[Unit]) -> list[Unit]:
    """The units, with a line of text that opens with a headline set before its story's lead
    (``聊城西站新增始发列车 本报讯（记者 李强）12月5日起，…``, as a scraper that writes one story to a
    line sets them) cut in two: the headline and the story's first paragraph. No evaluate line is
    so set: a short run before a space and a lead there is itself a lead (``新华社电 （记者 X）``)."""
    out: list[Unit] = []
    for unit in units:
        # One match answers most lines: no word of a lead (讯, 电, 记者) just after a space in their opening.
        near = (
            unit.role == "body"
            and _LEAD_AFTER_SPACE_RE.search(unit.text, 1, _LEAD_BESIDE_AFTER + _LEAD_WORD_WITHIN) is not None
        )
        parts = _headline_before_lead(unit.text) if near else None
        if parts is None:
            out.append(unit)
            continue
        headline, lead = parts
        out.append(replace(unit, text=headline, squeezed=squeeze_spaces(headline), role="title"))
        out.append(replace(unit, text=lead, squeezed=squeeze_spaces(lead), gap_before=False))
    return out


def _stories_run_together(units: Sequence[Unit]) -> list[Unit]:
    """The units, with a long line of text that runs several stories together, each headline set
    before its lead (``…查询车次。东昌湖冬季游船停航本报讯 记者从…``, as a copy that lost every line
    break gives a page), cut into each story's headline and text."""
    out: list[Unit] = []
    for unit in units:
        text = unit.text
        # One long line: a hard-wrapped page's lines joined into a paragraph may hold the pieces of
        # a meta line or a headline the wrap cut, which are no headline run into a lead.
        long_text = unit.role == "body" and unit.line == unit.end and len(text) >= _RUN_TOGETHER_LEAST
        # A lead's opening after the line's start is looked for as plain strings: a regex's scan of
        # every long paragraph costs more.
        cued = long_text and (
            text.find("本报", 2) >= 0 or text.find("新华社", 2) >= 0 or text.find("中新社", 2) >= 0
        )
        # A page set without punctuation shows no sentence's end: nothing tells a headline there.
        cuts = _run_together_headlines(text) if cued and has_inner_stop(text) else []
        if not cuts:
            out.append(unit)
            continue
        at = 0
        for start, end in cuts:
            if start > at:  # the text of the story above
                above = unit.text[at:start]
                out.append(replace(unit, text=above, squeezed=squeeze_spaces(above)))
            headline = unit.text[start:end].strip()
            out.append(replace(unit, text=headline, squeezed=squeeze_spaces(headline), role="title"))
            at = end
        rest = unit.text[at:]
        out.append(replace(unit, text=rest, squeezed=squeeze_spaces(rest), gap_before=False))
    return out


def _run_together_headlines(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a headline run into a story's lead, after its start or a sentence's
    end: each headline's start and end."""
    cuts: list[tuple[int, int]] = []
    for cue in _LEAD_OPENING_RE.finditer(text, 2):
        lead = cue.start()
        start = max(text.rfind(mark, 0, lead) for mark in "。！？!?") + 1
        if text.startswith(("”", "’"), start):  # the quote a sentence ends in (……。”)
            start += 1
        headline = text[start:lead].strip()
        if (
            2 <= len(headline) <= _LEAD_BESIDE_AFTER
            and (not cuts or start >= cuts[-1][1])
            and not _HEADLINE_BREAK_RE.search(headline)
            # the lead's opening is enough to read it by
            and split_lead(text[lead : lead + _LEAD_READ_WITHIN]) is not None
            and could_head(headline)
        ):
            cuts.append((start, lead))
    return cuts


def _headline_before_lead(text: str) -> tuple[str, str] | None:
    """``text`` cut into a headline and the lead after it, a space apart; None for any other text."""
    space = text.find(" ", 0, _LEAD_BESIDE_AFTER + 1)
    while space > 0:
        if _LEAD_WORD_RE.search(text, space + 1, space + _LEAD_WORD_WITHIN):
            headline, rest = text[:space], text[space + 1 :]
            if (
                not headline.endswith(("电", "讯"))  # a lead's piece (新华社电, 日电)
                and headline_shaped(headline)
                and not has_inner_stop(headline)
                and (lead := split_lead(rest)) is not None
                and lead.rest.strip()
                and could_head(headline)
                and split_lead(text) is None  # the line is no lead itself (本报讯 记者 X …)
            ):
                return headline, rest
        space = text.find(" ", space + 1, _LEAD_BESIDE_AFTER + 1)
    return None


def _markdown_crossheads(units: Sequence[Unit]) -> None:
    """Read as crossheads the markdown headings set deeper than the heading of the story they
    stand in (``# 聊城西站新增始发列车`` … ``## 旅客出行更便捷``), as a document converter marks a
    story's sections, where the labeller read them as the next story's headline.

    Only on a page whose stories' headings share their level (two or more; a converter may set
    the one story it found biggest a level above the others), after text of the story and with
    text under them that opens with no lead: a deeper
    heading right under a shallower one is a story under a section's label (``# 要闻`` / ``## 标题``)
    or a headline's kicker or subtitle, one right over another heading is the next story's kicker,
    and one over a lead (``本报讯…``) heads a story of its own, whatever level a converter gave it."""
    levels = Counter(unit.level for unit in units if unit.level and unit.role in HEADER_ROLES)
    if not levels:
        return  # most pages: no markdown headings
    story_level = 0  # the heading level of the story read, 0 where it has none
    texted = False  # text of that story has come since its heading
    for index, unit in enumerate(units):
        below = units[index + 1] if index + 1 < len(units) else None
        if unit.level and unit.role in HEADER_ROLES:
            if (
                story_level
                and unit.level > story_level
                and levels[story_level] >= _STORY_HEADINGS_LEAST
                and texted
                and below is not None
                and below.level == 0
                and below.role not in HEADER_ROLES
                and split_lead(below.text) is None  # a lead under it opens a story (本报讯…)
            ):
                unit.role = "body"
                continue
            story_level, texted = unit.level, False
        elif unit.role in HEADER_ROLES:
            story_level = 0  # a headline without markdown marks: the page marks no levels here
        elif unit.role == "body":
            texted = True


def _reread_header_runs(units: Sequence[Unit]) -> list[Unit]:
    """The units, with headline lines that read whole as something else made one unit of that role.

    The labeller reads a wrapped credit (``（记者施雨岑`` / ``王鹏 王明玉）``), a wrapped dateline
    (``新华社北京4月2`` / ``4日电``) or a wrapped source line one piece at a time, and a piece can look
    like a headline; read whole, the grammar knows them.
    """
    out: list[Unit] = []
    at = 0
    while at < len(units):
        end = at
        while end < len(units) and units[end].role in HEADER_ROLES:
            end += 1
        if end > at:
            reread = _reread_pieces(units[at:end])
        elif (
            units[at].role == "body"
            and len(units[at].text) <= WEB_META_LONGEST
            and _is_source(units[at].text)  # before the dearer look at what came above
            and _before_story_text(out)
        ):
            # A web page's source line the labeller took for the story's first text (its wrapped
            # pieces too). At a story's end, 来源：新华社 closes the story as its credit: it stays.
            reread = _source_unit(units[at:])
        else:
            reread = None
        if reread is None:
            out.append(units[at])
            at += 1
            continue
        unit, taken = reread
        above = out[-1] if out else None
        if (
            unit.role == "body"
            and _closed_by_dateline(unit.text)
            and above is not None
            and above.role == "body"
            and above.end + 1 == unit.line
            and not ends_sentence(above.text)
        ):
            # the paragraph's last words, cut off it by the wrap with the dateline after them
            out[-1] = _merged([above, unit], join_text(above.text, unit.text), "body")
        else:
            out.append(unit)
        at += taken
    return out


def _before_story_text(units: Sequence[Unit]) -> bool:
    """Whether no paragraph of a story's text comes before what follows ``units``: they end with a
    headline, a byline, furniture or a lead that is only a dateline and a byline (本报讯（记者 X）)."""
    if not units or units[-1].role != "body":
        return True
    lead = split_lead(units[-1].text)
    return lead is not None and not lead.rest.strip()


def _reread_pieces(run: Sequence[Unit]) -> tuple[Unit, int] | None:
    """The headline lines at the start of ``run`` that read whole as a dateline, a bracketed credit
    or a web page's source or meta line, as one unit of that role, and how many they were."""
    for size in range(min(len(run), MOST_PIECES), 0, -1):
        pieces = run[:size]
        joined = join_lines(pieces) or ""
        if is_lone_dateline(joined) or (_ends_inside(pieces) and _closed_by_dateline(joined)):
            # a dateline alone, which opens or closes a story as its text, or a paragraph's last
            # words and the dateline that closes the story (…清晰可见。” 新华社北京5月3日电): a
            # narrow column's wrap cuts either anywhere
            return _merged(pieces, "".join(unit.text.strip() for unit in pieces), "body"), size
        if size > 1 and (credit := _wrapped_credit(pieces)):
            return _merged(pieces, credit, "credit"), size
    return _source_unit(run) if _is_source(run[0].text) else None


def _ends_inside(pieces: Sequence[Unit]) -> bool:
    """Whether a sentence ends inside one of ``pieces``, with text after it on the line (the wrap
    cut a paragraph's last words and its closing dateline): a headline that ends with its own
    question or exclamation (谁来管？) over a dateline is no paragraph's tail."""
    for unit in pieces:
        text = unit.text.strip()
        end = last_sentence_end(text)
        if end is not None and end < len(text):
            return True
    return False


def _closed_by_dateline(text: str) -> bool:
    """A sentence's end, then a dateline alone (``清晰可见。” 新华社北京5月3日电``): the last words of
    a story's text and the dateline that closes it, run on one line."""
    if "电" not in text and "讯" not in text:  # a dateline closes with one: most lines end here
        return False
    end = last_sentence_end(text)
    if end is None:
        return False
    tail = text[end:].strip()
    return bool(tail) and is_lone_dateline(tail)


def _wrapped_credit(pieces: Sequence[Unit]) -> str | None:
    """The bracketed credit that ``pieces`` make read whole, if they make one."""
    texts = [unit.text.strip() for unit in pieces]
    # A credit wraps between names, so its pieces keep a space between them; a signature's
    # post (某某大学法学院副教授 张三) wraps inside a word.
    for credit in (" ".join(texts), "".join(texts)):
        if wholly_bracketed(credit) and parse_closing_credit(credit):
            return credit
    return None


def _source_unit(run: Sequence[Unit]) -> tuple[Unit, int]:
    """The web page's source line that ``run`` opens with, and its wrapped tail, as one unit of
    furniture, and how many units it took."""
    # A source line has no end of its own, so only a wrap's short tail is taken as its rest:
    # a headline may follow it at once.
    size, text = 1, run[0].text
    while (
        size < len(run)
        and weight(run[size].text) <= _WRAP_TAIL
        and _is_source(join_text(text, run[size].text))
    ):
        text = join_text(text, run[size].text)
        size += 1
    return _merged(run[:size], text, "furniture"), size


def _is_source(text: str) -> bool:
    return is_source_line(text) or is_web_meta_line(text)


def _merged(pieces: Sequence[Unit], text: str, role: Role) -> Unit:
    return replace(pieces[0], text=text, end=pieces[-1].end, squeezed=squeeze_spaces(text), role=role)


def credits_an_outlet(credit: str) -> bool:
    """A credit in brackets that opens with a news outlet or the paper (（东阿县融媒体中心 赵婷）,
    （新华社）, （本报综合）): a report's, not a writer's note (（作者为…）)."""
    inner = credit.strip("（）() ")
    return inner.startswith("本报") or is_agency(inner.split(" ")[0])


def _over_a_picture(units: Sequence[Unit], index: int) -> Role | None:
    """What the text unit at ``index`` is to the picture under it, if anything: a short line that
    ends no sentence, set apart by a blank line above, over a caption closed by its photographer's
    credit (as the labeller read it: text or a caption). A column's name of a few characters
    (图片新闻, 光影聊城) labels the column (a kicker, the photo's headline where it has no other); a
    longer line that could head a story (桃花映红东湖岸) is the photo's headline, and one that
    could not (a story's closing credit or dateline, （西山县委宣传部供稿）) stays the story's."""
    unit = units[index]
    if len(unit.squeezed) > _PICTURE_HEADLINE_CHARACTERS or index + 1 >= len(units):
        return None  # the cheap check first: most units are longer
    below = units[index + 1]
    if not (
        unit.gap_before
        and below.role in TEXT_ROLES
        and not ends_sentence(unit.squeezed)
        and split_photo_credit(below.text) is not None
    ):
        return None
    size = weight(unit.squeezed)
    if size <= _PICTURE_LABEL_LONGEST:
        return "kicker"
    headline = (
        size <= _PICTURE_HEADLINE_LONGEST
        and not has_inner_stop(unit.squeezed)  # a caption signed in brackets: ……。（记者 王明 摄）
        and split_photo_credit(unit.text) is None  # a caption signed so without its full stop
        and could_head(unit.text)
    )
    return "title" if headline else None


def _notice_headline(units: Sequence[Unit], index: int) -> bool:
    """Whether the text unit at ``index`` is a notice's headline: a short line that names a notice
    or a statement at its end (关于…的公示, …公告, …联合声明, a classified ad's 房屋出租) and holds
    no clause or sentence mark, between a finished paragraph and text: one that ends a sentence,
    or one set apart by a blank line that does not fill a hard wrap's width and is no signature
    (a classified ad closes with its telephone number)."""
    unit = units[index]
    text = unit.squeezed
    if not text.endswith(NOTICE_WORDS) or weight(text) > _NOTICE_HEADLINE_LONGEST:
        return False  # the cheap checks first: most units end otherwise
    above = units[index - 1] if index else None
    return (
        not _CLAUSE_OR_STOP_RE.search(text)
        and not text.startswith(DASH_OPENERS)
        and index + 1 < len(units)
        and units[index + 1].role == "body"
        # under a finished paragraph or the page's top, not under a headline (a kicker's place)
        and (
            above is None
            or (above.role != "body" and above.role not in HEADER_ROLES)
            or ends_sentence(above.text)
            # set apart and short, as an ad's heading is (a sentence of a page that prints no
            # punctuation, …得出的宝贵启示, is longer); a letter signed by its reader is one of a
            # round-up's, whose next heading the corpus counts as its text (读者 王明 / 公交站牌信息要及时更正)
            or (
                unit.gap_before
                and weight(text) <= _NOTICE_SET_APART_LONGEST
                and not above.fills
                and not signs_off(above.text)
            )
        )
        and split_lead(text) is None
    )


def _run_in_brief(unit: Unit) -> bool:
    """A brief item with its headline run in (【标题】正文…。, **标题** 正文…。): no headline line
    holds a sentence after a bracketed or bold lead."""
    return unit.brief is not None and _SENTENCE_END_RE.search(unit.text, len(unit.brief) + 2) is not None


# A section's number alone on its line, as public accounts and magazines set them over a crosshead:
# two digits (01, 02), a bar or slashes around them (▍ 03, / 04 /).
_SECTION_NUMBER_RE = re.compile(r"^[▍▌|丨/ ]*(\d{2})[ /]*$")
_SECTIONS_LEAST = 2
_SECTION_NUMBER_LONGEST = 8  # characters: the number and its marks (▍ 03, / 04 /)


def _numbered_sections(units: list[Unit], dropped: list[Dropped]) -> list[Unit]:
    """The units, with each section number (``01``, ``▍ 03``) joined to the crosshead under it
    (``01　供暖提前启动``): the sections of a story numbered 01, 02, 03 in turn, each over a short
    line that ends no sentence. Read alone, a number is a page's (a page break's), and was dropped
    as one or shown as a paragraph of its own. A bar or slashes set around a number are dropped
    as ``decoration``."""
    numbered = [
        index
        for index, unit in enumerate(units[:-1])
        # read as text, or as a page number's furniture
        if unit.role in (*TEXT_ROLES, "furniture")
        and len(unit.text) <= _SECTION_NUMBER_LONGEST
        and _SECTION_NUMBER_RE.match(unit.text)
    ]
    if len(numbered) < _SECTIONS_LEAST:
        return units  # most pages
    heads = {
        index
        for index in numbered
        if units[index + 1].role in TEXT_ROLES
        and units[index + 1].weight <= SHORT_WEIGHT
        and not ends_sentence(units[index + 1].text)
    }
    values = [
        int(match.group(1)) for index in numbered if (match := _SECTION_NUMBER_RE.match(units[index].text))
    ]
    if (
        len(heads) < len(numbered)
        or values != list(range(values[0], values[0] + len(values)))
        or values[0] > 1
    ):
        return units
    out: list[Unit] = []
    for index, unit in enumerate(units):
        if index in heads:
            continue
        if index - 1 in heads:
            printed = units[index - 1].text
            number = printed.strip("▍▌|丨/ ")
            if number != printed:  # the bar or the slashes around the number
                dropped.append(Dropped(printed, "decoration", units[index - 1].line))
            text = f"{number}\u3000{unit.text}"  # as a numbered heading is set; a space would be squeezed
            unit = replace(
                unit,
                text=text,
                squeezed=squeeze_spaces(text),
                line=units[index - 1].line,
                gap_before=units[index - 1].gap_before,
            )
        out.append(unit)
    return out


def reread_units(units: list[Unit], dropped: list[Dropped]) -> list[Unit]:
    """The units with the roles the labeller gave them read again where a unit's grammar, or its
    neighbours', reads it surely: a headline in a wire dateline, a reporter's line, a signature,
    a caption, a notice's headline, a story's closing credit, the next story's headline under a
    story closed by a second dateline or by its writer's line. Datelines or headlines read as part
    of a unit are split off it (what a split drops goes to ``dropped``)."""
    units = _numbered_sections(units, dropped)
    # a headline in a wire dateline; a dateline, a credit or a source line in headline lines
    units = _reread_header_runs(_titled_datelines(units, dropped))
    units = _stories_run_together(_headlines_run_into_leads(_bylines_beside_headlines(units)))
    _markdown_crossheads(units)
    _stories_dated_twice(units)
    above: Role | None = None  # the role of the unit above, furniture passed over
    for index, unit in enumerate(units):
        if (
            index
            and unit.role in (*HEADER_ROLES, "body", "byline")
            and _headline_over_signature(units[index - 1], unit)
        ):
            # An author's signature under a short line the labeller read as text: a new piece
            # starts at that line, its headline (作者：张三 signs no paragraph of the piece above;
            # nor does a name alone, □ 张明, under a tagged headline, 【评论】…).
            units[index - 1].role = "title"
            unit.role = "byline"
        elif unit.role in HEADER_ROLES and (names_a_reporter(unit.text) or is_unnamed_byline(unit.text)):
            unit.role = "byline"  # a reporter's line the labeller took for a headline's
            if index and _headline_over_reporter(units[index - 1]):
                # It heard a story start there, and the short line set apart above it, which it
                # read as text, is the story's headline.
                units[index - 1].role = "title"
            if index + 1 < len(units) and _wrapped_names(unit, units[index + 1]):
                units[index + 1].role = "byline"  # the names a narrow column's wrap put under it
        elif unit.role == "body" and above in HEADER_ROLES and _is_signing_line(unit.text):
            # A byline line under a headline (and its web meta line) that the labeller read as the
            # story's first paragraph, as it reads bylines spaced out letter by letter.
            unit.role = "byline"
        elif (
            unit.role in HEADER_ROLES
            and unit.squeezed.startswith(CAPTION_OPENERS)
            and ends_sentence(unit.squeezed)
        ):
            # A photo caption (▲市民在农贸市场购物。) the labeller took for a headline marked ▲ or
            # the like: a headline ends no sentence.
            unit.role = "caption"
        elif unit.role in HEADER_ROLES and split_photo_credit(unit.text):
            # A picture's caption closed by its photographer's credit (工人检修设备 记者 王刚摄),
            # not the next story's headline.
            unit.role = "body"
        elif unit.role == "body" and (over_picture := _over_a_picture(units, index)) is not None:
            unit.role = over_picture  # 图片新闻 (its column's label) or 桃花映红东湖岸 over a captioned photo
        elif unit.role == "body" and _notice_headline(units, index):
            # 关于…的公示, …公告, …声明: a notice's or a statement's headline, which the labeller
            # read as a sentence of the story above.
            unit.role = "title"
        elif unit.role in HEADER_ROLES and _run_in_brief(unit):
            unit.role = "body"  # a brief item the labeller took for a headline: its lead is its headline
        elif unit.role == "byline" and is_lone_dateline(unit.text):
            # A dateline alone (新华社北京4月29日电) is no byline: it opens or closes a story, as
            # its text. (As a headline line, the reading above made it text already.)
            unit.role = "body"
        elif (
            unit.role == "body"
            and (index + 1 == len(units) or units[index + 1].role in HEADER_ROLES)
            and wholly_bracketed(unit.squeezed)
            # (东阿县融媒体中心 赵婷): the names are set apart by spaces, which squeezing takes away
            and (
                parse_closing_credit(unit.squeezed)
                or (credits_an_outlet(unit.text) and parse_closing_credit(unit.text))
                # (融媒体中心记者 柳静文): a reporter's role after the outlet, the name set apart
                or parse_bracketed_reporters_line(unit.text)
            )
        ):
            # A story's closing credit the labeller read as its last paragraph (a wire story's,
            # (新华社北京10月12日电 记者王明), was text to the rules the model learned from).
            unit.role = "credit"
        if unit.role != "furniture":
            above = unit.role
    _headlines_under_signatures(units)
    _headlines_like_the_pages_others(units)
    return units


def _headlines_under_signatures(units: Sequence[Unit]) -> None:
    """Make a headline of a short line of text, ending no sentence, set apart by a blank line under
    a reporter's line that signs the story above (…。 / 本报记者 王明远, as papers that sign at the end
    print it) and over more text: the story is closed, so the line opens the next one. The labeller
    learned bylines from a paper that sets them under the headline, so it reads the first line
    under one as a story's first line."""
    text_units = [unit for unit in units if unit.role != "furniture"]
    signatures = [k for k in range(1, len(text_units) - 2) if text_units[k].role == "byline"]
    for k in signatures:
        above, signature, unit, below = text_units[k - 1 : k + 3]
        if (
            above.role in TEXT_ROLES
            and unit.role == "body"
            and below.role == "body"
            and unit.gap_before
            and ends_sentence(above.text)
            and not names_a_column(signature.text)  # ■记者手记: a sidebar's label, no signature
            and _could_open_a_story(unit)
            and not _short_open_line(below)  # a paragraph, not a second header line
        ):
            unit.role = "title"
