"""Which person names in the whole graph are shortenings of one fuller name.

Pure: a set of canonical names in, a mapping short -> full out. A name merges only when
exactly one fullest name extends it, so "Clinton" stays apart once the graph holds both
Bill and Hillary Clinton.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kg.extract.names import name_words, shortens


def _longer(short: str, full: str) -> bool:
    return len(name_words(full)) > len(name_words(short)) and shortens(short, full)


def person_merges(names: Iterable[str]) -> dict[str, str]:
    """Map each name that shortens exactly one fullest other name to that name.

    A longer form always ends with the same word, so names are compared only within
    their surname's group (not every name with every other)."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(names)):
        if words := name_words(name):
            by_surname[words[-1].lower()].append(name)
    merges: dict[str, str] = {}
    for known in by_surname.values():
        merges.update(_merges_among(known))
    return merges


def _merges_among(known: list[str]) -> dict[str, str]:
    merges: dict[str, str] = {}
    for name in known:
        longer = [f for f in known if _longer(name, f)]
        fullest = [f for f in longer if not any(_longer(f, g) for g in longer)]
        if len(fullest) == 1:
            merges[name] = fullest[0]
    return merges
