"""A remote SPARQL 1.1 store seen by the query workers as the engine they run jobs on.

``RemoteEngine`` answers ``query`` and ``contains_named_graph`` as a read-only
``pyoxigraph.Store`` does, so ``server.executor.execute`` runs a job the same way on either
(the checks, the row limit, the result writers). A query is read locally first (malformed
text gets pyoxigraph's own message), then composed into plain SPARQL 1.1 (the predeclared
prefixes and base as declarations, substitutions as VALUES), checked again as sent, and
POSTed to the store with ``kg.remote_store.post_query``; the answer is parsed lazily, so a
result is read no further than the row limit needs.
"""

from __future__ import annotations

import urllib.error
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from kg.remote_store import endpoints, post_query
from kg.sparql_text import bind_values, read_request, refuse_unsafe

# What pyoxigraph reads quickest; any SPARQL results or RDF format the server sends instead
# is read by its media type.
_ACCEPT = "application/sparql-results+json, application/n-triples"


def _send(url: str, text: str, accept: str, default_graphs: Iterable[str] = (),
          named_graphs: Iterable[str] = ()):
    """``post_query``, with the store's refusal as the engine's (its message kept) and a
    request past the time left as TimeoutError."""
    try:
        return post_query(url, text, accept, default_graphs, named_graphs)
    except urllib.error.HTTPError as error:
        message = error.read().decode("utf-8", "replace").strip()
        raise RemoteQueryError(f"the remote store answered {error.code}: {message}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise error.reason from None
        raise


class RemoteQueryError(RuntimeError):
    """The remote store refused or failed a query the local parser accepted."""


def _triples(response, fmt: ox.RdfFormat) -> Iterator[ox.Triple]:
    for quad in ox.parse(response, format=fmt):
        yield quad.triple


def compose(text: str, prefixes: dict[str, str], base_iri: str | None = None,
            substitutions: dict[ox.Variable, object] | None = None) -> str:
    """``text`` as a server that knows none of the options reads it: prefixes and base as
    declarations (the text's own ones, after them, still win), substitutions bound with
    VALUES."""
    bound = bind_values(text, {v.value: str(t) for v, t in (substitutions or {}).items()})
    head = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items())
    if base_iri:
        head = f"BASE <{ox.NamedNode(base_iri).value}>\n" + head
    return head + bound


class RemoteEngine:
    """The query side of the store at ``spec`` (an http(s) URL, see ``kg.remote_store``)."""

    def __init__(self, spec: str) -> None:
        self.url = endpoints(spec).query
        self._parser = ox.Store()  # empty: reading a query there costs only its parse

    def query(self, text: str, prefixes: dict[str, str] | None = None,
              base_iri: str | None = None, default_graph: list | None = None,
              named_graphs: list | None = None,
              substitutions: dict | None = None) -> ox.QuerySolutions | ox.QueryBoolean | Iterator:
        """The answer of the remote store, as pyoxigraph results (SyntaxError as local)."""
        self._parser.query(text, prefixes=prefixes, base_iri=base_iri,
                           substitutions=substitutions)
        final = compose(text, prefixes or {}, base_iri, substitutions)
        refuse_unsafe(read_request(final))
        response = _send(self.url, final, _ACCEPT, [g.value for g in default_graph or ()],
                         [g.value for g in named_graphs or ()])
        media = response.headers.get_content_type()
        graph = ox.RdfFormat.from_media_type(media)
        if graph is not None:
            return _triples(response, graph)
        results = ox.QueryResultsFormat.from_media_type(media)
        if results is None:
            raise RemoteQueryError(f"the remote store answered in {media}, which is no "
                                   "SPARQL results or RDF format")
        return ox.parse_query_results(response, results)

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        with _send(self.url, f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}",
                   "application/sparql-results+json") as response:
            return bool(ox.parse_query_results(response.read(), ox.QueryResultsFormat.JSON))
