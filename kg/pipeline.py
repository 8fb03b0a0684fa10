"""The build: articles in, facts extracted (in worker processes if asked), graphs stored.

spaCy and the extractors are imported only where a process parses: the main process of a
build with workers reads, hashes, stores and resolves, and leaves both cores to them."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import TypeVar

from rdflib import URIRef

from kg.api import StrictInputError
from kg.extract.fingerprint import content_hash
from kg.extract.records import ArticleFacts
from kg.ingest import Article, InputProblem
from kg.rdf import iris
from kg.rdf.triples import article_quads
from kg.resolve import resolve_store
from kg.store import GraphStore, Quad, held_hash
from kg.workers import worker_context

CHUNK_SIZE = 4  # articles per job: small enough to balance two workers on a few articles
ARTICLE_IDS = "SELECT ?id WHERE { ?a a nif:Context ; dcterms:identifier ?id }"

T = TypeVar("T")
H = TypeVar("H")
R = TypeVar("R")


@dataclass
class BuildSummary:
    """What a build did, for the closing summary line and the API. It counts what the build
    wrote, not the whole store: counting every entity, quotation and triple of a large store
    took 6 s of each build at 12,000 articles (`kg stats` counts them)."""

    built: int = 0
    unchanged: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    quotes: int = 0  # quotations found in the articles built
    quads: int = 0  # written into their article graphs
    seconds: float = 0.0

    @property
    def skipped(self) -> int:
        return len(self.problems)

    def __str__(self) -> str:
        return (f"{self.built} articles built, {self.unchanged} unchanged, "
                f"{self.skipped} skipped; {self.quotes} quotes found, {self.quads} quads "
                f"written in {self.seconds:.1f} s")


def facts_of_chunk(chunk: list[Article],
                   model: str | None = None) -> list[ArticleFacts | InputProblem]:
    """Parse and extract one chunk of articles (what a worker process or Dask task does).

    Texts longer than a piece (or than the model's ``max_length``) go in paragraph-aligned
    pieces (``kg.chunking``). An article that fails, whatever the error, comes back as the
    problem that names it; the others of its chunk are still built.
    """
    from kg import nlp
    from kg.chunking import PIECE_CHARS, article_facts, piece_texts

    pipeline = nlp.load_pipeline(model)
    limit = min(PIECE_CHARS, pipeline.max_length)
    try:
        docs = nlp.parse((text for a in chunk for text in piece_texts(a, limit)), pipeline)
        return [article_facts(article, docs, limit) for article in chunk]
    except Exception as error:
        if len(chunk) > 1:  # one article at a time, to find the one at fault
            return [result for article in chunk for result in facts_of_chunk([article], model)]
        return [not_built(chunk[0].source or chunk[0].id, error)]


def not_built(source: str, error: Exception) -> InputProblem:
    """The problem a user sees for an input that raised: where, and the error in one line."""
    message = " ".join(str(error).split())[:200]
    return InputProblem(source, f"not built: {type(error).__name__}"
                        + (f": {message}" if message else ""))


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
    from kg import nlp

    nlp.load_pipeline(model)


def extract_all(articles: Iterable[Article], model: str | None = None, workers: int = 1,
                dask: str | None = None) -> Iterator[ArticleFacts | InputProblem]:
    """Facts (or the problem) per article in input order; with workers > 1 (or a Dask
    scheduler) parsing and extraction run elsewhere and records flow back in chunks, never
    all held at once."""
    if dask:
        from kg.distributed import extract_on_dask

        yield from extract_on_dask(articles, dask, model)
        return
    if workers <= 1:
        from kg import nlp

        for chunk in chunks(articles, nlp.BATCH_SIZE):
            yield from facts_of_chunk(chunk, model)
        return
    context = worker_context(model)
    with context.Pool(workers, initializer=_worker_init, initargs=(model,)) as pool:
        def submit(chunk: list[Article]) -> AsyncResult:
            return pool.apply_async(facts_of_chunk, (chunk, model))

        for facts in in_order(submit, chunks(articles), AsyncResult.get, 2 * workers):
            yield from facts


def store_facts(dataset: GraphStore, facts: ArticleFacts, base: str,
                quads: list[Quad] | None = None) -> int:
    """Replace the article's named graph with its facts (``quads``, if already made), as
    one transaction; returns the quad count."""
    quads = list(article_quads(facts, base)) if quads is None else quads
    with dataset.transaction(f"article {facts.article_id}"):
        dataset.put_graph(iris.article_graph_iri(base, facts.article_id), quads)
    return len(quads)


def settle(dataset: GraphStore, base: str, graphs: Iterable[URIRef] | None = None) -> None:
    """Cross-article work after articles were added, replaced or removed, so that increments
    give the same graph as one build. ``graphs``: the article graphs just added to a
    settled store, the only ones resolution then reads from (None: the whole store, as a
    removal, a replacement or a pending merge needs). In a store folder it is one
    transaction, and the pending marker (written before the articles) is cleared only once
    it is done."""
    with dataset.transaction("merge"):
        resolve_store(dataset, base, graphs)
    dataset.clear_pending()


def finish_interrupted(dataset: GraphStore) -> bool:
    """Bring a store that a killed build left behind back to a graph a whole build gives:
    undo a half-written article or merge, then run a merge still pending. True if it did."""
    undone, base = dataset.recover()
    if base is not None:
        settle(dataset, base)
    return undone or base is not None


def remove_articles(dataset: GraphStore, ids: Iterable[str], base: str) -> list[str]:
    """Delete the named graphs of the articles ``ids`` the store holds; returns those."""
    finish_interrupted(dataset)
    known = {str(row[0]) for row in dataset.query(ARTICLE_IDS)}
    removed = [article_id for article_id in dict.fromkeys(ids) if article_id in known]
    if removed:
        dataset.mark_pending(base)
    for article_id in removed:
        with dataset.transaction(f"remove {article_id}"):
            dataset.drop_graph(iris.article_graph_iri(base, article_id))
    if removed:
        settle(dataset, base)
    return removed


def build_into(dataset: GraphStore, articles: Iterable[Article], base: str,
               model: str | None = None, workers: int = 1,
               summary: BuildSummary | None = None, dask: str | None = None,
               on_article: Callable[[], object] | None = None,
               strict: bool = False) -> BuildSummary:
    """Build articles into ``dataset``, skipping those whose content the store already holds.

    An input that cannot be read or built is skipped and added to ``summary.problems``;
    ``strict`` reads and extracts everything first and raises ``StrictInputError`` before
    writing anything if there was any problem (the extracted facts wait in memory). A store
    folder that a killed build left half done is first set right (``finish_interrupted``).
    """
    summary = summary or BuildSummary()
    started = time.perf_counter()
    finish_interrupted(dataset)
    # the hash the store held for each article id read, looked up before this build wrote it
    known: dict[str, str | None] = {}
    sources: deque[str] = deque()  # of the articles in flight, in input order
    added: set[URIRef] | None = set()  # the graphs written; None once one replaced another

    def changed(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if article.id not in known:
                known[article.id] = held_hash(dataset, article.id)
            if known[article.id] == content_hash(article):
                summary.unchanged += 1
                if on_article:
                    on_article()
                continue
            sources.append(article.source or article.id)
            yield article

    def checked() -> Iterator[tuple[ArticleFacts, list[Quad]]]:
        """Facts with their quads; an article that failed goes to the problems."""
        for result in extract_all(changed(articles), model, workers, dask):
            source = sources.popleft()
            if on_article:
                on_article()
            if isinstance(result, InputProblem):
                summary.problems.append(result)
                continue
            try:
                quads = list(article_quads(result, base))
            except Exception as error:
                summary.problems.append(not_built(source, error))
                continue
            yield result, quads

    ready = checked()
    if strict:
        extracted = [facts for facts, _ in ready]  # the quads are remade when written: lighter
        if summary.problems:
            raise StrictInputError(summary.problems)
        ready = ((facts, list(article_quads(facts, base))) for facts in extracted)
    for facts, quads in ready:
        if not summary.built:
            dataset.mark_pending(base)
        summary.quads += store_facts(dataset, facts, base, quads)
        summary.quotes += len(facts.quotes)
        summary.built += 1
        graph = iris.article_graph_iri(base, facts.article_id)
        if added is not None and (known.get(facts.article_id) or graph in added):
            added = None
        elif added is not None:
            added.add(graph)
    if summary.built:
        settle(dataset, base, added)
    summary.seconds += time.perf_counter() - started
    return summary
