"""Official-reacted-to facts: an official, a government body, a campaign or a party reacting
to an article, a person, an organisation or a statement, found from the parse.

Shapes (docs/reactions.md): a reaction verb with the agent as subject and the target as object
("Trump criticized the failing New York Times", "called the author a coward"); a verb with its
preposition or particle ("Responding to the op-ed", "took aim at Trump", "called out Trump");
an adjective ("critical of Trump"); a noun ("his critique of his opponents"); "X said of Y";
a statement about an article the text mentions; and a quote by an official that names its
target (``reaction_quotes``); "NAME cue NAME" where the parse fails (``reaction_surface``).
Negated, modal, questioned and merely intended cues are not reactions. Who reacts is
``reaction_agents``, to what ``reaction_targets``. The quote carrying the reaction becomes
``derived_from``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain

from spacy.tokens import Doc, Token

from kg.extract.doctext import doc_span, doc_text
from kg.extract.reaction_agents import as_collective, may_react, name_range, resolve_agent
from kg.extract.reaction_candidates import mark_candidates
from kg.extract.reaction_clauses import subject_of, unreal
from kg.extract.reaction_cues import (
    ABOUT_NOUNS,
    ADJECTIVE_CUES,
    BLAME_ON,
    CUES,
    DEFENDING,
    FEELINGS,
    MILD_PRAISE,
    NEEDS_COMPLEMENT,
    NOUN_CUES,
    PARTICLE_CUES,
    PHRASE_CUES,
    PRAISE_WORDS,
    PREPOSITION_CUES,
    SELF_CUES,
    SPEECH,
    STATEMENT_NOUNS,
    SUPPORT_WORDS,
    TARGET_PREPOSITIONS,
    TOPIC_STATEMENTS,
    VERB_NOUN_CUES,
)
from kg.extract.reaction_judging import judges, quote_stance
from kg.extract.reaction_nouns import carrier_unreal, felt, noun_cue
from kg.extract.reaction_quotes import headline_reactions, quote_reactions
from kg.extract.reaction_surface import name_forms, surface_lemma, surface_reactions
from kg.extract.reaction_targets import (
    article_at,
    maker_of,
    other_person,
    prep_objects,
    resolve_target,
    topic_at,
)
from kg.extract.records import EntityRef, MentionedArticle, Quote, Reaction, Span, Stance, Topic
from kg.extract.speakers import SpeakerResolver
from kg.extract.table import EntityTable

_NOUN_VERBS = {verb for verb, _ in VERB_NOUN_CUES}
# "struck down", "took X to task" are cues, "struck" and "took" not
_PARTICLE_VERBS = {verb for verb, _ in PARTICLE_CUES} | {verb for verb, _ in PHRASE_CUES}
_RELATIVES = {"whom", "who", "which", "that"}
_SELF = {"i", "me"}  # the speaker of the quote they stand in
_NAME_WORDS = 7  # tokens of a name, or of a nickname in quotes
# what one says or decides, and may defend: "his remarks", "her decision", "his praise of"
_STATEMENTS = STATEMENT_NOUNS | TOPIC_STATEMENTS | NOUN_CUES.keys() | {"vote", "position"}
_Maker = Callable[..., Reaction | None]


def _objects(verb: Token) -> tuple[list[Token], Stance, str]:
    """The tokens a cue reacts to, the stance the cue expresses and the shape it makes."""
    lemma = verb.lemma_.lower()
    response = "response" if lemma in ("respond", "react", "reply") else "verb-object"
    if lemma in ADJECTIVE_CUES:
        return prep_objects(verb, "of"), ADJECTIVE_CUES[lemma], "verb-object"
    for particle in (c for c in verb.children if c.dep_ in ("prt", "advmod")):
        if (lemma, particle.lower_) in PARTICLE_CUES:  # "called out Trump", "hit back at"
            stance = PARTICLE_CUES[(lemma, particle.lower_)]
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            for head in (verb, particle):
                objects += [o for p in ("at", "against", "on") for o in prep_objects(head, p)]
            return objects, stance, "verb-object"
    if any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return [], "react", "verb-object"  # "hammered out a deal", "blasted out a robocall"
    for noun in (o for p in verb.children if p.dep_ == "prep" for o in p.children
                 if o.dep_ == "pobj" and (lemma, o.lemma_.lower()) in PHRASE_CUES):
        objects = [c for c in verb.children if c.dep_ == "dobj"]  # "took Trump to task"
        return objects, PHRASE_CUES[(lemma, noun.lemma_.lower())], "verb-object"
    if lemma not in CUES and lemma not in PREPOSITION_CUES and lemma not in _NOUN_VERBS:
        return [], "react", "verb-object"  # a particle verb without its particle
    if lemma in _NOUN_VERBS:  # "took aim at Trump", "has thrown his support behind Ryan"
        for noun in (c for c in verb.children if c.dep_ == "dobj"
                     and (lemma, c.lemma_.lower()) in VERB_NOUN_CUES):
            preposition, stance = VERB_NOUN_CUES[(lemma, noun.lemma_.lower())]
            return (prep_objects(verb, preposition) + prep_objects(noun, preposition), stance,
                    "verb-object")
        if lemma not in CUES and lemma not in PREPOSITION_CUES:
            return [], "react", "verb-object"
    if lemma in PREPOSITION_CUES:
        preposition, stance = PREPOSITION_CUES[lemma]
        if lemma == "ask" and not (verb.tag_ == "VBN" and verb.dep_ == "advcl"):
            return [], stance, "quote-cue"  # only "Asked about X, Clinton said": Y answers
        shape = "statement-about" if preposition in ("about", "on") and stance == "react" \
            else response
        shape = "quote-cue" if lemma == "ask" else shape
        if targets := prep_objects(verb, preposition, adjacent=lemma in CUES):
            return targets, stance, shape
        if lemma not in CUES:
            return [], stance, shape
    stance = CUES[lemma]
    if lemma == "challenge" and _running_against(verb):
        return [], stance, "verb-object"
    # "blamed the decline on the media": the first "on" ("on a madman, not on his religion")
    if lemma in BLAME_ON and (blamed := [o for head in (verb, *(c for c in verb.children
                                                               if c.dep_ == "dobj"))
                                         for o in prep_objects(head, "on")]):
        return blamed[:1], stance, "verb-object"
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in NEEDS_COMPLEMENT:
        complements = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")
                       or (c.dep_ == "prep" and c.lower_ == NEEDS_COMPLEMENT[lemma])]
        if lemma in TARGET_PREPOSITIONS:
            objects += prep_objects(verb, TARGET_PREPOSITIONS[lemma], adjacent=True)
        # "called [the author a coward]" is often parsed as a clause: its subject is the target
        objects += [s for c in complements if c.dep_ in ("ccomp", "xcomp", "oprd")
                    for s in c.children if s.dep_ == "nsubj"]
        called = [t for c in complements for t in c.subtree]
        # what a quotation says it was called, when there is one ("called a report
        # suggesting donors were granted greater access “outrageous”")
        called = [t for t in called if _quoted(t)] or called
        quoted = _quoted_object(verb) if not (objects and complements) else None
        if quoted:
            objects, called = [quoted[0]], quoted[1]
        elif not complements:
            return [], stance, "called-x"
        words = {t.lemma_.lower() for t in called}
        praise = PRAISE_WORDS | MILD_PRAISE | SUPPORT_WORDS - {"like", "likes"}  # "like a"
        return objects, "agree" if words & praise else "disagree", "called-x"
    if not objects and (name := _stray_name(verb)) is not None:
        objects = [name]
    return objects, stance, "statement-about" if lemma == "discuss" else "verb-object"


def _running_against(verb: Token) -> bool:
    """"who is challenging Sen. John McCain", "is challenging Ayotte for her seat": a
    candidate running against a named person (a progressive or a "for" seat), not a
    challenge to what they said ("challenged Trump's claim")."""
    named = any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in verb.children)
    running = verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be"
                                         for c in verb.children) \
        or any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    return named and running


def _stray_name(verb: Token) -> Token | None:
    """The name right after a cue verb that the parser attached elsewhere ("when Biden tried
    to attack Trump, Japan's ..." with "Trump" a loose dependent): the cue's object."""
    if verb.i + 1 >= len(verb.doc):
        return None
    name = verb.doc[verb.i + 1]
    while name.dep_ == "compound" and name.head.i > name.i and name.head.pos_ == "PROPN":
        name = name.head
    return name if name.pos_ == "PROPN" and name.dep_ in ("dep", "npadvmod") else None


def _quoted(token: Token) -> bool:
    """Whether a token stands between quotation marks of its sentence."""
    marks = [t for t in token.sent if t.is_quote and t.i < token.i]
    return len(marks) % 2 == 1


def _quoted_object(verb: Token) -> tuple[Token, list[Token]] | None:
    """"called Warren “Pocahontas”", often parsed with the name inside the nickname: the
    name right after the verb is the target and the quotation what it was called."""
    doc, end = verb.doc, verb.sent.end
    opening = next((t for t in doc[verb.i + 1:min(verb.i + _NAME_WORDS, end)]
                    if t.is_quote), None)
    if opening is None or opening.i == verb.i + 1 or not all(
            t.pos_ in ("PROPN", "NOUN", "DET", "PRON", "PART", "ADJ")
            for t in doc[verb.i + 1:opening.i]):
        return None
    closing = next((t for t in doc[opening.i + 1:end] if t.is_quote), None)
    if closing is None or closing.i - opening.i > _NAME_WORDS:
        return None
    return doc[verb.i + 1:opening.i].root, list(doc[opening.i + 1:closing.i])


def _evidence(doc: Doc, subject: Token, cue: Token, target: Token) -> Span:
    """The stretch from the agent's name through the cue to the end of the target phrase."""
    begin = min(name_range(subject)[0], cue.idx, target.left_edge.idx)
    last = max(cue, target.right_edge, subject, key=lambda t: t.i)
    return doc_span(doc, begin, last.idx + len(last))


def _quote_in(quotes: Iterable[Quote], agent: EntityRef, cue: Token) -> Quote | None:
    """The agent's quote in the cue's sentence, the one nearest the cue."""
    sent = cue.sent
    near = [q for q in quotes if q.speaker == agent
            and sent.start_char <= (q.cue_span or q.span).begin < sent.end_char]
    return min(near, key=lambda q: abs(q.span.begin - cue.idx), default=None)


def _quoted_self(quotes: Iterable[Quote], subject: Token) -> EntityRef | None:
    """Who "I" is inside a direct quote: its speaker ("'I condemn his remarks,' Ryan
    said"; "Let me just say in response to Secretary Clinton")."""
    if subject.lower_ not in _SELF:
        return None
    return next((q.speaker for q in quotes if q.direct and q.speaker is not None
                 and q.span.begin <= subject.idx < q.span.end), None)


def _own_statement(cue: Token, target: Token) -> bool:
    """A cue of regret on what the agent said or did ("regrets her insults of Trump",
    "apologized for his remarks"), or a defence of what they said or decided ("defended his
    decision to"): a reaction to the agent's own statement."""
    lemma = cue.lemma_.lower()
    return (lemma in SELF_CUES or lemma in DEFENDING and target.lemma_.lower() in _STATEMENTS) \
        and target.pos_ == "NOUN" \
        and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their")
                for c in target.children)


