"""Where a pronoun's referent may stand: the positions of earlier names, how prominent each
is, and the clauses that bind a pronoun to a subject ('he' after 'Mr. Trump said')."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kg.extract import cues
from kg.extract.records import EntityRef

SUBJECTS = {"nsubj", "nsubjpass"}
# A candidate antecedent: its rank, offset and what it stands for (see
# ``SpeakerResolver._candidates``).
Candidate = tuple[float, int, "EntityRef | Token | None"]
# The forms of 'he' and 'she': an earlier one refers to the same person as a later one.
FORMS = {"m": {"he", "him", "his", "himself"}, "f": {"she", "her", "hers", "herself"}}
# How many sentences back (the pronoun's own first) a he/she looks for its referent.
WINDOW = 4
# Nouns that tell a person's gender in a title or apposition ("9/11 widow Terry Strada"),
# outweighing a first name; as a subject they name an unnamed person ("My mother ... she").
GENDERED_NOUNS = {
    "m": {"man", "father", "husband", "son", "brother", "widower", "spokesman", "congressman",
          "chairman", "businessman", "dad", "grandfather", "boyfriend", "uncle", "nephew",
          "boy", "gentleman", "grandson", "stepfather"},
    "f": {"woman", "mother", "wife", "daughter", "sister", "widow", "spokeswoman",
          "congresswoman", "chairwoman", "businesswoman", "mom", "grandmother", "girlfriend",
          "aunt", "niece", "girl", "lady", "actress", "granddaughter", "stepmother"},
}
# Relatives that, as 'my mother' or 'our father', are the author's and not a named person.
RELATIVES = {"m": {"father", "husband", "son", "brother", "dad", "grandfather", "uncle"},
             "f": {"mother", "wife", "daughter", "sister", "mom", "grandmother", "aunt"}}


def _speaking(verb: Token) -> bool:
    """A verb of speech or writing ('said', 'asserted', 'wrote')."""
    return cues.is_cue(verb) and verb.lemma_.lower() in cues.REPORTED_SPEECH


def reported_by(pronoun: Token) -> set[int]:
    """The tokens a parenthetical reporting verb whose subject is the pronoun reports ('any
    attempt to debunk a falsehood by Mr. Trump, he said, becomes hopeless'): what it names
    there, other than a subject, is what is spoken of."""
    cue = pronoun.head
    if pronoun.dep_ not in SUBJECTS or cue.dep_ != "parataxis" or not cues.is_cue(cue):
        return set()
    return {t.i for t in cue.head.subtree} - {t.i for t in cue.subtree}


def governing_subject(pronoun: Token, candidates: dict[int, Candidate]) -> int | None:
    """The candidate that is the subject of the nearest clause above the pronoun ('the
    shootings that Obama mentioned when he announced'); for the subject of a reporting verb in
    a relative clause, of the nearest reporting verb above ('Bamberg said ... which he said
    were at his side')."""
    def reporting(verb: Token) -> bool:  # a plain 'said', not 'announced'
        return cues.is_cue(verb) and verb.lemma_.lower() in cues.REPORTING
    own = pronoun.dep_ in SUBJECTS
    speaking = own and reporting(pronoun.head) and pronoun.head.dep_ == "relcl"
    for ancestor in list(pronoun.ancestors)[1 if own else 0:]:
        if speaking and not reporting(ancestor):
            continue
        subjects = [c.i for c in ancestor.children if c.dep_ in SUBJECTS and c.i in candidates]
        if subjects:
            return subjects[0]
    return None


def with_fragments(sentence: SpacySpan) -> SpacySpan:
    """The sentence with the ones it was cut from: a fragment without a verb or subject at
    its root ('Jeb Bush and Chris Christie, who say ...' after a split at 'Govs.') continues
    the sentence before."""
    doc = sentence.doc
    while sentence.start > 0 and sentence.root.pos_ not in ("VERB", "AUX") and \
            not any(c.dep_ in SUBJECTS for c in sentence.root.children):
        sentence = doc[doc[sentence.start - 1].sent.start:sentence.end]
    return sentence


def antecedent_noun(relative: Token) -> Token:
    """The noun a relative pronoun's clause hangs from: the name an apposition describes
    ('McConnell, now the Senate majority leader, who said'), the nearest of a list ('Will
    Smith, Patti LaBelle and Stevie Wonder, who joked')."""
    noun = relative.head.head
    while noun.dep_ == "appos" and noun.head.i < noun.i:
        noun = noun.head
    return max((t for t in (noun, *noun.conjuncts) if t.i < relative.i), key=lambda t: t.i,
               default=noun)


def pronoun_gender(token: Token) -> str | None:
    """'m' for a form of 'he', 'f' for a form of 'she'."""
    return next((gender for gender, forms in FORMS.items() if token.lower_ in forms), None)


def position_rank(token: Token) -> float:
    """How prominent a noun's position is for a later pronoun: 3.5 the subject of the
    sentence's verb of speech, 3 of its main clause or of another verb of speech, 2 of
    another clause or the source of 'according to' or a passive, 1 any other role, 0 a
    modifier ("Obama's policies"). An apposition ranks as its head."""
    for _ in range(3):
        if token.dep_ != "appos":
            break
        token = token.head
    if token.dep_ in SUBJECTS:
        head, root = token.head, token.sent.root
        main = head == root or head.dep_ in ("conj", "parataxis") and head.head == root
        if _speaking(head):
            return 3.5 if main else 3  # the one the sentence reports speaking
        return 3 if main else 2
    if token.dep_ == "pobj" and (token.head.dep_ == "agent" or token.head.lower_ == "to"
                                 and token.head.head.lower_ == "according"):
        return 2
    return 0 if token.dep_ in ("poss", "compound") else 1
