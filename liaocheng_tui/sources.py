"""Reading page files: bytes -> text, with encoding detection and refusal of bad input.

Every refusal is a :class:`PageError` whose message is one user-facing line that names the
file. Text is never guessed: a page is either decoded cleanly (UTF-8, or GB18030 when that
gives Chinese text) or refused, so mojibake never reaches the library.
"""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from liaocheng_tui.common_han import COMMON_HAN, TABLE_SIZE
from liaocheng_tui.parse.chars import fold_traditional
from liaocheng_tui.safe_text import escape_surrogates

DEFAULT_MAX_BYTES = 20 * 2**20

# A decoded page whose characters are more than this share control characters is binary.
_MAX_CONTROL_SHARE = 0.05
# GB18030 decodes many byte soups without error; accept it only when the non-ASCII text it
# yields is overwhelmingly Chinese (Han characters and CJK/full-width punctuation)...
_MIN_CJK_SHARE = 0.8
# ...and its Han characters are the ones Chinese uses: at least half among the 1,000 most
# common, nine in ten among the 3,500 (Chinese pages: 0.7 / 0.97 or more; Korean EUC-KR read
# as GB18030: 0.2 / 0.84; Japanese Shift-JIS: 0.0 / 0.04; see tests/test_encodings.py).
_TOP_RANK = 1000
_MIN_TOP_SHARE = 0.5
_MIN_COMMON_SHARE = 0.9
# A Big5 page is ranked in the simplified forms fold_traditional gives (the seeds in traditional
# characters keep 0.99 of theirs among the 3,500); kept lower than for GB18030 for the characters no
# fold reaches, as Hong Kong's Cantonese words and names.
_MIN_BIG5_COMMON_SHARE = 0.75
_HAN_RANK = {char: rank for rank, char in enumerate(COMMON_HAN)}


class PageError(Exception):
    """A page file that cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class PageFile:
    """A page file read and decoded: ``source`` is its file name, ``sha256`` hashes the raw bytes."""

    path: Path
    source: str
    text: str
    sha256: str
    encoding: str


def read_page_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, *, source: str | None = None) -> PageFile:
    """Read one page file, refusing missing, folder, empty, oversized, binary or undecodable input."""
    path = Path(path)
    if not path.exists():
        raise PageError(f"no such file: {path}")
    if path.is_dir():
        raise PageError(f"is a folder, not a page file: {path}")
    try:
        # A FIFO or a device would block the read (holding the build lock) or never end: look
        # before opening, then again at what was opened, in case the name changed in between.
        _refuse_special(os.stat(path).st_mode, path)
        # O_NONBLOCK: opening a FIFO swapped in after the look must not wait for a writer.
        flags = (
            os.O_RDONLY
            | getattr(os, "O_NONBLOCK", 0)
            | getattr(os, "O_NOCTTY", 0)
            | getattr(os, "O_BINARY", 0)
        )
        with os.fdopen(os.open(path, flags), "rb") as handle:
            opened = os.fstat(handle.fileno())
            _refuse_special(opened.st_mode, path)
            if opened.st_size > max_bytes:
                size = opened.st_size
                raise PageError(f"file too large ({_megabytes(size)}, limit {_megabytes(max_bytes)}): {path}")
            # Read one byte past the limit: the size can change between stat() and read().
            raw = handle.read(max_bytes + 1)
    except OSError as error:
        raise PageError(f"cannot read {path}: {error.strerror or error}") from error
    if len(raw) > max_bytes:
        raise PageError(f"file too large (over {_megabytes(max_bytes)}): {path}")
    text, encoding = _decode(raw, path)
    if not text.strip():
        raise PageError(f"empty file: {path}")
    return PageFile(
        path=path,
        source=source or display_source(path.name),
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
    )


_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for a one-line refusal ("a FIFO", ...)."""
    return next((name for test, name in _SPECIAL_FILES if test(mode)), "not a regular file")


