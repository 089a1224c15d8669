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
"""

from __future__ import annotations

from typing import Literal

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
