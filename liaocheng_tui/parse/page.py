"""Page parsing: normalised lines -> one role per line (the line labeller) -> articles (the
assembler) -> the issue date and the paper.

The roles come from the packaged line-role model (:mod:`liaocheng_tui.parse.labeller`). Where
the model cannot be loaded (a broken install), :mod:`liaocheng_tui.parse.fallback` labels the
lines from their shape instead, so parsing still works, less well. How labelled lines make
articles is :mod:`liaocheng_tui.parse.assemble`'s docstring.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from itertools import pairwise
from typing import Any

from liaocheng_tui.parse.assemble import assemble
from liaocheng_tui.parse.blocks import split_markdown_heading
from liaocheng_tui.parse.chars import ScriptFold, ends_sentence, page_script_fold
from liaocheng_tui.parse.columns import read_columns
from liaocheng_tui.parse.dates import date_page
from liaocheng_tui.parse.fallback import shape_roles
from liaocheng_tui.parse.front_matter import blanked, read_front_matter, with_front_matter
from liaocheng_tui.parse.furniture import (
    FOLLOW_BUTTONS,
    headline_lists,
    index_entries,
    is_account_header,
    is_page_number,
    is_related_label,
    is_web_furniture_line,
    link_references,
    running_headers,
    spacing_blanks,
    stray_marks,
)
from liaocheng_tui.parse.headers import is_column_tag
from liaocheng_tui.parse.line_rules import headline_shaped
from liaocheng_tui.parse.models import Dropped, Page
from liaocheng_tui.parse.normalize import Line, lines_of, normalize_lines, split_lines
from liaocheng_tui.parse.publication import infer_publication
from liaocheng_tui.parse.records import parse_records
from liaocheng_tui.parse.repair import lost_characters, repair_page
from liaocheng_tui.parse.roles import HEADER_ROLES, NO_PAIRS, HeaderPairs, Reading, Role, renumbered


def label_page(lines: Sequence[str], normalised: Sequence[Line] | None = None) -> list[Role]:
    """One role per line: the packaged model's, or the shape-based fallback's when the model
    cannot be loaded. ``normalised`` is ``lines_of(lines)`` where the caller has it already."""
    return read_page(lines, normalised).roles


def read_page(lines: Sequence[str], normalised: Sequence[Line] | None = None) -> Reading:
    """:func:`label_page`, and how the model would read the pairs of short lines that open a block
    as a header (:meth:`~liaocheng_tui.parse.labeller.Labeller.read`; none without the model)."""
    try:
        from liaocheng_tui.parse.labeller import ModelUnavailable, read_lines
    except ImportError:  # the labeller or its CRF library is not installed
        return Reading(shape_roles(lines), NO_PAIRS)
    try:
        return read_lines(lines, normalised)
    except ModelUnavailable:
        return Reading(shape_roles(lines), NO_PAIRS)


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
    the user's date for pages that give no date of their own (``build --date``). What extraction
    tools did to the whole page (markup, entities, OCR letter spacing, vertical headlines) is
    repaired first (:mod:`liaocheng_tui.parse.repair`), and columns set side by side are read one
    after another (:mod:`liaocheng_tui.parse.columns`); line numbers stay those of ``text``. A page
    an archive exported as labelled records is read by its labels (:mod:`liaocheng_tui.parse.records`).
    """
    repaired = repair_page(text)
    raws = split_lines(repaired)
    front = read_front_matter(raws)
    given = _Given(source, publication, path, issue_date)
    if front is None:
        page = _parse_text(repaired, raws, given)
    else:
        # The block's date is printed over the story, as a masthead's is.
        printed = (date,) if (date := front.fields.get("date")) else ()
        page = _parse_text(blanked(raws, front), None, replace(given, printed_dates=printed))
        page = with_front_matter(page, front)
    lost = lost_characters(text, repaired)
    if not lost:
        return page
    # What OCR misread and the repair read back (a column rule as 丨, a dash as 一一, a box as 口).
    misread = [Dropped(characters, "ocr-mark", number) for number, characters in lost]
    return replace(page, dropped=[*misread, *page.dropped])


@dataclass(frozen=True)
class _Given:
    """What the caller says of a page (see :func:`parse_page`), and the dates a metadata block over
    it printed (:mod:`liaocheng_tui.parse.front_matter`)."""

    source: str
    publication: str | None
    path: str | None
    issue_date: str | None
    printed_dates: tuple[str, ...] = ()


