"""Terminal and markup injection: hostile page text is shown as inert text, in the app and the CLI.

The hostile text carries what a page file could smuggle in: OSC 52 (write the clipboard), a
screen clear, bell, backspace, carriage return, C1 CSI, SGR colour, bidi override, and Rich
markup (``[bold]``, ``[/]``, ``[link=...]``). Expected: control and escape characters gone,
markup shown literally, nothing else lost.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_app_support import record_notifications, screen_text, search_keys, settle, until

from liaocheng_tui.cli import cli
from liaocheng_tui.parse.models import Article, Page
from liaocheng_tui.store import Library
from liaocheng_tui.tui.app import LiaochengApp

NASTY = (
    "\x1b]52;c;SGVsbG8=\x07"  # OSC 52: set the clipboard
    "\x1b[2J"  # clear the screen
    "\x07\b\r"  # bell, backspace, carriage return
    "[bold]粗[/]"
    "[link=https://evil.example]链[/link]"
    "\u202e反"  # right-to-left override
    "\x9b31m\x1b[31m"  # C1 CSI and ESC CSI colour
)
# What must be shown instead: the markup literally, every control gone.
VISIBLE = "[bold]粗[/][link=https://evil.example]链[/link]反"
TITLE = f"标题{NASTY}尾"
SHOWN_TITLE = f"标题{VISIBLE}尾"

# Characters that must never reach a terminal from article text (LF is layout, not content).
_ACTIVE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_page() -> Page:
    return Page(
        source=f"恶意{NASTY}.txt",
        publication=f"聊城{NASTY}日报",
        date="2023-02-21",
        section=f"时政{NASTY}",
        articles=[
            Article(
                seq=1,
                kicker=f"引题{NASTY}",
                title=TITLE,
                subtitle=f"——副题{NASTY}",
                byline=f"■ 本报记者 张{NASTY}三",
                authors=[f"张{NASTY}三"],
                column=f"目击{NASTY}",
                paragraphs=[f"第一段绿色{NASTY}发展。", f"第二段{NASTY}结束。"],
                date="2023-02-21",
                line_start=1,
                line_end=6,
            ),
            Article(
                seq=2, title="平常的标题", paragraphs=["平常的正文,绿色发展。"], line_start=7, line_end=8
            ),
        ],
    )


@pytest.fixture(scope="module")
def hostile_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "library.db"
    raw = f"{TITLE}\n{NASTY}\n"
    with Library(path) as library:
        library.add_page(hostile_page(), raw, hashlib.sha256(raw.encode()).hexdigest())
    return path


# ------------------------------------------------------------------------------------ the app


def visible_characters(app: LiaochengApp) -> str:
    """Every character the screen prints, styles aside."""
    return screen_text(app)


def terminal_bytes(app: LiaochengApp) -> str:
    """The screen as a terminal gets it, with the escape codes of its styles (and links)."""
    return screen_text(app, styles=True)


def assert_inert(app: LiaochengApp) -> None:
    shown = visible_characters(app)
    assert shown, "the screen rendered something"
    assert not _ACTIVE.search(shown.replace("\n", "")), repr(_ACTIVE.search(shown.replace("\n", "")))
    raw = terminal_bytes(app)
    # The app's own styling is SGR (ESC [ ... m); nothing else may appear: no OSC (clipboard,
    # title, hyperlinks from a [link] tag), no screen clear, no bell.
    assert "\x1b]" not in raw and "\x1b[2J" not in raw and "\x07" not in raw
    assert "\u202e" not in raw and "\x9b" not in raw


async def test_app_shows_hostile_text_inert_in_list_reader_tree_and_notices(
    hostile_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = record_notifications(monkeypatch)
    db = tmp_path / "library.db"
    shutil.copy(hostile_library, db)
    app = LiaochengApp(db)
    async with app.run_test(size=(200, 50), notifications=True) as pilot:
        await settle(pilot, app)
        # The tree: publication, section, column and author nodes all carry the hostile text.
        labels: list[str] = []
        for _ in range(3):  # some roots fill their children only when expanded
            labels = []
            stack = [app.section_tree.root]
            while stack:
                node = stack.pop()
                node.expand()
                labels.append(str(node.label))
                stack.extend(node.children)
            await settle(pilot, app)
        assert any(f"聊城{VISIBLE}日报" in label for label in labels), labels
        assert any(f"张{VISIBLE}三" in label for label in labels), labels
        assert not any(_ACTIVE.search(label) for label in labels)
        assert_inert(app)

        # The list and the reader.
        assert app.library is not None
        hostile_id = next(r.id for r in app.library.articles(app.article_list.ids) if r.title == TITLE)
        app.article_list.cursor = app.article_list.ids.index(hostile_id)
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.reader.record is not None and app.reader.record.id == hostile_id
        reader_text = "".join(app.reader.plain_lines)
        # In a paragraph the store turns a CR (a line break) into a space; in a title it is dropped.
        for expected in (SHOWN_TITLE, f"引题{VISIBLE}", f"第一段绿色 {VISIBLE}发展。", f"目击{VISIBLE}"):
            assert expected in reader_text, (expected, reader_text[-600:])
        assert not _ACTIVE.search(reader_text)
        assert "[bold]粗[/]" in screen_text(app)
        assert_inert(app)

        # A notification that quotes the title (starring), and a search with snippets.
        await pilot.press("s")
        await until(pilot, lambda: bool(messages))
        assert messages == [f"★ Starred {SHOWN_TITLE}"]
        await until(pilot, lambda: "★ Starred" in screen_text(app))
        toast_text = screen_text(app)
        assert "★ Starred" in toast_text and SHOWN_TITLE in toast_text  # the toast wraps after "Starred"
        assert_inert(app)
        await search_keys(pilot, app, *"绿色")
        await settle(pilot, app)
        assert app.search_result is not None and app.search_result.total == 2
        assert_inert(app)


# ------------------------------------------------------------------------------------ the CLI


def run(*args: str | Path, terminal: bool = False) -> Result:
    # FORCE_COLOR makes Rich treat the output as a terminal, with styles, as a user sees it.
    env = {"FORCE_COLOR": "1", "COLUMNS": "200"} if terminal else {"NO_COLOR": "1"}
    return CliRunner().invoke(cli, [str(arg) for arg in args], env=env)


def assert_cli_inert(result: Result, *, terminal: bool) -> None:
    assert result.exit_code == 0, (result.exit_code, result.stderr)
    for stream in (result.stdout, result.stderr):
        if terminal:  # SGR styling and the progress bar's own redrawing are expected; nothing else
            stream = re.sub(r"\x1b\[[0-9;]*m|\x1b\[\?25[lh]|\r?\x1b\[2K|\x1b\[\d*A", "", stream)
        assert not _ACTIVE.search(stream.replace("\n", "")), repr(stream)


@pytest.fixture(scope="module")
def hostile_page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # A page file, so that parse, build and everything after them see the hostile text.
    folder = tmp_path_factory.mktemp("hostile_file")
    # The file name is hostile too: it is shown by the progress bar, build, search and show.
    page = folder / "page\x1b]0;title\x07\x1b[2J\u202e[bold]名\r.txt"
    page.write_text(
        f"{TITLE}\n\n本报讯(记者 张三)第一段绿色{NASTY}发展。"
        + "这是一段足够长的正常正文，用来说明控制字符只占页面的一小部分。" * 6
        + f"\n\n第二段{NASTY}结束。\n",
        encoding="utf-8",
    )
    return page


@pytest.mark.parametrize("terminal", [False, True])
def test_cli_output_of_a_hostile_page_is_inert(
    hostile_page_file: Path, tmp_path: Path, terminal: bool
) -> None:
    db = tmp_path / "library.db"
    built = run("build", "--db", db, hostile_page_file, terminal=terminal)
    assert_cli_inert(built, terminal=terminal)
    for args in (("parse", hostile_page_file), ("parse", hostile_page_file, "--json"), ("stats", "--db", db)):
        assert_cli_inert(run(*args, terminal=terminal), terminal=terminal)
    with Library(db) as library:
        ids = library.article_ids()
        records = library.articles(ids)
    assert any("[bold]粗[/]" in record.headline for record in records), "the markup is kept as text"
    for article_id in ids:
        shown = run("show", str(article_id), "--db", db, terminal=terminal)
        assert_cli_inert(shown, terminal=terminal)
    found = run("search", "绿色", "--db", db, terminal=terminal)
    assert_cli_inert(found, terminal=terminal)
    assert "[bold]粗[/]" in found.stdout or "[bold]" in found.stdout.replace("\x1b[1m", "")
    exported = run("export", *map(str, ids), "--db", db, "-o", f"{tmp_path / 'out'}/", terminal=terminal)
    assert_cli_inert(exported, terminal=terminal)
    texts = [path.read_text(encoding="utf-8") for path in (tmp_path / "out").iterdir()]
    assert len(texts) == len(ids)
    assert "[bold]粗[/]" in "".join(texts)
    assert not any(_ACTIVE.search(text.replace("\n", "")) for text in texts)
