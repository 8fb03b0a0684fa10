"""What keeps a settle's cost to its batch: the engine-side surname filter and a store
folder that a new process opens without replaying the last build's writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.rdf.namespaces import RDFS
from kg.resolve.names import surname_key
from kg.resolve.scope import word_filter
from kg.store import open_store

NAMES = ["Donald Trump", "Donald Trump Jr.", "Tip O'Neill", "Mary Smith-Jones", "Ünal Özil",
         "Trumpet Player", "A. B. Cee", "Obama", "hillary   clinton", "Jean-Luc Picard",
         "Bill de Blasio", "Martin Luther King, Jr.", "J.R. Smith"]


@pytest.mark.parametrize("keys", [{"trump"}, {"o'neill", "smith-jones"}, {"özil", "cee"},
                                  {"clinton", "blasio"}, {"picard", "jr.", "king,"},
                                  {"smith"}, set()])
def test_word_filter_keeps_every_name_of_the_keys(keys: set[str]):
    """A superset: every name whose surname key is asked for passes the engine's filter
    (Python then tests the key exactly); names without any of the words do not."""
    dataset = open_store()
    graph = URIRef("http://example.org/g")
    dataset.add_quads([(URIRef(f"http://example.org/p{i}"), RDFS.label, Literal(name), graph)
                       for i, name in enumerate(NAMES)])
    query = ("SELECT ?name WHERE { ?p rdfs:label ?name "
             + word_filter("name", keys) + " }")
    passed = {str(row[0]) for row in dataset.query(query)}
    assert {name for name in NAMES if surname_key(name) in keys} <= passed
    assert all(keys & set(name.lower().split()) for name in passed)


def test_no_filter_without_keys():
    assert word_filter("name", None) == ""


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
