"""Score textacy's `direct_quotations` with newskg's own `kg eval` rules, for comparison.

textacy is not a newskg dependency; run this in an environment that has it:
    python -m venv /tmp/txenv && /tmp/txenv/bin/pip install textacy -e .
    /tmp/txenv/bin/python benchmarks/textacy_baseline.py ../shared/polnear/dev
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

import spacy
from textacy.extract.triples import direct_quotations

from kg.eval import EvalResult, format_report, read_gold
from kg.eval.score import Counts, score_article
from kg.extract.records import EntityRef, Quote, Span
from kg.nlp import DEFAULT_MODEL


def textacy_quotes(doc) -> list[Quote]:
    """textacy's triples as newskg quote records (content without its quotation marks)."""
    quotes = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy refuses articles with an odd number of quotation marks
        return quotes
    for speaker, cue, content in triples:
        begin, end = content.start_char, content.end_char
        text = doc.text[begin:end]
        stripped = text.strip("\"“”'‘’ ")
        begin += text.index(stripped[:1]) if stripped else 0
        end = begin + len(stripped)
        name = " ".join(t.text for t in speaker)
        mention = (Span(speaker[0].idx, speaker[-1].idx + len(speaker[-1]), name)
                   if speaker else None)
        cue_span = Span(cue[0].idx, cue[-1].idx + len(cue[-1]), cue[0].text)
        quotes.append(Quote(Span(begin, end, doc.text[begin:end]), direct=True,
                            cue=cue_span.text, cue_span=cue_span,
                            speaker=EntityRef("person", name) if name else None,
                            speaker_mention=mention))
    return quotes


def main(gold_dir: str) -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    articles = read_gold(Path(gold_dir))
    result = EvalResult(articles=len(articles), by_layout=defaultdict(Counts))
    started = time.perf_counter()
    for doc, gold in zip(nlp.pipe(a.text for a in articles), articles, strict=True):
        score = score_article(gold, textacy_quotes(doc))
        for name, counts in score.by_layout.items():
            result.by_layout[name].add(counts)
        result.errors.extend(score.errors)
    result.seconds = time.perf_counter() - started
    print("textacy direct_quotations")
    print(format_report(result, errors=0))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/polnear/dev")
