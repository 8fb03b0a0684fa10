"""How often each person is named by each mention text, kept at build time.

A person's canonical label is the most frequent full name among their mention texts
(``kg.resolve.store.canonical_label``). Counted at settle time, it read every mention of the
people a batch names: the most quoted person's 44,568 at 10,100 articles, 2.4 s of each
100-article batch. Kept in the derived graph that holds the corroboration counts::

    <person> nkg:mentionedAs <person#as-3f2a...> .
    <person#as-3f2a...> nif:anchorOf "Donald Trump" ; nkg:mentionCount 8021 .

a batch adds what its own articles count to what is held. A merge brings the merged node's
tallies to its target; they are summed per text and written back as the target's own, so
any order of builds gives the same tallies. A store that holds none yet is counted whole,
once.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from kg.rdf.namespaces import NIF, NKG
from kg.resolve.corroboration import corroboration_graph, holds, write_over
from kg.resolve.scope import scoped_rows

# A person's mention texts, with how many mentions give each; described entities ("the
# retired neurosurgeon") have no name to choose.
_ANCHORS = """SELECT ?e ?anchor (COUNT(DISTINCT ?m) AS ?n) WHERE {
  #SCOPE ?e a schema:Person ; gaf:denotedBy ?m . ?m nif:anchorOf ?anchor
  FILTER NOT EXISTS { ?e a nkg:DescribedEntity } } GROUP BY ?e ?anchor"""
# The same within new article graphs ``?g`` (mentions belong to one article: chunks add up).
_ANCHORS_IN = """SELECT ?e ?anchor (COUNT(DISTINCT ?m) AS ?n) WHERE {
  #SCOPE GRAPH ?g { ?e gaf:denotedBy ?m . ?m nif:anchorOf ?anchor } } GROUP BY ?e ?anchor"""
_HELD = """SELECT ?e ?t ?anchor ?n WHERE { #SCOPE GRAPH #GRAPH {
  ?e nkg:mentionedAs ?t . ?t nif:anchorOf ?anchor ; nkg:mentionCount ?n } }"""
_NAMED = """SELECT ?e WHERE { #SCOPE ?e a schema:Person
  FILTER NOT EXISTS { ?e a nkg:DescribedEntity } }"""

Anchors = dict[Node, dict[str, int]]


def _held(dataset, graph: URIRef, people: set[Node] | None) -> tuple[set[tuple], Anchors]:
    """The tally quads held for ``people`` (None: everyone) and their counts summed per
    text."""
    quads: set[tuple] = set()
    counts: Anchors = defaultdict(lambda: defaultdict(int))
    query = _HELD.replace("#GRAPH", graph.n3())
    for person, tally, anchor, n in scoped_rows(dataset, query, "e", people):
        quads |= {(person, NKG.mentionedAs, tally, graph), (tally, NIF.anchorOf, anchor, graph),
                  (tally, NKG.mentionCount, n, graph)}
        counts[person][str(anchor)] += int(n)
    return quads, counts


def _whole(dataset, graph: URIRef, people: set[Node] | None,
           graphs: Iterable[URIRef] | None) -> bool:
    """Counted from every mention: all people, no new graphs, or no tallies kept yet."""
    return people is None or graphs is None or not holds(dataset, graph, NKG.mentionedAs)


def _counted(dataset, people: set[Node] | None) -> Anchors:
    counts: Anchors = defaultdict(dict)
    for person, anchor, n in scoped_rows(dataset, _ANCHORS, "e", people):
        counts[person][str(anchor)] = int(n)
    return counts


def _added(dataset, held: Anchors, people: set[Node], graphs: Iterable[URIRef]) -> Anchors:
    """The ``held`` counts of ``people`` (those not described) with what the new article
    ``graphs`` add."""
    named = {row[0] for row in scoped_rows(dataset, _NAMED, "e", people)}
    counts: Anchors = defaultdict(lambda: defaultdict(int))
    for person in named & set(held):
        counts[person].update(held[person])
    for person, anchor, n in scoped_rows(dataset, _ANCHORS_IN, "g", graphs):
        if person in named:
            counts[person][str(anchor)] += int(n)
    return {person: dict(texts) for person, texts in counts.items()}


def person_anchors(dataset, base: str, people: set[Node] | None,
                   graphs: Iterable[URIRef] | None) -> Anchors:
    """Mention text -> mentions, per person of ``people`` (None: all) not described: what
    the store holds plus what the new article ``graphs`` add (None: counted whole)."""
    graph = corroboration_graph(base)
    if _whole(dataset, graph, people, graphs):
        return _counted(dataset, people)
    return _added(dataset, _held(dataset, graph, people)[1], people, graphs)


def _tally_quads(graph: URIRef, counts: Anchors) -> set[tuple]:
    quads = set()
    for person, texts in counts.items():
        for anchor, n in texts.items():
            tally = URIRef(f"{person}#as-{hashlib.sha256(anchor.encode()).hexdigest()[:16]}")
            quads |= {(person, NKG.mentionedAs, tally, graph),
                      (tally, NIF.anchorOf, Literal(anchor, datatype=XSD.string), graph),
                      (tally, NKG.mentionCount, Literal(n), graph)}
    return quads


def settle_anchor_tallies(dataset, base: str, people: set[Node] | None,
                          graphs: Iterable[URIRef] | None) -> int:
    """Write the tallies of ``people`` (None: everyone) after the article ``graphs`` were
    added to a settled store (None: counted whole, as after a removal or replacement), over
    those held; returns how many quads changed."""
    graph = corroboration_graph(base)
    if _whole(dataset, graph, people, graphs):
        held, _ = _held(dataset, graph, None)
        counts = _counted(dataset, None)
    else:
        held, kept = _held(dataset, graph, people)
        counts = _added(dataset, kept, people, graphs)
    return write_over(dataset, held, _tally_quads(graph, counts))