def _passive_agent(verb: Token) -> Token | None:
    """The "by" agent of a passive cue ("Trump was criticized by Warren"); its target is the
    passive subject, which ``_objects`` takes."""
    return next((o for a in verb.children if a.dep_ == "agent" for o in a.children
                 if o.dep_ == "pobj"), None)


def _included(group: Token) -> list[Token]:
    """The names an "including" phrase lists ("GOP critics, including Trump"), not the things
    ("its strategy, including the decision not to air ads")."""
    return [o for o in prep_objects(group, "including") if o.pos_ == "PROPN"]


def _cue_reactions(doc: Doc) -> Iterator[tuple[Token, Token, Token, Stance, str]]:
    """(cue, subject, target token, stance, shape) for every reaction cue and "said of" in
    the text; every conjunct of a subject reacts ("the AFT and the AFL-CIO endorsed")."""
    for token in doc:
        lemma = token.lemma_.lower()
        subject: Token | None = None
        if token.pos_ == "NOUN" and (lemma in NOUN_CUES or lemma in ABOUT_NOUNS):
            subject, targets, stance, shape = noun_cue(token)
        elif lemma in FEELINGS and token.tag_ in ("VBN", "JJ"):
            targets, stance, shape = felt(token), FEELINGS[lemma][1], "verb-object"
            subject = subject_of(token)  # who feels it, not the passive's "by" agent
        elif token.pos_ in ("VERB", "AUX", "ADJ") and (
                lemma in CUES or lemma in PREPOSITION_CUES or lemma in ADJECTIVE_CUES
                or lemma in _NOUN_VERBS or lemma in _PARTICLE_VERBS):
            if (lemma in ADJECTIVE_CUES) != (token.pos_ == "ADJ"):
                continue
            targets, stance, shape = _objects(token)
        elif lemma in SPEECH and token.pos_ in ("VERB", "AUX"):  # the words say the stance
            targets, shape = prep_objects(token, "of"), "said-of"
            stance = quote_stance(token.sent.text)
        else:
            continue
        if not targets or unreal(token) or carrier_unreal(token):
            continue
        if subject is None:
            subject = _passive_agent(token) or subject_of(token)
        if subject is None and token.dep_ == "advcl":  # "Responding to X, Trump said"
            subject = subject_of(token.head)
        if subject is None:
            continue
        for agent in [subject, *subject.conjuncts]:
            for target in targets:
                # "lashes out at GOP critics, including Trump": each one named is a target
                if target.lower_ in _RELATIVES and token.dep_ == "relcl":
                    target = token.head  # "Clinton, whom Trump has called Crooked Hillary"
                for each in [target, *target.conjuncts, *_included(target)]:
                    yield token, agent, each, stance, shape


