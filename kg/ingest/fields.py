"""Which record field holds which article field (``--field NAME=SOURCE``).

Feeds and metadata tables name their columns freely (``content_original``, ``source``,
``ID``); a field map says where each article field comes from, so such records are read
instead of skipped. Names match exactly first, then ignoring case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kg.ingest.article import InputError

# Article field -> record fields tried in order when no --field names one. ``filename``,
# ``publication_date`` and ``author`` are what metadata tables (PolNeAR's among them) call
# the id, date and authors.
DEFAULT_SOURCES: dict[str, tuple[str, ...]] = {
    "id": ("id", "filename"),
    "text": ("text",),
    "title": ("title",),
    "url": ("url",),
    "publisher": ("publisher",),
    "date": ("date", "publication_date"),
    "authors": ("authors", "author"),
}
FIELDS = tuple(DEFAULT_SOURCES)


@dataclass(frozen=True)
class FieldMap:
    """Where each article field is read from; ``FieldMap()`` is the documented default."""

    sources: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: DEFAULT_SOURCES)

    @classmethod
    def parse(cls, options: Iterable[str]) -> FieldMap:
        """From ``NAME=SOURCE`` options; a named field is read from SOURCE only."""
        sources = dict(DEFAULT_SOURCES)
        for option in options:
            name, sep, source = (part.strip() for part in option.partition("="))
            if not sep or not source:
                raise InputError(f"--field '{option}' is not of the form NAME=SOURCE "
                                 f"(e.g. text=content)")
            if name not in sources:
                raise InputError(f"--field '{option}': unknown field '{name}' "
                                 f"(fields: {', '.join(FIELDS)})")
            sources[name] = (source,)
        return cls(sources)

    def source_names(self, name: str) -> tuple[str, ...]:
        """The record fields tried for article field ``name``."""
        return self.sources[name]

    def get(self, record: Mapping[str, Any], name: str) -> Any:
        """The value of article field ``name`` in ``record``, or None."""
        for source in self.sources[name]:
            key = find_key(record, source)
            if key is not None:
                return record[key]
        return None


def find_key(record: Iterable[str], name: str) -> str | None:
    """The key of ``record`` spelled ``name``, exactly or else ignoring case."""
    keys = list(record)
    if name in keys:
        return name
    folded = name.casefold()
    return next((key for key in keys if key.casefold() == folded), None)
