"""The key footer: the bindings that apply where the focus is, drawn as one line of text.

Textual's ``Footer`` recomposes one ``FooterKey`` widget per binding every time the focus moves
(about 25 ms of style and layout work each time, several times per search). This footer is a
single widget: a focus change recomputes a short tuple and repaints one line only when it differs.
It looks like Textual's footer: `` key Description `` pairs, the command palette key on the right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.keys import key_to_character
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen


def _character(binding: Binding) -> str | None:
    """The character a binding's key types, if it is a printable one."""
    character = key_to_character(binding.key)
    if character is None and binding.key_display is not None and len(binding.key_display) == 1:
        character = binding.key_display  # a key name Textual cannot map ("slash")
    return character if character is not None and character.isprintable() else None


class FooterEntry(NamedTuple):
    """One binding as shown: the key to simulate on a click, its label and description."""

    key: str
    key_display: str
    description: str
    enabled: bool


class KeyFooter(Widget):
    """One line of key bindings, docked at the bottom of the screen."""

    ALLOW_SELECT = False

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--separator",
    }

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyFooter > .key-footer--separator {
        color: $foreground 20%;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: tuple[FooterEntry, ...] = ()
        self.palette_entry: FooterEntry | None = None
        # (first cell, end cell, key) of every entry as last drawn, for clicks.
        self._hit_boxes: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        entries, palette_entry = self._collect(screen)
        if entries != self.entries or palette_entry != self.palette_entry:
            self.entries = entries
            self.palette_entry = palette_entry
            self.refresh()

    def _collect(self, screen: Screen[object]) -> tuple[tuple[FooterEntry, ...], FooterEntry | None]:
        """The shown bindings, one per action (the first key bound to it), as Footer shows them."""
        app = self.app
        active = screen.active_bindings
        seen_actions: set[str] = set()
        entries: list[FooterEntry] = []
        focused = screen.focused
        for _namespace, binding, enabled, _tooltip in active.values():
            if not binding.show or binding.action in seen_actions:
                continue
            if focused is not None and focused.check_consume_key(binding.key, _character(binding)):
                # Typed into the search bar: a dead key there. Textual leaves out the keys it knows
                # to be printable, but not all ("slash" offered "/ Search" there).
                continue
            seen_actions.add(binding.action)
            entries.append(
                FooterEntry(binding.key, app.get_key_display(binding), binding.description, enabled)
            )
        palette_entry: FooterEntry | None = None
        if app.ENABLE_COMMAND_PALETTE:
            palette = active.get(app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                _namespace, binding, enabled, _tooltip = palette
                palette_entry = FooterEntry(
                    binding.key, app.get_key_display(binding), binding.description, enabled
                )
                # The palette key is drawn on the right, not among the others.
                entries = [entry for entry in entries if entry.key != binding.key]
        return tuple(entries), palette_entry

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        disabled = Style(dim=True)
        line = Text(no_wrap=True, overflow="crop", end="")
        self._hit_boxes = []
        for entry in self.entries:
            start = line.cell_len
            extra = Style() if entry.enabled else disabled
            line.append(f" {entry.key_display} ", key_style + extra)
            line.append(f"{entry.description} ", description_style + extra)
            self._hit_boxes.append((start, line.cell_len, entry.key))
        palette = self.palette_entry
        if palette is not None:
            tail = Text(no_wrap=True, end="")
            tail.append("▏", self.get_component_rich_style("key-footer--separator"))
            tail.append(palette.key_display, key_style)
            tail.append(f" {palette.description} ", description_style)
            room = self.size.width - tail.cell_len
            if room >= 0:
                # As in Textual's footer, the palette key stays on the right over the others;
                # entries that do not fit whole are left out, never cut inside a word.
                if line.cell_len > room:
                    kept = [box for box in self._hit_boxes if box[1] <= room]
                    line.truncate(kept[-1][1] if kept else 0)
                    self._hit_boxes = kept
                line.append(" " * (room - line.cell_len))
                self._hit_boxes.append((room, room + tail.cell_len, palette.key))
                line.append_text(tail)
        return line

    def key_at(self, x: int) -> str | None:
        """The key of the entry drawn at cell ``x``, if any."""
        for start, end, key in self._hit_boxes:
            if start <= x < end:
                return key
        return None

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is not None:
            self.app.simulate_key(key)
