"""Measuring quote extraction and speaker attribution against human annotation (PolNeAR)."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from kg import nlp
from kg.eval.brat import GoldArticle, read_gold
from kg.eval.report import EvalResult, Figures, format_report
from kg.eval.score import Counts, score_article, score_reported
from kg.extract.facts import extract_facts
from kg.ingest.article import Article


def evaluate(gold_dir: str | Path, model: str | None = None,
             limit: int | None = None, strict_marks: bool = False,
             offset: int = 0,
             on_article: Callable[[], object] | None = None) -> EvalResult:
    """Parse the gold articles, extract quotes and score the direct and the reported ones.

    The table follows the chosen mark rule (``strict_marks``: only ``"“”`` are
    quotation marks); the overall counts under the other rule are kept alongside.
    ``offset`` and ``limit`` pick a slice of the split (articles in name order);
    ``on_article`` is called after each article is scored (a progress bar).
    """
    articles: list[GoldArticle] = read_gold(Path(gold_dir))[offset:][:limit]
    pipeline = nlp.load_pipeline(model)
    started = time.perf_counter()
    result = EvalResult(articles=len(articles), by_layout=defaultdict(Counts),
                        strict_marks=strict_marks)
    docs = nlp.parse((a.text for a in articles), pipeline)
    for doc, gold in zip(docs, articles):
        facts = extract_facts(doc, Article(gold.name, gold.text))
        direct = [q for q in facts.quotes if q.direct]
        score = score_article(gold, direct, strict_marks)
        for name, counts in score.by_layout.items():
            result.by_layout[name].add(counts)
        result.errors.extend(score.errors)
        for counts in score_article(gold, direct, not strict_marks).by_layout.values():
            result.other_rule.add(counts)
        reported, errors = score_reported(gold, list(facts.quotes))
        result.reported.add(reported)
        result.errors.extend(errors)
        if on_article:
            on_article()
    result.seconds = time.perf_counter() - started
    return result


__all__ = ["evaluate", "format_report", "EvalResult", "Figures", "read_gold"]
