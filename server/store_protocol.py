"""/store: Graph Store Protocol reads (the union with ?default, one article with ?graph=)."""

from __future__ import annotations

from flask import Blueprint, Response, request

from server.backend import backend
from server.executor import Job
from server.negotiation import GRAPH_TYPES, choose

bp = Blueprint("store_protocol", __name__)

ALL_TRIPLES = "CONSTRUCT WHERE { ?s ?p ?o }"


def _text(status: int, message: str) -> Response:
    return Response(message + "\n", status, mimetype="text/plain")


@bp.get("/store")
def read_graph() -> Response:
    graph = request.args.get("graph")
    if ("default" in request.args) == (graph is not None):
        return _text(400, "ask for exactly one of ?default or ?graph=IRI")
    if graph is not None and graph not in backend().graphs:
        return _text(404, f"this store holds no graph <{graph}>")
    offer = choose(request.headers.get("Accept"), GRAPH_TYPES)
    if offer is None:
        return _text(406, "graphs are served as " + ", ".join(m for m, _ in GRAPH_TYPES))
    job = Job(ALL_TRIPLES, offer[1], backend().max_rows,
              default_graphs=(graph,) if graph else None, named_graphs=() if graph else None)
    outcome = backend().run(job)
    response = Response(outcome.body, mimetype=offer[0])
    if outcome.truncated:
        response.headers["Warning"] = f'199 - "graph cut at {backend().max_rows} triples"'
    return response
