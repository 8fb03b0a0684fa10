"""`/graph`: the interactive graph page, with the filters of `kg viz` in the query string.

The subgraph is chosen in the task worker, under the query time limit (server.tasks).
The page's scripts and styles come from this server (vis-network from the installed
pyvis package), never from a CDN; the app's Content-Security-Policy header keeps it that way.
"""

from __future__ import annotations

import networkx as nx
from flask import Blueprint, Response, abort, request, send_file, url_for

from kg.viz import FilterError, Filters, Subgraph, filters_from, page_html
from kg.viz.render import ASSETS, path_link
from server.backend import backend

bp = Blueprint("graph_page", __name__)


@bp.get("/graph")
def graph() -> Response:
    try:
        subgraph = backend().task("subgraph", filters_from(request.args))
        error, status = None, 200
    except FilterError as problem:
        subgraph, error, status = Subgraph(nx.MultiDiGraph(), Filters()), str(problem), 400
    html = page_html(subgraph, asset_url=lambda name: url_for("graph_page.asset", name=name),
                     page_url=url_for("graph_page.graph"), link_for=path_link, error=error)
    return Response(html, status, mimetype="text/html")


@bp.get("/graph/assets/<name>")
def asset(name: str) -> Response:
    if name not in ASSETS:
        abort(404)
    return send_file(ASSETS[name], max_age=3600)
