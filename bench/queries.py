"""The fixed query set, and how each query reads for ripgrep and for a naive SQL ``LIKE`` scan.

Each query is written once as structured atoms; the query-language text, the ``rg`` pipeline and
the ``LIKE`` statement are all derived from those atoms, so the three tools are asked the same
question.  Atom fields: ``any`` (a substring of any text field), ``title`` (kicker, title or
subtitle), ``author`` (a substring of an author's name), ``date`` (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD..YYYY-MM-DD``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass

Atom = tuple[str, str]


@dataclass(frozen=True)
class BenchQuery:
    kind: str
    text: str  # in the app's query language
    atoms: tuple[Atom, ...]


def _q(kind: str, text: str, *atoms: Atom) -> BenchQuery:
    return BenchQuery(kind, text, atoms)


def _words(kind: str, words: str) -> list[BenchQuery]:
    return [_q(kind, word, ("any", word)) for word in words.split()]


QUERIES: tuple[BenchQuery, ...] = (
    *_words("1 char", "鲁 桥 税 汛 胶 聊"),
    *_words("2 chars, common", "聊城 发展 企业 项目 绿色 我市"),
    *_words("2 chars, rare", "枫桥 葡萄 轴承 棉布 林果 雁阵"),
    *_words(
        "3-5 chars", "高质量 县市区 产业链 新能源 乡村振兴 绿色低碳 招商引资 高质量发展 营商环境 黄河流域"
    ),
    *_words("no hits", "区块链 量子计算"),
    _q("AND", "聊城 绿色", ("any", "聊城"), ("any", "绿色")),
    _q("AND", "企业 创新 发展", ("any", "企业"), ("any", "创新"), ("any", "发展")),
    _q("AND", "防汛 安全", ("any", "防汛"), ("any", "安全")),
    _q("AND", "阿胶 东阿", ("any", "阿胶"), ("any", "东阿")),
    _q("AND", "驻村 第一书记", ("any", "驻村"), ("any", "第一书记")),
    _q("AND", "金融 亿元", ("any", "金融"), ("any", "亿元")),
    _q("AND", "枫桥 雁阵", ("any", "枫桥"), ("any", "雁阵")),
    _q("phrase", '"工业 绿色 诊断"', ("any", "工业绿色诊断")),
    _q("phrase", '"乡村 振兴 战略"', ("any", "乡村振兴战略")),
    _q("phrase", '"智慧 金融"', ("any", "智慧金融")),
    _q("phrase", '"跨境 电商"', ("any", "跨境电商")),
    _q("phrase", '"志愿 服务"', ("any", "志愿服务")),
    _q("field", "title:聊城", ("title", "聊城")),
    _q("field", "title:绿色", ("title", "绿色")),
    _q("field", "title:会议", ("title", "会议")),
    _q("field", "author:孙亚飞", ("author", "孙亚飞")),
    _q("field", "author:林金彦", ("author", "林金彦")),
    _q("field", "title:聊城 date:2023", ("title", "聊城"), ("date", "2023")),
    _q("field", "date:2020-06 企业", ("date", "2020-06"), ("any", "企业")),
    _q("field", "date:2018-01-01..2018-03-31 绿色", ("date", "2018-01-01..2018-03-31"), ("any", "绿色")),
    _q("field", "author:高田 防汛", ("author", "高田"), ("any", "防汛")),
    _q("field", "title:金融 东昌府", ("title", "金融"), ("any", "东昌府")),
)


def date_bounds(value: str) -> tuple[str, str]:
    """Inclusive ISO bounds of a ``YYYY``, ``YYYY-MM`` or ``A..B`` (full dates) value."""
    if ".." in value:
        low, _, high = value.partition("..")
        return low, high
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-01-01", f"{value}-12-31"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = int(value[:4]), int(value[5:])
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    raise ValueError(f"unsupported date value {value!r}")


def _like_escape(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_ANY_COLUMNS = ("kicker", "title", "subtitle", "byline", "body")
_TITLE_COLUMNS = ("kicker", "title", "subtitle")


def like_sql(atoms: Sequence[Atom]) -> tuple[str, list[str]]:
    """A naive scan: every atom a ``LIKE '%term%'`` over its columns (no index can help)."""
    clauses: list[str] = []
    params: list[str] = []
    for field, value in atoms:
        if field == "date":
            clauses.append("(date BETWEEN ? AND ?)")
            params.extend(date_bounds(value))
            continue
        columns = {"any": _ANY_COLUMNS, "title": _TITLE_COLUMNS, "author": ("authors",)}[field]
        clauses.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
        params.extend([_like_escape(value)] * len(columns))
    return "SELECT id FROM articles WHERE " + " AND ".join(clauses), params


def rg_pattern(field: str, value: str) -> list[str]:
    """rg arguments that find ``value`` in one field of the per-article files.

    The files hold kicker, title, subtitle and byline on lines 1-4, then the paragraphs, so a
    head term is anchored to the first three lines and an author to the fourth.
    """
    if field == "any":
        return ["-F", "-e", value]
    if field == "title":
        return ["-U", "-e", r"\A(?:[^\n]*\n){0,2}[^\n]*" + re.escape(value)]
    if field == "author":
        return ["-U", "-e", r"\A(?:[^\n]*\n){3}[^\n]*" + re.escape(value)]
    raise ValueError(f"no rg pattern for field {field!r}")


@dataclass(frozen=True)
class SetComparison:
    """How one tool's result set differs from ours."""

    ours: int
    theirs: int
    missing: int  # in theirs, not in ours (our recall loss)
    extra: int  # in ours, not in theirs

    @property
    def equal(self) -> bool:
        return self.missing == 0 and self.extra == 0


def compare_sets(ours: set[int], theirs: set[int]) -> SetComparison:
    return SetComparison(len(ours), len(theirs), len(theirs - ours), len(ours - theirs))


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (``fraction`` in 0..1) of a non-empty sequence."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]
