"""The vocabularies of the data model (see docs/data-model.md)."""

from typing import TypeVar

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

NKG = Namespace("https://w3id.org/newskg#")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
GAF = Namespace("http://groundedannotationframework.org/gaf#")

G = TypeVar("G", bound=Graph)

DEFAULT_BASE = "https://newskg.example.org/id/"

PREFIXES: dict[str, Namespace] = {
    "nkg": NKG,
    "schema": SCHEMA,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "owl": Namespace(str(OWL)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "prov": Namespace(str(PROV)),
    "nif": NIF,
    "itsrdf": ITSRDF,
    "gaf": GAF,
}
# The same, as plain strings: the prefixes every query may use without declaring them.
PREFIX_IRIS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def bind_prefixes(graph: G) -> G:
    """The graph with the data model's prefixes bound (for queries and serialisations)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


__all__ = ["bind_prefixes", "NKG", "SCHEMA", "NIF", "ITSRDF", "GAF", "RDF", "RDFS", "XSD", "OWL",
           "SKOS",
           "DCTERMS", "PROV", "PREFIXES", "DEFAULT_BASE"]
