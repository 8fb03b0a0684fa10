"""Direct quotes and reported speech, with their cues and speakers.

A transcript label ('WALLACE: ...') attributes the line it opens; credits, bylines,
social lines and stage directions are no quotes. Otherwise a quoted stretch is
attributed, in this order, by a cue in its own sentence (the one its words hang from
in the parse, else the nearest), a dash after it ("..." — Commissioner X), a colon
lead-in in the sentence before, or the quote it continues ("A," he said. "B."). A
short quoted phrase without any of these is a scare quote and is skipped; a long one
is kept without a speaker (headlines, pull quotes); titles and slogans are dropped.
Reported speech is in ``reported.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract import cues
from kg.extract.doctext import doc_span, doc_text
from kg.extract.predicates import completed_clause
from kg.extract.records import Quote, Span
from kg.extract.reported import reported_speech
from kg.extract.speakers import Speaker, SpeakerResolver
from kg.extract.subjects import CLOSING, addressed, cue_subject
from kg.extract.table import EntityTable
from kg.extract.transcript import stage_directions, transcript_lines
from kg.segmentation import CLOSING_TOKENS, Stretch, boilerplate_spans, quoted_stretches

_DASHES = {"—", "–", "―", "--", "-"}
_TITLE_CUES = {"titled", "entitled", "headlined", "dubbed", "named", "nicknamed"}
# Works whose title may follow them in quotes ('his book "The Art of the Deal"').
_WORKS = {"book", "memoir", "novel", "autobiography", "biography", "film", "movie",
          "documentary", "song", "album", "play", "poem", "essay", "bestseller", "sequel"}
_TRAILING = " ,;:\n\t"
# Entity types of datelines and fronted phrases, never a speaker.
_SETTINGS = {"GPE", "LOC", "DATE", "TIME", "FAC"}
_POLLS = {"poll", "survey"}
# Cues whose object is the one spoken to ('Ramos, 58, told AFP'), never the speaker.
_ADDRESSED = {"tell", "inform", "assure", "urge", "thank"}
# Relations of a noun phrase that is a verb's object, never its speaker.
_OBJECTS = {"dobj", "dative", "pobj", "oprd", "attr"}
_SPEAKER_PRONOUNS = {"he", "she", "they", "i", "we"}


@dataclass(frozen=True)
class Attribution:
    """How one quoted stretch is attributed."""

    cue: str | None
    cue_span: Span | None
    speaker: Speaker | None
    confidence: float


def _words(doc: Doc, stretch: Stretch) -> tuple[int, int]:
    """The quoted words without surrounding space and trailing commas."""
    begin, end = stretch.begin, stretch.end
    text = doc_text(doc)
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1] in _TRAILING:
        end -= 1
    return begin, end


class QuoteFinder:
    """Attributes each quoted stretch of one article."""

    def __init__(self, doc: Doc, table: EntityTable, authors: tuple[str, ...] = ()):
        self.doc, self.table = doc, table
        self.stretches = quoted_stretches(doc_text(doc))
        self.quoted = [(s.begin - 1, s.end + 1) for s in self.stretches]
        self.speakers = SpeakerResolver(doc, table, self.quoted, authors)
        self._inside = set()
        for stretch in self.stretches:
            span = doc.char_span(stretch.begin, stretch.end, alignment_mode="expand")
            if span is not None:
                self._inside.update(range(span.start, span.end))
        self._mark_tokens = {t.i for t in doc if t.text in ('"', "“", "”", "«", "»", "''", "``")}
        text = doc_text(doc)
        self.lines = transcript_lines(text, table)
        not_prose = boilerplate_spans(text)
        self._skipped = stage_directions(text) + not_prose
        self._not_prose = set()  # tokens of credits, bylines and social lines
        for begin, end in not_prose:
            span = doc.char_span(begin, end, alignment_mode="expand")
            if span is not None:
                self._not_prose.update(range(span.start, span.end))

    def outside(self, token: Token) -> bool:
        """Prose outside quotes: neither quoted words, a mark, nor a credit or byline."""
        return token.i not in self._inside and token.i not in self._mark_tokens and \
            token.i not in self._not_prose

    def _skipped_at(self, begin: int, end: int) -> bool:
        """Words inside a stage direction, a credit, a byline or a social line."""
        return any(b <= begin and end <= e for b, e in self._skipped)

    def _line(self, begin: int) -> tuple[int, Attribution] | None:
        """A transcript line labelled at ``begin``: where its words start, who says them."""
        line = self.lines.get(begin)
        if line is None:
            return None
        self.table.add_mention(line.label, line.speaker, confidence=0.9)
        self.speakers.note_speaker(line.speaker, begin)
        colon = doc_span(self.doc, line.label.end, line.label.end + 1)
        return line.words_begin, Attribution(":", colon, Speaker(line.label, line.speaker), 0.9)

    def attribution(self, cue: Token, confidence: float | None = None,
                    subject: Token | None = None) -> Attribution:
        """The cue's attribution: its speaker (subject rules, then resolution) and a
        confidence (the cue's prior times the speaker's certainty)."""
        text = cues.cue_text(cue)
        cue_end = cue.idx + len(text) if doc_text(cue.doc).startswith(text, cue.idx) else \
            cue.idx + len(cue.text)
        speaker = None if addressed(cue) else self._speaker(cue, subject)
        base = cues.confidence(cue) if confidence is None else confidence
        return Attribution(text, doc_span(self.doc, cue.idx, cue_end), speaker,
                           round(base * (speaker.confidence if speaker else 0.6), 3))

    def _speaker(self, cue: Token, subject: Token | None) -> Speaker | None:
        """Who speaks through the cue: its subject by the parse and the layout rules
        (``subject`` when the caller knows it), resolved to an entity."""
        subject = subject or self._between(cue) or cue_subject(cue)
        if subject is not None and not self.outside(subject):
            subject = None  # the quote's own words misparsed as the cue's subject
        if subject is not None and subject.ent_type_ in _SETTINGS:
            subject = self._fronted(subject, cue)
        if subject is not None and (subject.ent_type_ in ("PERCENT", "CARDINAL")
                                    or subject.lower_ in ("percent", "%", "majority")):
            subject = self._poll(cue) or subject
        subject = subject or self._adjacent(cue) or self._nearby_name(cue) or \
            self._root_subject(cue) or self._opening(cue)
        speaker = self.speakers.resolve(subject) if subject is not None else None
        if speaker is not None and speaker.ref is None:
            speaker = self._own_pronoun(cue, subject, speaker)
        return speaker

    def _own_pronoun(self, cue: Token, subject: Token, speaker: Speaker) -> Speaker:
        """'The governor denounced what she called "reckless"': the description is the
        mention, the cue's own pronoun says who it is."""
        pronouns = [c for c in cue.children if c.dep_ == "nsubj" and c != subject
                    and c.lower_ in _SPEAKER_PRONOUNS]
        named = self.speakers.resolve(pronouns[0]) if pronouns else None
        if named is None or named.ref is None:
            return speaker
        return Speaker(speaker.mention, named.ref, named.confidence)

    def _between(self, cue: Token) -> Token | None:
        """'His final assessment: "...," he said.': the pronoun or name between a closing
        mark and the cue is its subject, whatever the parse says."""
        doc = self.doc
        if cue.i < 2 or doc[cue.i - 2].text not in CLOSING or cue.pos_ != "VERB":
            return None
        token = doc[cue.i - 1]
        return token if self.outside(token) and (
            token.pos_ == "PROPN" or token.lower_ in _SPEAKER_PRONOUNS) else None

    def _root_subject(self, cue: Token) -> Token | None:
        """'She pushed back, saying ... and calling him "a feminist"': a participle the
        parse leaves without a subject speaks for the subject of its sentence."""
        root = cue.sent.root
        if cue.tag_ != "VBG" or root.i > cue.i:
            return None
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subjects[0] if subjects and self.outside(subjects[0]) else None

    def _opening(self, cue: Token) -> Token | None:
        """A participle opening its sentence speaks for the speaker of the cue after it
        ('Remarking upon his "empathy," Starr said'), else for the subject of the sentence
        before ('Maher stated ... . Adding, "..."')."""
        if cue.tag_ != "VBG" or any(not t.is_punct for t in cue.sent[:cue.i - cue.sent.start]):
            return None
        later = [t for t in self.doc[cue.i + 1:cue.sent.end] if t.dep_ == "nsubj"
                 and self.outside(t) and cues.is_cue(t.head) and self.outside(t.head)]
        if later:
            return later[0]
        if cue.sent.start == 0:
            return None
        before = self.doc[cue.sent.start - 1].sent.root
        subjects = [c for c in before.children if c.dep_ == "nsubj" and self.outside(c)]
        return subjects[0] if subjects else None

    def _poll(self, cue: Token) -> Token | None:
        """'In a CNN/ORC poll, 31% said ...': the share of respondents speaks through the
        poll, which PolNeAR annotates as the source."""
        polls = [t for t in cue.sent if t.lemma_.lower() in _POLLS and self.outside(t)]
        return polls[0] if polls else None

    def _fronted(self, subject: Token, cue: Token) -> Token:
        """A dateline or fronted phrase parsed as the subject ('LONDON (Reuters) - Donald
        Trump said', 'Saturday at the convention Sen. Warren said'): the speaker is the
        subject-like noun nearest the cue."""
        between = [t for t in self.doc[subject.i + 1:cue.i] if self.outside(t)
                   and t.ent_type_ not in _SETTINGS and t.pos_ in ("PROPN", "NOUN")
                   and (t.dep_ not in ("compound", "poss", "pobj", "dobj", "amod")
                        and t.head.i > t.i or t.dep_ == "appos" and t.ent_type_ == "PERSON")]
        # ('... convention Sen. Elizabeth Warren (D-MA) said': the name hangs from the place.)
        people = [t for t in between if t.ent_type_ == "PERSON"]
        return (people or between or [subject])[-1]

    def _adjacent(self, cue: Token) -> Token | None:
        """A subject-less cue next to a name ('"...," Bozell answers', 'Continued Stone:')."""
        doc, j = self.doc, cue.i - 1
        while j > 0 and doc[j].is_space:  # '..."\xa0added Gowdy'
            j -= 1
        if cue.i + 1 < len(doc) and doc[j].text in CLOSING and \
                self.outside(doc[cue.i + 1]) and doc[cue.i + 1].ent_type_ not in _SETTINGS \
                and cue.lemma_.lower() not in _ADDRESSED:
            # '"...," added another New Hampshire Democrat': the phrase after the cue.
            token = doc[cue.i + 1]
            while token.dep_ in ("det", "amod", "compound", "nummod", "poss", "flat") and \
                    cue.i < token.head.i <= cue.i + 6:
                token = token.head
            if token.pos_ in ("NOUN", "PROPN") or token.is_title and token.is_alpha and \
                    not token.is_stop or token.lower_ in ("another", "one", "others"):
                return token  # (an unknown surname is often tagged as an adverb)
        if cue.i > 0 and doc[cue.i - 1].pos_ == "NOUN" and self.outside(doc[cue.i - 1]):
            # '"Mexico!" the audience screamed back.' with the noun misparsed.
            j = cue.i - 1
            while j > 0 and doc[j - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") and \
                    self.outside(doc[j - 1]):
                j -= 1
            if j > 0 and doc[j - 1].text in CLOSING:
                return doc[cue.i - 1]
        naming = cue.lemma_.lower() in cues.NAMING  # 'Skelly called Braynard "smart"'
        for i in (cue.i - 1, cue.i + 1):
            if 0 <= i < len(doc) and doc[i].sent == cue.sent and self.outside(doc[i]) and \
                    doc[i].ent_type_ not in _SETTINGS and (
                    doc[i].pos_ == "PROPN" or doc[i].lower_ in _SPEAKER_PRONOUNS or
                    i < cue.i and doc[i].is_title and doc[i].is_alpha and not doc[i].is_stop
                    and not doc[i].is_sent_start):
                token = doc[i]
                while token.dep_ in ("compound", "flat") and token.head.i == token.i + 1:
                    token = token.head
                if i < cue.i or not naming and token.dep_ not in _OBJECTS:
                    return token  # (not the one told: 'Bozell tells Breitbart News')
        return None

    def _nearby_name(self, cue: Token) -> Token | None:
        """A subject-less cue ("Stated Stone:", a misparsed apposition): the closest name,
        a person's before an organisation's ('Marc H. Morial, the chief executive of the
        National Urban League, told')."""
        sentence = cue.sent
        names = [t for t in sentence if t.ent_type_ in ("PERSON", "ORG") and self.outside(t)
                 and t.dep_ not in ("compound", "poss") and (
                     t.i < cue.i or t.i - cue.i <= 3 and t.head != cue)]  # not 'told AFP'
        return min(names, key=lambda t: (t.ent_type_ != "PERSON", abs(t.i - cue.i))) \
            if names else None

    def _linked(self, quote: SpacySpan, cue: Token) -> int | None:
        """Steps from the quote up the parse to the cue (or from the cue into the quote)."""
        for token in quote:
            if token.head.i in range(quote.start, quote.end) and token.head != token:
                continue
            for steps, ancestor in enumerate(token.ancestors, start=1):
                if ancestor == cue:
                    return steps
                if steps > 4:
                    break
        for steps, ancestor in enumerate(cue.ancestors, start=1):
            if quote.start <= ancestor.i < quote.end:
                return steps + 1
            if steps > 3:
                break
        return None

    def in_sentence(self, quote: SpacySpan) -> Attribution | None:
        """The cue of the quote's own sentence: the linked one, else a nearby one."""
        sentence = quote.sent
        found = [t for t in sentence
                 if self.outside(t) and (cues.is_cue(t) or cues.is_according(t))]
        if not found:
            return None
        according = [t for t in found if cues.is_according(t)]
        if according:
            # '"...," Obama said, according to a pool report': PolNeAR's source is the
            # report that carries the whole attribution.
            return self.attribution(according[0])
        report = self._outer_report(quote, found)
        if report is not None:
            return report
        linked = [(steps, t) for t in found if (steps := self._linked(quote, t)) is not None]
        if linked:
            best = min(linked, key=lambda pair: (pair[1].lemma_.lower() not in cues.SPEECH,
                                                 pair[0], abs(pair[1].i - quote.start)))
            cue = best[1]
            aside = [t for t in found if t.dep_ == "parataxis" and t.head == cue
                     and t.lemma_.lower() in cues.REPORTING]
            if aside and cue.lemma_.lower() not in cues.REPORTING:
                # 'Six months ago, the senator said, the media considered him a "fringe
                # candidate"': the parenthetical reporting verb speaks.
                return self.attribution(aside[0])
            return self._speaking(self._reporting(cue) if cue.i < quote.start else cue)
        speech = [t for t in found if t.lemma_.lower() in cues.SPEECH and
                  t.lemma_.lower() not in cues.NAMING or cues.is_according(t)]
        if not speech:
            return None
        nearest = min(speech, key=lambda t: min(abs(t.i - quote.start), abs(t.i - quote.end)))
        if min(abs(nearest.i - quote.start), abs(nearest.i - quote.end)) > 6:
            return None
        return self._speaking(nearest, cues.confidence(nearest) * 0.9)

    def _outer_report(self, quote: SpacySpan, found: list[Token]) -> Attribution | None:
        """'"...," said Kristen Day, reports USA Today': an outlet reporting at the end of
        the sentence carries the whole attribution, which PolNeAR gives to it (not a passive
        one: in '"...," Ash wrote in the email, first reported by the AP' Ash speaks)."""
        for cue in found:
            if cue.lemma_.lower() != "report" or cue.i < quote.end or cue.tag_ == "VBN":
                continue
            comma = next((t for t in reversed(cue.sent[:cue.i - cue.sent.start])
                          if t.text in CLOSING), None)
            rest = [t for t in self.doc[cue.i + 1:cue.sent.end] if not t.is_punct]
            if comma is None or cue.i - comma.i > 5 or len(rest) > 4:
                continue
            after = rest[0] if rest and cue.i == comma.i + 1 else None  # ', reported the AP'
            while after is not None and after.dep_ in ("det", "compound") and \
                    after.head.i > after.i:
                after = after.head
            attribution = self.attribution(cue, subject=after)
            speaker = attribution.speaker
            if speaker is not None and speaker.ref is not None and \
                    speaker.ref.kind in ("outlet", "org"):
                return attribution
        return None

    def _speaking(self, cue: Token, confidence: float | None = None) -> Attribution:
        """The cue's attribution; when its subject is no known entity ('Sanders said the
        process could be "messy"': a thing does not speak), the reporting verb above it."""
        own = self.attribution(cue, confidence)
        if own.speaker is not None and own.speaker.ref is not None:
            return own
        outer = next((a for a in cue.ancestors if cues.is_cue(a) and self.outside(a)
                      and a.lemma_.lower() in cues.REPORTING), None)
        if outer is None:
            return own
        attribution = self.attribution(outer)
        return attribution if attribution.speaker and attribution.speaker.ref else own

    def _reporting(self, cue: Token) -> Token:
        """The cue that reports the clause of an embedded one: in 'Cruz said Rubio will
        continue to be "a champion"' the quote is what Cruz said."""
        token = cue
        for _ in range(3):
            if token.dep_ not in ("ccomp", "conj", "xcomp") or token.head == token or \
                    token.dep_ == "conj" and any(c.dep_ == "nsubj" for c in token.children):
                return cue  # a coordinated clause with a subject of its own speaks for it
            token = token.head
            if cues.is_cue(token) and self.outside(token) and \
                    token.lemma_.lower() in cues.REPORTING:
                return token
        return cue

    def after_comma(self, quote: SpacySpan) -> Attribution | None:
        """'"...," an angry Hollande retaliated': right after a quote ending in a comma
        (or ! ?) any verb with its subject is the cue; the layout says it is speech."""
        doc, i = self.doc, quote.end
        if not doc_text(doc)[quote.start_char:quote.end_char + 1].rstrip("\"”’' ").endswith(
                (",", "!", "?")):
            return None
        while i < len(doc) and doc[i].text in CLOSING:
            i += 1
        for token in doc[i:i + 8]:
            # '"...?" Trump went on.' may be parsed as a sentence of its own: not checked.
            if not self.outside(token) or token.is_punct and not (
                    token.text == "-" and not doc[token.i - 1].whitespace_):  # voice-over
                return None
            if token.pos_ == "VERB":
                subjects = [c for c in token.children if c.dep_ == "nsubj" and c.i >= i]
                return self.attribution(token, 0.7) if subjects else None
            if token.pos_ == "NOUN" and token.i > i and token.lemma_.lower() in cues.SPEECH \
                    and token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("PUNCT", "ADP"):
                # '"...," the two write.' with the verb tagged as a noun.
                return self.attribution(token, 0.6, subject=doc[token.i - 1])
            if "\n" in token.text_with_ws:
                return None
        return None

    def dash(self, quote: SpacySpan) -> Attribution | None:
        """'"..." — Commissioner X': a name after a dash that follows the quote."""
        doc, i = self.doc, quote.end
        while i < len(doc) and (doc[i].text in ('"', "”", "»") or doc[i].is_space):
            i += 1
        if i + 1 >= len(doc):
            return None
        if doc[i].text[:1] in _DASHES and doc[i].text[1:2].isupper():
            head, dash = doc[i], doc[i].text[:1]  # '"..." -Michelle Marks' in one token
        elif doc[i].text in _DASHES:
            head, dash = doc[i + 1], doc[i].text
        else:
            return None
        while head.head != head and head.head.i > i and head.head.i < head.sent.end \
                and head.dep_ in ("compound", "amod", "det", "poss"):
            head = head.head
        if head.pos_ not in ("PROPN", "NOUN"):
            return None
        speaker = self.speakers.resolve(head)
        return Attribution(dash, doc_span(doc, doc[i].idx, doc[i].idx + len(dash)), speaker, 0.7)

    def _colon(self, quote: SpacySpan) -> int | None:
        """The colon right before the quote's opening mark, if any."""
        doc, i = self.doc, quote.start - 1
        while i >= 0 and (doc[i].is_space or doc[i].text in ('"', "“", "«", "''", "``")):
            i -= 1
        return i if i >= 0 and doc[i].text == ":" else None

    def label(self, quote: SpacySpan) -> Attribution | None:
        """'Pollsters agree - Carl Bialik: "..."': a bare name before the colon, after a
        dash or at the start of the paragraph, labels the quote (digest and transcript style)."""
        colon = self._colon(quote)
        if colon is None:
            return None
        doc, i = self.doc, colon - 1
        while i >= 0 and doc[i].pos_ == "PROPN" and self.outside(doc[i]):
            i -= 1
        if i == colon - 1 or i >= 0 and doc[i].text not in _DASHES and \
                "\n" not in doc[i].text_with_ws:
            return None
        speaker = self.speakers.resolve(doc[colon - 1])
        return Attribution(":", doc_span(doc, doc[colon].idx, doc[colon].idx + 1), speaker, 0.7)

    def lead_in(self, quote: SpacySpan) -> Attribution | None:
        """'Trump said:' ending the sentence (or paragraph) before the quote."""
        i = self._colon(quote)
        if i is None:
            return None
        sentence = self.doc[i].sent
        found = [t for t in sentence if cues.is_cue(t) and self.outside(t)]
        if found:
            return self.attribution(max(found, key=lambda t: t.i))
        # "President Clinton released the following statement:" — the colon is the cue.
        if sentence.root.pos_ in ("VERB", "AUX") and cue_subject(sentence.root) is not None:
            return self.attribution(sentence.root, 0.6)
        return None

    def trailing(self, quote: SpacySpan) -> Attribution | None:
        """'"...!" Trump said.' parsed as two sentences: a short cue sentence right after."""
        doc, i = self.doc, quote.end
        while i < len(doc) and doc[i].text in CLOSING_TOKENS:
            i += 1
        if i >= len(doc) or "\n" in doc[i - 1].text_with_ws or doc[i].is_space:
            return None
        sentence = doc[i].sent
        if sentence.start != i or len(sentence) > 25:
            return None
        found = [t for t in sentence if cues.is_cue(t) and self.outside(t)
                 and t.lemma_.lower() in cues.SPEECH
                 and not any(c.dep_ == "ccomp" or c.dep_ == "dobj" and t.lemma_ != "tell"
                             for c in t.children)]
        return self.attribution(found[0]) if found else None

    def sentence_before(self, quote: SpacySpan) -> Attribution | None:
        """'Lynch announced the lawsuit. "We are seeking ..."': a sentence that is all quote
        takes the speech cue of the sentence before it in the same paragraph."""
        sentence = quote.sent
        if quote.start > sentence.start + 1 or quote.end < sentence.end - 3 or \
                sentence.start == 0:
            return None
        before = self.doc[sentence.start - 1].sent
        if doc_text(self.doc)[before.end_char - 1:sentence.start_char].count("\n") > 1:
            return None
        found = [t for t in before if cues.is_cue(t) and self.outside(t)
                 and t.lemma_.lower() in cues.SPEECH]
        if found:
            cue = min(found, key=lambda t: (len(list(t.ancestors)), t.i))
            attribution = self.attribution(cue, cues.confidence(cue) * 0.8)
            if attribution.speaker is not None:
                return attribution  # a described speaker counts, even if not resolved
        elif before.root.pos_ == "VERB" and self.outside(before.root) and any(
                c.dep_ == "nsubj" for c in before.root.children):
            # 'Clinton touted her credentials. "We need ..."': the one the sentence is about.
            attribution = self.attribution(before.root, 0.5)
        else:
            return None
        return attribution if attribution.speaker and attribution.speaker.ref else None

    def attributions(self) -> list[tuple[Stretch, SpacySpan, Attribution | None, bool]]:
        """Each stretch with its attribution and whether it is kept as a direct quote.

        '"A." "B," Viguerie notes.': a quote with nothing but space before the next one
        shares the next one's attribution.
        """
        found = list(self._in_order())
        for index in range(len(found) - 2, -1, -1):
            stretch, quote, attribution, keep = found[index]
            following = found[index + 1]
            between = doc_text(self.doc)[stretch.end:following[0].begin]
            if attribution is None and following[2] is not None and \
                    not between.strip(" \"“”«»'") and "\n" not in between:
                found[index] = (stretch, quote, following[2], not self._title(quote))
        return found

    def _in_order(self) -> Iterator[tuple[Stretch, SpacySpan, Attribution | None, bool]]:
        previous: tuple[Stretch, SpacySpan, Attribution | None, bool] | None = None
        attributed = previous  # the last kept quote with an attribution (skips scare quotes)
        for stretch in self.stretches:
            begin, end = _words(self.doc, stretch)
            if self._skipped_at(begin, end):
                continue
            line = self._line(begin)
            begin = line[0] if line else begin
            quote = self.doc.char_span(begin, end, alignment_mode="expand") if end > begin \
                else None
            if quote is None or not any(t.is_alpha for t in quote):
                continue
            if line is not None:
                # 'WALLACE: If I may, sir': the label speaks, whatever quote it continues.
                yield stretch, quote, line[1], True
                previous = attributed = (stretch, quote, line[1], True)
                continue
            if previous is not None and previous[0].continues:
                # A paragraph of a multi-paragraph quote: one attribution with its start,
                # unless the paragraph has a cue of its own (a new quote after all).
                found, keep = self.in_sentence(quote) or previous[2], previous[3]
                yield stretch, quote, found, keep
                previous = (stretch, quote, found, keep)
                attributed = previous if keep and found is not None else attributed
                continue
            found = (self.label(quote) or self.in_sentence(quote) or self.after_comma(quote)
                     or self.dash(quote) or self.lead_in(quote) or self.trailing(quote))
            if found is None and attributed is not None:
                found = self._continued(attributed, stretch, quote)
            if found is None:
                found = self.sentence_before(quote)
            keep = (found is not None or self._standalone(quote)) and \
                not self._title(quote) and not self._printed(found)
            yield stretch, quote, found, keep
            previous = (stretch, quote, found, keep)
            if keep and found is not None:
                attributed = previous

    def _continued(self, previous, stretch: Stretch, quote: SpacySpan) -> Attribution | None:
        """The attribution of the previous quote when this one carries on from it."""
        before, _, attribution, _ = previous
        if attribution is None or attribution.speaker is None:
            return None
        between = doc_text(self.doc)[before.end:stretch.begin]
        if not between.strip(" \"“”«»'") and "\n" not in between or \
                before.continues and not between.strip(" \n\"“”«»"):
            return attribution  # '"A." "B."' or a quote running over paragraphs
        cue = attribution.cue_span
        if "\n" in between and self._paragraph_quote(stretch) and not between.strip(
                " \n\"“”«»").count("\n") and before.closed:
            # A paragraph that is all quote after a paragraph ending with a quote: same
            # speaker, a new attribution.
            return Attribution(None, None, attribution.speaker,
                               round(attribution.confidence * 0.8, 3))
        if "\n" in between or len(between) > 300 or cue is None:
            return None
        # "A," he said. "B." — the cue of the first quote sits between the two.
        return attribution if before.end <= cue.begin < stretch.begin else None

    def unquoted_lines(self) -> Iterator[Quote]:
        """Transcript lines printed without quotation marks ('TAPPER: Do you think ...')."""
        text = doc_text(self.doc)
        for begin in self.lines:
            if any(b - 3 <= begin < e for b, e in self.quoted):
                continue  # a quoted line is attributed with its stretch
            words, attribution = self._line(begin)
            stop = text.find("\n", words)
            stop = len(text) if stop < 0 else stop
            end = words + len(text[words:stop].rstrip())
            if end > words:
                speaker = attribution.speaker
                yield Quote(doc_span(self.doc, words, end), direct=True, cue=attribution.cue,
                            cue_span=attribution.cue_span, speaker=speaker.ref,
                            speaker_mention=speaker.mention, confidence=attribution.confidence)

    def _paragraph_quote(self, stretch: Stretch) -> bool:
        """The stretch is its paragraph: nothing but marks and space around it."""
        text = doc_text(self.doc)
        start = text.rfind("\n", 0, stretch.begin) + 1
        stop = text.find("\n", stretch.end)
        stop = len(text) if stop < 0 else stop
        return not (text[start:stretch.begin] + text[stretch.end:stop]).strip(" \"“”«»'.")

    def _title(self, quote: SpacySpan) -> bool:
        """The title of a work, not speech: after 'titled' ('titled "I Am Part of the
        Resistance"'), right after a work ('his memoir "The Art of the Deal"'), in title
        case after a work and a comma ('In his new book, "Crippled America"'), or a short
        name in title case owned by an outlet ('told MSNBC's "Morning Joe" that')."""
        before = [t for t in self.doc[max(0, quote.start - 3):quote.start]
                  if not t.is_punct and not t.is_space]
        if not before:
            return False
        last = before[-1]
        if last.lower_ in _TITLE_CUES:
            return True
        words = [t for t in quote if t.is_alpha]
        if last.tag_ == "POS":
            return 0 < len(words) <= 6 and all(t.is_title for t in words if len(t) > 3) \
                and not any(t.text in (".", "?", "!") for t in quote)
        if last.lemma_.lower() not in _WORKS or not last.is_lower:  # ('Dr. Paul Song')
            return False
        adjacent = all(t.is_punct and t.text != "," or t.is_space
                       for t in self.doc[last.i + 1:quote.start])
        return adjacent or len(words) <= 12 and \
            sum(t.is_title for t in words) > len(words) / 2

    def _printed(self, found: Attribution | None) -> bool:
        """A slogan on clothing ('a shirt reading "..."'), not speech."""
        if found is None or found.cue_span is None:
            return False
        cue = self.doc.char_span(found.cue_span.begin, found.cue_span.end,
                                 alignment_mode="expand")
        return cue is not None and cues.printed_on(cue[0])

    def _standalone(self, quote: SpacySpan) -> bool:
        """A whole sentence in quotes with no cue: a headline or pull quote, kept unattributed."""
        words = [t for t in quote if t.is_alpha]
        return len(words) >= 8 and any(t.pos_ in ("VERB", "AUX") for t in quote) and \
            quote[0].is_title and quote.end - quote.start >= len(quote.sent) - 3


def _direct(doc: Doc, quote: SpacySpan, found: Attribution | None) -> Quote:
    span = doc_span(doc, quote.start_char, quote.end_char)
    if found is None:
        return Quote(span, direct=True, confidence=0.4)
    speaker = found.speaker
    return Quote(span, direct=True, cue=found.cue, cue_span=found.cue_span,
                 speaker=speaker.ref if speaker else None,
                 speaker_mention=speaker.mention if speaker else None,
                 confidence=found.confidence)


def _pull_quotes(doc: Doc, direct: list[Quote]) -> Iterator[Quote]:
    """A paragraph without quote marks that repeats quoted words: a pull quote.

    Its trailing fragment (no verb) names the speaker; the speaker is the one of
    the quotes it repeats, so the repeated words are one quotation.
    """
    text = doc_text(doc)
    for match in re.finditer(r"[^\n]+", text):
        paragraph = match.group()
        if any(m in paragraph for m in ('"', "“", "”", "''")):
            continue
        hits = [(paragraph.find(q.span.text), q) for q in direct
                if len(q.span.text.split()) >= 8 and q.span.text in paragraph]
        if not hits:
            continue
        first = min(b for b, _ in hits)
        last = max(b + len(q.span.text) for b, q in hits)
        begin, end = match.start() + first, match.start() + last
        rest = text[end:match.end()].strip()
        speaker = hits[0][1]
        mention = None
        if rest and len(rest.split()) <= 12:
            at = text.index(rest, end)
            mention = Span(at, at + len(rest), rest)
        yield Quote(Span(begin, end, text[begin:end]), direct=True, cue=None,
                    speaker=speaker.speaker, speaker_mention=mention,
                    confidence=round(speaker.confidence * 0.8, 3))


def extract_quotes(doc: Doc, table: EntityTable, authors: tuple[str, ...] = ()) \
        -> Iterator[Quote]:
    """Direct quotes (every layout) and reported speech of one parsed article (its
    ``authors`` say who its own 'I' is)."""
    finder = QuoteFinder(doc, table, authors)
    kept = [(quote, found, _cue_token(doc, found))
            for _, quote, found, keep in finder.attributions() if keep]
    # a quoted predicate ('who "is not coming back."') is quoted as the clause it completes
    clauses: dict[int, tuple[int, int]] = {}
    for quote, _, cue in kept:
        if cue is not None and (clause := completed_clause(quote, cue)) is not None:
            known = clauses.get(cue.i, clause)
            clauses[cue.i] = (min(known[0], clause[0]), max(known[1], clause[1]))
    direct: list[Quote] = []
    widened: set[int] = set()  # cues whose clause is now the direct quote
    for quote, found, cue in kept:
        at = cue.i if cue is not None else -1
        clause = clauses.get(at)
        if clause is None or not clause[0] <= quote.start_char < clause[1]:
            direct.append(_direct(doc, quote, found))
        elif at not in widened:
            widened.add(at)
            direct.append(_direct(doc, doc.char_span(*clause, alignment_mode="expand"), found))
    yield from direct
    yield from finder.unquoted_lines()
    yield from _pull_quotes(doc, direct)
    yield from reported_speech(finder, frozenset(widened))


def _cue_token(doc: Doc, found: Attribution | None) -> Token | None:
    """The verb of speech an attribution's cue starts with, if it is one."""
    if found is None or found.cue_span is None:
        return None
    span = doc.char_span(found.cue_span.begin, found.cue_span.end, alignment_mode="expand")
    return span[0] if span is not None and cues.is_reported_speech(span[0]) else None


__all__ = ["extract_quotes"]
