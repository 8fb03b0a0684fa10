"""Direct quotes in every layout news uses, reported speech, and marks that never break."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.quotes import extract_quotes
from kg.extract.table import EntityTable
from kg.extract.transcript import transcript_lines
from kg.segmentation import boilerplate_spans, quoted_stretches


def _quotes(nlp, text):
    doc = nlp(text)
    return list(extract_quotes(doc, extract_entities(doc)))


def _direct(nlp, text):
    return [q for q in _quotes(nlp, text) if q.direct]


@pytest.mark.parametrize("text, quote, speaker", [
    # quote, source, cue
    ('"We will win this state," Sarah Jones said on Monday.', "We will win this state",
     "Sarah Jones"),
    # source, cue, colon, quote
    ('Sarah Jones said: "We will win this state."', "We will win this state.", "Sarah Jones"),
    # quote, cue, source with apposition
    ('"Cable is in decline," said Rich Greenfield, a media analyst at BTIG Research.',
     "Cable is in decline", "Rich Greenfield"),
    # split quote: the second half inherits the first half's cue
    ('"We are ready," Sarah Jones said. "The voters know it."', "The voters know it.",
     "Sarah Jones"),
    # dash attribution
    ('"Safety comes first." — Commissioner Alan Brooks', "Safety comes first.",
     "Alan Brooks"),
    # colon lead-in in the sentence before, in its own paragraph
    ('Senator Maria Lopez wrote:\n\n"This bill will fail, and everyone knows it."',
     "This bill will fail, and everyone knows it.", "Maria Lopez"),
    # according to
    ('"The plan is dead," according to Senator Maria Lopez.', "The plan is dead",
     "Maria Lopez"),
    # partial quote inside reported speech
    ("President Donald Trump called the piece \u201cgutless\u201d on Wednesday.", "gutless",
     "Donald Trump"),
    # nested single quotes and curly marks
    ("\u201cThey said \u2018no\u2019 to everything,\u201d Sarah Jones said.",
     "They said \u2018no\u2019 to everything", "Sarah Jones"),
])
def test_layouts(nlp, text, quote, speaker):
    found = {(q.span.text, q.speaker.name if q.speaker else None) for q in _direct(nlp, text)}
    assert (quote, speaker) in found


def test_multi_paragraph_quote_is_one_attribution(nlp):
    text = ('"The first part of the plan is simple," Sarah Jones said.\n\n'
            '"We build the road first.\n\n"Then we build the bridge."')
    quotes = _direct(nlp, text)
    assert [q.span.text for q in quotes][-2:] == ["We build the road first.",
                                                   "Then we build the bridge."]
    assert all(q.speaker and q.speaker.name == "Sarah Jones" for q in quotes)


@pytest.mark.parametrize("text", [
    'He said "hello there and then left.',
    '" stray mark',
    'Nothing "at all',
    '"""',
    "\u201d\u201c\u201d",
    'She said: "',
])
def test_stray_marks_never_raise(nlp, text):
    for quote in _quotes(nlp, text):
        assert text[quote.span.begin:quote.span.end] == quote.span.text


@pytest.mark.parametrize("text", [
    'There is a secret "resistance" effort in the capital.',
    'The op-ed, titled "I Am Part of the Resistance Inside the Administration," ran Wednesday.',
])
def test_scare_quotes_and_titles_are_not_quotes(nlp, text):
    assert _direct(nlp, text) == []


TRANSCRIPT = (
    "Donald Trump debated on Sunday. Gov. Mike Pence spoke to Chris Wallace of Fox News about "
    "the debate.\n\nPartial transcript as follows:\n\n"
    "\"WALLACE: If I may, sir, because we have got limited time. Will she be there?\n\n"
    "\"PENCE: She will not be attending the debate tomorrow night.\n\n"
    "\"(CROSSTALK.)\n\n"
    "\"TRUMP: We will win this state, believe me.\n\n"
    "\"Follow Pam Key on Twitter @pamkeyNEN.\"")
