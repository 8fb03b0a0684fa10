"""What counts as a person's name: the bad forms issue 11 lists, each as a row."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.first_names import first_name_gender, fold_case


def _people(text: str, nlp, headline_end: int = 0) -> set[str]:
    table = extract_entities(nlp(text), headline_end=headline_end)
    return {ref.name for ref in table.entities if ref.kind == "person"}


@pytest.mark.parametrize("text, expected", [
    # a verb glued on in a headline-like line, and the body names the person
    ("Obama Says Museum Tells Story\n\nBarack Obama opened the museum on Saturday.",
     {"Barack Obama"}),
    # an epithet or a descriptor is not part of the name
    ("Crooked Hillary Clinton lied again, Hillary Clinton's critics said.",
     {"Hillary Clinton"}),
    ("Billionaire Tom Steyer paid for the ads.", {"Tom Steyer"}),
    ("Kentuckian Mitch McConnell blocked the vote.", {"Mitch McConnell"}),
    ("Former Miss Universe Alicia Machado spoke.", {"Alicia Machado"}),
    # a pageant's crown is no person
    ("Donald Trump's tweets attacked a former Miss Universe.", {"Donald Trump"}),
    # a title the tagger kept inside the name
    ("Vermont Sen. Bernie Sanders said the plan works.", {"Bernie Sanders"}),
    # a noun after a name
    ("Voters liked the Clinton Plan, said Hillary Clinton.", {"Hillary Clinton"}),
    # groups and organisations are not people
    ("Trump supporters cheered as Donald Trump spoke.", {"Donald Trump"}),
    ("The Clintons left early; Bill Clinton waved.", {"Bill Clinton"}),
    ("Latinos backed Hillary Clinton by wide margins.", {"Hillary Clinton"}),
    # run-together list text and photo-credit debris
    ("Getty 2016 Mike Pence said he would attend.", {"Mike Pence"}),
    # hyphenated names stay whole
    ("Douglas Holtz-Eakin, a Republican economist, said so.", {"Douglas Holtz-Eakin"}),
    ("Secretary General Ban Ki-moon spoke.", {"Ban Ki-moon"}),
    # a lone title or common word is not a person
    ("Senator after senator joined the pile-on against John Stumpf.", {"John Stumpf"}),
    ("Turnout was low, turnout experts said, and Hillary Clinton worried.",
     {"Hillary Clinton"}),
    # shows, books, polls and firms made of capitalised common words
    ("During a May interview on CNBC's Squawk Box, Donald Trump said he won.",
     {"Donald Trump"}),
    ("In her 2003 book, Living History, Hillary Clinton noted the clot's existence.",
     {"Hillary Clinton"}),
    ("Yesterday, there were two polls. Morning Consult and Rasmussen had very similar "
     "numbers, said Pat Caddell.", {"Pat Caddell"}),
    # the organisation of a job
    ("Loretta Lynch was a partner at Hogan & Hartson (now Hogan Lovells) from 2002.",
     {"Loretta Lynch"}),
    ("Charlotte Meehan is artistic director of Sleeping Weazel, which premiered her play.",
     {"Charlotte Meehan"}),
    # a quoted title, an abstract noun after "the", a word the tagger reads as an adjective
    ('Al Sharpton took calls on his "Keepin\' It Real" radio program.', {"Al Sharpton"}),
    ("Maria Lopez wrote: together we fight the Alt Right, the Misogamy and blatant bigotry.",
     {"Maria Lopez"}),
    ("Ann Meehan's father spent it all by stocking up on Beehive freeze-dried food.",
     {"Ann Meehan"}),
    # a place written short, a first name ending a title, an organisation in a list
    ("World leaders denounce N. Korea test. North Korea said it was a success, Ban Ki-moon "
     "said.", {"Ban Ki-moon"}),
    ("It was reinforced by former President Bill Clinton, who activated the 1994 Crime Bill.",
     {"Bill Clinton"}),
    ("The Ohio chapter of the A. Philip Randolph Institute, represented by the American Civil "
     "Liberties Union of Ohio and Demos, filed suit challenging the law. Secretary of State "
     "Jon Husted said he would appeal.", {"Jon Husted"}),
    # first names that are also particles stay ("Al", "Van")
    ("Al Gore met Van Jones.", {"Al Gore", "Van Jones"}),
    # AllSides layouts: a linked name followed by a name card glued to the next headline,
    # photo credits, hashtags, eponyms, a job word inside the name
    ("It came from two of President Trump Donald John TrumpGOP senators balk at trial.",
     {"Trump"}),
    ("That's the part, Sen. Tom Cotton Thomas (Tom) Bryant CottonTom Cotton's only rival quits "
     "race in Arkansas.", {"Tom Cotton"}),
    ("Obama's plan is expected Wednesday. | REUTERS Obama set to unveil new gun plan\n\n"
     "President Barack Obama's plan was wide.", {"Barack Obama"}),
    ("Republicans left it to Speaker Paul Ryan Paul Davis Ryan Retirees should say 'no "
     "thanks' to the plan.", {"Paul Ryan"}),
    ("Just look at the #MeToo movement, Jane Smith wrote.", {"Jane Smith"}),
    ("The senator spoke on Monday. (File Photo) Mike Lee said no.", {"Mike Lee"}),
    ("Boehner had operated under what was known as the Hastert Rule, named for Speaker "
     "Dennis Hastert.", {"Dennis Hastert"}),
    ("Moderator Martha Raddatz asked the question.", {"Martha Raddatz"}),
    # ... but a name after a closing quote is a name, and so is a first name in two capitals
    ("without even trying to talk to him?” Neal K. Katyal, New York Times\n\n“As "
     "American as it gets.", {"Neal K. Katyal"}),
    ("AnnaLee Saxenian, dean of the School of Information, disagreed.", {"AnnaLee Saxenian"}),
    # a headline list run together; middle names stay
    ("Iowa poll: Biden stretches lead over Sanders Elizabeth Warren holds a strong position."
     "\n\nBernie Sanders came second.", {"Elizabeth Warren", "Biden", "Bernie Sanders"}),
    ("Boram Brian Kim, a student, said so.", {"Boram Brian Kim"}),
    ("Hillary Rodham Clinton and Ruth Bader Ginsburg met Martin Luther King III.",
     {"Hillary Rodham Clinton", "Ruth Bader Ginsburg", "Martin Luther King III"}),
    ("South Korean President Park Geun-hye said so.", {"Park Geun-hye"}),
    # page furniture before a caption's name (AllSides): the video player's "CLOSE"
    ("CLOSE Donald Trump held a rally in New Jersey on Thursday.", {"Donald Trump"}),
    ("Opinion Bernie Sanders is right about the banks, Jane Smith wrote.",
     {"Bernie Sanders", "Jane Smith"}),
    # a verb, a modal or a common word before a first name and a surname
    ('Fake headlines like "Endorses Donald Trump for President, Releases Statement" spread.',
     {"Donald Trump"}),
    ("And this raises the question: Will Paul Ryan remain speaker?", {"Paul Ryan"}),
    ("THE VILLAGES, Fla. — Meet Paul Ryan's mom.", {"Paul Ryan"}),
    ("Creepy, crazy Uncle Joe Biden is facing a backlash.", {"Joe Biden"}),
    # ... but not an initial
    ("Donors included TD Ameritrade founder J. Joe Ricketts.", {"J. Joe Ricketts"}),
    # a double surname beside another person of its first part stays whole
    ("Reinaldo Flores looks for work. Mr. Flores-Macias, an associate professor, said so.",
     {"Reinaldo Flores", "Flores-Macias"}),
])
def test_only_personal_names_become_people(nlp, text, expected):
    assert _people(text, nlp) == expected


@pytest.mark.parametrize("text, expected", [
    # a name ends at a hyphen when the article writes the word before it as a name alone
    ("Donald Trump met Kim. Reporters covered the Donald Trump-Kim summit in Vietnam.",
     {"Donald Trump"}),
    ("Coverage was partly obscured by a tsunami of Donald Trump-related stories.",
     {"Donald Trump"}),
    ("Bernie won young voters. Clinton sounded Bernie-lite in calling for reform.",
     {"Bernie"}),
    # a surname in capitals after a first name as written
    ("A Kremlin insider praised Republican presidential candidate Donald TRUMP's lawyer.",
     {"Donald Trump"}),
])
def test_surfaces_carry_no_debris(nlp, text, expected):
    """The forms a reader sees as a person's other names (skos:altLabel)."""
    table = extract_entities(nlp(text))
    assert {s for e in table.entities.values() if e.ref.kind == "person"
            and e.ref.name.endswith(("Trump", "Bernie")) for s in e.alt_labels} == expected


