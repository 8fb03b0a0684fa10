"""The build: articles in, facts extracted (in worker processes if asked), graphs stored."""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import TypeVar

from rdflib import Dataset

from kg import nlp
from kg.extract import content_hash, extract_facts
from kg.extract.records import ArticleFacts
from kg.ingest import Article, InputProblem
from kg.rdf import iris
from kg.rdf.triples import article_quads
from kg.resolve import resolve_store
from kg.store import (
    content_hashes,
    remove_graph,
    replace_graph,
    triple_count,
)
from kg.store import literal_count as count

CHUNK_SIZE = 4  # articles per job: small enough to balance two workers on a few articles
ENTITY_COUNT = """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
  VALUES ?t { schema:Person schema:Organization schema:Place } ?e a ?t }"""
QUOTE_COUNT = "SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE { ?q a schema:Quotation }"
ARTICLE_IDS = "SELECT ?id WHERE { ?a a nif:Context ; dcterms:identifier ?id }"

T = TypeVar("T")
H = TypeVar("H")
R = TypeVar("R")


@dataclass
class BuildSummary:
    """What a build did, for the closing summary line and the API."""

    built: int = 0
    unchanged: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    entities: int = 0
    quotes: int = 0
    triples: int = 0
    seconds: float = 0.0

    @property
    def skipped(self) -> int:
        return len(self.problems)

    def __str__(self) -> str:
        return (f"{self.built} articles built, {self.unchanged} unchanged, "
                f"{self.skipped} skipped; {self.entities} entities, {self.quotes} quotes, "
                f"{self.triples} triples in {self.seconds:.1f} s")


def facts_of_chunk(chunk: list[Article], model: str | None = None) -> list[ArticleFacts]:
    """Parse and extract one chunk of articles (what a worker process or Dask task does)."""
    pipeline = nlp.load_pipeline(model)
    docs = nlp.parse((a.text for a in chunk), pipeline)
    return [extract_facts(doc, article) for doc, article in zip(docs, chunk)]


def chunks(articles: Iterable[Article], size: int = CHUNK_SIZE) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def in_order(submit: Callable[[T], H], jobs: Iterable[T], wait: Callable[[H], R],
             window: int) -> Iterator[R]:
    """Results of jobs run elsewhere, in input order, with at most ``window`` in flight.

    Unlike ``Pool.imap``, which reads its whole input ahead, this keeps memory bounded by
    the window however long the stream of articles is.
    """
    pending: deque[H] = deque()
    for job in jobs:
        pending.append(submit(job))
        if len(pending) >= window:
            yield wait(pending.popleft())
    while pending:
        yield wait(pending.popleft())


def _worker_init(model: str | None) -> None:
    nlp.load_pipeline(model)


def extract_all(articles: Iterable[Article], model: str | None = None,
                workers: int = 1, dask: str | None = None) -> Iterator[ArticleFacts]:
    """Facts per article in input order; with workers > 1 (or a Dask scheduler) parsing and
    extraction run elsewhere and records flow back in chunks, never all held at once."""
    if dask:
        from kg.distributed import extract_on_dask

        yield from extract_on_dask(articles, dask, model)
        return
    if workers <= 1:
        for chunk in chunks(articles, nlp.BATCH_SIZE):
            yield from facts_of_chunk(chunk, model)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_worker_init, initargs=(model,)) as pool:
        def submit(chunk: list[Article]) -> AsyncResult:
            return pool.apply_async(facts_of_chunk, (chunk, model))

        for facts in in_order(submit, chunks(articles), AsyncResult.get, 2 * workers):
            yield from facts


def store_facts(dataset: Dataset, facts: ArticleFacts, base: str) -> int:
    """Replace the article's named graph with its facts; returns the triple count."""
    quads = list(article_quads(facts, base))
    replace_graph(dataset, iris.article_graph_iri(base, facts.article_id), quads)
    return len(quads)


def settle(dataset: Dataset, base: str) -> None:
    """Store-wide work after articles were added, replaced or removed, so that increments
    give the same graph as one build: cross-article entity resolution needs the whole
    store, not one article."""
    resolve_store(dataset, base)


def remove_articles(dataset: Dataset, ids: Iterable[str], base: str) -> list[str]:
    """Delete the named graphs of the articles ``ids`` the store holds; returns those."""
    known = {str(row[0]) for row in dataset.query(ARTICLE_IDS)}
    removed = [article_id for article_id in dict.fromkeys(ids) if article_id in known]
    for article_id in removed:
        remove_graph(dataset, iris.article_graph_iri(base, article_id))
    if removed:
        settle(dataset, base)
    return removed


def build_into(dataset: Dataset, articles: Iterable[Article], base: str,
               model: str | None = None, workers: int = 1,
               summary: BuildSummary | None = None, dask: str | None = None,
               on_article: Callable[[], object] | None = None) -> BuildSummary:
    """Build articles into ``dataset``, skipping those whose content the store already holds."""
    summary = summary or BuildSummary()
    started = time.perf_counter()
    known = content_hashes(dataset)

    def changed(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if known.get(article.id) == content_hash(article):
                summary.unchanged += 1
                if on_article:
                    on_article()
                continue
            yield article

    for facts in extract_all(changed(articles), model, workers, dask):
        store_facts(dataset, facts, base)
        summary.built += 1
        if on_article:
            on_article()
    if summary.built:
        settle(dataset, base)
    summary.entities = count(dataset, ENTITY_COUNT)
    summary.quotes = count(dataset, QUOTE_COUNT)
    summary.triples = triple_count(dataset)
    summary.seconds += time.perf_counter() - started
    return summary
