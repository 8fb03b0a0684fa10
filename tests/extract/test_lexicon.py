"""The English word index comes from the pipeline that parsed the text, never from another."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.nlp import MODEL_ENV, load_pipeline


@pytest.fixture
def no_default_pipeline(monkeypatch):
    """As in a build with --model X, where the default pipeline need not be installed: only
    the pipeline in hand is loaded."""
    monkeypatch.setenv(MODEL_ENV, "no_such_spacy_pipeline")
    load_pipeline.cache_clear()
    yield
    load_pipeline.cache_clear()


def test_rules_use_the_parsing_pipelines_words_not_the_default_model(nlp, no_default_pipeline):
    doc = nlp("During a May interview on CNBC's Squawk Box, Donald Trump said he won.\n\n"
              "The opposition was strategic from the start: Derail President Barack Obama's "
              "biggest ambition.")
    people = {e.ref.name: e for e in extract_entities(doc).entities.values()
              if e.ref.kind == "person"}
    assert set(people) == {"Donald Trump", "Barack Obama"}  # "Squawk Box": common words
    assert people["Barack Obama"].job_title == "President"  # "Derail": a verb, not a title
