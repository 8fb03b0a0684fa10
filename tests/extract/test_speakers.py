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
    # relative pronoun: the mention stays 'who', the speaker is the antecedent
    ('Contrast that with Donald Trump, who has called the trade pact "insanity."', "insanity.",
     "who", "Donald Trump"),
    # a share of respondents speaks through the poll
    ('In a Washington Post-ABC News poll, 75 percent of voters said they were "very worried" '
     "about the economy.", "very worried", "a Washington Post-ABC News poll",
     "The Washington Post"),
    # a speech verb tagged as a noun after the quote: the phrase before it
    ('"It is a disaster for the party," the conference speaker says into the camera.',
     "It is a disaster for the party", "the conference speaker", None),
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


@pytest.mark.parametrize("text, quote, speaker", [
    # the quote's own words misparsed as the cue's subject: the name after the quote
    ("\u201cWe were wrong not to confront him from the start,\u201d Ramos, 58, told AFP in an "
     "interview on Monday.", "We were wrong not to confront him from the start", "Ramos"),
    # a sentence that is all quote takes the speech cue of the sentence before it
    ("Loretta Lynch announced the lawsuit on Monday. \u201cWe are seeking a court order.\u201d",
     "We are seeking a court order.", "Loretta Lynch"),
    # a cue inside the complement of a reporting verb: the reporter speaks
    ("Ted Cruz said he is certain Marco Rubio will continue to be \u201ca champion for "
     "opportunity.\u201d", "a champion for opportunity.", "Ted Cruz"),
    # a dateline parsed as the subject
    ("LONDON (Reuters) - Donald Trump said the British prime minister called him \u201cdivisive, "
     "stupid and wrong\u201d on Monday.", "divisive, stupid and wrong", "Donald Trump"),
    # any verb right after '"...,"' is the cue
    ("\u201cFrance will always be France,\u201d an angry Francois Hollande retaliated.",
     "France will always be France", "Francois Hollande"),
    ("\u201cYou know, it happens, right?\u201d Donald Trump went on.",
     "You know, it happens, right?", "Donald Trump"),
    # NYT '' marks: the quote after a full stop starts its own sentence
    ("Mr. Hany Farid said it could work. ''There is no fundamental limitation,'' he said.",
     "There is no fundamental limitation", "Hany Farid"),
    # a split quote whose cue sentence holds a title in quotes
    ("\u201cI have always said that I expect to be vetted,\u201d Ben Carson said on \u201cMeet the "
     "Press.\u201d \u201cBut this is different.\u201d", "But this is different.", "Ben Carson"),
    # a reopened paragraph with a cue of its own is a new quote, not a continuation
    ("\u201cOne I would describe as hate,\u201d Sexton said. \u201cThey revel in it.\n\n"
     "\u201cThere is another side,\u201d Mark Ellis said. \u201cI do not know.\u201d",
     "There is another side", "Mark Ellis"),
    # digest style: a bare name before the colon labels the quote
    ("Pollsters agree - Carl Bialik: \u201cOne of the biggest lessons was a simple one.\u201d",
     "One of the biggest lessons was a simple one.", "Carl Bialik"),
    # inverted cue with a described source after it
    ("\u201cIt is Bernie\u2019s to lose,\u201d added Tom Rath, a New Hampshire Republican.",
     "It is Bernie\u2019s to lose", "Tom Rath"),
    # 'saying' hanging from an object: the subject of the verb that has the object
    ("Bernie Sanders emailed supporters saying: \u201cThe struggle continues.\u201d",
     "The struggle continues.", "Bernie Sanders"),
    # two quotes with nothing between share the attribution of the second
    ("\u201cNot only can Ted Cruz win.\u201d \u201cHe may be the only one,\u201d Richard Viguerie "
     "notes.", "Not only can Ted Cruz win.", "Richard Viguerie"),
    # a straight closing mark after a nested quote and a space; an opening mark used to close
    ("\"If you lose, you say, 'Well done,' \" said Diane Russell, a Maine legislator.",
     "If you lose, you say, 'Well done,'", "Diane Russell"),
    ("\u201cIt is unusual,\u201c said Larry Noble, an attorney.", "It is unusual", "Larry Noble"),
    # a dash glued to the name
    ('"The whole idea needs to stop." -Michelle Marks, Philadelphia.',
     "The whole idea needs to stop.", "Michelle Marks"),
])
def test_speaker_patterns(nlp, text, quote, speaker):
    quotes, _ = _attributed(nlp, text)
    found = {(q.span.text, q.speaker.name if q.speaker else None) for q in quotes}
    assert (quote, speaker) in found


def test_place_modifier_is_not_the_speaker(nlp):
    quotes, _ = _attributed(nlp, "\u201cIt is over,\u201d added another New Hampshire Democrat.")
    assert quotes[0].speaker_mention.text == "another New Hampshire Democrat"
    assert quotes[0].speaker is None or quotes[0].speaker.kind != "place"
