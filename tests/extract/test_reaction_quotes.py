"""Quote-cue reactions (kg/extract/reaction_quotes.py): which quotes by officials react to
whom, and which do not (docs/reactions.md, "Fourth round (quotes)")."""

from __future__ import annotations

import pytest

from kg.extract.reaction_quotes import _own_side
from kg.extract.records import Entity, EntityRef, Span
from kg.extract.table import EntityTable
from tests.conftest import reactions_in


def _summary(reaction):
    target = reaction.target_entity.name if reaction.target_entity else None
    return reaction.agent.name, target, reaction.stance, reaction.shape


@pytest.mark.parametrize("text, expected", [
    # a candidate's camp in an "X: quote" headline is the campaign
    ("Clinton camp: Trump\u2019s Islamaphobia threatens national security\n\nThe campaign of "
     "Hillary Clinton answered Donald Trump on Monday.",
     ("Hillary Clinton campaign", "Donald Trump", "disagree", "quote-cue")),
    # charges of corruption judge
    ("\u201cThe evidence is clear: it is pay-to-play at Hillary Clinton\u2019s State "
     "Department,\u201d Sen. Jeff Sessions said.",
     ("Jeff Sessions", "Hillary Clinton", "disagree", "quote-cue")),
    ("Sen. Jeff Sessions said Hillary Clinton\u2019s acceptance of donations was akin to "
     "extortion.",
     ("Jeff Sessions", "Hillary Clinton", "disagree", "quote-cue")),
    # a definite role description in the quote names its target
    ("President Barack Obama spoke on Monday.\n\nDonald Trump said the president\u2019s "
     "refusal to name the enemy is a weakness.",
     ("Donald Trump", "Barack Obama", "disagree", "quote-cue")),
    # a handle in a tweet that spells a person's name
    ("Gov. Mike Pence endorsed Ted Cruz.\n\n\u201cI appreciate @mike_pence for his courage,"
     "\u201d tweeted Sen. Lindsey Graham.",
     ("Lindsey Graham", "Mike Pence", "agree", "quote-cue")),
    # a sentence that only addresses someone is judged by the quote around it
    ("Republican nominee Donald Trump called for a deportation force.\n\n\"The idea of "
     "tracking down and deporting 11 million people is absurd, inhumane, and un-American. No, "
     "Trump. -H\" Democratic nominee Hillary Clinton tweeted.",
     ("Hillary Clinton", "Donald Trump", "disagree", "quote-cue")),
    # a quote split by its attribution is one sentence: the blame is in the second part
    ("\u201cWhen I look at somebody like Hillary Clinton,\u201d Republican candidate Ben "
     "Carson said, \u201cwho tells everyone it was a video, they call that a lie.\u201d",
     ("Ben Carson", "Hillary Clinton", "disagree", "quote-cue")),
])
def test_quote_reactions(nlp, text, expected):
    assert expected in [_summary(r) for r in reactions_in(nlp, text)]


@pytest.mark.parametrize("text, agent, target", [
    # praise in a name: "Rep. Mia Love", "the Great Recession"
    ("\u201cI met Rep. Mia Love on Tuesday,\u201d Sen. Ted Cruz said.", "Ted Cruz", "Mia Love"),
    ("\u201cHillary Clinton voted on the bank bill during the Great Recession,\u201d Sen. "
     "Bernie Sanders said.", "Bernie Sanders", "Hillary Clinton"),
    # "like" praises only as a verb
    ("\u201cI think somebody like Donald Trump is taking advantage of that,\u201d President "
     "Barack Obama said.", "Barack Obama", "Donald Trump"),
    # a negated or wished-for judgement judges nobody
    ("\u201cI can\u2019t support Donald Trump,\u201d Sen. Ted Cruz said.", "Ted Cruz",
     "Donald Trump"),
    ("\u201cI would love to see Sen. Ted Cruz in the race,\u201d Donald Trump said.",
     "Donald Trump", "Ted Cruz"),
    # a handle outside the tweet's words says where it was posted, not whom it judges
    ("Gov. Mike Pence endorsed Ted Cruz.\n\nSen. Lindsey Graham wrote on @mike_pence\u2019s "
     "page: \u201cThis endorsement is a disgrace.\u201d", "Lindsey Graham", "Mike Pence"),
    # the interviewer is whom it was said to
    ("\u201cMy reaction, that was outrageous,\u201d Sen. Ted Cruz said in an interview with "
     "CNN\u2019s Wolf Blitzer. \u201cHe has refused to apologize for an outrageous "
     "statement.\u201d", "Ted Cruz", "Wolf Blitzer"),
])
def test_not_a_quote_reaction(nlp, text, agent, target):
    assert (agent, target) not in [_summary(r)[:2] for r in reactions_in(nlp, text)]


