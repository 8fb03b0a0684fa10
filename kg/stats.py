"""Counts that say what a graph holds: one definition of each, for `kg stats` and the
server's home page.

Each count is one SPARQL query over the union graph, named here once, so the command
line and the pages never disagree on what "reactions" means.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset

from kg.store import literal_count, triple_count


@dataclass(frozen=True)
class Count:
    name: str
    meaning: str
    query: str


def _typed(rdf_types: str) -> str:
    return ("SELECT (COUNT(DISTINCT ?x) AS ?n) "
            f"WHERE {{ VALUES ?type {{ {rdf_types} }} ?x a ?type }}")


COUNTS: tuple[Count, ...] = (
    Count("articles", "articles built into the graph (not those only mentioned in one)",
          _typed("nif:Context")),
    Count("people", "people, officials among them", _typed("schema:Person")),
    Count("officials", "office holders: people and government bodies", _typed("nkg:Official")),
    Count("organisations", "organisations, outlets among them", _typed("schema:Organization")),
    Count("outlets", "news outlets", _typed("schema:NewsMediaOrganization")),
    Count("places", "places", _typed("schema:Place")),
    Count("quotations", "distinct quotations (one per text, however many articles carry it)",
          _typed("schema:Quotation")),
    Count("direct quotes", "quotations ever given in quotation marks",
          _typed("nkg:DirectQuote")),
    Count("indirect quotes", "quotations ever given as reported speech",
          _typed("nkg:IndirectQuote")),
    Count("quoted people", "speakers of at least one quotation",
          "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s nkg:said ?q }"),
    Count("said", "speaker-quotation links",
          "SELECT (COUNT(*) AS ?n) WHERE { ?s nkg:said ?q }"),
    Count("published", "outlet-article links (from metadata and from the text)",
          "SELECT (COUNT(*) AS ?n) WHERE { ?o nkg:published ?a }"),
    Count("reactions", "reaction nodes: reacting, agreeing or disagreeing, each with its "
          "evidence", _typed("schema:ReactAction schema:AgreeAction schema:DisagreeAction")),
    Count("reacting", "who reacted to something",
          "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s nkg:reactedTo ?t }"),
    Count("reacted to", "what was reacted to: articles, quotations, people, organisations",
          "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?s nkg:reactedTo ?t }"),
)


def graph_stats(dataset: Dataset) -> dict[str, int]:
    """Every count of ``COUNTS`` by name, in that order, then ``triples``."""
    counts = {count.name: literal_count(dataset, count.query) for count in COUNTS}
    counts["triples"] = triple_count(dataset)
    return counts
