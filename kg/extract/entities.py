"""Entity mentions: people, organisations, government bodies, outlets and places,
clustered within an article so that every name variant of one person is one entity.

People are clustered by name (kg.extract.names): a surname or a first name alone joins the
one person the article names in full; a surname shared by two people the text shows
(Bill and Hillary Clinton) goes to the one the article mentions most. Outlets come from the
curated alias table (kg.extract.outlets), which also decides "the Times".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kg.extract import first_names, names, person_names
from kg.extract.doctext import doc_ents, doc_text
from kg.extract.offices import DOCTOR, title_keys
from kg.extract.outlets import outlet_name, outlet_spans
from kg.extract.records import Entity, EntityKind, EntityRef, Span
from kg.extract.roles import Role, hypothetical_office, role_of
from kg.extract.table import EntityTable

_GOV_NAMES = {
    "white house", "congress", "senate", "house", "house of representatives", "pentagon",
    "kremlin", "fbi", "cia", "nsa", "supreme court", "cabinet", "downing street",
    "secret service", "federal reserve", "justice department", "state department",
    "defense department", "treasury", "epa", "irs", "dhs", "doj", "white house counsel",
    "department of justice", "department of state", "homeland security", "u.s. senate",
    "u.s. house", "u.s. congress", "oval office", "national security council", "nato",
    "united nations", "u.n.", "european union", "european commission", "gao", "cbo",
    "federal bureau of investigation", "central intelligence agency", "capitol police",
    "census bureau", "veterans affairs", "va", "fda", "cdc", "sec", "fcc", "ftc", "nasa",
}
_GOV_PATTERN = re.compile(
    r"^(?:u\.s\. )?(?:department of|ministry|ministry of|office of)\b|"
    r"\b(?:department|ministry|parliament|administration|supreme court)$|"
    r"^(?:house|senate) [\w ]*committee$")
_PLACE_ALIASES = {
    **dict.fromkeys(["u.s.", "u.s", "us", "usa", "u.s.a.", "america", "united states",
                     "the united states"], "United States"),
    **dict.fromkeys(["uk", "u.k.", "u.k", "britain", "great britain"], "United Kingdom"),
}
_NOT_PEOPLE = {"twitter", "facebook", "instagram", "youtube", "obamacare", "god", "google",
               "snapchat", "reddit", "medicaid", "medicare", "uncle sam", "jim crow", "brexit"}
_NOT_ORGS = {"op-ed", "op-eds", "oped"}
# A lawmaker's party and home after the name ("Marcia Price (D-Newport News)", "R-Wis."): a
# note about that person, never an organisation or place.
_PARTY_NOTE = re.compile(r"(?:[DRI]|Dem|Rep|Ind)\.? ?-[A-Z]")
_KIND_BY_LABEL: dict[str, EntityKind] = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
}
_STRIP = " ,.;:\"'“”‘’()[]"


def gov_body(name: str) -> bool:
    """Whether an organisation name is a government body ('White House', 'State Department')."""
    low = name.lower()
    return low in _GOV_NAMES or bool(_GOV_PATTERN.search(low))


def clean_org(text: str) -> str:
    """An organisation name without a leading 'the', possessive or punctuation."""
    name = names.strip_possessive(text.replace("\n", " ").strip(_STRIP)).strip(_STRIP)
    if name.lower().startswith("the ") and len(name) > 4:
        name = name[4:]
    return name


def org_ref(text: str) -> EntityRef | None:
    """The entity an organisation's surface form names: an outlet, a government body or an
    organisation."""
    if outlet := outlet_name(text):
        return EntityRef("outlet", outlet)
    name = clean_org(text)
    if not name:
        return None
    return EntityRef("gov" if gov_body(name) else "org", name)


@dataclass
class _PersonMention:
    span: Span
    name: str  # cleaned
    surface: str  # as written, with an honorific if one precedes
    role: Role | None
    honorific: str | None = None  # 'm' or 'f' from Mr./Mrs./Ms. before the name
    doctor: bool = False  # "Dr." before the name: evidence like a title
    couple: bool = False  # "President and Mrs. Trump", "Mr. and Mrs. Clinton"
    hypothetical: frozenset[str] = frozenset()  # office words of "a President Cruz"

    @property
    def titles(self) -> frozenset[str]:
        keys = title_keys(self.role.job_title if self.role else None)
        return keys | {DOCTOR} if self.doctor else keys


@dataclass
class _Cluster:
    names: list[str] = field(default_factory=list)
    mentions: list[_PersonMention] = field(default_factory=list)

    @property
    def longest(self) -> str:
        return max(self.names, key=lambda n: (len(names.name_words(n)), len(n)))

    @property
    def gender(self) -> str | None:
        """From an honorific the text gives, else from the first name."""
        for mention in self.mentions:
            if mention.honorific:
                return mention.honorific
        words = names.name_words(self.longest)
        # the project's first names only: an honorific the text writes ("Ms. Omar") outweighs
        # gender-guesser's reading of a foreign first name ("Ilhan": male)
        return first_names.first_name_gender(words[0], guess=False) if len(words) > 1 else None

    @property
    def titles(self) -> frozenset[str]:
        return frozenset().union(*(m.titles for m in self.mentions))


def _span_of(doc: Doc, begin: int, end: int) -> Span:
    text = names.strip_possessive(doc_text(doc)[begin:end])
    return Span(begin, begin + len(text), text)


def _name_part(ent: SpacySpan) -> SpacySpan:
    """The entity without leading title words ('President Trump' -> 'Trump')."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].text.rstrip(".").lower() in names.TITLE_WORDS:
        start += 1
    return ent.doc[start:ent.end]


