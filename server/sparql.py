"""/sparql: the SPARQL 1.1 Protocol (queries; updates only with the update token)."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from flask import Blueprint, Response, current_app, redirect, request, url_for
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from kg.formats import by_name, graph_result_formats
from kg.sparql_text import UnsafeRequest
from server.backend import backend
from server.executor import NOT_RUN, Job, NoFormat, QueryFailed
from server.negotiation import GRAPH_TYPES, TYPES_BY_FORM, by_format, choose

bp = Blueprint("sparql", __name__)

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")


class ProtocolError(Exception):
    """A request the protocol says to refuse, with its HTTP status and a message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


@dataclass
class SparqlRequest:
    kind: str  # query, update or none
    text: str | None
    default_graphs: list[str]
    named_graphs: list[str]


def _single(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise ProtocolError(400, f"more than one '{name}' parameter")
    return values[0] if values else None


def _body_text() -> str:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ProtocolError(415, f"queries must be UTF-8, not {charset}")
    try:
        return request.get_data(cache=False).decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the request body is not valid UTF-8") from None


def read_protocol_request() -> SparqlRequest:
    """The operation a request carries, by the protocol's rules for GET and both POSTs."""
    args = request.args
    if request.method in ("GET", "HEAD"):
        if "update" in args:
            raise ProtocolError(400, "updates must be sent with POST")
        params, kind, text = args, "query", _single(args.getlist("query"), "query")
    elif request.mimetype == "application/x-www-form-urlencoded":
        params = request.values
        query = _single(request.form.getlist("query"), "query")
        update = _single(request.form.getlist("update"), "update")
        if query is not None and update is not None:
            raise ProtocolError(400, "a request carries a query or an update, not both")
        kind, text = ("update", update) if update is not None else ("query", query)
    elif request.mimetype == "application/sparql-query":
        params, kind, text = args, "query", _body_text()
    elif request.mimetype == "application/sparql-update":
        params, kind, text = args, "update", _body_text()
    elif not request.mimetype:
        raise ProtocolError(400, "a POST needs a Content-Type: application/sparql-query, "
                                 "application/sparql-update or a form")
    else:
        raise ProtocolError(415, f"unsupported media type {request.mimetype}")
    return SparqlRequest(kind if text is not None else "none", text,
                         params.getlist("default-graph-uri"), params.getlist("named-graph-uri"))


def _authorised_for_update() -> None:
    token = current_app.config.get("UPDATE_TOKEN")
    if not token:
        raise ProtocolError(403, "this endpoint is read-only (start the server with an "
                                 "update token to allow SPARQL Update)")
    scheme, _, credentials = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() != "bearer":  # auth schemes are case-insensitive (RFC 9110, 11.1)
        raise ProtocolError(401, "SPARQL Update needs Authorization: Bearer <token>",
                            {"WWW-Authenticate": 'Bearer realm="sparql-update"'})
    if not hmac.compare_digest(credentials.strip().encode(), token.encode()):
        raise ProtocolError(403, "wrong update token")


def run_update(text: str) -> Response:
    _authorised_for_update()
    backend().update(text)  # the update process refuses LOAD and SERVICE
    return Response("update applied\n", 200, mimetype="text/plain")


def _offers() -> dict[str, tuple[str, str]]:
    """(media type, format) per result form, for the forms the request can take."""
    requested = request.values.get("format")
    html = request.method in ("GET", "HEAD")
    offers = {}
    for form, table in TYPES_BY_FORM.items():
        offer = (by_format(requested, table) if requested
                 else choose(request.headers.get("Accept"), table, html=html))
        if offer is not None:
            offers[form] = offer
    return offers


def _no_format(form: str) -> ProtocolError:
    if requested := request.values.get("format"):
        return ProtocolError(406, f"format '{requested}' is not available for {form}")
    accepted = ", ".join(media for media, _ in TYPES_BY_FORM[form])
    return ProtocolError(406, f"cannot answer {form} in the Accept given (offers: {accepted})")


def run_query(sparql: SparqlRequest) -> Response:
    """Run the query in a worker (which reads and checks it) and answer in the format the
    request accepts for its result form; a browser is sent to the query page."""
    offers = _offers()
    explicit = bool(sparql.default_graphs or sparql.named_graphs)
    job = Job(sparql.text or "", {form: fmt for form, (_, fmt) in offers.items()},
              backend().max_rows,
              default_graphs=tuple(sparql.default_graphs) if explicit else None,
              named_graphs=tuple(sparql.named_graphs) if explicit else None,
              base_iri=request.base_url)
    try:
        outcome = backend().run(job)
    except NoFormat as error:
        raise _no_format(error.form) from None
    media, fmt = offers[outcome.form]
    if fmt == NOT_RUN:
        return redirect(url_for("query_page.page", query=sparql.text), 303)
    response = Response(outcome.body, mimetype=media)
    if outcome.truncated:
        response.headers["Warning"] = (f'199 - "results cut at {backend().max_rows} rows '
                                       f'(the server\'s --max-rows)"')
        response.headers["X-KG-Truncated"] = str(backend().max_rows)
    return response


def service_description() -> Response:
    offer = choose(request.headers.get("Accept"), GRAPH_TYPES, html=True)
    if offer is None:
        raise ProtocolError(406, "the service description is RDF (text/turtle, ...)")
    if offer[1] == "html":
        return redirect(url_for("query_page.page"), 303)
    graph = Graph()
    graph.bind("sd", SD)
    service, dataset, default = BNode(), BNode(), BNode()
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(request.base_url)))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                 "SPARQL_Results_TSV"):
        graph.add((service, SD.resultFormat, FORMATS[name]))
    for fmt in graph_result_formats():
        graph.add((service, SD.resultFormat, URIRef(fmt.native.iri)))
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    for name in sorted(backend().graphs):
        named = BNode()
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, SD.name, URIRef(name)))
    graph.add((service, RDFS.comment,
               Literal("Read-only: SERVICE, LOAD and graphs the store does not hold are "
                       "refused; the default graph is the union of the article graphs.")))
    body = graph.serialize(format=by_name(offer[1]).rdflib)
    return Response(body, mimetype=offer[0])


@bp.route("/sparql", methods=["GET", "POST"], strict_slashes=False)
def endpoint() -> Response:
    try:
        sparql = read_protocol_request()
        if sparql.kind == "none":
            if request.method == "POST":
                raise ProtocolError(400, "no 'query' or 'update' in the request")
            return service_description()
        if sparql.kind == "update":
            return run_update(sparql.text or "")
        return run_query(sparql)
    except ProtocolError as error:
        return Response(f"{error}\n", error.status, error.headers, mimetype="text/plain")
    except UnsafeRequest as error:
        return Response(f"{error}\n", 400, mimetype="text/plain")
    except QueryFailed as error:
        status = 400 if error.syntax else 500
        return Response(f"{error}\n", status, mimetype="text/plain")
