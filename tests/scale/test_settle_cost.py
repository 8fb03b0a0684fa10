"""What keeps a settle's cost to its batch: a store folder that a new process opens
without replaying the last build's writes."""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef

from kg.rdf.namespaces import RDFS
from kg.store import open_store


def _table_bytes(folder: Path) -> int:
    return sum(table.stat().st_size for table in folder.glob("*.sst"))


def test_a_closed_store_folder_has_its_writes_in_its_tables(tmp_path: Path):
    """RocksDB keeps recent writes in memory and its write-ahead log until a flush; a next
    process would replay that log on open (time and memory that grew with the last build)."""
    folder = tmp_path / "store"
    dataset = open_store(folder)
    graph = URIRef("http://example.org/g")
    dataset.add_quads([(URIRef(f"http://example.org/s{i}"), RDFS.label, Literal(f"n{i}"), graph)
                       for i in range(2000)])
    before = _table_bytes(folder)
    dataset.close()
    assert _table_bytes(folder) > before
    reopened = open_store(folder)
    try:
        assert len(list(reopened.quads((None, RDFS.label, None, graph)))) == 2000
    finally:
        reopened.close()
