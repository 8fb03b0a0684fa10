"""The graph the server answers from: a store folder or a remote SPARQL store, its query
workers, and facts about it.

Attached to the app with ``init_app``; every page and protocol route asks it, never the
store directly, so each query gets the time limit and the row limit.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

from flask import Flask, current_app, has_request_context, request
from rdflib import Dataset

from kg.formats import RdfFormat
from kg.local_store import LocalStore
from kg.sparql_text import UnsafeRequest
from kg.store import RemoteStoreError, is_remote_spec, open_store
from server.executor import ARRIVED, Cell, Job, Outcome, QueryPool, run_update, too_late
from server.tasks import Task

Row = dict[str, Cell | None]
NAMED_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"
REMOTE_READ_ONLY = ("a remote store is served read-only: send updates to the store itself, "
                    "not through this server")


def materialize(dataset: Dataset, path: str | Path) -> Path:
    """Copy an rdflib Dataset (e.g. an in-memory build) into a store folder workers can open."""
    store = LocalStore(Path(path))
    try:
        store.load_nquads(dataset.serialize(format="nquads").encode("utf-8"))
    finally:
        store.close()
    return Path(path)


def _arrived() -> float | None:
    """When this request arrived (server.serving stamps it), or None outside a request."""
    return request.environ.get(ARRIVED) if has_request_context() else None


class Backend:
    """The store (a folder or a remote store's URL), its worker pool, the named graphs it
    holds and cached counts."""

    def __init__(self, path: str | Path, workers: int = 2, timeout: float = 30.0,
                 max_rows: int = 10_000, worker_memory: int | None = None):
        self.path = str(path)
        self.timeout = timeout
        self.max_rows = max_rows
        self.worker_memory = worker_memory
        self.pool = QueryPool(self.path, workers, worker_memory)
        self._tasks: QueryPool | None = None  # started by the first page task
        self._update_lock = threading.Lock()
        self._stats: dict[str, int] | None = None
        self._export_dir = Path(tempfile.mkdtemp(prefix="kg-exports-"))
        self._open()

    def _open(self) -> None:
        store = open_store(self.path, read_only=True)
        try:
            self.graphs = frozenset(str(row[0]) for row in store.query(NAMED_GRAPHS))
        finally:
            store.close()
        self._stats = None
        self._exports: dict[str, Path] = {}

    def run(self, job: Job) -> Outcome:
        """Run ``job`` within the time limit, counted from the request's arrival."""
        return self.pool.run(job, self.timeout, _arrived())

    def rows(self, text: str, **bindings: Cell) -> list[Row]:
        """SELECT rows as dicts; ``bindings`` pre-bind variables (never spliced into text)."""
        outcome = self.run(Job(text, "rows", self.max_rows,
                               substitutions=tuple(bindings.items())))
        return [dict(zip(outcome.names, row)) for row in outcome.rows]

    def task(self, name: str, *args: object) -> Any:
        """Run a page's in-process work (server.tasks) in the task worker, under the query
        time limit (counted from the request's arrival) and the worker memory cap:
        QueryTimeout past either; the task's own exception if it raised one."""
        with self._update_lock:
            if self._tasks is None:
                self._tasks = QueryPool(self.path, 1, self.worker_memory,
                                        module="server.task_worker")
        value, problem = self._tasks.run(Task(name, args), self.timeout, _arrived())
        if isinstance(problem, TimeoutError):  # a remote store slower than the time left
            raise too_late(self.timeout)
        if problem is not None:
            raise problem
        return value

    def stats(self) -> dict[str, int]:
        """Counts by type, computed once per store state (the store is read-only between
        updates)."""
        if self._stats is None:
            self._stats = self.task("stats")
        return self._stats

    def export(self, fmt: RdfFormat) -> Path:
        """A file holding the whole graph in ``fmt``, written once per store state (an update
        rewrites it atomically; a download already reading the old file keeps it)."""
        if fmt.name not in self._exports:
            path = self._export_dir / f"newskg.{fmt.extension}"
            self._exports[fmt.name] = self.task("export", str(path), fmt.name)
        return self._exports[fmt.name]

    def update(self, text: str) -> None:
        """Apply an update: stop the readers, write in a killable process, reopen."""
        if is_remote_spec(self.path):
            raise UnsafeRequest(REMOTE_READ_ONLY)
        with self._update_lock:
            self.pool.close(wait=self.timeout)
            tasks, self._tasks = self._tasks, None
            if tasks is not None:
                tasks.close(wait=self.timeout)
            try:
                run_update(self.path, text, self.timeout)
            finally:
                self.pool.start()
                self._open()

    def close(self) -> None:
        self.pool.close(wait=0.5)
        if self._tasks is not None:
            self._tasks.close(wait=0.5)
        shutil.rmtree(self._export_dir, ignore_errors=True)


def init_app(app: Flask) -> Backend:
    """Open the store named by STORE (a folder, or a remote store's URL, served read-only),
    or copy DATASET into a temporary store folder."""
    config = app.config
    path = config.get("STORE")
    if path is None:
        if config.get("DATASET") is None:
            raise ValueError("create_app needs STORE (a store folder) or DATASET")
        path = tempfile.mkdtemp(prefix="kg-serve-")
        atexit.register(shutil.rmtree, path, True)
        materialize(config["DATASET"], path)
    elif is_remote_spec(path):
        if config.get("UPDATE_TOKEN"):
            raise RemoteStoreError(f"{REMOTE_READ_ONLY} (serve it without --update-token "
                                   "and KG_UPDATE_TOKEN)")
    elif not Path(path, "CURRENT").is_file():
        raise FileNotFoundError(f"no graph store at '{path}'")
    backend = Backend(path, config["WORKERS"], config["QUERY_TIMEOUT"], config["MAX_ROWS"],
                      config.get("WORKER_MEMORY"))
    atexit.register(backend.close)
    app.extensions["kg"] = backend
    return backend


def backend() -> Backend:
    return current_app.extensions["kg"]