def test_headline_names_count_only_when_the_body_has_them(nlp):
    text = "Derelict Obama Meets Gold Star Mom\nPresident Barack Obama met Tina Houchins."
    people = _people(text, nlp, headline_end=text.index("\n"))
    assert "Barack Obama" in people
    assert not any("Derelict" in p or "Mom" in p for p in people)


@pytest.mark.parametrize("name, folded", [
    ("DONALD TRUMP", "Donald Trump"),
    ("AWR Hawkins", "AWR Hawkins"),
    ("Donald Trump", "Donald Trump"),
    ("Donald TRUMP", "Donald Trump"),
    ("MITCH McCONNELL", "Mitch McConnell"),
    ("MItt Romney", "Mitt Romney"),
    ("JOHN F. KENNEDY", "John F. Kennedy"),
    ("Martin Luther King III", "Martin Luther King III"),
])
def test_all_caps_names_are_folded(name, folded):
    assert fold_case(name) == folded


@pytest.mark.parametrize("word, gender", [
    ("Hillary", "f"), ("Donald", "m"), ("Melania", "f"), ("Barack", "m"), ("Crooked", None)])
def test_first_name_gender(word, gender):
    assert first_name_gender(word) == gender


@pytest.mark.parametrize("text, expected", [
    # honorific gender: "Mrs. Clinton" is not Bill, "Mr. Clinton" not Hillary
    ("Bill Clinton and Hillary Clinton arrived. Mrs. Clinton spoke first.",
     {"Mrs. Clinton": "Hillary Clinton"}),
    ("Hillary Clinton and Bill Clinton arrived. Mr. Clinton spoke first.",
     {"Mr. Clinton": "Bill Clinton"}),
    # a title the article gave only one of them (apart when it gave none: see resolve tests)
    ("Former president Bill Clinton came with his wife, Hillary Clinton, to the event on time. "
     "President Clinton waved to the crowd.",
     {"President Clinton": "Bill Clinton"}),
    # generational names stay apart
    ("George W. Bush and George H. W. Bush met.",
     {"George W. Bush": "George W. Bush", "George H. W. Bush": "George H. W. Bush"}),
    ("Donald Trump Jr. spoke, and so did Donald Trump.",
     {"Donald Trump Jr.": "Donald Trump Jr.", "Donald Trump": "Donald Trump"}),
    ("Donald Trump spoke on Monday in the city. Later his son, Donald Jr., spoke to the press.",
     {"Donald Jr.": "Donald Jr."}),
    # a woman's honorific never joins the only full name in the article if it is a man's
    ("Donald Trump spoke. Mrs. Trump smiled.", {"Mrs. Trump": "Trump"}),
    # ... but the honorific outweighs a guess from a first name the project does not list
    ("Ilhan Omar spoke on Monday. Ms. Omar said the bill would fail.",
     {"Ms. Omar": "Ilhan Omar"}),
    # another first name before a surname the article knows is another person
    ("Lest you assume that my parents, James and Olive Meehan, were uneducated: they read. "
     "Charlotte Meehan is a playwright.", {"Olive Meehan": "Olive Meehan"}),
    # "Dr." is evidence like a title: a Dr. the article never calls a doctor is someone else
    ("Joe Biden spoke, and Jill Biden listened. He has always supported Dr. Biden in hers.",
     {"Dr. Biden": "Biden"}),
    # ... unless the article names one person of that surname
    ("Fiona Hill, a former White House aide, testified. Dr. Hill said she was shocked.",
     {"Dr. Hill": "Fiona Hill"}),
    ("Dr. Ben Carson spoke on Monday in the city. Later Dr. Carson left.",
     {"Dr. Carson": "Ben Carson"}),
    # after an honorific a word is a surname, never a first name ("Mr. Paul" is Rand Paul)
    ("Paul D. Ryan spoke on Monday. Mr. Paul disagreed with him.", {"Mr. Paul": "Paul"}),
    # ... unless the name is written family name first
    ("Ban Ki-moon spoke on Monday. Mr. Ban disagreed with him.", {"Mr. Ban": "Ban Ki-moon"}),
    # an attributive name is still the person ("an Obama veto")
    ("Barack Obama will veto the bill. Congress has never overridden an Obama veto.",
     {"Obama": "Barack Obama"}),
])
def test_mentions_resolve_by_honorific_title_and_generation(nlp, text, expected):
    """The entity of the mention ending where the last occurrence of each surface ends."""
    table = extract_entities(nlp(text))
    for surface, name in expected.items():
        end = text.rindex(surface) + len(surface)
        assert {m.entity.name for m in table.mentions if m.span.end == end} == {name}, surface


