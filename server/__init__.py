"""The newskg web server: a SPARQL endpoint, a query page and Linked Data pages.

``create_app(config)`` builds the Flask app over one graph store (see server.backend);
each page family is a blueprint listed in BLUEPRINTS.
"""

from __future__ import annotations

import importlib
import logging
import os

from flask import Flask, Response

from kg.rdf.namespaces import DEFAULT_BASE

# Page families, registered in this order; an optional one is skipped if it does not import.
BLUEPRINTS = [
    "server.home",
    "server.sparql",
    "server.store_protocol",
    "server.query_page",
    "server.export",
    "server.linked_data",
    "server.graph_page",
]
OPTIONAL_BLUEPRINTS = {"server.graph_page"}

DEFAULTS = {
    "STORE": None,  # a store folder (kg build --store DIR) ...
    "DATASET": None,  # ... or an rdflib Dataset, copied to a temporary store folder
    "BASE": DEFAULT_BASE,  # instance IRIs under it resolve to pages here
    "QUERY_TIMEOUT": 30.0,  # seconds; a query past it is stopped and answered 503
    "MAX_ROWS": 10_000,  # results beyond are cut, with a Warning header
    "MAX_CONTENT_LENGTH": 1_000_000,  # request bodies beyond get 413
    "UPDATE_TOKEN": None,  # SPARQL Update is refused (403) unless set
    "CORS": False,  # allow cross-origin reads from any origin
    "WORKERS": max(2, os.cpu_count() or 2),  # query worker processes
    "WORKER_MEMORY": 2048,  # MB of address space per query worker; past it, 503
}

CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; "
                           "img-src 'self' data:; connect-src 'self'; form-action 'self'; "
                           "base-uri 'none'; frame-ancestors 'none'")

log = logging.getLogger(__name__)


def _security_headers(app: Flask, response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "no-referrer")
    headers.setdefault("X-Frame-Options", "DENY")
    if app.config["CORS"]:
        headers["Access-Control-Allow-Origin"] = "*"
        headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
        headers["Access-Control-Expose-Headers"] = "Warning, X-KG-Truncated"
    return response


def register_blueprints(app: Flask) -> None:
    for name in BLUEPRINTS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            if name not in OPTIONAL_BLUEPRINTS:
                raise
            log.info("%s not available; its pages are off", name)
            continue
        prefix = module.url_prefix(app.config) if hasattr(module, "url_prefix") else None
        app.register_blueprint(module.bp, url_prefix=prefix)


def create_app(config: dict | None = None) -> Flask:
    """The app over the store in ``config`` (keys as in DEFAULTS)."""
    from server import backend, views

    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    backend.init_app(app)
    views.init_app(app)
    register_blueprints(app)
    app.after_request(lambda response: _security_headers(app, response))
    return app
