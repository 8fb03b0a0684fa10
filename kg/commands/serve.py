"""`kg serve`: the SPARQL endpoint, query page and Linked Data pages over a graph."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kg.commands.common import add_graph_source


def register(parser: argparse.ArgumentParser) -> None:
    add_graph_source(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="stop a query after this long and answer 503 (default 30)")
    parser.add_argument("--max-rows", type=int, default=10_000, metavar="N",
                        help="cut results after N rows, with a Warning header (default 10000)")
    parser.add_argument("--max-body", type=int, default=1_000_000, metavar="BYTES",
                        help="larger request bodies get 413 (default 1000000)")
    parser.add_argument("--update-token", default=os.environ.get("KG_UPDATE_TOKEN"),
                        help="allow SPARQL Update with 'Authorization: Bearer TOKEN' "
                             "(default: $KG_UPDATE_TOKEN; unset = read-only)")
    parser.add_argument("--cors", action="store_true", help="allow cross-origin requests")
    parser.add_argument("--query-workers", type=int, default=max(2, os.cpu_count() or 2),
                        help="query worker processes (default: the number of CPUs, at least 2)")
    parser.add_argument("--threads", type=int, default=8, help="HTTP threads")
    parser.add_argument("--worker-memory", type=int, default=2048, metavar="MB",
                        help="address space each query worker may use; a query past it is "
                             "answered 503 and its worker replaced (default 2048)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.store import is_remote_spec
    from server.serving import run_serve

    config = {"BASE": args.base, "QUERY_TIMEOUT": args.timeout, "MAX_ROWS": args.max_rows,
              "MAX_CONTENT_LENGTH": args.max_body, "UPDATE_TOKEN": args.update_token or None,
              "CORS": args.cors, "WORKERS": args.query_workers,
              "WORKER_MEMORY": args.worker_memory}
    if is_remote_spec(args.store) and not args.inputs:
        config["STORE"] = args.store  # served read-only: its queries run on that server
    elif args.store and not args.inputs:
        if not Path(args.store, "CURRENT").is_file():
            raise FileNotFoundError(f"no graph store at '{args.store}' (build one with "
                                    f"kg build --store {args.store})")
        finish_interrupted_build(args.store)
        config["STORE"] = args.store
    else:
        from kg.commands.common import graph_from

        dataset = graph_from(args)
        if args.store:
            dataset.close()
            config["STORE"] = args.store
        else:
            config["DATASET"] = dataset
    run_serve(config, args.host, args.port, args.threads)
    return 0


def finish_interrupted_build(folder: str) -> None:
    """Undo a half-written article and finish a pending merge that a killed build left in
    the store, before the server opens it: what it serves is what a whole build gives."""
    from kg.journal import needs_recovery

    if not needs_recovery(Path(folder)):
        return
    from kg.pipeline import finish_interrupted
    from kg.store import open_store

    dataset = open_store(folder)
    try:
        finish_interrupted(dataset)
    finally:
        dataset.close()
    print(f"kg serve: finished the interrupted build of {folder}", file=sys.stderr)
