"""The local ``GraphStore``: Oxigraph, in memory or in a folder, written natively.

Writes go straight to the engine, each term converted once; in a folder they are journaled
(``kg.journal``) inside a ``transaction`` so a killed process leaves nothing half done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, URIRef
from rdflib.term import Node

from kg import journal
from kg.rdf.namespaces import bind_prefixes
from kg.store import Quad, from_oxigraph, to_oxigraph

# One transaction of this many quads took three times as long as Oxigraph's bulk load.
BULK_QUADS = 50_000
# Oxigraph keeps what a folder store writes in RocksDB's in-memory tables until a flush:
# about 0.5 GB per million quads, so a 2,000-article batch held 2 GB. Flushing after this
# many quads written or removed kept a 2.4M-quad write at 241 MiB peak (1,317 without),
# no slower.
FLUSH_QUADS = 250_000


def _oxigraph_terms() -> Callable[[Node], object]:
    """Node -> Oxigraph term, each converted once (a cache, since subjects repeat)."""
    return lru_cache(maxsize=None)(to_oxigraph)


class LocalStore(Dataset):
    """An Oxigraph store: ``folder`` None keeps it in memory; ``read_only`` opens a folder
    that this process can never write to (the server's readers)."""

    def __init__(self, folder: Path | None = None, read_only: bool = False) -> None:
        if read_only:
            if folder is None:
                raise ValueError("a read-only store needs a folder")
            super().__init__(store=OxigraphStore(store=ox.Store.read_only(str(folder))),
                             default_union=False)
        else:
            super().__init__(store="Oxigraph", default_union=False)
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
                self.open(str(folder))
        self.folder = None if read_only else folder  # where journal and marker go
        self._journal: journal.Journal | None = None
        self._unflushed = 0  # quads written or removed since the last flush
        bind_prefixes(self)
        self._prefixes: dict[str, str] | None = None  # for the engine's own queries

    @property
    def engine(self) -> ox.Store:
        """The Oxigraph store underneath (oxrdflib's engine handle, pinned < 0.6)."""
        return self.store._inner

    @contextmanager
    def transaction(self, label: str) -> Iterator[None]:
        if self.folder is None or self._journal is not None:  # in memory, or nested
            yield
            return
        with journal.transaction(self.folder, self.engine, label) as log:
            self._journal = log
            try:
                yield
            finally:
                self._journal = None

    def mark_pending(self, base: str) -> None:
        journal.mark_pending(self.folder, base)

    def clear_pending(self) -> None:
        journal.clear_pending(self.folder)

    def recover(self) -> tuple[bool, str | None]:
        undone = self.folder is not None and journal.undo(self.engine, self.folder)
        return undone, journal.pending_base(self.folder)

    def add_quads(self, quads: Iterable[Quad]) -> None:
        """One bulk call; inside a ``transaction`` only the quads not there yet, journaled
        first. (Copying a graph into the union with a SPARQL INSERT per article was quicker
        on small stores but doubled the bytes per triple as the store grew.)"""
        term = _oxigraph_terms()
        default = ox.DefaultGraph()
        written = []
        for s, p, o, g in quads:
            triple = (term(s), term(p), term(o))
            written += [ox.Quad(*triple, term(g)), ox.Quad(*triple, default)]
        engine = self.engine
        log = self._journal
        if log is not None and not log.covers(quad.graph_name for quad in written[::2]):
            written = list(dict.fromkeys(quad for quad in written if quad not in engine))
            log.log("+", written)
        if log is not None and len(written) > BULK_QUADS:
            engine.bulk_extend(written)  # the journal makes it all-or-nothing, not the engine
        else:
            engine.extend(written)
            self._flush_every(len(written))

    def remove_quads(self, quads: Iterable[Quad]) -> None:
        """Remove the quads the store holds, then from the union each triple that no named
        graph holds any more. (Listing every graph of each triple instead took 58 us a quad
        when a rename moved a person named in thousands of articles.)"""
        engine = self.engine
        term = _oxigraph_terms()
        removed = list(dict.fromkeys(
            quad for s, p, o, g in quads
            if (quad := ox.Quad(term(s), term(p), term(o), term(g))) in engine))
        self._remove(removed)
        default = ox.DefaultGraph()
        triples = dict.fromkeys((quad.subject, quad.predicate, quad.object) for quad in removed)
        self._remove([union for triple in triples
                      if not any(held.graph_name != default
                                 for held in engine.quads_for_pattern(*triple))
                      and (union := ox.Quad(*triple, default)) in engine])

    def _remove(self, quads: list[ox.Quad]) -> None:
        """Remove quads the store holds, journaled first inside a ``transaction``."""
        if self._journal is not None:
            self._journal.log("-", quads)
        for quad in quads:
            self.engine.remove(quad)
        self._flush_every(len(quads))

    def _flush_every(self, changed: int) -> None:
        """Flush a folder store's in-memory tables once FLUSH_QUADS changes have piled up."""
        self._unflushed += changed
        if self.folder is not None and self._unflushed >= FLUSH_QUADS:
            self.engine.flush()
            self._unflushed = 0

    def named_quads(self, pattern: tuple) -> set[Quad]:
        """Quads of the article graphs matching (s, p, o), read from the engine's index:
        rdflib's ``quads`` makes a Graph object per quad, four times the cost (a rename
        of 1,478 nodes spent 22 s there on a 1,000-article store)."""
        term = _oxigraph_terms()
        subject, predicate, obj = (None if t is None else term(t) for t in pattern)
        default = ox.DefaultGraph()
        return {(from_oxigraph(q.subject), from_oxigraph(q.predicate),
                 from_oxigraph(q.object), from_oxigraph(q.graph_name))
                for q in self.engine.quads_for_pattern(subject, predicate, obj)
                if q.graph_name != default}

    def select(self, query: str) -> Iterator[tuple[Node | None, ...]]:
        """Rows of a SELECT over the union, each term converted once per query (the nodes
        a read is about repeat on every row)."""
        if self._prefixes is None:
            self._prefixes = {prefix: str(name) for prefix, name in self.namespaces()}
        term = lru_cache(maxsize=None)(from_oxigraph)
        for solution in self.engine.query(query, prefixes=self._prefixes):
            yield tuple(None if value is None else term(value) for value in solution)

    def _graph_quads(self, graph: URIRef) -> set[Quad]:
        return {(s, p, o, graph) for s, p, o in self.get_context(graph)}

    def put_graph(self, graph: URIRef, quads: Iterable[Quad]) -> None:
        """Only the difference is written (idempotent rebuilds)."""
        new = {(s, p, o, graph) for s, p, o, _ in quads}
        old = self._graph_quads(graph)
        if self._journal is not None and not old:
            self._journal.log_new_graph(ox.NamedNode(str(graph)))
        self.remove_quads(old - new)
        self.add_quads(new - old)

    def drop_graph(self, graph: URIRef) -> None:
        self.remove_quads(self._graph_quads(graph))
        self.remove_graph(graph)

    def statements(self, named_graphs: bool) -> Iterator[ox.Quad]:
        """Straight from the engine's index, one quad at a time: flat memory."""
        engine = self.engine
        if not named_graphs:
            yield from engine.quads_for_pattern(None, None, None, ox.DefaultGraph())
            return
        for graph in sorted(engine.named_graphs(), key=lambda name: name.value):
            yield from engine.quads_for_pattern(None, None, None, graph)

    def close(self, commit_pending_transaction: bool = False) -> None:
        """Flush a folder's writes into its tables first: RocksDB otherwise leaves them in
        its write-ahead log, which the next process replays on open (101 s and 940 MiB for
        a synthetic 800-article store's last build), so each build paid for the one before."""
        if self.folder is not None:
            self.engine.flush()
        super().close(commit_pending_transaction)

    def load_nquads(self, data: bytes) -> None:
        """Bulk-load a dump (quads of named graphs and of the union) and flush it to disk."""
        self.engine.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        self.engine.flush()
