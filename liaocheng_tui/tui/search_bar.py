"""The search bar: an input with a history walked by Up and Down."""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

from liaocheng_tui.query import MAX_QUERY_CHARS
from liaocheng_tui.safe_text import strip_controls

HISTORY_LIMIT = 100  # queries kept
HISTORY_ENTRY_LIMIT = 1_000  # characters kept of one query
_WHITESPACE_RUN = re.compile(r"\s+")


def load_history(path: Path, limit: int = HISTORY_LIMIT) -> list[str]:
    """The queries saved at ``path``, oldest first; [] if it is missing or not a history.

    Only a regular file is read: opening a FIFO for reading waits for a writer (the app never
    drew its first screen), and a device such as /dev/zero never ends.
    """
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(handle, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                return []
            data = json.loads(file.read().decode("utf-8"))
    except (OSError, UnicodeError, ValueError):
        return []
    if not isinstance(data, dict) or not isinstance(data.get("queries"), list):
        return []
    entries: list[str] = []
    for item in data["queries"]:
        if isinstance(item, str):
            # A file another program wrote: what the search bar shows must be inert.
            cleaned = strip_controls(item, keep_newlines=False).strip()[:HISTORY_ENTRY_LIMIT]
            if cleaned and cleaned not in entries:
                entries.append(cleaned)
    return entries[-limit:]


def save_history(path: Path, entries: list[str]) -> bool:
    """Write ``entries`` to ``path`` atomically; False (and nothing changed) if it cannot.

    A FIFO or a device at ``path`` (``/dev/null`` to keep no history) is left alone: the rename
    would replace it with a regular file.
    """
    text = json.dumps({"version": 1, "queries": entries}, ensure_ascii=False, indent=0)
    temporary: Path | None = None
    try:
        if path.exists() and not path.is_file():
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        temporary = Path(name)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError:
        # A read-only home or a full disk costs the history, never the search.
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return False
    return True


class SearchHistory:
    """Past queries, newest last, without repeats; a cursor walks them like a shell history.

    With a ``path`` the history is kept across sessions: read once (a missing, unreadable or
    malformed file is an empty history, never an error) and written after every new entry, to
    a temporary file renamed over the old one, so a crash never leaves half a file.
    """

    def __init__(self, limit: int = HISTORY_LIMIT, path: Path | None = None) -> None:
        self.entries: list[str] = []
        self.limit = limit
        self.path = path
        self._position: int | None = None
        self._draft = ""
        if path is not None:
            self.entries = load_history(path, limit)

    def add(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        if query in self.entries:
            self.entries.remove(query)
        self.entries.append(query[:HISTORY_ENTRY_LIMIT])
        del self.entries[: -self.limit]
        self._position = None
        if self.path is not None:
            save_history(self.path, self.entries)

    def older(self, current: str) -> str | None:
        """The entry before the cursor (the newest on first use), or None at the oldest."""
        if not self.entries:
            return None
        if self._position is None:
            self._draft = current
            self._position = len(self.entries)
        if self._position == 0:
            return None
        self._position -= 1
        return self.entries[self._position]

    def newer(self) -> str | None:
        """The entry after the cursor; past the newest, the text typed before walking."""
        if self._position is None:
            return None
        self._position += 1
        if self._position >= len(self.entries):
            self._position = None
            return self._draft
        return self.entries[self._position]

    def reset(self) -> None:
        self._position = None


class SearchBar(Input):
    """Typing searches (the app debounces); Enter goes to the results; Esc leaves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # What the bar's keys do, in the footer: the app's keys type into the bar here.
        Binding("enter", "submit", "Results"),
        Binding("up", "history_older", "History"),
        Binding("down", "history_newer", "Newer query", show=False),
        Binding("escape", "leave", "Leave", key_display="Esc"),
    ]

    class Leave(Message):
        """The user pressed Esc in the search bar."""

    def __init__(self, *, id: str | None = None, history_path: Path | None = None) -> None:
        super().__init__(
            placeholder='/ 搜索 Search: 绿色 诊断 · "短语" · -排除 · title: author: date:2023-02', id=id
        )
        self.history = SearchHistory(path=history_path)
        self._walking = False

    def action_history_older(self) -> None:
        entry = self.history.older(self.value)
        if entry is not None:
            self._set_from_history(entry)

    def action_history_newer(self) -> None:
        entry = self.history.newer()
        if entry is not None:
            self._set_from_history(entry)

    def _set_from_history(self, entry: str) -> None:
        self.value = entry
        self.cursor_position = len(entry)

    def _on_paste(self, event: events.Paste) -> None:
        """Paste as one line of search terms.

        Input keeps only a paste's first line: a headline copied with its subtitle (two lines of
        a page) lost the second. Text copied from a terminal or a PDF also brings tabs and escape
        sequences, which were searched for as they came and found nothing. Line breaks and tabs
        become spaces (terms), controls are dropped, and the paste is cut just past the
        longest query.
        """
        # A page pasted whole made every key take most of a second (the bar drew all of it):
        # one character past the query's limit still gets the query's "too long".
        line = _WHITESPACE_RUN.sub(" ", strip_controls(event.text[: 4 * MAX_QUERY_CHARS]))
        line = line[: MAX_QUERY_CHARS + 1]
        if line.strip():
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(line)
            else:
                self.replace(line, *selection)
        event.stop()
        event.prevent_default()  # Input's own handler, next in the MRO, would paste it again

    def action_leave(self) -> None:
        self.history.add(self.value)
        self.post_message(self.Leave())
