"""The page of an ingested article: its facts, its text with quotes and mentions marked,
and its quotes by speaker."""

from __future__ import annotations

from itertools import groupby

from server import page_queries as q
from server.annotate import Span, annotated
from server.page_data import article_label, is_true, select
from server.views import link_for


def by_speaker(rows: list[dict]) -> list[dict]:
    """Quote rows grouped by speaker (named speakers A-Z, unknown last), text order within."""
    def key(row: dict) -> tuple:
        return (row["speakerLabel"] is None, row["speakerLabel"] or "", row["speaker"] or "")

    groups = []
    for (_, label, speaker), items in groupby(sorted(rows, key=key), key=key):
        groups.append({"speaker": speaker or None, "label": label or None,
                       "quotes": sorted(items, key=lambda r: int(r["b"]))})
    return groups


def context(iri: str) -> dict:
    facts = select(q.ARTICLE, iri)
    fact = facts[0] if facts else {}
    texts = select(q.TEXT, iri)
    text = texts[0]["text"] if texts else None
    quotes = select(q.ARTICLE_QUOTES, iri)
    body = None
    if text is not None:
        quote_spans = [Span(int(r["b"]), int(r["e"]), r["quote"], r["speakerLabel"] or "",
                            r["speaker"], "quote") for r in quotes]
        mention_spans = [Span(int(r["b"]), int(r["e"]), r["entity"], r["label"] or "",
                              kind="outlet" if is_true(r["outlet"]) else "person")
                         for r in select(q.ARTICLE_MENTIONS, iri)]
        body = annotated(text, quote_spans, mention_spans, link_for)
    return {
        "iri": iri,
        "label": article_label({**fact, "article": iri}),
        "fact": fact,
        "outlets": {r["outlet"]: r["outletLabel"] for r in facts if r["outlet"]},
        "opinion": is_true(fact.get("opinion")),
        "authors": select(q.AUTHORS, iri),
        "body": body,
        "speakers": by_speaker(quotes),
        "quote_count": len({r["quote"] for r in quotes}),
    }
