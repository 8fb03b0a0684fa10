"""The build: articles in, facts extracted (in worker processes if asked), graphs stored."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from rdflib import Dataset

from kg import nlp
from kg.extract import content_hash, extract_facts
from kg.extract.records import ArticleFacts
from kg.ingest import Article, InputProblem
from kg.rdf import iris
from kg.rdf.triples import article_quads
from kg.store import content_hashes, replace_graph, triple_count
from kg.store import literal_count as count

CHUNK_SIZE = 16
ENTITY_COUNT = """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
  VALUES ?t { schema:Person schema:Organization schema:Place } ?e a ?t }"""
QUOTE_COUNT = "SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE { ?q a schema:Quotation }"


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


def _facts_of_chunk(chunk: list[Article], model: str | None = None) -> list[ArticleFacts]:
    pipeline = nlp.load_pipeline(model)
    docs = nlp.parse((a.text for a in chunk), pipeline)
    return [extract_facts(doc, article) for doc, article in zip(docs, chunk)]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _worker_init(model: str | None) -> None:
    nlp.load_pipeline(model)


def extract_all(articles: Iterable[Article], model: str | None = None,
                workers: int = 1) -> Iterator[ArticleFacts]:
    """Facts per article in input order; with workers > 1 parsing and extraction run in
    separate processes and records flow back in chunks, never all held at once."""
    if workers <= 1:
        for chunk in _chunks(articles, nlp.BATCH_SIZE):
            yield from _facts_of_chunk(chunk, model)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_worker_init, initargs=(model,)) as pool:
        chunks = _chunks(articles, CHUNK_SIZE)
        for facts in pool.imap(_facts_for_worker, ((c, model) for c in chunks)):
            yield from facts


def _facts_for_worker(job: tuple[list[Article], str | None]) -> list[ArticleFacts]:
    return _facts_of_chunk(*job)


def store_facts(dataset: Dataset, facts: ArticleFacts, base: str) -> int:
    """Replace the article's named graph with its facts; returns the triple count."""
    quads = list(article_quads(facts, base))
    replace_graph(dataset, iris.article_graph_iri(base, facts.article_id), quads)
    return len(quads)


def build_into(dataset: Dataset, articles: Iterable[Article], base: str,
               model: str | None = None, workers: int = 1,
               summary: BuildSummary | None = None,
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

    for facts in extract_all(changed(articles), model, workers):
        store_facts(dataset, facts, base)
        summary.built += 1
        if on_article:
            on_article()
    summary.entities = count(dataset, ENTITY_COUNT)
    summary.quotes = count(dataset, QUOTE_COUNT)
    summary.triples = triple_count(dataset)
    summary.seconds += time.perf_counter() - started
    return summary
