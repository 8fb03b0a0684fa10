"""Quotes in several articles: the counts the build keeps give what counting every
occurrence at query time gave, whichever order articles come and go in."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.extract.records import ArticleFacts
from kg.ingest import read_articles
from kg.pipeline import extract_all, remove_articles, settle, store_facts
from kg.queries import named_queries, run_query
from kg.rdf import iris
from kg.rdf.namespaces import DEFAULT_BASE, NKG
from kg.resolve.corroboration import corroboration_graph
from kg.store import named_quads, open_store
from tests.scale.conftest import quads

pytestmark = pytest.mark.slow

# The query as it was: every occurrence joined with speaker and outlet, then grouped.
PLAIN = """SELECT ?quote ?text ?speakerName (COUNT(DISTINCT ?article) AS ?articles)
       (GROUP_CONCAT(DISTINCT ?outletName; separator=", ") AS ?outlets)
WHERE {
  ?quote a schema:Quotation ;
         schema:text ?text ;
         gaf:denotedBy/nif:referenceContext ?article .
  OPTIONAL { ?quote schema:creator/rdfs:label ?speakerName }
  OPTIONAL { ?article schema:publisher/rdfs:label ?outletName }
}
GROUP BY ?quote ?text ?speakerName
HAVING (COUNT(DISTINCT ?article) > 1)
ORDER BY DESC(?articles) ?text"""


@pytest.fixture(scope="module")
def facts(nlp, corpus: Path) -> list[ArticleFacts]:
    """The corpus, and again under new ids for half of it: those quotes are in two articles."""
    found = [f for f in extract_all(read_articles(sorted(corpus.iterdir())))
             if isinstance(f, ArticleFacts)]
    return found + [dataclasses.replace(f, article_id=f"{f.article_id}~2") for f in found[::2]]


def _built(batches: list[list[ArticleFacts]], incremental: bool = True) -> Dataset:
    """A store settled after each batch (incrementally, or by the whole-store pass)."""
    dataset = open_store()
    for batch in batches:
        for article in batch:
            store_facts(dataset, article, DEFAULT_BASE)
        graphs = [iris.article_graph_iri(DEFAULT_BASE, a.article_id) for a in batch]
        settle(dataset, DEFAULT_BASE, graphs if incremental and len(batches) > 1 else None)
    return dataset


@pytest.fixture(scope="module")
def repeated(facts: list[ArticleFacts]) -> Dataset:
    return _built([facts])


def _rows(dataset: Dataset, text: str) -> list[tuple]:
    return [tuple(str(v) if v is not None else None for v in row)
            for row in run_query(dataset, text)]


def test_quotes_in_several_articles_gives_what_the_plain_query_gave(repeated: Dataset):
    rows = _rows(repeated, named_queries()["quotes-in-several-articles"].text)
    plain = _rows(repeated, PLAIN)
    assert len(rows) > 5 and all(int(row[3]) >= 2 for row in rows)
    assert sorted(rows, key=str) == sorted(plain, key=str)
    assert [(row[3], row[1]) for row in rows] == [(row[3], row[1]) for row in plain]


def test_counts_live_in_their_own_graph_for_quotes_of_several_articles_only(
        repeated: Dataset):
    counted = {(s, int(o), g) for s, _, o, g in named_quads(repeated,
                                                            (None, NKG.articleCount, None))}
    assert counted and {g for *_, g in counted} == {corroboration_graph(DEFAULT_BASE)}
    assert {(s, n) for s, n, _ in counted} == {
        (q, int(n)) for q, _, _, n, _ in run_query(repeated, PLAIN)}


def test_one_by_one_equals_all_at_once(facts: list[ArticleFacts], repeated: Dataset):
    """Each repeat arrives after its original, in batches of one (incremental settles)."""
    assert quads(_built([[article] for article in facts])) == quads(repeated)


def test_removing_a_repeat_withdraws_its_count(facts: list[ArticleFacts], repeated: Dataset):
    originals = [f for f in facts if not f.article_id.endswith("~2")]
    dataset = _built([facts])
    remove_articles(dataset, [f.article_id for f in facts if f.article_id.endswith("~2")],
                    DEFAULT_BASE)
    left = named_quads(dataset, (None, NKG.articleCount, None))
    assert len(left) < len(named_quads(repeated, (None, NKG.articleCount, None)))
    assert quads(dataset) == quads(_built([originals]))
