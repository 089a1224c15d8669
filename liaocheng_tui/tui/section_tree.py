"""The section tree: publication → issue date → section/column, plus authors, places,
starred articles and search results. Every node carries the filter that lists its articles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from rich.cells import cell_len, get_character_cell_size
from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from liaocheng_tui.tui.keymap import TREE_EXTRA_BINDINGS
from liaocheng_tui.tui.text import single_line

if TYPE_CHECKING:
    from liaocheng_tui.store import TreeDate, TreePublication

# The meta Textual's Tree puts on the expand icon, so that clicking it toggles the node.
TOGGLE_STYLE = Style.from_meta({"toggle": True})

# A paper with more issues than this gets its dates grouped by year and month (ten years of a
# daily would otherwise be 3,650 nodes in one run).
DATE_GROUP_THRESHOLD = 60

NodeKind = Literal["filter", "search", "authors", "places"]


@dataclass(frozen=True)
class NodeData:
    """What selecting a node lists: ``Library.article_ids(**filters)`` or the search results.

    ``authors``/``places`` nodes are filled in when first expanded, since an archive can name
    thousands of them.
    """

    kind: NodeKind
    filters: dict[str, Any] = field(default_factory=dict)


def node_label(name: str, count: int | None, style: str = "") -> Text:
    """``name count`` as literal text (names come from the articles, never markup).

    The count is the label's only span (the name's style is the text's own), which is how
    :func:`fit_label` tells the two apart.
    """
    label = single_line(name, style=style)
    if count is not None:
        label.append(f" {count}", style="dim")
    return label


def _count_start(label: Text) -> int:
    """Where the count of a :func:`node_label` starts (its length when it has none)."""
    last = label.spans[-1] if label.spans else None
    return last.start if last is not None and last.end == len(label) else len(label)


def node_name(label: str | Text) -> str:
    """A node's name without its count: the title of the list it shows, which counts its own
    rows (the count in the title went stale as stars changed, and said it twice)."""
    if isinstance(label, str):
        return label
    return label.plain[: _count_start(label)]


def fit_label(label: Text, width: int) -> Text:
    """``label`` in at most ``width`` cells: the name is shortened with "…", the count kept whole.

    Widths are terminal cells, so a Chinese character counts two. When even the count does not
    fit, the label is returned as it is and the pane crops it.
    """
    if width <= 0 or label.cell_len <= width:
        return label
    count_start = _count_start(label)
    count = label[count_start:]
    name_room = width - count.cell_len
    if name_room < 2:
        return label
    name = label[:count_start]
    kept = 0
    used = 0
    plain = name.plain
    # One cell is the ellipsis's; a double-width character that would straddle is dropped.
    while kept < len(plain) and used + get_character_cell_size(plain[kept]) <= name_room - 1:
        used += get_character_cell_size(plain[kept])
        kept += 1
    shortened = name[:kept]
    shortened.append("…")
    shortened.append_text(count)
    return shortened


class SectionTree(Tree[NodeData]):
    """The left pane. Selecting a node posts ``Tree.NodeSelected`` with its :class:`NodeData`."""

    BINDINGS: ClassVar[list[BindingType]] = TREE_EXTRA_BINDINGS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("library", data=NodeData("filter"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.search_node: TreeNode[NodeData] | None = None
        self.starred_node: TreeNode[NodeData] | None = None
        self.authors_node: TreeNode[NodeData] | None = None
        self.places_node: TreeNode[NodeData] | None = None
        self._authors: list[tuple[str, int]] = []
        self._places: list[tuple[str, int]] = []

    def populate(
        self,
        publications: Sequence[TreePublication],
        authors: list[tuple[str, int]],
        places: list[tuple[str, int]],
        starred: int,
        total: int,
    ) -> None:
        """Rebuild every node from the library's figures, keeping the search node's count."""
        search_count: int | None = None
        if self.search_node is not None and self.search_node.data is not None:
            search_count = self.search_node.data.filters.get("count")
        self.clear()
        root = self.root
        root.add_leaf(node_label("全部文章 All", total, "bold"), data=NodeData("filter"))
        for publication in publications:
            pub_node = root.add(
                node_label(publication.name or "未知报纸", publication.count, "bold"),
                # "" asks the store for articles whose field is unknown.
                data=NodeData("filter", {"publication": publication.name or ""}),
                expand=True,
            )
            self._add_dates(pub_node, publication.name or "", publication.dates)
        self._authors = authors
        self._places = places
        self.authors_node = root.add(
            node_label("作者 Authors", len(authors), "bold"), data=NodeData("authors")
        )
        self.places_node = root.add(node_label("地点 Places", len(places), "bold"), data=NodeData("places"))
        self.authors_node.allow_expand = bool(authors)
        self.places_node.allow_expand = bool(places)
        self.starred_node = root.add_leaf(
            node_label("★ 收藏 Starred", starred, "bold"), data=NodeData("filter", {"starred": True})
        )
        self.search_node = root.add_leaf(
            node_label("⌕ 搜索结果 Results", search_count, "bold"), data=NodeData("search")
        )

    def _add_dates(self, parent: TreeNode[NodeData], publication: str, dates: Sequence[TreeDate]) -> None:
        """A paper's issues: one node per date or, for a long run, year → month → date."""
        if len(dates) <= DATE_GROUP_THRESHOLD:
            for date_entry in dates:
                self._add_date(parent, publication, date_entry, expand=len(dates) <= 3)
            return
        years: dict[str, dict[str, list[TreeDate]]] = {}
        undated: list[TreeDate] = []
        for date_entry in dates:  # newest first, so the groups are too
            if date_entry.date is None or len(date_entry.date) < 7:
                undated.append(date_entry)
            else:
                months = years.setdefault(date_entry.date[:4], {})
                months.setdefault(date_entry.date[:7], []).append(date_entry)
        for year_number, (year, months) in enumerate(years.items()):
            year_node = parent.add(
                node_label(f"{year}年", sum(d.count for entries in months.values() for d in entries)),
                data=NodeData("filter", {"publication": publication, "date_prefix": year}),
                expand=year_number == 0,  # the newest year open, the others folded
            )
            for month_number, (month, entries) in enumerate(months.items()):
                month_node = year_node.add(
                    node_label(month, sum(d.count for d in entries)),
                    data=NodeData("filter", {"publication": publication, "date_prefix": month}),
                    expand=year_number == 0 and month_number == 0,
                )
                for date_entry in entries:
                    self._add_date(month_node, publication, date_entry, expand=False)
        for date_entry in undated:
            self._add_date(parent, publication, date_entry, expand=False)

    def _add_date(
        self, parent: TreeNode[NodeData], publication: str, date_entry: TreeDate, *, expand: bool
    ) -> None:
        date_filters = {"publication": publication, "date": date_entry.date or ""}
        label = node_label(date_entry.date or "日期不详", date_entry.count)
        if not date_entry.sections:
            # Nothing to expand into: a leaf, whose selection lists the articles.
            parent.add_leaf(label, data=NodeData("filter", date_filters))
            return
        date_node = parent.add(label, data=NodeData("filter", date_filters), expand=expand)
        for section in date_entry.sections:
            key = "column" if section.kind == "column" else "section"
            marker = "◦ " if section.kind == "column" else ""
            date_node.add_leaf(
                node_label(marker + (section.name or "其他"), section.count),
                data=NodeData("filter", {**date_filters, key: section.name or ""}),
            )

    def fill_lazy(self, node: TreeNode[NodeData]) -> None:
        """Add the children of an authors/places node the first time it is expanded."""
        if node.data is None or node.children:
            return
        if node.data.kind == "authors":
            for name, count in self._authors:
                node.add_leaf(node_label(name, count), data=NodeData("filter", {"author": name}))
        elif node.data.kind == "places":
            for name, count in self._places:
                node.add_leaf(node_label(name, count), data=NodeData("filter", {"place": name}))

    def render_label(self, node: TreeNode[NodeData], base_style: Style, style: Style) -> Text:
        """The node's label, its name shortened so that its count always shows in full.

        As ``Tree.render_label`` draws it (expand icon, then the label), within the pane's width.
        """
        icon = ""
        if node.allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        label = node.label if isinstance(node.label, Text) else Text(node.label)
        room = self.scrollable_content_region.width - self._guide_width(node) - cell_len(icon)
        fitted = fit_label(label, room).copy()
        fitted.stylize(style)
        return Text.assemble((icon, base_style + TOGGLE_STYLE), fitted)

    def _guide_width(self, node: TreeNode[NodeData]) -> int:
        """Cells of tree guides before ``node``'s label (the hidden root takes none)."""
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        if self.show_root and node is not self.root:
            depth += 1
        return depth * self.guide_depth

    def watch_show_vertical_scrollbar(self) -> None:
        # Textual's Tree caches drawn lines by the pane's outer width, but labels are fitted to
        # the width inside the scrollbar: when it comes or goes they must be drawn again, or a
        # count stays cut (or a name shortened) for the old width.
        self.notify_style_update()

    def _on_tree_node_expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        self.fill_lazy(event.node)

    def set_search_count(self, count: int | None) -> None:
        """Show the number of search results on the search node (None: no search)."""
        if self.search_node is None:
            return
        self.search_node.data = NodeData("search", {"count": count})
        self.search_node.set_label(node_label("⌕ 搜索结果 Results", count, "bold"))

    def set_starred_count(self, count: int) -> None:
        if self.starred_node is not None:
            self.starred_node.set_label(node_label("★ 收藏 Starred", count, "bold"))
