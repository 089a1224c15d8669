"""Writing articles out of the library: plain text (default), Markdown or JSON.

Exported text carries no markup and no terminal escapes: every field passes through
:func:`~liaocheng_tui.safe_text.strip_controls`. Files written into a folder are named from
the article's date and title, made safe for any common file system, and never overwrite an
existing file unless asked to.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import stat
import sys
import tempfile
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

from liaocheng_tui.config import expand_user
from liaocheng_tui.safe_text import json_dumps_safe, one_line, strip_controls
from liaocheng_tui.sources import file_kind

if sys.platform != "win32":
    import fcntl

ExportFormat = Literal["txt", "md", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("txt", "md", "json")

# Most file systems cap a name at 255 bytes; leave room for a collision suffix.
MAX_NAME_BYTES = 200
# Lone surrogates (from undecodable bytes) cannot be encoded as a file name at all.
_UNSAFE_NAME_CHARS = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)


class ExportError(Exception):
    """An export that cannot be done (for example, it would overwrite a file); one line."""


class ExportableArticle(Protocol):
    """The fields of ``store.ArticleRecord`` that exporting reads."""

    @property
    def id(self) -> int: ...
    @property
    def source(self) -> str: ...
    @property
    def seq(self) -> int: ...
    @property
    def publication(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...
    @property
    def section(self) -> str | None: ...
    @property
    def kicker(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def subtitle(self) -> str | None: ...
    @property
    def byline(self) -> str | None: ...
    @property
    def authors(self) -> list[str]: ...
    @property
    def column(self) -> str | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def paragraphs(self) -> list[str]: ...
    @property
    def line_start(self) -> int: ...
    @property
    def line_end(self) -> int: ...
    @property
    def headline(self) -> str: ...


def article_to_json(record: ExportableArticle) -> dict[str, Any]:
    """The JSON object of one exported article (cleaned of control characters)."""

    def clean(value: str | None) -> str | None:
        return None if value is None else one_line(value)

    return {
        "id": record.id,
        "source": record.source,
        "seq": record.seq,
        "publication": clean(record.publication),
        "date": record.date,
        "section": clean(record.section),
        "column": clean(record.column),
        "kind": record.kind,
        "kicker": clean(record.kicker),
        "title": clean(record.title),
        "subtitle": clean(record.subtitle),
        "byline": clean(record.byline),
        "authors": [one_line(name) for name in record.authors],
        "paragraphs": [strip_controls(paragraph) for paragraph in record.paragraphs],
        "line_start": record.line_start,
        "line_end": record.line_end,
    }


def provenance(record: ExportableArticle) -> str:
    """Where the article came from: page file, position on the page and raw line span."""
    lines = f", lines {record.line_start}-{record.line_end}" if record.line_start else ""
    return f"{one_line(record.source)} #{record.seq}{lines}"


def metadata_lines(record: ExportableArticle) -> list[str]:
    """Byline, publication and date, section/column and source page, one per line, cleaned."""
    lines: list[str] = []
    if record.byline:
        lines.append(one_line(record.byline))
    dated = " ".join(part for part in (one_line(record.publication), record.date or "") if part)
    if dated:
        lines.append(dated)
    placed = " / ".join(one_line(part) for part in (record.section, record.column) if part)
    if placed:
        lines.append(placed)
    lines.append(f"Source: {provenance(record)}")
    return lines


def render_article(record: ExportableArticle, fmt: ExportFormat) -> str:
    """One article as text in ``fmt``; always ends with a newline."""
    if fmt == "json":
        # The same escaping as every JSON the CLI prints: a bidi override in a file name stays
        # data (it loads back identically) but never acts on the terminal that shows it.
        return json_dumps_safe(article_to_json(record)) + "\n"
    if fmt == "md":
        return _render_markdown(record)
    if fmt == "txt":
        return _render_text(record)
    raise ExportError(f"unknown export format: {fmt!r} (choose txt, md or json)")


def _heading_lines(record: ExportableArticle) -> list[str]:
    return [one_line(part) for part in (record.kicker, record.title, record.subtitle) if part]


def _body(record: ExportableArticle) -> list[str]:
    return [one_line(paragraph) for paragraph in record.paragraphs if one_line(paragraph)]


def _render_text(record: ExportableArticle) -> str:
    blocks = [
        "\n".join(_heading_lines(record) or [one_line(record.headline)]),
        "\n".join(metadata_lines(record)),
    ]
    blocks.extend(_body(record))
    return "\n\n".join(block for block in blocks if block) + "\n"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
# What makes a line a list item or a rule only at its start: "1. " "2) " (an ordered list, also
# inside a "- " metadata item), "- " "+ " (a bullet) and "---" (a rule, the text lost).
_MARKDOWN_LINE_START = re.compile(r"^(?:(\d{1,9})([.)])(?=\s|$)|([-+=]))")


def _md(text: str) -> str:
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _MARKDOWN_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def _render_markdown(record: ExportableArticle) -> str:
    blocks: list[str] = []
    if record.kicker:
        blocks.append(f"*{_md(one_line(record.kicker))}*")
    blocks.append(f"# {_md(one_line(record.title or record.headline))}")
    if record.subtitle:
        blocks.append(f"## {_md(one_line(record.subtitle))}")
    blocks.append("\n".join(f"- {_md(line)}" for line in metadata_lines(record)))
    blocks.extend(_md(paragraph) for paragraph in _body(record))
    return "\n\n".join(blocks) + "\n"


def render_articles(records: Sequence[ExportableArticle], fmt: ExportFormat) -> str:
    """Several articles in one document: a JSON array for ``json``, else separated texts.

    A single article renders exactly as :func:`render_article` (a JSON object, not an array).
    """
    return "".join(_render_chunks(records, fmt))


def _render_chunks(records: Sequence[ExportableArticle], fmt: ExportFormat) -> Iterator[str]:
    """:func:`render_articles` one article at a time, so a large export is never held whole."""
    if len(records) == 1:
        yield render_article(records[0], fmt)
        return
    if fmt == "json":
        # json.dumps escapes newlines inside strings, so indenting every line of an item's own
        # dump by one level gives exactly the array that json.dumps(indent=2) would print.
        yield "["
        for index, record in enumerate(records):
            item = json_dumps_safe(article_to_json(record))
            yield ("\n" if index == 0 else ",\n") + textwrap.indent(item, "  ")
        yield "\n]\n" if records else "]\n"
        return
    separator = "\n---\n\n" if fmt == "md" else "\n" + "=" * 40 + "\n\n"
    for index, record in enumerate(records):
        yield (separator if index else "") + render_article(record, fmt)


def safe_filename(stem: str, extension: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """``stem.extension`` made safe as a single file name on Linux, macOS and Windows.

    Unicode is kept. Path separators and ``:*?"<>|``, control and bidi characters become
    ``_`` (so do lone surrogates); leading dots and trailing dots/spaces are replaced or removed;
    Windows device names (CON, NUL.txt, COM1...) get a ``_`` after the name; the UTF-8 length is capped at ``max_bytes``
    without splitting a character.
    """
    cleaned = _UNSAFE_NAME_CHARS.sub("_", stem)
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    cleaned = re.sub(r"^\.+", lambda match: "_" * len(match.group()), cleaned)
    suffix = f".{extension}"
    budget = max_bytes - len(suffix.encode("utf-8"))
    encoded = cleaned.encode("utf-8")[:budget]
    cleaned = encoded.decode("utf-8", errors="ignore")
    cleaned = cleaned.rstrip(". ")
    if not cleaned:
        cleaned = "article"
    # Windows reads the part before the first dot, trailing spaces dropped, as the device name:
    # "NUL.txt.txt" and "con .md" are the devices, so the mark goes right after that part.
    device, dot, rest = cleaned.partition(".")
    if _WINDOWS_RESERVED.match(device.rstrip(" ")):
        cleaned = f"{device.rstrip(' ')}_{dot}{rest}"
        # The mark can push a name that was cut to the cap one byte over: trim the tail again,
        # which never reaches the mark itself ("_" also stops the strip of dots and spaces).
        while len(cleaned.encode("utf-8")) > budget:
            cleaned = cleaned[:-1]
        cleaned = cleaned.rstrip(". ")
    return cleaned + suffix


def default_filename(record: ExportableArticle, fmt: ExportFormat) -> str:
    """``<date>_<title>.<ext>`` for ``record``, safe to create in any folder."""
    date = record.date or "undated"
    return safe_filename(f"{date}_{one_line(record.headline)}", fmt)


def _is_folder_target(target: Path, raw: str) -> bool:
    return target.is_dir() or raw.endswith(("/", os.sep))


# The extensions that name an export format (compared in lower case).
_FORMAT_OF_EXTENSION: dict[str, ExportFormat] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
}


def format_of_path(target: str) -> ExportFormat | None:
    """The export format the extension of the file ``target`` names (``.txt``, ``.md`` or
    ``.markdown``, ``.json``, in any case), else None: also for ``-`` and for a folder (an
    existing one, or a path ending in a separator), whose name says nothing about its files."""
    if target == "-" or not target or _is_folder_target(expand_user(target), target):
        return None
    return _FORMAT_OF_EXTENSION.get(os.path.splitext(target)[1].lower())


def export_format(target: str, chosen: ExportFormat | None, default: ExportFormat = "txt") -> ExportFormat:
    """The format to write ``target`` in: ``chosen`` when the user chose one explicitly (it wins
    over the extension), else the one the extension names (:func:`format_of_path`), else
    ``default``. The command line and the app's export dialog both decide here."""
    if chosen is not None:
        return chosen
    return format_of_path(target) or default


