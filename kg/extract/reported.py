"""Reported speech (``direct=False``): what a verb of speech or writing reports, unquoted.

The content is the cue's clause in the parse, wherever news puts it: after the cue
('X said that ...'), before it ('..., X said.'), around a parenthetical cue ('In his
state, Christie said, ...') or an 'as' clause ('As the Times noted, ...'), a reported
question ('asked workers if ...'), the infinitive of a directive or a promise ('told
Megyn not to worry', 'vowed to repeal it'), the object of an announcement or a promise,
or the clause 'according to' someone qualifies. Only verbs of speech or writing report
speech (``cues.REPORTED_SPEECH``): polls, findings, beliefs and trends do not, and
neither does 'according to' a poll or a count. A record needs a speaker mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract import cues
from kg.extract.doctext import doc_span, doc_text
from kg.extract.records import Quote

if TYPE_CHECKING:
    from kg.extract.quotes import QuoteFinder

# Verbs whose object is told to do what their infinitive says, or who promise it.
_INFINITIVE = {"tell", "urge", "warn", "promise", "vow", "pledge", "ask"}
# Verbs that report a deed in an -ing clause ('denied having', 'reported raising').
_GERUND = {"report", "deny", "admit", "acknowledge", "recall", "claim", "confirm"}
# Verbs whose object is what was said ('announced his support for the governor').
_ANNOUNCED = {"announce", "promise", "pledge", "vow"}
# Verbs that also confer a name or a status ('declaring it Prescription Opioid and Heroin
# Epidemic Awareness Week', 'proclaimed him the winner'): a complement without a verb of
# its own is the name conferred, not words said.
_DECLARING = {"declare", "proclaim"}
# Words that open a reported question ('asked if ...').
_QUESTION = {"if", "whether"}
# Wh-words that stand for a gap in what follows ('what Trump says his plan would do'):
# a clause they open names a thing or a manner, not a statement. Not why/when/where, which
# tell of the saying itself ('why he said the deal was bad').
_GAP_WORDS = {"what", "whatever", "which", "whichever", "who", "whom", "whoever", "how"}
# Where a clause stands as a noun: an argument of another word, not a clause of its own
# and not a relative clause on a noun ('the plan, which he says will ...').
_NOUN_CLAUSE = {"pcomp", "pobj", "dobj", "nsubj", "nsubjpass", "csubj", "attr", "ccomp",
                "xcomp", "conj"}


def _in_noun_clause(cue: Token) -> bool:
    """'the gap between what Trump says his tax plan would do and how experts say it would
    shape tax law': the cue heads a clause that a wh-word opens, standing as a noun in
    another clause; what it reports has a gap where the wh-word was, so it states nothing."""
    if cue.dep_ not in _NOUN_CLAUSE or cue.dep_ == "conj" and cue.head.dep_ not in _NOUN_CLAUSE:
        return False
    opening = min((t for t in cue.subtree if not t.is_punct and not t.is_space),
                  key=lambda t: t.i)  # (the wh-word hangs on the complement, out of order)
    # the gap is in the complement, or the wh-word is the cue's own ('how experts say it
    # would'); not a wh-word of a phrase ('no matter how many times people told him ...')
    return opening.i < cue.i and opening.lower_ in _GAP_WORDS \
        and opening.tag_ in ("WP", "WDT", "WRB", "WP$") \
        and (opening.head == cue or opening.head.i > cue.i and cue.is_ancestor(opening))


def _complement(cue: Token, first: Token) -> list[Token]:
    """The complement ``first`` after the cue, with the complements the parse hung on the
    cue right after it ('explain how he believes cuts to military spending | left his
    hands tied': one clause, split)."""
    tokens = [t for t in first.subtree if t.i > cue.i]
    for child in cue.children:
        if child.dep_ == "ccomp" and child.left_edge.i == tokens[-1].i + 1 \
                and not any(t.is_punct or t.is_space or t.dep_ == "cc"
                            for t in (tokens[-1], child.left_edge)) \
                and not any(t.is_quote and t.text not in "'’" for t in child.subtree):
            tokens += list(child.subtree)  # (not after a comma, ', a swipe at ...', nor
            # into a quotation)
    return tokens


def _clause(cue: Token) -> list[Token]:
    """The tokens of what the cue reports (empty when it reports no clause)."""
    if cues.is_according(cue):
        return _qualified(cue)
    if _in_noun_clause(cue):
        return []
    lemma = cue.lemma_.lower()
    for child in cue.children:
        if child.dep_ == "ccomp" and child.i > cue.i:
            if lemma in _DECLARING and child.pos_ not in ("VERB", "AUX"):
                return []
            return _complement(cue, child)
        if child.dep_ == "xcomp" and child.i > cue.i and (
                lemma in _INFINITIVE or lemma in _GERUND and child.tag_ == "VBG" or
                any(c.dep_ == "ccomp" for c in child.children)):
            # 'told Megyn not to worry', 'reported having $1.3 million', 'said legalizing
            # it could put ...' (a complement misparsed)
            return list(child.subtree)
        if child.dep_ == "advcl" and child.i > cue.i and child.left_edge.lower_ in _QUESTION:
            return list(child.subtree)  # 'asked workers if they planned to attend'
    if lemma in _ANNOUNCED:
        objects = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i
                   and c.pos_ in ("NOUN", "PROPN")]
        if objects:
            return list(objects[0].subtree)  # 'Obama announced a series of steps to ...'
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.i > cue.i):
        for token in prep.subtree:
            if token.dep_ in ("acl", "relcl") and token.left_edge.lower_ == "that" and \
                    token.left_edge.dep_ == "mark":
                # 'says in a statement that the race will ...' hung on 'statement'
                return list(token.subtree)
    marks = [c for c in cue.children if c.dep_ == "mark" and c.lower_ == "as"]
    if marks and cue.dep_ == "advcl" and cue.i < cue.head.i:
        # 'As the Times noted, Clinton raised $1.1 million.'
        aside = {t.i for t in cue.subtree}
        return [t for t in cue.head.subtree if t.i not in aside]
    fronted = [c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i]
    if fronted and any(t.text == "," for t in cue.doc[fronted[0].right_edge.i:cue.i]):
        # '..., Biden said.' (the complement closed by a comma before the cue)
        return [t for t in fronted[0].subtree if t.i < cue.i]
    if cue.dep_ == "conj" and cue.head.i < cue.i and _after_comma(cue):
        # '..., his top aide told The Huffington Post.' parsed as a coordinated clause
        return [t for t in cue.head.subtree if t.i < cue.left_edge.i]
    if cue.dep_ == "parataxis" and cue.head.pos_ in ("VERB", "AUX"):
        # 'In his state, Christie said, offenders are sent to treatment.'
        aside = {t.i for t in cue.subtree}
        return [t for t in cue.head.subtree if t.i not in aside]
    return []


