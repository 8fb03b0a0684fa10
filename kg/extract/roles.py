"""Roles: job titles before a name ("Russian President Vladimir Putin") and in an apposition
("Rich Greenfield, a media analyst at BTIG Research"), with the affiliation the text gives.

A role is a noun phrase whose head is a role word; whether it makes the person an official
depends on the words: office holders, candidates for public office and spokespeople are;
former holders, analysts, and the presidents and directors of companies, unions, parties and
think tanks are not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.doctext import doc_ents, doc_text
from kg.extract.lexicon import english_words, is_only_a_verb
from kg.extract.names import PAGE_WORDS, TITLE_WORDS
from kg.extract.offices import PAST, is_candidacy, title_keys

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

ROLE_WORDS = {
    "president", "secretary", "senator", "sen.", "sen", "representative", "rep.", "rep",
    "congressman", "congresswoman", "lawmaker", "governor", "gov.", "mayor", "minister",
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "director",
    "chief", "leader", "speaker", "ambassador", "attorney", "general", "judge", "justice",
    "official", "adviser", "advisor", "aide", "strategist", "manager", "analyst", "candidate",
    "nominee", "ceo", "founder", "editor", "reporter", "correspondent", "columnist",
    "commentator", "host", "anchor", "professor", "economist", "pollster", "chancellor",
    "premier", "prosecutor", "commissioner", "sheriff", "counsel", "lawyer", "administrator",
    "deputy", "vice", "head", "executive", "officer", "staff", "whip", "treasurer", "veteran",
    "activist", "expert", "researcher", "fellow", "writer", "author", "producer", "surrogate",
    "running", "mate", "hopeful", "challenger", "incumbent", "king", "queen", "prince",
    "commander", "lt.", "colonel", "admiral", "sergeant", "mogul", "businessman",
    "businesswoman", "billionaire", "press", "lady", "sens.", "reps.",
}
OFFICE_WORDS = {
    "president", "secretary", "senator", "sen.", "sen", "representative", "rep.", "rep",
    "congressman", "congresswoman", "lawmaker", "governor", "gov.", "mayor", "minister",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "attorney", "judge", "justice",
    "official", "chancellor", "premier", "prosecutor", "commissioner", "sheriff", "speaker",
    "whip", "king", "queen", "commander", "admiral", "general", "leader", "administrator",
    "director", "chairman", "chairwoman", "sens.", "reps.", "chief", "head", "officer",
}
NOT_OFFICE = {"former", "analyst", "ex", "late", "then", "would-be", "retired", "onetime",
              "one-time", "emeritus"}
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "press"}
# Leadership words that are an office only in government: "President Obama", "Oversight
# Chairman", "police chief", but not a union's president or a think tank's director.
GENERIC_HEADS = {"president", "director", "chairman", "chairwoman", "chair", "chief", "leader",
                 "head", "administrator", "commissioner", "officer", "official"}
GOVERNMENT_WORDS = {"u.s.", "us", "federal", "white", "senate", "house", "congressional",
                    "police", "court", "department", "agency", "fbi", "cia", "state", "city",
                    "county", "oversight", "committee", "panel", "majority", "minority",
                    "government", "pentagon", "intelligence", "justice", "homeland", "security",
                    "defense", "treasury", "foreign", "criminal", "division", "national"}
PRIVATE_WORDS = {"party", "executive", "research", "foundation", "institute", "union",
                 "university", "college", "company", "campaign", "group", "association",
                 "council", "center", "coalition", "corporation", "network", "news", "league"}
_STOP_DEPS = {"det", "poss", "punct", "cc", "case", "prep", "nummod"}
_QUOTE_MARKS = "\"“”‘’'"
_MONARCHS = {"king", "queen", "prince", "princess", "czar", "tsar", "emperor", "sultan"}
_LEGISLATURES = {"congress", "house", "senate", "parliament"}
# Offices named with their portfolio: "Secretary of State", "minister of finance".
_PORTFOLIO_HOLDERS = {"secretary", "minister", "secretaries", "ministers"}
# Nouns that name a body, not a field ("secretary of the Democratic National Committee").
_BODY_NOUNS = PRIVATE_WORDS | {"committee", "commission", "board", "department", "ministry",
                               "agency", "office", "bureau", "administration", "cabinet"}


@dataclass(frozen=True)
class Role:
    job_title: str
    official: bool
    affiliation: SpacySpan | None  # the organisation entity the title names, if any


def _is_role_word(token: Token) -> bool:
    return token.lower_ in ROLE_WORDS or _front_runner(token)


def _inner_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside a word ("front-runner"), which the tokenizer splits off."""
    return doc[i].text == "-" and not doc[i].whitespace_ and i > 0 \
        and not doc[i - 1].whitespace_ and doc[i - 1].is_alpha


