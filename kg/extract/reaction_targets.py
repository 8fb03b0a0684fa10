"""To what: the entity, mentioned article or statement maker a reaction's object names
(docs/reactions.md, "Targets")."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span as Tokens
from spacy.tokens import Token

from kg.extract.antecedents import GENDERED_NOUNS
from kg.extract.doctext import doc_span
from kg.extract.reaction_agents import (
    PRONOUNS,
    administration_of,
    campaign_of,
    collective,
    name_range,
    role_description,
    titled,
)
from kg.extract.reaction_cues import (
    OUTLET_NOUNS,
    PATIENT_EVENTS,
    STATEMENT_NOUNS,
    TOPIC_EVENTS,
    TOPIC_STATEMENTS,
)
from kg.extract.reaction_surface import name_forms
from kg.extract.records import EntityRef, MentionedArticle, Span, Topic
from kg.extract.speakers import PRONOUN_GENDER, SpeakerResolver
from kg.extract.table import EntityTable

_PARTS = {"rest", "remainder"}  # "the rest of the GOP field" stands for the field
_AUTHOR_NOUNS = {"author", "writer"}  # "the author" of the article the text discusses
_PHRASE = 10  # tokens: a longer object phrase names more than its target
_REACH = 600
_DETERMINERS = {"the", "a", "an", "that", "this", "these", "those"}
_NOT_TOPICS = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT",
               "CARDINAL", "QUANTITY", "ORDINAL"}  # characters back to the maker of "the proposal"


def article_at(articles: Iterable[MentionedArticle], begin: int,
                end: int) -> MentionedArticle | None:
    for article in articles:
        if any(s.begin < end and begin < s.end for s in article.mentions):
            return article
    return None


def _described_author(table: EntityTable) -> EntityRef | None:
    """The article's one unnamed speaker (the op-ed's author), if the quotes stage found it."""
    described = [r for r, e in table.entities.items() if e.described and r.kind == "person"]
    return described[0] if len(described) == 1 else None


def resolve_target(table: EntityTable, resolver: SpeakerResolver, articles: list[MentionedArticle],
            token: Token) -> tuple[EntityRef | None, MentionedArticle | None]:
    if token.lemma_.lower() in _PARTS and (whole := prep_objects(token, "of")):
        token = whole[0]  # "call out Trump and the rest of the GOP field": the field
    begin, end = name_range(token)
    if token.lower_ in ("him", "her") and token.dep_ in ("dobj", "pobj", "nsubj"):
        return resolver.antecedent(token), None  # "He called him a liar"
    if token.lemma_.lower() in OUTLET_NOUNS and any(c.lower_ == "the" for c in token.lefts):
        return _last_outlet(table, token), None  # "Cruz blamed the network"
    if token.lemma_.lower() in _AUTHOR_NOUNS and token.tag_ == "NN":
        return _described_author(table), None  # "the author": the op-ed's anonymous writer
    if article := article_at(articles, begin, end):
        return None, article
    # the head noun must name the entity: "a Gold Star mother" is not Gold Star; "her
    # Republican rival Donald Trump" names him in the apposition
    appositions = [c for c in token.children if c.dep_ == "appos"]
    for named in [token, *appositions]:
        ref = table.ref_at(named.idx, named.idx + len(named))
        if ref is not None and not (ref.kind == "place" and appositions):
            return ref, None  # "INDIANAPOLIS - Ted Cruz": a dateline is no target
    if group := collective(token):
        return group, None
    if (person := _misread_name(table, token)) is not None:
        return person, None  # "called Rubio “Little Marco”" with "Rubio" read as a law
    if token.lemma_.lower() in ("campaign", "camp") \
            and (campaign := campaign_of(table, resolver, token)):
        return campaign, None  # "attacked the Clinton campaign"
    if token.lemma_.lower() == "administration" \
            and (body := administration_of(table, resolver, token)):
        return body, None  # "criticized the Obama administration"
    if role_description(token):
        return titled(table, token), None  # "accused the president", "the front-runner"
    if token.lemma_.lower() in PATIENT_EVENTS:
        return None, None  # "commented on Crutcher's death": an event, not Crutcher
    # "Trump's declaration", "Mr. Trump's veracity": reacting to what Trump said or is
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ in ("his", "her"):
        person = resolver.antecedent(owner)  # "doubts about her qualifications"
        return (person if person is not None and person.kind == "person" else None), None
    if owner is not None and owner.lower_ not in PRONOUNS | {"its", "their"}:
        maker = table.ref_at(owner.idx, owner.idx + len(owner)) or collective(owner)
        return (None if maker and maker.kind == "place" else maker), None  # "Britain's vote"
    for by in prep_objects(token, "by") + prep_objects(token, "from"):
        if by.ent_type_ not in ("GPE", "LOC") and (maker := table.ref_at(*name_range(by))):
            return maker, None  # "comments by Donald Trump that ...", not "from Mexico"
    # "several of Trump's comments": the phrase names its maker
    if token.right_edge.i - token.left_edge.i < _PHRASE:
        for mention in table.mentions:
            inside = token.left_edge.idx <= mention.span.begin < token.right_edge.idx
            if inside and mention.entity.kind in ("person", "gov") \
                    and mention.span.text[:1].isupper() and not _place(token.doc, mention):
                return mention.entity, None
    return None, None


def _misread_name(table: EntityTable, token: Token) -> EntityRef | None:
    """The person a proper noun without a determiner names when the parser took it for
    something else (a law, a work of art): one of the article's names for exactly one
    person. The place becomes a mention of that person."""
    if token.pos_ != "PROPN" or token.ent_type_ in ("PERSON", "GPE", "LOC", "ORG", "NORP") \
            or any(c.dep_ == "det" for c in token.children):
        return None
    forms = name_forms(table)
    names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    ref = forms.get(" ".join([*(c.lower_ for c in names), token.lower_]))
    if ref is None:
        ref, names = forms.get(token.lower_), []
    if ref is None or ref.kind != "person":
        return None
    table.add_mention(doc_span(token.doc, (names or [token])[0].idx, token.idx + len(token)),
                      ref, confidence=0.6)
    return ref


def _last_outlet(table: EntityTable, noun: Token) -> EntityRef | None:
    """The outlet named nearest before a description of one, within a paragraph's reach."""
    for mention in reversed(table.mentions_before(noun.idx)):
        if noun.idx - mention.span.begin > _REACH:
            return None
        if mention.entity.kind == "outlet":
            return mention.entity
    return None


