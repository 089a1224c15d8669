"""Functional tests of the Textual app, driven with the pilot against a real library."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from test_app_support import (
    GREEN,
    GREEN_PARAGRAPHS,
    INJECTED_TITLE,
    confirm_ready,
    export_keys,
    press_then,
    record_notifications,
    screen_text,
    search_keys,
    settle,
    until,
)
from textual.widgets import Input, RadioSet

from liaocheng_tui.export import default_filename, render_article
from liaocheng_tui.store import Library
from liaocheng_tui.tui.app import LiaochengApp
from liaocheng_tui.tui.screens import ExportScreen, HelpScreen, help_renderable

__all__ = ["screen_text", "settle"]  # (other test modules import them from here)


def headlines(app: LiaochengApp) -> list[str]:
    assert app.library is not None
    return [record.headline for record in app.library.articles(app.article_list.ids)]


async def test_starts_with_all_articles_newest_first(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        assert len(app.article_list.ids) == 5
        # Newest issue (02-21) first, in page order.
        assert headlines(app)[:2] == ["“绿色问诊”开良方", INJECTED_TITLE]
        assert app.reader.record is not None and app.reader.record.title == "“绿色问诊”开良方"
        assert "5 篇" in str(app.sub_title)
        assert app.section_tree.display is True


async def test_tree_filter_lists_the_issue(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        tree = app.section_tree
        labels = [
            str(node.label) if node is not None else ""
            for node in map(tree.get_node_at_line, range(tree.last_line + 1))
        ]
        date_line = next(i for i, label in enumerate(labels) if label.startswith("2023-02-20"))
        tree.focus()
        tree.move_cursor_to_line(date_line)
        await pilot.press("enter")
        await settle(pilot, app)
        assert headlines(app) == ["聊城将实施产业振兴三年行动计划", "临清市召开经济工作会议"]
        assert app.article_list.border_subtitle == "2"


async def test_list_to_reader_and_read_state(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await pilot.press("j", "j", "j")
        await pilot.press("enter")
        await settle(pilot, app)
        opened = app.article_list.ids[3]
        assert app.reader.record is not None and app.reader.record.id == opened
        assert app.focused is app.reader
        assert app.library is not None
        record = app.library.article(opened)
        assert record is not None and record.read is True
        # The article two rows up was only passed over, so it stays unread.
        passed = app.library.article(app.article_list.ids[1])
        assert passed is not None and passed.read is False
        await pilot.press("right_square_bracket")
        await settle(pilot, app)
        assert app.reader.record.id == app.article_list.ids[4]
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot, app)
        assert app.reader.record.id == app.article_list.ids[2]


async def test_search_as_you_type_highlights_spans(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await search_keys(pilot, app)
        assert app.focused is app.search_bar
        await pilot.press(*GREEN)
        await settle(pilot, app)
        # Results arrived without Enter, and only the article that contains the term.
        assert app.article_list.searching
        assert headlines(app) == ["“绿色问诊”开良方"]
        assert app.article_list.border_subtitle == "1 result"
        await pilot.press("enter")
        assert app.focused is app.article_list
        reader = app.reader
        # Subtitle once, then twice in the body's two paragraphs: 1 + 1 + 2.
        second = len(GREEN_PARAGRAPHS[0]) + 1  # body offsets run across "\n".join(paragraphs)
        assert [(m.field, m.start, m.end) for m in reader.matches] == [
            ("subtitle", 13, 17),
            ("body", 14, 18),
            ("body", second + 6, second + 10),
            ("body", second + 35, second + 39),
        ]
        # A match may wrap over two lines; join the highlighted characters in reading order.
        assert "".join(reader.runs_styled_as("reader--match")) == GREEN * 4
        # The snippet row shows the term highlighted too.
        text = screen_text(app)
        assert GREEN in text.split("1 result")[0]


async def test_n_and_shift_n_step_through_matches(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await search_keys(pilot, app, *GREEN)
        await settle(pilot, app)
        await press_then(pilot, "enter", lambda: app.focused is app.article_list, "enter")
        await until(pilot, lambda: app.focused is app.reader)
        assert app.reader.border_subtitle == "4 matches · n/N"
        await pilot.press("n")
        assert app.reader.border_subtitle == "match 1/4"
        await pilot.press("n", "n")
        assert app.reader.border_subtitle == "match 3/4"
        assert app.reader.runs_styled_as("reader--current-match") == [GREEN]
        await pilot.press("N", "N", "N")
        assert app.reader.border_subtitle == "match 4/4"


async def test_escape_leaves_then_clears_search(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await search_keys(pilot, app, *GREEN)
        await settle(pilot, app)
        await pilot.press("escape")
        assert app.focused is app.article_list
        assert app.search_bar.value == GREEN
        assert len(app.article_list.ids) == 1
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.search_bar.value == ""
        assert not app.article_list.searching
        assert len(app.article_list.ids) == 5


async def test_search_history_up_and_down(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        for query in ("聊城", "临清"):
            await search_keys(pilot, app, "ctrl+u", *query, "enter")
            await settle(pilot, app)
        await search_keys(pilot, app, "ctrl+u")
        await pilot.press("up")
        assert app.search_bar.value == "临清"
        await pilot.press("up")
        assert app.search_bar.value == "聊城"
        await pilot.press("down")
        assert app.search_bar.value == "临清"
        await pilot.press("down")
        assert app.search_bar.value == ""


async def test_bad_query_shows_one_line_error(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await search_keys(pilot, app, "-", *"聊城")
        await settle(pilot, app)
        assert app.search_error is not None and "\n" not in app.search_error
        assert app.search_bar.has_class("-error")
        assert len(app.article_list.ids) == 5


async def test_export_writes_default_file(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workdir = tmp_path / "out"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    messages = record_notifications(monkeypatch)
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        record = app.reader.record
        assert record is not None
        await export_keys(pilot, app)
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-path").value == f"./{default_filename(record, 'txt')}"  # type: ignore[attr-defined]
        await pilot.press("enter")
        expected = workdir / default_filename(record, "txt")
        await until(pilot, lambda: any(str(expected) in message for message in messages))
        assert expected.name == "2023-02-21_“绿色问诊”开良方.txt"
        assert expected.read_text(encoding="utf-8") == render_article(record, "txt")


async def test_export_format_choice(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        record = app.reader.record
        assert record is not None
        await export_keys(pilot, app, "ctrl+t")
        assert app.screen.query_one("#export-path").value.endswith(".md")  # type: ignore[attr-defined]
        await pilot.press("ctrl+t")
        await pilot.press("enter")
        written = tmp_path / default_filename(record, "json")
        await until(pilot, written.exists)
        assert written.read_text(encoding="utf-8") == render_article(record, "json")


async def test_export_dialog_format_follows_a_typed_extension(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: a path typed as b.json, with the format left at txt, got plain text.
    monkeypatch.chdir(tmp_path)
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        record = app.reader.record
        assert record is not None
        await export_keys(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        dialog.query_one("#export-path", Input).value = "b.json"
        # The format buttons follow the typed extension, so the dialog shows what it will write.
        await until(pilot, lambda: dialog.query_one(RadioSet).pressed_button is not None)
        await until(pilot, lambda: str(dialog.query_one(RadioSet).pressed_button.label) == "json")  # type: ignore[union-attr]
        await pilot.press("enter")
        written = tmp_path / "b.json"
        await until(pilot, written.exists)
        loaded = json.loads(written.read_text(encoding="utf-8"))
        assert (loaded["id"], loaded["title"]) == (record.id, "“绿色问诊”开良方")


async def test_export_dialog_choosing_a_format_renames_an_upper_case_extension(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await export_keys(pilot, app)
        path_input = app.screen.query_one("#export-path", Input)
        path_input.value = "B.TXT"
        await pilot.press("ctrl+t")  # txt -> md: the path must say .md, not keep .TXT
        await until(pilot, lambda: path_input.value == "B.md")
        await pilot.press("enter")
        written = tmp_path / "B.md"
        await until(pilot, written.exists)
        assert written.read_text(encoding="utf-8").splitlines()[0] == "# “绿色问诊”开良方"
        assert not (tmp_path / "B.TXT").exists()


async def test_export_never_overwrites_without_asking(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    messages = record_notifications(monkeypatch)
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        record = app.reader.record
        assert record is not None
        existing = tmp_path / default_filename(record, "txt")
        existing.write_text("mine", encoding="utf-8")
        await export_keys(pilot, app, "enter")
        await until(pilot, lambda: confirm_ready(app))
        await pilot.press("n")
        await until(pilot, lambda: "Not exported: the file was kept" in messages)
        assert existing.read_text(encoding="utf-8") == "mine"
        await export_keys(pilot, app, "enter")
        await until(pilot, lambda: confirm_ready(app))
        await pilot.press("y")
        await until(pilot, lambda: existing.read_text(encoding="utf-8") != "mine")
        assert existing.read_text(encoding="utf-8") == render_article(record, "txt")


async def test_export_to_the_home_of_a_user_who_does_not_exist_is_refused_not_a_crash(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: Path.expanduser raised RuntimeError("Could not determine home directory.") and
    # the app ended with a traceback. Now ~name is kept as typed, as a shell keeps it.
    workdir = tmp_path / "out"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    messages = record_notifications(monkeypatch)
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await export_keys(pilot, app)
        app.screen.query_one("#export-path").value = "~liaocheng-no-such-user/x.txt"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await until(
            pilot, lambda: any(message.startswith("Export failed: no such folder") for message in messages)
        )
        assert app.is_running and not isinstance(app.screen, ExportScreen)
    assert list(workdir.iterdir()) == []


async def test_e_types_into_search_bar_instead_of_exporting(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await search_keys(pilot, app, "e")
        assert app.search_bar.value == "e"
        assert not isinstance(app.screen, ExportScreen)


async def test_help_explains_query_language(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "查询语法 Query language" in text
        console = Console(width=90, file=io.StringIO(), record=True)
        console.print(help_renderable())
        text = console.export_text()
        for needle in (
            "OR",
            "-企业",
            '"绿色诊断"',
            "title:",
            "author:",
            "date:2023-02-01..2023-02-28",
            "Ctrl+P",
        ):
            assert needle in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_narrow_layout_collapses_tree_and_toggles(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert app.section_tree.display is False
        assert app.article_list.region.width > 20 and app.reader.region.width > 30
        assert app.article_list.region.right <= 80 and app.reader.region.right <= 80
        # Every reader line fits its pane, double-width characters counted as two.
        width = app.reader.scrollable_content_region.width
        assert all(line.cell_len <= width for line in app.reader.text_lines())
        await pilot.press("t")
        assert app.section_tree.display is True
        await pilot.press("t")
        assert app.section_tree.display is False
        text = screen_text(app)
        assert "“绿色问诊”开良方" in text


async def test_wide_layout_shows_tree(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app)
        assert app.section_tree.display is True
        await pilot.resize_terminal(90, 30)
        await until(pilot, lambda: app.section_tree.display is False)


async def test_markup_injection_title_shows_as_written(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await pilot.press("j", "enter")
        await settle(pilot, app)
        assert app.reader.record is not None and app.reader.record.title == INJECTED_TITLE
        text = screen_text(app)
        assert text.count(INJECTED_TITLE) >= 2  # list row and reader title
        assert "[red]正文[/red] 含有转义字符的段落。" in text
        assert "\x1b" not in "".join(app.reader.plain_lines)


async def test_star_and_copy(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        record = app.reader.record
        assert record is not None
        await pilot.press("s")
        assert app.library is not None
        starred = app.library.article(record.id)
        assert starred is not None and starred.starred
        assert app.library.article_ids(starred=True) == [record.id]
        assert "★" in screen_text(app)
        await pilot.press("y")
        assert app.clipboard == render_article(starred, "txt")
        await pilot.press("s")
        unstarred = app.library.article(record.id)
        assert unstarred is not None and not unstarred.starred


async def wait_until_warm(pilot: object, app: LiaochengApp) -> None:
    """Wait for the quiet-time load of jieba's dictionary, then for what it started."""
    await until(pilot, lambda: app.warm)  # type: ignore[arg-type]
    await settle(pilot, app)  # type: ignore[arg-type]


