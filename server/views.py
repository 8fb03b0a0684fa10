"""What every page shares: turning IRIs into safe links and short names, and error pages."""

from __future__ import annotations

from urllib.parse import urlparse

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import HTTPException

from kg.rdf.namespaces import PREFIXES
from server.executor import Cell

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


def cell_text(cell: Cell | None) -> str:
    if cell is None:
        return ""
    return short(cell.value) if cell.is_iri else cell.value


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
    app.jinja_env.globals.update(link_for=link_for, short=short, cell_text=cell_text,
                                 has_graph_page=lambda: "graph_page" in current_app.blueprints)
    app.register_error_handler(HTTPException, _error)
