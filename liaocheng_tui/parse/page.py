"""Page parsing. Two parsers live here while the line-role model is brought up to the rule parser
on the seed pages (issue 9):

- :func:`parse_with_labeller`, the new design: normalised lines -> one role per line (the
  packaged CRF model, :mod:`liaocheng_tui.parse.labeller`, or :mod:`liaocheng_tui.parse.fallback`
  when the model cannot be loaded) -> articles (:mod:`liaocheng_tui.parse.assemble`) -> issue
  date and paper. ``python -m liaocheng_tui.parse.evaluate`` measures it.
- :func:`parse_page`, what the app, the CLI and the build use until then: the rule reader below.

The rule reader (units -> stories with headlines, bylines, columns, kinds and dates):

The page is read top to bottom. A story starts at a headline run (short lines) that is followed
by a byline or a dateline paragraph, at a markdown heading, after a closing credit, under a column
label, or where a headline run is followed by a paragraph opening with a day-precise date. A
byline or dateline paragraph without a headline starts a story of its own (a photo caption, or a
story whose headline the extraction lost). Everything else is body text of the story above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from liaocheng_tui.parse.assemble import assemble
from liaocheng_tui.parse.blocks import Shape, Unit, build_units, classify_all, numbered_item
from liaocheng_tui.parse.byline import (
    parse_byline_line,
    parse_end_credit,
    parse_name_line,
    split_lead,
    split_photo_credit,
    split_tail_credit,
)
from liaocheng_tui.parse.chars import ends_sentence, weight
from liaocheng_tui.parse.clean import clean_body, continues, duplicate_keeper, join_text
from liaocheng_tui.parse.dates import date_page, starts_with_dateline
from liaocheng_tui.parse.fallback import shape_roles
from liaocheng_tui.parse.furniture import (
    Head,
    is_ad_label,
    is_furniture_line,
    is_top_masthead,
    masthead_in,
    top_furniture,
)
from liaocheng_tui.parse.headers import (
    COMMENTARY_COLUMN_RE,
    ColumnLabel,
    column_label,
    split_headline,
    unspace,
)
from liaocheng_tui.parse.models import Article, ArticleKind, Dropped, Page
from liaocheng_tui.parse.normalize import normalize_lines, split_lines
from liaocheng_tui.parse.publication import infer_publication
from liaocheng_tui.parse.roles import Role

_HEADLINE_SHAPES = (Shape.SHORT, Shape.DASH, Shape.HEADING)
_NOTICE_RE = re.compile(r"(?:启事|启示|公告|通告|通知|声明|公示|须知|征稿|征文|招聘|讣告|告知书|倡议书)$")
_PHOTO_CUE_RE = re.compile(r"[(（](?:[上下左右中]?图|见图|附图|图[一二三四五六1-9])[)）]|图为|▲")
_PHOTO_CREDIT_RE = re.compile(r"摄影?$")
_DUPLICATE_MIN_WEIGHT = 15
# The mark that closes a wire story: （完）
_END_MARK_RE = re.compile(r"\s?[(（]\s?完\s?[)）]$")
# A numbered crosshead inside a long piece: 一、…, （二）…, 第三，…
_NUMBERED_HEAD_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[，、,])"
)
# A source line closing a reprinted item: 来源：新华社, （来源：人民网）
_SOURCE_RE = re.compile(r"^[(（]?\s*(?:稿件)?来源\s*[:：]\s*[^\s:：]{2,20}\s*[)）]?$")


@dataclass
class _Draft:
    """A story while the page is being read."""

    headline: list[Unit] = field(default_factory=list)
    column: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    standalone_byline: bool = False
    brief: bool = False
    credit_at_end: bool = False
    lead: bool = False
    credit: bool = False
    trailing_byline: bool = False
    body: list[tuple[str, Unit]] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)

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


class _Reader:
    """Reads classified units into drafts, recording what it drops."""

    def __init__(self, units: list[Unit], dropped: list[Dropped]) -> None:
        self.units = units
        self.dropped = dropped
        self.drafts: list[_Draft] = []
        self.current: _Draft | None = None
        self.closed = False  # the story above ended with a closing credit
        self.inherit = False  # ...a signed credit, so that the next piece stays in its column
        self.last_item = 0  # the number of the last numbered brief item read
        self.indent_page = len(units) >= 4 and sum(u.indented for u in units) >= 0.3 * len(units)

    def start(self, draft: _Draft) -> _Draft:
        self.last_item = 0
        self.drafts.append(draft)
        self.current = draft
        self.closed = False
        self.inherit = False
        return draft

    def _in_briefs(self) -> bool:
        """True under a column label that opened an empty story, or right after a brief item."""
        above = self.current
        return above is not None and (
            above.brief
            or (not above.headline and not above.body and above.byline is None and above.column is not None)
        )

    def _numbered(self, unit: Unit) -> bool:
        """A numbered brief item (１．标题句。正文…) under a column label or after the item before
        it: its short first sentence, if it has one, is its headline. The numbers must count up
        from 1, so that a paragraph opening with a decimal (3.5万元…) is not taken for an item."""
        item = numbered_item(unit.text)
        if item is None or not self._in_briefs() or item.value != self.last_item + 1:
            return False
        self.dropped.append(Dropped(item.marker, "item-number", unit.line))
        self._brief(unit, item.title or "", item.rest)
        self.last_item = item.value
        return True

    def _brief(self, unit: Unit, title: str | None = None, rest: str | None = None) -> None:
        """A brief item (简讯): its bold or bracketed lead is its headline."""
        title = title if title is not None else unit.brief or ""
        above = self.current
        if above is not None and not above.headline and not above.body and above.byline is None:
            draft = above  # the column label opened an empty story: this brief fills it
        else:
            column = above.column if above is not None and above.brief else None
            draft = self.start(_Draft(column=column))
        draft.brief = True
        draft.headline = [Unit(title, unit.line, unit.line, shape=Shape.SHORT)] if title else []
        if rest is None:
            rest = unit.text
            for opener, closer in (("【", "】"), ("", "")):
                if rest.startswith(opener + title + closer):
                    rest = rest[len(opener + title + closer) :].lstrip()
                    break
        self._body(draft, rest, unit)

    def _source(self, draft: _Draft, unit: Unit) -> None:
        """A source line closes a reprinted item whose headline the reader took for a crosshead:
        the last headline-shaped line of the story, after a finished sentence, starts the item."""
        target = draft
        for at in range(len(draft.body) - 1, 0, -1):
            head = draft.body[at][1]
            if (
                head.shape is Shape.SHORT
                and ends_sentence(draft.body[at - 1][0])
                and at < len(draft.body) - 1
            ):
                moved = draft.body[at + 1 :]
                del draft.body[at:]
                cut = draft.units.index(head) if head in draft.units else len(draft.units)
                taken = draft.units[cut:]
                del draft.units[cut:]
                target = self.start(_Draft(headline=[head], body=moved, units=taken))
                break
        target.take(unit)
        if target.byline is None:
            target.set_byline(" ".join(unit.text.split()), [])
        else:
            target.body.append((unit.text, unit))
        self.closed = True

    def _end_mark(self, draft: _Draft | None, text: str, unit: Unit) -> str:
        """Strip a wire story's closing mark (（完）), recording it; the story has ended."""
        match = _END_MARK_RE.search(text)
        if match is None:
            return text
        self.dropped.append(Dropped(match.group(0).strip(), "end-mark", unit.end))
        self.closed = True
        if draft is not None:
            draft.take(unit)
        return text[: match.start()].rstrip()

    def _body(self, draft: _Draft, text: str, unit: Unit) -> None:
        text = self._end_mark(draft, text, unit)
        if not text:
            return
        photo = split_photo_credit(text) if unit.shape is Shape.PARA else None
        if photo is not None:  # a caption closed by its credit (…作业。 记者 张晨 摄)
            if draft.body or draft.byline is not None:
                draft = self.start(_Draft(column=draft.column if draft.trailing_byline else None))
            draft.set_byline(photo[1], photo[2])
            draft.trailing_byline = True
            draft.add_body(photo[0], unit)
            self.closed = True
            return
        tail = split_tail_credit(text) if unit.shape is Shape.PARA else None
        if tail is not None:
            if draft.byline is None:
                text = tail[0]
                draft.set_byline(tail[1], tail[2])
                draft.credit_at_end = True
            draft.add_body(text, unit)
            self.closed = True
            return
        draft.add_body(text, unit)

    def read(self, index: int) -> None:
        units = self.units
        while index < len(units):
            unit = units[index]
            if unit.level == 0 and _END_MARK_RE.fullmatch(unit.squeezed):
                self._end_mark(self.current, unit.text, unit)
                index += 1
            elif self.current is not None and unit.level == 0 and _SOURCE_RE.match(unit.squeezed):
                self._source(self.current, unit)
                index += 1
            elif unit.shape in _HEADLINE_SHAPES:
                index = self._headline_run(index)
            elif unit.shape is Shape.BYLINE:
                index = self._byline(index)
            elif unit.shape is Shape.LEAD:
                draft = self.start(_Draft())
                self._lead(draft, unit)
                index += 1
            elif unit.shape is Shape.CREDIT:
                self._credit(unit)
                index += 1
            elif unit.brief:
                self._brief(unit)
                index += 1
            elif unit.shape is Shape.PARA and self._numbered(unit):
                index += 1

            else:
                above = self.current
                if above is not None and self.closed and above.trailing_byline:
                    # A caption after a credited photo is the next photo, in the same column.
                    draft = self.start(_Draft(column=above.column))
                else:
                    draft = above or self.start(_Draft())
                self._body(draft, unit.text, unit)
                index += 1

    def _headline_run(self, index: int) -> int:
        units = self.units
        end = index
        while end < len(units) and units[end].shape in _HEADLINE_SHAPES:
            end += 1
        run = units[index:end]
        following = units[end] if end < len(units) else None
        anchored = following is not None and following.shape in (Shape.BYLINE, Shape.LEAD)
        body_follows = following is not None and following.shape in (Shape.PARA, Shape.CROSSHEAD)
        label = column_label(run, body_follows)
        rest = run[label.consumed :] if label else run
        previous = units[index - 1] if index > 0 else None
        dated = (
            body_follows
            and following is not None
            and starts_with_dateline(following.squeezed)
            and (previous is None or previous.shape is not Shape.PARA or ends_sentence(previous.text))
        )
        titled = len(rest) >= 2 and any(u.shape is Shape.DASH for u in rest[1:])
        # On an indented page, a flush-left headline between two indented paragraphs starts a story.
        flush = (
            self.indent_page
            and body_follows
            and following is not None
            and following.indented
            and previous is not None
            and previous.indented
            and ends_sentence(previous.text)
            and not any(u.indented for u in run)
        )
        starts = (
            anchored
            or label is not None
            or any(u.shape is Shape.HEADING for u in run)
            or self.current is None
            or self.closed
            or dated
            or titled
            or flush
        )
        if not starts and self.current is not None:  # short lines inside a story: crossheads
            for unit in run:
                self.current.add_body(unit.text, unit)
            return end
        above = self.current
        if label is not None and above is not None and above.trailing_byline and above.column is None:
            # A label printed under a captioned photo names the photo's column.
            above.column = label.name
            self._take_label(above, label)
            label = None
        if not rest and not anchored and not body_follows:
            if label is not None:  # a label with nothing under it: keep its text, attach it nowhere
                for unit in [*label.units, *label.descriptor]:
                    self.dropped.append(Dropped(unit.text, "column-label", unit.line))
            return end
        inherited = (
            above.column if self.inherit and above is not None and label is None and not anchored else None
        )
        draft = self.start(_Draft(headline=list(rest)))
        draft.column = label.name if label else inherited
        if label:
            self._take_label(draft, label)
        for unit in rest:
            draft.take(unit)
        position = end
        if position < len(units) and units[position].shape is Shape.BYLINE:
            self._standalone_byline(draft, units[position])
            position += 1
        if position < len(units) and units[position].shape is Shape.LEAD:
            self._lead(draft, units[position])
            position += 1
        return position

    def _take_label(self, draft: _Draft, label: ColumnLabel) -> None:
        for unit in label.units:
            draft.take(unit)
        for unit in label.descriptor:
            draft.take(unit)
            self.dropped.append(Dropped(unit.text, "column-descriptor", unit.line))

    def _standalone_byline(self, draft: _Draft, unit: Unit) -> None:
        parsed = parse_byline_line(unit.text) or parse_name_line(unit.text) or parse_end_credit(unit.text)
        if parsed:
            draft.set_byline(*parsed)
            draft.standalone_byline = True
        draft.take(unit)

    def _lead(self, draft: _Draft, unit: Unit) -> None:
        lead = split_lead(unit.text)
        draft.take(unit)
        if lead is None:
            draft.add_body(unit.text, unit)
            return
        draft.lead = True
        if lead.byline:
            draft.set_byline(lead.byline, lead.authors)
        elif lead.dateline:
            if draft.byline is None:
                draft.byline = lead.dateline
            else:
                self.dropped.append(Dropped(lead.dateline, "dateline", unit.line))
        if lead.rest.strip():
            draft.body.append((lead.rest, unit))

    def _byline(self, index: int) -> int:
        unit = self.units[index]
        following = self.units[index + 1] if index + 1 < len(self.units) else None
        above = self.current
        trailing = following is None or following.shape not in (Shape.PARA, Shape.LEAD, Shape.CROSSHEAD)
        # A photo credit (记者 X 摄) closes the caption printed above it.
        photo_credit = bool(re.search(r"摄影?$", unit.text.strip()))
        trailing = trailing or photo_credit
        if trailing and above is not None and above.body:
            if (not above.headline or photo_credit) and above.byline is None and len(above.body) == 1:
                self._standalone_byline(above, unit)
                above.trailing_byline = True
                self.closed = True
                return index + 1
            caption_text, caption_unit = above.body.pop()
            if caption_unit in above.units and all(t[1] is not caption_unit for t in above.body):
                above.units.remove(caption_unit)
            draft = self.start(
                _Draft(trailing_byline=True, column=above.column if above.trailing_byline else None)
            )
            draft.add_body(caption_text, caption_unit)
            self._standalone_byline(draft, unit)
            self.closed = True
            return index + 1
        draft = self.start(_Draft())
        self._standalone_byline(draft, unit)
        if following is not None and following.shape is Shape.LEAD:
            self._lead(draft, following)
            return index + 2
        return index + 1

    def _credit(self, unit: Unit) -> None:
        parsed = parse_end_credit(unit.text)
        draft = self.current or self.start(_Draft())
        draft.take(unit)
        if parsed and draft.byline is None:
            draft.set_byline(*parsed)
            draft.credit = True
        elif parsed:
            draft.body.append((unit.text, unit))
            # An author note under a signed piece (作者为…教授) marks it as commentary.
            draft.credit = draft.credit or (not parsed[1] and draft.standalone_byline)
        self.closed = True
        self.inherit = True


