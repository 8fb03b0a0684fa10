"""/export.ttl, .trig, .nt, .nq, .jsonld: the whole graph as a download (kg.export formats)."""

from __future__ import annotations

from flask import Blueprint, Response, abort

from server.backend import backend

bp = Blueprint("export", __name__)

# extension -> (kg.export format, media type)
EXPORTS = {"ttl": ("turtle", "text/turtle"), "trig": ("trig", "application/trig"),
           "nt": ("nt", "application/n-triples"), "nq": ("nquads", "application/n-quads"),
           "jsonld": ("json-ld", "application/ld+json")}


@bp.get("/export.<ext>")
def download(ext: str) -> Response:
    if ext not in EXPORTS:
        abort(404, f"no export as .{ext} (try: {', '.join(EXPORTS)})")
    fmt, media = EXPORTS[ext]
    body = backend().export(fmt)
    return Response(body, mimetype=media,
                    headers={"Content-Disposition": f'attachment; filename="newskg.{ext}"'})
