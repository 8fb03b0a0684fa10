"""What decides whether a stored article is rebuilt: the hash of its content and of the
extraction code. Apart from the extractors, so that a build's main process, which only
compares hashes (its workers parse), never imports spaCy."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