def _remove_duplicates(units: list[Unit], dropped: list[Dropped]) -> list[Unit]:
    """Drop body paragraphs printed more than once, keeping the copy that fits its context."""
    groups: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        if unit.shape in (Shape.PARA, Shape.LEAD) and weight(unit.text) >= _DUPLICATE_MIN_WEIGHT:
            groups.setdefault(unit.squeezed.replace(" ", ""), []).append(index)
    page_text = "\n".join(u.squeezed for u in units)
    remove: set[int] = set()
    for indexes in groups.values():
        if len(indexes) < 2:
            continue
        candidates = [(units[i - 1].squeezed if i > 0 else "", units[i].squeezed) for i in indexes]
        keep = indexes[duplicate_keeper(candidates, page_text)]
        for i in indexes:
            if i != keep:
                remove.add(i)
                dropped.append(Dropped(units[i].text, "duplicate-paragraph", units[i].line))
    return [u for i, u in enumerate(units) if i not in remove]


def _paragraphs(draft: _Draft) -> list[str]:
    """Cleaned body paragraphs with sentences broken by the layout joined again."""
    paragraphs: list[list[str]] = []  # each paragraph as the pieces it was joined from
    view = ""  # the open paragraph, or its two ends when it is long (keeps joining linear)
    previous_head = False
    for text, unit in draft.body:
        cleaned = clean_body(text)
        if not cleaned:
            continue
        head = unit.shape is Shape.CROSSHEAD or (
            unit.shape is Shape.SHORT and _NUMBERED_HEAD_RE.match(cleaned) is not None
        )
        if paragraphs and not previous_head and not head and unit.gap_before and continues(view, cleaned):
            paragraphs[-1].append(join_text(paragraphs[-1][-1][-1:], cleaned)[1:])
            view = join_text(view, cleaned)
        else:
            paragraphs.append([cleaned])
            view = cleaned
        if len(view) > 160:
            view = view[:60] + view[-60:]
        previous_head = head
    return ["".join(parts) for parts in paragraphs]


