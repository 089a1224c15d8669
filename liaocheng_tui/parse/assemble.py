"""The article assembler: normalised lines and their roles (one per line) -> articles.

The roles come from the line labeller (:mod:`liaocheng_tui.parse.roles` says what each means);
this module decides nothing about what a line *is*, only how labelled lines make articles:

- A header block (``kicker``/``title``/``subtitle`` lines, blank lines between them allowed)
  starts an article. Kicker lines go above the title, subtitle lines below it, consecutive title
  lines are one wrapped headline joined again. A kicker after a title or subtitle, a title after a
  subtitle, or a title two or more blank lines below the title above (a picture's headline with no
  text, then the next one) starts the next block. A block without a title line takes its last
  kicker (or its first subtitle) as the title. A column label opening a block (``目击`` over
  ``…专栏``, ``…大家谈``) is the article's column, not its kicker; the pieces after a signed one
  stay in the column, and brief items under a column label (【标题】正文…, １．标题句。正文…) are
  articles of their own.
- A ``byline`` line under the header block (or under another byline line) sets
  ``byline``/``authors``. Under a caption and before the next headline it closes the caption as a
  photo article; over a single paragraph or a caption it starts an untitled article (a photo
  credited above its caption); inside a longer piece it is body text (a part's reporter).
- ``body`` and ``caption`` lines are joined into paragraphs (hard wraps repaired, as
  :func:`~liaocheng_tui.parse.blocks.build_units` and :func:`~liaocheng_tui.parse.clean.continues`
  decide). The first paragraph of an article that opens with a dateline or byline (本报讯(记者 X)…)
  is split: the byline goes to ``byline``/``authors``. A caption closed by a photo credit
  (…。 记者 X 摄) is a photo article of its own, unless a story's text goes on under it: then it
  is the story's picture, a paragraph of the story. A paragraph printed twice is kept once.
- A ``credit`` line closes the article above; its authors become the byline when it has none
  (otherwise it is the last paragraph: an author note). Above every article it is dropped.
- ``furniture`` lines are dropped as ``page-furniture`` (a masthead among them names the paper;
  a mark OCR left on a line of its own, ``|`` or ``■``, as ``stray-mark``);
  a 广告 label and the block under it, to the next blank line, as ``advertisement``. A banner
  slogan and a section name at the top of the page become the page's ``banner`` and ``section``.
- Blank lines are paragraph boundaries.
- Where the grammar reads a line surely, it overrides the label (the rules over single lines and
  their neighbours are :mod:`liaocheng_tui.parse.line_rules`; those here read units): headline lines that read whole as
  a dateline (``新华社北京4月2`` / ``4日电``, ``新华社巴西圣保罗电``), a credit wrapped over lines or a
  web page's source line are read as that, a line naming a reporter by role (``记者｜张三``) is a
  byline, and a page number, a jump line or the issue's date line above the first story is
  furniture. A web page's meta line (``（ 2026-04-27 ） 稿件来源：某某日报``) is printed under a
  headline: a short line that ends no sentence, right over a meta line with the story's text
  below it, is that headline, whatever the labeller read; so is such a line right over a lead
  (``本报讯``, ``新华社北京3月1日电``), or the subtitle under a headline line.

Everything removed is kept in ``dropped`` with a reason. Pure; never raises on any input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from liaocheng_tui.parse.across import headlines_across_columns
from liaocheng_tui.parse.blocks import (
    Unit,
    build_units,
    markdown_table_lines,
    numbered_item,
    split_markdown_heading,
)
from liaocheng_tui.parse.byline import (
    Lead,
    is_name_signature,
    looks_like_a_name,
    names_a_reporter,
    names_in,
    opens_with_reporters_role,
    parse_byline_line,
    parse_closing_credit,
    parse_end_credit,
    parse_label_signature,
    parse_letter_spaced_byline,
    parse_name_line,
    parse_photo_credit,
    parse_signed_credit,
    signs_writing,
    split_lead,
    split_photo_credit,
    split_show_mark,
    split_tail_credit,
)
from liaocheng_tui.parse.chars import (
    ends_sentence,
    weight,
)
from liaocheng_tui.parse.clean import (
    SHORT_WEIGHT,
    clean_body,
    continues,
    duplicate_keeper,
    join_text,
    row_cells,
    schedule_row,
    squeeze_spaces,
)
from liaocheng_tui.parse.furniture import (
    Head,
    JumpMarks,
    TopFurniture,
    is_ad_label,
    is_address_or_rule,
    is_dated_furniture_line,
    is_furniture_line,
    is_page_marker,
    is_page_number,
    is_running_header,
    is_section_word,
    is_source_line,
    is_stray_mark,
    is_top_masthead,
    is_web_furniture_line,
    is_web_meta_line,
    masthead_in,
    meta_author,
    page_label_section,
    source_paper_in,
    spacing_blanks,
    split_jump_marks,
    top_furniture,
)
from liaocheng_tui.parse.headers import (
    COMMENTARY_COLUMN_RE,
    ColumnLabel,
    column_label,
    join_lines,
    unspace,
)
from liaocheng_tui.parse.line_rules import (
    BYLINE_TAIL_LONGEST,
    PHOTO_CREDIT_RE,
    could_head,
    cut_in_a_word,
    join_byline_pieces,
    reread_roles,
)
from liaocheng_tui.parse.models import Article, ArticleKind, Dropped
from liaocheng_tui.parse.normalize import Line
from liaocheng_tui.parse.roles import HEADER_ROLES, NO_PAIRS, HeaderPairs, Role, renumbered
from liaocheng_tui.parse.unit_rules import (
    CAPTION_OPENERS,
    NOTICE_WORDS,
    SOURCE_WEIGHT,
    TEXT_ROLES,
    credits_an_outlet,
    reread_units,
)

# (图), （上图）, （图一）…, 图为…, ▲. Each alternative opens with one character, so that the regex
# engine skips to the characters that can open one (a bracket class first was tried everywhere).
_PICTURE_IN_BRACKETS = r"(?:[上下左右中]?图|见图|附图|图[一二三四五六1-9])[)）]"
_PHOTO_CUE_RE = re.compile(rf"\({_PICTURE_IN_BRACKETS}|（{_PICTURE_IN_BRACKETS}|图为|▲")
# A story's numbered photo captions (图①：…, 图2：…, 组图三：…): the pictures printed with it, so
# they stay in it, each with its photographer's credit; they start no photo articles of their own.
_NUMBERED_CAPTION_RE = re.compile(
    r"^(?:组图|图)\s?(?:[①-⑳]|[0-9０-９]{1,2}\s?[：:]|[一二三四五六七八九十]{1,2}\s?[：:])"
)
_REPORTED_RE = re.compile(r"记者|通讯员|实习生")  # a byline that names a reporter
_DUPLICATE_MIN_WEIGHT = 15
# Page furniture (mastheads, 版次, 字数, 责任编辑 and web meta lines) is short: a longer line the
# labeller calls furniture is read as body text rather than dropped.
_FURNITURE_MAX_LENGTH = 80
# The pictographs a news feed's post may open with, at most (with their variation selectors).
_DECORATION_LONGEST = 6
# A news feed's topic marks around a headline: #聊城发布寒潮蓝色预警#
_TOPIC_RE = re.compile(r"#([^#]{2,28})#")
# The shortest headline run in (【…】) that opens a story of its own, in characters.
_HEADLINED_ITEM_LEAST = 6
# The mark that closes a wire story: （完）
_END_MARK_RE = re.compile(r"\s?[(（]\s?完\s?[)）]$")
# A numbered crosshead inside a long piece: 一、…, （二）…, 第三，…
_NUMBERED_HEAD_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[，、,])"
)
# Where a role falls in a header block: a role of a lower rank after a higher one opens a new block.
_HEADER_RANK: dict[Role, int] = {"kicker": 0, "title": 1, "subtitle": 2}


_SIGNATURE_LONGEST = 30  # characters: a reporter's line signing a story, two or three names
_SIGNED_PARAGRAPHS_LEAST = 2  # paragraphs of a story over its signature


@dataclass
class _Draft:
    """An article while the page is being read."""

    kicker: list[Unit] = field(default_factory=list)
    title: list[Unit] = field(default_factory=list)
    subtitle: list[Unit] = field(default_factory=list)
    column: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    byline_is_dateline: bool = (
        False  # only a dateline (本报北京10月3日电): a closing credit may name the authors
    )
    standalone_byline: bool = False
    credit: bool = False
    trailing_byline: bool = False
    brief: bool = False  # a brief item (简讯) of a column: its bracketed or numbered lead is its title
    body: list[tuple[str, Unit]] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    lead_unit: Unit | None = None  # the unit its lead (本报讯(记者 X)…, a dateline) came from
    pictures: list[Unit] = field(default_factory=list)  # its captioned pictures, kept in its text
    next_photo: bool = False  # opened by a caption under a credited photo: a photo, signed or not

    @property
    def lead(self) -> bool:
        return self.lead_unit is not None

    @property
    def fresh(self) -> bool:
        """Headed (or under a column label, or bylined) and with no body yet, or none but an
        editor's note or a summary (核心提示｜…) over an unsigned story: a byline line here belongs
        to this article."""
        headed = bool(self.title or self.kicker or self.subtitle or self.column)
        if self.body and (
            self.byline is not None or not all(_EDITORS_NOTE_RE.match(note) for note, _ in self.body)
        ):
            return False
        return headed or self.byline is not None

    @property
    def only_an_editors_note(self) -> bool:
        """An editor's note (编者按：…) with no header over it. A note stands over the story it
        introduces, so the header under it is that story's."""
        return (
            bool(self.body)
            and not (self.title or self.kicker or self.subtitle)
            and all(_EDITORS_NOTE_RE.match(note) for note, _ in self.body)
        )

    def take(self, unit: Unit) -> None:
        self.units.append(unit)

    def add_body(self, text: str, unit: Unit) -> None:
        self.body.append((text, unit))
        self.take(unit)

    def set_byline(self, byline: str, authors: list[str]) -> None:
        if self.byline is None:
            self.byline = byline
            self.authors = list(authors)
        else:
            self.byline = f"{self.byline} {byline}"
            self.authors += [a for a in authors if a not in self.authors]


