"""The RDF formats newskg reads and writes, in one table.

The CLI (`kg build -o`, `kg export`, graph files as inputs), the server's `/export.*`
downloads and its content negotiation (CONSTRUCT/DESCRIBE results, resource pages, the
service description) all look formats up here, so a format is added in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox


class UnknownFormat(ValueError):
    pass


@dataclass(frozen=True)
class RdfFormat:
    """One serialization: how it is named, spelled on disk and on the wire, and written.

    ``named_graphs``: an export keeps one graph per article (else it carries the union).
    ``graph_results``: offered for a graph answer (CONSTRUCT/DESCRIBE, resource pages).
    """

    name: str
    native: ox.RdfFormat
    rdflib: str
    extensions: tuple[str, ...]
    media_types: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    named_graphs: bool = False
    graph_results: bool = False

    @property
    def extension(self) -> str:
        """The extension a download of this format gets."""
        return self.extensions[0]

    @property
    def media_type(self) -> str:
        return self.media_types[0]


# The order is the order of preference: the first graph_results format answers */*.
FORMATS: tuple[RdfFormat, ...] = (
    RdfFormat("turtle", ox.RdfFormat.TURTLE, "turtle", ("ttl",), ("text/turtle",),
              aliases=("ttl",), graph_results=True),
    RdfFormat("nt", ox.RdfFormat.N_TRIPLES, "nt", ("nt",), ("application/n-triples",),
              aliases=("ntriples", "n-triples"), graph_results=True),
    RdfFormat("json-ld", ox.RdfFormat.JSON_LD, "json-ld", ("jsonld", "json"),
              ("application/ld+json",), aliases=("jsonld",), named_graphs=True,
              graph_results=True),
    RdfFormat("rdf-xml", ox.RdfFormat.RDF_XML, "xml", ("rdf",),
              ("application/rdf+xml",), aliases=("rdf", "rdfxml"), graph_results=True),
    RdfFormat("trig", ox.RdfFormat.TRIG, "trig", ("trig",), ("application/trig",),
              named_graphs=True),
    RdfFormat("nquads", ox.RdfFormat.N_QUADS, "nquads", ("nq",), ("application/n-quads",),
              aliases=("nq", "n-quads"), named_graphs=True),
)
_BY_NAME = {key: fmt for fmt in FORMATS for key in (fmt.name, *fmt.aliases)}
_BY_EXTENSION = {f".{ext}": fmt for fmt in FORMATS for ext in fmt.extensions}
NAMES = "|".join(fmt.name for fmt in FORMATS)
EXTENSIONS = tuple(_BY_EXTENSION)
FORMAT_HELP = f"{NAMES} (default: from the extension of -o)"


def by_name(name: str) -> RdfFormat:
    """The format called ``name`` (or one of its aliases), case-insensitive."""
    try:
        return _BY_NAME[name.lower()]
    except KeyError:
        raise UnknownFormat(f"unknown format '{name}' (use one of: {NAMES})") from None


def by_extension(path: str | Path) -> RdfFormat | None:
    """The format a file name's extension says, or None."""
    return _BY_EXTENSION.get(Path(path).suffix.lower())


def format_for(path: str | Path | None, requested: str | None = None) -> RdfFormat:
    """The format to write: as requested, else from the file extension, else Turtle."""
    if requested:
        return by_name(requested)
    if path is not None and Path(path).suffix:
        found = by_extension(path)
        if found is None:
            raise UnknownFormat(f"cannot tell the format of '{path}' from its extension "
                                f"(use --format {NAMES})")
        return found
    return FORMATS[0]


def graph_result_formats() -> list[RdfFormat]:
    """The formats a graph answer (CONSTRUCT/DESCRIBE, a resource page) is offered in."""
    return [fmt for fmt in FORMATS if fmt.graph_results]
