"""Which person names in the whole graph are shortenings of one fuller name.

Pure: a set of canonical names in, a mapping short -> full out. A name merges only when
exactly one fullest name extends it, so "Clinton" stays apart once the graph holds both
Bill and Hillary Clinton.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.extract.names import name_words, shortens


def _longer(short: str, full: str) -> bool:
    return len(name_words(full)) > len(name_words(short)) and shortens(short, full)


def person_merges(names: Iterable[str]) -> dict[str, str]:
    """Map each name that shortens exactly one fullest other name to that name."""
    known = sorted(set(names))
    merges: dict[str, str] = {}
    for name in known:
        longer = [f for f in known if _longer(name, f)]
        fullest = [f for f in longer if not any(_longer(f, g) for g in longer)]
        if len(fullest) == 1:
            merges[name] = fullest[0]
    return merges
