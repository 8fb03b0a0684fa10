"""The graph store: an rdflib Dataset backed by Oxigraph, in memory or in a folder, or a
remote SPARQL 1.1 store (``sparql:QUERY_URL``, see ``kg.remote_store``).

Each article's triples live in the article's own named graph, so an article can
be replaced or withdrawn as a unit. The default graph holds their set union and is
kept in step by every write below (``add_quads``, ``remove_quads``, ``replace_graph``,
``remove_graph``); queries read it. It is stored, not asked of the engine, because
Oxigraph's union default graph returns a triple once per graph holding it: an entity's
label once per article naming it, multiplying rows and slowing every aggregate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg import journal, remote_store
from kg.rdf.namespaces import bind_prefixes

Quad = tuple[Node, Node, Node, URIRef]
# One transaction of this many quads took three times as long as Oxigraph's bulk load.
BULK_QUADS = 50_000


def open_store(path: str | Path | None = None, update_url: str | None = None) -> Dataset:
    """A Dataset whose default graph is the union of the article graphs.

    ``path`` None keeps the store in memory; a folder makes it persistent and
    reopenable by later commands; ``sparql:QUERY_URL`` uses a remote SPARQL store
    (written through ``update_url``, by default the one beside the query endpoint).
    """
    if remote_store.is_remote_spec(path):
        return remote_store.open_remote(str(path), update_url)
    dataset = Dataset(store="Oxigraph", default_union=False)
    if path is not None:
        Path(path).mkdir(parents=True, exist_ok=True)
        dataset.open(str(path))
        journal.register_folder(dataset.store, Path(path))
    bind_prefixes(dataset)
    return dataset


def store_folder(dataset: Dataset) -> Path | None:
    """The folder of a store opened by ``open_store`` (None: in memory or remote)."""
    return journal.folder_of(dataset.store)


@contextmanager
def transaction(dataset: Dataset, label: str) -> Iterator[None]:
    """Writes (``add_quads``, ``remove_quads`` and what is built on them) that a crash
    leaves all done or all undone, once ``undo_interrupted`` has run (see ``kg.journal``)."""
    if remote_store.is_remote(dataset):
        yield
        return
    with journal.transaction(dataset.store, dataset.store._inner, label):
        yield


def undo_interrupted(dataset: Dataset) -> bool:
    """Undo the writes of a transaction a killed process left half done; True if any."""
    folder = store_folder(dataset)
    return folder is not None and journal.undo(dataset.store._inner, folder)


def named_quads(dataset: Dataset, pattern: tuple) -> set[Quad]:
    """Quads of the article graphs (not of the union) matching (s, p, o)."""
    found = set()
    for s, p, o, graph in dataset.quads((*pattern, None)):
        name = graph.identifier if isinstance(graph, Graph) else graph
        if name is not None and name != DATASET_DEFAULT_GRAPH_ID:
            found.add((s, p, o, name))
    return found


def add_quads(dataset: Dataset, quads: Iterable[Quad]) -> None:
    """Add quads to their named graphs and their triples to the union, in one bulk call.

    Locally each term is converted to Oxigraph's once and written straight to the engine;
    inside a ``transaction`` only the quads not there yet, journaled first. (Copying a graph
    into the union with a SPARQL INSERT per article was quicker on small stores but doubled
    the bytes per triple as the store grew: one transaction per update.)"""
    quads = list(quads)
    if remote_store.is_remote(dataset):  # the remote union is rebuilt by settle_union
        dataset.addN((s, p, o, dataset.get_context(g)) for s, p, o, g in quads)
        return
    term = _oxigraph_terms()
    default = ox.DefaultGraph()
    written = []
    for s, p, o, g in quads:
        triple = (term(s), term(p), term(o))
        written += [ox.Quad(*triple, term(g)), ox.Quad(*triple, default)]
    engine = dataset.store._inner  # oxrdflib's engine handle (pinned < 0.6)
    log = journal.open_journal(dataset.store)
    if log is None:
        engine.extend(written)
        return
    if not log.covers(quad.graph_name for quad in written[::2]):
        written = list(dict.fromkeys(quad for quad in written if quad not in engine))
        log.log("+", written)
    if len(written) > BULK_QUADS:  # the journal makes it all-or-nothing, not the engine
        engine.bulk_extend(written)
    else:
        engine.extend(written)


def _oxigraph_terms() -> Callable[[Node], object]:
    """Node -> Oxigraph term, each converted once (a cache, since subjects repeat)."""
    return lru_cache(maxsize=None)(_to_oxigraph)


def _to_oxigraph(node: Node):
    if isinstance(node, Literal):
        datatype = ox.NamedNode(node.datatype) if node.datatype else None
        return ox.Literal(str(node), language=node.language, datatype=datatype)
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    return ox.NamedNode(str(node))


def remove_quads(dataset: Dataset, quads: Iterable[Quad]) -> None:
    """Remove quads, and from the union each triple no other named graph still holds."""
    if remote_store.is_remote(dataset):
        for s, p, o, g in quads:
            dataset.remove((s, p, o, dataset.get_context(g)))
        return  # a remote union is rebuilt by settle_union, one request for all
    engine = dataset.store._inner
    term = _oxigraph_terms()
    leaving: dict[tuple, set] = {}  # triple -> the named graphs it leaves
    for s, p, o, g in quads:
        leaving.setdefault((term(s), term(p), term(o)), set()).add(term(g))
    removed = []
    for triple, graphs in leaving.items():
        held = {quad.graph_name for quad in engine.quads_for_pattern(*triple)}
        removed += [ox.Quad(*triple, graph) for graph in graphs & held]
        default = ox.DefaultGraph()
        if default in held and not held - graphs - {default}:
            removed.append(ox.Quad(*triple, default))
    log = journal.open_journal(dataset.store)
    if log is not None:
        log.log("-", removed)
    for quad in removed:
        engine.remove(quad)


def _graph_quads(dataset: Dataset, graph: URIRef) -> set[Quad]:
    return {(s, p, o, graph) for s, p, o in dataset.get_context(graph)}


def replace_graph(dataset: Dataset, graph: URIRef, quads: Iterable[Quad]) -> None:
    """Swap one article's named graph for new content (idempotent rebuilds): only the
    difference is written."""
    if remote_store.is_remote(dataset):
        remote_store.replace_graph(dataset, graph, quads)
        return
    new = {(s, p, o, graph) for s, p, o, _ in quads}
    old = _graph_quads(dataset, graph)
    log = journal.open_journal(dataset.store)
    if log is not None and not old:
        log.log_new_graph(ox.NamedNode(str(graph)))
    remove_quads(dataset, old - new)
    add_quads(dataset, new - old)


def remove_graph(dataset: Dataset, graph: URIRef) -> None:
    if remote_store.is_remote(dataset):
        remote_store.remove_graph(dataset, graph)
        return
    remove_quads(dataset, _graph_quads(dataset, graph))
    dataset.remove_graph(graph)


REFRESH_DEFAULT_GRAPH = "DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def settle_union(dataset: Dataset) -> None:
    """After quad-level writes (``add_quads``, ``remove_quads``): the local union is already
    in step; a remote one is rebuilt in one request rather than triple by triple."""
    if remote_store.is_remote(dataset):
        refresh_default_graph(dataset)


def refresh_default_graph(dataset: Dataset) -> None:
    """Rebuild the union from scratch: for graphs written by other means (a parsed file,
    a SPARQL Update)."""
    dataset.update(REFRESH_DEFAULT_GRAPH)


def content_hashes(dataset: Dataset) -> dict[str, str]:
    """Article id -> content hash of what the store holds, for incremental builds."""
    rows = dataset.query(
        "SELECT ?id ?hash WHERE { ?a dcterms:identifier ?id ; nkg:contentHash ?hash }"
    )
    return {str(row[0]): str(row[1]) for row in rows}


def triple_count(dataset: Dataset) -> int:
    """Triples in the union graph."""
    rows = list(dataset.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    return int(rows[0][0]) if rows else 0


def literal_count(dataset: Dataset, query: str) -> int:
    rows = list(dataset.query(query))
    value = rows[0][0] if rows else None
    return int(value) if isinstance(value, Literal) else 0


def oxigraph_store(dataset: Dataset) -> ox.Store | None:
    """The Oxigraph engine under a local Dataset (None for a remote store or a plain rdflib
    one), for reads done natively such as exports."""
    inner = getattr(dataset.store, "_inner", None)  # oxrdflib's engine handle (pinned < 0.6)
    return inner if isinstance(inner, ox.Store) else None


def to_oxigraph_quad(s: Node, p: Node, o: Node, g: Node | None = None) -> ox.Quad:
    """An rdflib statement as a pyoxigraph quad (in the default graph when ``g`` is None)."""
    graph = ox.DefaultGraph() if g is None else _to_oxigraph(g)
    return ox.Quad(_to_oxigraph(s), _to_oxigraph(p), _to_oxigraph(o), graph)