def _front_runner(token: Token) -> bool:
    """"front-runner", which the tokenizer splits into three ("front", "-", "runner")."""
    return token.lower_ in ("runner", "frontrunner") and (
        token.lower_ == "frontrunner"
        or token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "front")


def _official(words: list[str], private_affiliation: bool = False) -> bool:
    """An office holder, a candidate for public office or a spokesperson, in office now."""
    lower = [w.lower() for w in words]
    if any(w in NOT_OFFICE for w in lower):
        return False
    if set(lower) & SPOKESPEOPLE or is_candidacy(" ".join(words)):
        return True
    offices = [w for w in lower if w in OFFICE_WORDS]
    if not offices:
        return False
    if all(w in GENERIC_HEADS for w in offices):
        if private_affiliation or set(lower) & PRIVATE_WORDS:
            return False
        # a formal title in capitals ("Russian President") or a government word
        return bool(set(lower) & GOVERNMENT_WORDS) or all(w[:1].isupper() for w in words)
    return not private_affiliation


def _portfolio(doc: Doc, of: int, end: int) -> bool:
    """'of' and the words up to ``end`` name the portfolio of the office word before 'of'
    ("Secretary of State", "secretary of homeland security", "Secretary of the Treasury"):
    ordinary English words, part of the office's name and no organisation it works for (the
    tagger's ORG "State" is not one; "secretary of the Democratic National Committee" is)."""
    return of > 0 and doc[of].lower_ == "of" and doc[of - 1].lower_ in _PORTFOLIO_HOLDERS \
        and _field_words(doc[of + 1:end])


def _field_words(tokens: SpacySpan) -> bool:
    """One to three ordinary English words, none naming a body: a field of government."""
    words = [t for t in tokens if t.lower_ not in ("the", "and") and not t.is_punct]
    return 0 < len(words) <= 3 and all(t.lower_ in english_words(t.vocab)
                                       and t.lower_ not in _BODY_NOUNS for t in words)