def _honorific_before(doc: Doc, part: SpacySpan) -> str | None:
    if part.start > 0 and names.is_honorific(doc[part.start - 1].text):
        return doc[part.start - 1].text
    return None


def _surface(doc: Doc, part: SpacySpan) -> str:
    text = first_names.fold_case(names.strip_possessive(part.text))
    honorific = _honorific_before(doc, part)
    return f"{honorific} {text}" if honorific else text


def _candidates(clusters: list[_Cluster], mention: _PersonMention) -> list[_Cluster]:
    """The clusters whose names this mention's name can be a way of writing."""
    words = names.name_words(mention.name)
    same = [c for c in clusters if any(names.shortens(mention.name, n) for n in c.names)]
    if not same and len(words) == 1:  # a first name alone ("Hillary"), of one generation
        same = [c for c in clusters if len(names.name_words(c.longest)) > 1
                and names.name_words(c.longest)[0].lower() == words[0].lower()
                and names.generation(c.longest) == names.generation(mention.name)
                and (not (mention.honorific or mention.doctor)
                     or _family_name_first(c.longest))]
    if not same and not (mention.honorific or mention.doctor):
        nicknamed = [c for c in clusters if _nickname_for(words, names.name_words(c.longest))]
        same = nicknamed if len(nicknamed) == 1 else []  # only where one person fits
    return same


def _nickname_for(words: list[str], full: list[str]) -> bool:
    """A first name alone or a full name written with a nickname for the first name of a
    longer name ("Larry" for Laurence H. Tribe, "Bill Clinton" for William J. Clinton)."""
    if len(full) < 2 or len(words) > 2 or not names.is_nickname_of(words[0], full[0]):
        return False
    return len(words) == 1 or words[-1].lower() == full[-1].lower()


def _family_name_first(name: str) -> bool:
    """A name written family name first ("Ban Ki-moon", "Kim Jong Un", "Xi Jinping"), whose
    first word an honorific may precede ("Mr. Ban"); after "Mr." the first word of "Paul D.
    Ryan" is someone else's surname ("Mr. Paul" is Rand Paul)."""
    words = names.name_words(name)
    return len(words) > 2 or "-" in words[-1] or not person_names.is_first_name(words[0])


def _fits(cluster: _Cluster, mention: _PersonMention) -> bool:
    """An honorific's gender and a title must not contradict what the cluster is known as."""
    gender = cluster.gender
    if mention.honorific and gender and gender != mention.honorific:
        return False
    if mention.couple and gender != mention.honorific:
        return False  # "President and Mrs. Trump": she is not the article's President Trump
    # a title the cluster was never given stays apart ("President Clinton" in an article that
    # names only Hillary); resolution across articles finds its holder
    return not mention.titles or bool(mention.titles & cluster.titles)


