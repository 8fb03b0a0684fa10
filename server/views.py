"""What every page shares: turning IRIs into safe links and short names, showing text from
articles so it cannot reorder the page, and error pages."""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlparse

from flask import Flask, Response, current_app, request
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException

from kg.rdf.namespaces import PREFIXES
from server.executor import Cell, QueryTimeout

SAFE_SCHEMES = ("http", "https")


def local_path(iri: str) -> str | None:
    """The path on this server of an instance IRI under the base, else None."""
    base = current_app.config["BASE"]
    if not iri.startswith(base):
        return None
    return urlparse(base).path.rstrip("/") + "/" + iri[len(base):]


def link_for(iri: str) -> str | None:
    """Where a link to ``iri`` may point: its page here, the web IRI itself, or nowhere
    (javascript:, data: and other schemes are never made into links)."""
    path = local_path(iri)
    if path is not None:
        return path
    return iri if urlparse(iri).scheme.lower() in SAFE_SCHEMES else None


def short(iri: str) -> str:
    """``schema:Person`` for a term in a known vocabulary, the IRI otherwise."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    base = current_app.config["BASE"]
    return iri[len(base):] if iri.startswith(base) else iri


_STANCES = {"AgreeAction": "agreed with", "DisagreeAction": "criticised",
            "ReactAction": "responded to"}


def stance(iri: str) -> str:
    """A reaction's stance class in words a reader uses ('criticised' for
    schema:DisagreeAction); the class itself for any other."""
    kind = short(iri)
    return _STANCES.get(kind.removeprefix("schema:"), kind)


def cell_text(cell: Cell | None) -> str:
    if cell is None:
        return ""
    return short(cell.value) if cell.is_iri else cell.value


# Bidirectional formatting characters (embeddings, overrides, isolates, marks): from article
# text they could flip the order of whatever follows them on the page.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(text: object) -> str:
    """Untrusted text without bidi controls, for places that take no markup (<title>,
    attributes, SVG labels)."""
    return BIDI_CONTROLS.sub("", "" if text is None else str(text))


def isolated(text: object) -> Markup:
    """Untrusted text, escaped and wrapped in <bdi> so its direction stays inside it."""
    return Markup("<bdi>%s</bdi>") % escape("" if text is None else str(text))


def args_with(**changes: object) -> str:
    """This request's query string with some arguments changed (None drops one), for
    paging links that keep the page's other settings."""
    args = request.args.to_dict()
    for name, value in changes.items():
        if value is None:
            args.pop(name, None)
        else:
            args[name] = str(value)
    return urlencode(args)


def _timeout(error: QueryTimeout) -> Response:
    """Every view's time-out (a query, or a page's in-process work) is one 503."""
    return Response(f"{error}\n", 503, {"Retry-After": "1"}, mimetype="text/plain")


def _error(error: HTTPException) -> Response:
    """Plain-text errors: short, and nothing from the request echoed as markup."""
    if error.code == 413:
        limit = current_app.config["MAX_CONTENT_LENGTH"]
        return Response(f"request body too large (limit {limit} bytes)\n", 413,
                        mimetype="text/plain")
    response = error.get_response()
    response.set_data(f"{error.code} {error.name}: {error.description}\n")
    response.mimetype = "text/plain"
    if request.method == "HEAD":
        response.set_data(b"")
    return response


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(link_for=link_for, short=short, stance=stance,
                                 cell_text=cell_text,
                                 args_with=args_with,
                                 has_graph_page=lambda: "graph_page" in current_app.blueprints)
    app.jinja_env.filters.update(bdi=isolated, plain=plain)
    app.register_error_handler(HTTPException, _error)
    app.register_error_handler(QueryTimeout, _timeout)