def _after_comma(cue: Token) -> bool:
    """The cue's clause follows a comma, with a subject of its own and no conjunction."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i]
    if not subjects or any(c.dep_ == "cc" for c in cue.children):
        return False
    start = subjects[0].left_edge.i
    return start > 0 and cue.doc[start - 1].text == "," and \
        not any(c.dep_ == "cc" and c.i < cue.i for c in cue.head.children)


def _qualified(according: Token) -> list[Token]:
    """The clause 'according to X' qualifies, without the phrase itself; none when X is
    a poll, a count or a finding."""
    to = according.doc[according.i + 1]
    sources = [c for c in to.children if c.dep_ == "pobj"] or \
        [c for c in according.children if c.dep_ == "pobj"]
    if not sources or sources[0].lemma_.lower() in cues.FINDINGS:
        return []
    clause = according.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
        clause = clause.head  # (a misparse may leave no verb: the sentence, then)
    phrase = {t.i for t in according.subtree}
    return [t for t in clause.subtree if t.i not in phrase]


def _trimmed(tokens: list[Token]) -> list[Token]:
    """The longest unbroken run of the clause (a parenthetical cue or 'according to' in the
    middle splits it), without a leading 'that' and the punctuation around it."""
    runs: list[list[Token]] = []
    for token in tokens:
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    tokens = max(runs, key=len, default=[])
    while tokens and (tokens[0].dep_ == "mark" and tokens[0].lower_ == "that"
                      or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]  # ('would be more intense — and he noted ...': not the 'and')
    return tokens


def reported_clause(cue: Token) -> list[Token]:
    """The words the cue reports, trimmed (empty when it reports no clause)."""
    return _trimmed(_clause(cue))


_CLOSING = re.compile(r"[.,!?]*(?:[\"”]|'')")


def _opens_a_quotation(words: str) -> bool:
    return words.count('"') % 2 == 1 or words.count("“") > words.count("”") \
        or words.count("''") % 2 == 1


def closing_mark(text: str, begin: int, end: int) -> int:
    """The end of a clause, after the mark that closes a quotation the clause opens ('who
    "is not coming back."'), so that its marks pair."""
    closing = _CLOSING.match(text, end) if _opens_a_quotation(text[begin:end]) else None
    return closing.end() if closing else end


def opening_mark(text: str, begin: int) -> int:
    """The start of a clause that starts with quoted words, before the mark that opens them
    ('"Instead of reassuring Americans," Obama "opted for ..."')."""
    for mark in ('"', "“", "''"):
        if text.endswith(mark, 0, begin):
            return begin - len(mark)
    return begin


_LEAD_IN = re.compile(r"\s*[,:]\s*[\"“]")


def _leads_into_quote(tokens: list[Token]) -> bool:
    """'she recalled thinking, "This is what ..."': the clause is a verb of speech or
    thought leading into a quotation after a comma or colon (the quotation is the content),
    whether the parse ends the clause before the quotation or inside it."""
    text = doc_text(tokens[0].doc)
    return any(cues.is_cue(t) and _LEAD_IN.match(text, t.idx + len(t.text)) for t in tokens)


def reported_speech(finder: QuoteFinder, quoted: frozenset[int] = frozenset()) \
        -> Iterator[Quote]:
    """Each verb of speech or writing's unquoted clause, with the cue's speaker; not for the
    cues at ``quoted`` (token indices), whose clause is already a direct quote."""
    doc = finder.doc
    for cue in doc:
        if not (cues.is_reported_speech(cue) and finder.outside(cue)) or cues.printed_on(cue) \
                or cue.i in quoted:
            continue
        tokens = reported_clause(cue)
        if len(tokens) < 3 or sum(finder.outside(t) for t in tokens) < len(tokens) / 2:
            continue
        begin, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if _leads_into_quote(tokens):
            continue
        text = doc_text(doc)[begin:closing_mark(doc_text(doc), begin, end)].rstrip(" ,.;:")
        found = finder.attribution(cue)
        speaker = found.speaker
        if speaker is None or begin <= speaker.mention.begin < end:
            continue  # no one reports it, or the cue's subject inside it (a broken parse)
        yield Quote(doc_span(doc, begin, begin + len(text)), direct=False, cue=found.cue,
                    cue_span=found.cue_span, speaker=speaker.ref,
                    speaker_mention=speaker.mention,
                    confidence=round(found.confidence * 0.9, 3))
