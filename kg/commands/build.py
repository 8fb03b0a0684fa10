"""`kg build`: articles in, graph out (store and/or file)."""

from __future__ import annotations

import argparse
import sys

from kg.api import StrictInputError, build_with_summary, export
from kg.commands.common import (
    add_build_options,
    input_options,
    progress,
    report_metadata,
    report_problems,
    updater,
)
from kg.formats import FORMAT_HELP, format_for


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="article files or folders (default: data/)")
    parser.add_argument("--store", metavar="DIR", help="store folder to build into, "
                        "or the http(s) URL of a SPARQL 1.1 server")
    parser.add_argument("-o", "--output", metavar="FILE", help="export the graph to FILE")
    parser.add_argument("--format", help=FORMAT_HELP)
    add_build_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    fmt = format_for(args.output, args.format).name if args.output else None
    fields, metadata = input_options(args)
    try:
        with progress(args, " articles", "building") as bar:
            dataset, summary = build_with_summary(
                args.inputs, args.store, args.base, args.model, args.workers,
                strict=args.strict, on_article=updater(bar), dask=args.dask,
                update_url=args.update_url, fields=fields, metadata=metadata)
    except StrictInputError as error:
        report_problems(error.problems)
        print(f"kg build: {error}", file=sys.stderr)
        return 1
    report_problems(summary.problems)
    report_metadata(metadata)
    try:
        return _finish(args, dataset, summary, fmt)
    finally:
        dataset.close()


def _finish(args: argparse.Namespace, dataset, summary, fmt: str | None) -> int:
    if args.output:
        path = export(dataset, args.output, fmt)
        print(f"wrote {path} ({fmt})")
    if args.store:
        print(f"store: {args.store}")
    print(summary)
    return 0
