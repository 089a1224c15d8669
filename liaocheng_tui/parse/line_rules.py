"""Rules over the line labeller's roles, where the model's reading breaks a rule of grammar or layout
that holds on every paper (a headline over a meta line, a credit that closes a story, a sentence
read as a headline). Each rule takes the page's lines and their roles and gives the roles back;
:func:`reread_roles` applies them in order. Pure."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import pairwise

from liaocheng_tui.parse.blocks import filled_lines, split_markdown_heading
from liaocheng_tui.parse.byline import (
    BYLINE_MARKERS,
    REPORTER_ROLE_WORDS,
    email_address_line,
    is_cut_dateline,
    is_lone_dateline,
    looks_like_a_name,
    names_a_reporter,
    opens_with_report,
    parse_byline_line,
    parse_closing_credit,
    parse_end_credit,
    parse_labelled_credit,
    parse_name_line,
    parse_names_line,
    parse_photo_credit,
    parse_signed_credit,
    split_lead,
    split_set_apart_credit,
)
from liaocheng_tui.parse.chars import (
    CLOSING_MARK_RE,
    CLOSING_NOTE,
    FULL_STOP,
    HAN_CLASS,
    ITEM_MARKS,
    ends_sentence,
    fold_width,
    last_sentence_end,
    unbalanced,
    unspaced,
    weight,
    wholly_bracketed,
)
from liaocheng_tui.parse.clean import figure_row, row_cells
from liaocheng_tui.parse.furniture import (
    META_FIELD_LABEL_RE,
    is_account_header,
    is_address_or_rule,
    is_dated_furniture_line,
    is_furniture_line,
    is_imprint_line,
    is_page_head,
    is_page_marker,
    is_section_name,
    is_section_word,
    is_source_line,
    is_staff_credit,
    is_web_furniture_line,
    is_web_meta_line,
    masthead_in,
    page_label_section,
    source_paper_in,
    split_jump_marks,
    wrapped_meta_lines,
)
from liaocheng_tui.parse.headers import MARKED_TAG_RE, is_column_tag, names_a_column
from liaocheng_tui.parse.memo import memoised
from liaocheng_tui.parse.normalize import Line
from liaocheng_tui.parse.roles import HEADER_ROLES, NO_PAIRS, HeaderPair, HeaderPairs, Role

PHOTO_CREDIT_RE = re.compile(r"摄影?$")
# A photo story's mark at its headline's end: 冬日东昌湖（组图）
_PHOTO_STORY_MARK_RE = re.compile(r"\s?[（(](?:组图|图|附图|多图|图文)[）)]$")
_DIGIT_RE = re.compile(r"\d")
_PHOTO_STORY_MARK_ENDS = ("图）", "图)", "图文）", "图文)")  # how a line ending with one ends
_FIRST_BRACKET_RE = re.compile(r"[（()）]")
# A list item's number (1）, ２), 三）): its bracket closes nothing a line above opened.
_ITEM_NUMBER_RE = re.compile(r"\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[）)]")
_WRAPPED_BRACKET_LONGEST = 80  # characters inside a credit or source a wrap cuts (a list of reporters)
_LEFT_OPEN_ROLES: frozenset[Role] = frozenset({"body", "caption", "credit", "byline"})  # a wrap cuts these
MOST_PIECES = 4  # headline lines a wrapped credit or dateline is read across
_BETWEEN_HEADLINE_AND_META = 2  # lines: a byline, a page's furniture
_UNDER_HEADLINE: frozenset[Role] = frozenset({"byline", "furniture"})
# Characters (of a line spaced out letter by letter, without the spaces): the longest line read as a
# headline from the meta line under it.
_HEADLINE_LONGEST = 40
_CONTEXT_HEADLINE_LEAST = 4  # characters: the shortest line read as a headline rather than furniture


def _headlines_over_meta_lines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the headline over each web meta line read as one.

    A web page prints its meta line (date, source, author) right under the headline. The
    labeller can take a headline that reads like a sentence (``面对电信诈骗，老人如何守好钱袋子``)
    for text, and the meta line with it: where a meta line stands between a short line that ends
    no sentence and the story's text, the short line is the headline; a byline or a line of
    furniture (two at most) may stand between the headline and the meta line. (The meta line under a
    headline is then furniture, as :func:`_reread_header_runs` reads a source line before a story's
    text.) At a story's end a meta line stands under its last paragraph, which ends a sentence.
    """
    out = list(roles)
    pieces = _meta_pieces(lines, roles)
    for index in pieces:
        out[index] = "furniture"
    filled = [index for index, line in enumerate(lines) if line.text.strip()]
    fills: list[bool] | None = None
    for place in range(1, len(filled) - 1):
        meta, below = filled[place], filled[place + 1]
        if out[below] in HEADER_ROLES:
            continue
        if out[meta] in HEADER_ROLES and not is_web_meta_line(lines[meta].text.strip()):
            continue  # a meta line the labeller read as a headline's (its subtitle) is still one
        # A byline or another piece of furniture may stand between the headline and its meta line.
        # Between blank lines under an e-paper's page label, the labeller may read the headline
        # itself as furniture: a line no furniture rule reads as such is the headline.
        # An app's account header has the account's name over it (聊城发布), which is no headline.
        named = (
            place > 1
            and out[filled[place - 1]] == "furniture"
            and is_account_header(lines[meta].text.strip())
        )
        # the line over the meta line (over the account's name) that may be read as furniture
        first_step = step = 2 if named else 1
        while (
            not named
            and step <= _BETWEEN_HEADLINE_AND_META
            and place > step
            and out[filled[place - step]] in _UNDER_HEADLINE
            and not (
                step == 1 and _furniture_by_context(lines[filled[place - 1]].text, out[filled[place - 1]])
            )
        ):
            step += 1
        above = filled[place - step]
        if out[above] != "body" and not (
            step == first_step and _furniture_by_context(lines[above].text, out[above])
        ):
            continue
        # the headline's length first, which costs least, then the meta line: most lines are
        # answered at once by having no field's colon
        if (
            len(unspaced(headline := lines[above].text.strip())) <= _HEADLINE_LONGEST
            and (
                (meta in pieces and meta - 1 not in pieces)
                or is_web_meta_line(meta_text := lines[meta].text.strip())
                or is_account_header(meta_text)
            )
            and not ends_sentence(headline)
        ):
            head = place - step  # the headline's line, in filled
            if fills is None:
                fills = filled_lines(lines)
            wrapped = _wrapped_headline_over(lines, out, filled, head, fills)
            if wrapped is None:
                continue  # the tail of a line a hard wrap cut, which no story's end stands over
            for index in (*wrapped, above):
                out[index] = "title"
            # its first line, where a column broke it (not filling a hard-wrapped page's width)
            if not wrapped and _broken_pair_over(lines, out, filled, head) and not fills[filled[head - 1]]:
                out[filled[head - 1]] = _first_line_role(lines[filled[head - 1]].text)
    return out


_WRAPPED_HEADLINE_PIECES = 3  # lines over a headline's last that a hard wrap cut it into
_CUT_SHORTER = 1  # character: a piece a wrap cut before a mark that may not open a line
_CUT_LONGER = 2  # characters: half-width letters and digits, two to a character's room


def _wrap_length(lines: Sequence[Line], fills: Sequence[bool]) -> int:
    """The length, in characters, most of the lines that fill a hard-wrapped page's width have."""
    lengths = Counter(len(line.text) for line, full in zip(lines, fills, strict=True) if full)
    return lengths.most_common(1)[0][0]


def _wrapped_headline_over(
    lines: Sequence[Line], roles: Sequence[Role], filled: Sequence[int], place: int, fills: Sequence[bool]
) -> list[int] | None:
    """The lines over the headline's line at ``filled[place]`` that a hard wrap cut the same headline
    into (each filling the page's width, ending no sentence, read as text, right over the next),
    set apart from what came before (a blank line, a closing credit or dateline, furniture) or at
    the page's top; none where the line over it is no such piece or they stand right after a
    sentence's end. ``None`` where they stand after a line that runs on, or they are longer than a
    headline or hold a sentence's end: the line at ``filled[place]`` is then a paragraph's tail."""
    first = place
    width: int | None = None
    while (
        first > 0
        and place - first < _WRAPPED_HEADLINE_PIECES
        and filled[first - 1] == filled[first] - 1
        and roles[filled[first - 1]] == "body"
        and fills[filled[first - 1]]
        and not ends_sentence(text := lines[filled[first - 1]].text)
        and could_head(text)  # not a dateline as long as the page's lines (新华社济南11月3日电)
    ):
        if width is None:
            width = _wrap_length(lines, fills)
        if not width - _CUT_SHORTER <= len(text) <= width + _CUT_LONGER:
            break  # a line of its own as long as the page's (a kicker), or one wider than its column
        first -= 1
    if first == place:
        return []
    pieces = [filled[at] for at in range(first, place + 1)]
    if sum(len(lines[index].text) for index in pieces) > _HEADLINE_LONGEST or any(
        last_sentence_end(lines[index].text) is not None for index in pieces
    ):
        return None  # a paragraph's lines
    if first and not _story_ends_at(lines, roles, filled[first - 1]):
        return None
    if first and not _set_apart_after(lines, roles, filled, first):
        return []  # after a paragraph's last sentence a line as full as the page's opens the next one
    return pieces[:-1]


def _set_apart_after(lines: Sequence[Line], roles: Sequence[Role], filled: Sequence[int], place: int) -> bool:
    """Whether the line at ``filled[place]`` is set apart from a story above it: by a blank line, a
    closing credit, a dateline that closes a story, or furniture. After a sentence's end alone the
    next line may as well open the same story's next paragraph."""
    above = filled[place - 1]
    text = lines[above].text
    return (
        above + 1 < filled[place]
        or roles[above] in ("credit", "furniture")
        or wholly_bracketed(text)
        or is_lone_dateline(text)
    )


def _names_under_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a line of writers' names alone (``赵敏``, ``王海 李青``, ``王海;李青;``) right
    under a headline's line read as the story's byline, where the labeller read it as part of the
    headline or as the story's text: commentaries, supplements and archives' copies print the
    writer so. The corpus holds no such line under a headline; a headline's line is no list of
    names, but a hard wrap may leave a headline's tail looking like one (…生命财产 / 安全). The line
    over it is the headline where it was read as a kicker."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    fills: list[bool] | None = None  # worked out only under a headline's line
    for place in range(1, len(filled)):
        index, above = filled[place], filled[place - 1]
        if (
            out[above] not in HEADER_ROLES
            or above != index - 1
            or not (out[index] in HEADER_ROLES or out[index] == "body")
        ):
            continue
        if place + 1 < len(filled) and out[filled[place + 1]] in HEADER_ROLES:
            continue  # more of the headline under it
        if (
            len(lines[index].text) > _NAMES_LINE_LONGEST
            or (found := parse_names_line(lines[index].text)) is None
        ):
            continue
        if _named_in_text(found[1], [lines[at].text for at in filled[place + 1 : place + 1 + _LEAD_LINES]]):
            continue  # the story is about them: a profile's headline (最美乡村教师 / 张桂梅)
        if fills is None:
            fills = filled_lines(lines)
        if fills[above]:
            continue  # the tail of a headline a hard wrap cut (…生命财产 / 安全)
        out[index] = "byline"
        head = place - 1  # the headline's lines over it
        while head > 0 and filled[head - 1] == filled[head] - 1 and out[filled[head - 1]] in HEADER_ROLES:
            head -= 1
        if "title" not in (out[filled[at]] for at in range(head, place)):
            out[above] = "title"
    return out


_NAMES_LINE_LONGEST = 24  # characters: four names and their marks
_LEAD_LINES = 2  # lines under a headline where a profile names its subject
_WRITER_LABEL_RE = re.compile("(?:记者|作者|通讯员|文/|文／)$")


