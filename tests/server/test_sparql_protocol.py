"""The SPARQL 1.1 Protocol on /sparql, through Flask's test client."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import Graph

ASK = "ASK { ?s a <https://schema.org/Person> }"
SELECT = "SELECT ?p WHERE { ?p a <https://schema.org/Person> } LIMIT 3"
CONSTRUCT = "CONSTRUCT WHERE { ?p a <https://schema.org/Person> } LIMIT 3"
ARTICLE_GRAPH = "https://newskg.example.org/id/article/000_2ace28bdd7d1dd52/graph"


@pytest.mark.parametrize("accept, query, media", [
    (None, SELECT, "application/sparql-results+json"),
    ("*/*", SELECT, "application/sparql-results+json"),
    ("application/sparql-results+xml", SELECT, "application/sparql-results+xml"),
    ("text/csv", SELECT, "text/csv"),
    ("text/tab-separated-values", SELECT, "text/tab-separated-values"),
    ("application/sparql-results+json;q=0.5, text/csv", SELECT, "text/csv"),
    (None, ASK, "application/sparql-results+json"),
    ("application/sparql-results+xml", ASK, "application/sparql-results+xml"),
    (None, CONSTRUCT, "text/turtle"),
    ("application/n-triples", CONSTRUCT, "application/n-triples"),
    ("application/ld+json", CONSTRUCT, "application/ld+json"),
    ("application/rdf+xml", CONSTRUCT, "application/rdf+xml"),
    (None, "DESCRIBE <https://newskg.example.org/id/person/jane-doe>", "text/turtle"),
])
def test_content_negotiation(client, accept, query, media):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", query_string={"query": query}, headers=headers)
    assert response.status_code == 200
    assert response.mimetype == media


@pytest.mark.parametrize("send", ["get", "form", "direct"])
def test_three_ways_to_send_a_query(client, send):
    if send == "get":
        response = client.get("/sparql", query_string={"query": ASK})
    elif send == "form":
        response = client.post("/sparql", data={"query": ASK})
    else:
        response = client.post("/sparql", data=ASK.encode(),
                               content_type="application/sparql-query")
    assert response.status_code == 200
    assert response.json == {"head": {}, "boolean": True}


def test_select_results_in_every_format_agree(client):
    rows = client.get("/sparql", query_string={"query": SELECT}).json["results"]["bindings"]
    people = sorted(row["p"]["value"] for row in rows)
    as_csv = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": "text/csv"})
    assert sorted(r["p"] for r in csv.DictReader(io.StringIO(as_csv.text))) == people
    as_tsv = client.get("/sparql", query_string={"query": SELECT},
                        headers={"Accept": "text/tab-separated-values"})
    assert sorted(line.strip("<>") for line in as_tsv.text.split("\n")[1:] if line) == people
    assert len(people) == 3


def test_construct_is_parseable_turtle(client):
    response = client.get("/sparql", query_string={"query": CONSTRUCT})
    assert 1 <= len(Graph().parse(data=response.text, format="turtle")) <= 3


@pytest.mark.parametrize("method, kwargs, status", [
    ("put", {"query_string": {"query": ASK}}, 405),
    ("delete", {"query_string": {"query": ASK}}, 405),
    ("post", {"data": ASK, "content_type": "text/plain"}, 415),
    ("post", {"data": ASK, "content_type": "application/sparql-query; charset=UTF-16"}, 415),
    ("post", {"data": b"\xff\xfeA\x00S\x00K\x00", "content_type": "application/sparql-query"},
     400),
    ("post", {"data": b"query=ASK%20%7B%7D"}, 400),
    ("get", {"query_string": [("query", ASK), ("query", SELECT)]}, 400),
    ("post", {"data": {"query": ASK, "update": "CLEAR ALL"}}, 400),
    ("get", {"query_string": {"query": ASK}, "headers": {"Accept": "image/png"}}, 406),
    ("get", {"query_string": {"update": "CLEAR ALL"}}, 400),
])
def test_protocol_errors(client, method, kwargs, status):
    assert getattr(client, method)("/sparql", **kwargs).status_code == status


def test_syntax_error_is_400_with_the_parsers_message(client):
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p "})
    assert response.status_code == 400
    assert "error" in response.text.lower() and len(response.text) > 20


def test_browser_is_sent_to_the_query_page(client):
    response = client.get("/sparql", query_string={"query": SELECT},
                          headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 303
    assert response.location.startswith("/query?query=")


def test_service_description(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoints = {str(o) for s, p, o in graph if str(p) == sd + "endpoint"}
    assert endpoints == {"http://localhost/sparql"}
    assert any(str(o) == ARTICLE_GRAPH for s, p, o in graph if str(p) == sd + "name")


@pytest.mark.parametrize("params, query, expected", [
    ({"default-graph-uri": ARTICLE_GRAPH},
     "ASK { ?a <https://schema.org/headline> ?h }", True),
    ({"named-graph-uri": ARTICLE_GRAPH}, "ASK { ?s ?p ?o }", False),
    ({"named-graph-uri": ARTICLE_GRAPH}, f"ASK {{ GRAPH <{ARTICLE_GRAPH}> {{ ?s ?p ?o }} }}",
     True),
    ({}, f"ASK FROM <{ARTICLE_GRAPH}> {{ ?s ?p ?o }}", True),
    ({}, f"ASK FROM NAMED <{ARTICLE_GRAPH}> {{ ?s ?p ?o }}", False),
])
def test_protocol_dataset_selects_the_stores_graphs(client, params, query, expected):
    response = client.get("/sparql", query_string={"query": query, **params})
    assert response.status_code == 200, response.text
    assert response.json["boolean"] is expected


def test_default_graph_is_the_union(client):
    query = ("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE "
             "{ ?a a <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context> }")
    response = client.get("/sparql", query_string={"query": query})
    assert json.loads(response.text)["results"]["bindings"][0]["n"]["value"] == "4"
