"""The remote ``GraphStore``: a SPARQL 1.1 server (Oxigraph server, Fuseki, Virtuoso, GraphDB).

Reads go through the SPARQL query protocol. An article graph is written in bulk with the
Graph Store Protocol where the server has it (``PUT ?graph=`` of the graph, ``POST
?default`` of its triples into the union), else with one SPARQL Update; single facts
(resolution) with one SPARQL Update per batch. As in the local store, the default graph is
the materialised union of the article graphs, kept in step by every write, so any SPARQL
1.1 server works with its default settings (leave Oxigraph's ``--union-default-graph`` off).
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from itertools import groupby

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.term import Node

from kg.rdf.namespaces import bind_prefixes
from kg.store import OLD_SCHEME, Quad, RemoteStoreError, to_oxigraph, to_oxigraph_quad

NO_GRAPH_STORE = (400, 404, 405, 415, 501)  # how servers without the protocol answer
_TRIPLES = "application/n-triples"
_FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Endpoints:
    """Where a SPARQL server answers queries, updates and (None: unknown) Graph Store
    Protocol requests."""

    query: str
    update: str
    graph_store: str | None


def endpoints(spec: str, update_url: str | None = None) -> Endpoints:
    """The endpoints of ``spec``, by the common naming conventions: a server's root
    (Oxigraph: ``/query``, ``/update``, ``/store`` below it) or its query endpoint, with
    the others beside it (Oxigraph ``/query``, Fuseki ``/ds/sparql``)."""
    url = spec.removeprefix(OLD_SCHEME)
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RemoteStoreError(f"'{spec}' is not an http(s)://HOST/PATH URL")
    head, _, last = url.rstrip("/").rpartition("/")
    if parts.path.strip("/") == "":
        root, url = url.rstrip("/"), url.rstrip("/") + "/query"
    elif last in ("query", "sparql"):
        root = head
    elif update_url is None:
        raise RemoteStoreError(f"cannot tell the update endpoint of '{url}': "
                               "give it with --update-url")
    else:
        return Endpoints(url, update_url, None)
    return Endpoints(url, update_url or f"{root}/update", f"{root}/store")


class _SparqlClient(SPARQLUpdateStore):
    """rdflib's SPARQL store, but reading triples with the graphs that hold them, so
    ``Dataset.quads`` works as on the local store, and raising on an endpoint error
    instead of returning it."""

    def response_mime_types(self) -> str:
        """JSON for SELECT and ASK, N-Triples for CONSTRUCT: both quick to parse."""
        return f"application/sparql-results+json, {_TRIPLES}"

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


def _withdraw(graph: str) -> str:
    """Update that removes from the default graph what only ``graph`` supports, then it."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} FILTER NOT EXISTS "
            f"{{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {graph}) }} }} ;\n"
            f"DROP SILENT GRAPH {graph}")


def _lines(quads: Iterable[Quad]) -> str:
    """The triples of ``quads`` as N-Triples lines (valid in SPARQL data blocks too)."""
    return "".join(f"{to_oxigraph_quad(s, p, o).triple} .\n" for s, p, o, _ in quads)


def post_query(url: str, text: str, accept: str, default_graphs: Iterable[str] = (),
               named_graphs: Iterable[str] = ()):
    """The open HTTP response to ``text`` POSTed to the query endpoint ``url`` (SPARQL 1.1
    protocol; the dataset given by graph IRIs), read lazily by the caller. No timeout is
    passed: the socket default applies (the server's workers set it to the time left)."""
    fields = [("query", text), *(("default-graph-uri", g) for g in default_graphs),
              *(("named-graph-uri", g) for g in named_graphs)]
    request = urllib.request.Request(url, urllib.parse.urlencode(fields).encode("ascii"),
                                     method="POST",
                                     headers={"Content-Type": _FORM, "Accept": accept})
    return urllib.request.urlopen(request)


def _check_reachable(url: str) -> None:
    """Ask the query endpoint an empty question, so a store that is down or is no SPARQL
    endpoint is reported once, by its URL, before any work starts."""
    try:
        with post_query(url, "ASK {}", "application/sparql-results+json") as response:
            response.read()
    except urllib.error.HTTPError as error:
        raise RemoteStoreError(f"the remote store at {url} answered {error.code} "
                               f"{error.reason} to a SPARQL query") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise RemoteStoreError(f"cannot reach the remote store at {url}: {reason}") from None


class _ReadOnlyClient(_SparqlClient):
    """The client of a store opened read-only: nothing it sends can change the store."""

    def update(self, *args, **kwargs) -> None:
        raise PermissionError("this remote store was opened read-only")


