"""Reactions by people who are officials somewhere in the graph, and by no one else.

Extraction is per article: a person an article names without a title ("Clinton slammed the
proposal") may still react there. This pass keeps such a reaction only while some article of
the graph types the person ``nkg:Official`` or gives them a candidacy as job title ("the
Democratic nominee"). Otherwise, inside the article's graph, the reaction loses its
``nkg:reactedTo`` edge and its stance type and becomes an ``nkg:UnconfirmedReaction`` (the
type kept as ``nkg:unconfirmedType``); it gets both back when a later article makes the person
an official, so a build in increments gives the same graph as one build. Every reaction of a
person goes or comes at once, so no edge loses a reaction that still supports it.
"""

from __future__ import annotations

from rdflib import Dataset, URIRef
from rdflib.term import Node

from kg.extract.offices import is_candidacy
from kg.rdf.namespaces import NKG, RDF, SCHEMA
from kg.resolve.scope import scoped_rows
from kg.store import GraphStore, named_quads

_STANCES = (SCHEMA.ReactAction, SCHEMA.AgreeAction, SCHEMA.DisagreeAction)
_PERSON_REACTIONS = """SELECT DISTINCT ?r ?agent ?target ?confirmed WHERE {
  #SCOPE ?r schema:agent ?agent ; schema:object ?target . ?agent a schema:Person .
  BIND (NOT EXISTS { ?r a nkg:UnconfirmedReaction } AS ?confirmed) }"""
_OFFICIALS = "SELECT DISTINCT ?p WHERE { #SCOPE ?p a schema:Person , nkg:Official }"
_TITLES = """SELECT DISTINCT ?p ?title WHERE {
  #SCOPE ?p a schema:Person ; schema:jobTitle ?title }"""


def _officials(dataset: Dataset, people: set[Node] | None) -> set[URIRef]:
    """People (of ``people``; None: all) some article makes an official: by type, or by a
    candidacy title."""
    found = {p for (p,) in scoped_rows(dataset, _OFFICIALS, "p", people)}
    return found | {p for p, title in scoped_rows(dataset, _TITLES, "p", people)
                    if is_candidacy(str(title))}


def _switch(dataset: Dataset, reaction: URIRef, agent: URIRef, target: URIRef,
            confirm: bool) -> tuple[set, list]:
    """The quads to remove and add to (un)confirm one reaction, graph by graph."""
    old: set = set()
    new: list = []
    for _, _, kind, graph in named_quads(dataset, (reaction, RDF.type, None)):
        if not confirm and kind in _STANCES:
            old.add((reaction, RDF.type, kind, graph))
            old |= {q for q in named_quads(dataset, (agent, NKG.reactedTo, target))
                    if q[3] == graph}
            new += [(reaction, RDF.type, NKG.UnconfirmedReaction, graph),
                    (reaction, NKG.unconfirmedType, kind, graph)]
        if confirm and kind == NKG.UnconfirmedReaction:
            kept = {q for q in named_quads(dataset, (reaction, NKG.unconfirmedType, None))
                    if q[3] == graph}
            old |= kept | {(reaction, RDF.type, kind, graph)}
            new += [(reaction, RDF.type, q[2], graph) for q in kept]
            new.append((agent, NKG.reactedTo, target, graph))
    return old, new


def confirm_reactions(dataset: GraphStore, people: set[Node] | None = None) -> int:
    """Unconfirm the reactions of people (of ``people``; None: all) who are officials
    nowhere and confirm those of people who now are; returns how many reactions changed."""
    officials = _officials(dataset, people)
    old: set = set()
    new: list = []
    changed = 0
    for reaction, agent, target, confirmed in scoped_rows(
            dataset, _PERSON_REACTIONS, "agent", people):
        official = agent in officials
        if official != bool(confirmed.toPython()):
            removed, added = _switch(dataset, reaction, agent, target, confirm=official)
            old |= removed
            new += added
            changed += 1
    if changed:
        dataset.remove_quads(old)
        dataset.add_quads(new)
    return changed
