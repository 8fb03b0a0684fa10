"""The page of a quotation: its words, its speaker, every article and outlet that carries
it with the sentence around it (the corroboration view), and the reactions it carries or
draws."""

from __future__ import annotations

from server import page_queries as q
from server.page_data import is_true, select, with_context


def context(iri: str) -> dict:
    facts = select(q.QUOTE, iri)
    occurrences = with_context(select(q.OCCURRENCES, iri))
    return {
        "iri": iri,
        "label": facts[0]["text"] if facts else iri.rsplit("/", 1)[-1],
        "direct": any(is_true(r["direct"]) for r in facts),
        "speakers": {r["speaker"]: r["speakerLabel"] for r in facts if r["speaker"]},
        "occurrences": occurrences,
        "outlets": sorted({r["outletLabel"] for r in occurrences if r["outletLabel"]}),
        "articles": len({r["article"] for r in occurrences}),
        "carried": select(q.REACTIONS_CARRIED, iri),
        "reactions_to": select(q.REACTIONS_TO, iri),
    }
