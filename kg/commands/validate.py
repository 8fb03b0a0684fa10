"""`kg validate FILE`: check a graph file against the SHACL shapes."""

from __future__ import annotations

import argparse
from pathlib import Path

from rdflib import Dataset

from kg.rdf.validate import validate_graph


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path,
                        help="a Turtle, TriG, N-Triples, N-Quads or JSON-LD file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise FileNotFoundError(f"no such file '{args.file}'")
    dataset = Dataset(default_union=True)
    dataset.parse(args.file)
    conforms, report = validate_graph(dataset)
    print(report if not conforms else f"{args.file}: conforms to the newskg shapes")
    return 0 if conforms else 1
