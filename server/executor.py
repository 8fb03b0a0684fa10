"""Running SPARQL where a runaway query can be stopped: a pool of worker processes.

pyoxigraph has no query timeout or cancellation in its Python API (oxigraph/oxigraph#1926),
and a thread cannot be stopped, so each query runs in a worker process that opens the store
folder read-only (or, for a remote store's URL, sends it to that server: server.remote_engine,
under the same checks, deadline and row limit). A query past its deadline gets its worker
killed (its CPU use ends there) and a fresh worker takes its place; the other workers keep
answering.

A worker reads every query text itself (kg.sparql_text) and refuses what would reach the
network, after composing any VALUES bindings: the check sees the exact text the engine runs,
and reading it costs the worker's time, under the request's deadline. Each worker has an
address-space cap (RLIMIT_AS); one that goes past it dies or says so, and is replaced.
"""

from __future__ import annotations

import queue
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIX_IRIS
from kg.sparql_text import UnsafeRequest, bind_values, read_request, refuse_unsafe
from kg.store import REFRESH_DEFAULT_GRAPH, is_remote_spec
from server import results
from server.negotiation import result_form
from server.remote_engine import RemoteEngine

Engine = ox.Store | RemoteEngine  # what jobs run on: a store folder, or a remote store
ARRIVED = "kg.arrived"  # WSGI environ key: time.monotonic() when the request arrived
NOT_RUN = "html"  # an output that asks only for the result form (a page will run the query)


class QueryTimeout(RuntimeError):
    """The query was stopped at one of the server's limits (its time, or its memory): 503."""


class QueryOverMemory(QueryTimeout):
    """The query took its worker past the worker's memory limit; the worker was replaced."""


class QueryFailed(RuntimeError):
    """The engine rejected the query (``syntax`` says whether the text is malformed)."""

    def __init__(self, message: str, syntax: bool = False):
        super().__init__(message)
        self.syntax = syntax


class NoFormat(QueryFailed):
    """The query's result form (``form``: SELECT, ASK, GRAPH) has no output the caller took."""

    def __init__(self, form: str):
        super().__init__(f"no acceptable format for a {form} result")
        self.form = form


@dataclass(frozen=True)
class Cell:
    """One RDF term of a result row, as plain data that crosses process boundaries."""

    kind: str  # uri, bnode, literal, triple
    value: str
    datatype: str | None = None
    lang: str | None = None

    @property
    def is_iri(self) -> bool:
        return self.kind == "uri"

    def to_term(self):
        if self.kind == "uri":
            return ox.NamedNode(self.value)
        if self.kind == "bnode":
            return ox.BlankNode(self.value)
        if self.lang:
            return ox.Literal(self.value, language=self.lang)
        datatype = ox.NamedNode(self.datatype) if self.datatype else None
        return ox.Literal(self.value, datatype=datatype)

    @classmethod
    def of(cls, term) -> Cell:
        if isinstance(term, ox.NamedNode):
            return cls("uri", term.value)
        if isinstance(term, ox.BlankNode):
            return cls("bnode", term.value)
        if isinstance(term, ox.Literal):
            return cls("literal", term.value, term.datatype.value, term.language)
        return cls("triple", str(term))


@dataclass(frozen=True)
class Job:
    """One query to run.

    ``output`` is a results format name, ``rows`` for Python rows, or a format per result
    form (SELECT, ASK, GRAPH), known only once the worker has read the text; NOT_RUN there
    answers with the form alone. ``values`` are (variable, SPARQL term) pairs the worker
    binds with VALUES before it checks the text.
    """

    text: str
    output: str | Mapping[str, str] = "rows"
    max_rows: int = 10_000
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    substitutions: tuple[tuple[str, Cell], ...] = ()
    base_iri: str | None = None  # relative IRIs resolve against it (the endpoint's URL)
    values: tuple[tuple[str, str], ...] = ()


@dataclass
class Outcome:
    form: str  # SELECT, ASK or GRAPH (CONSTRUCT/DESCRIBE)
    body: bytes = b""
    names: list[str] = field(default_factory=list)
    rows: list[tuple[Cell | None, ...]] = field(default_factory=list)
    answer: bool | None = None
    truncated: bool = False


def _take(iterator, limit: int) -> tuple[list, bool]:
    taken = []
    for item in iterator:
        if len(taken) == limit:
            return taken, True
        taken.append(item)
    return taken, False


def _holds(store: Engine, graph: str) -> bool:
    try:
        return store.contains_named_graph(ox.NamedNode(graph))
    except ValueError:  # not an IRI: no graph of the store's
        return False


def screen(job: Job, store: Engine) -> tuple[str, str]:
    """The text to run (``job.values`` bound) and its result form, or UnsafeRequest.

    Refuses updates, SERVICE, LOAD and graphs ``store`` lacks, read from the final text.
    """
    text = bind_values(job.text, dict(job.values))
    info = read_request(text)
    refuse_unsafe(info)
    named = info.from_graphs + info.from_named_graphs
    named += list(job.default_graphs or ()) + list(job.named_graphs or ())
    unknown = sorted({g for g in named if not _holds(store, g)})
    if unknown:
        raise UnsafeRequest("this store holds no graph " + ", ".join(f"<{g}>" for g in unknown)
                            + " (it never fetches graphs from elsewhere)")
    return text, result_form(info.form)