def _place(doc, mention) -> bool:
    """Whether a mention is a place ("immigrants from Mexico"), which makes no statement."""
    span = doc.char_span(mention.span.begin, mention.span.end, alignment_mode="expand")
    return span is not None and span.root.ent_type_ in ("GPE", "LOC")


def maker_of(table: EntityTable, noun: Token, agents: set[EntityRef]) -> EntityRef | None:
    """Who made "the proposal", "that statement": the nearest person named before it, not
    the agent (``agents``: the agent and the person its subject names, as a campaign's
    manager for the campaign), within a paragraph's reach (the text has just told what
    they said). Not for a noun its own clause describes ("rejected the idea that Trump
    would be a drag", "praised the decision to release the emails"): that says what it is,
    not whose, and the text before need not name its maker."""
    if noun.lemma_.lower() not in STATEMENT_NOUNS \
            or not any(c.lower_ in ("the", "that", "this", "these", "those") for c in noun.lefts) \
            or any(c.dep_ in ("acl", "ccomp", "relcl") for c in noun.children):
        return None
    for mention in reversed(table.mentions_before(noun.idx)):
        if noun.idx - mention.span.begin > _REACH:
            return None
        if mention.entity.kind == "person" and mention.entity not in agents:
            return mention.entity
    return None


def other_person(table: EntityTable, resolver: SpeakerResolver, pronoun: Token,
                 agent: EntityRef) -> EntityRef | None:
    """The person an object pronoun stands for when the speaker-like resolution gives the
    agent itself: the nearest earlier person of the pronoun's gender (or of none known) who
    is not the agent, within a paragraph's reach. None when an unnamed person of that
    gender comes first in its sentence ("pointed to a black man in the crowd ... and called
    him")."""
    wanted = PRONOUN_GENDER.get(pronoun.lower_)
    if any(t.lemma_.lower() in GENDERED_NOUNS.get(wanted or "", ()) and t.i < pronoun.i
           and any(c.lower_ in ("a", "an") for c in t.children) for t in pronoun.sent):
        return None
    for mention in reversed(table.mentions_before(pronoun.idx)):
        if pronoun.idx - mention.span.begin > _REACH:
            return None
        ref = mention.entity
        if ref.kind == "person" and ref != agent \
                and resolver.gender.get(ref, wanted) == wanted:
            return ref
    return None


def prep_objects(verb: Token, preposition: str, adjacent: bool = False) -> list[Token]:
    """Objects of the verb's preposition; ``adjacent``: right after the verb ("called on X",
    not "called X a coward on Thursday")."""
    return [g for p in verb.children if p.dep_ in ("prep", "prt") and p.lower_ == preposition
            and (not adjacent or p.i == verb.i + 1)
            for g in p.children if g.dep_ == "pobj"]


def topic_at(token: Token) -> Topic | None:
    """An event, or a statement or decision with no named maker, that a cue's object names
    ("the GOP debates", "a restrictive Texas abortion law", "that report"): a noun of an
    event or a statement (``TOPIC_EVENTS``, ``TOPIC_STATEMENTS``), or a named event or law.
    An event noun needs a determiner or a named owner to be one event ("lamented illegal
    immigration" names a subject; "his handling" is about him); a statement noun needs
    neither ("reacting to criticism"). Its noun phrase is the mention, up to a clause's
    length; a longer one is cut after the head noun."""
    lemma = token.lemma_.lower()
    statement = lemma in STATEMENT_NOUNS | TOPIC_STATEMENTS
    if token.pos_ == "PROPN":
        if token.ent_type_ not in ("EVENT", "LAW"):
            return None
    elif token.pos_ != "NOUN" or not statement and (lemma not in TOPIC_EVENTS or not any(
            c.dep_ == "det" and c.lower_ in _DETERMINERS
            or c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") for c in token.lefts)):
        return None
    doc = token.doc
    if not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].text == "-":
        return None  # a word the tokenizer split ("the re-election of"): no head to cut at
    last = token.right_edge if token.right_edge.i - token.left_edge.i < _PHRASE else token
    cut = next((t for t in doc[token.i + 1:last.i + 1] if t.is_punct), None)
    words = doc[token.left_edge.i:cut.i if cut is not None else last.i + 1]
    if words[0].lower_ in ("which", "what", "whose"):
        return None
    kind = "statement" if statement else "event"
    return Topic(Span(words.start_char, words.end_char, words.text), kind, _head_words(words))


def _head_words(words: Tokens) -> str:
    """A topic's label: its noun phrase without a leading article or punctuation and
    without quotation marks ('a “grave threat”' is "grave threat"; the phrase already ends
    before the first punctuation after its head: "the agreement “a disaster”")."""
    start = next((t.i for t in words if not t.is_punct and t.lower_ not in _DETERMINERS),
                 words.start)
    kept = [t for t in words.doc[start:words.end] if not t.is_quote]
    return "".join(t.text_with_ws for t in kept).strip()
