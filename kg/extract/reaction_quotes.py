"""Quote-cue reactions: an official's quote that names someone else reacts to them
("'The American people do not agree with Trump,' Sanders said"; "Warren said Trump was a
'proven failure'"). The quote is the evidence and ``derived_from``; its words give the stance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract.doctext import doc_text
from kg.extract.reaction_agents import resolve_agent, role_description, titled
from kg.extract.reaction_cues import CUES, PARTICLE_CUES, STAFF_WORDS
from kg.extract.reaction_judging import (
    judges,
    judges_words,
    parsed_words,
    quote_stance,
    stance_of,
    words_of,
)
from kg.extract.records import EntityRef, Quote, Reaction, Span, Stance
from kg.extract.roles import ROLE_WORDS
from kg.extract.speakers import PRONOUN_GENDER, SpeakerResolver
from kg.extract.table import EntityTable

_REACH = 600  # characters before a quote where its pronouns' person is named
_BESIDE = 30  # characters between a speaker's name and whom they speak for
_MAX_TARGETS = 1  # the first person a quote names is what it is about; the rest are asides
_TARGET_KINDS = ("person",)
_PRONOUNS = {"he", "she", "it", "they", "we", "i"}
_CAMPS = {"camp", "campaign"}
_HANDLE = re.compile(r"@(\w+)")
_HYPOTHETICAL = re.compile(r"\b(?:if|whether|unless|(?:should|would|could) have)\b", re.I)
# a sentence ends at . ! ? or a line end, not at a title or an initial ("Gov. Mike Pence")
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})\.(?=\s)|[!?](?=\s)|\n")
_TELLING = {"told", "tell", "tells", "telling"}
# Between a cue and the one it was said to: "said in an interview with CNN's", "told
# reporters on", "said on Fox News's".
_INTERVIEWER = re.compile(r"[^.!?\"“”]*\b(?:interview|conversation|talking|speaking|talk|"
                          r"appearance) (?:with|to)(?: [A-Z][\w.&]*(?:['’]s)?)* ?")
_ASKING = {"ask", "asks", "asked", "asking", "wonder", "wondered", "wonders"}
# reported speech about the future or a plan states no reaction ("said he planned to vote for
# Sanders", "predicted that Clinton will win"); direct quotes keep their modals
_UNREAL_REPORT = re.compile(r"\b(?:will|would|should|must|plan(?:s|ned)? to|going to|wants? to)\b",
                            re.I)
_ATTRIBUTION_ONLY = {"according to"}  # a source of facts (a report, a readout), no reaction
_HEADLINE = re.compile(r"([^:\n]{3,40}):\s+(\S[^\n]*)")  # "Graham: Trump's 'Hateful Rhetoric'"


def _parts(quote: Quote, quotes: list[Quote]) -> list[Span]:
    """The words of a quote, with the other part of a quote its attribution splits ("'When
    I look at somebody like Hillary Clinton,' he said, 'who ... a lie.'")."""
    return [quote.span] + [q.span for q in quotes if quote.cue_span is not None and q.direct
                           and q.cue_span == quote.cue_span and q.span != quote.span]


def _evidence(quote: Quote, parts: list[Span], text: str) -> Span:
    """The quote's words with its cue and speaker."""
    spans = [s for s in (*parts, quote.cue_span, quote.speaker_mention) if s is not None]
    begin, end = min(s.begin for s in spans), max(s.end for s in spans)
    return Span(begin, end, text[begin:end])


def _named_targets(doc: Doc, table: EntityTable, quote: Quote, region: Span,
                   quoted: list[Span], gender: dict[EntityRef, str]
                   ) -> list[tuple[EntityRef, Stance]]:
    """The people the quote or its reporting clause (``region``) names, by name (a pronoun
    only as ``_pronoun_targets`` allows), first mention first, with the sentence that names
    them. Only a sentence that judges (a praise or blame word) makes its person a target: a
    quote names many people it does not react to ("I will meet Bibi", "Three-quarters of
    the board voted, Garcia said").
    Not in a hypothetical or questioning sentence ("... to determine if access to Clinton
    was for sale"). A reporting clause that attacks ("hit back, saying") judges every
    sentence of its quote."""
    text = doc_text(doc)
    attacking = _said_attacking(doc, quote)
    named = [(m.span.begin, m.entity) for m in table.mentions
             if region.begin <= m.span.begin and m.span.end <= region.end
             and m.entity.kind in _TARGET_KINDS and m.span.text[:1].isupper()
             and m.span.text.lower() not in _PRONOUNS]
    named += _described_targets(doc, table, region)
    named += _handles(table, region, quoted, text)
    named += _pronoun_targets(doc, table, quote, region, gender)
    found: list[tuple[EntityRef, Stance]] = []
    for begin, entity in sorted(named, key=lambda n: n[0]):
        if _describes_or_hears(quote, begin, text) or entity == quote.speaker \
                or entity in (f for f, _ in found) \
                or _own_side(table, quote.speaker, entity, text):
            continue
        first, last = _sentence_at(text, begin, region)
        if _addressed(doc, first, last):
            first, last = quote.span.begin, quote.span.end  # "… is absurd. No, Trump."
        sentence = text[first:last]
        words = parsed_words(doc, first, last, quote.span)
        if not _HYPOTHETICAL.search(sentence) and "?" not in sentence \
                and (judges_words(words) or attacking):
            found.append((entity, stance_of(words, sentence)))
    return found[:_MAX_TARGETS]


def _said_attacking(doc: Doc, quote: Quote) -> bool:
    """Whether the reporting clause says the quote attacks: its cue hangs from, or is
    modified by, a verb of criticism with no object of its own ("Lashing out, Trump said
    ...", "Clinton fired back, saying ...", "Sanders hit out at the idea, saying ...")."""
    cue = quote.cue_span
    words = doc.char_span(cue.begin, cue.end, alignment_mode="expand") if cue else None
    if not words:
        return False
    verb = words.root
    around = [c for c in verb.children if c.dep_ in ("advcl", "conj")]
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head is not verb:
        around.append(verb.head)
    return any(_criticises(v, quote.speaker_mention) for v in around if v.pos_ == "VERB")


def _criticises(verb: Token, speaker: Span | None) -> bool:
    """A verb of criticism by itself (no direct object: the quote is what it says), active
    and with the speaker as its subject if it has one ("when the center was hit by
    vandalism, Babar says" is no attack)."""
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass") or c.dep_ == "nsubj" and not (
            speaker is not None and speaker.begin <= c.idx < speaker.end)
           for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
    return CUES.get(lemma) == "disagree" or any(
        PARTICLE_CUES.get((lemma, p)) == "disagree" for p in particles)