@pytest.mark.parametrize("text, first, second, same", [
    # "President and Mrs. Trump": two people; she is not the article's President Trump
    ("President Trump spoke. Pope Francis greets President and Mrs. Trump with a smile.",
     "President Trump", "Mrs. Trump", False),
    # ... but "Mr. King and Mr. Morial" is no couple, and "Mr. Obama" is President Obama
    ("Marc H. Morial spoke. Mr. King and Mr. Morial are also participating.",
     "Marc H. Morial", "Mr. Morial", True),
    ("President Obama spoke on Monday. Later Mr. Obama left the room.",
     "President Obama", "Mr. Obama", True),
    # a titled surname takes the honorific of its sex before the other sex's can join it
    ("Before Mr. Clinton left office he wrote to Iran. Message to President Khatami from "
     "President Clinton: we know. Seeking the nomination, Mrs. Clinton has embraced it.",
     "President Clinton", "Mrs. Clinton", False),
    ("Before Mr. Clinton left office he wrote to Iran. Message to President Khatami from "
     "President Clinton: we know. Seeking the nomination, Mrs. Clinton has embraced it.",
     "President Clinton", "Mr. Clinton", True),
])
def test_honorifics_join_by_couple_and_title_order(nlp, text, first, second, same):
    """The entities of the mentions ending where ``first`` first and ``second`` last end."""
    table = extract_entities(nlp(text))
    entity_at = {m.span.end: m.entity for m in table.mentions}
    first_end = text.index(first) + len(first)
    second_end = text.rindex(second) + len(second)
    assert (entity_at[first_end] == entity_at[second_end]) is same


def test_a_bare_surname_goes_to_the_person_the_body_introduces(nlp):
    """Neither the headline's "Melania Trump" nor "Melania" alone makes her the article's
    Trump: the body first writes Donald Trump's name."""
    text = ("Hold Melania Trump to her husband's standards\n\n"
            "Readers asked about Melania. Several weeks ago, Donald Trump stated that Melania "
            "would talk. We asked whether Melania Trump's story matters. Trump said nothing.")
    table = extract_entities(nlp(text), headline_end=text.index("\n"))
    end = text.rindex("Trump said") + len("Trump")
    assert {m.entity.name for m in table.mentions if m.span.end == end} == {"Donald Trump"}


def test_a_capitalised_word_before_a_known_surname_is_not_a_first_name(nlp):
    """"The" is in gender-guesser's list; "The Trump of 'The Apprentice'" is still Trump."""
    text = ('Donald Trump fired him. He is willing to shame those who work for him.\n\n'
            'The Trump of "The Apprentice" is where he learned it.')
    table = extract_entities(nlp(text))
    assert {surface for entity in table.entities.values() if entity.ref.kind == "person"
            for surface in entity.alt_labels} == {"Donald Trump", "Trump"}
