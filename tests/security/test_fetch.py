"""Issue 14, item 1: nothing a request carries makes the server fetch, parameter names
included; the check runs on the text the worker executes."""

from __future__ import annotations

import time

import pytest
import requests

from kg.queries import QueryError, parse_bindings
from kg.sparql_text import UnsafeRequest
from server.executor import Job, QueryPool

# The issue's reproduction: a parameter *name* that closes the VALUES block and adds SERVICE.
INJECTED_NAMES = [
    "a { 1 } SERVICE <http://127.0.0.1:{port}/x> { ?s ?p ?o } VALUES ?b",
    "a{1}SERVICE<http://127.0.0.1:{port}/x>{?s ?p ?o}VALUES ?b",
    "a {} } SERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } {",
    "a\n{ 1 }\nSERVICE <http://127.0.0.1:{port}/x> { ?s ?p ?o } VALUES ?b",
]


def _attack(name: str, port: int) -> dict[str, str]:
    return {"query": "SELECT * WHERE { }", "format": "csv",
            "param." + name.replace("{port}", str(port)): "1"}


@pytest.mark.slow
@pytest.mark.parametrize("name", INJECTED_NAMES)
def test_a_parameter_name_cannot_make_the_server_fetch(live_server, listener, name):
    download = requests.get(live_server + "/query/download", params=_attack(name, listener.port),
                            timeout=30)
    page = requests.get(live_server + "/query", params=_attack(name, listener.port), timeout=30)
    assert download.status_code == 400
    assert "is not a SPARQL variable name" in download.text
    assert page.status_code == 200 and "is not a SPARQL variable name" in page.text
    time.sleep(0.5)
    assert listener.connections == 0


@pytest.mark.slow
def test_a_valid_parameter_still_binds(live_server):
    response = requests.get(live_server + "/query/download", timeout=30, params={
        "query": "SELECT ?name WHERE { }", "format": "csv", "param.name": "Ada } SERVICE"})
    assert response.status_code == 200
    assert response.text.splitlines() == ["name", "Ada } SERVICE"]


def test_the_worker_checks_the_text_it_runs(escaped_store, listener):
    """A caller that hands the worker a bound term that is not one term: the composed text
    is read before the engine sees it, by a real worker process."""
    pool = QueryPool(str(escaped_store), 1)
    try:
        bad_term = f"1 }} SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o"
        with pytest.raises(UnsafeRequest, match="changed what the query asks"):
            pool.run(Job("SELECT * WHERE { }", values=(("a", bad_term),)), 10)
        with pytest.raises(UnsafeRequest, match="not a SPARQL variable name"):
            pool.run(Job("SELECT * WHERE { }", values=(("a }", '"1"'),)), 10)
        assert pool.run(Job("SELECT * WHERE { }", values=(("a", '"1"'),)), 10).rows
    finally:
        pool.close()
    time.sleep(0.5)
    assert listener.connections == 0


@pytest.mark.parametrize("pair", ["a b=1", "a}=1", "=1", "?=1", "a{1}SERVICE<x>{}VALUES?b=1"])
def test_kg_query_refuses_a_name_that_is_not_a_variable(pair):
    with pytest.raises(QueryError):
        parse_bindings([pair])


@pytest.mark.parametrize("pair", ["name=x", "?name=x", "$n_1=x", "\u00e9t\u00e9=x", "1a=x"])
def test_kg_query_takes_variable_names(pair):
    assert len(parse_bindings([pair])) == 1