def extract_reactions(doc: Doc, table: EntityTable, quotes: Iterable[Quote],
                      articles: list[MentionedArticle]) -> Iterator[Reaction]:
    """Reactions by officials, government bodies, campaigns and parties to articles, people,
    organisations and statements."""
    quotes = list(quotes)
    resolver = SpeakerResolver(doc, table, [(q.span.begin, q.span.end) for q in quotes])
    mark_candidates(doc, table, resolver)
    seen: set[tuple[EntityRef, object, int]] = set()

    def make(agent: EntityRef, cue: Token, evidence: Span, ref: EntityRef | None,
             article: MentionedArticle | None, confidence: float,
             stance: Stance, shape: str, topic: Topic | None = None) -> Reaction | None:
        agent = as_collective(agent)
        ref = as_collective(ref) if ref else None
        target_key = article.key if article else topic.span if topic else ref
        sentence = cue.sent.start
        if not may_react(table, agent) or target_key is None \
                or (agent, target_key, sentence) in seen:
            return None
        seen.add((agent, target_key, sentence))
        return Reaction(agent=agent, evidence=evidence, cue=cue.text, target_entity=ref,
                        target_article=article, target_topic=topic, stance=stance,
                        derived_from=_quote_in(quotes, agent, cue), confidence=confidence,
                        shape=shape)

    found: list[Reaction] = []
    for cue, subject, target, stance, shape in _cue_reactions(doc):
        if article_at(articles, *name_range(subject)):
            continue  # "the op-ed criticizes ...": the article speaks, nobody reacts
        speaker = table.ref_at(subject.idx, subject.idx + len(subject))  # "manager X"
        agent = _quoted_self(quotes, subject) or resolve_agent(table, resolver, subject)
        ref, article = resolve_target(table, resolver, articles, target)
        if ref == agent and agent is not None and target.lower_ in ("him", "her"):
            ref = other_person(table, resolver, target, agent)  # "He called him a liar"
        if ref is None and article is None and agent is not None:
            ref = maker_of(table, target, {agent, speaker})  # not the campaign's manager
        if agent is not None and ref == EntityRef("org", f"{agent.name} campaign"):
            continue  # "his campaign" read as the agent's own: no one reacts to that
        if ref == agent and not _own_statement(cue, target):
            continue  # "Ginsburg regrets her remarks" reacts to herself; "he defended him" not
        # an object before its cue is a fronted setting ("at the conference, Graham called out")
        topic = topic_at(target) if ref is None and article is None \
            and (target.i > cue.i or target.dep_ == "nsubjpass") else None
        if agent is not None and (ref is not None or article is not None or topic):
            evidence = _evidence(doc, subject, cue, target)
            if reaction := make(agent, cue, evidence, ref, article, 0.7, stance, shape, topic):
                found.append(reaction)
    for cue, agent_ref, target_ref, evidence, stance in surface_reactions(doc, table):
        if unreal(cue):
            continue
        lemma = surface_lemma(cue.text) or ""
        shape = "response" if lemma in ("respond", "react", "reply") else "verb-object"
        if lemma in NEEDS_COMPLEMENT:  # "Sanders calls Clinton unqualified"
            stance, shape = "disagree", "called-x"
        if reaction := make(agent_ref, cue, evidence, target_ref, None, 0.6, stance, shape):
            found.append(reaction)
    found += _statements_about_articles(doc, table, resolver, articles, make)
    yield from found
    text = doc_text(doc)
    for reaction in chain(quote_reactions(doc, table, quotes, resolver),
                          headline_reactions(table, text, name_forms(table))):
        if may_react(table, reaction.agent) and not any(
                (r.agent, r.target_entity) == (reaction.agent, reaction.target_entity)
                and r.evidence.begin < reaction.evidence.end
                and reaction.evidence.begin < r.evidence.end for r in found):
            yield reaction


