"""Outlet-published-article facts from the input metadata."""

from __future__ import annotations

from kg.extract.outlets import outlet_name
from kg.extract.records import EntityRef, Publication
from kg.ingest.article import Article


def metadata_publications(article: Article) -> list[Publication]:
    """The publisher named in the input published this article (the outlet node is shared
    with mentions of the outlet in text through the alias table)."""
    if not article.publisher:
        return []
    name = outlet_name(article.publisher) or article.publisher.strip()
    return [Publication(outlet=EntityRef("outlet", name))]
