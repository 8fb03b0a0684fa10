"""/ (who is quoted most, which outlets, the latest articles, quotes carried by several
outlets, what the graph holds) and /search (labels, headlines, quote text)."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from server import page_queries as q
from server.backend import backend
from server.executor import Cell
from server.page_data import article_label, select

bp = Blueprint("home", __name__)

SEARCH_MAX_LENGTH = 200


@bp.get("/")
def index() -> str:
    latest = [{**row, "article_label": article_label(row)} for row in select(q.LATEST)]
    return render_template("home.html", stats=backend().stats(), people=select(q.MOST_QUOTED),
                           outlets=select(q.OUTLETS), latest=latest,
                           shared=select(q.SHARED_QUOTES))


@bp.get("/search")
def search() -> str:
    text = request.args.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    hits = backend().rows(q.SEARCH, q=Cell("literal", text)) if text else []
    return render_template("search.html", q=text, hits=hits)
