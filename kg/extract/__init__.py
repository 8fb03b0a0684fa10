"""Extraction: pure functions from a parsed Doc (plus article metadata) to records."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from kg.extract.entities import extract_entities
from kg.extract.publications import metadata_publications, text_publications
from kg.extract.quotes import extract_quotes
from kg.extract.reactions import extract_reactions
from kg.extract.records import ArticleFacts
from kg.ingest.article import Article


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """Hash of the extraction code and its data: a store built by older rules is rebuilt."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted([*package.glob("*.py"), *(package.parent / "data").glob("*.tsv"),
                        package.parent / "segmentation.py"]):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_hash(article: Article) -> str:
    """Hash of everything that shapes the article's facts (text, metadata, extraction code)."""
    parts = [article.text, article.title or "", article.url or "", article.publisher or "",
             article.date or "", "|".join(article.authors), str(article.headline_end),
             extractor_fingerprint()]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def extract_facts(doc: Doc, article: Article) -> ArticleFacts:
    """All facts of one article, from its parse and its metadata.

    Entities come first (every later stage looks names up in their table), then quotes,
    then publications, then reactions (which point at quotes and mentioned articles).
    """
    table = extract_entities(doc, article.publisher, article.headline_end, article.id)
    quotes = tuple(extract_quotes(doc, table, article.authors))
    in_text, mentioned = text_publications(doc, table, article.date)
    publications = tuple(metadata_publications(article)) + tuple(in_text)
    reactions = tuple(extract_reactions(doc, table, quotes, mentioned))
    entities, mentions = table.freeze()
    return ArticleFacts(
        article_id=article.id, text=article.text, title=article.title, url=article.url,
        date=article.date, authors=article.authors, content_hash=content_hash(article),
        entities=entities, mentions=mentions, quotes=quotes, publications=publications,
        reactions=reactions,
    )


__all__ = ["extract_facts", "content_hash", "ArticleFacts"]
