"""`kg viz`: write the graph as one interactive HTML page that works offline."""

from __future__ import annotations

import argparse

from kg.commands.common import add_graph_source, graph_from
from kg.viz import filters_from, write_page
from kg.viz.filters import DEFAULT_LIMIT

# The options that choose what to draw (the rest say where the graph comes from).
FILTER_OPTIONS = ("focus", "depth", "relations", "types", "since", "until", "min_degree", "limit")


def register(parser: argparse.ArgumentParser) -> None:
    add_graph_source(parser)
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the page to write")
    parser.add_argument("--focus", help="an entity's name or IRI: show its neighbourhood")
    parser.add_argument("--depth", default="1", help="hops around the focus (default: 1)")
    parser.add_argument("--relations", action="append", default=[],
                        help="said, published, reacted-to, mentions (comma list or repeated; "
                             "default: said, published, reacted-to)")
    parser.add_argument("--types", action="append", default=[],
                        help="person, official, outlet, organisation, article, quote, place")
    parser.add_argument("--since", help="only relations stated in articles from this date on")
    parser.add_argument("--until", help="only relations stated in articles up to this date")
    parser.add_argument("--min-degree", dest="min_degree", default="0",
                        help="hide nodes with fewer connections")
    parser.add_argument("--limit", default=str(DEFAULT_LIMIT),
                        help=f"at most this many nodes, most connected first "
                             f"(default: {DEFAULT_LIMIT})")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    filters = filters_from({name: getattr(args, name) for name in FILTER_OPTIONS})
    subgraph = write_page(graph_from(args), args.output, filters)
    graph = subgraph.graph
    print(f"wrote {args.output} ({graph.number_of_nodes()} nodes, "
          f"{graph.number_of_edges()} edges)")
    if subgraph.notice:
        print(subgraph.notice)
    return 0
