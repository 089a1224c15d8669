"""Helpers for the app tests: a synthetic archive of any size behind the store's API.

The app talks to the store and the searcher only through their documented methods, so a large
archive (100k articles) can be simulated without building a database of that size.
"""

from __future__ import annotations

import hashlib
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from rich.console import Console
from textual.app import App
from textual.pilot import Pilot

from liaocheng_tui.parse.models import Article, Page
from liaocheng_tui.query import parse_query
from liaocheng_tui.search import Hit, SearchResult, find_spans
from liaocheng_tui.store import (
    ArticleRecord,
    Library,
    LibraryCounts,
    LibraryStats,
    TreeDate,
    TreePublication,
    TreeSection,
)
from liaocheng_tui.tui.app import LiaochengApp
from liaocheng_tui.tui.screens import ConfirmScreen
from liaocheng_tui.tui.screenshots import workers_done as workers_done  # for the app tests

# However slow the machine, an app test waits this long for what it expects before failing.
WAIT_TIMEOUT = 30.0


async def press_then(pilot: Pilot[Any], key: str, ready: Callable[[], bool], *keys: str) -> None:
    """Press ``key``, wait until ``ready()`` holds, then press ``keys``.

    ``pilot.press`` hands over the next key when the process looks idle, which under load can be
    before the last key was handled. A key that moves the focus (``/``) or opens a dialog (``e``)
    is handled after a hop up the widget tree, and keys handed over meanwhile go to the widget
    that had the focus: a query typed after ``/`` went to the list.
    """
    await pilot.press(key)
    await until(pilot, ready)
    if keys:
        await pilot.press(*keys)


async def search_keys(pilot: Pilot[Any], app: LiaochengApp, *keys: str) -> None:
    """``/``, then ``keys`` once the search bar has the focus (see :func:`press_then`)."""
    await press_then(pilot, "slash", lambda: app.focused is app.search_bar, *keys)


async def export_keys(pilot: Pilot[Any], app: App[Any], *keys: str) -> None:
    """``e``, then ``keys`` once the export dialog's path field has the focus (see :func:`press_then`)."""

    def dialog_ready() -> bool:
        focused = app.focused
        return focused is not None and focused.id == "export-path"

    await press_then(pilot, "e", dialog_ready, *keys)


def confirm_ready(app: App[Any]) -> bool:
    """The yes/no question is up and mounted: its Keep button has the focus.

    The screen is pushed before its widgets are mounted: y pressed in between (an idle look cut
    short under load) answered it, and its mount then looked for a button no longer there.
    """
    focused = app.focused
    return isinstance(app.screen, ConfirmScreen) and focused is not None and focused.id == "confirm-no"


