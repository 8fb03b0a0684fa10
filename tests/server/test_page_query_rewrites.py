"""The person page's queries rewritten for large stores (issue 15) list what their old texts
listed, for every speaker, agent and reaction target of the sample graph."""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest

from kg.local_store import LocalStore
from kg.rdf.namespaces import PREFIX_IRIS
from server import page_queries as q

# The texts before the rewrite (commit 72d5e26).
OLD_SAID = """
SELECT ?x ?quote ?text ?direct ?span ?b ?e ?cue ?confidence
       ?article ?headline ?id ?date ?outlet ?outletLabel WHERE {{
  ?x nkg:said ?quote . ?quote schema:text ?text ; gaf:denotedBy ?span .
  ?span nif:referenceContext ?article ; nif:beginIndex ?b ; nif:endIndex ?e .
  OPTIONAL {{ ?span nkg:cue ?cue }}
  OPTIONAL {{ ?span nkg:confidence ?confidence }}
  FILTER(COALESCE(?confidence, 1) >= {min_confidence})
  BIND(EXISTS {{ ?quote a nkg:DirectQuote }} AS ?direct)
  OPTIONAL {{ ?article schema:headline ?headline }}
  OPTIONAL {{ ?article dcterms:identifier ?id }}
  OPTIONAL {{ ?article schema:datePublished ?date }}
  OPTIONAL {{ ?article schema:publisher ?outlet OPTIONAL {{ ?outlet rdfs:label ?outletLabel }} }}
}} ORDER BY DESC(?date) ?article ?b LIMIT {limit} OFFSET {offset}"""
# The page's order with ties (two quotes from one offset) broken, as SAID now breaks them.
TIES = ("?article ?b LIMIT", "?article ?b ?span LIMIT")
_KINDS = "  VALUES ?kind { schema:ReactAction schema:AgreeAction schema:DisagreeAction }\n"
OLD_REACTIONS_BY = """
SELECT DISTINCT ?x ?kind ?target ?targetLabel ?article ?headline ?id WHERE {
""" + _KINDS + """  ?reaction schema:agent ?x ; a ?kind .
  OPTIONAL { ?reaction schema:object ?target
             OPTIONAL { ?target rdfs:label|schema:headline|schema:text ?targetLabel } }
  OPTIONAL { ?reaction gaf:denotedBy/nif:referenceContext ?article
             OPTIONAL { ?article schema:headline ?headline }
             OPTIONAL { ?article dcterms:identifier ?id } }
} ORDER BY ?kind ?article LIMIT 200"""
OLD_REACTIONS_TO = """
SELECT DISTINCT ?x ?kind ?agent ?agentLabel ?article ?headline ?id WHERE {
""" + _KINDS + """  ?reaction schema:object ?x ; a ?kind ; schema:agent ?agent .
  OPTIONAL { ?agent rdfs:label ?agentLabel }
  OPTIONAL { ?reaction gaf:denotedBy/nif:referenceContext ?article
             OPTIONAL { ?article schema:headline ?headline }
             OPTIONAL { ?article dcterms:identifier ?id } }
} ORDER BY ?kind ?article LIMIT 200"""


def _nodes(store: ox.Store, pattern: str) -> list[ox.NamedNode]:
    text = f"SELECT DISTINCT ?x WHERE {{ {pattern} }}"
    return [row["x"] for row in store.query(text, prefixes=PREFIX_IRIS)]


def _rows(store: ox.Store, text: str, x: ox.NamedNode) -> list[tuple[str, ...]]:
    return [tuple(str(v) for v in row) for row in store.query(
        text, prefixes=PREFIX_IRIS, substitutions={ox.Variable("x"): x})]


@pytest.mark.parametrize("min_confidence, limit, offset", [(0.0, 20, 0), (0.0, 3, 3),
                                                           (0.9, 20, 0)])
def test_said_lists_the_old_page_for_every_speaker(sample_graph: LocalStore, min_confidence,
                                                    limit, offset):
    store = sample_graph.engine
    fields = {"min_confidence": min_confidence, "limit": limit, "offset": offset}
    found = 0
    for speaker in _nodes(store, "?x nkg:said ?q"):
        rows = _rows(store, q.SAID.format(**fields), speaker)
        assert rows == _rows(store, OLD_SAID.format(**fields).replace(*TIES), speaker), speaker
        found += len(rows)
    assert found


@pytest.mark.parametrize("new, old, pattern", [
    (q.REACTIONS_BY, OLD_REACTIONS_BY, "?r schema:agent ?x"),
    (q.REACTIONS_TO, OLD_REACTIONS_TO, "?r schema:object ?x"),
])
def test_reactions_list_the_old_rows(sample_graph: LocalStore, new: str, old: str, pattern: str):
    store = sample_graph.engine
    found = 0
    for node in _nodes(store, pattern):
        rows = Counter(_rows(store, new, node))
        assert rows == Counter(_rows(store, old, node)), node
        found += sum(rows.values())
    assert found