UNQUOTED = ("Jake Tapper interviewed Gov. Mary Fallin on Sunday.\n\n"
            "TAPPER: Do you think the nominee has campaigned as a healer?\n\n"
            "(LAUGHTER)\n\n"
            "FALLIN: I think he is trying to campaign as a healer.\n\n"
            "(APPLAUSE)")


@pytest.mark.parametrize("text, expected", [
    # transcript lines speak for their label, not for the article's most prominent person
    (TRANSCRIPT, {("If I may, sir, because we have got limited time. Will she be there?",
                   "Chris Wallace"),
                  ("She will not be attending the debate tomorrow night.", "Mike Pence"),
                  ("We will win this state, believe me.", "Donald Trump")}),
    # a label that names no one in the prose: the transcript shows it is a person
    ("The senator spoke on Sunday.\n\nMCCAIN: We will fight.\n\nO'ROURKE: We will win.\n\n"
     "MCCAIN: Not this year.\n\nO'ROURKE: We will see.",
     {("We will fight.", "McCain"), ("Not this year.", "McCain"), ("We will win.", "O'Rourke"),
      ("We will see.", "O'Rourke")}),
    # unquoted transcript lines; stage directions are no quotes
    (UNQUOTED, {("Do you think the nominee has campaigned as a healer?", "Jake Tapper"),
                ("I think he is trying to campaign as a healer.", "Mary Fallin")}),
    # a title in the label; newsroom leads are no labels
    ("Elizabeth Warren spoke on Monday.\n\nSEN. ELIZABETH WARREN: We will fight this bill.\n\n"
     "SEE ALSO: The senator's other speeches this week.\n\nSEE ALSO: Her plan for banks.",
     {("We will fight this bill.", "Elizabeth Warren")}),
    # a title after a work, or in title case after a work and a comma
    ('Hillary Clinton wrote a book titled "Hard Choices" about her years in office.', set()),
    ('In his new book, "Crippled America: How to Make America Great Again," Donald Trump '
     "lays out his plans.", set()),
    ('Donald Trump\'s memoir "The Art of the Deal" was a bestseller, Trump said.', set()),
    # a slogan printed on clothing
    ('At the rally, a man wore a shirt reading "Hillary for Prison 2016" while others '
     "chanted.", set()),
    ('Supporters wore T-shirts that said "Make America Great Again" and waved flags.', set()),
    # a show's name owned by its network is who was told, not what was said
    ('Bernie Sanders told MSNBC\'s "Morning Joe" that nobody would question her record.',
     set()),
    # a name that is no title: the quote after 'Dr. Paul Song' is speech (a quoted
    # predicate, quoted with its clause)
    ("Bernie Sanders said the comment by Dr. Paul Song \u201cwas inappropriate and "
     "insensitive.\u201d", {("the comment by Dr. Paul Song \u201cwas inappropriate and "
                             "insensitive.\u201d", "Bernie Sanders")}),
])
def test_not_quotes_and_transcripts(nlp, text, expected):
    """(Speaker names compared case-insensitively: the entity stage labels the person.)"""
    found = {(q.span.text, q.speaker.name.lower() if q.speaker else None)
             for q in _direct(nlp, text)}
    assert found == {(words, name.lower()) for words, name in expected}


def test_the_one_asked_is_not_the_speaker(nlp):
    quotes = _direct(nlp, '"Will you run again?" Sarah Jones was asked on Monday.')
    assert [(q.span.text, q.speaker) for q in quotes] == [("Will you run again?", None)]



@pytest.mark.parametrize("text, expected", [
    # a photo credit glued to the first sentence: no quote, no speaker named in it
    ('BRENDAN SMIALOWSKI via Getty Images There\'s a secret "resistance" effort inside the '
     "administration, an anonymous op-ed in The New York Times claimed Wednesday.", "BRENDAN"),
    ("SAUL LOEB/AFP/Getty Images\n\nThe senator said the bill would fail in the Senate.",
     "SAUL"),
    # a byline
    ("By Jane Doe\n\nThe senator said the bill would fail in the Senate.", "Jane"),
    ("Jane Doe, Reuters\n\nThe senator said the bill would fail in the Senate.", "Jane"),
    # a social line
    ('"We will win," Sarah Jones said.\n\nFollow Pam Key on Twitter @pamkeyNEN.', "Pam"),
])
def test_credits_bylines_and_social_lines_are_not_text(nlp, text, expected):
    doc = nlp(text)
    table = extract_entities(doc)
    quotes = list(extract_quotes(doc, table))
    assert not any(expected in q.span.text for q in quotes)
    assert not any(q.speaker_mention and expected in q.speaker_mention.text for q in quotes)
    assert not any(expected in ref.name for ref in table.entities)


