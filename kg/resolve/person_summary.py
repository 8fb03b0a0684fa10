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
person's 10,000 occurrences are not read again for each batch, nor his day tallies other
than the new articles' days. Co-speakers add up too (``_alongside_added``): one held below the
cut had fewer articles than the least one kept, so only a co-speaker whom the new articles
could lift to the new cut is counted, pair by pair.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.rdf.namespaces import DCTERMS, NKG
from kg.resolve.corroboration import corroboration_graph, people_to_recount, write_over
from kg.resolve.scope import SCOPE_CHUNK, scoped_rows
from kg.store import GraphStore, named_quads, select

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
# Co-speakers within the new article graphs ``?g`` (summed over the chunks of graphs).
_ALONGSIDE_IN = """SELECT ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {
  #SCOPE GRAPH ?g { ?p nkg:said ?s . ?o nkg:said ?q } FILTER(?o != ?p) } GROUP BY ?p ?o"""
_SHARED = """SELECT ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {
  #PAIRS GRAPH ?g { ?o nkg:said ?q . ?p nkg:said ?s } } GROUP BY ?p ?o"""
_HELD = """SELECT ?s ?k ?v WHERE { #SCOPE GRAPH #GRAPH {
  { ?p nkg:occurrenceCount ?v BIND(?p AS ?s) BIND(nkg:occurrenceCount AS ?k) }
  UNION { ?p ?k ?v VALUES ?k { #TALLIES } BIND(?p AS ?s) }
  UNION { ?p #PATHS ?s . ?s ?k ?v } } }"""
# The day tallies ``?t`` a batch adds to, with their links: a person quoted on 1,500 days
# has 4,500 quads of them, and a batch of 100 articles touches a few.
_HELD_DAYS = """SELECT ?s ?k ?v WHERE { #SCOPE GRAPH #GRAPH {
  { ?p nkg:quotedOnDay ?t BIND(?p AS ?s) BIND(nkg:quotedOnDay AS ?k) BIND(?t AS ?v) }
  UNION { ?t ?k ?v BIND(?t AS ?s) } } }"""
_CO_SPEAKERS = """SELECT DISTINCT ?s ?p WHERE {
  #SCOPE GRAPH ?g { ?p nkg:said ?said . ?s nkg:said ?q } #NEW }"""
_HOLDERS = """SELECT DISTINCT ?p WHERE {
  #SCOPE GRAPH #GRAPH { ?p nkg:quotedAlongside ?t . ?t nkg:coSpeaker ?o } }"""


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


def added_quads(graph: URIRef, people: set[Node], held: set[tuple],
                added: list[tuple[Node, Literal | None, int]]) -> set[tuple]:
    """The occurrence totals and day tallies of ``people`` whose held ones (in ``held``:
    the totals, and the tallies of the days new articles add to) no merge changed, from
    those and the ``added`` occurrences (person, day, count) of the new articles. Days the
    new articles do not touch are neither read nor written."""
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
    for person, day, n in added:
        total[person] += n
        if day is not None:
            days[(person, day)] += n
    quads = {(person, NKG.occurrenceCount, Literal(n), graph) for person, n in total.items()}
    return quads | _day_quads(graph, ((person, day, n) for (person, day), n in days.items()))


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
    shared: dict[Node, dict[Node, int]] = defaultdict(dict)
    frequent = _frequent(dataset, graph, people)
    for person, other, n in scoped_rows(dataset, _ALONGSIDE, "p", frequent) if frequent else ():
        shared[person][other] = int(n)
    return {quad for person, counts in shared.items()
            for quad in _co_speaker_quads(graph, person, counts, alongside)}


def _frequent(dataset: GraphStore, graph: URIRef, people: set[Node] | None) -> set[Node]:
    kept = _ARTICLES.replace("#GRAPH", graph.n3())
    return {person for person, n in scoped_rows(dataset, kept, "p", people)
            if int(n) >= ALONGSIDE_FROM}


