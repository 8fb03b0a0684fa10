"""`kg eval --gold DIR`: score quote extraction against PolNeAR-style brat annotations."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval", help="score quotes and speakers against brat attribution annotations")
    parser.add_argument("--gold", required=True, type=Path, metavar="DIR",
                        help="a folder with text/*.txt and attributions/*.ann (PolNeAR layout)")
    parser.add_argument("--limit", type=int, help="score only the first N articles")
    parser.add_argument("--errors", type=int, default=10, metavar="N",
                        help="errors of each kind to show (default 10)")
    parser.add_argument("--model", help="installed spaCy pipeline name")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.eval import evaluate, format_report

    print(format_report(evaluate(args.gold, args.model, args.limit), args.errors))
    return 0
