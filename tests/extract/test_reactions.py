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
    (_OP_ED + "“The Times should apologize for publishing the piece,” added Sarah Huckabee "
     "Sanders.", ("Sarah Huckabee Sanders", "The New York Times op-ed", "react")),
])
def test_reactions(nlp, text, expected):
    assert expected in [_summary(r) for r in _reactions(nlp, text)]


@pytest.mark.parametrize("text", [
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