def execute(store: Engine, job: Job) -> Outcome:
    """Check and run ``job`` on ``store`` and shape the answer as the job asks.

    Results are read lazily from the engine and never past ``max_rows`` (+1 to tell a cut):
    the Rust writer gets a byte budget, and a result past it is taken row by row instead.
    """
    text, form = screen(job, store)
    output = job.output if isinstance(job.output, str) else job.output.get(form)
    if output is None:
        raise NoFormat(form)
    if output == NOT_RUN:
        return Outcome(form)
    # The data model's prefixes are predeclared, as in `kg query` (named queries rely on them).
    options: dict = {"prefixes": PREFIX_IRIS, "base_iri": job.base_iri}
    if job.default_graphs is not None or job.named_graphs is not None:
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs or ()]
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs or ()]
    if job.substitutions:
        options["substitutions"] = {ox.Variable(n): c.to_term() for n, c in job.substitutions}
    answer = store.query(text, **options)
    if isinstance(answer, ox.QuerySolutions) and output in results.NATIVE_SELECT:
        names = [v.value for v in answer.variables]
        body = results.native_select(answer, output, job.max_rows)
        if body is not None and results.fits(body, output, job.max_rows):
            return Outcome("SELECT", body, names=names)
        answer = store.query(text, **options)  # to cut it at the limit
    if isinstance(answer, ox.QueryBoolean):
        value = bool(answer)
        body = b"" if output == "rows" else results.ASK_WRITERS[output](value)
        return Outcome("ASK", body, answer=value)
    if isinstance(answer, ox.QuerySolutions):
        names = [v.value for v in answer.variables]
        rows, cut = _take((tuple(s[n] for n in names) for s in answer), job.max_rows)
        if output == "rows":
            cells = [tuple(None if t is None else Cell.of(t) for t in r) for r in rows]
            return Outcome("SELECT", names=names, rows=cells, truncated=cut)
        body = results.SELECT_WRITERS[output](names, rows)
        return Outcome("SELECT", body, names=names, truncated=cut)
    triples, cut = _take(answer, job.max_rows)
    if output == "rows":
        cells = [(Cell.of(t.subject), Cell.of(t.predicate), Cell.of(t.object)) for t in triples]
        return Outcome("GRAPH", names=["subject", "predicate", "object"], rows=cells,
                       truncated=cut)
    body = ox.serialize(triples, format=results.GRAPH_FORMATS[output]) or b""
    return Outcome("GRAPH", body, truncated=cut)


def _answer(store: Engine, job: Job) -> tuple[str, object]:
    try:
        return "ok", execute(store, job)
    except NoFormat as error:
        return "format", error.form
    except UnsafeRequest as error:
        return "refused", str(error)
    except SyntaxError as error:
        return "syntax", str(error)
    except MemoryError:
        return "memory", None
    except TimeoutError:  # the remote store did not answer within the time left
        return "timeout", None
    except Exception as error:  # the engine's own errors go back to the client as text
        return "error", f"{type(error).__name__}: {error}"


def _update(path: str, text: str) -> tuple[str, object]:
    try:
        info = read_request(text)
        if info.load or info.service:
            raise UnsafeRequest("LOAD and SERVICE are refused: this endpoint never fetches "
                                "anything from the network")
        store = ox.Store(path)
        store.update(text)
        store.flush()
        return "ok", None
    except UnsafeRequest as error:
        return "refused", str(error)
    except SyntaxError as error:
        return "syntax", str(error)
    except Exception as error:
        return "error", f"{type(error).__name__}: {error}"


def open_engine(path: str) -> Engine:
    """What a reader runs jobs on: the store folder opened read-only, or the remote store
    at an http(s) URL (which the server never writes)."""
    if is_remote_spec(path):
        return RemoteEngine(path)
    return ox.Store.read_only(path)


def receive(conn: Connection) -> object:
    """The next job (or task) from the pool, with this process's socket timeout set to the
    time the request has left: a remote store is never waited for past the deadline."""
    job, seconds = conn.recv()
    socket.setdefaulttimeout(max(seconds, 0.001))
    return job


def cap_memory(memory_mb: int | None) -> None:
    """Limit this (worker) process to ``memory_mb`` of address space (None: no cap), so a
    runaway allocation fails in the worker instead of starving the machine."""
    if memory_mb:
        cap = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def serve_jobs(path: str, fd: int, write: bool = False, memory_mb: int | None = None) -> None:
    """The worker side: answer jobs from the socket ``fd`` until it closes.

    Read-only workers take Jobs, within ``memory_mb`` of address space, and exit after
    running out of memory (their heap is suspect); a ``write`` worker takes one update
    text and exits.
    """
    conn = Connection(fd)
    if write:
        conn.send(_update(path, conn.recv()))
        return
    store = open_engine(path)
    cap_memory(memory_mb)
    while True:
        try:
            job = receive(conn)
        except EOFError:
            return
        status, payload = _answer(store, job)
        conn.send((status, payload))
        if status == "memory":
            return