class RemoteStore(Dataset):
    """The store at an http(s) URL (see ``endpoints``); no transactions or pending marks:
    every write is one request, which the server applies whole. ``read_only`` (the
    server's readers) refuses every write before it is sent."""

    def __init__(self, spec: str, update_url: str | None = None,
                 read_only: bool = False) -> None:
        self.endpoints = endpoints(spec, update_url)
        self.read_only = read_only
        client = (_ReadOnlyClient if read_only else _SparqlClient)(method="POST_FORM",
                                                                    autocommit=True)
        client.open((self.endpoints.query, self.endpoints.update))
        _check_reachable(self.endpoints.query)
        super().__init__(store=client, default_union=False)
        bind_prefixes(self)

    def _send(self, method: str, url: str, body: bytes, content_type: str,
              accept: str = "*/*") -> bytes:
        if self.read_only:
            raise PermissionError("this remote store was opened read-only")
        request = urllib.request.Request(url, body, method=method,
                                         headers={"Content-Type": content_type,
                                                  "Accept": accept})
        with urllib.request.urlopen(request) as response:
            return response.read()

    def _graph_store(self, method: str, target: str, body: bytes) -> bool:
        """One Graph Store Protocol request; False (and no more tries) where the server
        has no such endpoint."""
        url = f"{self.endpoints.graph_store}?{target}"
        try:
            self._send(method, url, body, _TRIPLES)
        except urllib.error.HTTPError as error:
            if error.code not in NO_GRAPH_STORE:
                raise
            self.endpoints = Endpoints(self.endpoints.query, self.endpoints.update, None)
            return False
        return True

    def put_graph(self, graph: URIRef, quads: Iterable[Quad]) -> None:
        lines = _lines(quads)
        name = f"<{graph}>"
        self.store.update(_withdraw(name))
        if self.endpoints.graph_store is not None:
            body = lines.encode("utf-8")
            query = urllib.parse.urlencode({"graph": str(graph)})
            if self._graph_store("PUT", query, body):
                self._graph_store("POST", "default", body)
                return
        self.store.update(f"INSERT DATA {{ GRAPH {name} {{\n{lines}}} }} ;\n"
                          f"INSERT DATA {{ {lines} }}")

    def drop_graph(self, graph: URIRef) -> None:
        self.store.update(_withdraw(f"<{graph}>"))

    def add_quads(self, quads: Iterable[Quad]) -> None:
        by_graph: dict[URIRef, list[Quad]] = defaultdict(list)
        for quad in quads:
            by_graph[quad[3]].append(quad)
        if by_graph:
            blocks = "".join(f"GRAPH <{graph}> {{\n{_lines(part)}}}\n"
                             for graph, part in by_graph.items())
            union = "".join(_lines(part) for part in by_graph.values())
            self.store.update(f"INSERT DATA {{\n{blocks}{union}}}")

    def remove_quads(self, quads: Iterable[Quad]) -> None:
        quads = list(quads)
        if not quads:
            return
        blocks = "".join(f"GRAPH <{g}> {{ {to_oxigraph_quad(s, p, o).triple} }}\n"
                         for s, p, o, g in quads)
        rows = " ".join("({} {} {})".format(*map(to_oxigraph, quad[:3]))
                        for quad in dict.fromkeys(q[:3] for q in quads))
        self.store.update(
            f"DELETE DATA {{\n{blocks}}} ;\n"
            f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{ {rows} }} "
            "FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")

    def transaction(self, label: str) -> AbstractContextManager[None]:
        return nullcontext()

    def mark_pending(self, base: str) -> None:
        """Nothing to mark: a remote build killed before resolution is built again."""

    def clear_pending(self) -> None:
        """Nothing was marked."""

    def recover(self) -> tuple[bool, str | None]:
        return False, None

    def _construct(self, where: str, graph: ox.NamedNode | ox.DefaultGraph) -> Iterator[ox.Quad]:
        """The triples ``where`` matches, as quads of ``graph``."""
        with post_query(self.endpoints.query,
                        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}", _TRIPLES) as response:
            data = response.read()
        for quad in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
            yield ox.Quad(quad.subject, quad.predicate, quad.object, graph)

    def statements(self, named_graphs: bool) -> Iterator[ox.Quad]:
        """Each graph by one CONSTRUCT read as N-Triples (plain SPARQL 1.1, any server)."""
        if not named_graphs:
            yield from self._construct("?s ?p ?o", ox.DefaultGraph())
            return
        graphs = sorted(str(row[0]) for row in self.query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
        for graph in graphs:
            yield from self._construct(f"GRAPH <{graph}> {{ ?s ?p ?o }}", ox.NamedNode(graph))
