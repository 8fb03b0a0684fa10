"""Linked Data: every instance IRI under the base has a page here (HTML, Turtle, JSON-LD)."""

from __future__ import annotations

import math
from urllib.parse import urlparse, urlsplit

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, render_template, request
from rdflib import URIRef

from kg.rdf.namespaces import RDF, RDFS, SCHEMA, SKOS
from server import page_queries as q
from server.backend import backend
from server.executor import Cell, Job, QueryTimeout
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


def _page(iri: str, x: Cell) -> str:
    rows = backend().rows
    outgoing = rows(q.OUTGOING, x=x)
    types = [c.value for c in _values(outgoing, RDF.type)]
    labels = _values(outgoing, RDFS.label) or _values(outgoing, SCHEMA.headline)
    context = {
        "iri": iri,
        "label": labels[0].value if labels else iri.rsplit("/", 1)[-1],
        "aliases": sorted({c.value for c in _values(outgoing, SKOS.altLabel)}),
        "types": types,
        "roles": _values(outgoing, SCHEMA.jobTitle),
        "affiliations": [r for r in outgoing if r["p"].value == str(SCHEMA.affiliation)],
        "outgoing": outgoing,
        "incoming": rows(q.INCOMING, x=x),
        "quotes": rows(q.QUOTES_BY, x=x),
        "reactions": rows(q.REACTIONS_BY, x=x),
        "reactions_to": rows(q.REACTIONS_TO, x=x),
        "graph": neighbourhood(rows(q.NEIGHBOURS, x=x)),
        "article_quotes": [],
        "article_text": None,
    }
    if str(SCHEMA.NewsArticle) in types or str(SCHEMA.OpinionNewsArticle) in types:
        context["article_quotes"] = rows(q.ARTICLE_QUOTES, x=x)
        text = rows(q.ARTICLE_TEXT, x=x)
        context["article_text"] = text[0]["text"].value if text else None
    return render_template("resource.html", **context)


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
    try:
        iri = _known(iris)
        if iri is None:
            abort(404, f"the graph says nothing about <{iris[-1]}>")
        x = Cell("uri", iri)
        if offer[1] == "html":
            response = Response(_page(iri, x), mimetype="text/html")
        else:
            job = Job("DESCRIBE ?x", offer[1], backend().max_rows, substitutions=(("x", x),))
            response = Response(backend().run(job).body, mimetype=offer[0])
    except QueryTimeout as error:
        return Response(f"{error}\n", 503, mimetype="text/plain")
    response.headers["Vary"] = "Accept"
    return response
