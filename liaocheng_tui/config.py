"""Where the library lives when the user does not say."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

APP_NAME = "liaocheng-tui"
DB_ENV_VAR = "LIAOCHENG_TUI_DB"
DB_FILE_NAME = "library.db"
# Pages larger than this are refused (a page is tens of kilobytes; 20 MB is surely not a page).
MAX_PAGE_ENV_VAR = "LIAOCHENG_TUI_MAX_PAGE_MB"
DEFAULT_MAX_PAGE_MB = 20.0


def expand_user(path: Path | str) -> Path:
    """``path`` with a leading ``~`` or ``~user`` expanded, left as typed when that user has no home
    (as a shell does; ``Path.expanduser`` raises ``RuntimeError`` there)."""
    return Path(os.path.expanduser(path))


def default_db_path() -> Path:
    """``$LIAOCHENG_TUI_DB`` if set (and not empty), else ``library.db`` in the user data directory."""
    from_env = os.environ.get(DB_ENV_VAR, "").strip()
    if from_env:
        return expand_user(from_env)
    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILE_NAME


def resolve_db_path(db: Path | str | None) -> Path:
    """The library file to use: ``db`` when given, else :func:`default_db_path`."""
    return expand_user(db) if db else default_db_path()


def is_default_db(db: Path | str | None) -> bool:
    """Whether ``db`` (as given on the command line) means the default library: no path given and
    ``$LIAOCHENG_TUI_DB`` unset.  Only that library may be created, with its folders, and seeded
    from the bundled pages on first use; a path the user typed must already hold a library."""
    return not db and not os.environ.get(DB_ENV_VAR, "").strip()


def cache_dir() -> Path:
    """Where files that can always be made again are kept (jieba's dictionary, in slices)."""
    return Path(user_cache_dir(APP_NAME, appauthor=False))


HISTORY_ENV_VAR = "LIAOCHENG_TUI_HISTORY"
HISTORY_FILE_NAME = "search-history.json"


def history_path() -> Path:
    """The app's search history: ``$LIAOCHENG_TUI_HISTORY`` if set, else a file in the user data
    directory (beside the default library, whichever library is open)."""
    from_env = os.environ.get(HISTORY_ENV_VAR, "").strip()
    if from_env:
        return expand_user(from_env)
    return Path(user_data_dir(APP_NAME, appauthor=False)) / HISTORY_FILE_NAME