class _Worker:
    """A worker process (``python -m server.query_worker``, or another ``module`` that
    answers the same way) and the socket to it.

    A fresh interpreter rather than multiprocessing's spawn, so the worker never re-runs
    the parent's main module (a script, pytest, the kg entry point).
    """

    def __init__(self, path: str, write: bool = False, memory_mb: int | None = None,
                 module: str = "server.query_worker"):
        ours, theirs = socket.socketpair()
        command = [sys.executable, "-m", module, path, str(theirs.fileno())]
        if write:
            command.append("--write")
        if memory_mb:
            command += ["--memory", str(memory_mb)]
        self.process = subprocess.Popen(command, pass_fds=[theirs.fileno()],
                                        stdin=subprocess.DEVNULL)
        theirs.close()
        self.conn = Connection(ours.detach())

    @property
    def pid(self) -> int:
        return self.process.pid

    def kill(self) -> int:
        """Stop the process; its exit status (negative: the signal that ended it)."""
        self.process.kill()
        self.process.wait(5)
        self.conn.close()
        return self.process.returncode


def _unwrap(status: str, payload):
    if status == "ok":
        return payload
    if status == "refused":
        raise UnsafeRequest(str(payload))
    if status == "format":
        raise NoFormat(str(payload))
    raise QueryFailed(str(payload), syntax=status == "syntax")


def too_late(timeout: float) -> QueryTimeout:
    return QueryTimeout(f"the request took longer than {timeout:g} s from its arrival "
                        "(waiting included); its query was stopped")


class QueryPool:
    """``size`` worker processes over the store folder ``path``; ``run`` is thread-safe.


    Each worker may use ``memory_mb`` of address space (None: no cap). ``module`` is the
    workers' entry point (server.task_worker runs page work, not SPARQL).
    """

    def __init__(self, path: str, size: int = 2, memory_mb: int | None = None,
                 module: str = "server.query_worker"):
        self.path = path
        self.size = size
        self.memory_mb = memory_mb
        self.module = module
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        self.start()

    def start(self) -> None:
        for _ in range(self.size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self.path, memory_mb=self.memory_mb, module=self.module)
        with self._lock:
            self._workers.append(worker)
        self._idle.put(worker)

    def _retire(self, worker: _Worker, replace: bool = True) -> int:
        status = worker.kill()
        with self._lock:
            if worker in self._workers:
                self._workers.remove(worker)
        if replace:
            threading.Thread(target=self._add, daemon=True).start()
        return status

    def _over_memory(self) -> QueryOverMemory:
        return QueryOverMemory(f"the request needed more than a worker's memory limit "
                               f"({self.memory_mb} MB) and was stopped")

    def run(self, job: Job, timeout: float, arrived: float | None = None) -> Outcome:
        """The outcome of ``job``, or QueryTimeout once ``timeout`` seconds have passed
        since ``arrived`` (a time.monotonic() value; default now): time spent queued
        for a thread or a worker counts."""
        deadline = (time.monotonic() if arrived is None else arrived) + timeout
        remaining = deadline - time.monotonic()
        try:
            if remaining <= 0:  # queued for a thread past the limit: no worker is touched
                raise queue.Empty
            worker = self._idle.get(timeout=remaining)
        except queue.Empty:
            raise QueryTimeout(f"the request waited for a free query worker past its "
                               f"{timeout:g} s limit, counted from its arrival") from None
        try:
            worker.conn.send((job, deadline - time.monotonic()))
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._retire(worker)
                raise too_late(timeout)
            status, payload = worker.conn.recv()
        except (EOFError, OSError):
            if self._retire(worker) == -signal.SIGABRT:  # Rust aborts when allocation fails
                raise self._over_memory() from None
            raise QueryFailed("the query worker died") from None
        if status == "memory":
            self._retire(worker)
            raise self._over_memory()
        self._idle.put(worker)
        if status == "timeout":
            raise too_late(timeout)
        return _unwrap(status, payload)

    def close(self, wait: float = 5.0) -> None:
        """Stop every worker (waiting up to ``wait`` s for running queries to finish)."""
        deadline = time.monotonic() + wait
        for _ in range(self.size):
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            self._retire(worker, replace=False)
        with self._lock:
            leftovers, self._workers = self._workers, []
        for worker in leftovers:
            worker.kill()


def run_update(path: str, text: str, timeout: float) -> None:
    """Apply a SPARQL Update to the store folder in a killable process of its own.

    The default graph is the union of the named graphs, so it is rebuilt afterwards
    (what an update writes to the default graph itself does not survive).
    """
    worker = _Worker(path, write=True)
    try:
        worker.conn.send(f"{text.rstrip().rstrip(';')} ;\n{REFRESH_DEFAULT_GRAPH}")
        if not worker.conn.poll(timeout):
            raise QueryTimeout(f"the update ran longer than {timeout:g} s and was stopped")
        status, payload = worker.conn.recv()
    except (EOFError, OSError):
        raise QueryFailed("the update process died") from None
    finally:
        worker.kill()
    _unwrap(status, payload)
