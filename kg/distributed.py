"""Extraction on a Dask cluster: chunks of articles go to the workers, records come back.

``SCHEDULER`` is a scheduler address (``tcp://host:8786``) or ``local:N``, which starts a
``distributed.LocalCluster`` of N single-threaded worker processes for this build. Every
worker needs newskg and the spaCy model installed; each loads the model once and keeps it.
The graph is assembled here, from the returned records, exactly as in a serial build.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from kg.extract.records import ArticleFacts
from kg.ingest import Article
from kg.pipeline import chunks, facts_of_chunk, in_order

LOCAL = "local:"


class SchedulerError(ValueError):
    """A --dask value that names no scheduler; the message says what to write."""


def local_workers(scheduler: str) -> int | None:
    """N for ``local:N``, None for a scheduler address."""
    if not scheduler.startswith(LOCAL):
        if "://" not in scheduler:
            raise SchedulerError(f"--dask '{scheduler}': use tcp://HOST:PORT or local:N")
        return None
    count = scheduler[len(LOCAL):]
    if not count.isdigit() or int(count) < 1:
        raise SchedulerError(f"--dask '{scheduler}': N in local:N must be a positive number")
    return int(count)


@contextmanager
def dask_client(scheduler: str):
    """A connected ``distributed.Client``; a local cluster lives as long as the client."""
    from distributed import Client, LocalCluster

    workers = local_workers(scheduler)
    if workers is None:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def extract_on_dask(articles: Iterable[Article], scheduler: str,
                    model: str | None = None) -> Iterator[ArticleFacts]:
    """Facts per article, in input order, with a bounded number of chunks in flight."""
    with dask_client(scheduler) as client:
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})))

        def submit(chunk: list[Article]):
            return client.submit(facts_of_chunk, chunk, model, pure=False)

        for facts in in_order(submit, chunks(articles), lambda future: future.result(), window):
            yield from facts
