"""Which nodes a batch of article graphs touches, so resolution reads only those.

Resolution after a build is a fixpoint: a store it has settled gives no change when it runs
again. Adding article graphs can only change what those graphs name, what shares a surname
key with the people they name, and what renames move; ``VALUES`` clauses made here restrict
each of resolution's queries to that. ``None`` everywhere means the whole store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Dataset, URIRef
from rdflib.term import Node

from kg.resolve.names import surname_key
from kg.store import select

# Nodes per VALUES clause. Oxigraph's plan for a long VALUES reads the whole store: the
# mention counts of the 4,981 people a 100-article batch touched on the 10,100-article store
# took 192 s in one query and 1.0 s asked 500 at a time (0.8 s 100 at a time).
SCOPE_CHUNK = 500
_IN_GRAPHS = "SELECT DISTINCT ?s WHERE { #SCOPE GRAPH ?g { #PATTERN } }"


def values(var: str, nodes: Iterable[Node] | None) -> str:
    """A ``VALUES`` clause binding ``?var`` to ``nodes``; empty (no restriction) for None."""
    if nodes is None:
        return ""
    return f"VALUES ?{var} {{ {' '.join(node.n3() for node in nodes)} }}"


def scoped(query: str, var: str, nodes: Iterable[Node] | None) -> str:
    """``query`` with its ``#SCOPE`` marker replaced by the restriction to ``nodes``."""
    return query.replace("#SCOPE", values(var, nodes))


def scoped_rows(dataset: Dataset, query: str, var: str,
                nodes: Iterable[Node] | None) -> Iterator[tuple[Node | None, ...]]:
    """The rows of ``query`` restricted to ``nodes`` (None: the whole store), asked
    SCOPE_CHUNK nodes at a time. Every scoped query of resolution gives its rows (or its
    groups) per node of ``?var``, so the parts add up to the answer for all of them."""
    if nodes is None:
        yield from select(dataset, scoped(query, var, None))
        return
    for part in in_chunks(nodes):
        yield from select(dataset, scoped(query, var, part))


def in_chunks(nodes: Iterable[Node]) -> Iterator[list[Node]]:
    """``nodes`` SCOPE_CHUNK at a time, for a VALUES clause each."""
    nodes = list(nodes)
    for start in range(0, len(nodes), SCOPE_CHUNK):
        yield nodes[start:start + SCOPE_CHUNK]


def in_graphs(dataset: Dataset, graphs: Iterable[URIRef], pattern: str) -> set[Node]:
    """The ``?s`` of ``pattern`` inside the named graphs ``graphs``."""
    query = _IN_GRAPHS.replace("#PATTERN", pattern)
    return {row[0] for row in scoped_rows(dataset, query, "g", graphs)}



class Batch:
    """The article graphs a build just wrote (None: the whole store) and what they touch."""

    def __init__(self, dataset: Dataset, graphs: list[URIRef] | None) -> None:
        self.dataset = dataset
        self.graphs = graphs

    def nodes(self, pattern: str, *extra: Iterable[Node]) -> set[Node] | None:
        """The ``?s`` of ``pattern`` in the batch's graphs, with ``extra`` nodes."""
        if self.graphs is None:
            return None
        found = in_graphs(self.dataset, self.graphs, pattern)
        for nodes in extra:
            found |= set(nodes)
        return found

    def surname_keys(self) -> set[str] | None:
        """The surname keys of the people the batch names: person merges compare names only
        within a key, so the groups of other keys are as the last pass left them."""
        labels = self.nodes("?p a schema:Person ; rdfs:label ?s")
        if labels is None:
            return None
        return {key for label in labels if (key := surname_key(str(label)))}

    def people(self, grouped: set[URIRef], renames: dict[URIRef, URIRef]) -> set[Node] | None:
        """After the merges: the people of the touched surname groups and of the batch."""
        return self.nodes("?s a schema:Person", {renames.get(n, n) for n in grouped},
                          renames.values())

    def speakers(self, moved: Iterable[Node]) -> set[Node] | None:
        """Speakers whose quotes the batch or a rename touched."""
        return self.nodes("?q schema:creator ?s", moved)