async def test_keywords_and_related_wait_for_the_dictionary(db_path: Path) -> None:
    # Both need jieba's dictionary, which the app loads only once the keyboard is quiet (related
    # articles are [] before that unless another test in this process has loaded it already).
    app = LiaochengApp(db_path)
    app.warm_up_quiet = 3600.0  # never quiet enough: the app does not load the dictionary
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        reader = app.reader
        assert reader.record is not None
        assert reader.keywords is None and "关键词 …" in screen_text(app)
        assert not app.warm
        app.warm_up_quiet = 0.0
        await wait_until_warm(pilot, app)
        assert reader.keywords and "绿色" in reader.keywords
        assert 1 <= len(reader.related) <= 3


async def test_keywords_and_related_load_in_background(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_until_warm(pilot, app)
        reader = app.reader
        assert reader.keywords, "keywords arrive from the background worker"
        assert "绿色" in reader.keywords
        assert 1 <= len(reader.related) <= 3
        assert all(related.id != reader.record.id for related in reader.related)  # type: ignore[union-attr]
        first_related = reader.related[0].id
        reader.focus()
        await pilot.press("1")
        await settle(pilot, app)
        assert reader.record is not None and reader.record.id == first_related


async def test_command_palette_has_app_commands(db_path: Path) -> None:
    app = LiaochengApp(db_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ("Export article", "Search", "Toggle section tree", "Theme", "Rebuild library"):
            assert title in titles


async def test_empty_library_is_built_from_seeds(tmp_path: Path) -> None:
    app = LiaochengApp(tmp_path / "new.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        assert app.library is not None and not app.library.is_empty()
        assert len(app.article_list.ids) == len(app.library.article_ids()) > 0
        assert app.query_one("#build-panel").display is False


async def test_a_first_build_cut_short_is_finished_when_the_app_opens(tmp_path: Path) -> None:
    from liaocheng_tui.build import build_library
    from liaocheng_tui.sources import bundled_seed_paths

    path = tmp_path / "new.db"
    with Library(path, create=True) as library:  # the app quit during its first build, after a page
        build_library(library, bundled_seed_paths()[:1], jobs=1)
    app = LiaochengApp(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        await until(pilot, lambda: app.library is not None and app.library.counts().pages == 5)
        assert len(app.article_list.ids) == 51  # the README's first run: 51 articles
        assert app.query_one("#build-panel").display is False


async def test_a_background_result_arriving_after_the_widgets_are_gone_cancels_its_worker(
    db_path: Path,
) -> None:
    import asyncio

    app = LiaochengApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        # While the reader is up, a finished job hands its result to the worker.
        assert await app.in_background(lambda library, searcher: 42) == 42
        # Once it is gone (as when the app closes while a job runs), the worker is cancelled
        # quietly instead of failing on a widget lookup.
        await app.reader.remove()
        with pytest.raises(asyncio.CancelledError):
            await app.in_background(lambda library, searcher: 42)
        app.exit()
