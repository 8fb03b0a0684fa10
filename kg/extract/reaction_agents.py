"""Who reacts: the agent a reaction's subject names, and whether it may react as an official
(docs/reactions.md: bodies, campaigns and parties always; people by their title here, and by
the whole graph in ``kg.resolve.reactions``)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.doctext import doc_span
from kg.extract.offices import CANDIDACY_WORDS, is_candidacy
from kg.extract.reaction_cues import (
    BODY_WORDS,
    CAMPAIGN_JOBS,
    COLLECTIVES,
    GROUP_NOUNS,
    NOT_AN_OFFICE,
    NOUN_CUES,
    PARTY_ADJECTIVES,
    STAFF_WORDS,
    SUPPORT_WORDS,
)
from kg.extract.reaction_surface import name_forms
from kg.extract.records import EntityRef
from kg.extract.roles import OFFICE_WORDS, ROLE_WORDS, SPOKESPEOPLE
from kg.extract.speakers import SpeakerResolver
from kg.extract.table import EntityTable

_ROLE_SYNONYMS = {"senator": {"sen.", "sen"}, "governor": {"gov.", "gov"},
                  "representative": {"rep.", "rep", "congressman", "congresswoman"},
                  "congressman": {"rep.", "rep"}, "judge": {"justice"}, "justice": {"judge"}}
PRONOUNS = {"he", "she", "they", "it", "we"}
_REACH = 600  # characters back to the person a description stands for
_GROUPS = {"field"}  # a singular noun of many: "the rest of the GOP field"
_DEEDS = set(NOUN_CUES) | SUPPORT_WORDS  # an owned reaction is no person of the owner's



def may_react(table: EntityTable, ref: EntityRef) -> bool:
    """Whether an agent may react as an official: a government body, a campaign, party or
    committee, or a named person whom the article titles with an office or a candidacy or
    does not title at all (the store decides those: kg.resolve.reactions)."""
    entity = table.entities.get(ref)
    if ref.kind in ("gov", "org"):
        return ref.kind == "gov" or bool(set(ref.name.lower().split()) & BODY_WORDS)
    if ref.kind != "person" or entity is None or entity.described:
        return False
    title = set((entity.job_title or "").lower().split())
    return entity.official or is_candidacy(entity.job_title) or not title & NOT_AN_OFFICE \
        and (not title or bool(title & (OFFICE_WORDS | CANDIDACY_WORDS)))
    # "former Gov.", "former candidate": the store decides (a senator may have run before)


def name_range(token: Token) -> tuple[int, int]:
    """The characters of the subject's name: compounds and the head, not its clauses."""
    parts = [token, *(c for c in token.lefts if c.dep_ in ("compound", "amod", "det", "poss"))]
    begin = min(t.idx for t in parts)
    return begin, token.idx + len(token)


