"""Writing the graph to a file, atomically, in any of the supported formats."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.rdf.namespaces import NIF, XSD, bind_prefixes

# name -> (rdflib serializer, keeps named graphs)
FORMATS: dict[str, tuple[str, bool]] = {
    "turtle": ("turtle", False),
    "nt": ("nt", False),
    "trig": ("trig", True),
    "nquads": ("nquads", True),
    "json-ld": ("json-ld", True),
}
EXTENSIONS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads",
              ".jsonld": "json-ld", ".json": "json-ld"}


class UnknownFormat(ValueError):
    pass


def format_for(path: str | Path | None, requested: str | None = None) -> str:
    """The export format: as requested, else from the file extension, else Turtle."""
    if requested:
        if requested not in FORMATS:
            raise UnknownFormat(f"unknown format '{requested}' (use one of: {', '.join(FORMATS)})")
        return requested
    if path is not None and (suffix := Path(path).suffix.lower()):
        if suffix not in EXTENSIONS:
            raise UnknownFormat(f"cannot tell the format of '{path}' from its extension "
                                f"(use --format {'|'.join(FORMATS)})")
        return EXTENSIONS[suffix]
    return "turtle"


_OFFSETS = (NIF.beginIndex, NIF.endIndex)


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


def union_graph(dataset: Dataset) -> Graph:
    """All articles' triples as one graph (what Turtle and N-Triples carry)."""
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


def serialize(dataset: Dataset, fmt: str) -> bytes:
    """The graph in ``fmt``; line-based formats are sorted so exports are byte-stable."""
    serializer, keeps_graphs = FORMATS[fmt]
    source = named_graphs(dataset) if keeps_graphs else union_graph(dataset)
    if fmt == "json-ld":
        data = source.serialize(format=serializer, auto_compact=True)
    else:
        data = source.serialize(format=serializer)
    if fmt in ("nt", "nquads"):
        data = "".join(sorted(set(data.splitlines(keepends=True))))
    return data.encode("utf-8")


def write_atomically(path: str | Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename: never a half-written file.

    The file is readable by others (0644), as a plain write would leave it; mkstemp's
    temporary file is private."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(data)
            output.flush()
            os.fsync(output.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export(dataset: Dataset, path: str | Path, fmt: str | None = None) -> Path:
    """Write the dataset to ``path`` (format from ``fmt`` or the extension)."""
    write_atomically(path, serialize(dataset, format_for(path, fmt)))
    return Path(path)