@dataclass
class Assembly:
    """What the assembler made of a page: its articles, what it dropped and the page fields it saw."""

    articles: list[Article]
    dropped: list[Dropped]
    masthead: str | None = None
    section: str | None = None
    banner: str | None = None
    text: str = ""  # the kept units' text, for guessing the paper where no masthead names it


def _has_numbered_caption(draft: _Draft) -> bool:
    return any(_NUMBERED_CAPTION_RE.match(text) for text, _ in draft.body)


def _ends_with_numbered_caption(draft: _Draft) -> bool:
    return bool(draft.body) and bool(_NUMBERED_CAPTION_RE.match(draft.body[-1][0]))


def _parsed_byline(text: str) -> tuple[str, list[str]]:
    """A byline line's text and names, whichever byline grammar reads it; as printed otherwise."""
    parsed = (
        parse_byline_line(text)
        or parse_letter_spaced_byline(text)
        or parse_name_line(text)
        or parse_signed_credit(text)
        or parse_end_credit(text)
    )
    if parsed is not None:
        return parsed
    lead = split_lead(text)
    if lead is not None and lead.byline and lead.authors and not lead.rest.strip():
        return lead.byline, lead.authors  # 本报讯（记者 X） on a line of its own
    if is_source_line(text):
        return " ".join(text.split()), []  # 来源：人民日报 names a paper, no one
    return " ".join(text.split()), names_in(text)


