"""The pages' in-process work (home counts, /graph, exports) runs under the query time
limit (counted from the request's arrival) and the worker memory cap, and one error handler
answers every time-out or memory stop with a 503."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDFS

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


def test_page_work_past_the_memory_cap_is_a_503_naming_it(tmp_path):
    """A graph whose serialization needs new memory, and a 1 MB cap (set once the worker
    has opened the store): the export stops with a 503 naming the limit."""
    dataset = Dataset()
    graph = dataset.graph(URIRef("https://example.org/g"))
    for i in range(30_000):
        graph.add((URIRef(f"https://example.org/s{i}"), RDFS.label, Literal(f"label {i}")))
    app = create_app({"STORE": str(materialize(dataset, tmp_path / "store")), "WORKERS": 1,
                      "WORKER_MEMORY": 1})
    try:
        response = app.test_client().get("/export.nq")
    finally:
        app.extensions["kg"].close()
    assert response.status_code == 503
    assert "memory limit (1 MB)" in response.text
    assert response.headers["Retry-After"] == "1"