@pytest.mark.parametrize("text, stance", [
    # ("I strongly support Paul Ryan" is now a verb-object reaction: "I" is the speaker)
    ("\u201cWe strongly support Paul Ryan,\u201d Indiana Gov. Mike Pence said.", "agree"),
    # someone else's support is no praise of the speaker's: blame alone criticises
    ("\u201cWe know that Paul Ryan has shown a troubling willingness to support Putin,"
     "\u201d Indiana Gov. Mike Pence said.", "disagree"),
])
def test_support_praises_only_from_the_speaker(nlp, text, stance):
    assert ("Mike Pence", "Paul Ryan", stance, "quote-cue") in \
        [_summary(r) for r in reactions_in(nlp, text)]


def test_words_quoted_from_the_target_do_not_praise_them(nlp):
    """"When Donald Trump says 'make America great again'": his words, not her praise."""
    text = ("\u201cWhen Donald Trump says \u2018Let\u2019s make America great again,\u2019 that "
            "is code for let\u2019s take America backward,\u201d Hillary Clinton said.")
    assert ("Hillary Clinton", "Donald Trump", "agree", "quote-cue") not in \
        [_summary(r) for r in reactions_in(nlp, text)]


@pytest.mark.parametrize("text, own", [
    ("Clinton spokesman Brian Fallon said it.", True),  # "Clinton" in no mention of hers
    ("Brian Fallon, a Clinton critic, said it.", False),
    ("Senator Brian Fallon said it.", False),
])
def test_a_spokesman_speaks_for_whom_his_title_names(text, own):
    """The speaker's own side is no target of his quote, even where the parse gives the
    surname before his title no mention of its own."""
    fallon, clinton = EntityRef("person", "Brian Fallon"), EntityRef("person", "Hillary Clinton")
    table = EntityTable()
    table.add_entity(Entity(clinton))
    table.add_entity(Entity(fallon, job_title="spokesman"))
    begin = text.index("Brian Fallon")
    table.add_mention(Span(begin, begin + 12, "Brian Fallon"), fallon)
    assert _own_side(table, fallon, clinton, text) is own


_OP_ED = "The New York Times published an anonymous op-ed on Wednesday. "


@pytest.mark.parametrize("text, stance", [
    (_OP_ED + "White House press secretary Sarah Huckabee Sanders said the op-ed is "
     "misleading.", "disagree"),
    (_OP_ED + "White House press secretary Sarah Huckabee Sanders said the op-ed was "
     "published on Wednesday.", "react"),
])
def test_a_statement_about_an_article_takes_its_stance_from_its_words(nlp, text, stance):
    """"Fallon said the AP report is misleading": criticism, not a neutral response."""
    assert ("Sarah Huckabee Sanders", None, stance, "statement-about") in \
        [_summary(r) for r in reactions_in(nlp, text)]


_RIVALS = "Republican nominee Donald Trump spoke on Monday. "


@pytest.mark.parametrize("text, agent", [
    # "he" is not Warren, and Trump is the only man named before
    (_RIVALS + "\u201cHe is a disgrace,\u201d Sen. Elizabeth Warren said.", "Elizabeth Warren"),
    (_RIVALS + "Sen. Elizabeth Warren said he is a disgrace.", "Elizabeth Warren"),
    # in his own words a man calls himself "I": "he" is someone else
    (_RIVALS + "\u201cHe is a disgrace,\u201d Sen. Lindsey Graham said.", "Lindsey Graham"),
])
def test_a_pronoun_names_the_one_person_it_can_be(nlp, text, agent):
    assert (agent, "Donald Trump", "disagree", "quote-cue") in \
        [_summary(r) for r in reactions_in(nlp, text)]


