"""Direct quotes and their speakers (baseline: same-sentence speech verb and subject)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.records import EntityRef, Quote, Span
from kg.extract.table import EntityTable
from kg.segmentation import quoted_token_ranges

SPEECH_CUES = {"say", "tell", "write", "add", "argue", "warn", "deny", "claim", "state",
               "explain", "insist", "note", "declare", "continue", "call", "ask", "reply",
               "respond", "acknowledge", "admit", "announce", "suggest", "tweet", "believe"}
_PRONOUNS = {"he", "she", "they", "him", "her"}


def _speaker_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _name_span(doc: Doc, head: Token) -> Span:
    left = head
    for child in head.lefts:
        if child.dep_ in ("compound", "flat") or child.ent_iob_ in ("B", "I"):
            left = min(left, child, key=lambda t: t.i)
    start = left.idx
    end = head.idx + len(head.text)
    return Span(start, end, doc.text[start:end])


def _resolve(table: EntityTable, span: Span, head: Token) -> EntityRef | None:
    ref = table.ref_at(span.begin, span.end)
    if ref is not None or head.lower_ not in _PRONOUNS:
        return ref
    people = [m for m in table.mentions_before(span.begin) if m.entity.kind == "person"]
    return people[-1].entity if people else None


def extract_quotes(doc: Doc, table: EntityTable) -> Iterator[Quote]:
    """Yield each quoted stretch with the speech verb and subject of its sentence."""
    for start, end in quoted_token_ranges(doc):
        inner = doc[start + 1:end - 1] if end - start > 2 else None
        if inner is None or len(inner) < 2:
            continue
        sentence = doc[start].sent
        verbs = [t for t in sentence if t.lemma_ in SPEECH_CUES and not (start <= t.i < end)]
        if not verbs:
            continue
        verb = min(verbs, key=lambda t: abs(t.i - start))
        subject = _speaker_of(verb)
        text = doc.text[inner.start_char:inner.end_char]
        span = Span(inner.start_char, inner.end_char, text)
        cue = Span(verb.idx, verb.idx + len(verb.text), verb.text)
        if subject is None:
            yield Quote(span, direct=True, cue=verb.text, cue_span=cue, confidence=0.5)
            continue
        mention = _name_span(doc, subject)
        yield Quote(span, direct=True, cue=verb.text, cue_span=cue,
                    speaker=_resolve(table, mention, subject), speaker_mention=mention,
                    confidence=0.7)