def _kind(draft: _Draft, title: str | None, paragraphs: list[str]) -> ArticleKind:
    body = "\n".join(paragraphs)
    if title and _NOTICE_RE.search(title.replace(" ", "")):
        return "notice"
    reported = bool(draft.byline and re.search(r"记者|通讯员|实习生", draft.byline))
    if (draft.credit and not reported) or (
        draft.column and COMMENTARY_COLUMN_RE.search(draft.column.replace(" ", ""))
    ):
        return "commentary"
    if draft.byline and "评论员" in draft.byline:
        return "commentary"
    if title is None:
        if draft.brief and not draft.trailing_byline:
            return "news"  # a numbered brief item without a headline sentence
        if draft.trailing_byline or draft.column or _PHOTO_CUE_RE.search(body):
            return "photo"
        if draft.standalone_byline and not draft.lead:
            return "photo"
        return "news"
    if (
        _PHOTO_CUE_RE.search(body) or (draft.trailing_byline and _PHOTO_CREDIT_RE.search(draft.byline or ""))
    ) and len(paragraphs) <= 3:
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


def parse_page(
    text: str,
    source: str = "<page>",
    publication: str | None = None,
    *,
    path: str | None = None,
    issue_date: str | None = None,
) -> Page:
    """Parse one page of newspaper text into its stories. Pure: never raises on any ``str``.

    ``path`` is the file's path as the user gave it (``source`` when None): a date in its name
    or folders is the issue date when the page prints none. ``issue_date`` (``YYYY-MM-DD``) is
    the user's date for pages that give no date of their own (``build --date``).
    """
    dropped: list[Dropped] = []
    units = build_units(normalize_lines(text), dropped, is_furniture_line)
    classify_all(units)

    masthead: str | None = None
    kept: list[Unit] = []
    advert = 0  # 1: after a 广告 label; 2: inside the block under it, which runs to a blank line
    for index, unit in enumerate(units):
        if advert == 2 and unit.gap_before:
            advert = 0
        # A converter may have made the masthead a level-1 heading (# 某某日报).
        level = 0 if unit.level == 1 and masthead_in(unit.text) else unit.level
        if level == 0 and is_ad_label(unit.text):
            advert = 1
            dropped.append(Dropped(unit.text, "advertisement", unit.line))
        elif advert:
            advert = 2
            dropped.append(Dropped(unit.text, "advertisement", unit.line))
        elif level == 0 and is_furniture_line(unit.text):
            masthead = masthead or masthead_in(unit.text)
            dropped.append(Dropped(unit.text, "page-furniture", unit.line))
        elif (
            index == 0
            and level == 0
            and is_top_masthead(unit.text, units[1].text if len(units) > 1 else None)
        ):
            masthead = unit.text.replace(" ", "")
            dropped.append(Dropped(unit.text, "page-furniture", unit.line))
        else:
            kept.append(unit)
    units = _remove_duplicates(kept, dropped)

    furniture = top_furniture(
        [Head(u.text, u.shape in (Shape.SHORT, Shape.HEADING), u.shape is Shape.SHORT) for u in units[:4]]
    )
    reader = _Reader(units, dropped)
    reader.read(furniture.consumed)

    drafts = reader.drafts
    built: list[tuple[_Draft, Article]] = []
    for seq, draft in enumerate(drafts, start=1):
        paragraphs = _paragraphs(draft)
        commentary = draft.credit or bool(
            draft.column and COMMENTARY_COLUMN_RE.search(draft.column.replace(" ", ""))
        )
        head = split_headline(draft.headline, commentary)
        lines = [u.line for u in draft.units] + [u.end for u in draft.units]
        article = Article(
            seq=seq,
            title=unspace(head.title),
            paragraphs=paragraphs,
            kicker=unspace(head.kicker),
            subtitle=unspace(head.subtitle),
            byline=draft.byline,
            authors=draft.authors,
            column=draft.column,
            kind="news",
            line_start=min(lines) if lines else 0,
            line_end=max(lines) if lines else 0,
        )
        article.kind = _kind(draft, head.title, paragraphs)
        if built and article.kind == "photo" and article.column is None and draft.trailing_byline:
            # The next credited photo under a photo column, with a caption title of its own.
            above_draft, above = built[-1]
            if above.kind == "photo" and above_draft.trailing_byline:
                article.column = above.column
        built.append((draft, article))

    furniture_lines = [d.text for d in dropped if d.reason == "page-furniture"]
    issue = date_page(
        [a for _, a in built], furniture_lines, path=source if path is None else path, user_date=issue_date
    )

    lead_datelines = [a.byline or "" for _, a in built] + [d.text for d in dropped if d.reason == "dateline"]
    if publication is None:
        publication = masthead or infer_publication(lead_datelines, "\n".join(u.squeezed for u in units))
    return Page(
        source=source,
        articles=[a for _, a in built],
        dropped=dropped,
        publication=publication,
        date=issue.value,
        date_source=issue.source,
        section=furniture.section,
        banner=furniture.banner,
    )