class _Reader:
    """Reads labelled units into drafts, recording what it drops."""

    def __init__(self, units: list[Unit], dropped: list[Dropped]) -> None:
        self.units = units
        self.dropped = dropped
        self.drafts: list[_Draft] = []
        self.current: _Draft | None = None
        self.closed = False  # the article above ended with a closing credit
        self.inherit = False  # ...a signed credit, so that the next piece stays in its column
        self.last_item = 0  # the number of the last numbered brief item read

    def start(self, draft: _Draft) -> _Draft:
        self.drafts.append(draft)
        return self.resume(draft)

    def resume(self, draft: _Draft) -> _Draft:
        """Go on with ``draft`` (the last started) as a story that has just begun."""
        self.last_item = 0
        self.current = draft
        self.closed = False
        self.inherit = False
        return draft

    def read(self, index: int) -> None:
        units = self.units
        while index < len(units):
            unit = units[index]
            if unit.role in HEADER_ROLES:
                index = self._header_block(index)
            elif unit.role == "byline":
                index = self._byline(index)
            elif unit.role == "credit" or self._signs_the_story(unit, index):
                self._credit(unit)
                index += 1
            else:
                self._text(unit, units[index + 1] if index + 1 < len(units) else None)
                index += 1

    def _signs_the_story(self, unit: Unit, index: int) -> bool:
        """Whether a reporter's line read as text (``记者 柳静文``) signs the story above it, as Hong
        Kong's and county papers sign: under its finished last paragraph, one of two or more, and
        over the next headline. The labeller reads such a line by its place: ``本报记者 柳静文``
        there is a byline to it, which :meth:`_byline` credits, but ``记者 柳静文``, which the corpus
        prints under headlines only, text. Under one paragraph alone it would be a picture's credit,
        and at the page's end an interview's questioner as well: left as text."""
        draft = self.current
        following = self.units[index + 1] if index + 1 < len(self.units) else None
        return (
            unit.role == "body"
            and unit.end == unit.line  # a line of its own, not a paragraph's last piece with it
            and draft is not None
            and len(draft.body) >= _SIGNED_PARAGRAPHS_LEAST
            and following is not None
            and following.role in ("kicker", "title")
            and len(unit.text) <= _SIGNATURE_LONGEST
            and draft.body[-1][1].role == "body"  # under a caption: the picture's credit
            and ends_sentence(draft.body[-1][0])
            and names_a_reporter(unit.text)
        )

    # -- header blocks -------------------------------------------------------------------------

    def _block_end(self, index: int) -> int:
        """Where the header block starting at ``index`` ends: at the first non-header unit, at a
        kicker under a title or subtitle, at a title under a subtitle, and at a title set two or
        more lines apart from the title above it (a headline with no body under it, such as a
        picture's, then the next headline)."""
        rank = -1
        end = index
        while end < len(self.units) and self.units[end].role in HEADER_ROLES:
            unit = self.units[end]
            role_rank = _HEADER_RANK.get(unit.role, 1)
            if role_rank < rank or (role_rank == 1 and rank == 2):
                break
            if role_rank == 1 and end > index:
                above = self.units[end - 1]
                if above.role == "title" and unit.line - above.end > 2:
                    break
            rank = max(rank, role_rank)
            end += 1
        return end

    def _anchored(self, at: int) -> bool:
        """A byline line, or a paragraph opening with a dateline or byline, at ``at``."""
        if at >= len(self.units):
            return False
        unit = self.units[at]
        return unit.role == "byline" or (unit.role in TEXT_ROLES and split_lead(unit.text) is not None)

    def _header_block(self, index: int) -> int:
        end = self._block_end(index)
        block = self.units[index:end]
        following = self.units[end] if end < len(self.units) else None
        body_follows = following is not None and following.role in (*TEXT_ROLES, "byline")
        # A one-line label that the labeller took for a headline, or for a kicker with no headline
        # between it and a story's lead, only counts with briefs under it.
        headline = block[0].role == "title" or (
            len(block) == 1 and block[0].role == "kicker" and self._anchored(end)
        )
        label = column_label(block, body_follows and (not headline or self._brief_at(end)))
        rest = block[label.consumed :] if label else block
        above = self.current
        if label is not None and above is not None and above.trailing_byline and above.column is None:
            # A label printed under a captioned photo names the photo's column.
            above.column = label.name
            self._take_label(above, label)
            label = None
        if not rest and not body_follows:
            if label is not None:  # a label with nothing under it: keep its text, attach it nowhere
                for unit in [*label.units, *label.descriptor]:
                    self.dropped.append(Dropped(unit.text, "column-label", unit.line))
            return end
        inherited = (
            above.column
            if self.inherit and above is not None and label is None and not self._anchored(end)
            else None
        )
        if above is not None and above.only_an_editors_note:
            # The editor's note set over this story's headline (编者按：… / 标题): the story's own
            # first paragraph, as it is where printed under the headline.
            draft = self.resume(above)
            draft.column = label.name if label else (draft.column or inherited)
        else:
            draft = self.start(_Draft(column=label.name if label else inherited))
        if label:
            self._take_label(draft, label)
        for unit in rest:
            draft.take(unit)
            if unit.role == "kicker":
                draft.kicker.append(unit)
            elif unit.role == "subtitle":
                draft.subtitle.append(unit)
            else:
                draft.title.append(unit)
        if not draft.title and draft.kicker:
            draft.title = [draft.kicker.pop()]
        elif not draft.title and draft.subtitle:
            draft.title = [draft.subtitle.pop(0)]
        return end

    def _brief_at(self, at: int) -> bool:
        """A brief item at ``at``: a paragraph with a bracketed or bold lead, or numbered 1."""
        if at >= len(self.units) or self.units[at].role not in TEXT_ROLES:
            return False
        unit = self.units[at]
        item = numbered_item(unit.text)
        return unit.brief is not None or (item is not None and item.value == 1)

    def _take_label(self, draft: _Draft, label: ColumnLabel) -> None:
        for unit in label.units:
            draft.take(unit)
        for unit in label.descriptor:
            draft.take(unit)
            self.dropped.append(Dropped(unit.text, "column-descriptor", unit.line))

    # -- bylines and credits -------------------------------------------------------------------

    def _standalone_byline(self, draft: _Draft, unit: Unit) -> None:
        draft.set_byline(*_parsed_byline(unit.text))
        draft.standalone_byline = True
        draft.take(unit)

    def _byline(self, index: int) -> int:
        unit = self.units[index]
        above = self.current
        if above is not None and above.fresh:
            self._standalone_byline(above, unit)
            return index + 1
        if above is not None and above.body and parse_signed_credit(unit.text):
            # A writer's signature after the story's text (（作者：王明）) closes it, as a credit.
            self._credit(unit)
            return index + 1
        following = self.units[index + 1] if index + 1 < len(self.units) else None
        # A photo credit (记者 X 摄) closes the caption printed above it.
        photo_credit = bool(PHOTO_CREDIT_RE.search(unit.text.strip()))
        trailing = (
            following is None
            or following.role not in TEXT_ROLES
            or photo_credit
            or is_furniture_line(following.text)  # a staff credit under it is no story's text
        )
        if trailing and above is not None and above.body:
            if signs_writing(unit.text) or (photo_credit and _ends_with_numbered_caption(above)):
                # A reporter's line after a story's last paragraph (本报记者 X 整理, 摄影报道) signs
                # the story, as a credit does: the paragraph above it is no caption of its own.
                self._credit(unit)
                return index + 1
            if (not above.title or photo_credit) and above.byline is None and len(above.body) == 1:
                self._standalone_byline(above, unit)
                above.trailing_byline = True
                self.closed = True
                return index + 1
            if (
                not photo_credit
                and above.title
                and (above.byline is None or above.byline_is_dateline)
                and len(above.body) > 1
                and above.body[-1][1].indented == above.body[-2][1].indented
            ):
                # A reporter's line after a headed story's paragraphs, the last set as the others
                # (…。 / 本报记者 王明), signs the story, as papers that sign at the end print it,
                # also where its lead named only where it was filed (本报讯): a photo's caption
                # under a story is set apart from its text.
                self._credit(unit)
                return index + 1
            caption_text, caption_unit = above.body[-1]
            # The unit stays the article's too where its lead (本报讯(记者 X)…) gave the article its byline.
            moves = (
                caption_unit in above.units
                and caption_unit is not above.lead_unit
                and all(t[1] is not caption_unit for t in above.body[:-1])
            )
            if moves and above.units == [caption_unit]:
                # A caption with its own credit (…。 记者 X 摄) would be left an article of no line:
                # it keeps both, and this line stands alone.
                self._standalone_byline(self.start(_Draft()), unit)
                self.closed = True
                return index + 1
            above.body.pop()
            if moves:
                above.units.remove(caption_unit)
            draft = self.start(
                _Draft(trailing_byline=True, column=above.column if above.trailing_byline else None)
            )
            draft.add_body(caption_text, caption_unit)
            self._standalone_byline(draft, unit)
            self.closed = True
            return index + 1
        if above is not None and above.body and not self._caption_follows(index):
            # A reporter's line inside a long piece (one part of a multi-part report): body text.
            above.add_body(unit.text, unit)
            return index + 1
        self._standalone_byline(self.start(_Draft()), unit)
        return index + 1

    def _caption_follows(self, index: int) -> bool:
        """Under the byline at ``index``, a caption, or a single paragraph before the next
        headline, byline or credit: a photo credited above its caption, an article of its own."""
        following = self.units[index + 1 : index + 3]
        if not following or following[0].role not in TEXT_ROLES:
            return False
        return following[0].role == "caption" or len(following) == 1 or following[1].role not in TEXT_ROLES

    def _credit(self, unit: Unit) -> None:
        draft = self.current
        if draft is None:  # above the first article: the end of a story continued from elsewhere
            self.dropped.append(Dropped(unit.text, "credit-without-article", unit.line))
            return
        draft.take(unit)
        if PHOTO_CREDIT_RE.search(unit.text.strip()) and _ends_with_numbered_caption(draft):
            # The photographer of one of the story's numbered pictures: no signature of the story.
            draft.body.append((unit.text, unit))
            self.closed = True
            self.inherit = True
            return
        parsed = parse_closing_credit(unit.text)
        if parsed and draft.byline is None:
            draft.set_byline(*parsed)
            draft.credit = True
        elif parsed and parsed[1] and draft.byline_is_dateline:
            # 本报北京10月3日电 … （记者王政、丁怡婷）: the dateline said where, the credit says who.
            draft.set_byline(*parsed)
            draft.byline_is_dateline = False
        elif parsed and parsed[1] and not draft.authors and all(map(looks_like_a_name, parsed[1])):
            # 来源：聊城日报 … 记者：王海: the source said whose story, the credit says who wrote it
            # (names a spaced credit runs together wrongly, 胡 果 朱 虹 as 胡果朱 虹…, are none).
            draft.set_byline(*parsed)
        elif (signed := parse_byline_line(unit.text) or parse_photo_credit(unit.text)) and (
            draft.byline is None or (signed[1] and draft.byline_is_dateline)
        ):  # 本报记者 X (or X 摄（新华社发）) at the end; under a lead's 本报讯 it says who wrote the story
            draft.set_byline(*signed)
            draft.byline_is_dateline = False
            # A photographer's credit (记者 X 摄) closing a captioned picture.
            draft.trailing_byline = bool(PHOTO_CREDIT_RE.search(unit.text.strip()))
        elif parsed is None and draft.byline is None and weight(unit.text) <= SOURCE_WEIGHT:
            # A credit no byline grammar reads (来源：新华社): as printed, naming no one.
            draft.set_byline(" ".join(unit.text.split()), [])
        else:
            draft.body.append((unit.text, unit))
            # An author note under a signed piece (作者为…教授) marks it as commentary.
            draft.credit = draft.credit or bool(parsed and not parsed[1] and draft.standalone_byline)
        self.closed = True
        self.inherit = True

    # -- body text ----------------------------------------------------------------------------

    def _end_mark(self, draft: _Draft | None, text: str, unit: Unit) -> str:
        """Strip a wire story's closing mark (（完）), recording it; the story has ended."""
        # The mark ends the text: looking for it only there saves a scan of every paragraph.
        match = _END_MARK_RE.search(text) if "完" in text[-4:] else None
        if match is None:
            return text
        self.dropped.append(Dropped(match.group(0).strip(), "end-mark", unit.end))
        self.closed = True
        if draft is not None:
            draft.take(unit)
        return text[: match.start()].rstrip()

    def _text(self, unit: Unit, following: Unit | None) -> None:
        marks = split_jump_marks(unit.text)
        if marks is not None:
            unit = self._jumped(unit, marks)
        if (self._in_briefs() or self._headlined_item(unit)) and self._brief(unit):
            return
        above = self.current
        if above is not None and self.closed and is_furniture_line(unit.text):
            # The page's staff credit (版式设计：X) read as text after a story's close: neither its
            # text nor a photo of its own.
            self.dropped.append(Dropped(unit.text.strip(), "page-furniture", unit.line))
            return
        if above is not None and _NUMBERED_CAPTION_RE.match(unit.text) and _has_numbered_caption(above):
            # The next of a story's numbered captions, its photographer's credit kept in it as printed.
            above.add_body(unit.text, unit)
            self.closed = bool(PHOTO_CREDIT_RE.search(unit.text.strip()))
            return
        if above is not None and self.closed and above.trailing_byline:
            # A caption after a credited photo is the next photo, in the same column.
            draft = self.start(_Draft(column=above.column, next_photo=unit.role == "caption"))
        elif (
            above is not None
            and above.body
            and _EDITORS_NOTE_RE.match(unit.text)
            and not above.only_an_editors_note
        ):
            # An editor's note after a story's text introduces the next story (the corpus prints
            # its 43 notes right under a headline, none after a story's text).
            draft = self.start(_Draft())
        else:
            draft = above or self.start(_Draft())
        text = self._end_mark(draft, unit.text, unit)
        if not text:
            return
        if not draft.lead and all(
            _EDITORS_NOTE_RE.match(note) or note.startswith(CAPTION_OPENERS) or part in draft.pictures
            for note, part in draft.body
        ):
            # The story's first paragraph, or the first after the editor's note or picture over it.
            lead = split_lead(text)
            if lead is not None:
                # A caption over the lead (图为…, ▲…) is the story's picture.
                draft.pictures += [part for note, part in draft.body if note.startswith(CAPTION_OPENERS)]
                self._lead(draft, lead, unit)
                return
        photo = split_photo_credit(text)
        if photo is not None and _story_goes_on(draft, following):
            # The story's picture, printed under its headline or between its paragraphs: the
            # caption stays in the story, a paragraph of its own, its photographer's credit in
            # brackets after it (as papers print it inside a story), where spaces do not survive.
            credit = photo[1] if photo[1].startswith(("（", "(")) else f"（{photo[1]}）"
            draft.add_body(photo[0] + credit, unit)
            draft.pictures.append(unit)
            return
        if photo is not None:  # a caption closed by its credit (…作业。 记者 张晨 摄)
            if draft.body or draft.byline is not None:
                draft = self.start(_Draft(column=draft.column if draft.trailing_byline else None))
            draft.set_byline(photo[1], photo[2])
            draft.trailing_byline = True
            draft.add_body(photo[0], unit)
            self.closed = True
            return
        tail = split_tail_credit(text)
        if tail is not None:
            # As a closing credit: it signs a story with no byline, or one whose lead named no one.
            if draft.byline is None or (tail[2] and not draft.authors):
                text = tail[0]
                draft.set_byline(tail[1], tail[2])
                draft.byline_is_dateline = False
            draft.add_body(text, unit)
            self.closed = True
            return
        draft.add_body(text, unit)

    def _jumped(self, unit: Unit, marks: JumpMarks) -> Unit:
        """``unit`` without the jump marks printed in it, which are dropped as the page's. A
        paragraph that goes on from another page (（上接第1版）…) is no part of the story above it:
        it starts a story of its own, whose headline is on that page."""
        for mark in (marks.opening, marks.closing):
            if mark is not None:
                self.dropped.append(Dropped(mark, "page-furniture", unit.line))
        if marks.opening is not None and self.current is not None:
            self.start(_Draft())
        return replace(unit, text=marks.text, squeezed=squeeze_spaces(marks.text))

    def _in_briefs(self) -> bool:
        """Under a column label that opened an empty article, or right after a brief item."""
        above = self.current
        return above is not None and (
            above.brief
            or (above.column is not None and not above.title and not above.body and above.byline is None)
        )

    def _headlined_item(self, unit: Unit) -> bool:
        """A paragraph that runs in a headline in brackets (【聊城西站新增3趟始发列车】12月5日起，…), as
        a news feed's posts and a paper's brief items print it, after the text of the story above
        or at the top of the page: the next story. A story's labels are short (【案情】, 【记者观察】:
        every one of the corpus's 130 is of two to four characters), under its headline a
        bracketed lead is the story's own, and a dateline or a reporter's line in brackets
        (【新华社北京12月3日电】, 【本报记者 王芳报道】) is no headline."""
        above = self.current
        return (
            unit.brief is not None
            and weight(unit.brief) >= _HEADLINED_ITEM_LEAST
            and (above is None or bool(above.body))
            # in brackets: a bold lead (**一是压实各方责任。**…) opens a paragraph of the story
            and f"【{unit.brief}】" in unit.text[: len(unit.brief) + _DECORATION_LONGEST + 2]
            and could_head(unit.brief)  # not a dateline or a reporter's line in brackets
        )

    def _brief(self, unit: Unit) -> bool:
        """A brief item of a column (【标题】正文…, **标题** 正文…, or １．标题句。正文… numbered up
        from 1, so that a paragraph opening with a decimal (3.5万…) is not one): an article whose
        headline is its lead. False if ``unit`` is no brief item."""
        title: str | None
        item = numbered_item(unit.text)
        if item is not None and item.value == self.last_item + 1:
            self.dropped.append(Dropped(item.marker, "item-number", unit.line))
            title, rest = item.title, item.rest
        elif unit.brief is not None:
            title, rest = unit.brief, unit.text
            for opener, closer in (("【", "】"), ("", "")):
                at = rest.find(opener + title + closer)
                if 0 <= at <= _DECORATION_LONGEST:
                    if at:  # a news feed's pictographs before the headline (🔥【…】)
                        self.dropped.append(Dropped(rest[:at].strip(), "decoration", unit.line))
                    rest = rest[at + len(opener + title + closer) :].lstrip()
                    break
            topic = _TOPIC_RE.fullmatch(title)
            if topic is not None:  # a news feed's topic marks around the headline (#…#)
                self.dropped.append(Dropped("##", "topic-marks", unit.line))
                title = topic.group(1)
        else:
            return False
        above = self.current
        if above is not None and not above.title and not above.body and above.byline is None:
            draft = above  # the column label opened an empty article: this brief fills it
        else:
            draft = self.start(_Draft(column=above.column if above is not None else None))
        if item is not None:
            self.last_item = item.value
        draft.brief = True
        draft.take(unit)
        if title:
            draft.title = [Unit(title, unit.line, unit.line, role="title")]
        rest = self._end_mark(draft, rest, unit)
        # A brief's text opens as a story's lead does (【标题】本报讯（记者 王海）…)
        lead = split_lead(rest) if rest else None
        if lead is not None:
            self._lead_names(draft, lead, unit)
            rest = lead.rest.strip()
        tail = split_tail_credit(rest)
        if tail is not None:
            rest = tail[0]
            draft.set_byline(tail[1], tail[2])
        if rest:
            draft.add_body(rest, unit)
        return True

    def _lead(self, draft: _Draft, lead: Lead, unit: Unit) -> None:
        draft.take(unit)
        draft.lead_unit = unit
        self._lead_names(draft, lead, unit)
        if lead.rest.strip():
            draft.body.append((lead.rest, unit))

    def _lead_names(self, draft: _Draft, lead: Lead, unit: Unit) -> None:
        """The byline a lead opens with, or its dateline (the byline's place when the story has none)."""
        if lead.byline:
            draft.set_byline(lead.byline, lead.authors)
        elif lead.dateline:
            if draft.byline is None:
                draft.byline = lead.dateline
                draft.byline_is_dateline = True
            else:
                self.dropped.append(Dropped(lead.dateline, "dateline", unit.line))


