"""Quotes in several articles: the query that counts first gives what the plain one gave."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.extract.records import ArticleFacts
from kg.ingest import read_articles
from kg.pipeline import extract_all, settle, store_facts
from kg.queries import named_queries, run_query
from kg.rdf.namespaces import DEFAULT_BASE
from kg.store import open_store

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
def repeated(nlp, corpus: Path) -> Dataset:
    """The corpus, and again under new ids for half of it: those quotes are in two articles."""
    facts = [f for f in extract_all(read_articles(sorted(corpus.iterdir())))
             if isinstance(f, ArticleFacts)]
    dataset = open_store()
    for article in facts + [dataclasses.replace(f, article_id=f"{f.article_id}~2")
                            for f in facts[::2]]:
        store_facts(dataset, article, DEFAULT_BASE)
    settle(dataset, DEFAULT_BASE)
    return dataset


def _rows(dataset: Dataset, text: str) -> list[tuple]:
    return [tuple(str(v) if v is not None else None for v in row)
            for row in run_query(dataset, text)]


def test_quotes_in_several_articles_gives_what_the_plain_query_gave(repeated: Dataset):
    rows = _rows(repeated, named_queries()["quotes-in-several-articles"].text)
    plain = _rows(repeated, PLAIN)
    assert len(rows) > 5 and all(int(row[3]) >= 2 for row in rows)
    assert sorted(rows, key=str) == sorted(plain, key=str)
    assert [(row[3], row[1]) for row in rows] == [(row[3], row[1]) for row in plain]
