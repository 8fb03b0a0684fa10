"""/export.ttl, .nt, .jsonld, .rdf, .trig, .nq: the whole graph as a download, in every
format of kg.formats, written natively by the task worker to a file and streamed from it."""

from __future__ import annotations

from flask import Blueprint, Response, abort, send_file

from kg.formats import FORMATS, by_extension
from server.backend import backend

bp = Blueprint("export", __name__)


@bp.get("/export.<ext>")
def download(ext: str) -> Response:
    fmt = by_extension(f"newskg.{ext}")
    if fmt is None:
        abort(404, f"no export as .{ext} (try: {', '.join(f.extension for f in FORMATS)})")
    return send_file(backend().export(fmt), mimetype=fmt.media_type, as_attachment=True,
                     download_name=f"newskg.{fmt.extension}")
