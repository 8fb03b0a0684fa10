"""The small parts of scaling: ordered bounded maps, scheduler and store specs."""

from __future__ import annotations

import pytest

from kg.distributed import SchedulerError, local_workers
from kg.pipeline import in_order
from kg.remote_store import Endpoints, endpoints
from kg.store import RemoteStoreError, is_remote_spec


@pytest.mark.parametrize("jobs, window", [([], 2), ([1], 2), ([1, 2, 3, 4, 5], 1),
                                          ([1, 2, 3, 4, 5], 2), ([5, 4, 3], 10)])
def test_in_order_keeps_input_order_and_at_most_window_jobs_in_flight(jobs, window):
    in_flight: list[int] = []
    peak = 0

    def submit(job: int) -> int:
        nonlocal peak
        in_flight.append(job)
        peak = max(peak, len(in_flight))
        return job

    def wait(job: int) -> int:
        in_flight.remove(job)
        return job * 10

    assert list(in_order(submit, jobs, wait, window)) == [job * 10 for job in jobs]
    assert peak <= window


@pytest.mark.parametrize("scheduler, expected", [
    ("local:1", 1), ("local:4", 4), ("tcp://10.0.0.5:8786", None), ("tls://sched:8786", None)])
def test_scheduler_spec(scheduler, expected):
    assert local_workers(scheduler) == expected


@pytest.mark.parametrize("scheduler", ["local:", "local:0", "local:two", "sched:8786"])
def test_bad_scheduler_spec_says_what_to_write(scheduler):
    with pytest.raises(SchedulerError, match="local:N|tcp://"):
        local_workers(scheduler)


@pytest.mark.parametrize("spec, remote", [
    ("http://localhost:7878", True), ("https://example.org/sparql", True),
    ("sparql:http://localhost:7878/query", True), ("store/", False), (None, False)])
def test_remote_spec(spec, remote):
    assert is_remote_spec(spec) is remote


@pytest.mark.parametrize("spec, expected", [
    ("http://localhost:7878", Endpoints("http://localhost:7878/query",
                                        "http://localhost:7878/update",
                                        "http://localhost:7878/store")),
    ("sparql:http://localhost:7878/query", Endpoints("http://localhost:7878/query",
                                                     "http://localhost:7878/update",
                                                     "http://localhost:7878/store")),
    ("http://fuseki:3030/news/sparql", Endpoints("http://fuseki:3030/news/sparql",
                                                 "http://fuseki:3030/news/update",
                                                 "http://fuseki:3030/news/store")),
    ("http://fuseki:3030/news/query/", Endpoints("http://fuseki:3030/news/query/",
                                                 "http://fuseki:3030/news/update",
                                                 "http://fuseki:3030/news/store")),
])
def test_endpoints_beside_the_query_url(spec, expected):
    assert endpoints(spec) == expected


def test_update_url_that_cannot_be_guessed_asks_for_the_option():
    with pytest.raises(RemoteStoreError, match="--update-url"):
        endpoints("http://graphdb:7200/repositories/news")
    given = endpoints("http://graphdb:7200/repositories/news", "http://graphdb:7200/u")
    assert given == Endpoints("http://graphdb:7200/repositories/news", "http://graphdb:7200/u",
                              None)


@pytest.mark.parametrize("spec", ["sparql:store/", "sparql:ftp://host/query"])
def test_a_remote_spec_that_is_no_http_url_says_so(spec):
    with pytest.raises(RemoteStoreError, match="http"):
        endpoints(spec)
