"""`kg eval --gold DIR`: score quote extraction against PolNeAR-style brat annotations."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.commands.common import add_quiet, progress, updater


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", required=True, type=Path, metavar="DIR",
                        help="a folder with text/*.txt and attributions/*.ann (PolNeAR layout)")
    parser.add_argument("--limit", type=int, help="score only the first N articles")
    parser.add_argument("--offset", type=int, default=0, metavar="N",
                        help="skip the first N articles (to score another slice of train)")
    parser.add_argument("--errors", type=int, default=10, metavar="N",
                        help="errors of each kind to show (default 10)")
    parser.add_argument("--model", help="installed spaCy pipeline name")
    parser.add_argument("--strict-marks", action="store_true",
                        help="count only \" \u201c \u201d as quotation marks (not NYT-style ''); "
                             "the overall row under the other rule is printed too")
    parser.add_argument("--entities", action="store_true",
                        help="score entity merges, labels, speakers, officials and roles "
                             "against the JSON annotations in --gold (tests/data/entity_gold)")
    parser.add_argument("--reactions", action="store_true",
                        help="score officials' reactions against the JSON annotations in "
                             "--gold (tests/data/reaction_gold/dev); errors only for train")
    add_quiet(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.reactions:
        return _run_reactions(args)
    if args.entities:
        from kg.eval.entities import evaluate_entities, format_entity_report
        from kg.nlp import load_pipeline

        print(format_entity_report(evaluate_entities(args.gold, load_pipeline(args.model)),
                                   args.errors))
        return 0
    from kg.eval import evaluate, format_report

    with progress(args, " articles", "scoring") as bar:
        result = evaluate(args.gold, args.model, args.limit, args.strict_marks, args.offset,
                          on_article=updater(bar))
    print(format_report(result, args.errors))
    return 0


def _run_reactions(args: argparse.Namespace) -> int:
    """Dev articles are for measuring only: their errors are never printed."""
    from kg.eval.reactions import evaluate_reactions, format_reaction_report
    from kg.nlp import load_pipeline

    score, splits = evaluate_reactions(args.gold, load_pipeline(args.model))
    shown = args.errors if splits == {"train"} else 0
    print(format_reaction_report(score, shown))
    if shown != args.errors:
        print("(errors are shown for train gold only: dev is for measuring)")
    return 0
