"""Work a page does over the whole graph in Python (the home page's counts, the /graph
subgraph, exports), run in a killable worker process under the same time limit as queries.

The worker (``python -m server.task_worker``, see serve_tasks) opens the store folder
read-only as an rdflib Dataset and runs tasks by name; a task past the deadline has its
worker killed and replaced, like a runaway query (server.executor.QueryPool).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

import pyoxigraph as ox

from kg.export import serialize
from kg.stats import graph_stats
from kg.viz import select_subgraph


@dataclass(frozen=True)
class Task:
    """A task by name with its (picklable) arguments; the Dataset is the worker's own."""

    name: str
    args: tuple = ()


TASKS: dict[str, Callable] = {"stats": graph_stats, "subgraph": select_subgraph,
                              "export": serialize}


def serve_tasks(path: str, fd: int) -> None:
    """The worker side: answer Tasks from the socket ``fd`` until it closes. The reply is
    ``("ok", (value, None))``, or ``("ok", (None, exception))`` when the task raised, so
    the page sees the task's own error (a bad filter, say) rather than a worker failure."""
    from server.backend import read_only_dataset  # backend imports this module

    conn = Connection(fd)
    dataset = read_only_dataset(ox.Store.read_only(path))
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", (TASKS[task.name](dataset, *task.args), None)))
        except Exception as error:  # goes back to the page that asked
            try:
                conn.send(("ok", (None, error)))
            except Exception:  # an exception that does not pickle: its message then
                conn.send(("error", f"{type(error).__name__}: {error}"))
