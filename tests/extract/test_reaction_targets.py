"""Reaction targets of the sixth round (issue 12, fourth pass; docs/reactions.md): topic
labels, statements and decisions as objects, groups. Rules written from train text only."""

from __future__ import annotations

import pytest

from tests.conftest import reactions_in


def _topics(nlp, text: str) -> list[tuple[str, str]]:
    return [(r.target_topic.span.text, r.target_topic.label)
            for r in reactions_in(nlp, text) if r.target_topic]


@pytest.mark.parametrize("text, expected", [
    # the label is the phrase's head words: no leading article, no quotation marks
    ("Sen. Marco Rubio slammed a \u201cgrave threat\u201d to our democracy.",
     ("a \u201cgrave threat", "grave threat")),
    # the phrase ends before punctuation after its head (train: huff-post_2015-12-12)
    ("Democratic candidate Hillary Clinton called the agreement \u201can historic step "
     "forward\u201d in global efforts to address climate change.",
     ("the agreement", "agreement")),
    ("Sen. Bernie Sanders mocked the GOP debates on Twitter.",
     ("the GOP debates", "GOP debates")),
])
def test_a_topic_is_labelled_with_its_head_words(nlp, text, expected):
    assert _topics(nlp, text) == [expected]


def _summary(reaction) -> tuple[str, str, str, str]:
    target = (reaction.target_topic.label if reaction.target_topic
              else reaction.target_entity.name if reaction.target_entity
              else reaction.target_article.key)
    return reaction.agent.name, target, reaction.stance, reaction.shape


@pytest.mark.parametrize("text, expected", [
    # an event that befell someone is the target, not that person
    ("President Barack Obama spoke on Tuesday. Obama commented on Crutcher's death.",
     ("Barack Obama", "Crutcher's death", "react", "statement-about")),
    ("Sen. Tim Kaine condemned the killing of Terence Crutcher on Tuesday.",
     ("Tim Kaine", "killing of Terence Crutcher", "disagree", "verb-object")),
    # remarks or attacks aimed "at" someone (train: usa-today_2016-06-15)
    ("President Barack Obama spoke on Tuesday. Obama's remarks were directed broadly at "
     "Republican critics, including, he said, \"politicians who tweet.\"",
     ("Barack Obama", "Republican Party", "react", "statement-about")),
    ("Republican nominee Donald Trump spoke on Tuesday. Trump aimed his attacks at Hillary "
     "Clinton.", ("Donald Trump", "Hillary Clinton", "disagree", "verb-object")),
])
def test_sixth_round_targets(nlp, text, expected):
    assert expected in [_summary(r) for r in reactions_in(nlp, text)]


@pytest.mark.parametrize("text, agent, target", [
    # the victim of an event made nothing (the surface rule read "Obama commented on Crutcher")
    ("President Barack Obama spoke on Tuesday. Obama commented on Crutcher's death.",
     "Barack Obama", "Crutcher"),
    # negated aim is no reaction
    ("Republican nominee Donald Trump spoke on Tuesday. His remarks were not directed at "
     "Hillary Clinton.", "Donald Trump", "Hillary Clinton"),
])
def test_sixth_round_not_targets(nlp, text, agent, target):
    assert (agent, target) not in [_summary(r)[:2] for r in reactions_in(nlp, text)]


@pytest.mark.parametrize("text, expected", [
    # a defence of one's own statement or decision reacts to it (the gold's "defend his praise
    # of Putin"; train: "He defended his position of not allowing Muslims to enter")
    ("Republican nominee Donald Trump spoke on Monday. Trump defended his decision to skip the "
     "debate.", ("Donald Trump", "Donald Trump", "agree", "verb-object")),
    ("Democratic nominee Hillary Clinton spoke on Monday. Clinton stood by her remarks about "
     "Trump supporters.", ("Hillary Clinton", "Hillary Clinton", "agree", "verb-object")),
])
def test_a_defence_of_ones_own_statement_reacts_to_it(nlp, text, expected):
    assert expected in [_summary(r) for r in reactions_in(nlp, text)]


def test_a_defence_of_ones_own_people_is_no_self_reaction(nlp):
    text = ("Republican nominee Donald Trump spoke on Monday. Trump defended his campaign "
            "manager on Tuesday.")
    assert ("Donald Trump", "Donald Trump") not in \
        [_summary(r)[:2] for r in reactions_in(nlp, text)]


@pytest.mark.parametrize("text, body", [
    # a name that only modifies the group after it is no target of its own (the surface rule
    # read "Obama slammed House" beside the party the parse gives)
    ("President Barack Obama slammed House Republicans on Tuesday.", "House"),
    ("President Barack Obama slammed Senate Democrats on Tuesday.", "Senate"),
])
def test_a_name_modifying_a_group_is_no_target(nlp, text, body):
    found = [_summary(r)[:2] for r in reactions_in(nlp, text)]
    assert ("Barack Obama", body) not in found
    assert found  # the party still is


