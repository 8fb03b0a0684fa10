"""Reactions a noun or a feeling carries (docs/reactions.md, "Shapes"): "his critique of his
opponents", "Clinton launched an attack on Trump", "In response to X, Y said", "received the
endorsement of", "sounded a positive note about", "was troubled by Trump's remarks"."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.reaction_clauses import subject_of, unreal
from kg.extract.reaction_cues import (
    ABOUT_NOUNS,
    AIMING,
    BLAME_WORDS,
    CHANCES,
    FEELINGS,
    LIGHT_VERBS,
    MILD_PRAISE,
    NOUN_CUES,
    PRAISE_WORDS,
    RECEIVING,
)
from kg.extract.reaction_targets import prep_objects
from kg.extract.records import Stance


def noun_cue(noun: Token) -> tuple[Token | None, list[Token], Stance, str]:
    """A reaction noun: "his critique of his opponents", "In response to X, Y said", "sounded
    a positive note about Trump", "expressed doubts about her". The agent owns the noun or
    is the subject of the verb that has it."""
    lemma = noun.lemma_.lower()
    if lemma in ABOUT_NOUNS:
        targets = [o for p in ("about", "on", "over") for o in prep_objects(noun, p)] \
            or _aimed(noun)
        words = {c.lower_ for c in noun.lefts}
        stance = "agree" if words & (PRAISE_WORDS | MILD_PRAISE) else \
            "disagree" if words & BLAME_WORDS \
            else ABOUT_NOUNS[lemma]
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None and noun.dep_ == "dobj":
            owner = subject_of(noun.head)
        return owner, targets, stance, "statement-about"
    prepositions, stance = NOUN_CUES[lemma]
    if lemma == "shot" and any(c.lower_ in CHANCES for c in noun.lefts):
        return None, [], stance, "verb-object"  # "Rubio's best shot at the nomination"
    light = noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS
    targets = [o for p in prepositions for o in prep_objects(noun, p)] or [
        o for p in noun.head.children if light and p.dep_ in ("prep", "dative")
        and p.lower_ in prepositions for o in p.children if o.dep_ == "pobj"] \
        or _charged(noun) or _aimed(noun)  # "gave his endorsement to Clinton", "his attack that"
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING:
        # "Cruz received the endorsement of Gov. Mike Pence", "won backing from the AFL-CIO":
        # the giver reacts to the receiver
        givers = [*prep_objects(noun, "from"), *prep_objects(noun.head, "from"),
                  *prep_objects(noun, "by"), *(prep_objects(noun, "of") if stance == "agree"
                                               else [])]
        receiver = subject_of(noun.head)
        return (givers[0] if givers else None), [receiver] if receiver else [], stance, \
            "verb-object"
    shape = "response" if lemma == "response" else "verb-object"
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    givers = prep_objects(noun, "by") + prep_objects(noun, "from")
    if owner is None and givers:
        owner = givers[0]  # "criticism of the plan from Sen. Graham"
    elif owner is None and noun.head.dep_ == "prep" and noun.head.lower_ in ("in", "with"):
        owner = subject_of(noun.head.head)  # "In response to X, Y said", "with a shot at"
    elif owner is None and light:
        owner = subject_of(noun.head)  # "Clinton launched an attack on Trump"
    return owner, targets, stance, shape


def _aimed(noun: Token) -> list[Token]:
    """Whom a statement or attack was aimed at ("Obama's remarks were directed broadly at
    Republican critics", "aimed his attacks at Clinton"): the object of the verb's "at"."""
    if noun.dep_ in ("nsubjpass", "dobj") and noun.head.lemma_.lower() in AIMING:
        return prep_objects(noun.head, "at")
    return []


def _charged(noun: Token) -> list[Token]:
    """The subject of what a criticism says ("pressing his attack that Hillary Clinton is not
    qualified", the clause on the noun or on its light verb): whom it is about."""
    light = noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS
    return [s for c in (*noun.children, *(noun.head.children if light else ()))
            if c.dep_ in ("acl", "ccomp")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def carrier_unreal(noun: Token) -> bool:
    """Whether the verb that carries a reaction noun states none ("did not launch an attack
    on Trump", "would take a shot at him"), or the noun itself denies it ("made no comment
    on the ruling")."""
    if noun.pos_ != "NOUN":
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    if noun.dep_ == "dobj" or noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in AIMING:
        return unreal(noun.head)
    return noun.head.dep_ == "prep" and noun.head.lower_ in ("in", "with") \
        and unreal(noun.head.head)


def felt(feeling: Token) -> list[Token]:
    """What a feeling is about: "troubled by X" (a passive's agent), "angry at X"."""
    prepositions = FEELINGS[feeling.lemma_.lower()][0]
    return [o for p in feeling.children if p.dep_ in ("prep", "agent")
            and p.lower_ in prepositions for o in p.children if o.dep_ == "pobj"]
