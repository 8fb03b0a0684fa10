"""Helpers shared by the format readers: reading bytes safely, field clean-up.

Every reader reports bad input as an ``InputProblem`` instead of raising, so
these helpers return a problem (or a reason string) rather than throwing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from kg.ingest.article import Article, InputProblem

SNIFF_BYTES = 8192  # how much of a streamed file is checked for NUL bytes
UTF8_BOM = b"\xef\xbb\xbf"

_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?![\d])")
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:[;,&]|\s+and\s+)\s*", re.IGNORECASE)


def read_file_text(path: str | Path) -> str | InputProblem:
    """Read a whole file as UTF-8 text, or say why it cannot be used.

    Decoding is strict on purpose: silently guessing latin-1 would corrupt
    names in the graph, so the user is asked to convert the file instead.
    """
    source = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
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


def cannot_read(err: OSError) -> str:
    """An OS error without the file name (the problem's source already has it)."""
    return f"cannot read file: {err.strerror or err}"


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


def record_to_article(
    record: Mapping[str, Any], source: str, default_id: str
) -> Article | InputProblem:
    """Build an Article from a JSON/CSV record with the shared column names.

    The text is kept exactly as given because extraction offsets index into it.
    """
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputProblem(source, "record has no text")
    raw_id = record.get("id")
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)
    authors = record.get("authors")
    if authors is None:
        authors = record.get("author")
    return Article(
        id=optional_str(raw_id) or default_id,
        text=text,
        source=source,
        title=optional_str(record.get("title")),
        url=optional_str(record.get("url")),
        publisher=optional_str(record.get("publisher")),
        date=normalise_date(record.get("date")),
        authors=split_authors(authors),
    )
