"""Who is speaking: a cue's subject resolved to a named, pronominal or described entity.

Names are looked up in the article's EntityTable; pronouns go to the most
salient earlier person of matching gender (titles, first names and earlier
pronouns tell the gender); descriptions of an unnamed person ("the author",
"the official") become one described entity per article, named by the most
specific description the article gives, so the same anonymous speaker is one
node across articles.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.antecedents import (
    FORMS,
    GENDERED_NOUNS,
    RELATIVES,
    SUBJECTS,
    WINDOW,
    Candidate,
    antecedent_noun,
    governing_subject,
    position_rank,
    pronoun_gender,
    reported_by,
    with_fragments,
)
from kg.extract.doctext import doc_span, doc_text
from kg.extract.first_names import first_name_gender
from kg.extract.names import name_words
from kg.extract.person_names import looks_like_a_person
from kg.extract.records import Entity, EntityRef, Mention, Span
from kg.extract.roles import ROLE_WORDS
from kg.extract.table import EntityTable

PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f", "they": None, "it": None}
_ORG_PRONOUNS = {"it", "they"}
# Nouns that describe an unnamed person speaking (the anonymous op-ed author).
ANONYMOUS = {"author", "writer", "official", "aide", "staffer", "insider", "adviser",
             "advisor", "someone", "columnist", "person"}
# A document speaks for its author ("says the piece") or its outlet ("an editor's note").
AUTHORED = {"piece", "op", "ed", "op-ed", "essay", "column", "letter"}
OUTLET_DOCUMENTS = {"editorial", "note"}
ORG_NOUNS = {"newspaper": "outlet", "paper": "outlet", "magazine": "outlet",
             "network": "outlet", "publication": "outlet", "times": "outlet",
             "company": "org", "campaign": "org", "agency": "gov", "department": "gov",
             "committee": "org", "group": "org", "organization": "org", "firm": "org",
             "administration": "gov", "government": "gov", "ministry": "gov"}
_SPECIFIC = re.compile(
    r"\b(?:(?:an?|the)\s+)?(?:(?:anonymous|unnamed|unidentified)\s+)?"
    r"((?:(?:senior|top|high-level|high-ranking|former|current)\s+)*"
    r"(?:official|aide|staffer|adviser|advisor|insider|employee)\s+"
    r"(?:in|of|at|inside|within|for)\s+the\s+(?:[A-Z][\w.'’-]*\s+)+"
    r"(?:administration|Administration|White House|campaign|government|[Cc]abinet))")


# A byline that is one person's name: first name, initials, one or two surnames.
_PERSON_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z]\.)*(?: [A-Z][a-z]*[’'-]?[A-Z]?[a-z]+){1,2}")
# Words that make a title another office than the bare one ('the president' is not the
# vice president).
_QUALIFIED = {"vice", "former", "deputy", "assistant", "acting", "lieutenant", "ex",
              "associate", "lt", "lt.", "elect"}


def _byline_person(authors: tuple[str, ...]) -> EntityRef | None:
    """The one author when the byline names one person ('Charlotte Meehan'; not 'Breitbart
    News', 'By JAMES B. STEWART' or two names)."""
    if len(authors) != 1 or not _PERSON_NAME.fullmatch(authors[0]) or \
            first_name_gender(authors[0].split()[0]) is None:
        return None
    return EntityRef("person", authors[0])


@dataclass(frozen=True)
class Speaker:
    mention: Span
    ref: EntityRef | None
    confidence: float = 1.0


def mention_tokens(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase a subject head names (appositions cut)."""
    start = head.i
    stack = [c for c in head.lefts if c.dep_ not in ("punct", "cc", "preconj")]
    while stack:
        child = stack.pop()
        start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod") and child.i == end:
            end = child.i + 1
    while start < head.i and head.doc[start].is_punct:
        start += 1
    return start, end


def _someone_elses(head: Token) -> bool:
    """'Obama's former campaign strategist': a common noun a person owns is another
    person (an aide, a spouse, a lawyer), not the owner."""
    return head.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PROPN"
                                       for c in head.children)


class SpeakerResolver:
    """Resolves cue subjects of one article against its EntityTable."""

    def __init__(self, doc: Doc, table: EntityTable, quoted: list[tuple[int, int]],
                 authors: tuple[str, ...] = ()):
        self.doc, self.table = doc, table
        self.author = _byline_person(authors)
        self.quoted = sorted(quoted)  # quotes do not nest: ends ascend with begins
        self._quote_begins = [begin for begin, _ in self.quoted]
        self.gender: dict[EntityRef, str] = {}
        self.spoke: dict[EntityRef, int] = {}  # last offset at which the entity spoke
        self._described: EntityRef | None | bool = False
        self._introduced: dict[EntityRef, int] | None = None
        self._resolved: dict[int, EntityRef | None | bool] = {}  # pronoun token -> referent
        self._learn_gender()

    # -- gender and salience ------------------------------------------------------------
    def _learn_gender(self) -> None:
        text = doc_text(self.doc)
        described: dict[EntityRef, str] = {}
        for mention in self.table.mentions:
            if mention.entity.kind != "person":
                continue
            if gender := self._described_gender(mention):
                described.setdefault(mention.entity, gender)
            if mention.entity in self.gender:
                continue
            before = text[max(0, mention.span.begin - 6):mention.span.begin].lower().split()
            # a bare surname's honorifics are in its qualifier ("Clinton", "mrs")
            words = [w.strip(".").lower() for w in mention.entity.name.split()[:1]] + \
                [w for w in mention.entity.qualifier.split() if w in ("mr", "mrs")]
            for word in (before[-1:] if before else []) + words:
                if gender := first_name_gender(word):
                    self.gender[mention.entity] = gender
        self.gender.update(described)

    def _described_gender(self, mention: Mention) -> str | None:
        """The gender a noun in the mention's title or apposition gives ("9/11 widow Terry
        Strada", "Jane Doe, his wife")."""
        span = self.doc.char_span(mention.span.begin, mention.span.end, alignment_mode="expand")
        if span is None:
            return None
        for child in span.root.children:
            if child.dep_ in ("compound", "appos", "amod") and not span.start <= child.i < span.end:
                for gender, nouns in GENDERED_NOUNS.items():
                    if child.lemma_.lower() in nouns:
                        return gender
        return None

    def _inside_quote(self, offset: int) -> bool:
        at = bisect.bisect_right(self._quote_begins, offset) - 1
        return at >= 0 and offset < self.quoted[at][1]

    def note_speaker(self, ref: EntityRef, offset: int, pronoun: str = "") -> None:
        self.spoke[ref] = offset
        if PRONOUN_GENDER.get(pronoun):
            self.gender.setdefault(ref, PRONOUN_GENDER[pronoun])

    def _compatible(self, pronoun: Token, ref: EntityRef) -> bool:
        """Kind and gender agree: 'he'/'she' is a person of no other known gender; 'it' is
        never a person."""
        wanted = pronoun_gender(pronoun)
        if wanted and ref.kind != "person" or \
                pronoun.lower_ == "it" and ref.kind == "person" or \
                ref.kind not in ("person", "org", "gov", "outlet"):
            return False
        gender = self.gender.get(ref)
        return not (wanted and gender and gender != wanted)

    def _first_mentions(self) -> dict[EntityRef, int]:
        """Where the article first names each entity (the sentence that introduces it)."""
        if self._introduced is None:
            self._introduced = {}
            for mention in self.table.mentions:
                self._introduced.setdefault(mention.entity, mention.span.begin)
        return self._introduced

    def _candidates(self, pronoun: Token, sentence: SpacySpan, back: int) -> list[Candidate]:
        """What in ``sentence`` (before the pronoun; ``back`` sentences before its own) a
        singular pronoun may refer to, each with the rank of its position: people of its
        gender (named, or a subject surname the tagger missed; one of unknown gender only as
        a subject or source), earlier forms of the pronoun (which refer on), and people a
        subject describes. In the pronoun's own sentence the subject of the nearest clause
        above it ranks first, and what a parenthetical 'he said' reports (but its subjects)
        is no candidate."""
        stop = min(sentence.end_char, pronoun.idx)
        found: dict[int, Candidate] = {}  # by head token
        named: set[int] = set()  # tokens of any person's mention, fitting or not
        introduced = self._first_mentions()
        # a fragment ('Jeb Bush and Chris Christie, who say ...' cut off at 'Govs.') introduces
        # no one
        introduces = back <= 1 and sentence.root.pos_ in ("VERB", "AUX")
        for mention in self.table.mentions:
            begin = mention.span.begin
            if begin < sentence.start_char or begin >= stop or self._inside_quote(begin):
                continue
            span = self.doc.char_span(begin, mention.span.end, alignment_mode="expand")
            if span is None or span.root.pos_ == "PRON":
                continue  # (a pronoun refers on: it is a candidate below)
            if mention.entity.kind == "person":
                named.update(range(span.start, span.end))
            if not self._compatible(pronoun, mention.entity):
                continue
            rank = position_rank(span.root)
            if introduces and introduced.get(mention.entity) == begin:
                rank = max(rank, 2.5)  # just introduced: news quotes whom it introduces
            if rank >= 3 or mention.entity in self.gender:
                found[span.root.i] = (rank, begin, mention.entity)
        for token in sentence:
            if token.idx < stop and token.i not in named and \
                    not self._inside_quote(token.idx):
                target = self._unnamed(pronoun, token)
                if target is not False:
                    found[token.i] = (position_rank(token), token.idx, target)
        if back == 0:
            for i in reported_by(pronoun):
                if i in found and found[i][0] < 2:  # (a subject there may speak of herself)
                    del found[i]
            if (governing := governing_subject(pronoun, found)) is not None:
                found[governing] = (4, *found[governing][1:])
        return list(found.values())

    def _unnamed(self, pronoun: Token, token: Token) -> EntityRef | Token | None | bool:
        """What a token no mention covers may stand for: an earlier form of the pronoun (it
        refers on), a subject surname the tagger missed, the person a subject's title
        describes ('the admiral'), or no named person ('my mother': None). False when
        nothing."""
        gender = pronoun_gender(pronoun)
        if token.lower_ in FORMS[gender]:
            return token
        if token.dep_ not in SUBJECTS:
            return False
        if token.pos_ == "PROPN":  # the one person of that surname who fits
            fitting = {ref for ref in self.table.entities if ref.kind == "person"
                       and name_words(ref.name)[-1:] == [token.text]
                       and self._compatible(pronoun, ref)}
            named = {ref for ref in fitting if len(ref.name.split()) > 1} or fitting
            return named.pop() if len(named) == 1 else False
        noun = token.lemma_.lower()
        if token.pos_ != "NOUN" or token.tag_ != "NN":
            return False
        if noun in RELATIVES[gender] and any(c.lower_ in ("my", "our") for c in token.children):
            return None
        if noun in ROLE_WORDS:
            ref = self._titled(token, Span(token.idx, token.idx + len(token.text), token.text))
            return ref if ref is not None and self._compatible(pronoun, ref) else False
        return False

    def _local(self, pronoun: Token, depth: int = 0) -> EntityRef | None | bool:
        """The referent of 'he' or 'she' in the nearest sentence (the pronoun's own, then
        back) that has one: the one in the most prominent position there (the main
        clause's subject, then other subjects and sources, then the rest), a person that
        sentence introduces beating all but the main subject; an earlier 'he' in that
        position refers on. False when none is near."""
        if pronoun_gender(pronoun) is None:
            return False
        if pronoun.i in self._resolved:
            return self._resolved[pronoun.i]
        sentence = with_fragments(pronoun.sent)
        found: EntityRef | None | bool = False
        for back in range(WINDOW):
            candidates = self._candidates(pronoun, sentence, back)
            if candidates:
                best = max(candidates, key=lambda c: (c[0], c[2] is not None, -c[1]))[2]
                if isinstance(best, Token):
                    found = self._local(best, depth + 1) if depth < WINDOW else False
                else:
                    found = best
                break
            if sentence.start == 0:
                break
            sentence = with_fragments(self.doc[sentence.start - 1].sent)
        self._resolved[pronoun.i] = found
        return found

    def _coordinated(self, mention: Span) -> bool:
        """A person named with another ("Trump and Ryan") can be part of a 'they'."""
        span = self.doc.char_span(mention.begin, mention.end, alignment_mode="expand")
        return span is not None and (span.root.dep_ == "conj" or any(
            child.dep_ == "conj" for child in span.root.children))

    def antecedent(self, pronoun: Token) -> EntityRef | None:
        """The entity a pronoun refers to: a person named just before it, else the most
        salient earlier entity of its kind and gender."""
        local = self._local(pronoun)
        if local is not False:
            return local
        wanted = PRONOUN_GENDER.get(pronoun.lower_)
        scores: dict[EntityRef, float] = {}
        for mention in self.table.mentions_before(pronoun.idx):
            ref = mention.entity
            if not self._compatible(pronoun, ref) or self._inside_quote(mention.span.begin):
                continue
            distance = pronoun.idx - mention.span.begin
            if distance > 3000:
                continue
            gender = self.gender.get(ref)
            score = -distance / 100
            if wanted and gender == wanted:
                score += 3
            if pronoun.lower_ == "they" and ref.kind == "person":
                if not self._coordinated(mention.span):
                    continue  # "Mr. Clarke has few investors, they say": not one man
                score -= 4
            spoke = self.spoke.get(ref)
            if spoke is not None and pronoun.idx - spoke < 1500:
                score += 4
            scores[ref] = max(scores.get(ref, float("-inf")), score)
        return max(scores, key=scores.get) if scores else None

    # -- descriptions -------------------------------------------------------------------
    def described(self) -> EntityRef | None:
        """The article's unnamed speaker, named by its most specific description."""
        if self._described is False:
            found = Counter(" ".join(m.group(1).split())
                            for m in _SPECIFIC.finditer(doc_text(self.doc)))
            self._described = EntityRef("person", found.most_common(1)[0][0]) if found else None
        return self._described or None

    def _titled(self, head: Token, mention: Span) -> EntityRef | None:
        """The one person named earlier whose title the definite description repeats ('the
        mayor' after 'Mayor Bill de Blasio'); not the vice president for 'the president'."""
        if head.tag_ != "NN" or not any(c.lower_ == "the" for c in head.children):
            return None
        words = {t.lower_ for t in head.subtree if t.i <= head.i and t.is_alpha} - {"the"}
        found = set()
        before = [m for m in self.table.mentions_before(mention.begin)
                  if m.entity.kind == "person"]
        if before and not doc_text(self.doc)[before[-1].span.end:mention.begin].strip(" ,"):
            return None  # 'hosts X and Mika Brzezinski, the Democratic presidential candidate
            # stated': an apposition misparsed as the subject gave the name this title
        for earlier in before:
            entity = self.table.entities.get(earlier.entity)
            title = (entity.job_title or "").lower().split() if entity else []
            if title[-1:] == [head.lower_] and \
                    words <= set(title) and not (set(title) - words) & _QUALIFIED:
                found.add(earlier.entity)
        return found.pop() if len(found) == 1 else None

    def _recent(self, kinds: set[str], offset: int) -> EntityRef | None:
        for mention in reversed(self.table.mentions_before(offset)):
            if mention.entity.kind in kinds and offset - mention.span.begin < 3000:
                return mention.entity
        return None

    def _by_surname(self, words: list[str]) -> EntityRef | None:
        for ref in self.table.entities:
            if ref.kind == "person" and name_words(ref.name)[-1:] == words[-1:]:
                return ref
        return None

    # -- resolution ----------------------------------------------------------------------
    def resolve(self, head: Token) -> Speaker | None:
        """The speaker a subject head names, with its mention span."""
        doc = self.doc
        if head.lower_ in ("who", "that", "which") and head.head.dep_ == "relcl":
            # "Trump, who called it ...": the mention stays the relative pronoun's (as
            # PolNeAR marks it), the speaker is what it refers to.
            named = self.resolve(antecedent_noun(head))
            mention = doc_span(doc, head.idx, head.idx + len(head.text))
            if named is not None and named.ref is not None:
                self.table.add_mention(mention, named.ref, confidence=0.7)
                return Speaker(mention, named.ref, named.confidence)
            # ('water bottles that said "..."': no entity, the mention is still 'that'.)
            return Speaker(mention, None, 0.5 if named is None else named.confidence)
        if head.pos_ == "PRON" or head.lower_ in PRONOUN_GENDER:
            mention = doc_span(doc, head.idx, head.idx + len(head.text))
            if head.lower_ == "i" and self.author is not None:
                # the article's own 'I' (outside quotes) is its one author
                self.table.add_mention(mention, self.author, confidence=0.8)
                return Speaker(mention, self.author, 0.85)
            if head.lower_ not in PRONOUN_GENDER:
                return Speaker(mention, None, 0.5)
            ref = self.antecedent(head)
            if ref is not None:
                self.table.add_mention(mention, ref, confidence=0.7)
                self.note_speaker(ref, head.idx, head.lower_)
            return Speaker(mention, ref, 0.85)
        start, end = mention_tokens(head)
        phrase = doc[start:end]
        mention = doc_span(doc, phrase.start_char, phrase.end_char)
        # The entity named at the head ("another New Hampshire Democrat" is no place).
        # Then the one an apposition names ('Marc H. Morial, the chief executive of the
        # National Urban League' is Morial), then any in the phrase.
        ref = self.table.ref_at(head.idx, head.idx + len(head.text))
        for child in head.children if ref is None else ():
            if child.dep_ == "appos":
                a_start, a_end = mention_tokens(child)
                ref = self.table.ref_at(doc[a_start].idx, doc[a_end - 1].idx + 1)
                if ref is not None:
                    break
        if ref is None:
            ref = self.table.ref_at(mention.begin, mention.end)
            ref = None if ref is not None and (ref.kind == "place" or ref.kind == "person"
                                               and _someone_elses(head)) else ref
        if ref is not None:
            self.note_speaker(ref, head.idx)
            return Speaker(mention, ref, 1.0)
        if head.pos_ == "PROPN":
            words = [t.text.lstrip("-\u2014\u2013") for t in phrase if t.pos_ == "PROPN"]
            ref = self._by_surname(words) if words else None
            if ref is None and words and head.tag_ == "NNP" and head.ent_type_ in ("", "PERSON") \
                    and all(t.pos_ == "PROPN" or t.is_punct for t in phrase) \
                    and looks_like_a_person(phrase):
                ref = EntityRef("person", " ".join(words))
            if ref is not None:
                self.table.add_mention(mention, ref, confidence=0.6)
                self.note_speaker(ref, head.idx)
            return Speaker(mention, ref, 0.8)
        return self._description(head, mention)

    def _description(self, head: Token, mention: Span) -> Speaker:
        noun = head.lemma_.lower()
        ref: EntityRef | None = None
        if head.tag_ == "NNS":  # "officials said": several people, not the one described
            noun = ""
        if noun in ANONYMOUS or noun in AUTHORED or mention.text.lower().endswith("op-ed"):
            ref = self.described()
            if ref is not None:
                if noun in ANONYMOUS:
                    self.table.add_entity(Entity(ref, alt_labels=(mention.text,), described=True))
                    self.table.add_mention(mention, ref, confidence=0.7)
                else:
                    self.table.add_entity(Entity(ref, described=True))
        elif (titled := self._titled(head, mention)) is not None:
            ref = titled
            self.table.add_mention(mention, ref, confidence=0.6)
        elif noun in OUTLET_DOCUMENTS:
            ref = self._recent({"outlet"}, mention.begin)
        elif noun in ORG_NOUNS:
            kinds = {ORG_NOUNS[noun]} | ({"org", "gov"} if ORG_NOUNS[noun] != "outlet" else set())
            ref = self._recent(kinds, mention.begin)
            if ref is not None:
                self.table.add_mention(mention, ref, confidence=0.6)
        if ref is not None:
            self.note_speaker(ref, head.idx)
        return Speaker(mention, ref, 0.8 if ref else 0.5)
