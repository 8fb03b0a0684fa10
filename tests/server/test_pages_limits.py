"""The pages' in-process work (home counts, /graph, exports) runs under the query time
limit (counted from the request's arrival) and the worker memory cap, and one error handler
answers every time-out or memory stop with a 503. Exports stream, so the cap never stops
them."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from kg.rdf.namespaces import NKG
from server import create_app
from server.backend import materialize
from server.executor import ARRIVED
from tests.server.test_safety import _descendants


@pytest.mark.parametrize("path", ["/graph", "/export.nt", "/"])
def test_page_work_past_the_limit_is_a_503(make_app, path):
    # 0.3 s: less than the task worker needs to start and do anything
    client = make_app(QUERY_TIMEOUT=0.3).test_client()
    response = client.get(path)
    assert response.status_code == 503
    assert "longer than 0.3 s" in response.text
    assert response.headers["Retry-After"] == "1"


def test_page_work_within_the_limit_answers(make_app):
    client = make_app(QUERY_TIMEOUT=30).test_client()
    assert client.get("/graph").status_code == 200
    assert client.get("/graph?focus=Nobody").status_code == 400  # the task's own error


@pytest.mark.parametrize("path", ["/export.nq", "/id/person/donald-trump"])
def test_page_work_counts_its_time_from_arrival(make_app, path):
    """A request that arrived 31 s ago is past a 30 s limit: page tasks and instance pages
    alike answer through the one errorhandler."""
    client = make_app(QUERY_TIMEOUT=30).test_client()
    response = client.get(path, environ_overrides={ARRIVED: time.monotonic() - 31})
    assert response.status_code == 503
    assert "counted from its arrival" in response.text
    assert response.headers["Retry-After"] == "1"


def test_the_task_worker_runs_under_the_memory_cap(make_app):
    client = make_app(WORKER_MEMORY=900).test_client()
    assert client.get("/export.nq").status_code == 200
    capped = [pid for pid in _descendants(os.getpid())
              if Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[1:3]
              == [b"-m", b"server.task_worker"]
              and b"900" in Path(f"/proc/{pid}/cmdline").read_bytes()]
    assert capped
    limits = Path(f"/proc/{capped[0]}/limits").read_text()
    assert f"Max address space         {900 * 2**20}" in limits


@pytest.fixture(scope="module")
def said_store(tmp_path_factory) -> Path:
    """30,000 nkg:said relations in an article graph and in the union."""
    dataset = Dataset()
    graph = dataset.graph(URIRef("https://example.org/g"))
    for i in range(30_000):
        triple = (URIRef(f"https://example.org/p{i % 300}"), NKG.said,
                  URIRef(f"https://example.org/q{i}"))
        graph.add(triple)
        dataset.default_graph.add(triple)
    return materialize(dataset, tmp_path_factory.mktemp("said") / "store")


def _get_capped(store: Path, path: str, memory_mb: int):
    """GET ``path`` from an app whose workers get ``memory_mb`` of address space (set once
    a worker has opened the store)."""
    app = create_app({"STORE": str(store), "WORKERS": 1, "WORKER_MEMORY": memory_mb})
    try:
        response = app.test_client().get(path)
        response.direct_passthrough = False  # read a streamed file before the app closes
        return response.status_code, response.get_data(), response.text
    finally:
        app.extensions["kg"].close()


def test_page_work_past_the_memory_cap_is_a_503_naming_it(said_store: Path):
    """The /graph task builds its subgraph in memory: with a 1 MB cap it stops with a 503
    naming the limit."""
    status, _, text = _get_capped(said_store, "/graph", 1)
    assert status == 503
    assert "memory limit (1 MB)" in text


@pytest.mark.parametrize("ext, parse_as", [("ttl", "turtle"), ("nq", "nquads")])
def test_exports_stream_within_a_1_mb_cap(said_store: Path, ext: str, parse_as: str):
    """Exports are written natively quad by quad to a file: no new memory, so even a
    worker capped at 1 MB writes the whole graph."""
    status, body, _ = _get_capped(said_store, f"/export.{ext}", 1)
    assert status == 200
    parsed = Dataset()
    parsed.parse(data=body, format=parse_as)
    assert sum(1 for _ in parsed.quads((None, None, None, None))) == 30_000