def _story_goes_on(draft: _Draft, following: Unit | None) -> bool:
    """Whether a credited caption read into ``draft`` is the story's own picture: the story is
    under way (headed, or with text) and no photo series, and its text goes on below the caption
    (a story's paragraph, not the next picture's caption)."""
    return (
        bool(draft.title or draft.body)
        and not draft.trailing_byline
        and following is not None
        and following.role == "body"
        and split_photo_credit(following.text) is None
    )


# An editor's note set over a story (编者按：…, 【编者的话】…): the story's lead comes under it.
_EDITORS_NOTE_RE = re.compile(
    r"\s*[【\[［（(]?\s*(?:编者按|编者的话|编者注|编前语|编者|核心提示|内容提要|阅读提示|导读|导语)"
    r"\s*(?:[】\]］）)]\s*[:：｜|]?|[:：｜|])"
)


def _wrapped_byline_units(units: list[Unit]) -> list[Unit]:
    """The units, with a byline's second piece joined to its first where a wrap cut it off
    (``□本报记者 胡磊 薛`` / ``良诚``): the piece alone is no byline, the two together are one."""
    out: list[Unit] = []
    for unit in units:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.role == unit.role == "byline"
            and unit.line == previous.end + 1
            and len(unit.text) <= BYLINE_TAIL_LONGEST
            and (parse_byline_line(unit.text) is None or cut_in_a_word(previous.text, unit.text))
            and parse_byline_line(joined := join_byline_pieces(previous.text, unit.text)) is not None
        ):
            previous.text, previous.squeezed, previous.end = joined, squeeze_spaces(joined), unit.end
            continue
        out.append(unit)
    return out


