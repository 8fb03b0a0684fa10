"""The graph store: one interface, ``GraphStore``, over a local Oxigraph store
(``kg.local_store``: in memory or in a folder) and a remote SPARQL 1.1 store
(``kg.remote_store``), chosen by the ``--store`` spec: a folder, or an http(s) URL.

Both are rdflib Datasets (queries, stats and pages read them as such) that also know how to
write article graphs. Each article's triples live in the article's own named graph, so an
article can be replaced or withdrawn as a unit. The default graph holds their set union and
is kept in step by every write (``put_graph``, ``drop_graph``, ``add_quads``,
``remove_quads``); queries read it. It is stored, not asked of the engine, because
Oxigraph's union default graph returns a triple once per graph holding it: an entity's
label once per article naming it, multiplying rows and slowing every aggregate.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.term import Node

from kg.rdf.namespaces import DCTERMS, NKG

Quad = tuple[Node, Node, Node, URIRef]
OLD_SCHEME = "sparql:"  # the older spelling of a remote store: sparql:URL

# Rebuild the union from the article graphs, after writes that bypassed the interface (a
# parsed file, a SPARQL Update sent to the server).
REFRESH_DEFAULT_GRAPH = "DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


class RemoteStoreError(ValueError):
    """A remote store spec that cannot be used; the message says what to write instead."""


class GraphStore(Protocol):
    """What build, resolution, export and the server need of a store.

    Writes: ``put_graph`` replaces a whole article graph (a build), ``drop_graph`` removes
    one, ``add_quads``/``remove_quads`` change single facts (resolution); each keeps the
    union in step. Settling: resolution runs inside ``transaction``; ``mark_pending`` before
    a build's first write and ``clear_pending`` after its resolution say whether a merge is
    owed; ``recover`` undoes what a killed process left half done and names the base IRI of
    a merge still owed. Reads: ``query`` over the union, ``statements`` (the dump every
    export format is written from).
    """

    def query(self, query_object: str, **kwargs: object) -> Result: ...

    def put_graph(self, graph: URIRef, quads: Iterable[Quad]) -> None:
        """Make ``graph`` hold exactly ``quads`` (their fourth term is ignored)."""

    def drop_graph(self, graph: URIRef) -> None:
        """Remove ``graph`` and what only it supported from the union."""

    def add_quads(self, quads: Iterable[Quad]) -> None:
        """Add quads to their named graphs and their triples to the union."""

    def remove_quads(self, quads: Iterable[Quad]) -> None:
        """Remove quads, and from the union each triple no other named graph still holds."""

    def transaction(self, label: str) -> AbstractContextManager[None]:
        """Writes inside survive a crash all done or all undone (once ``recover`` ran)."""

    def mark_pending(self, base: str) -> None:
        """Say that resolution is owed (before a build's first write)."""

    def clear_pending(self) -> None:
        """Resolution has run: nothing is owed."""

    def recover(self) -> tuple[bool, str | None]:
        """Undo a transaction a killed process left half done; (undone, base IRI of a
        resolution still owed or None)."""

    def statements(self, named_graphs: bool) -> Iterator[ox.Quad]:
        """Every quad of the article graphs (by graph, in IRI order), or of the union."""

    def close(self, commit_pending_transaction: bool = False) -> None: ...


def is_remote_spec(spec: object) -> bool:
    """True for an http(s) URL (or ``sparql:URL``)."""
    return isinstance(spec, str) and spec.startswith(("http://", "https://", OLD_SCHEME))


def open_store(spec: str | Path | None = None, update_url: str | None = None,
               read_only: bool = False) -> GraphStore:
    """The store ``spec`` names: None keeps it in memory, a folder on disk (made if
    missing, unless ``read_only``), an http(s) URL a SPARQL 1.1 server (written through
    ``update_url``, by default the one beside the query endpoint, unless ``read_only``)."""
    if is_remote_spec(spec):
        from kg.remote_store import RemoteStore

        return RemoteStore(str(spec), update_url, read_only)
    from kg.local_store import LocalStore

    return LocalStore(None if spec is None else Path(spec), read_only)


def named_quads(dataset: Dataset, pattern: tuple) -> set[Quad]:
    """Quads of the article graphs (not of the union) matching (s, p, o); from the
    store's own index where it has one (``LocalStore.named_quads``)."""
    native = getattr(dataset, "named_quads", None)
    if native is not None:
        return native(pattern)
    found = set()
    for s, p, o, graph in dataset.quads((*pattern, None)):
        name = graph.identifier if isinstance(graph, Graph) else graph
        if name is not None and name != DATASET_DEFAULT_GRAPH_ID:
            found.add((s, p, o, name))
    return found


def select(dataset: Dataset, query: str) -> Iterator[tuple[Node | None, ...]]:
    """The rows of a SELECT ``query`` over the union, as tuples of rdflib terms (None where
    unbound), from the store's engine where it has one (``LocalStore.select``): rdflib's
    result layer, a dict and a row object per solution, cost resolution more than the engine
    did on its large reads (3.2 s against 1.4 s for 43,897 quotations)."""
    native = getattr(dataset, "select", None)
    if native is not None:
        return native(query)
    return (tuple(row) for row in dataset.query(query))


def held_hash(dataset: Dataset, article_id: str) -> str | None:
    """The content hash the store holds for ``article_id`` (None: no such article), for
    incremental builds: two index lookups, where reading every article's hash took 4.7 s
    of each build at 12,000 articles."""
    for article, *_ in named_quads(dataset, (None, DCTERMS.identifier, Literal(article_id))):
        for *_, held, _ in named_quads(dataset, (article, NKG.contentHash, None)):
            return str(held)
    return None


def triple_count(dataset: Dataset) -> int:
    """Triples in the union graph."""
    rows = list(dataset.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    return int(rows[0][0]) if rows else 0


def literal_count(dataset: Dataset, query: str) -> int:
    rows = list(dataset.query(query))
    value = rows[0][0] if rows else None
    return int(value) if isinstance(value, Literal) else 0


def to_oxigraph(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(node, Literal):
        datatype = ox.NamedNode(node.datatype) if node.datatype else None
        return ox.Literal(str(node), language=node.language, datatype=datatype)
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    return ox.NamedNode(str(node))


def from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.Literal):
        datatype = None if term.language else URIRef(term.datatype.value)
        return Literal(term.value, lang=term.language, datatype=datatype)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    return URIRef(term.value)


def to_oxigraph_quad(s: Node, p: Node, o: Node, g: Node | None = None) -> ox.Quad:
    """An rdflib statement as a pyoxigraph quad (in the default graph when ``g`` is None)."""
    graph = ox.DefaultGraph() if g is None else to_oxigraph(g)
    return ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph)