def _addressed(doc: Doc, begin: int, end: int) -> bool:
    """Whether a sentence only addresses someone, with no verb ("No, Trump."): the quote
    around it says what the speaker thinks of them."""
    words = doc.char_span(begin, end, alignment_mode="contract")
    return words is not None and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _pronoun_targets(doc: Doc, table: EntityTable, quote: Quote, region: Span,
                     gender: dict[EntityRef, str]) -> list[tuple[int, EntityRef]]:
    """The person a "she" or "him" in the quote or its reporting clause stands for, where
    it cannot be the speaker (inside their own words, or of the other gender: "Warren said
    he is a disgrace") and one person of its gender alone, the speaker aside, is named in
    the paragraph before it (a gender not known counts as either; not the one spoken to).
    """
    words = doc.char_span(region.begin, region.end, alignment_mode="contract")
    text = doc_text(doc)
    found = []
    for token in words or ():
        wanted = PRONOUN_GENDER.get(token.lower_)
        inside = quote.direct and quote.span.begin <= token.idx < quote.span.end
        if wanted is None or quote.speaker is None or not inside and \
                gender.get(quote.speaker) != ("f" if wanted == "m" else "m"):
            continue  # "he" in one's own words is someone else; in a report, maybe oneself
        people = {m.entity for m in table.mentions_before(token.idx)
                  if m.entity.kind == "person" and m.entity != quote.speaker
                  and region.begin - _REACH <= m.span.begin
                  and gender.get(m.entity, wanted) == wanted
                  and not _describes_or_hears(quote, m.span.begin, text)}
        if len(people) == 1:
            found.append((token.idx, people.pop()))
    return found


