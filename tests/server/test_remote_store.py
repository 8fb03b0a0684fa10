"""The server over a remote store: a real `oxigraph serve` holding the same build as the
local store folder answers every page, /sparql and the downloads as the folder does, with
the server's guarantees kept (read-only, deadline, row limit, no SERVICE, parse errors)."""

from __future__ import annotations

import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from flask import Flask
from rdflib import URIRef

from kg.formats import FORMATS
from kg.store import RemoteStoreError, open_store
from server import create_app
from tests.oxigraph import oxigraph_serving

PEOPLE = "SELECT ?p ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?p ?name"
ARTICLE_GRAPH = "https://newskg.example.org/id/article/000_2ace28bdd7d1dd52/graph"
PAGES = ["/", "/search?q=trump", "/id/person/jane-doe", "/id/outlet/the-new-york-times",
         "/id/article/000_2ace28bdd7d1dd52", "/id/quote/28347d386bb2423f",
         "/id/reaction/48779564041020f9", "/id/org/senate", "/graph",
         "/query?name=quotes-by-person&param.name=Doe",
         "/query?name=quotes-in-several-articles",
         f"/store?graph={ARTICLE_GRAPH}"]
# Every pair of the store's triples compared: over 10 s here on any engine, yet finite (the
# remote store goes on running it after the server has given up).
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STR(?c) < STR(?f)) }"


def _count(url: str) -> int:
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"})
    request = urllib.request.Request(f"{url}?{query}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request) as response:
        solutions = ox.parse_query_results(response.read(), ox.QueryResultsFormat.JSON)
        return int(next(iter(solutions))["n"].value)


@pytest.fixture(scope="module")
def remote(store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The query URL of an Oxigraph server holding the quads of ``store_dir``."""
    dump = ox.Store.read_only(str(store_dir)).dump(format=ox.RdfFormat.N_QUADS)
    with oxigraph_serving(tmp_path_factory.mktemp("remote") / "oxigraph") as url:
        load = urllib.request.Request(url.replace("/query", "/store"), dump, method="POST",
                                      headers={"Content-Type": "application/n-quads"})
        urllib.request.urlopen(load).close()
        yield url


@pytest.fixture(scope="module")
def remote_app(remote: str) -> Iterator[Flask]:
    app = create_app({"STORE": remote, "QUERY_TIMEOUT": 10, "WORKERS": 2})
    yield app
    app.extensions["kg"].close()


@pytest.mark.parametrize("path", PAGES)
def test_pages_answer_the_same_through_the_remote_store(client, remote_app, path):
    local, far = client.get(path), remote_app.test_client().get(path)
    assert far.status_code == local.status_code == 200
    assert far.text == local.text


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv"])
def test_sparql_answers_the_same_through_the_remote_store(client, remote_app, accept):
    params = {"query": PEOPLE}
    local = client.get("/sparql", query_string=params, headers={"Accept": accept})
    far = remote_app.test_client().get("/sparql", query_string=params,
                                       headers={"Accept": accept})
    assert far.status_code == local.status_code == 200 and far.mimetype == local.mimetype
    assert far.data == local.data and b"Jane Doe" in far.data


def test_construct_and_downloads_through_the_remote_store(client, remote_app):
    construct = {"query": "CONSTRUCT WHERE { ?p a schema:Person ; rdfs:label ?n }"}
    answers = [app.get("/sparql", query_string=construct,
                       headers={"Accept": "application/n-triples"})
               for app in (client, remote_app.test_client())]
    assert [a.status_code for a in answers] == [200, 200]
    assert sorted(answers[0].text.splitlines()) == sorted(answers[1].text.splitlines())
    pages = [app.get("/id/person/donald-trump", headers={"Accept": "application/n-triples"})
             for app in (client, remote_app.test_client())]
    assert sorted(pages[0].text.splitlines()) == sorted(pages[1].text.splitlines())
    assert pages[1].status_code == 200 and "donald-trump" in pages[1].text
    nquads = next(fmt for fmt in FORMATS if fmt.name == "nquads")
    exports = [app.get(f"/export.{nquads.extension}").get_data()
               for app in (client, remote_app.test_client())]
    assert sorted(exports[0].splitlines()) == sorted(exports[1].splitlines())


def test_the_row_limit_holds_on_the_remote_store(remote: str):
    app = create_app({"STORE": remote, "MAX_ROWS": 2, "WORKERS": 1})
    try:
        response = app.test_client().get("/sparql", query_string={"query": PEOPLE},
                                         headers={"Accept": "text/csv"})
    finally:
        app.extensions["kg"].close()
    assert response.status_code == 200 and "Warning" in response.headers
    assert len(response.text.splitlines()) == 3  # header and two rows


def test_updates_are_refused_and_never_reach_the_remote_store(remote_app, remote: str):
    before = _count(remote)
    response = remote_app.test_client().post("/sparql", data={
        "update": "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"})
    assert response.status_code == 403
    query = remote_app.test_client().post("/sparql", data={
        "query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert query.status_code == 400 and "update" in query.text
    assert _count(remote) == before
    with pytest.raises(RemoteStoreError, match="read-only"):
        create_app({"STORE": remote, "UPDATE_TOKEN": "secret", "WORKERS": 1})


def test_a_remote_store_opened_read_only_sends_no_write(remote: str):
    store = open_store(remote, read_only=True)
    before = _count(remote)
    fact = (URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c"), URIRef("urn:g"))
    for write in (lambda: store.put_graph(fact[3], [fact]), lambda: store.add_quads([fact]),
                  lambda: store.drop_graph(URIRef(ARTICLE_GRAPH))):
        with pytest.raises(PermissionError):
            write()
    assert _count(remote) == before


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE {",
    "SELECT * WHERE { ?s ?p ?o } GROUP BY",
])
def test_refusals_and_syntax_errors_match_the_local_answer(client, remote_app, query):
    local = client.get("/sparql", query_string={"query": query})
    far = remote_app.test_client().get("/sparql", query_string={"query": query})
    assert far.status_code == local.status_code == 400
    assert far.text == local.text


def test_a_slow_remote_query_times_out_with_the_servers_answer(make_app, remote: str):
    local_app = make_app(QUERY_TIMEOUT=1)
    far_app = create_app({"STORE": remote, "QUERY_TIMEOUT": 1, "WORKERS": 1})
    try:
        local = local_app.test_client().get("/sparql", query_string={"query": SLOW})
        far = far_app.test_client().get("/sparql", query_string={"query": SLOW})
    finally:
        far_app.extensions["kg"].close()
    assert far.status_code == local.status_code == 503
    assert far.text == local.text


@pytest.mark.slow
def test_kg_serve_serves_a_remote_store(serve, remote: str):
    _, url = serve(remote)
    answer = requests.get(url + "/sparql", params={"query": PEOPLE},
                          headers={"Accept": "text/csv"}, timeout=30)
    assert answer.status_code == 200 and "Jane Doe" in answer.text
    page = requests.get(url + "/id/person/jane-doe", timeout=30)
    assert page.status_code == 200 and "disgrace to" in page.text
