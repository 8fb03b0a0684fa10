"""Quoted stretches of an article, and sentence boundaries that never cut them apart.

spaCy's parser happily starts a sentence at a quotation mark inside a quote;
quote extraction needs the whole quote in one sentence with its attribution.
The component runs before the parser and forbids sentence starts strictly
inside a quoted stretch of a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "newskg_quote_sentences"
BOILERPLATE_COMPONENT = "newskg_boilerplate_entities"
_OPEN = {"“", "«", "„"}
_CLOSE = {"”", "»"}
_FINAL = {".", "!", "?"}
CLOSING_TOKENS = {'"', "”", "»", "''"}
_MARKS = re.compile(r"[\"“”«»„]|''|``")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[\"“«])")


@dataclass(frozen=True)
class Stretch:
    """Characters [begin, end) between an opening and a closing mark (marks excluded).

    ``closed`` is False when the paragraph ended first; ``continues`` is True when
    the next paragraph reopens the same quote (news style for multi-paragraph quotes).
    """

    begin: int
    end: int
    closed: bool = True
    continues: bool = False


def _is_closing(text: str, at: int, mark: str) -> bool:
    """A mark closes when it follows a word or punctuation and no word follows; a space
    between a nested quote's closing single mark and it (",' \"") is tolerated."""
    before = text[at - 1] if at > 0 else " "
    if before == " " and at > 1 and text[at - 2] in "'’":
        before = text[at - 2]
    after = text[at + len(mark)] if at + len(mark) < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(b, e) for b, e in bounds if text[b:e].strip()]


def _paragraph_stretches(text: str, begin: int, end: int) -> list[Stretch]:
    stretches: list[Stretch] = []
    opened: int | None = None
    for match in _MARKS.finditer(text, begin, end):
        mark = match.group()
        if opened is None:
            if mark not in _CLOSE:  # a stray closing mark is ignored
                opened = match.end()
            continue
        if mark in _OPEN and match.start() > opened and _is_closing(text, match.start(), mark):
            # '“It's unusual,“ said Noble': an opening mark typed where the closing one goes.
            stretches.append(Stretch(opened, match.start()))
            opened = None
        elif mark in _OPEN and match.start() > opened:
            # An opening mark inside an open quote: the first one was never closed.
            stretches.append(Stretch(opened, match.start(), closed=False))
            opened = match.end()
        elif mark in _CLOSE or mark in ("''",) or mark == '"' and (
                _is_closing(text, match.start(), mark) or match.start() == opened):
            stretches.append(Stretch(opened, match.start()))
            opened = None
        else:
            stretches.append(Stretch(opened, match.start(), closed=False))
            opened = match.end()
    if opened is not None:
        stretches.append(Stretch(opened, end, closed=False))
    return stretches


def quoted_stretches(text: str) -> list[Stretch]:
    """Every quoted stretch of the text in order; unbalanced marks never raise."""
    paragraphs = _paragraphs(text)
    result: list[Stretch] = []
    for index, (begin, end) in enumerate(paragraphs):
        stretches = _paragraph_stretches(text, begin, end)
        if stretches and not stretches[-1].closed and index + 1 < len(paragraphs):
            following = text[paragraphs[index + 1][0]:paragraphs[index + 1][1]].lstrip()
            if following[:1] in ('"', "“", "«"):
                last = stretches[-1]
                stretches[-1] = Stretch(last.begin, last.end, closed=False, continues=True)
        result.extend(s for s in stretches if text[s.begin:s.end].strip())
    return result


_AGENCY = (r"(?:Getty Images|AFP|AP(?: Photo)?|Reuters|EPA(?:-EFE)?|Bloomberg|NurPhoto|"
           r"SIPA|Sipa USA|Shutterstock|REX|ZUMA(?: Press)?|Anadolu Agency|Corbis|Redux|Pool)")
# Not prose: photo credits ('BRENDAN SMIALOWSKI via Getty Images', 'AFP/Getty Images',
# 'Photo: ...'), bylines ('By Jane Doe', 'Jane Doe, Reuters', 'BYLINE: ...') and social
# lines ('Follow X on Twitter @handle', a short line ending with a handle).
_CHAIN = rf"{_AGENCY}(?:\s*/\s*{_AGENCY})*\b"
# A photographer's name: words or initials on one line ('Timothy A. Clary'), never the
# end of the caption sentence before it ('... in Chicago. Scott Olson/Getty Images').
_NAMES = r"(?:(?:[A-Z][\w'’-]*|[A-Z]\.)[ \t]+){0,3}[A-Z][\w'’-]*"
_BOILERPLATE = re.compile(
    rf"\b{_NAMES}\s*(?:\bvia\s+|/\s*){_CHAIN}|\b{_AGENCY}\s*/\s*{_CHAIN}"
    rf"|\b(?:Getty Images|AP Photo)\b(?:/{_NAMES})?"
    r"|^[ \t\"“]*\(?(?:Photo|Image|Photograph|Credit)(?: by|:)[^\n]{0,80}$"
    r"|^[ \t]*By (?:(?:[A-Z][\w.'’-]*|and|of|the|&|\|)[ ,]*){1,10}$|^[ \t]*BYLINE: [^\n]{0,80}$"
    rf"|^[ \t]*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{1,3}}, {_AGENCY}[ \t]*$"
    r"|^[ \t\"“]*Follow [^\n]{0,80}? on (?:Twitter|Facebook|Instagram)[^\n]*$"
    r"|^[^\n]{0,80}@\w+[ \t.\"”]*$", re.MULTILINE)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges that are not prose to extract from: credits, bylines, social lines."""
    return [m.span() for m in _BOILERPLATE.finditer(text)]


