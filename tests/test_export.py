"""Export formats, file naming, no-overwrite, path safety, and the terminal-safe text helpers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from liaocheng_tui.export import (
    ExportError,
    default_filename,
    export_format,
    export_refusal,
    render_article,
    render_articles,
    safe_filename,
    write_articles,
)
from liaocheng_tui.safe_text import highlighted, one_line, strip_controls


@dataclass(frozen=True)
class FakeRecord:
    """Stands in for store.ArticleRecord: export only reads these attributes."""

    id: int = 7
    source: str = "000_page.txt"
    seq: int = 2
    publication: str | None = "聊城日报"
    date: str | None = "2023-02-21"
    section: str | None = "时政动态"
    kicker: str | None = "春耕时节"
    title: str | None = "全市小麦长势良好"
    subtitle: str | None = "——农技人员下田指导"
    byline: str | None = "■ 本报记者 张三"
    authors: list[str] = field(default_factory=lambda: ["张三"])
    column: str | None = "三农观察"
    kind: str = "news"
    paragraphs: list[str] = field(default_factory=lambda: ["第一段，麦苗返青。", "第二段，*农民*忙浇水。"])
    line_start: int = 5
    line_end: int = 12
    read: bool = False
    starred: bool = False

    @property
    def headline(self) -> str:
        return self.title or (self.paragraphs[0][:24] if self.paragraphs else "")


def test_txt_has_headings_then_metadata_then_body_in_order() -> None:
    text = render_article(FakeRecord(), "txt")
    order = [
        "春耕时节",
        "全市小麦长势良好",
        "——农技人员下田指导",
        "■ 本报记者 张三",
        "2023-02-21",
        "时政动态 / 三农观察",
        "000_page.txt",
        "第一段，麦苗返青。",
        "第二段，*农民*忙浇水。",
    ]
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions)
    assert text.endswith("\n")
    assert "\x1b" not in text


def test_txt_strips_escape_codes_and_controls_from_article_text() -> None:
    record = FakeRecord(title="标题\x1b[31m红\x1b[0m\u202e反", paragraphs=["正文\x07\x08段落\r覆盖"])
    text = render_article(record, "txt")
    assert "标题红反" in text
    assert "正文段落覆盖" in text
    assert not any(ch in text for ch in "\x1b\x07\x08\r\u202e")


JSON_FIELDS = (
    "id",
    "source",
    "seq",
    "publication",
    "date",
    "section",
    "column",
    "kind",
    "kicker",
    "title",
    "subtitle",
    "byline",
    "authors",
    "paragraphs",
    "line_start",
    "line_end",
)


def assert_json_is_record(loaded: dict[str, Any], record: Any) -> None:
    """An exported JSON article holds every field of the record it came from, unchanged."""
    for name in JSON_FIELDS:
        assert loaded[name] == getattr(record, name), name


def test_json_round_trip_keeps_every_field() -> None:
    record = FakeRecord()
    loaded = json.loads(render_article(record, "json"))
    assert_json_is_record(loaded, record)


def test_several_articles_in_json_are_an_array() -> None:
    loaded = json.loads(render_articles([FakeRecord(id=1), FakeRecord(id=2)], "json"))
    assert [item["id"] for item in loaded] == [1, 2]


def test_markdown_escapes_markup_in_article_text() -> None:
    text = render_article(FakeRecord(), "md")
    assert "# 全市小麦长势良好" in text
    assert r"\*农民\*" in text


def test_markdown_keeps_paragraphs_that_look_like_lists_rules_or_entities_as_text() -> None:
    # Rendered by CommonMark (markdown-it, which Rich brings), these became a list (losing "-" and
    # renumbering), a rule (losing the text), a list nested in the byline's item, and "©".
    record = FakeRecord(
        byline="1. 本报记者 张三",
        paragraphs=["1. 坚持绿色发展。", "- 也不是列表", "+ 加号", "2) 第二", "---", "R&D投入&copy;"],
    )
    text = render_article(record, "md")
    assert "- 1\\. 本报记者 张三\n" in text
    assert "\n\n1\\. 坚持绿色发展。\n\n\\- 也不是列表\n\n\\+ 加号\n\n2\\) 第二\n\n\\---\n\n" in text
    html = MarkdownIt("commonmark").render(text)
    assert "<ol" not in html
    assert "<hr" not in html
    assert "<li>1. 本报记者 张三</li>" in html
    paragraphs = ["1. 坚持绿色发展。", "- 也不是列表", "+ 加号", "2) 第二", "---", "R&amp;D投入&amp;copy;"]
    assert "".join(f"<p>{p}</p>\n" for p in paragraphs) in html


def test_photo_caption_without_title_exports_its_headline() -> None:
    record = FakeRecord(
        kicker=None, title=None, subtitle=None, kind="photo", paragraphs=["图为市民在公园赏花。"]
    )
    assert render_article(record, "txt").startswith("图为市民在公园赏花。")
    assert default_filename(record, "txt") == "2023-02-21_图为市民在公园赏花。.txt"


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("2023-02-21_标题", "2023-02-21_标题.txt"),
        ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j.txt"),
        ("../../etc/passwd", "___.._etc_passwd.txt"),
        ("..", "__.txt"),
        ("CON", "CON_.txt"),
        ("nul", "nul_.txt"),
        ("标题\x1b[31m\n第二行", "标题_[31m_第二行.txt"),
        ("  ", "article.txt"),
        ("标题. ", "标题.txt"),
    ],
)
def test_safe_filename(stem: str, expected: str) -> None:
    assert safe_filename(stem, "txt") == expected


def test_safe_filename_caps_length_in_bytes_without_splitting_characters() -> None:
    name = safe_filename("聊" * 300, "txt", max_bytes=100)
    assert len(name.encode("utf-8")) <= 100
    assert name.endswith(".txt")
    assert set(name[:-4]) == {"聊"}


def test_folder_export_names_files_and_refuses_to_overwrite(tmp_path: Path) -> None:
    records = [FakeRecord(id=1), FakeRecord(id=2, title="另一篇报道", date=None)]
    written = write_articles(records, tmp_path, "txt")
    assert sorted(p.name for p in written) == ["2023-02-21_全市小麦长势良好.txt", "undated_另一篇报道.txt"]
    first = tmp_path / "2023-02-21_全市小麦长势良好.txt"
    first.write_text("user edits", encoding="utf-8")
    with pytest.raises(ExportError, match="refusing to overwrite"):
        write_articles(records, tmp_path, "txt")
    assert first.read_text(encoding="utf-8") == "user edits"
    write_articles(records, tmp_path, "txt", overwrite=True)
    assert "全市小麦长势良好" in first.read_text(encoding="utf-8")


def test_folder_export_with_same_date_and_title_keeps_both(tmp_path: Path) -> None:
    written = write_articles([FakeRecord(id=1), FakeRecord(id=2)], tmp_path, "json")
    assert len({p.name for p in written}) == 2
    assert sorted(json.loads(p.read_text(encoding="utf-8"))["id"] for p in written) == [1, 2]


def test_path_traversal_title_stays_inside_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "out"
    record = FakeRecord(title="../../../escape", date="../..")
    written = write_articles([record], str(target) + "/", "txt")  # type: ignore[arg-type]
    assert len(written) == 1
    assert written[0].parent == target
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_forced_overwrite_replaces_a_symlink_instead_of_following_it(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    link = folder / default_filename(FakeRecord(), "txt")
    link.symlink_to(outside)
    with pytest.raises(ExportError):
        write_articles([FakeRecord()], folder, "txt")
    write_articles([FakeRecord()], folder, "txt", overwrite=True)
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink()


def test_single_file_target(tmp_path: Path) -> None:
    target = tmp_path / "one.md"
    assert write_articles([FakeRecord(id=1), FakeRecord(id=2)], target, "md") == [target]
    assert target.read_text(encoding="utf-8").count("# 全市小麦长势良好") == 2
    with pytest.raises(ExportError, match="use --force"):
        write_articles([FakeRecord()], target, "md")
    with pytest.raises(ExportError, match="no such folder"):
        write_articles([FakeRecord()], tmp_path / "missing" / "x.txt", "txt")


def test_strip_controls_removes_escapes_and_keeps_text() -> None:
    dirty = "a\x1b[1;31mb\x1b]0;title\x07c\x1b]8;;http://x\x1b\\d\r\ne\rf\u202eg\u2066h\x9b2Ji\x00j\tk"
    assert strip_controls(dirty) == "abcd\nefghij\tk"
    assert strip_controls("x\ny\tz", keep_newlines=False) == "xyz"
    # An unterminated string sequence loses only its introducer, not the rest of the article.
    assert strip_controls("开头\x1b]后面的正文") == "开头后面的正文"


def test_one_line_folds_whitespace() -> None:
    assert one_line("  标题\n第二行\t\x1b[0m ") == "标题 第二行"
    assert one_line(None) == ""


def test_highlighted_uses_spans_not_markup() -> None:
    text = highlighted("[bold]聊城市[/bold]\x1b[31m城市", [(7, 9), (21, 23)], style="reverse")
    assert text.plain == "[bold]聊城市[/bold]城市"
    marked = [text.plain[span.start : span.end] for span in text.spans]
    assert marked == ["城市", "城市"]


def test_the_format_follows_the_extension_unless_one_is_chosen(tmp_path: Path) -> None:
    # Before, `export -o b.json` wrote plain text into b.json: the format was txt unless given.
    assert export_format("b.json", None) == "json"
    assert export_format("notes/b.md", None) == "md"
    assert export_format("b.markdown", None) == "md"
    assert export_format("B.JSON", None) == "json"  # any case
    assert export_format("b.txt", None) == "txt"
    assert export_format("b.json.txt", None) == "txt"  # the last extension
    # An explicit choice wins over the extension.
    assert export_format("b.json", "txt") == "txt"
    assert export_format("b.txt", "md") == "md"
    # No known extension: the default (txt, or the dialog's choice).
    assert export_format("notes", None) == "txt"
    assert export_format("b.doc", None) == "txt"
    assert export_format("b.doc", None, default="md") == "md"
    assert export_format("-", None) == "txt"
    # A folder's name is no file's format: the files in it are named by the format.
    assert export_format("out.json/", None) == "txt"
    (tmp_path / "dir.md").mkdir()
    assert export_format(str(tmp_path / "dir.md"), None) == "txt"


def test_an_empty_target_is_refused_not_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Path("") is ".": an empty target used to export into the current folder.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ExportError, match=r"^no path to export to \(use - for standard output\)$"):
        write_articles([FakeRecord()], "", "txt")
    assert list(tmp_path.iterdir()) == []


def test_a_path_holding_a_nul_is_refused_as_an_export_error(tmp_path: Path) -> None:
    # os calls raise ValueError (not OSError) for it, which callers catching ExportError missed.
    target = str(tmp_path / "a\0b.txt")
    with pytest.raises(ExportError, match="NUL"):
        write_articles([FakeRecord()], target, "txt")
    assert export_refusal(Path(target)) == "the path holds a NUL character, which no file name can"
    assert list(tmp_path.iterdir()) == []
