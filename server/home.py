"""/ (what the graph holds, links onward) and /search (labels, headlines, quote text)."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from server import page_queries
from server.backend import backend
from server.executor import Cell, QueryTimeout

bp = Blueprint("home", __name__)

SEARCH_MAX_LENGTH = 200


@bp.get("/")
def index() -> str:
    return render_template("home.html", stats=backend().stats())


@bp.get("/search")
def search() -> tuple[str, int] | str:
    text = request.args.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    hits, error = [], None
    if text:
        try:
            hits = backend().rows(page_queries.SEARCH, q=Cell("literal", text))
        except QueryTimeout as timeout:
            error = str(timeout)
    return render_template("search.html", q=text, hits=hits, error=error)
