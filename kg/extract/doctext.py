"""The article text and named entities of a parsed Doc, computed once.

spaCy rebuilds ``Doc.text`` from every token and ``Doc.ents`` as new spans on each access;
extractors read them thousands of times per article, which cost more than the parse itself.
(The entities are final once the pipeline has run: nothing after it sets ``Doc.ents``.)
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kg.extract.records import Span

_KEY = "newskg_text"
_ENTS = "newskg_ents"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def doc_ents(doc: Doc) -> tuple[SpacySpan, ...]:
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents


def doc_span(doc: Doc, begin: int, end: int) -> Span:
    """The record of characters [begin, end) of the article."""
    return Span(begin, end, doc_text(doc)[begin:end])
