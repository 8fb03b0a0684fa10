"""Reactions by people who are officials somewhere in the graph, and by no one else.

Extraction is per article: a person an article names without a title ("Clinton slammed the
proposal") may still react there, and this pass keeps such a reaction only when some article
of the graph types the person ``nkg:Official`` or gives them a candidacy as job title ("the
Democratic nominee"). Otherwise it removes, from the article's graph, the reaction node, its
evidence span (unless something else points at it) and the ``nkg:reactedTo`` edge: every
reaction of that person goes, so no edge loses a surviving reaction.
"""

from __future__ import annotations

from rdflib import Dataset, URIRef

from kg.extract.roles import is_candidacy
from kg.rdf.namespaces import GAF, NKG
from kg.store import named_quads, remove_quads, settle_union

_PERSON_REACTIONS = """SELECT DISTINCT ?r ?agent ?target WHERE {
  ?r schema:agent ?agent ; schema:object ?target . ?agent a schema:Person ; nkg:reactedTo ?target
  FILTER NOT EXISTS { ?agent a nkg:Official } }"""
_TITLES = "SELECT DISTINCT ?p ?title WHERE { ?p a schema:Person ; schema:jobTitle ?title }"


def _candidates(dataset: Dataset) -> set[URIRef]:
    return {p for p, title in dataset.query(_TITLES) if is_candidacy(str(title))}


def drop_unofficial_reactions(dataset: Dataset) -> int:
    """Remove reactions whose person agent is no official anywhere; returns how many."""
    candidates = _candidates(dataset)
    doomed = [(r, a, t) for r, a, t in dataset.query(_PERSON_REACTIONS) if a not in candidates]
    quads = set()
    for reaction, agent, target in doomed:
        node = named_quads(dataset, (reaction, None, None))
        quads |= node | named_quads(dataset, (agent, NKG.reactedTo, target))
        for *_, span, graph in (q for q in node if q[1] == GAF.denotedBy):
            if {q[0] for q in named_quads(dataset, (None, None, span)) if q[3] == graph} \
                    == {reaction}:
                quads |= {q for q in named_quads(dataset, (span, None, None)) if q[3] == graph}
    if quads:
        remove_quads(dataset, quads)
        settle_union(dataset)
    return len(doomed)