def quoted_token_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token index ranges [start, end) of the quoted stretches, marks included."""
    ranges = []
    for stretch in quoted_stretches(doc.text):
        inner = doc.char_span(stretch.begin, stretch.end, alignment_mode="expand")
        if inner is None or len(inner) == 0:
            continue
        start = inner.start - 1 if inner.start > 0 else inner.start
        end = inner.end + 1 if stretch.closed and inner.end < len(doc) else inner.end
        ranges.append((start, end))
    return ranges


class QuoteSentenceGuard:
    def __call__(self, doc: Doc) -> Doc:
        # Sentence starts go into one array: Token.is_sent_start's setter scans the whole
        # Doc each time (for a parse), which made this quadratic in the text's length.
        starts = doc.to_array("SENT_START").astype(numpy.int64)  # 1 start, -1 not, 0 open
        for token in doc[1:]:
            # A paragraph always starts a sentence, even when a quote runs over it.
            if not token.is_space and "\n" in doc[token.i - 1].text_with_ws:
                starts[token.i] = 1
        for start, end in quoted_token_ranges(doc):
            for token in doc[start + 1:end]:
                # The closing mark and the tokens inside never start a sentence.
                if not token.is_space and "\n\n" not in doc[token.i - 1].text_with_ws:
                    starts[token.i] = -1
            _join_attribution(doc, start, end, starts)
        return doc.from_array("SENT_START", starts.astype(numpy.uint64))


def _join_attribution(doc: Doc, start: int, end: int, starts: numpy.ndarray) -> None:
    """Keep 'he said, "..."' and '"...," he said' in the sentence of their quote; a quote
    opening after a full stop starts a sentence (the parser misses NYT's '' marks)."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and (before.text in _FINAL or before.text in CLOSING_TOKENS
                               and start > 1 and doc[start - 2].text in _FINAL):
        starts[start] = 1
    elif before is not None and "\n" not in before.text_with_ws and (
            before.text in (",", "—", "–") or before.is_alpha):
        starts[start] = -1
    if end >= len(doc) or "\n" in doc[end - 1].text_with_ws:
        return
    after, last = doc[end], doc[end - 2] if end - 2 > start else doc[start]
    if after.is_alpha and (after.is_lower or last.text == ","):
        starts[end] = -1


@Language.factory(COMPONENT)
def make_quote_sentence_guard(nlp: Language, name: str) -> QuoteSentenceGuard:
    return QuoteSentenceGuard()


class BoilerplateEntities:
    """Drops named entities inside credits, bylines and social lines: a photographer in a
    credit glued to the first sentence is no organisation that speaks."""

    def __call__(self, doc: Doc) -> Doc:
        spans = boilerplate_spans(doc.text)
        if spans:
            doc.ents = [e for e in doc.ents if not any(
                b < e.end_char and e.start_char < end for b, end in spans)]
        return doc


@Language.factory(BOILERPLATE_COMPONENT)
def make_boilerplate_entities(nlp: Language, name: str) -> BoilerplateEntities:
    return BoilerplateEntities()


def add_to(nlp: Language) -> None:
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    if BOILERPLATE_COMPONENT not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe(BOILERPLATE_COMPONENT, after="ner")
