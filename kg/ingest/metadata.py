"""A metadata table (``--metadata FILE``) joined onto the articles by id.

A folder of plain texts says nothing of outlet, date or headline; a table beside it
(CSV, TSV or JSONL, gzip-compressed or not) does. Rows are matched to articles by id
(a text file's id is its name without ``.txt``); the table's values win over what the
file itself says. The table is small next to the articles, so it is read whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg.ingest.article import Article, InputError, InputProblem
from kg.ingest.common import format_suffix, normalise_date, optional_str, record_id, split_authors
from kg.ingest.csv_input import csv_records
from kg.ingest.fields import FieldMap, find_key
from kg.ingest.headline import headline_end
from kg.ingest.jsonl import jsonl_records

DELIMITERS = {".csv": ",", ".tsv": "\t"}
TABLE_SUFFIXES = (*DELIMITERS, ".jsonl")
# Files holding one article each, whose id is the file name without this suffix: a table
# may name them with it ("a.txt").
_FILE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class MetadataTable:
    """Article fields by article id, and what joining them found."""

    path: Path
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[InputProblem] = field(default_factory=list)
    joined: int = 0
    unmatched: list[str] = field(default_factory=list)  # ids of articles with no row

    def join(self, article: Article) -> Article:
        """The article with the table's values for it (none: unchanged, and noted)."""
        values = self.rows.get(article.id)
        if values is None:
            self.unmatched.append(article.id)
            return article
        self.joined += 1
        if "title" in values and not article.headline_end:
            values = {**values, "headline_end": headline_end(article.text, values["title"])}
        return replace(article, **values)


def read_metadata(path: str | Path, fields: FieldMap | None = None) -> MetadataTable:
    """Read a metadata table; a missing file or unknown format raises ``InputError``,
    bad rows become the table's problems."""
    path, fields = Path(path), fields or FieldMap()
    if not path.is_file():
        raise InputError(f"metadata file does not exist: {path}")
    suffix = format_suffix(path).removesuffix(".gz")
    if suffix not in TABLE_SUFFIXES:
        raise InputError(f"unsupported metadata file type: {path} "
                         f"(supported: {', '.join(TABLE_SUFFIXES)}, also gzip-compressed)")
    table = MetadataTable(path)
    for item in _records(path, suffix, fields):
        if isinstance(item, InputProblem):
            table.problems.append(item)
            continue
        line, record = item
        article_id = record_id(record, fields)
        if article_id is None:
            table.problems.append(InputProblem(f"{path}:{line}", "metadata row has no id"))
            continue
        key = _article_id(article_id)
        if key in table.rows:
            table.problems.append(InputProblem(f"{path}:{line}",
                                               f"duplicate id '{key}' (first row kept)"))
            continue
        table.rows[key] = _values(record, fields)
    return table


def _records(path: Path, suffix: str, fields: FieldMap) -> Iterator[Any]:
    if suffix == ".jsonl":
        return jsonl_records(path)

    def has_id(columns: list[str]) -> str | None:
        wanted = fields.source_names("id")
        if any(find_key(columns, column) for column in wanted):
            return None
        names = " or ".join(f"'{column}'" for column in wanted)
        return (f"metadata table has no {names} column (found: {', '.join(columns)}); "
                f"name the id column with --field id=COLUMN")

    return csv_records(path, has_id, DELIMITERS[suffix])


def _article_id(value: str) -> str:
    for suffix in _FILE_SUFFIXES:
        if value.lower().endswith(suffix):
            return value[: -len(suffix)]
    return value


def _values(record: dict[str, Any], fields: FieldMap) -> dict[str, Any]:
    """The row's non-empty article fields (the id and the text are not metadata)."""
    values: dict[str, Any] = {
        "title": optional_str(fields.get(record, "title")),
        "url": optional_str(fields.get(record, "url")),
        "publisher": optional_str(fields.get(record, "publisher")),
        "date": normalise_date(fields.get(record, "date")),
        "authors": split_authors(fields.get(record, "authors")),
    }
    return {name: value for name, value in values.items() if value}
