"""How many quotations each person said and in how many articles, kept at build time.

`most-quoted-people` ranks every person by these; counted at query time, the article count
of the most quoted people reads nearly every quote occurrence of the store, which grows
with it. Kept as ``<person> nkg:quotationCount n ; nkg:quotedArticleCount m`` in the derived
graph that holds the corroboration counts, the ranking reads one count per person. Settling
recounts the people a batch touched (everyone after a removal or replacement), so any order
of builds gives the same counts.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Literal
from rdflib.term import Node

from kg.rdf.namespaces import NKG
from kg.resolve.corroboration import corroboration_graph, people_to_recount, write_over
from kg.resolve.scope import scoped_rows
from kg.store import GraphStore, named_quads

# An article's graph holds the nkg:said of every quotation it carries: its graphs are the
# person's articles.
_COUNTS = """SELECT ?p (COUNT(DISTINCT ?q) AS ?quotes) (COUNT(DISTINCT ?g) AS ?articles)
WHERE { #SCOPE ?p a schema:Person . GRAPH ?g { ?p nkg:said ?q } } GROUP BY ?p"""
PREDICATES = (NKG.quotationCount, NKG.quotedArticleCount)


def settle_speaker_counts(dataset: GraphStore, base: str,
                          people: Iterable[Node] | None = None) -> int:
    """Recount ``people`` (None: every person) and write the counts over those that differ;
    a node that is no longer a quoted person loses its counts. A store built before the
    counts were kept has none: then everyone is counted, once. Returns how many quads
    changed."""
    graph = corroboration_graph(base)
    people = people_to_recount(dataset, graph, NKG.quotationCount, people)
    counted = set()
    for person, quotes, articles in scoped_rows(dataset, _COUNTS, "p", people):
        counted.add((person, NKG.quotationCount, Literal(int(quotes)), graph))
        counted.add((person, NKG.quotedArticleCount, Literal(int(articles)), graph))
    subjects = [None] if people is None else people  # one index lookup per person
    held = {quad for subject in subjects for predicate in PREDICATES
            for quad in named_quads(dataset, (subject, predicate, None)) if quad[3] == graph}
    return write_over(dataset, held, counted)