def _parse_text(text: str, raws: list[str] | None, given: _Given) -> Page:
    """:func:`parse_page` on the repaired text (``raws`` its lines, where the caller has them)."""
    raws = split_lines(text) if raws is None else raws
    records = parse_records(
        raws, given.source, given.publication, given.path or given.source, given.issue_date
    )
    if records is not None:
        return records
    columns = read_columns(text)
    if columns is not None:
        text = columns.text
        raws = split_lines(text)
    lines = lines_of(raws)  # normalised once, for the labeller and the assembler
    reading = _labelled(raws, lines)
    page = _parse(text, lines, reading.roles, given, reading.pairs)
    return page if columns is None else _numbered_as_given(page, columns.source_lines)


def _labelled(raws: list[str], lines: Sequence[Line]) -> Reading:
    """The page's roles and weighed pairs (:func:`read_page`), with what the labeller never met
    taken out of its way and labelled furniture: what an e-paper site prints around its stories
    (上一版 下一版, 扫码看视频, [图片]) is shown to it as a blank line, as it stands between stories; a
    page break (:func:`_page_breaks`) is left out, as it falls anywhere, inside a paragraph too;
    and on a double-spaced page, so are the spacing's blank lines
    (:func:`~liaocheng_tui.parse.furniture.spacing_blanks`)."""
    web = {index for index, raw in enumerate(raws) if is_web_furniture_line(raw)}
    web |= _related_links(raws, web) | index_entries(raws) | headline_lists(raws) | _account_lines(raws, web)
    web |= link_references(raws)
    tags = _column_tags(raws)
    web |= tags
    left_out = _page_breaks(raws, web)
    remaining = [index for index in range(len(raws)) if index not in left_out]
    # A web furniture line stands for a blank line here too.
    spaced = spacing_blanks(["" if index in web else raws[index] for index in remaining])
    left_out |= {remaining[i] for i in spaced}
    if not web and not left_out:
        reading = read_page(raws, lines)
        return Reading(_alike_headings_read(raws, reading.roles), reading.pairs)
    roles: list[Role] = ["furniture" if raw.strip() else "blank" for raw in raws]
    kept = [index for index in range(len(raws)) if index not in left_out]
    shown = ["" if index in web else raws[index] for index in kept]
    reading = read_page(shown)
    for index, role in zip(kept, _alike_headings_read(shown, reading.roles), strict=True):
        roles[index] = "furniture" if index in web else role
    for index in tags:
        below = _line_under(raws, index)
        roles[index] = "kicker" if below is not None and roles[below] in HEADER_ROLES else "body"
    return Reading(roles, renumbered(reading.pairs, dict(enumerate(kept))))


def _column_tags(raws: Sequence[str]) -> set[int]:
    """The lines that are a column's tag in square brackets (``【民生】``) over a short line: the
    labeller, which never met one, reads such a tag over a headline as the headline and the
    headline as its subtitle; it is shown a blank line there, as for web furniture, and a tag over
    a headline is its kicker. (A tag under a mark, ``■城事``, is shown: a short headline is marked
    so too, and the line rules tell the two apart by what stands under them.) A box's label over
    its text (``【数据】``, ``【说法】`` over a paragraph) is shown too."""
    tags: set[int] = set()
    for index, raw in enumerate(raws):
        text = raw.strip()
        if text[:1] not in _BRACKETS_OPENING or not is_column_tag(text):
            continue
        below = _line_under(raws, index)
        if below is not None and headline_shaped(raws[below].strip()):
            tags.add(index)
    return tags


def _line_under(raws: Sequence[str], index: int) -> int | None:
    """The index of the next line of text under ``raws[index]``, blank lines passed over."""
    return next((other for other in range(index + 1, len(raws)) if raws[other].strip()), None)


_BRACKETS_OPENING = frozenset("【[［〔")


def _headlines_marked_alone(
    raws: Sequence[str], roles: Sequence[Role], marked: dict[int, tuple[str, str]]
) -> bool:
    """Whether a line read as a kicker or a subtitle stands unmarked next to a marked headline line
    (blank lines aside): the page marks its headlines alone."""
    filled = [index for index, raw in enumerate(raws) if raw.strip()]
    return any(
        roles[index] in ("kicker", "subtitle")
        and index not in marked
        and any(roles[other] == "title" and other in marked for other in pair if other != index)
        for pair in pairwise(filled)
        for index in pair
    )


