"""The Python API: what the CLI does, as plain functions a notebook can call."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Literal, URIRef
from rdflib.query import Result

from kg.rdf.namespaces import DEFAULT_BASE

if TYPE_CHECKING:
    from kg.ingest import FieldMap, MetadataTable
    from kg.store import GraphStore

DEFAULT_INPUT = Path(__file__).resolve().parent.parent / "data"


class StrictInputError(RuntimeError):
    """A strict build met bad input, and wrote nothing."""

    def __init__(self, problems: list) -> None:
        super().__init__(f"{len(problems)} input(s) could not be read or built; nothing "
                         "was written")
        self.problems = problems


def build_with_summary(inputs: Iterable[str | Path] | None = None,
                       store: str | Path | Dataset | None = None,
                       base: str = DEFAULT_BASE, model: str | None = None, workers: int = 1,
                       strict: bool = False,
                       on_article: Callable[[], object] | None = None,
                       dask: str | None = None, update_url: str | None = None,
                       fields: FieldMap | None = None, metadata: MetadataTable | None = None):
    """Build articles into a store and say what happened: (Dataset, BuildSummary).

    A bad input is skipped and listed in the summary's problems; with ``strict`` it raises
    ``StrictInputError`` instead, before anything is written (a store folder this call
    created is removed again). ``dask`` runs extraction on a Dask cluster
    (``tcp://HOST:PORT`` or ``local:N``); ``update_url`` is the SPARQL Update endpoint of a
    remote store (an http(s) URL); ``fields`` names the record fields
    (``FieldMap.parse(["text=content"])``) and ``metadata`` (``read_metadata("meta.tsv")``) is
    joined onto the articles by id.
    """
    if workers > 1 and not dask:
        from kg.workers import start_workers

        start_workers(model)  # it imports spaCy and loads the model while this process does
    from kg.ingest import read_articles
    from kg.pipeline import BuildSummary, build_into
    from kg.store import is_remote_spec

    new_folder = (isinstance(store, str | Path) and not is_remote_spec(store)
                  and not Path(store).exists())
    dataset = store if isinstance(store, Dataset) else open_dataset(store, update_url)
    summary = BuildSummary()
    if metadata is not None:
        summary.problems.extend(metadata.problems)
    paths = list(inputs) if inputs else [DEFAULT_INPUT]
    articles = read_articles(paths, summary.problems, fields, metadata)
    try:
        build_into(dataset, articles, base, model=model, workers=workers, summary=summary,
                   on_article=on_article, dask=dask, strict=strict)
    except StrictInputError:
        if not isinstance(store, Dataset):
            dataset.close()
        if new_folder:
            shutil.rmtree(store)  # type: ignore[arg-type]
        raise
    return dataset, summary


def build(inputs: Iterable[str | Path] | None = None, store: str | Path | None = None,
          base: str = DEFAULT_BASE, model: str | None = None, workers: int = 1,
          strict: bool = False) -> Dataset:
    """Build the knowledge graph of ``inputs`` (default: the sample ``data/``).

    Returns the rdflib Dataset (one named graph per article, union as default graph),
    in memory, or persisted in the folder ``store``.
    """
    return build_with_summary(inputs, store, base, model, workers, strict)[0]


def open_dataset(store: str | Path | None = None, update_url: str | None = None) -> GraphStore:
    """An existing (or new) store folder, a remote SPARQL store at an http(s) URL (written
    through ``update_url``), or a new in-memory store (``kg.store.GraphStore``)."""
    from kg.store import open_store

    return open_store(store, update_url)


def query(dataset: Dataset, text: str,
          bindings: dict[str, URIRef | Literal] | None = None) -> Result:
    """Run a SPARQL query over the union of the article graphs."""
    from kg.queries import run_query

    return run_query(dataset, text, bindings)


def export(dataset: Dataset, path: str | Path, fmt: str | None = None) -> Path:
    """Write the graph atomically to ``path`` in a format of kg.formats (by name or extension)."""
    from kg.export import export as write

    return write(dataset, path, fmt)
