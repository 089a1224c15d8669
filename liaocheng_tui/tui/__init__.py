"""The Textual app of liaocheng-tui."""

from __future__ import annotations

from pathlib import Path


def run_app(db_path: Path, *, default: bool = True) -> int:
    """Open the app on the library at ``db_path``; its exit code (1 after a crash) once it ends.

    ``default``: the default library, created and built from the bundled seeds if missing or
    empty.  Otherwise the library must exist (``NoLibraryError`` if not) and is never seeded.
    """
    # Imported here so that ``import liaocheng_tui.tui`` stays cheap for the CLI.
    from liaocheng_tui.store import Library
    from liaocheng_tui.tui.app import LiaochengApp

    # An unusable library (not SQLite, unwritable folder, newer schema) raises LibraryError here,
    # which the CLI reports in one line, instead of inside the running app as a traceback.
    with Library(db_path, create=default):
        pass
    app = LiaochengApp(db_path, build_if_empty=default)
    app.run()
    return app.return_code or 0
