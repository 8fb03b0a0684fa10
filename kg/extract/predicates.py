"""Quoted predicates: a quotation that opens with the verb of a clause whose subject the
writer gives outside the marks ('saying that she is a "non-citizen terrorist" who "is not
coming back."'). On its own its words are a fragment ("is not coming back."): the quotation
is the clause its cue reports, quoted words and all, as PolNeAR annotates such quotes."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kg.extract.doctext import doc_text
from kg.extract.reported import closing_mark, opening_mark, reported_clause

# finite verbs and modals: a predicate that needs a subject ("is", "was", "will", "took")
_FINITE = {"VBZ", "VBD", "VBP", "MD"}


def opens_with_predicate(quote: SpacySpan) -> bool:
    """The quotation's first word is a finite verb in lower case whose subject stands before
    the quotation ('who "is not coming back."', 'Clinton "should be in jail."')."""
    first = next((t for t in quote if not t.is_punct and not t.is_space), None)
    if first is None or not first.is_lower or first.tag_ not in _FINITE:
        return False
    verb = first.head if first.dep_ in ("aux", "auxpass") else first
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return bool(subjects) and all(s.i < quote.start for s in subjects)


def completed_clause(quote: SpacySpan, cue: Token) -> tuple[int, int] | None:
    """The characters of the clause the cue reports, when the quotation is a quoted
    predicate inside it that the clause starts before (through the mark that closes it)."""
    if not opens_with_predicate(quote):
        return None
    clause = reported_clause(cue)
    if not clause or not clause[0].i < quote.start <= clause[-1].i:
        return None
    text = doc_text(cue.doc)
    begin = opening_mark(text, clause[0].idx)
    end = max(clause[-1].idx + len(clause[-1].text), quote.end_char)
    return begin, closing_mark(text, begin, end)
