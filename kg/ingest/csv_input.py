"""CSV article records (``.csv``) with a header row.

Columns as for JSON records (``id``, ``text``, ``title``, ``url``,
``publisher``, ``date``, ``authors`` separated by ``;`` or ``,``), matched
case-insensitively. Named ``csv_input`` so it does not shadow the stdlib.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kg.ingest.article import Article, InputProblem
from kg.ingest.common import (
    SNIFF_BYTES,
    UTF8_BOM,
    cannot_read,
    check_bytes,
    not_utf8,
    record_to_article,
)

# Whole articles sit in one cell; the stdlib default (128 KiB) is too small.
csv.field_size_limit(2**31 - 1)


class _BadLine(Exception):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line, self.reason = line, reason


def read_csv(path: str | Path) -> Iterator[Article | InputProblem]:
    """Yield one article (or problem) per data row of a CSV file."""
    source, stem = str(path), Path(path).stem
    try:
        with open(path, "rb") as handle:
            problem = check_bytes(handle.read(SNIFF_BYTES))
            if problem:
                yield InputProblem(source, problem)
                return
            handle.seek(0)
            yield from _rows(csv.reader(_decoded_lines(handle)), source, stem)
    except OSError as err:
        yield InputProblem(source, cannot_read(err))
    except _BadLine as err:  # undecodable bytes: the CSV cannot be resynchronised
        yield InputProblem(f"{source}:{err.line}", f"{err.reason}; rest of file skipped")
    except csv.Error as err:
        yield InputProblem(source, f"malformed CSV: {err}; rest of file skipped")


def _rows(reader: Any, source: str, stem: str) -> Iterator[Article | InputProblem]:
    header = next(reader, None)
    columns = [name.strip().lower() for name in header or []]
    if "text" not in columns:
        found = ", ".join(columns) or "nothing"
        yield InputProblem(source, f"CSV header has no 'text' column (found: {found})")
        return
    found_row = False
    start = reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            found_row = True
            record = dict(zip(columns, row, strict=False))
            yield record_to_article(record, f"{source}:{start}", f"{stem}-{start}")
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
