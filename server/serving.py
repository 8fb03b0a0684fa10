"""Serving the app with waitress (multi-threaded, production-grade; never Flask's dev server)."""

from __future__ import annotations

import sys

from server import create_app


def run_serve(config: dict, host: str = "127.0.0.1", port: int = 5000, threads: int = 8) -> None:
    """Build the app over ``config`` and serve it until interrupted."""
    import waitress

    app = create_app(config)
    mode = "updates with the token" if config.get("UPDATE_TOKEN") else "read-only"
    print(f"serving {config.get('STORE') or 'an in-memory build'} on http://{host}:{port}/ "
          f"(SPARQL at /sparql, {mode})", file=sys.stderr, flush=True)
    waitress.serve(app, host=host, port=port, threads=threads, ident="newskg",
                   max_request_body_size=app.config["MAX_CONTENT_LENGTH"] + 1,
                   clear_untrusted_proxy_headers=True)