def _co_speaker_quads(graph: URIRef, person: Node, counts: dict[Node, int],
                      alongside: int) -> set[tuple]:
    """The tallies of ``person``'s co-speakers down to the ``alongside``-th highest count."""
    ranked = sorted(counts.values(), reverse=True)
    least = ranked[min(alongside, len(ranked)) - 1] if ranked else 0
    quads = set()
    for other, n in counts.items():
        if n >= least:
            tally = _tally(person, "with-" + hashlib.sha256(str(other).encode()).hexdigest()[:16])
            quads |= {(person, NKG.quotedAlongside, tally, graph),
                      (tally, NKG.coSpeaker, other, graph),
                      (tally, NKG.sharedArticleCount, Literal(n), graph)}
    return quads


def _alongside_added(dataset: GraphStore, graph: URIRef, people: set[Node], held: set[tuple],
                     graphs: list[URIRef], beside: set[tuple[Node, Node]], holding: set[Node],
                     alongside: int) -> set[tuple]:
    """``_alongside_quads`` for ``people`` after the article ``graphs`` were added, from the
    co-speakers held (in ``held``) and those the new graphs count. A co-speaker below the
    held cut had at most one article fewer than its least count: only one the new articles
    lift to the new cut is counted whole, pair by pair. So is each (person, node) pair of
    ``beside``: the person was quoted in an earlier article beside a node renamed to that
    one. Counted whole: people with no co-speakers held (newly frequent) and those
    ``holding`` a renamed node among them."""
    before: dict[Node, dict[Node, int]] = defaultdict(dict)
    owner = {tally: p for p, key, tally, _ in held if key == NKG.quotedAlongside}
    other = {s: o for s, key, o, _ in held if key == NKG.coSpeaker}
    for s, key, n, _ in held:
        if key == NKG.sharedArticleCount and s in owner:
            before[owner[s]][other[s]] = int(n)
    frequent = _frequent(dataset, graph, people)
    whole = {p for p in frequent if p in holding or not before.get(p)}
    quads = _alongside_quads(dataset, graph, whole, alongside) if whole else set()
    added: dict[Node, dict[Node, int]] = defaultdict(lambda: defaultdict(int))
    for p, o, n in scoped_rows(dataset, _ALONGSIDE_IN, "g", graphs):
        if p in frequent and p not in whole:
            added[p][o] += int(n)
    unsure = [(p, o) for p, o in beside if p in frequent and p not in whole]
    counts: dict[Node, dict[Node, int]] = {}
    for p in frequent - whole:
        counts[p] = {o: n + added[p].get(o, 0) for o, n in before[p].items()}
        fresh = {o: n for o, n in added[p].items() if o not in before[p]}
        if len(before[p]) < alongside:  # every co-speaker was held: the others had none
            counts[p].update(fresh)
            continue
        cut = sorted(counts[p].values(), reverse=True)[alongside - 1]
        least = min(before[p].values())
        unsure += [(p, o) for o, n in fresh.items() if least - 1 + n >= cut]
    for part in range(0, len(unsure), SCOPE_CHUNK):
        pairs = "VALUES (?p ?o) { " + " ".join(
            f"({p.n3()} {o.n3()})" for p, o in unsure[part:part + SCOPE_CHUNK]) + " }"
        for p, o, n in select(dataset, _SHARED.replace("#PAIRS", pairs)):
            counts[p][o] = int(n)
    for p, shared in counts.items():
        quads |= _co_speaker_quads(graph, p, shared, alongside)
    return quads