def _remove_duplicates(units: list[Unit], dropped: list[Dropped]) -> list[Unit]:
    """Drop body paragraphs printed more than once, keeping the copy that fits its context."""
    groups: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        if unit.role in TEXT_ROLES:
            groups.setdefault(unit.squeezed.replace(" ", ""), []).append(index)
    remove: set[int] = set()
    page_text: str | None = None
    for group in groups.values():
        # Weighed only where a text comes back (a group shares its weight): weighing every paragraph
        # was most of this function's time.
        indexes = (
            [i for i in group if weight(units[i].text) >= _DUPLICATE_MIN_WEIGHT] if len(group) > 1 else []
        )
        if len(indexes) < 2:
            continue
        if page_text is None:
            page_text = "\n".join(u.squeezed for u in units)
        candidates = [(units[i - 1].squeezed if i > 0 else "", units[i].squeezed) for i in indexes]
        keep = indexes[duplicate_keeper(candidates, page_text)]
        for i in indexes:
            if i != keep:
                remove.add(i)
                dropped.append(Dropped(units[i].text, "duplicate-paragraph", units[i].line))
    return [u for i, u in enumerate(units) if i not in remove] if remove else units


def _crosshead(unit: Unit, cleaned: str) -> bool:
    """A heading inside the body (markdown, or 一、… / （二）… short and unpunctuated): never joined."""
    if unit.level:
        return True
    return (
        _NUMBERED_HEAD_RE.match(cleaned) is not None
        and weight(cleaned) <= SHORT_WEIGHT
        and not ends_sentence(cleaned)
    )


