"""Clauses around a reaction cue: whether the cue states a reaction at all (``unreal``: negated,
modal, questioned, conditional, intended or requested) and who its subject is (``subject_of``),
climbing the parse where the parser or the sentence puts the subject elsewhere."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.reaction_cues import CARRIED_OUT, MODALS, REFRAINING, SPEECH


def unreal(cue: Token) -> bool:
    """Whether a cue states no reaction: negated ("did not criticize", "refrained from
    endorsing"), modal ("would condemn"), in a question or an if-clause, a request
    ("challenged X to act"), or an infinitive not under a verb that carries it out ("refused
    to endorse", "urged X to attack", "Welch to back Sanders"; but "tried to attack Trump",
    "voted to condemn")."""
    if cue.sent.text.rstrip(" \"'\u201d\u2019").endswith("?"):
        return True
    if any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
           and any(o.dep_ in ("dobj", "nsubj") and o.i < c.i for o in (*cue.children,
                                                                      *c.children))
           for c in cue.children):
        return True  # a request: "challenging Republicans to prove ...", "dared him to"
    node = cue
    for _ in range(3):
        children = list(node.children)
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS) for c in children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
            return True
        subjects = [c.i for c in children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(c.dep_ == "aux" and c.lower_ in ("had", "were", "should") and subjects
               and c.i < min(subjects) for c in children):
            return True  # "had Clinton congratulated him": an inverted conditional
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in children)
        if infinitive and not _carried_out(node.head):
            return True
        if node.dep_ == "pcomp" and node.head.head.lemma_.lower() in REFRAINING:
            return True  # "refrained from endorsing", "stopped short of criticizing"
        if node.dep_ not in ("xcomp", "conj") or node.head is node:
            return False
        node = node.head
    return False


def _carried_out(verb: Token) -> bool:
    """Whether a verb over an infinitive cue says it happened ("tried to attack", "was quick
    to condemn", "went on to criticize"; not "is going to attack")."""
    lemma = verb.lemma_.lower()
    return lemma in CARRIED_OUT or lemma == "go" and any(
        c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, climbing from participles and conjuncts to the clause that has one."""
    inverted = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod") and c.i > verb.i
                and c.pos_ == "PROPN" and any(o.dep_ == "ccomp" and o.i < verb.i
                                              for o in verb.children)]
    if inverted and verb.lemma_.lower() in SPEECH:
        return inverted[0]  # '"...," added Huckabee Sanders' parsed with the name as object
    node = verb.head if verb.dep_ in ("acomp", "oprd") else verb  # "has been critical of"
    for _ in range(4):
        # the nearest subject before the verb ("Washington (AFP) – Clinton has taken")
        for child in sorted(node.children, key=lambda c: (c.i > node.i, -c.i)):
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("who", "that"):
                return child
            if child.dep_ == "nsubj" and node.dep_ == "relcl":  # "Christie, who campaigned"
                return node.head
        if node.dep_ == "pcomp" and node.head.lower_ in ("of", "for") \
                and any(c.dep_ == "dobj" for c in node.head.head.children):
            return None  # "accused Cruz of opposing X", "assailed her for supporting X"
        owner = next((c for c in node.head.children if c.dep_ == "poss"), None)
        if node.dep_ == "acl" and owner is not None:
            return owner  # "Clinton's speech denouncing his policies"
        if node.dep_ == "acl" and node.head.dep_ in ("dobj", "pobj"):
            node = node.head.head  # "approved a resolution condemning X": who approved it
            if node.dep_ == "prep":  # "in a statement criticizing X, Clinton said"
                node = node.head
        elif node.dep_ in ("advcl", "conj", "xcomp", "acl", "pcomp", "ccomp", "prep", "acomp") \
                and node.head is not node:
            node = node.head
        else:
            break
    return name_before(verb) if verb.dep_ == "ROOT" else None


def name_before(verb: Token) -> Token | None:
    """The proper name right before a root verb the parser left without a subject ("Sen.
    Lindsey Graham (R-SC) called out ..." parsed with Graham in an apposition): only
    parentheses, auxiliaries and adverbs between."""
    depth = 0
    for token in reversed(verb.sent[:verb.i - verb.sent.start]):
        if token.text == ")":
            depth += 1
        elif token.text == "(":
            depth -= 1
        elif depth == 0 and token.dep_ not in ("aux", "advmod", "neg"):
            return token if token.pos_ == "PROPN" else None
    return None