def settle_person_summaries(dataset: GraphStore, base: str,
                            people: Iterable[Node] | None = None,
                            alongside: int | None = None, articles: set[Node] | None = None,
                            graphs: list[URIRef] | None = None, recount: Iterable[Node] = (),
                            beside: Iterable[tuple[Node, Node]] = (),
                            holding: Iterable[Node] = ()) -> int:
    """Recount the summaries of ``people`` (None: every person) and write over those that
    differ; a node that is no longer a quoted person loses its summary. A store built
    before the summaries were kept has none: then everyone is counted, once. ``articles``:
    the articles a batch added to a settled store, whose occurrences are added to what the
    store holds for each person but those to ``recount`` whole (merged away, or given a
    summary by a merge: ``carried_summaries``). ``graphs``: the named graphs of those
    articles, whose co-speakers are added to those held; ``beside`` and ``holding`` say
    what renames changed of them (``co_speakers``, ``co_speaker_holders``). Returns how
    many quads changed."""
    graph = corroboration_graph(base)
    alongside = ALONGSIDE_KEPT if alongside is None else alongside
    people = people_to_recount(dataset, graph, NKG.occurrenceCount, people)
    if people is not None and not people:
        return 0
    if people is None or articles is None or graphs is None:
        held = _held(dataset, graph, people)
        return write_over(dataset, held, summary_quads(dataset, graph, people, alongside))
    recounted = people & set(recount)
    held = _held(dataset, graph, recounted) if recounted else set()
    counted = summary_quads(dataset, graph, recounted, alongside) if recounted else set()
    added = [(person, day, int(n)) for person, day, n in
             scoped_rows(dataset, _ADDED, "a", articles) if person in people - recounted]
    days = {_tally(person, f"day-{day}") for person, day, _ in added if day is not None}
    kept = _held(dataset, graph, people - recounted, days=False)
    kept |= {(s, k, v, graph) for s, k, v in scoped_rows(
        dataset, _HELD_DAYS.replace("#GRAPH", graph.n3()), "t", days)}
    counted |= added_quads(graph, people - recounted, kept, added)
    counted |= _alongside_added(dataset, graph, people - recounted, kept, graphs,
                                set(beside), set(holding), alongside)
    return write_over(dataset, held | kept, counted)


def _held(dataset: GraphStore, graph: URIRef, people: set[Node] | None,
          days: bool = True) -> set[tuple]:
    """The summary quads held for ``people`` (None: everyone); without their day tallies
    unless ``days``."""
    links = "nkg:quotedOnDay nkg:quotedAlongside" if days else "nkg:quotedAlongside"
    query = _HELD.replace("#GRAPH", graph.n3()).replace("#TALLIES", links).replace(
        "#PATHS", "nkg:quotedOnDay|nkg:quotedAlongside" if days else "nkg:quotedAlongside")
    return {(s, k, v, graph) for s, k, v in scoped_rows(dataset, query, "p", people)}


def carried_summaries(dataset: GraphStore, base: str,
                      renames: dict[URIRef, URIRef]) -> set[Node]:
    """The targets of ``renames`` (asked before they are made) that a renamed node brings a
    summary to: its occurrences in earlier articles move with it, so they are recounted.
    A node new in the batch brings none: what it said is in the batch's articles."""
    graph = corroboration_graph(base)
    return {new for old, new in renames.items() if any(
        quad[3] == graph for quad in named_quads(dataset, (old, NKG.occurrenceCount, None)))}


def co_speakers(dataset: GraphStore, renames: dict[URIRef, URIRef],
                new: Iterable[URIRef] = ()) -> set[tuple[Node, Node]]:
    """(speaker, node renamed to) for everyone quoted in an article, other than the ``new``
    graphs, where a node ``renames`` moves is: whose counts with the target a rename
    changes (what the new articles count is added after the rename). Read before the
    rename (after it, the old nodes name nothing)."""
    skip = ", ".join(graph.n3() for graph in new)
    query = _CO_SPEAKERS.replace("#NEW", f"FILTER (?g NOT IN ({skip}))" if skip else "")
    return {(speaker, renames[old]) for speaker, old in scoped_rows(dataset, query, "p", renames)
            if speaker != old}


def co_speaker_holders(dataset: GraphStore, base: str, renames: Iterable[Node]) -> set[Node]:
    """The people who keep one of the renamed nodes among their co-speakers (read before
    the rename): their ranking loses that node, so it is counted again whole."""
    query = _HOLDERS.replace("#GRAPH", corroboration_graph(base).n3())
    return {row[0] for row in scoped_rows(dataset, query, "o", renames)}