@pytest.mark.parametrize("text, expected", [
    ('purposes."BRENDAN SMIALOWSKI via Getty Images There is', ["BRENDAN SMIALOWSKI via Getty "
                                                                "Images"]),
    ("(AP Photo/Evan Vucci)", ["AP Photo/Evan Vucci"]),
    ("A rally in Chicago. Timothy A. Clary/AFP/Getty Images", ["Timothy A. Clary/AFP/Getty "
                                                                 "Images"]),
    ("AFP/Getty Images", ["AFP/Getty Images"]),
    ("By Jane Doe and John Smith\nText.", ["By Jane Doe and John Smith"]),
    # prose stays prose
    ("A Reuters/Ipsos poll found the AP was right.", []),
    ("By Tuesday, most of the votes were counted.\n", []),
    ("He tweeted to @realDonaldTrump that he was wrong, and many more words follow here.", []),
])
def test_boilerplate_spans(text, expected):
    assert [text[b:e] for b, e in boilerplate_spans(text)] == expected


def test_headline_quote_without_speaker(nlp):
    text = '"We have to build a wall along the whole southern border of this country."'
    quotes = _direct(nlp, text)
    assert len(quotes) == 1 and quotes[0].speaker is None


@pytest.mark.parametrize("text, complement, speaker", [
    ("Sarah Jones said that the plan would cost too much.", "the plan would cost too much",
     "Sarah Jones"),
    ("Sarah Jones warned the bill would fail in the Senate.", "the bill would fail in the Senate",
     "Sarah Jones"),
])
def test_reported_speech(nlp, text, complement, speaker):
    indirect = [q for q in _quotes(nlp, text) if not q.direct]
    assert [(q.span.text, q.speaker.name if q.speaker else None) for q in indirect] == [
        (complement, speaker)]


