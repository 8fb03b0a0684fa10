"""Issue 14, item 7 (the server's part): HEAD, download errors, %-escaped IRIs, the Bearer
scheme's case (docs/server.md naming the right module: test_docs.py)."""

from __future__ import annotations

import re

import pytest
import requests

from tests.security.conftest import ESCAPED_ARTICLES, PERSON

pytestmark = pytest.mark.slow

@pytest.mark.parametrize("path", ["/sparql?query=ASK{}", "/sparql?query=ASK%7B%7D&format=xml",
                                  "/sparql"])
def test_head_is_answered_like_get(live_server, path):
    head = requests.head(live_server + path, timeout=30)
    get = requests.get(live_server + path, timeout=30)
    assert get.status_code == 200
    assert head.status_code == 200 and head.content == b""
    assert head.headers["Content-Type"] == get.headers["Content-Type"]


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p }", "SELEC * {}",
                                   "SELECT * WHERE { ?s ?p ?o", "SELECT * FROM {}"])
def test_download_of_a_malformed_query_is_a_400_with_the_reason(live_server, query):
    download = requests.get(live_server + "/query/download", timeout=30,
                            params={"query": query, "format": "csv"})
    endpoint = requests.get(live_server + "/sparql", params={"query": query}, timeout=30)
    assert download.status_code == endpoint.status_code == 400
    assert download.text == endpoint.text  # the parser's (or the scanner's) own message


def test_links_to_iris_with_escapes_resolve(token_server):
    page = requests.get(token_server + PERSON.removeprefix("https://newskg.example.org"),
                        timeout=30)
    assert page.status_code == 200
    links = set(re.findall(r'href="(/id/article/[^"]+)"', page.text))
    assert len(links) == len(ESCAPED_ARTICLES), links
    for link in links:
        article = requests.get(token_server + link, timeout=30)
        assert article.status_code == 200, link
        turtle = requests.get(token_server + link, headers={"Accept": "text/turtle"},
                              timeout=30)
        assert any(iri in turtle.text for iri in ESCAPED_ARTICLES), link
    assert requests.get(token_server + "/id/article/a%20b", timeout=30).status_code == 404


@pytest.mark.parametrize("authorization, status", [
    ("bearer s3cr3t", 200), ("BEARER s3cr3t", 200), ("Bearer  s3cr3t", 200),
    ("bearer wrong", 403), ("Basic czNjcjN0", 401), ("bearers3cr3t", 401),
])
def test_the_bearer_scheme_is_case_insensitive(token_server, authorization, status):
    update = f'INSERT DATA {{ GRAPH <urn:g> {{ <{PERSON}> <urn:p> "{authorization}" }} }}'
    response = requests.post(token_server + "/sparql", data=update.encode(), timeout=60,
                             headers={"Authorization": authorization,
                                      "Content-Type": "application/sparql-update"})
    assert response.status_code == status, response.text
    ask = f'ASK {{ <{PERSON}> <urn:p> "{authorization}" }}'
    stored = requests.get(token_server + "/sparql", params={"query": ask}, timeout=30).json()
    assert stored["boolean"] is (status == 200)
