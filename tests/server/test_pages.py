"""Home, search, Linked Data pages, the query page, exports and Graph Store reads."""

from __future__ import annotations

import json

import pytest
import requests
from rdflib import Dataset, Graph

import kg
from kg.formats import FORMATS, RdfFormat
from server.backend import materialize

BASE = "https://newskg.example.org/id/"
ARTICLE_GRAPH = BASE + "article/000_2ace28bdd7d1dd52/graph"


def test_home_counts_and_links(client, app):
    body = client.get("/").text
    assert "/query" in body and "/sparql" in body
    assert "</strong> people</span>" in body
    most_quoted = body.split('id="most-quoted"', 1)[1].split("</section>", 1)[0]
    assert 'href="/id/person/jane-doe"' in most_quoted
    if "graph_page" in app.blueprints:
        assert 'href="/graph"' in body


@pytest.mark.parametrize("q, expected", [
    ("trump", "/id/person/donald-trump"),
    ("new york times", "/id/outlet/the-new-york-times"),
    ("jane", "/id/person/jane-doe"),
])
def test_search_finds_labels(client, q, expected):
    assert expected in client.get("/search", query_string={"q": q}).text


def test_person_page(client):
    body = client.get("/id/person/jane-doe").text
    for part in ("<h1><bdi>Jane Doe</bdi></h1>", "Senator", "<strong>1</strong> quotation,",
                 "disgrace to", "Showing 1–1 of 1 occurrences"):
        assert part in body, part
    # the quote in the sentence around it, escaped like everything from the text
    assert 'class="context">Senator Jane Doe said on Thursday' in body


def test_reactions_are_told_in_words(client):
    body = client.get("/id/person/donald-trump").text
    reacted = body.split('id="reactions"', 1)[1].split("</section>", 1)[0]
    assert '<span class="kind" title="schema:DisagreeAction">criticised</span>' in reacted
    assert ">schema:" not in reacted


@pytest.mark.parametrize("accept, media, parse_format", [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/n-triples", "application/n-triples", "nt"),
])
def test_linked_data_content_negotiation(client, accept, media, parse_format):
    response = client.get("/id/person/donald-trump", headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == media
    graph = Graph().parse(data=response.text, format=parse_format)
    assert any(str(s) == BASE + "person/donald-trump" for s in graph.subjects())


@pytest.mark.parametrize("path, status", [
    ("/id/person/nobody-at-all", 404),
    ("/id/person/a%3Eb", 404),
    ("/id/person/donald-trump", 200),
])
def test_unknown_resources_are_404(client, path, status):
    assert client.get(path).status_code == status


@pytest.mark.parametrize("fmt", FORMATS, ids=[fmt.name for fmt in FORMATS])
def test_exports(client, fmt: RdfFormat):
    response = client.get(f"/export.{fmt.extension}")
    assert response.status_code == 200 and response.mimetype == fmt.media_type
    assert "attachment" in response.headers["Content-Disposition"]
    dataset = Dataset()
    dataset.parse(data=response.get_data(), format=fmt.rdflib)
    assert len(dataset) > 100 or sum(1 for _ in dataset.quads()) > 100
    named = {str(g.identifier) for g in dataset.graphs()}
    assert (ARTICLE_GRAPH in named) is fmt.named_graphs


def test_an_unknown_export_is_404_naming_the_formats(client):
    response = client.get("/export.xlsx")
    assert response.status_code == 404
    assert all(fmt.extension in response.text for fmt in FORMATS)


@pytest.mark.parametrize("params, status", [
    ("?default", 200), (f"?graph={ARTICLE_GRAPH}", 200),
    ("?graph=https://newskg.example.org/id/article/nope/graph", 404), ("", 400),
])
def test_graph_store_reads(client, params, status):
    response = client.get("/store" + params)
    assert response.status_code == status
    if status == 200:
        assert len(Graph().parse(data=response.text, format="turtle")) > 10


def test_graph_store_is_read_only(client):
    assert client.put("/store?default", data="").status_code == 405


def test_query_page_runs_a_named_query_with_a_parameter(client):
    body = client.get("/query", query_string={"name": "quotes-by-person",
                                              "query": "", "param.name": "Doe"}).text
    assert "Quotes by a person" in body
    page = client.get("/query", query_string={"name": "quotes-by-person", "param.name": "Doe",
                                              "query": _named_text(client, "quotes-by-person")})
    assert 'href="/id/person/jane-doe"' in page.text


def _named_text(client, name):
    body = client.get("/query", query_string={"name": name}).text
    data = body.split('id="named-queries">', 1)[1].split("</script>", 1)[0]
    return next(q["text"] for q in json.loads(data) if q["name"] == name)


def test_query_page_shows_errors_inline(client):
    body = client.get("/query", query_string={"query": "SELECT * WHERE {"}).text
    assert 'class="error"' in body


@pytest.mark.parametrize("fmt, media", [("csv", "text/csv"), ("json",
                                        "application/sparql-results+json"), ("tsv",
                                        "text/tab-separated-values")])
def test_query_page_downloads(client, fmt, media):
    response = client.get("/query/download", query_string={
        "query": "SELECT ?p { ?p a schema:Person } LIMIT 2", "format": fmt})
    assert response.status_code == 200 and response.mimetype == media


@pytest.mark.slow
def test_kg_serve_answers_over_http_with_waitress(live_server):
    response = requests.get(live_server + "/sparql", params={"query": "ASK { ?s ?p ?o }"},
                            timeout=30)
    assert response.json()["boolean"] is True
    assert response.headers["Server"] == "newskg"  # waitress's ident, not Werkzeug's
    assert requests.get(live_server + "/", timeout=30).status_code == 200


def test_a_reaction_to_ones_own_words_is_listed_once_as_such(nlp, tmp_path, make_app):
    """"Trump is defending his tweets" is Trump's reaction to his own words: his page lists
    it once, among the reactions given, not as "agreed with Donald Trump"."""
    article = tmp_path / "a.txt"
    article.write_text("Trump defends tweets\n\nRepublican presidential nominee Donald Trump is "
                       "defending his early-morning tweets attempting to shame a former Miss "
                       "Universe.\n", encoding="utf-8")
    store = tmp_path / "store"
    materialize(kg.build([article]), store)
    body = make_app(STORE=str(store)).test_client().get("/id/person/donald-trump").text
    reacted = body.split('id="reactions"', 1)[1].split("</section>", 1)[0]
    assert "agreed with</span> own words" in reacted
    assert "/id/person/donald-trump" not in reacted
    assert 'id="reactions-to"' not in body