def _org_in(doc: Doc, start: int, end: int) -> SpacySpan | None:
    for ent in doc_ents(doc):
        if ent.start >= start and ent.end <= end and ent.label_ in ("ORG", "FAC"):
            return ent
    return None


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop determiners, possessives and punctuation from the edges of a title."""
    while start < end and (doc[start].dep_ in _STOP_DEPS or doc[start].is_punct
                           or doc[start].lower_ in {"the", "a", "an"}):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].dep_ == "case"):
        end -= 1
    return start, end


def _title_inside(doc: Doc, i: int) -> bool:
    """Whether a word the tagger put into a PERSON entity belongs to a title before the name
    ("Vermont" in "Vermont Sen. Bernie Sanders"): a role word follows it in the entity."""
    j = i + 1
    while j < len(doc) and doc[j].ent_type_ == "PERSON":
        if _is_role_word(doc[j]) or doc[j].text.rstrip(".").lower() in TITLE_WORDS:
            return True
        j += 1
    return False


def _opens_sentence(doc: Doc, i: int) -> bool:
    """The first word of a sentence, a line, or what follows a colon or an opening quote."""
    j = i - 1
    while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1
    return doc[i].is_sent_start or j < 0 or doc[j].is_space \
        or doc[j].text in (":", "(", '"', "“", "—", "–")


_ARGUMENTS = {"pobj", "dobj", "iobj", "nsubj", "nsubjpass"}
# what makes "a ... President X" an office someone may hold one day, not a great president
_LIKELY = {"likely", "possible", "potential", "probable", "prospective", "future",
           "hypothetical", "eventual", "would-be"}
# ... and those that make it one without an article ("Hypothetical President Cruz")
_HYPOTHETICAL = {"hypothetical", "possible", "potential", "prospective", "would-be"}


def _in_hyphenated_word(doc: Doc, i: int) -> bool:
    """A part of a word the tokenizer split at a hyphen ("co", "-", "host" of "co-host")."""
    return _inner_hyphen(doc, i) or i + 1 < len(doc) and _inner_hyphen(doc, i + 1) \
        or i > 0 and _inner_hyphen(doc, i - 1)


def _leading_adverb(doc: Doc, i: int) -> bool:
    """An adverb before a title that is none of it ("Even President", "already a
    front-runner"); not "then" or "former", nor part of a hyphenated word ("rough-hewed")."""
    return doc[i].pos_ == "ADV" and doc[i].lower_ not in PAST \
        and not _in_hyphenated_word(doc, i)


# Participles that name a function in a title ("acting director", "managing editor") or say
# the office is over ("ousted Ukrainian president"), not a judgement of the person ("a
# rough-hewed candidate", "a well-known activist").
_TITLE_PARTICIPLES = {"acting", "managing", "presiding", "ranking", "founding", "visiting",
                      "running", "retired", "elected", "governing", "commanding",
                      "contributing", "consulting", "supervising", "serving", "ousted",
                      "deposed", "defeated", "exiled"}


def _judgement_end(doc: Doc, start: int, end: int) -> int:
    """Where a title goes on after a judgement of the person opening it: a participle or a
    word hyphenated onto one ("a rough-hewed candidate", "a hard-charging prosecutor", "a
    well-known activist"; not "acting director"), or an adjective after an adverb of degree
    ("a deeply unpopular nominee"); ``start`` when there is none."""
    stop = start
    while stop + 1 < end and _inner_hyphen(doc, stop + 1):
        stop += 2  # the last part of a hyphenated word ("rough - hewed")
    word = doc[stop]
    if stop + 1 >= end or word.lower_ in _TITLE_PARTICIPLES or _is_role_word(word):
        return start
    if word.tag_ in ("VBN", "VBG") and word.dep_ == "amod":
        return stop + 1
    if word.pos_ == "ADJ" and start > 0 and doc[start - 1].pos_ == "ADV" \
            and doc[start - 1].head == word and stop == start:
        return stop + 1
    return start


_MODALS = {"would", "could", "might"}


def _counterfactual(person: SpacySpan) -> bool:
    """The subject of what would be (or have been) so were a condition true that is not ("If
    Obama and Joe Biden had abruptly resigned ..., could President John Boehner have strung
    together ...", "if she were elected, President Clinton would ..."): a title the person
    holds only in that clause. Only this mention loses it."""
    subject = person.root
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = subject.head
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children) \
        and any(c.dep_ == "advcl" and _unreal(c) for c in verb.children)


