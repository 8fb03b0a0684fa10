"""Input stage: turn files and folders of news articles into ``Article`` records.

Articles are streamed one at a time so that corpora larger than memory work
(``.jsonl.gz``, ``.json.gz`` and ``.csv.gz`` are read compressed). Bad input (an
empty, binary or non-UTF-8 file, a malformed record) never stops the run: it is
skipped and reported as an ``InputProblem``. Only a user mistake in the paths or
options themselves raises ``InputError``, before anything is read.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from kg.ingest.article import Article, InputError, InputProblem
from kg.ingest.common import READ_ERRORS, cannot_read, format_suffix
from kg.ingest.csv_input import read_csv
from kg.ingest.fields import FieldMap
from kg.ingest.html import read_html
from kg.ingest.jsonl import read_json, read_jsonl
from kg.ingest.metadata import MetadataTable, read_metadata
from kg.ingest.text import read_txt

__all__ = ["Article", "FieldMap", "InputError", "InputProblem", "MetadataTable",
           "SUPPORTED_EXTENSIONS", "read_articles", "read_metadata"]

log = logging.getLogger(__name__)

Reader = Callable[[Path], Iterator[Article | InputProblem]]
RecordReader = Callable[[Path, FieldMap], Iterator[Article | InputProblem]]

# Files of records, whose fields a FieldMap names; streamed from gzip where it says so.
RECORD_READERS: dict[str, RecordReader] = {
    ".jsonl": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
    ".jsonl.gz": read_jsonl,
    ".json.gz": read_json,
    ".csv.gz": read_csv,
}
# Files holding one article each.
FILE_READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
}
SUPPORTED_EXTENSIONS = (".txt", ".jsonl", ".json", ".csv", ".html", ".htm",
                        ".jsonl.gz", ".json.gz", ".csv.gz")


def read_articles(
    paths: Iterable[str | Path],
    problems: list[InputProblem] | None = None,
    fields: FieldMap | None = None,
    metadata: MetadataTable | None = None,
) -> Iterator[Article]:
    """Yield the articles of all files and folders in ``paths``, in a stable order.

    Folders are walked recursively in sorted name order, skipping hidden entries
    and files of unknown type. Every skipped input is appended to ``problems``
    (or logged as a warning when no list is given). All paths are checked up
    front, so a typo raises ``InputError`` before any work is done. ``fields`` says
    which record fields hold what; ``metadata`` rows are joined onto the articles by id.
    """
    roots = [Path(path) for path in paths]
    for root in roots:
        _check_path(root)
    readers = _readers(fields or FieldMap())
    seen: set[Path] = {_identity(metadata.path)} if metadata else set()
    for root in roots:
        for item in _files(root, explicit=True):
            if isinstance(item, InputProblem):
                _report(item, problems)
                continue
            key = _identity(item)
            if key in seen:  # same file reached twice (or the metadata table): read it once
                continue
            seen.add(key)
            try:
                for result in readers[format_suffix(item)](item):
                    if isinstance(result, InputProblem):
                        _report(result, problems)
                    else:
                        yield metadata.join(result) if metadata else result
            except READ_ERRORS as err:
                _report(InputProblem(str(item), cannot_read(err)), problems)
            except Exception as err:  # whatever else one file raises stops only that file
                _report(InputProblem(str(item), f"not read: {type(err).__name__}: {err}"[:200]),
                        problems)


def _readers(fields: FieldMap) -> dict[str, Reader]:
    return {**FILE_READERS,
            **{suffix: partial(reader, fields=fields) for suffix, reader in RECORD_READERS.items()}}


def _supported(path: Path) -> bool:
    return format_suffix(path) in SUPPORTED_EXTENSIONS


def _check_path(path: Path) -> None:
    if not path.exists():
        raise InputError(f"input path does not exist: {path}")
    if not path.is_dir() and not _supported(path):
        supported = ", ".join(SUPPORTED_EXTENSIONS)
        raise InputError(f"unsupported file type: {path} (supported: {supported})")


def _files(
    path: Path, explicit: bool = False, parents: frozenset[Path] = frozenset()
) -> Iterator[Path | InputProblem]:
    """Readable files under ``path`` in sorted order, depth first."""
    if not path.is_dir():
        if explicit or _supported(path):
            yield path
        return
    here = _identity(path)
    if here in parents:  # a symlink back up the tree would loop forever
        return
    try:
        names = sorted(entry.name for entry in os.scandir(path))
    except OSError as err:
        yield InputProblem(str(path), f"cannot list folder: {err.strerror or err}")
        return
    for name in names:
        if not name.startswith("."):
            yield from _files(path / name, parents=parents | {here})


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return path.absolute()


def _report(problem: InputProblem, problems: list[InputProblem] | None) -> None:
    if problems is None:
        log.warning("skipped %s", problem)
    else:
        problems.append(problem)
