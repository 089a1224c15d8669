"""Snapshot tests (pytest-textual-snapshot) of the main screens, on a hand-made library.

Regenerate after an intended change with ``pytest tests/test_app_snapshots.py --snapshot-update``
and review the SVGs in ``tests/__snapshots__/``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_app_support import export_keys, press_then, search_keys, steady_screen, until
from test_app_support import settle as settle_app
from textual.pilot import Pilot

from liaocheng_tui.tui.app import LiaochengApp
from liaocheng_tui.tui.screens import ExportScreen, HelpScreen

SnapCompare = Callable[..., bool]


@pytest.fixture
def app(db_path: Path) -> LiaochengApp:
    application = LiaochengApp(db_path)
    application.read_after = 3600.0  # read markers must not depend on how long a run takes
    application.warm_up_quiet = 0.0  # load jieba's dictionary at once: keywords are shown
    return application


async def settle(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, LiaochengApp)
    # Keywords appear once jieba's dictionary has loaded, when the keyboard is quiet.
    await until(pilot, lambda: app.warm)
    await settle_app(pilot, app)
    await steady_screen(pilot, app)


def test_main_view(snap_compare: SnapCompare, app: LiaochengApp) -> None:
    assert snap_compare(app, terminal_size=(160, 48), run_before=settle)


def test_search_with_highlights(snap_compare: SnapCompare, app: LiaochengApp) -> None:
    async def search(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await search_keys(pilot, app, *"绿色诊断")
        await settle(pilot)
        await press_then(pilot, "enter", lambda: app.focused is app.article_list)
        await press_then(pilot, "enter", lambda: app.focused is app.reader, "n", "n")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(160, 48), run_before=search)


def test_export_dialog(snap_compare: SnapCompare, app: LiaochengApp) -> None:
    async def export(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await export_keys(pilot, app)
        await until(pilot, lambda: isinstance(pilot.app.screen, ExportScreen))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 36), run_before=export)


def test_narrow_80x24(snap_compare: SnapCompare, app: LiaochengApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_help_screen(snap_compare: SnapCompare, app: LiaochengApp) -> None:
    async def show_help(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=show_help)
