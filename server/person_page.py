"""The page of a person (or an organisation that speaks): who they are, what they said
where, whom they reacted to, who is quoted with them, and when."""

from __future__ import annotations

from itertools import groupby

from server import page_queries as q
from server.charts import counts_by_day
from server.page_data import (
    CONFIDENCE_CHOICES,
    article_label,
    is_true,
    min_confidence,
    paging,
    select,
    with_context,
)


def roles(rows: list[dict]) -> list[dict]:
    """Job titles and affiliations, each with the articles that state it."""
    found: dict[tuple, dict] = {}
    for row in rows:
        key = ("title", row["title"]) if row["title"] else ("org", row["org"])
        role = found.setdefault(key, {"title": row["title"], "org": row["org"],
                                      "org_label": row["orgLabel"], "articles": {}})
        role["articles"][row["article"]] = article_label(row)
    return list(found.values())


def by_article(rows: list[dict]) -> list[dict]:
    """Occurrence rows (already newest first) grouped by article, quotes in text order."""
    groups = []
    for article, items in groupby(rows, key=lambda row: row["article"]):
        items = list(items)
        groups.append({"article": article, "label": items[0]["article_label"],
                       "outlet": items[0]["outlet"], "outlet_label": items[0]["outletLabel"],
                       "date": items[0]["date"], "occurrences": items})
    return groups


def context(iri: str) -> dict:
    names = select(q.NAMES, iri)
    labels = sorted({row["label"] for row in names if row["label"]})
    threshold = min_confidence()
    counts = select(q.SAID_COUNTS, iri, min_confidence=threshold)
    totals = {key: int(counts[0][key]) if counts else 0
              for key in ("quotes", "occurrences", "articles")}
    pages = paging(totals["occurrences"])
    said = with_context(select(q.SAID, iri, min_confidence=threshold, limit=pages.limit,
                               offset=pages.offset))
    chart = counts_by_day((row["date"], int(row["n"])) for row in select(q.SAID_BY_DATE, iri))
    return {
        "iri": iri,
        "label": labels[0] if labels else iri.rsplit("/", 1)[-1],
        "aliases": sorted({row["alias"] for row in names if row["alias"]} - set(labels)),
        "official": any(is_true(row["official"]) for row in names),
        "roles": roles(select(q.ROLES, iri)),
        "totals": totals,
        "paging": pages,
        "groups": by_article(said),
        "threshold": threshold,
        "confidence_choices": CONFIDENCE_CHOICES,
        "chart": chart,
        "reactions": select(q.REACTIONS_BY, iri),
        "reactions_to": select(q.REACTIONS_TO, iri),
        "alongside": select(q.QUOTED_ALONGSIDE, iri),
    }
