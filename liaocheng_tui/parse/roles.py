"""The roles the line labeller gives each line of a page, and what each one means.

The corpus labels only kicker, title, subtitle, body and blank (and ``other`` for web meta
lines). The other roles are derived from the rule functions of this package when training
data is prepared, so their meaning is fixed here, once, for the trainer and the assembler:

- ``kicker``: the 引题 above a headline.
- ``title``: the headline; a headline wrapped over several lines gives several ``title`` lines.
- ``subtitle``: the 副题 below a headline.
- ``byline``: a line between the headline block and the body that holds only a byline or a
  dateline (``本报记者 张三``, ``■ 本报记者 X``, ``□记者 X 通讯员 Y 报道``). A body paragraph
  that opens with a dateline and goes on with the story is ``body``.
- ``body``: story text, including in-article crossheads.
- ``caption``: a photo caption (``图为…``, ``▲…``) that stands as its own paragraph.
- ``credit``: a line that credits authors or a photographer and closes a story
  (``（本报记者 X）``, ``（作者系…）``, ``X 摄``).
- ``furniture``: page furniture that belongs to no story: mastheads, page headers, 版次 lines,
  ``字数`` lines, ``责任编辑`` lines, web meta lines.
- ``blank``: an empty line.

The model itself labels lines with *states*: a role, or a role at one place in a story. The first
body line under a headline block is ``body.first`` (bylines, datelines and leads are there), and a
headline's second and later lines are ``title.more``. A first-order model then remembers one step
more: a short line followed by ``body.first`` starts a story, one followed by plain ``body`` is a
crosshead. :func:`model_states` gives a page's states for training, :func:`role_of_state` maps them back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, cast

Role = Literal["kicker", "title", "subtitle", "byline", "body", "caption", "credit", "furniture", "blank"]
ROLES: tuple[Role, ...] = (
    "kicker",
    "title",
    "subtitle",
    "byline",
    "body",
    "caption",
    "credit",
    "furniture",
    "blank",
)
HEADER_ROLES: frozenset[Role] = frozenset({"kicker", "title", "subtitle"})

STATES: tuple[str, ...] = (*(role for role in ROLES if role != "blank"), "body.first", "title.more")

HeaderPair = tuple[Role, Role]
"""The roles of two header lines, one under the other: ``("kicker", "title")`` or
``("title", "subtitle")``."""
HeaderPairs = Mapping[tuple[int, int], HeaderPair]
"""How the labeller would read pairs of short lines that open a block if they head a story, by
the two lines' indices (:meth:`liaocheng_tui.parse.labeller.Labeller.read`)."""
NO_PAIRS: HeaderPairs = MappingProxyType(
    {}
)  # none weighed: pages read with roles given, or without the model


def renumbered(pairs: HeaderPairs, number: Mapping[int, int]) -> dict[tuple[int, int], HeaderPair]:
    """``pairs`` with their lines numbered anew, where ``number`` numbers both lines of a pair."""
    return {
        (number[upper], number[lower]): pair
        for (upper, lower), pair in pairs.items()
        if upper in number and lower in number
    }


@dataclass(frozen=True)
class Reading:
    """A page as the labeller reads it: one role per line, and how it would read the pairs of
    short lines that open a block as a header (:meth:`liaocheng_tui.parse.labeller.Labeller.read`)."""

    roles: list[Role]
    pairs: HeaderPairs


_OPENS_BODY: frozenset[Role | None] = frozenset({"kicker", "title", "subtitle", "byline"})


def model_states(roles: Sequence[Role]) -> list[str]:
    """The model's state for each role of a page's non-blank lines, given in order."""
    states: list[str] = []
    previous: Role | None = None
    for role in roles:
        if role == "body" and previous in _OPENS_BODY:
            states.append("body.first")
        elif role == "title" and previous == "title":
            states.append("title.more")
        else:
            states.append(role)
        previous = role
    return states


# Each state's role, looked up for every line the model labels.
_ROLE_OF_STATE: dict[str, Role] = {state: cast(Role, state.partition(".")[0]) for state in STATES}


def role_of_state(state: str) -> Role:
    """The role a model state stands for (a state the model does not know is ``body``)."""
    return _ROLE_OF_STATE.get(state, "body")
