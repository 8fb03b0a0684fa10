"""A remote SPARQL 1.1 store (Oxigraph server, Fuseki, Virtuoso, GraphDB) as an rdflib Dataset.

Reads go through the SPARQL query protocol, writes through SPARQL Update, one request per
article graph (drop and insert together, so a reader never sees half an article). As in
the local store, the default graph is the materialised union of the article graphs
(each write request keeps it in step), so any
SPARQL 1.1 server works with its default settings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from rdflib import Dataset, Graph, URIRef, Variable, plugin
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.store import Store
from rdflib.term import Node

from kg.rdf.namespaces import bind_prefixes

SCHEME = "sparql:"
STORE_PLUGIN = "newskg-sparql"

Quad = tuple[Node, Node, Node, URIRef]


class RemoteStoreError(ValueError):
    """A remote store spec that cannot be used; the message says what to write instead."""


class RemoteStore(SPARQLUpdateStore):
    """rdflib's SPARQL store, but reading triples with the graphs that hold them, so
    ``Dataset.quads`` (TriG and N-Quads export) works as on the local store, and raising
    on an endpoint error instead of returning it."""

    def response_mime_types(self) -> str:
        """JSON for SELECT and ASK, N-Triples for CONSTRUCT: both quick to parse."""
        return "application/sparql-results+json, application/n-triples"

    def remove(self, spo, context=None) -> None:
        """Delete matching triples with GRAPH patterns rather than ``WITH`` (which servers
        answering over a union default graph refuse)."""
        names = [Variable(v) if t is None else t for v, t in zip("spo", spo)]
        pattern = " ".join(self.node_to_sparql(term) for term in names)
        graph = (self.node_to_sparql(context.identifier) if self._is_contextual(context)
                 else "?g")
        block = f"GRAPH {graph} {{ {pattern} }}"
        if all(term is not None for term in spo) and graph != "?g":
            self.update(f"DELETE DATA {{ {block} }}")
        else:
            self.update(f"DELETE {{ {block} }} WHERE {{ {block} }}")

    def _is_contextual(self, graph) -> bool:
        """The Dataset's default graph is the server's default graph (the materialised union),
        not a named graph called ``urn:x-rdflib:default``."""
        if isinstance(graph, str) and graph == DATASET_DEFAULT_GRAPH_ID:
            return False
        return super()._is_contextual(graph)

    def _query(self, *args, **kwargs):
        result = super()._query(*args, **kwargs)
        if isinstance(result, tuple):
            raise ValueError(f"the SPARQL endpoint refused the query: {result[1]}")
        return result

    def triples(self, spo, context=None) -> Iterator[tuple[tuple[Node, Node, Node], Iterator]]:
        names = [Variable(v) if t is None else t for v, t in zip("spo", spo)]
        pattern = " ".join(self.node_to_sparql(term) for term in names)
        where = f"GRAPH ?g {{ {pattern} }}"
        if self._is_contextual(context):
            where += f" VALUES ?g {{ {self.node_to_sparql(context.identifier)} }}"
        rows = self.query(f"SELECT * WHERE {{ {where} }} ORDER BY ?s ?p ?o")
        triples = (((row.get("s", spo[0]), row.get("p", spo[1]), row.get("o", spo[2])), row["g"])
                   for row in rows)
        for triple, group in groupby(triples, key=lambda pair: pair[0]):
            yield triple, iter([Graph(store=self, identifier=g) for _, g in group])


plugin.register(STORE_PLUGIN, Store, __name__, RemoteStore.__name__)


def is_remote_spec(spec: object) -> bool:
    """True for ``sparql:URL``, the spelling of a remote store on the command line."""
    return isinstance(spec, str) and spec.startswith(SCHEME)


def update_url_for(query_url: str) -> str:
    """The update endpoint beside a query endpoint, by the common naming conventions
    (Oxigraph ``/query`` -> ``/update``, Fuseki ``/ds/sparql`` -> ``/ds/update``)."""
    head, _, last = query_url.rstrip("/").rpartition("/")
    if last in ("query", "sparql") and head:
        return f"{head}/update"
    raise RemoteStoreError(f"cannot tell the update endpoint of '{query_url}': "
                           "give it with --update-url")


def open_remote(spec: str, update_url: str | None = None) -> Dataset:
    """A Dataset over the store at ``sparql:QUERY_URL``; writes go to ``update_url``."""
    query_url = spec[len(SCHEME):]
    if not query_url.startswith(("http://", "https://")):
        raise RemoteStoreError(f"'{spec}' is not sparql:http(s)://HOST/PATH")
    store = plugin.get(STORE_PLUGIN, Store)(method="POST_FORM", autocommit=True)
    store.open((query_url, update_url or update_url_for(query_url)))
    dataset = Dataset(store=store, default_union=False)
    bind_prefixes(dataset)
    return dataset


def is_remote(dataset: Dataset) -> bool:
    return isinstance(dataset.store, RemoteStore)


def _withdraw(graph: str) -> str:
    """Update that removes from the default graph what only ``graph`` supports."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} FILTER NOT EXISTS "
            f"{{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {graph}) }} }} ;\n"
            f"DROP SILENT GRAPH {graph}")


def replace_graph(dataset: Dataset, graph: URIRef, quads: Iterable[Quad]) -> None:
    """Swap the article graph, and its share of the default graph (the union), in one
    SPARQL Update request."""
    term = dataset.store.node_to_sparql
    lines = "\n".join(f"{term(s)} {term(p)} {term(o)} ." for s, p, o, _ in quads)
    dataset.store.update(f"{_withdraw(term(graph))} ;\n"
                         f"INSERT DATA {{ GRAPH {term(graph)} {{\n{lines}\n}} }} ;\n"
                         f"INSERT DATA {{ {lines} }}")


def remove_graph(dataset: Dataset, graph: URIRef) -> None:
    dataset.store.update(_withdraw(dataset.store.node_to_sparql(graph)))
