"""A folder store writes its tables to disk as a build goes, not only when it closes:
Oxigraph otherwise holds every write of the process in memory (2 GB for a 2,000-article
batch). What is not yet in the tables is in RocksDB's write-ahead log, so the log's size
tells how much a store holds in memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg import local_store
from kg.store import open_store

EX = "http://example.org/"


def unflushed_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.glob("*.log"))


def quads(first: int, count: int) -> list:
    return [(URIRef(f"{EX}s{i}"), URIRef(EX + "p"), Literal(i), URIRef(f"{EX}g{i // 100}"))
            for i in range(first, first + count)]


def write_then_remove(folder: Path, in_transaction: bool) -> tuple[int, int, int]:
    """Writes 12,000 quads (twice that in the engine, with the union) in batches of 600,
    then removes them; the unflushed bytes after each, and the quads left."""
    dataset = open_store(folder)
    written = [quads(start, 600) for start in range(0, 12_000, 600)]
    for batch in written:
        if in_transaction:
            with dataset.transaction("test"):
                dataset.add_quads(batch)
        else:
            dataset.add_quads(batch)
    after_writes = unflushed_bytes(folder)
    for batch in written:
        dataset.remove_quads(batch)
    after_removals = unflushed_bytes(folder)
    left = len(dataset.engine)
    dataset.close()
    return after_writes, after_removals, left


@pytest.mark.parametrize("in_transaction", [False, True])
def test_writes_and_removals_do_not_pile_up_in_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_transaction: bool):
    monkeypatch.setattr(local_store, "FLUSH_QUADS", 10**9)
    held_writes, held_removals, _ = write_then_remove(tmp_path / "held", in_transaction)
    monkeypatch.setattr(local_store, "FLUSH_QUADS", 2_000)
    writes, removals, left = write_then_remove(tmp_path / "flushed", in_transaction)
    assert writes < held_writes / 3
    assert removals < held_removals / 3
    assert left == 0  # flushing loses no removal