def _table_rows(body: Sequence[tuple[str, Unit]]) -> dict[int, list[str]]:
    """The cells of the pieces that are a table's rows (白菜 每斤0.8元 over 猪肉 每斤13.5元), by
    place: two rows or more in a run, none as wide as a hard-wrapped page (a wrapped paragraph's
    lines) but a schedule's, led by its time (a page of listings, all about as long, looks
    hard-wrapped at their width). Their cells stay apart where OCR's spaces between Chinese
    characters are taken out; a line alone with a figure at its end may be a wrapped sentence's."""
    cells = [
        row_cells(text) if " " in text and (not unit.fills or schedule_row(text)) else None
        for text, unit in body
    ]
    return {
        index: found
        for index, found in enumerate(cells)
        if found is not None
        and (
            (index > 0 and cells[index - 1] is not None)
            or (index + 1 < len(cells) and cells[index + 1] is not None)
        )
    }


def _paragraphs(draft: _Draft) -> list[str]:
    """Cleaned body paragraphs with sentences broken by the layout joined again."""
    paragraphs: list[list[str]] = []  # each paragraph as the pieces it was joined from
    view = ""  # the open paragraph, or its two ends when it is long (keeps joining linear)
    previous_head = False
    previous_fills = False  # the piece above ended on a line that fills a hard-wrapped page's width
    rows = _table_rows(draft.body)
    for index, (text, unit) in enumerate(draft.body):
        if index in rows:
            cleaned = " ".join(clean_body(cell) for cell in rows[index])
        else:
            # Most pieces are their unit's text as it stands, which build_units squeezed already.
            cleaned = clean_body(text, unit.squeezed if text is unit.text else None)
        if not cleaned:
            continue
        # A heading, a picture's caption or a table's row: a paragraph of its own.
        head = _crosshead(unit, cleaned) or unit in draft.pictures or index in rows
        if (
            paragraphs
            and not previous_head
            and not head
            and unit.gap_before
            and not unit.indented
            # A piece that ran to the edge of a hard-wrapped column without ending its sentence
            # goes on: short pieces set without punctuation (a first line cut after its indent)
            # give continues() nothing to read.
            and (continues(view, cleaned, cut_short=False) or (previous_fills and not ends_sentence(view)))
        ):
            paragraphs[-1].append(join_text(paragraphs[-1][-1][-1:], cleaned)[1:])
            view = join_text(view, cleaned)
        else:
            paragraphs.append([cleaned])
            view = cleaned
        if len(view) > 160:
            view = view[:60] + view[-60:]
        previous_head = head
        previous_fills = unit.fills
    return ["".join(parts) for parts in paragraphs]


def _kind(draft: _Draft, title: str | None, paragraphs: list[str]) -> ArticleKind:
    if title and title.replace(" ", "").endswith(NOTICE_WORDS):
        return "notice"
    reported = bool(draft.byline and (_REPORTED_RE.search(draft.byline) or credits_an_outlet(draft.byline)))
    # A credit that names no reporter marks an outside writer's comment, unless it is names alone.
    outside_writer = draft.credit and not reported and not (draft.byline and is_name_signature(draft.byline))
    if outside_writer or (draft.column and COMMENTARY_COLUMN_RE.search(draft.column.replace(" ", ""))):
        return "commentary"
    if draft.byline and "评论员" in draft.byline:
        return "commentary"
    if title is None:
        if draft.brief and not draft.trailing_byline:
            return "news"  # a numbered brief item without a headline sentence
        if draft.trailing_byline or draft.column or draft.next_photo or _photo_cue(paragraphs):
            return "photo"
        if draft.standalone_byline and not draft.lead:
            return "photo"
        return "news"
    # The count first: a longer piece's text is not looked through. A story that holds its own
    # pictures has text of its own besides their captions: no photo.
    if (
        len(paragraphs) <= 3
        and not draft.pictures
        and (
            _photo_cue(paragraphs)
            or (draft.trailing_byline and PHOTO_CREDIT_RE.search(draft.byline or ""))
            # signed as a photo report (通讯员 孙伟 摄影报道)
            or (draft.byline or "").replace(" ", "").endswith("摄影报道")
        )
    ):
        return "photo"
    byline = draft.byline or ""
    if (
        draft.standalone_byline
        and not draft.lead
        and "记者" in byline
        and not byline.endswith("报道")
        and not byline.startswith(("(", "（"))
    ):
        return "feature"
    return "news"


def _photo_cue(paragraphs: list[str]) -> bool:
    """Whether a paragraph points at a picture (（图）, 图为…, ▲)."""
    # Paragraph by paragraph: no cue runs over a paragraph's end, and joining them was a copy.
    return any(_PHOTO_CUE_RE.search(paragraph) for paragraph in paragraphs)