async def until(pilot: Pilot[Any], condition: Callable[[], bool], timeout: float = WAIT_TIMEOUT) -> None:
    """Let the app run until ``condition`` holds; fail after ``timeout`` seconds.

    ``pilot.pause()`` alone is no wait for anything: it returns once the process looks idle,
    which on a loaded machine (the process starved of CPU) can be before a message or a
    timer's callback was handled.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"waited {timeout:.0f} s for {condition}"
        await pilot.pause(0.02)


async def settle(pilot: Pilot[Any], app: LiaochengApp, _delay: float | None = None) -> None:
    """Wait until the app is settled (see :attr:`LiaochengApp.settled`), twice in a row.

    Twice, with the screen's pending messages handled in between: a worker that just finished
    may have posted a message (a new row highlighted) that starts more work. ``_delay`` is
    ignored (older callers passed a fixed wait).
    """
    deadline = time.monotonic() + WAIT_TIMEOUT
    quiet = 0
    while quiet < 2:
        await pilot.pause()
        if app.settled:
            quiet += 1
        else:
            quiet = 0
            assert time.monotonic() < deadline, f"the app did not settle in {WAIT_TIMEOUT:.0f} s"
            await pilot.pause(0.02)
    await workers_done(app)


async def steady_screen(pilot: Pilot[Any], app: App[Any]) -> None:
    """Wait until two frames in a row draw the same screen: a settled app may still lay out what
    its last update showed (a scrollbar once the reader's text is measured), later on a loaded
    machine. A snapshot taken before that differs from the same screen a moment later."""
    deadline = time.monotonic() + WAIT_TIMEOUT
    shown = screen_text(app, styles=True)
    while True:
        await pilot.pause(0.02)
        now = screen_text(app, styles=True)
        if now == shown:
            return
        assert time.monotonic() < deadline, f"the screen did not settle in {WAIT_TIMEOUT:.0f} s"
        shown = now


def screen_text(app: App[Any], *, styles: bool = False) -> str:
    """What the terminal shows, as plain text (``styles``: with the escape codes that draw it).

    Taken the way ``App.export_screenshot`` takes its picture, from the recording console it
    prints the screen to, as text instead of SVG: no private attribute of Textual is read.
    """
    texts: list[str] = []

    def export_text(console: Console, **_options: Any) -> str:
        texts.append(console.export_text(styles=styles))
        return ""

    with mock.patch.object(Console, "export_svg", export_text):
        app.export_screenshot()
    assert len(texts) == 1
    return texts[0]


_SHOWN: weakref.WeakKeyDictionary[App[Any], list[str]] = weakref.WeakKeyDictionary()


def notifications_of(app: App[Any]) -> list[str]:
    """Every notification ``app`` has shown so far, as Textual got it (after the app's cleaning).

    Filled for every test that uses Textual by conftest's ``record_every_notification``, instead
    of reading Textual's private list of the toasts on screen.
    """
    return _SHOWN.setdefault(app, [])


def record_every_apps_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Note each app's notifications (see :func:`notifications_of`) until the test ends."""
    notify = App.notify

    def recording_notify(app: App[Any], message: str, **options: Any) -> None:
        notifications_of(app).append(message)
        notify(app, message, **options)

    monkeypatch.setattr(App, "notify", recording_notify)


def record_notifications(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages of every notification shown from now on, as Textual got them (after the
    app's cleaning); the list fills as the app runs."""
    messages: list[str] = []
    notify = App.notify

    def recording_notify(app: App[Any], message: str, **options: Any) -> None:
        messages.append(message)
        notify(app, message, **options)

    monkeypatch.setattr(App, "notify", recording_notify)
    return messages


def synthetic_record(article_id: int) -> ArticleRecord:
    """A deterministic article for ``article_id`` (1-based)."""
    day = 1 + (article_id * 7) % 28
    return ArticleRecord(
        id=article_id,
        key=f"k{article_id}",
        source=f"page_{article_id // 10:05d}.txt",
        seq=article_id % 10 + 1,
        publication="合成日报",
        date=f"2023-02-{day:02d}",
        section="要闻",
        kicker=None,
        title=f"第{article_id}篇 合成新闻标题",
        subtitle=None,
        byline="本报记者 张三",
        authors=["张三"],
        column=None,
        kind="news",
        paragraphs=[f"这是第{article_id}篇文章的正文,用于测试很长的列表。" * 3],
        line_start=1,
        line_end=5,
        read=False,
        starred=False,
    )


class SyntheticLibrary:
    """The parts of ``Library`` the app uses, over ``size`` generated articles."""

    def __init__(self, path: str | Path, size: int = 100_000) -> None:
        self.path = Path(path)
        self.size = size
        self.fetched: list[int] = []
        self.state: dict[int, dict[str, bool]] = {}

    # A synthetic archive is always writable, sound and in place (see Library's file checks).
    read_only: str | None = None
    writes_refused: str | None = None

    def file_problem(self) -> str | None:
        return None

    def refuse_writes(self, reason: str) -> None:
        self.writes_refused = reason

    def quick_check(self) -> list[str]:
        return []

    def unchanged_since_check(self) -> bool:
        return True

    def trust(self) -> None:
        pass

    def close(self) -> None:
        pass

    def is_empty(self) -> bool:
        return self.size == 0

    def _with_state(self, record: ArticleRecord) -> ArticleRecord:
        state = self.state.get(record.id, {})
        return replace(record, read=state.get("read", False), starred=state.get("starred", False))

    def article(self, article_id: int) -> ArticleRecord | None:
        if 1 <= article_id <= self.size:
            return self._with_state(synthetic_record(article_id))
        return None

    def articles(self, ids: Sequence[int]) -> list[ArticleRecord]:
        self.fetched.extend(ids)
        return [self._with_state(synthetic_record(i)) for i in ids if 1 <= i <= self.size]

    def article_ids(self, **filters: Any) -> list[int]:
        if filters.get("starred"):
            return [i for i, s in self.state.items() if s.get("starred")]
        return list(range(1, self.size + 1))

    def tree(self) -> list[TreePublication]:
        return [
            TreePublication(
                "合成日报",
                self.size,
                [TreeDate("2023-02-01", self.size, [TreeSection("要闻", "section", self.size)])],
            )
        ]

    def authors(self) -> list[tuple[str, int]]:
        return [("张三", self.size)]

    def places(self) -> list[tuple[str, int]]:
        return []

    def counts(self) -> LibraryCounts:
        return LibraryCounts(self.size // 10, self.size, len(self.article_ids(starred=True)))

    def stored_page(self, identity: bytes) -> None:
        return None  # made up, from no file: none of the bundled pages

    def stats(self) -> LibraryStats:
        return LibraryStats(self.size // 10, self.size, [], [], [], [])

    def article_keywords(self, article_id: int) -> list[str]:
        return ["合成", "新闻"]

    def set_read(self, article_id: int, read: bool = True) -> None:
        self.state.setdefault(article_id, {})["read"] = read

    def set_starred(self, article_id: int, starred: bool) -> None:
        self.state.setdefault(article_id, {})["starred"] = starred

    def data_version(self) -> int:
        return 1  # nobody else writes to a synthetic archive


class SyntheticSearcher:
    """Searches the synthetic archive by the article number in the query, or matches all."""

    def __init__(self, library: SyntheticLibrary) -> None:
        self.library = library

    def search(self, text: str, *, limit: int = 50, offset: int = 0) -> SearchResult:
        ids = list(range(1 + offset, min(self.library.size, offset + limit) + 1))
        hits = []
        for article_id in ids:
            record = synthetic_record(article_id)
            snippet = record.paragraphs[0][:30]
            terms = [text]
            hits.append(
                Hit(
                    article_id=article_id,
                    score=1.0,
                    snippet=snippet,
                    snippet_spans=find_spans(snippet, terms),
                    spans={
                        "body": find_spans(record.body, terms),
                        "title": find_spans(record.title or "", terms),
                    },
                )
            )
        return SearchResult(query=parse_query(text), total=self.library.size, hits=hits)

    def related(self, article_id: int, limit: int = 3) -> list[int]:
        return [i for i in (article_id + 1, article_id + 2, article_id + 3) if i <= self.library.size][:limit]


INJECTED_TITLE = "[图] 某某[/b]"
GREEN = "绿色诊断"

GREEN_PARAGRAPHS = [
    "去年,我市在全省率先开展工业绿色诊断行动,为企业量身定制诊断方案,推动企业绿色转型,"
    "帮助企业找准节能降碳的方向,提升能源管理水平和生产工艺水平。",
    "专家组表示,绿色诊断不是一次性的检查,而是长期的服务。下一步将继续扩大绿色诊断覆盖面。",
]


def _page(source: str, date: str, section: str, articles: list[Article]) -> Page:
    return Page(source=source, articles=articles, publication="聊城日报", date=date, section=section)


def make_pages() -> list[Page]:
    """A small hand-made library: two issues, a column, a photo, and a hostile title."""
    first = _page(
        "p1.txt",
        "2023-02-21",
        "时政动态",
        [
            Article(
                seq=1,
                title="“绿色问诊”开良方",
                subtitle="——我市在全省率先开展工业绿色诊断服务",
                byline="■ 本报记者 尹腾淑",
                authors=["尹腾淑"],
                paragraphs=GREEN_PARAGRAPHS,
                date="2023-02-21",
                line_start=3,
                line_end=9,
            ),
            Article(
                seq=2,
                title=INJECTED_TITLE,
                paragraphs=["[red]正文[/red] 含有\x1b[31m转义\x1b[0m字符的段落。"],
                date="2023-02-21",
                line_start=10,
                line_end=12,
            ),
            Article(
                seq=3,
                title=None,
                kind="photo",
                paragraphs=["图为东昌府区一家企业的生产车间。"],
                date="2023-02-21",
                line_start=13,
                line_end=13,
            ),
        ],
    )
    second = _page(
        "p2.txt",
        "2023-02-20",
        "要闻",
        [
            Article(
                seq=1,
                title="聊城将实施产业振兴三年行动计划",
                byline="□本报记者 王明",
                authors=["王明"],
                column="目击",
                paragraphs=["本报讯 聊城市将实施产业振兴三年行动计划,推动高质量发展。" * 4],
                date="2023-02-20",
                line_start=1,
                line_end=6,
            ),
            Article(
                seq=2,
                title="临清市召开经济工作会议",
                paragraphs=["临清市召开经济工作会议,部署今年重点工作。"],
                date="2023-02-20",
                line_start=7,
                line_end=9,
            ),
        ],
    )
    return [first, second]


def build_hand_made_library(path: Path) -> None:
    """Store :func:`make_pages` in a new library at ``path``."""
    with Library(path) as library:
        for page in make_pages():
            raw = "\n".join(a.title or "" for a in page.articles) + page.source
            library.add_page(page, raw, hashlib.sha256(raw.encode()).hexdigest())
