"""`kg remove ID... --store DIR`: delete articles (their named graphs) from a store."""

from __future__ import annotations

import argparse
import sys

from kg.commands.common import open_existing
from kg.pipeline import remove_articles
from kg.rdf.namespaces import DEFAULT_BASE


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", nargs="+", metavar="ID", help="article ids (file stem or id field)")
    parser.add_argument("--store", required=True, metavar="DIR",
                        help="store folder, or the http(s) URL of a SPARQL 1.1 server")
    parser.add_argument("--update-url", metavar="URL",
                        help="SPARQL Update endpoint of a remote --store URL")
    parser.add_argument("--base", default=DEFAULT_BASE, help="base IRI the store was built with")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Exit 1 when an id is not in the store, so scripts notice a typo."""
    dataset = open_existing(args.store, args.update_url)
    try:
        removed = remove_articles(dataset, args.ids, args.base)
    finally:
        dataset.close()  # release the folder's lock for the next command
    missing = [article_id for article_id in args.ids if article_id not in removed]
    for article_id in missing:
        print(f"kg remove: no article '{article_id}' in {args.store}", file=sys.stderr)
    print(f"removed {len(removed)} article(s) from {args.store}")
    return 1 if missing else 0
