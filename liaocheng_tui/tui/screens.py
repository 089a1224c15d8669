"""Modal screens: help, export and overwrite confirmation."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from liaocheng_tui.config import expand_user
from liaocheng_tui.export import (
    EXPORT_FORMATS,
    ExportFormat,
    export_format,
    format_of_path,
    with_format_extension,
)
from liaocheng_tui.safe_text import one_line, plain
from liaocheng_tui.tui.keymap import HELP_KEYS, HELP_QUERY


def help_renderable() -> Table:
    """The help text: keys, then the query language."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    table.add_row(Text("按键 Keys", style="bold underline"), "")
    for keys, meaning in HELP_KEYS:
        table.add_row(Text(keys, style="bold"), Text(meaning))
    table.add_row("", "")
    table.add_row(Text("查询语法 Query language", style="bold underline"), "")
    for example, meaning in HELP_QUERY:
        table.add_row(Text(example, style="bold"), Text(meaning))
    table.add_row("", "")
    table.add_row(
        "",
        Text(
            "Terms match any substring of the kicker, title, subtitle, byline or body; "
            "full-width/half-width and Latin case are folded. Combine filters and terms freely, "
            "e.g. author:尹腾淑 绿色 date:2023-02.",
            style="dim",
        ),
    )
    return table


class HelpScreen(ModalScreen[None]):
    """Keys and query language."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close"),
        # The keys that move in every pane move in the help too (the arrows alone did).
        Binding("j", "scroll(1)", "Down", show=False),
        Binding("k", "scroll(-1)", "Up", show=False),
        Binding("g", "scroll_to_end(False)", "Top", show=False),
        Binding("G", "scroll_to_end(True)", "Bottom", show=False),
        Binding("space", "page(1)", "Page down", show=False),
        Binding("b", "page(-1)", "Page up", show=False),
    ]

    def _body(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        self._body().scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        body = self._body()
        body.scroll_relative(y=pages * body.scrollable_content_region.height, animate=False)

    def action_scroll_to_end(self, bottom: bool) -> None:
        body = self._body()
        body.scroll_to(y=body.max_scroll_y if bottom else 0, animate=False)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "帮助 Help"
            body.border_subtitle = "Esc to close"
            yield Static(help_renderable(), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class ExportRequest:
    """Where and how the user asked to export."""

    path: Path
    fmt: ExportFormat
    # The typed path ended with a separator: a folder (created if needed), one file per article.
    # ``Path`` drops that separator, so it is kept here.
    folder: bool = False

    @property
    def target(self) -> str:
        """The path as :func:`~liaocheng_tui.export.write_articles` takes it (a folder ends in ``/``)."""
        return str(self.path) + os.sep if self.folder else str(self.path)


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Asks for a path and a format. Enter accepts, Esc cancels.

    The path and the format agree as the command line's ``-o`` and ``--format`` do
    (:func:`~liaocheng_tui.export.export_format`): choosing a format renames a path's format
    extension, and typing one (``.json``) chooses its format; a path without one (or a folder)
    is written in the chosen format.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+t", "cycle_format", "Format", show=False),
    ]

    def __init__(self, headline: str, default_name: str) -> None:
        super().__init__()
        self.headline = headline
        self.default_name = default_name
        self.fmt: ExportFormat = "txt"

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = "导出 Export"
            dialog.border_subtitle = "Enter export · Esc cancel"
            # A stored headline may come from a library another tool wrote: clean it here too.
            yield Label(plain(one_line(self.headline)), id="export-headline")
            yield Label("Path", classes="field-label")
            yield Input(value=f"./{self.default_name}", id="export-path")
            yield Label("Format", classes="field-label")
            with RadioSet(id="export-format"):
                for fmt in EXPORT_FORMATS:
                    yield RadioButton(fmt, value=fmt == self.fmt, name=fmt)
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        # Esc typed ahead can close the dialog before it is mounted: then there is nothing to focus.
        for path_input in self.query("#export-path").results(Input):
            path_input.focus()
            path_input.cursor_position = len(path_input.value)

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        new = event.pressed.name
        if new in EXPORT_FORMATS and new != self.fmt:
            self._set_format(new)

    def _set_format(self, new: ExportFormat) -> None:
        path_input = self.query_one("#export-path", Input)
        path_input.value = with_format_extension(path_input.value, new)
        self._show_format(new)

    def _show_format(self, new: ExportFormat) -> None:
        self.fmt = new
        for button in self.query(RadioButton):
            if button.name == new and not button.value:
                button.value = True

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        typed = format_of_path(event.value.strip())
        if typed is not None and typed != self.fmt:
            self._show_format(typed)

    def action_cycle_format(self) -> None:
        index = EXPORT_FORMATS.index(self.fmt)
        self._set_format(EXPORT_FORMATS[(index + 1) % len(EXPORT_FORMATS)])

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def _accept(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify("Give a file name", severity="error")
            return
        if "\x00" in raw:
            # Only a paste can put one there; every file call would raise ValueError on it.
            self.notify("A path cannot contain a NUL character", severity="error")
            return
        path = expand_user(raw)  # ~nosuchuser/x.txt stays as typed (it crashed the app)
        if not path.is_absolute():
            path = Path.cwd() / path
        # The typed extension decides even when Enter came before the buttons caught up with it.
        fmt = export_format(raw, None, default=self.fmt)
        self.dismiss(ExportRequest(path, fmt, folder=raw.endswith(("/", os.sep))))

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; y/Enter on Yes answers yes, n/Esc answers no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog") as dialog:
            dialog.border_title = "确认 Confirm"
            # The question quotes a path the user typed (pasted text can carry escapes).
            yield Static(plain(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button("Overwrite (y)", variant="error", id="confirm-yes")
                yield Button("Keep (n)", variant="primary", id="confirm-no")

    def on_mount(self) -> None:
        # y or n typed ahead can answer the question before it is mounted: then there is no button.
        for keep in self.query("#confirm-no").results(Button):
            keep.focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")
