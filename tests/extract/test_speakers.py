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
    # pronoun: a nearer man named by his first name is not 'she'
    ("Maria Lopez opened the hearing. " + "The committee then reviewed the figures for roads, "
     "schools, parks and the harbor, line by line, for most of the afternoon. " * 4
     + "Frank Hale spoke after that.\n\n\u201cIt went well,\u201d she said.", "It went well",
     "she", "Maria Lopez"),
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
    # pronoun: a person introduced in the sentence before, not the article's main speaker
    ("\u201cWe will win,\u201d Donald Trump said. \u201cWe will win big,\u201d Trump said. Last "
     "week I met John Smith, a farmer from Iowa. \u201cThe crops are failing,\u201d he told me.",
     "The crops are failing", "he", "John Smith"),
    # pronoun: the subject of the sentence before wins over a nearer object
    ("\u201cWe will win,\u201d Sarah Jones said. Mark Ellis attacked Tom Hale on Monday. "
     "\u201cHe is weak,\u201d he said.", "He is weak", "he", "Mark Ellis"),
    # transcript: the label speaks, the one the article quotes most does not
    ("Donald Trump debated Hillary Clinton, moderated by Chris Wallace.\n\n\u201cWe will win,"
     "\u201d Trump said.\n\nWALLACE: If I may, sir, we have limited time.",
     "If I may, sir, we have limited time.", "WALLACE", "Chris Wallace"),
    # relative pronoun: the mention stays 'who', the speaker is the antecedent
    ('Contrast that with Donald Trump, who has called the trade pact "insanity."', "insanity.",
     "who", "Donald Trump"),
    # a share of respondents speaks through the poll
    ('In a Washington Post-ABC News poll, 75 percent of voters said they were "very worried" '
     "about the economy.", "very worried", "a Washington Post-ABC News poll",
     "The Washington Post"),
    # 'what she called': the outer subject is the mention, her pronoun names her
    ("Tom Hale spoke after Lisa Grant on Monday. The governor denounced what she called a "
     "\u201creckless\u201d budget.", "reckless", "The governor", "Lisa Grant"),
    # a relative pronoun keeps its mention even when its antecedent is no entity
    ("The volunteers handed out water bottles that said, \u201cWelcome to the games, and stay "
     "cool.\u201d", "Welcome to the games, and stay cool.", "that", None),
    # the one told is not the speaker
    ("Critics had warned for months. \u201cWe were tremendously wrong to not have confronted him "
     "from the beginning,\u201d Lopez, 61, told AFP in an interview in Mexico City on Monday.",
     "We were tremendously wrong to not have confronted him from the beginning", "Lopez", None),
    # 'one lawmaker called Trump "..."' parsed as a reduced relative: the noun names
    ("That proposal prompted the council to call a debate in January; one lawmaker called "
     "Trump \"the orange prince of American self-publicity.\"",
     "the orange prince of American self-publicity.", "one lawmaker", None),
    # a speech verb tagged as a noun after the quote: the phrase before it
    ('"It is a disaster for the party," the conference speaker says into the camera.',
     "It is a disaster for the party", "the conference speaker", None),
])
def test_speaker_kinds(nlp, text, quote, mention, speaker):
    quotes, _ = _attributed(nlp, text)
    found = {(q.span.text, q.speaker_mention.text if q.speaker_mention else None,
              q.speaker.name if q.speaker else None) for q in quotes}
    assert (quote, mention, speaker) in found


def test_reported_pronoun_goes_to_the_person_just_named(nlp):
    text = ("Donald Trump said the wall would be built. Trump said Mexico would pay. Last week "
            "I met John Smith, a farmer from Iowa. He told me the crops were failing.")
    doc = nlp(text)
    indirect = [q for q in extract_quotes(doc, extract_entities(doc)) if not q.direct]
    speakers = {q.span.text: q.speaker.name if q.speaker else None for q in indirect}
    assert speakers["the crops were failing"] == "John Smith"
    assert speakers["Mexico would pay"] == "Donald Trump"