def label_page(lines: Sequence[str]) -> list[Role]:
    """One role per line: the packaged model's, or the shape-based fallback's when the model
    cannot be loaded."""
    try:
        from liaocheng_tui.parse.labeller import ModelUnavailable, label_lines
    except ImportError:  # the labeller or its CRF library is not installed
        return shape_roles(lines)
    try:
        roles: list[Role] = label_lines(lines)
    except ModelUnavailable:
        return shape_roles(lines)
    return roles


def parse_with_labeller(
    text: str,
    source: str = "<page>",
    publication: str | None = None,
    *,
    path: str | None = None,
    issue_date: str | None = None,
) -> Page:
    """:func:`parse_page` by the new design: each line labelled with its role, then assembled.
    Pure: never raises on any ``str``."""
    return parse_labelled(
        text, label_page(split_lines(text)), source, publication, path=path, issue_date=issue_date
    )


def parse_labelled(
    text: str,
    roles: Sequence[Role],
    source: str = "<page>",
    publication: str | None = None,
    *,
    path: str | None = None,
    issue_date: str | None = None,
) -> Page:
    """:func:`parse_page` with the roles of the lines (``split_lines(text)``) given: the corpus's
    gold labels, when the evaluation measures the assembler alone."""
    assembly = assemble(normalize_lines(text), roles)
    dropped = assembly.dropped
    furniture_lines = [d.text for d in dropped if d.reason == "page-furniture"]
    issue = date_page(
        assembly.articles, furniture_lines, path=source if path is None else path, user_date=issue_date
    )

    lead_datelines = [a.byline or "" for a in assembly.articles]
    lead_datelines += [d.text for d in dropped if d.reason == "dateline"]
    if publication is None:
        publication = assembly.masthead or infer_publication(lead_datelines, assembly.text)
    return Page(
        source=source,
        articles=assembly.articles,
        dropped=dropped,
        publication=publication,
        date=issue.value,
        date_source=issue.source,
        section=assembly.section,
        banner=assembly.banner,
    )