def _statements_about_articles(doc: Doc, table: EntityTable, resolver: SpeakerResolver,
                               articles: list[MentionedArticle],
                               make: _Maker) -> Iterator[Reaction]:
    """A speech verb whose agent says something about an article the text mentions (not
    the article's own author quoting it)."""
    if not articles:
        return
    for token in doc:
        if token.lemma_.lower() not in SPEECH or token.pos_ not in ("VERB", "AUX"):
            continue
        subject = subject_of(token)
        if subject is None or article_at(articles, *name_range(subject)):
            continue
        agent = resolve_agent(table, resolver, subject)
        entity = table.entities.get(agent) if agent is not None else None
        if entity is None or entity.described or unreal(token):
            continue  # no agent, or one the article only describes ("news media")
        said = [c for c in token.children if c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis")]
        if token.dep_ in ("ccomp", "parataxis") and token.i > token.head.i:
            said.append(token.head)  # "The Times should apologize ..., added Sanders"
        for clause in said:
            article = next((found for t in clause.subtree
                            if (found := article_at(articles, t.idx, t.idx + len(t)))), None)
            if article is not None:
                evidence = _evidence(doc, subject, token, clause)
                words = doc[clause.left_edge.i:clause.right_edge.i + 1].text
                stance = quote_stance(words) if judges(words) else "react"  # "is misleading"
                if reaction := make(agent, token, evidence, None, article, 0.6, stance,
                                       "statement-about"):
                    yield reaction
                break
