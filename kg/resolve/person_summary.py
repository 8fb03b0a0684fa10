"""What a person's page shows that grows with the archive, kept at build time.

Counted at view time, the page of the most quoted person read every one of his ~10,000
quote occurrences four times (totals, chart, the date-sorted page, who is quoted with him):
3 s at 10,100 articles. Kept beside the speaker counts, in the derived graph
``{base}graph/corroboration``::

    <person> nkg:occurrenceCount n ;                    # quote occurrences
             nkg:quotedOnDay <person#day-2016-05-26> ;    # one tally per publication date
             nkg:quotedAlongside <person#with-3f2a...> .  # the most co-quoted speakers
    <person#day-2016-05-26> dcterms:date "2016-05-26"^^xsd:date ; nkg:occurrenceCount 12 .
    <person#with-3f2a...> nkg:coSpeaker <other> ; nkg:sharedArticleCount 40 .

the page reads a few hundred small quads. Co-speakers are kept down to the
ALONGSIDE_KEPT-th highest count, ties included, so the page can still break ties by the
labels it reads; and only for people quoted in ALONGSIDE_FROM articles or more (the page
counts the others live). Settling recounts the people a batch touched (everyone after a removal or
replacement), as ``kg.resolve.speaker_counts`` does, so any order of builds gives the same
summary. Occurrences and day tallies add up: a person the batch quotes but no merge moved
keeps what was held plus what the new articles count (``added_quads``), so the most quoted
person's 10,000 occurrences are not read again for each batch. Co-speakers, kept only down
to a rank, are recounted.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.rdf.namespaces import DCTERMS, NKG
from kg.resolve.corroboration import corroboration_graph, people_to_recount, write_over
from kg.resolve.scope import scoped_rows
from kg.store import GraphStore, named_quads

ALONGSIDE_KEPT = 10  # the page lists the 10 speakers quoted in most of the same articles
# Co-speakers are kept for people quoted in this many articles or more (185 of 14,676 quoted
# people at 10,100 AllSides articles): below it the page counts them live in a few
# milliseconds, and keeping them for everyone took 167,000 tallies (1M quads with the union).
ALONGSIDE_FROM = 20

_OCCURRENCES = """SELECT ?p (COUNT(DISTINCT ?m) AS ?n) WHERE {
  #SCOPE ?p a schema:Person ; nkg:said ?q . ?q gaf:denotedBy ?m . ?m nif:referenceContext ?a
} GROUP BY ?p"""
_DAYS = """SELECT ?p ?d (COUNT(DISTINCT ?m) AS ?n) WHERE {
  #SCOPE ?p a schema:Person ; nkg:said ?q . ?q gaf:denotedBy ?m . ?m nif:referenceContext ?a .
  ?a schema:datePublished ?d } GROUP BY ?p ?d"""
# What new articles (``?a``) add to the occurrences of their speakers, per date (unbound:
# the article has none; counted in the total, not in a tally).
_ADDED = """SELECT ?p ?d (COUNT(DISTINCT ?m) AS ?n) WHERE {
  #SCOPE ?m nif:referenceContext ?a . ?q gaf:denotedBy ?m . ?p nkg:said ?q ; a schema:Person .
  OPTIONAL { ?a schema:datePublished ?d } } GROUP BY ?p ?d"""
# In how many articles each person is quoted: kept by kg.resolve.speaker_counts, which the
# settle runs first (counted again here, it read every article of the most quoted people).
_ARTICLES = "SELECT ?p ?n WHERE { #SCOPE GRAPH #GRAPH { ?p nkg:quotedArticleCount ?n } }"
_ALONGSIDE = """SELECT ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {
  { SELECT DISTINCT ?p ?g WHERE { #SCOPE ?p a schema:Person . GRAPH ?g { ?p nkg:said ?s } } }
  GRAPH ?g { ?o nkg:said ?q } FILTER(?o != ?p) } GROUP BY ?p ?o"""
_HELD = """SELECT ?s ?k ?v WHERE { #SCOPE GRAPH #GRAPH {
  { ?p nkg:occurrenceCount ?v BIND(?p AS ?s) BIND(nkg:occurrenceCount AS ?k) }
  UNION { ?p ?k ?v VALUES ?k { nkg:quotedOnDay nkg:quotedAlongside } BIND(?p AS ?s) }
  UNION { ?p nkg:quotedOnDay|nkg:quotedAlongside ?s . ?s ?k ?v } } }"""
_CO_SPEAKERS = """SELECT DISTINCT ?s WHERE {
  #SCOPE GRAPH ?g { ?p nkg:said ?said . ?s nkg:said ?q } }"""


def _tally(person: Node, key: str) -> URIRef:
    return URIRef(f"{person}#{key}")


def summary_quads(dataset: GraphStore, graph: URIRef, people: set[Node] | None,
                  alongside: int = ALONGSIDE_KEPT) -> set[tuple]:
    """The summary quads of ``people`` (None: every quoted person) as counted now, with the
    co-speakers down to the ``alongside``-th highest count of those quoted in
    ALONGSIDE_FROM articles or more."""
    quads = set()
    for person, n in scoped_rows(dataset, _OCCURRENCES, "p", people):
        quads.add((person, NKG.occurrenceCount, Literal(int(n)), graph))
    quads |= _day_quads(graph, ((person, day, int(n)) for person, day, n in
                                scoped_rows(dataset, _DAYS, "p", people)))
    return quads | _alongside_quads(dataset, graph, people, alongside)


def added_quads(dataset: GraphStore, graph: URIRef, people: set[Node], held: set[tuple],
                articles: set[Node], alongside: int = ALONGSIDE_KEPT) -> set[tuple]:
    """What ``summary_quads`` gives for ``people`` whose held occurrences (in ``held``) no
    merge changed, from those and what the new ``articles`` add; co-speakers recounted."""
    total: dict[Node, int] = defaultdict(int)
    days: dict[tuple[Node, Literal], int] = defaultdict(int)
    owner = {tally: person for person, key, tally, _ in held
             if key == NKG.quotedOnDay and person in people}
    dates = {tally: day for tally, key, day, _ in held if key == DCTERMS.date}
    for s, key, value, _ in held:
        if key == NKG.occurrenceCount and s in owner:
            days[(owner[s], dates[s])] += int(value)
        elif key == NKG.occurrenceCount and s in people:
            total[s] += int(value)
    for person, day, n in scoped_rows(dataset, _ADDED, "a", articles):
        if person in people:
            total[person] += int(n)
            if day is not None:
                days[(person, day)] += int(n)
    quads = {(person, NKG.occurrenceCount, Literal(n), graph) for person, n in total.items()}
    quads |= _day_quads(graph, ((person, day, n) for (person, day), n in days.items()))
    return quads | _alongside_quads(dataset, graph, people, alongside)


def _day_quads(graph: URIRef, counts: Iterable[tuple[Node, Literal, int]]) -> set[tuple]:
    quads = set()
    for person, day, n in counts:
        tally = _tally(person, f"day-{day}")
        quads |= {(person, NKG.quotedOnDay, tally, graph),
                  (tally, DCTERMS.date, day, graph),
                  (tally, NKG.occurrenceCount, Literal(n), graph)}
    return quads


def _alongside_quads(dataset: GraphStore, graph: URIRef, people: set[Node] | None,
                     alongside: int) -> set[tuple]:
    """The co-speakers of ``people`` quoted in ALONGSIDE_FROM articles or more, down to
    the ``alongside``-th highest count, ties included."""
    quads = set()
    shared: dict[Node, dict[Node, int]] = defaultdict(dict)
    kept = _ARTICLES.replace("#GRAPH", graph.n3())
    frequent = {person for person, n in scoped_rows(dataset, kept, "p", people)
                if int(n) >= ALONGSIDE_FROM}
    for person, other, n in scoped_rows(dataset, _ALONGSIDE, "p", frequent) if frequent else ():
        shared[person][other] = int(n)
    for person, counts in shared.items():
        ranked = sorted(counts.values(), reverse=True)
        least = ranked[min(alongside, len(ranked)) - 1]
        for other, n in counts.items():
            if n >= least:
                tally = _tally(person, "with-" + hashlib.sha256(
                    str(other).encode()).hexdigest()[:16])
                quads |= {(person, NKG.quotedAlongside, tally, graph),
                          (tally, NKG.coSpeaker, other, graph),
                          (tally, NKG.sharedArticleCount, Literal(n), graph)}
    return quads


def settle_person_summaries(dataset: GraphStore, base: str,
                            people: Iterable[Node] | None = None,
                            alongside: int = ALONGSIDE_KEPT, articles: set[Node] | None = None,
                            recount: Iterable[Node] = ()) -> int:
    """Recount the summaries of ``people`` (None: every person) and write over those that
    differ; a node that is no longer a quoted person loses its summary. A store built
    before the summaries were kept has none: then everyone is counted, once. ``articles``:
    the articles a batch added to a settled store, whose occurrences are added to what the
    store holds for each person but those to ``recount`` whole (merged away, or given a
    summary by a merge: ``carried_summaries``). Returns how many quads changed."""
    graph = corroboration_graph(base)
    people = people_to_recount(dataset, graph, NKG.occurrenceCount, people)
    if people is not None and not people:
        return 0
    held = {(s, k, v, graph) for s, k, v in scoped_rows(
        dataset, _HELD.replace("#GRAPH", graph.n3()), "p", people)}
    if people is None or articles is None:
        return write_over(dataset, held, summary_quads(dataset, graph, people, alongside))
    recounted = people & set(recount)
    counted = summary_quads(dataset, graph, recounted, alongside) if recounted else set()
    counted |= added_quads(dataset, graph, people - recounted, held, articles, alongside)
    return write_over(dataset, held, counted)


def carried_summaries(dataset: GraphStore, base: str,
                      renames: dict[URIRef, URIRef]) -> set[Node]:
    """The targets of ``renames`` (asked before they are made) that a renamed node brings a
    summary to: its occurrences in earlier articles move with it, so they are recounted.
    A node new in the batch brings none: what it said is in the batch's articles."""
    graph = corroboration_graph(base)
    return {new for old, new in renames.items() if any(
        quad[3] == graph for quad in named_quads(dataset, (old, NKG.occurrenceCount, None)))}


def co_speakers(dataset: GraphStore, people: Iterable[Node]) -> set[Node]:
    """Everyone quoted in an article where one of ``people`` is: what a rename of those
    people changes the co-speaker counts of. Read before the rename (after it, the old
    nodes name nothing)."""
    return {row[0] for row in scoped_rows(dataset, _CO_SPEAKERS, "p", people)}
