"""`kg export`: write the graph of a store (or of inputs) to a file."""

from __future__ import annotations

import argparse
from contextlib import closing

from kg.commands.common import add_graph_source, graph_from, progress
from kg.export import export
from kg.formats import FORMAT_HELP, format_for


def register(parser: argparse.ArgumentParser) -> None:
    add_graph_source(parser)
    parser.add_argument("-o", "--output", required=True, metavar="FILE")
    parser.add_argument("--format", help=FORMAT_HELP)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    fmt = format_for(args.output, args.format)
    with closing(graph_from(args)) as dataset, \
            progress(args, " steps", f"exporting {fmt.name}", total=2) as bar:
        if bar is not None:
            bar.update()  # the graph is open; writing streams it to the file
        export(dataset, args.output, fmt.name)
        if bar is not None:
            bar.update()
    print(f"wrote {args.output} ({fmt.name})")
    return 0