def _drop_furniture(
    units: list[Unit], dropped: list[Dropped], signed: dict[int, tuple[str, list[str]]]
) -> tuple[list[Unit], str | None]:
    """Units that belong to a story or a headline; furniture and advertisements go to ``dropped``.
    A furniture line under a headline that names its author (``作者：王明 来源：…``, ``作者：王明``)
    adds the author to ``signed``, by the line of the headline's last unit."""
    masthead: str | None = None
    kept: list[Unit] = []
    # 1: after a 广告 label; 2: inside the block under it, which runs to a blank line (whatever its
    # lines were labelled: an advertisement's slogan reads like a headline)
    advert = 0
    page_broke = False  # a page break was just dropped
    sources: list[str] = []  # the papers the web meta lines' source fields name
    furniture_above = ""  # the furniture line right above, of which a wrap may have cut this one
    # Where the page's first paragraph is: found once, and moved up where a unit above it is made
    # text below (the only change to a role here).
    first_text = _first_text(units)
    for index, unit in enumerate(units):
        if advert == 2 and unit.gap_before:
            advert = 0
        if is_ad_label(unit.text):
            advert = 1
            dropped.append(Dropped(unit.text, "advertisement", unit.line))
        elif advert:
            advert = 2
            dropped.append(Dropped(unit.text, "advertisement", unit.line))
        elif (
            (unit.role == "furniture" and len(unit.text) <= _FURNITURE_MAX_LENGTH)
            # a page number or a jump line, which a page break leaves among the stories
            or is_page_marker(unit.text)
            # an e-paper site's navigation, page label or picture placeholder, kept by a copy
            or is_web_furniture_line(unit.text)
            or (unit.role not in TEXT_ROLES and is_address_or_rule(unit.text))
        ) or (
            unit.role in HEADER_ROLES
            and (
                (index == 0 and is_top_masthead(unit.text, units[1].text if len(units) > 1 else None))
                # the date line above the first story, in a form the labeller never met
                or (index < first_text and is_dated_furniture_line(unit.text))
            )
        ):
            masthead = masthead or masthead_in(unit.text) or _top_masthead(unit, units, index)
            source = source_paper_in(unit.text) or source_paper_in(furniture_above + unit.text)
            if source is not None:
                sources.append(source)
            furniture_above = unit.text
            stray = is_stray_mark(unit.text)
            dropped.append(Dropped(unit.text, "stray-mark" if stray else "page-furniture", unit.line))
            if kept and kept[-1].role in HEADER_ROLES and (author := _author_field(unit.text)) is not None:
                signed.setdefault(kept[-1].line, author)
            # a page break (a page number, a footer, a running header below a story's text) or a
            # stray mark, either of which may have cut a paragraph
            page_broke = (
                page_broke
                or stray
                or is_page_number(unit.text)
                or (bool(kept) and is_running_header(unit.text))
            )
        else:
            furniture_above = ""
            if unit.role == "furniture":  # too long for furniture: text the labeller got wrong
                unit.role = "body"
                first_text = min(first_text, index)
            if page_broke:
                # A paragraph a page break cut goes on here: joined again as one a blank line cut.
                unit.gap_before = True
                page_broke = False
            kept.append(unit)
    return kept, _paper(masthead, sources)


def _author_field(text: str) -> tuple[str, list[str]] | None:
    """The author a furniture line under a headline names, as printed and by name: a web meta
    line's author field, or a signature under a label (作者：张三) the labeller took for one."""
    return parse_label_signature(text) or meta_author(text)


def _paper(masthead: str | None, sources: Sequence[str]) -> str | None:
    """The page's paper: the masthead a furniture line prints, else the one paper the page's web
    meta lines give as their source (an e-paper copy names its own paper so; sources that differ
    are other papers' stories). Where a wrap cut the masthead's first characters off (``江都市日报``
    of ``东江都市日报``), the source's whole name."""
    source = sources[0] if sources and len(set(sources)) == 1 else None
    if masthead is None or (source is not None and source != masthead and source.endswith(masthead)):
        return source
    return masthead


def _section_over_first_story(heads: list[Unit]) -> str | None:
    """The section named over the page's first story: in an e-paper copy's page label
    (第06版：经济), or by a printed page in a short word of its own, read as furniture, right over
    the first headline (城市, 本埠)."""
    for unit in heads:
        if (name := page_label_section(unit.text)) is not None:
            return name
    for unit, below in pairwise(heads):
        if unit.role == "furniture" and below.role in HEADER_ROLES and is_section_word(unit.text):
            return unit.text
    return None


def _first_text(units: list[Unit]) -> int:
    """Where the first paragraph of the page is (the page's length when it has none)."""
    return next((i for i, unit in enumerate(units) if unit.role in TEXT_ROLES), len(units))


def _top_masthead(unit: Unit, units: list[Unit], index: int) -> str | None:
    below = units[index + 1].text if index + 1 < len(units) else None
    return unit.text.replace(" ", "") if index == 0 and is_top_masthead(unit.text, below) else None


def _page_top(units: list[Unit]) -> tuple[TopFurniture, list[Unit]]:
    """The banner and section printed at the top of the page, and the units without them.

    Masthead and date lines above them are looked past; a banner or section line counts whether the
    labeller put it in a headline block or took it for furniture.
    """
    heads: list[int] = []
    for index, unit in enumerate(units[:8]):
        if is_ad_label(unit.text):  # 广告 is a section word too, but here it labels an advertisement
            break
        if not (unit.role == "furniture" and (is_furniture_line(unit.text) or masthead_in(unit.text))):
            heads.append(index)
    heads = heads[:4]
    top = top_furniture(
        [
            Head(
                unspace(units[i].text) or "",
                units[i].role in (*HEADER_ROLES, "furniture") and weight(units[i].text) <= SHORT_WEIGHT,
                units[i].role == "furniture",
            )
            for i in heads
        ]
    )
    if not top.consumed:
        return top, units
    taken = set(heads[: top.consumed])
    return top, [u for i, u in enumerate(units) if i not in taken]


def _heading(units: Sequence[Unit], dropped: list[Dropped]) -> str | None:
    """A kicker's, headline's or subtitle's text: its lines joined, without the mark set before
    each of them for show (kept in ``dropped``, as a markdown heading's ``#`` is), and without the
    spaces of letter spacing."""
    text = join_lines([_unmarked(unit, dropped) for unit in units])
    return None if text is None else unspace(text)


# The brackets some papers and extractions set a whole headline in (【东湖夜市今晚开市】).
_HEADLINE_BRACKETS = {"【": "】", "〖": "〗", "［": "］", "[": "]"}


def _unbracketed(text: str | None, units: Sequence[Unit], dropped: list[Dropped]) -> str | None:
    """A headline's or subtitle's text without the brackets set around all of it for show, which
    go to ``dropped``; a column's tag read as the kicker keeps its own (【民生】)."""
    if not text or _HEADLINE_BRACKETS.get(text[0]) != text[-1]:
        return text
    inner = text[1:-1]
    if text[0] in inner or text[-1] in inner or not inner.strip():
        return text  # two bracketed pieces (【东湖】夜市【开市】): the brackets are the words'
    dropped.append(Dropped(text[0] + text[-1], "headline-mark", units[0].line))
    return inner.strip()


def _unmarked(unit: Unit, dropped: list[Dropped]) -> Unit:
    """A headline line without the mark set before it for show (■ 东湖夜市今晚开市), which goes to
    ``dropped``: a headline broken over two lines may carry one on each."""
    mark, text = split_show_mark(unit.text)
    if not mark:
        return unit
    dropped.append(Dropped(mark, "headline-mark", unit.line))
    # A markdown heading's marks behind the show mark (● ## 标题), where build_units did not
    # look for them.
    if heading := split_markdown_heading(text):
        dropped.append(Dropped(heading[0], "markdown-marker", unit.line))
        text = heading[1]
    return replace(unit, text=text)


_PARTS_FEWEST = 2
# Characters: a round-up's headline is a headline; a shorter line with nothing under it is a column's
# or a section's name (社区动态, 图片新闻) over stories of their own.
_ROUND_UP_HEADLINE_SHORTEST = 7