def _unreal(clause: Token) -> bool:
    """An 'if' clause (or one inverted, "Had Obama resigned") in the past perfect or with
    "were": a condition the writer knows to be false."""
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    auxes = [c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")]
    opens = clause.left_edge.lower_
    if not ("if" in marks or not marks and opens in ("had", "were")):
        return False
    return clause.tag_ == "VBN" and "had" in auxes or clause.lower_ == "were" or "were" in auxes


def _through_a_clause(word: Token, root: Token) -> bool:
    """Whether ``word`` governs the name only through a clause the name is in ("the same
    mistake President Barack Obama did": the mistake is what the clause is about)."""
    token = root
    while token != word and token.head != token:
        if token.dep_ in ("relcl", "acl"):
            return True
        token = token.head
    return False


def _title_start(doc: Doc, start: int, end: int, person: SpacySpan) -> int:
    """Where the title proper starts, after words glued before it that the name does not
    govern: a web page's furniture ("AFP Image caption President", "Facebook Twitter
    Pinterest President", "CLOSE President", "Credit Texas Sen."), the object or subject of
    a word before the title ("his first address to Congress US Sen. John McCain", "among the
    Democratic candidates only former Vice President Joe Biden", "make the same mistake
    President Barack Obama did"), a leading adverb ("Even
    President", "only former Vice President"; not "then"), a judgement ("rough-hewed
    candidate"), and the verb of an imperative opening the sentence ("Derail President
    Barack Obama's ambition")."""
    for k in range(end - 2, start - 1, -1):
        if doc[k].lower_ in PAGE_WORDS and (doc[k].text[:1].isupper()
                                            or doc[k].lower_ in ("caption", "copyright")):
            start = k + 1  # capitalised, as furniture is ("Associated Press video producer")
            break
    for k in range(end - 2, start - 1, -1):
        if doc[k].dep_ in _ARGUMENTS and not start <= doc[k].head.i < person.end \
                and not _in_hyphenated_word(doc, k) \
                and (not doc[k].is_ancestor(person.root) or doc[k].tag_ == "NNS"
                     or _through_a_clause(doc[k], person.root)):
            start = k + 1  # "to Congress US Sen.": "Congress" is the object of "to"
            break  # (a title word the parse makes the name's head is still the title's)
    while end - start > 1 and _leading_adverb(doc, start):
        start += 1
    start = _judgement_end(doc, start, end)
    first = doc[start]
    if end - start > 1 and _opens_sentence(doc, start) and not first.ent_type_ \
            and not _is_role_word(first) and is_only_a_verb(first):
        start += 1
    return start


def _dates_the_office(token: Token) -> bool:
    """A word that says the office is over, though the tagger reads it as a verb ("retired
    Air Force general"); not a verb with a subject of its own ("he retired Army officer X")."""
    return token.lower_ in PAST and not any(c.dep_ in ("nsubj", "nsubjpass")
                                            for c in token.children)


def _title_bounds(doc: Doc, person: SpacySpan) -> tuple[int, int, int | None]:
    """The words before the name that may be its title, and where an office's portfolio
    starts in them ("Secretary of State John Kerry"), if it has one."""
    start = person.start
    of = None  # where the office's portfolio starts ("Secretary of State John Kerry")
    while start > 0:
        token = doc[start - 1]
        if token.is_space and "\n" not in token.text:  # a no-break space inside a title
            start -= 1
            continue
        if of is None and _portfolio(doc, start - 1, person.start):
            of = start - 1
            start -= 1
            continue
        # a title never crosses a sentence end ("Sen." keeps its period inside the token)
        if token.is_space or token.is_punct and not _inner_hyphen(doc, start - 1) \
                or token.dep_ in ("det", "poss", "case") \
                or (token.pos_ in ("VERB", "AUX", "ADP", "PRON", "SCONJ", "CCONJ", "NUM", "PART")
                    and token.ent_type_ not in ("GPE", "ORG", "NORP")
                    and not _dates_the_office(token)
                    and not (token.lower_ == "running" and doc[start].lower_ == "mate")) \
                or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY") \
                or (token.ent_type_ == "PERSON" and not _is_role_word(token)
                    and token.text.rstrip(".").lower() not in TITLE_WORDS
                    and (start - 1 == 0 or doc[start - 2].ent_type_ != "PERSON"
                         or not _title_inside(doc, start - 1))) \
                or token.lower_ in {"the", "a", "an", "said", "says"}:
            break
        start -= 1
    start, end = _trim(doc, start, person.start)
    return start, end, of


