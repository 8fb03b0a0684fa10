"""Writing the graph to a file, atomically, in any registered format (``kg.formats``).

pyoxigraph's serializers write straight from the Oxigraph store to the file, one quad at a
time, so an export's memory stays flat whatever the size of the store; only a store that is
not Oxigraph (a remote SPARQL store) is first copied into an rdflib graph.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.formats import RdfFormat, UnknownFormat, by_name, format_for
from kg.rdf.namespaces import NIF, PREFIX_IRIS, XSD, bind_prefixes
from kg.store import oxigraph_store, to_oxigraph_quad

__all__ = ["UnknownFormat", "export", "serialize", "write", "write_atomically"]

_OFFSETS = (NIF.beginIndex, NIF.endIndex)
_NATIVE_OFFSETS = frozenset(ox.NamedNode(str(predicate)) for predicate in _OFFSETS)
_NON_NEGATIVE = ox.NamedNode(str(XSD.nonNegativeInteger))


def restore_datatype(predicate: Node, value: Node) -> Node:
    """Exports spell literals as the data model does, whatever the store returned.

    Oxigraph stores xsd:nonNegativeInteger as xsd:integer (same value), and gives plain
    strings an explicit xsd:string that a remote store leaves out (same RDF 1.1 literal).
    """
    if not isinstance(value, Literal):
        return value
    if predicate in _OFFSETS:
        return Literal(str(value), datatype=XSD.nonNegativeInteger)
    if value.datatype == XSD.string:
        return Literal(str(value))
    return value


def _restored(quad: ox.Quad) -> ox.Quad:
    """``restore_datatype`` for a quad read natively (pyoxigraph writes xsd:string plain)."""
    if quad.predicate in _NATIVE_OFFSETS:
        offset = ox.Literal(quad.object.value, datatype=_NON_NEGATIVE)
        return ox.Quad(quad.subject, quad.predicate, offset, quad.graph_name)
    return quad


def union_graph(dataset: Dataset) -> Graph:
    """All articles' triples as one rdflib graph (what Turtle and N-Triples carry)."""
    graph = Graph()
    bind_prefixes(graph)
    found = dataset.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph
    graph += ((s, p, restore_datatype(p, o)) for s, p, o in found)
    return graph


def named_graphs(dataset: Dataset) -> Dataset:
    """An in-memory copy keeping one graph per article (what TriG and N-Quads carry)."""
    copy = Dataset()
    bind_prefixes(copy)
    copy.addN((s, p, restore_datatype(p, o), copy.get_context(g))
              for s, p, o, g in dataset.quads((None, None, None, None))
              if g is not None and g != DATASET_DEFAULT_GRAPH_ID)
    return copy


def statements(dataset: Dataset, fmt: RdfFormat) -> Iterator[ox.Quad | ox.Triple]:
    """What an export in ``fmt`` carries, read lazily: the article graphs (in IRI order, so
    exports of the same store are byte-stable) or the union (the stored default graph)."""
    store = oxigraph_store(dataset)
    if store is None:
        yield from _copied_statements(dataset, fmt)
    elif fmt.named_graphs:
        for graph in sorted(store.named_graphs(), key=lambda name: name.value):
            for quad in store.quads_for_pattern(None, None, None, graph):
                yield _restored(quad)
    else:
        for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield _restored(quad).triple


def _copied_statements(dataset: Dataset, fmt: RdfFormat) -> Iterator[ox.Quad | ox.Triple]:
    if fmt.named_graphs:
        for s, p, o, g in named_graphs(dataset).quads((None, None, None, None)):
            yield to_oxigraph_quad(s, p, o, getattr(g, "identifier", g))
    else:
        for s, p, o in union_graph(dataset):
            yield to_oxigraph_quad(s, p, o).triple


def write(dataset: Dataset, output: str | Path | BinaryIO | None, fmt: RdfFormat) -> bytes | None:
    """Serialize the dataset in ``fmt`` to ``output`` (a path or a binary file) with the data
    model's prefixes; with ``output`` None, return the bytes."""
    return ox.serialize(statements(dataset, fmt), output, fmt.native, prefixes=PREFIX_IRIS)


def serialize(dataset: Dataset, fmt: str) -> bytes:
    """The graph in the format named ``fmt``, as bytes (for small graphs and tests)."""
    return write(dataset, None, by_name(fmt)) or b""


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to write to; renamed to ``path`` once the block has
    finished, removed if it fails: never a half-written file.

    The file is readable by others (0644), as a plain write would leave it; mkstemp's
    temporary file is private."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        yield Path(temporary)
        os.fsync(handle)  # the same file, whoever wrote it by name
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    finally:
        os.close(handle)


def write_atomically(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)


def export(dataset: Dataset, path: str | Path, fmt: str | None = None) -> Path:
    """Stream the dataset to ``path`` (format named by ``fmt``, else by the extension)."""
    with atomic_path(path) as temporary:
        write(dataset, temporary, format_for(path, fmt))
    return Path(path)
