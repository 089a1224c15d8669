"""The search bar: an input with a history walked by Up and Down."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

HISTORY_LIMIT = 100


class SearchHistory:
    """Past queries, newest last, without repeats; a cursor walks them like a shell history."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self.entries: list[str] = []
        self.limit = limit
        self._position: int | None = None
        self._draft = ""

    def add(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        if query in self.entries:
            self.entries.remove(query)
        self.entries.append(query)
        del self.entries[: -self.limit]
        self._position = None

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
        Binding("up", "history_older", "Older query", show=False),
        Binding("down", "history_newer", "Newer query", show=False),
        Binding("escape", "leave", "Leave search", show=False),
    ]

    class Leave(Message):
        """The user pressed Esc in the search bar."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder='/ 搜索 Search: 绿色 诊断 · "短语" · -排除 · title: author: date:2023-02', id=id
        )
        self.history = SearchHistory()
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

    def action_leave(self) -> None:
        self.history.add(self.value)
        self.post_message(self.Leave())
