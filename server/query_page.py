"""/query: an editor with the named queries, results as a table, downloads, inline errors.

Everything is in the URL (query text, named query, parameter values), so a result can be
shared by its address. The page runs queries through the same safety checks as /sparql.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, render_template, request
from rdflib import URIRef

from kg.queries import QUERY_DIR, QueryError, named_queries, parse_bindings
from kg.sparql_text import RequestText, UnsafeRequest, bind_values, read_request
from server import result_table
from server.backend import backend
from server.executor import Job, Outcome, QueryFailed, QueryTimeout
from server.negotiation import FORMAT_ALIASES, TYPES_BY_FORM, result_form
from server.page_data import paging
from server.sparql import ProtocolError, check_safety

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
    """``param.NAME=value`` fields as SPARQL terms (empty fields stay unbound)."""
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


def _run(text: str, output: str, info: RequestText | None = None) -> Outcome:
    info = info or read_request(text)
    if info.is_update:
        raise ProtocolError(400, "the query page runs queries only; send updates to /sparql")
    check_safety(info, [])
    return backend().run(Job(bind_values(text, _bindings()), output, backend().max_rows))


@bp.get("/query")
def page() -> str:
    named = _named()
    chosen = named.get(request.args.get("name", ""))
    text = request.args.get("query") or (chosen.text if chosen else "")
    outcome, error = None, None
    if text.strip() and "query" in request.args:
        try:
            outcome = _run(text, "rows")
        except (ProtocolError, UnsafeRequest, QueryFailed, QueryTimeout, QueryError) as failure:
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
    info = read_request(text)
    form = result_form(info.form)
    offer = next((o for o in TYPES_BY_FORM[form] if o[1] == fmt), None)
    if offer is None:
        abort(400, f"a {form} result cannot be downloaded as {fmt}")
    try:
        outcome = _run(text, fmt, info)
    except (ProtocolError, UnsafeRequest, QueryFailed, QueryError) as failure:
        return Response(f"{failure}\n", 400, mimetype="text/plain")
    extension = {"turtle": "ttl", "json-ld": "jsonld", "rdf-xml": "rdf"}.get(fmt, fmt)
    return Response(outcome.body, mimetype=offer[0], headers={
        "Content-Disposition": f'attachment; filename="result.{extension}"'})
