"""Issue 14, items 3 and 4: --max-rows bounds a query's work, each worker has a memory cap,
and the time limit counts from the request's arrival (time queued included)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.server.conftest import start_server, stop_server
from tests.server.test_safety import RUNAWAY, _descendants, _rows_in

pytestmark = pytest.mark.slow

CROSS_PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"
# Each BIND doubles the string: 8 bytes * 2^32, far past any worker's memory.
DOUBLINGS = ('SELECT (STRLEN(?a32) AS ?n) WHERE { BIND("xxxxxxxx" AS ?a0) '
             + " ".join(f"BIND(CONCAT(?a{i}, ?a{i}) AS ?a{i + 1})" for i in range(32)) + " }")
MAX_ROWS, MEMORY_MB, TIMEOUT = 1000, 800, 20


@pytest.fixture(scope="module")
def limited(store_dir) -> Iterator[tuple[int, str]]:
    """A `kg serve` with a small row limit and memory cap: (pid, base URL)."""
    process, url = start_server(store_dir, "--max-rows", str(MAX_ROWS), "--worker-memory",
                                str(MEMORY_MB), "--timeout", str(TIMEOUT),
                                "--query-workers", "2")
    yield process.pid, url
    stop_server(process)


def _peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0]) / 1024


@pytest.mark.parametrize("output", ["json", "xml", "csv", "tsv"])
def test_a_cross_product_stops_at_max_rows(limited, output):
    pid, url = limited
    total = requests.get(url + "/sparql", timeout=30, params={
        "query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "format": "json"}).json()
    triples = int(total["results"]["bindings"][0]["n"]["value"])
    assert triples**2 > 1000 * MAX_ROWS  # the full answer would be millions of rows
    started = time.monotonic()
    response = requests.get(url + "/sparql", params={"query": CROSS_PRODUCT, "format": output},
                            timeout=60)
    assert response.status_code == 200
    assert time.monotonic() - started < TIMEOUT / 2
    assert _rows_in(response.text, output) == MAX_ROWS
    assert f"cut at {MAX_ROWS} rows" in response.headers["Warning"]
    assert response.headers["X-KG-Truncated"] == str(MAX_ROWS)
    assert max(_peak_rss_mb(worker) for worker in _descendants(pid)) < MEMORY_MB


def test_the_query_page_cuts_the_cross_product_too(limited):
    _, url = limited
    page = requests.get(url + "/query", params={"query": CROSS_PRODUCT}, timeout=60)
    assert page.status_code == 200
    assert f"Results cut at {MAX_ROWS} rows" in page.text
    download = requests.get(url + "/query/download", timeout=60,
                            params={"query": CROSS_PRODUCT, "format": "csv"})
    assert download.status_code == 200 and _rows_in(download.text, "csv") == MAX_ROWS


def test_a_worker_past_its_memory_cap_is_replaced(limited):
    pid, url = limited
    before = set(_descendants(pid))
    response = requests.get(url + "/sparql", params={"query": DOUBLINGS}, timeout=60)
    assert response.status_code == 503
    assert f"memory limit ({MEMORY_MB} MB)" in response.text
    deadline = time.monotonic() + 30
    while len(set(_descendants(pid)) - before) < 1 and time.monotonic() < deadline:
        time.sleep(0.2)
    after = set(_descendants(pid))
    assert len(after) == 2 and len(after - before) == 1  # one worker replaced, one kept
    for _ in range(4):  # both workers answer
        ask = requests.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        assert ask.status_code == 200 and ask.json()["boolean"] is True


def test_time_queued_counts_toward_the_limit(store_dir, serve):
    """Two threads, one worker, four runaway queries ahead: a trivial query is answered
    (503 or 200) within its own limit from arrival, not after the queue drains."""
    timeout = 2.0
    _, url = serve(store_dir, "--threads", "2", "--query-workers", "1",
                   "--timeout", str(timeout))
    answers: list[int] = []

    def runaway() -> None:
        answers.append(requests.get(url + "/sparql", params={"query": RUNAWAY},
                                    timeout=60).status_code)

    slow = [threading.Thread(target=runaway) for _ in range(4)]
    for thread in slow:
        thread.start()
        time.sleep(0.05)
    time.sleep(0.3)
    started = time.monotonic()
    quick = requests.get(url + "/sparql", params={"query": "ASK {}"}, timeout=60)
    waited = time.monotonic() - started
    for thread in slow:
        thread.join(60)
    assert answers == [503] * 4
    assert quick.status_code in (200, 503)
    assert waited < timeout + 1.0, waited
    if quick.status_code == 503:
        assert "from its arrival" in quick.text
