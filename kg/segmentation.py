"""Sentence boundaries that never cut a quotation apart.

spaCy's parser happily starts a sentence at a quotation mark inside a quote;
quote extraction needs the whole quote in one sentence with its attribution.
The component runs before the parser and forbids sentence starts strictly
inside a quoted stretch of a paragraph.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "newskg_quote_sentences"
_OPEN = {"“", "«"}
_CLOSE = {"”", "»"}


def quoted_token_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token index ranges [start, end) from an opening mark to its closing mark.

    Straight quotes toggle; curly quotes open and close. A quote left open at
    a paragraph break ends there, so one stray mark cannot swallow the article.
    """
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    for token in doc:
        text = token.text
        if "\n" in token.text_with_ws and start is not None and "\n\n" in token.text_with_ws:
            ranges.append((start, token.i + 1))
            start = None
            continue
        if text in _OPEN or (text == '"' and start is None):
            start = token.i if start is None else start
        elif (text in _CLOSE or text == '"') and start is not None:
            ranges.append((start, token.i + 1))
            start = None
    if start is not None:
        ranges.append((start, len(doc)))
    return ranges


class QuoteSentenceGuard:
    def __call__(self, doc: Doc) -> Doc:
        for start, end in quoted_token_ranges(doc):
            for token in doc[start + 1:end]:
                # The closing mark and the tokens inside never start a sentence.
                if not token.is_space:
                    token.is_sent_start = False
        return doc


@Language.factory(COMPONENT)
def make_quote_sentence_guard(nlp: Language, name: str) -> QuoteSentenceGuard:
    return QuoteSentenceGuard()


def add_to(nlp: Language) -> None:
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
