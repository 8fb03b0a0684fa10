"""What counts as a person's name: the bad forms issue 11 lists, each as a row."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.person_names import first_name_gender, fold_case


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
])
def test_only_personal_names_become_people(nlp, text, expected):
    assert _people(text, nlp) == expected


def test_headline_names_count_only_when_the_body_has_them(nlp):
    text = "Derelict Obama Meets Gold Star Mom\nPresident Barack Obama met Tina Houchins."
    people = _people(text, nlp, headline_end=text.index("\n"))
    assert "Barack Obama" in people
    assert not any("Derelict" in p or "Mom" in p for p in people)


@pytest.mark.parametrize("name, folded", [
    ("DONALD TRUMP", "Donald Trump"),
    ("AWR Hawkins", "AWR Hawkins"),
    ("Donald Trump", "Donald Trump"),
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
     {"George W. Bush": "George Bush", "George H. W. Bush": "George H. W. Bush"}),
    ("Donald Trump Jr. spoke, and so did Donald Trump.",
     {"Donald Trump Jr.": "Donald Trump Jr.", "Donald Trump": "Donald Trump"}),
    ("Donald Trump spoke on Monday in the city. Later his son, Donald Jr., spoke to the press.",
     {"Donald Jr.": "Donald Jr."}),
    # a woman's honorific never joins the only full name in the article if it is a man's
    ("Donald Trump spoke. Mrs. Trump smiled.", {"Mrs. Trump": "Trump"}),
])
def test_mentions_resolve_by_honorific_title_and_generation(nlp, text, expected):
    """The entity of the mention ending where the last occurrence of each surface ends."""
    table = extract_entities(nlp(text))
    for surface, name in expected.items():
        end = text.rindex(surface) + len(surface)
        assert {m.entity.name for m in table.mentions if m.span.end == end} == {name}, surface
