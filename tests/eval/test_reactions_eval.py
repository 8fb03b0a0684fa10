"""`kg eval --reactions`: matching rules on a tiny hand-made gold, and the dev figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.eval.reactions import (
    ReactionScore,
    SystemReaction,
    evaluate_reactions,
    format_reaction_report,
    is_match,
    score_article,
)

TEXT = "Warren slammed Trump. She praised the Clinton campaign. Trump said of Warren: no."
GOLD = {"article": "a", "split": "train", "checked": True, "reactions": [
    {"agent": "Elizabeth Warren", "agent_kind": "person", "agent_mention": [0, 6, "Warren"],
     "target": "Donald Trump", "target_kind": "person", "target_maker": None,
     "target_mention": [15, 20, "Trump"], "stance": "disagree", "shape": "verb-object",
     "cue": "slammed", "evidence": [0, 20, "Warren slammed Trump"]},
    {"agent": "Elizabeth Warren", "agent_kind": "person", "agent_mention": [22, 25, "She"],
     "target": "Hillary Clinton campaign", "target_kind": "org", "target_maker": None,
     "target_mention": [34, 54, "the Clinton campaign"], "stance": "agree",
     "shape": "verb-object", "cue": "praised", "evidence": [22, 54, "She praised the Cli"]},
    {"agent": "Donald Trump", "agent_kind": "person", "agent_mention": [56, 61, "Trump"],
     "target": "Warren's remark", "target_kind": "statement",
     "target_maker": "Elizabeth Warren", "target_mention": [70, 76, "Warren"],
     "stance": "disagree", "shape": "said-of", "cue": "said of", "evidence": [56, 81, "T"]},
], "non_reactions": []}


def _system(evidence, agent, target, stance="disagree", shape="verb-object",
            agent_spans=(), target_spans=(), topic=False):
    return SystemReaction("a", evidence, stance, shape, frozenset({agent}), agent_spans,
                          frozenset({target}), target_spans, topic)


EVENT = {"agent": "Bernie Sanders", "agent_kind": "person", "agent_mention": [0, 7, "Sanders"],
         "target": "Republican presidential debate", "target_kind": "event",
         "target_maker": None, "target_mention": [16, 31, "the GOP debates"],
         "stance": "disagree", "shape": "verb-object", "cue": "mocked",
         "evidence": [0, 31, "Sanders mocked the GOP debates"]}


@pytest.mark.parametrize("system, gold_index, expected", [
    # agent and target by label
    (_system((0, 20), "elizabeth warren", "donald trump"), 0, True),
    # agent by a mention overlapping the gold agent mention, target by its mention
    (_system((22, 54), "she", "clinton campaign", agent_spans=((22, 25),),
             target_spans=((38, 54),)), 1, True),
    # a statement target matches by its maker
    (_system((56, 81), "donald trump", "elizabeth warren", shape="said-of"), 2, True),
    # evidence elsewhere
    (_system((22, 54), "elizabeth warren", "donald trump"), 0, False),
    # wrong agent
    (_system((0, 20), "donald trump", "donald trump"), 0, False),
    # wrong target
    (_system((0, 20), "elizabeth warren", "bernie sanders"), 0, False),
])
def test_a_system_reaction_matches_a_gold_one(system, gold_index, expected):
    assert is_match(system, GOLD["reactions"][gold_index]) is expected


@pytest.mark.parametrize("system, gold, expected", [
    # a topic node matches an event by its mention, whatever the labels
    (_system((0, 31), "bernie sanders", "the gop debates", target_spans=((16, 31),),
             topic=True), EVENT, True),
    # a topic's phrase may name a person ("Trump's words") without being them
    (_system((0, 20), "elizabeth warren", "trump's words", target_spans=((15, 20),),
             topic=True), GOLD["reactions"][0], False),
    # a topic matches a statement by mention, not by the maker's name
    (_system((56, 81), "donald trump", "warren's remark", target_spans=((70, 76),),
             topic=True, shape="said-of"), GOLD["reactions"][2], True),
])
def test_a_topic_matches_only_events_statements_decisions_and_articles(system, gold,
                                                                        expected):
    assert is_match(system, gold) is expected


def test_scores_count_each_gold_once_and_stance_over_matched():
    score = ReactionScore()
    score_article(GOLD, TEXT, [
        _system((0, 20), "elizabeth warren", "donald trump"),
        _system((0, 20), "elizabeth warren", "donald trump"),  # a double: wrong
        _system((56, 81), "donald trump", "elizabeth warren", stance="react",
                shape="said-of"),
    ], score)
    assert score.figures() == (2 / 3, 2 / 3)
    assert score.figures("said-of") == (1.0, 1.0)
    assert score.figures("verb-object") == (0.5, 0.5)
    assert score.stance_accuracy == 0.5
    assert len(score.missed) == 1 and "Hillary Clinton campaign" in score.missed[0]
    report = format_reaction_report(score, errors=5)
    assert "overall" in report and "missed:" in report and "wrong:" in report


GOLD_DEV = Path(__file__).resolve().parents[1] / "data" / "reaction_gold" / "dev"
# measured on dev after the seventh round (docs/reactions.md): precision 0.808 (52 system),
# recall 0.258, stance 0.976 of 42 matched (after the sixth: 0.820 / 0.252 / 0.976 of 41);
# the targets are 0.85 / 0.75 / 0.90, and precision must stay at 0.80 or above
PRECISION_FLOOR, RECALL_FLOOR, STANCE_FLOOR = 0.80, 0.25, 0.97  # docs/reactions.md


@pytest.mark.slow
def test_dev_reaction_figures(nlp):
    """Floors at the figures measured on dev (docs/reactions.md): the stance target holds,
    precision and recall are below the issue's targets."""
    score, splits = evaluate_reactions(GOLD_DEV, nlp)
    precision, recall = score.figures()
    assert splits == {"dev"}
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR
    assert score.stance_accuracy >= STANCE_FLOOR



GOLD_TRAIN = GOLD_DEV.parent / "train"
# measured on train (docs/reactions.md, seventh round): the rules were written on it (on
# half A of it in the seventh), so these floors guard the rules against regressions rather
# than measure them
QUOTE_PRECISION_FLOOR, QUOTE_RECALL_FLOOR = 0.95, 0.48  # measured 0.971 (35) / 0.487
TRAIN_PRECISION_FLOOR, TRAIN_RECALL_FLOOR = 0.96, 0.61  # measured 0.969 (128) / 0.611


@pytest.mark.slow
def test_train_reaction_figures(nlp):
    """Precision and recall on train, overall and for quote-cue, stay at the figures the
    rules were written to."""
    score, splits = evaluate_reactions(GOLD_TRAIN, nlp)
    assert splits == {"train"}
    precision, recall = score.figures("quote-cue")
    assert precision >= QUOTE_PRECISION_FLOOR and recall >= QUOTE_RECALL_FLOOR
    precision, recall = score.figures()
    assert precision >= TRAIN_PRECISION_FLOOR and recall >= TRAIN_RECALL_FLOOR