def role_word(token: Token) -> str:
    """The role a noun names, a hyphenated one whole ("the front-runner", which the tokenizer
    splits into "front", "-", "runner")."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_ \
            and not doc[token.i - 1].whitespace_:
        return f"{doc[token.i - 2].lower_}-{token.lower_}"
    return token.lower_


def role_description(token: Token) -> bool:
    """"the senator", "the South Carolina senator", "Indiana governor", "the front-runner", a
    bare "front-runner" in a headline: a role noun that stands for a person named elsewhere
    (not "South Carolina" itself)."""
    common = token.tag_ == "NN" or token.tag_ == "NNP" and token.text.islower()
    bare = token.sent.start == 0 and not any(c.dep_ in ("det", "poss") for c in token.lefts)
    return role_word(token) in ROLE_WORDS | CANDIDACY_WORDS and common and (
        bare or any(c.lower_ == "the" or c.dep_ == "compound" and c.ent_type_ == "GPE"
                    for c in token.lefts))


def titled(table: EntityTable, token: Token) -> EntityRef | None:
    """The person a definite role description stands for ("the South Carolina senator",
    "the judge"): the nearest earlier person whose job title has that role word; in a
    headline, which comes before any name ("Indiana governor endorses Cruz"), the first
    such person of the article."""
    words = {role_word(token)} | _ROLE_SYNONYMS.get(token.lower_, set())
    earlier = reversed(table.mentions_before(token.idx))
    headline = token.sent.start == 0
    for mention in [m for m in table.mentions if m.span.begin > token.idx] if headline \
            else earlier:
        entity = table.entities.get(mention.entity)
        title = {w.lower() for w in (entity.job_title or "").split()} if entity else set()
        if mention.entity.kind == "person" and title & words:
            return mention.entity
    return None


def _recent_subject(table: EntityTable, resolver: SpeakerResolver,
                    token: Token) -> EntityRef | None:
    """The person the text last made a subject, within a paragraph's reach: what "the
    Democratic presidential candidate" stands for when no one is titled so ("Clinton blasts
    Trump ... The Democratic presidential candidate blasted ..."). A subject inside quoted
    or reported words is the speaker's, not the text's ("'Justice Ginsburg ... has
    embarrassed all,' the presumptive Republican presidential nominee wrote")."""
    for mention in reversed(table.mentions_before(token.idx)):
        if token.idx - mention.span.begin > _REACH:
            return None
        if any(b <= mention.span.begin < e for b, e in resolver.quoted):
            continue
        span = token.doc.char_span(mention.span.begin, mention.span.end,
                                   alignment_mode="expand")
        # not the one whose words hold the description ("Quick said the front-runner had")
        if mention.entity.kind == "person" and span is not None \
                and span.root.dep_ in ("nsubj", "nsubjpass") \
                and span.root.head not in token.ancestors:
            return mention.entity
    return None


def resolve_agent(table: EntityTable, resolver: SpeakerResolver, token: Token) -> EntityRef | None:
    """The agent a subject names: a person pronoun like a speaker's, a role description, a
    name, a party named as a group ("Republicans"). "It", "they" and "we" stay unresolved:
    they stand for ads, memos and crowds as often as for a body."""
    if token.lower_ in ("he", "she", "his", "her"):
        return resolver.antecedent(token)  # gender- and salience-aware, like a speaker
    if role_description(token):
        office = role_word(token) in OFFICE_WORDS | CANDIDACY_WORDS  # not "the businessman"
        return titled(table, token) or (_recent_subject(table, resolver, token)
                                        if office else None)
    if token.lower_ in PRONOUNS:
        return None
    if token.lemma_.lower() in ("campaign", "camp"):
        return campaign_of(table, resolver, token)
    if token.lemma_.lower() == "administration":
        return administration_of(table, resolver, token)
    # the head must name the agent: "a former state GOP chair" is no GOP
    ref = table.ref_at(token.idx, token.idx + len(token))
    if ref is not None and ref.kind == "place":
        ref = None  # "WASHINGTON - Sen. Elizabeth Warren": the dateline's apposition acts
    for appos in (c for c in token.children if c.dep_ == "appos" and ref is None):
        ref = table.ref_at(*name_range(appos))  # "Republican nominee [Donald Trump]"
        if ref is not None and ref.kind in ("place", "outlet"):
            ref = None  # "New York (AFP) – Vice President Joe Biden": the dateline's parts
    for principal in (o for p in token.children if p.dep_ == "prep" and p.lower_ == "for"
                      and ref is None and token.lower_ in SPOKESPEOPLE for o in p.children
                      if o.dep_ == "pobj"):
        ref = resolve_agent(table, resolver, principal)  # "a spokesman for Hillary Clinton"
    staff = token.lemma_.lower() in STAFF_WORDS | {"official"}
    if staff and ref is None:
        ref = _employer(table, resolver, token)  # "White House officials", "Clinton aides"
    # not "Kerry's negotiating partners", nor what someone did ("Welch's support pushes back")
    for owner in (c for c in token.children if c.dep_ == "poss" and ref is None
                  and (staff or token.tag_ != "NNS" and token.lemma_.lower() not in _DEEDS)):
        named = resolver.antecedent(owner) if owner.lower_ in ("his", "her") and staff \
            else table.ref_at(owner.idx, owner.idx + len(owner))
        if named is not None and named.kind == "person":
            ref = named  # "Hillary Clinton's right-hand woman", "her aides" speak for her
    ref = ref or collective(token)
    if ref is not None and ref.kind == "person":
        return _campaign_staff(table, resolver, token, ref) or ref
    return ref


def _campaign_staff(table: EntityTable, resolver: SpeakerResolver, token: Token,
                    person: EntityRef) -> EntityRef | None:
    """The campaign a staffer speaks for ("Clinton campaign manager Robby Mook", "Jennifer
    Palmieri, Clinton's communications director"): a person with no office whose title is a
    campaign job, for the candidate the title names (the gold's convention: the campaign
    reacts)."""
    entity = table.entities.get(person)
    title = set((entity.job_title or "").lower().split()) if entity else set()
    if entity is None or entity.official or not title & CAMPAIGN_JOBS:
        return None
    phrase = [token, *(c for c in token.children if c.dep_ == "appos")]
    words = [w for t in phrase for w in t.subtree
             if w.i < t.i and w.dep_ in ("compound", "poss", "amod", "nmod")]
    forms = name_forms(table)
    for word in words:
        if word.lemma_.lower() in ("campaign", "camp") \
                and (campaign := campaign_of(table, resolver, word)):
            return campaign
        candidate = forms.get(word.lower_)
        if candidate is None or candidate.kind != "person":  # "Trump" also names his company
            candidate = next((r for r in table.entities if r.kind == "person"
                              and r.name.lower().split()[-1] == word.lower_), None)
        owner = table.entities.get(candidate) if candidate else None
        if candidate != person and owner is not None \
                and ("campaign" in title or is_candidacy(owner.job_title)):
            ref = EntityRef("org", f"{candidate.name} campaign")
            table.add_mention(doc_span(token.doc, *name_range(token)), ref, confidence=0.7)
            return ref
    return None


def _employer(table: EntityTable, resolver: SpeakerResolver, token: Token) -> EntityRef | None:
    """Whom staff named by their employer speak for: "White House officials" (the body),
    "Clinton campaign officials" (the campaign), "Clinton aides" (Clinton)."""
    names = [c for c in token.lefts if c.dep_ == "compound"]
    if not names:
        return None
    if names[-1].lemma_.lower() in ("campaign", "camp"):
        return campaign_of(table, resolver, names[-1])
    ref = table.ref_at(names[0].left_edge.idx, names[-1].idx + len(names[-1])) \
        or name_forms(table).get(names[-1].lower_)  # "Clinton aides": Clinton unmarked
    return ref if ref is not None and ref.kind in ("person", "gov", "org") else None


def campaign_of(table: EntityTable, resolver: SpeakerResolver, token: Token) -> EntityRef | None:
    """"The Clinton campaign", "Trump's campaign", "her campaign": the candidate's campaign,
    a body of its own whose spokespeople speak for it (named "<candidate> campaign")."""
    return _owned_body(table, resolver, token, "org", "campaign")


def administration_of(table: EntityTable, resolver: SpeakerResolver,
                      token: Token) -> EntityRef | None:
    """"The Obama administration", "Obama's administration": a government body (the gold's
    convention), named "<president> administration"; not "his administration", whose "his"
    is as often a past president as the one the text last named."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return None
    return _owned_body(table, resolver, token, "gov", "administration")


def _owned_body(table: EntityTable, resolver: SpeakerResolver, token: Token, kind: str,
                noun: str) -> EntityRef | None:
    """The body a person's name or pronoun owns ("the Clinton campaign", "her campaign"),
    named "<person> <noun>", with the noun phrase as its mention."""
    owner = next((c for c in token.children if c.dep_ in ("poss", "compound")), None)
    before = token.doc[token.i - 1] if token.i > 0 else None
    if owner is None and before is not None and before.dep_ == "compound" \
            and before.head == token.head and token.dep_ == "compound":
        owner = before  # "Clinton campaign officials", both words on "officials"
    if owner is None:
        return None
    named = table.ref_at(owner.idx, owner.idx + len(owner))
    person = resolver.antecedent(owner) if owner.lower_ in ("his", "her") \
        else named if named and named.kind == "person" \
        else name_forms(table).get(owner.lower_)  # "The Clinton campaign": Clinton unmarked
    if person is None or person.kind != "person":
        return None
    ref = EntityRef(kind, f"{person.name} {noun}")
    begin, end = name_range(token)
    table.add_mention(doc_span(token.doc, begin, end), ref, confidence=0.7)
    return ref


def collective(token: Token) -> EntityRef | None:
    """A group the gold conventions name as one body: "Republicans", "GOP critics" (the
    Republican Party), "Democrats", "the media", "journalists" (news media)."""
    words = {token.lower_} | {c.lower_ for c in token.lefts
                              if c.dep_ in ("compound", "amod", "nmod")}
    for party, names in COLLECTIVES.items():
        modifiers = names | PARTY_ADJECTIVES.get(party, set())
        if token.lower_ in names or words & modifiers \
                and (token.tag_ == "NNS" or token.lower_ in _GROUPS) \
                and token.lemma_.lower() in GROUP_NOUNS:
            return EntityRef("org", party)
    return None


def as_collective(ref: EntityRef) -> EntityRef:
    """A body named by a group word ("GOP", "Republicans") is the party the gold names."""
    party = next((p for p, names in COLLECTIVES.items() if ref.kind == "org"
                  and ref.name.lower() in names), None)
    return EntityRef("org", party) if party else ref
