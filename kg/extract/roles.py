"""Roles: job titles before a name ("Russian President Vladimir Putin") and in an apposition
("Rich Greenfield, a media analyst at BTIG Research"), with the affiliation the text gives.

A role is a noun phrase whose head is a role word; whether it is an office (``official``)
depends on the words, so candidates, analysts and former holders are not officials.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.doctext import doc_text

ROLE_WORDS = {
    "president", "secretary", "senator", "sen.", "sen", "representative", "rep.", "rep",
    "congressman", "congresswoman", "lawmaker", "governor", "gov.", "mayor", "minister",
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "director",
    "chief", "leader", "speaker", "ambassador", "attorney", "general", "judge", "justice",
    "official", "adviser", "advisor", "aide", "strategist", "manager", "analyst", "candidate",
    "nominee", "ceo", "founder", "editor", "reporter", "correspondent", "columnist",
    "commentator", "host", "anchor", "professor", "economist", "pollster", "chancellor",
    "premier", "prosecutor", "commissioner", "sheriff", "counsel", "lawyer", "administrator",
    "deputy", "vice", "head", "executive", "officer", "staff", "whip", "treasurer", "veteran",
    "activist", "expert", "researcher", "fellow", "writer", "author", "producer", "surrogate",
    "running", "mate", "hopeful", "challenger", "incumbent", "king", "queen", "prince",
    "commander", "lt.", "colonel", "admiral", "sergeant", "mogul", "businessman",
    "businesswoman", "billionaire", "press", "lady",
}
OFFICE_WORDS = {
    "president", "secretary", "senator", "sen.", "sen", "representative", "rep.", "rep",
    "congressman", "congresswoman", "lawmaker", "governor", "gov.", "mayor", "minister",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "attorney", "judge", "justice",
    "official", "chancellor", "premier", "prosecutor", "commissioner", "sheriff", "speaker",
    "whip", "king", "queen", "commander", "admiral", "general", "leader", "administrator",
    "director", "chairman", "chairwoman",
}
NOT_OFFICE = {"former", "candidate", "nominee", "hopeful", "challenger", "analyst",
              "ex", "late", "then", "campaign", "would-be", "presidential"}
_STOP_DEPS = {"det", "poss", "punct", "cc", "case", "prep", "nummod"}
CANDIDACY_WORDS = {"candidate", "nominee", "hopeful", "challenger", "mate"}
_PAST = {"former", "ex", "late", "then", "retired", "onetime", "one-time"}


@dataclass(frozen=True)
class Role:
    job_title: str
    official: bool
    affiliation: SpacySpan | None  # the organisation entity the title names, if any


def _is_role_word(token: Token) -> bool:
    return token.lower_ in ROLE_WORDS


def is_candidacy(title: str | None) -> bool:
    """Whether a job title says the person is running for office ("Republican presidential
    nominee", "running mate"), and not that they once did ("former presidential candidate")."""
    words = {w.strip(".,").lower() for w in (title or "").split()}
    return bool(words & CANDIDACY_WORDS) and not words & _PAST


def _official(words: list[str]) -> bool:
    lower = [w.lower() for w in words]
    return not any(w in NOT_OFFICE for w in lower) and any(w in OFFICE_WORDS for w in lower)


def _org_in(doc: Doc, start: int, end: int) -> SpacySpan | None:
    for ent in doc.ents:
        if ent.start >= start and ent.end <= end and ent.label_ in ("ORG", "FAC"):
            return ent
    return None


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop determiners, possessives and punctuation from the edges of a title."""
    while start < end and (doc[start].dep_ in _STOP_DEPS or doc[start].is_punct
                           or doc[start].lower_ in {"the", "a", "an"}):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].dep_ == "case"):
        end -= 1
    return start, end


def prefix_role(doc: Doc, person: SpacySpan) -> Role | None:
    """A title written just before the name: 'White House press secretary Sarah Sanders'."""
    start = person.start
    while start > 0:
        token = doc[start - 1]
        if token.is_space and "\n" not in token.text:  # a no-break space inside a title
            start -= 1
            continue
        # a title never crosses a sentence end ("Sen." keeps its period inside the token)
        if token.is_space or token.is_punct \
                or token.dep_ in ("det", "poss", "case") \
                or (token.pos_ in ("VERB", "AUX", "ADP", "PRON", "SCONJ", "CCONJ", "NUM")
                    and token.ent_type_ not in ("GPE", "ORG", "NORP")) \
                or token.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL", "MONEY") \
                or token.lower_ in {"the", "a", "an", "said", "says"}:
            break
        start -= 1
    start, end = _trim(doc, start, person.start)
    if end - start > 1 and doc[end - 1].text.endswith(".") and _is_role_word(doc[end - 2]):
        end -= 1  # "nominee Sen. Tim Kaine": the honorific is not part of the job title
    if start >= end or not _is_role_word(doc[end - 1]):
        return None
    words = [t.text for t in doc[start:end] if not t.is_space]
    if len(words) == 1 and words[0].rstrip(".").lower() in {"mr", "mrs", "ms", "dr"}:
        return None
    affiliation = _org_in(doc, start, end)
    title = " ".join(doc_text(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1])].split())
    return Role(title, _official(words), affiliation)


def apposition_role(doc: Doc, person: SpacySpan) -> Role | None:
    """A role in an apposition: 'Rich Greenfield, a media analyst at BTIG Research'."""
    head = person.root
    for child in head.children:
        if child.dep_ != "appos" or child.i < person.end or not _is_role_word(child):
            continue
        left = min(t.i for t in child.subtree)
        start, end = _trim(doc, left, child.i + 1)
        if start >= end or end - start > 8:
            continue
        affiliation = None
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "of", "for", "with"):
                right = max(t.i for t in prep.subtree) + 1
                affiliation = _org_in(doc, prep.i + 1, right)
        if affiliation is None:
            affiliation = _org_in(doc, start, end)
        words = [t.text for t in doc[start:end]]
        title = doc_text(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1])]
        return Role(title, _official(words), affiliation)
    return None


def role_of(doc: Doc, person: SpacySpan) -> Role | None:
    """The role the text gives a person at this mention, if any."""
    return prefix_role(doc, person) or apposition_role(doc, person)
