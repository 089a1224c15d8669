"""Pages that an archive exported as labelled records (``标题：…`` ``作者：…`` ``日期：…`` ``正文：…``).

Newspaper databases and research archives export stories with their fields named, one record
after another, as ``标题：…`` or ``【篇名】…``. Such a page needs no labeller: its fields say what
each line is. A page counts as records only when it opens with a field, every record names two
kinds of field, and one names its title and another known field besides its text (作者, 日期,
来源…), which a printed page never does. The first record's first label opens every record: after
a record's text, only that label starts the next one, so an interview's ``记者：`` line stays in
the text. The labels, and the fields that have no place in an article (``关键词``, ``版次``), are
kept in ``dropped``; the date, paper and section fields there too, besides the page's fields.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice

from liaocheng_tui.parse.byline import names_in
from liaocheng_tui.parse.chars import ends_sentence
from liaocheng_tui.parse.dates import choose_issue_date, issue_date, path_date
from liaocheng_tui.parse.models import Article, Dropped, Page
from liaocheng_tui.parse.normalize import normalize_text

# What an archive calls each field, by the article field it fills.
_LABELS: dict[str, tuple[str, ...]] = {
    "kicker": ("引题", "肩题", "眉题"),
    "title": ("标题", "题名", "篇名", "主标题", "正题", "文章标题", "题目", "主题"),
    "subtitle": ("副标题", "副题", "子标题"),
    "author": ("作者", "作者姓名", "责任者", "署名"),
    "date": ("日期", "出版日期", "发表日期", "刊发日期", "见报日期", "发布日期", "报纸日期"),
    "section": ("版名", "版面名称", "版面名"),
    "page": ("版次", "版号", "版面", "版面号"),
    "column": ("栏目", "栏目名称", "专栏"),
    "publication": ("报纸名", "报纸名称", "报名", "报纸", "刊名", "报刊名", "来源", "文献来源", "出处"),
    "body": ("正文", "内容", "全文", "原文"),
    "other": ("关键词", "主题词", "摘要", "分类号", "字数", "链接", "网址", "文献类型", "作者单位", "年份", "期号"),
}  # fmt: skip
_KIND_OF = {label: kind for kind, labels in _LABELS.items() for label in labels}
_LABEL = "|".join(sorted(_KIND_OF, key=len, reverse=True))
# ``标题：…``, ``标题: …``, ``【标题】…``, ``[标题] …`` (a colon after the bracket too).
_FIELD_RE = re.compile(rf"^\s*(?:【({_LABEL})】|\[({_LABEL})\]|({_LABEL})\s*[:：])\s*[:：]?\s*(.*)$")
_HEADLINE_KINDS = ("kicker", "title", "subtitle")
_BRACKETED_RE = re.compile(r"[（(][^（）()]*[）)]")


@dataclass
class _Record:
    first_line: int
    last_line: int = 0
    values: dict[str, list[str]] = field(default_factory=dict)
    kinds: set[str] = field(default_factory=set)  # the kinds of its field lines, body and others too
    body: list[str] = field(default_factory=list)
    in_body: bool = False

    def value(self, kind: str) -> str | None:
        parts = self.values.get(kind)
        return "".join(parts) if parts else None


def _field(line: str) -> tuple[str, str, str] | None:
    """The label, the field kind and the value of a field line."""
    match = _FIELD_RE.match(line)
    if match is None:
        return None
    label = match.group(1) or match.group(2) or match.group(3)
    return label, _KIND_OF[label], match.group(4).strip()


_FIRST_FIELD_WITHIN = 5  # non-blank lines: an export opens with its first record
_WRAPPED_VALUE_MAX = 40  # characters of a headline value's wrapped rest
_ARTICLE_KINDS = ("kicker", "title", "subtitle", "author", "column")


def parse_records(
    raws: Sequence[str],
    source: str,
    publication: str | None = None,
    path: str | None = None,
    user_date: str | None = None,
) -> Page | None:
    """The page's stories when it is an archive's export of labelled records; None otherwise."""
    head = islice((raw for raw in raws if raw.strip()), _FIRST_FIELD_WITHIN)
    if not any(_field(normalize_text(raw).strip()) for raw in head):
        return None  # an export opens with a field: the cheap answer for printed pages
    records: list[_Record] = []
    dropped: list[Dropped] = []
    opening: str | None = None
    after_headline = False  # the line above was a headline field: a short line may be its rest
    awaited = ""  # the kind of a label printed alone on its line: the next line is its value
    current_kind = ""
    for number, raw in enumerate(raws, start=1):
        text = normalize_text(raw).strip()
        if not text:
            after_headline = False
            continue
        found = _field(text)
        current = records[-1] if records else None
        if (
            found is not None
            and current is not None
            and current.in_body
            and found[0] != opening
            and found[1] not in _HEADLINE_KINDS
        ):
            # inside a record's text only the opening label or a headline's starts the next record
            # (an editor's export opens a story with 引题 where it has a kicker, else with 主题)
            found = None
        if found is None:
            if current is None:
                dropped.append(Dropped(text, "record-preamble", number))
                continue
            if awaited:
                _put(current, awaited, text, number, dropped)
                after_headline, awaited = awaited in _HEADLINE_KINDS, ""
            elif after_headline and len(text) <= _WRAPPED_VALUE_MAX and not ends_sentence(text):
                current.values.setdefault(current_kind, []).append(text)  # a headline wrapped onto this line
            else:
                _put(current, "body", text, number, dropped)  # the text, labelled or not
            current.last_line = number
            continue
        label, kind, value = found
        if current is None or label == opening or (current.in_body and kind in _HEADLINE_KINDS):
            opening = opening or label
            current = _Record(number)
            records.append(current)
        dropped.append(Dropped(text[: len(text) - len(value)].strip(), "record-label", number))
        current.kinds.add(kind)
        current.last_line = number
        current_kind = kind
        after_headline = kind in _HEADLINE_KINDS
        awaited = "" if value or kind == "body" else kind
        _put(current, kind, value, number, dropped)
    if not records or not all(len(record.kinds) >= 2 for record in records):
        return None
    if not any(record.values.get("title") and len(record.kinds - {"body"}) >= 2 for record in records):
        return None  # a title field and another known field (作者, 日期, 来源…): no printed page's
    return _page(records, dropped, source, publication, path, user_date)


def _put(record: _Record, kind: str, value: str, number: int, dropped: list[Dropped]) -> None:
    """File ``value`` (line ``number``) under ``kind`` in ``record``; what the article will not
    hold (a date, a page number, keywords) is also kept in ``dropped``."""
    if kind == "body":
        record.in_body = True
        if value:
            record.body.append(value)
        return
    if not value:
        return
    record.values.setdefault(kind, []).append(value)
    if kind not in _ARTICLE_KINDS:
        dropped.append(Dropped(value, "record-field", number))


def _date(record: _Record) -> str | None:
    value = record.value("date")
    if value is None:
        return None
    return issue_date([value]) or path_date(value)  # 2024年6月8日, 2024-06-08, 2024/06/08, 20240608


def _page(
    records: list[_Record],
    dropped: list[Dropped],
    source: str,
    publication: str | None,
    path: str | None,
    user_date: str | None,
) -> Page:
    """The page of ``records``: one article each; the page's date, paper and section are the
    records' own (the most common; a section only when all records share it)."""
    articles: list[Article] = []
    for record in records:
        author = record.value("author")
        articles.append(
            Article(
                seq=len(articles) + 1,
                title=record.value("title"),
                paragraphs=record.body,
                kicker=record.value("kicker"),
                subtitle=record.value("subtitle"),
                byline=author,
                authors=names_in(_BRACKETED_RE.sub(" ", author)) if author else [],
                column=record.value("column"),
                date=_date(record),
                line_start=record.first_line,
                line_end=max(record.first_line, record.last_line),
            )
        )
    dates = Counter(article.date for article in articles if article.date)
    # The records' own date is printed on the page, as a masthead's is.
    issue = choose_issue_date(
        furniture=[dates.most_common(1)[0][0]] if dates else [],
        path=path or source,
        user_date=user_date,
        dateline_dates=[],
    )
    named = Counter(value for record in records if (value := record.value("publication")))
    sections = Counter(value for record in records if (value := record.value("section")))
    return Page(
        source=source,
        articles=articles,
        dropped=dropped,
        publication=publication or (named.most_common(1)[0][0] if named else None),
        date=issue.value,
        date_source=issue.source,
        section=sections.most_common(1)[0][0] if len(sections) == 1 else None,
    )
