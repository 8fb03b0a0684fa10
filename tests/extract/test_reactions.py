"""Official-reacted-to: who reacted to which article, person or body, with which stance."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.publications import text_publications
from kg.extract.quotes import extract_quotes
from kg.extract.reactions import extract_reactions

_OP_ED = "The New York Times published an anonymous op-ed on Wednesday. "


def _reactions(nlp, text):
    doc = nlp(text)
    table = extract_entities(doc)
    quotes = list(extract_quotes(doc, table))
    _, articles = text_publications(doc, table)
    return list(extract_reactions(doc, table, quotes, articles))


def _summary(reaction):
    target = (reaction.target_article.key if reaction.target_article
              else reaction.target_entity.name)
    return reaction.agent.name, target, reaction.stance


@pytest.mark.parametrize("text, expected", [
    (_OP_ED + "Responding to the unsigned op-ed, President Donald Trump said it is “really a "
     "disgrace.”", ("Donald Trump", "The New York Times op-ed", "react")),
    ("President Donald Trump criticized the “failing New York Times” on Thursday.",
     ("Donald Trump", "The New York Times", "disagree")),
    ("Sen. Elizabeth Warren praised Bernie Sanders for his campaign.",
     ("Elizabeth Warren", "Bernie Sanders", "agree")),
    (_OP_ED + "Shortly after, the White House issued a statement, describing the Times piece "
     "as “a new low.”", ("White House", "The New York Times op-ed", "react")),
    ("Gov. Chris Christie slammed Hillary Clinton over her emails.",
     ("Chris Christie", "Hillary Clinton", "disagree")),
    (_OP_ED + "White House press secretary Sarah Huckabee Sanders spoke. “The Times should "
     "apologize for publishing the piece,” added Sarah Huckabee Sanders.",
     ("Sarah Huckabee Sanders", "The New York Times op-ed", "react")),
])
def test_reactions(nlp, text, expected):
    assert expected in [_summary(r) for r in _reactions(nlp, text)]


_ANON = ("The New York Times published an op-ed by a senior official in the Trump "
         "administration. \u201cWe are the resistance,\u201d the author wrote. ")


@pytest.mark.parametrize("text, expected", [
    ("Sen. Lindsey Graham has been critical of Donald Trump for months.",
     ("Lindsey Graham", "Donald Trump", "disagree")),
    ("Rep. Adam Schiff called on President Barack Obama to act.",
     ("Adam Schiff", "Barack Obama", "react")),
    ("Sen. Lindsey Graham spoke. In June, the senator called on fellow Republicans to "
     "unendorse Donald Trump.", ("Lindsey Graham", "Donald Trump", "disagree")),
    ("Rep. Adam Schiff urged the president to retaliate against Russia for the hacking.",
     ("Adam Schiff", "Russia", "disagree")),
    ("Democratic nominee Hillary Clinton spoke. Asked about Donald Trump's declaration that "
     "it was a bomb, Clinton said it was too early.", ("Hillary Clinton", "Donald Trump",
                                                        "react")),
    ("Manhattan Supreme Court Justice Frank Nervo ruled. The judge agreed with Ivana Trump "
     "that there was no reason to intrude.", ("Frank Nervo", "Ivana Trump", "agree")),
    ("New Jersey Gov. Chris Christie, who has campaigned for GOP nominee Donald Trump, "
     "spoke on Wednesday.", ("Chris Christie", "Donald Trump", "agree")),
    ("Vermont Sen. Bernie Sanders railed against Donald Trump on Tuesday.",
     ("Bernie Sanders", "Donald Trump", "disagree")),
    ("Republican nominee Donald Trump complimented Lester Holt of NBC News.",
     ("Donald Trump", "Lester Holt", "agree")),
    ("Sen. Elizabeth Warren and Sen. Bernie Sanders endorsed Hillary Clinton.",
     ("Bernie Sanders", "Hillary Clinton", "agree")),
    (_ANON + "President Donald Trump called the author a coward on Thursday.",
     ("Donald Trump", "senior official in the Trump administration", "react")),
    (_ANON + "White House press secretary Sarah Huckabee Sanders criticized the author.",
     ("Sarah Huckabee Sanders", "senior official in the Trump administration", "disagree")),
])
def test_new_reaction_cues(nlp, text, expected):
    assert expected in [_summary(r) for r in _reactions(nlp, text)]


@pytest.mark.parametrize("text", [
    # reactions by people the text gives no office: analysts, hosts, retired officers
    "Rich Greenfield, a media analyst at BTIG Research, criticized Donald Trump.",
    "MSNBC host Chris Matthews praised Mike Pence on Tuesday.",
    "Retired Gen. Norman Ham criticized Hillary Clinton.",
    "Former DNC chairman Howard Dean attacked Donald Trump.",
    "The Association of Flight Attendants endorsed Hillary Clinton.",
    # "called X a Y on Thursday" is not "called on"
    "President Donald Trump called the plan a disaster on Thursday.",
    "Hillary Clinton told CNN that she was feeling fine.",
    "The senator said the weather was fine.",
    _OP_ED + "In the op-ed, the author said that officials resist.",
])
def test_not_reactions(nlp, text):
    assert _reactions(nlp, text) == []


def test_a_quoted_reaction_is_derived_from_its_quote(nlp):
    reactions = _reactions(nlp, _OP_ED + "Responding to the op-ed, President Donald Trump said "
                           "it is “really a disgrace” that it was published.")
    quote = reactions[0].derived_from
    assert quote is not None and "disgrace" in quote.span.text
