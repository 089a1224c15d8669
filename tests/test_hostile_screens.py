"""Every screen, dialog and notice shows a hostile library inert (issue 11, item 14).

The library is written the way another tool (or an older version) could write it: rows changed
directly with sqlite3, so nothing of the store's own cleaning stands between the hostile text
and the app. Every text field carries OSC 52 (write the clipboard), a screen clear, BEL, a C1
CSI, a right-to-left override and Rich/Textual markup. The test walks the main view (tree,
list, reader), search results, help, the export dialog, the overwrite question, the command
palette and the toasts, and checks what the compositor would send to the terminal.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from test_app_support import (
    confirm_ready,
    export_keys,
    record_notifications,
    screen_text,
    search_keys,
    settle,
    until,
)
from test_injection import _ACTIVE, terminal_bytes, visible_characters
from textual.command import CommandPalette
from textual.widgets import Label

from liaocheng_tui.tui.app import LiaochengApp
from liaocheng_tui.tui.screens import ExportScreen, HelpScreen

HOSTILE = (
    "\x1b]52;c;SGVsbG8=\x07"  # OSC 52: set the clipboard
    "\x1b[2J"  # clear the screen
    "\x07"  # bell
    "\x9b31m"  # C1 CSI
    "\u202e"  # right-to-left override
    "[bold]粗[/]"
    "[link=https://evil.example]链[/link]"
    "[@click=app.quit]点[/]"
)
MARKUP = "[bold]粗[/][link=https://evil.example]链[/link][@click=app.quit]点[/]"
TEXT_COLUMNS = ("publication", "section", "kicker", "title", "subtitle", "byline", "column_name", "source")


def make_hostile(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        for column in TEXT_COLUMNS:
            connection.execute(f"UPDATE articles SET {column} = coalesce({column}, '') || ?", (HOSTILE,))
        # Every paragraph ends with the hostile text (searches still find the words before it).
        rows = connection.execute("SELECT id, body, authors, places FROM articles").fetchall()
        for article_id, body, authors, places in rows:
            paragraphs = [paragraph + HOSTILE for paragraph in body.split("\n")]
            names = [name + HOSTILE for name in json.loads(authors or "[]")] or [f"作者{HOSTILE}"]
            found = [place + HOSTILE for place in json.loads(places or "[]")]
            connection.execute(
                "UPDATE articles SET body = ?, authors = ?, places = ? WHERE id = ?",
                ("\n".join(paragraphs), json.dumps(names), json.dumps(found), article_id),
            )
        connection.execute("UPDATE authors SET name = name || ?", (HOSTILE,))
        connection.execute("UPDATE article_places SET place = place || ?", (HOSTILE,))
        connection.execute("UPDATE pages SET source = source || ?", (HOSTILE,))
    connection.close()


def assert_inert(app: LiaochengApp, where: str) -> None:
    shown = visible_characters(app)
    assert shown, f"{where}: the screen rendered something"
    found = _ACTIVE.search(shown.replace("\n", ""))
    assert found is None, (where, found)
    raw = terminal_bytes(app)
    # The app's own styling is SGR (ESC [ ... m); nothing else may reach the terminal.
    for active in ("\x1b]", "\x1b[2J", "\x07", "\x9b", "\u202e"):
        assert active not in raw, (where, repr(active))


def assert_markup_literal(app: LiaochengApp, where: str) -> None:
    # Wrapped lines may cut the fragment, so look for its start, which fits on any line.
    assert "[bold]粗[/]" in screen_text(app), f"{where}: markup is shown as text"


async def test_every_screen_dialog_and_notice_shows_a_hostile_library_inert(
    built_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = record_notifications(monkeypatch)
    db = tmp_path / "library.db"
    shutil.copy(built_library, db)
    make_hostile(db)
    workdir = tmp_path / "work"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    app = LiaochengApp(db)
    async with app.run_test(size=(200, 60), notifications=True) as pilot:
        await settle(pilot, app)
        # Main view: tree (every node expanded), list, reader.
        for _ in range(3):
            stack = [app.section_tree.root]
            while stack:
                node = stack.pop()
                node.expand()
                stack.extend(node.children)
            await settle(pilot, app)
        assert app.reader.record is not None and HOSTILE in (app.reader.record.title or "")
        assert_inert(app, "main view")
        assert_markup_literal(app, "main view")

        # Search results (snippets quote hostile paragraphs).
        await search_keys(pilot, app, *"绿色")
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.search_result is not None and app.search_result.total > 0
        assert_inert(app, "search results")
        assert_markup_literal(app, "search results")
        await pilot.press("escape")
        app.article_list.focus()
        await settle(pilot, app)

        # Help.
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert_inert(app, "help")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen))

        # The export dialog quotes the stored headline.
        await export_keys(pilot, app)
        await until(pilot, lambda: isinstance(app.screen, ExportScreen))
        assert_inert(app, "export dialog")
        assert "粗[/][link=" in screen_text(app), "the headline's markup is shown as text"
        # The overwrite question quotes the path typed (here, one full of escapes).
        existing = workdir / "exists\x1b]52;c;SGVsbG8=\x07\x1b[2J\u202e[b]名.txt"
        existing.write_text("mine", encoding="utf-8")
        app.screen.query_one("#export-path").value = str(existing)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await until(pilot, lambda: confirm_ready(app))
        assert_inert(app, "overwrite question")
        assert "[b]名.txt" in screen_text(app)
        await pilot.press("y")
        # The toast quotes that path.
        await until(pilot, lambda: any("Exported to" in message for message in messages))
        await until(pilot, lambda: "Exported to" in screen_text(app))
        assert_inert(app, "export toast")

        # A toast quoting the hostile title (starring), and one quoting an error.
        await pilot.press("s")
        await until(pilot, lambda: any("Starred" in message for message in messages))
        await until(pilot, lambda: "Starred" in screen_text(app))
        assert_inert(app, "star toast")
        assert_markup_literal(app, "star toast")
        await export_keys(pilot, app)
        await until(pilot, lambda: isinstance(app.screen, ExportScreen))
        missing = workdir / "no\x1b[2J\u202e[i]夹" / "x.txt"
        app.screen.query_one("#export-path").value = str(missing)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await until(pilot, lambda: any("Export failed" in message for message in messages))
        await until(pilot, lambda: "Export failed" in screen_text(app))
        assert_inert(app, "error toast")

        # The command palette, opened and filtered.
        app.action_command_palette()
        await until(pilot, lambda: "Search for commands" in screen_text(app))
        assert isinstance(app.screen, CommandPalette)
        assert_inert(app, "command palette")
        await pilot.press(*"Export")
        await until(pilot, lambda: "Export article" in screen_text(app))
        assert_inert(app, "command palette entries")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, CommandPalette))

        # A rebuild names each stored page (hostile names) in the build panel's label: record
        # every update, since the panel closes when the build ends.
        label = app.query_one("#build-label", Label)
        shown: list[str] = []
        update = label.update

        def recording_update(content: Any = "", **kwargs: Any) -> None:
            shown.append(content.plain if isinstance(content, Text) else str(content))
            update(content, **kwargs)

        label.update = recording_update  # type: ignore[method-assign]
        app.action_rebuild()
        await settle(pilot, app)
        named = [line for line in shown if "pages ·" in line]
        assert named, shown
        assert any(MARKUP[:10] in line for line in named), named
        assert not any(_ACTIVE.search(line) for line in named), named
