"""`kg stats`: what the graph holds."""

from __future__ import annotations

import argparse
from contextlib import closing

from kg.commands.common import add_graph_source, graph_from, require_source
from kg.stats import graph_stats


def register(parser: argparse.ArgumentParser) -> None:
    add_graph_source(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    require_source(args)
    with closing(graph_from(args)) as dataset:
        counts = graph_stats(dataset)
    for name, count in counts.items():
        print(f"{name:>16}: {count}")
    return 0