def _round_ups(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts with each round-up read as one story: a headline with no text under it, over two
    or more parts that each open with a heading over their own reporter's line and no dateline
    (``山乡过年 处处是新气象`` over ``戏台搭起来`` / ``■ 本报记者 赵小川`` / text, and so on). Each part's
    heading and reporter's line are the round-up's text, as the crawls that key such a page give
    them: the parts report one assignment under one headline, not stories of their own. The parts'
    reporters are the round-up's authors."""
    out: list[_Draft] = []
    index = 0
    while index < len(drafts):
        draft = drafts[index]
        out.append(draft)
        end = index + 1
        if draft.title and not draft.body and _headline_weight(draft) >= _ROUND_UP_HEADLINE_SHORTEST:
            while end < len(drafts) and _round_up_part(drafts[end], drafts[index + 1]):
                end += 1
        if end - index - 1 < _PARTS_FEWEST:
            end = index + 1  # a headline over one story, or over none
        for part in drafts[index + 1 : end]:
            _take_part(draft, part)
        index = end
    return out


def _headline_weight(draft: _Draft) -> float:
    return sum(weight(unit.text) for unit in draft.title)


def _round_up_part(draft: _Draft, first: _Draft) -> bool:
    """Whether ``draft`` reads as a round-up's part, headed as its first part ``first`` is: a
    heading over its reporter's line and its text, with no dateline (a story of its own has one)."""
    return (
        bool(draft.title)
        and bool(draft.body)
        and draft.byline is not None
        and opens_with_reporters_role(draft.byline)
        and not draft.lead
        and bool(draft.kicker) == bool(first.kicker)
    )


def _take_part(round_up: _Draft, part: _Draft) -> None:
    heading = [*part.kicker, *part.title, *part.subtitle]
    for unit in heading:
        round_up.add_body(unit.text, unit)
    taken = {id(unit) for unit in heading} | {id(unit) for _, unit in part.body}
    opening = min(unit.line for _, unit in part.body)
    for unit in part.units:  # its reporter's line, between its heading and its text
        if unit.line < opening and id(unit) not in taken:
            round_up.add_body(unit.text, unit)
    for text, unit in part.body:
        round_up.add_body(text, unit)
    round_up.pictures += part.pictures
    round_up.authors += [name for name in part.authors if name not in round_up.authors]


def _build(
    drafts: list[_Draft], dropped: list[Dropped], signed: dict[int, tuple[str, list[str]]]
) -> list[Article]:
    articles: list[Article] = []
    above: tuple[_Draft, Article] | None = None
    for draft in drafts:
        headline = [*draft.kicker, *draft.title, *draft.subtitle]
        if not draft.authors and headline:
            # No byline naming someone (none, or a source credit, 来源：…): the author its web
            # meta line names, as an e-paper prints it.
            author = signed.get(max(unit.line for unit in headline))
            if author is not None:
                draft.set_byline(*author)
        paragraphs = _paragraphs(draft)
        title = _unbracketed(_heading(draft.title, dropped), draft.title, dropped)
        if title is None and not paragraphs and draft.byline is None:
            # Nothing left of it (a lone end mark, a column label with nothing under it).
            if draft.column is not None:
                line = draft.units[0].line if draft.units else 0
                dropped.append(Dropped(draft.column, "column-label", line))
            continue
        lines = [u.line for u in draft.units] + [u.end for u in draft.units]
        article = Article(
            seq=len(articles) + 1,
            title=title,
            paragraphs=paragraphs,
            kicker=_heading(draft.kicker, dropped),
            subtitle=_unbracketed(_heading(draft.subtitle, dropped), draft.subtitle, dropped),
            byline=draft.byline,
            authors=draft.authors,
            column=draft.column,
            kind=_kind(draft, title, paragraphs),
            line_start=min(lines) if lines else 0,
            line_end=max(lines) if lines else 0,
        )
        if above is not None and article.kind == "photo" and article.column is None and draft.trailing_byline:
            # The next credited photo under a photo column, with a caption title of its own.
            above_draft, above_article = above
            if above_article.kind == "photo" and above_draft.trailing_byline:
                article.column = above_article.column
        articles.append(article)
        above = (draft, article)
    return articles


def _table_row_or_meta_line(text: str) -> bool:
    return "|" in text or is_web_meta_line(text)


def _reread_as_labelled(lines: Sequence[Line], roles: Sequence[Role], pairs: HeaderPairs) -> list[Role]:
    """The line rules' roles, read on the page as the labeller read it: on a double-spaced page
    without the spacing's blank lines, so that a line the rules ask about has its neighbours next
    to it (a crosshead between two paragraphs), and the page's own blank lines tell what they tell
    on a page printed as it was set. ``pairs``: the labeller's weighed pairs, by line index."""
    spacing = spacing_blanks([line.text for line in lines])
    if not spacing:
        return reread_roles(lines, roles, pairs)
    kept = [index for index in range(len(lines)) if index not in spacing]
    kept_pairs = renumbered(pairs, {index: at for at, index in enumerate(kept)})
    out = list(roles)
    for index, role in zip(
        kept, reread_roles([lines[i] for i in kept], [roles[i] for i in kept], kept_pairs), strict=True
    ):
        out[index] = role
    return out


def assemble(lines: Sequence[Line], roles: Sequence[Role], pairs: HeaderPairs = NO_PAIRS) -> Assembly:
    """The articles of a page from its normalised lines and one role per line, with how the
    labeller weighed the pairs of short lines that open a block
    (:meth:`~liaocheng_tui.parse.labeller.Labeller.read`), where it was asked.

    ``roles`` shorter than ``lines`` is read as ``body`` for the lines it does not cover.
    """
    dropped: list[Dropped] = []
    padding: list[Role] = ["body"] * (len(lines) - len(roles))
    roles = [*roles, *padding]  # one role a line, for the rules below
    roles = _reread_as_labelled(lines, roles, pairs)
    roles = headlines_across_columns(lines, roles)
    table = markdown_table_lines(lines)
    if table:  # a table's rows are the story's text, each a paragraph of its own
        roles = ["body" if index in table else role for index, role in enumerate(roles)]
    # A web meta line ends no sentence, yet no line goes on from it or on into it; nor does a table's row.
    units = _wrapped_byline_units(
        build_units(lines, dropped, _table_row_or_meta_line if table else is_web_meta_line, roles)
    )
    units = reread_units(units, dropped)
    top, units = _page_top(units)
    section = top.section or _section_over_first_story(units[: _first_text(units)])
    signed: dict[int, tuple[str, list[str]]] = {}
    units, masthead = _drop_furniture(units, dropped, signed)
    units = _remove_duplicates(units, dropped)
    reader = _Reader(units, dropped)
    reader.read(0)
    return Assembly(
        articles=_build(_round_ups(reader.drafts), dropped, signed),
        dropped=dropped,
        masthead=masthead,
        section=section,
        banner=top.banner,
        text="\n".join(u.squeezed for u in units),
    )
