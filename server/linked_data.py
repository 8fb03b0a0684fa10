"""Linked Data: every instance IRI under the base has a page here (HTML, Turtle, JSON-LD)."""

from __future__ import annotations

import math
from urllib.parse import urlparse, urlsplit

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, render_template, request
from rdflib import URIRef

from kg.rdf.namespaces import NIF, NKG, RDFS, SCHEMA, SKOS
from server import article_page, outlet_page, person_page, quote_page
from server import page_queries as q
from server.backend import backend
from server.executor import Cell, Job
from server.negotiation import GRAPH_TYPES, HTML, choose

bp = Blueprint("linked_data", __name__)


def url_prefix(config) -> str:
    """The base IRI's path is where instance pages live (``/id`` for the default base)."""
    return urlparse(config["BASE"]).path.rstrip("/")


def _values(rows: list[dict], predicate: URIRef) -> list[Cell]:
    return [r["o"] for r in rows if r["p"] and r["p"].value == str(predicate)]


def neighbourhood(rows: list[dict]) -> dict:
    """Positions of a small star graph (the resource and up to 16 neighbours) for inline SVG."""
    nodes = []
    for i, row in enumerate(rows):
        angle = 2 * math.pi * i / max(1, len(rows))
        nodes.append({"iri": row["n"].value, "label": row["label"].value,
                      "relation": row["p"].value if row["p"] else "",
                      "x": round(200 + 150 * math.cos(angle)),
                      "y": round(170 + 125 * math.sin(angle))})
    return {"nodes": nodes}


def _resource_page(iri: str, x: Cell, types: list[str]) -> str:
    """Any other resource (a place, an article only mentioned in a text, ...): its
    statements both ways and its neighbourhood."""
    rows = backend().rows
    outgoing = rows(q.OUTGOING, x=x)
    labels = _values(outgoing, RDFS.label) or _values(outgoing, SCHEMA.headline)
    return render_template(
        "resource.html", iri=iri, types=types,
        label=labels[0].value if labels else iri.rsplit("/", 1)[-1],
        aliases=sorted({c.value for c in _values(outgoing, SKOS.altLabel)}),
        outgoing=outgoing, incoming=rows(q.INCOMING, x=x),
        graph=neighbourhood(rows(q.NEIGHBOURS, x=x)))


# The first of these types a resource has picks its page (an outlet is also an organisation).
PAGES = [
    (NKG.Official, "person.html", person_page.context),
    (SCHEMA.NewsMediaOrganization, "outlet.html", outlet_page.context),
    (SCHEMA.Person, "person.html", person_page.context),
    (SCHEMA.Organization, "person.html", person_page.context),
    (SCHEMA.GovernmentOrganization, "person.html", person_page.context),
    (NIF.Context, "article.html", article_page.context),
    (SCHEMA.Quotation, "quote.html", quote_page.context),
]


def _page(iri: str, x: Cell) -> str:
    types = [row["type"].value for row in backend().rows(q.TYPES, x=x) if row["type"]]
    for rdf_type, template, context in PAGES:
        if str(rdf_type) in types:
            return render_template(template, types=types, **context(iri))
    return _resource_page(iri, x, types)


def _named_iris(rest: str) -> list[str]:
    """The IRIs a page address may name: the path as sent (an IRI may hold %-escapes, which
    the router decodes) and as decoded (a browser %-escapes a link's non-ASCII characters)."""
    base, sent = current_app.config["BASE"], urlsplit(request.environ.get("REQUEST_URI", "")).path
    prefix = url_prefix(current_app.config) + "/"
    iris = [base + sent[len(prefix):]] if sent.startswith(prefix) else []
    valid = []
    for iri in dict.fromkeys([*iris, base + rest]):
        try:
            ox.NamedNode(iri)
        except ValueError:
            continue
        valid.append(iri)
    return valid


def _known(iris: list[str]) -> str | None:
    """The first of ``iris`` the graph says something about."""
    for iri in iris:
        if backend().run(Job(q.EXISTS, "rows", substitutions=(("x", Cell("uri", iri)),))).answer:
            return iri
    return None


@bp.get("/<path:rest>")
def resource(rest: str) -> Response:
    iris = _named_iris(rest)
    if not iris:
        abort(404, "not an IRI this server names")
    offer = choose(request.headers.get("Accept"), [HTML] + GRAPH_TYPES)
    if offer is None:
        abort(406, "pages are served as text/html, " + ", ".join(m for m, _ in GRAPH_TYPES))
    iri = _known(iris)
    if iri is None:
        abort(404, f"the graph says nothing about <{iris[-1]}>")
    x = Cell("uri", iri)
    if offer[1] == "html":
        response = Response(_page(iri, x), mimetype="text/html")
    else:
        # a WHERE group, where a remote store's worker binds ?x with VALUES
        job = Job("DESCRIBE ?x WHERE { }", offer[1], backend().max_rows,
                  substitutions=(("x", x),))
        response = Response(backend().run(job).body, mimetype=offer[0])
    response.headers["Vary"] = "Accept"
    return response