def _hypothetical(doc: Doc, start: int, end: int, person: SpacySpan) -> int | None:
    """Where the formal title of an office someone may hold one day starts: after an
    indefinite article ("what a President Hillary Clinton would do", "a likely President
    X"), a word that says so ("Hypothetical President Cruz would ..."), or before a choice of
    people ("the decision that President Cruz or Trump would have to make": one title over
    alternatives); None for an office held ("a great Democratic President Franklin Delano
    Roosevelt")."""
    formal = start  # the formal title after a qualifier of likelihood ("a likely President")
    while formal < end and doc[formal].lower_ in _LIKELY:
        formal += 1
    if formal >= end or not all(t.text[:1].isupper() for t in doc[formal:end] if t.is_alpha):
        return None
    if start >= 1 and doc[start - 1].lower_ in ("a", "an") \
            or any(t.lower_ in _HYPOTHETICAL for t in doc[start:formal]) \
            or _one_of(doc, formal, end, person):
        return formal
    return None


def _one_of(doc: Doc, formal: int, end: int, person: SpacySpan) -> bool:
    """One presidency over alternatives with no title of their own: "President Cruz or
    Trump" (not "President Obama or Vice President Biden", "Former President Bill Clinton or
    Hillary", nor "Gov. Scott Walker or Jeb Bush", where each holds or held an office of his
    own)."""
    after = person.end
    return title_keys(doc[formal:end].text) == {"president"} and after + 2 < len(doc) \
        and not any(t.lower_ in PAST for t in doc[formal:end]) \
        and doc[after].lower_ == "or" and doc[after + 1].ent_type_ == "PERSON" \
        and doc[after + 2].ent_type_ != "PERSON" and doc[after + 1].pos_ == "PROPN"


def hypothetical_office(doc: Doc, person: SpacySpan) -> frozenset[str]:
    """The office words of a title this mention holds only in a hypothetical ("a President
    Cruz would ..."): the article's other mentions of the person with that title ("President
    Ted Cruz (for example) would have the authority") are no role either."""
    start, end, _ = _title_bounds(doc, person)
    formal = _hypothetical(doc, start, end, person)
    if formal is None:
        return frozenset()
    return title_keys(doc_text(doc)[doc[formal].idx:doc[end - 1].idx + len(doc[end - 1])])


def _no_modifier(doc: Doc, start: int) -> bool:
    """A name of no place, party or organisation between an article and a formal title
    ("The DREAMer President Barack Obama highlighted ...": the DREAMer he highlighted):
    what modifies an office in its title is a place, a nationality, a party, a body or a
    word of government or of an office, not a kind of person."""
    word = doc[start]
    return start > 0 and doc[start - 1].lower_ in ("the", "a", "an") \
        and word.pos_ == "PROPN" and not word.ent_type_ and word.text[:1].isupper() \
        and _is_role_word(doc[start + 1]) and doc[start + 1].text[:1].isupper() \
        and not _is_role_word(word) and word.text.rstrip(".").lower() not in TITLE_WORDS \
        and word.lower_ not in GOVERNMENT_WORDS | _BODY_NOUNS | _LEGISLATURES


