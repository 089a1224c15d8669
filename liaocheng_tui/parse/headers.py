"""Headline blocks: column labels above a headline, and the joining of headline lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from liaocheng_tui.parse.blocks import Unit
from liaocheng_tui.parse.byline import split_lead
from liaocheng_tui.parse.chars import HAN_CLASS, HAN_RE, ITEM_MARKS, ends_sentence, weight
from liaocheng_tui.parse.clean import join_text
from liaocheng_tui.parse.furniture import is_web_furniture_line

# Generic words that name a recurring column rather than a story.
_COLUMN_SUFFIXES = tuple(
    (
        "专栏 栏目 大家谈 见行动 在行动 进行时 走基层 面对面 一线 直击 目击 特写 纪实 手记 时评 短评 快评 "
        "评论 论坛 漫谈 杂谈 随笔 声音 访谈 茶座 讲堂 速递 快讯 简讯 看台 播报 观察 视点 锐评 热评 微评 "
        "图片新闻 图片报道 新闻图片 图说 镜头 影像 新闻速览 要闻简报 综述 动态 资讯"
    ).split()
)
# Words that open a photo column's name: 图说聊城, 图片故事.
_COLUMN_PREFIXES = ("图说", "图片")
# Columns whose pieces are opinion: their 2-line headlines are title + subtitle.
COMMENTARY_COLUMN_RE = re.compile(r"(?:谈|评|论|说|观点|声音|言论|思考|感言|随笔|茶座|锐见)$")
_DESCRIPTOR_RE = re.compile(r"专栏|栏目")
# The spaces a PDF converter sets between a figure and its unit (2026 年, 3 家), and before a figure
# so spaced (新增 3 家). A space before a figure set close to its unit parts a headline's two
# halves (王海出席 8位代表作交流发言), and a figure without a unit is a table's cell (化工 800).
_UNITS = "年月日号时分秒个家件位名人次项条座所户元万亿千百米吨度倍岁天周届期批架辆台亩斤克%％"
_FIGURE_SPACE_RE = re.compile(f"(?<=[{HAN_CLASS}]) +(?=[0-9][0-9.,]* +[{_UNITS}])|(?<=[0-9]) +(?=[{_UNITS}])")


@dataclass
class ColumnLabel:
    """A column label at the top of a headline run, and how many units it took."""

    name: str
    units: list[Unit] = field(default_factory=list)
    descriptor: list[Unit] = field(default_factory=list)

    @property
    def consumed(self) -> int:
        return len(self.units) + len(self.descriptor)


def _label_like(unit: Unit) -> bool:
    text = unit.text
    return weight(text) <= 10 and HAN_RE.search(text) is not None and not ends_sentence(text)


def column_label(run: Sequence[Unit], followed_by_body: bool) -> ColumnLabel | None:
    """A column label opening ``run``: a short name with a ``…专栏`` descriptor line right under it,
    or a short line ending in a column word (…大家谈, …专栏); the latter only counts as a label when
    something else (a headline, or a caption without one) follows it.
    """
    if not run or not _label_like(run[0]):
        return None
    first = run[0]
    if (
        len(run) >= 2
        and _label_like(run[1])
        and _DESCRIPTOR_RE.search(run[1].text)
        and run[1].line == first.end + 1
    ):
        return ColumnLabel(first.text, [first], [run[1]])
    if names_a_column(first.text) and (len(run) > 1 or followed_by_body):
        return ColumnLabel(first.text, [first])
    return None


# A column's tag on a line of its own over a headline, under a mark (■城事, ●提醒, ◆关注) or in
# square brackets (【民生】, [东江观察]), as many papers tag their stories.
MARKED_TAG_RE = re.compile(f"^[{ITEM_MARKS}]\\s?[{HAN_CLASS}]{{2,4}}$")
_BRACKETED_TAG_RE = re.compile(f"^[【\\[［〔]\\s?[{HAN_CLASS}]{{2,6}}\\s?[】\\]］〕]$")


def is_column_tag(text: str) -> bool:
    """Whether a line is a column's tag alone (``【民生】``, ``■城事``): no headline of its own, no
    dateline (``【本报讯】``) and no picture's placeholder (``[图片]``)."""
    return (
        bool(_BRACKETED_TAG_RE.match(text) or MARKED_TAG_RE.match(text))
        and split_lead(text) is None
        and not is_web_furniture_line(text)
    )


def names_a_column(text: str) -> bool:
    """Whether ``text`` reads as a recurring column's name (…大家谈, …专栏, 记者手记, 图说…), not
    as one story's words."""
    bare = text.replace(" ", "")
    return (
        bare.endswith(_COLUMN_SUFFIXES)
        or bare.startswith(_COLUMN_PREFIXES)
        or bool(_DESCRIPTOR_RE.search(text))
    )


def join_lines(units: Sequence[Unit]) -> str | None:
    """The text of headline lines that the layout wrapped, joined as one line."""
    text = ""
    for unit in units:
        text = join_text(text, unit.text) if text else unit.text
    return text or None


def unspace(text: str | None) -> str | None:
    """A letter-spaced headline (``聊 城 召 开 会 议``) with its spaces removed, and the spaces a PDF
    converter puts around figures (``新增 3 家``, ``2026 年``) too; others unchanged (a space
    between two parts of a headline, ``联村发力 抱团致富``, is the paper's)."""
    if text is None:
        return None
    parts = text.split()
    if len(parts) >= 3 and sum(len(p) == 1 for p in parts) >= len(parts) - 1:
        return "".join(parts)
    if " " in text and any(char.isdigit() for char in text):
        return _FIGURE_SPACE_RE.sub("", text)
    return text
