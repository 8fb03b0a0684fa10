"""Whether a sentence judges someone, and how: the praise and blame words a speaker says in
their own voice (docs/reactions.md, quote-cue). Read off the parse where the string misleads:
"like" only as a verb, praise in a name is none, a negated or wished-for word judges nobody,
nor do words quoted from someone else."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from kg.extract.doctext import doc_text
from kg.extract.reaction_cues import BLAME_WORDS, FIRST_PERSON, PRAISE_WORDS, SUPPORT_WORDS
from kg.extract.records import Span, Stance

# modals of a wish or a condition ("I would love for Michael to do it"); not "will", "should":
# "I will be voting for Ted Cruz", "he should be ashamed" judge
_WISHES = {"would", "could", "might", "'d", "\u2019d"}
# a quote inside a quote: ‘…’, where a ’ before a letter is an apostrophe ("Let’s")
_NESTED = re.compile("\u2018(?:[^\u2019]|\u2019(?=\\w))*\u2019")
_PREDICATES = {"acomp", "attr", "oprd", "xcomp", "dobj"}  # negated with their verb
# charges of corruption judge whoever they name ("pay-to-play at Hillary Clinton's State
# Department", "akin to extortion")
_ACCUSATIONS = {"pay-to-play", "extortion", "extort", "bribery", "bribe", "bribes",
                "corruption", "cronyism", "kickback", "kickbacks"}
_VERB_ONLY = {"like", "likes", "blame"}  # praise or blame only as verbs: "I like him"
_BUT = re.compile(r"\bbut\b", re.I)  # concedes what comes before it


def words_of(text: str) -> set[str]:
    """The lower-cased words of a text, as a set."""
    return set(re.findall(r"[a-z]+", text.lower()))


def parsed_words(doc: Doc, begin: int, end: int, quote: Span) -> set[str]:
    """The words of a stretch of the parse, less praise in names ("the Great Recession",
    "Rep. Mia Love"; blame in one still judges: "Crooked Hillary"), words that judge
    only as verbs where they are none ("somebody like Mr. Trump", "taken the blame") and
    words the speaker quotes from someone else ("When Donald Trump says ‘Let’s make
    America great again,’ that is code for ...")."""
    words = doc.char_span(begin, end, alignment_mode="expand")
    text = doc_text(doc)
    compounds = set(re.findall(r"[a-z]+(?:-[a-z]+)+", text[begin:end].lower()))
    quoted = [(quote.begin + m.start(), quote.begin + m.end())
              for m in _NESTED.finditer(quote.text)]
    return compounds | {t.lower_ for t in words or ()
                        if not (t.lower_ in PRAISE_WORDS and _in_name(t))
                        and (t.lower_ not in _VERB_ONLY or t.pos_ in ("VERB", "AUX"))
                        and not _negated(t)
                        and (t.lower_ not in SUPPORT_WORDS or _own_support(t))
                        and not any(b <= t.idx < e for b, e in quoted)}


def _in_name(token: Token) -> bool:
    """A word of a name: a proper noun, part of a named entity, or capitalised inside a
    sentence ("the Great Recession", "Rep. Mia Love")."""
    return token.pos_ == "PROPN" or bool(token.ent_type_) \
        or token.is_title and not token.is_sent_start


def _own_support(token: Token) -> bool:
    """Whether a word of support is the speaker's own: its subject (or that of the verb it
    completes) is "I" or "we" ("I strongly support Paul Ryan", "we want to endorse"), not
    someone else's ("Trump has shown a willingness to support Putin")."""
    node = token
    while node.dep_ in ("xcomp", "aux", "conj") and node.head is not node:
        node = node.head
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in FIRST_PERSON
               for c in node.children)


def _negated(token: Token) -> bool:
    """A word its clause negates or puts in a modal ("I can't support him", "he is not a
    liar", "I would love for Michael to do it"): it judges nobody (a negated, conditional
    or intended reaction is no reaction)."""
    heads = [token, token.head] if token.dep_ in _PREDICATES else [token]
    return any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _WISHES
               for head in heads for c in head.children)


def _praises(words: set[str]) -> bool:
    return bool(words & PRAISE_WORDS or words & SUPPORT_WORDS and words & FIRST_PERSON)


def judges_words(words: set[str]) -> bool:
    """Whether these words praise or blame (``parsed_words`` or ``words_of`` a sentence)."""
    return _praises(words) or bool(words & (BLAME_WORDS | _ACCUSATIONS))


def judges(text: str) -> bool:
    """Whether a sentence says what its speaker thinks of someone: a praise or blame word."""
    return judges_words(words_of(text))


def stance_of(words: set[str], sentence: str) -> Stance:
    """Praise agrees, praise and blame together is mixed (react), otherwise it criticises.
    Praise conceded before a "but" ("I love Larry, but ...") agrees only where what
    follows praises too; otherwise the sentence is mixed."""
    if _praises(words):
        if words & BLAME_WORDS:
            return "react"
        but = _BUT.search(sentence)
        return "react" if but and not _praises(words & words_of(sentence[but.end():])) \
            else "agree"
    return "disagree"


def quote_stance(text: str) -> Stance:
    """Praise words make a quote agree, praise and blame together a mixed (react) one;
    otherwise a quote naming its target criticises it."""
    return stance_of(words_of(text), text)
