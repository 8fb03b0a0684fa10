"""Official-reacted-to facts: an official or a government body reacting to an article, a
person, an organisation or a statement, found from the parse.

Shapes: a reaction verb with the agent as subject and the target as object ("Trump
criticized the failing New York Times", "called the author a coward", "describing the Times
piece as ..."); a verb and its preposition ("Responding to the op-ed", "called on Obama to",
"railing against Trump", "agreed with Ivana Trump"); an adjective ("critical of Trump");
"X said of Y"; and a statement by the agent about an article the text mentions ("it is a
disgrace that the piece was published"). Agents must act in an office: a government body, or
a person the article titles as an office holder or a candidate (docs/entities.md). The quote
carrying the reaction, when the quotes stage found one, becomes ``derived_from``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc, Token

from kg.extract.doctext import doc_span
from kg.extract.records import EntityRef, MentionedArticle, Quote, Reaction, Span, Stance
from kg.extract.roles import ROLE_WORDS, is_candidacy
from kg.extract.table import EntityTable

CUES: dict[str, Stance] = {
    **dict.fromkeys(
        ["criticize", "criticise", "denounce", "condemn", "slam", "blast", "attack", "rip",
         "decry", "dismiss", "reject", "mock", "deride", "lambaste", "assail", "knock", "bash",
         "chide", "rebuke", "fault", "accuse", "ridicule", "scold", "berate", "trash",
         "disavow", "repudiate", "castigate", "excoriate", "pan", "skewer", "disparage",
         "insult", "belittle", "scorn", "sue", "oppose", "blame", "unendorse"], "disagree"),
    **dict.fromkeys(["praise", "applaud", "welcome", "commend", "hail", "laud", "thank",
                     "congratulate", "defend", "endorse", "salute", "compliment", "back",
                     "support"], "agree"),
    **dict.fromkeys(["call", "describe", "label", "brand", "dub", "urge"],
                    "react"),
}
# a verb whose target is the object of one preposition: "railed against Trump"
PREPOSITION_CUES: dict[str, tuple[str, Stance]] = {
    "respond": ("to", "react"), "react": ("to", "react"), "call": ("on", "react"),
    "ask": ("about", "react"), "rail": ("against", "disagree"), "lash": ("at", "disagree"),
    "poke": ("at", "disagree"), "speak": ("against", "disagree"),
    "retaliate": ("against", "disagree"),
    "break": ("with", "disagree"), "disagree": ("with", "disagree"),
    "agree": ("with", "agree"), "side": ("with", "agree"), "campaign": ("for", "agree"),
    "vouch": ("for", "agree"),
}
# an adjective whose target follows "of": "Graham has been critical of Trump"
ADJECTIVE_CUES: dict[str, Stance] = {"critical": "disagree", "dismissive": "disagree",
                                     "contemptuous": "disagree", "supportive": "agree"}
_NEEDS_COMPLEMENT = {"call", "label", "brand", "dub", "describe"}  # "called X a Y"
SPEECH = {"say", "add", "tell", "write", "tweet", "continue", "declare", "argue", "claim",
          "insist", "state", "note", "suggest", "charge", "complain", "warn", "contend"}
# what someone said or decided: "Trump's declaration" is a reaction target standing for Trump
STATEMENT_NOUNS = {"statement", "statements", "comment", "comments", "remark", "remarks",
                   "declaration", "claim", "claims", "tweet", "tweets", "speech", "decision",
                   "argument", "request", "words", "accusation", "accusations", "attack",
                   "attacks", "criticism", "proposal", "proposals", "op-ed", "editorial"}
_AUTHOR_NOUNS = {"author", "writer"}  # "the author" of the article the text discusses
_ROLE_SYNONYMS = {"senator": {"sen.", "sen"}, "governor": {"gov.", "gov"},
                  "representative": {"rep.", "rep", "congressman", "congresswoman"},
                  "congressman": {"rep.", "rep"}, "judge": {"justice"}, "justice": {"judge"}}
_PRONOUNS = {"he", "she", "they", "it", "we"}
_Maker = Callable[[EntityRef, Token, Span, EntityRef | None, MentionedArticle | None, float,
                   Stance], Reaction | None]


def acts_in_office(table: EntityTable, ref: EntityRef) -> bool:
    """Whether an agent may react as an official: a government body, or a person the
    article gives an office ("President", "Sen.") or a candidacy ("Republican nominee")."""
    entity = table.entities.get(ref)
    if ref.kind == "gov":
        return True
    return ref.kind == "person" and entity is not None and not entity.described \
        and (entity.official or is_candidacy(entity.job_title))


def _name_range(token: Token) -> tuple[int, int]:
    """The characters of the subject's name: compounds and the head, not its clauses."""
    parts = [token, *(c for c in token.lefts if c.dep_ in ("compound", "amod", "det", "poss"))]
    begin = min(t.idx for t in parts)
    return begin, token.idx + len(token)


