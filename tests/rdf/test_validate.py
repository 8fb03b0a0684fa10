"""The SHACL shapes accept what newskg emits and reject broken graphs."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.api import build_with_summary
from kg.export import union_graph
from kg.ingest.metadata import read_metadata
from kg.rdf.namespaces import NIF, NKG, RDF, SCHEMA, XSD
from kg.rdf.validate import ontology_graph, validate_graph
from tests.conftest import SHARED


def test_the_sample_graph_conforms(sample_graph: Dataset):
    conforms, report = validate_graph(union_graph(sample_graph))
    assert conforms, report


def _broken(sample_graph: Dataset, damage: str) -> Graph:
    graph = union_graph(sample_graph)
    quote = next(graph.subjects(RDF.type, SCHEMA.Quotation))
    span = next(graph.subjects(RDF.type, NIF.OffsetBasedString))
    if damage == "quote without text":
        graph.remove((quote, SCHEMA.text, None))
    elif damage == "span begin not an integer":
        graph.set((span, NIF.beginIndex, Literal("ten")))
    elif damage == "confidence above one":
        graph.add((span, NKG.confidence, Literal("1.5", datatype=XSD.decimal)))
    elif damage == "said points at a non-quotation":
        graph.add((URIRef("https://x.example/p"), NKG.said, URIRef("https://x.example/q")))
    elif damage == "two labels":
        person = next(graph.subjects(RDF.type, SCHEMA.Person))
        graph.add((person, URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
                   Literal("Another name")))
    return graph


@pytest.mark.parametrize("damage", ["quote without text", "span begin not an integer",
                                    "confidence above one", "said points at a non-quotation",
                                    "two labels"])
def test_a_broken_graph_is_rejected(sample_graph: Dataset, damage: str):
    conforms, report = validate_graph(_broken(sample_graph, damage))
    assert not conforms
    assert "Constraint Violation" in report


def test_every_nkg_term_used_is_documented_in_the_ontology(sample_graph: Dataset):
    documented = set(ontology_graph().subjects())
    used = {term for triple in union_graph(sample_graph) for term in triple
            if isinstance(term, URIRef) and str(term).startswith(str(NKG))}
    assert used <= documented, used - documented


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "polnear" / "dev" / "text").is_dir(),
                    reason="PolNeAR dev texts not available")
def test_the_whole_dev_split_conforms(nlp):
    """newskg's own output on 84 real articles (with their metadata) passes its shapes: one
    label per entity, typed spans, quotes with text and speaker."""
    polnear = SHARED / "polnear"
    dataset, _ = build_with_summary([polnear / "dev" / "text"],
                                    metadata=read_metadata(polnear / "metadata.tsv"))
    conforms, report = validate_graph(union_graph(dataset))
    assert conforms, report[:3000]
