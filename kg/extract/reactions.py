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
    **dict.fromkeys(["respond", "react", "call", "describe", "label", "brand", "dub", "urge"],
                    "react"),
}
# a verb whose target is the object of one preposition: "railed against Trump"
PREPOSITION_CUES: dict[str, tuple[str, Stance]] = {
    "respond": ("to", "react"), "react": ("to", "react"), "call": ("on", "react"),
    "ask": ("about", "react"), "rail": ("against", "disagree"), "lash": ("at", "disagree"),
    "poke": ("at", "disagree"), "speak": ("against", "disagree"),
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
_Maker = Callable[[EntityRef, Token, Span, EntityRef | None, MentionedArticle | None, float],
                  Reaction | None]


def _name_range(token: Token) -> tuple[int, int]:
    """The characters of the subject's name: compounds and the head, not its clauses."""
    parts = [token, *(c for c in token.lefts if c.dep_ in ("compound", "amod", "det", "poss"))]
    begin = min(t.idx for t in parts)
    return begin, token.idx + len(token)


def _resolve(table: EntityTable, token: Token) -> EntityRef | None:
    ref = table.ref_at(*_name_range(token))
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
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("who", "that"):
                return child
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


def _target(table: EntityTable, articles: list[MentionedArticle],
            token: Token) -> tuple[EntityRef | None, MentionedArticle | None]:
    begin, end = _name_range(token)
    if article := _article_at(articles, begin, end):
        return None, article
    for conj in [token, *token.conjuncts]:
        # the head noun must name the entity: "a Gold Star mother" is not Gold Star
        ref = table.ref_at(conj.idx, conj.idx + len(conj))
        if ref is not None:
            return ref, None
    return None, None


def _objects(verb: Token) -> list[Token]:
    lemma = verb.lemma_.lower()
    if lemma in _NEEDS_TO:
        return [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
                for g in p.children if g.dep_ == "pobj"]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in _NEEDS_COMPLEMENT:
        complements = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")
                       or (c.dep_ == "prep" and c.lower_ == "as")]
        if not complements:
            return []
        # "called [the author a coward]" is often parsed as a clause: its subject is the target
        objects += [s for c in complements if c.dep_ in ("ccomp", "xcomp")
                    for s in c.children if s.dep_ == "nsubj"]
    return objects


def _evidence(doc: Doc, subject: Token, cue: Token, target: Token) -> Span:
    """The stretch from the agent's name through the cue to the end of the target phrase."""
    begin = min(_name_range(subject)[0], cue.idx, target.left_edge.idx)
    last = max(cue, target.right_edge, subject, key=lambda t: t.i)
    end = last.idx + len(last)
    return Span(begin, end, doc.text[begin:end])


def _quote_in(quotes: Iterable[Quote], agent: EntityRef, cue: Token) -> Quote | None:
    """The agent's quote in the cue's sentence, the one nearest the cue."""
    sent = cue.sent
    near = [q for q in quotes if q.speaker == agent
            and sent.start_char <= (q.cue_span or q.span).begin < sent.end_char]
    return min(near, key=lambda q: abs(q.span.begin - cue.idx), default=None)


def _cue_reactions(doc: Doc, table: EntityTable,
                   articles: list[MentionedArticle]) -> Iterator[tuple[Token, Token, Token]]:
    """(cue, subject, target token) for every reaction verb and "said of" in the text."""
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "AUX") and lemma not in CUES:
            continue
        if lemma in CUES:
            targets = _objects(token)
        elif lemma in SPEECH:
            targets = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj"]
        else:
            continue
        subject = _subject(token)
        if subject is None and token.dep_ == "advcl":  # "Responding to X, Trump said"
            subject = _subject(token.head)
        if subject is None:
            continue
        for target in targets:
            yield token, subject, target


def extract_reactions(doc: Doc, table: EntityTable, quotes: Iterable[Quote],
                      articles: list[MentionedArticle]) -> Iterator[Reaction]:
    """Reactions by people and bodies to articles, people, organisations and statements."""
    quotes = list(quotes)
    seen: set[tuple[EntityRef, object, int]] = set()

    def make(agent: EntityRef, cue: Token, evidence: Span, ref: EntityRef | None,
             article: MentionedArticle | None, confidence: float) -> Reaction | None:
        target_key = article.key if article else ref
        sentence = cue.sent.start
        if agent.kind not in _AGENT_KINDS or target_key is None or ref == agent \
                or (agent, target_key, sentence) in seen:
            return None
        seen.add((agent, target_key, sentence))
        stance = CUES.get(cue.lemma_.lower(), "react")
        return Reaction(agent=agent, evidence=evidence, cue=cue.text, target_entity=ref,
                        target_article=article, stance=stance,
                        derived_from=_quote_in(quotes, agent, cue), confidence=confidence)

    for cue, subject, target in _cue_reactions(doc, table, articles):
        if _article_at(articles, *_name_range(subject)):
            continue  # "the op-ed criticizes ...": the article speaks, nobody reacts
        agent = _resolve(table, subject)
        ref, article = _target(table, articles, target)
        if agent is not None and (ref is not None or article is not None):
            evidence = _evidence(doc, subject, cue, target)
            if reaction := make(agent, cue, evidence, ref, article, 0.7):
                yield reaction
    yield from _statements_about_articles(doc, table, articles, make)


def _statements_about_articles(doc: Doc, table: EntityTable,
                               articles: list[MentionedArticle],
                               make: _Maker) -> Iterator[Reaction]:
    """A speech verb whose agent says something about an article the text mentions (not
    the article's own author quoting it)."""
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
            target = next((t for t in clause.subtree
                           if _article_at(articles, t.idx, t.idx + len(t))), None)
            if target is not None:
                article = _article_at(articles, target.idx, target.idx + len(target))
                evidence = _evidence(doc, subject, token, clause)
                if reaction := make(agent, token, evidence, None, article, 0.6):
                    yield reaction
                break
