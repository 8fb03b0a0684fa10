"""What the entity, article, quote and outlet pages share: rows as plain values, article
labels, a quote's sentence in its article, and the page's paging and confidence settings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from flask import request

from server import page_queries as q
from server.backend import backend
from server.executor import Cell

Plain = dict[str, str | None]

PAGE_SIZE = 20
CONFIDENCE_CHOICES = (0.0, 0.5, 0.7, 0.9)
CONTEXT_CHARS = 240  # at most this much of the sentence on each side of a quote
# A sentence ends at . ! or ? (closing quotes and brackets included) before a space, or at
# a line break; not after a title or an initial ("Ms. Lee", "Donald J. Trump").
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n+")
_NOT_AN_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|St|Jr|Sr|Rev|"
                         r"Hon|No|vs|U\.S|[A-Z])\.)$")


def _sentence_ends(text: str, start: int, stop: int):
    """Where sentences end in text[start:stop] (the index after the end's white space)."""
    for match in _SENTENCE_END.finditer(text, start, stop):
        dot = match.start() + 1
        if match.group().startswith(".") and _NOT_AN_END.search(text, max(0, dot - 7), dot):
            continue
        yield match.end()


def select(text: str, x: str | None = None, **fields: object) -> list[Plain]:
    """Rows of a page query as {name: value} (None when unbound); ``x`` is the page's IRI."""
    query = text.format(**fields) if fields else text
    bindings = {"x": Cell("uri", x)} if x else {}
    return [{name: None if cell is None else cell.value for name, cell in row.items()}
            for row in backend().rows(query, **bindings)]


def iri_values(iris: Iterable[str]) -> str:
    """IRIs for a VALUES clause, each written (and escaped) by pyoxigraph."""
    return " ".join(str(ox.NamedNode(iri)) for iri in iris)


def is_true(value: str | None) -> bool:
    return value in ("true", "1")


def article_label(row: Plain, key: str = "article") -> str:
    """An article's headline, else its input id, else the last part of its IRI."""
    return row.get("headline") or row.get("id") or (row.get(key) or "").rsplit("/", 1)[-1]


def article_texts(articles: Iterable[str]) -> dict[str, str]:
    """The full texts of these articles (one query for all)."""
    wanted = sorted(set(articles))
    if not wanted:
        return {}
    rows = select(q.TEXTS, articles=iri_values(wanted))
    return {row["article"]: row["text"] or "" for row in rows}


@dataclass(frozen=True)
class InContext:
    """A quote occurrence in the sentence(s) around it."""

    before: str
    quote: str
    after: str


def in_context(text: str, begin: int, end: int) -> InContext:
    """The sentence holding text[begin:end]: from the end of the sentence before it to the
    end of the one it ends in (cut at CONTEXT_CHARS each side, with an ellipsis)."""
    start = max([0, *_sentence_ends(text, max(0, begin - 4 * CONTEXT_CHARS), begin)])
    stop = next(_sentence_ends(text, end, len(text)), len(text))
    before, after = text[start:begin], text[end:stop].rstrip()
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:].lstrip()
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rstrip() + "…"
    return InContext(before, text[begin:end], after)


def with_context(rows: list[Plain]) -> list[dict]:
    """Occurrence rows (article, b, e) with their sentence in context (``context``)."""
    texts = article_texts(row["article"] for row in rows if row.get("article"))
    out = []
    for row in rows:
        text = texts.get(row.get("article") or "")
        context = None
        if text is not None and row.get("b") is not None and row.get("e") is not None:
            context = in_context(text, int(row["b"]), int(row["e"]))
        out.append({**row, "context": context, "article_label": article_label(row)})
    return out


def min_confidence() -> float:
    """The page's ``min_confidence`` setting, one of CONFIDENCE_CHOICES (else 0)."""
    try:
        value = float(request.args.get("min_confidence", "0"))
    except ValueError:
        return 0.0
    return value if value in CONFIDENCE_CHOICES else 0.0


@dataclass(frozen=True)
class Paging:
    """Which slice of a list this page shows; ``show_all`` lifts the page size."""

    total: int
    page: int
    size: int
    show_all: bool

    @property
    def offset(self) -> int:
        return 0 if self.show_all else (self.page - 1) * self.size

    @property
    def limit(self) -> int:
        return max(self.total, 1) if self.show_all else self.size

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def first(self) -> int:
        return min(self.total, self.offset + 1)

    @property
    def last(self) -> int:
        return min(self.total, self.offset + self.limit)


def paging(total: int, size: int = PAGE_SIZE) -> Paging:
    """Paging from the request's ``page`` and ``all`` arguments (bad values: page 1)."""
    try:
        page = int(request.args.get("page", "1"))
    except ValueError:
        page = 1
    pages = max(1, -(-total // size))
    return Paging(total, min(max(page, 1), pages), size, request.args.get("all") == "1")
