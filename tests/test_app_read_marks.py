"""Read marks (issue 10): an article counts as read after about 3 s in the reader, never the one
the app opens on, ``u`` marks it unread, and the timer never outlives what it marks.

No test sleeps for the delay: it is shortened, and the tests wait on timers of their own
started after the app's (Textual runs timers in the order they are due).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_app_support import press_then, record_notifications, settle, until
from textual.pilot import Pilot

from liaocheng_tui.tui.app import READ_AFTER, LiaochengApp
from liaocheng_tui.tui.screens import HelpScreen

SHORT = 0.2  # seconds: the read delay in these tests


def is_read(app: LiaochengApp, article_id: int) -> bool:
    assert app.library is not None
    record = app.library.article(article_id)
    assert record is not None
    return record.read


async def wait_longer_than_the_read_delay(pilot: Pilot[Any], app: LiaochengApp) -> None:
    """Until a timer started now, and due later than any read mark started before, has fired."""
    fired: list[bool] = []
    app.set_timer(2 * app.read_after, lambda: fired.append(True))
    await until(pilot, lambda: bool(fired))


def test_an_article_counts_as_read_after_about_3_s() -> None:
    assert READ_AFTER == LiaochengApp.read_after == 3.0


async def test_a_mark_comes_after_a_rest_in_the_reader(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    app.read_after = SHORT
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await pilot.press("j")
        await settle(pilot, app)
        second = app.article_list.ids[1]
        assert app.reader.record is not None and app.reader.record.id == second
        await until(pilot, lambda: is_read(app, second))


async def test_the_article_the_app_opens_on_is_never_marked_by_time(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    app.read_after = SHORT
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        first = app.article_list.ids[0]
        assert app.reader.record is not None and app.reader.record.id == first
        await wait_longer_than_the_read_delay(pilot, app)
        assert not is_read(app, first)
        # Chosen later, it counts like any other.
        await pilot.press("j", "k")
        await settle(pilot, app)
        await until(pilot, lambda: is_read(app, first))


async def test_u_marks_the_article_unread(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    messages = record_notifications(monkeypatch)
    app = LiaochengApp(db_path)
    app.read_after = SHORT
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await pilot.press("j", "enter")  # opened with Enter: read at once
        await settle(pilot, app)
        second = app.article_list.ids[1]
        assert app.reader.record is not None and app.reader.record.id == second and is_read(app, second)
        await pilot.press("u")
        await until(pilot, lambda: not is_read(app, second))
        assert app.reader.record.id == second and not app.reader.record.read
        assert any(message.startswith("Marked unread: ") for message in messages)
        # A mark still to come for the article is dropped with it (a delay that u comes within
        # even on a loaded machine; if it did not, the mark would be undone all the same).
        app.read_after = 1.0
        await press_then(pilot, "escape", lambda: app.focused is app.article_list, "j")
        await settle(pilot, app)
        third = app.article_list.ids[2]
        assert app.reader.record.id == third
        await pilot.press("u")
        await until(pilot, lambda: sum(message.startswith("Marked unread: ") for message in messages) == 2)
        await wait_longer_than_the_read_delay(pilot, app)
        assert not is_read(app, third)


async def test_a_mark_due_while_a_dialog_is_open_does_not_crash(db_path: Path) -> None:
    """The timer's callback used to look the reader up in the active screen: the help screen."""
    app = LiaochengApp(db_path)
    app.read_after = SHORT
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await pilot.press("j")
        await settle(pilot, app)
        second = app.article_list.ids[1]
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await wait_longer_than_the_read_delay(pilot, app)
        assert isinstance(app.screen, HelpScreen)
        assert is_read(app, second)  # the reader was on screen, under the dialog, all along
    # Leaving run_test raises whatever the app raised meanwhile.


async def test_quitting_before_a_mark_is_due_raises_nothing(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await pilot.press("j")
        await until(
            pilot, lambda: app.reader.record is not None and app.reader.record.id == app.article_list.ids[1]
        )
        await pilot.press("q")
    assert app.return_code in (None, 0)
