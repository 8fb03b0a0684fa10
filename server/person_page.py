"""The page of a person (or an organisation that speaks): who they are, what they said
where, whom they reacted to, who is quoted with them, and when."""

from __future__ import annotations

from itertools import groupby

import pyoxigraph as ox

from kg.resolve import person_summary
from server import page_queries as q
from server.charts import counts_by_day
from server.page_data import (
    CONFIDENCE_CHOICES,
    Plain,
    article_label,
    iri_values,
    is_true,
    min_confidence,
    paging,
    select,
    with_context,
)

XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
ROLE_ARTICLES = 3  # a role lists this many of the articles that state it, and their number


def roles(rows: list[Plain]) -> list[dict]:
    """Job titles and affiliations (organisations first, then titles, as the text sorts),
    each with how many articles state it and the first ROLE_ARTICLES of them (by IRI)."""
    found: dict[tuple, dict] = {}
    for row in rows:
        key = ("title", row["title"]) if row["title"] else ("org", row["org"])
        role = found.setdefault(key, {"title": row["title"], "org": row["org"],
                                      "org_label": row["orgLabel"], "graphs": set()})
        role["graphs"] |= set((row["graphs"] or "").split())  # an org with two labels: two rows
    for role in found.values():
        graphs = sorted(role.pop("graphs"))
        role.update(count=len(graphs),
                    articles=[graph.removesuffix("/graph") for graph in graphs[:ROLE_ARTICLES]])
    return sorted(found.values(), key=lambda r: (r["title"] is not None, r["title"] or "",
                                                 r["org_label"] is not None,
                                                 r["org_label"] or "", r["org"] or ""))


def with_article_labels(found: list[dict]) -> list[dict]:
    """Roles with their listed articles as {article: label}, in label order (one query for
    the articles of all roles)."""
    wanted = {article for role in found for article in role["articles"]}
    rows = select(q.ARTICLE_LABELS, articles=iri_values(wanted)) if wanted else []
    labels = {row["article"]: article_label(row) for row in rows}
    return [{**role, "articles": dict(sorted(((a, labels.get(a, a)) for a in role["articles"]),
                                             key=lambda item: (item[1], item[0])))}
            for role in found]


def said_window(days: list[tuple[str, int]], total: int, offset: int,
                limit: int) -> tuple[list[str], int] | None:
    """The publication dates, newest first, whose occurrences hold the page offset..
    offset+limit, and the page's offset from the first of them. None when the kept
    per-date counts cannot say: the page reaches the undated occurrences (sorted last), or
    the counts add up to more than the total (an article with two dates)."""
    dated = sum(n for _, n in days)
    if dated > total or (offset + limit > dated and total > dated):
        return None
    chosen: list[str] = []
    before = covered = 0
    for day, n in sorted(days, reverse=True):
        if not chosen and before + n <= offset:
            before += n
            continue
        chosen.append(day)
        covered += n
        if before + covered >= offset + limit:
            break
    return chosen, offset - before


def kept_days(rows: list[Plain]) -> list[tuple[str, int]]:
    """(date, occurrences) from KEPT_DAYS's one row."""
    pairs = (item.rsplit("=", 1) for row in rows for item in (row["days"] or "").split())
    return [(day, int(n)) for day, n in pairs]


def said_query(days: list[tuple[str, int]] | None, total: int, threshold: float, offset: int,
               limit: int) -> str:
    """The query for a page of occurrences: from the articles of a few dates when the kept
    per-date counts locate it (any confidence), else sorting all of them; "" for a page
    past the end."""
    window = None if days is None or threshold else said_window(days, total, offset, limit)
    if window is None:
        return q.SAID.format(min_confidence=threshold, limit=limit, offset=offset)
    chosen, offset = window
    if not chosen:
        return ""
    written = " ".join(str(ox.Literal(day, datatype=XSD_DATE)) for day in chosen)
    return q.SAID_ON_DAYS.format(days=written, limit=limit, offset=offset)


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
    kept = select(q.SUMMARY, iri)  # the summary the build keeps (no row: count live)
    counts = kept if kept and not threshold else select(q.SAID_COUNTS, iri,
                                                        min_confidence=threshold)
    totals = {key: int(counts[0][key]) if counts else 0
              for key in ("quotes", "occurrences", "articles")}
    pages = paging(totals["occurrences"])
    days = kept_days(select(q.KEPT_DAYS, iri)) if kept else None
    text = said_query(days, totals["occurrences"], threshold, pages.offset, pages.limit)
    occurrences = with_context(select(text, iri) if text else [])
    chart = counts_by_day(days if days is not None else (
        (row["date"], int(row["n"])) for row in select(q.SAID_BY_DATE, iri)))
    return {
        "iri": iri,
        "label": labels[0] if labels else iri.rsplit("/", 1)[-1],
        "aliases": sorted({row["alias"] for row in names if row["alias"]} - set(labels)),
        "official": any(is_true(row["official"]) for row in names),
        "roles": with_article_labels(roles(select(q.ROLES, iri))),
        "totals": totals,
        "paging": pages,
        "groups": by_article(occurrences),
        "threshold": threshold,
        "confidence_choices": CONFIDENCE_CHOICES,
        "chart": chart,
        "reactions": select(q.REACTIONS_BY, iri),
        # one's reaction to one's own words is listed once, under the reactions given
        "reactions_to": [row for row in select(q.REACTIONS_TO, iri) if row["agent"] != iri],
        "alongside": select(q.KEPT_ALONGSIDE if kept and int(kept[0]["articles"]) >=
                            person_summary.ALONGSIDE_FROM else q.QUOTED_ALONGSIDE, iri),
    }