def test_they_is_not_the_person_their_words_are_about(nlp):
    """A NYT dev page gave Tom Clarke "Mr. Clarke has few deep-pocketed investors ..., they
    say": the person the reported words name is not the 'they' who says them."""
    text = ("Mr. Clarke bought the mines. Should Mr. Clarke's company run into financial "
            "trouble, environmentalists worry that the cost could fall to taxpayers. Unlike "
            "Patriot, Mr. Clarke has few investors that the state could pressure, they say.")
    doc = nlp(text)
    reported = [q for q in extract_quotes(doc, extract_entities(doc)) if not q.direct]
    assert reported and all(q.speaker is None or q.speaker.name != "Clarke" for q in reported)


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
    # '..., said X': the speaker after the cue, not the fronted clause's subject
    ("The vote on the budget marks \u201ca new low\u201d for the council, said Maria Chen, a city "
     "resident.", "a new low", "Maria Chen"),
    # an outlet reporting at the end of the sentence carries the attribution
    ("\u201cWe are not leaving the plant,\u201d Tom Ruiz told the crowd, The New York Times "
     "reported.", "We are not leaving the plant", "The New York Times"),
    # a fronted date and place, the name hung from the place by the parse
    ("Saturday at the Vermont Democratic state\u2019s party convention Sen. Ellen Marsh (D-VT) "
     "said the governor was a \u201ctotal failure\u201d in business.", "total failure",
     "Ellen Marsh"),
    # a date right after a subject-less cue is no speaker: the name next to it is
    ("\u201cIs the mayor going to finally resign? He should!\u201d the state party chairman, "
     "Paul Greer, tweeted Sunday after the vote.", "Is the mayor going to finally resign? He "
     "should!", "Paul Greer"),
    # a participle opening its sentence speaks for the subject of the sentence before
    ("Later in the show, Tom Hale stated that the budget was \u201cnot good.\u201d Adding, "
     "\u201cIt is the worst one in years, and everyone knows it.\u201d",
     "It is the worst one in years, and everyone knows it.", "Tom Hale"),
    # 'according to' a thing made by someone: the maker
    ("\u201cThe wage will not cover rent in most counties,\u201d according to calculations by "
     "Tom Hale of the state university.", "The wage will not cover rent in most counties",
     "Tom Hale"),
    # a participle after a comma goes on with the report, not the reported clause
    ("Tom Hale told reporters that Mary Fox \u201chad a crazy policy on taxes which was "
     "maniacal,\u201d adding, \u201cShe lost all of the rural vote.\u201d",
     "She lost all of the rural vote.", "Tom Hale"),
    ("Reached by phone, Paul Greer denied the notion that a staff shakeup is coming, explaining "
     "that he was unaware of the interview because he was \u201ctaking a day off.\u201d",
     "taking a day off.", "Paul Greer"),
    # the name after 'told' is the one spoken to
    ("\u201cThat was a good speech you gave last night, Mr. Governor,\u201d Representative Steve "
     "Hale, Democrat of Ohio, told Mr. Grant as he stopped to have his picture taken.",
     "That was a good speech you gave last night, Mr. Governor", "Steve Hale"),
    # a no-break space before an inverted cue
    ("\u201cIf anyone wonders why the review is not yet complete, the problems identified in this "
     "report are Exhibit A,\u201d\u00a0added Gowdy.", "If anyone wonders why the review is not "
     "yet complete, the problems identified in this report are Exhibit A", "Gowdy"),
    # the object of 'prompt' does what its complement says
    ("At one point, the mayor told Ellis to \"breathe.\" That prompted Mark Ellis to make a joke "
     "about yoga and call the mayor \"very flexible,\" a nod to his changing views.",
     "very flexible", "Mark Ellis"),
    ("\u201cWe also applaud the platform for its courage,\u201d the group\u2019s president noted "
     "in a release, reported the Washington Examiner.",
     "We also applaud the platform for its courage", "Washington Examiner"),
    # of two subjects hung on the cue, the nearest
    ("An argument between those who fear Western softness in the face of conquest (''This is "
     "less a 'refugee crisis' and more an occupation,'' Mary Fox wrote in The Washington Times "
     "last week) and those who fear a backlash.",
     "This is less a 'refugee crisis' and more an occupation", "Mary Fox"),
    # a passive cue speaks for its agent
    ("Ms. Carter was asked by moderator Dan Reyes, \u201cWill you run again?\u201d",
     "Will you run again?", "Dan Reyes"),
])
def test_speaker_patterns(nlp, text, quote, speaker):
    quotes, _ = _attributed(nlp, text)
    found = {(q.span.text, q.speaker.name if q.speaker else None) for q in quotes}
    assert (quote, speaker) in found


def test_place_modifier_is_not_the_speaker(nlp):
    quotes, _ = _attributed(nlp, "\u201cIt is over,\u201d added another New Hampshire Democrat.")
    assert quotes[0].speaker_mention.text == "another New Hampshire Democrat"
    assert quotes[0].speaker is None or quotes[0].speaker.kind != "place"


def test_someone_elses_aide_is_not_the_owner(nlp):
    quotes, _ = _attributed(nlp, "Barack Obama spoke on Monday. \u201cThat was outrageous,\u201d "
                                 "Obama's former campaign strategist said in an interview.")
    assert quotes[0].speaker_mention.text == "Obama's former campaign strategist"
    assert quotes[0].speaker is None


def _all_quotes(nlp, text, authors=()):
    doc = nlp(text)
    return list(extract_quotes(doc, extract_entities(doc), authors))


