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
