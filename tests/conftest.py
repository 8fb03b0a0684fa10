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