@pytest.mark.parametrize("text, agent, target", [
    # reported speech in the speaker's own gender: "he" may be the speaker
    (_RIVALS + "Sen. Lindsey Graham said he is a disgrace.", "Lindsey Graham", "Donald Trump"),
    # two men named before: either may be meant
    (_RIVALS + "Sen. Ted Cruz answered. \u201cHe is a disgrace,\u201d Sen. Elizabeth Warren "
     "said.", "Elizabeth Warren", "Donald Trump"),
])
def test_an_ambiguous_pronoun_names_nobody(nlp, text, agent, target):
    assert (agent, target) not in [_summary(r)[:2] for r in reactions_in(nlp, text)]


@pytest.mark.parametrize("text, stance", [
    # praise conceded before "but" is no agreement (train: "I like Paul, but these are
    # horrible times", west-journal_2016-08-03)
    ("President Barack Obama spoke with Larry Wilmore on Monday. \u201cI love Larry, but he "
     "has to do better,\u201d Obama said.", "react"),
    # unless what follows praises too
    ("President Barack Obama spoke with Larry Wilmore on Monday. \u201cI love Larry, but I "
     "love his show more,\u201d Obama said.", "agree"),
])
def test_praise_conceded_before_but_does_not_agree(nlp, text, stance):
    assert ("Barack Obama", "Larry Wilmore", stance, "quote-cue") in \
        [_summary(r) for r in reactions_in(nlp, text)]


def test_a_plan_spoken_of_is_no_intention(nlp):
    """"said Trump's plan was dangerous" judges the plan's maker; only "planned to" is an
    intention (reported speech about the future states no reaction)."""
    text = ("Republican nominee Donald Trump spoke on Monday. Democratic nominee Hillary "
            "Clinton said Trump's plan was dangerous.")
    assert ("Hillary Clinton", "Donald Trump", "disagree", "quote-cue") in \
        [_summary(r) for r in reactions_in(nlp, text)]


@pytest.mark.parametrize("text, expected", [
    # a description the quotes stage leaves unresolved, as the subject of the cue, is read
    # as a reaction's subject is: the person last made a subject, not one inside the quote
    ("Donald Trump attacked the Supreme Court on Tuesday.\n\n\u201cJustice Ruth Bader "
     "Ginsburg has embarrassed all by making very dumb political statements about me,\u201d "
     "the presumptive Republican presidential nominee wrote in a tweet.",
     ("Donald Trump", "Ruth Bader Ginsburg", "disagree", "quote-cue")),
    # ... or the nearest earlier person with that title
    ("Indiana Gov. Mike Pence endorsed Ted Cruz on Friday.\n\n\u201cI particularly want to "
     "commend Donald Trump, who has given voice to the frustration of millions,\u201d the "
     "governor said.",
     ("Mike Pence", "Donald Trump", "agree", "quote-cue")),
])
def test_a_described_speaker_reacts(nlp, text, expected):
    assert expected in [_summary(r) for r in reactions_in(nlp, text)]


@pytest.mark.parametrize("text, expected", [
    # the reporting clause says the quote attacks: a criticism verb with no object of its own
    ("Sen. Bernie Sanders hit back, saying that Hillary Clinton was too focused on her "
     "donors.", ("Bernie Sanders", "Hillary Clinton", "disagree", "quote-cue")),
    ("Lashing out, Sen. Marco Rubio said Gov. Chris Christie was too focused on his campaign.",
     ("Marco Rubio", "Chris Christie", "disagree", "quote-cue")),
])
def test_a_reporting_clause_that_attacks_judges(nlp, text, expected):
    assert expected in [_summary(r) for r in reactions_in(nlp, text)]


def test_a_criticism_verb_of_something_else_judges_nobody(nlp):
    """"hit" with its own (passive) subject is what befell something, no attack."""
    text = ("When the mosque was hit by vandalism, Sen. Bernie Sanders said Hillary Clinton "
            "visited it.")
    assert not [r for r in reactions_in(nlp, text) if r.shape == "quote-cue"]


def test_a_description_is_not_one_the_sentence_names(nlp):
    """The last person titled so, but named in the quote itself, is not its speaker."""
    text = ("Carson: Cruz taking 'Benghazi' approach to Iowa controversy.\n\nThe \"dirty "
            "tricks\" that Ben Carson accused Ted Cruz's campaign of perpetrating on caucus "
            "night are not on the same level as Hillary Clinton's reaction to the Benghazi "
            "attacks, the candidate said Friday.")
    assert not [r for r in reactions_in(nlp, text)
                if r.shape == "quote-cue" and r.agent.name.endswith("Cruz")]