def _alike_headings_read(
    raws: Sequence[str], roles: list[Role], label: Callable[[Sequence[str]], list[Role]] = label_page
) -> list[Role]:
    """The roles, on a page whose converter marked every headline line as a markdown heading of one
    level (MinerU marks kicker, headline and subtitle alike: ``# 国办印发意见`` / ``# 切实支持小微企业``),
    with each run of such lines the labeller read as one headline read as the page reads without
    its marks. The labeller learnt the mark from pages that mark headlines alone (a kicker or a
    subtitle unmarked, or marked a level deeper), where a run of marked lines is one headline
    broken over two lines, and reads every such run so. ``label`` labels the page without its
    marks."""
    marked = {  # each marked line's marks and text
        index: heading
        for index, raw in enumerate(raws)
        if "#" in raw and (heading := split_markdown_heading(raw.strip()))
    }
    levels = {marks for marks, _ in marked.values()}
    if not marked or len(levels) > 1 or _headlines_marked_alone(raws, roles, marked):
        return roles  # most pages; or the page marks its headlines alone, or its levels tell them apart
    runs: list[list[int]] = []
    run: list[int] = []
    for index in marked:
        if roles[index] == "title" and run and all(not raw.strip() for raw in raws[run[-1] + 1 : index]):
            run.append(index)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [index] if roles[index] == "title" else []
    if len(run) > 1:
        runs.append(run)
    if not runs:
        return roles
    unmarked = label([marked[index][1] if index in marked else raw for index, raw in enumerate(raws)])
    out = list(roles)
    for run in runs:
        read = [unmarked[index] for index in run]
        if all(role in HEADER_ROLES for role in read) and 0 < read.count("title") < len(read):
            for index, role in zip(run, read, strict=True):
                out[index] = role
    return out


_RELATED_LINK_LONGEST = 40  # characters: a linked headline, not a paragraph
_LIST_MARK_RE = re.compile(r"^(?:[-*+•·]|\d{1,2}[.、])[ \t]+")  # a markdown or plain list's item mark


def _related_links(raws: Sequence[str], web: set[int]) -> set[int]:
    """The lines of a web page's list of related stories: under its label (相关新闻：, 往期推荐),
    after a blank line at most, each a headline (short, flush left or opening with a list's mark,
    ending no sentence), up to the next blank line; where a blank line stands under the label (a
    page that sets one between every two lines, as a copied public-account article does), up to
    two blank lines in a row."""
    found: set[int] = set()
    for index in sorted(web):
        if not is_related_label(raws[index]):
            continue
        below = index + 1
        spaced = below + 1 < len(raws) and not raws[below].strip()
        if spaced:
            below += 1  # a converter's blank line under the label
        while below < len(raws):
            line = raws[below]
            if not line.strip():
                if spaced and below + 1 < len(raws) and raws[below + 1].strip():
                    below += 1
                    continue
                break
            item = _LIST_MARK_RE.sub("", line, count=1)
            if len(item.strip()) > _RELATED_LINK_LONGEST or item[:1].isspace() or ends_sentence(item):
                break  # a paragraph: long, indented (an ideographic space too) or a sentence
            found.add(below)
            below += 1
    return found


_ACCOUNT_NAME_LONGEST = 16  # characters


def _account_lines(raws: Sequence[str], web: set[int]) -> set[int]:
    """A news app's account block over a copied article: the follow button (关注) under the
    account's header (``2026-12-04 10:20山东官方账号``), and the account's name over it (blank
    lines between them too, as a double-spaced copy sets them)."""
    found: set[int] = set()
    for index in sorted(web):  # most pages have no web furniture, and few lines of it
        if not is_account_header(raws[index].strip()):
            continue
        below = next((at for at in range(index + 1, len(raws)) if raws[at].strip()), None)
        if below is None or raws[below].strip() not in FOLLOW_BUTTONS:
            continue
        found.add(below)
        above = next((at for at in range(index - 1, -1, -1) if raws[at].strip()), None)
        if above is not None:
            name = raws[above].strip()
            if len(name) <= _ACCOUNT_NAME_LONGEST and not ends_sentence(name):
                found.add(above)
    return found


