"""Each person's surname keys, kept at build time, so a batch finds the people it may merge
with by index.

Person merges compare names only within a surname key (``kg.resolve.names.surname_key``).
Finding the people of the keys a batch names read every person label of the store: 29,684
at 10,100 articles, 1 s of each 100-article batch. Kept in the derived graph that holds the
corroboration counts as ``<person> nkg:surnameKey "trump"`` (one per key of its labels), they
are looked up; the people of the batch's own graphs, not keyed yet, are added. Settling
rewrites the keys of the people it touched; a store that holds none yet is keyed whole,
once.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from kg.rdf.namespaces import NKG
from kg.resolve.corroboration import corroboration_graph, holds, write_over
from kg.resolve.names import surname_key
from kg.resolve.scope import in_graphs, scoped_rows

_KEYED = "SELECT DISTINCT ?e WHERE { #SCOPE GRAPH #GRAPH { ?e nkg:surnameKey ?k } }"
_HELD = "SELECT ?e ?k WHERE { #SCOPE GRAPH #GRAPH { ?e nkg:surnameKey ?k } }"
_LABELS = "SELECT ?e ?name WHERE { #SCOPE ?e a schema:Person ; rdfs:label ?name }"


def keyed_people(dataset, base: str, keys: set[str],
                 graphs: Iterable[URIRef]) -> set[Node] | None:
    """The people who may hold one of ``keys``: those keyed so, and those of the new
    article ``graphs``; None when the store keeps no keys yet (read every label then)."""
    graph = corroboration_graph(base)
    if not holds(dataset, graph, NKG.surnameKey):
        return None
    query = _KEYED.replace("#GRAPH", graph.n3())
    found = {row[0] for row in scoped_rows(
        dataset, query, "k", [Literal(key, datatype=XSD.string) for key in keys])}
    return found | in_graphs(dataset, graphs, "?s a schema:Person")


def settle_surname_keys(dataset, base: str, people: set[Node] | None,
                        graphs: Iterable[URIRef] | None) -> int:
    """Write the keys of ``people`` (None, or no new ``graphs``: everyone) from their labels
    over those held; returns how many quads changed."""
    graph = corroboration_graph(base)
    if people is None or graphs is None or not holds(dataset, graph, NKG.surnameKey):
        people = None
    held = {(person, NKG.surnameKey, key, graph) for person, key in scoped_rows(
        dataset, _HELD.replace("#GRAPH", graph.n3()), "e", people)}
    counted = {(person, NKG.surnameKey, Literal(key, datatype=XSD.string), graph)
               for person, name in scoped_rows(dataset, _LABELS, "e", people)
               if str(person).startswith(f"{base}person/")
               and (key := surname_key(str(name)))}
    return write_over(dataset, held, counted)
