"""JSON Lines (``.jsonl``) and JSON (``.json``) article records, gzip-compressed or not.

Fields: ``id``, ``text`` and optional ``title``, ``url``, ``publisher``,
``date``, ``authors`` (list or string), or as a ``FieldMap`` names them. JSONL is
streamed line by line (also from ``.jsonl.gz``), so a bad line costs only that record;
JSON must be parsed whole, but each record is still reported by the line it starts on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.ingest.article import Article, InputProblem
from kg.ingest.common import (
    READ_ERRORS,
    SNIFF_BYTES,
    UTF8_BOM,
    cannot_read,
    check_bytes,
    not_utf8,
    open_input,
    read_file_text,
    record_to_article,
    stem,
)
from kg.ingest.fields import FieldMap

_DECODER = json.JSONDecoder()
_WHITESPACE = " \t\n\r"
TOO_DEEP = "malformed JSON: values nested too deeply"

Record = tuple[int, dict[str, Any]]  # (line the record starts on, the record)


def read_jsonl(path: str | Path, fields: FieldMap) -> Iterator[Article | InputProblem]:
    """Yield one article (or problem) per non-blank line of a JSONL file."""
    source, name = str(path), stem(path)
    for item in jsonl_records(path):
        if isinstance(item, InputProblem):
            yield item
        else:
            line, record = item
            yield record_to_article(record, f"{source}:{line}", f"{name}-{line}", fields)


def jsonl_records(path: str | Path) -> Iterator[Record | InputProblem]:
    """(line, object) per non-blank line of a JSONL file, or the problem with a line."""
    source = str(path)
    found = False
    try:
        with open_input(path) as handle:
            problem = check_bytes(handle.read(SNIFF_BYTES))
            if problem:
                yield InputProblem(source, problem)
                return
            handle.seek(0)
            for number, raw in enumerate(handle, start=1):
                if number == 1:
                    raw = raw.removeprefix(UTF8_BOM)
                if not raw.strip():
                    continue
                found = True
                yield _parse_line(raw, f"{source}:{number}", number)
    except READ_ERRORS as err:
        yield InputProblem(source, cannot_read(err))
        return
    if not found:
        yield InputProblem(source, "file is empty")


def _parse_line(raw: bytes, source: str, number: int) -> Record | InputProblem:
    """One JSONL line to its object, or the problem with it."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return InputProblem(source, not_utf8(raw, err, first_line=number))
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return InputProblem(source, f"malformed JSON: {err.msg} (column {err.colno})")
    except RecursionError:
        return InputProblem(source, TOO_DEEP)
    if not isinstance(record, dict):
        return InputProblem(source, "record is not a JSON object")
    return number, record


def read_json(path: str | Path, fields: FieldMap) -> Iterator[Article | InputProblem]:
    """Yield the articles of a JSON file: a list, one object, or {"articles": [...]}."""
    source, name = str(path), stem(path)
    content = read_file_text(path)
    if isinstance(content, InputProblem):
        yield content
        return
    try:
        data = json.loads(content)
    except json.JSONDecodeError as err:
        yield InputProblem(
            f"{source}:{err.lineno}", f"malformed JSON: {err.msg} (column {err.colno})"
        )
        return
    except RecursionError:
        yield InputProblem(source, TOO_DEEP)
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        items = _array_items(content, _value_start(content, "articles"))
    elif isinstance(data, list):
        items = _array_items(content, _skip_ws(content, 0))
    elif isinstance(data, dict):
        yield record_to_article(data, source, name, fields)
        return
    else:
        yield InputProblem(source, 'expected a list of records, one object or {"articles": [...]}')
        return
    found = False
    for line, record in items:
        found = True
        where = f"{source}:{line}"
        if isinstance(record, dict):
            yield record_to_article(record, where, f"{name}-{line}", fields)
        else:
            yield InputProblem(where, "record is not a JSON object")
    if not found:
        yield InputProblem(source, "file has no records")


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WHITESPACE:
        pos += 1
    return pos


def _array_items(text: str, pos: int) -> Iterator[tuple[int, Any]]:
    """(start line, value) of each element of the (already valid) array at ``pos``."""
    pos = _skip_ws(text, pos + 1)  # past "["
    while text[pos] != "]":
        value, end = _DECODER.raw_decode(text, pos)
        yield text.count("\n", 0, pos) + 1, value
        pos = _skip_ws(text, end)
        if text[pos] == ",":
            pos = _skip_ws(text, pos + 1)


def _value_start(text: str, key: str) -> int:
    """Offset of the value of the last top-level ``key`` (json.loads keeps the last)."""
    pos, found = _skip_ws(text, _skip_ws(text, 0) + 1), -1  # past "{"
    while text[pos] != "}":
        name, pos = _DECODER.raw_decode(text, pos)
        pos = _skip_ws(text, _skip_ws(text, pos) + 1)  # past ":"
        if name == key:
            found = pos
        _, pos = _DECODER.raw_decode(text, pos)
        pos = _skip_ws(text, pos)
        if text[pos] == ",":
            pos = _skip_ws(text, pos + 1)
    return found