def _named_in_text(names: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether one of ``names`` stands in ``texts`` other than as a writer's (记者赵敏)."""
    text = "".join(texts).replace(" ", "")
    for name in names:
        start = text.find(name)
        while start >= 0:
            if not _WRITER_LABEL_RE.search(text[max(0, start - 3) : start]):
                return True
            start = text.find(name, start + 1)
    return False


def _meta_pieces(lines: Sequence[Line], roles: Sequence[Role]) -> set[int]:
    """The pieces of a web meta line that a wrap cut (``（ 2026-11-20 ） 稿件来`` / ``源：某某日报 要闻``),
    also where OCR spaced some out letter by letter (``(   2 0 2 6 - 0 4 - 3 0   )   稿 件 来 源`` /
    ``: 东 江 都 市 日 报   各 地``). The labeller's features read the printed pieces, yet it reads a
    few as text where the page's lines are as long as they are; spaced ones say nothing to them.
    Where the labeller read one of the lines as a headline's, or one ends a sentence, they stay as
    read: a headline, or a story's first sentence, under a piece of furniture may join it into a
    meta line's shape (``(责任编辑：李四)`` / ``地铁5号线明年通车`` / ``http://… 2005年12月03日 新京报``)."""
    texts = [line.text for line in lines]
    pieces: set[int] = set()
    for run in _runs(wrapped_meta_lines(texts, spaced=True)):
        if any(unspaced(texts[index]) != texts[index] for index in run) or not any(
            roles[index] in HEADER_ROLES
            or last_sentence_end(texts[index]) == len(texts[index])  # not a label's colon
            or (index > run.start and lines[index].indented)  # a paragraph's first line
            for index in run
        ):
            pieces.update(run)
    return pieces


def _runs(indices: set[int]) -> list[range]:
    """The runs of consecutive numbers in ``indices``, in order."""
    runs: list[range] = []
    for start in sorted(index for index in indices if index - 1 not in indices):
        end = start
        while end + 1 in indices:
            end += 1
        runs.append(range(start, end + 1))
    return runs


# A meta line's field label that a wrap left without its value (稿件来源：, 作者:).
_OPEN_FIELD_RE = re.compile(f"[{HAN_CLASS}]{{1,4}}[:：]$")
_FIELD_VALUE_LONGEST = 16  # characters: a source's or an author's name and a section, no sentence
_META_PIECES_MOST = 3  # pieces of a meta line above its value, the label's among them
_VALUE_TAIL_LONGEST = 2  # characters a wrap cut off the value: a section name's last one or two


def _meta_line_values(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the value a narrow column's wrap cut off a web meta line read as furniture
    with it: under a piece of furniture that ends with a field's label (``27 ） 稿件来源：``), the
    next line, short and ending no sentence, is that field's value (``东江都市日报 经济``), which the
    labeller read as a headline."""
    out = list(roles)
    for index in range(len(lines) - 1):
        if out[index] != "furniture":
            continue
        above, value = lines[index].text.strip(), lines[index + 1].text.strip()
        if not (
            _OPEN_FIELD_RE.search(above)
            and value
            and len(value) <= _FIELD_VALUE_LONGEST
            and not ends_sentence(value)
        ):
            continue
        # the meta line's other pieces above it, if the wrap cut it more than once
        start = index
        while start > 0 and index - start < _META_PIECES_MOST and out[start - 1] == "furniture":
            start -= 1
        pieces = [lines[at].text.strip() for at in range(start, index + 1)]
        if any(is_web_meta_line("".join(pieces[first:]) + value) for first in range(len(pieces))):
            out[index + 1] = "furniture"
            tail = lines[index + 2].text.strip() if index + 2 < len(lines) else ""
            if tail and len(tail) <= _VALUE_TAIL_LONGEST and not ends_sentence(tail):
                out[index + 2] = "furniture"  # a section's name cut again (调查观 / 察)
    return out


def _line_pairs(lines: Sequence[Line]) -> Iterator[tuple[int, int]]:
    """Each line of text and the next one, blank lines between them passed over (two lines of a
    header block, however it is spaced)."""
    return pairwise(index for index, line in enumerate(lines) if line.text)


def _meta_sources_cut(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the rest of a web meta line's source that a wrap cut inside the paper's name
    (``（ 2026-05-01 ） 稿件来源：东江都`` / ``市日报 要闻``, a blank line between them or not) read
    as furniture with it (:func:`_source_cut_before`), and so the section's name a wrap cut off
    after the paper's (:func:`_section_cut_after`)."""
    out = list(roles)
    pairs = list(_line_pairs(lines))
    for place, (above, below) in enumerate(pairs):
        if "来" not in lines[above].text:
            continue  # most lines: no source's label (来源, spaced out or not) above
        if _source_cut_before(lines[above].text, lines[below].text):
            out[below] = "furniture"
        elif _section_cut_after(lines[above].text, lines[below].text):
            # A meta line may end with its paper and no section (来源：东江日报), and a label of the
            # story's own stand under it (编者的话): a word is the section's by its name (国际, 要闻),
            # or where the story's reporter's line comes right under it (焦点, 新华智见).
            after = lines[pairs[place + 1][1]].text if place + 1 < len(pairs) else ""
            if is_section_name(unspaced(lines[below].text).strip()) or names_a_reporter(after):
                out[below] = "furniture"
    return out


def _section_cut_after(above: str, value: str) -> bool:
    """Whether ``value`` is the section's name that a wrap cut off the meta line ``above`` right
    after the paper's name (``（ 2026-04-27 ） 稿件来源：东江日报`` / ``国际``): the line's source
    names a paper and ends with it, and ``value`` is a word a section could be named by."""
    above, value = unspaced(above).strip(), unspaced(value).strip()
    paper = source_paper_in(above)
    return paper is not None and above.endswith(paper) and is_section_word(value)


def _source_cut_before(above: str, value: str) -> bool:
    """Whether ``value`` is the rest of the source in the meta line ``above``, which a wrap cut
    inside the paper's name: ``above`` holds the source's label and names no paper, and run
    together with ``value`` it does (a piece with no label, ``（ 2026-04-30 ）``, is left to the
    rules of a meta line's pieces). A piece spaced out letter by letter (``稿 件 来 源 ： 东 江 都`` /
    ``市 日 报 要 闻``, as a PDF of the web page extracts it) is read without its spaces; its
    paper's name then runs into the section's, and may end at any 报 or 讯 of it."""
    above, value = unspaced(above).strip(), unspaced(value).strip()
    if "来源" not in above or source_paper_in(above) is not None:
        return False
    ends = [len(value)] + [place + 1 for place, char in enumerate(value) if char in "报讯"]
    return any(source_paper_in(above + value[:end]) is not None for end in ends)


def _staff_credits(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the credits under a copied article that the labeller read as text: a staff
    credit (``编辑：王海``, ``审核：李青``) under a story's text is furniture, as it credits no story's
    writer; a source line (``来源：滨海日报``) or the writers under a label (``记者：王海``, as public
    accounts close a story) with no more of the story under it is the story's closing credit (a
    source line read as furniture too, right under the story's last paragraph), and the writers
    under a label right under the headline its byline."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    labelled = [
        (place, index)
        for place, index in enumerate(filled)
        if out[index] in ("body", "furniture")
        and len(text := lines[index].text) <= _HEADLINE_LONGEST
        and ("：" in text or ":" in text or "/" in text or "／" in text)  # 编辑：王海, 本版编辑/王海
    ]
    for place, index in labelled:
        # Right under a headline it stays as read: a picture report's only text (the corpus's key
        # counts 版式设计：X there as the report's text).
        if (
            out[index] == "body"
            and (not place or out[filled[place - 1]] not in HEADER_ROLES)
            and is_staff_credit(lines[index].text)
        ):
            out[index] = "furniture"
    # From the foot up, so that a source line over the writers' credit closes the story too.
    for place, index in reversed(labelled):
        below = filled[place + 1] if place + 1 < len(filled) else None
        text = lines[index].text
        closes = below is None or out[below] != "body"
        if out[index] == "furniture":
            # read as the staff credits under it are, but right under the story's text it names its source
            if closes and place and out[filled[place - 1]] == "body" and is_source_line(text):
                out[index] = "credit"
        elif place and out[filled[place - 1]] in HEADER_ROLES and parse_labelled_credit(text) is not None:
            out[index] = "byline"  # 记者：王海 under the headline
        elif closes and (is_source_line(text) or parse_labelled_credit(text) is not None):
            out[index] = "credit"
    return out


# What a line ends with when it runs on into the next: no headline ends so.
_RUNS_ON = ("：", ":", "，", ",", "、", "；", ";")


def _headlines_over_leads(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the short line over a story's lead read as its headline (its subtitle
    under a headline line).

    A lead (``本报讯``, ``【本报讯】``, ``新华社北京3月1日电``, ``（记者 王强）``) opens a story; the
    line the labeller read as text right above it, short as a headline is, ending no sentence and
    set after the end of what came before (a sentence's end, a credit, or nothing), is the story's
    headline: one printed with a colon inside (``天文台：周末转凉 最低气温17度``) or opening with
    words the labeller knows from text. A dash opening the line makes it a subtitle, and a lead, a
    reporter's line, a line of furniture, a story's close in brackets (``（完）``, ``（记者 王强）``)
    or a name alone is none. Lines of this shape in the dev pages, clean and damaged, are
    headlines 382 times in 393 (the others subtitles, a byline and word counts, which the labeller
    reads as such), in the second paper's pages 3 times in 3; the labeller reads all but 2 of
    those headlines already.
    """
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]  # normalised: stripped
    # Most lines are answered by their role and length at once.
    short = [
        place
        for place, index in enumerate(filled[:-1])
        if out[index] == "body" and headline_shaped(lines[index].text)
    ]
    fills: list[bool] | None = None  # worked out only where a headline may be broken in two
    for place in short:
        index, below = filled[place], filled[place + 1]
        text = lines[index].text
        if out[index] != "body" or not (
            out[below] == "body" or _lead_read_as_byline(lines[below].text, out[below])
        ):
            continue
        # the cheaper tests first: most lines have no lead under them
        if (
            split_lead(lines[below].text) is None
            and not opens_with_report(lines[below].text)
            and not _dateline_cut_at(lines, below)
        ):
            continue
        # two short lines over the lead (two_headline_lines)
        pair = place >= 1 and _broken_pair_over(lines, out, filled, place)
        above_ends = False  # what stands over the line ended, though it closes no sentence
        if not pair and place and not _closes(lines[filled[place - 1]].text, out[filled[place - 1]]):
            if fills is None:
                fills = filled_lines(lines)
            above_ends = _ends_short_over_gap(lines, filled, place, fills)
            if not above_ends:
                continue  # the tail of a paragraph or of a line cut by a wrap (稿件来源： / 某某报)
        if not could_head(text):
            continue
        readings = [[index]]  # the headline's lines: two where a column broke it, read first
        if pair:
            if fills is None:
                fills = filled_lines(lines)
            if not fills[filled[place - 1]]:  # a hard-wrapped paragraph's line fills its width
                readings.insert(0, [filled[place - 1], index])
        for heads in readings:
            if _read_headline_over_lead(
                lines, out, filled, place - len(heads) + 1, heads, above_ends=above_ends
            ):
                break
    return out


_WRAPPED_HEADLINE_LONGEST = 90  # characters: the longest headlines, a front page's, cut by a wrap
_PARAGRAPH_INDENT_WIDEST = 4  # columns: two ideographic spaces, as paragraphs open
_FULL_STOP_RE = re.compile(r"。|\.(?!\d)")  # a sentence's end, full- or half-width (not 3.5%'s point)
_CLAUSE_MARK_RE = re.compile("[，,；;、]")


def _wrapped_headlines_over_leads(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the lines a hard wrap cut a long headline into read as its headline where
    the labeller read them as text, over the lead that opens its story.

    Cut at a narrow column's width, each piece of a headline fills the line as text does; the
    labeller reads them as text, and the story's headline is lost into the story above. A lead
    (``本报北京2月20日电``, ``本报讯（记者 X）``) opens a story, so the lines between it and the close
    of what came before (a sentence's end, a credit) are that story's header: two or more, each
    but the last filling the width, the first flush (an indented one opens a paragraph whose close
    lost its stop), with no full stop anywhere and one clause's mark at most (a column of briefs
    sums each item up in a sentence of clauses without a stop, over its lead), as long as a
    headline at most and able to head a story, they are its headline. Not over a line the labeller
    read as a headline: text over a headline is the story above's, its close's stop lost, as often
    as the headline's first pieces."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    width: int | None = None  # the column's, in characters (0: the page is not hard-wrapped)
    for place, index in enumerate(filled):
        if out[index] not in ("body", "byline") or place < 2:
            continue
        text = lines[index].text
        if split_lead(text) is None and not opens_with_report(text):
            continue
        run: list[int] = []
        stop: int | None = None  # the line over the run
        for above in reversed(filled[:place]):
            if not run and out[above] in ("furniture", "byline"):
                continue  # between the header and its lead: a reporter's line, inserted furniture
            if out[above] != "body" or _closes(lines[above].text, out[above]):
                stop = above
                break
            run.insert(0, above)
        if stop is None or out[stop] in HEADER_ROLES or out[stop] == "byline":
            # The page's first lines (a masthead's as often as a headline's), or the story's own
            # first lines under its header (a quote set over its lead).
            continue
        if len(run) < 2:
            continue
        first = lines[run[0]]
        if first.indented and first.indent <= _PARAGRAPH_INDENT_WIDEST:
            continue  # a paragraph's opening line, its close's stop lost (centred headlines set further in)
        joined = "".join(lines[line].text for line in run)
        if (
            len(joined) > _WRAPPED_HEADLINE_LONGEST
            or _FULL_STOP_RE.search(joined)
            or len(_CLAUSE_MARK_RE.findall(joined)) > 1  # a sentence of clauses: a brief's summary
            or not could_head(joined)
        ):
            continue
        if width is None:  # worked out only where a lead has such lines over it
            fills = filled_lines(lines)
            width = _wrap_length(lines, fills) if any(fills) else 0
        spans = [len(lines[line].text) + lines[line].indent // 2 for line in run]  # as the wrap counts
        if (
            any(span > width + 1 for span in spans)
            or any(span < width - 1 for span in spans[:-1])
            or spans[-1] >= width - 1
        ):
            # Lines the wrap did not cut: a brief's heading over its summary, a kicker over its
            # headline, each printed whole, or a headline printed wider than the column over its
            # subtitle (read by the rules above). A wrap's pieces fill the width to a character
            # (a closing mark hung over it, a half-width one short of it), all but the last, which
            # is short: lines that all fill it are a paragraph's, its close's stop lost.
            continue
        for line in run:
            out[line] = "title"
    return out


_DECKS_MOST = 3  # lines under a headline a paper sets as its decks (副题), over the lead
_DECK_LONGEST = 24  # characters
_CLAUSE_INSIDE_RE = re.compile(r"[，,；;。]")


def _headline_decks_over_leads(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the short lines between a headline and its story's lead read as the
    headline's subtitles: a paper that prints a headline in several decks (``省府昨开常会`` /
    ``通过要案多件`` / ``建设厅提修筑公路案 决议照准`` / ``（本报讯）省政府昨日…``, as papers did
    before the 1950s and front pages still do) sets lines under it that the labeller, having seen
    one subtitle at most, reads as text. Nothing but the header block stands between a headline and
    the lead that opens its story: up to three such lines, each short, ending no sentence and able
    to head a story (not a reporter's line, a dash, a story's close), with no clause's comma inside
    and no longer than a headline's line (a column of briefs sums each up over its lead, in a
    sentence: ``速览`` / ``东湖区推出十项便民措施，涉及…``), are decks."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for place, index in enumerate(filled):
        if not (out[index] == "body" or _lead_read_as_byline(lines[index].text, out[index])):
            continue
        run = place
        while run > 0 and place - run < _DECKS_MOST and out[filled[run - 1]] == "body":
            text = lines[filled[run - 1]].text
            if len(text) > _DECK_LONGEST or not headline_shaped(text) or _CLAUSE_INSIDE_RE.search(text):
                break  # a clause's comma inside, or longer: a column's brief summed up over its lead
            if not could_head(text):
                break
            run -= 1
        if run == place or run == 0 or out[filled[run - 1]] not in ("title", "subtitle"):
            continue
        if split_lead(lines[index].text) is None and not opens_with_report(lines[index].text):
            continue
        for deck in filled[run:place]:
            out[deck] = "subtitle"
    return out


def _lead_read_as_byline(text: str, role: Role) -> bool:
    """Whether a line read as a byline is a story's lead alone on its line (``本报讯（记者 王强）``,
    as city papers set it), not a story's closing dateline (``新华社北京5月3日电``; a credit in
    brackets, ``（记者 王强）``, is no lead)."""
    return role == "byline" and split_lead(text) is not None and not is_lone_dateline(text)


def _broken_pair_over(
    lines: Sequence[Line], roles: Sequence[Role], filled: Sequence[int], place: int
) -> bool:
    """Whether the short line at ``filled[place]`` may be the second of two headline lines (a
    headline's rest, or its subtitle: :func:`two_headline_lines`): the first right over it
    (:func:`_broken_headline_over`), after the end of what came before (a closing credit or
    dateline too: 新华社三亚4月28日电) or at the page's top."""
    return (
        place >= 1
        and filled[place - 1] == filled[place] - 1
        and (place < 2 or _story_ends_at(lines, roles, filled[place - 2]))
        and _broken_headline_over(lines, roles, filled, place)
    )


def _ends_a_story(text: str, role: Role) -> bool:
    """Whether a line ends what it belongs to (:func:`_closes`), or is a dateline alone that closes
    a story (新华社三亚4月28日电, as a wire story ends)."""
    return _closes(text, role) or is_lone_dateline(text)


def _story_ends_at(lines: Sequence[Line], roles: Sequence[Role], index: int) -> bool:
    """Whether the line at ``index`` ends a story (:func:`_ends_a_story`), also as the last piece
    of a closing dateline a narrow column's wrap cut (``新华社东湖县`` / ``五月十一日电``; over a blank
    line the piece is alone, and no dateline)."""
    if _ends_a_story(lines[index].text, roles[index]):
        return True
    return index > 0 and is_lone_dateline(lines[index - 1].text + lines[index].text)


def _ends_short_over_gap(
    lines: Sequence[Line], filled: Sequence[int], place: int, fills: Sequence[bool]
) -> bool:
    """Whether the text line over ``filled[place]`` ended its paragraph though it closes no
    sentence (a weather box's last line, ``…最高气温12℃``; a paragraph whose full stop the
    extraction lost): a blank line stands between them and it falls short of the width the page
    is hard-wrapped at (on a page that is not, every paragraph is a line), running on with no
    comma or colon, the last line of a block (a line alone between blank lines may be a box's
    name: 彩票开奖). Not over a story's closing dateline alone (``新华社东湖4月28日电``): the line
    is the story's last, its full stop lost."""
    above = filled[place - 1]
    text = lines[above].text
    return (
        filled[place] - above > 1
        and place >= 2
        and filled[place - 2] == above - 1
        and not fills[above]
        and not text.endswith(_RUNS_ON)
        and not is_lone_dateline(lines[filled[place + 1]].text)
    )


def _read_headline_over_lead(
    lines: Sequence[Line],
    roles: list[Role],
    filled: Sequence[int],
    first: int,
    heads: Sequence[int],
    *,
    above_ends: bool = False,
) -> bool:
    """Read ``heads`` (one line, or two: :func:`two_headline_lines`, from ``filled[first]``) as
    the headline of the lead under them where what stands over them allows: nothing, the end of
    a story, or a headline (then one line is its subtitle, and two lines under a section's name
    are the headline, the name its kicker; ``above_ends``: a paragraph that closes no sentence,
    :func:`_ends_short_over_gap`). Whether they were read so."""
    if len(heads) == 2:
        upper_role, lower_role = two_headline_lines(lines[heads[0]].text, lines[heads[1]].text)
    else:
        upper_role, lower_role = "title", "title"
    if first:
        above = filled[first - 1]
        if not above_ends and not _closes(lines[above].text, roles[above]):
            return False  # the tail of a paragraph or of a line cut by a wrap (稿件来源： / 某某报)
        if roles[above] in ("title", "subtitle"):
            if (
                len(heads) == 1
                and is_column_tag(lines[above].text)
                and _heads_nothing_above(roles, filled, first - 1)
            ):
                roles[above], lower_role = "kicker", "title"  # under a column's tag
            elif len(heads) == 1:
                lower_role = "subtitle"  # under the story's headline
            elif upper_role == "title" and _section_label(lines, roles, filled, first - 1):
                roles[above] = "kicker"
            else:
                return False
    roles[heads[-1]] = lower_role
    if len(heads) == 2:
        roles[heads[0]] = upper_role
    return True


def two_headline_lines(upper: str, lower: str) -> tuple[Role, Role]:
    """The roles of two short lines that head a story: a kicker that ends with a dash over its
    headline (``运河沿线城市——`` / ``抓住运河文化带建设的机遇``); a headline a column broke in two,
    its first line as long as the second or longer, as a column fills it (``中国女排3:0横扫日本队``
    / ``晋级决赛``); else a headline over its subtitle (``东湖夜市今晚开市`` / ``200余个摊位集中亮相``:
    a column breaks no headline into a shorter first line)."""
    if upper.endswith(DASH_OPENERS) or is_column_tag(upper):
        return "kicker", "title"
    return ("title", "title") if len(upper) >= len(lower) else ("title", "subtitle")


def _first_line_role(text: str) -> Role:
    """The role of the first of a headline's two lines: a kicker where it ends with a dash
    (``运河沿线城市——``) or is a column's tag (``【民生】``), else the headline's first line."""
    return "kicker" if text.endswith(DASH_OPENERS) or is_column_tag(text) else "title"


_SECTION_LABEL_LONGEST = 4  # characters: a section's name over a page's or a site's stories (体育)
_BROKEN_HEADLINE_LINE_LONGEST = 24  # characters: a line of a headline a column broke in two


def _broken_headline_over(
    lines: Sequence[Line], roles: Sequence[Role], filled: Sequence[int], place: int
) -> bool:
    """Whether right over the short line at ``filled[place]`` (no blank line between) stands the
    first line of the same headline: short too, read as text, and able to head a story."""
    if not place or filled[place - 1] != filled[place] - 1:
        return False
    upper = filled[place - 1]
    text = lines[upper].text
    return (
        roles[upper] == "body"
        and len(text) <= _BROKEN_HEADLINE_LINE_LONGEST
        and len(lines[filled[place]].text) <= _BROKEN_HEADLINE_LINE_LONGEST
        and headline_shaped(text)
        and not _closes(text, "body")  # a story's close in brackets, a signature
        and could_head(text)
    )


def _heads_nothing_above(roles: Sequence[Role], filled: Sequence[int], place: int) -> bool:
    """Whether the header line at ``filled[place]`` opens its header block: no header line over it."""
    return not place or roles[filled[place - 1]] not in HEADER_ROLES


def _section_label(lines: Sequence[Line], roles: Sequence[Role], filled: Sequence[int], place: int) -> bool:
    """Whether the header line at ``filled[place]`` is a section's name alone (体育, 国际新闻): a
    line of a few characters with a blank line under it, no header line over it."""
    index = filled[place]
    return (
        weight(lines[index].text) <= _SECTION_LABEL_LONGEST
        and filled[place + 1] > index + 1
        and _heads_nothing_above(roles, filled, place)
    )


def _headline_tails_over_bylines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a flush short line the labeller read as the story's first text, between a
    headline's line and the byline right under it, read as the end of that headline line (a
    narrow column broke the headline: 建设跑出 / “加速度” / 本报记者 张华), or as a subtitle where it
    opens with a dash. The corpus's part headings right under a round-up's headline are indented
    as their text, or under a headline of one line, and stay text."""
    roles = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for place in range(1, len(filled) - 1):
        index = filled[place]
        if roles[index] != "body" or lines[index].indented:
            continue
        above, below = filled[place - 1], filled[place + 1]
        if roles[above] not in HEADER_ROLES or roles[below] != "byline":
            continue
        if above != index - 1 or below != index + 1 or not headline_shaped(text := lines[index].text):
            continue
        # only under a headline the column broke already (two of its lines over this one): a
        # headline of one line over a short line is a round-up's over its part's heading
        if place < 2 or filled[place - 2] != above - 1 or roles[filled[place - 2]] not in HEADER_ROLES:
            continue
        if text.startswith(DASH_OPENERS):
            roles[index] = "subtitle"
        elif could_head(text):
            roles[index] = roles[above]
    return roles


def _headlines_read_as_furniture(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a line the labeller read as furniture by its neighbours alone (under the
    page's header line, say), set apart by a blank line above it, right over a story's byline or
    lead read as its headline: no furniture rule reads it as the page's, and a story opens under
    it. (A piece a wrap cut off a meta line follows its other piece.)"""
    roles = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for place, index in enumerate(filled[:-1]):
        if roles[index] != "furniture" or not headline_shaped(text := lines[index].text):
            continue
        if place and filled[place - 1] == index - 1 and not is_page_head(lines[index - 1].text):
            continue  # right under a line: a wrapped line's piece (not under a page's head, whole)
        if place and _source_cut_before(lines[filled[place - 1]].text, text):
            continue  # the rest of a meta line's source, a blank line under it (东江都 / 市日报 要闻)
        if place and filled[place - 1] < index - 1 and is_web_meta_line(lines[filled[place - 1]].text + text):
            continue  # a meta line's last piece, a blank line over it as a double-spaced copy sets
        if _FURNITURE_FIGURE_RE.search(text) or META_FIELD_LABEL_RE.search(text.replace(" ", "")):
            # a date, a page, a time, the weather, a field's label (日作者：…): furniture, or a
            # piece of it OCR spaced out (a headline counts things: 西山县新建5所学校)
            continue
        below = filled[place + 1]
        under = lines[below].text
        opens = roles[below] == "byline" or (
            roles[below] == "body" and (split_lead(under) is not None or opens_with_report(under))
        )
        if opens and _furniture_by_context(text, roles[index]) and could_head(text):
            roles[index] = "title"
    return roles


# A figure as furniture prints it: in a date, a weekday, a page (A3, 第3版), a time, a temperature
# or a share.
_FURNITURE_FIGURE_RE = re.compile(r"\d\s?[月日版页字号期年]|星期|[A-Za-z]\s?\d|\d\s?[:：℃%～~\-/.]|\d{3,}")


_INDENTED_PAGE_SHARE = 0.8  # of a page's paragraphs at least, for its flush lines to stand out


def _headlines_over_bylines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, on a page that indents its paragraphs, with the flush short line right over a
    flush reporter's line read as the story's headline (and a flush short line over that one as
    its kicker) where the labeller read them as text.

    The corpus indents the part headings of its round-ups, and their reporters' lines, as their
    text, and counts them as text (``　　挂上灯笼过大年，日子红火`` / ``本报记者 徐元锋``); the
    labeller learnt that a short line over a reporter's line after a story is such a heading.
    A page that sets its headlines and bylines flush and its paragraphs indented says otherwise:
    the story above has ended, and the lines over the byline head a new one. A flush line read
    as text that names its writer as a byline does (``文/李青``, a commentary's) counts as a
    byline there, and is read as one.
    """
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    flush_bylines = [
        place
        for place, index in enumerate(filled[1:-1], start=1)
        if not lines[index].indented
        and out[filled[place - 1]] == "body"
        and not lines[filled[place - 1]].indented
        and lines[filled[place + 1]].indented
        # last: the byline grammar, only for the few lines placed as a byline is
        and _byline_or_writers_line(lines[index].text, out[index])
    ]
    # The page's measure only where a flush byline with a flush line of text over it asks for it.
    if not flush_bylines or not _indents_paragraphs(lines, out, filled):
        return out
    for place in flush_bylines:
        heads: list[int] = []  # the flush short lines right over the byline, at most two
        for at in reversed(filled[max(0, place - 2) : place]):
            text = lines[at].text
            if out[at] != "body" or lines[at].indented or not (headline_shaped(text) and could_head(text)):
                break
            heads.insert(0, at)
        first = place - len(heads)
        if not heads or (first and not _closes(lines[filled[first - 1]].text, out[filled[first - 1]])):
            continue  # under a line that runs on: no story has ended there
        out[heads[-1]] = "title"
        if len(heads) == 2:
            out[heads[0]] = "kicker"
        out[filled[place]] = "byline"
    return out


def _headlines_over_writers_names(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, on a page that indents its paragraphs, with a flush short line right over a
    flush line of its writer's name alone (``故乡的年味`` / ``李明``) read as a piece's headline and
    its byline, where the labeller read them as text or furniture: a supplement prints its essays
    and poems so. A poem's lines end no sentence and may be set flush, so the line over the
    headline need not close, where a blank line stands between them. (A reporter's line a column
    cut before the name, ``本报记者`` / ``刘明``, is :func:`_wrapped_bylines`'.)"""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    found: list[int] = []
    for place in range(1, len(filled) - 1):
        head, name = filled[place - 1], filled[place]
        if (
            head == name - 1
            and out[head] in ("body", "furniture")
            and out[filled[place + 1]] == "body"
            and not lines[name].indented
            and not lines[head].indented
            and parse_name_line(lines[name].text) is not None
        ):
            found.append(place)
    if not found:
        return out
    indenting = _indents_paragraphs(lines, out, filled)
    for place in found:
        head, name = filled[place - 1], filled[place]
        text = lines[head].text
        if not (headline_shaped(text) and could_head(text)):
            continue
        if place > 1:
            above = filled[place - 2]
            if above == head - 1 and not _closes(lines[above].text, out[above]):
                continue  # under a line that runs on: no piece has ended there
            if not indenting and (above == head - 1 or out[above] != "credit"):
                # Where paragraphs are flush the two lines stand out by nothing but a blank line
                # over them, under a piece that closed with its credit (（作者单位：…）): the
                # parts of a round-up of remarks, each a heading over its speaker's name, follow
                # one another's text, and the corpus keys them as one story.
                continue
        out[head], out[name] = "title", "byline"
    return out


def _byline_or_writers_line(text: str, role: Role) -> bool:
    """A line read as a byline, or read as text that names its writer as a byline does (文/李青)."""
    if role == "byline":
        return True
    return role == "body" and parse_byline_line(text) is not None


def _indents_paragraphs(lines: Sequence[Line], roles: Sequence[Role], filled: Sequence[int]) -> bool:
    """Whether the page indents its paragraphs (most of the lines read as text that end a
    sentence), so that a flush line stands out from them."""
    paragraphs = [index for index in filled if roles[index] == "body" and ends_sentence(lines[index].text)]
    indented = sum(1 for index in paragraphs if lines[index].indented)
    return bool(paragraphs) and indented >= _INDENTED_PAGE_SHARE * len(paragraphs)


def _marked_column_tags(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, on a page that indents its paragraphs, with a flush column tag under a mark
    (``■提醒``) over a flush short line read as the kicker and the headline of a new story, where
    the labeller read them as text or as one headline.

    The corpus indents such tags as its text, and the line under them, inside a story (``　　■记者
    手记`` / ``　　履职干劲不能松``: a sidebar of the story, which the key counts as text); papers that
    tag their stories so set the tag and the headline flush, over the byline or the indented lead.
    """
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    tags = [
        place
        for place, index in enumerate(filled[:-2])
        if lines[index].text[0] in ITEM_MARKS
        and not lines[index].indented
        and MARKED_TAG_RE.match(lines[index].text)
    ]
    if not tags or not _indents_paragraphs(lines, out, filled):
        return out
    for place in tags:
        tag, head, below = filled[place], filled[place + 1], filled[place + 2]
        text = lines[head].text
        if head != tag + 1 or lines[head].indented or out[tag] not in ("body", *HEADER_ROLES):
            continue
        if out[head] not in ("body", *HEADER_ROLES) or not (headline_shaped(text) and could_head(text)):
            continue
        if not (out[below] in ("byline", "subtitle") or (out[below] == "body" and lines[below].indented)):
            continue  # no story opens under it
        if place and filled[place - 1] == tag - 1 and not _closes(lines[tag - 1].text, out[tag - 1]):
            continue  # right under a line that runs on
        out[tag], out[head] = "kicker", "title"
    return out


def _column_tags_over_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a column's tag alone on its line (``【民生】``, ``■城事``) right over the
    headline that opens a story read as that story's kicker, and the line under it as the headline.
    Read as text under the end of the story above, it ended that story; read as the headline (a
    mark before a short line, as headlines are marked too), it took the headline for its subtitle
    or for its second line."""
    out = list(roles)
    for index in range(len(lines) - 1):
        below = index + 1
        if out[index] not in ("body", "kicker", "title") or out[below] not in ("kicker", "title", "subtitle"):
            continue  # most lines
        if not is_column_tag(lines[index].text):
            continue
        if index and lines[index - 1].text:
            if out[index - 1] in HEADER_ROLES or not _closes(lines[index - 1].text, out[index - 1]):
                continue  # inside a header block, or right under a line that runs on
        out[index] = "kicker"
        if out[below] == "subtitle":
            out[below] = "title"
    return out


def _closes(text: str, role: Role) -> bool:
    """Whether a line read as ``role`` ends what it belongs to, so that a headline can follow it:
    a line that runs on (a colon, a comma) does not, nor a paragraph's line that ends no sentence,
    no bracket and no letter (a signature: 东昌府区读者 李明), nor a table's row (白菜 每斤0.8元)."""
    if text.endswith(_RUNS_ON):
        return False
    return (
        role != "body"
        or ends_sentence(text)
        or text.endswith(("）", ")"))
        or signs_off(text)
        or figure_row(text)
    )


@memoised
def could_head(text: str, *, signed: bool = False) -> bool:
    """Whether a short line the labeller read as text could be a story's headline: not a
    subtitle's dash, a story's close in brackets, a name alone, a lead, a reporter's line, or
    a line of furniture. ``signed``: the story above is closed and signed already (by its dateline
    in brackets, a chart's credit), so a line of two to four characters that opens with a surname
    (高唐新韵, 阳谷秋色) is no signature of it."""
    solid = text.replace(" ", "")
    return (
        not text.lstrip("# ").startswith(DASH_OPENERS)  # a subtitle's dash
        # a story's close: an end mark or a credit in brackets ((完), (记者 王强), (本报综合))
        and not wholly_bracketed(text)
        and (signed or not looks_like_a_name(solid))  # a signature
        and split_lead(solid) is None  # a lead, or a dateline on a line of its own
        and not opens_with_report(solid)
        and not names_a_reporter(text)
        and not is_furniture_line(text)
        and not is_web_meta_line(text)
    )


_APART_LEAST_BLOCKS = 3
_APART_HEADED_SHARE = 0.6  # of the blocks, at least this share open with a headline
_APART_GAPPED_SHARE = 0.8  # of the headlines, at least this share have a blank line above


def _headlines_after_story_gaps(
    lines: Sequence[Line], roles: Sequence[Role], pairs: HeaderPairs = NO_PAIRS
) -> list[Role]:
    """The roles, on a page that sets a blank line between two stories and none inside one, with
    the short line opening a block read as its headline.

    Such a page (many web pages, e-paper copies and crawls) opens most of its blocks with a
    headline the labeller finds; its headlines have a blank line over them and none under them
    (the corpus's blank placeholders sit under a headline as well as over it). A block whose
    first line is short, ends no sentence and comes after the close of the story above opens
    with a headline too, one the labeller read as a crosshead. Two such lines head the story as
    kicker and headline over a reporter's line, or set flush over an indented lead on a page that
    indents its paragraphs; over a paragraph, as the labeller weighed them in ``pairs`` (a kicker
    over its headline and a headline over its subtitle look alike, but for their wording), unless
    either is indented as the page's paragraphs are; else they stay as read. On a hard-wrapped page
    a line under the short one that fills the page's width is the lead's first line, not a second
    headline line (``东湖夜市今晚开市`` / ``11月20日，记者从东湖区商务局获悉，今年``).
    """
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    gapped = _story_gaps(lines, out, filled)
    if gapped is None:
        return out
    fills: list[bool] | None = None
    for place, index in enumerate(filled[:-1]):
        below = filled[place + 1]
        if (
            place
            and index in gapped
            and out[index] == "body"
            and below == index + 1  # the block goes on under it
            and out[below] in ("body", "byline")
            and headline_shaped(lines[index].text)
            and _closes(lines[filled[place - 1]].text, out[filled[place - 1]])
            # Opening a block under the story's last line, not under furniture (a PDF's running
            # header parts a story anywhere), it signs nothing: 柳岸春晓 reads as a name, not as one here.
            and could_head(lines[index].text, signed=out[filled[place - 1]] != "furniture")
        ):
            under = lines[below].text
            if out[below] == "body" and headline_shaped(under) and could_head(under):
                if fills is None:
                    fills = filled_lines(lines)
                if fills[below] and not fills[index]:
                    # On a hard-wrapped page the line under fills the width: a lead's first line.
                    out[index] = "title"
                    continue
                # Two headline lines: a kicker over a headline, or a headline over its subtitle.
                # Over a reporter's line they head a story all the same, read as kicker and headline,
                # and so they do set flush over an indented lead on a page that indents its paragraphs.
                after = filled[place + 2] if place + 2 < len(filled) else None
                if after == below + 1 and (
                    out[after] == "byline"
                    or names_a_reporter(lines[after].text)
                    or (
                        out[after] == "body"
                        and lines[after].indented
                        and not lines[index].indented
                        and not lines[below].indented
                        and _indents_paragraphs(lines, out, filled)
                    )
                ):
                    out[index], out[below] = "kicker", "title"
                elif (
                    (index, below) in pairs
                    and after == below + 1
                    and out[after] == "body"
                    and not headline_shaped(lines[after].text)
                    and not (
                        (lines[index].indented or lines[below].indented)
                        and _indents_paragraphs(lines, out, filled)
                    )
                ):
                    out[index], out[below] = pairs[index, below]
                continue
            out[index] = "title"
    return out


def _wrapped_headlines_set_apart(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, on a hard-wrapped page that indents its paragraphs' first lines, with a block of
    flush lines set apart by blank lines read as a headline the wrap cut, where the labeller read
    it as text.

    A narrow column cuts a long headline as it cuts a paragraph: its first piece fills the width and
    reads as any line of text. The page's own habits tell it apart. The block has a blank line over
    and under it, like no paragraph's lines; it is flush where the lines that open paragraphs are
    indented; it comes after a closed story and ends no sentence; an indented paragraph or a
    reporter's line follows it. Where a piece ends with a dash, the pieces down to it are the
    kicker (``运河沿线六座城市联手打`` / ``造文旅新名片——`` / ``古镇迎来四方客``).
    On 700 of the corpus's train pages, each wrapped at 12 and at 18 characters and twice damaged
    as ``evaluate`` damages pages, 158 of the 161 lines it reads so are headline lines (155) or a
    kicker's (3); the other 3 are a kicker over a headline with no dash between; none is text.
    """
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    fills: list[bool] | None = None
    width = 0  # the column's, in characters
    blocks = _runs(set(filled))  # the runs of lines that blank lines part
    for before, block, after in zip(blocks, blocks[1:], blocks[2:], strict=False):
        if any(out[index] != "body" or lines[index].indented for index in block):
            continue
        above, below = before[-1], after[0]
        opened = (out[below] == "body" and lines[below].indented) or out[below] == "byline"
        if not opened or not _closes(lines[above].text, out[above]):
            continue
        if fills is None:
            if not _indents_paragraph_openers(lines, filled):
                return out
            fills = filled_lines(lines)
            if not any(fills):
                return out
            width = _wrap_length(lines, fills)
        first = block[0]
        if not fills[first] or len(lines[first].text) > width + 1 or fills[block[-1]]:
            # A wrap cuts a headline where it fills the width (a closing mark may hang one over),
            # and its last piece is short; a line alone, short or full, is never taken: it is a
            # crosshead as often as a headline. A line wider than the column is not a wrap's piece
            # but a headline printed whole across columns, over its second line or its kicker's.
            continue
        text = "".join(lines[index].text for index in block)
        if not (headline_shaped(text) and could_head(text)):
            continue
        dashed = [
            place for place, index in enumerate(block[:-1]) if _first_line_role(lines[index].text) == "kicker"
        ]
        kicker_lines = dashed[-1] + 1 if dashed else 0
        for place, index in enumerate(block):
            out[index] = "kicker" if place < kicker_lines else "title"
    return out


def _indents_paragraph_openers(lines: Sequence[Line], filled: Sequence[int]) -> bool:
    """Whether the page indents the lines that open its paragraphs (those after a line that ends
    a sentence). Counted over those lines, not over a paragraph's last line as
    :func:`_indents_paragraphs` counts, the habit shows on a hard-wrapped page too, whose
    paragraphs end on a flush piece."""
    openers = [below for above, below in pairwise(filled) if ends_sentence(lines[above].text)]
    indented = sum(1 for index in openers if lines[index].indented)
    return len(openers) >= _OPENERS_LEAST and indented >= _INDENTED_OPENERS_SHARE * len(openers)


_OPENERS_LEAST = 4  # lines after a sentence's end: fewer tell nothing of a page's habit
# Less than the share of paragraphs: a wrap also ends a piece on a sentence's end inside a
# paragraph, and the flush piece after it goes on with the paragraph.
_INDENTED_OPENERS_SHARE = 0.6


def _story_gaps(lines: Sequence[Line], roles: Sequence[Role], filled: Sequence[int]) -> set[int] | None:
    """The lines that open a block after a blank line (or the page's first), where the page sets
    a blank line between two stories and none inside one: most blocks open with a headline, most
    headlines have a blank line over them, and none has one under it."""
    gapped = _block_openers(lines, [index for index in filled if roles[index] != "furniture"])
    heads = [
        place
        for place, index in enumerate(filled)
        if roles[index] in HEADER_ROLES and (place == 0 or roles[filled[place - 1]] not in HEADER_ROLES)
    ]
    if len(gapped) < _APART_LEAST_BLOCKS or not heads:
        return None
    headed = sum(1 for index in gapped if roles[index] in HEADER_ROLES)
    over = sum(1 for place in heads if filled[place] in gapped)
    if headed < _APART_HEADED_SHARE * len(gapped) or over < _APART_GAPPED_SHARE * len(heads):
        return None
    for place in heads:
        end = place
        while end + 1 < len(filled) and roles[filled[end + 1]] in HEADER_ROLES:
            end += 1
        if end + 1 == len(filled) or filled[end + 1] != filled[end] + 1:
            return None  # a blank line under a headline: the corpus's placeholders, or a page's spacing
    return gapped


def _block_openers(lines: Sequence[Line], printed: Sequence[int]) -> set[int]:
    """Of the page's ``printed`` lines (its lines of text but its furniture: a masthead line over
    the first story, a running header, which neither open a block nor part two), those that open a
    block: the first, and each after a blank line."""
    if not printed:
        return set()
    return {printed[0]} | {
        below
        for above, below in pairwise(printed)
        if below > above + 1 and not all(line.text for line in lines[above + 1 : below])
    }


def _crossheads_inside_stories(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, on a page that sets its stories apart by a blank line, with a flush line read as
    a headline inside a story's text (no blank line over it, an indented paragraph right above
    and right under it, no lead or byline under it) read as the crosshead it is, as text: on such
    a page a story opens after a blank line. A page of two or three stories has too few blocks to
    show that by :func:`_story_gaps`; it shows it where every other headline has a blank line over
    it or opens the page, and one does have a blank line over it. On the second paper's pages the
    three-member model read two crossheads so, one on a page of two stories; no dev page changes."""
    out = list(roles)
    if not any(role in HEADER_ROLES for role in out):
        return out
    filled = [index for index, line in enumerate(lines) if line.text]
    inside: list[int] = []  # the lines read as headlines that sit inside a story's text
    for place in range(1, len(filled) - 1):
        above, index, below = filled[place - 1 : place + 2]
        if (
            out[index] in HEADER_ROLES
            and above == index - 1
            and below == index + 1
            and (out[above], out[below]) == ("body", "body")
            and lines[above].indented
            and lines[below].indented
            and not lines[index].indented
            and split_lead(lines[below].text.strip()) is None
            and not names_a_reporter(lines[below].text)
        ):
            inside.append(index)
    if not inside:
        return out
    if _story_gaps(lines, out, filled) is None and not _other_headlines_set_apart(lines, out, filled, inside):
        return out
    for index in inside:
        out[index] = "body"
    return out


def _other_headlines_set_apart(
    lines: Sequence[Line], roles: Sequence[Role], filled: Sequence[int], inside: Sequence[int]
) -> bool:
    """Whether every header block but those opening at ``inside`` opens a block (:func:`_block_openers`;
    the page's furniture, a stray mark among them, neither opens nor parts one), and one besides
    the page's first line is there to show it: the first line opens the page whatever the page does."""
    printed = [index for index in filled if roles[index] != "furniture"]
    openers = _block_openers(lines, printed)
    starts = [
        index
        for place, index in enumerate(printed)
        if place
        and roles[index] in HEADER_ROLES
        and roles[printed[place - 1]] not in HEADER_ROLES
        and index not in inside
    ]
    return bool(starts) and all(index in openers for index in starts)


_SIGNED_LEAST_BLOCKS = 2  # blocks in a row closed by a writer's credit, at least


def _headlines_of_signed_blocks(
    lines: Sequence[Line], roles: Sequence[Role], pairs: HeaderPairs = NO_PAIRS
) -> list[Role]:
    """The roles, on a page that sets a blank line between stories and signs each at its end
    (``（记者 柳静文）``, ``通讯员 卢晓岚`` under the last paragraph), with the short line that opens
    such a block over its text read as the story's headline.

    County papers' and media centres' pages print their stories so, with no lead (本报讯, a
    dateline) and no reporter's line under the headline; the labeller, which learnt a story's start
    from what follows a headline, reads such a headline as a crosshead, and the stories run into
    one. Blocks in a row that writers' credits close are stories in a row where the first of them
    opens with a headline the labeller found, or opens the page (furniture aside). Not so a
    round-up's parts, each closed by its writer's credit too: its first part comes under the
    round-up's headline and lead, and opens with a crosshead. Where a block opens with two lines
    read as text, :func:`_signed_block_head` says which heads the story, with the labeller's
    weighing of the two from ``pairs``."""
    out = list(roles)
    blocks = [list(run) for run in _runs({index for index, line in enumerate(lines) if line.text})]
    signed = [_signed_at_end(lines, out, block) for block in blocks]
    place = 0
    while place < len(blocks):
        if not signed[place]:
            place += 1
            continue
        end = place
        while end < len(blocks) and signed[end]:
            end += 1
        # opened by a headline the labeller found (under the page's masthead, it may be), or at the
        # page's top, furniture aside
        lead = next((index for index in blocks[place] if out[index] != "furniture"), blocks[place][0])
        opened = out[lead] in HEADER_ROLES or all(
            out[index] == "furniture" for block in blocks[:place] for index in block
        )
        if opened and end - place >= _SIGNED_LEAST_BLOCKS:
            for block in blocks[place:end]:
                head, text = block[0], lines[block[0]].text
                if (
                    out[head] == "body"
                    and out[block[1]] == "body"
                    and headline_shaped(text)
                    and could_head(text)
                ):
                    out[head], out[block[1]] = _signed_block_head(
                        text, lines[block[1]].text, len(block), pairs.get((head, block[1]))
                    )
        place = end
    return out


def _signed_at_end(lines: Sequence[Line], roles: Sequence[Role], block: Sequence[int]) -> bool:
    """Whether a block of lines is text closed by a writer's credit, with another credit over it
    or not (a credit in brackets, a photographer's, the story's dateline in brackets read as one:
    ``（本报东湖3月17日电）`` / ``本报记者 柳静文``), and no credit before (a round-up's parts are
    each closed by one)."""
    inside = block[1:-1]
    if inside and (roles[inside[-1]] == "credit" or _writers_credit(lines[inside[-1]].text)):
        inside = inside[:-1]
    return (
        bool(inside)
        and roles[inside[-1]] == "body"
        and _writers_credit(lines[block[-1]].text)
        and not any(_writers_credit(lines[index].text) for index in inside)
    )


def _signed_block_head(first: str, second: str, size: int, weighed: HeaderPair | None = None) -> HeaderPair:
    """The roles of the first two lines of a signed block of ``size`` lines, both read as text, the
    first headline-shaped: a headline over a paragraph, or over its subtitle's dash (``——记东湖区
    春耕``); a kicker over its headline, with text under both, where the kicker ends with a dash
    (``西山县的乡村振兴路——``) or says who stressed what (``柳静文在东湖区调研时强调``). Two other
    headline-shaped lines with text under them are read as the labeller ``weighed`` them: a kicker
    over its headline and a headline over its subtitle look alike but for their wording (taking
    the first for the headline found a kicker as often as a headline); unweighed, they stay text."""
    if not headline_shaped(second) or second.lstrip("# ").startswith(DASH_OPENERS):
        return "title", "body"
    if size <= 3 or not could_head(second):
        return "body", "body"
    if first.endswith(DASH_OPENERS) or _says_who_stressed(first):
        return "kicker", "title"
    return weighed or ("body", "body")


def _writers_credit(text: str) -> bool:
    """A writer's credit closing a story: in brackets (``（记者 柳静文）``, ``（融媒体中心记者 柳静文）``)
    or a reporter's or writer's line (``通讯员 卢晓岚``, ``作者：柳静文``), not a photographer's."""
    if wholly_bracketed(text):
        return parse_end_credit(text) is not None or parse_byline_line(text[1:-1]) is not None
    return names_a_reporter(text)


def _emails_under_bylines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a reporter's e-mail address alone under a byline (``柳静文 报道`` /
    ``liujingwen@dongjiang.com.sg``, as Singapore's and Malaysia's papers print it) read as the
    byline's line: it was the story's first paragraph."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for place in range(1, len(filled)):
        index = filled[place]
        if out[filled[place - 1]] == "byline" and email_address_line(lines[index].text):
            out[index] = "byline"
    return out


def _headlines_after_closing_marks(
    lines: Sequence[Line], roles: Sequence[Role], pairs: HeaderPairs = NO_PAIRS
) -> list[Role]:
    """The roles, with the short line after a story's closing mark (``（完）``, ``（未完待续）``)
    read as the next story's headline where the labeller read it as text and a story follows it.

    Nothing of a story comes after its closing mark, so a short line there that ends no sentence
    heads what follows, where a crosshead would otherwise be read. Two such lines stay as read:
    a kicker over its headline and a headline over its subtitle look alike, but not where the line
    under the short one fills a hard-wrapped page's width after a story's closing dateline: that is
    a paragraph's line. The corpus prints no closing marks; serials (``（连载之三）`` … ``（待续）``)
    and wire copy (``（完）``) do, and a story that opens with no dateline closes with its own in
    brackets (``（本报济南11月20日电）``, :func:`_closing_dateline`). Who drew a story's chart or laid
    out its page (``制图：赵敏``, ``版式设计：周晓梅``) is credited under the story, so a short line
    after such a credit heads the next story too (in the dev pages as crawled, damaged and printed
    six ways by the probes, 20 such lines are headlines, 3 a kicker ending with a dash over one,
    2 neither: a credit's tail a wrap cut off, a note on the page's photographs). A byline set
    apart after a story's last sentence (``…到月底。 本报记者 王明``) closes it as a credit in
    brackets does. Of two such lines, one that ends with a dash is a kicker over its headline
    (``东湖湿地护鸟员柏小雨——`` / ``守护候鸟二十年``), unless the headline is indented as the text:
    a round-up's part heading under its speaker's name, which the corpus counts as text.
    """
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    # One pass over the lines answers most pages: none ends with a bracket or credits a chart.
    closings = [
        place
        for place, index in enumerate(filled[:-2])
        if (text := lines[index].text).endswith(("）", ")"))
        or (("：" in text or ":" in text) and _GRAPHICS_CREDIT_RE.match(text))
        or split_set_apart_credit(text) is not None
    ]
    fills: list[bool] | None = None
    for place in closings:
        index, head, below = filled[place], filled[place + 1], filled[place + 2]
        closing = lines[index].text
        jumps = _jumps_away(closing)
        if jumps and is_web_furniture_line(lines[head].text) and place + 3 < len(filled):
            # a front page's 导读 over the teasers after its lead story
            head, below = below, filled[place + 3]
        if out[head] != "body" or out[below] not in ("body", "byline"):
            continue
        if closing.endswith(("）", ")")):
            signed = _closing_dateline(lines, filled, place)
            if not (
                signed
                or jumps
                or CLOSING_MARK_RE.search(closing)
                or _closes_with_credit(lines, out, index, head, below)
            ):
                continue
        elif not _GRAPHICS_CREDIT_RE.match(closing):
            # signed after its last sentence (…到月底。 本报记者 王明): as a credit in brackets
            if lines[head].indented or not lines[below].indented:
                continue
            signed = True
        else:
            if fills is None:
                fills = filled_lines(lines)
            if fills[index]:
                continue  # a wrap cut the credit: the line after it is a name's tail
            signed = True
        text = lines[head].text
        if not (headline_shaped(text) and could_head(text, signed=signed)):
            continue
        if out[below] == "body" and headline_shaped(lines[below].text):
            if (
                _first_line_role(text) == "kicker"
                and not lines[below].indented
                and could_head(lines[below].text)
            ):
                out[head], out[below] = "kicker", "title"  # a kicker's dash: its headline follows
                continue
            if fills is None:
                fills = filled_lines(lines)
            if not (signed and fills[below]):
                # two headline lines: a kicker over a headline and a headline over its subtitle are
                # told apart by how the labeller weighed the pair, where a story follows them (not
                # under an indented second line: a round-up's part heading under its speaker's name)
                weighed = pairs.get((head, below))
                after = filled[place + 3] if place + 3 < len(filled) else None
                if (
                    weighed is not None
                    and not lines[below].indented
                    and after is not None
                    and out[after] in ("body", "byline")
                ):
                    out[head], out[below] = weighed
                continue
        out[head] = "title"
    return out


_JUMP_BACK = ("（上接", "(上接", "（接", "(接", "（紧接", "(紧接")


def _jumps_away(text: str) -> bool:
    """Whether a paragraph closes with a mark that sends its story to another page (``（下转第2版）``,
    ``（详见第3版）``): nothing more of the story is printed here."""
    if not text.endswith(("）", ")")):
        return False
    marks = split_jump_marks(text)
    return marks is not None and marks.closing is not None and not marks.closing.startswith(_JUMP_BACK)


# Who drew a page's charts or laid it out, or where its pictures came from (本版制图：赵敏,
# 版式设计：周晓梅, 图片来源：视觉中国): printed under the story they illustrate, or at the page's foot.
_GRAPHICS_CREDIT_RE = re.compile(r"^(?:本版)?(?:制图|图表制作|图片来源|版式设计|版式|美编)\s?[:：]\s?\S")


def _closing_dateline(lines: Sequence[Line], filled: Sequence[int], place: int) -> bool:
    """Whether the line at ``filled[place]`` closes a story with its dateline in brackets
    (（本报济南11月20日电）), also where a column's wrap cut it after its first line's open bracket
    (（本报济南、青岛11月20 / 日电）). A story that closes so has no dateline at its start, and
    nothing of it follows the dateline."""
    text = lines[filled[place]].text
    if place and _closing_head(text) == len(text) - 1:
        above = lines[filled[place - 1]].text
        tail = _open_tail(above)
        if tail is not None:
            text = above[len(above) - tail - 1 :] + text
    return is_lone_dateline(text)


def _closes_with_credit(
    lines: Sequence[Line], roles: Sequence[Role], index: int, head: int, below: int
) -> bool:
    """Whether the credit in brackets at ``index`` (（记者 刘洋）) closes a story, with a flush line
    over an indented paragraph after it: the next story's headline and lead. A round-up's parts,
    each closed by its writer's credit, indent their headings as their text (the corpus's do); a
    photographer's credit (（本报记者 赵琳 摄）) closes a picture inside a story, not the story."""
    text = lines[index].text
    return (
        text.startswith(("（", "("))
        and not PHOTO_CREDIT_RE.search(text.rstrip("）) "))
        and not lines[head].indented
        and lines[below].indented
        # the labeller reads a credit that names an outlet (（东阿县融媒体中心 赵婷）) as text, and a
        # writer's signature after the story's text (（作者：王明）) as a byline
        and (
            roles[index] == "credit"
            or (roles[index] == "body" and parse_closing_credit(text) is not None)
            or (
                roles[index] == "byline"
                and _after_text(roles, index)
                and parse_signed_credit(text) is not None
            )
        )
    )


def _after_text(roles: Sequence[Role], index: int) -> bool:
    """Whether the nearest line above ``index`` that is not blank is story text."""
    above = next((role for role in reversed(roles[:index]) if role != "blank"), None)
    return above == "body"


def _photo_story_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a short line that ends with a photo story's mark (``冬日东昌湖（组图）``,
    ``（图）``, ``（附图）``) read as a headline where the labeller read it as text, and the mark
    alone on the line under such a headline read as the headline's too. The corpus prints no
    such marks; papers mark their photo stories so."""
    out = list(roles)
    if not any(line.text.endswith(_PHOTO_STORY_MARK_ENDS) for line in lines):
        return out  # most pages
    filled = [index for index, line in enumerate(lines) if line.text]
    for place, index in enumerate(filled):
        text = lines[index].text
        if out[index] != "body" or not text.endswith(("）", ")")) or not _PHOTO_STORY_MARK_RE.search(text):
            continue
        if _PHOTO_STORY_MARK_RE.fullmatch(text):  # the mark alone, under its headline
            above = filled[place - 1] if place else None
            if above is not None and out[above] in ("body", "title") and headline_shaped(lines[above].text):
                out[above] = out[index] = "title"
        elif headline_shaped(text) and could_head(text):
            out[index] = "title"
    return out


_PHOTO_HEADLINE_LONGEST = 12  # characters: a photo story's headline over its caption (荷香满园)
_CAPTION_LONGEST = 200  # characters: a picture's caption, at most, between its headline and credit
# What a photo story's headline holds none of: a clause's or sentence's mark, a bracket.
_CLAUSE_OR_BRACKET_RE = re.compile(r"[，。、；：！？,.;:!?（）()]")
# How a credit line ends that no headline ends so: a photographer's, an agency's, a picture's source.
_CREDIT_WORD_END_RE = re.compile(r"(?:摄影?|发|照片|图片?|供图)$")
_CUT_BEFORE = "，。、；：！？,.;:!?）)”’"  # marks no line opens with but where a wrap cut before them
_CAPTION_LABEL_START = "图"  # a caption's label or number (图片说明, 图②东湖公园), not its headline
# A photo column's name alone, which heads its picture as a headline does (图说, 图片新闻, 图说东湖).
_PHOTO_COLUMN_RE = re.compile(f"^图(?:说|片新闻|片报道|片故事)[{HAN_CLASS}]{{0,4}}$")


def _headlines_over_captions(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a photo story's headline read as text: a short line of words alone
    (``荷香满园``), after a story's end, over a caption of a few sentences that a photographer's
    credit closes (``…图为游客在东湖公园赏荷。`` / ``新华社记者 王明摄``). Where no blank line or
    indent sets it apart (a web page's copy, a PDF's narrow columns) the labeller reads such a line
    as a crosshead; but a crosshead's section runs on into the story's text, and a photographer's
    credit under a few sentences closes a picture's caption. In the corpus's training pages, 40 of
    the 43 lines so placed are headlines (the rest a picture agency's name over its caption). A
    column's tag as short, between the story's end and the headline (``图片新闻`` / ``荷花初绽``), is
    its kicker: no page of the corpus sets one so, as a line-per-box OCR gives a page."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    fills: list[bool] | None = None
    for place in range(1, len(filled) - 1):
        index, above = filled[place], filled[place - 1]
        if out[index] != "body":
            continue
        if not _photo_headline_text(text := lines[index].text) and not (
            # a photo column's name right over the caption heads it as a headline does; over
            # the picture's own headline it is that headline's tag
            _PHOTO_COLUMN_RE.match(text) and not _photo_headline_text(lines[filled[place + 1]].text)
        ):
            continue
        # the column's tag over the headline (图片新闻 / 荷花初绽), set as short as it is
        tagged = place > 1 and out[above] == "body" and _column_tag_text(lines[above].text)
        closed = filled[place - 2] if tagged else above
        if out[closed] not in ("body", "credit") or not _story_ends_at(lines, out, closed):
            continue
        if not _caption_under(lines, out, filled, place):
            continue
        if fills is None:
            fills = filled_lines(lines)
        # a line as full as a hard-wrapped page's opens a paragraph
        if not fills[index] and not (tagged and fills[above]):
            out[index] = "title"
            if tagged:
                out[above] = "kicker"
    return out


def _column_tag_text(text: str) -> bool:
    """Words alone, as short as a photo story's headline: a column's tag (图片新闻, 图说东湖)."""
    return (
        len(text) <= _PHOTO_HEADLINE_LONGEST
        and _CLAUSE_OR_BRACKET_RE.search(text) is None
        and could_head(text)
    )


def _photo_headline_text(text: str) -> bool:
    """Words alone, short, that could head a story and credit no one."""
    return (
        not text.startswith(_CAPTION_LABEL_START)
        and _CREDIT_WORD_END_RE.search(text) is None
        and _column_tag_text(text)
    )


def _caption_under(lines: Sequence[Line], roles: Sequence[Role], filled: Sequence[int], place: int) -> bool:
    """Whether under the line at ``filled[place]`` stand a caption's few lines of text and a
    photographer's credit closing them."""
    length = 0
    below = place + 1
    if lines[filled[below]].text.startswith(tuple(_CUT_BEFORE)):
        return False  # the line above is a wrapped paragraph's piece
    if roles[filled[below]] == "credit" and _caption_with_credit(lines[filled[below]].text):
        return True  # the caption's sentences and the credit on one line
    while below < len(filled) and roles[filled[below]] == "body":
        length += len(lines[filled[below]].text)
        if length > _CAPTION_LONGEST:
            return False
        below += 1
    if below == place + 1 or below == len(filled):
        return False
    credit = filled[below]
    return roles[credit] == "credit" and PHOTO_CREDIT_RE.search(lines[credit].text) is not None


def _caption_with_credit(text: str) -> bool:
    """Whether a line holds a caption's sentences and the photographer's credit after them
    (``图为村民在晾晒玉米。 本报记者 王明 摄``), as a copy that keeps a picture's text on one line
    prints them: a short caption, a sentence's end, then a credit of a few characters."""
    end = last_sentence_end(text)
    return (
        end is not None
        and len(text) <= _CAPTION_LONGEST
        and PHOTO_CREDIT_RE.search(text) is not None
        and 0 < len(text[end:].strip()) <= _CREDIT_AFTER_CAPTION_LONGEST
    )


_CREDIT_AFTER_CAPTION_LONGEST = 20  # characters: 新华社记者 王明 李华 摄


# A clause of time that sets the scene (在…之际, 值此…前夕, 当…时): no headline says only that.
_TIME_CLAUSE_RE = re.compile(r"^(?:在|值此|当)[^，。！？,!?]{2,30}(?:之际|前夕|之时|时|期间)$")


def _time_clauses_read_as_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a headline block's first line that is a clause of time alone
    (``在植树节到来之际`` over ``全市干部群众义务植树``) read as the kicker over the headline, where the
    labeller read it as the headline and the line under it as the subtitle (a paper that sets the
    clause under its headline, as the corpus's does, prints it second). Blank lines between the
    block's lines (a double-spaced page) change nothing."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for place, index in enumerate(filled[:-1]):
        below = filled[place + 1]
        if (
            out[index] == "title"
            and out[below] in ("subtitle", "title")
            and (place == 0 or out[filled[place - 1]] not in HEADER_ROLES)
            and _TIME_CLAUSE_RE.match(lines[index].text)
        ):
            out[index], out[below] = "kicker", "title"
    return out


def _couplets_under_kickers(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a headline of two matched halves printed over two lines under its kicker
    (``市委常委会召开扩大会议强调`` / ``坚定信心真抓实干`` / ``奋力开创发展新局面``) read
    as one headline, where the labeller read its second half as the subtitle. A paper that prints
    each headline on one line sets such halves apart by a space: under a kicker, the corpus's
    training pages print 191 headlines so and 5 headline-and-subtitle pairs of that shape."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for place in range(len(filled) - 2):
        kicker, upper, lower = filled[place : place + 3]
        if out[kicker] != "kicker" or not _matched_halves(lines[upper].text, lines[lower].text):
            continue
        if is_column_tag(lines[kicker].text):
            continue  # a column's tag reports nothing: the halves are a headline and its subtitle
        if (out[upper], out[lower]) == ("title", "subtitle") or (
            # the first half read as the kicker's second line, under a kicker that ends as one
            # that reports what was said does (…时强调), the block ending with the second half
            (out[upper], out[lower]) == ("kicker", "title")
            and lines[kicker].text.endswith(_REPORTING_VERBS)
            and (place + 3 == len(filled) or out[filled[place + 3]] not in HEADER_ROLES)
        ):
            out[upper] = out[lower] = "title"
    return out


def _couplets_read_as_kickers(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a block's first two lines, matched halves, read as two kickers over the
    headline: they are the headline, printed in two decks, and the line under them its subtitle
    (``省府昨开常会`` / ``通过要案多件`` / ``建设厅提修筑公路案 决议照准``, as papers of the 1930s set a
    headline). The corpus's pages, clean, set no block with two kicker lines."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for place in range(len(filled) - 2):
        upper, lower, under = filled[place : place + 3]
        if (
            (out[upper], out[lower], out[under]) == ("kicker", "kicker", "title")
            and (not place or out[filled[place - 1]] not in HEADER_ROLES)
            and _matched_halves(lines[upper].text, lines[lower].text)
        ):
            out[upper], out[lower], out[under] = "title", "title", "subtitle"
    return out


# A kicker that reports what a speaker said ends so (习近平在…时强调, 会议指出); the headline under it
# says what.
_REPORTING_VERBS = ("强调", "指出", "表示", "要求")


_HALF_SHORTEST, _HALF_LONGEST = 5, 16  # characters of one half of a headline set in two
_HALVES_APART_MOST = 3  # characters between the two halves' lengths
_HALF_RE = re.compile(f"[{HAN_CLASS}0-9A-Za-z]+")


def _matched_halves(upper: str, lower: str) -> bool:
    """Whether two lines read as the two halves of one headline: each a run of words with no mark
    in it, of about the same length."""
    return (
        all(_words_alone(text) and _HALF_SHORTEST <= len(text) <= _HALF_LONGEST for text in (upper, lower))
        and abs(len(upper) - len(lower)) <= _HALVES_APART_MOST
    )


def _words_alone(text: str) -> bool:
    """Whether a line is one run of words: no mark, no space."""
    return _HALF_RE.fullmatch(text) is not None


def _headline_tails_read_as_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a long line read as a kicker over a very short one read as the headline
    (``东湖区推行老旧小区改造菜单式服务让居民`` / ``自己点单``) read as one headline a column or a wrap
    broke before its last words. Of the 2,379 kicker-headline pairs of the corpus's training
    pages, none sets a kicker of 10 characters or more over a headline of 4 or fewer; a kicker
    that ends with a dash or a colon (``守护候鸟二十年，东湖湿地护鸟员——`` / ``与鸟为伴``) stays one,
    and so does a kicker over a headline whose first words only are so short."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for place, (upper, lower) in enumerate(pairwise(filled)):
        text = lines[upper].text
        if place + 2 < len(filled) and out[filled[place + 2]] in HEADER_ROLES:
            continue  # more of the headline under it: a headline broken after its first words
        if (
            (out[upper], out[lower]) == ("kicker", "title")
            and len(text.replace(" ", "")) >= _LONG_KICKER_SHORTEST
            and len(lines[lower].text.replace(" ", "")) <= _HEADLINE_TAIL_LONGEST
            and not text.endswith((*DASH_OPENERS, "：", ":"))
        ):
            out[upper] = "title"
    return out


_LONG_KICKER_SHORTEST = 10  # characters
_HEADLINE_TAIL_LONGEST = 4  # characters
# Characters' weight: a subtitle says something, a word's end under a headline does not.
_WORDS_END_LONGEST = 2


def _headlines_broken_across_roles(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a headline a column or a wrap broke in two that the labeller read as two
    parts of its header block read as one headline: a line that leaves a bracket open over a
    header line that closes it at its end (``东江水进西山（引水工程`` / ``建设手记）``: a kicker closes
    what it opens), and a headline over a line of one or two characters read as its subtitle
    (``东湖区获评全国文明城市提名城`` / ``市``: a subtitle says more than a word's end). A bracket
    closed inside the line under it (``山里人家·护林日记（之`` / ``三）西山县的护林人``) parts a kicker
    from its headline there, and a dash opens a subtitle however short (``——侧记``). A speech's
    title is one phrase, ``在…上的讲话``, however the lines cut it (``在东湖区第三次党代会`` /
    ``上的报告``): neither part heads anything alone."""
    out = list(roles)
    for upper, lower in _line_pairs(lines):
        if out[upper] not in ("kicker", "title") or out[lower] not in ("title", "subtitle"):
            continue  # most lines
        text = lines[lower].text
        if _open_tail(lines[upper].text) is not None and _closing_head(text) == len(text) - 1:
            out[upper] = out[lower] = "title"
        elif _speech_title_cut(lines[upper].text, text):
            out[upper] = out[lower] = "title"
        elif (
            (out[upper], out[lower]) == ("title", "subtitle")
            and weight(text) <= _WORDS_END_LONGEST
            and not text.startswith(DASH_OPENERS)
        ):
            out[lower] = "title"
    return out


# A speech's title: where it was given, then what it is (在西山县第三次党代会上的报告).
_SPEECH_TITLE_RE = re.compile(
    r"在[^，。！？,!?；;]{2,}[上中]的(?:讲话|致辞|发言|报告|演讲|主旨演讲|贺词|总结讲话)"
)


def _speech_title_cut(upper: str, lower: str) -> bool:
    """Whether two header lines are one speech's title cut in two."""
    return _SPEECH_TITLE_RE.fullmatch((upper + lower).replace(" ", "")) is not None


# Who attended or chaired what the headline reports, as a subtitle names them (胡春华出席,
# 齐建华出席并讲话, 市委书记柳静文出席): a name, a title before it, then the verb.
_ATTENDED_RE = re.compile(f"^((?:(?!的)[{HAN_CLASS}]){{2,9}}?)(?:出席并讲话|出席并致辞|出席|主持|讲话|致辞)$")


def _names_who_attended(text: str) -> bool:
    """Whether ``text`` names who attended or chaired something, clause by clause (``柳静文出席
    卢晓岚主持``): each ends with the verb right after a person's name, as a wrap's piece of a
    headline (``式并代表区委致辞``) or a speech's title (``在全体会议上的讲话``) does not."""
    clauses = text.split()
    for clause in clauses:
        found = _ATTENDED_RE.match(clause)
        if found is None or not (looks_like_a_name(found[1][-2:]) or looks_like_a_name(found[1][-3:])):
            return False
    return bool(clauses)


def _attendance_read_as_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a line that names who attended or chaired what the line above it reports
    (``东湖区经济工作会议召开`` / ``柳静文出席并讲话``) read as the subtitle under that headline where
    the labeller read the pair as a kicker and its headline, or as one headline broken in two: such
    a line says who was there, not what happened. In the dev pages as crawled every such line under
    a headline is its subtitle; a line that quotes them (``柳静文强调``) is a kicker, and stays one."""
    out = list(roles)
    for upper, lower in _line_pairs(lines):
        if out[lower] != "title" or out[upper] not in ("kicker", "title"):
            continue  # most lines
        if _names_who_attended(lines[lower].text) and not _names_who_attended(lines[upper].text):
            out[upper], out[lower] = "title", "subtitle"
    return out


# Who stressed or pointed out what the headline says, at the end of a kicker (柳静文在东湖区调研时强调):
# the verb needs the headline under it as its object, so the line heads no story alone.
_QUOTING_END_RE = re.compile(r"(?:强调|指出)$")


def _says_who_stressed(text: str) -> bool:
    """Whether a header line ends by saying who stressed or pointed out something, however spaced."""
    return _QUOTING_END_RE.search(text.replace(" ", "")) is not None


def _quoting_kickers_over_text(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a headline line that ends by saying someone stressed or pointed out
    something (``柳静文在东湖区调研时强调``) read as the kicker of the headline-shaped line under it,
    where the labeller read that line as the story's text, the subtitle or a second kicker: what
    was stressed is the headline (``推动冬季供暖平稳有序``), on one line or two. In the dev pages, as
    crawled and damaged, a header line ending so is a kicker over its headline every time; a page
    that runs its header block on into the text (no blank line, no indent, no byline) loses the
    headline to the text. The labeller read the first line of a headline under such a kicker as a
    second kicker 4 times in the training pages' damaged copies (two draws) and once in the dev
    pages'; no such second kicker was a kicker."""
    out = list(roles)
    for upper, lower in _line_pairs(lines):
        if out[upper] not in ("title", "kicker") or out[lower] not in ("body", "subtitle", "kicker"):
            continue  # most lines
        below = lines[lower].text
        if _says_who_stressed(lines[upper].text) and headline_shaped(below) and could_head(below):
            out[upper], out[lower] = "kicker", "title"
    return out


# What a header line reports someone did, rather than what was stressed (齐建华出席, 柳静文主持,
# 作出批示, 会见代表, 致以问候): the news of the meeting, not its message.
_REPORTED_ACT_RE = re.compile("出席|主持|参加|批示|会见|致以|讲话|致辞|宣布|陪同|考察|看望|会谈")


def _stressed_headlines_in_two_lines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the line the labeller read as the subtitle, under a headline under a kicker
    that says who stressed it (``柳静文在东湖区调研时强调`` / ``推动冬季供暖平稳有序`` /
    ``确保群众温暖过冬``), read as the headline's second line: what was stressed runs on over both.
    A line that reports who attended, chaired or met (``齐建华出席``) is the subtitle, as such
    lines are under such blocks most of the time in the corpus; so is a line that opens with a dash
    or holds a date (a web meta line whose colon went with the page's punctuation). In the
    training pages' damaged copies (two draws) the rule reads 4 such lines as their headline's and
    one (a warning, no act reported) wrongly; in the second paper's, one more (damaged, and
    without punctuation)."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for kicker, title, subtitle in zip(filled, filled[1:], filled[2:], strict=False):
        if (out[kicker], out[title], out[subtitle]) != ("kicker", "title", "subtitle"):
            continue  # most lines
        below = lines[subtitle].text.replace(" ", "")
        if (
            _says_who_stressed(lines[kicker].text)
            and _REPORTED_ACT_RE.search(below) is None
            and _DATED_PIECE_RE.search(below) is None  # a meta line's date, its label's colon lost
            and could_head(lines[subtitle].text)  # no dash, lead or meta line
        ):
            out[subtitle] = "title"
    return out


# What the one the headline names stressed or pointed out, opening the line under it (强调…, 指出…):
# the line has no subject of its own.
_STRESSED_OPENING_RE = re.compile(r"^[#\s■●◆▲□]*(?:强调|指出)")


def _stressed_subtitles(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a header line that opens by saying what someone stressed or pointed out
    (``强调冬季供暖要平稳有序``) read as the subtitle of the headline over it that names them
    (``柳静文到东湖区供暖公司调研``), where the labeller read the two as a kicker and its headline:
    the line's subject is in the line above, so it heads nothing of its own. The corpus prints two
    such lines under a headline, both its subtitle (the second paper none); the labeller read one
    pair as kicker and headline."""
    out = list(roles)
    for upper, lower in _line_pairs(lines):
        if (out[upper], out[lower]) == ("kicker", "title") and _STRESSED_OPENING_RE.match(lines[lower].text):
            out[upper], out[lower] = "title", "subtitle"
    return out


def _document_titles_read_as_subtitles(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with an official document's title (``关于东湖新区B-12地块规划调整的公示``: 关于,
    its matter, 的 and the kind of document) read as the headline and the line over it (its
    issuer, ``东湖市自然资源和规划局``, or ``市委印发``) as the kicker, where the labeller read the two
    as headline and subtitle. Every headline line of the corpus that opens with 关于 is a
    headline (18), 4 of them under such a kicker; none is a subtitle."""
    out = list(roles)
    for upper, lower in _line_pairs(lines):
        if (out[upper], out[lower]) == ("title", "subtitle") and _DOCUMENT_TITLE_RE.match(lines[lower].text):
            out[upper], out[lower] = "kicker", "title"
    return out


# 关于, the matter, 的 and the kind of document, a note in brackets after it ((摘要), (草案)).
_DOCUMENT_TITLE_RE = re.compile(
    r"^关于.{2,80}的(?:通知|意见|公告|公示|决定|办法|规定|报告|说明|批复|通报|方案|规划|纲要|条例|决议|建议|答复|请示|函)"
    r"(?:[（(][^）)]{1,8}[）)])?$"
)


def _photo_credits_read_as_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a photographer's credit alone on its line, its picture's source in
    brackets after it (``王明摄（新华社发）``), read as the credit that closes the picture over it
    where the labeller read it as a headline (the byline grammar reads no such source)."""
    out = list(roles)
    for index, line in enumerate(lines):
        if out[index] in HEADER_ROLES and parse_photo_credit(line.text):
            out[index] = "credit"
    return out


# What a page's head, a meta line or a word count prints: a day, a weekday, a page, a count of
# characters, a year, a date (a market's 3245.67 and -0.18% are none).
_DATED_PIECE_RE = re.compile(r"\d\s?[月日版页字号期]|星期|\d{1,4}\s?年|\d{1,4}[-/]\d{1,2}|\d{4}\.\d{1,2}\.\d")


def _tables_read_as_furniture(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a table's rows (``18:30　聊城新闻`` over ``19:35　百姓故事``, ``深证成指
    10876.21 -0.18%`` over ``创业板指 2145.09 +1.06%``: two lines or more, one under the other)
    read as text where the labeller read them as furniture, a headline or a subtitle (a weather
    box's last row, ``今天夜间 多云 最低气温24℃``, under the row above): a time at a line's start
    looked like a web page's meta line to it, and figures like a page's date or number, and a TV
    listing's or a market's rows were dropped. A short line over rows read as a kicker then heads
    them. No run of such rows in the corpus is furniture."""
    out = list(roles)
    if not any(
        " " in line.text
        and (
            out[index] == "furniture" or (out[index] in ("title", "subtitle") and _DIGIT_RE.search(line.text))
        )
        for index, line in enumerate(lines)
    ):
        return out  # most pages: no line read so has cells (a row's ends with a figure)
    table = [
        " " in line.text
        and row_cells(line.text) is not None
        and not META_FIELD_LABEL_RE.search(line.text)  # 10:25　来源：人民网, a web page's meta line
        and not is_furniture_line(line.text)
        # the pieces of a page's head or a meta line a wrap cut (综合新闻 2024.08.0 / 8 星期一 第11版,
        # 10-13 02:33 / 字数 1936字)
        and not _DATED_PIECE_RE.search(line.text)
        for line in lines
    ]
    for index, row in enumerate(table):
        in_run = (index > 0 and table[index - 1]) or (index + 1 < len(lines) and table[index + 1])
        if not (row and in_run) or out[index] not in ("furniture", "title", "subtitle"):
            continue
        if out[index] == "title":
            if index + 1 >= len(lines) or not table[index + 1]:
                continue  # a headline over rows is the table's only where more rows follow it
            above = index - 1 if index and lines[index - 1].text else index - 2
            if above >= 0 and out[above] == "kicker":
                out[above] = "title"  # 沪深股市 over the rows
        out[index] = "body"
    return out


def _headlines_over_tables(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a short line set apart by a blank line above and standing over a table's
    rows (``市场行情`` over ``白菜 每斤0.8元`` / ``土豆 每斤1.2元``) read as a headline where the
    labeller read it as text: a service page's price list, weather or results box under its own
    heading. A line that runs on (``成绩如下：``) introduces its story's table and stays text; so
    does a line of cells (a table's own header row, ``部门 岗位名称 招聘数量``), a label in brackets
    (``【数据】``: the story's own figures), and a heading whose story goes on in sentences under
    the table (``比赛结果`` over the scores, then ``决赛将于13日晚进行……。``)."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for place, index in enumerate(filled[:-_TABLE_ROWS_LEAST]):
        text = lines[index].text
        first_row = filled[place + 1]
        if (
            out[index] != "body"
            or index == 0
            or lines[index - 1].text  # no blank line above
            or first_row - index > 2  # the rows right under it, a blank line between at most
            or len(text) > _TABLE_HEADING_LONGEST
            or text.count(" ") > 1
            or not headline_shaped(text)
            or figure_row(text)
            or text.startswith(("【", "[", "〔"))
            or _ordinal(text) is not None  # a numbered section of the story (一、招聘计划)
            or not could_head(text)
        ):
            continue
        run = place + 1
        if _table_header_row(lines[first_row].text):
            run += 1  # the table's own header row (排名 球队 场次 积分) over its rows
        rows_from = run
        while run < len(filled) and filled[run] - filled[run - 1] <= 2 and row_cells(lines[filled[run]].text):
            run += 1
        if run - rows_from < _TABLE_ROWS_LEAST:
            continue
        after = filled[run] if run < len(filled) else None
        if after is not None and out[after] == "body" and ends_sentence(lines[after].text):
            continue  # the story goes on under its table
        out[index] = "title"
        if place and filled[place - 1] == index - 2 and _heads_boxes(lines, out, filled, place - 1):
            out[filled[place - 1]] = "kicker"
    for place, index in enumerate(filled[2:-1], start=2):
        # a short line set apart (most lines are answered so) after two rows
        if (
            out[index] == "body"
            and not lines[index - 1].text
            and len(lines[index].text) <= _TABLE_HEADING_LONGEST
            and _heads_box_after_table(lines, filled, place)
        ):
            out[index] = "title"
    return out


_TABLE_HEADS_LEAST = 3
_TABLE_HEAD_RE = re.compile(f"^[{HAN_CLASS}]{{1,6}}$")


def _table_header_row(text: str) -> bool:
    """Whether a line is a table's header row: three or more words of a few characters each, set
    apart by spaces, with no figure or mark (``排名 球队 场次 积分``)."""
    names = text.split()
    return len(names) >= _TABLE_HEADS_LEAST and all(_TABLE_HEAD_RE.match(name) for name in names)


def _heads_box_after_table(lines: Sequence[Line], filled: Sequence[int], place: int) -> bool:
    """Whether the line at ``filled[place]`` heads the next box after a table's rows (``彩票开奖``
    after a market box's ``创业板指 2145.09 +1.06%``): set apart by a blank line below (and above,
    short, as the caller asks first), right under two rows or more, with more under it."""
    index = filled[place]
    text = lines[index].text
    return (
        filled[place + 1] > index + 1
        and headline_shaped(text)
        and row_cells(text) is None
        and not text.startswith(("【", "[", "〔"))
        and filled[place - 1] - filled[place - 2] <= 2  # the table's last two rows
        and row_cells(lines[filled[place - 1]].text) is not None
        and row_cells(lines[filled[place - 2]].text) is not None
        and could_head(text)
    )


def _heads_boxes(lines: Sequence[Line], roles: Sequence[Role], filled: Sequence[int], place: int) -> bool:
    """Whether the line at ``filled[place]``, read as text, right over a box's heading with a blank
    line between, heads the boxes under it (``今晚电视节目`` over ``CCTV-1`` and its rows): short,
    set apart by a blank line above too, after the end of what came before."""
    index = filled[place]
    text = lines[index].text
    return (
        roles[index] == "body"
        and (index == 0 or not lines[index - 1].text)
        and len(text) <= _TABLE_HEADING_LONGEST
        and headline_shaped(text)
        and not text.startswith(("【", "[", "〔"))
        and row_cells(text) is None
        and could_head(text)
        and (not place or _closes(lines[filled[place - 1]].text, roles[filled[place - 1]]))
    )


_TABLE_HEADING_LONGEST = 16  # characters
_TABLE_ROWS_LEAST = 2


@memoised
def headline_shaped(text: str) -> bool:
    """A short line that ends no sentence and runs on into nothing: a headline could be printed so."""
    return len(text) <= _HEADLINE_LONGEST and not ends_sentence(text) and not text.endswith(_RUNS_ON)


# The figures furniture prints: a date with its month or day, a time, a page or edition, an issue,
# a word count (a year alone is a headline's too: 聊城市举办2026年冬季招聘会).
_FURNITURE_FIGURES_RE = re.compile(
    r"\d\s?[月日期版页字号]|\d{1,4}\s?年\s?\d|\d[-/.:：]\d|第\s?\d|\d{5,}|^\s?\d+\s?$"
)


def _furniture_by_context(text: str, role: Role) -> bool:
    """A line the labeller read as furniture by its neighbours alone: no figures furniture prints
    (a date, a page, a word count), no byline and no furniture rule reads it as the page's (a
    masthead, a page label, a meta line, markup)."""
    if role != "furniture" or weight(text) < _CONTEXT_HEADLINE_LEAST:
        return False  # a piece a wrap cut off a furniture line (版）) is no headline
    text = fold_width(text).strip()
    return not (
        _FURNITURE_FIGURES_RE.search(text.replace(" ", "")) is not None
        or parse_byline_line(text) is not None
        or is_source_line(text)
        or is_furniture_line(text)
        or is_web_furniture_line(text)
        or is_web_meta_line(text)
        or is_page_marker(text)
        or is_dated_furniture_line(text)
        or is_address_or_rule(text)
        or masthead_in(text)
    )


def _headline_alone_among_furniture(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the one line among the furniture at the page's head that no furniture rule
    reads as the page's, shaped as a headline, read as the headline, where the page's first story
    has none: an e-paper's page copies the issue's date, the page's label and the headline, with
    the site's meta lines under it, over the story's text (``2026年11月20日`` / ``第A05版：要闻`` /
    ``东湖灯会`` / ``来源：东江日报``), or with no text under it at all (a photograph's or a box's
    page). A section's name there (``综合新闻``, ``要闻 县域``) heads no story, nor does a piece of a meta line a
    wrap cut (``（ 2026-11-20 ） 稿件来`` / ``源：东江日报 要闻``). Where no such line stands among the
    furniture, the headline may be the first line under it, read as text
    (:func:`_headline_over_first_paragraph`)."""
    filled = [index for index, line in enumerate(lines) if line.text]
    head = next((place for place, index in enumerate(filled) if roles[index] != "furniture"), len(filled))
    if not head or (head < len(filled) and roles[filled[head]] not in ("body", "byline")):
        return list(roles)  # nearly every page: it opens with text or a headline, or has a headline
    alone = [
        index
        for index in filled[:head]
        if _furniture_by_context(text := lines[index].text, "furniture")
        and headline_shaped(text)
        and could_head(text)
        and not all(is_section_name(word) for word in text.split())
        and not META_FIELD_LABEL_RE.search(text.replace(" ", ""))  # a field's piece (日 作 者 ：)
    ]
    if alone:
        pieces = wrapped_meta_lines([line.text for line in lines[: filled[head - 1] + 1]], spaced=True)
        alone = [index for index in alone if index not in pieces]
    elif _headline_over_first_paragraph(lines, roles, filled[head:]):
        alone = [filled[head]]  # under the furniture, the headline the labeller read as text
    out = list(roles)
    if len(alone) == 1:
        out[alone[0]] = "title"
    return out


def _headline_over_first_paragraph(
    lines: Sequence[Line], roles: Sequence[Role], below: Sequence[int]
) -> bool:
    """Whether the first of the lines ``below`` the page's head furniture is a headline the
    labeller read as text: a short line shaped as a headline, set apart by a blank line from a
    paragraph under it (no piece of a hard-wrapped one: at least twice its length)."""
    if len(below) < 2 or roles[below[0]] != "body" or roles[below[1]] != "body" or below[1] == below[0] + 1:
        return False
    text, under = lines[below[0]].text, lines[below[1]].text
    return (
        len(under) > max(_HEADLINE_LONGEST, 2 * len(text))
        and _furniture_by_context(text, "furniture")
        and headline_shaped(text)
        and could_head(text)
    )


DASH_OPENERS = ("——", "—", "--", "－－", "─")


_TAIL_SHORTER_BY = 5  # characters: a wrap leaves a headline's tail no longer than its first line
_BROKEN_HEADLINE_LEAST = 8  # characters: a first line that says something of its own


def _subtitles_longer_than_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a two-line headline block whose second line is much the longer read as
    the headline and its subtitle, not as one headline broken in two (``全市春耕生产全面展开`` /
    ``各级干部深入第一线帮助农民解决困难``): a column or a wrap breaks a headline into a full first
    line and a shorter rest. Of such pairs of lines of words alone, the corpus's dev pages set 4 as
    a headline and its subtitle, 1 as two stories' headlines and none as one headline; its training
    pages as crawled 28 as a headline and its subtitle and none otherwise, and of such pairs with
    quotation marks about their words, 2 and none."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for place, (upper, lower) in enumerate(pairwise(filled)):
        if (out[upper], out[lower]) != ("title", "title") or lower != upper + 1:
            continue
        if (place and out[filled[place - 1]] in HEADER_ROLES) or (
            place + 2 < len(filled) and out[filled[place + 2]] in HEADER_ROLES
        ):
            continue  # a longer block: its cuts are another rule's
        first, second = _unmarked(lines[upper].text), _unmarked(lines[lower].text)
        if (
            len(first) >= _BROKEN_HEADLINE_LEAST
            and len(second) >= len(first) + _TAIL_SHORTER_BY
            and _words_alone(first.translate(_WITHOUT_QUOTES))
            and _words_alone(second.translate(_WITHOUT_QUOTES))
        ):
            out[lower] = "subtitle"
    return out


def _unmarked(text: str) -> str:
    """A line's text without the marks that make it a markdown heading (``# 标题`` -> ``标题``)."""
    heading = split_markdown_heading(text)
    return heading[1] if heading else text


# Quotation marks about a headline's words (破解车主“里程焦虑”): its lines are words alone all the same.
_WITHOUT_QUOTES = str.maketrans(dict.fromkeys("“”‘’「」『』\"'"))


def _dashed_subtitles(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a headline line that opens with a dash under a headline read as its
    subtitle: a 副题 opens with one (``——访市住建局局长刘海涛``, also as a markdown heading: ``#
    ——访…``), a headline's second line never does."""
    out = list(roles)
    above: Role | None = None
    headline = ""  # the headline's lines so far
    for index, line in enumerate(lines[: len(out)]):
        if out[index] == "blank" or not (text := line.text.strip()):
            continue
        text = _unmarked(text)  # a converter's markdown marks a subtitle as a heading too (``# ——访…``)
        if (
            out[index] == "title"
            and above == "title"
            and text.startswith(DASH_OPENERS)
            and not unbalanced(headline)  # a wrap inside the headline's bracket (…指引下 / ——新时代…)
        ):
            out[index] = "subtitle"
        headline = headline + text if out[index] == "title" and above == "title" else text
        above = out[index]
    return out


_SIGNATURE_INDENT = 24  # columns (twelve ideographic spaces): a line set to the right, not indented
_DATE_ALONE_RE = re.compile(r"^(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日$")
BYLINE_TAIL_LONGEST = 8  # characters: what a narrow column's wrap leaves of a byline (报道, 李坤朋 报道)


def _wrapped_bylines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a byline a narrow column's wrap cut in two (``□宋延安 谷学燕 报`` / ``道``,
    ``本报记者`` / ``刘明``) read as a byline where the labeller took a piece for a headline's line,
    for text or for furniture: neither piece is a byline alone, the two run together are one; or
    the first is one and the second the name of a co-writer it lists (``新华社记者 王明`` / ``李华``)."""
    out = list(roles)
    for index in range(len(lines) - 1):
        head, tail = lines[index].text, lines[index + 1].text
        if (
            out[index] in (*HEADER_ROLES, "body", "furniture", "byline")
            and head
            and tail
            and len(tail) <= BYLINE_TAIL_LONGEST
            and out[index + 1] in (*HEADER_ROLES, "byline", "body")
            and (parse_byline_line(head) is None or parse_name_line(tail) is not None)
            # a byline under a headline (夏荷春拾 / 文/袁雪华) is no piece of one, unless the
            # headline line ends in a name's first character (□孙亚飞 赵永斌 刘 / 大鹏 报道)
            and (parse_byline_line(tail) is None or cut_in_a_word(head, tail))
            and parse_byline_line(join_byline_pieces(head, tail)) is not None
        ):
            out[index] = out[index + 1] = "byline"
    return out


def _wrapped_datelines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a dateline a narrow column's wrap cut in two (``本报东湖3月11`` /
    ``日电 （记者李明）…``) read as the lead it opens, whatever the labeller took its pieces for (a
    headline's lines, a byline: neither is a dateline alone, :func:`_dateline_cut_at`)."""
    out = list(roles)
    for index in range(len(lines) - 1):
        if _dateline_cut_at(lines, index):
            out[index] = out[index + 1] = "body"
    return out


def _dateline_cut_at(lines: Sequence[Line], index: int) -> bool:
    """Whether the line at ``index`` is a dateline's first piece, the rest of it opening the next
    line (:func:`~liaocheng_tui.parse.byline.is_cut_dateline`)."""
    return index + 1 < len(lines) and is_cut_dateline(lines[index].text, lines[index + 1].text)


def _leads_read_as_other_roles(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a story's lead the labeller read as another role read as the story's text.

    As a byline line (``本报冠县讯 近段时间``, a narrow column's first line of a story): its
    dateline opens the paragraph the rest of the line begins (the byline grammar reads no such
    line, but the labeller, reading its shape too, may take it for one). As a headline's line (a
    page whose paragraphs end with 、, as the 1930s' papers set them, ends no sentence anywhere):
    a line that goes on into the text after its lead (本报讯, 中央社南京三日电; a narrow column's
    first line of a story: ``本报讯 东湖机场新航站``; no headline of the corpus opens with a lead).
    As furniture, where no text of the story comes after it (a story of one paragraph under a web
    page's meta line, at the page's foot or over the next headline): a lead that goes on into the
    text is no page's furniture; but a web page's summary box, which opens with the lead it
    repeats over the story's text, is.
    """
    out = list(roles)
    for index, role in enumerate(roles[: len(lines)]):
        if role not in ("byline", "furniture") and role not in HEADER_ROLES:
            continue
        lead = split_lead(lines[index].text)
        if lead is None or not lead.rest.strip() or (role == "byline" and lead.byline is not None):
            continue
        if role == "furniture":
            after = next((other for other in roles[index + 1 : len(lines)] if other != "blank"), None)
            if after == "body" or is_web_meta_line(lines[index].text):
                continue
        out[index] = "body"
    return out


def join_byline_pieces(head: str, tail: str) -> str:
    """A byline a wrap cut in two, whole again: run together where the cut split a name or a word
    (``薛`` / ``良诚``, ``报`` / ``道``: a piece of one character at the cut), else a space between
    (``许慧`` / ``李坤朋 报道``)."""
    return head + tail if cut_in_a_word(head, tail) else f"{head} {tail}"


def cut_in_a_word(head: str, tail: str) -> bool:
    """Whether a wrap cut a name or a word, leaving one character on one side of the cut."""
    return len(head.split()[-1]) == 1 or len(tail.split()[0]) == 1


# What a browser's title adds to a story's headline: a separator and the site's name
# (_聊城新闻网, - 聊城新闻网, | 新华网), after it or before it.
_SITE_AFTER_RE = re.compile(r"\s?[_|｜\-—–·]{1,2}\s?[^\s，。！？：:]{2,20}")
_SITE_BEFORE_RE = re.compile(r"[^\s，。！？：:]{2,20}\s?[_|｜\-—–·]{1,2}\s?")


def _browser_titles(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a web page's title over its story's headline (``聊城将实施…计划_聊城新闻网``,
    which a copy of the page keeps as its first line) read as furniture: the headline under it
    with the site's name beside it. Where the labeller read the title as the headline and the
    headline under it as text, the headline is the headline still."""
    out = list(roles)
    for above, below in _line_pairs(lines):
        if out[above] == "furniture" or (out[below] not in HEADER_ROLES and out[above] not in HEADER_ROLES):
            continue
        page_title, headline = lines[above].text, lines[below].text
        if len(page_title) <= len(headline):
            continue
        if (page_title.startswith(headline) and _SITE_AFTER_RE.fullmatch(page_title[len(headline) :])) or (
            page_title.endswith(headline) and _SITE_BEFORE_RE.fullmatch(page_title[: -len(headline)])
        ):
            if out[below] not in HEADER_ROLES:
                out[below] = "title"
            out[above] = "furniture"
    return out


def _signatures_set_right(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a headline line set far to the right right under a finished paragraph read
    as text: a letter's or a notice's signature (``　　…　山东聊城 读者 王建国``, the issuer, the
    date), which the labeller can take for the next story's headline. A headline stands apart from
    the paragraph above it, by a blank line or as a header block's line."""
    out = list(roles)
    signature = -1  # the last line read as a signature (the issuer, over the date)
    for index, line in enumerate(lines[: len(out)]):
        # a line set far right among the headline lines first: most lines are answered here
        if out[index] not in HEADER_ROLES or line.indent < _SIGNATURE_INDENT or index == 0:
            continue
        above = lines[index - 1].text
        if (
            out[index - 1] == "body"
            and above.strip()
            and (signature == index - 1 or ends_sentence(above))
            and signs_off(line.text)
        ):
            out[index] = "body"
            signature = index
    return out


def _issuers_read_as_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the issuer's line of a notice's sign-off read as text where the labeller read
    it as a headline: a line between the notice's last sentence and a date alone that nothing of a
    story follows (``特此公告。`` / ``东湖区人民政府办公室`` / ``2026年11月20日``, then the page's foot or
    the next story's headline). A headline over a date is a web copy's, and its story follows."""
    out = list(roles)
    headlines = [index for index, role in enumerate(out) if role in HEADER_ROLES]
    # Most headlines have no date alone under them: the page's other lines are looked at after.
    dated = [index for index in headlines if _DATE_ALONE_RE.match(_text_after(lines, index))]
    if not dated:
        return out
    filled = [index for index, line in enumerate(lines) if line.text]
    for index in dated:
        place = filled.index(index)
        if place == 0:
            continue
        above = filled[place - 1]
        after = filled[place + 2] if place + 2 < len(filled) else None
        if (
            out[above] == "body"
            and _closes(lines[above].text, out[above])
            and (after is None or out[after] not in _STORY_TEXT_ROLES)
        ):
            out[index] = "body"
    return out


def _text_after(lines: Sequence[Line], index: int) -> str:
    """The text of the first line under ``index`` that is not blank ("" at the page's end)."""
    after = index + 1
    while after < len(lines) and not lines[after].text:
        after += 1
    return lines[after].text if after < len(lines) else ""


_STORY_TEXT_ROLES: frozenset[Role] = frozenset({"body", "byline", "caption"})


def signs_off(text: str) -> bool:
    """A signature's shape: words set apart by spaces ending in a person's name (山东聊城 读者
    王建国), or a date alone (2026年11月20日)."""
    words = text.split()
    return (len(words) >= 2 and looks_like_a_name(words[-1])) or bool(_DATE_ALONE_RE.match(text.strip()))


def _sentences_read_as_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a headline line that ends with a full stop (``入冬以来，我市多措并举保障群众
    温暖过冬。``, or ``….`` as OCR reads the mark) read as text: no headline line of the corpus or
    the second paper ends so (a quote may: ``…办好。”`` stays). Where it was read as the headline
    under a kicker, the kicker is the headline (a double-spaced web copy of one story had its lead
    read as the headline), unless the kicker fills a hard-wrapped page's width: then it is the
    sentence's first line (``市委常委、常务副市长王海、副市长兼秘书`` / ``长李青出席上述活动.``)."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    fills: list[bool] | None = None  # measured only where a kicker is in question: most pages have none
    for place, index in enumerate(filled):
        if out[index] not in HEADER_ROLES:
            continue
        text = unspaced(lines[index].text.rstrip())
        if (marks := split_jump_marks(text)) is not None and marks.closing:
            text = marks.text.rstrip()  # …案例。（下转6版）: the sentence ends before the jump mark
        if not _FULL_STOP_END_RE.search(text) or weight(text) < _SENTENCE_LEAST:
            continue
        above = filled[place - 1] if place else None
        below = filled[place + 1] if place + 1 < len(filled) else None
        if out[index] == "title" and above is not None and out[above] == "kicker":
            if fills is None:
                fills = filled_lines(lines)
            if fills[above]:
                out[above] = "body"
            elif below is None or out[below] != "title":
                out[above] = "title"
        out[index] = "body"
    return out


_SENTENCE_LEAST = 6  # characters' weight: 好。 is no sentence of a lead
# A full stop ending a line, or before a credit in brackets that closes it (…场所。（王明）, as a
# column of briefs signs each)
_FULL_STOP_END_RE = re.compile(f"{FULL_STOP}(?:{CLOSING_NOTE})?$")
# Marks that go on from the words before them: no kicker, headline or subtitle opens with one.
_CONTINUING_MARKS = frozenset("，,、。．；;：:）)”’》」』】")


def _headlines_broken_before_marks(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a headline line that opens with a mark going on from the line above
    (``面对电信诈骗`` / ``，老人如何守好钱袋子``, as a hard wrap cuts a headline before its comma)
    read as that line's rest: the same part of the headline, not a subtitle under it. Under a
    kicker, the line is the kicker's rest where a headline follows, else both are the headline."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for place in range(1, len(filled)):
        above, below = filled[place - 1], filled[place]
        if (
            out[below] not in HEADER_ROLES
            or out[above] not in HEADER_ROLES
            or lines[below].text.lstrip("# ")[:1] not in _CONTINUING_MARKS
        ):
            continue
        if out[above] != "kicker":
            out[below] = out[above]
        elif place + 1 < len(filled) and out[filled[place + 1]] == "title":
            out[below] = "kicker"
        else:
            out[above] = out[below] = "title"
    return out


def _brackets_closed_in_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with headline lines that close a bracket a text line above them left open read
    as that line's rest.

    A wrap can cut a story's closing credit or source (``…未来。（记者齐中熙`` / ``樊曦 高敬 黄垚）``),
    and a piece under the cut, short and with no end of a sentence, reads like a headline. A
    headline never closes a bracket it did not open.
    """
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text.strip()]
    for place, opener in enumerate(filled):
        if out[opener] not in _LEFT_OPEN_ROLES or (carried := _open_tail(lines[opener].text)) is None:
            continue
        for step, below in enumerate(filled[place + 1 : place + 1 + MOST_PIECES], start=1):
            text = lines[below].text.strip()
            closed = _closing_head(text)
            carried += len(text) if closed is None else closed
            if carried > _WRAPPED_BRACKET_LONGEST or (closed is None and _FIRST_BRACKET_RE.search(text)):
                break
            if closed is not None:
                for piece in filled[place + 1 : place + 1 + step]:
                    if out[piece] in HEADER_ROLES:
                        out[piece] = out[opener]
                break
    return out


def _open_tail(text: str) -> int | None:
    """How many characters follow a bracket that ``text`` opens and does not close, if it does."""
    opened = max(text.rfind("（"), text.rfind("("))
    if opened < 0 or opened < max(text.rfind("）"), text.rfind(")")):
        return None
    return len(text) - opened - 1


def _closing_head(text: str) -> int | None:
    """How many characters come before the bracket ``text`` closes first, if it closes one before
    opening any."""
    match = _FIRST_BRACKET_RE.search(text)
    if match is None or match.group() in "（(" or _ITEM_NUMBER_RE.match(text, 0, match.end()):
        return None
    return match.start()


# A page's number as pdftotext writes it under the page's last line: figures alone (3, A05, B2).
_BARE_PAGE_NUMBER_RE = re.compile(r"^[A-DＡ-Ｄ]?[0-9０-９]{1,3}$")


def _page_foot(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the paper's imprint (``新闻热线：…``, ``统一刊号：…``) read as
    furniture wherever it stands, and the page's number or web address alone on its last line
    (``3``, ``A05``, ``www.lcxw.cn`` under a finished sentence, as pdftotext writes a page's foot): the labeller read them
    as the last story's text, and with no blank line above, the paragraph ran on into them."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text.strip()]
    for index in filled:
        if out[index] != "furniture" and is_imprint_line(lines[index].text):
            out[index] = "furniture"
    if filled:
        last = lines[filled[-1]].text.strip()
        above = lines[filled[-2]].text if len(filled) > 1 else ""
        # an address under a finished sentence; under 详情见 it is the story's own
        if _BARE_PAGE_NUMBER_RE.match(last) or (is_address_or_rule(last) and ends_sentence(above)):
            out[filled[-1]] = "furniture"
    return out


def _page_heads_read_as_kickers(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a line over the page's first headline that names the page and its section
    (``A03 城市``, ``东昌日报 A03 城市``) read as furniture where the labeller read it as a kicker
    or a headline: the page's head, never a story's."""
    out = list(roles)
    for index, line in enumerate(lines):
        if out[index] in ("body", "byline", "credit", "caption"):
            break  # the first story's text: the page's head is above it
        if out[index] in HEADER_ROLES and line.text and page_label_section(line.text) is not None:
            out[index] = "furniture"
    return out


_MARKED_HEADLINE_LEAST = 4  # characters' weight: a wrap's piece of a marked byline is shorter (□记者 万 / 霞)
# A reporter's role or a byline's trailer, however spaced: in a marked line, a byline a wrap cut.
_REPORTER_WORD_RE = re.compile(f"{REPORTER_ROLE_WORDS}|报道")


def _marked_headlines_read_as_bylines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a line the labeller read as a byline by the mark it opens with (■, □, ◆)
    that names nobody read as a headline: papers mark headlines with the marks others set before
    their reporters' names (``■ 东湖夜市今晚开市`` over ``■ 本报记者 柳静文``). Not a column's label
    (``◆ ■记者手记``), a byline a wrap cut before its last name (``□记者 詹敏 通讯员 柏``), nor a
    line shaped as no headline is."""
    out = list(roles)
    for index, line in enumerate(lines):
        if out[index] != "byline" or line.text[:1] not in BYLINE_MARKERS:
            continue  # most lines
        text = line.text.lstrip(BYLINE_MARKERS + " ")
        if (
            weight(text) >= _MARKED_HEADLINE_LEAST
            and not _REPORTER_WORD_RE.search("".join(text.split()))
            and not names_a_column(text)
            and headline_shaped(text)
            and could_head(text)
            and parse_names_line(text) is None
            and parse_byline_line(text) is None  # a commentator's signature (本报评论员)
        ):
            out[index] = "title"
    return out


def _marked_headings_over_bylines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a line a converter marked as a markdown heading (``# 东湖区：一网通办``) that
    the labeller read as text, right over a reporter's line and after the close of what came
    before (a caption, a sentence's end), read as a story's headline: a crosshead has no
    reporter's line under it."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for place, index in enumerate(filled[:-1]):
        if out[index] != "body" or not (heading := split_markdown_heading(lines[index].text)):
            continue  # most lines
        below = filled[place + 1]
        text = heading[1]
        if (
            _byline_or_writers_line(lines[below].text, out[below])
            and headline_shaped(text)
            and could_head(text)
            and (not place or _closes(lines[filled[place - 1]].text, out[filled[place - 1]]))
        ):
            out[index], out[below] = "title", "byline"
    return out


def _headlines_over_later_bylines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the short line right over a reporter's line, after the close of a story
    that opened with a lead of its own (``本报讯（记者 王明）``, a dateline), read as the next
    story's headline, and a short line over that one as its kicker (as the rules over a byline
    read two: :func:`_headlines_over_bylines`, :func:`_headlines_after_story_gaps`).

    The labeller reads such a pair as a part of a round-up, its heading and its reporter, as the
    corpus prints them (447 times, each in a story with no byline or lead of its own: the parts
    carry the bylines). A story with a lead of its own has ended there. One opened by a reporter's
    line alone may be a round-up's first part read as a story (its heading over its reporter's
    line), whose later parts are the same round-up's. A photographer's line closes the story above
    (its pictures' credit, ``本报记者 王明 摄影报道``), as under a chart's credit a bare reporter's
    line signs it."""
    out = list(roles)
    filled = [index for index, line in enumerate(lines) if line.text]
    for place in range(2, len(filled)):
        index, head = filled[place], filled[place - 1]
        # a line of text right over it (most lines are answered here, before the byline grammar
        # is asked); a photographer's line (摄影报道) under a story's last line credits its pictures
        if (
            out[head] != "body"
            or not headline_shaped(lines[head].text)
            or "摄" in lines[index].text
            or not _byline_or_writers_line(lines[index].text, out[index])
        ):
            continue
        heads: list[int] = []  # the short lines right over the byline, at most two
        for at in reversed(filled[max(1, place - 2) : place]):
            text = lines[at].text
            if (
                out[at] != "body"
                or not (headline_shaped(text) and could_head(text))
                or _GRAPHICS_CREDIT_RE.match(text)  # who drew the story's chart (本版制图：赵敏)
            ):
                break
            heads.insert(0, at)
        for first in range(place - len(heads), place):  # two lines first, then the lower alone
            above = filled[first - 1]
            if (
                out[above] in ("body", "caption", "credit")  # the story's text, not a page's furniture
                and _closes(lines[above].text, out[above])
                and _opened_with_lead(lines, out, filled, first)
            ):
                out[filled[place - 1]], out[index] = "title", "byline"
                if first < place - 1:
                    out[filled[first]] = "kicker"
                break
    return out


def _opened_with_lead(
    lines: Sequence[Line], roles: Sequence[Role], filled: Sequence[int], place: int
) -> bool:
    """Whether the story the line at ``filled[place]`` stands in opened, under its headline, with a
    lead (本报讯, a dateline)."""
    for back in range(place - 1, 0, -1):
        if roles[filled[back - 1]] in HEADER_ROLES and roles[filled[back]] not in HEADER_ROLES:
            first = lines[filled[back]].text
            return split_lead(first) is not None or opens_with_report(first)
    return False


_CHINESE_ORDINALS = "一二三四五六七八九十"
# A numbered crosshead's number: 二、 （二） 2、 2. (the style, then the number)
_ORDINAL_RE = re.compile(
    f"^(?:([{_CHINESE_ORDINALS}])、|[(（]([{_CHINESE_ORDINALS}])[)）]|([1-9])[、.．](?!\\d))"
)


def _ordinal(text: str) -> tuple[int, int] | None:
    """The style (which of the three) and value of the number a line opens with, if any."""
    match = _ORDINAL_RE.match(_unmarked(text))
    if match is None:
        return None
    for style, digit in enumerate(match.groups()):
        if digit:
            value = _CHINESE_ORDINALS.index(digit) + 1 if style < 2 else int(digit)
            return style, value
    return None


def _numbered_crossheads_read_as_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a numbered line read as a headline (``二、数据共享``) read as a crosshead
    where the story above holds the number before it, in the same style, as a crosshead
    (``一、整合窗口``): a story's sections are numbered in turn. In the corpus, 833 of 835
    short lines opening with a number after the first are text."""
    out = list(roles)
    for index, role in enumerate(roles):
        if role not in HEADER_ROLES or not lines[index].text:
            continue
        number = _ordinal(lines[index].text)
        if number is None or number[1] < 2:
            continue
        for above in range(index - 1, -1, -1):
            if out[above] in HEADER_ROLES:
                break  # the story above begins here
            if _ordinal(lines[above].text) == (number[0], number[1] - 1):
                out[index] = "body"
                break
    return out


def reread_roles(lines: Sequence[Line], roles: Sequence[Role], pairs: HeaderPairs = NO_PAIRS) -> list[Role]:
    """The roles with every rule of this module applied, in the order each depends on. ``pairs``:
    how the labeller weighed the pairs of short lines that open a block
    (:meth:`~liaocheng_tui.parse.labeller.Labeller.read`), for the rules that find such pairs
    heading stories."""
    roles = _wrapped_headlines_set_apart(lines, roles)
    roles = _wrapped_datelines(lines, _marked_headlines_read_as_bylines(lines, roles))
    roles = _meta_sources_cut(lines, _meta_line_values(lines, roles))
    roles = _browser_titles(lines, _headlines_over_meta_lines(lines, roles))
    roles = _headline_decks_over_leads(lines, _headlines_over_leads(lines, roles))
    roles = _wrapped_headlines_over_leads(lines, roles)
    roles = _headlines_read_as_furniture(lines, roles)
    roles = _headline_tails_over_bylines(lines, _names_under_headlines(lines, roles))
    roles = _column_tags_over_headlines(
        lines, _marked_column_tags(lines, _headlines_over_bylines(lines, roles))
    )
    roles = _headlines_over_writers_names(lines, roles)
    roles = _headlines_over_later_bylines(lines, _marked_headings_over_bylines(lines, roles))
    roles = _headlines_after_story_gaps(lines, roles, pairs)
    roles = _headlines_of_signed_blocks(lines, roles, pairs)
    roles = _headlines_after_closing_marks(lines, roles, pairs)
    roles = _headlines_over_tables(
        lines, _photo_story_headlines(lines, _tables_read_as_furniture(lines, roles))
    )
    roles = _headlines_over_captions(lines, roles)
    roles = _time_clauses_read_as_headlines(lines, _photo_credits_read_as_headlines(lines, roles))
    roles = _couplets_under_kickers(lines, _couplets_read_as_kickers(lines, roles))
    roles = _document_titles_read_as_subtitles(lines, roles)
    roles = _headlines_broken_across_roles(lines, _headline_tails_read_as_headlines(lines, roles))
    roles = _quoting_kickers_over_text(lines, _attendance_read_as_headlines(lines, roles))
    roles = _stressed_subtitles(lines, _stressed_headlines_in_two_lines(lines, roles))
    roles = _staff_credits(lines, _page_foot(lines, roles))
    roles = _headlines_broken_before_marks(lines, _brackets_closed_in_headlines(lines, roles))
    roles = _numbered_crossheads_read_as_headlines(lines, _sentences_read_as_headlines(lines, roles))
    roles = _subtitles_longer_than_headlines(lines, _dashed_subtitles(lines, roles))
    roles = _issuers_read_as_headlines(lines, _signatures_set_right(lines, roles))
    roles = _emails_under_bylines(lines, roles)
    roles = _wrapped_bylines(lines, _leads_read_as_other_roles(lines, roles))
    roles = _headline_alone_among_furniture(lines, _page_heads_read_as_kickers(lines, roles))
    roles = _paragraph_tails_read_as_headlines(lines, _crossheads_inside_stories(lines, roles))
    return _page_markers_read_as_headers(
        lines, _overlong_headlines(lines, _subtitles_set_far_apart(lines, roles))
    )


_FAR_APART_LEAST = 2  # blank lines: a block's own lines are set one apart at most


def _subtitles_set_far_apart(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a subtitle set two or more blank lines under a one-line header above it
    read as a headline of its own: a page sets its stories, not a headline's lines, so far apart
    (a photo's headline with no text under it, then the next story's). Not under a header of
    several lines: a page read column by column may leave its subtitle, printed beside the
    columns' first lines, so far under it."""
    out = list(roles)
    above: int | None = None  # the last line with text
    for index, line in enumerate(lines):
        if not line.text:
            continue
        if (
            out[index] == "subtitle"
            and above is not None
            and out[above] in HEADER_ROLES
            and index - above > _FAR_APART_LEAST
            and (above == 0 or out[above - 1] not in HEADER_ROLES)
        ):
            out[index] = "title"
        above = index
    return out


def _page_markers_read_as_headers(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a jump line or page number the labeller read as a header line (``详见第3版``
    set right under a front page's teaser, ``下转第2版`` in a box of its own) read as furniture:
    such a line names a page, never a story."""
    return [
        "furniture" if role in HEADER_ROLES and is_page_marker(line.text) else role
        for line, role in zip(lines, roles, strict=True)
    ]


def _paragraph_tails_read_as_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, on a hard-wrapped page, with header lines that end a sentence (``红火！``, or
    ``两岸新楼一栋接`` / ``一栋拔地而起`` / ``。``) right under a line of text that fills the width and runs
    on (``乡亲们说日子一年比一年更``) read as that paragraph's last pieces: the wrap cut the sentence
    there, and the labeller took its tail for a headline. A headline that ends with a mark of its
    own (``好日子来了！``) comes after a paragraph's end, not inside one; header lines whose last
    ends no sentence (an exclaiming kicker over its headline) are a block's."""
    out = list(roles)
    fills: list[bool] | None = None
    for index in range(1, len(lines)):
        above = lines[index - 1].text
        if out[index] not in HEADER_ROLES or out[index - 1] != "body" or not above or _closes(above, "body"):
            continue
        last = index
        while last + 1 < len(lines) and out[last + 1] in HEADER_ROLES:
            last += 1
        if not ends_sentence(lines[last].text):
            continue
        if fills is None:
            fills = filled_lines(lines)
        if fills[index - 1]:
            out[index : last + 1] = ["body"] * (last + 1 - index)
    return out


# Characters' weight: the corpus's longest headline is 68, its longest kicker 86, and a kicker,
# headline and subtitle set on one line rarely pass 150. A subtitle may be a deck of several
# sentences (329 in the corpus) and is left as it is.
_HEADLINE_MOST = 200


def _overlong_headlines(lines: Sequence[Line], roles: Sequence[Role]) -> list[Role]:
    """The roles, with a kicker or headline line longer than any headline read as text: a page
    whose line breaks were lost (a paragraph, or a whole page without punctuation, on one line)
    gave the model one line and nothing to set it against, and it made a headline of the page."""
    return [
        "body" if role in ("kicker", "title") and weight(line.text) > _HEADLINE_MOST else role
        for line, role in zip(lines, roles, strict=True)
    ]
