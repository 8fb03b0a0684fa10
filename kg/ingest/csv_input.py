"""CSV article records (``.csv``, ``.csv.gz``) with a header row; TSV for metadata tables.

Columns as for JSON records (``id``, ``text``, ``title``, ``url``, ``publisher``,
``date``, ``authors`` separated by ``;`` or ``,``) or as a ``FieldMap`` names them,
matched exactly or else ignoring case. Named ``csv_input`` so it does not shadow the stdlib.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kg.ingest.article import Article, InputProblem
from kg.ingest.common import (
    READ_ERRORS,
    SNIFF_BYTES,
    UTF8_BOM,
    cannot_read,
    check_bytes,
    not_utf8,
    open_input,
    record_to_article,
    stem,
)
from kg.ingest.fields import FieldMap, find_key

# Whole articles sit in one cell; the stdlib default (128 KiB) is too small.
csv.field_size_limit(2**31 - 1)

Record = tuple[int, dict[str, str]]  # (line the row starts on, column -> cell)
HeaderCheck = Callable[[list[str]], str | None]  # columns -> why they will not do, or None


class _BadLine(Exception):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line, self.reason = line, reason


def read_csv(path: str | Path, fields: FieldMap) -> Iterator[Article | InputProblem]:
    """Yield one article (or problem) per data row of a CSV file."""
    source, name = str(path), stem(path)

    def has_text(columns: list[str]) -> str | None:
        wanted = fields.source_names("text")
        if any(find_key(columns, column) for column in wanted):
            return None
        found = ", ".join(column.lower() for column in columns) or "nothing"
        names = " or ".join(f"'{column}'" for column in wanted)
        return f"CSV header has no {names} column (found: {found}); name it with --field text="

    for item in csv_records(path, has_text):
        if isinstance(item, InputProblem):
            yield item
        else:
            line, record = item
            yield record_to_article(record, f"{source}:{line}", f"{name}-{line}", fields)


def csv_records(path: str | Path, check: HeaderCheck,
                delimiter: str = ",") -> Iterator[Record | InputProblem]:
    """(line, row as a dict) per non-blank data row, after ``check`` accepted the header."""
    source = str(path)
    try:
        with open_input(path) as handle:
            problem = check_bytes(handle.read(SNIFF_BYTES))
            if problem:
                yield InputProblem(source, problem)
                return
            handle.seek(0)
            reader = csv.reader(_decoded_lines(handle), delimiter=delimiter)
            yield from _rows(reader, source, check)
    except READ_ERRORS as err:
        yield InputProblem(source, cannot_read(err))
    except _BadLine as err:  # undecodable bytes: the CSV cannot be resynchronised
        yield InputProblem(f"{source}:{err.line}", f"{err.reason}; rest of file skipped")
    except csv.Error as err:
        yield InputProblem(source, f"malformed CSV: {err}; rest of file skipped")


def _rows(reader: Any, source: str, check: HeaderCheck) -> Iterator[Record | InputProblem]:
    header = next(reader, None)
    columns = [name.strip() for name in header or []]
    problem = check(columns)
    if problem:
        yield InputProblem(source, problem)
        return
    found_row = False
    start = reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            found_row = True
            yield start, dict(zip(columns, row, strict=False))
        start = reader.line_num + 1
    if not found_row:
        yield InputProblem(source, "file has no records")


def _decoded_lines(handle: BinaryIO) -> Iterator[str]:
    """Decode line by line so a bad byte is reported with its line number."""
    for number, raw in enumerate(handle, start=1):
        if number == 1:
            raw = raw.removeprefix(UTF8_BOM)
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise _BadLine(number, not_utf8(raw, err, first_line=number)) from None