@pytest.mark.parametrize("text, agent, target", [
    # a statement noun its own clause describes has no guessed maker (train: "Lewandowski
    # rejected the idea that the billionaire ... would be a drag")
    ("Sen. Tim Kaine spoke on Monday. Gov. Chris Christie praised the decision to release the "
     "emails.", "Chris Christie", "Tim Kaine"),
    # nor is the maker the campaign's own manager who speaks for it
    ("Republican nominee Donald Trump spoke on Monday. Trump campaign manager Corey "
     "Lewandowski rejected the proposal.", "Donald Trump campaign", "Corey Lewandowski"),
])
def test_no_maker_is_guessed_for_a_described_statement(nlp, text, agent, target):
    found = [_summary(r)[:2] for r in reactions_in(nlp, text)]
    assert (agent, target) not in found
    assert any(a == agent for a, _ in found)  # the reaction stays, to a topic or someone else


@pytest.mark.parametrize("text", [
    # a reaction noun the text denies is no reaction (train: "made no comment on the ruling")
    "Republican nominee Donald Trump made no comment on the ruling Monday.",
    "Sen. Ted Cruz offered no criticism of Donald Trump on Monday.",
])
def test_a_denied_reaction_noun_is_no_reaction(nlp, text):
    assert reactions_in(nlp, text) == []


@pytest.mark.parametrize("text", [
    # "’ll" is "will": an intention (train: "he'll campaign for Canova", "She’ll ... take on
    # the NRA")
    "Sen. Bernie Sanders spoke on Monday. He\u2019ll campaign for Tim Canova.",
    "Democratic nominee Hillary Clinton spoke. She\u2019ll stand up to the gun lobby and take "
    "on the NRA.",
    # a "best shot at" something is a chance, not an attack
    "Sen. Marco Rubio spoke. Rubio\u2019s best shot at the nomination is Florida.",
])
def test_intentions_and_chances_are_no_reactions(nlp, text):
    assert reactions_in(nlp, text) == []


@pytest.mark.parametrize("text, agent, target", [
    # the one accused of or blamed for an act does it, not the accuser (train: "accused Cruz
    # of opposing the NSA's bulk collection", "assailed her for supporting the war")
    ("Gov. Chris Christie accused Sen. Ted Cruz of opposing the NSA's bulk collection of "
     "metadata.", "Chris Christie", "NSA"),
    ("Speaker Melissa Mark-Viverito accused Sen. Bernie Sanders of being inactive and chided "
     "him for siding with Republicans.", "Melissa Mark-Viverito", "Republican Party"),
])
def test_an_act_one_is_accused_of_is_not_the_accusers(nlp, text, agent, target):
    found = [_summary(r)[:2] for r in reactions_in(nlp, text)]
    assert (agent, target) not in found
    assert found  # the accusation itself stays


def test_a_gerund_after_by_is_the_subjects_act(nlp):
    text = ("Republican nominee Donald Trump spoke on Monday. Trump continued to hurt his "
            "cause by taking on Sen. Kelly Ayotte.")
    assert ("Donald Trump", "Kelly Ayotte", "disagree", "verb-object") in \
        [_summary(r) for r in reactions_in(nlp, text)]


_OBAMA = "President Barack Obama spoke on Monday. "


@pytest.mark.parametrize("text, expected", [
    # "the Obama administration" is a government body (the gold's convention), as agent and
    # as target
    (_OBAMA + "Republican nominee Donald Trump criticized the Obama administration on "
     "Tuesday.", ("Donald Trump", "Barack Obama administration", "disagree", "verb-object")),
    (_OBAMA + "The Obama administration criticized Donald Trump on Wednesday.",
     ("Barack Obama administration", "Donald Trump", "disagree", "verb-object")),
])
def test_an_administration_is_a_government_body(nlp, text, expected):
    assert expected in [_summary(r) for r in reactions_in(nlp, text)]


def test_his_administration_is_no_body(nlp):
    """"his administration": the pronoun may be a past president, so no body is made."""
    text = _OBAMA + "Sen. Ted Cruz said Obama defended his administration on Tuesday."
    assert not [r for r in reactions_in(nlp, text) if "administration" in _summary(r)[1]]


@pytest.mark.parametrize("text", [
    # a cue verb with "out" is another verb (train: "blasted out a new robocall")
    "Rep. Alan Grayson blasted out a new robocall touting his campaign.",
    "Sen. Harry Reid hammered out a deal with Sen. Mitch McConnell.",
])
def test_a_cue_with_out_is_another_verb(nlp, text):
    assert reactions_in(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # running against someone is no reaction to them (train: "the independent Vermont senator
    # who is challenging Clinton and former Maryland Gov. Martin O'Malley")
    ("Rep. Ann Kirkpatrick of Arizona, who is challenging Sen. John McCain (R), spoke.", None),
    ("Gov. Maggie Hassan is challenging Kelly Ayotte for her Senate seat.", None),
    # a challenge to someone or to what they said still is
    ("Sen. Bernie Sanders challenged Hillary Clinton on her record.",
     ("Bernie Sanders", "Hillary Clinton", "disagree", "verb-object")),
])
def test_running_against_someone_is_no_challenge(nlp, text, expected):
    found = [_summary(r) for r in reactions_in(nlp, text)]
    assert found == [] if expected is None else expected in found
