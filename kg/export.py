"""Writing the graph to a file, atomically, in any registered format (``kg.formats``).

pyoxigraph's serializers write what the store's ``statements`` yield (``kg.store``: straight
from Oxigraph's index, or graph by graph from a remote server) to the file, one quad at a
time, so an export's memory stays flat whatever the size of the store.
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
from rdflib.term import Node

from kg.formats import RdfFormat, UnknownFormat, by_name, format_for
from kg.rdf.namespaces import NIF, PREFIX_IRIS, XSD, bind_prefixes
from kg.store import GraphStore

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


def statements(dataset: GraphStore, fmt: RdfFormat) -> Iterator[ox.Quad | ox.Triple]:
    """What an export in ``fmt`` carries, read lazily from the store: the article graphs
    (in IRI order, so exports of the same store are byte-stable) or the union."""
    for quad in dataset.statements(fmt.named_graphs):
        yield _restored(quad) if fmt.named_graphs else _restored(quad).triple


def write(dataset: GraphStore, output: str | Path | BinaryIO | None,
          fmt: RdfFormat) -> bytes | None:
    """Serialize the dataset in ``fmt`` to ``output`` (a path or a binary file) with the data
    model's prefixes; with ``output`` None, return the bytes."""
    return ox.serialize(statements(dataset, fmt), output, fmt.native, prefixes=PREFIX_IRIS)


def serialize(dataset: GraphStore, fmt: str) -> bytes:
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


def export(dataset: GraphStore, path: str | Path, fmt: str | None = None) -> Path:
    """Stream the dataset to ``path`` (format named by ``fmt``, else by the extension)."""
    with atomic_path(path) as temporary:
        write(dataset, temporary, format_for(path, fmt))
    return Path(path)
