"""The whole pipeline on the sample articles: facts, provenance and repeatability."""

from __future__ import annotations

from rdflib import Dataset, Literal
from rdflib.compare import isomorphic

import kg
from kg.export import serialize, union_graph
from kg.rdf.namespaces import NIF, NKG, SCHEMA
from tests.conftest import DATA


def test_every_span_anchor_equals_the_article_text_at_its_offsets(sample_graph: Dataset):
    rows = list(sample_graph.query("""
        SELECT ?span ?begin ?end ?anchor ?text WHERE {
          ?span a nif:OffsetBasedString ; nif:beginIndex ?begin ; nif:endIndex ?end ;
                nif:anchorOf ?anchor ; nif:referenceContext ?article .
          ?article nif:isString ?text }"""))
    assert len(rows) > 50
    for span, begin, end, anchor, text in rows:
        assert str(text)[int(begin):int(end)] == str(anchor), span
        assert str(span).endswith(f"#char={int(begin)},{int(end)}")


def test_each_article_has_its_own_named_graph(sample_graph: Dataset):
    graphs = {str(g.identifier) for g in sample_graph.graphs() if len(g)}
    articles = {str(a) for a in sample_graph.subjects(predicate=None, object=NIF.Context)}
    assert len(articles) == 3
    assert {f"{a}/graph" for a in articles} <= graphs


def test_trig_keeps_one_graph_per_article(sample_graph: Dataset):
    reread = Dataset()
    reread.parse(data=serialize(sample_graph, "trig").decode(), format="trig")
    named = [g for g in reread.graphs() if len(g) and str(g.identifier).endswith("/graph")]
    assert len(named) == 3
    for graph in named:
        contexts = set(graph.subjects(predicate=None, object=NIF.Context))
        assert len(contexts) == 1 and str(graph.identifier) == f"{contexts.pop()}/graph"


def test_two_builds_give_isomorphic_graphs(sample_graph: Dataset):
    again = kg.build([DATA])
    assert isomorphic(union_graph(sample_graph), union_graph(again))


def test_rebuilding_into_a_store_leaves_the_graph_unchanged(tmp_path, nlp):
    first = kg.build([DATA], store=tmp_path / "store")
    before = union_graph(first)
    first.close()
    second = kg.build([DATA], store=tmp_path / "store")
    assert isomorphic(before, union_graph(second))


def test_trump_said_really_a_disgrace(sample_graph: Dataset):
    texts = {str(t) for t in sample_graph.query("""
        SELECT ?text WHERE { ?p a schema:Person ; rdfs:label ?l ; nkg:said/schema:text ?text .
                             FILTER CONTAINS(?l, "Trump") }""")}
    assert any("really a disgrace" in t for t in texts)


def test_article_records_its_identifier_and_text(sample_graph: Dataset):
    ids = {str(row[0]) for row in sample_graph.query(
        "SELECT ?id WHERE { ?a a schema:NewsArticle ; dcterms:identifier ?id ; nif:isString ?t }")}
    assert ids == {p.stem for p in DATA.glob("*.txt")}
    dates = list(sample_graph.objects(predicate=SCHEMA.datePublished))
    assert Literal("2018-09-05", datatype=dates[0].datatype) in dates
    assert all(sample_graph.value(a, NKG.contentHash)
               for a in sample_graph.subjects(predicate=None, object=NIF.Context))