def _page_breaks(raws: Sequence[str], web: set[int]) -> set[int]:
    """The page's page breaks (a page number, a PDF page's footer, a running header below a story's
    text: ``- 3 -``, ``第 3 页``, ``某某日报 2026年7月17日 第3版``) and OCR's stray marks (``|``,
    ``■`` alone on a line), which fall anywhere as they do, and the blank lines that went with
    them: on a double-spaced page all the blank lines around one; on another page, when it stood
    between blank lines, one of them, or both where it broke a paragraph."""
    markers = {index for index in running_headers(raws) if index not in web}
    markers |= {index for index, raw in enumerate(raws) if is_page_number(raw)} - web
    markers |= set(stray_marks(raws)) - web
    if not markers:
        return set()
    left_out = set(markers)
    spaced = bool(spacing_blanks([raw for index, raw in enumerate(raws) if index not in markers]))
    for index in markers:
        if spaced:
            for step in (-1, 1):
                blank = index + step
                while 0 <= blank < len(raws) and not raws[blank].strip():
                    left_out.add(blank)
                    blank += step
        elif 0 < index < len(raws) - 1 and not raws[index - 1].strip() and not raws[index + 1].strip():
            left_out.add(index + 1)
            text_above = next((raws[i] for i in range(index - 1, -1, -1) if raws[i].strip()), "")
            if text_above and not ends_sentence(text_above):
                left_out.add(index - 1)
    return left_out


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
    text = repair_page(text)
    return _parse(text, normalize_lines(text), roles, _Given(source, publication, path, issue_date))


def _parse(
    text: str, lines: Sequence[Line], roles: Sequence[Role], given: _Given, pairs: HeaderPairs = NO_PAIRS
) -> Page:
    """The page from its repaired text (:func:`~liaocheng_tui.parse.repair.repair_page`), its
    normalised lines, their roles and the labeller's weighed pairs (:func:`read_page`).

    A page in traditional script is read in simplified form, which the byline, dateline and
    furniture grammars are written in, and its fields are given back as printed.
    """
    script = page_script_fold(text)
    if script is not None:
        # Folding writes one Han character for another, which normalisation never touches.
        lines = [replace(line, text=script.fold(line.text)) for line in lines]
    assembly = assemble(lines, roles, pairs)
    dropped = assembly.dropped
    furniture_lines = [*given.printed_dates, *(d.text for d in dropped if d.reason == "page-furniture")]
    issue = date_page(
        assembly.articles,
        furniture_lines,
        path=given.source if given.path is None else given.path,
        user_date=given.issue_date,
    )

    lead_datelines = [a.byline or "" for a in assembly.articles]
    lead_datelines += [d.text for d in dropped if d.reason == "dateline"]
    publication = given.publication
    if publication is None:
        publication = assembly.masthead or infer_publication(lead_datelines, assembly.text)
        if publication is not None and script is not None:
            publication = script.restore(publication)
    page = Page(
        source=given.source,
        articles=assembly.articles,
        dropped=dropped,
        publication=publication,
        date=issue.value,
        date_source=issue.source,
        section=assembly.section,
        banner=assembly.banner,
    )
    return page if script is None else _as_printed(page, script)


def _numbered_as_given(page: Page, source_lines: Sequence[int]) -> Page:
    """``page``, parsed from its columns read one after another, with its line numbers (from 1)
    those of the page as given: an article's span runs from its first line there to its last."""

    def given(first: int, last: int) -> tuple[int, int]:
        numbers = source_lines[max(first, 1) - 1 : last]
        return (min(numbers), max(numbers)) if numbers else (first, last)

    articles = []
    for article in page.articles:
        first, last = given(article.line_start, article.line_end)
        articles.append(replace(article, line_start=first, line_end=last))
    dropped = [replace(d, line=given(d.line, d.line)[0]) for d in page.dropped]
    return replace(page, articles=articles, dropped=dropped)


def _as_printed(page: Page, script: ScriptFold) -> Page:
    """``page`` read from the folded text, with the text it took from the page as printed."""

    def restored(value: Any) -> Any:  # a field of any type; only text is changed
        if isinstance(value, str):
            return script.restore(value)
        if isinstance(value, list):
            return [script.restore(item) if isinstance(item, str) else item for item in value]
        return value

    articles = [
        replace(article, **{f.name: restored(getattr(article, f.name)) for f in fields(article)})
        for article in page.articles
    ]
    dropped = [replace(item, text=script.restore(item.text)) for item in page.dropped]
    return replace(
        page,
        articles=articles,
        dropped=dropped,
        section=restored(page.section),
        banner=restored(page.banner),
    )
