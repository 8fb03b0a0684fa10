"""The graph store: an rdflib Dataset backed by Oxigraph, in memory or in a folder, or a
remote SPARQL 1.1 store (``sparql:QUERY_URL``, see ``kg.remote_store``).

Each article's triples live in the article's own named graph, so an article can
be replaced or withdrawn as a unit; queries see the union as the default graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from kg import remote_store
from kg.rdf.namespaces import PREFIXES

Quad = tuple[Node, Node, Node, URIRef]


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
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    return dataset


def replace_graph(dataset: Dataset, graph: URIRef, quads: Iterable[Quad]) -> None:
    """Swap one article's named graph for new content in bulk (idempotent rebuilds)."""
    if remote_store.is_remote(dataset):
        remote_store.replace_graph(dataset, graph, quads)
        return
    dataset.remove_graph(graph)
    dataset.addN((s, p, o, dataset.get_context(g)) for s, p, o, g in quads)


REFRESH_DEFAULT_GRAPH = "DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def refresh_default_graph(dataset: Dataset) -> None:
    """Make the default graph the set union of the article graphs.

    The union is materialised rather than asked of the engine: Oxigraph's union
    default graph returns a triple once per graph holding it, so every entity label
    would come back once per article that mentions the entity.
    """
    dataset.update(REFRESH_DEFAULT_GRAPH)


def remove_graph(dataset: Dataset, graph: URIRef) -> None:
    if remote_store.is_remote(dataset):
        remote_store.remove_graph(dataset, graph)
        return
    dataset.remove_graph(graph)


def content_hashes(dataset: Dataset) -> dict[str, str]:
    """Article id -> content hash of what the store holds, for incremental builds."""
    rows = dataset.query(
        "SELECT ?id ?hash WHERE { ?a dcterms:identifier ?id ; nkg:contentHash ?hash }"
    )
    return {str(row[0]): str(row[1]) for row in rows}


def triple_count(dataset: Dataset) -> int:
    """Distinct triples in the union graph (Oxigraph's union repeats a triple once per
    graph holding it, so the count asks for distinct ones)."""
    rows = list(dataset.query(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"))
    return int(rows[0][0]) if rows else 0


def literal_count(dataset: Dataset, query: str) -> int:
    rows = list(dataset.query(query))
    value = rows[0][0] if rows else None
    return int(value) if isinstance(value, Literal) else 0
