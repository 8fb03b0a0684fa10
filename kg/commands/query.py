"""`kg query`: run SPARQL (inline, from a file, or a named query) and print the result."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from contextlib import closing
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.query import Result

from kg.api import query
from kg.commands.common import add_graph_source, graph_from, require_source
from kg.queries import NamedQuery, QueryError, named_query, parse_bindings

Bindings = dict[str, URIRef | Literal]


def register(parser: argparse.ArgumentParser) -> None:
    add_graph_source(parser)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("-q", "--query", dest="text", help="the SPARQL query text")
    source.add_argument("-f", "--file", type=Path, help="a .rq file")
    source.add_argument("-n", "--name", help="a named query from queries/")
    parser.add_argument("--var", action="append", default=[], metavar="NAME=VALUE",
                        help="bind a query variable (repeatable)")
    parser.add_argument("--format", default="table", choices=["table", "csv", "tsv", "json"],
                        help="json: SPARQL 1.1 Query Results JSON")
    parser.set_defaults(run=run)


def query_text(args: argparse.Namespace, bindings: Bindings) -> str:
    if args.name:
        named = named_query(args.name)
        check_parameters(named, bindings)
        return named.text
    if args.file:
        if not args.file.is_file():
            raise QueryError(f"no query file '{args.file}'")
        return args.file.read_text(encoding="utf-8")
    return args.text


def check_parameters(named: NamedQuery, bindings: Bindings) -> None:
    """A named query run without a required parameter would quietly match nothing."""
    missing = [(name, help_text) for name, help_text in named.params
               if name not in bindings and "optional" not in help_text.lower()]
    if missing:
        wanted = "; ".join(f"--var {name}=VALUE ({help_text})" if help_text
                           else f"--var {name}=VALUE" for name, help_text in missing)
        raise QueryError(f"named query '{named.name}' needs {wanted}")


def run(args: argparse.Namespace) -> int:
    require_source(args)
    bindings = parse_bindings(args.var)
    text = query_text(args, bindings)
    with closing(graph_from(args)) as dataset:
        sys.stdout.write(render(query(dataset, text, bindings), args.format))
    return 0


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def render(result: Result, fmt: str) -> str:
    """A SELECT/ASK result as text (or SPARQL JSON results); CONSTRUCT/DESCRIBE as Turtle."""
    if result.type == "ASK" and fmt != "json":
        return ("true" if result.askAnswer else "false") + "\n"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format="turtle")
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8") + "\n"
    names = [str(v) for v in result.vars]
    rows = [[_cell(binding.get(v)) for v in result.vars] for binding in result.bindings]
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
