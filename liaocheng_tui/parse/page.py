"""Page parsing: normalised lines -> one role per line (the line labeller) -> articles (the
assembler) -> the issue date and the paper.

The roles come from the packaged line-role model (:mod:`liaocheng_tui.parse.labeller`). Where
the model cannot be loaded (a broken install), :mod:`liaocheng_tui.parse.fallback` labels the
lines from their shape instead, so parsing still works, less well. How labelled lines make
articles is :mod:`liaocheng_tui.parse.assemble`'s docstring.
"""

from __future__ import annotations

from collections.abc import Sequence

from liaocheng_tui.parse.assemble import assemble
from liaocheng_tui.parse.dates import date_page
from liaocheng_tui.parse.fallback import shape_roles
from liaocheng_tui.parse.models import Page
from liaocheng_tui.parse.normalize import normalize_lines, split_lines
from liaocheng_tui.parse.publication import infer_publication
from liaocheng_tui.parse.roles import Role


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
