"""`kg query`: run SPARQL (inline, from a file, or a named query) and print the result."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from contextlib import closing
from pathlib import Path

from rdflib.query import Result

from kg.api import query
from kg.commands.common import add_graph_source, graph_from
from kg.queries import QueryError, named_query, parse_bindings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("query", help="run a SPARQL query over the graph")
    add_graph_source(parser)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("-q", "--query", dest="text", help="the SPARQL query text")
    source.add_argument("-f", "--file", type=Path, help="a .rq file")
    source.add_argument("-n", "--name", help="a named query from queries/")
    parser.add_argument("--var", action="append", default=[], metavar="NAME=VALUE",
                        help="bind a query variable (repeatable)")
    parser.add_argument("--format", default="table", choices=["table", "csv", "tsv", "json"])
    parser.set_defaults(run=run)


def query_text(args: argparse.Namespace) -> str:
    if args.name:
        return named_query(args.name).text
    if args.file:
        if not args.file.is_file():
            raise QueryError(f"no query file '{args.file}'")
        return args.file.read_text(encoding="utf-8")
    return args.text


def run(args: argparse.Namespace) -> int:
    text = query_text(args)
    bindings = parse_bindings(args.var)
    with closing(graph_from(args)) as dataset:
        sys.stdout.write(render(query(dataset, text, bindings), args.format))
    return 0


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def render(result: Result, fmt: str) -> str:
    """A SELECT/ASK result as text; CONSTRUCT/DESCRIBE as Turtle."""
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format="turtle")
    names = [str(v) for v in result.vars]
    rows = [[_cell(binding.get(v)) for v in result.vars] for binding in result.bindings]
    if fmt == "json":
        return json.dumps([dict(zip(names, row)) for row in rows], indent=2,
                          ensure_ascii=False) + "\n"
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return out.getvalue()
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths)),
             "-+-".join("-" * w for w in widths)]
    for row in rows:
        lines.append(" | ".join(c[:w].ljust(w) for c, w in zip(row, widths)))
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines) + "\n"
