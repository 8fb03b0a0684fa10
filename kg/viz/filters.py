"""What part of the graph to show: one set of filters for the CLI and the web page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from kg.queries import QueryError
from kg.viz.style import KINDS, RELATIONS

DEFAULT_LIMIT = 150
MAX_LIMIT = 2000
MAX_DEPTH = 5

_RELATION_ALIASES = {name.replace(" ", ""): name for name in RELATIONS}
# What the graph is about; mentions (every name in every article) only when asked for.
DEFAULT_RELATIONS = frozenset({"said", "published", "reacted to"})


class FilterError(QueryError):
    """A filter value the user has to fix (unknown type, bad date, ...)."""


@dataclass(frozen=True)
class Filters:
    """Which nodes and edges to show: these relations (the default ones unless given), nodes
    of these types (every type when none is given)."""

    focus: str | None = None  # an entity's canonical name or IRI
    depth: int = 1
    relations: frozenset[str] = DEFAULT_RELATIONS
    types: frozenset[str] = field(default_factory=frozenset)
    since: str | None = None  # ISO dates, inclusive
    until: str | None = None
    min_degree: int = 0
    limit: int = DEFAULT_LIMIT

    def __post_init__(self) -> None:
        if not self.relations:
            raise FilterError("choose at least one relation")
        if not 0 <= self.depth <= MAX_DEPTH:
            raise FilterError(f"depth must be between 0 and {MAX_DEPTH}, not {self.depth}")
        if self.min_degree < 0:
            raise FilterError(f"min degree must be 0 or more, not {self.min_degree}")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise FilterError(f"limit must be between 1 and {MAX_LIMIT}, not {self.limit}")
        if self.since and self.until and self.since > self.until:
            raise FilterError(f"since ({self.since}) is after until ({self.until})")


def relation_names(values: Iterable[str]) -> frozenset[str]:
    """'said', 'reacted-to', 'reacted to', 'reactedTo' ... -> the canonical relation names."""
    names = set()
    for value in _split(values):
        key = value.lower().replace("-", "").replace("_", "").replace(" ", "")
        if key not in _RELATION_ALIASES:
            raise FilterError(f"unknown relation '{value}' (known: {', '.join(RELATIONS)})")
        names.add(_RELATION_ALIASES[key])
    return frozenset(names)


def type_names(values: Iterable[str]) -> frozenset[str]:
    """Node kinds; plural and American spellings are accepted ('people', 'organizations')."""
    aliases = {"people": "person", "persons": "person", "organization": "organisation",
               "org": "organisation", "orgs": "organisation", "places": "place"}
    names = set()
    for value in _split(values):
        key = aliases.get(value.lower(), value.lower())
        if key not in KINDS and key.endswith("s"):
            key = aliases.get(key[:-1], key[:-1])
        if key not in KINDS:
            raise FilterError(f"unknown type '{value}' (known: {', '.join(KINDS)})")
        names.add(key)
    return frozenset(names)


def iso_date(value: str | None) -> str | None:
    """A YYYY-MM-DD date, or None for an empty value."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as error:
        raise FilterError(f"'{value}' is not a date (YYYY-MM-DD)") from error


def _integer(name: str, value: str | int | None, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except (TypeError, ValueError) as error:
        raise FilterError(f"{name} must be a whole number, not '{value}'") from error


def _split(values: Iterable[str]) -> list[str]:
    """Repeated options and comma-separated lists both work."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def filters_from(params: Mapping[str, object]) -> Filters:
    """Filters from a query string (multi-valued mapping) or CLI options alike.

    Keys: focus, depth, relations, types, since, until, min_degree (or min-degree), limit.
    """

    def values(key: str) -> list[str]:
        getlist = getattr(params, "getlist", None)
        raw = getlist(key) if getlist else params.get(key)
        if raw is None:
            return []
        return [raw] if isinstance(raw, str) else [str(v) for v in raw]

    def one(key: str) -> str | None:
        found = values(key)
        return found[0] if found else None

    focus = (one("focus") or "").strip() or None
    return Filters(
        focus=focus,
        depth=_integer("depth", one("depth"), 1),
        relations=relation_names(values("relations")) or DEFAULT_RELATIONS,
        types=type_names(values("types")),
        since=iso_date(one("since")),
        until=iso_date(one("until")),
        min_degree=_integer("min degree", one("min_degree") or one("min-degree"), 0),
        limit=_integer("limit", one("limit"), DEFAULT_LIMIT),
    )
