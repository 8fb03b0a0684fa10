"""The page of an outlet: what it published, whom it quotes most, and how its quotes split
between officials and others and by gender (as the text tells it)."""

from __future__ import annotations

from collections import Counter

from server import page_queries as q
from server.gender import UNKNOWN, gender_of
from server.page_data import article_label, is_true, select

TOP_SPEAKERS = 15


def shares(counts: Counter, total: int) -> list[dict]:
    """Each part with its count and percentage of ``total``, largest first."""
    return [{"name": name, "count": count, "percent": round(100 * count / total, 1)}
            for name, count in counts.most_common()] if total else []


def context(iri: str) -> dict:
    names = select(q.NAMES, iri)
    labels = sorted({row["label"] for row in names if row["label"]})
    articles = [{**row, "article_label": article_label(row)} for row in select(q.PUBLISHED, iri)]
    speakers = select(q.OUTLET_SPEAKERS, iri)
    total = sum(int(row["occurrences"]) for row in speakers)
    officials, genders = Counter(), Counter()
    for row in speakers:
        count = int(row["occurrences"])
        officials["officials" if is_true(row["official"]) else "others"] += count
        forms = (row["forms"] or "").split("|")
        row["gender"] = gender_of(f for f in forms if f)
        genders[row["gender"]] += count
    return {
        "iri": iri,
        "label": labels[0] if labels else iri.rsplit("/", 1)[-1],
        "aliases": sorted({row["alias"] for row in names if row["alias"]} - set(labels)),
        "articles": [a for a in articles if is_true(a["ingested"])],
        "mentioned_articles": [a for a in articles if not is_true(a["ingested"])],
        "speakers": speakers[:TOP_SPEAKERS],
        "speaker_count": len(speakers),
        "occurrences": total,
        "official_shares": shares(officials, total),
        "gender_shares": shares(genders, total),
        "unknown": UNKNOWN,
    }
