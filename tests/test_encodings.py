"""GB18030 is accepted only when it reads as Chinese (issue 11, item 11); Big5 too, in its simplified forms.

Japanese Shift-JIS and Korean EUC-KR pages decode as GB18030 without an error and were stored
as mojibake. The Japanese and Korean pages in tests/data/encodings were written for these tests
(news-style prose); the Chinese pages are the bundled seeds and the unseen test pages, re-encoded.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from liaocheng_tui.common_han import COMMON_HAN, TABLE_SIZE, rank_han_characters
from liaocheng_tui.sources import PageError, _reads_as_chinese, read_page_file

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
JAPANESE = (DATA / "encodings" / "ja.txt").read_text(encoding="utf-8")
KOREAN = (DATA / "encodings" / "ko.txt").read_text(encoding="utf-8")
# A seed's first 40 lines in traditional characters (OpenCC s2t, characters Big5 lacks left out).
TRADITIONAL = (DATA / "encodings" / "zh_hant.txt").read_text(encoding="utf-8")
CHINESE_PAGES = sorted((REPO_ROOT / "seeds").glob("*.txt")) + sorted((DATA / "unseen").glob("*.txt"))


def test_the_common_character_table_is_derived_from_jiebas_dictionary() -> None:
    assert len(COMMON_HAN) == TABLE_SIZE == len(set(COMMON_HAN))
    assert COMMON_HAN == rank_han_characters(Path(jieba.__file__).parent / "dict.txt")[:TABLE_SIZE]
    assert COMMON_HAN.index("的") < 50 and COMMON_HAN.index("国") < 50


@pytest.mark.parametrize(
    ("text", "codec", "named"),
    [
        (JAPANESE, "shift_jis", "Japanese Shift-JIS"),
        (JAPANESE, "euc_jp", "Japanese EUC-JP"),
        (KOREAN, "euc_kr", "Korean EUC-KR"),
        (KOREAN, "cp949", "Korean EUC-KR"),
    ],
)
def test_japanese_and_korean_pages_are_refused_not_stored_as_mojibake(
    tmp_path: Path, text: str, codec: str, named: str
) -> None:
    raw = text.encode(codec)
    raw.decode("gb18030")  # the trap: these bytes are valid GB18030
    page = tmp_path / "page.txt"
    page.write_bytes(raw)
    with pytest.raises(PageError) as caught:
        read_page_file(page)
    assert str(caught.value) == (
        f"cannot decode {page}: neither UTF-8, GB18030 nor Big5 Chinese text (it reads as {named})"
    )


@pytest.mark.parametrize("path", CHINESE_PAGES, ids=lambda path: path.name)
def test_real_chinese_pages_in_gbk_are_accepted(tmp_path: Path, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    page = tmp_path / "gbk.txt"
    page.write_bytes(text.encode("gbk", errors="ignore"))
    read = read_page_file(page)
    assert read.encoding == "gb18030"
    assert read.text == text.encode("gbk", errors="ignore").decode("gbk")


def test_a_page_mixing_utf8_and_gbk_lines_is_mixed_encoding_not_binary(tmp_path: Path) -> None:
    lines = CHINESE_PAGES[0].read_text(encoding="utf-8").splitlines()
    raw = b"\n".join(
        line.encode("utf-8") if number % 2 else line.encode("gb18030") for number, line in enumerate(lines)
    )
    utf8 = sum(1 for number, line in enumerate(lines) if number % 2 and not line.isascii())
    gbk = sum(1 for number, line in enumerate(lines) if not number % 2 and not line.isascii())
    page = tmp_path / "mixed.txt"
    page.write_bytes(raw)
    with pytest.raises(PageError) as caught:
        read_page_file(page)
    assert (
        str(caught.value)
        == f"mixed encoding ({utf8} lines UTF-8, {gbk} lines GB18030), not one text page: {page}"
    )


@pytest.mark.parametrize("path", CHINESE_PAGES[:5], ids=lambda path: path.name)
def test_a_gbk_page_with_one_utf8_line_is_mixed_not_mojibake(tmp_path: Path, path: Path) -> None:
    # The trap: a UTF-8 line whose bytes are also valid GB18030, so the whole page decodes as
    # GB18030 and still reads as Chinese; only the line check tells that line is mojibake.
    lines = path.read_text(encoding="utf-8").splitlines()

    def page_with_utf8_line(chosen: int) -> bytes:
        return b"\n".join(
            line.encode("utf-8") if number == chosen else line.encode("gbk", errors="ignore")
            for number, line in enumerate(lines)
        )

    def is_trap(number: int) -> bool:
        try:
            return not lines[number].isascii() and _reads_as_chinese(
                page_with_utf8_line(number).decode("gb18030")
            )
        except UnicodeDecodeError:
            return False

    chosen = max((number for number in range(len(lines)) if is_trap(number)), key=lambda n: len(lines[n]))
    raw = page_with_utf8_line(chosen)
    gbk = sum(1 for number, line in enumerate(lines) if number != chosen and not line.isascii())
    page = tmp_path / "mixed.txt"
    page.write_bytes(raw)
    with pytest.raises(PageError) as caught:
        read_page_file(page)
    assert (
        str(caught.value) == f"mixed encoding (1 lines UTF-8, {gbk} lines GB18030), not one text page: {page}"
    )


@pytest.mark.slow
def test_parse_and_build_refuse_a_shift_jis_page_in_one_line(tmp_path: Path) -> None:
    page = tmp_path / "japan.txt"
    page.write_bytes(JAPANESE.encode("shift_jis"))
    seed = CHINESE_PAGES[0]
    expected = (
        f"cannot decode {page}: neither UTF-8, GB18030 nor Big5 Chinese text (it reads as Japanese Shift-JIS)"
    )
    command = [sys.executable, "-m", "liaocheng_tui"]
    parsed = subprocess.run(
        [*command, "parse", str(page)], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert parsed.returncode == 1
    assert parsed.stderr.splitlines() == [f"liaocheng-tui: error: {expected}"]
    built = subprocess.run(
        [*command, "build", "--db", str(tmp_path / "library.db"), str(page), str(seed)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 3, built.stderr
    assert f"liaocheng-tui: failed: {expected}" in built.stderr.splitlines()
    assert built.stdout.startswith("pages: 1 ")


@pytest.mark.parametrize("codec", ["big5", "big5hkscs"])
def test_a_big5_page_in_traditional_characters_is_accepted(tmp_path: Path, codec: str) -> None:
    # Taiwan's and Hong Kong's papers; GB18030 decodes the same bytes without an error, to mojibake.
    page = tmp_path / "hant.txt"
    page.write_bytes(TRADITIONAL.encode(codec))
    assert not _reads_as_chinese(page.read_bytes().decode("gb18030"))
    result = read_page_file(page)
    assert (result.encoding, result.text) == ("big5hkscs", TRADITIONAL)