def prefix_role(doc: Doc, person: SpacySpan) -> Role | None:
    """A title written just before the name: 'White House press secretary Sarah Sanders'."""
    start, end, of = _title_bounds(doc, person)
    if start >= 1 and doc[start - 1].tag_ == "TO" and end - start > 1 and doc[start].is_lower:
        start += 1  # "to mock special counsel Robert Mueller": the infinitive's verb
    if _hypothetical(doc, start, end, person) is not None or _counterfactual(person):
        return None
    if start >= 2 and doc[start - 1].lower_ == "the" and doc[start - 2].lower_ in ("to", "of",
                                                                                    "for"):
        return None  # "counselor to the president Kellyanne Conway": someone else's office
    # a plural noun before a formal title ends other text ("2016 presidential candidates Vice
    # President"), unlike one inside a title ("civil rights leader")
    for k in range(end - 2, start - 1, -1):
        if doc[k].tag_ == "NNS" and doc[k].is_lower and doc[k + 1].text[:1].isupper():
            start = k + 1
            break
    start = _title_start(doc, start, end, person)
    if end - start > 1 and _no_modifier(doc, start):
        start += 1
    while end - start > 1 and doc[start].lower_ in _LEGISLATURES \
            and doc[start + 1].lower_ in _LEGISLATURES:
        start += 1  # "address to Congress House Minority Leader": a title names one chamber
    if end - start > 2 and doc[start].lower_ == "running" and doc[start + 1].lower_ == "mate":
        start += 2  # "his running mate presidential nominee Donald Trump": two roles glued
    while end - start > 1 and doc[start].is_lower and not _is_role_word(doc[start]) \
            and doc[start].lower_ not in PAST and (
                doc[start + 1].text[:1].isupper()
                or doc[start].pos_ == "NOUN" and doc[start + 1].lower_ in PAST):
        start += 1  # a stray noun before a formal title ("the way Sen. Bernie Sanders") or
        # before "former" ("this committee's investigation former Secretary of State X")
    if end - start > 1 and doc[end - 1].text.endswith(".") and _is_role_word(doc[end - 2]):
        end -= 1  # "nominee Sen. Tim Kaine": the honorific is not part of the job title
    head = of - 1 if of is not None and start < of else end - 1
    if start >= end or not _is_role_word(doc[head]):
        return None
    # a quote glued to the title's first word ("off.”Vice President") is not part of it
    words = [t.text.lstrip(_QUOTE_MARKS) for t in doc[start:end] if not t.is_space]
    if len(words) == 1 and words[0].rstrip(".").lower() in {"mr", "mrs", "ms", "dr"}:
        return None
    affiliation = _org_in(doc, start, head + 1)
    if affiliation is not None and affiliation.end == head \
            and doc[head].lower_ in _PORTFOLIO_HOLDERS and _field_words(affiliation):
        affiliation = None  # "Justice Minister", "Home Secretary": the office's portfolio
    title = " ".join(doc_text(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1])].split())
    return Role(title.lstrip(_QUOTE_MARKS), _official(words), affiliation)


def _figure_of_speech(word: Token) -> bool:
    """A monarch's word reigns over a place, and is otherwise a figure of speech ("Joe
    Biden, the king of the moderates"; not "Abdullah II, the king of Jordan")."""
    if word.lower_ not in _MONARCHS:
        return False
    return not any(t.ent_type_ in ("GPE", "LOC", "NORP") for prep in word.children
                   if prep.dep_ == "prep" and prep.lower_ == "of" for t in prep.subtree)


def apposition_role(doc: Doc, person: SpacySpan) -> Role | None:
    """A role in an apposition: 'Rich Greenfield, a media analyst at BTIG Research'."""
    head = person.root
    for child in head.children:
        if child.dep_ != "appos" or child.i < person.end or not _is_role_word(child) \
                or _figure_of_speech(child):
            continue
        left = min(t.i for t in child.subtree)
        start, end = _trim(doc, left, child.i + 1)
        while start < end - 1 and (doc[start].lower_ in ("a", "an", "the")
                                   or _leading_adverb(doc, start)):
            start += 1  # "Paul Ryan, already a front-runner"
        start = _judgement_end(doc, start, end)  # "a rough-hewed candidate"
        if start >= end or end - start > 8:
            continue
        affiliation = None
        for prep in child.children:
            right = max(t.i for t in prep.subtree) + 1
            if prep.i == end and _portfolio(doc, prep.i, right):
                end = right  # "the former secretary of state": the office's name
            elif prep.dep_ == "prep" and prep.lower_ in ("at", "of", "for", "with"):
                affiliation = _org_in(doc, prep.i + 1, right)
        if affiliation is None:
            affiliation = _org_in(doc, start, child.i + 1)
        words = [t.text for t in doc[start:end]]
        title = doc_text(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1])]
        return Role(title, _official(words), affiliation)
    return None


def role_of(doc: Doc, person: SpacySpan) -> Role | None:
    """The role the text gives a person at this mention, if any."""
    return prefix_role(doc, person) or apposition_role(doc, person)
