"""The article text of a parsed Doc, computed once.

spaCy rebuilds ``Doc.text`` from every token on each access; extractors slice it
thousands of times per article, which cost more than the parse itself.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.records import Span

_KEY = "newskg_text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def doc_span(doc: Doc, begin: int, end: int) -> Span:
    """The record of characters [begin, end) of the article."""
    return Span(begin, end, doc_text(doc)[begin:end])