@pytest.mark.parametrize("text, expected", [
    # content before the cue, around a parenthetical cue, after 'as X noted'
    ("The plan would cost too much, Sarah Jones said on Monday.",
     ("The plan would cost too much", "Sarah Jones")),
    ("In her state, Sarah Jones said, the roads are the worst in the whole country.",
     ("the roads are the worst in the whole country", "Sarah Jones")),
    ("As Sarah Jones noted, the roads are the worst in the country.",
     ("the roads are the worst in the country", "Sarah Jones")),
    # a misparsed complement: an -ing clause, a 'that' clause hung on 'a statement'
    ("Sarah Jones said legalizing it could put thousands of people to work.",
     ("legalizing it could put thousands of people to work", "Sarah Jones")),
    ("Sarah Jones says in a statement that the race will now be a four-way contest.",
     ("the race will now be a four-way contest", "Sarah Jones")),
    ("Sarah Jones reported having $1.3 million in cash at the start of March.",
     ("having $1.3 million in cash at the start of March", "Sarah Jones")),
    # 'was asked to': she was spoken to; only what she said is hers
    ("Sarah Jones said she was asked to give a presentation to a client.",
     ("she was asked to give a presentation to a client", "Sarah Jones")),
    # a clause that leads into a quotation is not the content; nor is a dangling 'and'
    ('Sarah Jones said she recalled thinking, "This is what people have talked about."', None),
    ("But Don Fowler said the politics surrounding the top of the ticket would be more intense "
     "\u2014 and he noted that any change would occur a few weeks later in the season.",
     {("the politics surrounding the top of the ticket would be more intense", "Don Fowler"),
      ("any change would occur a few weeks later in the season", "Don Fowler")}),
    # a clause the parse splits in two after the cue is one content
    ("Sarah Jones went on to explain how she believes cuts to military spending left his "
     "and other generals’ hands tied.",
     ("how she believes cuts to military spending left his and other generals’ hands tied",
      "Sarah Jones")),
    ("John Bolton said he would be honored to serve should the opportunity present itself.",
     ("he would be honored to serve should the opportunity present itself", "John Bolton")),
    # a noun clause a wh-word opens ('what X says Y would do') states nothing: it has a gap
    ("The gap between what Sarah Jones says her tax plan would do and how experts say it "
     "would shape tax law has endured.", None),
    ("The sailors were swiftly released, displaying what many analysts said was a sign of "
     "improving relations.", None),
    ("Nobody knows what Sarah Jones said she would do.", None),
    # ... unlike a clause that 'why' opens: it asks about the saying, not what was said
    ("Nobody asked why Sarah Jones said the deal was bad.",
     {("why Sarah Jones said the deal was bad", None), ("the deal was bad", "Sarah Jones")}),
    # according to a person
    ("The senator will resign next week, according to Sarah Jones.",
     ("The senator will resign next week", "Sarah Jones")),
    # polls, findings, trends and beliefs are not speech
    ("A new poll found that most voters distrust the senator.", None),
    ("Trends indicate that turnout will be low in the fall.", None),
    ("Critics consider the plan a failure, and the senator disagrees.", None),
    ("Records revealing that the senator paid no taxes were released on Monday.", None),
    ("Sarah Jones believes that the plan will fail.", None),
    ("Sarah Jones thinks the plan will fail in the Senate.", None),
    ("Turnout will be low in the fall, according to a new poll of likely voters.", None),
    # a name or status declared is not words said; what a declaration states is
    ("Sarah Jones signed a proclamation this week declaring it Prescription Opioid and Heroin "
     "Epidemic Awareness Week to draw attention to the crisis.", None),
    ("Sarah Jones declared that the state would fight the ruling in court.",
     ("the state would fight the ruling in court", "Sarah Jones")),
])
def test_reported_speech_only_for_speech(nlp, text, expected):
    indirect = {(q.span.text, q.speaker.name if q.speaker else None)
                for q in _quotes(nlp, text) if not q.direct}
    assert indirect == (expected if isinstance(expected, set) else
                        {expected} if expected else set())


def test_cue_and_confidence_per_occurrence(nlp):
    quote = _direct(nlp, '"We will win," Sarah Jones said.')[0]
    assert quote.cue == "said" and quote.cue_span.text == "said"
    assert 0 < quote.confidence <= 1


@pytest.mark.parametrize("text, stretches", [
    ('a "b" c', ["b"]),
    ("\u201cone\n\n\u201ctwo\u201d", ["one", "two"]),
    ('x " y', [" y"]),
    # a straight closing mark after a nested quote's closing and a space
    ("\"say 'no,' \" he said", ["say 'no,' "]),
    # an opening curly mark typed where the closing one goes
    ("\u201cit is late,\u201c he said", ["it is late,"]),
    # NYT-style two apostrophes
    ("''it is late,'' he said", ["it is late,"]),
])
def test_quoted_stretches(text, stretches):
    assert [text[s.begin:s.end] for s in quoted_stretches(text)] == stretches


def test_quote_after_full_stop_starts_a_sentence(nlp):
    doc = nlp("Mr. Farid said it could work. ''There is no limit,'' he said.")
    assert [s.text for s in doc.sents] == ["Mr. Farid said it could work.",
                                           "''There is no limit,'' he said."]


def test_quotes_stay_in_one_sentence(nlp):
    doc = nlp('"This is one. This is two. And three," she said.')
    assert len(list(doc.sents)) == 1


SAID = """SELECT ?quote (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?speaker nkg:said ?quote ; rdfs:label %s .
  ?quote a schema:Quotation ; schema:text ?text ; gaf:denotedBy ?span .
  ?span nif:referenceContext ?article .
  FILTER(CONTAINS(LCASE(?text), LCASE(%s)))
} GROUP BY ?quote"""


