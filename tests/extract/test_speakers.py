"""Speakers: names, pronouns by gender and salience, descriptions, organisations."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.quotes import extract_quotes


def _attributed(nlp, text):
    doc = nlp(text)
    table = extract_entities(doc)
    quotes = [q for q in extract_quotes(doc, table) if q.direct]
    return quotes, table


@pytest.mark.parametrize("text, quote, mention, speaker", [
    # pronoun, gender from the first name
    ("Hillary Clinton met Donald Trump on Monday.\n\n\u201cIt went well,\u201d she said.",
     "It went well", "she", "Hillary Clinton"),
    # pronoun, gender from Mr. and salience of the last speaker
    ("Mr. Alan Brooks spoke after Sarah Jones.\n\n\u201cWe agree,\u201d he said.",
     "We agree", "he", "Alan Brooks"),
    # surname after the full name
    ("Alan Brooks arrived late. \u201cSorry,\u201d Brooks said.", "Sorry", "Brooks",
     "Alan Brooks"),
    # description: one described entity named by the article's most specific description
    ("The op-ed was written by a senior official in the Trump administration.\n\n"
     "\u201cWe are the adults in the room,\u201d the author wrote.",
     "We are the adults in the room", "the author", "senior official in the Trump administration"),
    # organisation
    ("The White House responded on Wednesday. \u201cThe story is false,\u201d the White House "
     "said in a statement.", "The story is false", "the White House", "White House"),
])
def test_speaker_kinds(nlp, text, quote, mention, speaker):
    quotes, _ = _attributed(nlp, text)
    found = {(q.span.text, q.speaker_mention.text if q.speaker_mention else None,
              q.speaker.name if q.speaker else None) for q in quotes}
    assert (quote, mention, speaker) in found


def test_pronoun_mention_is_registered(nlp):
    text = "Hillary Clinton spoke first.\n\n\u201cIt went well,\u201d she said."
    quotes, table = _attributed(nlp, text)
    pronoun = quotes[0].speaker_mention
    assert table.ref_at(pronoun.begin, pronoun.end) == quotes[0].speaker


def test_unnamed_speaker_without_description_is_left_without_speaker(nlp):
    quotes, _ = _attributed(nlp, "\u201cIt is over,\u201d the official said.")
    assert quotes[0].speaker is None and quotes[0].speaker_mention.text == "the official"
