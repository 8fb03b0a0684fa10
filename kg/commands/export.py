"""`kg export`: write the graph of a store (or of inputs) to a file."""

from __future__ import annotations

import argparse
from contextlib import closing

from kg.api import export
from kg.commands.common import add_graph_source, graph_from
from kg.export import format_for


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help="export the graph to a file")
    add_graph_source(parser)
    parser.add_argument("-o", "--output", required=True, metavar="FILE")
    parser.add_argument("--format", help="turtle|trig|nt|nquads|json-ld (default: from -o)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    fmt = format_for(args.output, args.format)
    with closing(graph_from(args)) as dataset:
        path = export(dataset, args.output, fmt)
    print(f"wrote {path} ({fmt})")
    return 0
