"""A researcher's sweep of the app (session 26): paging results after an invalid query, pasting
into the search bar, exporting to a pasted path, empty states, the footer and the help's keys."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from test_app_scale import make_app, search_everything
from test_app_support import export_keys, notifications_of, screen_text, search_keys, settle, until
from textual import events
from textual.containers import VerticalScroll
from textual.widgets import Input

from liaocheng_tui.parse.models import Article, Page
from liaocheng_tui.query import MAX_QUERY_CHARS
from liaocheng_tui.store import Library
from liaocheng_tui.tui.app import LiaochengApp
from liaocheng_tui.tui.screens import ExportScreen, HelpScreen


async def test_paging_results_after_an_invalid_query_pages_the_results_shown(tmp_path: Path) -> None:
    app, _opened = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_everything(pilot, app)
        article_list = app.article_list
        first_page = len(article_list.ids)
        assert first_page == 50 and article_list.total == 100_000
        # The query edited into one that cannot mean anything: its error shows, the results stay.
        await search_keys(pilot, app, "end", "space", *"title:", "enter")
        await until(pilot, lambda: app.searches_run == 2)
        assert app.search_error == "title: needs a value, e.g. title:诊断"
        assert len(article_list.ids) == first_page
        # The end of the results asks for the next page. Before, it was asked for with the invalid
        # query, whose QueryError ended the worker and the app (WorkerFailed).
        await pilot.press("G")
        await until(pilot, lambda: len(article_list.ids) > first_page)
        await settle(pilot, app)
        assert app.is_running and app.return_code is None
        assert article_list.ids[: first_page + 1] == list(range(1, first_page + 2))
        assert str(article_list.border_title) == "搜索 文章"


async def test_a_pasted_path_with_a_nul_is_refused_in_the_export_dialog(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    monkeypatch.chdir(folder)
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await export_keys(pilot, app, "ctrl+u")
        path_input = app.screen.query_one("#export-path", Input)
        await until(pilot, lambda: path_input.value == "")
        path_input.post_message(events.Paste("out\x00x.txt"))
        await until(pilot, lambda: path_input.value == "out\x00x.txt")
        await pilot.press("enter")
        # Before: ValueError (embedded null byte) out of the export, and the app ended.
        await until(pilot, lambda: "A path cannot contain a NUL character" in notifications_of(app))
        assert isinstance(app.screen, ExportScreen) and app.is_running
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ExportScreen))
        await settle(pilot, app)
        assert app.return_code is None
    assert list(folder.iterdir()) == []


async def test_a_paste_into_the_search_bar_is_one_line_of_terms_without_controls(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await search_keys(pilot, app)
        # Copied from a terminal: colours, and a headline's two lines with a tab between words.
        app.search_bar.post_message(events.Paste("\x1b[31m绿色\x1b[0m\r\n诊断\t专家\x07\n"))
        # Before: the first line alone, escapes and all ("\x1b[31m绿色\x1b[0m"), found nothing.
        await until(pilot, lambda: app.search_bar.value == "绿色 诊断 专家 ")
        await until(pilot, lambda: app.current_query == "绿色 诊断 专家")
        await settle(pilot, app)
        assert app.search_error is None and app.article_list.total == 1
        assert app.reader.record is not None and app.reader.record.title == "“绿色问诊”开良方"


async def test_a_page_pasted_into_the_search_bar_is_cut_just_past_the_longest_query(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await search_keys(pilot, app)
        app.search_bar.post_message(events.Paste("聊城市经济发展增长。\n" * 20_000))  # 220,000 characters
        # Joined whole, every key then took most of a second; cut, the query still says why.
        await until(pilot, lambda: len(app.search_bar.value) == MAX_QUERY_CHARS + 1)
        await until(pilot, lambda: app.search_error is not None)
        assert app.search_error == f"query too long: at most {MAX_QUERY_CHARS} characters"
        assert app.search_bar.value.startswith("聊城市经济发展增长。 聊城市经济发展增长。 ")


def one_article_library(path: Path) -> Path:
    """A library of one article: nothing in it is related to anything else."""
    article = Article(
        seq=1,
        title="独一无二的标题",
        byline="本报记者 王五",
        authors=["王五"],
        paragraphs=["这是唯一的一篇文章，没有任何相关的文章。"],
        date="2024-03-05",
        line_start=1,
        line_end=3,
    )
    page = Page(
        source="only.txt", articles=[article], publication="聊城日报", date="2024-03-05", section="要闻"
    )
    with Library(path) as library:
        library.add_page(page, "独一无二", hashlib.sha256(b"only").hexdigest())
    return path


async def test_an_article_with_no_related_ones_says_so(tmp_path: Path) -> None:
    app = LiaochengApp(one_article_library(tmp_path / "one.db"))
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: app.reader.record is not None)
        await settle(pilot, app)
        reader = app.reader
        lines = [line.rstrip() for line in reader.plain_lines]
        heading = lines.index(" 相关文章 Related")
        # Before: "  …" for good, as if the lookup were still running.
        assert lines[heading + 1] == "  无 · none in the library"
        assert "  无 · none in the library" in screen_text(app)
        assert reader.related_known and reader.related == []


async def test_a_maximized_pane_keeps_the_key_footer(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app)
        app.reader.focus()
        await until(pilot, lambda: app.focused is app.reader)
        app.screen.action_maximize()
        await until(pilot, lambda: app.screen.maximized is app.reader)
        await settle(pilot, app)
        lines = screen_text(app).rstrip("\n").split("\n")
        # Before: the reader's bottom border was the last line, and no key was offered.
        assert lines[-2].startswith("╰") and lines[-2].rstrip().endswith("╯")
        assert lines[-1].startswith(" q Quit  ? Help  / Search  e Export ")
        assert lines[-1].endswith("▏^p palette ")


async def test_the_list_is_titled_by_the_tree_node_without_its_count(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await pilot.press("s")
        tree = app.section_tree
        await until(
            pilot, lambda: tree.starred_node is not None and str(tree.starred_node.label).endswith(" 1")
        )
        tree.focus()
        await until(pilot, lambda: app.focused is tree)
        assert tree.starred_node is not None
        tree.move_cursor_to_line(tree.starred_node.line)
        await pilot.press("enter")
        await until(pilot, lambda: len(app.article_list.ids) == 1)
        await settle(pilot, app)
        # Before: "★ 收藏 Starred 1", a count the border's subtitle gives too, and which stayed 1
        # below after a star more or less.
        assert str(app.article_list.border_title) == "★ 收藏 Starred"
        assert app.article_list.border_subtitle == "1"
        date_node = next(
            node for node in tree.root.children[1].children if str(node.label).startswith("2023-02-20")
        )
        tree.move_cursor_to_line(date_node.line)
        await pilot.press("enter")
        await until(pilot, lambda: len(app.article_list.ids) == 2)
        assert str(app.article_list.border_title) == "2023-02-20"
        assert app.article_list.border_subtitle == "2"


async def test_the_help_scrolls_with_the_keys_that_move_everywhere_else(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        body = app.screen.query_one("#help-body", VerticalScroll)
        await until(pilot, lambda: body.max_scroll_y > 10)  # longer than the dialog
        # Before: j, k, g, G, Space and b did nothing there; only the arrows and PgDn/PgUp moved.
        await pilot.press("j", "j")
        await until(pilot, lambda: body.scroll_y == 2)
        await pilot.press("k")
        await until(pilot, lambda: body.scroll_y == 1)
        await pilot.press("G")
        await until(pilot, lambda: body.scroll_y == body.max_scroll_y)
        await pilot.press("g")
        await until(pilot, lambda: body.scroll_y == 0)
        await pilot.press("space")
        await until(pilot, lambda: body.scroll_y == body.scrollable_content_region.height)
        await pilot.press("b")
        await until(pilot, lambda: body.scroll_y == 0)
        assert isinstance(app.screen, HelpScreen)


async def test_b_pages_up_in_the_list_as_in_the_reader(tmp_path: Path) -> None:
    app, _opened = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        article_list = app.article_list
        page = article_list.scrollable_content_region.height - 1
        await pilot.press("space", "space")
        await until(pilot, lambda: article_list.cursor == 2 * page)
        await pilot.press("b")  # before: nothing (PgUp alone)
        await until(pilot, lambda: article_list.cursor == page)


async def test_the_empty_readers_hint_wraps_in_a_narrow_terminal(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(70, 24)) as pilot:
        await settle(pilot, app)
        await search_keys(pilot, app, *"没有这个词", "enter")
        await until(pilot, lambda: app.current_query == "没有这个词" and app.reader.record is None)
        await settle(pilot, app)
        width = app.reader.scrollable_content_region.width
        assert width < 45  # narrower than the hint on one line
        lines = [line.rstrip() for line in app.reader.plain_lines]
        # Before: one line cropped at the pane's edge, "  选择一篇文章阅读 · Select an article t".
        assert lines[1:3] == ["  选择一篇文章阅读 · Select an article", "  to read"]
        shown = screen_text(app)
        assert "Select an article" in shown and "to read" in shown


async def test_a_reload_keeps_the_cursor_on_the_search_result_being_read(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await search_keys(pilot, app, "市", "enter")
        await until(pilot, lambda: app.current_query == "市" and app.article_list.searching)
        await settle(pilot, app)
        article_list = app.article_list
        assert article_list.total == 3
        second = article_list.ids[1]
        await pilot.press("j")
        await until(pilot, lambda: app.reader.record is not None and app.reader.record.id == second)
        await settle(pilot, app)
        searches = app.searches_run
        await pilot.press("r")
        await until(pilot, lambda: app.searches_run > searches)
        await settle(pilot, app)
        # Before: the search ran again and the cursor, and the reader, went back to the first result.
        assert article_list.searching and article_list.cursor == 1
        assert app.reader.record is not None and app.reader.record.id == second
        # A new query's results start at the top.
        await search_keys(pilot, app, "end", "backspace", *"企业", "enter")
        await until(pilot, lambda: app.current_query == "企业")
        await settle(pilot, app)
        assert article_list.cursor == 0 and app.reader.record.id == article_list.ids[0]


async def test_prev_and_next_at_either_end_keep_the_readers_place(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(100, 14)) as pilot:
        await settle(pilot, app)
        article_list, reader = app.article_list, app.reader
        for go_to_end, key, index, where in (
            ("G", "right_square_bracket", 4, "last"),
            ("g", "left_square_bracket", 0, "first"),
        ):
            article_list.focus()
            await until(pilot, lambda: app.focused is article_list)
            await pilot.press(go_to_end, "enter")
            await until(pilot, lambda: app.focused is reader)
            await settle(pilot, app)
            assert article_list.cursor == index and reader.max_scroll_y > 2
            await pilot.press("j", "j")
            await until(pilot, lambda: reader.scroll_y == 2)
            await pilot.press(key)
            await settle(pilot, app)
            # Before: the same article opened again, at its top (scroll 0), and nothing said.
            assert article_list.cursor == index and reader.scroll_y == 2
            assert reader.record is not None and reader.record.id == article_list.ids[index]
            message = f"This is the {where} article of the list"
            await until(pilot, lambda said=message: said in notifications_of(app))


async def test_the_results_node_before_any_search_says_how_to_search(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        tree = app.section_tree
        tree.focus()
        await until(pilot, lambda: app.focused is tree and tree.search_node is not None)
        assert tree.search_node is not None
        tree.move_cursor_to_line(tree.search_node.line)
        await pilot.press("enter")
        # Before: nothing happened, and the list went on showing all articles.
        await until(pilot, lambda: "No search yet: press / to search" in notifications_of(app))
        assert len(app.article_list.ids) == 5 and not app.article_list.searching


async def test_moving_past_either_end_of_the_list_keeps_the_readers_place(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(100, 14)) as pilot:
        await settle(pilot, app)
        article_list, reader = app.article_list, app.reader
        for go_to_end, keys, index in (("G", ("j", "G", "end"), 4), ("g", ("k", "g", "home"), 0)):
            article_list.focus()
            await until(pilot, lambda: app.focused is article_list)
            await pilot.press(go_to_end, "enter")
            await until(pilot, lambda: app.focused is reader)
            await settle(pilot, app)
            assert article_list.cursor == index and reader.max_scroll_y > 2
            await pilot.press("j", "j")
            await until(pilot, lambda: reader.scroll_y == 2)
            article_list.focus()
            await until(pilot, lambda: app.focused is article_list)
            for key in keys:
                await pilot.press(key)
                await settle(pilot, app)
                # Before: the row already open was opened again, at its top (scroll 0).
                assert article_list.cursor == index and reader.scroll_y == 2, key
                assert reader.record is not None and reader.record.id == article_list.ids[index]
