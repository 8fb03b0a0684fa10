"""Checking a graph against the project's SHACL shapes and ontology with pyshacl."""

from __future__ import annotations

from importlib import resources

import pyshacl
from rdflib import Graph


def shapes_graph() -> Graph:
    return Graph().parse(data=resources.files("kg.rdf").joinpath("shapes.ttl").read_text(),
                         format="turtle")


def ontology_graph() -> Graph:
    return Graph().parse(data=resources.files("kg.rdf").joinpath("ontology.ttl").read_text(),
                         format="turtle")


def validate_graph(graph: Graph) -> tuple[bool, str]:
    """(conforms, report text) for the data graph against the shapes."""
    conforms, _, report = pyshacl.validate(graph, shacl_graph=shapes_graph(),
                                           ont_graph=ontology_graph(), inference="none",
                                           allow_warnings=True)
    return bool(conforms), str(report)
