"""Fault fixtures: `kg build` run as a real subprocess, a corpus of real articles, and a
store folder read back as canonical quads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.term import Node

from kg.api import open_dataset
from kg.rdf.namespaces import XSD
from tests.conftest import ROOT, SHARED

TRAIN = SHARED / "polnear" / "train" / "text"


def kg_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


def kg_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def run_kg(*args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run(kg_command(*args), env=kg_env(), capture_output=True, text=True,
                          timeout=timeout)


def _normal(term: Node) -> Node:
    """One spelling per RDF 1.1 value ("x"^^xsd:string is "x")."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def store_quads(folder: Path) -> set[tuple[Node, ...]]:
    """Every quad of a store folder, the union (default graph) included. The graph has no
    blank nodes, so equal sets mean isomorphic datasets."""
    dataset = open_dataset(folder)
    try:
        return {(s, p, _normal(o), g) for s, p, o, g in dataset.quads((None, None, None, None))}
    finally:
        dataset.close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twenty short real articles (and the three samples, which share people with them)."""
    folder = tmp_path_factory.mktemp("faults-corpus")
    for path in sorted(ROOT.joinpath("data").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    short = [p for p in sorted(TRAIN.glob("*.txt")) if 1500 < p.stat().st_size < 3500]
    for path in short[:: max(1, len(short) // 17)][:17]:
        shutil.copy(path, folder / path.name)
    return folder
