"""Resolution of a new batch reads only what the batch touches and gives the graph the
whole-store pass gives over the same store."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from kg.extract.records import ArticleFacts
from kg.ingest import read_articles
from kg.pipeline import extract_all, settle, store_facts
from kg.rdf import iris
from kg.rdf.namespaces import DEFAULT_BASE
from kg.resolve import scope
from kg.resolve import store as store_module
from kg.resolve.corroboration import corroboration_graph
from kg.store import open_store
from tests.scale.conftest import built, quads
from tests.scale.test_person_summary import _said

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def facts(nlp, corpus: Path) -> list[ArticleFacts]:
    found = list(extract_all(read_articles(sorted(corpus.iterdir()))))
    assert all(isinstance(f, ArticleFacts) for f in found)
    return found


def _settled_then_added(first: list[ArticleFacts], batch: list[ArticleFacts],
                        incremental: bool) -> Dataset:
    """A store settled over ``first``, then ``batch`` written and settled one way or the
    other."""
    dataset = open_store()
    for article in first:
        store_facts(dataset, article, DEFAULT_BASE)
    settle(dataset, DEFAULT_BASE)
    for article in batch:
        store_facts(dataset, article, DEFAULT_BASE)
    graphs = [iris.article_graph_iri(DEFAULT_BASE, a.article_id) for a in batch]
    settle(dataset, DEFAULT_BASE, graphs if incremental else None)
    return dataset


@pytest.mark.parametrize("split", [1, 4, 7])
def test_settling_a_new_batch_equals_the_whole_store_pass(facts: list[ArticleFacts],
                                                          split: int):
    first, batch = facts[:split], facts[split:]
    incremental = quads(_settled_then_added(first, batch, incremental=True))
    whole = quads(_settled_then_added(first, batch, incremental=False))
    assert incremental == whole
    assert {g for *_, g in incremental} - {corroboration_graph(DEFAULT_BASE)} == {
        iris.article_graph_iri(DEFAULT_BASE, a.article_id) for a in facts}


def test_settling_a_batch_in_reverse_order_equals_the_whole_store_pass(
        facts: list[ArticleFacts]):
    """The people of the later articles come first: merges then reach back into the store."""
    backwards = facts[::-1]
    assert (quads(_settled_then_added(backwards[:3], backwards[3:], incremental=True))
            == quads(_settled_then_added(backwards[:3], backwards[3:], incremental=False)))


def test_scoped_queries_asked_in_small_chunks_give_the_same_graph(
        facts: list[ArticleFacts], monkeypatch: pytest.MonkeyPatch):
    """Resolution asks its scoped queries a chunk of nodes at a time (a long VALUES made
    Oxigraph read the whole store); cut into chunks of 2, the parts must add up."""
    whole = quads(_settled_then_added(facts[:4], facts[4:], incremental=True))
    monkeypatch.setattr(scope, "SCOPE_CHUNK", 2)
    assert quads(_settled_then_added(facts[:4], facts[4:], incremental=True)) == whole


def test_a_person_merged_into_a_fuller_name_keeps_the_node_its_label_names(
        monkeypatch: pytest.MonkeyPatch):
    """"Hillary Clinton", named often, merges into the "Hillary Rodham Clinton" a new article
    names, and her label keeps the shorter name: her node is not moved there and back (it
    held 32,000 quads at 10,300 AllSides articles), and the graph is the whole pass's."""
    first = [_said(f"o{i}", "Hillary Clinton") for i in range(5)]
    batch = [_said("n1", "Hillary Rodham Clinton")]
    renamed: list[str] = []
    rename = store_module._rename
    monkeypatch.setattr(store_module, "_rename", lambda dataset, renames: (
        renamed.extend(str(old) for old in renames), rename(dataset, renames))[1])
    incremental = built([first, batch])
    hillary = f"{DEFAULT_BASE}person/hillary-clinton"
    assert hillary not in renamed
    assert f"{DEFAULT_BASE}person/hillary-rodham-clinton" in renamed
    assert quads(incremental) == quads(built([first + batch]))
    assert {str(label) for label, in incremental.query(
        f"SELECT ?l WHERE {{ <{hillary}> skos:altLabel ?l }}")} == {"Hillary Rodham Clinton"}
