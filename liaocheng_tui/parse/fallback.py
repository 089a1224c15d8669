"""The fallback labelling, used only when the packaged line-role model cannot be loaded.

It gives each line a role from its shape, with the rule functions of this package, so that
parsing still works (worse: this is roughly how the parser read pages before the model):

- a line that :func:`~liaocheng_tui.parse.furniture.is_furniture_line` accepts is ``furniture``;
- a line that is only a byline (``■ 本报记者 X``, ``□记者 X 报道``) is ``byline``; a closing
  credit in brackets (``（作者系…）``) is ``credit``;
- a run of short unpunctuated lines (and markdown headings, and ``——`` lines) is a headline block
  when it opens the page, follows a credit, carries a heading or a dash line, or stands over a
  byline or a paragraph that opens with a dateline; in it a ``——`` line and what follows is the
  subtitle, a level-1 markdown heading is the title, otherwise the last line is the title and the
  lines above it are kickers. Other short runs are crossheads: ``body``;
- everything else is ``body``; empty lines are ``blank``.
"""

from __future__ import annotations

from collections.abc import Sequence

from liaocheng_tui.parse.blocks import Shape, Unit, build_units, classify_all
from liaocheng_tui.parse.dates import starts_with_dateline
from liaocheng_tui.parse.furniture import is_furniture_line
from liaocheng_tui.parse.models import Dropped
from liaocheng_tui.parse.normalize import normalize_lines
from liaocheng_tui.parse.roles import Role

_HEADLINE_SHAPES = (Shape.SHORT, Shape.DASH, Shape.HEADING)


def _header_roles(run: Sequence[Unit]) -> list[Role]:
    heading = next((i for i, u in enumerate(run) if u.shape is Shape.HEADING and u.level == 1), None)
    dash = next((i for i, u in enumerate(run) if u.shape is Shape.DASH and i > 0), None)
    if heading is None:
        heading = next((i for i, u in enumerate(run) if u.shape is Shape.HEADING), None)
    if heading is not None and (dash is None or heading < dash):
        title = heading
    elif dash is not None:
        title = dash - 1
    else:
        title = len(run) - 1
    roles: list[Role] = []
    for index in range(len(run)):
        roles.append("kicker" if index < title else "title" if index == title else "subtitle")
    return roles


def shape_roles(raw_lines: Sequence[str]) -> list[Role]:
    """One role per raw line, from line shapes and the byline and furniture rules."""
    # The lines came from split_lines, so they hold no line break: joining with LF and splitting
    # again gives the same lines.
    lines = normalize_lines("\n".join(raw_lines))
    roles: list[Role] = ["blank" if not line.text else "body" for line in lines]
    scratch: list[Dropped] = []  # markdown markers: the assembler records them itself
    units = build_units(lines, scratch, is_furniture_line)
    classify_all(units)
    unit_roles: list[Role] = ["body"] * len(units)
    index = 0
    while index < len(units):
        unit = units[index]
        if unit.level == 0 and is_furniture_line(unit.text):
            unit_roles[index] = "furniture"
        elif unit.shape is Shape.BYLINE:
            unit_roles[index] = "byline"
        elif unit.shape is Shape.CREDIT:
            unit_roles[index] = "credit"
        elif unit.shape in _HEADLINE_SHAPES:
            end = index
            while end < len(units) and units[end].shape in _HEADLINE_SHAPES:
                end += 1
            run = units[index:end]
            following = units[end] if end < len(units) else None
            previous = unit_roles[index - 1] if index else None
            heads = (
                previous is None
                or previous in ("credit", "furniture")
                or any(u.shape in (Shape.HEADING, Shape.DASH) for u in run)
                or (following is not None and following.shape in (Shape.BYLINE, Shape.LEAD))
                or (following is not None and starts_with_dateline(following.squeezed))
            )
            if heads:
                unit_roles[index:end] = _header_roles(run)
            index = end
            continue
        index += 1
    for unit, role in zip(units, unit_roles, strict=True):
        for number in range(unit.line, unit.end + 1):
            if lines[number - 1].text:
                roles[number - 1] = role
    return roles[: len(raw_lines)]
