"""Entities within one article: names, clusters, outlets, government bodies and roles."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities, headline_case_lines
from kg.extract.names import canonical_person, clean_person, is_nickname_of, shortens
from kg.extract.offices import is_candidacy
from kg.extract.outlets import outlet_name, outlet_spans
from kg.extract.records import EntityRef


@pytest.mark.parametrize("surface, name", [
    ("President Donald Trump", "Donald Trump"),
    ("Mr. Trump", "Trump"),
    ("Trump's", "Trump"),
    ("Sen. Elizabeth Warren", "Elizabeth Warren"),
    ("former Secretary of State", ""),
    ("Hillary Clinton’s", "Hillary Clinton"),
])
def test_titles_and_possessives_never_become_part_of_a_name(surface, name):
    assert clean_person(surface) == name


@pytest.mark.parametrize("short, full, expected", [
    ("Trump", "Donald Trump", True),
    ("Donald J. Trump", "Donald Trump", True),
    ("Huckabee Sanders", "Sarah Huckabee Sanders", True),
    ("Sarah Sanders", "Sarah Huckabee Sanders", True),
    ("Bill Clinton", "Hillary Clinton", False),
    ("Bernie Sanders", "Sarah Huckabee Sanders", False),
])
def test_which_names_shorten_which(short, full, expected):
    assert shortens(short, full) is expected


def test_middle_initials_stay_in_the_key():
    """Resolution joins "Donald J. Trump" to "Donald Trump"; "Paul S. Ryan" is not Paul D."""
    assert canonical_person("Donald J. Trump") == "Donald J. Trump"


@pytest.mark.parametrize("surface, outlet", [
    ("the New York Times", "The New York Times"),
    ("NYT", "The New York Times"),
    ("washingtonpost.com", "The Washington Post"),
    ("Fox News Channel", "Fox News"),
    ("The Huffington Post", "HuffPost"),
    ("politico", "Politico"),
    ("Associated Press", "Associated Press"),
    ("Acme Widgets", None),
])
def test_metadata_publishers_go_through_the_alias_table(surface, outlet):
    assert outlet_name(surface) == outlet


@pytest.mark.parametrize("text, publisher, expected", [
    ("The New York Times ran it. The Times said so.", None,
     ["The New York Times", "The New York Times"]),
    ("The Times said so.", None, []),
    ("The Times said so.", "nytimes.com", ["The New York Times"]),
    ("He told CNN and the failing New York Times.", None, ["CNN", "The New York Times"]),
    ("Storms over the Atlantic; a piece in The Atlantic.", None, ["The Atlantic"]),
    # a bare short name in context; the end of another paper's name is none
    ("A New York Times article said so. A Times article said more.", None,
     ["The New York Times", "The New York Times"]),
    ("The New York Times and the Tampa Bay Times said so.", None, ["The New York Times"]),
    ("The New York Times said so near Times Square.", None, ["The New York Times"]),
])
def test_outlets_in_text_with_the_times_only_in_context(text, publisher, expected):
    assert [s.outlet for s in outlet_spans(text, publisher)] == expected


def _people(table):
    return {e.ref.name: e for e in table.entities.values() if e.ref.kind == "person"}


@pytest.mark.parametrize("text, names", [
    ("President Donald Trump spoke. Mr. Trump left. Trump's aides stayed. "
     "Donald J. Trump returned.", {"Donald J. Trump"}),
    ("Bill Clinton and Hillary Clinton arrived. Clinton spoke first, and Hillary Clinton "
     "smiled.", {"Bill Clinton", "Hillary Clinton"}),
    ("White House press secretary Sarah Huckabee Sanders said no. Huckabee Sanders left.",
     {"Sarah Huckabee Sanders"}),
])
def test_one_person_per_real_person_within_an_article(nlp, text, names):
    assert set(_people(extract_entities(nlp(text)))) == names


@pytest.mark.parametrize("text, name, title, affiliation, official", [
    ("White House press secretary Sarah Huckabee Sanders said the author is a coward.",
     "Sarah Huckabee Sanders", "White House press secretary", EntityRef("gov", "White House"),
     True),
    ("Russian President Vladimir Putin denied it.", "Vladimir Putin", "Russian President",
     None, True),
    ("Rich Greenfield, a media analyst at BTIG Research, said the deal is done.",
     "Rich Greenfield", "media analyst", EntityRef("org", "BTIG Research"), False),
    ("The dying is relentless. Iraq War veteran Tom Young, 30, lay down.", "Tom Young",
     "Iraq War veteran", None, False),
    ("Obama referred to Republican presidential nominee\u00a0Donald Trump.", "Donald Trump",
     "Republican presidential nominee", None, True),  # candidates are officials (issue 11)
    ("Michael Mulgrew, president of the United Federation of Teachers, objected.",
     "Michael Mulgrew", "president", EntityRef("org", "United Federation of Teachers"), False),
    ("Daryl Kimball, executive director of the Arms Control Association, agreed.",
     "Daryl Kimball", "executive director", EntityRef("org", "Arms Control Association"),
     False),
    ("Former President Bill Clinton spoke.", "Bill Clinton", "Former President", None, False),
    ("Campaign spokesman Jason Miller said so.", "Jason Miller",
     "Campaign spokesman", None, True),
    ("Vermont Sen. Bernie Sanders said so.", "Bernie Sanders", "Vermont Sen.", None, True),
    # job titles are clean noun phrases (AllSides layouts)
    ("Hide Caption 10 of 19 Photos: Potential 2016 presidential candidates Vice President Joe "
     "Biden has twice before made bids.", "Joe Biden", "Vice President", None, True),
    ("everybody is worse off.”Vice President Joe Biden recently said the middle class was "
     "buried.", "Joe Biden", "Vice President", None, True),
    # a video player's words before a caption's title
    ("CLOSE President Donald Trump spoke at the White House on Monday.", "Donald Trump",
     "President", None, True),
    ("Media caption President Barack Obama said the deal was fair.", "Barack Obama",
     "President", None, True),
    # someone else's office is not the person's title
    ("Sanders, counselor to the president Kellyanne Conway and Commerce Secretary Wilbur Ross "
     "were there.", "Kellyanne Conway", None, None, False),
    # an infinitive before the title ends it; a President after 'a' is a hypothetical
    ("Donald Trump Jr. used his Instagram account to mock special counsel Robert Mueller.",
     "Robert Mueller", "special counsel", None, False),
    ("Voters fear what a President Hillary Clinton would do to the court.",
     "Hillary Clinton", None, None, False),
    # page furniture is no part of a title: caption, credit and share-button words
    ("Image copyright AFP Image caption President Trump jokes with Russian Foreign Minister "
     "Sergei Lavrov\n\nThe US extracted a spy.", "Trump", "President", None, True),
    ("Facebook Twitter Pinterest President Bill Clinton takes his oath of office.",
     "Bill Clinton", "President", None, True),
    ("Trump lost Maine. Credit Texas Sen. Ted Cruz with out-organizing Trump there.",
     "Ted Cruz", "Texas Sen.", None, True),
    # the object of a word before the title, a leading adverb, the verb of an imperative
    ("Photos: President Trump's first address to Congress US Sen. John McCain, left, talks "
     "with colleagues.", "John McCain", "US Sen.", None, True),
    ("So far among the 2020 Democratic candidates only former Vice President Joe Biden and "
     "Sen. Amy Klobuchar have spoken out.", "Joe Biden", "former Vice President", None,
     False),
    ("Biden can't make the same mistake President Barack Obama did and pick insiders.",
     "Barack Obama", "President", None, True),
    ("Even President Obama has now given up on trying.", "Obama", "President", None, True),
    ("Even real estate mogul Donald Trump has raised the possibility.", "Donald Trump",
     "real estate mogul", None, False),
    ("The opposition was strategic from the start: Derail President Barack Obama's biggest "
     "ambition.", "Barack Obama", "President", None, True),
    # ... but a place the tagger missed opening a sentence is part of the title
    ("He said so.\n\nWisconsin Gov. Scott Walker and Louisiana Gov. Bobby Jindal agreed.",
     "Scott Walker", "Wisconsin Gov.", None, True),
    # a hypothetical office with a qualifier, an adverb opening an apposition
    ("Warnings of a no-fly zone imposed by a likely President Hillary Clinton spread.",
     "Hillary Clinton", None, None, False),
    ("Well, a great Democratic President Franklin Delano Roosevelt came up with the rebuke.",
     "Franklin Delano Roosevelt", "Democratic President", None, True),
    ("Speaker of the House Paul Ryan, already a front-runner to challenge Trump in 2020, "
     "denounces the plan.", "Paul Ryan", "front-runner", None, True),
    # ... but furniture words inside a title in lower case are the title's
    ("The clip was filmed by CNN video producer Olivia Zhang on Monday.", "Olivia Zhang",
     "CNN video producer", EntityRef("outlet", "CNN"), False),
    # an office named with its portfolio is a title, not an affiliation with "State"
    ("Former Secretary of State Hillary Clinton spoke on Monday.", "Hillary Clinton",
     "Former Secretary of State", None, False),
    ("Hillary Clinton, the former secretary of state, spoke on Monday.", "Hillary Clinton",
     "former secretary of state", None, False),
    ("Secretary of State John Kerry said so.", "John Kerry", "Secretary of State", None, True),
    ("Defense Secretary Mark Esper spoke on Monday.", "Mark Esper", "Defense Secretary", None,
     True),
    # ... but a body after "secretary of" or before it is one
    ("UN Secretary General Antonio Guterres spoke on Monday.", "Antonio Guterres",
     "UN Secretary General", EntityRef("org", "UN"), True),
    ("Jane Doe, the secretary of the Democratic National Committee, spoke.", "Jane Doe",
     "secretary", EntityRef("org", "Democratic National Committee"), True),
    # a monarch's word without a realm is a figure of speech
    ("They were crowded out by Joe Biden, the king of the moderates.", "Joe Biden", None, None,
     False),
    ("Abdullah II, the king of Jordan, met the envoy.", "Abdullah II", "king", None, True),
    # a kind of person between an article and a title is no part of it (the DREAMer whom
    # the president highlighted); a title names one chamber (a caption glued to the next)
    ("The DREAMer President Barack Obama highlighted in his address said she felt complete.",
     "Barack Obama", "President", None, True),
    ("Photos: President Trump's first address to Congress House Minority Leader Nancy Pelosi "
     "listens to the speech.", "Nancy Pelosi", "House Minority Leader", None, True),
    ("The Russian President Vladimir Putin spoke.", "Vladimir Putin", "Russian President", None,
     True),
    ("The Reason President Donald Trump's wall would be a mammoth expenditure.", "Donald Trump",
     "President", None, True),
    # an office in a hypothetical, with no article, and in the article's other mentions
    ("Hypothetical President Cruz would still have to decide if it was worth it.", "Cruz", None,
     None, False),
    ("President Ted Cruz (for example) would have the authority to scrap it. Should Democrats "
     "warn of a President Cruz?", "Ted Cruz", None, None, False),
    ("In fact, that's the bigger decision that President Cruz or Trump would have to make.",
     "Cruz", None, None, False),
    # ... not where each alternative has or had an office of his own
    ("Gov. Scott Walker or Jeb Bush could win Iowa.", "Scott Walker", "Gov.", None, True),
    ("Former President Bill Clinton or Hillary will speak.", "Bill Clinton", "Former President",
     None, False),
    # "running mate" is one title, though the tagger reads "running" as a verb
    ("The party left Tampa with a rally before joining running mate Paul Ryan later in the "
     "day.", "Paul Ryan", "running mate", None, True),
    # ... and a word split at a hyphen stays whole
    ("Harris told co-host Joe Scarborough that he was wrong.", "Joe Scarborough", "co-host",
     None, False),
    # a judgement of the person is no part of the title; a function is
    ("Donald Trump, a rough-hewed candidate with one overriding message, spoke on Monday.",
     "Donald Trump", "candidate", None, True),
    ("Jane Doe, a well-known activist, spoke on Monday.", "Jane Doe", "activist", None, False),
    ("Mike Smith, the acting director of the agency, spoke on Monday.", "Mike Smith",
     "acting director", None, False),
    ("Viktor Yanukovych, the ousted Ukrainian president, fled to Russia.", "Viktor Yanukovych",
     "ousted Ukrainian president", None, False),
    # "retired" dates the office though the tagger reads it as a verb: no official
    ("The plan was praised by retired Air Force general Lloyd Newton on Monday.",
     "Lloyd Newton", "retired Air Force general", EntityRef("org", "Air Force"), False),
    # a noun before "former" ends other text (a garbled sentence)
    ("He is a witness in this committee's investigation former Secretary of State Hillary "
     "Clinton's of a private email server.", "Hillary Clinton", "former Secretary of State",
     None, False),
    # the subject of a counterfactual holds its title only there; an office held elsewhere
    # in the article stays
    ("If Obama and Joe Biden had abruptly resigned last year, could President John Boehner "
     "have strung together a list of proposals?", "John Boehner", None, None, False),
    ("President Barack Obama spoke on Monday. If the Senate had passed the bill, President "
     "Obama would have signed it.", "Barack Obama", "President", None, True),
])
def test_roles_from_titles_and_appositions(nlp, text, name, title, affiliation, official):
    person = _people(extract_entities(nlp(text)))[name]
    assert (person.job_title, person.affiliation, person.official) == (
        title, affiliation, official)


def test_government_bodies_are_gov_and_outlets_are_outlets(nlp):
    table = extract_entities(nlp("The White House and the State Department answered "
                                 "The Washington Post on Tuesday."))
    kinds = {e.ref.name: e.ref.kind for e in table.entities.values()}
    assert kinds["White House"] == "gov"
    assert kinds["State Department"] == "gov"
    assert kinds["The Washington Post"] == "outlet"


def test_a_party_note_after_a_name_is_no_entity(nlp):
    table = extract_entities(nlp("Scott's niece, state Del. Marcia Price (D-Newport News), "
                                 "shouted to the crowd. Sen. Ron Johnson (R-Wis.) agreed."))
    assert not [e for e in table.entities if e.name[:2] in ("D-", "R-")]


@pytest.mark.parametrize("text, people", [
    ("Obama Seeks More Muslim Refugees As He Recognizes Major Islamic Holiday.\n\n"
     "President Barack Obama sounded a call on Monday.", {"Barack Obama"}),
    ("Clinton Hid Past Health Problems From Public, Former White House Doctor Says.\n\n"
     "Secrecy is not a stranger to Hillary Clinton, her doctor Connie Mariano said.",
     {"Hillary Clinton", "Connie Mariano"}),
    ("Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump Reeks of Fear.\n\n"
     "Hillary Clinton asked the moderator, Rush Limbaugh said.",
     {"Hillary Clinton", "Rush Limbaugh"}),
])
def test_headline_case_words_never_become_part_of_a_name(nlp, text, people):
    assert set(_people(extract_entities(nlp(text)))) == people


@pytest.mark.parametrize("text, lines", [
    ("Obama Seeks More Muslim Refugees As He Recognizes Major Islamic Holiday.\n\n"
     "The president said so on Monday.", 1),
    ("Mary J. Blige sings to Hillary Clinton in preview clip.\n\nShe sang.", 0),
    ("Russian President Vladimir Putin denied it.", 0),
])
def test_headline_case_lines(nlp, text, lines):
    assert len(headline_case_lines(nlp(text))) == lines


@pytest.mark.parametrize("title, candidacy", [
    ("Republican presidential nominee", True),
    ("Democratic nominee", True),
    ("Green Party presidential candidate", True),
    ("former Democratic National Committee chairman and presidential candidate", False),
    ("White House press secretary", False),
    (None, False),
])
def test_candidacy_titles(title, candidacy):
    assert is_candidacy(title) is candidacy


@pytest.mark.parametrize("text, kinds", [
    # a two-word name the tagger calls an organisation, with a first name: a person
    ('Donald Trump complimented the moderator of the first debate, Lester Holt of NBC News. '
     '"I think Lester Holt will be very fair," Trump said.',
     {"Donald Trump": "person", "Lester Holt": "person"}),
    # ... not where the article uses it as an organisation ("at", a noun after it)
    ("Analysts at Morgan Stanley expect a cut. Morgan Stanley analysts said so.",
     {"Morgan Stanley": "org"}),
])
def test_a_person_the_tagger_calls_an_organisation(nlp, text, kinds):
    table = extract_entities(nlp(text))
    found = {e.ref.name: e.ref.kind for e in table.entities.values()
             if e.ref.kind in ("person", "org")}
    assert found == kinds


@pytest.mark.parametrize("text, names", [
    # a nickname names the one person of the article whose first name it shortens
    ('Another critic, Laurence H. Tribe, likened the rules to burning the Constitution. '
     'Obama dismissed the criticism. "You know, I love Larry," he said.',
     {"Laurence H. Tribe", "Obama"}),
    ("William J. Clinton spoke on Monday. Later Bill Clinton left.", {"William J. Clinton"}),
    # ... and nobody where two people fit
    ('Lawrence Summers and Laurence Tribe spoke on Monday. "I love Larry," Obama said.',
     {"Lawrence Summers", "Laurence Tribe", "Larry", "Obama"}),
])
def test_nicknames_join_the_one_person_they_fit(nlp, text, names):
    assert set(_people(extract_entities(nlp(text)))) == names


@pytest.mark.parametrize("nickname, given, expected", [
    ("Larry", "Laurence", True), ("larry", "Lawrence", True), ("Bill", "William", True),
    ("Bob", "Robert", True), ("Jim", "James", True), ("Bill", "Robert", False),
    ("Laurence", "Larry", False),
])
def test_the_nickname_table(nickname, given, expected):
    assert is_nickname_of(nickname, given) is expected
