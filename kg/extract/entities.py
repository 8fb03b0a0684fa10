"""Entity mentions: people, organisations, outlets, places, clustered within an article."""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kg.extract.outlets import outlet_name
from kg.extract.records import Entity, EntityKind, EntityRef, Span
from kg.extract.table import EntityTable

_KIND_BY_LABEL: dict[str, EntityKind] = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
}
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "president", "sen", "senator", "rep", "gov",
           "governor", "secretary", "vice", "former", "sir", "lady", "prof", "professor"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def clean_name(text: str) -> str:
    """A proper name without titles, possessive or surrounding punctuation."""
    words = text.replace("\n", " ").split()
    while words and words[0].rstrip(".").lower() in _TITLES:
        words.pop(0)
    name = " ".join(words).strip(" ,.;:\"'“”‘’()[]")
    if name.lower().startswith("the ") and len(name) > 4:
        name = name if outlet_name(name) else name[4:]
    return _POSSESSIVE.sub("", name).strip()


def _span(doc: Doc, ent: SpacySpan) -> Span:
    end = ent.end_char
    text = doc.text[ent.start_char:end]
    stripped = _POSSESSIVE.sub("", text)
    return Span(ent.start_char, ent.start_char + len(stripped), stripped)


def _person_key(name: str, known: list[str]) -> str:
    """The fullest earlier (or later) name this one is a shortening of."""
    words = name.split()
    for full in sorted(known, key=len, reverse=True):
        full_words = full.split()
        if len(full_words) > len(words) and full_words[-len(words):] == words:
            return full
    return name


def extract_entities(doc: Doc) -> EntityTable:
    """Named-entity mentions of the article, one entity per person across name variants."""
    table = EntityTable()
    people = [clean_name(e.text) for e in doc.ents if e.label_ == "PERSON"]
    people = [p for p in people if p]
    for ent in doc.ents:
        kind = _KIND_BY_LABEL.get(ent.label_)
        if kind is None:
            continue
        name = clean_name(ent.text)
        if not name:
            continue
        if kind == "org" and (outlet := outlet_name(ent.text)):
            kind, name = "outlet", outlet
        if kind == "person":
            name = _person_key(name, people)
        ref = EntityRef(kind, name)
        table.add_entity(Entity(ref, alt_labels=(_span(doc, ent).text,)))
        table.add_mention(_span(doc, ent), ref, confidence=0.8)
    return table