def _introduced(cluster: _Cluster, body_start: int) -> tuple[int, int]:
    """Where the body first names the cluster other than by a first name alone (neither a
    headline's "Melania Trump" nor "Melania" makes her the article's Trump); then where the
    article first names it at all."""
    surname = names.name_words(cluster.longest)[-1]
    named = [m.span.begin for m in cluster.mentions if m.span.begin >= body_start
             and (len(names.name_words(m.name)) > 1 or m.name == surname)]
    return (min(named, default=1 << 62), min(m.span.begin for m in cluster.mentions))


def _assign(clusters: list[_Cluster], mention: _PersonMention,
            body_start: int = 0) -> _Cluster:
    """The cluster a person's mention joins (a new one if it names someone new, or if no
    cluster fits its honorific and title: "Mrs. Clinton" never joins Bill Clinton)."""
    candidates = _candidates(clusters, mention)
    same = [c for c in candidates if _fits(c, mention)]
    if not same and mention.doctor and len(candidates) == 1 \
            and _fits(candidates[0], replace(mention, doctor=False)):
        same = candidates  # "Fiona Hill ... Dr. Hill"; not "Joe and Jill Biden ... Dr. Biden"
    exact = [c for c in same if mention.name in c.names]
    if exact and len(names.name_words(mention.name)) > 1:
        same = exact
    if not same:
        cluster = _Cluster()
        clusters.append(cluster)
        return cluster
    # a surname two people share goes to the one the article introduced first (measured on
    # the entity gold against the most named and the nearest before: fewer wrong merges)
    return min(same, key=lambda c: _introduced(c, body_start))


def _cluster_people(mentions: list[_PersonMention], body_start: int = 0) -> list[_Cluster]:
    """Longest names first, so a surname joins the full name wherever it appears; then names
    with a title before those with an honorific alone, so that in "Mr. Clinton ... President
    Clinton ... Mrs. Clinton" the president takes "Mr." and is no longer open to "Mrs."."""
    clusters: list[_Cluster] = []
    order = sorted(range(len(mentions)),
                   key=lambda i: (-len(names.name_words(mentions[i].name)),
                                  not mentions[i].titles, not mentions[i].honorific, i))
    for i in order:
        mention = mentions[i]
        cluster = _assign(clusters, mention, body_start)
        if mention.name not in cluster.names:
            cluster.names.append(mention.name)
        cluster.mentions.append(mention)
    return clusters


