"""All facts of one article: the extractors run in order over its parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.entities import extract_entities
from kg.extract.fingerprint import content_hash
from kg.extract.publications import metadata_publications, text_publications
from kg.extract.quotes import extract_quotes
from kg.extract.reactions import extract_reactions
from kg.extract.records import ArticleFacts

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.ingest.article import Article


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
