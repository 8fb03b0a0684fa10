"""Speech and cognition cues: which words introduce what someone said, and how surely.

The confidence is the prior that a quote attached to this cue is attributed
right: plain speech verbs are near certain, cognition and framing verbs less so.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

# lemma -> confidence that the cue marks an attribution
SPEECH = dict.fromkeys(
    ("say", "tell", "add", "write", "tweet", "state", "declare", "explain", "continue",
     "reply", "respond", "answer", "ask", "quip", "joke", "recall", "note", "argue",
     "insist", "warn", "claim", "deny", "admit", "acknowledge", "announce", "repeat",
     "conclude", "concede", "complain", "charge", "contend", "assert", "maintain",
     "predict", "promise", "vow", "urge", "caution", "boast", "testify", "exclaim",
     "shout", "yell", "scream", "chant", "proclaim", "remark", "observe", "counter",
     "retort", "emphasize", "stress", "suggest", "describe", "call", "post", "read",
     "write", "report", "mention", "confirm", "point", "lament", "marvel", "muse",
     "add", "pledge", "assure", "inform", "plead", "demand", "sing", "whisper",
     "interrupt", "wonder", "echo", "respond", "recount", "reiterate", "speculate",
     "criticize", "blast", "slam", "praise", "label", "dub", "brand", "accuse",
     "decry", "quote", "cite", "agree", "disagree", "thank"), 0.9)
SPEECH.update(dict.fromkeys(("say", "tell", "add", "write", "tweet", "ask"), 0.95))
COGNITION = dict.fromkeys(
    ("believe", "think", "feel", "fear", "hope", "expect", "worry", "know", "doubt",
     "estimate", "find", "show", "indicate", "reveal", "allege", "suspect", "guess",
     "consider", "acknowledge", "agree", "recognize", "realize"), 0.7)
CUE_CONFIDENCE = {**COGNITION, **SPEECH}
# Verbs that frame a partial quote as a name for something: called it "gutless".
NAMING = {"call", "describe", "label", "dub", "brand", "term", "deem", "characterize"}
# Plain reporting verbs: a cue inside their complement is part of what they report.
REPORTING = {"say", "tell", "write", "add", "argue", "claim", "insist", "note", "state",
             "declare", "explain", "predict", "warn", "suggest", "acknowledge", "admit"}
# Verbs that are speech only without a complement of their own ("he continued").
ASPECTUAL = {"continue"}
# Verbs of speech or writing: the only cues whose clausal complement is reported speech
# (nkg:IndirectQuote), and the gold attributions `kg eval` counts for its recall. Not
# polls, findings, beliefs or trends ('a poll found', 'trends indicate', 'he believes').
REPORTED_SPEECH = frozenset((
    "say", "tell", "write", "argue", "announce", "claim", "insist", "add", "note", "state",
    "declare", "explain", "reply", "respond", "answer", "tweet", "post", "report", "warn",
    "predict", "promise", "vow", "pledge", "admit", "acknowledge", "concede", "deny",
    "assert", "contend", "maintain", "complain", "charge", "testify", "confirm",
    "reiterate", "repeat", "stress", "emphasize", "recall", "remark", "observe", "ask",
    "allege", "boast", "counter", "retort", "quip", "joke", "exclaim", "proclaim", "assure",
    "inform", "recount", "caution", "suggest"))
# Clothing and merchandise whose printed words are no speech ('a shirt reading "..."').
PRINTED_ON = frozenset(("shirt", "t-shirt", "tee", "tshirt", "hat", "cap", "button", "sticker",
                        "mug", "jersey", "jacket", "sweatshirt", "hoodie", "sweater", "bumper"))
# What 'according to' names when the words are a finding, not speech ('according to a poll').
FINDINGS = frozenset(("poll", "survey", "count", "tally", "result", "estimate", "data",
                      "study", "analysis", "average", "index", "record", "figure", "calculation",
                      "projection", "model", "tracker", "number", "statistic"))
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write",
              "written": "write"}


def is_cue(token: Token) -> bool:
    """A verb that reports speech or thought (not an auxiliary, not a noun)."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass"):
        return False
    lemma = token.lemma_.lower()
    if lemma in ASPECTUAL:
        # "he continued" reports speech; "will continue to be" does not.
        return not any(c.dep_ in ("xcomp", "dobj", "attr") and c.i > token.i
                       for c in token.children)
    return lemma in CUE_CONFIDENCE or lemma == "go" and any(
        c.dep_ == "prt" and c.lower_ == "on" for c in token.children)


def printed_on(cue: Token) -> bool:
    """'a shirt reading', 'T-shirts that said': the words are a slogan on clothing or
    merchandise, not anyone's speech."""
    nouns = [cue.head] if cue.dep_ in ("acl", "relcl") else []
    nouns += [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(n.lemma_.lower() in PRINTED_ON for n in nouns)


def is_according(token: Token) -> bool:
    """The 'according' of 'according to X'."""
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and \
        token.doc[token.i + 1].lower_ == "to"


def confidence(token: Token) -> float:
    if is_according(token):
        return 0.9
    return CUE_CONFIDENCE.get(token.lemma_.lower(), 0.6)


def is_reported_speech(token: Token) -> bool:
    """A cue of speech or writing, whose clausal complement is reported speech."""
    return is_according(token) or token.lemma_.lower() in REPORTED_SPEECH and is_cue(token)


def _lemma(word: str) -> str:
    """The verb a word of an annotated cue inflects, by rule (no parse of gold text)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                         ("ed", "e"), ("es", ""), ("s", ""), ("d", ""), ("", "")):
        if word.endswith(suffix) and (stem := word[:len(word) - len(suffix)] + repl) \
                in REPORTED_SPEECH:
            return stem
    return word


def names_reported_speech(cue: str, source: str = "") -> bool:
    """Whether an annotated cue ('has said', 'according to') is a verb of speech or writing
    from REPORTED_SPEECH; 'according to' counts unless its source is a finding (FINDINGS)."""
    words = re.findall(r"[a-z]+", cue.lower())
    if "according" in words:
        return not any(w.removesuffix("s") in FINDINGS
                       for w in re.findall(r"[a-z]+", source.lower()))
    return any(_lemma(w) in REPORTED_SPEECH for w in words)


def cue_text(token: Token) -> str:
    """The cue as written, with its particle or 'to' ("according to", "pointed out")."""
    if is_according(token):
        return "according to"
    particles = [c for c in token.children if c.dep_ == "prt"]
    if particles:
        end = max(particles[-1].i, token.i)
        return token.doc[token.i:end + 1].text
    return token.text