def _refuse_special(mode: int, path: Path) -> None:
    if not stat.S_ISREG(mode):
        kind = file_kind(mode)
        raise PageError(f"not a regular file ({kind}), not a page file: {path}")


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    if not raw.strip():
        raise PageError(f"empty file: {path}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with a byte-order mark (what some Windows editors save) is unambiguous.
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise PageError(f"not valid UTF-16 text: {path}") from None
        # Any even run of bytes decodes as UTF-16, so a BOM alone proves nothing: the result must
        # read as text, as GB18030 must below, or it would be stored as mojibake.
        if not (text.isascii() or _is_mostly_chinese(text)):
            raise PageError(f"cannot decode {path}: a UTF-16 mark, but not UTF-16 Chinese text")
        return _checked_text(text, path), "utf-16"
    if b"\x00" in raw:
        raise PageError(f"binary file (contains NUL bytes), not a text page: {path}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        return _checked_text(text, path), "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"
    # Before GB18030: a page of GBK lines with a few UTF-8 ones decodes as GB18030 and can read
    # as Chinese overall, but those lines would be stored as mojibake.
    mixed = _mixed_encoding(raw)
    if mixed:
        raise PageError(f"mixed encoding ({mixed}), not one text page: {path}")
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _reads_as_chinese(text):
        return _checked_text(text, path), "gb18030"
    # Taiwan's and Hong Kong's papers: Big5 (with HKSCS) in traditional characters, which the
    # common-character test reads in their simplified form.
    try:
        traditional = raw.decode("big5hkscs")
    except UnicodeDecodeError:
        traditional = ""
    if traditional and _reads_as_chinese(fold_traditional(traditional), _MIN_BIG5_COMMON_SHARE):
        return _checked_text(traditional, path), "big5hkscs"
    # Count C0 controls only: bytes 0x80-0x9F are ordinary in UTF-8 and GBK text.
    if _control_byte_share(raw) > _MAX_CONTROL_SHARE:
        raise PageError(f"binary file, not a text page: {path}")
    hint = _other_encoding(raw)
    also = f" (it reads as {hint})" if hint else ""
    raise PageError(f"cannot decode {path}: neither UTF-8, GB18030 nor Big5 Chinese text{also}")


def _reads_as_chinese(text: str, common_share: float = _MIN_COMMON_SHARE) -> bool:
    """Whether decoded ``text`` is Chinese rather than other bytes that decode too (a Big5 page is
    asked in its simplified forms, with ``common_share`` lowered for the forms not folded).

    Chinese text draws most of its Han characters from a small common set. Korean EUC-KR
    decodes to GB2312's frequent-character block but in an order unrelated to use, and
    Japanese Shift-JIS mostly to rare characters, so both fall far short on the share of the
    1,000 most common characters (about 0.2 and 0.0, against 0.7 or more for Chinese pages).
    """
    if not _is_mostly_chinese(text):
        return False
    han = [char for char in text if "\u4e00" <= char <= "\u9fff"]
    if not han:
        return False
    top = sum(1 for char in han if _HAN_RANK.get(char, TABLE_SIZE) < _TOP_RANK)
    known = sum(1 for char in han if char in _HAN_RANK)
    return top / len(han) >= _MIN_TOP_SHARE and known / len(han) >= common_share


def _mixed_encoding(raw: bytes) -> str:
    """``"N lines UTF-8, M lines GB18030"`` when both kinds of line are present, else ``""``.

    Both groups must be mostly CJK in their own encoding: a short GBK line can be valid UTF-8 by
    chance, but then it decodes to Latin, Greek or Cyrillic letters, not to Chinese. (The finer
    frequency test is no use here: one line is too few characters to judge.)
    """
    utf8_lines: list[str] = []
    gbk_lines: list[str] = []
    for line in raw.split(b"\n"):
        if line.isascii():
            continue
        try:
            utf8_lines.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            gbk_lines.append(line.decode("gb18030"))
        except UnicodeDecodeError:
            return ""  # a line that is neither: not simply two encodings
    if not (utf8_lines and gbk_lines):
        return ""
    if not (_is_mostly_chinese("\n".join(utf8_lines)) and _is_mostly_chinese("\n".join(gbk_lines))):
        return ""
    return f"{len(utf8_lines)} lines UTF-8, {len(gbk_lines)} lines GB18030"


def _control_byte_share(raw: bytes) -> float:
    controls = sum(1 for byte in raw if (byte < 0x20 and byte not in b"\n\r\t\f") or byte == 0x7F)
    return controls / len(raw)


# Encodings a page refused as Chinese is often in, and the script that shows it.
_OTHER_ENCODINGS = (
    ("shift_jis", "Japanese Shift-JIS", "\u3040", "\u30ff"),
    ("euc_jp", "Japanese EUC-JP", "\u3040", "\u30ff"),
    ("euc_kr", "Korean EUC-KR", "\uac00", "\ud7a3"),
)


def _other_encoding(raw: bytes) -> str:
    """The name of a Japanese or Korean encoding ``raw`` decodes in as that script, else ``""``."""
    for codec, name, low, high in _OTHER_ENCODINGS:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        non_ascii = [char for char in text if not char.isascii() and not char.isspace()]
        if non_ascii and sum(1 for char in non_ascii if low <= char <= high) / len(non_ascii) >= 0.3:
            return name
    return ""


def _checked_text(text: str, path: Path) -> str:
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise PageError(f"binary file (mostly control characters), not a text page: {path}")
    return text


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\n\r\t\f")
    return controls / len(text)


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        unicodedata.name(char, "").startswith("CJK")
        or 0x3000 <= code <= 0x303F  # CJK symbols and punctuation
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x2000 <= code <= 0x206F  # general punctuation: curly quotes, dashes, ellipsis
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x3FFFF
    )


def _is_mostly_chinese(text: str) -> bool:
    non_ascii = [char for char in text if ord(char) > 0x7F and not char.isspace()]
    if not non_ascii:
        return False
    cjk = sum(1 for char in non_ascii if _is_cjk(char))
    return cjk / len(non_ascii) >= _MIN_CJK_SHARE


def _megabytes(size: int) -> str:
    if size < 2**20:  # a small limit (set for a test or a tight machine) must not read as "0.0 MB"
        return f"{size / 2**10:.1f} KB"
    return f"{size / 2**20:.1f} MB"


def display_source(name: str) -> str:
    """A file name (or relative path) as it is stored and shown: the name itself when it is
    UTF-8, else with each byte that is not written as ``\\xNN`` (``\\xb2\\xe2.txt`` for a GBK name
    from a Windows zip). What tells files apart is :func:`page_identity`, not this."""
    return escape_surrogates(name)


def page_identity(path: Path) -> bytes:
    """What makes a page file itself: its fully resolved path, as the bytes the OS names it by.

    Lossless for any name (``os.fsencode`` undoes the surrogateescape of undecodable bytes), and
    the same however the file was reached (relative path, symlink, a folder named differently).
    """
    return os.fsencode(path.resolve())


@dataclass(frozen=True)
class PagePath:
    """A page file to read, the source name it is shown under, and what identifies it.

    A file named on the command line is shown under its file name (as ``parse`` reports it);
    a file found in a folder under its path relative to that folder (``2023-02-20/page1.txt``).
    Sources may repeat (``a/page1.txt`` and ``b/page1.txt``); ``identity``
    (:func:`page_identity`) never does, and is what the library keys pages by.
    """

    path: Path
    source: str
    identity: bytes


def is_page_name(path: Path) -> bool:
    """Whether a file in a folder is taken for a page: a ``.txt`` name, in any case (PAGE.TXT)."""
    return path.suffix.lower() == ".txt"


def _not_a_page_file(path: Path) -> str | None:
    """Why a ``.txt`` entry found in a folder cannot be read as a page, or None if it can."""
    if path.is_symlink() and not path.exists():
        return "a link to nothing (dangling symbolic link)"
    if path.is_dir():
        return None  # a folder named like a page: its pages are found inside it
    if not path.is_file():
        kind = "a FIFO" if path.is_fifo() else "a socket" if path.is_socket() else "a device or special file"
        return f"not a regular file ({kind})"
    return None


def iter_page_paths(
    paths: Sequence[Path], skipped: list[tuple[str, str]] | None = None
) -> Iterator[PagePath]:
    """Files as given; folders expanded to their ``.txt`` files (any case; sorted, recursive).

    A path given twice (or reached twice through folders) is yielded once. A missing path
    raises :class:`PageError` before anything is yielded. Entries of a folder that have a page's
    name but cannot be read as one (a dangling link, a FIFO) are not yielded: each is appended to
    ``skipped`` as ``(path, reason)``, so a build can say what it left out and why.
    """
    checked = [Path(path) for path in paths]
    for path in checked:
        if not path.exists():
            raise PageError(f"no such file or folder: {path}")
    seen: set[bytes] = set()
    for path in checked:
        if path.is_dir():
            candidates = []
            for found in sorted(path.rglob("*")):
                if not is_page_name(found):
                    continue
                reason = _not_a_page_file(found)
                if reason is not None:
                    if skipped is not None:
                        skipped.append((display_source(str(found)), reason))
                elif found.is_file():
                    candidates.append((found, found.relative_to(path).as_posix()))
        else:
            candidates = [(path, path.name)]
        for candidate, name in candidates:
            identity = page_identity(candidate)
            if identity not in seen:
                seen.add(identity)
                yield PagePath(candidate, display_source(name), identity)


def bundled_seed_paths() -> list[Path]:
    """The seed pages shipped with the package (wheel), or ``<repo>/seeds`` in a source checkout."""
    packaged = resources.files("liaocheng_tui").joinpath("seeds")
    if isinstance(packaged, Path) and packaged.is_dir():
        found = sorted(packaged.glob("*.txt"))
        if found:
            return found
    checkout = Path(__file__).resolve().parent.parent / "seeds"
    return sorted(checkout.glob("*.txt")) if checkout.is_dir() else []