def _titled(table: EntityTable, token: Token) -> EntityRef | None:
    """The person a definite role description stands for ("the South Carolina senator",
    "the judge"): the nearest earlier person whose job title has that role word."""
    words = {token.lower_} | _ROLE_SYNONYMS.get(token.lower_, set())
    for mention in reversed(table.mentions_before(token.idx)):
        entity = table.entities.get(mention.entity)
        title = {w.lower() for w in (entity.job_title or "").split()} if entity else set()
        if mention.entity.kind == "person" and title & words:
            return mention.entity
    return None


def _resolve(table: EntityTable, token: Token) -> EntityRef | None:
    if token.lower_ in ROLE_WORDS and token.tag_ == "NN" \
            and any(c.lower_ == "the" for c in token.lefts):
        return _titled(table, token)  # not "South Carolina" in "the South Carolina senator"
    ref = table.ref_at(*_name_range(token))
    for appos in (c for c in token.children if c.dep_ == "appos" and ref is None):
        ref = table.ref_at(*_name_range(appos))  # "Republican nominee [Donald Trump]"
    if ref is None and token.lower_ in _PRONOUNS:
        kinds = ("gov", "org") if token.lower_ in ("it", "we", "they") else ("person",)
        earlier = [m for m in table.mentions_before(token.idx) if m.entity.kind in kinds]
        return earlier[-1].entity if earlier else None
    return ref


def _subject(verb: Token) -> Token | None:
    """The verb's subject, climbing from participles and conjuncts to the clause that has one."""
    inverted = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod") and c.i > verb.i
                and c.pos_ == "PROPN" and any(o.dep_ == "ccomp" and o.i < verb.i
                                              for o in verb.children)]
    if inverted and verb.lemma_.lower() in SPEECH:
        return inverted[0]  # '"...," added Huckabee Sanders' parsed with the name as object
    node = verb.head if verb.dep_ in ("acomp", "oprd") else verb  # "has been critical of"
    for _ in range(4):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("who", "that"):
                return child
            if child.dep_ == "nsubj" and node.dep_ == "relcl":  # "Christie, who campaigned"
                return node.head
        if node.dep_ in ("advcl", "conj", "xcomp", "acl", "pcomp", "ccomp") \
                and node.head is not node:
            node = node.head
        else:
            return None
    return None


def _article_at(articles: Iterable[MentionedArticle], begin: int,
                end: int) -> MentionedArticle | None:
    for article in articles:
        if any(s.begin < end and begin < s.end for s in article.mentions):
            return article
    return None


def _described_author(table: EntityTable) -> EntityRef | None:
    """The article's one unnamed speaker (the op-ed's author), if the quotes stage found it."""
    described = [r for r, e in table.entities.items() if e.described and r.kind == "person"]
    return described[0] if len(described) == 1 else None


def _target(table: EntityTable, articles: list[MentionedArticle],
            token: Token) -> tuple[EntityRef | None, MentionedArticle | None]:
    begin, end = _name_range(token)
    if token.lemma_.lower() in _AUTHOR_NOUNS and token.tag_ == "NN":
        return _described_author(table), None  # "the author": the op-ed's anonymous writer
    if article := _article_at(articles, begin, end):
        return None, article
    for conj in [token, *token.conjuncts]:
        # the head noun must name the entity: "a Gold Star mother" is not Gold Star
        ref = table.ref_at(conj.idx, conj.idx + len(conj))
        if ref is not None:
            return ref, None
    if token.lower_ in STATEMENT_NOUNS:  # "Trump's declaration": reacting to what Trump said
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ not in _PRONOUNS | {"his", "her", "its", "their"}:
            return table.ref_at(owner.idx, owner.idx + len(owner)), None
    return None, None


def _prep_objects(verb: Token, preposition: str, adjacent: bool = False) -> list[Token]:
    """Objects of the verb's preposition; ``adjacent``: right after the verb ("called on X",
    not "called X a coward on Thursday")."""
    return [g for p in verb.children if p.dep_ in ("prep", "prt") and p.lower_ == preposition
            and (not adjacent or p.i == verb.i + 1)
            for g in p.children if g.dep_ == "pobj"]


def _objects(verb: Token) -> tuple[list[Token], Stance]:
    """The tokens a cue reacts to, and the stance the cue expresses."""
    lemma = verb.lemma_.lower()
    if lemma in ADJECTIVE_CUES:
        return _prep_objects(verb, "of"), ADJECTIVE_CUES[lemma]
    if lemma in PREPOSITION_CUES:
        preposition, stance = PREPOSITION_CUES[lemma]
        if lemma == "ask" and not (verb.tag_ == "VBN" and verb.dep_ == "advcl"):
            return [], stance  # only "Asked about X, Clinton said": the agent answers
        if targets := _prep_objects(verb, preposition, adjacent=lemma in CUES):
            return targets, stance
        if lemma not in CUES:
            return [], stance
    stance = CUES[lemma]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in _NEEDS_COMPLEMENT:
        complements = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")
                       or (c.dep_ == "prep" and c.lower_ == "as")]
        if not complements:
            return [], stance
        # "called [the author a coward]" is often parsed as a clause: its subject is the target
        objects += [s for c in complements if c.dep_ in ("ccomp", "xcomp")
                    for s in c.children if s.dep_ == "nsubj"]
    return objects, stance


