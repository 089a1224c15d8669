"""Every key binding of the app in one place, so the footer, the help screen and the code agree."""

from __future__ import annotations

from textual.binding import Binding, BindingType

APP_BINDINGS: list[BindingType] = [
    Binding("q", "quit", "Quit"),
    Binding("question_mark", "help", "Help", key_display="?"),
    Binding("slash", "focus_search", "Search", key_display="/"),
    Binding("e", "export", "Export"),
    Binding("y", "copy_article", "Copy"),
    Binding("s", "toggle_star", "Star"),
    Binding("u", "mark_unread", "Unread", show=False, id="app.mark_unread"),
    Binding("left_square_bracket", "previous_article", "Prev", key_display="["),
    Binding("right_square_bracket", "next_article", "Next", key_display="]"),
    Binding("t", "toggle_tree", "Tree"),
    Binding("r", "reload_library", "Reload", show=False),
    # In the reader: back to the list (the search stays); elsewhere: clear the search.
    Binding("escape", "escape", "Back / clear", show=False, id="app.escape"),
]

LIST_BINDINGS: list[BindingType] = [
    Binding("j,down", "cursor_down", "Down", show=False),
    Binding("k,up", "cursor_up", "Up", show=False),
    Binding("g,home", "first", "First", show=False),
    Binding("G,end", "last", "Last", show=False),
    Binding("pagedown,space", "page_down", "Page down", show=False),
    Binding("pageup,b", "page_up", "Page up", show=False),  # b as in the reader
    Binding("enter", "open", "Open"),
]

READER_BINDINGS: list[BindingType] = [
    Binding("j,down", "scroll_down", "Down", show=False),
    Binding("k,up", "scroll_up", "Up", show=False),
    Binding("g,home", "scroll_home", "Top", show=False),
    Binding("G,end", "scroll_end", "Bottom", show=False),
    Binding("space,pagedown", "page_down", "Page down", show=False),
    Binding("pageup,b", "page_up", "Page up", show=False),
    Binding("n", "next_match", "Next match"),
    Binding("N", "previous_match", "Prev match"),
    Binding("1", "open_related(0)", "Related 1", show=False),
    Binding("2", "open_related(1)", "Related 2", show=False),
    Binding("3", "open_related(2)", "Related 3", show=False),
    Binding("backspace,h", "back", "Back", id="reader.back"),
]

TREE_EXTRA_BINDINGS: list[BindingType] = [
    # Textual's Tree binds Enter without a footer entry: the tree offered no key of its own.
    Binding("enter", "select_cursor", "Show"),
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "scroll_home", "First", show=False),
    Binding("G", "scroll_end", "Last", show=False),
]

# (keys, what they do) for the help screen, in reading order.
HELP_KEYS: list[tuple[str, str]] = [
    ("/", "搜索 Search: type to search, results update as you type"),
    ("Enter", "in the search bar: go to the results; in the list: open in the reader"),
    ("Esc", "in the reader: back to the list; in the search bar: leave it; in the list: clear the search"),
    ("↑ ↓ (search bar)", "walk the search history"),
    ("j k ↑ ↓", "move in the tree, the list or the reader"),
    ("g G", "first / last"),
    ("Space b, PgDn PgUp", "page down / up in the list, the reader or this help"),
    ("Tab Shift+Tab", "next / previous pane"),
    ("[ ]", "previous / next article"),
    ("n N", "next / previous match in the reader (shows match i/k)"),
    ("1 2 3", "in the reader: open a related article"),
    ("Backspace h", "in the reader: back to the article you opened it from, at the same place"),
    ("e", "export the article (txt, md or json)"),
    ("y", "copy the article's plain text to the clipboard (OSC 52)"),
    ("s", "star / unstar the article"),
    ("u", "mark the article unread (an article counts as read after about 3 s in the reader)"),
    ("t", "show / hide the section tree"),
    ("r", "reload the library after another program (a build) changed it"),
    ("Ctrl+P", "command palette: export, search, toggle tree, theme, rebuild"),
    ("?", "this help"),
    ("q", "quit"),
]

# (example, meaning) for the help screen: the core's query language.
HELP_QUERY: list[tuple[str, str]] = [
    ("绿色 诊断", "both terms (AND); any substring matches, even inside words"),
    ("绿色 OR 低碳", "either term"),
    ("绿色 -企业", "exclude articles containing 企业"),
    ('"绿色诊断"', "an exact phrase"),
    ("title:诊断", "in the title (also kicker/subtitle)"),
    ("author:尹腾淑", "by an author"),
    ("section:时政 column:目击", "in a section / column"),
    ("kind:photo", "news, feature, photo, commentary or notice"),
    ("date:2023  date:2023-02", "in a year or month"),
    ("date:2023-02-01..2023-02-28", "in a date range"),
]
