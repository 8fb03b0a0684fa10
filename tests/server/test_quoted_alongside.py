"""'Quoted in the same articles' on a person page: read through the article graphs, it lists
what joining every quote occurrence listed."""

from __future__ import annotations

import pyoxigraph as ox

from kg.local_store import LocalStore
from kg.rdf.namespaces import PREFIX_IRIS
from server import page_queries as q

# The query as it was: the articles of every occurrence of both speakers.
BY_OCCURRENCE = """
SELECT ?x ?other ?label (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?x nkg:said/gaf:denotedBy/nif:referenceContext ?article .
  ?other nkg:said/gaf:denotedBy/nif:referenceContext ?article .
  FILTER(?other != ?x)
  OPTIONAL { ?other rdfs:label ?label }
} GROUP BY ?x ?other ?label ORDER BY DESC(?articles) ?label LIMIT 10"""
SPEAKERS = "SELECT DISTINCT ?x WHERE { ?x nkg:said ?q }"


def test_quoted_alongside_equals_the_occurrence_join_for_every_speaker(sample_graph: LocalStore):
    store = sample_graph.engine
    speakers = [row["x"] for row in store.query(SPEAKERS, prefixes=PREFIX_IRIS)]

    def rows(text: str, speaker: ox.NamedNode) -> list[tuple[str, ...]]:
        return [tuple(str(v) for v in row) for row in store.query(
            text, prefixes=PREFIX_IRIS, substitutions={ox.Variable("x"): speaker})]

    found = {speaker: rows(q.QUOTED_ALONGSIDE, speaker) for speaker in speakers}
    assert sum(1 for listed in found.values() if listed) > 3
    assert all(found[speaker] == rows(BY_OCCURRENCE, speaker) for speaker in speakers)
