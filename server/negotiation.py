"""Content negotiation as data: media type tables per result kind and one Accept parser."""

from __future__ import annotations

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.formats import FORMATS, graph_result_formats

# (media type, results format name); the first entry is the default for */* or no Accept.
SELECT_TYPES = [("application/sparql-results+json", "json"),
                ("application/sparql-results+xml", "xml"),
                ("text/csv", "csv"),
                ("text/tab-separated-values", "tsv"),
                ("application/json", "json"),
                ("application/xml", "xml")]
ASK_TYPES = [("application/sparql-results+json", "json"),
             ("application/sparql-results+xml", "xml"),
             ("application/json", "json"),
             ("application/xml", "xml"),
             ("text/csv", "csv"),
             ("text/tab-separated-values", "tsv")]
GRAPH_TYPES = [(media, fmt.name) for fmt in graph_result_formats() for media in fmt.media_types]
TYPES_BY_FORM = {"SELECT": SELECT_TYPES, "ASK": ASK_TYPES, "GRAPH": GRAPH_TYPES}
HTML = ("text/html", "html")

# ?format= shortcuts, for download links a browser cannot send an Accept header with: the
# results formats, and every name of the RDF formats (kg.formats)
FORMAT_ALIASES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv",
                  **{key: fmt.name for fmt in FORMATS for key in (fmt.name, *fmt.aliases)}}


def choose(accept: str | None, table: list[tuple[str, str]],
           html: bool = False) -> tuple[str, str] | None:
    """The best (media type, format) for ``accept``; None when nothing is acceptable.

    With ``html`` a browser that prefers text/html gets ("text/html", "html").
    """
    offers = table + [HTML] if html else table
    if not accept or not accept.strip():
        return offers[0]
    parsed = parse_accept_header(accept, MIMEAccept)
    best = parsed.best_match([media for media, _ in offers])
    if best is None:
        return None
    return next(offer for offer in offers if offer[0] == best)


def result_form(query_form: str | None) -> str:
    """The results table a query form answers with: GRAPH, ASK or SELECT."""
    return {"CONSTRUCT": "GRAPH", "DESCRIBE": "GRAPH", "ASK": "ASK"}.get(query_form or "",
                                                                        "SELECT")


def by_format(name: str, table: list[tuple[str, str]]) -> tuple[str, str] | None:
    fmt = FORMAT_ALIASES.get(name.lower())
    return next((offer for offer in table if offer[1] == fmt), None)