def _overlaps(begin: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(b < end and begin < e for b, e in taken)


def headline_case_lines(doc: Doc) -> list[tuple[int, int]]:
    """Lines Written In Title Case (headlines), where the tagger takes capitalised verbs and
    nouns for parts of names ("Obama Seeks", "Clinton Hid Past Health"): few lowercase words,
    and at least three capitalised words outside any named entity; and headings of four
    words or fewer ("Gender Equality.")."""
    in_entity = {t.i for ent in doc_ents(doc) for t in ent}
    lines, begin = [], 0
    for line in doc_text(doc).splitlines(keepends=True):
        span = doc.char_span(begin, begin + len(line.rstrip()), alignment_mode="expand")
        words = [t for t in span or () if t.is_alpha and len(t) > 3]
        plain = [t for t in words if t.text[0].isupper() and t.i not in in_entity]
        lower = [t for t in words if t.text[0].islower()]
        short_heading = span is not None and 0 < len([t for t in span if t.is_alpha]) <= 4 \
            and not any(t.pos_ in ("VERB", "AUX", "PRON") for t in span)
        if len(plain) >= 3 and len(lower) <= 0.25 * len(words) or short_heading:
            lines.append((begin, begin + len(line)))
        begin += len(line)
    return lines


def _headline_trimmed(doc: Doc, ent: SpacySpan, headlines: list[tuple[int, int]],
                      known: set[str]) -> SpacySpan | None:
    """A name in a headline-case line cut to the words the article's other lines use in
    names: "Clinton Hid Past Health" -> "Clinton"; None when no word is a known name."""
    if not _overlaps(ent.start_char, ent.end_char, headlines):
        return ent
    run: list[int] = []
    for token in ent:
        if names.strip_possessive(token.text).lower() in known:
            if run and token.i != run[-1] + 1:
                break
            run.append(token.i)
        elif run:
            break
    return doc[run[0]:run[-1] + 1] if run else None


def _second_of_a_couple(doc: Doc, part: SpacySpan) -> bool:
    """An honorific after a title or another honorific and "and" ("President and Mrs. Trump",
    "Mr. and Mrs. Clinton"): two people of one surname, the honorific's the second."""
    i = part.start - 1  # the honorific
    return i >= 2 and doc[i - 1].lower_ in ("and", "&") \
        and doc[i - 2].text.rstrip(".").lower() in names.TITLE_WORDS \
        and doc[i - 2].ent_type_ != "PERSON"  # not "Mr. King and Mr. Morial"


def _person_mention(doc: Doc, part: SpacySpan, role: Role | None) -> _PersonMention:
    honorific = _honorific_before(doc, part)
    # a surname that is also a title word ("King") is still the surname here
    name = names.clean_person(part.text) or names.strip_possessive(part.text).strip(" .,")
    return _PersonMention(_span_of(doc, part.start_char, part.end_char),
                          first_names.fold_case(name),
                          _surface(doc, part), role,
                          first_names.honorific_gender(honorific) if honorific else None,
                          doctor=DOCTOR in title_keys(honorific),
                          couple=honorific is not None and _second_of_a_couple(doc, part),
                          hypothetical=hypothetical_office(doc, part))


def _person_mentions(doc: Doc, taken: list[tuple[int, int]],
                     headline_end: int = 0) -> list[_PersonMention]:
    """Person mentions whose words are a personal name (kg.extract.person_names); in the
    headline only the words the body also uses in names."""
    found: list[_PersonMention] = []
    headlines = headline_case_lines(doc) + ([(0, headline_end)] if headline_end else [])
    known = {names.strip_possessive(t.text).lower() for ent in doc_ents(doc)
             if ent.label_ == "PERSON" and not _overlaps(ent.start_char, ent.end_char, headlines)
             for t in ent}
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON" and not person_names.person_tagged_as_org(ent) \
                or _overlaps(ent.start_char, ent.end_char, taken):
            continue  # (a person's name tagged as an organisation: "Lester Holt")
        trimmed = _headline_trimmed(doc, ent, headlines, known)
        if trimmed is None:
            continue
        part = person_names.person_name_span(_name_part(trimmed))
        if part is None:
            continue
        name = names.clean_person(part.text)
        if not name or name.lower() in _NOT_PEOPLE or not name[0].isupper():
            continue
        found.append(_person_mention(doc, part, role_of(doc, part)))
    # a surname the tagger took for an organisation ("Trump" as ORG) is still the person
    known = {w.lower() for m in found for w in names.name_words(m.name)}
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON" or _overlaps(ent.start_char, ent.end_char, taken):
            continue
        name = names.clean_person(ent.text)
        if name and " " not in name and name.lower() in known and not outlet_name(name) \
                and (part := person_names.person_name_span(_name_part(ent))) is not None:
            found.append(_person_mention(doc, part, None))  # "The Trump dilemma": "Trump"
    found += _untagged_mentions(doc, found, taken)
    return sorted(found, key=lambda m: m.span.begin)


def _untagged_mentions(doc: Doc, found: list[_PersonMention],
                       taken: list[tuple[int, int]]) -> list[_PersonMention]:
    """Full names and surnames of people the article names in full, where the tagger missed
    them ("Trump never missed an opportunity", "NBC's Lester Holt"): one person, one name
    through the whole article. Not where the name is part of another name ("Trump Tower")
    or modifies a group ("Clinton campaign")."""
    full = {tuple(m.name.split()) for m in found if len(m.name.split()) > 1
            and person_names.is_first_name(m.name.split()[0])}
    places = {e.text for e in doc_ents(doc) if e.label_ in ("GPE", "LOC", "NORP", "FAC")}
    surnames = {words[-1] for words in full
                if not names.generation(" ".join(words)) and words[-1] not in places}
    if not full:
        return []
    covered = taken + [(m.span.begin, m.span.end) for m in found]
    other_names = [(e.start_char, e.end_char) for e in doc_ents(doc)
                   if e.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT")
                   and len(e) > 1]
    extra: list[_PersonMention] = []
    for token in doc:
        word = names.strip_possessive(token.text)
        if word not in surnames or _overlaps(token.idx, token.idx + len(word), covered):
            continue
        start = token.i
        for words in sorted(full, key=len, reverse=True):  # the whole full name, if written
            first = token.i - len(words) + 1
            if first >= 0 and tuple(t.text for t in doc[first:token.i]) == words[:-1]:
                start = first
                break
        else:  # another first name: another person of that surname ("James and Olive Meehan")
            before = doc[token.i - 1] if token.i > 0 else None
            if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() \
                    and before.lower_.rstrip(".") not in names.TITLE_WORDS \
                    and person_names.is_first_name(before.text):
                start = token.i - 1  # not "The Trump of 'The Apprentice'"
        part = doc[start:token.i + 1]
        if _overlaps(part.start_char, part.end_char, covered + other_names):
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and (after.lower_ in person_names.GROUP_NOUNS
                                  or after.text[:1].isupper() and after.is_alpha):
            continue
        if token.i > 0 and doc[token.i - 1].text in ("-", "–") and start == token.i:
            continue  # "anti-Trump", "pro-Clinton"
        extra.append(_person_mention(doc, part, role_of(doc, part)))
        covered.append((part.start_char, part.end_char))
    return extra


def _qualifier(cluster: _Cluster, article_id: str) -> str:
    """For a person named only by one word: the honorific and office words the article gives
    ("mrs", "president"), so "Mrs. Clinton" and "President Clinton" are different nodes
    until resolution finds who each is; a word that may be a first name ("Laura", "Scott")
    with neither is the article's own (``article_id``): a first name alone names different
    people in different articles."""
    if len(cluster.longest.split()) > 1:
        return ""
    honorifics = {m.honorific for m in cluster.mentions if m.honorific}
    words = sorted(cluster.titles) + sorted({"mr" if h == "m" else "mrs" for h in honorifics})
    if not words and article_id and person_names.is_first_name(cluster.longest):
        words = [f"in {article_id}"]
    return " ".join(words)


def _conjoined_with_a_thing(doc: Doc, mention: _PersonMention) -> bool:
    """Coordinated with a proper noun that is no person's name ("the American Civil
    Liberties Union of Ohio and Demos", "Morning Consult and Rasmussen")."""
    part = doc.char_span(mention.span.begin, mention.span.end, alignment_mode="expand")
    if part is None:
        return False
    root = part.root
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [t for t in root.children if t.dep_ == "conj"]
    for partner in partners:
        if partner.pos_ != "PROPN":
            continue
        if partner.ent_type_ not in ("PERSON", "") or not partner.ent_type_ \
                and person_names.is_common_word(partner):
            return True
        ent = next((e for e in doc_ents(doc) if e.start <= partner.i < e.end), None)
        if ent is not None and person_names.person_name_span(ent) is None:
            return True
    return False


def _not_a_person(doc: Doc, cluster: _Cluster) -> bool:
    """A one-word "person" the article never names in full that is a common word ("History",
    "Turnout": the article also writes it in lower case), a title ("Senator"), a place the
    tagger names as such more often ("Burma", "Ferguson"), or one coordinated with an
    organisation or a place in at least half its mentions ("... Union of Ohio and Demos";
    the tagger and the parser err on single mentions)."""
    if len(cluster.names) != 1 or len(cluster.longest.split()) != 1:
        return False
    if any(m.honorific or m.role for m in cluster.mentions):
        return False
    things = sum(_conjoined_with_a_thing(doc, m) for m in cluster.mentions)
    if 2 * things >= len(cluster.mentions):
        return True
    word = cluster.longest
    if word.lower() in names.TITLE_WORDS or person_names.is_first_name(word):
        return word.lower() in names.TITLE_WORDS
    lower = word.lower()
    if any(t.text == lower for t in doc):
        return True
    labels = [e.label_ for e in doc_ents(doc) if e.text == word]
    return labels.count("PERSON") < sum(label in ("GPE", "LOC", "NORP", "FAC") for label in labels)


def _add_people(doc: Doc, table: EntityTable, taken: list[tuple[int, int]],
                headline_end: int, article_id: str) -> None:
    mentions = _person_mentions(doc, taken, headline_end)
    for cluster in _cluster_people(mentions, headline_end):
        if _not_a_person(doc, cluster):
            continue
        ref = EntityRef("person", names.canonical_person(cluster.longest),
                        _qualifier(cluster, article_id))
        # an office the article gives the person only in a hypothetical is none of theirs
        hypothetical = frozenset().union(*(m.hypothetical for m in cluster.mentions))
        roles = [m.role for m in sorted(cluster.mentions, key=lambda m: m.span.begin)
                 if m.role and not title_keys(m.role.job_title) & hypothetical]
        role = roles[0] if roles else None
        affiliation = org_ref(role.affiliation.text) if role and role.affiliation else None
        surfaces = tuple(dict.fromkeys(m.surface for m in cluster.mentions))
        official = any(r.official for r in roles)
        table.add_entity(Entity(ref, alt_labels=surfaces,
                                job_title=role.job_title if role else None,
                                affiliation=affiliation, official=official))
        if affiliation is not None:
            table.add_entity(Entity(affiliation, official=affiliation.kind == "gov"))
        for mention in cluster.mentions:
            table.add_mention(mention.span, ref, confidence=0.8)


def _place_ref(text: str) -> EntityRef:
    name = clean_org(text)
    return EntityRef("place", _PLACE_ALIASES.get(text.lower().strip(_STRIP),
                                                 _PLACE_ALIASES.get(name.lower(), name)))


def extract_entities(doc: Doc, publisher: str | None = None,
                     headline_end: int = 0, article_id: str = "") -> EntityTable:
    """Entity mentions of the article, one entity per person, outlet or body across name
    variants; ``publisher`` (metadata) lets "the Times" count in a Times article;
    ``text[:headline_end]`` is the headline, whose names count only when the body has them;
    ``article_id`` keeps a person named by a first name alone inside the article."""
    table = EntityTable()
    taken: list[tuple[int, int]] = []
    for found in outlet_spans(doc_text(doc), publisher):
        ref = EntityRef("outlet", found.outlet)
        span = _span_of(doc, found.begin, found.end)
        table.add_entity(Entity(ref, alt_labels=(span.text,)))
        table.add_mention(span, ref, confidence=0.9 if found.contextual else 1.0)
        taken.append((found.begin, found.end))
    _add_people(doc, table, taken, headline_end, article_id)
    taken.extend((m.span.begin, m.span.end) for m in table.mentions)
    # a person's name the tagger took for an organisation where it modifies a group
    # ("Trump administration") names neither the person nor an organisation
    person_words = {w.lower() for ref in table.entities if ref.kind == "person"
                    for w in ref.name.split()}
    for ent in doc_ents(doc):
        kind = _KIND_BY_LABEL.get(ent.label_)
        if kind in (None, "person") or _overlaps(ent.start_char, ent.end_char, taken):
            continue
        ref = _place_ref(ent.text) if kind == "place" else org_ref(ent.text)
        if ref is None or not ref.name[:1].isalnum() or ref.name.lower() in _NOT_ORGS \
                or ref.kind == "org" and ref.name.lower() in person_words \
                or _PARTY_NOTE.match(ent.text):
            continue
        begin = ent.start_char + (4 if ent.text.lower().startswith("the ") else 0)
        span = _span_of(doc, begin, ent.end_char)
        table.add_entity(Entity(ref, alt_labels=(span.text,), official=ref.kind == "gov"))
        table.add_mention(span, ref, confidence=0.8)
    return table