@pytest.mark.parametrize("text, quote, speaker", [
    # a title noun tells the gender, over the first name ('Terry' is mostly a man's)
    ("\u201cThe rationales don\u2019t hold weight,\u201d said 9/11 widow Terry Strada. She "
     "continued, \u201cAll we are asking for is an opportunity to be heard.\u201d",
     "All we are asking for is an opportunity to be heard.", "Terry Strada"),
    # the person the sentence before introduces, over the one the article quotes most
    ("\u201cWe will win,\u201d Barack Obama said. \u201cWe will win big,\u201d Obama said. While "
     "Obama had many artists writing songs about him, that has not been happening for Hillary "
     "Clinton, which is something that concerns Henry Crespo, president of the Florida "
     "Democratic Black Caucus.\n\n\u201cNo one is writing songs for Hillary,\u201d he said.",
     "No one is writing songs for Hillary", "Henry Crespo"),
    # an earlier 'he' refers on: back to the one it stands for, not the prominent Trump
    ("Donald Trump spoke first. \u201cIt is great,\u201d Trump said. Trump campaign spokesman "
     "Jason Miller told The Washington Post that the policy would cover single mothers. "
     "However, he could not explain why it was mentioned by Ivanka Trump.\n\n"
     "\u201cWe don't have the exact legislation written down,\u201d he said.",
     "We don't have the exact legislation written down", "Jason Miller"),
    # the source of 'according to' before a possessive
    ("Retired Gen. Norman Ham spoke in Ohio. \u201cI am worried,\u201d Barack Obama said. "
     "According to Ham, the administration has shuffled leaders because many disagreed with "
     "Obama\u2019s policies.\n\n\u201cWe\u2019re on our fourth secretary of defense,\u201d he "
     "said.", "We\u2019re on our fourth secretary of defense", "Norman Ham"),
    # the subject of the sentence's verb of speech over its main subject
    ("Trump, Jared Sexton said, has created a strange zone.\n\n\u201cSo afterwards, his "
     "supporters feel justified,\u201d he said.", "So afterwards, his supporters feel justified",
     "Jared Sexton"),
    # a relative pronoun after an apposition refers to the name, not the title's body
    ("Barack Obama has had a frosty relationship with Mitch McConnell, now the Senate majority "
     "leader, who in 2010 said the goal was to make Obama a \u201cone-term president.\u201d",
     "one-term president.", "Mitch McConnell"),
    # ... and after a list, to its nearest name
    ("The ceremony featured celebrities like Oprah Winfrey, Will Smith and Stevie Wonder, who "
     "joked of the museum, \u201cI haven't seen it yet, but I'm going to.\u201d",
     "I haven't seen it yet, but I'm going to.", "Stevie Wonder"),
    # a definite description repeating the title of one person named before
    ("Mayor Bill de Blasio met reporters at the scene on Saturday.\n\n\u201cWe do not see a "
     "link to terrorism,\u201d the mayor said.", "We do not see a link to terrorism",
     "Bill de Blasio"),
    # ... not the vice president for 'the president'
    ("Vice President Joe Biden laid a wreath on Sunday. President Barack Obama spoke at the "
     "memorial.\n\n\u201cWe will not forget them,\u201d the president said.",
     "We will not forget them", "Barack Obama"),
    # an apposition's name before an organisation inside the phrase
    ("In a panel discussion this weekend in Washington, Marc H. Morial, the chief executive of "
     "the National Urban League, forcefully told a young woman that \u201cnot voting is not a "
     "viable strategy.\u201d", "not voting is not a viable strategy.", "Marc H. Morial"),
])
def test_pronouns_and_descriptions(nlp, text, quote, speaker):
    found = {(q.span.text, q.speaker.name if q.speaker else None)
             for q in _all_quotes(nlp, text)}
    assert (quote, speaker) in found


def test_author_relative_is_no_named_person(nlp):
    """'My mother ... she still says' is the author's mother, not a woman named earlier."""
    text = ("Like Hillary Clinton, I believe in the good sense of the American people. My mother "
            "has softened with age, but even now she still says things such as, \u201cWe're not "
            "all meant to be equal, you know.\u201d")
    quote = next(q for q in _all_quotes(nlp, text) if q.span.text.startswith("We're not"))
    assert quote.speaker_mention.text == "she" and quote.speaker is None


@pytest.mark.parametrize("authors, speaker", [
    (("Charlotte Meehan",), "Charlotte Meehan"),
    (("Breitbart News",), None),  # an outlet, not a person
    (("Ann Lee", "Tom Hale"), None),  # whose 'I'?
])
def test_first_person_is_the_one_author(nlp, authors, speaker):
    text = ("When my mother mentioned the devil, I laughed and said, \u201cI don't believe in "
            "it.\u201d")
    quote = next(q for q in _all_quotes(nlp, text, authors) if q.direct)
    assert (quote.speaker_mention.text, quote.speaker.name if quote.speaker else None) == \
        ("I", speaker)
