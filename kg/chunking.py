"""Long articles in paragraph-aligned pieces: each piece is parsed and extracted like an
article of its own, and the pieces' facts are joined with offsets into the whole text.

Why: spaCy refuses a text over its ``max_length`` (E088), its memory grows with the
longest text of a batch, and some extraction steps compare every name with every other,
so one huge text (a whole corpus pasted in one file) cost quadratic time. Pieces bound
all three; an ordinary article (PolNeAR's longest is 33,672 characters) is one piece and
gets exactly the facts it always got.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from kg.extract.facts import extract_facts
from kg.extract.fingerprint import content_hash
from kg.extract.records import ArticleFacts, Span
from kg.extract.table import EntityTable
from kg.ingest import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

PIECE_CHARS = 50_000
# Where a piece may end, best first: a paragraph break, a line break, a sentence end, a space.
_CUTS = ("\n\n", "\n", ". ", " ")

R = TypeVar("R")


def piece_bounds(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """[begin, end) pieces that cover ``text``, none longer than ``limit``, each ending at the
    best cut in the second half of its allowance (a hard cut only in a text without spaces)."""
    bounds, begin = [], 0
    while len(text) - begin > limit:
        end = begin + limit
        for cut in _CUTS:
            at = text.rfind(cut, begin + limit // 2, end)
            if at >= 0:
                end = at + len(cut)
                break
        bounds.append((begin, end))
        begin = end
    bounds.append((begin, len(text)))
    return bounds


def piece_texts(article: Article, limit: int = PIECE_CHARS) -> list[str]:
    """What is parsed for ``article``: its text, or its pieces in order."""
    return [article.text[begin:end] for begin, end in piece_bounds(article.text, limit)]


def article_facts(article: Article, docs: Iterator[Doc], limit: int = PIECE_CHARS) -> ArticleFacts:
    """The facts of ``article`` from the parses of its pieces (taken in order from ``docs``)."""
    bounds = piece_bounds(article.text, limit)
    if len(bounds) == 1:
        return extract_facts(next(docs), article)
    pieces = []
    for begin, end in bounds:
        piece = replace(article, text=article.text[begin:end],
                        headline_end=max(0, min(article.headline_end - begin, end - begin)))
        pieces.append((begin, extract_facts(next(docs), piece)))
    return join_facts(article, pieces)


def join_facts(article: Article, pieces: list[tuple[int, ArticleFacts]]) -> ArticleFacts:
    """One article's facts from its pieces' (offset of the piece, facts): entities met in
    several pieces are merged as within one text, records appear once."""
    table = EntityTable()
    quotes, publications, reactions = {}, {}, {}
    for offset, facts in pieces:
        for entity in facts.entities:
            table.add_entity(entity)
        for mention in shifted(facts.mentions, offset):
            table.add_mention(mention.span, mention.entity, mention.confidence)
        quotes.update(dict.fromkeys(shifted(facts.quotes, offset)))
        publications.update(dict.fromkeys(shifted(facts.publications, offset)))
        reactions.update(dict.fromkeys(shifted(facts.reactions, offset)))
    entities, mentions = table.freeze()
    return replace(pieces[0][1], text=article.text, content_hash=content_hash(article),
                   entities=entities, mentions=mentions, quotes=tuple(quotes),
                   publications=tuple(publications), reactions=tuple(reactions))


def shifted(record: R, offset: int) -> R:
    """``record`` with every ``Span`` inside it moved ``offset`` characters on."""
    if isinstance(record, Span):
        return Span(record.begin + offset, record.end + offset, record.text)  # type: ignore[return-value]
    if isinstance(record, tuple):
        return tuple(shifted(item, offset) for item in record)  # type: ignore[return-value]
    if is_dataclass(record) and not isinstance(record, type):
        return replace(record, **{f.name: shifted(getattr(record, f.name), offset)
                                  for f in fields(record)})
    return record
