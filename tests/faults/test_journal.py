"""The undo journal on its own: writes of a transaction that did not finish are undone,
whether it raised or its process was killed mid-way, and the union stays in step."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.journal import JOURNAL, needs_recovery
from kg.store import open_store
from tests.faults.conftest import kg_env, store_quads

EX = "http://example.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")
S, P = URIRef(EX + "s"), URIRef(EX + "p")
BEFORE = [(S, P, Literal("shared"), G1), (S, P, Literal("shared"), G2),
          (S, P, Literal("only in g1"), G1)]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    dataset = open_store(folder)
    dataset.add_quads(BEFORE)
    dataset.close()
    return folder


def test_a_transaction_that_raises_is_undone_at_once(store: Path):
    before = store_quads(store)
    dataset = open_store(store)
    with pytest.raises(RuntimeError), dataset.transaction("test"):
        dataset.remove_quads(BEFORE[1:])
        dataset.add_quads([(S, P, Literal("new"), G2)])
        raise RuntimeError("stop")
    dataset.close()
    assert store_quads(store) == before
    assert not needs_recovery(store)


KILLED_MID_TRANSACTION = """import os, signal, sys
from rdflib import Literal, URIRef
from kg.store import open_store
EX = "http://example.org/"
S, P = URIRef(EX + "s"), URIRef(EX + "p")
dataset = open_store(sys.argv[1])
with dataset.transaction("article"):
    dataset.put_graph(URIRef(EX + "g1"), [(S, P, Literal("new"), URIRef(EX + "g1"))])
    graph = URIRef(EX + "g3")  # a graph the store did not have
    dataset.put_graph(graph, [(S, P, Literal("shared"), graph),
                              (S, P, Literal("only in g3"), graph)])
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_transaction_whose_process_was_killed_is_undone_by_the_next_opener(store: Path):
    """Changed and new graphs, as a build writes them."""
    before = store_quads(store)
    done = subprocess.run([sys.executable, "-c", KILLED_MID_TRANSACTION, str(store)],
                          env=kg_env(), capture_output=True, text=True)
    assert done.returncode == -9, done.stderr
    assert store_quads(store) != before  # the kill left half a change ...
    with (store / JOURNAL).open("a") as journal:
        journal.write("+ <http://example.org/cut")  # ... and a line the kill cut short
    dataset = open_store(store)
    assert dataset.recover() == (True, None)
    dataset.close()
    assert store_quads(store) == before  # named graphs and union as they were
    assert not needs_recovery(store)
