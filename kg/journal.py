"""Crash safety of a store folder: an undo journal per write transaction, and a marker that
the cross-article merge is pending.

A build killed half way must not leave the store wrong for good. Each transaction (one
article's graph, one merge) logs every quad it is about to add or remove, as N-Quads lines
flushed to ``newskg-undo.journal`` before the store is touched, and deletes the journal when
done. A journal found later belongs to an interrupted transaction: undoing its lines in
reverse order restores the store as it was before (each line only undoes a change that
really happened, so replaying a journal twice, or one whose last writes never ran, is
harmless; a graph that was empty is logged once and dropped whole). The marker
``newskg-merge-pending`` (holding the base IRI) is written before a build's first write and
removed after its merge; while it exists the merge still has to run. A process kill
(SIGKILL) is covered; a power cut is not (nothing is fsynced).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

JOURNAL = "newskg-undo.journal"
PENDING = "newskg-merge-pending"
_ADDED, _REMOVED, _NEW_GRAPH = "+", "-", "*"


class Journal:
    """The undo log of one transaction, appended before each write it describes."""

    def __init__(self, path: Path, label: str) -> None:
        self.path = path
        self.new_graphs: set[ox.NamedNode] = set()
        self._file = path.open("w", encoding="utf-8")
        self._file.write(f"# {label}\n")
        self._file.flush()

    def log(self, sign: str, quads: Iterable[ox.Quad]) -> None:
        self._file.write("".join(f"{sign} {quad} .\n" for quad in quads))
        self._file.flush()

    def log_new_graph(self, graph: ox.NamedNode) -> None:
        """A graph empty so far: undoing drops it whole, so what goes into it (and what
        that adds to the union) needs no line of its own (a new article: a third of the
        cost of its write)."""
        self._file.write(f"{_NEW_GRAPH} {graph}\n")
        self._file.flush()
        self.new_graphs.add(graph)

    def covers(self, graphs: Iterable[ox.NamedNode]) -> bool:
        """True when writes into ``graphs`` are undone without being logged."""
        return set(graphs) <= self.new_graphs

    def close(self, done: bool = True) -> None:
        """Close the log; ``done`` (the transaction's writes all ran) also deletes it."""
        self._file.close()
        if done:
            self.path.unlink()


@contextmanager
def transaction(folder: Path, engine: ox.Store, label: str) -> Iterator[Journal]:
    """The journal of one transaction in the store ``folder``: all or none of the writes
    logged in it survive a crash (an exception undoes them at once)."""
    journal = Journal(folder / JOURNAL, label)
    try:
        yield journal
    except BaseException:
        journal.close(done=False)
        undo(engine, folder)
        raise
    journal.close()


def undo(engine: ox.Store, folder: Path) -> bool:
    """Undo the interrupted transaction whose journal is in ``folder``; True if there was one."""
    path = folder / JOURNAL
    if not path.exists():
        return False
    for sign, entry in reversed(list(_entries(path.read_text(encoding="utf-8")))):
        if sign == _ADDED:
            engine.remove(entry)
        elif sign == _REMOVED:
            engine.add(entry)
        else:
            _drop_graph(engine, entry)
    path.unlink()
    return True


def _drop_graph(engine: ox.Store, graph: ox.NamedNode) -> None:
    """Remove a graph, and from the union each of its triples no other graph holds."""
    default = ox.DefaultGraph()
    for quad in list(engine.quads_for_pattern(None, None, None, graph)):
        engine.remove(quad)
        triple = (quad.subject, quad.predicate, quad.object)
        if all(other.graph_name == default for other in engine.quads_for_pattern(*triple)):
            engine.remove(ox.Quad(*triple, default))
    engine.remove_graph(graph)


def _entries(text: str) -> Iterator[tuple[str, ox.Quad | ox.NamedNode]]:
    """(sign, quad or new graph) of each complete line; a line cut short by the kill is
    left out (its write had not started)."""
    lines = text.split("\n")[:-1]  # the part after the last newline is incomplete
    run: list[str] = []
    sign = ""
    for line in [*lines, ""]:
        if line[:1] != sign or not line:
            if run:
                quads = ox.parse("".join(run), format=ox.RdfFormat.N_QUADS)
                yield from ((sign, quad) for quad in quads)
            run, sign = [], line[:1]
        if line[:1] in (_ADDED, _REMOVED):
            run.append(line[2:] + "\n")
        elif line[:1] == _NEW_GRAPH:
            yield _NEW_GRAPH, ox.NamedNode(line[3:-1])  # "* <iri>"


def mark_pending(folder: Path | None, base: str) -> None:
    """Say that the merge must run (before the first article write of a build)."""
    if folder is not None:
        (folder / PENDING).write_text(base, encoding="utf-8")


def pending_base(folder: Path | None) -> str | None:
    """The base IRI of a merge that a build started but did not finish, if any."""
    path = folder / PENDING if folder is not None else None
    return path.read_text(encoding="utf-8") if path is not None and path.exists() else None


def clear_pending(folder: Path | None) -> None:
    if folder is not None:
        (folder / PENDING).unlink(missing_ok=True)


def needs_recovery(folder: Path) -> bool:
    """True when an interrupted build left work behind in the store ``folder``."""
    return (folder / JOURNAL).exists() or (folder / PENDING).exists()
