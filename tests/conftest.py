"""Shared fixtures: the spaCy pipeline and the sample graph are built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

import kg
from kg.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def sample_graph(nlp) -> Dataset:
    """The graph of the three sample articles (read-only: do not modify in tests)."""
    return kg.build([DATA])


def reactions_in(nlp, text: str) -> list:
    """The reactions the extraction stage finds in ``text``, with the quotes and mentioned
    articles it reads them from."""
    from kg.extract.entities import extract_entities
    from kg.extract.publications import text_publications
    from kg.extract.quotes import extract_quotes
    from kg.extract.reactions import extract_reactions

    doc = nlp(text)
    table = extract_entities(doc)
    quotes = list(extract_quotes(doc, table))
    _, articles = text_publications(doc, table)
    return list(extract_reactions(doc, table, quotes, articles))
