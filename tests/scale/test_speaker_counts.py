"""The quotation and article counts the build keeps per person: what counting every
occurrence gave, whichever order articles come and go in."""

from __future__ import annotations

import re

import pytest
from rdflib import Dataset

from kg.extract.records import ArticleFacts
from kg.pipeline import remove_articles, settle, store_facts
from kg.queries import named_queries, run_query
from kg.rdf import iris
from kg.rdf.namespaces import DEFAULT_BASE
from kg.resolve.corroboration import corroboration_graph
from kg.resolve.speaker_counts import PREDICATES
from kg.store import named_quads
from server import page_queries as q
from tests.scale.conftest import built

pytestmark = pytest.mark.slow

# The counts as most-quoted-people counted them before they were kept.
PLAIN = """SELECT ?person (COUNT(DISTINCT ?quote) AS ?quotes)
       (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?person a schema:Person ; nkg:said ?quote .
  ?quote gaf:denotedBy/nif:referenceContext ?article .
} GROUP BY ?person"""
# most-quoted-people before the counts were kept
RANKED = """SELECT ?person ?name ?quotes (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  { SELECT ?person ?name (COUNT(DISTINCT ?quote) AS ?quotes) WHERE {
      ?person nkg:said ?quote ; a schema:Person ; rdfs:label ?name }
    GROUP BY ?person ?name ORDER BY DESC(?quotes) ?name LIMIT 50 }
  ?person nkg:said ?quote . ?quote gaf:denotedBy/nif:referenceContext ?article .
} GROUP BY ?person ?name ?quotes ORDER BY DESC(?quotes) ?name"""
# the home page's list before the counts were kept
HOME = """SELECT ?person ?label (COUNT(DISTINCT ?quote) AS ?quotes)
       (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?person a schema:Person ; nkg:said ?quote .
  ?quote gaf:denotedBy/nif:referenceContext ?article .
  OPTIONAL { ?person rdfs:label ?label }
} GROUP BY ?person ?label ORDER BY DESC(?quotes) ?label LIMIT 12"""


def _kept(dataset: Dataset) -> set[tuple]:
    return {quad for predicate in PREDICATES
            for quad in named_quads(dataset, (None, predicate, None))}


def _counts(dataset: Dataset) -> dict[str, tuple[int, int]]:
    """person -> (quotations, articles) as kept by the build."""
    by_person: dict[str, dict] = {}
    for s, p, o, _ in _kept(dataset):
        by_person.setdefault(str(s), {})[p] = int(o)
    return {s: (c[PREDICATES[0]], c[PREDICATES[1]]) for s, c in by_person.items()}


@pytest.fixture(scope="module")
def all_at_once(facts: list[ArticleFacts]) -> Dataset:
    return built([facts])


def test_kept_counts_equal_counting_every_occurrence(all_at_once: Dataset):
    expected = {str(p): (int(q), int(a)) for p, q, a in run_query(all_at_once, PLAIN)}
    assert len(expected) > 10 and any(a > 1 for _, a in expected.values())
    assert _counts(all_at_once) == expected
    assert {g for *_, g in _kept(all_at_once)} == {corroboration_graph(DEFAULT_BASE)}


def test_one_by_one_equals_all_at_once(facts: list[ArticleFacts], all_at_once: Dataset):
    assert _kept(built([[article] for article in facts])) == _kept(all_at_once)


def test_removing_articles_withdraws_their_counts(facts: list[ArticleFacts],
                                                  all_at_once: Dataset):
    originals = [f for f in facts if not f.article_id.endswith("~2")]
    dataset = built([facts])
    remove_articles(dataset, [f.article_id for f in facts if f.article_id.endswith("~2")],
                    DEFAULT_BASE)
    assert _counts(dataset) != _counts(all_at_once)
    assert _kept(dataset) == _kept(built([originals]))


def test_a_store_built_before_the_counts_gets_them_all_at_its_next_build(
        facts: list[ArticleFacts], all_at_once: Dataset):
    dataset = built([facts[:-1]])
    dataset.remove_quads(_kept(dataset))  # as a store built before they were kept
    store_facts(dataset, facts[-1], DEFAULT_BASE)
    settle(dataset, DEFAULT_BASE, [iris.article_graph_iri(DEFAULT_BASE, facts[-1].article_id)])
    assert _kept(dataset) == _kept(all_at_once)


@pytest.mark.parametrize("new, old, rank", [
    *[(named_queries()["most-quoted-people"].text, RANKED, rank) for rank in (50, 1, 3, 10)],
    *[(q.MOST_QUOTED, HOME, rank) for rank in (12, 1, 3, 10)]])
def test_rankings_rank_as_counting_did(all_at_once: Dataset, new: str, old: str, rank: int):
    """most-quoted-people and the home page's list, cut at several ranks (the corpus has
    fewer than 50 quoted people, and many tie): the rows of the old texts, ties at the cut
    broken by name as they broke them."""
    limit = re.search(r"LIMIT (\d+)\s*$", new).group(1)
    cut = f"OFFSET {int(limit) - 1}"
    assert new.count(cut) == 1
    new = new.replace(cut, f"OFFSET {rank - 1}").replace(f"LIMIT {limit}", f"LIMIT {rank}")
    old = old.replace(f"LIMIT {limit}", f"LIMIT {rank}")
    rows = [tuple(str(v) for v in row) for row in run_query(all_at_once, new)]
    assert rows == [tuple(str(v) for v in row) for row in run_query(all_at_once, old)]
    assert len(rows) == min(rank, len(_counts(all_at_once)))