@pytest.mark.slow
@pytest.mark.parametrize("who, words, articles", [
    ("Donald Trump", "really a disgrace", 1),
    ("Donald Trump", "gutless", 1),
    ("Donald Trump", "Some day when I'm not president", 1),
    ("Sarah Huckabee Sanders", "coward", 1),
    ("senior official in the Trump administration", "It may be cold comfort", 2),
    ("White House", "a new low for the so-called", 1),
])
def test_seed_facts(sample_graph, who, words, articles):
    from rdflib import Literal

    from kg.rdf.namespaces import GAF, NIF, NKG, RDFS, SCHEMA

    query = SAID % (Literal(who).n3(), Literal(words).n3())
    prefixes = {"nkg": NKG, "schema": SCHEMA, "gaf": GAF, "nif": NIF, "rdfs": RDFS}
    rows = list(sample_graph.query(query, initNs={k: str(v) for k, v in prefixes.items()}))
    assert rows and max(int(row[1]) for row in rows) == articles


@pytest.mark.slow
def test_seed_photo_credit_is_no_entity(sample_graph):
    """'BRENDAN SMIALOWSKI via Getty Images' opens a seed article: no node, no speaker."""
    from kg.rdf.namespaces import RDFS

    query = """SELECT ?node WHERE { ?node rdfs:label ?label
               FILTER(CONTAINS(LCASE(STR(?label)), "brendan")) }"""
    assert list(sample_graph.query(query, initNs={"rdfs": str(RDFS)})) == []


@pytest.mark.parametrize("text, speakers", [
    # labels that name no one of the article: people when the transcript shows they are
    ("MCCAIN: We will fight.\n\nO'ROURKE: We will win.\n\nMCCAIN: No.\n\nO'ROURKE: Yes.",
     ["McCain", "O'Rourke", "McCain", "O'Rourke"]),
    ("JAKE TAPPER: Welcome.\n\nTAPPER: Governor?", ["Jake Tapper", "Jake Tapper"]),
    # once, an acronym, or a newsroom lead: no speaker
    ("MCCAIN: We will fight.\n\nCNN: Live.\n\nCNN: Later.\n\nSEE ALSO: More.", []),
    # fields of a list, not speech (AllSides: a timeline of attacks)
    ("TARGET: One police officer wounded in knife attack\n\nATTAKER: Palestinian national\n\n"
     "TARGET: No casualties\n\nATTAKER: Unidentified", []),
])
def test_transcript_labels_without_entities(text, speakers):
    lines = transcript_lines(text, EntityTable())
    assert [line.speaker.name for _, line in sorted(lines.items())] == speakers


@pytest.mark.parametrize("text, quotes", [
    # a quoted predicate is quoted as the clause whose subject the writer gives
    ('Secretary of State Mike Pompeo rejected the lawsuit, saying that she is a "non-citizen '
     'terrorist" who "is not coming back."',
     {('she is a "non-citizen terrorist" who "is not coming back."', "Mike Pompeo")}),
    ('Sarah Jones said Clinton "should be in jail."',
     {('Clinton "should be in jail."', "Sarah Jones")}),
    # ... its marks paired, where the clause opens with quoted words or ends in ''
    ('Sarah Jones said that "instead of reassuring Americans after a terrorist attack," Obama '
     '"opted for a political takedown."',
     {('"instead of reassuring Americans after a terrorist attack," Obama "opted for a '
       'political takedown."', "Sarah Jones")}),
    ("Sarah Jones said the rise in annual deficits ''is mainly attributable to the aging of "
     "the population.''",
     {("the rise in annual deficits ''is mainly attributable to the aging of the "
       "population.''", "Sarah Jones")}),
    # ... not a quotation with its own subject, nor a noun phrase
    ('Sarah Jones said Clinton is "a disaster."', {("a disaster.", "Sarah Jones")}),
])
def test_a_quoted_predicate_is_quoted_with_its_clause(nlp, text, quotes):
    found = _quotes(nlp, text)
    assert {(q.span.text, q.speaker.name if q.speaker else None)
            for q in found if q.direct} == quotes
    assert not [q for q in found if not q.direct and any(
        q.span.begin < d.span.end and d.span.begin < q.span.end for d in found if d.direct)]
