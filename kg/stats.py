"""Counts that say what a graph holds (for `kg stats` and the server's home page)."""

from __future__ import annotations

from rdflib import Dataset

from kg.store import literal_count, triple_count

_TYPES = {
    "articles": "nif:Context",
    "people": "schema:Person",
    "officials": "nkg:Official",
    "organisations": "schema:Organization",
    "outlets": "schema:NewsMediaOrganization",
    "places": "schema:Place",
    "quotations": "schema:Quotation",
    "direct quotes": "nkg:DirectQuote",
    "indirect quotes": "nkg:IndirectQuote",
    "reactions": "schema:ReactAction",
}


_COUNT_OF_TYPE = "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {type} }}"


def graph_stats(dataset: Dataset) -> dict[str, int]:
    counts = {name: literal_count(dataset, _COUNT_OF_TYPE.format(type=rdf_type))
              for name, rdf_type in _TYPES.items()}
    counts["said"] = literal_count(dataset, "SELECT (COUNT(*) AS ?n) WHERE { ?s nkg:said ?o }")
    counts["published"] = literal_count(
        dataset, "SELECT (COUNT(*) AS ?n) WHERE { ?s nkg:published ?o }")
    counts["reacted to"] = literal_count(
        dataset, "SELECT (COUNT(*) AS ?n) WHERE { ?s nkg:reactedTo ?o }")
    counts["triples"] = triple_count(dataset)
    return counts
