"""Fixtures for the scale tests: a small corpus of real articles and its serial build."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.api import build_with_summary
from kg.extract.records import ArticleFacts
from kg.ingest import read_articles
from kg.pipeline import BuildSummary, extract_all, settle, store_facts
from kg.rdf import iris
from kg.rdf.namespaces import DEFAULT_BASE, XSD
from kg.store import open_store
from tests.conftest import DATA, SHARED
from tests.oxigraph import oxigraph_serving

# Five short PolNeAR train articles beside the three samples: eight articles make two
# worker jobs, so both workers of a two-worker build get work.
POLNEAR = SHARED / "polnear" / "train" / "text"
POLNEAR_ARTICLES = [
    "west-journal_2016-05-26_republican-party-boosts-spending.txt",
    "wash-post_2016-07-16_new-iran-sanctions-bill-lacks-bi.txt",
    "breitbart_2016-07-19_former-ag-mukasey-at-rnc-clinton.txt",
    "politico_2016-02-17_bush-rubio-collide-in-scramble-f.txt",
    "nyt_2016-04-08_tensions-flare-after-sanders-cal.txt",
]
Quad = tuple[Node, Node, Node, Node]


def normal(term: Node) -> Node:
    """One spelling per RDF 1.1 value: "x"^^xsd:string is "x", offsets are integers."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    if isinstance(term, Literal) and term.datatype == XSD.nonNegativeInteger:
        return Literal(str(term), datatype=XSD.integer)
    return term


def quads(dataset: Dataset) -> set[Quad]:
    """The article graphs as a set of quads; without blank nodes, equal sets are isomorphic."""
    return {(s, p, normal(o), g) for s, p, o, g in dataset.quads((None, None, None, None))
            if g is not None and g != DATASET_DEFAULT_GRAPH_ID}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(DATA.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    for name in POLNEAR_ARTICLES:
        shutil.copy(POLNEAR / name, folder / name)
    return folder


@pytest.fixture(scope="session")
def serial_build(nlp, corpus: Path) -> tuple[Dataset, BuildSummary]:
    """The corpus built in one process, in memory: what every other build must equal."""
    return build_with_summary([corpus])


@pytest.fixture(scope="session")
def serial(serial_build: tuple[Dataset, BuildSummary]) -> Dataset:
    return serial_build[0]


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real Oxigraph server on a free loopback port; yields its query URL."""
    with oxigraph_serving(tmp_path / "oxigraph") as url:
        yield url


@pytest.fixture(scope="session")
def facts(nlp, corpus: Path) -> list[ArticleFacts]:
    """The corpus, and again under new ids for half of it: those people gain articles."""
    found = [f for f in extract_all(read_articles(sorted(corpus.iterdir())))
             if isinstance(f, ArticleFacts)]
    return found + [dataclasses.replace(f, article_id=f"{f.article_id}~2") for f in found[::2]]


def built(batches: list[list[ArticleFacts]]) -> Dataset:
    """A store settled after each batch (incrementally when there are several)."""
    dataset = open_store()
    for batch in batches:
        for article in batch:
            store_facts(dataset, article, DEFAULT_BASE)
        graphs = [iris.article_graph_iri(DEFAULT_BASE, a.article_id) for a in batch]
        settle(dataset, DEFAULT_BASE, graphs if len(batches) > 1 else None)
    return dataset
