"""Regenerate the SVG screenshots in ``screenshots/`` from the app itself, on the bundled seeds.

Run from the repository root::

    python -m liaocheng_tui.tui.screenshots            # writes screenshots/*.svg
    python -m liaocheng_tui.tui.screenshots --out DIR
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.app import App
from textual.worker import WorkerCancelled

from liaocheng_tui.build import build_library
from liaocheng_tui.store import Library
from liaocheng_tui.tui.app import LiaochengApp


@dataclass(frozen=True)
class Shot:
    """One screenshot: a file name, a terminal size and the keys pressed before it is taken."""

    name: str
    size: tuple[int, int]
    keys: Sequence[str] = field(default_factory=tuple)


SHOTS: tuple[Shot, ...] = (
    Shot("main.svg", (160, 48)),
    Shot("search.svg", (160, 48), ("slash", *"绿色诊断", "enter", "enter", "n", "n")),
    Shot("export.svg", (160, 48), ("e",)),
    Shot("narrow-80x24.svg", (80, 24)),
)


async def take(db_path: Path, shot: Shot, out_dir: Path) -> Path:
    """Run the app headless on ``db_path``, press ``shot.keys`` and save the screen as SVG."""
    app = LiaochengApp(db_path)
    app.read_after = 3600.0
    app.warm_up_quiet = 0.0  # load jieba's dictionary at once, so the reader shows keywords
    async with app.run_test(size=shot.size) as pilot:
        await pilot.pause(0.3)
        while not app.warm:
            await pilot.pause(0.05)
        await workers_done(app)
        for key in shot.keys:
            await pilot.press(key)
            await pilot.pause(0.05)
        await pilot.pause(0.4)
        await workers_done(app)
        await pilot.pause(0.1)
        return Path(app.save_screenshot(filename=shot.name, path=str(out_dir)))


async def workers_done(app: App[Any]) -> None:
    """Wait until no worker is running.

    ``WorkerManager.wait_for_complete`` raises when a worker it waits for is cancelled, which
    the app does on purpose (a newer search or article lookup supersedes the running one).
    """
    while True:
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        return


async def take_all(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        db_path = Path(scratch) / "library.db"
        with Library(db_path) as library:
            build_library(library)
        return [await take(db_path, shot, out_dir) for shot in SHOTS]


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="folder for the SVG files")
    args = parser.parse_args(argv)
    for path in asyncio.run(take_all(args.out)):
        print(path)


if __name__ == "__main__":
    main()
