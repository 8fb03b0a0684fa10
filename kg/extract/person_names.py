"""Whether a tagged PERSON span is a personal name, and the part of it that is.

The tagger glues headline verbs ("Obama Says"), descriptors and epithets ("Crooked Hillary
Clinton", "Kentuckian Mitch McConnell"), titles ("Vermont Sen. Bernie Sanders"), nouns
("Clinton Plan"), photo-credit and list debris ("Getty 2016 X Y", "A BRep") onto names, and
tags groups ("Trump supporters", "the Clintons") as people. A person node's label is what a
reader sees first, so every rule deciding what is a name lives here, decided with the parse,
a first-name list and the shape of the words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.doctext import doc_ents
from kg.extract.first_names import RUN_TOGETHER, SUFFIXES, is_first_name

# the extractors read these here, with the other rules about names
from kg.extract.lexicon import english_words
from kg.extract.names import PAGE_WORDS, PARTICLES, TITLE_WORDS, is_honorific, strip_possessive
from kg.extract.roles import ROLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# Words after a name that make the whole mention a group or an organisation, not a person.
GROUP_NOUNS = {
    "society", "strategies", "associates", "partners", "group", "reports", "panthers",
    "empire", "show", "program", "radio", "network", "brand", "products", "food", "v.", "vs.",
    "caucus", "coalition", "council", "association", "union", "league", "alliance", "party",
    "chain", "newspaper", "committee", "pac",
    "supporters", "voters", "fans", "campaign", "campaigns", "administration", "foundation",
    "family", "camp", "allies", "aides", "staff", "staffers", "team", "loyalists", "backers",
    "donors", "surrogates", "administrations", "organization", "presidency", "white", "era",
    "doctrine", "tower", "towers", "university", "hotel", "hotels", "library", "center",
    "institute", "inc", "corp", "co", "llc", "properties", "enterprises", "voter", "supporter",
    "rule", "amendment", "student", "students", "school", "church",
}
# Words the tagger leaves at the end of a name that are never a surname in news prose.
TRAILING_NOT_NAMES = {
    "says", "said", "say", "plan", "plans", "remarks", "remark", "slams", "blasts", "rips",
    "calls", "urges", "vows", "warns", "hits", "claims", "defends", "praises", "attacks",
    "responds", "admits", "denies", "tweets", "tweeted", "speech", "rally", "interview",
    "statement", "email", "emails", "policy", "policies", "proposal", "presidential",
    "birtherism", "camp", "health", "aide", "jr.-", "mocks", "touts", "backs", "gets",
    "wins", "loses", "leads", "goes", "takes", "makes", "pushes", "asks", "tells", "talks",
    "reacts", "agrees", "endorses", "accuses", "knocks", "questions", "explains",
}
# Groups the tagger labels PERSON.
GROUPS = {"latinos", "latinas", "hispanics", "democrats", "republicans", "americans",
          "clintons", "obamas", "trumps", "bushes", "kennedys", "millennials", "whites",
          "blacks", "evangelicals", "catholics", "muslims", "mexicans", "gop"}
_NOT_NAME_TITLES = {"king", "queen", "prince", "princess", "lord", "lady", "the", "then",
                    "first", "press", "general", "justice", "leader", "speaker", "vice"}
# job and rank words the tagger puts inside a name, besides the titles of kg.extract.names
# ("Moderator Martha Raddatz", "Councilman Ornaldo Ybarra", "Lance Cpl")
_JOB_TITLES = {"moderator", "councilman", "councilwoman", "councilmember", "treasurer", "cpl",
               "cmdr", "detective", "trooper", "officer", "pastor", "rabbi", "coach"}
_COMPASS = {"northern", "southern", "eastern", "western", "central", "north", "south",
            "east", "west"}
_DESCRIPTOR_ENDINGS = ("ous", "ian", "ish", "ese", "ing", "ive", "ful", "less", "ic", "ist",
                       "ary", "ated", "ized", "ed")
# of the endings above, those that make a word an adjective even before a single surname
# ("Sanctimonious X", "Kentuckian X"; not "Morning Consult" or "Living History")
_ADJECTIVE_ENDINGS = ("ous", "ian", "ish", "ese", "ive", "ful", "less", "ic", "ary")
# nouns of a job held at or in an organisation: "partner at Hogan Lovells", "director of X"
_EMPLOYMENT_NOUNS = ROLE_WORDS | {"partner", "associate", "member", "employee", "owner"}
_QUOTES = {'"', "“", "”"}
# a word glued to the next one by a lost line break ("TrumpKamala", "CottonTom"), not
# "McCain" or "DeWayne"
_GLUED = re.compile(r"([A-Z][a-z]{3,})[A-Z]")
_NAME_WORD = re.compile(r"[A-Z][\w'’\-.]*\.?$|[A-Z]\.$|[A-Z]\.[A-Z]\.?$")


def is_common_word(token: Token) -> bool:
    """A capitalised word that is an English word and not a first name ("Squawk", "Box",
    "Living", "Tools"): a name made only of such words names a show, book or firm."""
    word = token.text
    low = strip_possessive(word).strip(".").lower()
    words = english_words(token.vocab)
    known = low in words or low.endswith("s") and low[:-1] in words \
        or low.endswith("es") and low[:-2] in words
    return known and not is_first_name(word)


def _is_initial(token: Token) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", token.text))


def _glued(word: str) -> bool:
    """Two words run together ("TrumpKamala"), not a first name written so ("AnnaLee")."""
    return bool(_GLUED.match(word)) and not is_first_name(word)


def _name_like(token: Token) -> bool:
    text = strip_possessive(token.text)
    if token.lower_ in PARTICLES or token.lower_.rstrip(".") in SUFFIXES:
        return True
    return bool(text) and bool(_NAME_WORD.match(text)) \
        and (not RUN_TOGETHER.match(text) or is_first_name(text)) \
        and not _glued(text)  # "HIllary" is a name, not "BRep" or "TrumpKamala"


def _title_at(token: Token) -> bool:
    word = token.text.rstrip(".").lower()
    return word in TITLE_WORDS | _JOB_TITLES and word not in _NOT_NAME_TITLES \
        and (token.text.endswith(".") or token.text[:1].isupper())


def _joined(token: Token) -> bool:
    """A hyphen inside a name, or the part after it ('Holtz-Eakin', 'Ban Ki-moon')."""
    doc = token.doc
    if token.text in ("-", "‐") and not token.whitespace_ and token.i > 0 \
            and not doc[token.i - 1].whitespace_:
        return True
    return token.i > 0 and doc[token.i - 1].text in ("-", "‐") \
        and not doc[token.i - 1].whitespace_ and token.text.isalpha()


def _longest_run(tokens: list[Token]) -> list[Token]:
    """The longest run of name-like words; the last one on a tie (debris comes first)."""
    runs: list[list[Token]] = [[]]
    for token in tokens:
        if _name_like(token) or runs[-1] and _joined(token):
            runs[-1].append(token)
        else:
            runs.append([])
    return max(reversed(runs), key=len)


def _descriptor(token: Token) -> bool:
    """A leading word that describes rather than names ('Crooked', 'Billionaire')."""
    if is_first_name(token.text):
        return False
    low = token.lower_
    return token.pos_ in ("ADJ", "VERB", "NOUN") or low.endswith(_DESCRIPTOR_ENDINGS) \
        or low in {"billionaire", "universe", "add"} | PAGE_WORDS


def _is_verb_or_noun(token: Token) -> bool:
    return token.lower_ in TRAILING_NOT_NAMES or token.tag_ in ("VBZ", "VBD", "VBG") \
        or (token.pos_ in ("VERB", "NOUN") and not token.text[:1].isupper())


def _in_quoted_title(span: SpacySpan) -> bool:
    """The first words of a quoted title in capitals ('his "Keepin' It Real" program')."""
    doc = span.doc
    opening = doc[span.start - 1] if span.start > 0 else None
    if opening is None or opening.text not in ('"', "“") or opening.whitespace_:
        return False  # not a closing quote before a name (‘...” Neal K. Katyal, New York Times’)
    for j in range(span.end, min(len(doc), span.end + 8)):
        if "\n" in doc[j].text:
            return False
        if doc[j].text in ('"', "”"):
            words = [t for t in doc[span.end:j] if t.is_alpha]
            return bool(words) and all(t.text[:1].isupper() for t in words)
    return False


def _employer(span: SpacySpan) -> bool:
    """The organisation of a job ("a partner at Hogan Lovells", "artistic director of
    Sleeping Weazel"), when it does not start with a first name."""
    doc = span.doc
    return span.start > 1 and doc[span.start - 1].lower_ in ("at", "of") \
        and doc[span.start - 2].lower_ in _EMPLOYMENT_NOUNS and not is_first_name(span[0].text)


_PLACE_WORDS = "newskg_place_words"  # the words of a doc's places, read once per doc


def _place_words(tokens: list[Token]) -> bool:
    """A name whose words are all words of places the article names ("N. Korea" beside
    "North Korea")."""
    doc = tokens[0].doc
    places = doc.user_data.get(_PLACE_WORDS)
    if places is None:
        places = doc.user_data[_PLACE_WORDS] = {
            strip_possessive(t.text).lower() for e in doc_ents(doc)
            if e.label_ in ("GPE", "LOC") for t in e}
    core = [t for t in tokens if not _is_initial(t) and t.lower_ not in _COMPASS]
    return bool(core) and not any(is_first_name(t.text) for t in tokens) \
        and all(strip_possessive(t.text).lower() in places for t in core)


def _not_a_noun(token: Token) -> bool:
    """A one-word name the tagger reads as an adjective, verb or determiner ("Beehive
    freeze-dried food", "Defending", "Whichever"), unless the article names a person with
    that word elsewhere as a proper noun (the tagger also reads "Trump" as a verb)."""
    if token.pos_ in ("PROPN", "NOUN"):
        return False
    word = strip_possessive(token.text)
    return not any(t.pos_ == "PROPN" and strip_possessive(t.text) == word
                   for e in doc_ents(token.doc) if e.label_ == "PERSON" for t in e)


def _surname_elsewhere(span: SpacySpan, token: Token) -> bool:
    """A word that ends another person's name in the article and is no first name ("Sanders"
    of Bernie Sanders; not "Boram" of "Boram Brian Kim")."""
    return not is_first_name(token.text) and any(
        e.label_ == "PERSON" and e.start != span.start and len(e) > 1
        and strip_possessive(e[-1].text) == token.text for e in doc_ents(token.doc))


def _part_of_a_title(token: Token) -> bool:
    """A first name after a capitalised common word inside a sentence is the end of a
    title ("the 1994 Crime Bill"), not a person called by the first name."""
    doc = token.doc
    if token.i == 0 or not is_first_name(token.text):
        return False
    before = doc[token.i - 1]
    return before.text[:1].isupper() and before.pos_ in ("PROPN", "NOUN", "ADJ") \
        and not before.is_sent_start and not doc[before.i - 1].is_punct \
        and before.lower_.rstrip(".") not in TITLE_WORDS and before.lower_ not in ROLE_WORDS \
        and before.ent_type_ != "PERSON" and is_common_word(before)


def _before_a_name_card(span: SpacySpan, tokens: list[Token]) -> list[Token]:
    """A linked name some sites follow with the person's full legal name, glued to the next
    headline: "President Trump Donald John TrumpKamala Harris calls...", "Sen. Tom Cotton
    Thomas (Tom) Bryant CottonTom Cotton's..." -> "Trump", "Tom Cotton". Where the glued word
    ends the card inside the span and repeats no earlier word, what follows it is kept."""
    doc = span.doc
    glued = next((t for t in doc[span.start:min(len(doc), span.end + 8)]
                  if _glued(t.text)), None)
    if glued is None:
        return tokens
    surname = _GLUED.match(glued.text).group(1)
    for i, token in enumerate(tokens):
        if token.i < glued.i and token.text == surname:
            return tokens[:i + 1]
    return [t for t in tokens if t.i > glued.i] if glued.i < span.end else tokens


def _words_before_the_name(tokens: list[Token]) -> int:
    """How many leading words are no part of a name before a first name and a surname: a
    modal or verb a question or headline starts with and common words ("Will Paul Ryan
    remain", "Endorses Donald Trump", "Meet Paul Ryan's mom", "Uncle Joe Biden", "Emeritus
    Barack Obama"). 0 when a leading word may be a name ("Rand Paul Smith", "Park Geun-hye")."""
    for k in range(1, len(tokens) - 1):
        word = tokens[k - 1]
        if not (word.tag_ == "MD" or word.is_alpha and len(word) > 1
                and is_common_word(word)):
            return 0  # not an initial ("J. Joe Ricketts")
        if is_first_name(tokens[k].text):
            return 0 if _joined(tokens[k + 1]) else k  # not "Park Geun-hye"
    return 0


def _before_a_joined_name(span: SpacySpan, tokens: list[Token]) -> list[Token]:
    """A name ends at a hyphen when the word before it is written elsewhere in the article as
    a person's name on its own and the part after it is no name or another person's: "the
    Donald Trump-Kim summit", "Donald Trump-related", "Bernie-lite" ("Holtz-Eakin", "Ban
    Ki-moon" and "Gustavo Flores-Macías" beside a Mr. Flores stay whole)."""
    if not any(token.text in ("-", "‐") for token in tokens):
        return tokens  # most names: no need to collect the article's people for each
    doc = span.doc
    people = [e for e in doc_ents(doc) if e.label_ == "PERSON" and e.start != span.start]
    alone = {strip_possessive(e[-1].text) for e in people
             if e.end == len(doc) or not _joined(doc[e.end])}
    others = {strip_possessive(t.text) for e in people for t in e}
    for i, token in enumerate(tokens[1:], 1):
        if token.text in ("-", "‐") and _joined(token) and tokens[i - 1].text in alone:
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if after is None or after.is_lower or after.text in others:
                return tokens[:i]
    while len(tokens) > 1 and tokens[-1].text in ("-", "‐"):
        tokens = tokens[:-1]  # a hyphen left after its word was cut ("Trump-related")
    return tokens


def _before_a_repeated_name(tokens: list[Token]) -> list[Token]:
    """A linked name followed by the same person's full legal name and the next headline, not
    glued ("Speaker Paul Ryan Paul Davis Ryan Retirees should say ..." -> "Paul Ryan"): the
    name ends before its first word comes back after a word that comes back too."""
    words = [t.text for t in tokens]
    for j in range(2, len(words)):
        if words[j] == words[0] and words[j - 1] in words[j + 1:]:
            return tokens[:j]
    return tokens


_PAGEANTS = {"universe", "world", "america", "usa", "earth", "international", "teen"}


def _pageant(tokens: list[Token], before: Token | None) -> bool:
    """'Miss Universe', 'Miss Teen USA': the crown, after 'Miss' or inside the span."""
    words = [t.lower_ for t in tokens]
    if before is not None and before.lower_ == "miss":
        words = ["miss", *words]
    return len(words) >= 2 and words[0] == "miss" and all(w in _PAGEANTS for w in words[1:])


def person_name_span(span: SpacySpan) -> SpacySpan | None:
    """The tokens of a tagged PERSON span that are one person's name, or None when the span
    names a group, an organisation or nothing at all."""
    doc = span.doc
    tokens = list(span)
    if not tokens:
        return None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in GROUP_NOUNS:
        return None  # "Trump supporters", "the Clinton campaign"
    if tokens[-1].lower_ in GROUP_NOUNS or not is_first_name(tokens[0].text) \
            and any(t.lower_ in GROUP_NOUNS for t in tokens[1:-1]):
        return None  # "Trump Tower", "Obama White House"
    if len(tokens) == 1 and (strip_possessive(tokens[0].lower_) in GROUPS
                             or tokens[0].tag_ in ("NNS", "NNPS")):
        return None  # "Latinos", "Scholars have long debated"
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in ("v.", "vs.", "v"):
        return None  # a court case: "Plessy v. Ferguson"
    if _pageant(tokens, before):
        return None  # "a former Miss Universe": a title, not a person
    if before is not None and before.lower_ in _COMPASS and len(tokens) == 1:
        return None  # a region: "northern Mali"
    if len(tokens) == 1 and before is not None and before.lower_ in ("the", "a", "an") \
            and not is_first_name(tokens[0].text) \
            and (after is None or after.pos_ not in ("NOUN", "PROPN")):
        return None  # "the Clintons", "the Misogamy and ..."; not "the Donald", "an Obama veto"
    if len(tokens) == 1 and (_not_a_noun(tokens[0]) or _part_of_a_title(tokens[0])):
        return None  # "Beehive freeze-dried food", "Whichever", "the 1994 Crime Bill"
    if _in_quoted_title(span) or _employer(span) or before is not None and before.text == "#":
        return None  # ... and a hashtag ("#MeToo")
    # a title inside the span: the name starts after it ("Vermont Sen. Bernie Sanders")
    for i in range(len(tokens) - 2, -1, -1):
        if _title_at(tokens[i]) and _name_like(tokens[i + 1]):
            tokens = tokens[i + 1:]
            break
    tokens = _before_a_name_card(span, tokens)
    tokens = _before_a_repeated_name(tokens)
    while tokens and tokens[0].lower_ in PAGE_WORDS:
        tokens.pop(0)  # "REUTERS Obama", "Getty McCain", "File Photo", "CLOSE Donald Trump"
    tokens = _longest_run(tokens) if tokens else tokens
    deduped: list[Token] = []
    for token in tokens:  # "X Y Y": a word repeated by a layout glitch
        if not deduped or deduped[-1].lower_ != token.lower_:
            deduped.append(token)
    tokens = deduped
    if len(tokens) > 2 and all(t.is_alpha for t in tokens) and is_first_name(tokens[1].text) \
            and _surname_elsewhere(span, tokens[0]):
        tokens = tokens[1:]  # a list run together: "... lead over Sanders Elizabeth Warren"
    tokens = tokens[_words_before_the_name(tokens):]
    while len(tokens) > 1 and _is_verb_or_noun(tokens[-1]):
        tokens.pop()  # "Obama Says", "Clinton Plan"
    tokens = _before_a_joined_name(span, tokens)
    while len(tokens) > 1 and _descriptor(tokens[0]) \
            and (len(tokens) > 2 or is_first_name(tokens[1].text) or tokens[0].pos_ == "ADJ"
                 or tokens[0].lower_.endswith(_ADJECTIVE_ENDINGS)):
        tokens.pop(0)  # "Crooked Hillary Clinton", "Kentuckian Mitch McConnell"
    while tokens and (tokens[0].lower_ in PARTICLES and not is_first_name(tokens[0].text)
                      or tokens[0].lower_.rstrip(".") in SUFFIXES
                      or is_honorific(tokens[0].text)):
        tokens.pop(0)  # not a first name that is also a particle ("Al Gore", "Van Jones")
    if not tokens or not any(t.text[:1].isupper() and t.text.rstrip(".").isalpha()
                             and len(t.text.rstrip(".")) > 1 for t in tokens):
        return None
    if len(tokens) > 1 and (all(is_common_word(t) for t in tokens) or _place_words(tokens)):
        return None  # "Squawk Box", "Living History", "Morning Consult", "N. Korea"
    if len(tokens) == 1 and (tokens[0].lower_ in TRAILING_NOT_NAMES | GROUP_NOUNS
                             or tokens[0].tag_ in ("NNS", "NNPS")
                             or tokens[0].text.rstrip(".").lower() in TITLE_WORDS | _JOB_TITLES
                             or tokens[0].lower_.endswith("ism")):
        return None  # ... and a doctrine ("Trumpism")
    while len(tokens) > 1 and tokens[-1].text.rstrip(".").lower() in TITLE_WORDS | _JOB_TITLES \
            and tokens[-1].lower_ not in _NOT_NAME_TITLES:
        tokens.pop()  # "Charlotte Mayor": a title after a place
        if len(tokens) == 1:
            return None
    return doc[tokens[0].i:tokens[-1].i + 1]


def person_tagged_as_org(ent: SpacySpan) -> bool:
    """A two-word name the tagger called an organisation that is a person's ("Lester Holt"
    of NBC): a first name, then a capitalised word that is no English word and no particle
    or organisation word ("Al Qaeda", "Edison Research", "Sandy Hook", "Turner
    Broadcasting" are not), and nowhere in the article does the name head an organisation:
    it is never the place of "at" nor a modifier of a noun ("Morgan Stanley analysts")."""
    if ent.label_ != "ORG" or len(ent) != 2:
        return False
    first, last = ent[0], ent[1]
    if not all(t.pos_ == "PROPN" and t.is_alpha and t.is_title for t in ent) \
            or first.lower_ in PARTICLES or not is_first_name(first.text) \
            or is_common_word(last) or last.lower_ in GROUP_NOUNS:
        return False
    doc = ent.doc
    for other in doc_ents(doc):
        if other.text != ent.text:
            continue
        after = doc[other.end] if other.end < len(doc) else None
        before = doc[other.start - 1] if other.start > 0 else None
        if before is not None and before.lower_ == "at" or after is not None and (
                after.pos_ in ("NOUN", "PROPN") or after.lower_ in GROUP_NOUNS) \
                or other.root.dep_ == "compound":
            return False
    return True


def looks_like_a_person(span: SpacySpan) -> bool:
    """Whether a proper-noun phrase the tagger did not call a person ('Zero Hedge reported',
    'Rasmussen found') may still be one: a personal name whose first word is a first name."""
    name = person_name_span(span)
    return name is not None and is_first_name(name[0].text)
