"""Candidates the text shows running without titling them: "Carson, who is running for
president" (docs/reactions.md, "Who is an official"). Such a person is an official of the
article (``nkg:Official``), so the store confirms their reactions in every article of the
graph, as it does for a titled candidate. The owner of "his campaign" is not one: that made
people officials whom the entity gold does not (a past campaign, a misread "his")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.reaction_agents import resolve_agent
from kg.extract.reaction_clauses import subject_of, unreal
from kg.extract.records import Entity, EntityRef
from kg.extract.speakers import SpeakerResolver
from kg.extract.table import EntityTable

# what one runs for: "running for president", "for the Republican nomination", "for re-election"
OFFICES_RUN_FOR = {"president", "presidency", "office", "nomination", "governor", "senate",
                   "congress", "re-election", "reelection", "mayor", "house", "seat",
                   "white", "presidential", "election", "senator", "attorney"}


def _running(token: Token) -> bool:
    """"is running for president", "who is running for the nomination" (not "ran for")."""
    if token.lower_ != "running" or token.tag_ != "VBG" or unreal(token):
        return False
    goals = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "for"
             for g in p.subtree]
    return any(g.lower_ in OFFICES_RUN_FOR for g in goals)


def candidates(doc: Doc, table: EntityTable, resolver: SpeakerResolver) -> Iterator[EntityRef]:
    """The people this text shows running for office: the subject of "running for" an
    office."""
    for token in doc:
        if _running(token) and (subject := subject_of(token)) is not None:
            person = resolve_agent(table, resolver, subject)
            if person is not None and person.kind == "person":
                yield person


def mark_candidates(doc: Doc, table: EntityTable, resolver: SpeakerResolver) -> None:
    """Type the article's untitled candidates as officials of it."""
    for person in set(candidates(doc, table, resolver)):
        table.add_entity(Entity(person, official=True))
