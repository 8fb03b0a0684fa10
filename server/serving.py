"""Serving the app with waitress (multi-threaded, production-grade; never Flask's dev server).

Each request carries its arrival time (``environ[ARRIVED]``, taken when its first bytes were
read), so time spent queued for a thread counts toward the query's time limit.
"""

from __future__ import annotations

import sys
import time

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import BaseWSGIServer
from waitress.task import WSGITask

from server import create_app
from server.executor import ARRIVED


class _TimedParser(HTTPRequestParser):
    """waitress makes one parser per request, when the request's first bytes arrive."""

    def __init__(self, adj):
        super().__init__(adj)
        self.arrived = time.monotonic()


class _TimedTask(WSGITask):
    def get_environment(self) -> dict:
        environ = super().get_environment()
        environ[ARRIVED] = self.request.arrived
        return environ


class _TimedChannel(HTTPChannel):
    parser_class = _TimedParser
    task_class = _TimedTask


def run_serve(config: dict, host: str = "127.0.0.1", port: int = 5000, threads: int = 8) -> None:
    """Build the app over ``config`` and serve it until interrupted."""
    import waitress

    app = create_app(config)
    mode = "updates with the token" if config.get("UPDATE_TOKEN") else "read-only"
    print(f"serving {config.get('STORE') or 'an in-memory build'} on http://{host}:{port}/ "
          f"(SPARQL at /sparql, {mode})", file=sys.stderr, flush=True)
    sockets: dict = {}  # waitress's socket map: the listening servers register in it
    server = waitress.create_server(app, map=sockets, host=host, port=port, threads=threads,
                                    ident="newskg",
                                    max_request_body_size=app.config["MAX_CONTENT_LENGTH"] + 1,
                                    clear_untrusted_proxy_headers=True)
    for listener in list(sockets.values()):
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = _TimedChannel
    server.run()