def with_format_extension(target: str, fmt: ExportFormat) -> str:
    """``target`` with an extension that names a format replaced by ``fmt``'s (``B.TXT`` → ``B.md``);
    any other path unchanged."""
    if format_of_path(target) is None:
        return target
    stem, _ = os.path.splitext(target)
    return f"{stem}.{fmt}"


def library_files(db_path: Path | str) -> list[Path]:
    """The files a library at ``db_path`` consists of, which an export must never replace.

    The database, SQLite's write-ahead log, shared-memory index and rollback journal, and the
    build lock (``store.Library.build_lock_path``); whether they exist now or not.
    """
    path = Path(db_path)
    return [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal", ".build-lock")]


def write_articles(
    records: Sequence[ExportableArticle],
    target: Path | str,
    fmt: ExportFormat,
    overwrite: bool = False,
    *,
    protected: Sequence[Path] = (),
) -> list[Path]:
    """Write ``records`` and return the files written.

    Pass a path the user typed as the ``str`` they typed: ``Path("new/")`` loses the trailing
    separator that asks for a folder.

    ``"-"`` writes UTF-8 to standard output (and returns ``[]``); ``""`` is refused. An existing folder, or a path
    ending in a separator (created if needed), gets one file per article named by
    :func:`default_filename`. Any other path is one file holding every article. Existing files
    are never replaced unless ``overwrite``; nothing at all is written when one would be.

    Every file is written to a hidden temporary file in the same folder, flushed to disk and
    then renamed, so a full disk, a crash or a kill never leaves a partial file under the final
    name; the temporary file a killed export left is removed by the next export of that name.
    Only a new name, a regular file or a symbolic link (the link itself is replaced,
    never followed) is written to: a FIFO, device, socket or folder is refused, and so is any
    of the ``protected`` files (pass :func:`library_files` of the open library). A replaced
    file keeps its permissions and owner; a hard link to it is broken (its other names keep
    the old text), because the new text arrives by rename.
    """
    if not records:
        raise ExportError("nothing to export")
    if not str(target):  # Path("") is the current folder: an empty path is surely a mistake
        raise ExportError("no path to export to (use - for standard output)")
    _refuse_nul(target)
    if target == "-":
        _write_stdout(_render_chunks(records, fmt))
        return []
    raw_target = str(target)
    path = expand_user(target)
    guard = _Guard(protected)
    if _is_folder_target(path, raw_target):
        return _write_folder(records, path, fmt, overwrite, guard)
    if path.is_dir():
        raise ExportError(f"is a folder: {path}")
    if not path.parent.is_dir():
        raise ExportError(f"no such folder: {path.parent}")
    guard.check(path, overwrite)
    _remove_stale_parts(path.parent, {_temporary_prefix(path)})
    _write_file(path, _render_chunks(records, fmt), overwrite, guard)
    return [path]


def export_refusal(target: Path, protected: Sequence[Path] = ()) -> str | None:
    """Why ``target`` can never be exported to, even with overwrite (None if it can be).

    For asking "overwrite?" only about files that an overwrite would then really replace.
    """
    try:
        _refuse_nul(target)
        _Guard(protected).check(Path(target), overwrite=True)
    except ExportError as error:
        return str(error)
    return None


def _refuse_nul(target: Path | str) -> None:
    # No file system takes one, and os calls raise ValueError, not OSError, for it.
    if "\0" in str(target):
        raise ExportError("the path holds a NUL character, which no file name can")


def _utf8(text: str) -> bytes:
    # A lone surrogate (text decoded with surrogateescape somewhere) cannot be UTF-8: write "?"
    # for it rather than fail the whole export.
    return text.encode("utf-8", errors="replace")


def _write_stdout(chunks: Iterable[str]) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    sys.stdout.flush()
    for chunk in chunks:
        if buffer is not None:
            buffer.write(_utf8(chunk))
        else:
            sys.stdout.write(chunk)
    if buffer is not None:
        buffer.flush()
    sys.stdout.flush()


class _Guard:
    """Decides whether a destination may be written: what it is, and whether it is protected."""

    def __init__(self, protected: Sequence[Path]) -> None:
        self._names = {_absolute(Path(path)) for path in protected}
        self._inodes: set[tuple[int, int]] = set()
        for path in protected:
            try:
                found = os.stat(path)
            except OSError:
                continue
            self._inodes.add((found.st_dev, found.st_ino))

    def check(self, path: Path, overwrite: bool) -> os.stat_result | None:
        """The destination's ``lstat`` (None for a new name), or :class:`ExportError` if refused."""
        if _absolute(path) in self._names:
            raise ExportError(f"refusing to write over the library's own file {path}")
        try:
            found = os.lstat(path)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise ExportError(f"cannot export to {path}: {error.strerror or error}") from None
        if (found.st_dev, found.st_ino) in self._inodes:
            # A hard link to the library (or the library under another name).
            raise ExportError(f"refusing to write over the library's own file {path}")
        if not (stat.S_ISREG(found.st_mode) or stat.S_ISLNK(found.st_mode)):
            kind = file_kind(found.st_mode)
            raise ExportError(f"refusing to export to {path}: it is {kind}, not a regular file")
        if not overwrite:
            raise ExportError(f"refusing to overwrite {path} (use --force)")
        return found


def _absolute(path: Path) -> Path:
    """``path`` with its folder resolved (symlinks too) but its last part kept as named."""
    path = expand_user(path)
    try:
        folder = path.parent.resolve()
    except OSError:
        folder = Path(os.path.abspath(path.parent))
    return folder / path.name


def _write_folder(
    records: Sequence[ExportableArticle], folder: Path, fmt: ExportFormat, overwrite: bool, guard: _Guard
) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"not a folder: {folder}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot create folder {folder}: {error.strerror or error}") from None
    real_folder = folder.resolve()
    planned: list[tuple[Path, ExportableArticle]] = []
    taken: set[str] = set()
    for record in records:
        name = default_filename(record, fmt)
        if name.casefold() in taken:
            # Same date and title twice in one export: the article id tells them apart.
            stem = name[: -len(fmt) - 1]
            name = safe_filename(f"{stem}_{record.id}", fmt, MAX_NAME_BYTES + 20)
        taken.add(name.casefold())
        destination = folder / name
        # safe_filename already removes separators; this guards the invariant itself.
        if destination.name != name or destination.parent.resolve() != real_folder:
            raise ExportError(f"refusing to write outside {folder}: {name}")
        planned.append((destination, record))
    refused: list[Path] = []
    for destination, _ in planned:
        try:
            guard.check(destination, overwrite)
        except ExportError as error:
            if overwrite or "refusing to overwrite" not in str(error):
                raise
            refused.append(destination)
    if refused:
        more = f" and {len(refused) - 1} more" if len(refused) > 1 else ""
        raise ExportError(f"refusing to overwrite {refused[0]}{more} (use --force)")
    _remove_stale_parts(folder, {_temporary_prefix(destination) for destination, _ in planned})
    created: list[Path] = []
    try:
        for start in range(0, len(planned), _SYNC_BATCH):
            _write_batch(planned[start : start + _SYNC_BATCH], fmt, overwrite, guard, created)
        _fsync_folder(folder)  # once for all the renames: one per file would cost a disk flush each
    except ExportError as error:
        # The files this export created would block a retry without --force: take them back,
        # so a failed export leaves the folder as it found it (replaced files cannot be).
        if not created:
            raise
        for path in created:
            path.unlink(missing_ok=True)
        _fsync_folder(folder)
        files = "file" if len(created) == 1 else "files"
        raise ExportError(f"{error} (removed the {len(created)} {files} this export had written)") from None
    return [destination for destination, _ in planned]


