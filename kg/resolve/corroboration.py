"""Quote corroboration, kept at build time: how many articles carry each quotation that more
than one article carries.

Counting the articles of every quotation at query time is a pass over all quote
occurrences, growing with the store (0.5 s CPU at 2.8M quads, 2.6 s wall at 3.6M); kept as
``<quote> nkg:articleCount n`` in one named graph of its own, `quotes-in-several-articles`
reads only the quotations it lists. The graph is derived: settling recounts the quotations
a batch touched (all of them after a removal or replacement), so any order of builds gives
the same counts.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.rdf.namespaces import NKG
from kg.resolve.scope import scoped_rows
from kg.store import GraphStore

_COUNTS = """SELECT ?q (COUNT(DISTINCT ?a) AS ?n) WHERE {
  #SCOPE ?q a schema:Quotation ; gaf:denotedBy ?m . ?m nif:referenceContext ?a }
GROUP BY ?q HAVING (COUNT(DISTINCT ?a) > 1)"""
_HELD = "SELECT ?q ?n WHERE { #SCOPE GRAPH #GRAPH { ?q nkg:articleCount ?n } }"


def corroboration_graph(base: str) -> URIRef:
    """The named graph holding the counts (not an article's: no article supports them)."""
    return URIRef(f"{base}graph/corroboration")


def settle_corroboration(dataset: GraphStore, base: str, quotes: set[Node] | None = None) -> int:
    """Recount the articles of ``quotes`` (None: of every quotation) and write the counts
    over one that differ; returns how many quads changed."""
    graph = corroboration_graph(base)
    counted = {(quote, NKG.articleCount, Literal(int(n)), graph)
               for quote, n in scoped_rows(dataset, _COUNTS, "q", quotes)}
    held = {(quote, NKG.articleCount, n, graph) for quote, n in
            scoped_rows(dataset, _HELD.replace("#GRAPH", graph.n3()), "q", quotes)}
    return write_over(dataset, held, counted)


def write_over(dataset: GraphStore, held: set, counted: set) -> int:
    """Replace the derived quads ``held`` by ``counted``, writing only the difference;
    returns how many quads changed."""
    stale, fresh = held - counted, counted - held
    dataset.remove_quads(stale)
    dataset.add_quads(fresh)
    return len(stale) + len(fresh)


def people_to_recount(dataset: GraphStore, graph: URIRef, kept: URIRef,
                      people: Iterable[Node] | None) -> set[Node] | None:
    """``people`` as a set, or None (everyone) when the derived graph holds no ``kept``
    predicate yet: a store built before it was kept is counted whole, once."""
    if people is None or not holds(dataset, graph, kept):
        return None
    return set(people)


def holds(dataset: GraphStore, graph: URIRef, predicate: URIRef) -> bool:
    """Whether the derived ``graph`` keeps any ``predicate`` yet (a store built before it
    was kept has to be counted whole, once)."""
    return dataset.query(f"ASK {{ GRAPH {graph.n3()} {{ ?s {predicate.n3()} ?o }} }}").askAnswer
