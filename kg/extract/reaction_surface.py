"""Reactions read off the surface, "NAME cue NAME", where the parse is poor: headlines in
title case ("Ben Carson Slams Hillary And The Media", "Clinton swipes at Trump over Brexit")
and short clauses the tagger misreads ("Clinton blasts Trump" with "Trump" as the verb).
Names are the article's own: full names, surnames and first names that name one person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.doctext import doc_span
from kg.extract.reaction_cues import (
    BLAME_ON,
    COLLECTIVES,
    CUES,
    MODALS,
    NEEDS_COMPLEMENT,
    PATIENT_EVENTS,
    PREPOSITION_CUES,
    VERB_NOUN_CUES,
)
from kg.extract.records import EntityRef, Span, Stance
from kg.extract.roles import ROLE_WORDS
from kg.extract.table import EntityTable

_LONGEST = 4  # tokens in a name
_DOCUMENTS = {"tweet", "ad", "video", "statement", "letter", "speech", "email", "post", "memo"}
_ASIDE = 8  # tokens of an aside between the agent's name and the cue
_ADVERBS = {"just", "again", "also", "now", "finally", "quickly", "openly", "publicly"}
_NOUN_VERBS = {verb for verb, _ in VERB_NOUN_CUES}
_SKIP = {"the", "a", "an", "and", "of", "in", "on", "to", "he", "she", "it", "they"}


def surface_lemma(word: str) -> str | None:
    """The cue a word inflects ("slams", "ripped", "calls", "responded" -> slam, rip, call,
    respond), if any."""
    word = word.lower()
    stems = [word]
    for ending, cuts in (("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ied", ("y",)),
                         ("ed", ("", "e")), ("ing", ("", "e"))):
        if word.endswith(ending):
            stem = word[:-len(ending)]
            stems += [stem + cut for cut in cuts]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # "ripped", "slamming"
            break  # "super" is no "sue"
    return next((s for s in stems if s in CUES or s in PREPOSITION_CUES or s in _NOUN_VERBS),
                None)


def _cue_noun(doc: Doc, lemma: str, after: int) -> tuple[int, str, Stance] | None:
    """The noun of a verb-noun cue right after its verb ("Aims Insult At", "Takes A Swipe
    At"): the index after it, the preposition the target follows and the cue's stance."""
    if after < len(doc) and doc[after].lower_ in ("a", "an"):
        after += 1
    if after >= len(doc):
        return None
    word = doc[after].lower_
    for noun in (word, word[:-1] if word.endswith("s") else word):
        if (lemma, noun) in VERB_NOUN_CUES:
            return after + 1, *VERB_NOUN_CUES[(lemma, noun)]
    return None


def _complemented(doc: Doc, after: int) -> bool:
    """Whether "called NAME" goes on with what it called them ("unqualified", "a liar",
    a quotation), not with "on", "to" or the end of the clause."""
    if after >= len(doc):
        return False
    token = doc[after]
    return token.is_quote or token.pos_ in ("ADJ", "NOUN", "DET") \
        or token.tag_ == "VBN" and token.dep_ != "ROOT"


def name_forms(table: EntityTable) -> dict[str, EntityRef]:
    """Lower-cased names of the article's people and bodies; a surname or first name only
    when it names one person."""
    forms: dict[str, EntityRef] = {}
    parts: Counter = Counter()
    owners: dict[str, EntityRef] = {}
    for ref, entity in table.entities.items():
        if ref.kind not in ("person", "gov", "org") or entity.described:
            continue
        for name in (ref.name, *entity.alt_labels):
            forms[name.lower()] = ref
        words = ref.name.split()
        if ref.kind == "person" and len(words) > 1:
            for word in {words[0].lower(), words[-1].lower()}:
                parts[word] += 1
                owners[word] = ref
    # a surname that names one person, also over a one-word body of that name ("Trump" as the
    # affiliation in "Trump campaign manager")
    forms.update({w: owners[w] for w, n in parts.items() if n == 1 and (
        w not in forms or forms[w].kind != "person" and forms[w].name.lower() == w)})
    return {form: ref for form, ref in forms.items() if len(form) > 2 and form not in _SKIP}


def _name(doc: Doc, start: int, stop: int, forms: dict[str, EntityRef],
          backwards: bool) -> tuple[EntityRef, int] | None:
    """The longest name made of tokens ending at ``start`` (backwards) or starting there; a
    possessive ("Trump’s") names its owner. Returns the entity and the far token index."""
    for size in range(_LONGEST, 0, -1):
        first, last = (start - size + 1, start) if backwards else (start, start + size - 1)
        if first < stop if backwards else last >= stop:
            continue
        words = [t.text for t in doc[first:last + 1] if t.text not in ("’s", "'s")]
        if ref := forms.get(" ".join(words).lower()):
            return ref, first if backwards else last
    return None


def _conjoined(doc: Doc, at: int, stop: int,
               forms: dict[str, EntityRef]) -> list[tuple[EntityRef, int]]:
    """A second target after "and" ("Slams Hillary And The Media"): a name, or a word the
    gold names as one body (``COLLECTIVES``)."""
    if at + 1 >= stop or doc[at].lower_ not in ("and", "&"):
        return []
    at += 1 + (doc[at + 1].lower_ == "the")
    if at < stop and (named := _name(doc, at, stop, forms, backwards=False)):
        return [named]
    return [(EntityRef("org", body), at) for body, words in COLLECTIVES.items()
            if at < stop and doc[at].lower_ in words]


def _suffered(doc: Doc, at: int) -> bool:
    """Whether the name before ``at`` owns an event that befell them ("commented on
    Crutcher's death"): the event is the target, which the parse-based rules find."""
    at += at < len(doc) and doc[at].text in ("’s", "'s")
    return at < len(doc) and doc[at].lemma_.lower() in PATIENT_EVENTS


def _modifies(doc: Doc, last: int) -> bool:
    """Whether a name only modifies the noun after it ("slammed House Republicans", "Trump
    supporters"): the noun phrase names someone else, which the parse-based rules read."""
    return last + 1 < len(doc) and doc[last].dep_ == "compound" \
        and doc[last].head.i == last + 1 and doc[last + 1].pos_ in ("NOUN", "PROPN")


def surface_reactions(doc: Doc, table: EntityTable) -> Iterator[tuple[Token, EntityRef,
                                                                       EntityRef, Span, Stance]]:
    """(cue, agent, target, evidence, stance) for every "NAME cue NAME" in a sentence that is
    no question, with no "to", modal or negation right before the cue."""
    forms = name_forms(table)
    for token in doc[1:]:
        lemma = surface_lemma(token.text)
        if lemma is None or doc[token.i - 1].lower_ in MODALS | {"to", "not", "n't"} \
                or "?" in token.sent.text:
            continue
        before = token.i - 1
        if before > token.sent.start and doc[before].lower_ in _ADVERBS:
            before -= 1  # "Trump Just Responded To Rubio"
        elif before - 2 >= token.sent.start and doc[before].lower_ in ("that", "which") \
                and doc[before - 1].lower_.rstrip("s") in _DOCUMENTS:
            before -= 2  # "Trump tweet that blasts Clinton": the maker's reaction
        elif doc[before].text == ",":  # "Biden, stumping for Clinton, trashes Trump"
            before = next((t.i - 1 for t in reversed(doc[max(token.sent.start, before - _ASIDE):
                                                         before]) if t.text == ","), before)
        agent = _name(doc, before, token.sent.start, forms, backwards=True)
        after = token.i + 1
        noun = _cue_noun(doc, lemma, after)  # "Biden Aims Insult At Trump", "Takes Aim At"
        if noun is not None:
            after = noun[0]
        preposition = noun[1] if noun else PREPOSITION_CUES.get(lemma, ("",))[0]
        if after < len(doc) and doc[after].lower_ == preposition:
            after += 1
        elif lemma not in CUES or noun is not None:
            continue  # "Responded To Rubio" needs its preposition
        target = _name(doc, after, token.sent.end, forms, backwards=False)
        if target is not None and target[1] + 2 < token.sent.end \
                and doc[target[1] + 1].lower_ in ROLE_WORDS:  # "House Speaker Paul Ryan"
            target = _name(doc, target[1] + 2, token.sent.end, forms, backwards=False)
        if lemma in NEEDS_COMPLEMENT and (target is None
                                          or not _complemented(doc, target[1] + 1)):
            continue
        if target is not None and target[1] + 1 < len(doc) and doc[target[1] + 1].lower_ == "to":
            continue  # a request: "Warren challenges Trump to release his returns"
        if lemma in BLAME_ON and any(t.lower_ == "on" for t in doc[token.i:token.sent.end]):
            continue  # "blamed Trump's decline on the media" blames the media
        if agent is None or target is None or _suffered(doc, target[1] + 1) \
                or _modifies(doc, target[1]):
            continue
        stance = noun[2] if noun else CUES[lemma] if lemma in CUES \
            else PREPOSITION_CUES[lemma][1]
        for ref, last in (target, *_conjoined(doc, target[1] + 1, token.sent.end, forms)):
            end = doc[last]
            if ref != agent[0]:
                yield token, agent[0], ref, doc_span(doc, doc[agent[1]].idx,
                                                     end.idx + len(end)), stance