def _evidence(doc: Doc, subject: Token, cue: Token, target: Token) -> Span:
    """The stretch from the agent's name through the cue to the end of the target phrase."""
    begin = min(_name_range(subject)[0], cue.idx, target.left_edge.idx)
    last = max(cue, target.right_edge, subject, key=lambda t: t.i)
    return doc_span(doc, begin, last.idx + len(last))


def _quote_in(quotes: Iterable[Quote], agent: EntityRef, cue: Token) -> Quote | None:
    """The agent's quote in the cue's sentence, the one nearest the cue."""
    sent = cue.sent
    near = [q for q in quotes if q.speaker == agent
            and sent.start_char <= (q.cue_span or q.span).begin < sent.end_char]
    return min(near, key=lambda q: abs(q.span.begin - cue.idx), default=None)


def _cue_reactions(doc: Doc) -> Iterator[tuple[Token, Token, Token, Stance]]:
    """(cue, subject, target token, stance) for every reaction cue and "said of" in the text;
    every conjunct of a subject reacts ("the AFT and the AFL-CIO endorsed")."""
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma in CUES or lemma in PREPOSITION_CUES or lemma in ADJECTIVE_CUES:
            if lemma in ADJECTIVE_CUES and token.pos_ != "ADJ":
                continue
            targets, stance = _objects(token)
        elif lemma in SPEECH and token.pos_ in ("VERB", "AUX"):
            targets, stance = _prep_objects(token, "of"), "react"
        else:
            continue
        subject = _subject(token)
        if subject is None and token.dep_ == "advcl":  # "Responding to X, Trump said"
            subject = _subject(token.head)
        if subject is None:
            continue
        for agent in [subject, *subject.conjuncts]:
            for target in targets:
                yield token, agent, target, stance


def extract_reactions(doc: Doc, table: EntityTable, quotes: Iterable[Quote],
                      articles: list[MentionedArticle]) -> Iterator[Reaction]:
    """Reactions by officials and government bodies to articles, people, organisations and
    statements."""
    quotes = list(quotes)
    seen: set[tuple[EntityRef, object, int]] = set()

    def make(agent: EntityRef, cue: Token, evidence: Span, ref: EntityRef | None,
             article: MentionedArticle | None, confidence: float,
             stance: Stance) -> Reaction | None:
        target_key = article.key if article else ref
        sentence = cue.sent.start
        if not acts_in_office(table, agent) or target_key is None or ref == agent \
                or (agent, target_key, sentence) in seen:
            return None
        seen.add((agent, target_key, sentence))
        return Reaction(agent=agent, evidence=evidence, cue=cue.text, target_entity=ref,
                        target_article=article, stance=stance,
                        derived_from=_quote_in(quotes, agent, cue), confidence=confidence)

    for cue, subject, target, stance in _cue_reactions(doc):
        if _article_at(articles, *_name_range(subject)):
            continue  # "the op-ed criticizes ...": the article speaks, nobody reacts
        agent = _resolve(table, subject)
        ref, article = _target(table, articles, target)
        if agent is not None and (ref is not None or article is not None):
            evidence = _evidence(doc, subject, cue, target)
            if reaction := make(agent, cue, evidence, ref, article, 0.7, stance):
                yield reaction
    yield from _statements_about_articles(doc, table, articles, make)


def _statements_about_articles(doc: Doc, table: EntityTable,
                               articles: list[MentionedArticle],
                               make: _Maker) -> Iterator[Reaction]:
    """A speech verb whose agent says something about an article the text mentions (not
    the article's own author quoting it)."""
    if not articles:
        return
    for token in doc:
        if token.lemma_.lower() not in SPEECH or token.pos_ not in ("VERB", "AUX"):
            continue
        subject = _subject(token)
        if subject is None or _article_at(articles, *_name_range(subject)):
            continue
        agent = _resolve(table, subject)
        if agent is None or table.entities[agent].described:
            continue
        said = [c for c in token.children if c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis")]
        if token.dep_ in ("ccomp", "parataxis") and token.i > token.head.i:
            said.append(token.head)  # "The Times should apologize ..., added Sanders"
        for clause in said:
            article = next((found for t in clause.subtree
                            if (found := _article_at(articles, t.idx, t.idx + len(t)))), None)
            if article is not None:
                evidence = _evidence(doc, subject, token, clause)
                if reaction := make(agent, token, evidence, None, article, 0.6, "react"):
                    yield reaction
                break
