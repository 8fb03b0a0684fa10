"""Helpers shared by the format readers: reading bytes safely, field clean-up.

Every reader reports bad input as an ``InputProblem`` instead of raising, so
these helpers return a problem (or a reason string) rather than throwing.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import IO, Any

from kg.ingest.article import Article, InputProblem
from kg.ingest.fields import FieldMap
from kg.ingest.headline import headline_end

SNIFF_BYTES = 8192  # how much of a streamed file is checked for NUL bytes
UTF8_BOM = b"\xef\xbb\xbf"
GZIP_SUFFIX = ".gz"
# What reading a (possibly gzip-compressed) file can raise: OS errors (BadGzipFile is one),
# a truncated stream (EOFError) or corrupt compressed data (zlib.error).
READ_ERRORS = (OSError, EOFError, zlib.error)

_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?![\d])")
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:[;,&]|\s+and\s+)\s*", re.IGNORECASE)


def read_file_text(path: str | Path) -> str | InputProblem:
    """Read a whole file as UTF-8 text, or say why it cannot be used.

    Decoding is strict on purpose: silently guessing latin-1 would corrupt
    names in the graph, so the user is asked to convert the file instead.
    """
    source = str(path)
    try:
        with open_input(path) as handle:
            data = handle.read()
    except READ_ERRORS as err:
        return InputProblem(source, cannot_read(err))
    problem = check_bytes(data)
    if problem:
        return InputProblem(source, problem)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return InputProblem(source, not_utf8(data, err))


def check_bytes(data: bytes) -> str | None:
    """Reason why ``data`` (a whole file or its first bytes) is not text."""
    if not data.strip():
        return "file is empty"
    if b"\x00" in data:
        return "binary file (contains NUL bytes); expected UTF-8 text"
    return None


def not_utf8(data: bytes, err: UnicodeDecodeError, first_line: int = 1) -> str:
    """A decode error as a message with the line number a user can look at."""
    line = first_line + data.count(b"\n", 0, err.start)
    bad = data[err.start : err.start + 1].hex()
    return f"not valid UTF-8 (byte 0x{bad} on line {line}); convert the file to UTF-8"


def open_input(path: str | Path) -> IO[bytes]:
    """The file's bytes, decompressed on the fly (streamed) when its name ends in .gz."""
    if str(path).lower().endswith(GZIP_SUFFIX):
        return gzip.open(path, "rb")
    return open(path, "rb")


def format_suffix(path: str | Path) -> str:
    """The suffix that says the format, ``.gz`` included: ``.jsonl.gz``, ``.txt``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == GZIP_SUFFIX:
        return Path(path.stem).suffix.lower() + suffix
    return suffix


def stem(path: str | Path) -> str:
    """The file name without its format suffix (``feed`` for ``feed.jsonl.gz``)."""
    name = Path(path).name
    return name[: len(name) - len(format_suffix(path))] or name


def cannot_read(err: BaseException) -> str:
    """A read error without the file name (the problem's source already has it)."""
    if isinstance(err, gzip.BadGzipFile):
        return "not a valid gzip file"
    if isinstance(err, EOFError | zlib.error):
        return f"corrupt or truncated gzip data ({err})"
    return f"cannot read file: {getattr(err, 'strerror', None) or err}"


def normalise_date(value: Any) -> str | None:
    """YYYY-MM-DD from an ISO date or datetime string; None if not a real date."""
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def split_authors(value: Any) -> tuple[str, ...]:
    """Author names from a list or a ``;``/``,``/"and"-separated string, deduplicated."""
    if isinstance(value, str):
        names: Iterable[Any] = _AUTHOR_SEPARATORS.split(value)
    elif isinstance(value, list | tuple):
        names = value
    else:
        return ()
    cleaned = (name.strip() for name in names if isinstance(name, str))
    return tuple(dict.fromkeys(name for name in cleaned if name))


def optional_str(value: Any) -> str | None:
    """A stripped non-empty string, or None for blanks and non-strings."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def record_id(record: Mapping[str, Any], fields: FieldMap) -> str | None:
    """The record's id as a string (JSON numbers included), or None."""
    raw_id = fields.get(record, "id")
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)
    return optional_str(raw_id)


def record_to_article(
    record: Mapping[str, Any], source: str, default_id: str, fields: FieldMap
) -> Article | InputProblem:
    """Build an Article from a JSON/CSV record, its fields found through ``fields``.

    The text is kept exactly as given because extraction offsets index into it; a title
    repeated as the text's first line is marked as the headline line.
    """
    text = fields.get(record, "text")
    if text is None:
        names = " or ".join(f"'{name}'" for name in fields.source_names("text"))
        return InputProblem(source, f"record has no {names} field "
                                    f"(say which field holds the text: --field text=FIELD)")
    if not isinstance(text, str) or not text.strip():
        return InputProblem(source, "record has no text")
    title = optional_str(fields.get(record, "title"))
    return Article(
        id=record_id(record, fields) or default_id,
        text=text,
        source=source,
        title=title,
        url=optional_str(fields.get(record, "url")),
        publisher=optional_str(fields.get(record, "publisher")),
        date=normalise_date(fields.get(record, "date")),
        authors=split_authors(fields.get(record, "authors")),
        headline_end=headline_end(text, title),
    )
