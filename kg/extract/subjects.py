"""Who a cue's subject is in the parse: the token that speaks, before it is resolved.

The parser's subject is the start; these rules cover what it gets wrong or leaves out in
news reporting: passives, inverted cues after a quote, participles that go on with a report,
naming verbs, control verbs, 'according to' a thing made by someone.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import cues
from kg.segmentation import CLOSING_TOKENS

# Tokens that end a quote before a cue ('"...," said X').
CLOSING = CLOSING_TOKENS | {","}
# Verbs whose object does what their complement says ('prompted Rubio to call').
_CONTROL = {"prompt", "lead", "urge", "ask", "tell", "push", "force", "encourage", "inspire",
            "invite", "persuade", "cause", "challenge", "dare", "press", "get"}
# Verbs whose passive subject is the one addressed, not the speaker ('she was asked').
_ADDRESSED = {"ask", "tell", "urge", "warn", "question", "press", "advise", "instruct"}
# Relations to climb from a subject-less cue to the clause that has the speaker
# ("put out a statement saying": saying -> statement -> put).
_CLIMB = {"advcl", "xcomp", "conj", "ccomp", "pcomp", "prep", "acl", "dobj", "pobj"}


def _inverted(verb: Token, subjects: list[Token]) -> Token | None:
    """'The rejection signals "the end," said Geert Wilders': after a comma the cue comes
    before its speaker, and the fronted clause's subject is often hung on the cue too."""
    if verb.i == 0 or verb.doc[verb.i - 1].text not in CLOSING:
        return None
    after = [s for s in subjects if s.i > verb.i]
    return after[0] if after else None


def _agent(cue: Token) -> Token | None:
    """'Rubio was asked by moderator Gerard Baker': a passive cue speaks for its agent."""
    for child in cue.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def _what_called(cue: Token, subject: Token) -> Token | None:
    """'The president denounced what he called the "pessimistic" vision': the pronoun is
    the outer subject, who PolNeAR gives as the source; the name is surer than the pronoun."""
    if subject.lower_ not in ("he", "she", "they") or cue.lemma_.lower() not in cues.NAMING \
            or not any(c.lower_ == "what" for c in cue.children) or cue.head == cue:
        return None
    verb = cue.head.head if cue.dep_ == "pcomp" else cue.head  # 'railed against what'
    if cue.dep_ not in ("ccomp", "pcomp") or verb.pos_ != "VERB":
        return None
    outer = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]
    return outer[0] if outer else None


def _maker(source: Token) -> Token | None:
    """'according to audio provided by Wyoming Public Radio': a common noun made 'by'
    someone speaks for its maker."""
    if source.pos_ != "NOUN":
        return None
    for token in source.subtree:
        if token.lower_ == "by" and token.dep_ in ("agent", "prep") and \
                token.head in (source, *source.children):
            objects = [c for c in token.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def _namer(cue: Token) -> Token | None:
    """'one lawmaker called Trump "the orange prince"' parsed as 'a lawmaker (who is) called
    Trump': a naming verb with its object before the quote names with the noun before it
    (not 'a group called "Citizens United"', where the quote follows the verb)."""
    doc = cue.doc
    if cue.dep_ != "acl" or cue.tag_ not in ("VBD", "VBN") or cue.i + 1 >= len(doc) or \
            cue.lemma_.lower() not in cues.NAMING or cue.head.i != cue.i - 1 or \
            doc[cue.i + 1].is_punct or cue.head.pos_ not in ("NOUN", "PROPN") or \
            cue.head.dep_ not in ("nsubj", "appos", "ROOT"):  # a subject, not an object
        return None
    return cue.head


def _reporter(cue: Token) -> Token | None:
    """'Trump told Newsmax that Romney "...," adding, "..."': a participle after a comma
    goes on with the report, though the parse hangs it on the reported clause."""
    doc = cue.doc
    if cue.tag_ != "VBG" or cue.i == 0 or doc[cue.i - 1].text not in CLOSING or \
            cues.is_cue(cue.head):
        return None
    below = cue
    for token in cue.ancestors:
        if cues.is_cue(token) and token.lemma_.lower() in cues.SPEECH:
            # only from what it reports ('told Newsmax that ...', 'denied the notion that')
            return token if below.dep_ in ("ccomp", "dobj") and token.i < cue.i else None
        below = token
    return None


def addressed(cue: Token) -> bool:
    """'she was asked to give a presentation', '"Will you run?" Jones was asked': the
    passive subject of a verb of asking or telling was spoken to; the speaker is unnamed
    (unless 'by' names them)."""
    return cue.lemma_.lower() in _ADDRESSED and _agent(cue) is None and \
        any(c.dep_ == "nsubjpass" for c in cue.children)


def cue_subject(cue: Token) -> Token | None:
    """The cue's subject, climbing from 'saying'/'adding' to the clause it hangs from."""
    if cues.is_according(cue):
        to = cue.doc[cue.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        return _maker(objects[0]) or objects[0] if objects else None
    agent = _agent(cue) or _namer(cue)
    if agent is not None:
        return agent
    verb = _reporter(cue) or cue
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            # ('An argument (''...,'' Monica Crowley wrote)': the nearest of two subjects.)
            nearest = min(subjects, key=lambda s: abs(s.i - verb.i))
            return _inverted(verb, subjects) or _what_called(verb, nearest) or nearest
        controller = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        if verb.dep_ == "xcomp" and controller and verb.head.lemma_.lower() in _CONTROL:
            return controller[0]  # 'That prompted Rubio to call Trump "flexible"'
        if verb.dep_ in _CLIMB and verb.head != verb:
            verb = verb.head
        elif verb.dep_ == "relcl":
            return verb.head
        else:
            return None
    return None