def _temporary_prefix(path: Path) -> str:
    return f".{path.name[:40]}."


# mkstemp's names: prefix, 8 random characters, suffix.
_RANDOM_PART = 8
_PART_SUFFIX = ".part"


def _remove_stale_parts(folder: Path, prefixes: set[str]) -> None:
    """Remove temporary files a killed export left for these names (they would only pile up).

    A writer holds an ``flock`` on its temporary file until it is renamed; the kernel drops it
    when the writer dies, so a temporary file that can be locked is no one's. Not on Windows.
    """
    if sys.platform == "win32":
        return
    tail = _RANDOM_PART + len(_PART_SUFFIX)
    try:
        entries = [entry for entry in os.scandir(folder) if entry.name.endswith(_PART_SUFFIX)]
    except OSError:
        return
    for entry in entries:
        if entry.name[:-tail] not in prefixes or not entry.is_file(follow_symlinks=False):
            continue
        try:
            descriptor = os.open(entry.path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.unlink(entry.path)
        except OSError:
            pass  # being written by a live export, or already gone
        finally:
            os.close(descriptor)


class _Temporary:
    """One file being written: a locked hidden temporary file beside ``path``, then renamed.

    The temporary file stays open, with an ``flock`` held, until it is renamed or discarded:
    the lock tells :func:`_remove_stale_parts` that a live export is writing it.
    """

    def __init__(self, path: Path, overwrite: bool, guard: _Guard) -> None:
        self.path = path
        self._overwrite = overwrite
        self._guard = guard
        self._existing = guard.check(path, overwrite)
        try:
            descriptor, temporary = tempfile.mkstemp(
                prefix=_temporary_prefix(path), suffix=_PART_SUFFIX, dir=path.parent
            )
        except OSError as error:
            raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
        self._temporary = Path(temporary)
        self._handle = os.fdopen(descriptor, "wb")

    def _failed(self, error: OSError) -> ExportError:
        return ExportError(f"cannot write {self.path}: {error.strerror or error}; nothing was written there")

    def write(self, chunks: Iterable[str], *, sync: bool) -> None:
        """Write the text; ``sync`` flushes it to disk now (else the caller syncs before publishing)."""
        try:
            if sys.platform != "win32":
                fcntl.flock(self._handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            for chunk in chunks:
                self._handle.write(_utf8(chunk))
            self._handle.flush()
            _copy_ownership(self._handle.fileno(), self._existing)
            if sync:
                os.fsync(self._handle.fileno())
        except OSError as error:
            raise self._failed(error) from None

    def publish(self) -> bool:
        """Rename the written file to its name; True if the name is new."""
        try:
            # The destination may have changed while the text was written: check it again.
            existing = self._guard.check(self.path, self._overwrite)
            if existing is not None:
                os.replace(self._temporary, self.path)  # replaces the entry: a symlink is not followed
            else:
                _publish_new(self._temporary, self.path)
        except OSError as error:
            raise self._failed(error) from None
        return existing is None

    def close(self) -> None:
        """Close the file; a temporary file not renamed is removed."""
        with contextlib.suppress(OSError):
            self._handle.close()
        self._temporary.unlink(missing_ok=True)


# Files a folder export writes before one flush of the file system makes them all durable
# (Linux, where syncfs() waits for the disk): one fsync a file cost 5.5 s per 1,000 files of
# 60 KB here, one syncfs() per batch about 0.1 s. Bounded so the open temporary files (each
# holding its lock) stay well under the usual limit of 1,024 descriptors.
_SYNC_BATCH = 200 if sys.platform.startswith("linux") else 1


def _write_file(path: Path, chunks: Iterable[str], overwrite: bool, guard: _Guard) -> bool:
    """Write ``chunks`` to ``path`` by temporary file, fsync and rename; True if the name is new.

    On any failure the temporary file is removed and nothing appears under ``path``. The data
    is on disk before the rename, so even a power cut never shows a short file under the name.
    """
    temporary = _Temporary(path, overwrite, guard)
    try:
        temporary.write(chunks, sync=True)
        created = temporary.publish()
    finally:
        temporary.close()
    _fsync_folder(path.parent)
    return created


def _sync_file_system(folder: Path) -> None:
    """Flush the file system holding ``folder`` (Linux ``syncfs``), or every one (``sync``)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except (OSError, AttributeError):
        os.sync()
        return
    try:
        if libc.syncfs(descriptor) != 0:
            os.sync()
    except AttributeError:  # a libc without syncfs
        os.sync()
    finally:
        os.close(descriptor)


def _write_batch(
    batch: Sequence[tuple[Path, ExportableArticle]],
    fmt: ExportFormat,
    overwrite: bool,
    guard: _Guard,
    created: list[Path],
) -> None:
    """Write a batch of files, make them durable together, then rename each; new names go to ``created``."""
    together = len(batch) > 1
    pending: list[_Temporary] = []
    try:
        for destination, record in batch:
            pending.append(_Temporary(destination, overwrite, guard))
            pending[-1].write(_render_chunks([record], fmt), sync=not together)
        if together:
            _sync_file_system(batch[0][0].parent)
        for temporary in pending:
            if temporary.publish():
                created.append(temporary.path)
    finally:
        for temporary in pending:
            temporary.close()


def _publish_new(temporary: Path, path: Path) -> None:
    """Give ``temporary`` the new name ``path``, failing (never replacing) if ``path`` now exists."""
    try:
        # link() fails on an existing name, symlinks included: no window in which a file created
        # meanwhile could be clobbered.
        os.link(temporary, path)
    except FileExistsError:
        raise ExportError(f"refusing to overwrite {path} (use --force)") from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
            raise
        # A file system without hard links (FAT, some network shares): check, then rename.
        if os.path.lexists(path):
            raise ExportError(f"refusing to overwrite {path} (use --force)") from None
        os.rename(temporary, path)
        return
    temporary.unlink()


def _copy_ownership(descriptor: int, existing: os.stat_result | None) -> None:
    """The mode (and, where allowed, owner) of the file being replaced; else a new file's mode."""
    if existing is None or stat.S_ISLNK(existing.st_mode):
        # mkstemp makes 0600; an export is an ordinary file, as open() would create it.
        os.fchmod(descriptor, 0o666 & ~_umask())
        return
    if (existing.st_uid, existing.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(OSError):  # only root (or the owner, for the group) may
            os.fchown(descriptor, existing.st_uid, existing.st_gid)
    os.fchmod(descriptor, stat.S_IMODE(existing.st_mode))


def _umask() -> int:
    # os.umask() can only be read by setting it, which would race with other threads creating
    # files (the app's SQLite connections); Linux shows it in /proc.
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where folders can be opened: not on Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some file systems refuse fsync on a folder
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
