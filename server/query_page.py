"""/query: an editor with the named queries, results as a table, downloads, inline errors.

Everything is in the URL (query text, named query, parameter values), so a result can be
shared by its address. Parameter values travel to the query worker as SPARQL terms, and the
worker binds them and checks the composed text, as for /sparql.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, render_template, request
from rdflib import URIRef

from kg.queries import QUERY_DIR, QueryError, named_queries, parse_bindings
from kg.sparql_text import UnsafeRequest
from server import result_table
from server.backend import backend
from server.executor import Job, NoFormat, Outcome, QueryFailed, QueryTimeout
from server.negotiation import FORMAT_ALIASES, TYPES_BY_FORM
from server.page_data import paging

bp = Blueprint("query_page", __name__)

DEFAULT_QUERY = """PREFIX schema: <https://schema.org/>
PREFIX nkg: <https://w3id.org/newskg#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?person ?name (COUNT(?quote) AS ?quotes) WHERE {
  ?person a schema:Person ; rdfs:label ?name ; nkg:said ?quote .
} GROUP BY ?person ?name ORDER BY DESC(?quotes) LIMIT 20
"""


def _named() -> dict:
    return named_queries(current_app.config.get("QUERY_DIR") or QUERY_DIR)


def _bindings() -> dict[str, str]:
    """``param.NAME=value`` fields as SPARQL terms (empty fields stay unbound); a NAME that
    is not a SPARQL variable name is a QueryError."""
    pairs = [f"{key[6:]}={value}" for key, value in request.args.items()
             if key.startswith("param.") and value.strip()]
    terms = {}
    for name, term in parse_bindings(pairs).items():
        try:
            node = ox.NamedNode(str(term)) if isinstance(term, URIRef) else ox.Literal(str(term))
        except ValueError as error:
            raise QueryError(f"parameter {name}: {error}") from None
        terms[name] = str(node)  # pyoxigraph writes the term, escaped, in SPARQL syntax
    return terms


def _run(text: str, output: str | dict[str, str]) -> Outcome:
    job = Job(text, output, backend().max_rows, values=tuple(_bindings().items()))
    return backend().run(job)


@bp.get("/query")
def page() -> str:
    named = _named()
    chosen = named.get(request.args.get("name", ""))
    text = request.args.get("query") or (chosen.text if chosen else "")
    outcome, error = None, None
    if text.strip() and "query" in request.args:
        try:
            outcome = _run(text, "rows")
        except (UnsafeRequest, QueryFailed, QueryTimeout, QueryError) as failure:
            error = str(failure)
    return render_template("query.html", named=named, chosen=chosen,
                           text=text or DEFAULT_QUERY, outcome=outcome, error=error,
                           params=chosen.params if chosen else (),
                           pages=paging(len(outcome.rows), result_table.PAGE_SIZE)
                           if outcome else None,
                           columns=result_table.columns(outcome.names) if outcome else [])


@bp.get("/query/download")
def download() -> Response:
    """The page's query as a file: ?format=csv|json|tsv|xml for tables, ttl|nt|jsonld graphs."""
    text = request.args.get("query", "")
    fmt = FORMAT_ALIASES.get(request.args.get("format", "csv"))
    if not text.strip() or fmt is None:
        abort(400, "give a query and a format (csv, tsv, json, xml, ttl, nt, jsonld)")
    outputs = {form: fmt for form, table in TYPES_BY_FORM.items()
               if any(offer[1] == fmt for offer in table)}
    try:
        outcome = _run(text, outputs)
    except NoFormat as failure:
        return Response(f"a {failure.form} result cannot be downloaded as {fmt}\n", 400,
                        mimetype="text/plain")
    except (UnsafeRequest, QueryFailed, QueryError) as failure:
        return Response(f"{failure}\n", 400, mimetype="text/plain")
    media = next(m for m, f in TYPES_BY_FORM[outcome.form] if f == fmt)
    extension = {"turtle": "ttl", "json-ld": "jsonld", "rdf-xml": "rdf"}.get(fmt, fmt)
    return Response(outcome.body, mimetype=media, headers={
        "Content-Disposition": f'attachment; filename="result.{extension}"'})