def _handles(table: EntityTable, region: Span, quoted: list[Span],
             text: str) -> list[tuple[int, EntityRef]]:
    """The people a tweet (``quoted``: its words) names by their handle, where the handle
    spells their name ("@mike_pence", "@tedcruz", "@realDonaldTrump")."""
    people = {ref.name.lower().replace(" ", ""): ref for ref in table.entities
              if ref.kind in _TARGET_KINDS and " " in ref.name}
    found = []
    for match in _HANDLE.finditer(text, region.begin, region.end):
        if not any(q.begin <= match.start() < q.end for q in quoted):
            continue  # "wrote ... on @realDonaldTrump": the account it was sent from
        handle = match.group(1).lower().replace("_", "").removeprefix("real")
        if handle in people:
            found.append((match.start(), people[handle]))
    return found


def _described_targets(doc: Doc, table: EntityTable,
                       region: Span) -> list[tuple[int, EntityRef]]:
    """The people a definite role description in the quote or its reporting clause stands
    for ("the 83-year-old justice's 'mind is shot'", "the president's refusal ... is a
    weakness"): the nearest earlier person so titled."""
    words = doc.char_span(region.begin, region.end, alignment_mode="contract")
    return [(token.idx, ref) for token in words or ()
            if token.lower_ in ROLE_WORDS and token.tag_ == "NN"
            and any(c.lower_ == "the" for c in token.lefts)
            and (ref := titled(table, token)) is not None]


def _describes_or_hears(quote: Quote, begin: int, text: str) -> bool:
    """Whether a mention is part of the speaker's naming ("Dog Andres, a spokesman for Paul
    Ryan, said") or whom they spoke to ("told Chris Wallace", "said in an interview with
    CNN's Wolf Blitzer"): no target of the quote."""
    speaker, cue = quote.speaker_mention, quote.cue_span
    if speaker is not None and speaker.begin <= begin < speaker.end:
        return True
    if speaker is not None and cue is not None and speaker.end <= begin < cue.begin:
        return True
    if cue is not None and 0 <= begin - cue.end <= 60 and \
            _INTERVIEWER.fullmatch(text, cue.end, begin):
        return True
    return cue is not None and (quote.cue or "").lower() in _TELLING \
        and 0 <= begin - cue.end <= 2


