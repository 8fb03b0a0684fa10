"""Running SPARQL where a runaway query can be stopped: a pool of worker processes.

pyoxigraph has no query timeout or cancellation in its Python API (oxigraph/oxigraph#1926),
and a thread cannot be stopped, so each query runs in a worker process that opens the store
folder read-only. A query past its deadline gets its worker killed (its CPU use ends
there) and a fresh worker takes its place; the other workers keep answering.
"""

from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIX_IRIS
from kg.store import REFRESH_DEFAULT_GRAPH
from server import results


class QueryTimeout(RuntimeError):
    """The query ran past its time limit and was stopped."""


class QueryFailed(RuntimeError):
    """The engine rejected the query (``syntax`` says whether the text is malformed)."""

    def __init__(self, message: str, syntax: bool = False):
        super().__init__(message)
        self.syntax = syntax


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
    """One query to run; ``output`` is a results format name or ``rows`` for Python rows."""

    text: str
    output: str = "rows"
    max_rows: int = 10_000
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    substitutions: tuple[tuple[str, Cell], ...] = ()
    base_iri: str | None = None  # relative IRIs resolve against it (the endpoint's URL)


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


def execute(store: ox.Store, job: Job) -> Outcome:
    """Run ``job`` on ``store`` and shape the answer as the job asks."""
    # The data model's prefixes are predeclared, as in `kg query` (named queries rely on them).
    options: dict = {"prefixes": PREFIX_IRIS, "base_iri": job.base_iri}
    if job.default_graphs is not None or job.named_graphs is not None:
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs or ()]
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs or ()]
    if job.substitutions:
        options["substitutions"] = {ox.Variable(n): c.to_term() for n, c in job.substitutions}
    answer = store.query(job.text, **options)
    if isinstance(answer, ox.QuerySolutions) and job.output in results.NATIVE_SELECT:
        names = [v.value for v in answer.variables]
        body = answer.serialize(format=results.NATIVE_SELECT[job.output])
        if results.fits(body, job.output, job.max_rows):
            return Outcome("SELECT", body, names=names)
        answer = store.query(job.text, **options)  # to cut it at the limit
    if isinstance(answer, ox.QueryBoolean):
        value = bool(answer)
        body = b"" if job.output == "rows" else results.ASK_WRITERS[job.output](value)
        return Outcome("ASK", body, answer=value)
    if isinstance(answer, ox.QuerySolutions):
        names = [v.value for v in answer.variables]
        rows, cut = _take((tuple(s[n] for n in names) for s in answer), job.max_rows)
        if job.output == "rows":
            cells = [tuple(None if t is None else Cell.of(t) for t in r) for r in rows]
            return Outcome("SELECT", names=names, rows=cells, truncated=cut)
        body = results.SELECT_WRITERS[job.output](names, rows)
        return Outcome("SELECT", body, names=names, truncated=cut)
    triples, cut = _take(answer, job.max_rows)
    if job.output == "rows":
        cells = [(Cell.of(t.subject), Cell.of(t.predicate), Cell.of(t.object)) for t in triples]
        return Outcome("GRAPH", names=["subject", "predicate", "object"], rows=cells,
                       truncated=cut)
    body = ox.serialize(triples, format=results.GRAPH_FORMATS[job.output]) or b""
    return Outcome("GRAPH", body, truncated=cut)


def _answer(store: ox.Store, job: Job) -> tuple[str, object]:
    try:
        return "ok", execute(store, job)
    except SyntaxError as error:
        return "syntax", str(error)
    except Exception as error:  # the engine's own errors go back to the client as text
        return "error", f"{type(error).__name__}: {error}"


def serve_jobs(path: str, fd: int, write: bool = False) -> None:
    """The worker side: answer jobs from the socket ``fd`` until it closes.

    Read-only workers take Jobs; a ``write`` worker takes one update text and exits.
    """
    conn = Connection(fd)
    if write:
        text = conn.recv()
        try:
            store = ox.Store(path)
            store.update(text)
            store.flush()
            conn.send(("ok", None))
        except SyntaxError as error:
            conn.send(("syntax", str(error)))
        except Exception as error:
            conn.send(("error", f"{type(error).__name__}: {error}"))
        return
    store = ox.Store.read_only(path)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        conn.send(_answer(store, job))


class _Worker:
    """A worker process (``python -m server.query_worker``, or another ``module`` that
    answers the same way) and the socket to it.

    A fresh interpreter rather than multiprocessing's spawn, so the worker never re-runs
    the parent's main module (a script, pytest, the kg entry point).
    """

    def __init__(self, path: str, write: bool = False, module: str = "server.query_worker"):
        ours, theirs = socket.socketpair()
        command = [sys.executable, "-m", module, path, str(theirs.fileno())]
        self.process = subprocess.Popen(command + (["--write"] if write else []),
                                        pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        theirs.close()
        self.conn = Connection(ours.detach())

    @property
    def pid(self) -> int:
        return self.process.pid

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.conn.close()


def _unwrap(status: str, payload):
    if status == "ok":
        return payload
    raise QueryFailed(str(payload), syntax=status == "syntax")


class QueryPool:
    """``size`` worker processes over the store folder ``path``; ``run`` is thread-safe.
    ``module`` is the workers' entry point (server.task_worker runs page work, not SPARQL)."""

    def __init__(self, path: str, size: int = 2, module: str = "server.query_worker"):
        self.path = path
        self.size = size
        self.module = module
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        self.start()

    def start(self) -> None:
        for _ in range(self.size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self.path, module=self.module)
        with self._lock:
            self._workers.append(worker)
        self._idle.put(worker)

    def _retire(self, worker: _Worker, replace: bool = True) -> None:
        worker.kill()
        with self._lock:
            if worker in self._workers:
                self._workers.remove(worker)
        if replace:
            threading.Thread(target=self._add, daemon=True).start()

    def run(self, job: Job, timeout: float) -> Outcome:
        """The outcome of ``job``, or QueryTimeout once ``timeout`` seconds have passed
        (waiting for a free worker included)."""
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"no worker became free within {timeout:g} s") from None
        try:
            worker.conn.send(job)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._retire(worker)
                raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
            status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._retire(worker)
            raise QueryFailed("the query worker died") from None
        self._idle.put(worker)
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
