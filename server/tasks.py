"""Work a page does over the whole graph in Python (the home page's counts, the /graph
subgraph, exports), run in a killable worker process under the same time limit as queries.

The worker (``python -m server.task_worker``, see serve_tasks) opens the store (a folder or
a remote store) read-only (``kg.store.open_store``) and runs tasks by name; a task past the
deadline, or past the worker's memory cap, has its worker killed and replaced, like a runaway
query (server.executor.QueryPool).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from rdflib import Dataset

from kg.export import export
from kg.stats import graph_stats
from kg.store import open_store
from kg.viz import select_subgraph
from server.executor import cap_memory, receive


@dataclass(frozen=True)
class Task:
    """A task by name with its (picklable) arguments; the Dataset is the worker's own."""

    name: str
    args: tuple = ()


# "export" writes the file itself (kg.export streams from the store) and replies its path
TASKS: dict[str, Callable] = {"stats": graph_stats, "subgraph": select_subgraph,
                              "export": export}


# Made before the cap: a worker past it may have no memory left to make this reply.
_OVER_MEMORY = pickle.dumps(("memory", None))


def _reply(dataset: Dataset, task: Task) -> bytes:
    """The pickled reply to ``task``: ``("ok", (value, None))``, or ``("ok", (None,
    exception))`` when the task raised, so the page sees the task's own error (a bad filter,
    say) rather than a worker failure; ``("memory", None)`` past the memory cap. Returning
    drops the task's partial results before the reply is sent."""
    try:
        value, problem = TASKS[task.name](dataset, *task.args), None
    except MemoryError:
        return _OVER_MEMORY
    except Exception as error:  # goes back to the page that asked
        value, problem = None, error
    try:
        return pickle.dumps(("ok", (value, problem)))
    except MemoryError:
        return _OVER_MEMORY
    except Exception:  # an exception that does not pickle: its message then
        return pickle.dumps(("error", f"{type(problem).__name__}: {problem}"))


def serve_tasks(path: str, fd: int, memory_mb: int | None = None) -> None:
    """The worker side: answer Tasks from the socket ``fd`` until it closes, within
    ``memory_mb`` of address space; past it the worker replies so and exits (its heap is
    suspect), as a query worker does."""
    conn = Connection(fd)
    dataset = open_store(path, read_only=True)
    cap_memory(memory_mb)
    while True:
        try:
            task = receive(conn)
        except EOFError:
            return
        reply = _reply(dataset, task)
        conn.send_bytes(reply)
        if reply is _OVER_MEMORY:
            return