def _sentence_at(text: str, offset: int, region: Span) -> tuple[int, int]:
    """Where the sentence of ``region`` around ``offset`` begins and ends (split at . ! ?
    and line ends)."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, region.begin, offset)]
    end = _SENTENCE_END.search(text, offset, region.end)
    return starts[-1] if starts else region.begin, end.end() if end else region.end


def _own_side(table: EntityTable, speaker: EntityRef | None, target: EntityRef,
              text: str) -> bool:
    """Whether the speaker speaks for the target ("Clinton spokesman Brian Fallon", "Brian
    Fallon, a spokesman for Mrs. Clinton" on Clinton): the target's surname is in the
    speaker's job title, or the text names the target beside the speaker with a staff word
    between."""
    entity = table.entities.get(speaker) if speaker else None
    title = (entity.job_title or "") if entity else ""
    words = target.name.split()
    if speaker is not None and speaker.kind == "org" and target.name in speaker.name:
        return True  # "Hillary Clinton campaign" on Clinton
    if not words or words[-1] in title.split():
        return bool(words)
    spoken = [m.span for m in table.mentions if m.entity == speaker]
    for span in spoken:  # "Clinton spokesman Brian Fallon" with "Clinton" in no mention
        before = words_of(text[max(0, span.begin - _BESIDE):span.end])
        if words[-1].lower() in before and before & STAFF_WORDS:
            return True
    for named in (m.span for m in table.mentions if m.entity == target):
        for span in spoken:
            first, second = sorted((named, span), key=lambda s: s.begin)
            between = text[first.end:second.begin]
            if first.end <= second.begin and len(between) <= _BESIDE \
                    and words_of(between) & STAFF_WORDS:
                return True
    return False


def _described_speaker(doc: Doc, table: EntityTable, resolver: SpeakerResolver,
                       quote: Quote) -> Quote:
    """The quote with the speaker its role description names where the quotes stage left
    none ("..., the presumptive Republican presidential nominee wrote", "the governor
    said"), resolved as the subject of a reaction cue is; not a group ("say some
    Democrats"), which names no one speaker."""
    if quote.speaker is not None or quote.speaker_mention is None:
        return quote
    mention = quote.speaker_mention
    words = doc.char_span(mention.begin, mention.end, alignment_mode="expand")
    if words is None:
        return quote
    head = words.root
    cue = quote.cue_span
    if cue is None or head.dep_ not in ("nsubj", "nsubjpass") \
            or not cue.begin <= head.head.idx < cue.end or not role_description(head):
        return quote  # not the cue's subject: "after the first-term senator won, remarking"
    speaker = resolve_agent(table, resolver, head)
    begin, end = min(quote.span.begin, cue.begin), max(quote.span.end, cue.end)
    # one the sentence names is not who says it ("The 'dirty tricks' that Ben Carson accused
    # Ted Cruz's campaign of ..., the candidate said": not Cruz, the last one titled so)
    if speaker is None or speaker.name.split()[-1] in doc_text(doc)[begin:end]:
        return quote
    return replace(quote, speaker=speaker)


def quote_reactions(doc: Doc, table: EntityTable, quotes: Iterable[Quote],
                    resolver: SpeakerResolver) -> Iterator[Reaction]:
    """One reaction per quote and named target; questions are not reactions. A quote
    whose speaker only a description names stays as the quotes stage left it (it carries
    the reaction), its speaker read here."""
    text = doc_text(doc)
    gender = resolver.gender
    quotes = list(quotes)
    said: dict[tuple[EntityRef, EntityRef], list[Span]] = {}
    for original in quotes:
        quote = _described_speaker(doc, table, resolver, original)
        if quote.speaker is None or quote.span.text.rstrip(" \"'\u201d").endswith("?") \
                or (quote.cue or "").lower() in _ASKING | _ATTRIBUTION_ONLY \
                or not quote.direct and _UNREAL_REPORT.search(quote.span.text):
            continue
        parts = _parts(quote, quotes)
        evidence = _evidence(quote, parts, text)
        for target, stance in _named_targets(doc, table, quote, evidence, parts,
                                                gender):
            told = [e for e in said.get((quote.speaker, target), [])
                    if e.begin < evidence.end and evidence.begin < e.end]
            said.setdefault((quote.speaker, target), []).append(evidence)
            if told:
                continue  # "said Trump was a 'proven failure'": one telling, two quotes
            yield Reaction(agent=quote.speaker, evidence=evidence,
                           cue=quote.cue or ":", target_entity=target,
                           stance=stance,
                           derived_from=original, confidence=0.5, shape="quote-cue")


def _headline_agent(table: EntityTable, forms: dict[str, EntityRef],
                    match: re.Match) -> EntityRef | None:
    """Who speaks in an "X: quote" headline: a name of the article, or a candidate's camp
    ("Clinton camp:", "Trump campaign:"), the body named "<candidate> campaign"."""
    name = match.group(1).strip()
    words = name.split()
    if name.lower() in forms or len(words) < 2 or words[-1].lower() not in _CAMPS:
        return forms.get(name.lower())
    person = forms.get(" ".join(words[:-1]).lower())
    if person is None or person.kind != "person":
        return None
    campaign = EntityRef("org", f"{person.name} campaign")
    begin = match.start(1) + match.group(1).index(name)
    table.add_mention(Span(begin, begin + len(name), name), campaign, confidence=0.7)
    return campaign


def headline_reactions(table: EntityTable, text: str,
                       forms: dict[str, EntityRef]) -> Iterator[Reaction]:
    """"X: quote" headlines ("Elizabeth Warren: Donald Trump Is a 'Proven Failure'"): the
    name before the colon reacts to the people the rest names (``forms``: the article's
    names, lower-cased, as ``reaction_surface.name_forms`` gives them)."""
    line = text.split("\n", 1)[0]
    match = _HEADLINE.match(line)
    agent = _headline_agent(table, forms, match) if match else None
    if match is None or agent is None or line.rstrip().endswith("?") \
            or _HYPOTHETICAL.search(line) or not judges(match.group(2)):
        return
    said = match.group(2)
    words = re.findall(r"[\w.’'-]+", said)
    targets: list[EntityRef] = []
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            ref = forms.get(" ".join(words[i:i + size]).lower().removesuffix("’s")
                            .removesuffix("'s"))
            if ref is not None and ref != agent and ref.kind == "person" \
                    and ref not in targets and not _own_side(table, agent, ref, text):
                targets.append(ref)
    evidence = Span(0, len(line), line)
    for target in targets[:_MAX_TARGETS]:
        yield Reaction(agent=agent, evidence=evidence, cue=":", target_entity=target,
                       stance=quote_stance(said), confidence=0.5, shape="quote-cue")
