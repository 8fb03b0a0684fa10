"""Candidates the text shows running without titling them: "Carson, who is running for
president", "his campaign" (docs/reactions.md, "Who is an official"). Such a person is an
official of the article (``nkg:Official``), so the store confirms their reactions in every
article of the graph, as it does for a titled candidate."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.reaction_agents import campaign_owner, resolve_agent
from kg.extract.reaction_clauses import subject_of, unreal
from kg.extract.records import Entity, EntityRef
from kg.extract.speakers import SpeakerResolver
from kg.extract.table import EntityTable

# what one runs for: "running for president", "for the Republican nomination", "for re-election"
OFFICES_RUN_FOR = {"president", "presidency", "office", "nomination", "governor", "senate",
                   "congress", "re-election", "reelection", "mayor", "house", "seat",
                   "white", "presidential", "election", "senator", "attorney"}
# a campaign that is over or is no candidacy: "his 2012 campaign", "her campaign against"
_PAST_CAMPAIGN = {"former", "past", "previous", "last", "earlier", "failed", "unsuccessful",
                  "defunct", "old", "first", "losing", "doomed"}


def _running(token: Token) -> bool:
    """"is running for president", "who is running for the nomination" (not "ran for")."""
    if token.lower_ != "running" or token.tag_ != "VBG" or unreal(token):
        return False
    goals = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "for"
             for g in p.subtree]
    return any(g.lower_ in OFFICES_RUN_FOR for g in goals)


def _live_campaign(token: Token) -> bool:
    if token.lemma_.lower() not in ("campaign", "camp") or token.pos_ != "NOUN":
        return False
    words = {c.lower_ for c in token.children if c.dep_ in ("amod", "nummod", "compound")}
    against = any(c.dep_ == "prep" and c.lower_ in ("against", "for", "to") for c in token.children)
    return not words & _PAST_CAMPAIGN and not any(w.isdigit() for w in words) and not against


def candidates(doc: Doc, table: EntityTable, resolver: SpeakerResolver) -> Iterator[EntityRef]:
    """The people this text shows running for office: the subject of "running for" an
    office, the owner of a campaign."""
    for token in doc:
        if _running(token) and (subject := subject_of(token)) is not None:
            person = resolve_agent(table, resolver, subject)
        elif _live_campaign(token):
            person = campaign_owner(table, resolver, token)
        else:
            continue
        if person is not None and person.kind == "person":
            yield person


def mark_candidates(doc: Doc, table: EntityTable, resolver: SpeakerResolver) -> None:
    """Type the article's untitled candidates as officials of it."""
    for person in set(candidates(doc, table, resolver)):
        table.add_entity(Entity(person, official=True))
