"""Reading page files: encodings, refusals, hashing, folder expansion, bundled seeds."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from liaocheng_tui.sources import PageError, bundled_seed_paths, iter_page_paths, read_page_file

CHINESE_PAGE = "聊城市召开全市工作会议\n\n本报讯(记者 张三)2月20日,会议在东昌府区举行。“开局就要加速。”\n"


def test_reads_utf8_and_hashes_raw_bytes(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    raw = CHINESE_PAGE.encode("utf-8")
    page.write_bytes(raw)
    result = read_page_file(page)
    assert result.text == CHINESE_PAGE
    assert result.source == "page.txt"
    assert result.encoding == "utf-8"
    assert result.sha256 == hashlib.sha256(raw).hexdigest()


def test_utf8_bom_is_removed_from_text(tmp_path: Path) -> None:
    page = tmp_path / "bom.txt"
    page.write_bytes(b"\xef\xbb\xbf" + CHINESE_PAGE.encode("utf-8"))
    result = read_page_file(page)
    assert result.text == CHINESE_PAGE
    assert not result.text.startswith("\ufeff")
    assert result.encoding == "utf-8-sig"


def test_gb18030_page_is_decoded_correctly(tmp_path: Path) -> None:
    page = tmp_path / "gbk.txt"
    page.write_bytes(CHINESE_PAGE.encode("gb18030"))
    result = read_page_file(page)
    assert result.encoding == "gb18030"
    assert result.text == CHINESE_PAGE


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    page = tmp_path / "utf16.txt"
    page.write_bytes(CHINESE_PAGE.encode("utf-16"))
    assert read_page_file(page).text == CHINESE_PAGE


def test_utf16_mark_before_junk_bytes_is_refused(tmp_path: Path) -> None:
    # FF FE then bytes that decode as UTF-16 to an Arabic ligature and two unrelated Han characters.
    page = tmp_path / "junk.txt"
    page.write_bytes(b"\xff\xfe\xfa\xfb\x80\x81 abc")
    with pytest.raises(PageError, match="cannot decode"):
        read_page_file(page)


def test_undecodable_bytes_are_refused_not_turned_into_mojibake(tmp_path: Path) -> None:
    # Latin-1 French: not UTF-8, and what GB18030 would make of it is not Chinese text.
    page = tmp_path / "latin1.txt"
    page.write_bytes("Le café est très chaud à Liaocheng, déjà été.\n".encode("latin-1"))
    with pytest.raises(PageError, match="cannot decode"):
        read_page_file(page)


def test_truncated_utf8_in_the_middle_is_refused(tmp_path: Path) -> None:
    raw = CHINESE_PAGE.encode("utf-8")
    page = tmp_path / "broken.txt"
    page.write_bytes(raw[:10] + b"\xff\xfe\xfa" + raw[10:])
    with pytest.raises(PageError):
        read_page_file(page)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty file"),
        (b"  \n\r\n\t ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_bad_files_are_refused_with_one_line(tmp_path: Path, content: bytes, expected: str) -> None:
    page = tmp_path / "bad.txt"
    page.write_bytes(content)
    with pytest.raises(PageError) as caught:
        read_page_file(page)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message
    assert str(page) in message


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(PageError, match="no such file"):
        read_page_file(tmp_path / "nope.txt")
    with pytest.raises(PageError, match="is a folder"):
        read_page_file(tmp_path)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "big.txt"
    page.write_bytes(CHINESE_PAGE.encode("utf-8") * 100)
    with pytest.raises(PageError, match="too large"):
        read_page_file(page, max_bytes=1000)
    assert read_page_file(page, max_bytes=100_000).text.startswith("聊城市")


def test_iter_page_paths_expands_folders_sorted_recursive_and_dedupes(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("x", encoding="utf-8")
    single = tmp_path / "notes.md"
    found = list(iter_page_paths([tmp_path, tmp_path / "a.txt", single]))
    assert [p.path.relative_to(tmp_path).as_posix() for p in found] == [
        "a.txt",
        "b.txt",
        "sub/c.txt",
        "notes.md",
    ]
    # Sources are relative to the folder they were found in; a file named directly keeps its name.
    assert [p.source for p in found] == ["a.txt", "b.txt", "sub/c.txt", "notes.md"]


def test_iter_page_paths_refuses_missing_path_before_yielding(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(PageError, match="no such file or folder"):
        list(iter_page_paths([tmp_path / "a.txt", tmp_path / "missing"]))


def test_bundled_seeds_are_found_and_readable(seed_paths: list[Path]) -> None:
    bundled = bundled_seed_paths()
    assert [p.name for p in bundled] == [p.name for p in seed_paths]
    for path in bundled:
        page = read_page_file(path)
        assert page.encoding.startswith("utf-8")
        assert len(page.text) > 1000
