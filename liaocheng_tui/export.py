"""Writing articles out of the library: plain text (default), Markdown or JSON.

Exported text carries no markup and no terminal escapes: every field passes through
:func:`~liaocheng_tui.safe_text.strip_controls`. Files written into a folder are named from
the article's date and title, made safe for any common file system, and never overwrite an
existing file unless asked to.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

from liaocheng_tui.safe_text import one_line, strip_controls

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
        return json.dumps(article_to_json(record), ensure_ascii=False, indent=2) + "\n"
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


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


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
    if len(records) == 1:
        return render_article(records[0], fmt)
    if fmt == "json":
        return json.dumps([article_to_json(r) for r in records], ensure_ascii=False, indent=2) + "\n"
    separator = "\n---\n\n" if fmt == "md" else "\n" + "=" * 40 + "\n\n"
    return separator.join(render_article(record, fmt) for record in records)


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


def write_articles(
    records: Sequence[ExportableArticle],
    target: Path | str,
    fmt: ExportFormat,
    overwrite: bool = False,
) -> list[Path]:
    """Write ``records`` and return the files written.

    Pass a path the user typed as the ``str`` they typed: ``Path("new/")`` loses the trailing
    separator that asks for a folder.

    ``"-"`` writes UTF-8 to standard output (and returns ``[]``). An existing folder, or a path
    ending in a separator (created if needed), gets one file per article named by
    :func:`default_filename`. Any other path is one file holding every article. Existing files
    are never replaced unless ``overwrite``; nothing at all is written when one would be.
    """
    if not records:
        raise ExportError("nothing to export")
    if target == "-":
        _write_stdout(render_articles(records, fmt))
        return []
    raw_target = str(target)
    path = Path(target).expanduser()
    if _is_folder_target(path, raw_target):
        return _write_folder(records, path, fmt, overwrite)
    if path.is_dir():
        raise ExportError(f"is a folder: {path}")
    if not path.parent.is_dir():
        raise ExportError(f"no such folder: {path.parent}")
    if (path.exists() or path.is_symlink()) and not overwrite:
        raise ExportError(f"refusing to overwrite {path} (use --force)")
    _write_file(path, render_articles(records, fmt), overwrite)
    return [path]


def _utf8(text: str) -> bytes:
    # A lone surrogate (text decoded with surrogateescape somewhere) cannot be UTF-8: write "?"
    # for it rather than fail the whole export.
    return text.encode("utf-8", errors="replace")


def _write_stdout(text: str) -> None:
    data = _utf8(text)
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        buffer.write(data)
        buffer.flush()
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _write_folder(
    records: Sequence[ExportableArticle], folder: Path, fmt: ExportFormat, overwrite: bool
) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"not a folder: {folder}")
    folder.mkdir(parents=True, exist_ok=True)
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
    if not overwrite:
        existing = [
            destination for destination, _ in planned if destination.exists() or destination.is_symlink()
        ]
        if existing:
            more = f" and {len(existing) - 1} more" if len(existing) > 1 else ""
            raise ExportError(f"refusing to overwrite {existing[0]}{more} (use --force)")
    for destination, record in planned:
        _write_file(destination, render_article(record, fmt), overwrite)
    return [destination for destination, _ in planned]


def _write_file(path: Path, text: str, overwrite: bool) -> None:
    data = _utf8(text)
    if not overwrite:
        # O_EXCL: fails rather than follow a symlink or clobber a file created meanwhile.
        try:
            with path.open("xb") as handle:
                handle.write(data)
        except FileExistsError:
            raise ExportError(f"refusing to overwrite {path} (use --force)") from None
        return
    # Replace the directory entry itself, so a symlink at the target is replaced, not followed.
    descriptor, temporary = tempfile.mkstemp(prefix=".export-", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            os.fchmod(handle.fileno(), 0o644)  # mkstemp makes 0600; an export is an ordinary file
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
