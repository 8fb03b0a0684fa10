"""The SHACL shapes accept what newskg emits and reject broken graphs."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.export import union_graph
from kg.rdf.namespaces import NIF, NKG, RDF, SCHEMA, XSD
from kg.rdf.validate import ontology_graph, validate_graph


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
